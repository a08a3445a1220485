/* certo-workspace.c — a certification workspace: the *.certo document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object the UI binds to: it holds the whole workspace in memory as
 * GObjects in GListModels. This file has the object itself, its
 * properties and lookups; certo-workspace-fields.c its own fields
 * (organisation, scope, certificate), certo-workspace-session.c opens,
 * saves and closes it, certo-workspace-edit.c and -records.c change it
 * (tracked edits, undo, evidence, audits, history).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

G_DEFINE_FINAL_TYPE (CertoWorkspace, certo_workspace, G_TYPE_OBJECT)
G_DEFINE_QUARK (certo-workspace-error-quark, certo_workspace_error)

/* The workspace fields, as properties: WS_PROP_ORGANISATION + CERTO_WS_* */

enum {
  SIGNAL_SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[WS_N_PROPS];
static guint signals[N_SIGNALS];

/* Shared helpers */

/**
 * _certo_workspace_notify:
 * @self: the workspace
 * @prop_id: one of its properties
 *
 * Notifies a property from the workspace's other source files.
 */
void
_certo_workspace_notify (CertoWorkspace *self,
                         guint           prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * _certo_workspace_get_pspec:
 * @prop_id: one of the workspace's properties
 *
 * Returns: (transfer none): its #GParamSpec, for the workspace's other
 *   source files
 */
GParamSpec *
_certo_workspace_get_pspec (guint prop_id)
{
  return properties[prop_id];
}

gint64 *
_certo_workspace_id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

const char *
_certo_workspace_effective_user (CertoWorkspace *self)
{
  const char *real;

  if (self->user_name != NULL && *self->user_name != '\0')
    return self->user_name;

  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return real;
  return g_get_user_name ();
}

gboolean
_certo_workspace_check_open (CertoWorkspace  *self,
                             GError         **error)
{
  if (self->is_open && !self->closing)
    return TRUE;

  g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                       _("The workspace is not open"));
  return FALSE;
}

void
_certo_workspace_set_dirty (CertoWorkspace *self,
                            gboolean        dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  if (!dirty)
    self->first_unsaved_at = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[WS_PROP_DIRTY]);
}

void
_certo_workspace_emit_failure (CertoWorkspace *self,
                               const GError   *error)
{
  g_debug ("Workspace: %s", error->message);
  g_signal_emit (self, signals[SIGNAL_SAVE_FAILED], 0, error);
}

void
_certo_workspace_set_value (CertoWorkspace *self,
                            guint           field,
                            char           *value)
{
  g_free (self->values[field]);
  self->values[field] = value;
}

static void
certo_workspace_dispose (GObject *object)
{
  CertoWorkspace *self = CERTO_WORKSPACE (object);

  _certo_workspace_cancel_save (self);

  /* Lets queued writes finish; a workspace dropped without closing keeps
   * its working copy, recoverable when it has unsaved changes */
  if (self->sqlite != NULL)
    {
      certo_sqlite_shutdown (self->sqlite);
      g_clear_pointer (&self->sqlite, certo_sqlite_unref);
    }

  for (guint e = 0; e < CERTO_N_ENTITIES; e++)
    {
      if (self->items[e] != NULL)
        {
          GHashTableIter iter;
          gpointer item;

          g_hash_table_iter_init (&iter, self->items[e]);
          while (g_hash_table_iter_next (&iter, NULL, &item))
            _certo_workspace_item_set_workspace (item, NULL);
        }
    }

  g_queue_clear_full (&self->undo, _certo_workspace_undo_step_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (certo_workspace_parent_class)->dispose (object);
}

static void
certo_workspace_finalize (GObject *object)
{
  CertoWorkspace *self = CERTO_WORKSPACE (object);

  for (guint e = 0; e < CERTO_N_ENTITIES; e++)
    {
      g_clear_object (&self->lists[e]);
      g_clear_pointer (&self->items[e], g_hash_table_unref);
    }
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_label, g_hash_table_unref);
  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    g_free (self->values[i]);
  g_free (self->user_name);
  g_free (self->working_copy);
  g_free (self->data_dir);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (certo_workspace_parent_class)->finalize (object);
}

