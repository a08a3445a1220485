/* certo-soa-import-csv.c — reading a Statement of Applicability from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker-thread half of the SoA import: bytes in, rows out, nothing
 * matched yet. The header row is found among the first rows by its
 * headings (English or Italian, common synonyms, the current translation
 * of Certo's own headings); the separator (comma, semicolon, tab) is the
 * one under which such a header appears; quoted fields may hold
 * separators, quotes and line breaks (RFC 4180, read leniently). Values
 * are read loosely: Yes/No/Y/N/True/False/1/0/Sì, statuses in English and
 * Italian ("In progress", "In corso"), reasons by name.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-soa-import-private.h"

/* How far down the header row may be (a title, a logo row, notes above) */
#define HEADER_SEARCH_ROWS 20

typedef enum
{
  COL_ID,
  COL_TITLE,
  COL_APPLICABLE,
  COL_REASONS,
  COL_JUSTIFICATION,
  COL_STATUS,
  N_COLS
} ColumnKind;

typedef struct
{
  const char *name;       /* folded: lower case, no accents, words */
  ColumnKind  kind;
  int         priority;   /* the most specific heading wins a kind */
} Synonym;

static const Synonym synonyms[] = {
  /* The control's number. "Control" alone is the least specific: some
   * sheets use it for the title next to an "ID" column. */
  { "control id", COL_ID, 10 },
  { "control ref", COL_ID, 9 },
  { "control reference", COL_ID, 9 },
  { "control no", COL_ID, 9 },
  { "control number", COL_ID, 9 },
  { "annex a reference", COL_ID, 9 },
  { "id", COL_ID, 8 },
  { "ref", COL_ID, 7 },
  { "reference", COL_ID, 7 },
  { "annex a control", COL_ID, 6 },
  { "annex a", COL_ID, 6 },
  { "control", COL_ID, 5 },
  { "no", COL_ID, 3 },
  { "number", COL_ID, 3 },
  { "id controllo", COL_ID, 10 },
  { "codice controllo", COL_ID, 10 },
  { "riferimento", COL_ID, 7 },
  { "rif", COL_ID, 7 },
  { "codice", COL_ID, 6 },
  { "controllo", COL_ID, 5 },
  { "numero", COL_ID, 3 },
  { "n", COL_ID, 3 },
  /* Title: recognised so it is not taken for something else */
  { "title", COL_TITLE, 10 },
  { "control title", COL_TITLE, 10 },
  { "control name", COL_TITLE, 10 },
  { "name", COL_TITLE, 8 },
  { "titolo", COL_TITLE, 10 },
  { "titolo del controllo", COL_TITLE, 10 },
  { "nome", COL_TITLE, 8 },
  /* Applicability */
  { "applicable", COL_APPLICABLE, 10 },
  { "applicable yes no", COL_APPLICABLE, 10 },
  { "is applicable", COL_APPLICABLE, 10 },
  { "applicability", COL_APPLICABLE, 9 },
  { "included", COL_APPLICABLE, 8 },
  { "in scope", COL_APPLICABLE, 5 },
  { "applicabile", COL_APPLICABLE, 10 },
  { "applicabilita", COL_APPLICABLE, 9 },
  { "incluso", COL_APPLICABLE, 8 },
  /* Reasons for inclusion (ISO/IEC 27001:2022 6.1.3 d) */
  { "reasons for inclusion", COL_REASONS, 10 },
  { "reason for inclusion", COL_REASONS, 10 },
  { "justification for inclusion", COL_REASONS, 10 },
  { "inclusion reasons", COL_REASONS, 10 },
  { "inclusion justification", COL_REASONS, 10 },
  { "motivi dell inclusione", COL_REASONS, 10 },
  { "motivo dell inclusione", COL_REASONS, 10 },
  { "motivi di inclusione", COL_REASONS, 10 },
  { "motivazione dell inclusione", COL_REASONS, 10 },
  { "giustificazione dell inclusione", COL_REASONS, 10 },
  /* Justification for exclusion (6.1.3 d) */
  { "justification for exclusion", COL_JUSTIFICATION, 10 },
  { "reason for exclusion", COL_JUSTIFICATION, 10 },
  { "reasons for exclusion", COL_JUSTIFICATION, 10 },
  { "exclusion justification", COL_JUSTIFICATION, 10 },
  { "exclusion reason", COL_JUSTIFICATION, 10 },
  { "justification", COL_JUSTIFICATION, 6 },
  { "giustificazione dell esclusione", COL_JUSTIFICATION, 10 },
  { "giustificazione per l esclusione", COL_JUSTIFICATION, 10 },
  { "giustificazione esclusione", COL_JUSTIFICATION, 10 },
  { "motivo dell esclusione", COL_JUSTIFICATION, 10 },
  { "motivazione dell esclusione", COL_JUSTIFICATION, 10 },
  { "motivi di esclusione", COL_JUSTIFICATION, 10 },
  { "motivo esclusione", COL_JUSTIFICATION, 10 },
  { "giustificazione", COL_JUSTIFICATION, 6 },
  { "motivazione", COL_JUSTIFICATION, 5 },
  /* Implementation status */
  { "implementation status", COL_STATUS, 10 },
  { "status", COL_STATUS, 8 },
  { "implementation", COL_STATUS, 5 },
  { "stato di implementazione", COL_STATUS, 10 },
  { "stato di attuazione", COL_STATUS, 10 },
  { "stato implementazione", COL_STATUS, 10 },
  { "stato attuazione", COL_STATUS, 10 },
  { "stato", COL_STATUS, 8 },
  { "attuazione", COL_STATUS, 5 },
};

