// SPDX-License-Identifier: GPL-3.0-or-later
// Checks calendar files with ical.js (the parser in Thunderbird).
// node ics-check.mjs PATH/TO/ical.js EXPECTED.json
// Prints "checked N" and exits 0, or prints what differs and exits 1.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , modulePath, expectedPath] = process.argv;
const ICAL = (await import(pathToFileURL(modulePath).href)).default;
const expected = JSON.parse(readFileSync(expectedPath, 'utf-8'));
const failures = [];
let n = 0;

function compare(where, name, got, want) {
  if (got !== want)
    failures.push(`${where}: ${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

// "YYYY-MM-DDTHH:MM" of an ICAL.Time, which keeps the wall time of its zone.
function wall(time) {
  return time.toString().slice(0, 16);
}

for (const file of expected.files) {
  const text = readFileSync(file.path, 'utf-8');
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    failures.push(`${file.path}: ${error}`);
    continue;
  }
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(vtimezone);
  compare(file.path, 'VTIMEZONE TZID',
          calendar.getFirstSubcomponent('vtimezone').getFirstPropertyValue('tzid'), file.zone);

  const found = new Map();
  for (const kind of ['vevent', 'vtodo'])
    for (const component of calendar.getAllSubcomponents(kind))
      found.set(component.getFirstPropertyValue('uid'), component);
  compare(file.path, 'number of items', found.size, file.items.length);

  for (const item of file.items) {
    const where = `${file.path} ${item.uid}`;
    const component = found.get(item.uid);
    if (!component) {
      failures.push(`${where}: missing`);
      continue;
    }
    compare(where, 'kind', component.name.toUpperCase(), item.kind);
    const times = item.kind === 'VEVENT'
      ? [['dtstart', item.start, item.start_utc], ['dtend', item.end, item.end_utc]]
      : [['due', item.due, item.due_utc]];
    for (const [name, local, utc] of times) {
      const value = component.getFirstPropertyValue(name);
      if (local === null || local === undefined) {
        compare(where, name, value, null);
        continue;
      }
      if (!value) {
        failures.push(`${where}: no ${name}`);
        continue;
      }
      compare(where, `${name} zone`, value.zone ? value.zone.tzid : null, file.zone);
      compare(where, name, wall(value), local);
      compare(where, `${name} instant`, value.toUnixTime(), utc);
    }
    for (const name of ['summary', 'location', 'description', 'status'])
      compare(where, name, component.getFirstPropertyValue(name), item[name] ?? null);
    compare(where, 'sequence', component.getFirstPropertyValue('sequence'), item.sequence);
    n++;
  }
}

for (const failure of failures.slice(0, 50))
  console.log(failure);
if (failures.length > 0) {
  console.log(`${failures.length} differences`);
  process.exit(1);
}
console.log(`checked ${n}`);
