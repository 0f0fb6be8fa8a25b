"""Reading an article (plain text, HTML, bytes or a file) into a ``Document``.

``Document.text`` is what gets stored, and every offset the pipeline produces points into it.
For plain text it is the input with newlines normalised and a BOM stripped; for HTML it is the
main text trafilatura finds, one paragraph per block, blocks separated by a blank line.

Publication times are timezone-aware UTC. A time given without a zone is taken as UTC (see
``claims.extraction.dates``).
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from claims.extraction.blocks import blocks
from claims.extraction.boilerplate import LineVerdict, scan_lines
from claims.extraction.bylines import looks_like_outlet, markup_author, reporters_role
from claims.extraction.headings import BODY_MIN_WORDS
from claims.extraction.languages import guess_language, has_article_text, language_from_tree
from claims.extraction.line_reasons import WIRE_SLUG_LABEL
from claims.extraction.markdown_text import looks_like_markdown
from claims.extraction.markdown_text import plain_text as markdown_plain_text
from claims.extraction.markup_dates import (
    confirmed_date,
    published_from_markup,
    unless_modified,
)
from claims.extraction.pasted_documents import EMAIL_SUBJECT_LABEL
from claims.extraction.sentences import without_reference_marks
from claims.extraction.standfirsts import standfirst, with_standfirst
from claims.extraction.titles import page_title
from claims.extraction.transcripts import transcript_turns

# trafilatura logs every page it cannot extract at WARNING/ERROR; we turn that into an
# InputError for the caller instead, so its log lines would only be noise.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Same limit as trafilatura's MAX_FILE_SIZE: beyond it trafilatura refuses HTML anyway, and no
# single article is that long.
MAX_BYTES = 20_000_000


class InputError(ValueError):
    """The input cannot be read as an article. The message is one user-facing line."""


@dataclass(frozen=True)
class Document:
    text: str  # the stored text; every offset points into it
    format: str  # "text" or "html"
    title: str = ""
    published_at: datetime | None = None  # timezone-aware, UTC
    author: str = ""
    publisher: str = ""
    canonical_url: str = ""
    language: str = ""  # ISO 639-1 ("en") when known or guessable, else ""


_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(?:head|body|div|p|article|section|main|header|footer|nav|span|a\s+href|meta|title"
    r"|script|h[1-6]|ul|li|br)\b[^>]*>",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADLINE_MAX_WORDS = 30
# A drop cap set apart from its paragraph: <span class="drop-cap">T</span><p>urkey, Poland ...
# The reader keeps paragraphs and drops the lone letter, so the letter goes back in.
_DROP_CAP = re.compile(
    r"<(?P<tag>span|div)\b[^>]*>\s*(?P<letter>[A-Z])\s*</(?P=tag)>\s*<p(?P<attrs>\s[^>]*)?>"
)
# htmldate's parameters for trafilatura's date. original_date asks for the publication date,
# but htmldate still falls back to a modification date, or to any date in the text, when it
# finds no other, so read_html keeps its answer only when the page declares that day
# (dates.confirmed_date). No extensive search: it guesses from dates anywhere in the text
# ("Updated 3 March", "opened in May 2019"); we read the text's datelines ourselves.
_HTMLDATE_PARAMS = {"original_date": True, "extensive_search": False}


# Characters that format a text without showing: a soft hyphen ("gov\u00adernment"), a zero-width
# space ("Trans\u200bport for London"), a word joiner. Pasted from a web page or a PDF, they cut
# words in two for every reader of the text; the stored text goes without them. (Not the
# zero-width joiner, which holds emoji sequences together.)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def without_invisible(text: str) -> str:
    # The text itself when it holds none (the same object: the line scan is cached by the text,
    # and an equal copy would be compared in full at every look-up)
    if not any(chr(code) in text for code in _INVISIBLE):
        return text
    return text.translate(_INVISIBLE)


def read_text(text: str, *, url: str = "") -> Document:
    """A plain-text article; title, date, author and publisher are read off the text."""
    _check_size(len(text))
    if "\x00" in text:
        raise InputError(
            "The text contains NUL characters, so it is probably binary; "
            "give a plain-text or HTML article."
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip()
    text = without_invisible(text)
    if looks_like_markdown(text):
        text = markdown_plain_text(text)  # "## The backlog", "**1.5 million homes**"
    if not text.strip():
        raise InputError("The article is empty; paste or upload the article text.")
    verdicts = scan_lines(text)
    return Document(
        text=text,
        format="text",
        title=_headline(text, verdicts),
        published_at=_dateline_time(text, verdicts),
        author=next((v.author for v in verdicts if v.author), ""),
        publisher=_publisher(verdicts),
        canonical_url=url,
        language=guess_language(text),
    )


# What trafilatura and lxml raise on markup they cannot read (lxml's XMLSyntaxError and
# ParserError are LxmlErrors; decoding problems are ValueErrors). Only these say "this page
# cannot be read". Anything else (a worker's time limit, MemoryError, a database or network
# error raised while we were parsing, a bug) propagates: sources.services would otherwise
# record a good page as one with no text and never fetch it again.
_PARSE_ERRORS = (ValueError, etree.LxmlError)


def read_html(html: str | bytes, *, url: str = "") -> Document:
    """An HTML page; trafilatura finds the main text and the metadata.

    Raises InputError when the page cannot be read as an article; any other exception is not
    about the page and is left to the caller (see _PARSE_ERRORS).
    """
    _check_size(len(html))
    if isinstance(html, bytes):
        html = _decode_html(html)
    if not html.strip():
        raise InputError("The HTML is empty; give the article page or paste its text.")
    if not re.search(r"<html\b|<body\b", html[:5000], re.IGNORECASE):
        # trafilatura rejects a lone fragment such as "<p>...</p>"; give it a document.
        html = f"<html><body><div>{html}</div></body></html>"
    html = _DROP_CAP.sub(r"<p\g<attrs>>\g<letter>", html)
    extracted = _extract(html, url)
    # One block per line of trafilatura output (a <p>, heading, list item or <br>).
    raw_text = extracted.text if extracted is not None and extracted.text else ""
    if "\n" not in raw_text and len(raw_text) > 200 and len(_PARAGRAPH_TAG.findall(html)) >= 2:
        # A page whose text the reader found too short (it left a byline out, say) comes back
        # from its fallback as one line, headline and byline glued to the first sentence;
        # read favouring precision, it keeps the paragraphs.
        again = _extract(html, url, favor_precision=True)
        lines = again.text if again is not None and again.text else ""
        if "\n" in lines and len(lines) >= len(raw_text) / 2:
            extracted, raw_text = again, lines
    raw_text = without_invisible(raw_text)
    text = "\n\n".join(line.strip() for line in raw_text.splitlines() if line.strip())
    if extracted is None or not has_article_text(text):
        raise InputError(
            "The HTML contains no article text (only menus, links or boilerplate); "
            "give the article page itself or paste the article text."
        )
    tree = _parse_tree(html)
    verdicts = scan_lines(text)
    published_at = (
        published_from_markup(tree, html)
        or unless_modified(_dateline_time(text, verdicts), tree)
        or confirmed_date(extracted.date, tree, html, url)
    )
    # the reader's author, else the byline the text shows ("Ed Conway, economics and data
    # editor" on a line of its own)
    author = (
        _authors(extracted.author or "")
        or next((v.author for v in verdicts if v.author), "")
        or markup_author(tree)  # "Posted on May 14, 2022 by Jane Carter" the reader left out
    )
    # After the date: a standfirst is never a dateline, and the date rules count paragraphs.
    text = with_standfirst(text, standfirst(tree, text), extracted.title or "")
    return Document(
        text=text,
        format="html",
        title=page_title(extracted.title, tree),
        published_at=published_at,
        author=author,
        publisher=(extracted.sitename or "").strip(),
        canonical_url=(extracted.url or url or "").strip(),
        language=language_from_tree(tree) or guess_language(text),
    )


_PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)


def _extract(html: str, url: str, *, favor_precision: bool = False) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=favor_precision,
            date_extraction_params=dict(_HTMLDATE_PARAMS),
        )
    except _PARSE_ERRORS as exc:
        raise InputError(
            f"The HTML could not be parsed ({type(exc).__name__}); "
            "save the page again or paste the article text instead."
        ) from exc


# What a byline's date adds to the names the HTML reader takes from it: "Jane Smith; Updated
# March 5" (from "By Jane Smith | Updated March 5, 2024").
_NOT_A_NAME = re.compile(
    r"\d|\b(?:updated|published|posted|modified)\b"
    # a comment form's label the reader took for the author: "Your name", "Name", "Author"
    r"|^(?:your\s+)?(?:full\s+)?(?:name|author|nickname|email)\s*\*?$",
    re.IGNORECASE,
)


def _authors(raw: str) -> str:
    """The authors' names the reader found, without a date or a reporter's role it took for
    one ("Sarah Jones; Local Democracy Reporter" from "By Sarah Jones, Local Democracy
    Reporter")."""
    # "Ann Lee • Thursday" from "By Ann Lee • Thursday 7 December 2023 • 3 min read"
    names = [re.split(r"\s*[•·]\s*", n)[0].strip() for n in raw.split(";")]
    names = [n for n in names if n and not _NOT_A_NAME.search(n) and not reporters_role(n)]
    if len(names) > 1 and " " in names[0]:
        # "Ellie Pitt; BBC News; Bristol" from "By Ellie Pitt, BBC News, Bristol": the rest
        # of the byline is its outlet and place, no names of people
        names = [names[0]] + [n for n in names[1:] if " " in n and not looks_like_outlet(n)]
    return "; ".join(names)


def read_bytes(data: bytes, *, url: str = "") -> Document:
    """An article given as bytes (stdin, an upload): HTML or plain text, sniffed."""
    _check_size(len(data))
    if not data.strip():
        raise InputError("The input is empty; give a plain-text or HTML article.")
    if b"\x00" in data:
        raise InputError(
            "The input is binary (it contains NUL bytes); give a plain-text or HTML article."
        )
    if looks_like_html(data[:4096].decode("utf-8", errors="ignore")):
        return read_html(data, url=url)
    return read_text(_decode_text(data), url=url)


def read_path(path: str | os.PathLike[str]) -> Document:
    """An article file: HTML or plain text, sniffed from its content (not its extension)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"No file at {file}; check the path and try again.") from None
    except IsADirectoryError:
        raise InputError(f"{file} is a directory; give the path of one article file.") from None
    except PermissionError:
        raise InputError(
            f"Cannot read {file} (permission denied); check the file's permissions."
        ) from None
    except OSError as exc:
        raise InputError(f"Cannot read {file} ({exc.strerror}); check the file.") from None
    try:
        return read_bytes(data)
    except InputError as exc:
        # Name the file in front of the reason, so a batch run says which file failed.
        raise InputError(f"{file.name}: {exc}") from None


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise InputError(
            f"The input is {size / 1_000_000:.0f} MB; give a single article "
            f"under {MAX_BYTES // 1_000_000} MB."
        )


def looks_like_html(content: str) -> bool:
    """Whether pasted or uploaded content is HTML: the one rule the desk's "Detect" and
    `manage.py ingest` share (the API's `text` and `html` fields say it outright): a document
    that opens with a doctype or
    <html>, or with an HTML tag (a pasted fragment: "<p>Unemployment fell…</p>"). Text that
    only mentions tags further in stays text."""
    head = content[:4096]
    if _HTML_START.match(head):
        return True
    stripped = head.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and _HTML_TAG.match(stripped) is not None


def _decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_unprintable(data):
        raise InputError(
            "The input is binary (it is not UTF-8 and mostly unprintable); "
            "give a plain-text or HTML article."
        )
    # Legacy Windows text; cp1252 leaves five bytes undefined, which become U+FFFD.
    return data.decode("cp1252", errors="replace")


def _mostly_unprintable(data: bytes) -> bool:
    # Decoded as cp1252 because that is the text we would otherwise return: its smart quotes
    # and dashes are printable there, while its five undefined bytes become U+FFFD.
    sample = data[:8192].decode("cp1252", errors="replace")
    unprintable = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    )
    return unprintable > len(sample) * 0.1


def _decode_html(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown charset name; fall through to the usual guesses
    return _decode_text(data)


def _parse_tree(html: str) -> etree._Element | None:
    # ``html`` is already decoded; lxml is given UTF-8 bytes (it refuses a str that declares an
    # encoding) and told so, or it reads them as Latin-1 ("£" as "Â£" in meta tags). A parser
    # per call: lxml parsers must not be shared between threads.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


# A dateline counts only at the top of the text. A bare date ("12 March 2020") must come before
# the first body paragraph; a labelled one ("Published: 3 March 2021", a byline with a date) may
# follow one, as a standfirst often precedes the byline and date. A date line further down is
# part of the article (a timeline, a table, an event), not when it was published.
_ENDS = frozenset('.!?"”’)')
_LABELLED_DATELINE = re.compile(r"(?:first\s+)?(?:published|posted|updated|by)\b", re.IGNORECASE)


def _dateline_time(text: str, verdicts: tuple[LineVerdict, ...]) -> datetime | None:
    """The publication time of the first dateline at the top of the text that gives one
    ("Updated ..." gives none)."""
    body_paragraphs: set[int] = set()
    for verdict in verdicts:
        if verdict.published_at:
            line = text[verdict.start : verdict.end]
            if not body_paragraphs or _LABELLED_DATELINE.match(line):
                return verdict.published_at
            return None
        kept = text[verdict.keep_start : verdict.end]
        # a body paragraph: long, and ending as a sentence does (a long headline does not)
        if not verdict.dropped and len(kept.split()) >= BODY_MIN_WORDS and kept[-1:] in _ENDS:
            body_paragraphs.add(verdict.paragraph)
            if len(body_paragraphs) > 1:
                return None
    return None


# A question's label in a Q&A: "Q. ...", "Q: ...", "Question: ...".
_QUESTION_LABEL = re.compile(r"(?:Q|Question)\s*[.:]\s")


def _headline(text: str, verdicts: tuple[LineVerdict, ...]) -> str:
    """The first clean, headline-shaped line among the first few kept lines."""
    # an e-mail's subject is its headline, without its label ("Subject: EMBARGOED: ..."), and a
    # wire story's headline without its slug ("UPDATE 2-Oil falls ...")
    kept = [
        v
        for v in verdicts
        if not v.dropped
        and (not v.has_prefix or v.reason in (EMAIL_SUBJECT_LABEL, WIRE_SLUG_LABEL))
    ][:5]
    # a line of a hard-wrapped paragraph is no headline, however it ends ("... Barnier, 73,")
    whole = {(start, end) for start, end, _ in blocks(text, verdicts)}
    turns: dict[int, tuple[int, str]] | None = None
    for verdict in kept:
        line = text[verdict.keep_start : verdict.end]
        if (verdict.keep_start, verdict.end) not in whole:
            continue
        if _QUESTION_LABEL.match(line):
            continue  # "Q. How much will the new scheme cost?": an interview's question
        if ":" in line[:80] or line.endswith(")"):  # Hansard's labels have no colon
            turns = transcript_turns(text) if turns is None else turns
            if verdict.keep_start in turns:
                continue  # a transcript's turn ("JUSTICE GORSUCH: How many ...?")
        words = len(line.split())
        # a sentence ends with a full stop, inside a quotation too ('... said: "We do not
        # comment on individual cases."'); a headline does not
        # an emoji after it ends nothing: "... not the whole story. 🧵" ends with its full stop
        # nor do reference marks: "... to Kamchatka.[2][3]"
        ending = without_reference_marks(line.rstrip())
        ending = ending.rstrip("\"”’' ").rstrip("".join(c for c in line[-3:] if _is_symbol(c)))
        if 3 <= words <= _HEADLINE_MAX_WORDS and not ending.rstrip().endswith("."):
            return line
        if verdict is kept[0] and _names_the_subject(line, kept[1:2], text):
            return line  # "Kuril Islands" over "The Kuril Islands are a volcanic archipelago"
        if words > _HEADLINE_MAX_WORDS:
            break  # body text reached: this article has no headline line
    return ""


def _names_the_subject(line: str, following: list[LineVerdict], text: str) -> bool:
    """Whether ``line``, a title of one or two capitalised words ("Kuril Islands", "Measles"),
    names what the paragraph under it opens by defining: an encyclopaedia's entry."""
    words = line.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if not following:
        return False
    body = text[following[0].keep_start : following[0].end]
    opening = body.removeprefix("The ").removeprefix("the ")
    return re.match(rf"{re.escape(line)} (?:is|are|was|were|\()", opening) is not None


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk"} or char in "\ufe0f\u200d"


def _publisher(verdicts: tuple[LineVerdict, ...]) -> str:
    """The publisher as the text names it: "Reuters" from "© 2021 Reuters", "rt.com" from an
    "Also on rt.com" promo. We keep the domain as written rather than map it to a brand name
    ("RT"): the text says rt.com, and a mapping table would go stale."""
    by_reason: dict[str, str] = {}
    for verdict in verdicts:
        if verdict.publisher:
            by_reason.setdefault(verdict.reason, verdict.publisher)
    for reason in ("copyright line", "byline", "dateline", "promo link label"):
        if by_reason.get(reason):
            return by_reason[reason]
    return ""
