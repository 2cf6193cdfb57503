#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The header's "N to Tell" button and the Changes to Send dialog,
driven through the accessibility tree.

After everybody received their calendar file and the desk moved an
hour, the header counts exactly the desk's people; the dialog lists
them, each with Copy, and Copy puts that person's notice — the same
words `servweek-cli changes` prints — on the clipboard.  Once their files
are exported again the button goes.  Send by E-mail hands the desktop's
mail program (the default mailto: handler) the notice and the person's
own calendar file, and they are told.

Usage: test-changes-window.py SERVWEEK SERVWEEK-CLI SCHEMA_DIR OUTDIR
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

DESK = "广场服务台"
EMAIL = "zhou.test@example.cn"
# GTK 4.8 may add the button's text to its accessible label.
COUNT = re.compile(r"^(\d+) (person has|people have) changes not yet sent")


def cli_run(cli, env, *args, status=0):
    result = subprocess.run([cli, *args], env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != status:
        fail(f"servweek-cli {' '.join(args)} exited {result.returncode}: {result.stdout}{result.stderr}")
    return result.stdout


def clipboard(env):
    return subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True,
                          text=True, timeout=30).stdout


def count_button(pyatspi, window):
    """The header's count; it says nobody once there is nobody to tell."""
    for acc in wt.walk(window):
        if an.safe(lambda a=acc: a.getRole(), None) == pyatspi.ROLE_PUSH_BUTTON and COUNT.match(name_of(acc)):
            return acc
    return None


def run(pyatspi, app, cli, env, on_desk, outdir, tmp):
    s = an.Session(pyatspi, app, an.Audit(pyatspi))
    window = s.wait("the window", lambda: next((r for r in s.roots() if r.getRole() == pyatspi.ROLE_FRAME),
                                               None))
    button = s.wait("the count of people to tell", lambda: count_button(pyatspi, window))
    count = int(COUNT.match(name_of(button)).group(1))
    if count != len(on_desk):
        fail(f"the header counts {count} to tell; the desk has {len(on_desk)} people")
    button.queryAction().doAction(0)
    dialog = s.dialog("Changes to Send")
    time.sleep(1)
    an.screenshot(os.path.join(outdir, "changes-dialog.png"))
    copies = {name_of(a)[len("Copy the notice to "):]: a for a in wt.walk(dialog)
              if name_of(a).startswith("Copy the notice to ")}
    if set(copies) != on_desk:
        fail(f"the dialog lists {sorted(copies)}; the desk has {sorted(on_desk)}")
    someone = sorted(on_desk)[0]
    copies[someone].queryAction().doAction(0)
    wanted = cli_run(cli, env, "changes", "--person", someone, status=1).strip()
    s.wait("the notice on the clipboard", lambda: clipboard(env) == wanted)
    print(f"copied: {wanted}")

    # By e-mail, through the desktop's mailto: handler: the notice as the
    # body, their own calendar attached; they are told.
    mailed = [a for a in wt.walk(dialog) if name_of(a) == f"Send the notice to {someone} by e-mail"]
    if len(mailed) != 1:
        fail(f"no Send by E-mail for {someone}, who has an address")
    mailed[0].queryAction().doAction(0)
    record = os.path.join(tmp, "mail.txt")
    s.wait("the mail program to start", lambda: os.path.exists(record) and os.path.getsize(record) > 0)
    with open(record, encoding="utf-8") as f:
        uri = urllib.parse.unquote(f.read().strip())
    attached = re.search(r"attach=(?:file://)?([^&]+)", uri)
    if not uri.startswith(f"mailto:{EMAIL}?") or attached is None or "10:00–12:00" not in uri:
        fail(f"the mail program was given {uri!r}")
    with open(attached.group(1), encoding="utf-8") as f:
        ics = f.read()
    if "BEGIN:VCALENDAR" not in ics or "T100000" not in ics:
        fail(f"the calendar attached:\n{ics[:400]}")
    s.wait("one person fewer to tell",
           lambda: count_button(pyatspi, window) is not None
           and int(COUNT.match(name_of(count_button(pyatspi, window))).group(1)) == count - 1)
    if someone in cli_run(cli, env, "changes", status=1):
        fail(f"{someone} is still to be told after the e-mail")
    print(f"e-mailed {someone}: {attached.group(1)}")
    s.close_dialog(dialog)

    # Their files again: nobody is left to tell.
    cli_run(cli, env, "export-ics", "--per-person", os.path.join(tmp, "again"))
    s.wait("the count to go", lambda: count_button(pyatspi, window) is None)


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    servweek, cli, schema_dir, outdir = sys.argv[1:5]
    for tool in ("xclip",):
        if shutil.which(tool) is None:
            fail(f"{tool} is needed (build-aux/ensure-deps installs it)")
    xvfb = wt.ensure_session()

    import pyatspi

    bus_proc = wt.start_a11y_bus()
    tmp = tempfile.mkdtemp(prefix="servweek-changes-window-")
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

    cli_run(cli, env, "init", "--sample")
    cli_run(cli, env, "export-ics", "--per-person", os.path.join(tmp, "files"))
    with sqlite3.connect(env["SERVWEEK_DB"]) as connection:
        uid, start = connection.execute("SELECT uid, start FROM slot WHERE title = ?", (DESK,)).fetchone()
        on_desk = {name for (name,) in connection.execute(
            "SELECT p.name FROM assignment a JOIN person p ON p.id = a.person_id "
            "JOIN slot s ON s.id = a.slot_id WHERE s.uid = ?", (uid,))}
    cli_run(cli, env, "move-slot", "--slot", uid, "--start", start[:11] + "10:00", "--end", start[:11] + "12:00")
    # The first of the desk's people has an e-mail address; the mail
    # program records what xdg-email gives it.
    with sqlite3.connect(env["SERVWEEK_DB"]) as connection:
        connection.execute("UPDATE person SET email = ? WHERE name = ?", (EMAIL, sorted(on_desk)[0]))
    mailer = os.path.join(tmp, "mailer")
    with open(mailer, "w", encoding="utf-8") as f:
        f.write(f"#!/bin/sh\nprintf '%s' \"$1\" > {os.path.join(tmp, 'mail.txt')}\n")
    os.chmod(mailer, 0o755)
    # The desktop's mail program: the default mailto: handler.
    applications = os.path.join(env["XDG_DATA_HOME"], "applications")
    os.makedirs(applications)
    with open(os.path.join(applications, "test-mailer.desktop"), "w", encoding="utf-8") as f:
        f.write(f"[Desktop Entry]\nType=Application\nName=Test Mailer\nExec={mailer} %u\n"
                "MimeType=x-scheme-handler/mailto;\nNoDisplay=true\n")
    os.makedirs(env["XDG_CONFIG_HOME"])
    with open(os.path.join(env["XDG_CONFIG_HOME"], "mimeapps.list"), "w", encoding="utf-8") as f:
        f.write("[Default Applications]\nx-scheme-handler/mailto=test-mailer.desktop\n")

    app = None
    try:
        app = wt.App(pyatspi, servweek, env, os.path.join(tmp, "servweek.log"))
        try:
            run(pyatspi, app, cli, env, on_desk, outdir, tmp)
        except SystemExit:
            an.screenshot(os.path.join(outdir, "changes-window-failed.png"))
            raise
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
