"""Reading articles: sniffing, decoding, normalising, and one-line errors for bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.extraction import Document, InputError, read_bytes, read_html, read_path, read_text

BODY = (
    "The regional council spent 412 million euros on the new bridge, according to its annual "
    "report. The bridge opened in May 2019."
)
HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Bridge costs</title>
<meta property="article:published_time" content="2019-06-01T10:00:00Z">
</head><body><article><h1>Bridge costs</h1><p>{BODY}</p></article></body></html>"""


def _one_line(error: pytest.ExceptionInfo[InputError]) -> str:
    message = str(error.value)
    assert message and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary (it contains NUL bytes)"),
        (bytes(range(0x80, 0xA0)) * 40, "binary (it is not UTF-8 and mostly unprintable)"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "unprintable"],
)
def test_bad_bytes_are_one_line_input_errors(data: bytes, expected: str) -> None:
    with pytest.raises(InputError) as error:
        read_bytes(data)
    message = _one_line(error)
    assert expected in message
    assert "give a plain-text or HTML article" in message


def test_oversized_input_is_refused() -> None:
    with pytest.raises(InputError, match=r"^The input is 21 MB; give a single article under 20 MB"):
        read_bytes(b"a" * 21_000_000)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as error:
        read_path(missing)
    assert _one_line(error) == f"No file at {missing}; check the path and try again."


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    with pytest.raises(InputError, match=r"^empty\.txt: The input is empty"):
        read_path(empty)
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(InputError, match=r"^photo\.jpg: The input is binary"):
        read_path(binary)


def test_read_text_refuses_empty_text() -> None:
    with pytest.raises(InputError, match="The article is empty"):
        read_text("   \n  ")


def test_read_html_refuses_empty_html() -> None:
    with pytest.raises(InputError, match="The HTML is empty"):
        read_html(b"   ")


def test_text_is_normalised_but_otherwise_kept() -> None:
    document = read_text("\ufeffHeadline here today\r\n\r\nFirst line.\rSecond line.  \n\n")
    assert document.text == "Headline here today\n\nFirst line.\nSecond line."
    assert document.format == "text"


def test_same_text_with_trailing_blank_lines_is_the_same_document() -> None:
    assert read_text(BODY) == read_text(BODY + "\n\n\n")


def test_utf8_with_bom_and_cp1252_fallback() -> None:
    assert read_bytes(b"\xef\xbb\xbf" + BODY.encode()).text == BODY
    legacy = "The caf\u00e9\u2019s owner said prices rose \u201csharply\u201d in 2022."
    assert read_bytes(legacy.encode("cp1252")).text == legacy


def test_html_is_sniffed_from_bytes_and_files(tmp_path: Path) -> None:
    from_bytes = read_bytes(HTML_PAGE.encode())
    assert from_bytes.format == "html"
    assert from_bytes.text == f"Bridge costs\n\n{BODY}"  # one block per paragraph or heading
    assert from_bytes.published_at == datetime(2019, 6, 1, 10, 0, tzinfo=UTC)
    path = tmp_path / "article.txt"  # the extension does not matter, the content does
    path.write_text(HTML_PAGE)
    assert read_path(path) == from_bytes


def test_html_fragment_without_doctype_is_sniffed() -> None:
    fragment = f"<div class='story'><p>{BODY}</p><p>Officials said the toll will stay.</p></div>"
    document = read_bytes(fragment.encode())
    assert document.format == "html"
    assert document.text.startswith("The regional council spent 412 million euros")


def test_text_mentioning_tags_is_not_html() -> None:
    text = "Why <p> tags matter\n\nThe W3C said in 2019 that the <p> element is a paragraph."
    assert read_bytes(text.encode()).format == "text"


def test_html_charset_declaration_is_honoured() -> None:
    page = HTML_PAGE.replace('<html lang="en"><head>', '<html><head><meta charset="iso-8859-1">')
    page = page.replace("regional council", "r\u00e9gional council")
    document = read_bytes(page.encode("iso-8859-1"))
    assert "r\u00e9gional council" in document.text


def test_url_is_the_canonical_url_unless_the_page_names_one() -> None:
    assert read_text(BODY, url="https://example.org/a").canonical_url == "https://example.org/a"
    page = HTML_PAGE.replace(
        "</head>", '<link rel="canonical" href="https://example.org/canonical"></head>'
    )
    assert read_html(page, url="https://example.org/a?x=1").canonical_url == (
        "https://example.org/canonical"
    )


def test_html_date_without_time_is_midnight_utc() -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2019-06-01T10:00:00Z">',
        '<meta name="date" content="2019-06-01">',
    )
    assert read_html(page).published_at == datetime(2019, 6, 1, tzinfo=UTC)


def test_document_defaults() -> None:
    document = Document(text="x", format="text")
    assert (document.title, document.published_at, document.author) == ("", None, "")
    assert (document.publisher, document.canonical_url, document.language) == ("", "", "")


def test_language_is_guessed_for_english_text_only() -> None:
    assert read_text(BODY).language == "en"
    german = "Der Rat hat die neue Br\u00fccke gebaut und die Kosten sind gestiegen, sagt er."
    assert read_text(german).language == ""
