/* certo-library-view-models.c — the library's models: sections, filters,
 * sorting, and keeping the selection across a reload of the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-library-view-private.h"
#include "certo-sidebar-item.h"

/* The kinds the sidebar offers, in this order, when documents of them exist */
static const CertoDocumentKind sidebar_kinds[] = {
  CERTO_DOCUMENT_KIND_CERTIFICATE,
  CERTO_DOCUMENT_KIND_AUDIT_REPORT,
  CERTO_DOCUMENT_KIND_SOA,
  CERTO_DOCUMENT_KIND_WHITEPAPER,
  CERTO_DOCUMENT_KIND_GUIDE,
  CERTO_DOCUMENT_KIND_BACKGROUNDER,
  CERTO_DOCUMENT_KIND_RESOURCE,
  CERTO_DOCUMENT_KIND_OTHER,
};

gboolean
certo_library_view_has_query (CertoLibraryView *self)
{
  return self->query != NULL && !certo_search_query_is_empty (self->query);
}

static gboolean
ids_contain (const gint64 *ids,
             guint         n_ids,
             gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    {
      if (ids[i] == id)
        return TRUE;
    }

  return FALSE;
}

static gboolean
service_filter_func (gpointer item,
                     gpointer user_data)
{
  CertoLibraryView *self = user_data;
  CertoService *service = item;

  if (self->section == CERTO_SIDEBAR_ITEM_FAMILY)
    {
      const gint64 *ids;
      guint n_ids = 0;

      ids = certo_service_get_family_ids (service, &n_ids);
      if (!ids_contain (ids, n_ids, self->section_family_id))
        return FALSE;
    }

  if (certo_library_view_has_query (self))
    {
      const char *text = certo_service_get_search_text (service);

      if (text == NULL || !certo_search_query_matches (self->query, text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
document_filter_func (gpointer item,
                      gpointer user_data)
{
  CertoLibraryView *self = user_data;
  CertoDocument *document = item;

  if (self->section == CERTO_SIDEBAR_ITEM_FAMILY
      && certo_document_get_family_id (document) != self->section_family_id)
    return FALSE;

  if (self->section == CERTO_SIDEBAR_ITEM_DOCUMENT_KIND
      && certo_document_get_kind (document) != self->section_document_kind)
    return FALSE;

  if (self->service != NULL)
    {
      const gint64 *ids;
      guint n_ids = 0;

      ids = certo_document_get_service_ids (document, &n_ids);
      if (!ids_contain (ids, n_ids, certo_service_get_id (self->service)))
        return FALSE;
    }

  if (certo_library_view_has_query (self))
    {
      const char *text = certo_document_get_search_text (document);

      if (text == NULL || !certo_search_query_matches (self->query, text))
        return FALSE;
    }

  return TRUE;
}

/* A kind is offered in the sidebar only when the catalog has documents of it */
static gboolean
kind_filter_func (gpointer item,
                  gpointer user_data)
{
  CertoLibraryView *self = user_data;
  CertoSidebarItem *entry = item;
  CertoDocumentKind kind;
  guint n_items;

  if (certo_sidebar_item_get_kind (entry) != CERTO_SIDEBAR_ITEM_DOCUMENT_KIND)
    return TRUE;
  if (self->catalog_documents == NULL)
    return FALSE;

  kind = certo_sidebar_item_get_document_kind (entry);
  n_items = g_list_model_get_n_items (self->catalog_documents);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (self->catalog_documents, i);

      if (certo_document_get_kind (document) == kind)
        return TRUE;
    }

  return FALSE;
}

static gpointer
map_family (gpointer item,
            gpointer user_data)
{
  g_autoptr(CertoFamily) family = item;

  return certo_sidebar_item_new_for_family (family);
}

guint
certo_library_view_find_service (GListModel   *model,
              CertoService *service)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CertoService) item = g_list_model_get_item (model, i);

      if (certo_service_get_id (item) == certo_service_get_id (service))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Finds the item whose "key" is @key, by the model's item type */
static guint
find_by_key (GListModel *model,
             const char *key)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; key != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *item_key = NULL;

      if (CERTO_IS_DOCUMENT (item))
        item_key = certo_document_get_key (CERTO_DOCUMENT (item));
      else if (CERTO_IS_SERVICE (item))
        item_key = certo_service_get_key (CERTO_SERVICE (item));

      if (g_strcmp0 (item_key, key) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Before the filter and selection models see a reload of the catalog */
static void
on_catalog_services_reloading (CertoLibraryView *self)
{
  self->reloading_services = TRUE;
}

/* After: the selected service is a new object now; select it again */
static void
on_catalog_services_reloaded (CertoLibraryView *self)
{
  self->reloading_services = FALSE;

  if (self->service_key != NULL
      && gtk_single_selection_get_selected (self->services_selection) == GTK_INVALID_LIST_POSITION)
    {
      guint position = find_by_key (G_LIST_MODEL (self->services_filtered), self->service_key);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->services_selection, position);
      else
        g_clear_pointer (&self->service_key, g_free);
    }
}

static void
on_catalog_documents_reloading (CertoLibraryView *self)
{
  self->reloading_documents = TRUE;
}

static void
on_catalog_documents_reloaded (CertoLibraryView *self)
{
  self->reloading_documents = FALSE;

  if (self->document_key != NULL
      && gtk_single_selection_get_selected (self->documents_selection) == GTK_INVALID_LIST_POSITION)
    {
      guint position = find_by_key (G_LIST_MODEL (self->documents_sorted), self->document_key);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->documents_selection, position);
      else
        g_clear_pointer (&self->document_key, g_free);
    }
}

static void
on_catalog_documents_changed (CertoLibraryView *self)
{
  gtk_filter_changed (self->kinds_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Names a sidebar entry across reloads: its kind, and the family's key or
 * the document kind */
char *
certo_library_view_dup_section_key (CertoSidebarItem *item)
{
  return certo_sidebar_item_dup_key (item);
}

static void
on_catalog_families_reloading (CertoLibraryView *self)
{
  self->reloading_families = TRUE;
}

/* After a reload the family entries are new objects: select the section
 * the user had chosen again (or "All Documents" when it is gone) */
static void
on_catalog_families_reloaded (CertoLibraryView *self)
{
  GListModel *items = G_LIST_MODEL (self->sidebar_selection);
  guint n_items = g_list_model_get_n_items (items);
  guint position = 0;

  self->reloading_families = FALSE;

  for (guint i = 0; self->section_key != NULL && i < n_items; i++)
    {
      g_autoptr(CertoSidebarItem) item = g_list_model_get_item (items, i);
      g_autofree char *key = certo_library_view_dup_section_key (item);

      if (certo_sidebar_item_get_selectable (item) && g_str_equal (key, self->section_key))
        {
          position = i;
          break;
        }
    }

  if (gtk_single_selection_get_selected (self->sidebar_selection) != position)
    gtk_single_selection_set_selected (self->sidebar_selection, position);
  else
    certo_library_view_sidebar_selected (self);
}

static void
build_sidebar (CertoLibraryView *self)
{
  g_autoptr(GListStore) top = g_list_store_new (CERTO_TYPE_SIDEBAR_ITEM);
  g_autoptr(GListStore) families_header = g_list_store_new (CERTO_TYPE_SIDEBAR_ITEM);
  g_autoptr(GListStore) kinds = g_list_store_new (CERTO_TYPE_SIDEBAR_ITEM);
  g_autoptr(CertoSidebarItem) all = NULL;
  g_autoptr(CertoSidebarItem) services = NULL;
  g_autoptr(CertoSidebarItem) whats_new = NULL;
  g_autoptr(CertoSidebarItem) families_title = NULL;
  g_autoptr(CertoSidebarItem) kinds_title = NULL;
  GtkMapListModel *families = NULL;
  GtkFilterListModel *kinds_filtered;
  GtkFlattenListModel *flat;

  all = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_ALL, _("All Documents"), "view-grid-symbolic");
  services = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_SERVICES, _("In-Scope Services"), "network-server-symbolic");
  families_title = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_HEADER, _("Families"), NULL);
  kinds_title = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_HEADER, _("Kinds"), NULL);
  whats_new = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_WHATS_NEW, _("What’s New"), "document-open-recent-symbolic");
  g_list_store_append (top, all);
  g_list_store_append (top, services);
  g_list_store_append (top, whats_new);
  g_list_store_append (families_header, families_title);
  g_list_store_append (kinds, kinds_title);
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_kinds); i++)
    {
      g_autoptr(CertoSidebarItem) kind = certo_sidebar_item_new_for_kind (sidebar_kinds[i]);

      g_list_store_append (kinds, kind);
    }

  if (self->catalog != NULL)
    {
      self->catalog_families = g_object_ref (certo_catalog_get_families (self->catalog));
      /* Before the map model is made, so it runs first; "after" once the
       * sidebar's models and selection have followed */
      g_signal_connect_object (self->catalog_families, "items-changed",
                               G_CALLBACK (on_catalog_families_reloading), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->catalog_families, "items-changed",
                               G_CALLBACK (on_catalog_families_reloaded), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      families = gtk_map_list_model_new (g_object_ref (self->catalog_families), map_family, NULL, NULL);
    }
  else
    families = gtk_map_list_model_new (NULL, map_family, NULL, NULL);

  kinds_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (kinds)),
                                              g_object_ref (self->kinds_filter));

  self->sidebar_parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sidebar_parts, top);
  g_list_store_append (self->sidebar_parts, families_header);
  g_list_store_append (self->sidebar_parts, families);
  g_list_store_append (self->sidebar_parts, kinds_filtered);
  g_object_unref (families);
  g_object_unref (kinds_filtered);

  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sidebar_parts)));
  self->sidebar_selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->sidebar_selection, TRUE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, FALSE);
  g_signal_connect_object (self->sidebar_selection, "notify::selected-item",
                           G_CALLBACK (certo_library_view_sidebar_selected), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->sidebar_selection));
}

