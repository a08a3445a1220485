/* certo-requirement-editor.c — a requirement's entry: applicability,
 * implementation, score, evidence, notes and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every widget writes straight to the requirement: the core records the
 * change, keeps it for undo and saves it a moment later. Choices (combo
 * rows, the due date) are bound both ways, so an undo shows at once;
 * free text is written after a pause, on Enter or when the focus leaves
 * the field — never per keystroke. The evidence and the history are in
 * certo-requirement-editor-evidence.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-date-row.h"
#include "certo-requirement-editor-private.h"
#include "certo-workspace-util.h"

G_DEFINE_FINAL_TYPE (CertoRequirementEditor, certo_requirement_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CATALOG,
  PROP_REQUIREMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GtkStringList *
enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  /* The values are 0 … n-1 in order: the row's position is the value */
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, certo_enum_to_label (enum_type, (int) i));

  return list;
}

static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_enum (to, (int) position);
  return TRUE;
}

static void
bind_combo (CertoRequirementEditor *self,
            const char             *property,
            AdwComboRow            *row)
{
  GBinding *binding;

  binding = g_object_bind_property_full (self->requirement, property,
                                         row, "selected",
                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                         enum_to_position, position_to_enum,
                                         NULL, NULL);
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
unbind_all (CertoRequirementEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

/* Free text */

static char *
dup_widget_text (CertoRequirementEditor *self,
                 CertoEditorText         field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  switch (field)
    {
    case CERTO_EDITOR_TEXT_OWNER:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
    case CERTO_EDITOR_TEXT_JUSTIFICATION:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row)));
    case CERTO_EDITOR_TEXT_NOTES:
      buffer = gtk_text_view_get_buffer (self->notes_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    case CERTO_EDITOR_N_TEXTS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_model_text (CertoRequirementEditor *self,
                CertoEditorText         field)
{
  const char *text = NULL;

  switch (field)
    {
    case CERTO_EDITOR_TEXT_OWNER:
      text = certo_requirement_state_get_owner (self->requirement);
      break;
    case CERTO_EDITOR_TEXT_JUSTIFICATION:
      text = certo_requirement_state_get_exclusion_justification (self->requirement);
      break;
    case CERTO_EDITOR_TEXT_NOTES:
      text = certo_requirement_state_get_notes (self->requirement);
      break;
    case CERTO_EDITOR_N_TEXTS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static void
commit_text (CertoRequirementEditor *self,
             CertoEditorText         field)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->text_timeouts[field], g_source_remove);
  if (self->requirement == NULL || self->workspace == NULL
      || !certo_workspace_get_is_open (self->workspace))
    return;

  text = dup_widget_text (self, field);
  if (g_strcmp0 (text, get_model_text (self, field)) == 0)
    return;

  switch (field)
    {
    case CERTO_EDITOR_TEXT_OWNER:
      g_strstrip (text);
      certo_requirement_state_set_owner (self->requirement, text);
      break;
    case CERTO_EDITOR_TEXT_JUSTIFICATION:
      certo_requirement_state_set_exclusion_justification (self->requirement, text);
      break;
    case CERTO_EDITOR_TEXT_NOTES:
      certo_requirement_state_set_notes (self->requirement, text);
      break;
    case CERTO_EDITOR_N_TEXTS:
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  CertoRequirementEditor *self;
  CertoEditorText         field;
} TextTimeout;

static gboolean
on_text_timeout (gpointer user_data)
{
  TextTimeout *data = user_data;

  data->self->text_timeouts[data->field] = 0;
  commit_text (data->self, data->field);

  return G_SOURCE_REMOVE;
}

static void
schedule_commit (CertoRequirementEditor *self,
                 CertoEditorText         field)
{
  TextTimeout *data;

  if (self->updating || self->requirement == NULL)
    return;

  g_clear_handle_id (&self->text_timeouts[field], g_source_remove);
  data = g_new0 (TextTimeout, 1);
  data->self = self;
  data->field = field;
  self->text_timeouts[field] = g_timeout_add_full (G_PRIORITY_DEFAULT, CERTO_TEXT_COMMIT_DELAY_MS,
                                                   on_text_timeout, data, g_free);
}

/* Shows the model's text, unless the user is typing in the field */
static void
load_text (CertoRequirementEditor *self,
           CertoEditorText         field)
{
  const char *text = self->requirement != NULL ? get_model_text (self, field) : "";
  g_autofree char *shown = NULL;

  if (self->text_timeouts[field] != 0)
    return;

  shown = dup_widget_text (self, field);
  if (g_strcmp0 (shown, text) == 0)
    return;

  self->updating = TRUE;
  switch (field)
    {
    case CERTO_EDITOR_TEXT_OWNER:
      gtk_editable_set_text (GTK_EDITABLE (self->owner_row), text);
      break;
    case CERTO_EDITOR_TEXT_JUSTIFICATION:
      gtk_editable_set_text (GTK_EDITABLE (self->justification_row), text);
      break;
    case CERTO_EDITOR_TEXT_NOTES:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
      break;
    case CERTO_EDITOR_N_TEXTS:
    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
}

static void
on_owner_changed (CertoRequirementEditor *self)
{
  schedule_commit (self, CERTO_EDITOR_TEXT_OWNER);
}

static void
on_justification_changed (CertoRequirementEditor *self)
{
  schedule_commit (self, CERTO_EDITOR_TEXT_JUSTIFICATION);
}

static void
on_notes_changed (CertoRequirementEditor *self)
{
  schedule_commit (self, CERTO_EDITOR_TEXT_NOTES);
}

static void
on_owner_activated (CertoRequirementEditor *self)
{
  commit_text (self, CERTO_EDITOR_TEXT_OWNER);
}

static void
on_justification_activated (CertoRequirementEditor *self)
{
  commit_text (self, CERTO_EDITOR_TEXT_JUSTIFICATION);
}

static void
on_owner_focus_leave (CertoRequirementEditor *self)
{
  commit_text (self, CERTO_EDITOR_TEXT_OWNER);
}

static void
on_justification_focus_leave (CertoRequirementEditor *self)
{
  commit_text (self, CERTO_EDITOR_TEXT_JUSTIFICATION);
}

static void
on_notes_focus_leave (CertoRequirementEditor *self)
{
  commit_text (self, CERTO_EDITOR_TEXT_NOTES);
}

static void
watch_focus (CertoRequirementEditor *self,
             GtkWidget              *widget,
             GCallback               on_leave)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", on_leave, self);
  gtk_widget_add_controller (widget, focus);
}

/* Applicability and reasons */

static GtkCheckButton *
reason_check (CertoRequirementEditor *self,
              CertoInclusionReasons   reason)
{
  switch (reason)
    {
    case CERTO_INCLUSION_LEGAL:
      return self->reason_legal;
    case CERTO_INCLUSION_CONTRACTUAL:
      return self->reason_contractual;
    case CERTO_INCLUSION_BUSINESS:
      return self->reason_business;
    case CERTO_INCLUSION_RISK_TREATMENT:
      return self->reason_risk;
    case CERTO_INCLUSION_BEST_PRACTICE:
      return self->reason_practice;
    case CERTO_INCLUSION_NONE:
    default:
      g_assert_not_reached ();
    }
}

static const CertoInclusionReasons all_reasons[] = {
  CERTO_INCLUSION_LEGAL,
  CERTO_INCLUSION_CONTRACTUAL,
  CERTO_INCLUSION_BUSINESS,
  CERTO_INCLUSION_RISK_TREATMENT,
  CERTO_INCLUSION_BEST_PRACTICE,
};

static void
update_applicability (CertoRequirementEditor *self)
{
  CertoRequirementState *requirement = self->requirement;
  CertoApplicability applicability;
  CertoInclusionReasons reasons;
  CertoSoaIssues issues;
  gboolean annex_a;

  if (requirement == NULL)
    return;

  annex_a = certo_requirement_state_get_is_annex_a (requirement);
  applicability = certo_requirement_state_get_applicability (requirement);
  reasons = certo_requirement_state_get_inclusion_reasons (requirement);
  issues = certo_requirement_state_get_soa_issues (requirement);

  self->updating = TRUE;

  if (!annex_a)
    {
      /* The core refuses an exclusion here: say why rather than fail */
      gtk_switch_set_active (self->applicable_switch, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->applicable_switch), FALSE);
      gtk_widget_set_visible (self->exclude_button, FALSE);
      adw_action_row_set_subtitle (self->applicable_row,
                                   _("Always applicable: ISO/IEC 27001 allows no exclusion from clauses 4 to 10. Only Annex A controls can be excluded."));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->applicable_switch), TRUE);
      gtk_switch_set_active (self->applicable_switch, applicability == CERTO_APPLICABILITY_APPLICABLE);
      gtk_widget_set_visible (self->exclude_button, applicability == CERTO_APPLICABILITY_UNREVIEWED);
      switch (applicability)
        {
        case CERTO_APPLICABILITY_APPLICABLE:
          adw_action_row_set_subtitle (self->applicable_row, _("Included in the Statement of Applicability"));
          break;
        case CERTO_APPLICABILITY_EXCLUDED:
          adw_action_row_set_subtitle (self->applicable_row, _("Excluded from the Statement of Applicability"));
          break;
        case CERTO_APPLICABILITY_UNREVIEWED:
        default:
          adw_action_row_set_subtitle (self->applicable_row,
                                       _("Not decided yet: switch on to include the control, or exclude it"));
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (all_reasons); i++)
    gtk_check_button_set_active (reason_check (self, all_reasons[i]), (reasons & all_reasons[i]) != 0);

  gtk_widget_set_visible (self->reasons_group, annex_a && applicability != CERTO_APPLICABILITY_EXCLUDED);
  gtk_widget_set_visible (self->reasons_warning, (issues & CERTO_SOA_ISSUE_NO_REASON) != 0);
  gtk_widget_set_visible (self->justification_group, annex_a && applicability == CERTO_APPLICABILITY_EXCLUDED);
  gtk_widget_set_visible (self->justification_warning, (issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION) != 0);

  /* An excluded control is not implemented: its status is kept aside (back
   * if it is included again) and neither counts nor shows in the
   * Statement of Applicability */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), applicability != CERTO_APPLICABILITY_EXCLUDED);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               applicability == CERTO_APPLICABILITY_EXCLUDED
                               ? _("Excluded controls are not implemented: include the control to set its status")
                               : "");

  self->updating = FALSE;
}

