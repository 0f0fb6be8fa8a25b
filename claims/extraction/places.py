"""Countries and seats of government, as the speaker finder reads them: "the country's health
ministry said" is the one the text just named, and "Moscow maintains that ..." speaks for a
government. Split from claims.extraction.lexicon."""

from __future__ import annotations

from claims.extraction.lexicon import phrase_set

# Countries (and the EU), for "the country's health ministry said": the one the text just named.
COUNTRIES: frozenset[str] = phrase_set(
    """
    Japan
    Russia
    China
    Ukraine
    US
    USA
    U.S.
    United States
    America
    UK
    U.K.
    Britain
    Great Britain
    United Kingdom
    France
    Germany
    Italy
    Spain
    Poland
    Hungary
    Austria
    Greece
    Turkey
    Belarus
    Armenia
    Azerbaijan
    Kazakhstan
    Canada
    Australia
    New Zealand
    South Korea
    North Korea
    Korea
    Taiwan
    India
    Pakistan
    Afghanistan
    Iran
    Iraq
    Syria
    Israel
    Saudi Arabia
    Qatar
    Egypt
    Cuba
    Venezuela
    Brazil
    Argentina
    Mexico
    South Africa
    Vietnam
    Philippines
    Indonesia
    Thailand
    European Union
    """
)

# What a country's businesses and clubs are called by after their name: "Japan's Toyota ...
# The Japanese carmaker said" (adjective -> the country as COUNTRIES writes it, lower case).
NATIONALITIES: dict[str, str] = {
    "japanese": "japan", "chinese": "china", "german": "germany", "french": "france",
    "spanish": "spain", "italian": "italy", "british": "britain", "american": "us",
    "russian": "russia", "ukrainian": "ukraine", "indian": "india", "korean": "south korea",
    "south korean": "south korea", "taiwanese": "taiwan", "canadian": "canada",
    "australian": "australia", "brazilian": "brazil", "mexican": "mexico", "dutch": "netherlands",
    "swiss": "switzerland", "swedish": "sweden", "danish": "denmark", "norwegian": "norway",
    "finnish": "finland", "irish": "ireland", "polish": "poland", "austrian": "austria",
    "belgian": "belgium", "turkish": "turkey", "israeli": "israel", "saudi": "saudi arabia",
    "emirati": "uae", "qatari": "qatar", "south african": "south africa", "greek": "greece",
    "portuguese": "portugal", "argentine": "argentina", "indonesian": "indonesia",
    "vietnamese": "vietnam", "thai": "thailand", "egyptian": "egypt", "iranian": "iran",
    "pakistani": "pakistan", "hungarian": "hungary", "czech": "czech republic",
    "singaporean": "singapore", "malaysian": "malaysia", "nigerian": "nigeria",
    "kenyan": "kenya", "scottish": "scotland", "welsh": "wales", "luxembourgish": "luxembourg",
}  # fmt: skip
# A country's name as its possessive gives it ("Britain's", "America's", "the Netherlands'")
# for the adjective's country above.
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "britain", "u.k.": "britain", "united kingdom": "britain", "great britain": "britain",
    "england": "britain", "america": "us", "usa": "us", "u.s.": "us", "united states": "us",
    "korea": "south korea", "the netherlands": "netherlands", "holland": "netherlands",
    "united arab emirates": "uae",
}  # fmt: skip

# Countries, capitals and seats of government that speak for a government: "Moscow maintains
# that ...", "Tokyo says it is ready". Matched against the whole speaker name, so "George
# Washington" stays a person. Names that are also common first names ("Jordan", "Georgia")
# are left out.
GOVERNMENT_SEATS: frozenset[str] = (
    phrase_set(
        """
    Kremlin
    Pentagon
    Treasury
    HM Treasury
    White House
    Downing Street
    Whitehall
    Scotland Yard
    Westminster
    Capitol Hill
    Elysee
    Élysée
    Zhongnanhai
    Blue House
    Moscow
    Tokyo
    Washington
    Beijing
    Kyiv
    Kiev
    London
    Paris
    Berlin
    Brussels
    Rome
    Madrid
    Warsaw
    Budapest
    Vienna
    Ankara
    Athens
    Minsk
    Tbilisi
    Yerevan
    Baku
    Ottawa
    Canberra
    Wellington
    Seoul
    Pyongyang
    Taipei
    New Delhi
    Delhi
    Islamabad
    Kabul
    Tehran
    Baghdad
    Damascus
    Riyadh
    Doha
    Cairo
    Jerusalem
    Havana
    Caracas
    Brasilia
    Buenos Aires
    Mexico City
    Pretoria
    Hanoi
    Manila
    Jakarta
    Bangkok
    """
    )
    | COUNTRIES
    # US states, which sue, rule and say as their governments ("Texas has sued ...");
    # Georgia and Virginia are also first names.
    | phrase_set(
        """
    Alabama
    Alaska
    Arizona
    Arkansas
    California
    Colorado
    Connecticut
    Delaware
    Florida
    Hawaii
    Idaho
    Illinois
    Indiana
    Iowa
    Kansas
    Kentucky
    Louisiana
    Maine
    Maryland
    Massachusetts
    Michigan
    Minnesota
    Mississippi
    Missouri
    Montana
    Nebraska
    Nevada
    New Hampshire
    New Jersey
    New Mexico
    New York State
    North Carolina
    North Dakota
    Ohio
    Oklahoma
    Oregon
    Pennsylvania
    Rhode Island
    South Carolina
    South Dakota
    Tennessee
    Texas
    Utah
    Vermont
    West Virginia
    Wisconsin
    Wyoming
    """
    )
)
