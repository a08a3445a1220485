/* certo-sidebar-item.c — one entry of the library's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-sidebar-item.h"

struct _CertoSidebarItem
{
  GObject               parent_instance;

  CertoSidebarItemKind  kind;
  char                 *title;
  char                 *icon_name;
  CertoFamily          *family;
  CertoDocumentKind     document_kind;
};

G_DEFINE_FINAL_TYPE (CertoSidebarItem, certo_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_COUNT,
  PROP_SELECTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * certo_document_kind_get_icon_name:
 * @kind: a document kind
 *
 * An icon shown next to the kind's name (never instead of it, and never a
 * colour alone).
 *
 * Returns: (transfer none): a symbolic icon name
 */
const char *
certo_document_kind_get_icon_name (CertoDocumentKind kind)
{
  switch (kind)
    {
    case CERTO_DOCUMENT_KIND_CERTIFICATE:
      return "application-certificate-symbolic";
    case CERTO_DOCUMENT_KIND_AUDIT_REPORT:
      return "x-office-document-symbolic";
    case CERTO_DOCUMENT_KIND_SOA:
      return "view-list-symbolic";
    case CERTO_DOCUMENT_KIND_WHITEPAPER:
    case CERTO_DOCUMENT_KIND_GUIDE:
    case CERTO_DOCUMENT_KIND_BACKGROUNDER:
      return "accessories-dictionary-symbolic";
    case CERTO_DOCUMENT_KIND_RESOURCE:
    case CERTO_DOCUMENT_KIND_OTHER:
    default:
      return "emblem-documents-symbolic";
    }
}

static void
certo_sidebar_item_finalize (GObject *object)
{
  CertoSidebarItem *self = (CertoSidebarItem *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_object (&self->family);

  G_OBJECT_CLASS (certo_sidebar_item_parent_class)->finalize (object);
}

static void
certo_sidebar_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CertoSidebarItem *self = CERTO_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, certo_sidebar_item_get_count (self));
      break;
    case PROP_SELECTABLE:
      g_value_set_boolean (value, certo_sidebar_item_get_selectable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sidebar_item_class_init (CertoSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = certo_sidebar_item_finalize;
  object_class->get_property = certo_sidebar_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Bound to GtkListItem:selectable and :activatable in the factory */
  properties[PROP_SELECTABLE] =
    g_param_spec_boolean ("selectable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_sidebar_item_init (CertoSidebarItem *self)
{
}

/**
 * certo_sidebar_item_new:
 * @kind: what the entry shows; not %CERTO_SIDEBAR_ITEM_FAMILY (use
 *   certo_sidebar_item_new_for_family())
 * @title: the translated text shown
 * @icon_name: (nullable): a symbolic icon name
 *
 * Returns: (transfer full): a new entry
 */
CertoSidebarItem *
certo_sidebar_item_new (CertoSidebarItemKind  kind,
                        const char           *title,
                        const char           *icon_name)
{
  CertoSidebarItem *self = g_object_new (CERTO_TYPE_SIDEBAR_ITEM, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);

  return self;
}

/**
 * certo_sidebar_item_new_for_family:
 * @family: a family of the catalog
 *
 * An entry that selects @family's documents and services; its count is the
 * family's number of documents.
 *
 * Returns: (transfer full): a new entry holding a reference to @family
 */
CertoSidebarItem *
certo_sidebar_item_new_for_family (CertoFamily *family)
{
  CertoSidebarItem *self;

  g_return_val_if_fail (CERTO_IS_FAMILY (family), NULL);

  self = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_FAMILY,
                                 certo_family_get_name (family),
                                 "folder-symbolic");
  self->family = g_object_ref (family);

  return self;
}

/**
 * certo_sidebar_item_new_for_kind:
 * @document_kind: a document kind
 *
 * An entry that selects the documents of @document_kind, titled with the
 * kind's translated plural ("Certificates").
 *
 * Returns: (transfer full): a new entry
 */
CertoSidebarItem *
certo_sidebar_item_new_for_kind (CertoDocumentKind document_kind)
{
  CertoSidebarItem *self;

  self = certo_sidebar_item_new (CERTO_SIDEBAR_ITEM_DOCUMENT_KIND,
                                 certo_document_kind_get_plural_label (document_kind),
                                 certo_document_kind_get_icon_name (document_kind));
  self->document_kind = document_kind;

  return self;
}

/**
 * certo_sidebar_item_get_kind:
 * @self: a #CertoSidebarItem
 *
 * Returns: what the entry shows
 */
CertoSidebarItemKind
certo_sidebar_item_get_kind (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), CERTO_SIDEBAR_ITEM_HEADER);

  return self->kind;
}

