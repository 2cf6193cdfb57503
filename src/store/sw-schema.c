/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-private.h"

/*
 * Schema version 1.
 *
 * Every table of an owned entity has an AUTOINCREMENT id (ids are never
 * reused, so an undo that re-inserts a deleted row with its old id cannot
 * collide with a newer row) and a list_order giving the item's place in
 * its owner's list.  Owned children cascade on delete; references to
 * objects owned elsewhere become NULL.  Times are 'YYYY-MM-DDTHH:MM' and
 * days 'YYYY-MM-DD' (sw-time.h); enumerations are stored as their nicks.
 */
static const char schema_v1[] =
  "PRAGMA application_id = 1398232912;\n"  /* SW_STORE_APPLICATION_ID */

  "CREATE TABLE department (\n"
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  name        TEXT NOT NULL,\n"
  "  short_name  TEXT NOT NULL DEFAULT '',\n"
  "  color       TEXT NOT NULL DEFAULT '',\n"
  "  position    INTEGER NOT NULL DEFAULT 0\n"
  ");\n"

  "CREATE TABLE person (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  name          TEXT NOT NULL,\n"
  "  department_id INTEGER REFERENCES department (id) ON DELETE SET NULL,\n"
  "  title         TEXT NOT NULL DEFAULT '',\n"
  "  phone         TEXT NOT NULL DEFAULT '',\n"
  "  email         TEXT NOT NULL DEFAULT '',\n"
  "  notes         TEXT NOT NULL DEFAULT '',\n"
  "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))\n"
  ");\n"
  "CREATE INDEX person_department ON person (department_id);\n"

  "CREATE TABLE unavailability (\n"
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  start       TEXT NOT NULL,\n"
  "  \"end\"       TEXT NOT NULL,\n"
  "  reason      TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX unavailability_person ON unavailability (person_id);\n"

  "CREATE TABLE plan (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  title         TEXT NOT NULL,\n"
  "  theme         TEXT NOT NULL DEFAULT '',\n"
  "  organiser     TEXT NOT NULL DEFAULT '',\n"
  "  first_day     TEXT NOT NULL,\n"
  "  last_day      TEXT NOT NULL,\n"
  "  time_zone     TEXT NOT NULL,\n"
  "  hotline       TEXT NOT NULL DEFAULT '',\n"
  "  description   TEXT NOT NULL DEFAULT '',\n"
  "  travel_buffer INTEGER NOT NULL DEFAULT 0\n"
  ");\n"

  "CREATE TABLE committee (\n"
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,\n"
  "  name        TEXT NOT NULL,\n"
  "  position    INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX committee_plan ON committee (plan_id);\n"

  "CREATE TABLE committee_member (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  committee_id  INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,\n"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  role          TEXT NOT NULL\n"
  "    CHECK (role IN ('leader', 'deputy', 'member', 'office-director'))\n"
  ");\n"
  "CREATE INDEX committee_member_committee ON committee_member (committee_id);\n"
  "CREATE INDEX committee_member_person ON committee_member (person_id);\n"

  "CREATE TABLE slot (\n"
  "  id           INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order   INTEGER NOT NULL DEFAULT 0,\n"
  "  plan_id      INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,\n"
  "  uid          TEXT NOT NULL UNIQUE,\n"
  "  sequence     INTEGER NOT NULL DEFAULT 0,\n"
  "  kind         TEXT NOT NULL\n"
  "    CHECK (kind IN ('mobilisation', 'visit', 'forum', 'service-desk',\n"
  "                    'on-site', 'publicity', 'meeting', 'other')),\n"
  "  title        TEXT NOT NULL,\n"
  "  start        TEXT NOT NULL,\n"
  "  \"end\"        TEXT NOT NULL,\n"
  "  location     TEXT NOT NULL DEFAULT '',\n"
  "  description  TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX slot_plan ON slot (plan_id);\n"

  "CREATE TABLE slot_organiser (\n"
  "  slot_id       INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,\n"
  "  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (slot_id, department_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX slot_organiser_department ON slot_organiser (department_id);\n"

  "CREATE TABLE duty (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  slot_id       INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,\n"
  "  name          TEXT NOT NULL,\n"
  "  count         INTEGER NOT NULL DEFAULT 1,\n"
  "  department_id INTEGER REFERENCES department (id) ON DELETE SET NULL,\n"
  "  position      INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX duty_slot ON duty (slot_id);\n"
  "CREATE INDEX duty_department ON duty (department_id);\n"

  "CREATE TABLE assignment (\n"
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  slot_id     INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,\n"
  "  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  duty_id     INTEGER REFERENCES duty (id) ON DELETE SET NULL,\n"
  "  note        TEXT NOT NULL DEFAULT '',\n"
  "  pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),\n"
  "  UNIQUE (slot_id, person_id)\n"
  ");\n"
  "CREATE INDEX assignment_person ON assignment (person_id);\n"
  "CREATE INDEX assignment_duty ON assignment (duty_id);\n"

  "CREATE TABLE visit_target (\n"
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  slot_id     INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,\n"
  "  name        TEXT NOT NULL,\n"
  "  address     TEXT NOT NULL DEFAULT '',\n"
  "  contact     TEXT NOT NULL DEFAULT '',\n"
  "  phone       TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX visit_target_slot ON visit_target (slot_id);\n"

  "CREATE TABLE task (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,\n"
  "  uid           TEXT NOT NULL UNIQUE,\n"
  "  sequence      INTEGER NOT NULL DEFAULT 0,\n"
  "  title         TEXT NOT NULL,\n"
  "  department_id INTEGER REFERENCES department (id) ON DELETE SET NULL,\n"
  "  person_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  "  due           TEXT,\n"
  "  status        TEXT NOT NULL CHECK (status IN ('todo', 'doing', 'done')),\n"
  "  slot_id       INTEGER REFERENCES slot (id) ON DELETE SET NULL,\n"
  "  notes         TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX task_plan ON task (plan_id);\n"
  "CREATE INDEX task_department ON task (department_id);\n"
  "CREATE INDEX task_person ON task (person_id);\n"
  "CREATE INDEX task_slot ON task (slot_id);\n";

