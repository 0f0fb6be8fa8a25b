"""URL normalization: one Source per page, however the URL was written."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that identify a campaign or a click, never the page.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "yclid"}
)


class InvalidURL(ValueError):
    pass


def normalize_url(url: str) -> str:
    """Return the canonical form of an http(s) URL, or raise InvalidURL saying what is wrong.

    Lowercases scheme and host, encodes IDN hosts, drops default ports, fragments, user info
    and tracking parameters (utm_*, fbclid, ...); keeps path and the remaining query as given.
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
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
        ]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))
