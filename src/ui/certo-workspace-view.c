/* certo-workspace-view.c — the Workspace page: sections, table, editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a workspace: "No Workspace Open" with New, Open and (after a
 * crash) Recover. With one: a leaflet of the sidebar (organisation,
 * scope, framework, SoA version, save state, sections), the section shown
 * (Overview, Statement of Applicability, Audits, Findings) and, for the
 * Statement of Applicability, the requirement editor; it folds to one
 * column at narrow widths. The window owns the workspace and its
 * sessions; this view shows it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-workspace-util.h"
#include "certo-workspace-view.h"
#include "certo-workspace-watch.h"

static const char * const section_names[] = { "overview", "soa", "audits", "findings" };

struct _CertoWorkspaceView
{
  AdwBin                  parent_instance;

  CertoWorkspace         *workspace;
  CertoWorkspaceWatch    *watch;
  GMenuModel             *primary_menu;
  AdwViewStack           *view_stack;
  char                   *save_error;
  char                   *save_text;

  GtkStack               *stack;
  AdwViewSwitcherTitle   *start_switcher;
  GtkMenuButton          *start_menu_button;
  GtkStack               *start_stack;
  AdwStatusPage          *loading_page;
  GtkSpinner             *loading_spinner;
  GtkWidget              *recover_button;
  AdwViewSwitcherBar     *start_switcher_bar;
  AdwLeaflet             *leaflet;
  AdwWindowTitle         *sidebar_title;
  GtkLabel               *organisation_label;
  GtkLabel               *scope_label;
  GtkLabel               *framework_label;
  GtkLabel               *soa_version_label;
  GtkImage               *save_icon;
  GtkLabel               *save_label;
  GtkWidget              *retry_button;
  GtkListBox             *sections_list;
  GtkListBoxRow          *overview_row;
  GtkListBoxRow          *soa_row;
  GtkListBoxRow          *audits_row;
  GtkListBoxRow          *findings_row;
  AdwHeaderBar           *content_header;
  AdwViewSwitcherTitle   *switcher_title;
  GtkMenuButton          *menu_button;
  GtkWidget              *search_button;
  GtkRevealer            *save_revealer;
  GtkLabel               *save_error_label;
  GtkStack               *section_stack;
  CertoWorkspaceOverview *overview;
  CertoRequirementList   *requirement_list;
  CertoAuditList         *audit_list;
  CertoFindingList       *finding_list;
  AdwViewSwitcherBar     *switcher_bar;
  GtkWidget              *editor_separator;
  GtkWidget              *editor_pane;
  AdwWindowTitle         *editor_title;
  CertoRequirementEditor *editor;
};

G_DEFINE_FINAL_TYPE (CertoWorkspaceView, certo_workspace_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PRIMARY_MENU,
  PROP_VIEW_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
section_title (const char *section)
{
  if (g_strcmp0 (section, "soa") == 0)
    return _("Statement of Applicability");
  if (g_strcmp0 (section, "audits") == 0)
    return _("Audits");
  if (g_strcmp0 (section, "findings") == 0)
    return _("Findings");
  return _("Overview");
}

static GtkListBoxRow *
section_row (CertoWorkspaceView *self,
             const char         *section)
{
  if (g_strcmp0 (section, "soa") == 0)
    return self->soa_row;
  if (g_strcmp0 (section, "audits") == 0)
    return self->audits_row;
  if (g_strcmp0 (section, "findings") == 0)
    return self->findings_row;
  return self->overview_row;
}

static void
update_headers (CertoWorkspaceView *self)
{
  const char *section = gtk_stack_get_visible_child_name (self->section_stack);
  gboolean soa = g_strcmp0 (section, "soa") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* The editor is a third column only for the Statement of Applicability */
  gtk_widget_set_visible (self->editor_pane, soa);
  gtk_widget_set_visible (self->editor_separator, soa);
  adw_header_bar_set_show_end_title_buttons (self->content_header, folded || !soa);
  gtk_widget_set_visible (self->search_button, soa);
  adw_view_switcher_title_set_title (self->switcher_title, section_title (section));
}

