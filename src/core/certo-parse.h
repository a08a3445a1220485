/* certo-parse.h — reading catalog sources: checks, format detection, parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-catalog-update.h"

G_BEGIN_DECLS

#define CERTO_PARSE_ERROR (certo_parse_error_quark ())

/**
 * CertoParseError:
 * @CERTO_PARSE_ERROR_EMPTY: the input is empty (or only white space)
 * @CERTO_PARSE_ERROR_TOO_LARGE: the input is over the size cap
 * @CERTO_PARSE_ERROR_BINARY: the input holds NUL bytes: not a text file
 * @CERTO_PARSE_ERROR_NOT_UTF8: the input is text but not UTF-8
 * @CERTO_PARSE_ERROR_TOO_DEEP: JSON nested deeper than %CERTO_PARSE_MAX_DEPTH
 * @CERTO_PARSE_ERROR_INVALID_JSON: JSON syntax error (the message gives line and column)
 * @CERTO_PARSE_ERROR_WRONG_FORMAT: valid JSON or markdown, but not a Certo
 *   catalog feed or a compliance-offering article
 * @CERTO_PARSE_ERROR_NEWER_VERSION: a catalog feed of a version this Certo does not know
 * @CERTO_PARSE_ERROR_NO_CONTENT: an article with none of the expected sections
 * @CERTO_PARSE_ERROR_IO: the file could not be read
 * @CERTO_PARSE_ERROR_NOT_REGULAR: not a regular file: a folder, a named pipe
 *   (FIFO), a device or a socket, which would never end or never come
 * @CERTO_PARSE_ERROR_TRUNCATED: an article that ends in the middle of
 *   something (a link, a tag, a table row) or with a heading and nothing
 *   after it: an incomplete download
 *
 * Errors that make a whole source unusable; the store is left untouched.
 */
typedef enum
{
  CERTO_PARSE_ERROR_EMPTY,
  CERTO_PARSE_ERROR_TOO_LARGE,
  CERTO_PARSE_ERROR_BINARY,
  CERTO_PARSE_ERROR_NOT_UTF8,
  CERTO_PARSE_ERROR_TOO_DEEP,
  CERTO_PARSE_ERROR_INVALID_JSON,
  CERTO_PARSE_ERROR_WRONG_FORMAT,
  CERTO_PARSE_ERROR_NEWER_VERSION,
  CERTO_PARSE_ERROR_NO_CONTENT,
  CERTO_PARSE_ERROR_IO,
  CERTO_PARSE_ERROR_NOT_REGULAR,
  CERTO_PARSE_ERROR_TRUNCATED,
} CertoParseError;

/* 64 MiB: the default cap on any source body (a setting may lower or raise it) */
#define CERTO_PARSE_DEFAULT_MAX_SIZE ((gsize) 64 * 1024 * 1024)

/* json-glib 1.6 overflows the stack near 100,000 levels; real feeds need < 10 */
#define CERTO_PARSE_MAX_DEPTH 64

/* The native feed's version this code reads and writes */
#define CERTO_CATALOG_FEED_VERSION 1

GQuark              certo_parse_error_quark        (void);

char               *certo_parse_dup_display_name   (GFile         *file);
GBytes             *certo_parse_load_file          (GFile         *file,
                                                    gsize          max_size,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
gboolean            certo_parse_check_text         (GBytes        *bytes,
                                                    gsize          max_size,
                                                    const char    *name,
                                                    GError       **error);
gboolean            certo_parse_check_json_depth   (const char    *text,
                                                    gsize          length,
                                                    guint          max_depth,
                                                    const char    *name,
                                                    GError       **error);

CertoCatalogUpdate *certo_parse_source             (GBytes        *bytes,
                                                    const char    *name,
                                                    const char    *base_uri,
                                                    GError       **error);

/* certo-catalog-feed.c */
CertoCatalogUpdate *certo_catalog_feed_parse       (GBytes        *bytes,
                                                    const char    *name,
                                                    GError       **error);
char               *certo_catalog_feed_write       (CertoCatalogUpdate *update);

/* certo-offering-article.c */
CertoCatalogUpdate *certo_offering_article_parse   (GBytes        *bytes,
                                                    const char    *name,
                                                    const char    *base_uri,
                                                    GError       **error);

G_END_DECLS
