/* certo-library-view-sync.c — the library's part in sync and offline
 * reading: the refresh button, the offline bar, What's New, saving a
 * section's documents for offline reading, and the split between the
 * services and the documents the user dragged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-offline.h"
#include "certo-library-view-private.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

#define PANE_POSITION_KEY "library-pane-position"

static gboolean
is_online (CertoLibraryView *self)
{
  return self->client == NULL || certo_client_get_online (self->client);
}

/* Offline, what needs the network is insensitive and says why */
void
certo_library_view_update_sync_state (CertoLibraryView *self)
{
  gboolean online = is_online (self);
  gboolean can_save = online && self->offline != NULL;

  gtk_widget_set_tooltip_text (self->refresh_button,
                               online ? _("Refresh Sources (Ctrl+R)") : certo_offline_reason ());
  gtk_widget_set_tooltip_text (self->save_shown_button,
                               online ? _("Save the Documents Listed for Offline Reading") : certo_offline_reason ());
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.save-section-offline", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.save-shown-offline", can_save);
}

static CertoSidebarItem *
find_section (CertoLibraryView *self,
              const char       *key,
              guint            *out_position)
{
  GListModel *items = G_LIST_MODEL (self->sidebar_selection);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CertoSidebarItem) item = g_list_model_get_item (items, i);
      g_autofree char *item_key = certo_sidebar_item_dup_key (item);

      if (g_strcmp0 (item_key, key) == 0)
        {
          if (out_position != NULL)
            *out_position = i;
          return g_steal_pointer (&item);
        }
    }

  return NULL;
}

/* The documents a sidebar entry stands for, as they are now */
static GListStore *
collect_section (CertoLibraryView *self,
                 CertoSidebarItem *item)
{
  GListStore *store = g_list_store_new (CERTO_TYPE_DOCUMENT);
  CertoSidebarItemKind kind = certo_sidebar_item_get_kind (item);
  CertoFamily *family = certo_sidebar_item_get_family (item);
  CertoDocumentKind document_kind = certo_sidebar_item_get_document_kind (item);
  GListModel *documents = self->catalog_documents;

  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (kind == CERTO_SIDEBAR_ITEM_FAMILY
          && (family == NULL || certo_document_get_family_id (document) != certo_family_get_id (family)))
        continue;
      if (kind == CERTO_SIDEBAR_ITEM_DOCUMENT_KIND && certo_document_get_kind (document) != document_kind)
        continue;
      g_list_store_append (store, document);
    }

  return store;
}

static void
save_section_offline_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);
  g_autoptr(CertoSidebarItem) item = find_section (self, g_variant_get_string (param, NULL), NULL);
  g_autoptr(GListStore) documents = NULL;

  if (item == NULL || self->offline == NULL || !certo_sidebar_item_has_documents (item))
    return;

  documents = collect_section (self, item);
  certo_offline_save_documents (widget, self->offline, G_LIST_MODEL (documents),
                                certo_sidebar_item_get_title (item));
}

static void
save_shown_offline_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);
  g_autoptr(GListStore) documents = g_list_store_new (CERTO_TYPE_DOCUMENT);
  GListModel *shown = G_LIST_MODEL (self->documents_sorted);

  if (self->offline == NULL || shown == NULL)
    return;

  /* What the list shows now, whatever the filters do meanwhile */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (shown, i);

      g_list_store_append (documents, document);
    }

  certo_offline_save_documents (widget, self->offline, G_LIST_MODEL (documents),
                                self->section_title != NULL ? self->section_title : _("Library"));
}

void
certo_library_view_sync_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "library.save-section-offline", "s",
                                   save_section_offline_action);
  gtk_widget_class_install_action (widget_class, "library.save-shown-offline", NULL,
                                   save_shown_offline_action);
}

void
certo_library_view_sync_dispose (CertoLibraryView *self)
{
  certo_library_view_save_pane_position (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->sync);
  g_clear_object (&self->offline);
  g_clear_object (&self->settings);
}

/* The split between services and documents */

void
certo_library_view_on_pane_position_changed (CertoLibraryView *self)
{
  /* Only a split with both panes shown is the user's (the services
   * section shows the services alone) */
  if (gtk_widget_get_visible (self->documents_pane)
      && gtk_widget_get_mapped (GTK_WIDGET (self->content_paned)))
    self->pane_position = gtk_paned_get_position (self->content_paned);
}

void
certo_library_view_save_pane_position (CertoLibraryView *self)
{
  if (self->pane_position > 0 && certo_settings_has_key (self->settings, PANE_POSITION_KEY))
    g_settings_set_int (self->settings, PANE_POSITION_KEY, self->pane_position);
}

/* What's New */

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

