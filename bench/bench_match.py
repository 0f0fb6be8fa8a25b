#!/usr/bin/env python
"""claims/match/ latency at 100,000 and 1,000,000 claims, with and without the trigram index.

Databases: claimtracker_bench (100,000 claims, shared with bench_api.py) and
claimtracker_bench_1m (1,000,000 claims over 20,000 articles, the same generator), each seeded
with COPY by bench/seed.py unless a previous run left it there.

For each size, in a child process pointed at that database: look-up texts drawn from the data
(a third exact claim texts, a third retyped near-duplicates, a third original sentences whose
head or tail some claims share), timed through the selector claims.selectors.claim_match (the
query the endpoint runs) and through the API in-process (Django test client, token auth);
then the same through the selector with the GIN index claim_text_trgm dropped. The drop
happens inside a transaction that is rolled back after the measurement: PostgreSQL's DDL is
transactional, so the index is back exactly as it was, with no rebuild and no risk of a run
that dies leaving the table without it. The time a rebuild takes is the one measured when the
database was seeded (CREATE INDEX after the bulk load).

Also shown: how many rows the index hands to the recheck (EXPLAIN ANALYZE: the bitmap index
scan's rows) for the first few texts, which is what the latency follows.

Usage: .venv/bin/python bench/bench_match.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed as seeding
from bench.common import (
    BENCH_DB,
    PYTHON,
    ROOT,
    django_env,
    fmt,
    log,
    machine_line,
    md_table,
    median,
    percentile,
    write_section,
)

SIZES = [
    # (database, claims, articles)
    (BENCH_DB, 100_000, 2_000),
    (f"{BENCH_DB}_1m", 1_000_000, 20_000),
]
TARGET_P95_MS = 50
INDEX = "claim_text_trgm"


# --- Child: measure one database -----------------------------------------------------------------


class Rollback(Exception):
    pass


def _timed_series(call, texts: list[str], budget_s: float, min_count: int) -> list[float]:
    """Milliseconds per call over the texts in turn, until all are done or budget_s is spent
    (at least min_count)."""
    timings = []
    deadline = time.monotonic() + budget_s
    for i, text in enumerate(texts):
        if i >= min_count and time.monotonic() > deadline:
            break
        start = time.perf_counter()
        call(text)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _candidates(text: str) -> tuple[int, int]:
    """(rows the trigram index handed to the recheck, matches returned) for `text`.

    The SQL is the one claim_match() sends (captured), explained with ANALYZE, so this follows
    the selector whatever it becomes.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.selectors import claim_match

    with CaptureQueriesContext(connection) as captured:
        matches = claim_match(text)
    sql = max(captured.captured_queries, key=lambda q: float(q["time"]))["sql"]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    index_rows = 0

    def walk(node: dict) -> None:
        nonlocal index_rows
        if node.get("Node Type") == "Bitmap Index Scan" and node.get("Index Name") == INDEX:
            index_rows += node.get("Actual Rows", 0)
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return index_rows, len(matches)


def child(db: str, count: int, budget: float, no_index_count: int, explain: int) -> dict:
    from bench.common import setup_django

    setup_django(db)
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from claims.selectors import claim_match

    queries = seeding.match_queries(db, count)
    texts = [text for _, text in queries]
    kinds = [kind for kind, _ in queries]
    token = Token.objects.get(user__username="bench_editor").key
    client = APIClient(SERVER_NAME="127.0.0.1")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    def selector(text: str) -> None:
        list(claim_match(text))

    def api(text: str) -> None:
        response = client.get(f"/api/v1/claims/match/?{urlencode({'text': text})}")
        assert response.status_code == 200, response.status_code

    selector(texts[0])  # warm: connection, caches, the index's pages
    result: dict = {"kinds": kinds}
    result["selector"] = _timed_series(selector, texts, budget, min_count=6)
    result["api"] = _timed_series(api, texts, budget / 2, min_count=3)
    explained = [_candidates(t) for t in texts[:explain]]
    result["candidates"] = [rows for rows, _ in explained]
    result["matched"] = [n for _, n in explained]
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"DROP INDEX {INDEX}")
            selector(texts[0])
            result["no_index"] = _timed_series(
                selector, texts[1 : 1 + no_index_count], budget, min_count=2
            )
            raise Rollback
    except Rollback:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [INDEX])
        result["index_back"] = cursor.fetchone()[0] is not None
    return result