void
certo_library_view_clear_models (CertoLibraryView *self)
{
  if (self->catalog_documents != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog_documents, self);
  if (self->catalog_services != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog_services, self);
  if (self->catalog_families != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog_families, self);

  gtk_list_view_set_model (self->sidebar_list, NULL);
  gtk_list_view_set_model (self->services_list, NULL);
  gtk_column_view_set_model (self->documents_view, NULL);

  if (self->sidebar_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar_selection, self);
  if (self->services_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->services_selection, self);
  if (self->documents_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->documents_selection, self);
  if (self->services_filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->services_filtered, self);
  if (self->documents_sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->documents_sorted, self);

  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->sidebar_parts);
  g_clear_object (&self->services_selection);
  g_clear_object (&self->services_filtered);
  g_clear_object (&self->documents_selection);
  g_clear_object (&self->documents_sorted);
  g_clear_object (&self->documents_filtered);
  g_clear_object (&self->catalog_documents);
  g_clear_object (&self->catalog_services);
  g_clear_object (&self->catalog_families);
  g_clear_object (&self->service);
  g_clear_pointer (&self->service_key, g_free);
  g_clear_pointer (&self->document_key, g_free);
}

void
certo_library_view_build_models (CertoLibraryView *self)
{
  GListModel *services = NULL;
  GListModel *documents = NULL;

  if (self->catalog != NULL)
    {
      services = g_object_ref (certo_catalog_get_services (self->catalog));
      documents = g_object_ref (certo_catalog_get_documents (self->catalog));
      self->catalog_documents = g_object_ref (documents);
      self->catalog_services = g_object_ref (services);
      /* Connected before the filter models are made, so these run first;
       * the "after" handlers run once every model has followed */
      g_signal_connect_object (self->catalog_services, "items-changed",
                               G_CALLBACK (on_catalog_services_reloading), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->catalog_services, "items-changed",
                               G_CALLBACK (on_catalog_services_reloaded), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->catalog_documents, "items-changed",
                               G_CALLBACK (on_catalog_documents_reloading), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->catalog_documents, "items-changed",
                               G_CALLBACK (on_catalog_documents_changed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->catalog_documents, "items-changed",
                               G_CALLBACK (on_catalog_documents_reloaded), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  build_sidebar (self);

  self->services_filtered = gtk_filter_list_model_new (services, g_object_ref (self->services_filter));
  self->services_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->services_filtered)));
  gtk_single_selection_set_autoselect (self->services_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->services_selection, TRUE);
  gtk_single_selection_set_selected (self->services_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->services_selection, "notify::selected-item",
                           G_CALLBACK (certo_library_view_service_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services_filtered, "items-changed",
                           G_CALLBACK (certo_library_view_models_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->services_list, GTK_SELECTION_MODEL (self->services_selection));

  self->documents_filtered = gtk_filter_list_model_new (documents, g_object_ref (self->documents_filter));
  /* Sorted by the column the user clicked; the catalog's order otherwise */
  self->documents_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->documents_filtered)),
                                                    g_object_ref (gtk_column_view_get_sorter (self->documents_view)));
  self->documents_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->documents_sorted)));
  gtk_single_selection_set_autoselect (self->documents_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->documents_selection, TRUE);
  gtk_single_selection_set_selected (self->documents_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->documents_selection, "notify::selected-item",
                           G_CALLBACK (certo_library_view_document_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_sorted, "items-changed",
                           G_CALLBACK (certo_library_view_models_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->documents_view, GTK_SELECTION_MODEL (self->documents_selection));

  certo_library_view_sidebar_selected (self);
  certo_library_view_document_selected (self);
}

/* The filters of the services, the documents and the sidebar's kinds; they
 * read the view's section, search and service each time they run */
void
certo_library_view_init_filters (CertoLibraryView *self)
{
  self->services_filter = GTK_FILTER (gtk_custom_filter_new (service_filter_func, self, NULL));
  self->documents_filter = GTK_FILTER (gtk_custom_filter_new (document_filter_func, self, NULL));
  self->kinds_filter = GTK_FILTER (gtk_custom_filter_new (kind_filter_func, self, NULL));
}

/* The documents' cells. A GtkSignalListItemFactory rather than a
 * GtkBuilderListItemFactory template: six columns make one cell per column
 * and row, and a GtkBuilder per cell was a measurable part of the time to
 * the first frame. Each cell is a GtkInscription (cheap to lay out) with
 * the document's property as plain text, and as tooltip when cut short. */

typedef struct
{
  const char *property;   /* a string property of CertoDocument */
  int         min_chars;
  int         nat_lines;
} CellSpec;

/* Title's width is set from the list's width (update_columns() in
 * certo-library-view.c); a small minimum lets it ellipsize at phone width */
static const CellSpec title_cell = { "title", 12, 2 };
static const CellSpec kind_cell = { "kind-label", 3, 1 };
static const CellSpec family_cell = { "family-name", 3, 1 };
static const CellSpec standards_cell = { "standards-label", 3, 1 };
static const CellSpec number_cell = { "certificate-number", 3, 1 };
static const CellSpec issuer_cell = { "issuer", 3, 1 };

static GtkWidget *
new_inscription (const CellSpec *spec)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), spec->min_chars);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), spec->nat_lines);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (cell), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  return cell;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, new_inscription (user_data));
}

