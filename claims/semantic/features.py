"""What the reranker reads about one (query, candidate) pair, and the artifacts it reads it with.

Every feature depends only on the two texts, their two sentence vectors and the shipped
artifacts under claims/semantic/data/, never on the collection being searched: the batch
command (claims.semantic.ranking.Ranker) and the service, which sees only a few candidates,
compute the same numbers for the same pair.

Artifacts (claims/semantic/data/, written by bench/train_matching.py from the CLEF CheckThat!
2020 task 2 English data in ../shared; `manifest.json` holds their sha256, checked on load):

- `idf.json`: document frequencies of words and of word stems (a word's first 5 letters) over
  the 10,375 verified claims of that collection (each its `vclaim` and `title`), with the
  collection's size and mean length: the IDF and BM25 constants. Unsupervised: no labels.
- `adapter.npy`: a 384 x 384 float32 matrix A, trained on the TRAIN split's (tweet, verified
  claim) pairs only (softmax over each tweet's 256 nearest claims, L2 penalty towards A = 0):
  the adapted cosine is q . (I + A) . c. Dev never trained it.
- `reranker.json`: a logistic regression over FEATURE_NAMES (standardised), fitted on TRAIN only:
  the probability that a candidate is the query's claim, which decides what counts as a match.
- `orderer.json`: a second logistic regression, fitted on TRAIN only, that orders one look-up's
  candidates among themselves: FEATURE_NAMES plus each of them set against the other
  candidates of the same look-up (listwise_features()). Only the order reads it; whether a
  candidate is a match stays the pair's own probability, the same in any company.

Pure Python + numpy, no Django.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claims.semantic.lexical import words, words_trigrams

DATA_DIR = Path(__file__).resolve().parent / "data"
IDF_FILE = "idf.json"
ADAPTER_FILE = "adapter.npy"
RERANKER_FILE = "reranker.json"
ORDERER_FILE = "orderer.json"
MANIFEST_FILE = "manifest.json"
STEM_LENGTH = 5  # "stemming" by truncation: vaccine/vaccines/vaccinated share "vacci"
BM25_K1 = 1.2
BM25_B = 0.75

# The order of the columns pair_features() returns; reranker.json names them too, and
# load_artifacts() refuses a model trained on other columns.
FEATURE_NAMES = (
    "cosine",  # the encoder's cosine, as the vector index ranks
    "adapted_cosine",  # q . (I + A) . c with the trained adapter
    "trigram",  # pg_trgm similarity (claims.semantic.lexical)
    "trigram_in_candidate",  # shared trigrams / the candidate's trigrams
    "idf_in_candidate",  # IDF of shared words / IDF of the candidate's words
    "idf_in_query",  # IDF of shared words / IDF of the query's words
    "stem_idf_in_candidate",  # the same on word stems
    "stem_idf_in_query",
    "bigram_idf_in_candidate",  # IDF of shared word pairs / IDF of the candidate's pairs
    "bm25",  # log(1 + BM25 of the query's words in the candidate)
    "numbers_in_query",  # share of the candidate's numbers that the query has
    "candidate_has_numbers",
    "numbers_disagree",  # both have numbers, none in common
    "length_ratio",  # log((query words + 1) / (candidate words + 1))
    "length_ratio_abs",
)

# The sign each column's weight may take in the reranker (bench/train_matching.py fits it with
# these bounds): +1, more alike on that signal can only raise the match probability; -1, only
# lower it; 0, either (whether the candidate has numbers, which way the lengths differ). Fitted
# freely, correlated signals took weights of opposite signs (containment and IDF overlap
# against BM25), which ranked as well on CLEF's tweet/claim pairs but gave an exact copy of a
# claim a probability of 0.27, below the median 0.84 of right first matches on the CLEF train
# tweets (in sample). Bounded, an exact copy
# scores the most a text can (about 1.0), and train CV improved (MAP@5 0.9093 -> 0.9126).
FEATURE_SIGNS = (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -1, 0, -1)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class ArtifactError(Exception):
    """A shipped artifact is missing or differs from manifest.json."""


@dataclass(frozen=True)
class Artifacts:
    word_idf: dict[str, float]
    stem_idf: dict[str, float]
    unseen_idf: float  # a word the collection never used: as rare as can be
    mean_length: float  # words per verified claim (BM25's avgdl)
    adapter: np.ndarray  # DIMENSION x DIMENSION, float32
    mean: np.ndarray  # the reranker's standardisation, one per feature
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    interactions: bool  # the model also reads adapted_cosine x every other column
    orderer: Orderer | None  # None only while bench/train_matching.py builds the features


@dataclass(frozen=True)
class Orderer:
    """orderer.json: a logistic regression over FEATURE_NAMES and listwise_features(kinds)."""

    kinds: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float


def idf_from_counts(df: int, size: int) -> float:
    """BM25's (always positive) IDF; shared by the training script and load_artifacts()."""
    return math.log(1.0 + (size - df + 0.5) / (df + 0.5))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_artifacts(directory: Path = DATA_DIR) -> Artifacts:
    """Reads and checks the shipped artifacts (cached per directory by artifacts())."""
    try:
        manifest = json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
        for name in (IDF_FILE, ADAPTER_FILE, RERANKER_FILE, ORDERER_FILE):
            if _sha256(directory / name) != manifest["sha256"][name]:
                raise ArtifactError(
                    f"{directory / name} differs from {MANIFEST_FILE}: re-run "
                    "bench/train_matching.py, or restore the file from the repository."
                )
        idf = json.loads((directory / IDF_FILE).read_text(encoding="utf-8"))
        adapter = np.load(directory / ADAPTER_FILE, allow_pickle=False)
        model = json.loads((directory / RERANKER_FILE).read_text(encoding="utf-8"))
        orderer = json.loads((directory / ORDERER_FILE).read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise ArtifactError(
            f"Cannot read the ranking artifacts in {directory} ({exc}): they ship with the "
            "code; re-run bench/train_matching.py or restore claims/semantic/data/."
        ) from exc
    if tuple(model["features"]) != FEATURE_NAMES or tuple(orderer["features"]) != FEATURE_NAMES:
        raise ArtifactError(
            f"{RERANKER_FILE} or {ORDERER_FILE} was trained on other features than "
            "FEATURE_NAMES: re-run "
            "bench/train_matching.py."
        )
    size = int(idf["documents"])
    return Artifacts(
        word_idf={w: idf_from_counts(df, size) for w, df in idf["word_df"].items()},
        stem_idf={s: idf_from_counts(df, size) for s, df in idf["stem_df"].items()},
        unseen_idf=idf_from_counts(0, size),
        mean_length=float(idf["mean_length"]),
        adapter=adapter.astype(np.float32),
        mean=np.asarray(model["mean"], dtype=np.float64),
        scale=np.asarray(model["scale"], dtype=np.float64),
        coef=np.asarray(model["coef"], dtype=np.float64),
        intercept=float(model["intercept"]),
        interactions=bool(model["interactions"]),
        orderer=Orderer(
            kinds=tuple(orderer["kinds"]),
            mean=np.asarray(orderer["mean"], dtype=np.float64),
            scale=np.asarray(orderer["scale"], dtype=np.float64),
            coef=np.asarray(orderer["coef"], dtype=np.float64),
            intercept=float(orderer["intercept"]),
        ),
    )


@functools.cache
def artifacts() -> Artifacts:
    """The shipped artifacts, loaded once per process."""
    return load_artifacts()


@dataclass(frozen=True)
class Analysed:
    words: tuple[str, ...]
    word_set: frozenset[str]
    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[str]
    numbers: frozenset[str]


@functools.lru_cache(maxsize=50_000)
def analyse(text: str) -> Analysed:
    """The parts of a (prepared) text the features read; cached, since in a batch the same
    candidate is rescored for many queries."""
    tokens = words(text)
    return Analysed(
        words=tuple(tokens),
        word_set=frozenset(tokens),
        stems=frozenset(w[:STEM_LENGTH] for w in tokens),
        bigrams=frozenset(itertools.pairwise(tokens)),
        trigrams=frozenset(words_trigrams(tokens)),
        # "1,200" and "1200" are one figure; the guard (claims.semantic.guard) reads them finer.
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
    )


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0


def query_sums(query: Analysed, art: Artifacts) -> tuple[float, float]:
    """The query's IDF mass of words and of stems: pair_row() needs them for every candidate,
    so pair_features() computes them once per look-up (math.fsum: see pair_row())."""
    unseen = art.unseen_idf
    return (
        math.fsum(art.word_idf.get(w, unseen) for w in query.word_set),
        math.fsum(art.stem_idf.get(s, unseen) for s in query.stems),
    )


def pair_row(
    query: Analysed, candidate: Analysed, art: Artifacts, sums: tuple[float, float]
) -> list[float]:
    """The lexical columns of FEATURE_NAMES (all but the first two) for one pair; `sums` is
    query_sums(query, art)."""
    unseen = art.unseen_idf
    query_idf, query_stem_idf = sums
    # Table look-ups by map() and bound get(), not a helper per word (this runs for each of a
    # look-up's ~200 candidates). Sums over sets are math.fsum: a set's order follows Python's
    # string hashing, which differs from process to process, and fsum's correctly rounded
    # result does not depend on it (with sum() the last bits did, so two processes could order
    # near-tied candidates differently and two training runs chose different orderers).
    idf = art.word_idf.get
    stem_idf = art.stem_idf.get
    unseens = itertools.repeat(unseen)

    shared = query.word_set & candidate.word_set
    shared_idf = math.fsum(map(idf, shared, unseens))
    shared_stems = math.fsum(map(stem_idf, query.stems & candidate.stems, unseens))
    pair_idf = math.fsum(idf(a, unseen) + idf(b, unseen) for a, b in candidate.bigrams)
    shared_bigrams = query.bigrams & candidate.bigrams
    shared_pairs = math.fsum(idf(a, unseen) + idf(b, unseen) for a, b in shared_bigrams)

    length = len(candidate.words)
    counts = Counter(candidate.words)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / art.mean_length)
    bm25 = math.fsum(
        idf(w, unseen) * counts[w] * (BM25_K1 + 1) / (counts[w] + norm)
        for w in query.word_set
        if w in counts
    )

    shared_grams = len(query.trigrams & candidate.trigrams)
    grams_union = len(query.trigrams | candidate.trigrams)
    numbers = candidate.numbers
    common_numbers = numbers & query.numbers
    length_ratio = math.log((len(query.words) + 1) / (length + 1))
    return [
        _ratio(shared_grams, grams_union),
        _ratio(shared_grams, len(candidate.trigrams)),
        _ratio(shared_idf, math.fsum(map(idf, candidate.word_set, unseens))),
        _ratio(shared_idf, query_idf),
        _ratio(shared_stems, math.fsum(map(stem_idf, candidate.stems, unseens))),
        _ratio(shared_stems, query_stem_idf),
        _ratio(shared_pairs, pair_idf),
        math.log1p(bm25),
        _ratio(len(common_numbers), len(numbers)),
        1.0 if numbers else 0.0,
        1.0 if numbers and query.numbers and not common_numbers else 0.0,
        length_ratio,
        abs(length_ratio),
    ]


