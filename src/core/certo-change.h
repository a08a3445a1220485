/* certo-change.h — what a sync or a document check changed: the history
 * behind "What's new", and the summary of one sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-localized.h"

G_BEGIN_DECLS

/**
 * CERTO_DOCUMENT_UPDATED_DAYS:
 *
 * How long a changed document shows as "Updated" (see
 * certo_document_is_updated()): 30 days.
 */
#define CERTO_DOCUMENT_UPDATED_DAYS 30

/**
 * CertoChangeKind:
 * @CERTO_CHANGE_FIRST_IMPORT: a source's first import, summarised
 *   (certo_change_get_count() documents), never listed document by document
 * @CERTO_CHANGE_DOCUMENT_ADDED: a document appeared in a source
 * @CERTO_CHANGE_DOCUMENT_CHANGED: a document's certificate number, issuer,
 *   dates, title, kind, family or link changed (see certo_change_get_fields())
 * @CERTO_CHANGE_DOCUMENT_WITHDRAWN: a document left its source; it stays
 *   (flagged withdrawn) only while it is saved for offline reading
 * @CERTO_CHANGE_DOCUMENT_UPDATED: the file behind an unchanged link changed
 *   (a document check saw another ETag, size or Last-Modified)
 * @CERTO_CHANGE_SERVICE_ADDED: a service entered the scope of a source
 * @CERTO_CHANGE_SERVICE_REMOVED: a service left the scope of a source
 *
 * Kinds of #CertoChange. Stored as text, so the values may be reordered.
 */
typedef enum
{
  CERTO_CHANGE_FIRST_IMPORT,
  CERTO_CHANGE_DOCUMENT_ADDED,
  CERTO_CHANGE_DOCUMENT_CHANGED,
  CERTO_CHANGE_DOCUMENT_WITHDRAWN,
  CERTO_CHANGE_DOCUMENT_UPDATED,
  CERTO_CHANGE_SERVICE_ADDED,
  CERTO_CHANGE_SERVICE_REMOVED,
} CertoChangeKind;

/**
 * CertoFieldChange:
 * @field: which field: "certificate_number", "issuer", "issued",
 *   "expires", "title", "kind", "family", "url"; for
 *   %CERTO_CHANGE_DOCUMENT_UPDATED "etag", "size", "last_modified"
 * @old_value: (nullable): the value before (a title in the user's language)
 * @new_value: (nullable): the value after
 *
 * One field of a changed document.
 */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} CertoFieldChange;

/**
 * CertoSyncOutcome:
 * @CERTO_SYNC_OUTCOME_FIRST_IMPORT: the source's content was imported for
 *   the first time
 * @CERTO_SYNC_OUTCOME_CHANGED: new content was imported and differs
 * @CERTO_SYNC_OUTCOME_UNCHANGED: the content was fetched again and is the
 *   same, byte for byte or document for document; nothing was written but
 *   the source's status
 * @CERTO_SYNC_OUTCOME_NOT_MODIFIED: the server answered 304 Not Modified
 *   (RFC 9110 §15.4.5): only the time last checked changed
 *
 * How a sync of one source ended, when it did not fail.
 */
typedef enum
{
  CERTO_SYNC_OUTCOME_FIRST_IMPORT,
  CERTO_SYNC_OUTCOME_CHANGED,
  CERTO_SYNC_OUTCOME_UNCHANGED,
  CERTO_SYNC_OUTCOME_NOT_MODIFIED,
} CertoSyncOutcome;

/**
 * CertoSyncSummary:
 * @source_id: the source's row id
 * @source_name: (nullable): its name, for messages
 * @outcome: how it ended
 * @n_documents: documents the source has now (withdrawn ones not counted)
 * @n_services: in-scope services it has now
 * @n_added: documents added (on a first import: every document)
 * @n_changed: documents whose fields changed
 * @n_withdrawn: documents withdrawn
 * @n_updated: documents whose file changed behind the same link
 * @n_services_added: services that entered the scope
 * @n_services_removed: services that left the scope
 * @n_checked: documents probed by a document check
 * @n_check_failed: documents a check could not reach
 * @permanent_url: (nullable): the new address stored after a permanent
 *   redirect (RFC 9110 §15.4.2, §15.4.9)
 * @warnings: (element-type utf8): entries the parser skipped or trimmed,
 *   includes that could not be read; one line each
 *
 * What one sync (or one document check) of a source did, for a
 * notification (certo_sync_summary_describe()) or the terminal. Free with
 * certo_sync_summary_free().
 */
typedef struct
{
  gint64            source_id;
  char             *source_name;
  CertoSyncOutcome  outcome;
  guint             n_documents;
  guint             n_services;
  guint             n_added;
  guint             n_changed;
  guint             n_withdrawn;
  guint             n_updated;
  guint             n_services_added;
  guint             n_services_removed;
  guint             n_checked;
  guint             n_check_failed;
  char             *permanent_url;
  GPtrArray        *warnings;
} CertoSyncSummary;

#define CERTO_TYPE_SYNC_SUMMARY (certo_sync_summary_get_type ())
#define CERTO_TYPE_CHANGE (certo_change_get_type ())

G_DECLARE_FINAL_TYPE (CertoChange, certo_change, CERTO, CHANGE, GObject)

/* Read-only properties: "id", "kind" (CertoChangeKind as int), "title",
 * "date", "source-name", "description" */

GType                   certo_sync_summary_get_type      (void) G_GNUC_CONST;
CertoSyncSummary       *certo_sync_summary_new           (void);
CertoSyncSummary       *certo_sync_summary_copy          (const CertoSyncSummary *self);
void                    certo_sync_summary_free          (CertoSyncSummary       *self);
gboolean                certo_sync_summary_has_news      (const CertoSyncSummary *self);
char                   *certo_sync_summary_describe      (const CertoSyncSummary *self);

gint64                  certo_change_get_id              (CertoChange *self);
CertoChangeKind         certo_change_get_kind            (CertoChange *self);
gint64                  certo_change_get_run_id          (CertoChange *self);
gint64                  certo_change_get_source_id       (CertoChange *self);
const char             *certo_change_get_source_name     (CertoChange *self);
const char             *certo_change_get_date            (CertoChange *self);
const char             *certo_change_get_key             (CertoChange *self);
gint64                  certo_change_get_document_id     (CertoChange *self);
gint64                  certo_change_get_service_id      (CertoChange *self);
const char             *certo_change_get_title           (CertoChange *self);
CertoLocalized         *certo_change_get_title_localized (CertoChange *self);
guint                   certo_change_get_count           (CertoChange *self);
const CertoFieldChange *certo_change_get_fields          (CertoChange *self,
                                                          guint       *n_fields);
char                   *certo_change_describe            (CertoChange *self);

const char             *certo_change_kind_to_string      (CertoChangeKind kind);
const char             *certo_field_change_get_label     (const char     *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSyncSummary, certo_sync_summary_free)

G_END_DECLS
