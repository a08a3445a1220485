/* certo-sqlite-error.c — SQLite result codes as errors a person can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping CertoSqlite uses unless its owner sets its own
 * (certo_sqlite_set_error_func(): the catalog store's CERTO_STORE_ERROR).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-sqlite.h"

G_DEFINE_QUARK (certo-sqlite-error-quark, certo_sqlite_error)

/* Public API */

/**
 * certo_sqlite_error_from_code:
 * @rc: an SQLite result code (extended or primary)
 * @path: (nullable): the database file, named in the message
 * @detail: (nullable): SQLite's own message, kept in the message
 * @error: (out) (optional): where the error goes
 *
 * Maps an SQLite result code to a #CERTO_SQLITE_ERROR whose message says
 * what a person can do about it. %SQLITE_INTERRUPT becomes
 * %G_IO_ERROR_CANCELLED.
 */
void
certo_sqlite_error_from_code (int          rc,
                              const char  *path,
                              const char  *detail,
                              GError     **error)
{
  g_autofree char *name = NULL;

  if (error == NULL)
    return;

  /* Each message exists with and without a file name: a translation of a
   * whole sentence, never "the database" put in place of a name */
  if (path != NULL)
    name = g_filename_display_name (path);
  if (detail == NULL)
    detail = sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FULL,
                     _("The disk is full: “%s” could not be written. Free some space and try again."),
                     name);
      else
        g_set_error_literal (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FULL,
                             _("The disk is full: the database could not be written. Free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_READ_ONLY,
                     _("“%s” cannot be written (%s). Check the permissions of the file and its folder."),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_READ_ONLY,
                     _("The database cannot be written (%s). Check the permissions of the file and its folder."),
                     detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_BUSY,
                     _("“%s” is locked by another program. Close it there and try again."),
                     name);
      else
        g_set_error_literal (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_BUSY,
                             _("The database is locked by another program. Close it there and try again."));
      break;
    case SQLITE_CANTOPEN:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CANNOT_OPEN,
                     _("“%s” could not be opened (%s). Check that it exists and that its folder can be read and written."),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CANNOT_OPEN,
                     _("The database could not be opened (%s). Check that it exists and that its folder can be read and written."),
                     detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CORRUPT,
                     _("“%s” is damaged or is not a database (%s)."),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CORRUPT,
                     _("The file is damaged or is not a database (%s)."),
                     detail);
      break;
    case SQLITE_CONSTRAINT:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CONSTRAINT,
                     _("A value was refused by “%s”: %s"),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CONSTRAINT,
                     _("A value was refused by the database: %s"),
                     detail);
      break;
    case SQLITE_TOOBIG:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_TOO_BIG,
                     _("A value is too large to be stored in “%s”."),
                     name);
      else
        g_set_error_literal (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_TOO_BIG,
                             _("A value is too large to be stored in the database."));
      break;
    case SQLITE_IOERR:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                     _("“%s” could not be read or written (%s). Check the disk and try again."),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                     _("The database could not be read or written (%s). Check the disk and try again."),
                     detail);
      break;
    case SQLITE_NOMEM:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                     _("There is not enough memory to work on “%s”. Close other programs and try again."),
                     name);
      else
        g_set_error_literal (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                             _("There is not enough memory to work on the database. Close other programs and try again."));
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled"));
      break;
    default:
      if (name != NULL)
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                     _("“%s” could not be read or written: %s"),
                     name, detail);
      else
        g_set_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED,
                     _("The database could not be read or written: %s"),
                     detail);
      break;
    }
}
