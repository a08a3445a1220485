/* certo-catalog-feed.c — the native catalog feed, JSON version 1: the
 * reader (the writer: certo-catalog-feed-write.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "certo-catalog-feed-private.h"
#include "certo-parse.h"

/* Caps on counts: far above any real catalog (Microsoft's has < 200
 * documents), low enough that a hostile feed cannot make the store insert
 * without end. A 64 MiB body holds at most about 1.5 million tiny entries. */
#define MAX_ENTRIES ((guint) 1000000)

/* The ceiling of the "max-source-size" setting (1 GiB); the caller that
 * loaded the bytes applied the user's setting, which may be lower. */
#define HARD_MAX_SIZE ((gsize) 1024 * 1024 * 1024)

/* One kind of entry in the feed's top-level lists: the translated texts
 * that name it in warnings. */
typedef struct
{
  const char *member;      /* "documents" */
  const char *not_object;  /* "Skipped document number %u: it is not a JSON object" */
  const char *label_id;    /* "Document “%s”" */
  const char *label_index; /* "Document number %u" */
} EntryKind;

static const EntryKind standard_kind = {
  "standards",
  N_("Skipped standard number %u: it is not a JSON object"),
  /* Translators: names an entry at the start of a warning; %s is its id */
  N_("Standard “%s”"),
  /* Translators: names an entry that has no id, by its position (from 1) */
  N_("Standard number %u"),
};

static const EntryKind family_kind = {
  "families",
  N_("Skipped family number %u: it is not a JSON object"),
  N_("Family “%s”"),
  N_("Family number %u"),
};

static const EntryKind service_kind = {
  "services",
  N_("Skipped service number %u: it is not a JSON object"),
  N_("Service “%s”"),
  N_("Service number %u"),
};

static const EntryKind environment_kind = {
  "environments",
  N_("Skipped environment number %u: it is not a JSON object"),
  N_("Environment “%s”"),
  N_("Environment number %u"),
};

static const EntryKind document_kind = {
  "documents",
  N_("Skipped document number %u: it is not a JSON object"),
  N_("Document “%s”"),
  N_("Document number %u"),
};

/* The state of one parse: the update being filled and the label that
 * names the entry being read in warnings ("Document “x”") */
typedef struct
{
  CertoCatalogUpdate *update;
  const char *name;
  char *label;
  guint repaired;           /* texts with unpaired surrogates, repaired */
} Reader;

/* Helpers: reading */

/* Warnings name the entry being read; the formats are translated literals */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static void
set_label (Reader     *reader,
           const char *format,
           ...)
{
  va_list args;

  g_free (reader->label);
  va_start (args, format);
  reader->label = g_strdup_vprintf (format, args);
  va_end (args);
}

#pragma GCC diagnostic pop

static void
warn_not_text (Reader     *reader,
               const char *member)
{
  certo_catalog_update_add_warning (reader->update,
                                    /* Translators: the first %s names the entry ("Document “x”"), the second is a JSON member name */
                                    _("%s: ignored its “%s”, which is not text"),
                                    reader->label, member);
}

static void
warn_not_list (Reader     *reader,
               const char *member)
{
  certo_catalog_update_add_warning (reader->update,
                                    /* Translators: the first %s names the entry ("Document “x”"), the second is a JSON member name */
                                    _("%s: ignored its “%s”, which is not a list"),
                                    reader->label, member);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Untrusted text quoted in a message: valid UTF-8, one line (control
 * characters and line separators become spaces), at most @max_chars
 * characters */
static char *
one_line (const char *text,
          guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* A copy of a JSON string as valid UTF-8. json-glib 1.6 turns an
 * unpaired surrogate escape ("\ud800", which RFC 8259 §8.2 leaves
 * undefined) into bytes that are not UTF-8; those become U+FFFD. */
static char *
dup_text (Reader     *reader,
          const char *text)
{
  if (G_LIKELY (g_utf8_validate (text, -1, NULL)))
    return g_strdup (text);

  reader->repaired++;
  return g_utf8_make_valid (text, -1);
}

/* A member that is absent, or JSON null, is no value; an empty string is
 * no value either (the writer leaves empty members out). */
static char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!node_is_string (node))
    {
      warn_not_text (reader, member);
      return NULL;
    }

  value = json_node_get_string (node);
  return *value != '\0' ? dup_text (reader, value) : NULL;
}

