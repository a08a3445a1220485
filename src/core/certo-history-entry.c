/* certo-history-entry.c — one recorded change of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only: the history is an audit trail (ISO/IEC 27001:2022 clause
 * 7.5.3 asks for control of changes to documented information). Values
 * are in the file's text form (enumeration nicks, `YYYY-MM-DD` dates).
 */
#include "config.h"

#include "certo-history-entry.h"

struct _CertoHistoryEntry
{
  GObject parent_instance;

  gint64 id;
  char *timestamp;
  char *user;
  char *action;
  char *entity;
  gint64 entity_id;
  char *entity_name;
  char *field;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (CertoHistoryEntry, certo_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TIMESTAMP,
  PROP_USER,
  PROP_ACTION,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_ENTITY_NAME,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (CertoHistoryEntry *self,
              guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_TIMESTAMP: return &self->timestamp;
    case PROP_USER: return &self->user;
    case PROP_ACTION: return &self->action;
    case PROP_ENTITY: return &self->entity;
    case PROP_ENTITY_NAME: return &self->entity_name;
    case PROP_FIELD: return &self->field;
    case PROP_OLD_VALUE: return &self->old_value;
    case PROP_NEW_VALUE: return &self->new_value;
    default: return NULL;
    }
}

static void
certo_history_entry_finalize (GObject *object)
{
  CertoHistoryEntry *self = CERTO_HISTORY_ENTRY (object);

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (string_field (self, i) != NULL)
      g_free (*string_field (self, i));

  G_OBJECT_CLASS (certo_history_entry_parent_class)->finalize (object);
}

static void
certo_history_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CertoHistoryEntry *self = CERTO_HISTORY_ENTRY (object);

  if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_ENTITY_ID)
    g_value_set_int64 (value, self->entity_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
certo_history_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CertoHistoryEntry *self = CERTO_HISTORY_ENTRY (object);

  if (string_field (self, prop_id) != NULL)
    *string_field (self, prop_id) = g_value_dup_string (value);
  else if (prop_id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else if (prop_id == PROP_ENTITY_ID)
    self->entity_id = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

#define PARAMS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
certo_history_entry_class_init (CertoHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = certo_history_entry_finalize;
  object_class->get_property = certo_history_entry_get_property;
  object_class->set_property = certo_history_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, PARAMS);
  properties[PROP_TIMESTAMP] = g_param_spec_string ("timestamp", NULL, NULL, NULL, PARAMS);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, PARAMS);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, PARAMS);
  properties[PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, PARAMS);
  properties[PROP_ENTITY_ID] = g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, PARAMS);
  properties[PROP_ENTITY_NAME] = g_param_spec_string ("entity-name", NULL, NULL, NULL, PARAMS);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, PARAMS);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, PARAMS);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, PARAMS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_history_entry_init (CertoHistoryEntry *self)
{
}

/**
 * certo_history_entry_get_id:
 * @self: an entry
 *
 * Returns: its id; later changes have larger ids
 */
gint64
certo_history_entry_get_id (CertoHistoryEntry *self)
{
  return self->id;
}

/**
 * certo_history_entry_get_timestamp:
 * @self: an entry
 *
 * Returns: (transfer none): when, ISO 8601 UTC (`2025-03-31T09:15:00Z`)
 */
const char *
certo_history_entry_get_timestamp (CertoHistoryEntry *self)
{
  return self->timestamp;
}

/**
 * certo_history_entry_get_user:
 * @self: an entry
 *
 * Returns: (transfer none): who (the name set in Preferences)
 */
const char *
certo_history_entry_get_user (CertoHistoryEntry *self)
{
  return self->user;
}

/**
 * certo_history_entry_get_action:
 * @self: an entry
 *
 * Returns: (transfer none): "create", "edit", "undo", "add", "remove",
 *   "migrate"
 */
const char *
certo_history_entry_get_action (CertoHistoryEntry *self)
{
  return self->action;
}

/**
 * certo_history_entry_get_entity:
 * @self: an entry
 *
 * Returns: (transfer none): what kind of thing changed: "workspace",
 *   "requirement", "evidence", "audit", "finding", "soa-version"
 */
const char *
certo_history_entry_get_entity (CertoHistoryEntry *self)
{
  return self->entity;
}

/**
 * certo_history_entry_get_entity_id:
 * @self: an entry
 *
 * Returns: the id of the item that changed (certo_workspace_item_get_id())
 */
gint64
certo_history_entry_get_entity_id (CertoHistoryEntry *self)
{
  return self->entity_id;
}

/**
 * certo_history_entry_get_entity_name:
 * @self: an entry
 *
 * Returns: (transfer none): its name at the time ("A.5.14", a file name)
 */
const char *
certo_history_entry_get_entity_name (CertoHistoryEntry *self)
{
  return self->entity_name;
}

/**
 * certo_history_entry_get_field:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the property that changed ("status")
 */
const char *
certo_history_entry_get_field (CertoHistoryEntry *self)
{
  return self->field;
}

/**
 * certo_history_entry_get_old_value:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the value before, as text
 */
const char *
certo_history_entry_get_old_value (CertoHistoryEntry *self)
{
  return self->old_value;
}

/**
 * certo_history_entry_get_new_value:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the value after, as text
 */
const char *
certo_history_entry_get_new_value (CertoHistoryEntry *self)
{
  return self->new_value;
}
