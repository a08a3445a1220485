/* certo-cli-workspace-edit.c — workspace history, undo, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every certo-cli command is a session of its own: `undo` reads the undo
 * steps earlier sessions left in the history
 * (certo_workspace_restore_undo_async()), so `workspace set` followed by
 * `workspace undo` takes the change back as Ctrl+Z does in the window.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "certo-cli-private.h"
#include "certo-workspace.h"

/* The history printed unless --limit says otherwise */
#define HISTORY_DEFAULT_LIMIT 50

static char *opt_user;
static char *opt_title;
static char *opt_description;
static char *opt_effective;
static char *opt_expires;
static int opt_limit = -1;
static gboolean opt_json;

static GOptionEntry history_entries[] = {
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most this many changes, newest first (0 for all; 50 by default)"), N_("N") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

static GOptionEntry undo_entries[] = {
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user, N_("The name recorded in the history"), N_("NAME") },
  { NULL }
};

static GOptionEntry evidence_add_entries[] = {
  { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("The title shown (default: the file name, or the address)"), N_("TEXT") },
  { "description", 0, 0, G_OPTION_ARG_STRING, &opt_description, N_("What it shows"), N_("TEXT") },
  { "effective", 0, 0, G_OPTION_ARG_STRING, &opt_effective, N_("From when it is valid"), N_("YYYY-MM-DD") },
  { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires, N_("Until when it is valid"), N_("YYYY-MM-DD") },
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user, N_("The name recorded in the history"), N_("NAME") },
  { NULL }
};

static GOptionEntry evidence_remove_entries[] = {
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user, N_("The name recorded in the history"), N_("NAME") },
  { NULL }
};

static GOptionEntry evidence_list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

/* Helpers */

