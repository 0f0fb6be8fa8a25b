"""The speaker a reporting verb names: before it ("Moscow maintains that", "the Conservative MP
said", "Its coach, Enzo Maresca, disagreed and said") or after it ("..., said Johannes Hahn",
"said Department of Correction spokesman Jason Kersten"). Split from claims.extraction.speakers,
which decides which verb of a sentence to read and resolves what these return."""

from __future__ import annotations

from claims.extraction import attribution_words as vocab
from claims.extraction.appositions import apposition, named_speaker
from claims.extraction.clauses import (
    AFFILIATION_WORDS,
    ORG_NOUNS,
    REPORT_NOUNS,
    Found,
    can_speak,
    found_pronoun,
    is_personal_name,
    opening_subject,
    person_in,
)
from claims.extraction.descriptions import (
    description_before,
    maker_after,
    maker_before,
    place_body,
    role_of_org,
)
from claims.extraction.lexicon import (
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    ROLE_NOUNS,
    opens_with_business_noun,
    word_set,
)
from claims.extraction.names import (
    NAME_PARTICLES,
    Token,
    clean_run,
    connects,
    is_capitalised,
    is_org,
    is_title,
    listed_portfolios_before,
    name_before,
    possessive_in_name,
)
from claims.extraction.number_words import UNITS_WORDS
from claims.extraction.org_groups import org_group
from claims.extraction.org_kinds import ORG_DESCRIPTORS, is_business_compound
from claims.extraction.outlets import social_post
from claims.extraction.page_names import type_on_page
from claims.extraction.people import (
    GENERIC,
    GENERIC_PLURAL,
    GENERIC_SINGULAR,
    SpeakerContext,
)
from claims.extraction.person_names import name_start_before
from claims.extraction.places import GOVERNMENT_SEATS
from claims.extraction.roles import (
    AGE,
    FORMER,
    apposed_subject,
    office_holder,
    role_apposed,
)
from claims.extraction.speaker_types import (
    ORGANIZATION,
    bare_word,
    has_org_word,
    is_small_letter_brand,
)
from claims.extraction.verbs import (
    filler_width,
    verb_follows,
)


