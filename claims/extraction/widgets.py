"""The patterns that recognise a page's furniture, line by line: widget labels, share and
cookie prompts, newsletters and paywalls, copyright notices, bylines and credits, source lines
under charts, helplines, galleries, links to other stories, datelines. claims.extraction.
boilerplate applies them (what is dropped, what is kept, and why).
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import word_set


def labels(spec: str, reason: str) -> dict[str, str]:
    return {label.strip(): reason for label in spec.split("|") if label.strip()}


# Lines that are nothing but a widget label. Matched after lowercasing and trimming punctuation.
LABELS: dict[str, str] = {
    **labels(
        """forward-looking statements|forward looking statements|safe harbor statement
        |safe harbour statement|cautionary statement regarding forward-looking statements""",
        "legal notice",
    ),
    **labels("forwarded|forwarded many times|forwarded as received", "messaging app label"),
    **labels(
        """advertisement|advertising|sponsored|sponsored content|paid content|ad|promoted
        |story continues below advertisement|article continues below|continue reading below
        |article continues below this ad|story continues below|paid partner content
        |from our partners|skip advertisement""",
        "advertisement",
    ),
    **labels(
        """share|share this|share this article|share this story|share this page|tweet|email
        |print|copy link|link copied|whatsapp|facebook|twitter|linkedin|pinterest|reddit
        |telegram|messenger|share via|share on|more sharing options|comments|show comments
        |hide comments|leave a comment|view comments|join the conversation|save|save article
        |save this article|saved|bookmark|add to saved|like this|like loading...|like loading""",
        "share or comment button",
    ),
    **labels(
        """menu|search|skip to content|skip to main content|skip to navigation|home|close
        |back to top|sign in|log in|login|sign up|register|my account|subscribe|subscribe now
        |more|next|previous|next article|previous article|most read|most popular|trending
        |related|related articles|related stories|related content|you may also like
        |recommended|recommended for you|topics|tags|hide caption|toggle caption|image|photo
        |video|listen|watch|loading|continue reading|read more|see more|show more|load more
        |follow us|latest|latest news|top stories|breaking|breaking news|live|sections
        |all sections|newsletters|podcasts|about us|contact us|privacy policy|cookie policy
        |terms of use|terms and conditions|accessibility|sitemap|supported by
        |continue reading the main story|share full article|skip to comments|click to expand
        |send any friend a story|ad feedback|advertisement - scroll to continue
        |explore more on these topics|reuse this content|was this article helpful|yes no
        |was this story helpful|is this article helpful
        |scroll to continue|getty images|listen to this article|listen to this story
        |listen to article|listen to the article|play audio|audio version|related topics
        |more on this story|more on this topic|more stories|more news|related links
        |key events|show key events only|pinned post|live feed|jump to|filter by
        |also read|editor's picks|editors' picks|elsewhere|in case you missed it|more from
        |more on these topics|most shared|most viewed|popular|read next|see also|trending now
        |what to read next|you might also like|recommended stories|recommended for you
        |read in app|give this article|comment on this story|link copied!|link copied
        |see all topics|follow|already a subscriber? log in.|already a subscriber? log in
        |create your free account|watch now|play video|more videos|watch more""",
        "navigation label",
    ),
    **labels("published|updated|last updated|first published|posted", "publication date label"),
    **labels(
        """notes to editors|note to editors|editor's notes|editors' notes|editors notes
        |media contact|media contacts|press contact|press contacts|investor contact
        |investor contacts|media enquiries|press enquiries|media inquiries|press inquiries
        |###|-ends-|ends""",
        "press release furniture",
    ),
}


LABEL_TRIM = " \t:|•·»›>-–—()[]"


SOCIAL_WORDS = word_set("""
    share facebook twitter x linkedin whatsapp email e-mail print telegram vk reddit
    pinterest messenger copy link tweet mail flipboard instagram youtube tiktok threads
    bluesky mastodon sms""")


NAV_SEPARATOR = re.compile(r"\s*[|•·»›/]\s*")


ICON = re.compile(r"icon", re.IGNORECASE)


