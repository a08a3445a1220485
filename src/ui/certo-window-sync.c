/* certo-window-sync.c — the window's part in keeping sources up to date:
 * Ctrl+R and the refresh on start, the Sources window, What's New, the
 * Downloads page, and what is insensitive while offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync and the offline documents are the application's (one for every
 * window); a refresh this window starts is cancelled when it closes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-application.h"
#include "certo-document-offline.h"
#include "certo-sources-page.h"
#include "certo-sync-util.h"
#include "certo-window-private.h"
#include "certo-workspace-util.h"

static gboolean
is_online (CertoWindow *self)
{
  return self->client == NULL || certo_client_get_online (self->client);
}

static void
toast_with_action (CertoWindow *self,
                   const char  *text,
                   const char  *button,
                   const char  *action,
                   GVariant    *target)
{
  AdwToast *toast = certo_toast_new (text);

  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      if (target != NULL)
        adw_toast_set_action_target_value (toast, target);
      adw_toast_set_timeout (toast, 8);
    }
  certo_window_add_toast (self, toast);
}

/* Refreshing every source */

static void
on_source_finished (CertoWindow            *self,
                    gint64                  source_id,
                    const CertoSyncSummary *summary,
                    const GError           *error)
{
  /* Only the refreshes this window asked for */
  if (self->sync_cancellable == NULL || self->sync_refused == NULL)
    return;

  if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
    g_hash_table_insert (self->sync_refused, g_memdup2 (&source_id, sizeof source_id), g_strdup (error->message));
}

static void
on_refreshed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) refused = NULL;
  gboolean user_asked = self->sync_user_asked;
  guint n_failed = 0;
  guint n_news = 0;
  CertoSyncSummary *news = NULL;

  summaries = certo_sync_refresh_stale_finish (CERTO_SYNC (object), result, &n_failed, &error);

  /* The window was closed meanwhile: nothing to show */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_object (&self->sync_cancellable);
  refused = g_steal_pointer (&self->sync_refused);
  certo_window_sync_update_actions (self);

  if (summaries == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && user_asked)
        certo_window_add_toast (self, certo_toast_new (_("Refresh stopped")));
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      CertoSyncSummary *summary = g_ptr_array_index (summaries, i);

      if (certo_sync_summary_has_news (summary))
        {
          n_news++;
          news = summary;
        }
    }

  if (refused != NULL && g_hash_table_size (refused) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;
      CertoSource *source;
      g_autofree char *text = NULL;

      g_hash_table_iter_init (&iter, refused);
      g_hash_table_iter_next (&iter, &key, &value);
      source = certo_catalog_find_source (self->catalog, *(gint64 *) key);
      /* Translators: %s is a source's name */
      text = g_strdup_printf (_("“%s” would withdraw most of its documents: nothing was changed"),
                              source != NULL ? certo_source_get_name (source) : "");
      toast_with_action (self, text, _("_Review…"), "win.review-removals",
                         g_variant_new_int64 (*(gint64 *) key));
    }
  else if (n_failed > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u source could not be refreshed",
                                                            "%u sources could not be refreshed",
                                                            n_failed),
                                               n_failed);

      toast_with_action (self, text, _("_Details"), "win.show-sources", NULL);
    }
  else if (n_news == 1)
    {
      g_autofree char *what = certo_sync_summary_describe (news);
      /* Translators: "“Northwind”: 1 document changed" */
      g_autofree char *text = g_strdup_printf (_("“%s”: %s"), news->source_name ? news->source_name : "", what);

      toast_with_action (self, text, _("_What’s New"), "win.show-whats-new", NULL);
    }
  else if (n_news > 1)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source changed",
                                                            "%u sources changed", n_news),
                                               n_news);

      toast_with_action (self, text, _("_What’s New"), "win.show-whats-new", NULL);
    }
  else if (user_asked)
    {
      certo_window_add_toast (self, certo_toast_new (_("All sources are up to date")));
    }
}

static void
start_refresh (CertoWindow *self,
               gint64       interval,
               gboolean     user_asked)
{
  if (self->sync == NULL || self->sync_cancellable != NULL || !certo_catalog_get_loaded (self->catalog))
    return;

  /* Offline is a normal state: the info bar says so, nothing fails */
  if (!is_online (self))
    return;

  self->sync_cancellable = g_cancellable_new ();
  self->sync_user_asked = user_asked;
  self->sync_refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  certo_window_sync_update_actions (self);
  certo_sync_refresh_stale_async (self->sync, interval, self->sync_cancellable,
                                  on_refreshed, g_object_ref (self));
}

