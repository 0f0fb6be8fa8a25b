"""Ranking by meaning and wording, in two stages that the batch command and the service share.

1. Candidates, over the whole collection: the CANDIDATES_PER_SIGNAL claims nearest by the
   encoder's cosine, and as many most alike in wording (trigram similarity), merged
   (candidates()). The service does the same with its vector index and pg_trgm.
2. Rescoring: score_candidates() is a pure function of the query, each candidate, their
   vectors and the artifacts shipped in claims/semantic/data/ (claims.semantic.features):
   a logistic regression over cosine, an adapted cosine, trigram, IDF/BM25 word overlap,
   number agreement and length features. Nothing depends on the collection being searched,
   so a claim scores the same wherever it is looked up: that probability decides whether a
   candidate is a match (MATCH_THRESHOLD).
3. Ordering: rank_candidates() also gives each candidate an order score from a second
   regression that reads the same features set against the look-up's other candidates (a
   claim that leads on meaning and on wording at once goes first). It orders; it never
   decides whether a candidate is a match.
4. Re-ordering the first few: a cross-encoder (claims.semantic.encoder.PairScorer) reads the
   query and each of the orderer's first `depth` candidates that the orderer does not already
   put far below the first (within `gap` of its logit) together, and a small regression over
   its logit and the orderer's score (data/crossencoder.json) re-orders them; they stay above
   the rest. Without the model (not loadable), the orderer's order stands.

Everything was chosen on the CLEF CheckThat! 2020 task 2 TRAIN split only, by 5-fold
cross-validation grouped by tweet (bench/train_matching.py); dev only reports
(bench/MATCHING.md). Pure Python + numpy, no Django: `manage.py match_file`, the
evaluation scripts and the service (claims.matching) share it.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from claims.semantic.encoder import CROSS_ID, Encoder, load_encoder
from claims.semantic.features import (
    DATA_DIR,
    ArtifactError,
    artifacts,
    logistic,
    order_scores,
    pair_features,
)
from claims.semantic.lexical import trigrams

logger = logging.getLogger(__name__)

# Claims taken from each signal (cosine, trigram) before rescoring. On train, the union of the
# top 100 of each holds 99.3% of the relevant claims (top 50: 98.4%, top 200: 99.6%); chosen
# as the smallest of 20/30/50/100/200 reaching 99% on train (bench/train_matching.py).
CANDIDATES_PER_SIGNAL = 100

# score_candidates() above this: the top match is shown to editors as a likely match. The
# smallest threshold whose top-1 precision, on train's out-of-fold scores, is at least 0.9 at
# that threshold and every higher one (bench/train_matching.py; dev figures in MATCHING.md).
# Low because the score is the probability that a candidate is THE match among ~190
# candidates; on train out-of-fold it keeps 90.1% precision at 96.1% coverage (the reranker
# before its weights were held to their signs: 0.027, 90.1% at 94.5%). CLEF queries always
# have a match; real queries often have none, so expect lower precision there.
MATCH_THRESHOLD = 0.016

# Below this, a match is labelled `related` ("weak match", claims.semantic.guard.label), never
# `same`, so it does not make a claim "checked before"; at or above it the guard decides.
# MATCH_THRESHOLD suits CLEF, where every tweet has its claim in the collection. This is the t
# that maximises, on train out of fold and through the guard, (share of tweets whose right claim
# comes first at t or above and is called the same claim) - (share that, with their claim and
# its copies left out, still have a candidate at t or above called the same claim): 0.494 -
# 0.069 at 0.162, against 0.555 - 0.404 at MATCH_THRESHOLD (bench/train_matching.py, since
# 2026-12-06 with the guard and copies; dev in MATCHING.md).
SAME_CLAIM_THRESHOLD = 0.162

_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
# A handle or hashtag (not the domain of an e-mail address: a whole word followed by a dot and
# more; on the CLEF train tweets and claims this exception changes no text), and the places
# inside one where a word starts: a capital after a small letter (realDonald), the last capital
# of a run before a small letter (NRAFoundation), a change between letters and digits
# (IWD2018), an underscore (NHC_Atlantic).
_TAG = re.compile(r"[@#](\w++)(?!\.\w)")
_TAG_WORD_START = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])|_"
)


def _tag_words(tag: re.Match) -> str:
    return _TAG_WORD_START.sub(" ", tag.group(1))


def prepare_text(text: str) -> str:
    """What every signal reads: the text without links (a shortened link means nothing to
    the encoder and only adds noise trigrams), each @handle and #hashtag as the words it
    joins ("@realDonaldTrump" -> "real Donald Trump", "#SaveLemonadeStands" -> "Save
    Lemonade Stands"; an all-lowercase one stays one word), whitespace collapsed.

    Chosen on train: removing links raised train MAP@5 of the linear combination from 0.8416
    to 0.8453; splitting tags (a fifth of the train tweets have one written in camel case)
    raised the reranker's train CV MAP@5 from 0.8968 to 0.9093 and the orderer's from 0.9071
    to 0.9137 (2026-12-06, every artifact retrained on the new texts); removing a tweet's
    closing `— Name (@handle) Date` lowered train candidate recall, so it stays."""
    return " ".join(_TAG.sub(_tag_words, _LINK.sub(" ", text)).split())


def score_candidates(
    query_text: str,
    query_vector: np.ndarray,
    candidate_texts: Sequence[str],
    candidate_vectors: np.ndarray,
) -> np.ndarray:
    """Scores in [0, 1], one per candidate, higher is better: the trained reranker's
    probability that the candidate is the claim the query makes.

    Texts as stored (they go through prepare_text() here); vectors are the encoder's rows
    (claims.semantic.encoder), the query's and one per candidate. Depends on nothing else
    but the shipped artifacts, so any subset of a collection scores the same.
    """
    query, texts = _prepared(query_text, candidate_texts)
    art = artifacts()
    return logistic(pair_features(query, query_vector, texts, candidate_vectors, art), art)


@dataclass(frozen=True)
class Scored:
    probability: np.ndarray  # score_candidates(): is it the query's claim (MATCH_THRESHOLD)
    # How the look-up's candidates are ordered, best first (higher): the orderer's score in
    # [0, 1], and 2 + the re-ordering stage's probability for the first `depth` (CrossStage).
    order: np.ndarray


def rank_candidates(
    query_text: str,
    query_vector: np.ndarray,
    candidate_texts: Sequence[str],
    candidate_vectors: np.ndarray,
    *,
    reorder: bool = True,
    shown_from: float | None = None,
) -> Scored:
    """score_candidates()'s probabilities and the order scores for one look-up's candidates
    (the candidates() of one query, as the service and the batch command gather them). Sort by
    `order`; keep as matches those whose `probability` reaches the threshold.

    `reorder=False` leaves out the cross-encoder stage (the orderer's order alone).
    `shown_from`: a caller that shows only the candidates whose probability reaches it (the
    service's matches) may say so, and the cross-encoder then reads only those among the
    candidates it would read: their order among themselves is the same, since each one's
    re-ordering score depends on its own pair alone and the unread keep the orderer's order
    below them (a lone shown one among them is not read at all: it is first by the orderer).
    """
    art = artifacts()
    query, texts = _prepared(query_text, candidate_texts)
    features = pair_features(query, query_vector, texts, candidate_vectors, art)
    probability = logistic(features, art)
    order = order_scores(features, art)
    if reorder:
        needed = None if shown_from is None else probability >= shown_from
        order = reordered(query, texts, order, needed=needed)
    return Scored(probability, order)


CROSS_STAGE_FILE = "crossencoder.json"
CROSS_STAGE_FORMAT = "claimtracker.matching-crossencoder-stage/1"


@dataclass(frozen=True)
class CrossStage:
    """data/crossencoder.json, written by bench/finetune_crossencoder.py: how many of the
    orderer's first candidates the cross-encoder re-orders, and the regression that joins
    its logit to the orderer's (chosen by 5-fold CV grouped by tweet on CLEF 2020 train)."""

    depth: int
    coef: np.ndarray  # over (logit of the orderer's score, the cross-encoder's logit)
    intercept: float
    # Of the first `depth`, only those whose orderer logit is within `gap` of the first one's
    # are read (a prefix): one the orderer puts far below rarely moves up (inf: all are read).
    gap: float

    def reads(self, order: np.ndarray, needed: np.ndarray | None = None) -> np.ndarray:
        """The candidates (indices into `order`, the orderer's scores) whose pairs the stage
        reads: the first `depth` (ties: earlier first) within `gap` of the first one's logit,
        of them only those `needed` (a mask), and none unless two or more are left."""
        top = np.argsort(-order, kind="stable")[: self.depth]
        if len(top):
            logits = logit(order[top])
            top = top[logits >= logits[0] - self.gap]  # a prefix: the order is descending
        if needed is not None:
            top = top[needed[top]]
        return top if len(top) >= 2 else top[:0]


@functools.cache
def cross_stage() -> CrossStage:
    path = DATA_DIR / CROSS_STAGE_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArtifactError(
            f"{path} is unreadable ({exc}): restore it from the repository."
        ) from exc
    if document.get("format") != CROSS_STAGE_FORMAT:
        raise ArtifactError(f"{path} is not a {CROSS_STAGE_FORMAT} file.")
    try:
        stage = CrossStage(
            depth=int(document["depth"]),
            coef=np.asarray(document["coef"], dtype=np.float64).reshape(2),
            intercept=float(document["intercept"]),
            gap=float(document["gap"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ArtifactError(f"{path} is incomplete ({exc!r}): restore it.") from exc
    return stage


def reordered(
    query: str,
    texts: Sequence[str],
    order: np.ndarray,
    *,
    needed: np.ndarray | None = None,
) -> np.ndarray:
    """`order` with the candidates the cross-encoder stage reads re-ordered by it and lifted
    above the rest (2 + the stage's probability; the orderer's scores are at most 1); texts
    prepared. It reads the orderer's first `depth` candidates (ties: earlier first) whose
    orderer logit is within the stage's `gap` of the first one's, and only when there are two
    or more of them; the others keep the orderer's score, so they stay in its order below.
    `needed` (a mask): only those are read (see rank_candidates()). The orderer's order as it
    is when the cross-encoder or its stage file cannot load (logged), never an error."""
    scorer = load_encoder(CROSS_ID)
    if scorer is None or len(order) == 0:
        return order
    try:
        stage = cross_stage()
    except ArtifactError as exc:
        logger.warning("Matches keep the orderer's order: %s", exc)
        return order
    top = stage.reads(order, needed)
    if not len(top):  # one candidate (or none) to read: nothing to re-order
        return order
    logits = scorer.score(query, [texts[i] for i in top])
    z = stage.coef[0] * logit(order[top]) + stage.coef[1] * logits + stage.intercept
    out = order.astype(np.float64)
    out[top] = 2.0 + 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
    return out


def logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)), p clipped away from 0 and 1."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _prepared(query_text: str, candidate_texts: Sequence[str]) -> tuple[str, list[str]]:
    """Texts as stored -> as every signal reads them (prepare_text())."""
    return prepare_text(query_text), [prepare_text(text) for text in candidate_texts]


def candidates(cosine: np.ndarray | None, lexical: np.ndarray, per_signal: int) -> np.ndarray:
    """Rows of the collection worth rescoring: the best `per_signal` by each signal, sorted."""
    picked = [_top(lexical, per_signal)]
    if cosine is not None:
        picked.append(_top(cosine, per_signal))
    return np.unique(np.concatenate(picked))


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    if n >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(-scores, n)[:n]


class LexicalIndex:
    """Trigram (Jaccard) similarity of one text against every claim, through an inverted
    index: exact, and fast enough to score 10,000 claims per query in a few milliseconds."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._counts = np.zeros(len(texts), dtype=np.float32)
        postings: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            grams = trigrams(text)
            self._counts[i] = len(grams)
            for gram in grams:
                postings.setdefault(gram, []).append(i)
        self._postings = {g: np.asarray(rows, dtype=np.int32) for g, rows in postings.items()}

    def scores(self, text: str) -> np.ndarray:
        grams = trigrams(text)
        hits = [self._postings[g] for g in grams if g in self._postings]
        if not grams or not hits:
            return np.zeros(self.size, dtype=np.float32)
        shared = np.bincount(np.concatenate(hits), minlength=self.size).astype(np.float32)
        union = self._counts + len(grams) - shared
        return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


@dataclass(frozen=True)
class Hit:
    index: int  # position in the claims given to the Ranker
    score: float  # what the list is ordered by: Scored.order (trigram without encoder)
    probability: float  # score_candidates(): the match probability (trigram without encoder)


class Ranker:
    """Ranks a collection of claims for query texts: candidates, then rank_candidates().

    With encoder=None (not installed, or asked for) it ranks by trigram similarity alone.
    """

    def __init__(
        self,
        claims: Sequence[str],
        encoder: Encoder | None,
        *,
        per_signal: int = CANDIDATES_PER_SIGNAL,
        reorder: bool = True,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """`progress(n)`: told how many claims each batch encoded (a collection of 10,000
        takes minutes on 2 cores)."""
        self.encoder = encoder
        self.per_signal = per_signal
        self.reorder = reorder  # rank_candidates(reorder=): the cross-encoder stage
        self.claims = [prepare_text(text) for text in claims]
        self.lexical = LexicalIndex(self.claims)
        self.vectors = (
            encoder.encode(self.claims, progress=progress) if encoder is not None else None
        )

    def rank(self, queries: Sequence[str], *, top: int) -> list[list[Hit]]:
        """The best `top` claims for each query, best first (ties: earlier claim first).
        With the encoder, only candidates are ranked, so a list may hold fewer than `top`
        when the collection is larger than the candidates (2 x per_signal at most)."""
        return list(self.ranked(queries, top=top))

    def ranked(self, queries: Sequence[str], *, top: int) -> Iterator[list[Hit]]:
        """rank(), one query's list at a time (the queries are encoded together first), so a
        caller can write each list out as soon as it is ready."""
        prepared = [prepare_text(text) for text in queries]
        query_vectors = None
        if self.encoder is not None and self.vectors is not None and prepared:
            query_vectors = self.encoder.encode(prepared)
        for q, text in enumerate(prepared):
            lexical = self.lexical.scores(text)
            if query_vectors is None or self.vectors is None:
                rows, scores = np.arange(self.lexical.size), lexical.astype(np.float64)
                probabilities = scores
            else:
                rows = candidates(self.vectors @ query_vectors[q], lexical, self.per_signal)
                scored = rank_candidates(
                    text,
                    query_vectors[q],
                    [self.claims[i] for i in rows],
                    self.vectors[rows],
                    reorder=self.reorder,
                )
                scores, probabilities = scored.order, scored.probability
            # Stable sort on (-score, row): equal scores keep the claims' order.
            order = np.lexsort((rows, -scores))[:top]
            yield [Hit(int(rows[i]), float(scores[i]), float(probabilities[i])) for i in order]
