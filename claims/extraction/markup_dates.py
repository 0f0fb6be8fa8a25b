"""A page's publication time from its markup (meta tags, JSON-LD, marked elements, a labelled
field, the article's own <time>, its <title>), split from claims.extraction.dates, whose
date reading it uses. Every datetime is timezone-aware and in UTC."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from typing import Any

import lxml.html
from lxml import etree

from claims.extraction.bylines import markup_bylines
from claims.extraction.dates import MODIFIED_LABEL, parse_dateline, parse_iso

# --- A page's publication time, from its markup -------------------------------------------------
#
# Only what the page declares about itself counts: its meta tags, JSON-LD, elements marked as
# the publication time, a labelled "Published:" or "Date" field, a <time> in the article's own
# header, a date segment of its <title>. Never a modification time, and never a date found in
# the body's prose ("the report, released on 12 March 2020, ..."): for an evidence page that
# declares no date, None is better than one lifted from the text.

# Meta tags that give the publication time, best first, by their property, name or itemprop
# (lower case). Never a modification time (article:modified_time, og:updated_time,
# dateModified, last-modified): a ClaimReview's datePublished must be when the claim was made.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.created",
    "dc.date.created",
    "date",
)
# Other meta names that say "publication date" in a site's own words.
_PUBLISHED_META_NAME = re.compile(
    r"(?:^|[_.:-])(?:date[_.-]?(?:original|published|publication|issued|posted|first)"
    r"|(?:original|published|publication|issued|posted|first)[_.-]?date)(?:$|[_.:-])"
)
# Elements marked as the publication time, after the meta tags and JSON-LD.
_PUBLISHED_ELEMENT_XPATHS = (
    "//*[@itemprop='datePublished']/@datetime",
    "//*[@itemprop='datePublished']/@content",
    "//time[@pubdate]/@datetime",
)
# An unmarked <time> counts only in the article itself (its header, before the text), never
# in a related-stories card, a comment or the page's sidebar.
_ARTICLE_TIME_XPATH = "//article//time | //header//time | //main//time"
_NOT_ARTICLE_MARK = re.compile(
    r"related|comment|sidebar|aside|teaser|card|recommend|promo|more-stories|footer|widget",
    re.IGNORECASE,
)
_NOT_ARTICLE_TAGS = frozenset({"aside", "footer", "nav"})
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_JSON_LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]+)"')
# Any JSON field naming a date that is not a modification time ("publishTime", "created_at",
# "dateCreated", "date"), for confirming another reader's answer.
_JSON_DATE_FIELD = re.compile(
    r'"(?P<key>[A-Za-z_]*(?:date|Date|publish|Publish|created|Created|issued|Issued)[A-Za-z_]*)"'
    r'\s*:\s*"(?P<value>[^"]{8,40})"'
)
# Attribute values (class, id, itemprop, meta name ...) that mark a modification time.
_MODIFIED_MARK = re.compile(r"updated|modified|last-?mod|revised", re.IGNORECASE)
_MARK_ATTRIBUTES = ("class", "id", "itemprop", "property", "name", "http-equiv")
_ISO_DAY = re.compile(r"\s*((?:19|20)\d{2}-[01]\d-[0-3]\d)")
# "<strong>Date</strong> 19.01.2020", "<span>Published:</span> <span>3 March 2021</span>",
# "<p>Posted on March 3, 2021</p>": a publication label alone in its element or in front of
# the date, in the markup (the HTML reader's text often leaves these fields out). Only inline
# and definition-list tags may come between: a table's "Date" column heading is not a label
# for the date in its first row.
_LABELLED_DATE = re.compile(
    r">\s*(?:date|published(?:\s+on)?|first\s+published|date\s+published|posted(?:\s+on)?"
    r"|publication\s+date)\s*:?\s*"
    r"(?:</?(?:strong|b|span|em|i|dt|dd|label|time|small)\b[^<>]{0,200}>\s*){0,3}"
    r"(?P<value>[^<>]{6,60}?)\s*<",
    re.IGNORECASE,
)
# A date in the page's URL: /2021/03/01/, /2021-03-01-, /20210301/.
_URL_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2([0-3]\d)(?!\d)",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•-]\s+|\s*\|\s*")


def published_from_markup(tree: Any, html: str) -> datetime | None:
    """The publication time the page's markup declares; never its modification time."""
    if tree is not None:
        metas: dict[str, list[str]] = {}
        for meta in tree.iter("meta"):
            for attribute in ("property", "name", "itemprop"):
                key = (meta.get(attribute) or "").strip().lower()
                if key:
                    metas.setdefault(key, []).append(meta.get("content") or "")
        for key in _PUBLISHED_META:
            for value in metas.get(key, ()):
                parsed = parse_iso(value)
                if parsed:
                    return parsed
        # A site's own name for it ("article_date_original", "publication-date"), after the
        # known names; never one that marks a modification.
        for key, values in metas.items():
            if _PUBLISHED_META_NAME.search(key) and not _MODIFIED_MARK.search(key):
                for value in values:
                    parsed = parse_iso(value)
                    if parsed:
                        return parsed
    for value in _JSON_LD_PUBLISHED.findall(html):
        parsed = parse_iso(value)
        if parsed:
            return parsed
    if tree is None:
        return None
    for xpath in _PUBLISHED_ELEMENT_XPATHS:
        for value in tree.xpath(xpath):
            parsed = parse_iso(str(value))
            if parsed:
                return parsed
    return (
        _labelled_date(html)
        or _article_time(tree)
        or _title_date(tree)
        or _byline_date(tree)
        or _date_element(tree)
    )


