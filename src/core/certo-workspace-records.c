/* certo-workspace-records.c — what a workspace records besides its
 * requirements: evidence (stored files, links, Library snapshots), audits,
 * findings and SoA versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each new item is added to memory and its list at once and inserted on
 * the worker with its history row (certo-workspace-edit.c); a stored
 * file's bytes are copied into the workspace on the worker first.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

/* Helpers */

static gboolean
check_keys (CertoWorkspace      *self,
            const char * const  *keys,
            char              ***out_keys,
            GError             **error)
{
  g_auto(GStrv) sorted = _certo_workspace_sort_keys (self, keys);

  for (guint i = 0; sorted[i] != NULL; i++)
    if (_certo_workspace_lookup_key (self, sorted[i]) == NULL)
      {
        g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                     _("This workspace has no requirement “%s”"), sorted[i]);
        return FALSE;
      }

  *out_keys = g_steal_pointer (&sorted);
  return TRUE;
}

static gboolean
check_web_url (const char  *url,
               GError     **error)
{
  return certo_evidence_check_link (url, error);
}

static void
add_file_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GTask) outer = user_data;
  CertoAddFileRequest *request = g_task_get_task_data (G_TASK (result));
  CertoWorkspaceChange *change = request->change;
  const CertoEntity *entity = change->entity;
  g_autoptr(GTypeClass) klass = g_type_class_ref (CERTO_TYPE_EVIDENCE);
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  g_autoptr(CertoEvidence) evidence = NULL;
  GError *error = NULL;
  guint n = entity->n_fields + 1;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  if (!self->is_open)
    {
      g_task_return_new_error (outer, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                               _("The workspace was closed"));
      return;
    }

  /* The file's measured facts join the values the row was written with */
  g_free (change->values[5]);
  change->values[5] = g_strdup_printf ("%" G_GINT64_FORMAT, request->size);
  g_free (change->values[6]);
  change->values[6] = g_strdup (request->sha256);
  g_free (change->values[4]);
  change->values[4] = g_strdup (request->content_type);
  g_assert (g_str_equal (entity->fields[4].property, "content-type") &&
            g_str_equal (entity->fields[5].property, "size") &&
            g_str_equal (entity->fields[6].property, "sha256"));

  names = g_new0 (const char *, n);
  values = g_new0 (GValue, n);
  names[0] = "id";
  g_value_init (&values[0], G_TYPE_INT64);
  g_value_set_int64 (&values[0], change->id);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), entity->fields[i].property);

      names[i + 1] = entity->fields[i].property;
      if (!_certo_value_from_string (pspec, change->values[i], &values[i + 1], NULL))
        g_value_init (&values[i + 1], G_PARAM_SPEC_VALUE_TYPE (pspec));
    }
  evidence = CERTO_EVIDENCE (g_object_new_with_properties (CERTO_TYPE_EVIDENCE, n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  _certo_workspace_attach_item (self, CERTO_WORKSPACE_ITEM (evidence));
  _certo_workspace_push_undo (self, request->change->undo_group, G_OBJECT (evidence), "removed", "true", "false");
  _certo_workspace_recount_evidence (self);
  _certo_workspace_mark_changed (self);

  g_task_return_pointer (outer, g_steal_pointer (&evidence), g_object_unref);
}

static CertoEvidence *
new_evidence (CertoWorkspace          *self,
              CertoEvidenceKind        kind,
              const char              *title,
              const CertoEvidenceSpec *spec,
              char                   **keys,
              const char              *expiry_date)
{
  g_autofree char *now = certo_iso_timestamp_now ();

  return g_object_new (CERTO_TYPE_EVIDENCE,
                       "id", self->next_id[CERTO_ENTITY_EVIDENCE]++,
                       "kind", kind,
                       "title", spec != NULL && certo_nonempty (spec->title) ? spec->title : title,
                       "description", spec != NULL ? spec->description : NULL,
                       "effective-date", spec != NULL ? certo_nonempty (spec->effective_date) : NULL,
                       "expiry-date", expiry_date,
                       "requirement-keys", keys,
                       "captured-at", now,
                       "added-by", _certo_workspace_effective_user (self),
                       NULL);
}

/* Public API */

/**
 * certo_workspace_add_evidence_file_async:
 * @self: an open workspace
 * @file: the file to store in the workspace
 * @spec: (nullable): title, dates and requirements
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Stores a copy of @file inside the workspace (so one file travels),
 * streamed in chunks with its SHA-256. Files over "max-evidence-size"
 * (50 MiB by default) are refused. Undoable.
 */
void
certo_workspace_add_evidence_file_async (CertoWorkspace          *self,
                                         GFile                   *file,
                                         const CertoEvidenceSpec *spec,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  GTask *outer;
  GTask *task;
  CertoAddFileRequest *request;
  CertoWorkspaceChange *change;
  g_autoptr(CertoEvidence) draft = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, certo_workspace_add_evidence_file_async);

  if (!_certo_workspace_check_open (self, &error) ||
      !_certo_evidence_check_period (spec ? spec->effective_date : NULL, spec ? spec->expiry_date : NULL, &error) ||
      !check_keys (self, spec ? spec->requirement_keys : NULL, &keys, &error))
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }

  base = g_file_get_basename (file);
  if (base != NULL)
    {
      g_autofree char *display = g_filename_display_name (base);

      name = _certo_workspace_clean_text (display, FALSE);
    }
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup ("evidence");
    }
  draft = new_evidence (self, CERTO_EVIDENCE_FILE, name, spec, keys,
                        spec != NULL ? certo_nonempty (spec->expiry_date) : NULL);

  change = _certo_workspace_new_change (self, _certo_entity_get (CERTO_ENTITY_EVIDENCE),
                                        certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (draft)), "add",
                                        g_strdup (certo_evidence_get_title (draft)));
  change->values = _certo_workspace_dup_values (G_OBJECT (draft), change->entity);
  /* Its undo step is pushed when the bytes are in: its group is taken now */
  change->undo_group = _certo_workspace_reserve_undo_group (self);
  /* The history of the requirements it supports shows the addition */
  change->new_value = g_strjoinv (",", keys);
  g_free (change->values[3]);
  change->values[3] = g_strdup (name);
  g_assert (g_str_equal (change->entity->fields[3].property, "file-name"));

  request = g_new0 (CertoAddFileRequest, 1);
  request->change = change;
  request->source = g_object_ref (file);
  request->max_size = self->max_evidence_size;
  request->file_name = g_steal_pointer (&name);

  task = g_task_new (self, cancellable, add_file_done, outer);
  g_task_set_source_tag (task, add_file_done);
  g_task_set_task_data (task, request, (GDestroyNotify) _certo_add_file_request_free);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_add_file);
}

