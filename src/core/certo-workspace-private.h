/* certo-workspace-private.h — shared by the workspace's source files only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certo-workspace.c          the object: properties, lists, edits, undo, autosave
 * certo-workspace-edit.c     tracked edits, undo, history
 * certo-workspace-records.c  evidence, audits, findings, SoA versions added
 * certo-workspace-jobs.c     what runs on the worker: open, create, write, save, close
 * certo-workspace-schema.c   the schema as entities, its migrations, the checks
 * certo-workspace-db.c       loading rows, generic writes
 * certo-workspace-file.c     the user's file: read in, checked, written back whole
 * certo-workspace-copy.c     the private working copy on disk, its sidecar, recovery
 * certo-workspace-item.c     change tracking of the item objects, values as text
 */
#pragma once

#include <sys/stat.h>

#include "certo-paths.h"
#include "certo-sqlite.h"
#include "certo-util-private.h"
#include "certo-workspace.h"
#include "certo-workspace-migrate.h"

G_BEGIN_DECLS

/* Values as text (certo-workspace-item.c) */
char     *_certo_value_to_string              (const GValue  *value);
gboolean  _certo_value_from_string            (GParamSpec    *pspec,
                                               const char    *text,
                                               GValue        *value,
                                               GError       **error);
char     *_certo_object_dup_property_string   (GObject       *object,
                                               GParamSpec    *pspec);

/* Change tracking (certo-workspace-item.c) */
char     *_certo_workspace_item_begin_change  (gpointer       object,
                                               GParamSpec    *pspec);
void      _certo_workspace_item_end_change    (gpointer       object,
                                               GParamSpec    *pspec,
                                               char          *old_value);
void      _certo_workspace_item_set_workspace (CertoWorkspaceItem *self,
                                               CertoWorkspace     *workspace);
CertoWorkspace *_certo_workspace_item_get_workspace (CertoWorkspaceItem *self);
void      _certo_workspace_item_set_removed   (CertoWorkspaceItem *self,
                                               gboolean            removed);
void      _certo_workspace_item_set_string    (gpointer       object,
                                               GParamSpec    *pspec,
                                               char         **field,
                                               const char    *value);
gboolean  _certo_workspace_item_set_date      (gpointer       object,
                                               GParamSpec    *pspec,
                                               char         **field,
                                               const char    *value,
                                               GError       **error);
gboolean  _certo_workspace_item_set_keys      (gpointer             object,
                                               GParamSpec          *pspec,
                                               char              ***field,
                                               const char * const  *keys,
                                               GError             **error);
gboolean  _certo_workspace_check_date         (const char    *date,
                                               GError       **error);
char     *_certo_workspace_clean_text         (const char    *text,
                                               gboolean       multiline);
gboolean  _certo_workspace_text_is_blank      (const char    *text);
gboolean  _certo_workspace_field_is_multiline (gpointer       object,
                                               GParamSpec    *pspec);
gboolean  _certo_evidence_check_period        (const char          *effective,
                                               const char          *expiry,
                                               GError             **error);
gboolean  _certo_workspace_check_finding      (const char          *description,
                                               const char * const  *keys,
                                               GError             **error);
void      _certo_workspace_item_set_int       (gpointer       object,
                                               GParamSpec    *pspec,
                                               int           *field,
                                               int            value);
void      _certo_requirement_state_set_n_evidence (CertoRequirementState *self,
                                                   guint                  n_evidence);

/* The workspace, main thread (certo-workspace.c) */
void      _certo_workspace_record_change      (CertoWorkspace *self,
                                               gpointer        object,
                                               GParamSpec     *pspec,
                                               const char     *old_value);
CertoRequirementState *_certo_workspace_lookup_key (CertoWorkspace *self,
                                                    const char     *key);
char    **_certo_workspace_sort_keys          (CertoWorkspace     *self,
                                               const char * const *keys);
gboolean  _certo_workspace_is_undoing         (CertoWorkspace     *self);
gboolean  _certo_workspace_validate_field     (CertoWorkspace     *self,
                                               GParamSpec         *pspec,
                                               const GValue       *value,
                                               GError            **error);

