"""`manage.py refresh_sources [--due | --all | --source ID ...]`: fetch sources in the foreground.

For operators, and for the embedded default (no broker, no beat) where nothing sweeps by itself.
Each source's outcome is one line on stdout (a failure with its reason); on a terminal a
progress bar is drawn under them. The refresh's own log lines, which repeat each failure, are
held back below ERROR unless --verbosity 2 or more asks for them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.models import Source
from sources.refresh import source_fetch
from sources.services import sources_lease_due

# Erases the terminal line the progress bar is on (ANSI "erase in line").
CLEAR_LINE = "\r\x1b[K"


@contextmanager
def _quiet(logger_name: str, *, enabled: bool) -> Iterator[None]:
    """Hold a logger's records below ERROR back for the duration."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    if enabled:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


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
            ids = sources_lease_due(limit=100_000)
        elif options["all"]:
            ids = list(
                Source.objects.filter(url__isnull=False).order_by("id").values_list("id", flat=True)
            )
        else:
            ids = options["source"]
            missing = set(ids) - set(Source.objects.filter(id__in=ids).values_list("id", flat=True))
            if missing:
                raise CommandError(f"No source with id {', '.join(map(str, sorted(missing)))}.")
        progress = self.stdout.isatty()
        counts: Counter[str] = Counter()
        with _quiet("sources.refresh", enabled=options["verbosity"] < 2):
            for done, source_id in enumerate(ids, start=1):
                outcome = source_fetch(source_id=source_id, force=options["force"])
                counts[outcome.outcome] += 1
                line = f"{source_id}\t{outcome.outcome}" + (
                    f"\t{outcome.detail}" if outcome.detail else ""
                )
                self.stdout.write((CLEAR_LINE if progress else "") + line)
                if progress:
                    self._progress(done, len(ids))
        summary = ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) or "nothing due"
        self.stdout.write(
            (CLEAR_LINE if progress else "") + f"Refreshed {len(ids)} sources: {summary}."
        )

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stdout.write(f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
