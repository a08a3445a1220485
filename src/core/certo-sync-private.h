/* certo-sync-private.h — what certo-sync.c, certo-sync-check.c and
 * certo-sync-source.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-catalog-private.h"
#include "certo-store-private.h"
#include "certo-sync.h"

G_BEGIN_DECLS

/* How many `[!INCLUDE]` lines of one article are read, at most */
#define CERTO_SYNC_MAX_INCLUDES 16

/* Document probes running at once during "Check documents" */
#define CERTO_SYNC_CHECK_CONCURRENCY 4

/* Sources refreshed at once by certo_sync_refresh_all_async() */
#define CERTO_SYNC_REFRESH_CONCURRENCY 3

/* One `[!INCLUDE [title](path)]` line of an article */
typedef struct
{
  gsize   start;      /* the line's bytes in the article, without its newline */
  gsize   end;
  char   *raw;        /* the path as written */
  char   *target;     /* the URL or file path to read; NULL: refused */
  GBytes *content;    /* once read; NULL: the line stays as it is */
} CertoInclude;

void                certo_include_free            (CertoInclude  *include);

GPtrArray          *certo_sync_find_includes      (GBytes        *article,
                                                   const char    *base_url,
                                                   GFile         *base_file,
                                                   GPtrArray     *warnings);
gboolean            certo_sync_read_file_includes (GPtrArray     *includes,
                                                   gsize          max_size,
                                                   GCancellable  *cancellable,
                                                   GPtrArray     *warnings,
                                                   GError       **error);
GBytes             *certo_sync_splice_includes    (GBytes        *article,
                                                   GPtrArray     *includes);
CertoSourceFormat   certo_sync_detect_format      (GBytes        *bytes);
gboolean            certo_sync_check_content_type (const char    *url,
                                                   const char    *content_type,
                                                   GBytes        *body,
                                                   GError       **error);
CertoCatalogUpdate *certo_sync_parse              (GBytes        *bytes,
                                                   CertoSourceFormat format,
                                                   const char    *name,
                                                   const char    *base_uri,
                                                   GError       **error);
char               *certo_sync_dup_host           (const char    *url);

/* certo-sync.c: one refresh or check of one source, which every request
 * for the same made while it runs joins */
typedef enum
{
  CERTO_SYNC_JOB_REFRESH,
  CERTO_SYNC_JOB_CHECK,
} CertoSyncJobKind;

typedef struct
{
  CertoSync        *self;          /* a reference while the job runs */
  CertoSyncJobKind  kind;
  gint64            source_id;
  CertoSource      *source;        /* the catalog's object when the job started */
  GCancellable     *cancellable;   /* cancelled when every caller cancelled */
  GPtrArray        *callers;       /* of Caller (certo-sync.c) */
  CertoSyncSummary *summary;       /* the result, once there is one */
  GError           *error;         /* or the failure */
  gboolean          wrote;         /* the store changed: reload before returning */
  CertoImportFlags  flags;         /* of the caller that started it */
  gpointer          data;          /* the kind's own state */
  GDestroyNotify    data_free;
} CertoSyncJob;

void                certo_sync_request_job        (CertoSync           *self,
                                                   CertoSyncJobKind     kind,
                                                   CertoSource         *source,
                                                   GTask               *task);
void                certo_sync_request_job_full   (CertoSync           *self,
                                                   CertoSyncJobKind     kind,
                                                   CertoSource         *source,
                                                   CertoImportFlags     flags,
                                                   GTask               *task);
void                certo_sync_emit_started       (CertoSync           *self,
                                                   gint64               source_id);
void                certo_sync_job_complete       (CertoSyncJob        *job);
void                certo_sync_job_progress       (CertoSyncJob        *job,
                                                   guint64              received,
                                                   gint64               total);

/* certo-sync-refresh.c */
void                certo_sync_refresh_start      (CertoSyncJob        *job);

/* certo-sync-check.c */
void                certo_sync_check_start        (CertoSyncJob        *job);
void                certo_sync_emit_check_progress (CertoSync          *self,
                                                   guint                done,
                                                   guint                total);

G_END_DECLS
