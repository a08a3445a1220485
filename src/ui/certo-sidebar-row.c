/* certo-sidebar-row.c — a row of the library's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-sidebar-row.h"

struct _CertoSidebarRow
{
  AdwBin            parent_instance;

  CertoSidebarItem *item;

  GtkStack         *stack;
  GtkLabel         *heading_label;
  GtkImage         *icon;
  GtkLabel         *title_label;
  GtkLabel         *count_label;
  GtkWidget        *popover;
};

G_DEFINE_FINAL_TYPE (CertoSidebarRow, certo_sidebar_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CertoSidebarRow *self)
{
  const char *title = NULL;
  guint count = 0;

  if (self->item != NULL)
    {
      title = certo_sidebar_item_get_title (self->item);
      count = certo_sidebar_item_get_count (self->item);
    }

  if (self->item != NULL
      && certo_sidebar_item_get_kind (self->item) == CERTO_SIDEBAR_ITEM_HEADER)
    {
      gtk_stack_set_visible_child_name (self->stack, "heading");
      gtk_label_set_text (self->heading_label, title ? title : "");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "entry");
  /* Family names come from catalogs: plain text only */
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_image_set_from_icon_name (self->icon,
                                self->item ? certo_sidebar_item_get_icon_name (self->item) : NULL);

  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", count);
      g_autofree char *description = NULL;

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", count),
                                     count);
      gtk_label_set_text (self->count_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count > 0);
}

/* A right click or a long press on an entry that stands for documents:
 * "Save for Offline" (the library view's action, with the entry's key) */
static void
show_context_menu (CertoSidebarRow *self,
                   double           x,
                   double           y)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *key = NULL;

  if (self->item == NULL || !certo_sidebar_item_has_documents (self->item))
    return;

  key = certo_sidebar_item_dup_key (self->item);
  menu = g_menu_new ();
  item = g_menu_item_new (_("Save All for _Offline"), NULL);
  g_menu_item_set_action_and_target_value (item, "library.save-section-offline", g_variant_new_string (key));
  g_menu_append_item (menu, item);

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                CertoSidebarRow *self)
{
  show_context_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               CertoSidebarRow     *self)
{
  show_context_menu (self, x, y);
}

static void
certo_sidebar_row_dispose (GObject *object)
{
  CertoSidebarRow *self = (CertoSidebarRow *) object;

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (certo_sidebar_row_parent_class)->dispose (object);
}

static void
certo_sidebar_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoSidebarRow *self = CERTO_SIDEBAR_ROW (object);

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
certo_sidebar_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CertoSidebarRow *self = CERTO_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      certo_sidebar_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sidebar_row_class_init (CertoSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_sidebar_row_dispose;
  object_class->get_property = certo_sidebar_row_get_property;
  object_class->set_property = certo_sidebar_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_SIDEBAR_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoSidebarRow, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoSidebarRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CertoSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSidebarRow, count_label);
}

static void
certo_sidebar_row_init (CertoSidebarRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

/**
 * certo_sidebar_row_get_item:
 * @self: a #CertoSidebarRow
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
CertoSidebarItem *
certo_sidebar_row_get_item (CertoSidebarRow *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}

/**
 * certo_sidebar_row_set_item:
 * @self: a #CertoSidebarRow
 * @item: (nullable): the entry to show
 *
 * Shows @item: a heading, or an icon, title and count.
 */
void
certo_sidebar_row_set_item (CertoSidebarRow  *self,
                            CertoSidebarItem *item)
{
  g_return_if_fail (CERTO_IS_SIDEBAR_ROW (self));
  g_return_if_fail (item == NULL || CERTO_IS_SIDEBAR_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
