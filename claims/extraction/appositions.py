"""A speaker named in apposition ("Katsunobo Kato, the chief secretary, suggested", "The
supplier, Nordvik Steelworks, denied") and a name run read as a speaker (claims.extraction.speakers
finds where they are)."""

from __future__ import annotations

from claims.extraction import attribution_words as vocab
from claims.extraction.clauses import (
    PREPOSITIONS,
    Found,
    affiliated_person,
    can_speak,
    is_personal_name,
    person_in,
    subject_run,
    with_owner,
)
from claims.extraction.descriptions import describes_someone, description_before
from claims.extraction.lexicon import WEEKDAYS, word_set
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    is_leading_filler,
    is_org,
    is_title,
    name_after,
    name_before,
    opens_a_name,
)
from claims.extraction.people import (
    DETERMINERS,
    GENERIC,
    SpeakerContext,
)

# People around someone, never that someone: "Allies of Boris Johnson said", "Friends of the
# work and pensions secretary, Liz Kendall, said" (her friends spoke, not she).
_AROUND_SOMEONE = word_set("""
    allies friends critics supporters opponents aides associates relatives colleagues advisers
    advisors backers rivals loyalists fans followers confidants""")


def _opens_with_people_around(tokens: list[Token]) -> bool:
    """ "Allies of Boris Johnson said", "Friends of the president", "Allies of the Prime
    Minister": unnamed people around someone; not "Friends of the Earth", an organisation's
    name ("the" and a capital that is no title)."""
    named = (
        len(tokens) > 3
        and tokens[2].lower == "the"
        and is_capitalised(tokens[3])
        and not is_title(tokens[3])
    )
    return (
        len(tokens) > 2
        and tokens[0].lower in _AROUND_SOMEONE
        and tokens[1].lower in {"of", "to", "for", "close"}
        and not named
    )


# Bodies named by the place they govern: "the regional government of Valencia".
_GOVERNING = word_set("government administration authorities executive council")


# What someone brings or files, that then "says" what they say: "The claim, brought by ...,
# says", "The lawsuit, filed by the FTC in 2023, alleges" (as a report or a statement does).
_BROUGHT_THINGS = word_set("claim lawsuit suit complaint petition case action motion appeal")


