/* test-feed.c — the native catalog feed (JSON v1): reading, writing, bad entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-parse.h"
#include "certo-test-util.h"

/* Helpers */

static CertoCatalogUpdate *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  CertoCatalogUpdate *update;

  update = certo_catalog_feed_parse (bytes, "test.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (update);
  return update;
}

static CertoCatalogUpdate *
parse_fixture (const char *file)
{
  g_autofree char *relative = g_build_filename ("feeds", file, NULL);
  g_autofree char *path = certo_test_data_path (relative);
  g_autoptr(GBytes) bytes = certo_test_load_bytes (path);
  g_autoptr(GError) error = NULL;
  CertoCatalogUpdate *update;

  update = certo_catalog_feed_parse (bytes, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (update);
  return update;
}

/* A feed around one document, with a family, a standard and a service to
 * refer to */
static CertoCatalogUpdate *
parse_document (const char *document_json)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"certo-catalog\", \"version\": 1,\n"
    " \"standards\": [{\"id\": \"s\", \"name\": \"ISO/IEC 27001:2013\"}],\n"
    " \"families\": [{\"id\": \"f\", \"name\": \"Family\"}],\n"
    " \"services\": [{\"id\": \"v\", \"name\": \"Service\"}],\n"
    " \"documents\": [%s]}\n", document_json);

  return parse_text (text);
}

static void
assert_warnings (CertoCatalogUpdate *update,
                 const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MAX (n, update->warnings->len); i++)
    {
      const char *got = i < update->warnings->len ? g_ptr_array_index (update->warnings, i) : NULL;

      g_assert_cmpstr (got, ==, i < n ? expected[i] : NULL);
    }
}

static void
assert_no_warnings (CertoCatalogUpdate *update)
{
  const char * const none[] = { NULL };

  assert_warnings (update, none);
}

