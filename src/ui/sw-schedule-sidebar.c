/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-person-search.h"
#include "sw-schedule-sidebar.h"
#include "sw-accessible.h"
#include "sw-ui-state.h"

struct _SwScheduleSidebar
{
  GtkWidget        parent_instance;

  SwOrganisation  *organisation;
  GSignalGroup    *people_signals;
  GSignalGroup    *stack_signals;

  char            *query;          /* normalized, NULL when not searching */
  GHashTable      *matching;       /* departments with people matching the query */
  GHashTable      *counts;         /* department → number of people */

  GtkCustomFilter *department_filter;
  GtkCustomFilter *search_filter;

  GtkWidget       *box;
  GtkSearchEntry  *search_entry;
  GtkListView     *list_view;
  GtkStack        *stack;
};

G_DEFINE_FINAL_TYPE (SwScheduleSidebar, sw_schedule_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
person_matches (SwScheduleSidebar *self,
                SwPerson          *person)
{
  return self->query == NULL || sw_person_search_matches (person, self->query);
}

static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  return person_matches (user_data, item);
}

static gboolean
department_filter_func (gpointer item,
                        gpointer user_data)
{
  SwScheduleSidebar *self = user_data;

  if (self->query == NULL)
    return TRUE;
  return g_hash_table_contains (self->matching, item);
}

static gboolean
of_department_func (gpointer item,
                    gpointer user_data)
{
  return sw_person_get_department (item) == user_data;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  SwScheduleSidebar *self = user_data;
  GtkEveryFilter *filter;
  GtkCustomFilter *of_department;

  if (!SW_IS_DEPARTMENT (item) || self->organisation == NULL)
    return NULL;

  /* The department's people, narrowed by the shared search filter: one
   * gtk_filter_changed() on it refilters every open department. */
  filter = gtk_every_filter_new ();
  of_department = gtk_custom_filter_new (of_department_func, g_object_ref (item), g_object_unref);
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (of_department));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->search_filter)));

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (sw_organisation_get_people (self->organisation)),
                                                  GTK_FILTER (filter)));
}

static void
update_counts (SwScheduleSidebar *self)
{
  GListModel *people;
  guint n;

  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->matching);
  if (self->organisation == NULL)
    return;

  people = sw_organisation_get_people (self->organisation);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      SwDepartment *department = sw_person_get_department (person);

      if (department == NULL)
        continue;
      g_hash_table_insert (self->counts, department,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, department)) + 1));
      if (self->query != NULL && person_matches (self, person))
        g_hash_table_add (self->matching, department);
    }
}

static void
rebuild_model (SwScheduleSidebar *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkFilterListModel) departments = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  update_counts (self);

  if (self->organisation == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      return;
    }

  departments = gtk_filter_list_model_new (g_object_ref (sw_organisation_get_departments (self->organisation)),
                                           g_object_ref (GTK_FILTER (self->department_filter)));
  /* Searching opens every department that has a match. */
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&departments)), FALSE,
                                  self->query != NULL, create_children, self, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&tree)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  gtk_stack_set_visible_child_name (self->stack,
                                    self->query != NULL && g_hash_table_size (self->matching) == 0
                                    ? "empty" : "list");
}

void
sw_schedule_sidebar_set_search (SwScheduleSidebar *self,
                                const char        *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (SW_IS_SCHEDULE_SIDEBAR (self));

  query = sw_ui_state_normalize_query (text);
  if (query[0] == '\0')
    g_clear_pointer (&query, g_free);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  rebuild_model (self);
}

