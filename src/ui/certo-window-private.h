/* certo-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-downloads-view.h"
#include "certo-library-view.h"
#include "certo-window.h"
#include "certo-workspace-view.h"

G_BEGIN_DECLS

struct _CertoWindow
{
  AdwApplicationWindow  parent_instance;

  CertoCatalog         *catalog;
  GSettings            *settings;

  /* Sync and offline documents (certo-window-sync.c), the application's */
  CertoSync            *sync;
  CertoOffline         *offline;
  CertoClient          *client;
  GCancellable         *sync_cancellable;    /* Ctrl+R or the refresh on start */
  gboolean              sync_user_asked;
  GHashTable           *sync_refused;        /* source id → message, of the running refresh */
  GtkWindow            *sources_window;      /* (weak) */

  /* Cancelled when the window closes: the load and any import */
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  GPtrArray            *import_warnings;   /* (element-type utf8) of the last import */
  GPtrArray            *pending_imports;   /* (element-type GFile) waiting for the load */
  gboolean              loading;
  gboolean              bench;
  gulong                bench_handler;

  /* The workspace of this window (at most one), and its session */
  CertoWorkspace       *workspace;
  GCancellable         *workspace_cancellable;   /* opening or making one */
  GCancellable         *job_cancellable;         /* an export, an import, a migration */
  gboolean              closing_workspace;
  gboolean              destroy_after_close;
  gint64                history_mark;            /* newest history entry seen, for "Undone: …" */
  GPtrArray            *recoverable;             /* (element-type CertoRecoverable) */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  GMenuModel           *primary_menu;
  CertoLibraryView     *library_view;
  /* The Workspace page is made with the window (code that opens a
   * workspace uses it at once) but joins the window only when first
   * shown; the Downloads page is made then. Neither costs the first
   * frame its layout. */
  AdwBin               *workspace_bin;
  CertoWorkspaceView   *workspace_view;          /* (owned) */
  gboolean              workspace_shown;
  AdwViewStackPage     *downloads_page;
  AdwBin               *downloads_bin;
  CertoDownloadsView   *downloads_view;          /* (nullable): until first shown */
  GtkRevealer          *job_revealer;
  GtkSpinner           *job_spinner;
  GtkLabel             *job_label;
  GtkRevealer          *import_revealer;
  GtkSpinner           *import_spinner;
  GtkLabel             *import_label;
};

void certo_window_actions_init   (CertoWindow *self);
void certo_window_update_actions (CertoWindow *self);
void certo_window_add_toast      (CertoWindow *self,
                                  AdwToast    *toast);

/* certo-window-workspace.c: opening, making, undo */
typedef enum
{
  CERTO_SESSION_OPEN,
  CERTO_SESSION_MAKE,
  CERTO_SESSION_RECOVER,
} CertoSessionKind;

void            certo_window_workspace_actions_init  (CertoWindow      *self);
void            certo_window_workspace_settings_init (CertoWindow      *self);
char           *certo_window_dup_data_dir            (CertoWindow      *self);
GtkWindow      *certo_window_dup_new_window          (CertoWindow      *self);
CertoWorkspace *certo_window_new_workspace_object    (CertoWindow      *self);
void            certo_window_set_workspace           (CertoWindow      *self,
                                                      CertoWorkspace   *workspace);
void            certo_window_remember_workspace      (CertoWindow      *self);
void            certo_window_begin_session           (CertoWindow      *self,
                                                      GFile            *file);
gboolean        certo_window_end_session             (CertoWindow      *self,
                                                      GFile            *file,
                                                      GError           *error,
                                                      CertoSessionKind  kind);

/* certo-window-saving.c: saving, Save As, closing */
gboolean        certo_window_workspace_close_request (CertoWindow      *self);
void            certo_window_workspace_dispose       (CertoWindow      *self);
void            certo_window_start_close             (CertoWindow      *self,
                                                      gboolean          destroy_after);
void            certo_window_save_as                 (CertoWindow      *self,
                                                      gboolean          then_close);
void            certo_window_retry_save              (CertoWindow      *self);
GtkFileFilter  *certo_window_new_workspace_filter    (void);

/* certo-window-recovery.c: unsaved changes after a crash */
void            certo_window_refresh_recoverable     (CertoWindow      *self);

/* certo-window-exports.c: exports, the SoA import, approval; jobs */
void            certo_window_exports_actions_init    (CertoWindow      *self);
void            certo_window_set_job                 (CertoWindow      *self,
                                                      const char       *text);
gboolean        certo_window_begin_job               (CertoWindow      *self,
                                                      const char       *text);
void            certo_window_end_job                 (CertoWindow      *self);
gboolean        certo_window_is_closed               (CertoWindow      *self);

/* certo-window-sync.c: refresh, sources, What's New, downloads */
void            certo_window_sync_actions_init       (CertoWindow      *self);
void            certo_window_sync_attach             (CertoWindow      *self);
void            certo_window_sync_dispose            (CertoWindow      *self);
void            certo_window_sync_update_actions     (CertoWindow      *self);

/* certo-window-migrate.c, certo-window-evidence.c */
void            certo_window_migrate_actions_init    (CertoWindow      *self);
void            certo_window_evidence_actions_init   (CertoWindow      *self);

G_END_DECLS