static void
set_applicability (CertoRequirementEditor *self,
                   CertoApplicability      applicability)
{
  g_autoptr(GError) error = NULL;

  if (self->requirement == NULL)
    return;

  if (!certo_requirement_state_set_applicability (self->requirement, applicability, &error))
    {
      certo_show_message (GTK_WIDGET (self), _("Cannot Change Applicability"), error->message);
      update_applicability (self);
    }
}

static void
on_applicable_switched (CertoRequirementEditor *self)
{
  if (self->updating || self->requirement == NULL)
    return;

  set_applicability (self, gtk_switch_get_active (self->applicable_switch)
                           ? CERTO_APPLICABILITY_APPLICABLE : CERTO_APPLICABILITY_EXCLUDED);
}

static void
on_exclude_clicked (CertoRequirementEditor *self)
{
  set_applicability (self, CERTO_APPLICABILITY_EXCLUDED);
  gtk_widget_grab_focus (GTK_WIDGET (self->justification_row));
}

static void
on_reason_toggled (CertoRequirementEditor *self)
{
  CertoInclusionReasons reasons = CERTO_INCLUSION_NONE;

  if (self->updating || self->requirement == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (all_reasons); i++)
    if (gtk_check_button_get_active (reason_check (self, all_reasons[i])))
      reasons |= all_reasons[i];

  certo_requirement_state_set_inclusion_reasons (self->requirement, reasons);
}

