/* certo-workspace-overview.c — readiness, points, and what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here comes from certo-workspace-score.h and is computed
 * again (once per burst of edits) when the workspace changes. Progress is
 * told in numbers beside each bar ("12 of 37 implemented (32%)"), never by
 * a colour alone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-workspace-overview.h"
#include "certo-workspace-util.h"
#include "certo-workspace-watch.h"

/* Each list shows at most this many rows */
#define MAX_ROWS 8

struct _CertoWorkspaceOverview
{
  AdwBin               parent_instance;

  CertoWorkspace      *workspace;
  CertoWorkspaceWatch *watch;
  char                *readiness_text;
  GPtrArray           *group_keys;     /* (element-type utf8) one per row of groups_list */
  GPtrArray           *group_bars;     /* (element-type GtkLevelBar) */
  GPtrArray           *overdue_items;  /* (element-type GObject) one per row of overdue_list */
  GPtrArray           *expiring_items; /* (element-type CertoEvidence) */

  GtkLabel            *readiness_label;
  GtkLevelBar         *readiness_bar;
  GtkLabel            *split_label;
  GtkLabel            *points_label;
  GtkWidget           *unreviewed_box;
  GtkLabel            *unreviewed_label;
  GtkWidget           *soa_box;
  GtkLabel            *soa_label;
  GtkListBox          *groups_list;
  GtkListBox          *overdue_list;
  GtkListBox          *expiring_list;
  GtkListBox          *audits_list;
};

G_DEFINE_FINAL_TYPE (CertoWorkspaceOverview, certo_workspace_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

enum {
  SHOW_REQUIREMENT,
  SHOW_GROUP,
  SHOW_ATTENTION,
  SHOW_SECTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  certo_list_box_remove_rows (list);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name,
         gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles and owners are the user's or the framework's text: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", icon_name,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  if (activatable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                  "icon-name", "go-next-symbolic",
                                                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                  NULL));

  return row;
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static char *
group_subtitle (const CertoScoreGroup *group)
{
  g_autofree char *readiness = certo_readiness_text (group->n_implemented, group->n_applicable, group->readiness);
  g_autofree char *points = certo_points_text (group->points_earned, group->points_possible);
  g_autoptr(GString) text = g_string_new (readiness);

  /* Translators: separates the figures of a group: "3 of 8 implemented (38%) · 9 of 27 points" */
  g_string_append_printf (text, _(" · %s"), points);
  if (group->n_excluded > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u excluded", "%u excluded", group->n_excluded),
                              group->n_excluded);
    }
  if (group->n_unreviewed > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u unreviewed", "%u unreviewed", group->n_unreviewed),
                              group->n_unreviewed);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
build_group_rows (CertoWorkspaceOverview *self,
                  CertoScore             *score)
{
  clear_list (self->groups_list);
  g_ptr_array_set_size (self->group_keys, 0);
  g_ptr_array_set_size (self->group_bars, 0);

  for (guint i = 0; score != NULL && i < score->groups->len; i++)
    {
      CertoScoreGroup *group = g_ptr_array_index (score->groups, i);
      g_autofree char *name = certo_score_group_name (group);
      GtkWidget *row = new_row (name, NULL, NULL, FALSE);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 96, -1);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                    "icon-name", "go-next-symbolic",
                                                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                    NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, _("Show these requirements"));
      gtk_list_box_append (self->groups_list, row);
      g_ptr_array_add (self->group_keys, g_strdup (group->key));
      g_ptr_array_add (self->group_bars, bar);
    }
}