/**
 * certo_workspace_add_evidence_file_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_TOO_LARGE ("“x.pdf”
 *   is 73.0 MiB; evidence files can be at most 50.0 MiB. Link to it
 *   instead."), %G_IO_ERROR, a #CERTO_SQLITE_ERROR (disk full)
 *
 * Returns: (transfer full) (nullable): the new evidence item
 */
CertoEvidence *
certo_workspace_add_evidence_file_finish (CertoWorkspace  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_workspace_add_evidence_link:
 * @self: an open workspace
 * @url: an https:// or http:// address (certo_evidence_check_link())
 * @spec: (nullable): title, dates and requirements; without a title,
 *   the host and path, shortened (certo_evidence_dup_link_title())
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE,
 *   %CERTO_WORKSPACE_ERROR_NOT_FOUND
 *
 * Adds a link as evidence. Undoable.
 *
 * Returns: (transfer none) (nullable): the new item, owned by the workspace
 */
CertoEvidence *
certo_workspace_add_evidence_link (CertoWorkspace           *self,
                                   const char               *url,
                                   const CertoEvidenceSpec  *spec,
                                   GError                  **error)
{
  g_autoptr(CertoEvidence) evidence = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *now = certo_iso_timestamp_now ();
  g_autofree char *default_title = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (!_certo_workspace_check_open (self, error) ||
      !check_web_url (url, error) ||
      !_certo_evidence_check_period (spec ? spec->effective_date : NULL, spec ? spec->expiry_date : NULL, error) ||
      !check_keys (self, spec ? spec->requirement_keys : NULL, &keys, error))
    return NULL;

  default_title = certo_evidence_dup_link_title (url);
  evidence = g_object_new (CERTO_TYPE_EVIDENCE,
                           "id", self->next_id[CERTO_ENTITY_EVIDENCE]++,
                           "kind", CERTO_EVIDENCE_LINK,
                           "url", url,
                           "title", spec != NULL && certo_nonempty (spec->title) ? spec->title : default_title,
                           "description", spec != NULL ? spec->description : NULL,
                           "effective-date", spec != NULL ? certo_nonempty (spec->effective_date) : NULL,
                           "expiry-date", spec != NULL ? certo_nonempty (spec->expiry_date) : NULL,
                           "requirement-keys", keys,
                           "captured-at", now,
                           "added-by", _certo_workspace_effective_user (self),
                           NULL);
  _certo_workspace_insert_item (self, CERTO_WORKSPACE_ITEM (evidence));
  return evidence;
}

/**
 * certo_workspace_add_evidence_library:
 * @self: an open workspace
 * @snapshot: what the Library document says (title required)
 * @spec: (nullable): title, dates and requirements; the expiry date
 *   defaults to the document's
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE,
 *   %CERTO_WORKSPACE_ERROR_NOT_FOUND
 *
 * Adds a Library document (a provider's certificate, an audit report) as
 * evidence, keeping a snapshot of it: it reads the same on another machine
 * and after the provider withdraws it. Undoable.
 *
 * Returns: (transfer none) (nullable): the new item, owned by the workspace
 */
CertoEvidence *
certo_workspace_add_evidence_library (CertoWorkspace              *self,
                                      const CertoLibrarySnapshot  *snapshot,
                                      const CertoEvidenceSpec     *spec,
                                      GError                     **error)
{
  g_autoptr(CertoEvidence) evidence = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *now = certo_iso_timestamp_now ();
  const char *expiry;

  g_autoptr(CertoLibrarySnapshot) clean = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  if (!_certo_workspace_check_open (self, error))
    return NULL;

  /* The catalog's text is cleaned on import already; a snapshot made by
   * other code follows the workspace's rule all the same */
  clean = certo_library_snapshot_copy (snapshot);
#define CLEAN(field) G_STMT_START { char *c = _certo_workspace_clean_text (clean->field, FALSE); \
                                    g_free (clean->field); clean->field = c; } G_STMT_END
  CLEAN (title);
  CLEAN (certificate_number);
  CLEAN (issuer);
  CLEAN (source_name);
  CLEAN (document_key);
#undef CLEAN
  snapshot = clean;

  if (certo_nonempty (snapshot->title) == NULL)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("A Library document needs a title to be used as evidence"));
      return NULL;
    }

  if ((certo_nonempty (snapshot->url) != NULL && !check_web_url (snapshot->url, error)) ||
      !_certo_workspace_check_date (snapshot->issue_date, error) ||
      !_certo_workspace_check_date (snapshot->expiry_date, error) ||
      !_certo_evidence_check_period (spec ? spec->effective_date : NULL, spec ? spec->expiry_date : NULL, error) ||
      !check_keys (self, spec ? spec->requirement_keys : NULL, &keys, error))
    return NULL;

  expiry = spec != NULL && certo_nonempty (spec->expiry_date) ? spec->expiry_date : certo_nonempty (snapshot->expiry_date);
  evidence = g_object_new (CERTO_TYPE_EVIDENCE,
                           "id", self->next_id[CERTO_ENTITY_EVIDENCE]++,
                           "kind", CERTO_EVIDENCE_LIBRARY,
                           "url", certo_nonempty (snapshot->url),
                           "title", spec != NULL && certo_nonempty (spec->title) ? spec->title : snapshot->title,
                           "description", spec != NULL ? spec->description : NULL,
                           "effective-date", spec != NULL && certo_nonempty (spec->effective_date)
                                             ? spec->effective_date : certo_nonempty (snapshot->issue_date),
                           "expiry-date", expiry,
                           "requirement-keys", keys,
                           "captured-at", now,
                           "added-by", _certo_workspace_effective_user (self),
                           "document-title", snapshot->title,
                           "certificate-number", certo_nonempty (snapshot->certificate_number),
                           "issuer", certo_nonempty (snapshot->issuer),
                           "document-issue-date", certo_nonempty (snapshot->issue_date),
                           "document-expiry-date", certo_nonempty (snapshot->expiry_date),
                           "document-sha256", certo_nonempty (snapshot->sha256),
                           "source-name", certo_nonempty (snapshot->source_name),
                           "document-key", certo_nonempty (snapshot->document_key),
                           NULL);
  _certo_workspace_insert_item (self, CERTO_WORKSPACE_ITEM (evidence));
  return evidence;
}

