"""Sources named by what they are: a state's outlets ("Russian state media said"), a country's
or a city's police with no article ("Belgian police estimated"), a name before its
descriptor ("Yonhap news agency reported") and a social-media post ("A viral post on Facebook
claims"), for claims.extraction.clauses; and a workplace named after a role ("deputy editor of
Carbon Brief"), an organisation whatever its name."""

from __future__ import annotations

import re

from claims.extraction.lexicon import word_set
from claims.extraction.names import Token, clean_run, is_capitalised, is_leading_filler, name_before
from claims.extraction.org_kinds import ORG_DESCRIPTORS
from claims.extraction.people import DETERMINERS

# A state's outlets, speaking as one: "Russian state media said", "Iranian state television".
_STATE_OUTLETS = word_set("media television tv radio broadcaster")


def state_outlet(text: str, tokens: list[Token], i: int) -> str:
    """ "Russian state media" when ``tokens[i]`` ends "[<Nationality>] state media" (or
    television, radio ...): the outlets as written; "" otherwise ("local media" is nobody)."""
    if tokens[i].lower not in _STATE_OUTLETS or i < 1 or tokens[i - 1].lower != "state":
        return ""
    nationality = i >= 2 and is_capitalised(tokens[i - 2]) and not is_leading_filler(tokens[i - 2])
    first = i - 2 if nationality else i - 1  # "Meanwhile state media said": state media
    return text[tokens[first].start : tokens[i].end]


def police_force(text: str, tokens: list[Token], i: int) -> str:
    """ "Belgian police" when ``tokens[i]`` is "police" after a nationality or a city and no
    article ("The Dallas police" is clauses.description_before's own case); "" otherwise."""
    if tokens[i].text != "police" or i < 1 or not is_capitalised(tokens[i - 1]):
        return ""
    if is_leading_filler(tokens[i - 1]) or (i >= 2 and tokens[i - 2].lower in DETERMINERS):
        return ""  # "Meanwhile police said": police
    return text[tokens[i - 1].start : tokens[i].end]


_LINKS = word_set("at of for from with in by and or to on")


def name_before_descriptor(text: str, tokens: list[Token], i: int) -> str:
    """ "Yonhap news agency reported", "Tass news agency said": the name before a descriptor
    (and up to two lower-case words before it); "" otherwise."""
    if tokens[i].lower not in ORG_DESCRIPTORS:
        return ""
    j = i - 1
    while (
        j >= 0
        and i - j <= 2
        and tokens[j].text.isalpha()
        and tokens[j].text.islower()
        # "Economists at the agency said": no name of the agency's before it
        and tokens[j].lower not in DETERMINERS
        and tokens[j].lower not in _LINKS
    ):
        j -= 1
    run = name_before(tokens, j + 1) if j >= 0 and is_capitalised(tokens[j]) else []
    if run and run[0].lower in DETERMINERS:
        return ""  # "The Japanese company said": a description
    k = tokens.index(run[0]) - 1 if run else -1
    initials = (
        len(run) == 1
        and len(run[0].text) >= 2
        and run[0].text.isupper()
        and run[0].text not in _UMBRELLAS  # "the UN agency": one of the UN's, not the UN
    )
    owner = k >= 0 and is_capitalised(tokens[k]) and tokens[k].text.endswith(("’s", "'s"))
    # "..., the semi-official Tasnim news agency said", "..., Yonhap news agency said": after
    # the clause it reports, with "the" and what kind of outlet it is
    described = k
    while described >= 0 and tokens[described].lower in _OUTLET_KINDS:
        described -= 1
    after_clause = described >= 0 and (
        tokens[described].text == ","
        or (
            tokens[described].lower == "the"
            and (described == 0 or tokens[described - 1].text == ",")
        )
    )
    describing = len(run) == 1 and bool(_DESCRIBING_WORD.search(run[0].lower))
    if after_clause and not describing and (described < k or tokens[described].text == ","):
        return clean_run(text, run)  # not "..., Iranian news agency said": described
    if k >= 0 and not owner and not (initials and tokens[k].lower == "the"):
        return ""  # only opening the sentence, after an owner ("Russia's Tass news agency") or,
        # for initials, after "the" ("the INDEC statistics agency")
    if len(run) == 1 and run[0] is tokens[0] and _DESCRIBING_WORD.search(run[0].lower):
        return ""  # "Local news agency said", "Iranian news agency said": described, not named
    return clean_run(text, run) if run else ""


_UMBRELLAS = frozenset({"UN", "EU", "US", "UK", "AU", "NATO", "NHS", "OECD", "WHO"})
# What kind of outlet a name is, between "the" and the name: "the semi-official Tasnim news
# agency", "the state-run IRNA news agency".
_OUTLET_KINDS = frozenset(
    {"official", "semi-official", "state-run", "state-owned", "state", "independent", "private"}
)
_DESCRIBING_WORD = re.compile(
    r"(?:an|ese|ish|i|al|ic|ent|ate)$|^(?:state|government|official|independent|private|public)$"
)


# Roles held at a workplace: "deputy editor of Carbon Brief", "economist at Capital Economics".
_WORKPLACE = re.compile(
    r"\b(?:editor|director|chief|executive|founder|co-?founder|president|chairman|chairwoman"
    r"|chair|head|manager|economist|analyst|researcher|reporter|correspondent|spokesman"
    r"|spokeswoman|spokesperson|professor|lecturer|fellow|partner)\s+(?:of|at)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'&.-]*(?:[ \t]+(?:of|for|and|&|[A-Z][\w’'&.-]*))*)"
)


