/* certo-library-view.c — the trust library: sections, services, documents, details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-library-view-private.h"
#include "certo-offline-bar.h"
#include "certo-service-row.h"
#include "certo-sidebar-item.h"
#include "certo-sidebar-row.h"
#include "certo-whats-new.h"

/* The Title column's room before optional columns are dropped, in px */
#define TITLE_MIN_WIDTH 280

G_DEFINE_FINAL_TYPE (CertoLibraryView, certo_library_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_PRIMARY_MENU,
  PROP_VIEW_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows the list, "No Results" (naming the query) or "No Documents" for
 * what the filters leave, and the counts in the header bar */
void
certo_library_view_update_states (CertoLibraryView *self)
{
  guint n_services = 0;
  guint n_documents = 0;
  guint n_total = 0;
  g_autofree char *services_text = NULL;
  g_autofree char *documents_text = NULL;
  g_autofree char *subtitle = NULL;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if (self->services_filtered != NULL)
    n_services = g_list_model_get_n_items (G_LIST_MODEL (self->services_filtered));
  if (self->documents_sorted != NULL)
    n_documents = g_list_model_get_n_items (G_LIST_MODEL (self->documents_sorted));
  if (self->catalog_documents != NULL)
    n_total = g_list_model_get_n_items (self->catalog_documents);

  gtk_stack_set_visible_child_name (self->services_stack, n_services > 0 ? "list" : "empty");
  if (n_services == 0)
    {
      g_autofree char *text = NULL;

      if (certo_library_view_has_query (self))
        /* Translators: %s is what the user searched for */
        text = g_strdup_printf (_("No service matches “%s”"), self->query_text);
      else
        text = g_strdup (_("No in-scope services in this section"));
      gtk_label_set_text (self->services_empty_label, text);
    }

  if (n_documents > 0)
    {
      gtk_stack_set_visible_child_name (self->documents_stack, "list");
    }
  else if (certo_library_view_has_query (self))
    {
      g_autofree char *description = NULL;

      /* AdwStatusPage:description is markup: the query is escaped */
      description = g_markup_printf_escaped (_("No document matches “%s”. Try other words, or another section."),
                                             self->query_text);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->documents_stack, "no-results");
    }
  else
    {
      if (n_total == 0)
        adw_status_page_set_description (self->empty_page,
                                         _("The catalog has no documents. Import a catalog file or a compliance-offering article with Import… (Ctrl+O)."));
      else if (self->service != NULL)
        adw_status_page_set_description (self->empty_page,
                                         _("No document in this section covers the selected service."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("No document in the catalog belongs to this section."));
      gtk_stack_set_visible_child_name (self->documents_stack, "empty");
    }

  if (self->section == CERTO_SIDEBAR_ITEM_WHATS_NEW)
    {
      GListModel *changes = certo_whats_new_get_changes (self->whats_new);
      guint n_changes = changes != NULL ? g_list_model_get_n_items (changes) : 0;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes), n_changes);
      adw_view_switcher_title_set_subtitle (self->content_title, folded ? NULL : subtitle);
      adw_view_switcher_title_set_title (self->content_title, self->section_title);
      return;
    }

  services_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n_services),
                                   n_services);
  documents_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents),
                                    n_documents);
  if (gtk_widget_get_visible (self->documents_pane))
    /* Translators: "18 services · 30 documents" */
    subtitle = g_strdup_printf (_("%s · %s"), services_text, documents_text);
  else
    subtitle = g_strdup (services_text);
  /* Shown instead of the view switcher when the header is narrow; at
   * phone width the title alone fits ("Libr…" / "18 se…" did not) */
  adw_view_switcher_title_set_subtitle (self->content_title, folded ? NULL : subtitle);
  /* Folded, the switcher bar below says "Library" already */
  adw_view_switcher_title_set_title (self->content_title,
                                     self->section_title ? self->section_title : folded ? "" : _("Library"));
}

static void
update_service_heading (CertoLibraryView *self)
{
  if (self->service != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a service name */
      text = g_strdup_printf (_("Documents covering “%s”"), certo_service_get_name (self->service));
      gtk_label_set_text (self->documents_heading, text);
    }
  else
    {
      gtk_label_set_text (self->documents_heading, _("Documents"));
    }

  gtk_widget_set_visible (self->clear_service_button, self->service != NULL);
  /* "In-scope services" gives the list the whole height until one is chosen */
  gtk_widget_set_visible (self->documents_pane,
                          self->section != CERTO_SIDEBAR_ITEM_SERVICES || self->service != NULL);
}

