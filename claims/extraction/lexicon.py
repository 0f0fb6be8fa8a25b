"""Word lists shared by the splitter, the scorer and the speaker finder.

Kept in one place so that a word added for one stage (say, a new attribution verb) is seen by
every stage that depends on it: the scorer's "attribution_verb" feature and the speaker finder
must agree on what counts as "said".
"""

from __future__ import annotations

import re


def word_set(spec: str, *, lower: bool = False) -> frozenset[str]:
    """A word set from a whitespace-separated list (easier to read and diff than a literal)."""
    return frozenset(w.lower() if lower else w for w in spec.split())


def phrase_set(spec: str) -> frozenset[str]:
    """A lower-case set of phrases, one per line, for names of more than one word."""
    return frozenset(line.strip().lower() for line in spec.splitlines() if line.strip())


# Verbs that introduce reported speech. Present, past and -s forms are listed explicitly rather
# than stemmed, because stemming "states"/"claims" would also match the nouns.
ATTRIBUTION_VERBS: frozenset[str] = word_set(
    """
    said says say told tells tell insists insisted insist maintains maintained maintain
    reported reports stated claimed claims argued argues announced announces confirmed
    confirms added adds suggested suggests hinted hints warned warns noted notes wrote writes
    explained explains denied denies emphasized emphasised emphasizes emphasises stressed
    stresses acknowledged acknowledges admitted admits revealed reveals alleged alleges
    estimated estimates declared declares asserted asserts contended contends testified
    tweeted posted predicted predicts promised promises conceded concedes disclosed
    recalled recalls replied replies responded responds countered counters pointed cautioned
    cautions remarked complained complains
    """
)

# Participles that attribute the rest of the sentence to the sentence's subject:
# "Japan has continued to push its claim, arguing that ...".
ATTRIBUTION_PARTICIPLES: frozenset[str] = word_set(
    """
    saying arguing insisting claiming adding noting warning stating asking explaining
    suggesting maintaining stressing emphasizing emphasising telling
    """
)

# Words that may sit between a speaker and the verb: "Lavrov has also emphasized".
SPEAKER_FILLERS: frozenset[str] = word_set(
    """
    has have had also later previously repeatedly reportedly publicly then again once recently
    already was is were are had has been earlier separately privately today yesterday now still
    always long often twice
    """
)

# Titles and roles stripped from the front of a person's name ("ex-President Dmitry Medvedev").
TITLES: frozenset[str] = word_set(
    """
    President Vice-President Minister Secretary Chancellor Senator Sen. Rep. Representative
    Governor Gov. Mayor Dr. Dr Prof. Prof Professor Mr. Mr Mrs. Mrs Ms. Ms Judge General Gen.
    Commissioner Ambassador Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chair Justices
    Taoiseach Tánaiste Tanaiste
    Director CEO Chief Premier King Queen Prince Princess Pope Archbishop Bishop Sheikh Deputy
    Vice Prime Foreign Defence Defense Finance Interior Justice Health Trade Education Energy
    Home Economy Environment Agriculture Transport Labour Labor Culture Sport Treasury Cabinet
    Attorney Speaker Leader Lord Lady Sir Dame Colonel Col. Lieutenant Lt. Captain Capt.
    Sergeant Sgt. Major Admiral Inspector Superintendent Detective Officer Councillor
    Councilor Congressman Congresswoman MP MEP Supreme Commander Executive Officer Head
    Former Ex Acting Interim Economist Analyst Editor Founder Coach Manager Presidential
    Prosecutor Constable Supt. Supt Corporal Cpl. Rev. Rev Reverend Rabbi Imam Cardinal
    Det. Det Insp. Insp Ch. DCI DCS DSupt PC
    Cllr Cllr. Alderman Marshal Director-General Secretary-General Attorney-General
    Solicitor-General Governor-General Inspector-General Surgeon-General Postmaster-General
    Supervisor Councilman Councilwoman Councilmember Assemblyman Assemblywoman Assemblymember
    Selectman Selectwoman Alderwoman Sheriff Comptroller Treasurer Administrator Adviser Advisor
    Envoy
    """,
    lower=True,
)

# Portfolio words that follow "Secretary of ..." / "Minister for ..." in a title and are not
# part of the person's name.
PORTFOLIO_WORDS: frozenset[str] = word_set(
    """
    of for the and State Foreign Affairs Defence Defense Health Finance Justice Interior Energy
    Trade Education Home Economy Environment Agriculture Transport Labour Labor Culture Sport
    Treasury Homeland Security Commerce Development International Internal External Budget
    Housing Communities Welfare Employment Pensions Business Industry Science Technology
    Innovation Digital Media Tourism Immigration Infrastructure Planning Heritage Children
    Equality Climate Fisheries Food Rural Petroleum Aviation Communications Veterans Enterprise
    """,
    lower=True,
)

