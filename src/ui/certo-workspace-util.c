/* certo-workspace-util.c — small helpers the workspace widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-workspace-util.h"

/**
 * certo_readiness_text:
 * @implemented: requirements implemented
 * @applicable: requirements that apply
 * @readiness: @implemented ÷ @applicable, 0 to 1
 *
 * Returns: (transfer full): "12 of 37 implemented (32%)": the numbers,
 *   never a colour alone
 */
char *
certo_readiness_text (guint  implemented,
                      guint  applicable,
                      double readiness)
{
  /* Translators: readiness of a group of requirements: "12 of 37 implemented (32%)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u implemented (%.0f%%)",
                                       "%u of %u implemented (%.0f%%)",
                                       applicable),
                          implemented, applicable, 100.0 * readiness);
}

/**
 * certo_points_text:
 * @earned: points earned
 * @possible: points possible
 *
 * Returns: (transfer full): "27 of 39 points"
 */
char *
certo_points_text (guint earned,
                   guint possible)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u point", "%u of %u points", possible),
                          earned, possible);
}

/**
 * certo_group_name:
 * @label: (nullable): a group's number ("5", "A.5", "9")
 * @title: (nullable): its title
 * @is_annex_a: whether it is an Annex A theme or domain
 * @is_clause: whether it is a management-system clause (4–10)
 *
 * Returns: (transfer full): "A.5 Organizational controls", "Clause 9
 *   Performance evaluation" (a clause and a theme may share a number),
 *   "AC Access Control"
 */
char *
certo_group_name (const char *label,
                  const char *title,
                  gboolean    is_annex_a,
                  gboolean    is_clause)
{
  label = label != NULL ? label : "";
  title = title != NULL ? title : "";

  if (*label == '\0')
    return g_strdup (title);
  if (is_annex_a && !g_str_has_prefix (label, "A."))
    /* Translators: an Annex A theme or domain: "A.5 Organizational controls" */
    return g_strdup_printf (_("A.%s %s"), label, title);
  if (!is_clause)
    /* Translators: a group of requirements: its number and title, "AC Access Control" */
    return g_strdup_printf (C_("group", "%s %s"), label, title);
  /* Translators: a clause of ISO/IEC 27001, "Clause 9 Performance evaluation" */
  return g_strdup_printf (_("Clause %s %s"), label, title);
}

/**
 * certo_score_group_name:
 * @group: a line of the score
 *
 * Returns: (transfer full): the group's name, as certo_group_name()
 */
char *
certo_score_group_name (const CertoScoreGroup *group)
{
  gboolean numeric = group->label != NULL && *group->label != '\0';

  /* The score does not say which groups are clauses: ISO clauses are numbered */
  for (const char *p = group->label; p != NULL && *p != '\0'; p++)
    numeric = numeric && g_ascii_isdigit (*p);

  return certo_group_name (group->label, group->title, group->is_annex_a,
                           !group->is_annex_a && numeric);
}

/**
 * certo_status_icon_name:
 * @status: an implementation status
 *
 * Returns: (transfer none): an icon that goes beside the status's label
 */
const char *
certo_status_icon_name (CertoImplementationStatus status)
{
  switch (status)
    {
    case CERTO_STATUS_PLANNED:
      return "x-office-calendar-symbolic";
    case CERTO_STATUS_IN_PROGRESS:
      return "emblem-synchronizing-symbolic";
    case CERTO_STATUS_IMPLEMENTED:
      return "emblem-ok-symbolic";
    case CERTO_STATUS_NOT_STARTED:
    default:
      return "radio-symbolic";
    }
}

/**
 * certo_applicability_icon_name:
 * @applicability: whether a requirement applies
 *
 * Returns: (transfer none): an icon that goes beside its label
 */
const char *
certo_applicability_icon_name (CertoApplicability applicability)
{
  switch (applicability)
    {
    case CERTO_APPLICABILITY_APPLICABLE:
      return "object-select-symbolic";
    case CERTO_APPLICABILITY_EXCLUDED:
      return "action-unavailable-symbolic";
    case CERTO_APPLICABILITY_UNREVIEWED:
    default:
      return "radio-mixed-symbolic";
    }
}

/**
 * certo_field_label:
 * @property: a property of a workspace item ("status", "due-date")
 *
 * Returns: (transfer none): the field's name in running text ("status",
 *   "due date"), translated; @property itself when unknown
 */
