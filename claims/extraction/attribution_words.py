"""The word lists the speaker finder (claims.extraction.speakers) reads: which verbs report
speech where, what may follow a speaker named after the verb, which nouns are documents, which
words name a party's member or a nationality ("the Spaniard"), which verbs put a quotation in
their subject's mouth.
"""

from __future__ import annotations

from claims.extraction.clauses import ORG_NOUNS
from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    PERSON_DEMONYMS,
    QUOTE_VERBS,
    word_set,
)

# The speaker after the verb: after a closing quote any reporting verb (`" asked Ann`), after
# a plain comma only the verbs of saying (`..., said X.`), not `, claims X` or `, reported`.
# Never "told": what follows it is the listener (`, told NBC News`).
INVERTED_AFTER_QUOTE = (ATTRIBUTION_VERBS | QUOTE_VERBS) - {"told", "tells", "tell"}
INVERTED_AFTER_COMMA = word_set("""
    said says added adds wrote explained noted insisted argued warned stated confirmed continued""")
# What may follow a speaker named after the verb; any other lower-case word means the name
# began a reported clause (`, said Hartley had ...`), not the attribution.
AFTER_SPEAKER = word_set("""
    on in at last this yesterday today earlier later with of who whose from after before
    during according to backstage recently told tonight and as""")
# Verbs that report what someone thinks or signals only with a "that" clause after them:
# "Mayor Bill de Blasio indicated earlier this week that ...", "Judge Sean Jordan ruled that
# ...". Not in ATTRIBUTION_VERBS, which
# the scorer reads, because alone they say little ("the data indicated a rise").
THAT_VERBS = word_set("""
    indicated signalled signaled believes believed thinks hoped hopes feared fears accepted
    accepts agreed agrees conceded concedes understands understood found finds reiterated
    reiterates ruled rules concluded concludes determined determines observed observes held
    holds remarked learned learnt learns""")
# Verbs that attribute only next to a quotation ("quipped", "asked").
QUOTE_ONLY_VERBS = QUOTE_VERBS - ATTRIBUTION_VERBS
# The plural forms a group's statement takes ("Economists at Goldman Sachs estimate ...",
# "Analysts warn ..."): not in ATTRIBUTION_VERBS, which the scorer reads, whose model was
# trained without them.
PLURAL_VERBS = word_set("estimate warn argue insist predict forecast expect")
# A body's forecast ("The Bank of England ... expects inflation to peak at 3.7%"), read like a
# statement (the passive "is expected to" names no one).
FORECAST_VERBS = word_set("expects forecasts forecast")
ANY_VERB = ATTRIBUTION_VERBS | QUOTE_VERBS | THAT_VERBS | PLURAL_VERBS | FORECAST_VERBS
DATA_NOUNS = word_set("""
    figures data statistics numbers estimates report reports study survey analysis research
    findings poll polls census""")
CONDITIONALS = word_set("if unless whether when once until")
# Generic speakers that are documents: "a statement from the White House" is the White House.
DOCUMENT_NOUNS = word_set("statement statements reports report")
# Capitalised words for a party's member: "the California Republican said" is a person.
PARTY_MEMBERS = word_set("republican democrat tory") | PERSON_DEMONYMS  # "the Spaniard"
# Verbs that put a quotation in their subject's mouth when one follows them: "Mann calls
# Hansen's arguments “misguided policy advocacy”", "Lehmacher called the impact "pretty
# minimal"", "Mel Stride blamed the government's "jobs tax"". Never after a form of "be": "has
# been described as “...”" names no one.
NAMING_VERBS = word_set("""
    called calls labeled labelled labels dubbed dubs branded brands described describes
    accused accuses hailed hails blamed blames criticised criticises criticized criticizes
    condemned condemns praised praises slammed slams ruled rules""")
# Verbs that make a claim their subject's with or without a quotation: "Chief executive Thierry
# Garnier blamed weaker consumer spending", "Prosecutors accused him of taking bribes". Not in
# ATTRIBUTION_VERBS, which the scorer reads.
ASSERTING_VERBS = word_set("blamed blames accused accuses")
# Verbs that answer what was said, a statement of their subject's when their object is one:
# "Angela Rayner rejected the criticism", "The company disputed the claims"; not "The Senate
# rejected the bill" (an act, reported by someone else).
REBUTTING_VERBS = word_set("rejected rejects dismissed dismisses disputed disputes refuted")
SAID_NOUNS = word_set("""
    criticism criticisms claim claims allegation allegations accusation accusations suggestion
    suggestions report reports characterisation characterization assertion assertions charge
    charges idea notion""")
BE_FORMS = word_set("is are was were be been being")
# "the spokesman", "his spokesman", "a government spokesman": whose, not just anyone's
OWNERS = word_set("the his her") | ORG_NOUNS
