/* certo-service-row.c — a row of the in-scope services list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-service-row.h"

struct _CertoServiceRow
{
  AdwBin        parent_instance;

  CertoService *item;

  GtkLabel     *name_label;
  GtkLabel     *families_label;
  GtkLabel     *count_label;
};

G_DEFINE_FINAL_TYPE (CertoServiceRow, certo_service_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CertoServiceRow *self)
{
  const char *name = NULL;
  const char *families = NULL;
  guint n_documents = 0;

  if (self->item != NULL)
    {
      name = certo_service_get_name (self->item);
      families = certo_service_get_families_label (self->item);
      n_documents = certo_service_get_n_documents (self->item);
    }

  /* Remote text: plain text only */
  gtk_label_set_text (self->name_label, name ? name : "");
  gtk_label_set_text (self->families_label, families ? families : "");
  gtk_widget_set_visible (GTK_WIDGET (self->families_label), families != NULL && *families != '\0');

  if (n_documents > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents),
                              n_documents);
      gtk_label_set_text (self->count_label, text);
    }
  else
    {
      /* In scope, but no certificate or report names it */
      gtk_label_set_text (self->count_label, _("No documents"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->item != NULL);
}

static void
certo_service_row_dispose (GObject *object)
{
  CertoServiceRow *self = (CertoServiceRow *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (certo_service_row_parent_class)->dispose (object);
}

static void
certo_service_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoServiceRow *self = CERTO_SERVICE_ROW (object);

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
certo_service_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CertoServiceRow *self = CERTO_SERVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      certo_service_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_service_row_class_init (CertoServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_service_row_dispose;
  object_class->get_property = certo_service_row_get_property;
  object_class->set_property = certo_service_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-service-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoServiceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CertoServiceRow, families_label);
  gtk_widget_class_bind_template_child (widget_class, CertoServiceRow, count_label);
}

static void
certo_service_row_init (CertoServiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_service_row_get_item:
 * @self: a #CertoServiceRow
 *
 * Returns: (transfer none) (nullable): the service shown
 */
CertoService *
certo_service_row_get_item (CertoServiceRow *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE_ROW (self), NULL);

  return self->item;
}

/**
 * certo_service_row_set_item:
 * @self: a #CertoServiceRow
 * @item: (nullable): the service to show
 *
 * Shows @item's name, its families and how many documents cover it.
 */
void
certo_service_row_set_item (CertoServiceRow *self,
                            CertoService    *item)
{
  g_return_if_fail (CERTO_IS_SERVICE_ROW (self));
  g_return_if_fail (item == NULL || CERTO_IS_SERVICE (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