typedef struct
{
  const char *folded;
  int         value;
} ValueName;

static const ValueName applicable_names[] = {
  { "yes", CERTO_APPLICABILITY_APPLICABLE },
  { "y", CERTO_APPLICABILITY_APPLICABLE },
  { "true", CERTO_APPLICABILITY_APPLICABLE },
  { "1", CERTO_APPLICABILITY_APPLICABLE },
  { "x", CERTO_APPLICABILITY_APPLICABLE },
  { "applicable", CERTO_APPLICABILITY_APPLICABLE },
  { "included", CERTO_APPLICABILITY_APPLICABLE },
  { "si", CERTO_APPLICABILITY_APPLICABLE },
  { "s", CERTO_APPLICABILITY_APPLICABLE },
  { "vero", CERTO_APPLICABILITY_APPLICABLE },
  { "applicabile", CERTO_APPLICABILITY_APPLICABLE },
  { "incluso", CERTO_APPLICABILITY_APPLICABLE },
  { "no", CERTO_APPLICABILITY_EXCLUDED },
  { "n", CERTO_APPLICABILITY_EXCLUDED },
  { "false", CERTO_APPLICABILITY_EXCLUDED },
  { "0", CERTO_APPLICABILITY_EXCLUDED },
  { "excluded", CERTO_APPLICABILITY_EXCLUDED },
  { "not applicable", CERTO_APPLICABILITY_EXCLUDED },
  { "n a", CERTO_APPLICABILITY_EXCLUDED },
  { "falso", CERTO_APPLICABILITY_EXCLUDED },
  { "escluso", CERTO_APPLICABILITY_EXCLUDED },
  { "non applicabile", CERTO_APPLICABILITY_EXCLUDED },
  { "not decided", CERTO_APPLICABILITY_UNREVIEWED },
  { "undecided", CERTO_APPLICABILITY_UNREVIEWED },
  { "unreviewed", CERTO_APPLICABILITY_UNREVIEWED },
  { "tbd", CERTO_APPLICABILITY_UNREVIEWED },
  { "to be decided", CERTO_APPLICABILITY_UNREVIEWED },
  { "non deciso", CERTO_APPLICABILITY_UNREVIEWED },
  { "da decidere", CERTO_APPLICABILITY_UNREVIEWED },
};

