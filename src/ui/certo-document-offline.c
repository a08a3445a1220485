/* certo-document-offline.c — a document's offline copy in its details:
 * save, attach, progress, open, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state comes from the core: the saved copy (certo_offline_lookup())
 * and the newest download of the document in the queue. A download that
 * met a sign-in page says so with the core's sentence and offers the
 * browser and "Attach…"; nothing of it was kept.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-document-offline.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

struct _CertoDocumentOffline
{
  AdwBin           parent_instance;

  CertoOffline    *offline;
  CertoClient     *client;
  CertoDocument   *document;
  CertoOfflineJob *job;          /* the document's newest download */
  guint            pulse_id;

  GtkStack        *stack;
  GtkWidget       *save_button;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkLabel        *sign_in_label;
  GtkLabel        *failed_label;
  GtkLabel        *saved_label;
  GtkLabel        *size_label;
  GtkLabel        *file_label;
  GtkLabel        *sha256_label;
};

G_DEFINE_FINAL_TYPE (CertoDocumentOffline, certo_document_offline, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OFFLINE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update (CertoDocumentOffline *self);

/* Helpers shared with the Downloads page and the Library */

typedef struct
{
  GWeakRef  widget;
  char     *what;
} SaveCall;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveCall *call = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&call->widget);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0, n_sign_in = 0, n_failed = 0;
  g_autofree char *text = NULL;

  jobs = certo_offline_save_finish (CERTO_OFFLINE (object), result, &error);
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      CertoOfflineJob *job = g_ptr_array_index (jobs, i);
      const GError *job_error = certo_offline_job_get_error (job);

      switch (certo_offline_job_get_state (job))
        {
        case CERTO_OFFLINE_JOB_DONE:
          n_done++;
          break;
        case CERTO_OFFLINE_JOB_FAILED:
          if (g_error_matches (job_error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED))
            n_sign_in++;
          else
            n_failed++;
          break;
        case CERTO_OFFLINE_JOB_QUEUED:
        case CERTO_OFFLINE_JOB_RUNNING:
        case CERTO_OFFLINE_JOB_CANCELLED:
        default:
          break;
        }
    }

  if (widget == NULL || (jobs == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    goto out;

  if (jobs == NULL)
    text = g_strdup (error->message);
  else if (jobs->len == 0)
    text = g_strdup (_("Already saved for offline reading"));
  else if (n_sign_in + n_failed == 0 && call->what != NULL)
    /* Translators: "Saved 3 documents of “Azure” for offline reading" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u document of “%s” for offline reading",
                                         "Saved %u documents of “%s” for offline reading", n_done),
                            n_done, call->what);
  else if (n_sign_in + n_failed == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u document for offline reading",
                                         "Saved %u documents for offline reading", n_done),
                            n_done);
  else if (jobs->len == 1 && n_sign_in == 1)
    text = g_strdup (certo_offline_job_get_error (g_ptr_array_index (jobs, 0))->message);
  else if (n_sign_in > 0)
    /* Translators: a summary as "label: count" pairs, so that no noun has
     * to agree with a number */
    text = g_strdup_printf (_("Saved: %u; need a sign-in at the provider: %u; failed: %u. See Downloads."),
                            n_done, n_sign_in, n_failed);
  else
    /* Translators: a summary as "label: count" pairs, so that no noun has
     * to agree with a number */
    text = g_strdup_printf (_("Saved: %u; failed: %u. See Downloads."), n_done, n_failed);

  certo_add_toast (widget, certo_toast_new (text));

out:
  g_weak_ref_clear (&call->widget);
  g_free (call->what);
  g_free (call);
}

/**
 * certo_offline_save_documents:
 * @widget: a widget of the window asking (for toasts)
 * @offline: the offline documents
 * @documents: a #GListModel of #CertoDocument
 * @what: (nullable): what the documents are, for the toast ("Azure"), or
 *   %NULL for one document
 *
 * "Save for Offline": queues the documents not saved yet (their progress
 * shows in Downloads) and tells in a toast how it ended.
 */
void
certo_offline_save_documents (GtkWidget    *widget,
                              CertoOffline *offline,
                              GListModel   *documents,
                              const char   *what)
{
  SaveCall *call;

  g_return_if_fail (CERTO_IS_OFFLINE (offline));
  g_return_if_fail (G_IS_LIST_MODEL (documents));

  call = g_new0 (SaveCall, 1);
  g_weak_ref_init (&call->widget, widget);
  call->what = g_strdup (what);
  /* Not cancelled with the widget: Downloads shows and cancels them */
  certo_offline_save_async (offline, documents, NULL, on_saved, call);
}

typedef struct
{
  GWeakRef       widget;
  CertoOffline  *offline;
  CertoDocument *document;
} AttachCall;

static void
attach_call_free (AttachCall *call)
{
  g_weak_ref_clear (&call->widget);
  g_clear_object (&call->offline);
  g_clear_object (&call->document);
  g_free (call);
}

static void
on_attached (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AttachCall *call = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&call->widget);
  g_autoptr(CertoOfflineDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = certo_offline_attach_finish (CERTO_OFFLINE (object), result, &error);
  if (widget != NULL)
    {
      if (saved != NULL)
        certo_add_toast (widget, certo_toast_new (_("Attached: the copy is saved for offline reading")));
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        certo_show_message (widget, _("Could Not Attach the File"), error->message);
    }

  attach_call_free (call);
}

static void
on_attachment_chosen (GtkNativeDialog *dialog,
                      int              response,
                      AttachCall      *call)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          certo_offline_attach_async (call->offline, call->document, file, NULL, on_attached, call);
          call = NULL;
        }
    }

  if (call != NULL)
    attach_call_free (call);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * certo_offline_choose_attachment:
 * @widget: a widget of the window asking
 * @offline: the offline documents
 * @document: the document the file is a copy of
 *
 * "Attach a Downloaded Copy…": the user chooses the file they downloaded
 * (in their browser, after signing in); Certo keeps a copy of it with its
 * SHA-256 and date.
 */
