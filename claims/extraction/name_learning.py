"""The people a sentence names in full ("Health secretary Matt Hancock", "Mr Hancock",
"Luiz Inácio Lula da Silva"), remembered in the document's SpeakerContext with the gender a
title or a given name shows, so that later surnames, short forms and pronouns resolve to them
(claims.extraction.people)."""

from __future__ import annotations

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import FEMALE_WORDS, MALE_WORDS, PERSON_ROLES
from claims.extraction.names import (
    POSTNOMINALS,
    Token,
    clean_run,
    connects,
    is_capitalised,
    is_org,
    is_title,
    name_after,
    name_before,
    strip_titles,
)
from claims.extraction.people import (
    NOT_IN_PERSONAL_NAMES,
    NOT_PERSON_ENDINGS,
    SURNAME_PARTICLES,
    SpeakerContext,
    register_mention,
    register_name,
)
from claims.extraction.person_names import name_start_before, person_after
from claims.extraction.speaker_types import PERSON, speaker_type


def learn_names(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Remember the full personal names in the sentence ("Health secretary Matt Hancock",
    "Mr Hancock"), so later surnames resolve to them, with the gender a title or a given name
    shows."""
    genders = first_name_genders()
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        lower = token.lower
        titled = lower in MALE_WORDS or lower in FEMALE_WORDS
        given = lower in genders and is_capitalised(token)
        if (titled or given) and i + 1 < n and is_capitalised(tokens[i + 1]):
            j = i + 1 if titled else i
            run = name_after(tokens, j)[: 6 if _has_particle(tokens, j) else 4]
            # A person's name has no "of", "and" or "on" in it: "Robert Gates on Sunday"
            # is Robert Gates (the particles of "Ursula von der Leyen" stay).
            cut = next((k for k, t in enumerate(run) if t.text in NOT_IN_PERSONAL_NAMES), None)
            if cut is not None:
                run = run[:cut]
            while run and (connects(run[-1]) or run[-1].text in POSTNOMINALS):
                run.pop()
            if run and run[-1].text.endswith(("’s", "'s")):
                run.pop()
            words = [t.text.rstrip(".") for t in run]
            if (
                words
                and not is_org(" ".join(words))
                and words[-1].lower() not in NOT_PERSON_ENDINGS
                and not any(is_title(t) for t in run[1:])
            ):
                gender = (
                    "m"
                    if lower in MALE_WORDS
                    else "f"
                    if lower in FEMALE_WORDS
                    else genders.get(words[0].lower(), "")
                )
                if len(words) >= 2 and words[0].lower() in genders:
                    full = " ".join(words)
                    register_mention(full, context)
                    if gender:
                        context.genders.setdefault(full, gender)
                elif titled and len(words) == 1 and gender:
                    # "Mr Anderson" is the latest Anderson who can be a man, not Zoe Anderson.
                    namesakes = context.namesakes.get(words[0], [])
                    full = next(
                        (n for n in reversed(namesakes) if context.gender(n) in {"", gender}), ""
                    )
                    if full:
                        context.surnames[words[0]] = full
                        context.genders.setdefault(full, gender)
                    else:
                        context.surnames.pop(words[0], None)
                        # "Mrs May told MPs ...": the speaker is "May", and she is a woman
                        context.genders.setdefault(words[0], gender)
            i = j + max(1, len(run))
            continue
        if token.text.islower() and lower in PERSON_ROLES and i + 2 < n:
            # "political analyst Ahmad Saeedi", "his lawyer Aitor Martinez": a person after a
            # role, whatever the given name (the given-name list is short).
            _learn_after_role(tokens, i + 1, context)
        i += 1
    if "," in text:
        _learn_appositions(tokens, context)
    if "known as" in text:
        _learn_aliases(tokens, text, context)


def _learn_appositions(tokens: list[Token], context: SpeakerContext) -> None:
    """ "Aitor Martinez, a Spanish lawyer representing ...": a person before a described role."""
    for comma, token in enumerate(tokens):
        if token.text != "," or comma + 2 >= len(tokens):
            continue
        if tokens[comma + 1].lower in {"who", "whose"}:
            pass  # "people like Latasha Abney, who joined ...": only a person is a "who"
        elif tokens[comma + 1].lower not in {"a", "an", "the"}:
            continue
        else:
            described = tokens[comma + 2 : comma + 6]
            if not any(t.text.islower() and t.lower in PERSON_ROLES for t in described):
                continue
        start = name_start_before(tokens, comma)
        if start is not None:
            _learn_after_role(tokens, start, context)


def _learn_after_role(tokens: list[Token], start: int, context: SpeakerContext) -> None:
    name, _ = person_after(tokens, start)
    if name:
        register_mention(name, context)


def _has_particle(tokens: list[Token], j: int) -> bool:
    """Whether a name from ``tokens[j]`` holds a particle within its first five words ("Luiz
    Inácio Lula da Silva"): such a name runs past four words."""
    return any(t.lower in SURNAME_PARTICLES for t in tokens[j + 1 : j + 5])


def _learn_aliases(tokens: list[Token], text: str, context: SpeakerContext) -> None:
    """ "Joko Widodo, known as Jokowi,", "Luiz Inácio Lula da Silva, better known as Lula": the
    one word the text calls the person by from then on means them."""
    for k, token in enumerate(tokens):
        if token.lower != "known" or k + 2 >= len(tokens) or tokens[k + 1].lower != "as":
            continue
        alias = tokens[k + 2]
        j = k - 1
        while j >= 0 and tokens[j].lower in {"better", "popularly", "widely", "(", ","}:
            j -= 1
        run = strip_titles(name_before(tokens, j + 1))
        full = clean_run(text, run)
        if len(run) >= 2 and is_capitalised(alias) and speaker_type(full) == PERSON:
            register_name(full, context)
            context.surnames[alias.text] = full
