/* certo-source-row.c — one source in the Sources page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the user needs to trust a source: where it comes from, what
 * it holds, when it was last refreshed and the last error in plain words;
 * while it refreshes, its progress. The buttons and the menu activate the
 * Sources page's actions ("sources.refresh", …) with the source's id.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-source-row.h"
#include "certo-sync-util.h"

struct _CertoSourceRow
{
  GtkListBoxRow  parent_instance;

  CertoSource   *source;
  CertoCatalog  *catalog;
  gboolean       online;
  guint          pulse_id;

  GtkImage      *kind_icon;
  GtkLabel      *name_label;
  GtkWidget     *builtin_label;
  GtkLabel      *location_label;
  GtkLabel      *details_label;
  GtkLabel      *refreshed_label;
  GtkLabel      *replaced_label;
  GtkWidget     *error_box;
  GtkLabel      *error_label;
  GtkWidget     *accept_button;
  GtkWidget     *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel      *progress_label;
  GtkWidget     *refresh_button;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (CertoSourceRow, certo_source_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
kind_icon_name (CertoSource *source)
{
  switch (certo_source_get_kind (source))
    {
    case CERTO_SOURCE_KIND_BUILTIN:
      return "package-x-generic-symbolic";
    case CERTO_SOURCE_KIND_FILE:
      return "text-x-generic-symbolic";
    case CERTO_SOURCE_KIND_URL:
    default:
      return "network-server-symbolic";
    }
}

static char *
dup_details (CertoSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *content_date = certo_format_date (certo_source_get_content_date (source));
  CertoSourceFormat format = certo_source_get_format (source);
  guint n_documents = certo_source_get_n_documents (source);
  guint n_services = certo_source_get_n_services (source);
  guint n_withdrawn = certo_source_get_n_withdrawn (source);
  GString *out = g_string_new (NULL);

  if (format == CERTO_SOURCE_FORMAT_AUTO)
    format = certo_source_get_requested_format (source);
  if (format != CERTO_SOURCE_FORMAT_AUTO)
    g_ptr_array_add (parts, g_strdup (certo_source_format_label (format)));

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents),
                                           n_documents));
  if (n_services > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n_services),
                                             n_services));
  if (n_withdrawn > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u withdrawn", "%u withdrawn", n_withdrawn),
                                             n_withdrawn));
  if (content_date != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_("content as of %s"), content_date));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separates the facts of a source: "Catalog feed · 42 documents" */
        g_string_append (out, _(" · "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }

  return g_string_free (out, FALSE);
}

static char *
dup_refreshed (CertoSource *source)
{
  const char *refreshed = certo_source_get_last_refresh (source);
  const char *checked = certo_source_get_last_checked (source);
  g_autofree char *when = NULL;

  if (certo_source_get_kind (source) == CERTO_SOURCE_KIND_BUILTIN)
    return g_strdup (_("Updated with Certo itself"));

  if (refreshed == NULL)
    return g_strdup (_("Never refreshed"));

  when = certo_format_relative_time (refreshed);
  /* A 304 changes only the time last checked */
  if (checked != NULL && g_strcmp0 (checked, refreshed) > 0)
    {
      g_autofree char *checked_when = certo_format_relative_time (checked);

      if (g_strcmp0 (when, checked_when) != 0)
        /* Translators: both are relative times, "3 days ago", "just now" */
        return g_strdup_printf (_("Last refreshed %s, unchanged when checked %s"), when, checked_when);
    }

  /* Translators: %s is a relative time, "3 hours ago", "yesterday" */
  return g_strdup_printf (_("Last refreshed %s"), when);
}

static GMenuModel *
build_menu (CertoSource *source)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) read = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GVariant *target = g_variant_new_int64 (certo_source_get_id (source));
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (target);

  if (certo_source_get_format (source) == CERTO_SOURCE_FORMAT_ARTICLE)
    {
      item = g_menu_item_new (_("_Read Article"), NULL);
      g_menu_item_set_action_and_target_value (item, "sources.read", target);
      g_menu_append_item (read, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("_Check Documents"), NULL);
  g_menu_item_set_action_and_target_value (item, "sources.check", target);
  g_menu_append_item (read, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Re_name…"), NULL);
  g_menu_item_set_action_and_target_value (item, "sources.rename", target);
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  if (certo_source_is_removable (source))
    {
      item = g_menu_item_new (_("_Remove"), NULL);
      g_menu_item_set_action_and_target_value (item, "sources.remove", target);
      g_menu_append_item (edit, item);
      g_clear_object (&item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (read));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_variant_unref (target);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
update_tooltips (CertoSourceRow *self)
{
  gtk_widget_set_tooltip_text (self->refresh_button,
                               self->online ? _("Refresh") : certo_offline_reason ());
  gtk_widget_set_tooltip_text (self->accept_button,
                               self->online ? _("Import the new content even though it withdraws most of this source’s documents")
                                            : certo_offline_reason ());
}

static void
update (CertoSourceRow *self)
{
  CertoSource *source = self->source;
  const char *error = certo_source_get_last_error (source);
  const char *location = certo_source_get_location (source);
  gboolean builtin = certo_source_get_kind (source) == CERTO_SOURCE_KIND_BUILTIN;
  gint64 replaced_by = certo_source_get_replaced_by (source);
  g_autofree char *details = dup_details (source);
  g_autofree char *refreshed = dup_refreshed (source);
  g_autoptr(GMenuModel) menu = build_menu (source);
  g_autofree char *refresh_label = NULL;
  GVariant *target = g_variant_new_int64 (certo_source_get_id (source));

  gtk_image_set_from_icon_name (self->kind_icon, kind_icon_name (source));
  /* Remote text (a feed's title, an error quoting a server): plain text */
  gtk_label_set_text (self->name_label, certo_source_get_name (source));
  gtk_widget_set_visible (self->builtin_label, builtin);
  gtk_label_set_text (self->location_label, builtin ? _("Included with Certo") : location ? location : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label), builtin ? NULL : location);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->refreshed_label, refreshed);

  gtk_widget_set_visible (self->error_box, error != NULL && *error != '\0');
  gtk_label_set_text (self->error_label, error != NULL ? error : "");

  gtk_widget_set_visible (GTK_WIDGET (self->replaced_label), replaced_by > 0);
  if (replaced_by > 0)
    {
      CertoSource *other = self->catalog != NULL ? certo_catalog_find_source (self->catalog, replaced_by) : NULL;
      g_autofree char *text = NULL;

      if (other != NULL)
        /* Translators: %s is a source's name */
        text = g_strdup_printf (_("Replaced by “%s”: its documents are shown instead"), certo_source_get_name (other));
      else
        text = g_strdup (_("Replaced by another source: its documents are shown instead"));
      gtk_label_set_text (self->replaced_label, text);
    }

  gtk_widget_set_visible (self->refresh_button, certo_source_can_sync (source));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->refresh_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->accept_button),
                                          g_variant_new_int64 (certo_source_get_id (source)));
  gtk_menu_button_set_menu_model (self->menu_button, menu);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, certo_source_get_name (source),
                                  -1);
  /* Translators: an icon-only button's name for screen readers; %s is a source's name */
  refresh_label = g_strdup_printf (_("Refresh “%s”"), certo_source_get_name (source));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refresh_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, refresh_label,
                                  -1);
  update_tooltips (self);
}

