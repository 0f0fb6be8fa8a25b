#!/usr/bin/env python
"""API lists, detail, match and the feed's 304, against a plain psycopg + orjson floor.

Data: the bench database (claimtracker_bench; created, migrated and seeded with 100,000 claims
over 2,000 articles by bench/seed.py unless a previous run left it there).

1. In-process: the Django test client with an editor's API token (the full middleware, DRF,
   filters, serializers), N requests per endpoint, median and p95; next to it the SQL that the
   ORM sent for the same requests, run alone through psycopg (how much of our time is the
   database), and the floor (bench/floor_app.py) called in-process the same way.
2. Query counts of the lists at page_size 1, 50 and 200 (CaptureQueriesContext).
3. Over HTTP: gunicorn as the Dockerfile runs it (`config.wsgi:application --workers 2`,
   DEBUG off) and the floor's WSGI app under the same gunicorn, loaded with wrk (8 connections,
   a few seconds each, ours and the floor back to back per endpoint so both see the same
   machine load): requests per second and p50/p95/p99 latency. Peak RSS of the gunicorn
   processes at the end.

Usage: .venv/bin/python bench/bench_api.py [--quick]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed as seeding
from bench.common import (
    BENCH_DB,
    ROOT,
    children,
    db_url,
    django_env,
    fmt,
    free_port,
    log,
    machine_line,
    md_table,
    median,
    peak_rss_mb,
    percentile,
    ratio,
    setup_django,
    stop,
    time_calls,
    wait_for_port,
    write_section,
)

CLAIMS, ARTICLES = 100_000, 2_000
DEEP_ROWS = 10_000  # how far into the verdict feed the deep cursor points
# Feed pages are built for every request (API_FEED_CACHE_SECONDS=0) except in the case marked
# page_cache, which shows what the page cache serves to pollers once a page is built.
PAGE_CACHE_SECONDS = 300
CONNECTIONS = 8
CAPTURED_PATHS = 10  # paths per case whose SQL is replayed through psycopg
MATCH_TEXTS = 12
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


@dataclass
class Case:
    name: str
    ours: list[str]  # API paths, used in turn
    floor: list[str]  # floor app paths, in the same turn
    floor_calls: list  # in-process floor calls, in the same turn
    headers: dict[str, str] = field(default_factory=dict)  # extra request headers (ours)
    floor_headers: dict[str, str] = field(default_factory=dict)
    expect: int = 200
    floor_expect: int | None = None  # when the floor answers otherwise (default: expect)
    target: float | None = None  # ours/floor throughput we aim at
    # ...or as a share of the reference row's ours/floor (the 304: Django's own request cost)
    target_of_reference: float | None = None
    page_cache: bool = False  # feed pages served from the cache (API_FEED_CACHE_SECONDS)
    results: dict = field(default_factory=dict)


# --- Cases ----------------------------------------------------------------------------------


def build_cases(floor, token: str) -> tuple[list[Case], dict]:
    from rest_framework.test import APIClient

    from claims import public_selectors

    client = APIClient(SERVER_NAME="127.0.0.1")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    ordered = public_selectors.published_versions().order_by("-updated_at", "-id")
    anchor = ordered.values_list("updated_at", "id")[DEEP_ROWS - 1]
    # DRF's cursor: base64 of a query string; position = str() of the ordering field of the row
    # the page continues after.
    cursor = base64.b64encode(urlencode({"p": str(anchor[0])}).encode()).decode()
    after = quote(f"{anchor[0].isoformat()},{anchor[1]}")

    from claims.models import Claim

    rng = random.Random(5)  # noqa: S311 - the same claims on every run
    top = Claim.objects.order_by("-id").values_list("id", flat=True).first()
    detail_ids = [rng.randint(1, top) for _ in range(100)]
    texts = [text for _, text in seeding.match_queries(BENCH_DB, MATCH_TEXTS)]
    etag = client.get("/api/v1/verdicts/")["ETag"]
    from bench.floor_app import NOT_MODIFIED_ETAG

    cases = [
        Case(
            "claims/ (page 1, 50 rows)",
            ["/api/v1/claims/"],
            ["/claims/"],
            [lambda: floor.claims_page(1, 50)],
            target=0.4,
        ),
        Case(
            "verdicts/ feed, first page (50)",
            ["/api/v1/verdicts/"],
            ["/verdicts/"],
            [lambda: floor.feed_page(None, 50)],
            target=0.3,
        ),
        Case(
            "verdicts/ feed, first page (50), from the page cache",
            ["/api/v1/verdicts/"],
            ["/verdicts/"],
            [lambda: floor.feed_page(None, 50)],
            page_cache=True,
        ),
        Case(
            f"verdicts/ feed, cursor {DEEP_ROWS:,} rows in",
            [f"/api/v1/verdicts/?cursor={quote(cursor)}"],
            [f"/verdicts/?after={after}"],
            [lambda: floor.feed_page(anchor, 50)],
            target=0.3,
        ),
        Case(
            "claims/{id}/ (100 ids in turn)",
            [f"/api/v1/claims/{pk}/" for pk in detail_ids],
            [f"/claims/{pk}/" for pk in detail_ids],
            [lambda pk=pk: floor.claim_detail(pk) for pk in detail_ids],
            target=0.2,
        ),
        Case(
            f"claims/match/?text= ({MATCH_TEXTS} texts in turn)",
            [f"/api/v1/claims/match/?{urlencode({'text': t})}" for t in texts],
            [f"/match/?{urlencode({'text': t})}" for t in texts],
            [lambda t=t: floor.match(t) for t in texts],
        ),
        Case(
            "verdicts/ feed, 304 (If-None-Match)",
            ["/api/v1/verdicts/"],
            ["/verdicts/not-modified/"],
            [lambda: floor.not_modified(NOT_MODIFIED_ETAG)],
            headers={"If-None-Match": etag},
            floor_headers={"If-None-Match": NOT_MODIFIED_ETAG},
            expect=304,
            target_of_reference=0.9,
        ),
        Case(
            "reference: /healthz, a plain Django view running SELECT 1",
            ["/healthz"],
            ["/verdicts/not-modified/"],
            [lambda: floor.not_modified(NOT_MODIFIED_ETAG)],
            floor_headers={"If-None-Match": NOT_MODIFIED_ETAG},
            floor_expect=304,
        ),
    ]
    return cases, {"client": client, "anchor": anchor}


def check_same_rows(client, floor, cases: list[Case]) -> list[str]:
    """The floor must fetch what the API returns: compare the ids of the first path's body."""
    notes = [
        "The floor returned the same rows as the API (ids compared on the first path of each "
        "list and detail case; claims/match/ is approximate, its recall is in the matching "
        "section). Feed pages are built for every request (API_FEED_CACHE_SECONDS=0) except in "
        "the row marked *from the page cache*, where the page, built once for the feed's ETag, "
        "is served again until the feed changes (what pollers without a tag get). The *reference* "
        "row is no endpoint of ours: Django's own cost for a view that runs one SELECT 1 (the "
        "service's /healthz, through the same middleware), against the floor's 304, the least "
        "any Django response costs here."
    ]
    for case in cases[:5]:
        ours = client.get(case.ours[0]).json()
        theirs = json.loads(case.floor_calls[0]())
        if isinstance(ours, dict) and "results" in ours:
            ours, theirs = ours["results"], theirs["results"]
        ids = (
            [r["id"] for r in ours] if isinstance(ours, list) else [ours["id"]],
            [r["id"] for r in theirs] if isinstance(theirs, list) else [theirs["id"]],
        )
        if ids[0] != ids[1]:
            notes[0] = "**The floor returned other rows than the API for some cases:**"
            notes.append(f"**{case.name}: the floor returned other rows than the API.**")
    return notes


