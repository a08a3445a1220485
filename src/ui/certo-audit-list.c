/* certo-audit-list.c — the certificate, the audit cycle, and the audits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cycle (internal audit, management review, stage 1 and 2,
 * surveillance at 12 and 24 months, recertification) comes from
 * certo_workspace_compute_audit_schedule(): each line says when it is
 * due, when it is planned or done, and whether it is overdue — in words,
 * with an icon. Activating a line edits that audit, or plans it. A date
 * of the certificate the workspace refuses (an expiry before the issue)
 * is said in a toast and the row shows the date kept. With no audit yet,
 * the list says what to record first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-audit-dialog.h"
#include "certo-audit-list.h"
#include "certo-date-row.h"
#include "certo-document-details.h"
#include "certo-workspace-util.h"
#include "certo-workspace-watch.h"

struct _CertoAuditList
{
  AdwBin               parent_instance;

  CertoWorkspace      *workspace;
  CertoWorkspaceWatch *watch;
  GPtrArray           *bindings;        /* (element-type GBinding) */
  GArray              *schedule_kinds;  /* (element-type CertoAuditKind) per row */
  GPtrArray           *schedule_dates;  /* (element-type utf8) (nullable) due dates per row */
  GPtrArray           *audits;          /* (element-type CertoAudit) per row */
  guint                number_timeout;
  guint                body_timeout;
  gboolean             updating;

  AdwEntryRow         *number_row;
  AdwEntryRow         *body_row;
  CertoDateRow        *issued_row;
  CertoDateRow        *expires_row;
  GtkListBox          *schedule_list;
  GtkListBox          *audits_list;
};

G_DEFINE_FINAL_TYPE (CertoAuditList, certo_audit_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
parent_window (CertoAuditList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  certo_list_box_remove_rows (list);
}

static GtkWidget *
status_suffix (const char *icon_name,
               const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", icon_name,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* Text fields of the certificate: written after a pause, on Enter, or
 * when the focus leaves them */

static void
commit_number (CertoAuditList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  const char *current;

  g_clear_handle_id (&self->number_timeout, g_source_remove);
  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  current = certo_workspace_get_certificate_number (self->workspace);
  if (g_strcmp0 (current != NULL ? current : "", text) != 0)
    certo_workspace_set_certificate_number (self->workspace, text);
}

static void
commit_body (CertoAuditList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->body_row));
  const char *current;

  g_clear_handle_id (&self->body_timeout, g_source_remove);
  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  current = certo_workspace_get_certification_body (self->workspace);
  if (g_strcmp0 (current != NULL ? current : "", text) != 0)
    certo_workspace_set_certification_body (self->workspace, text);
}

static gboolean
on_number_timeout (gpointer user_data)
{
  CertoAuditList *self = user_data;

  self->number_timeout = 0;
  commit_number (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_body_timeout (gpointer user_data)
{
  CertoAuditList *self = user_data;

  self->body_timeout = 0;
  commit_body (self);
  return G_SOURCE_REMOVE;
}

static void
on_number_changed (CertoAuditList *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->number_timeout, g_source_remove);
  self->number_timeout = g_timeout_add (CERTO_TEXT_COMMIT_DELAY_MS, on_number_timeout, self);
}

static void
on_body_changed (CertoAuditList *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->body_timeout, g_source_remove);
  self->body_timeout = g_timeout_add (CERTO_TEXT_COMMIT_DELAY_MS, on_body_timeout, self);
}

static void
on_number_activated (CertoAuditList *self)
{
  commit_number (self);
}

static void
on_body_activated (CertoAuditList *self)
{
  commit_body (self);
}

/* A certificate date picked in a row: set through the workspace's rules
 * (expiry after issue), the row put back when they refuse it */