static gboolean
on_pulse (gpointer user_data)
{
  CertoSourceRow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
certo_source_row_dispose (GObject *object)
{
  CertoSourceRow *self = (CertoSourceRow *) object;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->source);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (certo_source_row_parent_class)->dispose (object);
}

static void
certo_source_row_class_init (CertoSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_source_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, builtin_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, location_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, refreshed_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, replaced_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, error_box);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, CertoSourceRow, menu_button);
}

static void
certo_source_row_init (CertoSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->online = TRUE;
}

/**
 * certo_source_row_new:
 * @source: the source to show
 * @catalog: (nullable): its catalog, to name the source that replaced it
 *
 * Returns: (transfer full): a new row
 */
GtkWidget *
certo_source_row_new (CertoSource  *source,
                      CertoCatalog *catalog)
{
  CertoSourceRow *self;

  g_return_val_if_fail (CERTO_IS_SOURCE (source), NULL);

  self = g_object_new (CERTO_TYPE_SOURCE_ROW, NULL);
  self->source = g_object_ref (source);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  update (self);

  return GTK_WIDGET (self);
}

/**
 * certo_source_row_get_source:
 * @self: a #CertoSourceRow
 *
 * Returns: (transfer none): the source shown
 */
CertoSource *
certo_source_row_get_source (CertoSourceRow *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE_ROW (self), NULL);

  return self->source;
}

/**
 * certo_source_row_set_progress:
 * @self: a #CertoSourceRow
 * @text: what is happening ("Downloading… 1.2 MB of 3.4 MB")
 * @fraction: 0 to 1, or less than 0 when the end is not known (the bar
 *   pulses)
 *
 * Shows the progress of a refresh or a document check.
 */
void
certo_source_row_set_progress (CertoSourceRow *self,
                               const char     *text,
                               double          fraction)
{
  g_return_if_fail (CERTO_IS_SOURCE_ROW (self));

  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_label_set_text (self->progress_label, text);
  if (fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
    }
  else if (self->pulse_id == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      self->pulse_id = g_timeout_add (150, on_pulse, self);
    }
  gtk_widget_set_sensitive (self->refresh_button, FALSE);
}

/**
 * certo_source_row_clear_progress:
 * @self: a #CertoSourceRow
 *
 * Hides the progress bar.
 */
void
certo_source_row_clear_progress (CertoSourceRow *self)
{
  g_return_if_fail (CERTO_IS_SOURCE_ROW (self));

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_sensitive (self->refresh_button, TRUE);
}

/**
 * certo_source_row_get_busy:
 * @self: a #CertoSourceRow
 *
 * Returns: whether the row shows progress
 */
gboolean
certo_source_row_get_busy (CertoSourceRow *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->progress_box);
}

/**
 * certo_source_row_set_refused:
 * @self: a #CertoSourceRow
 * @refused: whether the last refresh was refused by the shrink guard
 *
 * Offers "Accept Removals…" under the error that says why.
 */
void
certo_source_row_set_refused (CertoSourceRow *self,
                              gboolean        refused)
{
  g_return_if_fail (CERTO_IS_SOURCE_ROW (self));

  gtk_widget_set_visible (self->accept_button, refused);
}

/**
 * certo_source_row_set_online:
 * @self: a #CertoSourceRow
 * @online: whether the computer is online
 *
 * Offline, the refresh buttons (insensitive through their actions) say why.
 */
void
certo_source_row_set_online (CertoSourceRow *self,
                             gboolean        online)
{
  g_return_if_fail (CERTO_IS_SOURCE_ROW (self));

  self->online = online;
  update_tooltips (self);
}