/* The requirement */

static void
on_requirement_notify (CertoRequirementEditor *self,
                       GParamSpec             *pspec)
{
  const char *name = pspec->name;

  if (self->tracking_undo && self->undo_field == NULL &&
      !g_str_equal (name, "n-evidence") && !g_str_equal (name, "soa-issues"))
    self->undo_field = g_intern_string (name);

  if (g_str_equal (name, "applicability") || g_str_equal (name, "inclusion-reasons")
      || g_str_equal (name, "exclusion-justification") || g_str_equal (name, "soa-issues"))
    update_applicability (self);

  if (g_str_equal (name, "owner"))
    load_text (self, CERTO_EDITOR_TEXT_OWNER);
  else if (g_str_equal (name, "exclusion-justification"))
    load_text (self, CERTO_EDITOR_TEXT_JUSTIFICATION);
  else if (g_str_equal (name, "notes"))
    load_text (self, CERTO_EDITOR_TEXT_NOTES);

  if (!g_str_equal (name, "n-evidence") && !g_str_equal (name, "soa-issues"))
    certo_requirement_editor_reload_history (self);
}

static void
show_requirement (CertoRequirementEditor *self)
{
  CertoRequirementState *requirement = self->requirement;
  g_autofree char *group = NULL;
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (self->stack, requirement != NULL ? "requirement" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-file", requirement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-link", requirement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-library", requirement != NULL);

  if (requirement == NULL)
    return;

  group = certo_group_name (certo_requirement_state_get_group_label (requirement),
                            certo_requirement_state_get_group_title (requirement),
                            certo_requirement_state_get_is_annex_a (requirement),
                            certo_requirement_state_get_is_clause (requirement));
  /* Translators: a requirement's number and title, "A.5.23 Information security for use of cloud services" */
  title = g_strdup_printf (C_("requirement", "%s %s"),
                           certo_requirement_state_get_display_label (requirement),
                           certo_requirement_state_get_title (requirement));

  /* The framework's text, and an imported framework's: plain text */
  gtk_label_set_text (self->group_label, group);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (self->new_box, certo_requirement_state_get_is_new (requirement));

  update_applicability (self);
  load_text (self, CERTO_EDITOR_TEXT_OWNER);
  load_text (self, CERTO_EDITOR_TEXT_JUSTIFICATION);
  load_text (self, CERTO_EDITOR_TEXT_NOTES);

  bind_combo (self, "status", self->status_row);
  bind_combo (self, "audit-result", self->audit_row);
  bind_combo (self, "control-type", self->type_row);
  bind_combo (self, "obligation", self->obligation_row);
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (requirement, "due-date",
                                                         self->due_row, "date",
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));

  /* A new requirement starts at its title */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* GObject */

static void
certo_requirement_editor_dispose (GObject *object)
{
  CertoRequirementEditor *self = (CertoRequirementEditor *) object;

  certo_requirement_editor_set_requirement (self, NULL);
  certo_requirement_editor_clear_evidence (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (certo_requirement_editor_parent_class)->dispose (object);
}

static void
certo_requirement_editor_finalize (GObject *object)
{
  CertoRequirementEditor *self = (CertoRequirementEditor *) object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_requirement_editor_parent_class)->finalize (object);
}

static void
certo_requirement_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_REQUIREMENT:
      g_value_set_object (value, self->requirement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CertoRequirementEditor *self = CERTO_REQUIREMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_requirement_editor_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_CATALOG:
      certo_requirement_editor_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_REQUIREMENT:
      certo_requirement_editor_set_requirement (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_editor_class_init (CertoRequirementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_requirement_editor_dispose;
  object_class->finalize = certo_requirement_editor_finalize;
  object_class->get_property = certo_requirement_editor_get_property;
  object_class->set_property = certo_requirement_editor_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIREMENT] =
    g_param_spec_object ("requirement", NULL, NULL,
                         CERTO_TYPE_REQUIREMENT_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-requirement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, group_label);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, new_box);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, applicable_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, exclude_button);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, applicable_switch);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reason_legal);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reason_contractual);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reason_business);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reason_risk);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reason_practice);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, reasons_warning);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, justification_group);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, justification_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, justification_warning);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, audit_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, obligation_row);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, add_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, adding_revealer);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, adding_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, adding_label);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CertoRequirementEditor, history_row);
  gtk_widget_class_bind_template_callback (widget_class, on_applicable_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_exclude_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_justification_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_activated);

  certo_requirement_editor_class_init_evidence (widget_class);

  gtk_widget_class_set_css_name (widget_class, "certo-requirement-editor");
}

