/* certo-date-row.c — a row with a date, chosen on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date is `YYYY-MM-DD` or nothing. A click on a day of the month
 * shown, or Enter on the focused day, sets it and closes the popover;
 * browsing months and moving with the arrow keys does not.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo.h"
#include "certo-date-row.h"
#include "certo-document-details.h"

struct _CertoDateRow
{
  AdwActionRow  parent_instance;

  char         *date;
  gboolean      clearable;

  /* A pointer press on the calendar, and the month it showed */
  gboolean      pressed;
  int           pressed_year;
  int           pressed_month;
  gboolean      updating;

  GtkLabel     *value_label;
  GtkWidget    *clear_button;
  GtkMenuButton *menu_button;
  GtkPopover   *popover;
  GtkCalendar  *calendar;
};

G_DEFINE_FINAL_TYPE (CertoDateRow, certo_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_CLEARABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CertoDateRow *self)
{
  g_autofree char *text = certo_format_date (self->date);

  gtk_label_set_text (self->value_label, text != NULL ? text : _("Not set"));
  if (text != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  gtk_widget_set_visible (self->clear_button, self->clearable && self->date != NULL);
}

static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
pick_calendar_date (CertoDateRow *self)
{
  g_autofree char *date = calendar_date (self->calendar);

  certo_date_row_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
on_popover_show (CertoDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (self->date != NULL && certo_iso_date_parse (self->date, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
}

static void
on_day_selected (CertoDateRow *self)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean same_month;

  if (self->updating || !self->pressed)
    return;

  self->pressed = FALSE;
  date = gtk_calendar_get_date (self->calendar);
  same_month = g_date_time_get_year (date) == self->pressed_year
               && g_date_time_get_month (date) == self->pressed_month;

  /* A day of the month shown was clicked (not a month arrow, not a day
   * of the next month shown greyed) */
  if (same_month)
    pick_calendar_date (self);
}

static void
on_calendar_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     CertoDateRow    *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  self->pressed = TRUE;
  self->pressed_year = g_date_time_get_year (date);
  self->pressed_month = g_date_time_get_month (date);
}

static void
on_calendar_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CertoDateRow    *self)
{
  self->pressed = FALSE;
}

static gboolean
on_calendar_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 CertoDateRow          *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      pick_calendar_date (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_today_clicked (CertoDateRow *self)
{
  g_autofree char *today = certo_iso_date_today ();

  certo_date_row_set_date (self, today);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (CertoDateRow *self)
{
  certo_date_row_set_date (self, NULL);
}

static void
certo_date_row_finalize (GObject *object)
{
  CertoDateRow *self = (CertoDateRow *) object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (certo_date_row_parent_class)->finalize (object);
}

static void
certo_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CertoDateRow *self = CERTO_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CLEARABLE:
      g_value_set_boolean (value, self->clearable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CertoDateRow *self = CERTO_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      certo_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_CLEARABLE:
      certo_date_row_set_clearable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_date_row_class_init (CertoDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = certo_date_row_finalize;
  object_class->get_property = certo_date_row_get_property;
  object_class->set_property = certo_date_row_set_property;

  /* `YYYY-MM-DD`, or %NULL for no date */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLEARABLE] =
    g_param_spec_boolean ("clearable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDateRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDateRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDateRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, CertoDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
certo_date_row_init (CertoDateRow *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  self->clearable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture phase: runs before the calendar's own click selects the day */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_calendar_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_calendar_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);

  update (self);
}

/**
 * certo_date_row_new:
 * @title: the row's title ("Due date")
 *
 * Returns: (transfer floating): a row with no date
 */
GtkWidget *
certo_date_row_new (const char *title)
{
  return g_object_new (CERTO_TYPE_DATE_ROW, "title", title, NULL);
}

/**
 * certo_date_row_get_date:
 * @self: a #CertoDateRow
 *
 * Returns: (transfer none) (nullable): the date, `YYYY-MM-DD`
 */
const char *
certo_date_row_get_date (CertoDateRow *self)
{
  g_return_val_if_fail (CERTO_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * certo_date_row_set_date:
 * @self: a #CertoDateRow
 * @date: (nullable): `YYYY-MM-DD`; %NULL or "" for no date
 *
 * Shows @date for the user's locale ("5 November 2025").
 */
void
certo_date_row_set_date (CertoDateRow *self,
                         const char   *date)
{
  g_return_if_fail (CERTO_IS_DATE_ROW (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * certo_date_row_set_clearable:
 * @self: a #CertoDateRow
 * @clearable: whether the date can be removed (a "Clear" button)
 */
void
certo_date_row_set_clearable (CertoDateRow *self,
                              gboolean      clearable)
{
  g_return_if_fail (CERTO_IS_DATE_ROW (self));

  clearable = !!clearable;
  if (self->clearable == clearable)
    return;

  self->clearable = clearable;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEARABLE]);
}
