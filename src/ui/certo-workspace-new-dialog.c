/* certo-workspace-new-dialog.c — organisation, scope and framework of a new workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The frameworks offered are ISO/IEC 27001:2022 (chosen first), 2013, and
 * every OSCAL catalog the user imported (certo_framework_list_all(),
 * which reads files: on a worker thread). "Choose Location…" emits
 * "create"; the window asks where to save the file.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-workspace-new-dialog.h"

struct _CertoWorkspaceNewDialog
{
  AdwWindow     parent_instance;

  char         *data_dir;
  GPtrArray    *frameworks;    /* (element-type CertoFramework) as listed */
  GCancellable *cancellable;

  GtkWidget    *create_button;
  AdwEntryRow  *organisation_row;
  AdwEntryRow  *scope_row;
  AdwComboRow  *framework_row;
};

G_DEFINE_FINAL_TYPE (CertoWorkspaceNewDialog, certo_workspace_new_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A name shows something: spaces, controls and direction marks alone
 * are no name (the workspace refuses them too) */
static gboolean
has_visible_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isgraph (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
can_create (CertoWorkspaceNewDialog *self)
{
  const char *organisation = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));

  return has_visible_text (organisation) && self->frameworks != NULL && self->frameworks->len > 0
         && adw_combo_row_get_selected (self->framework_row) != GTK_INVALID_LIST_POSITION;
}

static void
update (CertoWorkspaceNewDialog *self)
{
  gtk_widget_set_sensitive (self->create_button, can_create (self));
}

static void
on_organisation_changed (CertoWorkspaceNewDialog *self)
{
  update (self);
}

static void
on_create_clicked (CertoWorkspaceNewDialog *self)
{
  g_autofree char *organisation = NULL;
  g_autofree char *scope = NULL;
  CertoFramework *framework;

  if (!can_create (self))
    return;

  organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  scope = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scope_row))));
  framework = g_ptr_array_index (self->frameworks, adw_combo_row_get_selected (self->framework_row));

  g_object_ref (self);
  g_signal_emit (self, signals[CREATE], 0, organisation, scope, framework);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
list_frameworks_thread (GTask        *task,
                        gpointer      source,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_task_return_pointer (task, certo_framework_list_all (task_data, NULL),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_frameworks_listed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CertoWorkspaceNewDialog *self;
  g_autoptr(GPtrArray) frameworks = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (g_task_had_error (G_TASK (result)) || frameworks == NULL
      || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = CERTO_WORKSPACE_NEW_DIALOG (source);
  g_clear_pointer (&self->frameworks, g_ptr_array_unref);
  self->frameworks = g_steal_pointer (&frameworks);

  for (guint i = 0; i < self->frameworks->len; i++)
    {
      CertoFramework *framework = g_ptr_array_index (self->frameworks, i);

      /* Framework titles come from the catalogs: the combo row shows plain strings */
      gtk_string_list_append (names, certo_framework_get_title (framework));
      if (g_strcmp0 (certo_framework_get_id (framework), CERTO_FRAMEWORK_ISO27001_2022) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->framework_row, selected);
  update (self);
}

static void
certo_workspace_new_dialog_dispose (GObject *object)
{
  CertoWorkspaceNewDialog *self = (CertoWorkspaceNewDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->frameworks, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_workspace_new_dialog_parent_class)->dispose (object);
}

static void
certo_workspace_new_dialog_finalize (GObject *object)
{
  CertoWorkspaceNewDialog *self = (CertoWorkspaceNewDialog *) object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (certo_workspace_new_dialog_parent_class)->finalize (object);
}

static void
certo_workspace_new_dialog_class_init (CertoWorkspaceNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_workspace_new_dialog_dispose;
  object_class->finalize = certo_workspace_new_dialog_finalize;

  /**
   * CertoWorkspaceNewDialog::create:
   * @self: the dialog
   * @organisation: the organisation's name
   * @scope: the ISMS scope, maybe empty
   * @framework: the framework chosen
   *
   * The user asked to make the workspace; emitted before the dialog
   * closes itself.
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, CERTO_TYPE_FRAMEWORK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-workspace-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceNewDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceNewDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceNewDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceNewDialog, framework_row);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
certo_workspace_new_dialog_init (CertoWorkspaceNewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * certo_workspace_new_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @data_dir: (nullable): Certo's data folder, for imported frameworks
 *
 * Returns: (transfer none): a modal dialog, not yet shown; it destroys
 *   itself when closed
 */
CertoWorkspaceNewDialog *
certo_workspace_new_dialog_new (GtkWindow  *parent,
                                const char *data_dir)
{
  CertoWorkspaceNewDialog *self;
  g_autoptr(GTask) task = NULL;

  self = g_object_new (CERTO_TYPE_WORKSPACE_NEW_DIALOG, "transient-for", parent, NULL);
  self->data_dir = g_strdup (data_dir);

  task = g_task_new (self, self->cancellable, on_frameworks_listed, NULL);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, list_frameworks_thread);

  gtk_widget_grab_focus (GTK_WIDGET (self->organisation_row));

  return self;
}