def apposition(text: str, tokens: list[Token], comma: int, context: SpeakerContext) -> Found | None:
    """`Katsunobo Kato, the chief secretary, suggested` and `The supplier, Nordvik
    Steelworks, denied`: the name before the first comma, or the name between the commas when
    what comes before is a description."""
    if _opens_with_people_around(tokens):
        return Found(kind="unnamed")
    j = comma - 1
    while j >= 0 and tokens[j].text != "," and comma - j <= 16:
        j -= 1
    if j <= 0 or tokens[j].text != ",":
        return None
    between = tokens[j + 1 : comma]
    if not between:
        return None  # ", ," with nothing between: no apposition (it raised IndexError)
    known = 2 + (between[0].lower == "also")
    if len(between) > known and [t.lower for t in between[known - 2 : known]] == ["known", "as"]:
        # "The UN mission in Afghanistan, known as Unama, said": the name it goes by
        at = j + 1 + known + (tokens[j + 1 + known].lower == "the")
        run = name_after(tokens, at)
        if run and at + len(run) == comma:
            return named_speaker(text, tokens, run, context)
    opening = subject_run(tokens, allow_comma=True)
    relative = len(opening) + 1 < comma and tokens[len(opening) + 1].lower in {"who", "whose"}
    # "Erin Hawley, a lawyer for the Alliance Defending Freedom, which represented the doctors,
    # said": the clause is the organisation's, the description and the verb hers
    described = (
        between[0].lower == "which"
        and len(opening) + 1 < j
        and tokens[len(opening) + 1].lower in {"a", "an", "the"}
    )
    if (
        opening
        and (between[0].lower in {"who", "whose"} or relative or described)
        and opening[0] is tokens[0]
        and tokens[len(opening)].text == ","
        and (is_personal_name(clean_run(text, opening)) or is_title(opening[0]))
    ):
        # "Dr Melissa Lane, of Deakin University in Australia, who led the study, said", "Mr
        # Gachagua, who denies all 11 charges, including corruption, said": the person the
        # sentence opens with, past every apposition
        return named_speaker(text, tokens, opening, context)
    opener = _relative_clause_opener(tokens, comma)
    if opener is not None and j >= opener:  # "Labour, which runs the council, said" too
        # "Copernicus, which uses measurements from satellites, ships and weather stations,
        # said", "The company, which makes soap, tea and ice cream, said": the subject before
        # the relative clause, whatever commas the clause holds
        if opener == len(opening) and opening[0] is tokens[0]:
            return named_speaker(text, tokens, opening, context)
        if tokens[opener - 1].text.islower() and tokens[0].lower in DETERMINERS:
            return description_before(text, tokens, opener - 1)
    # "The paper, published in The Lancet, said": a scientific paper, no newspaper
    scientific = (
        tokens[j - 1].lower == "paper"
        and "published in" in text[tokens[j].end : tokens[comma].start]
    )
    documents = vocab.DATA_NOUNS | vocab.DOCUMENT_NOUNS | _BROUGHT_THINGS
    # (a capitalised one is part of a name: "the Crime Survey, which asks people directly,")
    document = tokens[j - 1].lower.rsplit("-", 1)[-1]  # "super-complaint": a complaint
    if (document in documents and tokens[j - 1].text.islower()) or scientific:
        # "The report, published on Tuesday by Amnesty International, said": its author;
        # "The claim, brought by consumer champion Julie Hunter, says": the claimant
        by = next((k for k in range(j + 1, comma) if tokens[k].lower == "by"), None)
        while by is not None and by + 2 < comma and tokens[by + 1].text.islower():
            by += 1  # "That report, by the Food Foundation, said", "by consumer champion"
        run = name_after(tokens, by + 1) if by is not None else []
        end = by + 1 + len(run) if run else comma
        marked = by is not None and by + 2 == comma and is_capitalised(tokens[by + 1])
        if marked and text[tokens[by + 1].end : tokens[by + 1].end + 1] in {"?", "!"}:
            # "The super-complaint, lodged by Which?, says": a name written with its mark
            named = tokens[by + 1]
            return Found(name=text[named.start : named.end + 1], kind="name")
        if end + 2 == comma and tokens[end].lower == "on" and tokens[end + 1].lower in WEEKDAYS:
            end = comma  # "A report, released by the Resolution Foundation on Monday, found"
        if end + 2 == comma and tokens[end].lower == "in" and tokens[end + 1].text.isdigit():
            end = comma  # "The lawsuit, filed by the Federal Trade Commission in 2023, alleges"
        name = clean_run(text, run) if run and end == comma else ""
        if name:
            return Found(name=person_in(name), kind="name")
        if scientific:
            return None
        # "The Environment Agency report, published on Thursday, said": whose report it is
        owner = description_before(text, tokens, j - 1)
        if owner is not None and owner.kind == "name":
            return owner
    before = name_before(tokens, j)
    if not before and j >= 2 and tokens[j - 1].text.isdigit() and tokens[j - 2].text == ",":
        before = name_before(tokens, j - 2)  # "Smith, 52, a father of three, said"
    described_role = [t for t in before if t.lower not in {"the", "a", "an"}]
    if described_role and all(is_title(t) for t in described_role) and before[0].lower == "the":
        between_names = name_after(tokens, j + 1)
        if not (between_names and len(between_names) == comma - j - 1):
            # "The minister, speaking on BBC Radio 4, said": a role, not a name ("minister")
            return Found(kind="unnamed")
    if all(is_title(t) for t in before):
        before = []  # "The company's chief executive, Jane Doe, said": a role, no name
    described = (
        tokens[j - 1].text.islower()
        or describes_someone(tokens, before)
        or (j == 1 and tokens[0].lower in GENERIC)  # "Organisers, the Stop the War Coalition,"
    )
    named_at = j + 2 if between[0].lower == "the" and described and comma - j > 2 else j + 1
    if is_capitalised(tokens[named_at]) and (described or not before):
        between = tokens[named_at:comma]
        run = name_after(tokens, named_at)
        # "His party, Pakistan Tehreek-e-Insaf (PTI), said": the name, then its acronym
        rest = [t.text for t in between[len(run) :]]
        if run and (not rest or (len(rest) == 3 and rest[0] == "(" and rest[2] == ")")):
            return named_speaker(text, tokens, run, context)
    if tokens[j - 1].text.islower() and not any(
        is_capitalised(t) and t.lower not in DETERMINERS for t in before
    ):
        # "The company, which employs 3,000 people, said": the description before the clause;
        # "A spokesman, who asked not to be named, said": someone unnamed
        return description_before(text, tokens, j - 1)
    return named_speaker(text, tokens, before, context)


_POLLS = frozenset({"poll", "survey", "study"})


