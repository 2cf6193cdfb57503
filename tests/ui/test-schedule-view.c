/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Schedule view on a real display (build-aux/test gives one): the
 * sample plan and the large generated organisation. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sw-assign-picker.h"
#include "sw-rulebook.h"
#include "sw-core.h"
#include "sw-date-time.h"
#include "sw-duty-row.h"
#include "sw-generate.h"
#include "sw-plan-file.h"
#include "sw-schedule-view.h"
#include "sw-slot-card.h"
#include "sw-slot-pane.h"
#include "sw-test-widgets.h"
#include "sw-week-grid.h"

static gboolean have_display;

static void
iterate (void)
{
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Keeps a picture of @widget in the build directory for review. */
static void
save_picture (GtkWidget  *widget,
              const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (SW_RENDER_DIR, name, NULL);
  GskRenderer *renderer;
  int width, height;

  sw_test_iterate_for (500);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("picture: %s", path);
}

static gboolean
is_cell_at (GtkWidget *widget, gconstpointer data)
{
  const gint64 *start = data;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_has_css_class (widget, "week-cell"))
    return FALSE;
  return sw_time_from_day (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "sw-day"))) +
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "sw-minute")) == *start;
}

static gboolean
is_assign_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         SW_IS_ASSIGN_PICKER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
}

/* The rows of @picker's list (SwAssignCandidate), those added so far. */
static GListModel *
picker_rows (GtkWidget *picker)
{
  g_autoptr(GPtrArray) lists = sw_test_find_type (picker, GTK_TYPE_LIST_VIEW);

  g_assert_cmpuint (lists->len, ==, 1);
  return G_LIST_MODEL (gtk_list_view_get_model (lists->pdata[0]));
}

static guint
picker_n_rows (GtkWidget *picker)
{
  return g_list_model_get_n_items (picker_rows (picker));
}

static SwSlotCard *
find_card (GtkWidget *root,
           SwSlot    *slot)
{
  g_autoptr(GPtrArray) cards = sw_test_find_type (root, SW_TYPE_SLOT_CARD);

  for (guint i = 0; i < cards->len; i++)
    if (sw_slot_card_get_slot (g_ptr_array_index (cards, i)) == slot)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static SwSlot *
find_slot (SwPlan     *plan,
           const char *title)
{
  GListModel *slots = sw_plan_get_slots (plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (sw_slot_get_title (slot), title))
        return slot;
    }
  return NULL;
}

typedef struct
{
  SwOrganisation *org;
  SwPlan         *plan;
  GtkWindow      *window;
  SwScheduleView *view;
} Fixture;

static void
fixture_show (Fixture *f)
{
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = SW_SCHEDULE_VIEW (sw_schedule_view_new ());
  sw_schedule_view_set_organisation (f->view, f->org);
  sw_schedule_view_set_plan (f->view, f->plan);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  sw_test_iterate_for (300);
}

static void
sample_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->org = sw_organisation_new ();
  f->plan = sw_plan_file_new_from_template (f->org, "service-week", NULL,
                                            sw_time_day_of (sw_time_from_ymdhm (2026, 9, 20, 0, 0)),
                                            G_MININT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->plan);
  fixture_show (f);
}

static void
large_setup (Fixture *f, gconstpointer data)
{
  f->org = sw_generate_organisation (1, 1);
  f->plan = g_list_model_get_item (sw_organisation_get_plans (f->org), 0);
  g_object_unref (f->plan); /* the organisation keeps it */
  sw_undo_stack_clear (sw_organisation_get_undo_stack (f->org));
  fixture_show (f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  iterate ();
  sw_undo_stack_clear (sw_organisation_get_undo_stack (f->org));
  g_clear_object (&f->org);
}

static gboolean
is_print_signin_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.print-signin") == 0;
}

