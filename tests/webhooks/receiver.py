"""A subscriber's webhook receiver on loopback: a threaded http.server that verifies every
request with the `standardwebhooks` package, as a subscriber would, and answers from a script.

`Receiver(secrets, answers=[500, 200])` answers the first request 500, the second 200, and 200
after the script runs out. An answer is a status, or (status, headers). `stall` holds every
request until it is released (a receiver that hangs, for the killed-worker test).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    verified_by: list[int]  # indexes of the secrets whose signature verified
    payload: dict | None

    @property
    def verified(self) -> bool:
        return bool(self.verified_by)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Receiver

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.record(self.path, dict(self.headers.items()), body)
        self.server.stall.wait(timeout=60)
        status, headers = self.server.next_answer()
        payload = b"ok" if status < 300 else f"answer {status}".encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, secrets: list[str] | None = None, answers: list | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.secrets = list(secrets or [])
        self.answers = list(answers or [])
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.stall = threading.Event()
        self.stall.set()  # not stalled
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> Receiver:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stall.set()
        self.shutdown()
        self.server_close()

    def record(self, path: str, headers: dict[str, str], body: bytes) -> None:
        verified_by = []
        payload = None
        for index, secret in enumerate(self.secrets):
            try:
                payload = Webhook(secret).verify(body, headers)
            except WebhookVerificationError:
                continue
            verified_by.append(index)
        with self.arrived:
            self.received.append(Received(path, headers, body, verified_by, payload))
            self.arrived.notify_all()

    def next_answer(self) -> tuple[int, dict[str, str]]:
        with self.lock:
            answer = self.answers.pop(0) if self.answers else 200
        return answer if isinstance(answer, tuple) else (answer, {})

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} requests, got {len(self.received)}")
                self.arrived.wait(left)
            return list(self.received)
