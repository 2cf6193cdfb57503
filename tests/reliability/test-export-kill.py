#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A calendar export killed at any moment leaves every file whole.

The sample plan is exported once per person, then again and again with a
reminder that changes every file (15 minutes, then 30, …), each export
killed (SIGKILL) after a random delay within its usual run time.  After
each kill, every .ics file in the folder must hold either its content from
before that export or a whole new one (it begins and ends as a calendar,
its VEVENTs are closed, libical… no: python-icalendar reads it, and every
reminder in it is the old or the new one, all the same), no file is
missing, and no temporary file stands under a calendar's name.

Usage: test-export-kill.py SERVWEEK_CLI [ROUNDS]
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import icalendar

TRIGGER = re.compile(rb"^TRIGGER:-PT(\d+)M\r$", re.MULTILINE)


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def cli_env():
    return dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")


def export_args(cli, db, folder, reminder):
    return [cli, "--db", db, "export-ics", "--per-person", folder, "--reminder", str(reminder)]


def snapshot(folder):
    files = {}
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            files[name] = f.read()
    return files


def check_whole(name, data, old, new_reminder):
    """@data is @old, or a whole calendar whose reminders are all @new_reminder."""
    if data == old:
        return "old"
    if not data.startswith(b"BEGIN:VCALENDAR\r\n") or not data.endswith(b"END:VCALENDAR\r\n"):
        fail(f"{name} is cut short ({len(data)} bytes)")
    if data.count(b"BEGIN:VEVENT\r\n") != data.count(b"END:VEVENT\r\n"):
        fail(f"{name} has an unclosed event")
    try:
        icalendar.Calendar.from_ical(data)
    except ValueError as error:
        fail(f"{name} does not read as a calendar: {error}")
    reminders = set(int(m) for m in TRIGGER.findall(data))
    if reminders and reminders != {new_reminder}:
        fail(f"{name} mixes reminders {sorted(reminders)}, expected {new_reminder}")
    return "new"


def main():
    cli = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    tmp = tempfile.mkdtemp(prefix="servweek-export-kill-")
    try:
        db = os.path.join(tmp, "plan.db")
        folder = os.path.join(tmp, "people")
        subprocess.run([cli, "--db", db, "init", "--sample"], check=True, env=cli_env(),
                       stdout=subprocess.DEVNULL)

        # How long a whole export takes: the kills fall within it.
        started = time.monotonic()
        subprocess.run(export_args(cli, db, folder, 15), check=True, env=cli_env(),
                       stdout=subprocess.DEVNULL)
        duration = max(time.monotonic() - started, 0.005)
        files = snapshot(folder)
        if len(files) < 5:
            fail(f"the sample plan gave only {len(files)} files")

        rng = random.Random(int(os.environ.get("SERVWEEK_KILL_SEED", "20261203")))
        reminder = 15
        outcomes = {"old": 0, "new": 0}
        killed = 0
        for _ in range(rounds):
            reminder = 45 - reminder  # 15, 30, 15, …
            proc = subprocess.Popen(export_args(cli, db, folder, reminder), env=cli_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 1.2))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            proc.wait()

            after = snapshot(folder)
            for name, old in files.items():
                if name not in after:
                    fail(f"{name} is gone after a killed export")
                outcomes[check_whole(name, after[name], old, reminder)] += 1
            for name in after:
                if name.endswith(".ics") and not name.startswith(".") and name not in files:
                    fail(f"a file {name} appeared that no export writes")
            files = {name: data for name, data in after.items() if not name.startswith(".")}

        if killed < rounds // 2:
            fail(f"only {killed} of {rounds} exports were killed before they ended")
        print(f"ok: {rounds} exports, {killed} killed mid-way; {len(files)} files each time "
              f"whole: {outcomes['old']} old, {outcomes['new']} new")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
