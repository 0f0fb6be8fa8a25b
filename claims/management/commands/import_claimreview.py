"""`manage.py import_claimreview PATH_OR_URL [--format json]`: import other fact-checkers'
ClaimReview from a file or a URL and print what was imported, updated and skipped."""

from __future__ import annotations

import json
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.interchange.services import ImportInputError, ImportSummary, claimreview_import

_URL = re.compile(r"^https?://", re.I)


class Command(BaseCommand):
    help = (
        "Import ClaimReview verdicts of other fact-checkers from a file or an http(s) URL: a "
        "DataCommons feed, a Google Fact Check Tools claims:search response, an HTML page with "
        "ClaimReview JSON-LD, or any JSON holding ClaimReview objects. Importing again updates "
        "the reviews already stored (a review's URL is its identity)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "source", metavar="PATH_OR_URL", help="A JSON or HTML file, or an http(s) URL."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: print one JSON object {imported, updated, skipped, reviews}.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["source"]
        try:
            if _URL.match(source):
                summary = claimreview_import(url=source)
            else:
                summary = claimreview_import(path=source)
        except ImportInputError as exc:
            raise CommandError(str(exc)) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(self._readable(summary))

    @staticmethod
    def _readable(summary: ImportSummary) -> str:
        lines = [
            f"Imported {summary.imported}, updated {summary.updated}, "
            f"skipped {len(summary.skipped)}."
        ]
        if not summary.reviews and not summary.skipped:
            lines.append("No ClaimReview found in this document.")
        for review in summary.reviews:
            rating = review.rating_name or "no rating"
            if review.rating:
                rating += f" (ours: {review.rating})"
            claim = review.claim_reviewed or "(no claim text)"
            claim = claim if len(claim) <= 100 else claim[:99] + "…"
            who = review.publisher_name or review.publisher_site or "?"
            when = review.date_published or "undated"
            lines.append(f"- {who}, {when}: {rating}: {claim}")
            lines.append(f"  {review.url}")
        for item in summary.skipped:
            lines.append(f"skipped ({item.reason}): {item.where}")
        return "\n".join(lines)
