/* certo-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *certo_test_shared_path   (const char *relative);
gboolean  certo_test_skip_unless_shared (const char *relative);
char     *certo_test_data_path     (const char *relative);
GBytes   *certo_test_load_bytes    (const char *path);
char     *certo_test_file_sha256   (const char *path);
char     *certo_test_dir_digest    (const char *dir);
void      certo_test_wait_async    (GAsyncResult **result);

G_END_DECLS
