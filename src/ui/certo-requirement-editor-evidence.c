/* certo-requirement-editor-evidence.c — the editor's evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence list is the workspace's evidence filtered to the
 * requirement shown (a model, so linking elsewhere shows here at once).
 * Adding a file streams it into the workspace with a spinner and Cancel;
 * a file over the limit is refused with the core's message. Unlinking and
 * removing say so in a toast with Undo. Opening a stored file writes it
 * to Certo's cache folder first (checked against its SHA-256); links open
 * in the browser, http and https only.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "certo-date-row.h"
#include "certo-document-details.h"
#include "certo-document-picker.h"
#include "certo-evidence-row.h"
#include "certo-requirement-editor-private.h"
#include "certo-workspace-util.h"

/* Longest file name written to the cache for "Open", in bytes */
#define MAX_CACHE_NAME 120

static GtkWindow *
parent_window (CertoRequirementEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_undo_toast (CertoRequirementEditor *self,
                 char                   *title)   /* (transfer full) */
{
  AdwToast *toast = certo_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  certo_add_toast (GTK_WIDGET (self), toast);
  g_free (title);
}

static gboolean
evidence_filter_func (gpointer item,
                      gpointer user_data)
{
  CertoRequirementEditor *self = user_data;

  return self->requirement != NULL
         && certo_evidence_has_requirement (item, certo_requirement_state_get_key (self->requirement));
}

/* Opening */

/* A name for the cache folder from a name the file had elsewhere: no
 * folder separators, no control characters, not hidden, not too long */
static char *
safe_file_name (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (name != NULL && *name != '\0' ? name : "evidence", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);

      if (out->len >= MAX_CACHE_NAME)
        break;
    }

  if (out->str[0] == '.')
    g_string_prepend_c (out, '_');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  CertoRequirementEditor *self;
  GFile                  *destination;
  char                   *title;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->destination);
  g_free (data->title);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
on_evidence_exported (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!certo_workspace_export_evidence_file_finish (CERTO_WORKSPACE (source), result, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is an evidence item's title */
      heading = g_strdup_printf (_("Could Not Open “%s”"), data->title);
      certo_show_message (GTK_WIDGET (data->self), heading, error->message);
      return;
    }

  /* A file Certo itself wrote, from a file the user chose: "file" is allowed */
  uri = g_file_get_uri (data->destination);
  gtk_show_uri (parent_window (data->self), uri, GDK_CURRENT_TIME);
}

static void
open_evidence (CertoRequirementEditor *self,
               CertoEvidence          *evidence)
{
  g_autofree char *cache = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  OpenData *data;

  if (certo_evidence_get_kind (evidence) != CERTO_EVIDENCE_FILE)
    {
      certo_open_web_uri (GTK_WIDGET (self), certo_evidence_get_url (evidence));
      return;
    }

  cache = certo_paths_dup_cache_dir (NULL);
  dir = g_build_filename (cache, "evidence", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a folder, then the system's reason */
      message = g_strdup_printf (_("The folder “%s” could not be made: %s"), dir, g_strerror (errno));
      certo_show_message (GTK_WIDGET (self), _("Could Not Open the File"), message);
      return;
    }

  name = safe_file_name (certo_evidence_get_file_name (evidence));
  file_name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s",
                               certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence)), name);
  path = g_build_filename (dir, file_name, NULL);

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->destination = g_file_new_for_path (path);
  data->title = g_strdup (certo_evidence_get_title (evidence));
  certo_workspace_export_evidence_file_async (self->workspace, evidence, data->destination,
                                              self->cancellable, on_evidence_exported, data);
}

/* The rows' requests */

static void
on_row_open (CertoRequirementEditor *self,
             CertoEvidenceRow       *row)
{
  open_evidence (self, certo_evidence_row_get_item (row));
}

