/* certo-export-pdf.c — a small page engine on cairo + pango (the
 * Statement of Applicability on it: certo-export-soa-pdf.c; the status
 * report: certo-export-report.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine lays text out with pango (fonts through fontconfig: Cantarell,
 * DejaVu Sans as the fallback for what Cantarell lacks) and draws it on a
 * cairo PDF surface, A4. Content runs twice: a first pass with nothing to
 * draw on counts the pages, the second draws them, so every footer can
 * say "Page N of M". The layouts are identical in both passes (same
 * context, metrics unhinted), so the page breaks are too.
 *
 * Tables repeat their header row on every page. A row that does not fit
 * the rest of a page moves to the next; one taller than a whole page is
 * split between lines of text, never through one. Text is always set
 * with pango_layout_set_text(): user text is never parsed as markup.
 *
 * Everything here runs on the export's worker thread, with its own font
 * map: pango's default font map is per thread anyway, and a fresh one is
 * not shared with the UI.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-export-private.h"

#define A4_SHORT 595.276
#define A4_LONG  841.89
#define MARGIN_SIDE 36.0
#define MARGIN_TOP 30.0
#define MARGIN_BOTTOM 28.0
#define CELL_PAD 3.0
#define BAR_HEIGHT 7.0
#define MIN_SPLIT_HEIGHT 60.0      /* a split row starts only with this much room */
#define FONT_FAMILY "Cantarell,DejaVu Sans"

struct _CertoPdf
{
  double width;
  double height;
  CertoPdfHeaderFunc header;
  gpointer header_data;

  PangoFontMap *font_map;
  PangoContext *context;
  PangoFontDescription *fonts[CERTO_PDF_N_FONTS];

  int fd;
  GError *write_error;
  cairo_surface_t *surface;
  cairo_t *cr;                 /* NULL in the counting pass */

  guint page;                  /* the current page, from 1 */
  guint n_pages;               /* known in the drawing pass */
  double y;
  double body_top;
  double body_bottom;
  double content_top;          /* under the page header and a table's header */
  char *footer_left;
  char *title;

  const CertoPdfTable *table;  /* whose header repeats on a new page */
};

static void begin_page (CertoPdf *pdf);

/* Helpers */

static PangoLayout *
make_layout (CertoPdf     *pdf,
             const char   *text,
             CertoPdfFont  font,
             double        width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_text_colour (cairo_t  *cr,
                 gboolean  muted)
{
  if (muted)
    cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  else
    cairo_set_source_rgb (cr, 0.10, 0.10, 0.10);
}

static void
show_layout (CertoPdf    *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             gboolean     muted)
{
  if (pdf->cr == NULL)
    return;

  cairo_save (pdf->cr);
  set_text_colour (pdf->cr, muted);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
  cairo_restore (pdf->cr);
}

static void
rule (CertoPdf *pdf,
      double    y)
{
  if (pdf->cr == NULL)
    return;

  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN_SIDE, y);
  cairo_line_to (pdf->cr, pdf->width - MARGIN_SIDE, y);
  cairo_stroke (pdf->cr);
  cairo_restore (pdf->cr);
}

/* The bottom (points, in layout coordinates) of the last whole line that
 * ends at or above @limit, counting from @from; @from itself when none does */
static double
layout_break (PangoLayout *layout,
              double       from,
              double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = from;

  do
    {
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      if (top < from - 0.01)
        continue;
      if (bottom > limit + 0.01)
        break;
      best = bottom;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  return best;
}

static double
draw_footer (CertoPdf *pdf)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *page_text = NULL;
  double half = (pdf->width - 2 * MARGIN_SIDE) / 2;
  double height;
  double y;

  /* Translators: the footer of every page of the PDF exports */
  page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, MAX (pdf->n_pages, pdf->page));
  left = make_layout (pdf, pdf->footer_left, CERTO_PDF_FONT_SMALL, half);
  right = make_layout (pdf, page_text, CERTO_PDF_FONT_SMALL, half);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  height = MAX (layout_height (left), layout_height (right));
  y = pdf->height - MARGIN_BOTTOM - height;
  rule (pdf, y - 3);
  show_layout (pdf, left, MARGIN_SIDE, y, TRUE);
  show_layout (pdf, right, MARGIN_SIDE + half, y, FALSE);

  return height + 8;
}

