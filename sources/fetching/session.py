"""One call to fetch(): its settings, its resolver, its deadline, and the hops it follows.

Redirects are followed by hand, so every hop passes the same checks (sources.fetching.policy),
robots.txt (sources.fetching.robots) and per-host limits (sources.fetching.slots) before a
connection is opened (sources.fetching.connections); the body is read in chunks, decoded a
piece at a time, and stopped at the cap, the read timeout and the total deadline.
"""

from __future__ import annotations

import http.client
import logging
import ssl
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.response import BaseHTTPResponse
from urllib3.util.ssl_match_hostname import CertificateError

from sources import conf
from sources.conf import PRINTABLE_ASCII, SourcesSettings
from sources.fetching.body import CHUNK_BYTES, SNIFF_BYTES, Decoder, parse_content_type, sniff
from sources.fetching.connections import Watchdog, connect
from sources.fetching.policy import (
    IPAddress,
    Resolver,
    Target,
    check_addresses,
    lookup,
    parse_target,
    redirect_url,
    system_resolver,
)
from sources.fetching.results import FetchError, FetchResult, short
from sources.fetching.robots import ROBOTS_ACCEPT, ROBOTS_MAX_BYTES, robots_permit
from sources.fetching.slots import HostBusy, host_turn

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


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
    config = conf.get()
    session = Session(config, resolver or system_resolver)
    allowed_types = (
        frozenset(config.allowed_content_types)
        if content_types is None
        else _call_types(content_types)
    )
    page = Mode(
        cap=config.max_bytes,
        content_types=allowed_types,
        truncate=False,
        check_robots=config.respect_robots if respect_robots is None else bool(respect_robots),
        accept=", ".join(sorted(allowed_types)),
    )
    return session.follow(url, mode=page, extra_headers=conditional_headers(etag, last_modified))


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


@dataclass(frozen=True)
class Mode:
    cap: int
    content_types: frozenset[str] | None  # None: any type (robots.txt)
    truncate: bool  # past the cap: keep the first cap bytes (robots.txt) instead of refusing
    check_robots: bool
    accept: str


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    location: str | None = None


# robots.txt: any type, and past the cap the first ROBOTS_MAX_BYTES are kept, not refused.
ROBOTS_MODE = Mode(
    cap=ROBOTS_MAX_BYTES,
    content_types=None,
    truncate=True,
    check_robots=False,
    accept=ROBOTS_ACCEPT,
)


