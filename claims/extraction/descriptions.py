"""A speaker described rather than named, read back from the verb ("the national audit office
reported", "the council's transport committee confirmed", "the Conservative MP said", "the
employers said"), and whether the words before a name describe someone ("His fellow Texan,
Ted Cruz,")."""

from __future__ import annotations

from claims.extraction.clauses import (
    ORG_NOUNS,
    POSSESSIVE_GENDERS,
    REPORT_NOUNS,
    Found,
    affiliated_person,
)
from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    PARTY_NAMES,
    PERSON_DEMONYMS,
    PERSON_ROLES,
    RELATION_NOUNS,
    word_set,
)
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    is_org,
    is_title,
    name_before,
    possessive_in_name,
)
from claims.extraction.org_kinds import PLACE_NOUNS, is_business_compound, is_business_noun
from claims.extraction.outlets import name_before_descriptor, police_force, state_outlet
from claims.extraction.people import (
    DETERMINERS,
    GENERIC,
    GENERIC_SINGULAR,
)
from claims.extraction.places import COUNTRIES, GOVERNMENT_SEATS
from claims.extraction.roles import AGE
from claims.extraction.speaker_types import bare_word

# What a person has that speaks for them: "Her department said", "his office said" are the
# department and office of whoever "her" and "his" are ("Bridget Phillipson's department").
_OWNED_SPEAKERS = word_set("""
    office department ministry campaign team administration government party family institute
    foundation charity company firm spokesperson spokesman spokeswoman""")


def is_determiner(token: Token) -> bool:
    """ "the", "its" ..., or a capitalised possessive ("Russia's foreign ministry")."""
    return token.lower in DETERMINERS or (
        is_capitalised(token) and token.text.endswith(("’s", "'s"))
    )


# Words before a determiner inside a report's title: "... in the World report".
_INSIDE_A_TITLE = frozenset({"in", "of", "on", "for", "at"})
# Words between the determiner and the noun: "A Department of Health and Social Care spokesperson".
_DESCRIPTION_WORDS = 8


_MAKER_LINKS = frozenset({"of", "behind"})


def _is_product_word(token: Token) -> bool:
    return is_capitalised(token) or (token.text[:1] == "i" and token.text[1:2].isupper())


def maker_before(text: str, tokens: list[Token], i: int) -> Found | None:
    """A business described by what it makes, ending at index ``i``: "the maker of ChatGPT",
    "the company behind the iPhone" (resolved by organisations.resolve_org_noun to the business
    the sentence opens with, never the product)."""
    k = i
    while k > i - 6 and k > 0 and (_is_product_word(tokens[k]) or _joins_products(tokens, k, i)):
        k -= 1
    if k == i:
        return None
    if tokens[k].lower == "the" and k > 0:
        k -= 1  # "the maker of the iPhone"
    if k < 2 or tokens[k].lower not in _MAKER_LINKS or not is_business_noun(tokens[k - 1].text):
        return None  # "The Bank of England" is a name: no lower-case noun
    if tokens[k - 2].lower != "the":
        return None
    return Found(kind="org-noun", generic=text[tokens[k - 2].start : tokens[i].end].rstrip("."))


def maker_after(text: str, tokens: list[Token], index: int) -> Found | None:
    """ "said the maker of ChatGPT": maker_before read forwards from the "the" at ``index``."""
    if index + 3 >= len(tokens) or tokens[index].lower != "the":
        return None
    end = index + 3 + (tokens[index + 3].lower == "the")
    while (
        end < len(tokens)
        and end < index + 10
        and (_is_product_word(tokens[end]) or _joins_products(tokens, end, len(tokens) - 1))
    ):
        end += 1
    return maker_before(text, tokens, end - 1)


def _joins_products(tokens: list[Token], k: int, last: int) -> bool:
    """Whether ``tokens[k]`` is the "and" between two products: "the maker of KitKat and
    Nescafé"."""
    return (
        0 < k < last
        and tokens[k].lower in {"and", "&"}
        and _is_product_word(tokens[k - 1])
        and _is_product_word(tokens[k + 1])
    )


