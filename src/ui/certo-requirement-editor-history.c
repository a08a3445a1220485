/* certo-requirement-editor-history.c — the editor's History row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of the requirement shown — who, when, the field, the value
 * before and after, undos marked — read from the workspace's history when
 * the row is open, again shortly after each change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-requirement-editor-private.h"
#include "certo-workspace-util.h"

/* The history shows this many changes, newest first */
#define HISTORY_LIMIT 50

static char *
capitalise (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static char *
format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");

  local = g_date_time_to_local (utc);
  /* Translators: when a change was made, see g_date_time_format(): "3 March 2025, 14:02" */
  return g_date_time_format (local, C_("history", "%-d %B %Y, %H:%M"));
}

static GtkWidget *
create_history_row (CertoHistoryEntry *entry)
{
  const char *field = certo_history_entry_get_field (entry);
  const char *action = certo_history_entry_get_action (entry);
  g_autofree char *name = capitalise (certo_field_label (field));
  g_autofree char *old_value = certo_history_value_label (field, certo_history_entry_get_old_value (entry));
  g_autofree char *new_value = certo_history_value_label (field, certo_history_entry_get_new_value (entry));
  g_autofree char *when = format_timestamp (certo_history_entry_get_timestamp (entry));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (g_strcmp0 (action, "undo") == 0)
    /* Translators: a change undone: "Undone: Status: Implemented → Not started" */
    title = g_strdup_printf (_("Undone: %s: %s → %s"), name, old_value, new_value);
  else if (g_strcmp0 (action, "migrate") == 0 && (field == NULL || *field == '\0') &&
           certo_history_entry_get_new_value (entry) != NULL)
    /* Translators: how the migration from ISO/IEC 27001:2013 decided this
     * requirement: "Migrated: Merged from A.5.1.1, A.5.1.2, whose statuses differ…" */
    title = g_strdup_printf (_("Migrated: %s"), certo_history_entry_get_new_value (entry));
  else if (field == NULL || *field == '\0')
    title = capitalise (action);
  else
    /* Translators: a change: "Status: Not started → Implemented" */
    title = g_strdup_printf (_("%s: %s → %s"), name, old_value, new_value);

  /* Translators: who made a change and when: "Erin Rossi · 3 March 2025, 14:02" */
  subtitle = g_strdup_printf (_("%s · %s"), certo_history_entry_get_user (entry), when);

  /* The user's own text and names: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/**
 * certo_requirement_editor_clear_history:
 * @self: the editor
 *
 * Empties the History row (another requirement, or none).
 */
void
certo_requirement_editor_clear_history (CertoRequirementEditor *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
}

typedef struct
{
  CertoRequirementEditor *self;
  CertoRequirementState  *requirement;
} HistoryData;

static void
history_data_free (HistoryData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->requirement);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HistoryData, history_data_free)

static void
on_history_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HistoryData) data = user_data;
  CertoRequirementEditor *self = data->self;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  entries = certo_workspace_load_history_finish (CERTO_WORKSPACE (source), result, &error);
  if (entries == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data->requirement != self->requirement)
    return;

  certo_requirement_editor_clear_history (self);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
      return;
    }

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *row = create_history_row (entry);

      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes yet"));
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static gboolean
on_history_timeout (gpointer user_data)
{
  CertoRequirementEditor *self = user_data;
  HistoryData *data;

  self->history_timeout = 0;
  if (self->requirement == NULL || self->workspace == NULL
      || !certo_workspace_get_is_open (self->workspace)
      || !adw_expander_row_get_expanded (self->history_row))
    return G_SOURCE_REMOVE;

  data = g_new0 (HistoryData, 1);
  data->self = g_object_ref (self);
  data->requirement = g_object_ref (self->requirement);
  certo_workspace_load_history_async (self->workspace, CERTO_WORKSPACE_ITEM (self->requirement),
                                      HISTORY_LIMIT, self->cancellable, on_history_loaded, data);

  return G_SOURCE_REMOVE;
}

/**
 * certo_requirement_editor_reload_history:
 * @self: the editor
 *
 * Reads the requirement's history again, shortly (edits come in bursts),
 * when the History row is open.
 */
void
certo_requirement_editor_reload_history (CertoRequirementEditor *self)
{
  if (!adw_expander_row_get_expanded (self->history_row))
    return;

  g_clear_handle_id (&self->history_timeout, g_source_remove);
  self->history_timeout = g_timeout_add (300, on_history_timeout, self);
}

static void
on_history_expanded (CertoRequirementEditor *self)
{
  certo_requirement_editor_reload_history (self);
}

/**
 * certo_requirement_editor_init_history:
 * @self: the editor
 *
 * Loads the history when the History row opens; from init().
 */
void
certo_requirement_editor_init_history (CertoRequirementEditor *self)
{
  g_signal_connect_swapped (self->history_row, "notify::expanded", G_CALLBACK (on_history_expanded), self);
}

