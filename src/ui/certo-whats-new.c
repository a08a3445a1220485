/* certo-whats-new.c — what the last syncs changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's change history (certo_catalog_get_changes(), newest
 * first, the last 90 days) as a list; activating a change asks the
 * Library to show its document or service ("change-activated").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-change-row.h"
#include "certo-document-details.h"
#include "certo-whats-new.h"

struct _CertoWhatsNew
{
  AdwBin              parent_instance;

  CertoCatalog       *catalog;
  GListModel         *changes;
  GtkNoSelection     *selection;

  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CertoWhatsNew, certo_whats_new, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

enum {
  CHANGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A field's value as the user reads it: dates in their locale, sizes in
 * units */
static char *
format_value (const char *field,
              const char *value)
{
  if (value == NULL || *value == '\0')
    /* Translators: a field that had no value */
    return g_strdup (C_("value", "none"));

  if (g_str_equal (field, "issued") || g_str_equal (field, "expires"))
    return certo_format_date (value);

  if (g_str_equal (field, "size"))
    {
      guint64 bytes = g_ascii_strtoull (value, NULL, 10);

      if (bytes > 0)
        return g_format_size (bytes);
    }

  return g_strdup (value);
}

/**
 * certo_change_dup_details:
 * @change: a change
 *
 * The fields of a changed document, one per line: "Certificate number:
 * IS 1 → IS 2", "Expires: 5 November 2025 → 5 November 2028".
 *
 * Returns: (transfer full) (nullable): the lines, plain text; %NULL when
 *   the change has no fields to show
 */
char *
certo_change_dup_details (CertoChange *change)
{
  const CertoFieldChange *fields;
  guint n_fields = 0;
  GString *out;

  g_return_val_if_fail (CERTO_IS_CHANGE (change), NULL);

  fields = certo_change_get_fields (change, &n_fields);
  if (n_fields == 0)
    {
      if (certo_change_get_kind (change) == CERTO_CHANGE_DOCUMENT_UPDATED)
        return g_strdup (_("The file behind the link changed"));
      return NULL;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *old_value = format_value (fields[i].field, fields[i].old_value);
      g_autofree char *new_value = format_value (fields[i].field, fields[i].new_value);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a changed field: "Expires: 5 November 2025 → 5 November 2028" */
      g_string_append_printf (out, _("%s: %s → %s"), certo_field_change_get_label (fields[i].field),
                              old_value, new_value);
    }

  return g_string_free (out, FALSE);
}

static void
update_state (CertoWhatsNew *self)
{
  guint n = self->changes != NULL ? g_list_model_get_n_items (self->changes) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_activate (CertoWhatsNew *self,
             guint          position)
{
  certo_whats_new_activate (self, position);
}

static void
certo_whats_new_dispose (GObject *object)
{
  CertoWhatsNew *self = (CertoWhatsNew *) object;

  certo_whats_new_set_catalog (self, NULL);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (certo_whats_new_parent_class)->dispose (object);
}

static void
certo_whats_new_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CertoWhatsNew *self = CERTO_WHATS_NEW (object);

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
certo_whats_new_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CertoWhatsNew *self = CERTO_WHATS_NEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      certo_whats_new_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_whats_new_class_init (CertoWhatsNewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_whats_new_dispose;
  object_class->get_property = certo_whats_new_get_property;
  object_class->set_property = certo_whats_new_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoWhatsNew::change-activated:
   * @self: the list
   * @change: the change the user activated
   *
   * The user asked to see the document or service @change is about.
   */
  signals[CHANGE_ACTIVATED] =
    g_signal_new ("change-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CERTO_TYPE_CHANGE);

  g_type_ensure (CERTO_TYPE_CHANGE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-whats-new.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoWhatsNew, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWhatsNew, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
certo_whats_new_init (CertoWhatsNew *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_state (self);
}

/**
 * certo_whats_new_get_catalog:
 * @self: a #CertoWhatsNew
 *
 * Returns: (transfer none) (nullable): the catalog whose changes are listed
 */
CertoCatalog *
certo_whats_new_get_catalog (CertoWhatsNew *self)
{
  g_return_val_if_fail (CERTO_IS_WHATS_NEW (self), NULL);

  return self->catalog;
}

/**
 * certo_whats_new_set_catalog:
 * @self: a #CertoWhatsNew
 * @catalog: (nullable): the catalog
 *
 * Lists @catalog's changes; the list follows each sync.
 */
void
certo_whats_new_set_catalog (CertoWhatsNew *self,
                             CertoCatalog  *catalog)
{
  g_return_if_fail (CERTO_IS_WHATS_NEW (self));
  g_return_if_fail (catalog == NULL || CERTO_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  if (self->changes != NULL)
    g_signal_handlers_disconnect_by_data (self->changes, self);
  g_clear_object (&self->changes);
  g_set_object (&self->catalog, catalog);

  if (catalog != NULL)
    {
      self->changes = g_object_ref (certo_catalog_get_changes (catalog));
      g_signal_connect_object (self->changes, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
    }
  gtk_no_selection_set_model (self->selection, self->changes);

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * certo_whats_new_get_changes:
 * @self: a #CertoWhatsNew
 *
 * Returns: (transfer none) (nullable): the changes listed (items are
 *   #CertoChange, newest first)
 */
GListModel *
certo_whats_new_get_changes (CertoWhatsNew *self)
{
  g_return_val_if_fail (CERTO_IS_WHATS_NEW (self), NULL);

  return self->changes;
}

/**
 * certo_whats_new_activate:
 * @self: a #CertoWhatsNew
 * @position: a position in the list
 *
 * What a click on a change does: emits "change-activated" for a change
 * about a document or a service (a first import's summary has neither).
 */
void
certo_whats_new_activate (CertoWhatsNew *self,
                          guint          position)
{
  g_autoptr(CertoChange) change = NULL;

  g_return_if_fail (CERTO_IS_WHATS_NEW (self));

  if (self->changes == NULL)
    return;

  change = g_list_model_get_item (self->changes, position);
  if (change == NULL)
    return;

  if (certo_change_get_document_id (change) > 0 || certo_change_get_service_id (change) > 0)
    g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, change);
}