static void
certo_workspace_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CertoWorkspace *self = CERTO_WORKSPACE (object);

  if (prop_id >= WS_PROP_ORGANISATION && prop_id <= WS_PROP_CREATED_AT)
    {
      g_value_set_string (value, self->values[prop_id - WS_PROP_ORGANISATION]);
      return;
    }

  switch (prop_id)
    {
    case WS_PROP_DATA_DIR: g_value_set_string (value, self->data_dir); break;
    case WS_PROP_FILE: g_value_set_object (value, self->file); break;
    case WS_PROP_IS_OPEN: g_value_set_boolean (value, self->is_open); break;
    case WS_PROP_USER_NAME: g_value_set_string (value, self->user_name); break;
    case WS_PROP_DIRTY: g_value_set_boolean (value, self->dirty); break;
    case WS_PROP_SAVING: g_value_set_boolean (value, self->saves_in_flight > 0); break;
    case WS_PROP_SAVE_DELAY: g_value_set_uint (value, self->save_delay); break;
    case WS_PROP_MAX_EVIDENCE_SIZE: g_value_set_int64 (value, self->max_evidence_size); break;
    case WS_PROP_CAN_UNDO: g_value_set_boolean (value, certo_workspace_get_can_undo (self)); break;
    case WS_PROP_RECOVERABLE: g_value_set_boolean (value, self->recoverable); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CertoWorkspace *self = CERTO_WORKSPACE (object);

  switch (prop_id)
    {
    case WS_PROP_DATA_DIR:
      self->data_dir = certo_paths_dup_data_dir (g_value_get_string (value));
      break;
    case WS_PROP_ORGANISATION:
      if (!certo_workspace_set_organisation (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case WS_PROP_SCOPE:
      certo_workspace_set_scope (self, g_value_get_string (value));
      break;
    case WS_PROP_CERTIFICATE_NUMBER:
      certo_workspace_set_certificate_number (self, g_value_get_string (value));
      break;
    case WS_PROP_CERTIFICATION_BODY:
      certo_workspace_set_certification_body (self, g_value_get_string (value));
      break;
    case WS_PROP_CERTIFICATE_ISSUE_DATE:
      if (!certo_workspace_set_certificate_issue_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case WS_PROP_CERTIFICATE_EXPIRY_DATE:
      if (!certo_workspace_set_certificate_expiry_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case WS_PROP_USER_NAME:
      certo_workspace_set_user_name (self, g_value_get_string (value));
      break;
    case WS_PROP_SAVE_DELAY:
      certo_workspace_set_save_delay (self, g_value_get_uint (value));
      break;
    case WS_PROP_MAX_EVIDENCE_SIZE:
      certo_workspace_set_max_evidence_size (self, g_value_get_int64 (value));
      break;
    case WS_PROP_RECOVERABLE:
      certo_workspace_set_recoverable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_constructed (GObject *object)
{
  CertoWorkspace *self = CERTO_WORKSPACE (object);

  G_OBJECT_CLASS (certo_workspace_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = certo_paths_dup_data_dir (NULL);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_workspace_class_init (CertoWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = certo_workspace_constructed;
  object_class->dispose = certo_workspace_dispose;
  object_class->finalize = certo_workspace_finalize;
  object_class->get_property = certo_workspace_get_property;
  object_class->set_property = certo_workspace_set_property;

  /**
   * CertoWorkspace:data-dir:
   *
   * Certo's data folder; working copies live in its "workspaces" folder.
   * %NULL takes certo_paths_dup_data_dir().
   */
  properties[WS_PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[WS_PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, RO);
  properties[WS_PROP_IS_OPEN] = g_param_spec_boolean ("is-open", NULL, NULL, FALSE, RO);
  properties[WS_PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, RW);
  /**
   * CertoWorkspace:scope:
   *
   * The scope of the ISMS (ISO/IEC 27001:2022 clause 4.3).
   */
  properties[WS_PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, RW);
  properties[WS_PROP_CERTIFICATE_NUMBER] = g_param_spec_string ("certificate-number", NULL, NULL, NULL, RW);
  properties[WS_PROP_CERTIFICATION_BODY] = g_param_spec_string ("certification-body", NULL, NULL, NULL, RW);
  /**
   * CertoWorkspace:certificate-issue-date:
   *
   * When the certificate was issued (`YYYY-MM-DD`): the start of the
   * three-year cycle of ISO/IEC 17021-1 9.6.
   */
  properties[WS_PROP_CERTIFICATE_ISSUE_DATE] = g_param_spec_string ("certificate-issue-date", NULL, NULL, NULL, RW);
  properties[WS_PROP_CERTIFICATE_EXPIRY_DATE] = g_param_spec_string ("certificate-expiry-date", NULL, NULL, NULL, RW);
  properties[WS_PROP_FRAMEWORK_ID] = g_param_spec_string ("framework-id", NULL, NULL, NULL, RO);
  properties[WS_PROP_FRAMEWORK_TITLE] = g_param_spec_string ("framework-title", NULL, NULL, NULL, RO);
  properties[WS_PROP_EDITION] = g_param_spec_string ("edition", NULL, NULL, NULL, RO);
  properties[WS_PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, RO);
  /**
   * CertoWorkspace:user-name:
   *
   * Who is editing, for the history (set from Preferences). %NULL or ""
   * uses the account's real name.
   */
  properties[WS_PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, RW);
  /**
   * CertoWorkspace:dirty:
   *
   * Whether the user's file lacks changes the working copy has.
   */
  properties[WS_PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, RO);
  properties[WS_PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, RO);
  /**
   * CertoWorkspace:save-delay:
   *
   * How long after the last change the workspace saves, in milliseconds.
   */
  properties[WS_PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL, 0, 600000, CERTO_WORKSPACE_DEFAULT_SAVE_DELAY, RW);
  /**
   * CertoWorkspace:max-evidence-size:
   *
   * The largest evidence file accepted, in bytes (50 MiB by default).
   */
  properties[WS_PROP_MAX_EVIDENCE_SIZE] =
    g_param_spec_int64 ("max-evidence-size", NULL, NULL, 0, G_MAXINT64,
                        CERTO_WORKSPACE_DEFAULT_MAX_EVIDENCE_SIZE, RW);
  properties[WS_PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, RO);
  /**
   * CertoWorkspace:recoverable:
   *
   * Whether a session that ends without closing leaves its working copy
   * to be recovered (the application, %TRUE by default). A program with
   * no way to offer recovery (certo-cli) sets %FALSE before opening: its
   * working copy is deleted by the next session of the same file, or the
   * next list of recoverable copies, once its process is gone.
   */
  properties[WS_PROP_RECOVERABLE] = g_param_spec_boolean ("recoverable", NULL, NULL, TRUE, RW);

  g_object_class_install_properties (object_class, WS_N_PROPS, properties);

  /**
   * CertoWorkspace::save-failed:
   * @self: the workspace
   * @error: what failed, with a message for people
   *
   * An automatic save, or the write of a change to the working copy,
   * failed. The changes are still in memory (and in the working copy when
   * only the save failed); the UI shows @error and offers Save As.
   */
  signals[SIGNAL_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
certo_workspace_init (CertoWorkspace *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->save_delay = CERTO_WORKSPACE_DEFAULT_SAVE_DELAY;
  self->max_evidence_size = CERTO_WORKSPACE_DEFAULT_MAX_EVIDENCE_SIZE;
  self->recoverable = TRUE;
  g_queue_init (&self->undo);
  /* Undo groups are numbered from the session's start in µs, so groups
   * of different sessions never share a number in the history */
  self->undo_serial = g_get_real_time ();

  self->lists[CERTO_ENTITY_REQUIREMENT] = g_list_store_new (CERTO_TYPE_REQUIREMENT_STATE);
  self->lists[CERTO_ENTITY_EVIDENCE] = g_list_store_new (CERTO_TYPE_EVIDENCE);
  self->lists[CERTO_ENTITY_AUDIT] = g_list_store_new (CERTO_TYPE_AUDIT);
  self->lists[CERTO_ENTITY_FINDING] = g_list_store_new (CERTO_TYPE_FINDING);
  self->lists[CERTO_ENTITY_SOA_VERSION] = g_list_store_new (CERTO_TYPE_SOA_VERSION);
  for (guint e = CERTO_ENTITY_REQUIREMENT; e < CERTO_N_ENTITIES; e++)
    {
      self->items[e] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      self->next_id[e] = 1;
    }
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->sqlite = certo_sqlite_new ("workspace");
  certo_sqlite_set_worker_data (self->sqlite, _certo_workspace_worker_new (),
                                _certo_workspace_worker_free);
}

/**
 * certo_workspace_new:
 * @data_dir: (nullable): Certo's data folder (`--data-dir`); %NULL for
 *   the default, certo_paths_dup_data_dir()
 *
 * Makes a workspace object with nothing open. Open a file with
 * certo_workspace_open_async() or make one with
 * certo_workspace_create_async(); one object holds one file for its life.
 *
 * Returns: (transfer full): a new workspace object
 */
CertoWorkspace *
certo_workspace_new (const char *data_dir)
{
  return g_object_new (CERTO_TYPE_WORKSPACE, "data-dir", data_dir, NULL);
}

/**
 * certo_workspace_get_file:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the user's file
 */
GFile *
certo_workspace_get_file (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->file;
}

/**
 * certo_workspace_get_data_dir:
 * @self: a workspace
 *
 * Returns: (transfer none): Certo's data folder it uses
 */
const char *
certo_workspace_get_data_dir (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->data_dir;
}

/**
 * certo_workspace_get_is_open:
 * @self: a workspace
 *
 * Returns: whether a file is open
 */
gboolean
certo_workspace_get_is_open (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return self->is_open;
}

/**
 * certo_workspace_get_user_name:
 * @self: a workspace
 *
 * Returns: (transfer none): the name recorded in the history: the one set
 *   from Preferences, else the account's real name
 */
const char *
certo_workspace_get_user_name (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return _certo_workspace_effective_user (self);
}

/**
 * certo_workspace_set_user_name:
 * @self: a workspace
 * @user_name: (nullable): who is editing
 */
void
certo_workspace_set_user_name (CertoWorkspace *self,
                               const char     *user_name)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  clean = _certo_workspace_clean_text (user_name, FALSE);
  if (g_strcmp0 (self->user_name, clean) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[WS_PROP_USER_NAME]);
}

/**
 * certo_workspace_get_dirty:
 * @self: a workspace
 *
 * Returns: whether the user's file lacks some changes
 */
gboolean
certo_workspace_get_dirty (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return self->dirty;
}

/**
 * certo_workspace_get_saving:
 * @self: a workspace
 *
 * Returns: whether a save is running
 */
gboolean
certo_workspace_get_saving (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return self->saves_in_flight > 0;
}

/**
 * certo_workspace_get_save_delay:
 * @self: a workspace
 *
 * Returns: the autosave delay after the last change, in milliseconds
 */
guint
certo_workspace_get_save_delay (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), 0);
  return self->save_delay;
}

/**
 * certo_workspace_set_save_delay:
 * @self: a workspace
 * @milliseconds: the autosave delay (2000 by default; tests use less)
 */
void
certo_workspace_set_save_delay (CertoWorkspace *self,
                                guint           milliseconds)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  if (self->save_delay == milliseconds)
    return;

  self->save_delay = milliseconds;
  if (self->save_source != NULL)
    _certo_workspace_schedule_save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[WS_PROP_SAVE_DELAY]);
}

/**
 * certo_workspace_get_max_evidence_size:
 * @self: a workspace
 *
 * Returns: the largest evidence file accepted, in bytes
 */
gint64
certo_workspace_get_max_evidence_size (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), 0);
  return self->max_evidence_size;
}

/**
 * certo_workspace_set_max_evidence_size:
 * @self: a workspace
 * @bytes: the largest evidence file accepted
 */
void
certo_workspace_set_max_evidence_size (CertoWorkspace *self,
                                       gint64          bytes)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  if (self->max_evidence_size == bytes)
    return;

  self->max_evidence_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[WS_PROP_MAX_EVIDENCE_SIZE]);
}

/**
 * certo_workspace_get_can_undo:
 * @self: a workspace
 *
 * Returns: whether certo_workspace_undo() has something to undo
 */
gboolean
certo_workspace_get_can_undo (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return self->is_open && !g_queue_is_empty (&self->undo);
}

/**
 * certo_workspace_get_requirements:
 * @self: a workspace
 *
 * Returns: (transfer none): a #GListModel of #CertoRequirementState, in
 *   the framework's order (clauses, then Annex A); fixed once open
 */
GListModel *
certo_workspace_get_requirements (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->lists[CERTO_ENTITY_REQUIREMENT]);
}

/**
 * certo_workspace_get_evidence:
 * @self: a workspace
 *
 * Returns: (transfer none): a #GListModel of #CertoEvidence, in the order
 *   they were added, removed ones left out
 */
GListModel *
certo_workspace_get_evidence (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->lists[CERTO_ENTITY_EVIDENCE]);
}

