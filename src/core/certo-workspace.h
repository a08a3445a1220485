/* certo-workspace.h — a certification workspace: the *.certo document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-audit.h"
#include "certo-evidence.h"
#include "certo-finding.h"
#include "certo-framework.h"
#include "certo-history-entry.h"
#include "certo-requirement-state.h"
#include "certo-soa-version.h"
#include "certo-workspace-item.h"
#include "certo-workspace-types.h"

G_BEGIN_DECLS

/**
 * CERTO_WORKSPACE_APPLICATION_ID:
 *
 * `PRAGMA application_id` of every workspace file: "CrtW" in ASCII
 * (0x43727457), big-endian at offset 68 of the SQLite header. The catalog
 * database uses "CrtC". The shared-mime-info entry matches both the SQLite
 * magic and this id:
 *
 * |[<!-- language="xml" -->
 * <mime-type type="application/x-certo-workspace">
 *   <comment>Certo certification workspace</comment>
 *   <sub-class-of type="application/vnd.sqlite3"/>
 *   <magic priority="80">
 *     <match type="string" value="SQLite format 3" offset="0">
 *       <match type="big32" value="0x43727457" offset="68"/>
 *     </match>
 *   </magic>
 *   <glob pattern="*.certo"/>
 * </mime-type>
 * ]|
 */
#define CERTO_WORKSPACE_APPLICATION_ID 0x43727457

/* PRAGMA user_version this code writes and reads up to */
#define CERTO_WORKSPACE_SCHEMA_VERSION 2

#define CERTO_WORKSPACE_MIME_TYPE "application/x-certo-workspace"
#define CERTO_WORKSPACE_SUFFIX ".certo"

/* Evidence files larger than this are refused (bytes, 50 MiB) */
#define CERTO_WORKSPACE_DEFAULT_MAX_EVIDENCE_SIZE (G_GINT64_CONSTANT (50) * 1024 * 1024)

/* Autosave this long after the last change (milliseconds) */
#define CERTO_WORKSPACE_DEFAULT_SAVE_DELAY 2000

/* Undo keeps this many steps */
#define CERTO_WORKSPACE_UNDO_LIMIT 100

/**
 * CERTO_WORKSPACE_MIN_YEAR:
 *
 * The earliest year a date of the workspace may have (due dates, audits,
 * certificates, evidence): an earlier one is refused as a typing slip.
 */
#define CERTO_WORKSPACE_MIN_YEAR 1900

/**
 * CERTO_WORKSPACE_MAX_YEAR:
 *
 * The latest year a date of the workspace may have.
 */
#define CERTO_WORKSPACE_MAX_YEAR 2199

#define CERTO_WORKSPACE_ERROR (certo_workspace_error_quark ())

/**
 * CertoWorkspaceError:
 * @CERTO_WORKSPACE_ERROR_FAILED: anything else; the message says what
 * @CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE: the file is not a Certo workspace
 *   (another kind of file, or another program's database); it was not changed
 * @CERTO_WORKSPACE_ERROR_CORRUPT: the file is a damaged or incomplete
 *   workspace; it was not changed
 * @CERTO_WORKSPACE_ERROR_NEWER_VERSION: made by a newer Certo; not changed
 * @CERTO_WORKSPACE_ERROR_ALREADY_OPEN: the file is open in Certo already
 *   (this program or another); the UI raises its window
 * @CERTO_WORKSPACE_ERROR_EXISTS: a new workspace would replace a file
 * @CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK: another program replaced the
 *   file since Certo read it; saving over it would lose that version
 * @CERTO_WORKSPACE_ERROR_NOT_LOCAL: the location has no local path
 * @CERTO_WORKSPACE_ERROR_CANNOT_SAVE: the file could not be written; the
 *   changes are safe in the working copy
 * @CERTO_WORKSPACE_ERROR_TOO_LARGE: an evidence file is over the limit
 * @CERTO_WORKSPACE_ERROR_INVALID_VALUE: a value is not valid for its field
 * @CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE: clauses 4–10 cannot be excluded
 * @CERTO_WORKSPACE_ERROR_NOT_FOUND: no such requirement, field or item
 * @CERTO_WORKSPACE_ERROR_NOT_OPEN: the workspace is not open (or closed)
 * @CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO: the undo list is empty
 * @CERTO_WORKSPACE_ERROR_DAMAGED_EVIDENCE: a stored file no longer matches
 *   its SHA-256
 *
 * Errors of the workspace. SQLite failures of the private working copy
 * (disk full, …) come as %CERTO_SQLITE_ERROR, file system ones as
 * %G_IO_ERROR; every message names the file and says what to do.
 */