void
certo_offline_choose_attachment (GtkWidget     *widget,
                                 CertoOffline  *offline,
                                 CertoDocument *document)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  AttachCall *call;

  g_return_if_fail (CERTO_IS_OFFLINE (offline));
  g_return_if_fail (CERTO_IS_DOCUMENT (document));

  /* Translators: a file chooser's title; %s is a document's title */
  title = g_strdup_printf (_("Attach a Downloaded Copy of “%s”"), certo_document_get_title (document));
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  call = g_new0 (AttachCall, 1);
  g_weak_ref_init (&call->widget, widget);
  call->offline = g_object_ref (offline);
  call->document = g_object_ref (document);
  g_signal_connect (chooser, "response", G_CALLBACK (on_attachment_chosen), call);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The state shown */

static CertoOfflineJob *
find_job (CertoDocumentOffline *self)
{
  GListModel *queue;
  gint64 id;

  if (self->offline == NULL || self->document == NULL)
    return NULL;

  queue = certo_offline_get_queue (self->offline);
  id = certo_document_get_id (self->document);
  for (guint i = g_list_model_get_n_items (queue); i > 0; i--)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i - 1);

      if (certo_offline_job_get_document_id (job) == id)
        return g_steal_pointer (&job);
    }

  return NULL;
}