static void
assert_str_arrays_equal (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
assert_updates_equal (CertoCatalogUpdate *a,
                      CertoCatalogUpdate *b)
{
  g_assert_cmpint (a->format, ==, b->format);
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_true (certo_localized_equal (a->title, b->title));
  g_assert_cmpstr (a->publisher, ==, b->publisher);
  g_assert_cmpstr (a->updated, ==, b->updated);
  g_assert_cmpstr (a->homepage, ==, b->homepage);

  g_assert_cmpuint (a->standards->len, ==, b->standards->len);
  for (guint i = 0; i < a->standards->len; i++)
    {
      CertoUpdateStandard *x = g_ptr_array_index (a->standards, i);
      CertoUpdateStandard *y = g_ptr_array_index (b->standards, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->url, ==, y->url);
    }

  g_assert_cmpuint (a->families->len, ==, b->families->len);
  for (guint i = 0; i < a->families->len; i++)
    {
      CertoUpdateFamily *x = g_ptr_array_index (a->families, i);
      CertoUpdateFamily *y = g_ptr_array_index (b->families, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_true (certo_localized_equal (x->name, y->name));
    }

  g_assert_cmpuint (a->services->len, ==, b->services->len);
  for (guint i = 0; i < a->services->len; i++)
    {
      CertoUpdateService *x = g_ptr_array_index (a->services, i);
      CertoUpdateService *y = g_ptr_array_index (b->services, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_true (certo_localized_equal (x->name, y->name));
      g_assert_cmpstr (x->url, ==, y->url);
      assert_str_arrays_equal (x->families, y->families);
    }

  g_assert_cmpuint (a->environments->len, ==, b->environments->len);
  for (guint i = 0; i < a->environments->len; i++)
    {
      CertoUpdateEnvironment *x = g_ptr_array_index (a->environments, i);
      CertoUpdateEnvironment *y = g_ptr_array_index (b->environments, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_true (certo_localized_equal (x->name, y->name));
      g_assert_cmpstr (x->family, ==, y->family);
      assert_str_arrays_equal (x->service_names, y->service_names);
    }

  g_assert_cmpuint (a->documents->len, ==, b->documents->len);
  for (guint i = 0; i < a->documents->len; i++)
    {
      CertoUpdateDocument *x = g_ptr_array_index (a->documents, i);
      CertoUpdateDocument *y = g_ptr_array_index (b->documents, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_true (certo_localized_equal (x->title, y->title));
      g_assert_cmpstr (x->family, ==, y->family);
      assert_str_arrays_equal (x->standards, y->standards);
      assert_str_arrays_equal (x->services, y->services);
      assert_str_arrays_equal (x->service_names, y->service_names);
      g_assert_cmpstr (x->issuer, ==, y->issuer);
      g_assert_cmpstr (x->certificate_number, ==, y->certificate_number);
      g_assert_cmpstr (x->issued, ==, y->issued);
      g_assert_cmpstr (x->expires, ==, y->expires);
      assert_str_arrays_equal (x->urls, y->urls);
      g_assert_cmpstr (x->language, ==, y->language);
    }
}

static void
add_string (GPtrArray  *array,
            const char *value)
{
  g_ptr_array_add (array, g_strdup (value));
}

/* An update built in code, with every member the writer knows */
static CertoCatalogUpdate *
build_update (void)
{
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  CertoUpdateStandard *standard = certo_update_standard_new ();
  CertoUpdateFamily *family = certo_update_family_new ();
  CertoUpdateService *service = certo_update_service_new ();
  CertoUpdateEnvironment *environment = certo_update_environment_new ();
  CertoUpdateDocument *document = certo_update_document_new ();

  update->id = g_strdup ("built");
  update->title = certo_localized_new ();
  certo_localized_set (update->title, "en", "Built — \"quoted\" \\ and\ttab");
  certo_localized_set (update->title, "", "Unknown language");
  update->publisher = g_strdup ("Publisher");
  update->updated = g_strdup ("2024-01-31");
  update->homepage = g_strdup ("https://example.com/");

  standard->id = g_strdup ("iso27018-2019");
  standard->name = g_strdup ("ISO/IEC 27018:2019");
  g_ptr_array_add (update->standards, standard);

  family->id = g_strdup ("fam");
  family->name = certo_localized_new_plain ("Famiglia ☁");
  g_ptr_array_add (update->families, family);

  service->id = g_strdup ("svc");
  service->name = certo_localized_new ();
  certo_localized_set (service->name, "de", "Dienst");
  service->url = g_strdup ("https://example.com/svc");
  add_string (service->families, "fam");
  g_ptr_array_add (update->services, service);

  environment->id = g_strdup ("env");
  environment->name = certo_localized_new_plain ("Env");
  environment->family = g_strdup ("fam");
  add_string (environment->service_names, "Svc one");
  add_string (environment->service_names, "Svc two");
  g_ptr_array_add (update->environments, environment);

  document->id = g_strdup ("doc");
  document->kind = CERTO_DOCUMENT_KIND_BACKGROUNDER;
  document->title = certo_localized_new_plain ("😀 Emoji, <i>markup</i> & entities &lt;");
  document->family = g_strdup ("fam");
  add_string (document->standards, "iso27018-2019");
  add_string (document->services, "svc");
  add_string (document->service_names, "Unmatched service");
  document->issuer = g_strdup ("Schellman");
  document->certificate_number = g_strdup ("1234");
  document->issued = g_strdup ("2023-05-06T07:08:09.5-03:30");
  document->expires = g_strdup ("2026-05-06");
  add_string (document->urls, "https://example.com/a");
  add_string (document->urls, "https://example.com/b");
  add_string (document->urls, "https://example.com/c");
  document->language = g_strdup ("zh-hant-tw");
  g_ptr_array_add (update->documents, document);

  return update;
}

/* Tests: writing */

static void
test_write_format (void)
{
  g_autoptr(CertoCatalogUpdate) update = build_update ();
  g_autofree char *first = certo_catalog_feed_write (update);
  g_autofree char *second = certo_catalog_feed_write (update);
  const char *members[] = {
    "\n  \"format\" : \"certo-catalog\"", "\n  \"version\" : 1", "\n  \"id\"", "\n  \"title\"",
    "\n  \"publisher\"", "\n  \"updated\"", "\n  \"homepage\"", "\n  \"standards\"",
    "\n  \"families\"", "\n  \"services\"", "\n  \"environments\"", "\n  \"documents\"",
  };
  const char *previous = first;

  /* Deterministic, pretty-printed, a trailing newline */
  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\""));
  g_assert_true (g_str_has_suffix (first, "\n}\n"));
  g_assert_nonnull (strstr (first, "\n      \"id\" : \"doc\""));

  /* Members in the fixed order */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *at = strstr (first, members[i]);

      g_assert_nonnull (at);
      g_assert_true (at >= previous);
      previous = at;
    }

  /* Localized strings: an object of tags, "" kept when there are others;
   * a plain string when "" is the only tag */
  g_assert_nonnull (strstr (first, "\"title\" : {\n    \"\" : \"Unknown language\",\n    \"en\" :"));
  g_assert_nonnull (strstr (first, "\"name\" : \"Famiglia ☁\""));
  g_assert_nonnull (strstr (first, "\"name\" : {\n        \"de\" : \"Dienst\"\n      }"));

  /* Several links: "url" is the primary, "urls" lists them all */
  g_assert_nonnull (strstr (first, "\"url\" : \"https://example.com/a\",\n      \"urls\" : [\n"
                                   "        \"https://example.com/a\",\n        \"https://example.com/b\",\n"
                                   "        \"https://example.com/c\"\n      ]"));
  /* An environment's services, by name */
  g_assert_nonnull (strstr (first, "\"services\" : [\n        \"Svc one\",\n        \"Svc two\"\n      ]"));
  g_assert_nonnull (strstr (first, "\"service_names\" : [\n        \"Unmatched service\"\n      ]"));
  /* Text is not escaped beyond what JSON needs */
  g_assert_nonnull (strstr (first, "\"😀 Emoji, <i>markup</i> & entities &lt;\""));
}

static void
test_write_omits_empty (void)
{
  g_autoptr(CertoCatalogUpdate) update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  CertoUpdateDocument *document = certo_update_document_new ();
  g_autofree char *text = NULL;

  document->id = g_strdup ("d");
  document->title = certo_localized_new_plain ("T");
  g_ptr_array_add (document->urls, g_strdup ("https://example.com/d"));
  g_ptr_array_add (update->documents, document);

  text = certo_catalog_feed_write (update);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\" : \"certo-catalog\",\n"
                   "  \"version\" : 1,\n"
                   "  \"documents\" : [\n"
                   "    {\n"
                   "      \"id\" : \"d\",\n"
                   "      \"kind\" : \"other\",\n"
                   "      \"title\" : \"T\",\n"
                   "      \"url\" : \"https://example.com/d\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

/* The committed rich.written.json is what the writer makes of rich.json:
 * a change in the writer's output shows up here first */
static void
test_write_golden (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_fixture ("rich.json");
  g_autofree char *path = certo_test_data_path ("feeds/rich.written.json");
  g_autoptr(GBytes) expected = certo_test_load_bytes (path);
  g_autofree char *written = certo_catalog_feed_write (update);

  g_assert_cmpstr (written, ==, g_bytes_get_data (expected, NULL));
}

/* Tests: round trips */

static void
test_round_trip_fixture (void)
{
  g_autoptr(CertoCatalogUpdate) first = parse_fixture ("rich.json");
  g_autoptr(CertoCatalogUpdate) second = NULL;
  g_autoptr(CertoCatalogUpdate) third = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  CertoUpdateDocument *document;

  assert_no_warnings (first);
  g_assert_cmpuint (first->standards->len, ==, 2);
  g_assert_cmpuint (first->families->len, ==, 2);
  g_assert_cmpuint (first->services->len, ==, 3);
  g_assert_cmpuint (first->environments->len, ==, 2);
  g_assert_cmpuint (first->documents->len, ==, 8);

  /* Italian and English kept side by side; markup kept as those exact
   * characters, never interpreted or unescaped */
  document = g_ptr_array_index (first->documents, 0);
  g_assert_cmpstr (certo_localized_get (document->title, "en"), ==,
                   "<b>&amp;</b> Example Cloud ISO/IEC 27001 certificate");
  g_assert_cmpstr (certo_localized_get (document->title, "it"), ==,
                   "Certificato ISO/IEC 27001 di Example Cloud");
  g_assert_cmpuint (document->urls->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (document->urls, 1), ==,
                   "https://certificates.example.org/verify?licencenumber=IS+533913");
  g_assert_cmpstr (document->certificate_number, ==, "IS 533913");

  written = certo_catalog_feed_write (first);
  second = parse_text (written);
  assert_no_warnings (second);
  assert_updates_equal (first, second);

  /* The written form is a fixed point */
  rewritten = certo_catalog_feed_write (second);
  g_assert_cmpstr (written, ==, rewritten);
  third = parse_text (rewritten);
  assert_updates_equal (first, third);
}

static void
test_round_trip_built (void)
{
  g_autoptr(CertoCatalogUpdate) built = build_update ();
  g_autofree char *written = certo_catalog_feed_write (built);
  g_autoptr(CertoCatalogUpdate) parsed = parse_text (written);

  assert_no_warnings (parsed);
  assert_updates_equal (built, parsed);
}

/* Tests: reading */

/* Members a later Certo may add are ignored, in the feed and in entries;
 * a kind this Certo does not know is kept as "other" */
static void
test_forward_compatible (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_fixture ("forward.json");
  CertoUpdateDocument *document;

  assert_no_warnings (update);
  g_assert_cmpstr (update->id, ==, "future");
  g_assert_cmpuint (update->services->len, ==, 1);
  g_assert_cmpuint (update->documents->len, ==, 2);

  document = g_ptr_array_index (update->documents, 0);
  g_assert_cmpstr (document->id, ==, "pentest");
  g_assert_cmpint (document->kind, ==, CERTO_DOCUMENT_KIND_OTHER);
  g_assert_cmpstr (certo_localized_get (document->title, ""), ==, "Penetration test summary");

  document = g_ptr_array_index (update->documents, 1);
  g_assert_cmpint (document->kind, ==, CERTO_DOCUMENT_KIND_CERTIFICATE);
  g_assert_cmpstr (document->certificate_number, ==, "IS 619017");
}

/* Every kind of bad entry, and the exact warning that names it */
static void
test_bad_entries (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_fixture ("bad-entries.json");
  const char * const expected[] = {
    /* while reading: types, kinds, dates, tags */
    "Catalog: ignored its “publisher”, which is not text",
    "Skipped standard number 3: it is not a JSON object",
    "Family “f-typed”: ignored its “name”, which is neither text nor an object of language tags",
    "Service “v-typed”: ignored its “families”, which is not a list",
    "Service “v-typed”: ignored its “url”, which is not text",
    "Environment number 1: ignored its “id”, which is not text",
    "Skipped document “no-kind”: it has no kind",
    "Document “typed”: ignored its “title”, which is neither text nor an object of language tags",
    "Document “typed”: ignored the items of its “standards” list that are not text",
    "Document “typed”: ignored its “services”, which is not a list",
    "Document “typed”: ignored its “issued” date “2019-02-30”, which is not a YYYY-MM-DD date or an RFC 3339 date and time",
    "Document “typed”: ignored its “expires” date “next year”, which is not a YYYY-MM-DD date or an RFC 3339 date and time",
    "Skipped document number 4: it is not a JSON object",
    "Document “localized”: ignored the value for “it” in its “title”, which is not text",
    "Document “localized”: ignored the text for “not a tag” in its “title”, which is not a BCP 47 language tag",
    "Document “localized”: ignored its language “english please”, which is not a BCP 47 language tag",
    /* then the rules of certo_catalog_update_validate() */
    "Ignored the catalog’s homepage “ftp://example.com/”, which is not an http or https address",
    "Skipped standard number 1: it has no id",
    "Skipped standard “s-no-name”: it has no name",
    "Standard “s-ok”: ignored its link “javascript:alert(1)”, which is not an http or https address",
    "Skipped standard “s-ok”: its id is used twice",
    "Skipped family “f-typed”: it has no name",
    "Service “v-bad-family”: ignored the unknown family “nowhere”",
    "Skipped document number 1: it has no id",
    "Skipped document “typed”: it has no title",
    "Document “file-link”: ignored its link “file:///etc/passwd”, which is not an http or https address",
    "Skipped document “file-link”: it has no http or https link",
    "Skipped document “no-link”: it has no http or https link",
    "Document “refs”: ignored the unknown family “nowhere”",
    "Document “refs”: ignored the unknown standard “iso9001”",
    "Document “refs”: ignored the unknown service “nowhere”",
    "Skipped document “refs”: its id is used twice",
    "Skipped environment number 1: it has no id",
    "Environment “env-no-family”: ignored the unknown family “nowhere”",
    NULL
  };
  CertoUpdateDocument *document;

  assert_warnings (update, expected);

  /* The rest is imported */
  g_assert_cmpuint (update->standards->len, ==, 1);
  g_assert_cmpuint (update->families->len, ==, 1);
  g_assert_cmpuint (update->services->len, ==, 3);
  g_assert_cmpuint (update->environments->len, ==, 1);
  g_assert_cmpuint (update->documents->len, ==, 2);

  document = certo_catalog_update_find_document (update, "refs");
  g_assert_nonnull (document);
  g_assert_null (document->family);
  g_assert_cmpuint (document->standards->len, ==, 1);
  g_assert_cmpuint (document->services->len, ==, 1);

  document = certo_catalog_update_find_document (update, "localized");
  g_assert_nonnull (document);
  g_assert_cmpuint (certo_localized_get_n_values (document->title), ==, 1);
  g_assert_cmpstr (certo_localized_get (document->title, "en"), ==, "Only English");
  g_assert_null (document->language);
}

/* A member of the wrong type at the top level is a bad entry too */
static void
test_wrong_types (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_text (
    "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": 7, \"title\": 3,\n"
    " \"updated\": false, \"services\": 5, \"documents\": {\"a\": 1}, \"standards\": \"x\"}");
  const char * const expected[] = {
    "Catalog: ignored its “id”, which is not text",
    "Catalog: ignored its “title”, which is neither text nor an object of language tags",
    "Catalog: ignored its “updated”, which is not text",
    "Catalog: ignored its “standards”, which is not a list",
    "Catalog: ignored its “services”, which is not a list",
    "Catalog: ignored its “documents”, which is not a list",
    NULL
  };

  assert_warnings (update, expected);
  g_assert_null (update->id);
  g_assert_null (update->title);
  g_assert_cmpuint (update->services->len, ==, 0);
  g_assert_cmpuint (update->documents->len, ==, 0);
}

static void
test_dates (void)
{
  const struct {
    const char *text;
    const char *stored;   /* NULL: refused */
  } cases[] = {
    { "2019-11-05", "2019-11-05" },
    { "2020-02-29", "2020-02-29" },
    { "2020-02-07T00:00:00Z", "2020-02-07T00:00:00Z" },
    { "2020-02-07T10:30:00.125+01:00", "2020-02-07T10:30:00.125+01:00" },
    { "2020-02-07t10:30:00z", "2020-02-07T10:30:00Z" },       /* RFC 3339 §5.6 NOTE */
    { "2020-02-07 10:30:00-05:00", "2020-02-07T10:30:00-05:00" },
    { "2019-02-29", NULL },
    { "2020-13-01", NULL },
    { "2020-1-1", NULL },
    { "05/11/2019", NULL },
    { "2020-02-07T10:30:00", NULL },                          /* no offset */
    { "2020-02-07T25:00:00Z", NULL },
    { "2020-02-07T10:30Z", NULL },
    { "2020-W06-5", NULL },
    { "20200207", NULL },
    { "2020-02-07junk", NULL },
    { "2020-02-07T10:30:00+0100", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"d\", \"kind\": \"certificate\", \"title\": \"T\", "
        "\"url\": \"https://example.com/\", \"issued\": \"%s\", \"expires\": \"2030-01-01\"}",
        cases[i].text);
      g_autoptr(CertoCatalogUpdate) update = parse_document (json);
      CertoUpdateDocument *document = g_ptr_array_index (update->documents, 0);

      g_test_message ("date %s", cases[i].text);
      g_assert_cmpstr (document->issued, ==, cases[i].stored);
      g_assert_cmpstr (document->expires, ==, "2030-01-01");
      if (cases[i].stored != NULL)
        {
          assert_no_warnings (update);
        }
      else
        {
          g_autofree char *warning = g_strdup_printf (
            "Document “d”: ignored its “issued” date “%s”, which is not a YYYY-MM-DD date or an RFC 3339 date and time",
            cases[i].text);
          const char * const expected[] = { warning, NULL };

          assert_warnings (update, expected);
        }
    }

  /* The catalog's own date follows the same rule */
  {
    g_autoptr(CertoCatalogUpdate) update = parse_text (
      "{\"format\": \"certo-catalog\", \"version\": 1, \"updated\": \"yesterday\"}");
    const char * const expected[] = {
      "Catalog: ignored its “updated” date “yesterday”, which is not a YYYY-MM-DD date or an RFC 3339 date and time",
      NULL
    };

    assert_warnings (update, expected);
    g_assert_null (update->updated);
  }
}

static void
test_localized (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_text (
    "{\"format\": \"certo-catalog\", \"version\": 1,\n"
    " \"families\": [\n"
    "  {\"id\": \"plain\", \"name\": \"Plain\"},\n"
    "  {\"id\": \"tags\", \"name\": {\"en\": \"English\", \"it-IT\": \"Italiano\", \"pt_BR\": \"Português\", \"\": \"?\"}},\n"
    "  {\"id\": \"private\", \"name\": {\"x-klingon\": \"tlhIngan\", \"sr-Latn-RS\": \"Srpski\"}},\n"
    "  {\"id\": \"null\", \"name\": null},\n"
    "  {\"id\": \"empty\", \"name\": {\"en\": \"\"}}\n"
    " ]}");
  const char * const expected[] = {
    "Skipped family “null”: it has no name",
    "Skipped family “empty”: it has no name",
    NULL
  };
  CertoUpdateFamily *family;

  assert_warnings (update, expected);
  g_assert_cmpuint (update->families->len, ==, 3);

  family = g_ptr_array_index (update->families, 0);
  g_assert_cmpuint (certo_localized_get_n_values (family->name), ==, 1);
  g_assert_cmpstr (certo_localized_get (family->name, ""), ==, "Plain");

  family = g_ptr_array_index (update->families, 1);
  g_assert_cmpuint (certo_localized_get_n_values (family->name), ==, 4);
  g_assert_cmpstr (certo_localized_get (family->name, "it-IT"), ==, "Italiano");
  g_assert_cmpstr (certo_localized_get (family->name, "pt-BR"), ==, "Português");
  g_assert_cmpstr (certo_localized_get (family->name, ""), ==, "?");

  family = g_ptr_array_index (update->families, 2);
  g_assert_cmpstr (certo_localized_get (family->name, "sr-Latn-RS"), ==, "Srpski");
}

static void
test_urls (void)
{
  g_autoptr(CertoCatalogUpdate) both = parse_document (
    "{\"id\": \"d\", \"kind\": \"soa\", \"title\": \"T\", \"url\": \"https://example.com/b\","
    " \"urls\": [\"https://example.com/a\", \"https://example.com/b\", \"https://example.com/c\"]}");
  g_autoptr(CertoCatalogUpdate) only_list = parse_document (
    "{\"id\": \"d\", \"kind\": \"soa\", \"title\": \"T\","
    " \"urls\": [\"ftp://example.com/x\", \"https://example.com/y\"]}");
  CertoUpdateDocument *document;
  const char * const expected[] = {
    "Document “d”: ignored its link “ftp://example.com/x”, which is not an http or https address",
    NULL
  };

  /* "url" is the primary link whatever its place in "urls" */
  assert_no_warnings (both);
  document = g_ptr_array_index (both->documents, 0);
  g_assert_cmpuint (document->urls->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (document->urls, 0), ==, "https://example.com/b");
  g_assert_cmpstr (g_ptr_array_index (document->urls, 1), ==, "https://example.com/a");
  g_assert_cmpstr (g_ptr_array_index (document->urls, 2), ==, "https://example.com/c");

  assert_warnings (only_list, expected);
  document = g_ptr_array_index (only_list->documents, 0);
  g_assert_cmpuint (document->urls->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (document->urls, 0), ==, "https://example.com/y");
}

static void
test_version (void)
{
  const struct {
    const char *version;
    int code;             /* -1: accepted */
  } cases[] = {
    { "1", -1 },
    { "1.0", -1 },
    { "2", CERTO_PARSE_ERROR_NEWER_VERSION },
    { "1.5", CERTO_PARSE_ERROR_WRONG_FORMAT },
    { "0", CERTO_PARSE_ERROR_WRONG_FORMAT },
    { "-1", CERTO_PARSE_ERROR_WRONG_FORMAT },
    { "\"1\"", CERTO_PARSE_ERROR_WRONG_FORMAT },
    { "null", CERTO_PARSE_ERROR_WRONG_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"certo-catalog\", \"version\": %s}", cases[i].version);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(CertoCatalogUpdate) update = certo_catalog_feed_parse (bytes, "v.json", &error);

      g_test_message ("version %s", cases[i].version);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (update);
        }
      else
        {
          g_assert_error (error, CERTO_PARSE_ERROR, cases[i].code);
          g_assert_null (update);
        }
    }

  /* A feed with no version at all */
  {
    const char *text = "{\"format\": \"certo-catalog\"}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(CertoCatalogUpdate) update = certo_catalog_feed_parse (bytes, "v.json", &error);

    g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_WRONG_FORMAT);
    g_assert_cmpstr (error->message, ==,
                     "The catalog “v.json” has no valid format “version” (a whole number, 1 for this Certo); ask its publisher for a corrected file");
  }
}

static void
test_bom (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_text (
    "\xef\xbb\xbf{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"bom\"}");

  g_assert_cmpstr (update->id, ==, "bom");
}

/* json-glib 1.6 turns unpaired surrogate escapes into bytes that are not
 * UTF-8; every text of an update is UTF-8 all the same */
static void
test_unpaired_surrogates (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_document (
    "{\"id\": \"d\\ud800-x\", \"kind\": \"guide\", \"title\": {\"en\": \"Lone \\udc00 low\"},"
    " \"service_names\": [\"\\ud83d\\ude00 paired\"], \"url\": \"https://example.com/\"}");
  const char * const expected[] = {
    "Replaced 2 texts holding unpaired UTF-16 surrogates (escapes from \\ud800 to \\udfff) with “�”",
    NULL
  };
  CertoUpdateDocument *document;

  assert_warnings (update, expected);
  document = g_ptr_array_index (update->documents, 0);
  g_assert_true (g_utf8_validate (document->id, -1, NULL));
  g_assert_true (g_str_has_prefix (document->id, "d\xef\xbf\xbd"));
  g_assert_true (g_utf8_validate (certo_localized_get (document->title, "en"), -1, NULL));
  g_assert_cmpstr (g_ptr_array_index (document->service_names, 0), ==, "😀 paired");
}

/* A list of more than a million entries fails the whole feed */
static void
test_count_cap (void)
{
  GString *text = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"documents\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;

  for (guint i = 0; i < 1000001; i++)
    g_string_append (text, i == 0 ? "0" : ",0");
  g_string_append (text, "]}");
  bytes = g_string_free_to_bytes (text);

  update = certo_catalog_feed_parse (bytes, "huge.json", &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The catalog “huge.json” has 1000001 entries in a “documents” list, more than the 1000000 Certo reads; ask its publisher to split it");
  g_assert_null (update);

  /* A list inside an entry too, also when the caller passes no GError */
  text = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"documents\": "
                       "[{\"id\": \"d\", \"kind\": \"soa\", \"title\": \"T\", \"url\": \"https://example.com/\", \"services\": [");
  for (guint i = 0; i < 1000001; i++)
    g_string_append (text, i == 0 ? "\"v\"" : ",\"v\"");
  g_string_append (text, "]}]}");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_string_free_to_bytes (text);

  g_clear_error (&error);
  update = certo_catalog_feed_parse (bytes, "huge.json", &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "in a “services” list"));
  g_assert_null (update);

  update = certo_catalog_feed_parse (bytes, "huge.json", NULL);
  g_assert_null (update);
}

