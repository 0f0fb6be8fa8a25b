"""Who a sentence (a claim unit: one sentence, or a whole quotation with its attribution)
attributes its statement to. Name runs come from claims.extraction.names; what the document has
said about who is who (and how a pronoun or a surname resolves) from claims.extraction.people.

Rules over capitalised words, read outside the quotation marks (words inside a quote are
what was said, not who said it), in this order:

1. a reporting verb right after a closing quote or a comma, the speaker after it:
   `"...," said Johannes Hahn`, `..., said Department of Correction spokesman Jason Kersten`;
2. a speaker before a reporting verb: a name (`Moscow maintains that`), a name with an
   apposition (`Katsunobo Kato, the chief secretary ..., suggested`, `The supplier, Nordvik
   Steelworks, denied`), a pronoun (`he said`), a description of a person (`the
   Conservative MP said`) or of an organisation (`the national audit office reported`);
3. `according to X` (`Per X,`, `..., per X.`);
4. a subject followed by ", arguing that" / ", saying that";
5. the subject of a sentence that carries a real quotation (a clause of several mostly
   lower-case words: a film title in quotes is not one).

A name is a speaker only if it can be an agent: not a place after a preposition ("the MP for
Newcastle Central said"), a month or day, a pronoun for anyone ("Nobody said"), or an unknown
capitalised plural opening the sentence ("Thousands said", "Emails show"; a word ending in "s"
that the page also writes inside a sentence is known: "Siemens said ... Shares in Siemens").

Context kept per document (``SpeakerContext``):
- full personal names seen anywhere ("Health secretary Matt Hancock"), so a surname or a title
  and surname ("Hancock said", "Mr Hancock responded") resolves to the full name;
- genders, from titles and roles ("Mr", "spokeswoman"), from the given-name list in
  data/first_names.txt, and from pronouns already resolved to the person;
- the people who spoke or were the subject of a sentence, by paragraph: "he"/"she" resolve to
  the most recent one of a compatible gender in this paragraph or the previous one (unknown
  gender matches either; "she" never resolves to a known man), "the minister" to the most
  recent person;
- organisations, most recent last: "it" resolves to the last one, "they" to the last one seen
  in this paragraph or the previous one, "the ministry" to the last one with that word;
- a sentence that starts inside an open quote keeps the previous sentence's speaker;
- an unnamed "spokesperson"/"official" is named after the organisation the previous sentence
  was about or spoke for, e.g. "Russian Ministry of Foreign Affairs spokesperson". We chose this
  over "" because editors asked who to call for a comment; plural "officials" or "sources" stay
  "" because they could be anyone's.
"""

from __future__ import annotations

import re

from claims.extraction import attribution_words as vocab
from claims.extraction.according import according_to, report_by
from claims.extraction.clauses import (
    AFFILIATION_WORDS,
    ORG_NOUNS,
    PRONOUN_GENDERS,
    QUOTE_MARKS,
    Found,
    can_speak,
    clause_subjects,
    people_named,
    person_in,
    subject_name,
    subject_run,
)
from claims.extraction.descriptions import place_body
from claims.extraction.full_names import org_in_full
from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import ATTRIBUTION_VERBS
from claims.extraction.mentions import (
    businesses_named,
    learn_mentions,
    listed_company,
    plural_agreement,
)
from claims.extraction.name_learning import learn_names
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    name_after,
    tokenise,
)
from claims.extraction.openings import described_business, owned_subject, stance_taker
from claims.extraction.org_learning import (
    learn_after_speaker,
    learn_orgs,
    note_countries,
    note_nationalities,
)
from claims.extraction.organisations import opening_place
from claims.extraction.outlets import spelled_out
from claims.extraction.page_names import learn_one_word_speaker, type_on_page
from claims.extraction.participles import participle_speaker
from claims.extraction.people import (
    DETERMINERS,
    GENERIC_PLURAL,
    POSSESSIVE_PRONOUNS,
    SpeakerContext,
    remember,
    remember_person,
    remember_unnamed,
    resolve_pronoun,
)
from claims.extraction.possessives import with_s_possessives
from claims.extraction.quotations import mask_quotes
from claims.extraction.resolution import resolve_found
from claims.extraction.roles import (
    apposed_subject,
    demonym_subject,
    learn_roles,
    learn_study_leader,
    possessor_subject,
    unnamed_speaker_gender,
)
from claims.extraction.speaker_types import (
    ORGANIZATION,
    PERSON,
    has_org_word,
    speaker_type,
)
from claims.extraction.verb_speakers import after_verb, before_verb
from claims.extraction.verbs import (
    a_business_by_its_acts,
    acts_on_its_own,
    after_be,
    believes_a_clause,
    closes_the_sentence,
    negated,
    passive,
    puts_a_figure,
    rebuts,
    reduced_relative,
    says_no_statement,
    that_follows,
    verb_follows,
)

