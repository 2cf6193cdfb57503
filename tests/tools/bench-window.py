#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of the window on the large generated organisation.

Generates the organisation of tests/tools/servweek-generate (2,000
people in 60 departments, 500 slots, 1,500 duties, 4,000 assignments,
300 tasks at scale 1) into a database, starts the application on it
under a virtual display through bench-window-steps (the window driven by
itself: it switches views, types into the roster search and opens an
Assign picker, printing each step's time to the frame that shows it and,
for a search that finds many more people, when the rows out of sight are
in) with SERVWEEK_BENCH (the application prints its first frame), and
reports the figures.  Fails when the first frame takes more than 1 s
or a step more than 100 ms to its frame (the median of the runs).

Usage: bench-window.py BENCH_WINDOW_STEPS SERVWEEK_GENERATE SCHEMA_DIR [--scale N] [--runs N]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

FIRST_FRAME_LIMIT_MS = 1000.0
STEP_LIMIT_MS = 100.0


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def start_display():
    if shutil.which("Xvfb") is None:
        fail("Xvfb is needed (install xvfb)")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24",
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        fail("Xvfb did not start")
    return xvfb, ":" + number


def run_once(servweek, env):
    started = time.monotonic()
    proc = subprocess.run([servweek], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        fail(f"servweek exited with {proc.returncode}:\n{proc.stderr[-2000:]}")
    refused = re.search(r"^bench: .*$", proc.stderr, re.MULTILINE)
    if refused is not None:
        fail(f"servweek could not take a step: {refused.group(0)}")
    first = re.search(r"^first-frame (\d+)$", proc.stderr, re.MULTILINE)
    if first is None:
        fail(f"no first-frame line:\n{proc.stderr[-2000:]}")
    first_ms = int(first.group(1)) / 1000.0 - started * 1000.0
    steps = {}
    order = []
    rows_in = dict((name, float(ms)) for name, ms in
                   re.findall(r"^rows-in (\S+) ([\d.]+)$", proc.stdout, re.MULTILINE))
    for name, ms, items in re.findall(r"^step (\S+) ([\d.]+) (\d+)$", proc.stdout, re.MULTILINE):
        steps[name] = (float(ms), int(items), rows_in.get(name, float(ms)))
        order.append(name)
    if not steps:
        fail(f"no step lines:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return first_ms, steps, order


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("servweek")
    parser.add_argument("generate")
    parser.add_argument("schema_dir")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="servweek-bench-window-")
    xvfb = None
    try:
        db = os.path.join(tmp, "large.db")
        t0 = time.monotonic()
        subprocess.run([args.generate, "--db", db, "--scale", str(args.scale)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"generated scale {args.scale} in {time.monotonic() - t0:.1f} s: {db}")

        xvfb, display = start_display()
        env = dict(os.environ,
                   DISPLAY=display,
                   SERVWEEK_DB=db,
                   SERVWEEK_BENCH="1",
                   XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                   GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=args.schema_dir,
                   GSK_RENDERER="cairo",
                   GDK_DEBUG="gl-disable",
                   NO_AT_BRIDGE="1",
                   LC_ALL="C.UTF-8",
                   LANGUAGE="en")
        env.pop("WAYLAND_DISPLAY", None)

        firsts = []
        all_steps = {}
        order = []
        for _ in range(args.runs):
            first_ms, steps, order = run_once(args.servweek, env)
            firsts.append(first_ms)
            for name, (ms, items, rows_ms) in steps.items():
                all_steps.setdefault(name, []).append((ms, items, rows_ms))

        first = statistics.median(firsts)
        print(f"{'start to first frame':<28} {first:8.1f} ms  (runs: "
              + ", ".join(f"{x:.0f}" for x in firsts) + ")")
        failures = []
        if first > FIRST_FRAME_LIMIT_MS:
            failures.append(f"first frame {first:.0f} ms > {FIRST_FRAME_LIMIT_MS:.0f} ms")
        for name in order:
            values = all_steps[name]
            ms = statistics.median(v[0] for v in values)
            rows_ms = statistics.median(v[2] for v in values)
            items = values[-1][1]
            later = f"; all rows in at {rows_ms:.0f} ms" if rows_ms > ms + 0.5 else ""
            shown = (f"  ({items} people shown{later})"
                     if name.startswith(("search", "view-roster")) else "")
            print(f"{name:<28} {ms:8.1f} ms{shown}")
            if ms > STEP_LIMIT_MS:
                failures.append(f"{name} {ms:.0f} ms > {STEP_LIMIT_MS:.0f} ms")
        if failures:
            fail("; ".join(failures))
        print("all within limits: first frame < 1 s, every step < 100 ms")
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