/* The Statement of Applicability's content, as its exports show it
 * (certo-workspace-fields.c) */
char     *_certo_workspace_dup_soa_fingerprint (CertoWorkspace    *self);
void      _certo_soa_version_set_content_sha256 (CertoSoaVersion  *self,
                                                 const char       *sha256);

/* A file the user chose, read only if it is a regular file
 * (certo-workspace-file.c): a named pipe or a device is refused before
 * anything could block on it */
typedef struct _CertoRegularFile CertoRegularFile;

CertoRegularFile *_certo_regular_file_open      (GFile             *file,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
gssize    _certo_regular_file_read              (CertoRegularFile  *in,
                                                 guint8            *buffer,
                                                 gsize              length,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
gint64    _certo_regular_file_get_size          (CertoRegularFile  *in);
const char *_certo_regular_file_get_display_name (CertoRegularFile *in);
void      _certo_regular_file_close             (CertoRegularFile  *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoRegularFile, _certo_regular_file_close)
gboolean  _certo_check_writable_destination     (GFile             *destination,
                                                 GError           **error);
char     *_certo_format_size_pair               (gint64            size,
                                                 gint64            limit,
                                                 char            **out_limit);

/* Entities: the tables behind the objects (certo-workspace-schema.c) */
typedef enum
{
  CERTO_ENTITY_WORKSPACE,
  CERTO_ENTITY_REQUIREMENT,
  CERTO_ENTITY_EVIDENCE,
  CERTO_ENTITY_AUDIT,
  CERTO_ENTITY_FINDING,
  CERTO_ENTITY_SOA_VERSION,
  CERTO_N_ENTITIES
} CertoEntityId;

typedef enum
{
  CERTO_FIELD_EDITABLE = 1 << 0,   /* a tracked edit; else fixed once made */
  CERTO_FIELD_LINK     = 1 << 1,   /* requirement keys, kept in the link table */
  CERTO_FIELD_INTEGER  = 1 << 2,   /* an INTEGER column (booleans too) */
  CERTO_FIELD_MULTILINE = 1 << 3,  /* text that keeps line breaks and tabs */
  CERTO_FIELD_HIDDEN   = 1 << 4,   /* kept by Certo itself: never set by name */
} CertoFieldFlags;

typedef struct
{
  const char      *property;
  const char      *column;
  CertoFieldFlags  flags;
} CertoField;

typedef struct
{
  CertoEntityId      id;
  const char        *name;          /* in the history: "requirement" */
  const char        *table;
  GType            (*get_type) (void);
  const CertoField  *fields;
  guint              n_fields;
  const char        *link_table;    /* NULL, or "evidence_requirement" */
  const char        *link_column;   /* "evidence_id" */
  const char        *order_by;
} CertoEntity;

/* The fields of the workspace entity, in the order of its field table */
typedef enum
{
  CERTO_WS_ORGANISATION,
  CERTO_WS_SCOPE,
  CERTO_WS_CERTIFICATE_NUMBER,
  CERTO_WS_CERTIFICATION_BODY,
  CERTO_WS_CERTIFICATE_ISSUE_DATE,
  CERTO_WS_CERTIFICATE_EXPIRY_DATE,
  CERTO_WS_FRAMEWORK_ID,
  CERTO_WS_FRAMEWORK_TITLE,
  CERTO_WS_EDITION,
  CERTO_WS_CREATED_AT,
  CERTO_WS_N_FIELDS
} CertoWorkspaceField;

const CertoEntity *_certo_entity_get            (CertoEntityId       id);
const CertoEntity *_certo_entity_for_object     (gpointer            object);
const CertoEntity *_certo_entity_for_type       (GType               type);
const CertoField  *_certo_entity_find_field     (const CertoEntity  *entity,
                                                 const char         *property);

/* Rows handed from the worker to the main thread */
typedef struct
{
  char      **workspace_values;              /* one per workspace field */
  GPtrArray  *items[CERTO_N_ENTITIES];       /* objects, in order; [0] unused */
  gint64      max_ids[CERTO_N_ENTITIES];
  gint64      schema_version;                /* of the file as it was read */
} CertoWorkspaceSnapshot;

void      _certo_workspace_values_free        (char                  **values);
void      _certo_workspace_snapshot_free      (CertoWorkspaceSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoWorkspaceSnapshot, _certo_workspace_snapshot_free)

/* A change as the worker writes it */
typedef struct
{
  const CertoEntity *entity;
  const CertoField  *field;       /* NULL for an insert */
  gint64             id;
  char              *value;       /* update: the new value as text */
  char             **values;      /* insert: one per entity field */
  /* the history row */
  char              *action;
  char              *entity_name;
  char              *old_value;
  char              *new_value;
  char              *user;
  char              *timestamp;
  gint64             undo_group;  /* the undo step it belongs to; 0: none */
} CertoWorkspaceChange;

void      _certo_workspace_change_free        (CertoWorkspaceChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoWorkspaceChange, _certo_workspace_change_free)

/* Worker only (certo-workspace-schema.c: check, prepare; certo-workspace-db.c) */
gboolean  _certo_workspace_db_check           (CertoSqlite        *sqlite,
                                               const char         *display_name,
                                               gint64             *out_version,
                                               GError            **error);
gboolean  _certo_workspace_db_prepare         (CertoSqlite        *sqlite,
                                               gint64              version,
                                               GError            **error);
gboolean  _certo_workspace_db_create          (CertoSqlite        *sqlite,
                                               const char * const *workspace_values,
                                               GPtrArray          *requirements,
                                               GError            **error);
CertoWorkspaceSnapshot *_certo_workspace_db_load (CertoSqlite     *sqlite,
                                                  GError         **error);
gboolean  _certo_workspace_db_apply           (CertoSqlite        *sqlite,
                                               const CertoWorkspaceChange *change,
                                               GError            **error);
gboolean  _certo_workspace_db_add_history     (CertoSqlite        *sqlite,
                                               const CertoWorkspaceChange *change,
                                               GError            **error);
gboolean  _certo_workspace_db_set_links       (CertoSqlite        *sqlite,
                                               const CertoEntity  *entity,
                                               gint64              id,
                                               const char         *keys,
                                               GError            **error);
GPtrArray *_certo_workspace_db_load_history   (CertoSqlite        *sqlite,
                                               const char         *entity,
                                               gint64              entity_id,
                                               guint               limit,
                                               GError            **error);
gboolean  _certo_workspace_db_purge_removed   (sqlite3            *db,
                                               gboolean           *out_purged,
                                               GError            **error);

/* The files (certo-workspace-file.c, certo-workspace-copy.c) */

/**
 * CertoWorkingCopy:
 *
 * A session's private files in `<data dir>/workspaces/`: BASE.certo (the
 * working copy, WAL mode), BASE.json (what it belongs to, whether it has
 * unsaved changes), BASE.lock (held with flock() while the session lives).
 * BASE is KEY-SESSION, KEY derived from the user file's URI, so every
 * session of one file is found by its KEY.
 */
typedef struct
{
  char    *dir;
  char    *key;
  char    *base;
  char    *db_path;
  char    *sidecar_path;
  char    *lock_path;
  int      lock_fd;

  /* What the sidecar says */
  char    *target_path;
  char    *target_uri;
  char    *display_name;
  char    *organisation;
  char    *opened_at;
  char    *changed_at;
  char    *edited_at;          /* the last unsaved change */
  guint    n_edits;            /* unsaved changes since the last save */
  gint64   sidecar_written_at; /* monotonic µs */
  guint    sidecar_n_edits;    /* n_edits as the sidecar has it */
  gboolean dirty;
  gboolean recoverable;        /* FALSE: a CLI session, dropped if it dies */
  char    *scratch_dir;        /* a read-only snapshot's own folder, removed with it */

  /* The user's file as Certo last read or wrote it */
  gboolean have_target_stat;
  dev_t    target_dev;
  ino_t    target_ino;
  off_t    target_size;
  gint64   target_mtime_ns;
} CertoWorkingCopy;

CertoWorkingCopy *_certo_working_copy_new       (const char        *data_dir,
                                                 const char        *target_path,
                                                 GError           **error);
CertoWorkingCopy *_certo_working_copy_adopt     (const char        *db_path,
                                                 GError           **error);
void      _certo_working_copy_free              (CertoWorkingCopy  *wc);
void      _certo_working_copy_set_target        (CertoWorkingCopy  *wc,
                                                 const char        *target_path);
gboolean  _certo_working_copy_lock              (CertoWorkingCopy  *wc,
                                                 GError           **error);
void      _certo_working_copy_unlock            (CertoWorkingCopy  *wc);
gboolean  _certo_working_copy_write_sidecar     (CertoWorkingCopy  *wc,
                                                 GError           **error);
void      _certo_working_copy_note_edit         (CertoWorkingCopy  *wc);
void      _certo_working_copy_sync_counts       (CertoWorkingCopy  *wc);
void      _certo_working_copy_sweep             (const char        *dir,
                                                 const char        *key);
void      _certo_workspace_file_remove_temporaries (const char     *target_path);
void      _certo_working_copy_remove_files      (CertoWorkingCopy  *wc);
gboolean  _certo_working_copy_copy_in           (CertoWorkingCopy  *wc,
                                                 GError           **error);
gboolean  _certo_working_copy_publish           (CertoWorkingCopy  *wc,
                                                 const char        *temp_db,
                                                 gboolean           overwrite,
                                                 GError           **error);
void      _certo_working_copy_record_target     (CertoWorkingCopy  *wc,
                                                 const struct stat *st);
gboolean  _certo_workspace_file_check_header    (const guint8      *header,
                                                 gsize              length,
                                                 gint64             file_size,
                                                 const char        *display_name,
                                                 GError           **error);
char     *_certo_workspace_dup_target_path      (GFile             *file,
                                                 GError           **error);
char     *_certo_workspace_dup_workspaces_dir   (const char        *data_dir);
char     *_certo_workspace_file_display_name_of (const char        *path);
gint64    _certo_workspace_file_mtime_ns        (const struct stat *st);

/* The workspace object, shared by certo-workspace.c, -session.c, -edit.c,
 * -records.c */
typedef struct
{
  gint64   group;         /* unique across sessions (history.undo_group) */
  GObject *object;        /* NULL: the workspace itself */
  char    *property;
  char    *old_value;
  char    *new_value;
} CertoUndoStep;

struct _CertoWorkspace
{
  GObject parent_instance;

  char *data_dir;
  CertoSqlite *sqlite;
  GMainContext *context;

  GFile *file;
  char *working_copy;
  gboolean is_open;
  gboolean busy;
  gboolean closing;

  char *values[CERTO_WS_N_FIELDS];
  char *user_name;

  GListStore *lists[CERTO_N_ENTITIES];   /* [0] unused */
  GHashTable *items[CERTO_N_ENTITIES];   /* gint64 id → item; [0] unused */
  GHashTable *by_key;                    /* key → CertoRequirementState */
  GHashTable *by_label;                  /* display label, upper case → same */
  gint64 next_id[CERTO_N_ENTITIES];

  GQueue undo;                           /* of CertoUndoStep, newest last */
  gint64 undo_serial;                    /* starts at the session's start, in µs */
  guint n_undo_groups;                   /* distinct groups in @undo */
  guint group_depth;
  gint64 open_group;
  gint64 undoing_group;                  /* the group certo_workspace_undo() reverts */
  gboolean in_undo;
  gboolean recoverable;                  /* FALSE: nothing kept after a crash */
  gboolean read_only;                    /* a snapshot: never saved */

  guint save_delay;
  gint64 max_evidence_size;
  guint64 change_seq;
  guint64 saved_seq;
  gint64 first_unsaved_at;
  GSource *save_source;
  guint saves_in_flight;
  gboolean dirty;
};

typedef enum
{
  WS_PROP_0,
  WS_PROP_DATA_DIR,
  WS_PROP_FILE,
  WS_PROP_IS_OPEN,
  WS_PROP_ORGANISATION,
  WS_PROP_SCOPE,
  WS_PROP_CERTIFICATE_NUMBER,
  WS_PROP_CERTIFICATION_BODY,
  WS_PROP_CERTIFICATE_ISSUE_DATE,
  WS_PROP_CERTIFICATE_EXPIRY_DATE,
  WS_PROP_FRAMEWORK_ID,
  WS_PROP_FRAMEWORK_TITLE,
  WS_PROP_EDITION,
  WS_PROP_CREATED_AT,
  WS_PROP_USER_NAME,
  WS_PROP_DIRTY,
  WS_PROP_SAVING,
  WS_PROP_SAVE_DELAY,
  WS_PROP_MAX_EVIDENCE_SIZE,
  WS_PROP_CAN_UNDO,
  WS_PROP_RECOVERABLE,
  WS_N_PROPS
} CertoWorkspaceProperty;

/* The workspace fields, as properties: WS_PROP_ORGANISATION + CERTO_WS_* */
G_STATIC_ASSERT (WS_PROP_CREATED_AT - WS_PROP_ORGANISATION == CERTO_WS_CREATED_AT);

void        _certo_workspace_notify          (CertoWorkspace *self,
                                              guint           prop_id);
GParamSpec *_certo_workspace_get_pspec      (guint           prop_id);
gint64     *_certo_workspace_id_key          (gint64          id);
const char *_certo_workspace_effective_user  (CertoWorkspace *self);
gboolean    _certo_workspace_check_open      (CertoWorkspace *self,
                                              GError        **error);
void        _certo_workspace_set_dirty       (CertoWorkspace *self,
                                              gboolean        dirty);
void        _certo_workspace_emit_failure    (CertoWorkspace *self,
                                              const GError   *error);
void        _certo_workspace_set_value       (CertoWorkspace *self,
                                              guint           field,
                                              char           *value);
void        _certo_workspace_queue_write     (CertoWorkspace       *self,
                                              CertoWorkspaceChange *change);
void        _certo_workspace_mark_changed    (CertoWorkspace *self);
void        _certo_workspace_schedule_save   (CertoWorkspace *self);
void        _certo_workspace_cancel_save     (CertoWorkspace *self);
void        _certo_workspace_undo_step_free  (gpointer        step);
void        _certo_workspace_recount_evidence (CertoWorkspace *self);
int         _certo_workspace_compare_by_id   (gconstpointer   a,
                                              gconstpointer   b,
                                              gpointer        user_data);

/* certo-workspace-edit.c, for certo-workspace-records.c: a change to
 * write, and new items added to memory, their list and the worker's queue */
void                  _certo_workspace_push_undo   (CertoWorkspace *self,
                                                    gint64          group,
                                                    GObject        *object,
                                                    const char     *property,
                                                    const char     *old_value,
                                                    const char     *new_value);
gint64                _certo_workspace_reserve_undo_group (CertoWorkspace *self);
CertoWorkspaceChange *_certo_workspace_new_change  (CertoWorkspace    *self,
                                                    const CertoEntity *entity,
                                                    gint64             id,
                                                    const char        *action,
                                                    char              *entity_name);
char                **_certo_workspace_dup_values  (GObject           *object,
                                                    const CertoEntity *entity);
void                  _certo_workspace_attach_item (CertoWorkspace     *self,
                                                    CertoWorkspaceItem *item);
void                  _certo_workspace_insert_item (CertoWorkspace     *self,
                                                    CertoWorkspaceItem *item);

/* Jobs: what runs on the worker (certo-workspace-jobs.c) */
typedef struct _CertoWorkspaceSeed CertoWorkspaceSeed;

typedef struct
{
  char          *data_dir;
  GFile         *file;              /* open, create: the user's file */
  char          *recover_path;      /* recover: the working copy */
  GFile         *save_as;           /* recover: a new home, or NULL */
  gboolean       replace;           /* create: replace an existing file */
  gboolean       recoverable;       /* open, create: kept after a crash */
  gboolean       read_only;         /* open: a snapshot, never saved */
  char         **workspace_values;  /* create: CERTO_WS_N_FIELDS texts */
  GPtrArray     *requirements;      /* create: CertoRequirementState, ids from 1 */
  CertoWorkspaceSeed *seed;         /* create: a migration's data, or NULL */
  /* out */
  char          *target_path;
  char          *working_copy;
} CertoOpenRequest;

typedef struct
{
  GFile    *save_as;          /* NULL: the current file */
  gboolean  overwrite;
  guint64   seq;              /* the change counter when queued */
  char     *target_path;      /* out */
} CertoSaveRequest;

typedef struct
{
  CertoWorkspaceChange *change;  /* an insert of the evidence row */
  GFile                *source;
  gint64                max_size;
  /* out */
  char                 *file_name;
  char                 *content_type;
  char                 *sha256;
  gint64                size;
} CertoAddFileRequest;

typedef struct
{
  gint64  id;
  char   *sha256;
  GFile  *destination;
} CertoExportRequest;

typedef struct
{
  char   *entity;
  gint64  entity_id;
  guint   limit;
} CertoHistoryRequest;

/* One history row that can be undone in a later session
 * (certo-workspace-undo.c) */
typedef struct
{
  gint64  group;
  char   *action;
  char   *entity;
  gint64  entity_id;
  char   *field;
  char   *old_value;
  char   *new_value;
} CertoUndoRow;

void       _certo_undo_row_free            (CertoUndoRow *row);
GPtrArray *_certo_workspace_db_load_undo   (CertoSqlite  *sqlite,
                                            guint         max_groups,
                                            GError      **error);

void      _certo_open_request_free         (CertoOpenRequest    *request);
void      _certo_save_request_free         (CertoSaveRequest    *request);
void      _certo_add_file_request_free     (CertoAddFileRequest *request);
void      _certo_export_request_free       (CertoExportRequest  *request);
void      _certo_history_request_free      (CertoHistoryRequest *request);

gpointer  _certo_workspace_worker_new      (void);
void      _certo_workspace_worker_free     (gpointer             worker);

/* Each returns on its task: open/create/recover a CertoWorkspaceSnapshot,
 * history a GPtrArray, the others a boolean */
void      _certo_workspace_job_open        (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_create      (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_recover     (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_write       (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_save        (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_add_file    (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_export_file (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_history     (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_flush       (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_load_undo   (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);
void      _certo_workspace_job_close       (CertoSqlite *sqlite, GTask *task, gpointer data, GCancellable *cancellable);

/* Migration (certo-workspace-migrate.c), for certo_workspace_create_async() */
struct _CertoWorkspaceSeed
{
  GHashTable *requirement_values;   /* key → GHashTable property → text */
  char       *source_db;            /* working copy of the 2013 workspace */
  GHashTable *evidence_keys;        /* evidence id (gint64*) → "k1,k2" */
  GHashTable *finding_keys;         /* finding id → "k1,k2" */
  char      **workspace_values;     /* certificate, one per workspace field */
  char       *history_note;           /* the history row: where it came from */
  char       *user;
  GPtrArray  *decisions;            /* (element-type GStrv) key, label, message:
                                     * each decision, in the history of its requirement */
};

void      _certo_workspace_seed_free            (CertoWorkspaceSeed *seed);
void      _certo_workspace_create_seeded_async  (CertoWorkspace      *self,
                                                 GFile               *file,
                                                 CertoFramework      *framework,
                                                 const char          *organisation,
                                                 const char          *scope,
                                                 CertoWorkspaceCreateFlags flags,
                                                 CertoWorkspaceSeed  *seed,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char     *_certo_workspace_dup_working_copy_path (CertoWorkspace     *self);
gboolean  _certo_workspace_db_apply_seed        (CertoSqlite         *sqlite,
                                                 const CertoWorkspaceSeed *seed,
                                                 GError             **error);

G_END_DECLS