/* Actions */

static void
refresh_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  certo_window_refresh_all (CERTO_WINDOW (user_data));
}

static void
cancel_refresh_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CertoWindow *self = user_data;

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
}

static void
show_sources_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  certo_window_show_sources (CERTO_WINDOW (user_data));
}

static void
review_removals_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  CertoWindow *self = user_data;
  GtkWindow *window = certo_window_show_sources (self);
  CertoSource *source = certo_catalog_find_source (self->catalog, g_variant_get_int64 (param));
  GtkWidget *page;

  if (window == NULL || source == NULL)
    return;

  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  if (CERTO_IS_SOURCES_PAGE (page))
    certo_sources_page_offer_accept_removals (CERTO_SOURCES_PAGE (page), certo_source_get_id (source),
                                              certo_source_get_last_error (source));
}

static void
show_whats_new_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  certo_window_show_whats_new (CERTO_WINDOW (user_data));
}

static void
show_downloads_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  certo_window_show_downloads (CERTO_WINDOW (user_data));
}

static void
save_all_offline_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  CertoWindow *self = user_data;
  GListModel *documents;
  g_autoptr(GListStore) all = g_list_store_new (CERTO_TYPE_DOCUMENT);
  g_autofree char *text = NULL;
  guint n;

  if (self->offline == NULL)
    return;

  documents = certo_catalog_get_documents (self->catalog);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      g_list_store_append (all, document);
    }

  certo_offline_save_documents (GTK_WIDGET (self), self->offline, G_LIST_MODEL (all), _("All Documents"));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Saving %u document for offline reading…",
                                       "Saving %u documents for offline reading…", n),
                          n);
  toast_with_action (self, text, _("_Show Downloads"), "win.show-downloads", NULL);
}

static const GActionEntry sync_actions[] = {
  { "refresh", refresh_action },
  { "cancel-refresh", cancel_refresh_action },
  { "show-sources", show_sources_action },
  { "review-removals", review_removals_action, "x" },
  { "show-whats-new", show_whats_new_action },
  { "show-downloads", show_downloads_action },
  { "save-all-offline", save_all_offline_action },
};

/* Signals of the application's objects */

static void
on_busy_changed (CertoWindow *self)
{
  certo_library_view_set_busy (self->library_view, self->sync != NULL && certo_sync_get_busy (self->sync));
}

static void
on_downloads_changed (CertoWindow *self)
{
  guint n_active = self->offline != NULL ? certo_offline_get_n_active (self->offline) : 0;

  /* The Downloads page's switcher button counts the running downloads */
  adw_view_stack_page_set_badge_number (self->downloads_page, n_active);
  adw_view_stack_page_set_needs_attention (self->downloads_page, n_active > 0);
}

/**
 * certo_window_sync_actions_init:
 * @self: a #CertoWindow
 *
 * Adds `win.refresh` (Ctrl+R), `win.cancel-refresh`, `win.show-sources`,
 * `win.review-removals`, `win.show-whats-new`, `win.show-downloads` and
 * `win.save-all-offline`.
 */
void
certo_window_sync_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), sync_actions,
                                   G_N_ELEMENTS (sync_actions), self);
}

/**
 * certo_window_sync_attach:
 * @self: a #CertoWindow
 *
 * Takes the application's sync and offline documents (once the window
 * belongs to a #CertoApplication) and gives them to the pages.
 */
