"""Search providers against loopback servers that speak the real protocols.

`FakeMediaWiki` answers the MediaWiki action API (list=search, then prop=extracts|info, both
formatversion=2) and `FakeFactCheck` answers Google Fact Check Tools' claims:search, each
checking the query parameters it is sent. tests/claims/test_related.py reuses both, with the
`wikipedia` and `factcheck` fixtures below.

No test sends a packet beyond loopback: the `_loopback_only` guard of tests/conftest.py applies
to every test, and the result URLs (en.wikipedia.org, politifact.com) are only stored, never
fetched.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from sources import providers as providers_module
from sources.providers import (
    FactCheckProvider,
    ProviderResult,
    ResultKind,
    WikipediaProvider,
    configured_providers,
)
from tests.sources.httpservers import (
    Route,
    RoutingHandler,
    RoutingServer,
    hang_up,
    page,
    respond,
)

# The fetcher tests' fixture that resets the fetcher settings to the safe defaults before each
# test, and their fake resolver.
from tests.sources.test_fetcher import (  # noqa: F401 - autouse fixture
    FakeResolver,
    _fast_fetcher,
)

FACTCHECK_KEY = "test-key-0123"
DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def json_route(payload: Any, status: int = 200, content_type: str = "application/json") -> Route:
    body = json.dumps(payload).encode()

    def route(handler: RoutingHandler) -> None:
        respond(
            handler,
            status,
            body,
            {"Content-Type": f"{content_type}; charset=UTF-8", "Content-Length": str(len(body))},
        )

    return route


def _query(handler: RoutingHandler) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(handler.path).query, keep_blank_values=True))


# --- MediaWiki -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WikiPage:
    pageid: int
    title: str
    extract: str

    @property
    def url(self) -> str:
        return "https://en.wikipedia.org/wiki/" + quote(self.title.replace(" ", "_"))


# Listed in search-rank order; the extracts answer sorts by page id, as MediaWiki does.
WIKI_PAGES = [
    WikiPage(
        2002,
        "Kuril Islands dispute",
        "The Kuril Islands dispute is a disagreement between Japan and Russia.\n\n"
        "It concerns the four southernmost islands.",
    ),
    WikiPage(1001, "Kuril Islands", "The Kuril Islands are a volcanic archipelago."),
    WikiPage(3003, "Sakhalin bridge", "A proposed bridge to Sakhalin that would cost euros."),
]


@dataclass
class FakeMediaWiki:
    """The two MediaWiki queries the Wikipedia provider makes, answered like en.wikipedia.org."""

    pages: list[WikiPage] = field(default_factory=lambda: list(WIKI_PAGES))
    queries: list[dict[str, str]] = field(default_factory=list)
    override: Route | None = None  # answer every API request with this instead
    server: RoutingServer | None = None

    def route(self, handler: RoutingHandler) -> None:
        params = _query(handler)
        self.queries.append(params)
        if self.override is not None:
            self.override(handler)
            return
        if params.get("format") != "json" or params.get("formatversion") != "2":
            json_route({"error": {"code": "badformat", "info": "Use format=json v2."}})(handler)
        elif params.get("action") == "query" and params.get("list") == "search":
            self._search(handler, params)
        elif params.get("action") == "query" and params.get("prop") == "extracts|info":
            self._extracts(handler, params)
        else:
            json_route({"error": {"code": "badvalue", "info": "Unrecognized value."}})(handler)

    def _search(self, handler: RoutingHandler, params: dict[str, str]) -> None:
        words = params["srsearch"].lower().split()
        hits = [
            wiki
            for wiki in self.pages
            if any(word in f"{wiki.title} {wiki.extract}".lower() for word in words)
        ][: int(params["srlimit"])]
        json_route(
            {
                "batchcomplete": True,
                "continue": {"sroffset": len(hits), "continue": "-||"},
                "query": {
                    "searchinfo": {"totalhits": len(hits)},
                    "search": [
                        {
                            "ns": 0,
                            "title": wiki.title,
                            "pageid": wiki.pageid,
                            "size": 4000,
                            "wordcount": 600,
                            "snippet": f'<span class="searchmatch">{wiki.title}</span>',
                            "timestamp": "2024-01-01T00:00:00Z",
                        }
                        for wiki in hits
                    ],
                },
            }
        )(handler)

    def _extracts(self, handler: RoutingHandler, params: dict[str, str]) -> None:
        assert (params["exintro"], params["explaintext"], params["inprop"]) == ("1", "1", "url")
        ids = {int(page_id) for page_id in params["pageids"].split("|")}
        found = sorted((wiki for wiki in self.pages if wiki.pageid in ids), key=lambda w: w.pageid)
        json_route(
            {
                "batchcomplete": True,
                "query": {
                    "pages": [
                        {
                            "pageid": wiki.pageid,
                            "ns": 0,
                            "title": wiki.title,
                            "contentmodel": "wikitext",
                            "pagelanguage": "en",
                            "touched": "2024-01-01T00:00:00Z",
                            "lastrevid": 1,
                            "length": 4000,
                            "fullurl": wiki.url,
                            "editurl": wiki.url + "?action=edit",
                            "canonicalurl": wiki.url,
                            "extract": wiki.extract,
                        }
                        for wiki in found
                    ]
                },
            }
        )(handler)

    def searches(self) -> list[dict[str, str]]:
        return [query for query in self.queries if query.get("list") == "search"]


# --- Fact Check Tools ------------------------------------------------------------------------

POLITIFACT_URL = "https://www.politifact.com/factchecks/2020/may/01/kuril-bridge/"
FULLFACT_URL = "https://fullfact.org/online/kuril-bridge-cost/"
SITE_ONLY_URL = "https://factcheck.example/kuril-bridge"

FACTCHECK_CLAIMS = [
    {
        "text": "The Kuril bridge cost 412 million euros.",
        "claimant": "Governor of Sakhalin",
        "claimDate": "2020-04-20T00:00:00Z",
        "claimReview": [
            {
                "publisher": {"name": "PolitiFact", "site": "politifact.com"},
                "url": POLITIFACT_URL,
                "title": "No, the Kuril bridge did not cost 412 million euros",
                "reviewDate": "2020-05-01T00:00:00Z",
                "textualRating": "False",
                "languageCode": "en",
            },
            {
                "publisher": {"site": "factcheck.example"},
                "url": SITE_ONLY_URL,
                "reviewDate": "2020-05-03",
                "textualRating": "Mostly false",
                "languageCode": "en",
            },
        ],
    },
    {
        "text": "Russia spent 412 million euros on a bridge in the Kurils.",
        "claimReview": [
            {
                "publisher": {"name": "Full Fact", "site": "fullfact.org"},
                "url": FULLFACT_URL,
                "title": "The Kuril bridge's cost, checked",
                "reviewDate": "2021-02-15T10:30:00Z",
                "textualRating": "Misleading",
                "languageCode": "en",
            }
        ],
    },
]


@dataclass
class FakeFactCheck:
    """claims:search as Google answers it: 400 for a bad key, {} when nothing matches."""

    claims: list[dict] = field(default_factory=lambda: json.loads(json.dumps(FACTCHECK_CLAIMS)))
    key: str = FACTCHECK_KEY
    queries: list[dict[str, str]] = field(default_factory=list)
    override: Route | None = None
    server: RoutingServer | None = None

    def route(self, handler: RoutingHandler) -> None:
        params = _query(handler)
        self.queries.append(params)
        if self.override is not None:
            self.override(handler)
            return
        if params.get("key") != self.key:
            json_route(
                {
                    "error": {
                        "code": 400,
                        "message": "API key not valid. Please pass a valid API key.",
                        "status": "INVALID_ARGUMENT",
                    }
                },
                status=400,
            )(handler)
            return
        page_size = int(params.get("pageSize", "10"))
        language = params.get("languageCode")
        matching = [
            claim
            for claim in self.claims
            if any(review.get("languageCode") == language for review in claim["claimReview"])
        ]
        payload: dict[str, Any] = {}
        if matching:
            payload["claims"] = matching[:page_size]
        if len(matching) > page_size:
            payload["nextPageToken"] = "CAE"
        json_route(payload)(handler)


# --- Fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _providers_off(settings) -> None:
    """No provider is on unless a test's fixture turns it on, whatever the environment says."""
    settings.SOURCES_WIKIPEDIA_API_URL = ""
    settings.SOURCES_FACTCHECK_API_KEY = ""
    settings.SOURCES_FACTCHECK_API_URL = "https://factchecktools.googleapis.com"
    settings.SOURCES_FACTCHECK_LANGUAGE = "en"


