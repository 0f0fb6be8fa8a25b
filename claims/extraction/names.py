"""Names in a sentence: its words as tokens, and the runs of capitalised words that name a
person or an organisation ("Department of Correction spokesman Jason Kersten"), with the titles
and roles around them. Used by claims.extraction.speakers (who speaks) and
claims.extraction.people (who the document has named).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    MONTH_NAMES,
    MORE_ORG_WORDS,
    ORG_WORDS,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    SENTENCE_STARTERS,
    TITLES,
    WEEKDAYS,
    opens_with_business_noun,
    word_set,
)
from claims.extraction.places import COUNTRIES
from claims.extraction.speaker_types import has_org_word

# A figure is one token: the comma of "40,000" is not a clause's comma.
# (a plus glued to a word's letters is part of its name: "OPEC+", "Disney+")
TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+|[A-Za-z0-9À-ÿ][\w’'.&-]*(?:(?<=[A-Za-z])\+{1,2}(?!\w))?|[,;:“”\"()—–]"
)


INITIALS = re.compile(r"(?:[A-Z]\.)+")


# Lower-case words that may sit inside a name: "International Council for the Exploration of
# the Sea". They only count between capitalised words.
CONNECTORS = frozenset(
    {"of", "for", "the", "&", "and", "de", "von", "van", "der", "al", "bin", "la", "on"}
)
# Particles of personal names that join a name only as written in small letters ("Borja del
# Pozo Cruz"; "Tahir Della" is a surname); with CONNECTORS' own, NAME_PARTICLES.
_SMALL_PARTICLES = frozenset({"del", "della", "da", "di", "dos", "le", "den"})
NAME_PARTICLES = frozenset({"de", "von", "van", "der", "al", "bin", "la"}) | _SMALL_PARTICLES


def connects(token: Token) -> bool:
    """Whether ``token`` joins the words of a name ("Bank of England", "Ursula von der
    Leyen", "Borja del Pozo Cruz")."""
    return token.lower in CONNECTORS or token.text in _SMALL_PARTICLES


def opens_a_date(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` opens a date ("on Thursday", "on March"): no part of a name
    ("The Supreme Court on Thursday struck down")."""
    return (
        tokens[k].lower == "on"
        and k + 1 < len(tokens)
        and (tokens[k + 1].lower in WEEKDAYS or tokens[k + 1].lower in MONTH_NAMES)
    )


# Letters after a name that are not part of it: "Judge Neil Ford QC".
POSTNOMINALS = word_set("QC KC MP MEP Jr Jr. Sr Sr. OBE MBE CBE PhD")


class Token(NamedTuple):  # a NamedTuple: built for every word, so it must be cheap
    text: str
    start: int
    end: int
    lower: str  # lower case, a final period dropped unless the token is initials ("U.S.")


def tokenise(text: str) -> list[Token]:
    tokens = []
    for m in TOKEN.finditer(text):
        word = m.group()
        bare = word.rstrip(".") if "." not in word or not INITIALS.fullmatch(word) else word
        tokens.append(Token(word, m.start(), m.end(), bare.lower()))
    return tokens


def is_capitalised(token: Token) -> bool:
    text = token.text
    if not text[0].isupper():
        return False
    if "-" not in text:
        return True
    # "Sapporo-based" is an adjective, not part of the newspaper's name; "Jong-un" and
    # "Jae-myung" are given names, romanised with a lower-case syllable after the hyphen.
    head, _, tail = text.rpartition("-")
    if text.lower().removesuffix("'s").removesuffix("’s") == "co-op":
        return True  # "Co-op said": the retailer's name, its "Co-" no prefix
    return not tail[:1].islower() or _romanised_syllable(head, tail)


# What follows a capitalised word's hyphen in an adjective ("Trump-era", "Tory-run", "US-made")
# or a prefix's ("Anti-war", "Pro-democracy", "Self-employed" opening a sentence).
_ADJECTIVE_TAILS = word_set("""
    based born led run made like wide style era free year old day week time term level sized
    ish type class grade area side wise only first hit bound up in out off on over back down
    war end""")
_PREFIXES = word_set("""
    anti pro non post pre ex co mid semi self all well long short high low full part half
    cross multi inter neo sub super un re e""")


def _romanised_syllable(head: str, tail: str) -> bool:
    """ "Jong-un": a short lower-case syllable after a name word, not an adjective's tail."""
    return (
        len(tail) <= 5
        and tail.isalpha()
        and tail not in _ADJECTIVE_TAILS
        and head.split("-")[0].lower() not in _PREFIXES
    )


# Titles in capitals only ("cm" is a centimetre): "Deputy CM Devendra Fadnavis", "PM Modi".
_CAPITAL_TITLES = frozenset({"CM", "PM", "DyCM", "MLA"})


def is_title(token: Token) -> bool:
    lower = token.lower
    if lower.startswith(("ex-", "former-")):
        lower = lower.split("-", 1)[1]
    return (
        lower in TITLES
        or token.text in _CAPITAL_TITLES
        or f"{lower}." in TITLES  # a token's lower form has no full stop: "Sen." is "sen"
        or lower in {"former", "ex", "then", "late"}
        or (lower in PERSON_ROLES and token.text.islower())
    )


def is_org(name: str) -> bool:
    words = name.split()
    if any(w.rstrip(".").lower() in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].replace(".", "").isupper()


def strip_titles(tokens: list[Token]) -> list[Token]:
    """Drop "ex-President", "Russian Foreign Minister" ... before the person's own name."""
    # A portfolio is part of a title only before one ("Transport Secretary Grant Shapps"):
    # "Transport Focus" and "Health Foundation" have no title in them.
    last_title = max(
        (
            i
            for i, t in enumerate(tokens)
            if is_title(t)
            and not (
                t.lower in PORTFOLIO_WORDS - {"justice"}  # "Justice Elena Kagan": a title
                and (i + 1 >= len(tokens) or not is_title(tokens[i + 1]))
            )
        ),
        default=-1,
    )
    # A role in lower case inside the run ("Department of Correction spokesman Jason Kersten")
    # separates the organisation from the person, whatever the organisation is called.
    lower_role = last_title >= 0 and tokens[last_title].text.islower()
    after_title = " ".join(t.text for t in tokens[last_title + 1 :])
    whole_org = not lower_role and is_org(" ".join(t.text for t in tokens))
    if last_title == 0 and len(tokens) == 2 and tokens[1].lower in MORE_ORG_WORDS:
        return tokens  # "General Motors", "General Electric": a business, no general's name
    if whole_org and is_org(after_title):
        # "Bank of England", "Transport Focus"; not "Chief Cabinet Secretary Yoshimasa
        # Hayashi", where only the title holds an organisation's word
        return tokens
    if (
        last_title > 1
        and tokens[last_title - 1].lower in {"of", "and"}
        and has_org_word(" ".join(t.text for t in tokens[: last_title - 1]))
    ):
        # "National Association of Head Teachers", "Royal College of General Practitioners":
        # a title inside an organisation's name
        return tokens
    if last_title < 0 or last_title == len(tokens) - 1:
        return tokens  # no title, or only a role ("the Foreign Minister said")
    if _known_by_title(tokens[last_title:]):
        return tokens[last_title:]  # "Pope Francis", "King Charles III": the title is the name's
    rest = tokens[last_title + 1 :]
    if rest and rest[0].lower in {"of", "for"}:
        while rest and rest[0].lower in PORTFOLIO_WORDS:
            rest = rest[1:]  # "Secretary of State Antony Blinken"
        # "Director of Public Prosecutions Max Hill", "Chancellor of the Exchequer Rachel
        # Reeves": the office goes on to its field; the person is the given name at the end
        given = first_name_genders()
        for k in range(max(0, len(rest) - 3), len(rest) - 1):
            if rest[k].lower in given and all(is_capitalised(t) for t in rest[k:]):
                return rest[k:]
    return rest or tokens


# Titles a monarch or a pope is known by, with one name ("King Charles", "Pope Francis"): the
# name alone would be anyone's given name.
REGNAL_TITLES = frozenset({"king", "queen", "prince", "princess", "pope"})
_REGNAL_NUMBER = re.compile(r"^[IVX]{1,5}$")


def _known_by_title(run: list[Token]) -> bool:
    """Whether ``run`` is a regnal title and one name, a number after it perhaps ("Pope Leo
    XIV"): "Pope Francis" and "King Charles" keep the title (not "Prince Edward Island")."""
    if len(run) < 2 or run[0].lower not in REGNAL_TITLES or not is_capitalised(run[0]):
        return False
    rest = run[2:]
    return (
        run[1].text.isalpha()
        and not is_title(run[1])
        and all(_REGNAL_NUMBER.match(t.text) for t in rest)
        and len(rest) <= 1
    )


def is_leading_filler(token: Token) -> bool:
    """Whether a name run may not begin with ``token``: "the", "of", "However" ...; but "LA"
    (the LA Times) and "WHO" are initials, not "la" and "who"."""
    return not _initials(token) and (token.lower in CONNECTORS or token.lower in SENTENCE_STARTERS)


def opens_a_name(run: list[Token]) -> bool:
    """Whether ``run``'s first word, a filler elsewhere, is part of the name: "the All England
    Club", "All India Radio" (not "All Republicans")."""
    return run[0].text == "All" and len(run) > 2 and is_org(" ".join(t.text for t in run[1:]))


def clean_run(text: str, run: list[Token]) -> str:
    # "Dr Robert Laurenson and Dr Vivek Trivedi": two titled people, each without the title
    # (stripping the titles of the whole run left only the one after the last title)
    joint = next((k for k, t in enumerate(run) if t.lower == "and"), 0)
    if 0 < joint < len(run) - 2 and is_title(run[joint + 1]) and is_title(run[0]):
        left, right = clean_run(text, run[:joint]), clean_run(text, run[joint + 1 :])
        if left and right:
            return f"{left} and {right}"
    while run and is_leading_filler(run[0]) and not opens_a_name(run):
        run = run[1:]
    if len(run) >= 2 and opens_with_business_noun(run[0].text):
        run = run[1:]  # "Carmaker Stellantis said": the business, without what it is
    while run and (connects(run[-1]) or run[-1].text in POSTNOMINALS):
        run = run[:-1]
    run = strip_titles(run)
    if not run:
        return ""
    name = " ".join(text[run[0].start : run[-1].end].split())  # "Alan\nLamb", hard-wrapped
    # "U.S.", "Washington D.C." keep their stops; "the CDC." ending a sentence does not
    if not re.search(r"(?<![A-Za-z])(?:[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Ltd|Co)\.$", name):
        name = name.rstrip(".")
    return name


def _initials(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper()


# An office named after its holder: "Sheriff's Office", "District Attorney's Office".
_OFFICES = frozenset({"office", "department"})
# "The King's Fund", "Queen's University Belfast", "St John's College": a possessive in a name.
_NAMED_INSTITUTIONS = frozenset(
    {"fund", "college", "university", "hospital", "school", "trust", "foundation"}
    | {"society", "institute"}  # "The Children's Society", "the Women's Institute"
)
_MONARCHS_AND_SAINTS = frozenset(
    {"king", "queen", "prince", "princess", "st", "saint", "st.", "guy", "mary", "john"}
    | {"thomas", "george", "james", "peter", "paul", "andrew", "patrick", "luke", "anne"}
    | {"children", "women"}  # and those a charity is named for
)
# A business's arm named with its owner's possessive: "Moody's Analytics", "Sainsbury's Bank".
_COMPANY_ARMS = frozenset(
    {"analytics", "investors", "ratings", "bank", "corporation", "group", "holdings", "capital"}
)
_OFFICE_HOLDERS = frozenset(
    {"sheriff", "attorney", "governor", "mayor", "prosecutor", "coroner", "examiner", "marshal"}
    | {"comptroller", "auditor", "controller", "treasurer", "clerk"}
)


def possessive_in_name(tokens: list[Token], i: int) -> bool:
    """Whether the possessive at ``i`` is part of an institution's name: an office named after
    its holder ("Sheriff's Office"), a business's arm ("Moody's Analytics"), or a fund, college
    or hospital named after a person or a monarch ("The King's Fund", "King's College London",
    "Guy's Hospital")."""
    if i + 1 >= len(tokens):
        return False
    following, base = tokens[i + 1], tokens[i].lower[:-2]
    if following.lower in _OFFICES and base in _OFFICE_HOLDERS:
        return True
    if following.lower in _COMPANY_ARMS and is_capitalised(following) and base not in COUNTRIES:
        return True  # "Moody's Analytics", "Sainsbury's Bank"; not "Japan's Bank of ..."
    return (
        following.lower in _NAMED_INSTITUTIONS
        and is_capitalised(following)
        and base in _MONARCHS_AND_SAINTS
    )


def _day_after_a_name(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a day written between a name and its verb ("Joe Biden Monday
    said"), not part of a name ("the Good Friday Agreement", "Black Friday Sales")."""
    return tokens[k].lower in WEEKDAYS and (k + 1 >= len(tokens) or tokens[k + 1].text.islower())


def name_before(tokens: list[Token], end: int) -> list[Token]:
    """The run of name tokens that ends just before index ``end``."""
    run: list[Token] = []
    i = end - 1
    if i >= 0 and tokens[i].text == ")":
        # "the International Council for the Exploration of the Sea (ICES) said"
        opening = next((j for j in range(i - 1, max(i - 6, -1), -1) if tokens[j].text == "("), -1)
        if opening > 0:
            i = opening - 1
    if i >= 1 and _day_after_a_name(tokens, i) and is_capitalised(tokens[i - 1]):
        i -= 1  # "President Joe Biden Monday said": the day is no part of the name
    while i >= 0 and len(run) < _MAX_RUN:
        token = tokens[i]
        if token.text.endswith(("’s", "'s")) and not possessive_in_name(tokens, i):
            # "Japan’s new prime minister" is a description, not a name; "the Harris County
            # Sheriff's Office" is one
            break
        if (
            is_capitalised(token)
            or is_title(token)
            or (connects(token) and run and capitalised_before(tokens, i))
            or _number_in_name(tokens, i)
        ):
            run.insert(0, token)
        else:
            break
        i -= 1
    return run


def _number_in_name(tokens: list[Token], i: int) -> bool:
    """Whether the number at ``i`` is part of a name, after a capitalised word of it: "Channel
    4 News", "BBC Radio 4", "Formula 1", "Microsoft 365 Status"; not a year ("In 2023 Apple
    said"), a day ("On March 3 Google said") or a count ("The 27 member states")."""
    token = tokens[i]
    if not (token.text.isdigit() and len(token.text) <= 3 and i > 0):
        return False
    before = tokens[i - 1]
    return (
        is_capitalised(before)
        and before.lower not in MONTH_NAMES
        and before.lower not in WEEKDAYS
        and before.lower not in SENTENCE_STARTERS
        and not before.text.endswith(("'s", "’s"))
    )


def capitalised_before(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised word precedes index ``i`` across at most one more connector."""
    for j in (i - 1, i - 2):
        if j < 0:
            return False
        if is_capitalised(tokens[j]):
            return True
        if tokens[j].lower not in CONNECTORS:
            return False
    return False


# No name runs longer than this; a longer capitalised stretch (a title-case headline, a list of
# names joined by "and") is cut here, which keeps reading a long one linear, not quadratic.
_MAX_RUN = 24


def name_after(tokens: list[Token], start: int) -> list[Token]:
    run: list[Token] = []
    for k in range(start, min(len(tokens), start + _MAX_RUN)):
        token = tokens[k]
        if token.text.endswith(("’s", "'s")):
            return []  # "Tokyo’s vessels": the name only describes what follows
        if is_capitalised(token) or is_title(token) or (connects(token) and run):
            if opens_a_date(tokens, k) or (run and _day_after_a_name(tokens, k)):
                break  # "The Supreme Court on Thursday", "Joe Biden Monday said"
            run.append(token)
        else:
            break
    return run


# A government department named by its portfolios: "Department for Environment, Food and Rural
# Affairs", "Ministry of Economy, Trade and Industry".
_PORTFOLIO_HEADS = frozenset({"department", "ministry"})


def listed_portfolios_before(tokens: list[Token], run: list[Token]) -> list[Token]:
    """``run`` (from name_before) as the end of a department named by its portfolios that
    starts before it ("... for the Department for Levelling Up, Housing and Communities said":
    the whole name, not "Housing and Communities"); ``run`` as it is otherwise."""
    if not run:
        return run
    first = next(i for i, t in enumerate(tokens) if t is run[0])
    if first < 2 or tokens[first - 1].text != ",":
        return run
    for head in range(first - 2, max(first - 14, -1), -1):
        if tokens[head].lower in _PORTFOLIO_HEADS and is_capitalised(tokens[head]):
            whole = with_listed_portfolios(tokens, name_after(tokens, head))
            return whole if whole and whole[-1] is run[-1] else run
    return run


def with_listed_portfolios(tokens: list[Token], run: list[Token]) -> list[Token]:
    """``run`` (from name_after) with the portfolios that follow it after commas and a closing
    "and" ("Department for Environment" + ", Food and Rural Affairs"); ``run`` as it is when
    it names no department or no such list follows."""
    if not run or run[0].lower not in _PORTFOLIO_HEADS:
        return run
    start = next(i for i, t in enumerate(tokens) if t is run[0])
    end = k = start + len(run)
    while k + 1 < len(tokens) and tokens[k].text == "," and is_capitalised(tokens[k + 1]):
        k += 1
        while k < len(tokens) and is_capitalised(tokens[k]):
            k += 1
    if k == end or k + 1 >= len(tokens) or tokens[k].lower != "and":
        return run
    if not is_capitalised(tokens[k + 1]):
        return run
    k += 1
    while k < len(tokens) and is_capitalised(tokens[k]):
        k += 1
    return tokens[start:k]


# A company's legal form after a comma: "Acme Robotics, Inc. (NASDAQ: ACME) today reported",
# "Globex, Ltd.". The name run ends at a comma, so "Inc." alone was read as the name.
_COMMA_LEGAL_FORM = re.compile(
    r"(?<=[A-Za-z]),(?=\s+(?:Inc|Ltd|LLC|Corp|Co|L\.P|LP|N\.A|S\.A|plc|PLC)\.?(?:\W|$))"
)


def without_legal_comma(text: str) -> str:
    """``text`` with the comma before a company's legal form dropped ("Acme Robotics Inc."),
    for the speaker finder, which takes no offsets from it."""
    if ", " not in text:
        return text
    return _COMMA_LEGAL_FORM.sub("", text)
