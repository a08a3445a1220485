/* certo-reader-view.c — the overview and FAQ of a compliance-offering
 * article, read offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text comes from the store (kept at each refresh of the article's
 * source) and is shown as Pango markup made by the core: every word of it
 * escaped, headings bold, links only http and https. A link is opened only
 * after its scheme is checked again here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "certo-reader-view.h"
#include "certo-sync-util.h"
#include "certo-workspace-util.h"

struct _CertoReaderView
{
  AdwBin            parent_instance;

  CertoCatalog     *catalog;
  CertoSource      *source;
  CertoArticleText *text;
  GCancellable     *cancellable;
  char             *language;
  char             *native;      /* the user's language, when the text has it */
  gboolean          loaded;
  gboolean          switching;

  AdwWindowTitle   *window_title;
  GtkWidget        *language_box;
  GtkToggleButton  *native_button;
  GtkToggleButton  *english_button;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *error_page;
  GtkScrolledWindow *scroller;
  GtkLabel         *text_label;
};

G_DEFINE_FINAL_TYPE (CertoReaderView, certo_reader_view, ADW_TYPE_BIN)

/* The first of the user's languages (LANGUAGE, LC_MESSAGES, …) the text
 * has, by its primary subtag */
static char *
pick_user_language (const char * const *available)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (names[i], strcspn (names[i], "_.@-"));

      if (*base == '\0' || g_str_equal (base, "C") || g_str_equal (base, "POSIX"))
        continue;
      for (guint j = 0; available != NULL && available[j] != NULL; j++)
        {
          g_autofree char *tag = g_strndup (available[j], strcspn (available[j], "-_"));

          if (g_ascii_strcasecmp (tag, base) == 0)
            return g_strdup (available[j]);
        }
    }

  return NULL;
}