/* The documents list's columns: a family's or a kind's own column says
 * the same on every row, so its room goes to the titles; at phone width
 * the list keeps the title and the kind (the details have the rest) */
static void
update_columns (CertoLibraryView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->documents_view));
  double width = hadjustment != NULL ? gtk_adjustment_get_page_size (hadjustment) : 0;
  /* Dropped first when the list is too narrow for them and a readable
   * title: the details pane shows every field */
  GtkColumnViewColumn *optional[] = {
    self->family_column, self->standards_column, self->number_column, self->issuer_column,
  };
  gboolean wanted[] = {
    !folded && self->section != CERTO_SIDEBAR_ITEM_FAMILY, !folded, !folded, !folded,
  };
  int used = TITLE_MIN_WIDTH;
  /* Less a little for the columns' own padding */
  int title_width = (int) width - 12;

  gtk_column_view_column_set_visible (self->kind_column, self->section != CERTO_SIDEBAR_ITEM_DOCUMENT_KIND);
  if (gtk_column_view_column_get_visible (self->kind_column))
    {
      used += gtk_column_view_column_get_fixed_width (self->kind_column);
      title_width -= gtk_column_view_column_get_fixed_width (self->kind_column);
    }

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      gboolean visible = wanted[i];

      if (visible && width > 0)
        {
          used += gtk_column_view_column_get_fixed_width (optional[i]);
          visible = used <= width;
        }
      gtk_column_view_column_set_visible (optional[i], visible);
      if (visible)
        title_width -= gtk_column_view_column_get_fixed_width (optional[i]);
    }

  /* GTK 4.8 shrinks "fixed" columns to their cells' minimum and shares
   * the rest by natural widths, so Title would get what is left after
   * every other column's natural width: give it the room explicitly. A
   * column's visibility alone does not lay the view out again (4.8). */
  self->documents_width = width;
  /* At phone width Title takes what Kind leaves, even below its minimum */
  gtk_column_view_column_set_fixed_width (self->title_column, width > 0 ? MAX (title_width, 120) : -1);
  gtk_widget_queue_resize (GTK_WIDGET (self->documents_view));
}

static gboolean
update_columns_idle (gpointer user_data)
{
  CertoLibraryView *self = user_data;

  self->columns_idle = 0;
  update_columns (self);
  return G_SOURCE_REMOVE;
}

/* The list's width changed (window, paned, fold): columns follow after
 * the allocation, not during it */
static void
on_documents_width_changed (CertoLibraryView *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->documents_view));
  double width = gtk_adjustment_get_page_size (hadjustment);

  if (width == self->documents_width || self->columns_idle != 0)
    return;

  self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_columns_idle, self, NULL);
}