static void
test_sample (Fixture *f, gconstpointer data)
{
  GListModel *slots = sw_plan_get_slots (f->plan);
  guint n_slots = g_list_model_get_n_items (slots);
  SwSlot *desk = find_slot (f->plan, "广场服务台");
  gint64 start = sw_time_from_ymdhm (2026, 9, 23, 14, 0);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) panes = NULL;
  SwSlotCard *card;
  SwSlot *added;
  const char *label;

  /* Every slot of the one-week plan has its card. */
  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      g_assert_nonnull (find_card (GTK_WIDGET (f->view), slot));
    }

  /* The desk's card tells a screen reader what it is. */
  g_assert_nonnull (desk);
  card = find_card (GTK_WIDGET (f->view), desk);
  g_assert_nonnull (card);
  label = gtk_widget_get_tooltip_text (GTK_WIDGET (card));
  /* With its day: the same title on other days reads otherwise. */
  g_assert_true (g_str_has_prefix (label, "广场服务台, Wednesday 23 September, 09:00–11:00, "));
  g_assert_true (g_str_has_suffix (label, " of 11 filled"));

  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  save_picture (GTK_WIDGET (f->window), "schedule-view.png");

  /* The pane prints the desk's sign-in sheet. */
  {
    g_autoptr(GPtrArray) buttons = sw_test_find_all (GTK_WIDGET (f->view), is_print_signin_button, NULL);
    GVariant *target;

    g_assert_cmpuint (buttons->len, ==, 1);
    target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (buttons->pdata[0]));
    g_assert_nonnull (target);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, sw_slot_get_uid (desk));
    g_assert_true (gtk_widget_get_visible (buttons->pdata[0]));
  }

  /* The desk's first duty opens its picker; a duty of another slot has
   * none in the desk's pane. */
  {
    g_autoptr(SwDuty) duty = g_list_model_get_item (sw_slot_get_duties (desk), 0);
    g_autoptr(SwDuty) stranger = sw_duty_new ("不在此活动", 1, NULL);
    g_autoptr(GPtrArray) pickers = NULL;
    GtkWidget *shown = NULL;

    g_assert_true (sw_schedule_view_open_assign (f->view, desk, duty));
    iterate ();
    pickers = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_ASSIGN_PICKER);
    for (guint i = 0; i < pickers->len; i++)
      if (gtk_widget_get_visible (pickers->pdata[i]))
        shown = pickers->pdata[i];
    g_assert_nonnull (shown);
    {
      g_autoptr(SwDuty) shown_duty = NULL;

      g_object_get (shown, "duty", &shown_duty, NULL);
      g_assert_true (shown_duty == duty);
    }
    gtk_popover_popdown (GTK_POPOVER (shown));
    iterate ();
    g_assert_false (sw_schedule_view_open_assign (f->view, desk, stranger));
  }

  /* Clicking the empty half hour at 14:00 adds a one-hour slot there and
   * opens it. */
  cells = sw_test_find_all (GTK_WIDGET (f->view), is_cell_at, &start);
  g_assert_cmpuint (cells->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (cells, 0), "clicked");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, n_slots + 1);
  added = find_slot (f->plan, "New Slot");
  g_assert_nonnull (added);
  g_assert_cmpint (sw_slot_get_start (added), ==, start);
  g_assert_cmpint (sw_slot_get_end (added), ==, start + 60);
  g_assert_nonnull (find_card (GTK_WIDGET (f->view), added));
  panes = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_SLOT_PANE);
  g_assert_cmpuint (panes->len, ==, 1);
  g_assert_true (sw_slot_pane_get_slot (g_ptr_array_index (panes, 0)) == added);

  /* Undo removes it, its card and closes the pane. */
  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (f->org), NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, n_slots);
  g_assert_null (find_card (GTK_WIDGET (f->view), added));
  g_assert_null (sw_slot_pane_get_slot (g_ptr_array_index (panes, 0)));
}

