#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plan file's MIME type: data/io.github.servweek.Planner.mime.xml
compiled with update-mime-database into a temporary data folder, then GIO
guesses application/x-servweek-plan for *.servweek.json and for a file
without a known name ending whose text says "format": "servweek-plan"
(a *.json name keeps application/json, of which ours is a subclass), and
not for other JSON.

Usage: test-mime.py SOURCE_ROOT
"""

import os
import shutil
import subprocess
import sys
import tempfile


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    root = sys.argv[1]
    if shutil.which("update-mime-database") is None:
        fail("update-mime-database is needed (install shared-mime-info)")
    tmp = tempfile.mkdtemp(prefix="servweek-mime-")
    try:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(os.path.join(root, "data", "io.github.servweek.Planner.mime.xml"), packages)
        for system in ("/usr/share/mime/packages/freedesktop.org.xml",):
            if os.path.exists(system):
                shutil.copy(system, packages)
        subprocess.run(["update-mime-database", os.path.join(tmp, "mime")], check=True,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        check = r'''
import sys
from gi.repository import Gio
cases = [("week.servweek.json", b"{}", True),
         ("WEEK.SERVWEEK.JSON", b"{}", True),
         # Without a known file name ending, by the text.
         ("plan", b'{\n  "format": "servweek-plan",\n  "version": 1\n}\n', True),
         ("plan", b'{"format":"servweek-plan","version":1}', True),
         (None, b'{\n  "format" : "servweek-plan",\n  "version" : 1\n}\n', True),
         ("other.json", b'{\n  "name": "not a plan"\n}\n', False),
         ("other", b'{\n  "name": "not a plan"\n}\n', False)]
bad = []
for name, data, want in cases:
    guessed, _ = Gio.content_type_guess(name, data)
    if (guessed == "application/x-servweek-plan") != want:
        bad.append((name, guessed))
if bad:
    print("wrong types:", bad)
    sys.exit(1)
print("application/x-servweek-plan recognised by name and by content")
'''
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_DATA_DIRS=tmp)
        result = subprocess.run(["/usr/bin/python3", "-c", check], env=env, capture_output=True,
                                text=True, timeout=60)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            fail(result.stdout + result.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
