"""The speaker an "according to" names: "according to the US Geological Survey", "according
to figures from the European Centre for Disease Prevention and Control", "according to a
former UC Global worker" (someone unnamed), "according to the health department" (described,
not named: the description, or the organisation it refers back to)."""

from __future__ import annotations

import re

from claims.extraction.attribution_words import DATA_NOUNS
from claims.extraction.clauses import ORG_NOUNS, Found, person_in
from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    MONTH_NAMES,
    PERSON_DEMONYMS,
    PERSON_ROLES,
    WEEKDAYS,
    word_set,
)
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    name_after,
    opens_a_date,
    with_listed_portfolios,
)
from claims.extraction.org_kinds import (
    NATIONALITY_ENDINGS,
    ORG_DESCRIPTORS,
    is_business_compound,
    is_business_noun,
)
from claims.extraction.page_names import type_on_page
from claims.extraction.people import GENERIC, GENERIC_PLURAL, SpeakerContext
from claims.extraction.places import GOVERNMENT_SEATS
from claims.extraction.resolution import resolve_found
from claims.extraction.speaker_types import ORGANIZATION, WEBSITE, bare_word, speaker_type

_YEAR = re.compile(r"(?:19|20)\d\d")
# "according to X"; "Per Sensor Tower, ...", "..., per the CDC.": "per" before a name, opening
# the sentence or after a comma ("per cent", "per day" are no source).
_ACCORDING_TO = re.compile(
    r"(?:\b(?i:according\s+to)|(?:^|(?<=,\s))[Pp]er(?=\s+(?:the\s+)?[A-Z]"
    # "..., per its earnings report", "..., per the company's filings": as "according to"
    r"|\s+its\s|\s+the\s+[a-z]+['’]s\s))\s+"
)
_OBJECT_PRONOUNS = {"him": "m", "her": "f", "them": ""}
_WEBSITE = re.compile(rf"(?P<site>{WEBSITE.pattern})[.,;:]?", re.IGNORECASE)
_SKIP_BEFORE_NAME = word_set("""
    a an the report reports data figures statistics estimates study survey research
    analysis new latest recent official officials published released by from of compiled
    provided journal paper summary memo document letter transcript review audit assessment
    count tally quick preliminary exit poll polls news press release statement modelling
    modeling projections forecasts calculations today yesterday tonight last this week month
    year""")
# What a firm conducts: "according to a poll by Visible Alpha".
_POLL_NOUNS = word_set("poll polls survey surveys")
# "according to a study published in the journal ZooKeys", "a paper in The Lancet": where it
# appeared; not "officials in Kyiv" (officials, not Kyiv).
_PUBLISHED_IN = word_set("published paper study report article research")
_DOCUMENTS = word_set("""
    report reports figures data statement statements filing filings accounts results website
    survey study analysis tool tracker estimates research records count tally poll database
    projections forecast forecasts minutes""")
# Lower-case nouns for a person that make the capitalised words before them a description:
# "a former UC Global worker", "a White House official".
SOURCE_NOUNS = (
    GENERIC
    | PERSON_ROLES
    | word_set("worker workers employee employees staffer staffers source sources insider")
)


