"""Program code pasted into an engineering blog's page is no claim (2026-12-07, session 26):
"CREATE INDEX ...;" and "SELECT count(*) FROM orders ...;" were claims, one of them holding
the figure 42. And milliseconds glued on ("240ms") are a figure."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_html
from claims.extraction.code_lines import is_code_line
from claims.extraction.quantities import find_quantities

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Why our Postgres queries got 10x faster | Acme Engineering Blog</title></head><body>
<article><h1>Why our Postgres queries got 10x faster</h1>
<p>Last month our median API latency dropped from 240ms to 24ms. This post explains how.</p>
<p>We run PostgreSQL 15 on a single primary with two replicas. The database holds about 2.3 TB
of data across 400 tables.</p>
<pre><code>CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id, created_at DESC);
SELECT count(*) FROM orders WHERE user_id = 42;</code></pre>
<p>The missing index meant that 87% of our queries did a sequential scan. After adding it, the
p99 latency fell by 92%.</p>
</article></body></html>"""


def test_a_code_block_is_no_sentence() -> None:
    texts = [s.text for s in extract(read_html(PAGE)).sentences]
    assert not any(t.startswith(("CREATE", "SELECT")) for t in texts)
    assert any(t.startswith("The missing index meant that 87%") for t in texts)


@pytest.mark.parametrize(
    "line",
    [
        "$ pip install requests",
        ">>> import numpy as np",
        "from django.db import models",
        "def main():",
        "const total = items.reduce((a, b) => a + b, 0);",
        "if (user_id == null) {",
        "print(os.path.join(a, b));",
    ],
)
def test_lines_of_code(line: str) -> None:
    assert is_code_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved it; the mayor did not.",
        "Import duties rose 5%.",
        "SELECT committee members met on Tuesday.",
        "WITH 40 SECONDS LEFT;",
        "He said the plan (which cost £4m) was a failure;",
        "The user_id field was exposed, researchers said.",
    ],
)
def test_lines_of_prose(line: str) -> None:
    assert not is_code_line(line)


def test_milliseconds_glued_on() -> None:
    # Neither was found.
    found = find_quantities("Latency dropped from 240ms to 24ms.")
    assert [(q.value, q.unit) for q in found] == [(240, "ms"), (24, "ms")]
