/* certo-sidebar-item.h — one entry of the library's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo.h"

G_BEGIN_DECLS

/**
 * CertoSidebarItemKind:
 * @CERTO_SIDEBAR_ITEM_HEADER: a section heading ("Families", "Kinds"); not selectable
 * @CERTO_SIDEBAR_ITEM_ALL: every document
 * @CERTO_SIDEBAR_ITEM_SERVICES: the in-scope services, full height
 * @CERTO_SIDEBAR_ITEM_FAMILY: the documents and services of one family
 * @CERTO_SIDEBAR_ITEM_DOCUMENT_KIND: the documents of one kind
 * @CERTO_SIDEBAR_ITEM_WHATS_NEW: what the last syncs changed
 *
 * What selecting a sidebar entry shows.
 */
typedef enum
{
  CERTO_SIDEBAR_ITEM_HEADER,
  CERTO_SIDEBAR_ITEM_ALL,
  CERTO_SIDEBAR_ITEM_SERVICES,
  CERTO_SIDEBAR_ITEM_FAMILY,
  CERTO_SIDEBAR_ITEM_DOCUMENT_KIND,
  CERTO_SIDEBAR_ITEM_WHATS_NEW,
} CertoSidebarItemKind;

#define CERTO_TYPE_SIDEBAR_ITEM (certo_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (CertoSidebarItem, certo_sidebar_item, CERTO, SIDEBAR_ITEM, GObject)

CertoSidebarItem     *certo_sidebar_item_new                (CertoSidebarItemKind  kind,
                                                             const char           *title,
                                                             const char           *icon_name);
CertoSidebarItem     *certo_sidebar_item_new_for_family     (CertoFamily          *family);
CertoSidebarItem     *certo_sidebar_item_new_for_kind       (CertoDocumentKind     document_kind);
CertoSidebarItemKind  certo_sidebar_item_get_kind           (CertoSidebarItem     *self);
const char           *certo_sidebar_item_get_title          (CertoSidebarItem     *self);
const char           *certo_sidebar_item_get_icon_name      (CertoSidebarItem     *self);
CertoFamily          *certo_sidebar_item_get_family         (CertoSidebarItem     *self);
CertoDocumentKind     certo_sidebar_item_get_document_kind  (CertoSidebarItem     *self);
guint                 certo_sidebar_item_get_count          (CertoSidebarItem     *self);
gboolean              certo_sidebar_item_get_selectable     (CertoSidebarItem     *self);
char                 *certo_sidebar_item_dup_key            (CertoSidebarItem     *self);
gboolean              certo_sidebar_item_has_documents      (CertoSidebarItem     *self);

const char           *certo_document_kind_get_icon_name     (CertoDocumentKind     kind);

G_END_DECLS
