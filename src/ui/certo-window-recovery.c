/* certo-window-recovery.c — the window's workspace: unsaved changes after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session that ended without closing (a crash, a power cut) leaves its
 * working copy with the unsaved changes; at start, and from the
 * Workspace page, each can be recovered (opened and saved to its file,
 * or to a new one when the file is gone) or discarded, or all of them
 * discarded at once. Each row says how many changes it holds, when the
 * last was made and its size, so several copies of one file can be told
 * apart.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-window-private.h"
#include "certo-workspace-util.h"

typedef struct
{
  CertoWindow      *self;
  CertoWorkspace   *workspace;
  GFile            *file;
  CertoRecoverable *recoverable;
} SessionData;

static void
session_data_free (SessionData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->workspace);
  g_clear_object (&data->file);
  g_clear_pointer (&data->recoverable, certo_recoverable_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SessionData, session_data_free)

static void on_recover_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 CertoWindow      *self);

void
certo_window_refresh_recoverable (CertoWindow *self)
{
  g_autofree char *data_dir = certo_window_dup_data_dir (self);

  g_clear_pointer (&self->recoverable, g_ptr_array_unref);
  self->recoverable = certo_workspace_list_recoverable (data_dir, NULL);
  certo_workspace_view_set_n_recoverable (self->workspace_view,
                                          self->recoverable != NULL ? self->recoverable->len : 0);
  certo_window_update_actions (self);
}

static void
on_workspace_recovered (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SessionData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  certo_workspace_recover_finish (CERTO_WORKSPACE (source), result, &error);
  if (certo_window_end_session (data->self, data->file, error, CERTO_SESSION_RECOVER))
    {
      certo_window_refresh_recoverable (data->self);
      return;
    }

  certo_window_set_workspace (data->self, data->workspace);
  certo_window_refresh_recoverable (data->self);
  name = certo_file_display_name (certo_workspace_get_file (data->workspace));
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Recovered the unsaved changes of “%s”"), name);
  certo_window_add_toast (data->self, certo_toast_new (title));
}

static void
on_recover_location_chosen (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(SessionData) data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = chosen != NULL ? certo_file_with_suffix (chosen, CERTO_WORKSPACE_SUFFIX) : NULL;

      if (file != NULL)
        certo_window_recover_workspace (data->self, data->recoverable, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_discard_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      SessionData      *data)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "discard"))
    return;

  if (!certo_workspace_discard_recoverable (data->recoverable, &error))
    certo_show_message (GTK_WIDGET (data->self), _("Could Not Discard the Changes"), error->message);
  certo_window_refresh_recoverable (data->self);
}

static void
discard_recoverable (CertoWindow            *self,
                     const CertoRecoverable *recoverable)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  SessionData *data;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Discard the Unsaved Changes of “%s”?"), recoverable->display_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("They are deleted for good. The file keeps what was last saved to it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (SessionData, 1);
  data->self = g_object_ref (self);
  data->recoverable = certo_recoverable_copy (recoverable);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_discard_confirmed), data,
                         (GClosureNotify) (void (*) (void)) session_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_discard_all_confirmed (AdwMessageDialog *dialog,
                          const char       *response,
                          CertoWindow      *self)
{
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);

  if (!g_str_equal (response, "discard") || self->recoverable == NULL)
    return;

  /* The list as it is now: another window may have recovered one */
  recoverable = g_ptr_array_ref (self->recoverable);
  for (guint i = 0; i < recoverable->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!certo_workspace_discard_recoverable (g_ptr_array_index (recoverable, i), &error))
        {
          if (failures->len > 0)
            g_string_append_c (failures, '\n');
          g_string_append (failures, error->message);
        }
    }

  if (failures->len > 0)
    certo_show_message (GTK_WIDGET (self), _("Could Not Discard the Changes"), failures->str);
  certo_window_refresh_recoverable (self);
}

static void
discard_all_recoverable (CertoWindow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint n = self->recoverable != NULL ? self->recoverable->len : 0;

  if (n == 0)
    return;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Discard the Unsaved Changes of %u Workspace?",
                                          "Discard the Unsaved Changes of %u Workspaces?", n),
                             n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("They are deleted for good. Each file keeps what was last saved to it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_all_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
recoverable_subtitle (const CertoRecoverable *recoverable)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *last = recoverable->edited_at != NULL ? recoverable->edited_at : recoverable->changed_at;
  g_autoptr(GDateTime) utc = last != NULL ? g_date_time_new_from_iso8601 (last, NULL) : NULL;

  if (recoverable->organisation != NULL && *recoverable->organisation != '\0')
    g_string_append (text, recoverable->organisation);
  if (recoverable->n_edits > 0)
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u unsaved change", "%u unsaved changes",
                                                 recoverable->n_edits),
                              recoverable->n_edits);
    }
  if (utc != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      /* Translators: when the last unsaved change was made, see g_date_time_format() */
      g_autofree char *when = g_date_time_format (local, C_("history", "%-d %B %Y, %H:%M"));

      if (text->len > 0)
        g_string_append (text, _(" · "));
      /* Translators: %s is a date and time */
      g_string_append_printf (text, _("last changed %s"), when);
    }
  if (recoverable->size > 0)
    {
      g_autofree char *size = certo_format_size (recoverable->size);

      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, size);
    }
  if (!recoverable->original_exists)
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, _("the file is gone: recovering asks where to save"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  CertoWindow      *self;
  CertoRecoverable *recoverable;
  GtkWidget        *dialog;
} RowData;