# "A report by the National Audit Office (NAO) found ...", "..., a study by Oxford University has
# found.", "Figures from the ONS showed ...": the report's author, when the report opens the
# sentence or closes it after a comma.
_REPORT_BY = re.compile(
    r"(?:^|(?P<comma>,)\s+)(?:(?i:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?"
    r"(?:report|study|survey|review|analysis|investigation|audit|inquiry|poll)"
    r"(?:\s+of\s+[\d,]+\s+[a-z]+)?"  # "a survey of 4,000 households by the ONS"
    # "..., advance estimates from the Ministry of Trade and Industry (MTI) showed on Monday."
    r"|(?i:the\s+)?(?i:(?:advance|official|latest|new|provisional|preliminary)\s+)?"
    r"(?i:figures|data|statistics|estimates))\s+(?:published\s+|released\s+)?"
    r"(?:by|from)\s+(?P<author>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w’'&.-]*))*)"
    # "the Nikkei newspaper"
    r"(?:\s*\([A-Z]{2,}\))?(?:\s+(?:newspaper|daily|broadcaster|agency|pollster))?"
    r"\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:found|said|says|shows?|showed|shown|concluded|revealed|warned|suggests?|suggested)\b"
    r"(?P<tail>.*)$"
)
# "The figures, released by the Office for National Statistics on Wednesday, show ...".
_FIGURES_BY = re.compile(
    r"(?i:the\s+)?(?i:latest\s+|new\s+|official\s+)?(?i:figures|data|statistics|estimates),?\s+"
    r"(?i:(?:which|that)\s+(?:were|was|have\s+been|had\s+been)\s+)?"  # "which were published"
    r"(?i:released|published|compiled|issued)\s+by\s+"
    r"(?P<author>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'&.-]*))*)"
    r"(?:\s*\([A-Z]{2,}\))?[^,]{0,40},?\s+"
    r"(?:show|shows|showed|suggest|suggests|suggested|reveal|reveals|revealed)\b"
)
_TAIL_AFTER_COMMA = re.compile(r"(?:\s+(?:on|in|last|this)\s+\w+)?\W*$")
# "..., Home Office figures show, up 25% on 2023.", "ONS data showed that ...": whose figures.
_FIGURES_OF = re.compile(
    r"(?:^|(?P<comma>,)\s+)(?P<author>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|[A-Z][\w’'&.-]*)){0,5})"
    r"(?:\s*\([A-Z]{2,}\))?"  # "The Department for Work and Pensions (DWP) figures"
    r"\s+(?:figures|data|statistics|estimates|results)"
    r"(?:,\s+(?:released|published|issued)\s+[^,]{1,40},)?"  # ", released on Thursday,"
    r"\s+(?:show|shows|showed|suggest|suggests"
    r"|suggested"
    r"|reveal|reveals|revealed|indicate|indicates|indicated)\b(?P<tail>.*)$"
)


# "A YouGov poll published last week found ...", "A Reuters analysis released on Monday showed":
# the author named before the document that opens the sentence.
_NAMED_REPORT = re.compile(
    r"^(?i:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?"
    r"(?P<author>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})\s+"
    r"(?:poll|survey|study|report|analysis|investigation|review)"
    r"(?:\s+of\s+[\d,]+\s+[a-z]+)?"  # "A YouGov survey of 2,000 adults found"
    r"(?:,?\s+(?:published|released|conducted|carried\s+out)(?:\s+[\w.]+){0,3}?,?)?\s+"
    r"(?:has\s+|have\s+)?(?:found|finds|showed|shows|suggests|suggested|revealed|reveals)\b"
)


# "..., a YouGov survey of 2,000 people found.", "..., an Ipsos poll for the Evening Standard
# showed.": the author named before the document that closes the sentence.
_NAMED_REPORT_AFTER = re.compile(
    r",\s+(?i:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?"
    r"(?P<author>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})\s+"
    r"(?:poll|survey|study|report|analysis|review)"
    r"(?:\s+(?:of|for|by|on|among|into)\s+(?:[^,]|,(?=\d)){1,60}?"
    r"|\s+(?:published|released|conducted|carried\s+out)(?:\s+[\w.]+){1,4}?)?"
    r"\s+(?:has\s+|had\s+)?(?:found|finds|showed|shows|suggests|suggested|revealed|reveals)"
    r"(?:\s+(?:on|last|this)\s+\w+)?\W*$"
)


