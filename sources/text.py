"""Main text of a fetched page. The default extractor; deployments set SOURCES_TEXT_EXTRACTOR
(claimtracker points it at claims' article reader, so evidence and articles read alike)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import trafilatura


@dataclass(frozen=True)
class PageText:
    text: str
    title: str = ""
    published_at: datetime | None = None
    author: str = ""
    publisher: str = ""
    language: str = ""


class NoText(ValueError):
    """The page has no readable text (a permanent outcome for that content)."""


def decode(body: bytes, charset: str | None) -> str:
    for encoding in (charset, "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def page_text(body: bytes, *, content_type: str, charset: str | None, url: str) -> PageText:
    """Plain text as it is; HTML through trafilatura (main text and title)."""
    decoded = decode(body, charset)
    if content_type == "text/plain":
        text = decoded.replace("\r\n", "\n").strip()
        if not text:
            raise NoText("The page is empty.")
        return PageText(text=text)
    extracted = trafilatura.bare_extraction(decoded, url=url or None, with_metadata=True)
    text = (getattr(extracted, "text", None) or "").strip() if extracted else ""
    if not text:
        raise NoText("The page has no readable main text.")
    return PageText(text=text, title=getattr(extracted, "title", None) or "")
