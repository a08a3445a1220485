/* certo-evidence-row.c — one evidence item of a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Title, kind, dates, the start of its SHA-256 and an expiry warning (an
 * icon and words); Open, and a menu to unlink it from the requirement or
 * remove it from the workspace. The row only asks: the editor does it,
 * through the "open", "unlink" and "remove" signals.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "certo-document-details.h"
#include "certo-evidence-row.h"
#include "certo-workspace-util.h"

/* Characters of the SHA-256 shown: enough to compare with a printout */
#define SHA256_SHORT 12

struct _CertoEvidenceRow
{
  AdwActionRow   parent_instance;

  CertoEvidence *item;
  char          *requirement_label;

  GtkImage      *kind_icon;
  GtkWidget     *expiry_box;
  GtkLabel      *expiry_label;
  GtkWidget     *open_button;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (CertoEvidenceRow, certo_evidence_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_REQUIREMENT_LABEL,
  N_PROPS
};

enum {
  OPEN,
  UNLINK,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_icon_name (CertoEvidenceKind kind)
{
  switch (kind)
    {
    case CERTO_EVIDENCE_LINK:
      return "insert-link-symbolic";
    case CERTO_EVIDENCE_LIBRARY:
      return "folder-documents-symbolic";
    case CERTO_EVIDENCE_FILE:
    default:
      return "text-x-generic-symbolic";
    }
}

static void
append (GString    *line,
        const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (line->len > 0)
    /* Translators: separates the facts of an evidence item: "File · 2.3 MiB" */
    g_string_append (line, _(" · "));
  g_string_append (line, text);
}

/**
 * certo_evidence_describe:
 * @evidence: an evidence item
 *
 * Returns: (transfer full): what it is and when, as plain text on two
 *   lines: "File · report.pdf · 2.3 MiB · SHA-256 1a2b3c4d5e6f…" and
 *   "Captured 3 March 2025 · Valid from 1 March 2025"
 */
char *
certo_evidence_describe (CertoEvidence *evidence)
{
  g_autoptr(GString) what = g_string_new (NULL);
  g_autoptr(GString) when = g_string_new (NULL);
  g_autofree char *captured = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *captured_text = NULL;
  g_autofree char *effective_text = NULL;
  const char *sha256 = NULL;
  CertoEvidenceKind kind = certo_evidence_get_kind (evidence);

  append (what, certo_enum_to_label (CERTO_TYPE_EVIDENCE_KIND, kind));

  if (kind == CERTO_EVIDENCE_FILE)
    {
      g_autofree char *size = certo_format_size (certo_evidence_get_size (evidence));

      if (g_strcmp0 (certo_evidence_get_file_name (evidence), certo_evidence_get_title (evidence)) != 0)
        append (what, certo_evidence_get_file_name (evidence));
      append (what, size);
      sha256 = certo_evidence_get_sha256 (evidence);
    }
  else if (kind == CERTO_EVIDENCE_LINK)
    {
      append (what, certo_evidence_get_url (evidence));
    }
  else
    {
      g_autoptr(CertoLibrarySnapshot) snapshot = certo_evidence_dup_snapshot (evidence);

      if (snapshot != NULL)
        {
          append (what, snapshot->source_name);
          append (what, snapshot->issuer);
          append (what, snapshot->certificate_number);
          sha256 = NULL;
        }
    }

  if (sha256 != NULL && strlen (sha256) > SHA256_SHORT)
    {
      g_autofree char *head = g_strndup (sha256, SHA256_SHORT);
      g_autofree char *text = g_strdup_printf ("SHA-256 %s…", head);

      append (what, text);
    }

  captured = certo_format_date (certo_evidence_get_captured_at (evidence));
  if (captured != NULL)
    {
      /* Translators: %s is a date */
      captured_text = g_strdup_printf (_("Captured %s"), captured);
      append (when, captured_text);
    }
  effective = certo_format_date (certo_evidence_get_effective_date (evidence));
  if (effective != NULL)
    {
      /* Translators: %s is a date */
      effective_text = g_strdup_printf (_("Valid from %s"), effective);
      append (when, effective_text);
    }

  if (when->len > 0)
    g_string_append_printf (what, "\n%s", when->str);

  return g_string_free (g_steal_pointer (&what), FALSE);
}

static void
update (CertoEvidenceRow *self)
{
  g_autofree char *description = NULL;
  g_autofree char *today = certo_iso_date_today ();
  g_autofree char *expiry = NULL;
  g_autofree char *unlink_label = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  CertoEvidenceKind kind;
  gboolean warn = FALSE;
  gboolean can_open;

  if (self->item == NULL)
    return;

  kind = certo_evidence_get_kind (self->item);
  description = certo_evidence_describe (self->item);
  expiry = certo_expiry_text (today, certo_evidence_get_expiry_date (self->item), &warn);
  if (expiry != NULL && !warn)
    {
      g_autofree char *with_expiry = g_strdup_printf ("%s%s%s", description, _(" · "), expiry);

      g_free (description);
      description = g_steal_pointer (&with_expiry);
    }

  /* The title and the subtitle are the user's or a provider's text:
   * the row does not use markup */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), certo_evidence_get_title (self->item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), description);
  gtk_image_set_from_icon_name (self->kind_icon, kind_icon_name (kind));

