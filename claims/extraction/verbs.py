"""The verbs of saying that are not one in their sentence, for the speaker finder
(claims.extraction.speakers): a person confirmed in a post ("the Senate confirmed Prelogar by a
vote"), a case argued in court, a plea ("admitted 14 counts of theft"), money or a prize claimed
("claimed £18,000 in expenses"), a figure or a thing added or recalled ("The economy added
256,000 jobs", "Tesla has recalled 2 million vehicles"), a participle describing the noun
before it ("a video posted after the killings"); the words that stand between a speaker and
the verb ("has", "also", "on Monday"); whether a verb follows a subject at all; and how a verb
of saying stands in its sentence: a passive ("Staff were told"), denied ("did not say"), or
rebutting something said ("rejected the criticism").
"""

from __future__ import annotations

from claims.extraction.attribution_words import ANY_VERB, BE_FORMS, SAID_NOUNS
from claims.extraction.clauses import PREPOSITIONS, QUOTE_MARKS
from claims.extraction.lexicon import ENGLISH_STOPWORDS, SPEAKER_FILLERS, WEEKDAYS, word_set
from claims.extraction.names import Token, name_after

# Words after a participle that make it describe the noun before it: "a video posted after".
_AFTER_PARTICIPLE = word_set("after before during last earlier") | WEEKDAYS
# What a lawyer argues in court: "argued the case", "argues the appeal".
_PLEADINGS = word_set("case cases appeal appeals motion motions")
# A plea in court: "admitted 14 counts of theft", "denies murder".
_PLEA_VERBS = word_set("admit admits admitted deny denies denied")
_CHARGES = word_set("""
    count counts charge charges offence offences offense offenses murder manslaughter""")


def confirms_someone(tokens: list[Token], index: int) -> bool:
    """Whether "confirmed" at ``index`` confirms a person in a post ("the Senate confirmed
    Prelogar by a vote", "confirmed Jane Doe as chair") rather than a fact."""
    if tokens[index].lower not in {"confirmed", "confirms", "confirm"}:
        return False
    run = name_after(tokens, index + 1)
    after = index + 1 + len(run)
    return bool(run) and after < len(tokens) and tokens[after].lower in {"by", "as", "to", "for"}


def argues_a_case(tokens: list[Token], index: int) -> bool:
    """Whether "argue" at ``index`` means pleading a case in court ("Prelogar, 43, argues the
    government's most consequential cases") rather than reporting what someone holds."""
    if tokens[index].lower not in {"argue", "argues", "argued"}:
        return False
    for token in tokens[index + 1 : index + 8]:
        if token.lower == "that" or token.text in {",", ";", ":"}:
            return False
        if token.lower in _PLEADINGS:
            return True
    return False


def enters_a_plea(tokens: list[Token], index: int) -> bool:
    """Whether "admitted"/"denied" at ``index`` is a plea to charges in court ("Karen Holt, 48,
    admitted 14 counts of theft", "He denies murder") rather than a statement about facts."""
    if tokens[index].lower not in _PLEA_VERBS:
        return False
    for token in tokens[index + 1 : index + 6]:
        if token.lower == "that" or token.text in {",", ";", ":"} | QUOTE_MARKS:
            return False
        if token.lower.rstrip(".") in _CHARGES:
            return True
    return False


# What one claims that is no statement: money ("claimed £18,000 in expenses"), a prize, lives.
_CLAIMED_THINGS = word_set("""
    lives victory victories title titles asylum benefits benefit expenses compensation damages
    seat seats gold silver bronze medal medals prize refund refunds""")


def claims_a_thing(tokens: list[Token], index: int) -> bool:
    """Whether "claimed" at ``index`` takes money or a thing rather than a statement ("he
    claimed £18,000 in expenses", "the storm claimed 12 lives", "claimed victory")."""
    if tokens[index].lower not in {"claim", "claims", "claimed", "claiming"}:
        return False
    following = tokens[index + 1 : index + 4]
    if following and following[0].text[:1] in "£$€¥₹":
        return True
    return any(t.lower.rstrip(".,") in _CLAIMED_THINGS for t in following)


# Whom a country, a school or a hospital admits: "the number of new permanent residents it
# admits next year", "admitted 300 students".
_ADMITTED = word_set("""
    residents immigrants migrants refugees students pupils patients applicants visitors members
    people newcomers asylum seekers workers""")