/* Shows the section @item stands for: its filters, title and panes */
void
certo_library_view_apply_section (CertoLibraryView *self,
                                  CertoSidebarItem *item)
{
  CertoFamily *family;

  self->section = item ? certo_sidebar_item_get_kind (item) : CERTO_SIDEBAR_ITEM_ALL;
  if (self->section == CERTO_SIDEBAR_ITEM_HEADER)
    self->section = CERTO_SIDEBAR_ITEM_ALL;
  family = item ? certo_sidebar_item_get_family (item) : NULL;
  self->section_family_id = family ? certo_family_get_id (family) : 0;
  self->section_document_kind = item ? certo_sidebar_item_get_document_kind (item) : CERTO_DOCUMENT_KIND_OTHER;
  g_free (self->section_title);
  self->section_title = g_strdup (item && self->section != CERTO_SIDEBAR_ITEM_ALL
                                  ? certo_sidebar_item_get_title (item) : NULL);

  gtk_stack_set_visible_child_name (self->content_stack,
                                    self->section == CERTO_SIDEBAR_ITEM_WHATS_NEW ? "whats-new" : "browse");
  update_columns (self);
  gtk_widget_set_visible (self->save_shown_button, self->section != CERTO_SIDEBAR_ITEM_WHATS_NEW);

  gtk_filter_changed (self->services_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->documents_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_service_heading (self);
  certo_library_view_update_states (self);
}

static void
set_query (CertoLibraryView *self,
           const char       *text)
{
  if (g_strcmp0 (text, self->query_text) == 0)
    return;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_free (self->query_text);
  self->query_text = g_strdup (text);
  if (text != NULL && *text != '\0')
    self->query = certo_search_query_new (text);

  gtk_filter_changed (self->services_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->documents_filter, GTK_FILTER_CHANGE_DIFFERENT);
  certo_library_view_update_states (self);
}

/* The sidebar's selection changed: its section filters the lists */
void
certo_library_view_sidebar_selected (CertoLibraryView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->sidebar_selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* A reload of the families moves the selection; the section is chosen
   * again by its key once every model has followed */
  if (self->reloading_families)
    return;

  g_free (self->section_key);
  self->section_key = item ? certo_library_view_dup_section_key (item) : NULL;
  certo_library_view_apply_section (self, item);

  /* The user chose a section (not a reload moving the selection): at
   * narrow widths, show what it holds */
  if (adw_leaflet_get_folded (self->leaflet)
      && focus != NULL
      && (focus == GTK_WIDGET (self->sidebar_list)
          || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list))))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_sidebar_activated (CertoLibraryView *self,
                      guint             position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* The services list's selection changed: the documents covering the
 * selected service, or all of them again */
void
certo_library_view_service_selected (CertoLibraryView *self)
{
  CertoService *service = gtk_single_selection_get_selected_item (self->services_selection);

  if (service != NULL)
    {
      g_free (self->service_key);
      self->service_key = g_strdup (certo_service_get_key (service));
    }
  else if (!self->reloading_services)
    {
      g_clear_pointer (&self->service_key, g_free);
    }

  if (!g_set_object (&self->service, service))
    return;

  gtk_filter_changed (self->documents_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_service_heading (self);
  certo_library_view_update_states (self);
}

/* The documents list's selection changed: the details pane follows */
void
certo_library_view_document_selected (CertoLibraryView *self)
{
  CertoDocument *document = gtk_single_selection_get_selected_item (self->documents_selection);

  if (document != NULL)
    {
      g_free (self->document_key);
      self->document_key = g_strdup (certo_document_get_key (document));
    }
  else if (!self->reloading_documents)
    {
      g_clear_pointer (&self->document_key, g_free);
    }

  certo_document_details_set_document (self->details, document);
}

/* A filtered model changed size: the states and counts follow */
void
certo_library_view_models_changed (CertoLibraryView *self)
{
  certo_library_view_update_states (self);
}

static void
on_document_activated (CertoLibraryView *self,
                       guint             position)
{
  gtk_single_selection_set_selected (self->documents_selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");

  /* Return on a document: on to its actions, without Tabbing through the
   * list */
  certo_document_details_focus_first (self->details);
}

static void
on_leaflet_folded (CertoLibraryView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* At narrow widths a tap opens a document; wide, a click selects it */
  gtk_column_view_set_single_click_activate (self->documents_view, folded);
  update_columns (self);
  certo_library_view_update_states (self);
  if (folded)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_sidebar_button_clicked (CertoLibraryView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_details_back_clicked (CertoLibraryView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_search_changed (CertoLibraryView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A search looks through the services and documents */
  if (self->section == CERTO_SIDEBAR_ITEM_WHATS_NEW && *text != '\0')
    gtk_single_selection_set_selected (self->sidebar_selection, 0);

  set_query (self, text);
}

static void
on_change_activated (CertoLibraryView *self,
                     CertoChange      *change)
{
  certo_library_view_on_change_activated (self, change);
}

static void
on_pane_position_changed (CertoLibraryView *self)
{
  certo_library_view_on_pane_position_changed (self);
}

static void
on_stop_search (CertoLibraryView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (CertoLibraryView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_query (self, NULL);
    }
}

static void
on_clear_service_clicked (CertoLibraryView *self)
{
  gtk_single_selection_set_selected (self->services_selection, GTK_INVALID_LIST_POSITION);
}

static void
on_details_service_activated (CertoLibraryView *self,
                              CertoService     *service)
{
  certo_library_view_select_service (self, service);
}

static gboolean
copy_link_binding (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);

  return certo_document_details_copy_link (self->details);
}

/* F6 and Shift+F6 go from pane to pane, as in other GNOME apps: the
 * sidebar, the services, the documents, the details; panes not shown
 * (folded, another section) are skipped */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);
  gboolean forward = g_variant_get_boolean (param);
  GtkWidget *panes[] = {
    GTK_WIDGET (self->sidebar_list), GTK_WIDGET (self->services_list),
    GTK_WIDGET (self->documents_view), GTK_WIDGET (self->details),
  };
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int n = G_N_ELEMENTS (panes);
  int current = -1;

  for (int i = 0; i < n && focus != NULL; i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      current = i;

  for (int step = 1; step <= n; step++)
    {
      int i = current < 0 ? (forward ? step - 1 : n - step)
                          : ((current + (forward ? step : -step)) % n + n) % n;
      GtkWidget *pane = panes[i];

      if (i == current || !gtk_widget_is_drawable (pane))
        continue;
      if (pane == GTK_WIDGET (self->details))
        {
          if (certo_document_details_focus_first (self->details))
            return;
          continue;
        }
      if (gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD) || gtk_widget_grab_focus (pane))
        return;
    }
}

static void
certo_library_view_root (GtkWidget *widget)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);

  GTK_WIDGET_CLASS (certo_library_view_parent_class)->root (widget);

  /* Typing anywhere in the window starts a search */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
certo_library_view_unroot (GtkWidget *widget)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  certo_library_view_save_pane_position (self);

  GTK_WIDGET_CLASS (certo_library_view_parent_class)->unroot (widget);
}

static void
certo_library_view_dispose (GObject *object)
{
  CertoLibraryView *self = (CertoLibraryView *) object;

  g_clear_handle_id (&self->columns_idle, g_source_remove);
  certo_library_view_sync_dispose (self);
  certo_library_view_clear_models (self);
  g_clear_object (&self->services_filter);
  g_clear_object (&self->documents_filter);
  g_clear_object (&self->kinds_filter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->view_stack);

  G_OBJECT_CLASS (certo_library_view_parent_class)->dispose (object);
}

static void
certo_library_view_finalize (GObject *object)
{
  CertoLibraryView *self = (CertoLibraryView *) object;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->section_title, g_free);
  g_clear_pointer (&self->section_key, g_free);

  G_OBJECT_CLASS (certo_library_view_parent_class)->finalize (object);
}

