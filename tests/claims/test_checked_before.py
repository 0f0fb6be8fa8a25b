"""Checked before? Claims are embedded when they arrive or are re-worded, matched against
published fact-checks and open claims, and the match look-up ranks by meaning with the guard's
label; without the encoder everything still answers, by wording, and says so."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import embeddings, services
from claims.extraction import read_text
from claims.matching import match_text
from claims.models import Claim, ClaimEmbedding, ClaimMatch, ClaimStatus, Rating, Verdict
from claims.selectors import claims_seen_before
from claims.semantic import encoder as encoder_module
from claims.semantic.encoder import MATCHING_MODEL_ID, Encoder, load_matching_encoder
from claims.semantic.guard import WEAK_MATCH
from claims.semantic.ranking import MATCH_THRESHOLD, SAME_CLAIM_THRESHOLD
from config.celery import app
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def create(editor, django_capture_on_commit_callbacks):
    """claim_create by the editor, its after-commit work (embedding, matching) done."""

    def create(text: str) -> Claim:
        with django_capture_on_commit_callbacks(execute=True):
            return services.claim_create(actor=editor, data={"text": text})

    return create


EXAMPLE = Path(__file__).resolve().parents[2] / "claims" / "demo" / "kuril-islands-2021-02-15.txt"

ISLANDERS = "About 20,000 Russian citizens live on the disputed Kuril Islands."
REWORDED = "Some 20,000 Russians inhabit the contested Kurils."
OTHER_FIGURE = "About 17,000 Russian citizens live on the disputed Kuril Islands."
UNRELATED = "The city council approved a new budget for public libraries on Tuesday."
MISSILES = "Russia deployed new missile systems on the Kuril Islands."


def _claim(text: str, **kwargs) -> Claim:
    snapshot = SnapshotFactory(source=SourceFactory(), text=text)
    return ClaimFactory(snapshot=snapshot, text=text, end=len(text), **kwargs)


def _published(text: str) -> Claim:
    claim = _claim(text, status=ClaimStatus.PUBLISHED)
    Verdict.objects.create(
        claim=claim,
        state=Verdict.State.PUBLISHED,
        number=1,
        rating=Rating.FALSE,
        conclusion="The census counts fewer.",
        author=UserFactory(),
        published_at=timezone.now(),
    )
    return claim


@pytest.fixture
def no_encoder(monkeypatch):
    """The encoder's package is not installed (as on a machine that skipped it)."""
    monkeypatch.setattr(encoder_module, "MODEL_PACKAGE", "claimtracker_no_such_model_package")
    monkeypatch.setattr(encoder_module, "_loaded", {})
    yield
    encoder_module._loaded.clear()


