/* certo-sources-page.c — the sources Certo keeps up to date: add, rename,
 * refresh, check and remove them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesPage, so Preferences can show it as is; the primary
 * menu's "Sources" shows it in a window of its own
 * (certo_sources_window_new()). Every network step runs in the core
 * (CertoSync); the page shows each source's progress from the sync's
 * signals, keeps it across the catalog reloads that rebuild the rows, and
 * says what happened in toasts. Removing a source can be undone for as
 * long as its toast shows (HIG: undo over confirmation); the removal is
 * done when the toast goes, or when the page does.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-offline-bar.h"
#include "certo-reader-view.h"
#include "certo-source-row.h"
#include "certo-sources-page-private.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

G_DEFINE_FINAL_TYPE (CertoSourcesPage, certo_sources_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Helpers */

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_free (progress->text);
  g_free (progress);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
toast (CertoSourcesPage *self,
       const char       *text)
{
  certo_add_toast (GTK_WIDGET (self), certo_toast_new (text));
}

gboolean
certo_sources_page_is_online (CertoSourcesPage *self)
{
  return self->client == NULL || certo_client_get_online (self->client);
}

static CertoSourceRow *
find_row (CertoSourcesPage *self,
          gint64            id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CERTO_IS_SOURCE_ROW (child)
          && certo_source_get_id (certo_source_row_get_source (CERTO_SOURCE_ROW (child))) == id)
        return CERTO_SOURCE_ROW (child);
    }

  return NULL;
}

CertoSource *
certo_sources_page_find_source (CertoSourcesPage *self,
             gint64            id)
{
  return self->catalog != NULL ? certo_catalog_find_source (self->catalog, id) : NULL;
}

static void
show_progress (CertoSourcesPage *self,
               gint64            id,
               const char       *text,
               double            fraction)
{
  Progress *progress = g_new0 (Progress, 1);
  CertoSourceRow *row = find_row (self, id);

  progress->text = g_strdup (text);
  progress->fraction = fraction;
  g_hash_table_replace (self->progress, id_key (id), progress);

  if (row != NULL)
    certo_source_row_set_progress (row, text, fraction);
}

static void
end_progress (CertoSourcesPage *self,
              gint64            id)
{
  CertoSourceRow *row = find_row (self, id);

  g_hash_table_remove (self->progress, &id);
  if (row != NULL)
    certo_source_row_clear_progress (row);
}

void
certo_sources_page_set_refused (CertoSourcesPage *self,
             gint64            id,
             const char       *message)
{
  CertoSourceRow *row = find_row (self, id);

  if (message != NULL)
    g_hash_table_replace (self->refused, id_key (id), g_strdup (message));
  else
    g_hash_table_remove (self->refused, &id);

  if (row != NULL)
    certo_source_row_set_refused (row, message != NULL);
}

static void
update_actions (CertoSourcesPage *self)
{
  gboolean online = certo_sources_page_is_online (self);
  gboolean ready = self->sync != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.refresh-all", ready && online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.refresh", ready && online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.accept-removals", ready && online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.check", ready && online && self->checking_id == 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CERTO_IS_SOURCE_ROW (child))
        certo_source_row_set_online (CERTO_SOURCE_ROW (child), online);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CertoSourcesPage *self = user_data;
  CertoSource *source = item;
  gint64 id = certo_source_get_id (source);
  GtkWidget *row = certo_source_row_new (source, self->catalog);
  Progress *progress = g_hash_table_lookup (self->progress, &id);

  /* A reload during a refresh rebuilds the rows: the progress goes on */
  if (progress != NULL)
    certo_source_row_set_progress (CERTO_SOURCE_ROW (row), progress->text, progress->fraction);
  else if (self->sync != NULL && certo_sync_is_running (self->sync, id))
    certo_source_row_set_progress (CERTO_SOURCE_ROW (row), _("Refreshing…"), -1);

  certo_source_row_set_refused (CERTO_SOURCE_ROW (row), g_hash_table_contains (self->refused, &id));
  certo_source_row_set_online (CERTO_SOURCE_ROW (row), certo_sources_page_is_online (self));

  return row;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CertoSourcesPage *self = user_data;
  gint64 id = certo_source_get_id (CERTO_SOURCE (item));

  return !g_hash_table_contains (self->hidden, &id);
}

/* The sync's signals: progress of every refresh, whoever started it */