# A call-out to readers under a story: "Have you been affected by the storm?", "Share your
# experiences by emailing ...", "Do you have information about this story?", "Get in touch".
READER_CALLOUT = re.compile(
    r"^(?:(?:have|were|are|did)\s+you\s+(?:been\s+)?(?:affected|caught\s+up|impacted|hit)\b"
    r"[^.!]*\?$"
    r"|(?:share|tell\s+us|send\s+us|send)\s+(?:about\s+)?your\s+(?:experiences?|stor(?:y|ies)"
    r"|story\s+ideas|views|pictures|photos|videos|news|tips)\b"
    r"|do\s+you\s+have\s+(?:a\s+story|a\s+tip|(?:any\s+)?information)\b[^.!]*\?$"
    r"|get\s+in\s+touch\s*[:.]"
    r")",
    re.IGNORECASE,
)
SHARE_PROMPT = re.compile(
    r"share\s+(?:or\s+comment\s+on\s+)?(?:this|the)\s+(?:story|article|page|post|link|video)"
    r"|share\s+(?:on|via|to)\s+(?:facebook|twitter|x|linkedin|whatsapp|telegram|vk|reddit|email)"
    r"|(?:tweet|post|pin)\s+this\b"
    r"|friends\s+would\s+be\s+interested"
    r"|follow\s+(?:us|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+on\s+(?:twitter|facebook|telegram"
    r"|instagram|x|youtube"
    r"|tiktok|linkedin|threads|bluesky)"
    r"|like\s+us\s+on\s+facebook"
    r"|follow\s+(?:our|the)\s+live\s+(?:coverage|updates|blog)\b"
    r"|join\s+(?:the|our)\s+(?:conversation|discussion|community|debate)"
    r"|have\s+your\s+say\b|\bin\s+the\s+comments?\s+(?:below|section)\b"
    # a chain message's: "Please share!!", "SHARE WITH 10 GROUPS", "pass it on", "RT if you agree"
    r"|\bplease\s+(?:share|forward|pass\s+(?:it|this)\s+on)\b"
    r"|\bshare\s+(?:it\s+|this\s+)?with\s+(?:\d+|all|every|your)\b|\bpass\s+(?:it|this)\s+on\b"
    r"|\bRT\s+if\b",
    re.IGNORECASE,
)


COOKIES = re.compile(
    r"\bcookies?\b.{0,120}\b(?:use|using|accept|consent|policy|settings|preferences|agree"
    r"|experience|partners)\b"
    r"|\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b"
    r"|\baccept\s+(?:all\s+)?cookies\b",
    re.IGNORECASE,
)


NEWSLETTER = re.compile(
    r"\bnewsletters?\b.{0,80}\b(?:sign\s*up|subscribe|inbox|e-?mail|delivered|get|receive)\b"
    r"|\b(?:sign\s*up|subscribe)\b.{0,60}\bnewsletters?\b"
    r"|\benter\s+your\s+e-?mail\b"
    r"|\bin\s+your\s+inbox\b",
    re.IGNORECASE,
)


# "Some of the links on this page are affiliate links", "we may earn a small commission".
AFFILIATE = re.compile(
    r"\baffiliate\s+(?:links?|partnerships?|commissions?)\b"
    r"|\bwe\s+(?:may|might|will)\s+(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?"
    r"(?:commission|share\s+of\s+(?:the\s+)?(?:sales?|revenue))\b",
    re.IGNORECASE,
)


# A press release's legal notice: "This press release contains forward-looking statements within
# the meaning of ...", "Actual results may differ materially from those projected."
LEGAL_NOTICE = re.compile(
    r"\bforward[-\s]looking\s+statements?\b.{0,80}\b(?:within\s+the\s+meaning|safe\s+harbou?r"
    r"|involve|are\s+subject\s+to|risks?\s+and\s+uncertaint)"
    r"|\bcontains?\s+forward[-\s]looking\s+statements?\b"
    r"|\bactual\s+results\s+(?:may|could|might)\s+differ\s+materially\b"
    r"|\bundertakes?\s+no\s+obligation\s+to\s+(?:publicly\s+)?update\b",
    re.IGNORECASE,
)


# The outlet's terms for republishing its story: "You may republish this article ...",
# "Crediting Africa Check in the byline, keeping all hyperlinks ...".
REPUBLISHING = re.compile(
    r"\b(?:republish(?:ing)?|reproduce)\s+(?:this|our)\s+"
    r"(?:article|content|story|report|work|piece|material)"
    r"|\brepublishing\s+guidelines\b"
    r"|\bcrediting\s+[A-Z][\w ]{1,40}\s+in\s+the\s+byline\b",
    re.IGNORECASE,
)


