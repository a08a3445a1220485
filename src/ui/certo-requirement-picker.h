/* certo-requirement-picker.h — choose several requirements, with a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_REQUIREMENT_PICKER (certo_requirement_picker_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementPicker, certo_requirement_picker, CERTO, REQUIREMENT_PICKER, AdwWindow)

CertoRequirementPicker *certo_requirement_picker_new               (GtkWindow              *parent,
                                                                    CertoWorkspace         *workspace,
                                                                    const char             *title,
                                                                    const char             *subtitle,
                                                                    const char             *accept_label);
void                    certo_requirement_picker_set_selected_keys (CertoRequirementPicker *self,
                                                                    const char * const     *keys);
char                  **certo_requirement_picker_dup_selected_keys (CertoRequirementPicker *self);
void                    certo_requirement_picker_set_search        (CertoRequirementPicker *self,
                                                                    const char             *text);

G_END_DECLS