# An element of the article's header whose class says it shows the date: '<span
# class="date">March 4, 2024</span>', '<div class="entry-date">', '<p class="timestamp">'
# (a WordPress theme's, a CMS's), or a <time> with the date only as its text.
_DATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:date|pubdate|published|publish-date|post-date|entry-date|article-date"
    r"|posted-on|timestamp|dateline)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ARTICLE_ELEMENTS_XPATH = "//article//* | //header//* | //main//*"


def _date_element(tree: Any) -> datetime | None:
    """The first date an element of the article shows, when its class says it is the date
    (or it is a <time>), never one marked as a modification nor outside the article."""
    for element in tree.xpath(_ARTICLE_ELEMENTS_XPATH)[:2000]:
        marked = element.tag == "time" or _DATE_CLASS.search(element.get("class") or "")
        if not marked or is_modified_marker(element) or not _in_article(element):
            continue
        text = " ".join(element.text_content().split())
        if not 6 <= len(text) <= 60 or _MODIFIED_MARK.search(text):
            continue
        is_dateline, when = parse_dateline(text)
        if is_dateline and when:
            return when
    return None


def _byline_date(tree: Any) -> datetime | None:
    """The date a byline element shows ("By Ann Lee • Thursday 7 December 2023 • 3 min read"),
    which the HTML reader may leave out of the text."""
    return next((when for _, _, when in markup_bylines(tree) if when), None)


def _labelled_date(html: str) -> datetime | None:
    for m in _LABELLED_DATE.finditer(html):
        is_dateline, when = parse_dateline(m.group("value"))
        if is_dateline and when:
            return when
    return None


def _article_time(tree: Any) -> datetime | None:
    for element in tree.xpath(_ARTICLE_TIME_XPATH):
        if is_modified_marker(element) or not _in_article(element):
            continue
        parsed = parse_iso(element.get("datetime") or "")
        if parsed:
            return parsed
    return None


def _in_article(element: Any) -> bool:
    for node in element.iterancestors():
        if node.tag in _NOT_ARTICLE_TAGS:
            return False
        if _NOT_ARTICLE_MARK.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return False
    return True


def _title_date(tree: Any) -> datetime | None:
    """A date that is a segment of its own in the page title: "Berlin ... | DW | 19.01.2020".
    A date inside the headline ("Council minutes 12 March 2020") is what it is about."""
    titles = [t.text_content() for t in tree.iter("title")][:1]
    titles += [m.get("content") or "" for m in tree.xpath("//meta[@property='og:title']")]
    for title in titles:
        for segment in _TITLE_SEPARATORS.split(title):
            is_dateline, when = parse_dateline(segment)
            if is_dateline and when:
                return when
    return None