static void
on_source_started (CertoSourcesPage *self,
                   gint64            id)
{
  show_progress (self, id, _("Connecting…"), -1);
}

static void
on_source_progress (CertoSourcesPage *self,
                    gint64            id,
                    guint64           received,
                    gint64            total)
{
  g_autofree char *got = g_format_size (received);
  g_autofree char *text = NULL;

  if (total > 0 && received >= (guint64) total)
    {
      show_progress (self, id, _("Reading the new content…"), -1);
      return;
    }

  if (total > 0)
    {
      g_autofree char *of = g_format_size ((guint64) total);

      /* Translators: "Downloading… 1.2 MB of 3.4 MB" */
      text = g_strdup_printf (_("Downloading… %s of %s"), got, of);
      show_progress (self, id, text, (double) received / (double) total);
    }
  else
    {
      /* Translators: "Downloading… 1.2 MB" */
      text = g_strdup_printf (_("Downloading… %s"), got);
      show_progress (self, id, text, -1);
    }
}

static void
on_source_finished (CertoSourcesPage       *self,
                    gint64                  id,
                    const CertoSyncSummary *summary,
                    const GError           *error)
{
  end_progress (self, id);

  if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
    certo_sources_page_set_refused (self, id, error->message);
  else if (error == NULL)
    certo_sources_page_set_refused (self, id, NULL);
}

static void
on_check_progress (CertoSourcesPage *self,
                   guint             done,
                   guint             total)
{
  g_autofree char *text = NULL;

  if (self->checking_id == 0)
    return;

  /* Translators: "Checking documents… 3 of 12" */
  text = g_strdup_printf (_("Checking documents… %u of %u"), done, total);
  show_progress (self, self->checking_id, text, total > 0 ? (double) done / total : -1);
}

/* Refreshing */

SourceCall *
certo_source_call_new (CertoSourcesPage *self,
                       CertoSource      *source)
{
  SourceCall *call = g_new0 (SourceCall, 1);

  call->self = g_object_ref (self);
  call->source_id = certo_source_get_id (source);
  call->name = g_strdup (certo_source_get_name (source));

  return call;
}

void
certo_source_call_free (SourceCall *call)
{
  g_clear_object (&call->self);
  g_free (call->name);
  g_free (call);
}

static void
on_refreshed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SourceCall) call = user_data;
  CertoSourcesPage *self = call->self;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  summary = certo_sync_refresh_finish (CERTO_SYNC (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sync == NULL)
    return;

  if (summary == NULL)
    {
      if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
        {
          certo_sources_page_offer_accept_removals (self, call->source_id, error->message);
          return;
        }

      if (g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE))
        /* Translators: %s is a source's name */
        text = g_strdup_printf (_("Offline: “%s” will be refreshed when you are back online"), call->name);
      else
        /* Translators: %s is a source's name; the reason shows in its row */
        text = g_strdup_printf (_("Could not refresh “%s”"), call->name);
      toast (self, text);
      return;
    }

  if (summary->outcome == CERTO_SYNC_OUTCOME_FIRST_IMPORT || certo_sync_summary_has_news (summary))
    {
      g_autofree char *what = certo_sync_summary_describe (summary);

      /* Translators: "“Northwind”: 2 documents changed" */
      text = g_strdup_printf (_("“%s”: %s"), summary->source_name ? summary->source_name : call->name, what);
    }
  else
    {
      /* Translators: %s is a source's name */
      text = g_strdup_printf (_("“%s” is up to date"), summary->source_name ? summary->source_name : call->name);
    }
  toast (self, text);
}

void
certo_sources_page_do_refresh (CertoSourcesPage *self,
                CertoSource      *source,
                CertoImportFlags  flags)
{
  if (!certo_source_can_sync (source))
    return;

  certo_sources_page_set_refused (self, certo_source_get_id (source), NULL);
  certo_sync_refresh_full_async (self->sync, source, flags, self->cancellable,
                                 on_refreshed, certo_source_call_new (self, source));
}

/* Refresh all */

static void
on_all_refreshed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CertoSourcesPage) self = user_data;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  guint n_news = 0;

  summaries = certo_sync_refresh_stale_finish (CERTO_SYNC (object), result, &n_failed, &error);
  if (summaries == NULL)
    return;

  for (guint i = 0; i < summaries->len; i++)
    n_news += certo_sync_summary_has_news (g_ptr_array_index (summaries, i)) ? 1 : 0;

  if (n_failed > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u source could not be refreshed; its error is shown below",
                                                            "%u sources could not be refreshed; their errors are shown below",
                                                            n_failed),
                                               n_failed);
      toast (self, text);
    }
  else if (n_news > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u source changed: see What’s New in the Library",
                                                            "%u sources changed: see What’s New in the Library",
                                                            n_news),
                                               n_news);
      toast (self, text);
    }
  else
    {
      toast (self, _("All sources are up to date"));
    }
}

