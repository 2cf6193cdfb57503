/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-committees-panel.h"
#include "sw-name-order.h"
#include "sw-name-dialog.h"
#include "sw-person-search.h"
#include "sw-ui-state.h"

struct _SwCommitteesPanel
{
  GtkWidget       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  GSignalGroup   *stack_signals;
  gboolean        dirty;

  GtkWidget      *scrolled;
  GtkBox         *box;
};

G_DEFINE_FINAL_TYPE (SwCommitteesPanel, sw_committees_panel, GTK_TYPE_WIDGET)

static void sw_committees_panel_rebuild (SwCommitteesPanel *self);

static SwUndoStack *
stack_of (SwCommitteesPanel *self)
{
  return sw_organisation_get_undo_stack (self->organisation);
}

/* Committees */

static void
add_committee_named (GObject    *owner,
                     const char *name,
                     gpointer    data)
{
  SwCommitteesPanel *self = SW_COMMITTEES_PANEL (owner);
  g_autoptr(SwCommittee) committee = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  committee = sw_committee_new (name);
  sw_committee_set_position (committee, (int) g_list_model_get_n_items (sw_plan_get_committees (self->plan)));
  if (!sw_edit_add (self->organisation, self->plan, "committees", committee, &error))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Add the Committee"), error->message);
}

static void
add_committee_clicked (SwCommitteesPanel *self)
{
  sw_name_dialog_ask (GTK_WIDGET (self), _("Add Committee"), _("_Add"), NULL,
                      add_committee_named, NULL);
}

static void
rename_committee_named (GObject    *owner,
                        const char *name,
                        gpointer    data)
{
  SwCommitteesPanel *self = SW_COMMITTEES_PANEL (owner);
  g_autoptr(GError) error = NULL;

  if (!sw_undo_stack_set (stack_of (self), &error, data, "name", name))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Rename the Committee"), error->message);
}

static void
rename_committee_clicked (GtkButton         *button,
                          SwCommitteesPanel *self)
{
  SwCommittee *committee = g_object_get_data (G_OBJECT (button), "sw-committee");

  sw_name_dialog_ask (GTK_WIDGET (self), _("Rename Committee"), _("_Rename"),
                      sw_committee_get_name (committee), rename_committee_named, committee);
}

static void
delete_committee_clicked (GtkButton         *button,
                          SwCommitteesPanel *self)
{
  SwCommittee *committee = g_object_get_data (G_OBJECT (button), "sw-committee");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, self->plan, "committees", committee, &error))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Delete the Committee"), error->message);
}

/* Members */

static void
role_selected (GtkDropDown       *drop_down,
               GParamSpec        *pspec,
               SwCommitteesPanel *self)
{
  SwCommitteeMember *member = g_object_get_data (G_OBJECT (drop_down), "sw-member");
  guint role = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  if (member == NULL || role == GTK_INVALID_LIST_POSITION ||
      (SwRole) role == sw_committee_member_get_role (member))
    return;

  if (!sw_undo_stack_set (stack_of (self), &error, member, "role", (SwRole) role))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Change the Role"), error->message);
}

static void
remove_member_clicked (GtkButton         *button,
                       SwCommitteesPanel *self)
{
  SwCommittee *committee = g_object_get_data (G_OBJECT (button), "sw-committee");
  SwCommitteeMember *member = g_object_get_data (G_OBJECT (button), "sw-member");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, committee, "members", member, &error))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Remove the Member"), error->message);
}

