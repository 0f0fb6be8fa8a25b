"""The only module that speaks HTTP: fetch one web page, treating every URL as hostile.

URLs come from editors and API clients, so `fetch()` assumes each one may point at the cloud
metadata service, an internal admin panel, a tarpit or a gzip bomb. For every hop (the first URL
and each redirect) it:

1. accepts only http and https on an allowed port (80 and 443 unless configured);
2. resolves the host name ONCE and refuses if ANY answer is not a public unicast address
   (IPv6 forms that embed an IPv4 address are decoded and judged by the embedded address);
3. asks robots.txt, fetched through this same path, whether the page may be fetched;
4. waits for a per-host slot and the per-host interval (kept in Django's cache, so the limits hold
   across worker processes);
5. connects to the address it checked, never looking the name up again, and verifies TLS
   against the host name;
6. reads the body in chunks, undoing gzip/deflate a piece at a time, and stops at the cap on the
   decoded size, at the read timeout and at the total deadline.

Redirects are followed by hand, and proxy environment variables are never consulted: the only
HTTP client used is urllib3's bare connection classes, which do not read them, and robots.txt is
fetched through this module and only parsed by protego (which reads rules as RFC 9309 does:
`*` and `$` in paths, the longest matching rule wins, Allow over Disallow on a tie).

Settings, read through `django.conf.settings` at call time (name, default, meaning). Lists may
also be comma-separated strings and booleans the strings true/false, as read from the environment;
anything else raises ImproperlyConfigured. TLS trusts the system store (OpenSSL honours
SSL_CERT_FILE for a private CA).

SOURCES_ALLOW_PRIVATE_NETWORKS  False
    Skip the address check entirely (tests and private deployments only).
SOURCES_ALLOWED_NETWORKS  []
    CIDR blocks let through although not public, e.g. ["10.1.2.0/24"] for an intranet wiki; a
    narrower alternative to the switch above. Everything else is still refused.
SOURCES_ALLOWED_PORTS  [80, 443]
    Ports a source URL (or a redirect) may use.
SOURCES_MAX_REDIRECTS  5
    Redirects followed before giving up with too_many_redirects.
SOURCES_CONNECT_TIMEOUT  5.0
    Seconds to open a connection (TCP and TLS handshake) to one address.
SOURCES_READ_TIMEOUT  10.0
    Seconds of silence from the server tolerated while waiting for any byte.
SOURCES_TOTAL_TIMEOUT  30.0
    Seconds for the whole fetch: queueing for a slot, robots.txt, every redirect and the body.
SOURCES_MAX_BYTES  10485760 (10 MiB)
    Cap on the decoded (decompressed) body; larger pages are refused with too_large.
SOURCES_ALLOWED_CONTENT_TYPES  ["text/html", "application/xhtml+xml", "text/plain"]
    Media types accepted; anything else is refused before its body is read. A call may replace
    the list with fetch(content_types=...) (the search providers accept only JSON).
SOURCES_CONTACT_URL  "https://github.com/claimtracker/claimtracker"
    Where a site operator can learn who is fetching; goes into the user agent.
SOURCES_USER_AGENT  "claimtracker/1.0 (+{SOURCES_CONTACT_URL})"
    User-Agent header; "{SOURCES_CONTACT_URL}" is replaced by the setting above. The part before
    the first "/" is the token robots.txt rules are matched against.
SOURCES_RESPECT_ROBOTS  True
    Obey robots.txt. fetch(respect_robots=...) overrides it for one call (False for APIs).
SOURCES_ROBOTS_CACHE_SECONDS  3600
    How long a site's robots.txt (or its absence, a 4xx) is cached. An unreachable or failing
    (5xx, 429) robots.txt counts as "allow" and is cached for at most ROBOTS_RETRY_SECONDS (60).
SOURCES_PER_HOST_CONCURRENCY  2
    Requests in flight at once to one host name, across all worker processes.
SOURCES_PER_HOST_INTERVAL  1.0
    Minimum seconds between the starts of two requests to one host name (robots.txt included).

Errors are `FetchError`s with a stable `code` and a `permanent` flag: permanent means "record the
source as blocked or failed and do not retry"; transient (timeouts, connection and DNS failures)
means "retry with backoff". HTTP error statuses are not errors here: 4xx and 5xx come back as a
`FetchResult`, and the caller treats 5xx as transient.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.client
import ipaddress
import logging
import math
import re
import socket
import ssl
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from protego import Protego
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.response import BaseHTTPResponse
from urllib3.util.ssl_match_hostname import CertificateError

logger = logging.getLogger(__name__)

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

DEFAULT_CONTACT_URL = "https://github.com/claimtracker/claimtracker"
DEFAULT_USER_AGENT = "claimtracker/1.0 (+{SOURCES_CONTACT_URL})"
DEFAULT_ALLOWED_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; rules past the cap are dropped.
ROBOTS_MAX_BYTES = 512 * 1024
# A failing robots.txt must not block a site for an hour, nor be re-requested before every page.
ROBOTS_RETRY_SECONDS = 60
# Source.url and Snapshot.final_url hold at most this many characters.
MAX_URL_LENGTH = 2048

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK_BYTES = 64 * 1024
_SNIFF_BYTES = 512


# --- Public API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchResult:
    requested_url: str
    final_url: str  # after redirects
    status: int  # 4xx and 5xx are results, not errors
    headers: dict[str, str]  # lower-cased names, repeated headers joined with ", "
    content_type: str  # media type only, lower-cased; "" when the server sent none
    charset: str | None
    body: bytes  # decoded, at most SOURCES_MAX_BYTES; b"" unless the status is 2xx with content
    redirects: tuple[str, ...]  # each URL redirected to, in order; the last one is final_url
    elapsed: float  # seconds


class FetchError(Exception):
    """A fetch that produced no usable response; str() is a one-line message a user can act on.

    Codes: blocked_address, blocked_scheme, blocked_port, robots_disallowed, too_many_redirects,
    timeout, too_large, unsupported_content_type, connection_failed, invalid_url, dns_failed.
    """

    code: str  # stable, for machines: which of the codes above
    permanent: bool  # True: record as blocked/failed, never retry; False: retry with backoff

    def __init__(self, code: str, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.permanent = permanent

    def __reduce__(self) -> tuple[Any, ...]:
        # Celery and multiprocessing pickle exceptions; without this the keyword-only
        # `permanent` is lost and unpickling fails.
        return (functools.partial(type(self), permanent=self.permanent), (self.code, self.message))

    def __repr__(self) -> str:
        return f"FetchError({self.code!r}, {self.message!r}, permanent={self.permanent})"


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    resolver: Resolver | None = None,
    content_types: Iterable[str] | None = None,
    respect_robots: bool | None = None,
) -> FetchResult:
    """GET one web page safely; raise FetchError when it cannot or must not be fetched.

    `etag` and `last_modified` are the validators stored from the previous fetch; when the page
    has not changed the result has status 304 and an empty body. `resolver(host, port)` returns
    the host's IP addresses as strings (default: the system resolver); tests inject fakes.

    `content_types` replaces SOURCES_ALLOWED_CONTENT_TYPES for this call (API clients such as
    sources.providers pass ("application/json",)); a single string is one media type.
    `respect_robots` overrides SOURCES_RESPECT_ROBOTS for this call; None follows the setting.
    Search APIs are not crawled pages, so the providers pass False. Every other check (address,
    port, size, deadlines, per-host limits) applies whatever these say.
    """
    config = _Config.from_settings()
    session = _Session(config, resolver or system_resolver)
    allowed_types = (
        config.allowed_content_types if content_types is None else _call_types(content_types)
    )
    page = _Mode(
        cap=config.max_bytes,
        content_types=allowed_types,
        truncate=False,
        check_robots=config.respect_robots if respect_robots is None else bool(respect_robots),
        accept=", ".join(sorted(allowed_types)),
    )
    return session.follow(url, mode=page, extra_headers=_conditional_headers(etag, last_modified))


def _call_types(content_types: Iterable[str]) -> frozenset[str]:
    """The media types one call accepts, lower-cased; refuses an empty list, which would refuse
    every response before it was read."""
    items = [content_types] if isinstance(content_types, str) else list(content_types)
    types = frozenset(str(item).strip().lower() for item in items if str(item).strip())
    if not types:
        raise ValueError(
            "fetch(content_types=...) is empty: give at least one media type such as "
            "'application/json', or None to use SOURCES_ALLOWED_CONTENT_TYPES."
        )
    return types


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host, in its preferred order, deduplicated."""
    # AI_ADDRCONFIG leaves out IPv6 answers on a machine with no IPv6 route, and vice versa.
    # getaddrinfo has no timeout of its own: resolv.conf's timeout and attempts bound it.
    infos = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_ADDRCONFIG
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- Settings --------------------------------------------------------------------------------


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def _as_list(name: str, value: Any) -> list[str]:
    """Accept a list, tuple or set, or a comma-separated string (as read from the environment)."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    if isinstance(value, Iterable):
        return [str(item).strip() for item in value if str(item).strip()]
    raise ImproperlyConfigured(f"{name}={value!r} is not a list: give e.g. [80, 443] or '80,443'.")


def _as_bool(name: str, value: Any) -> bool:
    # A string from the environment: bool("false") would be True, which here would open the
    # address check.
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use true or false.")
    return bool(value)


def _as_number(name: str, value: Any, kind: type[int] | type[float]) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from exc
    if number < 0:
        raise ImproperlyConfigured(f"{name}={value!r} is negative: give zero or more.")
    return number


@dataclass(frozen=True)
class _Config:
    allow_private: bool
    allowed_networks: tuple[IPNetwork, ...]
    allowed_ports: frozenset[int]
    max_redirects: int
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    max_bytes: int
    allowed_content_types: frozenset[str]
    user_agent: str
    respect_robots: bool
    robots_cache_seconds: int
    concurrency: int
    interval: float

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against (RFC 9309 2.2.1): only the
        name, so a word in the contact URL ("github") never selects another crawler's rules."""
        return self.user_agent.split("/")[0].strip()

    @classmethod
    def from_settings(cls) -> _Config:
        networks = []
        for item in _as_list("SOURCES_ALLOWED_NETWORKS", _setting("SOURCES_ALLOWED_NETWORKS", [])):
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError as exc:
                raise ImproperlyConfigured(
                    f"SOURCES_ALLOWED_NETWORKS has {item!r}, which is not a network: "
                    "give CIDR blocks such as 10.1.2.0/24."
                ) from exc
        ports = _as_list("SOURCES_ALLOWED_PORTS", _setting("SOURCES_ALLOWED_PORTS", [80, 443]))
        content_types = _as_list(
            "SOURCES_ALLOWED_CONTENT_TYPES",
            _setting("SOURCES_ALLOWED_CONTENT_TYPES", DEFAULT_ALLOWED_CONTENT_TYPES),
        )
        contact = str(_setting("SOURCES_CONTACT_URL", DEFAULT_CONTACT_URL))
        user_agent = str(_setting("SOURCES_USER_AGENT", DEFAULT_USER_AGENT))
        user_agent = user_agent.replace("{SOURCES_CONTACT_URL}", contact).strip()
        if not user_agent or not _PRINTABLE_ASCII.fullmatch(user_agent):
            raise ImproperlyConfigured(
                f"SOURCES_USER_AGENT={user_agent!r} is not a usable header value: give printable "
                "ASCII such as 'claimtracker/1.0 (+https://example.org/contact)'."
            )
        return cls(
            allow_private=_as_bool(
                "SOURCES_ALLOW_PRIVATE_NETWORKS", _setting("SOURCES_ALLOW_PRIVATE_NETWORKS", False)
            ),
            allowed_networks=tuple(networks),
            allowed_ports=frozenset(
                _as_number("SOURCES_ALLOWED_PORTS", port, int) for port in ports
            ),
            max_redirects=_as_number(
                "SOURCES_MAX_REDIRECTS", _setting("SOURCES_MAX_REDIRECTS", 5), int
            ),
            connect_timeout=_as_number(
                "SOURCES_CONNECT_TIMEOUT", _setting("SOURCES_CONNECT_TIMEOUT", 5.0), float
            ),
            read_timeout=_as_number(
                "SOURCES_READ_TIMEOUT", _setting("SOURCES_READ_TIMEOUT", 10.0), float
            ),
            total_timeout=_as_number(
                "SOURCES_TOTAL_TIMEOUT", _setting("SOURCES_TOTAL_TIMEOUT", 30.0), float
            ),
            max_bytes=_as_number(
                "SOURCES_MAX_BYTES", _setting("SOURCES_MAX_BYTES", DEFAULT_MAX_BYTES), int
            ),
            allowed_content_types=frozenset(item.lower() for item in content_types),
            user_agent=user_agent,
            respect_robots=_as_bool(
                "SOURCES_RESPECT_ROBOTS", _setting("SOURCES_RESPECT_ROBOTS", True)
            ),
            robots_cache_seconds=_as_number(
                "SOURCES_ROBOTS_CACHE_SECONDS", _setting("SOURCES_ROBOTS_CACHE_SECONDS", 3600), int
            ),
            concurrency=max(
                1,
                _as_number(
                    "SOURCES_PER_HOST_CONCURRENCY", _setting("SOURCES_PER_HOST_CONCURRENCY", 2), int
                ),
            ),
            interval=_as_number(
                "SOURCES_PER_HOST_INTERVAL", _setting("SOURCES_PER_HOST_INTERVAL", 1.0), float
            ),
        )


