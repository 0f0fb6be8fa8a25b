"""Given names and the gender each usually signals, for telling a person's name from an
organisation's and for resolving "he" and "she": the hand-written list of international news
(data/first_names.txt) and the US Census Bureau's 1990 count (data/census_first_names.txt,
written by bench/build_first_names.py)."""

from __future__ import annotations

import functools
from pathlib import Path

FIRST_NAMES_PATH = Path(__file__).resolve().parent / "data" / "first_names.txt"
# The US Census Bureau's 1990 given names (bench/build_first_names.py), read after the
# hand-written list, which wins where both list a name.
CENSUS_FIRST_NAMES_PATH = FIRST_NAMES_PATH.with_name("census_first_names.txt")


@functools.cache
def first_name_genders() -> dict[str, str]:
    """Given name (lower case) -> "m", "f" or "" (both or unknown), from data/first_names.txt
    and, for names it lacks, data/census_first_names.txt."""
    genders = _read_names(FIRST_NAMES_PATH)
    for name, code in _read_names(CENSUS_FIRST_NAMES_PATH).items():
        genders.setdefault(name, code)
    return genders


def _read_names(path: Path) -> dict[str, str]:
    genders: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue
        code = "" if fields[0] == "u" else fields[0]
        for name in fields[1:]:
            key = name.lower()
            genders[key] = code if genders.get(key, code) == code else ""
    return genders
