#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""servweek-cli changes on the sample plan, against what each person
last received in an exported calendar file.

- Nobody has received anything: no notice, whatever moves (exit 0).
- After the per-person export, moving the desk an hour tells exactly the
  desk's people (exit 1), in text and in TSV, in English and in Chinese;
  moving it back leaves nothing to tell.
- The change slips (print --sheet changes) carry each of them.
- A department whose people leave every duty gets no file from a
  per-department export: its people are still to be told (duty removed),
  everyone the export reached is not.

Usage: test-cli-changes.py SERVWEEK-CLI
"""

import os
import sqlite3
import subprocess
import sys
import tempfile

DESK = "广场服务台"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


class Cli:
    def __init__(self, cli, db):
        self.cli = cli
        self.db = db
        self.env = dict(os.environ, SERVWEEK_DB=db, LC_ALL="C.UTF-8", LANGUAGE="en")

    def run(self, *args, status=0, env=None):
        result = subprocess.run([self.cli, *args], env=env or self.env, capture_output=True, text=True,
                                timeout=120)
        if result.returncode != status:
            fail(f"servweek-cli {' '.join(args)} exited {result.returncode} (wanted {status}):\n"
                 f"{result.stdout}{result.stderr}")
        return result.stdout

    def tsv(self, status):
        lines = self.run("changes", "--format", "tsv", status=status).splitlines()
        return [line.split("\t") for line in lines]

    def sql(self, query, *args):
        with sqlite3.connect(self.db) as connection:
            return connection.execute(query, args).fetchall()


def main():
    if len(sys.argv) != 2:
        fail(__doc__)
    with tempfile.TemporaryDirectory(prefix="servweek-changes-") as tmp:
        cli = Cli(sys.argv[1], os.path.join(tmp, "servweek.db"))
        cli.run("init", "--sample")
        result = subprocess.run([cli.cli, "changes", "--format", "xml"], env=cli.env, capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 2 or "unknown format" not in result.stderr or result.stdout:
            fail(f"changes --format xml: {result.returncode} {result.stderr!r}")
        uid, start, end = cli.sql("SELECT uid, start, \"end\" FROM slot WHERE title = ?", DESK)[0]
        day = start[:11]
        on_desk = {name for (name,) in cli.sql(
            "SELECT p.name FROM assignment a JOIN person p ON p.id = a.person_id "
            "JOIN slot s ON s.id = a.slot_id WHERE s.uid = ?", uid)}
        if len(on_desk) < 2:
            fail(f"the sample's desk has {len(on_desk)} people")

        # Nobody received a calendar yet.
        cli.run("move-slot", "--slot", uid, "--start", day + "10:00", "--end", day + "12:00")
        if cli.run("changes") != "":
            fail("notices for people who never received a calendar")
        cli.run("move-slot", "--slot", uid, "--start", start, "--end", end)

        cli.run("export-ics", "--per-person", os.path.join(tmp, "people"))
        if cli.run("changes") != "":
            fail("notices right after everybody received their calendar")

        # The desk moves: its people, and only they.
        cli.run("move-slot", "--slot", uid, "--start", day + "10:00", "--end", day + "12:00")
        rows = cli.tsv(status=1)
        if {row[0] for row in rows} != on_desk:
            fail(f"told {sorted(row[0] for row in rows)}, the desk has {sorted(on_desk)}")
        for row in rows:
            if row[2:] != ["time", uid, "09:00–11:00", "10:00–12:00"] or len(row) != 6:
                fail(f"a TSV line: {row}")
        someone = sorted(on_desk)[0]
        text = cli.run("changes", "--person", someone, status=1)
        if text.count("\n") != 1 or not text.startswith(f"{someone}: ") or "10:00–12:00" not in text:
            fail(f"{someone}'s notice: {text!r}")
        chinese = dict(cli.env, LC_ALL="zh_CN.UTF-8", LANGUAGE="zh_CN")
        text = cli.run("changes", "--person", someone, status=1, env=chinese)
        wanted = f"{someone}：您在“诚信工程”优质服务宣传周的安排有变动："
        if not text.startswith(wanted) or "广场服务台 时间由 09:00–11:00 改为 10:00–12:00" not in text \
                or not text.rstrip().endswith("如有疑问请致电 0799-95598。"):
            fail(f"the Chinese notice: {text!r}")
        print(text.strip())

        # The change slips: one per person to tell, with their notice.
        pdf = os.path.join(tmp, "changes.pdf")
        cli.run("print", "--sheet", "changes", "--pdf", pdf)
        shown = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                               check=True, timeout=60).stdout
        for name in on_desk:
            if name not in shown:
                fail(f"the change slips leave out {name}")
        if shown.count("10:00–12:00") != len(on_desk) or "Change notices" not in shown:
            fail(f"the change slips:\n{shown}")

        # Back where it was: nothing to tell, nothing to print.
        cli.run("move-slot", "--slot", uid, "--start", start, "--end", end)
        if cli.run("changes") != "":
            fail("notices after the desk moved back")
        result = subprocess.run([cli.cli, "print", "--sheet", "changes", "--pdf", pdf + "2"], env=cli.env,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 2 or "nobody has changes" not in result.stderr or os.path.exists(pdf + "2"):
            fail(f"change slips with nobody to tell: {result.returncode} {result.stderr!r}")

        # A department leaves every duty: no file for it from a
        # per-department export, so its people are still to be told.
        department, = cli.sql(
            "SELECT d.name FROM assignment a JOIN person p ON p.id = a.person_id "
            "JOIN department d ON d.id = p.department_id JOIN slot s ON s.id = a.slot_id "
            "WHERE s.uid = ? ORDER BY p.id LIMIT 1", uid)[0]
        leaving = cli.sql(
            "SELECT DISTINCT p.name, s.uid FROM assignment a JOIN person p ON p.id = a.person_id "
            "JOIN department d ON d.id = p.department_id JOIN slot s ON s.id = a.slot_id WHERE d.name = ?",
            department)
        for name, slot in leaving:
            cli.run("unassign", "--slot", slot, "--person", name)
        cli.run("move-slot", "--slot", uid, "--start", day + "10:00", "--end", day + "12:00")
        paths = cli.run("export-ics", "--per-department", os.path.join(tmp, "departments"))
        if department in paths:
            fail(f"{department}, without a duty, got a file: {paths}")
        rows = cli.tsv(status=1)
        told = {row[0] for row in rows}
        if told != {name for name, _slot in leaving}:
            fail(f"after the department export, told {sorted(told)}; {department} is "
                 f"{sorted(name for name, _slot in leaving)}")
        if {row[1] for row in rows} != {department} or {row[2] for row in rows} != {"removed"}:
            fail(f"after the department export: {rows}")
        print(f"{len(told)} people of {department} still to be told, everyone else up to date")


if __name__ == "__main__":
    main()
