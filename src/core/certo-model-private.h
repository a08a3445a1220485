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

#include "certo-document.h"
#include "certo-environment.h"
#include "certo-family.h"
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

  char *sort_key;
  guint family_rank;
};

/* An empty, NULL-terminated vector for getters that never return NULL */
extern const char * const certo_model_empty_strv[];

/* certo-source.c */
CertoSourceKind    certo_source_kind_from_string   (const char         *text);
CertoSourceFormat  certo_source_format_from_string (const char         *text);

G_END_DECLS
