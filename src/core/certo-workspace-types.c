/* certo-workspace-types.c — the values a certification workspace records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enumerations are stored in the workspace file by their nicks ("in-progress"),
 * not their numbers, so the file reads the same in every version and in
 * plain sqlite3.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-workspace-types.h"

typedef struct
{
  GType (*get_type) (void);
  const char * const *labels;   /* N_(), indexed by value */
  guint n_labels;
} EnumLabels;

static const GEnumValue applicability_values[] = {
  { CERTO_APPLICABILITY_UNREVIEWED, "CERTO_APPLICABILITY_UNREVIEWED", "unreviewed" },
  { CERTO_APPLICABILITY_APPLICABLE, "CERTO_APPLICABILITY_APPLICABLE", "applicable" },
  { CERTO_APPLICABILITY_EXCLUDED, "CERTO_APPLICABILITY_EXCLUDED", "excluded" },
  { 0, NULL, NULL }
};
static const char * const applicability_labels[] = {
  N_("Not decided"), N_("Applicable"), N_("Excluded"),
};

static const GFlagsValue inclusion_values[] = {
  { CERTO_INCLUSION_LEGAL, "CERTO_INCLUSION_LEGAL", "legal" },
  { CERTO_INCLUSION_CONTRACTUAL, "CERTO_INCLUSION_CONTRACTUAL", "contractual" },
  { CERTO_INCLUSION_BUSINESS, "CERTO_INCLUSION_BUSINESS", "business" },
  { CERTO_INCLUSION_RISK_TREATMENT, "CERTO_INCLUSION_RISK_TREATMENT", "risk-treatment" },
  { CERTO_INCLUSION_BEST_PRACTICE, "CERTO_INCLUSION_BEST_PRACTICE", "best-practice" },
  { 0, NULL, NULL }
};
static const char * const inclusion_labels[] = {
  N_("Legal or regulatory requirement"),
  N_("Contractual obligation"),
  N_("Business requirement"),
  N_("Risk treatment"),
  N_("Best practice"),
};

static const GEnumValue status_values[] = {
  { CERTO_STATUS_NOT_STARTED, "CERTO_STATUS_NOT_STARTED", "not-started" },
  { CERTO_STATUS_PLANNED, "CERTO_STATUS_PLANNED", "planned" },
  { CERTO_STATUS_IN_PROGRESS, "CERTO_STATUS_IN_PROGRESS", "in-progress" },
  { CERTO_STATUS_IMPLEMENTED, "CERTO_STATUS_IMPLEMENTED", "implemented" },
  { 0, NULL, NULL }
};
static const char * const status_labels[] = {
  N_("Not started"), N_("Planned"), N_("In progress"), N_("Implemented"),
};

static const GEnumValue audit_result_values[] = {
  { CERTO_AUDIT_RESULT_NOT_ASSESSED, "CERTO_AUDIT_RESULT_NOT_ASSESSED", "not-assessed" },
  { CERTO_AUDIT_RESULT_COMPLIANT, "CERTO_AUDIT_RESULT_COMPLIANT", "compliant" },
  { CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT, "CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT", "partially-compliant" },
  { CERTO_AUDIT_RESULT_NON_COMPLIANT, "CERTO_AUDIT_RESULT_NON_COMPLIANT", "non-compliant" },
  { 0, NULL, NULL }
};
static const char * const audit_result_labels[] = {
  N_("Not assessed"), N_("Compliant"), N_("Partially compliant"), N_("Non-compliant"),
};

static const GEnumValue control_type_values[] = {
  { CERTO_CONTROL_TYPE_UNREVIEWED, "CERTO_CONTROL_TYPE_UNREVIEWED", "unreviewed" },
  { CERTO_CONTROL_TYPE_PREVENTIVE, "CERTO_CONTROL_TYPE_PREVENTIVE", "preventive" },
  { CERTO_CONTROL_TYPE_DETECTIVE, "CERTO_CONTROL_TYPE_DETECTIVE", "detective" },
  { CERTO_CONTROL_TYPE_CORRECTIVE, "CERTO_CONTROL_TYPE_CORRECTIVE", "corrective" },
  { 0, NULL, NULL }
};
static const char * const control_type_labels[] = {
  N_("Not reviewed"), N_("Preventive"), N_("Detective"), N_("Corrective"),
};

static const GEnumValue obligation_values[] = {
  { CERTO_OBLIGATION_UNREVIEWED, "CERTO_OBLIGATION_UNREVIEWED", "unreviewed" },
  { CERTO_OBLIGATION_MANDATORY, "CERTO_OBLIGATION_MANDATORY", "mandatory" },
  { CERTO_OBLIGATION_DISCRETIONARY, "CERTO_OBLIGATION_DISCRETIONARY", "discretionary" },
  { 0, NULL, NULL }
};
static const char * const obligation_labels[] = {
  N_("Not reviewed"), N_("Mandatory"), N_("Discretionary"),
};

