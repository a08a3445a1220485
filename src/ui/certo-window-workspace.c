/* certo-window-workspace.c — the window's workspace: new, open, recover,
 * save, close, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window holds at most one workspace. Opening or making another while
 * one is open does so in a new window; opening one that is open already
 * (in this application: same GFile; in another Certo: the core says
 * CERTO_WORKSPACE_ERROR_ALREADY_OPEN) raises its window. Closing the
 * window waits for the last save; if it fails, the user chooses: Retry,
 * Save As… or Discard.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-requirement-editor.h"
#include "certo-window-private.h"
#include "certo-workspace-new-dialog.h"
#include "certo-workspace-util.h"

/* The history read after an undo, to say what was undone */
#define UNDO_HISTORY_LIMIT 200

/* Helpers */

/**
 * certo_window_dup_data_dir:
 * @self: the window
 *
 * Returns: (transfer full): Certo's data folder (`$CERTO_DATA_DIR` or
 *   `$XDG_DATA_HOME/certo`), where working copies live
 */
char *
certo_window_dup_data_dir (CertoWindow *self)
{
  return certo_paths_dup_data_dir (NULL);
}

/**
 * certo_window_dup_new_window:
 * @self: the window
 *
 * Returns: (transfer none): a new window of the application, shown, on
 *   its Workspace page (for a second workspace)
 */
GtkWindow *
certo_window_dup_new_window (CertoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CertoWindow *window;

  window = certo_window_new (ADW_APPLICATION (app), self->catalog, self->settings);
  adw_view_stack_set_visible_child_name (window->view_stack, "workspace");
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
on_user_name_changed (CertoWindow *self)
{
  if (self->workspace != NULL)
    certo_workspace_set_user_name (self->workspace, certo_user_name_from_settings (self->settings));
}

/**
 * certo_window_new_workspace_object:
 * @self: the window
 *
 * Returns: (transfer full): a workspace object set up for this window:
 *   the user's name for the history (Preferences, or the account's) and
 *   the evidence size limit
 */
CertoWorkspace *
certo_window_new_workspace_object (CertoWindow *self)
{
  g_autofree char *data_dir = certo_window_dup_data_dir (self);
  CertoWorkspace *workspace = certo_workspace_new (data_dir);

  certo_workspace_set_user_name (workspace, certo_user_name_from_settings (self->settings));
  if (settings_has_key (self->settings, "max-evidence-size"))
    certo_workspace_set_max_evidence_size (workspace, g_settings_get_uint (self->settings, "max-evidence-size"));

  return workspace;
}

static GtkWindow *
window_for_file (CertoWindow *self,
                 GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? GTK_WINDOW (certo_window_find_for_file (app, file)) : NULL;
}

static void
show_workspace_page (CertoWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "workspace");
}

/**
 * certo_window_remember_workspace:
 * @self: the window
 *
 * Records the workspace's file as the last one (the "last-workspace"
 * setting, when the schema has it).
 */
void
certo_window_remember_workspace (CertoWindow *self)
{
  GFile *file;
  g_autofree char *uri = NULL;

  if (self->workspace == NULL || !settings_has_key (self->settings, "last-workspace"))
    return;

  file = certo_workspace_get_file (self->workspace);
  uri = file != NULL ? g_file_get_uri (file) : NULL;
  if (uri != NULL)
    g_settings_set_string (self->settings, "last-workspace", uri);
}