/**
 * certo_workspace_get_audits:
 * @self: a workspace
 *
 * Returns: (transfer none): a #GListModel of #CertoAudit
 */
GListModel *
certo_workspace_get_audits (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->lists[CERTO_ENTITY_AUDIT]);
}

/**
 * certo_workspace_get_findings:
 * @self: a workspace
 *
 * Returns: (transfer none): a #GListModel of #CertoFinding
 */
GListModel *
certo_workspace_get_findings (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->lists[CERTO_ENTITY_FINDING]);
}

/**
 * certo_workspace_get_soa_versions:
 * @self: a workspace
 *
 * Returns: (transfer none): a #GListModel of #CertoSoaVersion, oldest first
 */
GListModel *
certo_workspace_get_soa_versions (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->lists[CERTO_ENTITY_SOA_VERSION]);
}

/**
 * certo_workspace_find_requirement:
 * @self: a workspace
 * @key_or_label: a key ("a5.14"), a number as people write it ("A.5.14",
 *   "5.1" for the clause), or an Annex A number without "A." ("5.14")
 *   when no clause has that number; case is ignored
 *
 * Returns: (transfer none) (nullable): the requirement
 */
CertoRequirementState *
certo_workspace_find_requirement (CertoWorkspace *self,
                                  const char     *key_or_label)
{
  CertoRequirementState *state;
  g_autofree char *upper = NULL;
  g_autofree char *annex = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (key_or_label == NULL)
    return NULL;

  state = g_hash_table_lookup (self->by_key, key_or_label);
  if (state != NULL)
    return state;

  upper = g_utf8_strup (key_or_label, -1);
  g_strstrip (upper);
  state = g_hash_table_lookup (self->by_label, upper);
  if (state != NULL)
    return state;

  annex = g_strconcat ("A.", upper, NULL);
  return g_hash_table_lookup (self->by_label, annex);
}