def named_speaker(
    text: str, tokens: list[Token], run: list[Token], context: SpeakerContext
) -> Found | None:
    while run and is_leading_filler(run[0]) and not opens_a_name(run):
        if run[0].lower in vocab.CONDITIONALS:
            return None  # "If Marmorato maintains her lead"
        run = run[1:]
    if not run:
        return None
    if run[0] is tokens[0] and _opens_with_people_around(tokens):
        return Found(kind="unnamed")  # "Allies of Boris Johnson said"
    # "a spokesperson for the Russian Ministry of Foreign Affairs said"
    k = tokens.index(run[0]) - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k >= 0 and tokens[k].lower in PREPOSITIONS:
        generic = tokens[k - 1].lower if k >= 1 else ""
        if is_org(clean_run(text, run)):
            # "Patrol Chief James Hall with the New York Police Department said"
            person = affiliated_person(text, tokens, k)
            if person:
                return Found(name=person, kind="name")
        if tokens[k].lower == "of" and generic in _GOVERNING:
            # "the regional government of Valencia said": the body, named by its place
            opener = k - 1
            while (
                opener > 0
                and tokens[opener - 1].lower not in DETERMINERS
                and (tokens[opener - 1].text.isalpha() and tokens[opener - 1].text.islower())
            ):
                opener -= 1
            place = clean_run(text, run)
            if place and opener > 0 and tokens[opener - 1].lower == "the":
                described = text[tokens[opener].start : tokens[k].end]
                return Found(name=f"{described} {place}", kind="name")
        if tokens[k].lower == "for" and generic in _POLLS and k >= 2:
            # "A YouGov poll for The Times found": the pollster, not whoever commissioned it
            pollster = clean_run(text, name_before(tokens, k - 1))
            return Found(name=pollster, kind="name") if pollster else None
        if tokens[k].lower in {"of", "by"} and "bench" in {t.lower for t in tokens[k - 2 : k]}:
            # "A bench of Justices Hrishikesh Roy and SVN Bhatti said", "A bench headed by
            # Chief Justice DY Chandrachud said": the judges speak for their court
            name = clean_run(text, run)
            if name:
                context.learn_role(name, {"bench"})  # people; "the bench said" is them
            return Found(name=name, kind="name") if name else None
        if tokens[k].lower in {"at", "from"} and generic == "team" and is_org(clean_run(text, run)):
            # "the team from Yale University said", "A team at Oxford University found"
            return Found(name=f"{clean_run(text, run)} team", kind="name")
        if tokens[k].lower in {"for", "of", "at", "from", "with"} and generic in GENERIC:
            # The sentence says whose: "a spokesperson for the Ministry", "scientists at ICES",
            # "Officials with the American Red Cross".
            name = clean_run(text, run)
            if name and generic in vocab.DOCUMENT_NOUNS:
                return Found(name=name, kind="name")  # "A statement from the White House said"
            if name:
                return Found(name=f"{name} {generic}", kind="name")
            return Found(kind="generic", generic=generic)
        if tokens[k].lower == "in" and generic == "police" and k == 1:
            name = clean_run(text, run)  # "Police in Paris said": the city's force
            return Found(name=f"{name} police", kind="name") if name else None
        if tokens[k].lower == "in" and _group_at_before(tokens, k):
            # "researchers at Washington University in St Louis reported": the university's
            return named_speaker(text, tokens, name_before(tokens, k), context)
        if tokens[k].lower in {"from", "by"} and generic in vocab.DATA_NOUNS:
            name = clean_run(text, run)  # "Figures from the European Centre ... revealed"
            return Found(name=name, kind="name") if name else None
        return None  # "the MP for Newcastle Central said": a place, not the speaker
    if k >= 0 and tokens[k].lower in vocab.CONDITIONALS:
        return None  # "If Marmorato maintains her lead"
    name = clean_run(text, run)
    if not name or not can_speak(name, run, tokens, context):
        return None
    return Found(name=with_owner(text, tokens, run, person_in(name)), kind="name")


def _relative_clause_opener(tokens: list[Token], comma: int) -> int | None:
    """The index of the sentence's first comma when a relative clause opens after it ("X,
    which ...", "X, who ...") before ``comma``; None otherwise."""
    first = next((k for k in range(comma) if tokens[k].text == ","), None)
    if first is None or first < 1 or first + 1 >= comma:
        return None
    return first if tokens[first + 1].lower in {"which", "who", "whose"} else None


def _group_at_before(tokens: list[Token], k: int) -> bool:
    """Whether a name ends right before ``tokens[k]`` ("in") after a group and a preposition:
    "researchers at Washington University in St Louis", "officials with the Red Cross in
    Gaza"."""
    run = name_before(tokens, k)
    j = k - len(run) - 1 if run else -1
    if j >= 0 and tokens[j].lower == "the":
        j -= 1
    return (
        j >= 1
        and tokens[j].lower in {"for", "of", "at", "from", "with"}
        and tokens[j - 1].lower in GENERIC
    )
