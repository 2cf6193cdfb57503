#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window with other programs on its database, read through AT-SPI.

1. A second start of servweek activates the running window and exits.
2. servweek-cli changes the database while the window is open: the window
   shows the change within seconds, says so in a toast, and what the
   window then saves (Auto-fill) and what the CLI saves after that are
   all in the file at the end.
3. A database on a read-only mount (root) or in a read-only folder
   (others): the window says so in a banner, its editing actions are
   disabled, and the file is not touched.

Usage: test-window-reliability.py SERVWEEK SERVWEEK_CLI SCHEMA_DIR TEMPLATE_JSON
The helpers (session bus, display, accessibility bus, App) are those of
tests/ui/test-window.py.
"""

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "window_test", os.path.join(HERE, "..", "ui", "test-window.py"))
wt = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wt)
fail = wt.fail


def cli(servweek_cli, db, *args, check=True):
    result = subprocess.run([servweek_cli, "--db", db] + list(args), capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL,
                            env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en"))
    if check and result.returncode != 0:
        fail(f"servweek-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def texts_below(acc):
    texts = []
    for node in wt.walk(acc):
        texts.extend(wt.accessible_texts(node))
    return texts


def wait_for_substring(app, window, text, what, timeout=None):
    deadline = time.monotonic() + (timeout or wt.TIMEOUT)
    while time.monotonic() < deadline:
        if app.proc.poll() is not None:
            fail(f"servweek exited early with status {app.proc.returncode}")
        if any(text in t for t in texts_below(window)):
            return
        time.sleep(0.3)
    fail(f"{what}: no text containing {text!r}")


def shallow_texts(acc, depth=0, max_depth=9, max_children=30):
    """The texts of the accessibles near the top of the tree, skipping
    containers with many children (the lists)."""
    texts = wt.accessible_texts(acc)
    if depth >= max_depth:
        return texts
    try:
        count = acc.childCount
    except Exception:
        return texts
    if count > max_children:
        return texts
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            texts.extend(shallow_texts(child, depth + 1, max_depth, max_children))
    return texts


def wait_for_toast(app, window, text):
    deadline = time.monotonic() + wt.TIMEOUT
    while time.monotonic() < deadline:
        if app.proc.poll() is not None:
            fail(f"servweek exited early with status {app.proc.returncode}")
        if any(text in t for t in shallow_texts(window)):
            return
        time.sleep(0.1)
    fail(f"no toast containing {text!r}")


def wait_for_no_toast(app, window, text):
    """Waits for a toast containing @text to time out."""
    deadline = time.monotonic() + wt.TIMEOUT
    while any(text in t for t in shallow_texts(window)):
        if time.monotonic() > deadline:
            fail(f"the toast {text!r} stays")
        time.sleep(0.3)


def show_view(pyatspi, window, name):
    """Clicks the view tab @name, looking again while a slow (sanitizer)
    build does not answer the accessibility bus in time."""
    deadline = time.monotonic() + wt.TIMEOUT
    problem = "not found"
    while True:
        try:
            tab = next((acc for acc in wt.walk(window)
                        if acc.getRole() == pyatspi.ROLE_PAGE_TAB and acc.name == name), None)
            if tab is not None:
                tab.queryAction().doAction(0)
                return
        except Exception as error:
            problem = str(error)
        if time.monotonic() > deadline:
            fail(f"cannot show the {name} view: {problem}")
        time.sleep(0.5)


def find_button(pyatspi, window, name):
    """The button labelled @name.  A walk that meets a view being rebuilt
    (after a reload) skips what vanished under it: walk again until the
    deadline."""
    deadline = time.monotonic() + wt.TIMEOUT
    while True:
        for acc in wt.walk(window):
            try:
                if (acc.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                        and acc.name == name):
                    return acc
            except Exception:
                continue
        if time.monotonic() > deadline:
            fail(f"no button {name!r}")
        time.sleep(0.5)


def is_sensitive(pyatspi, acc):
    return acc.getState().contains(pyatspi.STATE_SENSITIVE)


def count_problems(servweek_cli, db):
    result = cli(servweek_cli, db, "check", check=False)
    if result.returncode not in (0, 1):
        fail(f"check failed: {result.stderr}")
    return len([line for line in result.stdout.splitlines() if line.strip()])


def write_roster(path, department, *names):
    with open(path, "w", encoding="utf-8") as f:
        f.write("姓名,部门,电话\r\n")
        for i, name in enumerate(names):
            f.write(f"{name},{department},1380000{i:04d}\r\n")


def check_second_start_and_cli(pyatspi, servweek, servweek_cli, env, sample, tmp):
    db = os.path.join(tmp, "shared.db")
    title = sample["plan"]["title"]
    department = sample["departments"][0]["name"]

    app = wt.App(pyatspi, servweek, dict(env, SERVWEEK_DB=db), os.path.join(tmp, "shared.log"))
    try:
        window = app.wait_for_frame((title,) + wt.VIEWS, "the window")
        print(f"window shows {title!r}")

        # 1. A second start hands over to the first (GApplication uniqueness).
        started = time.monotonic()
        second = subprocess.run([servweek], env=wt.app_env(dict(env, SERVWEEK_DB=db)), timeout=60,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if second.returncode != 0:
            fail(f"the second start exited with {second.returncode}: {second.stderr}")
        frames = [f for f in app.frames() if f.getRole() == pyatspi.ROLE_FRAME]
        if len(frames) != 1:
            fail(f"the running servweek has {len(frames)} windows after a second start, expected 1")
        if app.proc.poll() is not None:
            fail("the first servweek ended when the second started")
        print(f"second start activated the running window and exited in "
              f"{time.monotonic() - started:.1f} s")

        # 2. The CLI adds people; the window notices without a restart.
        problems_before = count_problems(servweek_cli, db)
        roster = os.path.join(tmp, "roster.csv")
        write_roster(roster, department, "Reliability Tester")
        cli(servweek_cli, db, "import-roster", roster)
        # The toast shows for a few seconds only: look near the top of the
        # tree, where the toast overlay is, not through the long lists.
        wait_for_toast(app, window, "changed by another program")
        show_view(pyatspi, window, "Roster")
        wt.wait_for_text(window, "Reliability Tester", "Roster view after servweek-cli import-roster")
        print("the window shows the person servweek-cli added, with a toast")

        # While a person editor is open, a change of the CLI waits: the
        # editor holds objects a reload would replace.
        wait_for_no_toast(app, window, "changed by another program")
        find_button(pyatspi, window, "Add Person").queryAction().doAction(0)
        editor = app.wait_for_frame(("Job Title", "Phone"), "the person editor")
        write_roster(roster, department, "Waiting Tester")
        cli(servweek_cli, db, "import-roster", roster)
        time.sleep(3)
        if any("changed by another program" in t for t in shallow_texts(window)):
            fail("the window read another program's change under an open editor")
        app.click(editor, "Cancel")
        wait_for_toast(app, window, "changed by another program")
        wt.wait_for_text(window, "Waiting Tester", "Roster view once the editor is closed")
        print("a change of servweek-cli made while an editor was open is read once it is closed")

        # The window saves (Auto-fill), the CLI saves after it.
        show_view(pyatspi, window, "Schedule")
        autofill = find_button(pyatspi, window, "Auto-fill")
        if not is_sensitive(pyatspi, autofill):
            fail("Auto-fill is disabled on a writable database")
        autofill.queryAction().doAction(0)
        dialog = app.wait_for_frame(("Proposed",), "the Auto-fill dialog")
        app.click(dialog, "Apply")
        deadline = time.monotonic() + wt.TIMEOUT
        while count_problems(servweek_cli, db) >= problems_before:
            if time.monotonic() > deadline:
                fail("Auto-fill in the window did not reach the database")
            time.sleep(0.3)
        problems_after_fill = count_problems(servweek_cli, db)
        print(f"the window's Auto-fill is saved ({problems_before} → {problems_after_fill} problem lines)")

        write_roster(roster, department, "Second Tester")
        cli(servweek_cli, db, "import-roster", roster)
        show_view(pyatspi, window, "Roster")
        wt.wait_for_text(window, "Second Tester", "Roster view after the second import")
        print("a second servweek-cli change after the window's save is shown too")

        app.click(window, "Close")
        app.wait_clean_exit()
    finally:
        app.stop()

    exported = cli(servweek_cli, db, "export-roster", "-").stdout
    for name in ("Reliability Tester", "Waiting Tester", "Second Tester"):
        if name not in exported:
            fail(f"{name} is not in the database at the end")
    if count_problems(servweek_cli, db) != problems_after_fill:
        fail("the window's Auto-fill is not in the database at the end")
    print("everything both programs saved is in the database")


def read_only_launcher(tmp, servweek, folder):
    """A command that runs servweek with @folder read-only: a read-only bind
    mount in a mount namespace of its own for root (for whom file modes do
    not stop writes), plain modes for other users.  None when neither works."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        for name in os.listdir(folder):
            os.chmod(os.path.join(folder, name), 0o444)
        return servweek
    probe = subprocess.run(["unshare", "-m", "sh", "-c",
                            f"mount --bind -o ro '{folder}' '{folder}' && ! touch '{folder}/probe'"],
                           capture_output=True, timeout=30)
    if probe.returncode != 0:
        return None
    launcher = os.path.join(tmp, "servweek-read-only")
    with open(launcher, "w", encoding="utf-8") as f:
        # unshare and sh exec: servweek keeps this process id.
        f.write("#!/bin/sh\n"
                f"exec unshare -m sh -c 'mount --bind -o ro \"$0\" \"$0\" && exec \"$1\"' "
                f"'{folder}' '{servweek}'\n")
    os.chmod(launcher, 0o755)
    return launcher


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check_read_only(pyatspi, servweek, servweek_cli, env, sample, tmp):
    folder = os.path.join(tmp, "read-only")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    cli(servweek_cli, db, "init", "--sample")
    before = digest(db)
    files_before = sorted(os.listdir(folder))

    launcher = read_only_launcher(tmp, servweek, folder)
    if launcher is None:
        fail("cannot make a read-only folder: no mount namespace for root (unshare -m)")

    app = wt.App(pyatspi, launcher, dict(env, SERVWEEK_DB=db), os.path.join(tmp, "read-only.log"))
    try:
        window = app.wait_for_frame((sample["plan"]["title"],) + wt.VIEWS, "the read-only window")
        wait_for_substring(app, window, "Read-only", "the read-only banner")
        print("read-only: the banner is shown")
        for name in ("Auto-fill", "Undo", "Redo"):
            button = next((acc for acc in wt.walk(window)
                           if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and acc.name == name), None)
            if button is None:
                if name == "Auto-fill":
                    fail("no Auto-fill button")
                continue
            if is_sensitive(pyatspi, button):
                fail(f"read-only: {name} is enabled")
        print("read-only: Auto-fill, Undo and Redo are disabled")

        def editing_buttons(names):
            """The push buttons named (or, for mnemonic labels, ending in) @names."""
            found = {}
            for acc in wt.walk(window):
                if acc.getRole() != pyatspi.ROLE_PUSH_BUTTON or not acc.name:
                    continue
                for name in names:
                    if acc.name == name or acc.name.replace("_", "").endswith(name):
                        found[name] = acc
            missing = [name for name in names if name not in found]
            if missing:
                fail(f"read-only: no button {missing}")
            return found

        # The views show the plan but offer no editing.
        for view, names in (("Schedule", ("Add Slot",)),
                            ("Roster", ("Add Person", "Add Department")),
                            ("Tasks", ("Add Task",))):
            show_view(pyatspi, window, view)
            wt.wait_for_text(window, {"Schedule": sample["slots"][0]["title"],
                                      "Roster": sample["people"][0]["name"],
                                      "Tasks": sample["tasks"][0]["title"]}[view],
                             f"read-only {view} view")
            for name, button in editing_buttons(names).items():
                if is_sensitive(pyatspi, button):
                    fail(f"read-only: {name} is enabled in the {view} view")
        print("read-only: the views' Add Slot, Add Person, Add Department and Add Task are disabled")
        app.click(window, "Close")
        app.wait_clean_exit()
    finally:
        app.stop()
        os.chmod(folder, 0o755)

    if digest(db) != before:
        fail("read-only: the database file was changed")
    if sorted(os.listdir(folder)) != files_before:
        fail(f"read-only: files appeared next to the database: {sorted(os.listdir(folder))}")
    print("read-only: nothing was written")


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, servweek_cli, schema_dir, template = sys.argv[1:5]
    xvfb = wt.ensure_session()

    with open(template, encoding="utf-8") as f:
        sample = json.load(f)

    import pyatspi

    bus_proc = wt.start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-rel-")
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
    try:
        check_second_start_and_cli(pyatspi, servweek, servweek_cli, env, sample, tmp)
        check_read_only(pyatspi, servweek, servweek_cli, env, sample, tmp)
    finally:
        if bus_proc is not None:
            wt.stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
