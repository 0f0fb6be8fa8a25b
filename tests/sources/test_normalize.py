from __future__ import annotations

import pytest

from sources.normalize import InvalidURL, normalize_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://Example.ORG", "https://example.org/"),
        ("https://example.org:443/a?b=1#frag", "https://example.org/a?b=1"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org/a?utm_source=x&id=7&fbclid=y", "https://example.org/a?id=7"),
        ("https://user:pw@example.org/a", "https://example.org/a"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("  https://example.org/a  ", "https://example.org/a"),
    ],
)
def test_normalize_url(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("ftp://example.org/x", "not http or https"),
        ("javascript:alert(1)", "not http or https"),
        ("https:///nohost", "no host"),
        ("http://[::1", "malformed"),
    ],
)
def test_normalize_url_refuses_with_a_reason(raw: str, message: str) -> None:
    with pytest.raises(InvalidURL, match=message):
        normalize_url(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A parameter without "=" is not one with an empty value.
        ("https://example.org/search?b", "https://example.org/search?b"),
        ("https://example.org/search?b=", "https://example.org/search?b="),
        # %20 and + may mean different things to the server; neither becomes the other.
        ("https://example.org/s?q=cod%20quota", "https://example.org/s?q=cod%20quota"),
        ("https://example.org/s?q=cod+quota", "https://example.org/s?q=cod+quota"),
        # ";" is not a separator here, and nothing in the query is re-encoded.
        ("https://example.org/p?a=1;b=2", "https://example.org/p?a=1;b=2"),
        ("https://example.org/p?path=%2Fa%2Fb&x=%7E", "https://example.org/p?path=%2Fa%2Fb&x=%7E"),
        ("https://example.org/p?q=caf%C3%A9&Q=A", "https://example.org/p?q=caf%C3%A9&Q=A"),
        ("https://example.org/p?a=1&&b=2", "https://example.org/p?a=1&&b=2"),
    ],
)
def test_normalize_url_keeps_the_query_byte_for_byte(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


def test_normalize_url_keeps_the_order_of_parameters() -> None:
    raw = "https://example.org/list?z=1&a=2&m=3&a=1"
    assert normalize_url(raw) == raw


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://example.org/s?utm_source=news&q=cod%20quota&fbclid=x1&page=2&b",
            "https://example.org/s?q=cod%20quota&page=2&b",
        ),
        (
            "https://example.org/s?UTM_Medium=email&a=1;b=2&gclid=9&_ga=2.1&mc_cid=c&mc_eid=e",
            "https://example.org/s?a=1;b=2",
        ),
        (
            "https://example.org/s?msclkid=m&dclid=d&igshid=i&yclid=y&x=%2B",
            "https://example.org/s?x=%2B",
        ),
        ("https://example.org/s?utm_campaign=spring&fbclid", "https://example.org/s"),
        ("https://example.org/s?utm%5Fsource=x&id=7", "https://example.org/s?id=7"),
    ],
)
def test_normalize_url_removes_tracking_and_keeps_the_spelling_of_the_rest(
    raw: str, expected: str
) -> None:
    assert normalize_url(raw) == expected


def test_two_spellings_that_differ_only_in_tracking_are_one_source() -> None:
    assert normalize_url("https://example.org/a?id=7&utm_source=x#top") == normalize_url(
        "HTTPS://Example.org:443/a?fbclid=y&id=7"
    )
