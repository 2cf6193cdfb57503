#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the window through the accessibility tree.

Starts the built servweek on a fresh database, finds its window over
AT-SPI, checks the sample plan's title and the three views, takes a
screenshot, checks the database file's mode, then closes the window with
its own close button and expects a clean exit (which, in a sanitizer build,
includes the leak check).

Usage: test-window.py SERVWEEK SCHEMA_DIR TEMPLATE_JSON SCREENSHOT
Runs itself under dbus-run-session and Xvfb when there is no session bus or
display.
"""

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("SW_UI_TIMEOUT", "60"))
VIEWS = ("Schedule", "Roster", "Tasks")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def ensure_session():
    """Re-runs this script on a private session bus when there is none, and
    starts a virtual display when there is none; returns the display's
    process (or None)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if os.environ.get("SW_UI_REEXEC"):
            fail("no session bus even under dbus-run-session")
        if shutil.which("dbus-run-session") is None:
            fail("dbus-run-session is needed to run without a session bus (install dbus)")
        env = dict(os.environ, SW_UI_REEXEC="1")
        sys.exit(subprocess.call(["dbus-run-session", "--", sys.executable] + sys.argv,
                                 env=env, stdin=subprocess.DEVNULL))
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        fail("Xvfb is needed to run without a display (install xvfb)")
    # Xvfb picks a free display itself and writes its number to the pipe.
    read_fd, write_fd = os.pipe()
    # -noreset: a server that resets when its last client leaves refuses
    # the next one for a moment.
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24",
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        xvfb.wait()
        fail("Xvfb did not start")
    os.environ["DISPLAY"] = ":" + number
    return xvfb


def name_has_owner(name):
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner",
                          GLib.Variant("(s)", (name,)), GLib.VariantType("(b)"),
                          Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


