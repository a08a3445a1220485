/* certo-window-actions.c — the window's actions: import, search, reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-window-private.h"

/* The warnings dialog lists at most this many lines */
#define MAX_WARNINGS_SHOWN 200

static void
set_importing (CertoWindow *self,
               GFile       *file)
{
  if (file != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *path = g_file_get_path (file);

      name = path ? g_filename_display_basename (path) : g_file_get_uri (file);
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Importing “%s”…"), name);
      gtk_label_set_text (self->import_label, text);
    }

  gtk_spinner_set_spinning (self->import_spinner, file != NULL);
  gtk_revealer_set_reveal_child (self->import_revealer, file != NULL);
  certo_window_update_actions (self);
}

static void
show_import_error (CertoWindow *self,
                   GFile       *file,
                   const char  *message)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  name = path ? g_filename_display_basename (path) : g_file_get_uri (file);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);

  /* Heading and body are plain text (no markup): the message may quote the file */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CertoWindow *self;
  GFile       *file;
} ImportData;

static void import_file_full (CertoWindow      *self,
                              GFile            *file,
                              CertoImportFlags  flags);

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
import_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  import_data_free (data);
}

static void
on_import_anyway_response (AdwMessageDialog *dialog,
                           const char       *response,
                           ImportData       *data)
{
  if (g_strcmp0 (response, "import") == 0 && !certo_window_is_closed (data->self))
    import_file_full (data->self, data->file, CERTO_IMPORT_ACCEPT_REMOVALS);
}

/* The shrink guard refused the file: it would withdraw most of the
 * documents of the source it replaces. Import it only if the user says so. */
static void
offer_import_anyway (CertoWindow *self,
                     GFile       *file,
                     const char  *message)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  ImportData *data;
  GtkWidget *dialog;

  name = path ? g_filename_display_basename (path) : g_file_get_uri (file);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Import “%s” Anyway?"), name);
  body = g_strdup_printf ("%s\n\n%s", message,
                          _("Import it only if the provider really withdrew those documents. Copies you saved for offline reading stay."));

  /* Plain text: the message may quote the file */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_import_anyway_response), data,
                         import_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  CertoWindow *self = data->self;
  g_autoptr(CertoImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n_warnings;

  imported = certo_catalog_import_file_finish (CERTO_CATALOG (source), result, &error);

  /* The window was closed meanwhile: nothing to show */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_object (&self->import_cancellable);
  set_importing (self, NULL);

  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        certo_window_add_toast (self, adw_toast_new (_("Import cancelled")));
      else if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
        offer_import_anyway (self, data->file, error->message);
      else
        show_import_error (self, data->file, error->message);
      return;
    }

  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  n_warnings = imported->warnings ? imported->warnings->len : 0;
  if (n_warnings > 0)
    self->import_warnings = g_ptr_array_ref (imported->warnings);

  if (n_warnings > 0)
    {
      g_autofree char *documents = NULL;
      g_autofree char *skipped = NULL;

      documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document", "Imported %u documents",
                                                imported->n_documents),
                                   imported->n_documents);
      skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry skipped", "%u entries skipped", n_warnings),
                                 n_warnings);
      /* Translators: "Imported 42 documents, 3 entries skipped" */
      title = g_strdup_printf (_("%s, %s"), documents, skipped);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document", "Imported %u documents",
                                            imported->n_documents),
                               imported->n_documents);
    }

  toast = adw_toast_new (title);
  if (n_warnings > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.import-details");
      adw_toast_set_timeout (toast, 10);
    }
  certo_window_add_toast (self, toast);
}

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                CertoWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        certo_window_import_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CertoWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) catalogs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Catalog or Article"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (catalogs, _("Catalogs (JSON)"));
  gtk_file_filter_add_mime_type (catalogs, "application/json");
  gtk_file_filter_add_suffix (catalogs, "json");
  gtk_file_filter_set_name (articles, _("Compliance-offering articles (Markdown)"));
  gtk_file_filter_add_mime_type (articles, "text/markdown");
  gtk_file_filter_add_suffix (articles, "md");
  gtk_file_filter_add_suffix (articles, "markdown");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), catalogs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  CertoWindow *self = user_data;

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
import_details_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CertoWindow *self = user_data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;
  guint n;

  if (self->import_warnings == NULL || self->import_warnings->len == 0)
    return;

  n = MIN (self->import_warnings->len, MAX_WARNINGS_SHOWN);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->import_warnings, i));
    }
  if (self->import_warnings->len > n)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                           self->import_warnings->len - n),
                              self->import_warnings->len - n);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u entry was skipped or trimmed; the rest was imported.",
                                       "%u entries were skipped or trimmed; the rest was imported.",
                                       self->import_warnings->len),
                          self->import_warnings->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Warnings"), body);

  /* The warnings name entries of the file: plain text, selectable */
  label = gtk_label_new (text->str);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  certo_window_load (CERTO_WINDOW (user_data));
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CertoWindow *self = user_data;

  /* Ctrl+F searches the page shown */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "workspace") == 0)
    certo_workspace_view_begin_search (self->workspace_view);
  else
    certo_library_view_begin_search (self->library_view);
}

