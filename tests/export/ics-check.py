#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks calendar files with the parsers staff calendars use.

ics-check.py PARSER EXPECTED.json
  PARSER: icalendar | vobject | khal-printics | calcurse
  EXPECTED.json (written by test-ics-parsers): the files and, for each, every
  item with its UID, kind, start/end/due as local wall time in the plan's
  zone and as seconds since the epoch, summary, location, description,
  status and sequence.
ics-check.py khal-import FIRST.ics SECOND.ics EXPECTED.json
  Imports FIRST then SECOND into one khal calendar and checks that it holds
  exactly one entry per UID, with the values of SECOND.

Prints "checked N" (the number of items compared) and exits 0, or prints
what differs and exits 1.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zoneinfo

failures = []
REPORT = re.compile(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped")
APT = re.compile(r"(\d\d/\d\d/\d{4} @ \d\d:\d\d) -> (\d\d/\d\d/\d{4} @ \d\d:\d\d)")


def fail(message):
    failures.append(message)


def local(value, zone):
    """A datetime (aware or naive wall time) as 'YYYY-MM-DDTHH:MM' in zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone)
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.strftime("%Y-%m-%d") + "T00:00"


def epoch(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return int(value.timestamp())
    return None


def compare(where, name, got, want):
    if got != want:
        fail(f"{where}: {name} is {got!r}, expected {want!r}")


def check_times(where, item, zone, start, end, due):
    if item["kind"] == "VEVENT":
        compare(where, "DTSTART", local(start, zone), item["start"])
        compare(where, "DTSTART instant", epoch(start), item["start_utc"])
        if end is not None or item.get("end"):
            compare(where, "DTEND", local(end, zone) if end is not None else None, item.get("end"))
            compare(where, "DTEND instant", epoch(end) if end is not None else None, item.get("end_utc"))
    else:
        if item.get("due"):
            compare(where, "DUE", local(due, zone) if due is not None else None, item["due"])
            compare(where, "DUE instant", epoch(due) if due is not None else None, item["due_utc"])
        else:
            compare(where, "DUE", due, None)


def check_icalendar(expected):
    import icalendar

    n = 0
    for f in expected["files"]:
        zone = zoneinfo.ZoneInfo(f["zone"])
        with open(f["path"], "rb") as fp:
            cal = icalendar.Calendar.from_ical(fp.read())
        found = {}
        for comp in cal.walk():
            if comp.name in ("VEVENT", "VTODO"):
                found[str(comp.get("uid"))] = comp
        compare(f["path"], "number of items", len(found), len(f["items"]))
        for item in f["items"]:
            where = f"{os.path.basename(f['path'])} {item['uid']}"
            comp = found.get(item["uid"])
            if comp is None:
                fail(f"{where}: missing")
                continue
            compare(where, "kind", comp.name, item["kind"])
            get = lambda key: comp.get(key).dt if comp.get(key) is not None else None
            check_times(where, item, zone, get("dtstart"), get("dtend"), get("due"))
            for key in ("summary", "location", "description", "status"):
                value = comp.get(key)
                compare(where, key, str(value) if value is not None else None, item.get(key))
            compare(where, "sequence", int(comp.get("sequence")), item["sequence"])
            n += 1
    return n


def check_vobject(expected):
    import vobject

    n = 0
    for f in expected["files"]:
        zone = zoneinfo.ZoneInfo(f["zone"])
        with open(f["path"], encoding="utf-8", newline="") as fp:
            text = fp.read()
        cals = list(vobject.readComponents(text))
        if len(cals) != 1:
            fail(f"{f['path']}: {len(cals)} calendars")
            continue
        found = {}
        for comp in cals[0].getChildren():
            if comp.name in ("VEVENT", "VTODO"):
                found[comp.uid.value] = comp
        compare(f["path"], "number of items", len(found), len(f["items"]))
        for item in f["items"]:
            where = f"{os.path.basename(f['path'])} {item['uid']}"
            comp = found.get(item["uid"])
            if comp is None:
                fail(f"{where}: missing")
                continue
            compare(where, "kind", comp.name, item["kind"])

            def get(key):
                child = getattr(comp, key, None) if key in comp.contents else None
                return child.value if child is not None else None

            check_times(where, item, zone, get("dtstart"), get("dtend"), get("due"))
            for key in ("summary", "location", "description", "status"):
                compare(where, key, get(key), item.get(key))
            compare(where, "sequence", int(get("sequence")), item["sequence"])
            n += 1
    return n


def khal_config(directory, zone):
    calendar = os.path.join(directory, "calendar")
    os.makedirs(calendar, exist_ok=True)
    config = os.path.join(directory, "khal.conf")
    with open(config, "w", encoding="utf-8") as fp:
        fp.write(f"""[calendars]
[[servweek]]
path = {calendar}
type = calendar
[locale]
local_timezone = {zone}
default_timezone = {zone}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
""")
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = os.path.join(directory, "config")
    env["XDG_DATA_HOME"] = os.path.join(directory, "data")
    env["XDG_CACHE_HOME"] = os.path.join(directory, "cache")
    env["TZ"] = zone
    return config, calendar, env


def run(argv, env):
    done = subprocess.run(argv, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        fail(f"{' '.join(argv)} exited with {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def check_khal_printics(expected):
    n = 0
    for f in expected["files"]:
        with tempfile.TemporaryDirectory() as directory:
            config, _, env = khal_config(directory, f["zone"])
            out = run(["khal", "-c", config, "printics", "--format",
                       "{uid}\t{start}\t{end}\t{status}", f["path"]], env)
        lines = out.splitlines()
        events = [i for i in f["items"] if i["kind"] == "VEVENT"]
        compare(f["path"], "khal header", lines[0] if lines else None,
                f"{len(events)} events found in {f['path']}")
        got = {}
        for line in lines[1:]:
            parts = line.rstrip(" ").split("\t")
            if len(parts) == 4:
                got[parts[0]] = parts
        for item in events:
            where = f"{os.path.basename(f['path'])} {item['uid']}"
            parts = got.get(item["uid"])
            if parts is None:
                fail(f"{where}: missing in khal printics")
                continue
            compare(where, "start", parts[1], item["start"])
            compare(where, "end", parts[2], item["end"])
            compare(where, "status", parts[3].strip(), item["status"])
            n += 1
    return n


def check_calcurse(expected):
    n = 0
    for f in expected["files"]:
        with tempfile.TemporaryDirectory() as directory:
            env = dict(os.environ)
            env["TZ"] = f["zone"]
            env["HOME"] = directory
            out = run(["calcurse", "-D", directory, "-i", f["path"]], env)
            events = [i for i in f["items"] if i["kind"] == "VEVENT"]
            todos = [i for i in f["items"] if i["kind"] == "VTODO"]
            report = REPORT.search(out)
            counts = tuple(int(g) for g in report.groups()) if report else None
            if counts != (len(events), 0, len(todos), 0):
                fail(f"{f['path']}: calcurse reports {out.strip()!r}, expected "
                     f"{len(events)} appointments and {len(todos)} to-dos, none skipped")
            apts = []
            path = os.path.join(directory, "apts")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as fp:
                    for line in fp:
                        # MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM>note |summary
                        match = APT.match(line)
                        if match is None:
                            fail(f"{f['path']}: calcurse appointment not understood: {line!r}")
                            continue
                        start, end = [datetime.datetime.strptime(part, "%m/%d/%Y @ %H:%M")
                                      for part in match.groups()]
                        apts.append((start.strftime("%Y-%m-%dT%H:%M"), end.strftime("%Y-%m-%dT%H:%M")))
            want = sorted((i["start"], i["end"]) for i in events)
            compare(f["path"], "calcurse appointments", sorted(apts), want)
            n += len(events) + len(todos)
    return n


def check_khal_import(first, second, expected):
    f = expected["files"][0]
    with tempfile.TemporaryDirectory() as directory:
        config, calendar, env = khal_config(directory, f["zone"])
        for path in (first, second):
            run(["khal", "-c", config, "import", "--batch", "-a", "servweek", path], env)
        entries = sorted(os.listdir(calendar))
        import icalendar
        by_uid = {}
        for name in entries:
            with open(os.path.join(calendar, name), "rb") as fp:
                cal = icalendar.Calendar.from_ical(fp.read())
            for comp in cal.walk("VEVENT"):
                uid = str(comp.get("uid"))
                if uid in by_uid:
                    fail(f"khal holds {uid} twice")
                by_uid[uid] = comp
        events = [i for i in f["items"] if i["kind"] == "VEVENT"]
        compare("khal calendar", "entries", len(entries), len(events))
        compare("khal calendar", "UIDs", sorted(by_uid), sorted(i["uid"] for i in events))
        zone = zoneinfo.ZoneInfo(f["zone"])
        n = 0
        for item in events:
            comp = by_uid.get(item["uid"])
            if comp is None:
                continue
            where = f"khal {item['uid']}"
            compare(where, "DTSTART", local(comp.get("dtstart").dt, zone), item["start"])
            compare(where, "DTEND", local(comp.get("dtend").dt, zone), item["end"])
            compare(where, "summary", str(comp.get("summary")), item["summary"])
            compare(where, "status", str(comp.get("status")), item["status"])
            compare(where, "sequence", int(comp.get("sequence")), item["sequence"])
            n += 1
        # khal's own view agrees.
        out = run(["khal", "-c", config, "list", "--format", "{uid}\t{start}", "--day-format", "",
                   expected["from"], expected["to"]], env)
        listed = [line.split("\t") for line in out.splitlines() if "\t" in line]
        for item in events:
            if item["status"] == "CANCELLED":
                continue
            if [item["uid"], item["start"]] not in listed:
                fail(f"khal list lacks {item['uid']} at {item['start']}")
        return n


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "khal-import":
        with open(sys.argv[4], encoding="utf-8") as fp:
            expected = json.load(fp)
        n = check_khal_import(sys.argv[2], sys.argv[3], expected)
    elif len(sys.argv) == 3:
        with open(sys.argv[2], encoding="utf-8") as fp:
            expected = json.load(fp)
        checks = {
            "icalendar": check_icalendar,
            "vobject": check_vobject,
            "khal-printics": check_khal_printics,
            "calcurse": check_calcurse,
        }
        n = checks[sys.argv[1]](expected)
    else:
        print(__doc__, file=sys.stderr)
        return 2

    for message in failures[:50]:
        print(message)
    if failures:
        print(f"{len(failures)} differences")
        return 1
    print(f"checked {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