const char *
certo_field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "applicability", N_("applicability") },
    { "inclusion-reasons", N_("reasons for inclusion") },
    { "exclusion-justification", N_("justification") },
    { "status", N_("status") },
    { "audit-result", N_("internal-audit result") },
    { "control-type", N_("control type") },
    { "obligation", N_("obligation") },
    { "owner", N_("owner") },
    { "due-date", N_("due date") },
    { "notes", N_("notes") },
    { "removed", N_("removal") },
    { "title", N_("title") },
    { "description", N_("description") },
    { "effective-date", N_("effective date") },
    { "expiry-date", N_("expiry date") },
    { "requirement-keys", N_("linked requirements") },
    { "kind", N_("kind") },
    { "planned-date", N_("planned date") },
    { "performed-date", N_("date performed") },
    { "auditor", N_("auditor") },
    { "reference", N_("reference") },
    { "corrective-action", N_("corrective action") },
    { "closed-date", N_("closing date") },
    { "audit-id", N_("audit") },
    { "version", N_("version") },
    { "approver", N_("approver") },
    { "approval-date", N_("approval date") },
    { "organisation", N_("organisation") },
    { "scope", N_("scope") },
    { "certificate-number", N_("certificate number") },
    { "certification-body", N_("certification body") },
    { "certificate-issue-date", N_("certificate issue date") },
    { "certificate-expiry-date", N_("certificate expiry date") },
  };

  if (property == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].property, property))
      return _(labels[i].label);

  return property;
}

/**
 * certo_history_value_label:
 * @property: the field
 * @value: (nullable): a value as the history stores it (a nick, a date)
 *
 * Returns: (transfer full): @value for people: "In progress" for
 *   "in-progress", "—" for nothing
 */
char *
certo_history_value_label (const char *property,
                           const char *value)
{
  static const struct { const char *property; GType (*get_type) (void); } enums[] = {
    { "applicability", certo_applicability_get_type },
    { "status", certo_implementation_status_get_type },
    { "audit-result", certo_audit_result_get_type },
    { "control-type", certo_control_type_get_type },
    { "obligation", certo_obligation_get_type },
  };

  if (value == NULL || *value == '\0')
    return g_strdup ("—");

  if (g_strcmp0 (property, "inclusion-reasons") == 0)
    {
      CertoInclusionReasons reasons = CERTO_INCLUSION_NONE;

      if (certo_inclusion_reasons_from_string (value, &reasons))
        return certo_inclusion_reasons_to_label (reasons);
    }

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      int number = 0;

      if (g_strcmp0 (property, enums[i].property) == 0
          && certo_enum_from_nick (enums[i].get_type (), value, &number))
        return g_strdup (certo_enum_to_label (enums[i].get_type (), number));
    }

  if (property != NULL && g_str_has_suffix (property, "-date"))
    {
      char *date = certo_format_date (value);

      if (date != NULL)
        return date;
    }

  return g_strdup (value);
}

/**
 * certo_requirement_is_overdue:
 * @requirement: a requirement
 * @today: `YYYY-MM-DD`
 *
 * Returns: whether it applies, is not implemented and its due date has
 *   passed (as certo_workspace_list_overdue_requirements() counts)
 */
gboolean
certo_requirement_is_overdue (CertoRequirementState *requirement,
                              const char            *today)
{
  const char *due = certo_requirement_state_get_due_date (requirement);

  return due != NULL && *due != '\0'
         && certo_iso_date_compare (due, today) < 0
         && certo_requirement_state_is_applicable (requirement)
         && certo_requirement_state_get_status (requirement) != CERTO_STATUS_IMPLEMENTED;
}

/**
 * certo_soa_issues_text:
 * @issues: what an SoA entry lacks
 *
 * Returns: (transfer full) (nullable): one sentence per issue, or %NULL
 *   when the entry is complete
 */
