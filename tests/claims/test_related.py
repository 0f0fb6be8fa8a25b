"""Related-source discovery: key terms, suggestions from the providers, accepting and rejecting.

The providers talk to the loopback MediaWiki and Fact Check Tools servers of
tests/sources/test_providers.py (fixtures `wikipedia` and `factcheck`); the `_loopback_only`
guard of tests/conftest.py fails any test that would send a packet beyond loopback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from django.db import OperationalError, connection

from claims import services
from claims.extraction.keyterms import key_terms
from claims.models import ClaimEvent, ClaimStatus, Evidence, Stance
from claims.services import (
    claim_discover_related,
    evidence_accept_suggestion,
    evidence_reject_suggestion,
)
from claims.tasks import discover_related
from claims.workflow import WorkflowError
from sources.models import Source
from sources.providers import ProviderResult
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory
from tests.sources.httpservers import RoutingServer, page
from tests.sources.test_fetcher import _fast_fetcher  # noqa: F401 - autouse fixture
from tests.sources.test_providers import (  # noqa: F401 - fixtures: wikipedia, factcheck
    FULLFACT_URL,
    POLITIFACT_URL,
    SITE_ONLY_URL,
    FakeFactCheck,
    FakeMediaWiki,
    _providers_off,
    factcheck_api,
    json_route,
    wikipedia_api,
)

CLAIM_TEXT = "Officials said the Kuril bridge cost 412 million euros."
WIKI_URLS = {"https://en.wikipedia.org/wiki/Kuril_Islands_dispute"}
WIKI_URLS |= {"https://en.wikipedia.org/wiki/Kuril_Islands"}
WIKI_URLS |= {"https://en.wikipedia.org/wiki/Sakhalin_bridge"}
FACTCHECK_URLS = {POLITIFACT_URL, SITE_ONLY_URL, FULLFACT_URL}


@pytest.fixture
def claim(db):
    return ClaimFactory(text=CLAIM_TEXT, status=ClaimStatus.RESEARCHING)


def _suggested_urls(claim) -> set[str]:
    return set(
        claim.evidence.filter(state=Evidence.State.SUGGESTED).values_list("source__url", flat=True)
    )


def _requests(*fakes: FakeMediaWiki | FakeFactCheck) -> int:
    return sum(len(fake.queries) for fake in fakes)


# --- Key terms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            "Officials said the Kuril bridge cost 412 million euros.",
            "officials Kuril bridge cost 412 million euros",
        ),
        (
            # Titles, possessives and reporting verbs go; names and amounts stay whole.
            "Prime Minister Boris Johnson said the UK's NHS got £350m a week after Brexit in 2021.",
            "Boris Johnson UK NHS £350m week Brexit 2021",
        ),
        (
            # Sentence openers are not names; names with "of" inside are one term.
            "However, the Bank of England raised interest rates to 5.25%.",
            "Bank of England raised interest rates 5.25%",
        ),
        (
            # An acronym is kept even when it spells a stopword.
            "According to the WHO, COVID-19 vaccines saved 14.4 million lives.",
            "WHO COVID-19 vaccines saved 14.4 million lives",
        ),
        (
            "The Kremlin claims that 20,000 Russian islanders live on the Kuril Islands.",
            "Kremlin 20,000 Russian islanders live Kuril Islands",
        ),
    ],
)
def test_key_terms_keep_names_quantities_and_content_words(text: str, terms: str) -> None:
    assert key_terms(text) == terms


def test_key_terms_drop_stopwords_entirely() -> None:
    assert key_terms("It is what it is, and that is that.") == ""
    assert key_terms("") == ""


def test_key_terms_are_capped_preferring_names_and_quantities() -> None:
    text = (
        "Factories, shipyards, bakeries, breweries, vineyards, farms and mines struggled badly "
        "as German exports fell 7 percent, Angela Merkel told reporters in Berlin."
    )

    # Four names and quantities first, wherever they stand, then the first content words up to
    # eight terms in all; given back in the text's order.
    assert key_terms(text) == (
        "factories shipyards bakeries breweries German 7 percent Angela Merkel Berlin"
    )


def test_key_terms_name_each_thing_once() -> None:
    assert key_terms("Japan said Japan's islands belong to Japan, not to japan.") == (
        "Japan islands belong"
    )


# --- Discovery -------------------------------------------------------------------------------


def test_discovery_attaches_suggestions_from_both_providers(
    claim, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    added = discover_related(claim.pk)

    assert added == 6
    assert _suggested_urls(claim) == WIKI_URLS | FACTCHECK_URLS
    # Both providers were asked for the claim's key terms (and the key, in English).
    terms = key_terms(CLAIM_TEXT)
    assert [query["srsearch"] for query in wikipedia.searches()] == [terms]
    assert [(q["query"], q["key"], q["languageCode"]) for q in factcheck.queries] == [
        (terms, "test-key-0123", "en")
    ]

    politifact = claim.evidence.select_related("source").get(source__url=POLITIFACT_URL)
    assert (politifact.state, politifact.stance, politifact.added_by) == ("suggested", "", None)
    assert politifact.excerpt == "The Kuril bridge cost 412 million euros."
    assert politifact.note == (
        'Prior fact-check by PolitiFact (2020-05-01): rated "False". '
        "Claim made by Governor of Sakhalin."
    )
    assert politifact.source.kind == Source.Kind.RELATED
    assert politifact.source.title == "No, the Kuril bridge did not cost 412 million euros"
    assert politifact.source.publisher == "PolitiFact"

    wiki = claim.evidence.select_related("source").get(
        source__url="https://en.wikipedia.org/wiki/Kuril_Islands"
    )
    assert wiki.excerpt == "The Kuril Islands are a volcanic archipelago."
    assert (wiki.source.title, wiki.source.publisher) == ("Kuril Islands", "Wikipedia")
    assert wiki.note == f'Found on Wikipedia by searching for "{terms}".'


def test_each_suggestion_is_recorded_as_a_system_event(
    claim, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    suggestions = claim_discover_related(claim=claim)

    events = ClaimEvent.objects.filter(claim=claim, action="evidence_suggested")
    assert events.count() == len(suggestions) == 6
    assert {event.actor_id for event in events} == {None}
    by_source = {event.changes["source"]: event.changes for event in events}
    assert by_source[POLITIFACT_URL]["provider"] == "factcheck"
    assert by_source[POLITIFACT_URL]["rating_text"] == "False"
    assert by_source["https://en.wikipedia.org/wiki/Kuril_Islands"]["provider"] == "wikipedia"
    assert {changes["evidence"] for changes in by_source.values()} == {e.pk for e in suggestions}


def test_a_second_run_adds_nothing(
    claim, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    assert discover_related(claim.pk) == 6
    events = ClaimEvent.objects.filter(claim=claim).count()

    assert discover_related(claim.pk) == 0

    assert claim.evidence.count() == 6
    assert ClaimEvent.objects.filter(claim=claim).count() == events
    assert Source.objects.filter(url__in=WIKI_URLS | FACTCHECK_URLS).count() == 6


def test_a_source_attached_in_any_state_is_not_suggested_again(
    claim, researcher, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    cited = SourceFactory(url=POLITIFACT_URL, kind=Source.Kind.EVIDENCE, title="Cited")
    Evidence.objects.create(claim=claim, source=cited, stance=Stance.REFUTES, added_by=researcher)
    claim_discover_related(claim=claim)
    rejected = claim.evidence.get(source__url=FULLFACT_URL)
    evidence_reject_suggestion(evidence=rejected, actor=researcher)

    assert claim_discover_related(claim=claim) == []

    accepted = claim.evidence.get(source=cited)
    assert (accepted.state, accepted.stance) == (Evidence.State.ACCEPTED, Stance.REFUTES)
    assert claim.evidence.get(source__url=FULLFACT_URL).state == Evidence.State.REJECTED
    cited.refresh_from_db()
    assert (cited.kind, cited.title) == (Source.Kind.EVIDENCE, "Cited")  # not overwritten


def test_a_known_source_is_reused_and_only_its_blanks_filled(
    claim, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck
) -> None:
    known = SourceFactory(url=FULLFACT_URL, kind=Source.Kind.ARTICLE, title="", publisher="FF")

    claim_discover_related(claim=claim)

    evidence = claim.evidence.get(source__url=FULLFACT_URL)
    assert evidence.source_id == known.pk
    known.refresh_from_db()
    assert (known.kind, known.title, known.publisher) == (
        Source.Kind.ARTICLE,
        "The Kuril bridge's cost, checked",
        "FF",
    )


def test_a_suggestion_points_at_the_sources_latest_snapshot(
    claim, wikipedia: FakeMediaWiki
) -> None:
    snapshot = SnapshotFactory(
        source=SourceFactory(url="https://en.wikipedia.org/wiki/Kuril_Islands")
    )

    claim_discover_related(claim=claim)

    assert claim.evidence.get(source=snapshot.source).snapshot_id == snapshot.pk


def test_without_providers_nothing_happens_and_no_connection_is_made(
    claim, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_http(*args: object, **kwargs: object) -> None:
        raise AssertionError("fetch() was called although no provider is configured")

    monkeypatch.setattr("sources.providers.fetch", no_http)
    monkeypatch.setattr("sources.fetching.fetch", no_http)

    with caplog.at_level(logging.DEBUG, logger="claims"):  # the task and the service
        assert discover_related(claim.pk) == 0
        assert claim_discover_related(claim=claim) == []

    assert claim.evidence.count() == 0
    assert not ClaimEvent.objects.filter(claim=claim, action="evidence_suggested").exists()
    assert "no providers configured" in caplog.text
    assert all(record.levelno == logging.DEBUG for record in caplog.records)


@pytest.mark.parametrize(
    ("broken", "failure"),
    [
        ("wikipedia", page(b"<h1>Internal error</h1>", status=500)),
        ("wikipedia", page(b'{"query": {"search": [', "application/json")),
        ("factcheck", page(b"<h1>Bad gateway</h1>", status=502)),
        ("factcheck", page(b"{claims: nope}", "application/json")),
        ("factcheck", json_route({"claims": {"text": "an object, not a list"}})),
    ],
    ids=["wiki-500", "wiki-malformed", "factcheck-502", "factcheck-malformed", "factcheck-shape"],
)
def test_a_failing_provider_leaves_the_others_results_intact(
    claim, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck, broken: str, failure
) -> None:
    fakes = {"wikipedia": wikipedia, "factcheck": factcheck}
    fakes[broken].override = failure
    working = FACTCHECK_URLS if broken == "wikipedia" else WIKI_URLS

    added = discover_related(claim.pk)

    assert added == 3
    assert _suggested_urls(claim) == working


@pytest.fixture
def internal_wiki(settings) -> Iterator[RoutingServer]:
    """A 'Wikipedia' on 127.0.0.2, an address the fetcher must refuse: it must never be reached."""
    server = RoutingServer({}, host="127.0.0.2").start()
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, server.port]
    yield server
    server.stop()


def test_a_provider_at_a_private_address_is_refused_without_the_allow_setting(
    claim, factcheck: FakeFactCheck, internal_wiki: RoutingServer, settings
) -> None:
    # Only the fact-check server's address is let through; private networks in general are not.
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    settings.SOURCES_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.SOURCES_WIKIPEDIA_API_URL = internal_wiki.url("/w/api.php")

    added = discover_related(claim.pk)

    assert added == 3
    assert _suggested_urls(claim) == FACTCHECK_URLS
    assert internal_wiki.connections == 0


@pytest.mark.parametrize(
    "status", [ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED, ClaimStatus.DISMISSED]
)
def test_closed_claims_get_no_suggestions(
    db, wikipedia: FakeMediaWiki, factcheck: FakeFactCheck, status: str
) -> None:
    closed = ClaimFactory(text=CLAIM_TEXT, status=status)

    assert discover_related(closed.pk) == 0
    assert claim_discover_related(claim=closed) == []

    assert closed.evidence.count() == 0
    assert _requests(wikipedia, factcheck) == 0  # not even searched


def test_a_claim_closed_during_the_search_gets_no_suggestions(claim) -> None:
    class ClosesTheClaim:
        name = label = "closer"

        def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
            type(claim).objects.filter(pk=claim.pk).update(status=ClaimStatus.DISMISSED)
            return [ProviderResult("https://example.org/a", "A", "Ex", "", "closer")]

    assert claim_discover_related(claim=claim, providers=[ClosesTheClaim()]) == []
    assert claim.evidence.count() == 0


def test_a_deleted_claim_is_skipped_quietly(
    db, wikipedia: FakeMediaWiki, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="claims.tasks"):
        assert discover_related(987654) == 0

    assert "claim 987654 is gone" in caplog.text
    assert wikipedia.queries == []


class StaticProvider:
    def __init__(self, name: str, results: list[ProviderResult]) -> None:
        self.name = self.label = name
        self.results = results
        self.transaction_depths: list[int] = []

    def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
        self.transaction_depths.append(len(connection.atomic_blocks))
        return self.results[:limit]


def _result(url: str, provider: str = "static") -> ProviderResult:
    return ProviderResult(url=url, title="T", publisher="P", excerpt="E", provider=provider)


def test_searches_run_outside_the_write_transaction(claim) -> None:
    provider = StaticProvider("static", [_result("https://example.org/a")])
    depth = len(connection.atomic_blocks)  # the test's own transaction

    claim_discover_related(claim=claim, providers=[provider])

    assert provider.transaction_depths == [depth]
    assert claim.evidence.count() == 1


def test_a_provider_that_raises_does_not_stop_the_others(
    claim, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        name = label = "broken"

        def search(self, terms: str, *, limit: int) -> list[ProviderResult]:
            raise RuntimeError("provider bug")

    good = StaticProvider("good", [_result("https://example.org/a", "good")])

    with caplog.at_level(logging.ERROR, logger="claims.services.evidence"):
        suggestions = claim_discover_related(claim=claim, providers=[Broken(), good])

    assert [s.source.url for s in suggestions] == ["https://example.org/a"]
    assert "provider bug" in caplog.text


def test_unusable_urls_and_duplicates_across_providers_are_skipped(claim) -> None:
    first = StaticProvider(
        "first",
        [_result("not a url", "first"), _result("https://Example.org/a?utm_source=x", "first")],
    )
    second = StaticProvider("second", [_result("https://example.org/a", "second")])

    suggestions = claim_discover_related(claim=claim, providers=[first, second])

    assert [s.source.url for s in suggestions] == ["https://example.org/a"]  # normalized
    event = ClaimEvent.objects.get(claim=claim, action="evidence_suggested")
    assert event.changes["provider"] == "first"


def test_results_per_provider_come_from_settings(claim, settings) -> None:
    settings.CLAIMS_RELATED_LIMIT = 2
    provider = StaticProvider("static", [_result(f"https://example.org/{n}") for n in range(5)])

    assert len(claim_discover_related(claim=claim, providers=[provider])) == 2


# --- The task --------------------------------------------------------------------------------


def test_the_task_is_registered_under_its_stable_name() -> None:
    assert discover_related.name == "claims.discover_related"
    assert discover_related.max_retries == 3
    assert discover_related.autoretry_for == (OperationalError,)


@pytest.fixture
def eager_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let .apply() run the retries in line: with task_eager_propagates (as in settings) the
    second eager retry would raise celery's Retry instead of running. A real worker's retries,
    with their backoff, are the lead's worker tests' business."""
    monkeypatch.setitem(discover_related.app.conf, "task_eager_propagates", False)


