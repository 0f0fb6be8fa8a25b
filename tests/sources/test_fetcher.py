"""The fetcher against real HTTP servers on loopback, with fake resolvers for everything else.

No test sends a packet beyond 127.0.0.0/8: `_loopback_only` (tests/conftest.py, every test)
fails any test whose code tries to connect elsewhere or to look up a name in DNS.
Public-looking addresses appear only in fake resolver answers the fetcher must refuse before
connecting, or in pure address-rule checks.
"""

from __future__ import annotations

import ipaddress
import itertools
import pickle
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from sources.fetching import FetchError, FetchResult, address_problem, fetch, robots, slot_keys
from tests.sources.httpservers import (
    RawServer,
    Route,
    RoutingServer,
    declared_only,
    drip_body,
    drip_headers,
    encoded_page,
    etag_page,
    gzip_bomb,
    gzip_bomb_bytes,
    hang_up,
    large_body,
    page,
    redirect,
    redirect_chain,
    silent,
    slow_page,
    status_page,
)

HTML = (
    b"<!doctype html><html><head><title>Claim</title></head><body><p>The claim.</p></body></html>"
)
MIB = 1024 * 1024


# --- Fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fast_fetcher(settings) -> None:
    """Small limits so the suite stays fast; robots.txt stays on, as in production."""
    cache.clear()  # robots.txt answers and per-host slots must not leak between tests
    # The safe defaults, whatever the environment says: only the server fixtures loosen them.
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    settings.SOURCES_ALLOWED_NETWORKS = []
    settings.SOURCES_ALLOWED_PORTS = [80, 443]
    settings.SOURCES_RESPECT_ROBOTS = True
    settings.SOURCES_CONNECT_TIMEOUT = 2
    settings.SOURCES_READ_TIMEOUT = 2
    settings.SOURCES_TOTAL_TIMEOUT = 5
    settings.SOURCES_PER_HOST_INTERVAL = 0
    settings.SOURCES_MAX_BYTES = MIB


def _allow_port(settings, port: int) -> None:
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, port]


ServerFactory = Callable[..., RoutingServer]


@pytest.fixture
def serve(settings) -> Iterator[ServerFactory]:
    """Start loopback servers the fetcher may reach: private networks allowed, port allowed.

    `allow_port=False` starts one whose port stays forbidden (a redirect target that must not be
    reached).
    """
    servers: list[RoutingServer] = []

    def start(
        routes: dict[str, Route],
        *,
        host: str = "127.0.0.1",
        allow_port: bool = True,
        tls: ssl.SSLContext | None = None,
    ) -> RoutingServer:
        settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
        server = RoutingServer(routes, host=host, tls=tls).start()
        servers.append(server)
        if allow_port:
            _allow_port(settings, server.port)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def bait(settings) -> Iterator[RoutingServer]:
    """A loopback server the fetcher must NOT reach: private networks stay refused.

    Its port is allowed, so a refusal can only come from the address check.
    """
    server = RoutingServer({"/": page(HTML)}).start()
    _allow_port(settings, server.port)
    yield server
    server.stop()


@pytest.fixture
def exempt_loopback(settings) -> Iterator[Callable[..., RoutingServer]]:
    """Servers for SSRF-through-redirect tests: only 127.0.0.1 is exempt from the address check.

    The fetcher may reach servers on 127.0.0.1; a second server on 127.0.0.2 stays refused, so a
    redirect to it proves each hop is checked.
    """
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    settings.SOURCES_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    servers: list[RoutingServer] = []

    def start(routes: dict[str, Route], *, host: str = "127.0.0.1") -> RoutingServer:
        server = RoutingServer(routes, host=host).start()
        servers.append(server)
        _allow_port(settings, server.port)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def raw_server(settings) -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(behaviour: Callable[[socket.socket, threading.Event], None]) -> RawServer:
        settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
        settings.SOURCES_RESPECT_ROBOTS = False  # these servers answer every request the same way
        server = RawServer(behaviour).start()
        servers.append(server)
        _allow_port(settings, server.port)
        return server

    yield start
    for server in servers:
        server.stop()