/* A language tag as RFC 5646 §2.1 shapes it (well-formed, not checked
 * against the registry): a primary subtag of 2–8 letters (or "x"/"i"),
 * then subtags of 1–8 letters and digits. "_" is taken for "-", as POSIX
 * locales write it. "" is the unknown language. */
static gboolean
is_language_tag (const char *tag)
{
  const char *p = tag;
  guint n = 0;

  if (*tag == '\0')
    return TRUE;

  while (g_ascii_isalpha (*p))
    {
      p++;
      n++;
    }
  if (n > 8 || n == 0 || (n == 1 && g_ascii_tolower (*tag) != 'x' && g_ascii_tolower (*tag) != 'i'))
    return FALSE;

  while (*p != '\0')
    {
      if (*p != '-' && *p != '_')
        return FALSE;
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n == 0 || n > 8)
        return FALSE;
    }

  return TRUE;
}

/* A localized string: a plain string, or an object of BCP 47 tags */
static CertoLocalized *
read_localized (Reader     *reader,
                JsonObject *object,
                const char *member)
{
  g_autoptr(CertoLocalized) value = NULL;
  JsonNode *node = json_object_get_member (object, member);
  JsonObjectIter iter;
  const char *lang;
  JsonNode *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (node_is_string (node))
    {
      g_autofree char *plain = NULL;

      if (*json_node_get_string (node) == '\0')
        return NULL;
      plain = dup_text (reader, json_node_get_string (node));
      return certo_localized_new_plain (plain);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      certo_catalog_update_add_warning (reader->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is a JSON member name */
                                        _("%s: ignored its “%s”, which is neither text nor an object of language tags"),
                                        reader->label, member);
      return NULL;
    }

  value = certo_localized_new ();
  /* In the feed's order, so warnings come in the order of the text */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &lang, &text))
    {
      if (!is_language_tag (lang))
        {
          g_autofree char *shown = one_line (lang, 40);

          certo_catalog_update_add_warning (reader->update,
                                            /* Translators: the first %s names the entry ("Document “x”"), the second is a language tag, the third a JSON member name */
                                            _("%s: ignored the text for “%s” in its “%s”, which is not a BCP 47 language tag"),
                                            reader->label, shown, member);
          continue;
        }
      if (!node_is_string (text))
        {
          certo_catalog_update_add_warning (reader->update,
                                            /* Translators: the first %s names the entry ("Document “x”"), the second is a language tag, the third a JSON member name */
                                            _("%s: ignored the value for “%s” in its “%s”, which is not text"),
                                            reader->label, lang, member);
          continue;
        }
      if (*json_node_get_string (text) != '\0')
        {
          g_autofree char *valid = dup_text (reader, json_node_get_string (text));

          certo_localized_set (value, lang, valid);
        }
    }

  if (certo_localized_get_n_values (value) == 0)
    return NULL;

  return g_steal_pointer (&value);
}

static gboolean
check_count (Reader      *reader,
             JsonArray   *array,
             const char  *member,
             GError     **error)
{
  guint n = json_array_get_length (array);

  if (n <= MAX_ENTRIES)
    return TRUE;

  g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE,
               /* Translators: "%s" after "in" is a JSON member name ("documents") */
               _("The catalog “%s” has %u entries in a “%s” list, more than the %u Certo reads; ask its publisher to split it"),
               reader->name, n, member, MAX_ENTRIES);
  return FALSE;
}

/* Appends the non-empty strings of a list member to @out, skipping those
 * already there. FALSE only for a list over the count cap. */
static gboolean
read_string_list (Reader      *reader,
                  JsonObject  *object,
                  const char  *member,
                  GPtrArray   *out,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  gboolean bad_item = FALSE;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      warn_not_list (reader, member);
      return TRUE;
    }

  array = json_node_get_array (node);
  if (!check_count (reader, array, member, error))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *value = NULL;
      gboolean present = FALSE;

      if (!node_is_string (item))
        {
          bad_item = TRUE;
          continue;
        }

      if (*json_node_get_string (item) == '\0')
        continue;
      value = dup_text (reader, json_node_get_string (item));

      /* Lists are short (a few services per document): a linear look */
      for (guint j = 0; j < out->len && !present; j++)
        present = g_str_equal (g_ptr_array_index (out, j), value);
      if (!present)
        g_ptr_array_add (out, g_steal_pointer (&value));
    }

  if (bad_item)
    certo_catalog_update_add_warning (reader->update,
                                      /* Translators: the first %s names the entry ("Document “x”"), the second is a JSON member name */
                                      _("%s: ignored the items of its “%s” list that are not text"),
                                      reader->label, member);
  return TRUE;
}