static gboolean
has_language (const char * const *available,
              const char         *language)
{
  for (guint i = 0; available != NULL && available[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (available[i], language) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
show_text (CertoReaderView *self)
{
  g_autofree char *markup = NULL;

  markup = certo_article_text_to_markup (self->text, self->language);
  /* Made by the core: remote text escaped, links http(s) only */
  gtk_label_set_markup (self->text_label, markup != NULL ? markup : "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "text");
}

static void
on_text_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CertoReaderView) self = user_data;
  g_autoptr(CertoArticleText) text = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *languages;
  gboolean has_english;

  text = certo_store_get_source_text_finish (CERTO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->loaded = TRUE;

  if (error != NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (text == NULL || certo_article_text_is_empty (text))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->text = g_steal_pointer (&text);
  languages = certo_article_text_get_languages (self->text);
  has_english = has_language (languages, "en");
  self->native = pick_user_language (languages);
  if (self->native != NULL && g_ascii_strcasecmp (self->native, "en") == 0)
    g_clear_pointer (&self->native, g_free);

  g_free (self->language);
  if (self->native != NULL)
    self->language = g_strdup (self->native);
  else if (has_english)
    self->language = g_strdup ("en");
  else
    self->language = g_strdup (languages != NULL ? languages[0] : NULL);

  /* A switch only when the text has both the user's language and English */
  gtk_widget_set_visible (self->language_box, self->native != NULL && has_english);
  if (self->native != NULL)
    {
      self->switching = TRUE;
      gtk_button_set_label (GTK_BUTTON (self->native_button), certo_language_name (self->native));
      gtk_toggle_button_set_active (self->native_button, TRUE);
      self->switching = FALSE;
    }

  show_text (self);
}

static void
load (CertoReaderView *self)
{
  if (self->catalog == NULL || self->source == NULL)
    return;

  adw_window_title_set_title (self->window_title, certo_source_get_name (self->source));
  adw_window_title_set_subtitle (self->window_title, _("Overview and FAQ"));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  certo_store_get_source_text_async (certo_catalog_get_store (self->catalog),
                                     certo_source_get_id (self->source),
                                     self->cancellable, on_text_loaded, g_object_ref (self));
}

static void
on_language_toggled (CertoReaderView *self)
{
  if (self->switching || self->text == NULL)
    return;

  if (gtk_toggle_button_get_active (self->english_button))
    certo_reader_view_set_language (self, "en");
  else if (gtk_toggle_button_get_active (self->native_button) && self->native != NULL)
    certo_reader_view_set_language (self, self->native);
}

/* Links come from the article: open only http and https, checked again */
static gboolean
on_activate_link (CertoReaderView *self,
                  const char      *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (uri != NULL && certo_uri_is_web (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static void
certo_reader_view_dispose (GObject *object)
{
  CertoReaderView *self = (CertoReaderView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalog);
  g_clear_object (&self->source);
  g_clear_pointer (&self->text, certo_article_text_unref);

  G_OBJECT_CLASS (certo_reader_view_parent_class)->dispose (object);
}

static void
certo_reader_view_finalize (GObject *object)
{
  CertoReaderView *self = (CertoReaderView *) object;

  g_free (self->language);
  g_free (self->native);

  G_OBJECT_CLASS (certo_reader_view_parent_class)->finalize (object);
}

static void
certo_reader_view_class_init (CertoReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = certo_reader_view_dispose;
  object_class->finalize = certo_reader_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, language_box);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, native_button);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, english_button);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, stack);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CertoReaderView, text_label);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);
}

static void
certo_reader_view_init (CertoReaderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * certo_reader_view_new:
 * @catalog: the catalog
 * @source: an article source of @catalog
 *
 * Returns: (transfer full): a new view that loads @source's text
 */
GtkWidget *
certo_reader_view_new (CertoCatalog *catalog,
                       CertoSource  *source)
{
  CertoReaderView *self;

  g_return_val_if_fail (CERTO_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (CERTO_IS_SOURCE (source), NULL);

  self = g_object_new (CERTO_TYPE_READER_VIEW, NULL);
  self->catalog = g_object_ref (catalog);
  self->source = g_object_ref (source);
  load (self);

  return GTK_WIDGET (self);
}

/**
 * certo_reader_view_get_language:
 * @self: a #CertoReaderView
 *
 * Returns: (transfer none) (nullable): the language shown (BCP 47)
 */
const char *
certo_reader_view_get_language (CertoReaderView *self)
{
  g_return_val_if_fail (CERTO_IS_READER_VIEW (self), NULL);

  return self->language;
}

/**
 * certo_reader_view_set_language:
 * @self: a #CertoReaderView
 * @language: a language the text has
 *
 * Shows the text in @language (the switch follows).
 */
void
certo_reader_view_set_language (CertoReaderView *self,
                                const char      *language)
{
  g_return_if_fail (CERTO_IS_READER_VIEW (self));
  g_return_if_fail (language != NULL);

  if (self->text == NULL || g_strcmp0 (language, self->language) == 0)
    return;
  if (!has_language (certo_article_text_get_languages (self->text), language))
    return;

  g_free (self->language);
  self->language = g_strdup (language);

  self->switching = TRUE;
  if (g_ascii_strcasecmp (language, "en") == 0)
    gtk_toggle_button_set_active (self->english_button, TRUE);
  else
    gtk_toggle_button_set_active (self->native_button, TRUE);
  self->switching = FALSE;

  show_text (self);
}

/**
 * certo_reader_view_get_languages:
 * @self: a #CertoReaderView
 *
 * Returns: (transfer none) (nullable): the languages of the text, once
 *   loaded
 */
const char * const *
certo_reader_view_get_languages (CertoReaderView *self)
{
  g_return_val_if_fail (CERTO_IS_READER_VIEW (self), NULL);

  return self->text != NULL ? certo_article_text_get_languages (self->text) : NULL;
}

/**
 * certo_reader_view_get_text:
 * @self: a #CertoReaderView
 *
 * Returns: (transfer none): the text shown, without markup
 */
const char *
certo_reader_view_get_text (CertoReaderView *self)
{
  g_return_val_if_fail (CERTO_IS_READER_VIEW (self), NULL);

  return gtk_label_get_text (self->text_label);
}

/**
 * certo_reader_view_get_loaded:
 * @self: a #CertoReaderView
 *
 * Returns: whether the text was read from the store (or failed to be)
 */
gboolean
certo_reader_view_get_loaded (CertoReaderView *self)
{
  g_return_val_if_fail (CERTO_IS_READER_VIEW (self), FALSE);

  return self->loaded;
}

/**
 * certo_reader_view_present:
 * @parent: a widget of the window asking
 * @catalog: the catalog
 * @source: an article source
 *
 * "Read Article": a window with @source's overview and FAQ.
 *
 * Returns: (transfer none): the window, shown
 */
GtkWindow *
certo_reader_view_present (GtkWidget    *parent,
                           CertoCatalog *catalog,
                           CertoSource  *source)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = adw_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), certo_source_get_name (source));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 820);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>w|Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  adw_window_set_content (ADW_WINDOW (window), certo_reader_view_new (catalog, source));
  gtk_window_present (GTK_WINDOW (window));
  /* The text is selectable, not an entry: no caret blinking in it */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  return GTK_WINDOW (window);
}