static void
certo_requirement_editor_init (CertoRequirementEditor *self)
{
  g_autoptr(GtkStringList) statuses = enum_labels (CERTO_TYPE_IMPLEMENTATION_STATUS);
  g_autoptr(GtkStringList) results = enum_labels (CERTO_TYPE_AUDIT_RESULT);
  g_autoptr(GtkStringList) types = enum_labels (CERTO_TYPE_CONTROL_TYPE);
  g_autoptr(GtkStringList) obligations = enum_labels (CERTO_TYPE_OBLIGATION);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->history_rows = g_ptr_array_new ();

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->audit_row, G_LIST_MODEL (results));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->obligation_row, G_LIST_MODEL (obligations));

  g_signal_connect_swapped (self->owner_row, "changed", G_CALLBACK (on_owner_changed), self);
  g_signal_connect_swapped (self->justification_row, "changed", G_CALLBACK (on_justification_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed), self);
  watch_focus (self, GTK_WIDGET (self->owner_row), G_CALLBACK (on_owner_focus_leave));
  watch_focus (self, GTK_WIDGET (self->justification_row), G_CALLBACK (on_justification_focus_leave));
  watch_focus (self, GTK_WIDGET (self->notes_view), G_CALLBACK (on_notes_focus_leave));

  certo_requirement_editor_init_evidence (self);
  show_requirement (self);
}