void
certo_library_view_on_change_activated (CertoLibraryView *self,
                                        CertoChange      *change)
{
  gint64 document_id = certo_change_get_document_id (change);
  gint64 service_id = certo_change_get_service_id (change);
  g_autofree char *text = NULL;

  if (self->catalog == NULL)
    return;

  if (document_id > 0)
    {
      CertoDocument *document = certo_catalog_find_document (self->catalog, document_id);

      if (document != NULL && certo_library_view_select_document (self, document))
        return;
    }
  else if (service_id > 0)
    {
      CertoService *service = certo_catalog_find_service (self->catalog, service_id);

      if (service != NULL)
        {
          gtk_single_selection_set_selected (self->sidebar_selection, 0);
          certo_library_view_select_service (self, service);
          return;
        }
    }

  /* A withdrawn document leaves the catalog unless it is saved offline */
  /* Translators: %s is a document's or service's title */
  text = g_strdup_printf (_("“%s” is no longer in the catalog"),
                          certo_change_get_title (change) != NULL ? certo_change_get_title (change) : "");
  certo_add_toast (GTK_WIDGET (self), certo_toast_new (text));
}

/**
 * certo_library_view_set_sync:
 * @self: a #CertoLibraryView
 * @sync: (nullable): the application's sync
 * @offline: (nullable): the application's offline documents
 *
 * Shows the offline bar while the computer is offline, the documents'
 * offline copies in the details, and lets sections be saved for offline
 * reading.
 */
void
certo_library_view_set_sync (CertoLibraryView *self,
                             CertoSync        *sync,
                             CertoOffline     *offline)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));
  g_return_if_fail (sync == NULL || CERTO_IS_SYNC (sync));
  g_return_if_fail (offline == NULL || CERTO_IS_OFFLINE (offline));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_set_object (&self->sync, sync);
  g_set_object (&self->offline, offline);

  if (sync != NULL)
    {
      self->client = g_object_ref (certo_sync_get_client (sync));
      g_signal_connect_object (self->client, "notify::online",
                               G_CALLBACK (certo_library_view_update_sync_state), self, G_CONNECT_SWAPPED);
    }

  certo_offline_bar_set_sync (self->offline_bar, sync);
  certo_document_details_set_offline (self->details, offline);
  certo_library_view_update_sync_state (self);
}

/**
 * certo_library_view_set_settings:
 * @self: a #CertoLibraryView
 * @settings: (nullable): the application's settings
 *
 * Restores the split between the services and the documents from the
 * "library-pane-position" setting (when the schema has it), and keeps the
 * split the user drags to there.
 */
void
certo_library_view_set_settings (CertoLibraryView *self,
                                 GSettings        *settings)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;

  if (certo_settings_has_key (settings, PANE_POSITION_KEY))
    {
      int position = g_settings_get_int (settings, PANE_POSITION_KEY);

      if (position > 0)
        gtk_paned_set_position (self->content_paned, position);
    }
}

/**
 * certo_library_view_set_busy:
 * @self: a #CertoLibraryView
 * @busy: whether sources are being refreshed
 *
 * Shows a spinner instead of the refresh button while busy; clicking it
 * stops the refresh (`win.cancel-refresh`).
 */
void
certo_library_view_set_busy (CertoLibraryView *self,
                             gboolean          busy)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));

  gtk_stack_set_visible_child_name (self->refresh_stack, busy ? "busy" : "idle");
  gtk_spinner_set_spinning (self->refresh_spinner, busy);
}

/**
 * certo_library_view_show_whats_new:
 * @self: a #CertoLibraryView
 *
 * Selects "What's New" in the sidebar.
 */
void
certo_library_view_show_whats_new (CertoLibraryView *self)
{
  g_autofree char *key = g_strdup_printf ("%d:%d", CERTO_SIDEBAR_ITEM_WHATS_NEW, CERTO_DOCUMENT_KIND_OTHER);
  g_autoptr(CertoSidebarItem) item = NULL;
  guint position = 0;

  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));

  item = find_section (self, key, &position);
  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->sidebar_selection, position);
  certo_library_view_show_content (self);
}

/**
 * certo_library_view_select_document:
 * @self: a #CertoLibraryView
 * @document: a document of the catalog
 *
 * Shows @document: every document (no section, search or service hides
 * it), @document selected and scrolled to, its details shown.
 *
 * Returns: %TRUE when @document is in the list
 */
gboolean
certo_library_view_select_document (CertoLibraryView *self,
                                    CertoDocument    *document)
{
  GListModel *shown;
  GtkWidget *list_view;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (CERTO_IS_DOCUMENT (document), FALSE);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_single_selection_set_selected (self->sidebar_selection, 0);
  gtk_single_selection_set_selected (self->services_selection, GTK_INVALID_LIST_POSITION);

  shown = G_LIST_MODEL (self->documents_sorted);
  for (guint i = 0; shown != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CertoDocument) item = g_list_model_get_item (shown, i);

      if (certo_document_get_id (item) == certo_document_get_id (document))
        {
          position = i;
          break;
        }
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->documents_selection, position);
  list_view = find_list_view (GTK_WIDGET (self->documents_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");

  return TRUE;
}

/**
 * certo_library_view_get_changes:
 * @self: a #CertoLibraryView
 *
 * Returns: (transfer none) (nullable): the changes What's New lists
 */
GListModel *
certo_library_view_get_changes (CertoLibraryView *self)
{
  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), NULL);

  return certo_whats_new_get_changes (self->whats_new);
}
