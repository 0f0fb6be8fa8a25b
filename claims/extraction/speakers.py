"""Who a sentence (a claim unit: one sentence, or a whole quotation with its attribution)
attributes its statement to. Name runs come from claims.extraction.names; what the document has
said about who is who (and how a pronoun or a surname resolves) from claims.extraction.people.

Rules over capitalised words, read outside the quotation marks (words inside a quote are
what was said, not who said it): first the speaker the sentence names with a verb of saying,
before or after it, or "according to" (claims.extraction.said_by, where the order is spelled
out); then the subject of a sentence that carries a real quotation (a clause of several
mostly lower-case words: a film title in quotes is not one).

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
from claims.extraction.clauses import (
    ORG_NOUNS,
    PRONOUN_GENDERS,
    clause_subjects,
    people_named,
    subject_name,
    subject_run,
)
from claims.extraction.descriptions import place_body
from claims.extraction.full_names import org_in_full
from claims.extraction.given_names import first_name_genders
from claims.extraction.mentions import (
    businesses_named,
    learn_mentions,
    listed_company,
    plural_agreement,
)
from claims.extraction.name_learning import learn_names
from claims.extraction.names import (
    clean_run,
    tokenise,
    without_legal_comma,
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
from claims.extraction.people import (
    SpeakerContext,
    remember,
    remember_person,
    remember_unnamed,
    resolve_pronoun,
)
from claims.extraction.possessives import with_s_possessives
from claims.extraction.quotations import mask_quotes
from claims.extraction.roles import (
    apposed_subject,
    demonym_subject,
    learn_roles,
    learn_study_leader,
    possessor_subject,
    unnamed_speaker_gender,
)
from claims.extraction.said_by import speaker_named
from claims.extraction.speaker_types import (
    ORGANIZATION,
    PERSON,
    has_org_word,
    speaker_type,
)
from claims.extraction.verbs import (
    a_business_by_its_acts,
    acts_on_its_own,
    verb_follows,
)

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
    # "Mayor Eric Adams' office said", "Acme Robotics, Inc. (NASDAQ: ACME) today reported"
    text = with_s_possessives(without_legal_comma(text))
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
    speaker = speaker_named(text, tokens, masked, context)
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
    elif not speaker and (says := _SAYS_SOMEONE.search(masked)):
        # '"We are not just numbers," says a doctor from Hebron': the next "he explains" is
        # that doctor's, unnamed
        # the tokens from the "a" after the verb
        after = next((i for i, t in enumerate(tokens) if t.start > says.start()), len(tokens))
        inverted = unnamed_speaker_gender(tokens[after:])
        remember_unnamed(inverted or "", context)
    return speaker


# "..., says a doctor from Hebron", "said one witness": someone unnamed, after the verb
_SAYS_SOMEONE = re.compile(r"\b(?:said|says|told|added|explains|explained)\s+(?:a|an|one)\s+[a-z]")