# --- In-process -------------------------------------------------------------------------------


def measure_in_process(cases: list[Case], client, count: int, budget: float) -> None:
    import psycopg
    from django.test.utils import override_settings

    raw = psycopg.connect(db_url(), autocommit=True)
    for case in cases:
        with override_settings(API_FEED_CACHE_SECONDS=PAGE_CACHE_SECONDS if case.page_cache else 0):
            _measure_case_in_process(case, client, raw, count, budget)
    raw.close()


def _measure_case_in_process(case: Case, client, raw, count: int, budget: float) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in case.headers.items()}
    response = client.get(case.ours[0], **extra)
    if response.status_code != case.expect:
        raise SystemExit(f"{case.name}: expected {case.expect}, got {response.status_code}")
    # Warm-up that also records the SQL the ORM sends (parameters inlined) for the first
    # paths; the timed runs below are not captured.
    statements = []
    for path in case.ours[:CAPTURED_PATHS]:
        with CaptureQueriesContext(connection) as captured:
            client.get(path, **extra)
        statements.append([q["sql"] for q in captured.captured_queries])
    case.results["queries"] = len(statements[0])

    turn = {"ours": 0, "sql": 0, "floor": 0}

    def ours_call(case=case, extra=extra, turn=turn):
        path = case.ours[turn["ours"] % len(case.ours)]
        turn["ours"] += 1
        client.get(path, **extra)

    def sql_call(statements=statements, turn=turn):
        batch = statements[turn["sql"] % len(statements)]
        turn["sql"] += 1
        for sql in batch:
            cur = raw.execute(sql)
            if cur.description is not None:
                cur.fetchall()

    def floor_call(case=case, turn=turn):
        call = case.floor_calls[turn["floor"] % len(case.floor_calls)]
        turn["floor"] += 1
        call()

    for key, call in (("ours", ours_call), ("sql", sql_call), ("floor", floor_call)):
        case.results[f"inproc_{key}"] = time_calls(call, count, warmup=1, budget_s=budget)
    log(
        f"in-process {case.name}: ours {median(case.results['inproc_ours']):.1f} ms, "
        f"ORM SQL {median(case.results['inproc_sql']):.1f} ms, "
        f"floor {median(case.results['inproc_floor']):.1f} ms"
    )


