/* certo-requirement-list.c — the Statement of Applicability as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every requirement of the workspace in a GtkColumnView, filtered by a
 * model (clauses, Annex A, one clause or theme, "needs attention", the
 * search) and sorted by the column the user clicks. The filter runs again
 * when the user changes it, not when an edit changes a row: the row being
 * edited never vanishes under the pointer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-requirement-cell.h"
#include "certo-requirement-list.h"
#include "certo-workspace-util.h"

/* The first entries of the "Show" menu; the groups follow */
#define N_SCOPES 3

struct _CertoRequirementList
{
  AdwBin               parent_instance;

  CertoWorkspace      *workspace;
  GPtrArray           *group_keys;     /* (element-type utf8) after the scopes */
  GtkStringList       *group_names;
  GtkFilter           *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  CertoSearchQuery    *query;
  char                *query_text;
  char                *today;

  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *group_dropdown;
  GtkToggleButton     *attention_button;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *requirements_view;
  GtkColumnViewColumn *label_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *applicability_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *evidence_column;
  AdwStatusPage       *empty_page;

  /* Which columns fit: set from the width, after each allocation */
  gboolean             compact;
  int                  columns_level;
  guint                columns_idle;
  guint                scroll_idle;
  guint                focus_idle;
};

G_DEFINE_FINAL_TYPE (CertoRequirementList, certo_requirement_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_query (CertoRequirementList *self)
{
  return self->query != NULL && !certo_search_query_is_empty (self->query);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CertoRequirementList *self = user_data;
  CertoRequirementState *requirement = item;
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  switch (selected)
    {
    case GTK_INVALID_LIST_POSITION:
    case CERTO_REQUIREMENT_SCOPE_ALL:
      break;
    case CERTO_REQUIREMENT_SCOPE_CLAUSES:
      if (certo_requirement_state_get_is_annex_a (requirement))
        return FALSE;
      break;
    case CERTO_REQUIREMENT_SCOPE_ANNEX_A:
      if (!certo_requirement_state_get_is_annex_a (requirement))
        return FALSE;
      break;
    default:
      if (selected - N_SCOPES < self->group_keys->len
          && g_strcmp0 (certo_requirement_state_get_group_key (requirement),
                        g_ptr_array_index (self->group_keys, selected - N_SCOPES)) != 0)
        return FALSE;
      break;
    }

  if (gtk_toggle_button_get_active (self->attention_button)
      && certo_requirement_state_get_soa_issues (requirement) == CERTO_SOA_ISSUE_NONE
      && !certo_requirement_is_overdue (requirement, self->today))
    return FALSE;

  if (has_query (self))
    {
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      text = g_strjoin (" ",
                        certo_requirement_state_get_display_label (requirement),
                        certo_requirement_state_get_title (requirement),
                        certo_requirement_state_get_owner (requirement) ? certo_requirement_state_get_owner (requirement) : "",
                        NULL);
      folded = certo_text_fold (text);
      if (!certo_search_query_matches (self->query, folded))
        return FALSE;
    }

  return TRUE;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int sa = certo_requirement_state_get_status ((CertoRequirementState *) a);
  int sb = certo_requirement_state_get_status ((CertoRequirementState *) b);

  return (sa > sb) - (sa < sb);
}

static int
compare_applicability (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  int sa = certo_requirement_state_get_applicability ((CertoRequirementState *) a);
  int sb = certo_requirement_state_get_applicability ((CertoRequirementState *) b);

  return (sa > sb) - (sa < sb);
}

static void
update_states (CertoRequirementList *self)
{
  guint shown = self->sorted != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
  guint total = self->workspace != NULL ? g_list_model_get_n_items (certo_workspace_get_requirements (self->workspace)) : 0;
  g_autofree char *count = NULL;

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement", "%u requirements", total), total);
  else
    /* Translators: "37 of 116 requirements" shown after filtering */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u requirement", "%u of %u requirements", total),
                             shown, total);
  gtk_label_set_text (self->count_label, count);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "empty");
  if (shown == 0 && total > 0)
    {
      g_autofree char *description = NULL;

      /* AdwStatusPage:description is markup: the query is escaped */
      if (has_query (self))
        description = g_markup_printf_escaped (_("No requirement matches “%s” here."), self->query_text);
      else if (gtk_toggle_button_get_active (self->attention_button))
        description = g_strdup (_("Nothing here needs attention: every SoA entry is complete and nothing is overdue."));
      else
        description = g_strdup (_("No requirement belongs to this selection."));
      adw_status_page_set_description (self->empty_page, description);
    }
}

static void
refilter (CertoRequirementList *self)
{
  g_free (self->today);
  self->today = certo_iso_date_today ();
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_states (self);
}

