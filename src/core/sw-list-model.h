/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether @item is in @model and, when @position is not NULL, where (the
 * first place). */
gboolean sw_list_model_find (GListModel *model,
                             gpointer    item,
                             guint      *position);

G_END_DECLS