/*
 * Version 2: what each exported calendar file last said about each of its
 * events and to-dos (SwCalendarState), so that re-exports raise SEQUENCE
 * only for what changed and cancel what a file no longer carries.  Times
 * of the cancelled copies as in v1; stamps in seconds since the epoch.
 */
static const char schema_v2[] =
  "CREATE TABLE calendar_state (\n"
  "  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,\n"
  "  file_key      TEXT NOT NULL,\n"
  "  uid           TEXT NOT NULL,\n"
  "  hash          TEXT NOT NULL,\n"
  "  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),\n"
  "  created       INTEGER NOT NULL,\n"
  "  last_modified INTEGER NOT NULL,\n"
  "  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),\n"
  "  is_todo       INTEGER NOT NULL DEFAULT 0 CHECK (is_todo IN (0, 1)),\n"
  "  summary       TEXT NOT NULL DEFAULT '',\n"
  "  start         TEXT,\n"
  "  \"end\"         TEXT,\n"
  "  PRIMARY KEY (plan_id, file_key, uid)\n"
  ") WITHOUT ROWID;\n";

/*
 * Version 3: calendar records no longer go with their plan's row.  An
 * undone plan deletion brings the plan back with the same id, and its
 * staff calendars must go on from the sequence numbers they had; the
 * window drops the records of deleted plans when it starts.
 */
static const char schema_v3[] =
  "CREATE TABLE calendar_state_v3 (\n"
  "  plan_id       INTEGER NOT NULL,\n"
  "  file_key      TEXT NOT NULL,\n"
  "  uid           TEXT NOT NULL,\n"
  "  hash          TEXT NOT NULL,\n"
  "  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),\n"
  "  created       INTEGER NOT NULL,\n"
  "  last_modified INTEGER NOT NULL,\n"
  "  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),\n"
  "  is_todo       INTEGER NOT NULL DEFAULT 0 CHECK (is_todo IN (0, 1)),\n"
  "  summary       TEXT NOT NULL DEFAULT '',\n"
  "  start         TEXT,\n"
  "  \"end\"         TEXT,\n"
  "  PRIMARY KEY (plan_id, file_key, uid)\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO calendar_state_v3 SELECT plan_id, file_key, uid, hash, sequence, created,\n"
  "  last_modified, cancelled, is_todo, summary, start, \"end\" FROM calendar_state;\n"
  "DROP TABLE calendar_state;\n"
  "ALTER TABLE calendar_state_v3 RENAME TO calendar_state;\n";

/*
 * Version 4: the rulebook.  Skills (one a line) of people and duties,
 * the plan's limits of hours per day and duties per person (0: none),
 * and the problems a coordinator accepted, each with the locale-free
 * situation it was accepted in.
 */
