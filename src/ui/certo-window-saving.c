/* certo-window-saving.c — the window's workspace: saving, Save As, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save that fails leaves the changes safe in the working copy; the
 * window says so (Retry, Save As…). Closing waits for the last save; if
 * it fails the user chooses: Retry, Save As… or Discard.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-window-private.h"
#include "certo-workspace-util.h"

static void on_workspace_closed (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
on_close_failed_response (AdwMessageDialog *dialog,
                          const char       *response,
                          CertoWindow      *self)
{
  if (self->workspace == NULL)
    return;

  if (g_str_equal (response, "retry"))
    certo_window_start_close (self, self->destroy_after_close);
  else if (g_str_equal (response, "save-as"))
    certo_window_save_as (self, TRUE);
  else if (g_str_equal (response, "discard"))
    {
      self->closing_workspace = TRUE;
      certo_workspace_close_async (self->workspace, CERTO_WORKSPACE_CLOSE_DISCARD, NULL,
                                   on_workspace_closed, g_object_ref (self));
    }
  else
    self->destroy_after_close = FALSE;
}

static void
on_workspace_closed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  self->closing_workspace = FALSE;

  if (certo_workspace_close_finish (CERTO_WORKSPACE (source), result, &error))
    {
      if (CERTO_WORKSPACE (source) == self->workspace)
        certo_window_set_workspace (self, NULL);
      if (self->destroy_after_close)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* The workspace stays open: nothing is lost, the user decides */
  name = certo_file_display_name (certo_workspace_get_file (CERTO_WORKSPACE (source)));
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  /* Translators: %s is why the file could not be saved */
  body = g_strdup_printf (_("%s\n\nYour changes are kept in Certo: retry, save them to another file, or discard them."),
                          error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard Changes"),
                                    "save-as", _("Save _As…"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_failed_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * certo_window_start_close:
 * @self: the window
 * @destroy_after: whether the window goes once the workspace is closed
 *
 * Writes text typed but not yet written, saves what is unsaved and
 * closes the workspace; if the save fails, asks what to do.
 */
void
certo_window_start_close (CertoWindow *self,
                          gboolean     destroy_after)
{
  if (self->workspace == NULL)
    {
      if (destroy_after)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->destroy_after_close = destroy_after;
  if (self->closing_workspace)
    return;

  certo_workspace_view_commit (self->workspace_view);
  self->closing_workspace = TRUE;
  certo_workspace_close_async (self->workspace, CERTO_WORKSPACE_CLOSE_NONE, NULL,
                               on_workspace_closed, g_object_ref (self));
}

/**
 * certo_window_workspace_close_request:
 * @self: the window
 *
 * From close_request(): with an open workspace, saves and closes it
 * first; the window goes once that is done.
 *
 * Returns: %TRUE when the window must stay for now
 */
gboolean
certo_window_workspace_close_request (CertoWindow *self)
{
  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return FALSE;

  certo_window_start_close (self, TRUE);
  return TRUE;
}

/**
 * certo_window_workspace_dispose:
 * @self: the window
 *
 * From dispose(): a window destroyed with its workspace open still saves
 * and closes it, in the background.
 */
void
certo_window_workspace_dispose (CertoWindow *self)
{
  if (self->workspace_cancellable != NULL)
    g_cancellable_cancel (self->workspace_cancellable);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      if (certo_workspace_get_is_open (self->workspace) && !self->closing_workspace)
        certo_workspace_close_async (self->workspace, CERTO_WORKSPACE_CLOSE_NONE, NULL, NULL, NULL);
    }

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->workspace);
  g_clear_object (&self->workspace_cancellable);
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->recoverable, g_ptr_array_unref);
}

/* Saving */

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       CertoWindow      *self);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (certo_workspace_save_finish (CERTO_WORKSPACE (source), result, &error))
    {
      certo_workspace_view_set_save_error (self->workspace_view, NULL);
      return;
    }

  if (g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Was Changed by Another Program"),
                                       error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  certo_workspace_view_set_save_error (self->workspace_view, error);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       CertoWindow      *self)
{
  if (self->workspace == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    certo_workspace_save_async (self->workspace, CERTO_WORKSPACE_SAVE_OVERWRITE, NULL, on_saved, g_object_ref (self));
  else if (g_str_equal (response, "save-as"))
    certo_window_save_as (self, FALSE);
}

typedef struct
{
  CertoWindow *self;
  gboolean     then_close;
} SaveAsData;

static void
on_saved_as (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveAsData *data = user_data;
  g_autoptr(CertoWindow) self = data->self;
  gboolean then_close = data->then_close;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_free (data);

  if (!certo_workspace_save_as_finish (CERTO_WORKSPACE (source), result, &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Save the Workspace"), error->message);
      return;
    }

  certo_workspace_view_set_save_error (self->workspace_view, NULL);
  certo_window_remember_workspace (self);
  name = certo_file_display_name (certo_workspace_get_file (CERTO_WORKSPACE (source)));
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved as “%s”"), name);
  certo_window_add_toast (self, certo_toast_new (title));

  if (then_close)
    certo_window_start_close (self, self->destroy_after_close);
}

static void
on_save_as_chosen (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  SaveAsData *data = user_data;
  CertoWindow *self = data->self;

  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = chosen != NULL ? certo_file_with_suffix (chosen, CERTO_WORKSPACE_SUFFIX) : NULL;

      if (file != NULL)
        {
          certo_workspace_save_as_async (self->workspace, file, NULL, on_saved_as, data);
          data = NULL;
        }
    }
  else if (data->then_close)
    self->destroy_after_close = FALSE;

  if (data != NULL)
    {
      g_object_unref (data->self);
      g_free (data);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

GtkFileFilter *
certo_window_new_workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Certo workspaces"));
  gtk_file_filter_add_mime_type (filter, CERTO_WORKSPACE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "certo");
  return filter;
}

void
certo_window_save_as (CertoWindow *self,
                      gboolean     then_close)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = certo_window_new_workspace_filter ();
  g_autofree char *name = NULL;
  SaveAsData *data;

  if (self->workspace == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Workspace As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = certo_file_display_name (certo_workspace_get_file (self->workspace));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  data = g_new0 (SaveAsData, 1);
  data->self = g_object_ref (self);
  data->then_close = then_close;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


/**
 * certo_window_retry_save:
 * @self: the window
 *
 * Saves now, after a failed save ("Retry"); a file another program
 * changed meanwhile is not overwritten without asking.
 */
void
certo_window_retry_save (CertoWindow *self)
{
  if (self->workspace == NULL)
    return;

  certo_workspace_view_commit (self->workspace_view);
  certo_workspace_save_async (self->workspace, CERTO_WORKSPACE_SAVE_NONE, NULL, on_saved, g_object_ref (self));
}
