/* certo-document-details.c — every field of one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-document-offline.h"
#include "certo-reader-view.h"
#include "certo-sidebar-item.h"
#include "certo-sync-util.h"

struct _CertoDocumentDetails
{
  AdwBin         parent_instance;

  CertoCatalog  *catalog;
  CertoOffline  *offline;
  CertoDocument *document;
  GListModel    *services;        /* covered services that match the catalog */
  GtkStringList *urls;

  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkImage      *kind_icon;
  GtkLabel      *kind_label;
  GtkLabel      *title_label;
  GtkWidget     *updated_badge;
  GtkLabel      *updated_label;
  GtkWidget     *withdrawn_box;
  GtkLabel      *withdrawn_label;
  CertoDocumentOffline *offline_section;
  GtkWidget     *read_button;
  GtkWidget     *notice_box;
  GtkWidget     *open_button;
  GtkWidget     *copy_button;
  GtkWidget     *verify_button;
  GtkWidget     *evidence_button;
  GtkWidget     *family_caption;
  GtkLabel      *family_value;
  GtkWidget     *standards_caption;
  GtkLabel      *standards_value;
  GtkWidget     *number_caption;
  GtkLabel      *number_value;
  GtkWidget     *issuer_caption;
  GtkLabel      *issuer_value;
  GtkWidget     *issued_caption;
  GtkLabel      *issued_value;
  GtkWidget     *expires_caption;
  GtkLabel      *expires_value;
  GtkWidget     *language_caption;
  GtkLabel      *language_value;
  GtkWidget     *services_box;
  GtkListBox    *services_list;
  GtkLabel      *other_services_label;
  GtkWidget     *links_box;
  GtkListBox    *links_list;
  GtkLabel      *source_label;
};

G_DEFINE_FINAL_TYPE (CertoDocumentDetails, certo_document_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  SERVICE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_toast (CertoDocumentDetails *self,
            const char           *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* Opens @uri in the browser: only http and https, whatever the catalog says */
static void
open_web_uri (CertoDocumentDetails *self,
              const char           *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (uri == NULL || !certo_uri_is_web (uri))
    {
      show_toast (self, _("Only web addresses (http and https) can be opened"));
      return;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
}

/* Sets a caption/value pair of the fields grid, hiding both when @text is
 * absent. Remote text: plain text only. */
static void
set_field (GtkWidget  *caption,
           GtkLabel   *value,
           const char *text)
{
  gboolean visible = text != NULL && *text != '\0';

  gtk_label_set_text (value, visible ? text : "");
  gtk_widget_set_visible (caption, visible);
  gtk_widget_set_visible (GTK_WIDGET (value), visible);
}

static gboolean
covers_iso27001_2013 (CertoDocumentDetails *self)
{
  const gint64 *ids;
  guint n_ids = 0;

  if (self->catalog == NULL)
    return FALSE;

  ids = certo_document_get_standard_ids (self->document, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      CertoStandard *standard = certo_catalog_find_standard (self->catalog, ids[i]);

      if (standard != NULL && certo_standard_is_iso27001_2013 (standard))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
create_service_row (gpointer item,
                    gpointer user_data)
{
  CertoService *service = item;
  const char *families = certo_service_get_families_label (service);
  GtkWidget *row = adw_action_row_new ();

  /* Remote text: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), certo_service_get_name (service));
  if (families != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), families);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, _("Show the documents that cover this service"));

  return row;
}

/* Shift+F10, the Menu key and a right click on a link row: the link's
 * own actions, not a label's Cut/Copy/Paste */
static gboolean
popup_link_menu (GtkWidget *row,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (row), "certo-link-menu");

  gtk_popover_popup (GTK_POPOVER (popover));
  return TRUE;
}

static void
on_link_row_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *popover = g_object_get_data (G_OBJECT (row), "certo-link-menu");
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &at);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
unparent_popover (GtkWidget *row,
                  gpointer   user_data)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (row), "certo-link-menu");

  if (popover != NULL && gtk_widget_get_parent (popover) == row)
    gtk_widget_unparent (popover);
}

static GtkWidget *
create_link_row (gpointer item,
                 gpointer user_data)
{
  const char *uri = gtk_string_object_get_string (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) open_item = g_menu_item_new (_("_Open Link"), NULL);
  g_autoptr(GMenuItem) copy_item = g_menu_item_new (_("_Copy Link"), NULL);
  GtkWidget *popover;
  GtkEventController *shortcuts;
  GtkGesture *click;

  /* The row, not its title, takes the focus: one Tab stop per link; the
   * address is copied with Copy Link */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uri);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, _("Right-click or press Shift+F10 to copy the link"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Link"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.open-url");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (uri));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_menu_item_set_action_and_target_value (open_item, "details.open-url", g_variant_new_string (uri));
  g_menu_item_set_action_and_target_value (copy_item, "details.copy-url", g_variant_new_string (uri));
  g_menu_append_item (menu, open_item);
  g_menu_append_item (menu, copy_item);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_widget_set_parent (popover, row);
  g_object_set_data (G_OBJECT (row), "certo-link-menu", popover);
  g_signal_connect (row, "destroy", G_CALLBACK (unparent_popover), NULL);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          gtk_callback_action_new (popup_link_menu, NULL, NULL)));
  gtk_widget_add_controller (row, shortcuts);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_link_row_pressed), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  return row;
}

