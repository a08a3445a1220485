/* certo-requirement-cell.h — one cell of the Statement of Applicability table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_REQUIREMENT_CELL (certo_requirement_cell_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementCell, certo_requirement_cell, CERTO, REQUIREMENT_CELL, AdwBin)

CertoRequirementState *certo_requirement_cell_get_item  (CertoRequirementCell  *self);
void                   certo_requirement_cell_set_item  (CertoRequirementCell  *self,
                                                         CertoRequirementState *item);
const char            *certo_requirement_cell_get_text  (CertoRequirementCell  *self);

G_END_DECLS
