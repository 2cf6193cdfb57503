#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The installed application, in Chinese and in English.

Installs the build into a temporary DESTDIR (meson install --destdir), then
checks that the installed tree holds the schema (compiled), the templates,
the translations, the desktop file, the metainfo, the MIME type and the
icons; runs the installed servweek-cli (init --sample, show, print) with
LANGUAGE/LANG set to zh_CN.UTF-8 and to English and checks the language of
its words and dates, and the "第 1 页 / 共 … 页" footer of the Chinese sheet;
then starts the installed servweek under the display with the installed
schema and checks the window's view names and the grid's dates in its
accessibility tree in both languages, taking a screenshot of each.

Usage: test-installed.py BUILD_DIR PREFIX TEST_WINDOW_PY SCREENSHOT_DIR
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ZH_DAY = re.compile(r"^\d{1,2}月\d{1,2}日 星期[一二三四五六日]$")
EN_DAY = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$")
ZH_VIEWS = ("排班", "人员", "任务")
EN_VIEWS = ("Schedule", "Roster", "Tasks")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def language_env(base, chinese):
    env = dict(base)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env.pop("LC_TIME", None)
    if chinese:
        env.update(LANGUAGE="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
    else:
        env.update(LANGUAGE="en", LANG="en_US.UTF-8")
    return env


def install(build_dir, dest):
    result = subprocess.run(["meson", "install", "-C", build_dir, "--destdir", dest,
                             "--no-rebuild", "--quiet"],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        fail(f"meson install failed:\n{result.stdout}\n{result.stderr}")


def check_tree(root):
    share = os.path.join(root, "share")
    # With DESTDIR, meson's post-install step leaves the schema cache to the
    # package's own triggers: compile it as they would.
    schemas = os.path.join(share, "glib-2.0", "schemas")
    if not os.path.exists(os.path.join(schemas, "gschemas.compiled")) and os.path.isdir(schemas):
        subprocess.run(["glib-compile-schemas", "--strict", schemas], check=True, timeout=60)
    wanted = [
        os.path.join(root, "bin", "servweek"),
        os.path.join(root, "bin", "servweek-cli"),
        os.path.join(share, "glib-2.0", "schemas", "io.github.servweek.Planner.gschema.xml"),
        os.path.join(share, "glib-2.0", "schemas", "gschemas.compiled"),
        os.path.join(share, "locale", "zh_CN", "LC_MESSAGES", "servweek.mo"),
        os.path.join(share, "applications", "io.github.servweek.Planner.desktop"),
        os.path.join(share, "metainfo", "io.github.servweek.Planner.metainfo.xml"),
        os.path.join(share, "mime", "packages", "io.github.servweek.Planner.mime.xml"),
        os.path.join(share, "icons", "hicolor", "scalable", "apps", "io.github.servweek.Planner.svg"),
        os.path.join(share, "icons", "hicolor", "symbolic", "apps",
                     "io.github.servweek.Planner-symbolic.svg"),
        os.path.join(share, "servweek", "templates", "service-week.json"),
        os.path.join(share, "servweek", "templates", "service-week-en.json"),
    ]
    missing = [path for path in wanted if not os.path.exists(path)]
    if missing:
        fail(f"not installed: {missing}")
    with open(os.path.join(share, "applications", "io.github.servweek.Planner.desktop"),
              encoding="utf-8") as f:
        desktop = f.read()
    for needle in ("MimeType=text/calendar;application/x-servweek-plan;", "Name[zh_CN]=服务周排班"):
        if needle not in desktop:
            fail(f"installed desktop file lacks {needle!r}")
    print("installed tree complete: binaries, schema, translations, data files")


def run_cli(cli, env, *args):
    result = subprocess.run([cli] + list(args), env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        fail(f"servweek-cli {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def check_cli(root, tmp, base_env):
    cli = os.path.join(root, "bin", "servweek-cli")
    db = os.path.join(tmp, "cli.db")
    zh = language_env(base_env, True)
    en = language_env(base_env, False)
    run_cli(cli, zh, "--db", db, "init", "--sample")

    shown = run_cli(cli, zh, "--db", db, "show")
    headings = re.findall(r"^\d{4}-\d\d-\d\d (.+)$", shown, re.M)
    if len(headings) != 7 or not all(ZH_DAY.match(h) for h in headings):
        fail(f"Chinese show: day headings {headings!r}")
    if "Committees" in shown or "Dates:" in shown:
        fail("Chinese show still has English words:\n" + shown[:600])
    print(f"zh_CN show: {headings[0]!r} … {headings[-1]!r}")

    shown = run_cli(cli, en, "--db", db, "show")
    headings = re.findall(r"^\d{4}-\d\d-\d\d (.+)$", shown, re.M)
    if len(headings) != 7 or not all(EN_DAY.match(h) for h in headings):
        fail(f"English show: day headings {headings!r}")
    if "Committees" not in shown:
        fail("English show lacks its English words")
    print(f"English show: {headings[0]!r} … {headings[-1]!r}")

    # The English template through the installed binary.
    out = run_cli(cli, en, "--db", db, "new-plan", "--title", "Customer week",
                  "--first", "2026-10-05", "--last", "2026-10-11", "--template", "service-week-en")
    plan_id = out.strip()
    shown = run_cli(cli, en, "--db", db, "show", "--plan", plan_id)
    if "Service desk on the square" not in shown or "Service Week kick-off meeting" not in shown:
        fail("the English sample plan is not English:\n" + shown[:600])
    print("service-week-en template made an English plan")

    # Calendar text in the language the program runs in.
    for env, words, absent in ((zh, ("牵头部门：", "服务热线："), "Organised by:"),
                               (en, ("Organised by:", "Hotline:"), "牵头部门：")):
        ics = os.path.join(tmp, "plan.ics")
        plans = run_cli(cli, env, "--db", db, "plans").splitlines()
        run_cli(cli, env, "--db", db, "export-ics", "--plan", plans[0].split("\t")[0],
                "--out", ics)
        with open(ics, "rb") as f:
            unfolded = f.read().replace(b"\r\n ", b"").decode("utf-8")
        descriptions = [l for l in unfolded.splitlines() if l.startswith("DESCRIPTION")]
        text = "\n".join(descriptions)
        if not descriptions or not all(w in text for w in words) or absent in text:
            fail(f".ics DESCRIPTION lacks {words} or has {absent!r}: {descriptions[:2]}")
        os.unlink(ics)
    print(".ics descriptions in Chinese and in English")

    if shutil.which("pdftotext") is None:
        fail("pdftotext is needed (install poppler-utils)")
    pdf = os.path.join(tmp, "roles.pdf")
    plans = run_cli(cli, zh, "--db", db, "plans").splitlines()
    first_id = plans[0].split("\t")[0]
    run_cli(cli, zh, "--db", db, "print", "--plan", first_id, "--sheet", "roles", "--pdf", pdf)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    if not re.search(r"第\s*1\s*页\s*/\s*共\s*\d+\s*页", text):
        fail("the Chinese sheet has no 第 1 页 / 共 … 页 footer:\n" + text[-800:])
    if not re.search(r"\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]", text):
        fail("the Chinese sheet has no Chinese day")
    print("zh_CN roles sheet: Chinese page footer and dates")


def load_window_helpers(path):
    spec = importlib.util.spec_from_file_location("sw_test_window", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grid_days(tw, window):
    texts = set()
    for acc in tw.walk(window):
        texts.update(tw.accessible_texts(acc))
    return texts


def check_open_plan_file(tw, pyatspi, app, servweek, env, root, tmp):
    """Opening a plan file from a file manager (`servweek FILE`) asks, then
    imports the plan and shows it."""
    import json
    template = os.path.join(root, "share", "servweek", "templates", "service-week-en.json")
    with open(template, encoding="utf-8") as f:
        plan = json.load(f)
    title = "Customer week (opened)"
    plan["plan"]["title"] = title
    path = os.path.join(tmp, "customer.servweek.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    opener = subprocess.run([servweek, path], env=tw.app_env(env), stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60)
    if opener.returncode != 0:
        fail(f"servweek FILE exited {opener.returncode}: {opener.stderr}")
    heading = f"Import plan “{title}”?"
    dialog = app.wait_for_frame((heading,), "the Import plan question")
    app.click(dialog, "Import")
    window = app.wait_for_frame((title, "Schedule"), f"the imported plan {title!r}")
    tw.wait_for_text(window, "Service desk on the square", "the imported plan's grid")
    print(f"opened {os.path.basename(path)}: asked {heading!r}, imported and shown")
    return window


def check_window(tw, pyatspi, root, tmp, base_env, chinese, screenshot):
    servweek = os.path.join(root, "bin", "servweek")
    env = language_env(base_env, chinese)
    env.update(SERVWEEK_DB=os.path.join(tmp, "window-%s.db" % ("zh" if chinese else "en")),
               GSETTINGS_SCHEMA_DIR=os.path.join(root, "share", "glib-2.0", "schemas"))
    views = ZH_VIEWS if chinese else EN_VIEWS
    day = ZH_DAY if chinese else EN_DAY
    app = tw.App(pyatspi, servweek, env, os.path.join(tmp, "window.log"))
    try:
        window = app.wait_for_frame(views, f"window with {views}")
        deadline = time.monotonic() + tw.TIMEOUT
        days = []
        while time.monotonic() < deadline:
            days = sorted(t for t in grid_days(tw, window) if day.match(t))
            if len(days) >= 7:
                break
            time.sleep(0.5)
        if len(days) < 7:
            fail(f"{'Chinese' if chinese else 'English'} window: grid days {days}; texts "
                 f"{sorted(grid_days(tw, window))[:80]}")
        print(f"{'zh_CN' if chinese else 'English'} window: views {views}, days {days[:2]} …")
        time.sleep(1.0)
        if screenshot:
            subprocess.run(["import", "-window", "root", screenshot], check=True,
                           stdin=subprocess.DEVNULL, timeout=60)
            print(f"screenshot: {screenshot}")
        if not chinese:
            check_open_plan_file(tw, pyatspi, app, servweek, env, root, tmp)
        close = "关闭" if chinese else "Close"
        try:
            app.click(window, close)
        except SystemExit:
            app.click(window, "Close")
        app.wait_clean_exit()
    finally:
        app.stop()


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    build_dir, prefix, test_window_py, shot_dir = sys.argv[1:5]
    tw = load_window_helpers(test_window_py)
    tw.fail = fail
    xvfb = tw.ensure_session()

    tmp = tempfile.mkdtemp(prefix="servweek-install-")
    base_env = dict(os.environ,
                    XDG_DATA_HOME=os.path.join(tmp, "data"),
                    XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                    XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                    GSETTINGS_BACKEND="memory",
                    GSK_RENDERER="cairo",
                    GDK_DEBUG="gl-disable")
    base_env.pop("NO_AT_BRIDGE", None)
    base_env.pop("GTK_A11Y", None)
    base_env.pop("GSETTINGS_SCHEMA_DIR", None)
    bus_proc = None
    try:
        dest = os.path.join(tmp, "dest")
        install(build_dir, dest)
        root = dest + prefix
        check_tree(root)
        check_cli(root, tmp, base_env)

        import pyatspi
        bus_proc = tw.start_a11y_bus()
        os.makedirs(shot_dir, exist_ok=True)
        check_window(tw, pyatspi, root, tmp, base_env, True,
                     os.path.join(shot_dir, "window-zh_CN.png"))
        check_window(tw, pyatspi, root, tmp, base_env, False,
                     os.path.join(shot_dir, "window-en.png"))
    finally:
        if bus_proc is not None:
            tw.stop_process_group(bus_proc)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
