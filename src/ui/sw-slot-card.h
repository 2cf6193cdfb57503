/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* A slot in the week grid: a card coloured by its kind with title, time,
 * place and a fill badge ("3/5").  Clicking it (or Enter, or the
 * accessible action) emits "open"; a person dropped on it emits
 * "person-dropped" (SwPerson).  The card shows the slot as it is; the grid
 * calls sw_slot_card_update() after each change of the model. */
#define SW_TYPE_SLOT_CARD (sw_slot_card_get_type ())
G_DECLARE_FINAL_TYPE (SwSlotCard, sw_slot_card, SW, SLOT_CARD, GtkWidget)

GtkWidget *sw_slot_card_new          (SwSlot     *slot);
SwSlot    *sw_slot_card_get_slot     (SwSlotCard *self);
void       sw_slot_card_update       (SwSlotCard *self);
/* Shows @start … @end as the card's time while it is dragged (both 0:
 * back to the slot's own time). */
void       sw_slot_card_show_preview (SwSlotCard *self,
                                      gint64      start,
                                      gint64      end);
void       sw_slot_card_set_selected (SwSlotCard *self,
                                      gboolean    selected);

/* The CSS class of a kind's colour, "kind-service-desk". */
char      *sw_slot_card_kind_class   (SwSlotKind  kind);
/* The style rules giving each kind its colour (from
 * sw_slot_kind_get_color()), for a GtkCssProvider. */
char      *sw_slot_card_dup_kind_css (void);

G_END_DECLS
