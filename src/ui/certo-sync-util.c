/* certo-sync-util.c — small helpers the sources, What's New, downloads and
 * reader widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "certo-document-details.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

static GDateTime *
parse_time (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;

  /* The store writes UTC; a value without a zone is taken as UTC too */
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (iso8601, utc);
}

/**
 * certo_format_relative_time:
 * @iso8601: (nullable): a time the store recorded (ISO 8601, UTC)
 *
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago",
 * then the date ("5 November 2024").
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for no time
 */
char *
certo_format_relative_time (const char *iso8601)
{
  g_autoptr(GDateTime) then = parse_time (iso8601);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan span;
  gint64 minutes, hours, days;

  if (then == NULL)
    return iso8601 != NULL && *iso8601 != '\0' ? g_strdup (iso8601) : NULL;

  span = g_date_time_difference (now, then);
  minutes = span / G_TIME_SPAN_MINUTE;
  hours = span / G_TIME_SPAN_HOUR;
  days = span / G_TIME_SPAN_DAY;

  /* A clock set back shows a time in the future as now */
  if (minutes < 1)
    return g_strdup (_("just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute ago", "%u minutes ago", (gulong) minutes),
                            (guint) minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour ago", "%u hours ago", (gulong) hours),
                            (guint) hours);
  if (days < 2)
    return g_strdup (_("yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day ago", "%u days ago", (gulong) days),
                            (guint) days);

  return certo_format_day (iso8601);
}

/**
 * certo_format_day:
 * @iso8601: (nullable): a time the store recorded (ISO 8601, UTC)
 *
 * Returns: (transfer full) (nullable): the day in the user's time zone and
 *   locale ("5 November 2024"), or %NULL for no time
 */
char *
certo_format_day (const char *iso8601)
{
  g_autoptr(GDateTime) then = parse_time (iso8601);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (then == NULL)
    return certo_format_date (iso8601);

  local = g_date_time_to_local (then);
  day = g_date_time_format (local, "%Y-%m-%d");

  return certo_format_date (day);
}

/**
 * certo_source_format_label:
 * @format: a source's format
 *
 * Returns: (transfer none): its translated name
 */
const char *
certo_source_format_label (CertoSourceFormat format)
{
  switch (format)
    {
    case CERTO_SOURCE_FORMAT_CATALOG:
      return _("Catalog feed");
    case CERTO_SOURCE_FORMAT_ARTICLE:
      return _("Compliance-offering article");
    case CERTO_SOURCE_FORMAT_AUTO:
    default:
      return _("Detected from the content");
    }
}

/**
 * certo_change_kind_label:
 * @kind: what changed
 *
 * Returns: (transfer none): a short translated label shown beside the
 *   change's icon, so the kind never rests on the icon or a colour alone
 */
const char *
certo_change_kind_label (CertoChangeKind kind)
{
  switch (kind)
    {
    case CERTO_CHANGE_FIRST_IMPORT:
      return C_("change", "First import");
    case CERTO_CHANGE_DOCUMENT_ADDED:
      return C_("change", "New");
    case CERTO_CHANGE_DOCUMENT_CHANGED:
      return C_("change", "Changed");
    case CERTO_CHANGE_DOCUMENT_WITHDRAWN:
      return C_("change", "Withdrawn");
    case CERTO_CHANGE_DOCUMENT_UPDATED:
      return C_("change", "File updated");
    case CERTO_CHANGE_SERVICE_ADDED:
      return C_("change", "Entered the scope");
    case CERTO_CHANGE_SERVICE_REMOVED:
      return C_("change", "Left the scope");
    default:
      return C_("change", "Changed");
    }
}

/**
 * certo_change_kind_icon_name:
 * @kind: what changed
 *
 * Returns: (transfer none): a symbolic icon for @kind
 */
