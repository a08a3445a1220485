/* certo-preferences-window.c — Preferences: your name, notifications,
 * sources and their refresh, storage used, the cache, size limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control is bound to a GSettings key, so a change takes effect at
 * once and a change made elsewhere (dconf, another window) shows here.
 * The Sources page is the same CertoSourcesPage the primary menu's
 * "Sources" shows, with the refresh settings after the list. Storage
 * figures are counted on a worker thread; "Clear Cache" is the core's
 * certo_offline_clear_cache_async(), the same as in Downloads and
 * `certo-cli cache clear`.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "certo-preferences-window.h"
#include "certo-sources-page.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

#define MIB (1024.0 * 1024.0)

/* What a size row shows: bytes, or one of these */
#define SIZE_UNKNOWN  (-1)
#define SIZE_PENDING  (-2)

struct _CertoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  CertoSync            *sync;
  CertoOffline         *offline;
  GCancellable         *cancellable;
  AdwToast             *toast;            /* the last one shown */
  GArray               *intervals;        /* guint hours, one per combo item */
  GtkStringList        *interval_names;
  gboolean              showing_interval; /* the combo follows the setting */
  gboolean              measuring;
  gboolean              measure_again;
  gboolean              clearing;

  AdwPreferencesPage   *general_page;
  AdwPreferencesGroup  *history_group;
  AdwEntryRow          *user_name_row;
  AdwActionRow         *notify_changes_row;
  GtkSwitch            *notify_changes_switch;
  AdwActionRow         *notify_downloads_row;
  GtkSwitch            *notify_downloads_switch;
  CertoSourcesPage     *sources_page;
  AdwPreferencesGroup  *updates_group;
  AdwComboRow          *refresh_interval_row;
  AdwActionRow         *max_source_row;
  GtkSpinButton        *max_source_spin;
  GtkAdjustment        *max_source_adjustment;
  AdwPreferencesPage   *storage_page;
  GtkLabel             *catalog_size_label;
  GtkLabel             *offline_size_label;
  GtkLabel             *cache_size_label;
  GtkButton            *clear_cache_button;
  AdwActionRow         *max_download_row;
  GtkSpinButton        *max_download_spin;
  GtkAdjustment        *max_download_adjustment;
  AdwActionRow         *max_evidence_row;
  GtkSpinButton        *max_evidence_spin;
  GtkAdjustment        *max_evidence_adjustment;
};

G_DEFINE_FINAL_TYPE (CertoPreferencesWindow, certo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SYNC,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The refresh intervals offered, in hours; another value set elsewhere
 * is added to the list when it shows */
static const guint interval_presets[] = { 0, 1, 6, 12, 24, 168 };

/* The paths measured on the worker thread, and what they hold */
typedef struct
{
  char   *catalog_db;
  char   *offline_dir;
  char   *cache_dir;
  gint64  catalog_size;
  gint64  offline_size;
  gint64  cache_size;
} Usage;


/* Helpers */

static void
usage_free (gpointer data)
{
  Usage *usage = data;

  g_free (usage->catalog_db);
  g_free (usage->offline_dir);
  g_free (usage->cache_dir);
  g_free (usage);
}

/* The bytes of the regular files under @path, symbolic links not
 * followed: what certo_offline_clear_cache_async() counts as freed, so
 * the Cache row and the toast agree (g_file_measure_disk_usage() would
 * count the folders themselves too). 0 when @path does not exist,
 * SIZE_UNKNOWN when it cannot be read. */
static gint64
measure_tree (const char   *path,
              GCancellable *cancellable)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 total = 0;

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? 0 : SIZE_UNKNOWN;

  while ((name = g_dir_read_name (dir)) != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          gint64 size = measure_tree (child, cancellable);

          if (size > 0)
            total += size;
        }
      else if (S_ISREG (st.st_mode))
        {
          total += st.st_size;
        }
    }

  return total;
}

/* The database with its write-ahead log and shared-memory index */
static gint64
measure_database (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && S_ISREG (st.st_mode))
        total += st.st_size;
    }

  return total;
}

static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Usage *usage = task_data;

  usage->catalog_size = measure_database (usage->catalog_db);
  usage->offline_size = measure_tree (usage->offline_dir, cancellable);
  usage->cache_size = measure_tree (usage->cache_dir, cancellable);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
show_size (GtkLabel *label,
           gint64    size)
{
  g_autofree char *text = NULL;

  if (size == SIZE_PENDING)
    text = g_strdup (_("Calculating…"));
  else if (size == SIZE_UNKNOWN)
    text = g_strdup (_("Unknown"));
  else
    text = g_format_size ((guint64) size);

  gtk_label_set_text (label, text);
}