static void
on_row_unlink (CertoRequirementEditor *self,
               CertoEvidenceRow       *row)
{
  g_autoptr(CertoEvidence) evidence = g_object_ref (certo_evidence_row_get_item (row));
  g_autoptr(CertoRequirementState) requirement = NULL;
  g_autoptr(GError) error = NULL;

  if (self->requirement == NULL)
    return;

  requirement = g_object_ref (self->requirement);
  if (!certo_workspace_link_evidence (self->workspace, evidence, requirement, FALSE, &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Unlink the Evidence"), error->message);
      return;
    }

  /* Translators: the first %s is an evidence item's title, the second a requirement's number */
  show_undo_toast (self, g_strdup_printf (_("Unlinked “%s” from %s"),
                                          certo_evidence_get_title (evidence),
                                          certo_requirement_state_get_display_label (requirement)));
}

static void
on_row_remove (CertoRequirementEditor *self,
               CertoEvidenceRow       *row)
{
  g_autoptr(CertoEvidence) evidence = g_object_ref (certo_evidence_row_get_item (row));
  g_autoptr(GError) error = NULL;

  if (!certo_workspace_remove_item (self->workspace, CERTO_WORKSPACE_ITEM (evidence), &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Remove the Evidence"), error->message);
      return;
    }

  /* Translators: %s is an evidence item's title */
  show_undo_toast (self, g_strdup_printf (_("Removed “%s” from the workspace"),
                                          certo_evidence_get_title (evidence)));
}

static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  CertoRequirementEditor *self = user_data;
  GtkWidget *row;

  row = certo_evidence_row_new (item, self->requirement != NULL
                                      ? certo_requirement_state_get_display_label (self->requirement) : NULL);
  g_signal_connect_object (row, "open", G_CALLBACK (on_row_open), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "unlink", G_CALLBACK (on_row_unlink), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);

  return row;
}

/* Adding */

static const char * const *
requirement_keys (CertoRequirementEditor *self,
                  const char             *keys[2])
{
  keys[0] = certo_requirement_state_get_key (self->requirement);
  keys[1] = NULL;
  return keys;
}

static gboolean
can_add (CertoRequirementEditor  *self,
         GError                 **error)
{
  if (self->workspace != NULL && self->requirement != NULL && certo_workspace_get_is_open (self->workspace))
    return TRUE;

  g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                       _("Select a requirement of an open workspace first"));
  return FALSE;
}

static void
set_adding (CertoRequirementEditor *self,
            GFile                  *file)
{
  if (file != NULL)
    {
      g_autofree char *name = certo_file_display_name (file);
      g_autofree char *text = NULL;

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Adding “%s”…"), name);
      gtk_label_set_text (self->adding_label, text);
    }

  gtk_spinner_set_spinning (self->adding_spinner, file != NULL);
  gtk_revealer_set_reveal_child (self->adding_revealer, file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-add", file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-file", file == NULL && self->requirement != NULL);
}

static void add_next_file (CertoRequirementEditor *self);

typedef struct
{
  CertoRequirementEditor *self;
  GFile                  *file;
} AddFileData;

static void
add_file_data_free (AddFileData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddFileData, add_file_data_free)

static void
on_file_added (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AddFileData) data = user_data;
  CertoRequirementEditor *self = data->self;
  g_autoptr(CertoEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = certo_workspace_add_evidence_file_finish (CERTO_WORKSPACE (source), result, &error);

  g_clear_object (&self->add_cancellable);
  set_adding (self, NULL);
  add_next_file (self);

  if (evidence == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          certo_add_toast (GTK_WIDGET (self), certo_toast_new (_("Adding the file was cancelled")));
          return;
        }

      name = certo_file_display_name (data->file);
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Add “%s”"), name);
      /* The core's message says what to do ("… at most 50.0 MiB. Link to it instead.") */
      certo_show_message (GTK_WIDGET (self), heading, error->message);
      return;
    }

  /* Translators: %s is an evidence item's title */
  show_undo_toast (self, g_strdup_printf (_("Added “%s”"), certo_evidence_get_title (evidence)));
}

static void
add_next_file (CertoRequirementEditor *self)
{
  g_autoptr(GFile) next = g_queue_pop_head (&self->pending_files);

  if (next != NULL)
    certo_requirement_editor_add_file (self, next);
}

/* Files dropped on the evidence: stored one after the other */
static gboolean
on_files_dropped (CertoRequirementEditor *self,
                  const GValue           *value,
                  double                  x,
                  double                  y,
                  GtkDropTarget          *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->requirement == NULL)
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    certo_requirement_editor_add_file (self, l->data);

  return files != NULL;
}

static void
on_file_chosen (GtkNativeDialog        *dialog,
                int                     response,
                CertoRequirementEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        certo_requirement_editor_add_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Evidence File"),
                                         parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (widget);

  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
}

/* "Link…": a dialog with the address, a title and an expiry date */

typedef struct
{
  CertoRequirementEditor *self;
  AdwEntryRow            *url_row;
  AdwEntryRow            *title_row;
  CertoDateRow           *expiry_row;
} LinkDialog;

static void
link_dialog_free (gpointer  user_data,
                  GClosure *closure)
{
  LinkDialog *data = user_data;

  g_clear_object (&data->self);
  g_free (data);
}

static void
on_link_url_changed (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (editable);

  adw_message_dialog_set_response_enabled (dialog, "add", certo_uri_is_web (text));
}

