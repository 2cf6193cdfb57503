#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A coordinator's session, end to end through the accessibility tree.

Starts the built servweek on a fresh database, creates a plan from the
service-week template with the New Plan dialog, switches views, searches
the roster, adds an overdue task and sees the problem count rise, undoes
it and sees the count fall back, then closes the window and checks the
database rows with sqlite3.  Saves a screenshot of each view.

Usage: test-coordinator.py SERVWEEK SCHEMA_DIR TEMPLATE_JSON SCREENSHOT_DIR
"""

import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("window_test", os.path.join(HERE, "test-window.py"))
wt = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wt)

TIMEOUT = wt.TIMEOUT
PLAN_TITLE = "Coordinator Week 2026"
TASK_TITLE = "Print the leaflets"
fail = wt.fail


DUMP_ROOTS = []
BUTTONS = ()


def dump():
    """The named widgets of the frames, to tell why something was not found."""
    lines = []
    for root in DUMP_ROOTS:
        for frame in root():
            for acc in wt.walk(frame):
                try:
                    if acc.name:
                        lines.append(f"  {acc.getRoleName()}: {acc.name!r}")
                except Exception:
                    continue
    lines = [line for line in lines if "Add slot on" not in line]
    return "\n".join(lines[:150])


def wait_until(what, predicate):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    fail(f"timed out waiting for {what}; shown:\n{dump()}")


def find(root, role, name=None, pattern=None):
    roles = role if isinstance(role, tuple) else (role,)
    for acc in wt.walk(root):
        try:
            if acc.getRole() not in roles:
                continue
            acc_name = acc.name or ""
        except Exception:
            continue
        # GTK 4.8 names a button with a mnemonic "_Save Save".
        plain = acc_name.replace("_", "")
        if name is not None and plain != name and plain != f"{name} {name}":
            continue
        if pattern is not None and not re.search(pattern, acc_name):
            continue
        if any(r in BUTTONS for r in roles):
            # A menu button is exposed twice; only its inner button acts.
            try:
                if acc.queryAction().nActions == 0:
                    continue
            except Exception:
                continue
        return acc
    return None


def editable_texts(root):
    found = []
    for acc in wt.walk(root):
        try:
            acc.queryEditableText()
        except Exception:
            continue
        found.append(acc)
    return found


def set_text(acc, text):
    editable = acc.queryEditableText()
    if not editable.setTextContents(text):
        fail(f"could not set the text of {acc.name!r}")


def press(acc):
    acc.queryAction().doAction(0)


def screenshot(path):
    time.sleep(0.8)
    if os.path.exists(path):
        os.unlink(path)
    subprocess.run(["import", "-window", "root", path], check=True,
                   stdin=subprocess.DEVNULL, timeout=60)
    if not os.path.isfile(path) or os.path.getsize(path) < 1000:
        fail(f"no screenshot written to {path}")
    print(f"screenshot: {path}")


class Session:
    def __init__(self, pyatspi, app, shots):
        self.pyatspi = pyatspi
        self.app = app
        self.shots = shots

    def problem_count(self, window):
        button = find(window, BUTTONS, pattern=r"^(No problems|\d+ problems?)$")
        if button is None:
            return None
        match = re.match(r"^(\d+)", button.name)
        return int(match.group(1)) if match else 0

    def wait_problem_count(self, window, expected):
        def check():
            count = self.problem_count(window)
            return count == expected
        wait_until(f"{expected} problems (now {self.problem_count(window)})", check)

    def dialog(self, title):
        def check():
            for frame in self.app.frames():
                if frame.name == title:
                    return frame
            return None
        return wait_until(f"the {title!r} dialog", check)

    def window(self, title):
        def check():
            for frame in self.app.frames():
                if frame.name == title:
                    return frame
            return None
        return wait_until(f"the window {title!r}", check)


def run(pyatspi, app, sample, shots):
    global BUTTONS
    # A menu button is a push button or a toggle button, by GTK version.
    BUTTONS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
    s = Session(pyatspi, app, shots)
    DUMP_ROOTS.append(app.frames)
    sample_title = sample["plan"]["title"]
    window = s.window(sample_title)
    print(f"window {window.name!r} is shown")

    # 1. A new plan from the template, through the plan switcher.
    switcher = wait_until("the plan switcher",
                          lambda: find(window, BUTTONS, pattern=r"^Plan: "))
    press(switcher)
    # The popover's own button (the empty page has another, not shown).
    plans = wait_until("the list of plans", lambda: find(window, pyatspi.ROLE_LIST, name="Plans"))
    new_plan = wait_until("the New Plan… button",
                          lambda: find(plans.parent.parent, pyatspi.ROLE_PUSH_BUTTON, name="New Plan…"))
    press(new_plan)
    dialog = s.dialog("New Plan")
    texts = editable_texts(dialog)
    if len(texts) < 2:
        fail(f"the New Plan dialog has {len(texts)} text fields, expected title and time zone")
    set_text(texts[0], PLAN_TITLE)
    create = wait_until("an enabled Create button",
                        lambda: (lambda b: b if b is not None and
                                 b.getState().contains(pyatspi.STATE_SENSITIVE) else None)(
                                     find(dialog, pyatspi.ROLE_PUSH_BUTTON, name="Create")))
    screenshot(os.path.join(shots, "coordinator-new-plan.png"))
    press(create)
    window = s.window(PLAN_TITLE)
    print(f"plan {PLAN_TITLE!r} created and shown")
    first_slot = sample["slots"][0]["title"]
    wait_until(f"the slot {first_slot!r} in the Schedule",
               lambda: any(first_slot in text for acc in wt.walk(window)
                           for text in wt.accessible_texts(acc)))
    screenshot(os.path.join(shots, "coordinator-schedule.png"))

    wait_until("the problems button", lambda: s.problem_count(window) is not None)
    before = s.problem_count(window)
    print(f"the new plan has {before} problems")

    # 2. Roster: search narrows the people to the one named.
    wt.show_view(pyatspi, window, "Roster")
    person = sample["people"][0]["name"]
    search = wait_until("the roster search",
                        lambda: next((acc for acc in editable_texts(window)
                                      if acc.name == "Search People"), None))
    set_text(search, person)

    def narrowed():
        label = find(window, pyatspi.ROLE_LABEL, pattern=r"^\d+ of \d+$")
        return label.name if label is not None else None
    shown = wait_until("the search to narrow the roster", narrowed)
    count, total = (int(x) for x in re.findall(r"\d+", shown))
    if not 1 <= count < total or total != len(sample["people"]):
        fail(f"searching {person!r} shows {shown!r}; the sample has {len(sample['people'])} people")
    wt.wait_for_text(window, person, "the roster search result")
    print(f"roster search for {person!r} shows {shown}")
    screenshot(os.path.join(shots, "coordinator-roster.png"))

    # Pinyin finds Chinese names: by initials, and with a surname read as
    # a surname (曾 zeng, not ceng).  From the whole roster each time.
    for query, name in (("zjg", "周建国"), ("zeng qing", "曾庆华")):
        if not any(p["name"] == name for p in sample["people"]):
            fail(f"the sample has no {name}")
        set_text(search, "")
        wait_until("the whole roster again", lambda: narrowed() != f"1 of {total}")
        set_text(search, query)
        wait_until(f"{query!r} to find one person", lambda: narrowed() == f"1 of {total}")
        wt.wait_for_text(window, name, f"the roster search for {query!r}")
        print(f"roster search for {query!r} shows {name}")

    # 3. Tasks: an overdue task is one more problem, and undo takes it back.
    wt.show_view(pyatspi, window, "Tasks")
    wt.wait_for_text(window, sample["tasks"][0]["title"], "Tasks view")
    # The Tasks view's own toolbar (the Schedule's slot pane has its own).
    task_search = wait_until("the task search",
                             lambda: next((acc for acc in editable_texts(window)
                                           if acc.name == "Search Tasks"), None))
    toolbar = task_search
    while toolbar is not None and find(toolbar, pyatspi.ROLE_PUSH_BUTTON, name="Add Task") is None:
        toolbar = toolbar.parent
    if toolbar is None:
        fail("no Add Task button beside the task search")
    add_task = find(toolbar, pyatspi.ROLE_PUSH_BUTTON, name="Add Task")
    press(add_task)

    editor = s.dialog("Add Task")
    set_text(editable_texts(editor)[0], TASK_TITLE)
    date_button = wait_until("the due date button",
                             lambda: find(editor, BUTTONS, pattern=r"\d{4}$"))
    press(date_button)
    date_entry = wait_until("the date entry",
                            lambda: next((acc for acc in editable_texts(editor) if acc.name == "Date"), None))
    set_text(date_entry, "2026-01-05")
    wait_until("the due date to change",
               lambda: find(editor, BUTTONS, pattern=r"(^|\W)(Jan 0?5|0?5 Jan)\W*2026$"))
    press(wait_until("Save", lambda: find(editor, pyatspi.ROLE_PUSH_BUTTON, name="Save")))
    wt.wait_for_text(window, TASK_TITLE, "the new task")
    s.wait_problem_count(window, before + 1)
    print(f"the overdue task raised the problems to {before + 1}")
    screenshot(os.path.join(shots, "coordinator-tasks.png"))

    press(wait_until("Undo", lambda: find(window, pyatspi.ROLE_PUSH_BUTTON, name="Undo")))
    s.wait_problem_count(window, before)
    print(f"undo brought the problems back to {before}")

    # The problems popover lists the problems.
    problems = find(window, BUTTONS, pattern=r"problems?$")
    if problems is not None and before > 0:
        press(problems)
        wt.wait_for_text(window, "Problems", "the problems popover")
        screenshot(os.path.join(shots, "coordinator-problems.png"))
        press(problems)

    app.click(window, "Close")
    app.wait_clean_exit()
    print("window closed, servweek exited cleanly")


def check_database(db, sample):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        plans = conn.execute("SELECT id, title FROM plan ORDER BY id").fetchall()
        titles = [title for _, title in plans]
        if titles != [sample["plan"]["title"], PLAN_TITLE]:
            fail(f"plans in the database: {titles}")
        plan_id = plans[1][0]
        tasks = [row[0] for row in conn.execute("SELECT title FROM task WHERE plan_id = ?", (plan_id,))]
        slots = conn.execute("SELECT count(*) FROM slot WHERE plan_id = ?", (plan_id,)).fetchone()[0]
        duties = conn.execute("SELECT count(*) FROM duty JOIN slot ON duty.slot_id = slot.id "
                              "WHERE slot.plan_id = ?", (plan_id,)).fetchone()[0]
    if TASK_TITLE in tasks:
        fail("the undone task is still in the database")
    if len(tasks) != len(sample["tasks"]):
        fail(f"the new plan has {len(tasks)} tasks, the template {len(sample['tasks'])}")
    if slots != len(sample["slots"]):
        fail(f"the new plan has {slots} slots, the template {len(sample['slots'])}")
    template_duties = sum(len(slot.get("duties", [])) for slot in sample["slots"])
    if duties != template_duties:
        fail(f"the new plan has {duties} duties, the template {template_duties}")
    print(f"database: 2 plans; the new one has {slots} slots, {duties} duties, {len(tasks)} tasks")


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, schema_dir, template, shots = sys.argv[1:5]
    xvfb = wt.ensure_session()

    with open(template, encoding="utf-8") as f:
        sample = json.load(f)

    import pyatspi

    bus_proc = wt.start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-coordinator-")
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schema_dir,
               GSK_RENDERER="cairo",
               GDK_DEBUG="gl-disable",
               LC_ALL="C.UTF-8",
               LANGUAGE="en")
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    os.makedirs(shots, exist_ok=True)

    app = None
    try:
        db = os.path.join(tmp, "servweek.db")
        app = wt.App(pyatspi, servweek, dict(env, SERVWEEK_DB=db), os.path.join(tmp, "servweek.log"))
        run(pyatspi, app, sample, shots)
        check_database(db, sample)
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