  gtk_label_set_text (self->expiry_label, expiry != NULL ? expiry : "");
  gtk_widget_set_visible (self->expiry_box, warn);

  can_open = kind == CERTO_EVIDENCE_FILE || certo_uri_is_web (certo_evidence_get_url (self->item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open", can_open);
  gtk_button_set_icon_name (GTK_BUTTON (self->open_button),
                            kind == CERTO_EVIDENCE_FILE ? "document-open-symbolic" : "adw-external-link-symbolic");
  gtk_widget_set_tooltip_text (self->open_button,
                               kind == CERTO_EVIDENCE_FILE ? _("Open the File") : _("Open in the Web Browser"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == CERTO_EVIDENCE_FILE ? _("Open the File") : _("Open in the Web Browser"),
                                  -1);

  if (self->requirement_label != NULL)
    /* Translators: %s is a requirement's number, "A.5.23" */
    unlink_label = g_strdup_printf (_("_Unlink from %s"), self->requirement_label);
  g_menu_append (menu, unlink_label != NULL ? unlink_label : _("_Unlink"), "evidence.unlink");
  g_menu_append (menu, _("_Remove from Workspace"), "evidence.remove");
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
on_item_notify (CertoEvidenceRow *self)
{
  update (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[OPEN], 0);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[UNLINK], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
certo_evidence_row_dispose (GObject *object)
{
  CertoEvidenceRow *self = (CertoEvidenceRow *) object;

  certo_evidence_row_set_item (self, NULL);

  G_OBJECT_CLASS (certo_evidence_row_parent_class)->dispose (object);
}

static void
certo_evidence_row_finalize (GObject *object)
{
  CertoEvidenceRow *self = (CertoEvidenceRow *) object;

  g_clear_pointer (&self->requirement_label, g_free);

  G_OBJECT_CLASS (certo_evidence_row_parent_class)->finalize (object);
}

static void
certo_evidence_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CertoEvidenceRow *self = CERTO_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_REQUIREMENT_LABEL:
      g_value_set_string (value, self->requirement_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_evidence_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CertoEvidenceRow *self = CERTO_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      certo_evidence_row_set_item (self, g_value_get_object (value));
      break;
    case PROP_REQUIREMENT_LABEL:
      g_free (self->requirement_label);
      self->requirement_label = g_value_dup_string (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_evidence_row_class_init (CertoEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_evidence_row_dispose;
  object_class->finalize = certo_evidence_row_finalize;
  object_class->get_property = certo_evidence_row_get_property;
  object_class->set_property = certo_evidence_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CERTO_TYPE_EVIDENCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The requirement the list belongs to, for "Unlink from A.5.23" */
  properties[PROP_REQUIREMENT_LABEL] =
    g_param_spec_string ("requirement-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoEvidenceRow::open:
   * @self: the row
   *
   * The user asked to open the evidence (a stored file, or its link).
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CertoEvidenceRow::unlink:
   * @self: the row
   *
   * The user asked to unlink the evidence from the requirement shown.
   */
  signals[UNLINK] = g_signal_new ("unlink", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CertoEvidenceRow::remove:
   * @self: the row
   *
   * The user asked to remove the evidence from the workspace.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-evidence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoEvidenceRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CertoEvidenceRow, expiry_box);
  gtk_widget_class_bind_template_child (widget_class, CertoEvidenceRow, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, CertoEvidenceRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CertoEvidenceRow, menu_button);

  gtk_widget_class_install_action (widget_class, "evidence.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "evidence.unlink", NULL, unlink_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", NULL, remove_action);
}

static void
certo_evidence_row_init (CertoEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * certo_evidence_row_new:
 * @item: an evidence item
 * @requirement_label: (nullable): the requirement the list shows ("A.5.23")
 *
 * Returns: (transfer floating): a row showing @item
 */
GtkWidget *
certo_evidence_row_new (CertoEvidence *item,
                        const char    *requirement_label)
{
  return g_object_new (CERTO_TYPE_EVIDENCE_ROW,
                       "requirement-label", requirement_label,
                       "item", item,
                       NULL);
}

/**
 * certo_evidence_row_get_item:
 * @self: a #CertoEvidenceRow
 *
 * Returns: (transfer none) (nullable): the evidence shown
 */
CertoEvidence *
certo_evidence_row_get_item (CertoEvidenceRow *self)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE_ROW (self), NULL);

  return self->item;
}

/**
 * certo_evidence_row_set_item:
 * @self: a #CertoEvidenceRow
 * @item: (nullable): the evidence to show; the row follows its changes
 */
void
certo_evidence_row_set_item (CertoEvidenceRow *self,
                             CertoEvidence    *item)
{
  g_return_if_fail (CERTO_IS_EVIDENCE_ROW (self));
  g_return_if_fail (item == NULL || CERTO_IS_EVIDENCE (item));

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
