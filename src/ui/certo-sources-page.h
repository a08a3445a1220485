/* certo-sources-page.h — the sources Certo keeps up to date: add, rename,
 * refresh, check and remove them (a page of the Sources window, and of
 * Preferences)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SOURCES_PAGE (certo_sources_page_get_type ())

G_DECLARE_FINAL_TYPE (CertoSourcesPage, certo_sources_page, CERTO, SOURCES_PAGE, AdwPreferencesPage)

GtkWidget  *certo_sources_page_new                   (CertoSync        *sync);
CertoSync  *certo_sources_page_get_sync              (CertoSourcesPage *self);
void        certo_sources_page_set_sync              (CertoSourcesPage *self,
                                                      CertoSync        *sync);
GListModel *certo_sources_page_get_sources           (CertoSourcesPage *self);
void        certo_sources_page_add_source            (CertoSourcesPage *self,
                                                      const char       *location,
                                                      const char       *name,
                                                      CertoSourceFormat format);
void        certo_sources_page_refresh_source        (CertoSourcesPage *self,
                                                      gint64            source_id,
                                                      CertoImportFlags  flags);
void        certo_sources_page_offer_accept_removals (CertoSourcesPage *self,
                                                      gint64            source_id,
                                                      const char       *message);
void        certo_sources_page_present_add_dialog    (CertoSourcesPage *self);

GtkWindow  *certo_sources_window_new                 (GtkWindow        *parent,
                                                      CertoSync        *sync);

G_END_DECLS