class Session:
    """One call to fetch(): its settings, its resolver and its deadline."""

    def __init__(self, config: SourcesSettings, resolver: Resolver) -> None:
        self.config = config
        self.resolver = resolver
        self.started = time.monotonic()
        self.deadline = self.started + config.total_timeout

    # Hops.

    def follow(
        self,
        url: str,
        *,
        mode: Mode,
        extra_headers: dict[str, str],
        first_addresses: list[IPAddress] | None = None,
    ) -> FetchResult:
        current = url
        redirects: list[str] = []
        while True:
            try:
                target = parse_target(current, self.config)
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
                    f"{short(previous)} redirected to {short(current)}. {error}",
                    permanent=error.permanent,
                ) from error
            if mode.check_robots and not self.robots_allow(target, addresses):
                raise FetchError(
                    "robots_disallowed",
                    f"Refused: {target.origin}/robots.txt asks crawlers such as "
                    f"{self.config.robots_agent} not to "
                    f"fetch {short(target.request_path, 80)}. Cite another page, or paste the "
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
            next_url = redirect_url(current, reply.location)
            if len(redirects) >= self.config.max_redirects:
                raise FetchError(
                    "too_many_redirects",
                    f"Refused: {short(url)} redirected more than {self.config.max_redirects} "
                    f"times (the last hop pointed to {short(next_url)}). Give the page's final "
                    "address instead.",
                    permanent=True,
                )
            logger.debug("Following a %s redirect from %s to %s", reply.status, current, next_url)
            redirects.append(next_url)
            current = next_url

    def resolve(self, target: Target) -> list[IPAddress]:
        """The checked addresses for one hop: the resolver is called exactly once per hop."""
        addresses = lookup(target, self.resolver)
        if time.monotonic() >= self.deadline:
            raise self.deadline_error(target)
        return check_addresses(target, addresses, self.config)

    def robots_allow(self, target: Target, addresses: list[IPAddress]) -> bool:
        return robots_permit(
            target, addresses, config=self.config, read_robots_txt=self._read_robots_txt
        )

    def _read_robots_txt(self, url: str, addresses: list[IPAddress]) -> FetchResult:
        # Same host and port as the page hop: reuse its checked addresses, no second lookup.
        return self.follow(url, mode=ROBOTS_MODE, extra_headers={}, first_addresses=addresses)

    # One request.

    def exchange(
        self,
        target: Target,
        addresses: list[IPAddress],
        mode: Mode,
        extra_headers: dict[str, str],
    ) -> Reply:
        try:
            with host_turn(target.host, config=self.config, deadline=self.deadline):
                return self._request(target, addresses, mode, extra_headers)
        except HostBusy as busy:
            raise self.deadline_error(target, str(busy)) from None

    def _request(
        self,
        target: Target,
        addresses: list[IPAddress],
        mode: Mode,
        extra_headers: dict[str, str],
    ) -> Reply:
        watchdog = Watchdog(self.deadline)
        connection = None
        response = None
        try:
            connection = connect(
                target, addresses, config=self.config, deadline=self.deadline, watchdog=watchdog
            )
            if connection is None:
                raise self.deadline_error(target)
            connection.request(
                "GET",
                target.request_path,
                headers={
                    "Host": target.host_header,
                    "User-Agent": self.config.user_agent,
                    "Accept": mode.accept,
                    # Only what Decoder can undo, incrementally and under the cap.
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

    def _receive(
        self, target: Target, response: BaseHTTPResponse, mode: Mode, watchdog: Watchdog
    ) -> Reply:
        headers = {name.lower(): value for name, value in response.headers.itermerged()}
        status = response.status
        content_type, charset = parse_content_type(headers.get("content-type", ""))
        location = headers.get("location")
        if status in REDIRECT_STATUSES and location:
            return Reply(status, headers, content_type, charset, location=location)
        if not 200 <= status < 300 or status in {204, 205}:
            # 304 has no body by definition; error pages are not worth keeping, and skipping them
            # means a 404 served as image/png is still reported as a 404.
            return Reply(status, headers, content_type, charset)
        if (
            mode.content_types is not None
            and content_type
            and content_type not in mode.content_types
        ):
            raise FetchError(
                "unsupported_content_type",
                f"Refused: {short(target.url)} is {content_type}, not a web page. Sources must "
                f"be {' or '.join(sorted(mode.content_types))}; link to the page that presents "
                "the document instead.",
                permanent=True,
            )
        declared = response.length_remaining
        if declared is not None and declared > mode.cap and not mode.truncate:
            raise self._too_large(target, mode)
        encoding = headers.get("content-encoding", "").strip().lower()
        try:
            decoder = Decoder(encoding)
        except ValueError:
            raise FetchError(
                "unsupported_content_type",
                f"Refused: {short(target.url)} was sent with Content-Encoding {encoding!r}, "
                "which the fetcher did not ask for and cannot decode. Report the site to the "
                "developers if it matters.",
                permanent=True,
            ) from None
        check_start = None
        if mode.content_types is not None and not content_type:

            def check_start(start: bytes) -> None:
                nonlocal content_type
                sniffed = sniff(start)
                if sniffed is None or sniffed not in mode.content_types:
                    raise FetchError(
                        "unsupported_content_type",
                        f"Refused: {short(target.url)} has no Content-Type and does not look "
                        "like a web page. Link to the page that presents the document instead.",
                        permanent=True,
                    )
                content_type = sniffed

        body = self._read_body(target, response, decoder, mode, watchdog, check_start)
        return Reply(status, headers, content_type, charset, body=body)

    def _read_body(
        self,
        target: Target,
        response: BaseHTTPResponse,
        decoder: Decoder,
        mode: Mode,
        watchdog: Watchdog,
        check_start: Callable[[bytes], None] | None,
    ) -> bytes:
        body = bytearray()
        while True:
            if time.monotonic() >= self.deadline:
                raise self.deadline_error(target)
            # read1: at most one read from the socket, so the clock is checked between drips.
            chunk = response.read1(CHUNK_BYTES, decode_content=False)
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
                    f"{short(target.url)} sent a corrupt or truncated {decoder.encoding} body "
                    f"({exc}). The fetch will be retried.",
                    permanent=False,
                ) from exc
            if check_start is not None and (len(body) >= SNIFF_BYTES or not chunk or over):
                check_start(bytes(body[:SNIFF_BYTES]))
                check_start = None
            if over:
                if mode.truncate:
                    del body[mode.cap :]
                    return bytes(body)
                raise self._too_large(target, mode)
            if not chunk:
                return bytes(body)

    # Errors.

    def deadline_error(self, target: Target, reason: str = "") -> FetchError:
        because = f" because {reason}" if reason else ""
        return FetchError(
            "timeout",
            f"Gave up on {short(target.url)}: the fetch did not finish within "
            f"{self.config.total_timeout:g} s (SOURCES_TOTAL_TIMEOUT){because}. "
            "The fetch will be retried later.",
            permanent=False,
        )

    def _too_large(self, target: Target, mode: Mode) -> FetchError:
        return FetchError(
            "too_large",
            f"Refused: {short(target.url)} is larger than {mode.cap} bytes once decompressed "
            "(SOURCES_MAX_BYTES). Link to a smaller page, or paste the relevant text as a "
            "document.",
            permanent=True,
        )

    def _transport_error(self, target: Target, exc: Exception, watchdog: Watchdog) -> FetchError:
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


def conditional_headers(etag: str, last_modified: str) -> dict[str, str]:
    headers = {}
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        value = (value or "").strip()
        if not value:
            continue
        if not PRINTABLE_ASCII.fullmatch(value):
            # A stored validator with line breaks could smuggle headers; an unconditional
            # request is always safe.
            logger.warning("Ignoring a stored %s that is not printable ASCII: %r", name, value)
            continue
        headers[name] = value
    return headers
