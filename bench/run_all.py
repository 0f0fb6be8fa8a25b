#!/usr/bin/env python
"""Run every benchmark in order and record the wall time of each (what `make bench` runs).

    .venv/bin/python bench/run_all.py [--quick] [--only api,extraction,refresh,match,webhooks]
    .venv/bin/python bench/run_all.py --only vectors,match_scale   # the 1,000,000-claim runs

Each script writes its own section of bench/RESULTS.md; this one adds a section with the time
each took. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on
127.0.0.1:6379, orjson in the venv, and wrk on the PATH (bench_api.py falls back to a Python
load generator without it). A first run seeds the bench databases (about 20 s for 100,000
claims, 2.5 to 3 minutes for 1,000,000 on a busy 2-core machine); later runs reuse them.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PYTHON, ROOT, log, machine_line, md_table, write_section

SCRIPTS = [
    ("api", "bench/bench_api.py"),
    ("extraction", "bench/bench_extraction.py"),
    ("refresh", "bench/bench_refresh.py"),
    ("match", "bench/bench_match.py"),
    ("webhooks", "bench/bench_webhooks.py"),
]
# Run only when named in --only: each takes 10 to 25 minutes at 1,000,000 claims (an ANN index
# built from scratch), more than the whole default run.
SLOW_SCRIPTS = [
    ("vectors", "bench/bench_vectors.py"),
    ("match_scale", "bench/bench_match_scale.py"),
]
# Scripts that take --quick (the others have one size).
QUICK = {"api", "extraction", "refresh", "match"}
BUDGET_S = 15 * 60


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="pass --quick to every script")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated names: " + ", ".join(name for name, _ in SCRIPTS + SLOW_SCRIPTS),
    )
    args = parser.parse_args()
    if importlib.util.find_spec("orjson") is None:
        print("orjson is missing: .venv/bin/pip install orjson (bench_api.py's floor uses it)")
        return 2
    if shutil.which("wrk") is None:
        log("wrk is not installed (apt-get install -y wrk): bench_api.py uses Python threads")
    chosen = {n.strip() for n in args.only.split(",") if n.strip()}
    started = time.monotonic()
    rows, failed = [], []
    for name, script in SCRIPTS + SLOW_SCRIPTS:
        if (chosen and name not in chosen) or (not chosen and (name, script) in SLOW_SCRIPTS):
            continue
        log(f"=== {script}")
        t0 = time.monotonic()
        command = [PYTHON, script] + (["--quick"] if args.quick and name in QUICK else [])
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        seconds = time.monotonic() - t0
        rows.append([script, f"{seconds:.0f}", "ok" if code == 0 else f"**failed ({code})**"])
        if code != 0:
            failed.append(script)
    total = time.monotonic() - started
    rows.append(["**total**", f"**{total:.0f}**", "" if total <= BUDGET_S else "over 15 min"])
    body = "\n\n".join(
        [
            machine_line(total),
            md_table(["script", "wall s", "status"], rows),
            "Run with `--quick`: smaller sizes, for trying changes." if args.quick else "",
        ]
    )
    write_section("run_all", "All benchmarks (bench/run_all.py)", body)
    if failed:
        log("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