static void
update_info (CertoWorkspaceView *self)
{
  CertoWorkspace *ws = self->workspace;
  const char *scope;
  g_autofree char *framework = NULL;
  g_autofree char *soa_text = NULL;

  if (ws == NULL || !certo_workspace_get_is_open (ws))
    return;

  scope = certo_workspace_get_scope (ws);
  /* The user's own text: plain text labels */
  gtk_label_set_text (self->organisation_label, certo_workspace_get_organisation (ws));
  gtk_label_set_text (self->scope_label, scope != NULL && *scope != '\0' ? scope : _("No ISMS scope written yet"));
  if (scope == NULL || *scope == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->scope_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->scope_label), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_label), scope);

  framework = g_strdup (certo_workspace_get_framework_title (ws));
  gtk_label_set_text (self->framework_label, framework);

  /* The approved version, or that the SoA changed since: the same
   * phrase as the exports and certo-cli (certo_soa_describe()) */
  soa_text = certo_workspace_dup_soa_state (ws, certo_format_date);
  if (certo_workspace_get_soa_changed_since_approval (ws))
    gtk_widget_add_css_class (GTK_WIDGET (self->soa_version_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->soa_version_label), "warning");
  gtk_label_set_text (self->soa_version_label, soa_text);

  adw_window_title_set_title (self->sidebar_title, _("Workspace"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, certo_workspace_get_organisation (ws));
}

static void
update_save_state (CertoWorkspaceView *self)
{
  CertoWorkspace *ws = self->workspace;
  gboolean failed;
  const char *icon_name;

  if (ws == NULL)
    return;

  if (!certo_workspace_get_dirty (ws))
    g_clear_pointer (&self->save_error, g_free);

  failed = self->save_error != NULL;
  g_free (self->save_text);
  if (failed)
    {
      /* Translators: %s is why the workspace could not be saved */
      self->save_text = g_strdup_printf (_("Not saved: %s"), self->save_error);
      icon_name = "dialog-warning-symbolic";
    }
  else if (certo_workspace_get_saving (ws) || certo_workspace_get_dirty (ws))
    {
      self->save_text = g_strdup (_("Saving…"));
      icon_name = "emblem-synchronizing-symbolic";
    }
  else
    {
      GFile *file = certo_workspace_get_file (ws);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *tooltip = NULL;

      self->save_text = g_strdup (_("Saved"));
      icon_name = "emblem-ok-symbolic";
      if (path != NULL)
        {
          /* Translators: %s is a file's path */
          tooltip = g_strdup_printf (_("Saved to %s"), path);
        }
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), tooltip);
    }

  gtk_image_set_from_icon_name (self->save_icon, icon_name);
  /* The reason is told in full above the content; the sidebar stays short */
  gtk_label_set_text (self->save_label, failed ? _("Not saved") : self->save_text);
  if (failed)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), self->save_error);
  gtk_widget_set_visible (self->retry_button, failed);
  if (failed)
    gtk_label_set_text (self->save_error_label, self->save_text);
  gtk_revealer_set_reveal_child (self->save_revealer, failed);
}

static void
on_save_state_changed (CertoWorkspaceView *self)
{
  update_save_state (self);
}

static void
on_workspace_changed (CertoWorkspaceView *self)
{
  update_info (self);
}

static void
on_leaflet_folded (CertoWorkspaceView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  certo_requirement_list_set_compact (self->requirement_list, folded);
  if (folded)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_headers (self);
}

static void
on_section_selected (CertoWorkspaceView *self,
                     GtkListBoxRow      *row)
{
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= G_N_ELEMENTS (section_names))
    return;

  gtk_stack_set_visible_child_name (self->section_stack, section_names[index]);
  update_headers (self);
}

static void
on_section_activated (CertoWorkspaceView *self,
                      GtkListBoxRow      *row)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_sidebar_button_clicked (CertoWorkspaceView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
on_editor_back_clicked (CertoWorkspaceView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  certo_requirement_list_focus_selected (self->requirement_list);
}

/* Esc in the editor, as Alt+Left and the back button: to the list, on
 * the row the editor shows (side by side, only the focus moves) */
static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CertoWorkspaceView *self = CERTO_WORKSPACE_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") != 0)
    return;
  on_editor_back_clicked (self);
}

