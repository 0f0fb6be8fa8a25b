"""The claims API's hand-shaped bodies (claims.api.claim_rows) against the DRF serializers that
declare them, and the queries the list, the detail and the feed cost."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import public_selectors, publication, selectors, statements
from claims.api.claim_rows import claim_match_data
from claims.api.serializers import ClaimDetailSerializer, ClaimSerializer, MatchSerializer
from claims.matching import Match
from claims.models import (
    ApiToken,
    Claim,
    ClaimMatch,
    ClaimStatus,
    Evidence,
    ExternalMatch,
    ExternalReview,
    MatchKind,
    Rating,
    Verdict,
)
from claims.publication import frozen_claim_fields
from claims.workflow import EDITOR, RESEARCHER, user_roles
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    SnapshotFactory,
    SourceFactory,
    UserFactory,
    VerdictFactory,
    ready_claim,
)

pytestmark = pytest.mark.django_db


def _version(claim, *, number=1, state=Verdict.State.PUBLISHED, rating=Rating.FALSE, **extra):
    return Verdict.objects.create(
        claim=claim,
        state=state,
        number=number,
        rating=rating,
        conclusion="It was not so.",
        published_at=timezone.now() - timedelta(days=3 - number),
        **frozen_claim_fields(claim),
        **extra,
    )


@pytest.fixture
def claims_of_every_kind(editor):
    """One claim per edge case the bodies must get right, by name."""
    plain = ClaimFactory(speaker="Jane Doe", speaker_type="person", features=[["x", 0.2]])
    no_article = ClaimFactory(snapshot=None, start=None, end=None, text="It rained.")
    unicode_article = ClaimFactory(
        snapshot=SnapshotFactory(text="Zoë said «ünïcode» 😀 works. And more follows."),
        start=4,
        end=26,
        text="said «ünïcode» 😀 works",
    )
    drafted = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=editor)
    VerdictFactory(claim=drafted, last_edited_by=editor)
    EvidenceFactory(claim=drafted)
    EvidenceFactory(claim=drafted, state=Evidence.State.SUGGESTED, stance="")
    published = ready_claim(ClaimStatus.PUBLISHED)
    corrected = ClaimFactory(status=ClaimStatus.PUBLISHED)
    _version(corrected, number=1, state=Verdict.State.SUPERSEDED)
    _version(corrected, number=2, rating=Rating.MOSTLY_FALSE)
    retracted = ready_claim(ClaimStatus.RETRACTED)
    occurrence = ClaimFactory(same_as=published)
    retracted_family = ClaimFactory(same_as=retracted)
    open_claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    matched = ClaimFactory()
    ClaimMatch.objects.create(claim=matched, matched=published, score=0.91, kind=MatchKind.SAME)
    ClaimMatch.objects.create(
        claim=matched, matched=open_claim, score=0.7, kind=MatchKind.RELATED, reason="different"
    )
    ClaimMatch.objects.create(claim=matched, matched=occurrence, score=0.8, kind=MatchKind.SAME)
    review = ExternalReview.objects.create(
        url="https://factcheck.example.org/review/1",
        publisher_name="",
        publisher_site="factcheck.example.org",
        claim_reviewed="The claim, as they read it.",
        rating_name="Pants on fire",
        rating=Rating.FALSE,
        date_published="2026-01-02",
        raw={},
    )
    elsewhere = ClaimFactory()
    ExternalMatch.objects.create(claim=elsewhere, review=review, score=0.88, kind="same")
    return {
        "plain": plain,
        "no_article": no_article,
        "unicode_article": unicode_article,
        "drafted": drafted,
        "published": published,
        "corrected": corrected,
        "retracted": retracted,
        "occurrence": occurrence,
        "retracted_family": retracted_family,
        "matched": matched,
        "elsewhere": elsewhere,
    }


def _json(data):
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("user_name", ["editor", "api_client_user"])
def test_claim_detail_body_equals_the_serializers(api, claims_of_every_kind, user_name, request):
    user = request.getfixturevalue(user_name)
    api.force_authenticate(user)
    context = {"request": SimpleNamespace(user=user)}
    for name, claim in claims_of_every_kind.items():
        body = api.get(f"/api/v1/claims/{claim.pk}/").json()
        expected = ClaimDetailSerializer(selectors.claim_detail().get(pk=claim.pk), context=context)
        assert body == _json(expected.data), name
        assert list(body) == list(expected.data), name  # the same keys, in the same order
    shown = {
        name: api.get(f"/api/v1/claims/{claim.pk}/").json()
        for name, claim in claims_of_every_kind.items()
    }
    # The edge cases are what they claim to be.
    assert shown["no_article"]["article"] is None and shown["no_article"]["quote"] == ""
    assert shown["unicode_article"]["quote"] == "said «ünïcode» 😀 works"
    assert shown["drafted"]["evidence_count"] == 1 and shown["drafted"]["assignee"]
    assert shown["published"]["rating"] == Rating.FALSE
    assert shown["corrected"]["published_version"] == 2
    assert shown["occurrence"]["family_verdict"]["state"] == "published"
    assert shown["retracted_family"]["family_verdict"]["state"] == "retracted"
    assert {m["claim"] for m in shown["matched"]["checked_before"]} == {
        claims_of_every_kind["published"].pk,
        claims_of_every_kind["occurrence"].pk,  # a match to an occurrence: its family's
    }
    assert len(shown["matched"]["similar_claims"]) == 1
    assert shown["elsewhere"]["checked_elsewhere"][0]["publisher"] == "factcheck.example.org"


def test_claim_list_body_equals_the_serializers(api, editor, claims_of_every_kind):
    api.force_authenticate(editor)
    body = api.get("/api/v1/claims/", {"page_size": 200}).json()
    claims = selectors.claim_list().order_by("-checkworthiness", "id")
    expected = ClaimSerializer(claims, many=True, context={"request": SimpleNamespace(user=editor)})
    assert body["count"] == len(claims_of_every_kind) + 1  # and the open claim matched
    assert body["results"] == _json(expected.data)
    assert [list(item) for item in body["results"]] == [list(item) for item in expected.data]
    # Filtered and ordered the same way too.
    body = api.get("/api/v1/claims/", {"ordering": "-updated_at", "status": "published"}).json()
    claims = selectors.claim_list().filter(status="published").order_by("-updated_at")
    expected = ClaimSerializer(claims, many=True, context={"request": SimpleNamespace(user=editor)})
    assert body["results"] == _json(expected.data)


def test_match_body_equals_the_serializers(editor, api_client_user, claims_of_every_kind):
    """claims/match/'s body (claim_rows.claim_match_data) is MatchSerializer's for the same
    matches: the match's fields, the claim's, and its public versions (with their citations)
    newest first; a claim deleted since the look-up is left out. Three queries, one more when
    a match is an occurrence."""
    corrected = claims_of_every_kind["corrected"]
    newest = corrected.verdicts.get(number=2)
    source = SourceFactory(kind="evidence")
    newest.citations.create(source=source, source_url=source.url, stance="refutes", excerpt="x")
    names = list(claims_of_every_kind)
    matches = [
        Match(
            claim_id=claims_of_every_kind[name].pk,
            score=round(0.9 - i / 50, 4),
            kind=kind,
            reason="" if kind == "same" else "different figure: 20,000 vs 17,000",
        )
        for i, name in enumerate(names)
        for kind in ["same" if i % 2 else "related"]
    ]
    matches.insert(2, Match(claim_id=987654321, score=0.5, kind="same", reason=""))  # deleted
    for user in (editor, api_client_user):
        user_roles(user)  # read once per user (with the token, by the API)
        with CaptureQueriesContext(connection) as captured:
            body = claim_match_data(matches, user)
        assert len(captured) == 4  # the page has occurrences
        claims = selectors.claim_list().in_bulk([m.claim_id for m in matches])
        shown = []
        for match in matches:
            if match.claim_id not in claims:
                continue
            claim = claims[match.claim_id]
            claim.similarity, claim.match_kind, claim.match_reason = (
                match.score,
                match.kind,
                match.reason,
            )
            claim.published_versions = list(
                public_selectors.published_versions().filter(claim=claim).order_by("-number")
            )
            shown.append(claim)
        expected = MatchSerializer(
            shown, many=True, context={"request": SimpleNamespace(user=user)}
        )
        assert _json(body) == _json(expected.data)
        assert [list(item) for item in body] == [list(item) for item in expected.data]
    assert [item["id"] for item in body] == [claims_of_every_kind[name].pk for name in names]
    by_id = {item["id"]: item for item in body}
    versions = by_id[corrected.pk]["verdicts"]
    assert [v["version"] for v in versions] == [2, 1]
    assert versions[0]["citations"][0]["stance"] == "refutes"
    with CaptureQueriesContext(connection) as captured:
        claim_match_data(
            [
                m
                for m in matches
                if m.claim_id != claims_of_every_kind["occurrence"].pk
                and m.claim_id != claims_of_every_kind["retracted_family"].pk
            ],
            editor,
        )
    assert len(captured) == 3
    assert claim_match_data([], editor) == []


def test_detail_etag_is_the_review_tag(api, editor, claims_of_every_kind):
    api.force_authenticate(editor)
    for name, claim in claims_of_every_kind.items():
        response = api.get(f"/api/v1/claims/{claim.pk}/")
        assert response["ETag"] == publication.review_tag(claim), name
    # A change to the draft or to a piece of evidence changes it, as it changes the review tag.
    drafted = claims_of_every_kind["drafted"]
    before = api.get(f"/api/v1/claims/{drafted.pk}/")["ETag"]
    Evidence.objects.filter(claim=drafted).first().save()
    after = api.get(f"/api/v1/claims/{drafted.pk}/")["ETag"]
    assert after != before and after == publication.review_tag(drafted)


def test_detail_of_an_unknown_claim_is_404(api, editor):
    api.force_authenticate(editor)
    response = api.get("/api/v1/claims/987654321/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def _token_client(api, user):
    _, token = ApiToken.issue(user=user, now=timezone.now())
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    api.get("/api/v1/claims/")  # the token's first use is written once (ApiToken.record_use)
    return api


def _queries(api, path, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path, **kwargs)
    assert response.status_code in (200, 304), response.content
    return len(captured.captured_queries)


def test_claim_detail_queries(api, editor, claims_of_every_kind):
    """The token (with its user and the user's roles), the claim (with its draft and whether it
    has matches), its evidence; the matches only when there are some, the family's verdict only
    for an occurrence."""
    api = _token_client(api, editor)
    expected = {
        "plain": 3,
        "no_article": 3,
        "drafted": 3,
        "published": 3,
        "retracted": 3,
        "occurrence": 4,  # + the family's newest public version
        "matched": 5,  # + the matches, + their families' versions
        "elsewhere": 4,  # + the external matches
    }
    for name, count in expected.items():
        path = f"/api/v1/claims/{claims_of_every_kind[name].pk}/"
        assert _queries(api, path) == count, name
    etag = api.get(f"/api/v1/claims/{claims_of_every_kind['plain'].pk}/")["ETag"]
    path = f"/api/v1/claims/{claims_of_every_kind['plain'].pk}/"
    assert _queries(api, path, headers={"If-None-Match": etag}) == 3


def test_claim_list_queries_do_not_grow_with_rows_or_occurrences(api, editor, claims_of_every_kind):
    """The token (with the user's roles), count, page; + one for the families' versions when
    the page has occurrences."""
    api = _token_client(api, editor)
    assert _queries(api, "/api/v1/claims/", data={"status": "new", "speaker": ""}) in (3, 4)
    with_occurrences = _queries(api, "/api/v1/claims/", data={"page_size": 200})
    assert with_occurrences == 4
    for _ in range(5):
        ClaimFactory(same_as=claims_of_every_kind["published"])
    assert _queries(api, "/api/v1/claims/", data={"page_size": 200}) == with_occurrences
    no_occurrence = _queries(api, "/api/v1/claims/", data={"status": "researching"})
    assert no_occurrence == 3


def test_feed_queries_do_not_grow_with_rows(api, editor, settings):
    """The newest change (the ETag), the page and its citations; + the token. (Pages built
    every time: the page cache would answer a repeat with the first query alone.)"""
    settings.API_FEED_CACHE_SECONDS = 0
    for _ in range(3):
        claim = ready_claim(ClaimStatus.PUBLISHED)
        source = SourceFactory(kind="evidence")
        version = claim.verdicts.get(number=1)
        version.citations.create(source=source, source_url=source.url, stance="refutes")
    assert _queries(api, "/api/v1/verdicts/") == 3
    assert _queries(api, "/api/v1/verdicts/", data={"page_size": 1}) == 3
    api = _token_client(api, editor)
    assert _queries(api, "/api/v1/verdicts/") == 4


def test_bodies_follow_the_current_time_zone(api, editor, claims_of_every_kind):
    """Times are shown in the current time zone, as DRF shows them, when it is not UTC too."""
    api.force_authenticate(editor)
    context = {"request": SimpleNamespace(user=editor)}
    claim = claims_of_every_kind["occurrence"]
    with timezone.override(ZoneInfo("America/St_Johns")):  # -03:30 (or -02:30 in summer)
        body = api.get(f"/api/v1/claims/{claim.pk}/").json()
        expected = ClaimDetailSerializer(selectors.claim_detail().get(pk=claim.pk), context=context)
        assert body == _json(expected.data)
        assert not body["created_at"].endswith("Z")
        feed = api.get("/api/v1/verdicts/").json()["results"]
        assert feed and not feed[0]["published_at"].endswith("Z")


def test_compiled_values_give_what_the_orm_gives(claims_of_every_kind):
    """statements.CompiledValues runs a statement compiled once with each new value: the rows,
    converted (JSON, datetimes), are the queryset's own."""

    def build(pk):
        return Claim.objects.filter(pk=pk).values("id", "features", "created_at", "snapshot_id")

    compiled = statements.CompiledValues(build)
    for claim in claims_of_every_kind.values():
        assert compiled.rows(claim.pk) == list(build(claim.pk))
    assert compiled.rows(987654321) == []

    def build_in(pks):
        return Claim.objects.filter(pk__in=pks).order_by("id").values("id", "created_at")

    compiled_in = statements.CompiledValues(build_in)
    pks = [claim.pk for claim in claims_of_every_kind.values()]
    for chosen in (pks, pks[:3], pks[3:6], [pks[-1]], []):
        assert compiled_in.rows_in(chosen) == list(build_in(chosen))
    with pytest.raises(ValueError, match="exactly one parameter"):
        statements.CompiledValues(lambda pk: Claim.objects.values("id")).rows(1)


def test_the_token_look_up_reads_every_role_of_its_user(editor, researcher):
    """The roles come with the token's one query: all of a user's groups, none for a user in
    none, editor for a superuser; and a group given after an earlier request counts at once."""

    def roles_through_token(user) -> frozenset[str]:
        row, _ = ApiToken.issue(user=user, now=timezone.now())
        token = selectors.api_token(row.digest)
        return user_roles(token.user)

    assert roles_through_token(editor) == {EDITOR}
    assert roles_through_token(researcher) == {RESEARCHER}
    outsider = UserFactory()
    assert roles_through_token(outsider) == frozenset()
    outsider.groups.add(Group.objects.get(name=RESEARCHER), Group.objects.get(name=EDITOR))
    assert roles_through_token(outsider) == {RESEARCHER, EDITOR}
    admin = UserFactory(is_superuser=True)
    assert roles_through_token(admin) == {EDITOR}


@pytest.mark.postgres
def test_compiled_statements_are_prepared_once_per_connection(claims_of_every_kind, settings):
    """On PostgreSQL a compiled statement is prepared on the server the first time a connection
    runs it and executed as prepared from then on (planned once, not per request); it is still
    counted and logged like any query, and gives the ORM's rows. DATABASE_PREPARED_STATEMENTS
    off (a transaction pooler that cannot keep them) leaves it to Django's own cursor."""

    def build(pk):
        return Claim.objects.filter(pk=pk).values("id", "text", "features", "created_at")

    def prepared_statements() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall()]

    compiled = statements.CompiledValues(build)
    pks = [claim.pk for claim in claims_of_every_kind.values()]
    with CaptureQueriesContext(connection) as captured:
        for pk in pks:
            assert compiled.rows(pk) == list(build(pk))
    assert len(captured) == 2 * len(pks)  # ours and the ORM's, each counted
    logged = captured.captured_queries
    assert logged[0]["sql"] == logged[1]["sql"]  # logged with its parameter, as the ORM's
    ours = [s for s in prepared_statements() if '"claims_claim"."features"' in s]
    assert len(ours) == 1 and "$1" in ours[0]  # one prepared statement, parameter bound
    # The feeds' ETag query (every 304) too.
    for _ in range(2):
        public_selectors.newest_public_change()
    assert [s for s in prepared_statements() if "FROM claims_verdict" in s]

    settings.DATABASE_PREPARED_STATEMENTS = False
    off = statements.CompiledValues(
        lambda pk: Claim.objects.filter(pk=pk).values("id", "speaker", "updated_at")
    )
    assert off.rows(pks[0]) == list(
        Claim.objects.filter(pk=pks[0]).values("id", "speaker", "updated_at")
    )
    assert not [s for s in prepared_statements() if '"claims_claim"."speaker"' in s]
