/* certo-paths.c — where Certo keeps its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-paths.h"

/**
 * certo_paths_dup_data_dir:
 * @override: (nullable): a folder the user chose (`--data-dir`)
 *
 * The folder for user data that cannot be fetched again — the catalog
 * database, change history, offline documents: @override, else
 * `$CERTO_DATA_DIR`, else `$XDG_DATA_HOME/certo` (XDG Base Directory
 * Specification). The folder is not created here.
 *
 * Returns: (transfer full): an absolute or user-given path
 */
char *
certo_paths_dup_data_dir (const char *override)
{
  const char *env = g_getenv ("CERTO_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "certo", NULL);
}

/**
 * certo_paths_dup_cache_dir:
 * @override: (nullable): a folder the user chose
 *
 * The folder for re-fetchable HTTP leftovers only: @override, else
 * `$CERTO_CACHE_DIR`, else `$XDG_CACHE_HOME/certo`. Removing it loses nothing.
 *
 * Returns: (transfer full): a path
 */
char *
certo_paths_dup_cache_dir (const char *override)
{
  const char *env = g_getenv ("CERTO_CACHE_DIR");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_cache_dir (), "certo", NULL);
}

/**
 * certo_paths_dup_catalog_db:
 * @data_dir: a folder from certo_paths_dup_data_dir()
 *
 * Returns: (transfer full): the path of the catalog database in @data_dir
 */
char *
certo_paths_dup_catalog_db (const char *data_dir)
{
  return g_build_filename (data_dir, "catalog.db", NULL);
}
