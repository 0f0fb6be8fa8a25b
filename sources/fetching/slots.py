"""Politeness per host, shared by every worker process through Django's cache.

At most SOURCES_PER_HOST_CONCURRENCY requests run at once to one host name, and two starts are
at least SOURCES_PER_HOST_INTERVAL seconds apart (robots.txt included). Both are leases in the
cache (cache.add), so the limits hold across processes and a slot held by a crashed worker
frees itself.
"""

from __future__ import annotations

import hashlib
import math
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import cache

from sources.conf import SourcesSettings


class HostBusy(Exception):
    """No slot or turn came up before the fetch's deadline; str() says why."""


def cache_key(kind: str, value: str) -> str:
    # Hashed: host names can be long enough to break memcached's 250-character key limit.
    # The "sources.fetcher" prefix predates the package: kept, so live leases stay valid.
    return f"sources.fetcher:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def slot_keys(host: str, concurrency: int) -> list[str]:
    """Cache keys of the per-host request slots (tests fill them to simulate busy workers)."""
    return [cache_key("slot", f"{host}#{index}") for index in range(concurrency)]


# A lease is released without first reading it back while at least this many seconds of it
# are left (see release): more than any pause between reading the clock and the cache acting.
RELEASE_MARGIN_SECONDS = 2.0


@dataclass(frozen=True)
class Lease:
    key: str
    token: str
    # time.monotonic() until which the key is certainly still ours: the clock is read before
    # cache.add is sent, so the key's own timeout runs out after this.
    held_until: float = 0.0


def release(lease: Lease) -> None:
    """Delete our own lease. One that cannot have expired yet is still ours: it is deleted in
    one round trip. Past that, another worker may hold the key: it is read first and deleted
    only if it still holds our token (get-then-delete is not atomic; that window only opens
    after a lease has already expired)."""
    still_ours = time.monotonic() < lease.held_until - RELEASE_MARGIN_SECONDS
    if still_ours or cache.get(lease.key) == lease.token:
        cache.delete(lease.key)


@contextmanager
def host_turn(host: str, *, config: SourcesSettings, deadline: float) -> Iterator[None]:
    """Hold one of the host's request slots, from its turn to start until the block ends.

    Raises HostBusy when the slot or the turn would come after `deadline` (time.monotonic()).
    """
    lease = _take_slot(host, config, deadline)
    try:
        _wait_for_turn(host, config, deadline)
        yield
    finally:
        release(lease)


def _take_slot(host: str, config: SourcesSettings, deadline: float) -> Lease:
    # A slot outlives any fetch, so one held by a crashed worker frees itself.
    lease_seconds = math.ceil(config.total_timeout) + 5
    concurrency = config.per_host_concurrency
    return _take_any(
        slot_keys(host, concurrency),
        lease_seconds,
        deadline,
        f"{concurrency} fetches from {host} were already running",
    )


def _wait_for_turn(host: str, config: SourcesSettings, deadline: float) -> None:
    """Reserve the next start time for the host and sleep until it comes.

    The read-modify-write of the last start is guarded by a short cache.add lock, so two
    workers can never both see the same "last start" and start together.
    """
    interval = config.per_host_interval
    if interval <= 0:
        return
    gate = _take_any([cache_key("gate", host)], 5, deadline, f"{host} was busy")
    try:
        last_key = cache_key("last-start", host)
        now = time.time()  # wall clock: compared across processes and machines
        last = cache.get(last_key)
        start_at = max(now, float(last) + interval) if last is not None else now
        wait = start_at - now
        if time.monotonic() + wait >= deadline:
            raise HostBusy(f"{host} was busy")
        cache.set(last_key, start_at, timeout=math.ceil(wait + interval) + 60)
    finally:
        release(gate)
    if wait > 0:
        time.sleep(wait)


def _take_any(keys: list[str], lease_seconds: int, deadline: float, busy: str) -> Lease:
    token = uuid.uuid4().hex
    pause = 0.01
    while True:
        for key in keys:
            sent_at = time.monotonic()
            if cache.add(key, token, timeout=lease_seconds):
                return Lease(key, token, held_until=sent_at + lease_seconds)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise HostBusy(busy)
        time.sleep(min(pause, remaining))
        pause = min(pause * 2, 0.25)