static GtkWidget *
member_row_new (SwCommitteesPanel *self,
                SwCommittee       *committee,
                SwCommitteeMember *member)
{
  SwPerson *person = sw_committee_member_get_person (member);
  SwDepartment *department = person != NULL ? sw_person_get_department (person) : NULL;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *role_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = person != NULL ? sw_person_get_name (person) : "";
  GtkWidget *row, *drop_down, *remove;

  for (int role = SW_ROLE_LEADER; role <= SW_ROLE_OFFICE_DIRECTOR; role++)
    gtk_string_list_append (roles, sw_role_get_label (role));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (department != NULL && sw_person_get_title (person)[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", sw_department_get_name (department), sw_person_get_title (person));
  else if (department != NULL)
    subtitle = g_strdup (sw_department_get_name (department));
  else if (person != NULL)
    subtitle = g_strdup (sw_person_get_title (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), sw_committee_member_get_role (member));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  /* Translators: the role drop-down of a committee member */
  role_label = g_strdup_printf (_("Role of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, role_label,
                                  -1);
  g_object_set_data (G_OBJECT (drop_down), "sw-member", member);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (role_selected), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: removes a person from a committee */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data (G_OBJECT (remove), "sw-committee", committee);
  g_object_set_data (G_OBJECT (remove), "sw-member", member);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_member_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  if (sw_organisation_get_read_only (self->organisation))
    {
      gtk_widget_set_sensitive (drop_down, FALSE);
      gtk_widget_set_visible (remove, FALSE);
    }

  return row;
}

/* The "Add Member" popover: a searchable list of the roster. */

typedef struct
{
  SwCommitteesPanel *self;
  SwCommittee       *committee;
  GtkCustomFilter   *filter;
  char              *query;
} PickerData;

static void
picker_data_free (gpointer data)
{
  PickerData *picker = data;

  g_clear_object (&picker->filter);
  g_free (picker->query);
  g_free (picker);
}

static gboolean
picker_visible (gpointer item,
                gpointer user_data)
{
  PickerData *picker = user_data;

  return sw_person_get_active (item) && sw_person_search_matches (item, picker->query);
}

static void
picker_search_changed (GtkSearchEntry *entry,
                       PickerData     *picker)
{
  g_free (picker->query);
  picker->query = sw_ui_state_normalize_query (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (picker->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
picker_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *department = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (department), 0.0f);
  gtk_widget_add_css_class (department, "dim-label");
  gtk_widget_add_css_class (department, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), department);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
picker_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  SwPerson *person = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  SwDepartment *department = sw_person_get_department (person);

  gtk_label_set_label (GTK_LABEL (name), sw_person_get_name (person));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)),
                       department != NULL ? sw_department_get_name (department) : "");
}

static void
picker_activated (GtkListView *list_view,
                  guint        position,
                  PickerData  *picker)
{
  SwCommitteesPanel *self = picker->self;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(SwPerson) person = g_list_model_get_item (model, position);
  g_autoptr(SwCommitteeMember) member = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;

  if (person == NULL)
    return;

  popover = gtk_widget_get_ancestor (GTK_WIDGET (list_view), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (sw_committee_find_member (picker->committee, person) != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s is already a member of %s."),
                                               sw_person_get_name (person),
                                               sw_committee_get_name (picker->committee));

      sw_name_dialog_message (GTK_WIDGET (self), _("Already a Member"), body);
      return;
    }

  member = sw_committee_member_new (person, SW_ROLE_MEMBER);
  if (!sw_edit_add (self->organisation, picker->committee, "members", member, &error))
    sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Add the Member"), error->message);
}

static void
picker_create (GtkMenuButton *button,
               gpointer       user_data)
{
  SwCommitteesPanel *self = user_data;
  SwCommittee *committee = g_object_get_data (G_OBJECT (button), "sw-committee");
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filter_model;
  GtkNoSelection *selection;
  GtkWidget *popover, *box, *entry, *scrolled, *list_view;
  PickerData *picker;

  if (gtk_menu_button_get_popover (button) != NULL || self->organisation == NULL)
    return;

  picker = g_new0 (PickerData, 1);
  picker->self = self;
  picker->committee = committee;
  picker->query = g_strdup ("");
  picker->filter = gtk_custom_filter_new (picker_visible, picker, NULL);

  filter_model = gtk_filter_list_model_new (g_object_ref (sw_organisation_get_people (self->organisation)),
                                            g_object_ref (GTK_FILTER (picker->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filter_model));

  g_signal_connect (factory, "setup", G_CALLBACK (picker_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (picker_bind), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"),
                                  -1);
  g_signal_connect (list_view, "activate", G_CALLBACK (picker_activated), picker);

  entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search People"),
                                  -1);
  g_signal_connect (entry, "search-changed", G_CALLBACK (picker_search_changed), picker);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), entry);
  g_object_set_data_full (G_OBJECT (popover), "sw-picker", picker, picker_data_free);
  gtk_menu_button_set_popover (button, popover);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (entry), popover);
}