/**
 * certo_workspace_find_item:
 * @self: a workspace
 * @item_type: %CERTO_TYPE_EVIDENCE, %CERTO_TYPE_AUDIT, …
 * @id: the item's id
 *
 * Finds an item, removed ones included.
 *
 * Returns: (transfer none) (nullable): the item
 */
CertoWorkspaceItem *
certo_workspace_find_item (CertoWorkspace *self,
                           GType           item_type,
                           gint64          id)
{
  const CertoEntity *entity;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  entity = _certo_entity_for_type (item_type);
  if (entity == NULL || entity->id == CERTO_ENTITY_WORKSPACE)
    return NULL;

  return g_hash_table_lookup (self->items[entity->id], &id);
}

/**
 * certo_workspace_list_evidence_for:
 * @self: a workspace
 * @requirement: one of its requirements
 *
 * Returns: (transfer full): a new #GListModel of the #CertoEvidence that
 *   supports @requirement (a snapshot; the UI may filter
 *   certo_workspace_get_evidence() itself to follow changes)
 */
GListModel *
certo_workspace_list_evidence_for (CertoWorkspace        *self,
                                   CertoRequirementState *requirement)
{
  GListModel *model;
  GListStore *out;
  const char *key;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (requirement), NULL);

  model = G_LIST_MODEL (self->lists[CERTO_ENTITY_EVIDENCE]);
  out = g_list_store_new (CERTO_TYPE_EVIDENCE);
  key = certo_requirement_state_get_key (requirement);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoEvidence) evidence = g_list_model_get_item (model, i);

      if (certo_evidence_has_requirement (evidence, key))
        g_list_store_append (out, evidence);
    }

  return G_LIST_MODEL (out);
}

