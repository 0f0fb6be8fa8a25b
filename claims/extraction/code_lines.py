"""Lines of program code pasted into a page (a blog's `<pre><code>` block, a shell command): no
sentence of them is a claim. Recognised by how code is written, never by topic: a shell or
interpreter prompt, an SQL statement in capitals ending in a semicolon, a Python import or
definition, or a line ending in ";", "{" or "}" that calls or assigns with a programmer's
identifier ("user_id", "os.path")."""

from __future__ import annotations

import re

_PROMPT = re.compile(r"^(?:\$|>>>|PS>|C:\\>)\s+\S")
_SQL = re.compile(
    r"^(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|CREATE|ALTER|DROP|WITH|GRANT)\s+[^a-z]"
    r"[^\n]*\b(?:FROM|INTO|SET|TABLE|INDEX|VIEW|VALUES|ON|AS)\b[^\n]*;\s*$"
)
_PYTHON = re.compile(
    r"^(?:import\s+[\w.]+(?:\s+as\s+\w+)?|from\s+[\w.]+\s+import\s+[\w*, ]+"
    r"|def\s+\w+\(.*\):|class\s+\w+(?:\(.*\))?:|@\w+(?:\(.*\))?)\s*$"
)
_END = re.compile(r"[;{}]\s*$")
_CALL_OR_ASSIGNMENT = re.compile(r"\w\(|\)|\s=\s|==|=>|->")
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]\w*\.[a-z_]\w*\(|\b[a-z]+[A-Z]\w*\(")


def is_code_line(line: str) -> bool:
    """Whether ``line`` (stripped) is a line of program code."""
    if _PROMPT.match(line) or _SQL.match(line) or _PYTHON.match(line):
        return True
    return bool(_END.search(line) and _CALL_OR_ASSIGNMENT.search(line) and _IDENTIFIER.search(line))