def test_ingested_claims_are_embedded_with_the_model_id(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        text = EXAMPLE.read_text(encoding="utf-8")
        result = services.article_ingest(document=read_text(text), raw=text)
    stored = ClaimEmbedding.objects.filter(claim__in=result.new_claims)
    assert stored.count() == len(result.new_claims) > 0
    assert set(stored.values_list("model_id", flat=True)) == {MATCHING_MODEL_ID}
    allied = next(c for c in result.new_claims if c.text.startswith("Allied forces"))
    vector = embeddings.vectors_of([allied.pk])[allied.pk]
    expected = load_matching_encoder().encode([allied.text])[0]
    assert float(vector @ expected) > 0.999


def test_a_new_wording_is_embedded_again_and_an_unchanged_one_is_not(
    editor, create, django_capture_on_commit_callbacks
):
    claim = create(ISLANDERS)
    before = ClaimEmbedding.objects.get(claim=claim)
    assert before.text_sha256 == embeddings.text_digest(ISLANDERS)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_update(claim=claim, actor=editor, data={"text": REWORDED})
    after = ClaimEmbedding.objects.get(claim=claim)
    assert after.text_sha256 == embeddings.text_digest(REWORDED)
    assert bytes(after.vector) != bytes(before.vector)
    assert embeddings.embed([claim.pk], load_matching_encoder()) == 0  # already current


def test_a_new_claim_records_the_published_fact_check_it_repeats(create):
    checked = _published(ISLANDERS)
    _published(UNRELATED)
    claim = create(REWORDED)
    matches = list(ClaimMatch.objects.filter(claim=claim))
    assert [m.matched_id for m in matches][:1] == [checked.pk]
    assert matches[0].kind == "same" and matches[0].score > 0.5


def test_the_guard_labels_a_different_figure_related(create):
    checked = _published(ISLANDERS)
    claim = create(OTHER_FIGURE)
    match = ClaimMatch.objects.get(claim=claim, matched=checked)
    # From the new claim's side: it says 17,000 where the fact-check says 20,000.
    assert match.kind == "related"
    assert match.reason == "different figure: 17,000 vs 20,000"


def test_a_weak_match_is_related_and_does_not_make_a_claim_checked_before(create):
    # Same topic, another claim: the reranker scores it above MATCH_THRESHOLD (so the desk
    # shows it) but below SAME_CLAIM_THRESHOLD, so it is labelled "weak match" and the claim
    # stays "not checked before"; a rewording of the fact-check is checked before.
    checked = _published(ISLANDERS)
    weak = create(MISSILES)
    repeat = create(REWORDED)
    match = ClaimMatch.objects.get(claim=weak, matched=checked)
    assert MATCH_THRESHOLD <= match.score < SAME_CLAIM_THRESHOLD
    assert (match.kind, match.reason) == ("related", WEAK_MATCH)
    assert ClaimMatch.objects.get(claim=repeat, matched=checked).kind == "same"
    seen = claims_seen_before(Claim.objects.filter(pk__in=[weak.pk, repeat.pk]))
    assert list(seen.values_list("pk", flat=True)) == [repeat.pk]


def test_a_related_match_to_a_fact_check_is_not_checked_before(create):
    # 17,000 where the fact-check says 20,000: the desk shows the fact-check as related, but
    # the claim itself was never checked.
    _published(ISLANDERS)
    other = create(OTHER_FIGURE)
    assert not claims_seen_before(Claim.objects.filter(pk=other.pk)).exists()


def test_claims_of_the_same_article_and_dismissed_claims_are_not_matches():
    text = f"{ISLANDERS} {REWORDED}"
    snapshot = SnapshotFactory(text=text)
    first = ClaimFactory(snapshot=snapshot, start=0, end=len(ISLANDERS), text=ISLANDERS)
    _claim(ISLANDERS, status=ClaimStatus.DISMISSED)
    second = ClaimFactory(snapshot=snapshot, start=len(ISLANDERS) + 1, end=len(text))
    services.claims_embed_and_match([first.pk, second.pk])
    assert not ClaimMatch.objects.filter(claim=second).exists()


def test_seen_before_filters_the_api_and_the_desk(api, editor, client, create):
    _published(ISLANDERS)
    seen = create(REWORDED)
    unseen = create(UNRELATED)
    api.force_authenticate(editor)
    yes = api.get("/api/v1/claims/", {"seen_before": "true", "status": "new"}).json()
    no = api.get("/api/v1/claims/", {"seen_before": "false", "status": "new"}).json()
    assert [c["id"] for c in yes["results"]] == [seen.pk]
    assert [c["id"] for c in no["results"]] == [unseen.pk]
    bad = api.get("/api/v1/claims/", {"seen_before": "perhaps"})
    assert bad.status_code == 400
    client.force_login(editor)
    page = client.get("/admin/claims/claim/", {"seen_before": "yes"}).content.decode()
    assert REWORDED in page and UNRELATED not in page


def test_match_endpoint_ranks_by_meaning_and_labels_each_match(api, editor):
    checked = _published(ISLANDERS)
    other = _claim(OTHER_FIGURE)
    _claim(UNRELATED)
    api.force_authenticate(editor)
    response = api.get("/api/v1/claims/match/", {"text": REWORDED})
    assert response.status_code == 200
    body = response.json()
    assert body[0]["id"] == checked.pk and body[0]["match_kind"] == "same"
    assert body[0]["match_reason"] == "" and 0 < body[0]["similarity"] <= 1
    assert body[0]["verdicts"][0]["rating"] == Rating.FALSE
    labelled = {row["id"]: row for row in body}
    assert labelled[other.pk]["match_kind"] == "related"
    assert labelled[other.pk]["match_reason"] == "different figure: 20,000 vs 17,000"
    assert UNRELATED not in [row["text"] for row in body]


def test_match_endpoint_calls_a_weak_match_related(api, editor):
    # A REST client sees the fact-check on the same topic, with why it is not the same claim.
    checked = _published(ISLANDERS)
    api.force_authenticate(editor)
    body = api.get("/api/v1/claims/match/", {"text": MISSILES}).json()
    row = {r["id"]: r for r in body}[checked.pk]
    assert (row["match_kind"], row["match_reason"]) == ("related", WEAK_MATCH)
    assert MATCH_THRESHOLD <= row["similarity"] < SAME_CLAIM_THRESHOLD


@pytest.mark.parametrize("cross_encoder", [True, False])
def test_the_cross_encoder_reorders_the_matches_unless_turned_off(
    api, editor, settings, monkeypatch, cross_encoder
):
    """CLAIMS_MATCH_CROSS_ENCODER: on (the default), the shown matches among the first few are
    read by the cross-encoder; off, it is never loaded. The same matches either way."""
    from claims.semantic import ranking
    from claims.semantic.encoder import CROSS_ID

    settings.CLAIMS_MATCH_CROSS_ENCODER = cross_encoder
    asked: list[str] = []
    load = ranking.load_encoder

    def recording(model_id):
        asked.append(model_id)
        return load(model_id)

    monkeypatch.setattr(ranking, "load_encoder", recording)
    checked = _published(ISLANDERS)
    other = _claim(OTHER_FIGURE)
    _claim(UNRELATED)
    api.force_authenticate(editor)
    body = api.get("/api/v1/claims/match/", {"text": REWORDED}).json()
    assert {row["id"] for row in body} == {checked.pk, other.pk}
    assert body[0]["id"] == checked.pk
    assert asked == ([CROSS_ID] if cross_encoder else [])


def test_meaning_finds_a_rewording_that_shares_few_words(api, editor):
    checked = _published("Drinking hot water cures the coronavirus.")
    _claim("Hot air balloons return to the city festival this summer.")
    api.force_authenticate(editor)
    body = api.get(
        "/api/v1/claims/match/", {"text": "Drinking warm water will cure you of COVID-19."}
    ).json()
    assert body and body[0]["id"] == checked.pk


def test_without_the_encoder_matching_is_by_wording_and_says_so(
    api, editor, client, create, no_encoder
):
    checked = _published(ISLANDERS)
    claim = create(OTHER_FIGURE)
    assert not ClaimEmbedding.objects.exists()
    match = ClaimMatch.objects.get(claim=claim)
    assert (match.matched_id, match.kind) == (checked.pk, "related")
    api.force_authenticate(editor)
    response = api.get("/api/v1/claims/match/", {"text": ISLANDERS})
    assert response.status_code == 200 and response.json()[0]["id"] == checked.pk
    health = client.get("/healthz").json()
    assert health["matching"] == "wording"
    assert "claimtracker_no_such_model_package" in health["matching_problem"]
    client.force_login(editor)
    page = client.get("/admin/claims/claim/").content.decode()
    assert "Matching by meaning is off" in page


def test_health_says_matching_is_by_meaning(client):
    assert client.get("/healthz").json() == {"status": "ok", "matching": "meaning"}


def test_embed_claims_command_back_fills_with_progress():
    claims = [_claim(text) for text in (ISLANDERS, REWORDED, UNRELATED)]
    out, err = io.StringIO(), io.StringIO()
    call_command("embed_claims", stdout=out, stderr=err)
    assert ClaimEmbedding.objects.count() == 3
    assert f"Embedded 3 of 3 claims checked ({MATCHING_MODEL_ID})." in out.getvalue()
    assert "3/3 claims (100%" in err.getvalue()
    # A wording changed behind the service's back: only --all looks at every claim.
    Claim.objects.filter(pk=claims[0].pk).update(text=OTHER_FIGURE)
    call_command("embed_claims", stdout=(out := io.StringIO()), stderr=io.StringIO())
    assert "Embedded 0 of 0 claims checked" in out.getvalue()
    call_command("embed_claims", "--all", stdout=(out := io.StringIO()), stderr=io.StringIO())
    assert "Embedded 1 of 3 claims checked" in out.getvalue()
    stored = ClaimEmbedding.objects.get(claim=claims[0])
    assert stored.text_sha256 == embeddings.text_digest(OTHER_FIGURE)


def test_embed_claims_command_fails_clearly_without_the_encoder(no_encoder):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="The sentence encoder cannot load"):
        call_command("embed_claims", stdout=io.StringIO(), stderr=io.StringIO())


