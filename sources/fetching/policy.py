"""Which URLs and addresses the fetcher may reach: schemes, ports, host names, and the address
check that keeps it away from private networks, loopback and the cloud metadata service.

Every hop (the first URL and each redirect) is parsed by `parse_target`, its host name looked up
ONCE by `lookup`, and every answer judged by `check_addresses`: one non-public answer refuses
the hop. IPv6 forms that embed an IPv4 address are decoded and judged by the embedded address.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from sources.conf import SourcesSettings
from sources.fetching.results import FetchError, short
from sources.models import MAX_URL_LENGTH

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host, in its preferred order, deduplicated."""
    # AI_ADDRCONFIG leaves out IPv6 answers on a machine with no IPv6 route, and vice versa.
    # getaddrinfo has no timeout of its own: resolv.conf's timeout and attempts bound it.
    infos = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_ADDRCONFIG
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- URLs ------------------------------------------------------------------------------------

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# Host names getaddrinfo would read as an IPv4 address under inet_aton's legacy rules:
# 2130706433, 0177.0.0.1, 127.1, 0x7f.0.0.1.
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}")
_HOST_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_PATH_SAFE = "/%!$&'()*+,;=:@~"
_QUERY_SAFE = _PATH_SAFE + "?"


@dataclass(frozen=True)
class Target:
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
    return FetchError("invalid_url", f"The URL {short(url)!r} {problem}", permanent=True)


def parse_target(url: str, config: SourcesSettings) -> Target:
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
            f"Refused: {short(raw)} is a {scheme}: address. Only http:// and https:// web pages "
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
            f"Refused: {short(raw)} uses port {port}. Sources must be on a standard web port "
            f"(allowed: {allowed}); an administrator can add ports to SOURCES_ALLOWED_PORTS.",
            permanent=True,
        )
    # http.client sends the request target as ASCII: percent-encode spaces and non-ASCII text
    # the way browsers do, leaving existing %XX escapes alone.
    request_path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        request_path += "?" + quote(parts.query, safe=_QUERY_SAFE)
    return Target(
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


def redirect_url(current: str, location: str) -> str:
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


def address_problem(address: IPAddress, exempt: Iterable[IPNetwork] = ()) -> str | None:
    """Why the fetcher must not connect to address ("a private address"...), or None if public."""
    exempt = tuple(exempt)
    if any(address in network for network in exempt):
        return None
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded:
            # The packets end up at the embedded IPv4 address, so that is what is judged.
            for inner, how in embedded:
                problem = address_problem(inner, exempt)
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


def lookup(target: Target, resolver: Resolver) -> list[IPAddress]:
    """The addresses of one hop's host, unchecked: the resolver is called exactly once."""
    if target.literal is not None:
        return [target.literal]
    try:
        answers = resolver(target.host, target.port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            "dns_failed",
            f"Could not look up {target.host} ({exc}). Check the address for typos; if "
            "it is right, the site's DNS is failing and the fetch will be retried.",
            permanent=False,
        ) from exc
    addresses: list[IPAddress] = []
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
    return addresses


def check_addresses(
    target: Target, addresses: list[IPAddress], config: SourcesSettings
) -> list[IPAddress]:
    """The addresses, deduplicated, if every one may be reached; else blocked_address."""
    if not config.allow_private_networks:
        for address in addresses:
            problem = address_problem(address, config.allowed_networks)
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