/**
 * certo_workspace_export_evidence_file_async:
 * @self: an open workspace
 * @evidence: a stored file (%CERTO_EVIDENCE_FILE)
 * @destination: where to write it (e.g. a file in the cache folder, for
 *   "Open"); replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Writes a stored file back out, after checking it against its SHA-256.
 */
void
certo_workspace_export_evidence_file_async (CertoWorkspace      *self,
                                            CertoEvidence       *evidence,
                                            GFile               *destination,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;
  CertoExportRequest *request;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (CERTO_IS_EVIDENCE (evidence));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_export_evidence_file_async);

  if (!_certo_workspace_check_open (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (certo_evidence_get_kind (evidence) != CERTO_EVIDENCE_FILE)
    {
      g_task_return_new_error (task, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                               _("Only stored files can be exported; open a link with a web browser"));
      g_object_unref (task);
      return;
    }

  request = g_new0 (CertoExportRequest, 1);
  request->id = certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence));
  request->sha256 = g_strdup (certo_evidence_get_sha256 (evidence));
  request->destination = g_object_ref (destination);
  g_task_set_task_data (task, request, (GDestroyNotify) _certo_export_request_free);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_export_file);
}

/**
 * certo_workspace_export_evidence_file_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_DAMAGED_EVIDENCE,
 *   %G_IO_ERROR
 *
 * Returns: %TRUE when written
 */
