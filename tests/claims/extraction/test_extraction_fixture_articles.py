"""Further articles, other topics and other boilerplate, so the extractor is not tuned to one page.

- eu-budget-row.html: a full news page (menu, cookie banner, newsletter box, byline, share
  buttons, footer, an in-body "Read more:" promo, og:/article: meta tags, a canonical link);
- barents-cod-quotas.txt: plain text, hard-wrapped at 72 columns, with a byline, a dateline,
  a photo credit, a "RELATED:" promo, a copyright line and an opinion/question/prediction;
- nav-only.html: a page with nothing but navigation and a footer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.extraction import (
    DEFAULT_MIN_SCORE,
    Extraction,
    InputError,
    ScoredSentence,
    extract,
    read_html,
    read_path,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
ALL_ARTICLES = sorted(p.name for p in FIXTURES.iterdir() if p.name != "nav-only.html")


def _find(extraction: Extraction, fragment: str) -> ScoredSentence:
    matches = [s for s in extraction.sentences if fragment in s.text]
    assert len(matches) == 1, f"{len(matches)} sentences contain {fragment!r}"
    return matches[0]


def _claim_texts(extraction: Extraction) -> list[str]:
    return [c.text for c in extraction.claims()]


# --- eu-budget-row.html ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def eu_budget() -> Extraction:
    return extract(read_path(FIXTURES / "eu-budget-row.html"))


def test_html_metadata_comes_from_meta_tags(eu_budget: Extraction) -> None:
    document = eu_budget.document
    assert document.format == "html"
    assert document.title == "EU budget row deepens as Hungary blocks 412 million euro aid package"
    # article:published_time is 09:30+01:00; stored in UTC.
    assert document.published_at == datetime(2023, 11, 28, 8, 30, tzinfo=UTC)
    assert document.author == "Marta Kowalska"
    assert document.publisher == "The Brussels Ledger"
    assert document.canonical_url == (
        "https://www.brusselsledger.example/politics/eu-budget-row-hungary-veto"
    )
    assert document.language == "en"


def test_html_text_keeps_paragraph_breaks(eu_budget: Extraction) -> None:
    paragraphs = eu_budget.document.text.split("\n\n")
    assert paragraphs[1].startswith("Hungary on Tuesday vetoed")
    assert paragraphs[2].startswith("The package, proposed by the European Commission")
    assert all(p == p.strip() and p for p in paragraphs)


def test_html_claims_quantities_and_speakers(eu_budget: Extraction) -> None:
    veto = _find(eu_budget, "Hungary on Tuesday vetoed")
    assert veto.checkworthiness >= DEFAULT_MIN_SCORE
    assert [(q.value, q.unit, q.text) for q in veto.quantities] == [
        (412e6, "euros", "412 million euros")
    ]
    quote = _find(eu_budget, "Hungary has blocked every compromise")
    assert quote.speaker == "Johannes Hahn"
    assert quote.checkworthiness >= DEFAULT_MIN_SCORE
    # The second quote of the paragraph is Hahn's too.
    assert _find(eu_budget, "This is not a dispute about money").speaker == "Johannes Hahn"
    auditors = _find(eu_budget, "45% of the cohesion funds")
    assert auditors.speaker == "European Court of Auditors"
    assert [(q.value, q.unit) for q in auditors.quantities] == [(45.0, "percent")]
    history = _find(eu_budget, "In 2020, Hungary and Poland held up")
    assert [(q.value, q.unit) for q in history.quantities] == [(1.8e12, "euros"), (2.0, "months")]
    assert _find(eu_budget, "Budapest insists").speaker == "Budapest"


def test_html_read_more_promo_is_dropped_whole(eu_budget: Extraction) -> None:
    # Another story's headline behind a "Read more:" label is page furniture, not the
    # article's claim (boilerplate.py, issue 14): the whole line goes, with its reason.
    text = eu_budget.document.text
    line = "Read more: Brussels releases €10.2bn of frozen funds to Budapest after judicial reforms"
    start = text.index(line)
    assert (start, start + len(line), "related-article link") in eu_budget.boilerplate
    assert not any("Brussels releases" in s.text for s in eu_budget.sentences)


def test_html_boilerplate_never_becomes_a_sentence(eu_budget: Extraction) -> None:
    sentences = " ".join(s.text for s in eu_budget.sentences)
    for junk in (
        "cookies",
        "Accept all",
        "Home",
        "Subscribe",
        "newsletter",
        "Share",
        "Facebook",
        "By Marta Kowalska",
        "Photograph",
        "Advertisement",
        "All rights reserved",
        "About us",
        "09.30 CET",
    ):
        assert junk not in sentences, junk
    reasons = {reason for _, _, reason in eu_budget.boilerplate}
    assert {"dateline", "newsletter signup", "share prompt", "related-article link"} <= reasons


def test_html_question_and_prediction_score_below_every_fact(eu_budget: Extraction) -> None:
    question = _find(eu_budget, "Is this the end of European solidarity?")
    prediction = _find(eu_budget, "The Commission is expected to present")
    facts = [
        _find(eu_budget, fragment)
        for fragment in ("Hungary on Tuesday vetoed", "26 countries backed", "In 2020, Hungary")
    ]
    for non_claim in (question, prediction):
        assert non_claim.checkworthiness < min(f.checkworthiness for f in facts)
    assert question.checkworthiness < DEFAULT_MIN_SCORE
    # The forecast is below the threshold on the debate model's score; the article prior
    # (declarative sentences of an article, chosen on the news pages) lifts it over: a known
    # cost, listed among the fixtures' other claims in bench/EXTRACTION.md.
    debate_only = extract(eu_budget.document, article_prior=0.0)
    assert _find(debate_only, "The Commission is expected to present").checkworthiness < (
        DEFAULT_MIN_SCORE
    )
    assert "question" in {f.name for f in question.features}
    assert "prediction" in {f.name for f in prediction.features}


# --- barents-cod-quotas.txt ------------------------------------------------------------------


@pytest.fixture(scope="module")
def cod() -> Extraction:
    return extract(read_path(FIXTURES / "barents-cod-quotas.txt"))


def test_text_metadata_from_headline_byline_dateline_and_copyright(cod: Extraction) -> None:
    document = cod.document
    assert document.format == "text"
    assert document.title == "Cod quotas slashed as warming seas push stocks north"
    assert document.author == "Ingrid Solberg"
    assert document.published_at == datetime(2023, 3, 3, 9, 15, tzinfo=UTC)  # not "Updated"
    assert document.publisher == "The North Atlantic Courier"
    assert document.language == "en"


def test_hard_wrapped_sentences_span_lines(cod: Extraction) -> None:
    landed = _find(cod, "Fishing fleets in the Barents Sea landed")
    assert landed.text.endswith("according to the Norwegian Directorate of Fisheries.")
    assert "\n" in landed.text
    assert landed.speaker == "Norwegian Directorate of Fisheries"


def test_text_claims_quantities_and_attributions(cod: Extraction) -> None:
    landed = _find(cod, "3,200 tonnes")
    assert [(q.value, q.unit, q.text) for q in landed.quantities] == [
        (3200.0, "tonnes", "3,200 tonnes")
    ]
    stocks = _find(cod, "7 out of 10")
    assert [(q.value, q.unit) for q in stocks.quantities] == [(0.7, "out of 10")]
    assert stocks.speaker == "International Council for the Exploration of the Sea scientists"
    cut = _find(cod, "20% cut")
    assert [(q.value, q.unit) for q in cut.quantities] == [(20.0, "percent")]
    us = _find(cod, "fell 45\nper cent")
    assert us.speaker == "U.S. National Oceanic and Atmospheric Administration"
    assert [(q.value, q.unit, q.text) for q in us.quantities] == [(45.0, "percent", "45\nper cent")]
    warming = _find(cod, "1.5 degrees")
    assert warming.speaker == "Norwegian Meteorological Institute"
    for sentence in (landed, stocks, cut, us, warming):
        assert sentence.checkworthiness >= DEFAULT_MIN_SCORE


def test_initials_and_titles_do_not_split_and_she_resolves(cod: Extraction) -> None:
    hansen = _find(cod, "Hansen, a marine biologist")
    assert hansen.text.startswith("Dr. J. R. Hansen, a marine biologist")
    assert hansen.speaker == "J. R. Hansen"
    assert _find(cod, "following the cold water").speaker == "J. R. Hansen"
    assert _find(cod, "Ten years ago we").speaker == "J. R. Hansen"


def test_related_promo_headline_is_dropped(cod: Extraction) -> None:
    assert not any("Norway and Russia agree joint quota" in s.text for s in cod.sentences)


def test_opinion_question_and_prediction_are_not_claims(cod: Extraction) -> None:
    factual = min(
        _find(cod, fragment).checkworthiness
        for fragment in ("3,200 tonnes", "7 out of 10", "1.5 degrees", "40 kilometres")
    )
    for fragment in (
        "Is this the end of the Arctic cod fishery?",
        "I think we are seeing",
        "In my view",
        "the fish will come",
        "They always have.",
    ):
        sentence = _find(cod, fragment)
        assert sentence.checkworthiness < DEFAULT_MIN_SCORE, fragment
        assert sentence.checkworthiness < factual, fragment
        assert sentence not in cod.claims()


def test_text_boilerplate_is_dropped(cod: Extraction) -> None:
    text = cod.document.text
    dropped = {text[s:e]: reason for s, e, reason in cod.boilerplate}
    assert dropped["Menu | News | Climate | Oceans | Opinion | Podcasts"] == "navigation menu"
    assert dropped["By Ingrid Solberg in Tromsø"] == "byline"
    assert dropped["Photo: Kjetil Berg/Reuters"] == "photo credit"
    assert dropped["Advertisement"] == "advertisement"
    assert dropped["RELATED: Norway and Russia agree joint quota of 566,000 tonnes for 2023"] == (
        "related-article link"
    )
    assert dropped["inbox."] == "newsletter signup"  # the wrapped tail of the signup line
    assert dropped["Share this article: Facebook | Twitter | Email"] == "share prompt"
    assert dropped["© 2023 The North Atlantic Courier. All rights reserved."] == "copyright line"
    assert any(r == "cookie banner" for r in dropped.values())
    assert any(t.startswith("Published: 3 March 2023") for t in dropped)
    sentences = " ".join(s.text for s in cod.sentences)
    for junk in ("cookies", "newsletter", "inbox", "Share", "©", "Podcasts", "Photo:"):
        assert junk not in sentences, junk


# --- nav-only.html and the offset invariant ---------------------------------------------------


def test_html_without_article_text_is_an_input_error() -> None:
    html = (FIXTURES / "nav-only.html").read_text()
    with pytest.raises(InputError, match=r"^The HTML contains no article text") as error:
        read_html(html)
    assert "\n" not in str(error.value)
    with pytest.raises(InputError, match=r"^nav-only\.html: The HTML contains no article text"):
        read_path(FIXTURES / "nav-only.html")


@pytest.mark.parametrize("name", ALL_ARTICLES)
def test_every_span_of_every_fixture_points_into_the_text(name: str) -> None:
    extraction = extract(read_path(FIXTURES / name))
    text = extraction.document.text
    assert extraction.sentences
    previous_end = 0
    for sentence in extraction.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end  # in text order, no overlaps
        previous_end = sentence.end
        assert 0.0 <= sentence.checkworthiness <= 1.0
        for quantity in sentence.quantities:
            assert text[quantity.start : quantity.end] == quantity.text
            assert sentence.start <= quantity.start < quantity.end <= sentence.end
    for start, end, reason in extraction.boilerplate:
        assert reason
        assert text[start:end] == text[start:end].strip()
        assert not any(s.start < end and start < s.end for s in extraction.sentences)