/* A withdrawn document (kept while saved offline) is dimmed in every
 * column; its title cell says "Withdrawn" in words */
static void
set_withdrawn_style (GtkWidget *cell,
                     GObject   *item)
{
  if (item != NULL && certo_document_get_withdrawn (CERTO_DOCUMENT (item)))
    gtk_widget_add_css_class (cell, "certo-withdrawn");
  else
    gtk_widget_remove_css_class (cell, "certo-withdrawn");
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  const CellSpec *spec = user_data;
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item != NULL)
    g_object_get (item, spec->property, &text, NULL);

  /* Remote text: GtkInscription:text is never markup */
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, text);
  set_withdrawn_style (cell, item);
}

/* The title cell: the title, then "Updated" (for 30 days after a change)
 * or "Withdrawn" as a badge with words and an icon */
static GtkWidget *
new_badge (const char *icon_name,
           const char *text,
           const char *style)
{
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "certo-badge");
  gtk_widget_add_css_class (badge, style);
  gtk_box_append (GTK_BOX (badge), image);
  gtk_box_append (GTK_BOX (badge), gtk_label_new (text));
  gtk_widget_set_visible (badge, FALSE);

  return badge;
}

/* At phone width a badge is its icon only (its words stay its tooltip
 * and accessible name): the title keeps the room */