def test_the_task_retries_database_errors_then_succeeds(
    claim, wikipedia: FakeMediaWiki, monkeypatch: pytest.MonkeyPatch, eager_retries: None
) -> None:
    calls: list[int] = []
    real = services.claim_discover_related

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(services, "claim_discover_related", flaky)

    result = discover_related.apply(args=[claim.pk])

    assert (result.state, result.result) == ("SUCCESS", 3)
    assert len(calls) == 3


def test_the_task_gives_up_after_its_retries(
    claim, wikipedia: FakeMediaWiki, monkeypatch: pytest.MonkeyPatch, eager_retries: None
) -> None:
    calls: list[int] = []

    def always_locked(**kwargs):
        calls.append(1)
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "claim_discover_related", always_locked)

    result = discover_related.apply(args=[claim.pk])

    assert result.state == "FAILURE"
    assert isinstance(result.result, OperationalError)
    assert len(calls) == 1 + 3


def test_other_errors_are_not_retried(
    claim, wikipedia: FakeMediaWiki, monkeypatch: pytest.MonkeyPatch, eager_retries: None
) -> None:
    calls: list[int] = []

    def bug(**kwargs):
        calls.append(1)
        raise ValueError("a bug")

    monkeypatch.setattr(services, "claim_discover_related", bug)

    result = discover_related.apply(args=[claim.pk])

    assert (result.state, repr(result.result)) == ("FAILURE", "ValueError('a bug')")
    assert len(calls) == 1


