"""A page's standfirst: its own summary of itself (og:description and the like), put back at the
top of the text when the page shows it and the reader dropped it. Split from
claims.extraction.document."""

from __future__ import annotations

import copy
import re

from lxml import etree

# The page's own summary of itself. When the page also shows it (a standfirst under the
# headline) and the reader dropped it, it goes back in: it is often the article's central
# claim ("... was jailed for three years."). A description the page does not show (a social
# card's teaser, "Gothamist is a non-profit local newsroom") never becomes text.
_DESCRIPTION_XPATHS = (
    "//meta[@property='og:description']/@content",
    "//meta[@name='description']/@content",
    "//meta[@name='twitter:description']/@content",
)
_STANDFIRST_MIN_WORDS = 8
# Share of the description's word trigrams already in the text above which the reader kept it
# (reworded quotes or a wire prefix: "LOS ANGELES (Reuters) - South Korean thriller ...").
_STANDFIRST_KEPT_SHARE = 0.6
_FOLD_PUNCTUATION = str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014\u00a0", "''\"\"-- ")
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD_PUNCTUATION).split()).casefold()


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text)
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _visible_body_text(tree: etree._Element) -> str:
    """What a reader sees in the page's body: its text without scripts, styles and templates."""
    bodies = tree.xpath("//body")
    if not bodies:
        return ""
    body = copy.deepcopy(bodies[0])
    etree.strip_elements(body, "script", "style", "noscript", "template", with_tail=False)
    return " ".join(t for t in body.itertext() if t.strip())


def standfirst(tree: etree._Element | None, text: str) -> str:
    """The page's description (og:description, description, twitter:description) when the
    page shows it in its body and ``text`` (what the reader kept) lacks it; else ""."""
    if tree is None:
        return ""
    descriptions = dict.fromkeys(
        " ".join(str(value).split()) for xpath in _DESCRIPTION_XPATHS for value in tree.xpath(xpath)
    )
    candidates = [d for d in descriptions if len(d.split()) >= _STANDFIRST_MIN_WORDS]
    if not candidates:
        return ""
    folded_text = _fold(text)
    text_trigrams = _trigrams(folded_text)
    visible = ""
    for description in candidates:
        folded = _fold(description)
        trigrams = _trigrams(folded)
        if folded in folded_text or (
            trigrams and len(trigrams & text_trigrams) >= _STANDFIRST_KEPT_SHARE * len(trigrams)
        ):
            return ""  # the reader kept it (or a version of it)
        visible = visible or _fold(_visible_body_text(tree))
        if folded in visible:
            return description
    return ""


def with_standfirst(text: str, standfirst: str, title: str) -> str:
    """``text`` with ``standfirst`` as its first paragraph, after the headline when the text
    opens with it."""
    if not standfirst:
        return text
    first, sep, rest = text.partition("\n\n")
    if title and sep and _fold(first) == _fold(title):
        return f"{first}\n\n{standfirst}\n\n{rest}"
    return f"{standfirst}\n\n{text}"
