/* certo-catalog-private.h — the catalog's fields, and hooks for tests and
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-catalog.h"

G_BEGIN_DECLS

/* Shared by certo-catalog.c (imports), certo-catalog-load.c and
 * certo-catalog-query.c */
struct _CertoCatalog
{
  GObject parent_instance;

  CertoStore *store;
  gboolean loaded;
  char *builtin_path;               /* nullable */

  CertoCatalogSnapshot *snapshot;   /* what the models show */
  GListStore *sources;
  GListStore *standards;
  GListStore *families;
  GListStore *services;
  GListStore *documents;
  GListStore *environments;
  GListStore *changes;

  /* row id → object, borrowed from the snapshot */
  GHashTable *source_ids;
  GHashTable *standard_ids;
  GHashTable *family_ids;
  GHashTable *service_ids;
  GHashTable *document_ids;
  GHashTable *environment_ids;
  GHashTable *keys;                 /* key → first object with it */

  guint max_source_size;            /* bytes a file import reads at most */
};

/* certo-catalog.c: shows @snapshot (transfer full) in the models, one
 * items-changed per model (certo-catalog-load.c uses it too) */
void certo_catalog_apply_snapshot (CertoCatalog         *self,
                                   CertoCatalogSnapshot *snapshot);

/* certo-catalog.c: a #GAsyncReadyCallback of certo_catalog_reload_async()
 * that returns the outcome, a boolean, on @user_data (a #GTask, transfer
 * full) */
void certo_catalog_reload_return_cb (GObject      *object,
                                     GAsyncResult *result,
                                     gpointer      user_data);

/* Where certo_catalog_load_async() finds the built-in catalogs: a
 * GResource folder whose *.json files are imported as "builtin:<name>".
 * %NULL: none (tests that want only their own fixtures). */
void certo_catalog_set_builtin_path (CertoCatalog *self,
                                     const char   *resource_path);

G_END_DECLS