# A shop button or a product card: "| ADD TO CART: US$25 Gift Card |", "VIEW PRICE: ...".
SHOPPING = re.compile(
    r"^[|\s]*(?:add\s+to\s+(?:cart|basket|bag)|buy\s+(?:now|it\s+now|here|on\s+amazon)"
    r"|shop\s+now|view\s+(?:price|deal|offer)s?|check\s+(?:price|availability)"
    r"|see\s+(?:price|deal)s?|get\s+(?:it|the\s+deal)\s+(?:here|now))\b",
    re.IGNORECASE,
)


SUBSCRIPTION = re.compile(
    r"\bsupport\s+(?:our|independent)\s+journalism\b"
    r"|\bgift\s+articles?\b|^as\s+a\s+(?:subscriber|member)\b"
    r"|(?:^|\bplease\s+|\bconsider\s+)support(?:ing)?\s+us\b"
    r"|\b(?:disabl\w*|turn(?:ing)?\s+off|whitelist\w*|pause|have|using)\s+(?:an?\s+|your\s+|the\s+)?"
    r"ad[\s-]?blockers?\b|\bad[\s-]?blockers?\s+(?:is\s+)?(?:installed|enabled|detected|disabled)\b"
    r"|\bwe\s+rely\s+on\s+(?:our\s+)?(?:readers|advertis\w*|members(?:hip)?|donations|subscri\w*)"
    r"|\bbecome\s+a\s+(?:member|subscriber|supporter)\b"
    r"|\balready\s+a\s+(?:subscriber|member)\b"
    r"|\bsubscribe\s+(?:now|today|to\s+(?:continue|read|our))\b"
    r"|\b(?:log|sign)\s+in\s+to\s+(?:continue|read|comment)\b"
    r"|\bclick\s+here\b"
    r"|\bdownload\s+(?:our|the)\s+app\b",
    re.IGNORECASE,
)


# "Copyright law was changed" is not a notice: "copyright" must come with ©, (c) or a year.
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?=©|\(c\)|(?:19|20)\d{2}))\s*(?:©|\(c\))?\s*"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?)?"
    r"\s*,?\s*(?P<holder>[^.|]*?)\s*(?:[.|]|\ball\s+rights\s+reserved\b|$)",
    re.IGNORECASE,
)


RIGHTS_RESERVED = re.compile(r"\ball\s+rights\s+reserved\b", re.IGNORECASE)


CREDITS = re.compile(
    r"^\(?\s*(?:with\s+)?(?:(?:additional\s+)?reporting|editing|writing|compiled|produced)"
    r"\s+by\b.*"
    # "(With inputs from PTI)", "With agency inputs": how Indian outlets credit the wires
    r"|^\(?\s*with\s+(?:(?:agency|wire)\s+)?inputs(?:\s+from\s+(?:agencies"
    r"|[A-Z][\w.&-]*(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w.&-]*){0,5}))?\s*\)?\.?$"
    # "With files from The Canadian Press" (as CBC credits the wires), "ABC/Wires"
    r"|^\(?\s*with\s+files\s+from\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:(?:,\s*|\s+and\s+|\s+)"
    r"(?:the\s+)?[A-Z][\w.&'’-]*){0,6}\s*\)?\.?$"
    r"|^[A-Z][\w.&-]{1,20}\s*/\s*wires?\.?$",
    re.IGNORECASE,
)


# "CNN's Jane Doe and John Roe contributed to this report.", "The Associated Press
# contributed reporting.": who helped write the story, not a statement it makes.
CONTRIBUTORS = re.compile(
    r"\bcontributed\s+(?:(?:additional\s+)?reporting|research|to\s+this\s+"
    r"(?:report|story|article|piece))(?:\s+(?:from|in)\s+[A-Z][^.]{0,50})?\s*\.?\)?$",
    re.IGNORECASE,
)


