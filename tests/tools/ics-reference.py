#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent reference for the per-person calendar export: reads a
plan exchange file (servweek-cli export-plan) and writes, with
python-icalendar, one .ics file per person who holds a duty or attends a
slot, with one VEVENT per slot: UID, DTSTAMP, DTSTART and DTEND in the
plan's zone (TZID, no VTIMEZONE), SUMMARY (title · duty), LOCATION,
DESCRIPTION (the duty and the teammates) and an ATTENDEE per person.

Usage: ics-reference.py PLAN.json DIR"""

import datetime
import json
import os
import sys

import icalendar


def main():
    plan_path, folder = sys.argv[1], sys.argv[2]
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    zone = plan["plan"].get("timezone", "Asia/Shanghai")
    people = {p["key"]: p for p in plan["people"]}
    events = {}
    for slot in plan["slots"]:
        seats = [(key, duty["name"]) for duty in slot.get("duties", []) for key in duty.get("people", [])]
        seats += [(key, None) for key in slot.get("attendees", [])]
        for key, duty in seats:
            events.setdefault(key, []).append((slot, duty, seats))
    stamp = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    os.makedirs(folder, exist_ok=True)
    for key, held in events.items():
        person = people[key]
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//servweek reference//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", plan["plan"]["title"] + " · " + person["name"])
        for slot, duty, seats in held:
            event = icalendar.Event()
            event.add("uid", slot["uid"])
            event.add("dtstamp", stamp)
            for name in ("start", "end"):
                moment = datetime.datetime.fromisoformat(slot[name])
                event.add("dt" + name, moment, parameters={"TZID": zone})
            event.add("summary", slot["title"] + (" · " + duty if duty else ""))
            if slot.get("location"):
                event.add("location", slot["location"])
            mates = "\n".join("- " + people[k]["name"] + " · " + (d or "") + " · " + people[k].get("phone", "")
                              for k, d in seats if k != key)
            event.add("description", "Duty: " + (duty or "Attendee") + "\nTeammates:\n" + mates)
            for k, _ in seats:
                event.add("attendee", "mailto:" + people[k].get("email", k),
                          parameters={"CN": people[k]["name"], "PARTSTAT": "ACCEPTED"})
            calendar.add_component(event)
        with open(os.path.join(folder, key + ".ics"), "wb") as f:
            f.write(calendar.to_ical())


if __name__ == "__main__":
    main()
