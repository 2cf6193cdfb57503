#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the Flatpak manifest against the meson project: the application
id, the command, the -D options (each one declared in meson_options.txt),
a module for each library meson needs that the GNOME runtime lacks, and
the sandbox permissions the app needs.

Usage: test-manifest.py SOURCE_ROOT
"""

import json
import os
import re
import sys


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "build-aux", "io.github.servweek.Planner.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        meson_build = f.read()
    with open(os.path.join(root, "meson_options.txt"), encoding="utf-8") as f:
        options = set(re.findall(r"option\('([^']+)'", f.read()))

    app_id = re.search(r"app_id\s*=\s*'([^']+)'", meson_build)
    if app_id is None or manifest["id"] != app_id.group(1):
        fail(f"manifest id {manifest['id']!r} is not meson's app id")
    if manifest["command"] != "servweek":
        fail("the manifest does not start servweek")
    if manifest["runtime"] != "org.gnome.Platform" or manifest["sdk"] != "org.gnome.Sdk":
        fail("not built against the GNOME runtime")
    if int(manifest["runtime-version"]) < 44:
        fail("GNOME runtime older than 44 lacks GTK 4.8 / libadwaita 1.2")

    for arg in ("--share=ipc", "--share=network", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
                "--filesystem=xdg-documents"):
        if arg not in manifest["finish-args"]:
            fail(f"finish-args lack {arg}")

    modules = {m["name"]: m for m in manifest["modules"]}
    for needed in ("libical", "libcsv", "libxlsxwriter", "libqrencode", "servweek"):
        if needed not in modules:
            fail(f"no module {needed}")
    if manifest["modules"][-1]["name"] != "servweek":
        fail("servweek must be built last, after the libraries it links")
    app = modules["servweek"]
    if app["buildsystem"] != "meson":
        fail("servweek is built with meson")
    for opt in app.get("config-opts", []):
        m = re.match(r"-D([^=]+)=", opt)
        if m and m.group(1) not in options:
            fail(f"-D{m.group(1)} is not an option of meson_options.txt")
    for name, module in modules.items():
        for source in module.get("sources", []):
            if source["type"] == "git" and not (source.get("tag") or source.get("commit")):
                fail(f"{name}: a git source needs a tag or a commit")
    ical = " ".join(modules["libical"].get("config-opts", []))
    for flag in ("-DICAL_BUILD_DOCS=false", "-DGOBJECT_INTROSPECTION=false", "-DICAL_GLIB=false"):
        if flag not in ical:
            fail(f"libical without {flag} needs tools the SDK lacks")
    print(f"manifest {manifest['id']}: {len(modules)} modules, runtime {manifest['runtime-version']}")


if __name__ == "__main__":
    main()
