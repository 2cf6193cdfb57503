#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the window has a name that says what and which.

Starts the built servweek on a fresh database (the sample plan), visits
every view and every dialog and popover reachable from the primary menu
and the views, and walks the accessibility tree of each.  A control is an
accessible that is shown and either focusable or has an action (buttons,
toggle and menu buttons, entries, spin buttons, switches, check boxes,
combo rows, expanders, activatable list rows…).  The test fails, listing
each offender with its path, on a control whose name is

- empty,
- a GTK or libadwaita type name ("GtkImage", "AdwComboRow") or a bare role
  word ("button", "image"),

and on two controls of the same pane with the same name.  A pane is the
nearest ancestor that is a window, dialog or popover, or a list (list
box, list view, column view): the rows of a list and the controls inside
them are one pane, so the rows need names of their own and a control
inside a row must say which row it belongs to ("Remove 受理报装/咨询").
A row named like the switch it toggles, and a menu button named like the
toggle button inside it, are one control; the parts of a combo row (the
list showing its choice) are checked as the combo box itself.

Usage: test-accessible-names.py SERVWEEK SCHEMA_DIR OUTDIR
Runs itself under dbus-run-session and Xvfb when there is no session bus or
display.  With SW_A11Y_DUMP=1 it prints every control it sees.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("window_test", os.path.join(HERE, "test-window.py"))
wt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wt)

TIMEOUT = wt.TIMEOUT
fail = wt.fail
DUMP = bool(os.environ.get("SW_A11Y_DUMP"))

TYPE_NAME = re.compile(r"^(Gtk|Adw|Sw)[A-Z][A-Za-z]*$")
# Words that name the kind of control, not the control.
ROLE_WORDS = {
    "button", "toggle button", "menu button", "image", "icon", "label", "entry",
    "text", "spin button", "switch", "check box", "checkbox", "combo box", "row",
    "list item", "item", "expander", "arrow", "popover", "menu", "filler",
    "panel", "page tab", "push button", "radio button", "slider",
}


def safe(call, default=None):
    try:
        return call()
    except Exception:
        return default


def name_of(acc):
    return safe(lambda: acc.name, "") or ""