# --- URLs ------------------------------------------------------------------------------------

_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# Host names getaddrinfo would read as an IPv4 address under inet_aton's legacy rules:
# 2130706433, 0177.0.0.1, 127.1, 0x7f.0.0.1.
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}")
_HOST_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_PATH_SAFE = "/%!$&'()*+,;=:@~"
_QUERY_SAFE = _PATH_SAFE + "?"


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 3] + "..."


@dataclass(frozen=True)
class _Target:
    """One hop, parsed and checked for scheme and port; the address is checked separately."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA), lower-case, no brackets: what DNS, TLS and the throttle see
    written_host: str  # as written in the URL, for messages about numeric tricks
    port: int
    literal: IPAddress | None  # the address, when the host is an IP address literal
    request_path: str  # path and query, percent-encoded

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default_port = 443 if self.scheme == "https" else 80
        return host if self.port == default_port else f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host_header}"


def _invalid(url: str, problem: str) -> FetchError:
    return FetchError("invalid_url", f"The URL {_short(url)!r} {problem}", permanent=True)


def _parse_target(url: str, config: _Config) -> _Target:
    raw = url.strip() if isinstance(url, str) else ""
    if not raw:
        raise FetchError(
            "invalid_url",
            "The URL is empty: give a full http:// or https:// address.",
            permanent=True,
        )
    if len(raw) > MAX_URL_LENGTH:
        raise _invalid(
            raw,
            f"is {len(raw)} characters long; the limit is {MAX_URL_LENGTH}. Give the "
            "page's shortest address.",
        )
    if _CONTROL_CHARS.search(raw):
        raise _invalid(raw, "contains control characters. Copy the address again from the browser.")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise _invalid(raw, f"is malformed ({exc}). Check it and try again.") from exc
    scheme = parts.scheme.lower()
    if not scheme:
        raise _invalid(raw, "has no scheme: give a full http:// or https:// address.")
    if scheme not in {"http", "https"}:
        raise FetchError(
            "blocked_scheme",
            f"Refused: {_short(raw)} is a {scheme}: address. Only http:// and https:// web pages "
            "can be sources.",
            permanent=True,
        )
    written_host = (parts.hostname or "").rstrip(".")
    if not written_host:
        raise _invalid(raw, "has no host name: give a full address such as https://example.org/.")
    literal = _literal_address(raw, written_host)
    if literal is not None:
        host = str(literal)
    else:
        try:
            host = written_host.encode("idna").decode("ascii").lower()
        except UnicodeError as exc:
            raise _invalid(raw, "has an invalid host name. Check it for typos.") from exc
        if len(host) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in host.split(".")):
            raise _invalid(raw, "has an invalid host name. Check it for typos.")
    port = port if port is not None else (443 if scheme == "https" else 80)
    if port not in config.allowed_ports:
        allowed = ", ".join(str(p) for p in sorted(config.allowed_ports)) or "none"
        raise FetchError(
            "blocked_port",
            f"Refused: {_short(raw)} uses port {port}. Sources must be on a standard web port "
            f"(allowed: {allowed}); an administrator can add ports to SOURCES_ALLOWED_PORTS.",
            permanent=True,
        )
    # http.client sends the request target as ASCII: percent-encode spaces and non-ASCII text
    # the way browsers do, leaving existing %XX escapes alone.
    request_path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        request_path += "?" + quote(parts.query, safe=_QUERY_SAFE)
    return _Target(
        url=raw,
        scheme=scheme,
        host=host,
        written_host=written_host,
        port=port,
        literal=literal,
        request_path=request_path,
    )


def _literal_address(url: str, host: str) -> IPAddress | None:
    """The address an IP-literal host stands for, or None for a name to look up.

    Legacy numeric forms are decoded here with inet_aton, exactly as getaddrinfo would, so the
    address check judges the real address even when a test resolver is injected.
    """
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError as exc:
            raise _invalid(url, "has an invalid IPv6 address. Check it for typos.") from exc
    if _NUMERIC_HOST.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError as exc:
            raise _invalid(url, "has an invalid IP address. Check it for typos.") from exc
    return None


def _redirect_url(current: str, location: str) -> str:
    location = location.strip()
    # http.client decodes header values as Latin-1; servers that put UTF-8 in Location mean UTF-8.
    with contextlib.suppress(UnicodeError):
        location = location.encode("latin-1").decode("utf-8")
    return urljoin(current, location)


# --- Addresses -------------------------------------------------------------------------------


def _rules(*pairs: tuple[str, str]) -> tuple[tuple[IPNetwork, str], ...]:
    return tuple((ipaddress.ip_network(network), label) for network, label in pairs)


# Judged in order; the first match names the problem. Sources: the IANA special-purpose address
# registries for IPv4 and IPv6.
_IPV4_RULES = _rules(
    ("0.0.0.0/8", "an unspecified ('this network') address"),
    ("10.0.0.0/8", "a private address"),
    ("100.64.0.0/10", "a carrier-grade NAT address"),
    ("127.0.0.0/8", "a loopback address"),
    ("169.254.0.0/16", "a link-local address"),
    ("172.16.0.0/12", "a private address"),
    ("192.0.0.0/24", "an IETF protocol address"),
    ("192.0.2.0/24", "a documentation address"),
    ("192.88.99.0/24", "a 6to4 relay address"),
    ("192.168.0.0/16", "a private address"),
    ("198.18.0.0/15", "a benchmarking address"),
    ("198.51.100.0/24", "a documentation address"),
    ("203.0.113.0/24", "a documentation address"),
    ("224.0.0.0/4", "a multicast address"),
    ("255.255.255.255/32", "the broadcast address"),
    ("240.0.0.0/4", "a reserved address"),
)
_IPV6_RULES = _rules(
    ("::/128", "the unspecified address"),
    ("::1/128", "a loopback address"),
    ("::/8", "a reserved address"),
    ("64:ff9b:1::/48", "a local-use NAT64 address"),
    ("100::/64", "a discard-only address"),
    ("2001::/23", "an IETF protocol address"),
    ("2001:db8::/32", "a documentation address"),
    ("3fff::/20", "a documentation address"),
    ("fc00::/7", "a private (unique local) address"),
    ("fe80::/10", "a link-local address"),
    ("fec0::/10", "a site-local address"),
    ("ff00::/8", "a multicast address"),
)
_IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_TEREDO = ipaddress.IPv6Network("2001::/32")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[tuple[ipaddress.IPv4Address, str]]:
    """The IPv4 addresses an IPv6 address carries, with how; [] for a plain IPv6 address."""
    if address.ipv4_mapped is not None:
        return [(address.ipv4_mapped, "IPv4-mapped")]
    if address in _NAT64:
        return [(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF), "NAT64")]
    if address.sixtofour is not None:
        return [(address.sixtofour, "6to4")]
    if address in _TEREDO and address.teredo is not None:
        server, client = address.teredo
        return [(server, "Teredo server"), (client, "Teredo client")]
    return []


def _address_problem(address: IPAddress, exempt: Iterable[IPNetwork] = ()) -> str | None:
    """Why the fetcher must not connect to address ("a private address"...), or None if public."""
    exempt = tuple(exempt)
    if any(address in network for network in exempt):
        return None
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded:
            # The packets end up at the embedded IPv4 address, so that is what is judged.
            for inner, how in embedded:
                problem = _address_problem(inner, exempt)
                if problem:
                    return f"{problem} ({inner}, {how})"
            return None
        rules = _IPV6_RULES
    else:
        rules = _IPV4_RULES
    for network, label in rules:
        if address in network:
            return label
    if isinstance(address, ipaddress.IPv6Address) and address not in _IPV6_GLOBAL_UNICAST:
        return "a reserved address"
    # Belt and braces: whatever Python's copy of the registries knows and the tables above miss.
    if not address.is_global:
        return "a non-public address"
    return None


# --- Per-host limits -------------------------------------------------------------------------


def _cache_key(kind: str, value: str) -> str:
    # Hashed: host names can be long enough to break memcached's 250-character key limit.
    return f"sources.fetcher:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def slot_keys(host: str, concurrency: int) -> list[str]:
    """Cache keys of the per-host request slots (tests fill them to simulate busy workers)."""
    return [_cache_key("slot", f"{host}#{index}") for index in range(concurrency)]


@dataclass(frozen=True)
class _Lease:
    key: str
    token: str


def _release(lease: _Lease) -> None:
    # Delete only our own lease: if it expired and another worker took the key, it is theirs.
    # (get-then-delete is not atomic; the window only matters after a lease has already expired.)
    if cache.get(lease.key) == lease.token:
        cache.delete(lease.key)


@functools.lru_cache(maxsize=32)  # at most 32 x ROBOTS_MAX_BYTES of text held per process
def _robots_parser(rules: str) -> Protego:
    """robots.txt parsed once per process and text: every page of a site asks the same rules.
    (can_fetch() only memoizes which group matches an agent, the same answer in any thread.)"""
    return Protego.parse(rules)


def robots_allow(rules: str, url: str, agent: str) -> bool:
    """Whether robots.txt text `rules` lets the crawler whose product token is `agent` fetch
    `url`, as RFC 9309 reads it: the most specific (longest) matching rule decides, Allow wins
    a tie, `*` matches any run of characters and a final `$` anchors the end of the URL."""
    return _robots_parser(rules).can_fetch(url, agent)


# --- Bodies ----------------------------------------------------------------------------------

_HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<title",
    b"<script",
    b"<meta",
    b"<div",
    b"<p",
    b"<h1",
    b"<table",
)
_TAG_ENDS = frozenset({b"", b" ", b">", b"\t", b"\n", b"\r", b"\f"})
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _sniff(start: bytes) -> str | None:
    """The media type of a body sent without Content-Type: text/html, text/plain or None (binary).

    A cut-down WHATWG MIME sniff: HTML if it opens with a common tag, plain text if none of the
    first bytes is a binary control byte.
    """
    head = start.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\f").lower()
    if head.startswith(b"<!--"):
        return "text/html"
    for tag in _HTML_STARTS:
        if head.startswith(tag) and head[len(tag) : len(tag) + 1] in _TAG_ENDS:
            return "text/html"
    if not _BINARY_BYTES.search(start):
        return "text/plain"
    return None


def _parse_content_type(value: str) -> tuple[str, str | None]:
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, setting = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


class _Decoder:
    """Undoes Content-Encoding a piece at a time, never producing more than the room left.

    zlib's max_length is what stops a gzip bomb: it inflates only up to one byte past the cap and
    leaves the rest of the input in unconsumed_tail, so a few KB can never become a gigabyte.
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._inflater: Any = None
        self._pending = b""
        if encoding in {"gzip", "x-gzip"}:
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding not in {"", "identity", "deflate"}:
            raise ValueError(encoding)

    def feed(self, data: bytes, body: bytearray, cap: int) -> bool:
        """Append what data decodes to; True once body holds more than cap bytes."""
        if self.encoding in {"", "identity"}:
            body += data
            return len(body) > cap
        if self._inflater is None:
            # "deflate" should be zlib-wrapped, but many servers send raw deflate: the first two
            # bytes tell them apart, so wait for them.
            self._pending += data
            if len(self._pending) < 2:
                return False
            data, self._pending = self._pending, b""
            zlib_header = data[0] & 0x0F == 8 and int.from_bytes(data[:2], "big") % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        while data:
            if self._inflater.eof:
                if self.encoding == "deflate" or not data.startswith(b"\x1f\x8b"):
                    return False  # trailing bytes after the stream: ignored, as browsers do
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
            body += self._inflater.decompress(data, cap - len(body) + 1)
            if len(body) > cap:
                return True
            inflater = self._inflater
            data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        return False

    def finish(self, body: bytearray, cap: int) -> bool:
        """Called at the end of the body; raises zlib.error if the stream was cut short."""
        if self.encoding in {"", "identity"}:
            return False
        if self._inflater is None:
            if self._pending:
                raise zlib.error("the compressed body is shorter than its header")
            return False  # an empty body
        body += self._inflater.flush()
        if not self._inflater.eof:
            raise zlib.error("the compressed body ends early")
        return len(body) > cap


