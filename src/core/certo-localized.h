/* certo-localized.h — text in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CERTO_TYPE_LOCALIZED (certo_localized_get_type ())

/**
 * CertoLocalized:
 *
 * A text with one value per language, keyed by BCP 47 tag ("en", "it",
 * "pt-BR"; RFC 5646). The empty tag "" holds a value of unknown language,
 * as a plain JSON string in a feed gives. Reference counted; treat an
 * instance shared with others as read-only.
 */
typedef struct _CertoLocalized CertoLocalized;

GType            certo_localized_get_type     (void) G_GNUC_CONST;
CertoLocalized  *certo_localized_new          (void);
CertoLocalized  *certo_localized_new_plain    (const char           *text);
CertoLocalized  *certo_localized_ref          (CertoLocalized       *self);
void             certo_localized_unref        (CertoLocalized       *self);
void             certo_localized_set          (CertoLocalized       *self,
                                               const char           *lang,
                                               const char           *text);
const char      *certo_localized_get          (const CertoLocalized *self,
                                               const char           *lang);
const char      *certo_localized_lookup       (const CertoLocalized *self,
                                               const char * const   *languages);
const char      *certo_localized_get_display  (const CertoLocalized *self);
guint            certo_localized_get_n_values (const CertoLocalized *self);
const char      *certo_localized_get_nth      (const CertoLocalized *self,
                                               guint                 n,
                                               const char          **out_lang);
gboolean         certo_localized_is_empty     (const CertoLocalized *self);
gboolean         certo_localized_equal        (const CertoLocalized *a,
                                               const CertoLocalized *b);
char            *certo_localized_to_json      (const CertoLocalized *self);
CertoLocalized  *certo_localized_new_from_json (const char          *json);
char            *certo_localized_dup_all_text (const CertoLocalized *self,
                                               const char           *separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoLocalized, certo_localized_unref)

G_END_DECLS
