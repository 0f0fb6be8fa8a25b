"""`manage.py import_claimreview`: every fixture kind stored, the JSON summary's exact shape,
re-importing updates instead of doubling, and unreadable input exits with a message."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.external_models import ExternalReview

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claimreview"
FIXTURE_FILES = sorted(
    path.name for path in FIXTURES.iterdir() if path.suffix in {".json", ".html"}
)
REVIEW_KEYS = {
    "url",
    "claim_reviewed",
    "rating_name",
    "rating_value",
    "author",
    "date_published",
    "item_author",
    "language",
}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_claimreview", *args, stdout=out)
    return out.getvalue()


def run_json(path: Path | str) -> dict:
    output = run(str(path), "--format", "json")
    return json.loads(output)  # exactly one JSON object, nothing else on stdout


def test_the_fixture_set_holds_every_kind():
    assert len(FIXTURE_FILES) == 19


@pytest.mark.parametrize("fixture", FIXTURE_FILES)
def test_each_fixture_is_imported(fixture):
    summary = run_json(FIXTURES / fixture)
    expected = 15 if fixture == "newtral_fakes_index_raw.json" else 1
    assert (summary["imported"], summary["updated"], summary["skipped"]) == (expected, 0, [])
    assert len(summary["reviews"]) == expected
    assert ExternalReview.objects.count() == expected
    for review in summary["reviews"]:
        assert set(review) == REVIEW_KEYS
        assert ExternalReview.objects.filter(url=review["url"]).exists()


def test_the_json_summary_exactly():
    summary = run_json(FIXTURES / "africa_check_raw_old.json")
    assert summary == {
        "imported": 1,
        "updated": 0,
        "skipped": [],
        "reviews": [
            {
                "url": "https://africacheck.org/reports/fact-checking-president-ramaphosa-have-51"
                "-of-south-african-women-experienced-intimate-partner-violence/",
                "claim_reviewed": "As many as “51% of South African women have experienced "
                "violence at the hands of someone with whom they are in a relationship”.",
                "rating_name": "Incorrect",
                "rating_value": 1,
                "author": "Africa Check",
                "date_published": "2020-07-06T12:35:18+01:00",
                "item_author": "South African president Cyril Ramaphosa",
                "language": "en-GB",
            }
        ],
    }
    row = ExternalReview.objects.get()
    assert (row.rating, row.best_rating, row.worst_rating) == ("false", 6, 1)
    assert row.raw["reviewRating"]["alternateName"] == "Incorrect \r"  # verbatim
    assert row.publisher_site == "africacheck.org"
    assert row.imported_from == str(FIXTURES / "africa_check_raw_old.json")
    assert row.published_at.isoformat() == "2020-07-06T11:35:18+00:00"


def test_missing_values_are_null_in_the_summary():
    review = run_json(FIXTURES / "newtral_fakes_index_raw.json")["reviews"][0]
    assert review["rating_value"] is None
    assert review["item_author"] is None
    assert review["language"] is None


def test_skipped_reviews_are_listed_with_reason_and_place(tmp_path):
    document = tmp_path / "feed.json"
    document.write_text(
        json.dumps(
            {
                "items": [
                    {"@type": "ClaimReview", "claimReviewed": "No address for this one."},
                    {"@type": "ClaimReview", "url": "https://checks.example/1"},
                ]
            }
        )
    )
    summary = run_json(document)
    assert summary["imported"] == 1
    assert summary["skipped"] == [{"reason": "no url", "where": "$.items[0]"}]


def test_importing_again_updates_and_never_duplicates():
    first = run_json(FIXTURES / "newtral_fakes_index_raw.json")
    ids = set(ExternalReview.objects.values_list("id", flat=True))
    second = run_json(FIXTURES / "newtral_fakes_index_raw.json")
    assert (first["imported"], first["updated"]) == (15, 0)
    assert (second["imported"], second["updated"], second["skipped"]) == (0, 15, [])
    assert set(ExternalReview.objects.values_list("id", flat=True)) == ids
    # The article page carries the listing's first review: the same row, updated.
    third = run_json(FIXTURES / "newtral_fakes_raw.json")
    assert (third["imported"], third["updated"]) == (0, 1)
    assert ExternalReview.objects.count() == 15
    assert ExternalReview.objects.get(url=third["reviews"][0]["url"]).language == "es"


def test_the_summary_names_the_rows_written_new_and_updated():
    from claims.interchange.services import claimreview_import

    first = claimreview_import(path=str(FIXTURES / "newtral_fakes_index_raw.json"))
    again = claimreview_import(path=str(FIXTURES / "newtral_fakes_index_raw.json"))
    by_url = dict(ExternalReview.objects.values_list("url", "pk"))
    assert first.review_ids == [by_url[review.url] for review in first.reviews]
    assert again.review_ids == first.review_ids


def test_a_changed_rating_is_updated(tmp_path):
    review = {
        "@type": "ClaimReview",
        "url": "https://checks.example/a",
        "claimReviewed": "The bridge cost 3 billion.",
        "reviewRating": {"alternateName": "Mostly false"},
    }
    document = tmp_path / "a.json"
    document.write_text(json.dumps(review))
    run_json(document)
    review["reviewRating"] = {"alternateName": "False", "ratingValue": "1", "bestRating": "5"}
    document.write_text(json.dumps(review))
    assert run_json(document)["updated"] == 1
    row = ExternalReview.objects.get()
    assert (row.rating_name, row.rating, row.rating_value, row.best_rating) == (
        "False",
        "false",
        1,
        5,
    )


def test_the_readable_summary():
    output = run(str(FIXTURES / "lupa_raw.json"))
    assert output.splitlines()[0] == "Imported 1, updated 0, skipped 0."
    assert "Agência Lupa, 2020-08-31T17:22:16: Falso (ours: false):" in output
    assert "https://piaui.folha.uol.com.br/lupa/2020/08/31/verificamos-viaduto-obra-bolsonaro/" in (
        output
    )


def test_a_document_without_claimreview_says_so(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>No markup.</p></body></html>")
    assert "No ClaimReview found" in run(str(page))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Just a few words, no markup.", "neither JSON nor HTML"),
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
    ],
)
def test_unreadable_files_exit_with_a_message(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path), "--format", "json")
    assert not ExternalReview.objects.exists()


def test_a_missing_file_exits_with_a_message(tmp_path):
    with pytest.raises(CommandError, match=r"No such file: .*nope\.json"):
        run(str(tmp_path / "nope.json"))


def test_a_refused_url_exits_with_a_message(settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    with pytest.raises(CommandError, match="Could not fetch"):
        run("http://127.0.0.1/feed.json")
    assert not ExternalReview.objects.exists()