_CLOSING_MARKS = frozenset({"”", '"'})
# The verbs of ASSERTING_VERBS and REBUTTING_VERBS, looked for in the sentence before its
# words are read one by one.
_CLAIMING_VERB = re.compile(
    rf"\b(?:{'|'.join(sorted(vocab.ASSERTING_VERBS | vocab.REBUTTING_VERBS))})\b"
)
# "accused of", "blamed on": the participle of a clause about its subject, no verb of saying.
_PREPOSITIONS_AFTER_PARTICIPLE = frozenset({"of", "on", "for", "by", "in", "over"})
_RULED = frozenset({"ruled", "rules"})
_AFTER_RULED = _PREPOSITIONS_AFTER_PARTICIPLE | {"out", "from", "since", "until"}


_REPORT_CUES = (
    " by ",
    " from ",
    " figures ",
    " figures,",  # "The DWP figures, released on Thursday, show"
    " data ",
    " statistics ",
    " estimates ",
    " results ",
    " poll ",
    " survey ",
    " study ",
    " report ",
    " analysis ",
)


# Verbs of saying that are plural nouns too, before "of": "estimates of", "reports of".
_NOUNS_TOO = frozenset({"estimates", "reports", "claims", "forecasts", "promises", "warnings"})
# What follows such a word when it is the noun: "estimates of", "claims against" ("reports
# from Kyiv that" is a verb).
_NOUN_NEXT = frozenset({"of", "against"})


