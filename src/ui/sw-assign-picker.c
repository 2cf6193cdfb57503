/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-assign-picker.h"
#include "sw-person-search.h"
#include "sw-rulebook.h"
#include "sw-row-model.h"
#include "sw-schedule-view.h"
#include "sw-ui-state.h"

struct _SwAssignPicker
{
  GtkPopover          parent_instance;

  SwOrganisation     *organisation;
  SwPlan             *plan;
  SwSlot             *slot;
  SwDuty             *duty;

  /* ranked (SwAssignCandidate) → the search (matches) → shown, whose
   * rows come in two steps */
  GListStore         *ranked;
  GtkCustomFilter    *filter;
  char               *query;    /* normalized, "" for none */
  GtkFilterListModel *matches;
  SwRowModel         *shown;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (SwAssignPicker, sw_assign_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_SLOT,
  PROP_DUTY,
  N_PROPS
};

enum {
  SIGNAL_ASSIGNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The candidates shown at once when the list is filled; the rest (out of
 * sight: the list is 300 pixels tall) come while the main loop is idle. */
#define ROWS_AT_ONCE 20

static void
shown_synced (SwAssignPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0
                                    ? "list" : "empty");
}

void
sw_assign_picker_reload (SwAssignPicker *self)
{
  g_return_if_fail (SW_IS_ASSIGN_PICKER (self));

  g_clear_object (&self->ranked);
  if (self->organisation != NULL && self->plan != NULL && self->slot != NULL)
    {
      g_autoptr(SwRulebook) rulebook = sw_rulebook_new (self->plan);

      self->ranked = sw_rulebook_rank (rulebook, self->organisation, self->slot, self->duty);
    }
  gtk_filter_list_model_set_model (self->matches, G_LIST_MODEL (self->ranked));
  sw_row_model_set_items (self->shown, G_LIST_MODEL (self->matches));
}

static void
assign (SwAssignPicker    *self,
        SwAssignCandidate *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPerson) person = g_object_ref (sw_assign_candidate_get_person (candidate));
  g_autoptr(SwAssignPicker) hold = g_object_ref (self);

  if (sw_assign_candidate_get_fit (candidate) == SW_ASSIGN_FIT_ON_SLOT)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));

  if (!sw_edit_assign (self->organisation, self->slot, person, self->duty, &error))
    {
      sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Assign"), error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_ASSIGNED], 0, person);
}

static gboolean
candidate_matches (gpointer item,
                   gpointer user_data)
{
  SwAssignPicker *self = user_data;

  return sw_person_search_matches (sw_assign_candidate_get_person (item), self->query);
}

