# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tests of servweek-cli publish share: running the CLI, reading
Radicale's log and the account's collections, and the database's publish
records.

    cli = Cli(cli_path, db, server.password)
    mark = log_mark(server)
    cli.run("publish", "--server", server.url(home), "--user", server.user)
    requests_since(server, mark)   # [(method, path), …]
"""

import os
import re
import sqlite3
import subprocess
import sys

REQUEST = re.compile(r"\[INFO\] (\w+) request for '([^']*)'")
WRITES = ("PUT", "DELETE", "MKCALENDAR", "PROPPATCH")


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


class Cli:
    def __init__(self, cli, db, password):
        self.cli = cli
        self.env = dict(os.environ, SERVWEEK_DB=db, SERVWEEK_CALDAV_PASSWORD=password,
                        LC_ALL="C.UTF-8", LANGUAGE="en")
        self.db = db

    def run(self, *args, status=0, env=None):
        result = subprocess.run([self.cli, *args], env=env or self.env, capture_output=True,
                                text=True, timeout=300)
        if status is not None and result.returncode != status:
            fail(f"servweek-cli {' '.join(args)} exited {result.returncode} (wanted {status}):\n"
                 f"{result.stdout}{result.stderr}")
        return result

    def subscriptions(self):
        out = self.run("subscriptions").stdout
        rows = [line.split("\t") for line in out.splitlines()]
        for row in rows:
            if len(row) != 3 or not row[2].startswith("http://"):
                fail(f"subscriptions printed {row!r}")
        return {name: url for name, _department, url in rows}


def requests_since(server, mark):
    lines = server.log_text()[mark:].splitlines()
    return [m.groups() for m in map(REQUEST.search, lines) if m]


def log_mark(server):
    return len(server.log_text())


def path_of(server, url):
    prefix = server.url("")
    if not url.startswith(prefix):
        fail(f"{url} is not on the test server")
    return url[len(prefix):]


def get_calendar(server, url):
    """The calendar a subscriber gets: a GET of the collection, no account."""
    status, headers, body = server.request("GET", path_of(server, url))
    if status != 200:
        fail(f"GET {url} without an account: {status}")
    return body


def listing(server, collection_path, user=True):
    """href → etag of the items of a collection, as the coordinator sees it."""
    status, _headers, body = server.request(
        "PROPFIND", collection_path, headers={"Depth": "1", "Content-Type": "application/xml"},
        body='<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>',
        user=server.user if user else None)
    if status != 207:
        fail(f"PROPFIND {collection_path}: {status}")
    text = body.decode()
    items = {}
    for response in re.findall(r"<(?:\w+:)?response>(.*?)</(?:\w+:)?response>", text, re.S):
        href = re.search(r"<(?:\w+:)?href>([^<]*)</", response).group(1)
        etag = re.search(r"<(?:\w+:)?getetag>([^<]*)</", response)
        if href.rstrip("/") != collection_path.rstrip("/"):
            items[href] = etag.group(1) if etag else None
    return items


def calendar_properties(server, collection_path):
    """The display name, colour and description of a collection, as the
    coordinator reads them (PROPFIND, Depth 0); None for a missing one."""
    status, _headers, body = server.request(
        "PROPFIND", collection_path, headers={"Depth": "0", "Content-Type": "application/xml"},
        body='<?xml version="1.0"?><D:propfind xmlns:D="DAV:" '
             'xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:A="http://apple.com/ns/ical/">'
             '<D:prop><D:displayname/><A:calendar-color/><C:calendar-description/></D:prop>'
             '</D:propfind>',
        user=server.user)
    if status != 207:
        fail(f"PROPFIND {collection_path}: {status}")
    text = body.decode()
    out = {}
    for name in ("displayname", "calendar-color", "calendar-description"):
        m = re.search(rf"<(?:\w+:)?{name}(?: [^>]*)?>([^<]*)</(?:\w+:)?{name}>", text)
        out[name] = m.group(1) if m else None
    return out


def publish_calendars(db):
    """calendar_key → row of publish_calendar, as a dict."""
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return {row["calendar_key"]: dict(row)
                for row in connection.execute("SELECT * FROM publish_calendar")}


def publish_resources(db):
    """(calendar_key, uid) → (etag, hash) of publish_resource."""
    with sqlite3.connect(db) as connection:
        return {(key, uid): (etag, digest) for key, uid, etag, digest in connection.execute(
            "SELECT calendar_key, uid, etag, hash FROM publish_resource")}