static void
test_moves (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SwSlot *desk = find_slot (f->plan, "广场服务台");
  g_autoptr(GPtrArray) grids = NULL;
  SwWeekGrid *grid;
  int first, last;

  grids = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_WEEK_GRID);
  g_assert_cmpuint (grids->len, ==, 1);
  grid = g_ptr_array_index (grids, 0);
  g_assert_cmpuint (sw_week_grid_get_n_pages (grid), ==, 1);

  /* A move that the grid reports lands as one undo step. */
  g_signal_emit_by_name (grid, "move-slot", desk,
                         sw_time_from_ymdhm (2026, 9, 24, 19, 30),
                         sw_time_from_ymdhm (2026, 9, 24, 21, 30));
  iterate ();
  g_assert_cmpint (sw_slot_get_start (desk), ==, sw_time_from_ymdhm (2026, 9, 24, 19, 30));
  /* The hours widen to show it: 21:30 needs the 21:00 row. */
  g_assert_nonnull (find_card (GTK_WIDGET (f->view), desk));
  {
    gint64 late = sw_time_from_ymdhm (2026, 9, 24, 21, 0);
    g_autoptr(GPtrArray) cells = sw_test_find_all (GTK_WIDGET (f->view), is_cell_at, &late);
    g_assert_cmpuint (cells->len, ==, 1);
  }
  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (f->org), &error));
  g_assert_cmpint (sw_slot_get_start (desk), ==, sw_time_from_ymdhm (2026, 9, 23, 9, 0));

  /* A longer plan pages by week. */
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (f->org), &error, f->plan,
                                    "last-day", sw_time_day_of (sw_time_from_ymdhm (2026, 10, 10, 0, 0))));
  iterate ();
  g_assert_cmpuint (sw_week_grid_get_n_pages (grid), ==, 3);
  sw_week_grid_set_page (grid, 2);
  sw_week_grid_get_page_days (grid, &first, &last);
  g_assert_cmpint (first, ==, sw_time_day_of (sw_time_from_ymdhm (2026, 10, 4, 0, 0)));
  g_assert_cmpint (last, ==, sw_time_day_of (sw_time_from_ymdhm (2026, 10, 10, 0, 0)));
  g_assert_null (find_card (GTK_WIDGET (f->view), desk));
  /* Selecting a slot pages back to it. */
  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  g_assert_cmpuint (sw_week_grid_get_page (grid), ==, 0);
  g_assert_nonnull (find_card (GTK_WIDGET (f->view), desk));
}

/* The pane's start: a time typed is one move when Enter is pressed, none
 * while it reads as no time; its duty rows follow the model without
 * being made again. */
