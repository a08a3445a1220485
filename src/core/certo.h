/* certo.h — the core library: everything the UI and the CLI may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-article-text.h"
#include "certo-catalog.h"
#include "certo-catalog-update.h"
#include "certo-change.h"
#include "certo-client.h"
#include "certo-document.h"
#include "certo-document-kind.h"
#include "certo-download.h"
#include "certo-environment.h"
#include "certo-family.h"
#include "certo-framework.h"
#include "certo-framework-group.h"
#include "certo-localized.h"
#include "certo-offline.h"
#include "certo-offline-document.h"
#include "certo-parse.h"
#include "certo-paths.h"
#include "certo-requirement.h"
#include "certo-service.h"
#include "certo-source.h"
#include "certo-standard.h"
#include "certo-store.h"
#include "certo-sync.h"
#include "certo-text.h"
#include "certo-workspace.h"
#include "certo-export.h"
#include "certo-soa-import.h"
