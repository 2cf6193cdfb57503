#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the window through the accessibility tree.

Starts the built servweek on a fresh database, finds its window over
AT-SPI, checks the sample plan's title and the three views, takes a
screenshot, checks the database file's mode, then closes the window with
its own close button and expects a clean exit (which, in a sanitizer build,
includes the leak check).

Usage: test-window.py SERVWEEK SCHEMA_DIR TEMPLATE_JSON SCREENSHOT
Runs itself under xvfb-run and dbus-run-session when there is no display
or session bus.
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
    """Re-runs this script with a display and a session bus when missing."""
    if os.environ.get("DISPLAY") and os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return
    if os.environ.get("SW_UI_REEXEC"):
        fail("no display or session bus even under xvfb-run/dbus-run-session")
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            fail(f"{tool} is needed to run without a display (install xvfb and dbus)")
    env = dict(os.environ, SW_UI_REEXEC="1")
    env.pop("DISPLAY", None)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24 -nolisten tcp",
           "dbus-run-session", "--", sys.executable] + sys.argv
    sys.exit(subprocess.call(cmd, env=env, stdin=subprocess.DEVNULL))


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
    if acc is None or depth > 40:
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


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, schema_dir, template, screenshot = sys.argv[1:5]
    ensure_session()

    with open(template, encoding="utf-8") as f:
        sample = json.load(f)
    title = sample["plan"]["title"]
    if not title:
        fail(f"{template} has no plan title")

    import pyatspi

    bus_proc = start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-ui-")
    db = os.path.join(tmp, "servweek.db")
    env = dict(os.environ,
               SERVWEEK_DB=db,
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

    log_path = os.path.join(tmp, "servweek.log")
    log = open(log_path, "w+", encoding="utf-8", errors="replace")
    app_proc = subprocess.Popen([servweek], env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT)
    log_shown = False
    try:
        deadline = time.monotonic() + TIMEOUT
        app = window = None
        texts = set()
        while time.monotonic() < deadline:
            if app_proc.poll() is not None:
                fail(f"servweek exited early with status {app_proc.returncode}")
            app = find_app(pyatspi, app_proc.pid)
            if app is not None:
                windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
                window = next((w for w in windows
                               if w is not None and w.getRole() == pyatspi.ROLE_FRAME), None)
            if window is not None:
                texts = set()
                for acc in walk(window):
                    texts.update(accessible_texts(acc))
                if title in texts and all(v in texts for v in VIEWS):
                    break
            time.sleep(0.5)
        else:
            fail(f"window with {title!r} and views {VIEWS} not found in time; "
                 f"seen: {sorted(texts)[:60]}")

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

        close = next((acc for acc in walk(window)
                      if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and acc.name == "Close"), None)
        if close is None:
            fail("no Close button in the header bar")
        close.queryAction().doAction(0)
        try:
            status = app_proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail("servweek did not exit after its window was closed")
        log.flush()
        log.seek(0)
        output = log.read()
        log_shown = True
        sys.stderr.write(output)
        if status != 0:
            fail(f"servweek exited with status {status}")
        warnings = [line for line in output.splitlines()
                    if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
        if warnings:
            fail(f"servweek logged warnings: {warnings[:5]}")
        print("window closed, servweek exited cleanly")
    finally:
        if app_proc.poll() is None:
            app_proc.send_signal(signal.SIGTERM)
            try:
                app_proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_proc.kill()
                app_proc.wait()
        if bus_proc is not None:
            stop_process_group(bus_proc)
        if not log_shown:
            log.flush()
            log.seek(0)
            sys.stderr.write(log.read())
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