def before_verb(
    text: str, tokens: list[Token], verb_index: int, context: SpeakerContext
) -> Found | None:
    i = verb_index - 1
    while i >= 0 and (step := filler_width(tokens, i)):
        i -= step
    post = social_post(text, tokens[i].end) if i >= 2 else ""
    if post:
        return Found(name=post, kind="name")  # "A viral post on Facebook claims"
    if i < 0:
        return None
    token = tokens[i]
    pronoun = found_pronoun(token, i)
    if pronoun:
        return pronoun
    if token.lower in {"who", "which"} and i >= 2 and tokens[i - 1].text == ",":
        # "It was shared by pastor Chris Oyakhilome, who told followers that ...": him; "the
        # largest fine ever imposed by Ofwat, which said the company had failed ...": Ofwat
        start = name_start_before(tokens, i - 1)
        run = tokens[start : i - 1] if start is not None else []
        name = clean_run(text, run) if run else ""
        if name and can_speak(name, run, tokens, context):
            return Found(name=person_in(name), kind="name")
        return None
    if token.lower in {"and", "but"} and i > 0:
        # "Jennifer Robinson attended the meeting and claimed ...", "The RCN welcomed it but
        # warned ...", "Its coach, Enzo Maresca, disagreed and said", "Daniel Kebede, general
        # secretary of the NEU, welcomed the rise but said": the sentence's subject.
        run = opening_subject(tokens) or apposed_subject(tokens) or role_apposed(tokens)
        name = clean_run(text, run) if run else ""
        known = name in context.surnames or name in context.surnames.values()
        company = (  # "Volkswagen did not confirm the figures but said": the page's company
            len(run) == 1
            and run[0] is tokens[0]
            and verb_follows(tokens, 1)
            and type_on_page(name, context) == ORGANIZATION
        )
        # "The RAC welcomed ... but said"; not "These SMS messages add ... and tells"
        initials = (
            name.isalpha()
            and name.isupper()
            and len(name) >= 2
            and verb_follows(tokens, tokens.index(run[-1]) + 1)
        )
        if name and (known or is_personal_name(name) or has_org_word(name) or company or initials):
            return named_speaker(text, tokens, run, context)
        return None  # "These SMS messages add ... and tells": not a speaker's name
    # "the Home Office statement said"; not a name ending in one: "the US Geological Survey"
    report = token.lower in REPORT_NOUNS and token.text.islower()
    if (token.lower in GENERIC_SINGULAR or report or token.lower == "police") and (
        i > 0 and (is_capitalised(tokens[i - 1]) or tokens[i - 1].text == "10")
    ):
        described = description_before(text, tokens, i)
        if described is not None and described.kind in {"name", "owned", "owner-role"}:
            # "A Home Office spokesman said", "The Home Office statement said", "Tesco's
            # spokesman said"
            return described
    group = org_group(text, tokens, i, context)
    if group:
        return Found(name=group, kind="name")  # "Pentagon officials said"
    owner = bare_word(tokens[i - 1].lower) if i else ""
    if token.lower in GENERIC_SINGULAR and owner in ORG_NOUNS and owner != tokens[i - 1].lower:
        # "the company's spokesman said": the company's, not the last organisation's
        return description_before(text, tokens, i)
    in_name = token.text[:1].isupper() and i > 0 and is_capitalised(tokens[i - 1])
    if i >= 3 and tokens[i - 1].lower == "whose":
        return description_before(text, tokens, i)  # "Thames Water, whose spokesman said"
    if token.lower in GENERIC_PLURAL and i and tokens[i - 1].lower == "its":
        # "The Met Office has issued a warning. Its forecasters said": the organisation's staff
        return Found(kind="its-staff", generic=token.lower)
    if token.lower in GENERIC and not in_name and not (i and tokens[i - 1].lower in vocab.OWNERS):
        return Found(kind="generic", generic=token.lower)
    maker = maker_before(text, tokens, i) if i >= 3 else None
    if maker is not None:
        return maker  # "the maker of ChatGPT said": the business (OpenAI), not its product
    if i >= 3 and is_capitalised(token):
        offices = (
            _office(text, tokens, f, i, context)
            for f in range(i - 3, max(-1, i - 12), -1)
            if tokens[f].lower == "the"
        )
        office = next((o for o in offices if o is not None), None)
        if office is not None:
            return office  # "The chief executive of Tesco said": Tesco's chief executive
    if is_small_letter_brand(token.text) and (
        i == 0 or not is_capitalised(tokens[i - 1]) or opens_with_business_noun(tokens[i - 1].text)
    ):
        return Found(name=token.text, kind="name")  # "easyJet said", "Rival easyJet said"
    body = place_body(text, tokens, i)
    if body:
        return Found(name=body, kind="name")  # "Leeds council said", as written
    if (token.text[0].islower() and token.text[0].isalpha()) or AGE.match(token.lower):
        return description_before(text, tokens, i)  # "the report said", "the 32-year-old said"
    if token.text == ",":
        return apposition(text, tokens, i, context)
    if text[token.end : token.end + 1] in {"?", "!"} and i and is_capitalised(token):
        # "Consumer group Which? said": a name written with its mark, after what it is
        if tokens[i - 1].lower in ORG_DESCRIPTORS:
            return Found(name=text[token.start : token.end + 1], kind="name")
        return None
    if token.text.endswith(("'s", "’s")) and is_capitalised(token) and i == verb_index - 1:
        # "McDonald's said", "Moody's warned": a business named with a possessive
        return Found(name=token.text, kind="name")
    run = listed_portfolios_before(tokens, name_before(tokens, i + 1))
    if _someone_counted(tokens, run):
        return Found(kind="unnamed")  # "One Labour MP told the BBC", "Two Labour MPs said"
    for p in range(1, len(run) - 1):
        if (
            run[p].lower in {"for", "of"}
            and is_title(run[p - 1])
            # "Transport for London said": a body named for its field, no title
            and run[p - 1].lower not in PORTFOLIO_WORDS
            and run[p + 1].lower not in PORTFOLIO_WORDS
        ):
            # "The MP for Newcastle Central said": a role and a place, no name.
            return Found(kind="role", generic=text[run[0].start : run[-1].end])
    first = tokens.index(run[0]) if run else 0
    titles = run[1:] if run and run[0].lower == "the" else run
    opened = (run and run[0].lower == "the") or (first > 0 and tokens[first - 1].lower == "the")
    seat = len(titles) == 1 and titles[0].lower in GOVERNMENT_SEATS  # "The Treasury said"
    if (
        opened
        and len(titles) == 2
        and titles[0].text[:1].isupper()
        and titles[1].lower in _LEGISLATORS
        and titles[0].lower not in _CHAMBER_WORDS
    ):
        # "Jess Phillips said ... the Labour MP told reporters", "the Congress MP": a person
        # named before, described by party (no office of one holder, as "the Prime Minister"
        # is; nor the party itself)
        the = run[0] if run[0].lower == "the" else tokens[first - 1]
        return Found(kind="role", generic=text[the.start : run[-1].end])
    if titles and opened and not seat and all(is_title(t) and t.text[:1].isupper() for t in titles):
        # "The Prime Minister said": who was introduced so ("Prime Minister Boris Johnson")
        holder = context.role_holder(" ".join(t.lower for t in titles))
        return Found(name=holder, kind="name") if holder else Found(kind="unnamed")
    if (
        run
        and (run[-1].lower in PERSON_ROLES or run[-1].lower in vocab.PARTY_MEMBERS)
        and not is_org(text[run[0].start : run[-1].end])
        and opened
    ):
        # "the Conservative MP said", "The Texas Republican added": a person named before.
        the = run[0] if run[0].lower == "the" else tokens[first - 1]
        return Found(kind="role", generic=text[the.start : run[-1].end])
    return named_speaker(text, tokens, run, context)


