/* certo-sync-source.c — reading a source's content: content types,
 * format detection, `[!INCLUDE]` lines, parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Includes are read only from the article's own folder (DESIGN.md,
 * "Network"): an include whose path leads anywhere else — a parent or
 * child folder, another host, another scheme — is refused, and its line
 * stays as it is. Includes are one level deep: an include's own
 * `[!INCLUDE]` lines are never followed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-client-private.h"
#include "certo-parse.h"
#include "certo-sync-private.h"

/* Helpers */

/* The path of `[!INCLUDE [title](path)]`, or NULL when @line is not one */
static char *
include_path (const char *line,
              gsize       length)
{
  g_autofree char *copy = g_strndup (line, length);
  char *p = g_strstrip (copy);
  char *open;
  char *close;

  while (*p == '>')
    p = g_strchug (p + 1);
  if (g_ascii_strncasecmp (p, "[!INCLUDE", strlen ("[!INCLUDE")) != 0)
    return NULL;

  open = strstr (p, "](");
  if (open == NULL)
    return NULL;
  close = strchr (open + 2, ')');
  if (close == NULL || close == open + 2)
    return NULL;

  return g_strstrip (g_strndup (open + 2, close - open - 2));
}

static char *
dirname_of_path (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? g_strndup (path, slash - path + 1) : g_strdup ("/");
}

/* The URL of @raw, when it lies in the folder of @base_url */
static char *
resolve_web_include (const char *base_url,
                     const char *raw)
{
  g_autoptr(GUri) base = g_uri_parse (base_url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) target = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *target_dir = NULL;

  if (base == NULL || g_uri_peek_scheme (raw) != NULL || *raw == '/' || strstr (raw, "//") != NULL)
    return NULL;

  target = g_uri_parse_relative (base, raw, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL || g_uri_get_query (target) != NULL ||
      g_strcmp0 (g_uri_get_scheme (target), g_uri_get_scheme (base)) != 0 ||
      g_strcmp0 (g_uri_get_host (target), g_uri_get_host (base)) != 0 ||
      g_uri_get_port (target) != g_uri_get_port (base))
    return NULL;

  /* Dot segments are gone after resolution (RFC 3986 §5.2.4) */
  base_dir = dirname_of_path (g_uri_get_path (base));
  target_dir = dirname_of_path (g_uri_get_path (target));
  if (!g_str_equal (base_dir, target_dir) || g_str_has_suffix (g_uri_get_path (target), "/"))
    return NULL;

  return g_uri_to_string_partial (target, G_URI_HIDE_FRAGMENT);
}

/* The path of @raw, when it names a file in the folder of @base_file */
static char *
resolve_file_include (GFile      *base_file,
                      const char *raw)
{
  g_autoptr(GFile) dir = g_file_get_parent (base_file);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) target_dir = NULL;
  const char *name = raw;

  while (g_str_has_prefix (name, "./"))
    name += 2;
  if (dir == NULL || *name == '\0' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
      g_str_equal (name, "..") || g_str_equal (name, ".") || g_uri_peek_scheme (name) != NULL)
    return NULL;

  target = g_file_get_child (dir, name);
  target_dir = g_file_get_parent (target);
  if (target_dir == NULL || !g_file_equal (target_dir, dir))
    return NULL;

  return g_file_get_path (target);
}

/* Private API (certo-sync-private.h) */

void
certo_include_free (CertoInclude *include)
{
  if (include == NULL)
    return;

  g_free (include->raw);
  g_free (include->target);
  g_clear_pointer (&include->content, g_bytes_unref);
  g_free (include);
}

/* The include lines of @article (at most CERTO_SYNC_MAX_INCLUDES), each
 * resolved against the article's URL (@base_url) or file (@base_file);
 * refused ones have no target and add a warning */
GPtrArray *
certo_sync_find_includes (GBytes     *article,
                          const char *base_url,
                          GFile      *base_file,
                          GPtrArray  *warnings)
{
  GPtrArray *includes = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_include_free);
  gsize length = 0;
  const char *text = g_bytes_get_data (article, &length);
  gsize at = 0;

  while (at < length && includes->len < CERTO_SYNC_MAX_INCLUDES)
    {
      const char *nl = memchr (text + at, '\n', length - at);
      gsize end = nl != NULL ? (gsize) (nl - text) : length;
      g_autofree char *raw = NULL;

      /* Cheap test first: most lines have no "[!" at all */
      if (memchr (text + at, '[', end - at) != NULL &&
          (raw = include_path (text + at, end - at)) != NULL)
        {
          CertoInclude *include = g_new0 (CertoInclude, 1);

          include->start = at;
          include->end = end > at && text[end - 1] == '\r' ? end - 1 : end;
          include->raw = g_steal_pointer (&raw);
          if (base_url != NULL)
            include->target = resolve_web_include (base_url, include->raw);
          else if (base_file != NULL)
            include->target = resolve_file_include (base_file, include->raw);

          if (include->target == NULL && warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("The include “%s” is outside the article’s folder; Certo reads includes only from there, so the article was read without it"),
                                              include->raw));
          g_ptr_array_add (includes, include);
        }

      at = end + 1;
    }

  return includes;
}

