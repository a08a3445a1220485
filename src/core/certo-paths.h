/* certo-paths.h — where Certo keeps its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *certo_paths_dup_data_dir   (const char *override);
char *certo_paths_dup_cache_dir  (const char *override);
char *certo_paths_dup_catalog_db (const char *data_dir);

G_END_DECLS
