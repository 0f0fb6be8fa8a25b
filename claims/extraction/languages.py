"""What language an article is in, and whether a page has any article text at all (moved
out of document.py, 2026-12-08, as it reached 500 lines).

The extractor reads English (speakers, check-worthiness and quantities are English rules and
an English model); an article in another language is stored all the same, and the desk says
so (``not_english``).
"""

from __future__ import annotations

import re
from typing import Any

from claims.extraction.boilerplate import scan_lines
from claims.extraction.lexicon import ENGLISH_STOPWORDS

_LANGUAGE_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    '//meta[@http-equiv="content-language"]/@content',
    '//meta[@property="og:locale"]/@content',
)
# Scripts written without spaces between words: Chinese, Japanese (kana too), Thai, Lao,
# Khmer, Burmese. A line of these is text however few spaces it holds.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff"
    r"\u1000-\u109f]"
)
_UNSPACED_LINE = 20  # characters of such a script: about a sentence


def has_article_text(text: str) -> bool:
    """Whether anything but boilerplate is left: at least one real line of five words (or of
    twenty characters of a script written without spaces: "外交部发言人表示..." is text, not a
    menu)."""
    if not text.strip():
        return False
    for verdict in scan_lines(text):
        if verdict.dropped:
            continue
        line = text[verdict.keep_start : verdict.end]
        if len(line.split()) >= 5 or len(_UNSPACED.findall(line)) >= _UNSPACED_LINE:
            return True
    return False


def language_from_tree(tree: Any) -> str:
    """The language the page declares (``<html lang>``, content-language, og:locale), as
    ISO 639 ("en", "es"); "" when it declares none."""
    if tree is None:
        return ""
    for xpath in _LANGUAGE_XPATHS:
        for value in tree.xpath(xpath, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}):
            code = re.split(r"[-_]", str(value).strip().lower())[0]
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return ""


# Fewer words than this, and the language guess says little (a headline, a one-line paste).
_LANGUAGE_MIN_WORDS = 30


def not_english(language: str, text: str) -> str:
    """What to tell an editor when a stored article is not in English (extraction, speakers and
    check-worthiness read English only): the language the page declared ("es"), "unknown" when
    the text did not read as English, "" for English or a text too short to tell."""
    if language == "en":
        return ""
    # a Chinese page has few spaces: its characters tell it is long enough
    short = (
        len(text.split(None, _LANGUAGE_MIN_WORDS)) <= _LANGUAGE_MIN_WORDS
        and len(_UNSPACED.findall(text)) < _UNSPACED_LINE * 3
    )
    return "" if short else (language or "unknown")


def guess_language(text: str) -> str:
    """ "en" when English function words are common enough, else "" (we only know English)."""
    words = re.findall(r"[a-z]+", text[:20000].lower())
    if len(words) < 8:
        return ""
    share = sum(1 for w in words if w in ENGLISH_STOPWORDS) / len(words)
    return "en" if share >= 0.15 else ""
