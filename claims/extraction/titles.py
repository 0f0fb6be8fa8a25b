"""A page's title as the desk shows it: trafilatura's, or the page's og:title when that is a
placeholder, without the site's name ("LinkNaija | ...: Headline", "Headline -- Sott.net") and
without the section and date a page title ends with ("Headline | DW | 19.01.2020").
"""

from __future__ import annotations

import re

from lxml import etree

from claims.extraction.dates import parse_dateline

# Meta tags with the page's headline, for when the reader's title is a placeholder.
_TITLE_XPATHS = ("//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content")

# A wire service's slug before its headline, one or several: "UPDATE 2-Oil falls as ...",
# "EXCLUSIVE-", "REFILE-UPDATE 1-", "GLOBAL MARKETS-" (Reuters's style). The headline after it
# is the article's title.
WIRE_SLUG_LABEL = "wire slug"
WIRE_SLUG = re.compile(
    r"(?:(?:UPDATE|CORRECTED|REFILE|RPT|EXCLUSIVE|BRIEF|ANALYSIS|FACTBOX|INSIGHT|WRAPUP"
    r"|GLOBAL\s+MARKETS|BREAKINGVIEWS|FOCUS|EXPLAINER|TIMELINE|COLUMN|FEATURE)(?:\s+\d{1,2})?"
    r"-)+(?=[A-Z0-9'\"‘“])"
)


def page_title(title: str | None, tree: etree._Element | None) -> str:
    """trafilatura's title, unless it is a word or two (a CMS placeholder such as "escenic" in
    the JSON-LD headline, or a section name) and the page's og:title is a real headline; either
    way without the site name and date a page title ends with ("... | DW | 19.01.2020")."""
    title = (title or "").strip()
    if len(title.split()) < 3 and tree is not None:
        for xpath in _TITLE_XPATHS:
            candidates = [" ".join(str(v).split()) for v in tree.xpath(xpath)]
            better = next((c for c in candidates if len(c.split()) >= 3), "")
            if better:
                title = better
                break
    slug = WIRE_SLUG.match(title)
    if slug and slug.end() < len(title):
        title = title[slug.end() :]
    return _without_title_tail(_without_site_name(title, _site_names(tree)))


_SITE_NAME_XPATHS = (
    "//meta[@property='og:site_name']/@content",
    "//meta[@name='application-name']/@content",
)
# What joins a site's name to a headline: "Headline -- Sott.net", "LinkNaija | ...: Headline".
_SITE_SEPARATOR = r"\s*(?:\||:|--|–|—|-|·|•)\s*"
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)


def _site_names(tree: etree._Element | None) -> list[str]:
    if tree is None:
        return []
    names = {" ".join(str(v).split()) for xpath in _SITE_NAME_XPATHS for v in tree.xpath(xpath)}
    return sorted((n for n in names if n), key=len, reverse=True)


def _without_site_name(title: str, site_names: list[str]) -> str:
    """The headline without the site's name before or after it ("LinkNaija | Nigeria's popular
    news platform: Headline", "Headline -- Sott.net", "Headline - example.com"), when what
    is left is a headline of three words or more."""
    for name in site_names:
        escaped = re.escape(name)
        for pattern in (rf"^{escaped}{_SITE_SEPARATOR}(?=\S)", rf"{_SITE_SEPARATOR}{escaped}$"):
            shorter = re.sub(pattern, "", title, flags=re.IGNORECASE).strip()
            if shorter != title and len(shorter.split()) >= 3:
                title = shorter
    head, separator, tail = title.rpartition(" -- ")
    if not separator:
        head, separator, tail = title.rpartition(" - ")
    if separator and _DOMAIN.match(tail.strip()) and len(head.split()) >= 3:
        title = head.strip()
    return title


def _without_title_tail(title: str) -> str:
    """ "Headline | DW | 19.01.2020" -> "Headline": pipes separate a page title's headline from
    its site name, section and date; headlines themselves do not contain them. Trailing pieces of
    up to three words or a date go while a headline of three words or more is left."""
    pieces = [p.strip() for p in title.split("|")]
    while len(pieces) > 1 and len(pieces[0].split()) >= 3:
        last = pieces[-1]
        if last and len(last.split()) > 3 and not parse_dateline(last)[0]:
            break
        pieces.pop()
    return " | ".join(pieces)