# --- Parent: sizes, report ---------------------------------------------------------------------


def run_child(db: str, claims: int, args) -> dict:
    command = [
        PYTHON,
        str(Path(__file__).resolve()),
        "--child",
        db,
        "--count",
        str(args.count),
        "--budget",
        str(args.budget),
        "--no-index-count",
        str(args.no_index_count),
        "--explain",
        str(args.explain if claims < 500_000 else min(args.explain, 3)),
    ]
    done = subprocess.run(
        command, cwd=ROOT, env=django_env(db), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {db} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    line = next(x for x in done.stdout.splitlines() if x.startswith("BENCHJSON "))
    return json.loads(line.removeprefix("BENCHJSON "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=30, help="look-up texts per size")
    parser.add_argument("--budget", type=float, default=20, help="seconds at most per series")
    parser.add_argument("--no-index-count", type=int, default=6, help="texts without the index")
    parser.add_argument("--explain", type=int, default=6, help="texts explained with ANALYZE")
    parser.add_argument("--quick", action="store_true", help="100,000 claims only, fewer texts")
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.count, args.budget, args.no_index_count, args.explain)
        print("BENCHJSON " + json.dumps(result))
        return
    if args.quick:
        args.count, args.budget, args.no_index_count = 9, 8, 3
    started = time.monotonic()
    sizes = SIZES[:1] if args.quick else SIZES
    rows, detail_rows, seed_rows = [], [], []
    for db, claims, articles in sizes:
        seeded = seeding.ensure_seeded(db, claims=claims, articles=articles)
        timings = seeded.get("seed_timings") or {}
        seed_rows.append(
            [
                f"{claims:,}",
                "reused" if seeded.get("reused") else f"seeded now, {seeded['seconds']:.0f} s",
                fmt(timings.get("generate_and_copy_s")),
                fmt(timings.get("trgm_index_s")),
            ]
        )
        log(f"measuring {claims:,} claims in {db}")
        r = run_child(db, claims, args)
        for label, key in (("GIN trigram index", "selector"), ("no index (dropped)", "no_index")):
            values = r[key]
            p95 = percentile(values, 95)
            verdict = "-"
            if claims == 1_000_000 and key == "selector":
                verdict = f"p95 < {TARGET_P95_MS} ms: " + (
                    "met" if p95 < TARGET_P95_MS else "**missed**"
                )
            rows.append(
                [
                    f"{claims:,}",
                    label,
                    f"{len(values)} / {len(r['api'])}" if key == "selector" else str(len(values)),
                    fmt(median(values)),
                    fmt(p95),
                    fmt(median(r["api"])) if key == "selector" else "-",
                    fmt(percentile(r["api"], 95)) if key == "selector" else "-",
                    verdict,
                ]
            )
        by_kind = {}
        for kind, ms in zip(r["kinds"], r["selector"], strict=False):
            by_kind.setdefault(kind, []).append(ms)
        detail_rows.append(
            [
                f"{claims:,}",
                ", ".join(f"{k} {median(v):.0f}" for k, v in sorted(by_kind.items())),
                ", ".join(f"{c:,}" for c in r["candidates"]),
                ", ".join(str(m) for m in r["matched"]),
                "yes" if r["index_back"] else "**NO**",
            ]
        )
    wall = time.monotonic() - started
    body = "\n\n".join(
        [
            machine_line(wall),
            md_table(
                [
                    "claims",
                    "index",
                    "texts (selector / API)",
                    "selector p50 ms",
                    "selector p95 ms",
                    "API p50 ms",
                    "API p95 ms",
                    "target",
                ],
                rows,
            ),
            "Selector: `claims.selectors.claim_match(text)` evaluated (the endpoint's query, "
            "models built). API: GET claims/match/?text= through the Django test client with "
            "an editor's token (adds the published-verdict queries and serialization).",
            md_table(
                [
                    "claims",
                    "selector p50 ms by kind of text",
                    "rows the index returned for recheck (first texts, EXPLAIN ANALYZE)",
                    "matches returned (limit 10)",
                    "index back after the rollback",
                ],
                detail_rows,
            ),
            md_table(
                ["claims", "database", "generate + COPY s", "GIN index build s (when seeded)"],
                seed_rows,
            ),
        ]
    )
    write_section("match", "Matching (bench/bench_match.py)", body)


if __name__ == "__main__":
    main()
