/* certo-article-text.c — the overview and FAQ of a fetched
 * compliance-offering article, as plain text with headings and links: the
 * text, and its plain and markup forms (certo-article-text-extract.c
 * reads it from the markdown)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept for offline reading of *that* article, which the user fetched
 * (DESIGN.md, "Compliance-offering article"); Certo ships no such text.
 * Blocks of plain text per language; the markup form escapes every text
 * and links only http(s) addresses.
 */
#include "config.h"

#include <string.h>

#include "certo-article-text.h"

struct _CertoArticleText
{
  gatomicrefcount ref;
  GPtrArray *languages;    /* char *, NULL-terminated */
  GHashTable *blocks;      /* language → GPtrArray of CertoTextBlock */
};

G_DEFINE_BOXED_TYPE (CertoArticleText, certo_article_text,
                     certo_article_text_ref, certo_article_text_unref)

/* Helpers */

static gboolean
is_web_url (const char *url)
{
  return g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://");
}

static void
block_free (gpointer data)
{
  CertoTextBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->links, g_array_unref);
  g_free (block);
}

/* Public API */

/**
 * certo_article_text_new:
 *
 * Returns: (transfer full): an empty text
 */
CertoArticleText *
certo_article_text_new (void)
{
  CertoArticleText *self = g_new0 (CertoArticleText, 1);

  g_atomic_ref_count_init (&self->ref);
  self->languages = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  return self;
}

/**
 * certo_article_text_ref:
 * @self: a text
 *
 * Returns: (transfer full): @self
 */
CertoArticleText *
certo_article_text_ref (CertoArticleText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * certo_article_text_unref:
 * @self: (transfer full): a text
 */
void
certo_article_text_unref (CertoArticleText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  g_hash_table_unref (self->blocks);
  g_ptr_array_unref (self->languages);
  g_free (self);
}

/**
 * certo_article_text_add_block:
 * @self: a text
 * @language: a BCP 47 language tag
 * @section: the section
 * @kind: the kind of block
 * @level: for a heading, 1 to 4
 * @text: plain text
 * @links: (transfer full) (nullable) (element-type CertoTextLink): its links
 *
 * Appends a block to @language's text (for the store, which reads texts
 * back, and for tests).
 */
void
certo_article_text_add_block (CertoArticleText   *self,
                              const char         *language,
                              CertoTextSection    section,
                              CertoTextBlockKind  kind,
                              guint               level,
                              const char         *text,
                              GArray             *links)
{
  GPtrArray *blocks;
  CertoTextBlock *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (language != NULL && text != NULL);

  blocks = g_hash_table_lookup (self->blocks, language);
  if (blocks == NULL)
    {
      char *key = g_strdup (language);

      g_ptr_array_add (self->languages, key);
      blocks = g_ptr_array_new_with_free_func (block_free);
      g_hash_table_insert (self->blocks, key, blocks);
    }

  block = g_new0 (CertoTextBlock, 1);
  block->section = section;
  block->kind = kind;
  block->level = kind == CERTO_TEXT_BLOCK_HEADING ? CLAMP (level, 1, 4) : 0;
  block->text = g_strdup (text);
  block->links = links;
  g_ptr_array_add (blocks, block);
}

/**
 * certo_article_text_get_languages:
 * @self: a text
 *
 * Returns: (transfer none) (array zero-terminated=1): the languages the
 *   text has, as BCP 47 tags ("it", "en"; "und" for the local text of a
 *   localised article that does not say its language)
 */
const char * const *
certo_article_text_get_languages (CertoArticleText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->languages->pdata;
}

/**
 * certo_article_text_get_blocks:
 * @self: a text
 * @language: (nullable): a language of certo_article_text_get_languages();
 *   %NULL for the first of the user's languages the text has, else English,
 *   else the first
 *
 * Returns: (transfer none) (element-type CertoTextBlock) (nullable): the
 *   blocks in reading order, or %NULL when the text has no such language
 */
GPtrArray *
certo_article_text_get_blocks (CertoArticleText *self,
                               const char       *language)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (language == NULL)
    {
      const char * const *wanted = g_get_language_names ();

      for (guint i = 0; wanted[i] != NULL; i++)
        {
          g_autofree char *primary = g_strndup (wanted[i], strcspn (wanted[i], "_.@-"));
          GPtrArray *blocks = g_hash_table_lookup (self->blocks, primary);

          if (blocks != NULL)
            return blocks;
        }
      if (g_hash_table_contains (self->blocks, "en"))
        return g_hash_table_lookup (self->blocks, "en");
      if (self->languages->len == 0)
        return NULL;
      language = g_ptr_array_index (self->languages, 0);
    }

  return g_hash_table_lookup (self->blocks, language);
}

