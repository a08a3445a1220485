/* certo-util-private.h — small helpers the core's components share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "" and NULL both mean "no value" (a form field left empty, a missing
 * header): the rest of the core tests NULL only */
static inline const char *
certo_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static inline char *
certo_dup_nonempty (const char *text)
{
  return g_strdup (certo_nonempty (text));
}

/* The current time in UTC, ISO 8601 as GLib writes it (with fractions of
 * a second when there are any): what the catalog store records */
static inline char *
certo_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

G_END_DECLS
