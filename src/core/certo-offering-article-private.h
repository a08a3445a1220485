/* certo-offering-article-private.h — what the files of the
 * compliance-offering article reader share: the parser's state, the lines
 * it reads and the facts it collects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certo-offering-article.c: the first pass over the lines (front matter,
 * dispatch) and certo_offering_article_parse(); -markdown.c: spans, inline
 * markdown, tables and lines; -sections.c: what each section holds;
 * -cut.c: an article cut off; -services.c: which services a title names;
 * -documents.c: kinds, certificate numbers, issuers and standards.
 */
#pragma once

#include "certo-parse.h"

G_BEGIN_DECLS

typedef enum
{
  SECTION_NONE,
  SECTION_OTHER,
  SECTION_SERVICES,
  SECTION_CERTIFICATES,
  SECTION_REPORTS,
  SECTION_FAQ,
  SECTION_RESOURCES,
  SECTION_WHITEPAPERS,
  SECTION_BACKGROUNDER,
  SECTION_APPLICABILITY,
} Section;

/* One markdown line in both languages, the spans resolved */
typedef struct
{
  GString *local;
  GString *en;
  char *anchor;            /* the first <a name="…">, or NULL */
  gboolean localized;      /* the line had a translated span */
} BiLine;

typedef struct
{
  char *text;              /* flattened link text */
  char *url;               /* as written */
} Link;

/* Ids handed out, and the next numeric suffix for each base */
typedef struct
{
  GHashTable *taken;
  GHashTable *next;
} IdSet;

/* A document as read, before the second pass derives its facts */
typedef struct
{
  Section section;
  CertoDocumentKind kind;  /* fixed by the section, or OTHER: from the title */
  CertoLocalized *title;
  char *en_title;
  char *family_id;         /* nullable */
  char *family_name;       /* nullable, English */
  GPtrArray *urls;         /* web links, first primary */
} RawDoc;

typedef struct
{
  CertoCatalogUpdate *update;
  const char *name;            /* nullable: the source in messages */
  GUri *base;                  /* nullable: only a web base resolves relative links */
  char *local_lang;            /* nullable: "it" from ms.contentlocale */
  gboolean local_known;        /* ms.contentlocale was given */

  /* front matter */
  char *fm_title;
  char *fm_date;
  char *fm_lasthandoff;
  gboolean fm_microsoft;

  CertoLocalized *h1;
  char *h1_en;

  Section section;
  Section h2_section;
  char *h2_family_name;        /* "Office 365" from "## Office 365 and ISO 27001" */
  char *family_id;             /* the current ### family in certificates/reports */
  char *family_name;
  CertoLocalized *family_label;
  CertoLocalized *heading;     /* the current ## or ### heading */
  gboolean found_services;
  gboolean found_documents;
  gboolean backgrounder_done;

  gboolean in_env_table;
  gboolean env_header_seen;

  GPtrArray *raw_docs;         /* of RawDoc */
  IdSet *service_ids;
  GHashTable *service_names;   /* folded English name → TRUE */
  GHashTable *family_index;    /* id → CertoUpdateFamily (owned by update) */
  IdSet *env_ids;
  gboolean warned_services;
  gboolean warned_documents;
  gboolean warned_environments;
} Parser;

/* Caps: a real article has about 25 services and 40 links; matching
 * titles against service names costs services × documents */
#define MAX_SERVICES 500
#define MAX_DOCUMENTS 1000
#define MAX_ENVIRONMENTS 500
#define MAX_ENV_SERVICES 2000
#define MAX_SPAN_DEPTH 32
#define MAX_ID_LEN 64
#define MAX_SERVICE_ID_LEN 48

typedef enum
{
  CUT_NONE,
  CUT_LINK,
  CUT_TAG,
  CUT_SPAN,
  CUT_TABLE_ROW,
  CUT_LIST_ITEM,
  CUT_HEADING,
  CUT_COMMENT,
  CUT_FRONT_MATTER,
  CUT_SENTENCE,
} CutKind;