def _explicit(text: str, tokens: list[Token], masked: str, context: SpeakerContext) -> str | None:
    """The speaker the sentence names, "" when it names an unnamed one ("officials said"),
    None when it names none."""
    # Verbs are found by token rather than by one regex alternation of a hundred verbs: this
    # runs on every sentence, and a set look-up per word is several times faster.
    quoted = masked != text
    if any(cue in masked for cue in _REPORT_CUES):
        # "A report by the NAO found that ...", "..., Home Office figures show."
        said = report_by(text, masked, context)
        if said is not None:
            return said
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.lower in vocab.ANY_VERB
        and t.text[:1].islower()
        # "above Wall Street estimates of $124.1bn": a plural noun, no verb ("he says of")
        # "Similar claims against Apple and Google are worth £4bn": a noun before a preposition
        and not (
            t.lower in _NOUNS_TOO and i + 1 < len(tokens) and tokens[i + 1].lower in _NOUN_NEXT
        )
        # "according to the airport's own estimates", "its estimates": a noun after an owner
        and not (
            t.lower in _NOUNS_TOO
            and i > 0
            and (
                tokens[i - 1].lower in POSSESSIVE_PRONOUNS | {"own"}
                or tokens[i - 1].text.endswith(("'s", "’s"))
            )
        )
    ]
    generic_seen = False
    unresolved_at = -1  # where a verb of saying stands whose subject described nobody named
    for i in verbs:
        lower = tokens[i].lower
        previous = tokens[i - 1].text if i else ""
        after_quote = previous in _CLOSING_MARKS or (
            previous == "," and i >= 2 and tokens[i - 2].text in _CLOSING_MARKS
        )
        if (after_quote and lower in vocab.INVERTED_AFTER_QUOTE) or (
            previous == "," and lower in vocab.INVERTED_AFTER_COMMA
        ):
            found = after_verb(text, tokens, i + 1, context)
            if found is None:
                continue
            if (
                found.kind in {"pronoun", "it", "they"}
                and not after_quote
                and i + 2 < len(tokens)
                and (tokens[i + 2].text.islower() or tokens[i + 2].text in QUOTE_MARKS)
            ):
                continue  # "Mr Smith, who was elected in 2019, said he would ...": "he" (or
                # "it", "they") is the subject of what was said, not the speaker after the verb;
                # so in `..., said it "puts the interests of foreign countries first."`
            resolved = resolve_found(found, context)
            if resolved:
                return resolved
            generic_seen = True
    # A verb of saying before one of forecasting: "The Reserve Bank of India expects growth of
    # 7.2% ..., governor Shaktikanta Das said" is his.
    passes = [
        [i for i in verbs if tokens[i].lower in ATTRIBUTION_VERBS]
        + [
            i
            for i in verbs
            if tokens[i].lower not in ATTRIBUTION_VERBS
            and (
                tokens[i].lower in vocab.FORECAST_VERBS
                or (  # "Analysts warn", "Economists at Goldman Sachs estimate"; not "to warn"
                    tokens[i].lower in vocab.PLURAL_VERBS
                    and i > 0
                    and (tokens[i - 1].lower in GENERIC_PLURAL or is_capitalised(tokens[i - 1]))
                )
            )
        ],
        [
            i
            for i in verbs
            if tokens[i].lower in vocab.THAT_VERBS
            and (
                that_follows(tokens, i)
                or believes_a_clause(tokens, i)  # "Lee believes 40% of claims are ..."
                or closes_the_sentence(tokens, i)  # "..., AFP Fact Check found."
            )
        ],
        [i for i, t in enumerate(tokens) if t.text in ("put", "puts") and puts_a_figure(tokens, i)],
    ]
    if quoted:
        passes.append([i for i in verbs if tokens[i].lower in vocab.QUOTE_ONLY_VERBS])
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.NAMING_VERBS
                and t.text.islower()
                and not after_be(tokens, i)
                and any(u.text in QUOTE_MARKS for u in tokens[i + 1 :])
                # "ruled his death "wholly avoidable"", not "ruled for 14 years"
                and not (t.lower in _RULED and tokens[i + 1].lower in _AFTER_RULED)
            ]
        )
    if _CLAIMING_VERB.search(masked):  # a cheap look first: this runs on every sentence
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.ASSERTING_VERBS
                and t.text.islower()
                # "Smith, accused of fraud, ...", "the crash, blamed on ice", a headline's
                # "Firm accused of selling faulty masks": no verb of theirs (active, the verb
                # takes its object first: "Boeing accused regulators of ...")
                and not (
                    i + 1 < len(tokens) and tokens[i + 1].lower in _PREPOSITIONS_AFTER_PARTICIPLE
                )
            ]
        )
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.REBUTTING_VERBS and rebuts(tokens, i)
            ]
        )
    for indices in passes:
        for index in indices:
            if negated(tokens, index):
                continue  # "The WHO has not said vaccines cause autism": nobody's claim
            if index + 1 < len(tokens) and tokens[index + 1].lower == "by":
                continue  # passive: "recalled by the Reich", "reported by Reuters"
            if after_be(tokens, index) and passive(tokens[index]):
                continue  # "Staff were told", "Turnout was estimated at 59%": the passive names
                # who heard or what was estimated, not who spoke
            if says_no_statement(tokens, index):
                continue  # "the Senate confirmed Prelogar by a vote", "argues the cases",
                # "admitted 14 counts of theft", "claimed £18,000 in expenses"
            if index and tokens[index - 1].lower in DETERMINERS:
                continue  # an adjective: "the alleged relationship", "an estimated 500"
            if (
                index >= 2
                and tokens[index - 2].lower in POSSESSIVE_PRONOUNS
                and is_capitalised(tokens[index - 1])
            ):
                continue  # a noun: "Goldman Sachs raised its Brent forecast"
            found = before_verb(text, tokens, index, context)
            if found is None:
                continue
            resolved = resolve_found(found, context)
            if resolved:
                return resolved
            if found.kind == "unnamed":
                if reduced_relative(tokens, index):
                    continue  # "In a video posted after the killings, Mateen said: ..."
                return ""  # "the report said": the sentence says who, and it is no one
            # "Officials said ...": a speaker is named, just not who; keep looking for a name.
            generic_seen = True
            if found.kind == "org-noun" and unresolved_at < 0:
                unresolved_at = tokens[index].start
    if quoted and " by " in masked:
        agent = _passive_agent(text, tokens, context)
        if agent:
            return agent
    cited = "ccording" in masked or "Per " in masked or ", per " in masked
    if cited and unresolved_at >= 0 and _cited_before(masked, unresolved_at):
        cited = False  # "The planemaker, which has lost $10bn according to Anderson Economic
        # Group, said": the source of the clause about the subject, not the speaker
    if cited:
        said = according_to(text, tokens, masked, context)
        if said is not None:
            return said
    if generic_seen:
        return ""
    return participle_speaker(text, tokens, quoted, context)


