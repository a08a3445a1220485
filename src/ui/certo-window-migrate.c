/* certo-window-migrate.c — the window's workspace: from ISO/IEC 27001:2013 to 2022
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certo_workspace_migrate_async() makes the 2022 workspace from the 2013
 * one (which stays as it was), in the background with a progress bar;
 * the new workspace opens in a window of its own with the list of what
 * needs a person's decision, each line leading to its requirement.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "certo-window-private.h"
#include "certo-workspace-util.h"

typedef struct
{
  CertoWindow    *self;
  GFile          *file;
  CertoWorkspace *target;
} JobData;

static void
job_data_free (JobData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->target);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobData, job_data_free)

typedef struct
{
  CertoWindow    *window;
  CertoWorkspace *workspace;
  char           *key;
} DecisionData;

static void
decision_data_free (gpointer  user_data,
                    GClosure *closure)
{
  DecisionData *data = user_data;

  g_clear_object (&data->window);
  g_clear_object (&data->workspace);
  g_free (data->key);
  g_free (data);
}

static void
on_decision_activated (AdwActionRow *row,
                       DecisionData *data)
{
  CertoRequirementState *requirement = certo_workspace_find_requirement (data->workspace, data->key);

  if (requirement != NULL)
    certo_workspace_view_show_requirement (certo_window_get_workspace_view (data->window), requirement);
}

static void
show_migration_report (CertoWindow          *window,
                       CertoWorkspace       *workspace,
                       CertoMigrationReport *report)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scroller;

  body = g_strdup_printf (_("The 2022 workspace has %u requirements; %u took their values from 2013 controls. "
                            "%u evidence items, %u audits and %u findings were carried over. "
                            "The original workspace is unchanged."),
                          report->n_requirements, report->n_carried, report->n_evidence,
                          report->n_audits, report->n_findings);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Migrated to ISO/IEC 27001:2022"), body);

  if (report->decisions != NULL && report->decisions->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (NULL);
      g_autofree char *text = NULL;

      /* A merge can raise several points about one requirement */
      {
        g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
        guint n = 0;

        for (guint i = 0; i < report->decisions->len; i++)
          {
            CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);

            if (decision->key == NULL || g_hash_table_add (keys, decision->key))
              n++;
          }
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u requirement needs your decision; each one’s history keeps how it was merged:",
                                             "%u requirements need your decision; each one’s history keeps how it was merged:",
                                             n),
                                n);
      }
      gtk_label_set_text (GTK_LABEL (heading), text);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < report->decisions->len; i++)
        {
          CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = g_strdup_printf (C_("requirement", "%s %s"), decision->label, decision->title);
          DecisionData *data = g_new0 (DecisionData, 1);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), decision->message);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Show this requirement"));
          data->window = g_object_ref (window);
          data->workspace = g_object_ref (workspace);
          data->key = g_strdup (decision->key);
          g_signal_connect_data (row, "activated", G_CALLBACK (on_decision_activated), data, decision_data_free, 0);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }

      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_box_append (GTK_BOX (box), scroller);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_migrated (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JobData) data = user_data;
  CertoWindow *self = data->self;
  g_autoptr(CertoMigrationReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  report = certo_workspace_migrate_finish (CERTO_WORKSPACE (source), result, &error);
  if (certo_window_is_closed (self))
    return;
  certo_window_end_job (self);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        certo_window_add_toast (self, certo_toast_new (_("Migration cancelled")));
      else
        certo_show_message (GTK_WIDGET (self), _("Could Not Migrate the Workspace"), error->message);
      return;
    }

  /* The new workspace gets a window of its own; this one keeps the 2013 one */
  window = certo_window_dup_new_window (self);
  certo_window_adopt_workspace (CERTO_WINDOW (window), data->target);
  show_migration_report (CERTO_WINDOW (window), data->target, report);
}

/**
 * certo_window_migrate_workspace:
 * @self: a #CertoWindow with an ISO/IEC 27001:2013 workspace
 * @file: where to make the 2022 workspace (replaced when it exists: the
 *   chooser asked)
 *
 * Makes an ISO/IEC 27001:2022 workspace from this one, in the background,
 * opens it in a new window and lists what needs a decision.
 */
void
certo_window_migrate_workspace (CertoWindow *self,
                                GFile       *file)
{
  g_autofree char *data_dir = NULL;
  JobData *data;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!certo_window_begin_job (self, _("Migrating to ISO/IEC 27001:2022…")))
    return;

  data_dir = certo_window_dup_data_dir (self);
  data = g_new0 (JobData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->target = certo_workspace_new (data_dir);
  certo_workspace_set_user_name (data->target, certo_user_name_from_settings (self->settings));
  certo_workspace_migrate_async (self->workspace, data->target, file,
                                 g_file_query_exists (file, NULL) ? CERTO_WORKSPACE_CREATE_REPLACE
                                                                  : CERTO_WORKSPACE_CREATE_NONE,
                                 self->job_cancellable, on_migrated, data);
}

static void
on_migrate_chosen (GtkNativeDialog *dialog,
                   int              response,
                   CertoWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = chosen != NULL ? certo_file_with_suffix (chosen, CERTO_WORKSPACE_SUFFIX) : NULL;

      /* Only the file the chooser asked about may be replaced */
      if (file != NULL && !g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
        {
          g_autofree char *name = certo_file_display_name (file);
          g_autofree char *message = NULL;

          /* Translators: %s is a file name */
          message = g_strdup_printf (_("“%s” already exists. Choose another name."), name);
          certo_show_message (GTK_WIDGET (self), _("Could Not Migrate the Workspace"), message);
        }
      else if (file != NULL)
        certo_window_migrate_workspace (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
migrate_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CertoWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->workspace == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the ISO/IEC 27001:2022 Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Migrate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  base = certo_file_display_name (certo_workspace_get_file (self->workspace));
  if (g_str_has_suffix (base, CERTO_WORKSPACE_SUFFIX))
    base[strlen (base) - strlen (CERTO_WORKSPACE_SUFFIX)] = '\0';
  /* Translators: the file name of a migrated workspace, from the old one's: "acme (2022).certo" */
  name = g_strdup_printf (_("%s (2022)%s"), base, CERTO_WORKSPACE_SUFFIX);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_migrate_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry migrate_actions[] = {
  { "migrate-workspace", migrate_action },
};

/**
 * certo_window_migrate_actions_init:
 * @self: the window
 *
 * Adds `win.migrate-workspace`.
 */
void
certo_window_migrate_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), migrate_actions,
                                   G_N_ELEMENTS (migrate_actions), self);
}