static void
test_pane_fields (Fixture *f, gconstpointer data)
{
  SwSlot *desk = find_slot (f->plan, "广场服务台");
  SwUndoStack *stack = sw_organisation_get_undo_stack (f->org);
  g_autoptr(GPtrArray) controls = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwDuty) first_duty = NULL;
  GtkEditable *start_entry;
  SwDutyRow *first_row = NULL;
  gint64 start = sw_slot_get_start (desk);
  gint64 length = sw_slot_get_end (desk) - start;

  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  controls = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_DATE_TIME);
  g_assert_cmpuint (controls->len, ==, 2);
  g_assert_cmpint (sw_date_time_get_time (controls->pdata[0]), ==, start);
  g_assert_cmpint (sw_date_time_get_time (controls->pdata[1]), ==, start + length);
  start_entry = sw_test_date_time_entry (controls->pdata[0]);
  g_assert_cmpstr (gtk_editable_get_text (start_entry), ==, "09:00");

  /* Half typed: no time, nothing moves. */
  gtk_editable_set_text (start_entry, "10:");
  gtk_editable_set_text (start_entry, "25:00");
  g_assert_false (sw_date_time_get_valid (controls->pdata[0]));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start_entry), "error"));
  g_signal_emit_by_name (start_entry, "activate");
  iterate ();
  g_assert_cmpint (sw_slot_get_start (desk), ==, start);

  /* A time, then Enter: one move that keeps the length. */
  gtk_editable_set_text (start_entry, "10:30");
  g_assert_true (sw_date_time_get_valid (controls->pdata[0]));
  g_assert_cmpint (sw_slot_get_start (desk), ==, start);
  g_signal_emit_by_name (start_entry, "activate");
  iterate ();
  g_assert_cmpint (sw_slot_get_start (desk), ==, start + 90);
  g_assert_cmpint (sw_slot_get_end (desk), ==, start + 90 + length);
  /* Enter again changes nothing more. */
  g_signal_emit_by_name (start_entry, "activate");
  iterate ();
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpint (sw_slot_get_start (desk), ==, start);
  g_assert_cmpstr (gtk_editable_get_text (start_entry), ==, "09:00");

  /* A time typed and not entered goes to its own slot when another slot
   * is opened, and the field then shows the other slot. */
  {
    g_autoptr(SwSlot) other = g_list_model_get_item (sw_plan_get_slots (f->plan), 0);

    g_assert_true (other != desk);
    gtk_editable_set_text (start_entry, "10:30");
    sw_schedule_view_select_slot (f->view, other);
    iterate ();
    g_assert_cmpint (sw_slot_get_start (desk), ==, start + 90);
    g_assert_cmpint (sw_date_time_get_time (controls->pdata[0]), ==, sw_slot_get_start (other));
    g_assert_true (sw_undo_stack_undo (stack, &error));
    iterate ();
    g_assert_cmpint (sw_slot_get_start (desk), ==, start);
    g_assert_cmpint (sw_slot_get_start (other), ==, sw_date_time_get_time (controls->pdata[0]));
    sw_schedule_view_select_slot (f->view, desk);
    iterate ();
  }

  /* A duty row follows its duty's name and count in place. */
  first_duty = g_list_model_get_item (sw_slot_get_duties (desk), 0);
  rows = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_DUTY_ROW);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (sw_slot_get_duties (desk)));
  for (guint i = 0; i < rows->len; i++)
    if (sw_duty_row_get_duty (rows->pdata[i]) == first_duty)
      first_row = rows->pdata[i];
  g_assert_nonnull (first_row);
  g_assert_true (sw_undo_stack_set (stack, &error, first_duty, "name", "咨询服务"));
  g_assert_true (sw_undo_stack_set (stack, &error, first_duty, "count", 7u));
  iterate ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row)), ==, "咨询服务");
  {
    g_autoptr(GPtrArray) after = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_DUTY_ROW);
    g_autoptr(GPtrArray) spins = sw_test_find_type (GTK_WIDGET (first_row), GTK_TYPE_SPIN_BUTTON);

    g_assert_true (g_ptr_array_find (after, first_row, NULL));
    g_assert_cmpuint (spins->len, ==, 1);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 7);
  }
}

/* The entry row of the pane that shows @text. */
static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) rows = sw_test_find_type (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_editable_get_text (rows->pdata[i]), text))
      return rows->pdata[i];
  return NULL;
}

