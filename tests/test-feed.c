/* test-feed.c — the native catalog feed (JSON v1): reading, writing, bad entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-parse.h"
#include "certo-text.h"
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
  g_autofree char *written = NULL;
  g_autoptr(CertoCatalogUpdate) parsed = NULL;

  /* The tab in the title becomes a space, as any parser's would */
  certo_catalog_update_validate (built);
  g_assert_cmpstr (certo_localized_get (built->title, "en"), ==, "Built — \"quoted\" \\ and tab");
  written = certo_catalog_feed_write (built);
  parsed = parse_text (written);

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


/* Tests: caps and unsafe text, whatever the parser
 * (certo_catalog_update_validate()) */

static gboolean
has_warning (CertoCatalogUpdate *update,
             const char         *text)
{
  for (guint i = 0; i < update->warnings->len; i++)
    if (strstr (g_ptr_array_index (update->warnings, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static CertoUpdateDocument *
document_by_id (CertoCatalogUpdate *update,
                const char         *id)
{
  for (guint i = 0; i < update->documents->len; i++)
    {
      CertoUpdateDocument *document = g_ptr_array_index (update->documents, i);

      if (g_str_equal (document->id, id))
        return document;
    }
  return NULL;
}

/* A ten-million-character title once reached the window whole and made
 * it take 3.8 GB; every text field now has a cap */
static void
test_field_caps (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"caps\",\n"
                                          " \"families\": [{\"id\": \"f\", \"name\": \"");
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autofree char *huge = g_strnfill (10 * 1000 * 1000, 'T');
  g_autofree char *long_number = g_strnfill (300, '7');
  g_autofree char *long_issuer = g_strnfill (250, 'I');
  g_autofree char *long_path = g_strnfill (9000, 'p');
  CertoUpdateDocument *document;
  CertoUpdateFamily *family;
  const char *title;

  g_string_append (text, huge);
  g_string_append (text, "\"}],\n \"services\": [");
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "%s{\"id\": \"v%u\", \"name\": \"Service %u\"}", i ? "," : "", i, i);
  g_string_append_printf (text, "],\n \"documents\": [\n"
                          "  {\"id\": \"huge\", \"kind\": \"soa\", \"title\": {\"en\": \"%s\", \"it\": \"è%s\"},"
                          "   \"url\": \"https://example.com/huge\"},\n", huge, huge);
  g_string_append_printf (text, "  {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"C\","
                          "   \"certificate_number\": \"%s\", \"issuer\": \"%s\", \"url\": \"https://example.com/c\"},\n",
                          long_number, long_issuer);
  g_string_append_printf (text, "  {\"id\": \"long-url\", \"kind\": \"soa\", \"title\": \"L\","
                          "   \"urls\": [\"https://example.com/%s\", \"https://example.com/ok\"]},\n", long_path);
  g_string_append_printf (text, "  {\"id\": \"only-long-url\", \"kind\": \"soa\", \"title\": \"O\","
                          "   \"url\": \"https://example.com/%s\"},\n", long_path);
  g_string_append (text, "  {\"id\": \"many\", \"kind\": \"soa\", \"title\": \"M\", \"urls\": [");
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%s\"https://example.com/%u\"", i ? "," : "", i);
  g_string_append (text, "], \"services\": [");
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "%s\"v%u\"", i ? "," : "", i);
  g_string_append (text, "]}\n ]}\n");

  update = parse_text (text->str);

  /* The title: 1,000 characters in each language, ending in "…", cut
   * at a character boundary */
  document = document_by_id (update, "huge");
  g_assert_nonnull (document);
  title = certo_localized_get (document->title, "en");
  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, CERTO_UPDATE_MAX_TEXT_CHARS);
  g_assert_true (g_str_has_suffix (title, "TTT…"));
  title = certo_localized_get (document->title, "it");
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, CERTO_UPDATE_MAX_TEXT_CHARS);
  g_assert_true (has_warning (update, "Document “huge”: cut its title or name to 1000 characters"));
  family = g_ptr_array_index (update->families, 0);
  g_assert_cmpuint (g_utf8_strlen (certo_localized_get (family->name, ""), -1), ==, CERTO_UPDATE_MAX_TEXT_CHARS);
  g_assert_true (has_warning (update, "Family “f”: cut its title or name to 1000 characters"));

  /* Certificate numbers and issuers: 200 */
  document = document_by_id (update, "cert");
  g_assert_cmpuint (g_utf8_strlen (document->certificate_number, -1), ==, CERTO_UPDATE_MAX_SHORT_CHARS);
  g_assert_cmpuint (g_utf8_strlen (document->issuer, -1), ==, CERTO_UPDATE_MAX_SHORT_CHARS);
  g_assert_true (has_warning (update, "Document “cert”: cut its certificate number to 200 characters"));
  g_assert_true (has_warning (update, "Document “cert”: cut its issuer to 200 characters"));

  /* A link over 8,000 octets is dropped (RFC 9110 §4.1), not echoed */
  document = document_by_id (update, "long-url");
  g_assert_cmpuint (document->urls->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (document->urls, 0), ==, "https://example.com/ok");
  g_assert_true (has_warning (update, "Document “long-url”: ignored a link of 9020 bytes, longer than the 8000 Certo keeps"));
  g_assert_null (document_by_id (update, "only-long-url"));
  g_assert_true (has_warning (update, "Skipped document “only-long-url”: it has no http or https link"));

  /* Lists in one entry */
  document = document_by_id (update, "many");
  g_assert_cmpuint (document->urls->len, ==, CERTO_UPDATE_MAX_URLS);
  g_assert_cmpuint (document->services->len, ==, CERTO_UPDATE_MAX_LIST);
  g_assert_true (has_warning (update, "Document “many”: kept the first 100 of its 150 “urls”"));
  g_assert_true (has_warning (update, "Document “many”: kept the first 1000 of its 1500 “services”"));

  /* No warning holds a text of the source whole */
  for (guint i = 0; i < update->warnings->len; i++)
    g_assert_cmpuint (strlen (g_ptr_array_index (update->warnings, i)), <, 1000);
}