def admits_people(tokens: list[Token], index: int) -> bool:
    """Whether "admit" at ``index`` lets people in rather than owns to something ("residents
    it admits", "admitted 300 students"; not "admitted that", "admitted the error")."""
    if tokens[index].lower not in {"admit", "admits", "admitted", "admitting"}:
        return False
    if any(t.lower in _ADMITTED for t in tokens[max(0, index - 3) : index]):
        return True  # "the residents it admits"
    following = tokens[index + 1 : index + 3]
    return bool(following) and (
        following[0].lower in _ADMITTED
        or (following[0].text[:1].isdigit() and any(t.lower in _ADMITTED for t in following))
    )  # "admitted 300 students"; not "admitted the people had been misled"


# Finite auxiliaries: after a subject, its verb ("Qantas will pay", verb_follows); after "added
# 200 jobs" or "added the plan", a clause whose subject that is ("He added 200 jobs were lost",
# "added the plan would fail"), so "added" reports it (adds_a_thing).
_AUXILIARIES = word_set(
    "was were is are had have has would will could can should may might must did does"
)
_AUXILIARIES_OR_BEEN = _AUXILIARIES | {"been"}  # "has been fined", "Tesco will close its"


# Words that open what is added, not a remark: "added a second", "added late goals".
_OBJECT_OPENERS = word_set("""
    a an another the two three four five six seven eight nine ten more late further extra new
    some several his her their its""")


# "added late goals", a product recall ("Tesla has recalled more than 2 million vehicles"), a
# work written ("Tolkien wrote the book in 1937"; not "wrote the plan would fail") and a state
# declared ("declared a state of emergency"; not "declared the election was rigged").
_ADDING = word_set("""
    add adds added recall recalls recalled write writes wrote declare declares declared""")
# What is declared that is no statement: "declared war", "declared victory", "declared a state
# of emergency" (the last by its article, as any object).
_DECLARED = word_set("war victory bankruptcy independence martial")
# Whom a remark is added to: "he added to reporters".
_LISTENERS = word_set("reporters journalists listeners viewers lawmakers supporters")


def adds_a_thing(tokens: list[Token], index: int) -> bool:
    """Whether "added" (or "recalled") at ``index`` adds something rather than a remark
    ("Tesla has recalled more than 2 million vehicles"): a figure or a thing
    and no clause after it ("The economy added 256,000 jobs", "Kai Havertz added late goals";
    not "He added 200 jobs were lost", "added the plan would fail", "added that ...", "Hansen
    added later", "he added.", "added: ...")."""
    if tokens[index].lower not in _ADDING or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    if following.lower in _DECLARED and tokens[index].lower.startswith("declare"):
        return True
    if following.lower == "to" and tokens[index].lower.startswith("add"):
        # "Turkey and Poland added to UK quarantine list"; not "“...,” he added to laughter"
        # nor "added to reporters that ..."
        listeners = tokens[index + 2 : index + 4]
        return not any(
            t.text in QUOTE_MARKS or t.lower in _LISTENERS for t in tokens[:index] + listeners
        )
    figure = following.text[:1].isdigit() or following.text[:1] in "£$€¥₹"
    thing = following.lower in _OBJECT_OPENERS and following.text.islower()
    if not (figure or thing):
        return False  # "added later", "added: ...", "added that ..."
    return not any(
        t.lower in _AUXILIARIES or (t.lower.endswith("ed") and t.text.islower())
        for t in tokens[index + 2 : index + 6]
    )


# "put the number at 50,000": an estimate, its subject's ("The Met put the number at 50,000").
_PUT = word_set("put puts")
_PUT_REACH = 8  # words from "put" to "at": "put the cost of the strike at"
_ROUGHLY = word_set("more than less fewer about around nearly almost over under some up to least")


def puts_a_figure(tokens: list[Token], index: int) -> bool:
    """Whether "put" at ``index`` gives an estimate: "put <what> at <figure>" ("put the death
    toll at 37", "put attendance at more than 300,000"; not "put the blame on", "put it at
    risk")."""
    if tokens[index].lower not in _PUT or index + 2 >= len(tokens):
        return False
    for k in range(index + 2, min(len(tokens) - 1, index + _PUT_REACH)):
        if tokens[k].lower != "at":
            continue
        k += 1
        while k < len(tokens) - 1 and tokens[k].lower in _ROUGHLY:
            k += 1  # "at more than 300,000", "at about £2bn"
        figure = tokens[k].text
        return figure[:1].isdigit() or (figure[:1] in "£$€¥₹" and len(figure) > 1)
    return False