static GtkWidget *
add_badge (GtkWidget        *box,
           CertoLibraryView *self,
           const char       *icon_name,
           const char       *text,
           const char       *style)
{
  GtkWidget *badge = new_badge (icon_name, text, style);

  gtk_widget_set_tooltip_text (badge, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_bind_property (self->leaflet, "folded", gtk_widget_get_last_child (badge), "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_box_append (GTK_BOX (box), badge);

  return badge;
}

static void
setup_title_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  CertoLibraryView *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = new_inscription (&title_cell);

  /* The natural width asks for a whole title: the Title column is the one
   * that grows, the others have fixed widths */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (title), 60);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  add_badge (box, self, "emblem-synchronizing-symbolic", C_("badge", "Updated"), "certo-updated");
  add_badge (box, self, "action-unavailable-symbolic", C_("badge", "Withdrawn"), "certo-withdrawn-badge");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_title_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *updated = gtk_widget_get_next_sibling (title);
  GtkWidget *withdrawn = gtk_widget_get_next_sibling (updated);
  CertoDocument *document = gtk_list_item_get_item (list_item);
  gboolean is_withdrawn = document != NULL && certo_document_get_withdrawn (document);
  const char *text = document != NULL ? certo_document_get_title (document) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (title), text);
  gtk_widget_set_tooltip_text (title, text);
  set_withdrawn_style (title, G_OBJECT (document));
  gtk_widget_set_visible (updated, document != NULL && !is_withdrawn && certo_document_is_updated (document));
  gtk_widget_set_visible (withdrawn, is_withdrawn);
}

static void
unbind_title_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_inscription_set_text (GTK_INSCRIPTION (title), NULL);
  gtk_widget_set_tooltip_text (title, NULL);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
  gtk_widget_set_tooltip_text (cell, NULL);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  const CellSpec      *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec);
  gtk_column_view_column_set_factory (column, factory);
}

/* Gives each column of the documents list its cells */
void
certo_library_view_init_columns (CertoLibraryView *self)
{
  g_autoptr(GtkListItemFactory) titles = gtk_signal_list_item_factory_new ();

  g_signal_connect (titles, "setup", G_CALLBACK (setup_title_cell), self);
  g_signal_connect (titles, "bind", G_CALLBACK (bind_title_cell), NULL);
  g_signal_connect (titles, "unbind", G_CALLBACK (unbind_title_cell), NULL);
  gtk_column_view_column_set_factory (self->title_column, titles);
  set_cell_factory (self->kind_column, &kind_cell);
  set_cell_factory (self->family_column, &family_cell);
  set_cell_factory (self->standards_column, &standards_cell);
  set_cell_factory (self->number_column, &number_cell);
  set_cell_factory (self->issuer_column, &issuer_cell);
}
