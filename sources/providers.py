"""Search providers for related-source discovery: who else has written about a claim.

Each provider turns a few search terms into `ProviderResult`s: a page worth suggesting as
evidence, with what the provider knows about it. Providers are OFF unless configured, and every
request goes through `sources.fetching.fetch`, so the address, port, size and deadline checks hold
for APIs exactly as for pages (robots.txt excepted: an API is not a crawled page).

A provider never raises to its caller: a failed request, an error status, malformed JSON or an
unexpected shape is logged and gives [] for that provider, so one failing provider never stops
the others. (claims.services.evidence, which attaches the results to a claim, lives in claims:
sources never imports claims.)

Which providers are on, and where they send requests, are settings read at call time
(SOURCES_WIKIPEDIA_API_URL, SOURCES_FACTCHECK_*: see sources.conf).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import quote, urlencode, urlsplit

from django.core.exceptions import ImproperlyConfigured

from sources import conf
from sources.fetching import FetchError, Resolver, fetch
from sources.models import MAX_URL_LENGTH

logger = logging.getLogger(__name__)

JSON_TYPES = ("application/json",)

# Source.title, Source.publisher; excerpts are suggestions a researcher reads, not archives.
MAX_TITLE = 1000
MAX_PUBLISHER = 300
MAX_EXCERPT = 2000
# MediaWiki's TextExtracts returns at most 20 intro extracts per request.
MAX_WIKIPEDIA_LIMIT = 20
# claims:search's pageSize; more is rarely useful for one claim.
MAX_FACTCHECK_LIMIT = 50


class ResultKind:
    REFERENCE = "reference"  # background: an encyclopedia article, a report
    FACT_CHECK = "fact_check"  # someone else's review of a similar claim, with a rating


@dataclass(frozen=True)
class ProviderResult:
    url: str  # http(s), at most MAX_URL_LENGTH characters; not yet normalized
    title: str
    publisher: str
    excerpt: str  # Wikipedia: the intro extract; fact-check: the claim text that was reviewed
    provider: str  # the provider's `name`
    kind: str = ResultKind.REFERENCE
    rating_text: str = ""  # a fact-check's textualRating, verbatim ("False", "Pants on Fire!")
    review_date: date | None = None
    claimant: str = ""  # who made the reviewed claim, when the provider says


class Provider(Protocol):
    name: str  # stable, for machines: recorded in events ("wikipedia", "factcheck")
    label: str  # for people: "Wikipedia"

    def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
        """Up to `limit` results for the terms; [] (logged) on any failure, never an exception."""
        ...


def configured_providers(*, resolver: Resolver | None = None) -> list[Provider]:
    """The providers the settings turn on, in a stable order; [] when none is configured."""
    settings = conf.get()
    providers: list[Provider] = []
    if settings.wikipedia_api_url:
        providers.append(WikipediaProvider(api_url=settings.wikipedia_api_url, resolver=resolver))
    if settings.factcheck_api_key:
        providers.append(
            FactCheckProvider(
                api_url=settings.factcheck_api_url,
                api_key=settings.factcheck_api_key,
                language=settings.factcheck_language,
                resolver=resolver,
            )
        )
    return providers


# --- Helpers ---------------------------------------------------------------------------------


class _BadResponse(Exception):
    """A response this provider cannot use; the message says what was wrong with it."""


_SPACE = re.compile(r"\s+")


def _text(value: Any, limit: int) -> str:
    """A clean one-line string from whatever the API sent (non-strings become "")."""
    if not isinstance(value, str):
        return ""
    cleaned = _SPACE.sub(" ", value).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _paragraphs(value: Any, limit: int) -> str:
    """Like _text, but keeps paragraph breaks (an intro extract has several paragraphs)."""
    if not isinstance(value, str):
        return ""
    paragraphs = [_SPACE.sub(" ", part).strip() for part in value.split("\n")]
    cleaned = "\n\n".join(part for part in paragraphs if part)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _web_url(value: Any) -> str:
    """value if it is an absolute http(s) URL that fits a Source, else ""."""
    if not isinstance(value, str):
        return ""
    url = value.strip()
    if not url or len(url) > MAX_URL_LENGTH:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url


def _as_date(value: Any) -> date | None:
    """A date from "2020-05-01T00:00:00Z", "2020-05-01" and the like; None if unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _with_query(base: str, params: dict[str, str]) -> str:
    # quote_via=quote: spaces as %20, which every server reads the same way ("+" is form-only).
    separator = "&" if "?" in base else "?"
    return base + separator + urlencode(params, quote_via=quote)


