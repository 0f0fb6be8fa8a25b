"""A speaker a sentence gives by a participle after its clause (", saying ...", ", adding ...",
", writing that ..."): the sentence's subject, also before its apposition ("The Nigeria Labour
Congress (NLC), the country's main union, had demanded ..., saying"), or the organisation or role
it opens with ("The agency later issued an advisory, saying ..."); and "with X saying". For
claims.extraction.speakers, split from it."""

from __future__ import annotations

from claims.extraction.clauses import Found, can_speak, person_in, subject_run
from claims.extraction.descriptions import description_before
from claims.extraction.lexicon import ATTRIBUTION_PARTICIPLES
from claims.extraction.names import Token, clean_run, name_before
from claims.extraction.people import SpeakerContext
from claims.extraction.quotations import has_real_quote
from claims.extraction.resolution import resolve_found
from claims.extraction.verbs import that_follows


def participle_speaker(
    text: str, tokens: list[Token], quoted: bool, context: SpeakerContext
) -> str | None:
    """The speaker of a sentence that says what it reports by a participle (or quotes with no
    verb of saying: its subject), resolved; None when it gives none so."""
    for i, t in enumerate(tokens):
        # "..., with Chancellor Rachel Reeves saying it would create 100,000 jobs": hers
        if t.lower == "saying" and i > 1:
            run = name_before(tokens, i)
            at = tokens.index(run[0]) if run else 0
            name = clean_run(text, run) if run and at and tokens[at - 1].lower == "with" else ""
            if name and can_speak(name, run, tokens, context):
                return resolve_found(Found(name=person_in(name), kind="name"), context)
    participle = any(
        i
        and (
            tokens[i - 1].text == ","
            # "Keir Starmer later issued a statement saying ...": no comma after a statement
            or (tokens[i - 1].lower in _STATEMENTS and i >= 3 and tokens[i - 2].lower != "the")
        )
        and (
            t.lower in ATTRIBUTION_PARTICIPLES
            # "..., writing that she had "achieved a great deal"", "posting on X that"
            or (t.lower in _WRITING and that_follows(tokens, i))
        )
        for i, t in enumerate(tokens)
    )
    if participle or (quoted and has_real_quote(text)):
        run = subject_run(tokens, allow_comma=False)
        if not run and participle:
            # "The Nigeria Labour Congress (NLC), the country's main union, had demanded ...,
            # saying": the subject before its apposition (not "In London, the mayor ...")
            run = _apposed_opening(tokens)
        subject = clean_run(text, run) if run else ""
        if subject and can_speak(subject, run, tokens, context):
            # "Governments will have to ..., they argue, adding ...": not a speaker
            return resolve_found(Found(name=subject, kind="name"), context)
        described = _described_subject(text, tokens) if participle and not run else None
        if described is not None:
            return resolve_found(described, context)
    return None


_APPOSITION_STARTS = frozenset({"the", "a", "an", "who", "which", "its", "their", "his", "her"})


def _apposed_opening(tokens: list[Token]) -> list[Token]:
    """The name the sentence opens with (after "The" at most) when an apposition follows it:
    "The Nigeria Labour Congress (NLC), the country's main union, ..."; [] otherwise."""
    run = subject_run(tokens, allow_comma=True)
    first = tokens.index(run[0]) if run else -1
    if first < 0 or first > 1 or (first == 1 and tokens[0].lower != "the"):
        return []
    after = first + len(run)
    after += 3 if after + 3 < len(tokens) and tokens[after].text == "(" else 0  # "(NLC)"
    if after + 1 >= len(tokens) or tokens[after].text != ",":
        return []
    following = tokens[after + 1]
    possessive = following.text.endswith(("'s", "’s")) and following.text[:1].isupper()
    return run if following.lower in _APPOSITION_STARTS or possessive else []


def _described_subject(text: str, tokens: list[Token]) -> Found | None:
    """The organisation or role a sentence opens with when it describes its subject: "The agency
    later issued an advisory, saying ..." (the Japan Meteorological Agency named before), "The
    minister wrote to MPs, saying ..."; None for any other opening."""
    if not tokens or tokens[0].lower != "the":
        return None
    for k in range(1, min(4, len(tokens) - 1)):
        following = tokens[k + 1].text
        if tokens[k].lower == "two":
            continue  # "The two leaders later issued ...": the head noun is next
        if tokens[k].text.islower() and following.isalpha() and following.islower():
            if following in {"of", "and", "for", "at", "in"}:
                return None  # "The head of ...": whose, the words go on to say
            found = description_before(text, tokens, k)
            kinds = {"org-noun", "role", "pair"}  # "The two leaders issued a statement saying"
            if found is not None and found.kind in kinds:
                return found
            # "The transport minister has defended ...": "transport" describes the head noun
    return None


# What a subject issues before a participle without a comma: "issued a joint statement saying".
_STATEMENTS = frozenset({"statement", "advisory", "notice", "message", "letter", "warning"})
# Participles of writing that attribute what follows "that" to the sentence's subject.
_WRITING = frozenset({"writing", "posting", "tweeting"})
