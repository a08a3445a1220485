/* certo-window-evidence.c — the window's workspace: Library documents as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Use as Evidence…" in the Library's details: the user ticks the
 * requirements a document supports; the document is snapshotted once
 * into the workspace (or the snapshot it already has is reused) and
 * linked to each, as one step of undo.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "certo-requirement-picker.h"
#include "certo-window-private.h"
#include "certo-workspace-util.h"

static CertoEvidence *
find_library_evidence (CertoWorkspace *workspace,
                       const char     *document_key)
{
  GListModel *evidence = certo_workspace_get_evidence (workspace);
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoEvidence) item = g_list_model_get_item (evidence, i);
      g_autoptr(CertoLibrarySnapshot) snapshot = NULL;

      if (certo_evidence_get_kind (item) != CERTO_EVIDENCE_LIBRARY)
        continue;
      snapshot = certo_evidence_dup_snapshot (item);
      if (snapshot != NULL && g_strcmp0 (snapshot->document_key, document_key) == 0)
        return item;
    }

  return NULL;
}

/**
 * certo_window_use_document_as_evidence:
 * @self: a #CertoWindow with an open workspace
 * @document: a Library document
 * @requirement_keys: the requirements it supports (keys or numbers)
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Links @document as evidence to each requirement, as one step of undo:
 * the evidence item that already holds this document's snapshot, or a
 * new snapshot (title, certificate number, issuer, dates, address,
 * catalog's name and date) so it reads the same elsewhere and later.
 *
 * Returns: (transfer none) (nullable): the evidence item
 */
CertoEvidence *
certo_window_use_document_as_evidence (CertoWindow         *self,
                                       CertoDocument       *document,
                                       const char * const  *requirement_keys,
                                       GError             **error)
{
  CertoEvidence *evidence;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n = 0;

  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (CERTO_IS_DOCUMENT (document), NULL);

  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                           _("Open a workspace first"));
      return NULL;
    }

  for (guint i = 0; requirement_keys != NULL && requirement_keys[i] != NULL; i++)
    {
      CertoRequirementState *requirement = certo_workspace_find_requirement (self->workspace, requirement_keys[i]);

      if (labels->len > 0)
        g_string_append (labels, _(", "));
      g_string_append (labels, requirement != NULL ? certo_requirement_state_get_display_label (requirement)
                                                   : requirement_keys[i]);
      n++;
    }
  if (n == 0)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("Choose at least one requirement"));
      return NULL;
    }

  evidence = find_library_evidence (self->workspace, certo_document_get_key (document));
  if (evidence != NULL)
    {
      gboolean ok = TRUE;

      certo_workspace_begin_changes (self->workspace);
      for (guint i = 0; ok && requirement_keys[i] != NULL; i++)
        {
          CertoRequirementState *requirement = certo_workspace_find_requirement (self->workspace, requirement_keys[i]);

          if (requirement == NULL)
            {
              g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                           _("This workspace has no requirement “%s”"), requirement_keys[i]);
              ok = FALSE;
            }
          else
            ok = certo_workspace_link_evidence (self->workspace, evidence, requirement, TRUE, error);
        }
      certo_workspace_end_changes (self->workspace);
      if (!ok)
        return NULL;
    }
  else
    {
      g_autoptr(CertoLibrarySnapshot) snapshot = NULL;
      g_autofree char *provenance = NULL;
      CertoEvidenceSpec spec = { 0 };

      snapshot = certo_snapshot_document (self->catalog, document, &provenance);
      spec.description = provenance;
      spec.requirement_keys = requirement_keys;
      evidence = certo_workspace_add_evidence_library (self->workspace, snapshot, &spec, error);
      if (evidence == NULL)
        return NULL;
    }

  /* Translators: the first %s is a document's title, the second requirement numbers ("A.5.19, A.5.20") */
  title = g_strdup_printf (_("Linked “%s” to %s"), certo_document_get_title (document), labels->str);
  toast = certo_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  certo_window_add_toast (self, toast);

  return evidence;
}

typedef struct
{
  CertoWindow   *self;
  CertoDocument *document;
} UseData;

static void
use_data_free (gpointer  user_data,
               GClosure *closure)
{
  UseData *data = user_data;

  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_free (data);
}

static void
on_requirements_chosen (CertoRequirementPicker *picker,
                        char                  **keys,
                        UseData                *data)
{
  g_autoptr(GError) error = NULL;

  if (certo_window_use_document_as_evidence (data->self, data->document, (const char * const *) keys, &error) == NULL)
    certo_show_message (GTK_WIDGET (data->self), _("Could Not Link the Document"), error->message);
}

static void
use_as_evidence_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  CertoWindow *self = user_data;
  GObject *found;
  CertoRequirementPicker *picker;
  CertoEvidence *existing;
  UseData *data;

  if (self->workspace == NULL)
    return;

  found = certo_catalog_find_by_key (self->catalog, g_variant_get_string (param, NULL));
  if (!CERTO_IS_DOCUMENT (found))
    return;

  picker = certo_requirement_picker_new (GTK_WINDOW (self), self->workspace, _("Use as Evidence"),
                                         certo_document_get_title (CERTO_DOCUMENT (found)), _("_Link"));
  /* Requirements it is evidence of already start ticked */
  existing = find_library_evidence (self->workspace, certo_document_get_key (CERTO_DOCUMENT (found)));
  if (existing != NULL)
    certo_requirement_picker_set_selected_keys (picker, certo_evidence_get_requirement_keys (existing));

  data = g_new0 (UseData, 1);
  data->self = g_object_ref (self);
  data->document = g_object_ref (CERTO_DOCUMENT (found));
  g_signal_connect_data (picker, "chosen", G_CALLBACK (on_requirements_chosen), data, use_data_free, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

static const GActionEntry evidence_actions[] = {
  { "use-as-evidence", use_as_evidence_action, "s" },
};

/**
 * certo_window_evidence_actions_init:
 * @self: the window
 *
 * Adds `win.use-as-evidence` (the Library details' "Use as Evidence…").
 */
void
certo_window_evidence_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), evidence_actions,
                                   G_N_ELEMENTS (evidence_actions), self);
}
