/* certo-article-text.h — the overview and FAQ of a fetched
 * compliance-offering article, kept for offline reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CertoTextSection:
 * @CERTO_TEXT_SECTION_OVERVIEW: the article's overview
 * @CERTO_TEXT_SECTION_FAQ: its frequently asked questions
 */
typedef enum
{
  CERTO_TEXT_SECTION_OVERVIEW,
  CERTO_TEXT_SECTION_FAQ,
} CertoTextSection;

/**
 * CertoTextBlockKind:
 * @CERTO_TEXT_BLOCK_HEADING: a heading (see #CertoTextBlock.level)
 * @CERTO_TEXT_BLOCK_PARAGRAPH: a paragraph
 * @CERTO_TEXT_BLOCK_ITEM: an item of a list
 */
typedef enum
{
  CERTO_TEXT_BLOCK_HEADING,
  CERTO_TEXT_BLOCK_PARAGRAPH,
  CERTO_TEXT_BLOCK_ITEM,
} CertoTextBlockKind;

/**
 * CertoTextLink:
 * @start: byte offset in the block's text where the link's words begin
 * @end: byte offset just past them
 * @url: an absolute http or https URL (nothing else is kept)
 */
typedef struct
{
  guint  start;
  guint  end;
  char  *url;
} CertoTextLink;

/**
 * CertoTextBlock:
 * @section: the section the block belongs to
 * @kind: heading, paragraph or list item
 * @level: for a heading, 1 (the section's own heading) to 4
 * @text: plain text (remote text: escape it before using it in markup)
 * @links: (element-type CertoTextLink): links inside @text, in order,
 *   never overlapping
 */
typedef struct
{
  CertoTextSection    section;
  CertoTextBlockKind  kind;
  guint               level;
  char               *text;
  GArray             *links;
} CertoTextBlock;

typedef struct _CertoArticleText CertoArticleText;

#define CERTO_TYPE_ARTICLE_TEXT (certo_article_text_get_type ())

GType               certo_article_text_get_type      (void) G_GNUC_CONST;
CertoArticleText   *certo_article_text_new           (void);
CertoArticleText   *certo_article_text_ref           (CertoArticleText   *self);
void                certo_article_text_unref         (CertoArticleText   *self);

CertoArticleText   *certo_article_text_extract       (GBytes             *markdown,
                                                      const char         *base_uri);

const char * const *certo_article_text_get_languages (CertoArticleText   *self);
GPtrArray          *certo_article_text_get_blocks    (CertoArticleText   *self,
                                                      const char         *language);
gboolean            certo_article_text_is_empty      (CertoArticleText   *self);
void                certo_article_text_add_block     (CertoArticleText   *self,
                                                      const char         *language,
                                                      CertoTextSection    section,
                                                      CertoTextBlockKind  kind,
                                                      guint               level,
                                                      const char         *text,
                                                      GArray             *links);
char               *certo_article_text_to_plain      (CertoArticleText   *self,
                                                      const char         *language);
char               *certo_article_text_to_markup     (CertoArticleText   *self,
                                                      const char         *language);

const char         *certo_text_section_to_string     (CertoTextSection    section);
const char         *certo_text_block_kind_to_string  (CertoTextBlockKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoArticleText, certo_article_text_unref)

G_END_DECLS
