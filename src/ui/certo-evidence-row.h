/* certo-evidence-row.h — one evidence item of a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_EVIDENCE_ROW (certo_evidence_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoEvidenceRow, certo_evidence_row, CERTO, EVIDENCE_ROW, AdwActionRow)

GtkWidget     *certo_evidence_row_new       (CertoEvidence    *item,
                                             const char       *requirement_label);
CertoEvidence *certo_evidence_row_get_item  (CertoEvidenceRow *self);
void           certo_evidence_row_set_item  (CertoEvidenceRow *self,
                                             CertoEvidence    *item);
char          *certo_evidence_describe      (CertoEvidence    *evidence);

G_END_DECLS
