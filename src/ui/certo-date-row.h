/* certo-date-row.h — a row with a date, chosen on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CERTO_TYPE_DATE_ROW (certo_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoDateRow, certo_date_row, CERTO, DATE_ROW, AdwActionRow)

GtkWidget  *certo_date_row_new       (const char   *title);
const char *certo_date_row_get_date  (CertoDateRow *self);
void        certo_date_row_set_date  (CertoDateRow *self,
                                      const char   *date);
void        certo_date_row_set_clearable (CertoDateRow *self,
                                      gboolean      clearable);

G_END_DECLS
