/* certo-requirement-editor-private.h — what the editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-date-row.h"
#include "certo-requirement-editor.h"
#include "certo-workspace-watch.h"

G_BEGIN_DECLS

/* The free-text fields, committed after a pause, on Enter or when the
 * focus leaves them */
typedef enum
{
  CERTO_EDITOR_TEXT_OWNER,
  CERTO_EDITOR_TEXT_JUSTIFICATION,
  CERTO_EDITOR_TEXT_NOTES,
  CERTO_EDITOR_N_TEXTS
} CertoEditorText;

struct _CertoRequirementEditor
{
  AdwBin                 parent_instance;

  CertoWorkspace        *workspace;
  CertoCatalog          *catalog;
  CertoRequirementState *requirement;
  GPtrArray             *bindings;          /* (element-type GBinding) to the requirement */
  gboolean               updating;
  gboolean               tracking_undo;     /* between undo_begin() and undo_end() */
  gboolean               undo_had_focus;
  const char            *undo_field;        /* (interned) the first field an undo changed */
  guint                  text_timeouts[CERTO_EDITOR_N_TEXTS];

  /* Evidence and history (certo-requirement-editor-evidence.c) */
  CertoWorkspaceWatch   *watch;
  GtkFilter             *evidence_filter;
  GtkFilterListModel    *evidence_model;
  GCancellable          *cancellable;       /* history loads, opening files */
  GCancellable          *add_cancellable;   /* a file being stored */
  GQueue                 pending_files;     /* (element-type GFile) dropped, waiting their turn */
  GPtrArray             *history_rows;      /* (element-type GtkWidget) in history_row */
  guint                  history_timeout;

  /* Template children */
  GtkStack              *stack;
  GtkScrolledWindow     *scroller;
  GtkLabel              *group_label;
  GtkLabel              *title_label;
  GtkWidget             *new_box;
  AdwActionRow          *applicable_row;
  GtkWidget             *exclude_button;
  GtkSwitch             *applicable_switch;
  GtkWidget             *reasons_group;
  GtkCheckButton        *reason_legal;
  GtkCheckButton        *reason_contractual;
  GtkCheckButton        *reason_business;
  GtkCheckButton        *reason_risk;
  GtkCheckButton        *reason_practice;
  GtkWidget             *reasons_warning;
  GtkWidget             *justification_group;
  AdwEntryRow           *justification_row;
  GtkWidget             *justification_warning;
  AdwComboRow           *status_row;
  AdwComboRow           *audit_row;
  AdwEntryRow           *owner_row;
  CertoDateRow          *due_row;
  AdwComboRow           *type_row;
  AdwComboRow           *obligation_row;
  AdwPreferencesGroup   *evidence_group;
  GtkWidget             *add_evidence_button;
  GtkRevealer           *adding_revealer;
  GtkSpinner            *adding_spinner;
  GtkLabel              *adding_label;
  GtkListBox            *evidence_list;
  GtkTextView           *notes_view;
  AdwExpanderRow        *history_row;
};

/* certo-requirement-editor-evidence.c */
void certo_requirement_editor_init_evidence      (CertoRequirementEditor *self);
void certo_requirement_editor_bind_evidence      (CertoRequirementEditor *self);
void certo_requirement_editor_clear_evidence     (CertoRequirementEditor *self);

/* certo-requirement-editor-history.c */
void certo_requirement_editor_init_history       (CertoRequirementEditor *self);
void certo_requirement_editor_clear_history      (CertoRequirementEditor *self);
void certo_requirement_editor_reload_history     (CertoRequirementEditor *self);
void certo_requirement_editor_class_init_evidence (GtkWidgetClass        *widget_class);

G_END_DECLS
