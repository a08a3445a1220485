/* certo-catalog-update-validate.c — an update made safe to store: ids
 * checked, references trimmed, text stripped of unsafe characters and cut
 * to size, every change named in a warning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-catalog-update.h"
#include "certo-text.h"

/* What one validation has learnt: the ids kept so far, looked up in
 * constant time (a feed of 100,000 documents each naming 1,000 services
 * must not cost 10^11 string comparisons) */
typedef struct
{
  CertoCatalogUpdate *update;
  GHashTable *standards;    /* id → CertoUpdateStandard */
  GHashTable *families;     /* id → CertoUpdateFamily */
  GHashTable *services;     /* id → CertoUpdateService */
  gboolean dirty;           /* the entry being checked had unsafe characters */
} Validator;

/* Helpers */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* A text from the source, safe to put in a message: unsafe characters
 * escaped, at most 80 characters */
static char *
shown (const char *text)
{
  g_autofree char *escaped = certo_text_escape_unsafe (text);

  return certo_text_truncate (escaped, 80, NULL);
}

/* Removes the entries @keep marks FALSE, keeping the order of the others,
 * in one pass: g_ptr_array_remove_index() in a loop would move the tail
 * once per removal */
static void
compact (GPtrArray      *array,
         const gboolean *keep)
{
  guint kept = 0;

  for (guint i = 0; i < array->len; i++)
    {
      if (!keep[i])
        continue;
      if (kept != i)
        {
          gpointer tmp = array->pdata[kept];

          array->pdata[kept] = array->pdata[i];
          array->pdata[i] = tmp;
        }
      kept++;
    }

  /* The dropped entries are now at the end, where this frees them */
  g_ptr_array_set_size (array, kept);
}

/* Strips unsafe characters from a string field (recorded in
 * @v->dirty); a field left blank is cleared */
static void
strip_field (Validator  *v,
             char      **slot)
{
  gboolean changed = FALSE;
  char *clean;

  if (*slot == NULL)
    return;

  clean = certo_text_strip_unsafe (*slot, &changed);
  if (!changed)
    {
      g_free (clean);
      return;
    }

  v->dirty = TRUE;
  g_free (*slot);
  *slot = clean;
  if (is_blank (*slot))
    g_clear_pointer (slot, g_free);
}

/* Cuts a text field to @max_chars; TRUE when it was cut */
static gboolean
cut_field (char  **slot,
           guint   max_chars)
{
  gboolean cut = FALSE;
  char *shorter;

  if (*slot == NULL || strlen (*slot) <= max_chars)
    return FALSE;

  shorter = certo_text_truncate (*slot, max_chars, &cut);
  g_free (*slot);
  *slot = shorter;
  return cut;
}

/* Strips and cuts a text field; the warning, in @cut_format, names the
 * entry (@label) once cut */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
clean_text (Validator  *v,
            char      **slot,
            guint       max_chars,
            const char *cut_format,
            const char *label)
{
  strip_field (v, slot);
  if (cut_field (slot, max_chars))
    certo_catalog_update_add_warning (v->update, cut_format, label, max_chars);
}
#pragma GCC diagnostic pop

/* A short value (a language tag, a date) that is far too long is no
 * value at all */
static void
clean_tag (Validator  *v,
           char      **slot,
           const char *label,
           const char *member)
{
  strip_field (v, slot);
  if (*slot != NULL && strlen (*slot) > CERTO_UPDATE_MAX_TAG_BYTES)
    {
      certo_catalog_update_add_warning (v->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is a field name ("language") */
                                        _("%s: ignored its “%s”, which is too long to be one"),
                                        label, member);
      g_clear_pointer (slot, g_free);
    }
}

/* Every language's value stripped and cut; values left blank and values
 * under a tag far too long to be one are dropped. A new #CertoLocalized
 * replaces the old one only when something changed: the old one may be
 * shared. */