/**
 * certo_article_text_is_empty:
 * @self: a text
 *
 * Returns: %TRUE when the text has no block in any language
 */
gboolean
certo_article_text_is_empty (CertoArticleText *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->languages->len == 0;
}

/**
 * certo_article_text_to_plain:
 * @self: a text
 * @language: (nullable): as for certo_article_text_get_blocks()
 *
 * The text for a terminal: headings on their own lines, list items with
 * a bullet, each link's address in angle brackets after its words.
 *
 * Returns: (transfer full): the text ("" when there is none)
 */
char *
certo_article_text_to_plain (CertoArticleText *self,
                             const char       *language)
{
  GPtrArray *blocks;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  blocks = certo_article_text_get_blocks (self, language);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      CertoTextBlock *block = g_ptr_array_index (blocks, i);
      guint at = 0;

      if (out->len > 0)
        g_string_append (out, block->kind == CERTO_TEXT_BLOCK_ITEM ? "\n" : "\n\n");
      if (block->kind == CERTO_TEXT_BLOCK_HEADING)
        for (guint j = 0; j < block->level; j++)
          g_string_append_c (out, '#');
      if (block->kind == CERTO_TEXT_BLOCK_HEADING)
        g_string_append_c (out, ' ');
      else if (block->kind == CERTO_TEXT_BLOCK_ITEM)
        g_string_append (out, "• ");

      for (guint j = 0; block->links != NULL && j < block->links->len; j++)
        {
          CertoTextLink *link = &g_array_index (block->links, CertoTextLink, j);

          g_string_append_len (out, block->text + at, link->end - at);
          g_string_append_printf (out, " <%s>", link->url);
          at = link->end;
        }
      g_string_append (out, block->text + at);
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/**
 * certo_article_text_to_markup:
 * @self: a text
 * @language: (nullable): as for certo_article_text_get_blocks()
 *
 * The text as Pango markup for a #GtkLabel with "use-markup": every text
 * escaped with g_markup_escape_text(), headings in bold (larger for
 * the section headings), list items with a bullet, links as
 * `<a href="…">` to http and https addresses only (open them with the
 * desktop's URI launcher).
 *
 * Returns: (transfer full): the markup ("" when there is no text)
 */
char *
certo_article_text_to_markup (CertoArticleText *self,
                              const char       *language)
{
  GPtrArray *blocks;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  blocks = certo_article_text_get_blocks (self, language);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      CertoTextBlock *block = g_ptr_array_index (blocks, i);
      guint at = 0;

      if (out->len > 0)
        g_string_append (out, block->kind == CERTO_TEXT_BLOCK_ITEM ? "\n" : "\n\n");
      if (block->kind == CERTO_TEXT_BLOCK_HEADING)
        g_string_append (out, block->level == 1 ? "<span size=\"large\" weight=\"bold\">" : "<b>");
      else if (block->kind == CERTO_TEXT_BLOCK_ITEM)
        g_string_append (out, "• ");

      for (guint j = 0; block->links != NULL && j < block->links->len; j++)
        {
          CertoTextLink *link = &g_array_index (block->links, CertoTextLink, j);
          g_autofree char *before = g_markup_escape_text (block->text + at, link->start - at);
          g_autofree char *words = g_markup_escape_text (block->text + link->start, link->end - link->start);
          g_autofree char *href = g_markup_escape_text (link->url, -1);

          if (!is_web_url (link->url))
            continue;
          g_string_append_printf (out, "%s<a href=\"%s\">%s</a>", before, href, words);
          at = link->end;
        }
      {
        g_autofree char *rest = g_markup_escape_text (block->text + at, -1);
        g_string_append (out, rest);
      }

      if (block->kind == CERTO_TEXT_BLOCK_HEADING)
        g_string_append (out, block->level == 1 ? "</span>" : "</b>");
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_text_section_to_string:
 * @section: a #CertoTextSection
 *
 * Returns: (transfer none): "overview" or "faq"
 */
const char *
certo_text_section_to_string (CertoTextSection section)
{
  return section == CERTO_TEXT_SECTION_FAQ ? "faq" : "overview";
}

/**
 * certo_text_block_kind_to_string:
 * @kind: a #CertoTextBlockKind
 *
 * Returns: (transfer none): "heading", "paragraph" or "item"
 */
const char *
certo_text_block_kind_to_string (CertoTextBlockKind kind)
{
  switch (kind)
    {
    case CERTO_TEXT_BLOCK_HEADING:
      return "heading";
    case CERTO_TEXT_BLOCK_ITEM:
      return "item";
    case CERTO_TEXT_BLOCK_PARAGRAPH:
    default:
      return "paragraph";
    }
}
