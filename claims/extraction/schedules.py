"""A future that is a timetable, not a forecast: "Parliament will be dissolved on 30 May", "The
bridge will reopen to traffic on Monday", "The ban will come into force in April".

The desk's policy keeps predictions below plain facts ("Unemployment will fall next year" is
nobody's fact yet). A dated event that an institution has fixed is a fact of its decision, one
a fact-checker can look up: "will" before a verb of opening, closing, holding, starting or
taking effect, or "will be" before a decision's participle ("dissolved", "published",
"raised"), with a day, a weekday or a month after it, is no prediction. "Inflation will start
to fall in June" (a verb of starting before "to") and "Prices will rise in June" (no verb of
the timetable) stay predictions.
"""

from __future__ import annotations

from claims.extraction.lexicon import MONTH_NAMES, WEEKDAYS, word_set

# What an institution fixes for a day: "will reopen on Monday", "will hold a vote on Tuesday".
_ACTIVE = word_set(
    """open reopen close shut begin start end resume launch hold meet visit vote strike sit
    expire host"""
)
# Verbs whose next word says it is fixed: "will take effect", "will come into force", "will go
# on sale", "will step down", "will take office".
_WITH_NEXT = {
    "take": word_set("effect office place"),
    "come": word_set("into"),
    "go": word_set("on into ahead"),
    "step": word_set("down aside"),
    "leave": word_set("office"),
}
# "will be dissolved on 30 May", "will be published on Thursday", "will be raised to £12.21
# from April": a decision's participle
_DECIDED = word_set(
    """dissolved held closed opened reopened published announced introduced launched debated
    sworn released suspended shut lifted raised cut increased reduced frozen capped scrapped
    banned replaced renamed paid scheduled sentenced inaugurated unveiled signed"""
)
_SKIPPED = word_set("now also then not only still")
_RELATIVE_DAYS = word_set("tomorrow tonight")
_PERIODS = word_set("week weekend month") | WEEKDAYS  # "next week", "this Friday"


def scheduled(lower: list[str], at: int) -> bool:
    """Whether the "will" at ``lower[at]`` (lower-case tokens) opens a dated event of a
    timetable rather than a forecast."""
    j = at + 1
    while j < len(lower) and lower[j] in _SKIPPED:
        j += 1
    if j >= len(lower):
        return False
    verb = lower[j]
    after = lower[j + 1] if j + 1 < len(lower) else ""
    if verb == "be":
        fixed = after in _DECIDED
    elif verb in _WITH_NEXT:
        fixed = after in _WITH_NEXT[verb]
    else:
        # "will start to fall" is a forecast ("will reopen to traffic" is not)
        fixed = verb in _ACTIVE and not (verb in {"begin", "start"} and after == "to")
    return fixed and _dated(lower, j + 1)


def _dated(lower: list[str], start: int) -> bool:
    """A day, a weekday or a month named after ``start``: "on 30 May", "on Monday", "from
    April", "tomorrow", "next week"."""
    for k in range(start, len(lower)):
        word = lower[k]
        if word in WEEKDAYS or word in MONTH_NAMES or word in _RELATIVE_DAYS:
            if word == "may" and not _a_day_beside(lower, k):
                continue  # "may" is a verb more often than a month
            return True
        if word in {"next", "this"} and k + 1 < len(lower) and lower[k + 1] in _PERIODS:
            return True
    return False


def _a_day_beside(lower: list[str], k: int) -> bool:
    before = lower[k - 1] if k else ""
    after = lower[k + 1] if k + 1 < len(lower) else ""
    return before.isdigit() or after.isdigit() or before in {"in", "from", "until", "by"}
