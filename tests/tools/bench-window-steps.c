/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window of servweek, driven by itself for tests/tools/bench-window.py:
 * after its first frame it switches views, types into the roster search
 * and opens an Assign picker, and prints "step NAME MILLISECONDS ITEMS"
 * for each, measured from the change to the end of the frame that shows
 * it ("rows-in NAME MILLISECONDS" once the rows out of sight are in too),
 * then closes.  It is the application itself (SwApplication on
 * $SERVWEEK_DB), only started by this program instead of main.c. */
#include "config.h"

#include <adwaita.h>

#include "sw-application.h"
#include "sw-locale.h"
#include "sw-roster-view.h"
#include "sw-schedule-view.h"
#include "sw-window.h"

typedef struct
{
  const char *name;
  const char *view;    /* switch to this view, or */
  const char *search;  /* set this roster search text, or */
  int         slot;    /* 1: select the first slot with a duty, 2: open
                        * the picker of its first duty */
} Step;

static const Step steps[] = {
  { "view-roster", "roster", NULL },
  { "search-1", NULL, "1" },
  { "search-13", NULL, "13" },
  { "search-138", NULL, "138" },
  { "search-name", NULL, "张" },
  { "search-pinyin", NULL, "zhang" },
  { "search-initials", NULL, "zw" },
  { "search-department", NULL, "科 3" },
  { "search-none", NULL, "no such person" },
  { "search-clear", NULL, "" },
  { "view-tasks", "tasks", NULL },
  { "view-schedule", "schedule", NULL },
  { "select-slot", NULL, NULL, 1 },
  { "open-picker", NULL, NULL, 2 },
  { "view-roster-again", "roster", NULL },
};

typedef struct
{
  SwWindow       *window;
  SwRosterView   *roster_view;
  SwScheduleView *schedule_view;
  guint           index;
  gint64          started;
  gulong          handler;
  gboolean        rows_pending;
} Run;

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first slot of the plan with a duty, and that duty. */
static gboolean
first_duty (SwWindow  *window,
            SwSlot   **out_slot,
            SwDuty   **out_duty)
{
  g_autoptr(SwPlan) plan = NULL;
  GListModel *slots;

  g_object_get (window, "plan", &plan, NULL);
  if (plan == NULL)
    return FALSE;

  slots = sw_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *duties = sw_slot_get_duties (slot);

      if (g_list_model_get_n_items (duties) > 0)
        {
          *out_duty = g_list_model_get_item (duties, 0);
          *out_slot = g_steal_pointer (&slot);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean next_step (gpointer data);

/* After a step's frame: once the roster has all its rows (those out of
 * sight come while the main loop is idle), says when, then goes on. */
static gboolean
rows_in (gpointer data)
{
  Run *run = data;

  if (sw_roster_view_get_rows_pending (run->roster_view))
    {
      run->rows_pending = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (run->rows_pending)
    g_print ("rows-in %s %.1f\n", steps[run->index].name,
             (g_get_monotonic_time () - run->started) / 1000.0);
  run->rows_pending = FALSE;
  run->index++;
  /* Let the main loop settle (idle work, the next frame) between steps. */
  g_timeout_add (200, next_step, run);
  return G_SOURCE_REMOVE;
}

static void
painted (GdkFrameClock *clock,
         Run           *run)
{
  g_signal_handler_disconnect (clock, run->handler);
  run->handler = 0;
  g_print ("step %s %.1f %u\n", steps[run->index].name,
           (g_get_monotonic_time () - run->started) / 1000.0,
           sw_roster_view_get_n_shown (run->roster_view));
  g_idle_add_full (G_PRIORITY_LOW, rows_in, run, NULL);
}

static gboolean
next_step (gpointer data)
{
  Run *run = data;
  const Step *step;
  GdkFrameClock *clock;

  if (run->index >= G_N_ELEMENTS (steps))
    {
      gtk_window_destroy (GTK_WINDOW (run->window));
      g_object_unref (run->window);
      g_free (run);
      return G_SOURCE_REMOVE;
    }

  step = &steps[run->index];
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (run->window));
  run->started = g_get_monotonic_time ();
  if (step->view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-view", "s", step->view);
  else if (step->slot != 0)
    {
      g_autoptr(SwSlot) slot = NULL;
      g_autoptr(SwDuty) duty = NULL;

      if (!first_duty (run->window, &slot, &duty))
        g_printerr ("bench: no slot with a duty\n");
      else if (step->slot == 1)
        sw_schedule_view_select_slot (run->schedule_view, slot);
      else if (!sw_schedule_view_open_assign (run->schedule_view, slot, duty))
        g_printerr ("bench: the picker of the first duty did not open\n");
    }
  else
    sw_roster_view_set_search_text (run->roster_view, step->search);

  run->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), run);
  gtk_widget_queue_draw (GTK_WIDGET (run->window));
  return G_SOURCE_REMOVE;
}

static void
first_frame (GdkFrameClock *clock,
             Run           *run)
{
  g_signal_handler_disconnect (clock, run->handler);
  run->handler = 0;
  g_timeout_add (500, next_step, run);
}

static void
window_mapped (GtkWidget *widget)
{
  Run *run;

  g_signal_handlers_disconnect_by_func (widget, window_mapped, NULL);

  run = g_new0 (Run, 1);
  run->window = g_object_ref (SW_WINDOW (widget));
  run->roster_view = SW_ROSTER_VIEW (find_type (widget, SW_TYPE_ROSTER_VIEW));
  run->schedule_view = SW_SCHEDULE_VIEW (find_type (widget, SW_TYPE_SCHEDULE_VIEW));
  if (run->roster_view == NULL || run->schedule_view == NULL)
    g_error ("bench: the window has no roster or schedule view");
  run->handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                   G_CALLBACK (first_frame), run);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  if (SW_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SwApplication) app = NULL;

  sw_locale_init ();

  app = sw_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