static void
clean_localized (Validator       *v,
                 CertoLocalized **slot,
                 const char      *label)
{
  g_autoptr(CertoLocalized) clean = NULL;
  gboolean changed = FALSE;
  gboolean cut = FALSE;

  if (*slot == NULL)
    return;

  clean = certo_localized_new ();
  for (guint i = 0; i < certo_localized_get_n_values (*slot); i++)
    {
      const char *lang = NULL;
      const char *text = certo_localized_get_nth (*slot, i, &lang);
      g_autofree char *value = NULL;
      gboolean stripped = FALSE;
      gboolean value_cut = FALSE;

      if (strlen (lang) > CERTO_UPDATE_MAX_TAG_BYTES)
        {
          changed = TRUE;
          continue;
        }

      value = certo_text_strip_unsafe (text, &stripped);
      if (stripped)
        {
          v->dirty = TRUE;
          changed = TRUE;
          if (is_blank (value))
            continue;
        }
      if (strlen (value) > CERTO_UPDATE_MAX_TEXT_CHARS)
        {
          char *shorter = certo_text_truncate (value, CERTO_UPDATE_MAX_TEXT_CHARS, &value_cut);

          g_free (value);
          value = shorter;
          cut |= value_cut;
          changed |= value_cut;
        }
      certo_localized_set (clean, lang, value);
    }

  if (cut)
    certo_catalog_update_add_warning (v->update,
                                      /* Translators: %s names the entry ("Document “x”"), %u is a number of characters */
                                      _("%s: cut its title or name to %u characters"),
                                      label, CERTO_UPDATE_MAX_TEXT_CHARS);
  if (!changed)
    return;

  certo_localized_unref (*slot);
  *slot = g_steal_pointer (&clean);
}

/* A list of texts: each stripped and cut, blank ones dropped, at most
 * @max_items kept */
static void
clean_list (Validator  *v,
            GPtrArray  *list,
            guint       max_chars,
            guint       max_items,
            const char *label,
            const char *member)
{
  g_autofree gboolean *keep = NULL;
  gboolean cut = FALSE;
  guint n = 0;

  if (list == NULL)
    return;

  if (list->len > max_items)
    {
      certo_catalog_update_add_warning (v->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is a field name ("services") */
                                        _("%s: kept the first %u of its %u “%s”"),
                                        label, max_items, list->len, member);
      g_ptr_array_set_size (list, max_items);
    }

  keep = g_new0 (gboolean, list->len + 1);
  for (guint i = 0; i < list->len; i++)
    {
      char *text = g_ptr_array_index (list, i);

      strip_field (v, &text);
      if (text != NULL && cut_field (&text, max_chars))
        cut = TRUE;
      /* strip_field() and cut_field() may have replaced it */
      list->pdata[i] = text;
      keep[i] = text != NULL;
      if (text != NULL)
        n++;
    }
  if (n < list->len)
    compact (list, keep);

  if (cut)
    certo_catalog_update_add_warning (v->update,
                                      /* Translators: the first %s names the entry, the second is a field name ("services"), %u a number of characters */
                                      _("%s: cut some of its “%s” to %u characters"),
                                      label, member, max_chars);
}

/* A link kept only when it is an http(s) address of a sane length */
static gboolean
check_url (Validator  *v,
           const char *url,
           const char *label)
{
  if (strlen (url) > CERTO_UPDATE_MAX_URL_BYTES)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, strlen (url));

      certo_catalog_update_add_warning (v->update,
                                        /* Translators: %s names the entry ("Document “x”"), then a number of bytes; RFC 9110 §4.1 asks for at least 8,000 */
                                        _("%s: ignored a link of %s bytes, longer than the %u Certo keeps"),
                                        label, size, CERTO_UPDATE_MAX_URL_BYTES);
      return FALSE;
    }

  if (!certo_uri_is_web (url))
    {
      g_autofree char *text = shown (url);

      certo_catalog_update_add_warning (v->update,
                                        /* Translators: %s names the entry ("Document “x”"), then the link */
                                        _("%s: ignored its link “%s”, which is not an http or https address"),
                                        label, text);
      return FALSE;
    }

  return TRUE;
}

