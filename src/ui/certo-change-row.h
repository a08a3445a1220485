/* certo-change-row.h — one change in What's New
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_CHANGE_ROW (certo_change_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoChangeRow, certo_change_row, CERTO, CHANGE_ROW, AdwBin)

CertoChange *certo_change_row_get_item (CertoChangeRow *self);
void         certo_change_row_set_item (CertoChangeRow *self,
                                        CertoChange    *item);

G_END_DECLS