# --- Connections -----------------------------------------------------------------------------


class _KeepsRawSocket:
    """Remembers the TCP socket, so the watchdog can cut a connection still in its TLS handshake."""

    raw_socket: socket.socket | None = None

    def _new_conn(self) -> socket.socket:
        self.raw_socket = super()._new_conn()  # type: ignore[misc]
        return self.raw_socket


class _HTTPConnection(_KeepsRawSocket, HTTPConnection):
    pass


class _HTTPSConnection(_KeepsRawSocket, HTTPSConnection):
    pass


class _Watchdog:
    """Shuts the connection down when the total deadline passes, whatever it is doing.

    Socket timeouts restart with every byte received, so a server dripping one byte a second
    never trips them; only a timer enforces SOURCES_TOTAL_TIMEOUT on the handshake, the status
    line and the headers. Body reads also check the clock between chunks.
    """

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self._connection: _HTTPConnection | _HTTPSConnection | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, connection: _HTTPConnection | _HTTPSConnection) -> None:
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


@dataclass(frozen=True)
class _Mode:
    cap: int
    content_types: frozenset[str] | None  # None: any type (robots.txt)
    truncate: bool  # past the cap: keep the first cap bytes (robots.txt) instead of refusing
    check_robots: bool
    accept: str


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: dict[str, str]
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    location: str | None = None