/* A bar: a dark share, a lighter share after it, the rest outlined. The
 * figures are always printed beside it: the bar is never the only way
 * to read them. */
static void
draw_bar (CertoPdf *pdf,
          double    x,
          double    y,
          double    width,
          double    share,
          double    partial)
{
  cairo_t *cr = pdf->cr;

  share = CLAMP (share, 0, 1);
  partial = CLAMP (partial, 0, 1 - share);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width * share, BAR_HEIGHT);
  cairo_set_source_rgb (cr, 0.10, 0.37, 0.71);
  cairo_fill (cr);
  cairo_rectangle (cr, x + width * share, y, width * partial, BAR_HEIGHT);
  cairo_set_source_rgb (cr, 0.60, 0.76, 0.95);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, width, BAR_HEIGHT);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (CertoPdf           *pdf,
          PangoLayout       **layouts,
          const CertoPdfCell *cells,
          const double       *from,
          const double       *to,
          double              height,
          gboolean            is_header)
{
  const CertoPdfTable *table = pdf->table;
  double x = MARGIN_SIDE;

  if (pdf->cr == NULL)
    return;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double w = table->widths[i];

      cairo_save (pdf->cr);
      cairo_rectangle (pdf->cr, x, pdf->y, w, height);
      if (is_header)
        {
          cairo_set_source_rgb (pdf->cr, 0.89, 0.91, 0.94);
          cairo_fill_preserve (pdf->cr);
        }
      cairo_set_source_rgb (pdf->cr, 0.72, 0.72, 0.72);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_stroke (pdf->cr);

      /* Only the lines of this slice: clip at their bottom */
      cairo_rectangle (pdf->cr, x, pdf->y + CELL_PAD, w, to[i] - from[i]);
      cairo_clip (pdf->cr);
      set_text_colour (pdf->cr, cells != NULL && cells[i].muted);
      cairo_move_to (pdf->cr, x + CELL_PAD, pdf->y + CELL_PAD - from[i]);
      pango_cairo_show_layout (pdf->cr, layouts[i]);
      cairo_restore (pdf->cr);

      if (cells != NULL && cells[i].has_bar)
        draw_bar (pdf, x + CELL_PAD, pdf->y + height - CELL_PAD - BAR_HEIGHT,
                  w - 2 * CELL_PAD, cells[i].bar, cells[i].bar_partial);

      x += w;
    }
}

