/* certo-download-row.c — one download of the Downloads page's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its state in words and an icon, its progress, Cancel while it runs; a
 * download that met a sign-in page offers the browser and "Attach…".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-offline.h"
#include "certo-download-row.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

struct _CertoDownloadRow
{
  GtkListBoxRow    parent_instance;

  CertoOfflineJob *job;
  CertoOffline    *offline;
  guint            pulse_id;

  GtkImage        *state_icon;
  GtkLabel        *title_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *state_label;
  GtkWidget       *sign_in_box;
  GtkWidget       *cancel_button;
  GtkWidget       *open_button;
};

G_DEFINE_FINAL_TYPE (CertoDownloadRow, certo_download_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
on_pulse (gpointer user_data)
{
  CertoDownloadRow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update (CertoDownloadRow *self)
{
  CertoOfflineJobState state = certo_offline_job_get_state (self->job);
  const GError *error = certo_offline_job_get_error (self->job);
  guint64 received = certo_offline_job_get_received (self->job);
  gint64 total = certo_offline_job_get_total (self->job);
  double fraction = certo_offline_job_get_fraction (self->job);
  gboolean active = state == CERTO_OFFLINE_JOB_QUEUED || state == CERTO_OFFLINE_JOB_RUNNING;
  gboolean sign_in = state == CERTO_OFFLINE_JOB_FAILED
                     && g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED);
  g_autofree char *got = g_format_size (received);
  g_autofree char *text = NULL;
  const char *icon = "folder-download-symbolic";

  switch (state)
    {
    case CERTO_OFFLINE_JOB_QUEUED:
      text = g_strdup (_("Waiting for other downloads…"));
      break;
    case CERTO_OFFLINE_JOB_RUNNING:
      if (total > 0)
        {
          g_autofree char *of = g_format_size ((guint64) total);

          text = g_strdup_printf (_("Downloading… %s of %s"), got, of);
        }
      else
        text = g_strdup_printf (_("Downloading… %s"), got);
      break;
    case CERTO_OFFLINE_JOB_DONE:
      icon = "emblem-ok-symbolic";
      /* Translators: a finished download; %s is its size */
      text = g_strdup_printf (_("Saved, %s"), got);
      break;
    case CERTO_OFFLINE_JOB_FAILED:
      icon = sign_in ? "dialog-password-symbolic" : "dialog-warning-symbolic";
      text = g_strdup (error != NULL ? error->message : _("The download failed"));
      break;
    case CERTO_OFFLINE_JOB_CANCELLED:
    default:
      icon = "process-stop-symbolic";
      text = g_strdup (_("Cancelled; nothing was kept"));
      break;
    }

  gtk_image_set_from_icon_name (self->state_icon, icon);
  /* Remote text (a title, a server's error): plain text */
  gtk_label_set_text (self->title_label, certo_offline_job_get_title (self->job));
  gtk_label_set_text (self->state_label, text);
  if (state == CERTO_OFFLINE_JOB_FAILED)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "dim-label");

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), active);
  if (active && fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
    }
  else if (state == CERTO_OFFLINE_JOB_RUNNING && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, on_pulse, self);
  else if (!active || state == CERTO_OFFLINE_JOB_QUEUED)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }

  gtk_widget_set_visible (self->sign_in_box, sign_in);
  gtk_widget_set_visible (self->cancel_button, active);
  gtk_widget_set_visible (self->open_button, state == CERTO_OFFLINE_JOB_DONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, certo_offline_job_get_title (self->job),
                                  -1);
}

static CertoDocument *
find_document (CertoDownloadRow *self)
{
  g_autoptr(CertoCatalog) catalog = NULL;

  g_object_get (self->offline, "catalog", &catalog, NULL);
  return catalog != NULL ? certo_catalog_find_document (catalog, certo_offline_job_get_document_id (self->job)) : NULL;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  certo_offline_job_cancel (CERTO_DOWNLOAD_ROW (widget)->job);
}

static void
open_browser_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  certo_open_web_uri (widget, certo_offline_job_get_url (CERTO_DOWNLOAD_ROW (widget)->job));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoDownloadRow *self = CERTO_DOWNLOAD_ROW (widget);
  CertoDocument *document = find_document (self);

  if (document != NULL)
    certo_offline_choose_attachment (widget, self->offline, document);
  else
    certo_add_toast (widget, certo_toast_new (_("This document is no longer in the catalog")));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CertoDownloadRow *self = CERTO_DOWNLOAD_ROW (widget);
  CertoOfflineDocument *saved = certo_offline_job_get_document (self->job);

  if (saved != NULL)
    certo_open_offline_document (widget, self->offline, saved);
}

static void
certo_download_row_dispose (GObject *object)
{
  CertoDownloadRow *self = (CertoDownloadRow *) object;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->offline);

  G_OBJECT_CLASS (certo_download_row_parent_class)->dispose (object);
}

static void
certo_download_row_class_init (CertoDownloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_download_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-download-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, sign_in_box);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadRow, open_button);

  gtk_widget_class_install_action (widget_class, "download.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "download.open-browser", NULL, open_browser_action);
  gtk_widget_class_install_action (widget_class, "download.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "download.open", NULL, open_action);
}

static void
certo_download_row_init (CertoDownloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_download_row_new:
 * @job: a download of the queue
 * @offline: the offline documents it belongs to
 *
 * Returns: (transfer full): a new row that follows @job
 */
GtkWidget *
certo_download_row_new (CertoOfflineJob *job,
                        CertoOffline    *offline)
{
  CertoDownloadRow *self;

  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (job), NULL);
  g_return_val_if_fail (CERTO_IS_OFFLINE (offline), NULL);

  self = g_object_new (CERTO_TYPE_DOWNLOAD_ROW, NULL);
  self->job = g_object_ref (job);
  self->offline = g_object_ref (offline);
  g_signal_connect_object (job, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * certo_download_row_get_job:
 * @self: a #CertoDownloadRow
 *
 * Returns: (transfer none): the download shown
 */
CertoOfflineJob *
certo_download_row_get_job (CertoDownloadRow *self)
{
  g_return_val_if_fail (CERTO_IS_DOWNLOAD_ROW (self), NULL);

  return self->job;
}
