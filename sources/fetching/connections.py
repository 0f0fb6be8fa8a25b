"""Connections: to the address the policy checked, never looking the host name up again, with
TLS verified against the host name, and a watchdog that cuts them at the fetch's deadline.

Only urllib3's bare connection classes are used: they never read proxy environment variables.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError

from sources.conf import SourcesSettings
from sources.fetching.policy import IPAddress, Target


class _KeepsRawSocket:
    """Remembers the TCP socket, so the watchdog can cut a connection still in its TLS handshake."""

    raw_socket: socket.socket | None = None

    def _new_conn(self) -> socket.socket:
        self.raw_socket = super()._new_conn()  # type: ignore[misc]
        return self.raw_socket


class WatchedHTTPConnection(_KeepsRawSocket, HTTPConnection):
    pass


class WatchedHTTPSConnection(_KeepsRawSocket, HTTPSConnection):
    pass


Connection = WatchedHTTPConnection | WatchedHTTPSConnection


class Watchdog:
    """Shuts the connection down when the total deadline passes, whatever it is doing.

    Socket timeouts restart with every byte received, so a server dripping one byte a second
    never trips them; only a timer enforces SOURCES_TOTAL_TIMEOUT on the handshake, the status
    line and the headers. Body reads also check the clock between chunks.
    """

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, connection: Connection) -> None:
        with self._lock:
            self._connection = connection

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            connection = self._connection
            if connection is None:
                return
            for sock in (connection.sock, connection.raw_socket):
                if sock is None:
                    continue
                # OSError: already closed, or the raw socket was handed over to TLS.
                with contextlib.suppress(OSError):
                    # socket.socket's own shutdown, not SSLSocket's: that one also drops the TLS
                    # object under the feet of the thread blocked reading from it.
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        # Under the lock, so _fire never touches a socket the caller is about to close.
        with self._lock:
            self._timer.cancel()
            self._connection = None


def connect(
    target: Target,
    addresses: list[IPAddress],
    *,
    config: SourcesSettings,
    deadline: float,
    watchdog: Watchdog,
) -> Connection | None:
    """A connection to the first checked address that answers (a later one if it refuses);
    None when the deadline passed before any could be tried. Raises the last address's
    ConnectTimeoutError (or NewConnectionError) when none answers."""
    failure: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        timeout = min(config.connect_timeout, remaining)
        connection: Connection
        if target.scheme == "https":
            # Connect to the checked address, but verify the certificate (and send SNI) for
            # the host name, exactly as if urllib3 had looked the name up itself.
            connection = WatchedHTTPSConnection(
                str(address),
                target.port,
                timeout=timeout,
                server_hostname=target.host,
                assert_hostname=target.host,
                cert_reqs="CERT_REQUIRED",
            )
        else:
            connection = WatchedHTTPConnection(str(address), target.port, timeout=timeout)
        watchdog.watch(connection)
        try:
            connection.connect()
        except ConnectTimeoutError as exc:  # includes NewConnectionError (refused, no route)
            connection.close()
            failure = exc
            continue
        # request() and getresponse() apply this to the socket from now on.
        connection.timeout = config.read_timeout
        return connection
    if failure is not None:
        raise failure
    return None