# The reporter's short biography at the end of a story: "Jane Doe is a senior reporter at the
# Daily Bugle covering health.", "John Roe is a freelance journalist based in Kyiv." Not with a
# clause of its own: "X is a reporter for the Journal who has been detained since March" is
# news (see prompts.credit_reason). "Sam Patel covers county government for the Gazette."
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|intern"
    r"|fellow|photographer|videographer)\b"
    r"(?:\s+(?:at|for|with|on|covering|based|who\s+covers)\b|\s*[.,]?\s*$)"
    # "Sam Patel covers county government for the Gazette."
    r"|^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+(?:covers|writes\s+about|reports\s+on)\s"
    r"[^.]{3,80}?\sfor\s+(?:the\s+)?[A-Z][^.]*\.?$",
)


# Notes about the story itself rather than its subject: "This story has been updated.", "An
# earlier version of this article misstated ...", "Editor's note: ...", "This article was
# originally published by ...", "Read the original article on ...". Not "Update: ...", which
# usually brings news.
EDITORIAL_NOTE = re.compile(
    r"^(?:this\s+(?:story|article|post|report|piece|interview|conversation|transcript|q&a)"
    r"\s+(?:has\s+been|was|is)\s+(?:(?:lightly\s+)?(?:edited|condensed)|updated"
    r"|corrected|amended|originally\s+published|first\s+published|republished"
    r"|produced|published\s+in\s+partnership)"
    r"|an?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|post|report)"
    # "CORRECTION (March 21, 2024, 9:00 a.m. ET): An earlier version ...": with its date too
    r"|(?:editor'?’?s\s+note|correction|clarification)\s*(?:\([^()]{1,60}\)\s*)?[:—–-]"
    r"|read\s+the\s+(?:original|full)\s+(?:article|story)\b"
    # "The views expressed in this article are those of the author and do not necessarily
    # reflect ...": an opinion piece's disclaimer
    r"|the\s+views\s+(?:expressed|and\s+opinions\s+expressed)\s+(?:in\s+this\s+(?:article|"
    r"commentary|column|piece|post|op-ed|blog)\s+)?are\s+(?:those\s+of\s+the\s+(?:author|writer)"
    r"|(?:the\s+author'?s?|his|her|their)\s+own|solely)"
    # "This article originally appeared on The Conversation."
    r"|this\s+(?:story|article|post|piece|report)\s+(?:originally|first)\s+appeared\b"
    r"|this\s+(?:article|story|piece|report|post)\s+is\s+(?:part\s+of|from)\s+(?:our|a|the)\s+"
    r"(?:\w+\s+){0,3}(?:series|project|coverage|newsletter|partnership|collaboration)\b"
    # the age warning over an old article: "This article is more than 2 years old"
    r"|this\s+(?:article|story|piece|report|post)\s+is\s+(?:more|over)\s+(?:than\s+)?"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?)\s+old\b)",
    re.IGNORECASE,
)


# "Write to Jane Doe at jane.doe@example.com", "Contact the author: jane@example.com": how to
# reach the reporter.
CONTACT_LINE = re.compile(
    r"^(?:(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries|relations)|write\s+to"
    r"|e-?mail|contact|reach|send\s+(?:tips|news\s+tips|us))\b[^@]{0,100}?"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # or by phone: "Media enquiries: 020 7944 3021"
    r"|^(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries|office)\s*:?\s*"
    r"[+(]?\d[\d ()+-]{6,}\d\.?$"
    # A press release's pointer: "For more information, visit www.acme.com."
    r"|^for\s+(?:more|further)\s+(?:information|details)\b[^.!?]{0,60}?"
    r"\b(?:visit|contact|see|go\s+to|call|e-?mail)\b"
    # an address alone, with a name beside it: "support@edumock.com (EduMock Team)"
    r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*\([^()]{1,60}\))?\.?$"
    r"|^[A-Z][^@()]{1,60}\(\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)\.?$",
    re.IGNORECASE,
)

# A live blog's time stamp on a line of its own: "09:45 GMT", "Posted at 09:30", "9.12am".
TIME_STAMP = re.compile(
    r"^(?:(?:posted|updated|published)\s+(?:at\s+)?)?\d{1,2}[:.]\d{2}\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)?$",
    re.IGNORECASE,
)