class _Session:
    """One call to fetch(): its settings, its resolver and its deadline."""

    def __init__(self, config: _Config, resolver: Resolver) -> None:
        self.config = config
        self.resolver = resolver
        self.started = time.monotonic()
        self.deadline = self.started + config.total_timeout

    # Hops.

    def follow(
        self,
        url: str,
        *,
        mode: _Mode,
        extra_headers: dict[str, str],
        first_addresses: list[IPAddress] | None = None,
    ) -> FetchResult:
        current = url
        redirects: list[str] = []
        while True:
            try:
                target = _parse_target(current, self.config)
                if first_addresses is not None and not redirects:
                    addresses = first_addresses
                else:
                    addresses = self.resolve(target)
            except FetchError as error:
                if not redirects:
                    raise
                previous = ([url, *redirects])[-2]
                raise FetchError(
                    error.code,
                    f"{_short(previous)} redirected to {_short(current)}. {error}",
                    permanent=error.permanent,
                ) from error
            if mode.check_robots and not self.robots_allow(target, addresses):
                raise FetchError(
                    "robots_disallowed",
                    f"Refused: {target.origin}/robots.txt asks crawlers such as "
                    f"{self.config.robots_agent} not to "
                    f"fetch {_short(target.request_path, 80)}. Cite another page, or paste the "
                    "text as a document instead.",
                    permanent=True,
                )
            reply = self.exchange(target, addresses, mode, extra_headers)
            if reply.location is None:
                return FetchResult(
                    requested_url=url,
                    final_url=current,
                    status=reply.status,
                    headers=reply.headers,
                    content_type=reply.content_type,
                    charset=reply.charset,
                    body=reply.body,
                    redirects=tuple(redirects),
                    elapsed=time.monotonic() - self.started,
                )
            next_url = _redirect_url(current, reply.location)
            if len(redirects) >= self.config.max_redirects:
                raise FetchError(
                    "too_many_redirects",
                    f"Refused: {_short(url)} redirected more than {self.config.max_redirects} "
                    f"times (the last hop pointed to {_short(next_url)}). Give the page's final "
                    "address instead.",
                    permanent=True,
                )
            logger.debug("Following a %s redirect from %s to %s", reply.status, current, next_url)
            redirects.append(next_url)
            current = next_url

    def resolve(self, target: _Target) -> list[IPAddress]:
        """The checked addresses for one hop: the resolver is called exactly once per hop."""
        if target.literal is not None:
            addresses: list[IPAddress] = [target.literal]
        else:
            try:
                answers = self.resolver(target.host, target.port)
            except (OSError, UnicodeError) as exc:
                raise FetchError(
                    "dns_failed",
                    f"Could not look up {target.host} ({exc}). Check the address for typos; if "
                    "it is right, the site's DNS is failing and the fetch will be retried.",
                    permanent=False,
                ) from exc
            addresses = []
            for answer in answers or []:
                try:
                    addresses.append(ipaddress.ip_address(answer))
                except ValueError as exc:
                    raise FetchError(
                        "dns_failed",
                        f"Looking up {target.host} gave {answer!r}, which is not an IP address. "
                        "The fetch will be retried.",
                        permanent=False,
                    ) from exc
            if not addresses:
                raise FetchError(
                    "dns_failed",
                    f"{target.host} has no addresses. Check the address for typos; if it is "
                    "right, the site's DNS is failing and the fetch will be retried.",
                    permanent=False,
                )
        if time.monotonic() >= self.deadline:
            raise self.deadline_error(target)
        if not self.config.allow_private:
            for address in addresses:
                problem = _address_problem(address, self.config.allowed_networks)
                if problem is None:
                    continue
                if target.literal is None:
                    where = f"{target.host} resolves to {address}, {problem}"
                elif target.written_host != str(address):
                    where = f"{target.written_host} means {address}, {problem}"
                else:
                    where = f"{address} is {problem}"
                raise FetchError(
                    "blocked_address",
                    f"Refused: {where}. Sources must be public web pages.",
                    permanent=True,
                )
        return list(dict.fromkeys(addresses))

    # robots.txt.

    def robots_allow(self, target: _Target, addresses: list[IPAddress]) -> bool:
        key = _cache_key("robots", target.origin)
        rules = cache.get(key)
        if rules is None:
            rules, seconds = self._fetch_robots(target, addresses)
            cache.set(key, rules, timeout=seconds)
        # The path and query exactly as they go on the wire, not the URL as written.
        return robots_allow(rules, target.origin + target.request_path, self.config.robots_agent)

    def _fetch_robots(self, target: _Target, addresses: list[IPAddress]) -> tuple[str, int]:
        """robots.txt's text and how long to cache it; "" (no rules) when there is none."""
        retry_seconds = min(ROBOTS_RETRY_SECONDS, self.config.robots_cache_seconds)
        robots = _Mode(
            cap=ROBOTS_MAX_BYTES,
            content_types=None,
            truncate=True,
            check_robots=False,
            accept="text/plain, */*;q=0.5",
        )
        try:
            # Same host and port as the page hop: reuse its checked addresses, no second lookup.
            result = self.follow(
                f"{target.origin}/robots.txt",
                mode=robots,
                extra_headers={},
                first_addresses=addresses,
            )
        except FetchError as error:
            logger.info("robots.txt of %s unavailable, allowing: %s", target.origin, error)
            return "", retry_seconds
        if 200 <= result.status < 300:
            text = result.body.decode("utf-8-sig", errors="replace")
            return text, self.config.robots_cache_seconds
        if 400 <= result.status < 500 and result.status != 429:
            # RFC 9309 2.3.1.3: an unavailable robots.txt (404, 410, even 401/403) means no rules.
            return "", self.config.robots_cache_seconds
        logger.info("robots.txt of %s answered %s, allowing", target.origin, result.status)
        return "", retry_seconds

    # One request.

    def exchange(
        self,
        target: _Target,
        addresses: list[IPAddress],
        mode: _Mode,
        extra_headers: dict[str, str],
    ) -> _Reply:
        lease = self._take_slot(target)
        try:
            self._wait_for_turn(target)
            watchdog = _Watchdog(self.deadline)
            connection = None
            response = None
            try:
                connection = self._connect(target, addresses, watchdog)
                connection.request(
                    "GET",
                    target.request_path,
                    headers={
                        "Host": target.host_header,
                        "User-Agent": self.config.user_agent,
                        "Accept": mode.accept,
                        # Only what _Decoder can undo, incrementally and under the cap.
                        "Accept-Encoding": "gzip, deflate",
                        "Connection": "close",
                        **extra_headers,
                    },
                    preload_content=False,
                    decode_content=False,
                )
                response = connection.getresponse()
                return self._receive(target, response, mode, watchdog)
            except (OSError, ValueError, http.client.HTTPException, Urllib3Error) as exc:
                raise self._transport_error(target, exc, watchdog) from exc
            finally:
                watchdog.cancel()
                # Both: with "Connection: close" http.client hands the socket to the response,
                # and the socket stays open until the response lets go of it too. Closing is
                # what tells a server sending a refused body to stop.
                if response is not None:
                    response.close()
                if connection is not None:
                    connection.close()
        finally:
            _release(lease)

    def _connect(
        self, target: _Target, addresses: list[IPAddress], watchdog: _Watchdog
    ) -> _HTTPConnection | _HTTPSConnection:
        """A connection to the first checked address that answers (a later one if it refuses)."""
        failure: Exception | None = None
        for address in addresses:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                break
            timeout = min(self.config.connect_timeout, remaining)
            connection: _HTTPConnection | _HTTPSConnection
            if target.scheme == "https":
                # Connect to the checked address, but verify the certificate (and send SNI) for
                # the host name, exactly as if urllib3 had looked the name up itself.
                connection = _HTTPSConnection(
                    str(address),
                    target.port,
                    timeout=timeout,
                    server_hostname=target.host,
                    assert_hostname=target.host,
                    cert_reqs="CERT_REQUIRED",
                )
            else:
                connection = _HTTPConnection(str(address), target.port, timeout=timeout)
            watchdog.watch(connection)
            try:
                connection.connect()
            except ConnectTimeoutError as exc:  # includes NewConnectionError (refused, no route)
                connection.close()
                failure = exc
                continue
            # request() and getresponse() apply this to the socket from now on.
            connection.timeout = self.config.read_timeout
            return connection
        if failure is not None:
            raise failure
        raise self.deadline_error(target)

    def _receive(
        self, target: _Target, response: BaseHTTPResponse, mode: _Mode, watchdog: _Watchdog
    ) -> _Reply:
        headers = {name.lower(): value for name, value in response.headers.itermerged()}
        status = response.status
        content_type, charset = _parse_content_type(headers.get("content-type", ""))
        location = headers.get("location")
        if status in REDIRECT_STATUSES and location:
            return _Reply(status, headers, content_type, charset, location=location)
        if not 200 <= status < 300 or status in {204, 205}:
            # 304 has no body by definition; error pages are not worth keeping, and skipping them
            # means a 404 served as image/png is still reported as a 404.
            return _Reply(status, headers, content_type, charset)
        if (
            mode.content_types is not None
            and content_type
            and content_type not in mode.content_types
        ):
            raise FetchError(
                "unsupported_content_type",
                f"Refused: {_short(target.url)} is {content_type}, not a web page. Sources must "
                f"be {' or '.join(sorted(mode.content_types))}; link to the page that presents "
                "the document instead.",
                permanent=True,
            )
        declared = response.length_remaining
        if declared is not None and declared > mode.cap and not mode.truncate:
            raise self._too_large(target, mode)
        encoding = headers.get("content-encoding", "").strip().lower()
        try:
            decoder = _Decoder(encoding)
        except ValueError:
            raise FetchError(
                "unsupported_content_type",
                f"Refused: {_short(target.url)} was sent with Content-Encoding {encoding!r}, "
                "which the fetcher did not ask for and cannot decode. Report the site to the "
                "developers if it matters.",
                permanent=True,
            ) from None
        check_start = None
        if mode.content_types is not None and not content_type:

            def check_start(start: bytes) -> None:
                nonlocal content_type
                sniffed = _sniff(start)
                if sniffed is None or sniffed not in mode.content_types:
                    raise FetchError(
                        "unsupported_content_type",
                        f"Refused: {_short(target.url)} has no Content-Type and does not look "
                        "like a web page. Link to the page that presents the document instead.",
                        permanent=True,
                    )
                content_type = sniffed

        body = self._read_body(target, response, decoder, mode, watchdog, check_start)
        return _Reply(status, headers, content_type, charset, body=body)

    def _read_body(
        self,
        target: _Target,
        response: BaseHTTPResponse,
        decoder: _Decoder,
        mode: _Mode,
        watchdog: _Watchdog,
        check_start: Callable[[bytes], None] | None,
    ) -> bytes:
        body = bytearray()
        while True:
            if time.monotonic() >= self.deadline:
                raise self.deadline_error(target)
            # read1: at most one read from the socket, so the clock is checked between drips.
            chunk = response.read1(_CHUNK_BYTES, decode_content=False)
            if watchdog.fired:
                raise self.deadline_error(target)  # the "end" of the body was the watchdog
            try:
                if chunk:
                    over = decoder.feed(chunk, body, mode.cap)
                else:
                    over = decoder.finish(body, mode.cap)
            except zlib.error as exc:
                raise FetchError(
                    "connection_failed",
                    f"{_short(target.url)} sent a corrupt or truncated {decoder.encoding} body "
                    f"({exc}). The fetch will be retried.",
                    permanent=False,
                ) from exc
            if check_start is not None and (len(body) >= _SNIFF_BYTES or not chunk or over):
                check_start(bytes(body[:_SNIFF_BYTES]))
                check_start = None
            if over:
                if mode.truncate:
                    del body[mode.cap :]
                    return bytes(body)
                raise self._too_large(target, mode)
            if not chunk:
                return bytes(body)

    # Per-host limits, shared by every worker through Django's cache.

    def _take_slot(self, target: _Target) -> _Lease:
        # A slot outlives any fetch, so one held by a crashed worker frees itself.
        lease_seconds = math.ceil(self.config.total_timeout) + 5
        return self._take_any(
            slot_keys(target.host, self.config.concurrency),
            lease_seconds,
            target,
            f"{self.config.concurrency} fetches from {target.host} were already running",
        )

    def _wait_for_turn(self, target: _Target) -> None:
        """Reserve the next start time for the host and sleep until it comes.

        The read-modify-write of the last start is guarded by a short cache.add lock, so two
        workers can never both see the same "last start" and start together.
        """
        interval = self.config.interval
        if interval <= 0:
            return
        gate = self._take_any(
            [_cache_key("gate", target.host)], 5, target, f"{target.host} was busy"
        )
        try:
            last_key = _cache_key("last-start", target.host)
            now = time.time()  # wall clock: compared across processes and machines
            last = cache.get(last_key)
            start_at = max(now, float(last) + interval) if last is not None else now
            wait = start_at - now
            if time.monotonic() + wait >= self.deadline:
                raise self.deadline_error(target, f"{target.host} was busy")
            cache.set(last_key, start_at, timeout=math.ceil(wait + interval) + 60)
        finally:
            _release(gate)
        if wait > 0:
            time.sleep(wait)

    def _take_any(self, keys: list[str], lease_seconds: int, target: _Target, busy: str) -> _Lease:
        token = uuid.uuid4().hex
        pause = 0.01
        while True:
            for key in keys:
                if cache.add(key, token, timeout=lease_seconds):
                    return _Lease(key, token)
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise self.deadline_error(target, busy)
            time.sleep(min(pause, remaining))
            pause = min(pause * 2, 0.25)

    # Errors.

    def deadline_error(self, target: _Target, reason: str = "") -> FetchError:
        because = f" because {reason}" if reason else ""
        return FetchError(
            "timeout",
            f"Gave up on {_short(target.url)}: the fetch did not finish within "
            f"{self.config.total_timeout:g} s (SOURCES_TOTAL_TIMEOUT){because}. "
            "The fetch will be retried later.",
            permanent=False,
        )

    def _too_large(self, target: _Target, mode: _Mode) -> FetchError:
        return FetchError(
            "too_large",
            f"Refused: {_short(target.url)} is larger than {mode.cap} bytes once decompressed "
            "(SOURCES_MAX_BYTES). Link to a smaller page, or paste the relevant text as a "
            "document.",
            permanent=True,
        )

    def _transport_error(self, target: _Target, exc: Exception, watchdog: _Watchdog) -> FetchError:
        if watchdog.fired or time.monotonic() >= self.deadline:
            return self.deadline_error(target)
        detail = " ".join(str(exc).split()) or type(exc).__name__
        where = f"{target.host}:{target.port}"
        if isinstance(exc, (ssl.SSLCertVerificationError, CertificateError)):
            message = (
                f"The TLS certificate of {target.host} could not be verified ({detail}). "
                "The site's HTTPS is misconfigured; the fetch will be retried."
            )
            return FetchError("connection_failed", message, permanent=False)
        if isinstance(exc, (ssl.SSLError, Urllib3SSLError)):
            message = f"The TLS handshake with {where} failed ({detail}). It will be retried."
            return FetchError("connection_failed", message, permanent=False)
        if isinstance(exc, NewConnectionError):
            message = f"Could not connect to {where} ({detail}). The site may be down; retrying."
            return FetchError("connection_failed", message, permanent=False)
        if isinstance(exc, (Urllib3TimeoutError, TimeoutError)):
            return FetchError(
                "timeout",
                f"{where} did not answer in time (SOURCES_CONNECT_TIMEOUT "
                f"{self.config.connect_timeout:g} s, SOURCES_READ_TIMEOUT "
                f"{self.config.read_timeout:g} s). The fetch will be retried.",
                permanent=False,
            )
        return FetchError(
            "connection_failed",
            f"The connection to {where} failed ({detail}). The site may be down; the fetch will "
            "be retried.",
            permanent=False,
        )


def _conditional_headers(etag: str, last_modified: str) -> dict[str, str]:
    headers = {}
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        value = (value or "").strip()
        if not value:
            continue
        if not _PRINTABLE_ASCII.fullmatch(value):
            # A stored validator with line breaks could smuggle headers; an unconditional
            # request is always safe.
            logger.warning("Ignoring a stored %s that is not printable ASCII: %r", name, value)
            continue
        headers[name] = value
    return headers
