/* certo-downloads-view.c — the Downloads page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's third page: the download queue (progress, Cancel, Cancel
 * All, the finished and failed ones), then every document saved for
 * offline reading with its size, date and SHA-256, Open and Delete, and
 * the disk they use. ("Clear Cache" is in Preferences.)
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-download-row.h"
#include "certo-downloads-view.h"
#include "certo-offline-bar.h"
#include "certo-offline-row.h"

struct _CertoDownloadsView
{
  AdwBin                parent_instance;

  CertoOffline         *offline;
  GMenuModel           *primary_menu;
  AdwViewStack         *view_stack;
  char                 *usage;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  CertoOfflineBar      *offline_bar;
  GtkStack             *stack;
  AdwPreferencesGroup  *queue_group;
  GtkListBox           *queue_list;
  AdwPreferencesGroup  *saved_group;
  GtkListBox           *saved_list;
};

G_DEFINE_FINAL_TYPE (CertoDownloadsView, certo_downloads_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRIMARY_MENU,
  PROP_VIEW_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CertoDownloadsView *self)
{
  guint n_jobs = 0, n_saved = 0, n_active = 0, n_finished = 0;
  g_autofree char *size = NULL;
  g_autofree char *escaped = NULL;

  if (self->offline != NULL)
    {
      GListModel *queue = certo_offline_get_queue (self->offline);

      n_jobs = g_list_model_get_n_items (queue);
      n_saved = g_list_model_get_n_items (certo_offline_get_documents (self->offline));
      n_active = certo_offline_get_n_active (self->offline);
      n_finished = n_jobs - MIN (n_jobs, n_active);
      size = g_format_size (certo_offline_get_total_size (self->offline));
    }

  g_free (self->usage);
  if (n_saved > 0)
    /* Translators: "Offline documents use 12.4 MB" */
    self->usage = g_strdup_printf (_("Offline documents use %s"), size);
  else
    self->usage = g_strdup (_("Nothing is saved yet"));
  escaped = g_markup_escape_text (self->usage, -1);
  adw_preferences_group_set_description (self->saved_group, escaped);

  gtk_widget_set_visible (GTK_WIDGET (self->queue_group), n_jobs > 0);
  gtk_stack_set_visible_child_name (self->stack, n_jobs + n_saved > 0 ? "list" : "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "downloads.cancel-all", n_active > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "downloads.clear-finished", n_finished > 0);
}

static GtkWidget *
create_job_row (gpointer item,
                gpointer user_data)
{
  CertoDownloadsView *self = user_data;

  return certo_download_row_new (CERTO_OFFLINE_JOB (item), self->offline);
}

static GtkWidget *
create_saved_row (gpointer item,
                  gpointer user_data)
{
  CertoDownloadsView *self = user_data;

  return certo_offline_row_new (CERTO_OFFLINE_DOCUMENT (item), self->offline);
}

/* A job's state changes without items-changed: Cancel All and Clear
 * Finished follow n-active */
static void
on_n_active_changed (CertoDownloadsView *self)
{
  update (self);
}

static void
cancel_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CertoDownloadsView *self = CERTO_DOWNLOADS_VIEW (widget);

  if (self->offline != NULL)
    certo_offline_cancel_all (self->offline);
}

static void
clear_finished_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CertoDownloadsView *self = CERTO_DOWNLOADS_VIEW (widget);

  if (self->offline != NULL)
    certo_offline_clear_finished (self->offline);
}

static void
certo_downloads_view_dispose (GObject *object)
{
  CertoDownloadsView *self = (CertoDownloadsView *) object;

  certo_downloads_view_set_sources (self, NULL, NULL);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->view_stack);

  G_OBJECT_CLASS (certo_downloads_view_parent_class)->dispose (object);
}

static void
certo_downloads_view_finalize (GObject *object)
{
  CertoDownloadsView *self = (CertoDownloadsView *) object;

  g_free (self->usage);

  G_OBJECT_CLASS (certo_downloads_view_parent_class)->finalize (object);
}

