"""`manage.py checkworthiness FILE`: one "score<TAB>decision" line per input line, nothing else."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import default_min_score, default_scorer
from claims.extraction.learned.rescoring import MEANING

SENTENCES = [
    "Allied forces even provided ships and hardware to facilitate the invasion in 1945.",
    "Is this the end of European solidarity?",
    "",
    "Landings of Atlantic cod fell 45 per cent between 2015 and 2022, the agency reported.",
    "I think we are seeing the beginning of a collapse.",
]


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("checkworthiness", *args, stdout=out)
    return out.getvalue()


def _check(output: str, *, fast: bool = False) -> None:
    """By default every line is read by the classifier too (thorough) and its own threshold
    decides; --fast scores as the extractor does, with the extractor's threshold."""
    lines = output.split("\n")
    assert lines[-1] == ""  # one line per sentence, each ending in a newline
    rows = [line.split("\t") for line in lines[:-1]]
    assert len(rows) == len(SENTENCES)
    scorer = default_scorer()
    threshold = default_min_score() if fast else scorer.thorough_threshold
    for sentence, (score, decision) in zip(SENTENCES, rows, strict=True):
        assert 0.0 <= float(score) <= 1.0
        expected, features = scorer.score_many([sentence], thorough=not fast)[0]
        assert float(score) == pytest.approx(expected, abs=5e-5)
        assert decision == ("1" if float(score) >= threshold else "0")
        if sentence.strip() and not fast:
            assert MEANING in {f.name for f in features}, sentence
    decisions = [decision for _, decision in rows]
    assert decisions[0] == decisions[3] == "1"
    assert decisions[1] == decisions[4] == "0"


def test_scores_each_line_of_a_file(tmp_path):
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    _check(_run(str(path)))


def test_fast_scores_as_the_extractor_does(tmp_path):
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    _check(_run(str(path), "--fast"), fast=True)


def test_reads_stdin_for_a_dash(monkeypatch):
    data = ("\r\n".join(SENTENCES) + "\r\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    _check(_run("-"))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"Cannot read .*nope\.txt"):
        _run(str(tmp_path / "nope.txt"))