static const GEnumValue evidence_kind_values[] = {
  { CERTO_EVIDENCE_FILE, "CERTO_EVIDENCE_FILE", "file" },
  { CERTO_EVIDENCE_LINK, "CERTO_EVIDENCE_LINK", "link" },
  { CERTO_EVIDENCE_LIBRARY, "CERTO_EVIDENCE_LIBRARY", "library" },
  { 0, NULL, NULL }
};
static const char * const evidence_kind_labels[] = {
  N_("File"), N_("Link"), N_("Library document"),
};

static const GEnumValue audit_kind_values[] = {
  { CERTO_AUDIT_INTERNAL, "CERTO_AUDIT_INTERNAL", "internal-audit" },
  { CERTO_AUDIT_MANAGEMENT_REVIEW, "CERTO_AUDIT_MANAGEMENT_REVIEW", "management-review" },
  { CERTO_AUDIT_STAGE_1, "CERTO_AUDIT_STAGE_1", "stage-1" },
  { CERTO_AUDIT_STAGE_2, "CERTO_AUDIT_STAGE_2", "stage-2" },
  { CERTO_AUDIT_SURVEILLANCE_1, "CERTO_AUDIT_SURVEILLANCE_1", "surveillance-1" },
  { CERTO_AUDIT_SURVEILLANCE_2, "CERTO_AUDIT_SURVEILLANCE_2", "surveillance-2" },
  { CERTO_AUDIT_RECERTIFICATION, "CERTO_AUDIT_RECERTIFICATION", "recertification" },
  { 0, NULL, NULL }
};
static const char * const audit_kind_labels[] = {
  N_("Internal audit"),
  N_("Management review"),
  N_("Stage 1 audit"),
  N_("Stage 2 audit"),
  N_("First surveillance audit"),
  N_("Second surveillance audit"),
  N_("Recertification audit"),
};

static const GEnumValue finding_kind_values[] = {
  { CERTO_FINDING_MAJOR_NONCONFORMITY, "CERTO_FINDING_MAJOR_NONCONFORMITY", "major-nonconformity" },
  { CERTO_FINDING_MINOR_NONCONFORMITY, "CERTO_FINDING_MINOR_NONCONFORMITY", "minor-nonconformity" },
  { CERTO_FINDING_OBSERVATION, "CERTO_FINDING_OBSERVATION", "observation" },
  { CERTO_FINDING_OPPORTUNITY, "CERTO_FINDING_OPPORTUNITY", "opportunity-for-improvement" },
  { 0, NULL, NULL }
};
static const char * const finding_kind_labels[] = {
  N_("Major nonconformity"),
  N_("Minor nonconformity"),
  N_("Observation"),
  N_("Opportunity for improvement"),
};

#define DEFINE_ENUM_TYPE(func, name, values)                              \
  GType                                                                   \
  func (void)                                                             \
  {                                                                       \
    static gsize type_id = 0;                                             \
    if (g_once_init_enter (&type_id))                                     \
      g_once_init_leave (&type_id, g_enum_register_static (name, values)); \
    return type_id;                                                       \
  }

DEFINE_ENUM_TYPE (certo_applicability_get_type, "CertoApplicability", applicability_values)
DEFINE_ENUM_TYPE (certo_implementation_status_get_type, "CertoImplementationStatus", status_values)
DEFINE_ENUM_TYPE (certo_audit_result_get_type, "CertoAuditResult", audit_result_values)
DEFINE_ENUM_TYPE (certo_control_type_get_type, "CertoControlType", control_type_values)
DEFINE_ENUM_TYPE (certo_obligation_get_type, "CertoObligation", obligation_values)
DEFINE_ENUM_TYPE (certo_evidence_kind_get_type, "CertoEvidenceKind", evidence_kind_values)
DEFINE_ENUM_TYPE (certo_audit_kind_get_type, "CertoAuditKind", audit_kind_values)
DEFINE_ENUM_TYPE (certo_finding_kind_get_type, "CertoFindingKind", finding_kind_values)

GType
certo_inclusion_reasons_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_flags_register_static ("CertoInclusionReasons", inclusion_values));

  return type_id;
}

static const EnumLabels enum_labels[] = {
  { certo_applicability_get_type, applicability_labels, G_N_ELEMENTS (applicability_labels) },
  { certo_implementation_status_get_type, status_labels, G_N_ELEMENTS (status_labels) },
  { certo_audit_result_get_type, audit_result_labels, G_N_ELEMENTS (audit_result_labels) },
  { certo_control_type_get_type, control_type_labels, G_N_ELEMENTS (control_type_labels) },
  { certo_obligation_get_type, obligation_labels, G_N_ELEMENTS (obligation_labels) },
  { certo_evidence_kind_get_type, evidence_kind_labels, G_N_ELEMENTS (evidence_kind_labels) },
  { certo_audit_kind_get_type, audit_kind_labels, G_N_ELEMENTS (audit_kind_labels) },
  { certo_finding_kind_get_type, finding_kind_labels, G_N_ELEMENTS (finding_kind_labels) },
};

/**
 * certo_enum_to_nick:
 * @enum_type: one of the enumerations of this header
 * @value: a value of it
 *
 * Returns: (transfer none) (nullable): the stable name stored in the
 *   workspace file ("in-progress"), or %NULL for a value out of range
 */
const char *
certo_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