static void
on_filter_changed (CertoRequirementList *self)
{
  refilter (self);
}

static void
set_query (CertoRequirementList *self,
           const char           *text)
{
  if (g_strcmp0 (text, self->query_text) == 0)
    return;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_free (self->query_text);
  self->query_text = g_strdup (text);
  if (text != NULL && *text != '\0')
    self->query = certo_search_query_new (text);

  refilter (self);
}

static void
on_search_changed (CertoRequirementList *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (CertoRequirementList *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (CertoRequirementList *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_query (self, NULL);
    }
}

static void
on_show_all_clicked (CertoRequirementList *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_toggle_button_set_active (self->attention_button, FALSE);
  gtk_drop_down_set_selected (self->group_dropdown, CERTO_REQUIREMENT_SCOPE_ALL);
  refilter (self);
}

static void
on_row_activated (CertoRequirementList *self,
                  guint                 position)
{
  g_autoptr(CertoRequirementState) requirement = NULL;

  gtk_single_selection_set_selected (self->selection, position);
  requirement = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (requirement != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, requirement);
}

static void
on_selected_changed (CertoRequirementList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_model_changed (CertoRequirementList *self)
{
  update_states (self);
}

/* The "Show" menu: everything, clauses, Annex A, then each top group */
static void
build_groups (CertoRequirementList *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *requirements;
  guint n;

  g_ptr_array_set_size (self->group_keys, 0);
  gtk_string_list_splice (self->group_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->group_names)), NULL);
  gtk_string_list_append (self->group_names, _("All Requirements"));
  gtk_string_list_append (self->group_names, _("Clauses 4–10"));
  gtk_string_list_append (self->group_names, _("Annex A"));

  if (self->workspace == NULL)
    return;

  requirements = certo_workspace_get_requirements (self->workspace);
  n = g_list_model_get_n_items (requirements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoRequirementState) requirement = g_list_model_get_item (requirements, i);
      const char *key = certo_requirement_state_get_group_key (requirement);
      g_autofree char *name = NULL;

      if (key == NULL || g_hash_table_contains (seen, key))
        continue;

      g_hash_table_add (seen, (gpointer) key);
      name = certo_group_name (certo_requirement_state_get_group_label (requirement),
                               certo_requirement_state_get_group_title (requirement),
                               certo_requirement_state_get_is_annex_a (requirement),
                               certo_requirement_state_get_is_clause (requirement));
      g_ptr_array_add (self->group_keys, g_strdup (key));
      gtk_string_list_append (self->group_names, name);
    }
}

static void
clear_models (CertoRequirementList *self)
{
  gtk_column_view_set_model (self->requirements_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
}

static void
build_models (CertoRequirementList *self)
{
  GListModel *requirements;

  clear_models (self);
  build_groups (self);
  gtk_drop_down_set_selected (self->group_dropdown, CERTO_REQUIREMENT_SCOPE_ALL);

  if (self->workspace == NULL)
    {
      update_states (self);
      return;
    }

  requirements = certo_workspace_get_requirements (self->workspace);
  self->filtered = gtk_filter_list_model_new (g_object_ref (requirements), g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->requirements_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_model_changed), self);
  gtk_column_view_set_model (self->requirements_view, GTK_SELECTION_MODEL (self->selection));

  refilter (self);
}

static guint
find_position (GListModel            *model,
               CertoRequirementState *requirement)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoRequirementState) item = g_list_model_get_item (model, i);

      if (item == requirement)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* GtkColumnView has no scroll_to() before GTK 4.12: its list does. From
 * an idle: a list just shown has no size to scroll in yet. */
static gboolean
scroll_to_selected (gpointer user_data)
{
  CertoRequirementList *self = user_data;
  guint position;

  self->scroll_idle = 0;
  if (self->selection == NULL)
    return G_SOURCE_REMOVE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->requirements_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

/* The row widget that shows @requirement, if it is built */
static gboolean
shows_requirement (GtkWidget             *widget,
                   CertoRequirementState *requirement)
{
  if (CERTO_IS_REQUIREMENT_CELL (widget))
    return certo_requirement_cell_get_item (CERTO_REQUIREMENT_CELL (widget)) == requirement;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_requirement (child, requirement))
      return TRUE;

  return FALSE;
}

static gboolean
focus_row (CertoRequirementList *self)
{
  CertoRequirementState *requirement = certo_requirement_list_get_selected (self);

  if (requirement == NULL)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->requirements_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_VIEW (child))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (child);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (gtk_widget_get_mapped (row) && shows_requirement (row, requirement))
          return gtk_widget_grab_focus (row);
    }

  return FALSE;
}

