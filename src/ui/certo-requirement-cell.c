/* certo-requirement-cell.c — one cell of the Statement of Applicability table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows one field ("field": label, title, applicability, status,
 * owner, due-date, evidence) of the requirement in "item", bound from the
 * column's GtkBuilderListItemFactory template, and follows the item's
 * changes. A state is told by words and an icon, never by colour alone.
 * In a column where some cells have an icon, every cell keeps its place,
 * so the words line up down the column ("Overdue: 3 March" beside
 * "31 May").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-requirement-cell.h"
#include "certo-workspace-util.h"

typedef enum
{
  FIELD_LABEL,
  FIELD_TITLE,
  FIELD_APPLICABILITY,
  FIELD_STATUS,
  FIELD_OWNER,
  FIELD_DUE_DATE,
  FIELD_EVIDENCE,
} Field;

static const char * const field_names[] = {
  "label", "title", "applicability", "status", "owner", "due-date", "evidence",
};

struct _CertoRequirementCell
{
  AdwBin                 parent_instance;

  CertoRequirementState *item;
  Field                  field;
  char                  *text;

  GtkImage              *icon;
  GtkInscription        *inscription;
};

G_DEFINE_FINAL_TYPE (CertoRequirementCell, certo_requirement_cell, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns whose cells may carry an icon */
static gboolean
field_has_icons (Field field)
{
  return field == FIELD_APPLICABILITY || field == FIELD_STATUS ||
         field == FIELD_DUE_DATE || field == FIELD_EVIDENCE;
}

static void
show (CertoRequirementCell *self,
      const char           *icon_name,
      char                 *text,       /* (transfer full) */
      const char           *tooltip)
{
  g_free (self->text);
  self->text = text;

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL || field_has_icons (self->field));
  /* GtkInscription:text is never markup: titles and owners are plain text */
  gtk_inscription_set_text (self->inscription, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip != NULL ? tooltip : text);
}

