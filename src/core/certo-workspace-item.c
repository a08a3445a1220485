/* certo-workspace-item.c — a row of a certification workspace, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values cross into the file, the history and undo as text: enumerations
 * by nick, reason sets as "legal,risk-treatment", booleans "true"/"false",
 * dates `YYYY-MM-DD`, lists of requirement keys joined by ",". One
 * conversion here serves the writes, the history, undo, the CLI's
 * `field=value` and the CSV import.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-text.h"
#include "certo-workspace-private.h"

typedef struct
{
  gint64 id;
  gboolean removed;
  CertoWorkspace *workspace;   /* unowned: the workspace detaches on dispose */
} CertoWorkspaceItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CertoWorkspaceItem, certo_workspace_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REMOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Values as text */

static gboolean
is_date_property (GParamSpec *pspec)
{
  return G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING &&
         g_str_has_suffix (pspec->name, "-date");
}

/**
 * _certo_value_to_string:
 * @value: a value of a workspace property
 *
 * Returns: (transfer full) (nullable): its text form; %NULL for no value
 *   (a %NULL string or an empty date)
 */
char *
_certo_value_to_string (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      return strv != NULL ? g_strjoinv (",", (char **) strv) : g_strdup ("");
    }
  if (type == CERTO_TYPE_INCLUSION_REASONS)
    return certo_inclusion_reasons_to_string (g_value_get_flags (value));
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (certo_enum_to_nick (type, g_value_get_enum (value)));

  g_return_val_if_reached (NULL);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out)
{
  static const char * const yes[] = { "true", "yes", "1", "y", "applicable", NULL };
  static const char * const no[] = { "false", "no", "0", "n", NULL };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  g_strstrip (lower);
  if (g_strv_contains (yes, lower))
    *out = TRUE;
  else if (g_strv_contains (no, lower))
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

static char *
list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}

/**
 * _certo_value_from_string:
 * @pspec: the property the value is for
 * @text: (nullable): its text form; %NULL or "" clears a string or date
 * @value: (out caller-allocates): initialised to the property's type here
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Parses and checks a value: an enumeration nick, a `YYYY-MM-DD` date for
 * a "…-date" property, a reason set, a boolean (true/false, yes/no).
 *
 * Returns: %TRUE when @value holds a valid value
 */
gboolean
_certo_value_from_string (GParamSpec  *pspec,
                          const char  *text,
                          GValue      *value,
                          GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if (is_date_property (pspec) && text != NULL && *text != '\0')
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          if (!_certo_workspace_check_date (stripped, error))
            return FALSE;
          g_value_set_string (value, stripped);
        }
      else if (is_date_property (pspec))
        g_value_set_string (value, NULL);
      else
        g_value_set_string (value, text != NULL ? text : "");
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      gboolean b = FALSE;

      if (text == NULL || !parse_boolean (text, &b))
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("“%s” is not yes or no"), text ? text : "");
          return FALSE;
        }
      g_value_set_boolean (value, b);
      return TRUE;
    }

  if (type == G_TYPE_INT64)
    {
      gint64 n = 0;

      if (text == NULL || *text == '\0')
        n = 0;
      else if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &n, NULL))
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("“%s” is not a number"), text);
          return FALSE;
        }
      g_value_set_int64 (value, n);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ", ", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (builder, parts[i]);
      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }

  if (type == CERTO_TYPE_INCLUSION_REASONS)
    {
      CertoInclusionReasons reasons = 0;

      if (!certo_inclusion_reasons_from_string (text, &reasons))
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("“%s” is not a list of reasons; use legal, contractual, business, risk-treatment, best-practice"),
                       text);
          return FALSE;
        }
      g_value_set_flags (value, reasons);
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      int v = 0;

      if (!certo_enum_from_nick (type, text, &v))
        {
          g_autofree char *allowed = list_nicks (type);

          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid value here; use one of: %s"),
                       text ? text : "", allowed);
          return FALSE;
        }
      g_value_set_enum (value, v);
      return TRUE;
    }

  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
               _("The field “%s” cannot be set from text"), pspec->name);
  return FALSE;
}

/**
 * _certo_object_dup_property_string:
 * @object: an item or the workspace
 * @pspec: one of its properties
 *
 * Returns: (transfer full) (nullable): the property's value as text
 */
char *
_certo_object_dup_property_string (GObject    *object,
                                   GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &value);
  return _certo_value_to_string (&value);
}

/* Change tracking */

