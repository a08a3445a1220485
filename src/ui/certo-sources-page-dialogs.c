/* certo-sources-page-dialogs.c — the Sources page's dialogs: Add Source,
 * Rename, Accept Removals; and the Sources window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-sources-page-private.h"
#include "certo-workspace-util.h"

static void
source_call_closure_free (gpointer  user_data,
                          GClosure *closure)
{
  certo_source_call_free (user_data);
}

static void
on_accept_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SourceCall       *call)
{
  CertoSource *source;

  if (g_strcmp0 (response, "accept") != 0 || call->self->sync == NULL)
    return;

  source = certo_sources_page_find_source (call->self, call->source_id);
  if (source != NULL)
    certo_sources_page_do_refresh (call->self, source, CERTO_IMPORT_ACCEPT_REMOVALS);
}


/* Renaming */

typedef struct
{
  SourceCall *call;
  GtkEditable *entry;
} RenameDialog;

static void
rename_dialog_free (gpointer  user_data,
                    GClosure *closure)
{
  RenameDialog *data = user_data;

  certo_source_call_free (data->call);
  g_free (data);
}

static void
on_renamed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SourceCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!certo_sync_rename_source_finish (CERTO_SYNC (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    certo_show_message (GTK_WIDGET (call->self), _("Could Not Rename the Source"), error->message);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RenameDialog     *data)
{
  CertoSourcesPage *self = data->call->self;
  CertoSource *source;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->sync == NULL)
    return;

  source = certo_sources_page_find_source (self, data->call->source_id);
  if (source == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (data->entry)));
  certo_sync_rename_source_async (self->sync, source, *name != '\0' ? name : NULL, self->cancellable,
                                  on_renamed, certo_source_call_new (self, source));
}

void
certo_sources_page_present_rename_dialog (CertoSourcesPage *self,
                       CertoSource      *source)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RenameDialog *data = g_new0 (RenameDialog, 1);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Source"),
                                   _("Leave the name empty to use the source’s own title."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), certo_source_get_name (source));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data->call = certo_source_call_new (self, source);
  data->entry = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), data,
                         rename_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Adding */

typedef struct
{
  CertoSourcesPage *self;
  GtkWidget        *dialog;
  GtkEditable      *location_row;
  GtkEditable      *name_row;
  AdwComboRow      *type_row;
  GtkLabel         *hint_label;
} AddDialog;

static void
add_dialog_free (gpointer  user_data,
                 GClosure *closure)
{
  AddDialog *data = user_data;

  g_clear_object (&data->self);
  g_free (data);
}

/* Whether @text names something the core can subscribe to; else why not */
static gboolean
validate_location (const char  *text,
                   char       **out_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *scheme = NULL;

  *out_message = NULL;
  if (*text == '\0')
    return FALSE;

  /* "example.com/feed.json" would be read as a file in the current folder */
  scheme = g_uri_parse_scheme (text);
  if (scheme == NULL && !g_path_is_absolute (text))
    {
      *out_message = g_strdup (_("Type the whole address, starting with https://, or the full path of a file"));
      return FALSE;
    }

  key = certo_sync_normalize_location (text, NULL, NULL, &error);
  if (key == NULL)
    {
      *out_message = g_strdup (error != NULL ? error->message : _("Only web addresses (http and https) and files can be added"));
      return FALSE;
    }

  return TRUE;
}

static void
on_location_changed (AddDialog *data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (data->location_row)));
  g_autofree char *message = NULL;
  gboolean valid = validate_location (text, &message);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (data->dialog), "add", valid);
  gtk_label_set_text (data->hint_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (data->hint_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (data->location_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (data->location_row), "error");
}

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AddDialog        *data)
{
  static const CertoSourceFormat formats[] = {
    CERTO_SOURCE_FORMAT_AUTO, CERTO_SOURCE_FORMAT_CATALOG, CERTO_SOURCE_FORMAT_ARTICLE,
  };
  g_autofree char *location = NULL;
  g_autofree char *name = NULL;
  guint selected;

  if (g_strcmp0 (response, "add") != 0)
    return;

  location = g_strstrip (g_strdup (gtk_editable_get_text (data->location_row)));
  name = g_strstrip (g_strdup (gtk_editable_get_text (data->name_row)));
  selected = adw_combo_row_get_selected (data->type_row);
  certo_sources_page_add_source (data->self, location, *name != '\0' ? name : NULL,
                                 selected < G_N_ELEMENTS (formats) ? formats[selected] : CERTO_SOURCE_FORMAT_AUTO);
}

