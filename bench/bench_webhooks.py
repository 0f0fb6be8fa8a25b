#!/usr/bin/env python
"""Webhooks: 1,000 endpoints receiving one publish, delivered by one worker.

1,000 endpoints point at loopback receivers: a separate process (so that it does not share the
worker's GIL) serving threaded `http.server`s on four ports, which verify every request's
Standard Webhooks signature with the `standardwebhooks` package and answer 200 after a set
latency (0 ms: loopback; 100 ms: a receiver doing some work, as real subscribers do).

Measured per latency:

- **floor**: the same 1,000 POSTs of the same body to the same receivers, from a pool of
  WEBHOOKS_CONCURRENCY threads with bare `http.client` (one connection each, as ours), no
  database, no signing, no address checks: what the machine and the receivers allow.
- **outbox**: `webhooks_enqueue` in one transaction, as the publish writes it (the message and
  1,000 delivery rows).
- **delivery**: from the commit to the last result recorded. With no broker (as `make run`)
  the commit runs the delivery task in this process: `webhooks_deliver(delivery_ids=...)`,
  the code the `deliver_webhooks` sweep and the beat task run (one worker): claim in batches,
  sign, check the address, POST from a thread pool, record the results.

Checked: every endpoint received exactly one request, and every signature verified.

Usage: .venv/bin/python bench/bench_webhooks.py [--endpoints N] [--latencies 0,100]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    PYTHON,
    ROOT,
    ensure_database,
    fmt,
    free_port,
    log,
    machine_line,
    md_table,
    migrate,
    setup_django,
    stop,
    wait_for_port,
    write_section,
)

DB = "claimtracker_bench_webhooks"
PORTS = 4
SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # a bench-only key


# --- The receivers (a process of their own) ------------------------------------------------------


def serve(ports: list[int], latency_ms: float) -> None:
    from standardwebhooks.webhooks import Webhook, WebhookVerificationError

    lock = threading.Lock()
    seen: dict[str, int] = {}
    stats = {"requests": 0, "verified": 0}
    verifier = Webhook(SECRET)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                verifier.verify(body, dict(self.headers.items()))
                ok = 1
            except WebhookVerificationError:
                ok = 0
            if latency_ms:
                time.sleep(latency_ms / 1000)
            with lock:
                stats["requests"] += 1
                stats["verified"] += ok
                seen[self.path] = seen.get(self.path, 0) + 1
            self._answer(b"ok")

        def do_GET(self) -> None:
            with lock:
                if self.path == "/reset":
                    seen.clear()
                    stats.update(requests=0, verified=0)
                body = json.dumps(
                    {**stats, "paths": len(seen), "max_per_path": max(seen.values(), default=0)}
                ).encode()
            self._answer(body)

        def _answer(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 1024  # the listen backlog: bursts of connections are the point

    servers = []
    for port in ports:
        server = Server(("127.0.0.1", port), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    threading.Event().wait()


def receiver_stats(port: int, *, reset: bool = False) -> dict:
    connection = HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/reset" if reset else "/stats")
    data = json.loads(connection.getresponse().read())
    connection.close()
    return data


def all_stats(ports: list[int], *, reset: bool = False) -> dict:
    """The receivers' counts (one process serves every port: any port answers for all)."""
    return receiver_stats(ports[0], reset=reset)


# --- The measurements --------------------------------------------------------------------------