def report_by(text: str, masked: str, context: SpeakerContext) -> str | None:
    """The author of the report the sentence opens with or closes with ("A report by the
    National Audit Office found that ...", "..., a report by the NAO has found.", "The figures,
    released by the ONS on Wednesday, show ..."); None when it cites none so."""
    named = _NAMED_REPORT.match(masked) or _NAMED_REPORT_AFTER.search(masked)
    if named and named.group("author").split()[0].lower() not in first_name_genders():
        # a pollster or an outlet ("YouGov", "Ipsos", "Reuters"), never a person's name
        author = text[named.start("author") : named.end("author")]
        return resolve_found(Found(name=person_in(author), kind="name"), context)
    m = _REPORT_BY.search(masked)
    if m is None or (m.group("comma") and not _TAIL_AFTER_COMMA.fullmatch(m.group("tail"))):
        m = _FIGURES_OF.search(masked)
        tail = m.group("tail") if m else ""
        ends = tail.startswith(",") or not tail.strip(".!") or _TAIL_AFTER_COMMA.fullmatch(tail)
        if m is None or (m.group("comma") and not ends):  # "..., INDEC data showed in May."
            m = _FIGURES_BY.match(masked)
            if m is None:
                return None
        author = text[m.start("author") : m.end("author")]
        if speaker_type(_without_the(author)) != ORGANIZATION:
            return None  # "Trump figures show" is no source ("the GAC data showed" is)
    author = _without_the(text[m.start("author") : m.end("author")])
    return resolve_found(Found(name=person_in(author), kind="name"), context)


def _without_the(name: str) -> str:
    return name[4:] if name.startswith(("the ", "The ")) else name


def _owner_noun(tokens: list[Token], index: int) -> str:
    """The organisation noun whose document the words from ``index`` cite ("the airport's own
    estimates", "the company's annual report"): "airport"; "" for any other words."""
    if index + 2 >= len(tokens) or tokens[index].lower != "the":
        return ""
    noun = tokens[index + 1]
    if not noun.text.endswith(("'s", "’s")) or not noun.text[:1].islower():
        return ""
    word = noun.lower[:-2]
    known = word in ORG_NOUNS or is_business_noun(word)
    return word if known and _a_document_at(tokens, index + 1) else ""


def _its_role(tokens: list[Token], index: int) -> str:
    """The role after "its" at ``index`` that closes the sentence ("its inspector general",
    "its chief executive"), "" for none."""
    words = []
    for token in tokens[index + 1 : index + 4]:
        if not token.lower.isalpha() or not token.text.islower():
            break  # (a token's lower form drops the sentence's full stop: "general.")
        words.append(token.lower)
        if token.text.endswith("."):
            break
    while words and words[-1] not in PERSON_ROLES:
        words.pop()
    end = index + 1 + len(words)
    closes = end >= len(tokens) or not tokens[end].text[:1].isalnum()
    return " ".join(words) if words and closes else ""


def _apposed_name_at(tokens: list[Token], index: int) -> tuple[int, bool]:
    """Where the name starts that a described source is given after a comma ("according to the
    band's promoter, SJM Concerts", "according to the charity, Shelter"), and whether the
    description is an organisation's; (``index``, False) when the words there are no such
    description."""
    k = index + (index < len(tokens) and tokens[index].lower == "the")
    if k < len(tokens) and tokens[k].text.islower() and tokens[k].text.endswith(("'s", "’s")):
        k += 1  # "the band's"
    start = k
    while (
        k < len(tokens) and k - start < 2 and tokens[k].text.isalpha() and tokens[k].text.islower()
    ):
        k += 1
    noun = tokens[k - 1].lower if k > start else ""
    org = noun in ORG_DESCRIPTORS or is_business_noun(noun)
    comma = k + 1 < len(tokens) and tokens[k].text == ","
    if (org or noun in PERSON_ROLES) and comma and is_capitalised(tokens[k + 1]):
        return k + 1, org
    return index, False


def _a_document_at(tokens: list[Token], index: int) -> bool:
    """Whether a report, figures or a statement follow within three words of ``index``."""
    return any(t.lower.rstrip(".,") in _DOCUMENTS for t in tokens[index + 1 : index + 4])


