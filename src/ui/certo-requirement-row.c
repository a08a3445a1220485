/* certo-requirement-row.c — a requirement with a check box, in a picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-requirement-row.h"

struct _CertoRequirementRow
{
  AdwActionRow           parent_instance;

  CertoRequirementState *item;
  gboolean               selected;

  GtkCheckButton        *check;
};

G_DEFINE_FINAL_TYPE (CertoRequirementRow, certo_requirement_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_requirement_row_dispose (GObject *object)
{
  CertoRequirementRow *self = (CertoRequirementRow *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (certo_requirement_row_parent_class)->dispose (object);
}

static void
certo_requirement_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CertoRequirementRow *self = CERTO_REQUIREMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CertoRequirementRow *self = CERTO_REQUIREMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_set_object (&self->item, g_value_get_object (value));
      if (self->item != NULL)
        {
          /* The framework's text: no markup */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                         certo_requirement_state_get_display_label (self->item));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self), certo_requirement_state_get_title (self->item));
        }
      break;
    case PROP_SELECTED:
      certo_requirement_row_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_row_class_init (CertoRequirementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_requirement_row_dispose;
  object_class->get_property = certo_requirement_row_get_property;
  object_class->set_property = certo_requirement_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_REQUIREMENT_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-requirement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementRow, check);
}

static void
certo_requirement_row_init (CertoRequirementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_requirement_row_new:
 * @item: a requirement
 *
 * Returns: (transfer floating): a row with its number, title and a check box
 */
GtkWidget *
certo_requirement_row_new (CertoRequirementState *item)
{
  return g_object_new (CERTO_TYPE_REQUIREMENT_ROW, "item", item, NULL);
}

/**
 * certo_requirement_row_get_item:
 * @self: a #CertoRequirementRow
 *
 * Returns: (transfer none): the requirement shown
 */
CertoRequirementState *
certo_requirement_row_get_item (CertoRequirementRow *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_ROW (self), NULL);

  return self->item;
}

/**
 * certo_requirement_row_get_selected:
 * @self: a #CertoRequirementRow
 *
 * Returns: whether the check box is ticked
 */
gboolean
certo_requirement_row_get_selected (CertoRequirementRow *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_ROW (self), FALSE);

  return self->selected;
}

/**
 * certo_requirement_row_set_selected:
 * @self: a #CertoRequirementRow
 * @selected: whether to tick the check box
 */
void
certo_requirement_row_set_selected (CertoRequirementRow *self,
                                    gboolean             selected)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_ROW (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
