/* certo-library-view-private.h — what the library view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-document-details.h"
#include "certo-library-view.h"
#include "certo-offline-bar.h"
#include "certo-sidebar-item.h"
#include "certo-whats-new.h"

G_BEGIN_DECLS

struct _CertoLibraryView
{
  AdwBin              parent_instance;

  CertoCatalog       *catalog;
  GMenuModel         *primary_menu;
  AdwViewStack       *view_stack;

  /* Sync and offline documents (certo-library-view-sync.c) */
  CertoSync          *sync;
  CertoOffline       *offline;
  CertoClient        *client;
  GSettings          *settings;
  int                 pane_position;      /* the split the user dragged to */

  /* What the lists show: the sidebar section, the search, a service */
  CertoSidebarItemKind section;
  gint64              section_family_id;
  CertoDocumentKind   section_document_kind;
  char               *section_title;
  char               *section_key;        /* kept across a reload, see below */
  CertoSearchQuery   *query;
  char               *query_text;
  CertoService       *service;

  /* Models: filtered and sorted, never rebuilt widgets */
  GListStore         *sidebar_parts;
  GtkFilter          *kinds_filter;
  GtkSingleSelection *sidebar_selection;
  GtkFilter          *services_filter;
  GtkFilterListModel *services_filtered;
  GtkSingleSelection *services_selection;
  GtkFilter          *documents_filter;
  GtkFilterListModel *documents_filtered;
  GtkSortListModel   *documents_sorted;
  GtkSingleSelection *documents_selection;
  GListModel         *catalog_documents;
  GListModel         *catalog_services;
  GListModel         *catalog_families;

  /* Kept across a reload of the catalog (an import replaces every object) */
  char               *service_key;
  char               *document_key;
  gboolean            reloading_families;
  gboolean            reloading_services;
  gboolean            reloading_documents;

  /* The documents list's width, for the columns that fit (update_columns) */
  double              documents_width;
  guint               columns_idle;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkListView        *sidebar_list;
  AdwViewSwitcherTitle *content_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton      *menu_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *refresh_stack;
  GtkWidget          *refresh_button;
  GtkSpinner         *refresh_spinner;
  CertoOfflineBar    *offline_bar;
  GtkStack           *content_stack;
  GtkPaned           *content_paned;
  CertoWhatsNew      *whats_new;
  GtkWidget          *save_shown_button;
  GtkWidget          *services_pane;
  GtkStack           *services_stack;
  GtkListView        *services_list;
  GtkLabel           *services_empty_label;
  GtkWidget          *documents_pane;
  GtkLabel           *documents_heading;
  GtkWidget          *clear_service_button;
  GtkStack           *documents_stack;
  GtkColumnView      *documents_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *family_column;
  GtkColumnViewColumn *standards_column;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *issuer_column;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_results_page;
  CertoDocumentDetails *details;
};

/* certo-library-view-models.c */
gboolean certo_library_view_has_query          (CertoLibraryView *self);
guint    certo_library_view_find_service       (GListModel       *model,
                                                CertoService     *service);
void     certo_library_view_init_filters       (CertoLibraryView *self);
void     certo_library_view_init_columns       (CertoLibraryView *self);
void     certo_library_view_build_models       (CertoLibraryView *self);
void     certo_library_view_clear_models       (CertoLibraryView *self);
char    *certo_library_view_dup_section_key    (CertoSidebarItem *item);

/* certo-library-view.c: what the models tell the view */
void     certo_library_view_update_states      (CertoLibraryView *self);
void     certo_library_view_apply_section      (CertoLibraryView *self,
                                                CertoSidebarItem *item);
void     certo_library_view_sidebar_selected   (CertoLibraryView *self);
void     certo_library_view_service_selected   (CertoLibraryView *self);
void     certo_library_view_document_selected  (CertoLibraryView *self);
void     certo_library_view_models_changed     (CertoLibraryView *self);

/* certo-library-view-sync.c */
void     certo_library_view_sync_class_init    (GtkWidgetClass   *widget_class);
void     certo_library_view_sync_dispose       (CertoLibraryView *self);
void     certo_library_view_update_sync_state  (CertoLibraryView *self);
void     certo_library_view_save_pane_position (CertoLibraryView *self);
void     certo_library_view_on_change_activated (CertoLibraryView *self,
                                                CertoChange      *change);
void     certo_library_view_on_pane_position_changed (CertoLibraryView *self);

G_END_DECLS