char *
certo_soa_issues_text (CertoSoaIssues issues)
{
  g_autoptr(GString) text = NULL;

  if (issues == CERTO_SOA_ISSUE_NONE)
    return NULL;

  text = g_string_new (NULL);
  if (issues & CERTO_SOA_ISSUE_UNDECIDED)
    g_string_append (text, _("Applicability not decided yet."));
  if (issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("Excluded without a justification."));
    }
  if (issues & CERTO_SOA_ISSUE_NO_REASON)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("Included without a reason for inclusion."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * certo_list_box_remove_rows:
 * @list: a list box
 *
 * Removes every row of @list and keeps its placeholder: the placeholder
 * is a child too, and gtk_list_box_remove() on it unsets it, which left
 * lists emptied by a refresh without their empty state.
 */
void
certo_list_box_remove_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

/**
 * certo_format_size:
 * @bytes: a size, in bytes
 *
 * A size of the workspace (evidence files, working copies) in binary
 * units, the units its limits are set in (50 MiB per evidence file): a
 * file the window shows as "50.0 MiB" is one the limit lets in.
 *
 * Returns: (transfer full): "2.3 MiB"
 */
char *
certo_format_size (gint64 bytes)
{
  return g_format_size_full (bytes > 0 ? (guint64) bytes : 0, G_FORMAT_SIZE_IEC_UNITS);
}

/**
 * certo_days_until:
 * @today: `YYYY-MM-DD`
 * @date: `YYYY-MM-DD`
 *
 * Returns: days from @today to @date (negative when past); 0 when either
 *   cannot be read
 */
int
certo_days_until (const char *today,
                  const char *date)
{
  GDate a, b;

  if (!certo_iso_date_parse (today, &a) || !certo_iso_date_parse (date, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

/**
 * certo_expiry_text:
 * @today: `YYYY-MM-DD`
 * @expiry_date: (nullable): when something expires
 * @out_warn: (out) (optional): whether it expired or expires within
 *   %CERTO_EXPIRY_WARNING_DAYS
 *
 * Returns: (transfer full) (nullable): "Expired on 1 March 2025",
 *   "Expires in 12 days", "Expires 1 June 2027"; %NULL without a date
 */
char *
certo_expiry_text (const char *today,
                   const char *expiry_date,
                   gboolean   *out_warn)
{
  g_autofree char *date = NULL;
  int days;

  if (out_warn != NULL)
    *out_warn = FALSE;
  if (expiry_date == NULL || *expiry_date == '\0')
    return NULL;

  date = certo_format_date (expiry_date);
  days = certo_days_until (today, expiry_date);

  if (out_warn != NULL)
    *out_warn = days <= CERTO_EXPIRY_WARNING_DAYS;

  if (days < 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Expired on %s"), date);
  if (days == 0)
    return g_strdup (_("Expires today"));
  if (days <= CERTO_EXPIRY_WARNING_DAYS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day", "Expires in %d days", days),
                            days);
  /* Translators: %s is a date */
  return g_strdup_printf (_("Expires %s"), date);
}

/**
 * certo_file_with_suffix:
 * @file: a file the user chose
 * @suffix: ".certo", ".csv", …
 *
 * Returns: (transfer full): @file, with @suffix added when its name lacks
 *   it (a save dialog lets people type any name)
 */
GFile *
certo_file_with_suffix (GFile      *file,
                        const char *suffix)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *lower = base != NULL ? g_ascii_strdown (base, -1) : NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (base == NULL || g_str_has_suffix (lower, suffix))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  name = g_strconcat (base, suffix, NULL);
  return g_file_get_child (parent, name);
}

/**
 * certo_file_display_name:
 * @file: a file
 *
 * Returns: (transfer full): its name for people ("acme.certo")
 */
char *
certo_file_display_name (GFile *file)
{
  g_autofree char *base = NULL;

  if (file == NULL)
    return g_strdup ("");

  base = g_file_get_basename (file);
  if (base == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (base);
}

/**
 * certo_show_message:
 * @parent: a widget of the window the message belongs to
 * @heading: the heading, plain text
 * @body: (nullable): the body, plain text (an error's message)
 *
 * Shows a message dialog with a Close button.
 */
void
certo_show_message (GtkWidget  *parent,
                    const char *heading,
                    const char *body)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  /* Heading and body are plain text: messages may quote file names */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * certo_toast_new:
 * @title: the toast's text, plain text (a file name, a title, an error)
 *
 * An #AdwToast whose title is @title as written: AdwToast reads its
 * title as Pango markup, so the text is escaped.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
certo_toast_new (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);

  return adw_toast_new (escaped);
}

/**
 * certo_add_toast:
 * @widget: a widget inside an #AdwToastOverlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window's content (drops it when @widget is not in
 * a toast overlay).
 */
void
certo_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  /* A dialog's widget: the toast goes to the window the dialog belongs to */
  for (guint i = 0; overlay == NULL && window != NULL && i < 4; i++)
    {
      if (ADW_IS_APPLICATION_WINDOW (window))
        {
          GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

          if (ADW_IS_TOAST_OVERLAY (content))
            overlay = content;
        }
      window = gtk_window_get_transient_for (window);
    }

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * certo_open_web_uri:
 * @widget: a widget of the window asking
 * @uri: an address from a workspace or the catalog
 *
 * Opens @uri in the browser — only http and https, whatever the data says
 * (DESIGN.md, "Security rules").
 */
void
certo_open_web_uri (GtkWidget  *widget,
                    const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri == NULL || !certo_uri_is_web (uri))
    {
      certo_add_toast (widget, certo_toast_new (_("Only web addresses (http and https) can be opened")));
      return;
    }

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * certo_user_name_from_settings:
 * @settings: (nullable): the application's settings
 *
 * The name the change history records: the "user-name" key when the
 * schema has it and it is set, else the account's full name.
 *
 * Returns: (transfer none): a name
 */
const char *
certo_user_name_from_settings (GSettings *settings)
{
  static char *stored;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings != NULL)
    g_object_get (settings, "settings-schema", &schema, NULL);

  if (schema != NULL && g_settings_schema_has_key (schema, "user-name"))
    {
      g_autofree char *name = g_settings_get_string (settings, "user-name");

      g_strstrip (name);
      if (*name != '\0')
        {
          g_free (stored);
          stored = g_steal_pointer (&name);
          return stored;
        }
    }

  return g_get_real_name ();
}

/* "2019-11-05" of "2019-11-05" or "2019-11-05T00:00:00Z"; %NULL otherwise */
static char *
date_part (const char *text)
{
  g_autofree char *date = text != NULL ? g_strndup (text, 10) : NULL;

  return certo_iso_date_is_valid (date) ? g_steal_pointer (&date) : NULL;
}

/**
 * certo_snapshot_document:
 * @catalog: (nullable): the catalog @document comes from
 * @document: a Library document
 * @out_provenance: (out) (optional) (transfer full) (nullable): "From
 *   “Microsoft”, content as of 7 February 2020", for the evidence's
 *   description (the snapshot has no field for the catalog's date)
 *
 * What a Library document says, copied for a workspace: its title,
 * certificate number, issuer, dates, web address, and the catalog's name.
 *
 * Returns: (transfer full): the snapshot
 */
CertoLibrarySnapshot *
certo_snapshot_document (CertoCatalog  *catalog,
                         CertoDocument *document,
                         char         **out_provenance)
{
  CertoLibrarySnapshot *snapshot = certo_library_snapshot_new ();
  CertoSource *source = NULL;
  const char *url = certo_document_get_url (document);
  const char *name = NULL;
  g_autofree char *date = NULL;

  if (catalog != NULL)
    source = certo_catalog_find_source (catalog, certo_document_get_source_id (document));
  if (source != NULL)
    {
      name = certo_source_get_name (source);
      date = certo_format_date (certo_source_get_content_date (source));
    }

  snapshot->title = g_strdup (certo_document_get_title (document));
  snapshot->certificate_number = g_strdup (certo_document_get_certificate_number (document));
  snapshot->issuer = g_strdup (certo_document_get_issuer (document));
  snapshot->issue_date = date_part (certo_document_get_issued (document));
  snapshot->expiry_date = date_part (certo_document_get_expires (document));
  snapshot->url = url != NULL && certo_uri_is_web (url) ? g_strdup (url) : NULL;
  snapshot->source_name = g_strdup (name);
  snapshot->document_key = g_strdup (certo_document_get_key (document));

  if (out_provenance != NULL)
    {
      if (name != NULL && date != NULL)
        /* Translators: the first %s is a catalog's name, the second a date */
        *out_provenance = g_strdup_printf (_("From “%s”, content as of %s"), name, date);
      else if (name != NULL)
        /* Translators: %s is a catalog's name */
        *out_provenance = g_strdup_printf (_("From “%s”"), name);
      else
        *out_provenance = NULL;
    }

  return snapshot;
}