static void
clean_url (Validator  *v,
           char      **slot,
           const char *label)
{
  if (*slot != NULL && !check_url (v, *slot, label))
    g_clear_pointer (slot, g_free);
}

/* References to ids: unknown ones trimmed with a warning, repeated ones
 * dropped, at most CERTO_UPDATE_MAX_LIST */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
trim_references (Validator  *v,
                 GPtrArray  *refs,
                 GHashTable *known,
                 const char *label,
                 const char *member,
                 const char *unknown_format)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree gboolean *keep = NULL;

  clean_list (v, refs, CERTO_UPDATE_MAX_ID_BYTES, CERTO_UPDATE_MAX_LIST, label, member);
  if (refs->len == 0)
    return;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  keep = g_new0 (gboolean, refs->len);
  for (guint i = 0; i < refs->len; i++)
    {
      const char *ref = g_ptr_array_index (refs, i);

      if (!g_hash_table_contains (known, ref))
        {
          g_autofree char *text = shown (ref);

          certo_catalog_update_add_warning (v->update, unknown_format, label, text);
        }
      else if (g_hash_table_add (seen, (gpointer) ref))
        {
          keep[i] = TRUE;
        }
    }
  compact (refs, keep);
}
#pragma GCC diagnostic pop

/* The label an entry is named by in warnings: "Document “x”" */
static char *
entry_label (const char *format,
             const char *id)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, id);
#pragma GCC diagnostic pop
}

static void
warn_dirty (Validator  *v,
            const char *label)
{
  if (!v->dirty)
    return;

  certo_catalog_update_add_warning (v->update,
                                    /* Translators: %s names the entry ("Document “x”") */
                                    _("%s: removed control characters or bidirectional overrides from its text"),
                                    label);
}

/* Checks the rest of an entry whose id is fine; FALSE drops it */
typedef gboolean (*EntryCheck) (Validator *v, gpointer entry, const char *label);

/* Keeps at most @max entries, then drops those with a missing, overlong
 * or duplicate id and those @check refuses. Returns the ids kept, for
 * lookups. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static GHashTable *
filter_entries (Validator   *v,
                GPtrArray   *entries,
                guint        max,
                const char  *too_many_format,
                const char  *no_id_format,
                const char  *long_id_format,
                const char  *duplicate_format,
                const char  *label_format,
                gsize        id_offset,
                EntryCheck   check)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *keep = NULL;

  if (entries->len > max)
    {
      certo_catalog_update_add_warning (v->update, too_many_format, entries->len, max);
      g_ptr_array_set_size (entries, max);
    }

  keep = g_new0 (gboolean, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    {
      gpointer entry = g_ptr_array_index (entries, i);
      char **id = &G_STRUCT_MEMBER (char *, entry, id_offset);
      g_autofree char *label = NULL;

      v->dirty = FALSE;
      strip_field (v, id);

      if (is_blank (*id))
        {
          certo_catalog_update_add_warning (v->update, no_id_format, i + 1);
          continue;
        }
      if (strlen (*id) > CERTO_UPDATE_MAX_ID_BYTES)
        {
          certo_catalog_update_add_warning (v->update, long_id_format, i + 1, CERTO_UPDATE_MAX_ID_BYTES);
          continue;
        }
      if (g_hash_table_contains (seen, *id))
        {
          certo_catalog_update_add_warning (v->update, duplicate_format, *id);
          continue;
        }

      label = entry_label (label_format, *id);
      if (check != NULL && !check (v, entry, label))
        continue;

      warn_dirty (v, label);
      g_hash_table_add (seen, *id);
      keep[i] = TRUE;
    }

  compact (entries, keep);
  return seen;
}
#pragma GCC diagnostic pop

static gboolean
check_standard (Validator *v,
                gpointer   entry,
                const char *label)
{
  CertoUpdateStandard *s = entry;

  clean_text (v, &s->name, CERTO_UPDATE_MAX_TEXT_CHARS,
              /* Translators: %s names the entry ("Standard “x”"), %u is a number of characters */
              _("%s: cut its name to %u characters"), label);
  if (is_blank (s->name))
    {
      certo_catalog_update_add_warning (v->update, _("Skipped standard “%s”: it has no name"), s->id);
      return FALSE;
    }
  clean_url (v, &s->url, label);
  return TRUE;
}