static gboolean
focus_row_later (gpointer user_data)
{
  CertoRequirementList *self = user_data;

  self->focus_idle = 0;
  if (!focus_row (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->requirements_view));
  return G_SOURCE_REMOVE;
}

/* Columns by the width they have: every field from 1000 px, without
 * owner, due date and evidence below, without applicability below 560 */
static int
columns_level_for (CertoRequirementList *self,
                   int                   width)
{
  if (self->compact || width < 560)
    return 0;
  if (width < 1000)
    return 1;
  return 2;
}

static void
show_column (GtkColumnViewColumn *column,
             gboolean             visible,
             int                  width)
{
  gtk_column_view_column_set_visible (column, visible);
  /* GTK 4.8 counts hidden columns' widths when it shares out the width
   * to the expanding title: a hidden column is made narrow too */
  gtk_column_view_column_set_fixed_width (column, visible ? width : 0);
}

static void
update_columns (CertoRequirementList *self)
{
  int level = columns_level_for (self, gtk_widget_get_width (GTK_WIDGET (self)));

  self->columns_level = level;
  show_column (self->applicability_column, level >= 1, 170);
  show_column (self->owner_column, level >= 2, 130);
  show_column (self->due_column, level >= 2, 150);
  show_column (self->evidence_column, level >= 2, 100);
  gtk_column_view_column_set_fixed_width (self->label_column, level == 0 ? 70 : 90);
  gtk_column_view_column_set_fixed_width (self->status_column, level == 0 ? 130 : 150);
  gtk_widget_queue_resize (GTK_WIDGET (self->requirements_view));
}

static gboolean
on_columns_idle (gpointer user_data)
{
  CertoRequirementList *self = user_data;

  self->columns_idle = 0;
  update_columns (self);
  return G_SOURCE_REMOVE;
}

static void
certo_requirement_list_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (widget)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
certo_requirement_list_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (adw_bin_get_child (ADW_BIN (widget)));
}

static void
certo_requirement_list_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  CertoRequirementList *self = CERTO_REQUIREMENT_LIST (widget);

  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);

  /* Changing columns now would lay out again inside this allocation: at
   * once after it, before the frame is drawn */
  if (columns_level_for (self, width) != self->columns_level && self->columns_idle == 0)
    self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, on_columns_idle, self, NULL);
}

static void
certo_requirement_list_dispose (GObject *object)
{
  CertoRequirementList *self = (CertoRequirementList *) object;

  g_clear_handle_id (&self->columns_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);

  clear_models (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->filter);
  g_clear_object (&self->group_names);

  G_OBJECT_CLASS (certo_requirement_list_parent_class)->dispose (object);
}

static void
certo_requirement_list_finalize (GObject *object)
{
  CertoRequirementList *self = (CertoRequirementList *) object;

  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_clear_pointer (&self->query, certo_search_query_free);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (certo_requirement_list_parent_class)->finalize (object);
}

static void
certo_requirement_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CertoRequirementList *self = CERTO_REQUIREMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, certo_requirement_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CertoRequirementList *self = CERTO_REQUIREMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_requirement_list_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      certo_requirement_list_select (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_list_class_init (CertoRequirementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_requirement_list_dispose;
  object_class->finalize = certo_requirement_list_finalize;
  object_class->get_property = certo_requirement_list_get_property;
  object_class->set_property = certo_requirement_list_set_property;

  widget_class->measure = certo_requirement_list_measure;
  widget_class->get_request_mode = certo_requirement_list_get_request_mode;
  widget_class->size_allocate = certo_requirement_list_size_allocate;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         CERTO_TYPE_REQUIREMENT_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoRequirementList::activated:
   * @self: the list
   * @requirement: the requirement the user opened (Enter, double click)
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CERTO_TYPE_REQUIREMENT_STATE);

  g_type_ensure (CERTO_TYPE_REQUIREMENT_CELL);
  g_type_ensure (CERTO_TYPE_REQUIREMENT_STATE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-requirement-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, attention_button);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, count_label);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, requirements_view);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, label_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, title_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, applicability_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, status_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, owner_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, due_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, evidence_column);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
certo_requirement_list_init (CertoRequirementList *self)
{
  g_autoptr(GtkSorter) status_sorter = NULL;
  g_autoptr(GtkSorter) applicability_sorter = NULL;

  /* measure() and size_allocate() above, not AdwBin's layout manager:
   * the columns follow the width the list gets */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_keys = g_ptr_array_new_with_free_func (g_free);
  self->group_names = gtk_string_list_new (NULL);
  self->today = certo_iso_date_today ();
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));

  status_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
  gtk_column_view_column_set_sorter (self->status_column, status_sorter);
  applicability_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_applicability, NULL, NULL));
  gtk_column_view_column_set_sorter (self->applicability_column, applicability_sorter);

  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->columns_level = -1;
  build_models (self);
}