/**
 * _certo_workspace_item_end_change:
 * @object: an item (or the workspace itself) whose property just changed
 * @pspec: the property
 * @old_value: (transfer full) (nullable): the value before, as text
 *
 * Notifies the change and, when @object belongs to an open workspace,
 * records it there (working copy, history, undo, autosave).
 */
void
_certo_workspace_item_end_change (gpointer    object,
                                  GParamSpec *pspec,
                                  char       *old_value)
{
  g_autofree char *old = old_value;
  CertoWorkspace *workspace = NULL;

  g_object_notify_by_pspec (object, pspec);

  if (CERTO_IS_WORKSPACE_ITEM (object))
    {
      CertoWorkspaceItemPrivate *priv =
        certo_workspace_item_get_instance_private (object);

      workspace = priv->workspace;
    }
  else if (CERTO_IS_WORKSPACE (object))
    workspace = object;

  if (workspace != NULL)
    _certo_workspace_record_change (workspace, object, pspec, old);
}

/**
 * _certo_workspace_item_begin_change:
 * @object: an item or the workspace
 * @pspec: the property about to change
 *
 * Returns: (transfer full) (nullable): the current value as text, for
 *   _certo_workspace_item_end_change()
 */
char *
_certo_workspace_item_begin_change (gpointer    object,
                                    GParamSpec *pspec)
{
  return _certo_object_dup_property_string (object, pspec);
}

/**
 * _certo_workspace_item_set_workspace:
 * @self: an item
 * @workspace: (nullable): the workspace that owns it, unowned
 */
void
_certo_workspace_item_set_workspace (CertoWorkspaceItem *self,
                                     CertoWorkspace     *workspace)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  priv->workspace = workspace;
}

/**
 * _certo_workspace_item_get_workspace:
 * @self: an item
 *
 * Returns: (transfer none) (nullable): its workspace
 */
CertoWorkspace *
_certo_workspace_item_get_workspace (CertoWorkspaceItem *self)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  return priv->workspace;
}

/**
 * _certo_workspace_item_set_removed:
 * @self: an item
 * @removed: whether it is removed
 *
 * Marks an item removed or restored, as a tracked change.
 */
void
_certo_workspace_item_set_removed (CertoWorkspaceItem *self,
                                   gboolean            removed)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);
  char *old;

  removed = !!removed;
  if (priv->removed == removed)
    return;

  old = _certo_workspace_item_begin_change (self, properties[PROP_REMOVED]);
  priv->removed = removed;
  _certo_workspace_item_end_change (self, properties[PROP_REMOVED], old);
}

/**
 * _certo_workspace_clean_text:
 * @text: (nullable): a value for a text field, from the UI, the CLI, an
 *   import
 * @multiline: whether the field keeps line breaks (notes, justifications,
 *   descriptions, the scope)
 *
 * The one rule for what a workspace stores in a text field, wherever the
 * value comes from, as the catalog import keeps it
 * (certo_text_is_unsafe_char()): C0 and C1 controls, DEL and the
 * bidirectional embeddings, overrides and isolates are dropped, so an
 * export or a terminal shows the text as it reads. A one-line field
 * turns tabs and line breaks into spaces; a multi-line field keeps line
 * breaks (CR LF and CR become LF, U+2028/U+2029 a line break) and tabs.
 * Invalid UTF-8 becomes U+FFFD.
 *
 * Returns: (transfer full) (nullable): the text to store; %NULL for %NULL
 */