void
certo_window_sync_attach (CertoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!CERTO_IS_APPLICATION (app) || self->sync != NULL)
    return;

  self->sync = certo_application_get_sync (CERTO_APPLICATION (app));
  self->offline = certo_application_get_offline (CERTO_APPLICATION (app));
  if (self->sync == NULL || self->offline == NULL)
    {
      self->sync = NULL;
      self->offline = NULL;
      return;
    }

  g_object_ref (self->sync);
  g_object_ref (self->offline);
  self->client = g_object_ref (certo_sync_get_client (self->sync));

  g_signal_connect_object (self->sync, "notify::busy", G_CALLBACK (on_busy_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "source-finished", G_CALLBACK (on_source_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::online", G_CALLBACK (certo_window_sync_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offline, "notify::n-active", G_CALLBACK (on_downloads_changed),
                           self, G_CONNECT_SWAPPED);

  certo_library_view_set_sync (self->library_view, self->sync, self->offline);
  if (self->downloads_view != NULL)
    certo_downloads_view_set_sources (self->downloads_view, self->sync, self->offline);
  on_busy_changed (self);
  on_downloads_changed (self);
  certo_window_sync_update_actions (self);
}

/**
 * certo_window_sync_dispose:
 * @self: a #CertoWindow
 *
 * Cancels this window's refresh and lets go of the application's objects.
 */
void
certo_window_sync_dispose (CertoWindow *self)
{
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  g_clear_pointer (&self->sync_refused, g_hash_table_unref);
  if (self->sources_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->sources_window), (gpointer *) &self->sources_window);
      gtk_window_destroy (self->sources_window);
      self->sources_window = NULL;
    }
  g_clear_object (&self->client);
  g_clear_object (&self->sync);
  g_clear_object (&self->offline);
}

/**
 * certo_window_sync_update_actions:
 * @self: a #CertoWindow
 *
 * What needs the network is insensitive offline; the refresh button says
 * why in its tooltip.
 */
void
certo_window_sync_update_actions (CertoWindow *self)
{
  gboolean ready = self->sync != NULL && certo_catalog_get_loaded (self->catalog);
  gboolean online = is_online (self);
  const struct { const char *name; gboolean enabled; } states[] = {
    { "refresh", ready && online && self->sync_cancellable == NULL },
    { "cancel-refresh", self->sync_cancellable != NULL },
    { "show-sources", ready },
    { "review-removals", ready && online },
    { "save-all-offline", ready && online },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), states[i].name);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), states[i].enabled);
    }
}

/**
 * certo_window_refresh_all:
 * @self: a #CertoWindow
 *
 * Ctrl+R: refreshes every URL and file source now, a few at a time, with
 * a spinner in the header (the window stays responsive: fetching, parsing
 * and writing run off the main thread). How it went is told in a toast;
 * each source's error shows in Sources. Closing the window cancels it.
 * Does nothing offline or while a refresh of this window runs.
 */
void
certo_window_refresh_all (CertoWindow *self)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));

  /* An interval of 0: every source, now */
  start_refresh (self, 0, TRUE);
}

/**
 * certo_window_refresh_stale:
 * @self: a #CertoWindow
 * @interval: seconds; sources refreshed longer ago are refreshed
 *
 * The refresh on start (the "refresh-interval" setting): quiet unless it
 * finds news or a source fails.
 */
void
certo_window_refresh_stale (CertoWindow *self,
                            gint64       interval)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (interval > 0);

  start_refresh (self, interval, FALSE);
}

/**
 * certo_window_is_refreshing:
 * @self: a #CertoWindow
 *
 * Returns: %TRUE while a refresh this window started runs
 */
gboolean
certo_window_is_refreshing (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), FALSE);

  return self->sync_cancellable != NULL;
}

/**
 * certo_window_show_whats_new:
 * @self: a #CertoWindow
 *
 * Shows the Library's What's New (a notification's default action).
 */
void
certo_window_show_whats_new (CertoWindow *self)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "library");
  certo_library_view_show_whats_new (self->library_view);
}

/**
 * certo_window_show_downloads:
 * @self: a #CertoWindow
 *
 * Shows the Downloads page.
 */
void
certo_window_show_downloads (CertoWindow *self)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "downloads");
}

/**
 * certo_window_show_sources:
 * @self: a #CertoWindow
 *
 * The primary menu's "Sources": the Sources window of this window (made
 * once, raised after).
 *
 * Returns: (transfer none) (nullable): the Sources window, or %NULL
 *   before the application's sync exists
 */
GtkWindow *
certo_window_show_sources (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);

  if (self->sync == NULL)
    return NULL;

  if (self->sources_window == NULL)
    {
      self->sources_window = certo_sources_window_new (GTK_WINDOW (self), self->sync);
      g_object_add_weak_pointer (G_OBJECT (self->sources_window), (gpointer *) &self->sources_window);
    }

  gtk_window_present (self->sources_window);
  return self->sources_window;
}