# Words that make a capitalised name an organisation rather than a person. Includes newspaper
# words so that "Hokkaido Shimbun reported" is not later taken as the referent of "he".
ORG_WORDS: frozenset[str] = word_set(
    """
    Ministry Department Government Parliament Commission Council Agency Office Bank University
    Institute Party Committee Court Union Association Organization Organisation Police Army
    Navy Company Co Co. Inc Inc. Ltd Ltd. Corp Corp. Group Fund Service Board Authority Bureau
    Centre Center Foundation Federation Kremlin Pentagon Congress Senate Assembly Cabinet Duma
    Times Post Journal Herald Shimbun Sinmun Gazette News Tribune Guardian Telegraph Reuters
    Bloomberg Press Agency Network Television Radio Channel Broadcasting Review Daily Weekly Ledger
    Auditors Statistics Survey Coalition Alliance Forum Secretariat Administration Directorate
    Bundestag Embassy Consulate Mission Tribunal Society Trust Club League Forces Guard
    Observatory Laboratory Lab Programme Program Airlines Airways Industries Holdings Partners
    Dept Dept. Chamber Magazine
    """,
    lower=True,
)

# Further words that make a speaker an organisation for ``speaker_type``, beyond ORG_WORDS.
# Kept apart from ORG_WORDS because the speaker finder and the boilerplate filter read that
# list, and these words ("newspaper", "broadcaster") are not part of the names they look for.
MORE_ORG_WORDS: frozenset[str] = word_set(
    """
    patrol newspaper military ministries authorities regime broadcaster outlet magazine tabloid
    website firm corporation plc llc gmbh charity ngo campaign hospital school college academy
    museum organisers organizers motor motors electric letters fire consortium pharmaceuticals
    technologies systems labs media resources library libraries archive archives
    steelworks shipyard shipyards mills brewery refinery foods logistics shipping railways
    telecom pharma chemicals mining insurance bancorp force inspectorate regulator watchdog
    family robotics analytics dynamics therapeutics biosciences biotech solutions software
    semiconductors ventures capital energy gas water rail railway trains airport airports
    networks services transport health state brigade economics macroeconomics stats
    Reuters Tass Xinhua Interfax Kyodo Yonhap Bloomberg Eurostat Interpol Europol Frontex
    Hamas Isis Barclays Lloyds Siemens Elections theatres theaters cinemas cinema studios
    entertainment hotels resorts stores supermarkets pictures
    Unicef Unesco Nato Gazprom Rosneft Ofwat Ofcom Ofgem Ofsted Ofqual Lancet Medicine
    ratings tower palace
    international watch
    Google Facebook Twitter YouTube Instagram WhatsApp TikTok Meta Microsoft Amazon Apple
    Netflix Uber Airbnb Tesla Boeing Airbus Samsung Huawei Alibaba Tencent Telegram
    """,
    lower=True,
)

# Organisations known by their initials. Matched case-sensitively: "UN" is the United Nations,
# but "Un" is part of "Kim Jong Un" and "us" is a pronoun.
ORG_ACRONYMS: frozenset[str] = word_set(
    """
    WHO UN EU NATO CDC AP AFP TASS BBC CNN NHK RT ABC CBS NBC NPR FBI CIA NSA IMF OECD WTO
    OPEC NHS FDA EPA ECB IAEA ICC ICJ OSCE ASEAN NASA UNESCO UNICEF UNHCR UEFA FIFA IOC
    """
)

# Capitalised words that begin sentences but are not names; used so that "The" or "However"
# at the start of a sentence is not counted as a named entity.
SENTENCE_STARTERS: frozenset[str] = word_set(
    """
    The A An In On At By For From To Of With Without As After Before Since During Despite
    However But And Or So Yet Still Also Meanwhile Moreover Furthermore Nevertheless Although
    Though While When Whenever Where Whereas If Unless Because Then Thus Therefore Instead
    This That These Those There Here It Its He She They We I You His Her Their Our My Your
    Some Many Most Several Few Each Every All Both Either Neither No None Such Other Another
    What Which Who Whom Whose Why How Is Are Was Were Do Does Did Has Have Had Can Could Will
    Would Should May Might Must Shall Not Now Today Yesterday Tomorrow Last Next First Second
    Finally Later Earlier Already Even Only Just Almost Nearly About Around Over Under Between
    Among Through Across Against Within Until Unlike Like Think Let Take Look Imagine Consider
    Please Share Click Subscribe Sign Read Watch Listen Follow Join Get Find See Try Don't
    Yes Oh Well Sorry Thanks Thank Indeed Perhaps Maybe Possibly Probably Certainly Clearly
    Obviously Sadly Unfortunately Fortunately Interestingly Importantly Notably Overall
    According Once Whether Along Amid Amidst Beyond Following Including Given Per Via
    """,
    lower=True,
)