/* -1: a value meaning "no status here" (an excluded control's "N/A") */
static const ValueName status_names[] = {
  { "implemented", CERTO_STATUS_IMPLEMENTED },
  { "fully implemented", CERTO_STATUS_IMPLEMENTED },
  { "done", CERTO_STATUS_IMPLEMENTED },
  { "complete", CERTO_STATUS_IMPLEMENTED },
  { "completed", CERTO_STATUS_IMPLEMENTED },
  { "in place", CERTO_STATUS_IMPLEMENTED },
  { "implementato", CERTO_STATUS_IMPLEMENTED },
  { "attuato", CERTO_STATUS_IMPLEMENTED },
  { "completato", CERTO_STATUS_IMPLEMENTED },
  { "in progress", CERTO_STATUS_IN_PROGRESS },
  { "ongoing", CERTO_STATUS_IN_PROGRESS },
  { "started", CERTO_STATUS_IN_PROGRESS },
  { "partial", CERTO_STATUS_IN_PROGRESS },
  { "partially implemented", CERTO_STATUS_IN_PROGRESS },
  { "wip", CERTO_STATUS_IN_PROGRESS },
  { "in corso", CERTO_STATUS_IN_PROGRESS },
  { "in corso di implementazione", CERTO_STATUS_IN_PROGRESS },
  { "parzialmente implementato", CERTO_STATUS_IN_PROGRESS },
  { "parzialmente attuato", CERTO_STATUS_IN_PROGRESS },
  { "avviato", CERTO_STATUS_IN_PROGRESS },
  { "planned", CERTO_STATUS_PLANNED },
  { "scheduled", CERTO_STATUS_PLANNED },
  { "pianificato", CERTO_STATUS_PLANNED },
  { "programmato", CERTO_STATUS_PLANNED },
  { "not started", CERTO_STATUS_NOT_STARTED },
  { "not implemented", CERTO_STATUS_NOT_STARTED },
  { "to do", CERTO_STATUS_NOT_STARTED },
  { "todo", CERTO_STATUS_NOT_STARTED },
  { "none", CERTO_STATUS_NOT_STARTED },
  { "non iniziato", CERTO_STATUS_NOT_STARTED },
  { "non avviato", CERTO_STATUS_NOT_STARTED },
  { "non implementato", CERTO_STATUS_NOT_STARTED },
  { "non attuato", CERTO_STATUS_NOT_STARTED },
  { "da fare", CERTO_STATUS_NOT_STARTED },
  { "n a", -1 },
  { "not applicable", -1 },
  { "non applicabile", -1 },
};

static const ValueName reason_names[] = {
  { "legal", CERTO_INCLUSION_LEGAL },
  { "regulatory", CERTO_INCLUSION_LEGAL },
  { "legal or regulatory requirement", CERTO_INCLUSION_LEGAL },
  { "legal requirement", CERTO_INCLUSION_LEGAL },
  { "regulatory requirement", CERTO_INCLUSION_LEGAL },
  { "requisito legale o regolamentare", CERTO_INCLUSION_LEGAL },
  { "requisito legale", CERTO_INCLUSION_LEGAL },
  { "requisiti legali", CERTO_INCLUSION_LEGAL },
  { "contractual", CERTO_INCLUSION_CONTRACTUAL },
  { "contractual obligation", CERTO_INCLUSION_CONTRACTUAL },
  { "contractual requirement", CERTO_INCLUSION_CONTRACTUAL },
  { "obbligo contrattuale", CERTO_INCLUSION_CONTRACTUAL },
  { "contrattuale", CERTO_INCLUSION_CONTRACTUAL },
  { "business", CERTO_INCLUSION_BUSINESS },
  { "business requirement", CERTO_INCLUSION_BUSINESS },
  { "requisito di business", CERTO_INCLUSION_BUSINESS },
  { "esigenza di business", CERTO_INCLUSION_BUSINESS },
  { "risk", CERTO_INCLUSION_RISK_TREATMENT },
  { "risk treatment", CERTO_INCLUSION_RISK_TREATMENT },
  { "risk assessment", CERTO_INCLUSION_RISK_TREATMENT },
  { "risk treatment plan", CERTO_INCLUSION_RISK_TREATMENT },
  { "trattamento del rischio", CERTO_INCLUSION_RISK_TREATMENT },
  { "valutazione del rischio", CERTO_INCLUSION_RISK_TREATMENT },
  { "best practice", CERTO_INCLUSION_BEST_PRACTICE },
  { "good practice", CERTO_INCLUSION_BEST_PRACTICE },
  { "buona pratica", CERTO_INCLUSION_BEST_PRACTICE },
  { "buone pratiche", CERTO_INCLUSION_BEST_PRACTICE },
};

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  char        separator;
} CsvReader;

/**
 * _certo_soa_import_issue_free:
 * @issue: (transfer full): a #CertoSoaImportIssue
 */
void
_certo_soa_import_issue_free (gpointer issue_data)
{
  CertoSoaImportIssue *issue = issue_data;

  g_free (issue->column);
  g_free (issue->value);
  g_free (issue->message);
  g_free (issue);
}

/**
 * _certo_soa_import_issue_new:
 * @line: the line the row starts on
 * @column: (nullable): the column's heading
 * @value: (nullable): the cell
 * @message: (transfer full): what is wrong
 *
 * Returns: (transfer full): an issue
 */