/* Lays a row out and draws it, over as many pages as it needs */
static void
table_row (CertoPdf           *pdf,
           const CertoPdfCell *cells,
           const char * const *titles)
{
  const CertoPdfTable *table = pdf->table;
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  g_autofree double *heights = g_new0 (double, table->n_columns);
  g_autofree double *text_heights = g_new0 (double, table->n_columns);
  g_autofree double *from = g_new0 (double, table->n_columns);
  g_autofree double *to = g_new0 (double, table->n_columns);
  gboolean is_header = titles != NULL;
  double row_height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *text = is_header ? titles[i] : cells[i].text;
      CertoPdfFont font = is_header ? CERTO_PDF_FONT_SMALL_BOLD : cells[i].font;

      layouts[i] = make_layout (pdf, text, font, table->widths[i] - 2 * CELL_PAD);
      heights[i] = text_heights[i] = layout_height (layouts[i]);
      if (!is_header && cells[i].has_bar)
        heights[i] += BAR_HEIGHT + 2;
      row_height = MAX (row_height, heights[i]);
    }

  /* Whole on this page, or else from the top of the next; a row taller
   * than a whole page starts here when a few lines still fit */
  if (!is_header && pdf->y + row_height + 2 * CELL_PAD > pdf->body_bottom &&
      pdf->y > pdf->content_top + 0.5 &&
      (row_height + 2 * CELL_PAD <= pdf->body_bottom - pdf->content_top ||
       pdf->body_bottom - pdf->y < MIN_SPLIT_HEIGHT))
    begin_page (pdf);

  for (guint slice_index = 0;; slice_index++)
    {
      double avail = pdf->body_bottom - pdf->y - 2 * CELL_PAD;
      gboolean fresh = pdf->y <= pdf->content_top + 0.5;
      double slice = 0;
      gboolean done = TRUE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          to[i] = layout_break (layouts[i], from[i], from[i] + avail);
          /* The text's last line is the end of the cell (a bar below it included) */
          if (to[i] >= text_heights[i] - 0.01)
            to[i] = heights[i];
          /* A single line taller than a page: cut it rather than loop */
          if (to[i] <= from[i] && from[i] < heights[i] - 0.01 && fresh)
            to[i] = MIN (heights[i], from[i] + MAX (avail, 1));
          slice = MAX (slice, to[i] - from[i]);
          if (to[i] < heights[i] - 0.01)
            done = FALSE;
        }

      /* On the pages a row goes on to, the first column says whose it is */
      if (slice_index > 0 && !is_header && from[0] >= heights[0] - 0.01 && (slice > 0.01 || done))
        {
          /* Translators: in the narrow first column of a table row that goes on
           * from the previous page; %s is the control ("5.2"). Keep it short. */
          g_autofree char *text = g_strdup_printf (_("%s (cont.)"), cells[0].text != NULL ? cells[0].text : "");
          g_autoptr(PangoLayout) label = make_layout (pdf, text, CERTO_PDF_FONT_ITALIC,
                                                      table->widths[0] - 2 * CELL_PAD);
          PangoLayout *first = layouts[0];
          double first_from = from[0], first_to = to[0];

          layouts[0] = label;
          from[0] = 0;
          to[0] = layout_height (label);
          slice = MAX (slice, to[0]);
          draw_row (pdf, layouts, cells, from, to, slice + 2 * CELL_PAD, FALSE);
          layouts[0] = first;
          from[0] = first_from;
          to[0] = first_to;
          pdf->y += slice + 2 * CELL_PAD;
        }
      else if (slice > 0.01 || done)
        {
          draw_row (pdf, layouts, is_header ? NULL : cells, from, to, slice + 2 * CELL_PAD, is_header);
          pdf->y += slice + 2 * CELL_PAD;
        }

      if (done)
        break;

      memcpy (from, to, sizeof (double) * table->n_columns);
      begin_page (pdf);
    }

  for (guint i = 0; i < table->n_columns; i++)
    g_object_unref (layouts[i]);
}