def is_modified_marker(element: Any) -> bool:
    """Whether ``element`` (or its parent) marks a modification time, by its attributes or a
    label in front of it: <time itemprop="dateModified">, <span class="updated">,
    "Updated <time ...>"."""
    parent = element.getparent()
    for node in (element, parent):
        if node is not None and any(
            _MODIFIED_MARK.search(node.get(a) or "") for a in _MARK_ATTRIBUTES
        ):
            return True
    previous = element.getprevious()
    if previous is not None:
        label = previous.tail or ""
    else:
        label = (parent.text or "") if parent is not None else ""
    # The element's own leading text, not text_content(): this runs on every element of the
    # page, and "<span>Updated 3 March</span>" keeps its label there.
    return bool(
        MODIFIED_LABEL.search(label[-40:])
        or re.match(r"\s*(?:last\s+)?(?:updated|modified)\b", element.text or "", re.IGNORECASE)
    )


def unless_modified(when: datetime | None, tree: Any) -> datetime | None:
    """``when`` (a date the text shows at its top), unless the page shows that day in an
    element marked as the modification time ('<span class="date updated">March 5, 2024</span>';
    not a meta tag's: a story updated the day it came out was published that day too)."""
    if when is None or tree is None:
        return when
    for element in tree.iter(etree.Element):
        if element.tag == "meta" or not is_modified_marker(element):
            continue
        if not isinstance(element, lxml.html.HtmlElement):
            continue
        shown = " ".join(element.text_content().split())[:200]
        is_dateline, day = parse_dateline(shown) if shown else (False, None)
        if is_dateline and day is not None and day.date() == when.date():
            return None
    return when


def _modified_days(tree: Any, html: str) -> set[date]:
    """Every day the page gives as a modification time, in UTC and as written."""
    values = _JSON_LD_MODIFIED.findall(html)
    if tree is not None:
        for element in tree.iter(etree.Element):
            if is_modified_marker(element):
                values.extend(
                    element.get(a) or "" for a in ("content", "datetime", "value", "title")
                )
                if isinstance(element, lxml.html.HtmlElement):
                    values.append(element.text_content()[:200])
    return _days(values)


def _days(values: list[str]) -> set[date]:
    days: set[date] = set()
    for value in values:
        parsed = parse_iso(value)
        if parsed:
            days.add(parsed.date())
        # "2021-03-03T23:30-05:00" is 4 March in UTC; htmldate answers with the day as written.
        written = _ISO_DAY.match(value)
        if written:
            with contextlib.suppress(ValueError):
                days.add(date.fromisoformat(written.group(1)))
    return days


def _declared_days(tree: Any, html: str, url: str) -> set[date]:
    """Every day the page's URL or metadata gives, other than a modification time: meta tag
    contents, JSON fields naming a date, the URL's /2021/03/01/."""
    urls = [url]
    values: list[str] = []
    if tree is not None:
        urls += [str(u) for u in tree.xpath("//link[@rel='canonical']/@href")]
        for meta in tree.iter("meta"):
            name = " ".join(meta.get(a) or "" for a in ("property", "name", "itemprop"))
            if name.strip() and not _MODIFIED_MARK.search(name):
                values.append(meta.get("content") or "")
                if "url" in name.lower():
                    urls.append(meta.get("content") or "")
    for m in _JSON_DATE_FIELD.finditer(html):
        if not _MODIFIED_MARK.search(m.group("key")):
            values.append(m.group("value"))
    days = _days(values)
    for address in urls:
        for year, _, month, day in _URL_DAY.findall(address or ""):
            with contextlib.suppress(ValueError):
                days.add(date(int(year), int(month), int(day)))
    return days


def confirmed_date(value: str | None, tree: Any, html: str, url: str = "") -> datetime | None:
    """Another reader's publication date (trafilatura's, from htmldate), if the page's URL or
    metadata states that day too and does not give it as a modification time.

    htmldate falls back to a modification date when it finds no other, and then to any date in
    the page's text ("released on 12 March 2020"), without saying which it did. A day the page
    declares (a meta tag we do not list, a JSON field, the URL) is kept; a day it only mentions
    is not. Any modification date of the same day drops it too: a page that declares only when
    it changed has no publication time we can trust, and None is better than a wrong one.
    """
    parsed = parse_iso(value or "")
    if parsed is None:
        return None
    written = _ISO_DAY.match(value or "")
    days = {parsed.date()} | ({date.fromisoformat(written.group(1))} if written else set())
    if days & _modified_days(tree, html):
        return None
    return parsed if days & _declared_days(tree, html, url) else None