class Audit:
    """Collects the offenders of every screen visited."""

    def __init__(self, pyatspi):
        self.pyatspi = pyatspi
        p = pyatspi
        self.pane_roles = {p.ROLE_FRAME, p.ROLE_DIALOG, p.ROLE_WINDOW, p.ROLE_ALERT,
                           p.ROLE_LIST, p.ROLE_LIST_BOX, p.ROLE_TREE_TABLE, p.ROLE_TABLE,
                           p.ROLE_TREE}
        # Containers and text that may take focus without being controls
        # (a selectable label, a scrolled list, a menu); their parts are
        # checked.
        self.not_controls = {p.ROLE_LABEL, p.ROLE_LIST, p.ROLE_LIST_BOX, p.ROLE_TABLE,
                             p.ROLE_TREE_TABLE, p.ROLE_TREE, p.ROLE_FRAME, p.ROLE_DIALOG,
                             p.ROLE_WINDOW, p.ROLE_ALERT, p.ROLE_SCROLL_PANE, p.ROLE_VIEWPORT,
                             p.ROLE_PANEL, p.ROLE_FILLER, p.ROLE_STATIC, p.ROLE_PARAGRAPH,
                             p.ROLE_SEPARATOR, p.ROLE_APPLICATION, p.ROLE_GROUPING,
                             p.ROLE_MENU, p.ROLE_MENU_BAR}
        self.offenders = {}
        self.screens = []

    def is_control(self, acc):
        p = self.pyatspi
        states = safe(lambda: acc.getState())
        if states is None:
            return False
        if not states.contains(p.STATE_VISIBLE) or not self.on_screen(acc):
            return False
        role = safe(lambda: acc.getRole())
        if role in self.not_controls:
            return False
        if states.contains(p.STATE_FOCUSABLE):
            return True
        actions = safe(lambda: acc.queryAction().nActions, 0)
        return actions > 0

    def path_of(self, acc):
        """The control's role and name after those of its named ancestors."""
        parts = []
        node = acc
        for _ in range(80):
            if node is None or safe(lambda: node.getRole()) == self.pyatspi.ROLE_APPLICATION:
                break
            name = name_of(node)
            if node == acc:
                parts.append(f"{safe(lambda: node.getRoleName(), '?')} {name!r}")
            elif name and not TYPE_NAME.match(name):
                parts.append(name[:50])
            node = safe(lambda: node.parent)
        return " / ".join(reversed(parts))

    def on_screen(self, acc):
        """GTK 4.8 sets no "showing" state below the window: a widget that
        is not mapped (another stack page, the narrow view switcher) has no
        size."""
        extents = safe(lambda: acc.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS))
        return extents is None or (extents.width > 0 and extents.height > 0)

    def walk_shown(self, acc, depth=0):
        """The accessibles below acc that are shown: the children of a
        hidden container are not."""
        if acc is None or depth > 80:
            return
        yield acc
        count = safe(lambda: acc.childCount, 0)
        for i in range(count):
            child = safe(lambda i=i: acc.getChildAtIndex(i))
            if child is None:
                continue
            states = safe(lambda: child.getState())
            if states is not None and not states.contains(self.pyatspi.STATE_VISIBLE):
                continue
            if not self.on_screen(child):
                continue
            yield from self.walk_shown(child, depth + 1)

    def part_of_named(self, acc, name, root):
        node = safe(lambda: acc.parent)
        for _ in range(4):
            if node is None or node == root:
                return False
            if name_of(node).strip() == name and self.is_control(node):
                return True
            node = safe(lambda: node.parent)
        return False

    def inside_combo_box(self, acc, root):
        """The parts of a combo row (the list showing its choice) are the
        combo box's, which is checked itself."""
        node = safe(lambda: acc.parent)
        while node is not None and node != root:
            if safe(lambda: node.getRole()) == self.pyatspi.ROLE_COMBO_BOX:
                return True
            node = safe(lambda: node.parent)
        return False

    def is_popover(self, acc):
        """GTK 4.8 shows a popover as a filler inside the widget it pops
        from, holding a GtkPopoverContent."""
        count = safe(lambda: acc.childCount, 0)
        return count > 0 and name_of(safe(lambda: acc.getChildAtIndex(0))) == "GtkPopoverContent"

    def pane_of(self, acc, root):
        node = safe(lambda: acc.parent)
        while node is not None:
            if safe(lambda: node.getRole()) in self.pane_roles or self.is_popover(node):
                return node
            if node == root:
                return root
            node = safe(lambda: node.parent)
        return root

    def check(self, screen, root):
        """Checks the controls of root, the window or a dialog or popover
        shown on screen (what the test did to show it)."""
        self.screens.append(screen)
        controls = [acc for acc in self.walk_shown(root)
                    if self.is_control(acc) and not self.inside_combo_box(acc, root)]
        panes = {}
        for acc in controls:
            name = name_of(acc).strip()
            path = self.path_of(acc)
            if DUMP:
                print(f"  {path}")
            if not name:
                self.offend(screen, path, "has no name")
                continue
            plain = name.replace("_", "")
            if TYPE_NAME.match(plain):
                self.offend(screen, path, f"is named by its type {name!r}")
                continue
            if plain.lower() in ROLE_WORDS:
                self.offend(screen, path, f"is named by its role {name!r}")
                continue
            # A menu button is exposed as the button and the toggle button
            # inside it, and a row as the row and the switch it toggles,
            # both by the same name: one control.
            if self.part_of_named(acc, name, root):
                continue
            pane = self.pane_of(acc, root)
            panes.setdefault((self.path_of(pane), name), []).append(path)
        for (pane, name), paths in panes.items():
            if len(paths) > 1:
                self.offend(screen, f"{pane}",
                            f"has {len(paths)} controls named {name!r}:\n      "
                            + "\n      ".join(paths))
        print(f"{screen}: {len(controls)} controls checked")

    def offend(self, screen, path, what):
        self.offenders.setdefault(f"{path} {what}", screen)

    def report(self):
        if not self.offenders:
            print(f"all controls named, on {len(self.screens)} screens")
            return
        by_screen = {}
        for line, screen in self.offenders.items():
            by_screen.setdefault(screen, []).append(line)
        for screen, lines in by_screen.items():
            print(f"\n{screen}:", file=sys.stderr)
            for line in lines:
                print(f"  {line}", file=sys.stderr)
        fail(f"{len(self.offenders)} controls without a name of their own")