/* Public API */

/**
 * certo_requirement_editor_get_workspace:
 * @self: a #CertoRequirementEditor
 *
 * Returns: (transfer none) (nullable): the workspace edited
 */
CertoWorkspace *
certo_requirement_editor_get_workspace (CertoRequirementEditor *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);

  return self->workspace;
}

/**
 * certo_requirement_editor_set_workspace:
 * @self: a #CertoRequirementEditor
 * @workspace: (nullable): the workspace whose requirements are edited
 *
 * Also clears the requirement shown.
 */
void
certo_requirement_editor_set_workspace (CertoRequirementEditor *self,
                                        CertoWorkspace         *workspace)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  certo_requirement_editor_set_requirement (self, NULL);
  g_set_object (&self->workspace, workspace);
  certo_workspace_watch_set_workspace (self->watch, workspace);
  certo_requirement_editor_bind_evidence (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * certo_requirement_editor_get_catalog:
 * @self: a #CertoRequirementEditor
 *
 * Returns: (transfer none) (nullable): the catalog Library documents come from
 */
CertoCatalog *
certo_requirement_editor_get_catalog (CertoRequirementEditor *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);

  return self->catalog;
}

/**
 * certo_requirement_editor_set_catalog:
 * @self: a #CertoRequirementEditor
 * @catalog: (nullable): the catalog for "Add Evidence › Library Document…"
 */
void
certo_requirement_editor_set_catalog (CertoRequirementEditor *self,
                                      CertoCatalog           *catalog)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (catalog == NULL || CERTO_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * certo_requirement_editor_get_requirement:
 * @self: a #CertoRequirementEditor
 *
 * Returns: (transfer none) (nullable): the requirement shown
 */
CertoRequirementState *
certo_requirement_editor_get_requirement (CertoRequirementEditor *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), NULL);

  return self->requirement;
}

/**
 * certo_requirement_editor_set_requirement:
 * @self: a #CertoRequirementEditor
 * @requirement: (nullable): a requirement of the workspace, or %NULL for
 *   a "No Requirement Selected" page
 *
 * Shows @requirement; text typed for the previous one is written first.
 */
void
certo_requirement_editor_set_requirement (CertoRequirementEditor *self,
                                          CertoRequirementState  *requirement)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (requirement == NULL || CERTO_IS_REQUIREMENT_STATE (requirement));

  if (self->requirement == requirement)
    return;

  certo_requirement_editor_commit (self);
  unbind_all (self);
  if (self->requirement != NULL)
    g_signal_handlers_disconnect_by_func (self->requirement, on_requirement_notify, self);

  g_set_object (&self->requirement, requirement);
  if (requirement != NULL)
    g_signal_connect_swapped (requirement, "notify", G_CALLBACK (on_requirement_notify), self);

  show_requirement (self);
  certo_requirement_editor_bind_evidence (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
}

