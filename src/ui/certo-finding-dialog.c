/* certo-finding-dialog.c — add or edit an audit finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finding (ISO/IEC 17021-1 9.4.5: major or minor nonconformity,
 * observation, opportunity for improvement), the requirements it
 * concerns, its corrective action and due date; closed when a closing
 * date is set. Applied on "Add"/"Save" as one step of undo, which is
 * only possible once it says what was found and against which
 * requirements (a finding that names neither cannot be acted on).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-date-row.h"
#include "certo-finding-dialog.h"
#include "certo-requirement-picker.h"
#include "certo-workspace-util.h"

struct _CertoFindingDialog
{
  AdwWindow       parent_instance;

  CertoWorkspace *workspace;
  CertoFinding   *finding;        /* (nullable) %NULL to add one */
  GPtrArray      *audits;         /* (element-type CertoAudit) after "None" in audit_row */
  char          **keys;           /* the requirements chosen */
  CertoRequirementPicker *picker; /* (nullable) (weak) while it is open */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *kind_row;
  AdwComboRow    *audit_row;
  AdwEntryRow    *reference_row;
  AdwActionRow   *requirements_row;
  GtkTextView    *description_view;
  GtkTextView    *action_view;
  CertoDateRow   *due_row;
  CertoDateRow   *closed_row;
  GtkWidget      *remove_group;
};

G_DEFINE_FINAL_TYPE (CertoFindingDialog, certo_finding_dialog, ADW_TYPE_WINDOW)

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
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

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isgraph (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Add/Save only for a finding that says what and against what */
static void
update_save_button (CertoFindingDialog *self)
{
  g_autofree char *description = dup_text (self->description_view);
  gboolean complete = has_text (description) && self->keys != NULL && self->keys[0] != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), complete);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               complete ? NULL : _("Describe what was found and choose the requirements it concerns"));
}

static void
show_keys (CertoFindingDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->keys != NULL && self->keys[i] != NULL; i++)
    {
      CertoRequirementState *requirement = certo_workspace_find_requirement (self->workspace, self->keys[i]);

      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, requirement != NULL ? certo_requirement_state_get_display_label (requirement)
                                                 : self->keys[i]);
    }

  adw_action_row_set_subtitle (self->requirements_row, text->len > 0 ? text->str : _("None chosen"));
  update_save_button (self);
}

static void
on_keys_chosen (CertoFindingDialog *self,
                char              **keys)
{
  g_strfreev (self->keys);
  self->keys = g_strdupv (keys);
  show_keys (self);
}

static void
on_choose_clicked (CertoFindingDialog *self)
{
  CertoRequirementPicker *picker;

  picker = certo_requirement_picker_new (GTK_WINDOW (self), self->workspace,
                                         _("Requirements of the Finding"), NULL, _("_Choose"));
  certo_requirement_picker_set_selected_keys (picker, (const char * const *) self->keys);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_keys_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
  self->picker = picker;
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &self->picker);
}