/* Removing, with undo */

typedef struct
{
  GWeakRef  page;
  char     *name;
} RemoveCall;

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RemoveCall *call = user_data;
  g_autoptr(CertoSourcesPage) self = g_weak_ref_get (&call->page);
  g_autoptr(GError) error = NULL;

  if (!certo_catalog_remove_source_finish (CERTO_CATALOG (object), result, &error))
    {
      g_autofree char *heading = NULL;

      g_message ("Could not remove the source “%s”: %s", call->name, error->message);
      if (self != NULL)
        {
          /* It shows again: it is still there */
          g_hash_table_remove_all (self->hidden);
          gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
          /* Translators: %s is a source's name */
          heading = g_strdup_printf (_("Could Not Remove “%s”"), call->name);
          certo_show_message (GTK_WIDGET (self), heading, error->message);
        }
    }

  g_weak_ref_clear (&call->page);
  g_free (call->name);
  g_free (call);
}

static void
commit_removal (CertoSourcesPage *self)
{
  g_autoptr(CertoSource) source = g_steal_pointer (&self->pending_remove);
  RemoveCall *call;

  self->remove_toast = NULL;
  if (source == NULL || self->catalog == NULL)
    return;

  call = g_new0 (RemoveCall, 1);
  g_weak_ref_init (&call->page, self);
  call->name = g_strdup (certo_source_get_name (source));
  /* Not cancelled with the page: the user asked for it */
  certo_catalog_remove_source_async (self->catalog, source, NULL, on_removed, call);
}

static void
on_remove_undone (AdwToast         *toast,
                  CertoSourcesPage *self)
{
  g_autoptr(CertoSource) source = g_steal_pointer (&self->pending_remove);

  self->remove_toast = NULL;
  if (source == NULL)
    return;

  g_hash_table_remove (self->hidden, &(gint64) { certo_source_get_id (source) });
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_remove_toast_dismissed (AdwToast         *toast,
                           CertoSourcesPage *self)
{
  if (self->remove_toast == toast)
    commit_removal (self);
}

static void
remove_source (CertoSourcesPage *self,
               CertoSource      *source)
{
  g_autofree char *title = NULL;
  AdwToast *remove_toast;

  if (!certo_source_is_removable (source))
    return;

  /* One removal waits at a time: an earlier one is done now */
  if (self->remove_toast != NULL)
    {
      AdwToast *previous = self->remove_toast;

      commit_removal (self);
      adw_toast_dismiss (previous);
    }

  self->pending_remove = g_object_ref (source);
  g_hash_table_add (self->hidden, id_key (certo_source_get_id (source)));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_MORE_STRICT);

  /* Not in a toast overlay: nothing could undo it */
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) == NULL)
    {
      commit_removal (self);
      return;
    }

  /* Translators: %s is a source's name */
  title = g_strdup_printf (_("Removed “%s” and its documents"), certo_source_get_name (source));
  remove_toast = certo_toast_new (title);
  adw_toast_set_button_label (remove_toast, _("_Undo"));
  adw_toast_set_priority (remove_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (remove_toast, "button-clicked", G_CALLBACK (on_remove_undone), self, 0);
  g_signal_connect_object (remove_toast, "dismissed", G_CALLBACK (on_remove_toast_dismissed), self, 0);
  self->remove_toast = remove_toast;
  certo_add_toast (GTK_WIDGET (self), remove_toast);
}

static void
on_added (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CertoSourcesPage) self = user_data;
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = certo_sync_add_source_finish (CERTO_SYNC (object), result, &error);
  if (source == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        certo_show_message (GTK_WIDGET (self), _("Could Not Add the Source"), error->message);
      return;
    }

  /* Its content comes with its first refresh */
  if (certo_sources_page_is_online (self) || certo_source_get_kind (source) == CERTO_SOURCE_KIND_FILE)
    certo_sources_page_do_refresh (self, source, CERTO_IMPORT_FLAGS_NONE);
  else
    toast (self, _("Added; it will be refreshed when you are back online"));
}

