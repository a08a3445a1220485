/* certo-localized.c — text in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "certo-localized.h"

typedef struct
{
  char *lang;
  char *text;
} Value;

struct _CertoLocalized
{
  GArray *values; /* of Value, sorted by lang */
};

G_DEFINE_BOXED_TYPE (CertoLocalized, certo_localized, certo_localized_ref, certo_localized_unref)

static void
value_clear (gpointer data)
{
  Value *v = data;

  g_clear_pointer (&v->lang, g_free);
  g_clear_pointer (&v->text, g_free);
}

static void
localized_free (gpointer data)
{
  CertoLocalized *self = data;

  g_clear_pointer (&self->values, g_array_unref);
}

/* "it_IT.UTF-8@euro" → "it-it"; tags compare case-insensitively (RFC 5646 §2.1.1) */
static char *
normalize_tag (const char *tag)
{
  GString *s = g_string_new (NULL);

  for (const char *p = tag; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (s, *p == '_' ? '-' : g_ascii_tolower (*p));

  return g_string_free (s, FALSE);
}

static int
find_value (const CertoLocalized *self,
            const char           *lang)
{
  g_autofree char *norm = normalize_tag (lang);

  for (guint i = 0; i < self->values->len; i++)
    {
      const Value *v = &g_array_index (self->values, Value, i);

      if (g_strcmp0 (v->lang, norm) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * certo_localized_new:
 *
 * Creates an empty localized text.
 *
 * Returns: (transfer full): a new #CertoLocalized
 */
CertoLocalized *
certo_localized_new (void)
{
  CertoLocalized *self = g_rc_box_new0 (CertoLocalized);

  self->values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (self->values, value_clear);

  return self;
}

/**
 * certo_localized_new_plain:
 * @text: (nullable): a text of unknown language
 *
 * Creates a localized text holding @text under the empty tag "", the form a
 * plain JSON string in a catalog feed takes.
 *
 * Returns: (transfer full): a new #CertoLocalized
 */
CertoLocalized *
certo_localized_new_plain (const char *text)
{
  CertoLocalized *self = certo_localized_new ();

  if (text != NULL)
    certo_localized_set (self, "", text);

  return self;
}

/**
 * certo_localized_ref:
 * @self: a #CertoLocalized
 *
 * Returns: (transfer full): @self with one more reference
 */
CertoLocalized *
certo_localized_ref (CertoLocalized *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

/**
 * certo_localized_unref:
 * @self: (transfer full): a #CertoLocalized
 *
 * Drops a reference; frees @self when it was the last.
 */
void
certo_localized_unref (CertoLocalized *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, localized_free);
}

/**
 * certo_localized_set:
 * @self: a #CertoLocalized
 * @lang: a BCP 47 language tag, or "" for unknown; "it_IT" and "it-IT"
 *   are the same tag
 * @text: (nullable): the text, or %NULL to remove the value for @lang
 *
 * Sets the text for one language, replacing any previous value for it.
 */
void
certo_localized_set (CertoLocalized *self,
                     const char     *lang,
                     const char     *text)
{
  int idx;
  Value v;
  guint pos;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lang != NULL);

  idx = find_value (self, lang);
  if (text == NULL)
    {
      if (idx >= 0)
        g_array_remove_index (self->values, (guint) idx);
      return;
    }

  if (idx >= 0)
    {
      Value *old = &g_array_index (self->values, Value, idx);

      g_free (old->text);
      old->text = g_strdup (text);
      return;
    }

  v.lang = normalize_tag (lang);
  v.text = g_strdup (text);
  for (pos = 0; pos < self->values->len; pos++)
    if (strcmp (g_array_index (self->values, Value, pos).lang, v.lang) > 0)
      break;
  g_array_insert_val (self->values, pos, v);
}

/**
 * certo_localized_get:
 * @self: a #CertoLocalized
 * @lang: a BCP 47 language tag, or "" for unknown
 *
 * Returns the value for exactly @lang, with no fallback.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL
 */
const char *
certo_localized_get (const CertoLocalized *self,
                     const char           *lang)
{
  int idx;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  idx = find_value (self, lang);
  return idx >= 0 ? g_array_index (self->values, Value, idx).text : NULL;
}

/**
 * certo_localized_lookup:
 * @self: a #CertoLocalized
 * @languages: (nullable) (array zero-terminated=1): preferred languages,
 *   most preferred first, as g_get_language_names() gives them
 *
 * Picks the text to show: the first of @languages that has a value (a
 * regional tag falls back to its primary language, "it_IT" → "it", as
 * RFC 4647 §3.4 lookup does), then English, then the value of unknown
 * language, then the first value.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL when @self is empty
 */
const char *
certo_localized_lookup (const CertoLocalized *self,
                        const char * const   *languages)
{
  const char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->values->len == 0)
    return NULL;

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *tag = NULL;
      char *dash;

      if (g_str_equal (languages[i], "C") || g_str_equal (languages[i], "POSIX"))
        continue;

      tag = normalize_tag (languages[i]);
      while (TRUE)
        {
          if ((text = certo_localized_get (self, tag)) != NULL)
            return text;
          if ((dash = strrchr (tag, '-')) == NULL)
            break;
          *dash = '\0';
        }
    }

  if ((text = certo_localized_get (self, "en")) != NULL)
    return text;
  if ((text = certo_localized_get (self, "")) != NULL)
    return text;

  return g_array_index (self->values, Value, 0).text;
}

/**
 * certo_localized_get_display:
 * @self: a #CertoLocalized
 *
 * The text in the user's language: certo_localized_lookup() with
 * g_get_language_names(), so `LANGUAGE=it` shows Italian.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL when @self is empty
 */
const char *
certo_localized_get_display (const CertoLocalized *self)
{
  return certo_localized_lookup (self, g_get_language_names ());
}

/**
 * certo_localized_get_n_values:
 * @self: a #CertoLocalized
 *
 * Returns: how many languages have a value
 */
guint
certo_localized_get_n_values (const CertoLocalized *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->values->len;
}

/**
 * certo_localized_get_nth:
 * @self: a #CertoLocalized
 * @n: an index below certo_localized_get_n_values(); values are ordered by tag
 * @out_lang: (out) (optional) (transfer none): the value's language tag
 *
 * Returns: (transfer none): the @n-th text
 */
const char *
certo_localized_get_nth (const CertoLocalized *self,
                         guint                 n,
                         const char          **out_lang)
{
  const Value *v;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n < self->values->len, NULL);

  v = &g_array_index (self->values, Value, n);
  if (out_lang != NULL)
    *out_lang = v->lang;

  return v->text;
}