static const GActionEntry window_actions[] = {
  { "import", import_action },
  { "cancel-import", cancel_import_action },
  { "import-details", import_details_action },
  { "reload", reload_action },
  { "search", search_action },
};

/**
 * certo_window_actions_init:
 * @self: a #CertoWindow
 *
 * Adds the window's actions (`win.import`, `win.cancel-import`,
 * `win.import-details`, `win.reload`, `win.search`); the application sets
 * their accelerators.
 */
void
certo_window_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  certo_window_workspace_actions_init (self);
  certo_window_exports_actions_init (self);
  certo_window_migrate_actions_init (self);
  certo_window_evidence_actions_init (self);
  certo_window_sync_actions_init (self);
  certo_window_update_actions (self);
}

/**
 * certo_window_update_actions:
 * @self: a #CertoWindow
 *
 * Enables the actions that make sense in the window's state: search only
 * in the library (or an open workspace), reload only after an error,
 * cancel only while importing, the workspace's actions only with one.
 */
void
certo_window_update_actions (CertoWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  const char *view = self->view_stack != NULL ? adw_view_stack_get_visible_child_name (self->view_stack) : NULL;
  gboolean open = self->workspace != NULL && certo_workspace_get_is_open (self->workspace);
  gboolean idle = open && !self->closing_workspace;
  gboolean is_2013 = open && g_strcmp0 (certo_workspace_get_framework_id (self->workspace),
                                        CERTO_FRAMEWORK_ISO27001_2013) == 0;
  const struct { const char *name; gboolean enabled; } workspace_states[] = {
    { "close-workspace", idle },
    { "save-workspace-as", idle },
    { "retry-save", idle },
    { "undo", idle && certo_workspace_get_can_undo (self->workspace) },
    { "export", idle && self->job_cancellable == NULL },
    { "import-soa", idle && self->job_cancellable == NULL },
    { "approve-soa", idle },
    { "migrate-workspace", idle && is_2013 && self->job_cancellable == NULL },
    { "use-as-evidence", idle },
    { "cancel-job", self->job_cancellable != NULL },
  };
  GAction *action;

  for (guint i = 0; i < G_N_ELEMENTS (workspace_states); i++)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self), workspace_states[i].name);
      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), workspace_states[i].enabled);
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "search");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                 g_strcmp0 (page, "library") == 0
                                 && (g_strcmp0 (view, "workspace") != 0 || open));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "reload");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), g_strcmp0 (page, "error") == 0);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "cancel-import");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->import_cancellable != NULL);

  certo_window_sync_update_actions (self);
}

/**
 * certo_window_import_file:
 * @self: a #CertoWindow
 * @file: a catalog feed (JSON) or a compliance-offering article (markdown)
 *   the user chose
 *
 * Imports @file into the catalog in the background, with a progress bar
 * that can cancel it. Success is told in a toast (with the number of
 * entries skipped, and their details on request); a file that cannot be
 * imported is told in a dialog with the core's message, and the catalog
 * stays as it was. While the catalog is still loading, the import waits for
 * it; while another import runs, this one is refused with a toast.
 */
void
certo_window_import_file (CertoWindow *self,
                          GFile       *file)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_file_full (self, file, CERTO_IMPORT_FLAGS_NONE);
}

static void
import_file_full (CertoWindow      *self,
                  GFile            *file,
                  CertoImportFlags  flags)
{
  ImportData *data;

  if (!certo_catalog_get_loaded (self->catalog))
    {
      if (self->pending_imports == NULL)
        self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->pending_imports, g_object_ref (file));
      return;
    }

  if (self->import_cancellable != NULL)
    {
      certo_window_add_toast (self, adw_toast_new (_("Wait for the current import to finish")));
      return;
    }

  self->import_cancellable = g_cancellable_new ();
  set_importing (self, file);

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  certo_catalog_import_file_full_async (self->catalog, file, flags, self->import_cancellable,
                                        on_import_done, data);
}

/**
 * certo_window_is_importing:
 * @self: a #CertoWindow
 *
 * Returns: %TRUE while an import started with certo_window_import_file()
 *   runs
 */
gboolean
certo_window_is_importing (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}