static void
update_scores (CertoWorkspaceOverview *self,
               CertoScore             *score)
{
  g_autofree char *annex = NULL;
  g_autofree char *clauses = NULL;
  g_autofree char *split = NULL;
  g_autofree char *points = NULL;
  guint n_undecided, n_unjustified, n_no_reason;

  g_free (self->readiness_text);
  self->readiness_text = certo_readiness_text (score->overall.n_implemented, score->overall.n_applicable,
                                               score->overall.readiness);
  gtk_label_set_text (self->readiness_label, self->readiness_text);
  gtk_level_bar_set_value (self->readiness_bar, score->overall.readiness);

  annex = certo_readiness_text (score->annex_a.n_implemented, score->annex_a.n_applicable, score->annex_a.readiness);
  clauses = certo_readiness_text (score->clauses.n_implemented, score->clauses.n_applicable, score->clauses.readiness);
  /* Translators: readiness of the two parts: "Annex A: 10 of 93 implemented (11%) · Clauses 4–10: …" */
  split = g_strdup_printf (_("Annex A: %s · Clauses 4–10: %s"), annex, clauses);
  gtk_label_set_text (self->split_label, split);

  points = certo_points_text (score->overall.points_earned, score->overall.points_possible);
  gtk_label_set_text (self->points_label, points);
  if (score->overall.n_unreviewed > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u requirement unreviewed: it scores nothing until its control type and obligation are set.",
                                           "%u requirements unreviewed: they score nothing until their control type and obligation are set.",
                                           score->overall.n_unreviewed),
                              score->overall.n_unreviewed);
      gtk_label_set_text (self->unreviewed_label, text);
    }
  gtk_widget_set_visible (self->unreviewed_box, score->overall.n_unreviewed > 0);

  n_undecided = certo_workspace_count_soa_issues (self->workspace, CERTO_SOA_ISSUE_UNDECIDED);
  n_unjustified = certo_workspace_count_soa_issues (self->workspace, CERTO_SOA_ISSUE_NO_JUSTIFICATION);
  n_no_reason = certo_workspace_count_soa_issues (self->workspace, CERTO_SOA_ISSUE_NO_REASON);
  if (n_undecided + n_unjustified + n_no_reason > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The Statement of Applicability is incomplete:"));
      gboolean first = TRUE;

if (n_undecided > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u control undecided",
                                                     "%u controls undecided", n_undecided),
                                  n_undecided);
          first = FALSE;
        }
      if (n_unjustified > 0)
        {
          g_string_append (text, first ? " " : _(", "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u excluded without a justification",
                                                     "%u excluded without a justification", n_unjustified),
                                  n_unjustified);
          first = FALSE;
        }
      if (n_no_reason > 0)
        {
          g_string_append (text, first ? " " : _(", "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u included without a reason",
                                                     "%u included without a reason", n_no_reason),
                                  n_no_reason);
        }
      g_string_append_c (text, '.');
      gtk_label_set_text (self->soa_label, text->str);
    }
  gtk_widget_set_visible (self->soa_box, n_undecided + n_unjustified + n_no_reason > 0);

  if (self->group_bars->len != score->groups->len)
    build_group_rows (self, score);

  for (guint i = 0; i < score->groups->len; i++)
    {
      CertoScoreGroup *group = g_ptr_array_index (score->groups, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->groups_list, (int) i);
      g_autofree char *subtitle = group_subtitle (group);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (g_ptr_array_index (self->group_bars, i), group->readiness);
    }
}

static void
update_overdue (CertoWorkspaceOverview *self,
                const char             *today)
{
  g_autoptr(GPtrArray) requirements = certo_workspace_list_overdue_requirements (self->workspace, today);
  g_autoptr(GPtrArray) findings = certo_workspace_list_overdue_findings (self->workspace, today);
  guint shown = 0;

  clear_list (self->overdue_list);
  g_ptr_array_set_size (self->overdue_items, 0);

  for (guint i = 0; i < requirements->len && shown < MAX_ROWS; i++, shown++)
    {
      CertoRequirementState *requirement = g_ptr_array_index (requirements, i);
      const char *owner = certo_requirement_state_get_owner (requirement);
      g_autofree char *title = NULL;
      g_autofree char *date = certo_format_date (certo_requirement_state_get_due_date (requirement));
      g_autofree char *subtitle = NULL;

      title = g_strdup_printf (C_("requirement", "%s %s"),
                               certo_requirement_state_get_display_label (requirement),
                               certo_requirement_state_get_title (requirement));
      if (owner != NULL && *owner != '\0')
        /* Translators: the first %s is a date, the second a person */
        subtitle = g_strdup_printf (_("Was due %s · %s"), date, owner);
      else
        /* Translators: %s is a date */
        subtitle = g_strdup_printf (_("Was due %s"), date);
      gtk_list_box_append (self->overdue_list, new_row (title, subtitle, "task-past-due-symbolic", TRUE));
      g_ptr_array_add (self->overdue_items, g_object_ref (requirement));
    }

  for (guint i = 0; i < findings->len && shown < MAX_ROWS; i++, shown++)
    {
      CertoFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *date = certo_format_date (certo_finding_get_due_date (finding));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *description = certo_finding_get_description (finding);

      title = g_strdup_printf (_("%s: %s"),
                               certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)),
                               description != NULL && *description != '\0' ? description : _("no description"));
      /* Translators: %s is a date */
      subtitle = g_strdup_printf (_("Corrective action was due %s"), date);
      gtk_list_box_append (self->overdue_list, new_row (title, subtitle, "task-past-due-symbolic", TRUE));
      g_ptr_array_add (self->overdue_items, g_object_ref (finding));
    }

  if (requirements->len + findings->len > shown)
    {
      g_autofree char *more = NULL;
      guint rest = requirements->len + findings->len - shown;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", rest), rest);
      gtk_list_box_append (self->overdue_list, new_row (more, NULL, NULL, FALSE));
    }
}

