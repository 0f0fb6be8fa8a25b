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
