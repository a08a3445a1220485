/* certo-document-picker.c — choose a Library document, with a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-picker.h"

struct _CertoDocumentPicker
{
  AdwWindow           parent_instance;

  CertoCatalog       *catalog;
  CertoSearchQuery   *query;
  char               *query_text;
  GtkFilter          *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GtkWidget          *add_button;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *documents_list;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (CertoDocumentPicker, certo_document_picker, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

enum {
  DOCUMENT_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CertoDocumentPicker *self = user_data;

  if (self->query == NULL || certo_search_query_is_empty (self->query))
    return TRUE;

  return certo_search_query_matches (self->query, certo_document_get_search_text (item));
}

static void
update_state (CertoDocumentPicker *self)
{
  guint n = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (n == 0)
    {
      g_autofree char *description = NULL;

      /* AdwStatusPage:description is markup: the query is escaped */
      if (self->query_text != NULL && *self->query_text != '\0')
        description = g_markup_printf_escaped (_("No document matches “%s”."), self->query_text);
      else
        description = g_strdup (_("The Library has no documents yet. Import a catalog with Import… (Ctrl+O)."));
      adw_status_page_set_description (self->empty_page, description);
    }

  gtk_widget_set_sensitive (self->add_button,
                            self->selection != NULL && gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
on_search_changed (CertoDocumentPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->query, certo_search_query_free);
  g_free (self->query_text);
  self->query_text = g_strdup (text);
  if (*text != '\0')
    self->query = certo_search_query_new (text);

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
choose (CertoDocumentPicker *self,
        CertoDocument       *document)
{
  if (document == NULL)
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[DOCUMENT_CHOSEN], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_add_clicked (CertoDocumentPicker *self)
{
  choose (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_document_activated (CertoDocumentPicker *self,
                       guint                position)
{
  g_autoptr(CertoDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  choose (self, document);
}

static void
on_selection_changed (CertoDocumentPicker *self)
{
  update_state (self);
}

static void
certo_document_picker_constructed (GObject *object)
{
  CertoDocumentPicker *self = CERTO_DOCUMENT_PICKER (object);
  GListModel *documents;

  G_OBJECT_CLASS (certo_document_picker_parent_class)->constructed (object);

  documents = self->catalog != NULL ? certo_catalog_get_documents (self->catalog) : NULL;
  self->filtered = gtk_filter_list_model_new (documents != NULL ? g_object_ref (documents)
                                                                : G_LIST_MODEL (g_list_store_new (CERTO_TYPE_DOCUMENT)),
                                              g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->documents_list, GTK_SELECTION_MODEL (self->selection));
  update_state (self);
}

static void
certo_document_picker_dispose (GObject *object)
{
  CertoDocumentPicker *self = (CertoDocumentPicker *) object;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (certo_document_picker_parent_class)->dispose (object);
}

static void
certo_document_picker_finalize (GObject *object)
{
  CertoDocumentPicker *self = (CertoDocumentPicker *) object;

  g_clear_pointer (&self->query, certo_search_query_free);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (certo_document_picker_parent_class)->finalize (object);
}

static void
certo_document_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CertoDocumentPicker *self = CERTO_DOCUMENT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CertoDocumentPicker *self = CERTO_DOCUMENT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_picker_class_init (CertoDocumentPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = certo_document_picker_constructed;
  object_class->dispose = certo_document_picker_dispose;
  object_class->finalize = certo_document_picker_finalize;
  object_class->get_property = certo_document_picker_get_property;
  object_class->set_property = certo_document_picker_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoDocumentPicker::document-chosen:
   * @self: the picker
   * @document: the document the user chose
   *
   * Emitted before the picker closes itself.
   */
  signals[DOCUMENT_CHOSEN] =
    g_signal_new ("document-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CERTO_TYPE_DOCUMENT);

  g_type_ensure (CERTO_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-document-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentPicker, add_button);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentPicker, documents_list);
  gtk_widget_class_bind_template_child (widget_class, CertoDocumentPicker, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
certo_document_picker_init (CertoDocumentPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * certo_document_picker_new:
 * @parent: (nullable): the window it belongs to
 * @catalog: (nullable): the catalog whose documents to offer
 *
 * Returns: (transfer none): a modal picker, not yet shown; it destroys
 *   itself when closed
 */
CertoDocumentPicker *
certo_document_picker_new (GtkWindow    *parent,
                           CertoCatalog *catalog)
{
  return g_object_new (CERTO_TYPE_DOCUMENT_PICKER,
                       "transient-for", parent,
                       "catalog", catalog,
                       NULL);
}

/**
 * certo_document_picker_get_model:
 * @self: a #CertoDocumentPicker
 *
 * Returns: (transfer none): the documents offered, after the search
 */
GListModel *
certo_document_picker_get_model (CertoDocumentPicker *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT_PICKER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