def _start(settings, routes: dict[str, Route]) -> RoutingServer:
    """A loopback server the fetcher may reach; robots.txt forbids everything (APIs ignore it)."""
    server = RoutingServer({"/robots.txt": page(DISALLOW_ALL, "text/plain"), **routes}).start()
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, server.port]
    settings.SOURCES_PER_HOST_INTERVAL = 0
    return server


# Named through name=, so tests/claims/test_related.py can import the function without its
# parameters shadowing the import.
@pytest.fixture(name="wikipedia")
def wikipedia_api(settings) -> Iterator[FakeMediaWiki]:
    """A MediaWiki API on loopback, configured as the Wikipedia provider."""
    fake = FakeMediaWiki()
    fake.server = _start(settings, {"/w/api.php": fake.route})
    settings.SOURCES_WIKIPEDIA_API_URL = fake.server.url("/w/api.php")
    yield fake
    fake.server.stop()


@pytest.fixture(name="factcheck")
def factcheck_api(settings) -> Iterator[FakeFactCheck]:
    """A Fact Check Tools API on loopback, configured (with its key) as the fact-check provider."""
    fake = FakeFactCheck()
    fake.server = _start(settings, {"/v1alpha1/claims:search": fake.route})
    settings.SOURCES_FACTCHECK_API_URL = fake.server.origin
    settings.SOURCES_FACTCHECK_API_KEY = FACTCHECK_KEY
    yield fake
    fake.server.stop()