static void
begin_page (CertoPdf *pdf)
{
  double header_height;
  double footer_height;

  if (pdf->cr != NULL && pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;

  pdf->y = MARGIN_TOP;
  header_height = pdf->header (pdf, pdf->header_data);
  rule (pdf, MARGIN_TOP + header_height + 4);
  pdf->body_top = MARGIN_TOP + header_height + 12;

  footer_height = draw_footer (pdf);
  pdf->body_bottom = pdf->height - MARGIN_BOTTOM - footer_height;
  pdf->y = pdf->body_top;

  pdf->content_top = pdf->y;
  if (pdf->table != NULL && pdf->table->titles != NULL)
    {
      table_row (pdf, NULL, pdf->table->titles);
      pdf->content_top = pdf->y;
    }
}

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  CertoPdf *pdf = closure;

  if (pdf->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!_certo_export_write_all (pdf->fd, (const char *) data, length, &pdf->write_error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* The page engine */

/**
 * _certo_pdf_new:
 * @landscape: A4 landscape (the SoA's wide table) or portrait
 * @header: draws the top of each page
 * @header_data: for @header
 *
 * Returns: (transfer full): an engine; run it with _certo_pdf_run()
 */
CertoPdf *
_certo_pdf_new (gboolean            landscape,
                CertoPdfHeaderFunc  header,
                gpointer            header_data)
{
  CertoPdf *pdf = g_new0 (CertoPdf, 1);
  cairo_font_options_t *options;
  static const struct
  {
    double         size;
    PangoWeight    weight;
    PangoStyle     style;
  } fonts[CERTO_PDF_N_FONTS] = {
    [CERTO_PDF_FONT_BODY] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CERTO_PDF_FONT_BOLD] = { 8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CERTO_PDF_FONT_ITALIC] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    [CERTO_PDF_FONT_SMALL] = { 7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CERTO_PDF_FONT_SMALL_BOLD] = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CERTO_PDF_FONT_HEADING] = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CERTO_PDF_FONT_TITLE] = { 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  };

  pdf->width = landscape ? A4_LONG : A4_SHORT;
  pdf->height = landscape ? A4_SHORT : A4_LONG;
  pdf->header = header;
  pdf->header_data = header_data;
  pdf->fd = -1;

  pdf->font_map = pango_cairo_font_map_new ();
  pdf->context = pango_font_map_create_context (pdf->font_map);
  /* One unit is one point, as on the PDF surface; unhinted metrics so the
   * counting pass and the drawing pass break lines alike */
  pango_cairo_context_set_resolution (pdf->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < CERTO_PDF_N_FONTS; i++)
    {
      pdf->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (pdf->fonts[i], (int) (fonts[i].size * PANGO_SCALE));
      pango_font_description_set_weight (pdf->fonts[i], fonts[i].weight);
      pango_font_description_set_style (pdf->fonts[i], fonts[i].style);
    }

  return pdf;
}

/**
 * _certo_pdf_free:
 * @pdf: (transfer full): an engine
 */
void
_certo_pdf_free (CertoPdf *pdf)
{
  for (guint i = 0; i < CERTO_PDF_N_FONTS; i++)
    pango_font_description_free (pdf->fonts[i]);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  g_clear_object (&pdf->context);
  g_clear_object (&pdf->font_map);
  g_clear_error (&pdf->write_error);
  g_free (pdf->footer_left);
  g_free (pdf->title);
  g_free (pdf);
}

/**
 * _certo_pdf_run:
 * @pdf: an engine
 * @fd: where the PDF goes
 * @content: lays the content out with the _certo_pdf_*() calls; it runs
 *   twice (counting, then drawing) and must do the same both times
 * @data: for @content
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_PDF,
 *   %CERTO_EXPORT_ERROR_CANNOT_WRITE, or what @content sets
 *
 * Returns: %TRUE when the whole PDF was written
 */
gboolean
_certo_pdf_run (CertoPdf      *pdf,
                int            fd,
                gboolean     (*content) (CertoPdf     *pdf,
                                         gpointer      data,
                                         GCancellable *cancellable,
                                         GError      **error),
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = _certo_export_format_date (today);
  cairo_status_t status;

  /* Translators: at the foot of every page of a PDF export; %s is a date */
  pdf->footer_left = g_strdup_printf (_("Exported by Certo on %s"), date);
  pdf->fd = fd;

  /* Counting pass */
  pdf->page = 0;
  pdf->n_pages = 0;
  pdf->table = NULL;
  begin_page (pdf);
  if (!content (pdf, data, cancellable, error))
    return FALSE;
  pdf->n_pages = pdf->page;

  /* Drawing pass */
  pdf->surface = cairo_pdf_surface_create_for_stream (write_stream, pdf, pdf->width, pdf->height);
  pdf->cr = cairo_create (pdf->surface);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Certo " PACKAGE_VERSION);
  if (pdf->title != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, pdf->title);
  pdf->page = 0;
  pdf->table = NULL;
  begin_page (pdf);
  if (!content (pdf, data, cancellable, error))
    return FALSE;

  cairo_show_page (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  if (pdf->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pdf->write_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_PDF,
                   /* Translators: %s is cairo's reason, in English */
                   _("Could not draw the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * _certo_pdf_is_drawing:
 * @pdf: an engine
 *
 * Returns: %TRUE in the drawing pass, %FALSE in the counting pass
 */
gboolean
_certo_pdf_is_drawing (CertoPdf *pdf)
{
  return pdf->cr != NULL;
}

/**
 * _certo_pdf_get_cairo:
 * @pdf: an engine
 *
 * Returns: (transfer none) (nullable): the cairo context; %NULL in the
 *   counting pass
 */
cairo_t *
_certo_pdf_get_cairo (CertoPdf *pdf)
{
  return pdf->cr;
}

/**
 * _certo_pdf_set_title:
 * @pdf: an engine
 * @title: the document's title, for the PDF's metadata
 */
void
_certo_pdf_set_title (CertoPdf   *pdf,
                      const char *title)
{
  g_free (pdf->title);
  pdf->title = g_strdup (title);
}

/**
 * _certo_pdf_get_left:
 * @pdf: an engine
 *
 * Returns: the left margin, points
 */
double
_certo_pdf_get_left (CertoPdf *pdf)
{
  return MARGIN_SIDE;
}

/**
 * _certo_pdf_get_body_width:
 * @pdf: an engine
 *
 * Returns: the width between the margins, points
 */
double
_certo_pdf_get_body_width (CertoPdf *pdf)
{
  return pdf->width - 2 * MARGIN_SIDE;
}

/**
 * _certo_pdf_get_y:
 * @pdf: an engine
 *
 * Returns: where the flow goes on, points from the top of the page
 */
double
_certo_pdf_get_y (CertoPdf *pdf)
{
  return pdf->y;
}

/**
 * _certo_pdf_set_y:
 * @pdf: an engine
 * @y: points from the top of the page
 */
void
_certo_pdf_set_y (CertoPdf *pdf,
                  double    y)
{
  pdf->y = y;
}

/**
 * _certo_pdf_text:
 * @pdf: an engine
 * @x: left, points
 * @y: top, points
 * @width: wrap width, points
 * @text: plain text (never markup)
 * @font: its font
 * @muted: grey rather than black
 * @max_lines: at most this many lines, the last ellipsized; 0 for all
 *
 * Draws a block of text where told (in the drawing pass) without moving
 * the flow.
 *
 * Returns: its height, points
 */
double
_certo_pdf_text (CertoPdf     *pdf,
                 double        x,
                 double        y,
                 double        width,
                 const char   *text,
                 CertoPdfFont  font,
                 gboolean      muted,
                 int           max_lines)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, font, width);

  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  show_layout (pdf, layout, x, y, muted);
  return layout_height (layout);
}

/**
 * _certo_pdf_key_values:
 * @pdf: an engine
 * @y: top, points
 * @pairs: label, value, label, value, …, %NULL-terminated; a %NULL value
 *   is printed as "—"
 * @n_columns: pairs per line
 *
 * Draws a grid of small grey labels over their values (a page header).
 * Long values get at most two lines.
 *
 * Returns: its height, points
 */
double
_certo_pdf_key_values (CertoPdf           *pdf,
                       double              y,
                       const char * const *pairs,
                       guint               n_columns)
{
  double column_width = _certo_pdf_get_body_width (pdf) / n_columns;
  double top = y;
  double line_height = 0;
  guint n = 0;

  for (guint i = 0; pairs[i] != NULL; i += 2, n++)
    {
      const char *value = pairs[i + 1];
      double x = MARGIN_SIDE + (n % n_columns) * column_width;
      double h;

      if (n > 0 && n % n_columns == 0)
        {
          y += line_height + 4;
          line_height = 0;
        }

      h = _certo_pdf_text (pdf, x, y, column_width - 8, pairs[i], CERTO_PDF_FONT_SMALL, TRUE, 1);
      h += _certo_pdf_text (pdf, x, y + h, column_width - 8,
                            value != NULL ? value : "—", CERTO_PDF_FONT_BODY, value == NULL, 2);
      line_height = MAX (line_height, h);
    }

  return y + line_height - top;
}

/**
 * _certo_pdf_ensure_space:
 * @pdf: an engine
 * @height: points needed
 *
 * Starts a new page unless @height fits under the current position.
 */
void
_certo_pdf_ensure_space (CertoPdf *pdf,
                         double    height)
{
  if (pdf->y + height > pdf->body_bottom && pdf->y > pdf->content_top + 0.5)
    begin_page (pdf);
}

/**
 * _certo_pdf_paragraph:
 * @pdf: an engine
 * @text: plain text
 * @font: its font
 * @muted: grey rather than black
 *
 * Adds a paragraph to the flow, on the next page if it does not fit.
 */
void
_certo_pdf_paragraph (CertoPdf     *pdf,
                      const char   *text,
                      CertoPdfFont  font,
                      gboolean      muted)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, font, _certo_pdf_get_body_width (pdf));
  double height = layout_height (layout);

  _certo_pdf_ensure_space (pdf, height);
  show_layout (pdf, layout, MARGIN_SIDE, pdf->y, muted);
  pdf->y += height + 3;
}

/**
 * _certo_pdf_heading:
 * @pdf: an engine
 * @text: plain text
 * @keep_with_next: points of what follows that must fit on the same page
 *
 * Adds a section heading; never the last thing on a page.
 */
void
_certo_pdf_heading (CertoPdf   *pdf,
                    const char *text,
                    double      keep_with_next)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, CERTO_PDF_FONT_HEADING,
                                               _certo_pdf_get_body_width (pdf));
  double height = layout_height (layout);

  _certo_pdf_ensure_space (pdf, height + 4 + keep_with_next);
  show_layout (pdf, layout, MARGIN_SIDE, pdf->y, FALSE);
  pdf->y += height + 4;
}