static void
certo_downloads_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CertoDownloadsView *self = CERTO_DOWNLOADS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRIMARY_MENU:
      g_value_set_object (value, self->primary_menu);
      break;
    case PROP_VIEW_STACK:
      g_value_set_object (value, self->view_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_downloads_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CertoDownloadsView *self = CERTO_DOWNLOADS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRIMARY_MENU:
      if (g_set_object (&self->primary_menu, g_value_get_object (value)))
        {
          gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VIEW_STACK:
      if (g_set_object (&self->view_stack, g_value_get_object (value)))
        {
          adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
          adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_downloads_view_class_init (CertoDownloadsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_downloads_view_dispose;
  object_class->finalize = certo_downloads_view_finalize;
  object_class->get_property = certo_downloads_view_get_property;
  object_class->set_property = certo_downloads_view_set_property;

  properties[PROP_PRIMARY_MENU] =
    g_param_spec_object ("primary-menu", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_STACK] =
    g_param_spec_object ("view-stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_OFFLINE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-downloads-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, queue_group);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, saved_group);
  gtk_widget_class_bind_template_child (widget_class, CertoDownloadsView, saved_list);

  gtk_widget_class_install_action (widget_class, "downloads.cancel-all", NULL, cancel_all_action);
  gtk_widget_class_install_action (widget_class, "downloads.clear-finished", NULL, clear_finished_action);
}

static void
certo_downloads_view_init (CertoDownloadsView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Documents saved for offline reading are listed here"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->saved_list, placeholder);

  update (self);
}

/**
 * certo_downloads_view_set_sources:
 * @self: a #CertoDownloadsView
 * @sync: (nullable): the application's sync (for the offline bar)
 * @offline: (nullable): the application's offline documents
 *
 * Shows @offline's queue and saved documents.
 */
void
certo_downloads_view_set_sources (CertoDownloadsView *self,
                                  CertoSync          *sync,
                                  CertoOffline       *offline)
{
  g_return_if_fail (CERTO_IS_DOWNLOADS_VIEW (self));
  g_return_if_fail (sync == NULL || CERTO_IS_SYNC (sync));
  g_return_if_fail (offline == NULL || CERTO_IS_OFFLINE (offline));

  certo_offline_bar_set_sync (self->offline_bar, sync);
  if (self->offline == offline)
    return;

  if (self->offline != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->offline, self);
      g_signal_handlers_disconnect_by_data (certo_offline_get_queue (self->offline), self);
      g_signal_handlers_disconnect_by_data (certo_offline_get_documents (self->offline), self);
    }
  gtk_list_box_bind_model (self->queue_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->saved_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->offline, offline);

  if (offline != NULL)
    {
      gtk_list_box_bind_model (self->queue_list, certo_offline_get_queue (offline), create_job_row, self, NULL);
      gtk_list_box_bind_model (self->saved_list, certo_offline_get_documents (offline), create_saved_row, self, NULL);
      g_signal_connect_object (certo_offline_get_queue (offline), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (certo_offline_get_documents (offline), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (offline, "notify::total-size", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (offline, "notify::n-active", G_CALLBACK (on_n_active_changed), self, G_CONNECT_SWAPPED);
    }

  update (self);
}

/**
 * certo_downloads_view_get_offline:
 * @self: a #CertoDownloadsView
 *
 * Returns: (transfer none) (nullable): the offline documents shown
 */
CertoOffline *
certo_downloads_view_get_offline (CertoDownloadsView *self)
{
  g_return_val_if_fail (CERTO_IS_DOWNLOADS_VIEW (self), NULL);

  return self->offline;
}

/**
 * certo_downloads_view_get_usage:
 * @self: a #CertoDownloadsView
 *
 * Returns: (transfer none): the disk use shown ("Offline documents use
 *   12.4 MB")
 */
const char *
certo_downloads_view_get_usage (CertoDownloadsView *self)
{
  g_return_val_if_fail (CERTO_IS_DOWNLOADS_VIEW (self), NULL);

  return self->usage;
}