static void
on_link_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LinkDialog       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (!g_str_equal (response, "add"))
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->url_row))));
  if (certo_requirement_editor_add_link (data->self, url,
                                         gtk_editable_get_text (GTK_EDITABLE (data->title_row)),
                                         certo_date_row_get_date (data->expiry_row),
                                         &error) == NULL)
    certo_show_message (GTK_WIDGET (data->self), _("Could Not Add the Link"), error->message);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (widget);
  GtkWidget *dialog;
  GtkWidget *list;
  LinkDialog *data;

  if (self->requirement == NULL)
    return;

  dialog = adw_message_dialog_new (parent_window (self), _("Add a Link as Evidence"),
                                   _("A web page that shows the control at work: a policy on the intranet, a ticket, a dashboard."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data = g_new0 (LinkDialog, 1);
  data->self = g_object_ref (self);
  data->url_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->url_row), _("Web Address (https://…)"));
  gtk_editable_set_text (GTK_EDITABLE (data->url_row), "https://");
  data->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->title_row), _("Title (optional)"));
  data->expiry_row = CERTO_DATE_ROW (certo_date_row_new (_("Expires")));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->url_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->title_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->expiry_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (data->url_row, "changed", G_CALLBACK (on_link_url_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_link_response), data,
                         link_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->url_row));
}

/* "Library Document…" */

static void
on_document_chosen (CertoRequirementEditor *self,
                    CertoDocument          *document)
{
  g_autoptr(GError) error = NULL;

  if (certo_requirement_editor_add_library_document (self, document, &error) == NULL)
    certo_show_message (GTK_WIDGET (self), _("Could Not Add the Document"), error->message);
}

static void
add_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (widget);
  CertoDocumentPicker *picker;

  if (self->requirement == NULL)
    return;

  picker = certo_document_picker_new (parent_window (self), self->catalog);
  g_signal_connect_object (picker, "document-chosen", G_CALLBACK (on_document_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
on_workspace_changed (CertoRequirementEditor *self)
{
  if (self->evidence_filter != NULL)
    gtk_filter_changed (self->evidence_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * certo_requirement_editor_init_evidence:
 * @self: the editor
 *
 * Sets up the evidence list's filter; from init().
 */
void
certo_requirement_editor_init_evidence (CertoRequirementEditor *self)
{
  GtkDropTarget *drop;
  GtkWidget *placeholder;

  self->cancellable = g_cancellable_new ();
  self->watch = certo_workspace_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_workspace_changed), self);
  self->evidence_filter = GTK_FILTER (gtk_custom_filter_new (evidence_filter_func, self, NULL));
  certo_requirement_editor_init_history (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_group), GTK_EVENT_CONTROLLER (drop));

  placeholder = gtk_label_new (_("No evidence linked yet. Add a file, a link or a Library document, or drop files here."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->evidence_list, placeholder);

  set_adding (self, NULL);
}

/**
 * certo_requirement_editor_bind_evidence:
 * @self: the editor
 *
 * Follows a new workspace or requirement: the evidence list and the
 * history.
 */
void
certo_requirement_editor_bind_evidence (CertoRequirementEditor *self)
{
  CertoWorkspace *model_workspace = NULL;

  if (self->evidence_model != NULL)
    {
      GListModel *inner = gtk_filter_list_model_get_model (self->evidence_model);

      if (inner != NULL && self->workspace != NULL && inner == certo_workspace_get_evidence (self->workspace))
        model_workspace = self->workspace;
    }

  if (self->workspace == NULL)
    {
      gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->evidence_model);
    }
  else if (model_workspace == NULL)
    {
      gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->evidence_model);
      self->evidence_model = gtk_filter_list_model_new (g_object_ref (certo_workspace_get_evidence (self->workspace)),
                                                        g_object_ref (self->evidence_filter));
      gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->evidence_model),
                               create_evidence_row, self, NULL);
    }
  else
    {
      /* Rows say "Unlink from A.5.23": made again for another requirement */
      gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
      gtk_filter_changed (self->evidence_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->evidence_model),
                               create_evidence_row, self, NULL);
    }

  certo_requirement_editor_clear_history (self);
  adw_expander_row_set_expanded (self->history_row, FALSE);
}

/**
 * certo_requirement_editor_clear_evidence:
 * @self: the editor
 *
 * Cancels what runs and drops the models; from dispose().
 */
void
certo_requirement_editor_clear_evidence (CertoRequirementEditor *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->pending_files, g_object_unref);
  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
  g_clear_handle_id (&self->history_timeout, g_source_remove);

  if (self->evidence_list != NULL)
    gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->evidence_model);
  g_clear_object (&self->evidence_filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->add_cancellable);
}

/**
 * certo_requirement_editor_class_init_evidence:
 * @widget_class: the editor's class
 *
 * Installs the "editor." actions of the evidence.
 */