# Verbs of belief that report a clause with "that" left out: "Lee believes 40% of claims are
# fraudulent", "She fears the plan will fail"; not "believes in God".
_BELIEFS = word_set("believes believed thinks fears feared hopes hoped")
_CLAUSE_REACH = 8  # words from the verb to the clause's own verb
_FINDINGS = word_set("found finds")
_STUDIES = word_set("poll survey study report analysis research review audit census")


def that_follows(tokens: list[Token], index: int) -> bool:
    """Whether "that" opens a clause within five words after the verb at ``index`` ("ruled on
    Tuesday that", "indicated earlier this week that"); not a relative "that" after the verb's
    object ("Israel and Hamas have agreed a ceasefire deal that will free 33 hostages")."""
    for t in tokens[index + 1 : index + 6]:
        if t.lower == "that":
            return True
        if t.lower in {"a", "an", "the"}:
            return False
    return False


def believes_a_clause(tokens: list[Token], index: int) -> bool:
    """Whether the verb of belief at ``index`` reports a clause without "that": a finite
    auxiliary or "be" follows within a few words, and no preposition or infinitive opens
    what follows ("believes in", "hopes to")."""
    if index + 2 >= len(tokens):
        return False
    if tokens[index].lower in _FINDINGS:
        # "An Ipsos survey for the BBC found 40% of people trusted ...": a study's finding;
        # not "Police found the body of a man who had ..."
        if not any(t.lower in _STUDIES for t in tokens[max(0, index - 6) : index]):
            return False
    elif tokens[index].lower not in _BELIEFS:
        return False
    if tokens[index + 1].lower in {"in", "to", "so", "it", "that", ","}:
        return False  # "believes in", "hopes to", "thinks so"; "that" is read already
    finding = tokens[index].lower in _FINDINGS  # a past tense is the clause's verb too
    return any(
        t.text.islower() and (t.lower in _AUXILIARIES or (finding and t.lower.endswith("ed")))
        for t in tokens[index + 2 : index + 2 + _CLAUSE_REACH]
    )


# What may follow a verb that closes its sentence: "..., the study found on Tuesday."
_TIME_TAIL = word_set("on in last this earlier yesterday today recently")


def closes_the_sentence(tokens: list[Token], index: int) -> bool:
    """Whether the verb at ``index`` ends a sentence that reported something before a comma
    ("But the footage was filmed in 2019, AFP Fact Check found."), a time at most after it."""
    rest = [t for t in tokens[index + 1 :] if t.text not in {".", "!", "?", '"', "”", "’"}]
    if len(rest) > 3 or (rest and rest[0].lower not in _TIME_TAIL):
        return False
    return any(t.text == "," for t in tokens[:index])


def says_no_statement(tokens: list[Token], index: int) -> bool:
    """Whether the verb of saying at ``index`` takes something other than a statement here: a
    person confirmed in a post, a case argued, a plea, money or a prize claimed, a figure or a
    thing added or recalled, people admitted."""
    return (
        confirms_someone(tokens, index)
        or argues_a_case(tokens, index)
        or enters_a_plea(tokens, index)
        or claims_a_thing(tokens, index)
        or adds_a_thing(tokens, index)
        or admits_people(tokens, index)
        or is_a_plural_noun(tokens, index)
    )


# Verbs a plural noun's verb may be: "Insurance claims could reach €3.5bn", "Police reports
# have risen": the word before them is a noun, not a verb of saying.
_NOUN_VERBS = word_set("""
    could would will can may might should must have are were rose fell remain remained
    doubled""")


def is_a_plural_noun(tokens: list[Token], index: int) -> bool:
    """Whether the word at ``index`` ("claims", "reports") is a plural noun here: a verb
    follows it at once ("Insurance claims could reach €3.5bn"), where a verb of saying takes
    a clause with its own subject."""
    verb = tokens[index].lower
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    # "a runway, which the airport says will create 100,000 jobs", "which the company claims
    # will": a relative clause's verb, its object the clause before it
    relative = any(t.lower in {"which", "that"} for t in tokens[max(0, index - 4) : index - 1])
    return (
        verb.endswith("s")
        and verb != "says"
        and not relative
        and following is not None
        and following.lower in _NOUN_VERBS
        and following.text.islower()
    )


def reduced_relative(tokens: list[Token], index: int) -> bool:
    """Whether the verb at ``index`` is a past participle describing the noun before it ("a
    video posted after the killings", "a statement released on Monday") rather than that
    noun's verb of saying."""
    verb = tokens[index].lower
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        verb.endswith("ed")
        and following is not None
        and (following.lower in PREPOSITIONS or following.lower in _AFTER_PARTICIPLE)
    )


# Nouns that end like an adverb: "His family said" is no "He repeatedly said".
_LY_NOUNS = word_set("family ally assembly rally supply")


