"""Other fact-checkers' ClaimReview, read from whatever carries it.

Pure Python (no Django): a document's text in, the reviews found and the ones skipped (with
why and where) out. claims.interchange.services fetches and stores; this module only reads.

What it reads:
- JSON: a DataCommons feed (DataFeed > dataFeedElement > DataFeedItem > item), bare ClaimReview
  JSON-LD (an object, a list, an `@graph`), a Google Fact Check Tools `claims:search` response
  (`claims[]`, each with `claimReview[]`) or one of its claims, and any other JSON that holds
  ClaimReview objects somewhere inside: the whole tree is walked. Strings inside it that hold an
  HTML page (scrapers' `{"url", "page"}` envelopes) or a JSON document are read too.
- HTML: every `<script type="application/ld+json">` block.

A node is a ClaimReview when its `@type` (a string or a list, `schema:`/URL prefixes allowed)
names ClaimReview. `@id` references inside one JSON-LD block (`"author": {"@id": "#org"}`) are
resolved against the block's other nodes.

Each review's `where` is a path into the input: `$.page > JSON-LD 2 > $.@graph[0]` is the first
node of the `@graph` in the page's second JSON-LD block.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from claims.interchange.jsonld import (
    SCHEME,
    JsonLdScripts,
    entities,
    first_named,
    index_ids,
    iso_date,
    language_tag,
    resolve,
    review_url,
    schema_types,
    site_of,
    text_value,
    unwrap_script,
)
from claims.interchange.ratings import our_rating, rating_scale
from sources.normalize import InvalidURL

# How deep strings that hold documents (an HTML page in a JSON string, JSON in a string) are
# opened inside each other: publishers' envelopes go one or two levels, never more.
MAX_EMBEDDING = 3
# Appearances kept per review (the raw JSON keeps them all).
MAX_APPEARANCES = 50

# HTML opens with a tag: a doctype, <html>, a comment, an XML declaration (XHTML), or a
# fragment such as a <script>.
_HTML_START = re.compile(
    r"<(?:!--|\?xml|\s*(?:!doctype|html|head|body|script|meta|div|article|p)\b)", re.I
)


class DocumentError(ValueError):
    """The input is not something ClaimReview can be read from; str() says what to do."""


@dataclass(frozen=True)
class ParsedReview:
    """One review as read, before it is stored. Missing values are None."""

    url: str  # normalised: the identity of the review
    where: str
    claim_reviewed: str | None = None
    title: str | None = None
    publisher_name: str | None = None
    publisher_site: str | None = None
    rating_name: str | None = None
    rating_value: int | float | None = None
    best_rating: int | float | None = None
    worst_rating: int | float | None = None
    rating: str | None = None  # ours (a claims.models.Rating value), when the mapping is clear
    date_published: str | None = None  # ISO 8601: a date, or a date and time as given
    claim_date: str | None = None
    language: str | None = None
    item_author: str | None = None
    item_author_type: str | None = None  # "Person", "Organization", or None
    appearances: tuple[str, ...] = ()
    raw: Any = None  # the source's own JSON for this review, verbatim

    def summary(self) -> dict[str, Any]:
        """The review as `import_claimreview --format json` and the import endpoint list it."""
        return {
            "url": self.url,
            "claim_reviewed": self.claim_reviewed,
            "rating_name": self.rating_name,
            "rating_value": self.rating_value,
            "author": self.publisher_name,
            "date_published": self.date_published,
            "item_author": self.item_author,
            "language": self.language,
        }


@dataclass(frozen=True)
class Skipped:
    reason: str
    where: str

    def as_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "where": self.where}


@dataclass
class ParseResult:
    reviews: list[ParsedReview] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# --- Entry points --------------------------------------------------------------------------


def decode(content: bytes, charset: str | None = None) -> str:
    """Bytes as text: the declared charset, else UTF-8 (a BOM dropped); undecodable bytes are
    replaced. Binary data (NUL bytes) is refused."""
    if b"\x00" in content[:4096]:
        raise DocumentError(
            "The input is binary data, not JSON or HTML. Give a ClaimReview JSON document, a "
            "DataCommons feed, a Google Fact Check Tools response or an HTML page."
        )
    encoding = charset or "utf-8"
    try:
        text = content.decode(encoding, errors="replace")
    except LookupError:
        text = content.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff")


def parse_document(text: str, *, base_url: str = "", max_reviews: int | None = None) -> ParseResult:
    """The ClaimReviews in a document (JSON or HTML text). `base_url` is where the document
    came from: relative URLs in it are read against it. Beyond `max_reviews` reviews the rest
    are skipped. Raises DocumentError when the text is neither JSON nor HTML."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise DocumentError("The document is empty: give JSON or HTML that holds ClaimReview.")
    reader = _Reader(max_reviews)
    data = _json_or_none(stripped)
    if data is not _NOT_JSON:
        reader.walk(data, "$", _Context(base_url=_absolute(base_url)))
    elif _HTML_START.match(stripped):
        reader.html(stripped, "", _Context(base_url=_absolute(base_url)))
    else:
        raise DocumentError(
            "The document is neither JSON nor HTML. Give a ClaimReview JSON document, a "
            "DataCommons feed, a Google Fact Check Tools response or an HTML page."
        )
    return reader.result


