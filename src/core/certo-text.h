/* certo-text.h — text helpers: search folding, search queries, slugs,
 * unsafe characters, display width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *certo_text_fold            (const char *text);
char     *certo_text_slugify         (const char *text,
                                      gsize       max_len);

gboolean  certo_text_is_unsafe_char  (gunichar    c);
char     *certo_text_strip_unsafe    (const char *text,
                                      gboolean   *out_changed);
char     *certo_text_escape_unsafe   (const char *text);
char     *certo_text_truncate        (const char *text,
                                      guint       max_chars,
                                      gboolean   *out_cut);
guint     certo_text_display_width   (const char *text);

/**
 * CertoSearchQuery:
 *
 * A prepared search: the words of what the user typed, folded with
 * certo_text_fold(). A text matches when it contains every word.
 */
typedef struct _CertoSearchQuery CertoSearchQuery;

CertoSearchQuery *certo_search_query_new      (const char             *text);
void              certo_search_query_free     (CertoSearchQuery       *self);
gboolean          certo_search_query_is_empty (const CertoSearchQuery *self);
gboolean          certo_search_query_matches  (const CertoSearchQuery *self,
                                               const char             *folded_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSearchQuery, certo_search_query_free)

G_END_DECLS