static void
update_expiring (CertoWorkspaceOverview *self,
                 const char             *today)
{
  g_autoptr(GPtrArray) evidence = certo_workspace_list_expiring_evidence (self->workspace, today,
                                                                          CERTO_EXPIRY_WARNING_DAYS);

  clear_list (self->expiring_list);
  g_ptr_array_set_size (self->expiring_items, 0);

  for (guint i = 0; i < evidence->len && i < MAX_ROWS; i++)
    {
      CertoEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *expiry = certo_expiry_text (today, certo_evidence_get_expiry_date (item), NULL);
      const char * const *keys = certo_evidence_get_requirement_keys (item);
      g_autoptr(GString) subtitle = g_string_new (expiry);

      for (guint j = 0; keys != NULL && keys[j] != NULL && j < 6; j++)
        {
          CertoRequirementState *requirement = certo_workspace_find_requirement (self->workspace, keys[j]);

          g_string_append (subtitle, j == 0 ? _(" · ") : _(", "));
          g_string_append (subtitle, requirement != NULL ? certo_requirement_state_get_display_label (requirement) : keys[j]);
        }

      gtk_list_box_append (self->expiring_list,
                           new_row (certo_evidence_get_title (item), subtitle->str, "dialog-warning-symbolic",
                                    keys != NULL && keys[0] != NULL));
      g_ptr_array_add (self->expiring_items, g_object_ref (item));
    }
}

static void
update_audits (CertoWorkspaceOverview *self,
               const char             *today)
{
  g_autoptr(GPtrArray) schedule = certo_workspace_compute_audit_schedule (self->workspace, today);
  guint shown = 0;

  clear_list (self->audits_list);

  for (guint i = 0; i < schedule->len && shown < MAX_ROWS; i++)
    {
      CertoScheduledAudit *audit = g_ptr_array_index (schedule, i);
      const char *kind = certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, audit->kind);
      g_autofree char *due = certo_format_date (audit->due_date);
      g_autofree char *planned = certo_format_date (audit->planned_date);
      g_autofree char *subtitle = NULL;

      if (audit->performed_date != NULL)
        continue;

      if (audit->overdue)
        /* Translators: %s is a date */
        subtitle = g_strdup_printf (_("Overdue: was due by %s"), due);
      else if (planned != NULL && due != NULL)
        /* Translators: the first %s is a date, the second a deadline */
        subtitle = g_strdup_printf (_("Planned %s · due by %s"), planned, due);
      else if (planned != NULL)
        subtitle = g_strdup_printf (_("Planned %s"), planned);
      else if (due != NULL)
        subtitle = g_strdup_printf (_("Due by %s · not planned yet"), due);
      else
        subtitle = g_strdup (_("Not planned yet"));

      gtk_list_box_append (self->audits_list,
                           new_row (kind, subtitle, audit->overdue ? "task-past-due-symbolic" : "x-office-calendar-symbolic",
                                    TRUE));
      shown++;
    }
}

/**
 * certo_workspace_overview_refresh:
 * @self: a #CertoWorkspaceOverview
 *
 * Computes the scores and lists again (the overview does so by itself
 * after every burst of changes).
 */
void
certo_workspace_overview_refresh (CertoWorkspaceOverview *self)
{
  g_autoptr(CertoScore) score = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE_OVERVIEW (self));

  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return;

  today = certo_iso_date_today ();
  score = certo_score_compute (certo_workspace_get_requirements (self->workspace));
  update_scores (self, score);
  update_overdue (self, today);
  update_expiring (self, today);
  update_audits (self, today);
}

static void
on_workspace_changed (CertoWorkspaceOverview *self)
{
  certo_workspace_overview_refresh (self);
}

static void
on_review_clicked (CertoWorkspaceOverview *self)
{
  g_signal_emit (self, signals[SHOW_ATTENTION], 0);
}

static void
on_group_activated (CertoWorkspaceOverview *self,
                    GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->group_keys->len)
    g_signal_emit (self, signals[SHOW_GROUP], 0, g_ptr_array_index (self->group_keys, index));
}

static void
on_overdue_activated (CertoWorkspaceOverview *self,
                      GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);
  GObject *item;

  if (index < 0 || (guint) index >= self->overdue_items->len)
    return;

  item = g_ptr_array_index (self->overdue_items, index);
  if (CERTO_IS_REQUIREMENT_STATE (item))
    g_signal_emit (self, signals[SHOW_REQUIREMENT], 0, item);
  else
    g_signal_emit (self, signals[SHOW_SECTION], 0, "findings");
}