def parse_value(data: Any, *, base_url: str = "", max_reviews: int | None = None) -> ParseResult:
    """As parse_document, for JSON already parsed (the import endpoint's `document` object)."""
    reader = _Reader(max_reviews)
    reader.walk(data, "$", _Context(base_url=_absolute(base_url)))
    return reader.result


# --- The reader ----------------------------------------------------------------------------


_NOT_JSON = object()


def _json_or_none(text: str) -> Any:
    if text[:1] not in '{["':
        return _NOT_JSON
    try:
        # strict=False: JSON-LD in pages often carries raw line breaks inside strings.
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return _NOT_JSON


def _absolute(url: str) -> str:
    return url if url and SCHEME.match(url) else ""


@dataclass(frozen=True)
class _Context:
    base_url: str = ""  # what relative URLs are read against
    language: str | None = None  # the page's <html lang>
    ids: dict[str, dict] | None = None  # the JSON-LD block's nodes by @id
    depth: int = 0  # documents opened inside strings so far


class _Reader:
    def __init__(self, max_reviews: int | None) -> None:
        self.result = ParseResult()
        self.max_reviews = max_reviews
        self._seen: set[str] = set()

    # Walking JSON: iterative, so a deep document cannot exhaust the stack.
    def walk(self, root: Any, where: str, ctx: _Context) -> None:
        if ctx.ids is None and isinstance(root, dict | list):
            ctx = _Context(ctx.base_url, ctx.language, index_ids(root), ctx.depth)
        stack: list[tuple[Any, str, _Context]] = [(root, where, ctx)]
        while stack:
            node, path, here = stack.pop()
            if isinstance(node, dict):
                types = schema_types(node)
                if "claimreview" in types:
                    self.schema_review(node, path, here)
                    continue
                reviews = node.get("claimReview")
                if not types and isinstance(reviews, list | dict):
                    self.google_claim(node, path, here)
                    continue
                child = here
                own_url = node.get("url")
                if isinstance(own_url, str) and SCHEME.match(own_url.strip()):
                    # A scraper's envelope {"url", "page"}: the page's relative links are its.
                    child = _Context(own_url.strip(), here.language, here.ids, here.depth)
                stack.extend(
                    (value, _child_path(path, key), child)
                    for key, value in reversed(list(node.items()))
                )
            elif isinstance(node, list):
                stack.extend(
                    (value, f"{path}[{index}]", here)
                    for index, value in reversed(list(enumerate(node)))
                )
            elif isinstance(node, str) and here.depth < MAX_EMBEDDING:
                self.embedded(node, path, here)

    def embedded(self, text: str, where: str, ctx: _Context) -> None:
        """A string that may hold a document of its own: an HTML page with JSON-LD, or JSON
        that mentions ClaimReview."""
        if len(text) < 30:
            return
        head = text.lstrip()[:1]
        deeper = _Context(ctx.base_url, ctx.language, None, ctx.depth + 1)
        if head in "{[":
            if "claimreview" not in text.lower():
                return
            data = _json_or_none(text.strip())
            if data is not _NOT_JSON:
                self.walk(data, f"{where} > $", deeper)
        elif head == "<" and "ld+json" in text.lower():
            self.html(text, where, deeper)

    def html(self, text: str, where: str, ctx: _Context) -> None:
        finder = JsonLdScripts()
        finder.feed(text)
        finder.close()
        language = language_tag(finder.lang) or ctx.language
        prefix = f"{where} > " if where else ""
        for number, block in enumerate(finder.blocks, start=1):
            place = f"{prefix}JSON-LD {number}"
            body = unwrap_script(block)
            if not body:
                continue
            try:
                data = json.loads(body, strict=False)
            except (ValueError, RecursionError) as exc:
                if "claimreview" in body.lower():
                    self.skip(f"invalid JSON-LD ({_short(str(exc))})", place)
                continue
            self.walk(data, f"{place} > $", _Context(ctx.base_url, language, None, ctx.depth))

    def skip(self, reason: str, where: str) -> None:
        self.result.skipped.append(Skipped(reason, where))

    def accept(self, review: ParsedReview) -> None:
        if review.url in self._seen:
            self.skip(
                "duplicate: the same review url appears earlier in the document", review.where
            )
            return
        if self.max_reviews is not None and len(self.result.reviews) >= self.max_reviews:
            self.skip(f"over the limit of {self.max_reviews} reviews per document", review.where)
            return
        self._seen.add(review.url)
        self.result.reviews.append(review)

    def url_or_skip(self, value: Any, where: str, ctx: _Context) -> str | None:
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        text = text_value(value)
        if not text:
            self.skip("no url", where)
            return None
        try:
            return review_url(text, base_url=ctx.base_url)
        except InvalidURL as exc:
            self.skip(f"invalid url: {exc}", where)
            return None

    # schema.org ClaimReview
    def schema_review(self, node: dict, where: str, ctx: _Context) -> None:
        url = self.url_or_skip(node.get("url"), where, ctx)
        if url is None:
            return
        rating = resolve(node.get("reviewRating"), ctx.ids)
        if isinstance(rating, list):
            rating = next((item for item in rating if isinstance(item, dict)), None)
        rating = rating if isinstance(rating, dict) else {}
        rating_name = text_value(rating.get("alternateName")) or text_value(rating.get("name"))
        value, best, worst = rating_scale(
            rating.get("ratingValue"), rating.get("bestRating"), rating.get("worstRating")
        )
        authors = entities(node.get("author"), ctx.ids)
        publisher = first_named(entities(node.get("publisher"), ctx.ids)) or first_named(
            [entity for entity in authors if "person" not in schema_types(entity)]
        )
        items = entities(node.get("itemReviewed"), ctx.ids)
        item = items[0] if items else {}
        claimant = first_named(entities(item.get("author"), ctx.ids))
        claimant_types = schema_types(claimant) if claimant else set()
        publisher_url = None
        if publisher:
            publisher_url = text_value(publisher.get("url")) or text_value(publisher.get("@id"))
        self.accept(
            ParsedReview(
                url=url,
                where=where,
                claim_reviewed=text_value(node.get("claimReviewed")),
                title=text_value(node.get("name")) or text_value(node.get("headline")),
                publisher_name=text_value(publisher.get("name")) if publisher else None,
                publisher_site=site_of(publisher_url) or site_of(url),
                rating_name=rating_name,
                rating_value=value,
                best_rating=best,
                worst_rating=worst,
                rating=our_rating(rating_name),
                date_published=iso_date(node.get("datePublished"))
                or iso_date(node.get("dateCreated")),
                claim_date=iso_date(item.get("datePublished")) or iso_date(item.get("dateCreated")),
                language=language_tag(node.get("inLanguage"))
                or language_tag(item.get("inLanguage"))
                or ctx.language,
                item_author=text_value(claimant.get("name")) if claimant else None,
                item_author_type=(
                    "Person"
                    if "person" in claimant_types
                    else "Organization"
                    if claimant_types & {"organization", "newsmediaorganization"}
                    else None
                ),
                appearances=tuple(self.appearances(item, ctx)),
                raw=node,
            )
        )

    def appearances(self, item: dict, ctx: _Context) -> Iterator[str]:
        """Where the claim appeared: firstAppearance, each appearance, and the item's own url
        (older markup puts the claim's source there), normalised, each once."""
        seen: set[str] = set()
        candidates: list[Any] = []
        for key in ("firstAppearance", "appearance", "url"):
            value = item.get(key)
            candidates.extend(value if isinstance(value, list) else [value])
        for candidate in candidates:
            candidate = resolve(candidate, ctx.ids)
            if isinstance(candidate, dict):
                candidate = candidate.get("url") or candidate.get("@id")
            text = text_value(candidate)
            if not text:
                continue
            try:
                url = review_url(text, base_url=ctx.base_url)
            except InvalidURL:
                continue
            if url not in seen:
                seen.add(url)
                yield url
            if len(seen) >= MAX_APPEARANCES:
                return

    # Google Fact Check Tools: a claim with its reviews
    def google_claim(self, claim: dict, where: str, ctx: _Context) -> None:
        reviews = claim.get("claimReview")
        items = reviews if isinstance(reviews, list) else [reviews]
        for index, review in enumerate(items):
            place = f"{where}.claimReview[{index}]"
            if not isinstance(review, dict):
                self.skip("not a review object", place)
                continue
            url = self.url_or_skip(review.get("url"), place, ctx)
            if url is None:
                continue
            publisher = review.get("publisher")
            publisher = publisher if isinstance(publisher, dict) else {}
            rating_name = text_value(review.get("textualRating"))
            self.accept(
                ParsedReview(
                    url=url,
                    where=place,
                    claim_reviewed=text_value(claim.get("text")),
                    title=text_value(review.get("title")),
                    publisher_name=text_value(publisher.get("name")),
                    publisher_site=site_of(text_value(publisher.get("site"))) or site_of(url),
                    rating_name=rating_name,
                    rating=our_rating(rating_name),
                    date_published=iso_date(review.get("reviewDate")),
                    claim_date=iso_date(claim.get("claimDate")),
                    language=language_tag(review.get("languageCode")) or ctx.language,
                    item_author=text_value(claim.get("claimant")),
                    raw=claim,
                )
            )


def _child_path(path: str, key: str) -> str:
    return f"{path}.{key}" if re.fullmatch(r"[@\w]+", key) else f"{path}[{json.dumps(key)}]"


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
