/* certo-parse.c — reading catalog sources: checks on untrusted input,
 * format detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-parse.h"
#include "certo-text.h"

/* Bytes asked of the stream at a time while loading */
#define READ_CHUNK ((gsize) 64 * 1024)

/* The ceiling of the "max-source-size" setting (1 GiB). The parsers apply
 * it to bytes they are handed; the caller that loaded the bytes has
 * already applied the user's setting, which may be lower. */
#define HARD_MAX_SIZE ((gsize) 1024 * 1024 * 1024)

/* Helpers */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gsize
bom_length (const char *text,
            gsize       length)
{
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    return 3;
  return 0;
}

/* The message of a GIO error without GIO's "Error opening file …:" prefix,
 * which would name the file a second time; the OS's own text (strerror)
 * never holds ": ". */
static const char *
os_message (const GError *error)
{
  const char *colon = strrchr (error->message, ':');

  if (colon != NULL && colon[1] == ' ' && colon[2] != '\0')
    return colon + 2;
  return error->message;
}

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  if (name != NULL)
    g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE,
                 /* Translators: the first %s is a file name or address, the second a size ("64 MiB") */
                 _("“%s” is larger than %s, the largest source Certo reads; ask its publisher for a smaller file or raise the limit in Preferences"),
                 name, limit);
  else
    g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE,
                 /* Translators: %s is a size ("64 MiB") */
                 _("The text is larger than %s, the largest source Certo reads; ask its publisher for a smaller file or raise the limit in Preferences"),
                 limit);
}

/* The first bytes of a UTF-8 sequence (RFC 3629 §4), and nothing after */
static gboolean
is_cut_character (const char *p,
                  gsize       left)
{
  guchar lead = (guchar) p[0];
  gsize need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;

  if (need == 0 || left >= need)
    return FALSE;
  for (gsize i = 1; i < left; i++)
    if (((guchar) p[i] & 0xc0) != 0x80)
      return FALSE;
  return TRUE;
}

/* Line (from 1) and column (in characters, from 1) of a byte offset */
static void
locate_offset (const char *text,
               gsize       offset,
               guint      *out_line,
               guint      *out_column)
{
  const char *line_start = text;
  guint line = 1;

  for (const char *p = text; p < text + offset; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  *out_line = line;
  /* The part of the line before @offset is valid UTF-8: it was validated */
  *out_column = (guint) g_utf8_strlen (line_start, text + offset - line_start) + 1;
}

static gboolean
has_prefix_ascii_nocase (const char *text,
                         gsize       length,
                         const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp (text, prefix, n) == 0;
}

/* An HTML document (WHATWG HTML §13.1): a doctype or the <html> element
 * first; a login page served where a document was expected looks so */
static gboolean
looks_like_html (const char *text,
                 gsize       length)
{
  return has_prefix_ascii_nocase (text, length, "<!doctype html") ||
         has_prefix_ascii_nocase (text, length, "<html") ||
         has_prefix_ascii_nocase (text, length, "<head") ||
         has_prefix_ascii_nocase (text, length, "<body");
}

static gboolean
looks_like_markdown (const char *text,
                     gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  /* YAML front matter: "---" alone on the first line */
  if (length >= 3 && memcmp (text, "---", 3) == 0 &&
      (length == 3 || text[3] == '\n' || text[3] == '\r'))
    return TRUE;

  /* An ATX heading ("# Title", "## In-scope services") at the start of
   * any line (CommonMark §4.2) */
  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      const char *q = p;
      guint hashes = 0;

      if (line_end == NULL)
        line_end = end;
      while (q < line_end && *q == ' ' && q - p < 3)
        q++;
      while (q < line_end && *q == '#' && hashes < 7)
        {
          q++;
          hashes++;
        }
      if (hashes >= 1 && hashes <= 6 && (q == line_end || *q == ' ' || *q == '\t' || *q == '\r'))
        return TRUE;

      p = line_end + 1;
    }

  return FALSE;
}

/* Public API */

/**
 * certo_parse_error_quark:
 *
 * The error domain of %CERTO_PARSE_ERROR: a whole source cannot be used.
 *
 * Returns: the #GQuark "certo-parse-error-quark"
 */
G_DEFINE_QUARK (certo-parse-error-quark, certo_parse_error)

