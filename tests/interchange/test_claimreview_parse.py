"""Reading ClaimReview from every kind of document the corpus holds, and the edge cases real
publishers produce (tests/fixtures/claimreview/README.md). No database: the parser is pure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.interchange.claimreview_import import (
    DocumentError,
    decode,
    parse_document,
    parse_value,
)
from claims.interchange.jsonld import iso_date, language_tag, review_url
from sources.normalize import InvalidURL

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claimreview"


def parse_fixture(name: str):
    return parse_document(decode((FIXTURES / name).read_bytes()))


def only_review(name: str):
    result = parse_fixture(name)
    assert result.skipped == []
    assert len(result.reviews) == 1, [review.url for review in result.reviews]
    return result.reviews[0]


# (fixture, rating_name, rating_value, best, worst, our rating, language, publisher,
#  item_author, date_published)
EXPECTED = [
    (
        "afp_raw.json",
        "False",
        1,
        5,
        1,
        "false",
        "en",
        "AFP Fact Check",
        "multiple sources",
        "2020-06-24T00:03:00",
    ),
    ("afp_factuel_raw.json", "Faux", 1, 5, 1, "false", "fr", "AFP", "Sources multiples", None),
    ("afp_faktencheck_raw.json", "Falsch", 1, 5, 1, "false", "de", "AFP", "Facebook-Nutzer", None),
    ("afp_factual_raw.json", "Engañoso", 2, 5, 1, "misleading", "es", "Factual", None, None),
    ("afp_fact_check_hindi_raw.json", None, 1, 5, 1, None, "hi", "AFP", "Several persons", None),
    (
        "africa_check_raw_old.json",
        "Incorrect",
        1,
        6,
        1,
        "false",
        "en-GB",
        "Africa Check",
        "South African president Cyril Ramaphosa",
        "2020-07-06T12:35:18+01:00",
    ),
    (
        "aos_fatos_raw.json",
        "não_é_bem_assim",
        5,
        6,
        None,
        None,
        "pt-BR",
        "Aos Fatos",
        "desinformação",
        "2022-08-11",
    ),
    ("bangla_boom_live_raw.json", "False", 1, None, None, "false", "bn", "BOOM", None, None),
    (
        "boom_live_raw.html",
        "False",
        1,
        None,
        None,
        "false",
        "en",
        "BOOM",
        "Facebook Page - NoConversion",
        "2019-04-10T12:09:05+05:30",
    ),
    (
        "data_commons_raw.json",
        None,
        None,
        None,
        None,
        None,
        None,
        "Deutsche Presse-Agentur",
        "Irmin Suhl",
        "2019-09-20",
    ),
    ("efe_verifica_raw.json", "Falso.", 1, 5, 1, "false", "es", "Agencia EFE", None, "2022-10-24"),
    (
        "fatabyyano_raw.json",
        "زائف",
        None,
        None,
        None,
        "false",
        "ar",
        "Fatabyyano Platform",
        None,
        None,
    ),
    (
        "lupa_raw.json",
        "Falso",
        4,
        6,
        None,
        "false",
        "pt-BR",
        "Agência Lupa",
        "Post no Facebook",
        None,
    ),
    ("newtral_fakes_raw.json", "Falso", None, None, None, "false", "es", "Newtral", None, None),
    (
        "tfc_taiwan_raw.json",
        "錯誤",
        None,
        5,
        1,
        "false",
        "zh-Hant",
        "台灣事實查核中心",
        "Line, FB",
        None,
    ),
    (
        "the_quint_raw.html",
        "False",
        1,
        5,
        0,
        "false",
        "en",
        "The Quint",
        "Facebook,WhatsApp,Twitter,media outlets",
        None,
    ),
    (
        "twenty_minutes_claim_review_page.json",
        "really_false",
        None,
        None,
        None,
        "false",
        "fr",
        "20 minutes",
        "Réseaux sociaux",
        "2022-05-11",
    ),
]


@pytest.mark.parametrize(
    (
        "fixture",
        "rating_name",
        "value",
        "best",
        "worst",
        "ours",
        "language",
        "publisher",
        "item_author",
        "date",
    ),
    EXPECTED,
)
def test_each_publisher_page_gives_its_review(
    fixture, rating_name, value, best, worst, ours, language, publisher, item_author, date
):
    review = only_review(fixture)
    if rating_name is not None:
        assert review.rating_name == rating_name
    else:
        assert review.rating_name  # a sentence: present, but maps to nothing
    assert (review.rating_value, review.best_rating, review.worst_rating) == (value, best, worst)
    assert review.rating == ours
    assert review.language == language
    assert review.publisher_name == publisher
    if item_author is not None:
        assert review.item_author == item_author
    if date is not None:
        assert review.date_published == date
    assert review.url.startswith("https://")
    assert review.claim_reviewed
    assert isinstance(review.raw, dict)


def test_a_datacommons_feed_item_with_a_sentence_for_a_rating():
    review = only_review("data_commons_raw.json")
    assert review.url == "https://www.presseportal.de/pm/133833/4381130"
    assert review.rating_name.startswith("Reker hat diesen Satz nie gesagt.")
    assert review.rating is None and review.rating_value is None
    assert review.item_author == "Irmin Suhl" and review.item_author_type == "Person"
    assert review.claim_date == "2019-09-07"
    assert review.appearances == (
        "https://www.facebook.com/photo.php?fbid=389949688569877&set=a.155170952047753&type=3"
        "&theater",
    )
    # sdPublisher (Google Fact Check Tools) is who marked it up, not who reviewed it.
    assert review.publisher_name == "Deutsche Presse-Agentur"
    assert review.publisher_site == "presseportal.de"
    assert review.where == "$.item[0]"


def test_a_whole_datacommons_feed():
    item = json.loads((FIXTURES / "data_commons_raw.json").read_text())
    second = json.loads(json.dumps(item))
    second["item"][0]["url"] = "https://www.presseportal.de/pm/133833/4999999"
    feed = {
        "@context": "http://schema.org",
        "@type": "DataFeed",
        "dateModified": "2019-12-09T15:11:25Z",
        "dataFeedElement": [item, second],
    }
    result = parse_value(feed)
    assert [review.url for review in result.reviews] == [
        "https://www.presseportal.de/pm/133833/4381130",
        "https://www.presseportal.de/pm/133833/4999999",
    ]
    assert result.reviews[1].where == "$.dataFeedElement[1].item[0]"


def test_a_google_fact_check_tools_claim():
    review = only_review("google_fact_check_raw.json")
    assert review.url.startswith("https://www.vishvasnews.com/urdu/society/viral-video-of-doctor")
    assert review.claim_reviewed == "کانپور کے ہیلٹ اسپتال میں مریض کی پٹائی کرتا ڈاکٹر"
    assert review.item_author == "FB User-Harshit Pandey"
    assert review.claim_date == "2019-06-20T12:12:40+00:00"
    assert review.date_published == "2019-06-20T12:12:40+00:00"
    assert review.publisher_site == "vishvasnews.com"
    assert review.publisher_name is None  # the API gave only the site
    assert (review.rating_name, review.rating, review.language) == ("False", "false", "ur")
    assert review.title.startswith("فیکٹ چیک")
    assert review.where == "$.claimReview[0]"


def test_a_google_claims_search_response_with_several_claims_and_reviews():
    claim = json.loads((FIXTURES / "google_fact_check_raw.json").read_text())
    other = json.loads(json.dumps(claim))
    other["claimReview"] = [
        {
            "publisher": {"name": "Africa Check", "site": "africacheck.org"},
            "url": "https://africacheck.org/fact-checks/reports/x",
            "textualRating": "Mostly False",
            "languageCode": "en",
        },
        {"publisher": {"name": "No URL"}, "textualRating": "False"},
    ]
    result = parse_value({"claims": [claim, other], "nextPageToken": "abc"})
    assert [review.publisher_name for review in result.reviews] == [None, "Africa Check"]
    assert result.reviews[1].rating == "mostly_false"
    assert [item.as_dict() for item in result.skipped] == [
        {"reason": "no url", "where": "$.claims[1].claimReview[1]"}
    ]


def test_a_listing_api_with_fifteen_reviews_and_extra_fields():
    result = parse_fixture("newtral_fakes_index_raw.json")
    assert len(result.reviews) == 15 and result.skipped == []
    assert {review.rating for review in result.reviews} == {"false"}
    assert [review.where for review in result.reviews[:2]] == ["$.data[0]", "$.data[1]"]
    first = result.reviews[0]
    assert (
        first.url == "https://www.newtral.es/orquesta-corea-del-norte-killing-in-the-name/20221017/"
    )
    assert first.language is None  # no inLanguage, no page, no languageCode
    assert "alternateImage" in first.raw  # the publisher's own fields are kept verbatim


def test_the_listing_and_the_article_name_the_same_review():
    listed = parse_fixture("newtral_fakes_index_raw.json").reviews[0]
    page = only_review("newtral_fakes_raw.json")
    assert page.url == listed.url
    assert page.where == "$.page > JSON-LD 1 > $.@graph[7]"


def test_claim_reviewed_as_a_list_gives_its_first_string():
    review = only_review("the_quint_raw.html")
    assert review.raw["claimReviewed"] == ["Last Tweets of Sushant Singh Rajput shared on 14 June"]
    assert review.claim_reviewed == "Last Tweets of Sushant Singh Rajput shared on 14 June"


def test_type_as_a_list_author_as_a_list_of_persons_and_a_url_without_scheme():
    review = only_review("aos_fatos_raw.json")
    assert review.raw["@type"] == ["Review", "ClaimReview"]
    assert review.raw["url"].startswith("aosfatos.org/")
    assert review.url == (
        "https://aosfatos.org/noticias/video-manipulado-faz-crer-que-drauzio-incentiva-criancas"
        "-a-usarem-drogas/"
    )
    # The writers are Persons; the organisation is the publisher.
    assert review.publisher_name == "Aos Fatos" and review.publisher_site == "aosfatos.org"
    assert review.rating_name == "não_é_bem_assim" and review.rating is None


def test_a_person_as_author_and_as_the_claims_author():
    review = only_review("boom_live_raw.html")
    assert review.raw["author"]["@type"] == "Person"
    assert review.publisher_name == "BOOM"
    assert review.item_author_type == "Person"


def test_a_trailing_carriage_return_in_the_rating_is_stripped():
    review = only_review("africa_check_raw_old.json")
    assert review.raw["reviewRating"]["alternateName"] == "Incorrect \r"
    assert review.rating_name == "Incorrect"


@pytest.mark.parametrize(
    ("fixture", "raw_value", "value"),
    [
        ("afp_raw.json", "1", 1),  # a string
        ("lupa_raw.json", 4, 4),  # an integer
        ("fatabyyano_raw.json", "", None),  # an empty string
        ("twenty_minutes_claim_review_page.json", "-1", None),  # "no numeric rating"
        ("tfc_taiwan_raw.json", None, None),  # missing
    ],
)
def test_rating_value_forms(fixture, raw_value, value):
    review = only_review(fixture)
    assert review.raw["reviewRating"].get("ratingValue") == raw_value
    assert review.rating_value == value


def test_a_minus_one_scale_is_no_scale():
    review = only_review("twenty_minutes_claim_review_page.json")
    assert review.raw["reviewRating"]["bestRating"] == "-1"
    assert (review.best_rating, review.worst_rating) == (None, None)


def test_languages_come_from_the_page_when_the_review_has_none():
    languages = {fixture: only_review(fixture).language for fixture, *_ in EXPECTED}
    assert languages["tfc_taiwan_raw.json"] == "zh-Hant"  # <html lang="zh-hant">
    assert languages["lupa_raw.json"] == "pt-BR"
    assert languages["data_commons_raw.json"] is None


def test_dates_are_normalised_to_iso_8601():
    assert only_review("afp_factual_raw.json").date_published == "2021-06-01T23:35:00"
    assert only_review("lupa_raw.json").claim_date == "2020-08-31T17:22:16"
    assert iso_date("2019-06-20T12:12:40Z") == "2019-06-20T12:12:40+00:00"
    assert iso_date("2022-08-11") == "2022-08-11"
    assert iso_date("Thu, 11 Aug 2022 10:00:00 +0200") == "2022-08-11T10:00:00+02:00"
    assert iso_date("last Tuesday") is None
    assert iso_date("") is None and iso_date(None) is None


def test_appearances_are_collected_from_every_form():
    review = only_review("fatabyyano_raw.json")
    assert len(review.appearances) == 4
    assert review.appearances[0] == "https://www.facebook.com/Quicknews12/videos/3829470550510217/"
    # Older markup puts the claim's source in itemReviewed.url.
    assert only_review("afp_faktencheck_raw.json").appearances == ("https://archive.is/CLuhH",)


# --- Synthetic edge cases --------------------------------------------------------------------


def claimreview(**fields):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/a",
        "claimReviewed": "The bridge cost 3 billion.",
        "author": {
            "@type": "Organization",
            "name": "Example Check",
            "url": "https://checks.example/",
        },
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        **fields,
    }


def test_a_review_without_url_is_skipped_with_its_reason():
    review = claimreview()
    del review["url"]
    result = parse_value([claimreview(), review])
    assert [r.url for r in result.reviews] == ["https://checks.example/a"]
    assert [s.as_dict() for s in result.skipped] == [{"reason": "no url", "where": "$[1]"}]


@pytest.mark.parametrize("url", ["mailto:desk@checks.example", "javascript:void(0)", "checks"])
def test_a_review_with_a_url_that_is_no_web_address_is_skipped(url):
    result = parse_value(claimreview(url=url))
    assert result.reviews == []
    assert result.skipped[0].reason.startswith("invalid url")


def test_the_same_review_twice_in_a_document_is_read_once():
    result = parse_value(
        {"@graph": [claimreview(), claimreview(url="https://checks.example/a?utm_source=x")]}
    )
    assert len(result.reviews) == 1
    assert result.skipped[0].reason.startswith("duplicate")
    assert result.skipped[0].where == "$.@graph[1]"


def test_html_with_several_blocks_a_graph_a_list_and_a_broken_block():
    graph = json.dumps({"@graph": [{"@type": "WebPage"}, claimreview()]})
    listed = json.dumps([claimreview(url="//checks.example/b")])
    commented = json.dumps(claimreview(url="https://checks.example/c", inLanguage="pt"))
    page = f"""<!doctype html><html lang="es-ES"><head>
    <script type="application/ld+json">{graph}</script>
    <script type="application/ld+json">{listed}</script>
    <script type="application/ld+json">{{"@type": "ClaimReview", "url": </script>
    <script type="application/ld+json">{{"@type": "Organization", broken</script>
    <script type="text/javascript">var x = {{"@type": "ClaimReview"}};</script>
    <script type="application/ld+json"><!--
    {commented}
    --></script>
    </head><body></body></html>"""
    result = parse_document(page)
    assert [(r.url, r.language, r.where) for r in result.reviews] == [
        ("https://checks.example/a", "es-ES", "JSON-LD 1 > $.@graph[1]"),
        ("https://checks.example/b", "es-ES", "JSON-LD 2 > $[0]"),
        ("https://checks.example/c", "pt", "JSON-LD 5 > $"),
    ]
    # Only the broken block that mentions ClaimReview is worth reporting.
    assert len(result.skipped) == 1
    assert result.skipped[0].where == "JSON-LD 3"
    assert result.skipped[0].reason.startswith("invalid JSON-LD")


def test_ids_are_resolved_inside_a_graph():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Organization",
                "@id": "https://checks.example/#org",
                "name": "Example Check",
                "url": "https://www.checks.example/",
            },
            {"@type": "Person", "@id": "#claimant", "name": "The Mayor"},
            claimreview(
                author={"@id": "https://checks.example/#org"},
                itemReviewed={"@type": "Claim", "author": {"@id": "#claimant"}},
            ),
        ],
    }
    review = parse_value(graph).reviews[0]
    assert review.publisher_name == "Example Check" and review.publisher_site == "checks.example"
    assert (review.item_author, review.item_author_type) == ("The Mayor", "Person")


def test_an_envelope_carrying_a_page_and_json_as_strings():
    block = json.dumps(claimreview())
    page = f'<html lang="fr"><script type="application/ld+json">{block}</script></html>'
    envelope = {
        "status": "ok",
        "results": [
            {"url": "https://checks.example/a", "page": page},
            {"payload": json.dumps(claimreview(url="https://checks.example/b"))},
        ],
    }
    result = parse_value(envelope)
    assert [(r.url, r.language, r.where) for r in result.reviews] == [
        ("https://checks.example/a", "fr", "$.results[0].page > JSON-LD 1 > $"),
        ("https://checks.example/b", None, "$.results[1].payload > $"),
    ]


def test_type_with_a_prefix_and_a_language_object():
    review = parse_value(
        claimreview(
            **{
                "@type": "schema:ClaimReview",
                "inLanguage": {"@type": "Language", "name": "Spanish", "alternateName": "es"},
            }
        )
    ).reviews[0]
    assert review.language == "es"


def test_missing_fields_are_none_not_errors():
    review = parse_value({"@type": "ClaimReview", "url": "https://checks.example/bare"}).reviews[0]
    assert review.summary() == {
        "url": "https://checks.example/bare",
        "claim_reviewed": None,
        "rating_name": None,
        "rating_value": None,
        "author": None,
        "date_published": None,
        "item_author": None,
        "language": None,
    }
    assert review.publisher_site == "checks.example"


def test_beyond_the_limit_reviews_are_skipped():
    reviews = [claimreview(url=f"https://checks.example/{n}") for n in range(5)]
    result = parse_value(reviews, max_reviews=3)
    assert len(result.reviews) == 3
    assert [s.where for s in result.skipped] == ["$[3]", "$[4]"]


def test_a_deeply_nested_document_is_walked_without_recursion():
    data: object = claimreview()
    for _ in range(5000):
        data = {"wrapper": [data]}
    assert len(parse_value(data).reviews) == 1


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Just some words.", "# A markdown file\n\nwith <b>bold</b> words", "{not json"],
)
def test_text_that_is_neither_json_nor_html_is_refused(text):
    with pytest.raises(DocumentError):
        parse_document(text)


def test_binary_data_is_refused():
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_html_without_json_ld_has_nothing_to_import():
    result = parse_document("<!doctype html><html><body><p>Nothing here.</p></body></html>")
    assert result.reviews == [] and result.skipped == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("www.x.com/a", "https://www.x.com/a"),
        ("x.org/a?utm_source=feed", "https://x.org/a"),
        ("//x.org/a", "https://x.org/a"),
        ("HTTP://X.org/a#top", "http://x.org/a"),
        ("www.x.com:8080/a", "https://www.x.com:8080/a"),
    ],
)
def test_review_urls_are_normalised(given, expected):
    assert review_url(given) == expected


def test_a_relative_review_url_is_read_against_the_page():
    assert review_url("/a/b", base_url="https://x.org/c/d") == "https://x.org/a/b"
    with pytest.raises(InvalidURL):
        review_url("/a/b")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("pt-br", "pt-BR"),
        ("zh-hant", "zh-Hant"),
        ("EN", "en"),
        ("en_GB", "en-GB"),
        ("es-419", "es-419"),
        ("???", None),
        ("Spanish", None),
        ({"@type": "Language", "name": "Spanish"}, None),
        (["", "fr"], "fr"),
    ],
)
def test_language_tags(given, expected):
    assert language_tag(given) == expected
