/* certo-catalog-feed-private.h — what the native feed's reader
 * (certo-catalog-feed.c) and writer (certo-catalog-feed-write.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The member "format" of every native feed */
#define CERTO_CATALOG_FEED_FORMAT "certo-catalog"

G_END_DECLS
