#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""servweek-cli on hostile database files: a clear message, a non-zero
exit, and not one byte written.

- corrupt, newer schema, zero bytes, a folder, a symlink loop: every
  command (reading and editing) is refused;
- a read-only database (a read-only mount for root, file modes for
  others): reading commands work, editing commands say the database
  cannot be written, the file stays as it was;
- a full disk (a small tmpfs in a mount namespace of its own): the action
  that does not fit is reported as "the disk is full", everything saved
  before it is kept and the database stays sound.

Usage: test-hostile.py SERVWEEK_CLI
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
CLI = None

READING = [["show"], ["check"], ["plans"], ["export-roster", "-"]]
EDITING = [["assign", "--slot", "广场服务台", "--person", "魏晨"],
           ["new-plan", "--title", "X", "--first", "2026-10-01", "--last", "2026-10-02"],
           ["autofill"]]


def run(db, *args, prefix=()):
    return subprocess.run(list(prefix) + [CLI, "--db", db] + list(args), capture_output=True,
                          text=True, env=ENV, stdin=subprocess.DEVNULL, timeout=120)


def snapshot(folder):
    """Every name in @folder with the SHA-256 of its bytes (links as such)."""
    state = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.islink(path):
            state[name] = "link:" + os.readlink(path)
        elif os.path.isdir(path):
            state[name] = "dir"
        else:
            with open(path, "rb") as f:
                state[name] = hashlib.sha256(f.read()).hexdigest()
    return state


def make_sample(path):
    result = run(path, "init", "--sample")
    if result.returncode != 0:
        fail(f"init --sample: {result.stderr}")


def check_refused(folder, db, what, expected):
    before = snapshot(folder)
    for args in READING + EDITING + [["init"], ["import-plan", "-"]]:
        result = run(db, *args)
        if result.returncode == 0 or result.returncode == 1:
            fail(f"{what}: servweek-cli {' '.join(args)} exited {result.returncode}")
        message = result.stderr.strip()
        if expected not in message or "\n" in message:
            fail(f"{what}: servweek-cli {' '.join(args)} said {message!r}, expected one line with {expected!r}")
        if "CRITICAL" in result.stderr or "WARNING" in result.stderr:
            fail(f"{what}: warnings: {result.stderr}")
    if snapshot(folder) != before:
        fail(f"{what}: files were written: {before} → {snapshot(folder)}")
    print(f"ok: {what}: refused with {expected!r}, nothing written")


def check_bad_files(tmp):
    sample = os.path.join(tmp, "sample.db")
    make_sample(sample)

    folder = os.path.join(tmp, "corrupt")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    with open(sample, "rb") as f:
        data = bytearray(f.read())
    # Keep the header (ours, current version), scramble the table pages.
    for i in range(4096 + 100, len(data), 7):
        data[i] = (data[i] * 31 + 7) & 0xFF
    with open(db, "wb") as f:
        f.write(data)
    check_refused(folder, db, "corrupt file", "damaged")

    folder = os.path.join(tmp, "newer")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    shutil.copy(sample, db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 999")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    check_refused(folder, db, "newer schema", "newer version")

    folder = os.path.join(tmp, "zero")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    open(db, "wb").close()
    check_refused(folder, db, "zero-byte file", "not a Service Week Planner database")

    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    os.mkdir(db)
    check_refused(folder, db, "a folder", "is a folder")

    folder = os.path.join(tmp, "loop")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    os.symlink("other.db", db)
    os.symlink("servweek.db", os.path.join(folder, "other.db"))
    check_refused(folder, db, "symlink loop", "Too many levels of symbolic links")


def namespace_prefix(script):
    """argv running sh -c @script in a mount namespace of its own."""
    if os.geteuid() == 0:
        argv = ["unshare", "-m", "sh", "-c"]
    else:
        argv = ["unshare", "-rm", "sh", "-c"]
    probe = subprocess.run(argv + ["mount -t tmpfs none /mnt 2>/dev/null || mount -t tmpfs none /tmp"],
                           capture_output=True, timeout=30)
    if probe.returncode != 0:
        return None
    return argv + [script]


def check_read_only(tmp):
    folder = os.path.join(tmp, "read-only")
    os.mkdir(folder)
    db = os.path.join(folder, "servweek.db")
    make_sample(db)
    before = snapshot(folder)

    if os.geteuid() == 0:
        prefix = ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && exec \"$@\"", "sh"]
        if subprocess.run(prefix + ["true"], capture_output=True).returncode != 0:
            fail("no mount namespace for a read-only mount (unshare -m)")
    else:
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        prefix = []

    for args in READING:
        result = run(db, *args, prefix=prefix)
        if result.returncode not in (0, 1) or not result.stdout:
            fail(f"read-only: servweek-cli {' '.join(args)} failed: {result.stderr}")
    for args in EDITING:
        result = run(db, *args, prefix=prefix)
        if result.returncode != 2:
            fail(f"read-only: servweek-cli {' '.join(args)} exited {result.returncode}")
        if "read-only" not in result.stderr and "cannot be written" not in result.stderr:
            fail(f"read-only: servweek-cli {' '.join(args)} said {result.stderr!r}")
    os.chmod(folder, 0o755)
    if snapshot(folder) != before:
        fail("read-only: the database was written")
    print("ok: read-only database: reading works, editing is refused, nothing written")