CertoSoaImportIssue *
_certo_soa_import_issue_new (guint       line,
                             const char *column,
                             const char *value,
                             char       *message)
{
  CertoSoaImportIssue *issue = g_new0 (CertoSoaImportIssue, 1);

  issue->line = line;
  issue->column = g_strdup (column);
  issue->value = g_strdup (value != NULL ? value : "");
  issue->message = message;
  return issue;
}

/**
 * _certo_soa_import_issue_copy:
 * @issue: an issue
 *
 * Returns: (transfer full): a copy
 */
CertoSoaImportIssue *
_certo_soa_import_issue_copy (const CertoSoaImportIssue *issue)
{
  return _certo_soa_import_issue_new (issue->line, issue->column, issue->value, g_strdup (issue->message));
}

static void
import_row_free (gpointer data)
{
  CertoSoaRow *row = data;

  g_free (row->id);
  g_free (row->justification);
  g_ptr_array_unref (row->issues);
  g_free (row);
}

/**
 * _certo_soa_import_parsed_free:
 * @parsed: (transfer full): rows read
 */
void
_certo_soa_import_parsed_free (CertoSoaTable *parsed)
{
  g_ptr_array_unref (parsed->rows);
  g_free (parsed->id_heading);
  g_free (parsed);
}


/* Lower case, accents and punctuation dropped, words separated by one
 * space: "Giustificazione dell'esclusione" → "giustificazione dell esclusione",
 * "Sì" → "si", "in-progress" → "in progress", "N/A" → "n a" */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          gap = TRUE;
          continue;
        }
      if (gap && out->len > 0)
        g_string_append_c (out, ' ');
      gap = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * _certo_soa_import_normalize_id:
 * @text: a control id as people write it
 *
 * "A.5.1", "a5.1", " 5.1 " → "5.1"; "A.5.1.1" → "5.1.1"; "AC-2" → "ac-2".
 *
 * Returns: (transfer full): the form ids are matched in
 */