/* Actions */

static CertoSource *
source_from_param (CertoSourcesPage *self,
                   GVariant         *param)
{
  return certo_sources_page_find_source (self, g_variant_get_int64 (param));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  certo_sources_page_present_add_dialog (CERTO_SOURCES_PAGE (widget));
}

static void
refresh_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);

  /* An interval of 0: every source, now */
  certo_sync_refresh_stale_async (self->sync, 0, self->cancellable, on_all_refreshed, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  certo_sources_page_refresh_source (CERTO_SOURCES_PAGE (widget), g_variant_get_int64 (param),
                                     CERTO_IMPORT_FLAGS_NONE);
}

static void
accept_removals_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);

  certo_sources_page_offer_accept_removals (self, id, g_hash_table_lookup (self->refused, &id));
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SourceCall) call = user_data;
  CertoSourcesPage *self = call->self;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  summary = certo_sync_check_documents_finish (CERTO_SYNC (object), result, &error);
  if (self->checking_id == call->source_id)
    {
      end_progress (self, call->source_id);
      self->checking_id = 0;
      update_actions (self);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (summary == NULL)
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Check the Documents"), error->message);
      return;
    }

  if (summary->n_check_failed > 0)
    /* Translators: a summary as "label: count" pairs, so that no noun
     * has to agree with a number; %s is the source's name */
    text = g_strdup_printf (_("“%s”: documents checked: %u; changed behind their link: %u; could not be reached: %u"),
                            call->name, summary->n_checked, summary->n_updated, summary->n_check_failed);
  else
    /* Translators: a summary as "label: count" pairs, so that no noun
     * has to agree with a number; %s is the source's name */
    text = g_strdup_printf (_("“%s”: documents checked: %u; changed behind their link: %u"),
                            call->name, summary->n_checked, summary->n_updated);
  toast (self, text);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);
  CertoSource *source = source_from_param (self, param);

  if (source == NULL || self->checking_id != 0)
    return;

  self->checking_id = certo_source_get_id (source);
  show_progress (self, self->checking_id, _("Checking documents…"), -1);
  update_actions (self);
  certo_sync_check_documents_async (self->sync, source, self->cancellable,
                                    on_checked, certo_source_call_new (self, source));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);
  CertoSource *source = source_from_param (self, param);

  if (source != NULL)
    certo_sources_page_present_rename_dialog (self, source);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);
  CertoSource *source = source_from_param (self, param);

  if (source != NULL)
    remove_source (self, source);
}

static void
read_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (widget);
  CertoSource *source = source_from_param (self, param);

  if (source != NULL)
    certo_reader_view_present (widget, self->catalog, source);
}

/* GObject */

static void
certo_sources_page_dispose (GObject *object)
{
  CertoSourcesPage *self = (CertoSourcesPage *) object;

  /* A removal waiting for its toast is done now */
  commit_removal (self);
  certo_sources_page_set_sync (self, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (certo_sources_page_parent_class)->dispose (object);
}

static void
certo_sources_page_finalize (GObject *object)
{
  CertoSourcesPage *self = (CertoSourcesPage *) object;

  g_hash_table_unref (self->hidden);
  g_hash_table_unref (self->refused);
  g_hash_table_unref (self->progress);

  G_OBJECT_CLASS (certo_sources_page_parent_class)->finalize (object);
}

static void
certo_sources_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sources_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CertoSourcesPage *self = CERTO_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      certo_sources_page_set_sync (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sources_page_class_init (CertoSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_sources_page_dispose;
  object_class->finalize = certo_sources_page_finalize;
  object_class->get_property = certo_sources_page_get_property;
  object_class->set_property = certo_sources_page_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         CERTO_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_OFFLINE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoSourcesPage, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoSourcesPage, sources_list);

  gtk_widget_class_install_action (widget_class, "sources.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sources.refresh-all", NULL, refresh_all_action);
  gtk_widget_class_install_action (widget_class, "sources.refresh", "x", refresh_action);
  gtk_widget_class_install_action (widget_class, "sources.accept-removals", "x", accept_removals_action);
  gtk_widget_class_install_action (widget_class, "sources.check", "x", check_action);
  gtk_widget_class_install_action (widget_class, "sources.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "sources.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "sources.read", "x", read_action);
}

static void
certo_sources_page_init (CertoSourcesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->progress = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, progress_free);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  update_actions (self);
}