# Words that end the unit of a quantity: "20,000 Russian islanders from ..." stops at "from".
UNIT_STOPWORDS: frozenset[str] = word_set(
    """
    of from to in on at by for with over under than since after before between per into about
    as across through against during including within without among around toward towards
    and or but nor that which who whom whose while when where if because so yet than
    the a an this these those their its his her our your my each every some any no all both
    is are was were be been being has have had will would could can may might should must shall
    did do does not also more less fewer most least only just even still already now then
    there here it they he she we you i me them us him
    """
)

WEEKDAYS: frozenset[str] = word_set("monday tuesday wednesday thursday friday saturday sunday")
MONTH_NAMES: frozenset[str] = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Common English function words; used to guess whether a plain-text article is English.
ENGLISH_STOPWORDS: frozenset[str] = word_set(
    """
    the and of to in is that for it as was with on be by are this at from have has had not but
    or an they which he she his her their its were been will would there said
    """
)

# Verbs that attribute a quotation only when they stand right next to one (`"...," quipped
# Pitt`, `"...?" she asked`). Kept out of ATTRIBUTION_VERBS because the scorer's
# "attribution_verb" feature reads that list, and "asked" or "continued" alone in a sentence
# say nothing about reported speech.
QUOTE_VERBS: frozenset[str] = word_set(
    """
    quipped joked remarked observed continued concluded shouted asked complained cautioned
    urged wondered exclaimed recounted mused sighed laughed agreed objected protested conceded
    boasted cried whispered answered replied says said added told tweeted wrote explained
    rejoined retorted interjected snapped
    """
)

# Roles and descriptions of one person, lower case: "the Conservative MP said" refers back to
# a person, "Department of Correction spokesman Jason Kersten" names one after the role.
PERSON_ROLES: frozenset[str] = word_set(
    """
    spokesman spokeswoman spokesperson minister secretary president director chief leader
    chairman chairwoman chair ceo governor mayor senator commissioner ambassador envoy adviser
    advisor aide premier chancellor prosecutor judge attorney correspondent reporter editor
    analyst economist professor founder owner member mp mep lawmaker congressman
    congresswoman deputy speaker researcher scientist expert manager coach candidate nominee
    resident actor actress director producer writer author historian lawyer doctor officer
    inspector detective captain colonel general commander chair whip councillor councilor
    councilmember campaigner activist organiser organizer teacher student worker farmer
    fisherman owner executive president-elect boss head master treasurer solicitor barrister
    pastor priest bishop rabbi imam nurse paramedic firefighter pilot soldier sergeant
    lieutenant constable sheriff coroner magistrate surgeon physician psychologist
    psychiatrist journalist presenter photographer diplomat strategist pollster lobbyist
    entrepreneur investor banker consultant singer musician footballer protester protestor
    demonstrator organiser organizer volunteer billionaire tycoon magnate mogul businessman
    businesswoman politician striker midfielder defender goalkeeper winger player librarian
    shopkeeper plumber midwife pharmacist dentist engineer architect accountant chef pupil
    pensioner landlord tenant shopper voter publican headteacher headmaster headmistress vicar
    forecaster meteorologist toxicologist epidemiologist virologist immunologist biologist
    chemist physicist geologist ecologist sociologist statistician neuroscientist oncologist
    rapper comedian novelist poet playwright filmmaker designer athlete boxer
    golfer cyclist jockey cricketer batter bowler sprinter swimmer pontiff pope monarch king
    queen champion songwriter veteran defendant claimant plaintiff complainant appellant
    """
)

# Roles that are jobs and nothing else, which may stand capitalised before a name known alone
# ("Singer Adele", "Rapper Stormzy"); not "Chief", "Head", "Master" or "General", which begin
# other names, nor "Pope", part of the name it stands before.
JOB_ROLES: frozenset[str] = PERSON_ROLES - word_set(
    "chief head master chair general member owner leader pope king queen"
)

# What a business is, capitalised at a sentence's start before its name ("Carmaker Stellantis
# said", "Insurer Aviva said", "Rival Jet2 said"): never part of the name. Not "Bank", "Club",
# "Airline" or "Group", which begin names ("Bank of England", "Club Med").
OPENING_BUSINESS_NOUNS: frozenset[str] = word_set("""
    insurer retailer lender housebuilder developer miner brewer grocer discounter conglomerate
    wholesaler distributor manufacturer pollster startup drugmaker carmaker chipmaker automaker
    planemaker steelmaker rival rivals""")


def opens_with_business_noun(word: str) -> bool:
    """ "Carmaker", "Insurer": a business's noun a name may follow at a sentence's start."""
    lower = word.lower()
    return word[:1].isupper() and (lower in OPENING_BUSINESS_NOUNS or lower.endswith("maker"))