static gboolean
check_family (Validator  *v,
              gpointer    entry,
              const char *label)
{
  CertoUpdateFamily *f = entry;

  clean_localized (v, &f->name, label);
  if (certo_localized_is_empty (f->name))
    {
      certo_catalog_update_add_warning (v->update, _("Skipped family “%s”: it has no name"), f->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_service (Validator  *v,
               gpointer    entry,
               const char *label)
{
  CertoUpdateService *s = entry;

  clean_localized (v, &s->name, label);
  if (certo_localized_is_empty (s->name))
    {
      certo_catalog_update_add_warning (v->update, _("Skipped service “%s”: it has no name"), s->id);
      return FALSE;
    }
  clean_url (v, &s->url, label);
  trim_references (v, s->families, v->families, label, "families",
                   /* Translators: the first %s names the entry ("Service “x”"), the second is an id */
                   _("%s: ignored the unknown family “%s”"));
  return TRUE;
}

static gboolean
check_document (Validator  *v,
                gpointer    entry,
                const char *label)
{
  CertoUpdateDocument *d = entry;
  g_autofree gboolean *keep = NULL;
  guint n_urls = 0;

  clean_localized (v, &d->title, label);
  if (certo_localized_is_empty (d->title))
    {
      certo_catalog_update_add_warning (v->update, _("Skipped document “%s”: it has no title"), d->id);
      return FALSE;
    }

  if (d->urls->len > CERTO_UPDATE_MAX_URLS)
    {
      certo_catalog_update_add_warning (v->update,
                                        /* Translators: the first %s names the entry ("Document “x”"), the second is a field name ("urls") */
                                        _("%s: kept the first %u of its %u “%s”"),
                                        label, CERTO_UPDATE_MAX_URLS, d->urls->len, "urls");
      g_ptr_array_set_size (d->urls, CERTO_UPDATE_MAX_URLS);
    }
  keep = g_new0 (gboolean, d->urls->len + 1);
  for (guint i = 0; i < d->urls->len; i++)
    if (g_ptr_array_index (d->urls, i) != NULL && check_url (v, g_ptr_array_index (d->urls, i), label))
      {
        keep[i] = TRUE;
        n_urls++;
      }
  compact (d->urls, keep);
  if (n_urls == 0)
    {
      certo_catalog_update_add_warning (v->update, _("Skipped document “%s”: it has no http or https link"), d->id);
      return FALSE;
    }

  clean_text (v, &d->issuer, CERTO_UPDATE_MAX_SHORT_CHARS,
              /* Translators: %s names the entry ("Document “x”"), %u is a number of characters */
              _("%s: cut its issuer to %u characters"), label);
  clean_text (v, &d->certificate_number, CERTO_UPDATE_MAX_SHORT_CHARS,
              /* Translators: %s names the entry ("Document “x”"), %u is a number of characters */
              _("%s: cut its certificate number to %u characters"), label);
  clean_tag (v, &d->issued, label, "issued");
  clean_tag (v, &d->expires, label, "expires");
  clean_tag (v, &d->language, label, "language");

  strip_field (v, &d->family);
  if (d->family != NULL && !g_hash_table_contains (v->families, d->family))
    {
      g_autofree char *text = shown (d->family);

      certo_catalog_update_add_warning (v->update, _("%s: ignored the unknown family “%s”"), label, text);
      g_clear_pointer (&d->family, g_free);
    }
  trim_references (v, d->standards, v->standards, label, "standards",
                   /* Translators: the first %s names the entry ("Document “x”"), the second is an id */
                   _("%s: ignored the unknown standard “%s”"));
  trim_references (v, d->services, v->services, label, "services",
                   /* Translators: the first %s names the entry ("Document “x”"), the second is an id */
                   _("%s: ignored the unknown service “%s”"));
  clean_list (v, d->service_names, CERTO_UPDATE_MAX_TEXT_CHARS, CERTO_UPDATE_MAX_LIST, label, "service_names");
  return TRUE;
}

static gboolean
check_environment (Validator  *v,
                   gpointer    entry,
                   const char *label)
{
  CertoUpdateEnvironment *e = entry;

  clean_localized (v, &e->name, label);
  if (certo_localized_is_empty (e->name))
    {
      certo_catalog_update_add_warning (v->update, _("Skipped environment “%s”: it has no name"), e->id);
      return FALSE;
    }
  strip_field (v, &e->family);
  if (e->family != NULL && !g_hash_table_contains (v->families, e->family))
    {
      g_autofree char *text = shown (e->family);

      certo_catalog_update_add_warning (v->update, _("%s: ignored the unknown family “%s”"), label, text);
      g_clear_pointer (&e->family, g_free);
    }
  clean_list (v, e->service_names, CERTO_UPDATE_MAX_TEXT_CHARS, CERTO_UPDATE_MAX_LIST, label, "services");
  return TRUE;
}

/* Public API */

/**
 * certo_catalog_update_validate:
 * @self: an update straight from a parser
 *
 * Applies the catalog format's rules for bad entries (DESIGN.md, "Native
 * catalog feed") and Certo's caps, whatever the parser, so that the
 * store, the GUI and the terminal only ever see sane text:
 *
 * - every text loses the characters certo_text_is_unsafe_char() names
 *   (controls, bidirectional overrides; tabs and line breaks become
 *   spaces), with one warning per entry;
 * - titles and names are cut to %CERTO_UPDATE_MAX_TEXT_CHARS characters
 *   (per language), certificate numbers, issuers and the publisher to
 *   %CERTO_UPDATE_MAX_SHORT_CHARS, at a character boundary, ending in
 *   "…"; a link longer than %CERTO_UPDATE_MAX_URL_BYTES octets (RFC 9110
 *   §4.1 asks for at least 8,000) is dropped; a language tag or a date
 *   longer than %CERTO_UPDATE_MAX_TAG_BYTES is dropped;
 * - lists in one entry keep their first %CERTO_UPDATE_MAX_LIST items
 *   (%CERTO_UPDATE_MAX_URLS links), and a source its first
 *   %CERTO_UPDATE_MAX_DOCUMENTS documents, %CERTO_UPDATE_MAX_SERVICES
 *   services, %CERTO_UPDATE_MAX_FAMILIES families,
 *   %CERTO_UPDATE_MAX_STANDARDS standards and
 *   %CERTO_UPDATE_MAX_ENVIRONMENTS environments;
 * - an entry with no id, an id longer than %CERTO_UPDATE_MAX_ID_BYTES, a
 *   duplicate id, no name or title, or (for a document) no http/https
 *   link is skipped; a link that is not http/https and a reference to an
 *   undeclared id are trimmed.
 *
 * Each change adds a warning that names the entry (see
 * certo_catalog_update_add_warning()). The homepage is dropped when it
 * is not a web link. References are resolved through hash tables built
 * once, so the time is linear in the size of the update. Parsers call
 * this last, so the store sees only valid updates.
 */
void
certo_catalog_update_validate (CertoCatalogUpdate *self)
{
  Validator v = { .update = self };

  g_return_if_fail (self != NULL);

  strip_field (&v, &self->id);
  if (self->id != NULL && strlen (self->id) > CERTO_UPDATE_MAX_ID_BYTES)
    {
      certo_catalog_update_add_warning (self, _("Ignored the catalog’s id: it is longer than %u bytes"),
                                        CERTO_UPDATE_MAX_ID_BYTES);
      g_clear_pointer (&self->id, g_free);
    }
  clean_localized (&v, &self->title, _("The catalog"));
  clean_text (&v, &self->publisher, CERTO_UPDATE_MAX_SHORT_CHARS,
              /* Translators: %s names the entry ("The catalog"), %u is a number of characters */
              _("%s: cut its publisher to %u characters"), _("The catalog"));
  clean_tag (&v, &self->updated, _("The catalog"), "updated");
  if (self->homepage != NULL &&
      (strlen (self->homepage) > CERTO_UPDATE_MAX_URL_BYTES || !certo_uri_is_web (self->homepage)))
    {
      g_autofree char *text = shown (self->homepage);

      certo_catalog_update_add_warning (self, _("Ignored the catalog’s homepage “%s”, which is not an http or https address"), text);
      g_clear_pointer (&self->homepage, g_free);
    }
  warn_dirty (&v, _("The catalog"));

  /* Order matters: documents refer to the others, so those go first */
  v.standards = filter_entries (&v, self->standards, CERTO_UPDATE_MAX_STANDARDS,
                                _("The catalog has %u standards; kept the first %u"),
                                _("Skipped standard number %u: it has no id"),
                                _("Skipped standard number %u: its id is longer than %u bytes"),
                                _("Skipped standard “%s”: its id is used twice"),
                                _("Standard “%s”"),
                                G_STRUCT_OFFSET (CertoUpdateStandard, id), check_standard);
  v.families = filter_entries (&v, self->families, CERTO_UPDATE_MAX_FAMILIES,
                               _("The catalog has %u families; kept the first %u"),
                               _("Skipped family number %u: it has no id"),
                               _("Skipped family number %u: its id is longer than %u bytes"),
                               _("Skipped family “%s”: its id is used twice"),
                               _("Family “%s”"),
                               G_STRUCT_OFFSET (CertoUpdateFamily, id), check_family);
  v.services = filter_entries (&v, self->services, CERTO_UPDATE_MAX_SERVICES,
                               _("The catalog has %u services; kept the first %u"),
                               _("Skipped service number %u: it has no id"),
                               _("Skipped service number %u: its id is longer than %u bytes"),
                               _("Skipped service “%s”: its id is used twice"),
                               _("Service “%s”"),
                               G_STRUCT_OFFSET (CertoUpdateService, id), check_service);
  g_hash_table_unref (filter_entries (&v, self->documents, CERTO_UPDATE_MAX_DOCUMENTS,
                                      _("The catalog has %u documents; kept the first %u"),
                                      _("Skipped document number %u: it has no id"),
                                      _("Skipped document number %u: its id is longer than %u bytes"),
                                      _("Skipped document “%s”: its id is used twice"),
                                      _("Document “%s”"),
                                      G_STRUCT_OFFSET (CertoUpdateDocument, id), check_document));
  g_hash_table_unref (filter_entries (&v, self->environments, CERTO_UPDATE_MAX_ENVIRONMENTS,
                                      _("The catalog has %u environments; kept the first %u"),
                                      _("Skipped environment number %u: it has no id"),
                                      _("Skipped environment number %u: its id is longer than %u bytes"),
                                      _("Skipped environment “%s”: its id is used twice"),
                                      _("Environment “%s”"),
                                      G_STRUCT_OFFSET (CertoUpdateEnvironment, id), check_environment));

  g_clear_pointer (&v.standards, g_hash_table_unref);
  g_clear_pointer (&v.families, g_hash_table_unref);
  g_clear_pointer (&v.services, g_hash_table_unref);
}