def query_counts(client) -> list[list[str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = []
    for name, path in (
        ("claims/", "/api/v1/claims/"),
        ("verdicts/", "/api/v1/verdicts/"),
        ("claim-reviews/", "/api/v1/claim-reviews/"),
        ("articles/", "/api/v1/articles/"),
    ):
        counts = []
        for size in (1, 50, 200):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(f"{path}?page_size={size}")
            assert response.status_code == 200, (path, response.status_code)
            body = response.json()
            returned = len(body["results"]) if isinstance(body, dict) else len(body)
            counts.append((len(captured.captured_queries), returned))
        same = len({c for c, _ in counts}) == 1
        rows.append([name] + [f"{c} ({n} rows)" for c, n in counts] + ["yes" if same else "**no**"])
    return rows


# --- HTTP -------------------------------------------------------------------------------------

_LUA = """
local paths = {%(paths)s}
local i = 0
%(headers)s
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCHJSON {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"bytes\\": %%d, " ..
    "\\"non2xx3xx\\": %%d, \\"connect\\": %%d, \\"read\\": %%d, \\"write\\": %%d, " ..
    "\\"timeout\\": %%d, \\"p50\\": %%d, \\"p95\\": %%d, \\"p99\\": %%d, \\"max\\": %%d}\\n",
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""


def _lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk(port: int, paths: list[str], headers: dict[str, str], seconds: float, tmp: Path) -> dict:
    script = tmp / f"wrk-{port}-{abs(hash(tuple(paths))) % 10**8}.lua"
    header_lines = "\n".join(
        f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items()
    )
    script.write_text(
        _LUA % {"paths": ", ".join(_lua_string(p) for p in paths), "headers": header_lines}
    )
    result = subprocess.run(
        [
            shutil.which("wrk") or "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("BENCHJSON "))
    data = json.loads(line.removeprefix("BENCHJSON "))
    seconds_run = data["duration_us"] / 1e6
    return {
        "rps": data["requests"] / seconds_run,
        "p50": data["p50"] / 1000,
        "p95": data["p95"] / 1000,
        "p99": data["p99"] / 1000,
        "requests": data["requests"],
        "errors": data["non2xx3xx"] + data["connect"] + data["read"] + data["timeout"],
        "bytes_per_response": data["bytes"] / max(1, data["requests"]),
        "tool": "wrk",
    }


def python_load(port: int, paths: list[str], headers: dict[str, str], seconds: float) -> dict:
    """Fallback without wrk: 8 threads, one request at a time each, bounded by time."""
    import http.client

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset: int) -> None:
        i = offset
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", paths[i % len(paths)], headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                ok = response.status < 400
            except OSError:
                ok = False
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += not ok
            i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "requests": len(latencies),
        "errors": errors[0],
        "bytes_per_response": 0,
        "tool": "python threads",
    }


def start_gunicorn(app: str, env: dict[str, str], log_path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    with log_path.open("wb") as out:
        process = subprocess.Popen(
            [GUNICORN, app, "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    wait_for_port(port, process=process)
    return process, port


def http_status(port: int, path: str, headers: dict[str, str]) -> int:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def drain(port: int, path: str) -> None:
    """Wait until both workers are free: requests still queued from a run whose client left
    would otherwise be served during the next run."""

    def ask() -> None:
        with contextlib.suppress(OSError):
            http_status(port, path, {})

    threads = [threading.Thread(target=ask, daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def measure_http(cases: list[Case], token: str, maps: dict, seconds: float) -> dict:
    load = "wrk" if shutil.which("wrk") else "python"
    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    ours_env = django_env(BENCH_DB, API_FEED_CACHE_SECONDS="0")
    floor_env = {
        **ours_env,
        "BENCH_FLOOR_DSN": db_url(),
        "BENCH_FLOOR_MAPS": json.dumps(maps),
    }
    ours, ours_port = start_gunicorn("config.wsgi:application", ours_env, tmp / "ours.log")
    cached_env = {**ours_env, "API_FEED_CACHE_SECONDS": str(PAGE_CACHE_SECONDS)}
    cached, cached_port = start_gunicorn("config.wsgi:application", cached_env, tmp / "cached.log")
    floor, floor_port = start_gunicorn("bench.floor_app:application", floor_env, tmp / "floor.log")
    auth = {"Authorization": f"Token {token}"}
    try:
        for case in cases:
            runs = (
                (
                    "ours",
                    cached_port if case.page_cache else ours_port,
                    case.ours,
                    {**auth, **case.headers},
                ),
                ("floor", floor_port, case.floor, case.floor_headers),
            )
            for key, port, paths, headers in runs:
                status = http_status(port, paths[0], headers)
                expected = case.expect if key == "ours" else (case.floor_expect or case.expect)
                if status != expected:
                    raise SystemExit(f"{case.name} ({key}): HTTP {status}, not {expected}")
                idle = "/healthz" if key == "ours" else "/idle/"
                run = (lambda *a: wrk(*a, tmp)) if load == "wrk" else python_load
                run(port, paths, headers, 1)  # warm both workers up
                drain(port, idle)
                case.results[f"http_{key}"] = run(port, paths, headers, seconds)
                drain(port, idle)
            log(
                f"HTTP {case.name}: ours {case.results['http_ours']['rps']:.0f} req/s, "
                f"floor {case.results['http_floor']['rps']:.0f} req/s"
            )
        memory = {
            name: {
                "master": peak_rss_mb(process.pid),
                "workers": [peak_rss_mb(pid) for pid in children(process.pid)],
            }
            for name, process in (("ours", ours), ("floor", floor))
        }
    finally:
        stop(ours)
        stop(cached)
        stop(floor)
    return {"memory": memory, "load": load}


# --- Report -----------------------------------------------------------------------------------


def report(cases, counts, http, seeded, notes, wall, args) -> str:
    inproc_rows = []
    for case in cases:
        r = case.results
        inproc_rows.append(
            [
                case.name,
                fmt(median(r["inproc_ours"])),
                fmt(percentile(r["inproc_ours"], 95)),
                fmt(median(r["inproc_sql"])),
                fmt(median(r["inproc_floor"])),
                fmt(percentile(r["inproc_floor"], 95)),
                ratio(median(r["inproc_floor"]), median(r["inproc_ours"])),
                str(r["queries"]),
                str(len(r["inproc_ours"])),
            ]
        )
    http_rows = []

    def http_ratio(case: Case) -> float:
        o, f = case.results["http_ours"], case.results["http_floor"]
        return o["rps"] / f["rps"] if f["rps"] else 0

    reference = next((c for c in cases if c.name.startswith("reference:")), None)
    for case in cases:
        o, f = case.results["http_ours"], case.results["http_floor"]
        got = http_ratio(case)
        verdict = "-"
        if case.target is not None:
            verdict = f"≥ {case.target}x: " + ("met" if got >= case.target else "**missed**")
        elif case.target_of_reference is not None and reference is not None:
            wanted = case.target_of_reference * http_ratio(reference)
            verdict = f"≥ {case.target_of_reference} x the reference's ({wanted:.2f}x): " + (
                "met" if got >= wanted else "**missed**"
            )
        errors = o["errors"] + f["errors"]
        http_rows.append(
            [
                case.name,
                fmt(o["rps"], 0),
                f"{o['p50']:.1f} / {o['p95']:.1f} / {o['p99']:.1f}",
                fmt(f["rps"], 0),
                f"{f['p50']:.1f} / {f['p95']:.1f} / {f['p99']:.1f}",
                f"**{got:.2f}x**",
                verdict + (f" ({errors} errors)" if errors else ""),
            ]
        )
    mem = http["memory"]
    mem_rows = []
    for name, label in (("ours", "config.wsgi (ours)"), ("floor", "bench.floor_app (floor)")):
        workers = mem[name]["workers"]
        top = max(workers) if workers else 0
        mem_rows.append(
            [
                label,
                fmt(mem[name]["master"]),
                ", ".join(fmt(w) for w in workers),
                ("< 300 MB: met" if top < 300 else "**≥ 300 MB: missed**")
                if name == "ours"
                else "-",
            ]
        )
    seeded_line = (
        f"reused the seeded database `{seeded['database']}`"
        if seeded.get("reused")
        else f"seeded `{seeded['database']}` in {seeded['seconds']:.0f} s ({seeded.get('rows')})"
    )
    load_tool = (
        f"wrk, 2 threads, {CONNECTIONS} connections, {args.duration:g} s per run after a 1 s "
        "warm-up"
        if http["load"] == "wrk"
        else f"Python threads ({CONNECTIONS}), wrk was not installed"
    )
    parts = [
        machine_line(wall),
        f"Data: {CLAIMS:,} claims over {ARTICLES:,} articles; {seeded_line}.",
        "### In-process (Django test client with a token; floor called directly)",
        md_table(
            [
                "endpoint",
                "ours p50 ms",
                "ours p95 ms",
                "ORM's SQL alone p50 ms",
                "floor p50 ms",
                "floor p95 ms",
                "ours/floor throughput",
                "queries",
                "n",
            ],
            inproc_rows,
        ),
        "*ORM's SQL alone*: the statements our request sent (captured, parameters inlined) run "
        "through plain psycopg, rows fetched: the database's share of our time.",
        f"### Over HTTP (gunicorn --workers 2, DEBUG off; {load_tool})",
        md_table(
            [
                "endpoint",
                "ours req/s",
                "ours p50 / p95 / p99 ms",
                "floor req/s",
                "floor p50 / p95 / p99 ms",
                "ours/floor req/s",
                "target",
            ],
            http_rows,
        ),
        "### Queries per request by page size (in-process, CaptureQueriesContext)",
        md_table(["list", "page_size=1", "page_size=50", "page_size=200", "independent"], counts),
        "### Peak memory of the gunicorn processes (VmHWM, MB) after all HTTP runs",
        md_table(["app", "master", "workers", "target"], mem_rows),
    ]
    if notes:
        parts.append("\n".join(f"- {n}" for n in notes))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=60, help="in-process requests per case")
    parser.add_argument("--duration", type=float, default=4, help="seconds per wrk run")
    parser.add_argument(
        "--budget", type=float, default=6, help="seconds at most per in-process series"
    )
    parser.add_argument("--quick", action="store_true", help="20 requests, 2 s runs")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.duration, args.budget = 20, 2, 3
    started = time.monotonic()

    seeded = seeding.ensure_seeded(BENCH_DB, claims=CLAIMS, articles=ARTICLES)
    setup_django(BENCH_DB, API_FEED_CACHE_SECONDS="0")
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from bench.floor_app import Floor
    from claims.models import ApiToken, ClaimStatus, Rating
    from claims.workflow import available_actions

    editor = get_user_model().objects.get(username="bench_editor")
    # Tokens are stored hashed: issue one for this run (the seed cannot hand one over).
    _, token = ApiToken.issue(user=editor, now=timezone.now())
    maps = {
        "actions": {s: available_actions(s, editor) for s in ClaimStatus.values},
        "labels": {value: str(label) for value, label in Rating.choices},
    }
    floor = Floor(db_url(), maps)
    cases, context = build_cases(floor, token)
    client = context["client"]
    notes = check_same_rows(client, floor, cases)

    log("in-process")
    measure_in_process(cases, client, args.requests, budget=args.budget)
    counts = query_counts(client)
    log("over HTTP")
    http = measure_http(cases, token, maps, args.duration)
    wall = time.monotonic() - started
    body = report(cases, counts, http, seeded, notes, wall, args)
    write_section("api", "API lists (bench/bench_api.py)", body)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