def test_the_approximate_index_and_its_tail_are_searched(settings, tmp_path):
    settings.CLAIMS_MATCH_INDEX_DIR = tmp_path / "index"
    encoder = load_matching_encoder()
    indexed = [_claim(text) for text in (ISLANDERS, UNRELATED)]
    embeddings.embed([c.pk for c in indexed], encoder)
    assert embeddings.build_ann_index(minimum=1) == 2
    assert (tmp_path / "index" / embeddings.ANN_FILE).is_file()
    later = _claim(REWORDED)  # stored after the build: in the tail
    embeddings.embed([later.pk], encoder)
    query = encoder.encode([REWORDED])[0]
    found = dict(embeddings.nearest(query, 3))
    assert set(found) == {indexed[0].pk, indexed[1].pk, later.pk}
    assert found[later.pk] == pytest.approx(1.0, abs=1e-2)
    assert max(found, key=found.get) == later.pk


def test_a_collection_below_the_minimum_gets_no_index(settings, tmp_path):
    settings.CLAIMS_MATCH_INDEX_DIR = tmp_path / "index"
    embeddings.embed([_claim(ISLANDERS).pk], load_matching_encoder())
    assert embeddings.build_ann_index(minimum=2) == 0
    assert not (tmp_path / "index").exists()