/* Counts per source: warn and stop */
static void
test_entry_count_caps (void)
{
  g_autoptr(CertoCatalogUpdate) update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);

  for (guint i = 0; i < CERTO_UPDATE_MAX_DOCUMENTS + 1; i++)
    {
      CertoUpdateDocument *document = certo_update_document_new ();

      document->id = g_strdup_printf ("d%u", i);
      document->kind = CERTO_DOCUMENT_KIND_RESOURCE;
      document->title = certo_localized_new_plain ("Title");
      g_ptr_array_add (document->urls, g_strdup ("https://example.com/"));
      g_ptr_array_add (update->documents, document);
    }
  for (guint i = 0; i < CERTO_UPDATE_MAX_ENVIRONMENTS + 5; i++)
    {
      CertoUpdateEnvironment *environment = certo_update_environment_new ();

      environment->id = g_strdup_printf ("e%u", i);
      environment->name = certo_localized_new_plain ("Env");
      g_ptr_array_add (update->environments, environment);
    }

  certo_catalog_update_validate (update);
  g_assert_cmpuint (update->documents->len, ==, CERTO_UPDATE_MAX_DOCUMENTS);
  g_assert_cmpstr (((CertoUpdateDocument *) g_ptr_array_index (update->documents, CERTO_UPDATE_MAX_DOCUMENTS - 1))->id,
                   ==, "d99999");
  g_assert_cmpuint (update->environments->len, ==, CERTO_UPDATE_MAX_ENVIRONMENTS);
  g_assert_true (has_warning (update, "The catalog has 100001 documents; kept the first 100000"));
  g_assert_true (has_warning (update, "The catalog has 10005 environments; kept the first 10000"));
}

/* Terminal escapes, bidirectional overrides and other controls never
 * reach the store: stripped from every text, one warning per entry */