def pair_features(
    query_text: str,
    query_vector: np.ndarray,
    candidate_texts: list[str] | tuple[str, ...],
    candidate_vectors: np.ndarray,
    art: Artifacts,
) -> np.ndarray:
    """(candidates x FEATURE_NAMES) for texts already through ranking.prepare_text()."""
    out = np.zeros((len(candidate_texts), len(FEATURE_NAMES)), dtype=np.float64)
    if not candidate_texts:
        return out
    q = np.asarray(query_vector, dtype=np.float32)
    vectors = np.asarray(candidate_vectors, dtype=np.float32)
    out[:, 0] = vectors @ q
    out[:, 1] = vectors @ (q + q @ art.adapter)
    query = analyse(query_text)
    sums = query_sums(query, art)
    for i, text in enumerate(candidate_texts):
        out[i, 2:] = pair_row(query, analyse(text), art, sums)
    return out


def design(features: np.ndarray, interactions: bool) -> np.ndarray:
    """The reranker's inputs: the features, and with `interactions` the adapted cosine times
    each other feature (how much wording counts may depend on how close the meaning is)."""
    if not interactions:
        return features
    others = [i for i in range(features.shape[1]) if i != 1]
    return np.hstack([features, features[:, 1:2] * features[:, others]])


def logistic(features: np.ndarray, art: Artifacts) -> np.ndarray:
    """The reranker's probability that each row is the query's match."""
    x = design(features, art.interactions)
    z = ((x - art.mean) / art.scale) @ art.coef + art.intercept
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