/**
 * certo_requirement_editor_commit:
 * @self: a #CertoRequirementEditor
 *
 * Writes the text typed in the owner, justification and notes fields now,
 * rather than after the pause (before closing, undoing or switching).
 */
void
certo_requirement_editor_commit (CertoRequirementEditor *self)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));

  for (guint i = 0; i < CERTO_EDITOR_N_TEXTS; i++)
    if (self->text_timeouts[i] != 0)
      commit_text (self, i);
}

/* The widget that edits @field, if it is shown and can take the focus */
static GtkWidget *
widget_for_field (CertoRequirementEditor *self,
                  const char             *field)
{
  GtkWidget *widget = NULL;

  if (field == NULL)
    return NULL;

  if (g_str_equal (field, "applicability"))
    widget = gtk_widget_get_visible (self->exclude_button) && !gtk_widget_is_sensitive (GTK_WIDGET (self->applicable_switch))
             ? self->exclude_button : GTK_WIDGET (self->applicable_switch);
  else if (g_str_equal (field, "inclusion-reasons"))
    widget = GTK_WIDGET (self->reason_legal);
  else if (g_str_equal (field, "exclusion-justification"))
    widget = GTK_WIDGET (self->justification_row);
  else if (g_str_equal (field, "status"))
    widget = GTK_WIDGET (self->status_row);
  else if (g_str_equal (field, "audit-result"))
    widget = GTK_WIDGET (self->audit_row);
  else if (g_str_equal (field, "owner"))
    widget = GTK_WIDGET (self->owner_row);
  else if (g_str_equal (field, "due-date"))
    widget = GTK_WIDGET (self->due_row);
  else if (g_str_equal (field, "control-type"))
    widget = GTK_WIDGET (self->type_row);
  else if (g_str_equal (field, "obligation"))
    widget = GTK_WIDGET (self->obligation_row);
  else if (g_str_equal (field, "notes"))
    widget = GTK_WIDGET (self->notes_view);

  if (widget == NULL || !gtk_widget_is_visible (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;
  return widget;
}

static gboolean
has_focus_inside (CertoRequirementEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

/**
 * certo_requirement_editor_focus_field:
 * @self: the editor
 * @field: (nullable): a requirement property ("status", "owner", …)
 *
 * Puts the keyboard focus on the widget that edits @field; when there is
 * none (no such field, or it is hidden now, as the justification is for
 * an applicable control), on the editor's first field.
 *
 * Returns: %TRUE when the focus is in the editor
 */
gboolean
certo_requirement_editor_focus_field (CertoRequirementEditor *self,
                                      const char             *field)
{
  GtkWidget *widget;
  GtkRoot *root;

  g_return_val_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self), FALSE);

  widget = widget_for_field (self, field);
  if (widget != NULL && gtk_widget_grab_focus (widget))
    return TRUE;

  /* From the top: the first field, not the one after the lost focus */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && has_focus_inside (self))
    gtk_root_set_focus (root, NULL);
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * certo_requirement_editor_undo_begin:
 * @self: the editor
 *
 * Call before an undo (Ctrl+Z): the editor notes where the focus is and
 * which of its requirement's fields the undo changes.
 */
void
certo_requirement_editor_undo_begin (CertoRequirementEditor *self)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));

  self->tracking_undo = TRUE;
  self->undo_field = NULL;
  self->undo_had_focus = has_focus_inside (self);
}

/**
 * certo_requirement_editor_undo_end:
 * @self: the editor
 *
 * Call after the undo: when the focus was in the editor (or the undo
 * left it nowhere, as when it hides the focused field), it goes to the
 * widget of the field the undo changed, else to the editor's first field.
 */
void
certo_requirement_editor_undo_end (CertoRequirementEditor *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean lost;

  g_return_if_fail (CERTO_IS_REQUIREMENT_EDITOR (self));

  self->tracking_undo = FALSE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* A focused widget the undo hid leaves the focus nowhere */
  lost = root != NULL && (focus == NULL || !gtk_widget_is_visible (focus));
  if (self->requirement != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (self->undo_had_focus || lost) && (self->undo_field != NULL || lost))
    certo_requirement_editor_focus_field (self, self->undo_field);
  self->undo_field = NULL;
}
