"""`manage.py checkworthiness FILE`: score one sentence per line.

By default every line is read by every stage the model has, the fine-tuned classifier included
(``score_many(thorough=True)``): what a list of sentences or a debate transcript deserves.
``--fast`` scores as the extractor does, the classifier only reading the lines whose cheaper
score falls in its band (the extractor's speed budget)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction import default_min_score, default_scorer
from claims.extraction.learned.rescoring import use_encoder
from claims.semantic.encoder import load_encoder


class Command(BaseCommand):
    help = (
        "Read one sentence per line from FILE ('-' for stdin) and print, per line, the "
        "check-worthiness score and the decision (1: check-worthy, 0: not), tab-separated. "
        "An empty line gets a line too, so output lines match input lines. Every line is read "
        "by the fine-tuned classifier (about 6 ms of CPU a line); --fast scores as the "
        "extractor does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="FILE", help="One sentence per line, or - for stdin.")
        parser.add_argument(
            "--fast",
            action="store_true",
            help="Score as the extractor does: the classifier reads only the lines whose "
            "cheaper score is near the threshold (and the extractor's threshold decides).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        try:
            if path == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(path, encoding="utf-8") as f:
                    lines = f.read().splitlines()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text: convert it first.") from exc
        use_encoder(load_encoder)  # the learned scorer's second stage (idempotent)
        scorer = default_scorer()
        threshold = default_min_score()
        # All lines at once, as the extractor scores a document: the learned scorer embeds the
        # sentences its second stage rescores in one batch.
        score_many = getattr(scorer, "score_many", None)
        thorough = not options["fast"] and hasattr(scorer, "thorough_threshold")
        if thorough:
            scores = [score for score, _ in score_many(lines, thorough=True)]
            threshold = scorer.thorough_threshold
        elif callable(score_many):
            scores = [score for score, _ in score_many(lines)]
        else:
            scores = [scorer.score(line)[0] for line in lines]
        for score in scores:
            score = min(1.0, max(0.0, score))  # as the extractor clamps it
            self.stdout.write(f"{score:.4f}\t{1 if score >= threshold else 0}")
