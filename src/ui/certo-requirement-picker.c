/* certo-requirement-picker.c — choose several requirements, with a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per requirement of the workspace, each with a check box; the
 * search hides rows (a filter function), so what is ticked stays ticked
 * while the user looks for the next one ("supplier" finds 5.19–5.23).
 * The search has the focus when the picker opens; a number typed ranks
 * that requirement first ("5.1" shows A.5.1 before A.5.10–A.5.19), and
 * Enter ticks the first row shown.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "certo-requirement-picker.h"
#include "certo-requirement-row.h"

struct _CertoRequirementPicker
{
  AdwWindow         parent_instance;

  CertoWorkspace   *workspace;
  CertoSearchQuery *query;
  char             *label_query;   /* the search as a number: "A.5.1", upper case */
  GPtrArray        *rows;          /* (element-type CertoRequirementRow) in order */

  AdwWindowTitle   *window_title;
  GtkButton        *accept_button;
  GtkSearchEntry   *search_entry;
  GtkListBox       *requirements_list;
  GtkLabel         *placeholder_label;
  GtkLabel         *count_label;
};

G_DEFINE_FINAL_TYPE (CertoRequirementPicker, certo_requirement_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  CertoRequirementPicker *self = user_data;
  CertoRequirementState *requirement;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->query == NULL || certo_search_query_is_empty (self->query))
    return TRUE;

  requirement = certo_requirement_row_get_item (CERTO_REQUIREMENT_ROW (row));
  text = g_strjoin (" ",
                    certo_requirement_state_get_display_label (requirement),
                    certo_requirement_state_get_title (requirement),
                    NULL);
  folded = certo_text_fold (text);

  return certo_search_query_matches (self->query, folded);
}

/* "5.1", "a.5.1" and "A.5.1 " all name A.5.1; NULL for a search that is
 * not a number */
static char *
label_query_from (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *upper = g_ascii_strup (stripped, -1);

  if (*upper == '\0' || strchr (upper, ' ') != NULL ||
      !(g_ascii_isdigit (upper[0]) || (g_str_has_prefix (upper, "A.") && g_ascii_isdigit (upper[2]))))
    return NULL;
  return g_steal_pointer (&upper);
}

/* 0: the number searched for; 1: a number that starts with it; 2: the rest */
static int
rank_row (CertoRequirementPicker *self,
          GtkListBoxRow          *row)
{
  CertoRequirementState *requirement;
  const char *display;
  const char *label;

  if (self->label_query == NULL)
    return 2;

  requirement = certo_requirement_row_get_item (CERTO_REQUIREMENT_ROW (row));
  display = certo_requirement_state_get_display_label (requirement);
  label = g_str_has_prefix (display, "A.") && !g_str_has_prefix (self->label_query, "A.") ? display + 2 : display;
  if (g_ascii_strcasecmp (label, self->label_query) == 0)
    return 0;
  if (g_ascii_strncasecmp (label, self->label_query, strlen (self->label_query)) == 0)
    return 1;
  return 2;
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  CertoRequirementPicker *self = user_data;
  int ra = rank_row (self, a);
  int rb = rank_row (self, b);
  guint pa, pb;

  if (ra != rb)
    return ra - rb;
  pa = certo_requirement_state_get_position (certo_requirement_row_get_item (CERTO_REQUIREMENT_ROW (a)));
  pb = certo_requirement_state_get_position (certo_requirement_row_get_item (CERTO_REQUIREMENT_ROW (b)));
  return (pa > pb) - (pa < pb);
}

static void
update_count (CertoRequirementPicker *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    n += certo_requirement_row_get_selected (g_ptr_array_index (self->rows, i));

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement chosen", "%u requirements chosen", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), n > 0);
}

static void
on_search_changed (CertoRequirementPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *placeholder = NULL;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_clear_pointer (&self->label_query, g_free);
  if (*text != '\0')
    self->query = certo_search_query_new (text);
  self->label_query = label_query_from (text);

  /* Translators: %s is what the user searched for */
  placeholder = g_strdup_printf (_("No requirement matches “%s”"), text);
  gtk_label_set_text (self->placeholder_label, placeholder);
  gtk_list_box_invalidate_filter (self->requirements_list);
  gtk_list_box_invalidate_sort (self->requirements_list);
}

/* Enter in the search: tick the first requirement shown (the number
 * typed, when it is one) */