static void
update_actions (CertoPreferencesWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.clear-cache",
                                 self->offline != NULL && !self->clearing);
}

/* A new result replaces the last one at once instead of waiting behind it */
static void
toast (CertoPreferencesWindow *self,
       const char             *text)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_object (&self->toast);
  self->toast = certo_toast_new (text);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), g_object_ref (self->toast));
}

/* "Every 6 Hours", "Every 2 Days", … */
static char *
interval_label (guint hours)
{
  switch (hours)
    {
    case 0:
      return g_strdup (C_("refresh interval", "Never"));
    case 1:
      return g_strdup (C_("refresh interval", "Every Hour"));
    case 24:
      return g_strdup (C_("refresh interval", "Every Day"));
    case 168:
      return g_strdup (C_("refresh interval", "Every Week"));
    default:
      break;
    }

  if (hours % 24 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u Day", "Every %u Days", hours / 24),
                            hours / 24);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u Hour", "Every %u Hours", hours), hours);
}

/* The combo's position of @hours, added in order when it is not offered */
static guint
interval_position (CertoPreferencesWindow *self,
                   guint                   hours)
{
  g_autofree char *label = NULL;
  const char *additions[2] = { NULL, NULL };
  guint position;

  for (position = 0; position < self->intervals->len; position++)
    {
      guint offered = g_array_index (self->intervals, guint, position);

      if (offered == hours)
        return position;
      if (offered > hours)
        break;
    }

  label = interval_label (hours);
  additions[0] = label;
  g_array_insert_val (self->intervals, position, hours);
  gtk_string_list_splice (self->interval_names, position, 0, additions);

  return position;
}

/* Adding an item before the selected one moves the selection: that is
 * not the user choosing, so the setting is not written back */
static void
show_interval (CertoPreferencesWindow *self)
{
  self->showing_interval = TRUE;
  adw_combo_row_set_selected (self->refresh_interval_row,
                              interval_position (self, g_settings_get_uint (self->settings, "refresh-interval")));
  self->showing_interval = FALSE;
}

/* GSettings ↔ spin buttons: the keys hold bytes, the spin buttons MiB */

typedef struct
{
  guint64 min;
  guint64 max;
} Range;

static gboolean
bytes_to_mib (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_uint32 (variant) / MIB));

  return TRUE;
}

static GVariant *
mib_to_bytes (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  const Range *range = user_data;
  double mib = round (g_value_get_double (value));
  guint64 bytes = mib > 0 ? (guint64) mib * (guint64) MIB : 0;

  return g_variant_new_uint32 ((guint32) CLAMP (bytes, range->min, range->max));
}

/* Binds a size key to @adjustment in MiB, within the key's range */
static void
bind_size (CertoPreferencesWindow *self,
           const char             *key,
           GtkAdjustment          *adjustment,
           GtkWidget              *row)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range_variant = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *kind = NULL;
  Range *range;

  if (!certo_settings_has_key (self->settings, key))
    {
      gtk_widget_set_sensitive (row, FALSE);
      return;
    }

  range = g_new0 (Range, 1);
  range->min = 0;
  range->max = G_MAXUINT32;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range_variant = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range_variant, "(&sv)", &kind, &limits);
  if (g_strcmp0 (kind, "range") == 0)
    g_variant_get (limits, "(uu)", &range->min, &range->max);

  /* Whole MiB inside the key's range */
  gtk_adjustment_set_lower (adjustment, MAX (1.0, ceil (range->min / MIB)));
  gtk_adjustment_set_upper (adjustment, floor (range->max / MIB));
  range->min = (guint64) gtk_adjustment_get_lower (adjustment) * (guint64) MIB;
  range->max = MIN (range->max, (guint64) gtk_adjustment_get_upper (adjustment) * (guint64) MIB);

  g_settings_bind_with_mapping (self->settings, key, adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                bytes_to_mib, mib_to_bytes, range, g_free);
}

static void
bind_switch (CertoPreferencesWindow *self,
             const char             *key,
             GtkSwitch              *widget,
             AdwActionRow           *row)
{
  if (!certo_settings_has_key (self->settings, key))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
      return;
    }

  g_settings_bind (self->settings, key, widget, "active", G_SETTINGS_BIND_DEFAULT);
}


/* Signal callbacks */

static void
on_measured (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CertoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Usage *usage = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      usage->catalog_size = usage->offline_size = usage->cache_size = SIZE_UNKNOWN;
    }

  self->measuring = FALSE;
  show_size (self->catalog_size_label, usage->catalog_size);
  show_size (self->offline_size_label, usage->offline_size);
  show_size (self->cache_size_label, usage->cache_size);

  if (self->measure_again)
    certo_preferences_window_update_usage (self);
}