static gboolean
all_digits (const char *text,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A full date "YYYY-MM-DD" (RFC 3339 §5.6 full-date) that exists in the
 * calendar */
static gboolean
is_full_date (const char *text)
{
  if (!(all_digits (text, 4) && text[4] == '-' && all_digits (text + 5, 2) &&
        text[7] == '-' && all_digits (text + 8, 2)))
    return FALSE;

  return g_date_valid_dmy ((GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                           (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                           (GDateYear) g_ascii_strtoull (text, NULL, 10));
}

/* Accepts "YYYY-MM-DD" or an RFC 3339 §5.6 date-time
 * ("2020-02-07T00:00:00Z", "2020-02-07T10:30:00.5+01:00"); returns the
 * date-time with "T" and "Z" upper case, as g_date_time_new_from_iso8601()
 * wants them, or NULL. */
static char *
normalize_date (const char *text)
{
  g_autofree char *upper = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  gsize len = strlen (text);
  const char *p;

  if (len < 10 || !is_full_date (text))
    return NULL;
  if (len == 10)
    return g_strdup (text);

  /* time: "THH:MM:SS", optional fraction, then "Z" or "+HH:MM" */
  if (len < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !all_digits (text + 11, 2) || text[13] != ':' || !all_digits (text + 14, 2) ||
      text[16] != ':' || !all_digits (text + 17, 2))
    return NULL;

  p = text + 19;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (!((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') &&
      !((p[0] == '+' || p[0] == '-') && all_digits (p + 1, 2) && p[3] == ':' &&
        all_digits (p + 4, 2) && p[6] == '\0'))
    return NULL;

  upper = g_ascii_strup (text, -1);
  upper[10] = 'T';
  parsed = g_date_time_new_from_iso8601 (upper, NULL);
  if (parsed == NULL)
    return NULL;

  return g_steal_pointer (&upper);
}

static char *
read_date (Reader     *reader,
           JsonObject *object,
           const char *member)
{
  g_autofree char *text = read_string (reader, object, member);
  char *date;

  if (text == NULL)
    return NULL;

  date = normalize_date (text);
  if (date == NULL)
    {
      g_autofree char *shown = one_line (text, 80);

      certo_catalog_update_add_warning (reader->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is a JSON member name, the third the value */
                                        _("%s: ignored its “%s” date “%s”, which is not a YYYY-MM-DD date or an RFC 3339 date and time"),
                                        reader->label, member, shown);
    }
  return date;
}

/* Reads an entry's id quietly and names the entry for the warnings that
 * follow. The id's own problems are reported by the update's validation. */
static char *
begin_entry (Reader          *reader,
             const EntryKind *kind,
             JsonObject      *object,
             guint            index)
{
  JsonNode *node = json_object_get_member (object, "id");
  char *id = NULL;

  if (node != NULL && node_is_string (node) && *json_node_get_string (node) != '\0')
    id = dup_text (reader, json_node_get_string (node));

  if (id != NULL)
    {
      g_autofree char *shown = one_line (id, 120);

      set_label (reader, _(kind->label_id), shown);
    }
  else
    {
      set_label (reader, _(kind->label_index), index + 1);
    }

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !node_is_string (node))
    warn_not_text (reader, "id");

  return id;
}

static gpointer
read_standard (Reader      *reader,
               JsonObject  *object,
               guint        index,
               GError     **error)
{
  CertoUpdateStandard *standard = certo_update_standard_new ();

  standard->id = begin_entry (reader, &standard_kind, object, index);
  standard->name = read_string (reader, object, "name");
  standard->url = read_string (reader, object, "url");
  return standard;
}

static gpointer
read_family (Reader      *reader,
             JsonObject  *object,
             guint        index,
             GError     **error)
{
  CertoUpdateFamily *family = certo_update_family_new ();

  family->id = begin_entry (reader, &family_kind, object, index);
  family->name = read_localized (reader, object, "name");
  return family;
}

static gpointer
read_service (Reader      *reader,
              JsonObject  *object,
              guint        index,
              GError     **error)
{
  g_autoptr(CertoUpdateService) service = certo_update_service_new ();

  service->id = begin_entry (reader, &service_kind, object, index);
  service->name = read_localized (reader, object, "name");
  if (!read_string_list (reader, object, "families", service->families, error))
    return NULL;
  service->url = read_string (reader, object, "url");
  return g_steal_pointer (&service);
}

static gpointer
read_environment (Reader      *reader,
                  JsonObject  *object,
                  guint        index,
                  GError     **error)
{
  g_autoptr(CertoUpdateEnvironment) environment = certo_update_environment_new ();

  environment->id = begin_entry (reader, &environment_kind, object, index);
  environment->name = read_localized (reader, object, "name");
  environment->family = read_string (reader, object, "family");
  if (!read_string_list (reader, object, "services", environment->service_names, error))
    return NULL;
  return g_steal_pointer (&environment);
}

static gpointer
read_document (Reader      *reader,
               JsonObject  *object,
               guint        index,
               GError     **error)
{
  g_autoptr(CertoUpdateDocument) document = certo_update_document_new ();
  g_autofree char *kind = NULL;
  g_autofree char *url = NULL;
  g_autofree char *language = NULL;

  document->id = begin_entry (reader, &document_kind, object, index);

  kind = read_string (reader, object, "kind");
  if (kind == NULL && document->id != NULL)
    {
      certo_catalog_update_add_warning (reader->update,
                                        _("Skipped document “%s”: it has no kind"),
                                        document->id);
      return NULL;
    }
  /* An unknown kind is kept as "other": feeds may grow new kinds */
  certo_document_kind_from_string (kind, &document->kind);

  document->title = read_localized (reader, object, "title");
  document->family = read_string (reader, object, "family");
  if (!read_string_list (reader, object, "standards", document->standards, error) ||
      !read_string_list (reader, object, "services", document->services, error) ||
      !read_string_list (reader, object, "service_names", document->service_names, error))
    return NULL;
  document->issuer = read_string (reader, object, "issuer");
  document->certificate_number = read_string (reader, object, "certificate_number");
  document->issued = read_date (reader, object, "issued");
  document->expires = read_date (reader, object, "expires");

  /* "url" is the primary link; "urls" lists them all */
  url = read_string (reader, object, "url");
  if (url != NULL)
    g_ptr_array_add (document->urls, g_steal_pointer (&url));
  if (!read_string_list (reader, object, "urls", document->urls, error))
    return NULL;

  language = read_string (reader, object, "language");
  if (language != NULL && !is_language_tag (language))
    {
      g_autofree char *shown = one_line (language, 40);

      certo_catalog_update_add_warning (reader->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is the value */
                                        _("%s: ignored its language “%s”, which is not a BCP 47 language tag"),
                                        reader->label, shown);
    }
  else
    {
      document->language = g_steal_pointer (&language);
    }

  return g_steal_pointer (&document);
}

typedef gpointer (*ReadEntry) (Reader *reader, JsonObject *object, guint index, GError **error);

/* Reads one of the top-level lists into @out. FALSE only for a list
 * over the count cap, which fails the whole feed. @error must not be NULL. */
static gboolean
read_entries (Reader           *reader,
              JsonObject       *root,
              const EntryKind  *kind,
              ReadEntry         read,
              GPtrArray        *out,
              GError          **error)
{
  JsonNode *node = json_object_get_member (root, kind->member);
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_label (reader, "%s", _("Catalog"));
      warn_not_list (reader, kind->member);
      return TRUE;
    }

  array = json_node_get_array (node);
  if (!check_count (reader, array, kind->member, error))
    return FALSE;

  n = json_array_get_length (array);
  g_ptr_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          certo_catalog_update_add_warning (reader->update, _(kind->not_object), i + 1);
#pragma GCC diagnostic pop
          continue;
        }

      /* NULL: the entry was skipped, or, with @error set, a list in it is
       * over the count cap */
      entry = read (reader, json_node_get_object (element), i, error);
      if (entry != NULL)
        g_ptr_array_add (out, entry);
      else if (*error != NULL)
        return FALSE;
    }

  return TRUE;
}

/* Describes a JSON value that is not a catalog, for the WRONG_FORMAT error */
static void
set_not_a_catalog (GError     **error,
                   const char  *name,
                   JsonNode    *root)
{
  JsonNode *format = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("“%s” is JSON but not a Certo catalog (it is a list, not an object); choose a file in the certo-catalog format"),
                   name);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("“%s” is JSON but not a Certo catalog (it is a single value, not an object); choose a file in the certo-catalog format"),
                   name);
      return;
    }

  format = json_object_get_member (json_node_get_object (root), "format");
  if (format == NULL)
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("“%s” is JSON but not a Certo catalog (it has no “format” member); choose a file in the certo-catalog format"),
                   name);
    }
  else if (node_is_string (format))
    {
      g_autofree char *shown = one_line (json_node_get_string (format), 80);

      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   /* Translators: the second %s is the file's "format" value */
                   _("“%s” is JSON but not a Certo catalog (its “format” is “%s”); choose a file in the certo-catalog format"),
                   name, shown);
    }
  else
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("“%s” is JSON but not a Certo catalog (its “format” is not text); choose a file in the certo-catalog format"),
                   name);
    }
}

