"""`manage.py match_file CLAIMS.tsv QUERIES.tsv [--top 5]`: batch matching, as a TREC run.

For evaluation (the CLEF CheckThat! held-out test is scored from this output) and
de-duplication. In memory: it reads two files and never touches the database. Each query's
lines are written as soon as it is ranked; progress (encoding the claims, ranking the queries)
and a closing summary go to stderr, never to stdout (`-v 0` silences them).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.management.progress import Progress
from claims.semantic.encoder import load_matching_encoder, matching_encoder_problem
from claims.semantic.ranking import Ranker

RUN_TAG = "claimtracker"
HEADER = ("id", "text")


def read_items(path: str) -> list[tuple[str, str]]:
    """(id, text) pairs from an `id<TAB>text` file; an optional first line `id<TAB>text` is a
    header. Further tabs in a line belong to the text (read as spaces)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path} is not UTF-8 text: convert it to UTF-8 first.") from exc
    items: list[tuple[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id, tab, text = line.partition("\t")
        item_id = item_id.strip()
        if number == 1 and (item_id.lower(), text.strip().lower()) == HEADER:
            continue
        if not tab or not item_id or not text.strip():
            raise CommandError(
                f"{path}, line {number}: expected `id<TAB>text` (an id, a tab, then the text). "
                "Fix the line or remove it."
            )
        if any(c.isspace() for c in item_id):
            raise CommandError(
                f"{path}, line {number}: the id {item_id!r} contains a space; TREC run "
                "lines cannot carry it. Use ids without spaces."
            )
        if item_id in seen:
            raise CommandError(
                f"{path}, line {number}: the id {item_id!r} appears twice. Ids must be unique."
            )
        seen.add(item_id)
        items.append((item_id, " ".join(text.split("\t")).strip()))
    if not items:
        raise CommandError(f"{path} holds no `id<TAB>text` lines: nothing to match.")
    return items


class Command(BaseCommand):
    help = (
        "Rank the claims of CLAIMS.tsv for each query of QUERIES.tsv (both `id<TAB>text`, "
        "optional header `id<TAB>text`) by meaning and wording, and print a TREC run: "
        "`query_id Q0 claim_id rank score claimtracker`, tab-separated, best first, --top "
        "lines per query. Runs in memory; the database is not used."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("claims", metavar="CLAIMS.tsv", help="The collection: id<TAB>text.")
        parser.add_argument("queries", metavar="QUERIES.tsv", help="The queries: id<TAB>text.")
        parser.add_argument("--top", type=int, default=5, help="Claims per query (default 5).")
        parser.add_argument(
            "--lexical",
            action="store_true",
            help="Rank by wording only (trigram similarity), without the sentence encoder.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        top = options["top"]
        if top < 1:
            raise CommandError("--top must be at least 1.")
        started = time.monotonic()
        claims = read_items(options["claims"])
        queries = read_items(options["queries"])
        quiet = options["verbosity"] < 1
        encoder = None
        if not options["lexical"]:
            encoder = load_matching_encoder()
            if encoder is None:
                problem = (matching_encoder_problem() or "see the log").rstrip(".")
                self.stderr.write(
                    f"match_file: the sentence encoder is unavailable ({problem}); "
                    "ranking by wording only."
                )
        encoding = None if quiet or encoder is None else Progress(len(claims), self.stderr)
        if encoding is not None:
            self.stderr.write(f"match_file: encoding {len(claims)} claims")
        # As the service ranks: the cross-encoder re-orders unless the deployment turned it off.
        ranker = Ranker(
            [text for _, text in claims],
            encoder,
            reorder=settings.CLAIMS_MATCH_CROSS_ENCODER,
            progress=encoding,
        )
        encoded = f", encoding {encoding.seconds:.1f} s" if encoding is not None else ""
        ranking = None if quiet else Progress(len(queries), self.stderr, "queries")
        if ranking is not None:
            self.stderr.write(f"match_file: ranking {len(queries)} queries")
        results = ranker.ranked([text for _, text in queries], top=top)
        for (query_id, _), hits in zip(queries, results, strict=True):
            for rank, hit in enumerate(hits, start=1):
                claim_id = claims[hit.index][0]
                self.stdout.write(f"{query_id}\tQ0\t{claim_id}\t{rank}\t{hit.score:.6f}\t{RUN_TAG}")
            self.stdout.flush()
            if ranking is not None:
                ranking(1)
        if not quiet:
            self.stderr.write(
                f"match_file: {len(queries)} queries against {len(claims)} claims in "
                f"{time.monotonic() - started:.1f} s{encoded}."
            )