static void
update_title (CertoWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->workspace == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Certo"));
      return;
    }

  name = certo_file_display_name (certo_workspace_get_file (self->workspace));
  /* Translators: the window's title: a workspace's file name, then the application */
  title = g_strdup_printf (_("%s — Certo"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_history_mark (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(CertoHistoryEntry) newest = NULL;

  entries = certo_workspace_load_history_finish (CERTO_WORKSPACE (source), result, NULL);
  if (entries != NULL && g_list_model_get_n_items (entries) > 0)
    newest = g_list_model_get_item (entries, 0);
  if (newest != NULL)
    self->history_mark = MAX (self->history_mark, certo_history_entry_get_id (newest));
}

static void
on_workspace_state (CertoWindow *self)
{
  certo_window_update_actions (self);
  update_title (self);
}

/**
 * certo_window_set_workspace:
 * @self: the window
 * @workspace: (nullable): an open workspace, or %NULL
 *
 * Shows @workspace in the window and follows its state (undo, file).
 */
void
certo_window_set_workspace (CertoWindow    *self,
                            CertoWorkspace *workspace)
{
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);

  g_set_object (&self->workspace, workspace);
  self->history_mark = 0;

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "notify::can-undo", G_CALLBACK (on_workspace_state), self);
      g_signal_connect_swapped (workspace, "notify::file", G_CALLBACK (on_workspace_state), self);
      g_signal_connect_swapped (workspace, "notify::is-open", G_CALLBACK (on_workspace_state), self);
      certo_workspace_load_history_async (workspace, NULL, 1, self->cancellable,
                                          on_history_mark, g_object_ref (self));
    }

  certo_workspace_view_set_workspace (self->workspace_view, workspace);
  certo_window_remember_workspace (self);
  update_title (self);
  certo_window_update_actions (self);
}

/* Opening and making */

typedef struct
{
  CertoWindow    *self;
  CertoWorkspace *workspace;
  GFile          *file;
  CertoFramework *framework;
  char           *organisation;
  char           *scope;
  CertoRecoverable *recoverable;
} SessionData;

static void
session_data_free (SessionData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->workspace);
  g_clear_object (&data->file);
  g_clear_object (&data->framework);
  g_free (data->organisation);
  g_free (data->scope);
  g_clear_pointer (&data->recoverable, certo_recoverable_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SessionData, session_data_free)

static SessionData *
session_data_new (CertoWindow    *self,
                  CertoWorkspace *workspace,
                  GFile          *file)
{
  SessionData *data = g_new0 (SessionData, 1);

  data->self = g_object_ref (self);
  data->workspace = g_object_ref (workspace);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  return data;
}

/**
 * certo_window_begin_session:
 * @self: the window
 * @file: the file being opened, made or recovered
 *
 * Shows "Opening “acme.certo”…" on the Workspace page until
 * certo_window_end_session().
 */
void
certo_window_begin_session (CertoWindow *self,
                            GFile       *file)
{
  g_autofree char *name = certo_file_display_name (file);

  g_clear_object (&self->workspace_cancellable);
  self->workspace_cancellable = g_cancellable_new ();
  certo_workspace_view_set_opening (self->workspace_view, name);
  show_workspace_page (self);
  certo_window_update_actions (self);
}

/**
 * certo_window_end_session:
 * @self: the window
 * @file: the file opened, made or recovered
 * @error: (nullable): why it failed, or %NULL
 * @kind: what was done, for the heading of the message
 *
 * Ends what certo_window_begin_session() started. A failure is told in a
 * dialog with the core's message; a file open in another window of this
 * application raises that window instead.
 *
 * Returns: whether the session failed (and was dealt with)
 */
gboolean
certo_window_end_session (CertoWindow      *self,
                          GFile            *file,
                          GError           *error,
                          CertoSessionKind  kind)
{
  g_autofree char *name = certo_file_display_name (file);
  g_autofree char *heading = NULL;
  GtkWindow *other;

  g_clear_object (&self->workspace_cancellable);
  certo_workspace_view_set_opening (self->workspace_view, NULL);
  certo_window_update_actions (self);

  if (error == NULL)
    return FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;

  if (g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN)
      && (other = window_for_file (self, file)) != NULL)
    {
      gtk_window_present (other);
      return TRUE;
    }

  if (g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN))
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("“%s” Is Open in Another Certo Window"), name);
  else if (kind == CERTO_SESSION_MAKE)
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could Not Make “%s”"), name);
  else if (kind == CERTO_SESSION_RECOVER)
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could Not Recover “%s”"), name);
  else
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  certo_show_message (GTK_WIDGET (self), heading, error->message);

  return TRUE;
}

