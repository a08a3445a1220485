/* certo-preferences-window.h — Preferences: your name, notifications,
 * sources and their refresh, storage used, the cache, size limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_PREFERENCES_WINDOW (certo_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CertoPreferencesWindow, certo_preferences_window, CERTO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow    *certo_preferences_window_new          (GtkWindow              *parent,
                                                     GSettings              *settings,
                                                     CertoSync              *sync,
                                                     CertoOffline           *offline);
GtkWindow    *certo_preferences_window_present      (GtkWindow              *parent,
                                                     GSettings              *settings,
                                                     CertoSync              *sync,
                                                     CertoOffline           *offline);
gboolean      certo_preferences_window_is_busy      (CertoPreferencesWindow *self);
void          certo_preferences_window_update_usage (CertoPreferencesWindow *self);

G_END_DECLS