# --- Accepting and rejecting suggestions -----------------------------------------------------


@pytest.fixture
def suggestion(claim) -> Evidence:
    provider = StaticProvider("static", [_result("https://example.org/report")])
    (evidence,) = claim_discover_related(claim=claim, providers=[provider])
    return evidence


@pytest.mark.parametrize("persona", ["researcher", "editor"])
def test_the_desk_accepts_a_suggestion_with_a_stance(
    suggestion: Evidence, persona: str, request: pytest.FixtureRequest
) -> None:
    actor = request.getfixturevalue(persona)

    evidence = evidence_accept_suggestion(
        evidence=suggestion, actor=actor, stance=Stance.REFUTES, excerpt="The passage that counts."
    )

    evidence.refresh_from_db()
    assert (evidence.state, evidence.stance, evidence.excerpt) == (
        Evidence.State.ACCEPTED,
        Stance.REFUTES,
        "The passage that counts.",
    )
    event = ClaimEvent.objects.get(claim=evidence.claim, action="evidence_accepted")
    assert event.actor == actor
    assert event.changes == {
        "evidence": evidence.pk,
        "source": "https://example.org/report",
        "state": ["suggested", "accepted"],
        "stance": "refutes",
    }
    # Accepted evidence is watched like evidence added by hand.
    assert evidence.source.refresh_tier == Source.Tier.EVIDENCE


