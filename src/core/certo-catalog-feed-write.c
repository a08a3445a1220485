/* certo-catalog-feed-write.c — the native catalog feed, JSON version 1:
 * the writer (the reader: certo-catalog-feed.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "certo-catalog-feed-private.h"
#include "certo-parse.h"

/* Helpers: writing */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* The rule of certo_localized_to_json(): a plain string when the only value
 * has the unknown tag "", an object of tags (sorted) otherwise. */
static void
add_localized (JsonBuilder          *builder,
               const char           *member,
               const CertoLocalized *value)
{
  guint n;
  const char *lang = NULL;

  if (value == NULL || (n = certo_localized_get_n_values (value)) == 0)
    return;

  json_builder_set_member_name (builder, member);
  if (n == 1 && *(certo_localized_get_nth (value, 0, &lang), lang) == '\0')
    {
      json_builder_add_string_value (builder, certo_localized_get_nth (value, 0, NULL));
      return;
    }

  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const char *text = certo_localized_get_nth (value, i, &lang);

      json_builder_set_member_name (builder, lang);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
}

static void
add_string_list (JsonBuilder *builder,
                 const char  *member,
                 GPtrArray   *values)
{
  if (values == NULL || values->len == 0)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (values, i));
  json_builder_end_array (builder);
}

static void
write_standard (JsonBuilder         *builder,
                CertoUpdateStandard *standard)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", standard->id);
  add_string (builder, "name", standard->name);
  add_string (builder, "url", standard->url);
  json_builder_end_object (builder);
}

static void
write_family (JsonBuilder       *builder,
              CertoUpdateFamily *family)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", family->id);
  add_localized (builder, "name", family->name);
  json_builder_end_object (builder);
}

static void
write_service (JsonBuilder        *builder,
               CertoUpdateService *service)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", service->id);
  add_localized (builder, "name", service->name);
  add_string_list (builder, "families", service->families);
  add_string (builder, "url", service->url);
  json_builder_end_object (builder);
}

static void
write_environment (JsonBuilder            *builder,
                   CertoUpdateEnvironment *environment)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", environment->id);
  add_localized (builder, "name", environment->name);
  add_string (builder, "family", environment->family);
  add_string_list (builder, "services", environment->service_names);
  json_builder_end_object (builder);
}

static void
write_document (JsonBuilder         *builder,
                CertoUpdateDocument *document)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", document->id);
  add_string (builder, "kind", certo_document_kind_to_string (document->kind));
  add_localized (builder, "title", document->title);
  add_string (builder, "family", document->family);
  add_string_list (builder, "standards", document->standards);
  add_string_list (builder, "services", document->services);
  add_string_list (builder, "service_names", document->service_names);
  add_string (builder, "issuer", document->issuer);
  add_string (builder, "certificate_number", document->certificate_number);
  add_string (builder, "issued", document->issued);
  add_string (builder, "expires", document->expires);
  if (document->urls != NULL && document->urls->len > 0)
    add_string (builder, "url", g_ptr_array_index (document->urls, 0));
  /* "urls" lists every link, the primary one first, and appears only when
   * there are several: a reader that knows only "url" still gets one */
  if (document->urls != NULL && document->urls->len > 1)
    add_string_list (builder, "urls", document->urls);
  add_string (builder, "language", document->language);
  json_builder_end_object (builder);
}

#define WRITE_LIST(builder, member, array, write_func)                    \
  G_STMT_START {                                                          \
    if ((array) != NULL && (array)->len > 0)                              \
      {                                                                   \
        json_builder_set_member_name ((builder), (member));               \
        json_builder_begin_array ((builder));                             \
        for (guint i_ = 0; i_ < (array)->len; i_++)                       \
          write_func ((builder), g_ptr_array_index ((array), i_));        \
        json_builder_end_array ((builder));                               \
      }                                                                   \
  } G_STMT_END

/* Public API: writing */

/**
 * certo_catalog_feed_write:
 * @update: an update, normally one certo_catalog_update_validate() has seen
 *
 * Writes @update as a native catalog feed, JSON version 1 (RFC 8259,
 * UTF-8; schema in `data/certo-catalog.schema.json`). The output is
 * deterministic — the same update always gives the same bytes — so it can
 * be committed and compared: pretty-printed with 2-space indentation,
 * members in a fixed order (format, version, id, title, publisher,
 * updated, homepage, standards, families, services, environments,
 * documents), entries in the update's order, a trailing newline.
 *
 * Localized strings follow certo_localized_to_json(): an object of BCP 47
 * tags (RFC 5646), or a plain string when the only value has the unknown
 * tag "". Empty optional members are left out. An environment's in-scope
 * services are written as `"services": [names…]`, a document's covered
 * names that match no service as `"service_names"`, and a document with
 * several links as `"url"` (the primary one) plus `"urls"` (all of them,
 * the primary first). The warnings of @update are not written.
 *
 * certo_catalog_feed_parse() reads the result back into an equal update.
 *
 * Returns: (transfer full): the feed, UTF-8 JSON text ending in a newline
 */
char *
certo_catalog_feed_write (CertoCatalogUpdate *update)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (update != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", CERTO_CATALOG_FEED_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CERTO_CATALOG_FEED_VERSION);
  add_string (builder, "id", update->id);
  add_localized (builder, "title", update->title);
  add_string (builder, "publisher", update->publisher);
  add_string (builder, "updated", update->updated);
  add_string (builder, "homepage", update->homepage);
  WRITE_LIST (builder, "standards", update->standards, write_standard);
  WRITE_LIST (builder, "families", update->families, write_family);
  WRITE_LIST (builder, "services", update->services, write_service);
  WRITE_LIST (builder, "environments", update->environments, write_environment);
  WRITE_LIST (builder, "documents", update->documents, write_document);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
