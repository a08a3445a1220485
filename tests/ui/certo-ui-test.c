/* certo-ui-test.c — main loop, template and screenshot helpers the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-ui-test.h"

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * certo_ui_test_wait_until:
 * @condition: the state to wait for
 * @data: passed to @condition
 * @seconds: the longest wait, in seconds
 *
 * Iterates the default main context until @condition holds or @seconds
 * pass. The search entry's delay (about 150 ms, PLATFORM.md) and the
 * store's worker thread both need the loop to turn.
 *
 * Returns: whether @condition holds
 */
gboolean
certo_ui_test_wait_until (CertoUiCondition condition,
                          gpointer         data,
                          double           seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint tick = g_timeout_add (10, wake_up, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/**
 * certo_ui_test_settle:
 * @ms: how long, in milliseconds
 *
 * Lets the main loop run for @ms, for layout and idle work to finish.
 */
void
certo_ui_test_settle (guint ms)
{
  certo_ui_test_wait_until (never, NULL, ms / 1000.0);
}

/**
 * certo_ui_test_child:
 * @widget: a widget built from a template
 * @type: the template's type
 * @name: the child's id in the template
 *
 * Returns: (transfer none): the template child; fails the test when absent
 */
GtkWidget *
certo_ui_test_child (gpointer    widget,
                     GType       type,
                     const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/**
 * certo_ui_test_save_screenshot:
 * @widget: what to draw, usually a window
 * @name: the file name without ".png"
 * @settle_ms: how long to let the loop run first, in milliseconds
 *
 * With CERTO_UI_SCREENSHOT_DIR set, saves @widget as NAME.png there, for
 * a person to look at; the tests never compare pixels.
 */
void
certo_ui_test_save_screenshot (GtkWidget  *widget,
                               const char *name,
                               guint       settle_ms)
{
  const char *dir = g_getenv ("CERTO_UI_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;

  certo_ui_test_settle (settle_ms);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}