gboolean
certo_workspace_export_evidence_file_finish (CertoWorkspace  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_workspace_link_evidence:
 * @self: an open workspace
 * @evidence: an evidence item
 * @requirement: a requirement
 * @linked: %TRUE to link, %FALSE to unlink
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Links an evidence item to a requirement, or unlinks it. Undoable.
 *
 * Returns: %TRUE on success
 */
gboolean
certo_workspace_link_evidence (CertoWorkspace         *self,
                               CertoEvidence          *evidence,
                               CertoRequirementState  *requirement,
                               gboolean                linked,
                               GError                **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  const char * const *current;
  const char *key;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (CERTO_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (requirement), FALSE);

  if (!_certo_workspace_check_open (self, error))
    return FALSE;

  key = certo_requirement_state_get_key (requirement);
  current = certo_evidence_get_requirement_keys (evidence);
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], key))
      g_strv_builder_add (builder, current[i]);
  if (linked)
    g_strv_builder_add (builder, key);
  keys = g_strv_builder_end (builder);

  return certo_evidence_set_requirement_keys (evidence, (const char * const *) keys, error);
}

/**
 * certo_workspace_add_audit:
 * @self: an open workspace
 * @kind: which event of the cycle
 * @planned_date: (nullable): `YYYY-MM-DD`
 * @performed_date: (nullable): `YYYY-MM-DD`, once it took place
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Records an audit or review. Undoable.
 *
 * Returns: (transfer none) (nullable): the new audit, owned by the workspace
 */
CertoAudit *
certo_workspace_add_audit (CertoWorkspace  *self,
                           CertoAuditKind   kind,
                           const char      *planned_date,
                           const char      *performed_date,
                           GError         **error)
{
  g_autoptr(CertoAudit) audit = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (!_certo_workspace_check_open (self, error) ||
      !_certo_workspace_check_date (planned_date, error) ||
      !_certo_workspace_check_date (performed_date, error))
    return NULL;

  audit = g_object_new (CERTO_TYPE_AUDIT,
                        "id", self->next_id[CERTO_ENTITY_AUDIT]++,
                        "kind", kind,
                        "planned-date", certo_nonempty (planned_date),
                        "performed-date", certo_nonempty (performed_date),
                        NULL);
  _certo_workspace_insert_item (self, CERTO_WORKSPACE_ITEM (audit));
  return audit;
}

