/* certo-document-kind.c — kinds of provider documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-document-kind.h"

static const struct {
  const char *id;
  const char *label;
  const char *plural;
} kinds[] = {
  [CERTO_DOCUMENT_KIND_OTHER] = { "other", N_("Other"), N_("Other documents") },
  [CERTO_DOCUMENT_KIND_CERTIFICATE] = { "certificate", N_("Certificate"), N_("Certificates") },
  [CERTO_DOCUMENT_KIND_AUDIT_REPORT] = { "audit-report", N_("Audit assessment report"), N_("Audit assessment reports") },
  [CERTO_DOCUMENT_KIND_SOA] = { "soa", N_("Statement of Applicability"), N_("Statements of Applicability") },
  [CERTO_DOCUMENT_KIND_WHITEPAPER] = { "whitepaper", N_("White paper"), N_("White papers") },
  [CERTO_DOCUMENT_KIND_GUIDE] = { "guide", N_("Guide"), N_("Guides") },
  [CERTO_DOCUMENT_KIND_BACKGROUNDER] = { "backgrounder", N_("Backgrounder"), N_("Backgrounders") },
  [CERTO_DOCUMENT_KIND_RESOURCE] = { "resource", N_("Resource"), N_("Resources") },
};

/**
 * certo_document_kind_to_string:
 * @kind: a #CertoDocumentKind
 *
 * Returns: (transfer none): the feed's name for @kind ("certificate",
 *   "audit-report", "soa", …)
 */
const char *
certo_document_kind_to_string (CertoDocumentKind kind)
{
  if ((guint) kind > CERTO_DOCUMENT_KIND_LAST)
    kind = CERTO_DOCUMENT_KIND_OTHER;

  return kinds[kind].id;
}

/**
 * certo_document_kind_from_string:
 * @text: a feed's `kind` value
 * @out_kind: (out): the kind; %CERTO_DOCUMENT_KIND_OTHER when unknown
 *
 * Returns: %TRUE when @text names a known kind
 */
gboolean
certo_document_kind_from_string (const char        *text,
                                 CertoDocumentKind *out_kind)
{
  *out_kind = CERTO_DOCUMENT_KIND_OTHER;

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (text, kinds[i].id))
        {
          *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * certo_document_kind_get_label:
 * @kind: a #CertoDocumentKind
 *
 * Returns: (transfer none): a translated name for one document of @kind
 */
const char *
certo_document_kind_get_label (CertoDocumentKind kind)
{
  if ((guint) kind > CERTO_DOCUMENT_KIND_LAST)
    kind = CERTO_DOCUMENT_KIND_OTHER;

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

/**
 * certo_document_kind_get_plural_label:
 * @kind: a #CertoDocumentKind
 *
 * Returns: (transfer none): a translated heading for a list of @kind
 */
const char *
certo_document_kind_get_plural_label (CertoDocumentKind kind)
{
  if ((guint) kind > CERTO_DOCUMENT_KIND_LAST)
    kind = CERTO_DOCUMENT_KIND_OTHER;

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].plural);
}
