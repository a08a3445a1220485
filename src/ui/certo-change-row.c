/* certo-change-row.c — one change in What's New
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kind shows as an icon and as words (never by colour alone); then
 * the source and the date, the document's or service's title, and each
 * field that changed, old → new.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-change-row.h"
#include "certo-sync-util.h"
#include "certo-whats-new.h"

struct _CertoChangeRow
{
  AdwBin       parent_instance;

  CertoChange *item;

  GtkImage    *kind_icon;
  GtkLabel    *kind_label;
  GtkLabel    *meta_label;
  GtkLabel    *title_label;
  GtkLabel    *details_label;
  GtkWidget   *go_icon;
};

G_DEFINE_FINAL_TYPE (CertoChangeRow, certo_change_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CertoChangeRow *self)
{
  CertoChange *change = self->item;
  CertoChangeKind kind;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *source_name;

  if (change == NULL)
    return;

  kind = certo_change_get_kind (change);
  source_name = certo_change_get_source_name (change);
  when = certo_format_relative_time (certo_change_get_date (change));
  if (source_name != NULL && when != NULL)
    /* Translators: "Northwind · 3 hours ago" */
    meta = g_strdup_printf (_("%s · %s"), source_name, when);
  else
    meta = g_strdup (source_name != NULL ? source_name : when);

  if (kind == CERTO_CHANGE_FIRST_IMPORT)
    {
      guint count = certo_change_get_count (change);

      /* The source is the title; what came with it, one line */
      title = g_strdup (source_name != NULL ? source_name : _("Untitled"));
      details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document added", "%u documents added", count),
                                 count);
      g_clear_pointer (&meta, g_free);
      meta = g_strdup (when);
    }
  else
    {
      title = g_strdup (certo_change_get_title (change) != NULL ? certo_change_get_title (change) : _("Untitled"));
      details = certo_change_dup_details (change);
    }

  gtk_image_set_from_icon_name (self->kind_icon, certo_change_kind_icon_name (kind));
  gtk_label_set_text (self->kind_label, certo_change_kind_label (kind));
  /* Remote text: plain text only */
  gtk_label_set_text (self->meta_label, meta != NULL ? meta : "");
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);
  gtk_widget_set_visible (self->go_icon,
                          certo_change_get_document_id (change) > 0 || certo_change_get_service_id (change) > 0);

  /* Translators: what a screen reader says for a change: "Changed: Cloud certificate" */
  accessible = g_strdup_printf (_("%s: %s"), certo_change_kind_label (kind), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
certo_change_row_dispose (GObject *object)
{
  CertoChangeRow *self = (CertoChangeRow *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (certo_change_row_parent_class)->dispose (object);
}

static void
certo_change_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CertoChangeRow *self = CERTO_CHANGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_change_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CertoChangeRow *self = CERTO_CHANGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      certo_change_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_change_row_class_init (CertoChangeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_change_row_dispose;
  object_class->get_property = certo_change_row_get_property;
  object_class->set_property = certo_change_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_CHANGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-change-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, CertoChangeRow, go_icon);
}

static void
certo_change_row_init (CertoChangeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_change_row_get_item:
 * @self: a #CertoChangeRow
 *
 * Returns: (transfer none) (nullable): the change shown
 */
CertoChange *
certo_change_row_get_item (CertoChangeRow *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE_ROW (self), NULL);

  return self->item;
}

/**
 * certo_change_row_set_item:
 * @self: a #CertoChangeRow
 * @item: (nullable): the change to show
 */
void
certo_change_row_set_item (CertoChangeRow *self,
                           CertoChange    *item)
{
  g_return_if_fail (CERTO_IS_CHANGE_ROW (self));
  g_return_if_fail (item == NULL || CERTO_IS_CHANGE (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