static void
update_services (CertoDocumentDetails *self)
{
  const char * const *names = certo_document_get_service_names (self->document);
  guint n_services = 0;

  g_clear_object (&self->services);
  if (self->catalog != NULL)
    self->services = certo_catalog_list_services_for_document (self->catalog, self->document);
  if (self->services != NULL)
    n_services = g_list_model_get_n_items (self->services);

  gtk_list_box_bind_model (self->services_list, self->services,
                           create_service_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->services_list), n_services > 0);

  if (names != NULL && names[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) names);
      g_autofree char *text = NULL;

      /* Translators: names of services a document covers that are not in the list of in-scope services */
      text = g_strdup_printf (n_services > 0 ? _("Also: %s") : "%s", joined);
      gtk_label_set_text (self->other_services_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->other_services_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->other_services_label), FALSE);
    }

  gtk_widget_set_visible (self->services_box,
                          n_services > 0 || (names != NULL && names[0] != NULL));
}

static void
update_links (CertoDocumentDetails *self)
{
  const char * const *urls = certo_document_get_urls (self->document);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    {
      if (certo_uri_is_web (urls[i]))
        gtk_string_list_append (list, urls[i]);
    }

  g_set_object (&self->urls, list);
  gtk_list_box_bind_model (self->links_list, G_LIST_MODEL (self->urls),
                           create_link_row, self, NULL);
  gtk_widget_set_visible (self->links_box, g_list_model_get_n_items (G_LIST_MODEL (list)) > 0);
}

static void
update_source (CertoDocumentDetails *self)
{
  CertoSource *source = NULL;
  const char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (self->catalog != NULL)
    source = certo_catalog_find_source (self->catalog, certo_document_get_source_id (self->document));
  if (source != NULL)
    {
      name = certo_source_get_name (source);
      date = certo_format_date (certo_source_get_content_date (source));
    }

  if (name != NULL && date != NULL)
    /* Translators: the first %s is a catalog's name, the second a date */
    text = g_strdup_printf (_("From “%s”, content as of %s"), name, date);
  else if (date != NULL)
    /* Translators: %s is a date */
    text = g_strdup_printf (_("Content as of %s"), date);
  else if (name != NULL)
    /* Translators: %s is a catalog's name */
    text = g_strdup_printf (_("From “%s”"), name);

  gtk_label_set_text (self->source_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), text != NULL);

  /* An article's overview and FAQ can be read offline */
  gtk_widget_set_visible (self->read_button,
                          source != NULL && certo_source_get_format (source) == CERTO_SOURCE_FORMAT_ARTICLE);
}

/* "Updated" (30 days, see certo_document_is_updated()) and "Withdrawn":
 * words with an icon, never a colour alone */