def _get_json(url: str, *, resolver: Resolver | None, redact: str = "") -> dict[str, Any]:
    """GET url as JSON through the fetcher; a dict, or _BadResponse saying what went wrong.

    `redact` (an API key) is blanked out of every message, since the fetcher's errors quote the
    URL that carries it.
    """

    def clean(message: str) -> str:
        return message.replace(redact, "***") if redact else message

    try:
        result = fetch(url, resolver=resolver, content_types=JSON_TYPES, respect_robots=False)
    except FetchError as error:
        raise _BadResponse(clean(f"request failed ({error.code}): {error}")) from None
    if result.status != 200:
        # The fetcher keeps no error bodies, so Google's {"error": {"message"}} is not seen;
        # 400/403 usually mean a bad or restricted key.
        raise _BadResponse(f"answered HTTP {result.status}")
    try:
        payload = json.loads(result.body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise _BadResponse(f"sent malformed JSON ({_text(str(exc), 120)})") from None
    if not isinstance(payload, dict):
        raise _BadResponse(f"sent a JSON {type(payload).__name__}, not an object")
    return payload


def _guarded(
    provider: Provider, terms: str, run: Callable[[], list[ProviderResult]]
) -> list[ProviderResult]:
    """Run one search; log and return [] on any expected failure."""
    try:
        return run()
    except _BadResponse as problem:
        logger.warning("%s search for %r gave nothing: the API %s", provider.label, terms, problem)
    except ImproperlyConfigured as problem:
        # Bad fetcher settings: loud, but still not the caller's problem to handle.
        logger.error("%s search for %r is misconfigured: %s", provider.label, terms, problem)
    except Exception:
        # A bug here must not cost the other providers their results; the traceback is logged.
        logger.exception("%s search for %r failed unexpectedly", provider.label, terms)
    return []


# --- Wikipedia (MediaWiki action API) --------------------------------------------------------


class WikipediaProvider:
    """Encyclopedia articles matching the terms: title, canonical URL and intro extract.

    Two requests: list=search for the page ids in rank order, then prop=extracts|info for the
    plain-text intros and full URLs of those pages.
    """

    name = "wikipedia"
    label = "Wikipedia"

    def __init__(self, *, api_url: str, resolver: Resolver | None = None) -> None:
        self.api_url = api_url
        self.resolver = resolver

    def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
        terms = (terms or "").strip()
        limit = max(0, min(int(limit), MAX_WIKIPEDIA_LIMIT))
        if not terms or not limit:
            return []
        return _guarded(self, terms, lambda: self._search(terms, limit))

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        payload = _get_json(
            _with_query(self.api_url, {**params, "format": "json", "formatversion": "2"}),
            resolver=self.resolver,
        )
        error = _dict(payload.get("error"))
        if error:
            # MediaWiki reports bad requests with status 200 and an "error" object.
            code = _text(error.get("code"), 80) or "unknown"
            raise _BadResponse(f"reported error {code}: {_text(error.get('info'), 200)}")
        return payload

    def _search(self, terms: str, limit: int) -> list[ProviderResult]:
        found = self._get(
            {"action": "query", "list": "search", "srsearch": terms, "srlimit": str(limit)}
        )
        ranked: list[int] = []
        for hit in _list(_dict(found.get("query")).get("search")):
            page_id = _dict(hit).get("pageid")
            # type() is int, not isinstance: a JSON true would pass as page 1.
            if type(page_id) is int and page_id > 0 and page_id not in ranked:
                ranked.append(page_id)
        ranked = ranked[:limit]
        if not ranked:
            return []
        details = self._get(
            {
                "action": "query",
                "prop": "extracts|info",
                "exintro": "1",
                "explaintext": "1",
                "exlimit": str(len(ranked)),
                "inprop": "url",
                "pageids": "|".join(str(page_id) for page_id in ranked),
            }
        )
        pages: dict[int, dict] = {}
        for page in _list(_dict(details.get("query")).get("pages")):
            page = _dict(page)
            page_id = page.get("pageid")
            if type(page_id) is int and page_id in ranked and not page.get("missing"):
                pages[page_id] = page
        results = []
        for page_id in ranked:  # the search's ranking, not the order pages came back in
            page = pages.get(page_id)
            if page is None:
                continue
            url = _web_url(page.get("fullurl")) or _web_url(page.get("canonicalurl"))
            title = _text(page.get("title"), MAX_TITLE)
            if not url or not title:
                continue
            results.append(
                ProviderResult(
                    url=url,
                    title=title,
                    publisher=self.label,
                    excerpt=_paragraphs(page.get("extract"), MAX_EXCERPT),
                    provider=self.name,
                    kind=ResultKind.REFERENCE,
                )
            )
        return results


# --- Google Fact Check Tools (claims:search) -------------------------------------------------


class FactCheckProvider:
    """Earlier fact-checks of similar claims, one result per review (a claim may have several).

    Each result carries the reviewing publisher, its rating text verbatim, the review's URL and
    date, and the reviewed claim's text as the excerpt.
    """

    name = "factcheck"
    label = "Google Fact Check Tools"

    def __init__(
        self,
        *,
        api_url: str,
        api_key: str,
        language: str = "en",
        resolver: Resolver | None = None,
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self.api_key = api_key
        self.language = language
        self.resolver = resolver

    def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
        terms = (terms or "").strip()
        limit = max(0, min(int(limit), MAX_FACTCHECK_LIMIT))
        if not terms or not limit or not self.api_key:
            return []
        return _guarded(self, terms, lambda: self._search(terms, limit))

    def _search(self, terms: str, limit: int) -> list[ProviderResult]:
        params = {"query": terms, "languageCode": self.language, "pageSize": str(limit)}
        params["key"] = self.api_key
        payload = _get_json(
            _with_query(f"{self.api_url}/v1alpha1/claims:search", params),
            resolver=self.resolver,
            redact=self.api_key,
        )
        claims = payload.get("claims", [])
        if not isinstance(claims, list):
            raise _BadResponse(f'sent "claims" as a JSON {type(claims).__name__}, not a list')
        results: list[ProviderResult] = []
        seen: set[str] = set()
        for claim in claims:
            claim = _dict(claim)
            claim_text = _paragraphs(claim.get("text"), MAX_EXCERPT)
            claimant = _text(claim.get("claimant"), MAX_PUBLISHER)
            for review in _list(claim.get("claimReview")):
                review = _dict(review)
                url = _web_url(review.get("url"))
                if not url or url in seen:
                    continue
                publisher = _dict(review.get("publisher"))
                publisher_name = _text(publisher.get("name"), MAX_PUBLISHER) or _text(
                    publisher.get("site"), MAX_PUBLISHER
                )
                seen.add(url)
                results.append(
                    ProviderResult(
                        url=url,
                        title=_text(review.get("title"), MAX_TITLE) or _text(claim_text, MAX_TITLE),
                        publisher=publisher_name,
                        excerpt=claim_text,
                        provider=self.name,
                        kind=ResultKind.FACT_CHECK,
                        rating_text=_text(review.get("textualRating"), 200),
                        review_date=_as_date(review.get("reviewDate")),
                        claimant=claimant,
                    )
                )
                if len(results) >= limit:
                    return results
        return results