def _cited_before(masked: str, at: int) -> bool:
    """Whether every "according to" or "per" of the sentence comes before ``at``."""
    last = max(masked.rfind("ccording"), masked.rfind("Per "), masked.rfind(", per "))
    return 0 <= last < at


def _passive_agent(text: str, tokens: list[Token], context: SpeakerContext) -> str:
    """Who a passive verb of naming names after its quotation: "The findings were described as
    "encouraging" by Professor Naveed Sattar"; "" when it names nobody so."""
    for i, token in enumerate(tokens):
        if token.lower not in vocab.NAMING_VERBS or not after_be(tokens, i):
            continue
        by = next((j for j in range(i + 1, len(tokens)) if tokens[j].lower == "by"), None)
        if by is None or not any(t.text in QUOTE_MARKS for t in tokens[i + 1 : by]):
            return ""
        run = name_after(tokens, by + 1)
        # "by Professor Naveed Sattar of the University of Glasgow": him, without his title
        cut = next((k for k, t in enumerate(run) if t.text in AFFILIATION_WORDS), len(run))
        run = run[:cut]
        name = clean_run(text, run) if run else ""
        if name and can_speak(name, run, tokens, context):
            return resolve_found(Found(name=person_in(name), kind="name"), context)
        return ""
    return ""


# "according to U.S. Customs and Border Protection data", "ONS figures show": a source of data
_FROM_DATA = re.compile(
    r"\baccording\s+to\b[^;]{0,120}?\b(?:data|figures|statistics|records|estimates)\b"
    r"|\b(?:data|figures|statistics)\s+(?:show|showed|shows|suggest|reveal)"
)