@pytest.fixture
def bait(settings) -> Iterator[RoutingServer]:
    """A loopback server on an allowed port that must NOT be reached: private networks refused."""
    server = RoutingServer({}).start()
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, server.port]
    yield server
    server.stop()


def _provider(name: str) -> Any:
    (provider,) = [item for item in configured_providers() if item.name == name]
    return provider


# --- Configuration ---------------------------------------------------------------------------


def test_no_provider_is_on_without_settings() -> None:
    assert configured_providers() == []


def test_fact_check_provider_needs_its_key(settings) -> None:
    settings.SOURCES_FACTCHECK_API_URL = "http://127.0.0.1:9"

    assert configured_providers() == []

    settings.SOURCES_FACTCHECK_API_KEY = "k"
    (provider,) = configured_providers()
    assert isinstance(provider, FactCheckProvider)
    assert (provider.api_url, provider.api_key, provider.language) == (
        "http://127.0.0.1:9",
        "k",
        "en",
    )


def test_settings_turn_each_provider_on_in_a_stable_order(settings) -> None:
    settings.SOURCES_WIKIPEDIA_API_URL = "https://en.wikipedia.org/w/api.php"
    settings.SOURCES_FACTCHECK_API_KEY = "k"
    del settings.SOURCES_FACTCHECK_API_URL  # unset: Google's public endpoint

    wiki, fact = configured_providers()

    assert isinstance(wiki, WikipediaProvider) and wiki.name == "wikipedia"
    assert wiki.api_url == "https://en.wikipedia.org/w/api.php"
    assert isinstance(fact, FactCheckProvider) and fact.name == "factcheck"
    assert fact.api_url == "https://factchecktools.googleapis.com"