/* What a file that is not a regular one is, for the message */
static const char *
describe_file_type (GFileInfo *info)
{
  guint32 mode;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    /* Translators: completes "“x” is not a regular file (%s)" */
    return _("it is a folder");

  mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);
  switch (mode & 0170000)
    {
    case 0010000:
      /* Translators: completes "“x” is not a regular file (%s)" */
      return _("it is a named pipe");
    case 0020000:
    case 0060000:
      /* Translators: completes "“x” is not a regular file (%s)" */
      return _("it is a device");
    case 0140000:
      /* Translators: completes "“x” is not a regular file (%s)" */
      return _("it is a socket");
    default:
      /* Translators: completes "“x” is not a regular file (%s)" */
      return _("it is a special file");
    }
}

/**
 * certo_parse_dup_display_name:
 * @file: a file
 *
 * The name to show for @file in messages: its path for a local file (as
 * g_filename_display_name() gives it, never a percent-encoded URI, even
 * when the name holds a line break), else its parse name
 * (g_file_get_parse_name()); in both, the characters
 * certo_text_is_unsafe_char() names are escaped ("a\nb.md"), so a name
 * can neither break a one-line message nor move a terminal's cursor.
 *
 * Returns: (transfer full): the name, one line of valid UTF-8
 */
char *
certo_parse_dup_display_name (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    name = g_filename_display_name (path);
  else
    name = g_file_get_parse_name (file);

  return certo_text_escape_unsafe (name);
}

/**
 * certo_parse_load_file:
 * @file: the file to read
 * @max_size: the largest size accepted, in bytes (normally the
 *   "max-source-size" setting, %CERTO_PARSE_DEFAULT_MAX_SIZE by default)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file whole, streaming, and refuses it as soon as more than
 * @max_size bytes have come: a huge file is never read to its end and the
 * size the file system reports is not trusted (it may change while
 * reading, or be unknown, as for a portal document). At most
 * @max_size + 1 bytes are read. Blocks: call it from a worker thread.
 *
 * Only a regular file is read (a symbolic link to one is followed): its
 * type is asked before it is opened, so a named pipe, which would make
 * the open wait for a writer forever, a device such as `/dev/zero`, which
 * never ends, a socket or a folder is refused without being opened.
 *
 * The contents are not checked; hand them to certo_parse_source() or
 * certo_parse_check_text().
 *
 * Errors: %CERTO_PARSE_ERROR_TOO_LARGE (the message gives the limit as
 * g_format_size() writes it, "64.0 MiB"), %CERTO_PARSE_ERROR_NOT_REGULAR for
 * anything but a regular file, %CERTO_PARSE_ERROR_IO when @file cannot be
 * opened or read (the message names the file and gives the system's
 * reason), and %G_IO_ERROR_CANCELLED from @cancellable. Messages name
 * the file as certo_parse_dup_display_name() does.
 *
 * Returns: (transfer full): the contents of @file, or %NULL with @error set
 */
GBytes *
certo_parse_load_file (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = certo_parse_dup_display_name (file);

  /* A GByteArray holds at most G_MAXUINT bytes */
  max_size = MIN (max_size, (gsize) G_MAXUINT - READ_CHUNK);

  /* lstat()/stat() only: opening a named pipe would block until some
   * other program writes to it */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto failed;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR,
                   /* Translators: the first %s is a file name, the second says what it is ("it is a folder") */
                   _("“%s” is not a regular file (%s); choose a catalog (.json) or an article (.md) saved as a file"),
                   display, describe_file_type (info));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;

  data = g_byte_array_new ();
  while (TRUE)
    {
      /* Never ask for more than one byte past the cap */
      gsize left = max_size - MIN (data->len, max_size);
      gsize want = left >= READ_CHUNK ? READ_CHUNK : left + 1;
      guint old_len = data->len;
      gssize n;

      g_byte_array_set_size (data, old_len + want);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + old_len, want,
                               cancellable, &local_error);
      if (n < 0)
        goto failed;

      g_byte_array_set_size (data, old_len + (guint) n);
      if (n == 0)
        break;

      if (data->len > max_size)
        {
          set_too_large (error, display, max_size);
          return NULL;
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, &local_error))
    goto failed;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_IO,
               /* Translators: the first %s is a file name, the second the system's reason ("Permission denied") */
               _("Could not read “%s”: %s; check that the file exists and that you may read it"),
               display, os_message (local_error));
  return NULL;
}