def find_speaker(text: str, context: SpeakerContext, *, continues_quote: bool = False) -> str:
    """The speaker of ``text`` ("" when the text names none); updates ``context``.

    ``continues_quote`` says the sentence starts inside a quotation opened by an earlier
    sentence, whose speaker it then inherits unless it names its own.
    """
    text = with_s_possessives(text)  # "Mayor Eric Adams' office said"
    masked = mask_quotes(text, continues_quote)
    tokens = tokenise(masked)
    learn_names(text, tokens, context)
    learn_orgs(text, tokens, context)
    note_countries(tokens, context)
    note_nationalities(text, tokens, context)
    learn_roles(tokens, context)
    if "led by" in masked:
        learn_study_leader(tokens, context)  # "The researchers, led by Matthew Campen, ..."
    context.clause_subjects = clause_subjects(tokens, context)
    context.previous_sentence_people = context.sentence_people
    context.previous_words, context.sentence_words = context.sentence_words, masked.lower()
    context.sentence_people = people_named(tokens, context)
    opening = subject_run(tokens, allow_comma=False) or owned_subject(tokens)
    opening_name = clean_run(text, opening) if opening else ""
    # "Qantas will pay ..., the airline said" (no subject in "The Japanese company said")
    verb_after = bool(opening) and verb_follows(tokens, tokens.index(opening[-1]) + 1)
    opening_type = type_on_page(opening_name, context) if verb_after else speaker_type(opening_name)
    after_opening = tokens.index(opening[-1]) + 1 if opening else 0
    body = place_body(text, tokens, after_opening) if 0 < after_opening < len(tokens) else ""
    if body and verb_follows(tokens, after_opening + 1):
        # "Manchester airport cancelled 120 flights, a spokesman said": the airport's
        opening_name, opening_type, verb_after = body, ORGANIZATION, True
    # The sentence's opening name, with or without an apposition after it ("Mr Anderson, who
    # quit ..."): computed once, read below and after the speaker is found.
    apposed = subject_run(tokens, allow_comma=True)
    apposed_name = clean_run(text, apposed) if apposed and not opening else ""
    if apposed_name and (
        apposed_name in context.described_orgs
        # "The Rail Delivery Group, which represents the operators, welcomed ...": named so
        or (" " in apposed_name and has_org_word(apposed_name))
    ):
        # "Waymo, Alphabet's self-driving unit, runs ... a company spokesperson told Reuters"
        opening_name, opening_type = apposed_name, ORGANIZATION
    if opening_type == PERSON and verb_after and plural_agreement(opening, tokens):
        opening_type = ORGANIZATION  # "Chelsea have completed the signing": a club
        context.described_orgs.add(opening_name)
    context.previous_sentence_org = context.sentence_org
    context.sentence_org = opening_name if opening_type == ORGANIZATION else ""
    if tokens and tokens[0].text == "Shares":
        context.sentence_org = listed_company(text, tokens)  # "Shares in Kingfisher fell"
    context.sentence_place = opening_place(text, tokens)
    context.previous_noun = "" if context.previous_speaker else context.sentence_noun
    opens_described = len(tokens) > 2 and tokens[0].lower == "the" and tokens[2].text.islower()
    context.sentence_noun = (
        tokens[1].lower if opens_described and tokens[1].lower in ORG_NOUNS else ""
    )
    context.sentence_business = described_business(tokens)
    context.sentence_businesses = businesses_named(text, tokens)
    speaker = _explicit(text, tokens, masked, context)
    if speaker is None:
        speaker = context.previous_speaker if continues_quote else ""
    speaker = org_in_full(speaker, context)  # "The Commission said": the European Commission
    initials = 2 <= len(speaker) <= 6 and speaker.isupper() and speaker.isalpha()
    if initials and context.page is not None:
        # "according to NHTSA data" after "the National Highway Traffic Safety Administration"
        if speaker not in context.spelled:
            context.spelled[speaker] = spelled_out(speaker, context.page.text)
        speaker = context.spelled[speaker] or speaker
    run = apposed or apposed_subject(tokens)
    if run and tokens[tokens.index(run[0]) + len(run)].text == ",":
        subject = subject_name(text, tokens)
    else:
        subject = clean_run(text, run) if run else ""
    learn_after_speaker(speaker, text, tokens, masked, context)
    about = subject or (clean_run(text, run) if run else "")  # "Thames Water, the UK's ..."
    # a name before its verb or apposition ("Thames Water, the UK's ..., was fined"), not one
    # describing the subject ("Russian forces launched ...")
    after = tokens.index(run[-1]) + 1 if run else 0
    named = after < len(tokens) and (tokens[after].text == "," or verb_follows(tokens, after))
    context.previous_own_speaker = speaker if speaker and about == speaker and named else ""
    about = about if speaker and about != speaker and named else ""
    context.previous_subject_org = (
        about if about and type_on_page(about, context) == ORGANIZATION else ""
    )
    learn_mentions(text, tokens, context)
    learn_one_word_speaker(speaker, tokens, context)
    # "Morgan Stanley cut its forecast": a business; not "Mark Zuckerberg cut its workforce"
    # (a given name of one sex opens a person's name)
    given_name = bool(run) and first_name_genders().get(run[0].lower, "") != ""
    its_own = (acts_on_its_own(run, tokens) and not given_name) or a_business_by_its_acts(
        run, tokens, given_name=given_name
    )
    remember(speaker, text, tokens, context, subject, run, its_own=its_own)
    context.previous_org_data = bool(_FROM_DATA.search(masked))
    # "Sarah Whitfield's son died ... she said": hers; "Taylor Swift's Eras Tour has grossed
    # $2bn, according to Pollstar. The singer said": hers too (a source of the figure is no
    # subject of the sentence); "The Egyptian has scored 15 goals ... he said": the player
    # named before
    about = possessor_subject(text, tokens, context)
    if not speaker:
        about = about or demonym_subject(run, context)
    if about:
        remember_person(about, context)
    if not speaker:
        # "Yvette Cooper defended the plans.\n\n'We inherited a system in chaos ...'": a
        # quotation that follows on its own is the person who took that stand
        context.previous_speaker = stance_taker(text, tokens)
    if not speaker and len(tokens) > 1 and tokens[0].lower in PRONOUN_GENDERS:
        # "Margaret Hale ... has died.\n\nShe performed more than 3,000 operations ...\n\nHer
        # family said": a sentence about her keeps her the one "her" reads as
        person = resolve_pronoun(PRONOUN_GENDERS[tokens[0].lower], context)
        if person:
            remember_person(person, context)
    if not speaker and tokens and tokens[0].lower in {"a", "an", "one"}:
        unnamed = unnamed_speaker_gender(tokens)  # "A neighbour, who ..., said she had ..."
        if unnamed is not None and any(t.lower in vocab.ANY_VERB for t in tokens):
            remember_unnamed(unnamed, context)
    return speaker