/* Alt+Left or a swipe from the editor: the focus was on a page that is
 * gone, so it goes to the row the editor showed */
static void
on_leaflet_child_changed (CertoWorkspaceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") != 0)
    return;

  if (focus == NULL || focus == GTK_WIDGET (self->editor_pane) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor_pane)))
    certo_requirement_list_focus_selected (self->requirement_list);
}

static void
on_requirement_selected (CertoWorkspaceView *self)
{
  CertoRequirementState *requirement = certo_requirement_list_get_selected (self->requirement_list);

  certo_requirement_editor_set_requirement (self->editor, requirement);
  adw_window_title_set_title (self->editor_title,
                              requirement != NULL ? certo_requirement_state_get_display_label (requirement)
                                                  : _("Requirement"));
}

static void
on_requirement_activated (CertoWorkspaceView    *self,
                          CertoRequirementState *requirement)
{
  /* Enter on a row: to the editor, by keyboard as well */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
on_show_requirement (CertoWorkspaceView    *self,
                     CertoRequirementState *requirement)
{
  certo_workspace_view_show_requirement (self, requirement);
}

static void
on_show_group (CertoWorkspaceView *self,
               const char         *group_key)
{
  certo_workspace_view_show_section (self, "soa");
  certo_requirement_list_set_needs_attention (self->requirement_list, FALSE);
  certo_requirement_list_set_group (self->requirement_list, group_key);
}

static void
on_show_attention (CertoWorkspaceView *self)
{
  certo_workspace_view_show_section (self, "soa");
  certo_requirement_list_set_scope (self->requirement_list, CERTO_REQUIREMENT_SCOPE_ANNEX_A);
  certo_requirement_list_set_needs_attention (self->requirement_list, TRUE);
}

static void
on_show_section (CertoWorkspaceView *self,
                 const char         *section)
{
  certo_workspace_view_show_section (self, section);
}

static void
on_save_failed (CertoWorkspaceView *self,
                const GError       *error)
{
  certo_workspace_view_set_save_error (self, error);
}

static void
disconnect_workspace (CertoWorkspaceView *self)
{
  if (self->workspace == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->workspace, self);
}

static void
certo_workspace_view_dispose (GObject *object)
{
  CertoWorkspaceView *self = (CertoWorkspaceView *) object;

  disconnect_workspace (self);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->workspace);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->view_stack);

  G_OBJECT_CLASS (certo_workspace_view_parent_class)->dispose (object);
}

static void
certo_workspace_view_finalize (GObject *object)
{
  CertoWorkspaceView *self = (CertoWorkspaceView *) object;

  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->save_text, g_free);

  G_OBJECT_CLASS (certo_workspace_view_parent_class)->finalize (object);
}

