#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every user-visible string has its Chinese translation.

1. Every source, UI and data file with translatable strings (_( … ),
   N_(, C_(, NC_(, g_dngettext, translatable="yes", the desktop file, the
   metainfo and the schema) is listed in po/POTFILES.in, and every listed
   file exists.
2. xgettext over POTFILES.in (the keywords of meson's glib preset) into a
   temporary .pot, merged with po/zh_CN.po by msgmerge: no message may be
   untranslated or fuzzy, and `msgfmt -c` must accept zh_CN.po.
3. No message is cut by a format macro (`_("%" G_GINT64_FORMAT …)`), which
   xgettext cannot read whole.

Usage: test-po.py SOURCE_ROOT [--write-potfiles]
"""

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
            "--keyword=g_dpgettext2:2c,3",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
            "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
            "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
            "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
            "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
            "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
            "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
            "--flag=g_snprintf:3:c-format"]

C_MARK = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(')
UI_MARK = re.compile(r'translatable="yes"')
DATA_FILES = ("data/io.github.servweek.Planner.desktop.in",
              "data/io.github.servweek.Planner.metainfo.xml.in",
              "data/io.github.servweek.Planner.gschema.xml")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def translatable_files(root):
    found = []
    for top in ("src", "ui"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if name.endswith(".c") and C_MARK.search(text):
                    found.append(rel)
                elif name.endswith(".ui") and UI_MARK.search(text):
                    found.append(rel)
    found.extend(f for f in DATA_FILES if os.path.exists(os.path.join(root, f)))
    return found


def read_potfiles(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


def write_potfiles(root, files):
    with open(os.path.join(root, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
        f.write("# SPDX-License-Identifier: GPL-3.0-or-later\n")
        f.write("# Files with translatable strings (tests/i18n/test-po.py checks this list;\n")
        f.write("# `test-po.py SOURCE_ROOT --write-potfiles` writes it).\n")
        for name in files:
            f.write(name + "\n")


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            timeout=300, **kwargs)
    if result.returncode != 0:
        fail(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def entries(po_text):
    """(msgctxt, msgid) of each real entry of a .po/.pot text."""
    out = []
    for block in po_text.split("\n\n"):
        if "msgid" not in block:
            continue
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        text = "\n".join(lines)
        m = re.search(r'^msgid ((?:".*"\n?)+)', text + "\n", re.M)
        if not m:
            continue
        msgid = "".join(re.findall(r'"(.*)"', m.group(1)))
        if msgid:
            out.append(msgid)
    return out


def main():
    if len(sys.argv) < 2:
        fail(__doc__)
    root = sys.argv[1]
    wanted = translatable_files(root)
    if "--write-potfiles" in sys.argv:
        write_potfiles(root, wanted)
        print(f"wrote po/POTFILES.in: {len(wanted)} files")
        return

    listed = read_potfiles(root)
    missing = [f for f in wanted if f not in listed]
    if missing:
        fail(f"files with translatable strings not in po/POTFILES.in: {missing}")
    gone = [f for f in listed if not os.path.exists(os.path.join(root, f))]
    if gone:
        fail(f"po/POTFILES.in lists files that do not exist: {gone}")
    print(f"po/POTFILES.in lists all {len(wanted)} files with translatable strings")

    with tempfile.TemporaryDirectory(prefix="servweek-po-") as tmp:
        pot = os.path.join(tmp, "servweek.pot")
        run(["xgettext", "--package-name=servweek", "--from-code=UTF-8", "--add-comments",
             "--directory", root, "--files-from", os.path.join(root, "po", "POTFILES.in"),
             "--output", pot] + KEYWORDS)
        with open(pot, encoding="utf-8") as f:
            pot_text = f.read()
        cut = [m for m in entries(pot_text) if re.search(r'(^|[^%])%$', m)]
        if cut:
            fail(f"messages cut by a format macro (format the number apart): {cut}")

        merged = os.path.join(tmp, "zh_CN.po")
        run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
             os.path.join(root, "po", "zh_CN.po"), pot])
        untranslated = run(["msgattrib", "--untranslated", "--no-obsolete", merged]).stdout
        fuzzy = run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged]).stdout
        problems = entries(untranslated) + entries(fuzzy)
        if problems:
            fail(f"{len(problems)} messages without a Chinese translation in po/zh_CN.po "
                 f"(run ninja servweek-update-po and translate them): {problems[:20]}")
        stats = run(["msgfmt", "--check", "--statistics", "--output-file", os.devnull,
                     os.path.join(root, "po", "zh_CN.po")]).stderr.strip()
        if "fuzzy" in stats or "untranslated" in stats:
            fail(f"po/zh_CN.po: {stats}")
        print(f"po/zh_CN.po: {stats}; every message of the sources translated")


if __name__ == "__main__":
    main()