static void
update_status (CertoDocumentDetails *self)
{
  CertoDocument *doc = self->document;
  gboolean updated = certo_document_is_updated (doc);
  gboolean withdrawn = certo_document_get_withdrawn (doc);

  gtk_widget_set_visible (self->updated_badge, updated && !withdrawn);
  if (updated)
    {
      g_autofree char *when = certo_format_relative_time (certo_document_get_updated_at (doc));
      g_autofree char *text = NULL;

      if (when != NULL)
        /* Translators: %s is a relative time, "3 days ago" */
        text = g_strdup_printf (_("Updated %s"), when);
      gtk_label_set_text (self->updated_label, text != NULL ? text : _("Updated"));
    }

  gtk_widget_set_visible (self->withdrawn_box, withdrawn);
  if (withdrawn)
    {
      g_autofree char *day = certo_format_day (certo_document_get_withdrawn_at (doc));
      g_autofree char *text = NULL;

      if (day != NULL)
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Withdrawn by its source on %s. It stays here, readable offline, as long as you keep its offline copy."), day);
      else
        text = g_strdup (_("Withdrawn by its source. It stays here, readable offline, as long as you keep its offline copy."));
      gtk_label_set_text (self->withdrawn_label, text);
    }
}

static void
update (CertoDocumentDetails *self)
{
  CertoDocument *doc = self->document;
  const char *url;
  g_autofree char *verify_url = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *expires = NULL;

  gtk_stack_set_visible_child_name (self->stack, doc != NULL ? "document" : "empty");

  if (doc == NULL)
    {
      gtk_list_box_bind_model (self->services_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->links_list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->services);
      g_clear_object (&self->urls);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.open", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.copy-link", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.verify", FALSE);
      certo_document_offline_set_document (self->offline_section, NULL);
      return;
    }

  certo_document_offline_set_document (self->offline_section, doc);

  gtk_label_set_text (self->title_label, certo_document_get_title (doc));
  gtk_label_set_text (self->kind_label, certo_document_get_kind_label (doc));
  gtk_image_set_from_icon_name (self->kind_icon, certo_document_kind_get_icon_name (certo_document_get_kind (doc)));

  set_field (self->family_caption, self->family_value, certo_document_get_family_name (doc));
  set_field (self->standards_caption, self->standards_value, certo_document_get_standards_label (doc));
  set_field (self->number_caption, self->number_value, certo_document_get_certificate_number (doc));
  set_field (self->issuer_caption, self->issuer_value, certo_document_get_issuer (doc));
  issued = certo_format_date (certo_document_get_issued (doc));
  set_field (self->issued_caption, self->issued_value, issued);
  expires = certo_format_date (certo_document_get_expires (doc));
  set_field (self->expires_caption, self->expires_value, expires);
  set_field (self->language_caption, self->language_value, certo_document_get_language (doc));

  gtk_widget_set_visible (self->notice_box, covers_iso27001_2013 (self));

  url = certo_document_get_url (doc);
  verify_url = certo_document_dup_verify_url (doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.open", url != NULL && certo_uri_is_web (url));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.copy-link", url != NULL && certo_uri_is_web (url));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.verify", verify_url != NULL && certo_uri_is_web (verify_url));
  gtk_widget_set_visible (self->verify_button, verify_url != NULL && certo_uri_is_web (verify_url));
  /* The window enables it when a workspace is open in it; the target
   * first, so the action is never asked for with no document */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->evidence_button),
                                          g_variant_new_string (certo_document_get_key (doc)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->evidence_button), "win.use-as-evidence");

  update_status (self);
  update_services (self);
  update_links (self);
  update_source (self);

  /* A new document starts at its title */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
on_services_row_activated (CertoDocumentDetails *self,
                           GtkListBoxRow        *row,
                           GtkListBox           *list)
{
  g_autoptr(CertoService) service = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (self->services == NULL || index < 0)
    return;

  service = g_list_model_get_item (self->services, (guint) index);
  if (service != NULL)
    g_signal_emit (self, signals[SERVICE_ACTIVATED], 0, service);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (widget);

  if (self->document != NULL)
    open_web_uri (self, certo_document_get_url (self->document));
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_web_uri (CERTO_DOCUMENT_DETAILS (widget), g_variant_get_string (param, NULL));
}

static void
copy_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  const char *url = g_variant_get_string (param, NULL);

  if (!certo_uri_is_web (url))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  show_toast (CERTO_DOCUMENT_DETAILS (widget), _("Link copied"));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  certo_document_details_copy_link (CERTO_DOCUMENT_DETAILS (widget));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (widget);
  g_autofree char *uri = NULL;

  if (self->document == NULL)
    return;

  uri = certo_document_dup_verify_url (self->document);
  open_web_uri (self, uri);
}

static void
read_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (widget);
  CertoSource *source;

  if (self->document == NULL || self->catalog == NULL)
    return;

  source = certo_catalog_find_source (self->catalog, certo_document_get_source_id (self->document));
  if (source != NULL)
    certo_reader_view_present (widget, self->catalog, source);
}