# People named by their relation to someone else, lower case. "His father, Ahmed Karimi, said
# ... The father said" refers back to whoever the article introduced so; never to the last
# person named (whose father?). claims.extraction.roles learns them, with PERSON_ROLES.
RELATION_NOUNS: frozenset[str] = word_set(
    """
    father mother son daughter brother sister husband wife widow widower uncle aunt nephew
    niece cousin grandfather grandmother grandson granddaughter stepfather stepmother parent
    fiance fiancee fiancé fiancée girlfriend boyfriend neighbour neighbor friend colleague
    witness landlord landlady
    """
)
# "mother-of-two Karen Price", "The father-of-three said": a parent described by the children,
# as British papers write it.
_COUNTS = word_set("one two three four five six seven eight nine ten eleven twelve")
_MOTHERS = word_set("mother mum mom grandmother grandma gran nan")
_FATHERS = word_set("father dad grandfather grandad granddad grandpa")
FEMALE_PARENTS: frozenset[str] = frozenset(
    f"{who}-of-{n}" for who in _MOTHERS for n in [*_COUNTS, *map(str, range(1, 13))]
)
MALE_PARENTS: frozenset[str] = frozenset(
    f"{who}-of-{n}" for who in _FATHERS for n in [*_COUNTS, *map(str, range(1, 13))]
)
RELATION_NOUNS = RELATION_NOUNS | FEMALE_PARENTS | MALE_PARENTS
# A role or a relation that introduces one person: what "the judge", "the father" refer back to.
ROLE_NOUNS: frozenset[str] = PERSON_ROLES | RELATION_NOUNS

# What a title or role says about the person's gender, for "he"/"she" (speakers.py).
MALE_WORDS: frozenset[str] = (
    word_set(
        """
    mr mr. sir lord king prince duke earl baron spokesman chairman congressman councilman
    businessman actor father brother son husband uncle nephew grandfather boyfriend monsieur
    herr señor senor signor englishman scotsman welshman irishman frenchman dutchman
    """
    )
    | MALE_PARENTS
)
FEMALE_WORDS: frozenset[str] = (
    word_set(
        """
    mrs mrs. ms ms. miss lady dame queen princess duchess countess baroness spokeswoman
    chairwoman congresswoman councilwoman businesswoman actress mother sister daughter wife
    aunt niece grandmother girlfriend madame mme frau señora senora signora englishwoman
    scotswoman welshwoman irishwoman frenchwoman dutchwoman
    """
    )
    | FEMALE_PARENTS
)

# A nationality or a home state as a noun for one person: "the Spaniard told reporters" is the
# person the text is about ("Pep Guardiola"), as sports and political reporting write it. Not
# the ones that are also plurals ("the Japanese", "the Swiss"), which may be a people.
# A party's members as a plural, speaking for it: "Republicans said", "Opposition
# Conservatives said", "Senate Democrats said" (an organisation, the party).
PARTY_PLURALS: frozenset[str] = word_set("""
    republicans democrats conservatives tories liberals socialists nationalists unionists
    greens""")
# Parties named by one word or their initials: "Labour leader Chris Hipkins" names Labour.
PARTY_NAMES: frozenset[str] = word_set("""
    labour likud fidesz syriza podemos vox chega bjp anc snp ukip afd cdu csu spd fdp pis
    dup sdlp plaid""")

PERSON_DEMONYMS: frozenset[str] = word_set(
    """
    american briton brit englishman englishwoman scot scotsman scotswoman welshman welshwoman
    irishman irishwoman frenchman frenchwoman dutchman dutchwoman spaniard german italian swede
    dane finn norwegian icelander pole czech slovak hungarian austrian belgian serb croat
    slovenian bosnian greek turk russian ukrainian belarusian georgian armenian israeli
    palestinian egyptian moroccan algerian tunisian nigerian ghanaian kenyan ethiopian
    cameroonian brazilian argentine argentinian uruguayan chilean colombian peruvian venezuelan
    ecuadorian mexican canadian australian kiwi indian pakistani bangladeshi afghan iranian
    iraqi syrian saudi jordanian texan californian floridian londoner parisian
    """
)

# Capitalised words that stand for no speaker: months, days and words that start sentences
# about many people or things ("Thousands marched", "Emails show").
NON_AGENTS: frozenset[str] = word_set(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    thousands hundreds millions dozens tens scores many most some several few others
    emails letters documents records figures data papers reports studies polls surveys
    messages texts tweets posts images photos videos footage
    nobody everyone everybody someone somebody anyone anybody noone
    """
)


# A name written in small letters with a capital inside: "easyJet", "eBay", "xAI" (and
# products: "iPhone", "iOS").
SMALL_LETTER_NAME = re.compile(r"[a-z]{1,6}[A-Z][A-Za-z]*\b")