/* Whether @row shows its apply button (a change waiting to be applied). */
static gboolean
shows_apply_button (AdwEntryRow *row)
{
  g_autoptr(GPtrArray) buttons = sw_test_find_type (GTK_WIDGET (row), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_visible (buttons->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Typing in an entry row and leaving it, opening another slot or closing
 * the pane applies the text as one undo step; nothing typed is lost and
 * no apply button is left showing. */
static void
test_entry_typing (Fixture *f, gconstpointer data)
{
  SwSlot *desk = find_slot (f->plan, "广场服务台");
  SwUndoStack *stack = sw_organisation_get_undo_stack (f->org);
  g_autoptr(SwSlot) other = g_list_model_get_item (sw_plan_get_slots (f->plan), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  AdwEntryRow *title_row, *location_row;
  GtkWidget *pane;

  g_assert_nonnull (desk);
  g_assert_true (other != desk);
  location = g_strdup (sw_slot_get_location (desk));
  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  {
    g_autoptr(GPtrArray) panes = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_SLOT_PANE);

    g_assert_cmpuint (panes->len, ==, 1);
    pane = panes->pdata[0];
  }
  title_row = find_entry_row (pane, "广场服务台");
  location_row = find_entry_row (pane, location);
  g_assert_nonnull (title_row);
  g_assert_nonnull (location_row);
  g_assert_false (shows_apply_button (title_row));

  /* Typed, then another slot opened: the text goes to its own slot. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title_row)));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (title_row), "广场服务台（东）");
  iterate ();
  g_assert_true (shows_apply_button (title_row));
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "广场服务台");
  sw_schedule_view_select_slot (f->view, other);
  iterate ();
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "广场服务台（东）");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, sw_slot_get_title (other));
  g_assert_false (shows_apply_button (title_row));
  /* One step: undo brings the old title back. */
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "广场服务台");

  /* Typed, then the focus moves on: applied. */
  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  g_assert_false (shows_apply_button (title_row));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (location_row)));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (location_row), "人民广场东侧");
  iterate ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title_row)));
  iterate ();
  g_assert_cmpstr (sw_slot_get_location (desk), ==, "人民广场东侧");
  g_assert_false (shows_apply_button (location_row));
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sw_slot_get_location (desk), ==, location);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (location_row)), ==, location);

  /* Typed, then the pane closed: applied. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "服务台");
  iterate ();
  sw_schedule_view_select_slot (f->view, NULL);
  iterate ();
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "服务台");
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "广场服务台");

  /* A duty's name typed, then another slot opened: the duty has it. */
  {
    g_autoptr(SwDuty) duty = NULL;
    g_autofree char *name = NULL;
    AdwEntryRow *name_row;

    sw_schedule_view_select_slot (f->view, desk);
    iterate ();
    duty = g_list_model_get_item (sw_slot_get_duties (desk), 0);
    name = g_strdup (sw_duty_get_name (duty));
    name_row = find_entry_row (pane, name);
    g_assert_nonnull (name_row);
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (name_row)));
    iterate ();
    gtk_editable_set_text (GTK_EDITABLE (name_row), "引导咨询");
    iterate ();
    sw_schedule_view_select_slot (f->view, other);
    iterate ();
    g_assert_cmpstr (sw_duty_get_name (duty), ==, "引导咨询");
    g_assert_true (sw_undo_stack_undo (stack, &error));
    g_assert_cmpstr (sw_duty_get_name (duty), ==, name);
  }

  /* Focus that comes and goes without typing changes nothing: the redo
   * of the undone title stays. */
  g_assert_true (sw_undo_stack_get_can_redo (stack));
  sw_schedule_view_select_slot (f->view, desk);
  iterate ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title_row)));
  iterate ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (location_row)));
  iterate ();
  sw_schedule_view_select_slot (f->view, NULL);
  iterate ();
  g_assert_true (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (sw_slot_get_title (desk), ==, "广场服务台");
}

/* Enter in an Assign picker's search assigns the best match and leaves
 * the keyboard focus on that duty's Assign button: a second Enter opens
 * the picker again instead of undoing. */
