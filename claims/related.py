"""Related-source discovery: search the configured providers for a claim and attach what they
find as *suggested* evidence, for a researcher to accept (with a stance) or reject.

The searches happen before any transaction opens; only the writes are atomic. Suggestions are
idempotent: a source already attached to the claim, in any state, is never suggested again (the
unique constraint on (claim, source) backs this), so a rejected suggestion stays rejected.

Settings, read at call time (name, default, meaning); the providers' own settings are listed in
sources/providers.py:

CLAIMS_RELATED_LIMIT  5
    Results asked of each provider per claim.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from celery import shared_task
from django.conf import settings
from django.db import OperationalError, transaction

from claims.extraction.lexicon import (
    ATTRIBUTION_PARTICIPLES,
    ATTRIBUTION_VERBS,
    ENGLISH_STOPWORDS,
    MONTH_NAMES,
    SENTENCE_STARTERS,
    SPEAKER_FILLERS,
    TITLES,
    UNIT_STOPWORDS,
    word_set,
)
from claims.extraction.quantities import find_quantities
from claims.guards import lock_claim, record_event
from claims.models import Claim, Evidence
from sources.fetcher import MAX_URL_LENGTH
from sources.models import Source
from sources.normalize import InvalidURL, normalize_url
from sources.providers import (
    MAX_PUBLISHER,
    MAX_TITLE,
    Provider,
    ProviderResult,
    ResultKind,
    configured_providers,
)

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 5
MAX_TERMS = 8
MAX_TEXT = 2000


# --- Key terms -------------------------------------------------------------------------------

# Words that carry no search value: function words, reporting verbs ("said", "claims") and
# vague quantifiers. Search engines AND the terms, so each useless word costs results.
STOPWORDS: frozenset[str] = (
    UNIT_STOPWORDS
    | ENGLISH_STOPWORDS
    | SENTENCE_STARTERS
    | ATTRIBUTION_VERBS
    | ATTRIBUTION_PARTICIPLES
    | SPEAKER_FILLERS
    | MONTH_NAMES
    | word_set(
        """
        very much many lot lots really thing things way ways something anything nothing everything
        someone anyone everyone make makes made get gets got going go goes went gone one ones
        would could should might like than then what who also well new said says claim claims
        claimed according percent per cent times time year years ago almost nearly around
        """
    )
)
# Lower-case words allowed inside a name: "Bank of England", "Ursula von der Leyen".
_NAME_CONNECTORS = frozenset({"of", "de", "del", "der", "van", "von", "la", "le", "da", "al"})
_APOSTROPHES = "'\u2019"  # the ASCII apostrophe and the typographic one news text uses
_WORD = re.compile(rf"[^\W_](?:[\w{_APOSTROPHES}.-]*[^\W_])?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _is_acronym(word: str) -> bool:
    # "WHO", "US", "COVID-19": kept although their lower-case forms are stopwords.
    return len(word) >= 2 and word.isupper()


def key_terms(text: str) -> str:
    """Search terms for a claim: names, quantities with their units and content words.

    At most MAX_TERMS terms (a multi-word name or quantity is one term), picked in that order of
    priority and given back in the order they appear in the text, stopwords dropped:
    "Officials said the Kuril bridge cost 412 million euros in 2021" ->
    "officials Kuril bridge cost 412 million euros 2021".
    """
    # A claim is a sentence or two; a pasted essay is cut, as its opening names what it is about.
    text = (text or "")[:MAX_TEXT]
    terms: list[tuple[int, int, str]] = []  # (priority, position, term)

    quantity_spans = []
    for quantity in find_quantities(text):
        quantity_spans.append((quantity.start, quantity.end))
        terms.append((1, quantity.start, quantity.text.strip()))

    def in_quantity(start: int, end: int) -> bool:
        return any(start < q_end and q_start < end for q_start, q_end in quantity_spans)

    words = [
        (match.start(), match.end(), _strip_possessive(match.group()))
        for match in _WORD.finditer(text)
        if not in_quantity(match.start(), match.end())
    ]

    index = 0
    while index < len(words):
        start, _end, word = words[index]
        if not _is_capitalised(word):
            _add_content_word(terms, start, word)
            index += 1
            continue
        # A run of capitalised words (with connectors inside) is one name.
        run = [words[index]]
        index += 1
        while index < len(words):
            next_start, _, next_word = words[index]
            gap = text[run[-1][1] : next_start]
            if gap.strip():  # punctuation between: "Paris, France" is two names
                break
            if _is_capitalised(next_word):
                run.append(words[index])
                index += 1
                continue
            if (
                next_word in _NAME_CONNECTORS
                and index + 1 < len(words)
                and _is_capitalised(words[index + 1][2])
                and not text[words[index][1] : words[index + 1][0]].strip()
            ):
                run.append(words[index])
                index += 1
                continue
            break
        _add_name(terms, text, run)

    chosen: list[tuple[int, str]] = []
    seen: set[str] = set()  # every chosen term, and each word of a chosen name
    for _priority, position, term in sorted(terms, key=lambda item: (item[0], item[1])):
        folded = term.casefold()
        if folded in seen:
            continue
        seen.add(folded)
        seen.update(folded.split())
        chosen.append((position, term))
        if len(chosen) >= MAX_TERMS:
            break
    return " ".join(term for _position, term in sorted(chosen))


def _strip_possessive(word: str) -> str:
    for apostrophe in _APOSTROPHES:
        if word.endswith(apostrophe + "s"):
            return word[:-2]
    return word.rstrip(_APOSTROPHES)


def _add_content_word(terms: list[tuple[int, int, str]], start: int, word: str) -> None:
    lowered = word.lower()
    if lowered in STOPWORDS:
        return
    if lowered.isdigit():
        if _YEAR.fullmatch(lowered):  # a bare year; other numbers come with their quantities
            terms.append((2, start, lowered))
        return
    if len(lowered) < 3 or not any(char.isalpha() for char in lowered):
        return
    terms.append((2, start, lowered))


def _add_name(
    terms: list[tuple[int, int, str]], text: str, run: list[tuple[int, int, str]]
) -> None:
    # Drop what only looks like a name: "The", "However" and other capitalised sentence openers,
    # and titles before a name ("Prime Minister Boris Johnson" -> "Boris Johnson").
    while run and not _is_acronym(run[0][2]) and run[0][2].lower() in STOPWORDS:
        run = run[1:]
    while len(run) > 1 and run[0][2].lower() in TITLES:
        run = run[1:]
    while run and run[-1][2] in _NAME_CONNECTORS:
        run = run[:-1]
    if not run:
        return
    start = run[0][0]
    at_sentence_start = start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 20) : start]))
    if len(run) == 1 and at_sentence_start and not _is_acronym(run[0][2]):
        # A lone capitalised first word is usually an ordinary word ("Officials said ...").
        _add_content_word(terms, run[0][0], run[0][2])
        return
    name = " ".join(word for _start, _end, word in run)
    terms.append((0, run[0][0], name))


# --- Discovery -------------------------------------------------------------------------------


def _limit() -> int:
    try:
        return max(1, int(getattr(settings, "CLAIMS_RELATED_LIMIT", DEFAULT_LIMIT)))
    except (TypeError, ValueError):
        logger.warning("CLAIMS_RELATED_LIMIT is not a number; using %s", DEFAULT_LIMIT)
        return DEFAULT_LIMIT


def _note(result: ProviderResult, provider_label: str, terms: str) -> str:
    if result.kind == ResultKind.FACT_CHECK:
        note = f"Prior fact-check by {result.publisher or 'an unnamed publisher'}"
        if result.review_date:
            note += f" ({result.review_date.isoformat()})"
        note += f': rated "{result.rating_text}"' if result.rating_text else ""
        note += "."
        if result.claimant:
            note += f" Claim made by {result.claimant}."
        return note
    return f'Found on {provider_label} by searching for "{terms}".'


def _search_all(
    providers: Sequence[Provider], terms: str, limit: int
) -> list[tuple[Provider, ProviderResult]]:
    found = []
    for provider in providers:
        try:
            results = provider.search(terms, limit=limit)
        except Exception:
            # Providers promise not to raise; one that does must not cost the others.
            logger.exception("related-source provider %r raised", provider.name)
            continue
        logger.info("%s found %d related sources for %r", provider.label, len(results), terms)
        found.extend((provider, result) for result in results)
    return found


def claim_discover_related(
    *, claim: Claim, providers: Sequence[Provider] | None = None
) -> list[Evidence]:
    """Search the providers for the claim and attach new results as suggested evidence.

    Returns the suggestions created by this call ([] for a published, retracted or dismissed
    claim, with no providers, or when everything found is already attached). `providers`
    defaults to those the settings configure (sources.providers.configured_providers).
    """
    if claim.is_closed:
        logger.info("claim %s is %s: no related-source suggestions", claim.pk, claim.status)
        return []
    providers = configured_providers() if providers is None else list(providers)
    if not providers:
        logger.debug("no related-source providers configured; claim %s not searched", claim.pk)
        return []
    terms = key_terms(claim.text)
    if not terms:
        logger.info("claim %s has no searchable terms", claim.pk)
        return []

    # The network part, outside any transaction: a slow API must not hold row locks.
    candidates: dict[str, tuple[Provider, ProviderResult]] = {}
    for provider, result in _search_all(providers, terms, _limit()):
        try:
            url = normalize_url(result.url)
        except InvalidURL:
            url = ""
        if not url or len(url) > MAX_URL_LENGTH:
            logger.info("%s gave an unusable URL %r; skipped", provider.name, result.url[:200])
            continue
        candidates.setdefault(url, (provider, result))  # the first provider to find it wins
    if not candidates:
        return []

    with transaction.atomic():
        claim = lock_claim(claim)
        if claim.is_closed:  # closed while we were searching
            return []
        attached = set(
            claim.evidence.filter(source__url__in=list(candidates)).values_list(
                "source__url", flat=True
            )
        )
        created: list[Evidence] = []
        for url, (provider, result) in candidates.items():
            if url in attached:
                continue
            source, made = Source.objects.get_or_create(
                url=url,
                defaults={
                    "kind": Source.Kind.RELATED,
                    "title": result.title[:MAX_TITLE],
                    "publisher": result.publisher[:MAX_PUBLISHER],
                },
            )
            if not made and (not source.title or not source.publisher):
                source.title = source.title or result.title[:MAX_TITLE]
                source.publisher = source.publisher or result.publisher[:MAX_PUBLISHER]
                source.save(update_fields=["title", "publisher", "updated_at"])
            evidence = Evidence.objects.create(
                claim=claim,
                source=source,
                state=Evidence.State.SUGGESTED,
                stance="",
                excerpt=result.excerpt,
                note=_note(result, provider.label, terms),
                added_by=None,
                snapshot=source.latest_snapshot(),
            )
            changes = {
                "evidence": evidence.pk,
                "source": url,
                "provider": provider.name,
                "terms": terms,
            }
            if result.rating_text:
                changes["rating_text"] = result.rating_text
            record_event(claim, actor=None, action="evidence_suggested", changes=changes)
            created.append(evidence)
    logger.info("claim %s: %d related sources suggested", claim.pk, len(created))
    return created


# --- Task ------------------------------------------------------------------------------------


@shared_task(
    name="claims.discover_related",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
)
def discover_related(claim_id: int) -> int:
    """Suggest related sources for a claim; returns how many were added. Safe to run twice."""
    providers = configured_providers()
    if not providers:
        logger.debug("discover_related: no providers configured; claim %s skipped", claim_id)
        return 0
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        logger.info("discover_related: claim %s is gone; nothing to do", claim_id)
        return 0
    return len(claim_discover_related(claim=claim, providers=providers))
