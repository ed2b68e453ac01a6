"""Agreements, acquisitions and partnerships: the deals a release describes, between whom.

An agreement is read from the noun that names it ("collaboration and license agreement",
"co-development agreement") and the organisations its sentence names as its parties
("between A and B", "with A", "the companies"); its licence roles from the verbs that grant
rights. An acquisition is read from "A acquires B", "B was acquired by A", and priced by the
payments for it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

from kg.extract.money import AT_CLOSING
from kg.extract.organizations import PARTNER_LIST_RE as _PARTNER_LIST
from kg.extract.organizations import split_list
from kg.extract.text import NO_FACT_ZONES, Gated, Sentence, contains_any
from kg.facts import Acquisition, Agreement, Money, Partnership, Payment
from kg.resolve import name_key

_PARTNER_WORDS = Gated(
    re.compile(r"\b(?:partners|collaborators|licensees)\b"),
    ("partners", "collaborators", "licensees"),
)
_COMPANY_REF = re.compile(
    r"\b[Tt]he\s+Company\b|(?i:\bthe\s+companies\b|\bthe\s+parties\b|\bboth\s+companies\b)"
)
_APPOSITION_SPAN = re.compile(
    r",\s*(?:which\s+was\s+)?(?:acquired|owned|formerly\s+known)\s+by\s+[^,]{2,60},"
    r"|(?:prior\s+to|before|after)\s+its\s+(?:spin-?off|separation|acquisition)\s+of\s+[^,]{2,40},"
    r"|\(?\s*,?\s*(?:a\s+member\s+of\s+the\s+[\w\s]{2,40}?Group|a\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+company"
    r"|a\s+(?:wholly[- ]owned\s+)?subsidiary\s+of\s+[^,)]{2,60})\s*\)?"
)
_RIGHTS_CHANGE_HANDS = Gated(
    re.compile(
        r"(?i)\b(?:rights?|licen[cs]e)\s+to\s+(?:use|utili[sz]e|develop|commerciali[sz]e|market|"
        r"access|new|the|its|all)\b|\bexclusive\b[^.]{0,60}\b(?:rights?|licen[cs]e)\b|"
        r"\b(?:licensed|grants?|granted|receives|obtains?|acquired?)\b[^.]{0,60}\brights?\b"
    ),
    ("right", "licen"),
    ignore_case=True,
)
_FUNDING_CONTRACT = re.compile(r"(?i)\b(?:contract|award(?:ed)?|grant)\b")
# "the license agreement": the deal the release is about, between its issuer and partner.
_DEFINITE_AGREEMENT = re.compile(r"(?i)\b(?:the|this|that|our|its)\s+(?:[\w-]+\s+){0,3}agreement\b")
_SIGNED = re.compile(
    r"(?i)\b(?:signed|entered\s+into|concluded|executed)\b[^.]{0,80}\b(?:agreement|collaboration|"
    r"licen[cs]e|alliance)\b"
)
_AGREEMENT_NOUN = re.compile(
    r"(?i)\b(?P<noun>licen[cs](?:e|ing)\s+deals?|(?:collaboration|alliance|partnership)"
    r"(?:,?\s+(?:and\s+)?licen[cs]e)?(?:\s+(?:agreements?|partners?))?|agreements?"
    r"|contracts?(?!\s+(?:manufactur|research|development|sales|organi[sz]ation)))\b"
)
# "an agreement for an exclusive license from X", "an agreement with X to obtain the rights to
# a worldwide, exclusive license": the words after the noun say what the deal is.
_LICENCE_AFTER = re.compile(
    r"(?i)\s+(?:with\s+[^.;]{0,80}?\s+)?(?:for|to\s+(?:obtain|acquire|receive|secure)\s+"
    r"(?:the\s+)?(?:rights?\s+to\s+)?)\s*an?\s+(?:[\w-]+,?\s+){0,4}licen[cs]e\b"
)
_DESC_WORD = re.compile(r"[\w-]+,?")
_DESC_STOP = re.compile(r"[.;:()\"“”'’]")
_DESCRIPTOR_KINDS = [
    ("co_development", re.compile(r"(?i)co-?develop")),
    ("merger", re.compile(r"(?i)\bmerger")),
    ("option", re.compile(r"(?i)\boption\b")),
    ("supply", re.compile(r"(?i)\bsupply")),
    (
        "license",
        re.compile(
            r"(?i)\b(?:sub-?)?licen[cs]|\bmarketing\b|\bcommerciali[sz]ation\b|\bdistribution\b"
            r"|\btechnology\s+transfer\b"  # the usual name of a licence in Korea, Japan, China
            r"|\btechnology\s+export\b|\bexport\s+contract"  # the Korean press's name for one
        ),
    ),
    (
        "collaboration",
        re.compile(r"(?i)\bcollaborat|\bresearch\b|\bdiscovery\b|\balliance\b|\bpartnership\b"),
    ),
    # Contracts of their own kind: a settlement, a purchase of assets or shares, a funding. A
    # bare "contract" is like a bare "agreement": it names a deal only where nothing else does.
    (
        "other",
        re.compile(
            r"(?i)\b(?:asset|stock|share|equity|royalty)\s+purchase|\bsettlement|\bfunding\b|\bloan\b"
            r"|\bcredit\b|\btransition\s+services"
        ),
    ),
]
_COLLABORATION_WORD = re.compile(r"(?i)\bcollaborat|\bresearch\b")
# A deal referred back to by a bare noun after "its", "our", "the": one already in place.
_REFERENCE_BACK = re.compile(
    r"(?i)(?:\b(?:the|its|our|their|this|that)|\w['’]s)"
    r"(?:\s+(?!new\b|first\b|second\b|third\b|additional\b|further\b|another\b)[\w-]+){0,2}\s*$"
)
# "rights to co-develop and commercialize": what a licence grants, not a shared development.
# Nor is "a license agreement with X for the co-development of ...": the agreement's purpose.
_RIGHTS_TO_CO_DEVELOP = re.compile(
    r"(?i)\b(?:rights?|licen[cs]e)\s+to\s+co-?develop"
    r"|\blicen[cs]e\s+(?:and\s+collaboration\s+)?agreement\s+(?:with\s+[^;]{0,60}?\s+)?for\s+the\s+"
    r"co-?development"
)
# A bare "agreement" that names a deal: "an agreement", "a global agreement", "the agreement
# reached with X", and "under the terms of the agreement" with the parties in the sentence.
_AGREEMENT_MADE = re.compile(
    r"\s+(?:with|between|(?:made|reached|concluded)\s+with|signed|established|entered)\b"
)
_INDEFINITE = re.compile(r"(?i)(?:^|\s)(?:an|a\s+(?:[\w-]+,?\s+){0,2}[\w-]+)$")
_UNDER_AGREEMENT = re.compile(r"(?i)\bunder(?:\s+the)?\s+terms\s+of(?:\s+the)?$")
_PASSING_PARTNERSHIP = Gated(
    re.compile(r"(?i)\b(?:from|through|of|via)\s+the\s+(?:[\w-]+\s+){0,2}partnership\s+between\s+"),
    ("partnership",),
    ignore_case=True,
)
# An agreement's own title: capitalised words before a capitalised "Agreement".
_TITLE = re.compile(r"(?<![\w-])((?:(?!The\b)[A-Z][\w-]*\s+){1,4})$")
# Words that qualify an agreement without naming it; and words of a headline around a title.
_NOT_TITLE = frozenset(
    {
        "amended",
        "and",
        "restated",
        "original",
        "definitive",
        "material",
        "new",
        "existing",
        "entry",
        "into",
        "enter",
        "enters",
        "announces",
        "announce",
        "signs",
        "sign",
    }
)
# What changes hands in a purchase that is no acquisition of a company: rights, a royalty
# interest or stream, assets, a facility, a business, products.
_ASSET_NOUN = (
    r"(?:rights|royalt(?:y|ies)(?:\s+(?:interests?|streams?|rights|payments|entitlements?))?"
    r"|assets?|portfolio|facilit(?:y|ies)|plant|business(?:es)?|products?|brands?|operations"
    r"|franchise)"
)
# "acquiring the rights from the original developer, Y": the seller follows "from".
_RIGHTS_BOUGHT = re.compile(
    r"(?i)\b(?:acquir(?:e|ed|es|ing)|bought|buys?|buying|purchas(?:e|ed|es|ing))\s+"
    r"(?:all\s+)?(?:the\s+)?(?:[^.;,()]{0,60}?\s)?" + _ASSET_NOUN + r"\b"
    r"(?:\s+(?:to|in|of|for|on)\s+[^.;,]{1,40}?)?\s+from\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:developer|owner|licensor|inventor)s?\s*,\s*)?"
)
# "announces the sale of its royalty interest to X", "sold its business to X"
_ASSETS_SOLD = re.compile(
    r"(?i)\b(?:sale|sells?|sold|selling|divest(?:s|ed|ing|iture)?)\s+(?:of\s+)?"
    r"(?:[^.;,()]{0,60}?\s)?" + _ASSET_NOUN + r"\b"
    r"(?:\s+(?:in|of|for|on)\s+[^.;,]{1,40}?)?\s+to\s+(?:the\s+)?"
)
# The words every purchase or sale above holds (a cheap test before the patterns).
_CHANGE_HANDS_WORDS = ("acquir", "bought", "buy", "purchas", "sale", "sell", "sold", "divest")
_BARE_PLURAL = re.compile(
    r"(?i)\b(?:the|these|those|its|our|their)\s+agreements\s+(?:with|between)\b"
)
_DEAL_HEADING = re.compile(
    r"About\s+(?:the\s+|our\s+)?[^\n.]{0,80}?\b(?:Agreements?|Collaborations?|Alliance|"
    r"Partnership|Licen[cs]e|Transaction)\s*$",
    re.I,
)
_COUNTERPARTY = re.compile(r"(?i)\b(?:with|between|among)\b")
_OPTION_TO_LICENSE = re.compile(
    r"(?i)\boptions?\b[^.;]{0,40}?\b(?:to|for)\s+(?:[\w-]+\s+){0,4}?(?:licen[cs]e|rights?)\b"
    r"|\boption\s+and\s+licen[cs]"
)
_UNDER_THE_DEAL = re.compile(
    r"(?i)\bunder\s+(?:the\s+)?(?:terms\s+of\s+)?the\s+(?:[\w-]+\s+){0,6}"
    r"(?:agreement|collaboration|alliance|partnership|license|licence)\b"
)
_FORMAL_COLLABORATION = re.compile(
    r"(?i)\b(?:collaborat\w*|alliance|partnership)(?:\s+and\s+[\w-]+)?\s+agreements?\b"
)
# "X is required to pay", "X will pay", "X pays": the subject pays.
_PAYS = re.compile(
    r"\s*(?:is\s+(?:required|obliged|obligated)\s+to\s+|will\s+|must\s+|agreed\s+to\s+)?"
    r"(?:pay|pays|paid)\b"
)
_TO = re.compile(r"\bto\s+(?:the\s+)?$")
_LICENCE_NAMED = re.compile(r"(?i)\blicen[cs]e\s+agreement|\blicen[cs]ing\s+agreement")
_LICENCES_PLURAL = re.compile(r"(?i)\blicen[cs](?:e|ing)\s+agreements\b")
# A company that makes a deal itself: "X has entered into", "X signed".
_DEAL_SUBJECT = re.compile(
    r"(?:\s*\([^)]{0,60}\))?,?\s*(?:has\s+|have\s+|had\s+)?(?:entered|signed|formed|agreed|"
    r"concluded|established)\b",
    re.I,
)
_BARE_DEAL_NOUNS = {"collaboration", "alliance", "partnership"}
_RIGHTS_GRANTED = Gated(
    re.compile(
        r"(?i)\b(?:licensed|grants?|granted|granting)\b[^.]{0,80}\b(?:rights?|access|licen[cs]e)\b"
        r"|\bexclusive\s+(?:[\w.-]+\s+){0,4}(?:rights?|access)\b|\bgives\s+[^.]{0,20}access\b"
    ),
    ("right", "access", "licen"),
    ignore_case=True,
)
# The patterns of the deeds that make a deal of a kind are tried on every sentence that names
# an agreement, case-insensitive (at every offset): each behind a gate of the words every match
# of it holds.
# "X licensed", "X licenses AV-101 to Y", "X is licensing AV-101 from Y": a licence by its verb
_LICENSED_VERB = Gated(
    re.compile(
        r"\blicen[cs]ed\b|\b(?:is|are|was|were)\s+licen[cs]ing\s+(?!to\b)"
        # (the noun: "rights and licenses from X", "the licenses to")
        r"|\b(?<!\band\s)(?<!\bor\s)(?<!\bthe\s)(?<!\bof\s)(?<!\bits\s)"
        r"licen[cs]es\s+(?!(?:to|from|for|and|or|of|under|in)\b)"
    ),
    ("licen",),
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
_AGREEMENT_OBJECT = re.compile(
    r"(?i)\b(?:agreement|collaboration|deal|partnership|alliance|licen[cs]e)\s+with\s+(?:the\s+)?$"
    r"|\blicen[cs]ed\s+(?:exclusively\s+)?to\s+(?:the\s+)?$"
)
# "an antibody licensed to X": X is the licensee of the release's company.
_LICENSED_TO = re.compile(r"(?i)\blicen[cs]ed\s+(?:exclusively\s+)?to\s+(?:the\s+)?$")
# A licence that the words create even without "license agreement": a deal to license a
# compound, an in-licence, an option exercised to obtain a licence.
_LICENSE_DEED = Gated(
    re.compile(
        r"(?i)\b(?:deal|pact|agreement|agreed)\s+to\s+(?:in-?)?licen[cs]e\b"
        r"|\bin-?licen[cs](?:ed|es|ing)\b"
        r"|\bexercis\w+\s+(?:its|an|the|their)\s+option\s+to\s+(?:obtain|acquire|take)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+){0,3}licen[cs]e\b"
        # (never "an option to obtain a license": an option)
        r"|\b(?<!option\sto\s)(?:obtain(?:ed|s)?|receive[sd]?|acquire[sd]?|purchase[sd]?"
        r"|secure[sd]?)\s+(?:\w+\s+)?an?\s+"
        r"(?:[\w-]+\s+){0,3}licen[cs]e\s+(?:from|to)\b"
        # "granted Orvane Pharma AG an exclusive license to": the licensee's name between
        r"|\b(?:granted|grants|granting)\s+(?:[\w&.-]+\s+){0,4}?an?\s+(?:[\w-]+\s+){0,3}"
        r"licen[cs]e\s+(?:from|to|for|under)\b"
    ),
    ("licen",),
    ignore_case=True,
)
_OPTION_DEED = Gated(
    re.compile(
        r"(?i)\b(?:for|obtained|received|acquired|granted)\s+(?:\w+\s+)?an?\s+(?:exclusive\s+)?"
        r"option(?:\s+period)?\s+to\s+(?:[\w-]+,?\s+){0,6}?(?:acquire|license|licence|obtain|"
        r"in-?license)\b"
    ),
    ("option",),
    ignore_case=True,
)
# "exercised its option to jointly develop": the option, and the co-development it opens.
# An option that opens a new deal is an agreement of its own; one that extends a term is not.
_OPTION_EXERCISED = Gated(
    re.compile(
        r"(?i)\bexercis\w*\s+(?:its|an|the|their)\s+option\s+to\s+(?:jointly\s+)?(?:co-?)?"
        r"(?:develop|commerciali[sz]e|license|licence|in-?license|acquire|obtain)"
    ),
    ("option",),
    ignore_case=True,
)
# Development whose costs (and profits) the partners share.
_SHARED_DEVELOPMENT = Gated(
    re.compile(
        r"(?i)\bjointly\s+develop\s+and\s+(?:co-?)?commerciali[sz]e|\bco-?fund"
        r"|\bshare\s+(?:all\s+)?(?:the\s+)?(?:development\s+)?costs\s+and\s+(?:any\s+)?profits\b"
    ),
    ("jointly", "fund", "profits"),
    ignore_case=True,
)
_UNDER = Gated(
    re.compile(r"(?i)\bunder\s+(?:the|this|its|our|that)\b[^,]{0,80}\b(?:agreement|collaboration)"),
    ("under",),
    ignore_case=True,
)
_COLLABORATOR = Gated(
    re.compile(r"(?i)\b(?:collaborator|collaborative\s+partner)\b"),
    ("collaborat",),
    ignore_case=True,
)
_AGREEMENT_STATUS = [
    ("terminated", re.compile(r"(?i)\bterminat")),
    ("option_exercised", re.compile(r"(?i)\bexercis\w*\b[^.]{0,40}\boption|\boption\s+exercise")),
    ("expanded", re.compile(r"(?i)\bexpand")),
    (
        "extended",
        re.compile(
            r"(?i)\bextend(?:ed|s)\s+(?:the|its|our)\s+(?:agreement|collaboration)|\bextension\s+of\s+the\s+(?:agreement|collaboration)"
        ),
    ),
    ("amended", re.compile(r"(?i)\bamend(?:ed|ment)\b[^.]{0,30}\bagreement")),
    (
        "new",
        re.compile(
            r"(?i)\b(?:entered\s+into|has\s+entered|signed|formed|established|announced\s+(?:a|an)\s)"
        ),
    ),
]
_TECHNOLOGY = re.compile(
    r"(?i)\b(?:use|utili[sz]e|access(?:\s+to)?|rights\s+to)\s+(?:the\s+|its\s+)?"
    r"(?:Company['’]s\s+|[A-Z][\w-]+['’]s?\s+)?(?P<tech>(?:[\w-]+\s+){0,4}?(?:technology|platform))\b"
)
_AGREEMENT_TARGET = re.compile(
    r"\b(?:that\s+)?target(?:s|ing)?\s+(?P<target>[a-z]{5,}in|[A-Z][A-Z0-9-]{1,9})\b"
)
# "to acquire the privately held firm, Corrin Bio AG": the acquired named after a description.
# "to acquire US drug discovery company Corrin Bio": a title-like description, no article.
_ACQUIRED_DESCRIBED = (
    r"(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}(?:firm|company|biotech|biotechnology\s+company|"
    r"developer|start-?up)\s*,\s*"
    # "South San Francisco, CA-based privately held development-stage biotechnology company X"
    r"|(?:[\w.-]+,?\s+|\([A-Z]{2,6}\)\s+){0,9}?(?:firm|company|biotech|developer|start-?up"
    r"|specialist|drugmaker|maker|rival)\s+"
    r"|[\w.-]+-based\s+)?"  # "Massachusetts-based X"
)
# "all outstanding shares of": buying a company's shares is buying the company.
_ALL_SHARES_OF = (
    r"(?:all\s+(?:of\s+)?(?:the\s+)?(?:(?:issued\s+and\s+)?outstanding\s+)?"
    r"(?:shares\s+(?:of|in)\s+)?|the\s+)?"  # "… the acquisition of the Paladin business"
)
_ACQUIRE_FORWARD = re.compile(
    # "A (NYSE: A), a global women's healthcare company, today announced …": an apposition
    r"^\s*(?:\([^)]{0,30}\)\s*)?(?:,\s*(?:an?|the)\s+[^,;.()]{1,80}?,)?,?\s*(?:\w+\s+)?"
    # "Kessel Pharmaceuticals of the UK is to acquire …"
    r"(?:of\s+(?:the\s+)?[\w.]+\s+(?:is\s+|are\s+)?)?"
    r"(?:it\s+)?(?:has\s+|had\s+|have\s+)?(?:acquired|acquires|took\s+over|"
    r"announced\s+(?:the|its)\s+(?:completion\s+of\s+(?:the|its)\s+)?acquisition\s+of|"
    r"exercised\s+(?:its|an|the)\s+option\s+to\s+acquire\s+(?:all\s+)?(?:(?:the\s+)?remaining\s+)?"
    r"(?:shares|equity)\s+(?:in|of)|"
    # buying every share of a company is buying the company
    r"(?:will\s+|to\s+|agreed\s+to\s+)?(?:buy|purchase|bought|purchased)\s+all\s+(?:of\s+)?(?:the\s+)?"
    r"(?:issued\s+and\s+)?outstanding\s+shares\s+(?:in|of)|"
    r"to\s+(?:acquire|take\s+over)|will\s+(?:acquire|take\s+over)|agreed\s+to\s+(?:acquire|take\s+over)|(?:completed|closed)\s+(?:its|the)\s+"
    r"(?:previously\s+announced\s+|proposed\s+|pending\s+)?acquisition\s+of"
    r"|(?:entered\s+into|signed)\s+an?\s+(?:definitive\s+)?(?:merger\s+)?agreement\s+to\s+(?:acquire|take\s+over))"
    r"\s+" + _ALL_SHARES_OF + _ACQUIRED_DESCRIBED + r"$"
    r"|^['’]s?\s+(?:proposed\s+|pending\s+|planned\s+)?acquisition\s+of\s+$"
    # "said on Monday it would buy B", "announced that it has agreed to acquire B"
    r"|^[^.]{0,100}?\b(?:that|(?:said|says|announced)(?:\s+on\s+\w+|\s+today)?)\s+it\s+(?:has\s+)?"
    r"(?:acquired|(?:will|would)\s+(?:acquire|buy|take\s+over)|agreed\s+to\s+(?:acquire|buy|take\s+over)"
    r"|is\s+(?:acquiring|buying)"
    r"|(?:completed|closed)\s+(?:its|the)\s+(?:previously\s+announced\s+)?acquisition\s+of"
    r"|(?:entered\s+into|signed)\s+an?\s+(?:definitive\s+)?agreement\s+to\s+(?:acquire|take\s+over))\s+"
    + _ALL_SHARES_OF
    + _ACQUIRED_DESCRIBED
    + r"$",
    re.I,
)
# "A will make an upfront payment of $200 million to the shareholders of B on closing of the
# acquisition": whose holders are paid at an acquisition's closing is the company bought.
_PAYS_HOLDERS = re.compile(
    r"(?i)^[^.;]{0,40}?\b(?:pay|pays|paid|make|makes|made)\b[^.;]{0,80}?\bto\s+(?:the\s+)?"
    r"(?:former\s+)?(?:share|stock|equity\s+)holders\s+of\s+$"
)
_CLOSING_OF_ACQUISITION = re.compile(
    r"[^.;]{0,40}?\b(?:at|on|upon)\s+(?:the\s+)?(?:closing|completion)\s+of\s+the\s+"
    r"(?:acquisition|merger|transaction)\b",
    re.I,
)
# "A ... resolved to acquire from B all shares of C and D": C and D are acquired, B sells.
_ACQUIRE_SHARES = re.compile(
    r"^(?P<before>[^.]{0,200}?)\bto\s+acquire\s+from\s+[^.]{0,120}?\ball\s+(?:of\s+)?(?:the\s+)?"
    r"(?:outstanding\s+|issued\s+)?shares\s+(?:of|in)\s+$",
    re.I,
)
# "the recently completed acquisition of B", no acquirer named: the release's company bought B.
_OWN_ACQUISITION = re.compile(
    r"(?i)\b(?:the|its|our)\s+(?:recently\s+)?(?:completed|closed)\s+acquisition\s+of\s+$"
    # "has been active in acquisitions, including a 2011 acquisition of major Swiss rival X"
    r"|\b(?:a|the|its|our)\s+(?:19|20)\d\d\s+acquisition\s+of\s+(?:(?:major|rival|smaller|larger"
    r"|Swiss|German|French|Japanese|US|U\.S\.|British|Chinese|Korean|Indian)\s+){0,3}$"
)
_LIST_NEXT = re.compile(r"[\s\"“”'’()]*(?:,\s*(?:and\s+)?|(?:and|&)\s+)")
_ACQUIRE_BACKWARD = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+)?acquired\s+by\s+$", re.I
)
# "A … has entered into a definitive agreement to be acquired by B", "that it will be acquired
# by B": A is sold to B (read only where no other company stands between them).
_TO_BE_ACQUIRED = re.compile(
    r"(?i)(?:\b(?:agreement|agreed|plans?|expects?)\s+(?:under\s+which\s+it\s+will\s+be|to\s+be)"
    r"|\b(?:it|the\s+company)\s+(?:will\s+be|has\s+been|was|is\s+to\s+be))\s+acquired\s+by\s+$"
)
# The verbs of buying a company, as a grammar rather than a list of phrases: an auxiliary chain
# ("has agreed to", "will be", "said it would"), a verb of acquiring in any form, or a noun of
# it after a verb of announcing or completing ("Completes the Acquisition of", "announces the
# proposed takeover of"), or an agreement, deal or offer to acquire; then what is bought: the
# whole company, or a majority, controlling, remaining or whole stake in it ("acquire 100% of
# the share capital of"). A minority stake is an equity investment, not an acquisition.
_AUXILIARY = (
    r"(?:(?:has|have|had|will|would|shall|is|are|was|were|be|been|being|to|it|that|today"
    r"|also|now|successfully|formally|finally|set|agreed|agrees|plans?|intends?|expects?"
    r"|proposes?|seeks?|decided|announced|announces|said|says|confirmed|confirms"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+){0,6}"
)
_ACQUIRE_VERB = (
    r"(?:acquire[sd]?|acquiring|buys?|bought|buying|purchase[sd]?|purchasing"
    r"|(?:take|takes|took|taking)\s+over)"
)
_ANNOUNCING_VERB = (
    r"(?:announce[sd]?|announcing|complete[sd]?|completing|close[sd]?|closing|finali[sz]e[sd]?"
    r"|finali[sz]ing|confirm(?:s|ed)?|unveil(?:s|ed)?|report(?:s|ed)?)"
)
_DEAL_TO = (
    r"(?:(?:signed|signs|entered\s+into|enters\s+into|executed|reached|inks?|inked|"
    r"announce[sd]?|complete[sd]?|close[sd]?|finali[sz]e[sd]?|finali[sz]ing)\s+)?"
    r"(?:an?\s+|the\s+|its\s+)?(?:(?:definitive|binding|conditional|merger|share\s+purchase"
    r"|sale\s+and\s+purchase|final|formal)\s+){0,3}(?:agreements?|deal|contract|offer)\s+to\s+"
)
_WHOLE_OR_MAJORITY = (
    r"(?:(?:all|the\s+entirety|the\s+entire|100\s*%|100\s+per\s*cent|100\s+percent)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:(?:issued\s+and\s+)?outstanding\s+)?"
    r"(?:shares|share\s+capital|stock|equity|ownership|interest|stake|shareholding)?\s*"
    r"(?:(?:of|in)\s+)?"
    r"|(?:a|the|its)\s+(?:controlling|majority)\s+(?:stake|interest|shareholding)\s+in\s+"
    r"|(?:the\s+)?remaining\s+(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent|pc)\s+)?"
    r"(?:(?:stake|interest|shares|share\s+capital|shareholding)\s+)?(?:of\s+|in\s+)?"
    r"|(?:the\s+)?(?:(?:[5-9]\d|100)(?:\.\d+)?)\s*(?:%|per\s*cent|percent|pc)\s+"
    r"(?:stake\s+|interest\s+|of\s+the\s+(?:share\s+capital|shares)\s+)?(?:in|of)\s+)?"
)
# Words that describe the company bought ("the Swiss drugmaker", "Texas-based"), none of which
# says that a part of it is bought instead ("the transdermal business of … firm X").
_NOT_A_DESCRIPTION = (
    r"(?!(?:of|in|from|with|business(?:es)?|unit|division|assets?|rights|stake|shares|portfolio"
    r"|operations|products?)\b)"
)
_COMPANY_DESCRIBED = (
    r"(?:(?:the|a|an)\s+(?:" + _NOT_A_DESCRIPTION + r"[\w-]+\s+){0,4}(?:firm|company|biotech"
    r"|biotechnology\s+company|developer|start-?up)\s*,\s*"
    r"|(?:" + _NOT_A_DESCRIPTION + r"[\w.-]+,?\s+|\([A-Z]{2,6}\)\s+){0,9}?(?:firm|company"
    r"|biotech|developer|start-?up|specialist|drugmaker|maker|rival)\s+"
    r"|(?:[\w.-]+,?\s+){0,2}[\w.-]+-based\s+)?"  # "Schaumburg, Illinois-based"
)
# "Poland's Farma-Projekt", "Biogen's stake in B": whose the company bought was, said before it.
_OWNER = r"(?:[\w.-]+['’]s\s+(?:(?:entire|whole|remaining|full)\s+)?(?:stake\s+in\s+)?)?"
_ACQUIRE_VERB_GROUP = re.compile(
    # (after a name in brackets, "Kessel Pharma Ltd (Kessel), a … group, has acquired")
    r"^\)?\s*(?:\([^)]{0,30}\)\s*)?(?:,\s*(?:an?|the)\s+[^,;.]{1,120}?,)?\s*"
    + _AUXILIARY
    + r"(?:"
    + _ACQUIRE_VERB
    + r"|"
    + _ANNOUNCING_VERB
    + r"\s+(?:the\s+|its\s+|an?\s+)?(?:(?:previously\s+announced|proposed|pending|planned"
    r"|[\w-]+)\s+){0,2}(?:acquisition|takeover|purchase)\s+of"
    r"|(?:makes?|made|making)\s+(?:an?\s+)?(?:[$€£¥]?[\d.,]+\s*(?:bln|billion|mln|million|bn|m)?\s+)?"
    r"(?:takeover\s+|cash\s+|recommended\s+)?offer\s+for"
    r"|" + _DEAL_TO + _AUXILIARY + r"(?:acquire|buy|purchase|take\s+over)"
    r")\s+" + _WHOLE_OR_MAJORITY + _OWNER + _COMPANY_DESCRIBED + r"$",
    re.I,
)
# "A Completes B Acquisition": the noun after the company bought.
_ANNOUNCES_BEFORE_NOUN = re.compile(
    r"^\s*" + _AUXILIARY + _ANNOUNCING_VERB + r"\s+(?:the\s+|its\s+)?$", re.I
)
# "the completion of the acquisition of B (NASDAQ: B) by A": A buys B.
_BY_ONLY = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*by\s+(?:the\s+)?$", re.I)
_NOUN_OF_BEFORE = re.compile(r"\b(?:acquisition|takeover|purchase)\s+of\s+(?:the\s+)?$", re.I)
# "to buy BeiGene stake", "acquire Acino business": a part of the company, not the company.
_PART_OF_IT_NEXT = re.compile(
    r"(?:\s*\([^)]{0,40}\))?\s+(?:stake|shares?|business(?:es)?|unit|division|assets?|portfolio"
    r"|rights|products?|operations|franchise|plant|facility|site)\b"
    # "to buy GlaxoSmithKline Plc's … business": what is the company's, after its legal suffix
    r"|(?:,?\s+[A-Z][\w.]*)?\.?['’]s?\s",
    re.I,
)
_OBJECT_BEFORE = re.compile(r"(?i)\b(?:with|from|of|by|between|among|and|for)\s+(?:the\s+)?$")
_BY_NEXT = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*by\b", re.I)
_ACQUISITION_NOUN_AFTER = re.compile(r"\s+(?:acquisition|takeover)\b(?!\s+(?:of|by)\b)", re.I)
_POSSESSIVE_PARTNER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}(?:partner|collaborator|licensee|licensing\s+partner)s?,?\s+"
)


def link_payments_to_agreements(
    payments: list[Payment], agreements: list[Agreement], text: str = ""
) -> None:
    """A payment between the two sides of exactly one agreement falls under that agreement.

    Releases describe one deal's payments in the sentences around it ("under this agreement,
    X is entitled to..."); when two agreements join the same pair, the payment falls under the
    one its sentence names by kind ("under the license agreement, X is entitled to ..."),
    and where the sentence names neither or both, none is guessed.
    """
    for payment in payments:
        if payment.agreement is not None or not (payment.payer and payment.payee):
            continue
        pair = {name_key(payment.payer), name_key(payment.payee)}
        matching = [
            i
            for i, agreement in enumerate(agreements)
            if pair
            <= {
                name_key(p)
                for p in (*agreement.parties, agreement.licensor, agreement.licensee)
                if p
            }
        ]
        if len(matching) > 1 and text:
            sentence = payment.evidence.quote(text)
            named = [i for i in matching if _names_kind(sentence, agreements[i].kind)]
            matching = named if len({agreements[i].kind for i in named}) == 1 else matching
        if len(matching) == 1:
            payment.agreement = matching[0]


def _names_kind(sentence: str, kind: str) -> bool:
    """The sentence names an agreement of this kind ("the license agreement")."""
    cue = dict(_DESCRIPTOR_KINDS).get(kind)
    return kind != "other" and cue is not None and bool(cue.search(sentence))


def agreements_in(
    ctx: Any, acquisitions: list[Acquisition], payments: list[Payment]
) -> list[Agreement]:
    found: dict[tuple[str, frozenset[str]], Agreement] = {}
    named_twice: set[tuple[str, frozenset[str]]] = set()
    named_others: set[tuple[str, frozenset[str]]] = set()
    introduced: set[tuple[str, frozenset[str]]] = set()
    formal: set[tuple[str, frozenset[str]]] = set()  # named "collaboration agreement"
    plural: set[tuple[str, frozenset[str]]] = set()  # "the licensing agreements" between two
    roles_stated: set[tuple[str, str]] = set()  # "Y will obtain the right to ..." with no deal
    title_of: dict[int, frozenset[str] | None] = {}
    also_titled: list[Agreement] = []  # a second agreement of one kind between the same parties
    body = [s for s in ctx.sentences if s.zone == "body"]
    head = [s for s in ctx.sentences if s.zone == "head"]
    rights = any(_RIGHTS_GRANTED.search(s.text) for s in body + head)
    for s in _deal_sentences(ctx):
        if _PARTNER_WORDS.search(s.text) and _PARTNER_LIST.search(s.text):
            continue
        if _partnership_in_passing(ctx, s):
            continue
        kinds, two_kind_name, vague, by_reference, titles = _agreement_kinds(s.text, rights)
        if not kinds and s.zone == "body" and _TAKES_RIGHTS.search(s.text):
            _, licensor, licensee = _agreement_parties(ctx, s)
            if licensor and licensee:
                roles_stated.add((licensor, licensee))
        for kind in kinds:
            parties, licensor, licensee = _agreement_parties(ctx, s)
            if len(parties) < 2:
                continue
            key = (kind, frozenset(parties))
            if kind in two_kind_name:
                named_twice.add(key)
            if kind == "other" and (kind not in vague or _BARE_PLURAL.search(s.text)):
                named_others.add(key)  # "the agreements with X": more than the one named
            if kind not in by_reference:
                introduced.add(key)
            if kind == "collaboration" and _FORMAL_COLLABORATION.search(s.text):
                formal.add(key)
            if kind == "license" and _LICENCES_PLURAL.search(s.text):
                plural.add(key)
            if s.zone == "head" and kind == "license" and _loosely_named(found, key, formal):
                found[key] = found.pop(("collaboration", key[1]))
                found[key].kind = "license"  # "partnership" in the body, "licence" in the title
            if s.zone != "body" and any(
                p == key[1] and (k != "other" or (k, p) in named_others) for k, p in found
            ):
                if key in found and s.zone == "about":
                    _describe_agreement(found[key], s.text, licensor, licensee)
                continue  # a headline or an "About" restates a deal the body names
            agreement = found.get(key)
            if agreement is None:
                agreement = found[key] = Agreement(kind, ctx.span(s), sorted(parties))
                title_of[id(agreement)] = titles.get(kind)
            elif titles.get(kind):
                agreement = _titled(agreement, titles[kind], title_of, also_titled, ctx.span(s))
            _describe_agreement(agreement, s.text, licensor, licensee)
    if re.search(r"(?i)\bmerger\s+agreement", ctx.text):
        for a in acquisitions:
            key = ("merger", frozenset((a.acquirer, a.acquired)))
            if key not in found:
                found[key] = Agreement("merger", a.evidence, sorted(key[1]), status="new")
    royalties = any(
        re.search(r"(?i)\broyalt", s.text) for s in ctx.sentences if s.zone in ("body", "head")
    )
    _add_asset_purchases(found, acquisitions, payments)
    _add_options_paid_for(found, payments)
    _add_rights_bought(ctx, found)
    _name_mergers(found, acquisitions)
    _drop_references_to_named_deals(found, introduced)
    _merge_two_kind_names(found, named_twice)
    agreements = _without_vague_duplicates(found, named_others) + also_titled
    for key in sorted(plural, key=lambda key: sorted(key[1])):
        if key in found and len(key[1]) == 2:  # "licensing agreements" between two: at least two
            agreements.append(replace(found[key], parties=list(found[key].parties)))
    rights_change_hands = any(_RIGHTS_CHANGE_HANDS.search(s.text) for s in body)
    option_to_license = any(_OPTION_TO_LICENSE.search(s.text) for s in body + head)
    _roles_said_apart(agreements, roles_stated)
    _licences_passed_on(ctx, agreements)
    licensed = {frozenset(a.parties) for a in agreements if a.kind == "license"}
    for a in agreements:
        if a.kind == "other" and frozenset(a.parties) in licensed:
            continue  # the rights between them are the licence's, not this other deal's
        if royalties and a.kind in ("license", "collaboration", "option") and a.royalties is None:
            a.royalties = True
        if (
            a.licensor is None
            and len(a.parties) == 2
            and _grants_rights(a, rights_change_hands, option_to_license)
        ):
            a.licensor, a.licensee = _roles_from_money(a, payments)
    return agreements


# "the license was transferred from X to Y": Y holds the licence now.
_PASSED_ON = Gated(
    re.compile(
        r"(?i)\b(?:licen[cs]e|agreement|rights)\s+(?:was|were|(?:has|have|had)\s+been)\s+"
        r"(?:transferred|assigned)\s+from\s+"
    ),
    ("transferred", "assigned"),
    ignore_case=True,
)


def _licences_passed_on(ctx: Any, agreements: list[Agreement]) -> None:
    """A licence its licensee transferred to another company: the new holder is the licensee
    and a party; the one it came from stays a party."""
    for s in ctx.sentences:
        if s.zone not in ("body", "about"):
            continue
        for m in _PASSED_ON.finditer(s.text):
            after = [x for x in ctx.mentions(s, issuer_words=False) if x.start >= m.end()]
            if len(after) < 2 or not re.match(
                r"\s+to\s+(?:the\s+)?$", s.text[after[0].end : after[1].start]
            ):
                continue
            old, new = after[0].org, after[1].org
            for a in agreements:
                if a.kind == "license" and a.licensee == old and new not in a.parties:
                    a.licensee = new
                    a.parties = sorted({*a.parties, new})


def _roles_said_apart(agreements: list[Agreement], roles_stated: set[tuple[str, str]]) -> None:
    """ "Y will obtain the right to access X's pipeline", in a sentence naming no deal: the
    roles of the one licence or collaboration joining X and Y (only where one stating is
    unambiguous)."""
    if len(roles_stated) != 1:
        return
    [(licensor, licensee)] = roles_stated
    joined = [
        a
        for a in agreements
        if a.kind in ("license", "collaboration") and set(a.parties) == {licensor, licensee}
    ]
    if len(joined) == 1 and joined[0].licensor is None:
        joined[0].licensor, joined[0].licensee = licensor, licensee


def _loosely_named(
    found: dict[tuple[str, frozenset[str]], Agreement],
    key: tuple[str, frozenset[str]],
    formal: set[tuple[str, frozenset[str]]],
) -> bool:
    """The only deal the body names between the two is a bare "partnership" or
    "collaboration", never a collaboration agreement."""
    loose = ("collaboration", key[1])
    return loose in found and loose not in formal and [p for _, p in found].count(key[1]) == 1


def _titled(
    first: Agreement,
    title: frozenset[str],
    title_of: dict[int, frozenset[str] | None],
    also_titled: list[Agreement],
    evidence: Any,
) -> Agreement:
    """The agreement a title names: "the Asset Purchase Agreement" and "the Purchase Agreement"
    are one, a "Transition Services Agreement" between the same parties is another."""
    for known in (first, *also_titled):
        if known.kind != first.kind or set(known.parties) != set(first.parties):
            continue
        seen = title_of.get(id(known))
        if seen is None:
            title_of[id(known)] = title
            return known
        if seen <= title or title <= seen:
            return known
    other = Agreement(first.kind, evidence, list(first.parties))
    title_of[id(other)] = title
    also_titled.append(other)
    return other


def _name_mergers(
    found: dict[tuple[str, frozenset[str]], Agreement], acquisitions: list[Acquisition]
) -> None:
    """The agreement by which one company acquires another is a merger agreement."""
    bought = {frozenset((a.acquirer, a.acquired)) for a in acquisitions}
    for kind, parties in list(found):
        if kind == "other" and parties in bought and ("merger", parties) not in found:
            agreement = found.pop((kind, parties))
            agreement.kind = "merger"
            found[("merger", parties)] = agreement


def _add_rights_bought(ctx: Any, found: dict[tuple[str, frozenset[str]], Agreement]) -> None:
    """ "X, which acquired the rights from the original developer, Y", "X acquires partial
    royalty streams from Y", "Y announces the sale of its royalty interest to X": a purchase
    (kind other) between buyer and seller, even where the release names no agreement between
    them; the seller of rights is their licensor."""
    for s in ctx.sentences:
        if s.zone not in ("body", "about", "head") or not contains_any(
            s.text.lower(), _CHANGE_HANDS_WORDS
        ):
            continue
        mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
        for pattern, buyer_first in ((_RIGHTS_BOUGHT, True), (_ASSETS_SOLD, False)):
            for deed in pattern.finditer(s.text):
                before = [m for m in mentions if m.end <= deed.start()]
                after = [m for m in mentions if m.start >= deed.end()]
                if not before or not after or after[0].start - deed.end() > 2:
                    continue
                buyer, seller = (before[-1], after[0]) if buyer_first else (after[0], before[-1])
                pair = frozenset((buyer.org, seller.org))
                if len(pair) < 2 or any(parties == pair for _, parties in found):
                    continue
                rights = re.search(r"(?i)\brights\b", deed.group(0)) is not None
                licensor, licensee = (seller.org, buyer.org) if rights else (None, None)
                found[("other", pair)] = Agreement(
                    "other", ctx.span(s), sorted(pair), licensor, licensee, status="new"
                )


def _add_asset_purchases(
    found: dict[tuple[str, frozenset[str]], Agreement],
    acquisitions: list[Acquisition],
    payments: list[Payment],
) -> None:
    """Buying an asset (a voucher, a product's rights) from a company is an agreement with it,
    of kind other, even where the release names no agreement."""
    bought_companies = {a.acquired for a in acquisitions}
    for p in payments:
        if p.kind != "acquisition" or not (p.payer and p.payee) or p.payee in bought_companies:
            continue
        parties = frozenset((p.payer, p.payee))
        if not any(known == parties for _, known in found):
            found[("other", parties)] = Agreement(
                "other", p.evidence, sorted(parties), status="new"
            )


def _add_options_paid_for(
    found: dict[tuple[str, frozenset[str]], Agreement], payments: list[Payment]
) -> None:
    """A fee paid for an option ("X acquired an option to license Y for €37.5 million") is an
    option agreement: the payer holds the option on the payee's rights, even where the release
    names no agreement."""
    for p in payments:
        if p.kind != "option_fee" or not (p.payer and p.payee):
            continue
        parties = frozenset((p.payer, p.payee))
        if not any(known == parties for _, known in found):
            found[("option", parties)] = Agreement(
                "option", p.evidence, sorted(parties), licensor=p.payee, licensee=p.payer
            )


def _merge_two_kind_names(
    found: dict[tuple[str, frozenset[str]], Agreement],
    named_twice: set[tuple[str, frozenset[str]]],
) -> None:
    """ "The Collaboration and License Agreement" and "the Collaboration Agreement" between the
    same two companies are one agreement: the kind the release also uses on its own wins."""
    for kind, parties in sorted(named_twice, key=lambda key: (key[0], sorted(key[1]))):
        if kind not in ("license", "collaboration"):
            continue  # an "option, collaboration and license agreement" keeps its option
        other = "collaboration" if kind == "license" else "license"
        if (other, parties) in found and (kind, parties) in found:
            gone, kept = found.pop((kind, parties)), found[(other, parties)]
            for attribute in ("licensor", "licensee", "technology", "target", "exclusive"):
                if getattr(kept, attribute) is None:
                    setattr(kept, attribute, getattr(gone, attribute))


def _drop_references_to_named_deals(
    found: dict[tuple[str, frozenset[str]], Agreement],
    introduced: set[tuple[str, frozenset[str]]],
) -> None:
    """ "Its collaboration with X", said of a licence or a co-development the release describes
    with X, is that deal under another word, not a second agreement."""
    for kind, parties in list(found):
        specific = ("license", parties) in found or ("co_development", parties) in found
        if kind == "collaboration" and (kind, parties) not in introduced and specific:
            del found[(kind, parties)]


def _grants_rights(
    agreement: Agreement, rights_change_hands: bool, option_to_license: bool
) -> bool:
    """A licence grants rights by what it is; an option when it is an option to a licence or
    to rights (not one to co-develop or to negotiate a purchase); a collaboration or another
    deal when the release says rights change hands; a co-development shares them."""
    if agreement.kind == "license":
        return True
    if agreement.kind == "option":
        return option_to_license
    return agreement.kind in ("collaboration", "other") and rights_change_hands


def _without_vague_duplicates(
    found: dict[tuple[str, frozenset[str]], Agreement],
    named_others: set[tuple[str, frozenset[str]]],
) -> list[Agreement]:
    """A bare "the agreement" between two companies that the release also names as a licence
    or a collaboration is that agreement, not another one; a settlement or an asset purchase
    agreement is one of its own. A licence among three (X, its parent Y and Z) also covers
    "our agreement with Y"."""
    named = [parties for kind, parties in found if kind != "other"]
    return [
        a
        for (kind, parties), a in found.items()
        if kind != "other"
        or not any(parties <= known for known in named)
        or (kind, parties) in named_others
    ]


_LICENCE_MONEY = ("upfront", "milestone", "license_fee", "option_fee", "royalty", "other")


def _roles_from_money(
    agreement: Agreement, payments: list[Payment]
) -> tuple[str | None, str | None]:
    """Where a release grants rights and the text does not say who licenses to whom, the money
    does: the licensee pays the licensor its upfront, fees and milestones."""
    parties = set(agreement.parties)
    directions = {
        (p.payee, p.payer)
        for p in payments
        if p.kind in _LICENCE_MONEY
        and {p.payer, p.payee} == parties
        and (p.kind != "other" or p.money is not None)  # an unnamed sum of no stated purpose
    }
    return directions.pop() if len(directions) == 1 else (None, None)


def _deal_sentences(ctx: Any) -> list[Sentence]:
    """Where a release describes its deals: the body first, then the headline block, then an
    "About the agreement" section (an "About" section on a company describes no deal of this
    release unless it says one was signed)."""
    body = [s for s in ctx.sentences if s.zone == "body"]
    head = [s for s in ctx.sentences if s.zone == "head"]
    about = [
        s
        for s in ctx.sentences
        if s.zone == "about" and (_SIGNED.search(s.text) or _under_deal_heading(ctx.masked, s))
    ]
    return body + head + about


def _under_deal_heading(text: str, s: Sentence) -> bool:
    """The sentence sits in a section headed "About the ... Agreement" (or Collaboration)."""
    heading = text.rfind("About ", 0, s.start + 1)
    if heading < 0:
        return False
    line_end = text.find("\n", heading)
    line = text[heading : line_end if 0 <= line_end <= s.start + 200 else heading + 120]
    return bool(_DEAL_HEADING.match(line))


def _agreement_kinds(
    text: str, rights_in_release: bool
) -> tuple[list[str], set[str], set[str], set[str], dict[str, frozenset[str]]]:
    """Kinds of the agreements a sentence describes, from the words that name them.

    "collaboration and license agreement" is a licence unless it names joint research and
    the release states no grant of rights; a bare "the agreement" refers back to one already
    named and adds nothing. Also returns the kinds read only from such a two-kind name, the
    kinds read from a bare "agreement with", and the kinds read only from a reference back to
    a deal ("its collaboration with X"), and the title each kind was named by ("Transition
    Services Agreement").
    """
    kinds: list[str] = []
    vague: set[str] = set()  # "other" read from a bare "agreement with", not from a name
    compound: set[str] = set()  # read from "collaboration and license agreement"
    plain: set[str] = set()  # read from a noun that names one kind
    referred: set[str] = set()  # read only from "its collaboration", "the alliance"
    titles: dict[str, frozenset[str]] = {}
    introduced: set[str] = set()
    for m in _AGREEMENT_NOUN.finditer(text):
        window = _DESC_STOP.split(text[max(0, m.start() - 70) : m.start()])[-1]
        words = _DESC_WORD.findall(window)[-5:]
        lead = " ".join(words)
        desc = lead + " " + m.group("noun")
        named = [k for k, cue in _DESCRIPTOR_KINDS if cue.search(desc)]
        if "co_development" in named:
            named = ["co_development"]
        if "other" in named and "collaboration" in named and not _COLLABORATION_WORD.search(desc):
            named.remove("collaboration")  # "a funding partnership": a deal of its own kind
        if "license" in named and "collaboration" in named:
            named.remove(_licence_or_collaboration(desc, rights_in_release))
            compound.update(named)
        singular = m.group("noun").lower().endswith("agreement")
        if "license" in named and "supply" in named and (singular or "marketing" in desc.lower()):
            named.remove("supply")  # one "license and supply agreement": a licence
        if "license" in named and "option" in named and singular:
            named.remove("license")  # one "option and license agreement": an option to a licence
        if not named:
            follow = text[m.end() : m.end() + 30]
            if not (
                _AGREEMENT_MADE.match(follow)
                or _INDEFINITE.search(lead)
                or _UNDER_AGREEMENT.search(lead)
            ):
                continue
            licence_after = _LICENCE_AFTER.match(text, m.end())
            named = ["license" if licence_after or _RIGHTS_GRANTED.search(text) else "other"]
            title = _TITLE.search(text, max(0, m.start() - 60), m.start())
            if m.group("noun") != "Agreement" or not title or _generic_title(title.group(1)):
                vague |= set(named) - {"license"}  # "the Framework Agreement" names a deal
        title = _TITLE.search(text, max(0, m.start() - 60), m.start())
        title_words = frozenset(title.group(1).lower().split()) - _NOT_TITLE if title else None
        if title_words and m.group("noun") == "Agreement" and len(named) == 1:
            titles.setdefault(named[0], title_words)
        kinds.extend(k for k in named if k not in kinds)
        plain.update(k for k in named if k not in compound)
        before = text[max(0, m.start() - 50) : m.start()]
        if _REFERENCE_BACK.search(before) and m.group("noun").lower() in _BARE_DEAL_NOUNS:
            referred.update(named)
        else:
            introduced.update(named)
    # (the cheap tests first: the patterns are case-insensitive, tried at every offset)
    if not kinds and _LICENSED_VERB.search(text):
        kinds.append("license")
    granted_under = kinds and _UNDER.search(text) and not _OPTION_EXERCISED.search(text)
    if "license" not in kinds and not granted_under and _LICENSE_DEED.search(text):
        kinds.append("license")  # a licence granted under the agreement named is part of it
    if (set(kinds) <= vague and _OPTION_DEED.search(text)) or _OPTION_EXERCISED.search(text):
        kinds.append("option")
    if "co_development" not in kinds and _SHARED_DEVELOPMENT.search(text):
        kinds.append("co_development")
    if not kinds and _COLLABORATOR.search(text):
        kinds.append("collaboration")
    if (
        "co_development" not in kinds
        and re.search(r"(?i)\bco-?develop", text)
        and not _RIGHTS_TO_CO_DEVELOP.search(text)
        and not (
            re.search(r"(?i)co-?development\s+option", text) and not re.search(r"(?i)exercis", text)
        )
    ):
        kinds.append("co_development")
    if (
        "co_development" in kinds
        and re.search(r"(?i)co-?development\s+option", text)
        and not re.search(r"(?i)exercis", text)
    ):
        kinds.remove("co_development")
    if "other" in kinds and len(kinds) > 1 and "other" in vague:
        kinds.remove("other")
    return kinds, compound - plain, vague, referred - introduced, titles


def _generic_title(title: str) -> bool:
    """ "the Amended and Restated Agreement", "a Definitive Agreement": no name of its own."""
    return not frozenset(title.lower().split()) - _NOT_TITLE


def _licence_or_collaboration(desc: str, rights_in_release: bool) -> str:
    """Which kind a "collaboration and license agreement" drops: it is a licence, unless it
    names joint research or discovery and the release states no grant of rights."""
    if re.search(r"(?i)\blicen[cs]\w*\s+and\s+collaborat", desc):
        return "collaboration"
    if rights_in_release or not re.search(r"(?i)\b(?:research|discovery)\b", desc):
        return "collaboration"
    return "license"


def _agreement_parties(ctx: Any, s: Sentence) -> tuple[set[str], str | None, str | None]:
    text = _APPOSITION_SPAN.sub(lambda m: _blank_unless_party(s.text, m), s.text)
    probe = Sentence(s.start, s.end, text, s.zone)
    # An agency is a party to a contract or an award it funds, not to a deal it regulates.
    funds = bool(_FUNDING_CONTRACT.search(text))
    mentions = [m for m in ctx.mentions(probe) if funds or not m.agency]
    parties = {m.org for m in mentions}
    explicit = False
    between = re.search(r"\bbetween\s+(?:the\s+)?", text)
    if between:
        pair = [m.org for m in mentions if m.start >= between.end()][:2]
        if len(pair) == 2 and re.match(
            r"\s*,?\s*(?:and|&)\s+", text[_end_of(mentions, pair[0], between.end()) :]
        ):
            parties, explicit = set(pair), True
            for m in mentions:
                if m.start < between.start() and re.search(
                    r"licen[cs]ed", text[m.end : between.start()]
                ):
                    parties.add(m.org)
    if _COMPANY_REF.search(text) and ctx.issuer:
        parties.add(ctx.issuer)
    if (
        re.search(
            r"(?i)\bthe\s+companies\b|\bthe\s+parties\b|\bboth\s+companies\b|\btwo\s+companies",
            text,
        )
        and ctx.partner
    ):
        parties.add(ctx.partner)
    if len(parties) == 1 and ctx.issuer and re.search(r"(?i)\b(?:its|our|we)\b", text):
        parties.add(ctx.issuer)
    if len(parties) == 1 and ctx.issuer and _only_object_named(text, mentions):
        parties.add(ctx.issuer)  # "Signed a license agreement with Pelham": the issuer signed
    if len(parties) == 1 and ctx.issuer and _SIGNED.search(text) and not _COUNTERPARTY.search(text):
        parties.add(ctx.issuer)  # "X entered into a share purchase agreement": with the issuer
    parent = ctx.partner_parent
    if parent in parties and ctx.partner not in parties and _DEFINITE_AGREEMENT.search(text):
        # "X, a subsidiary of Y" signed the deal; "under the Agreement, Y will fund" is X's deal
        parties = (parties - {parent}) | {ctx.partner}
    if parties == {ctx.partner} and ctx.issuer and _DEFINITE_AGREEMENT.search(text):
        parties.add(ctx.issuer)  # "under the license agreement, Abbott has all rights"
    if parties == {ctx.issuer} and ctx.partner and _UNDER_THE_DEAL.search(text):
        parties.add(ctx.partner)  # "under terms of the collaboration, we will receive ..."
    elif parties == {ctx.partner} and ctx.issuer and _UNDER_THE_DEAL.search(text):
        parties.add(ctx.issuer)  # "under the 2016 license agreement, X receives rights"
    licensor, licensee = _license_roles(text, mentions, ctx)
    listed = _listed_partners(text, mentions)
    if listed and ctx.issuer:
        parties, explicit = {ctx.issuer, *listed}, True  # "collaboration with A and B"
    paid = _payer_and_payee(text, mentions) if len(parties) > 2 and not explicit else None
    if paid and _LICENCE_NAMED.search(text):
        parties, licensee, licensor = set(paid), *paid  # the licensee pays the licensor
    elif len(parties) > 2 and not explicit:
        parties = _two_parties(ctx, text, parties, licensor, licensee, mentions)
    return parties, licensor, licensee


def _payer_and_payee(text: str, mentions: list[Any]) -> tuple[str, str] | None:
    """ "X is required to pay a share of ... to Y": the two a licence in the sentence joins,
    when more than two organisations are named."""
    for m in mentions:
        verb = _PAYS.match(text, m.end)
        if verb is None:
            continue
        payee = next(
            (
                n
                for n in mentions
                if n.start > verb.end() and n.org != m.org and _TO.search(text, 0, n.start)
            ),
            None,
        )
        if payee is not None:
            return m.org, payee.org
    return None


def _blank_unless_party(text: str, m: re.Match[str]) -> str:
    """Blank an apposition ("X, a subsidiary of Y,") so Y is not taken for a party; but "an
    agreement with a subsidiary of Y" names Y as the party."""
    if re.search(r"(?i)\b(?:with|between|and)\s*$", text[max(0, m.start() - 9) : m.start()]):
        return m.group(0)
    return " " * len(m.group(0))


def _listed_partners(text: str, mentions: list[Any]) -> list[str]:
    """'a collaboration with Kobayashi Pharma Co., Ltd. and Delmont University': every name
    of the list after "with" is a party (with the issuer), not just the first two found."""
    heads = [m for m in mentions if _AGREEMENT_OBJECT.search(text, max(0, m.start - 40), m.start)]
    if not heads:
        return []
    listed = [heads[0]]
    for m in mentions:
        if m.start > listed[-1].start and _LIST_JOIN.fullmatch(text, listed[-1].end, m.start):
            listed.append(m)
    return [m.org for m in listed] if len(listed) > 1 else []


def _only_object_named(text: str, mentions: list[Any]) -> bool:
    """Every organisation named is the object of "agreement with", "licensed to", ... where it
    is first named: no subject named."""
    first: dict[str, Any] = {}
    for m in mentions:
        first.setdefault(m.org, m)
    return all(
        _AGREEMENT_OBJECT.search(text, max(0, m.start - 40), m.start) for m in first.values()
    )


def _two_parties(
    ctx: Any,
    text: str,
    parties: set[str],
    licensor: str | None,
    licensee: str | None,
    mentions: list[Any],
) -> set[str]:
    """Too many names in one sentence: keep the licence roles, else the issuer and its partner."""
    if licensor and licensee:
        return {licensor, licensee}
    objects = {
        m.org for m in mentions if _AGREEMENT_OBJECT.search(text, max(0, m.start - 40), m.start)
    }
    subjects = {m.org for m in mentions if _DEAL_SUBJECT.match(text, m.end)} - objects
    if len(objects) == 1 and ctx.issuer and ctx.issuer not in parties and not subjects:
        return {ctx.issuer, *objects}  # "Major strategic alliance with X: ...": the issuer's
    keep = {ctx.issuer} if ctx.issuer in parties else set()
    if ctx.partner in parties:
        keep.add(ctx.partner)
    for m in mentions:
        if len(keep) >= 2:
            break
        keep.add(m.org)
    return {p for p in keep if p}


def _end_of(mentions: list[Any], org: str, after: int) -> int:
    for m in mentions:
        if m.org == org and m.start >= after:
            return m.end
    return after


# The subject of these takes rights: it is the licensee.
_TAKES_RIGHTS = Gated(
    re.compile(
        r"(?i)\b(?:received|receives|obtain(?:s|ed)?|acquire[sd]?|gain(?:s|ed)?|takes|took|taken|"
        r"purchase[sd]?|secure[sd]?|licensed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:licen[cs]e|rights?)\b"
    ),
    ("licen", "right"),
    ignore_case=True,
)


# The verb of a company that licenses ("X has licensed", "X licenses", "X is licensing", "X has
# exclusively licensed", "X granted"), and whom to or from: "to Y", "from the Japanese firm Y".
_LICENSING_SUBJECT = re.compile(
    r"[^.]{0,15}?\b(?:has\s+|had\s+|have\s+|is\s+|are\s+|was\s+)?(?:[a-z]+ly\s+)?"
    r"(?:licensed|licen[cs]es|licen[cs]ing|granted|grants)\b"
)
_TO_OR_FROM_BEFORE = re.compile(
    r"\b(to|from)\s+(?:(?:the|a|an|its)\s+)?(?:[A-Z][a-z]+(?:ese|an|ish|ss|ch)\s+)?"
    r"(?:(?:[a-z][\w-]*\s+){0,2}(?:firm|company|biotech|drugmaker|partner|developer|group"
    r"|subsidiary|affiliate)\s+)?$"
)


def _to_or_from(text: str, mention: Any) -> str | None:
    """ "to" or "from" where the words before a company say whom a licence goes to or comes from."""
    found = _TO_OR_FROM_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    return found.group(1).lower() if found else None


def _license_roles(text: str, mentions: list[Any], ctx: Any) -> tuple[str | None, str | None]:
    for m in mentions:
        tail = text[m.end : m.end + 160]
        lic = _LICENSING_SUBJECT.match(tail)
        if lic:
            obj = next(
                (
                    n
                    for n in mentions
                    if n.start > m.end and n.org != m.org and _to_or_from(text, n)
                ),
                None,
            )
            if obj is not None and _to_or_from(text, obj) == "from":
                return obj.org, m.org
            if obj is not None:
                return m.org, obj.org
            if re.match(r"[^.]{0,15}?\b(?:has\s+|had\s+)?licensed\s+rights", tail):
                return None, m.org
    m = re.search(r"\b(?:grants?|granted|granting|gives)\s+", text)
    if m:
        obj = next((n for n in mentions if n.start >= m.end() and n.start - m.end() < 5), None)
        if obj is not None:
            other = next((n.org for n in mentions if n.org != obj.org), None)
            return other, obj.org
    m = _TAKES_RIGHTS.search(text)
    if m:  # "Tenby will obtain exclusive rights", "Tenby has licensed the right to use …"
        subj = [n for n in mentions if n.end <= m.start()]
        given = next((n for n in mentions if n.start > m.end() and _to_or_from(text, n)), None)
        if subj and given is not None and m.group(0).lower().startswith("licensed"):
            # "X licensed rights to develop the drug to Y" / "… from Y"
            if _to_or_from(text, given) == "to":
                return subj[-1].org, given.org
            return given.org, subj[-1].org
        if subj:
            other = next((n.org for n in mentions if n.org != subj[-1].org), None)
            return other, subj[-1].org
    for n in mentions:
        if _LICENSED_TO.search(text, max(0, n.start - 30), n.start):
            return None, n.org
    return None, None


def _describe_agreement(
    a: Agreement, text: str, licensor: str | None, licensee: str | None
) -> None:
    if licensee in a.parties and licensor is None and len(a.parties) == 2:
        licensor = next(p for p in a.parties if p != licensee)
    roles = a.kind in ("license", "option", "collaboration") and licensor and licensee
    if roles and licensor in a.parties and licensee in a.parties:
        a.licensor = a.licensor or licensor
        a.licensee = a.licensee or licensee
    if a.technology is None:
        tech = _TECHNOLOGY.search(text)
        if tech:
            a.technology = " ".join(tech.group("tech").split())
    if a.target is None:
        target = _AGREEMENT_TARGET.search(text)
        if target and "undisclosed" not in target.group("target"):
            a.target = target.group("target")
    if re.search(r"(?i)\bnon-exclusive", text):
        a.exclusive = False
    elif re.search(r"(?i)\bexclusive\b", text) and a.exclusive is None:
        a.exclusive = True
    if a.status is None or a.status == "in_force":
        a.status = next((name for name, cue in _AGREEMENT_STATUS if cue.search(text)), "in_force")


# The words some acquisition pattern needs ("take over", "buy all of the outstanding shares").
_ACQUISITION_GATE = ("acqui", " over ", "buy", "bought", "purchas")


def acquisitions_in(ctx: Any, published: date | None) -> list[Acquisition]:
    found: dict[tuple[str, str], Acquisition] = {}
    for s in ctx.sentences:
        lowered = s.text.lower()
        if s.zone in NO_FACT_ZONES or not contains_any(lowered, _ACQUISITION_GATE):
            continue
        mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
        for i, a in enumerate(mentions):
            for j, b in enumerate(mentions[i + 1 :], i + 1):
                if a.org == b.org:
                    continue
                gap = s.text[a.end : b.start]
                pairs = []
                if s.text[b.end : b.end + 1] in ("'", "’"):
                    continue  # "to acquire Pharmaxis’ drug candidate": its asset, not the company
                shares = _ACQUIRE_SHARES.search(gap)
                if (
                    _ACQUIRE_FORWARD.search(gap)
                    or _bought_by_verb(s.text, a, b)
                    or (
                        _ANNOUNCES_BEFORE_NOUN.search(gap)
                        and _ACQUISITION_NOUN_AFTER.match(s.text, b.end)
                    )
                    or (_PAYS_HOLDERS.search(gap) and _CLOSING_OF_ACQUISITION.search(s.text, b.end))
                ):
                    pairs = [(a.org, b.org)]
                elif (
                    _ACQUIRE_BACKWARD.search(gap)
                    or (j == i + 1 and "." not in gap and _TO_BE_ACQUIRED.search(gap))
                    or (_BY_ONLY.match(gap) and _NOUN_OF_BEFORE.search(s.text, 0, a.start))
                ):
                    pairs = [(b.org, a.org)]
                elif shares and _no_other_subject(mentions, a, a.end + shares.end("before")):
                    pairs = [(a.org, org) for org in _listed_from(s.text, mentions, j)]
                for pair in pairs:
                    if pair[0] != pair[1] and pair not in found:
                        year = _year_after(s.text[b.end : b.end + 40]) or (
                            published.year if published else None
                        )
                        per_share = _price_per_share(ctx, pair[1])
                        found[pair] = Acquisition(
                            pair[0], pair[1], ctx.span(s), None, per_share, year
                        )
        for b in mentions:
            earlier = [m for m in mentions if m.end <= b.start and m.org != b.org]
            if not ctx.issuer or earlier or b.org == ctx.issuer:
                continue
            if _OWN_ACQUISITION.search(s.text, max(0, b.start - 60), b.start):
                pair = (ctx.issuer, b.org)  # "its recently completed acquisition of B"
            elif _TO_BE_ACQUIRED.search(s.text, max(0, b.start - 120), b.start):
                pair = (b.org, ctx.issuer)  # "it has agreed to be acquired by B"
            else:
                continue
            if pair not in found:
                year = published.year if published else None
                per_share = _price_per_share(ctx, pair[1])
                found[pair] = Acquisition(pair[0], pair[1], ctx.span(s), None, per_share, year)
    return list(found.values())


def _bought_by_verb(text: str, buyer: Any, bought: Any) -> bool:
    """The words between two companies say the first buys the second (the verb-group grammar).
    Not where the first is an object ("an agreement with A to acquire B": the subject buys),
    what follows the second is a part of it ("to buy B stake"), or a third is named as the
    buyer right after ("announced the acquisition of B by C")."""
    after = text[bought.end : bought.end + 60]
    return (
        _ACQUIRE_VERB_GROUP.search(text[buyer.end : bought.start]) is not None
        and not _OBJECT_BEFORE.search(text, max(0, buyer.start - 20), buyer.start)
        and not _BY_NEXT.match(after)
        and not _PART_OF_IT_NEXT.match(after)
    )


def _no_other_subject(mentions: list[Any], subject: Any, verb: int) -> bool:
    """No other organisation stands between the subject and its verb."""
    return all(m.org == subject.org for m in mentions if subject.end <= m.start < verb)


def _listed_from(text: str, mentions: list[Any], first: int) -> list[str]:
    """The organisation at ``mentions[first]`` and those listed after it ("B (\u201cBB\u201d)
    and C"), a repeated name of one of them skipped."""
    listed = [mentions[first].org]
    end = mentions[first].end
    for m in mentions[first + 1 :]:
        if m.org in listed:
            end = max(end, m.end)
            continue
        if not _LIST_NEXT.fullmatch(text, end, m.start):
            break
        listed.append(m.org)
        end = m.end
    return listed


def price_acquisitions(deals: list[Acquisition], payments: list[Payment], text: str) -> None:
    """Each acquisition's price is the acquisition payment for it: the one paid to the
    acquired company (or its holders), found by its payee, else by the sentence naming it, else
    the one its acquirer pays the seller. A contingent payment on top ("eligible to receive up
    to", milestones, a contingent value right) is not the price while a fixed one is stated."""
    ranks: dict[int, tuple[bool, Any]] = {}
    bought = {d.acquired for d in deals}
    _upfront_is_the_price(deals, payments, text)
    for p in payments:
        if p.kind != "acquisition" or p.money is None:
            continue
        sentence = p.evidence.quote(text)
        deal = next((d for d in deals if p.payee == d.acquired), None)
        if deal is None and p.payee is None:
            deal = next((d for d in deals if d.acquired in sentence), None)
        if deal is not None:
            p.payer = p.payer or deal.acquirer
            p.payee = p.payee or deal.acquired
            priced = [deal]
        elif p.payee is not None and p.payee not in bought:
            # the seller of what the sentence says is bought, never a company bought at another
            # time ("including a 2011 acquisition of Nycomed for €9.6 billion")
            priced = [
                d
                for d in deals
                if d.acquirer == p.payer and d.acquired != p.payee and d.acquired in sentence
            ]
        else:
            priced = []
        rank = (not _CONTINGENT.search(sentence), p.money.amount)
        for d in priced:
            if d.price is None or rank > ranks[id(d)]:
                d.price, ranks[id(d)] = p.money, rank


def _upfront_is_the_price(deals: list[Acquisition], payments: list[Payment], text: str) -> None:
    """'Lundbeck will acquire Prexton … Lundbeck will pay EUR 100 million upfront': what the
    acquirer pays the acquired company up front is the acquisition's price, earned once the
    release says the deal closed."""
    for p in payments:
        sentence = p.evidence.quote(text)
        price = (
            p.kind == "upfront"
            or (p.kind == "acquisition" and AT_CLOSING.search(sentence))
            # "will pay $25 million in cash and $65 million in new ordinary shares": the buyer's
            # own shares given for the company are part of its price
            or (p.kind == "equity" and _IN_OWN_SHARES.search(sentence))
            or (p.kind == "option_fee" and "exercise price" in sentence)
            or (  # a total that holds milestones too stays a total
                p.kind == "other" and p.qualifier != "aggregate" and _DEAL_WORDS.search(sentence)
            )
        )  # "would pay X the agreed option exercise price of $150m": the price of the rest of X
        if not price:
            continue
        deal = next((d for d in deals if (d.acquirer, d.acquired) == (p.payer, p.payee)), None)
        if deal is not None:
            p.kind = "acquisition"
            closed = _DEAL_CLOSED.search(deal.evidence.quote(text) + " " + p.evidence.quote(text))
            # once closed, the price is paid; a part that "may be released" still waits
            p.status = (
                p.status
                if closed and _MAY_BE.search(p.evidence.quote(text))
                else ("earned" if closed else "potential")
            )


_MAY_BE = re.compile(r"(?i)\bmay\s+be\s+(?:released|paid|payable)\b")
_IN_OWN_SHARES = re.compile(
    r"(?i)\bin\s+(?:new\s+)?(?:ordinary\s+|common\s+)?(?:shares|stock)\b(?!\s+of\b)"
)
# A sentence about the purchase itself: "… per share, in a cash deal worth US$5.2 billion".
_DEAL_WORDS = re.compile(r"(?i)\b(?:per\s+share|(?:cash\s+)?deal|transaction|merger|acquisition)\b")
# Words that say an acquisition is done, not only agreed.
_DEAL_CLOSED = re.compile(
    r"(?i)\b(?:completed|completes|closed|consummated|finali[sz]ed|became\s+a\s+wholly[- ]owned"
    r"|(?:has|have)\s+acquired|announced\s+the\s+acquisition\s+of|paid\s+(?:up)?on\s+closing"
    r"|announce[sd]?\s+(?:the\s+)?(?:successful\s+)?(?:completion|closing)\s+of)\b"
)


_CONTINGENT = re.compile(r"(?i)\b(?:up\s+to|eligible|contingent|milestones?|earn-?outs?|CVRs?)\b")


def _year_after(text: str) -> int | None:
    m = re.match(r"[^.;]{0,30}?\b(?:in|on)\s+(?:\w+\s+){0,2}((?:19|20)\d\d)\b", text)
    return int(m.group(1)) if m else None


def _price_per_share(ctx: Any, acquired: str) -> Money | None:
    """The price per share offered for ``acquired``: one stated in a sentence that names it
    (another company's share price in the same release is not its price)."""
    for s in ctx.sentences:
        if s.zone in NO_FACT_ZONES or not re.search(r"(?i)share|tender|offer", s.text):
            continue
        if not any(m.org == acquired for m in ctx.mentions(s, issuer_words=False)):
            continue
        for m in ctx.money(s):
            if m.per_share:
                return Money(m.amount, m.currency)
    return None


def partnerships_in(ctx: Any, agreements: list[Agreement]) -> list[Partnership]:
    """Partner lists, and partnerships stated in passing where no agreement joins the two."""
    listed = _listed_partnerships(ctx)
    joined = {frozenset(a.parties) for a in agreements}
    for s in ctx.sentences:
        pair = _partnership_in_passing(ctx, s) if s.zone in ("body", "about") else None
        if pair and frozenset(pair) not in joined:
            joined.add(frozenset(pair))
            listed.append(Partnership(pair[0], pair[1], ctx.span(s)))
    return listed + _possessive_partners(ctx, listed, agreements)


def _partnership_in_passing(ctx: Any, s: Sentence) -> tuple[str, str] | None:
    """ "compounds from the partnership between A and B": a partnership named in a
    prepositional phrase, in passing, without its terms."""
    m = _PASSING_PARTNERSHIP.search(s.text)
    if m is None:
        return None
    after = [x for x in ctx.mentions(s, issuer_words=False) if x.start >= m.end()]
    if len(after) < 2 or after[0].start - m.end() > 4 or after[0].org == after[1].org:
        return None
    if not re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", s.text[after[0].end : after[1].start]):
        return None
    return after[0].org, after[1].org


def _listed_partnerships(ctx: Any) -> list[Partnership]:
    found: dict[tuple[str, str], Partnership] = {}
    for s in ctx.sentences:
        if not _PARTNER_WORDS.search(s.text):
            continue
        for m in _PARTNER_LIST.finditer(s.text):
            owner_record = ctx.orgs.get(m.group("owner").split()[-1]) or ctx.orgs.get(
                m.group("owner")
            )
            owner = owner_record.name if owner_record else ctx.issuer
            if owner is None:
                continue
            for item in split_list(m.group("items")):
                record = ctx.orgs.get(item)
                if record is None or record.name == owner:
                    continue
                found.setdefault((owner, record.name), Partnership(owner, record.name, ctx.span(s)))
    return list(found.values())


def _possessive_partners(
    ctx: Any, known: list[Partnership], agreements: list[Agreement]
) -> list[Partnership]:
    """'Ostara's existing partner Jinhai Pharma': a partnership stated in passing, unless the
    release describes the agreement between the two."""
    seen = {(p.organization, p.partner) for p in known}
    seen |= {(a, b) for ag in agreements for a in ag.parties for b in ag.parties}
    found: list[Partnership] = []
    for s in ctx.sentences:
        if s.zone not in ("body", "about"):
            continue
        mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
        for a, b in pairwise(mentions):
            pair = (a.org, b.org)
            if (
                a.org != b.org
                and pair not in seen
                and _POSSESSIVE_PARTNER.fullmatch(s.text, a.end, b.start)
            ):
                seen.add(pair)
                found.append(Partnership(a.org, b.org, ctx.span(s)))
    return found
