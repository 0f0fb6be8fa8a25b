"""`manage.py train_checkworthiness`: retrain the learned check-worthiness model.

Needs the development requirements (numpy, scipy through scikit-learn) and the sentence
encoder of requirements.txt; takes about a quarter of an hour on one laptop core. The model
file it writes is what ``extract()`` loads by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.learned import CLASSIFIER_OOF_PATH, MODEL_PATH
from claims.semantic.encoder import CLASSIFIER_ID, load_encoder

DATA = Path(settings.BASE_DIR) / "bench" / "data" / "checkworthiness"


class Command(BaseCommand):
    help = (
        "Train the check-worthiness model on the CLEF CheckThat! 2024 English sentences and "
        "write it (gzip JSON) where the extractor loads it. Every choice (regularisation, "
        "calibration, threshold, second stage) comes from cross-validation on the training "
        "file grouped by election; dev is only reported on."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--train", type=Path, default=DATA / "CT24_checkworthy_english_train.tsv"
        )
        parser.add_argument("--dev", type=Path, default=DATA / "CT24_checkworthy_english_dev.tsv")
        parser.add_argument("--output", type=Path, default=MODEL_PATH)
        parser.add_argument(
            "--c",
            type=float,
            nargs="+",
            default=None,
            help="Inverse L2 strengths for the n-gram weights to choose from by grouped CV.",
        )
        parser.add_argument(
            "--no-rescoring",
            action="store_true",
            help="Leave out the later stages (word vectors and the sentence encoder, both from the "
            "base encoder): n-grams and rules only.",
        )
        parser.add_argument(
            "--classifier-oof",
            type=Path,
            default=CLASSIFIER_OOF_PATH,
            help="The fine-tuned classifier's out-of-fold logits on the training file "
            "(bench/finetune_checkworthiness.py --cv); the sentence stage reads the classifier.",
        )
        parser.add_argument(
            "--no-classifier",
            action="store_true",
            help="The sentence stage reads the base encoder's embedding, not the classifier.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from claims.extraction.learned.training import TrainingConfig, train, write_model
        except ImportError as exc:  # numpy or scipy missing
            raise CommandError(
                f"Training needs the development requirements ({exc}): "
                "pip install -r requirements-dev.txt"
            ) from exc
        for name in ("train", "dev"):
            if not options[name].is_file():
                raise CommandError(f"No {name} file at {options[name]}: pass --{name} PATH.")
        changes: dict[str, Any] = {}
        if options["c"]:
            changes["c_grid"] = tuple(options["c"])
        if options["no_rescoring"]:
            changes["rescoring"] = False
        config = TrainingConfig(**changes)
        try:
            encoder = None if options["no_rescoring"] else load_encoder()
            if encoder is None and not options["no_rescoring"]:
                raise CommandError(
                    "The sentence encoder did not load (see the log): install requirements.txt, "
                    "or pass --no-rescoring for a model without the later stages."
                )
            classifier = None
            if encoder is not None and not options["no_classifier"]:
                classifier = load_encoder(CLASSIFIER_ID)
                if classifier is None or not options["classifier_oof"].is_file():
                    raise CommandError(
                        "The check-worthiness classifier or its out-of-fold logits "
                        f"({options['classifier_oof']}) are missing: restore them from the "
                        "repository, or pass --no-classifier."
                    )
            document = train(
                options["train"],
                options["dev"],
                config=config,
                encoder=encoder,
                classifier=classifier,
                classifier_oof=options["classifier_oof"] if classifier else None,
                log=self.stderr.write,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        write_model(document, options["output"])
        self.stdout.write(
            f"Wrote {options['output']} (threshold {document['threshold']}); "
            "set CLAIMS_MIN_CHECKWORTHINESS to the threshold to use it for ingestion."
        )
