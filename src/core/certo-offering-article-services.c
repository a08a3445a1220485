/* certo-offering-article-services.c — which in-scope services a document
 * title names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Azure, Dynamics 365 and Power Platform — ISO 27001 certificate": the
 * text before the dash names the services a document covers, by their
 * names or by the forms a title uses for them (see the file's tests).
 */
#include "config.h"

#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

static void
add_form (GPtrArray  *list,
          const char *form)
{
  g_autofree char *folded = certo_text_fold (form);

  if (*folded == '\0')
    return;
  if (g_str_has_prefix (folded, "microsoft ") && folded[10] != '\0')
    g_ptr_array_add (list, g_strdup (folded + 10));
  g_ptr_array_add (list, g_steal_pointer (&folded));
}

/* Names by which a title's list may name a service (see the file's tests) */
static GPtrArray *
service_forms (const char *name)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  const char *p;
  guint n;

  g_ptr_array_add (candidates, g_strdup (name));
  if ((p = strstr (name, " cloud service")) != NULL)
    g_ptr_array_add (candidates, g_strndup (name, p - name));
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);

      if ((p = strstr (c, "—")) != NULL || (p = strstr (c, " - ")) != NULL)
        g_ptr_array_add (candidates, g_strstrip (g_strndup (c, p - c)));
    }
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);

      if ((p = strchr (c, ',')) != NULL)
        g_ptr_array_add (candidates, g_strstrip (g_strndup (c, p - c)));
    }
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);
      const char *open = strstr (c, "(formerly ");
      const char *close = open ? strchr (open, ')') : NULL;

      if (open != NULL && close != NULL)
        {
          g_autofree char *before = g_strndup (c, open - c);

          g_ptr_array_add (candidates, g_strndup (open + 10, close - open - 10));
          g_ptr_array_add (candidates, g_strstrip (g_strconcat (before, close + 1, NULL)));
        }
    }

  for (n = 0; n < candidates->len; n++)
    add_form (forms, g_ptr_array_index (candidates, n));
  g_ptr_array_unref (candidates);
  return forms;
}

void
_certo_offering_service_index_init (ServiceIndex       *index,
                                    CertoCatalogUpdate *update)
{
  index->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  index->folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < update->services->len; i++)
    {
      CertoUpdateService *service = g_ptr_array_index (update->services, i);

      g_hash_table_insert (index->by_id, service->id, service);
      g_ptr_array_add (index->folded, certo_text_fold (certo_localized_get (service->name, "en")));
    }

  /* full names first, so a full name beats another service's short form */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < update->services->len; i++)
      {
        CertoUpdateService *service = g_ptr_array_index (update->services, i);
        const char *en = certo_localized_get (service->name, "en");
        g_autoptr(GPtrArray) forms = service_forms (en ? en : "");

        for (guint f = 0; f < forms->len; f++)
          {
            const char *form = g_ptr_array_index (forms, f);
            g_autofree char *full = certo_text_fold (en);

            if ((pass == 0) != g_str_equal (form, full))
              continue;
            if (!g_hash_table_contains (index->forms, form))
              g_hash_table_insert (index->forms, g_strdup (form), service);
          }
      }
}

static CertoUpdateService *
service_index_lookup (ServiceIndex *index,
                      const char   *item)
{
  g_autofree char *folded = certo_text_fold (item);
  CertoUpdateService *service = g_hash_table_lookup (index->forms, folded);

  if (service == NULL && g_str_has_prefix (folded, "microsoft "))
    service = g_hash_table_lookup (index->forms, folded + 10);
  return service;
}

/* Appends the strings of @src missing from @dest, in order: O(n + m) */
void
_certo_offering_union_into (GPtrArray *dest,
                            GPtrArray *src)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dest->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (dest, i));
  for (guint i = 0; i < src->len; i++)
    {
      char *value = g_ptr_array_index (src, i);

      if (g_hash_table_add (seen, value))
        g_ptr_array_add (dest, g_strdup (value));
    }
}

/* Services whose English name begins with the family's */
static void
cover_family (CertoCatalogUpdate  *update,
              ServiceIndex        *index,
              CertoUpdateDocument *doc,
              const char          *family_name)
{
  g_autofree char *family = certo_text_fold (family_name);
  gsize n = strlen (family);

  if (n == 0 || doc->services->len > 0)
    return;
  for (guint i = 0; i < update->services->len; i++)
    {
      const char *folded = g_ptr_array_index (index->folded, i);

      if (strncmp (folded, family, n) == 0 && (folded[n] == '\0' || folded[n] == ' '))
        g_ptr_array_add (doc->services, g_strdup (((CertoUpdateService *) g_ptr_array_index (update->services, i))->id));
    }
}

/* The text before the first "—" or ": " names the covered services.
 * Returns TRUE when it did, FALSE when the family rule was used. */
gboolean
_certo_offering_cover_services (CertoCatalogUpdate  *update,
                                ServiceIndex        *index,
                                CertoUpdateDocument *doc,
                                const RawDoc        *raw)
{
  const char *title = raw->en_title;
  const char *dash = strstr (title, "—");
  const char *colon = strstr (title, ": ");
  const char *sep = dash;
  g_autofree char *pre = NULL;
  g_autofree char *folded_pre = NULL;
  g_autofree char *folded_family = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (colon != NULL && (sep == NULL || colon < sep))
    sep = colon;
  if (sep == NULL)
    goto family_rule;

  pre = g_strstrip (g_strndup (title, sep - title));
  folded_pre = certo_text_fold (pre);
  folded_family = certo_text_fold (raw->family_name);
  if (*folded_pre == '\0' || g_str_equal (folded_pre, folded_family))
    goto family_rule;

  _certo_offering_split_outside_parens (pre, items, MAX_SERVICES);
  for (guint i = 0; i < items->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (items, i), " and ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *name = _certo_offering_squeeze (parts[j]);
          CertoUpdateService *service;

          if (*name == '\0')
            continue;
          if (ids->len + names->len >= MAX_SERVICES)
            break;
          service = service_index_lookup (index, name);
          if (!g_hash_table_add (seen, g_strdup (service != NULL ? service->id : name)))
            continue;
          g_ptr_array_add (service != NULL ? ids : names, g_strdup (service != NULL ? service->id : name));
        }
    }

  /* a list that names no in-scope service is a description, not a list */
  if (ids->len > 0)
    {
      _certo_offering_union_into (doc->services, ids);
      _certo_offering_union_into (doc->service_names, names);
      return TRUE;
    }

family_rule:
  if (raw->family_name != NULL)
    cover_family (update, index, doc, raw->family_name);
  return FALSE;
}