/* FALSE with @error set unless the feed's "version" is one this code reads */
static gboolean
check_version (JsonObject  *root,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");
  gint64 version = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        version = json_node_get_int (node);
      else if (type == G_TYPE_DOUBLE && json_node_get_double (node) == (gint64) json_node_get_double (node))
        version = (gint64) json_node_get_double (node);   /* 2.0 is 2: JSON has one number type */
    }

  if (version > CERTO_CATALOG_FEED_VERSION)
    {
      /* Formatted apart: xgettext cannot read G_GINT64_FORMAT in a message */
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NEWER_VERSION,
                   /* Translators: the second %s is a number */
                   _("The catalog “%s” was written for a newer Certo (format version %s); update Certo to read it"),
                   name, version_text);
      return FALSE;
    }

  if (version < 1)
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT,
                   _("The catalog “%s” has no valid format “version” (a whole number, 1 for this Certo); ask its publisher for a corrected file"),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* The line and column json-glib 1.6 puts at the start of its messages
 * ("<data>:3:14: Parse error: …", a translated format), and the rest of
 * the message. Read by hand: the message may quote invalid UTF-8, which
 * GRegex refuses. */
static void
split_json_error (const char  *message,
                  guint       *out_line,
                  guint       *out_column,
                  const char **out_detail)
{
  const char *p = strchr (message, ':');
  const char *label_end;
  char *end = NULL;
  guint64 line, column;

  *out_line = 0;
  *out_column = 0;
  *out_detail = message;

  if (p == NULL || !g_ascii_isdigit (p[1]))
    return;
  line = g_ascii_strtoull (p + 1, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return;
  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end[0] != ':' || end[1] != ' ')
    return;

  *out_line = (guint) MIN (line, G_MAXUINT);
  *out_column = (guint) MIN (column, G_MAXUINT);
  *out_detail = end + 2;

  /* Drop the "Parse error: " label: short, and before any quoted token */
  label_end = strstr (*out_detail, ": ");
  if (label_end != NULL && label_end - *out_detail < 40 &&
      memchr (*out_detail, '`', label_end - *out_detail) == NULL &&
      memchr (*out_detail, '"', label_end - *out_detail) == NULL)
    *out_detail = label_end + 2;
}

