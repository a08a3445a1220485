/* certo-change.c — what a sync or a document check changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoChange, certo_change, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CertoSyncSummary, certo_sync_summary,
                     certo_sync_summary_copy, certo_sync_summary_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_DATE,
  PROP_SOURCE_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stored in the database as text */
static const char * const kind_names[] = {
  [CERTO_CHANGE_FIRST_IMPORT] = "first-import",
  [CERTO_CHANGE_DOCUMENT_ADDED] = "document-added",
  [CERTO_CHANGE_DOCUMENT_CHANGED] = "document-changed",
  [CERTO_CHANGE_DOCUMENT_WITHDRAWN] = "document-withdrawn",
  [CERTO_CHANGE_DOCUMENT_UPDATED] = "document-updated",
  [CERTO_CHANGE_SERVICE_ADDED] = "service-added",
  [CERTO_CHANGE_SERVICE_REMOVED] = "service-removed",
};

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "certificate_number", N_("Certificate number") },
  { "issuer", N_("Issuer") },
  { "issued", N_("Issued") },
  { "expires", N_("Expires") },
  { "title", N_("Title") },
  { "kind", N_("Kind") },
  { "family", N_("Family") },
  { "url", N_("Link") },
  { "etag", N_("Version tag") },
  { "size", N_("Size") },
  { "last_modified", N_("Last modified") },
};

/* Helpers */

/* "1 document added, 2 changed": the parts of a summary, joined */
static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, part);
}

/* @format is a translated plural form with one %u */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static void
append_count (GString    *out,
              guint       n,
              const char *format)
{
  g_autofree char *part = NULL;

  if (n == 0)
    return;

  part = g_strdup_printf (format, n);
  append_part (out, part);
}

#pragma GCC diagnostic pop

/* GObject */

static void
certo_change_finalize (GObject *object)
{
  CertoChange *self = CERTO_CHANGE (object);

  g_free (self->source_name);
  g_free (self->date);
  g_free (self->key);
  g_clear_pointer (&self->title_localized, certo_localized_unref);
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_free (self->fields[i].field);
      g_free (self->fields[i].old_value);
      g_free (self->fields[i].new_value);
    }
  g_free (self->fields);

  G_OBJECT_CLASS (certo_change_parent_class)->finalize (object);
}

