/* certo-client.c — the HTTP(S) client: one libsoup session, its settings
 * and caps on size and time. Fetches and probes: certo-client-fetch.c;
 * redirects and error mapping: certo-client-request.c; downloads:
 * certo-download.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-client-private.h"

struct _CertoClient
{
  GObject          parent_instance;

  SoupSession     *session;
  GProxyResolver  *proxy_resolver;
  GTlsDatabase    *tls_database;
  GNetworkMonitor *network_monitor;
  gulong           network_handler;
  gboolean         online;

  guint64          max_body_size;
  guint            connect_timeout;
  guint            idle_timeout;
  gboolean         resume_downloads;

  /* Paths of the partial files of downloads in progress */
  GHashTable      *active_parts;
};

G_DEFINE_TYPE (CertoClient, certo_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_BODY_SIZE,
  PROP_CONNECT_TIMEOUT,
  PROP_IDLE_TIMEOUT,
  PROP_RESUME_DOWNLOADS,
  PROP_USER_AGENT,
  PROP_PROXY_RESOLVER,
  PROP_TLS_DATABASE,
  PROP_NETWORK_MONITOR,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define USER_AGENT "Certo/" PACKAGE_VERSION
#define DEFAULT_CONNECT_TIMEOUT 15
#define DEFAULT_IDLE_TIMEOUT 30
#define MAX_TIMEOUT 600

/* Signal callbacks */

static void
on_network_changed (GNetworkMonitor *monitor,
                    GParamSpec      *pspec,
                    CertoClient     *self)
{
  gboolean online = g_network_monitor_get_network_available (monitor);

  if (online == self->online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/* GObject overrides */

static void
certo_client_constructed (GObject *object)
{
  CertoClient *self = CERTO_CLIENT (object);

  G_OBJECT_CLASS (certo_client_parent_class)->constructed (object);

  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", self->idle_timeout,
                                                 NULL);
  /* Unset means libsoup's defaults: the system proxy settings and the
   * system's trusted certificates */
  if (self->proxy_resolver != NULL)
    soup_session_set_proxy_resolver (self->session, self->proxy_resolver);
  if (self->tls_database != NULL)
    soup_session_set_tls_database (self->session, self->tls_database);

  if (self->network_monitor == NULL)
    self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  self->online = g_network_monitor_get_network_available (self->network_monitor);
  self->network_handler = g_signal_connect (self->network_monitor, "notify::network-available",
                                            G_CALLBACK (on_network_changed), self);
}

static void
certo_client_dispose (GObject *object)
{
  CertoClient *self = CERTO_CLIENT (object);

  g_clear_signal_handler (&self->network_handler, self->network_monitor);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->tls_database);
  g_clear_object (&self->proxy_resolver);

  G_OBJECT_CLASS (certo_client_parent_class)->dispose (object);
}

static void
certo_client_finalize (GObject *object)
{
  CertoClient *self = CERTO_CLIENT (object);

  g_clear_pointer (&self->active_parts, g_hash_table_unref);

  G_OBJECT_CLASS (certo_client_parent_class)->finalize (object);
}

static void
certo_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CertoClient *self = CERTO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;
    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout);
      break;
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;
    case PROP_RESUME_DOWNLOADS:
      g_value_set_boolean (value, self->resume_downloads);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, USER_AGENT);
      break;
    case PROP_PROXY_RESOLVER:
      g_value_set_object (value, self->proxy_resolver);
      break;
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network_monitor);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, certo_client_get_online (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CertoClient *self = CERTO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_MAX_BODY_SIZE:
      certo_client_set_max_body_size (self, g_value_get_uint64 (value));
      break;
    case PROP_CONNECT_TIMEOUT:
      certo_client_set_connect_timeout (self, g_value_get_uint (value));
      break;
    case PROP_IDLE_TIMEOUT:
      certo_client_set_idle_timeout (self, g_value_get_uint (value));
      break;
    case PROP_RESUME_DOWNLOADS:
      certo_client_set_resume_downloads (self, g_value_get_boolean (value));
      break;
    case PROP_PROXY_RESOLVER:
      self->proxy_resolver = g_value_dup_object (value);
      break;
    case PROP_TLS_DATABASE:
      self->tls_database = g_value_dup_object (value);
      break;
    case PROP_NETWORK_MONITOR:
      self->network_monitor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_client_class_init (CertoClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = certo_client_constructed;
  object_class->dispose = certo_client_dispose;
  object_class->finalize = certo_client_finalize;
  object_class->get_property = certo_client_get_property;
  object_class->set_property = certo_client_set_property;

  /**
   * CertoClient:max-body-size:
   *
   * The largest body, in bytes, any request reads (after decompression);
   * larger answers fail with %CERTO_CLIENT_ERROR_TOO_LARGE. Applies to
   * downloads as well. libsoup itself has no cap.
   */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL,
                         1, G_MAXUINT64, CERTO_CLIENT_DEFAULT_MAX_BODY_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:connect-timeout:
   *
   * Seconds, 1 to 600, allowed for connecting, the TLS handshake and the
   * server's status line together, per redirect hop.
   */
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL,
                       1, MAX_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:idle-timeout:
   *
   * Seconds, 1 to 600, a connection may stay silent while Certo waits for
   * data (libsoup's #SoupSession:timeout). Not the time a whole download
   * may take: a slow but steady transfer never times out.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       1, MAX_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:resume-downloads:
   *
   * Whether a download cut off by the network keeps its partial file so the
   * next download of the same URL into the same folder continues with
   * `Range` (see certo_client_download_async()).
   */
  properties[PROP_RESUME_DOWNLOADS] =
    g_param_spec_boolean ("resume-downloads", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:user-agent:
   *
   * "Certo/" and the version, sent with every request.
   */
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL,
                         USER_AGENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:proxy-resolver:
   *
   * The proxy resolver, or %NULL for the system's settings. Tests pass a
   * #GSimpleProxyResolver without proxies so a proxy in the environment
   * cannot reroute 127.0.0.1.
   */
  properties[PROP_PROXY_RESOLVER] =
    g_param_spec_object ("proxy-resolver", NULL, NULL,
                         G_TYPE_PROXY_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:tls-database:
   *
   * The certificates trusted, or %NULL for the system's. Verification is
   * never turned off; a test trusts its self-signed server by passing a
   * database that holds it.
   */
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL,
                         G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:network-monitor:
   *
   * The network monitor, or %NULL for g_network_monitor_get_default().
   */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL,
                         G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoClient:online:
   *
   * Whether the network monitor sees a network. When %FALSE, requests to
   * other computers fail at once with %CERTO_CLIENT_ERROR_OFFLINE and the
   * UI shows the data last fetched; notified when it changes.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_client_init (CertoClient *self)
{
  self->max_body_size = CERTO_CLIENT_DEFAULT_MAX_BODY_SIZE;
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
  self->resume_downloads = TRUE;
  self->online = TRUE;
  self->active_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Shared with certo-download.c (certo-client-private.h) */

/* Two downloads of one URL into one folder would write the same partial
 * file: the second is refused while the first runs */
gboolean
certo_client_claim_part (CertoClient *self,
                         GFile       *part)
{
  g_autofree char *path = g_file_get_path (part);

  if (path == NULL || g_hash_table_contains (self->active_parts, path))
    return FALSE;

  g_hash_table_add (self->active_parts, g_steal_pointer (&path));
  return TRUE;
}

void
certo_client_release_part (CertoClient *self,
                           GFile       *part)
{
  g_autofree char *path = g_file_get_path (part);

  if (path != NULL)
    g_hash_table_remove (self->active_parts, path);
}

SoupSession *
certo_client_get_session (CertoClient *self)
{
  return self->session;
}

/* Public API */

/**
 * certo_client_new:
 *
 * A client with the system's proxy settings, trusted certificates and
 * network monitor.
 *
 * Returns: (transfer full): a new #CertoClient
 */
CertoClient *
certo_client_new (void)
{
  return g_object_new (CERTO_TYPE_CLIENT, NULL);
}

/**
 * certo_client_new_full:
 * @proxy_resolver: (nullable): see #CertoClient:proxy-resolver
 * @tls_database: (nullable): see #CertoClient:tls-database
 * @network_monitor: (nullable): see #CertoClient:network-monitor
 *
 * A client with its own proxy resolver, trusted certificates or network
 * monitor; %NULL for the system's.
 *
 * Returns: (transfer full): a new #CertoClient
 */
CertoClient *
certo_client_new_full (GProxyResolver  *proxy_resolver,
                       GTlsDatabase    *tls_database,
                       GNetworkMonitor *network_monitor)
{
  g_return_val_if_fail (proxy_resolver == NULL || G_IS_PROXY_RESOLVER (proxy_resolver), NULL);
  g_return_val_if_fail (tls_database == NULL || G_IS_TLS_DATABASE (tls_database), NULL);
  g_return_val_if_fail (network_monitor == NULL || G_IS_NETWORK_MONITOR (network_monitor), NULL);

  return g_object_new (CERTO_TYPE_CLIENT,
                       "proxy-resolver", proxy_resolver,
                       "tls-database", tls_database,
                       "network-monitor", network_monitor,
                       NULL);
}

/**
 * certo_client_get_max_body_size:
 * @self: a #CertoClient
 *
 * Returns: the cap on any body, in bytes (#CertoClient:max-body-size)
 */
guint64
certo_client_get_max_body_size (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), 0);

  return self->max_body_size;
}

/**
 * certo_client_set_max_body_size:
 * @self: a #CertoClient
 * @max_body_size: bytes, at least 1
 *
 * Sets #CertoClient:max-body-size for requests started from now on.
 */
void
certo_client_set_max_body_size (CertoClient *self,
                                guint64      max_body_size)
{
  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (max_body_size > 0);

  if (self->max_body_size == max_body_size)
    return;

  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

/**
 * certo_client_get_connect_timeout:
 * @self: a #CertoClient
 *
 * Returns: #CertoClient:connect-timeout, in seconds
 */
guint
certo_client_get_connect_timeout (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), 0);

  return self->connect_timeout;
}

/**
 * certo_client_set_connect_timeout:
 * @self: a #CertoClient
 * @seconds: 1 to 600
 *
 * Sets #CertoClient:connect-timeout for requests started from now on.
 */
void
certo_client_set_connect_timeout (CertoClient *self,
                                  guint        seconds)
{
  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (seconds >= 1 && seconds <= MAX_TIMEOUT);

  if (self->connect_timeout == seconds)
    return;

  self->connect_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

/**
 * certo_client_get_idle_timeout:
 * @self: a #CertoClient
 *
 * Returns: #CertoClient:idle-timeout, in seconds
 */
guint
certo_client_get_idle_timeout (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), 0);

  return self->idle_timeout;
}

/**
 * certo_client_set_idle_timeout:
 * @self: a #CertoClient
 * @seconds: 1 to 600
 *
 * Sets #CertoClient:idle-timeout; connections already open keep theirs.
 */
void
certo_client_set_idle_timeout (CertoClient *self,
                               guint        seconds)
{
  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (seconds >= 1 && seconds <= MAX_TIMEOUT);

  if (self->idle_timeout == seconds)
    return;

  self->idle_timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

/**
 * certo_client_get_resume_downloads:
 * @self: a #CertoClient
 *
 * Returns: #CertoClient:resume-downloads
 */
gboolean
certo_client_get_resume_downloads (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), FALSE);

  return self->resume_downloads;
}

/**
 * certo_client_set_resume_downloads:
 * @self: a #CertoClient
 * @resume: whether interrupted downloads keep their partial file
 *
 * Sets #CertoClient:resume-downloads.
 */
void
certo_client_set_resume_downloads (CertoClient *self,
                                   gboolean     resume)
{
  g_return_if_fail (CERTO_IS_CLIENT (self));

  resume = !!resume;
  if (self->resume_downloads == resume)
    return;

  self->resume_downloads = resume;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESUME_DOWNLOADS]);
}

/**
 * certo_client_get_user_agent:
 * @self: a #CertoClient
 *
 * Returns: the User-Agent sent, "Certo/" and the version
 */
const char *
certo_client_get_user_agent (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), NULL);

  return USER_AGENT;
}

/**
 * certo_client_get_online:
 * @self: a #CertoClient
 *
 * Whether the network monitor sees a network (#CertoClient:online). When
 * it does not, show the data last fetched ("Offline — showing data from
 * …") rather than an error.
 *
 * Returns: %TRUE when online
 */
gboolean
certo_client_get_online (CertoClient *self)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), FALSE);

  if (self->network_monitor == NULL)
    return TRUE;
  return g_network_monitor_get_network_available (self->network_monitor);
}