def test_exact_search_sees_new_rows_without_a_restart():
    encoder = load_matching_encoder()
    first = _claim(ISLANDERS)
    embeddings.embed([first.pk], encoder)
    query = encoder.encode([UNRELATED])[0]
    assert [pk for pk, _ in embeddings.nearest(query, 5)] == [first.pk]
    second = _claim(UNRELATED)
    embeddings.embed([second.pk], encoder)
    assert embeddings.nearest(query, 5)[0][0] == second.pk


def test_nlp_tasks_are_routed_to_their_own_queue(settings):
    for name in ("claims.embed_claims", "claims.build_match_index"):
        route = app.amqp.router.route({}, name)
        assert route["queue"].name == settings.CLAIMS_NLP_QUEUE == "nlp"
    assert app.amqp.router.route({}, "claims.extract_snapshot")["queue"].name != "nlp"


def test_vectors_round_trip_through_the_database():
    vector = load_matching_encoder().encode([ISLANDERS])[0]
    claim = _claim(ISLANDERS)
    embeddings.embed([claim.pk], load_matching_encoder())
    stored = embeddings.vectors_of([claim.pk])[claim.pk]
    assert stored.dtype == np.float32 and float(stored @ vector) > 0.999


def test_embed_refuses_the_vectors_of_another_model():
    # Matching searches MATCHING_MODEL_ID vectors only: another model's vectors stored under
    # that id would be silently wrong, under their own id silently ignored.
    other = Encoder(encoder_module.model_files(), model_id="some-other-model")
    claim = _claim(ISLANDERS)
    with pytest.raises(ValueError, match="load_matching_encoder"):
        embeddings.embed([claim.pk], other)
    assert not ClaimEmbedding.objects.filter(claim=claim).exists()


def test_match_endpoint_queries_do_not_grow_with_matches(api, editor):
    """claims/match/ reads the same number of queries for one match as for six, published or
    not: the candidates, their texts and vectors, then the answer's rows, versions and
    citations, each once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/v1/claims/match/", {"text": ISLANDERS})
        assert response.status_code == 200
        return len(captured), len(response.json())

    _published(ISLANDERS)
    api.force_authenticate(editor)
    queries()  # the user's roles, read once
    one_count, one = queries()
    for figure in ("18,000", "19,000", "21,000", "22,000"):
        _claim(ISLANDERS.replace("20,000", figure))
    _published(OTHER_FIGURE)
    many_count, many = queries()
    assert one == 1 and many >= 6
    assert many_count == one_count


def test_a_look_up_reads_its_candidates_in_queries_that_do_not_grow_with_them():
    """The candidates' texts and their stored vectors come in one query (a join), however many
    there are: the same three queries for 2 candidates as for 12 (the wording candidates, the
    exact index's freshness, the candidates); on PostgreSQL the wording look-up takes more."""

    def queries(count: int) -> int:
        Claim.objects.all().delete()
        claims = [_claim(f"About {20_000 + i} Russians live on the Kurils.") for i in range(count)]
        embeddings.embed([c.pk for c in claims], load_matching_encoder())
        match_text(ISLANDERS, limit=1)  # the exact index loaded, statements ready
        with CaptureQueriesContext(connection) as captured:
            found = match_text(ISLANDERS, limit=20)
        assert len(found) == count  # every one a candidate, and a match
        return len(captured)

    assert queries(2) == queries(12) == (3 if connection.vendor == "sqlite" else queries(12))