static void
on_workspace_opened (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SessionData) data = user_data;
  g_autoptr(GError) error = NULL;

  g_autoptr(GPtrArray) earlier = NULL;
  g_autofree char *data_dir = NULL;

  certo_workspace_open_finish (CERTO_WORKSPACE (source), result, &error);
  if (certo_window_end_session (data->self, data->file, error, CERTO_SESSION_OPEN))
    return;

  certo_window_set_workspace (data->self, data->workspace);

  /* A session of this file that died left changes the file lacks: say
   * so now, or they would wait unnoticed on the start page */
  data_dir = certo_window_dup_data_dir (data->self);
  earlier = certo_workspace_list_recoverable_for (data_dir, certo_workspace_get_file (data->workspace), NULL);
  if (earlier != NULL && earlier->len > 0)
    {
      g_autofree char *name = certo_file_display_name (certo_workspace_get_file (data->workspace));
      g_autofree char *title = NULL;
      AdwToast *toast;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %s is a file name */
                                            "An earlier session of “%s” left unsaved changes",
                                            "Earlier sessions of “%s” left unsaved changes",
                                            earlier->len),
                               name);
      toast = certo_toast_new (title);
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_action_name (toast, "win.recover-workspace");
      adw_toast_set_timeout (toast, 0);
      certo_window_add_toast (data->self, toast);
      certo_window_refresh_recoverable (data->self);
    }
}

static void create_workspace (CertoWindow    *self,
                              GFile          *file,
                              CertoFramework *framework,
                              const char     *organisation,
                              const char     *scope,
                              gboolean        replace);

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SessionData      *data)
{
  if (g_str_equal (response, "replace"))
    create_workspace (data->self, data->file, data->framework, data->organisation, data->scope, TRUE);
}

static void
on_workspace_created (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SessionData) data = user_data;
  g_autoptr(GError) error = NULL;

  certo_workspace_create_finish (CERTO_WORKSPACE (source), result, &error);

  if (g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_EXISTS))
    {
      g_autofree char *name = certo_file_display_name (data->file);
      g_autofree char *heading = NULL;
      GtkWidget *dialog;
      SessionData *again;

      certo_window_end_session (data->self, data->file, NULL, CERTO_SESSION_MAKE);
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Replace “%s”?"), name);
      dialog = adw_message_dialog_new (GTK_WINDOW (data->self), heading,
                                       _("A file with this name already exists. Replacing it overwrites everything in it."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      again = session_data_new (data->self, data->workspace, data->file);
      again->framework = g_object_ref (data->framework);
      again->organisation = g_strdup (data->organisation);
      again->scope = g_strdup (data->scope);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response), again,
                             (GClosureNotify) (void (*) (void)) session_data_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (certo_window_end_session (data->self, data->file, error, CERTO_SESSION_MAKE))
    return;

  certo_window_set_workspace (data->self, data->workspace);
}

static void
create_workspace (CertoWindow    *self,
                  GFile          *file,
                  CertoFramework *framework,
                  const char     *organisation,
                  const char     *scope,
                  gboolean        replace)
{
  g_autoptr(CertoWorkspace) workspace = NULL;
  SessionData *data;

  if (self->workspace != NULL || self->workspace_cancellable != NULL)
    {
      GtkWindow *other = certo_window_dup_new_window (self);

      create_workspace (CERTO_WINDOW (other), file, framework, organisation, scope, replace);
      return;
    }

  workspace = certo_window_new_workspace_object (self);
  certo_window_begin_session (self, file);
  data = session_data_new (self, workspace, file);
  data->framework = g_object_ref (framework);
  data->organisation = g_strdup (organisation);
  data->scope = g_strdup (scope);
  certo_workspace_create_async (workspace, file, framework, organisation, scope,
                                replace ? CERTO_WORKSPACE_CREATE_REPLACE : CERTO_WORKSPACE_CREATE_NONE,
                                self->workspace_cancellable, on_workspace_created, data);
}

/* Undo */

static char *
undo_description (GPtrArray *entries)
{
  CertoHistoryEntry *first;
  const char *field;
  const char *name;

  if (entries->len == 0)
    return g_strdup (_("Undone"));

  first = g_ptr_array_index (entries, 0);
  field = certo_history_entry_get_field (first);
  name = certo_history_entry_get_entity_name (first);
  if (name == NULL)
    name = "";

  if (entries->len > 1)
    {
      for (guint i = 1; i < entries->len; i++)
        if (g_strcmp0 (certo_history_entry_get_entity_name (g_ptr_array_index (entries, i)), name) != 0)
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Undone: %u change", "Undone: %u changes", entries->len),
                                  entries->len);
      /* Translators: "Undone: 3 changes to A.5.7" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Undone: %u change to %s", "Undone: %u changes to %s",
                                           entries->len),
                              entries->len, name);
    }

  if (g_strcmp0 (field, "removed") == 0)
    {
      if (g_strcmp0 (certo_history_entry_get_new_value (first), "true") == 0)
        /* Translators: an undo took back an addition: "Undone: adding “ISO certificate”" */
        return g_strdup_printf (_("Undone: adding “%s”"), name);
      /* Translators: an undo brought an item back: "Undone: removal of “ISO certificate”" */
      return g_strdup_printf (_("Undone: removal of “%s”"), name);
    }

  /* Translators: "Undone: status of A.5.7"; the first %s is a field, the second what it belongs to */
  return g_strdup_printf (_("Undone: %s of %s"), certo_field_label (field), name);
}

