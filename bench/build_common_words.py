"""Writes claims/semantic/data/common_words.txt: the words English writes in small letters
(and claims/extraction/data/small_words.txt, the same count with a looser share).

Run from the project root: ``.venv/bin/python bench/build_common_words.py``. The guard
(claims.semantic.guard) reads a capital letter as a name only where capitals mean something:
at the start of a sentence, in an all-capitals word ("NEVER") or in a title-cased headline
("Did Rep. Darrell Issa 'Hide' on a Rooftop?") a capital says nothing, and there a word of this
list is not an actor ("Photographs show ..." is no claim about someone called Photographs).

The list is counted, not written by hand: every word inside a sentence (not its first word, nor
one after a sentence mark, colon, quotation mark, bracket or dash, where capitals are the
rule) of the CT24 check-worthiness TRAIN sentences (debate transcripts) and of the CLEF 2020
task 2 verified claims (their `vclaim` column, sentence case; not the title-cased `title`),
both in ../shared/corpus. A word is common when it was written in small letters at least
MIN_SMALL times there and in at least SMALL_SHARE of its occurrences inside sentences: "people"
(2,356 small, 4 capitalised) is; "white" (111 against 182, "White House") and "trump" are not.
A word never seen stays a possible name. Only the word list is shipped (one lower-case word a
line, sorted); no sentence of either corpus is.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After these (and at the start of a text) a capital is the rule, so the word is not counted:
# the guard's own rule for where a capital names nobody.
from claims.semantic.guard import CAPITAL_AFTER  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = (
    (SHARED / "checkworthiness" / "CT24_checkworthy_english_train.tsv", "Text"),
    (SHARED / "claim-matching" / "clef2020-t2" / "verified_claims.docs.tsv", "vclaim"),
)
OUT = ROOT / "claims" / "semantic" / "data" / "common_words.txt"
MIN_SMALL = 2
SMALL_SHARE = 0.9
# Extraction's list (claims.extraction.page_names): a looser share, so that a word news also
# capitalises in names ("storm": 11 small, 7 in "Storm Ciara", "Desert Storm") still counts as
# a word; a one-word subject that is its plural ("Storms disrupted flights") is no organisation.
EXTRACTION_OUT = ROOT / "claims" / "extraction" / "data" / "small_words.txt"
EXTRACTION_SHARE = 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def sentences() -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    for path, column in SOURCES:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield row[column]


def count(texts: Iterator[str]) -> tuple[Counter[str], Counter[str]]:
    small: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            before = text[: match.start()].rstrip()
            if not before or before[-1] in CAPITAL_AFTER:
                continue
            word = match.group()
            if word.islower():
                small[word] += 1
            elif word[0].isupper():
                capital[word.lower()] += 1
    return small, capital


def main() -> None:
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing: the word list is counted from the shared corpus.")
    small, capital = count(sentences())
    for share, out in ((SMALL_SHARE, OUT), (EXTRACTION_SHARE, EXTRACTION_OUT)):
        common = sorted(
            word for word, n in small.items() if n >= MIN_SMALL and n >= share * (n + capital[word])
        )
        out.write_text("\n".join(common) + "\n", encoding="utf-8")
        seen = len(small | capital)
        print(f"{len(common)} common words of {seen} seen inside sentences -> {out}")


if __name__ == "__main__":
    main()