static void
reset_options (void)
{
  g_clear_pointer (&opt_user, g_free);
  g_clear_pointer (&opt_title, g_free);
  g_clear_pointer (&opt_description, g_free);
  g_clear_pointer (&opt_effective, g_free);
  g_clear_pointer (&opt_expires, g_free);
  opt_limit = -1;
  opt_json = FALSE;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Requirement keys as the workspace shows them: "a5-19,a5-20" →
 * "A.5.19, A.5.20" (a key no longer known stays as it is) */
static char *
labels_of_keys (CertoWorkspace *ws,
                const char     *joined)
{
  g_auto(GStrv) keys = g_strsplit (joined != NULL ? joined : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      CertoRequirementState *state;

      if (*keys[i] == '\0')
        continue;
      state = certo_workspace_find_requirement (ws, keys[i]);
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, state != NULL ? certo_requirement_state_get_display_label (state) : keys[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
action_label (const char *action)
{
  /* Translators: kinds of change in `certo-cli workspace history` */
  if (g_strcmp0 (action, "edit") == 0)
    return C_("history", "edit");
  if (g_strcmp0 (action, "undo") == 0)
    return C_("history", "undo");
  if (g_strcmp0 (action, "add") == 0)
    return C_("history", "add");
  if (g_strcmp0 (action, "remove") == 0)
    return C_("history", "remove");
  if (g_strcmp0 (action, "create") == 0)
    return C_("history", "create");
  if (g_strcmp0 (action, "migrate") == 0)
    return C_("history", "migrate");
  return action != NULL ? action : "";
}

static void
print_entry (CertoWorkspace    *ws,
             CertoHistoryEntry *entry)
{
  const char *field = certo_history_entry_get_field (entry);
  const char *action = certo_history_entry_get_action (entry);
  const char *entity = certo_history_entry_get_entity (entry);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *padded_action = cli_pad (action_label (action), 7);
  g_autofree char *padded_user = cli_pad (certo_history_entry_get_user (entry), 14);

  if (g_strcmp0 (field, "requirement-keys") == 0)
    {
      old_value = labels_of_keys (ws, certo_history_entry_get_old_value (entry));
      new_value = labels_of_keys (ws, certo_history_entry_get_new_value (entry));
    }
  else
    {
      old_value = g_strdup (certo_history_entry_get_old_value (entry));
      new_value = g_strdup (certo_history_entry_get_new_value (entry));
    }

  g_print ("%s  %s %s %s %s", certo_history_entry_get_timestamp (entry), padded_user, padded_action,
           entity != NULL ? entity : "", cli_s (certo_history_entry_get_entity_name (entry)));

  if (field != NULL && g_str_equal (field, "removed"))
    ;
  else if (field != NULL)
    g_print (" — %s: %s → %s", field,
             old_value != NULL && *old_value != '\0' ? cli_s (old_value) : "—",
             new_value != NULL && *new_value != '\0' ? cli_s (new_value) : "—");
  else if (g_strcmp0 (action, "migrate") == 0 && g_strcmp0 (entity, "requirement") == 0 &&
           certo_history_entry_get_new_value (entry) != NULL)
    g_print (" — %s", cli_s (certo_history_entry_get_new_value (entry)));
  else if (g_strcmp0 (action, "add") == 0 && g_strcmp0 (entity, "evidence") == 0 &&
           certo_history_entry_get_new_value (entry) != NULL)
    {
      g_autofree char *labels = labels_of_keys (ws, certo_history_entry_get_new_value (entry));

      /* Translators: an evidence item added, and the requirements it supports */
      g_print (_(" — for %s"), labels);
    }
  g_print ("\n");
}

static void
build_entry (JsonBuilder       *builder,
             CertoHistoryEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, certo_history_entry_get_id (entry));
  add_string (builder, "timestamp", certo_history_entry_get_timestamp (entry));
  add_string (builder, "user", certo_history_entry_get_user (entry));
  add_string (builder, "action", certo_history_entry_get_action (entry));
  add_string (builder, "entity", certo_history_entry_get_entity (entry));
  json_builder_set_member_name (builder, "entity_id");
  json_builder_add_int_value (builder, certo_history_entry_get_entity_id (entry));
  add_string (builder, "name", certo_history_entry_get_entity_name (entry));
  add_string (builder, "field", certo_history_entry_get_field (entry));
  add_string (builder, "old", certo_history_entry_get_old_value (entry));
  add_string (builder, "new", certo_history_entry_get_new_value (entry));
  json_builder_end_object (builder);
}

static gboolean
is_web_address (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);

  /* Anything with a scheme is meant as an address (and refused by name
   * unless it is http or https); a local file is given by its path */
  return scheme != NULL && !g_file_test (text, G_FILE_TEST_EXISTS);
}

/* Commands */

/**
 * cli_workspace_history:
 * @ctx: the command context
 * @argc: arguments, the subcommand's name ("history") first
 * @argv: the same
 *
 * `certo-cli workspace history FILE [REQUIREMENT] [--limit N] [--json]`:
 * the changes recorded in FILE, newest first: when, by whom, what, old
 * and new value. With a requirement, only its own (its evidence added,
 * linked, unlinked and removed included).
 *
 * Returns: an exit status
 */
int
cli_workspace_history (CliContext  *ctx,
                       int          argc,
                       char       **argv)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  CertoRequirementState *requirement = NULL;
  int status;

  reset_options ();
  if (!cli_parse_options ("workspace history", _("FILE [REQUIREMENT]"), history_entries, &argc, &argv, &status))
    return status;
  if (argc != 2 && argc != 3)
    return cli_usage_error ("workspace", _("workspace history takes a file and, to see one requirement’s changes, its number"));
  if (opt_limit < -1)
    return cli_usage_error ("workspace", _("--limit needs a number of changes, 0 for all"));

  ws = cli_workspace_open (ctx, argv[1], NULL, &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  if (argc == 3)
    {
      requirement = certo_workspace_find_requirement (ws, argv[2]);
      if (requirement == NULL)
        {
          cli_workspace_close (ws, TRUE, NULL);
          return cli_error (_("%s has no requirement “%s”; use its number, as in A.5.14 or 9.2"), argv[1], argv[2]);
        }
    }

  certo_workspace_load_history_async (ws, CERTO_WORKSPACE_ITEM (requirement),
                                      opt_limit < 0 ? HISTORY_DEFAULT_LIMIT : (guint) opt_limit,
                                      NULL, cli_store_result, &result);
  cli_wait (&result);
  history = certo_workspace_load_history_finish (ws, result, &error);
  if (history == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      cli_workspace_close (ws, TRUE, NULL);
      return cli_error ("%s", message);
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (history, i);

          build_entry (builder, entry);
        }
      json_builder_end_array (builder);
      cli_print_json (builder);
    }
  else if (g_list_model_get_n_items (history) == 0)
    g_print ("%s\n", _("No changes recorded."));
  else
    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (history, i);

        print_entry (ws, entry);
      }

  if (!cli_workspace_close (ws, FALSE, &error))
    return cli_error ("%s", error->message);
  return CLI_EXIT_OK;
}

/**
 * cli_workspace_undo:
 * @ctx: the command context
 * @argc: arguments, the subcommand's name ("undo") first
 * @argv: the same
 *
 * `certo-cli workspace undo FILE [--user NAME]`: takes back the last
 * change still in effect (one `workspace set`, one evidence added, one
 * import: one step), as Ctrl+Z does, and saves. The undo is recorded in
 * the history; run it again to take back the change before. A removal is
 * final once its command ended (the item is left out of the file).
 *
 * Returns: an exit status: 1 when there is nothing to undo
 */
