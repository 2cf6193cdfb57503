#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The server set-up of data/caldav on a real Radicale: the coordinator's
account makes and fills calendars under its principal; anybody without
an account reads a calendar named by a token (by GET, as webcal does, and
by a CalDAV PROPFIND), writes none, and cannot list the principal, the
root or a calendar whose name is no token; a wrong password gets nothing.

Usage: test-server-rights.py SRCDIR"""

import os
import secrets
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from radicale_server import RadicaleServer  # noqa: E402

MKCALENDAR = """<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>周建国 · 服务周</D:displayname></D:prop></D:set>
</C:mkcalendar>
"""

EVENT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//servweek//Service Week Planner//EN\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20260901T000000Z\r
DTSTART:20260921T010000Z\r
DTEND:20260921T030000Z\r
SUMMARY:广场服务台\r
END:VEVENT\r
END:VCALENDAR\r
"""

PROPFIND = """<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:displayname/><D:getetag/></D:prop></D:propfind>
"""

failures = []


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what + (f" ({detail})" if detail and not condition else ""))
    if not condition:
        failures.append(what)


def denied(status):
    return status in (401, 403)


def main():
    srcdir = sys.argv[1]
    with RadicaleServer(srcdir) as server:
        me = server.user
        token = secrets.token_hex(16)
        calendar = f"/{me}/{token}/"
        private = f"/{me}/notes/"
        uid = f"{secrets.token_hex(8)}@servweek"
        item = f"{calendar}{uid}.ics"

        # The coordinator: makes a token calendar and a plain one, and an event.
        status, _, body = server.request("MKCALENDAR", calendar, MKCALENDAR, user=me)
        check("the coordinator makes a token calendar", status == 201, f"{status} {body[:200]!r}")
        status, _, _ = server.request("MKCALENDAR", private, MKCALENDAR, user=me)
        check("the coordinator makes a calendar without a token", status == 201, str(status))
        status, headers, _ = server.request("PUT", item, EVENT.format(uid=uid), user=me,
                                            headers={"Content-Type": "text/calendar; charset=utf-8",
                                                     "If-None-Match": "*"})
        check("the coordinator creates an event", status == 201, str(status))
        check("the server gives the event an ETag", "etag" in headers, str(headers))
        status, _, body = server.request("PROPFIND", f"/{me}/", PROPFIND, user=me,
                                         headers={"Depth": "1", "Content-Type": "application/xml"})
        check("the coordinator lists their calendars", status == 207 and token.encode() in body,
              f"{status} {body[:200]!r}")

        # Anybody, without an account: reads the token calendar.
        status, headers, body = server.request("GET", calendar)
        text = body.decode("utf-8", "replace")
        check("anybody reads the token calendar by GET", status == 200, str(status))
        check("the calendar read holds the event, in Chinese",
              "BEGIN:VCALENDAR" in text and uid in text and "广场服务台" in text, text[:200])
        status, _, body = server.request("PROPFIND", calendar, PROPFIND,
                                         headers={"Depth": "1", "Content-Type": "application/xml"})
        # (The event's href may spell "@" as "%40".)
        check("anybody reads the token calendar by CalDAV",
              status == 207 and (uid.encode() in body or uid.replace("@", "%40").encode() in body),
              f"{status} {body[:200]!r}")
        status, _, _ = server.request("GET", item)
        check("anybody reads one event of it", status == 200, str(status))

        # … and writes nothing.
        other = f"{calendar}{secrets.token_hex(8)}@servweek.ics"
        status, _, _ = server.request("PUT", other, EVENT.format(uid="intruder@example"),
                                      headers={"Content-Type": "text/calendar"})
        check("anybody cannot add an event", denied(status), str(status))
        status, _, _ = server.request("PUT", item, EVENT.format(uid=uid),
                                      headers={"Content-Type": "text/calendar"})
        check("anybody cannot change an event", denied(status), str(status))
        status, _, _ = server.request("DELETE", item)
        check("anybody cannot delete an event", denied(status), str(status))
        status, _, _ = server.request("DELETE", calendar)
        check("anybody cannot delete the calendar", denied(status), str(status))
        status, _, _ = server.request("MKCALENDAR", f"/{me}/{secrets.token_hex(16)}/", MKCALENDAR)
        check("anybody cannot make a calendar", denied(status), str(status))
        status, _, body = server.request("GET", item, user=me)
        check("the event is as the coordinator wrote it", status == 200 and b"intruder" not in body,
              str(status))

        # … and lists nothing: not the tokens, not the root, not a calendar without a token.
        for path in (f"/{me}/", "/"):
            status, _, body = server.request("PROPFIND", path, PROPFIND,
                                             headers={"Depth": "1", "Content-Type": "application/xml"})
            check(f"anybody cannot list {path}", denied(status) and token.encode() not in body, str(status))
            # (Radicale answers a GET of the root with its web page's address.)
            status, _, body = server.request("GET", path)
            check(f"anybody cannot read {path}", (denied(status) or status == 302) and token.encode() not in body,
                  str(status))
        status, _, _ = server.request("GET", private)
        check("anybody cannot read a calendar without a token", denied(status), str(status))
        status, _, _ = server.request("GET", f"/{me}/{secrets.token_hex(8)}/")
        check("a short token is no token", denied(status), str(status))

        # A wrong password is no account.
        status, _, _ = server.request("PUT", other, EVENT.format(uid="wrong@example"), user=me,
                                      password="wrong", headers={"Content-Type": "text/calendar"})
        check("a wrong password cannot write", status == 401, str(status))
        status, _, _ = server.request("GET", private, user=me, password="wrong")
        check("a wrong password cannot read", status == 401, str(status))

        if failures:
            print(server.log_text(), file=sys.stderr)

    if failures:
        print(f"{len(failures)} checks failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