/* Public API: reading */

/**
 * certo_catalog_feed_parse:
 * @bytes: a native catalog feed, JSON version 1
 * @name: the feed's name for messages: a file name or an address
 * @error: return location for a #GError
 *
 * Reads a native catalog feed (DESIGN.md, "Native catalog feed, JSON,
 * version 1"; schema in `data/certo-catalog.schema.json`). The text is
 * checked first (certo_parse_check_text(), up to 1 GiB, the ceiling of
 * the size setting: the caller that loaded @bytes applied the user's own
 * limit), then its nesting (certo_parse_check_json_depth() with
 * %CERTO_PARSE_MAX_DEPTH), and only then parsed by json-glib (RFC 8259).
 *
 * A bad *feed* fails as a whole. A bad *entry* — a member of the wrong
 * type, a document with no kind, an entry that is not an object, an
 * invalid date (neither "YYYY-MM-DD" nor an RFC 3339 date-time), a
 * localized string with members that are not text or keys that are not
 * BCP 47 tags (RFC 5646), then everything certo_catalog_update_validate()
 * checks — is skipped or trimmed with a warning that names it. Unknown
 * members are ignored, so newer feeds of the same version still load; an
 * unknown `kind` is kept as %CERTO_DOCUMENT_KIND_OTHER. Dates are kept as
 * written, with a date-time's "T" and "Z" in upper case.
 *
 * Errors: those of certo_parse_check_text() and
 * certo_parse_check_json_depth(); %CERTO_PARSE_ERROR_INVALID_JSON with
 * the line and column of the syntax error; %CERTO_PARSE_ERROR_WRONG_FORMAT
 * for JSON that is not a certo-catalog feed, or has no valid "version";
 * %CERTO_PARSE_ERROR_NEWER_VERSION for a version above
 * %CERTO_CATALOG_FEED_VERSION; %CERTO_PARSE_ERROR_TOO_LARGE for a list of
 * more than 1,000,000 entries. Every message names @name.
 *
 * Returns: (transfer full): the validated update, with its warnings, or
 *   %NULL with @error set
 */