static void
test_assign_focus (Fixture *f, gconstpointer data)
{
  SwSlot *desk = find_slot (f->plan, "广场服务台");
  GListModel *duties = sw_slot_get_duties (desk);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *button = NULL, *picker, *focus;
  guint n_before;

  sw_schedule_view_select_slot (f->view, desk);
  sw_test_iterate_for (300);

  /* A duty with a seat free; its Assign button, not the first. */
  buttons = sw_test_find_all (GTK_WIDGET (f->view), is_assign_button, NULL);
  for (guint i = 0; i < buttons->len && button == NULL; i++)
    {
      g_autoptr(SwDuty) duty = NULL;

      g_object_get (gtk_menu_button_get_popover (buttons->pdata[i]), "duty", &duty, NULL);
      if (duty != NULL && i > 0 && sw_slot_count_duty (desk, duty) < sw_duty_get_count (duty))
        button = buttons->pdata[i];
    }
  if (button == NULL)
    {
      /* Make a seat: one more person needed on the last duty. */
      g_autoptr(SwDuty) last = g_list_model_get_item (duties, g_list_model_get_n_items (duties) - 1);
      g_autoptr(GError) error = NULL;

      g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (f->org), &error, last,
                                        "count", sw_duty_get_count (last) + 1));
      sw_test_iterate_for (200);
      g_ptr_array_unref (g_steal_pointer (&buttons));
      buttons = sw_test_find_all (GTK_WIDGET (f->view), is_assign_button, NULL);
      button = buttons->pdata[buttons->len - 1];
    }
  g_assert_nonnull (button);
  n_before = g_list_model_get_n_items (sw_slot_get_assignments (desk));

  picker = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  sw_test_iterate_for (300);
  entries = sw_test_find_type (picker, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  g_signal_emit_by_name (entries->pdata[0], "activate");
  sw_test_iterate_for (300);

  g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_assignments (desk)), ==, n_before + 1);
  g_assert_false (gtk_widget_get_visible (picker));
  focus = gtk_window_get_focus (f->window);
  g_assert_nonnull (focus);
  /* On the button itself (its inner button), not left in the closed
   * picker below it. */
  if ((focus != button && !gtk_widget_is_ancestor (focus, button)) ||
      focus == picker || gtk_widget_is_ancestor (focus, picker))
    g_error ("after the assignment the focus is on a %s (“%s”), not the duty's Assign button",
             G_OBJECT_TYPE_NAME (focus),
             GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL
               ? gtk_button_get_label (GTK_BUTTON (focus)) : "");

  /* The same with a click on a person in the picker. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    GtkWidget *row_button = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    sw_test_iterate_for (300);
    rows = sw_test_find_type (picker, GTK_TYPE_BUTTON);
    for (guint i = 0; i < rows->len && row_button == NULL; i++)
      if (gtk_widget_get_ancestor (rows->pdata[i], GTK_TYPE_LIST_VIEW) != NULL)
        row_button = rows->pdata[i];
    g_assert_nonnull (row_button);
    gtk_widget_grab_focus (row_button);
    g_signal_emit_by_name (row_button, "clicked");
    sw_test_iterate_for (300);
    g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_assignments (desk)), ==, n_before + 2);
    focus = gtk_window_get_focus (f->window);
    g_assert_nonnull (focus);
    if ((focus != button && !gtk_widget_is_ancestor (focus, button)) ||
        focus == picker || gtk_widget_is_ancestor (focus, picker))
      g_error ("after a click in the picker the focus is on a %s, not the duty's Assign button",
               G_OBJECT_TYPE_NAME (focus));
  }
}

/* In the window's default size, with the people sidebar open, the open
 * pane leaves the selected slot's card in view, whatever day it is on. */
static void
test_pane_leaves_card (Fixture *f, gconstpointer data)
{
  GListModel *slots = sw_plan_get_slots (f->plan);
  g_autoptr(GPtrArray) panes = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_SLOT_PANE);
  GtkWidget *pane;

  g_assert_cmpuint (panes->len, ==, 1);
  pane = panes->pdata[0];
  gtk_window_set_default_size (f->window, 1100, 720);
  sw_test_iterate_for (300);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      graphene_rect_t card_box, pane_box;
      SwSlotCard *card;

      sw_schedule_view_select_slot (f->view, slot);
      sw_test_iterate_for (150);
      card = find_card (GTK_WIDGET (f->view), slot);
      g_assert_nonnull (card);
      g_assert_true (gtk_widget_get_mapped (pane));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (f->view), &card_box));
      g_assert_true (gtk_widget_compute_bounds (pane, GTK_WIDGET (f->view), &pane_box));
      /* Wholly left of the pane, and not scrolled out on the left. */
      if (card_box.origin.x + card_box.size.width > pane_box.origin.x + 0.5 || card_box.origin.x < -0.5)
        g_error ("the card of “%s” spans x %.0f–%.0f, the pane starts at %.0f",
                 sw_slot_get_title (slot), card_box.origin.x,
                 card_box.origin.x + card_box.size.width, pane_box.origin.x);
    }

  sw_schedule_view_select_slot (f->view, find_slot (f->plan, "广场服务台"));
  save_picture (GTK_WIDGET (f->view), "schedule-pane-open.png");

  /* Closed, the grid has the whole width again. */
  sw_schedule_view_select_slot (f->view, NULL);
  sw_test_iterate_for (300);
  {
    g_autoptr(GPtrArray) grids = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_WEEK_GRID);
    GtkWidget *scroller = gtk_widget_get_ancestor (grids->pdata[0], GTK_TYPE_SCROLLED_WINDOW);

    g_assert_nonnull (scroller);
    g_assert_cmpint (gtk_widget_get_margin_end (scroller), ==, 0);
    g_assert_cmpint (gtk_widget_get_width (grids->pdata[0]), ==, gtk_widget_get_width (scroller));
  }
}