/**
 * certo_localized_is_empty:
 * @self: (nullable): a #CertoLocalized
 *
 * Returns: %TRUE when @self is %NULL or has no non-empty value
 */
gboolean
certo_localized_is_empty (const CertoLocalized *self)
{
  if (self == NULL)
    return TRUE;

  for (guint i = 0; i < self->values->len; i++)
    if (*g_array_index (self->values, Value, i).text != '\0')
      return FALSE;

  return TRUE;
}

/**
 * certo_localized_equal:
 * @a: (nullable): a #CertoLocalized
 * @b: (nullable): a #CertoLocalized
 *
 * Returns: %TRUE when both hold the same texts for the same languages
 */
gboolean
certo_localized_equal (const CertoLocalized *a,
                       const CertoLocalized *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->values->len != b->values->len)
    return FALSE;

  for (guint i = 0; i < a->values->len; i++)
    {
      const Value *va = &g_array_index (a->values, Value, i);
      const Value *vb = &g_array_index (b->values, Value, i);

      if (strcmp (va->lang, vb->lang) != 0 || strcmp (va->text, vb->text) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * certo_localized_to_json:
 * @self: a #CertoLocalized
 *
 * Serialises @self the way the catalog feed writes a localized string: a
 * JSON object of tags, or a plain JSON string when the only value has the
 * unknown tag "".
 *
 * Returns: (transfer full): UTF-8 JSON text
 */
char *
certo_localized_to_json (const CertoLocalized *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->values->len == 1 && *g_array_index (self->values, Value, 0).lang == '\0')
    {
      /* json-glib's builder cannot hold a bare value at the root */
      root = json_node_init_string (json_node_alloc (), g_array_index (self->values, Value, 0).text);
      return json_to_string (root, FALSE);
    }
  else
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->values->len; i++)
        {
          const Value *v = &g_array_index (self->values, Value, i);

          json_builder_set_member_name (builder, v->lang);
          json_builder_add_string_value (builder, v->text);
        }
      json_builder_end_object (builder);
    }

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * certo_localized_new_from_json:
 * @json: text written by certo_localized_to_json()
 *
 * The reverse of certo_localized_to_json(), for values Certo stored itself.
 * Members that are not strings are ignored.
 *
 * Returns: (transfer full) (nullable): a new #CertoLocalized, or %NULL
 *   when @json is not a JSON string or object
 */
CertoLocalized *
certo_localized_new_from_json (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CertoLocalized) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  node = json_from_string (json, NULL);
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return certo_localized_new_plain (json_node_get_string (node));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  self = certo_localized_new ();
  {
    JsonObjectIter iter;
    const char *member;
    JsonNode *value;

    json_object_iter_init (&iter, json_node_get_object (node));
    while (json_object_iter_next (&iter, &member, &value))
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        certo_localized_set (self, member, json_node_get_string (value));
  }

  return g_steal_pointer (&self);
}

/**
 * certo_localized_dup_all_text:
 * @self: a #CertoLocalized
 * @separator: text put between values
 *
 * Joins every language's value, for search indexes.
 *
 * Returns: (transfer full): the joined text
 */
char *
certo_localized_dup_all_text (const CertoLocalized *self,
                              const char           *separator)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      if (i > 0)
        g_string_append (s, separator);
      g_string_append (s, g_array_index (self->values, Value, i).text);
    }

  return g_string_free (s, FALSE);
}