def filler_width(tokens: list[Token], i: int) -> int:
    """How many words end at ``i`` that stand between a speaker and the verb ("has", "also",
    "repeatedly", a quote mark, "on Monday": "Microsoft on Monday reported"); 0 for none."""
    token = tokens[i]
    if token.lower in WEEKDAYS and i > 0 and tokens[i - 1].lower == "on":
        return 2
    adverb = token.lower.endswith("ly") and token.text.islower() and token.lower not in _LY_NOUNS
    return int(token.lower in SPEAKER_FILLERS or token.text in QUOTE_MARKS or adverb)


def verb_follows(tokens: list[Token], k: int) -> bool:
    """Whether the token at ``k`` reads as the verb of the subject before it: a verb of saying,
    a word between a speaker and the verb, an auxiliary or a past tense ("Qantas will pay",
    "Nvidia reported")."""
    if k >= len(tokens):
        return False
    word = tokens[k].lower
    return (
        word in ANY_VERB
        or word in SPEAKER_FILLERS
        or word in _AUXILIARIES
        or (word.endswith("ed") and tokens[k].text.islower())
        or (word in _VERBS_AFTER_A_NAME and tokens[k].text.islower())
    )


# Verbs in the present that a business or body opens a sentence with and that are no nouns
# after a name ("Eurostar plans to add 50 trains"; not "Eurostar trains", "Eurostar services").
# Past tenses without "-ed" ("sold", "fell") are left out: "Turnover fell 1.5%" would make a
# common noun the page cannot tell from a name the sentence's business.
_VERBS_AFTER_A_NAME = word_set("""
    plans wants aims hopes intends needs seeks expects faces owns runs employs makes operates
    sells offers""")


# A verb of saying after "was", "were", "been" is a passive ("Staff were told", "residents were
# warned", "Turnout was estimated at 59%", "It was said that ..."): a participle in -ed, or one
# of these.
_IRREGULAR_PARTICIPLES = frozenset(
    {"told", "said", "understood", "thought", "known", "found", "held", "shown", "written"}
)


def passive(verb: Token) -> bool:
    return verb.lower in _IRREGULAR_PARTICIPLES or verb.lower.endswith("ed")


def rebuts(tokens: list[Token], index: int) -> bool:
    """Whether the verb at ``index`` answers something said: "rejected the criticism",
    "disputed these claims" (within three words)."""
    following = tokens[index + 1 : index + 4]
    return tokens[index].text.islower() and any(t.lower in SAID_NOUNS for t in following)


def after_be(tokens: list[Token], index: int) -> bool:
    """Whether a form of "be" comes before the verb at ``index``, words like "also" between
    ("Lahav was also accused of ...")."""
    i = index - 1
    while i >= 0 and tokens[i].lower not in BE_FORMS and (step := filler_width(tokens, i)):
        i -= step
    return i >= 0 and tokens[i].lower in BE_FORMS


_NOT = frozenset({"not", "never"})


