"""Words English writes in small letters (claims.extraction.data.small_words.txt): what tells a
capitalised one-word name ("Apple", "Stormzy") from a common word that opens a sentence ("Fog",
"Inflation", "Finance")."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

SMALL_WORDS_PATH = Path(__file__).resolve().parent / "data" / "small_words.txt"
# "-ss", "-us", "-is" are no plurals ("Siemens" has no singular in the list either).
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s")


@functools.cache
def _small_words() -> frozenset[str]:
    """Words written in small letters inside sentences at least as often as with a capital,
    counted by bench/build_common_words.py from the CT24 training sentences and the CLEF 2020
    verified claims (data/small_words.txt)."""
    return frozenset(SMALL_WORDS_PATH.read_text(encoding="utf-8").split())


def common_on_page(name: str, page: Any) -> bool:
    """Whether a one-word name is a word English writes in small letters (is_a_word) that the
    page (page_names.PageNames) never capitalises inside a sentence: "Water" opening a headline
    ("Water bills to rise"), not "Shell" on a page that writes "shares in Shell". Without a
    page, no word is known to be common on it."""
    return (
        " " not in name
        and is_a_word(name)
        and page is not None
        and not page.capitalised_inside(name)
    )


def is_a_word(name: str) -> bool:
    """Whether a one-word name is a word English writes in small letters, or its plural ("Fog",
    "Inflation", "Storms", "Shoppers", "Regulators"; not "Apple", which news capitalises more
    often than not, nor "Siemens", "Qantas", "Emirates", whose singulars are no words)."""
    lower = name.lower()
    if not name.isalpha():
        return False
    words = _small_words()
    if lower in words:
        return True
    if not lower.endswith("s") or lower.endswith(_NOT_PLURAL_ENDINGS):
        return False
    stems = {lower[:-1]}
    if lower.endswith("es"):
        stems.add(lower[:-2])
    if lower.endswith("ies"):
        stems.add(lower[:-3] + "y")
    return any(len(stem) >= 3 and stem in words for stem in stems)