def floor(urls: list[tuple[int, str]], body: bytes, threads: int) -> float:
    def one(target: tuple[int, str]) -> int:
        port, path = target
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/json", "Connection": "close"},
        )
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status

    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        statuses = list(pool.map(one, urls))
    assert all(status == 200 for status in statuses), set(statuses)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoints", type=int, default=1000)
    parser.add_argument("--latencies", default="0,100", help="receiver latencies, ms")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--latency", type=float, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve([int(port) for port in args.serve.split(",")], args.latency)
        return

    wall = time.monotonic()
    ports = [free_port() for _ in range(PORTS)]
    if ensure_database(DB):
        log(f"created {DB}")
    migrate(DB)
    setup_django(
        DB,
        SOURCES_ALLOW_PRIVATE_NETWORKS="true",
        SOURCES_ALLOWED_PORTS=",".join(["80", "443", *map(str, ports)]),
    )
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from claims.models import (
        Claim,
        ClaimStatus,
        Rating,
        Verdict,
        WebhookDelivery,
        WebhookEndpoint,
        WebhookMessage,
    )
    from claims.publication import frozen_claim_fields
    from claims.services import webhooks

    threads = settings.WEBHOOKS_CONCURRENCY
    rows = []
    for latency in [float(x) for x in args.latencies.split(",")]:
        receivers = subprocess.Popen(
            [PYTHON, __file__, "--serve", ",".join(map(str, ports)), "--latency", str(latency)],
            cwd=ROOT,
        )
        try:
            for port in ports:
                wait_for_port(port)
            WebhookDelivery.objects.all().delete()
            WebhookMessage.objects.all().delete()
            WebhookEndpoint.objects.all().delete()
            targets = [(ports[i % PORTS], f"/hook/{i}") for i in range(args.endpoints)]
            WebhookEndpoint.objects.bulk_create(
                WebhookEndpoint(
                    url=f"http://127.0.0.1:{port}{path}",
                    events=["verdict.published"],
                    secret=SECRET,
                )
                for port, path in targets
            )
            user, _ = get_user_model().objects.get_or_create(username="bench-webhooks-editor")
            claim = Claim.objects.create(
                text="The bridge cost 412 million euros, officials said.",
                status=ClaimStatus.PUBLISHED,
                checkworthiness=1.0,
                origin=Claim.Origin.MANUAL,
            )
            Verdict.objects.create(
                claim=claim,
                state=Verdict.State.PUBLISHED,
                number=1,
                rating=Rating.FALSE,
                conclusion="It cost 380 million.",
                author=user,
                published_at=timezone.now(),
                **frozen_claim_fields(claim),
            )
            # The floor: the same body, the same receivers, bare http.client.
            body = webhooks.verdict_data(claim.verdicts.get().pk)
            payload = json.dumps({"type": "verdict.published", "data": body}).encode()
            all_stats(ports, reset=True)
            floor_s = floor(targets, payload, threads)
            all_stats(ports, reset=True)

            # Ours: the outbox written as the publish writes it, then one worker's sweep.
            # No broker here (as `make run`): the commit runs the delivery task in process,
            # webhooks_deliver(delivery_ids=...), the same code the sweep runs.
            started = time.monotonic()
            with transaction.atomic():
                ids = webhooks.webhooks_enqueue(
                    event="verdict.published", claim=claim, verdict=claim.verdicts.get()
                )
                enqueued = time.monotonic()
            done = time.monotonic()
            enqueue_s, deliver_s = enqueued - started, done - enqueued
            stats = all_stats(ports)
            delivered = WebhookDelivery.objects.filter(status="delivered").count()
            assert len(ids) == args.endpoints
            assert delivered == args.endpoints, delivered
            assert stats["requests"] == stats["verified"] == args.endpoints, stats
            assert stats["paths"] == args.endpoints and stats["max_per_path"] == 1, stats
            log(
                f"latency {latency:g} ms: floor {floor_s:.2f} s, outbox {enqueue_s:.2f} s, "
                f"delivery {deliver_s:.2f} s"
            )
            rows.append(
                (
                    f"{latency:g}",
                    f"{args.endpoints:,}",
                    fmt(floor_s, 2),
                    fmt(args.endpoints / floor_s, 0),
                    fmt(enqueue_s, 2),
                    fmt(deliver_s, 2),
                    fmt(args.endpoints / deliver_s, 0),
                    f"{deliver_s / floor_s:.1f}x",
                    f"{stats['verified']:,} / {stats['requests']:,}",
                )
            )
        finally:
            stop(receivers)
    table = md_table(
        [
            "receiver latency ms",
            "endpoints",
            "floor s",
            "floor req/s",
            "outbox write s",
            "delivery s",
            "delivered/s",
            "delivery / floor",
            "signatures verified",
        ],
        rows,
    )
    body = f"""
One publish to {args.endpoints:,} endpoints on {PORTS} loopback receivers (another process,
threaded http.server, verifying every signature with `standardwebhooks`), delivered by one
worker: with no broker the publish's commit runs the delivery task in process
(`webhooks_deliver`, the code the `deliver_webhooks` sweep and the beat task run), with
WEBHOOKS_CONCURRENCY={threads} threads and batches of {settings.WEBHOOKS_BATCH_SIZE}. The floor
sends the same body to the same receivers from the same number of threads with bare
`http.client`: no database, signing or address checks. The outbox write is the publish
transaction's share (the message and one delivery row per endpoint). Target: all delivered
within 60 s.

{table}

{machine_line(time.monotonic() - wall)}
"""
    write_section("webhooks", "Webhooks: one publish to 1,000 endpoints", body)


if __name__ == "__main__":
    main()