static void
on_date_row_changed (CertoAuditList *self,
                     GParamSpec     *pspec,
                     CertoDateRow   *row)
{
  g_autoptr(GError) error = NULL;
  const char *date = certo_date_row_get_date (row);
  gboolean issued = row == self->issued_row;
  const char *current;
  gboolean ok;

  if (self->updating || self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  current = issued ? certo_workspace_get_certificate_issue_date (self->workspace)
                   : certo_workspace_get_certificate_expiry_date (self->workspace);
  if (g_strcmp0 (current, date) == 0)
    return;

  ok = issued ? certo_workspace_set_certificate_issue_date (self->workspace, date, &error)
              : certo_workspace_set_certificate_expiry_date (self->workspace, date, &error);
  if (ok)
    return;

  certo_add_toast (GTK_WIDGET (self), certo_toast_new (error->message));
  self->updating = TRUE;
  certo_date_row_set_date (row, current);
  self->updating = FALSE;
}

static void
load_texts (CertoAuditList *self)
{
  const char *number = self->workspace != NULL ? certo_workspace_get_certificate_number (self->workspace) : NULL;
  const char *body = self->workspace != NULL ? certo_workspace_get_certification_body (self->workspace) : NULL;

  self->updating = TRUE;
  if (self->number_timeout == 0
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->number_row)), number != NULL ? number : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->number_row), number != NULL ? number : "");
  if (self->body_timeout == 0
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->body_row)), body != NULL ? body : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->body_row), body != NULL ? body : "");
  self->updating = FALSE;
}

/* The lists */

static void
update_schedule (CertoAuditList *self,
                 const char     *today)
{
  g_autoptr(GPtrArray) schedule = certo_workspace_compute_audit_schedule (self->workspace, today);

  clear_list (self->schedule_list);
  g_array_set_size (self->schedule_kinds, 0);
  g_ptr_array_set_size (self->schedule_dates, 0);

  for (guint i = 0; i < schedule->len; i++)
    {
      CertoScheduledAudit *audit = g_ptr_array_index (schedule, i);
      g_autofree char *due = certo_format_date (audit->due_date);
      g_autofree char *planned = certo_format_date (audit->planned_date);
      g_autofree char *performed = certo_format_date (audit->performed_date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      const char *icon_name;
      const char *state;

      if (performed != NULL)
        {
          /* Translators: %s is a date */
          subtitle = g_strdup_printf (_("Done %s"), performed);
          icon_name = "emblem-ok-symbolic";
          state = C_("audit", "Done");
        }
      else if (audit->overdue)
        {
          /* Translators: %s is a date */
          subtitle = g_strdup_printf (_("Was due by %s"), due);
          icon_name = "task-past-due-symbolic";
          state = C_("audit", "Overdue");
        }
      else if (planned != NULL)
        {
          subtitle = due != NULL
                     /* Translators: the first %s is a date, the second a deadline */
                     ? g_strdup_printf (_("Planned %s · due by %s"), planned, due)
                     : g_strdup_printf (_("Planned %s"), planned);
          icon_name = "x-office-calendar-symbolic";
          state = C_("audit", "Planned");
        }
      else
        {
          subtitle = due != NULL ? g_strdup_printf (_("Due by %s"), due) : g_strdup (_("No date set by the cycle yet"));
          icon_name = "radio-symbolic";
          state = C_("audit", "Not planned");
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, audit->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, audit->rule);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_suffix (icon_name, state));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->schedule_list, row);

      g_array_append_val (self->schedule_kinds, audit->kind);
      g_ptr_array_add (self->schedule_dates, g_strdup (audit->due_date));
    }
}

static int
compare_audits (gconstpointer a,
                gconstpointer b)
{
  CertoAudit *aa = *(CertoAudit * const *) a;
  CertoAudit *ab = *(CertoAudit * const *) b;
  const char *da = certo_audit_get_performed_date (aa) ? certo_audit_get_performed_date (aa) : certo_audit_get_planned_date (aa);
  const char *db = certo_audit_get_performed_date (ab) ? certo_audit_get_performed_date (ab) : certo_audit_get_planned_date (ab);

  return certo_iso_date_compare (da, db);
}

