"""Sentence encoder throughput on this machine (issue 13: at least 200 sentences/s).

    .venv/bin/python bench/bench_encoder.py [--n 2000]

Encodes real sentences (the CLEF 2020 task 2 verified claims from ../shared when present, else
generated sentences of claim-like length) and prints a table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.semantic.encoder import BATCH_SIZE, MODEL_ID, load_encoder  # noqa: E402

CLAIMS = ROOT.parent / "shared/corpus/claim-matching/clef2020-t2/verified_claims.docs.tsv"


def sentences(n: int) -> tuple[list[str], str]:
    if CLAIMS.is_file():
        with CLAIMS.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t"))[1:]
        return [row[1] for row in rows[:n]], "CLEF 2020 t2 verified claims"
    base = "Officials said the bridge to the islands cost {} million euros and carried {} people"
    return [base.format(i, i * 7) for i in range(n)], "generated claims"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)  # one batch size, alone
    args = parser.parse_args()
    texts, origin = sentences(args.n)
    if args.child:
        return child(texts, args.child)
    # Each batch size in a process of its own, so that each peak (VmHWM: the load's and the
    # batches' buffers, which glibc keeps for reuse) is that batch size's alone.
    rows = []
    for batch in (1, 4, 8, 12, 16, 32, 64):
        out = subprocess.run(
            [sys.executable, __file__, "--n", str(args.n), "--child", str(batch)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows.append((batch, json.loads(out.splitlines()[-1])))
    print(f"encoder {MODEL_ID}, {len(texts)} {origin}, {os.cpu_count()} CPUs")
    print(f"load (first call, once per process): {rows[0][1]['load_s'] * 1000:.0f} ms")
    print(f"{'batch':>6} {'sentences':>10} {'seconds':>8} {'sentences/s':>12} {'peak MB':>8}")
    for batch, row in rows:
        n, elapsed, peak = row["n"], row["elapsed"], row["peak"]
        default = "  (default)" if batch == BATCH_SIZE else ""
        print(f"{batch:>6} {n:>10} {elapsed:>8.2f} {n / elapsed:>12.0f} {peak:>8.0f}{default}")
    print(f"target: >= 200 sentences/s at the default batch size ({BATCH_SIZE})")
    print("peak MB: the process's VmHWM (Python, onnxruntime, the model, its batches)")


def child(texts: list[str], batch: int) -> None:
    started = time.perf_counter()
    encoder = load_encoder()
    load_s = time.perf_counter() - started
    if encoder is None:
        sys.exit("The encoder did not load (see the log): pip install -r requirements.txt")
    encoder.encode(texts[:64], batch_size=batch)  # warm-up
    started = time.perf_counter()
    encoder.encode(texts, batch_size=batch)
    elapsed = time.perf_counter() - started
    with open(f"/proc/{os.getpid()}/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    print(json.dumps({"load_s": load_s, "n": len(texts), "elapsed": elapsed, "peak": peak}))


if __name__ == "__main__":
    main()
