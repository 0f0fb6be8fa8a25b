"""JSON-LD and schema.org values, read leniently: types, text, `@id` references, dates,
language tags, URLs, and the JSON-LD blocks of an HTML page.

Pure Python (no Django), for claims.interchange.claimreview_import.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from sources.normalize import InvalidURL, normalize_url

DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An absolute URL's scheme.
SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.I)
# mailto:, tel:, javascript:... (but not www.x.com:8080, a host and its port).
OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:(?!\d)", re.I)


def review_url(value: str, *, base_url: str = "") -> str:
    """A review's URL in its canonical form (its identity). A URL without a scheme
    (`www.x.com/a`, `x.org/a`, `//x.org/a`) is read as https; a path (`/a`) against base_url.
    Raises InvalidURL when there is no web address to be had."""
    text = value.strip()
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise InvalidURL(f"The URL {text[:80]!r} contains control characters.")
    if text.startswith("//"):
        text = "https:" + text
    elif text.startswith("/") and base_url:
        text = urljoin(base_url, text)
    elif not SCHEME.match(text) and not OTHER_SCHEME.match(text) and "." in text.split("/")[0]:
        text = "https://" + text
    return normalize_url(text)


def iso_date(value: Any) -> str | None:
    """An ISO 8601 date or date and time, as given, normalised: "2021-06-01 23:35" becomes
    "2021-06-01T23:35:00", "Z" becomes "+00:00", a date stays a date. RFC 2822 dates are read
    too. Anything else is None (the raw JSON keeps it)."""
    text = text_value(value)
    if not text:
        return None
    try:
        if DATE_ONLY.match(text):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def language_tag(value: Any) -> str | None:
    """A BCP 47 tag in its usual case (`pt-BR`, `zh-Hant`, `en`), from a string, a schema.org
    Language (`alternateName`, else `name`) or a list (the first)."""
    if isinstance(value, list):
        value = next((item for item in value if item), None)
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("@value") or value.get("name")
    text = text_value(value)
    if not text or len(text) > 35:
        return None
    parts = [part for part in text.replace("_", "-").split("-") if part]
    if not parts or not all(part.isascii() and part.isalnum() for part in parts):
        return None
    if not (2 <= len(parts[0]) <= 3 and parts[0].isalpha()):
        return None  # a language's name ("Spanish"), not its code
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def site_of(url: str | None) -> str | None:
    """The host of a URL without `www.`: how the Fact Check Tools API names a publisher's
    site (`vishvasnews.com`)."""
    if not url:
        return None
    text = url.strip()
    if not SCHEME.match(text):
        text = "https://" + text.lstrip("/")
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def schema_types(node: dict) -> set[str]:
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    names = set()
    for value in values:
        if isinstance(value, str):
            names.add(re.split(r"[/:#]", value.strip())[-1].casefold())
    return names


def text_value(value: Any) -> str | None:
    """A string value, stripped: the first non-empty string of a list, a JSON-LD value
    object's @value; numbers as written. None when there is nothing."""
    if isinstance(value, list):
        for item in value:
            text = text_value(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return text_value(value.get("@value")) if "@value" in value else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def index_ids(root: Any) -> dict[str, dict]:
    """Every node of a JSON-LD block that has an @id and says more than its @id."""
    ids: dict[str, dict] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            key = node.get("@id")
            if isinstance(key, str) and len(node) > 1 and key not in ids:
                ids[key] = node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return ids


def resolve(value: Any, ids: dict[str, dict] | None) -> Any:
    """A reference ({"@id": ...} and nothing more) replaced by the node it names, if known."""
    if isinstance(value, dict) and ids and set(value) <= {"@id", "@type"}:
        key = value.get("@id")
        if isinstance(key, str):
            return ids.get(key, value)
    return value


def entities(value: Any, ids: dict[str, dict] | None) -> list[dict]:
    """An author/publisher/itemReviewed value as a list of objects (a bare name becomes
    {"name": name})."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        item = resolve(item, ids)
        if isinstance(item, dict):
            out.append(item)
        elif isinstance(item, str) and item.strip():
            out.append({"name": item.strip()})
    return out


def first_named(entities: list[dict]) -> dict | None:
    return next((entity for entity in entities if text_value(entity.get("name"))), None)


class JsonLdScripts(HTMLParser):
    """The page's <html lang> and its JSON-LD blocks, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.blocks: list[str] = []
        self._in_jsonld = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "html" and self.lang is None:
            self.lang = values.get("lang") or values.get("xml:lang") or None
        elif tag == "script":
            kind = values.get("type", "").split(";")[0].strip().lower()
            self._in_jsonld = kind == "application/ld+json"
            self._buffer = []

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_jsonld:
            self.blocks.append("".join(self._buffer))
            self._in_jsonld = False


def unwrap_script(text: str) -> str:
    """A JSON-LD block without the comment or CDATA wrappers old pages put around it."""
    body = text.strip()
    for start, end in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if body.startswith(start) and body.endswith(end):
            body = body[len(start) : -len(end)].strip()
    return body