def according_to(
    text: str, tokens: list[Token], masked: str, context: SpeakerContext
) -> str | None:
    """The speaker of the sentence's first "according to" that names one, resolved ("" when
    it says who only generically: "according to officials"); None when it has none."""
    found_one = False
    for m in _ACCORDING_TO.finditer(masked):
        found_one = True
        index = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        if index < len(tokens) and tokens[index].lower in _OBJECT_PRONOUNS:
            # "Wahab spoke on Sunday. According to him, flooding had displaced ...": his
            gender = _OBJECT_PRONOUNS[tokens[index].lower]
            found = Found(kind="pronoun", generic=gender) if gender else Found(kind="they")
            return resolve_found(found, context)
        website = _WEBSITE.fullmatch(tokens[index].text) if index < len(tokens) else None
        if website:  # "according to poweroutage.us": a website that tracks the figures
            return website.group("site")
        owner_noun = _owner_noun(tokens, index)
        if owner_noun:
            # "according to the airport's own estimates": the airport the text named
            owner = resolve_found(Found(kind="org-noun", generic=f"the {owner_noun}"), context)
            if owner:
                return owner
        role = _its_role(tokens, index)
        if (
            index < len(tokens)
            and tokens[index].lower == "its"
            and (role or _a_document_at(tokens, index))
        ):
            # "Amazon employed 1.55 million people, according to its annual report": Amazon;
            # "The company had 72,400 employees, according to its latest filing": the company;
            # "The agency has spent $93bn, according to its inspector general": its office
            if not context.sentence_org and context.sentence_noun:
                described = Found(kind="org-noun", generic=f"the {context.sentence_noun}")
                owner = resolve_found(described, context)
            else:
                owner = context.sentence_org or resolve_found(Found(kind="it"), context)
            return f"{owner} {role}" if owner and role else owner
        owned_role = _its_role(tokens, index) if index < len(tokens) else ""
        if owned_role and tokens[index].text.endswith(("'s", "’s")):
            # "according to NASA's inspector general": the organisation's office
            name = bare_word(tokens[index].text)
            if name[:1].isupper() and type_on_page(name, context) == ORGANIZATION:
                return f"{name} {owned_role}"
        skipped = 0
        while (
            index < len(tokens)
            and (
                tokens[index].lower in _SKIP_BEFORE_NAME
                or _YEAR.fullmatch(tokens[index].text)
                or (tokens[index].lower == "in" and tokens[index - 1].lower in _PUBLISHED_IN)
                # "a report released on Wednesday by", "... on March 5 by"
                or opens_a_date(tokens, index)
                or tokens[index].lower in WEEKDAYS
                or tokens[index].lower in MONTH_NAMES
                or (tokens[index].text.isdigit() and tokens[index - 1].lower in MONTH_NAMES)
            )
            and skipped < 8
        ):  # "according to a 2020 study by the University of Hong Kong"
            index += 1
            skipped += 1
        owner = _document_owner(text, tokens, index)
        if owner:  # "according to the BBC's analysis", "according to Kantar's latest figures"
            return resolve_found(Found(name=person_in(owner), kind="name"), context)
        # "according to the charity Shelter", "according to aviation analytics firm Cirium":
        # the name after the descriptor (and the lower-case words before it)
        descriptor = next(
            (
                k
                for k in range(index, min(index + 4, len(tokens) - 1))
                if tokens[k].lower in ORG_DESCRIPTORS
                and is_capitalised(tokens[k + 1])
                # "aviation analytics firm", "flight-tracking site": words in small letters
                and all(
                    t.text.replace("-", "").isalpha() and t.text.islower() for t in tokens[index:k]
                )
            ),
            None,
        )
        if descriptor is None:
            # "according to elections expert Professor John Curtice": a person's role in small
            # letters before the name
            descriptor = next(
                (
                    k
                    for k in range(index, min(index + 3, len(tokens) - 1))
                    if tokens[k].lower in PERSON_ROLES
                    and tokens[k].text.islower()
                    and is_capitalised(tokens[k + 1])
                    and all(t.text.isalpha() and t.text.islower() for t in tokens[index:k])
                ),
                None,
            )
        apposed_org = False
        if descriptor is not None:
            index = descriptor + 1
        else:
            # "the band's promoter, SJM Concerts"
            index, apposed_org = _apposed_name_at(tokens, index)
        run = with_listed_portfolios(tokens, name_after(tokens, index))
        group = _group_at(text, tokens, index)
        if group:  # "according to analysts at Anderson Economic Group"
            return group
        if (run and not is_capitalised(run[0])) or (
            not run
            and index < len(tokens)
            # "the Hamas-run health ministry", "the Kremlin-backed council": described
            and (tokens[index].text.islower() or tokens[index].text.split("-")[-1].islower())
        ):
            # "according to figures from the health department", "according to the fire
            # service": described, not named
            return _described(text, tokens, index, context)
        while run and run[-1].text.islower() and len(run) > 1:
            run = run[:-1]  # "former UC Global worker": the role ends the name
        after = index + len(run)
        if run and after < len(tokens) and tokens[after].lower in SOURCE_NOUNS:
            # "according to a former UC Global worker": someone unnamed at UC Global,
            # unless a name follows the role ("NHS England chief executive Simon Stevens").
            while after < len(tokens) and tokens[after].lower in SOURCE_NOUNS:
                after += 1
            run = name_after(tokens, after)
        place = clean_run(text, run) if run else ""
        # "the Gaza health ministry", "the Kyiv city council": a place's body; not "the
        # Associated Press news agency", a body described
        own = place.lower() not in GOVERNMENT_SEATS and speaker_type(place) == ORGANIZATION
        described = _org_noun_after(tokens, after) if place and not own else None
        if described is not None:  # "according to the Gaza health ministry"
            name = text[run[0].start : tokens[described].end].rstrip(".")
            return resolve_found(Found(name=name, kind="name"), context)
        name = clean_run(text, run)
        if name and _nationality_before_a_noun(name, tokens, after):
            return ""  # "according to Israeli tallies": whose, the words do not say
        at = tokens.index(run[0]) if run else 0
        polled = at >= 2 and tokens[at - 1].lower == "by" and tokens[at - 2].lower in _POLL_NOUNS
        if polled:
            name = name.split(" for ")[0]  # "a survey by YouGov for The Times": the pollster's
        if (
            name
            and (
                (after < len(tokens) and tokens[after].lower.rstrip(".") in DATA_NOUNS)
                or polled  # "according to a poll by Visible Alpha"
            )
            and name.split()[0].lower() not in first_name_genders()
        ) or (name and apposed_org):
            context.described_orgs.add(name)  # "according to Visible Alpha estimates": a firm
        if name:
            return resolve_found(Found(name=person_in(name), kind="name"), context)
    return "" if found_one else None


