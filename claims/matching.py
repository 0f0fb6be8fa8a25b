"""Matching: "has this been checked before?" Finds the stored claims closest to a text.

match_text() ranks by meaning and wording together: candidates are the claims nearest in
meaning (claims.embeddings; vectors from the claim-matching encoder,
claims.semantic.encoder.load_matching_encoder) and the claims most alike in wording
(match_candidates() below), rescored by claims.semantic.ranking and labelled `same` or
`related` by the guard (claims.semantic.guard). Without the encoder it ranks by wording alone
and says so (matching_mode()).

The wording engine is one of its own: pg_trgm similarity, reranking candidates drawn from a
GIN index of each claim's words and word pairs (migration 0007, claim_match_keys) chosen by
the planner's statistics to bound the work; an exact Python fallback elsewhere (SQLite). It
gives (similarity, id) pairs; match_text() rescores them with the candidates by meaning.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet

from claims import embeddings
from claims.models import Claim
from claims.semantic import guard
from claims.semantic.encoder import load_matching_encoder, matching_encoder_problem
from claims.semantic.lexical import trigram_similarity
from claims.semantic.ranking import (
    CANDIDATES_PER_SIGNAL,
    MATCH_THRESHOLD,
    SAME_CLAIM_THRESHOLD,
    prepare_text,
    rank_candidates,
)

# The key index (migration 0007) and the sizes that bound a look-up's work.
MATCH_KEY_INDEX = "claim_match_keys"
MATCH_BUDGET = 1000  # rows the chosen keys may bring, by the planner's statistics
MATCH_MIN_KEYS = 3  # rarest keys always asked for, whatever their estimate
MATCH_CANDIDATE_CAP = 1500  # hard stop on rows reranked, for texts made of common words only

MATCH_IO_CONCURRENCY = 32  # pages of candidates read ahead (see _match_postgresql)
MATCH_STATISTICS_TTL = 300.0  # seconds a process keeps the index's key statistics

_KEY_STATISTICS = """
    SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, greatest(c.reltuples, 0)
      FROM pg_class AS c
      LEFT JOIN pg_stats AS s ON s.schemaname = current_schema() AND s.tablename = %s
     WHERE c.oid = 'claims_claim'::regclass
"""
_statistics: dict[str, tuple[float, dict[str, float], float | None]] = {}


def _key_rows(cursor) -> tuple[dict[str, float], float | None]:
    """({key: rows expected to hold it} for the common keys, rows for any other key).

    From the index's ANALYZE statistics (most_common_elems), read once per process every
    MATCH_STATISTICS_TTL seconds: they change only when PostgreSQL analyzes the table, and
    reading them costs several milliseconds. (None for other keys: never analyzed.)
    """
    name = connection.settings_dict["NAME"]
    cached = _statistics.get(name)
    if cached and time.monotonic() - cached[0] < MATCH_STATISTICS_TTL:
        return cached[1], cached[2]
    cursor.execute(_KEY_STATISTICS, [MATCH_KEY_INDEX])
    elems, freqs, claims = cursor.fetchone()
    if elems is None:
        common: dict[str, float] = {}
        other = None
    else:
        common = {key: freq * claims for key, freq in zip(elems, freqs, strict=False)}
        other = freqs[len(elems)] / 2 * claims  # PostgreSQL's own guess: half the rarest listed
    _statistics[name] = (time.monotonic(), common, other)
    return common, other


# The words of a text, split as claim_match_keys() splits them.
_WORDS = "SELECT array_remove(regexp_split_to_array(lower(%s), '[^[:alnum:]]+'), '')"

_RERANK = """
    SELECT id, sim FROM (
        SELECT id, similarity(text, %(text)s) AS sim
          FROM claims_claim
         WHERE claim_match_keys(text) @@ %(keys)s::tsquery
         LIMIT %(cap)s
    ) AS candidates
     WHERE sim >= %(threshold)s
     ORDER BY sim DESC, id
     LIMIT %(limit)s
