"""A headline that gives its source by a noun alone ("Water bills to rise by 36% over five
years, regulator says", "Man charged after stabbing, police say"): the organisation the body
then introduces with that noun ("the industry regulator Ofwat") or whose name holds it ("West
Yorkshire Police"). News names the source right under such a headline, so the headline waits
for the whole text to be read."""

from __future__ import annotations

import re

from claims.extraction.clauses import ORG_NOUNS
from claims.extraction.lexicon import PERSON_ROLES
from claims.extraction.names import Token, is_title
from claims.extraction.org_kinds import ORG_DESCRIPTORS, is_business_noun, is_public_body
from claims.extraction.people import SpeakerContext

# "..., regulator says", "... police say", "... watchdog warns": the verb ends the headline.
_NOUN_SAYS = re.compile(
    r"(?:^|[,:;]\s*|\s)(?:the\s+)?(?P<head>[a-z]+)\s+"
    r"(?:says?|warns?|finds?|claims?|confirms?|reports?|announces?|admits?|denies|deny)"
    r"[.!]?\s*$"
)
_HEADLINE_NOUNS = ORG_NOUNS | ORG_DESCRIPTORS
_Unit = tuple[int, int, str, str]
_BODY_TOP = 2  # the paragraphs right under the headline (the headline's own is the first)


def headline_sources(pending: list[_Unit], context: SpeakerContext) -> list[_Unit]:
    """``pending`` (start, end, speaker, sentence) with the first unit given its source when it
    is such a headline, has no speaker and the text introduced the organisation after it; and
    a headline's or standfirst's bare role ("Chancellor says ...") given the person the body
    calls by that role."""
    pending = _roles_named_below(pending)
    if not pending or pending[0][2]:
        return pending
    start, end, _, sentence = pending[0]
    m = _NOUN_SAYS.search(sentence)
    if m is None:
        return pending
    head = m.group("head")
    if head not in _HEADLINE_NOUNS and not is_business_noun(head):
        return pending
    introduced = context.org_nouns.get(head)
    source = introduced[0] if introduced else ""
    if not source:
        source = next((o for o in context.orgs if head in o.lower().split()), "")
    if not source and is_business_noun(head):
        # "Profits to fall by 20%, company warns" / "..., Acme Holdings said": the first
        # business that speaks right under the headline
        source = next(
            (
                o
                for o in context.orgs
                if context.org_paragraphs[o] <= _BODY_TOP and not is_public_body(o)
            ),
            "",
        )
    if not source:
        return pending
    return [(start, end, source, sentence), *pending[1:]]


# How many units from the top a headline and its standfirst take.
_TOP_UNITS = 3


def _roles_named_below(pending: list[_Unit]) -> list[_Unit]:
    """A unit near the top whose speaker is a bare role ("Chancellor says airport expansion
    will boost growth") given the person the body's "the chancellor said" was found to be
    (Rachel Reeves); when the body never says, an office's title stays as it was and any
    other role ("Nurse denies ...") is nobody's."""
    out = list(pending)
    for k, (start, end, speaker, sentence) in enumerate(pending[:_TOP_UNITS]):
        if " " in speaker or speaker.lower() not in PERSON_ROLES:
            continue
        # the role opening a later sentence as its subject ("The chancellor said ..."), not
        # someone's thing ("The chancellor's plan is reckless, said Mel Stride")
        phrase = re.compile(rf"the {re.escape(speaker.lower())}\b(?![’'-])", re.IGNORECASE)
        person = next((u[2] for u in pending[k + 1 :] if " " in u[2] and phrase.match(u[3])), "")
        if person or not is_title(Token(speaker, start, start, speaker.lower())):
            # "Nurse denies poisoning patients": one nurse of many, nobody by that name; an
            # office's title ("Chancellor says") stays the office
            out[k] = (start, end, person, sentence)
    return out