def _nationality_before_a_noun(name: str, tokens: list[Token], after: int) -> bool:
    """Whether ``name`` is one nationality word describing the word in small letters after it
    ("Israeli tallies", "Russian estimates"), not a name."""
    lower = name.lower()
    return (
        " " not in name
        and (lower in PERSON_DEMONYMS or lower.endswith(NATIONALITY_ENDINGS))
        and after < len(tokens)
        and tokens[after].text.rstrip(".").isalpha()
        and tokens[after].text.islower()
        and speaker_type(name) != ORGANIZATION
    )


def _org_noun_after(tokens: list[Token], after: int) -> int | None:
    """The index of an organisation noun among the next three words in small letters, the
    last word before the sentence goes on ("Gaza" + "health ministry"); None otherwise."""
    end = after
    while end < len(tokens) and end - after < 3 and tokens[end].text.rstrip(".").isalpha():
        if not tokens[end].text.islower():
            return None
        end += 1
        if tokens[end - 1].text.endswith("."):
            break  # "ministry." ends the sentence
    if end == after or (
        end < len(tokens) and tokens[end - 1].text.isalpha() and tokens[end].text.isalpha()
    ):
        return None  # "according to Gaza officials who ...": more words, no name's end
    return end - 1 if tokens[end - 1].lower.rstrip(".") in ORG_NOUNS else None