static void
on_search_activate (CertoRequirementPicker *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->requirements_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!CERTO_IS_REQUIREMENT_ROW (child) || !gtk_widget_get_child_visible (child))
        continue;
      certo_requirement_row_set_selected (CERTO_REQUIREMENT_ROW (child), TRUE);
      return;
    }
}

static void
on_accept_clicked (CertoRequirementPicker *self)
{
  g_auto(GStrv) keys = certo_requirement_picker_dup_selected_keys (self);

  if (keys[0] == NULL)
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[CHOSEN], 0, keys);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_row_selected (CertoRequirementPicker *self)
{
  update_count (self);
}

static void
build_rows (CertoRequirementPicker *self)
{
  GListModel *requirements = certo_workspace_get_requirements (self->workspace);
  guint n = g_list_model_get_n_items (requirements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoRequirementState) requirement = g_list_model_get_item (requirements, i);
      GtkWidget *row = certo_requirement_row_new (requirement);

      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->requirements_list, row);
      g_ptr_array_add (self->rows, row);
    }

  update_count (self);
}

static void
certo_requirement_picker_dispose (GObject *object)
{
  CertoRequirementPicker *self = (CertoRequirementPicker *) object;

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (certo_requirement_picker_parent_class)->dispose (object);
}

static void
certo_requirement_picker_finalize (GObject *object)
{
  CertoRequirementPicker *self = (CertoRequirementPicker *) object;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_clear_pointer (&self->label_query, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_requirement_picker_parent_class)->finalize (object);
}

static void
certo_requirement_picker_class_init (CertoRequirementPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_requirement_picker_dispose;
  object_class->finalize = certo_requirement_picker_finalize;

  /**
   * CertoRequirementPicker::chosen:
   * @self: the picker
   * @keys: (array zero-terminated=1): the keys of the requirements ticked,
   *   in the framework's order
   *
   * Emitted before the picker closes itself.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  g_type_ensure (CERTO_TYPE_REQUIREMENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-requirement-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, requirements_list);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementPicker, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
certo_requirement_picker_init (CertoRequirementPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->requirements_list, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->requirements_list, sort_rows, self, NULL);
  /* Typing starts a search, in the finding dialog as everywhere */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

/**
 * certo_requirement_picker_new:
 * @parent: (nullable): the window it belongs to
 * @workspace: an open workspace
 * @title: the picker's title ("Use as Evidence")
 * @subtitle: (nullable): what it is for (a document's title), plain text
 * @accept_label: the button that confirms ("_Link")
 *
 * Returns: (transfer none): a modal picker, not yet shown, with nothing
 *   ticked and the search focused; it destroys itself when closed
 */
CertoRequirementPicker *
certo_requirement_picker_new (GtkWindow      *parent,
                              CertoWorkspace *workspace,
                              const char     *title,
                              const char     *subtitle,
                              const char     *accept_label)
{
  CertoRequirementPicker *self;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (CERTO_TYPE_REQUIREMENT_PICKER,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->workspace = g_object_ref (workspace);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_button_set_label (self->accept_button, accept_label);
  build_rows (self);

  return self;
}

/**
 * certo_requirement_picker_set_selected_keys:
 * @self: a #CertoRequirementPicker
 * @keys: (nullable): requirement keys to tick; the others are unticked
 */
void
certo_requirement_picker_set_selected_keys (CertoRequirementPicker *self,
                                            const char * const     *keys)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_PICKER (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      CertoRequirementRow *row = g_ptr_array_index (self->rows, i);
      const char *key = certo_requirement_state_get_key (certo_requirement_row_get_item (row));

      certo_requirement_row_set_selected (row, keys != NULL && g_strv_contains (keys, key));
    }
}

/**
 * certo_requirement_picker_dup_selected_keys:
 * @self: a #CertoRequirementPicker
 *
 * Returns: (transfer full): the keys of the requirements ticked, in the
 *   framework's order; maybe empty
 */
char **
certo_requirement_picker_dup_selected_keys (CertoRequirementPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CERTO_IS_REQUIREMENT_PICKER (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CertoRequirementRow *row = g_ptr_array_index (self->rows, i);

      if (certo_requirement_row_get_selected (row))
        g_strv_builder_add (builder, certo_requirement_state_get_key (certo_requirement_row_get_item (row)));
    }

  return g_strv_builder_end (builder);
}

/**
 * certo_requirement_picker_set_search:
 * @self: a #CertoRequirementPicker
 * @text: what to search for first
 */
void
certo_requirement_picker_set_search (CertoRequirementPicker *self,
                                     const char             *text)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}