static void
certo_change_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CertoChange *self = CERTO_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, certo_change_describe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_change_class_init (CertoChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_change_finalize;
  object_class->get_property = certo_change_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CERTO_CHANGE_SERVICE_REMOVED, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_change_init (CertoChange *self)
{
}

/* Public API: the summary */

/**
 * certo_sync_summary_new:
 *
 * Returns: (transfer full): an empty summary
 */
CertoSyncSummary *
certo_sync_summary_new (void)
{
  CertoSyncSummary *self = g_new0 (CertoSyncSummary, 1);

  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/**
 * certo_sync_summary_copy:
 * @self: a summary
 *
 * Returns: (transfer full): a deep copy of @self
 */
CertoSyncSummary *
certo_sync_summary_copy (const CertoSyncSummary *self)
{
  CertoSyncSummary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->source_name = g_strdup (self->source_name);
  copy->permanent_url = g_strdup (self->permanent_url);
  copy->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->warnings != NULL && i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (g_ptr_array_index (self->warnings, i)));
  return copy;
}

/**
 * certo_sync_summary_free:
 * @self: (transfer full) (nullable): a summary
 */
void
certo_sync_summary_free (CertoSyncSummary *self)
{
  if (self == NULL)
    return;

  g_free (self->source_name);
  g_free (self->permanent_url);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/**
 * certo_sync_summary_has_news:
 * @self: a summary
 *
 * Whether the sync found something to tell the user about in a
 * notification: a document added, changed, withdrawn or updated, or a
 * service that entered or left the scope. A first import is not news.
 *
 * Returns: %TRUE when there is news
 */
gboolean
certo_sync_summary_has_news (const CertoSyncSummary *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->outcome == CERTO_SYNC_OUTCOME_FIRST_IMPORT)
    return FALSE;

  return self->n_added + self->n_changed + self->n_withdrawn + self->n_updated +
         self->n_services_added + self->n_services_removed > 0;
}

/**
 * certo_sync_summary_describe:
 * @self: a summary
 *
 * One translated line for a notification or the terminal: "120 documents
 * added" for a first import, "1 document added, 1 changed, 1 withdrawn,
 * 1 service left the scope" after a sync with news, "No changes" or
 * "Not modified since the last sync" otherwise.
 *
 * Returns: (transfer full): the line
 */
char *
certo_sync_summary_describe (const CertoSyncSummary *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->outcome == CERTO_SYNC_OUTCOME_NOT_MODIFIED)
    return g_strdup (_("Not modified since the last sync"));

  out = g_string_new (NULL);
  if (self->outcome == CERTO_SYNC_OUTCOME_FIRST_IMPORT)
    {
      g_string_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u document added", "%u documents added",
                                         self->n_added),
                       self->n_added);
      return g_string_free (out, FALSE);
    }

  append_count (out, self->n_added,
                g_dngettext (GETTEXT_PACKAGE, "%u document added", "%u documents added",
                             self->n_added));
  append_count (out, self->n_changed,
                g_dngettext (GETTEXT_PACKAGE, "%u document changed", "%u documents changed",
                             self->n_changed));
  append_count (out, self->n_withdrawn,
                g_dngettext (GETTEXT_PACKAGE, "%u document withdrawn", "%u documents withdrawn",
                             self->n_withdrawn));
  append_count (out, self->n_updated,
                g_dngettext (GETTEXT_PACKAGE, "%u document updated behind its link",
                             "%u documents updated behind their links", self->n_updated));
  append_count (out, self->n_services_added,
                g_dngettext (GETTEXT_PACKAGE, "%u service entered the scope",
                             "%u services entered the scope", self->n_services_added));
  append_count (out, self->n_services_removed,
                g_dngettext (GETTEXT_PACKAGE, "%u service left the scope",
                             "%u services left the scope", self->n_services_removed));

  if (out->len == 0)
    g_string_append (out, _("No changes"));

  return g_string_free (out, FALSE);
}

/* Public API: changes */

/**
 * certo_change_kind_to_string:
 * @kind: a #CertoChangeKind
 *
 * Returns: (transfer none): "first-import", "document-added",
 *   "document-changed", "document-withdrawn", "document-updated",
 *   "service-added" or "service-removed", as stored and as
 *   `certo-cli whatsnew --json` writes it
 */
const char *
certo_change_kind_to_string (CertoChangeKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    kind = CERTO_CHANGE_DOCUMENT_CHANGED;

  return kind_names[kind];
}

/**
 * certo_field_change_get_label:
 * @field: a #CertoFieldChange.field
 *
 * Returns: (transfer none): the field's name for people, translated
 *   ("Certificate number"); @field itself when unknown
 */
const char *
certo_field_change_get_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field, field_labels[i].field) == 0)
      return _(field_labels[i].label);

  return field;
}

/**
 * certo_change_get_id:
 * @self: a #CertoChange
 *
 * Returns: the change's id; negative for a first-import summary
 */
gint64
certo_change_get_id (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->id;
}

/**
 * certo_change_get_kind:
 * @self: a #CertoChange
 *
 * Returns: what changed
 */
CertoChangeKind
certo_change_get_kind (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), CERTO_CHANGE_DOCUMENT_CHANGED);
  return self->kind;
}

/**
 * certo_change_get_run_id:
 * @self: a #CertoChange
 *
 * Returns: the sync (or check) that found the change; changes of one run
 *   share it
 */
gint64
certo_change_get_run_id (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->run_id;
}

/**
 * certo_change_get_source_id:
 * @self: a #CertoChange
 *
 * Returns: the row id of the source that changed
 */
gint64
certo_change_get_source_id (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->source_id;
}

/**
 * certo_change_get_source_name:
 * @self: a #CertoChange
 *
 * Returns: (transfer none) (nullable): the source's name at load time
 */
const char *
certo_change_get_source_name (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  return self->source_name;
}

/**
 * certo_change_get_date:
 * @self: a #CertoChange
 *
 * Returns: (transfer none): when the sync ran, ISO 8601 in UTC
 */
