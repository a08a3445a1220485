/* certo-cli-private.h — shared by the certo-cli command files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "certo.h"

G_BEGIN_DECLS

/* Exit codes (DESIGN.md "Architecture"): 0 ok, 1 error, 2 usage */
#define CLI_EXIT_OK    0
#define CLI_EXIT_ERROR 1
#define CLI_EXIT_USAGE 2

typedef struct
{
  char         *data_dir;
  CertoStore   *store;
  CertoCatalog *catalog;
} CliContext;

typedef int (*CliCommandFunc) (CliContext *ctx,
                               int         argc,
                               char      **argv);

typedef struct
{
  const char     *name;
  const char     *args;         /* "PATH", "services|families|documents|certificates" */
  const char     *summary;      /* N_() */
  CliCommandFunc  func;
} CliCommand;

int       cli_error             (const char   *format,
                                 ...) G_GNUC_PRINTF (1, 2);
int       cli_usage_error       (const char   *command,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);
void      cli_warning           (const char   *format,
                                 ...) G_GNUC_PRINTF (1, 2);
gboolean  cli_parse_options     (const char   *command,
                                 const char   *parameter_string,
                                 GOptionEntry *entries,
                                 int          *argc,
                                 char       ***argv,
                                 int          *out_status);
gboolean  cli_load_catalog      (CliContext   *ctx,
                                 GError      **error);
void      cli_wait              (GAsyncResult **result);
void      cli_store_result      (GObject       *source,
                                 GAsyncResult  *result,
                                 gpointer       user_data);
void      cli_print_json        (JsonBuilder   *builder);

const char *cli_s               (const char    *text);
char     *cli_pad               (const char    *text,
                                 guint          width);
char     *cli_ref               (GObject       *object);
char     *cli_source_label      (CliContext    *ctx,
                                 CertoSource   *source);
gboolean  cli_parse_size        (const char    *text,
                                 guint         *out_size);

/* certo-cli-catalog.c */
int       cli_command_import    (CliContext *ctx, int argc, char **argv);
int       cli_command_list      (CliContext *ctx, int argc, char **argv);
int       cli_command_show      (CliContext *ctx, int argc, char **argv);
int       cli_command_search    (CliContext *ctx, int argc, char **argv);
int       cli_command_convert   (CliContext *ctx, int argc, char **argv);

/* certo-cli-framework.c */
int       cli_command_framework (CliContext *ctx, int argc, char **argv);

/* certo-cli-workspace.c: `workspace new|status|set|migrate`; it hands
 * `export` and `import-soa` to certo-cli-export.c, `history`, `undo` and
 * `evidence` to certo-cli-workspace-edit.c */
int       cli_command_workspace (CliContext *ctx, int argc, char **argv);
CertoWorkspace *cli_workspace_new   (CliContext     *ctx,
                                     const char     *user);
CertoWorkspace *cli_workspace_open  (CliContext     *ctx,
                                     const char     *path,
                                     const char     *user,
                                     GError        **error);
gboolean  cli_workspace_close   (CertoWorkspace *ws,
                                 gboolean        discard,
                                 GError        **error);
int       cli_workspace_error   (const GError   *error,
                                 const char     *path);

/* certo-cli-workspace-edit.c: `workspace history|undo|evidence`; argv[0]
 * is the subcommand's name */
int       cli_workspace_history  (CliContext *ctx, int argc, char **argv);
int       cli_workspace_undo     (CliContext *ctx, int argc, char **argv);
int       cli_workspace_evidence (CliContext *ctx, int argc, char **argv);

/* certo-cli-export.c: `workspace export`, `workspace import-soa`; argv[0]
 * is the subcommand's name */
int       cli_workspace_export     (CliContext *ctx, int argc, char **argv);
int       cli_workspace_import_soa (CliContext *ctx, int argc, char **argv);

/* certo-cli-sources.c: sources, sync, checks, offline documents */
int       cli_command_source    (CliContext *ctx, int argc, char **argv);
int       cli_command_sync      (CliContext *ctx, int argc, char **argv);
int       cli_command_check     (CliContext *ctx, int argc, char **argv);
int       cli_command_download  (CliContext *ctx, int argc, char **argv);
int       cli_command_attach    (CliContext *ctx, int argc, char **argv);
int       cli_command_offline   (CliContext *ctx, int argc, char **argv);
int       cli_command_whatsnew  (CliContext *ctx, int argc, char **argv);
int       cli_command_cache     (CliContext *ctx, int argc, char **argv);

G_END_DECLS
