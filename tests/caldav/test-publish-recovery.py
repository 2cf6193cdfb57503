#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""servweek-cli publish on a real Radicale when the server's copy is not
the one recorded.

test-publish-recovery.py SRCDIR SERVWEEK-CLI ICAL.JS

- --keep: an item another client edited stays theirs (exit status 0, no
  conflict printed, their ETag recorded); an unchanged publish leaves it;
  once the plan changes that slot again, ours replaces it.
- A removal answered 412 (the item was edited on the server, then its
  person left the slot): reported (exit status 1) and kept, with its
  record; removed and counted under --overwrite.
- An item another client deleted, then changed in the plan: made again,
  and counted among the items sent.
- A person's whole calendar deleted on the server: the next publish makes
  it again under the same token, with every item and its name.
- A department's new colour reaches its calendar and its people's (a
  PROPPATCH each, no item sent), and is recorded; calendars recorded
  without a colour get theirs once.
"""

import os
import re
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from radicale_server import RadicaleServer  # noqa: E402
from publish_helpers import (WRITES, Cli, calendar_properties, fail, get_calendar,  # noqa: E402
                             listing, log_mark, path_of, publish_calendars, publish_resources,
                             requests_since)

SUMMARY = re.compile(r"^(\d+) calendars published: (\d+) items sent, (\d+) removed, "
                     r"(\d+) calendars removed$", re.M)
OUR_PRODID = "PRODID:-//servweek//Service Week Planner//EN"
THEIR_PRODID = "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN"


def counts(result):
    """(calendars, items sent, removed, calendars removed) as printed."""
    m = SUMMARY.search(result.stdout)
    if m is None:
        fail(f"publish printed no summary: {result.stdout!r}")
    return tuple(int(n) for n in m.groups())


def crowded_slots(db):
    """The slots with three people or more, by start: uid → [(person id,
    name, department id)] in the order of the people's ids."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT s.uid, p.id, p.name, p.department_id FROM assignment a "
            "JOIN slot s ON s.id = a.slot_id JOIN person p ON p.id = a.person_id "
            "ORDER BY s.start, s.uid, p.id").fetchall()
    slots = {}
    for uid, person_id, name, department_id in rows:
        slots.setdefault(uid, []).append((person_id, name, department_id))
    return {uid: people for uid, people in slots.items() if len(people) >= 3}


def slot_times(db, uid):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT start, \"end\" FROM slot WHERE uid = ?", (uid,)).fetchone()


def move_later(cli, uid, minutes):
    """Moves the slot @minutes later (within its day); its new start."""
    start, end = slot_times(cli.db, uid)

    def later(stamp):
        hours, mins = int(stamp[11:13]), int(stamp[14:16]) + minutes
        return f"{stamp[:11]}{hours + mins // 60:02d}:{mins % 60:02d}"

    cli.run("move-slot", "--slot", uid, "--start", later(start), "--end", later(end))
    return later(start)


def collection_of(db, key):
    return f"/coordinator/{publish_calendars(db)[key]['token']}/"


def read_item(server, path):
    status, headers, body = server.request("GET", path, user=server.user)
    if status != 200:
        fail(f"GET {path}: {status}")
    return headers["etag"], body.decode()


def edit_on_server(server, path, summary):
    """Someone's calendar client renames the item at @path: its own
    PRODID, a higher SEQUENCE.  The new ETag."""
    etag, text = read_item(server, path)
    edited = text.replace(OUR_PRODID, THEIR_PRODID)
    edited = re.sub(r"\r\nSUMMARY[^:\r\n]*:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*", f"\r\nSUMMARY:{summary}",
                    edited, count=1)
    edited = re.sub(r"\r\nSEQUENCE:(\d+)", lambda m: f"\r\nSEQUENCE:{int(m.group(1)) + 1}", edited, count=1)
    if THEIR_PRODID not in edited or f"SUMMARY:{summary}" not in edited or "SEQUENCE:" not in edited:
        fail(f"could not edit {path}:\n{text}")
    status, _h, _b = server.request("PUT", path, body=edited, user=server.user,
                                    headers={"Content-Type": "text/calendar", "If-Match": etag})
    if status not in (201, 204):
        fail(f"editing {path} answered {status}")
    return read_item(server, path)[0]