char *
_certo_soa_import_normalize_id (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *s;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  while (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);

  s = out->str;
  if (s[0] == 'a' && s[1] == '.' && g_ascii_isdigit (s[2]))
    g_string_erase (out, 0, 2);
  else if (s[0] == 'a' && g_ascii_isdigit (s[1]))
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

/* The apostrophe Certo's CSV export puts before a cell a spreadsheet
 * would take for a formula */
static const char *
strip_formula_guard (const char *text)
{
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    return text + 1;
  return text;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
lookup_value (const ValueName *names,
              guint            n_names,
              const char      *folded,
              int             *out_value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].folded, folded))
        {
          *out_value = names[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

/* Folded text equals the current translation of a label */
static gboolean
is_label (const char *folded,
          const char *label)
{
  g_autofree char *folded_label = fold (label);

  return *folded != '\0' && g_str_equal (folded, folded_label);
}

static gboolean
parse_applicable (const char *text,
                  int        *out_value)
{
  g_autofree char *folded = fold (text);
  int value;

  if (lookup_value (applicable_names, G_N_ELEMENTS (applicable_names), folded, out_value))
    return TRUE;

  /* Certo's own words in the user's language ("Sì", "Non deciso") */
  if (is_label (folded, g_dgettext (GETTEXT_PACKAGE, "Yes")))
    value = CERTO_APPLICABILITY_APPLICABLE;
  else if (is_label (folded, g_dgettext (GETTEXT_PACKAGE, "No")))
    value = CERTO_APPLICABILITY_EXCLUDED;
  else if (is_label (folded, certo_enum_to_label (CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_UNREVIEWED)))
    value = CERTO_APPLICABILITY_UNREVIEWED;
  else if (is_label (folded, certo_enum_to_label (CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_APPLICABLE)))
    value = CERTO_APPLICABILITY_APPLICABLE;
  else if (is_label (folded, certo_enum_to_label (CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_EXCLUDED)))
    value = CERTO_APPLICABILITY_EXCLUDED;
  else
    return FALSE;

  *out_value = value;
  return TRUE;
}

static gboolean
parse_status (const char *text,
              int        *out_value)
{
  g_autofree char *folded = fold (text);

  if (lookup_value (status_names, G_N_ELEMENTS (status_names), folded, out_value))
    return TRUE;

  for (int status = CERTO_STATUS_NOT_STARTED; status <= CERTO_STATUS_IMPLEMENTED; status++)
    {
      if (is_label (folded, certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS, status)))
        {
          *out_value = status;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_one_reason (const char *text,
                  guint      *out_reasons)
{
  g_autofree char *folded = fold (text);
  int value;

  if (*folded == '\0')
    return TRUE;
  if (lookup_value (reason_names, G_N_ELEMENTS (reason_names), folded, &value))
    {
      *out_reasons |= value;
      return TRUE;
    }

  for (guint bit = 0; (1u << bit) <= CERTO_INCLUSION_BEST_PRACTICE; bit++)
    {
      g_autofree char *label = certo_inclusion_reasons_to_label (1u << bit);

      if (is_label (folded, label))
        {
          *out_reasons |= 1u << bit;
          return TRUE;
        }
    }

  return FALSE;
}

/* Reasons are separated by ";" or line breaks (Certo's export), or by ","
 * (a label never holds one in English or Italian) */
static gboolean
parse_reasons (const char            *text,
               CertoInclusionReasons *out_reasons)
{
  g_auto(GStrv) items = g_strsplit_set (text, ";\n\r", -1);
  guint reasons = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!parse_one_reason (items[i], &reasons))
        {
          g_auto(GStrv) parts = g_strsplit (items[i], ",", -1);

          for (guint j = 0; parts[j] != NULL; j++)
            if (!parse_one_reason (parts[j], &reasons))
              return FALSE;
        }
    }

  *out_reasons = reasons;
  return TRUE;
}

/* CSV (RFC 4180, read leniently) */

static void
append_capped (GString  *field,
               char      c,
               gboolean *oversized)
{
  if (field->len < CERTO_SOA_IMPORT_MAX_FIELD)
    g_string_append_c (field, c);
  else
    *oversized = TRUE;
}

/* Reads one record into @fields (char *; an oversized field's text is
 * cut and its index added to @oversized). Returns FALSE at the end of
 * the input, or with @error set for a quoted field that never ends. */
static gboolean
csv_read_record (CsvReader  *reader,
                 GPtrArray  *fields,
                 GArray     *oversized,
                 guint      *out_line,
                 GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  g_array_set_size (oversized, 0);
  if (reader->pos >= reader->length)
    return FALSE;

  *out_line = reader->line;

  for (;;)
    {
      gboolean too_long = FALSE;

      g_string_truncate (field, 0);

      if (reader->data[reader->pos] == '"')
        {
          guint start_line = reader->line;

          reader->pos++;
          for (;;)
            {
              char c;

              if (reader->pos >= reader->length)
                {
                  g_set_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_SYNTAX,
                               /* Translators: %u is a line number */
                               _("The quoted field that starts on line %u never ends: a closing double quote (\") is missing."),
                               start_line);
                  return FALSE;
                }

              c = reader->data[reader->pos++];
              if (c == '"')
                {
                  if (reader->pos < reader->length && reader->data[reader->pos] == '"')
                    reader->pos++;
                  else
                    break;
                }
              else if (c == '\n' ||
                       (c == '\r' && (reader->pos >= reader->length || reader->data[reader->pos] != '\n')))
                {
                  reader->line++;
                }
              append_capped (field, c, &too_long);
            }
        }

      /* Unquoted text, or what follows a closing quote (kept, leniently) */
      while (reader->pos < reader->length)
        {
          char c = reader->data[reader->pos];

          if (c == reader->separator || c == '\n' || c == '\r')
            break;
          append_capped (field, c, &too_long);
          reader->pos++;
        }

      if (fields->len < CERTO_SOA_IMPORT_MAX_COLUMNS)
        {
          if (too_long)
            {
              guint index = fields->len;

              g_array_append_val (oversized, index);
            }
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
        }

      if (reader->pos >= reader->length)
        return TRUE;

      if (reader->data[reader->pos] == reader->separator)
        {
          reader->pos++;
          continue;
        }

      /* CRLF, LF or a lone CR ends the record */
      if (reader->data[reader->pos] == '\r')
        reader->pos++;
      if (reader->pos < reader->length && reader->data[reader->pos] == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!is_blank (g_ptr_array_index (fields, i)))
      return FALSE;
  return TRUE;
}

static const Synonym *
find_synonym (const char *heading)
{
  g_autofree char *folded = fold (strip_formula_guard (heading));
  static const Synonym own[] = {
    { NULL, COL_ID, 10 }, { NULL, COL_TITLE, 10 }, { NULL, COL_APPLICABLE, 10 },
    { NULL, COL_REASONS, 10 }, { NULL, COL_JUSTIFICATION, 10 }, { NULL, COL_STATUS, 10 },
  };
  static const char *own_headings[] = {
    N_("Control"), N_("Title"), N_("Applicable"), N_("Reasons for inclusion"),
    N_("Justification for exclusion"), N_("Implementation status"),
  };

  if (*folded == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (synonyms[i].name, folded))
      return &synonyms[i];

  /* Certo's own headings in the user's language */
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (is_label (folded, g_dgettext (GETTEXT_PACKAGE, own_headings[i])))
      return &own[i];

  return NULL;
}

/* Maps a record to columns; returns how many kinds it names, 0 unless it
 * can be the header (a control column and something to import) */
static guint
map_header (GPtrArray *fields,
            int        columns[N_COLS])
{
  int priorities[N_COLS];
  guint n = 0;

  for (guint k = 0; k < N_COLS; k++)
    {
      columns[k] = -1;
      priorities[k] = -1;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const Synonym *synonym = find_synonym (g_ptr_array_index (fields, i));

      if (synonym == NULL || synonym->priority <= priorities[synonym->kind])
        continue;
      columns[synonym->kind] = i;
      priorities[synonym->kind] = synonym->priority;
    }

  for (guint k = 0; k < N_COLS; k++)
    if (columns[k] >= 0)
      n++;

  if (columns[COL_ID] < 0 ||
      (columns[COL_APPLICABLE] < 0 && columns[COL_STATUS] < 0 &&
       columns[COL_JUSTIFICATION] < 0 && columns[COL_REASONS] < 0))
    return 0;

  return n;
}

/* Looks for the header among the first records under @separator.
 * Returns its score (0: none) and its index among the records. */
static guint
sniff (const char  *data,
       gsize        length,
       char         separator,
       guint       *out_index,
       GError     **error)
{
  CsvReader reader = { data, length, 0, 1, separator };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) oversized = g_array_new (FALSE, FALSE, sizeof (guint));
  int columns[N_COLS];
  guint line;

  for (guint i = 0; i < HEADER_SEARCH_ROWS; i++)
    {
      guint score;

      if (!csv_read_record (&reader, fields, oversized, &line, error))
        return 0;

      score = map_header (fields, columns);
      if (score > 0)
        {
          *out_index = i;
          /* More columns break ties: the real separator splits the row */
          return score * 1000 + MIN (fields->len, 999);
        }
    }

  return 0;
}

static void
add_issue (CertoSoaRow  *row,
           GPtrArray  *headings,
           int         column,
           const char *value,
           char       *message)
{
  g_ptr_array_add (row->issues, _certo_soa_import_issue_new (row->line, g_ptr_array_index (headings, column), value, message));
}

static const char *
cell (GPtrArray *fields,
      int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return "";
  return strip_formula_guard (g_ptr_array_index (fields, column));
}

static gboolean
is_oversized (GArray *oversized,
              int     column)
{
  for (guint i = 0; i < oversized->len; i++)
    if (g_array_index (oversized, guint, i) == (guint) column)
      return TRUE;
  return FALSE;
}

static CertoSoaRow *
read_row (GPtrArray   *fields,
          GArray      *oversized,
          guint        line,
          const int    columns[N_COLS],
          GPtrArray   *headings)
{
  CertoSoaRow *row = g_new0 (CertoSoaRow, 1);
  const char *text;

  row->line = line;
  row->applicability = -1;
  row->status = -1;
  row->issues = g_ptr_array_new_with_free_func (_certo_soa_import_issue_free);
  row->id = g_strstrip (g_strdup (cell (fields, columns[COL_ID])));

  for (guint k = 0; k < N_COLS; k++)
    {
      if (k != COL_TITLE && columns[k] >= 0 && is_oversized (oversized, columns[k]))
        add_issue (row, headings, columns[k], "…",
                   g_strdup_printf (_("The cell is longer than %u KiB"), CERTO_SOA_IMPORT_MAX_FIELD / 1024));
    }

  text = cell (fields, columns[COL_APPLICABLE]);
  if (!is_blank (text) && !parse_applicable (text, &row->applicability))
    add_issue (row, headings, columns[COL_APPLICABLE], text,
               g_strdup (_("Not an applicability: use Yes or No")));

  text = cell (fields, columns[COL_STATUS]);
  if (!is_blank (text) && !parse_status (text, &row->status))
    add_issue (row, headings, columns[COL_STATUS], text,
               g_strdup (_("Not an implementation status: use Not started, Planned, In progress or Implemented")));

  text = cell (fields, columns[COL_REASONS]);
  if (!is_blank (text))
    {
      if (parse_reasons (text, &row->reasons))
        row->has_reasons = TRUE;
      else
        add_issue (row, headings, columns[COL_REASONS], text,
                   g_strdup (_("Not a reason for inclusion: use Legal or regulatory requirement, Contractual obligation, Business requirement, Risk treatment or Best practice")));
    }

  text = cell (fields, columns[COL_JUSTIFICATION]);
  if (!is_blank (text))
    row->justification = g_strdup (text);

  return row;
}

/**
 * _certo_soa_import_parse:
 * @bytes: the file
 * @error: (out) (optional): a #CERTO_SOA_IMPORT_ERROR
 *
 * Worker thread: bytes → rows. Checks the size and the encoding, finds
 * the separator and the header, reads every row's values; matches
 * nothing yet.
 *
 * Returns: (transfer full) (nullable): the rows
 */
CertoSoaTable *
_certo_soa_import_parse (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(CertoSoaTable) parsed = g_new0 (CertoSoaTable, 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GArray) oversized = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) sniff_error = NULL;
  g_autoptr(GError) read_error = NULL;
  static const char separators[] = { ',', ';', '\t' };
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end = NULL;
  CsvReader reader;
  int columns[N_COLS];
  guint best_score = 0, header_index = 0, index = 0, line = 0;
  char separator = ',';

  parsed->rows = g_ptr_array_new_with_free_func (import_row_free);

  if (length > CERTO_SOA_IMPORT_MAX_SIZE)
    {
      g_set_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB; an SoA is far smaller. Check that this is the right file."),
                   CERTO_SOA_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_NOT_UTF8,
                           _("The file is UTF-16 text (line 1); save it as “CSV UTF-8” and import it again."));
      return NULL;
    }

  /* A byte order mark is welcome (Certo writes one), not required */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      guint bad_line = 1;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          bad_line++;
      g_set_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_NOT_UTF8,
                   /* Translators: %u is a line number */
                   _("Line %u is not UTF-8 text: save the file as “CSV UTF-8” and import it again."),
                   bad_line);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autoptr(GError) local_error = NULL;
      guint at = 0;
      guint score = sniff (data, length, separators[i], &at, &local_error);

      if (local_error != NULL && sniff_error == NULL)
        sniff_error = g_steal_pointer (&local_error);
      if (score > best_score)
        {
          best_score = score;
          header_index = at;
          separator = separators[i];
        }
    }

  if (best_score == 0)
    {
      if (sniff_error != NULL)
        g_propagate_error (error, g_steal_pointer (&sniff_error));
      else
        g_set_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_NO_HEADER,
                     _("No header row found in the first %u rows. The file needs a column for the control "
                       "(“Control”, “ID”) and one for its applicability, status or justification."),
                     HEADER_SEARCH_ROWS);
      return NULL;
    }

  reader = (CsvReader) { data, length, 0, 1, separator };
  parsed->separator = separator;
  for (index = 0; csv_read_record (&reader, fields, oversized, &line, &read_error); index++)
    {
      if (index < header_index)
        continue;

      if (index == header_index)
        {
          map_header (fields, columns);
          headings = g_ptr_array_new_with_free_func (g_free);
          for (guint c = 0; c < fields->len; c++)
            g_ptr_array_add (headings, g_strdup (strip_formula_guard (g_ptr_array_index (fields, c))));
          parsed->header_line = line;
          parsed->id_heading = g_strdup (g_ptr_array_index (headings, columns[COL_ID]));
          continue;
        }

      if (record_is_blank (fields))
        continue;

      if (parsed->rows->len >= CERTO_SOA_IMPORT_MAX_ROWS)
        {
          g_set_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_TOO_LARGE,
                       _("The file has more than %u rows; an SoA has one per control. Check that this is the right file."),
                       CERTO_SOA_IMPORT_MAX_ROWS);
          return NULL;
        }

      g_ptr_array_add (parsed->rows, read_row (fields, oversized, line, columns, headings));
    }

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  return g_steal_pointer (&parsed);
}