/**
 * certo_workspace_add_finding:
 * @self: an open workspace
 * @kind: its grade
 * @audit: (nullable): the audit that raised it
 * @description: what was found; not empty
 * @requirement_keys: (array zero-terminated=1): the requirements it
 *   concerns (keys or numbers); at least one
 * @due_date: (nullable): when the corrective action is due
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE (no
 *   description, no requirement, a bad date, a due date before @audit),
 *   %CERTO_WORKSPACE_ERROR_NOT_FOUND (an unknown requirement)
 *
 * Records an audit finding (ISO/IEC 17021-1 9.4.5). Undoable.
 *
 * Returns: (transfer none) (nullable): the new finding, owned by the workspace
 */
CertoFinding *
certo_workspace_add_finding (CertoWorkspace      *self,
                             CertoFindingKind     kind,
                             CertoAudit          *audit,
                             const char          *description,
                             const char * const  *requirement_keys,
                             const char          *due_date,
                             GError             **error)
{
  g_autoptr(CertoFinding) finding = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (!_certo_workspace_check_open (self, error) ||
      !_certo_workspace_check_date (due_date, error) ||
      !check_keys (self, requirement_keys, &keys, error) ||
      !_certo_workspace_check_finding (description, (const char * const *) keys, error))
    return NULL;

  /* A corrective action is due after the audit that found the need */
  if (audit != NULL && certo_nonempty (due_date) != NULL)
    {
      const char *audit_date = certo_audit_get_performed_date (audit) != NULL
                               ? certo_audit_get_performed_date (audit)
                               : certo_audit_get_planned_date (audit);

      if (audit_date != NULL && certo_iso_date_compare (due_date, audit_date) < 0)
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("The corrective action cannot be due on %s, before the audit that raised the finding (%s). Check the due date."),
                       due_date, audit_date);
          return NULL;
        }
    }

  finding = g_object_new (CERTO_TYPE_FINDING,
                          "id", self->next_id[CERTO_ENTITY_FINDING]++,
                          "kind", kind,
                          "audit-id", audit != NULL ? certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (audit)) : 0,
                          "description", description,
                          "requirement-keys", keys,
                          "due-date", certo_nonempty (due_date),
                          NULL);
  _certo_workspace_insert_item (self, CERTO_WORKSPACE_ITEM (finding));
  return finding;
}

/**
 * certo_workspace_add_soa_version:
 * @self: an open workspace
 * @version: the version ("1.0")
 * @approver: (nullable): who approved it
 * @approval_date: (nullable): `YYYY-MM-DD`; %NULL for a draft
 * @notes: (nullable): what changed
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Records a version of the Statement of Applicability (ISO/IEC
 * 27001:2022 clause 6.1.3 d; clause 7.5.2 asks for review and approval).
 * Undoable.
 *
 * Returns: (transfer none) (nullable): the new version, owned by the workspace
 */
CertoSoaVersion *
certo_workspace_add_soa_version (CertoWorkspace  *self,
                                 const char      *version,
                                 const char      *approver,
                                 const char      *approval_date,
                                 const char      *notes,
                                 GError         **error)
{
  g_autoptr(CertoSoaVersion) soa = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (!_certo_workspace_check_open (self, error) ||
      !_certo_workspace_check_date (approval_date, error))
    return NULL;

  if (certo_nonempty (version) == NULL)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("A version of the Statement of Applicability needs a version number"));
      return NULL;
    }

  /* An approval approves the content of now (ISO/IEC 27001:2022 7.5.2 c):
   * what a later change is measured against */
  if (certo_nonempty (approval_date) != NULL)
    sha256 = _certo_workspace_dup_soa_fingerprint (self);

  soa = g_object_new (CERTO_TYPE_SOA_VERSION,
                      "id", self->next_id[CERTO_ENTITY_SOA_VERSION]++,
                      "version", version,
                      "approver", approver,
                      "approval-date", certo_nonempty (approval_date),
                      "notes", notes,
                      "content-sha256", sha256,
                      NULL);
  _certo_workspace_insert_item (self, CERTO_WORKSPACE_ITEM (soa));
  return soa;
}