/**
 * certo_requirement_list_get_workspace:
 * @self: a #CertoRequirementList
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
CertoWorkspace *
certo_requirement_list_get_workspace (CertoRequirementList *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_LIST (self), NULL);

  return self->workspace;
}

/**
 * certo_requirement_list_set_workspace:
 * @self: a #CertoRequirementList
 * @workspace: (nullable): the workspace whose requirements to show
 */
void
certo_requirement_list_set_workspace (CertoRequirementList *self,
                                      CertoWorkspace       *workspace)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_toggle_button_set_active (self->attention_button, FALSE);
  build_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * certo_requirement_list_get_selected:
 * @self: a #CertoRequirementList
 *
 * Returns: (transfer none) (nullable): the selected requirement
 */
CertoRequirementState *
certo_requirement_list_get_selected (CertoRequirementList *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_LIST (self), NULL);

  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * certo_requirement_list_select:
 * @self: a #CertoRequirementList
 * @requirement: (nullable): a requirement of the workspace, or %NULL to
 *   select nothing
 *
 * Selects @requirement and scrolls to it; filters that hide it are
 * cleared first.
 */
void
certo_requirement_list_select (CertoRequirementList  *self,
                               CertoRequirementState *requirement)
{
  guint position;

  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));
  g_return_if_fail (requirement == NULL || CERTO_IS_REQUIREMENT_STATE (requirement));

  if (self->selection == NULL)
    return;

  if (requirement == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  position = find_position (G_LIST_MODEL (self->sorted), requirement);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      on_show_all_clicked (self);
      position = find_position (G_LIST_MODEL (self->sorted), requirement);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  self->scroll_idle = g_idle_add (scroll_to_selected, self);
}

/**
 * certo_requirement_list_get_model:
 * @self: a #CertoRequirementList
 *
 * Returns: (transfer none) (nullable): the requirements shown, filtered
 *   and in the order shown
 */
GListModel *
certo_requirement_list_get_model (CertoRequirementList *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * certo_requirement_list_set_scope:
 * @self: a #CertoRequirementList
 * @scope: every requirement, the clauses or Annex A
 */
void
certo_requirement_list_set_scope (CertoRequirementList  *self,
                                  CertoRequirementScope  scope)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));
  g_return_if_fail (scope < N_SCOPES);

  gtk_drop_down_set_selected (self->group_dropdown, scope);
}

/**
 * certo_requirement_list_set_group:
 * @self: a #CertoRequirementList
 * @group_key: the key of a top group ("a5", "c9")
 *
 * Shows only the requirements of that clause, theme or domain.
 */
void
certo_requirement_list_set_group (CertoRequirementList *self,
                                  const char           *group_key)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));

  for (guint i = 0; i < self->group_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_keys, i), group_key) == 0)
      {
        gtk_drop_down_set_selected (self->group_dropdown, N_SCOPES + i);
        return;
      }
}

/**
 * certo_requirement_list_set_needs_attention:
 * @self: a #CertoRequirementList
 * @needs_attention: whether to show only requirements whose SoA entry is
 *   incomplete or whose due date passed
 */
void
certo_requirement_list_set_needs_attention (CertoRequirementList *self,
                                            gboolean              needs_attention)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));

  gtk_toggle_button_set_active (self->attention_button, needs_attention);
}

/**
 * certo_requirement_list_begin_search:
 * @self: a #CertoRequirementList
 *
 * Shows the search bar and focuses it (Ctrl+F).
 */
void
certo_requirement_list_begin_search (CertoRequirementList *self)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * certo_requirement_list_set_compact:
 * @self: a #CertoRequirementList
 * @compact: whether the list is on a phone or a narrow window (the
 *   leaflet folded)
 *
 * A compact list shows the number, title and status only; the other
 * fields are in the editor. Wide enough, the list also shows them by
 * itself, as its width allows.
 */
void
certo_requirement_list_set_compact (CertoRequirementList *self,
                                    gboolean              compact)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));

  self->compact = compact;
  update_columns (self);
}

/**
 * certo_requirement_list_focus_selected:
 * @self: a #CertoRequirementList
 *
 * Puts the keyboard focus on the row of the selected requirement (back
 * from its editor: Esc, Alt+Left); a row not built yet is scrolled to
 * and focused once the list has laid it out.
 */
void
certo_requirement_list_focus_selected (CertoRequirementList *self)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_LIST (self));

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  if (focus_row (self))
    return;

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  scroll_to_selected (self);
  /* After the layout the scroll causes (redraws run at HIGH_IDLE + 20) */
  self->focus_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_row_later, self, NULL);
}