def test_accepting_keeps_the_providers_excerpt_unless_given(
    suggestion: Evidence, researcher
) -> None:
    evidence = evidence_accept_suggestion(
        evidence=suggestion, actor=researcher, stance=Stance.CONTEXT
    )

    assert evidence.excerpt == "E"


@pytest.mark.parametrize("stance", ["", "maybe", None])
def test_accepting_needs_a_stance(suggestion: Evidence, researcher, stance) -> None:
    with pytest.raises(WorkflowError) as caught:
        evidence_accept_suggestion(evidence=suggestion, actor=researcher, stance=stance)

    assert (caught.value.code, caught.value.status) == ("stance_required", 400)
    suggestion.refresh_from_db()
    assert suggestion.state == Evidence.State.SUGGESTED
    assert not ClaimEvent.objects.filter(action="evidence_accepted").exists()


@pytest.mark.parametrize("persona", ["outsider", "api_client_user"])
@pytest.mark.parametrize("review", ["accept", "reject"])
def test_only_the_desk_reviews_suggestions(
    suggestion: Evidence, persona: str, review: str, request: pytest.FixtureRequest
) -> None:
    actor = request.getfixturevalue(persona)

    with pytest.raises(WorkflowError) as caught:
        if review == "accept":
            evidence_accept_suggestion(evidence=suggestion, actor=actor, stance=Stance.SUPPORTS)
        else:
            evidence_reject_suggestion(evidence=suggestion, actor=actor)

    assert (caught.value.code, caught.value.status) == ("forbidden_role", 403)
    suggestion.refresh_from_db()
    assert suggestion.state == Evidence.State.SUGGESTED