static void
search_changed (SwAssignPicker *self,
                GtkSearchEntry *entry)
{
  g_autofree char *query = sw_ui_state_normalize_query (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Emptied as the picker opens: it is already filled. */
  if (g_str_equal (query, self->query))
    return;
  /* A longer query keeps a part of the people shown, a shorter one adds. */
  if (g_str_has_prefix (query, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->query, query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_activate (SwAssignPicker *self,
                 GtkSearchEntry *entry)
{
  /* Enter takes the best match. */
  g_autoptr(SwAssignCandidate) best = g_list_model_get_item (G_LIST_MODEL (self->matches), 0);

  if (best != NULL)
    assign (self, best);
}

static void
stop_search (SwAssignPicker *self,
             GtkSearchEntry *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Rows: one button per person, the reason beside poor fits. */

static void
row_clicked (GtkButton   *button,
             GtkListItem *list_item)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (gtk_widget_get_ancestor (GTK_WIDGET (button), SW_TYPE_ASSIGN_PICKER));
  SwAssignCandidate *candidate = gtk_list_item_get_item (list_item);

  if (self != NULL && candidate != NULL)
    assign (self, candidate);
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (reason), 1.0f);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (reason), 18);
  gtk_label_set_justify (GTK_LABEL (reason), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "fit-reason");

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "candidate-row");
  g_signal_connect (button, "clicked", G_CALLBACK (row_clicked), list_item);

  g_object_set_data (G_OBJECT (list_item), "sw-name", name);
  g_object_set_data (G_OBJECT (list_item), "sw-detail", detail);
  g_object_set_data (G_OBJECT (list_item), "sw-reason", reason);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, button);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  SwAssignCandidate *candidate = gtk_list_item_get_item (list_item);
  SwPerson *person = sw_assign_candidate_get_person (candidate);
  SwDepartment *department = sw_person_get_department (person);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GtkLabel *name = g_object_get_data (G_OBJECT (list_item), "sw-name");
  GtkLabel *detail = g_object_get_data (G_OBJECT (list_item), "sw-detail");
  GtkLabel *reason = g_object_get_data (G_OBJECT (list_item), "sw-reason");
  const char *department_name = department != NULL ? sw_department_get_name (department) : "";
  const char *title = sw_person_get_title (person);
  const char *why = sw_assign_candidate_get_reason (candidate);
  SwAssignFit fit = sw_assign_candidate_get_fit (candidate);
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  if (title[0] != '\0' && department_name[0] != '\0')
    details = g_strdup_printf ("%s · %s", department_name, title);
  else
    details = g_strdup (department_name[0] != '\0' ? department_name : title);

  gtk_label_set_text (name, sw_person_get_name (person));
  gtk_label_set_text (detail, details);
  gtk_label_set_text (reason, why);
  gtk_widget_set_visible (GTK_WIDGET (reason), why[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (detail), details[0] != '\0');

  gtk_widget_remove_css_class (GTK_WIDGET (reason), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (reason), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (reason), "dim-label");
  if (fit == SW_ASSIGN_FIT_HARD || fit == SW_ASSIGN_FIT_SOFT)
    gtk_widget_add_css_class (GTK_WIDGET (reason), fit == SW_ASSIGN_FIT_HARD ? "error" : "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (reason), "dim-label");

  gtk_widget_set_sensitive (button, fit != SW_ASSIGN_FIT_ON_SLOT);

  if (why[0] != '\0')
    accessible = g_strdup_printf ("%s, %s, %s", sw_person_get_name (person), details, why);
  else
    accessible = g_strdup_printf ("%s, %s", sw_person_get_name (person), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
picker_show (GtkWidget *widget)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->query[0] != '\0')
    {
      g_free (self->query);
      self->query = g_strdup ("");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  sw_assign_picker_reload (self);

  GTK_WIDGET_CLASS (sw_assign_picker_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
picker_hide (GtkWidget *widget)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (widget);

  /* Closed, the list needs no rows: the next opening ranks anew. */
  sw_row_model_set_items (self->shown, NULL);

  GTK_WIDGET_CLASS (sw_assign_picker_parent_class)->hide (widget);
}

/* GObject */

GtkWidget *
sw_assign_picker_new (SwOrganisation *organisation,
                      SwPlan         *plan,
                      SwSlot         *slot,
                      SwDuty         *duty)
{
  return g_object_new (SW_TYPE_ASSIGN_PICKER,
                       "organisation", organisation,
                       "plan", plan,
                       "slot", slot,
                       "duty", duty,
                       NULL);
}

static void
sw_assign_picker_dispose (GObject *object)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ASSIGN_PICKER);

  g_clear_object (&self->shown);
  g_clear_object (&self->matches);
  g_clear_object (&self->ranked);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->slot);
  g_clear_object (&self->duty);

  G_OBJECT_CLASS (sw_assign_picker_parent_class)->dispose (object);
}

static void
sw_assign_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;

    case PROP_DUTY:
      g_value_set_object (value, self->duty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assign_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwAssignPicker *self = SW_ASSIGN_PICKER (object);
  GObject **field;

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      field = (GObject **) &self->organisation;
      break;

    case PROP_PLAN:
      field = (GObject **) &self->plan;
      break;

    case PROP_SLOT:
      field = (GObject **) &self->slot;
      break;

    case PROP_DUTY:
      field = (GObject **) &self->duty;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (g_set_object (field, g_value_get_object (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
sw_assign_picker_class_init (SwAssignPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_assign_picker_dispose;
  object_class->get_property = sw_assign_picker_get_property;
  object_class->set_property = sw_assign_picker_set_property;
  widget_class->show = picker_show;
  widget_class->hide = picker_hide;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUTY] =
    g_param_spec_object ("duty", NULL, NULL, SW_TYPE_DUTY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ASSIGNED] =
    g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-assign-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SwAssignPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwAssignPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, SwAssignPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activate);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
}

static void
sw_assign_picker_init (SwAssignPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->filter = gtk_custom_filter_new (candidate_matches, self, NULL);
  self->matches = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->shown = sw_row_model_new (SW_TYPE_ASSIGN_CANDIDATE, ROWS_AT_ONCE, NULL, NULL);
  g_signal_connect_object (self->shown, "synced", G_CALLBACK (shown_synced), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), NULL);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}