# Members of a legislature, described by their party: "the Labour MP", "the Congress MP".
_LEGISLATORS = word_set("mp mep mla msp lawmaker legislator senator congressman congresswoman")
# ... not by their chamber or seat ("the Senate senator" is no party's).
_CHAMBER_WORDS = word_set("senate house state us federal")

# Words that count people before what they are: "One Labour MP", "Two Tory backbenchers".
_COUNTING = (UNITS_WORDS.keys() - {"zero"}) | {"several"}
# What such people are, besides the roles: "MPs", "backbenchers", "officials".
_PEOPLE_NOUNS = PERSON_ROLES | {"mp", "mep", "backbencher", "peer", "official"}


def _someone_counted(tokens: list[Token], run: list[Token]) -> bool:
    """Whether ``run`` describes people by number or as "a", not by name: "One Labour MP",
    "Two Labour MPs" ("One Direction" and "A&E" are names)."""
    if len(run) < 2:
        return False
    last = run[-1].lower
    if not (is_title(run[-1]) or last in _PEOPLE_NOUNS or last.removesuffix("s") in _PEOPLE_NOUNS):
        return False
    first = tokens.index(run[0])
    return run[0].lower in _COUNTING or (first > 0 and tokens[first - 1].lower in {"a", "an"})


def _office(
    text: str, tokens: list[Token], first: int, last: int, context: SpeakerContext
) -> Found | None:
    """ "the governor of the Bank of England" as the "Bank of England governor", when the words
    from ``first`` to ``last`` name an organisation's role (descriptions.role_of_org)."""
    found = role_of_org(text, tokens, first, last)
    if found is None:
        return None
    org, role = found
    if not (is_org(org) or org.isupper() or type_on_page(org, context) == ORGANIZATION):
        return None
    # the holder the text named ("Ken Murphy, the chief executive of Tesco,"), else the office
    former, _, rest = role.partition(" ")
    office = f"former {org} {rest}" if former in FORMER and rest else f"{org} {role}"
    return Found(name=office_holder(org, role, context) or office, kind="name")