static void
update_audits (CertoAuditList *self)
{
  GListModel *model = certo_workspace_get_audits (self->workspace);
  guint n = g_list_model_get_n_items (model);

  clear_list (self->audits_list);
  g_ptr_array_set_size (self->audits, 0);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->audits, g_list_model_get_item (model, i));
  g_ptr_array_sort (self->audits, compare_audits);

  for (guint i = 0; i < self->audits->len; i++)
    {
      CertoAudit *audit = g_ptr_array_index (self->audits, i);
      const char *kind = certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, certo_audit_get_kind (audit));
      const char *title = certo_audit_get_title (audit);
      const char *auditor = certo_audit_get_auditor (audit);
      g_autofree char *planned = certo_format_date (certo_audit_get_planned_date (audit));
      g_autofree char *performed = certo_format_date (certo_audit_get_performed_date (audit));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *heading = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (planned != NULL)
        g_string_append_printf (subtitle, _("Planned %s"), planned);
      if (performed != NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, _(" · "));
          g_string_append_printf (subtitle, _("Done %s"), performed);
        }
      if (auditor != NULL && *auditor != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, _(" · "));
          g_string_append (subtitle, auditor);
        }

      /* Translators: an audit's kind and its own title: "Internal audit: supplier controls" */
      heading = title != NULL && *title != '\0' ? g_strdup_printf (_("%s: %s"), kind, title) : g_strdup (kind);
      /* The user's own text: no markup */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->len > 0 ? subtitle->str : _("No dates yet"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 status_suffix (certo_audit_is_done (audit) ? "emblem-ok-symbolic" : "x-office-calendar-symbolic",
                                                certo_audit_is_done (audit) ? C_("audit", "Done") : C_("audit", "Planned")));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->audits_list, row);
    }
}

static void
refresh (CertoAuditList *self)
{
  g_autofree char *today = NULL;

  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  today = certo_iso_date_today ();
  load_texts (self);
  update_schedule (self, today);
  update_audits (self);
}

static void
edit_audit (CertoAuditList *self,
            CertoAudit     *audit,
            CertoAuditKind  kind,
            const char     *planned_date)
{
  CertoAuditDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = certo_audit_dialog_new (parent_window (self), self->workspace, audit, kind, planned_date);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_schedule_activated (CertoAuditList *self,
                       GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);
  CertoAuditKind kind;
  CertoAudit *latest = NULL;

  if (index < 0 || (guint) index >= self->schedule_kinds->len)
    return;

  kind = g_array_index (self->schedule_kinds, CertoAuditKind, index);

  /* The cycle's audit of that kind, if one is recorded: the latest */
  for (guint i = 0; i < self->audits->len; i++)
    {
      CertoAudit *audit = g_ptr_array_index (self->audits, i);

      if (certo_audit_get_kind (audit) == kind)
        latest = audit;
    }

  edit_audit (self, latest, kind, g_ptr_array_index (self->schedule_dates, index));
}

static void
on_audit_activated (CertoAuditList *self,
                    GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->audits->len)
    edit_audit (self, g_ptr_array_index (self->audits, index), CERTO_AUDIT_INTERNAL, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  edit_audit (CERTO_AUDIT_LIST (widget), NULL, CERTO_AUDIT_INTERNAL, NULL);
}

static void
on_workspace_changed (CertoAuditList *self)
{
  refresh (self);
}

static void
on_focus_leave (CertoAuditList *self)
{
  certo_audit_list_commit (self);
}

static void
certo_audit_list_dispose (GObject *object)
{
  CertoAuditList *self = (CertoAuditList *) object;

  certo_audit_list_set_workspace (self, NULL);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_pointer (&self->audits, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_audit_list_parent_class)->dispose (object);
}

static void
certo_audit_list_finalize (GObject *object)
{
  CertoAuditList *self = (CertoAuditList *) object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->schedule_kinds, g_array_unref);
  g_clear_pointer (&self->schedule_dates, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_audit_list_parent_class)->finalize (object);
}

