/* certo-catalog-update.h — what a parser found in one source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "certo-document-kind.h"
#include "certo-localized.h"

G_BEGIN_DECLS

/*
 * Plain structs filled by the parsers (catalog feed, offering article) and
 * handed to CertoStore. Ids are unique within one update; references are by
 * id. Every string is UTF-8 and owned by the struct. Dates are ISO 8601
 * ("2020-02-07" or "2020-02-07T00:00:00Z") or NULL.
 */

typedef struct
{
  char *id;                 /* "iso27001-2013" */
  char *name;               /* "ISO/IEC 27001:2013" */
  char *url;                /* nullable, http(s) */
} CertoUpdateStandard;

typedef struct
{
  char *id;                 /* "azure" */
  CertoLocalized *name;
} CertoUpdateFamily;

typedef struct
{
  char *id;
  CertoLocalized *name;
  char *url;                /* nullable, http(s) */
  GPtrArray *families;      /* (element-type utf8) family ids the feed declares */
} CertoUpdateService;

typedef struct
{
  char *id;
  CertoDocumentKind kind;
  CertoLocalized *title;
  char *family;             /* nullable family id */
  GPtrArray *standards;     /* (element-type utf8) standard ids */
  GPtrArray *services;      /* (element-type utf8) covered service ids */
  GPtrArray *service_names; /* (element-type utf8) covered names matching no service ("Microsoft Datacenter") */
  char *issuer;             /* nullable: certification body, "BSI" */
  char *certificate_number; /* nullable: "IS 533913" */
  char *issued;             /* nullable date */
  char *expires;            /* nullable date */
  GPtrArray *urls;          /* (element-type utf8) http(s) links, the first one primary; never empty */
  char *language;           /* nullable BCP 47 tag of the linked document */
} CertoUpdateDocument;

typedef struct
{
  char *id;                 /* "office-365-gcc-high" */
  CertoLocalized *name;     /* "GCC High" */
  char *family;             /* nullable family id */
  GPtrArray *service_names; /* (element-type utf8) in-scope services of that environment, as text */
} CertoUpdateEnvironment;

typedef enum
{
  CERTO_UPDATE_FORMAT_CATALOG,  /* native catalog feed, JSON v1 */
  CERTO_UPDATE_FORMAT_ARTICLE,  /* compliance-offering article, markdown */
} CertoUpdateFormat;

/* Caps certo_catalog_update_validate() applies, whatever the parser */
#define CERTO_UPDATE_MAX_TEXT_CHARS   1000     /* a title or name, per language */
#define CERTO_UPDATE_MAX_SHORT_CHARS  200      /* certificate number, issuer, publisher */
#define CERTO_UPDATE_MAX_ID_BYTES     200      /* an id, or a reference to one */
#define CERTO_UPDATE_MAX_TAG_BYTES    64       /* a language tag or a date */
#define CERTO_UPDATE_MAX_URL_BYTES    8000     /* RFC 9110 §4.1: at least 8,000 octets */
#define CERTO_UPDATE_MAX_DOCUMENTS    100000   /* per source */
#define CERTO_UPDATE_MAX_SERVICES     100000
#define CERTO_UPDATE_MAX_FAMILIES     10000
#define CERTO_UPDATE_MAX_STANDARDS    10000
#define CERTO_UPDATE_MAX_ENVIRONMENTS 10000
#define CERTO_UPDATE_MAX_LIST         1000     /* references or names in one entry */
#define CERTO_UPDATE_MAX_URLS         100      /* links of one document */
#define CERTO_UPDATE_MAX_WARNINGS     1000

typedef struct
{
  CertoUpdateFormat format;
  char *id;                 /* nullable: the feed's id ("microsoft-iso27001"): the
                             * source's identity across files and addresses */
  gboolean id_from_name;    /* @id was made up from the file name, not read from
                             * the content: it identifies nothing */
  CertoLocalized *title;    /* nullable */
  char *publisher;          /* nullable: "Microsoft" */
  char *updated;            /* nullable: content date of the source */
  char *homepage;           /* nullable */
  GPtrArray *standards;     /* (element-type CertoUpdateStandard) */
  GPtrArray *families;      /* (element-type CertoUpdateFamily) */
  GPtrArray *services;      /* (element-type CertoUpdateService) in-scope services */
  GPtrArray *documents;     /* (element-type CertoUpdateDocument) */
  GPtrArray *environments;  /* (element-type CertoUpdateEnvironment) */
  GPtrArray *warnings;      /* (element-type utf8) one line each, naming the entry;
                             * at most CERTO_UPDATE_MAX_WARNINGS + 1 */
} CertoCatalogUpdate;

CertoCatalogUpdate     *certo_catalog_update_new              (CertoUpdateFormat    format);
void                    certo_catalog_update_free             (CertoCatalogUpdate  *self);
void                    certo_catalog_update_add_warning      (CertoCatalogUpdate  *self,
                                                               const char          *format,
                                                               ...) G_GNUC_PRINTF (2, 3);
void                    certo_catalog_update_validate         (CertoCatalogUpdate  *self);
CertoUpdateStandard    *certo_catalog_update_find_standard    (CertoCatalogUpdate  *self,
                                                               const char          *id);
CertoUpdateFamily      *certo_catalog_update_find_family      (CertoCatalogUpdate  *self,
                                                               const char          *id);
CertoUpdateService     *certo_catalog_update_find_service     (CertoCatalogUpdate  *self,
                                                               const char          *id);
CertoUpdateDocument    *certo_catalog_update_find_document    (CertoCatalogUpdate  *self,
                                                               const char          *id);

CertoUpdateStandard    *certo_update_standard_new    (void);
void                    certo_update_standard_free   (CertoUpdateStandard    *self);
CertoUpdateFamily      *certo_update_family_new      (void);
void                    certo_update_family_free     (CertoUpdateFamily      *self);
CertoUpdateService     *certo_update_service_new     (void);
void                    certo_update_service_free    (CertoUpdateService     *self);
CertoUpdateDocument    *certo_update_document_new    (void);
void                    certo_update_document_free   (CertoUpdateDocument    *self);
CertoUpdateEnvironment *certo_update_environment_new (void);
void                    certo_update_environment_free (CertoUpdateEnvironment *self);

const char             *certo_catalog_update_get_identity (CertoCatalogUpdate *self);

gboolean                certo_uri_is_web             (const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoCatalogUpdate, certo_catalog_update_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoUpdateStandard, certo_update_standard_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoUpdateFamily, certo_update_family_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoUpdateService, certo_update_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoUpdateDocument, certo_update_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoUpdateEnvironment, certo_update_environment_free)

G_END_DECLS