def after_verb(text: str, tokens: list[Token], index: int, context: SpeakerContext) -> Found | None:
    """The speaker named after the verb: `said Johannes Hahn, the budget commissioner`,
    `said Department of Correction spokesman Jason Kersten`, `he said`, `said researchers`."""
    if index >= len(tokens):
        return None
    pronoun = found_pronoun(tokens[index], index)
    if pronoun:
        return pronoun
    if tokens[index].lower in GENERIC:
        return Found(kind="generic", generic=tokens[index].lower)
    maker = maker_after(text, tokens, index)
    if maker is not None:
        return maker  # "said the maker of ChatGPT": the business (OpenAI), not its product
    if tokens[index].lower == "the":
        last = index
        while last + 1 < len(tokens) and tokens[last + 1].text[:1].isalpha():
            last += 1
        office = _office(text, tokens, index, last, context)
        if office is not None:
            return office  # "said the governor of the Bank of England": not "England"
    phrase: list[Token] = []
    for at, token in enumerate(tokens[index:], start=index):
        if token.text.endswith(("’s", "'s")) and not possessive_in_name(tokens, at):
            return None  # "said Velázquez's reversal hurt her": the clause said, not who
        if (
            is_capitalised(token)
            or is_title(token)
            # "said neighbour Tom Hill", "said mother-of-two Karen Price": a relation too
            or token.lower in ROLE_NOUNS
            or (connects(token) and phrase)
            or (token.lower in {"a", "an", "the"} and not phrase)
            # "said council member Robert Holden": a word of the role before it
            or (
                token.text.isalpha()
                and at + 1 < len(tokens)
                and tokens[at + 1].lower in PERSON_ROLES
            )
            # "said the think tank", "said the asset manager"
            or (at + 1 < len(tokens) and is_business_compound(tokens, at + 1))
            or (phrase and is_business_compound(tokens, at))
        ):
            phrase.append(token)
        else:
            break
    while phrase and connects(phrase[-1]):
        phrase.pop()
    if not phrase:
        return None
    following = index + len(phrase)
    if following < len(tokens):
        word = tokens[following]
        if word.text[0].islower() and word.lower not in vocab.AFTER_SPEAKER:
            return None
    affiliated = _affiliated_person(text, tokens, phrase, context)
    if affiliated is not None:
        return affiliated
    last_role = max(
        (
            i
            for i, t in enumerate(phrase)
            if t.text.islower()
            # "said Ursula von der Leyen": a particle inside a name is no role before it
            and not (
                t.lower in NAME_PARTICLES
                and 0 < i < len(phrase) - 1
                and (is_capitalised(phrase[i - 1]) or phrase[i - 1].lower in NAME_PARTICLES)
            )
            # "says the Bank of England", "says Office for Budget Responsibility": nor is a
            # word joining an organisation's name
            and not _joins_a_name(phrase, i)
        ),
        default=-1,
    )
    name_run = phrase[last_role + 1 :]
    if name_run and not all(is_title(t) for t in name_run):
        name = clean_run(text, name_run)
        if name and can_speak(name, name_run, tokens, context):
            return Found(name=person_in(name), kind="name")
        return None
    head = phrase[-1].lower
    described = text[phrase[0].start : phrase[-1].end]
    if head in ORG_NOUNS or is_business_compound(phrase, len(phrase) - 1):
        return Found(kind="org-noun", generic=described)
    if head in PERSON_ROLES:
        return Found(kind="role", generic=described)
    return None


def _joins_a_name(phrase: list[Token], i: int) -> bool:
    """Whether ``phrase[i]`` ("of", "for", "and", or "the" after one) joins capitalised words
    into one name: "Bank of England", "Office for Budget Responsibility", "Bank of the West"."""
    word = phrase[i].lower
    if word == "the" and i >= 2 and phrase[i - 1].lower in _NAME_JOINERS:
        return _joins_a_name(phrase, i - 1)
    if word not in _NAME_JOINERS or not 0 < i < len(phrase) - 1:
        return False
    after = phrase[i + 2] if phrase[i + 1].lower == "the" and i + 2 < len(phrase) else phrase[i + 1]
    return is_capitalised(phrase[i - 1]) and is_capitalised(after)


_NAME_JOINERS = frozenset({"of", "for", "and"})


def _affiliated_person(
    text: str, tokens: list[Token], phrase: list[Token], context: SpeakerContext
) -> Found | None:
    """The person of a phrase after the verb that goes on to say whom they speak for: "said
    Professor Naveed Sattar of the University of Glasgow" is him (the lower-case "of the" is no
    role before "Glasgow"); None when the phrase holds no such name."""
    for k in range(1, len(phrase) - 1):
        if phrase[k].lower not in AFFILIATION_WORDS or not is_capitalised(phrase[k - 1]):
            continue
        start = k
        while start > 0 and (is_capitalised(phrase[start - 1]) or is_title(phrase[start - 1])):
            start -= 1
        run = phrase[start:k]
        whole = clean_run(text, phrase[start:])
        person = person_in(whole)
        name = clean_run(text, run)  # without a title: "Naveed Sattar"
        if (
            name
            and person != whole
            and is_personal_name(person)
            and can_speak(name, run, tokens, context)
        ):
            return Found(name=name, kind="name")
        return None
    return None