static void
on_cache_cleared (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CertoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 freed = 0;

  if (!certo_offline_clear_cache_finish (CERTO_OFFLINE (object), result, &freed, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->clearing = FALSE;
  update_actions (self);

  if (error != NULL)
    {
      /* Translators: a toast; %s is the reason */
      g_autofree char *text = g_strdup_printf (_("Could not clear the cache: %s"), error->message);

      toast (self, text);
    }
  else if (freed > 0)
    {
      g_autofree char *size = g_format_size (freed);
      /* Translators: a toast, "Cache cleared: 3.2 MB freed" */
      g_autofree char *text = g_strdup_printf (_("Cache cleared: %s freed"), size);

      toast (self, text);
    }
  else
    {
      toast (self, _("The cache was already empty"));
    }

  certo_preferences_window_update_usage (self);
}

static void
on_interval_selected (CertoPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->refresh_interval_row);

  if (self->showing_interval || position >= self->intervals->len)
    return;

  g_settings_set_uint (self->settings, "refresh-interval",
                       g_array_index (self->intervals, guint, position));
}

static void
clear_cache_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (widget);

  if (self->offline == NULL || self->clearing)
    return;

  self->clearing = TRUE;
  update_actions (self);
  certo_offline_clear_cache_async (self->offline, self->cancellable,
                                   on_cache_cleared, g_object_ref (self));
}


/* GObject overrides */

static void
certo_preferences_window_constructed (GObject *object)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (object);
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (certo_preferences_window_parent_class)->constructed (object);

  /* Translators: %s is the account's full name */
  description = g_strdup_printf (_("Certo records this name beside each change you make to a workspace. Leave it empty to use your account’s name, “%s”."),
                                 certo_user_name_from_settings (NULL));
  adw_preferences_group_set_description (self->history_group, description);

  if (certo_settings_has_key (self->settings, "user-name"))
    g_settings_bind (self->settings, "user-name", self->user_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->user_name_row), FALSE);

  bind_switch (self, "notify-changes", self->notify_changes_switch, self->notify_changes_row);
  bind_switch (self, "notify-downloads", self->notify_downloads_switch, self->notify_downloads_row);
  bind_size (self, "max-source-size", self->max_source_adjustment, GTK_WIDGET (self->max_source_row));
  bind_size (self, "max-download-size", self->max_download_adjustment, GTK_WIDGET (self->max_download_row));
  bind_size (self, "max-evidence-size", self->max_evidence_adjustment, GTK_WIDGET (self->max_evidence_row));

  adw_combo_row_set_model (self->refresh_interval_row, G_LIST_MODEL (self->interval_names));
  if (certo_settings_has_key (self->settings, "refresh-interval"))
    {
      show_interval (self);
      g_signal_connect_object (self->settings, "changed::refresh-interval",
                               G_CALLBACK (show_interval), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->refresh_interval_row, "notify::selected",
                               G_CALLBACK (on_interval_selected), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_interval_row), FALSE);
    }

  certo_sources_page_set_sync (self->sources_page, self->sync);
  update_actions (self);
  certo_preferences_window_update_usage (self);
}

static void
certo_preferences_window_dispose (GObject *object)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->toast);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync);
  g_clear_object (&self->offline);
  g_clear_object (&self->interval_names);

  G_OBJECT_CLASS (certo_preferences_window_parent_class)->dispose (object);
}

static void
certo_preferences_window_finalize (GObject *object)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->intervals, g_array_unref);

  G_OBJECT_CLASS (certo_preferences_window_parent_class)->finalize (object);
}

static void
certo_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_OFFLINE:
      g_value_set_object (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CertoPreferencesWindow *self = CERTO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    case PROP_OFFLINE:
      self->offline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_preferences_window_class_init (CertoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = certo_preferences_window_constructed;
  object_class->dispose = certo_preferences_window_dispose;
  object_class->finalize = certo_preferences_window_finalize;
  object_class->get_property = certo_preferences_window_get_property;
  object_class->set_property = certo_preferences_window_set_property;

  /**
   * CertoPreferencesWindow:settings:
   *
   * The application's settings; %NULL (no schema installed) leaves the
   * controls insensitive.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoPreferencesWindow:sync:
   *
   * The application's sync, for the Sources page.
   */
  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         CERTO_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoPreferencesWindow:offline:
   *
   * The application's offline documents: where the data and cache
   * folders are, and what clears the cache.
   */
  properties[PROP_OFFLINE] =
    g_param_spec_object ("offline", NULL, NULL,
                         CERTO_TYPE_OFFLINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_SOURCES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, history_group);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, notify_changes_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, notify_changes_switch);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, notify_downloads_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, notify_downloads_switch);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, updates_group);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, refresh_interval_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_source_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_source_spin);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_source_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, storage_page);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, catalog_size_label);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, offline_size_label);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, cache_size_label);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, clear_cache_button);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_download_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_download_spin);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_download_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_evidence_row);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_evidence_spin);
  gtk_widget_class_bind_template_child (widget_class, CertoPreferencesWindow, max_evidence_adjustment);

  gtk_widget_class_install_action (widget_class, "preferences.clear-cache", NULL, clear_cache_action);
}