static void
certo_library_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
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
certo_library_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CertoLibraryView *self = CERTO_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      certo_library_view_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_PRIMARY_MENU:
      certo_library_view_set_primary_menu (self, g_value_get_object (value));
      break;
    case PROP_VIEW_STACK:
      if (g_set_object (&self->view_stack, g_value_get_object (value)))
        {
          adw_view_switcher_title_set_stack (self->content_title, self->view_stack);
          adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_library_view_class_init (CertoLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_library_view_dispose;
  object_class->finalize = certo_library_view_finalize;
  object_class->get_property = certo_library_view_get_property;
  object_class->set_property = certo_library_view_set_property;

  widget_class->root = certo_library_view_root;
  widget_class->unroot = certo_library_view_unroot;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIMARY_MENU] =
    g_param_spec_object ("primary-menu", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The window's pages, for the view switcher in the content's header bar */
  properties[PROP_VIEW_STACK] =
    g_param_spec_object ("view-stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_DOCUMENT);
  g_type_ensure (CERTO_TYPE_DOCUMENT_DETAILS);
  g_type_ensure (CERTO_TYPE_SERVICE_ROW);
  g_type_ensure (CERTO_TYPE_SIDEBAR_ITEM);
  g_type_ensure (CERTO_TYPE_SIDEBAR_ROW);
  g_type_ensure (CERTO_TYPE_OFFLINE_BAR);
  g_type_ensure (CERTO_TYPE_WHATS_NEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, content_title);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, content_paned);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, whats_new);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, save_shown_button);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, services_pane);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, services_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, services_list);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, services_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, documents_pane);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, documents_heading);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, clear_service_button);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, documents_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, documents_view);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, title_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, family_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, standards_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, number_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, issuer_column);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CertoLibraryView, details);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_details_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_service_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_details_service_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_change_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_pane_position_changed);

  certo_library_view_sync_class_init (widget_class);

  /* Ctrl+C copies the selected document's link; a focused text field or a
   * selectable label with a selection handles it first */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, copy_link_binding, NULL);
  gtk_widget_class_install_action (widget_class, "library.focus-pane", "b", focus_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "library.focus-pane", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "library.focus-pane", "b", FALSE);
}