static void
test_large (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(SwSlot) slot = NULL;
  g_autoptr(SwDuty) duty = NULL;
  GtkWidget *button, *picker;
  gint64 t0, refresh_us, picker_us, assign_us, rank_us;
  guint n_ranked;
  guint n_before;
  SwWeekGrid *grid;

  grids = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_WEEK_GRID);
  grid = g_ptr_array_index (grids, 0);
  cards = sw_test_find_type (GTK_WIDGET (f->view), SW_TYPE_SLOT_CARD);
  g_assert_cmpuint (cards->len, ==, g_list_model_get_n_items (sw_plan_get_slots (f->plan)));
  save_picture (GTK_WIDGET (f->window), "schedule-view-large.png");

  /* Laying out the 500 cards after a change. */
  t0 = g_get_monotonic_time ();
  sw_week_grid_refresh (grid);
  refresh_us = g_get_monotonic_time () - t0;

  /* Opening the picker of a duty: ranking 2,000 people, first rows. */
  slot = g_list_model_get_item (sw_plan_get_slots (f->plan), 0);
  duty = g_list_model_get_item (sw_slot_get_duties (slot), 0);
  sw_schedule_view_select_slot (f->view, slot);
  sw_test_iterate_for (600);

  /* The pane's first "Assign…" is the first duty's. */
  {
    g_autoptr(GPtrArray) buttons = sw_test_find_all (GTK_WIDGET (f->view), is_assign_button, NULL);

    g_assert_cmpuint (buttons->len, >=, 2);
    button = g_ptr_array_index (buttons, 0);
    picker = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    {
      g_autoptr(SwDuty) shown_duty = NULL;
      g_object_get (picker, "duty", &shown_duty, NULL);
      g_assert_true (shown_duty == duty);
    }
  }

  /* The pane opens (on a loaded machine, in more than the time above). */
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (button); i++)
    sw_test_iterate_for (50);
  g_assert_true (gtk_widget_get_mapped (button));
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(SwRulebook) rulebook = sw_rulebook_new (f->plan);
    g_autoptr(GListStore) ranked = sw_rulebook_rank (rulebook, f->org, slot, duty);

    rank_us = g_get_monotonic_time () - t0;
    n_ranked = g_list_model_get_n_items (G_LIST_MODEL (ranked));
    g_assert_cmpuint (n_ranked, >, 1000);
  }

  /* The best of three openings, each until all rows are in: the first
   * also creates the popover's window, and a loaded machine adds noise. */
  picker_us = G_MAXINT64;
  for (guint round = 0; round < 3; round++)
    {
      gint64 took;

      t0 = g_get_monotonic_time ();
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      /* The rows on screen come at once, the others while idle. */
      g_assert_cmpuint (picker_n_rows (picker), ==, 20);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      took = g_get_monotonic_time () - t0;
      g_assert_cmpuint (picker_n_rows (picker), ==, n_ranked);
      g_print ("# picker opening %u: %.1f ms\n", round + 1, took / 1000.0);
      picker_us = MIN (picker_us, took);
      if (round < 2)
        {
          gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
          iterate ();
        }
    }
  g_assert_true (gtk_widget_get_visible (picker));
  save_picture (picker, "assign-picker-large.png");

  /* A search shows its matches alone, in the ranked order; one that finds
   * nobody says so; clearing it shows everyone again. */
  {
    g_autoptr(GPtrArray) entries = sw_test_find_type (picker, GTK_TYPE_SEARCH_ENTRY);
    g_autoptr(GPtrArray) stacks = sw_test_find_type (picker, GTK_TYPE_STACK);
    GListModel *rows = picker_rows (picker);
    guint n_zhang = 0;

    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpuint (stacks->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "张");
    /* The entry's search delay, then all the matches, however long a
     * loaded machine takes. */
    sw_test_iterate_for (400);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    n_zhang = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n_zhang, >, 20);
    g_assert_cmpuint (n_zhang, <, n_ranked);
    for (guint i = 0; i < n_zhang; i++)
      {
        g_autoptr(SwAssignCandidate) candidate = g_list_model_get_item (rows, i);

        g_assert_nonnull (strstr (sw_person_get_name (sw_assign_candidate_get_person (candidate)), "张"));
        if (i > 0)
          {
            g_autoptr(SwAssignCandidate) before = g_list_model_get_item (rows, i - 1);

            g_assert_cmpint (sw_assign_candidate_get_fit (before), <=, sw_assign_candidate_get_fit (candidate));
          }
      }
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stacks->pdata[0]), ==, "list");

    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "no such person");
    sw_test_iterate_for (400);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stacks->pdata[0]), ==, "empty");

    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "");
    sw_test_iterate_for (400);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_ranked);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stacks->pdata[0]), ==, "list");
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  iterate ();

  /* One assignment through the stack, and the grid following it. */
  n_before = g_list_model_get_n_items (sw_slot_get_assignments (slot));
  t0 = g_get_monotonic_time ();
  {
    g_autoptr(GListModel) people = NULL;
    SwPerson *free_person = NULL;
    GListModel *all = sw_organisation_get_people (f->org);

    for (guint i = 0; i < g_list_model_get_n_items (all) && free_person == NULL; i++)
      {
        g_autoptr(SwPerson) person = g_list_model_get_item (all, i);

        if (sw_slot_find_assignment (slot, person) == NULL)
          free_person = person;
      }
    g_assert_true (sw_edit_assign (f->org, slot, free_person, NULL, &error));
    g_assert_no_error (error);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assign_us = g_get_monotonic_time () - t0;
  g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_assignments (slot)), ==, n_before + 1);

  g_print ("# large organisation: grid layout of %u cards %.1f ms, ranking for the picker %.1f ms, "
           "picker open with all its rows (best of 3) %.1f ms, assign and redraw %.1f ms\n",
           cards->len, refresh_us / 1000.0, rank_us / 1000.0, picker_us / 1000.0, assign_us / 1000.0);

  /* Speed is the benchmark's to judge: the figures above are the ones to
   * quote, the test only checks that every step did its work. */
}

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  if (!have_display)
    {
      g_test_add_func ("/schedule-view/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add ("/schedule-view/sample", Fixture, NULL, sample_setup, test_sample, fixture_teardown);
  g_test_add ("/schedule-view/moves", Fixture, NULL, sample_setup, test_moves, fixture_teardown);
  g_test_add ("/schedule-view/pane-fields", Fixture, NULL, sample_setup, test_pane_fields, fixture_teardown);
  g_test_add ("/schedule-view/entry-typing", Fixture, NULL, sample_setup, test_entry_typing, fixture_teardown);
  g_test_add ("/schedule-view/pane-leaves-card", Fixture, NULL, sample_setup, test_pane_leaves_card, fixture_teardown);
  g_test_add ("/schedule-view/assign-focus", Fixture, NULL, sample_setup, test_assign_focus, fixture_teardown);
  g_test_add ("/schedule-view/large", Fixture, NULL, large_setup, test_large, fixture_teardown);

  return g_test_run ();
}
