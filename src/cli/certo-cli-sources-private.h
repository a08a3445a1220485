/* certo-cli-sources-private.h — shared by certo-cli-sources.c and
 * certo-cli-offline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-cli-private.h"

G_BEGIN_DECLS

/* What the commands of both files work with */
typedef struct
{
  CertoClient  *client;
  CertoSync    *sync;
  CertoOffline *offline;
  gboolean      progress;        /* stderr is a terminal */
  gboolean      progress_shown;
} CliTools;

gboolean  cli_tools_init         (CliContext   *ctx,
                                  CliTools     *tools,
                                  gboolean      offline,
                                  GError      **error);
void      cli_tools_clear        (CliTools     *tools);
void      cli_tools_end_progress (CliTools     *tools);
void      cli_json_add_string    (JsonBuilder  *builder,
                                  const char   *member,
                                  const char   *value);
void      cli_json_add_int       (JsonBuilder  *builder,
                                  const char   *member,
                                  gint64        value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliTools, cli_tools_clear)

G_END_DECLS
