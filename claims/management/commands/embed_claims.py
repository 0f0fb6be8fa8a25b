"""`manage.py embed_claims [--all] [--match] [--build-index]`: back-fill claims' vectors.

Embeds every claim without a vector from the current model (a new install, a model change);
`--all` re-embeds every claim whose stored vector no longer encodes its wording too. Progress
goes to stderr; the summary to stdout.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims import embeddings, services
from claims.management.progress import Progress
from claims.semantic.encoder import (
    MATCHING_MODEL_ID,
    load_matching_encoder,
    matching_encoder_problem,
)


class Command(BaseCommand):
    help = (
        "Store sentence vectors for claims that have none from the current model (--all: "
        "check every claim, re-embedding those whose wording changed). --match also records "
        "each claim's matches; --build-index rebuilds the approximate index afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Check every claim.")
        parser.add_argument(
            "--match", action="store_true", help="Record what each embedded claim matches."
        )
        parser.add_argument(
            "--build-index",
            action="store_true",
            help="Rebuild the approximate vector index (when the collection is large enough).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        encoder = load_matching_encoder()
        if encoder is None:
            raise CommandError(
                f"The sentence encoder cannot load: {matching_encoder_problem()} Matching stays by "
                "wording until it can."
            )
        ids = list(embeddings.claims_to_embed(everything=options["all"]))
        progress = Progress(len(ids), self.stderr)
        written = embeddings.embed(ids, encoder, progress=progress)
        self.stdout.write(f"Embedded {written} of {len(ids)} claims checked ({MATCHING_MODEL_ID}).")
        if options["match"]:
            for start in range(0, len(ids), embeddings.EMBED_BATCH):
                services.claims_record_matches(ids[start : start + embeddings.EMBED_BATCH])
            self.stdout.write(f"Recorded the matches of {len(ids)} claims.")
        if options["build_index"]:
            indexed = embeddings.build_ann_index()
            self.stdout.write(
                f"Built the approximate index of {indexed} claims."
                if indexed
                else "The collection is small: exact search needs no index."
            )
