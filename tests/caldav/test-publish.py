#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""servweek-cli publish on a real Radicale, read back by independent clients.

test-publish.py SRCDIR SERVWEEK-CLI ICAL.JS

- The sample plan publishes; each person's calendar, fetched without an
  account as a subscriber's client does (a GET of the collection), parses
  in python-icalendar and ical.js with every start at the time stored in
  the database, without the staff's phone numbers; vdirsyncer syncs one
  person's calendar into a folder that khal lists.
- After a slot moves and a person leaves it, a second publish sends only
  the resources of that slot (counted in the server's log); an unchanged
  third publish sends nothing.
- An item edited on the server by another program is left alone and
  reported (exit status 1) until --overwrite.
- A publish killed half-way, published again, leaves the server equal to
  a clean publish of the same plan.
- The password file must be private; a wrong password and a refused
  connection give one clear line each.
"""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from radicale_server import RadicaleServer  # noqa: E402
from publish_helpers import (Cli, fail, get_calendar, listing, log_mark,  # noqa: E402
                             path_of, requests_since)

import icalendar  # noqa: E402

DESK = "广场服务台"


def slots_in_db(db):
    with sqlite3.connect(db) as connection:
        zone = connection.execute("SELECT time_zone FROM plan").fetchone()[0]
        rows = connection.execute("SELECT uid, start, \"end\", title FROM slot").fetchall()
    return zone, {uid: (start, end, title) for uid, start, end, title in rows}


def tasks_in_db(db):
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT uid, due FROM task").fetchall())


def text_or_none(component, name):
    return str(component[name]) if name in component else None


def check_with_parsers(srcdir, ical_js, tmp, name, body, db):
    """python-icalendar and ical.js read @body with each start at the
    stored local time, in the plan's zone."""
    zone, slots = slots_in_db(db)
    calendar = icalendar.Calendar.from_ical(body)
    items = []
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if uid not in slots:
            fail(f"{name}'s calendar has an event {uid} that is no slot")
        start, end, title = slots[uid]
        dtstart = event.decoded("DTSTART")
        dtend = event.decoded("DTEND")
        if dtstart.strftime("%Y-%m-%dT%H:%M") != start or dtend.strftime("%Y-%m-%dT%H:%M") != end:
            fail(f"{name}: {title} reads {dtstart}–{dtend} in python-icalendar, stored {start}–{end}")
        if str(dtstart.tzinfo) != zone and getattr(dtstart.tzinfo, "zone", None) != zone \
                and getattr(dtstart.tzinfo, "key", None) != zone:
            fail(f"{name}: {title} is in zone {dtstart.tzinfo}, not {zone}")
        if not str(event["SUMMARY"]).startswith(title):
            fail(f"{name}: {title} has the summary {event['SUMMARY']}")
        items.append({
            "uid": uid, "kind": "VEVENT",
            "start": start, "start_utc": int(dtstart.timestamp()),
            "end": end, "end_utc": int(dtend.timestamp()),
            "summary": str(event["SUMMARY"]),
            "location": text_or_none(event, "LOCATION"),
            "description": text_or_none(event, "DESCRIPTION"),
            "status": text_or_none(event, "STATUS"),
            "sequence": int(event.get("SEQUENCE", 0)),
        })
    tasks = tasks_in_db(db)
    for todo in calendar.walk("VTODO"):
        uid = str(todo["UID"])
        if uid not in tasks:
            fail(f"{name}'s calendar has a to-do {uid} that is no task")
        due = todo.decoded("DUE") if "DUE" in todo else None
        if (due.strftime("%Y-%m-%dT%H:%M") if due is not None else None) != tasks[uid]:
            fail(f"{name}: the to-do {todo['SUMMARY']} is due {due}, stored {tasks[uid]}")
        items.append({
            "uid": uid, "kind": "VTODO",
            "due": tasks[uid], "due_utc": int(due.timestamp()) if due is not None else None,
            "summary": str(todo["SUMMARY"]),
            "location": text_or_none(todo, "LOCATION"),
            "description": text_or_none(todo, "DESCRIPTION"),
            "status": text_or_none(todo, "STATUS"),
            "sequence": int(todo.get("SEQUENCE", 0)),
        })
    if not items:
        fail(f"{name}'s calendar is empty")
    path = os.path.join(tmp, f"{len(os.listdir(tmp))}.ics")
    with open(path, "wb") as f:
        f.write(body)
    expected = os.path.join(tmp, "expected.json")
    with open(expected, "w", encoding="utf-8") as f:
        json.dump({"files": [{"path": path, "zone": zone, "items": items}]}, f, ensure_ascii=False)
    result = subprocess.run(["node", os.path.join(srcdir, "tests", "export", "ics-check.mjs"),
                             ical_js, expected], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        fail(f"ical.js on {name}'s calendar:\n{result.stdout}{result.stderr}")
    return items


def check_vdirsyncer_khal(server, tmp, name, url, items):
    """vdirsyncer syncs the calendar as a subscriber (no account) into a
    folder; khal lists every event at its time."""
    folder = os.path.join(tmp, "vdir")
    config = os.path.join(tmp, "vdirsyncer.conf")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"""[general]
status_path = "{tmp}/status/"

[pair staff]
a = "staff_local"
b = "staff_remote"
collections = null

[storage staff_local]
type = "filesystem"
path = "{folder}/"
fileext = ".ics"

[storage staff_remote]
type = "caldav"
url = "{url}"
read_only = true
""")
    os.makedirs(folder, exist_ok=True)
    env = dict(os.environ, HOME=tmp, LC_ALL="C.UTF-8")
    for step in (["discover"], ["sync"]):
        result = subprocess.run(["vdirsyncer", "-c", config, *step], env=env, input="y\n" * 4,
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            fail(f"vdirsyncer {step[0]}: {result.stdout}{result.stderr}")
    synced = [n for n in os.listdir(folder) if n.endswith(".ics")]
    events = [item for item in items if item["kind"] == "VEVENT"]
    if len(synced) != len(items):
        fail(f"vdirsyncer synced {len(synced)} items of {name}'s {len(items)}")

    khal_config = os.path.join(tmp, "khal.conf")
    with open(khal_config, "w", encoding="utf-8") as f:
        f.write(f"""[calendars]
[[staff]]
path = {folder}/
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Asia/Shanghai
default_timezone = Asia/Shanghai
[sqlite]
path = {tmp}/khal.db
""")
    first = min(item["start"] for item in events)[:10]
    result = subprocess.run(["khal", "-c", khal_config, "list", "--format",
                             "{start-date} {start-time}-{end-time} {title}", first, "30d"],
                            env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        fail(f"khal list: {result.stdout}{result.stderr}")
    lines = result.stdout.splitlines()
    for item in events:
        want = f"{item['start'][:10]} {item['start'][11:]}-{item['end'][11:]} {item['summary']}"
        if want not in lines:
            fail(f"khal lists {name}'s calendar without {want!r}:\n{result.stdout}")
    return len(events)


def resources(server, user_path):
    """Every calendar of the account: token → {uid: item text without
    the stamps that say when it was written}."""
    out = {}
    for collection in listing(server, user_path):
        token = collection.rstrip("/").rsplit("/", 1)[1]
        out[token] = {}
        for href in listing(server, collection):
            status, _headers, body = server.request("GET", href, user=server.user)
            if status != 200:
                fail(f"GET {href}: {status}")
            text = body.decode().replace("\r\n ", "")
            kept = [line for line in text.splitlines()
                    if not line.startswith(("DTSTAMP:", "CREATED:", "LAST-MODIFIED:"))]
            out[token][href.rsplit("/", 1)[1]] = "\n".join(kept)
    return out


def main():
    if len(sys.argv) != 4:
        fail(__doc__)
    srcdir, cli_path, ical_js = sys.argv[1:4]
    for program in ("vdirsyncer", "khal", "node", "zbarimg", "pdftoppm"):
        if shutil.which(program) is None:
            fail(f"{program} is missing: build-aux/ensure-deps installs it")

    with RadicaleServer(srcdir) as server:
        tmp = tempfile.mkdtemp(prefix="servweek-publish-")
        try:
            run(server, srcdir, cli_path, ical_js, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("ok")


def run(server, srcdir, cli_path, ical_js, tmp):
    db = os.path.join(tmp, "servweek.db")
    cli = Cli(cli_path, db, server.password)
    cli.run("init", "--sample")
    fresh = os.path.join(tmp, "fresh.db")
    shutil.copy(db, fresh)
    home = f"/{server.user}/"
    server_url = server.url(home)

    # The password: private file, else refused; wrong, refused clearly.
    secret = os.path.join(tmp, "password")
    with open(secret, "w", encoding="utf-8") as f:
        f.write(server.password + "\n")
    os.chmod(secret, 0o644)
    no_env = {k: v for k, v in cli.env.items() if k != "SERVWEEK_CALDAV_PASSWORD"}
    # No server yet: said before the password is asked for.
    result = cli.run("publish", status=2, env=no_env)
    if "--server URL" not in result.stderr or "PASSWORD" in result.stderr:
        fail(f"a publish without a server: {result.stderr!r}")
    result = cli.run("publish", "--server", server_url, "--user", server.user,
                     "--password-file", secret, status=2, env=no_env)
    if "chmod 600" not in result.stderr:
        fail(f"a password file others can read: {result.stderr!r}")
    result = cli.run("publish", "--server", server_url, "--user", server.user, status=2, env=no_env)
    if "SERVWEEK_CALDAV_PASSWORD" not in result.stderr:
        fail(f"no password: {result.stderr!r}")
    wrong = dict(cli.env, SERVWEEK_CALDAV_PASSWORD="not-it")
    result = cli.run("publish", "--server", server_url, "--user", server.user, status=2, env=wrong)
    if len(result.stderr.strip().splitlines()) != 1 or "127.0.0.1" not in result.stderr:
        fail(f"a wrong password: {result.stderr!r}")
    print(f"wrong password: {result.stderr.strip()}")
    if server.password in result.stderr + result.stdout:
        fail("the password was printed")

    # 1. The sample publishes.
    os.chmod(secret, 0o600)
    mark = log_mark(server)
    result = cli.run("publish", "--server", server_url, "--user", server.user,
                     "--password-file", secret, env=no_env)
    first = requests_since(server, mark)
    n_put = sum(1 for method, _ in first if method == "PUT")
    n_made = sum(1 for method, _ in first if method == "MKCALENDAR")
    print(f"first publish: {result.stdout.strip()} ({len(first)} requests, {n_made} calendars, {n_put} items)")
    if n_put == 0 or n_made == 0 or f"{n_put} items sent" not in result.stdout:
        fail(f"the first publish sent {n_put} items: {result.stdout!r}")
    with sqlite3.connect(db) as connection:
        if server.password in str(connection.execute("SELECT * FROM publish_target").fetchall()):
            fail("the password is in the database")
        phones = [p for (p,) in connection.execute("SELECT phone FROM person WHERE phone != ''")]

    people = cli.subscriptions()
    if len(people) < 10:
        fail(f"subscriptions lists {len(people)} people")
    checked = 0
    for name, url in people.items():
        body = get_calendar(server, url)
        for phone in phones:
            if phone in body.decode():
                fail(f"{name}'s calendar shows the phone number {phone}")
        check_with_parsers(srcdir, ical_js, tmp, name, body, db)
        checked += 1
    print(f"{checked} subscriptions read by python-icalendar and ical.js at the stored times, no phone numbers")
    # The duty slips and the subscriptions sheet carry QR codes that a
    # reader decodes to the subscription addresses.
    for sheet, wanted in (("slips", None), ("subscriptions", set(people.values()))):
        pdf = os.path.join(tmp, f"{sheet}.pdf")
        cli.run("print", "--sheet", sheet, "--pdf", pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "300", pdf, os.path.join(tmp, sheet)], check=True)
        decoded = set()
        for page in sorted(n for n in os.listdir(tmp) if n.startswith(sheet + "-") and n.endswith(".png")):
            result = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(tmp, page)],
                                    capture_output=True, text=True, timeout=60)
            decoded |= set(line for line in result.stdout.splitlines() if line)
        if wanted is None:
            with sqlite3.connect(db) as connection:
                on_duty = {name for (name,) in connection.execute(
                    "SELECT DISTINCT p.name FROM assignment a JOIN person p ON p.id = a.person_id")}
            wanted = {url for name, url in people.items() if name in on_duty}
        if decoded != wanted:
            fail(f"the {sheet} sheet's QR codes decode to {sorted(decoded - wanted)[:3]}…, "
                 f"missing {sorted(wanted - decoded)[:3]}")
        print(f"the {sheet} sheet: {len(decoded)} QR codes decode to the subscription addresses")

    # Anonymous clients read, but neither write nor list the tokens.
    status, _h, _b = server.request("PROPFIND", home, headers={"Depth": "1"})
    if status not in (401, 403):
        fail(f"an anonymous PROPFIND of {home} answered {status}")
    some_url = next(iter(people.values()))
    status, _h, _b = server.request("PUT", path_of(server, some_url) + "x.ics",
                                    body="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    if status not in (401, 403):
        fail(f"an anonymous PUT answered {status}")

    # 2. The desk moves an hour and one of its people leaves it.
    zone, slots = slots_in_db(db)
    desk_uid = next(uid for uid, (_s, _e, title) in slots.items() if title == DESK)
    with sqlite3.connect(db) as connection:
        leaver = connection.execute(
            "SELECT p.name FROM assignment a JOIN person p ON p.id = a.person_id "
            "JOIN slot s ON s.id = a.slot_id WHERE s.uid = ? ORDER BY p.id LIMIT 1", (desk_uid,)).fetchone()[0]
    leaver_url = people[leaver]
    start, end, _title = slots[desk_uid]
    cli.run("move-slot", "--slot", desk_uid, "--start", start[:11] + "10:00", "--end", start[:11] + "12:00")
    cli.run("unassign", "--slot", desk_uid, "--person", leaver)
    # Who must be told: the desk's people, the leaver taken off it.
    told = [line.split("\t") for line in cli.run("changes", "--format", "tsv", status=1).stdout.splitlines()]
    if [row[2] for row in told if row[0] == leaver] != ["removed"] or \
            {row[2] for row in told if row[0] != leaver} != {"time"}:
        fail(f"the changes before the second publish: {told}")
    mark = log_mark(server)
    result = cli.run("publish", "--password-file", secret, env=no_env)
    second = requests_since(server, mark)
    # The publish told them all.
    if cli.run("changes").stdout != "":
        fail("changes left after the publish")
    writes = [(m, p) for m, p in second if m in ("PUT", "DELETE", "MKCALENDAR", "PROPPATCH")]
    print(f"second publish: {result.stdout.strip()}; requests {sorted(set(m for m, _ in second))}, "
          f"{len(writes)} writes")
    if not writes or any(not p.endswith(f"/{desk_uid}.ics") for _m, p in writes):
        fail(f"the second publish wrote more than the desk's resources: {writes}")
    deletes = [p for m, p in writes if m == "DELETE"]
    # The leaver's, and their department's when nobody else of it is on
    # the desk.
    if f"{path_of(server, leaver_url)}{desk_uid}.ics" not in deletes or len(deletes) > 2:
        fail(f"the second publish deleted {deletes}, not {leaver}'s desk")
    body = get_calendar(server, leaver_url).decode()
    if desk_uid in body:
        fail(f"{leaver}'s calendar still has the desk")
    moved = 0
    for name, url in people.items():
        if name == leaver:
            continue
        calendar = icalendar.Calendar.from_ical(get_calendar(server, url))
        for event in calendar.walk("VEVENT"):
            if str(event["UID"]) == desk_uid:
                moved += 1
                if event.decoded("DTSTART").strftime("%H:%M") != "10:00":
                    fail(f"{name}'s desk starts {event.decoded('DTSTART')}")
                if int(event["SEQUENCE"]) < 1:
                    fail(f"{name}'s moved desk has SEQUENCE {event['SEQUENCE']}")
    puts = [p for m, p in writes if m == "PUT"]
    if moved == 0 or len(puts) < moved:
        fail(f"{moved} people see the moved desk, {len(puts)} PUTs")
    print(f"the moved desk reached {moved} people once each; {leaver}'s calendar no longer has it")

    # vdirsyncer and khal, as a subscriber with the moved desk.
    holder = next(name for name, url in people.items()
                  if name != leaver and desk_uid in get_calendar(server, url).decode())
    body = get_calendar(server, people[holder])
    items = check_with_parsers(srcdir, ical_js, tmp, holder, body, db)
    n = check_vdirsyncer_khal(server, tmp, holder, people[holder], items)
    print(f"vdirsyncer synced {holder}'s {n} events, khal lists each at its time")

    # 3. Unchanged: nothing sent.
    mark = log_mark(server)
    result = cli.run("publish", "--password-file", secret, env=no_env)
    third = requests_since(server, mark)
    if any(m in ("PUT", "DELETE", "MKCALENDAR", "PROPPATCH") for m, _ in third):
        fail(f"an unchanged publish wrote: {third}")
    print(f"third publish, unchanged: {len(third)} requests, {result.stdout.strip()}")

    # 4. An item edited on the server by someone's calendar client.
    holder_path = path_of(server, people[holder])
    item_path = f"{holder_path}{desk_uid}.ics"
    status, headers, body = server.request("GET", item_path, user=server.user)
    edited = body.decode().replace("PRODID:-//servweek//Service Week Planner//EN",
                                   "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN")
    edited = re.sub(r"SUMMARY:[^\r\n]*", "SUMMARY:改在东门", edited, count=1)
    status, _h, _b = server.request("PUT", item_path, body=edited, user=server.user,
                                    headers={"Content-Type": "text/calendar", "If-Match": headers["etag"]})
    if status not in (201, 204):
        fail(f"editing {item_path} answered {status}")
    cli.run("move-slot", "--slot", desk_uid, "--start", start[:11] + "10:30", "--end", start[:11] + "12:30")
    result = cli.run("publish", "--password-file", secret, env=no_env, status=1)
    if "changed on the server" not in result.stdout or "改在东门" not in result.stdout:
        fail(f"the conflict was not reported: {result.stdout!r}")
    status, _h, body = server.request("GET", item_path, user=server.user)
    if "改在东门" not in body.decode():
        fail("the edited item was overwritten without --overwrite")
    result = cli.run("publish", "--password-file", secret, "--overwrite", env=no_env)
    status, _h, body = server.request("GET", item_path, user=server.user)
    if "改在东门" in body.decode() or "T103000" not in body.decode():
        fail(f"--overwrite left {body.decode()[:300]}")
    print("an item edited on the server: reported and kept, then replaced with --overwrite")

    # 5. Killed half-way and published again equals a clean publish.
    killed_db = os.path.join(tmp, "killed.db")
    clean_db = os.path.join(tmp, "clean.db")
    shutil.copy(fresh, killed_db)
    shutil.copy(fresh, clean_db)
    clean = Cli(cli_path, clean_db, server.password)
    killed = Cli(cli_path, killed_db, server.password)
    known = set(listing(server, home))
    clean.run("publish", "--server", server_url, "--user", server.user)
    clean_tokens = set(listing(server, home)) - known
    mark = log_mark(server)
    process = subprocess.Popen([cli_path, "publish", "--server", server_url, "--user", server.user],
                               env=killed.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if sum(1 for m, _ in requests_since(server, mark) if m == "PUT") >= n_put // 3:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait()
    if process.returncode != -signal.SIGKILL:
        fail(f"the publish ended ({process.returncode}) before it could be killed")
    sent = sum(1 for m, _ in requests_since(server, mark) if m == "PUT")
    killed.run("publish")
    killed_tokens = set(listing(server, home)) - known - clean_tokens
    if len(killed_tokens) != len(clean_tokens):
        fail(f"after the kill the account has {len(killed_tokens)} new calendars, a clean publish "
             f"{len(clean_tokens)}: left-over calendars")
    everything = resources(server, home)

    def by_person(cli_of):
        subs = cli_of.subscriptions()
        return {name: everything[url.rstrip("/").rsplit("/", 1)[1]] for name, url in subs.items()}

    clean_view, killed_view = by_person(clean), by_person(killed)
    if clean_view != killed_view:
        differing = [n for n in clean_view if clean_view[n] != killed_view.get(n)]
        fail(f"killed after {sent} items and published again, the calendars of {differing[:5]} "
             f"differ from a clean publish")
    print(f"killed after {sent} of {n_put} items, published again: {len(killed_view)} people's calendars "
          f"equal a clean publish's")

    # 6. A refused connection.
    refused = dict(cli.env)
    result = cli.run("publish", "--server", "http://127.0.0.1:9/nobody/", "--user", "x", status=2, env=refused)
    if len(result.stderr.strip().splitlines()) != 1 or "127.0.0.1" not in result.stderr:
        fail(f"a refused connection: {result.stderr!r}")
    print(f"refused connection: {result.stderr.strip()}")


if __name__ == "__main__":
    main()