static void
on_expiring_activated (CertoWorkspaceOverview *self,
                       GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);
  const char * const *keys;
  CertoRequirementState *requirement;

  if (index < 0 || (guint) index >= self->expiring_items->len)
    return;

  keys = certo_evidence_get_requirement_keys (g_ptr_array_index (self->expiring_items, index));
  requirement = keys != NULL && keys[0] != NULL ? certo_workspace_find_requirement (self->workspace, keys[0]) : NULL;
  if (requirement != NULL)
    g_signal_emit (self, signals[SHOW_REQUIREMENT], 0, requirement);
}

static void
on_audit_activated (CertoWorkspaceOverview *self,
                    GtkListBoxRow          *row)
{
  g_signal_emit (self, signals[SHOW_SECTION], 0, "audits");
}

static void
certo_workspace_overview_dispose (GObject *object)
{
  CertoWorkspaceOverview *self = (CertoWorkspaceOverview *) object;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->overdue_items, g_ptr_array_unref);
  g_clear_pointer (&self->expiring_items, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_workspace_overview_parent_class)->dispose (object);
}

static void
certo_workspace_overview_finalize (GObject *object)
{
  CertoWorkspaceOverview *self = (CertoWorkspaceOverview *) object;

  g_clear_pointer (&self->readiness_text, g_free);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_clear_pointer (&self->group_bars, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_workspace_overview_parent_class)->finalize (object);
}

static void
certo_workspace_overview_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CertoWorkspaceOverview *self = CERTO_WORKSPACE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_overview_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CertoWorkspaceOverview *self = CERTO_WORKSPACE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_workspace_overview_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_overview_class_init (CertoWorkspaceOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_workspace_overview_dispose;
  object_class->finalize = certo_workspace_overview_finalize;
  object_class->get_property = certo_workspace_overview_get_property;
  object_class->set_property = certo_workspace_overview_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoWorkspaceOverview::show-requirement:
   * @self: the overview
   * @requirement: the requirement to open
   */
  signals[SHOW_REQUIREMENT] =
    g_signal_new ("show-requirement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CERTO_TYPE_REQUIREMENT_STATE);
  /**
   * CertoWorkspaceOverview::show-group:
   * @self: the overview
   * @group_key: the clause or theme to list ("a5")
   */
  signals[SHOW_GROUP] =
    g_signal_new ("show-group", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CertoWorkspaceOverview::show-attention:
   * @self: the overview
   *
   * The user asked for the requirements that need attention.
   */
  signals[SHOW_ATTENTION] =
    g_signal_new ("show-attention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CertoWorkspaceOverview::show-section:
   * @self: the overview
   * @section: "audits" or "findings"
   */
  signals[SHOW_SECTION] =
    g_signal_new ("show-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-workspace-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, readiness_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, split_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, points_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, unreviewed_box);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, unreviewed_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, soa_box);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, soa_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, groups_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, expiring_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceOverview, audits_list);
  gtk_widget_class_bind_template_callback (widget_class, on_review_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_group_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_expiring_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated);
}

static void
certo_workspace_overview_init (CertoWorkspaceOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_keys = g_ptr_array_new_with_free_func (g_free);
  self->group_bars = g_ptr_array_new ();
  self->overdue_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->expiring_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watch = certo_workspace_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_workspace_changed), self);

  /* The overall bar: no colour thresholds, the numbers beside it tell */
  gtk_level_bar_remove_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  set_placeholder (self->overdue_list, _("Nothing is overdue."));
  set_placeholder (self->expiring_list, _("No evidence expires in the next 60 days."));
  set_placeholder (self->audits_list, _("Every audit of the cycle has taken place."));
}

/**
 * certo_workspace_overview_get_workspace:
 * @self: a #CertoWorkspaceOverview
 *
 * Returns: (transfer none) (nullable): the workspace summarised
 */
CertoWorkspace *
certo_workspace_overview_get_workspace (CertoWorkspaceOverview *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_OVERVIEW (self), NULL);

  return self->workspace;
}

/**
 * certo_workspace_overview_set_workspace:
 * @self: a #CertoWorkspaceOverview
 * @workspace: (nullable): the workspace to summarise
 */
void
certo_workspace_overview_set_workspace (CertoWorkspaceOverview *self,
                                        CertoWorkspace         *workspace)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_OVERVIEW (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  build_group_rows (self, NULL);
  certo_workspace_watch_set_workspace (self->watch, workspace);
  certo_workspace_overview_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * certo_workspace_overview_get_readiness_text:
 * @self: a #CertoWorkspaceOverview
 *
 * Returns: (transfer none) (nullable): the overall readiness shown
 *   ("12 of 37 implemented (32%)")
 */
const char *
certo_workspace_overview_get_readiness_text (CertoWorkspaceOverview *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_OVERVIEW (self), NULL);

  return self->readiness_text;
}