void
certo_requirement_editor_class_init_evidence (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-file", NULL, add_file_action);
  gtk_widget_class_install_action (widget_class, "editor.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "editor.add-library", NULL, add_library_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-add", NULL, cancel_add_action);
}

/* Public API */

/**
 * certo_requirement_editor_get_evidence:
 * @self: a #CertoRequirementEditor
 *
 * Returns: (transfer none) (nullable): the evidence of the requirement
 *   shown (items are #CertoEvidence)
 */
GListModel *
certo_requirement_editor_get_evidence (CertoRequirementEditor *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);

  return G_LIST_MODEL (self->evidence_model);
}

/**
 * certo_requirement_editor_add_library_document:
 * @self: a #CertoRequirementEditor
 * @document: a Library document
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Links a snapshot of @document (title, certificate number, issuer,
 * dates, address, catalog) to the requirement shown; undoable.
 *
 * Returns: (transfer none) (nullable): the new evidence item
 */
CertoEvidence *
certo_requirement_editor_add_library_document (CertoRequirementEditor  *self,
                                               CertoDocument           *document,
                                               GError                 **error)
{
  g_autoptr(CertoLibrarySnapshot) snapshot = NULL;
  g_autofree char *provenance = NULL;
  CertoEvidenceSpec spec = { 0 };
  const char *keys[2];
  CertoEvidence *evidence;

  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);
  g_return_val_if_fail (CERTO_IS_DOCUMENT (document), NULL);

  if (!can_add (self, error))
    return NULL;

  snapshot = certo_snapshot_document (self->catalog, document, &provenance);
  spec.description = provenance;
  spec.requirement_keys = requirement_keys (self, keys);
  evidence = certo_workspace_add_evidence_library (self->workspace, snapshot, &spec, error);
  if (evidence != NULL)
    /* Translators: %s is a document's title */
    show_undo_toast (self, g_strdup_printf (_("Added “%s”"), certo_evidence_get_title (evidence)));

  return evidence;
}

/**
 * certo_requirement_editor_add_link:
 * @self: a #CertoRequirementEditor
 * @url: an https:// or http:// address
 * @title: (nullable): a title; "" or %NULL takes the address
 * @expiry_date: (nullable): `YYYY-MM-DD`
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR (not a web address)
 *
 * Links @url as evidence of the requirement shown; undoable.
 *
 * Returns: (transfer none) (nullable): the new evidence item
 */
CertoEvidence *
certo_requirement_editor_add_link (CertoRequirementEditor  *self,
                                   const char              *url,
                                   const char              *title,
                                   const char              *expiry_date,
                                   GError                 **error)
{
  CertoEvidenceSpec spec = { 0 };
  const char *keys[2];
  CertoEvidence *evidence;

  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);

  if (!can_add (self, error))
    return NULL;

  spec.title = title != NULL && *title != '\0' ? title : NULL;
  spec.expiry_date = expiry_date;
  spec.requirement_keys = requirement_keys (self, keys);
  evidence = certo_workspace_add_evidence_link (self->workspace, url, &spec, error);
  if (evidence != NULL)
    /* Translators: %s is an evidence item's title */
    show_undo_toast (self, g_strdup_printf (_("Added “%s”"), certo_evidence_get_title (evidence)));

  return evidence;
}

/**
 * certo_requirement_editor_add_file:
 * @self: a #CertoRequirementEditor
 * @file: a file the user chose
 *
 * Stores a copy of @file in the workspace as evidence of the requirement
 * shown, in the background, with a spinner and Cancel. A file over the
 * limit, or one that cannot be read, is reported in a dialog with the
 * core's message.
 */
void
certo_requirement_editor_add_file (CertoRequirementEditor *self,
                                   GFile                  *file)
{
  g_autoptr(GError) error = NULL;
  CertoEvidenceSpec spec = { 0 };
  const char *keys[2];
  AddFileData *data;

  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!can_add (self, &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Could Not Add the File"), error->message);
      return;
    }
  if (self->add_cancellable != NULL)
    {
      /* One at a time: this one follows */
      g_queue_push_tail (&self->pending_files, g_object_ref (file));
      return;
    }

  self->add_cancellable = g_cancellable_new ();
  set_adding (self, file);

  spec.requirement_keys = requirement_keys (self, keys);
  data = g_new0 (AddFileData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  certo_workspace_add_evidence_file_async (self->workspace, file, &spec, self->add_cancellable,
                                           on_file_added, data);
}

/**
 * certo_requirement_editor_is_adding:
 * @self: a #CertoRequirementEditor
 *
 * Returns: whether a file is being stored
 */
gboolean
certo_requirement_editor_is_adding (CertoRequirementEditor *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), FALSE);

  return self->add_cancellable != NULL;
}
