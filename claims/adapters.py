"""Claims' article reader, offered to `sources` as its page text extractor.

settings.SOURCES_TEXT_EXTRACTOR points here, so evidence pages and articles fetched by URL are
read exactly like pasted ones (same boilerplate rules, same metadata, same offsets).
"""

from __future__ import annotations

from claims.extraction import InputError, read_html, read_text
from sources.text import NoText, PageText, decode


def page_text(body: bytes, *, content_type: str, charset: str | None, url: str) -> PageText:
    try:
        if content_type == "text/plain":
            document = read_text(decode(body, charset), url=url)
        else:
            document = read_html(body, url=url)
    except InputError as exc:
        raise NoText(str(exc)) from exc
    return PageText(
        text=document.text,
        title=document.title,
        published_at=document.published_at,
        author=document.author,
        publisher=document.publisher,
        language=document.language,
    )
