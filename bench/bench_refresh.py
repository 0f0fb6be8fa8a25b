#!/usr/bin/env python
"""Evidence refresh through a real Celery worker against a loopback web server.

2,000 evidence sources point at a threaded HTTP server on 127.0.0.1 (in this process) that
answers like the web does, with a latency per response (loopback has none of its own):

- 70 % news pages with an ETag (200 on the first pass, 304 on the second),
- 10 % pages without validators whose text changes between passes (a new snapshot each pass),
- 10 % gone (404),
- 10 % slow pages with an ETag (a longer latency),

plus a robots.txt that allows everything. A real worker process (`celery -A config worker`,
prefork pool) on its own queue refreshes them. Each pass makes the sources due, sends the beat
task sources.enqueue_due ONCE, as celery beat does every minute (the worker runs the sweep, which
leases and queues batch after batch while sources are due), and waits until every source has
been checked.

Measured per pass: how many fetches the one sweep queued and how long it ran (from the worker's
log), sources per second (due -> last check), time from due to done per source,
against the ideal: worker concurrency / mean service time (the server's time per response,
measured by the server). Checked per pass: every source fetched exactly once (the server counts
requests per source), checked once (last_checked_at), and the snapshots are exactly those
expected (no duplicate). Peak RSS of the worker's processes.

Usage: .venv/bin/python bench/bench_refresh.py [--quick] [--concurrency N]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed as seeding
from bench.common import (
    BENCH_BROKER_URL,
    BENCH_CACHE_URL,
    BENCH_DB,
    PYTHON,
    ROOT,
    children,
    cpu_seconds,
    django_env,
    fmt,
    log,
    machine_line,
    md_table,
    peak_rss_mb,
    percentile,
    setup_django,
    stop,
    write_section,
)

SOURCES = 2_000
LATENCY_S = 0.020  # every response: a nearby site across a network
SLOW_LATENCY_S = 0.050  # the slow tenth
# Share of the ideal each pass must reach (issue 17): new pages, then mostly 304s.
TARGET_SHARE = {1: 0.6, 2: 0.75}
TEMPLATE = (ROOT / "tests" / "fixtures" / "articles" / "eu-budget-row.html").read_text()
PATH_PREFIX = "/bench-refresh/"
BODY_START = "<p>Hungary on Tuesday vetoed"  # where each page gets its own paragraphs


def kind_of(index: int) -> str:
    """70 % etag, 10 % changing, 10 % missing, 10 % slow; interleaved so every batch mixes."""
    return {7: "changing", 8: "missing", 9: "slow"}.get(index % 10, "etag")


# --- The web -------------------------------------------------------------------------------------


class Web(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.pass_number = 1
        self.lock = threading.Lock()
        self.hits: collections.Counter[str] = collections.Counter()
        self.service: list[float] = []  # seconds per response, this pass
        self.statuses: collections.Counter[int] = collections.Counter()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.daemon = True

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host name up (getfqdn); loopback needs none.
        import socketserver

        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    def new_pass(self, number: int) -> None:
        with self.lock:
            self.pass_number = number
            self.hits.clear()
            self.service.clear()
            self.statuses.clear()

    def page(self, index: int) -> bytes:
        extra = f"<p>Source {index} adds that the figures were confirmed on page {index}.</p>"
        if kind_of(index) == "changing":
            extra += f"<p>Update {self.pass_number}: the story changed since the last visit.</p>"
        return TEMPLATE.replace(BODY_START, extra + BODY_START, 1).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: Web

    def do_GET(self) -> None:
        started = time.perf_counter()
        web = self.server
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain", {})
            return
        match = re.fullmatch(re.escape(PATH_PREFIX) + r"(\d+)", self.path)
        index = int(match.group(1)) if match else -1
        kind = kind_of(index) if index >= 0 else "missing"
        time.sleep(SLOW_LATENCY_S if kind == "slow" else LATENCY_S)
        if kind == "missing":
            status, body, headers = 404, b"<h1>Not found</h1>", {}
        else:
            etag = f'"v1-{index}"' if kind in ("etag", "slow") else ""
            if etag and self.headers.get("If-None-Match") == etag:
                status, body, headers = 304, b"", {"ETag": etag}
            else:
                status, body, headers = 200, web.page(index), ({"ETag": etag} if etag else {})
        self._send(status, body, "text/html; charset=utf-8", headers)
        with web.lock:
            web.hits[self.path] += 1
            web.statuses[status] += 1
            web.service.append(time.perf_counter() - started)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


# --- The worker ----------------------------------------------------------------------------------


def worker_env(port: int, concurrency: int) -> dict[str, str]:
    return django_env(
        BENCH_DB,
        CELERY_BROKER_URL=BENCH_BROKER_URL,
        CACHE_URL=BENCH_CACHE_URL,
        DJANGO_LOG_LEVEL="INFO",
        SOURCES_ALLOW_PRIVATE_NETWORKS="true",
        SOURCES_ALLOWED_PORTS=f"80,443,{port}",
        SOURCES_PER_HOST_INTERVAL="0",
        SOURCES_PER_HOST_CONCURRENCY=str(concurrency * 2),
        SOURCES_RESPECT_ROBOTS="true",
    )


def start_worker(
    env: dict[str, str], queue: str, concurrency: int, pool: str, log_path: Path
) -> subprocess.Popen:
    # The sweep runs on the worker and sends the fetches to its default queue: this run's own.
    env = {**env, "CELERY_TASK_DEFAULT_QUEUE": queue}
    with log_path.open("wb") as out:
        process = subprocess.Popen(
            [
                PYTHON, "-m", "celery", "-A", "config", "worker", f"--pool={pool}",
                f"--concurrency={concurrency}", "--without-gossip", "--without-mingle",
                "--loglevel=INFO", "-Q", queue, "-n", f"{queue}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the worker exited:\n{log_path.read_text(errors='replace')}")
        if " ready." in log_path.read_text(errors="replace"):
            return process
        time.sleep(0.2)
    stop(process)
    raise SystemExit("the worker did not become ready in 60 s")


# --- Passes --------------------------------------------------------------------------------------


def make_sources(port: int) -> list[int]:
    from sources.models import Snapshot, Source

    old = Source.objects.filter(url__contains=PATH_PREFIX)
    Snapshot.objects.filter(source__in=old).delete()
    old.delete()
    Source.objects.bulk_create(
        [
            Source(
                kind=Source.Kind.EVIDENCE,
                url=f"http://127.0.0.1:{port}{PATH_PREFIX}{i}",
                refresh_tier=Source.Tier.EVIDENCE,
            )
            for i in range(SOURCES)
        ],
        batch_size=1000,
    )
    return list(
        Source.objects.filter(url__contains=PATH_PREFIX).order_by("id").values_list("id", flat=True)
    )


def worker_cpu(worker: subprocess.Popen) -> float:
    return sum(cpu_seconds(pid) for pid in [worker.pid, *children(worker.pid)])


def sweep_result(log_path: Path, task_id: str) -> tuple[int | None, float | None]:
    """(fetches queued, seconds) of one sources.enqueue_due run, from the worker's log line
    "Task sources.enqueue_due[<id>] succeeded in <s>s: <count>"; Nones if it did not finish."""
    match = re.search(
        rf"sources\.enqueue_due\[{re.escape(task_id)}\] succeeded in ([0-9.]+)s: (\d+)",
        log_path.read_text(errors="replace"),
    )
    return (int(match.group(2)), float(match.group(1))) if match else (None, None)


def run_pass(
    number: int,
    ids: list[int],
    web: Web,
    worker: subprocess.Popen,
    concurrency: int,
    timeout: float,
    log_path: Path,
) -> dict:
    from django.db.models import Count, Max
    from django.utils import timezone

    from sources.models import Snapshot, Source
    from sources.tasks import enqueue_due_sources

    web.new_pass(number)
    cpu_before = worker_cpu(worker)
    due = timezone.now()
    Source.objects.filter(id__in=ids).update(next_check_at=due)
    started = time.monotonic()
    # What celery beat does once a minute: send the sweep task; a worker process runs it.
    sweep = enqueue_due_sources.apply_async()
    checked = Source.objects.filter(id__in=ids, last_checked_at__gte=due)
    deadline = started + timeout
    while checked.count() < len(ids) and time.monotonic() < deadline:
        time.sleep(0.25)
    cpu = worker_cpu(worker) - cpu_before
    time.sleep(1.0)  # let any duplicate delivery show up before counting
    enqueued, enqueue_s = sweep_result(log_path, sweep.id)

    rows = list(checked.values_list("last_checked_at", "url", "http_status"))
    waits = sorted((at - due).total_seconds() for at, _, _ in rows)
    last = checked.aggregate(last=Max("last_checked_at"))["last"]
    wall = (last - due).total_seconds() if last else float("nan")
    statuses = collections.Counter(status for _, _, status in rows)

    paths = [f"{PATH_PREFIX}{i}" for i in range(SOURCES)]
    with web.lock:
        hits = dict(web.hits)
        service = list(web.service)
        robots = hits.pop("/robots.txt", 0)
    lost_fetch = sum(1 for p in paths if hits.get(p, 0) == 0)
    duplicated_fetch = sum(1 for p in paths if hits.get(p, 0) > 1)

    # Snapshots: one per page that answered 200 with new text, never two of the same text.
    per_source = dict(
        Snapshot.objects.filter(source_id__in=ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    duplicates = (
        Snapshot.objects.filter(source_id__in=ids)
        .values("source_id", "content_hash")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    expected = {"etag": 1, "slow": 1, "changing": number, "missing": 0}
    wrong_snapshots = sum(
        1 for i, pk in enumerate(ids) if per_source.get(pk, 0) != expected[kind_of(i)]
    )
    mean_service = sum(service) / len(service) if service else float("nan")
    ideal = concurrency / mean_service
    done = len(rows)
    return {
        "pass": number,
        "enqueued": enqueued,
        "enqueue_s": enqueue_s,
        "checked": done,
        "lost": len(ids) - done,
        "lost_fetch": lost_fetch,
        "duplicated_fetch": duplicated_fetch,
        "robots": robots,
        "duplicate_snapshots": duplicates,
        "wrong_snapshots": wrong_snapshots,
        "wall": wall,
        "rate": done / wall if wall else float("nan"),
        "ideal": ideal,
        "mean_service_ms": mean_service * 1000,
        "cpu_ms_per_source": cpu / max(1, len(ids)) * 1000,
        "p50": percentile(waits, 50),
        "p95": percentile(waits, 95),
        "max": waits[-1] if waits else float("nan"),
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--concurrency",
        type=int,
        default=os.cpu_count() or 2,
        help="worker pool size (default: the number of cores, as `make worker` runs it)",
    )
    parser.add_argument("--pool", default="prefork", choices=["prefork", "threads"])
    parser.add_argument("--quick", action="store_true", help="500 sources")
    args = parser.parse_args()
    global SOURCES
    if args.quick:
        SOURCES = 500
    started = time.monotonic()

    seeding.ensure_seeded(BENCH_DB, claims=100_000, articles=2_000)
    web = Web()
    web.thread.start()
    port = web.server_port
    env = worker_env(port, args.concurrency)
    # The bench process sends the tasks: same broker and cache as the worker, and its queue.
    setup_django(BENCH_DB, CELERY_BROKER_URL=BENCH_BROKER_URL, CACHE_URL=BENCH_CACHE_URL)
    from config.celery import app

    queue = f"bench-refresh-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    ids = make_sources(port)
    log_path = Path(tempfile.gettempdir()) / f"{queue}.log"
    worker = start_worker(env, queue, args.concurrency, args.pool, log_path)
    log(f"worker ready ({args.pool}, concurrency {args.concurrency}); {len(ids)} sources")
    results = []
    try:
        for number in (1, 2):
            result = run_pass(number, ids, web, worker, args.concurrency, 240, log_path)
            log(
                f"pass {number}: {result['checked']} checked in {result['wall']:.1f} s, "
                f"{result['rate']:.1f}/s (ideal {result['ideal']:.0f}/s)"
            )
            results.append(result)
        memory = [("master", peak_rss_mb(worker.pid))] + [
            (f"child {pid}", peak_rss_mb(pid)) for pid in children(worker.pid)
        ]
    finally:
        stop(worker, timeout=60)
        web.shutdown()
        import redis

        redis.Redis.from_url(BENCH_BROKER_URL).delete(queue)
    errors = [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if "ERROR" in line or "Traceback" in line
    ]
    wall_total = time.monotonic() - started
    body = report(results, memory, args, errors, wall_total)
    write_section("refresh", "Refresh (bench/bench_refresh.py)", body)
    if not errors:
        log_path.unlink(missing_ok=True)


def report(results, memory, args, errors, wall_total) -> str:
    rows = []
    for r in results:
        share = r["rate"] / r["ideal"]
        target = TARGET_SHARE.get(r["pass"], TARGET_SHARE[1])
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items(), key=str))
        ok = r["lost"] == 0 and r["duplicated_fetch"] == 0 and r["duplicate_snapshots"] == 0
        rows.append(
            [
                str(r["pass"]),
                "sweep unfinished"
                if r["enqueued"] is None
                else f"{r['enqueued']:,} in {r['enqueue_s']:.1f} s",
                fmt(r["wall"]),
                fmt(r["rate"]),
                f"{fmt(r['ideal'])} ({r['mean_service_ms']:.0f} ms)",
                fmt(r["cpu_ms_per_source"]),
                f"**{share:.0%}** (target {target:.0%}: {'met' if share >= target else 'missed'})",
                f"{r['p50']:.1f} / {r['p95']:.1f} / {r['max']:.1f}",
                statuses,
                f"{r['lost']} / {r['lost_fetch']}",
                f"{r['duplicated_fetch']} / {r['duplicate_snapshots']} / {r['wrong_snapshots']}"
                + ("" if ok else " **check**"),
            ]
        )
    top = max(mb for _, mb in memory)
    mem = ", ".join(f"{name.split()[0]} {mb:.0f}" for name, mb in memory)
    parts = [
        machine_line(wall_total),
        f"{SOURCES:,} sources on one loopback server (latency {LATENCY_S * 1000:.0f} ms, slow "
        f"tenth {SLOW_LATENCY_S * 1000:.0f} ms, 404 tenth, changing tenth); worker: "
        f"`celery -A config worker --pool={args.pool} --concurrency={args.concurrency}`, "
        "SOURCES_PER_HOST_INTERVAL=0, SOURCES_PER_HOST_CONCURRENCY=2x concurrency, robots.txt "
        "served and respected.",
        md_table(
            [
                "pass",
                "queued by one sweep (sources.enqueue_due on the worker)",
                "due → last done s",
                "sources/s",
                "ideal/s (mean service time)",
                "worker CPU ms per source",
                "share of ideal",
                "due → done p50 / p95 / max s",
                "HTTP statuses recorded",
                "lost: unchecked / unfetched",
                "duplicated fetches / duplicate snapshots / unexpected snapshot counts",
            ],
            rows,
        ),
        f"Worker peak RSS (VmHWM, MB): {mem}; largest {top:.0f} MB "
        + ("(< 300 MB: met)." if top < 300 else "(**≥ 300 MB: missed**)."),
        "Each pass sends the beat task sources.enqueue_due once, as celery beat does every "
        "minute; the worker runs the sweep, which leases SOURCES_SWEEP_BATCH (200) sources at "
        "a time and keeps going while any are due (within SOURCES_SWEEP_SECONDS and below "
        "SOURCES_SWEEP_MAX_QUEUED waiting fetches), so one sweep queues the whole backlog.",
        "Ideal = worker concurrency / mean time the server took per response (its latency "
        "included): the rate if the worker did nothing but wait for the server. Pass 1 stores a "
        "snapshot of every page; pass 2 gets 304s for the ETag pages, one new snapshot per "
        "changing page and a second 404 for the gone ones.",
    ]
    if errors:
        parts.append("Worker log errors:\n\n```\n" + "\n".join(errors[:20]) + "\n```")
    return "\n\n".join(parts)


if __name__ == "__main__":
    main()