static const char schema_v4[] =
  "ALTER TABLE person ADD COLUMN skills TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE duty ADD COLUMN skills TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE plan ADD COLUMN max_hours_per_day INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (max_hours_per_day BETWEEN 0 AND 24);\n"
  "ALTER TABLE plan ADD COLUMN max_duties INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (max_duties BETWEEN 0 AND 999);\n"
  "CREATE TABLE acceptance (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  list_order    INTEGER NOT NULL DEFAULT 0,\n"
  "  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,\n"
  "  kind          TEXT NOT NULL,\n"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  slot_id       INTEGER REFERENCES slot (id) ON DELETE CASCADE,\n"
  "  situation     TEXT NOT NULL DEFAULT '',\n"
  "  note          TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX acceptance_plan ON acceptance (plan_id);\n"
  "CREATE INDEX acceptance_person ON acceptance (person_id);\n"
  "CREATE INDEX acceptance_slot ON acceptance (slot_id);\n";

/*
 * Version 5: how the plan's printed lists and committees order names
 * (the SwNameOrder nick: roster, stroke, pinyin).
 */
static const char schema_v5[] =
  "ALTER TABLE plan ADD COLUMN name_order TEXT NOT NULL DEFAULT 'roster'\n"
  "  CHECK (name_order IN ('roster', 'stroke', 'pinyin'));\n";

/*
 * Version 6: the live calendars on a CalDAV server.  Per plan, the server
 * (the account's collection URL and user; the password is never here),
 * and per calendar (the keys of calendar_state's files) its token, the
 * display name last set, its digest when wholly published (NULL while
 * not) and whether the collection was made; per item the ETag the server
 * gave and the hash of what was sent.  Like calendar_state, the rows stay
 * while an undo can bring their plan back.
 */
static const char schema_v6[] =
  "CREATE TABLE publish_target (\n"
  "  plan_id        INTEGER PRIMARY KEY,\n"
  "  server         TEXT NOT NULL,\n"
  "  user_name      TEXT NOT NULL,\n"
  "  include_phones INTEGER NOT NULL DEFAULT 0 CHECK (include_phones IN (0, 1))\n"
  ");\n"
  "CREATE TABLE publish_calendar (\n"
  "  plan_id      INTEGER NOT NULL,\n"
  "  calendar_key TEXT NOT NULL,\n"
  "  token        TEXT NOT NULL CHECK (length (token) >= 32),\n"
  "  name         TEXT,\n"
  "  digest       TEXT,\n"
  "  created      INTEGER NOT NULL DEFAULT 0 CHECK (created IN (0, 1)),\n"
  "  PRIMARY KEY (plan_id, calendar_key)\n"
  ");\n"
  "CREATE UNIQUE INDEX publish_calendar_token ON publish_calendar (token);\n"
  "CREATE TABLE publish_resource (\n"
  "  plan_id      INTEGER NOT NULL,\n"
  "  calendar_key TEXT NOT NULL,\n"
  "  uid          TEXT NOT NULL,\n"
  "  etag         TEXT NOT NULL,\n"
  "  hash         TEXT NOT NULL,\n"
  "  PRIMARY KEY (plan_id, calendar_key, uid)\n"
  ");\n";

/*
 * Version 7: the colour last set on each published calendar, so that a
 * department's new colour reaches its calendars (NULL: not known).
 */
static const char schema_v7[] =
  "ALTER TABLE publish_calendar ADD COLUMN color TEXT;\n";

/*
 * Version 8: what each person last received in a calendar of a plan (an
 * export of their file or their department's, or a publish), for the
 * change notices: a row per person who received one, and a row per duty
 * it gave them, as it gave it.
 */
static const char schema_v8[] =
  "CREATE TABLE received_person (\n"
  "  plan_id   INTEGER NOT NULL,\n"
  "  person_id INTEGER NOT NULL,\n"
  "  PRIMARY KEY (plan_id, person_id)\n"
  ");\n"
  "CREATE TABLE received_duty (\n"
  "  plan_id   INTEGER NOT NULL,\n"
  "  person_id INTEGER NOT NULL,\n"
  "  slot_uid  TEXT NOT NULL,\n"
  "  duty_id   INTEGER NOT NULL,\n"
  "  title     TEXT NOT NULL,\n"
  "  duty      TEXT NOT NULL,\n"
  "  location  TEXT NOT NULL,\n"
  "  start     INTEGER NOT NULL,\n"
  "  \"end\"     INTEGER NOT NULL,\n"
  "  PRIMARY KEY (plan_id, person_id, slot_uid, duty_id)\n"
  ");\n";

static const SwStoreMigration migrations[] = {
  { schema_v1 },
  { schema_v2 },
  { schema_v3 },
  { schema_v4 },
  { schema_v5 },
  { schema_v6 },
  { schema_v7 },
  { schema_v8 },
};

G_STATIC_ASSERT (SW_STORE_APPLICATION_ID == 1398232912);

const SwStoreMigration *
sw_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);

  return migrations;
}
