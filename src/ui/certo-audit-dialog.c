/* certo-audit-dialog.c — add or edit an audit of the certification cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changes are applied together on "Add"/"Save", as one step of undo.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-audit-dialog.h"
#include "certo-date-row.h"
#include "certo-workspace-util.h"

struct _CertoAuditDialog
{
  AdwWindow       parent_instance;

  CertoWorkspace *workspace;
  CertoAudit     *audit;          /* (nullable) the audit edited; %NULL to add one */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *auditor_row;
  CertoDateRow   *planned_row;
  CertoDateRow   *performed_row;
  GtkTextView    *notes_view;
  GtkWidget      *remove_group;
};

G_DEFINE_FINAL_TYPE (CertoAuditDialog, certo_audit_dialog, ADW_TYPE_WINDOW)

static char *
dup_notes (CertoAuditDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
differs (const char *a,
         const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") != 0;
}

static void
on_save_clicked (CertoAuditDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (certo_audit_dialog_apply (self, &error) == NULL)
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Save the Audit"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_remove_clicked (CertoAuditDialog *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->audit == NULL)
    return;

  if (!certo_workspace_remove_item (self->workspace, CERTO_WORKSPACE_ITEM (self->audit), &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Remove the Audit"), error->message);
      return;
    }

  toast = certo_toast_new (_("Audit removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  certo_add_toast (GTK_WIDGET (self), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
certo_audit_dialog_dispose (GObject *object)
{
  CertoAuditDialog *self = (CertoAuditDialog *) object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->audit);

  G_OBJECT_CLASS (certo_audit_dialog_parent_class)->dispose (object);
}

static void
certo_audit_dialog_class_init (CertoAuditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_audit_dialog_dispose;

  g_type_ensure (CERTO_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-audit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, auditor_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, planned_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, performed_row);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CertoAuditDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
certo_audit_dialog_init (CertoAuditDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (CERTO_TYPE_AUDIT_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (kinds, certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, (int) i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * certo_audit_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @workspace: an open workspace
 * @audit: (nullable): the audit to edit, or %NULL to add one
 * @kind: for a new audit, its kind
 * @planned_date: (nullable): for a new audit, a date to suggest
 *
 * Returns: (transfer none): a modal dialog, not yet shown; it destroys
 *   itself when closed
 */
CertoAuditDialog *
certo_audit_dialog_new (GtkWindow      *parent,
                        CertoWorkspace *workspace,
                        CertoAudit     *audit,
                        CertoAuditKind  kind,
                        const char     *planned_date)
{
  CertoAuditDialog *self;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (audit == NULL || CERTO_IS_AUDIT (audit), NULL);

  self = g_object_new (CERTO_TYPE_AUDIT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit = audit != NULL ? g_object_ref (audit) : NULL;

  if (audit != NULL)
    {
      g_autofree char *notes = NULL;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Audit"));
      adw_window_title_set_title (self->window_title, _("Edit Audit"));
      gtk_button_set_label (self->save_button, _("_Save"));
      adw_combo_row_set_selected (self->kind_row, certo_audit_get_kind (audit));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             certo_audit_get_title (audit) != NULL ? certo_audit_get_title (audit) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->auditor_row),
                             certo_audit_get_auditor (audit) != NULL ? certo_audit_get_auditor (audit) : "");
      certo_date_row_set_date (self->planned_row, certo_audit_get_planned_date (audit));
      certo_date_row_set_date (self->performed_row, certo_audit_get_performed_date (audit));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                certo_audit_get_notes (audit) != NULL ? certo_audit_get_notes (audit) : "", -1);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Audit"));
      adw_window_title_set_title (self->window_title, _("Add Audit"));
      gtk_button_set_label (self->save_button, _("_Add"));
      adw_combo_row_set_selected (self->kind_row, kind);
      certo_date_row_set_date (self->planned_row, planned_date);
    }
  gtk_widget_set_visible (self->remove_group, audit != NULL);

  return self;
}

/**
 * certo_audit_dialog_apply:
 * @self: a #CertoAuditDialog
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Adds the audit, or writes the changes to the audit edited, as one step
 * of undo.
 *
 * Returns: (transfer none) (nullable): the audit
 */
CertoAudit *
certo_audit_dialog_apply (CertoAuditDialog  *self,
                          GError           **error)
{
  CertoAuditKind kind;
  const char *title;
  const char *auditor;
  const char *planned;
  const char *performed;
  g_autofree char *notes = NULL;
  CertoAudit *audit = self->audit;
  gboolean ok = TRUE;

  g_return_val_if_fail (CERTO_IS_AUDIT_DIALOG (self), NULL);

  kind = adw_combo_row_get_selected (self->kind_row);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  auditor = gtk_editable_get_text (GTK_EDITABLE (self->auditor_row));
  planned = certo_date_row_get_date (self->planned_row);
  performed = certo_date_row_get_date (self->performed_row);
  notes = dup_notes (self);

  certo_workspace_begin_changes (self->workspace);

  if (audit == NULL)
    audit = certo_workspace_add_audit (self->workspace, kind, planned, performed, error);
  else
    {
      if (certo_audit_get_kind (audit) != kind)
        certo_audit_set_kind (audit, kind);
      if (differs (certo_audit_get_planned_date (audit), planned))
        ok = certo_audit_set_planned_date (audit, planned, error);
      if (ok && differs (certo_audit_get_performed_date (audit), performed))
        ok = certo_audit_set_performed_date (audit, performed, error);
    }

  if (audit != NULL && ok)
    {
      if (differs (certo_audit_get_title (audit), title))
        certo_audit_set_title (audit, title);
      if (differs (certo_audit_get_auditor (audit), auditor))
        certo_audit_set_auditor (audit, auditor);
      if (differs (certo_audit_get_notes (audit), notes))
        certo_audit_set_notes (audit, notes);
    }

  certo_workspace_end_changes (self->workspace);

  return ok ? audit : NULL;
}