CertoCatalogUpdate *
certo_catalog_feed_parse (GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  Reader reader = { NULL, name, NULL };
  JsonObject *root;
  JsonNode *format;
  const char *text;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!certo_parse_check_text (bytes, HARD_MAX_SIZE, name, error))
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (!certo_parse_check_json_depth (text, length, CERTO_PARSE_MAX_DEPTH, name, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &json_error))
    {
      guint line, column;
      const char *detail;

      g_autofree char *shown = NULL;

      split_json_error (json_error->message, &line, &column, &detail);
      /* json-glib quotes the offending token, which may span lines */
      shown = one_line (detail, 160);
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_INVALID_JSON,
                   /* Translators: the last %s is the parser's own description of the error */
                   _("The catalog “%s” is not valid JSON (line %u, column %u): %s; ask its publisher for a corrected file"),
                   name, line, column, shown);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_not_a_catalog (error, name, json_parser_get_root (parser));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_member (root, "format");
  if (format == NULL || !node_is_string (format) ||
      !g_str_equal (json_node_get_string (format), CERTO_CATALOG_FEED_FORMAT))
    {
      set_not_a_catalog (error, name, json_parser_get_root (parser));
      return NULL;
    }

  if (!check_version (root, name, error))
    return NULL;

  update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  reader.update = update;

  set_label (&reader, "%s", _("Catalog"));
  update->id = read_string (&reader, root, "id");
  update->title = read_localized (&reader, root, "title");
  update->publisher = read_string (&reader, root, "publisher");
  update->updated = read_date (&reader, root, "updated");
  update->homepage = read_string (&reader, root, "homepage");

  ok = read_entries (&reader, root, &standard_kind, read_standard, update->standards, &local_error) &&
       read_entries (&reader, root, &family_kind, read_family, update->families, &local_error) &&
       read_entries (&reader, root, &service_kind, read_service, update->services, &local_error) &&
       read_entries (&reader, root, &environment_kind, read_environment, update->environments, &local_error) &&
       read_entries (&reader, root, &document_kind, read_document, update->documents, &local_error);
  g_free (reader.label);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Everything is copied out: drop the tree before validation */
  g_clear_object (&parser);

  if (reader.repaired > 0)
    certo_catalog_update_add_warning (update,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "Replaced %u text holding an unpaired UTF-16 surrogate (an escape from \\ud800 to \\udfff) with “�”",
                                                   "Replaced %u texts holding unpaired UTF-16 surrogates (escapes from \\ud800 to \\udfff) with “�”",
                                                   reader.repaired),
                                      reader.repaired);

  certo_catalog_update_validate (update);

  /* Warnings quote ids and links from the feed: keep each one line, and
   * of a length a person reads */
  for (guint i = 0; i < update->warnings->len; i++)
    {
      char **warning = (char **) &g_ptr_array_index (update->warnings, i);
      char *shown = one_line (*warning, 400);

      g_free (*warning);
      *warning = shown;
    }

  return g_steal_pointer (&update);
}
