/* certo-store-load-private.h — the state of one load of the whole
 * catalog, shared by certo-store-load.c (rows into objects) and
 * certo-store-load-finish.c (derived values, sorting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-model-private.h"
#include "certo-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  CertoSqlite  *db;
  GCancellable *cancellable;
  CertoCatalogSnapshot *snapshot;

  /* row id → object, borrowed from the snapshot's arrays */
  GHashTable *sources;
  GHashTable *standards;
  GHashTable *families;
  GHashTable *services;
  GHashTable *documents;

  GHashTable *strings;          /* text → GRefString, shared by objects */
  GHashTable *service_families; /* CertoService → GArray of family ids */
  GHashTable *folded;           /* object or text → certo_text_fold() of its names */
  char *updated_since;          /* documents updated since then show as updated */
  GHashTable *hidden;           /* ids of built-in sources a user source replaces */
} Loader;

/* certo-store-load.c */
char    *certo_store_loader_pool_string (Loader     *loader,
                                         const char *text);
gpointer certo_store_loader_lookup_id   (GHashTable *table,
                                         gint64      id);

/* certo-store-load-finish.c */
void     certo_store_loader_find_replaced (Loader *loader);
void     certo_store_loader_finish        (Loader *loader);

G_END_DECLS