/**
 * certo_sources_page_offer_accept_removals:
 * @self: a #CertoSourcesPage
 * @source_id: a source whose refresh the shrink guard refused
 * @message: (nullable): the core's message (how many documents it would
 *   withdraw)
 *
 * Asks whether to import the new content anyway; "Accept Removals"
 * refreshes the source with %CERTO_IMPORT_ACCEPT_REMOVALS.
 */
void
certo_sources_page_offer_accept_removals (CertoSourcesPage *self,
                                          gint64            source_id,
                                          const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CertoSource *source;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (CERTO_IS_SOURCES_PAGE (self));

  source = certo_sources_page_find_source (self, source_id);
  if (source == NULL)
    return;

  if (message != NULL)
    certo_sources_page_set_refused (self, source_id, message);

  /* Translators: %s is a source's name */
  heading = g_strdup_printf (_("Accept the Removals from “%s”?"), certo_source_get_name (source));
  body = g_strdup_printf ("%s\n\n%s",
                          message != NULL ? message : _("The new content of this source withdraws most of its documents."),
                          _("A feed that lost its entries by mistake would empty the Library: accept only if the provider really withdrew them. Copies you saved for offline reading stay."));

  /* Heading and body are plain text: the message may quote the feed */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Current Content"),
                                    "accept", _("_Accept Removals"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept", certo_sources_page_is_online (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_accept_response), certo_source_call_new (self, source),
                         source_call_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * certo_sources_page_present_add_dialog:
 * @self: a #CertoSourcesPage
 *
 * "Add Source…": asks for an address (checked as it is typed), an
 * optional name and the type, then certo_sources_page_add_source().
 */
void
certo_sources_page_present_add_dialog (CertoSourcesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkStringList) types = NULL;
  AddDialog *data;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *row;

  g_return_if_fail (CERTO_IS_SOURCES_PAGE (self));

  data = g_new0 (AddDialog, 1);
  data->self = g_object_ref (self);
  data->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         _("Add Source"),
                                         _("A catalog feed (JSON) or a compliance-offering article (Markdown), at a web address or in a file. Certo refreshes it as often as the refresh setting says."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Address"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  data->location_row = GTK_EDITABLE (row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name (optional)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  data->name_row = GTK_EDITABLE (row);

  types = gtk_string_list_new ((const char * const[]) {
    _("Detect from the content"), _("Catalog feed"), _("Compliance-offering article"), NULL });
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (types));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  data->type_row = ADW_COMBO_ROW (row);

  data->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->hint_label, TRUE);
  gtk_label_set_xalign (data->hint_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->hint_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (data->hint_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->hint_label), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->hint_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (data->dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (data->dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (data->dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (data->dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (data->dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (data->dialog), "cancel");

  g_signal_connect_swapped (data->location_row, "changed", G_CALLBACK (on_location_changed), data);
  g_signal_connect_data (data->dialog, "response", G_CALLBACK (on_add_response), data,
                         add_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (data->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->location_row));
}

/**
 * certo_sources_window_new:
 * @parent: (nullable): the window it belongs to
 * @sync: the application's sync
 *
 * The primary menu's "Sources": a window with a #CertoSourcesPage (the
 * page Preferences will show too).
 *
 * Returns: (transfer floating): a new window, not yet shown
 */
GtkWindow *
certo_sources_window_new (GtkWindow *parent,
                          CertoSync *sync)
{
  GtkWidget *window = adw_preferences_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Sources"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 680, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (certo_sources_page_new (sync)));

  return GTK_WINDOW (window);
}
