/* certo-history-entry.h — one recorded change of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CERTO_TYPE_HISTORY_ENTRY (certo_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (CertoHistoryEntry, certo_history_entry, CERTO, HISTORY_ENTRY, GObject)

gint64      certo_history_entry_get_id           (CertoHistoryEntry *self);
const char *certo_history_entry_get_timestamp    (CertoHistoryEntry *self);
const char *certo_history_entry_get_user         (CertoHistoryEntry *self);
const char *certo_history_entry_get_action       (CertoHistoryEntry *self);
const char *certo_history_entry_get_entity       (CertoHistoryEntry *self);
gint64      certo_history_entry_get_entity_id    (CertoHistoryEntry *self);
const char *certo_history_entry_get_entity_name  (CertoHistoryEntry *self);
const char *certo_history_entry_get_field        (CertoHistoryEntry *self);
const char *certo_history_entry_get_old_value    (CertoHistoryEntry *self);
const char *certo_history_entry_get_new_value    (CertoHistoryEntry *self);

G_END_DECLS