_NAME_LINKS = frozenset({"of", "for", "and", "&"})


def role_of_org(text: str, tokens: list[Token], first: int, last: int) -> tuple[str, str] | None:
    """(organisation, role) when the words from ``first`` ("the") to ``last`` name a role of
    an organisation named in full: "the governor of the Bank of England" (the Bank speaking
    through its office, not "England"), "the chief executive of Tesco"; never a place's ("the
    mayor of London", "the president of France"); None for any other words."""
    if last - first < 3 or tokens[first].lower != "the":
        return None
    k = first + 1
    while k <= last and tokens[k].text.islower() and tokens[k].lower != "of":
        k += 1
    role = tokens[first + 1 : k]
    if not role or k > last or tokens[k].lower != "of" or role[-1].lower not in PERSON_ROLES:
        return None
    k += 1 + (k + 1 <= last and tokens[k + 1].lower == "the")
    name = tokens[k : last + 1]
    if not name or not is_capitalised(name[0]) or not is_capitalised(name[-1]):
        return None
    if any(not is_capitalised(t) and t.lower not in _NAME_LINKS for t in name):
        return None
    org = text[name[0].start : name[-1].end].rstrip(".")
    if org.lower() in COUNTRIES or org.lower() in GOVERNMENT_SEATS:
        return None  # "the mayor of London", "the president of France": a place's
    return org, " ".join(t.lower for t in role)