static void
certo_audit_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CertoAuditList *self = CERTO_AUDIT_LIST (object);

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
certo_audit_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CertoAuditList *self = CERTO_AUDIT_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_audit_list_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_audit_list_class_init (CertoAuditListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_audit_list_dispose;
  object_class->finalize = certo_audit_list_finalize;
  object_class->get_property = certo_audit_list_get_property;
  object_class->set_property = certo_audit_list_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-audit-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, number_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, body_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, issued_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, expires_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, schedule_list);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditList, audits_list);
  gtk_widget_class_bind_template_callback (widget_class, on_number_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_body_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated);

  gtk_widget_class_install_action (widget_class, "audits.add", NULL, add_action);
}

static void
certo_audit_list_init (CertoAuditList *self)
{
  GtkEventController *focus;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->schedule_kinds = g_array_new (FALSE, FALSE, sizeof (CertoAuditKind));
  self->schedule_dates = g_ptr_array_new_with_free_func (g_free);
  self->audits = g_ptr_array_new_with_free_func (g_object_unref);
  self->watch = certo_workspace_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_workspace_changed), self);

  g_signal_connect_swapped (self->number_row, "changed", G_CALLBACK (on_number_changed), self);
  g_signal_connect_swapped (self->body_row, "changed", G_CALLBACK (on_body_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->number_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_row), focus);

  g_signal_connect_object (self->issued_row, "notify::date", G_CALLBACK (on_date_row_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expires_row, "notify::date", G_CALLBACK (on_date_row_changed), self, G_CONNECT_SWAPPED);

  /* The empty state says what to record first, and offers to */
  placeholder = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (placeholder), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (placeholder), _("No Audits Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (placeholder),
                                   _("Record the internal audit and the management review first: certification bodies ask for both before stage 2."));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Audit or Review…"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "audits.add");
    gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "pill");
    adw_status_page_set_child (ADW_STATUS_PAGE (placeholder), button);
  }
  gtk_widget_add_css_class (placeholder, "compact");
  gtk_widget_set_name (placeholder, "audits_empty");
  gtk_list_box_set_placeholder (self->audits_list, placeholder);
}

/**
 * certo_audit_list_get_workspace:
 * @self: a #CertoAuditList
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
CertoWorkspace *
certo_audit_list_get_workspace (CertoAuditList *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT_LIST (self), NULL);

  return self->workspace;
}

/**
 * certo_audit_list_set_workspace:
 * @self: a #CertoAuditList
 * @workspace: (nullable): the workspace whose certificate and audits to show
 */
void
certo_audit_list_set_workspace (CertoAuditList *self,
                                CertoWorkspace *workspace)
{
  g_return_if_fail (CERTO_IS_AUDIT_LIST (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  certo_audit_list_commit (self);
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  g_set_object (&self->workspace, workspace);
  if (self->watch != NULL)
    certo_workspace_watch_set_workspace (self->watch, workspace);

  if (workspace != NULL)
    {
      /* One way: the rows write back through on_date_row_changed(),
       * where a refused date can be said and undone */
      self->updating = TRUE;
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (workspace, "certificate-issue-date",
                                                             self->issued_row, "date",
                                                             G_BINDING_SYNC_CREATE)));
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (workspace, "certificate-expiry-date",
                                                             self->expires_row, "date",
                                                             G_BINDING_SYNC_CREATE)));
      self->updating = FALSE;
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * certo_audit_list_commit:
 * @self: a #CertoAuditList
 *
 * Writes the certificate number and body typed so far.
 */
void
certo_audit_list_commit (CertoAuditList *self)
{
  g_return_if_fail (CERTO_IS_AUDIT_LIST (self));

  if (self->number_timeout != 0)
    commit_number (self);
  if (self->body_timeout != 0)
    commit_body (self);
}
