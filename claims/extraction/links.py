"""Outbound links in an article's main text (not its menus or footer)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree


def outbound_links(html: str | bytes, *, url: str = "") -> list[tuple[str, str]]:
    """(absolute URL, anchor text) of each http(s) link in the main text, first occurrence only.

    Links back to the article itself (fragments, the same URL) are left out.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    xml = trafilatura.extract(
        html, output_format="xml", include_links=True, url=url or None, with_metadata=False
    )
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    own = urlsplit(url)._replace(fragment="").geturl() if url else ""
    seen: set[str] = set()
    links = []
    for ref in root.iter("ref"):
        target = urljoin(url, (ref.get("target") or "").strip()) if url else ref.get("target", "")
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        target = parts._replace(fragment="").geturl()
        if target == own or target in seen:
            continue
        seen.add(target)
        links.append((target, " ".join("".join(ref.itertext()).split())[:500]))
    return links