static void
certo_workspace_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CertoWorkspaceView *self = CERTO_WORKSPACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PRIMARY_MENU:
      g_value_set_object (value, self->primary_menu);
      break;
    case PROP_VIEW_STACK:
      g_value_set_object (value, self->view_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CertoWorkspaceView *self = CERTO_WORKSPACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      certo_workspace_view_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_PRIMARY_MENU:
      if (g_set_object (&self->primary_menu, g_value_get_object (value)))
        {
          gtk_menu_button_set_menu_model (self->start_menu_button, self->primary_menu);
          gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VIEW_STACK:
      if (g_set_object (&self->view_stack, g_value_get_object (value)))
        {
          adw_view_switcher_title_set_stack (self->start_switcher, self->view_stack);
          adw_view_switcher_bar_set_stack (self->start_switcher_bar, self->view_stack);
          adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
          adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_view_class_init (CertoWorkspaceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_workspace_view_dispose;
  object_class->finalize = certo_workspace_view_finalize;
  object_class->get_property = certo_workspace_view_get_property;
  object_class->set_property = certo_workspace_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         CERTO_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIMARY_MENU] =
    g_param_spec_object ("primary-menu", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The window's pages: the view switchers in this view's header bars */
  properties[PROP_VIEW_STACK] =
    g_param_spec_object ("view-stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_WORKSPACE_OVERVIEW);
  g_type_ensure (CERTO_TYPE_REQUIREMENT_LIST);
  g_type_ensure (CERTO_TYPE_REQUIREMENT_EDITOR);
  g_type_ensure (CERTO_TYPE_AUDIT_LIST);
  g_type_ensure (CERTO_TYPE_FINDING_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-workspace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, start_switcher);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, start_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, start_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, recover_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, start_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, framework_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, soa_version_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, save_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, save_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, overview_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, soa_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, audits_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, findings_row);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, content_header);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, search_button);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, section_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, overview);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, requirement_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, audit_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, finding_list);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, editor_title);
  gtk_widget_class_bind_template_child (widget_class, CertoWorkspaceView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_requirement_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_requirement_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_requirement);
  gtk_widget_class_bind_template_callback (widget_class, on_show_group);
  gtk_widget_class_bind_template_callback (widget_class, on_show_attention);
  gtk_widget_class_bind_template_callback (widget_class, on_show_section);

  gtk_widget_class_install_action (widget_class, "workspace.back-to-list", NULL, back_to_list_action);
}

static void
certo_workspace_view_init (CertoWorkspaceView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->watch = certo_workspace_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_workspace_changed), self);

  /* Esc goes back from the editor; in the bubble phase, so a popover, a
   * combo row's list or a search entry handles its own Esc first */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("workspace.back-to-list")));
  gtk_widget_add_controller (GTK_WIDGET (self->editor_pane), controller);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (on_leaflet_child_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_select_row (self->sections_list, self->overview_row);
  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_stack_set_visible_child_name (self->start_stack, "empty");
  update_headers (self);
}

/**
 * certo_workspace_view_get_workspace:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
CertoWorkspace *
certo_workspace_view_get_workspace (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return self->workspace;
}

/**
 * certo_workspace_view_set_workspace:
 * @self: a #CertoWorkspaceView
 * @workspace: (nullable): an open workspace, or %NULL for "No Workspace Open"
 */
void
certo_workspace_view_set_workspace (CertoWorkspaceView *self,
                                    CertoWorkspace     *workspace)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  certo_workspace_view_commit (self);
  disconnect_workspace (self);
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->save_error, g_free);

  certo_workspace_watch_set_workspace (self->watch, workspace);
  certo_workspace_overview_set_workspace (self->overview, workspace);
  certo_requirement_list_set_workspace (self->requirement_list, workspace);
  certo_requirement_editor_set_workspace (self->editor, workspace);
  certo_audit_list_set_workspace (self->audit_list, workspace);
  certo_finding_list_set_workspace (self->finding_list, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "notify::dirty", G_CALLBACK (on_save_state_changed), self);
      g_signal_connect_swapped (workspace, "notify::saving", G_CALLBACK (on_save_state_changed), self);
      g_signal_connect_swapped (workspace, "notify::file", G_CALLBACK (on_save_state_changed), self);
      g_signal_connect_swapped (workspace, "save-failed", G_CALLBACK (on_save_failed), self);
      update_info (self);
      update_save_state (self);
      gtk_list_box_select_row (self->sections_list, self->overview_row);
      gtk_stack_set_visible_child_name (self->stack, "workspace");
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      certo_workspace_view_set_opening (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * certo_workspace_view_set_catalog:
 * @self: a #CertoWorkspaceView
 * @catalog: (nullable): the catalog Library documents come from
 */
void
certo_workspace_view_set_catalog (CertoWorkspaceView *self,
                                  CertoCatalog       *catalog)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  certo_requirement_editor_set_catalog (self->editor, catalog);
}

/**
 * certo_workspace_view_set_opening:
 * @self: a #CertoWorkspaceView
 * @name: (nullable): the file being opened or made, for "Opening
 *   “acme.certo”…"; %NULL when nothing is
 *
 * Without a workspace, shows that one is being opened, or the start page.
 */
