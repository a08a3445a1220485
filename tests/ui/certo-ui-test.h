/* certo-ui-test.h — main loop, template and screenshot helpers the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A state a test waits for; @data is the test's fixture */
typedef gboolean (*CertoUiCondition) (gpointer data);

gboolean   certo_ui_test_wait_until      (CertoUiCondition  condition,
                                          gpointer          data,
                                          double            seconds);
void       certo_ui_test_settle          (guint             ms);
GtkWidget *certo_ui_test_child           (gpointer          widget,
                                          GType             type,
                                          const char       *name);
void       certo_ui_test_save_screenshot (GtkWidget        *widget,
                                          const char       *name,
                                          guint             settle_ms);

G_END_DECLS