def negated(tokens: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` is denied: "did not say", "has never claimed", "didn't say"
    (what someone did not say is nobody's claim)."""
    before = [t.lower for t in tokens[max(0, i - 3) : i]]
    if not before:
        return False
    if before[-1] in _NOT or before[-1].endswith(("n't", "n’t")):
        return True
    return len(before) >= 2 and before[-2] in _NOT and before[-1] in {"ever", "once", "yet"}


def acts_on_its_own(run: list[Token], tokens: list[Token]) -> bool:
    """Whether the sentence's subject does something to its own ("Morgan Stanley cut its
    forecast", "Harvey Norman reported its first loss"): a business, whatever its name looks
    like, never a person."""
    if not run or run[-1] not in tokens:
        return False
    after = tokens.index(run[-1]) + 1
    while after + 2 < len(tokens) and tokens[after].lower in _AUXILIARIES_OR_BEEN:
        after += 1  # "Ryanair has cut its fares", "Tesco will close its stores"
    if after + 1 >= len(tokens) or tokens[after + 1].lower != "its":
        return False
    verb = tokens[after]
    # "Morgan Stanley cut its": a verb of a past or present form, not a word between ("Apple
    # and its rivals", "BP in its report") nor one aimed at another's ("Starmer defended
    # its record": the government's)
    plain = verb.text.isalpha() and verb.text.islower() and verb.lower not in ENGLISH_STOPWORDS
    return (
        (plain or verb_follows(tokens, after))
        and verb.lower not in PREPOSITIONS
        and verb.lower not in _AIMED_AT_ANOTHER
    )


# Verbs whose "its" is usually someone else's: "Keir Starmer defended its record", "Jane
# Smith said its figures were wrong".
_AIMED_AT_ANOTHER = word_set(
    """
    said says told tells defended defends criticised criticized criticises praised praises
    welcomed welcomes condemned condemns attacked attacks questioned questions blamed blames
    accused accuses urged urges challenged challenges backed backs supported supports joined
    joins left leaves quit quits called calls asked asks rejected rejects disputed disputes
    defend criticise praise welcome condemn attack question blame accuse urge challenge back
    support join leave call ask reject dispute led leads ran runs founded founds
    """
)


# What only a business reports ("Harvey Norman profit falls 20%", "Harvey Norman reported a 20%
# fall in full-year profit"): its results, which no person's name has.
_RESULTS = word_set("profit profits revenue revenues sales earnings turnover")
_RESULTS_MOVE = word_set("""
    falls fell rises rose jumps jumped slumps slumped drops dropped climbs climbed surges
    surged soars soared plunges plunged tumbles tumbled beats beat misses missed tops topped
    doubles doubled halves halved dips dipped slides slid""")
_RESULTS_CHANGE = word_set("""
    fall drop rise increase decline jump slump surge loss record full-year annual quarterly
    half-year first-half pre-tax net underlying operating first-quarter""")
_PERSONAL = word_set("he she his her him himself herself")
_RESULTS_REPORTED = word_set("reported reports posted posts booked books announced announces")


def a_business_by_its_acts(run: list[Token], tokens: list[Token], *, given_name: bool) -> bool:
    """Whether the sentence's subject is a business by the results it reports ("Harvey Norman
    profit falls 20%", "Harvey Norman reported a 20% fall in full-year profit"), whatever its
    name looks like (a given name opens this one); or, when no given name opens it
    (``given_name`` False), by the cars it recalls or the millions it is fined ("Mercedes-Benz
    recalled 10,000 cars", "Wells Fargo was fined $3bn")."""
    if not run or run[-1] not in tokens:
        return False
    after = tokens.index(run[-1]) + 1
    if after + 1 >= len(tokens) or not tokens[after].text.islower():
        return False
    if any(t.lower in _PERSONAL for t in tokens):
        return False  # "Taylor Swift announced record sales for her new album": hers
    if not given_name and _recalls_or_is_fined_millions(tokens, after):
        return True
    if tokens[after].lower in _RESULTS:
        return tokens[after + 1].lower in _RESULTS_MOVE  # a headline: "... profit falls 20%"
    if tokens[after].lower not in _RESULTS_REPORTED:
        return False
    for k in range(after + 1, min(after + 9, len(tokens))):
        word = tokens[k].lower.rstrip(".,")
        if word in _RESULTS:
            between = tokens[after + 1 : k]
            # "a 20% fall in full-year profit", "record sales"; not "a chart of Tesla sales"
            # (another's), nor "a cut in sales tax"
            moved = any(
                t.lower in _RESULTS_CHANGE or any(c.isdigit() for c in t.text) for t in between
            )
            taxed = k + 1 < len(tokens) and tokens[k + 1].lower == "tax"
            return moved and not taxed and not any(t.text[:1].isupper() for t in between)
        if tokens[k].text.endswith((".", ",", ";")):
            return False
    return False


_RECALLS = word_set("recalled recalls recalling")
_FINED = word_set("fined")
_MILLIONS = ("m", "bn", "million", "billion", "trillion", "tn")


def _recalls_or_is_fined_millions(tokens: list[Token], after: int) -> bool:
    """Whether the verb at ``after`` is a business's: recalling a number of something
    ("recalled 10,000 cars"), or being fined millions ("was fined $3bn", "has been fined
    £40m"; a person's fine is rarely so large)."""
    verb = tokens[after]
    if verb.lower in _RECALLS:
        return after + 1 < len(tokens) and any(c.isdigit() for c in tokens[after + 1].text)
    k = after
    while k < len(tokens) and tokens[k].lower in _AUXILIARIES_OR_BEEN:
        k += 1
    if k == after or k + 1 >= len(tokens) or tokens[k].lower not in _FINED:
        return False
    amount = tokens[k + 1].text.lower().rstrip(".,")
    following = tokens[k + 2].lower.rstrip(".,") if k + 2 < len(tokens) else ""
    # (the tokens leave the currency sign out: "$3bn" is "3bn")
    figure = amount.lstrip("$£€")[:1].isdigit()
    return figure and (amount.endswith(_MILLIONS) or following in _MILLIONS)
