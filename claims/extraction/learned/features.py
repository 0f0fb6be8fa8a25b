"""The learned scorer's inputs: word n-grams, character n-grams and the rule features.

Pure Python, shared by training and scoring so that the two can never disagree on what a
feature is. A sentence becomes three blocks of (key, value) pairs:

- word unigrams and bigrams of the normalised text (lower case, every digit a ``#``, so
  "$38 million" and "$27 million" share the n-gram "## million");
- character 2- to 5-grams inside each whitespace-separated token padded with spaces
  (scikit-learn's ``char_wb``), which catch spelling variants, numbers and symbols;
- the ``RuleScorer``'s explainable features with their raw values.

Word n-grams are weighted like scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``:
(1 + log tf) * idf over the model's vocabulary, scaled to unit length per sentence. Character
n-grams are weighted the same way per *token*, and the sentence's block is the sum of its
tokens' unit vectors divided by the square root of its token count. Per token rather than per
sentence so that the scorer can remember each token's contribution: a megabyte of text repeats
its words, and scoring it stays well under a second per megabyte for this block (the benchmark
lost about 0.01 average precision against sentence-level normalisation).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable

CHAR_ORDERS = (2, 3, 4, 5)

_TRANSLATE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        **{str(d): "#" for d in range(10)},
    }
)
_WORD = re.compile(r"[a-z#](?:[a-z#,.']*[a-z#])?|[$€£%]")


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, every digit a ``#``."""
    return text.lower().translate(_TRANSLATE)


def word_tokens(normalised: str) -> list[str]:
    return _WORD.findall(normalised)


def word_ngrams(normalised: str) -> list[str]:
    tokens = word_tokens(normalised)
    grams = list(tokens)
    grams.extend(f"{a} {b}" for a, b in itertools.pairwise(tokens))
    return grams


def token_char_ngrams(token: str) -> list[str]:
    """The 2- to 5-grams of `` token ``; a short token contributes its whole padded form once."""
    padded = f" {token} "
    grams: list[str] = []
    for n in CHAR_ORDERS:
        if n > len(padded):
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def char_block(text: str, idf: dict[str, float]) -> dict[str, float]:
    """The character block of ``text``: per-token unit tf-idf vectors, summed, / sqrt(tokens)."""
    tokens = text.split()
    block: dict[str, float] = {}
    for token in tokens:
        for g, v in sublinear_unit(Counter(token_char_ngrams(normalise(token))), idf).items():
            block[g] = block.get(g, 0.0) + v
    scale = 1.0 / math.sqrt(len(tokens)) if tokens else 0.0
    return {g: v * scale for g, v in block.items()}


def char_ngrams(normalised: str) -> list[str]:
    grams: list[str] = []
    for token in normalised.split():
        grams.extend(token_char_ngrams(token))
    return grams


def sublinear_unit(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """(1 + log tf) * idf over the n-grams ``idf`` knows, scaled to unit length."""
    values = {g: (1.0 + math.log(c)) * idf[g] for g, c in counts.items() if g in idf}
    norm = math.sqrt(sum(v * v for v in values.values()))
    if not norm:
        return {}
    return {g: v / norm for g, v in values.items()}


def document_frequencies(texts: Iterable[str]) -> tuple[Counter[str], Counter[str], int]:
    """How many texts contain each word n-gram and each character n-gram (for the vocabulary)."""
    words: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    n = 0
    for text in texts:
        normalised = normalise(text)
        words.update(set(word_ngrams(normalised)))
        chars.update(set(char_ngrams(normalised)))
        n += 1
    return words, chars, n