int
cli_workspace_undo (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int status;

  reset_options ();
  if (!cli_parse_options ("workspace undo", _("FILE"), undo_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("workspace", _("workspace undo takes one file"));

  ws = cli_workspace_open (ctx, argv[1], opt_user, &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  certo_workspace_restore_undo_async (ws, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (certo_workspace_restore_undo_finish (ws, result, &error) < 0)
    {
      g_autofree char *message = g_strdup (error->message);

      cli_workspace_close (ws, TRUE, NULL);
      return cli_error ("%s", message);
    }

  description = certo_workspace_dup_undo_description (ws);
  if (!certo_workspace_undo (ws, &error))
    {
      cli_workspace_close (ws, TRUE, NULL);
      return cli_error (_("Nothing to undo in %s: no change recorded in it can be taken back."), argv[1]);
    }

  if (!cli_workspace_close (ws, FALSE, &error))
    return cli_error ("%s", error->message);

  g_print ("%s\n", _("Undone:"));
  if (description != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_print ("  %s\n", cli_s (lines[i]));
    }
  return CLI_EXIT_OK;
}

static int
evidence_add (CliContext  *ctx,
              int          argc,
              char       **argv)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(CertoEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  CertoEvidenceSpec spec = { 0 };
  const char *what;
  int status;

  if (!cli_parse_options ("workspace evidence add", _("FILE REQUIREMENT[,REQUIREMENT…] PATH|URL"),
                          evidence_add_entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cli_usage_error ("workspace",
                            _("workspace evidence add takes the workspace, the requirements it supports (A.5.15,A.8.3) and a file or a web address"));

  what = argv[3];
  if (g_str_has_prefix (what, "doc:"))
    return cli_usage_error ("workspace",
                            _("Library documents are added as evidence from the window (Use as Evidence); give a file or a web address here"));

  keys = g_strsplit (argv[2], ",", -1);
  spec.title = opt_title;
  spec.description = opt_description;
  spec.effective_date = opt_effective;
  spec.expiry_date = opt_expires;
  spec.requirement_keys = (const char * const *) keys;

  ws = cli_workspace_open (ctx, argv[1], opt_user, &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  if (is_web_address (what))
    {
      CertoEvidence *link = certo_workspace_add_evidence_link (ws, what, &spec, &error);

      evidence = link != NULL ? g_object_ref (link) : NULL;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (what);
      g_autoptr(GAsyncResult) result = NULL;

      certo_workspace_add_evidence_file_async (ws, file, &spec, NULL, cli_store_result, &result);
      cli_wait (&result);
      evidence = certo_workspace_add_evidence_file_finish (ws, result, &error);
    }

  if (evidence == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      cli_workspace_close (ws, TRUE, NULL);
      return cli_error ("%s", message);
    }

  if (!cli_workspace_close (ws, FALSE, &error))
    return cli_error ("%s", error->message);

  if (certo_evidence_get_kind (evidence) == CERTO_EVIDENCE_FILE)
    {
      g_autofree char *size = g_format_size_full (certo_evidence_get_size (evidence), G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: evidence added: its number, its title, its size ("1.2 MiB") */
      g_print (_("Added evidence %" PRId64 ": “%s” (%s, SHA-256 %s)\n"),
               (int64_t) certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence)),
               cli_s (certo_evidence_get_title (evidence)), size, certo_evidence_get_sha256 (evidence));
    }
  else
    /* Translators: evidence added: its number and its title */
    g_print (_("Added evidence %" PRId64 ": “%s”\n"),
             (int64_t) certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence)),
             cli_s (certo_evidence_get_title (evidence)));
  return CLI_EXIT_OK;
}

static int
evidence_remove (CliContext  *ctx,
                 int          argc,
                 char       **argv)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CertoWorkspaceItem *item;
  gint64 id = 0;
  int status;

  if (!cli_parse_options ("workspace evidence remove", _("FILE ID"), evidence_remove_entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error ("workspace", _("workspace evidence remove takes the workspace and the evidence number (see workspace evidence list)"));
  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return cli_usage_error ("workspace", _("“%s” is not an evidence number; see workspace evidence list"), argv[2]);

  ws = cli_workspace_open (ctx, argv[1], opt_user, &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  item = certo_workspace_find_item (ws, CERTO_TYPE_EVIDENCE, id);
  if (item == NULL || certo_workspace_item_get_removed (item))
    {
      cli_workspace_close (ws, TRUE, NULL);
      return cli_error (_("%s has no evidence %s; see workspace evidence list"), argv[1], argv[2]);
    }

  title = g_strdup (certo_evidence_get_title (CERTO_EVIDENCE (item)));
  if (!certo_workspace_remove_item (ws, item, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      cli_workspace_close (ws, TRUE, NULL);
      return cli_error ("%s", message);
    }

  if (!cli_workspace_close (ws, FALSE, &error))
    return cli_error ("%s", error->message);

  /* A removed item is left out of the saved file: a later command cannot
   * bring it back, so say so */
  /* Translators: %s is an evidence item's title */
  g_print (_("Removed evidence “%s”; it is no longer in the saved workspace\n"), cli_s (title));
  return CLI_EXIT_OK;
}

static int
evidence_list (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *model;
  int status;

  if (!cli_parse_options ("workspace evidence list", _("FILE"), evidence_list_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("workspace", _("workspace evidence list takes one file"));

  ws = cli_workspace_open (ctx, argv[1], NULL, &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  model = certo_workspace_get_evidence (ws);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoEvidence) evidence = g_list_model_get_item (model, i);
      g_autofree char *keys = g_strjoinv (",", (char **) certo_evidence_get_requirement_keys (evidence));
      g_autofree char *labels = labels_of_keys (ws, keys);
      gint64 id = certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence));
      const char *kind = certo_enum_to_nick (CERTO_TYPE_EVIDENCE_KIND, certo_evidence_get_kind (evidence));

      if (opt_json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, id);
          add_string (builder, "kind", kind);
          add_string (builder, "title", certo_evidence_get_title (evidence));
          add_string (builder, "url", certo_evidence_get_url (evidence));
          add_string (builder, "file_name", certo_evidence_get_file_name (evidence));
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, certo_evidence_get_size (evidence));
          add_string (builder, "sha256", certo_evidence_get_sha256 (evidence));
          add_string (builder, "effective", certo_evidence_get_effective_date (evidence));
          add_string (builder, "expires", certo_evidence_get_expiry_date (evidence));
          add_string (builder, "requirements", labels);
          json_builder_end_object (builder);
        }
      else if (certo_evidence_get_kind (evidence) == CERTO_EVIDENCE_FILE)
        {
          g_autofree char *size = g_format_size_full (certo_evidence_get_size (evidence), G_FORMAT_SIZE_IEC_UNITS);

          /* Translators: one evidence item: number, kind, title, size, requirements */
          g_print (_("%4" PRId64 "  %-8s %s (%s) — %s\n"), (int64_t) id, kind,
                   cli_s (certo_evidence_get_title (evidence)), size, labels);
        }
      else
        /* Translators: one evidence item: number, kind, title, requirements */
        g_print (_("%4" PRId64 "  %-8s %s — %s\n"), (int64_t) id, kind,
                 cli_s (certo_evidence_get_title (evidence)), labels);
    }
  json_builder_end_array (builder);
  if (opt_json)
    cli_print_json (builder);

  if (!cli_workspace_close (ws, FALSE, &error))
    return cli_error ("%s", error->message);
  return CLI_EXIT_OK;
}

/**
 * cli_workspace_evidence:
 * @ctx: the command context
 * @argc: arguments, the subcommand's name ("evidence") first
 * @argv: the same
 *
 * `certo-cli workspace evidence add FILE REQUIREMENTS PATH|URL`,
 * `… evidence remove FILE ID`, `… evidence list FILE [--json]`: a file is
 * stored inside the workspace with its SHA-256 (a regular file, at most
 * 50 MiB); a link must be an http or https address.
 *
 * Returns: an exit status
 */
int
cli_workspace_evidence (CliContext  *ctx,
                        int          argc,
                        char       **argv)
{
  int status;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage:"));
      g_print ("  certo-cli workspace evidence add FILE REQUIREMENT[,REQUIREMENT…] PATH|URL [--title TEXT] [--effective YYYY-MM-DD] [--expires YYYY-MM-DD]\n");
      g_print ("  certo-cli workspace evidence remove FILE ID\n");
      g_print ("  certo-cli workspace evidence list FILE [--json]\n");
      return CLI_EXIT_OK;
    }
  if (argc < 2)
    return cli_usage_error ("workspace", _("workspace evidence needs add, remove or list"));

  reset_options ();
  if (g_str_equal (argv[1], "add"))
    status = evidence_add (ctx, argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "remove"))
    status = evidence_remove (ctx, argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "list"))
    status = evidence_list (ctx, argc - 1, argv + 1);
  else
    status = cli_usage_error ("workspace", _("Unknown evidence command “%s”: use add, remove or list"), argv[1]);
  reset_options ();

  return status;
}