typedef enum
{
  CERTO_WORKSPACE_ERROR_FAILED,
  CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
  CERTO_WORKSPACE_ERROR_CORRUPT,
  CERTO_WORKSPACE_ERROR_NEWER_VERSION,
  CERTO_WORKSPACE_ERROR_ALREADY_OPEN,
  CERTO_WORKSPACE_ERROR_EXISTS,
  CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK,
  CERTO_WORKSPACE_ERROR_NOT_LOCAL,
  CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
  CERTO_WORKSPACE_ERROR_TOO_LARGE,
  CERTO_WORKSPACE_ERROR_INVALID_VALUE,
  CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE,
  CERTO_WORKSPACE_ERROR_NOT_FOUND,
  CERTO_WORKSPACE_ERROR_NOT_OPEN,
  CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO,
  CERTO_WORKSPACE_ERROR_DAMAGED_EVIDENCE,
} CertoWorkspaceError;

/**
 * CertoWorkspaceCreateFlags:
 * @CERTO_WORKSPACE_CREATE_NONE: refuse to replace an existing file
 * @CERTO_WORKSPACE_CREATE_REPLACE: replace it (the user confirmed)
 *
 * Flags of certo_workspace_create_async().
 */
typedef enum
{
  CERTO_WORKSPACE_CREATE_NONE    = 0,
  CERTO_WORKSPACE_CREATE_REPLACE = 1 << 0,
} CertoWorkspaceCreateFlags;

/**
 * CertoWorkspaceSaveFlags:
 * @CERTO_WORKSPACE_SAVE_NONE: refuse to overwrite a file another program
 *   changed since Certo read or wrote it
 * @CERTO_WORKSPACE_SAVE_OVERWRITE: overwrite it anyway (the user chose to)
 *
 * Flags of certo_workspace_save_async().
 */
typedef enum
{
  CERTO_WORKSPACE_SAVE_NONE      = 0,
  CERTO_WORKSPACE_SAVE_OVERWRITE = 1 << 0,
} CertoWorkspaceSaveFlags;

/**
 * CertoWorkspaceCloseFlags:
 * @CERTO_WORKSPACE_CLOSE_NONE: save unsaved changes first; if that fails,
 *   stay open
 * @CERTO_WORKSPACE_CLOSE_DISCARD: drop unsaved changes and the working copy
 *
 * Flags of certo_workspace_close_async().
 */
typedef enum
{
  CERTO_WORKSPACE_CLOSE_NONE    = 0,
  CERTO_WORKSPACE_CLOSE_DISCARD = 1 << 0,
} CertoWorkspaceCloseFlags;

/**
 * CertoRecoverable:
 * @working_copy: the private working copy that holds unsaved changes
 * @uri: the user's file it belongs to
 * @display_name: that file's name for people
 * @organisation: (nullable): the organisation, to tell workspaces apart
 * @opened_at: (nullable): when that session opened the file (ISO 8601 UTC)
 * @changed_at: (nullable): the time of the last unsaved change
 * @original_exists: whether the user's file is still there; if not,
 *   recovering needs a new location ("Save As")
 * @size: the working copy's size on disk, in bytes (with its WAL)
 * @n_edits: how many changes it holds that the file lacks (counted by the
 *   session; may lag by the changes of its last second)
 * @edited_at: (nullable): when the last of them was made (ISO 8601 UTC)
 *
 * A working copy left with unsaved changes by a session that ended
 * without closing (a crash, a power cut), found by
 * certo_workspace_list_recoverable().
 */
typedef struct
{
  char *working_copy;
  char *uri;
  char *display_name;
  char *organisation;
  char *opened_at;
  char *changed_at;
  gboolean original_exists;
  gint64 size;
  guint n_edits;
  char *edited_at;
} CertoRecoverable;

#define CERTO_TYPE_RECOVERABLE (certo_recoverable_get_type ())
GType             certo_recoverable_get_type  (void) G_GNUC_CONST;
CertoRecoverable *certo_recoverable_copy      (const CertoRecoverable *self);
void              certo_recoverable_free      (CertoRecoverable       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoRecoverable, certo_recoverable_free)

#define CERTO_TYPE_WORKSPACE (certo_workspace_get_type ())

G_DECLARE_FINAL_TYPE (CertoWorkspace, certo_workspace, CERTO, WORKSPACE, GObject)

GQuark                 certo_workspace_error_quark              (void);

CertoWorkspace        *certo_workspace_new                      (const char          *data_dir);

