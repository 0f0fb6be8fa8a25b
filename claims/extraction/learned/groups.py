"""Which election each CheckThat! training sentence comes from: the groups of grouped CV.

The CT24 files carry no debate column, but their ``Sentence_id``s are ClaimBuster's: every
debate is one run of consecutive ids (the files are shuffled; sorted by id a debate reads in
order), and the runs follow no date order. A debate names its candidates far more than any
other election's ("Governor Romney", "Senator Kennedy", "Mr. Perot"), so each sentence is put
in the election whose candidates the sentences within ``WINDOW`` ids of it name most. A window
that names nobody takes the label of the window before it.

Folds then hold out whole elections, each with all of its debates (presidential and vice
presidential): a held-out debate shares no candidates, no moderators and few topics with the
training debates, which is what a new debate or a news article looks like to the model. A
boundary between two debates may be off by a few sentences; holding out all the debates of an
election rather than one debate makes up for that (and errs on the strict side).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

# Per election: the two main candidates first, then running mates and third candidates.
ELECTIONS: dict[int, tuple[str, ...]] = {
    1960: ("kennedy", "nixon", "lodge"),
    1976: ("ford", "carter"),
    1980: ("reagan", "carter", "anderson"),
    1984: ("reagan", "mondale", "ferraro"),
    1988: ("bush", "dukakis", "quayle", "bentsen"),
    1992: ("bush", "clinton", "perot", "quayle", "gore", "stockdale"),
    1996: ("clinton", "dole", "kemp", "gore"),
    2000: ("bush", "gore", "cheney", "lieberman"),
    2004: ("bush", "kerry", "cheney", "edwards"),
    2008: ("obama", "mccain", "biden", "palin"),
    2012: ("obama", "romney", "biden", "ryan"),
    2016: ("clinton", "trump", "pence", "kaine"),
}
WINDOW = 400  # ids either side; a debate runs to about a thousand ids
STEP = 250  # the grid of window centres
RUNNING_MATE_WEIGHT = 0.3
_WORD = re.compile(r"[a-z]+")
_NAMES = frozenset(n for names in ELECTIONS.values() for n in names)


def election_groups(ids: Sequence[int], texts: Sequence[str]) -> list[int]:
    """The election year of each sentence (see the module docstring)."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    sorted_ids = [ids[i] for i in order]
    named = [_NAMES.intersection(_WORD.findall(texts[i].lower())) for i in order]
    labels: dict[int, int] = {}
    previous = min(ELECTIONS)
    top = sorted_ids[-1] if sorted_ids else 0
    for centre in range(0, top + STEP, STEP):
        lo = bisect.bisect_left(sorted_ids, centre - WINDOW)
        hi = bisect.bisect_right(sorted_ids, centre + WINDOW)
        counts: dict[str, int] = {}
        for names in named[lo:hi]:
            for n in names:
                counts[n] = counts.get(n, 0) + 1
        best, best_score = previous, 0.0
        for year, names in ELECTIONS.items():
            score = sum(
                math.log1p(counts.get(n, 0)) * (1.0 if k < 2 else RUNNING_MATE_WEIGHT)
                for k, n in enumerate(names)
            )
            if score > best_score:
                best, best_score = year, score
        labels[centre] = previous = best
    return [labels[STEP * round(i / STEP)] for i in ids]


def grouped_folds(groups: Sequence[int], k: int) -> list[list[int]]:
    """Row indices in ``k`` folds, each a set of whole groups; the largest group goes to the
    smallest fold first, so folds come out about equal in size."""
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    folds: list[list[int]] = [[] for _ in range(k)]
    fold_of: dict[int, int] = {}
    load = [0] * k
    for g in sorted(sizes, key=lambda g: (-sizes[g], g)):
        target = min(range(k), key=lambda f: (load[f], f))
        fold_of[g] = target
        load[target] += sizes[g]
    for i, g in enumerate(groups):
        folds[fold_of[g]].append(i)
    return [f for f in folds if f]