def check_disk_full(tmp):
    folder = os.path.join(tmp, "full")
    os.mkdir(folder)
    out = os.path.join(tmp, "full-out")
    os.mkdir(out)
    roster = os.path.join(tmp, "big-roster.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("姓名,部门,电话,邮箱,备注\r\n")
        for i in range(30000):
            f.write(f"员工{i:05d},第{i % 40:02d}科,138{i:08d},user{i}@example.com,{'备注' * 40}\r\n")
    small = os.path.join(tmp, "small-roster.csv")
    with open(small, "w", encoding="utf-8") as f:
        f.write("姓名,部门\r\n早到的人,党群办\r\n")

    db = os.path.join(folder, "servweek.db")
    # All in one namespace: the small tmpfs lives as long as the shell.
    script = f"""
set -u
mount -t tmpfs -o size=1200k none '{folder}' || exit 90
'{CLI}' --db '{db}' init --sample >'{out}/init.out' 2>'{out}/init.err'; echo $? >'{out}/init.rc'
'{CLI}' --db '{db}' import-roster '{small}' >'{out}/small.out' 2>'{out}/small.err'; echo $? >'{out}/small.rc'
'{CLI}' --db '{db}' export-roster '{out}/before.csv' 2>'{out}/before.err'
'{CLI}' --db '{db}' import-roster '{roster}' >'{out}/big.out' 2>'{out}/big.err'; echo $? >'{out}/big.rc'
'{CLI}' --db '{db}' export-roster '{out}/after.csv' 2>'{out}/after.err'; echo $? >'{out}/after.rc'
'{CLI}' --db '{db}' show >'{out}/show.out' 2>'{out}/show.err'; echo $? >'{out}/show.rc'
cp '{db}' '{out}/copy.db'
for f in '{db}-wal' '{db}-shm'; do [ -e "$f" ] && cp "$f" '{out}/copy.db'"${{f#{db}}}"; done
exit 0
"""
    argv = namespace_prefix(script)
    if argv is None:
        print("SKIP: no mount namespace for a small tmpfs (unshare)")
        sys.exit(SKIP)
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=ENV)
    if result.returncode != 0:
        fail(f"the full-disk script failed ({result.returncode}): {result.stderr}")

    def read(name):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            return f.read().strip()

    for step in ("init", "small"):
        if read(f"{step}.rc") != "0":
            fail(f"full disk: {step} should still fit: {read(step + '.err')}")
    if read("big.rc") != "2":
        fail(f"full disk: the big import exited {read('big.rc')}: {read('big.err')}")
    if "disk is full" not in read("big.err"):
        fail(f"full disk: the message does not say so: {read('big.err')!r}")
    if read("after.rc") != "0" or read("show.rc") != "0":
        fail(f"full disk: the database cannot be read after: {read('after.err')} {read('show.err')}")
    with open(os.path.join(out, "before.csv"), encoding="utf-8-sig") as f:
        before = f.read()
    with open(os.path.join(out, "after.csv"), encoding="utf-8-sig") as f:
        after = f.read()
    if "早到的人" not in after:
        fail("full disk: the person saved before the full disk is gone")
    if before != after:
        fail("full disk: the roster changed although the import failed")
    con = sqlite3.connect(os.path.join(out, "copy.db"))
    check = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    if check != "ok":
        fail(f"full disk: integrity_check says {check}")
    print(f"ok: full disk: {read('big.err')!r}; what was saved before is kept, integrity ok")


def main():
    global CLI
    if len(sys.argv) != 2:
        fail(__doc__)
    CLI = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="servweek-hostile-")
    try:
        check_bad_files(tmp)
        check_read_only(tmp)
        check_disk_full(tmp)
    finally:
        subprocess.run(["chmod", "-R", "u+rwX", tmp])
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