/* The pane asks for at most this width beside the lists; wrapped labels
 * would otherwise ask for their whole text on one line */
#define NATURAL_WIDTH 320

static void
certo_document_details_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static GtkSizeRequestMode
certo_document_details_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (CERTO_DOCUMENT_DETAILS (widget)->stack));
}

static void
certo_document_details_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
certo_document_details_dispose (GObject *object)
{
  CertoDocumentDetails *self = (CertoDocumentDetails *) object;

  g_clear_object (&self->services);
  g_clear_object (&self->urls);
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_clear_object (&self->offline);

  G_OBJECT_CLASS (certo_document_details_parent_class)->dispose (object);
}

static void
certo_document_details_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_details_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CertoDocumentDetails *self = CERTO_DOCUMENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      certo_document_details_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      certo_document_details_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_details_class_init (CertoDocumentDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_document_details_dispose;
  object_class->get_property = certo_document_details_get_property;
  object_class->set_property = certo_document_details_set_property;

  widget_class->measure = certo_document_details_measure;
  widget_class->size_allocate = certo_document_details_size_allocate;
  widget_class->get_request_mode = certo_document_details_get_request_mode;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CERTO_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoDocumentDetails::service-activated:
   * @self: the details pane
   * @service: the covered service the user activated
   *
   * The user asked to see @service (and the documents covering it).
   */
  signals[SERVICE_ACTIVATED] =
    g_signal_new ("service-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CERTO_TYPE_SERVICE);

  g_type_ensure (CERTO_TYPE_DOCUMENT_OFFLINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-document-details.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, updated_badge);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, updated_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, withdrawn_box);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, withdrawn_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, offline_section);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, read_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, notice_box);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, open_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, verify_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, family_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, family_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, standards_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, standards_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, number_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, number_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, issuer_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, issuer_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, issued_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, issued_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, expires_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, expires_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, language_caption);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, language_value);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, services_box);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, services_list);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, other_services_label);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, links_box);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, links_list);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentDetails, source_label);
  gtk_widget_class_bind_template_callback (widget_class, on_services_row_activated);

  gtk_widget_class_install_action (widget_class, "details.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "details.open-url", "s", open_url_action);
  gtk_widget_class_install_action (widget_class, "details.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "details.copy-url", "s", copy_url_action);
  gtk_widget_class_install_action (widget_class, "details.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "details.read-article", NULL, read_article_action);

  gtk_widget_class_set_css_name (widget_class, "certo-document-details");
}

static void
certo_document_details_init (CertoDocumentDetails *self)
{
  /* measure() and size_allocate() above, not AdwBin's layout manager */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Values stay selectable with the pointer but are no Tab stops (a
   * focused selectable label also shows all of itself selected): Tab
   * goes from button to button */
  {
    GtkLabel *values[] = {
      self->title_label, self->family_value, self->standards_value, self->number_value,
      self->issuer_value, self->issued_value, self->expires_value, self->language_value,
      self->other_services_label, self->source_label,
    };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      certo_label_make_unfocusable (values[i]);
  }

  update (self);
}

/**
 * certo_document_details_get_catalog:
 * @self: a #CertoDocumentDetails
 *
 * Returns: (transfer none) (nullable): the catalog the document's source,
 *   standards and services are looked up in
 */
CertoCatalog *
certo_document_details_get_catalog (CertoDocumentDetails *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_DETAILS (self), NULL);

  return self->catalog;
}

/**
 * certo_document_details_set_catalog:
 * @self: a #CertoDocumentDetails
 * @catalog: (nullable): the catalog the documents shown come from
 */
void
certo_document_details_set_catalog (CertoDocumentDetails *self,
                                    CertoCatalog         *catalog)
{
  g_return_if_fail (CERTO_IS_DOCUMENT_DETAILS (self));
  g_return_if_fail (catalog == NULL || CERTO_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * certo_document_details_set_offline:
 * @self: a #CertoDocumentDetails
 * @offline: (nullable): the application's offline documents
 *
 * Shows the document's offline copy (save, attach, open, delete).
 */
void
certo_document_details_set_offline (CertoDocumentDetails *self,
                                    CertoOffline         *offline)
{
  g_return_if_fail (CERTO_IS_DOCUMENT_DETAILS (self));
  g_return_if_fail (offline == NULL || CERTO_IS_OFFLINE (offline));

  if (!g_set_object (&self->offline, offline))
    return;

  certo_document_offline_set_offline (self->offline_section, offline);
}

/**
 * certo_document_details_get_document:
 * @self: a #CertoDocumentDetails
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CertoDocument *
certo_document_details_get_document (CertoDocumentDetails *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_DETAILS (self), NULL);

  return self->document;
}

/**
 * certo_document_details_set_document:
 * @self: a #CertoDocumentDetails
 * @document: (nullable): the document to show, or %NULL for a "no document
 *   selected" page
 *
 * Shows every field of @document, as plain text.
 */
void
certo_document_details_set_document (CertoDocumentDetails *self,
                                     CertoDocument        *document)
{
  g_return_if_fail (CERTO_IS_DOCUMENT_DETAILS (self));
  g_return_if_fail (document == NULL || CERTO_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * certo_document_details_copy_link:
 * @self: a #CertoDocumentDetails
 *
 * Puts the document's address (http or https only) on the clipboard and
 * says so in a toast.
 *
 * Returns: %TRUE when a link was copied; %FALSE with no document or no web
 *   address
 */
gboolean
certo_document_details_copy_link (CertoDocumentDetails *self)
{
  const char *url;

  g_return_val_if_fail (CERTO_IS_DOCUMENT_DETAILS (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  url = certo_document_get_url (self->document);
  if (url == NULL || !certo_uri_is_web (url))
    return FALSE;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), url);
  show_toast (self, _("Link copied"));

  return TRUE;
}

/**
 * certo_document_details_focus_first:
 * @self: a #CertoDocumentDetails
 *
 * Moves the keyboard focus to the pane's first control that takes it
 * (Open, usually): Return on a document in the list, and F6, come here.
 *
 * Returns: %TRUE when something took the focus
 */
gboolean
certo_document_details_focus_first (CertoDocumentDetails *self)
{
  GtkWidget *buttons[4];

  g_return_val_if_fail (CERTO_IS_DOCUMENT_DETAILS (self), FALSE);

  buttons[0] = self->open_button;
  buttons[1] = self->copy_button;
  buttons[2] = self->verify_button;
  buttons[3] = self->evidence_button;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_is_visible (buttons[i]) && gtk_widget_is_sensitive (buttons[i]) &&
        gtk_widget_grab_focus (buttons[i]))
      return TRUE;

  return gtk_widget_child_focus (GTK_WIDGET (self->scroller), GTK_DIR_TAB_FORWARD);
}

/**
 * certo_label_make_unfocusable:
 * @label: a selectable #GtkLabel
 *
 * A value the user may select with the pointer and copy, but that is no
 * Tab stop: gtk_label_set_selectable() makes a label focusable, and a
 * label focused by the keyboard selects all of itself (GTK 4.8).
 */
void
certo_label_make_unfocusable (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_focusable (GTK_WIDGET (label), FALSE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (label), FALSE);
}

/**
 * certo_format_date:
 * @iso8601: (nullable): a date ("2019-11-05") or date and time
 *   ("2020-02-07T00:00:00Z"), ISO 8601
 *
 * Formats a catalog date for the user's locale ("5 November 2019"); a date
 * without a time zone is taken as a calendar date, not shifted.
 *
 * Returns: (transfer full) (nullable): the date for display; @iso8601
 *   itself when it cannot be parsed; %NULL when it is %NULL or empty
 */
char *
certo_format_date (const char *iso8601)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *formatted = NULL;
  int year = 0, month = 0, day = 0;
  char tail = '\0';

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;

  if (sscanf (iso8601, "%4d-%2d-%2d%c", &year, &month, &day, &tail) >= 3
      && g_date_valid_dmy (day, month, year))
    dt = g_date_time_new_local (year, month, day, 12, 0, 0);
  else
    dt = g_date_time_new_from_iso8601 (iso8601, NULL);

  if (dt == NULL)
    return g_strdup (iso8601);

  /* Translators: a date as shown in the details of a document, see g_date_time_format() */
  formatted = g_date_time_format (dt, C_("date", "%-d %B %Y"));
  if (formatted == NULL)
    return g_strdup (iso8601);

  return g_steal_pointer (&formatted);
}