static void
certo_library_view_init (CertoLibraryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->section = CERTO_SIDEBAR_ITEM_ALL;
  certo_library_view_init_filters (self);
  certo_library_view_init_columns (self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->documents_view)), "changed",
                           G_CALLBACK (on_documents_width_changed), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->sidebar_list, "activate",
                           G_CALLBACK (on_sidebar_activated), self, G_CONNECT_SWAPPED);

  certo_library_view_build_models (self);
  certo_library_view_update_sync_state (self);
}

/**
 * certo_library_view_get_catalog:
 * @self: a #CertoLibraryView
 *
 * Returns: (transfer none) (nullable): the catalog shown
 */
CertoCatalog *
certo_library_view_get_catalog (CertoLibraryView *self)
{
  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), NULL);

  return self->catalog;
}

/**
 * certo_library_view_set_catalog:
 * @self: a #CertoLibraryView
 * @catalog: (nullable): the catalog to show
 *
 * Shows @catalog's families, kinds, services and documents. The lists
 * follow the catalog's models as it loads and imports; nothing here reads
 * the database.
 */
void
certo_library_view_set_catalog (CertoLibraryView *self,
                                CertoCatalog     *catalog)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));
  g_return_if_fail (catalog == NULL || CERTO_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  certo_library_view_clear_models (self);
  g_set_object (&self->catalog, catalog);
  certo_document_details_set_catalog (self->details, catalog);
  certo_whats_new_set_catalog (self->whats_new, catalog);
  certo_library_view_build_models (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * certo_library_view_get_primary_menu:
 * @self: a #CertoLibraryView
 *
 * Returns: (transfer none) (nullable): the menu of the header bar's menu button
 */
GMenuModel *
certo_library_view_get_primary_menu (CertoLibraryView *self)
{
  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), NULL);

  return self->primary_menu;
}

/**
 * certo_library_view_set_primary_menu:
 * @self: a #CertoLibraryView
 * @menu: (nullable): the window's primary menu
 */
void
certo_library_view_set_primary_menu (CertoLibraryView *self,
                                     GMenuModel       *menu)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  if (!g_set_object (&self->primary_menu, menu))
    return;

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_MENU]);
}

/**
 * certo_library_view_begin_search:
 * @self: a #CertoLibraryView
 *
 * Shows the search bar and focuses its entry (Ctrl+F); when already
 * searching, selects the text typed so far.
 */
void
certo_library_view_begin_search (CertoLibraryView *self)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * certo_library_view_select_service:
 * @self: a #CertoLibraryView
 * @service: a service of the catalog
 *
 * Selects @service in the services list, so the documents list shows the
 * documents covering it. A search or section that hides @service is
 * cleared first.
 */
void
certo_library_view_select_service (CertoLibraryView *self,
                                   CertoService     *service)
{
  guint position;

  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));
  g_return_if_fail (CERTO_IS_SERVICE (service));

  if (self->services_filtered == NULL)
    return;

  position = certo_library_view_find_service (G_LIST_MODEL (self->services_filtered), service);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      set_query (self, NULL);
      gtk_single_selection_set_selected (self->sidebar_selection, 0);
      position = certo_library_view_find_service (G_LIST_MODEL (self->services_filtered), service);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->services_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->services_list), "list.scroll-to-item", "u", position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/**
 * certo_library_view_get_services:
 * @self: a #CertoLibraryView
 *
 * Returns: (transfer none): the services shown, after the section and the
 *   search (items are #CertoService)
 */
GListModel *
certo_library_view_get_services (CertoLibraryView *self)
{
  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), NULL);

  return G_LIST_MODEL (self->services_filtered);
}

/**
 * certo_library_view_get_documents:
 * @self: a #CertoLibraryView
 *
 * Returns: (transfer none): the documents shown, filtered and in the order
 *   shown (items are #CertoDocument)
 */
GListModel *
certo_library_view_get_documents (CertoLibraryView *self)
{
  g_return_val_if_fail (CERTO_IS_LIBRARY_VIEW (self), NULL);

  return G_LIST_MODEL (self->documents_sorted);
}

/**
 * certo_library_view_show_content:
 * @self: a #CertoLibraryView
 *
 * At narrow widths, shows the services and documents rather than the
 * sections; does nothing when all panes fit.
 */
void
certo_library_view_show_content (CertoLibraryView *self)
{
  g_return_if_fail (CERTO_IS_LIBRARY_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}