static void
on_undo_history (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) undone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  gint64 newest = self->history_mark;
  guint n;

  entries = certo_workspace_load_history_finish (CERTO_WORKSPACE (source), result, NULL);
  n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

  /* Newest first: the entries this undo wrote are on top */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (entries, i);

      newest = MAX (newest, certo_history_entry_get_id (entry));
      if (certo_history_entry_get_id (entry) <= self->history_mark
          || g_strcmp0 (certo_history_entry_get_action (entry), "undo") != 0)
        break;
      g_ptr_array_add (undone, g_steal_pointer (&entry));
    }
  self->history_mark = newest;

  title = undo_description (undone);
  certo_window_add_toast (self, certo_toast_new (title));
}

/**
 * certo_window_undo:
 * @self: a #CertoWindow
 *
 * Undoes the last change of the workspace (Ctrl+Z), after writing text
 * typed but not yet written, and says what was undone in a toast
 * ("Undone: status of A.5.7", from the history the undo wrote).
 */
void
certo_window_undo (CertoWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CERTO_IS_WINDOW (self));

  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  certo_workspace_view_commit (self->workspace_view);
  /* The focus follows the value undone, never nowhere */
  certo_requirement_editor_undo_begin (certo_workspace_view_get_editor (self->workspace_view));
  if (!certo_workspace_undo (self->workspace, &error))
    {
      certo_requirement_editor_undo_end (certo_workspace_view_get_editor (self->workspace_view));
      certo_window_add_toast (self, certo_toast_new (error->message));
      return;
    }
  certo_requirement_editor_undo_end (certo_workspace_view_get_editor (self->workspace_view));

  certo_workspace_load_history_async (self->workspace, NULL, UNDO_HISTORY_LIMIT, self->cancellable,
                                      on_undo_history, g_object_ref (self));
}

/* Actions */

typedef struct
{
  CertoWindow    *self;
  char           *organisation;
  char           *scope;
  CertoFramework *framework;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->framework);
  g_free (data->organisation);
  g_free (data->scope);
  g_free (data);
}

