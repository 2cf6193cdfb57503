#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Schedule view through the accessibility tree.

Prepares a database with servweek-cli (a plan from the service-week
template), starts servweek on it and, as a coordinator would:
adds a slot by clicking the grid at Wednesday 23 September 10:00, adds a
duty and sets its count to 2, assigns two people through the Assign
picker, assigns one of them to the overlapping 广场服务台 (9:00–11:00) and
sees the double booking appear (header problems button and
`servweek-cli check`), undoes it and sees it disappear, then checks the
database rows with sqlite3.  Screenshots go to OUTDIR.

Usage: test-schedule.py SERVWEEK SERVWEEK_CLI SCHEMA_DIR OUTDIR
Runs itself under dbus-run-session and Xvfb when there is no session bus or
display.
"""

import importlib.util
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("SW_UI_TIMEOUT", "60"))
PLAN_TITLE = "E2E Service Week"
DESK = "广场服务台"
# A card names its day too: slots of one title on other days differ by it.
DESK_DAY = "Wednesday 23 September"
CELL = "Add slot on Wednesday 23 September at 10:00"


_print = print


def print(*args, **kwargs):
    """Progress lines with the time, to match them with the app's log."""
    _print(time.strftime("%H:%M:%S"), f"{time.time() % 1:.3f}"[1:], *args, **kwargs, flush=True)


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


# The session set-up (display, bus, accessibility bus) and the tree walk
# are the window test's.
_spec = importlib.util.spec_from_file_location(
    "window_test", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-window.py"))
wt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wt)

ensure_session = wt.ensure_session
name_has_owner = wt.name_has_owner
start_a11y_bus = wt.start_a11y_bus
stop_process_group = wt.stop_process_group
walk = wt.walk
app_env = wt.app_env


def do_action(acc):
    """Runs acc's first action.  A slow (sanitizer) build may answer after
    the D-Bus timeout although the action ran: the callers wait for its
    effect anyway."""
    from gi.repository import GLib
    try:
        acc.queryAction().doAction(0)
    except GLib.GError as error:
        if "Did not receive a reply" not in str(error):
            raise
        print(f"no reply in time from {safe_name(acc)!r}; waiting for its effect")