/* The embedded catalog, when it is more than the placeholder, reads with
 * no warnings */
static void
test_embedded_catalog (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CERTO_SOURCE_DIR") ? g_getenv ("CERTO_SOURCE_DIR") : TEST_SRCDIR "/..",
                                            "resources", "catalogs", "microsoft-iso27001.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the embedded catalog is not in this tree");
      return;
    }

  bytes = certo_test_load_bytes (path);
  update = certo_catalog_feed_parse (bytes, "microsoft-iso27001.json", &error);
  g_assert_no_error (error);
  assert_no_warnings (update);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/feed/write/format", test_write_format);
  g_test_add_func ("/feed/write/omits-empty", test_write_omits_empty);
  g_test_add_func ("/feed/write/golden", test_write_golden);
  g_test_add_func ("/feed/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/feed/round-trip/built", test_round_trip_built);
  g_test_add_func ("/feed/read/forward-compatible", test_forward_compatible);
  g_test_add_func ("/feed/read/bad-entries", test_bad_entries);
  g_test_add_func ("/feed/read/wrong-types", test_wrong_types);
  g_test_add_func ("/feed/read/dates", test_dates);
  g_test_add_func ("/feed/read/localized", test_localized);
  g_test_add_func ("/feed/read/urls", test_urls);
  g_test_add_func ("/feed/read/version", test_version);
  g_test_add_func ("/feed/read/bom", test_bom);
  g_test_add_func ("/feed/read/unpaired-surrogates", test_unpaired_surrogates);
  g_test_add_func ("/feed/read/count-cap", test_count_cap);
  g_test_add_func ("/feed/read/embedded-catalog", test_embedded_catalog);

  return g_test_run ();
}