typedef struct
{
  GHashTable *forms;        /* folded match form → CertoUpdateService (first wins) */
  GHashTable *by_id;        /* id → CertoUpdateService */
  GPtrArray *folded;        /* folded English name of each service, in order */
} ServiceIndex;

typedef struct
{
  guint number;
  guint year;
  gboolean found;
} MainStandard;

/* certo-offering-article-markdown.c */
void        _certo_offering_bi_line_init         (BiLine *line);
void        _certo_offering_bi_line_clear        (BiLine *line);
void        _certo_offering_link_free            (gpointer data);
char       *_certo_offering_squeeze              (const char *text);
void        _certo_offering_split_languages      (const char *p,
                                                  const char *end,
                                                  BiLine     *line);
char       *_certo_offering_flatten              (const char *text,
                                                  gsize       len,
                                                  GPtrArray  *links);
GPtrArray  *_certo_offering_split_cells          (const char *row);
gboolean    _certo_offering_is_delimiter_row     (GPtrArray *cells);
void        _certo_offering_split_outside_parens (const char *text,
                                                  GPtrArray  *out,
                                                  guint       max);
gsize       _certo_offering_list_marker          (const char *p);
gsize       _certo_offering_leading_space        (const char *p);
const char *_certo_offering_next_line            (const char  *p,
                                                  const char  *end,
                                                  gsize       *len);
gboolean    _certo_offering_is_fence             (const char *p,
                                                  gsize       len,
                                                  const char *fence);

/* certo-offering-article-sections.c */
void            _certo_offering_raw_doc_free         (gpointer data);
gboolean        _certo_offering_find_main_standard   (const char *text,
                                                      guint      *number,
                                                      guint      *year);
CertoLocalized *_certo_offering_make_localized       (Parser     *self,
                                                      const char *local,
                                                      const char *en,
                                                      gboolean    localized);
IdSet          *_certo_offering_id_set_new           (void);
void            _certo_offering_id_set_free          (IdSet *set);
char           *_certo_offering_unique_id            (IdSet      *set,
                                                      const char *base);
void            _certo_offering_strip_closing_hashes (char *text);
void            _certo_offering_handle_heading       (Parser   *self,
                                                      guint     level,
                                                      BiLine   *line,
                                                      gsize     local_skip,
                                                      gsize     en_skip);
void            _certo_offering_handle_table_row     (Parser *self,
                                                      BiLine *line);
void            _certo_offering_handle_links_in_faq  (Parser *self,
                                                      BiLine *line);
void            _certo_offering_handle_backgrounder  (Parser *self,
                                                      BiLine *line);
void            _certo_offering_handle_list_item     (Parser     *self,
                                                      BiLine     *line,
                                                      const char *local_text,
                                                      gsize       local_len,
                                                      const char *en_text,
                                                      gsize       en_len);

/* certo-offering-article-cut.c */
CutKind  _certo_offering_find_cut      (const char  *text,
                                        gsize        length,
                                        char       **out_heading);
void     _certo_offering_set_cut_error (GError     **error,
                                        const char  *name,
                                        CutKind      kind,
                                        const char  *heading);

/* certo-offering-article-services.c */
void     _certo_offering_service_index_init (ServiceIndex       *index,
                                             CertoCatalogUpdate *update);
void     _certo_offering_union_into         (GPtrArray *dest,
                                             GPtrArray *src);
gboolean _certo_offering_cover_services     (CertoCatalogUpdate  *update,
                                             ServiceIndex        *index,
                                             CertoUpdateDocument *doc,
                                             const RawDoc        *raw);

/* certo-offering-article-documents.c */
void     _certo_offering_build_documents   (Parser             *self,
                                            const MainStandard *main_std);
void     _certo_offering_find_standard_url (CertoCatalogUpdate *update,
                                            const MainStandard *main_std);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdSet, _certo_offering_id_set_free)

G_END_DECLS