# --- Wikipedia -------------------------------------------------------------------------------


def test_wikipedia_returns_title_canonical_url_and_extract(wikipedia: FakeMediaWiki) -> None:
    results = _provider("wikipedia").search("Kuril Islands", limit=2)

    assert results == [
        ProviderResult(
            url="https://en.wikipedia.org/wiki/Kuril_Islands_dispute",
            title="Kuril Islands dispute",
            publisher="Wikipedia",
            excerpt="The Kuril Islands dispute is a disagreement between Japan and Russia.\n\n"
            "It concerns the four southernmost islands.",
            provider="wikipedia",
            kind=ResultKind.REFERENCE,
        ),
        ProviderResult(
            url="https://en.wikipedia.org/wiki/Kuril_Islands",
            title="Kuril Islands",
            publisher="Wikipedia",
            excerpt="The Kuril Islands are a volcanic archipelago.",
            provider="wikipedia",
        ),
    ]  # in search-rank order, although the extracts came back sorted by page id


def test_wikipedia_speaks_the_mediawiki_protocol(wikipedia: FakeMediaWiki) -> None:
    _provider("wikipedia").search("Kuril Islands", limit=2)

    search, extracts = wikipedia.queries
    assert search == {
        "action": "query",
        "list": "search",
        "srsearch": "Kuril Islands",
        "srlimit": "2",
        "format": "json",
        "formatversion": "2",
    }
    assert extracts == {
        "action": "query",
        "prop": "extracts|info",
        "exintro": "1",
        "explaintext": "1",
        "exlimit": "2",
        "inprop": "url",
        "pageids": "2002|1001",
        "format": "json",
        "formatversion": "2",
    }
    assert wikipedia.server is not None
    # An API is not a crawled page: robots.txt (which forbids everything here) is not asked.
    assert "/robots.txt" not in wikipedia.server.paths()
    assert {r.headers["Accept"] for r in wikipedia.server.requests} == {"application/json"}


def test_wikipedia_without_hits_asks_only_once(wikipedia: FakeMediaWiki) -> None:
    assert _provider("wikipedia").search("Atlantis", limit=5) == []
    assert len(wikipedia.queries) == 1


def test_wikipedia_skips_pages_missing_from_the_extracts(wikipedia: FakeMediaWiki) -> None:
    wikipedia.pages.append(WikiPage(4004, "Kuril ghost", "Deleted since."))
    original = wikipedia._extracts

    def without_ghost(handler: RoutingHandler, params: dict[str, str]) -> None:
        wikipedia.pages = [wiki for wiki in wikipedia.pages if wiki.pageid != 4004]
        original(handler, params)

    wikipedia._extracts = without_ghost  # type: ignore[method-assign]

    results = _provider("wikipedia").search("Kuril", limit=5)

    assert [result.title for result in results] == ["Kuril Islands dispute", "Kuril Islands"]


def test_a_resolver_is_used_for_api_host_names(wikipedia: FakeMediaWiki, settings) -> None:
    assert wikipedia.server is not None
    resolver = FakeResolver({"wiki.test": ["127.0.0.1"]})
    settings.SOURCES_WIKIPEDIA_API_URL = f"http://wiki.test:{wikipedia.server.port}/w/api.php"

    (provider,) = configured_providers(resolver=resolver)
    results = provider.search("Kuril Islands", limit=1)

    assert [result.title for result in results] == ["Kuril Islands dispute"]
    assert resolver.calls == [("wiki.test", wikipedia.server.port)] * 2  # one per request


# --- Fact Check Tools ------------------------------------------------------------------------


