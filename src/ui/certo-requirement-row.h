/* certo-requirement-row.h — a requirement with a check box, in a picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_REQUIREMENT_ROW (certo_requirement_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementRow, certo_requirement_row, CERTO, REQUIREMENT_ROW, AdwActionRow)

GtkWidget             *certo_requirement_row_new          (CertoRequirementState *item);
CertoRequirementState *certo_requirement_row_get_item     (CertoRequirementRow   *self);
gboolean               certo_requirement_row_get_selected (CertoRequirementRow   *self);
void                   certo_requirement_row_set_selected (CertoRequirementRow   *self,
                                                           gboolean               selected);

G_END_DECLS