def workplaces(text: str) -> set[str]:
    """The names a page writes after a role and "of" or "at" ("deputy editor of Carbon Brief",
    "chief economist at Capital Economics"): organisations, whatever their words look like,
    from the page's first sentence on."""
    found = set()
    for m in _WORKPLACE.finditer(text):
        name = re.sub(r"(?:\s+(?:of|for|and|&))+$", "", m.group("name")).rstrip(".")
        if " " in name or name.isupper() or len(name) > 2:
            found.add(name)
    return found


# An organisation's name: capitalised words and the small words between them.
_ORG_NAME = r"[A-Z][\w’'&.-]*(?:[ \t]+(?:of|for|and|the|on|&|[A-Z][\w’'&.-]*)){1,8}"
_SMALL_NAME_WORDS = frozenset({"of", "for", "and", "the", "on", "&"})
# "the Royal College of Nursing (RCN)": a name, then its initials in brackets.
_ACRONYM_AFTER = re.compile(rf"(?P<name>{_ORG_NAME})[ \t]+\((?P<acronym>[A-Z]{{2,6}})\)")
_NAME = re.compile(_ORG_NAME)


def acronyms(text: str) -> dict[str, str]:
    """Initials a page introduces in brackets after a name ("the Royal College of Nursing
    (RCN)" -> {"RCN": "Royal College of Nursing"}), when they begin and end as the name's
    words do; an acronym introduced for two names is left out."""
    found: dict[str, str] = {}
    for m in _ACRONYM_AFTER.finditer(text):
        words = [w for w in m.group("name").split() if w[:1].isupper()]
        if words and words[0] in {"The", "A", "An"}:
            words = words[1:]
        acronym = m.group("acronym")
        if len(words) < 2 or acronym[0] != words[0][0] or acronym[-1] != words[-1][0]:
            continue
        name = m.group("name")
        name = name[4:] if name.startswith("The ") else name
        found[acronym] = "" if found.get(acronym, name) != name else name
    for m in _BRACKETED.finditer(text):
        acronym = m.group("acronym")
        if acronym not in found:
            name = _spelled_before(text[max(0, m.start() - 120) : m.start()], acronym)
            if name:
                found[acronym] = name
    return {a: n for a, n in found.items() if n}


_BRACKETED = re.compile(r"[ \t]\((?P<acronym>[A-Z]{2,6})\)")


def _spelled_before(before: str, acronym: str) -> str:
    """The words right before an acronym in brackets whose capitalised words' initials spell
    it, small words of any kind between them ("Medicines and Healthcare products Regulatory
    Agency (MHRA)"); "" when they do not."""
    words = before.split()
    for start in range(len(words) - 1, max(-1, len(words) - 12), -1):
        part = words[start:]
        capitals = [w for w in part if w[:1].isupper()]
        if not part[0][:1].isupper() or len(capitals) < 2:
            continue
        if "".join(w[0] for w in capitals) == acronym:
            return " ".join(part)
    return ""


def spelled_out(initials: str, text: str) -> str:
    """The first name ``text`` writes whose capitalised words begin with ``initials`` in order
    ("OBR": "Office for Budget Responsibility"), without the initials in brackets after it
    (those are acronyms()'); "" when none."""
    if not 2 <= len(initials) <= 6:
        return ""
    for m in _NAME.finditer(text):
        words = [w for w in m.group().split() if w not in _SMALL_NAME_WORDS]
        for start in range(len(words) - len(initials) + 1):
            part = words[start : start + len(initials)]
            if "".join(w[0] for w in part) == initials and all(len(w) > 1 for w in part):
                first = m.group().index(part[0])
                last = m.group().index(part[-1], first) + len(part[-1])
                return m.group()[first:last]
    return ""


# A post on a platform as the claim's source, the fact-checker's usual claimant: "A viral post on
# Facebook claims ...", "A Facebook post shared thousands of times claims ...", "A video shared on
# TikTok claims ...", "A post on X, viewed more than 2 million times, says ...", "A post shared
# thousands of times on Facebook claims ...".
_PLATFORMS = (
    r"Facebook|X|Twitter|TikTok|Instagram|WhatsApp|Telegram|YouTube|Threads|Bluesky|Reddit"
    r"|social\s+media"
)
_PLATFORM_HINT = re.compile(rf"\b(?:{_PLATFORMS})\b", re.IGNORECASE)
_KINDS = r"post|video|tweet|message|image|meme|clip|reel|photo|graphic"
_SOCIAL_POST = re.compile(
    r"(?:^|\b(?:an?|the|one|this|that|these|those|several|many|some)\s+)"
    r"(?:viral\s+|widely[- ]shared\s+|recent\s+)?"
    rf"(?:(?P<kind>{_KINDS})s?\s+"
    # "shared on", "shared thousands of times on"
    r"(?:(?:shared|circulating|posted|published|viewed)\s+(?:[^,.;]{1,40}?\s+)?)?(?:on|across)\s+"
    rf"(?P<platform>{_PLATFORMS})"
    rf"|(?P<platform2>{_PLATFORMS})\s+(?P<kind2>{_KINDS})s?"
    r"(?:\s+(?:shared|viewed|posted|liked|seen)\s+[^,.;]{1,50}?)?)"
    r"(?:\s*,[^,]{1,60},)?\s*$",
    re.IGNORECASE,
)


def social_post(text: str, end: int) -> str:
    """ "Facebook post" when the words ending at ``end`` name a post on a platform as what says
    the claim ("A viral post on Facebook claims"); "" otherwise."""
    start = max(0, end - 140)
    if not _PLATFORM_HINT.search(text, start, end):
        return ""  # the plain test first: most speakers are no post
    m = _SOCIAL_POST.search(text, start, end)
    if m is None:
        return ""
    platform = m.group("platform") or m.group("platform2")
    platform = "social media" if platform.lower().startswith("social") else platform
    return f"{platform} {(m.group('kind') or m.group('kind2')).lower()}"
