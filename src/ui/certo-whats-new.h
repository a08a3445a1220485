/* certo-whats-new.h — what the last syncs changed: new, changed and
 * withdrawn documents, services that entered or left the scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WHATS_NEW (certo_whats_new_get_type ())

G_DECLARE_FINAL_TYPE (CertoWhatsNew, certo_whats_new, CERTO, WHATS_NEW, AdwBin)

CertoCatalog *certo_whats_new_get_catalog (CertoWhatsNew *self);
void          certo_whats_new_set_catalog (CertoWhatsNew *self,
                                           CertoCatalog  *catalog);
GListModel   *certo_whats_new_get_changes (CertoWhatsNew *self);
void          certo_whats_new_activate    (CertoWhatsNew *self,
                                           guint          position);
char         *certo_change_dup_details    (CertoChange   *change);

G_END_DECLS