static void
on_new_location_chosen (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  NewData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = chosen != NULL ? certo_file_with_suffix (chosen, CERTO_WORKSPACE_SUFFIX) : NULL;

      /* The chooser asked about replacing the file it returned, not one
       * with the suffix added */
      if (file != NULL)
        certo_window_create_workspace (data->self, file, data->framework, data->organisation, data->scope,
                                       g_file_equal (chosen, file));
    }

  new_data_free (data);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_new_workspace_create (CertoWindow    *self,
                         const char     *organisation,
                         const char     *scope,
                         CertoFramework *framework)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = certo_window_new_workspace_filter ();
  g_autofree char *name = NULL;
  NewData *data;

  chooser = gtk_file_chooser_native_new (_("Save the New Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The organisation's name makes the file's: no folder separators */
  name = g_strdelimit (g_strconcat (organisation, CERTO_WORKSPACE_SUFFIX, NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  data = g_new0 (NewData, 1);
  data->self = g_object_ref (self);
  data->organisation = g_strdup (organisation);
  data->scope = g_strdup (scope);
  data->framework = g_object_ref (framework);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_location_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  CertoWindow *self = user_data;
  g_autofree char *data_dir = certo_window_dup_data_dir (self);
  CertoWorkspaceNewDialog *dialog;

  dialog = certo_workspace_new_dialog_new (GTK_WINDOW (self), data_dir);
  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_workspace_create), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_chosen (GtkNativeDialog *dialog,
                int              response,
                CertoWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        certo_window_open_workspace (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CertoWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) workspaces = certo_window_new_workspace_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workspaces);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
close_workspace_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  certo_window_close_workspace (CERTO_WINDOW (user_data));
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  certo_window_save_as (CERTO_WINDOW (user_data), FALSE);
}

static void
retry_save_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  certo_window_retry_save (CERTO_WINDOW (user_data));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  certo_window_undo (CERTO_WINDOW (user_data));
}

static void
recover_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  certo_window_offer_recovery (CERTO_WINDOW (user_data));
}

static const GActionEntry workspace_actions[] = {
  { "new-workspace", new_workspace_action },
  { "open-workspace", open_workspace_action },
  { "close-workspace", close_workspace_action },
  { "save-workspace-as", save_as_action },
  { "retry-save", retry_save_action },
  { "undo", undo_action },
  { "recover-workspace", recover_action },
};

/**
 * certo_window_workspace_actions_init:
 * @self: the window
 *
 * Adds `win.new-workspace`, `win.open-workspace`, `win.close-workspace`,
 * `win.save-workspace-as`, `win.retry-save`, `win.undo` and
 * `win.recover-workspace`; offers recovery on the start page.
 */
void
certo_window_workspace_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), workspace_actions,
                                    G_N_ELEMENTS (workspace_actions), self);
}

/* Public API */

/**
 * certo_window_find_for_file:
 * @application: the application
 * @file: a workspace file
 *
 * Returns: (transfer none) (nullable): the window that has @file open
 */
CertoWindow *
certo_window_find_for_file (GtkApplication *application,
                            GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      CertoWindow *window = l->data;
      GFile *open;

      if (!CERTO_IS_WINDOW (window) || window->workspace == NULL)
        continue;

      open = certo_workspace_get_file (window->workspace);
      if (open != NULL && g_file_equal (open, file))
        return window;
    }

  return NULL;
}

/**
 * certo_window_get_workspace:
 * @self: a #CertoWindow
 *
 * Returns: (transfer none) (nullable): the workspace open in the window
 */
CertoWorkspace *
certo_window_get_workspace (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);

  return self->workspace;
}

/**
 * certo_window_get_workspace_view:
 * @self: a #CertoWindow
 *
 * Returns: (transfer none): the Workspace page
 */
CertoWorkspaceView *
certo_window_get_workspace_view (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);

  return self->workspace_view;
}