/**
 * certo_enum_from_nick:
 * @enum_type: one of the enumerations of this header
 * @nick: a stored name ("in-progress"); `_` is taken for `-`, case ignored
 * @out_value: (out): the value
 *
 * Returns: %TRUE when @nick names a value
 */
gboolean
certo_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *normal = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;

  normal = g_ascii_strdown (nick, -1);
  g_strdelimit (g_strstrip (normal), "_ ", '-');
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, normal);
  if (v == NULL)
    return FALSE;

  *out_value = v->value;
  return TRUE;
}

/**
 * certo_enum_to_label:
 * @enum_type: one of the enumerations of this header
 * @value: a value of it
 *
 * Returns: (transfer none): the value's name for people, translated
 *   ("In progress"); the nick for a type without labels
 */
const char *
certo_enum_to_label (GType enum_type,
                     int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      if (enum_labels[i].get_type () != enum_type)
        continue;
      if (value < 0 || (guint) value >= enum_labels[i].n_labels)
        break;
      return g_dgettext (GETTEXT_PACKAGE, enum_labels[i].labels[value]);
    }

  return certo_enum_to_nick (enum_type, value);
}

/**
 * certo_inclusion_reasons_to_string:
 * @reasons: a set of reasons
 *
 * Returns: (transfer full): the nicks joined by "," ("legal,risk-treatment"),
 *   "" for none: the form stored in the file and in the history
 */
char *
certo_inclusion_reasons_to_string (CertoInclusionReasons reasons)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; inclusion_values[i].value_nick != NULL; i++)
    {
      if ((reasons & inclusion_values[i].value) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, inclusion_values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_inclusion_reasons_from_string:
 * @text: nicks separated by "," or spaces; "" or "none" for none
 * @out_reasons: (out): the set
 *
 * Returns: %TRUE when every word names a reason
 */
gboolean
certo_inclusion_reasons_from_string (const char            *text,
                                     CertoInclusionReasons *out_reasons)
{
  g_auto(GStrv) words = NULL;
  guint reasons = 0;

  if (text == NULL)
    {
      *out_reasons = CERTO_INCLUSION_NONE;
      return TRUE;
    }

  words = g_strsplit_set (text, ", ;|", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;
      gboolean found = FALSE;

      if (*words[i] == '\0' || g_ascii_strcasecmp (words[i], "none") == 0)
        continue;

      word = g_strdelimit (g_ascii_strdown (words[i], -1), "_", '-');
      for (guint j = 0; inclusion_values[j].value_nick != NULL; j++)
        {
          if (g_str_equal (word, inclusion_values[j].value_nick))
            {
              reasons |= inclusion_values[j].value;
              found = TRUE;
            }
        }
      if (!found)
        return FALSE;
    }

  *out_reasons = reasons;
  return TRUE;
}

/**
 * certo_inclusion_reasons_to_label:
 * @reasons: a set of reasons
 *
 * Returns: (transfer full): the reasons for people, translated, joined by
 *   ", "; "" for none
 */
char *
certo_inclusion_reasons_to_label (CertoInclusionReasons reasons)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inclusion_labels); i++)
    {
      if ((reasons & (1u << i)) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_dgettext (GETTEXT_PACKAGE, inclusion_labels[i]));
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_iso_date_parse:
 * @text: (nullable): a calendar date, exactly `YYYY-MM-DD` (ISO 8601)
 * @out_date: (out) (optional): the date
 *
 * Returns: %TRUE when @text is a valid date in that form
 */
gboolean
certo_iso_date_parse (const char *text,
                      GDate      *out_date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (out_date != NULL)
    g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

/**
 * certo_iso_date_is_valid:
 * @text: (nullable): text
 *
 * Returns: %TRUE when @text is a `YYYY-MM-DD` date
 */
gboolean
certo_iso_date_is_valid (const char *text)
{
  return certo_iso_date_parse (text, NULL);
}

/**
 * certo_iso_date_format:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
certo_iso_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * certo_iso_date_add_months:
 * @text: a `YYYY-MM-DD` date
 * @months: months to add (negative to go back)
 *
 * Calendar arithmetic for the audit cycle: 2023-01-31 + 1 month is
 * 2023-02-28 (the day is clamped to the month's last day).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @text is not a date
 */
char *
certo_iso_date_add_months (const char *text,
                           int         months)
{
  GDate date;

  if (!certo_iso_date_parse (text, &date))
    return NULL;

  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);

  return certo_iso_date_format (&date);
}

/**
 * certo_iso_date_compare:
 * @a: (nullable): a `YYYY-MM-DD` date
 * @b: (nullable): another
 *
 * Compares two dates; %NULL (no date) sorts after every date.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
certo_iso_date_compare (const char *a,
                        const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  /* The fixed-width form sorts as text */
  return strcmp (a, b);
}

/**
 * certo_iso_date_today:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`
 */
char *
certo_iso_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * certo_iso_timestamp_now:
 *
 * Returns: (transfer full): the current time in UTC,
 *   `YYYY-MM-DDTHH:MM:SSZ` (ISO 8601 / RFC 3339)
 */
char *
certo_iso_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
