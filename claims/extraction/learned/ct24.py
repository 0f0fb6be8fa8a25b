"""The CheckThat! 2024 check-worthiness files (``Sentence_id``, ``Text``, ``class_label``)
as training reads them, and the sha256 that ties a model or an out-of-fold file to the file it
was made on."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Labelled:
    ids: list[int]
    texts: list[str]
    labels: list[int]


def read_ct24(path: Path) -> Labelled:
    """A CheckThat! TSV: ``Sentence_id``, ``Text``, ``class_label`` (``Yes``/``No``)."""
    ids: list[int] = []
    texts: list[str] = []
    labels: list[int] = []
    with path.open(newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        header = next(rows, None)
        if not header or [h.strip() for h in header[:3]] != ["Sentence_id", "Text", "class_label"]:
            raise ValueError(
                f"{path}: expected the CheckThat! header 'Sentence_id<TAB>Text<TAB>class_label'."
            )
        for line, row in enumerate(rows, start=2):
            if len(row) < 3 or row[2] not in {"Yes", "No"}:
                raise ValueError(f"{path}:{line}: expected three columns ending in Yes or No.")
            ids.append(int(row[0]))
            texts.append(row[1])
            labels.append(1 if row[2] == "Yes" else 0)
    return Labelled(ids, texts, labels)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
