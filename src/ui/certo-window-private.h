/* certo-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-library-view.h"
#include "certo-window.h"

G_BEGIN_DECLS

struct _CertoWindow
{
  AdwApplicationWindow  parent_instance;

  CertoCatalog         *catalog;
  GSettings            *settings;

  /* Cancelled when the window closes: the load and any import */
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  GPtrArray            *import_warnings;   /* (element-type utf8) of the last import */
  GPtrArray            *pending_imports;   /* (element-type GFile) waiting for the load */
  gboolean              loading;
  gboolean              bench;
  gulong                bench_handler;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  CertoLibraryView     *library_view;
  GtkRevealer          *import_revealer;
  GtkSpinner           *import_spinner;
  GtkLabel             *import_label;
};

void certo_window_actions_init   (CertoWindow *self);
void certo_window_update_actions (CertoWindow *self);
void certo_window_add_toast      (CertoWindow *self,
                                  AdwToast    *toast);

G_END_DECLS
