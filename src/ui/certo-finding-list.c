/* certo-finding-list.c — audit findings and their corrective actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open findings first (the overdue ones say so, with an icon), then the
 * closed ones. A row opens the finding's dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-finding-dialog.h"
#include "certo-finding-list.h"
#include "certo-workspace-util.h"
#include "certo-workspace-watch.h"

struct _CertoFindingList
{
  AdwBin               parent_instance;

  CertoWorkspace      *workspace;
  CertoWorkspaceWatch *watch;
  GPtrArray           *open_items;     /* (element-type CertoFinding) per row of open_list */
  GPtrArray           *closed_items;   /* (element-type CertoFinding) per row of closed_list */

  GtkStack            *stack;
  GtkListBox          *open_list;
  GtkWidget           *closed_group;
  GtkListBox          *closed_list;
};

G_DEFINE_FINAL_TYPE (CertoFindingList, certo_finding_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  certo_list_box_remove_rows (list);
}

static const char *
kind_icon_name (CertoFindingKind kind)
{
  switch (kind)
    {
    case CERTO_FINDING_MAJOR_NONCONFORMITY:
      return "dialog-error-symbolic";
    case CERTO_FINDING_MINOR_NONCONFORMITY:
      return "dialog-warning-symbolic";
    case CERTO_FINDING_OBSERVATION:
      return "dialog-information-symbolic";
    case CERTO_FINDING_OPPORTUNITY:
    default:
      return "starred-symbolic";
    }
}

static GtkWidget *
create_row (CertoFindingList *self,
            CertoFinding     *finding,
            const char       *today)
{
  const char *kind = certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding));
  const char *description = certo_finding_get_description (finding);
  const char *reference = certo_finding_get_reference (finding);
  const char * const *keys = certo_finding_get_requirement_keys (finding);
  const char *due = certo_finding_get_due_date (finding);
  g_autofree char *due_text = certo_format_date (due);
  g_autofree char *closed = certo_format_date (certo_finding_get_closed_date (finding));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean overdue = certo_finding_is_open (finding) && due != NULL && certo_iso_date_compare (due, today) < 0;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a finding's grade and what was found: "Minor nonconformity: no supplier review" */
  title = g_strdup_printf (_("%s: %s"), kind,
                           description != NULL && *description != '\0' ? description : _("no description"));

  if (reference != NULL && *reference != '\0')
    g_string_append (subtitle, reference);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      CertoRequirementState *requirement = certo_workspace_find_requirement (self->workspace, keys[i]);

      g_string_append (subtitle, subtitle->len == 0 ? "" : (i == 0 ? _(" · ") : _(", ")));
      g_string_append (subtitle, requirement != NULL ? certo_requirement_state_get_display_label (requirement) : keys[i]);
    }
  if (closed != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, _(" · "));
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("Closed %s"), closed);
    }
  else if (overdue)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, _(" · "));
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("Overdue: corrective action was due %s"), due_text);
    }
  else if (due_text != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, _(" · "));
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("Corrective action due %s"), due_text);
    }

  /* The auditor's and the user's words: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", overdue ? "task-past-due-symbolic"
                                                                : kind_icon_name (certo_finding_get_kind (finding)),
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
refresh (CertoFindingList *self)
{
  g_autofree char *today = certo_iso_date_today ();
  GListModel *findings;
  guint n;

  clear_list (self->open_list);
  clear_list (self->closed_list);
  g_ptr_array_set_size (self->open_items, 0);
  g_ptr_array_set_size (self->closed_items, 0);

  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  findings = certo_workspace_get_findings (self->workspace);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoFinding) finding = g_list_model_get_item (findings, i);
      gboolean open = certo_finding_is_open (finding);

      gtk_list_box_append (open ? self->open_list : self->closed_list, create_row (self, finding, today));
      g_ptr_array_add (open ? self->open_items : self->closed_items, g_steal_pointer (&finding));
    }

  gtk_widget_set_visible (self->closed_group, self->closed_items->len > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_workspace_changed (CertoFindingList *self)
{
  refresh (self);
}

static void
edit (CertoFindingList *self,
      CertoFinding     *finding)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CertoFindingDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = certo_finding_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workspace, finding);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (CertoFindingList *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  GPtrArray *items = list == self->open_list ? self->open_items : self->closed_items;
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < items->len)
    edit (self, g_ptr_array_index (items, index));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  edit (CERTO_FINDING_LIST (widget), NULL);
}

static void
certo_finding_list_dispose (GObject *object)
{
  CertoFindingList *self = (CertoFindingList *) object;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->open_items, g_ptr_array_unref);
  g_clear_pointer (&self->closed_items, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_finding_list_parent_class)->dispose (object);
}

static void
certo_finding_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CertoFindingList *self = CERTO_FINDING_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_finding_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CertoFindingList *self = CERTO_FINDING_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_finding_list_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_finding_list_class_init (CertoFindingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_finding_list_dispose;
  object_class->get_property = certo_finding_list_get_property;
  object_class->set_property = certo_finding_list_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-finding-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoFindingList, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingList, open_list);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingList, closed_group);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingList, closed_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "findings.add", NULL, add_action);
}

static void
certo_finding_list_init (CertoFindingList *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->closed_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watch = certo_workspace_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_workspace_changed), self);

  placeholder = gtk_label_new (_("Every finding is closed."));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->open_list, placeholder);

  refresh (self);
}

/**
 * certo_finding_list_get_workspace:
 * @self: a #CertoFindingList
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
CertoWorkspace *
certo_finding_list_get_workspace (CertoFindingList *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING_LIST (self), NULL);

  return self->workspace;
}

/**
 * certo_finding_list_set_workspace:
 * @self: a #CertoFindingList
 * @workspace: (nullable): the workspace whose findings to show
 */
void
certo_finding_list_set_workspace (CertoFindingList *self,
                                  CertoWorkspace   *workspace)
{
  g_return_if_fail (CERTO_IS_FINDING_LIST (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  certo_workspace_watch_set_workspace (self->watch, workspace);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * certo_finding_list_get_n_open:
 * @self: a #CertoFindingList
 *
 * Returns: the number of open findings shown
 */
guint
certo_finding_list_get_n_open (CertoFindingList *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING_LIST (self), 0);

  return self->open_items->len;
}
