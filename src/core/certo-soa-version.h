/* certo-soa-version.h — an approved version of the Statement of Applicability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace-item.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SOA_VERSION (certo_soa_version_get_type ())

G_DECLARE_FINAL_TYPE (CertoSoaVersion, certo_soa_version, CERTO, SOA_VERSION, CertoWorkspaceItem)

const char *certo_soa_version_get_version        (CertoSoaVersion *self);
const char *certo_soa_version_get_approver       (CertoSoaVersion *self);
const char *certo_soa_version_get_approval_date  (CertoSoaVersion *self);
const char *certo_soa_version_get_notes          (CertoSoaVersion *self);
const char *certo_soa_version_get_content_sha256 (CertoSoaVersion *self);

void        certo_soa_version_set_version        (CertoSoaVersion *self,
                                                  const char      *version);
void        certo_soa_version_set_approver       (CertoSoaVersion *self,
                                                  const char      *approver);
gboolean    certo_soa_version_set_approval_date  (CertoSoaVersion *self,
                                                  const char      *date,
                                                  GError         **error);
void        certo_soa_version_set_notes          (CertoSoaVersion *self,
                                                  const char      *notes);

char       *certo_soa_describe                   (const char      *version,
                                                  const char      *approver,
                                                  const char      *approval_date,
                                                  gboolean         changed);

G_END_DECLS