/**
 * certo_window_is_busy:
 * @self: a #CertoWindow
 *
 * Returns: %TRUE while a workspace is being opened, made or recovered,
 *   closed, or a job (export, import, migration) runs
 */
gboolean
certo_window_is_busy (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), FALSE);

  return self->workspace_cancellable != NULL || self->job_cancellable != NULL || self->closing_workspace;
}

/**
 * certo_window_open_workspace:
 * @self: a #CertoWindow
 * @file: a `*.certo` file
 *
 * Opens @file in this window; in a new window when this one has a
 * workspace; raises the window that has it when it is open already.
 * A file that cannot be opened is told in a dialog with the core's message.
 */
void
certo_window_open_workspace (CertoWindow *self,
                             GFile       *file)
{
  g_autoptr(CertoWorkspace) workspace = NULL;
  GtkWindow *existing;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((existing = window_for_file (self, file)) != NULL)
    {
      adw_view_stack_set_visible_child_name (CERTO_WINDOW (existing)->view_stack, "workspace");
      gtk_window_present (existing);
      return;
    }

  if (self->workspace != NULL || self->workspace_cancellable != NULL)
    {
      GtkWindow *other = certo_window_dup_new_window (self);

      certo_window_open_workspace (CERTO_WINDOW (other), file);
      return;
    }

  workspace = certo_window_new_workspace_object (self);
  certo_window_begin_session (self, file);
  certo_workspace_open_async (workspace, file, self->workspace_cancellable, on_workspace_opened,
                              session_data_new (self, workspace, file));
}

/**
 * certo_window_create_workspace:
 * @self: a #CertoWindow
 * @file: where to make it; `.certo` is added to the name when missing
 * @framework: the framework it tracks
 * @organisation: the organisation
 * @scope: (nullable): the ISMS scope
 * @replace: whether the user agreed to replace @file
 *
 * Makes a new workspace and opens it (in a new window when this one has a
 * workspace). What the New Workspace dialog and its file chooser call.
 */
void
certo_window_create_workspace (CertoWindow    *self,
                               GFile          *file,
                               CertoFramework *framework,
                               const char     *organisation,
                               const char     *scope,
                               gboolean        replace)
{
  g_autoptr(GFile) target = NULL;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (CERTO_IS_FRAMEWORK (framework));

  target = certo_file_with_suffix (file, CERTO_WORKSPACE_SUFFIX);
  create_workspace (self, target, framework, organisation, scope, replace && g_file_equal (target, file));
}

/**
 * certo_window_adopt_workspace:
 * @self: a #CertoWindow without a workspace
 * @workspace: an open workspace (a migration's new one)
 *
 * Shows @workspace in this window, which closes it when it goes.
 */
void
certo_window_adopt_workspace (CertoWindow    *self,
                              CertoWorkspace *workspace)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (CERTO_IS_WORKSPACE (workspace));
  g_return_if_fail (self->workspace == NULL);

  certo_workspace_set_user_name (workspace, certo_user_name_from_settings (self->settings));
  certo_window_set_workspace (self, workspace);
  show_workspace_page (self);
}

/**
 * certo_window_close_workspace:
 * @self: a #CertoWindow
 *
 * Saves and closes the workspace, keeping the window ("Close Workspace");
 * if the save fails, asks: Retry, Save As… or Discard.
 */
void
certo_window_close_workspace (CertoWindow *self)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));

  certo_window_start_close (self, FALSE);
}

/**
 * certo_window_workspace_settings_init:
 * @self: a #CertoWindow
 *
 * Follows the "user-name" setting (when the schema has it) in the
 * workspace's history, and counts the recoverable working copies.
 */
void
certo_window_workspace_settings_init (CertoWindow *self)
{
  if (settings_has_key (self->settings, "user-name"))
    g_signal_connect_swapped (self->settings, "changed::user-name", G_CALLBACK (on_user_name_changed), self);

  certo_window_refresh_recoverable (self);
}
