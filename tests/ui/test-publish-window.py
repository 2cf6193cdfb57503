#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Publish Calendars dialog, driven through the accessibility tree,
against a real Radicale and a real desktop keyring.

- From the primary menu, with the server's address, user and password
  typed in, Publish puts every person's calendar on the server: the
  addresses the dialog lists are those `servweek-cli subscriptions`
  gives, each answers a plain GET with a calendar, and the password is
  in the keyring and nowhere in the database.
- Copy puts the person's address on the clipboard.
- Opened again, the dialog has the password from the keyring: Publish
  alone succeeds and sends nothing ("up to date").
- An event someone changed on the server, then moved in the plan, is
  listed and left alone; Overwrite puts the plan's version over it.
- New Address gives one person a new address: the old one stops
  answering, the new one answers, nobody else's changes.
- A wrong password is one clear message, and changes nothing.

Usage: test-publish-window.py SERVWEEK SERVWEEK-CLI SCHEMA_DIR SRCDIR OUTDIR
"""

import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("accessible_names",
                                               os.path.join(HERE, "test-accessible-names.py"))
an = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(an)
wt = an.wt
fail = wt.fail
name_of = an.name_of

sys.path.insert(0, os.path.join(HERE, "..", "caldav"))
from radicale_server import RadicaleServer  # noqa: E402


DESK = "广场服务台"
EDITED = "改到东门，九点"
OUR_PRODID = "PRODID:-//servweek//Service Week Planner//EN"
THEIR_PRODID = "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN"


def server_item(server, path):
    status, _headers, body = server.request("GET", path, user=server.user)
    if status != 200:
        fail(f"GET {path}: {status}")
    return body.decode()


def edit_desk_on_server(server, db, cli, env):
    """Another calendar program renames the desk in the whole plan's
    calendar; then servweek-cli moves the desk to 10:00–12:00.  The path
    of the desk's item."""
    with sqlite3.connect(db) as connection:
        uid, start, end = connection.execute("SELECT uid, start, \"end\" FROM slot WHERE title = ?",
                                             (DESK,)).fetchone()
        token = connection.execute("SELECT token FROM publish_calendar WHERE calendar_key = 'plan'").fetchone()[0]
    path = f"/{server.user}/{token}/{uid}.ics"
    status, headers, body = server.request("GET", path, user=server.user)
    if status != 200:
        fail(f"GET {path}: {status}")
    text = body.decode().replace(OUR_PRODID, THEIR_PRODID)
    text = re.sub(r"\r\nSUMMARY[^:\r\n]*:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*", f"\r\nSUMMARY:{EDITED}", text,
                  count=1)
    status, _h, _b = server.request("PUT", path, body=text, user=server.user,
                                    headers={"Content-Type": "text/calendar", "If-Match": headers["etag"]})
    if status not in (201, 204):
        fail(f"editing {path} answered {status}")
    subprocess.run([cli, "move-slot", "--slot", uid, "--start", start[:11] + "10:00",
                    "--end", start[:11] + "12:00"], env=env, check=True, capture_output=True, timeout=60)
    return path


def cli_subscriptions(cli, env):
    out = subprocess.run([cli, "subscriptions"], env=env, capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return {line.split("\t")[0]: line.split("\t")[2] for line in out.splitlines()}


def status_of(server, url):
    path = urllib.parse.urlsplit(url).path
    status, _headers, body = server.request("GET", path)
    return status, body


def start_keyring(env):
    """A Secret Service on the session bus with an unlocked default
    keyring, kept in the test's folder; None when one runs already."""
    if wt.name_has_owner("org.freedesktop.secrets"):
        return None
    keyring = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                               env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    keyring.stdin.write(b"servweek-test-keyring")
    keyring.stdin.close()
    deadline = time.monotonic() + 20
    while not wt.name_has_owner("org.freedesktop.secrets"):
        if keyring.poll() is not None or time.monotonic() > deadline:
            fail("gnome-keyring-daemon did not start")
        time.sleep(0.2)
    return keyring


def keyring_password(env, server_url, user):
    result = subprocess.run(["secret-tool", "lookup", "server", server_url, "user", user],
                            env=env, capture_output=True, text=True, timeout=30)
    return result.stdout if result.returncode == 0 else None


def clipboard(env):
    return subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True,
                          text=True, timeout=30).stdout