/**
 * certo_parse_check_text:
 * @bytes: the contents of a source
 * @max_size: the largest size accepted, in bytes
 * @name: (nullable): the source's name for messages: a file name or an
 *   address; %NULL for messages about "the text"
 * @error: return location for a #GError
 *
 * The checks every source passes before a parser sees it: not larger than
 * @max_size, not empty, no NUL bytes, valid UTF-8 (RFC 3629; RFC 8259 §8.1
 * requires it of JSON). A UTF-8 byte order mark at the start is accepted
 * (parsers skip it).
 *
 * Errors: %CERTO_PARSE_ERROR_TOO_LARGE; %CERTO_PARSE_ERROR_EMPTY for no
 * bytes ("is empty") or only white space ("contains only white space"); %CERTO_PARSE_ERROR_BINARY for NUL bytes (an
 * image, an archive, a PDF); %CERTO_PARSE_ERROR_NOT_UTF8 with the line,
 * column and byte offset of the first invalid byte (UTF-16 text is named
 * as such); %CERTO_PARSE_ERROR_TRUNCATED when the text ends in the middle
 * of a UTF-8 sequence (a cut-off download). Every message names @name,
 * if given.
 *
 * Returns: %TRUE when @bytes may be parsed
 */
gboolean
certo_parse_check_text (GBytes      *bytes,
                        gsize        max_size,
                        const char  *name,
                        GError     **error)
{
  const char *text;
  const char *invalid = NULL;
  gsize length = 0;
  gsize start;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = g_bytes_get_data (bytes, &length);

  /* Each message exists with and without a name: whole sentences for the
   * translators, never a generic noun put in place of a name */
  if (length > max_size)
    {
      set_too_large (error, name, max_size);
      return FALSE;
    }

  if (length == 0)
    {
      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY,
                     _("“%s” is empty; choose a catalog (.json) or a compliance-offering article (.md) with content"),
                     name);
      else
        g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY,
                             _("The text is empty; choose a catalog (.json) or a compliance-offering article (.md) with content"));
      return FALSE;
    }

  if (length >= 2 && (((guchar) text[0] == 0xff && (guchar) text[1] == 0xfe) ||
                      ((guchar) text[0] == 0xfe && (guchar) text[1] == 0xff)))
    {
      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_UTF8,
                     _("“%s” is UTF-16 text, not UTF-8; save it as UTF-8 and try again"),
                     name);
      else
        g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_UTF8,
                             _("The text is UTF-16, not UTF-8; save it as UTF-8 and try again"));
      return FALSE;
    }

  if (memchr (text, '\0', length) != NULL)
    {
      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_BINARY,
                     _("“%s” is a binary file, not a catalog or an article; choose a .json catalog or a .md article"),
                     name);
      else
        g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_BINARY,
                             _("The content is binary, not a catalog or an article; choose a .json catalog or a .md article"));
      return FALSE;
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      gsize offset = (gsize) (invalid - text);

      /* The first bytes of a character and then the end: a download cut
       * off in the middle of a character, not a file in another encoding */
      if (is_cut_character (invalid, length - offset))
        {
          if (name != NULL)
            g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                         _("“%s” seems cut off (it ends in the middle of a character); download it again"),
                         name);
          else
            g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                                 _("The text seems cut off (it ends in the middle of a character); download it again"));
          return FALSE;
        }

      /* Formatted apart: xgettext cannot read G_GSIZE_FORMAT in a message */
      g_autofree char *offset_text = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
      guint line, column;

      locate_offset (text, offset, &line, &column);
      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_UTF8,
                     /* Translators: "0x%02X" is the byte's value in hexadecimal ("0xE8"); the last %s a number */
                     _("“%s” is not UTF-8 text (byte 0x%02X at line %u, column %u, byte offset %s); save it as UTF-8 and try again"),
                     name, (guchar) *invalid, line, column, offset_text);
      else
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_UTF8,
                     /* Translators: "0x%02X" is the byte's value in hexadecimal ("0xE8"); the last %s a number */
                     _("The text is not UTF-8 (byte 0x%02X at line %u, column %u, byte offset %s); save it as UTF-8 and try again"),
                     (guchar) *invalid, line, column, offset_text);
      return FALSE;
    }

  for (start = bom_length (text, length); start < length; start++)
    if (!is_space (text[start]))
      return TRUE;

  if (name != NULL)
    g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY,
                 _("“%s” contains only white space; choose a catalog (.json) or a compliance-offering article (.md) with content"),
                 name);
  else
    g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY,
                         _("The text contains only white space; choose a catalog (.json) or a compliance-offering article (.md) with content"));
  return FALSE;
}