const char *
certo_change_get_date (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  return self->date;
}

/**
 * certo_change_get_key:
 * @self: a #CertoChange
 *
 * Returns: (transfer none): the id of the document or service within its
 *   source ("azure-iso27001-certificate"); the source's key for a first import
 */
const char *
certo_change_get_key (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  return self->key;
}

/**
 * certo_change_get_document_id:
 * @self: a #CertoChange
 *
 * Returns: the row id of the document (certo_catalog_find_document()), or 0
 *   when the change is not about a document or the document is gone
 */
gint64
certo_change_get_document_id (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->document_id;
}

/**
 * certo_change_get_service_id:
 * @self: a #CertoChange
 *
 * Returns: the row id of the service that entered the scope, or 0
 */
gint64
certo_change_get_service_id (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->service_id;
}

/**
 * certo_change_get_title:
 * @self: a #CertoChange
 *
 * Returns: (transfer none): the document's title or the service's name in
 *   the user's language as it was at the change (remote text: plain text);
 *   the source's name for a first import
 */
const char *
certo_change_get_title (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  return self->title != NULL ? self->title : "";
}

/**
 * certo_change_get_title_localized:
 * @self: a #CertoChange
 *
 * Returns: (transfer none) (nullable): the title in every language
 */
CertoLocalized *
certo_change_get_title_localized (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  return self->title_localized;
}

/**
 * certo_change_get_count:
 * @self: a #CertoChange
 *
 * Returns: for a first import, how many documents it added; else 1
 */
guint
certo_change_get_count (CertoChange *self)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), 0);
  return self->count;
}

/**
 * certo_change_get_fields:
 * @self: a #CertoChange
 * @n_fields: (out): how many
 *
 * Returns: (array length=n_fields) (transfer none) (nullable): the fields
 *   of a changed or updated document, old and new values
 */
const CertoFieldChange *
certo_change_get_fields (CertoChange *self,
                         guint       *n_fields)
{
  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = self->n_fields;
  return self->fields;
}

/**
 * certo_change_describe:
 * @self: a #CertoChange
 *
 * One translated line saying what happened, without the title: "Added",
 * "Certificate number: IS 1 → IS 2; Expires: 2022-11-05 → 2025-11-05",
 * "Withdrawn", "Left the scope", "120 documents added". Plain text.
 *
 * Returns: (transfer full): the line
 */
char *
certo_change_describe (CertoChange *self)
{
  GString *out;

  g_return_val_if_fail (CERTO_IS_CHANGE (self), NULL);

  switch (self->kind)
    {
    case CERTO_CHANGE_FIRST_IMPORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "First import: %u document added",
                                           "First import: %u documents added", self->count),
                              self->count);
    case CERTO_CHANGE_DOCUMENT_ADDED:
      return g_strdup (_("New document"));
    case CERTO_CHANGE_DOCUMENT_WITHDRAWN:
      return g_strdup (_("Withdrawn by its source"));
    case CERTO_CHANGE_SERVICE_ADDED:
      return g_strdup (_("Entered the scope"));
    case CERTO_CHANGE_SERVICE_REMOVED:
      return g_strdup (_("Left the scope"));
    case CERTO_CHANGE_DOCUMENT_CHANGED:
    case CERTO_CHANGE_DOCUMENT_UPDATED:
    default:
      break;
    }

  out = g_string_new (self->kind == CERTO_CHANGE_DOCUMENT_UPDATED
                      ? _("The file behind the link changed") : NULL);
  for (guint i = 0; i < self->n_fields; i++)
    {
      const CertoFieldChange *f = &self->fields[i];

      if (out->len > 0)
        g_string_append (out, i == 0 ? ": " : "; ");
      /* Translators: a changed field: "Expires: 2022-11-05 → 2025-11-05"; — means no value */
      g_string_append_printf (out, _("%s: %s → %s"), certo_field_change_get_label (f->field),
                              f->old_value != NULL ? f->old_value : "—",
                              f->new_value != NULL ? f->new_value : "—");
    }
  if (out->len == 0)
    g_string_append (out, _("Changed"));

  return g_string_free (out, FALSE);
}
