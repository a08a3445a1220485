/* certo-library-view.h — the trust library: sections, services, documents, details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_LIBRARY_VIEW (certo_library_view_get_type ())

G_DECLARE_FINAL_TYPE (CertoLibraryView, certo_library_view, CERTO, LIBRARY_VIEW, AdwBin)

CertoCatalog *certo_library_view_get_catalog        (CertoLibraryView *self);
void          certo_library_view_set_catalog        (CertoLibraryView *self,
                                                     CertoCatalog     *catalog);
GMenuModel   *certo_library_view_get_primary_menu   (CertoLibraryView *self);
void          certo_library_view_set_primary_menu   (CertoLibraryView *self,
                                                     GMenuModel       *menu);
void          certo_library_view_begin_search       (CertoLibraryView *self);
void          certo_library_view_select_service     (CertoLibraryView *self,
                                                     CertoService     *service);
GListModel   *certo_library_view_get_services       (CertoLibraryView *self);
GListModel   *certo_library_view_get_documents      (CertoLibraryView *self);
void          certo_library_view_show_content       (CertoLibraryView *self);

/* Sync, What's New, offline documents (certo-library-view-sync.c) */
void          certo_library_view_set_sync           (CertoLibraryView *self,
                                                     CertoSync        *sync,
                                                     CertoOffline     *offline);
void          certo_library_view_set_settings       (CertoLibraryView *self,
                                                     GSettings        *settings);
void          certo_library_view_set_busy           (CertoLibraryView *self,
                                                     gboolean          busy);
void          certo_library_view_show_whats_new     (CertoLibraryView *self);
gboolean      certo_library_view_select_document    (CertoLibraryView *self,
                                                     CertoDocument    *document);
GListModel   *certo_library_view_get_changes        (CertoLibraryView *self);

G_END_DECLS
