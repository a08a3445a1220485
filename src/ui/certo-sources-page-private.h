/* certo-sources-page-private.h — what the Sources page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-offline-bar.h"
#include "certo-sources-page.h"

G_BEGIN_DECLS

typedef struct
{
  char   *text;
  double  fraction;
} Progress;

struct _CertoSourcesPage
{
  AdwPreferencesPage  parent_instance;

  CertoSync          *sync;
  CertoCatalog       *catalog;
  CertoClient        *client;
  GCancellable       *cancellable;

  GtkFilter          *filter;          /* hides sources being removed */
  GtkFilterListModel *filtered;
  GHashTable         *hidden;          /* gint64 id → TRUE */
  GHashTable         *refused;         /* gint64 id → error message */
  GHashTable         *progress;        /* gint64 id → Progress */
  gint64              checking_id;
  CertoSource        *pending_remove;  /* waits for its toast to go */
  AdwToast           *remove_toast;    /* (weak) */

  CertoOfflineBar    *offline_bar;
  GtkListBox         *sources_list;
};

/* A call about one source, for its callback */
typedef struct
{
  CertoSourcesPage *self;
  gint64            source_id;
  char             *name;
} SourceCall;

SourceCall  *certo_source_call_new                   (CertoSourcesPage *self,
                                                      CertoSource      *source);
void         certo_source_call_free                  (SourceCall       *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SourceCall, certo_source_call_free)

/* certo-sources-page.c */
gboolean     certo_sources_page_is_online            (CertoSourcesPage *self);
CertoSource *certo_sources_page_find_source          (CertoSourcesPage *self,
                                                      gint64            id);
void         certo_sources_page_set_refused          (CertoSourcesPage *self,
                                                      gint64            id,
                                                      const char       *message);
void         certo_sources_page_do_refresh           (CertoSourcesPage *self,
                                                      CertoSource      *source,
                                                      CertoImportFlags  flags);

/* certo-sources-page-dialogs.c */
void         certo_sources_page_present_rename_dialog (CertoSourcesPage *self,
                                                       CertoSource      *source);

G_END_DECLS
