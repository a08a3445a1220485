/* certo-offline-row.c — one document saved for offline reading, in the
 * Downloads page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-offline-row.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

struct _CertoOfflineRow
{
  GtkListBoxRow         parent_instance;

  CertoOfflineDocument *document;
  CertoOffline         *offline;

  GtkImage             *icon;
  GtkLabel             *title_label;
  GtkLabel             *info_label;
  GtkLabel             *sha256_label;
};

G_DEFINE_FINAL_TYPE (CertoOfflineRow, certo_offline_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (CertoOfflineRow *self)
{
  CertoOfflineDocument *doc = self->document;
  g_autofree char *size = g_format_size (certo_offline_document_get_size (doc));
  g_autofree char *added = certo_format_day (certo_offline_document_get_added (doc));
  g_autofree char *info = NULL;
  g_autofree char *sha256 = NULL;
  gboolean attached = certo_offline_document_get_attached (doc);

  if (attached)
    /* Translators: "cert.pdf · 1.2 MB · attached 5 November 2024" */
    info = g_strdup_printf (_("%s · %s · attached %s"), certo_offline_document_get_file_name (doc),
                            size, added != NULL ? added : "");
  else
    /* Translators: "cert.pdf · 1.2 MB · saved 5 November 2024" */
    info = g_strdup_printf (_("%s · %s · saved %s"), certo_offline_document_get_file_name (doc),
                            size, added != NULL ? added : "");
  sha256 = g_strdup_printf ("SHA-256 %s", certo_offline_document_get_sha256 (doc));

  gtk_image_set_from_icon_name (self->icon, attached ? "mail-attachment-symbolic" : "x-office-document-symbolic");
  /* Remote text: plain text */
  gtk_label_set_text (self->title_label, certo_offline_document_get_title (doc));
  gtk_label_set_text (self->info_label, info);
  gtk_label_set_text (self->sha256_label, sha256);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, certo_offline_document_get_title (doc),
                                  -1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CertoOfflineRow *self = CERTO_OFFLINE_ROW (widget);

  certo_open_offline_document (widget, self->offline, self->document);
}

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (certo_offline_remove_finish (CERTO_OFFLINE (object), result, &error))
    certo_add_toast (widget, certo_toast_new (_("Offline copy deleted")));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    certo_show_message (widget, _("Could Not Delete the Offline Copy"), error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoOfflineRow *self = CERTO_OFFLINE_ROW (widget);
  GtkWidget *list = gtk_widget_get_parent (widget);

  gtk_widget_set_sensitive (widget, FALSE);
  /* The row goes with the list's next items-changed: the toast is the list's */
  certo_offline_remove_async (self->offline, self->document, NULL, on_removed,
                              g_object_ref (list != NULL ? list : widget));
}

static void
certo_offline_row_dispose (GObject *object)
{
  CertoOfflineRow *self = (CertoOfflineRow *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->offline);

  G_OBJECT_CLASS (certo_offline_row_parent_class)->dispose (object);
}

static void
certo_offline_row_class_init (CertoOfflineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_offline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-offline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineRow, info_label);
  gtk_widget_class_bind_template_child (widget_class, CertoOfflineRow, sha256_label);

  gtk_widget_class_install_action (widget_class, "saved.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "saved.delete", NULL, delete_action);
}

static void
certo_offline_row_init (CertoOfflineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_offline_row_new:
 * @document: a saved copy
 * @offline: the offline documents it belongs to
 *
 * Returns: (transfer full): a new row
 */
GtkWidget *
certo_offline_row_new (CertoOfflineDocument *document,
                       CertoOffline         *offline)
{
  CertoOfflineRow *self;

  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (document), NULL);
  g_return_val_if_fail (CERTO_IS_OFFLINE (offline), NULL);

  self = g_object_new (CERTO_TYPE_OFFLINE_ROW, NULL);
  self->document = g_object_ref (document);
  self->offline = g_object_ref (offline);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * certo_offline_row_get_document:
 * @self: a #CertoOfflineRow
 *
 * Returns: (transfer none): the saved copy shown
 */
CertoOfflineDocument *
certo_offline_row_get_document (CertoOfflineRow *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_ROW (self), NULL);

  return self->document;
}
