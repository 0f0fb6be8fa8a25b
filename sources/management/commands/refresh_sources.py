"""`manage.py refresh_sources [--due | --all | --source ID ...]`: fetch sources in the foreground.

For operators, and for the embedded default (no broker, no beat) where nothing sweeps by itself.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.models import Source
from sources.services import source_fetch, sources_claim_due


class Command(BaseCommand):
    help = "Fetch sources now, in this process, and print what happened to each."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--due", action="store_true", help="Sources whose check is due.")
        which.add_argument("--all", action="store_true", help="Every source with a URL.")
        which.add_argument(
            "--source", type=int, action="append", metavar="ID", help="This source (repeatable)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Also retry sources recorded as blocked."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["due"]:
            ids = sources_claim_due(limit=100_000)
        elif options["all"]:
            ids = list(
                Source.objects.filter(url__isnull=False).order_by("id").values_list("id", flat=True)
            )
        else:
            ids = options["source"]
            missing = set(ids) - set(Source.objects.filter(id__in=ids).values_list("id", flat=True))
            if missing:
                raise CommandError(f"No source with id {', '.join(map(str, sorted(missing)))}.")
        counts: Counter[str] = Counter()
        for done, source_id in enumerate(ids, start=1):
            outcome = source_fetch(source_id=source_id, force=options["force"])
            counts[outcome.outcome] += 1
            self.stdout.write(
                f"{source_id}\t{outcome.outcome}"
                + (f"\t{outcome.detail}" if outcome.detail else "")
            )
            self._progress(done, len(ids))
        summary = ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) or "nothing due"
        self.stderr.write(f"\nRefreshed {len(ids)} sources: {summary}.")

    def _progress(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
