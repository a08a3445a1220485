/* certo-offline-bar.c — "Offline — showing data from …" above a page's
 * content while the computer is offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-offline-bar.h"
#include "certo-sync-util.h"

struct _CertoOfflineBar
{
  AdwBin       parent_instance;

  CertoSync   *sync;
  CertoClient *client;
  GListModel  *sources;

  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (CertoOfflineBar, certo_offline_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Offline is a normal state, not an error (DESIGN.md, "Network"): the bar
 * says since when the data shown is */
static void
update (CertoOfflineBar *self)
{
  gboolean offline = self->client != NULL && !certo_client_get_online (self->client);
  g_autofree char *refreshed = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (offline)
    {
      refreshed = certo_dup_last_refresh (certo_sync_get_catalog (self->sync));
      day = certo_format_day (refreshed);
    }

  if (day != NULL)
    /* Translators: %s is a date, "5 November 2024" */
    text = g_strdup_printf (_("Offline — showing data from %s"), day);
  else
    text = g_strdup (_("Offline — showing the data saved on this computer"));

  gtk_label_set_text (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, offline);
}

static void
certo_offline_bar_dispose (GObject *object)
{
  certo_offline_bar_set_sync (CERTO_OFFLINE_BAR (object), NULL);

  G_OBJECT_CLASS (certo_offline_bar_parent_class)->dispose (object);
}

static void
certo_offline_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoOfflineBar *self = CERTO_OFFLINE_BAR (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CertoOfflineBar *self = CERTO_OFFLINE_BAR (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      certo_offline_bar_set_sync (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_bar_class_init (CertoOfflineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_offline_bar_dispose;
  object_class->get_property = certo_offline_bar_get_property;
  object_class->set_property = certo_offline_bar_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         CERTO_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-offline-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineBar, label);
}

static void
certo_offline_bar_init (CertoOfflineBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_offline_bar_get_sync:
 * @self: a #CertoOfflineBar
 *
 * Returns: (transfer none) (nullable): the sync whose client says whether
 *   the computer is online
 */
CertoSync *
certo_offline_bar_get_sync (CertoOfflineBar *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_BAR (self), NULL);

  return self->sync;
}

/**
 * certo_offline_bar_set_sync:
 * @self: a #CertoOfflineBar
 * @sync: (nullable): the application's sync
 *
 * Shows the bar while #CertoClient:online of @sync's client is %FALSE,
 * with the date of the newest refresh of the catalog's sources.
 */
void
certo_offline_bar_set_sync (CertoOfflineBar *self,
                            CertoSync       *sync)
{
  g_return_if_fail (CERTO_IS_OFFLINE_BAR (self));
  g_return_if_fail (sync == NULL || CERTO_IS_SYNC (sync));

  if (self->sync == sync)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  g_clear_object (&self->client);
  g_clear_object (&self->sources);
  g_set_object (&self->sync, sync);

  if (sync != NULL)
    {
      self->client = g_object_ref (certo_sync_get_client (sync));
      self->sources = g_object_ref (certo_catalog_get_sources (certo_sync_get_catalog (sync)));
      g_signal_connect_object (self->client, "notify::online", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sources, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

/**
 * certo_offline_bar_get_text:
 * @self: a #CertoOfflineBar
 *
 * Returns: (transfer none): what the bar says, shown or not
 */
const char *
certo_offline_bar_get_text (CertoOfflineBar *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_BAR (self), NULL);

  return gtk_label_get_text (self->label);
}
