/* certo-sidebar-row.h — a row of the library's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo-sidebar-item.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SIDEBAR_ROW (certo_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoSidebarRow, certo_sidebar_row, CERTO, SIDEBAR_ROW, AdwBin)

CertoSidebarItem *certo_sidebar_row_get_item (CertoSidebarRow  *self);
void              certo_sidebar_row_set_item (CertoSidebarRow  *self,
                                              CertoSidebarItem *item);

G_END_DECLS