static void
test_unsafe_text (void)
{
  g_autoptr(CertoCatalogUpdate) update = parse_text (
    "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"unsafe\\u0007\","
    " \"title\": \"Evil\\u001b]0;owned\\u0007 feed\", \"publisher\": \"Pub\\u0085lisher\","
    " \"families\": [{\"id\": \"f\", \"name\": \"Fam\\u202eily\"}],"
    " \"services\": [{\"id\": \"v\", \"name\": {\"en\": \"Serv\\u2066ice\\u2069\", \"it\": \"Servizio\\u007f\"}}],"
    " \"environments\": [{\"id\": \"e\", \"name\": \"Env\", \"services\": [\"Mail\\u001b[2J\"]}],"
    " \"documents\": ["
    "  {\"id\": \"d\", \"kind\": \"certificate\", \"title\": \"Line\\none\\ttwo\\u001b[31m red\","
    "   \"certificate_number\": \"IS\\u202e 1\", \"issuer\": \"B\\u0001SI\", \"family\": \"f\","
    "   \"services\": [\"v\"], \"url\": \"https://example.com/d\"},"
    "  {\"id\": \"marks\", \"kind\": \"soa\", \"title\": \"\\u05e9\\u05dc\\u05d5\\u05dd\\u200e 365\\u200f\","
    "   \"url\": \"https://example.com/m\"},"
    "  {\"id\": \"link\", \"kind\": \"soa\", \"title\": \"Link\","
    "   \"urls\": [\"https://example.com/\\u202egnp.exe\", \"https://example.com/ok\"]},"
    "  {\"id\": \"only\\u001b\", \"kind\": \"soa\", \"title\": \"\\u001b\\u0007\", \"url\": \"https://example.com/o\"}"
    " ]}");
  CertoUpdateDocument *document;
  CertoUpdateService *service;
  CertoUpdateFamily *family;
  CertoUpdateEnvironment *environment;
  guint n_removed = 0;

  g_assert_cmpstr (update->id, ==, "unsafe");
  g_assert_cmpstr (certo_localized_get (update->title, ""), ==, "Evil]0;owned feed");
  g_assert_cmpstr (update->publisher, ==, "Publisher");
  family = g_ptr_array_index (update->families, 0);
  g_assert_cmpstr (certo_localized_get (family->name, ""), ==, "Family");
  service = g_ptr_array_index (update->services, 0);
  g_assert_cmpstr (certo_localized_get (service->name, "en"), ==, "Service");
  g_assert_cmpstr (certo_localized_get (service->name, "it"), ==, "Servizio");
  environment = g_ptr_array_index (update->environments, 0);
  g_assert_cmpstr (g_ptr_array_index (environment->service_names, 0), ==, "Mail[2J");

  document = document_by_id (update, "d");
  /* line breaks and tabs become spaces, so words stay apart */
  g_assert_cmpstr (certo_localized_get (document->title, ""), ==, "Line one two[31m red");
  g_assert_cmpstr (document->certificate_number, ==, "IS 1");
  g_assert_cmpstr (document->issuer, ==, "BSI");

  /* the implicit direction marks are legitimate: kept, no warning */
  document = document_by_id (update, "marks");
  g_assert_cmpstr (certo_localized_get (document->title, ""), ==, "\u05e9\u05dc\u05d5\u05dd\u200e 365\u200f");
  g_assert_false (has_warning (update, "Document “marks”"));

  /* a link with an override is no link */
  document = document_by_id (update, "link");
  g_assert_cmpuint (document->urls->len, ==, 1);
  g_assert_true (has_warning (update, "Document “link”: ignored its link “https://example.com/\\u{202E}gnp.exe”"));

  /* nothing left of the title: skipped, named by its cleaned id */
  g_assert_null (document_by_id (update, "only"));
  g_assert_true (has_warning (update, "Skipped document “only”: it has no title"));

  /* one warning per entry, however many fields */
  for (guint i = 0; i < update->warnings->len; i++)
    if (strstr (g_ptr_array_index (update->warnings, i), "Document “d”: removed control characters") != NULL)
      n_removed++;
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_true (has_warning (update, "The catalog: removed control characters or bidirectional overrides from its text"));
  g_assert_true (has_warning (update, "Family “f”: removed control characters"));
  g_assert_true (has_warning (update, "Service “v”: removed control characters"));
  g_assert_true (has_warning (update, "Environment “e”: removed control characters"));

  /* and no warning carries what it warns about */
  for (guint i = 0; i < update->warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (update->warnings, i);

      for (const char *p = warning; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (certo_text_is_unsafe_char (g_utf8_get_char (p)));
    }
}

/* References are resolved through hash tables: adversarial input that
 * took about a second (services × documents × references) takes
 * milliseconds. A generous bound, so that only the quadratic algorithm
 * fails it. */
static void
test_validate_linear (void)
{
  g_autoptr(CertoCatalogUpdate) update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  g_autoptr(GTimer) timer = NULL;
  const guint n_services = 20000;
  const guint n_documents = 20000;

  for (guint i = 0; i < n_services; i++)
    {
      CertoUpdateService *service = certo_update_service_new ();

      service->id = g_strdup_printf ("service-with-a-long-common-prefix-%u", i);
      service->name = certo_localized_new_plain ("S");
      g_ptr_array_add (update->services, service);
    }
  for (guint i = 0; i < n_documents; i++)
    {
      CertoUpdateDocument *document = certo_update_document_new ();

      /* every other one is a duplicate, to be dropped */
      document->id = g_strdup_printf ("d%u", i / 2);
      document->kind = CERTO_DOCUMENT_KIND_SOA;
      document->title = certo_localized_new_plain ("T");
      g_ptr_array_add (document->urls, g_strdup ("https://example.com/"));
      /* references near the end of the list, and unknown ones */
      for (guint j = 0; j < 20; j++)
        g_ptr_array_add (document->services,
                         g_strdup_printf ("service-with-a-long-common-prefix-%u", n_services - 1 - j + (j % 2) * 100000));
      g_ptr_array_add (update->documents, document);
    }

  timer = g_timer_new ();
  certo_catalog_update_validate (update);
  g_test_message ("validated in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  g_assert_cmpuint (update->documents->len, ==, n_documents / 2);
  g_assert_cmpuint (((CertoUpdateDocument *) g_ptr_array_index (update->documents, 0))->services->len, ==, 10);
  g_assert_cmpuint (update->warnings->len, ==, CERTO_UPDATE_MAX_WARNINGS + 1);
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
  g_test_add_func ("/feed/validate/field-caps", test_field_caps);
  g_test_add_func ("/feed/validate/entry-count-caps", test_entry_count_caps);
  g_test_add_func ("/feed/validate/unsafe-text", test_unsafe_text);
  g_test_add_func ("/feed/validate/linear", test_validate_linear);
  g_test_add_func ("/feed/read/embedded-catalog", test_embedded_catalog);

  return g_test_run ();
}
