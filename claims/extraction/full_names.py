"""An organisation's short name read as the name in full the page gave it: "The Commission
said" after "the European Commission", "The Met said" after "the Metropolitan Police", "The
RCN said" after "the Royal College of Nursing (RCN)" (moved out of organisations.py,
2026-12-07, session 33, as it neared 500 lines)."""

from __future__ import annotations

from claims.extraction.names import is_org
from claims.extraction.people import GENERIC_SINGULAR, SpeakerContext
from claims.extraction.speaker_types import ORGANIZATION, speaker_type


def org_in_full(speaker: str, context: SpeakerContext) -> str:
    """A one-word speaker that is an organisation's word ("The Commission said") as the one
    organisation named in full before that ends with it ("the European Commission"); the
    speaker as found otherwise (none, or several: "the Commission" after two)."""
    owner, _, generic = speaker.rpartition(" ")
    if owner and " " not in owner and generic in GENERIC_SINGULAR:
        # "A Met spokesman said" after "a Metropolitan Police officer": its spokesman
        full = org_in_full(owner, context)
        return f"{full} {generic}" if full != owner else speaker
    if speaker in context.acronyms:
        return context.acronyms[speaker]  # "The RCN said": the Royal College of Nursing
    # "the Rail, Tram and Bus Union (RTBU) said": a name with a comma inside, which the name
    # run ends at, whole as its initials spell it
    cut = {
        name
        for name in context.acronyms.values()
        if len(name) > len(speaker)
        and (
            (name.endswith(speaker) and "," in name[: -len(speaker)])
            # "according to a news release from Immigration, Refugees and Citizenship Canada
            # (IRCC)": the run ends at the first comma
            or (name.startswith(f"{speaker},") and " " not in speaker)
        )
    }
    if speaker and len(cut) == 1:
        return cut.pop()
    clipped = _clipped(speaker, context)
    if clipped:
        return clipped  # "The Met said" after "the Metropolitan Police", "the Fed"
    if " " in speaker or not is_org(speaker):
        return speaker
    named = {
        name
        for name in (*context.mentions, *context.orgs)
        if " " in name and name.rsplit(" ", 1)[1] == speaker
    }
    if not named:  # "The Bank said" after "The Bank of England has held rates"
        named = {
            name for name in (*context.mentions, *context.orgs) if name.startswith(f"{speaker} of ")
        }
    return named.pop() if len(named) == 1 else speaker


def _clipped(speaker: str, context: SpeakerContext) -> str:
    """The one organisation named in full before whose first word ``speaker`` clips ("Met":
    the Metropolitan Police; "Fed": the Federal Reserve); "" when none or several."""
    if not (3 <= len(speaker) <= 5 and speaker.isalpha() and speaker.istitle()):
        return ""
    named = {
        name
        for name in (*context.mentions, *context.orgs)
        if " " in name
        and len(name.split()[0]) > len(speaker)
        and name.split()[0].startswith(speaker)
        and (is_org(name) or speaker_type(name) == ORGANIZATION)
    }
    return named.pop() if len(named) == 1 else ""