"""


def _spread(count: int) -> list[int]:
    """Rank of each of `count` positions when picked middle first, then the middles of the
    halves, and so on: keys picked in this order cover the whole text early."""
    rank = [0] * count
    intervals = [(0, count)] if count else []
    for order, (low, high) in enumerate(intervals):  # grows as it goes: breadth first
        middle = (low + high) // 2
        rank[middle] = order
        if low < middle:
            intervals.append((low, middle))
        if middle + 1 < high:
            intervals.append((middle + 1, high))
    return rank


def match_keys(words: list[str], rows_of) -> list[str]:
    """The keys a look-up asks the index for: the rarest, while their rows fit MATCH_BUDGET.

    `words` are the text's words in order, as claim_match_keys() splits them (migration 0007);
    a key is a word or a pair of adjacent words. `rows_of(key)` is how many claims the
    planner's statistics expect to hold it (None when the table was never analyzed: then
    every key is used, the table being new or small). A claim similar enough to match shares
    runs of the text's words, so it holds some of the text's rarer keys; common ones ("of
    the", "said") would bring most of the table and are left out. The MATCH_MIN_KEYS rarest
    are always kept, so a text of common words still finds something. Keys the statistics
    cannot tell apart (all rarer than those listed) are taken pairs first and spread over the
    text, so that a claim sharing only its head or only its tail is still found.
    """
    pairs = [f"{first} {second}" for first, second in itertools.pairwise(words)]
    spread = _spread(len(words))
    ranked: dict[str, tuple[float, bool, int]] = {}
    for position, key in [*enumerate(pairs), *enumerate(words)]:
        rows = rows_of(key)
        if rows is None:
            return sorted(set(words) | set(pairs))
        rank = (rows, " " not in key, spread[position])
        ranked[key] = min(rank, ranked.get(key, rank))
    chosen: list[str] = []
    total = 0.0
    for key in sorted(ranked, key=ranked.__getitem__):
        rows = ranked[key][0]
        if len(chosen) >= MATCH_MIN_KEYS and total + rows > MATCH_BUDGET:
            break
        chosen.append(key)
        total += rows
    return chosen


def _tsquery_any(keys: list[str]) -> str:
    """`'a' | 'b c' | ...`: tsquery input, each key one quoted lexeme."""
    return " | ".join("'" + key.replace("\\", "\\\\").replace("'", "''") + "'" for key in keys)


def _match_postgresql(text: str, limit: int, threshold: float) -> list[tuple[float, int]]:
    """(similarity, id) of the best matches: candidates from the match-key index, then pg_trgm.

    pg_trgm's own `%` over a trigram index is exact but slow on sentence-length text: common
    trigrams make its index hand most of a large table to the recheck (4-11 s at a million
    claims). A claim that scores >= the threshold shares runs of the text's words, so the
    candidates are the claims holding any of the text's rarer words or word pairs (the GIN
    index on claim_match_keys(text), whose ANALYZE statistics tell which keys are rare), and
    only they, a few hundred rows, are ranked by similarity(). Approximate: a match that holds
    none of the chosen keys is missed; bench/bench_match.py measures how often, against the
    exhaustive ranking.
    """
    with connection.cursor() as cursor:
        common, other = _key_rows(cursor)
        cursor.execute(_WORDS, [text])
        keys = match_keys(cursor.fetchone()[0], lambda key: common.get(key, other))
    if not keys:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        # The candidates are a few hundred rows scattered over the table: let the bitmap heap
        # scan ask for their pages ahead (PostgreSQL 15's default of 1 reads them one by one).
        # Measured at a million claims on cold pages, three pairs of runs of 29 look-ups:
        # p50 75-112 ms with 1, 60-76 ms with 32.
        cursor.execute(f"SET LOCAL effective_io_concurrency = {MATCH_IO_CONCURRENCY}")
        cursor.execute(
            _RERANK,
            {
                "text": text,
                "keys": _tsquery_any(keys),
                "cap": MATCH_CANDIDATE_CAP,
                "threshold": threshold,
                "limit": limit,
            },
        )
        return [(sim, pk) for pk, sim in cursor.fetchall()]


def match_candidates(text: str, *, limit: int, threshold: float) -> list[tuple[float, int]]:
    """(similarity, claim id) of the stored claims most similar to `text`, best first.

    Similarity is pg_trgm's (shared trigrams over all trigrams of both texts), >= threshold.
    PostgreSQL: candidates from the match-key index, ranked in the database (see
    _match_postgresql).
    Elsewhere (the SQLite default): the same similarity computed in Python over all claims,
    which is exact but linear; fine for a development desk.
    """
    if connection.vendor == "postgresql":
        return _match_postgresql(text, limit, threshold)
    scored = []
    for pk, claim_text in Claim.objects.values_list("pk", "text").iterator():
        similarity = trigram_similarity(text, claim_text)
        if similarity >= threshold:
            scored.append((similarity, pk))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[:limit]


# ---------------------------------------------------------------------------------------------
# Matching by meaning and wording.

# Candidates per signal as claims.semantic.ranking measured them (recall 0.99 on CLEF train).
MEANING_CANDIDATES = CANDIDATES_PER_SIGNAL  # nearest vectors rescored per look-up
WORDING_CANDIDATES = CANDIDATES_PER_SIGNAL  # most alike in wording rescored per look-up
WORDING_CANDIDATE_FLOOR = 0.05  # trigram similarity a wording candidate needs
WORDING_ONLY_THRESHOLD = 0.3  # without the encoder: the trigram similarity a match needs


@dataclass(frozen=True)
class Match:
    claim_id: int
    score: float  # 0 to 1: meaning and wording combined (wording alone without the encoder)
    kind: str  # "same" or "related" (claims.semantic.guard)
    reason: str  # why "related": "different figure: 20,000 vs 17,000", ...


def matching_mode() -> tuple[str, str | None]:
    """("meaning", None), or ("wording", why the encoder is not there) for health and desk."""
    problem = matching_encoder_problem()
    return ("wording", problem) if problem else ("meaning", None)


def match_text(
    text: str,
    *,
    limit: int,
    threshold: float | None = None,
    among: Callable[[QuerySet[Claim]], QuerySet[Claim]] | None = None,
) -> list[Match]:
    """The stored claims that match `text`, best first, at most `limit`, each labelled with
    its match probability (`score`); the order is claims.semantic.ranking's (the orderer's,
    its first few re-ordered by the cross-encoder).

    `among` narrows the candidates (e.g. published fact-checks and open claims, not the
    claim's own article). `threshold` defaults to claims.semantic.ranking.MATCH_THRESHOLD
    (chosen on the CLEF 2020 train split), WORDING_ONLY_THRESHOLD without the encoder.
    """
    encoder = load_matching_encoder()
    if encoder is None:
        threshold = WORDING_ONLY_THRESHOLD if threshold is None else threshold
        scored = match_candidates(text, limit=limit * 4, threshold=threshold)
        texts = _texts([pk for _, pk in scored], among)
        ranked = [(similarity, pk) for similarity, pk in scored if pk in texts][:limit]
        # Wording-only scores are not probabilities: no SAME_CLAIM_THRESHOLD for them.
        return [_labelled(text, pk, texts[pk], score, None) for score, pk in ranked]

    threshold = MATCH_THRESHOLD if threshold is None else threshold
    # The text is encoded on a thread of its own while this one waits for the database's
    # wording candidates (onnxruntime and the tokenizer let go of the GIL; the encoder is
    # thread-safe): a look-up takes the longer of the two, not their sum. A pool per call, not
    # per process: a process forked after using one (prefork servers) would inherit its state.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="match-encode") as pool:
        # The text as the ranking was trained to read it (links out, tags as words); stored
        # claims are encoded as written, which for article sentences is the same text.
        encoding = pool.submit(encoder.encode, [prepare_text(text)])
        wording = match_candidates(
            text, limit=WORDING_CANDIDATES, threshold=WORDING_CANDIDATE_FLOOR
        )
        query = encoding.result()[0]
    ids = {pk for pk, _ in embeddings.nearest(query, MEANING_CANDIDATES)}
    ids.update(pk for _, pk in wording)
    texts, vectors = embeddings.texts_and_vectors(_among(sorted(ids), among))
    missing = [pk for pk in texts if pk not in vectors]
    if missing:  # claims not embedded yet (the nlp queue is behind): encode them now
        for pk, vector in zip(missing, encoder.encode([texts[pk] for pk in missing]), strict=True):
            vectors[pk] = vector
    if not texts:
        return []
    ids = list(texts)
    scored = rank_candidates(
        text,
        query,
        [texts[pk] for pk in ids],
        np.stack([vectors[pk] for pk in ids]),
        reorder=settings.CLAIMS_MATCH_CROSS_ENCODER,
        shown_from=threshold,
    )
    # A match is a candidate whose own probability reaches the threshold; the matches are
    # ordered by the orderer, which weighs each against the look-up's other candidates, and
    # the first few re-ordered by the cross-encoder (which reads only the matches among them).
    ranked = sorted(
        (
            (float(order), float(probability), pk)
            for order, probability, pk in zip(scored.order, scored.probability, ids, strict=True)
            if probability >= threshold
        ),
        key=lambda item: (-item[0], item[2]),
    )[:limit]
    return [
        _labelled(text, pk, texts[pk], probability, SAME_CLAIM_THRESHOLD)
        for _, probability, pk in ranked
    ]


def _among(ids, among) -> QuerySet[Claim]:
    claims = Claim.objects.filter(pk__in=ids)
    return claims if among is None else among(claims)


def _texts(ids, among) -> dict[int, str]:
    return dict(_among(ids, among).values_list("pk", "text"))


def _labelled(text: str, pk: int, candidate: str, score: float, same_from: float | None) -> Match:
    label = guard.label(text, candidate, score=score, same_from=same_from)
    return Match(claim_id=pk, score=round(score, 4), kind=label.kind, reason=label.reason)