/**
 * certo_sidebar_item_get_title:
 * @self: a #CertoSidebarItem
 *
 * Returns: (transfer none): the text shown, plain text
 */
const char *
certo_sidebar_item_get_title (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), NULL);

  return self->title;
}

/**
 * certo_sidebar_item_get_icon_name:
 * @self: a #CertoSidebarItem
 *
 * Returns: (transfer none) (nullable): a symbolic icon name
 */
const char *
certo_sidebar_item_get_icon_name (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), NULL);

  return self->icon_name;
}

/**
 * certo_sidebar_item_get_family:
 * @self: a #CertoSidebarItem
 *
 * Returns: (transfer none) (nullable): the family of a
 *   %CERTO_SIDEBAR_ITEM_FAMILY entry, else %NULL
 */
CertoFamily *
certo_sidebar_item_get_family (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), NULL);

  return self->family;
}

/**
 * certo_sidebar_item_get_document_kind:
 * @self: a #CertoSidebarItem
 *
 * Returns: the kind of a %CERTO_SIDEBAR_ITEM_DOCUMENT_KIND entry
 */
CertoDocumentKind
certo_sidebar_item_get_document_kind (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), CERTO_DOCUMENT_KIND_OTHER);

  return self->document_kind;
}

/**
 * certo_sidebar_item_get_count:
 * @self: a #CertoSidebarItem
 *
 * Returns: the number shown beside the title (documents of a family), or 0
 *   for none
 */
guint
certo_sidebar_item_get_count (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), 0);

  if (self->family != NULL)
    return certo_family_get_n_documents (self->family);

  return 0;
}

/**
 * certo_sidebar_item_get_selectable:
 * @self: a #CertoSidebarItem
 *
 * Returns: %FALSE for section headings
 */
gboolean
certo_sidebar_item_get_selectable (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), FALSE);

  return self->kind != CERTO_SIDEBAR_ITEM_HEADER;
}

/**
 * certo_sidebar_item_dup_key:
 * @self: a #CertoSidebarItem
 *
 * Names the entry across reloads of the catalog (which replace the family
 * objects): its kind, and the family's key or the document kind.
 *
 * Returns: (transfer full): the key
 */
char *
certo_sidebar_item_dup_key (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), NULL);

  if (self->family != NULL)
    return g_strdup_printf ("family:%s", certo_family_get_key (self->family));

  return g_strdup_printf ("%d:%d", self->kind, self->document_kind);
}

/**
 * certo_sidebar_item_has_documents:
 * @self: a #CertoSidebarItem
 *
 * Returns: whether the entry stands for a set of documents (all of them,
 *   a family's, a kind's) that can be saved for offline reading at once
 */
gboolean
certo_sidebar_item_has_documents (CertoSidebarItem *self)
{
  g_return_val_if_fail (CERTO_IS_SIDEBAR_ITEM (self), FALSE);

  return self->kind == CERTO_SIDEBAR_ITEM_ALL
         || self->kind == CERTO_SIDEBAR_ITEM_FAMILY
         || self->kind == CERTO_SIDEBAR_ITEM_DOCUMENT_KIND;
}
