#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Safety of what servweek writes.

- No source file hands text to a shell or starts another program
  (system, popen, exec*, g_spawn*, GSubprocess).
- servweek-cli init creates the database with mode 0600 even under
  umask 000.
- Per-person and per-department calendar files of people and departments
  named "../x", "a/b", "CON", ".hidden", "x\\y" and 300 characters all
  land directly in the chosen folder, with short, safe names.

Usage: test-outputs.py SOURCE_DIR SERVWEEK_CLI
"""

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

FORBIDDEN = re.compile(r"\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|posix_spawnp?|"
                       r"g_spawn_\w+|g_subprocess_\w+|g_app_info_create_from_commandline)\s*\(")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check_no_shell(srcdir):
    hits = []
    count = 0
    for root, _, files in os.walk(os.path.join(srcdir, "src")):
        for name in files:
            if not name.endswith((".c", ".h")):
                continue
            count += 1
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    code = line.split("//")[0]
                    if FORBIDDEN.search(code) and not code.lstrip().startswith(("*", "/*")):
                        hits.append(f"{os.path.relpath(path, srcdir)}:{number}: {line.strip()}")
    if count < 20:
        fail(f"only {count} source files found under {srcdir}/src")
    if hits:
        fail("code that starts programs or shells:\n" + "\n".join(hits))
    print(f"ok: none of {count} source files starts a shell or a program")


def run(cli, db, *args, umask=None):
    result = subprocess.run([cli, "--db", db] + list(args), capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en"),
                            stdin=subprocess.DEVNULL, timeout=120,
                            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    if result.returncode != 0:
        fail(f"servweek-cli {' '.join(args)} failed: {result.stderr}")
    return result


def check_file_mode(cli, tmp):
    db = os.path.join(tmp, "mode", "servweek.db")
    os.mkdir(os.path.dirname(db))
    run(cli, db, "init", umask=0)
    mode = stat.S_IMODE(os.stat(db).st_mode)
    if mode != 0o600:
        fail(f"the database was created with mode {oct(mode)} under umask 000")
    print("ok: the database is created 0600 under umask 000")


HOSTILE = ["../x", "a/b", "CON", ".hidden", "x\\y", "nul.txt", "长" * 300, "..", "a:b*c?"]


def check_file_names(cli, tmp):
    db = os.path.join(tmp, "names.db")
    run(cli, db, "init", "--sample")
    roster = os.path.join(tmp, "names.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("姓名,部门\r\n")
        for i, name in enumerate(HOSTILE):
            quoted = name.replace('"', '""')
            f.write(f'"{quoted}","{HOSTILE[(i + 1) % len(HOSTILE)]}"\r\n')
    run(cli, db, "import-roster", roster)
    for name in HOSTILE:
        run(cli, db, "assign", "--slot", "广场服务台", "--person", name)

    outer = os.path.join(tmp, "outer")
    for kind in ("per-person", "per-department"):
        folder = os.path.join(outer, kind)
        os.makedirs(folder)
        run(cli, db, "export-ics", f"--{kind}", folder)
    entries = sorted(os.listdir(outer))
    if entries != ["per-department", "per-person"]:
        fail(f"files escaped the chosen folders: {entries}")
    for kind in ("per-person", "per-department"):
        folder = os.path.join(outer, kind)
        names = os.listdir(folder)
        if len(names) < len(HOSTILE) - 1:
            fail(f"{kind}: only {len(names)} files for {len(HOSTILE)} hostile names: {names}")
        for name in names:
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or os.path.islink(path):
                fail(f"{kind}: {name!r} is not a plain file")
            if name.startswith(".") or "/" in name or "\\" in name or ":" in name:
                fail(f"{kind}: unsafe file name {name!r}")
            stem = name.split(".")[0].upper()
            if stem in ("CON", "NUL", "PRN", "AUX"):
                fail(f"{kind}: Windows device name {name!r}")
            if len(name.encode("utf-8")) > 120:
                fail(f"{kind}: file name of {len(name.encode('utf-8'))} bytes")
    # Nothing was written next to the database or the folders either.
    stray = [n for n in os.listdir(tmp) if n not in ("names.db", "names.db-wal", "names.db-shm",
                                                     "names.csv", "outer", "mode", "x")]
    if stray or os.path.exists(os.path.join(tmp, "x")):
        fail(f"files outside the chosen folders: {stray}")
    print(f"ok: calendar files for {len(HOSTILE)} hostile names stay in their folders with safe names")


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    srcdir, cli = sys.argv[1], os.path.abspath(sys.argv[2])
    check_no_shell(srcdir)
    tmp = tempfile.mkdtemp(prefix="servweek-outputs-")
    try:
        check_file_mode(cli, tmp)
        check_file_names(cli, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