static GtkWidget *
header_button (const char *icon_name,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
committee_group_new (SwCommitteesPanel *self,
                     SwCommittee       *committee)
{
  GListModel *members = sw_committee_get_members (committee);
  guint n = g_list_model_get_n_items (members);
  g_autofree char *description = NULL;
  g_autofree char *add_label = NULL;
  g_autofree char *rename_label = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *group, *suffix, *add, *rename, *delete;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sw_committee_get_name (committee));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  add = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (add), "list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  /* Translators: adds a person to the named committee */
  add_label = g_strdup_printf (_("Add Member to %s"), sw_committee_get_name (committee));
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label,
                                  -1);
  g_object_set_data (G_OBJECT (add), "sw-committee", committee);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (add), picker_create, self, NULL);

  /* Translators: renames the named committee */
  rename_label = g_strdup_printf (_("Rename Committee %s"), sw_committee_get_name (committee));
  rename = header_button ("document-edit-symbolic", rename_label);
  g_object_set_data (G_OBJECT (rename), "sw-committee", committee);
  g_signal_connect_object (rename, "clicked", G_CALLBACK (rename_committee_clicked), self, 0);

  /* Translators: deletes the named committee */
  delete_label = g_strdup_printf (_("Delete Committee %s"), sw_committee_get_name (committee));
  delete = header_button ("user-trash-symbolic", delete_label);
  g_object_set_data (G_OBJECT (delete), "sw-committee", committee);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_committee_clicked), self, 0);

  gtk_box_append (GTK_BOX (suffix), add);
  gtk_box_append (GTK_BOX (suffix), rename);
  gtk_box_append (GTK_BOX (suffix), delete);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_widget_set_visible (suffix, !sw_organisation_get_read_only (self->organisation));

  /* As the printed sheets list them: in roster order as added, else by
   * role (the leader first), each role's names in the plan's order. */
  {
    g_autoptr(GPtrArray) ordered =
      sw_name_order_dup_committee_members (committee, sw_plan_get_name_order (self->plan));

    for (guint i = 0; i < ordered->len; i++)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 member_row_new (self, committee, ordered->pdata[i]));
  }

  return group;
}

static void
sw_committees_panel_rebuild (SwCommitteesPanel *self)
{
  GtkWidget *child, *add;
  GListModel *committees;
  guint n;

  self->dirty = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);

  if (self->plan == NULL || self->organisation == NULL)
    return;

  committees = sw_plan_get_committees (self->plan);
  n = g_list_model_get_n_items (committees);

  if (n == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Committees"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("A leading group, a publicity group … with their members and roles."));
      gtk_box_append (self->box, status);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);

      gtk_box_append (self->box, committee_group_new (self, committee));
    }

  add = gtk_button_new_with_mnemonic (_("_Add Committee"));
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_committee_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (add, !sw_organisation_get_read_only (self->organisation));
  gtk_box_append (self->box, add);
}

static void
stack_changed (SwCommitteesPanel *self)
{
  /* Rebuilt when shown: the panel is small, but the stack changes often. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sw_committees_panel_rebuild (self);
  else
    self->dirty = TRUE;
}

void
sw_committees_panel_set_plan (SwCommitteesPanel *self,
                              SwOrganisation    *organisation,
                              SwPlan            *plan)
{
  g_return_if_fail (SW_IS_COMMITTEES_PANEL (self));

  g_set_object (&self->organisation, organisation);
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  stack_changed (self);
}

static void
sw_committees_panel_map (GtkWidget *widget)
{
  SwCommitteesPanel *self = SW_COMMITTEES_PANEL (widget);

  GTK_WIDGET_CLASS (sw_committees_panel_parent_class)->map (widget);

  if (self->dirty)
    sw_committees_panel_rebuild (self);
}

static void
sw_committees_panel_dispose (GObject *object)
{
  SwCommitteesPanel *self = SW_COMMITTEES_PANEL (object);

  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->stack_signals);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_committees_panel_parent_class)->dispose (object);
}

static void
sw_committees_panel_class_init (SwCommitteesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_committees_panel_dispose;
  widget_class->map = sw_committees_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "committeespanel");
}

static void
sw_committees_panel_init (SwCommitteesPanel *self)
{
  GtkWidget *clamp;

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->box), 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->box));

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed",
                                  G_CALLBACK (stack_changed), self);
}