def test_fact_check_returns_each_prior_review_with_publisher_and_rating(
    factcheck: FakeFactCheck,
) -> None:
    results = _provider("factcheck").search("Kuril bridge 412 million euros", limit=5)

    assert results == [
        ProviderResult(
            url=POLITIFACT_URL,
            title="No, the Kuril bridge did not cost 412 million euros",
            publisher="PolitiFact",
            excerpt="The Kuril bridge cost 412 million euros.",
            provider="factcheck",
            kind=ResultKind.FACT_CHECK,
            rating_text="False",
            review_date=date(2020, 5, 1),
            claimant="Governor of Sakhalin",
        ),
        ProviderResult(
            url=SITE_ONLY_URL,
            title="The Kuril bridge cost 412 million euros.",  # no title: the claim's text
            publisher="factcheck.example",  # no name: the site
            excerpt="The Kuril bridge cost 412 million euros.",
            provider="factcheck",
            kind=ResultKind.FACT_CHECK,
            rating_text="Mostly false",
            review_date=date(2020, 5, 3),
            claimant="Governor of Sakhalin",
        ),
        ProviderResult(
            url=FULLFACT_URL,
            title="The Kuril bridge's cost, checked",
            publisher="Full Fact",
            excerpt="Russia spent 412 million euros on a bridge in the Kurils.",
            provider="factcheck",
            kind=ResultKind.FACT_CHECK,
            rating_text="Misleading",
            review_date=date(2021, 2, 15),
        ),
    ]


def test_fact_check_speaks_the_claims_search_protocol(factcheck: FakeFactCheck) -> None:
    _provider("factcheck").search("Kuril bridge 412 million euros", limit=3)

    assert factcheck.queries == [
        {
            "query": "Kuril bridge 412 million euros",
            "languageCode": "en",
            "pageSize": "3",
            "key": FACTCHECK_KEY,
        }
    ]
    assert factcheck.server is not None
    assert factcheck.server.paths()[0].startswith("/v1alpha1/claims:search?")
    assert "/robots.txt" not in factcheck.server.paths()


def test_fact_check_limit_counts_reviews(factcheck: FakeFactCheck) -> None:
    results = _provider("factcheck").search("Kuril bridge", limit=1)

    assert [result.url for result in results] == [POLITIFACT_URL]


def test_fact_check_language_comes_from_settings(factcheck: FakeFactCheck, settings) -> None:
    settings.SOURCES_FACTCHECK_LANGUAGE = "de"

    assert _provider("factcheck").search("Kuril bridge", limit=5) == []  # {}: no German reviews
    assert factcheck.queries[-1]["languageCode"] == "de"


def test_fact_check_skips_entries_of_the_wrong_shape_and_keeps_the_rest(
    factcheck: FakeFactCheck,
) -> None:
    good = FACTCHECK_CLAIMS[1]
    factcheck.override = json_route(
        {
            "claims": [
                "not an object",
                {"text": 42, "claimReview": "not a list"},
                {"text": "No URL", "claimReview": [{"publisher": "PolitiFact", "url": None}]},
                {"claimReview": [{"url": "javascript:alert(1)", "textualRating": "False"}]},
                {"claimReview": [{"url": "ftp://files.example/review", "reviewDate": "soon"}]},
                good,
                good,  # the same review twice is one result
            ]
        }
    )

    results = _provider("factcheck").search("Kuril bridge", limit=5)

    assert [(result.url, result.publisher) for result in results] == [(FULLFACT_URL, "Full Fact")]


# --- Failures: logged, [] for that provider, never raised -----------------------------------