def item_hrefs(server, collection):
    return {href.rsplit("/", 1)[1]: etag for href, etag in listing(server, collection).items()}


def check_records_match_server(server, db, key):
    """Every item recorded for @key is on the server with the recorded
    ETag, and the server holds no other."""
    recorded = {uid + ".ics": etag for (k, uid), (etag, _hash) in publish_resources(db).items() if k == key}
    on_server = item_hrefs(server, collection_of(db, key))
    if recorded != on_server:
        fail(f"{key}: recorded {sorted(recorded.items())[:3]}…, the server has {sorted(on_server.items())[:3]}…")
    return len(recorded)


def main():
    if len(sys.argv) != 4:
        fail(__doc__)
    srcdir, cli_path, _ical_js = sys.argv[1:4]

    with RadicaleServer(srcdir) as server:
        tmp = tempfile.mkdtemp(prefix="servweek-publish-recovery-")
        try:
            run(server, cli_path, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("ok")


def run(server, cli_path, tmp):
    db = os.path.join(tmp, "servweek.db")
    cli = Cli(cli_path, db, server.password)
    cli.run("init", "--sample")
    home = f"/{server.user}/"
    cli.run("publish", "--server", server.url(home), "--user", server.user)
    people = cli.subscriptions()
    slots = crowded_slots(db)
    keep_uid, removal_uid, vanished_uid, lost_uid = list(slots)[1:5]

    keep(server, cli, people, keep_uid, slots[keep_uid])
    removal(server, cli, removal_uid, slots[removal_uid])
    vanished(server, cli, vanished_uid, slots[vanished_uid])
    lost_calendar(server, cli, people, lost_uid, slots[lost_uid])
    colour(server, cli, people)


def keep(server, cli, people, uid, on_slot):
    db = cli.db
    person_id, name, _department = on_slot[0]
    key = f"person:{person_id}"
    path = f"{path_of(server, people[name])}{uid}.ics"
    their_etag = edit_on_server(server, path, "改到东门，九点")
    start = move_later(cli, uid, 30)
    n_recorded = sum(1 for (_k, u) in publish_resources(db) if u == uid)

    mark = log_mark(server)
    result = cli.run("publish", "--keep")
    puts = [p for m, p in requests_since(server, mark) if m == "PUT"]
    if "changed on the server" in result.stdout:
        fail(f"--keep reported a conflict: {result.stdout!r}")
    # Every calendar with the slot was sent it; theirs answered 412.
    if path not in puts or len(puts) != n_recorded or counts(result)[1] != n_recorded - 1:
        fail(f"--keep: {len(puts)} PUTs of {n_recorded} calendars with the slot, printed {result.stdout!r}")
    etag, text = read_item(server, path)
    if etag != their_etag or THEIR_PRODID not in text or "改到东门，九点" not in text:
        fail(f"--keep replaced their edit:\n{text}")
    if publish_resources(db)[(key, uid)][0] != their_etag:
        fail(f"--keep recorded {publish_resources(db)[(key, uid)][0]}, not their ETag {their_etag}")
    if publish_calendars(db)[key]["digest"] is None:
        fail(f"--keep left {name}'s calendar not wholly published")

    # Unchanged: theirs stays, nothing is sent.
    mark = log_mark(server)
    result = cli.run("publish")
    writes = [(m, p) for m, p in requests_since(server, mark) if m in WRITES]
    if writes or counts(result) != (0, 0, 0, 0) or read_item(server, path)[0] != their_etag:
        fail(f"an unchanged publish after --keep wrote {writes}: {result.stdout!r}")

    # The plan changes the slot again: ours, under the default policy.
    start = move_later(cli, uid, 30)
    result = cli.run("publish")
    etag, text = read_item(server, path)
    if OUR_PRODID not in text or "改到东门" in text or f"T{start[11:13]}{start[14:16]}00" not in text:
        fail(f"after the slot changed again {name}'s item is still theirs:\n{text}")
    if counts(result)[1] != n_recorded or publish_resources(db)[(key, uid)][0] != etag:
        fail(f"the second change: {result.stdout!r}, recorded {publish_resources(db)[(key, uid)]}, "
             f"the server {etag}")
    print(f"--keep: {name}'s edited item stays theirs until the slot changes again ({counts(result)})")


def removal(server, cli, uid, on_slot):
    db = cli.db
    person_id, name, _department = on_slot[0]
    key = f"person:{person_id}"
    path = f"{collection_of(db, key)}{uid}.ics"
    edit_on_server(server, path, "我还去")
    before = publish_resources(db)
    cli.run("unassign", "--slot", uid, "--person", name)

    result = cli.run("publish", status=1)
    calendar_name = publish_calendars(db)[key]["name"]
    if f"changed on the server, not removed: {calendar_name}: 我还去\n" not in result.stdout:
        fail(f"the removal of an edited item was not reported: {result.stdout!r}")
    if "--overwrite" not in result.stdout:
        fail(f"the report names no way out: {result.stdout!r}")
    etag, text = read_item(server, path)
    if "我还去" not in text:
        fail(f"the edited item was removed without --overwrite:\n{text}")
    after = publish_resources(db)
    if (key, uid) not in after or publish_calendars(db)[key]["digest"] is not None:
        fail(f"the kept item's record: {after.get((key, uid))}, digest {publish_calendars(db)[key]['digest']}")
    # Its department's calendar loses the slot when nobody else of it is on.
    removed = {k for k in before if k not in after}
    if counts(result)[2] != len(removed):
        fail(f"{len(removed)} records went, the publish printed {result.stdout!r}")

    mark = log_mark(server)
    result = cli.run("publish", "--overwrite")
    deletes = [p for m, p in requests_since(server, mark) if m == "DELETE"]
    if counts(result) != (1, 0, 1, 0) or deletes != [path, path]:
        fail(f"--overwrite of a removal: {result.stdout!r}, DELETEs {deletes}")
    status, _h, _b = server.request("GET", path, user=server.user)
    if status != 404 or (key, uid) in publish_resources(db) or publish_calendars(db)[key]["digest"] is None:
        fail(f"after --overwrite the item answers {status}, its record {publish_resources(db).get((key, uid))}")
    check_records_match_server(server, db, key)
    print(f"a removal answered 412: reported and kept, then removed with --overwrite ({counts(result)})")


def vanished(server, cli, uid, on_slot):
    db = cli.db
    person_id, name, _department = on_slot[-1]
    key = f"person:{person_id}"
    path = f"{collection_of(db, key)}{uid}.ics"
    status, _h, _b = server.request("DELETE", path, user=server.user)
    if status not in (200, 204):
        fail(f"DELETE {path}: {status}")
    start = move_later(cli, uid, 15)
    n_recorded = sum(1 for (_k, u) in publish_resources(db) if u == uid)

    mark = log_mark(server)
    result = cli.run("publish")
    puts = [p for m, p in requests_since(server, mark) if m == "PUT"]
    # Ours with If-Match answered 412, then made anew.
    if counts(result) != (n_recorded, n_recorded, 0, 0) or puts.count(path) != 2:
        fail(f"an item deleted on the server: {result.stdout!r} for {n_recorded} calendars, "
             f"{puts.count(path)} PUTs of it")
    etag, text = read_item(server, path)
    if OUR_PRODID not in text or f"T{start[11:13]}{start[14:16]}00" not in text:
        fail(f"{name}'s item deleted on the server came back as\n{text}")
    check_records_match_server(server, db, key)
    print(f"an item deleted on the server, then changed: made again ({counts(result)})")


def lost_calendar(server, cli, people, uid, on_slot):
    db = cli.db
    with sqlite3.connect(db) as connection:
        person_id, name = max(((p, n) for p, n, _d in on_slot), key=lambda pn: connection.execute(
            "SELECT count(*) FROM assignment WHERE person_id = ?", (pn[0],)).fetchone()[0])
    key = f"person:{person_id}"
    collection = collection_of(db, key)
    url = people[name]
    recorded = publish_calendars(db)[key]
    items = set(item_hrefs(server, collection))
    if path_of(server, url) != collection or len(items) < 2:
        fail(f"{name}'s calendar {collection} ({url}) has {len(items)} items")
    status, _h, _b = server.request("DELETE", collection, user=server.user)
    if status not in (200, 204):
        fail(f"DELETE {collection}: {status}")
    move_later(cli, uid, 15)

    mark = log_mark(server)
    result = cli.run("publish")
    made = [p for m, p in requests_since(server, mark) if m == "MKCALENDAR"]
    if made != [collection]:
        fail(f"the lost calendar: MKCALENDAR of {made}: {result.stdout!r}")
    if cli.subscriptions()[name] != url or publish_calendars(db)[key]["token"] != recorded["token"]:
        fail(f"{name}'s address changed: {cli.subscriptions()[name]}")
    body = get_calendar(server, url).decode()
    if set(item_hrefs(server, collection)) != items or any(i[:-4] not in body for i in items):
        fail(f"{name}'s calendar came back with {sorted(item_hrefs(server, collection))}, not {sorted(items)}")
    properties = calendar_properties(server, collection)
    if properties["displayname"] != recorded["name"] or not properties["calendar-color"]:
        fail(f"{name}'s calendar came back as {properties}")
    if check_records_match_server(server, db, key) != len(items) or publish_calendars(db)[key]["digest"] is None:
        fail(f"{name}'s records after the calendar was made again")
    print(f"a calendar deleted on the server: made again under its token with its {len(items)} items "
          f"({counts(result)})")


def colour(server, cli, people):
    db = cli.db
    with sqlite3.connect(db) as connection:
        department_id, old = connection.execute(
            "SELECT d.id, d.color FROM department d JOIN person p ON p.department_id = d.id "
            "GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1").fetchone()
        members = {p for (p,) in connection.execute("SELECT id FROM person WHERE department_id = ?",
                                                    (department_id,))}
        new = "#33d17a" if old.lower() != "#33d17a" else "#e01b24"
        connection.execute("UPDATE department SET color = ? WHERE id = ?", (new, department_id))
    calendars = publish_calendars(db)
    keys = {k for k in calendars
            if k == f"department:{department_id}" or (k.startswith("person:") and int(k[7:]) in members)}
    others = {k: calendar_properties(server, collection_of(db, k))["calendar-color"]
              for k in calendars if k not in keys}
    if len(keys) < 2 or any(calendar_properties(server, collection_of(db, k))["calendar-color"] != old
                            for k in keys):
        fail(f"department {department_id}'s calendars {sorted(keys)} are not {old}")

    mark = log_mark(server)
    result = cli.run("publish")
    writes = sorted((m, p) for m, p in requests_since(server, mark) if m in WRITES)
    if writes != sorted(("PROPPATCH", collection_of(db, k)) for k in keys):
        fail(f"a colour change wrote {writes}, not a PROPPATCH of each of {sorted(keys)}")
    if counts(result) != (len(keys), 0, 0, 0):
        fail(f"a colour change printed {result.stdout!r} for {len(keys)} calendars")
    for k in calendars:
        got = calendar_properties(server, collection_of(db, k))
        want = new if k in keys else others[k]
        if got["calendar-color"] != want or got["displayname"] != calendars[k]["name"]:
            fail(f"{k}'s calendar is {got} after the colour change, not {want}")
        if publish_calendars(db)[k]["color"] != want:
            fail(f"{k}: the colour recorded is {publish_calendars(db)[k]['color']}, not {want}")

    mark = log_mark(server)
    cli.run("publish")
    writes = [(m, p) for m, p in requests_since(server, mark) if m in WRITES]
    if writes:
        fail(f"an unchanged publish after the colour change wrote {writes}")
    print(f"a department's new colour reached its {len(keys)} calendars ({counts(result)})")

    # Records from before the colours were (schema version 6): each
    # calendar gets its colour once, and it is recorded.
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE publish_calendar SET color = NULL")
    mark = log_mark(server)
    result = cli.run("publish")
    writes = sorted((m, p) for m, p in requests_since(server, mark) if m in WRITES)
    if writes != sorted(("PROPPATCH", collection_of(db, k)) for k in calendars) or \
            counts(result) != (len(calendars), 0, 0, 0):
        fail(f"calendars of unknown colour: {result.stdout!r}, wrote {writes}")
    recorded = {k: c["color"] for k, c in publish_calendars(db).items()}
    if recorded != {k: (new if k in keys else others[k]) for k in calendars}:
        fail(f"the colours recorded after the upgrade: {recorded}")
    print(f"calendars recorded without a colour get it once ({counts(result)})")


if __name__ == "__main__":
    main()