class FakeResolver:
    """Answers from a table; a list of lists gives a different answer on each call."""

    def __init__(self, answers: dict[str, list[str] | list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append((host, port))
        answer = self.answers.get(host)
        if answer is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if answer and isinstance(answer[0], list):
            index = min(len([c for c in self.calls if c[0] == host]), len(answer)) - 1
            return list(answer[index])
        return list(answer)  # type: ignore[arg-type]


def _page_requests(server: RoutingServer) -> list[str]:
    return [path for path in server.paths() if path != "/robots.txt"]


def _fetch_error(url: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)  # type: ignore[arg-type]
    return caught.value


def _fetch_error_within(seconds: float, url: str) -> FetchError:
    """Like _fetch_error, but a fetch outliving `seconds` fails the test instead of hanging it."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(fetch(url))
        except BaseException as exc:  # handed to the test's thread below
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"fetch() was still running after {seconds} s: its deadline did not hold"
    assert isinstance(outcome[0], FetchError), outcome[0]
    return outcome[0]


# --- Fetching pages --------------------------------------------------------------------------


def test_fetches_html_page_with_metadata(serve: ServerFactory) -> None:
    server = serve(
        {"/article": page(HTML, headers={"ETag": '"v1"', "Cache-Control": "max-age=60"})}
    )

    result = fetch(server.url("/article"))

    assert isinstance(result, FetchResult)
    assert result.status == 200
    assert result.body == HTML
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.requested_url == result.final_url == server.url("/article")
    assert result.redirects == ()
    assert result.headers["etag"] == '"v1"'
    assert result.headers["cache-control"] == "max-age=60"
    assert result.headers["content-length"] == str(len(HTML))
    assert all(name == name.lower() for name in result.headers)
    assert 0 < result.elapsed < 5


def test_identifies_itself_and_asks_only_for_what_it_can_decode(serve: ServerFactory) -> None:
    server = serve({"/": page(HTML)})

    fetch(server.url("/"))

    request = server.requests[-1]
    assert request.headers["User-Agent"] == (
        "claimtracker/1.0 (+https://github.com/claimtracker/claimtracker)"
    )
    assert request.headers["Host"] == f"127.0.0.1:{server.port}"
    assert request.headers["Accept-Encoding"] == "gzip, deflate"
    assert "text/html" in request.headers["Accept"]


def test_user_agent_and_contact_come_from_settings(serve: ServerFactory, settings) -> None:
    settings.SOURCES_CONTACT_URL = "https://desk.example/bot"
    server = serve({"/": page(HTML)})

    fetch(server.url("/"))

    assert (
        server.requests[-1].headers["User-Agent"] == "claimtracker/1.0 (+https://desk.example/bot)"
    )


def test_fetches_plain_text(serve: ServerFactory) -> None:
    server = serve({"/notes.txt": page(b"plain words", "text/plain")})

    result = fetch(server.url("/notes.txt"))

    assert (result.status, result.content_type, result.charset) == (200, "text/plain", None)
    assert result.body == b"plain words"


def test_non_ascii_path_is_percent_encoded(serve: ServerFactory) -> None:
    server = serve({"/caf%C3%A9": page(HTML)})

    result = fetch(server.url("/café?q=é s"))

    assert result.status == 200
    assert _page_requests(server) == ["/caf%C3%A9?q=%C3%A9%20s"]


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(serve: ServerFactory, encoding: str) -> None:
    server = serve({"/": encoded_page(HTML * 50, encoding)})

    result = fetch(server.url("/"))

    assert result.body == HTML * 50
    assert result.headers["content-encoding"] == encoding.removeprefix("raw-")


def test_conditional_request_gets_304_with_empty_body(serve: ServerFactory) -> None:
    server = serve({"/": etag_page(HTML, '"v1"')})

    first = fetch(server.url("/"))
    again = fetch(
        server.url("/"), etag=first.headers["etag"], last_modified=first.headers["last-modified"]
    )

    assert (first.status, first.body) == (200, HTML)
    assert (again.status, again.body) == (304, b"")
    sent = server.requests[-1].headers
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_stored_validator_with_line_break_is_not_sent(serve: ServerFactory) -> None:
    server = serve({"/": etag_page(HTML, '"v1"')})

    result = fetch(server.url("/"), etag='"v1"\r\nX-Injected: yes')

    assert result.status == 200
    assert "X-Injected" not in server.requests[-1].headers
    assert "If-None-Match" not in server.requests[-1].headers


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_statuses_are_results_not_errors(serve: ServerFactory, status: int) -> None:
    server = serve({"/": status_page(status)})

    result = fetch(server.url("/"))

    assert result.status == status
    assert result.body == b""
    assert result.content_type == "text/html"


def test_missing_content_type_is_sniffed_from_the_first_bytes(serve: ServerFactory) -> None:
    server = serve(
        {
            "/html": page(b"  <!DOCTYPE html><p>hi</p>", content_type=None),
            "/text": page(b"just words\n", content_type=None),
            "/binary": page(b"%PDF-1.7\n\x00\x01\x02\x03" * 100, content_type=None),
        }
    )

    assert fetch(server.url("/html")).content_type == "text/html"
    assert fetch(server.url("/text")).content_type == "text/plain"
    error = _fetch_error(server.url("/binary"))
    assert (error.code, error.permanent) == ("unsupported_content_type", True)
    assert "no Content-Type" in str(error)


# --- Redirects -------------------------------------------------------------------------------


def test_follows_redirects_up_to_the_limit(serve: ServerFactory) -> None:
    routes: dict[str, Route] = {}
    first = redirect_chain(routes, 5, page(HTML))
    server = serve(routes)

    result = fetch(server.url(first))

    assert result.status == 200
    assert result.body == HTML
    assert result.final_url == server.url("/hop/0")
    assert result.redirects == tuple(server.url(f"/hop/{n}") for n in range(4, -1, -1))
    assert result.requested_url == server.url(first)


def test_six_redirects_are_refused_before_the_seventh_request(serve: ServerFactory) -> None:
    routes: dict[str, Route] = {}
    first = redirect_chain(routes, 6, page(HTML))
    server = serve(routes)

    error = _fetch_error(server.url(first))

    assert (error.code, error.permanent) == ("too_many_redirects", True)
    assert _page_requests(server) == [f"/hop/{n}" for n in range(6, 0, -1)]  # never /hop/0


def test_redirect_limit_comes_from_settings(serve: ServerFactory, settings) -> None:
    settings.SOURCES_MAX_REDIRECTS = 1
    routes: dict[str, Route] = {}
    first = redirect_chain(routes, 2, page(HTML))
    server = serve(routes)

    assert _fetch_error(server.url(first)).code == "too_many_redirects"


@pytest.mark.parametrize(
    "location",
    [
        "ftp://127.0.0.1/file.txt",
        "file:///etc/passwd",
        "javascript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "gopher://127.0.0.1:70/",
    ],
)
def test_redirect_to_another_scheme_is_refused(serve: ServerFactory, location: str) -> None:
    server = serve({"/": redirect(location)})

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("blocked_scheme", True)
    assert "redirected to" in str(error)
    assert _page_requests(server) == ["/"]


def test_redirect_to_a_forbidden_port_is_refused(serve: ServerFactory) -> None:
    other = serve({"/": page(HTML)}, allow_port=False)
    server = serve({"/": redirect(f"http://127.0.0.1:{other.port}/")})

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("blocked_port", True)
    assert other.connections == 0


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/",
        "http://[::ffff:127.0.0.2]:{port}/",
        "http://2130706434:{port}/",
        "http://intranet.test:{port}/",
    ],
)
def test_redirect_to_a_private_address_is_refused(
    exempt_loopback: Callable[..., RoutingServer], target: str
) -> None:
    internal = exempt_loopback({"/": page(b"<p>internal admin</p>")}, host="127.0.0.2")
    public = exempt_loopback({"/": redirect(target.format(port=internal.port))})
    resolver = FakeResolver({"intranet.test": ["127.0.0.2"]})

    error = _fetch_error(public.url("/"), resolver=resolver)

    assert (error.code, error.permanent) == ("blocked_address", True)
    assert "127.0.0.2" in str(error)
    assert internal.connections == 0
    assert public.paths() == ["/robots.txt", "/"]


def test_resolver_is_called_once_per_hop(serve: ServerFactory) -> None:
    server = serve({"/b": page(HTML)})
    server.routes["/a"] = redirect(f"http://second.test:{server.port}/b")
    resolver = FakeResolver({"first.test": ["127.0.0.1"], "second.test": ["127.0.0.1"]})

    result = fetch(f"http://first.test:{server.port}/a", resolver=resolver)

    assert result.final_url == f"http://second.test:{server.port}/b"
    # One lookup per hop, although each hop also fetched that host's robots.txt.
    assert resolver.calls == [("first.test", server.port), ("second.test", server.port)]
    assert [r.headers["Host"] for r in server.requests] == [
        f"first.test:{server.port}",
        f"first.test:{server.port}",
        f"second.test:{server.port}",
        f"second.test:{server.port}",
    ]


def test_connects_to_the_checked_answer_even_if_dns_changes(serve: ServerFactory) -> None:
    # DNS rebinding: the first answer passes the check, a second lookup would give another
    # address. 127.0.0.2 stands in for it: nothing listens there, so a second lookup would fail.
    server = serve({"/": page(HTML)})
    resolver = FakeResolver({"rebind.test": [["127.0.0.1"], ["127.0.0.2"]]})

    result = fetch(f"http://rebind.test:{server.port}/", resolver=resolver)

    assert result.status == 200
    assert resolver.calls == [("rebind.test", server.port)]
    assert server.paths() == ["/robots.txt", "/"]
    assert server.requests[-1].headers["Host"] == f"rebind.test:{server.port}"


def test_falls_back_to_the_next_checked_address_when_one_refuses(serve: ServerFactory) -> None:
    server = serve({"/": page(HTML)})
    # 127.0.0.3 has no listener on that port: the connection is refused, the next one answers.
    resolver = FakeResolver({"multi.test": ["127.0.0.3", "127.0.0.1"]})

    result = fetch(f"http://multi.test:{server.port}/", resolver=resolver)

    assert result.status == 200
    assert len(resolver.calls) == 1


def test_ipv6_addresses_are_connected_to_as_checked(serve: ServerFactory) -> None:
    server = serve({"/": page(HTML)}, host="::1")
    resolver = FakeResolver({"v6.test": ["::1"]})

    by_name = fetch(f"http://v6.test:{server.port}/", resolver=resolver)
    literal = fetch(f"http://[::1]:{server.port}/")

    assert by_name.status == literal.status == 200
    assert [request.headers["Host"] for request in server.requests] == [
        f"v6.test:{server.port}",
        f"v6.test:{server.port}",
        f"[::1]:{server.port}",
        f"[::1]:{server.port}",
    ]


# --- The address check -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("http://127.0.0.1:{port}/", "127.0.0.1 is a loopback address"),
        ("http://2130706433:{port}/", "2130706433 means 127.0.0.1, a loopback address"),
        ("http://0177.0.0.1:{port}/", "0177.0.0.1 means 127.0.0.1"),
        ("http://127.1:{port}/", "127.1 means 127.0.0.1"),
        ("http://0x7f.0.0.1:{port}/", "0x7f.0.0.1 means 127.0.0.1"),
        ("http://0x7f000001:{port}/", "means 127.0.0.1"),
        ("http://evil.example@127.0.0.1:{port}/", "127.0.0.1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]:{port}/", "(127.0.0.1, IPv4-mapped)"),
        ("http://[::1]:{port}/", "::1 is a loopback address"),
        ("http://0.0.0.0:{port}/", "unspecified"),
        ("http://0:{port}/", "means 0.0.0.0"),
        ("http://[::]:{port}/", "the unspecified address"),
        ("http://169.254.169.254:{port}/latest/meta-data/", "link-local"),
        ("http://[fe80::1%25eth0]:{port}/", "link-local"),
    ],
)
def test_literal_addresses_are_judged_by_the_address_they_mean(
    bait: RoutingServer, template: str, shown: str
) -> None:
    resolver = FakeResolver({})

    error = _fetch_error(template.format(port=bait.port), resolver=resolver)

    assert (error.code, error.permanent) == ("blocked_address", True)
    assert shown in str(error)
    assert str(error).endswith("Sources must be public web pages.")
    assert resolver.calls == []  # literals never reach the resolver: no way to fool the check
    assert bait.connections == 0


@pytest.mark.parametrize(
    "answer",
    [
        ["127.0.0.1"],
        ["10.0.0.5"],
        ["172.16.3.4"],
        ["192.168.1.1"],
        ["169.254.169.254"],
        ["100.64.0.1"],
        ["0.0.0.0"],  # noqa: S104 - an answer to refuse, not a bind address
        ["224.0.0.1"],
        ["240.0.0.1"],
        ["255.255.255.255"],
        ["192.0.0.8"],
        ["192.0.2.1"],
        ["198.51.100.7"],
        ["203.0.113.9"],
        ["198.18.0.1"],
        ["::1"],
        ["::"],
        ["fe80::1"],
        ["fd12:3456::1"],
        ["fec0::1"],
        ["ff02::1"],
        ["2001:db8::1"],
        ["::ffff:10.0.0.1"],
        ["::ffff:127.0.0.1"],
        ["::127.0.0.1"],
        ["64:ff9b::7f00:1"],
        ["64:ff9b::a9fe:a9fe"],
        ["64:ff9b:1::1"],
        ["2002:7f00:1::1"],
        ["2002:c0a8:101::1"],
        ["2001:0:5db8:d822:0:0:f5ff:fffe"],
        ["2001:0:7f00:1:0:0:5db8:d822"],
        ["93.184.216.34", "10.0.0.5"],
        ["2606:2800:220:1:248:1893:25c8:1946", "127.0.0.1"],
    ],
    ids=lambda answer: "+".join(answer),
)
def test_any_non_public_answer_refuses_the_name(bait: RoutingServer, answer: list[str]) -> None:
    resolver = FakeResolver({"news.example": answer})

    error = _fetch_error(f"http://news.example:{bait.port}/", resolver=resolver)

    assert (error.code, error.permanent) == ("blocked_address", True)
    assert str(error).startswith("Refused: news.example resolves to ")
    assert resolver.calls == [("news.example", bait.port)]
    assert bait.connections == 0


def test_refusal_message_names_the_host_and_the_address(bait: RoutingServer) -> None:
    resolver = FakeResolver({"example.org": ["10.0.0.5"]})

    error = _fetch_error(f"http://example.org:{bait.port}/", resolver=resolver)

    assert str(error) == (
        "Refused: example.org resolves to 10.0.0.5, a private address. "
        "Sources must be public web pages."
    )


def test_default_resolver_refuses_localhost(bait: RoutingServer) -> None:
    error = _fetch_error(f"http://localhost:{bait.port}/")  # /etc/hosts: no DNS packet

    assert error.code == "blocked_address"
    assert "localhost resolves to 127.0.0.1" in str(error)
    assert bait.connections == 0


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "1.1.1.1",
        "2606:2800:220:1:248:1893:25c8:1946",
        "::ffff:93.184.216.34",
        "64:ff9b::5db8:d822",
        "2002:5db8:d822::1",
        "2001:0:5db8:d822:0:0:a247:1ef7",  # Teredo: public server, public client
    ],
)
def test_public_addresses_pass_the_address_rules(address: str) -> None:
    # Judged without connecting: fetching would send a packet to a public address.
    assert address_problem(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("2001:0:5db8:d822:0:0:f5ff:fffe", "a private address (10.0.0.1, Teredo client)"),
        ("2001:0:a00:1:0:0:a247:1ef7", "a private address (10.0.0.1, Teredo server)"),
        ("2002:a9fe:a9fe::1", "a link-local address (169.254.169.254, 6to4)"),
        ("64:ff9b::6440:1", "a carrier-grade NAT address (100.64.0.1, NAT64)"),
        ("4000::1", "a reserved address"),
    ],
)
def test_embedded_ipv4_addresses_are_decoded_and_judged(address: str, problem: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


def test_allowed_networks_exempt_only_those_networks() -> None:
    exempt = [ipaddress.ip_network("10.1.2.0/24")]

    assert address_problem(ipaddress.ip_address("10.1.2.3"), exempt) is None
    assert address_problem(ipaddress.ip_address("10.1.3.3"), exempt) is not None
    assert address_problem(ipaddress.ip_address("::ffff:10.1.2.3"), exempt) is None


@pytest.mark.parametrize(
    ("resolver_answer", "message"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "Could not look up"),
        ([], "has no addresses"),
        (["not-an-address"], "not an IP address"),
    ],
)
def test_dns_failures_are_transient(resolver_answer: object, message: str) -> None:
    def resolver(host: str, port: int) -> list[str]:
        if isinstance(resolver_answer, Exception):
            raise resolver_answer
        return resolver_answer  # type: ignore[return-value]

    error = _fetch_error("https://gone.example/", resolver=resolver)

    assert (error.code, error.permanent) == ("dns_failed", False)
    assert message in str(error)


# --- URL, scheme and port checks -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "example.org/page",
        "http://",
        "http://[::1",
        "http://exa mple.org/",
        "http://999.1.1.1/",
        "http://example.org:99999/",
        "http://example.org/\r\nHost: evil",
        "http://" + "a" * 3000 + ".example/",
        "http://a..b/",
    ],
)
def test_invalid_urls_are_refused_without_a_lookup(url: str) -> None:
    resolver = FakeResolver({})

    error = _fetch_error(url, resolver=resolver)

    assert (error.code, error.permanent) == ("invalid_url", True)
    assert resolver.calls == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "gopher://example.org/",
    ],
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    resolver = FakeResolver({"example.org": ["93.184.216.34"]})

    error = _fetch_error(url, resolver=resolver)

    assert (error.code, error.permanent) == ("blocked_scheme", True)
    assert "Only http:// and https://" in str(error)
    assert resolver.calls == []


@pytest.mark.parametrize(
    "url", ["http://example.org:8080/", "https://example.org:22/", "http://example.org:6379/"]
)
def test_only_allowed_ports_are_fetched(url: str) -> None:
    resolver = FakeResolver({"example.org": ["93.184.216.34"]})

    error = _fetch_error(url, resolver=resolver)

    assert (error.code, error.permanent) == ("blocked_port", True)
    assert "SOURCES_ALLOWED_PORTS" in str(error)
    assert resolver.calls == []


def test_forbidden_port_is_refused_before_connecting(serve: ServerFactory) -> None:
    server = serve({"/": page(HTML)}, allow_port=False)  # private networks allowed, port not

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("blocked_port", True)
    assert server.connections == 0


# --- Timeouts --------------------------------------------------------------------------------


@pytest.mark.parametrize("drip", [drip_body, drip_headers], ids=["body", "headers"])
def test_a_dripping_response_is_cut_off_at_the_total_deadline(
    raw_server: Callable[..., RawServer], settings, drip
) -> None:
    settings.SOURCES_TOTAL_TIMEOUT = 1.5
    server = raw_server(drip)

    started = time.monotonic()
    error = _fetch_error_within(4, server.url())

    assert (error.code, error.permanent) == ("timeout", False)
    assert "SOURCES_TOTAL_TIMEOUT" in str(error)
    # The deadline never fires early; how late it may be is the machine's business, and
    # _fetch_error_within bounds it.
    assert time.monotonic() - started > 1.4


def test_silent_server_hits_the_read_timeout(
    raw_server: Callable[..., RawServer], settings
) -> None:
    settings.SOURCES_READ_TIMEOUT = 0.3
    server = raw_server(silent)

    error = _fetch_error_within(4, server.url())

    assert (error.code, error.permanent) == ("timeout", False)
    assert "SOURCES_READ_TIMEOUT" in str(error)


def test_refused_connection_is_transient(serve: ServerFactory) -> None:
    server = serve({"/": page(HTML)})
    url = server.url("/")
    server.stop()  # nothing listens on that port any more

    error = _fetch_error(url)

    assert (error.code, error.permanent) == ("connection_failed", False)


def test_server_hanging_up_is_transient(serve: ServerFactory) -> None:
    server = serve({"/": hang_up})

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("connection_failed", False)


# --- Size and type limits --------------------------------------------------------------------


def test_declared_length_over_the_cap_is_refused_before_reading(serve: ServerFactory) -> None:
    server = serve({"/": declared_only(50 * MIB)})

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("too_large", True)
    assert "SOURCES_MAX_BYTES" in str(error)
    assert server.wait_for(lambda: server.aborted == 1)


def test_undeclared_50_mb_body_is_cut_at_the_cap(serve: ServerFactory) -> None:
    server = serve({"/": large_body(50 * MIB, declare_length=False)})

    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("too_large", True)
    assert server.wait_for(lambda: server.aborted == 1)
    assert server.completed == 0


def test_body_exactly_at_the_cap_is_accepted(serve: ServerFactory, settings) -> None:
    settings.SOURCES_MAX_BYTES = 1000
    server = serve({"/": large_body(1000, declare_length=False)})

    assert len(fetch(server.url("/")).body) == 1000


@pytest.fixture(scope="session")
def bomb() -> bytes:
    return gzip_bomb_bytes(1 << 30)


def test_gzip_bomb_stops_at_the_cap_without_inflating_further(
    serve: ServerFactory, settings, bomb: bytes
) -> None:
    settings.SOURCES_MAX_BYTES = 64 * 1024
    server = serve({"/": gzip_bomb(bomb)})

    tracemalloc.start()
    try:
        error = _fetch_error(server.url("/"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (error.code, error.permanent) == ("too_large", True)
    # Inflating even the first 8 KB read whole would allocate over 100 MiB; stopping one byte
    # past the 64 KiB cap needs well under a MiB.
    assert peak < 4 * MIB


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_refused_content_type_is_not_read(
    serve: ServerFactory, settings, content_type: str
) -> None:
    settings.SOURCES_MAX_BYTES = 100 * MIB  # so the type is the only reason to refuse
    server = serve({"/file": large_body(20 * MIB, content_type)})

    error = _fetch_error(server.url("/file"))

    assert (error.code, error.permanent) == ("unsupported_content_type", True)
    assert content_type in str(error)
    # The client hung up while the server was still sending: the body was not downloaded.
    assert server.wait_for(lambda: server.aborted == 1)
    assert server.completed == 0


def test_allowed_content_types_come_from_settings(serve: ServerFactory, settings) -> None:
    settings.SOURCES_ALLOWED_CONTENT_TYPES = ["text/html"]
    server = serve({"/notes.txt": page(b"plain", "text/plain")})

    assert _fetch_error(server.url("/notes.txt")).code == "unsupported_content_type"


# --- robots.txt ------------------------------------------------------------------------------

ROBOTS = b"""User-agent: *
Allow: /

User-agent: claimtracker
Disallow: /private/
"""


def test_robots_txt_disallowing_a_path_refuses_it(serve: ServerFactory) -> None:
    server = serve(
        {"/robots.txt": page(ROBOTS, "text/plain"), "/private/x": page(HTML), "/public": page(HTML)}
    )

    error = _fetch_error(server.url("/private/x"))
    result = fetch(server.url("/public"))

    assert (error.code, error.permanent) == ("robots_disallowed", True)
    assert "robots.txt" in str(error)
    assert result.status == 200
    # robots.txt was asked once (then cached); the disallowed page never.
    assert server.paths() == ["/robots.txt", "/public"]


def test_robots_txt_is_checked_on_every_hop(serve: ServerFactory) -> None:
    server = serve(
        {
            "/robots.txt": page(ROBOTS, "text/plain"),
            "/go": redirect("/private/x"),
            "/private/x": page(HTML),
        }
    )

    assert _fetch_error(server.url("/go")).code == "robots_disallowed"
    assert server.paths() == ["/robots.txt", "/go"]


def test_missing_robots_txt_allows_everything_and_is_cached(serve: ServerFactory) -> None:
    server = serve({"/a": page(HTML), "/b": page(HTML)})  # /robots.txt answers 404

    fetch(server.url("/a"))
    fetch(server.url("/b"))

    assert server.paths() == ["/robots.txt", "/a", "/b"]


def test_failing_robots_txt_allows_but_is_asked_again_soon(
    serve: ServerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(robots, "ROBOTS_RETRY_SECONDS", 0)  # "soon" is now
    server = serve({"/robots.txt": status_page(503), "/a": page(HTML)})

    assert fetch(server.url("/a")).status == 200
    assert fetch(server.url("/a")).status == 200
    assert server.paths() == ["/robots.txt", "/a", "/robots.txt", "/a"]


def test_unreachable_robots_txt_allows(serve: ServerFactory) -> None:
    server = serve({"/robots.txt": hang_up, "/a": page(HTML)})

    assert fetch(server.url("/a")).status == 200


def test_robots_txt_redirect_to_a_private_address_is_not_followed(
    exempt_loopback: Callable[..., RoutingServer],
) -> None:
    internal = exempt_loopback({"/robots.txt": page(b"", "text/plain")}, host="127.0.0.2")
    server = exempt_loopback(
        {"/robots.txt": redirect(f"http://127.0.0.2:{internal.port}/robots.txt"), "/": page(HTML)}
    )

    assert fetch(server.url("/")).status == 200  # robots.txt unavailable: allowed
    assert internal.connections == 0


def test_robots_txt_can_be_ignored_by_setting(serve: ServerFactory, settings) -> None:
    settings.SOURCES_RESPECT_ROBOTS = False
    server = serve({"/robots.txt": page(b"User-agent: *\nDisallow: /\n", "text/plain")})
    server.routes["/"] = page(HTML)

    assert fetch(server.url("/")).status == 200
    assert server.paths() == ["/"]


# --- Per-host limits -------------------------------------------------------------------------


def test_at_most_the_configured_requests_run_at_once_per_host(
    serve: ServerFactory, settings
) -> None:
    settings.SOURCES_PER_HOST_CONCURRENCY = 2
    settings.SOURCES_RESPECT_ROBOTS = False
    server = serve({"/": slow_page(0.3)})
    results: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(fetch(server.url("/")).status)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert errors == []
    assert results == [200] * 5
    assert server.max_in_flight == 2


def test_waiting_for_a_busy_host_gives_up_at_the_deadline(serve: ServerFactory, settings) -> None:
    server = serve({"/": page(HTML)})
    settings.SOURCES_TOTAL_TIMEOUT = 0.5
    settings.SOURCES_PER_HOST_CONCURRENCY = 2
    for key in slot_keys("127.0.0.1", 2):  # two fetches running in other workers
        cache.add(key, "another-worker", timeout=60)

    started = time.monotonic()
    error = _fetch_error(server.url("/"))

    assert (error.code, error.permanent) == ("timeout", False)
    assert "already running" in str(error)
    assert server.connections == 0
    assert time.monotonic() - started > 0.4  # it waited for a slot until the deadline


def test_requests_to_one_host_start_at_least_the_interval_apart(
    serve: ServerFactory, settings
) -> None:
    settings.SOURCES_PER_HOST_INTERVAL = 0.4
    server = serve({"/": page(HTML)})

    fetch(server.url("/"))  # robots.txt, then the page
    fetch(server.url("/"))

    starts = [request.at for request in server.requests]
    assert len(starts) == 3
    assert all(later - earlier >= 0.35 for earlier, later in itertools.pairwise(starts))


def test_interval_wait_past_the_deadline_gives_up(serve: ServerFactory, settings) -> None:
    settings.SOURCES_PER_HOST_INTERVAL = 10
    settings.SOURCES_TOTAL_TIMEOUT = 1
    server = serve({"/": page(HTML)})

    error = _fetch_error(server.url("/"))  # robots.txt goes first, the page would wait 10 s

    assert (error.code, error.permanent) == ("timeout", False)
    assert server.paths() == ["/robots.txt"]


def test_slots_are_released_after_failures(serve: ServerFactory, settings) -> None:
    settings.SOURCES_PER_HOST_CONCURRENCY = 1
    settings.SOURCES_TOTAL_TIMEOUT = 1
    server = serve(
        {"/pdf": page(b"%PDF", "application/pdf"), "/big": large_body(2 * MIB), "/": page(HTML)}
    )

    assert _fetch_error(server.url("/pdf")).code == "unsupported_content_type"
    assert _fetch_error(server.url("/big")).code == "too_large"
    assert fetch(server.url("/")).status == 200  # would time out waiting if a slot had leaked


# --- TLS -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A throwaway CA and a certificate for news.test signed by it (made with the openssl CLI)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make test certificates")
    directory = tmp_path_factory.mktemp("tls")
    files = {name: directory / name for name in ("ca.pem", "ca.key", "leaf.pem", "leaf.key")}
    (directory / "leaf.ext").write_text(
        "subjectAltName=DNS:news.test\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    commands = [
        [openssl, "req", "-x509", *ec, "-keyout", files["ca.key"], "-out", files["ca.pem"],
         "-days", "2", "-subj", "/CN=claimtracker test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        [openssl, "req", *ec, "-keyout", files["leaf.key"], "-out", directory / "leaf.csr",
         "-subj", "/CN=news.test"],
        [openssl, "x509", "-req", "-in", directory / "leaf.csr", "-CA", files["ca.pem"],
         "-CAkey", files["ca.key"], "-CAcreateserial", "-out", files["leaf.pem"], "-days", "2",
         "-extfile", directory / "leaf.ext"],
    ]  # fmt: skip
    for command in commands:
        subprocess.run(command, check=True, capture_output=True, cwd=directory)
    return files


@pytest.fixture
def tls_server(serve: ServerFactory, tls_files: dict[str, Path]) -> RoutingServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls_files["leaf.pem"], tls_files["leaf.key"])
    return serve({"/": page(HTML)}, tls=context)


def test_https_connects_to_the_checked_address_and_verifies_the_host_name(
    tls_server: RoutingServer, tls_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files["ca.pem"]))  # trust the test CA
    resolver = FakeResolver({"news.test": ["127.0.0.1"]})

    result = fetch(f"https://news.test:{tls_server.port}/", resolver=resolver)

    assert result.status == 200
    assert result.body == HTML
    assert set(tls_server.server_names) == {"news.test"}  # SNI names the host, not the address
    assert tls_server.requests[-1].headers["Host"] == f"news.test:{tls_server.port}"
    assert len(resolver.calls) == 1


def test_https_refuses_a_certificate_for_another_name(
    tls_server: RoutingServer, tls_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files["ca.pem"]))
    resolver = FakeResolver({"other.test": ["127.0.0.1"]})

    error = _fetch_error(f"https://other.test:{tls_server.port}/", resolver=resolver)

    assert (error.code, error.permanent) == ("connection_failed", False)
    assert "certificate" in str(error)
    assert tls_server.requests == []


def test_https_refuses_an_untrusted_certificate(tls_server: RoutingServer) -> None:
    resolver = FakeResolver({"news.test": ["127.0.0.1"]})

    error = _fetch_error(f"https://news.test:{tls_server.port}/", resolver=resolver)

    assert (error.code, error.permanent) == ("connection_failed", False)
    assert "certificate" in str(error)
    assert tls_server.requests == []


# --- Everything else -------------------------------------------------------------------------


def test_proxy_environment_variables_are_ignored(
    serve: ServerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = serve({})
    server = serve({"/": page(HTML)})
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, proxy.url("/"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)

    result = fetch(server.url("/"))

    assert result.status == 200
    assert proxy.connections == 0
    assert server.paths() == ["/robots.txt", "/"]


def test_fetch_error_survives_pickling() -> None:
    error = FetchError("timeout", "Gave up.", permanent=False)

    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object, for Celery's sake

    assert (copy.code, str(copy), copy.permanent) == ("timeout", "Gave up.", False)


def test_settings_from_the_environment_are_parsed_not_truth_tested(
    bait: RoutingServer, settings
) -> None:
    settings.SOURCES_ALLOWED_PORTS = f"80,443,{bait.port}"
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = "false"  # bool("false") would be True

    assert _fetch_error(bait.url("/")).code == "blocked_address"
    assert bait.connections == 0

    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = "perhaps"
    with pytest.raises(ImproperlyConfigured, match="not a boolean"):
        fetch(bait.url("/"))


def test_settings_are_read_at_call_time(serve: ServerFactory, settings) -> None:
    server = serve({"/": page(HTML)})
    assert fetch(server.url("/")).status == 200

    settings.SOURCES_MAX_BYTES = 10

    assert _fetch_error(server.url("/")).code == "too_large"


# --- Per-call overrides: content_types and respect_robots ----------------------------------

JSON_BODY = b'{"query": {"search": []}}'


def test_content_types_lets_one_call_accept_json(serve: ServerFactory) -> None:
    server = serve({"/api": page(JSON_BODY, "application/json; charset=utf-8")})

    refused = _fetch_error(server.url("/api"))  # the settings allow web pages only
    result = fetch(server.url("/api"), content_types=("application/json",))

    assert (refused.code, refused.permanent) == ("unsupported_content_type", True)
    assert (result.status, result.content_type, result.body) == (200, "application/json", JSON_BODY)
    assert server.requests[-1].headers["Accept"] == "application/json"


def test_content_types_replaces_the_setting_rather_than_adding_to_it(
    serve: ServerFactory,
) -> None:
    server = serve({"/page": page(HTML), "/notes": page(b"no type", content_type=None)})

    html = _fetch_error(server.url("/page"), content_types=["application/json"])
    sniffed = _fetch_error(server.url("/notes"), content_types=["application/json"])

    assert html.code == sniffed.code == "unsupported_content_type"
    assert fetch(server.url("/page")).status == 200  # the next call is back to the setting


def test_content_types_as_one_string_is_one_media_type(serve: ServerFactory) -> None:
    server = serve({"/api": page(JSON_BODY, "application/json")})

    # Not iterated character by character: "Application/JSON" is one (case-insensitive) type.
    assert fetch(server.url("/api"), content_types="Application/JSON").body == JSON_BODY


def test_empty_content_types_is_a_programming_error(bait: RoutingServer) -> None:
    with pytest.raises(ValueError, match="content_types"):
        fetch(bait.url("/"), content_types=[])
    assert bait.connections == 0


def test_json_still_obeys_the_size_cap(serve: ServerFactory, settings) -> None:
    settings.SOURCES_MAX_BYTES = 1000
    server = serve({"/api": large_body(MIB, "application/json")})

    error = _fetch_error(server.url("/api"), content_types=("application/json",))

    assert (error.code, error.permanent) == ("too_large", True)


def test_content_types_does_not_open_the_address_check(bait: RoutingServer) -> None:
    error = _fetch_error(bait.url("/"), content_types=("application/json",), respect_robots=False)

    assert error.code == "blocked_address"
    assert bait.connections == 0


DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def test_respect_robots_false_skips_robots_txt_for_one_call(serve: ServerFactory) -> None:
    server = serve({"/robots.txt": page(DISALLOW_ALL, "text/plain"), "/api": page(HTML)})

    result = fetch(server.url("/api"), respect_robots=False)

    assert result.status == 200
    assert server.paths() == ["/api"]  # robots.txt was not even asked
    # The setting (True) still governs calls that do not override it.
    assert _fetch_error(server.url("/api")).code == "robots_disallowed"
    assert server.paths() == ["/api", "/robots.txt"]


def test_respect_robots_false_holds_across_redirects(serve: ServerFactory) -> None:
    server = serve(
        {
            "/robots.txt": page(DISALLOW_ALL, "text/plain"),
            "/old": redirect("/new"),
            "/new": page(HTML),
        }
    )

    assert fetch(server.url("/old"), respect_robots=False).final_url == server.url("/new")
    assert server.paths() == ["/old", "/new"]


def test_respect_robots_true_overrides_a_setting_that_ignores_robots(
    serve: ServerFactory, settings
) -> None:
    settings.SOURCES_RESPECT_ROBOTS = False
    server = serve({"/robots.txt": page(DISALLOW_ALL, "text/plain"), "/": page(HTML)})

    error = _fetch_error(server.url("/"), respect_robots=True)

    assert error.code == "robots_disallowed"
    assert server.paths() == ["/robots.txt"]