static void
search_changed (SwScheduleSidebar *self,
                GtkSearchEntry    *entry)
{
  sw_schedule_sidebar_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
people_changed (SwScheduleSidebar *self)
{
  update_counts (self);
  gtk_filter_changed (GTK_FILTER (self->department_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Rows */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data);

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkListItem   *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  gpointer item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  GdkContentProvider *content = NULL;
  SwScheduleSidebar *self = g_object_get_data (G_OBJECT (list_item), "sw-sidebar");

  /* People are dragged onto slots to assign them: not on a read-only
   * database. */
  if (item != NULL && SW_IS_PERSON (item) && self != NULL && self->organisation != NULL &&
      !sw_organisation_get_read_only (self->organisation))
    {
      GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
      g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (widget);

      gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
      content = gdk_content_provider_new_typed (SW_TYPE_PERSON, item);
    }

  g_clear_object (&item);
  return content;
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (dot, "department-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 1.0f);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_widget_add_css_class (box, "roster-row");

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_object_set_data (G_OBJECT (list_item), "sw-sidebar", user_data);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));

  g_object_set_data (G_OBJECT (list_item), "sw-dot", dot);
  g_object_set_data (G_OBJECT (list_item), "sw-name", name);
  g_object_set_data (G_OBJECT (list_item), "sw-detail", detail);
  gtk_list_item_set_child (list_item, expander);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SwScheduleSidebar        *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *dot = g_object_get_data (G_OBJECT (list_item), "sw-dot");
  GtkLabel *name = g_object_get_data (G_OBJECT (list_item), "sw-name");
  GtkLabel *detail = g_object_get_data (G_OBJECT (list_item), "sw-detail");
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  g_autofree char *accessible = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (SW_IS_DEPARTMENT (item))
    {
      SwDepartment *department = SW_DEPARTMENT (item);
      g_autofree char *count = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, department)));
      g_autofree char *css = NULL;
      const char *color = sw_department_get_color (department);

      gtk_label_set_text (name, sw_department_get_name (department));
      gtk_label_set_text (detail, count);
      gtk_widget_add_css_class (GTK_WIDGET (name), "heading");
      gtk_widget_set_visible (dot, TRUE);
      /* The department's own colour, set per row. */
      if (color[0] == '#')
        {
          GtkCssProvider *provider = g_object_get_data (G_OBJECT (dot), "sw-provider");

          if (provider == NULL)
            {
              provider = gtk_css_provider_new ();
              gtk_style_context_add_provider (gtk_widget_get_style_context (dot),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
              g_object_set_data_full (G_OBJECT (dot), "sw-provider", provider, g_object_unref);
            }
          css = g_strdup_printf ("box { background-color: %s; }", color);
          gtk_css_provider_load_from_data (provider, css, -1);
        }
      /* Translators: a department in the roster sidebar: name, number of people */
      accessible = g_strdup_printf (_("%s, %s people"), sw_department_get_name (department), count);
    }
  else if (SW_IS_PERSON (item))
    {
      SwPerson *person = SW_PERSON (item);

      gtk_label_set_text (name, sw_person_get_name (person));
      gtk_label_set_text (detail, sw_person_get_title (person));
      gtk_widget_remove_css_class (GTK_WIDGET (name), "heading");
      gtk_widget_set_visible (dot, FALSE);
      if (sw_person_get_title (person)[0] != '\0')
        accessible = g_strdup_printf ("%s, %s", sw_person_get_name (person), sw_person_get_title (person));
      else
        accessible = g_strdup (sw_person_get_name (person));
    }

  if (accessible != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      /* The row takes the focus: it is what a screen reader reads. */
      sw_accessible_label_row (expander, accessible);
    }
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

static void
list_activate (SwScheduleSidebar *self,
               guint              position,
               GtkListView       *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* Public */

GtkWidget *
sw_schedule_sidebar_new (void)
{
  return g_object_new (SW_TYPE_SCHEDULE_SIDEBAR, NULL);
}

void
sw_schedule_sidebar_set_organisation (SwScheduleSidebar *self,
                                      SwOrganisation    *organisation)
{
  g_return_if_fail (SW_IS_SCHEDULE_SIDEBAR (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;
  /* Ready before the first search is typed. */
  if (organisation != NULL)
    sw_person_search_prepare (sw_organisation_get_people (organisation));

  g_signal_group_set_target (self->people_signals,
                             organisation != NULL ? sw_organisation_get_people (organisation) : NULL);
  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
sw_schedule_sidebar_focus_search (SwScheduleSidebar *self)
{
  g_return_if_fail (SW_IS_SCHEDULE_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
sw_schedule_sidebar_dispose (GObject *object)
{
  SwScheduleSidebar *self = SW_SCHEDULE_SIDEBAR (object);

  if (self->people_signals != NULL)
    g_signal_group_set_target (self->people_signals, NULL);
  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->people_signals);
  g_clear_object (&self->stack_signals);
  g_clear_object (&self->department_filter);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->matching, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (sw_schedule_sidebar_parent_class)->dispose (object);
}

static void
sw_schedule_sidebar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SwScheduleSidebar *self = SW_SCHEDULE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_schedule_sidebar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SwScheduleSidebar *self = SW_SCHEDULE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      sw_schedule_sidebar_set_organisation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_schedule_sidebar_class_init (SwScheduleSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_schedule_sidebar_dispose;
  object_class->get_property = sw_schedule_sidebar_get_property;
  object_class->set_property = sw_schedule_sidebar_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "schedulesidebar");
}

static void
sw_schedule_sidebar_init (SwScheduleSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *search_bar_box;
  GtkWidget *scroller;
  GtkWidget *empty;

  self->matching = g_hash_table_new (NULL, NULL);
  self->counts = g_hash_table_new (NULL, NULL);
  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);
  self->department_filter = gtk_custom_filter_new (department_filter_func, self, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  search_bar_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (search_bar_box, "sidebar-search");
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search people"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (search_bar_box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (self->box), search_bar_box);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People by department"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_stack_add_named (self->stack, scroller, "list");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Match"));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");

  self->people_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->people_signals, "items-changed", G_CALLBACK (people_changed), self);
  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (people_changed), self);
}