static gboolean
on_pulse (gpointer user_data)
{
  CertoDocumentOffline *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_progress (CertoDocumentOffline *self)
{
  double fraction = certo_offline_job_get_fraction (self->job);
  guint64 received = certo_offline_job_get_received (self->job);
  gint64 total = certo_offline_job_get_total (self->job);
  g_autofree char *got = g_format_size (received);
  g_autofree char *text = NULL;

  if (certo_offline_job_get_state (self->job) == CERTO_OFFLINE_JOB_QUEUED)
    text = g_strdup (_("Waiting for other downloads…"));
  else if (total > 0)
    {
      g_autofree char *of = g_format_size ((guint64) total);

      /* Translators: "Downloading… 1.2 MB of 3.4 MB" */
      text = g_strdup_printf (_("Downloading… %s of %s"), got, of);
    }
  else
    /* Translators: "Downloading… 1.2 MB" */
    text = g_strdup_printf (_("Downloading… %s"), got);

  gtk_label_set_text (self->progress_label, text);
  if (fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
    }
  else if (self->pulse_id == 0)
    {
      self->pulse_id = g_timeout_add (150, on_pulse, self);
    }
}

static void
set_job (CertoDocumentOffline *self,
         CertoOfflineJob      *job)
{
  if (self->job == job)
    return;

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    {
      g_signal_connect_object (job, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::received", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
}

static void
update (CertoDocumentOffline *self)
{
  g_autoptr(CertoOfflineJob) job = find_job (self);
  CertoOfflineDocument *saved = NULL;
  CertoOfflineJobState state = CERTO_OFFLINE_JOB_CANCELLED;
  gboolean online = self->client == NULL || certo_client_get_online (self->client);
  const char *url = NULL;
  const char *page = "none";

  set_job (self, job);

  if (self->document == NULL || self->offline == NULL)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  saved = certo_offline_lookup (self->offline, certo_document_get_id (self->document));
  url = certo_document_get_url (self->document);
  if (job != NULL)
    state = certo_offline_job_get_state (job);

  if (state == CERTO_OFFLINE_JOB_QUEUED || state == CERTO_OFFLINE_JOB_RUNNING)
    {
      page = "running";
      update_progress (self);
    }
  else if (saved != NULL)
    {
      g_autofree char *added = certo_format_day (certo_offline_document_get_added (saved));
      g_autofree char *size = g_format_size (certo_offline_document_get_size (saved));
      g_autofree char *when = NULL;

      page = "saved";
      if (certo_offline_document_get_attached (saved))
        /* Translators: %s is a date */
        when = g_strdup_printf (_("%s, attached by you"), added != NULL ? added : "");
      else
        when = g_strdup (added != NULL ? added : "");
      gtk_label_set_text (self->saved_label, when);
      gtk_label_set_text (self->size_label, size);
      gtk_label_set_text (self->file_label, certo_offline_document_get_file_name (saved));
      gtk_label_set_text (self->sha256_label, certo_offline_document_get_sha256 (saved));
    }
  else if (state == CERTO_OFFLINE_JOB_FAILED)
    {
      const GError *error = certo_offline_job_get_error (job);

      if (g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED))
        {
          page = "sign-in";
          gtk_label_set_text (self->sign_in_label, error->message);
        }
      else
        {
          page = "failed";
          gtk_label_set_text (self->failed_label, error != NULL ? error->message : _("The download failed"));
        }
    }

  if (g_strcmp0 (page, "running") != 0)
    g_clear_handle_id (&self->pulse_id, g_source_remove);

  gtk_stack_set_visible_child_name (self->stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offline.save", online && url != NULL && certo_uri_is_web (url));
  gtk_widget_set_tooltip_text (self->save_button,
                               online ? _("Download the document and keep it on this computer")
                                      : certo_offline_reason ());
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offline.open-browser", url != NULL && certo_uri_is_web (url));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offline.open", saved != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offline.delete", saved != NULL);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  certo_document_offline_save (CERTO_DOCUMENT_OFFLINE (widget));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (widget);

  if (self->document != NULL && self->offline != NULL)
    certo_offline_choose_attachment (widget, self->offline, self->document);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (widget);

  if (self->job != NULL)
    certo_offline_job_cancel (self->job);
}

static void
open_browser_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (widget);

  if (self->document != NULL)
    certo_open_web_uri (widget, certo_document_get_url (self->document));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (widget);
  CertoOfflineDocument *saved;

  if (self->document == NULL || self->offline == NULL)
    return;

  saved = certo_offline_lookup (self->offline, certo_document_get_id (self->document));
  if (saved != NULL)
    certo_open_offline_document (widget, self->offline, saved);
}

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CertoDocumentOffline) self = user_data;
  g_autoptr(GError) error = NULL;

  if (certo_offline_remove_finish (CERTO_OFFLINE (object), result, &error))
    certo_add_toast (GTK_WIDGET (self), certo_toast_new (_("Offline copy deleted")));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    certo_show_message (GTK_WIDGET (self), _("Could Not Delete the Offline Copy"), error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (widget);
  CertoOfflineDocument *saved;

  if (self->document == NULL || self->offline == NULL)
    return;

  saved = certo_offline_lookup (self->offline, certo_document_get_id (self->document));
  if (saved != NULL)
    certo_offline_remove_async (self->offline, saved, NULL, on_removed, g_object_ref (self));
}

/* GObject */

static void
certo_document_offline_dispose (GObject *object)
{
  CertoDocumentOffline *self = (CertoDocumentOffline *) object;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  set_job (self, NULL);
  certo_document_offline_set_offline (self, NULL);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (certo_document_offline_parent_class)->dispose (object);
}

static void
certo_document_offline_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (object);

  switch (prop_id)
    {
    case PROP_OFFLINE:
      g_value_set_object (value, self->offline);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_offline_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CertoDocumentOffline *self = CERTO_DOCUMENT_OFFLINE (object);

  switch (prop_id)
    {
    case PROP_OFFLINE:
      certo_document_offline_set_offline (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      certo_document_offline_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_offline_class_init (CertoDocumentOfflineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_document_offline_dispose;
  object_class->get_property = certo_document_offline_get_property;
  object_class->set_property = certo_document_offline_set_property;

  properties[PROP_OFFLINE] =
    g_param_spec_object ("offline", NULL, NULL,
                         CERTO_TYPE_OFFLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CERTO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-document-offline.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, save_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, sign_in_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, failed_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, size_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, file_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentOffline, sha256_label);

  gtk_widget_class_install_action (widget_class, "offline.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "offline.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "offline.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "offline.open-browser", NULL, open_browser_action);
  gtk_widget_class_install_action (widget_class, "offline.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "offline.delete", NULL, delete_action);
}

static void
certo_document_offline_init (CertoDocumentOffline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Part of the details pane: values are no Tab stops there either */
  certo_label_make_unfocusable (self->sign_in_label);
  certo_label_make_unfocusable (self->failed_label);
  certo_label_make_unfocusable (self->size_label);
  certo_label_make_unfocusable (self->file_label);
  certo_label_make_unfocusable (self->sha256_label);
  update (self);
}

/**
 * certo_document_offline_get_offline:
 * @self: a #CertoDocumentOffline
 *
 * Returns: (transfer none) (nullable): the offline documents
 */
CertoOffline *
certo_document_offline_get_offline (CertoDocumentOffline *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self), NULL);

  return self->offline;
}

/**
 * certo_document_offline_set_offline:
 * @self: a #CertoDocumentOffline
 * @offline: (nullable): the application's offline documents
 */
void
certo_document_offline_set_offline (CertoDocumentOffline *self,
                                    CertoOffline         *offline)
{
  g_return_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self));
  g_return_if_fail (offline == NULL || CERTO_IS_OFFLINE (offline));

  if (self->offline == offline)
    return;

  if (self->offline != NULL)
    {
      g_signal_handlers_disconnect_by_data (certo_offline_get_documents (self->offline), self);
      g_signal_handlers_disconnect_by_data (certo_offline_get_queue (self->offline), self);
    }
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_set_object (&self->offline, offline);

  if (offline != NULL)
    {
      g_object_get (offline, "client", &self->client, NULL);
      g_signal_connect_object (certo_offline_get_documents (offline), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (certo_offline_get_queue (offline), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      if (self->client != NULL)
        g_signal_connect_object (self->client, "notify::online", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

/**
 * certo_document_offline_get_document:
 * @self: a #CertoDocumentOffline
 *
 * Returns: (transfer none) (nullable): the document
 */
CertoDocument *
certo_document_offline_get_document (CertoDocumentOffline *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self), NULL);

  return self->document;
}

/**
 * certo_document_offline_set_document:
 * @self: a #CertoDocumentOffline
 * @document: (nullable): the document whose offline copy to show
 */
void
certo_document_offline_set_document (CertoDocumentOffline *self,
                                     CertoDocument        *document)
{
  g_return_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self));
  g_return_if_fail (document == NULL || CERTO_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * certo_document_offline_get_state:
 * @self: a #CertoDocumentOffline
 *
 * Returns: (transfer none): what is shown: "none", "running", "sign-in",
 *   "failed" or "saved"
 */
const char *
certo_document_offline_get_state (CertoDocumentOffline *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * certo_document_offline_save:
 * @self: a #CertoDocumentOffline
 *
 * "Save for Offline": queues the document's download; its progress shows
 * here and in Downloads.
 */
void
certo_document_offline_save (CertoDocumentOffline *self)
{
  g_autoptr(GListStore) one = NULL;

  g_return_if_fail (CERTO_IS_DOCUMENT_OFFLINE (self));

  if (self->document == NULL || self->offline == NULL)
    return;

  one = g_list_store_new (CERTO_TYPE_DOCUMENT);
  g_list_store_append (one, self->document);
  certo_offline_save_documents (GTK_WIDGET (self), self->offline, G_LIST_MODEL (one), NULL);
  update (self);
}
