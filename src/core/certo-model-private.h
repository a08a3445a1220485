/* certo-model-private.h — the model objects' fields, for the store that
 * fills them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store builds up to hundreds of thousands of these on its worker
 * thread; setting fifteen GObject properties per row would cost more than
 * reading the row. So the store creates each object with a bare
 * g_object_new() and fills the fields below directly, then hands the
 * objects over whole. After that they are immutable, which makes them safe
 * to share between threads and lets the getters return borrowed pointers.
 *
 * Fields marked (refstring) hold a GRefString shared between objects of one
 * load (many documents have the same issuer or family): release them with
 * g_ref_string_release(), never g_free().
 */
#pragma once

#include "certo-change.h"
#include "certo-document.h"
#include "certo-environment.h"
#include "certo-family.h"
#include "certo-offline-document.h"
#include "certo-service.h"
#include "certo-source.h"
#include "certo-standard.h"

G_BEGIN_DECLS

struct _CertoSource
{
  GObject parent_instance;

  gint64 id;
  char *key;
  CertoSourceKind kind;
  CertoSourceFormat format;
  char *name;
  char *location;
  char *publisher;
  CertoLocalized *title;   /* nullable */
  char *homepage;
  char *content_date;
  char *content_hash;
  char *last_refresh;
  char *last_error;
  guint n_documents;
  guint n_services;
  /* schema 2 */
  char *last_checked;
  char *etag;
  char *last_modified;
  char *retry_after;       /* not before, ISO 8601 UTC */
  CertoSourceFormat requested_format;
  guint n_withdrawn;
  char *feed_id;           /* nullable: the content's identity */
  gint64 replaced_by;      /* a built-in source: the user source with its feed id, or 0 */

  char *sort_key;          /* only while the store sorts */
};

struct _CertoStandard
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *key;
  char *name;
  char *url;

  char *sort_key;
};

struct _CertoFamily
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *key;
  CertoLocalized *name_localized;
  const char *name;        /* borrowed from name_localized */
  char *publisher;         /* (refstring) nullable */
  guint n_documents;

  char *sort_key;
  guint rank;              /* position in the sorted families */
};

struct _CertoService
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *key;
  CertoLocalized *name_localized;
  const char *name;        /* borrowed from name_localized */
  char *url;
  gint64 *family_ids;
  guint n_family_ids;
  char *families_label;    /* (refstring) nullable */
  guint n_documents;
  char *search_text;

  char *sort_key;
};

struct _CertoDocument
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *key;
  CertoDocumentKind kind;
  const char *kind_label;  /* static, translated */
  CertoLocalized *title_localized;
  const char *title;       /* borrowed from title_localized */
  gint64 family_id;        /* 0 for none */
  char *family_name;       /* (refstring) nullable */
  gint64 *standard_ids;
  guint n_standard_ids;
  char *standards_label;   /* (refstring) nullable */
  gint64 *service_ids;
  guint n_service_ids;
  char **service_names;    /* nullable: no unmatched names */
  char *issuer;            /* (refstring) nullable */
  char *certificate_number;
  char *issued;            /* (refstring) nullable */
  char *expires;           /* (refstring) nullable */
  char **urls;             /* never empty once loaded */
  char *language;          /* (refstring) nullable */
  char *search_text;
  /* schema 2 */
  char *withdrawn_at;      /* nullable: left its source, kept while saved offline */
  char *updated_at;        /* nullable: last changed by a sync or a check */
  gboolean updated;        /* updated_at within CERTO_DOCUMENT_UPDATED_DAYS of the load */
  char *checked;           /* nullable: when a check last probed it */
  char *remote_type;       /* (refstring) nullable: the content type a check saw */
  gint64 remote_size;      /* -1: unknown */

  char *sort_key;
  guint family_rank;
};

struct _CertoEnvironment
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *key;
  CertoLocalized *name_localized;
  const char *name;        /* borrowed from name_localized */
  gint64 family_id;        /* 0 for none */
  char *family_name;       /* (refstring) nullable */
  char **service_names;    /* nullable */
  char *search_text;       /* folded names, and the family's */
  char **folded_service_names; /* nullable: certo_text_fold() of each of service_names */

  char *sort_key;
  guint family_rank;
};

struct _CertoChange
{
  GObject parent_instance;

  gint64 id;               /* negative for a first-import summary (minus the run id) */
  gint64 run_id;
  CertoChangeKind kind;
  gint64 source_id;
  char *source_name;
  char *date;              /* ISO 8601 UTC */
  char *key;
  gint64 document_id;      /* 0: none, or no longer in the catalog */
  gint64 service_id;
  CertoLocalized *title_localized;   /* nullable */
  const char *title;       /* borrowed from title_localized, or the key */
  guint count;
  CertoFieldChange *fields;
  guint n_fields;
};

struct _CertoOfflineDocument
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;      /* 0: the document is no longer in the catalog */
  gint64 source_id;
  char *document_key;
  CertoLocalized *title_localized;   /* nullable */
  const char *title;       /* borrowed, or the file name */
  char *file_name;         /* relative to the offline folder */
  char *path;              /* absolute; set by CertoOffline */
  guint64 size;
  char *sha256;
  char *content_type;
  char *source_url;
  gboolean attached;
  char *added;
  char *etag;
  char *last_modified;
};

/* An empty, NULL-terminated vector for getters that never return NULL */
extern const char * const certo_model_empty_strv[];

/* certo-source.c */
CertoSourceKind    certo_source_kind_from_string   (const char         *text);
CertoSourceFormat  certo_source_format_from_string (const char         *text);

G_END_DECLS
