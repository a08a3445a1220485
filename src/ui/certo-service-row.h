/* certo-service-row.h — a row of the in-scope services list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SERVICE_ROW (certo_service_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoServiceRow, certo_service_row, CERTO, SERVICE_ROW, AdwBin)

CertoService *certo_service_row_get_item (CertoServiceRow *self);
void          certo_service_row_set_item (CertoServiceRow *self,
                                          CertoService    *item);

G_END_DECLS