static void
certo_preferences_window_init (CertoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->intervals = g_array_new (FALSE, FALSE, sizeof (guint));
  self->interval_names = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (interval_presets); i++)
    {
      g_autofree char *label = interval_label (interval_presets[i]);

      g_array_append_val (self->intervals, interval_presets[i]);
      gtk_string_list_append (self->interval_names, label);
    }
}


/* Public API */

/**
 * certo_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: (nullable): the application's settings
 * @sync: (nullable): the application's sync (the Sources page)
 * @offline: (nullable): the application's offline documents (storage
 *   used, "Clear Cache")
 *
 * Returns: (transfer floating): a new Preferences window, not yet shown
 */
GtkWindow *
certo_preferences_window_new (GtkWindow    *parent,
                              GSettings    *settings,
                              CertoSync    *sync,
                              CertoOffline *offline)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (sync == NULL || CERTO_IS_SYNC (sync), NULL);
  g_return_val_if_fail (offline == NULL || CERTO_IS_OFFLINE (offline), NULL);

  return g_object_new (CERTO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "sync", sync,
                       "offline", offline,
                       NULL);
}

/**
 * certo_preferences_window_present:
 * @parent: (nullable): the window asking
 * @settings: (nullable): the application's settings
 * @sync: (nullable): the application's sync
 * @offline: (nullable): the application's offline documents
 *
 * What "Preferences" (Ctrl+,) does: raises the Preferences window when
 * one is open, else opens one transient for @parent.
 *
 * Returns: (transfer none): the window shown
 */
GtkWindow *
certo_preferences_window_present (GtkWindow    *parent,
                                  GSettings    *settings,
                                  CertoSync    *sync,
                                  CertoOffline *offline)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWindow *window = NULL;

  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    {
      if (CERTO_IS_PREFERENCES_WINDOW (l->data))
        window = l->data;
    }

  if (window == NULL)
    window = certo_preferences_window_new (parent, settings, sync, offline);

  gtk_window_present (window);

  return window;
}

/**
 * certo_preferences_window_is_busy:
 * @self: a #CertoPreferencesWindow
 *
 * Returns: %TRUE while the storage figures are counted or the cache is
 *   cleared
 */
gboolean
certo_preferences_window_is_busy (CertoPreferencesWindow *self)
{
  g_return_val_if_fail (CERTO_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->measuring || self->clearing;
}

/**
 * certo_preferences_window_update_usage:
 * @self: a #CertoPreferencesWindow
 *
 * Counts again, on a worker thread, the bytes of the catalog database,
 * the documents saved for offline reading (both in the data folder) and
 * the cache folder, and shows them (formatted with g_format_size()). A
 * call while counting counts once more when that is done.
 */
void
certo_preferences_window_update_usage (CertoPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *data_dir = NULL;
  Usage *usage;

  g_return_if_fail (CERTO_IS_PREFERENCES_WINDOW (self));

  if (self->offline == NULL)
    {
      show_size (self->catalog_size_label, SIZE_UNKNOWN);
      show_size (self->offline_size_label, SIZE_UNKNOWN);
      show_size (self->cache_size_label, SIZE_UNKNOWN);
      return;
    }

  if (self->measuring)
    {
      self->measure_again = TRUE;
      return;
    }

  self->measuring = TRUE;
  self->measure_again = FALSE;
  show_size (self->catalog_size_label, SIZE_PENDING);
  show_size (self->offline_size_label, SIZE_PENDING);
  show_size (self->cache_size_label, SIZE_PENDING);

  g_object_get (self->offline, "data-dir", &data_dir, NULL);
  usage = g_new0 (Usage, 1);
  usage->catalog_db = certo_paths_dup_catalog_db (data_dir);
  usage->offline_dir = g_strdup (certo_offline_get_folder (self->offline));
  usage->cache_dir = g_strdup (certo_offline_get_cache_folder (self->offline));

  /* No source object: the worker thread may drop the task's last
   * reference, and must not finalize the window there */
  task = g_task_new (NULL, self->cancellable, on_measured, g_object_ref (self));
  g_task_set_source_tag (task, certo_preferences_window_update_usage);
  g_task_set_task_data (task, usage, usage_free);
  g_task_run_in_thread (task, measure_thread);
}