PHOTO_CREDIT = re.compile(
    r"^\(?(?:photo(?:graph)?s?|images?|pictures?|pic|credits?|photo\s+credit|image\s+credit"
    r"|image\s+source|illustration|video|main\s+image|top\s+image|caption)\s*:\s*\S"
    r"|^\(?(?:photos?|images?|pictures?)\s+(?:by|courtesy(?:\s+of)?)\s"
    r"|/\s*(?:getty(?:\s+images)?|reuters|ap(?:\s+photo)?|afp|epa|shutterstock|alamy"
    r"|pa(?:\s+(?:wire|images|media))?|sputnik|tass|bloomberg|anadolu)\)?\.?$"
    # "AP Photo/Evan Vucci", "(AP Photo/Uncredited)": the agency first
    r"|^\(?(?:ap|afp|epa|upi|reuters)\s+photo\s*/\s*[^/()]{1,40}\)?\.?$",
    re.IGNORECASE,
)


# A photo's caption closing with its agency's credit: "President Joe Biden speaks during an
# event in the East Room of the White House, Oct. 30, 2023. (AP Photo/Evan Vucci, File)".
PHOTO_CAPTION = re.compile(
    r"\((?:(?:AP|AFP|Reuters|EPA|PA|UPI|Xinhua)\s+Photo\s*/[^()]{2,80}"
    # "(Photo by Chip Somodevilla/Getty Images)": a photographer and an agency
    r"|(?:Photo\s+by|Photo:|Photograph:|Image:|Credit:)\s[^()/]{2,60}/[^()]{2,60})\)\.?$"
)


# The notice under a broadcaster's transcript: "NPR transcripts are created on a rush deadline
# by an NPR contractor. This text may not be in its final form ... The authoritative record of
# NPR's programming is the audio record." (the whole paragraph, whatever follows it)
TRANSCRIPT_NOTICE = re.compile(
    r"^(?:[A-Z][\w.&]*\s+){0,3}transcripts?\s+(?:are|is)\s+(?:created|produced|provided|prepared)"
    r"\b[^.]{0,80}\b(?:deadline|contractor|vendor|transcription)"
    r"|^the\s+authoritative\s+record\s+of\b[^.]{0,60}\bprogramming\s+is\s+the\s+audio\s+record",
    re.IGNORECASE,
)


# A heading over other stories of an outlet or about a name: "Read more from Sky News:", "More
# from BBC News", "More on Ukraine" (a name after it, nothing after the name but a colon).
MORE_FROM = re.compile(
    r"^(?i:(?:read\s+)?more\s+(?:from|on|about))\s+(?:the\s+|The\s+)?"
    r"[A-Z0-9][\w'’&.-]*(?:\s+[A-Z0-9][\w'’&.-]*){0,5}\s*:?$"
)


# "Comments", "12 comments", "Comments (3)": a comment count, or the comments' heading
COMMENT_COUNT = re.compile(r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$", re.IGNORECASE)


MISC_WIDGETS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d+\s*(?:min(?:ute)?s?)\s+read$", re.IGNORECASE), "reading time"),
    (
        re.compile(r"^(?:tags?|topics?|filed\s+under|categories|keywords)\s*:", re.IGNORECASE),
        "tag list",
    ),
    (COMMENT_COUNT, "comment count"),
    (
        re.compile(r"^(?:image|photo|media|video)\s+(?:caption|source)\b", re.IGNORECASE),
        "photo credit",
    ),
    # "Pictured: A protester holds a flare near the Eiffel Tower on Saturday"
    (re.compile(r"^(?:pictured|above|main\s+picture|inset)\s*:", re.IGNORECASE), "photo caption"),
    # "Related video: How the budget works (Reuters)": a teaser for another story's video
    (re.compile(r"^(?:related|more|featured)\s+videos?\s*:", re.IGNORECASE), "related link"),
    # "UK politics live – latest updates", "Israel-Gaza war live: all the latest": a link to
    # the outlet's live page (its entries are no claims of this article)
    (
        re.compile(
            r"^[^.!?]{0,80}\blive\s*[:–—|-]?\s*(?:latest\s+(?:updates|news)|all\s+the\s+latest"
            r"|as\s+it\s+happened|live\s+updates|updates)$",
            re.IGNORECASE,
        ),
        "related link",
    ),
    # "Follow AP's coverage of artificial intelligence at https://...": a link to more stories
    (
        re.compile(r"^follow\s+(?:\w+['’]s\s+)?(?:full\s+|latest\s+)?coverage\s+of\b", re.I),
        "related link",
    ),
    # a video player's controls: "0 seconds of 1 minute, 30 secondsVolume 90%", "Press shift
    # question mark to access a list of keyboard shortcuts"
    (
        re.compile(r"^\d+\s+seconds?\s+of\s+\d+|^press\s+shift\s+question\s+mark\b", re.I),
        "video player",
    ),
    # "Listen to this article · 6:12 min Learn more": an audio player
    (
        re.compile(r"^listen\s+to\s+(?:this|the)\s+(?:article|story)\b", re.IGNORECASE),
        "audio player",
    ),
    # "A version of this article appears in print on March 4, 2025, Section A, Page 14 ...": where
    # the paper printed it
    (
        re.compile(r"^a\s+version\s+of\s+this\s+(?:article|story)\s+appear", re.IGNORECASE),
        "print edition note",
    ),
    # "Reporting from Phoenix" under a byline: where the reporter was
    (re.compile(r"^(?i:reporting\s+from)\s+[A-Z][^.!?]{0,60}$"), "byline"),
    # "Read more from Sky News:", "More from The Guardian": the heading of a list of the
    # outlet's other stories (teaser_lists drops the headlines under it)
    (MORE_FROM, "navigation label"),
)