static void
on_save_clicked (CertoFindingDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (certo_finding_dialog_apply (self, &error) == NULL)
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Save the Finding"), error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_remove_clicked (CertoFindingDialog *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->finding == NULL)
    return;

  if (!certo_workspace_remove_item (self->workspace, CERTO_WORKSPACE_ITEM (self->finding), &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Remove the Finding"), error->message);
      return;
    }

  toast = certo_toast_new (_("Finding removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  certo_add_toast (GTK_WIDGET (self), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
certo_finding_dialog_dispose (GObject *object)
{
  CertoFindingDialog *self = (CertoFindingDialog *) object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->audits, g_ptr_array_unref);
  if (self->picker != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->picker), (gpointer *) &self->picker);
  self->picker = NULL;

  G_OBJECT_CLASS (certo_finding_dialog_parent_class)->dispose (object);
}

static void
certo_finding_dialog_finalize (GObject *object)
{
  CertoFindingDialog *self = (CertoFindingDialog *) object;

  g_clear_pointer (&self->keys, g_strfreev);

  G_OBJECT_CLASS (certo_finding_dialog_parent_class)->finalize (object);
}

static void
certo_finding_dialog_class_init (CertoFindingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_finding_dialog_dispose;
  object_class->finalize = certo_finding_dialog_finalize;

  g_type_ensure (CERTO_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-finding-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, audit_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, requirements_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, action_view);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, closed_row);
  gtk_widget_class_bind_template_child (widget_class, CertoFindingDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
certo_finding_dialog_init (CertoFindingDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (CERTO_TYPE_FINDING_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->audits = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (update_save_button), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (kinds, certo_enum_to_label (CERTO_TYPE_FINDING_KIND, (int) i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * certo_finding_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @workspace: an open workspace
 * @finding: (nullable): the finding to edit, or %NULL to add one
 *
 * Returns: (transfer none): a modal dialog, not yet shown; it destroys
 *   itself when closed
 */
CertoFindingDialog *
certo_finding_dialog_new (GtkWindow      *parent,
                          CertoWorkspace *workspace,
                          CertoFinding   *finding)
{
  CertoFindingDialog *self;
  g_autoptr(GtkStringList) audit_names = gtk_string_list_new (NULL);
  GListModel *audits;
  guint selected_audit = 0;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (finding == NULL || CERTO_IS_FINDING (finding), NULL);

  self = g_object_new (CERTO_TYPE_FINDING_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->finding = finding != NULL ? g_object_ref (finding) : NULL;

  /* "None", then each audit of the workspace */
  gtk_string_list_append (audit_names, C_("audit", "None"));
  audits = certo_workspace_get_audits (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(CertoAudit) audit = g_list_model_get_item (audits, i);
      const char *date = certo_audit_get_performed_date (audit) ? certo_audit_get_performed_date (audit)
                                                                : certo_audit_get_planned_date (audit);
      g_autofree char *formatted = certo_format_date (date);
      g_autofree char *name = NULL;

      /* Translators: an audit and its date: "Stage 2 audit, 5 May 2025" */
      name = formatted != NULL ? g_strdup_printf (_("%s, %s"), certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, certo_audit_get_kind (audit)), formatted)
                               : g_strdup (certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, certo_audit_get_kind (audit)));
      gtk_string_list_append (audit_names, name);
      if (finding != NULL && certo_finding_get_audit_id (finding) == certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (audit)))
        selected_audit = self->audits->len + 1;
      g_ptr_array_add (self->audits, g_steal_pointer (&audit));
    }
  adw_combo_row_set_model (self->audit_row, G_LIST_MODEL (audit_names));
  adw_combo_row_set_selected (self->audit_row, selected_audit);

  if (finding != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Finding"));
      adw_window_title_set_title (self->window_title, _("Edit Finding"));
      gtk_button_set_label (self->save_button, _("_Save"));
      adw_combo_row_set_selected (self->kind_row, certo_finding_get_kind (finding));
      gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                             certo_finding_get_reference (finding) ? certo_finding_get_reference (finding) : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                certo_finding_get_description (finding) ? certo_finding_get_description (finding) : "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->action_view),
                                certo_finding_get_corrective_action (finding) ? certo_finding_get_corrective_action (finding) : "", -1);
      certo_date_row_set_date (self->due_row, certo_finding_get_due_date (finding));
      certo_date_row_set_date (self->closed_row, certo_finding_get_closed_date (finding));
      self->keys = g_strdupv ((char **) certo_finding_get_requirement_keys (finding));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Finding"));
      adw_window_title_set_title (self->window_title, _("Add Finding"));
      gtk_button_set_label (self->save_button, _("_Add"));
      adw_combo_row_set_selected (self->kind_row, CERTO_FINDING_MINOR_NONCONFORMITY);
    }

  show_keys (self);
  gtk_widget_set_visible (self->remove_group, finding != NULL);

  return self;
}

/**
 * certo_finding_dialog_choose_requirements:
 * @self: a #CertoFindingDialog
 *
 * Opens the requirement picker ("Choose…"), its search focused.
 *
 * Returns: (transfer none): the picker, open until a choice is made
 */
CertoRequirementPicker *
certo_finding_dialog_choose_requirements (CertoFindingDialog *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING_DIALOG (self), NULL);

  on_choose_clicked (self);
  return self->picker;
}

/**
 * certo_finding_dialog_apply:
 * @self: a #CertoFindingDialog
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Adds the finding, or writes the changes to the finding edited, as one
 * step of undo.
 *
 * Returns: (transfer none) (nullable): the finding
 */
CertoFinding *
certo_finding_dialog_apply (CertoFindingDialog  *self,
                            GError             **error)
{
  CertoFinding *finding = self->finding;
  CertoFindingKind kind;
  CertoAudit *audit = NULL;
  guint audit_position;
  g_autofree char *description = NULL;
  g_autofree char *action = NULL;
  const char *reference;
  const char *due;
  const char *closed;
  const char * const empty[] = { NULL };
  const char * const *keys;
  gboolean ok = TRUE;

  g_return_val_if_fail (CERTO_IS_FINDING_DIALOG (self), NULL);

  kind = adw_combo_row_get_selected (self->kind_row);
  audit_position = adw_combo_row_get_selected (self->audit_row);
  if (audit_position != GTK_INVALID_LIST_POSITION && audit_position > 0 && audit_position - 1 < self->audits->len)
    audit = g_ptr_array_index (self->audits, audit_position - 1);
  description = dup_text (self->description_view);
  action = dup_text (self->action_view);
  reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  due = certo_date_row_get_date (self->due_row);
  closed = certo_date_row_get_date (self->closed_row);
  keys = self->keys != NULL ? (const char * const *) self->keys : empty;

  certo_workspace_begin_changes (self->workspace);

  if (finding == NULL)
    finding = certo_workspace_add_finding (self->workspace, kind, audit, description, keys, due, error);
  else
    {
      const char * const *current = certo_finding_get_requirement_keys (finding);
      g_autofree char *a = g_strjoinv (",", (char **) (current != NULL ? current : empty));
      g_autofree char *b = g_strjoinv (",", (char **) keys);

      if (certo_finding_get_kind (finding) != kind)
        certo_finding_set_kind (finding, kind);
      if (differs (certo_finding_get_description (finding), description))
        certo_finding_set_description (finding, description);
      if (g_strcmp0 (a, b) != 0)
        ok = certo_finding_set_requirement_keys (finding, keys, error);
      if (ok && differs (certo_finding_get_due_date (finding), due))
        ok = certo_finding_set_due_date (finding, due, error);
    }

  if (finding != NULL && ok)
    {
      gint64 audit_id = audit != NULL ? certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (audit)) : 0;

      if (certo_finding_get_audit_id (finding) != audit_id)
        certo_finding_set_audit_id (finding, audit_id);
      if (differs (certo_finding_get_reference (finding), reference))
        certo_finding_set_reference (finding, reference);
      if (differs (certo_finding_get_corrective_action (finding), action))
        certo_finding_set_corrective_action (finding, action);
      if (differs (certo_finding_get_closed_date (finding), closed))
        ok = certo_finding_set_closed_date (finding, closed, error);
    }

  certo_workspace_end_changes (self->workspace);

  return finding != NULL && ok ? finding : NULL;
}