def _dated(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a year right after a determiner ("A 2023 ... survey")."""
    year = tokens[k].text if k >= 1 else ""
    return (
        len(year) == 4
        and year.isdigit()
        and year[:2] in {"19", "20"}
        and is_determiner(tokens[k - 1])
    )


# Plural people two of whom a sentence may have named just before ("The two leaders said").
_PAIRED_PEOPLE = word_set("""
    leaders men women ministers presidents politicians premiers brothers sisters candidates
    ceos founders players""")


def place_body(text: str, tokens: list[Token], i: int) -> str:
    """The body a place's name and a noun in small letters make, opening the sentence and
    ending at ``i``: "Leeds council said", "Manchester airport cancelled 120 flights", as the
    text writes it; "" for anything else (a party's or a nation's council: "the Tory council",
    "Labour council")."""
    if tokens[i].lower not in _PLACE_BODY_NOUNS or not tokens[i].text.islower() or i == 0:
        return ""
    start = 1 if tokens[0].lower == "the" else 0
    run = tokens[start:i]
    if not run or not all(is_capitalised(t) and t.text.isalpha() for t in run):
        return ""
    if any(t.lower in _NOT_PLACES for t in run):
        return ""
    return text[run[0].start : tokens[i].end]


_PLACE_BODY_NOUNS = PLACE_NOUNS | {"council"}
# Capitalised words that describe a body without placing it.
_NOT_PLACES = (
    PARTY_NAMES
    | PERSON_DEMONYMS
    | word_set("conservative tory liberal green labour local national federal state city county")
)


def description_before(text: str, tokens: list[Token], i: int) -> Found | None:
    """A speaker described, not named, ending at index ``i``: "the national audit office",
    "the council's transport committee", "the Conservative MP", "the employers"."""
    outlet = (
        state_outlet(text, tokens, i)
        or police_force(text, tokens, i)
        or name_before_descriptor(text, tokens, i)
    )
    if outlet:
        return Found(name=outlet, kind="name")  # "Russian state media", "Yonhap news agency"
    if tokens[i].lower in _OWNED_SPEAKERS and i >= 3 and tokens[i - 1].lower == "whose":
        # "It was approved by Ed Miliband, whose department said ...": his department
        run = name_before(tokens, i - 2) if tokens[i - 2].text == "," else []
        if run:
            return Found(kind="owned", generic=f"{clean_run(text, run)}'s {tokens[i].lower}")
        return Found(kind="unnamed")
    if (
        tokens[i].lower in _PAIRED_PEOPLE
        and i >= 1
        and (
            tokens[i - 1].lower == "both"
            or (i >= 2 and (tokens[i - 2].lower, tokens[i - 1].lower) == ("the", "two"))
        )
    ):
        return Found(kind="pair")  # "The two leaders said", "Both men said": the two named
    if (
        i >= 2
        and tokens[i].lower in GENERIC_SINGULAR
        and tokens[i - 2].text in {"No", "No.", "Number"}
        and tokens[i - 1].text == "10"
    ):
        return Found(name=f"No 10 {tokens[i].lower}", kind="name")  # "a No 10 spokesperson"
    j = i
    while j > 0 and i - j < _DESCRIPTION_WORDS and not is_determiner(tokens[j - 1]):
        previous = tokens[j - 1]
        if _dated(tokens, j - 1):
            break  # "A 2023 Pew Research Center survey": the year after the article
        based = previous.text == "," and tokens[j].lower.endswith("-based") and j >= 2
        if based and is_capitalised(tokens[j - 2]):
            j -= 1  # "The Santa Clara, California-based company": a place and its state
            continue
        aged = AGE.match(previous.lower)  # "the 87-year-old pontiff"
        # "The FTSE 100 company", "an S&P 500 firm": an index's number after its name
        indexed = previous.text.isdigit() and j >= 2 and is_capitalised(tokens[j - 2])
        if (
            not previous.text[0].isalpha() and not aged and not indexed
        ) or previous.lower in ATTRIBUTION_VERBS:
            return None
        j -= 1
    opener = j - 2 if _dated(tokens, j - 1) else j - 1
    if opener >= 1 and possessive_in_name(tokens, opener) and is_determiner(tokens[opener - 1]):
        j, opener = opener, opener - 1  # "The King's Fund think tank said": its name's own
    if opener < 0 or not is_determiner(tokens[opener]):
        return None
    head = tokens[i].lower
    phrase = text[tokens[opener].start : tokens[i].end]
    described = [t for t in tokens[j:i] if is_capitalised(t)]
    if described and tokens[j] is described[0] and tokens[i - 1] is described[-1]:
        # "A Ministry of Housing spokesperson said": a name's own "of" is part of it
        inner = [t for t in tokens[j:i] if t not in described]
        if all(t.lower in {"of", "for", "and"} for t in inner):
            described = tokens[j:i]
    if head == "police" and described and len(described) == i - j:
        # "The Dallas police said"; "Mary Jones of the Dallas police said": Mary Jones
        person = affiliated_person(text, tokens, opener - 1)
        if person:
            return Found(name=person, kind="name")
        # "The Dallas police said", "the Metropolitan Police said": the force, as the text writes it
        return Found(name=text[described[0].start : tokens[i].start + len("police")], kind="name")
    if head in GENERIC_SINGULAR and described and len(described) == i - j:
        # "A Home Office spokesman said": the spokesman of the organisation the words name
        org = text[described[0].start : described[-1].end]
        return Found(name=f"{org} {head}", kind="name")
    inside = opener > 0 and tokens[opener - 1].lower in _INSIDE_A_TITLE
    if head in REPORT_NOUNS and described and len(described) == i - j and not inside:
        # "The Environment Agency report said": the organisation whose report it is; not the
        # end of a report's title ("The State of Food Security and Nutrition in the World
        # report, published by five UN agencies, said")
        owner = tokens[opener]
        if owner.lower not in DETERMINERS and bare_word(owner.text).lower() not in COUNTRIES:
            # "The CSIRO's GenCost report put ...": the CSIRO's, the rest is the report's title
            return Found(name=bare_word(owner.text), kind="name")
        return Found(name=text[described[0].start : described[-1].end], kind="name")
    owner = bare_word(tokens[j].lower)
    if head in GENERIC_SINGULAR and i - j == 1 and owner in ORG_NOUNS:
        # "A government spokesperson said", "A police spokesman said", "the group's spokesman"
        return Found(kind="org-role", generic=f"{tokens[j].lower} {head}")
    if tokens[opener].lower in {"a", "an"} and head not in GENERIC:
        return Found(kind="unnamed")  # "a local resident complained": someone new, unnamed
    if j == i and tokens[opener].lower in POSSESSIVE_GENDERS and head in _OWNED_SPEAKERS:
        return Found(kind="owned", generic=phrase)  # "Her department said"
    if j == i and head in _OWNED_SPEAKERS and tokens[opener].text.endswith(("'s", "’s")):
        # "Elianne's family said": the family of the person the page names so (clauses);
        # "Senator Mark Warner's office said": the name in full, without the title
        first = opener
        while first > 0 and is_capitalised(tokens[first - 1]) and not is_title(tokens[first - 1]):
            first -= 1
        return Found(kind="owned", generic=text[tokens[first].start : tokens[i].end])
    # "the think tank", not "The Resolution Foundation think tank" (its name, below)
    compound = is_business_compound(tokens, i) and not is_capitalised(tokens[j])
    if head in ORG_NOUNS or is_business_noun(head) or compound:
        return Found(kind="org-noun", generic=phrase)  # "the ministry", "The iPhone maker"
    # "The Real Madrid star said": a star described by a club (not "the rising star", nor
    # "The Morning Star", a name); "star" is no role of its own (PERSON_ROLES)
    club_star = head == "star" and bool(described) and tokens[opener].lower == "the"
    if (
        head in PERSON_ROLES
        or head in GENERIC_SINGULAR
        or head in RELATION_NOUNS
        or AGE.match(head)
        or club_star
    ):
        owner = tokens[opener]
        if owner.lower not in DETERMINERS and all(t.text.islower() for t in tokens[j : i + 1]):
            # "Tesco's chief executive said", "Tesco's spokesman said": whose, the page says
            # (resolution.resolve_found: an organisation's office, never a person's lawyer)
            return Found(kind="owner-role", generic=phrase)
        if tokens[opener].lower != "the":
            # "their lawyer complained", "Adelson's attorney accused": someone else's
            # lawyer, unnamed; only "the minister" refers back to a person named before
            return Found(kind="unnamed")
        return Found(kind="role", generic=phrase)
    named = j
    while named < i and is_capitalised(tokens[named]):
        named += 1
    if named > j and all(t.text.islower() for t in tokens[named : i + 1]):
        org = text[tokens[j].start : tokens[named - 1].end]
        if is_org(org):
            return Found(name=org, kind="name")  # "The Resolution Foundation think tank said"
    if tokens[i].text.islower():
        return Found(kind="unnamed")  # "the report said", "the employers said"
    return None


def describes_someone(tokens: list[Token], run: list[Token]) -> bool:
    """Whether ``run``, before an apposition, is part of a description of the person named in
    it rather than a name: the organisation (or the country) of a role before it ("The chief
    executive of NHS Providers, Sir Julian Hartley, warned", "Russia's ambassador to Germany,
    Sergei Nechayev, called"), or a word describing someone in a sentence that opens with a
    determiner and lower-case words ("His fellow Texan, Senator John Cornyn, said")."""
    if not run:
        return False
    words = [t.lower for t in run if t.lower != "the"]
    for r in (0, 1):  # "the Commissioner for the Environment", "the National President of"
        if len(words) > r + 2 and words[r] in PERSON_ROLES and words[r + 1] in {"for", "of"}:
            return True  # "the Commissioner for the Environment, Mr Tokunbo Wahab, said"
    k = tokens.index(run[0]) - 1
    opener = k
    while opener > 0 and tokens[opener].text.isalpha() and tokens[opener].text.islower():
        opener -= 1
    if (opener == 0 <= k or (k < 0 and len(run) > 1)) and tokens[0].lower in DETERMINERS:
        return True  # "His fellow Texan, ...", "A Texas Republican, ..."
    if k >= 1 and tokens[k].lower == "in" and is_capitalised(tokens[k - 1]):
        # "The head of the NHS in England, Amanda Pritchard, said": the place of that body
        return describes_someone(tokens, name_before(tokens, k))
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    return (
        k >= 1
        and tokens[k].lower in {"of", "for", "at", "to"}  # "Russia's ambassador to Germany"
        and tokens[k - 1].lower in PERSON_ROLES
    )
