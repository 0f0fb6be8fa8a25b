"""What a fetch returns, and what it raises when there is nothing usable to return."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any


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


def short(url: str, limit: int = 120) -> str:
    """A URL cut to fit in a message."""
    return url if len(url) <= limit else url[: limit - 3] + "..."
