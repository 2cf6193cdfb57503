#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every servweek-cli command under valgrind memcheck: no memory errors and
no definite leaks (--errors-for-leak-kinds=definite --error-exitcode).

Usage: test-valgrind.py SERVWEEK_CLI SUPPRESSIONS
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

VALGRIND_ERROR = 99


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


BUSY_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//servweek tests//EN\r
BEGIN:VEVENT\r
UID:valgrind-1\r
DTSTAMP:20260901T000000Z\r
DTSTART;TZID=Asia/Shanghai:20260922T090000\r
DTEND;TZID=Asia/Shanghai:20260922T110000\r
SUMMARY:Dentist\r
END:VEVENT\r
END:VCALENDAR\r
"""


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    cli, suppressions = sys.argv[1:3]
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        fail("valgrind is missing (install valgrind)")

    tmp = tempfile.mkdtemp(prefix="servweek-valgrind-")
    db = os.path.join(tmp, "servweek.db")
    env = dict(os.environ, G_SLICE="always-malloc", G_DEBUG="gc-friendly",
               LC_ALL="C.UTF-8", LANGUAGE="en")
    env.pop("MALLOC_CHECK_", None)
    env.pop("MALLOC_PERTURB_", None)

    plan_json = os.path.join(tmp, "plan.json")
    roster_csv = os.path.join(tmp, "roster.csv")
    with open(roster_csv, "w", encoding="utf-8") as f:
        f.write("姓名,部门,电话\r\n王测试,党群办,13800000001\r\n李测试,新科室,13800000002\r\n坏行,,\r\n")
    busy_ics = os.path.join(tmp, "busy.ics")
    with open(busy_ics, "w", encoding="utf-8") as f:
        f.write(BUSY_ICS)
    slot_title = "广场服务台"
    two_values = os.path.join(tmp, "two-values.json")
    with open(two_values, "w", encoding="utf-8") as f:
        f.write('1{"format": "servweek-plan", "version": 1}\n')

    # (arguments, exit statuses that are right)
    commands = [
        (["init", "--sample"], (0,)),
        (["plans"], (0,)),
        (["show"], (0,)),
        (["check"], (0, 1)),
        (["export-plan", plan_json], (0,)),
        (["import-plan", plan_json], (0,)),
        (["--db", db, "delete-nothing"], (2,)),  # an unknown command: the error path
        (["export-ics", "--plan", "1", "--out", os.path.join(tmp, "plan.ics")], (0,)),
        (["export-ics", "--plan", "1", "--per-person", os.path.join(tmp, "people")], (0,)),
        (["export-ics", "--plan", "1", "--per-department", os.path.join(tmp, "departments")], (0,)),
        (["print", "--plan", "1", "--sheet", "roles", "--pdf", os.path.join(tmp, "roles.pdf")], (0,)),
        (["print", "--plan", "1", "--sheet", "week", "--pdf", os.path.join(tmp, "week.pdf")], (0,)),
        (["print", "--plan", "1", "--sheet", "slips", "--pdf", os.path.join(tmp, "slips.pdf")], (0,)),
        (["print", "--plan", "1", "--sheet", "roles", "--xlsx", os.path.join(tmp, "roles.xlsx")], (0,)),
        (["import-roster", roster_csv, "--dry-run"], (0,)),
        (["import-roster", roster_csv], (0,)),
        (["export-roster", os.path.join(tmp, "roster-out.csv")], (0,)),
        (["import-busy", "--plan", "1", "--person", "王测试", busy_ics], (0,)),
        (["autofill", "--plan", "1", "--dry-run"], (0,)),
        (["autofill", "--plan", "1"], (0,)),
        (["assign", "--plan", "1", "--slot", slot_title, "--person", "王测试"], (0,)),
        (["unassign", "--plan", "1", "--slot", slot_title, "--person", "王测试"], (0,)),
        (["move-slot", "--plan", "1", "--slot", slot_title,
          "--start", "2026-09-23T09:30", "--end", "2026-09-23T11:30"], (0,)),
        (["new-plan", "--title", "Valgrind", "--first", "2026-10-01", "--last", "2026-10-03"], (0,)),
        (["import-plan", os.path.join(tmp, "missing.json")], (2,)),
        # Two JSON values: json-glib 1.6 leaks on these unless turned away.
        (["import-plan", two_values], (2,)),
        (["show", "--plan", "999"], (2,)),
    ]

    started = time.monotonic()
    try:
        for args, statuses in commands:
            argv = [valgrind, "--quiet", "--tool=memcheck", "--leak-check=full",
                    "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
                    f"--error-exitcode={VALGRIND_ERROR}", f"--suppressions={suppressions}",
                    "--num-callers=30", cli]
            if args[0] != "--db":
                argv += ["--db", db]
            argv += args
            t0 = time.monotonic()
            result = subprocess.run(argv, env=env, capture_output=True, text=True,
                                    stdin=subprocess.DEVNULL, timeout=600)
            took = time.monotonic() - t0
            name = " ".join(args)
            if result.returncode == VALGRIND_ERROR:
                sys.stderr.write(result.stderr)
                fail(f"valgrind found errors or definite leaks in: servweek-cli {name}")
            if result.returncode not in statuses:
                sys.stderr.write(result.stderr)
                fail(f"servweek-cli {name} exited {result.returncode}, expected {statuses}")
            if "==" in result.stderr and "Invalid" in result.stderr:
                sys.stderr.write(result.stderr)
                fail(f"valgrind reported an invalid access in: servweek-cli {name}")
            print(f"ok: servweek-cli {name} (exit {result.returncode}, {took:.1f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(commands)} commands clean under memcheck in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