FAILURES: dict[str, Route] = {
    "server error": page(b"<h1>Internal error</h1>", status=500),
    "json error status": json_route({"error": {"code": 503, "message": "Backend busy"}}, 503),
    "malformed json": page(b'{"claims": [{"text": ', "application/json"),
    "not utf-8": page(b'{"claims": "\xff\xfe\xfa"}', "application/json"),
    "deeply nested json": page(b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "json array": json_route([1, 2, 3]),
    "html instead of json": page(b"<html><p>Sign in</p></html>"),
    "hang up": hang_up,
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_fact_check_api_gives_no_results_and_a_log_line(
    factcheck: FakeFactCheck, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    factcheck.override = FAILURES[failure]

    with caplog.at_level(logging.WARNING, logger="sources.providers"):
        results = _provider("factcheck").search("Kuril bridge", limit=5)

    assert results == []
    assert "Google Fact Check Tools search for 'Kuril bridge' gave nothing" in caplog.text


@pytest.mark.parametrize(
    "failure",
    [
        *FAILURES,
        "mediawiki error",
        "query is not an object",
    ],
)
def test_a_failing_mediawiki_api_gives_no_results(
    wikipedia: FakeMediaWiki, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    wikipedia.override = {
        **FAILURES,
        "mediawiki error": json_route(
            {"error": {"code": "srsearch-error", "info": "Search request is longer than allowed"}}
        ),
        "query is not an object": json_route({"query": "maintenance"}),
    }[failure]

    with caplog.at_level(logging.WARNING, logger="sources.providers"):
        results = _provider("wikipedia").search("Kuril Islands", limit=5)

    assert results == []
    if failure == "mediawiki error":
        assert "srsearch-error" in caplog.text
    if failure != "query is not an object":  # that one is just "no hits"
        assert "Wikipedia search for 'Kuril Islands' gave nothing" in caplog.text


def test_a_failing_extracts_request_gives_no_results(wikipedia: FakeMediaWiki) -> None:
    def extracts_fail(handler: RoutingHandler, params: dict[str, str]) -> None:
        page(b"oops", status=502)(handler)

    wikipedia._extracts = extracts_fail  # type: ignore[method-assign]

    assert _provider("wikipedia").search("Kuril Islands", limit=5) == []


@pytest.mark.parametrize("failure", ["rejected key", "html naming the url"])
def test_the_api_key_never_reaches_the_logs(
    factcheck: FakeFactCheck, settings, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    if failure == "rejected key":
        settings.SOURCES_FACTCHECK_API_KEY = "wrong-key-4567"
    else:
        # The fetcher's refusal quotes the (short) URL, key and all.
        factcheck.override = page(b"<p>Sign in</p>")
    key = settings.SOURCES_FACTCHECK_API_KEY

    with caplog.at_level(logging.DEBUG):
        results = _provider("factcheck").search("bridge", limit=5)

    assert results == []
    assert "Google Fact Check Tools search for 'bridge' gave nothing" in caplog.text
    if failure == "rejected key":
        assert "answered HTTP 400" in caplog.text
    else:
        assert "unsupported_content_type" in caplog.text
    assert key not in caplog.text


def test_a_private_address_is_refused_without_the_allow_setting(
    bait: RoutingServer, settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.SOURCES_WIKIPEDIA_API_URL = bait.url("/w/api.php")

    with caplog.at_level(logging.WARNING, logger="sources.providers"):
        results = _provider("wikipedia").search("Kuril Islands", limit=5)

    assert results == []
    assert bait.connections == 0
    assert "blocked_address" in caplog.text


def test_an_unreachable_api_gives_no_results(settings) -> None:
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    server = RoutingServer({}).start()
    port = server.port
    server.stop()  # nothing listens on the port any more: the connection is refused
    settings.SOURCES_ALLOWED_PORTS = [80, 443, port]
    settings.SOURCES_WIKIPEDIA_API_URL = f"http://127.0.0.1:{port}/w/api.php"

    assert _provider("wikipedia").search("Kuril Islands", limit=5) == []


def test_an_unexpected_bug_is_logged_not_raised(
    wikipedia: FakeMediaWiki, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(providers_module, "_with_query", broken)

    with caplog.at_level(logging.ERROR, logger="sources.providers"):
        assert _provider("wikipedia").search("Kuril Islands", limit=5) == []

    assert "failed unexpectedly" in caplog.text
    assert "RuntimeError: a bug" in caplog.text


def test_empty_terms_or_limit_make_no_request(
    wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    for provider in configured_providers():
        assert provider.search("   ", limit=5) == []
        assert provider.search("Kuril", limit=0) == []

    assert wikipedia.queries == factcheck.queries == []