void
certo_workspace_view_set_opening (CertoWorkspaceView *self,
                                  const char         *name)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  if (name != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Opening “%s”…"), name);
      adw_status_page_set_title (self->loading_page, title);
    }

  gtk_spinner_set_spinning (self->loading_spinner, name != NULL);
  gtk_stack_set_visible_child_name (self->start_stack, name != NULL ? "loading" : "empty");
}

/**
 * certo_workspace_view_set_n_recoverable:
 * @self: a #CertoWorkspaceView
 * @n_recoverable: how many crashed sessions left unsaved changes
 *
 * Offers "Recover Unsaved Changes…" on the start page when there are any.
 */
void
certo_workspace_view_set_n_recoverable (CertoWorkspaceView *self,
                                        guint               n_recoverable)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  gtk_widget_set_visible (self->recover_button, n_recoverable > 0);
}

/**
 * certo_workspace_view_set_save_error:
 * @self: a #CertoWorkspaceView
 * @error: (nullable): why the last save failed; %NULL to forget it
 *
 * Shows "Not saved: …" with Retry and Save As, until a save succeeds.
 */
void
certo_workspace_view_set_save_error (CertoWorkspaceView *self,
                                     const GError       *error)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  g_free (self->save_error);
  self->save_error = error != NULL ? g_strdup (error->message) : NULL;
  update_save_state (self);
}

/**
 * certo_workspace_view_get_save_text:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none) (nullable): the save state shown ("Saved",
 *   "Saving…", "Not saved: …")
 */
const char *
certo_workspace_view_get_save_text (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return self->save_text;
}

/**
 * certo_workspace_view_show_section:
 * @self: a #CertoWorkspaceView
 * @section: "overview", "soa", "audits" or "findings"
 */
void
certo_workspace_view_show_section (CertoWorkspaceView *self,
                                   const char         *section)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  gtk_list_box_select_row (self->sections_list, section_row (self, section));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/**
 * certo_workspace_view_get_section:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none): the section shown
 */
const char *
certo_workspace_view_get_section (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->section_stack);
}

/**
 * certo_workspace_view_show_requirement:
 * @self: a #CertoWorkspaceView
 * @requirement: a requirement of the workspace
 *
 * Shows the Statement of Applicability with @requirement selected and in
 * the editor.
 */
void
certo_workspace_view_show_requirement (CertoWorkspaceView    *self,
                                       CertoRequirementState *requirement)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  certo_workspace_view_show_section (self, "soa");
  certo_requirement_list_select (self->requirement_list, requirement);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

/**
 * certo_workspace_view_begin_search:
 * @self: a #CertoWorkspaceView
 *
 * Shows the Statement of Applicability and its search (Ctrl+F).
 */
void
certo_workspace_view_begin_search (CertoWorkspaceView *self)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  if (self->workspace == NULL)
    return;

  certo_workspace_view_show_section (self, "soa");
  certo_requirement_list_begin_search (self->requirement_list);
}

/**
 * certo_workspace_view_commit:
 * @self: a #CertoWorkspaceView
 *
 * Writes text typed but not yet written (after a pause) at once: before
 * an undo, a save or closing.
 */
void
certo_workspace_view_commit (CertoWorkspaceView *self)
{
  g_return_if_fail (CERTO_IS_WORKSPACE_VIEW (self));

  certo_requirement_editor_commit (self->editor);
  certo_audit_list_commit (self->audit_list);
}

/**
 * certo_workspace_view_get_requirement_list:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none): the Statement of Applicability table
 */
CertoRequirementList *
certo_workspace_view_get_requirement_list (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return self->requirement_list;
}

/**
 * certo_workspace_view_get_editor:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none): the requirement editor
 */
CertoRequirementEditor *
certo_workspace_view_get_editor (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return self->editor;
}

/**
 * certo_workspace_view_get_overview:
 * @self: a #CertoWorkspaceView
 *
 * Returns: (transfer none): the overview
 */
CertoWorkspaceOverview *
certo_workspace_view_get_overview (CertoWorkspaceView *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_VIEW (self), NULL);

  return self->overview;
}