def start_a11y_bus():
    """The accessibility bus of this session, started when nobody runs it."""
    if name_has_owner("org.a11y.Bus"):
        return None
    launcher = "/usr/libexec/at-spi-bus-launcher"
    if not os.access(launcher, os.X_OK):
        fail(f"{launcher} missing (install at-spi2-core)")
    # Its own process group, without our output streams: the bus daemon and
    # the registry it starts must neither outlive the test nor keep the test
    # runner's pipes open.
    proc = subprocess.Popen([launcher, "--launch-immediately"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 10
    while not name_has_owner("org.a11y.Bus"):
        if time.monotonic() > deadline or proc.poll() is not None:
            fail("the accessibility bus did not start")
        time.sleep(0.1)
    return proc


def stop_process_group(proc):
    """Ends proc and the processes it started in its process group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=5)
            break
        except subprocess.TimeoutExpired:
            continue
    # Give the group's other members (bus daemon, registry) time to go.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def walk(acc, depth=0, seen=None):
    """Every accessible below acc (depth-limited, cycle-safe)."""
    if acc is None or depth > 60:
        return
    if seen is None:
        seen = set()
    key = (acc.path if hasattr(acc, "path") else id(acc))
    if key in seen:
        return
    seen.add(key)
    yield acc
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, seen)


def find_app(pyatspi, pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def accessible_texts(acc):
    """The name of an accessible and, for text objects, their text."""
    texts = []
    try:
        if acc.name:
            texts.append(acc.name)
    except Exception:
        pass
    try:
        text = acc.queryText()
        content = text.getText(0, -1)
        if content:
            texts.append(content)
    except Exception:
        pass
    return texts


def show_view(pyatspi, window, name):
    """Clicks the view switcher's tab @name."""
    tab = next((acc for acc in walk(window)
                if acc.getRole() == pyatspi.ROLE_PAGE_TAB and acc.name == name), None)
    if tab is None:
        fail(f"no view tab {name!r}")
    tab.queryAction().doAction(0)


def wait_for_text(window, text, where):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for acc in walk(window):
            if text in accessible_texts(acc):
                return
        time.sleep(0.3)
    fail(f"{where}: {text!r} is not shown")



def app_env(env):
    """The app's environment.  Under AddressSanitizer the app's leak stacks
    must reach into the system libraries (built without frame pointers) so
    that build-aux/lsan.supp can name them: unwind fully, in the app only.
    Eight frames reach GLib's library constructor (the quark block the
    suppressions name); every frame more costs time on each allocation, and
    a window unwinding thirty frames per malloc answers AT-SPI calls slower
    than D-Bus waits for a reply."""
    env = dict(env)
    asan = env.get("ASAN_OPTIONS")
    if asan and "fast_unwind_on_malloc" not in asan:
        env["ASAN_OPTIONS"] = asan + ":fast_unwind_on_malloc=0:malloc_context_size=8"
    return env

class App:
    """One servweek process with its log, found through AT-SPI."""

    def __init__(self, pyatspi, servweek, env, log_path):
        self.pyatspi = pyatspi
        self.log = open(log_path, "w+", encoding="utf-8", errors="replace")
        env = app_env(env)
        self.proc = subprocess.Popen([servweek], env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.output = None

    def frames(self):
        app = find_app(self.pyatspi, self.proc.pid)
        if app is None:
            return []
        frames = []
        for i in range(app.childCount):
            child = app.getChildAtIndex(i)
            if child is not None and child.getRole() in (self.pyatspi.ROLE_FRAME,
                                                         self.pyatspi.ROLE_DIALOG):
                frames.append(child)
        return frames

    def wait_for_frame(self, texts_wanted, what):
        """The first frame or dialog showing all of texts_wanted."""
        deadline = time.monotonic() + TIMEOUT
        seen = set()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                fail(f"servweek exited early with status {self.proc.returncode}")
            for frame in self.frames():
                seen = set()
                for acc in walk(frame):
                    seen.update(accessible_texts(acc))
                if all(t in seen for t in texts_wanted):
                    return frame
            time.sleep(0.5)
        fail(f"{what} not shown in time; seen: {sorted(seen)[:60]}")

    def click(self, frame, name):
        def names(acc):
            # A mnemonic label may be exposed as "_Close Close".
            return acc.name.replace("_", "").split(" ")

        button = next((acc for acc in walk(frame)
                       if acc.getRole() == self.pyatspi.ROLE_PUSH_BUTTON
                       and (acc.name == name or name in names(acc))),
                      None)
        if button is None:
            names = [(acc.getRoleName(), acc.name) for acc in walk(frame)
                     if acc.getRole() in (self.pyatspi.ROLE_PUSH_BUTTON,
                                          self.pyatspi.ROLE_TOGGLE_BUTTON)]
            fail(f"no button {name!r} in {frame.name!r}; buttons: {names}")
        button.queryAction().doAction(0)

    def wait_clean_exit(self):
        """Waits for the process and fails unless it exits 0 without warnings."""
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


def check_sample_window(pyatspi, app, sample, db, screenshot):
    title = sample["plan"]["title"]
    window = app.wait_for_frame((title,) + VIEWS, f"window with {title!r} and {VIEWS}")
    if window.name != title:
        fail(f"window is named {window.name!r}, expected the plan title {title!r}")
    print(f"found window {window.name!r} with views {', '.join(VIEWS)}")

    # Every button and view tab is labelled for screen readers.
    unlabelled = [acc for acc in walk(window)
                  if acc.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
                                       pyatspi.ROLE_PAGE_TAB)
                  and not acc.name]
    if unlabelled:
        fail(f"{len(unlabelled)} buttons without an accessible name")

    # Each view shows the sample plan's data, not a placeholder.
    for view, expected in (("Schedule", sample["slots"][0]["title"]),
                           ("Roster", sample["people"][0]["name"]),
                           ("Tasks", sample["tasks"][0]["title"])):
        show_view(pyatspi, window, view)
        wait_for_text(window, expected, f"{view} view")
        print(f"{view} view shows {expected!r}")
    show_view(pyatspi, window, "Schedule")

    # Give the window a moment to finish drawing before the screenshot.
    time.sleep(1.0)
    if os.path.exists(screenshot):
        os.unlink(screenshot)
    subprocess.run(["import", "-window", "root", screenshot], check=True,
                   stdin=subprocess.DEVNULL, timeout=60)
    if not os.path.isfile(screenshot) or os.path.getsize(screenshot) < 1000:
        fail(f"no screenshot written to {screenshot}")
    print(f"screenshot: {screenshot}")

    if not os.path.isfile(db):
        fail(f"database {db} was not created")
    mode = stat.S_IMODE(os.stat(db).st_mode)
    if mode != 0o600:
        fail(f"database mode is {oct(mode)}, expected 0o600")
    print("database created with mode 0600")

    app.click(window, "Close")
    app.wait_clean_exit()
    print("window closed, servweek exited cleanly")


def check_bad_database(app, db, content):
    """A file that is not a database: a message, an empty window, no change."""
    dialog = app.wait_for_frame(("Could Not Open the Database",), "the error message")
    print("bad database: the error message is shown")
    app.click(dialog, "Close")
    window = app.wait_for_frame(("No Database",), "the window without a database")
    with open(db, "rb") as f:
        if f.read() != content:
            fail("the bad database file was changed")
    app.click(window, "Close")
    app.wait_clean_exit()
    print("bad database: file unchanged, servweek exited cleanly")


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, schema_dir, template, screenshot = sys.argv[1:5]
    xvfb = ensure_session()

    with open(template, encoding="utf-8") as f:
        sample = json.load(f)
    if not sample["plan"]["title"]:
        fail(f"{template} has no plan title")

    import pyatspi

    bus_proc = start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-ui-")
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schema_dir,
               GSK_RENDERER="cairo",
               # No OpenGL: software GL would only be loaded and unloaded again.
               GDK_DEBUG="gl-disable",
               LC_ALL="C.UTF-8",
               LANGUAGE="en")
    # This test reads the accessibility tree: keep it switched on.
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)

    apps = []
    try:
        db = os.path.join(tmp, "servweek.db")
        app = App(pyatspi, servweek, dict(env, SERVWEEK_DB=db),
                  os.path.join(tmp, "servweek.log"))
        apps.append(app)
        check_sample_window(pyatspi, app, sample, db, screenshot)

        bad_db = os.path.join(tmp, "not-a-database.db")
        content = b"This is a note, not a database.\n" * 200
        with open(bad_db, "wb") as f:
            f.write(content)
        app = App(pyatspi, servweek, dict(env, SERVWEEK_DB=bad_db),
                  os.path.join(tmp, "servweek-bad.log"))
        apps.append(app)
        check_bad_database(app, bad_db, content)
    finally:
        for app in apps:
            app.stop()
        if bus_proc is not None:
            stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
