"""`manage.py ingest PATH_OR_DASH`: store an article and print its claims."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from claims.extraction import InputError
from claims.models import Claim
from claims.services import IngestResult, article_ingest, default_min_score, document_read
from sources.normalize import InvalidURL


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError as exc:
        raise CommandError(f"--min-score {value!r} is not a number between 0 and 1.") from exc
    if not 0 <= score <= 1:
        raise CommandError(f"--min-score {value} is outside 0..1.")
    return score


def _datetime(value: str) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        raise CommandError(
            f"--published-at {value!r} is not a date and time: use ISO 8601, 2021-02-15T11:59Z."
        )
    return make_aware(parsed) if is_naive(parsed) else parsed


class Command(BaseCommand):
    help = (
        "Store an article (plain text or HTML, from a file or '-' for stdin) and its "
        "check-worthy claims, then print them. Ingesting the same text again adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH_OR_DASH", help="Article file, or - for stdin.")
        parser.add_argument("--url", default="", help="The article's URL (identifies it).")
        parser.add_argument("--title", default="", help="Override the detected title.")
        parser.add_argument(
            "--published-at", default=None, help="Override the detected publication time."
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--min-score",
            default=None,
            help="Only sentences scoring at least this become claims "
            "(default: the CLAIMS_MIN_CHECKWORTHINESS setting).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        min_score = (
            default_min_score() if options["min_score"] is None else _score(options["min_score"])
        )
        published_at = _datetime(options["published_at"]) if options["published_at"] else None
        path = options["path"]
        try:
            if path == "-":
                raw = sys.stdin.buffer.read()
                document = document_read(content=raw, url=options["url"])
            else:
                document = document_read(path=path)
                with open(path, "rb") as handle:
                    raw = handle.read()
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        try:
            result = article_ingest(
                document=document,
                raw=raw,
                url=options["url"],
                title=options["title"],
                published_at=published_at,
                min_score=min_score,
            )
        except InvalidURL as exc:
            raise CommandError(str(exc)) from exc

        claims = list(
            result.snapshot.claims.filter(checkworthiness__gte=min_score).order_by("start", "id")
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(self._as_json(result, claims), ensure_ascii=False))
        else:
            self._print_table(result, claims)

    def _as_json(self, result: IngestResult, claims: list[Claim]) -> dict[str, Any]:
        article = result.article
        return {
            "article": {
                "id": article.pk,
                "title": article.title,
                "url": article.url,
                "publisher": article.publisher,
                "published_at": article.published_at.isoformat() if article.published_at else None,
                "snapshot": result.snapshot.pk,
                "created": result.created,
            },
            "claims": [
                {
                    "id": claim.pk,
                    "text": claim.text,
                    "checkworthiness": round(claim.checkworthiness, 4),
                    "start": claim.start,
                    "end": claim.end,
                    "speaker": claim.speaker or None,
                    "quantities": claim.quantities,
                }
                for claim in claims
            ],
        }

    def _print_table(self, result: IngestResult, claims: list[Claim]) -> None:
        article = result.article
        state = "stored" if result.created else "already stored, unchanged"
        self.stdout.write(f"Article #{article.pk}: {article.title or '(untitled)'} [{state}]")
        published = article.published_at.isoformat() if article.published_at else "unknown"
        self.stdout.write(
            f"  publisher: {article.publisher or 'unknown'}  published: {published}"
            f"  url: {article.url or '(pasted)'}"
        )
        self.stdout.write(f"{len(claims)} claims ({len(result.new_claims)} new)\n")
        self.stdout.write(f"{'id':>6}  {'score':>5}  {'span':>11}  {'speaker':<22}  claim")
        for claim in claims:
            text = claim.text if len(claim.text) <= 90 else claim.text[:89] + "…"
            speaker = (claim.speaker or "-")[:22]
            span = f"{claim.start}-{claim.end}"
            self.stdout.write(
                f"{claim.pk:>6}  {claim.checkworthiness:5.2f}  {span:>11}  {speaker:<22}  {text}"
            )
            for quantity in claim.quantities:
                self.stdout.write(f"{'':>52}  ↳ {quantity['text']} = {quantity['value']:g}")