def safe_name(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""




class Session:
    """The servweek process, its accessibility tree and its database."""

    def __init__(self, pyatspi, servweek, cli, env, db, log_path):
        self.pyatspi = pyatspi
        self.cli = cli
        self.env = env
        self.db = db
        self.log = open(log_path, "w+", encoding="utf-8", errors="replace")
        env = app_env(env)
        self.proc = subprocess.Popen([servweek], env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.output = None

    def app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    def roots(self):
        """The application's windows and popovers."""
        app = self.app()
        if app is None:
            return []
        return [app.getChildAtIndex(i) for i in range(app.childCount)
                if app.getChildAtIndex(i) is not None]

    def all(self):
        for root in self.roots():
            yield from walk(root)

    def find(self, what, predicate, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                fail(f"servweek exited early with status {self.proc.returncode}")
            for acc in self.all():
                try:
                    if predicate(acc):
                        return acc
                except Exception:
                    continue
            time.sleep(0.3)
        fail(f"{what} not found")

    def find_named(self, name, roles=None, timeout=TIMEOUT):
        """The accessible called name; GTK 4.8 may append the text of what
        labels it ("People needed for X People Needed")."""
        def match(acc):
            label = safe_name(acc)
            return ((label == name or label.startswith(name + " "))
                    and (roles is None or acc.getRole() in roles))
        return self.find(repr(name), match, timeout)

    def press(self, name, roles=None):
        """Clicks the button called name (GTK 4.8 may add the visible label
        to a button's accessible label: "Assign people to X Assign…")."""
        if roles is None:
            roles = (self.pyatspi.ROLE_PUSH_BUTTON, self.pyatspi.ROLE_TOGGLE_BUTTON)

        def match(acc):
            if acc.getRole() not in roles:
                return False
            label = safe_name(acc)
            if label != name and not label.startswith(name + " "):
                return False
            try:
                return acc.queryAction().nActions > 0
            except NotImplementedError:
                return False

        acc = self.find(repr(name), match)
        # As a keyboard user would: focus first, which scrolls the button
        # into view (a popover must not open off the screen).
        try:
            acc.queryComponent().grabFocus()
            time.sleep(0.5)
        except Exception:
            pass
        do_action(acc)
        return acc

    def screenshot(self, path):
        time.sleep(1.0)
        if os.path.exists(path):
            os.unlink(path)
        subprocess.run(["import", "-window", "root", path], check=True,
                       stdin=subprocess.DEVNULL, timeout=60)
        if not os.path.isfile(path) or os.path.getsize(path) < 1000:
            fail(f"no screenshot written to {path}")
        print(f"screenshot: {path}")

    def problems_label(self):
        """The header button's "N problems" label."""
        acc = self.find("the problems button",
                        lambda a: re.fullmatch(r"(\d+ problems?|No problems)", safe_name(a)) is not None
                        and a.getRole() in (self.pyatspi.ROLE_PUSH_BUTTON,
                                            self.pyatspi.ROLE_TOGGLE_BUTTON))
        name = safe_name(acc)
        return 0 if name == "No problems" else int(name.split()[0])

    def wait_problems(self, predicate, what):
        deadline = time.monotonic() + TIMEOUT
        count = None
        while time.monotonic() < deadline:
            count = self.problems_label()
            if predicate(count):
                return count
            time.sleep(0.3)
        fail(f"{what}: the problems button says {count}")

    def check(self):
        """servweek-cli check: the problem lines."""
        run = subprocess.run([self.cli, "--db", self.db, "check"], env=self.env,
                             capture_output=True, text=True, timeout=60)
        if run.returncode not in (0, 1):
            fail(f"servweek-cli check failed: {run.stderr}")
        return run.stdout.splitlines()

    def check_accepted(self):
        """servweek-cli check --accepted: the problem lines, accepted ones too."""
        run = subprocess.run([self.cli, "--db", self.db, "check", "--accepted"], env=self.env,
                             capture_output=True, text=True, timeout=60)
        if run.returncode not in (0, 1):
            fail(f"servweek-cli check --accepted failed: {run.stderr}")
        return run.stdout.splitlines()

    def query(self, sql, args=()):
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as con:
            return con.execute(sql, args).fetchall()

    def wait_query(self, sql, args, expected, what):
        deadline = time.monotonic() + TIMEOUT
        rows = None
        while time.monotonic() < deadline:
            rows = self.query(sql, args)
            if rows == expected:
                return
            time.sleep(0.3)
        fail(f"{what}: database holds {rows}, expected {expected}")

    def close_and_wait(self, window):
        acc = next((a for a in walk(window)
                    if a.getRole() == self.pyatspi.ROLE_PUSH_BUTTON and safe_name(a) == "Close"), None)
        if acc is None:
            fail("no Close button on the window")
        do_action(acc)
        try:
            status = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail("servweek did not exit after its window was closed")
        self.show_log()
        if status != 0:
            fail(f"servweek exited with status {status}")
        warnings = [line for line in self.output.splitlines()
                    if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
        if warnings:
            fail(f"servweek logged warnings: {warnings[:5]}")

    def show_log(self):
        if self.output is None:
            self.log.flush()
            self.log.seek(0)
            self.output = self.log.read()
            sys.stderr.write(self.output)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.show_log()
        self.log.close()


def picker_rows(s):
    """The person buttons of the open picker(s)."""
    for acc in s.all():
        try:
            if safe_name(acc) != "People to assign":
                continue
        except Exception:
            continue
        for row in walk(acc):
            if row.getRole() == s.pyatspi.ROLE_PUSH_BUTTON and safe_name(row):
                yield row


def find_row(s, what, predicate):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for row in picker_rows(s):
            try:
                if predicate(row):
                    return row
            except Exception:
                continue
        time.sleep(0.3)
    fail(f"{what} not found in the picker")


def pick_candidate(s, assign_label, avoid=()):
    """Opens the picker named assign_label, clicks its first free person
    (no reason given) not in avoid; returns that person's name."""
    s.press(assign_label)

    def free_row(acc):
        parts = safe_name(acc).split(", ")
        # "name, department · title": two parts when nothing speaks against them
        return (len(parts) == 2 and parts[0] not in avoid
                and acc.getState().contains(s.pyatspi.STATE_SENSITIVE))

    row = find_row(s, "a free person", free_row)
    name = safe_name(row).split(", ")[0]
    print(f"picker: clicking {safe_name(row)!r}")
    do_action(row)
    return name


def pick_named(s, assign_label, person):
    """Opens the picker named assign_label and clicks person's row; returns
    the reason the picker gave (after the department)."""
    s.press(assign_label)
    row = find_row(s, person, lambda a: safe_name(a).startswith(person + ", "))
    label = safe_name(row)
    print(f"picker: clicking {label!r}")
    reason = label.split(", ", 2)[2] if label.count(", ") >= 2 else ""
    do_action(row)
    return reason


def pane_problems_list(s):
    """The slot pane's list of its slot's problems."""
    return s.find_named("Problems of this slot", (s.pyatspi.ROLE_LIST_BOX, s.pyatspi.ROLE_LIST))


def pane_problem_texts(s):
    texts = []
    for acc in walk(pane_problems_list(s)):
        if acc.getRole() == s.pyatspi.ROLE_LABEL:
            texts.append(safe_name(acc))
    return texts


def press_in_pane(s, name):
    """Clicks the button called name in the slot pane's problems (not the
    one of the same problem in the header's popover)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for acc in walk(pane_problems_list(s)):
            if acc.getRole() == s.pyatspi.ROLE_PUSH_BUTTON and safe_name(acc).startswith(name):
                do_action(acc)
                return
        time.sleep(0.3)
    fail(f"no button {name!r} in the slot pane's problems: {pane_problem_texts(s)}")


def accept_in_pane(s, name, note):
    """Accept… in the slot pane, a note typed in the question, Accept."""
    press_in_pane(s, name)
    dialog = s.find("the Accept question", lambda a: a.getRole() in (s.pyatspi.ROLE_FRAME, s.pyatspi.ROLE_DIALOG)
                    and any(safe_name(c) == "Accept This Problem?" for c in walk(a)))
    entry = next((a for a in walk(dialog) if safe_name(a) == "Note on the accepted problem"), None)
    if entry is None:
        fail("the Accept question has no note field")
    entry.queryEditableText().setTextContents(note)
    accept = [a for a in walk(dialog) if a.getRole() == s.pyatspi.ROLE_PUSH_BUTTON
              and safe_name(a).replace("_", "").startswith("Accept")]
    if not accept:
        fail("the Accept question has no Accept button")
    do_action(accept[0])


def run(pyatspi, servweek, cli, schema_dir, outdir, tmp):
    db = os.path.join(tmp, "servweek.db")
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
               SERVWEEK_DB=db)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)

    # The plan, from the template, prepared with the command line.
    subprocess.run([cli, "--db", db, "init"], env=env, check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    subprocess.run([cli, "--db", db, "new-plan", "--title", PLAN_TITLE, "--first", "2026-09-20",
                    "--last", "2026-09-26", "--template", "service-week"],
                   env=env, check=True, timeout=60, stdout=subprocess.DEVNULL)
    baseline = set(s for s in subprocess.run([cli, "--db", db, "check"], env=env,
                                             capture_output=True, text=True).stdout.splitlines())
    slots_before = sqlite3.connect(db).execute("SELECT count(*) FROM slot").fetchone()[0]

    s = Session(pyatspi, servweek, cli, env, db, os.path.join(tmp, "servweek.log"))
    try:
        window = s.find("the window", lambda a: a.getRole() == pyatspi.ROLE_FRAME
                        and safe_name(a) == PLAN_TITLE)
        s.find_named(f"{DESK}, {DESK_DAY}, 09:00–11:00, 临江市人民广场, 9 of 11 filled")
        problems_before = s.problems_label()
        print(f"window shows {PLAN_TITLE!r}, {problems_before} problems")
        s.screenshot(os.path.join(outdir, "schedule-e2e-start.png"))

        # 1. A slot by clicking the grid's empty half hour.
        s.press(CELL)
        s.find_named("New Slot, Wednesday 23 September, 10:00–11:00, no duties")
        s.wait_query("SELECT title, kind, start, \"end\" FROM slot WHERE title = ?", ("New Slot",),
                     [("New Slot", "other", "2026-09-23T10:00", "2026-09-23T11:00")], "the new slot")
        print("slot added by clicking the grid")

        # 2. A duty, with two people needed.
        s.press("Add Duty")
        spin = s.find_named("People needed for New Duty", (pyatspi.ROLE_SPIN_BUTTON,))
        spin.queryValue().currentValue = 2.0
        s.find_named("New Slot, Wednesday 23 September, 10:00–11:00, 0 of 2 filled")
        s.wait_query("SELECT d.name, d.count FROM duty d JOIN slot s ON d.slot_id = s.id "
                     "WHERE s.title = ?", ("New Slot",), [("New Duty", 2)], "the new duty")
        print("duty added, two people needed")

        # 3. Two people through the picker.
        first = pick_candidate(s, "Assign people to New Duty")
        s.find_named("New Slot, Wednesday 23 September, 10:00–11:00, 1 of 2 filled")
        second = pick_candidate(s, "Assign people to New Duty", avoid=(first,))
        s.find_named("New Slot, Wednesday 23 September, 10:00–11:00, 2 of 2 filled")
        print(f"assigned {first} and {second} through the picker")
        s.screenshot(os.path.join(outdir, "schedule-e2e-assigned.png"))

        # 4. The first of them also on the overlapping desk (its first duty):
        #    a double booking.
        problems_clean = s.wait_problems(lambda n: n == problems_before, "before the double booking")
        do_action(s.find(f"the {DESK} card",
                         lambda a: safe_name(a).startswith(f"{DESK}, {DESK_DAY}, 09:00–11:00")
                         and a.getRole() == pyatspi.ROLE_PUSH_BUTTON))
        s.find_named(DESK, (pyatspi.ROLE_LABEL,))
        reason = pick_named(s, "Assign people to 受理报装/咨询", first)
        if "“New Slot”" not in reason or not reason.startswith(first + " "):
            fail(f"the picker gives {first} the reason {reason!r}")
        problems_booked = s.wait_problems(lambda n: n > problems_clean, "after the double booking")
        new_lines = [l for l in s.check() if l not in baseline]
        booked = [l for l in new_lines if l.startswith("double-booking: ") and first in l]
        if not booked:
            fail(f"servweek-cli check shows no double booking of {first}: {new_lines}")
        # The picker said beforehand what check says now, in the same words.
        said = reason.split("\n")
        for line in new_lines:
            kind, message = line.split(": ", 1)
            if message not in said:
                fail(f"check says {line!r}, which the picker did not say: {said}")
        print(f"double booking shown: {problems_booked} problems; check says {new_lines}")
        s.screenshot(os.path.join(outdir, "schedule-e2e-double-booking.png"))

        # 4b. The coordinator accepts the double booking in the slot pane,
        #     with a note: it leaves the badge, check lists it apart, the
        #     database keeps it; Stop Accepting and undo bring it back.
        message = booked[0].split(": ", 1)[1]
        accept_in_pane(s, f"Accept: {message}", "两边都由副局长负责")
        s.wait_problems(lambda n: n == problems_booked - 1, "after accepting the double booking")
        s.wait_query("SELECT kind, note FROM acceptance", (), [("double-booking", "两边都由副局长负责")],
                     "the acceptance")
        if any(l.startswith("double-booking: ") and first in l for l in s.check()):
            fail("check still lists the accepted double booking as open")
        accepted = [l for l in s.check_accepted() if l.startswith("accepted: double-booking: ")]
        if accepted != [f"accepted: double-booking: {message} — 两边都由副局长负责"]:
            fail(f"check --accepted lists {accepted}")
        pane_problems = pane_problem_texts(s)
        if f"Accepted: {message} (两边都由副局长负责)" not in pane_problems:
            fail(f"the slot pane's problems say {pane_problems}")
        print(f"double booking accepted in the slot pane: {problems_booked - 1} problems")
        s.screenshot(os.path.join(outdir, "schedule-e2e-accepted.png"))

        press_in_pane(s, f"Stop accepting: {message}")
        s.wait_problems(lambda n: n == problems_booked, "after Stop Accepting")
        s.wait_query("SELECT count(*) FROM acceptance", (), [(0,)], "the acceptance after Stop Accepting")
        s.press("Undo", (pyatspi.ROLE_PUSH_BUTTON,))
        s.wait_problems(lambda n: n == problems_booked - 1, "after undoing Stop Accepting")
        s.wait_query("SELECT note FROM acceptance", (), [("两边都由副局长负责",)],
                     "the acceptance after undoing Stop Accepting")
        s.press("Undo", (pyatspi.ROLE_PUSH_BUTTON,))
        s.wait_problems(lambda n: n == problems_booked, "after undoing the acceptance")
        s.wait_query("SELECT count(*) FROM acceptance", (), [(0,)], "the acceptance after undo")
        print("Stop Accepting and undo brought the double booking back, and undo again")

        # 5. Undo: the problem goes.
        s.press("Undo", (pyatspi.ROLE_PUSH_BUTTON,))
        s.wait_problems(lambda n: n == problems_clean, "after undo")
        new_lines = [l for l in s.check() if l not in baseline]
        if any(l.startswith("double-booking") for l in new_lines):
            fail(f"the double booking is still there after undo: {new_lines}")
        print("undo removed the double booking")

        # 6. Exactly the expected rows.
        slot_rows = s.query("SELECT id, kind, start, \"end\", location FROM slot WHERE title = 'New Slot'")
        if len(slot_rows) != 1 or slot_rows[0][1:] != ("other", "2026-09-23T10:00", "2026-09-23T11:00", ""):
            fail(f"slot rows: {slot_rows}")
        slot_id = slot_rows[0][0]
        if s.query("SELECT count(*) FROM slot")[0][0] != slots_before + 1:
            fail("not exactly one slot was added")
        duty_rows = s.query("SELECT id, name, count, department_id FROM duty WHERE slot_id = ?", (slot_id,))
        if len(duty_rows) != 1 or duty_rows[0][1:] != ("New Duty", 2, None):
            fail(f"duty rows: {duty_rows}")
        duty_id = duty_rows[0][0]
        assigned = s.query("SELECT p.name, a.duty_id FROM assignment a JOIN person p ON p.id = a.person_id "
                           "WHERE a.slot_id = ? ORDER BY a.list_order, a.id", (slot_id,))
        if sorted(assigned) != sorted([(first, duty_id), (second, duty_id)]):
            fail(f"assignment rows: {assigned}")
        on_desk = s.query("SELECT count(*) FROM assignment a JOIN person p ON p.id = a.person_id "
                          "JOIN slot s ON s.id = a.slot_id WHERE s.title = ? AND p.name = ?", (DESK, first))
        if on_desk[0][0] != 0:
            fail(f"{first} is still on {DESK} after undo")
        print(f"database holds slot {slot_id}, duty {duty_id}, assignments {assigned}")

        # 7. Auto-fill scoped to the open slot: the dialog proposes seats of
        #    this slot only; Cancel changes nothing.
        assignments_before = s.query("SELECT count(*) FROM assignment")[0][0]
        s.press("Auto-fill Slot")
        dialog = s.find("the Auto-fill dialog", lambda a: a.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG)
                        and safe_name(a) == "Auto-fill")
        proposed = [safe_name(a) for a in walk(dialog) if safe_name(a).startswith(f"{DESK} · ")]
        others = [safe_name(a) for a in walk(dialog)
                  if " · " in safe_name(a) and not safe_name(a).startswith(f"{DESK} · ")
                  and a.getRole() != pyatspi.ROLE_LABEL]
        if not proposed:
            fail("the slot's Auto-fill dialog lists no seat of the desk")
        if others:
            fail(f"the slot's Auto-fill dialog lists other slots: {others[:3]}")
        # GTK 4.8 names a mnemonic button by its raw label too ("_Cancel Cancel").
        cancel = [a for a in walk(dialog) if a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                  and safe_name(a).replace("_", "").startswith("Cancel")]
        if not cancel:
            fail("the Auto-fill dialog has no Cancel button")
        do_action(cancel[0])
        time.sleep(1)
        if s.query("SELECT count(*) FROM assignment")[0][0] != assignments_before:
            fail("cancelling Auto-fill changed the assignments")
        print(f"Auto-fill Slot proposed {len(proposed)} rows for {DESK}, cancel changed nothing")

        s.close_and_wait(window)
        print("window closed, servweek exited cleanly")
    finally:
        s.stop()


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, cli, schema_dir, outdir = sys.argv[1:5]
    xvfb = ensure_session()

    import pyatspi

    bus_proc = start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-schedule-")
    try:
        run(pyatspi, servweek, cli, schema_dir, outdir, tmp)
    finally:
        if bus_proc is not None:
            stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
