"""POST one signed webhook under the fetcher's rules.

sources.fetching is the code that speaks HTTP to the web, and it only GETs pages; a webhook is
a POST to a subscriber's URL, so this module sends it with the fetcher's own parts: the URL and
port policy (`parse_target`), one DNS lookup whose every answer must be a public address unless
SOURCES_ALLOW_PRIVATE_NETWORKS (or SOURCES_ALLOWED_NETWORKS) lets it through
(`lookup`, `check_addresses`), a connection to the checked address with TLS verified against
the host name (`connect`), and the watchdog that enforces the total deadline. Redirects are not
followed (a 3xx is the answer), no proxy is consulted, and at most WEBHOOKS_MAX_RESPONSE_BYTES
of the answer are read. Robots.txt and the per-host politeness slots are for crawling pages, not
for a subscriber's own receiver, and are not used.

No database here: the delivery code calls `post` from worker threads.
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from django.conf import settings
from urllib3.exceptions import HTTPError as Urllib3Error

from sources import conf
from sources.fetching.connections import Watchdog, connect
from sources.fetching.policy import Target, check_addresses, lookup, parse_target, system_resolver
from sources.fetching.results import FetchError

READ_CHUNK = 16 * 1024


@dataclass(frozen=True)
class Outcome:
    """What one attempt gave: an HTTP status, or an error with no status."""

    status: int | None
    latency_ms: int
    error: str = ""
    retry_after: float | None = None  # seconds, from a Retry-After header
    refused: bool = False  # the URL broke the fetcher's rules: sending again will not help
    body_start: str = ""


def url_problem(url: str, *, resolve: bool = True) -> str | None:
    """Why the URL may not receive webhooks (scheme, port, a private address), or None.

    With `resolve`, a host name is looked up and every answer checked, as a delivery would.
    """
    config = conf.get()
    try:
        target = parse_target(url, config)
        if target.literal is not None or resolve:
            check_addresses(target, lookup(target, system_resolver), config)
    except FetchError as exc:
        return str(exc)
    return None


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: delay-seconds or an HTTP date; None if unusable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _request_headers(target: Target, body: bytes, signed: dict[str, str]) -> dict[str, str]:
    return {
        "Host": target.host_header,
        "User-Agent": conf.get().user_agent,
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Accept": "*/*",
        "Connection": "close",
        **signed,
    }


def post(url: str, body: bytes, signed: dict[str, str]) -> Outcome:
    """POST `body` with the signed headers; never raises for the network or the receiver."""
    config = conf.get()
    started = time.monotonic()
    timeout = min(config.total_timeout, settings.WEBHOOKS_TIMEOUT_SECONDS)
    deadline = started + timeout

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        target = parse_target(url, config)
        addresses = check_addresses(target, lookup(target, system_resolver), config)
    except FetchError as exc:
        return Outcome(None, elapsed(), str(exc), refused=exc.permanent)
    watchdog = Watchdog(deadline)
    connection = None
    response = None
    try:
        connection = connect(target, addresses, config=config, deadline=deadline, watchdog=watchdog)
        if connection is None:
            return Outcome(None, elapsed(), f"No answer within {timeout:g} s.")
        connection.request(
            "POST",
            target.request_path,
            body=body,
            headers=_request_headers(target, body, signed),
            preload_content=False,
            decode_content=False,
        )
        response = connection.getresponse()
        cap = min(config.max_bytes, settings.WEBHOOKS_MAX_RESPONSE_BYTES)
        start = bytearray()
        while len(start) < cap and time.monotonic() < deadline:
            chunk = response.read1(READ_CHUNK, decode_content=False)
            if not chunk or watchdog.fired:
                break
            start += chunk
        return Outcome(
            response.status,
            elapsed(),
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            body_start=bytes(start[:500]).decode("utf-8", "replace"),
        )
    except (OSError, ValueError, http.client.HTTPException, Urllib3Error) as exc:
        if watchdog.fired or time.monotonic() >= deadline:
            return Outcome(None, elapsed(), f"No answer within {timeout:g} s (timed out).")
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return Outcome(
            None, elapsed(), f"Connection to {target.host}:{target.port} failed: {detail}"
        )
    finally:
        watchdog.cancel()
        if response is not None:
            response.close()
        if connection is not None:
            connection.close()
