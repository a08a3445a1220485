/* certo-evidence.h — an evidence item of a certification workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace-item.h"
#include "certo-workspace-types.h"

G_BEGIN_DECLS

/**
 * CertoLibrarySnapshot:
 * @title: the document's title
 * @certificate_number: (nullable): its certificate number ("IS 533913")
 * @issuer: (nullable): the certification body that issued it
 * @issue_date: (nullable): `YYYY-MM-DD`
 * @expiry_date: (nullable): `YYYY-MM-DD`
 * @url: (nullable): where the provider publishes it
 * @sha256: (nullable): SHA-256 of the offline copy, when one was saved
 * @source_name: (nullable): the catalog it came from ("Microsoft")
 * @document_key: (nullable): its key in that catalog
 *
 * What a Library document says, copied into the workspace as evidence so
 * it reads the same on another machine or after the provider withdraws
 * it. Plain values: the workspace does not depend on the catalog store.
 */
typedef struct
{
  char *title;
  char *certificate_number;
  char *issuer;
  char *issue_date;
  char *expiry_date;
  char *url;
  char *sha256;
  char *source_name;
  char *document_key;
} CertoLibrarySnapshot;

#define CERTO_TYPE_LIBRARY_SNAPSHOT (certo_library_snapshot_get_type ())
GType                 certo_library_snapshot_get_type (void) G_GNUC_CONST;
CertoLibrarySnapshot *certo_library_snapshot_new      (void);
CertoLibrarySnapshot *certo_library_snapshot_copy     (const CertoLibrarySnapshot *self);
void                  certo_library_snapshot_free     (CertoLibrarySnapshot       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoLibrarySnapshot, certo_library_snapshot_free)

/**
 * CertoEvidenceSpec:
 * @title: (nullable): the title shown; %NULL takes the file name, the
 *   document title or the URL
 * @description: (nullable): what it shows
 * @effective_date: (nullable): from when it is valid, `YYYY-MM-DD`
 * @expiry_date: (nullable): until when, `YYYY-MM-DD`; %NULL for a Library
 *   document takes the document's expiry date
 * @requirement_keys: (nullable) (array zero-terminated=1): the
 *   requirements it supports, by key or display label ("A.5.14")
 *
 * The user's part of a new evidence item.
 */
typedef struct
{
  const char         *title;
  const char         *description;
  const char         *effective_date;
  const char         *expiry_date;
  const char * const *requirement_keys;
} CertoEvidenceSpec;

/**
 * CERTO_EVIDENCE_MAX_URL_BYTES:
 *
 * The longest link kept as evidence, in bytes: the Library's cap
 * (RFC 9110 §4.1 asks senders and recipients to support at least 8,000
 * octets; longer ones are not reliably opened).
 */
#define CERTO_EVIDENCE_MAX_URL_BYTES 8000

#define CERTO_TYPE_EVIDENCE (certo_evidence_get_type ())

G_DECLARE_FINAL_TYPE (CertoEvidence, certo_evidence, CERTO, EVIDENCE, CertoWorkspaceItem)

CertoEvidenceKind   certo_evidence_get_kind               (CertoEvidence *self);
const char         *certo_evidence_get_title              (CertoEvidence *self);
const char         *certo_evidence_get_description        (CertoEvidence *self);
const char         *certo_evidence_get_file_name          (CertoEvidence *self);
const char         *certo_evidence_get_content_type       (CertoEvidence *self);
gint64              certo_evidence_get_size               (CertoEvidence *self);
const char         *certo_evidence_get_sha256             (CertoEvidence *self);
const char         *certo_evidence_get_url                (CertoEvidence *self);
const char         *certo_evidence_get_captured_at        (CertoEvidence *self);
const char         *certo_evidence_get_added_by           (CertoEvidence *self);
const char         *certo_evidence_get_effective_date     (CertoEvidence *self);
const char         *certo_evidence_get_expiry_date        (CertoEvidence *self);
const char * const *certo_evidence_get_requirement_keys   (CertoEvidence *self);
gboolean            certo_evidence_has_requirement        (CertoEvidence *self,
                                                           const char    *key);
CertoLibrarySnapshot *certo_evidence_dup_snapshot         (CertoEvidence *self);

void                certo_evidence_set_title              (CertoEvidence *self,
                                                           const char    *title);
void                certo_evidence_set_description        (CertoEvidence *self,
                                                           const char    *description);
gboolean            certo_evidence_set_effective_date     (CertoEvidence *self,
                                                           const char    *date,
                                                           GError       **error);
gboolean            certo_evidence_set_expiry_date        (CertoEvidence *self,
                                                           const char    *date,
                                                           GError       **error);
gboolean            certo_evidence_set_requirement_keys   (CertoEvidence      *self,
                                                           const char * const *keys,
                                                           GError            **error);

gboolean            certo_evidence_check_link             (const char         *url,
                                                           GError            **error);
char               *certo_evidence_dup_link_title         (const char         *url);

G_END_DECLS
