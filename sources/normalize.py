"""URL normalization: one Source per page, however the URL was written."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

# Query parameters that identify a campaign, a click or an analytics session, never the page,
# plus every utm_* parameter. Kept short on purpose: a parameter that is only *usually*
# tracking (ref, source, share...) selects content on some site, and removing it would fetch
# a page the site never served at that address.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gbraid",  # Google Ads (iOS)
        "wbraid",  # Google Ads (iOS, web to app)
        "dclid",  # Google Display
        "_ga",  # Google Analytics cross-domain linker
        "_gl",  # Google Analytics cross-domain linker
        "msclkid",  # Microsoft Ads
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp subscriber
        "igshid",  # Instagram share
        "twclid",  # Twitter/X Ads
        "ref_src",  # Twitter/X embeds
        "yclid",  # Yandex Direct
    }
)


class InvalidURL(ValueError):
    pass


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter's name (as written, percent-escapes allowed) marks tracking."""
    key = unquote(name).strip().lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


def strip_tracking(query: str) -> str:
    """The query with tracking parameters removed and everything else kept byte for byte.

    The query is split on "&" only and never decoded and re-encoded: `?b` is not `?b=`, `%20`
    is not `+`, and `a=1;b=2` is one parameter here, because a server may tell each of them
    apart and the page must be fetched at the address it has.
    """
    if not query:
        return query
    return "&".join(
        part for part in query.split("&") if not is_tracking_param(part.partition("=")[0])
    )


def normalize_url(url: str) -> str:
    """Return the canonical form of an http(s) URL, or raise InvalidURL saying what is wrong.

    Lowercases the scheme and host, encodes IDN hosts (punycode), and drops a trailing dot on
    the host, a default port, user info and the fragment. The path is kept as written (no
    percent-decoding, no dot segments resolved), "/" when it is empty. The query loses its
    tracking parameters (utm_*, fbclid, ...: strip_tracking) and keeps every other byte; a
    query that is empty, as given ("?") or once they are gone, is dropped with its "?".
    """
    raw = (url or "").strip()
    if not raw:
        raise InvalidURL("The URL is empty: give a full http:// or https:// address.")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"The URL {raw!r} is malformed ({exc}).") from exc
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise InvalidURL(f"The URL {raw!r} is not http or https: give a web address.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InvalidURL(f"The URL {raw!r} has no host name.")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise InvalidURL(f"The URL {raw!r} has an invalid host name.") from exc
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and not (
        (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", strip_tracking(parts.query), ""))