def _group_at(text: str, tokens: list[Token], index: int) -> str:
    """ "Anderson Economic Group analysts" for "analysts at Anderson Economic Group" from
    ``index``: a group of people at a named organisation, as speakers are named elsewhere
    ("Analysts at Goldman Sachs said": "Goldman Sachs analysts"); "" for any other words."""
    if index + 2 >= len(tokens) or tokens[index].lower not in GENERIC_PLURAL:
        return ""
    if tokens[index + 1].lower not in {"at", "from", "with"}:
        return ""
    start = index + 3 if tokens[index + 2].lower == "the" else index + 2
    run = name_after(tokens, start)
    name = clean_run(text, run) if run else ""
    return f"{name} {tokens[index].lower}" if name else ""


def _document_owner(text: str, tokens: list[Token], index: int) -> str:
    """The name whose document, figures or analysis the words from ``index`` cite ("CME Group's
    FedWatch tool", "Kantar's latest figures"), or the organisation of a name they cite
    ("Russia's defence ministry", "Ukraine's military"); "" for any other words."""
    k = index
    while (
        k < len(tokens)
        and k - index < 9
        # "the London School of Hygiene and Tropical Medicine's Sudan Research Group"
        and (is_capitalised(tokens[k]) or (k > index and tokens[k].lower in {"of", "and", "for"}))
    ):
        if tokens[k].text.endswith(("'s", "’s")):
            if _a_document_at(tokens, k):
                return text[tokens[index].start : tokens[k].end - 2]
            owned_run = name_after(tokens, k + 1)
            owned = ""
            if owned_run and owned_run[0].text[:1].isupper():
                closes = _closes(tokens, k + 1 + len(owned_run))
                owned = clean_run(text, owned_run) if closes else ""
            if owned and speaker_type(owned) == ORGANIZATION:
                # "Japan's Ministry of Finance", "China's State Administration for Market
                # Regulation": the whole name (was "Japan's Ministry", and nobody)
                return f"{text[tokens[index].start : tokens[k].end]} {owned}"
            if owned:
                return owned  # "France's President Emmanuel Macron", "Apple's Tim Cook"
            end = k + 1
            while end < len(tokens) and end - k <= 3 and tokens[end].lower.isalpha():
                if tokens[end].lower in ORG_NOUNS:
                    return text[tokens[index].start : tokens[end].start + len(tokens[end].lower)]
                end += 1
            return ""
        k += 1
    return ""


def _closes(tokens: list[Token], end: int) -> bool:
    """Whether the name that ends before ``end`` closes the source's words: the sentence or a
    clause ends there ("according to Apple's Tim Cook."), not a noun of what it owns ("according
    to Trump's Truth Social post")."""
    return (
        end >= len(tokens)
        or tokens[end - 1].text.endswith((".", ","))
        or not tokens[end].text[:1].isalnum()
    )


def _described(text: str, tokens: list[Token], index: int, context: SpeakerContext) -> str:
    """ "the health department" from ``index``: the organisation it refers to, or the
    description itself; "" when the words end in no organisation noun."""
    end = index
    while end < len(tokens) and end - index < 4 and tokens[end].lower.replace("-", "").isalpha():
        end += 1  # a token's lower form drops the sentence's full stop: "department."; a
        # hyphenated word is one: "the Hamas-run health ministry"
    last = tokens[end - 1]
    if end == index or not (
        last.lower in ORG_NOUNS or is_business_compound(tokens, end - 1)  # "the think tank"
    ):
        return ""
    start = index - 1 if tokens[index - 1].lower == "the" else index
    phrase = text[tokens[start].start : last.start + len(last.lower)]
    return resolve_found(Found(kind="org-noun", generic=phrase), context)