# "Source: CDC, Chicago Department of Public Health" under a chart or fact box: who supplied
# the figures, not a statement the article makes.
SOURCE_LINE = re.compile(
    r"^\(?(?:sources?|sourcing|data(?:\s+sources?)?|graphics?|chart|map|infographic|table"
    r"|figures)\s*:\s*\S",
    re.IGNORECASE,
)


DIGIT = re.compile(r"\d")


# Widgets that only some layouts have: a gallery's title and its "Show all 50" button, a link to
# the outlet's editorial standards.
GALLERY = re.compile(
    r"^(?:[\w'’&-]+\s+){0,6}in\s+(?:pictures|photos|images)$"
    r"|^(?:show|view|see)\s+all(?:\s+\d+)?(?:\s+(?:photos|images|pictures|items))?$",
    re.IGNORECASE,
)


STANDARDS_LINK = re.compile(
    r"^(?:our\s+(?:editorial\s+)?standards|editorial\s+(?:standards|guidelines|policy)"
    r"|corrections\s+policy)\s*:",
    re.IGNORECASE,
)


# Links to other stories. Two kinds, treated differently:
# - "Also on rt.com <headline>": the outlet's teaser box set into the article. The label is
#   boilerplate; the headline is kept, marked RELATED_HEADLINE, because the page shows it to
#   its readers as a statement of its own and such teasers often carry the very claim being
#   checked (the example article's "US tells 20,000 Russian islanders ...", which its body
#   never states).
# - "Read more: <headline>", "RELATED: <headline>", "See also: ...": a pointer to further
#   reading. The whole line is dropped: the headline is the other article's claim, checked in
#   its own context when that article is ingested (an HTML page's link to it is stored as a
#   related source).
PROMO_DOMAIN = re.compile(
    r"^(?:also|more)\s+on\s+(?P<domain>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b"
    r"\s*[:\-–—|»›]*\s*",
    re.IGNORECASE,
)


PROMO_LABEL = (
    r"read\s+more|read\s+also|also\s+read|related(?:\s+(?:story|stories|article|articles"
    r"|content|coverage|reading))?|see\s+also|more\s+on\s+this(?:\s+story)?|recommended"
    r"|don'?t\s+miss|further\s+reading|watch|listen|explainer|live|trending"
    r"|editor'?s\s+picks?|most\s+read|must\s+read"
    r"|explained|revealed|analysis|opinion|in\s+pictures|video|podcast|quiz"
)


# "[Related: How the EU plans to regulate AI]": in brackets too
PROMO_WITH_SEPARATOR = re.compile(rf"^[\[(]?(?:{PROMO_LABEL})\s*[:|»›>–—-]+\s*", re.IGNORECASE)


# A label that says what kind of page a headline heads ("Live: Storm Darragh latest", "Watch:
# ..."): a link to another page further down, the page's own headline on its first line.
PAGE_KIND_LABEL = re.compile(
    r"^(?:live|watch|listen|explainer|explained|revealed|analysis|opinion|in\s+pictures|video"
    r"|podcast|quiz)\s*[:|–—-]+\s*\S",
    re.IGNORECASE,
)


PROMO_CAPS = re.compile(r"^(?:READ MORE|READ ALSO|ALSO READ|RELATED|SEE ALSO|MUST READ)\s+")
