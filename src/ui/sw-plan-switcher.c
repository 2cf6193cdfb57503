/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-plan-switcher.h"
#include "sw-popover-list.h"
#include "sw-ui-format.h"

struct _SwPlanSwitcher
{
  GtkWidget       parent_instance;

  SwPlan         *plan;
  GSignalGroup   *plan_signals;
  GtkNoSelection *selection;

  GtkMenuButton  *button;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (SwPlanSwitcher, sw_plan_switcher, GTK_TYPE_WIDGET)

enum {
  PLAN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sw_plan_switcher_update (SwPlanSwitcher *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *description = NULL;
  const char *title;

  if (self->plan == NULL)
    {
      gtk_label_set_label (self->title_label, _("No Plan"));
      gtk_label_set_label (self->subtitle_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plans"),
                                      -1);
      return;
    }

  title = sw_plan_get_title (self->plan);
  dates = sw_ui_format_day_range (sw_plan_get_first_day (self->plan),
                                  sw_plan_get_last_day (self->plan));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, dates);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);

  /* Translators: the plan switcher for screen readers: "Plan: title, dates" */
  description = g_strdup_printf (_("Plan: %s, %s"), title, dates);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Switch Plan"));
}

static void popover_show (SwPlanSwitcher *self);

static void
plan_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *dates = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_label_set_xalign (GTK_LABEL (dates), 0.0f);
  gtk_widget_add_css_class (dates, "dim-label");
  gtk_widget_add_css_class (dates, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), dates);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
plan_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SwPlanSwitcher           *self)
{
  SwPlan *plan = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *dates = gtk_widget_get_next_sibling (title);
  GtkWidget *check = gtk_widget_get_next_sibling (labels);
  g_autofree char *range = sw_ui_format_day_range (sw_plan_get_first_day (plan),
                                                   sw_plan_get_last_day (plan));

  gtk_label_set_label (GTK_LABEL (title), sw_plan_get_title (plan));
  gtk_label_set_label (GTK_LABEL (dates), range);
  gtk_widget_set_opacity (check, plan == self->plan ? 1.0 : 0.0);
  {
    /* Translators: a plan in the plan switcher, for screen readers:
     * "Open plan “诚信工程”优质服务宣传周, 20 Sep 2026 – 26 Sep 2026" */
    g_autofree char *label = g_strdup_printf (plan == self->plan ? _("Current plan %s, %s") : _("Open plan %s, %s"),
                                              sw_plan_get_title (plan), range);

    sw_accessible_label_row (box, label);
  }
}

static void
plan_activated (SwPlanSwitcher *self,
                guint           position,
                GtkListView    *list_view)
{
  g_autoptr(SwPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  gtk_menu_button_popdown (self->button);
  if (plan != NULL)
    g_signal_emit (self, signals[PLAN_ACTIVATED], 0, plan);
}

GtkWidget *
sw_plan_switcher_new (void)
{
  return g_object_new (SW_TYPE_PLAN_SWITCHER, NULL);
}

void
sw_plan_switcher_set_organisation (SwPlanSwitcher *self,
                                   SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_PLAN_SWITCHER (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));

  gtk_no_selection_set_model (self->selection,
                              organisation != NULL ? sw_organisation_get_plans (organisation) : NULL);
}

void
sw_plan_switcher_set_plan (SwPlanSwitcher *self,
                           SwPlan         *plan)
{
  g_return_if_fail (SW_IS_PLAN_SWITCHER (self));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  sw_plan_switcher_update (self);
  popover_show (self);
}

static void
popover_show (SwPlanSwitcher *self)
{
  g_autoptr(GListModel) model = gtk_no_selection_get_model (self->selection) != NULL
                                ? g_object_ref (gtk_no_selection_get_model (self->selection)) : NULL;

  /* Rebind the rows so that the check mark follows the current plan. */
  gtk_no_selection_set_model (self->selection, NULL);
  gtk_no_selection_set_model (self->selection, model);
}

static void
sw_plan_switcher_dispose (GObject *object)
{
  SwPlanSwitcher *self = SW_PLAN_SWITCHER (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sw_plan_switcher_parent_class)->dispose (object);
}

static void
sw_plan_switcher_class_init (SwPlanSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_plan_switcher_dispose;

  /**
   * SwPlanSwitcher::plan-activated:
   * @plan: the plan the user picked
   */
  signals[PLAN_ACTIVATED] =
    g_signal_new ("plan-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SW_TYPE_PLAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planswitcher");
}

static void
sw_plan_switcher_init (SwPlanSwitcher *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *content, *labels, *arrow, *popover, *box, *scrolled, *new_button;

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "plan-switcher");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title_label, 22);
  gtk_label_set_xalign (self->title_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->subtitle_label));
  arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_box_append (GTK_BOX (content), labels);
  gtk_box_append (GTK_BOX (content), arrow);
  gtk_menu_button_set_child (self->button, content);

  g_signal_connect (factory, "setup", G_CALLBACK (plan_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (plan_bind), self);
  self->selection = gtk_no_selection_new (NULL);
  scrolled = sw_popover_list_new (GTK_SELECTION_MODEL (self->selection), factory, _("Plans"), 360,
                                  G_CALLBACK (plan_activated), self, &self->list_view);

  new_button = gtk_button_new_with_mnemonic (_("_New Plan…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "win.new-plan");
  g_signal_connect_object (new_button, "clicked", G_CALLBACK (gtk_menu_button_popdown),
                           self->button, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (new_button, "flat");
  gtk_widget_set_margin_top (new_button, 6);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), new_button);

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "plan-switcher-popover");
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show), self, G_CONNECT_SWAPPED);

  self->plan_signals = g_signal_group_new (SW_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::title",
                                  G_CALLBACK (sw_plan_switcher_update), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::first-day",
                                  G_CALLBACK (sw_plan_switcher_update), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::last-day",
                                  G_CALLBACK (sw_plan_switcher_update), self);

  sw_plan_switcher_update (self);
}
