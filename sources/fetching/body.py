"""Response bodies: what a body without Content-Type is, its charset, and undoing its
Content-Encoding a piece at a time under the cap on the decoded size."""

from __future__ import annotations

import re
import zlib
from typing import Any

# Bytes read from the socket at a time, and how much of a body is looked at to sniff its type.
CHUNK_BYTES = 64 * 1024
SNIFF_BYTES = 512

_HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<title",
    b"<script",
    b"<meta",
    b"<div",
    b"<p",
    b"<h1",
    b"<table",
)
_TAG_ENDS = frozenset({b"", b" ", b">", b"\t", b"\n", b"\r", b"\f"})
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def sniff(start: bytes) -> str | None:
    """The media type of a body sent without Content-Type: text/html, text/plain or None (binary).

    A cut-down WHATWG MIME sniff: HTML if it opens with a common tag, plain text if none of the
    first bytes is a binary control byte.
    """
    head = start.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\f").lower()
    if head.startswith(b"<!--"):
        return "text/html"
    for tag in _HTML_STARTS:
        if head.startswith(tag) and head[len(tag) : len(tag) + 1] in _TAG_ENDS:
            return "text/html"
    if not _BINARY_BYTES.search(start):
        return "text/plain"
    return None


def parse_content_type(value: str) -> tuple[str, str | None]:
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, setting = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


class Decoder:
    """Undoes Content-Encoding a piece at a time, never producing more than the room left.

    zlib's max_length is what stops a gzip bomb: it inflates only up to one byte past the cap and
    leaves the rest of the input in unconsumed_tail, so a few KB can never become a gigabyte.
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._inflater: Any = None
        self._pending = b""
        if encoding in {"gzip", "x-gzip"}:
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding not in {"", "identity", "deflate"}:
            raise ValueError(encoding)

    def feed(self, data: bytes, body: bytearray, cap: int) -> bool:
        """Append what data decodes to; True once body holds more than cap bytes."""
        if self.encoding in {"", "identity"}:
            body += data
            return len(body) > cap
        if self._inflater is None:
            # "deflate" should be zlib-wrapped, but many servers send raw deflate: the first two
            # bytes tell them apart, so wait for them.
            self._pending += data
            if len(self._pending) < 2:
                return False
            data, self._pending = self._pending, b""
            zlib_header = data[0] & 0x0F == 8 and int.from_bytes(data[:2], "big") % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        while data:
            if self._inflater.eof:
                if self.encoding == "deflate" or not data.startswith(b"\x1f\x8b"):
                    return False  # trailing bytes after the stream: ignored, as browsers do
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
            body += self._inflater.decompress(data, cap - len(body) + 1)
            if len(body) > cap:
                return True
            inflater = self._inflater
            data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        return False

    def finish(self, body: bytearray, cap: int) -> bool:
        """Called at the end of the body; raises zlib.error if the stream was cut short."""
        if self.encoding in {"", "identity"}:
            return False
        if self._inflater is None:
            if self._pending:
                raise zlib.error("the compressed body is shorter than its header")
            return False  # an empty body
        body += self._inflater.flush()
        if not self._inflater.eof:
            raise zlib.error("the compressed body ends early")
        return len(body) > cap