char *
_certo_workspace_clean_text (const char *text,
                             gboolean    multiline)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  if (!multiline)
    return certo_text_strip_unsafe (text, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, (char) c);
      else if (c == 0x2028 || c == 0x2029)
        g_string_append_c (out, '\n');
      else if (!certo_text_is_unsafe_char (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * _certo_workspace_text_is_blank:
 * @text: (nullable): text
 *
 * Returns: %TRUE when @text shows nothing: no character that is not a
 *   space, a control or a format mark (a right-to-left mark alone is no
 *   name)
 */
gboolean
_certo_workspace_text_is_blank (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text == NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isgraph (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * _certo_workspace_field_is_multiline:
 * @object: an item or the workspace
 * @pspec: one of its text properties
 *
 * Returns: whether the field keeps line breaks (the entity tables say)
 */
gboolean
_certo_workspace_field_is_multiline (gpointer    object,
                                     GParamSpec *pspec)
{
  const CertoEntity *entity = _certo_entity_for_object (object);
  const CertoField *field = entity != NULL ? _certo_entity_find_field (entity, pspec->name) : NULL;

  return field != NULL && (field->flags & CERTO_FIELD_MULTILINE) != 0;
}

/**
 * _certo_workspace_is_undoing:
 * @self: (nullable): a workspace
 *
 * Returns: whether certo_workspace_undo() is restoring values: rules
 *   between fields are not checked then, since the values restored were
 *   valid together
 */
gboolean
_certo_workspace_is_undoing (CertoWorkspace *self)
{
  return self != NULL && self->in_undo;
}

/**
 * _certo_workspace_item_set_string:
 * @object: an item
 * @pspec: its string property
 * @field: (inout): where the value is kept
 * @value: (nullable): the new value; %NULL is kept as ""
 *
 * Sets a text property as a tracked change, cleaned first
 * (_certo_workspace_clean_text()).
 */
void
_certo_workspace_item_set_string (gpointer     object,
                                  GParamSpec  *pspec,
                                  char       **field,
                                  const char  *value)
{
  g_autofree char *clean = NULL;
  char *old;

  if (value == NULL)
    value = "";
  clean = _certo_workspace_clean_text (value, _certo_workspace_field_is_multiline (object, pspec));
  if (g_strcmp0 (*field, clean) == 0)
    return;

  old = _certo_workspace_item_begin_change (object, pspec);
  g_free (*field);
  *field = g_steal_pointer (&clean);
  _certo_workspace_item_end_change (object, pspec, old);
}

/**
 * _certo_workspace_check_date:
 * @date: (nullable): the value of a date property or field; %NULL or ""
 *   for none
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when @date is none, or a valid `YYYY-MM-DD` whose year
 *   is between %CERTO_WORKSPACE_MIN_YEAR and %CERTO_WORKSPACE_MAX_YEAR
 */
gboolean
_certo_workspace_check_date (const char  *date,
                             GError     **error)
{
  GDate parsed;

  if (date == NULL || *date == '\0')
    return TRUE;

  if (!certo_iso_date_parse (date, &parsed))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                   _("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-31"),
                   date);
      return FALSE;
    }

  /* ISO/IEC 27001 dates from 2005; a year far outside is a typing slip
   * ("0225", "20255" cut short), not a plan */
  if (g_date_get_year (&parsed) < CERTO_WORKSPACE_MIN_YEAR ||
      g_date_get_year (&parsed) > CERTO_WORKSPACE_MAX_YEAR)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                   _("“%s” is not a plausible date: the year must be between %d and %d. Check the year."),
                   date, CERTO_WORKSPACE_MIN_YEAR, CERTO_WORKSPACE_MAX_YEAR);
      return FALSE;
    }

  return TRUE;
}

/**
 * _certo_workspace_item_set_date:
 * @object: an item
 * @pspec: its "…-date" property
 * @field: (inout): where the value is kept
 * @value: (nullable): `YYYY-MM-DD`; %NULL or "" for none
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Sets a date property as a tracked change.
 *
 * Returns: %TRUE when set
 */
gboolean
_certo_workspace_item_set_date (gpointer     object,
                                GParamSpec  *pspec,
                                char       **field,
                                const char  *value,
                                GError     **error)
{
  char *old;

  if (!_certo_workspace_check_date (value, error))
    return FALSE;
  value = certo_nonempty (value);
  if (g_strcmp0 (*field, value) == 0)
    return TRUE;

  old = _certo_workspace_item_begin_change (object, pspec);
  g_free (*field);
  *field = g_strdup (value);
  _certo_workspace_item_end_change (object, pspec, old);
  return TRUE;
}

/**
 * _certo_workspace_item_set_keys:
 * @object: an evidence item or a finding
 * @pspec: its "requirement-keys" property
 * @field: (inout): where the keys are kept
 * @keys: (nullable) (array zero-terminated=1): requirement keys
 * @error: (out) (optional): what the item's validate() sets
 *   (%CERTO_WORKSPACE_ERROR_NOT_FOUND)
 *
 * Sets the requirements an item supports or names, as one tracked change
 * (one undo step); in a workspace, in the framework's order, without
 * duplicates.
 *
 * Returns: %TRUE when set
 */
gboolean
_certo_workspace_item_set_keys (gpointer             object,
                                GParamSpec          *pspec,
                                char              ***field,
                                const char * const  *keys,
                                GError             **error)
{
  CertoWorkspace *workspace = _certo_workspace_item_get_workspace (CERTO_WORKSPACE_ITEM (object));
  g_auto(GStrv) normal = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  char *old;

  if (workspace != NULL)
    normal = _certo_workspace_sort_keys (workspace, keys);
  else
    normal = g_strdupv ((char **) (keys != NULL ? keys : (const char * const[]) { NULL }));

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, normal);
  if (!certo_workspace_item_validate (CERTO_WORKSPACE_ITEM (object), pspec, &value, error))
    return FALSE;

  if (g_strv_equal ((const char * const *) *field, (const char * const *) normal))
    return TRUE;

  old = _certo_workspace_item_begin_change (object, pspec);
  g_strfreev (*field);
  *field = g_steal_pointer (&normal);
  _certo_workspace_item_end_change (object, pspec, old);
  return TRUE;
}

