"""Loopback test servers for the fetcher: each counts the connections it accepted.

`RoutingServer` is a threaded `http.server` that answers from a table of routes (path -> route
function) and records every request. `RawServer` hands each accepted TCP connection to a function,
for behaviour `http.server` cannot produce: dripping bytes, never answering, hanging up.

Both bind to loopback only and never look anything up, so a test using them sends no packet
beyond 127.0.0.0/8.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import socketserver
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# A client that hangs up mid-response shows up as one of these in the handler.
CLIENT_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ssl.SSLError)


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


Route = Callable[["RoutingHandler"], None]


class RoutingHandler(BaseHTTPRequestHandler):
    # HTTP/1.0: one request per connection, so connections counted == requests answered.
    protocol_version = "HTTP/1.0"
    server: RoutingServer

    def do_GET(self) -> None:
        self.server.record(self)
        route = self.server.routes.get(urlsplit(self.path).path, not_found)
        try:
            route(self)
        except CLIENT_GONE:
            self.server.note(aborted=True)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


class RoutingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        routes: dict[str, Route],
        host: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.routes = routes
        self.tls = tls
        self.connections = 0
        self.requests: list[SeenRequest] = []
        self.aborted = 0  # responses the client hung up on before the server finished sending
        self.completed = 0  # long responses the server finished sending
        self.in_flight = 0
        self.max_in_flight = 0
        self.server_names: list[str | None] = []  # TLS SNI, as the client sent it
        self.changed = threading.Condition()
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.address_family = family
        super().__init__((host, 0), RoutingHandler)
        if tls is not None:
            tls.sni_callback = self._record_sni
        # A short poll interval: shutdown() waits for it, once per server per test.
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup that, for an address
        # outside /etc/hosts, would send a packet to the system resolver.
        socketserver.TCPServer.server_bind(self)
        self.server_name = "loopback"
        self.server_port = self.server_address[1]

    def get_request(self) -> tuple[socket.socket, object]:
        sock, address = self.socket.accept()
        with self.changed:
            self.connections += 1
            self.changed.notify_all()
        if self.tls is not None:
            # Handshake in the handler thread (on first read), not in the accept loop.
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # failed TLS handshakes and hang-ups are what several tests provoke

    def _record_sni(self, sslobj: object, name: str | None, context: object) -> None:
        self.server_names.append(name)

    def record(self, handler: RoutingHandler) -> None:
        with self.changed:
            self.requests.append(SeenRequest(handler.path, dict(handler.headers.items())))
            self.changed.notify_all()

    def note(self, *, aborted: bool = False, completed: bool = False) -> None:
        with self.changed:
            self.aborted += aborted
            self.completed += completed
            self.changed.notify_all()

    def wait_for(self, condition: Callable[[], bool], timeout: float = 5.0) -> bool:
        with self.changed:
            return self.changed.wait_for(condition, timeout)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def origin(self) -> str:
        host = self.server_address[0]
        host = f"[{host}]" if ":" in host else host
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def start(self) -> RoutingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class RawServer:
    """Accepts TCP connections on loopback and runs behaviour(conn, stop) for each in a thread."""

    def __init__(
        self,
        behaviour: Callable[[socket.socket, threading.Event], None],
        host: str = "127.0.0.1",
    ) -> None:
        self.behaviour = behaviour
        self.connections = 0
        self.stopping = threading.Event()
        self.sock = socket.create_server((host, 0))
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # the listening socket was closed by stop()
            self.connections += 1
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        # OSError: the client hung up, which is what these servers provoke.
        with conn, contextlib.suppress(OSError):
            self.behaviour(conn, self.stopping)

    def start(self) -> RawServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.sock.close()


# --- Routes ----------------------------------------------------------------------------------


def respond(
    handler: RoutingHandler,
    status: int,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def page(
    body: bytes,
    content_type: str | None = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    def route(handler: RoutingHandler) -> None:
        all_headers = {"Content-Length": str(len(body)), **(headers or {})}
        if content_type is not None:
            all_headers["Content-Type"] = content_type
        respond(handler, status, body, all_headers)

    return route


def not_found(handler: RoutingHandler) -> None:
    page(b"<h1>Not found</h1>", status=404)(handler)


def status_page(status: int) -> Route:
    return page(f"<h1>{status}</h1>".encode(), status=status)


def etag_page(body: bytes, etag: str) -> Route:
    """200 with an ETag, or 304 when the client already holds that version."""

    def route(handler: RoutingHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            respond(handler, 304, headers={"ETag": etag})
        else:
            page(body, headers={"ETag": etag, "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})(
                handler
            )

    return route


def redirect(location: str, status: int = 302) -> Route:
    return page(b"", content_type=None, status=status, headers={"Location": location})


def redirect_chain(routes: dict[str, Route], hops: int, final: Route) -> str:
    """Add /hop/<hops> -> /hop/<hops-1> -> ... -> /hop/0 (final); return the first path."""
    for number in range(hops, 0, -1):
        routes[f"/hop/{number}"] = redirect(f"/hop/{number - 1}")
    routes["/hop/0"] = final
    return f"/hop/{hops}"


def encoded_page(body: bytes, encoding: str) -> Route:
    if encoding == "gzip":
        data = gzip.compress(body)
    elif encoding == "deflate":
        data = zlib.compress(body)
    elif encoding == "raw-deflate":  # what many servers send as "deflate"
        compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        data = compressor.compress(body) + compressor.flush()
        encoding = "deflate"
    else:
        raise ValueError(encoding)
    return page(data, headers={"Content-Encoding": encoding})


def large_body(
    size: int,
    content_type: str = "text/html",
    *,
    declare_length: bool = True,
    chunk: int = 64 * 1024,
) -> Route:
    """size bytes of text, made as they are sent; notes whether the client stayed to the end."""

    def route(handler: RoutingHandler) -> None:
        headers = {"Content-Type": content_type}
        if declare_length:
            headers["Content-Length"] = str(size)
        respond(handler, 200, headers=headers)
        block = b"a" * chunk
        sent = 0
        while sent < size:
            piece = block[: size - sent]
            handler.wfile.write(piece)  # raises CLIENT_GONE once the client hangs up
            sent += len(piece)
        handler.server.note(completed=True)

    return route


def declared_only(declared: int, content_type: str = "text/html") -> Route:
    """Declares a huge body, sends a few bytes, then waits for the client to hang up.

    A client that reads before checking Content-Length sits waiting for the rest (until its read
    timeout); one that checks first hangs up at once.
    """

    def route(handler: RoutingHandler) -> None:
        respond(
            handler,
            200,
            b"<p>start",
            {"Content-Type": content_type, "Content-Length": str(declared)},
        )
        handler.connection.settimeout(10)
        if handler.connection.recv(1) == b"":
            handler.server.note(aborted=True)

    return route


def gzip_bomb_bytes(decoded_size: int = 1 << 30) -> bytes:
    """A valid gzip stream of decoded_size zero bytes, built without compressing them all.

    Deflate tops out near 1030:1, so a gigabyte of zeros is about 1 MB of gzip. After a full
    flush the compressor starts afresh, so the block for one MiB of zeros is the same every time
    and can simply be repeated.
    """
    mib = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(b"\0" * mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    crc = 0
    zero_mib = bytes(mib)
    for _ in range(decoded_size // mib):
        crc = zlib.crc32(zero_mib, crc)
    trailer = struct.pack("<II", crc, decoded_size & 0xFFFFFFFF)
    return header + block * (decoded_size // mib) + end + trailer


def gzip_bomb(data: bytes) -> Route:
    """Served without Content-Length, as a bomb would be: only the decoded size can give it away."""

    def route(handler: RoutingHandler) -> None:
        respond(handler, 200, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
        view = memoryview(data)
        for start in range(0, len(data), 64 * 1024):
            handler.wfile.write(view[start : start + 64 * 1024])
        handler.server.note(completed=True)

    return route


def slow_page(seconds: float) -> Route:
    """A page that takes a while, tracking how many requests are in flight at once."""

    def route(handler: RoutingHandler) -> None:
        server = handler.server
        with server.changed:
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            time.sleep(seconds)
        finally:
            with server.changed:
                server.in_flight -= 1
        page(b"<p>slow</p>")(handler)

    return route


def hang_up(handler: RoutingHandler) -> None:
    """Close the connection without answering."""
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


# --- Raw behaviours --------------------------------------------------------------------------


def drip_body(conn: socket.socket, stop: threading.Event) -> None:
    """Prompt headers, then a body of one byte a second, forever."""
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
    while not stop.wait(1.0):
        conn.sendall(b"a")


def drip_headers(conn: socket.socket, stop: threading.Event) -> None:
    """A status line, then header bytes one a second, forever: the headers never end."""
    conn.recv(65536)
    conn.sendall(b"HTTP/1.0 200 OK\r\nX-Drip: ")
    while not stop.wait(1.0):
        conn.sendall(b"a")


def silent(conn: socket.socket, stop: threading.Event) -> None:
    """Accept, read the request, never answer."""
    conn.recv(65536)
    stop.wait(30)