# How listwise_features() sets a column against the other candidates of the same look-up.
LISTWISE_KINDS = ("gap", "standard", "rank")


def listwise_features(features: np.ndarray, kinds: tuple[str, ...] | list[str]) -> np.ndarray:
    """Each column of one look-up's candidates (pair_features() rows, all for the same query)
    set against the others, per kind: "gap", the distance to the best candidate's value;
    "standard", the value in standard deviations from the candidates' mean; "rank",
    log(1 + the candidate's rank) by that column, best first (ties share the better rank).
    A claim that leads on several signals at once stands out here, not in any one pair."""
    unknown = set(kinds) - set(LISTWISE_KINDS)
    if unknown:
        raise ValueError(f"unknown listwise kind {sorted(unknown)[0]!r}")
    n, width = features.shape
    if n == 0:
        return np.zeros((0, width * (1 + len(kinds))), dtype=features.dtype)
    blocks = []
    for kind in kinds:
        if kind == "gap":
            blocks.append(features - features.max(axis=0))
        elif kind == "standard":
            spread = np.maximum(features.std(axis=0), 1e-6)
            blocks.append((features - features.mean(axis=0)) / spread)
        else:  # rank
            # min-rank of each value among the column's values, best (largest) first
            ranks = np.empty_like(features)
            for j in range(width):
                column = -features[:, j]
                ranks[:, j] = np.searchsorted(np.sort(column), column, side="left")
            blocks.append(np.log1p(ranks))
    return np.hstack([features, *blocks])


def order_scores(features: np.ndarray, art: Artifacts) -> np.ndarray:
    """The orderer's score for each of one look-up's candidates (higher: earlier)."""
    orderer = art.orderer
    if orderer is None:
        raise ArtifactError(f"No {ORDERER_FILE} in these artifacts.")
    x = listwise_features(features, orderer.kinds)
    z = ((x - orderer.mean) / orderer.scale) @ orderer.coef + orderer.intercept
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))