def test_the_desk_rejects_a_suggestion(suggestion: Evidence, editor) -> None:
    evidence = evidence_reject_suggestion(evidence=suggestion, actor=editor)

    evidence.refresh_from_db()
    assert evidence.state == Evidence.State.REJECTED
    event = ClaimEvent.objects.get(claim=evidence.claim, action="evidence_rejected")
    assert event.actor == editor
    assert event.changes["state"] == ["suggested", "rejected"]
    assert event.changes["source"] == "https://example.org/report"


def test_a_rejected_suggestion_can_still_be_accepted(suggestion: Evidence, researcher) -> None:
    evidence_reject_suggestion(evidence=suggestion, actor=researcher)

    evidence = evidence_accept_suggestion(
        evidence=suggestion, actor=researcher, stance=Stance.SUPPORTS
    )

    assert (evidence.state, evidence.stance) == (Evidence.State.ACCEPTED, Stance.SUPPORTS)
    event = ClaimEvent.objects.get(action="evidence_accepted")
    assert event.changes["state"] == ["rejected", "accepted"]


def test_reviewed_evidence_is_not_a_suggestion_any_more(suggestion: Evidence, researcher) -> None:
    evidence_accept_suggestion(evidence=suggestion, actor=researcher, stance=Stance.SUPPORTS)

    for review in (
        lambda: evidence_accept_suggestion(
            evidence=suggestion, actor=researcher, stance=Stance.REFUTES
        ),
        lambda: evidence_reject_suggestion(evidence=suggestion, actor=researcher),
    ):
        with pytest.raises(WorkflowError) as caught:
            review()
        assert (caught.value.code, caught.value.status) == ("not_a_suggestion", 409)
        assert "accepted, not a suggestion" in str(caught.value)

    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.stance) == (Evidence.State.ACCEPTED, Stance.SUPPORTS)


@pytest.mark.parametrize("review", ["accept", "reject"])
def test_suggestions_on_a_published_claim_cannot_be_reviewed(
    suggestion: Evidence, editor, review: str
) -> None:
    type(suggestion.claim).objects.filter(pk=suggestion.claim_id).update(
        status=ClaimStatus.PUBLISHED
    )

    with pytest.raises(WorkflowError) as caught:
        if review == "accept":
            evidence_accept_suggestion(evidence=suggestion, actor=editor, stance=Stance.SUPPORTS)
        else:
            evidence_reject_suggestion(evidence=suggestion, actor=editor)

    assert (caught.value.code, caught.value.status) == ("claim_closed", 409)