/* Reads the includes of a local article (blocks: a worker thread). A
 * missing include is a warning; any other failure fails the sync. */
gboolean
certo_sync_read_file_includes (GPtrArray     *includes,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               GPtrArray     *warnings,
                               GError       **error)
{
  gsize total = 0;

  for (guint i = 0; i < includes->len; i++)
    {
      CertoInclude *include = g_ptr_array_index (includes, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;

      if (include->target == NULL)
        continue;

      file = g_file_new_for_path (include->target);
      include->content = certo_parse_load_file (file, max_size - MIN (total, max_size), cancellable, &local_error);
      if (include->content == NULL)
        {
          if (g_error_matches (local_error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_IO) &&
              !g_file_query_exists (file, cancellable))
            {
              g_ptr_array_add (warnings,
                               g_strdup_printf (_("The include “%s” was not found; the article was read without it"),
                                                include->raw));
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      total += g_bytes_get_size (include->content);
    }

  return TRUE;
}

/* The article with each include line that was read replaced by the
 * include's text */
GBytes *
certo_sync_splice_includes (GBytes    *article,
                            GPtrArray *includes)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (article, &length);
  GString *out;
  gsize at = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < includes->len && !any; i++)
    any = ((CertoInclude *) g_ptr_array_index (includes, i))->content != NULL;
  if (!any)
    return g_bytes_ref (article);

  out = g_string_sized_new (length + 4096);
  for (guint i = 0; i < includes->len; i++)
    {
      CertoInclude *include = g_ptr_array_index (includes, i);
      gsize n = 0;
      const char *content;

      if (include->content == NULL)
        continue;

      g_string_append_len (out, text + at, include->start - at);
      content = g_bytes_get_data (include->content, &n);
      /* A byte-order mark inside the article would not be white space */
      if (n >= 3 && memcmp (content, "\xef\xbb\xbf", 3) == 0)
        {
          content += 3;
          n -= 3;
        }
      g_string_append_len (out, content, n);
      at = include->end;
    }
  g_string_append_len (out, text + at, length - at);

  return g_string_free_to_bytes (out);
}

/* JSON opens with one of these (RFC 8259); anything else is read as an
 * article, whose parser says so when it is not one */
CertoSourceFormat
certo_sync_detect_format (GBytes *bytes)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  gsize i = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (text[i]))
    i++;

  if (i < length && (text[i] == '{' || text[i] == '['))
    return CERTO_SOURCE_FORMAT_CATALOG;

  return CERTO_SOURCE_FORMAT_ARTICLE;
}

char *
certo_sync_dup_host (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url != NULL ? url : "");

  return g_strdup (g_uri_get_host (uri));
}

static gboolean
is_html (const char *type)
{
  return g_strcmp0 (type, "text/html") == 0 || g_strcmp0 (type, "application/xhtml+xml") == 0;
}

/* A feed or an article comes as JSON, markdown or some text; a web page in
 * its place is a sign-in page (RFC 9110 §8.3 for Content-Type) */
gboolean
certo_sync_check_content_type (const char  *url,
                               const char  *content_type,
                               GBytes      *body,
                               GError     **error)
{
  static const char * const accepted[] = {
    "application/json", "text/json", "text/plain", "text/markdown", "text/x-markdown",
    "application/octet-stream", "binary/octet-stream", "application/x-yaml", "text/yaml",
  };
  g_autofree char *host = certo_sync_dup_host (url);
  gsize length = 0;
  const char *text = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  gsize i = 0;

  while (text != NULL && i < length && g_ascii_isspace (text[i]))
    i++;
  if (is_html (content_type) ||
      (text != NULL && length - i >= 5 &&
       (g_ascii_strncasecmp (text + i, "<!doc", 5) == 0 || g_ascii_strncasecmp (text + i, "<html", 5) == 0)))
    {
      certo_client_set_sign_in (host, CERTO_REQUEST_SOURCE, error);
      return FALSE;
    }

  if (content_type == NULL || g_str_has_suffix (content_type, "+json"))
    return TRUE;
  for (guint j = 0; j < G_N_ELEMENTS (accepted); j++)
    if (g_str_equal (content_type, accepted[j]))
      return TRUE;

  g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_UNEXPECTED_TYPE,
               /* Translators: the first %s is a host name, the second a media type ("image/png") */
               _("%s sent a file of type “%s” where a catalog (JSON) or an article (markdown) was expected; check the address of the source"),
               host, content_type);
  return FALSE;
}

/* Parses with the format the user chose, else the detected one; blocks */
CertoCatalogUpdate *
certo_sync_parse (GBytes             *bytes,
                  CertoSourceFormat   format,
                  const char         *name,
                  const char         *base_uri,
                  GError            **error)
{
  switch (format)
    {
    case CERTO_SOURCE_FORMAT_CATALOG:
      return certo_catalog_feed_parse (bytes, name, error);
    case CERTO_SOURCE_FORMAT_ARTICLE:
      return certo_offering_article_parse (bytes, name, base_uri, error);
    case CERTO_SOURCE_FORMAT_AUTO:
    default:
      return certo_parse_source (bytes, name, base_uri, error);
    }
}