def editable_texts(root):
    found = []
    for acc in wt.walk(root):
        try:
            acc.queryEditableText()
        except Exception:
            continue
        found.append(acc)
    return found


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def labels(root, pyatspi):
    return [name_of(a) for a in wt.walk(root) if an.safe(lambda a=a: a.getRole()) == pyatspi.ROLE_LABEL]


def wait_status(s, dialog, pyatspi, words):
    def check():
        for label in labels(dialog, pyatspi):
            if any(word in label for word in words):
                return label
        return None
    return s.wait(f"a status saying {words}", check)


def open_dialog(s, window):
    button = s.press(window, "Main Menu")
    menu = s.open_popover("the main menu", button.parent)
    s.press(menu, "Publish Calendars…")
    dialog = s.dialog("Publish Calendars")
    time.sleep(1)
    return dialog


def run(pyatspi, app, cli, env, server, outdir):
    s = an.Session(pyatspi, app, an.Audit(pyatspi))
    window = s.wait("the window", lambda: next((r for r in s.roots() if r.getRole() == pyatspi.ROLE_FRAME),
                                               None))
    server_url = server.url(f"/{server.user}/")

    # A wrong password: one message, nothing recorded.
    dialog = open_dialog(s, window)
    fields = editable_texts(dialog)
    if len(fields) != 3:
        fail(f"the dialog has {len(fields)} text fields, not server, user and password")
    fields[0].queryEditableText().setTextContents(server_url)
    fields[1].queryEditableText().setTextContents(server.user)
    fields[2].queryEditableText().setTextContents("not the password")
    s.press(dialog, "Publish")
    message = app.wait_for_frame(("Could Not Publish the Calendars",), "the message of a wrong password")
    body = " ".join(labels(message, pyatspi))
    if "password" not in body.lower() or server.password in body:
        fail(f"a wrong password says: {body!r}")
    print(f"wrong password: {body}")
    s.press(message, "Close")
    s.wait("the message to close", lambda: not any("Could Not Publish the Calendars" in l
                                                   for f in app.frames() for l in labels(f, pyatspi)))
    if cli_subscriptions(cli, env):
        fail("a publish with a wrong password recorded calendars")
    if keyring_password(env, server_url, server.user) is not None:
        fail("a wrong password went into the keyring")

    # The right one publishes everybody.
    fields[2].queryEditableText().setTextContents(server.password)
    s.press(dialog, "Publish")
    status = wait_status(s, dialog, pyatspi, ("calendars published",))
    print(f"first publish: {status}")
    an.screenshot(os.path.join(outdir, "publish-dialog.png"))
    subscriptions = cli_subscriptions(cli, env)
    if len(subscriptions) < 10:
        fail(f"only {len(subscriptions)} people published")
    shown = [a for a in wt.walk(dialog) if name_of(a).startswith("Copy the address of ")]
    if not shown:
        fail("the dialog lists no addresses to copy")
    for name, url in subscriptions.items():
        status, body = status_of(server, url)
        if status != 200 or b"BEGIN:VCALENDAR" not in body:
            fail(f"{name}'s address {url} answered {status}")
    if keyring_password(env, server_url, server.user) != server.password:
        fail("the password that worked is not in the keyring")
    with open(env["SERVWEEK_DB"], "rb") as db:
        if server.password.encode() in db.read():
            fail("the password is in the database")

    # Copy: the first person's address on the clipboard.
    copy = shown[0]
    person = name_of(copy)[len("Copy the address of "):]
    copy.queryAction().doAction(0)
    s.wait("the address on the clipboard", lambda: clipboard(env) == subscriptions[person])
    print(f"copied {person}: {subscriptions[person]}")

    # Again, with the password from the keyring: nothing to send.
    s.close_dialog(dialog)
    dialog = open_dialog(s, window)
    s.wait("the password from the keyring", lambda: text_of(editable_texts(dialog)[2]) != "")
    s.press(dialog, "Publish")
    status = wait_status(s, dialog, pyatspi, ("up to date",))
    print(f"second publish: {status}")

    # Someone edits the desk in their calendar, and the plan moves it: the
    # dialog lists the event; Overwrite puts the plan's version over it.
    s.close_dialog(dialog)
    path = edit_desk_on_server(server, env["SERVWEEK_DB"], cli, env)
    s.wait("the window to show the moved desk",
           lambda: any("10:00–12:00" in name_of(a) for a in wt.walk(window)))
    dialog = open_dialog(s, window)
    s.wait("the password from the keyring", lambda: text_of(editable_texts(dialog)[2]) != "")
    s.press(dialog, "Publish")
    wait_status(s, dialog, pyatspi, ("calendars published",))
    s.wait("the event changed on the server listed",
           lambda: any(EDITED in label for label in labels(dialog, pyatspi)))
    if THEIR_PRODID not in server_item(server, path):
        fail("a publish without Overwrite replaced an event changed on the server")
    s.press(dialog, "Overwrite")
    s.wait("the plan's version on the server", lambda: OUR_PRODID in server_item(server, path))
    s.wait("the list of changed events to go",
           lambda: not any(EDITED in label for label in labels(dialog, pyatspi)))
    text = server_item(server, path)
    if "T100000" not in text or EDITED in text:
        fail(f"Overwrite left on the server:\n{text}")
    print("an event changed on the server: listed, then overwritten")

    # A new address for that person.
    s.press(dialog, f"New address for {person}")
    confirm = app.wait_for_frame((f"Give {person} a New Address?",), "the question before a new address")
    s.press(confirm, "New Address")
    wait_status(s, dialog, pyatspi, ("calendars published", "calendar published"))
    after = cli_subscriptions(cli, env)
    if after[person] == subscriptions[person]:
        fail(f"{person} kept the address {after[person]}")
    if status_of(server, subscriptions[person])[0] != 404:
        fail(f"{person}'s old address still answers")
    if status_of(server, after[person])[0] != 200:
        fail(f"{person}'s new address does not answer")
    others = {k: v for k, v in after.items() if k != person}
    if others != {k: v for k, v in subscriptions.items() if k != person}:
        fail("a new address for one person changed other people's addresses")
    print(f"new address for {person}: {after[person]}")
    s.close_dialog(dialog)


def main():
    if len(sys.argv) != 6:
        fail(__doc__)
    servweek, cli, schema_dir, srcdir, outdir = sys.argv[1:6]
    for tool in ("gnome-keyring-daemon", "secret-tool", "xclip"):
        if shutil.which(tool) is None:
            fail(f"{tool} is needed (build-aux/ensure-deps installs it)")
    xvfb = wt.ensure_session()

    import pyatspi

    bus_proc = wt.start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-publish-window-")
    env = dict(os.environ,
               HOME=tmp,
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
    subprocess.run([cli, "init", "--sample"], env=env, check=True, capture_output=True, timeout=60)

    app = None
    keyring = None
    try:
        keyring = start_keyring(env)
        with RadicaleServer(srcdir) as server:
            app = wt.App(pyatspi, servweek, env, os.path.join(tmp, "servweek.log"))
            try:
                run(pyatspi, app, cli, env, server, outdir)
            except SystemExit:
                an.screenshot(os.path.join(outdir, "publish-window-failed.png"))
                print(server.log_text()[-3000:])
                raise
    finally:
        if app is not None:
            app.stop()
        if keyring is not None:
            keyring.terminate()
            keyring.wait()
        if bus_proc is not None:
            wt.stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