static void
row_data_free (gpointer  user_data,
               GClosure *closure)
{
  RowData *data = user_data;

  g_clear_object (&data->self);
  g_clear_pointer (&data->recoverable, certo_recoverable_free);
  g_free (data);
}

static void
on_recover_clicked (GtkButton *button,
                    RowData   *data)
{
  gtk_window_destroy (GTK_WINDOW (data->dialog));
  certo_window_recover_workspace (data->self, data->recoverable, NULL);
}

static void
on_discard_clicked (GtkButton *button,
                    RowData   *data)
{
  gtk_window_destroy (GTK_WINDOW (data->dialog));
  discard_recoverable (data->self, data->recoverable);
}

/**
 * certo_window_offer_recovery:
 * @self: a #CertoWindow
 *
 * When crashed sessions left unsaved changes, asks what to do with each:
 * recover (a window opens with them, saved at once to the file) or
 * discard; with several, "Discard All…" discards every one after a
 * confirmation. Does nothing when there are none.
 */
void
certo_window_offer_recovery (CertoWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *list;
  guint n;

  g_return_if_fail (CERTO_IS_WINDOW (self));

  certo_window_refresh_recoverable (self);
  n = self->recoverable != NULL ? self->recoverable->len : 0;
  if (n == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Certo closed unexpectedly while a workspace had changes not yet saved to its file.",
                                                "Certo closed unexpectedly while workspaces had changes not yet saved to their files.",
                                                n));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < n; i++)
    {
      const CertoRecoverable *recoverable = g_ptr_array_index (self->recoverable, i);
      g_autofree char *subtitle = recoverable_subtitle (recoverable);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
      RowData *data;

      /* A file name and an organisation: plain text */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recoverable->display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (recover, "suggested-action");
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (discard, "flat");
      gtk_widget_set_tooltip_text (discard, _("Discard the Unsaved Changes"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard the Unsaved Changes"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      data = g_new0 (RowData, 1);
      data->self = g_object_ref (self);
      data->recoverable = certo_recoverable_copy (recoverable);
      data->dialog = dialog;
      g_signal_connect_data (recover, "clicked", G_CALLBACK (on_recover_clicked), data, row_data_free, 0);
      data = g_new0 (RowData, 1);
      data->self = g_object_ref (self);
      data->recoverable = certo_recoverable_copy (recoverable);
      data->dialog = dialog;
      g_signal_connect_data (discard, "clicked", G_CALLBACK (on_discard_clicked), data, row_data_free, 0);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  /* Several copies (of one file or of several): one click for all */
  if (n > 1)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "discard-all", _("_Discard All…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard-all", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recover_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CertoWindow      *self)
{
  /* "Not Now": the start page keeps offering them */
  if (g_str_equal (response, "discard-all"))
    discard_all_recoverable (self);
}

/**
 * certo_window_recover_workspace:
 * @self: a #CertoWindow
 * @recoverable: a crashed session's working copy
 * @save_as: (nullable): where to save it; asked for when the original
 *   file is gone and this is %NULL
 *
 * Opens the working copy with its unsaved changes (in a new window when
 * this one has a workspace) and saves it to its file at once.
 */
void
certo_window_recover_workspace (CertoWindow            *self,
                                const CertoRecoverable *recoverable,
                                GFile                  *save_as)
{
  g_autoptr(CertoWorkspace) workspace = NULL;
  g_autoptr(GFile) target = NULL;
  SessionData *data;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (recoverable != NULL);

  if (!recoverable->original_exists && save_as == NULL)
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) filter = certo_window_new_workspace_filter ();

      chooser = gtk_file_chooser_native_new (_("Save the Recovered Workspace"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), recoverable->display_name);
      data = g_new0 (SessionData, 1);
      data->self = g_object_ref (self);
      data->recoverable = certo_recoverable_copy (recoverable);
      g_signal_connect (chooser, "response", G_CALLBACK (on_recover_location_chosen), data);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }

  if (self->workspace != NULL || self->workspace_cancellable != NULL)
    {
      GtkWindow *other = certo_window_dup_new_window (self);

      certo_window_recover_workspace (CERTO_WINDOW (other), recoverable, save_as);
      return;
    }

  target = save_as != NULL ? g_object_ref (save_as) : g_file_new_for_uri (recoverable->uri);
  workspace = certo_window_new_workspace_object (self);
  certo_window_begin_session (self, target);
  data = g_new0 (SessionData, 1);
  data->self = g_object_ref (self);
  data->workspace = g_object_ref (workspace);
  data->file = g_object_ref (target);
  certo_workspace_recover_async (workspace, recoverable, save_as, self->workspace_cancellable,
                                 on_workspace_recovered, data);
}

