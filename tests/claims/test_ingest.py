"""`manage.py ingest` and the ingestion service: articles in, located and attributed claims out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import read_html, read_text
from claims.models import Claim, ClaimEvent
from claims.services import article_ingest
from sources.models import Snapshot, Source

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "claims" / "demo" / "kuril-islands-2021-02-15.txt"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
BOILERPLATE = (
    "icon bookmark",
    "15 Feb, 2021 11:59",
    "Share this story",
    "Think your friends",
)


def _ingest_json(*args: str) -> dict:
    out = io.StringIO()
    call_command("ingest", *args, "--format=json", stdout=out)
    return json.loads(out.getvalue())


def _row_counts() -> tuple[int, int, int, int]:
    return (
        Source.objects.count(),
        Snapshot.objects.count(),
        Claim.objects.count(),
        ClaimEvent.objects.count(),
    )


def test_ingest_example_article_as_json():
    result = _ingest_json(str(EXAMPLE))

    article = result["article"]
    assert article["published_at"].startswith("2021-02-15T11:59")
    assert article["title"].startswith("Russia & Japan could finally sign WWII peace deal")
    assert article["url"] is None
    texts = [claim["text"] for claim in result["claims"]]
    allied = next(
        c for c in result["claims"] if c["text"].startswith("Allied forces even provided")
    )
    islanders = next(c for c in result["claims"] if "20,000 Russian islanders" in c["text"])
    assert islanders["text"].startswith("US tells 20,000 Russian islanders")
    assert islanders["speaker"] == "US"
    assert {"value": 20000, "unit": "Russian islanders"}.items() <= {
        k: v for k, v in islanders["quantities"][0].items() if k in {"value", "unit"}
    }.items()
    medvedev = next(c for c in result["claims"] if "Medvedev said" in c["text"])
    assert medvedev["speaker"] == "Dmitry Medvedev"
    for text in texts:
        assert not any(junk in text for junk in BOILERPLATE), text
    # Offsets point into the stored text.
    snapshot = Snapshot.objects.get(pk=article["snapshot"])
    for claim in result["claims"]:
        assert snapshot.text[claim["start"] : claim["end"]] == claim["text"]
    assert allied["checkworthiness"] >= 0.5


def test_ingest_stores_features_and_an_event_per_claim():
    result = _ingest_json(str(EXAMPLE))
    claim = Claim.objects.get(pk=result["claims"][0]["id"])
    assert claim.features, "the features behind the score are stored"
    assert {"name", "value", "weight", "contribution"} <= set(claim.features[0])
    assert claim.events.get().action == "extracted"
    assert ClaimEvent.objects.count() == Claim.objects.count()


def test_ingesting_the_same_article_twice_adds_nothing():
    first = _ingest_json(str(EXAMPLE))
    counts = _row_counts()
    second = _ingest_json(str(EXAMPLE))
    assert _row_counts() == counts
    assert second["article"]["created"] is False
    assert [c["id"] for c in second["claims"]] == [c["id"] for c in first["claims"]]


def test_lower_min_score_on_a_second_ingest_adds_only_the_new_claims():
    strict = _ingest_json(str(EXAMPLE), "--min-score=0.9")
    loose = _ingest_json(str(EXAMPLE), "--min-score=0.1")
    assert len(loose["claims"]) > len(strict["claims"])
    assert Claim.objects.count() == len(loose["claims"])


def test_ingest_table_output_lists_claims():
    out = io.StringIO()
    call_command("ingest", str(EXAMPLE), stdout=out)
    table = out.getvalue()
    assert "Allied forces even provided ships" in table
    assert "Dmitry Medvedev" in table


def test_ingest_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    result = _ingest_json("-")
    assert any(c["text"].startswith("Allied forces") for c in result["claims"])


def test_ingest_with_url_identifies_the_article_and_a_changed_text_is_a_new_snapshot(tmp_path):
    url = "https://www.rt.com/russia/515439-japan-kuril-islands/?utm_source=x"
    first = _ingest_json(str(EXAMPLE), f"--url={url}")
    assert first["article"]["url"] == "https://www.rt.com/russia/515439-japan-kuril-islands/"
    changed = tmp_path / "changed.txt"
    changed.write_text(
        EXAMPLE.read_text() + "\n\nIn 2022, Japan said 3,200 tonnes of fish were caught there.\n"
    )
    second = _ingest_json(str(changed), f"--url={url}")
    assert second["article"]["id"] == first["article"]["id"]
    assert second["article"]["snapshot"] != first["article"]["snapshot"]
    assert Source.objects.count() == 1 and Snapshot.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav><footer>(c)</footer></body></html>", "no"),
    ],
    ids=["empty", "blank", "binary", "html-without-text"],
)
def test_bad_input_is_a_clear_error_and_stores_nothing(tmp_path, content, message):
    path = tmp_path / "input"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        call_command("ingest", str(path), "--format=json", stdout=io.StringIO())
    assert "\n" not in str(error.value)
    assert _row_counts() == (0, 0, 0, 0)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"nope\.txt"):
        call_command("ingest", str(tmp_path / "nope.txt"), stdout=io.StringIO())
    assert _row_counts() == (0, 0, 0, 0)


def test_bad_url_and_bad_score_are_refused_before_anything_is_stored():
    with pytest.raises(CommandError, match="not http or https"):
        call_command("ingest", str(EXAMPLE), "--url=ftp://x.org/a", stdout=io.StringIO())
    with pytest.raises(CommandError, match=r"outside 0\.\.1"):
        call_command("ingest", str(EXAMPLE), "--min-score=2", stdout=io.StringIO())
    assert _row_counts() == (0, 0, 0, 0)


def test_html_article_uses_its_metadata_and_canonical_url():
    html = (FIXTURES / "eu-budget-row.html").read_text()
    result = article_ingest(document=read_html(html), raw=html)
    assert result.article.url and result.article.url.startswith("https://")
    assert result.article.published_at is not None
    assert result.article.publisher
    assert result.new_claims
    for claim in result.new_claims:
        assert result.snapshot.text[claim.start : claim.end] == claim.text


def test_pasted_text_is_identified_by_its_content():
    text = "The council said it spent 412 million euros on the bridge in 2019.\n"
    first = article_ingest(document=read_text(text), raw=text)
    second = article_ingest(document=read_text(text + "\n\n"), raw=text + "\n\n")
    assert first.article.pk == second.article.pk
    assert second.created is False
    assert Snapshot.objects.count() == 1


def test_a_markdown_paste_is_stored_as_its_plain_text():
    text = (
        "# Rents hit a record\n\n"
        "Average rents rose **9.2%** to £1,300 a month, the [ONS](https://www.ons.gov.uk) said.\n\n"
        "## Why\n\n"
        "> Supply has fallen by 12,000 homes, said Jane Doe of the Resolution Foundation.\n"
    )
    result = article_ingest(document=read_text(text), raw=text)
    assert "**" not in result.snapshot.text and "](" not in result.snapshot.text
    assert result.new_claims
    for claim in result.new_claims:
        assert result.snapshot.text[claim.start : claim.end] == claim.text
    again = article_ingest(document=read_text(text), raw=text)
    assert again.created is False
