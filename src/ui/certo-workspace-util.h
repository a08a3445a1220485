/* certo-workspace-util.h — small helpers the workspace widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"
#include "certo-document-details.h"
#include "certo-workspace-migrate.h"
#include "certo-workspace-score.h"

G_BEGIN_DECLS

/* Evidence expiring within this many days is pointed out */
#define CERTO_EXPIRY_WARNING_DAYS 60

/* Text typed in a field is committed this long after the last key, when
 * the field loses the focus, or on Enter — never per keystroke */
#define CERTO_TEXT_COMMIT_DELAY_MS 1500

char       *certo_readiness_text          (guint        implemented,
                                           guint        applicable,
                                           double       readiness);
char       *certo_points_text             (guint        earned,
                                           guint        possible);
char       *certo_group_name              (const char  *label,
                                           const char  *title,
                                           gboolean     is_annex_a,
                                           gboolean     is_clause);
char       *certo_score_group_name        (const CertoScoreGroup *group);
const char *certo_status_icon_name        (CertoImplementationStatus status);
const char *certo_applicability_icon_name (CertoApplicability applicability);
const char *certo_field_label             (const char  *property);
char       *certo_history_value_label     (const char  *property,
                                           const char  *value);
gboolean    certo_requirement_is_overdue  (CertoRequirementState *requirement,
                                           const char  *today);
char       *certo_soa_issues_text         (CertoSoaIssues issues);
char       *certo_format_size             (gint64       bytes);
void        certo_list_box_remove_rows    (GtkListBox  *list);
int         certo_days_until              (const char  *today,
                                           const char  *date);
char       *certo_expiry_text             (const char  *today,
                                           const char  *expiry_date,
                                           gboolean    *out_warn);
GFile      *certo_file_with_suffix        (GFile       *file,
                                           const char  *suffix);
char       *certo_file_display_name       (GFile       *file);
void        certo_show_message            (GtkWidget   *parent,
                                           const char  *heading,
                                           const char  *body);
AdwToast   *certo_toast_new               (const char  *title);
void        certo_add_toast               (GtkWidget   *widget,
                                           AdwToast    *toast);
void        certo_open_web_uri            (GtkWidget   *widget,
                                           const char  *uri);
const char *certo_user_name_from_settings (GSettings   *settings);
CertoLibrarySnapshot *certo_snapshot_document (CertoCatalog  *catalog,
                                           CertoDocument *document,
                                           char         **out_provenance);

G_END_DECLS
