"""The real-news yardstick (bench/eval_extraction.py) and its gold labels.

The labels must stay usable while the extractor changes: every `must` names exactly one place
of its page and every junk string is on the page. The figures themselves are not asserted
here (the targets live in bench/EXTRACTION.md); only that the evaluator runs the service's
path over every page and returns proportions.
"""

from __future__ import annotations

import math

import pytest

from bench.eval_extraction import (
    GoldPage,
    PageResult,
    Read,
    gold_problems,
    load_gold,
    read_page,
    same_entity,
    score_page,
    totals,
)

GOLD = load_gold()
NEWS = [p for p in GOLD if p.set == "news"]


@pytest.fixture(scope="module")
def reads() -> dict[str, Read]:
    """Each page read once through the service's path, for all the tests here."""
    return {page.file: read_page(page.path) for page in GOLD}


@pytest.fixture(scope="module")
def results(reads: dict[str, Read]) -> list[PageResult]:
    return [score_page(page, reads[page.file]) for page in GOLD]


def test_gold_covers_the_eight_news_pages_and_the_example_article() -> None:
    assert len(NEWS) == 8
    assert len({p.file for p in GOLD}) == len(GOLD)
    for page in GOLD:
        assert page.path.exists(), f"{page.file} is missing: see bench/data/news/README.md"
        assert page.title and page.date_published
        assert any(c.required for c in page.claims)
        assert page.junk
    example = next(p for p in GOLD if p.name == "kuril-islands-2021-02-15.txt")
    required = {c.must for c in example.claims if c.required}
    assert any("Allied forces" in m and "provided ships" in m for m in required)
    assert any("20,000" in m and "islanders" in m for m in required)


@pytest.mark.parametrize("page", GOLD, ids=lambda p: p.name)
def test_gold_labels_are_well_formed(page: GoldPage, reads: dict[str, Read]) -> None:
    assert gold_problems(page, reads[page.file].document.text) == []


def test_evaluator_returns_proportions_for_every_page(results: list[PageResult]) -> None:
    assert [r.page for r in results] == GOLD
    for result in results:
        counts = result.counts
        assert result.read.claims, f"no claims from {result.page.name}"
        assert counts.must_total == sum(c.required for c in result.page.claims)
        for value in (counts.must_recall, counts.speaker_precision, counts.speaker_recall):
            assert 0.0 <= value <= 1.0 and not math.isnan(value)
        # Every miss is explained, so engineers can work from the report.
        assert len(result.misses) == counts.must_total - counts.must_found
        assert counts.junk == len(result.junk_claims)
    news = totals(results)["news"]
    assert news.pages == 8
    assert 0 <= news.dates_right <= 8
    for value in (news.must_recall, news.speaker_precision, news.speaker_recall):
        assert 0.0 <= value <= 1.0


@pytest.mark.parametrize(
    ("given", "gold", "same"),
    [
        ("Jason Kersten", "Jason Kersten", True),
        ("Department of Correction spokesman Jason Kersten", "Jason Kersten", True),
        ("Kersten", "Jason Kersten", True),
        ("Dr Fauci", "Anthony Fauci", True),
        ("His Honour Judge Neil Ford QC", "Neil Ford", True),
        ("the Associated Press", "Associated Press", True),
        ("Lukas Stefanko with ESET", "Lukas Stefanko", True),
        ("Velazquez", "Marjorie Velázquez", True),
        ("Emails", "Jason Kersten", False),
        ("Jason", "Jason Kersten", False),
        ("NBC News' Today", "Anthony Fauci", False),
        ("", "Jason Kersten", False),
    ],
)
def test_speaker_names_match_the_same_entity_only(given: str, gold: str, same: bool) -> None:
    assert same_entity(given, gold) is same