const char *
certo_change_kind_icon_name (CertoChangeKind kind)
{
  switch (kind)
    {
    case CERTO_CHANGE_FIRST_IMPORT:
      return "folder-download-symbolic";
    case CERTO_CHANGE_DOCUMENT_ADDED:
      return "list-add-symbolic";
    case CERTO_CHANGE_DOCUMENT_WITHDRAWN:
      return "action-unavailable-symbolic";
    case CERTO_CHANGE_DOCUMENT_UPDATED:
      return "view-refresh-symbolic";
    case CERTO_CHANGE_SERVICE_ADDED:
      return "network-server-symbolic";
    case CERTO_CHANGE_SERVICE_REMOVED:
      return "network-offline-symbolic";
    case CERTO_CHANGE_DOCUMENT_CHANGED:
    default:
      return "document-edit-symbolic";
    }
}

/**
 * certo_language_name:
 * @tag: a BCP 47 language tag ("en", "it", "pt-br")
 *
 * The language's own name, as a language switch shows it: a reader picks
 * the language they read, whatever the interface's language is.
 *
 * Returns: (transfer none): "English", "Italiano", …, or @tag itself
 */
const char *
certo_language_name (const char *tag)
{
  static const struct {
    const char *tag;
    const char *name;
  } names[] = {
    { "en", "English" }, { "it", "Italiano" }, { "de", "Deutsch" },
    { "fr", "Français" }, { "es", "Español" }, { "pt", "Português" },
    { "nl", "Nederlands" }, { "sv", "Svenska" }, { "da", "Dansk" },
    { "nb", "Norsk bokmål" }, { "fi", "Suomi" }, { "pl", "Polski" },
    { "cs", "Čeština" }, { "hu", "Magyar" }, { "tr", "Türkçe" },
    { "ru", "Русский" }, { "ja", "日本語" }, { "ko", "한국어" },
    { "zh", "中文" },
  };
  g_autofree char *base = NULL;
  const char *dash;

  if (tag == NULL)
    return "";

  dash = strpbrk (tag, "-_");
  base = dash != NULL ? g_ascii_strdown (tag, dash - tag) : g_ascii_strdown (tag, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (base, names[i].tag))
        return names[i].name;
    }

  return tag;
}

/**
 * certo_dup_last_refresh:
 * @catalog: the catalog
 *
 * Returns: (transfer full) (nullable): the newest "last refresh" of the
 *   catalog's sources (ISO 8601), or %NULL when none was ever refreshed
 */
char *
certo_dup_last_refresh (CertoCatalog *catalog)
{
  GListModel *sources = certo_catalog_get_sources (catalog);
  const char *newest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);
      const char *refreshed = certo_source_get_last_refresh (source);

      /* ISO 8601 in UTC: text order is time order */
      if (refreshed != NULL && (newest == NULL || g_strcmp0 (refreshed, newest) > 0))
        newest = refreshed;
    }

  return g_strdup (newest);
}

/**
 * certo_offline_reason:
 *
 * Returns: (transfer none): the tooltip of what needs the network while
 *   the computer is offline
 */
const char *
certo_offline_reason (void)
{
  return _("Not available offline: connect to the internet and try again");
}

/**
 * certo_open_offline_document:
 * @widget: a widget of the window asking
 * @offline: the offline documents
 * @document: a saved copy
 *
 * Opens @document's file with the desktop's default application. Only a
 * file inside Certo's own offline folder is ever opened this way (the
 * only `file://` URIs Certo hands to the desktop).
 */
void
certo_open_offline_document (GtkWidget            *widget,
                             CertoOffline         *offline,
                             CertoOfflineDocument *document)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  g_return_if_fail (CERTO_IS_OFFLINE (offline));
  g_return_if_fail (CERTO_IS_OFFLINE_DOCUMENT (document));

  folder = g_file_new_for_path (certo_offline_get_folder (offline));
  file = g_file_new_for_path (certo_offline_document_get_path (document));
  if (!g_file_has_prefix (file, folder) || !g_file_query_exists (file, NULL))
    {
      certo_add_toast (widget, certo_toast_new (_("The saved copy is missing; delete it and save the document again")));
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * certo_settings_has_key:
 * @settings: (nullable): the application's settings
 * @key: a key name
 *
 * Returns: whether @settings exists and its schema has @key (a build with
 *   an older schema lacks the newer keys; reading one would abort)
 */
gboolean
certo_settings_has_key (GSettings  *settings,
                        const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}
