/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <adwaita.h>

#include "sw-popover-list.h"
#include "sw-problems-button.h"
#include "sw-problem-row.h"
#include "sw-ui-state.h"

struct _SwProblemsButton
{
  GtkWidget       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  SwProblemList  *problems;
  GtkNoSelection *selection;

  GtkMenuButton  *button;
  GtkLabel       *count_label;
  GtkListView    *list_view;
  GtkStack       *popover_stack;
};

G_DEFINE_FINAL_TYPE (SwProblemsButton, sw_problems_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROBLEMS,
  N_PROPS
};

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sw_problems_button_update (SwProblemsButton *self)
{
  guint n_all = self->problems != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->problems)) : 0;
  guint n = 0;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  /* The badge counts the open problems; accepted ones are listed after
   * them and not counted. */
  if (self->problems != NULL)
    g_object_get (self->problems, "n-open", &n, NULL);
  count = g_strdup_printf ("%u", n);
  description = sw_ui_state_format_problem_count (n);

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "has-problems");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "has-problems");
  gtk_stack_set_visible_child_name (self->popover_stack, n_all > 0 ? "list" : "empty");
}

static void
problem_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, sw_problem_row_new ());
}

static void
problem_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SwProblemsButton         *self)
{
  sw_problem_row_bind (SW_PROBLEM_ROW (gtk_list_item_get_child (list_item)),
                       self->organisation, self->plan, gtk_list_item_get_item (list_item));
}

static void
problem_activated (SwProblemsButton *self,
                   guint             position,
                   GtkListView      *list_view)
{
  g_autoptr(SwProblem) problem = NULL;

  if (self->problems == NULL)
    return;

  problem = g_list_model_get_item (G_LIST_MODEL (self->problems), position);
  if (problem == NULL)
    return;

  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, problem);
}

GtkWidget *
sw_problems_button_new (void)
{
  return g_object_new (SW_TYPE_PROBLEMS_BUTTON, NULL);
}

void
sw_problems_button_set_plan (SwProblemsButton *self,
                             SwOrganisation   *organisation,
                             SwPlan           *plan)
{
  g_return_if_fail (SW_IS_PROBLEMS_BUTTON (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);
  g_clear_object (&self->problems);
  g_set_object (&self->organisation, organisation);
  g_set_object (&self->plan, plan);

  if (organisation != NULL && plan != NULL)
    {
      self->problems = sw_problem_list_new (organisation, plan);
      g_signal_connect_object (self->problems, "notify::n-items",
                               G_CALLBACK (sw_problems_button_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->problems, "notify::n-open",
                               G_CALLBACK (sw_problems_button_update), self, G_CONNECT_SWAPPED);
    }

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->problems));
  sw_problems_button_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

GListModel *
sw_problems_button_get_problems (SwProblemsButton *self)
{
  g_return_val_if_fail (SW_IS_PROBLEMS_BUTTON (self), NULL);

  return G_LIST_MODEL (self->problems);
}

static void
sw_problems_button_dispose (GObject *object)
{
  SwProblemsButton *self = SW_PROBLEMS_BUTTON (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->problems);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_problems_button_parent_class)->dispose (object);
}

static void
sw_problems_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SwProblemsButton *self = SW_PROBLEMS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_problems_button_class_init (SwProblemsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_problems_button_dispose;
  object_class->get_property = sw_problems_button_get_property;

  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwProblemsButton::problem-activated:
   * @problem: the problem the user clicked
   */
  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SW_TYPE_PROBLEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemsbutton");
}

static void
sw_problems_button_init (SwProblemsButton *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *content, *icon, *popover, *scrolled, *status, *heading, *box;

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  self->count_label = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->count_label));
  gtk_menu_button_set_child (self->button, content);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "problems-button");

  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind), self);
  self->selection = gtk_no_selection_new (NULL);
  scrolled = sw_popover_list_new (GTK_SELECTION_MODEL (self->selection), factory, _("Problems"), 480,
                                  G_CALLBACK (problem_activated), self, &self->list_view);
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "problems-list");

  heading = gtk_label_new (_("Problems"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_set_margin_bottom (heading, 6);

  status = gtk_label_new (_("No problems: every duty is filled and nobody is booked twice."));
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 36);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_set_margin_top (status, 12);
  gtk_widget_set_margin_bottom (status, 12);

  self->popover_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->popover_stack, FALSE);
  gtk_stack_add_named (self->popover_stack, scrolled, "list");
  gtk_stack_add_named (self->popover_stack, status, "empty");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_stack));

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "problems-popover");
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);

  sw_problems_button_update (self);
}