/* Opening, saving, closing */
void                   certo_workspace_create_async             (CertoWorkspace      *self,
                                                                 GFile               *file,
                                                                 CertoFramework      *framework,
                                                                 const char          *organisation,
                                                                 const char          *scope,
                                                                 CertoWorkspaceCreateFlags flags,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_create_finish            (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   certo_workspace_open_async               (CertoWorkspace      *self,
                                                                 GFile               *file,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
void                   certo_workspace_open_read_only_async     (CertoWorkspace      *self,
                                                                 GFile               *file,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_get_read_only            (CertoWorkspace      *self);
gboolean               certo_workspace_open_finish              (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   certo_workspace_save_async               (CertoWorkspace      *self,
                                                                 CertoWorkspaceSaveFlags flags,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_save_finish              (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   certo_workspace_save_as_async            (CertoWorkspace      *self,
                                                                 GFile               *file,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_save_as_finish           (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   certo_workspace_flush_async              (CertoWorkspace      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_flush_finish             (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   certo_workspace_close_async              (CertoWorkspace      *self,
                                                                 CertoWorkspaceCloseFlags flags,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_close_finish             (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* After a crash */
GPtrArray             *certo_workspace_list_recoverable         (const char          *data_dir,
                                                                 GError             **error);
void                   certo_workspace_recover_async            (CertoWorkspace      *self,
                                                                 const CertoRecoverable *recoverable,
                                                                 GFile               *save_as,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_recover_finish           (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
gboolean               certo_workspace_discard_recoverable      (const CertoRecoverable *recoverable,
                                                                 GError             **error);
GPtrArray             *certo_workspace_list_recoverable_for     (const char          *data_dir,
                                                                 GFile               *file,
                                                                 GError             **error);

/* Properties */
GFile                 *certo_workspace_get_file                 (CertoWorkspace      *self);
const char            *certo_workspace_get_data_dir             (CertoWorkspace      *self);
gboolean               certo_workspace_get_is_open              (CertoWorkspace      *self);
const char            *certo_workspace_get_organisation         (CertoWorkspace      *self);
gboolean               certo_workspace_set_organisation         (CertoWorkspace      *self,
                                                                 const char          *organisation,
                                                                 GError             **error);
const char            *certo_workspace_get_scope                (CertoWorkspace      *self);
void                   certo_workspace_set_scope                (CertoWorkspace      *self,
                                                                 const char          *scope);
const char            *certo_workspace_get_framework_id         (CertoWorkspace      *self);
const char            *certo_workspace_get_framework_title      (CertoWorkspace      *self);
const char            *certo_workspace_get_edition              (CertoWorkspace      *self);
const char            *certo_workspace_get_created_at           (CertoWorkspace      *self);
const char            *certo_workspace_get_certificate_number   (CertoWorkspace      *self);
void                   certo_workspace_set_certificate_number   (CertoWorkspace      *self,
                                                                 const char          *number);
const char            *certo_workspace_get_certification_body   (CertoWorkspace      *self);
void                   certo_workspace_set_certification_body   (CertoWorkspace      *self,
                                                                 const char          *body);
const char            *certo_workspace_get_certificate_issue_date (CertoWorkspace    *self);
gboolean               certo_workspace_set_certificate_issue_date (CertoWorkspace    *self,
                                                                 const char          *date,
                                                                 GError             **error);
const char            *certo_workspace_get_certificate_expiry_date (CertoWorkspace   *self);
gboolean               certo_workspace_set_certificate_expiry_date (CertoWorkspace   *self,
                                                                 const char          *date,
                                                                 GError             **error);
gboolean               certo_workspace_set_certificate_dates    (CertoWorkspace      *self,
                                                                 const char          *issue_date,
                                                                 const char          *expiry_date,
                                                                 GError             **error);
char                  *certo_workspace_dup_certificate_expiry   (CertoWorkspace      *self,
                                                                 gboolean            *out_is_default);
const char            *certo_workspace_get_user_name            (CertoWorkspace      *self);
void                   certo_workspace_set_user_name            (CertoWorkspace      *self,
                                                                 const char          *user_name);
gboolean               certo_workspace_get_dirty                (CertoWorkspace      *self);
gboolean               certo_workspace_get_saving               (CertoWorkspace      *self);
guint                  certo_workspace_get_save_delay           (CertoWorkspace      *self);
void                   certo_workspace_set_save_delay           (CertoWorkspace      *self,
                                                                 guint                milliseconds);
gint64                 certo_workspace_get_max_evidence_size    (CertoWorkspace      *self);
void                   certo_workspace_set_max_evidence_size    (CertoWorkspace      *self,
                                                                 gint64               bytes);
gboolean               certo_workspace_get_can_undo             (CertoWorkspace      *self);
gboolean               certo_workspace_get_recoverable          (CertoWorkspace      *self);
void                   certo_workspace_set_recoverable          (CertoWorkspace      *self,
                                                                 gboolean             recoverable);

/* What it holds */
GListModel            *certo_workspace_get_requirements         (CertoWorkspace      *self);
GListModel            *certo_workspace_get_evidence             (CertoWorkspace      *self);
GListModel            *certo_workspace_get_audits               (CertoWorkspace      *self);
GListModel            *certo_workspace_get_findings             (CertoWorkspace      *self);
GListModel            *certo_workspace_get_soa_versions         (CertoWorkspace      *self);
CertoRequirementState *certo_workspace_find_requirement         (CertoWorkspace      *self,
                                                                 const char          *key_or_label);
CertoWorkspaceItem    *certo_workspace_find_item                (CertoWorkspace      *self,
                                                                 GType                item_type,
                                                                 gint64               id);
GListModel            *certo_workspace_list_evidence_for        (CertoWorkspace      *self,
                                                                 CertoRequirementState *requirement);
GListModel            *certo_workspace_list_findings_for        (CertoWorkspace      *self,
                                                                 CertoRequirementState *requirement);
CertoSoaVersion       *certo_workspace_get_current_soa_version  (CertoWorkspace      *self);
gboolean               certo_workspace_get_soa_changed_since_approval (CertoWorkspace *self);
char                  *certo_workspace_dup_soa_state            (CertoWorkspace      *self,
                                                                 char             *(*format_date) (const char *iso_date));

/* Editing */
gboolean               certo_workspace_set_field                (CertoWorkspace      *self,
                                                                 GObject             *object,
                                                                 const char          *field,
                                                                 const char          *value,
                                                                 GError             **error);
void                   certo_workspace_begin_changes            (CertoWorkspace      *self);
void                   certo_workspace_end_changes              (CertoWorkspace      *self);
gboolean               certo_workspace_undo                     (CertoWorkspace      *self,
                                                                 GError             **error);
char                  *certo_workspace_dup_undo_description     (CertoWorkspace      *self);
void                   certo_workspace_restore_undo_async       (CertoWorkspace      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
int                    certo_workspace_restore_undo_finish      (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
gboolean               certo_workspace_remove_item              (CertoWorkspace      *self,
                                                                 CertoWorkspaceItem  *item,
                                                                 GError             **error);

void                   certo_workspace_add_evidence_file_async  (CertoWorkspace      *self,
                                                                 GFile               *file,
                                                                 const CertoEvidenceSpec *spec,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
CertoEvidence         *certo_workspace_add_evidence_file_finish (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
CertoEvidence         *certo_workspace_add_evidence_link        (CertoWorkspace      *self,
                                                                 const char          *url,
                                                                 const CertoEvidenceSpec *spec,
                                                                 GError             **error);
CertoEvidence         *certo_workspace_add_evidence_library     (CertoWorkspace      *self,
                                                                 const CertoLibrarySnapshot *snapshot,
                                                                 const CertoEvidenceSpec *spec,
                                                                 GError             **error);
void                   certo_workspace_export_evidence_file_async (CertoWorkspace    *self,
                                                                 CertoEvidence       *evidence,
                                                                 GFile               *destination,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               certo_workspace_export_evidence_file_finish (CertoWorkspace   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
gboolean               certo_workspace_link_evidence            (CertoWorkspace      *self,
                                                                 CertoEvidence       *evidence,
                                                                 CertoRequirementState *requirement,
                                                                 gboolean             linked,
                                                                 GError             **error);
CertoAudit            *certo_workspace_add_audit                (CertoWorkspace      *self,
                                                                 CertoAuditKind       kind,
                                                                 const char          *planned_date,
                                                                 const char          *performed_date,
                                                                 GError             **error);
CertoFinding          *certo_workspace_add_finding              (CertoWorkspace      *self,
                                                                 CertoFindingKind     kind,
                                                                 CertoAudit          *audit,
                                                                 const char          *description,
                                                                 const char * const  *requirement_keys,
                                                                 const char          *due_date,
                                                                 GError             **error);
CertoSoaVersion       *certo_workspace_add_soa_version          (CertoWorkspace      *self,
                                                                 const char          *version,
                                                                 const char          *approver,
                                                                 const char          *approval_date,
                                                                 const char          *notes,
                                                                 GError             **error);

/* History */
void                   certo_workspace_load_history_async       (CertoWorkspace      *self,
                                                                 CertoWorkspaceItem  *item,
                                                                 guint                limit,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GListModel            *certo_workspace_load_history_finish      (CertoWorkspace      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

G_END_DECLS
