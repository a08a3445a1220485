/* certo-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"
#include "certo-workspace-view.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WINDOW (certo_window_get_type ())

G_DECLARE_FINAL_TYPE (CertoWindow, certo_window, CERTO, WINDOW, AdwApplicationWindow)

CertoWindow  *certo_window_new         (AdwApplication *application,
                                        CertoCatalog   *catalog,
                                        GSettings      *settings);
CertoCatalog *certo_window_get_catalog (CertoWindow    *self);
void          certo_window_load        (CertoWindow    *self);
void          certo_window_set_load_result (CertoWindow  *self,
                                        const GError   *error);
void          certo_window_import_file (CertoWindow    *self,
                                        GFile          *file);
gboolean      certo_window_is_importing (CertoWindow   *self);

/* Sources, sync, What's New, downloads (certo-window-sync.c) */
void          certo_window_refresh_all      (CertoWindow   *self);
void          certo_window_refresh_stale    (CertoWindow   *self,
                                             gint64         interval);
gboolean      certo_window_is_refreshing    (CertoWindow   *self);
void          certo_window_show_whats_new   (CertoWindow   *self);
void          certo_window_show_downloads   (CertoWindow   *self);
GtkWindow    *certo_window_show_sources     (CertoWindow   *self);

/* The workspace (certo-window-workspace.c) */
CertoWindow        *certo_window_find_for_file       (GtkApplication   *application,
                                                      GFile            *file);
CertoWorkspace     *certo_window_get_workspace       (CertoWindow      *self);
CertoWorkspaceView *certo_window_get_workspace_view  (CertoWindow      *self);
gboolean            certo_window_is_busy             (CertoWindow      *self);
void                certo_window_open_workspace      (CertoWindow      *self,
                                                      GFile            *file);
void                certo_window_create_workspace    (CertoWindow      *self,
                                                      GFile            *file,
                                                      CertoFramework   *framework,
                                                      const char       *organisation,
                                                      const char       *scope,
                                                      gboolean          replace);
void                certo_window_adopt_workspace     (CertoWindow      *self,
                                                      CertoWorkspace   *workspace);
void                certo_window_close_workspace     (CertoWindow      *self);
void                certo_window_undo                (CertoWindow      *self);
void                certo_window_offer_recovery      (CertoWindow      *self);
void                certo_window_recover_workspace   (CertoWindow      *self,
                                                      const CertoRecoverable *recoverable,
                                                      GFile            *save_as);

/* Exports, imports and the like (certo-window-exports.c) */
void                certo_window_export              (CertoWindow      *self,
                                                      CertoExportFormat format,
                                                      GFile            *file);
void                certo_window_import_soa          (CertoWindow      *self,
                                                      GFile            *file);
CertoSoaVersion    *certo_window_approve_soa         (CertoWindow      *self,
                                                      const char       *version,
                                                      const char       *approver,
                                                      const char       *approval_date,
                                                      GError          **error);
void                certo_window_migrate_workspace   (CertoWindow      *self,
                                                      GFile            *file);
CertoEvidence      *certo_window_use_document_as_evidence (CertoWindow *self,
                                                      CertoDocument    *document,
                                                      const char * const *requirement_keys,
                                                      GError          **error);

G_END_DECLS