/**
 * certo_sources_page_new:
 * @sync: the application's sync
 *
 * Returns: (transfer full): a new page listing @sync's catalog's sources
 */
GtkWidget *
certo_sources_page_new (CertoSync *sync)
{
  return g_object_new (CERTO_TYPE_SOURCES_PAGE, "sync", sync, NULL);
}

/**
 * certo_sources_page_get_sync:
 * @self: a #CertoSourcesPage
 *
 * Returns: (transfer none) (nullable): the sync
 */
CertoSync *
certo_sources_page_get_sync (CertoSourcesPage *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCES_PAGE (self), NULL);

  return self->sync;
}

/**
 * certo_sources_page_set_sync:
 * @self: a #CertoSourcesPage
 * @sync: (nullable): the application's sync
 *
 * Lists the sources of @sync's catalog and shows the progress of every
 * refresh @sync runs, whoever asked for it. Work the page started is
 * cancelled when it changes sync or goes.
 */
void
certo_sources_page_set_sync (CertoSourcesPage *self,
                             CertoSync        *sync)
{
  g_return_if_fail (CERTO_IS_SOURCES_PAGE (self));
  g_return_if_fail (sync == NULL || CERTO_IS_SYNC (sync));

  if (self->sync == sync)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_list_box_bind_model (self->sources_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_hash_table_remove_all (self->progress);
  g_hash_table_remove_all (self->refused);
  self->checking_id = 0;

  g_set_object (&self->sync, sync);
  certo_offline_bar_set_sync (self->offline_bar, sync);

  if (sync != NULL)
    {
      self->cancellable = g_cancellable_new ();
      self->catalog = g_object_ref (certo_sync_get_catalog (sync));
      self->client = g_object_ref (certo_sync_get_client (sync));
      self->filtered = gtk_filter_list_model_new (g_object_ref (certo_catalog_get_sources (self->catalog)),
                                                  g_object_ref (self->filter));
      gtk_list_box_bind_model (self->sources_list, G_LIST_MODEL (self->filtered), create_row, self, NULL);

      g_signal_connect_object (sync, "source-started", G_CALLBACK (on_source_started), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "source-progress", G_CALLBACK (on_source_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "source-finished", G_CALLBACK (on_source_finished), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "check-progress", G_CALLBACK (on_check_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->client, "notify::online", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

/**
 * certo_sources_page_get_sources:
 * @self: a #CertoSourcesPage
 *
 * Returns: (transfer none) (nullable): the sources listed (items are
 *   #CertoSource; a source whose removal can still be undone is left out)
 */
GListModel *
certo_sources_page_get_sources (CertoSourcesPage *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCES_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * certo_sources_page_add_source:
 * @self: a #CertoSourcesPage
 * @location: an http or https URL, or a file's path or `file://` URI
 * @name: (nullable): the name to show; %NULL for the content's own title
 * @format: how to read it; %CERTO_SOURCE_FORMAT_AUTO to detect it
 *
 * What "Add Source…" does: adds the source, then refreshes it so its
 * documents appear in the Library, with progress in its row. A source
 * that cannot be added (a bad address, one already subscribed to) is told
 * in a dialog with the core's message.
 */
void
certo_sources_page_add_source (CertoSourcesPage *self,
                               const char       *location,
                               const char       *name,
                               CertoSourceFormat format)
{
  g_return_if_fail (CERTO_IS_SOURCES_PAGE (self));
  g_return_if_fail (location != NULL);

  if (self->sync == NULL)
    return;

  certo_sync_add_source_async (self->sync, location, name, format, self->cancellable,
                               on_added, g_object_ref (self));
}

/**
 * certo_sources_page_refresh_source:
 * @self: a #CertoSourcesPage
 * @source_id: a source's row id
 * @flags: %CERTO_IMPORT_ACCEPT_REMOVALS only when the user accepted that
 *   the new content withdraws most of the source's documents
 *
 * Refreshes one source; a refusal by the shrink guard asks whether to
 * accept the removals.
 */
void
certo_sources_page_refresh_source (CertoSourcesPage *self,
                                   gint64            source_id,
                                   CertoImportFlags  flags)
{
  CertoSource *source;

  g_return_if_fail (CERTO_IS_SOURCES_PAGE (self));

  source = certo_sources_page_find_source (self, source_id);
  if (source != NULL && self->sync != NULL)
    certo_sources_page_do_refresh (self, source, flags);
}