/**
 * certo_parse_check_json_depth:
 * @text: JSON text (RFC 8259), not necessarily nul-terminated
 * @length: the length of @text in bytes
 * @max_depth: the deepest nesting accepted (%CERTO_PARSE_MAX_DEPTH)
 * @name: the source's name for messages
 * @error: return location for a #GError
 *
 * Refuses arrays and objects nested deeper than @max_depth, in one linear
 * pass that needs no stack, before json-glib sees the text: json-glib 1.6
 * parses recursively and overflows the stack near 100,000 levels. Brackets
 * inside JSON strings (with their backslash escapes, RFC 8259 §7) do not
 * count. The text is not otherwise checked: a syntax error is left to the
 * parser.
 *
 * Errors: %CERTO_PARSE_ERROR_TOO_DEEP, naming @name and the line.
 *
 * Returns: %TRUE when the nesting is within @max_depth
 */
gboolean
certo_parse_check_json_depth (const char  *text,
                              gsize        length,
                              guint        max_depth,
                              const char  *name,
                              GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\')
            i++;            /* the escaped character cannot end the string */
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_DEEP,
                           _("“%s” is nested more than %u levels deep (line %u), far more than a catalog needs; it is damaged or not a catalog"),
                           name, max_depth, line);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * certo_parse_source:
 * @bytes: the contents of a source, from certo_parse_load_file() or the
 *   network client (which applied the size cap)
 * @name: the source's name for messages: a file name or an address
 * @base_uri: (nullable): the address @bytes came from, against which an
 *   article's relative links resolve; %NULL for a local file
 * @error: return location for a #GError
 *
 * Checks @bytes (certo_parse_check_text(), up to 1 GiB, the ceiling of
 * the size setting), detects the format and parses it:
 *
 * - JSON (RFC 8259: the first character after white space is `{`, `[` or
 *   `"`) is read by certo_catalog_feed_parse(); JSON that is not a
 *   certo-catalog feed fails with %CERTO_PARSE_ERROR_WRONG_FORMAT, naming
 *   its "format";
 * - an HTML page (a doctype or `<html>` first: a sign-in page served in
 *   place of a document) fails with %CERTO_PARSE_ERROR_WRONG_FORMAT;
 * - markdown with YAML front matter (`---` on the first line) or ATX
 *   headings (CommonMark §4.2) is read by certo_offering_article_parse();
 * - anything else (plain text) fails with %CERTO_PARSE_ERROR_WRONG_FORMAT.
 *
 * Errors: any #CertoParseError; every message names @name. On error
 * nothing is imported: the caller keeps its cached catalog as it was.
 *
 * Returns: (transfer full): the validated update, or %NULL with @error set
 */
CertoCatalogUpdate *
certo_parse_source (GBytes      *bytes,
                    const char  *name,
                    const char  *base_uri,
                    GError     **error)
{
  const char *text;
  gsize length = 0;
  gsize start;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!certo_parse_check_text (bytes, HARD_MAX_SIZE, name, error))
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  start = bom_length (text, length);
  while (start < length && is_space (text[start]))
    start++;

  switch (text[start])
    {
    case '{':
    case '[':
    case '"':
      return certo_catalog_feed_parse (bytes, name, error);

    default:
      break;
    }

  /* A markdown file may open with an HTML comment; a web page opens with
   * its doctype or <html> */
  if (looks_like_html (text + start, length - start))
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("“%s” is a web page, not a catalog or an article; if it is a sign-in page, open the address in a browser and save the document from there"),
                   name);
      return NULL;
    }

  if (looks_like_markdown (text + bom_length (text, length), length - bom_length (text, length)))
    return certo_offering_article_parse (bytes, name, base_uri, error);

  g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
               _("“%s” is neither a Certo catalog nor a compliance-offering article; choose a .json catalog feed or an offering .md article"),
               name);
  return NULL;
}