/**
 * _certo_pdf_space:
 * @pdf: an engine
 * @height: points
 */
void
_certo_pdf_space (CertoPdf *pdf,
                  double    height)
{
  pdf->y = MIN (pdf->y + height, pdf->body_bottom);
}

/**
 * _certo_pdf_begin_table:
 * @pdf: an engine
 * @table: (transfer none): the columns; kept until _certo_pdf_end_table()
 *
 * Starts a table: draws its header row, and again at the top of every
 * page until the table ends.
 */
void
_certo_pdf_begin_table (CertoPdf            *pdf,
                        const CertoPdfTable *table)
{
  /* The header row and at least a line or two of the first row */
  _certo_pdf_ensure_space (pdf, 48);
  pdf->table = table;
  if (table->titles != NULL)
    table_row (pdf, NULL, table->titles);
}

/**
 * _certo_pdf_table_row:
 * @pdf: an engine
 * @cells: one per column
 *
 * Adds a row; see the file's comment for how rows meet page breaks.
 */
void
_certo_pdf_table_row (CertoPdf           *pdf,
                      const CertoPdfCell *cells)
{
  g_return_if_fail (pdf->table != NULL);
  table_row (pdf, cells, NULL);
}

/**
 * _certo_pdf_table_group_row:
 * @pdf: an engine
 * @text: the group's name ("5 Organizational controls")
 * @keep_with_next: points of the following row that must fit on the
 *   same page
 *
 * Adds a full-width row that heads a group of rows.
 */
void
_certo_pdf_table_group_row (CertoPdf   *pdf,
                            const char *text,
                            double      keep_with_next)
{
  double width = _certo_pdf_get_body_width (pdf);
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, CERTO_PDF_FONT_BOLD, width - 2 * CELL_PAD);
  double height = layout_height (layout) + 2 * CELL_PAD;

  g_return_if_fail (pdf->table != NULL);

  _certo_pdf_ensure_space (pdf, height + keep_with_next);
  if (pdf->cr != NULL)
    {
      cairo_save (pdf->cr);
      cairo_rectangle (pdf->cr, MARGIN_SIDE, pdf->y, width, height);
      cairo_set_source_rgb (pdf->cr, 0.96, 0.96, 0.96);
      cairo_fill_preserve (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.72, 0.72, 0.72);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_stroke (pdf->cr);
      cairo_restore (pdf->cr);
    }
  show_layout (pdf, layout, MARGIN_SIDE + CELL_PAD, pdf->y + CELL_PAD, FALSE);
  pdf->y += height;
}

/**
 * _certo_pdf_end_table:
 * @pdf: an engine
 */
void
_certo_pdf_end_table (CertoPdf *pdf)
{
  pdf->table = NULL;
  _certo_pdf_space (pdf, 10);
}