class Session:
    """The servweek process and its accessibility tree."""

    def __init__(self, pyatspi, app, audit):
        self.pyatspi = pyatspi
        self.app = app
        self.audit = audit

    def roots(self):
        app = wt.find_app(self.pyatspi, self.app.proc.pid)
        if app is None:
            return []
        return [c for c in (safe(lambda i=i: app.getChildAtIndex(i)) for i in range(app.childCount))
                if c is not None]

    def shown_roots(self):
        return [r for r in self.roots()
                if safe(lambda: r.getState().contains(self.pyatspi.STATE_SHOWING), False)]

    def wait(self, what, predicate, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.app.proc.poll() is not None:
                fail(f"servweek exited early with status {self.app.proc.returncode}")
            value = safe(predicate)
            if value:
                return value
            time.sleep(0.3)
        fail(f"{what} not found")

    def find(self, root, predicate):
        for acc in wt.walk(root):
            if safe(lambda: predicate(acc), False):
                return acc
        return None

    def find_control(self, root, name, exact=False):
        """The button (or other actionable control) named name; GTK 4.8 may
        add the visible text of a button to its label, and a mnemonic
        ("_Close Close")."""
        buttons = (self.pyatspi.ROLE_PUSH_BUTTON, self.pyatspi.ROLE_TOGGLE_BUTTON,
                   self.pyatspi.ROLE_PAGE_TAB, self.pyatspi.ROLE_MENU_ITEM)

        def match(acc):
            if acc.getRole() not in buttons:
                return False
            label = name_of(acc).replace("_", "")
            if isinstance(name, re.Pattern):
                return name.search(label) and safe(lambda: acc.queryAction().nActions, 0) > 0
            if not (label == name
                    or (not exact and label.startswith(name if name.endswith(" ") else name + " "))):
                return False
            return safe(lambda: acc.queryAction().nActions, 0) > 0
        return self.find(root, match)

    def press(self, root, name, exact=False):
        acc = self.wait(repr(name), lambda: self.find_control(root, name, exact))
        safe(lambda: acc.queryComponent().grabFocus())
        time.sleep(0.2)
        acc.queryAction().doAction(0)
        time.sleep(0.5)
        return acc

    def new_root(self, what, before, predicate=lambda r: True):
        """A window, dialog or popover shown that was not in before."""
        def check():
            for r in self.shown_roots():
                if r not in before and predicate(r):
                    return r
            return None
        root = self.wait(what, check)
        time.sleep(0.8)
        return root

    def open_popover(self, what, root):
        """The popover shown in root."""
        def check():
            return next((a for a in self.audit.walk_shown(root) if self.audit.is_popover(a)), None)
        found = self.wait(what, check)
        time.sleep(0.8)
        return found

    def close_popover(self, button, popover):
        button.queryAction().doAction(0)
        self.wait("the popover to close", lambda: not self.audit.on_screen(popover))
        time.sleep(0.3)

    def dialog(self, title):
        return self.wait(f"the {title!r} dialog",
                         lambda: next((r for r in self.shown_roots() if name_of(r) == title), None))

    def close_dialog(self, dialog):
        for name in ("Cancel", "Close"):
            acc = self.find_control(dialog, name)
            if acc is not None:
                acc.queryAction().doAction(0)
                break
        else:
            # Escape closes any dialog.
            self.key_escape()
        self.wait(f"{name_of(dialog)!r} to close", lambda: dialog not in self.shown_roots())
        time.sleep(0.5)

    def key_escape(self):
        self.pyatspi.Registry.generateKeyboardEvent(9, None, self.pyatspi.KEY_PRESSRELEASE)
        time.sleep(0.8)


def screenshot(path):
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdin=subprocess.DEVNULL, timeout=60)