static void
update (CertoRequirementCell *self)
{
  CertoRequirementState *item = self->item;
  g_autofree char *today = NULL;
  g_autofree char *issues = NULL;
  CertoSoaIssues soa_issues;
  const char *text;

  if (item == NULL)
    {
      show (self, NULL, NULL, NULL);
      return;
    }

  switch (self->field)
    {
    case FIELD_LABEL:
      show (self, NULL, g_strdup (certo_requirement_state_get_display_label (item)),
            certo_requirement_state_get_is_new (item) ? _("New in ISO/IEC 27001:2022") : NULL);
      break;

    case FIELD_TITLE:
      show (self, NULL, g_strdup (certo_requirement_state_get_title (item)), NULL);
      break;

    case FIELD_APPLICABILITY:
      if (!certo_requirement_state_get_is_annex_a (item))
        {
          show (self, "object-select-symbolic", g_strdup (_("Always")),
                _("Clauses 4 to 10 always apply"));
          break;
        }
      soa_issues = certo_requirement_state_get_soa_issues (item);
      issues = certo_soa_issues_text (soa_issues);
      if (soa_issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION)
        show (self, "dialog-warning-symbolic", g_strdup (_("Excluded, no justification")), issues);
      else if (soa_issues & CERTO_SOA_ISSUE_NO_REASON)
        show (self, "dialog-warning-symbolic", g_strdup (_("Applicable, no reason")), issues);
      else
        show (self, certo_applicability_icon_name (certo_requirement_state_get_applicability (item)),
              g_strdup (certo_enum_to_label (CERTO_TYPE_APPLICABILITY,
                                             certo_requirement_state_get_applicability (item))),
              issues);
      break;

    case FIELD_STATUS:
      /* An excluded control's status is kept aside, not shown: the
       * Statement of Applicability lists it as excluded */
      if (!certo_requirement_state_is_applicable (item))
        {
          show (self, certo_applicability_icon_name (CERTO_APPLICABILITY_EXCLUDED),
                g_strdup (certo_enum_to_label (CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_EXCLUDED)),
                _("Excluded from the Statement of Applicability: no implementation status"));
          break;
        }
      show (self, certo_status_icon_name (certo_requirement_state_get_status (item)),
            g_strdup (certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS,
                                           certo_requirement_state_get_status (item))),
            NULL);
      break;

    case FIELD_OWNER:
      text = certo_requirement_state_get_owner (item);
      show (self, NULL, g_strdup (text != NULL && *text != '\0' ? text : "—"), NULL);
      break;

    case FIELD_DUE_DATE:
      today = certo_iso_date_today ();
      text = certo_requirement_state_get_due_date (item);
      if (certo_requirement_is_overdue (item, today))
        {
          g_autofree char *date = certo_format_date (text);

          /* Translators: a due date that has passed; %s is the date */
          show (self, "task-past-due-symbolic", g_strdup_printf (_("Overdue: %s"), date), NULL);
        }
      else
        {
          char *date = certo_format_date (text);

          show (self, NULL, date != NULL ? date : g_strdup ("—"), NULL);
        }
      break;

    case FIELD_EVIDENCE:
      {
        guint n = certo_requirement_state_get_n_evidence (item);

        if (n == 0)
          show (self, NULL, g_strdup (C_("evidence", "None")), _("No evidence linked"));
        else
          show (self, "mail-attachment-symbolic", g_strdup_printf ("%u", n),
                g_dngettext (GETTEXT_PACKAGE, "One evidence item", "Several evidence items", n));
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_item_notify (CertoRequirementCell *self)
{
  update (self);
}

static void
certo_requirement_cell_dispose (GObject *object)
{
  CertoRequirementCell *self = (CertoRequirementCell *) object;

  certo_requirement_cell_set_item (self, NULL);

  G_OBJECT_CLASS (certo_requirement_cell_parent_class)->dispose (object);
}

static void
certo_requirement_cell_finalize (GObject *object)
{
  CertoRequirementCell *self = (CertoRequirementCell *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (certo_requirement_cell_parent_class)->finalize (object);
}

static void
certo_requirement_cell_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CertoRequirementCell *self = CERTO_REQUIREMENT_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_FIELD:
      g_value_set_string (value, field_names[self->field]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_cell_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CertoRequirementCell *self = CERTO_REQUIREMENT_CELL (object);
  const char *name;

  switch (prop_id)
    {
    case PROP_ITEM:
      certo_requirement_cell_set_item (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      name = g_value_get_string (value);
      for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
        if (g_strcmp0 (name, field_names[i]) == 0)
          self->field = i;
      /* Titles wrap over two lines; the other fields are short */
      gtk_inscription_set_nat_lines (self->inscription, self->field == FIELD_TITLE ? 2 : 1);
      /* A column with icons is no wider at its narrowest than one without:
       * GTK 4.8 counts hidden columns when a narrow window shares out
       * its width */
      gtk_inscription_set_min_chars (self->inscription,
                                     self->field == FIELD_TITLE ? 16 : field_has_icons (self->field) ? 0 : 3);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_cell_class_init (CertoRequirementCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_requirement_cell_dispose;
  object_class->finalize = certo_requirement_cell_finalize;
  object_class->get_property = certo_requirement_cell_get_property;
  object_class->set_property = certo_requirement_cell_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_REQUIREMENT_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "label",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "certo-requirement-cell");
}

static void
certo_requirement_cell_init (CertoRequirementCell *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The words say it all: the icon is decoration for assistive technologies */
  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             "valign", GTK_ALIGN_CENTER,
                             "pixel-size", 16,
                             NULL);
  /* An empty icon still takes its place (field_has_icons()) */
  gtk_widget_set_size_request (GTK_WIDGET (self->icon), 16, 16);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
  self->inscription = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->inscription, 0);
  gtk_inscription_set_wrap_mode (self->inscription, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (self->inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->inscription), TRUE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->inscription));
  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * certo_requirement_cell_get_item:
 * @self: a #CertoRequirementCell
 *
 * Returns: (transfer none) (nullable): the requirement shown
 */
CertoRequirementState *
certo_requirement_cell_get_item (CertoRequirementCell *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_CELL (self), NULL);

  return self->item;
}

/**
 * certo_requirement_cell_set_item:
 * @self: a #CertoRequirementCell
 * @item: (nullable): the requirement to show
 *
 * Shows the cell's field of @item, and follows its changes.
 */
void
certo_requirement_cell_set_item (CertoRequirementCell  *self,
                                 CertoRequirementState *item)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_CELL (self));
  g_return_if_fail (item == NULL || CERTO_IS_REQUIREMENT_STATE (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify", G_CALLBACK (on_item_notify), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * certo_requirement_cell_get_text:
 * @self: a #CertoRequirementCell
 *
 * Returns: (transfer none) (nullable): the text shown (for tests)
 */
const char *
certo_requirement_cell_get_text (CertoRequirementCell *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_CELL (self), NULL);

  return self->text;
}