/**
 * certo_workspace_list_findings_for:
 * @self: a workspace
 * @requirement: one of its requirements
 *
 * Returns: (transfer full): a new #GListModel of the #CertoFinding about
 *   @requirement
 */
GListModel *
certo_workspace_list_findings_for (CertoWorkspace        *self,
                                   CertoRequirementState *requirement)
{
  GListModel *model;
  GListStore *out;
  const char *key;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (requirement), NULL);

  model = G_LIST_MODEL (self->lists[CERTO_ENTITY_FINDING]);
  out = g_list_store_new (CERTO_TYPE_FINDING);
  key = certo_requirement_state_get_key (requirement);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoFinding) finding = g_list_model_get_item (model, i);

      if (g_strv_contains (certo_finding_get_requirement_keys (finding), key))
        g_list_store_append (out, finding);
    }

  return G_LIST_MODEL (out);
}

/**
 * certo_workspace_get_current_soa_version:
 * @self: a workspace
 *
 * The current Statement of Applicability is the approved version with
 * the latest approval date (ties: the one added last).
 *
 * Returns: (transfer none) (nullable): it, or %NULL while none is approved
 */
CertoSoaVersion *
certo_workspace_get_current_soa_version (CertoWorkspace *self)
{
  GListModel *model;
  CertoSoaVersion *current = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  model = G_LIST_MODEL (self->lists[CERTO_ENTITY_SOA_VERSION]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoSoaVersion) version = g_list_model_get_item (model, i);
      const char *date = certo_soa_version_get_approval_date (version);

      if (date == NULL)
        continue;
      if (current == NULL ||
          certo_iso_date_compare (date, certo_soa_version_get_approval_date (current)) >= 0)
        current = version;
    }

  return current;
}

/**
 * certo_workspace_get_recoverable:
 * @self: a workspace
 *
 * Returns: whether a crashed session's working copy is kept for recovery
 */
gboolean
certo_workspace_get_recoverable (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), TRUE);
  return self->recoverable;
}

/**
 * certo_workspace_set_recoverable:
 * @self: a workspace not open yet
 * @recoverable: %FALSE for a program that cannot offer recovery
 *
 * See #CertoWorkspace:recoverable. Takes effect for the next open or
 * create.
 */
void
certo_workspace_set_recoverable (CertoWorkspace *self,
                                 gboolean        recoverable)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  recoverable = !!recoverable;
  if (self->recoverable == recoverable)
    return;

  self->recoverable = recoverable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[WS_PROP_RECOVERABLE]);
}