def run(pyatspi, app, outdir):
    p = pyatspi
    audit = Audit(pyatspi)
    s = Session(pyatspi, app, audit)
    window = s.wait("the window", lambda: next((r for r in s.roots()
                                                if r.getRole() == p.ROLE_FRAME
                                                and any(a.getRole() == p.ROLE_PAGE_TAB
                                                        for a in wt.walk(r))), None))
    title = name_of(window)
    time.sleep(1)

    def popover(what, opener):
        """Presses opener, checks the popover or dialog it shows, closes it."""
        button = s.press(window, opener)
        root = s.open_popover(what, button.parent)
        audit.check(what, root)
        s.close_popover(button, root)
        return root

    def from_menu(item, title_shown):
        button = s.press(window, "Main Menu")
        menu = s.open_popover("the main menu", button.parent)
        s.press(menu, item)
        return s.dialog(title_shown)

    # The Schedule with a slot open in its pane, and its duties.
    s.press(window, "广场服务台, ")
    s.wait("the slot pane", lambda: s.find(window, lambda a: name_of(a) == "Add Duty"))
    time.sleep(1)
    screenshot(os.path.join(outdir, "a11y-schedule.png"))
    audit.check("Schedule, a slot open", window)

    # The popovers of the header and the slot pane.
    for what, opener in (("plan switcher", "Plan: "),
                         ("problems popover", re.compile(r"^(\d+ problems?|No problems)")),
                         ("slot start date popover", re.compile(r"^Start(s| Date)")),
                         ("main menu", "Main Menu")):
        popover(what, opener)

    # The dialogs of the primary menu and the header.
    for item, dialog_title in (("New Plan…", "New Plan"),
                               ("Plan Properties", "Plan Properties"),
                               ("Export Calendars…", "Export Calendars"),
                               ("Publish Calendars…", "Publish Calendars"),
                               ("Import Busy Times…", "Import Busy Times")):
        dialog = from_menu(item, dialog_title)
        time.sleep(1)
        audit.check(f"{dialog_title} dialog", dialog)
        s.close_dialog(dialog)

    before = s.shown_roots()
    s.press(window, "Auto-fill", exact=True)
    dialog = s.new_root("the Auto-fill dialog", before)
    audit.check("Auto-fill dialog", dialog)
    s.close_dialog(dialog)

    # The other views.
    for view in ("Roster", "Tasks"):
        wt.show_view(p, window, view)
        time.sleep(1.5)
        audit.check(f"{view} view", window)
        screenshot(os.path.join(outdir, f"a11y-{view.lower()}.png"))

    wt.show_view(p, window, "Roster")
    time.sleep(1)
    for label, dialog_title in (("Add Person", None), ):
        before = s.shown_roots()
        s.press(window, label)
        dialog = s.new_root("the person editor", before)
        audit.check("person editor", dialog)
        s.close_dialog(dialog)
    s.press(window, "Committees", exact=True)
    time.sleep(1)
    audit.check("Roster view, committees", window)

    wt.show_view(p, window, "Tasks")
    time.sleep(1)
    before = s.shown_roots()
    s.press(window, "Add Task")
    dialog = s.new_root("the task editor", before)
    audit.check("task editor", dialog)
    button = s.press(dialog, re.compile(r"^Due"))
    root = s.open_popover("the due date popover", button.parent)
    audit.check("task due date popover", root)
    s.close_popover(button, root)
    s.close_dialog(dialog)

    audit.report()


def main():
    if len(sys.argv) != 4:
        fail(__doc__)
    servweek, schema_dir, outdir = sys.argv[1:4]
    xvfb = wt.ensure_session()

    import pyatspi

    bus_proc = wt.start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-a11y-")
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schema_dir,
               GSK_RENDERER="cairo",
               GDK_DEBUG="gl-disable",
               LC_ALL="C.UTF-8",
               LANGUAGE="en",
               SERVWEEK_DB=os.path.join(tmp, "servweek.db"))
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    os.makedirs(outdir, exist_ok=True)

    app = None
    try:
        app = wt.App(pyatspi, servweek, env, os.path.join(tmp, "servweek.log"))
        run(pyatspi, app, outdir)
    finally:
        if app is not None:
            app.stop()
        if bus_proc is not None:
            wt.stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