/**
 * _certo_workspace_item_set_int:
 * @object: an item
 * @pspec: its enumeration or integer property
 * @field: (inout): where the value is kept
 * @value: the new value
 *
 * Sets an enumeration as a tracked change.
 */
void
_certo_workspace_item_set_int (gpointer    object,
                               GParamSpec *pspec,
                               int        *field,
                               int         value)
{
  char *old;

  if (*field == value)
    return;

  old = _certo_workspace_item_begin_change (object, pspec);
  *field = value;
  _certo_workspace_item_end_change (object, pspec, old);
}

/* GObject */

static char *
certo_workspace_item_real_dup_display_name (CertoWorkspaceItem *self)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  return g_strdup_printf ("#%" G_GINT64_FORMAT, priv->id);
}

static void
certo_workspace_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CertoWorkspaceItem *self = CERTO_WORKSPACE_ITEM (object);
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_REMOVED:
      g_value_set_boolean (value, priv->removed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CertoWorkspaceItem *self = CERTO_WORKSPACE_ITEM (object);
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    case PROP_REMOVED:
      _certo_workspace_item_set_removed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_workspace_item_class_init (CertoWorkspaceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = certo_workspace_item_get_property;
  object_class->set_property = certo_workspace_item_set_property;

  klass->dup_display_name = certo_workspace_item_real_dup_display_name;

  /**
   * CertoWorkspaceItem:id:
   *
   * The row's id in the workspace file: stable, never reused.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoWorkspaceItem:removed:
   *
   * Whether the item was removed. A removed item leaves the workspace's
   * lists at once but stays in the working copy, so the removal can be
   * undone, until the workspace closes; it is never in a saved file.
   */
  properties[PROP_REMOVED] =
    g_param_spec_boolean ("removed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_workspace_item_init (CertoWorkspaceItem *self)
{
}

/**
 * certo_workspace_item_get_id:
 * @self: an item
 *
 * Returns: the item's id in the workspace file (stable across saves)
 */
gint64
certo_workspace_item_get_id (CertoWorkspaceItem *self)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  g_return_val_if_fail (CERTO_IS_WORKSPACE_ITEM (self), 0);
  return priv->id;
}

/**
 * certo_workspace_item_get_removed:
 * @self: an item
 *
 * Returns: whether the item was removed (certo_workspace_remove_item())
 */
gboolean
certo_workspace_item_get_removed (CertoWorkspaceItem *self)
{
  CertoWorkspaceItemPrivate *priv = certo_workspace_item_get_instance_private (self);

  g_return_val_if_fail (CERTO_IS_WORKSPACE_ITEM (self), FALSE);
  return priv->removed;
}

/**
 * certo_workspace_item_dup_display_name:
 * @self: an item
 *
 * Returns: (transfer full): a short name for lists and the history:
 *   "A.5.14" for a requirement, the title for evidence
 */
char *
certo_workspace_item_dup_display_name (CertoWorkspaceItem *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_ITEM (self), NULL);
  return CERTO_WORKSPACE_ITEM_GET_CLASS (self)->dup_display_name (self);
}

/**
 * certo_workspace_item_validate:
 * @self: an item
 * @pspec: one of its properties
 * @value: a new value for it
 * @error: (out) (optional): why it is refused, a #CERTO_WORKSPACE_ERROR
 *
 * Checks a value against the rules the item keeps (for a requirement:
 * clauses 4–10 of ISO/IEC 27001 cannot be excluded).
 *
 * Returns: %TRUE when @value may be set
 */
gboolean
certo_workspace_item_validate (CertoWorkspaceItem  *self,
                               GParamSpec          *pspec,
                               const GValue        *value,
                               GError             **error)
{
  CertoWorkspaceItemClass *klass;

  g_return_val_if_fail (CERTO_IS_WORKSPACE_ITEM (self), FALSE);

  klass = CERTO_WORKSPACE_ITEM_GET_CLASS (self);
  if (klass->validate == NULL)
    return TRUE;

  return klass->validate (self, pspec, value, error);
}
