"""Organisations and people: find the names, group the aliases, pick the canonical name.

Organisations are found only through evidence that something is a company or an agency:
a legal suffix, a stock ticker, an agency head noun, an apposition ("a Sanofi company"), a
partner list, or a deal cue ("agreement with X", "payment from X", "X acquired"). A bare
capitalised word is never enough, which keeps drug brands, places and headings out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kg.extract.text import Gated, Sentence, any_of, compiled, contains_any, one_of
from kg.resolve import LEGAL_SUFFIXES, name_key

# A capitalised word: "ImmunoGen", "Bristol-Myers", "U.S.", "AP-HP", "Hôpitaux".
# a word with a capital, initials ("S.A."), or one initial inside a name ("Michael J. Fox")
_CAP = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.(?=[ \t]+[A-Z][a-z])|[A-Z][\w'’\-/]*(?:\.(?=\w)[\w.]*)?)"
    r"(?![\w'’\-$])"  # "US$1m", "A$5m": a currency's prefix is no word of a name
)
_CONNECT = r"(?:and|&|of|for|de|du|des|la|le|der|für)"
# Words are separated by real white space (one line break at most), so "ImmunoGen" is one
# word and never "Immuno" + "Gen": that ambiguity made every search backtrack heavily.
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# A legal suffix that a word can look like ("B.V.", "AG", "Ltd"): followed by "and" it ends one
# company's name, so "Kinayx Bio B.V. and Oreida AG" is two companies, never one name.
_SUFFIX_WORD = (
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|L\.L\.C\.|plc|PLC|Plc|AG|SE|S\.A\.|SA"
    r"|N\.V\.|NV|GmbH|KGaA|A/S|AB|ASA|Oyj|S\.p\.A\.|SpA|K\.K\.|KK|B\.V\.|BV|LP|L\.P\.|LLP|AS|Company"
    r"|INC|CORP|CORPORATION|LTD|INCORPORATED|S\.[aà]\.?\s?r\.\s?l\.?|SARL|S[aà]rl|S\.r\.l\.|Srl"
    r"|ApS|Oy|SAS|S\.A\.S\.|Ltda|Pty|Pte|Bhd)"
)
# A name starts a word, and never inside "A/S", "Bristol-Myers" or "U.S." (after "--" it may:
# "2019--Asix ..."). Tried at every offset of a long run of letters, the searches that start
# with a name took quadratic time (minutes for a 100,000-character run). The capital letter is
# tested first: it is what rules out most offsets, and quickly.
_START = r"(?=[A-Z])(?<!\w)(?<![A-Za-z][/'’-])(?<![A-Z]\.)"
_NO_SUFFIX_AND = rf"(?!{_SUFFIX_WORD},?{_SEP}(?:and|&){_SEP})"
ORG_SEQ = (
    rf"{_START}{_NO_SUFFIX_AND}{_CAP}(?:{_SEP}(?:{_CONNECT}{_SEP})?{_NO_SUFFIX_AND}{_CAP}){{0,6}}"
)
_SUFFIX = (
    r"(?:(?:&|and)\s+Co\.(?:,?\s+(?:Inc|Ltd|KG|LLC)\.?)?|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.,?\s+Ltd\.?|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\."
    r"|plc|PLC|Plc|AG|SE|S\.A\.|SA|N\.V\.|NV|GmbH|KGaA|A/S|AB|ASA|Oyj|S\.p\.A\.|SpA|K\.K\.|B\.V\.|BV"
    r"|KK(?=[\s,.;:)\"”]|$)|LP|L\.P\.|LLP|AS(?=[\s,.;:)\"”]|$)|Pty\.?\s+Ltd\.?|(?:and\s+)?Company|INC\.?|CORP\.?|CORPORATION"
    r"|LTD\.?|INCORPORATED|S\.[aà]\.?\s?r\.\s?l\.?|SARL|S[aà]rl|S\.r\.l\.|Srl|ApS|Oy|SAS|S\.A\.S\."
    r"|Ltda\.?|Sdn\.?\s+Bhd\.?|Pte\.?\s+Ltd\.?)"
)
# "Kessel Pharma (Group) Co., Ltd.": a group's word in brackets before the legal form.
SUFFIX_RE = re.compile(
    # "Kessel (USA) Inc.", "Kessel Health (L) Co.": a unit's place or letter is part of its name
    rf"\b(?P<name>{ORG_SEQ}(?:[ \t]+\((?!Group\)|Holdings?\))[A-Z][A-Za-z.]{{0,11}}"
    rf"(?:[ \t][A-Z][a-z]+)?\))?)(?:[ \t]+\((?:Group|Holdings?)\))?,?\s+"
    rf"(?P<suffix>{_SUFFIX})(?![\w-])"
)
# "1st Kessel Pharmaceuticals, Inc.": an ordinal that opens a name; "3K Company", "4KS AG":
# digits glued to the first word. Rare, so tried only where a digit stands before a capital
# (in the main pattern they cost a quarter more on every sentence).
_DIGIT_LED = re.compile(r"\d(?:st|nd|rd|th)?[ \t]?[A-Z]")
_DIGIT_SUFFIX_RE = re.compile(
    rf"(?<![\w.,-])(?P<name>\d{{1,2}}(?:st|nd|rd|th)[ \t]+{ORG_SEQ}"
    rf"|\d{{1,2}}[A-Z][\w'’\-/]*(?![\w'’\-])(?:{_SEP}{_CAP}){{0,3}}),?\s+(?P<suffix>{_SUFFIX})(?![\w-])"
)


# Every match has white space and then a legal form.
_GATED_SUFFIX = Gated(SUFFIX_RE, needs=re.compile(rf"\s(?:{_SUFFIX})(?![\w-])"))


def suffix_matches(text: str) -> list[re.Match[str]]:
    """Every name with its legal form in ``text``, in order."""
    found = list(_GATED_SUFFIX.finditer(text))
    if _DIGIT_LED.search(text):
        digits = list(_DIGIT_SUFFIX_RE.finditer(text))
        if digits:
            found = sorted(
                [
                    *digits,
                    *(
                        m
                        for m in found
                        if not any(d.start() <= m.start() < d.end() for d in digits)
                    ),
                ],
                key=lambda m: m.start(),
            )
    return found


_EXCHANGE_NAME = (
    r"(?:(?:[A-Z][\w-]*[ \t]+){1,2}Stock[ \t]+Exchange"
    r"|Nasdaq|NASDAQ|NYSE(?:\s+American|\s+MKT|\s+Amex|\s+Arca)?|AMEX|TSX(?:-V|V)?|LSE|AIM|Euronext"
    r"|EURONEXT|SIX|OTC\w*|ASX|HKEX|SEHK|HKSE|Xetra|XETRA|FWB|FSE|Frankfurt|TASE|KOSDAQ|KOSPI|KRX|TYO"
    r"|TSE|SSE|SZSE|STAR|BSE|NSE|OMX|STO|OSE|JASDAQ|SGX|JSE|BMV|WSE|VSE|WBAG|ETR|EBR|EPA|AMS|CPH"
    r"|HEL|ICE|BIT|BME|MCE|MSE|NEO|CSE|TWSE|TPEx|HOSE|SET|IDX|BVMF|B3|TADAWUL|MOEX|NZX"
    r"|LSE[ \t]+AIM)"
)
# "Nasdaq", "Euronext Brussels", "Frankfurt Stock Exchange", "Euronext & Nasdaq", "LSE/STO/NYSE".
_EXCHANGE = (
    rf"(?:{_EXCHANGE_NAME}(?:[ \t]+[A-Z][\w-]*){{0,3}}"
    rf"(?:[ \t]*(?:/|&|,|and)[ \t]*{_EXCHANGE_NAME}(?:[ \t]+[A-Z][\w-]*){{0,3}})*)"
)
# "KSSL", "KSL.SW", and the numbers of Asian exchanges ("TSE: 4599", "HKEX: 9921").
_TICKER = r"(?:[A-Z][A-Z0-9.]{0,6}|\d{4,6}(?:\.[A-Z]{1,2})?)(?![\w-])"
# 'Kessel (the "Company") (Nasdaq: KSSL)': a definition may stand between name and ticker.
TICKER_RE = re.compile(
    rf"(?P<name>{ORG_SEQ}(?:,?\s+{_SUFFIX})?)(?:\s*\((?:the\s+)?[\"“][^\"“”()]{{1,40}}[\"”]\))?"
    rf"\s*[(\[]\s*(?:the\s+)?(?P<exchange>{_EXCHANGE})\s*:\s*"
    rf"(?P<ticker>{_TICKER})"
)
# "(Nasdaq: KSSL)": a bracket, then a colon.
_GATED_TICKER = Gated(TICKER_RE, ("(", "["), needs=re.compile(":"))
# "4Kessel Therapeutics (Nasdaq: FKSL)": digits glued to the first word, before a ticker.
_DIGIT_TICKER_RE = re.compile(
    rf"(?<![\w.,$-])(?P<name>\d{{1,2}}[A-Z][\w'’\-/]*(?![\w'’\-])(?:{_SEP}{_CAP}){{0,3}}"
    rf"(?:,?\s+{_SUFFIX})?)\s*[(\[]\s*(?:the\s+)?(?P<exchange>{_EXCHANGE})\s*:\s*"
    rf"(?P<ticker>{_TICKER})"
)
EXCHANGE_TICKER_RE = re.compile(rf"(?P<exchange>{_EXCHANGE})\s*:\s*(?P<ticker>{_TICKER})")
_COLON_TICKER = re.compile(rf":\s*{_TICKER}")


def stated_tickers(text: str) -> list[re.Match[str]]:
    """Every 'Exchange: TICKER' of a text. Found from the colon: the exchanges' pattern tried
    at every offset of a release cost more than reading all its names."""
    found = []
    for colon in _COLON_TICKER.finditer(text):
        window = EXCHANGE_TICKER_RE.finditer(text, max(0, colon.start() - 70), colon.end())
        hit = next((m for m in window if m.end() == colon.end()), None)
        if hit is not None:
            found.append(hit)
    return found


BARE_TICKER_RE = re.compile(
    rf"(?P<name>{ORG_SEQ},?\s+{_SUFFIX})\s*\((?P<ticker>[A-Z]{{2,5}}(?:\.[A-Z]{{1,2}})?|\d{{4,6}}\.[A-Z]{{1,2}})"
    r"\s*[,;)]"
)
_GATED_BARE_TICKER = Gated(BARE_TICKER_RE, ("(",))
# A company that writes its name in lower case ("kesselbio", "blue harbor bio"), known by the
# ticker after it; it counts only if the text also starts a sentence or a line with it. The
# pattern is anchored at the end of the text before an exchange's name.
LOWER_NAME_BEFORE_TICKER = re.compile(
    # "kesselbio", "bluebird bio", "eKESSEL Therapeutics", "4seven bio" (never "and Orvane": a
    # capitalised word follows only a first word with capitals of its own)
    r"(?<![\w'’.-])(?P<name>(?:[0-9]+[a-z]|[a-z])[a-z0-9]*(?:[A-Z][\w-]*(?:[ \t]+[A-Z][a-z]+)?)?"
    r"(?:[ \t]+[a-z][a-z0-9]+)?)"
    rf"(?:,?[ \t]+(?P<suffix>{_SUFFIX}))?[ \t]*[(\[][ \t]*(?:the[ \t]+)?$"
)
_AGENCY_HEAD = (
    r"(?:Administration|Commission|Agency|Association|Committee|Institutes?|University|Foundation"
    r"|Council|Society|Ministry|Organi[sz]ation|Hospital|Cent(?:er|re)s?|Authority|Office|Board"
    r"|Department|Stock\s+Exchange|Clinic|College|School\s+of\s+Medicine|Government"
    # "the Japanese government", never a modifier: "government sponsors", "a government grant"
    r"|government(?!\s+(?:sponsors?|grants?|funding|funds?|contracts?|agenc(?:y|ies)|officials?"
    r"|programs?|programmes?|initiatives?|support|relations|bod(?:y|ies)|departments?"
    r"|ministr(?:y|ies)|entit(?:y|ies)|payers?|procurement|tenders?|subsid(?:y|ies)|incentives?"
    r"|loans?|bonds?)\b))(?![\w-])"
)
# "Ministry of Health, Labour and Welfare": what an agency is "of" may be a list of domains.
AGENCY_RE = re.compile(
    rf"\b(?P<name>(?:{ORG_SEQ}\s+)?{_AGENCY_HEAD}(?:\s+(?:of|for)(?:\s+the)?\s+{ORG_SEQ}"
    rf"(?:(?:,\s+{_CAP}){{1,3}},?\s+(?:and|&)\s+{_CAP})?)?)"
)
_AGENCY_HEAD_RE = re.compile(rf"\b{_AGENCY_HEAD}")
# Its head noun; without the "\b" the engine skips to the nouns' first letters on its own.
_GATED_AGENCY = Gated(AGENCY_RE, needs=re.compile(_AGENCY_HEAD))
# An institute's city after its name: "the Kessel Research Institute Vienna/Austria."
_PLACE_AFTER_HEAD = re.compile(r"[ \t]+[A-Z][a-z]+(?:/[A-Z][a-z]+)?(?=[ \t]*[.,;:)]|[ \t]+[a-z])")
APPOSITION_RE = re.compile(
    rf"(?:\ba\s+member\s+of\s+the\s+(?P<group>{_CAP}(?:\s+{_CAP})?)\s+Group"
    rf"|\ba\s+(?P<parent>{_CAP}(?:\s+{_CAP})?)\s+company\b"
    rf"|\b(?:wholly[- ]owned\s+)?(?:subsidiary|division|unit|affiliate|[Cc]ompanies)\s+of\s+"
    rf"(?P<owner>{ORG_SEQ})"
    rf"|\b(?:original\s+)?(?:developer|originator|owner|inventor),\s+(?P<origin>{ORG_SEQ}))"
)
_GATED_APPOSITION = Gated(
    APPOSITION_RE,
    any_of(
        "Group company subsidiary division unit affiliate ompanies developer originator owner"
        " inventor"
    ),
)
AGENCY_UPPER_RE = re.compile(
    r"\b(?P<name>(?:[A-Z]{2,}\.?\s+){0,5}(?:AND\s+|OF\s+|FOR\s+)?(?:[A-Z]{2,}\s+){0,2}"
    r"(?:COMMISSION|ADMINISTRATION|AGENCY))\b"
)
_GATED_AGENCY_UPPER = Gated(AGENCY_UPPER_RE, ("COMMISSION", "ADMINISTRATION", "AGENCY"))
# "a Leiden-based company", "a Nasdaq-listed company", "Nasdaq-quoted X": an adjective, not a
# name or a parent's name.
_DESCRIPTIVE_COMPOUND = re.compile(
    r"-(?:based|headquartered|listed|quoted|traded|owned|held|focused|stage|backed|born|area"
    r"|region)$",
    re.I,
)
# "with Lyon, France-based Tenby", "developed by Cambridge, Mass.-based Kessel": a name a cue
# reads before ", <region>-based" is the city the company is in; the company comes after.
_REGION_BASED_NEXT = re.compile(
    r",[ \t]+(?:[A-Z][\w.]*[ \t]+){0,2}[A-Z][\w.]*-(?:based|headquartered)\b"
)
# "Kessel gained (the exclusive) rights to X", "to acquire 65% of the rights to X": what rights are
# gained, obtained or held to is a product; a company is whom rights are granted, sold or
# returned to ("returning those rights to Kessel").
RIGHTS_HELD_TO = (
    r"\b(?:gain|obtain|acquir|hold|held|retain|regain|secur|get|got)\w*\s+"
    r"(?:[\w%-]+\s+){0,6}?rights?\s+to"
)
_RIGHTS_HELD_TO = re.compile(RIGHTS_HELD_TO + r"\s+$")
_POSSESSIVE_NEXT = re.compile(r"['’]s?\b")  # ("rights to Kessel's portfolio": a company's)
# "London Stock Exchange for the Subscription Shares": an exchange's name ends at "Exchange".
_EXCHANGE_TAIL = re.compile(r"(?<=Stock\sExchange)\s+(?:of|for)\b.*", re.S)
_TICKER_AFTER = re.compile(r"\s*:\s*[A-Z]")
_ACADEMIC_HEAD = re.compile(
    r"\b(?:University|Institutes?|Foundation|Hospital|Cent(?:er|re)|College|School|Clinic)\b"
)
# A name that ends in an industry noun is a company's even without any cue: "Ostrava Therapeutics".
INDUSTRY_NAME_RE = re.compile(
    rf"{_START}(?<!\d[snrt][tdh][ \t]){_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+"
    r"(?:Therapeutics|Pharmaceuticals?|Pharma"
    r"|Biosciences|Biotherapeutics|Biologics|Biotech|Biopharma|Bio|Genomics|Genetics|Medicines|Laboratories"
    r"|Diagnostics|Trust)(?![\w-])"
    r"(?:[ \t]+(?:America|Americas|Europe|Asia|Canada|Japan|China|Korea|India"
    r"|Australia|Brazil|Taiwan|Singapore|Switzerland|Germany|Deutschland|France|Italy|Italia|Spain"
    r"|UK|USA|US|Nordic|Nordics)(?![\w$-]))?"  # a national unit: "Kessel Pharma Canada"
    r"(?![ \t]+[A-Z])"  # "European Medicines Agency" goes on
)
_GATED_INDUSTRY_NAME = Gated(
    INDUSTRY_NAME_RE,
    needs=one_of(
        any_of("Therapeutics Pharma Bio Genomics Genetics Medicines Laboratories Diagnostics Trust")
    ),
)
# North American numbers, international ones ("+46 8 555 120 00"), e-mail addresses.
_PHONE_OR_MAIL = re.compile(
    r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\+\d{1,3}[\s(]+\d[\d\s().-]{6,}|@\w"
)
_GATED_PHONE_OR_MAIL = Gated(_PHONE_OR_MAIL, needs=re.compile(r"[\d@]"))  # a digit, or an "@"
CONTACT_HEAD_RE = re.compile(r"(?im)^\W*(?:media\s+|investor\s+)?contacts?\s*:?\s*$")
# Regulators and patent offices written as bare acronyms ("five FDA approved products").
REGULATOR_RE = re.compile(
    r"\b(?:FDA|EMA|EMEA|PMDA|MHRA|NMPA|CFDA|CHMP|NIH|NCI|SEC|BARDA|DARPA|CDC|WHO|MHLW|MFDS|TGA"
    r"|ANVISA|Swissmedic|Health\s+Canada|COFEPRIS|CDSCO|AIFA|BfArM|ANSM|USPTO|PTO)\b"
)
_GATED_REGULATOR = Gated(
    REGULATOR_RE,
    needs=one_of(
        any_of(
            "FDA EMA EMEA PMDA MHRA NMPA CHMP NIH NCI SEC BARDA DARPA CDC WHO MHLW MFDS TGA ANVISA"
            " Swissmedic Health COFEPRIS CDSCO AIFA BfArM ANSM PTO"
        )
    ),
)
_PARTNER_WORDS = Gated(
    re.compile(r"\b(?:partners|collaborators|licensees)\b"),
    ("partners", "collaborators", "licensees"),
)
# "Kessel's investors include Halden Partners, Lund Ventures and Ida Brandt": the firms only.
_INVESTOR_WORDS = Gated(
    re.compile(r"\b(?:investors|shareholders|backers|stockholders)\b"),
    ("investors", "holders", "backers"),
)
INVESTOR_LIST_RE = re.compile(
    r"\b(?:investors|shareholders|backers|stockholders)\s+(?:include|includes|including|are"
    r"|such\s+as)\s+(?P<items>(?:[^.;:]|(?<=\b[A-Z])\.){3,400})"
)
_FIRM_WORD = re.compile(
    r"\b(?:Partners|Ventures?|Capital|Investments?|Funds?|Management|Holdings|Advisors|Advisers"
    r"|Equity|Associates|Fonds|Invest|Group)$"
)
_ORG_SEQ_RE = re.compile(ORG_SEQ)
_INITIALED_NAME = re.compile(rf"(?:[A-Z]\.\s+(?:(?:de|van|von|du|la)\s+)?)?{ORG_SEQ}")
PARTNER_LIST_RE = re.compile(
    rf"(?P<owner>{ORG_SEQ})(?:['’]s?)?\s+(?:\w+\s+)?(?:partners|collaborators|licensees)\s+"
    r"(?:include|includes|including|are|such\s+as)\s+(?P<items>[^.;:]{3,400})"
)
# "Partners of Kessel include Halden, Orvane and Lund University": the list of names.
PARTNERS_OF_RE = re.compile(
    rf"\b(?:[Pp]artners|[Cc]ollaborators|[Ll]icensees)\s+of\s+(?P<owner>{ORG_SEQ})\s+"
    r"(?:include|includes|are)\s+(?P<items>[^.;:]{3,400})"
)


def _lists_partners_of(text: str) -> bool:  # a cheap test before the pattern
    return "artners of" in text or "ollaborators of" in text or "icensees of" in text


# "has established collaborations with Asliax, Nays Therapeutics and Xenence": each listed
# name. The plural says there are several ("a collaboration with Kessel and Orvane Labs" may
# name one company).
DEALS_WITH_LIST_RE = re.compile(
    r"(?:collaborations|partnerships|alliances|agreements|relationships|deals)\s+with\s+"
    rf"(?P<items>{ORG_SEQ}(?:,\s+{ORG_SEQ})*,?\s+and\s+{ORG_SEQ})"
)
# "10 such companies including Alere, Anacor Pharmaceuticals, Genocea Biosciences, and Zyomyx":
# each listed name (the plural noun says they are companies).
COMPANIES_LIST_RE = re.compile(
    r"\b(?:companies|firms|biotechs|drugmakers)\s*,?\s+(?:such\s+as|including|like)\s+"
    rf"(?P<items>{ORG_SEQ}(?:,\s+{ORG_SEQ})*,?\s+and\s+{ORG_SEQ})"
)
_TITLE_BEFORE_NAME = (
    r"(?:CEO|CFO|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?)\s+"
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+\b"
)
_SHARES_MOVE = (
    r"(?:shares|stock)\s+(?:(?:have|has)\s+)?(?:jumped|rose|fell|soared|climbed|gained|dropped"
    r"|surged|slid|tumbled|plunged|rallied|sank)\b"
)
# What a company is called before its name: "the US firm Baxalta", "a Swiss drugmaker, Orvane",
# "pharma giant Roche", "Japanese electronics business Kessel"
_DESCRIBED_AS = (
    r"(?:(?:the|a|an)\s+(?:[\w.-]+\s+){0,3}?|(?:(?:[a-z][\w.-]*|[A-Z][a-z]+(?:-[a-z]+)?)\s+){0,3}?)"
    r"(?:firm|company|biotech|drugmaker|pharma|developer|giant|major|leader|specialist|player"
    r"|group|unit|subsidiary|business|conglomerate|maker),?\s+"
)
# Whom payments go to: "milestone payments to X", "a payment of $5 million to X" (never "up to")
_PAID_TO = (
    r"\b(?:payments?|fees?|royalt(?:y|ies)|milestones?)\s+"
    r"(?:of\s+[^.\n]{0,30}?\s+)?(?<!\bup\s)to\s+"
)
# A news wire's code of a listed company's shares: "4599.T", "ORVA.CO", "KSSL.OQ".
_WIRE_EXCHANGE = (
    r"\.(?:T|HK|CO|L|PA|DE|F|S|SW|AS|ST|OL|HE|MI|MC|BR|TO|V|AX|KS|KQ|SS|SZ|TW|NS|BO|N|O|OQ|TA|NZ"
    r"|SI|VI|IR|LS)(?![\w.])"
)
_WIRE_CODE = rf"(?:\d{{4,6}}|[A-Z]{{2,6}}){_WIRE_EXCHANGE}"
_CUE_PATTERNS = [
    # "agreement with X", "collaboration with X", "deal with X", and the defined name of a
    # contract: "its License and Collaboration Agreement with X"
    rf"(?:agreements?|collaborations?|alliance|partnership|deal|arrangement|contract|licen[cs]e|"
    rf"Agreements?|Collaboration|Alliance|Partnership|Contract|Licen[cs]e|"
    rf"relationship|venture|collaborate|collaborating|working\s+closely|work(?:s|ed|ing)?"
    rf"|co-develop(?:ed|ing)?|co-promot(?:ed|ing)"
    rf"|partnered|partnering)\s+with\s+(?:its\s+[\w\s]{{0,30}}?partner,?\s+"
    rf"|{_DESCRIBED_AS})?(?P<x>{ORG_SEQ})",
    # "payment from X", "notification from X", "a milestone payment from Japanese group X"
    rf"(?:(?:payments?|fees?|milestones?|funding|notification|investment|rights|royalties|offer|"
    rf"proposal|bid|million|billion|licen[cs]ed)\s+(?:[^.\n]{{0,40}}?)|receive[sd]?\s+)\bfrom\s+"
    rf"(?:{_DESCRIBED_AS})?(?P<x>{ORG_SEQ})",
    rf"(?:collaborator|partner|licensee|licensor|collaborative\s+partner|developer)s?,?\s+(?:of\s+)?"
    rf"(?P<x>{ORG_SEQ})",
    rf"(?:acquired|developed|submitted|informed|marketed|advanced|filed|sponsored|owned|borne|"
    rf"selected|conducted|sold|commercialized|licensed)\s+by\s+(?P<x>{ORG_SEQ})",
    # (each may be named after what it is: "between Kessel and South Korean biotech firm Orvane")
    rf"\bbetween\s+(?:the\s+)?(?:{_DESCRIBED_AS})?(?P<x>{ORG_SEQ})\s+and\s+"
    rf"(?:{_DESCRIBED_AS})?(?P<y>{ORG_SEQ})",
    # "Kessel (KSL) and Orvane today announced": a defined name or a ticker after each
    rf"(?P<x>{ORG_SEQ})(?:,?\s+{_SUFFIX})?(?:\s*\([^()\n]{{1,40}}\))?"
    rf"(?:,\s+(?:an?\s+|the\s+)?[a-z][^,;.]{{2,80}},)?\s+and\s+(?P<y>{ORG_SEQ})"
    rf"(?:,?\s+{_SUFFIX})?(?:\s*\([^()\n]{{1,40}}\))?"
    # (a headline capitalises its verb: "Kessel and Orvane Announce")
    rf"\s+(?:today\s+|jointly\s+)?(?:have\s+|has\s+)?(?:[Ee]nter(?:ed)?|[Ff]orm(?:ed)?|[Ss]ign(?:ed)?|"
    rf"[Aa]nnounce[ds]?|originally|agreed?|reported|undertook|will\s+collaborate)\b",
    # "said Ida Brandt, CEO of Kessel"
    rf"\b(?:CEO|Chief\s+Executive\s+Officer|CFO|Chief\s+Financial\s+Officer|Chairman|Chairwoman)"
    rf"\s+(?:of|at)\s+(?P<x>{ORG_SEQ})"
    # "Ida Brandt, CEO, Kessel said": the title, a comma and the company before the verb
    rf"|(?<=,\s)(?:CEO|Chief\s+Executive\s+Officer|CFO|Chairman|Chairwoman),\s+(?P<y>{ORG_SEQ})"
    rf"(?=,?\s+(?:said|added|commented|stated|noted)\b)",
    # "Kessel licensed ...", never "the tablet licensed by Kessel": a product, not a company,
    # is what a participle before "by" is done to (a company can be "acquired by").
    # (an adverb may come between: "X will immediately receive")
    rf"(?P<x>{ORG_SEQ})(?:\s*\([A-Z][^()\n]{{0,30}}\))?\s+(?:has\s+|had\s+|have\s+|will\s+|also\s+|recently\s+|[a-z]+ly\s+|can\s+|could\s+|may\s+|would\s+"
    rf"|(?:begins?|began|expects?|is\s+expected|stands?)\s+to\s+)*(?:acquired|(?:licensed|exercised|"
    # (what "received its FDA approval" is said of may be a drug: no evidence of a company)
    rf"pays?|paid|paying|(?:is|are|was|were)\s+(?:paying|receiving|investing|buying)|make|made|agreed|earn(?:s|ed)?|receive[sd]?(?!\s+(?:its\s+|an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}"
    rf"(?:approval|clearance|designation|authori[sz]ation))|obtains?|"
    # ("X will market", never the noun: "the North American market(s)")
    rf"(?<=\bwill\s)market|(?<=\bwould\s)market|(?<=\bshall\s)market|(?<=\bcan\s)market"
    rf"|informed|submitted|filed|"
    rf"purchased|is\s+obligated|(?:is|be)\s+responsible|has\s+the\s+right|becomes|intends|acquires?|"
    # "X picked up a $118 million contract", "X won a $5 million grant"
    rf"entered\s+into|enters\s+into|signed|signs|inked|inks|won|picked\s+up|landed|secured"
    # "X has been awarded a $362 million contract"
    rf"|(?:has\s+been|have\s+been|was|is)\s+awarded)\b(?!\s+by\b))",
    rf"\b(?:to|pay|paid)\s+(?P<x>{ORG_SEQ})(?:\s*\([A-Z][^()\n]{{0,30}}\))?\s+"
    rf"(?:for|in|under|upon|on|a|an|the|\$|€|£)"
    # "will pay X 10 million euros upfront": the amount itself after whom it is paid
    rf"|\b(?:pay|pays|paid|paying)\s+(?P<y>{ORG_SEQ})(?<!\s[A-Z]{{3}})"  # (never "KESSEL EUR")
    rf"\s+(?:[A-Z]{{3}}\s?)?\d[\d.,]*\s+(?:million|billion)\b",
    # "Kessel is a clinical-stage biopharmaceutical company", "Kessel, a Nasdaq-listed company,"
    # and "Kessel, the Cambridge drug discovery company," (a word at least between "the" and
    # "company": "However, the company said" names none)
    rf"(?P<x>{_START}{_CAP}(?:[ \t]+{_CAP}){{0,4}})(?:(?:,\s+|\s+is\s+)an?\s+(?:[\w,-]+\s+){{0,6}}?"
    r"(?:company|corporation|firm)"
    # (never after a sentence adverb: "Separately, the Korean company can also receive"; and
    # "Kessel, the biggest cancer treatment specialist in the US")
    r"|(?<!ly)(?<!However)(?<!Meanwhile)(?<!Today)(?<!Moreover)(?<!Furthermore)(?<!Instead)"
    r"(?<!Therefore)(?<!Overall)(?<!Together)(?<!Thus),\s+the\s+(?:[\w,'’-]+\s+){1,6}?"
    r"(?:company|corporation|firm|group|specialist|drugmaker|biotech))\b"
    # "Kessel, one of the world's top pharmaceutical companies"
    rf"|(?P<y>{_START}{_CAP}(?:[ \t]+{_CAP}){{0,4}}),\s+one\s+of\s+the\s+[^,.;]{{0,60}}?"
    r"(?:companies|firms|drugmakers|groups)\b",
    rf"{_START}(?=\S{{3,80}}\s)(?P<x>{_CAP})[-/–](?P<y>{_CAP})\s+(?:[Cc]ollaboration|[Aa]greement|[Cc]o-development|[Ll]icense)",
    # "a 2011 acquisition of major Swiss rival X for €9.6 billion": what is bought for a price
    rf"\b(?:acquisition\s+of|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought)\s+[^.;]{{0,60}}?(?P<x>{ORG_SEQ})"
    # (its ticker or short name in brackets may come between; "for a total of €1.18bn")
    rf"(?=(?:\s*\([A-Z][\w.:-]{{0,15}}(?:\s[\w.:-]{{1,10}})?\))?\s+for\s+(?:a\s+total\s+of\s+)?"
    rf"(?:about\s+|approximately\s+|around\s+|up\s+to\s+)?(?:US\$|\$|€|£|¥|[A-Z]{{3}}\s?\d"
    # ("for sek 1 billion": a currency's code as a copy lowercased it)
    r"|(?i:usd|eur|gbp|sek|nok|dkk|chf|jpy|cny|krw|inr|cad|aud|hkd)\s?\d))"
    # "to acquire Canadian radioisotope production technology company ARTMS"
    rf"|\b(?:acquisition\s+of|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought)\s+(?:[\w-]+\s+){{0,6}}?"
    rf"(?:company|firm|biotech|developer|maker|specialist|start-?up)\s+(?P<y>{ORG_SEQ})"
    # "acquire a controlling stake in X", "has acquired 100 per cent of X": what a majority or the
    # whole of is bought is a company
    rf"|\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing))\s+(?:a\s+|the\s+)?"
    rf"(?:(?:controlling|majority)\s+(?:stake|interest|shareholding)\s+in"
    rf"|100\s*(?:%|per\s*cent|percent)\s+(?:(?:stake|interest)\s+in|ownership\s+of"
    rf"|of(?:\s+the\s+(?:share\s+capital|shares)\s+of)?))"
    rf"\s+(?P<z>{ORG_SEQ})(?=\s*[,.;(]|\s+(?:for|from|in|at)\b)",
    # "US biotech X has been awarded …": a company named after what it is, as a sentence's subject
    rf"\b(?:biotech(?:nology)?(?:\s+company)?|drugmaker|(?:bio)?pharmaceutical\s+company|start-?up"
    rf"|(?:bio)?pharma(?:\s+(?:company|group|firm|giant|major))?)"
    rf"\s+(?P<x>{ORG_SEQ})(?=\s+(?:has|had|have|will|is|was|said|announced|today|received|signed"
    rf"|entered)\b)",
    # "granted an exclusive license to X to sell": the licensee (a product after "license to"
    # is a compound, which the filter keeps out)
    rf"\blicen[cs]e[sd]?\s+to\s+(?P<x>{ORG_SEQ})(?=\s+(?:to|for|in|under)\b|[,.])",
    # "ASLAN would grant BioGenetics exclusive rights": whom rights are granted is a company
    # (its short name may follow in brackets: "granting Kessel Pharma (KP) exclusive rights")
    rf"\bgrant(?:s|ed|ing)?\s+(?P<x>{ORG_SEQ})(?:\s*\([A-Z][\w&.-]{{1,15}}\))?\s+(?:an?\s+|the\s+)?"
    rf"(?:(?:exclusive|non-exclusive"
    rf"|worldwide|global|commercial)\s+)*(?:rights?|licen[cs]es?|options?)\b",
    # "by the UK's innovation agency, Innovate UK": a public body named after what it is
    rf"\b(?:agency|regulator|funder|charity|council|authority|foundation),\s+(?P<x>{ORG_SEQ})"
    rf"(?=\s*[,.;(]|\s+(?:to|for|in|under|has|will|and)\b)",
    # "Kessel CEO Ida Brandt said": the company whose officer a person is, before the title
    rf"(?P<x>{ORG_SEQ})(?:['’]s)?\s+{_TITLE_BEFORE_NAME}",
    # "Kessel shares jumped on the deal": a listed company, whose shares move
    rf"(?P<x>{ORG_SEQ})(?:['’]s?)?\s+{_SHARES_MOVE}",
    # "acquired a portion of Kessel's royalty interests": whose assets are bought
    rf"\b(?:acquir(?:e|es|ed|ing)|bought|buy(?:s|ing)?|purchas(?:e|es|ed|ing))\s+(?:(?:a\s+)?"
    # (and "to purchase Kessel's U.S. and international generics businesses")
    rf"(?:portion|part|share|some|all|most)\s+of\s+)?(?P<x>{ORG_SEQ})(?<=['’]s)\s+"
    rf"(?:[\w.-]+\s+){{0,4}}?"
    rf"(?:royalt(?:y|ies)|rights|interests?|stake|business(?:es)?|assets|portfolio|operations"
    rf"|units?|divisions?)\b",
    # "Kessel 4599.T has offered", "Orvane ORVA.CO said": a news wire's instrument code after a
    # listed company's name
    # (never an exchange's name before its code: "(HKEX 1952.HK)")
    rf"(?<!\()(?!{_EXCHANGE}\b)(?P<x>{ORG_SEQ})\s+{_WIRE_CODE}",
    # and whom payments go to: "milestone payments to X", "payment of $5 million to X"
    rf"{_PAID_TO}(?P<x>{ORG_SEQ})",
    # "the royalty interest has been sold to Kessel, effective …": whom something is sold
    rf"\b(?:sold|divested)\s+(?:(?:its|the|their|our|a|an)\s+[^.;$€£¥]{{0,60}}?\s)?to\s+"
    rf"(?P<x>{ORG_SEQ})(?=\s*(?:[,.;]|for\b|in\s+exchange\b|effective\b))",
]
CUE_RES = [re.compile(p) for p in _CUE_PATTERNS]


# The cue patterns above, each with the words of its cue (in the same order).
GATED_CUES = [
    Gated(CUE_RES[0], ("with",)),
    Gated(CUE_RES[1], ("from",)),
    Gated(CUE_RES[2], ("collaborator", "partner", "licens", "developer")),
    Gated(CUE_RES[3], ("by",)),
    Gated(CUE_RES[4], ("between",)),
    Gated(
        CUE_RES[5],
        any_of(
            "enter Enter form Form sign Sign announce Announce originally agree reported"
            " undertook collaborate"
        ),
        needs=re.compile(r"\sand\s"),  # the "and" between the two names
    ),
    Gated(CUE_RES[6], needs=one_of(("CEO", "Chief", "CFO", "Chairman", "Chairwoman"))),
    Gated(
        CUE_RES[7],
        any_of(
            "acquire licensed exercised pay paid make made agreed earn receive obtain market"
            " informed submitted filed purchased obligated responsible right becomes intends"
            " entered enters signed signs inked inks won picked landed secured awarded"
        ),
    ),
    # ("to" is in nearly every sentence: the gate is the verb and the capital after it)
    Gated(CUE_RES[8], needs=re.compile(r"(?:to|pay|pays|paid|paying)\s+[A-Z]")),
    Gated(
        CUE_RES[9],
        any_of("company corporation firm companies firms drugmakers group specialist biotech"),
    ),
    Gated(CUE_RES[10], ("ollaboration", "greement", "o-development", "icense")),
    Gated(CUE_RES[11], any_of("cquisition cquir buy bought purchas")),
    Gated(CUE_RES[12], ("biotech", "drugmaker", "pharma", "start")),
    Gated(
        CUE_RES[13],
        needs=one_of(("icense to", "icensed to", "icence to", "icenced to", "icenses to")),
    ),
    Gated(CUE_RES[14], ("grant",)),
    Gated(
        CUE_RES[15], any_of("agency, regulator, funder, charity, council, authority, foundation,")
    ),
    Gated(CUE_RES[16], any_of("CEO CFO hief xecutive"), needs=re.compile(_TITLE_BEFORE_NAME)),
    Gated(CUE_RES[17], any_of("shares stock"), needs=re.compile(_SHARES_MOVE)),
    Gated(CUE_RES[18], any_of("cquir bought buy urchas")),
    Gated(CUE_RES[19], (".",), needs=re.compile(_WIRE_EXCHANGE)),
    # (the nouns before "to": "to" is in nearly every sentence)
    Gated(CUE_RES[20], any_of("payment fee royalt milestone"), needs=re.compile(_PAID_TO)),
    Gated(CUE_RES[21], ("sold", "divested")),
]
# "a collaboration with Orvane Pharma for KSL-101": the connector joins a code, not a name's
# words ("Institute for Cancer Research").
_CODE_AFTER_CONNECTOR = re.compile(r"\s+(?:for|of|and|&)\s+\S*\d.*$")
# The cues where money changes hands: "payment from X", "X has paid", "pay X for".
# and "an agreement with MSD": a deal is made with a company
_MONEY_CUES = (GATED_CUES[0], GATED_CUES[1], GATED_CUES[7], GATED_CUES[8], GATED_CUES[20])
_MONEY_CUE_IDS = frozenset(id(cue) for cue in _MONEY_CUES)  # by identity: == compares patterns
# The words OPENING_RE needs: "today announced", "said it", "has announced that".
_OPENING_WORDS = ("today", " said ", " says ", "announced that")
# "Kessel today announces", "Kessel Group announced today", "Kessel said it": the opening of a
# release or a sentence names its company (tried only where the sentence says "today" or "sa").
OPENING_RE = re.compile(
    rf"(?:^|(?<=--)|(?<=[–—:|)]))\s*(?P<x>{_START}{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
    # "Kessel Bio (ISIN, KSL), a French group in diagnostics, announces today"
    r"(?:\s*\([^()\n]{1,40}\))?(?:,\s+an?\s+[^,;.()]{3,120},)?"
    r"\s+(?:today\s+(?:announce[sd]?|report(?:s|ed)?)|announce[sd]?\s+today"
    r"|(?:has\s+)?announced\s+that|sa(?:id|ys)\s+(?:it|that|today|on))\b"  # "Kessel said it"
)
# The release's own opening: "Shire has completed …", "On 20 May, 3SBio announced …", "Drugmaker
# Eli Lilly and Co said …", "Dutch biotech company Prosensa, focusing on …, has agreed …": the
# subject of the first sentence after the dateline is a company (most often the issuer).
_RELEASE_SUBJECT = re.compile(
    r"[ \t]*(?:On\s+[^,.;\n]{1,25},\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:[Dd]rugmaker|[Bb]iotech|[Bb]iopharma|company|firm|group|developer"
    r"|maker|specialist|start-?up)\s+)?"
    r"(?P<x>(?:\d+[A-Za-z][\w-]*|[A-Z][\w'’&.-]*)(?:[ \t]+[A-Z][\w&.-]*){0,3}?)"
    r"(?:,?\s+(?:and|&)\s+Co\b\.?)?(?:\s*\([^()\n]{1,40}\))?(?:,\s+[^,;.()\n]{3,120},)?"
    r"\s+(?:today\s+|on\s+\w+\s+|also\s+|recently\s+)?(?:announce[sd]?|said|says|reported"
    r"|has|have|had|will|would|signed|entered|agreed|completed|received|plans|expects|secured)\b"
)
WIRE_NAMES = re.compile(
    r"(?i)^(?:business\s*wire|globe\s*newswire|pr\s*newswire|prnewswire.*|market\s*wire|marketwired?"
    r"|accesswire|hsmn.*|newsfeed|news|bloomberg|reuters|dow\s+jones|associated\s+press)$"
)
# Words that start capitalised sequences without being part of a name.
_LEADING_NOISE = frozenset(
    [
        "the",
        "a",
        "an",
        "about",
        "under",
        "in",
        "on",
        "for",
        "with",
        "from",
        "by",
        "and",
        "today",
        "both",
        "its",
        "our",
        "this",
        "that",
        "these",
        "each",
        "as",
        "at",
        "if",
        "when",
        "while",
        "through",
        "between",
        "following",
        "after",
        "before",
        "during",
        "since",
        "until",
        "new",
        "former",
        "partner",
        "partners",
        "collaborator",
        "collaborators",
        "licensee",
        "licensor",
        "source",
        "contact",
        "contacts",
        "media",
        "investors",
        "investor",
        "also",
        "however",
        "additionally",
        "furthermore",
        "finally",
        "in",
        "addition",
        "meanwhile",
        "once",
        "upon",
        "all",
        "any",
        "other",
        "such",
        "his",
        "her",
        "their",
        "we",
        "they",
        "it",
        "us",
        "he",  # "He will receive $15 million": a machine translation's pronoun for the company
        "she",
        "you",
        "mr",
        "ms",
        "dr",
        "prior",
        "earlier",
        "later",
        "last",
        "next",
        "first",
        "second",
        "third",
        "according",
        "per",
        "via",
        "said",
        "says",
        "commented",
        "added",
        "stated",
        "noted",
        "explained",
        "recently",
        "currently",
        "nearly",
        "announces",
        "announced",
        "acquires",
        "acquired",
        "earns",
        "receives",
        "expands",
        "enters",
        "establishes",
        "initiates",
        "exercises",
        "triggers",
        "grabs",
        "achieves",
        "forms",
    ]
)
# Words that are not organisations even when a cue points at them.
# Places and the adjectives of nations: never an organisation's whole name, and a country
# glued to the front of a name by a dateline ("Cambridge, UK Kessel Bio") is not part of it.
COUNTRIES = frozenset(
    ["united states", "u.s.", "u.s", "us", "usa", "uk", "u.k.", "united kingdom", "europe",
     "japan", "china", "canada", "germany", "france", "switzerland", "italy", "spain", "india",
     "korea", "south korea", "australia", "israel", "denmark", "sweden", "norway", "finland",
     "netherlands", "the netherlands", "belgium", "ireland", "austria", "brazil", "taiwan",
     "singapore", "hong kong", "new zealand", "mexico", "russia", "poland", "portugal",
     "scotland", "england", "hungary", "greece", "iceland", "argentina", "south africa",
     "north america", "latin america", "asia", "africa"]
)  # fmt: skip
NATIONALITIES = frozenset(
    ["american", "european", "japanese", "chinese", "korean", "german", "french", "swiss",
     "british", "canadian", "australian", "indian", "italian", "spanish", "danish", "swedish",
     "norwegian", "finnish", "dutch", "belgian", "israeli", "irish", "austrian", "brazilian",
     "taiwanese", "singaporean", "mexican", "russian", "polish", "portuguese", "scottish",
     "english", "hungarian", "greek", "icelandic", "asian", "african", "nordic", "scandinavian"]
)  # fmt: skip
_NOT_ORG_WORDS = frozenset(
    w.strip()
    for w in [
        "united states",
        "u.s.",
        "u.s",
        "us",
        "usa",
        "europe",
        "japan",
        "china",
        "canada",
        "germany",
        "france",
        "switzerland",
        "\n    united kingdom",
        "uk",
        "italy",
        "spain",
        "india",
        "korea",
        "australia",
        "israel",
        "north america",
        "western europe",
        "asia",
        "\n    rest of world",
        "company",
        "the company",
        "phase",
        "ind",
        "nda",
        "bla",
        "maa",
        "investigational new drug",
        "board",
        "\n    clinical trial authorization",
        "act",
        "form",
        "item",
        "exhibit",
        "offer",
        "shares",
        "merger agreement",
        "agreement",
        "\n    collaboration",
        "license agreement",
        "news",
        "pharmaceuticals",
        "therapeutics",
        "biotech",
        "pharma",
        "group",
        "\n    research",
        "development",
        "program",
        "technology",
        "platform",
        "antibody",
        "antibodies",
        "drug",
        "product",
        "products",
        "\n    rx",
        "dr",
        "mr",
        "ms",
        "ceo",
        "cfo",
        "coo",
        "president",
        "chief",
        "officer",
        "vice",
        "director",
        "executive",
        "senior",
        "head",
    ]
)
# The peoples, as a release calls a company by its country ("the Danes will receive …").
DEMONYMS = frozenset(
    ["americans", "europeans", "koreans", "germans", "danes", "swedes", "norwegians", "finns",
     "belgians", "israelis", "austrians", "brazilians", "italians", "canadians", "australians",
     "indians", "brits", "britons", "spaniards", "scots", "poles", "russians", "mexicans"]
)  # fmt: skip
# A date's words: "payments due from December 1997", "AstraZeneca PLC (AZN.L) Monday said"
_CALENDAR_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"]
)  # fmt: skip
_NOT_ORG_WORDS |= COUNTRIES | NATIONALITIES | DEMONYMS | _CALENDAR_WORDS
_SHORT_FORM_BLOCK = frozenset(
    [
        "american",
        "national",
        "european",
        "international",
        "united",
        "us",
        "u.s.",
        "the",
        "new",
        "general",
        "global",
        "north",
        "south",
        "west",
        "east",
        "first",
        "royal",
        "japan",
        "china",
        "bio",
        "group",
        "holdings",
        "pharma",
        "pharmaceuticals",
        "therapeutics",
        "biotech",
        "biosciences",
        "sciences",
        "laboratories",
        "health",
        "healthcare",
        "company",
        "international",
    ]
)
# British style drops the dot.
_PERSON_TITLES = r"(?:Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?|Professor)(?=\s)"
# "Ida Brandt", "Ida D. Brandt", "Ida K.M. Brandt", "Ida van de Berg", "J. Ida Brandt".
# A capital letter of a name, accented ones too: "Özlem", "Łukasz", "Šimon".
_UP = "A-ZÀ-ÖØ-ÞĆČĐŁŃŘŚŞŠŢŹŻŽ"
_PERSON_NAME = (
    rf"(?P<person>[{_UP}][\w’'\-]+(?:\s+(?:[A-Z]\.){{1,3}})?(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la)\s+)*[{_UP}][\w’'\-]+){{1,2}}"
    rf"|[A-Z]\.\s+[{_UP}][\w’'\-]+\s+[{_UP}][\w’'\-]+)"
)
_CREDENTIALS = (
    r"(?:,?\s*(?:Ph\.\s?D\.|M\.\s?D\.|M\.B\.A\.|MBA|Pharm\.\s?D\.|PharmD|J\.D\.|Jr\.|Sr\.|MD|PhD"
    r"|D\.\s?Phil\.|DPhil|M\.\s?Sc\.|MSc|M\.S\.|M\.P\.H\.|MPH|DVM|FRCP\w*|FACP|MBBS|Esq\.|CFA|CPA"
    r"|B\.\s?Sc\.|Dr\.\s?med\.|F\.R\.C\.P\.|III|II)(?![\w]))*"
)
_SAYS = r"(?:said|says|commented|stated|added|noted|explained|continued|remarked|according\s+to)"
_ROLE_WORDS = (
    r"(?:President|Chief|CEO|CFO|COO|CSO|CMO|Officer|Vice|VP|Director|Head|Senior|Executive|Chairman"
    r"|Chair|Founder|Manager|General\s+Counsel|Principal|Partner|Dir\.|Sr\.|Lead|Global|Professor)"
)
# Cheap tests of a sentence that say whether a pattern of people can match in it at all: the
# patterns that open with a name are tried at every capital letter otherwise.
_VERB_CUE = re.compile(
    r"\b(?:said|says|commented|stated|added|noted|explained|continued|remarked|according)\b"
)
_TITLE_CUE = re.compile(r"\b(?:Dr|Mr|Ms|Mrs|Prof)")
_DASH_QUOTE_CUE = re.compile(r"[\"”]\s*[–—-]")
_COLON_NAME_CUE = re.compile(r":\s*(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w’'-]+\s")
_ROLE_AFTER_COMMA_CUE = re.compile(rf",\s+(?:the\s+)?{_ROLE_WORDS}")
_APPOINTED_CUE = re.compile(r"\b(?:appointed|named|promoted)\b")
# (cue, pattern): the pattern runs on a sentence where its cue is found.
ATTRIBUTION_RES = [
    # said Daniel Junius, President and CEO of ImmunoGen
    (
        _VERB_CUE,
        re.compile(
            rf"\b{_SAYS}\s+(?:{_PERSON_TITLES}\s+)?"
            rf"{_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>[^\"“”\n.]{{3,160}}?)(?=[.\"“”]|\s*\n|$)"
        ),
    ),
    # said Ida Brandt. / "...," Ida Brandt said.
    (
        _VERB_CUE,
        re.compile(
            rf"\b{_SAYS}\s+(?:{_PERSON_TITLES}\s+)?{_PERSON_NAME}{_CREDENTIALS}(?P<role>)"
            r"(?=\s*[.;\"“”]|\s*\n|\s*$)"
        ),
    ),
    (
        _VERB_CUE,
        re.compile(
            rf"[,.!?][\"”’]\s+{_PERSON_NAME}{_CREDENTIALS}(?P<role>)\s+"
            r"(?:said|says|added|commented|noted)\b"
        ),
    ),
    # led by Dr. Ida Brandt; Professor Ida Brandt's work
    (
        _TITLE_CUE,
        re.compile(
            rf"(?<![\w.])(?:(?P<role>Professor|Prof\.?)|{_PERSON_TITLES})\s+{_PERSON_NAME}(?![\w’'-])"
        ),
    ),
    # Daniel Junius, ImmunoGen President and CEO, commented
    (
        _VERB_CUE,
        re.compile(
            rf"(?:^|[.\"”:]\s+|,\s+|\n){_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>[^\"“”\n]{{3,160}}?),?\s+"
            r"(?:commented|said|stated|added|noted|explained)\b"
        ),
    ),
    # "...," – Ida Brandt, CEO of Kessel (a quote signed with a dash)
    (
        _DASH_QUOTE_CUE,
        re.compile(
            rf"[\"”]\s*[–—-]+\s*{_PERSON_NAME}{_CREDENTIALS}(?:,\s+(?P<role>[^\"“”\n.]{{3,160}}))?"
            r"(?=[.\"“”]|\s*\n|$)"
        ),
    ),
    # said Curis President and CEO Dan Passeri.
    (
        _VERB_CUE,
        re.compile(
            rf"\b(?:said|commented|stated|added)\s+(?P<role>(?:[A-Z][\w’'-]+\s+){{0,3}}?{_ROLE_WORDS}[\w\s,&]*?)\s+"
            rf"{_PERSON_NAME}\s*[.,]"
        ),
    ),
    # Drammen CEO Ingrid Solberg said ...; Drammen's CEO, Ingrid Solberg, commented
    (
        _VERB_CUE,
        re.compile(
            rf"(?<!\w)(?<![A-Za-z][’'-])(?P<role>(?:[A-Z][\w’'-]+\s+){{0,3}}?{_ROLE_WORDS}(?:\s+(?:and|of|&)\s+\w+)*),?\s+"
            rf"{_PERSON_NAME}(?:,\s+|\s+)(?:said|says|commented|stated|added)\b"
        ),
    ),
    # (TSE: 4503, President and CEO: Haruki Sato, Ph.D., "Kessel")
    (
        _COLON_NAME_CUE,
        re.compile(
            rf"(?<![\w-])(?P<role>(?:(?:[A-Z][\w’'&-]*|and|&|of),?\s+){{0,5}}?{_ROLE_WORDS}"
            rf"(?:[\s,&]+[A-Z][\w’'&-]*)*)"
            rf"\s*:\s*(?:{_PERSON_TITLES}\s+)?{_PERSON_NAME}{_CREDENTIALS}\s*(?=[;,)])"
        ),
    ),
    # Dr. Karl Ziegelbauer, Head ... (not in a quote attribution)
    (
        _TITLE_CUE,
        re.compile(
            rf"{_PERSON_TITLES}\s+{_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>{_ROLE_WORDS}[^\"“”\n.]{{0,120}})"
        ),
    ),
]
# In running text only (a contact block has its own reading): "Ida Brandt, M.D., Chief
# Medical Officer of Kessel", "Ida Brandt has been appointed Chief Financial Officer".
PROSE_ROLE_RES = [
    (
        _ROLE_AFTER_COMMA_CUE,
        re.compile(
            rf"(?<![\w.’'-]){_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>(?:the\s+)?{_ROLE_WORDS}"
            r"[^\"“”\n.;()]{0,120})"
        ),
    ),
    (
        _APPOINTED_CUE,
        re.compile(
            rf"(?<![\w.’'-]){_PERSON_NAME}{_CREDENTIALS},?\s+(?:has\s+been|was|is)\s+(?:appointed"
            rf"|named|promoted\s+to)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
            rf"(?P<role>{_ROLE_WORDS}[^\"“”\n.;()]{{0,100}})"
        ),
    ),
]
CONTACT_LINE_RE = re.compile(
    rf"^\s*(?:[Cc]ontacts?:\s*)?(?:{_PERSON_TITLES}\s+)?"
    rf"(?P<person>[A-Z][\w’'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'\-]+)?\s+[A-Z][\w’'\-]+)"
    rf"{_CREDENTIALS}\s*(?:,\s*(?P<rest>.*))?$",
    re.M,
)
_NOT_PERSON_WORDS = frozenset(
    [
        "about",
        "for",
        "media",
        "investors",
        "investor",
        "contact",
        "contacts",
        "source",
        "the",
        "and",
        "inc",
        "corp",
        "ltd",
        "company",
        "press",
        "release",
        "relations",
        "communications",
        "corporate",
        "business",
        "development",
        "phone",
        "tel",
        "fax",
        "email",
        "new",
        "york",
        "san",
        "diego",
        "united",
        "states",
        "food",
        "drug",
        "administration",
        # a web page's furniture: "Market Snapshot", "Related Links", "Email Alerts"
        "market",
        "snapshot",
        "related",
        "links",
        "subscribe",
        "alerts",
        "share",
        "print",
        "login",
    ]
)


# A company's own organs are not organisations: "the Supervisory Board (Aufsichtsrat)", "the
# Board of Directors of Kessel", "Joint Steering Committee".
GOVERNANCE_RE = re.compile(
    r"(?i)(?:^|\s)(?:board\s+of\s+(?:directors|management|trustees|governors|supervisors|statutory)"
    r"|(?:supervisory|management|executive|advisory|steering|audit|compensation|remuneration"
    r"|nominations?|nominating|governance|monitoring|directors['’]?|administrative)"
    r"\s+(?:board|committee|council)|(?:annual|extraordinary|general|shareholders['’]?)\s+"
    r"(?:general\s+)?meeting)(?:\s|$)"
    r"|^(?:the\s+)?(?:board|committee|trustees|aufsichtsrat|vorstand|verwaltungsrat|hauptversammlung"
    r"|directoire|raad\s+van\s+\w+|conseil\s+d\W\w+|conseil\s+de\s+\w+|styrelsen?)$"
)
# Nouns of a deal: "the Kessel-Orvane Collaboration", "Collaboration and License Agreement" name
# a contract, never a company.
_DEAL_NOUN = re.compile(
    r"(?i)\b(?:collaborations?|agreements?|licen[cs]es?|transactions?|mergers?|programs?|programmes?"
    r"|offers?|acts?|deals?|joint\s+ventures?|notes|closing)$"
    r"|\b(?:collaboration|agreement|transaction|deal)\b"
)
# Legal forms that name a different company than the bare name does (the schema keeps 'X KGaA'
# and 'X' apart): the bare name is never an alias of them.
_IDENTITY_SUFFIX = Gated(re.compile(r"\bKGaA\b"), ("KGaA",))


# Words of a company's name, never of a person's.
# A legal form counts in its own case and as a word of its own: "Se-Chang" is a given name,
# not a Societas Europaea.
_COMPANY_WORD = re.compile(
    rf"(?<![\w-])(?:{_SUFFIX_WORD})(?![\w-])|(?i:\b(?:Therapeutics|Pharmaceuticals?|Pharma|Biosciences?|Biotech|Biopharma"
    r"|Biologics|Laboratories|Labs|Genomics|Genetics|Medicines|Diagnostics|Holdings|Group|Capital"
    r"|Partners|University|Institute|Hospital|Foundation)\b)"
)
_HONORIFICS = frozenset(["dr", "mr", "mrs", "ms", "prof"])
# Words of a job title: a "name" made of them is a role line in a contact block.
_ROLE_NAME_WORDS = frozenset(
    ["ceo", "cfo", "coo", "cso", "cmo", "president", "chief", "officer", "executive", "director",
     "vice", "senior", "manager", "head", "chairman", "vp", "svp", "evp"]
)  # fmt: skip


@dataclass
class OrgRecord:
    name: str
    forms: set[str] = field(default_factory=set)
    ticker: str | None = None
    exchange: str | None = None
    first: int = 10**9
    agency: bool = False
    parent: OrgRecord | None = None  # "Kessel Ventures, a subsidiary of Kessel": Kessel


@dataclass
class PersonRecord:
    name: str
    role: str | None
    organization: str | None
    start: int


# A page label glued to a name in text that lost its line breaks: "FOR IMMEDIATE RELEASE Kessel".
_RELEASE_LABEL = re.compile(
    r"^(?i:(?:for\s+)?immediate\s+release|press\s+release|news\s+release)\s+"
)
_TRAILING_NOISE = frozenset(["and", "&", "of", "for", "de", "the"])


# "New York University": "New" opens a place's name there, not a sentence's words.
_PLACE_NAMED_NEW = re.compile(
    r"New\s+(?:York|Jersey|England|Zealand|Mexico|Hampshire|Haven|Delhi|South|Brunswick|Orleans)\b"
)


# "Professor Ida Brandt of Kessel University": a person, titled, and where she works
_PERSON_OF = re.compile(
    rf"{_PERSON_TITLES}\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:of|at|from)\s+(?P<org>\S.*)$", re.S
)


# The patterns of clean_name, compiled here: it runs for every name any rule captures.
_POSSESSIVE_END = re.compile(r"['’]s?$")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}|^\d{1,2}[A-Z]")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}|^\d{1,2}[A-Z]")
_DIGIT = re.compile(r"\d")


def clean_name(raw: str) -> str | None:
    """Trim a captured name: leading sentence words, possessives, trailing punctuation."""
    raw = _RELEASE_LABEL.sub("", raw)
    person = _PERSON_OF.match(raw)
    if person is not None:
        raw = person.group("org")  # "Professor Ida Brandt of Kessel University": her university
    words = raw.replace("\n", " ").split()
    while (
        words
        and not _PLACE_NAMED_NEW.match(" ".join(words[:2]))
        and (
            words[0].lower().strip(",.") in _LEADING_NOISE
            or words[0]
            in ("I", "|")  # "USA I November 3, 2011 I Kessel, Inc.": the dateline's rule
            # "Japan's Kessel Pharma": where a company is, not its name
            or (
                len(words) > 1
                and words[0][-2:] in ("'s", "’s")
                and words[0][:-2].lower() in COUNTRIES
            )
            or (  # "Chinese Partner Kessel Pharma"
                words[0].lower() in NATIONALITIES
                and len(words) > 2
                and words[1].lower().strip(",.") in _LEADING_NOISE
            )
        )
    ):
        words.pop(0)
    # "South Korea's Kessel Pharma": a country of two words before the name
    if (
        len(words) > 2
        and words[1][-2:] in ("'s", "’s")
        and f"{words[0]} {words[1][:-2]}".lower() in COUNTRIES
    ):
        words = words[2:]
    while words and (
        words[-1].lower() in _TRAILING_NOISE or words[-1] in ("Co", "Pty", "Pte", "Sdn")
    ):
        words.pop()
    # "Kessel Pharmaceutical of Japan", "Kessel Holdings Co Ltd of Japan": where the company
    # is, after a name that already ends like a company's
    if (
        len(words) > 2
        and words[-2] == "of"
        and words[-1].lower().strip(",.") in COUNTRIES
        and (name_key(words[-3]) in _INDUSTRY_WORDS or name_key(words[-3]) in LEGAL_SUFFIXES)
    ):
        words = words[:-2]
    # "Kessel's US": a place after a possessive is no part of a name ("Kessel's US partner X");
    # "Fox Foundation for Parkinson's Research" goes on
    for i, word in enumerate(words[:-1]):
        rest = [w.lower().strip(",.") for w in words[i + 1 :]]
        if word[-2:] in ("'s", "’s") and all(w in COUNTRIES or w in NATIONALITIES for w in rest):
            words = words[: i + 1]
            break
    # "San Diego-based Kessel": the words up to "-based" say where it is
    described = (
        [i for i, w in enumerate(words[:-1]) if _DESCRIPTIVE_COMPOUND.search(w)]
        if "-" in raw
        else []
    )
    if described:
        words = words[described[-1] + 1 :]
    if not words or _DESCRIPTIVE_COMPOUND.search(words[-1]):
        return None  # "Ireland-headquartered" alone says where a company is, not its name
    name = " ".join(words)
    name = _POSSESSIVE_END.sub("", name).strip(" ,;:-–—\\")
    if len(name) < 2 or name.lower() in _NOT_ORG_WORDS or not _TWO_LETTERS.search(name):
        return None
    if _DIGIT.search(name) and not _THREE_LETTERS.search(name):
        return None  # "Q3 2019", never "3M" or "4SC"
    if _DEAL_NOUN.search(name) or GOVERNANCE_RE.search(name):
        return None
    return name


class OrgTable:
    """All organisations of a release, looked up by any of their name forms."""

    def __init__(self) -> None:
        self.records: list[OrgRecord] = []
        self._by_key: dict[str, OrgRecord] = {}
        # Pairs of records the text shows to be two organisations (a unit and its parent).
        self._apart: set[frozenset[int]] = set()
        self.version = 0  # bumped on every change of a name form: when to rebuild the pattern
        self.pattern_version = -1
        self.pattern: re.Pattern[str] | None = None

    def add(self, form: str, pos: int, *, agency: bool = False) -> OrgRecord | None:
        key = name_key(form)
        if not key or key in _NOT_ORG_WORDS or key in LEGAL_SUFFIXES:
            return None  # "AG" alone is a legal form, never a name
        if all(word in _INDUSTRY_WORDS for word in key.split()):
            return None  # "Biopharma Co., Ltd." after a bracket: a kind of company, no name
        record = self._by_key.get(key)
        if record is None:
            record = OrgRecord(form, agency=agency)
            self.records.append(record)
            self._by_key[key] = record
        record.forms.add(form)
        self.version += 1
        record.first = min(record.first, pos)
        return record

    def get(self, form: str) -> OrgRecord | None:
        return self._by_key.get(name_key(form))

    def starts_a_known_name(self, head: str) -> bool:
        """Whether a known organisation is named ``head`` or starts with it ("Kessel" of
        "Kessel Therapeutics, Inc.")."""
        key = name_key(head)
        return bool(key) and any(k == key or k.startswith(key + " ") for k in self._by_key)

    def forget(self, record: OrgRecord) -> None:
        """Drop a record that turned out not to be an organisation."""
        self.version += 1
        self.records = [r for r in self.records if r is not record]
        for key in [k for k, v in self._by_key.items() if v is record]:
            del self._by_key[key]

    def drop_form(self, record: OrgRecord, form: str) -> None:
        """Drop one name form that turned out not to be a name of ``record``."""
        record.forms.discard(form)
        if self._by_key.get(name_key(form)) is record and not any(
            name_key(f) == name_key(form) for f in record.forms
        ):
            del self._by_key[name_key(form)]
        self.version += 1

    def keep_apart(self, a: OrgRecord, b: OrgRecord) -> None:
        if a is not b:
            self._apart.add(frozenset((id(a), id(b))))

    def apart(self, a: OrgRecord, b: OrgRecord) -> bool:
        """Two records never to be merged: the text sets them apart, or one is a KGaA and the
        other is not (Kessel KGaA and Kessel are two companies)."""
        if frozenset((id(a), id(b))) in self._apart:
            return True
        return _has_identity_suffix(a.forms) != _has_identity_suffix(b.forms)

    def merge(self, keep: OrgRecord, drop: OrgRecord) -> None:
        if keep is drop or self.apart(keep, drop):
            return
        for pair in [p for p in self._apart if id(drop) in p]:
            (other,) = pair - {id(drop)}
            self._apart.add(frozenset((id(keep), other)))
        keep.parent = keep.parent or drop.parent
        for record in self.records:
            if record.parent is drop:
                record.parent = keep
        keep.forms |= drop.forms
        self.version += 1
        keep.ticker = keep.ticker or drop.ticker
        keep.exchange = keep.exchange or drop.exchange
        keep.first = min(keep.first, drop.first)
        keep.agency = keep.agency and drop.agency
        self.records = [r for r in self.records if r is not drop]
        for key, value in list(self._by_key.items()):
            if value is drop:
                self._by_key[key] = keep

    def alias(self, record: OrgRecord, form: str) -> None:
        key = name_key(form)
        if not key:
            return
        if _bare_name_of_identity(record, form):
            return  # "Kessel" is not a name of "Kessel KGaA"
        other = self._by_key.get(key)
        if other is not None and other is not record:
            if self.apart(record, other):
                return
            self.merge(record, other)
        record.forms.add(form)
        self.version += 1
        self._by_key[key] = record


def _has_identity_suffix(forms: set[str]) -> bool:
    # (the gate's word tested here first: this runs for every pair of records compared)
    return any(_IDENTITY_SUFFIX.search(f) for f in forms if "KGaA" in f)


def _bare_name_of_identity(record: OrgRecord, form: str) -> bool:
    """Is ``form`` the name of a KGaA ('Kessel KGaA') without its identity-bearing legal form?"""
    if _IDENTITY_SUFFIX.search(form):
        return False
    key = name_key(form).split()
    return any(
        name_key(f).split()[: len(key)] == key for f in record.forms if _IDENTITY_SUFFIX.search(f)
    )


def find_organizations(
    text: str, sentences: list[Sentence], excluded: set[str], body_start: int
) -> OrgTable:
    """Every organisation with evidence; ``excluded`` holds compound and person names (keys)."""
    table = OrgTable()
    tickers = stated_tickers(text)
    accept = _Filter(tickers, excluded)
    contact_regions = [
        (m.start(), m.start() + 400) for m in CONTACT_HEAD_RE.finditer(text, 0, max(body_start, 0))
    ]
    headlines, body = [], []
    for s in sentences:
        if (s.zone == "head" and s.end <= body_start) or _headline_like(s):
            in_contacts = any(a <= s.start < b for a, b in contact_regions)
            if not in_contacts and not _looks_like_contact(s.text):
                headlines.append(s)
        else:
            body.append(s)
        for m in _GATED_AGENCY_UPPER.finditer(s.text):
            name = _title_case(m.group("name"))
            record = table.add(_strip_country(name), s.start + m.start(), agency=True)
            if record is not None and _strip_country(name) != name:
                table.alias(record, name)
    for s in body:
        _read_sentence(s, text, table, accept)
    known = {name_key(f) for r in table.records for f in r.forms}
    for s in headlines:
        _strong_names(s, table, accept, known)
        _headline_pair(s, text, table, accept)
        _headline_counterparty(s, text, table, accept)
    _release_subject(text, body_start, table, accept)
    _lower_case_names(text, tickers, table, accept)
    _names_before_ticker_lists(text, [t for t in tickers if t.start() >= body_start], table, accept)
    _exchange_tickers(text, tickers, table)
    _owners_of_products(text, table, accept, excluded)
    _comma_names(text, table, accept)
    _split_a_known_name_off(text, table)
    _names_that_define_their_short_form(text, table, accept)
    _alias_definitions(text, table, excluded)
    _names_spelled_by_known_acronyms(text, table, accept)
    _units_and_parents(text, table, accept)
    _drop_truncated(text, table)
    _drop_lists(table)
    _drop_defined_terms(text, table)
    _group_forms(text, table)
    _ampersand_initials(text, table)
    _choose_names(text, table)
    return table


_OPENS_WITH_TITLE = re.compile(_PERSON_TITLES)


class _Filter:
    """What may be an organisation's name: not a compound or a person, a wire service, a
    ticker ('KSSL' of 'KSSL Kessel SE' on a quote page), a governance body or a deal."""

    def __init__(self, tickers: list[re.Match[str]], excluded: set[str]) -> None:
        self.excluded = excluded
        self.tickers = {m.group("ticker") for m in tickers}

    def __call__(self, name: str | None) -> str | None:
        if name is None:
            return None
        words = name.split()
        while len(words) > 1 and words[0] in self.tickers and _names_something(words[1:]):
            words.pop(0)
        name = " ".join(words)
        if name_key(name) in self.excluded or WIRE_NAMES.match(name):
            return None
        if words[0].lower().strip(",.") in self.excluded:
            return None
        if _OPENS_WITH_TITLE.match(name):
            return None  # "Professor Ida Brandt": a person
        return name


# What a company is, never its name alone ("SIGA Technologies" without "SIGA").
_KINDS_OF_COMPANY = frozenset(
    ["technologies", "technology", "pharmaceuticals", "pharmaceutical", "pharma", "therapeutics",
     "biosciences", "bioscience", "biotech", "biopharma", "biologics", "holdings", "group",
     "laboratories", "labs", "medical", "health", "healthcare", "sciences", "life sciences",
     "biotherapeutics", "oncology", "genomics", "diagnostics", "medicines"]
)  # fmt: skip


def _names_something(words: list[str]) -> bool:
    """Do the words after a ticker name a company ('KesselBio SE'), not only its legal form
    ('plc' of 'KSL plc', where the ticker is the name)?"""
    if not words[0][:1].isupper() or name_key(words[0]) in LEGAL_SUFFIXES | {"se", "kgaa"}:
        return False
    # "KSL Biotech AG": a ticker that is the first word of the name ("Biotech" names nothing)
    bare = [w for w in words if name_key(w) not in LEGAL_SUFFIXES | {"se", "kgaa"}]
    # "SIGA Technologies (Nasdaq: SIGA)": a ticker before a bare kind of company is the name's
    rest = name_key(" ".join(bare))
    return rest not in _NOT_ORG_WORDS and rest not in _KINDS_OF_COMPANY


_ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?:;\"”)]$")


def _headline_like(s: Sentence) -> bool:
    """A line in title case without a full stop: a headline repeated below the dateline
    ('Kessel Therapeutics Announces Orvane Notified Co. Of Its Decision')."""
    line = s.text.strip()
    if "\n" in line or _ENDS_LIKE_A_SENTENCE.search(line):
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 5:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _ticker_matches(text: str) -> list[re.Match[str]]:
    """Every name before a stated ticker; a name led by digits ('4Kessel Therapeutics') whole,
    never its capitalised tail alone."""
    found = list(_GATED_TICKER.finditer(text))
    if not found or not _DIGIT_LED.search(text):
        return found
    digits = list(_DIGIT_TICKER_RE.finditer(text))
    inside = [m for m in found if any(d.start() < m.start() < d.end() for d in digits)]
    return sorted([*digits, *(m for m in found if m not in inside)], key=lambda m: m.start())


def _read_sentence(s: Sentence, text: str, table: OrgTable, ok: _Filter) -> None:
    """Every kind of evidence for a name in one sentence of running text."""
    base = s.start
    for m in suffix_matches(s.text):
        if _is_the_company(m.group("name"), m.group("suffix")):
            continue
        raw = _next_line_only(text, base + m.start("name"), m.group("name"))
        names = _joined_names(clean_name(_after_connector(raw)), m.group("suffix"))
        for i, found in enumerate(names):
            name = ok(found)
            if name and i < len(names) - 1:
                table.add(name, base + m.start())  # "Kessel Therapeutics and Orvane Company"
            elif name:
                _add_with_suffix(table, name, _suffix_of(m), m.group("suffix"), base + m.start())
    for m in _ticker_matches(s.text):
        name = ok(clean_name(_next_line_only(text, base + m.start("name"), m.group("name"))))
        record = table.add(name, base + m.start()) if name else None
        if record is not None and record.ticker is None:
            record.ticker, record.exchange = m.group("ticker"), _exchange(m.group("exchange"))
    for m in _GATED_BARE_TICKER.finditer(s.text):
        name = ok(clean_name(_next_line_only(text, base + m.start("name"), m.group("name"))))
        record = table.add(name, base + m.start()) if name else None
        if record is not None and record.ticker is None:
            record.ticker = m.group("ticker")
    for m in _GATED_AGENCY.finditer(s.text):
        if _TICKER_AFTER.match(s.text, m.end()):
            continue  # "(Frankfurt Stock Exchange: KBT)": where the shares trade
        if _OWN_UNIT_BEFORE.search(s.text, max(0, m.start() - 6), m.start()):
            continue  # "through its Research Centre": a part of the company, not another one
        for raw, offset in _agencies_in(m.group("name")):
            raw = _without_product(raw, ok)
            name = ok(clean_name(_EXCHANGE_TAIL.sub("", raw)))
            if not name or len(name.split()) < 2 or not _agency_ok(name):
                continue
            # Universities and institutes sign deals and take money; regulators do not.
            regulator = not _ACADEMIC_HEAD.search(name)
            end = m.start() + offset + len(raw)
            place = _PLACE_AFTER_HEAD.match(s.text, end)
            if not regulator and place and _ACADEMIC_HEAD.fullmatch(raw.split()[-1]):
                name += place.group(0)
            record = table.add(_strip_country(name), base + m.start() + offset, agency=regulator)
            if record is not None and _strip_country(name) != name:
                table.alias(record, name)
            country = _COUNTRY_BEFORE.match(raw)
            if record is not None and country and not name.startswith(country.group(0)):
                table.alias(record, country.group(0) + name)  # "US Food and Drug Administration"
    for m in _GATED_REGULATOR.finditer(s.text):
        table.add(m.group(0), base + m.start(), agency=True)
    for m in _GATED_APPOSITION.finditer(s.text):
        if m.group("group"):
            group = ok(clean_name(m.group("group")))
            if group:
                record = table.add(group, base + m.start())
                if record is not None:
                    table.alias(record, f"{group} Group")
        for key in ("parent", "owner", "origin"):
            name = ok(clean_name(m.group(key) or ""))
            if name and not _DESCRIPTIVE_COMPOUND.search(name):
                table.add(name, base + m.start())
    for m in _GATED_INDUSTRY_NAME.finditer(s.text) if s.zone in ("body", "about") else ():
        name = ok(clean_name(m.group(0)))
        if name and len(name.split()) >= 2 and _plausible_cue_name(name, text):
            table.add(name, base + m.start())
    opening = contains_any(s.text, _OPENING_WORDS)
    for cue in (*GATED_CUES, OPENING_RE) if opening else GATED_CUES:
        money_cue = id(cue) in _MONEY_CUE_IDS
        for m in cue.finditer(s.text):
            for key in ("x", "y", "z"):
                if key in cue.groupindex and m.group(key):
                    if _REGION_BASED_NEXT.match(s.text, m.end(key)):
                        continue  # "a deal with Lyon, France-based Tenby": Lyon is a place
                    if _RIGHTS_HELD_TO.search(
                        s.text, max(0, m.start(key) - 80), m.start(key)
                    ) and not _POSSESSIVE_NEXT.match(s.text, m.end(key)):
                        continue  # "Kessel gained rights to Veltrax in Japan": a product
                    raw = m.group(key)
                    raw = _CODE_AFTER_CONNECTOR.sub("", raw) if " " in raw else raw
                    # "the license agreement with Kessel for ZUMAB": the product is no name
                    raw = _without_product(raw, ok) if " " in raw else raw
                    name = ok(clean_name(raw))
                    # what a majority of is bought is one company ("a 100% stake in X and Y
                    # Limited"), never two
                    parts = [(name, 0)] if key == "z" and name else _two_names(name, table)
                    for part, offset in parts:
                        if _plausible_cue_name(part, text, acronym=money_cue) and ok(part):
                            table.add(part, base + m.start(key) + offset)
    for m in DEALS_WITH_LIST_RE.finditer(s.text) if "s with " in s.text else ():
        if m.start() and s.text[m.start() - 1].isalnum():
            continue  # a word boundary, tested here: faster than in the pattern
        for item in split_list(m.group("items")):
            name = ok(clean_name(item))
            if name and _plausible_cue_name(name, text):
                table.add(name, base + m.start("items"))
    listed = contains_any(s.text, ("companies", "firms", "biotechs", "drugmakers"))
    for m in COMPANIES_LIST_RE.finditer(s.text) if listed else ():
        for item in split_list(m.group("items")):
            name = ok(clean_name(item))
            if name and _plausible_cue_name(name, text):
                table.add(name, base + m.start("items"))
    for m in PARTNERS_OF_RE.finditer(s.text) if _lists_partners_of(s.text) else ():
        for item in split_list(m.group("items")):
            name = ok(clean_name(item))
            if name:
                table.add(name, base + m.start("items"))
    for m in PARTNER_LIST_RE.finditer(s.text) if _PARTNER_WORDS.search(s.text) else ():
        for item in split_list(m.group("items")):
            name = ok(clean_name(item))
            if name:
                table.add(name, base + m.start("items"))
    for m in INVESTOR_LIST_RE.finditer(s.text) if _INVESTOR_WORDS.search(s.text) else ():
        for item in split_list(m.group("items"), initials=True):
            name = ok(clean_name(item))
            if name and (_FIRM_WORD.search(name) or SUFFIX_RE.fullmatch(name) or table.get(name)):
                table.add(name, base + m.start("items"))  # never the people among them
    for m in _ADVISERS.finditer(s.text) if contains_any(s.text, ("advis", "counsel")) else ():
        for key in ("x", "y"):
            name = ok(clean_name(_one_firm(m.group(key) or "")))
            for part, offset in _two_names(name):  # "A & B and C & D providing legal advice"
                if not re.search(r"\d", part):
                    table.add(part, base + m.start(key) + offset)


# Who advises on a deal, in the paragraph every M&A release ends with: "RBC Capital Markets is
# serving as exclusive financial advisor to Kessel", "Lazard is the financial adviser to
# Kessel", "with Cravath, Swaine & Moore acting as legal counsel". A bank or a law firm is an
# organisation; a firm's name may hold commas before its last "&". The adviser is financial,
# legal or of another kind of deal work: never a person's title ("General Counsel").
_ADVISER_KIND = (
    r"(?:(?:exclusive|sole|lead|joint|special|independent)\s+)*"
    r"(?:financial|legal|strategic|transaction|M&A|investment|tax|patent|intellectual\s+property)"
    r"(?:\s+(?:and|&)\s+(?:financial|legal|strategic))?\s+(?:advis[oe]rs?|counsel|advice)"
)
_FIRM_SUFFIX = r"(?:LLP|LLC|L\.L\.P\.|Inc\.?|Ltd\.?|plc)"
_FIRM = rf"{ORG_SEQ}(?:,\s+{ORG_SEQ})*(?:,?\s+{_FIRM_SUFFIX})?"
_ADVISERS = re.compile(
    rf"(?P<x>{_FIRM})\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
    rf"(?:(?:acting|serving|served|acted|retained|engaged|appointed)\s+)?(?:as\s+)?"
    rf"(?:the\s+|an?\s+|its\s+|{ORG_SEQ}(?:['’]s?)?\s+)?(?:{_ADVISER_KIND}\b|advising\b)"
    rf"|\bwith\s+(?P<y>{_FIRM})\s+(?:acting|serving|providing)\s+(?:as\s+)?"
    rf"(?:the\s+|an?\s+)?{_ADVISER_KIND}\b"
)


def _one_firm(name: str) -> str:
    """'Cravath, Swaine & Moore' is one firm; 'Kessel, Orvane' names two, and the adviser is
    the last."""
    if "," in name and "&" not in name.rsplit(",", 1)[-1]:
        tail = name.rpartition(",")[2]
        if not re.fullmatch(_FIRM_SUFFIX, tail.strip()):
            return tail.strip()
    return name


_OWN_UNIT_BEFORE = re.compile(r"\b(?:its|their|our)\s+$")


def release_subject(text: str, body_start: int) -> tuple[int, str] | None:
    """Where the subject of the release's first sentence, right after its dateline, starts,
    and its words; an owner before it ("AstraZeneca's Alexion said") is no part of them."""
    m = _RELEASE_SUBJECT.match(text, body_start) if body_start >= 0 else None
    if m is None:
        return None
    raw = re.split(r"['’]s\s+", m.group("x"))[-1]
    return m.end("x") - len(raw), raw


def _release_subject(text: str, body_start: int, table: OrgTable, ok: _Filter) -> None:
    """The subject of the release's first sentence is a company."""
    found = release_subject(text, body_start)
    name = ok(clean_name(found[1])) if found else None
    words = name.split() if name else []
    if found and name and not all(w.lower() in _NOT_ORG_WORDS for w in words) and len(words) <= 4:
        table.add(name, found[0])


_TWO_WORD_FIRM = re.compile(r"([A-Z])[\w'’-]*\s+(?:&|and)\s+([A-Z])[\w'’-]*")


def _ampersand_initials(text: str, table: OrgTable) -> None:
    """'P&G' of 'Procter & Gamble', 'J&J' of 'Johnson & Johnson': a firm of two names joined
    by '&' goes by their initials so joined."""
    if "&" not in text:
        return
    for record in list(table.records):
        for form in list(record.forms):
            m = _TWO_WORD_FIRM.fullmatch(form)
            initials = f"{m.group(1)}&{m.group(2)}" if m else ""
            if m and compiled(rf"(?<![\w&]){initials}(?![\w&])").search(text):
                table.alias(record, initials)


_NAME_BEFORE_ACRONYM = re.compile(rf"(?P<name>{ORG_SEQ})\s*\((?P<acronym>[A-Z]{{2,6}})\)")


def _names_spelled_by_known_acronyms(text: str, table: OrgTable, ok: _Filter) -> None:
    """'Bristol Myers Squibb (BMS)' where the text names BMS as a company: the words its
    initials spell are that company's full name."""
    if "(" not in text:
        return
    # The acronyms first: the name pattern, tried at every capital of the text, finds nothing
    # to do unless one of them is a company's (most releases name none in brackets).
    acronyms = {bracket.group(0)[1:-1] for bracket in _ACRONYM_IN_BRACKETS.finditer(text)}
    if not any((r := table.get(a)) is not None and not r.agency for a in acronyms):
        return
    for m in _NAME_BEFORE_ACRONYM.finditer(text):
        record = table.get(m.group("acronym"))
        if record is None or record.agency or table.get(m.group("name")) is not None:
            continue
        name = ok(clean_name(m.group("name")))
        if name and len(name.split()) >= 2 and _initials(name) == m.group("acronym"):
            table.alias(record, name)


def _two_names(name: str | None, table: OrgTable | None = None) -> list[tuple[str, int]]:
    """'Japan Tobacco and Torii Pharmaceutical' after 'from': two companies of two words or
    more each ('Johnson and Johnson', 'Bill and Melinda Gates Foundation' stay one name), or
    a one-word name after a company already known ('partners Onyx Pharmaceuticals and
    Bayer'; never an industry word: 'Bharat Serums and Vaccines Limited' is one name)."""
    if name is None:
        return []
    head, joined, rest = name.partition(" and ")
    if not joined or " and " in rest:
        return [(name, 0)]
    known = (
        table is not None
        and len(rest.split()) == 1
        and name_key(rest) not in _INDUSTRY_WORDS  # "Bharat Serums and Vaccines": one name
        and table.get(head) is not None
        and table.get(rest) is None
    )
    if (len(head.split()) >= 2 and len(rest.split()) >= 2) or known:
        return [(head, 0), (rest, len(head) + len(joined))]
    return [(name, 0)]


def _next_line_only(text: str, pos: int, name: str) -> str:
    """'Ida Brandt\nKessel Bio, Inc.' in a contact block: a name never runs on from a line
    of its own (a wrapped name starts after other words on its line). 'Cambridge, UK Kessel
    Bio': the country ends the dateline's place, the name starts after it."""
    name = _after_place(text, pos, name)
    if "\n" not in name or not (pos == 0 or text[pos - 1] == "\n"):
        return name
    lines = name.split("\n")
    if re.fullmatch(r"[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]*", lines[-2]):
        return lines[-1].strip()  # a person's name on the line above
    return name


_PLACE_BEFORE = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")


def _after_place(text: str, pos: int, name: str) -> str:
    """'Cambridge, UK Kessel Bio' -> 'Kessel Bio': a country (or a state's code) after a place
    and a comma, where the text also names the company without it ('Orvane, Japan Kessel
    Inc.' in a list is a company of its own name)."""
    words = name.split()
    for n in (2, 1):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if (
            len(words) > n
            and (head.lower() in COUNTRIES or re.fullmatch(r"[A-Z]{2}", head))
            and _PLACE_BEFORE.search(text, max(0, pos - 40), pos)
            and any(
                not text[max(0, m.start() - len(head) - 1) : m.start()].strip().endswith(head)
                for m in _occurrences(text, rest)
            )
        ):
            return rest
    return name


# "Kessel Therapeutics and Orvane Pharmaceutical Company": a name that ends in an industry noun
# is complete, so the "and" after it joins two companies.
_JOINED = re.compile(
    r"^(?P<first>.+?\b(?:Therapeutics|Pharmaceuticals?|Pharma|Biosciences|Biotherapeutics|Biologics"
    r"|Biotech|Biopharma|Bio|Genomics|Genetics|Medicines|Laboratories|Diagnostics|Group|Holdings))"
    r"\s+(?:and|&)\s+"
    r"(?P<second>[A-Z].*)$"
)


def _joined_names(name: str | None, suffix: str) -> list[str]:
    """The companies a suffix match names: 'Kessel Therapeutics and Orvane' before 'Company'
    is two; so is 'Kessel and Orvane' before '& Co.' (the suffix has its own "and")."""
    if name is None:
        return []
    m = _JOINED.match(name)
    if m:
        return [m.group("first"), m.group("second")]
    if suffix[:1] in "&a":
        parts = re.split(r"\s+(?:and|&)\s+", name)
        return [p for p in parts if p]
    return [name]


def _suffix_of(m: re.Match[str]) -> str:
    """', Inc.' of 'Kessel, Inc.': what follows the name in a suffix match."""
    return m.group(0)[m.end("name") - m.start() :]


def _add_with_suffix(table: OrgTable, name: str, tail: str, suffix: str, pos: int) -> None:
    """'Kessel Bio B.V.' and its bare name 'Kessel Bio'; never the bare name of a KGaA."""
    head, joined, rest = name.partition(" and ")
    if joined and rest and head.lower() in COUNTRIES:
        name, pos = rest, pos + len(head) + len(joined)  # "Berlin, Germany and Kessel Ltd"
    elif joined and rest and table.get(name) is None and table.starts_a_known_name(head):
        # "Kessel and Orvane Pharma AG will each …" where the text already named Kessel: two
        # companies, not one called "Kessel and Orvane Pharma"
        name, pos = rest, pos + len(head) + len(joined)
    full = " ".join(f"{name}{tail}".split())
    written = [full, name]  # as the text writes them: how its mentions are found
    if name.isupper() and len(name) > 4:
        name, full = _title_case(name), _title_case(full)
    record = table.add(full, pos)
    if record is not None and not _IDENTITY_SUFFIX.search(suffix):
        table.alias(record, name)
        for form in written:
            if form not in (full, name):
                table.alias(record, form)


def _strong_names(s: Sentence, table: OrgTable, ok: _Filter, known: set[str]) -> None:
    """Headlines are title case, so only a legal suffix marks a name there, and words in front
    of a name the text uses elsewhere are the headline's ('Rights to Use Kessel, Inc.')."""
    for m in SUFFIX_RE.finditer(s.text):
        name = ok(clean_name(m.group("name")))
        if not name or _is_the_company(m.group("name"), m.group("suffix")):
            continue
        words = name.split()
        tail = next((i for i in range(len(words)) if name_key(" ".join(words[i:])) in known), None)
        if tail is not None:
            name = " ".join(words[tail:])
        elif len(words) > 3:
            continue
        _add_with_suffix(table, name, _suffix_of(m), m.group("suffix"), s.start + m.start())


# "Kessel and Orvane Announce a Licence": two names, each at most four words, that a headline
# opens with as the subject of a deal's verb.
_HEADLINE_PAIR = re.compile(
    rf"^[ \t]*(?P<x>{_CAP}(?:[ \t]+{_CAP}){{0,3}}?)[ \t]+(?:and|&)[ \t]+"
    rf"(?P<y>{_CAP}(?:[ \t]+{_CAP}){{0,3}}?)[ \t]+(?:Jointly[ \t]+)?"
    r"(?:Announce|Enter|Sign|Form|Agree|Expand|Extend|Amend|Establish|Complete|Collaborate"
    r"|Partner|Team)\b"
)


def _headline_pair(s: Sentence, text: str, table: OrgTable, ok: _Filter) -> None:
    """A headline's title case marks no name, so each of the pair must also be written, as
    it is, in the text after the headline ('Kessel will take an equity stake'); a name the
    body gives in full ('Orvane Pharmaceutical') needs no short form from here."""
    m = _HEADLINE_PAIR.match(s.text)
    if m is None:
        return
    for group in ("x", "y"):
        name = ok(clean_name(m.group(group)))
        if name and _new_and_written_again(name, text, s.end, table, any_case=False):
            table.add(name, s.start + m.start(group))


# "… Collaboration With Kessel", "… Milestone Payment From Kessel Pharma for AV-101": the
# other party of a deal, named after the deal's noun and "with" or "from" in a headline.
_HEADLINE_COUNTERPARTY = re.compile(
    r"\b(?:Agreements?|Collaboration|Deal|Partnership|Alliance|Licen[cs]e|Licensing|Pact|Payments?"
    r"|Milestones?|Option|Settlement|Contract|Funding|Investment|Grant)\s+(?:[Ww]ith|[Ff]rom)\s+"
    rf"(?P<x>{_CAP}(?:[ \t]+{_CAP}){{0,3}}?)"
    r"(?=[ \t]*$|[ \t]*[,;:(]|[ \t]+(?:[Ff]or|[Oo]n|[Tt]o|[Ii]n|[Tt]hat|[Tt]riggered)\b)"
)


def _headline_counterparty(s: Sentence, text: str, table: OrgTable, ok: _Filter) -> None:
    """The deal's other party after its noun in a headline ('Vaccine Collaboration With
    Kessel'), where the text after the headline names it too, in any case ('KESSEL' in a wire
    brief's capitals)."""
    m = _HEADLINE_COUNTERPARTY.search(s.text)
    name = ok(clean_name(m.group("x"))) if m else None
    if name and _new_and_written_again(name, text, s.end, table, any_case=True):
        table.add(name, s.start + m.start("x"))


def _new_and_written_again(
    name: str, text: str, after: int, table: OrgTable, *, any_case: bool
) -> bool:
    """A name a headline gives that no known organisation starts with, written again as a word
    of its own after the headline (with ``any_case``, in capitals too)."""
    flags = re.IGNORECASE if any_case else 0
    written = compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)
    return not table.starts_a_known_name(name) and written.search(text, after) is not None


# "kessel NV, today announced": a name in lower case with its legal form, opening the release
# after the dateline or a sentence.
# The legal forms after a lower-case name: searched first, for they are rare; the name is then
# read back from each ("kessel NV, today announced", "the acquisition of iKessel, Inc.").
_LEGAL_FORM_AFTER_WORD = re.compile(
    r"(?<=[a-z0-9]),?[ \t]+(?P<suffix>N\.?V\.|NV|AG|SA|S\.A\.|Inc\.|plc|GmbH|AB|A/S|Ltd\.|LLC|SE"
    r"|B\.V\.|BV)(?=[\s,])"
)
_LOWER_NAME_BEFORE = re.compile(r"(?<![\w-])(?P<name>[a-z][a-z0-9]*(?:[A-Z][\w-]*)?)$")
# Where a release or a sentence opens, before a name.
_OPENS_BEFORE = re.compile(r"(?:^|--|[–—]|[.!?]\s|\n)\s*$")


# "Amgen's Neupogen", "Abbott Laboratories' Humira": the maker before a product's name.
_OWNER_OF = re.compile(
    rf"(?P<owner>{_START}[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){{0,2}})['’]s?\s+"
    r"(?P<product>[A-Z][\w-]{2,})"
)


def _owners_of_products(text: str, table: OrgTable, ok: _Filter, excluded: set[str]) -> None:
    """The company a possessive puts before a compound the text names is its maker; before a
    company, its owner ("AstraZeneca's Alexion")."""
    if "'" not in text and "’" not in text:
        return
    for m in _OWNER_OF.finditer(text):
        product = m.group("product")
        if name_key(product) not in excluded and table.get(product) is None:
            continue
        name = ok(clean_name(m.group("owner")))
        if name and _plausible_cue_name(name, text):
            table.add(name, m.start("owner"))


# 'to DRI Healthcare Trust ("DRI Healthcare")': a name that defines its own short form is a
# company's (a product or a place is not given one).
_DEFINES_SHORT_FORM = re.compile(
    rf"(?P<name>{ORG_SEQ})\s*\(\s*(?:the\s+)?[\"“](?P<short>[A-Z][^\"”()]{{0,40}}?)[\"”]\s*\)"
)


def _names_that_define_their_short_form(text: str, table: OrgTable, ok: _Filter) -> None:
    if '("' not in text and "(“" not in text:
        return
    for m in _DEFINES_SHORT_FORM.finditer(text):
        name, short = m.group("name"), m.group("short")
        words, short_words = name_key(name).split(), name_key(short).split()
        prefix = bool(short_words) and len(short_words) < len(words)
        if not (prefix and words[: len(short_words)] == short_words):
            continue
        found = ok(clean_name(name))
        if found and _plausible_cue_name(found, text):
            table.add(found, m.start("name"))


# "Merck, Sharp and Dohme (MSD)": a name whose words are joined by commas, known by initials.
_COMMA_NAME = re.compile(
    r"(?<![\w-])(?P<full>(?P<first>[A-Z][\w-]+)(?:,\s+[A-Z][\w-]+)+,?\s+(?:and|&)\s+[A-Z][\w-]+)"
    r"\s*\((?P<acronym>[A-Z]{2,6})\)"
)
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z]{2,6}\)")


def _comma_names(text: str, table: OrgTable, ok: _Filter) -> None:
    """A comma-joined name its acronym spells out whole is one organisation, not its first word."""
    for bracket in _ACRONYM_IN_BRACKETS.finditer(text):  # rare: look back from each only
        m = _COMMA_NAME.search(text, max(0, bracket.start() - 80), bracket.end())
        if m is None or m.end() != bracket.end():
            continue
        words = [w for w in re.split(r"[\s,]+", m.group("full")) if w not in ("and", "&")]
        if "".join(w[0] for w in words) != m.group("acronym") or not ok(m.group("full")):
            continue
        first = table.get(m.group("first"))
        uses = len(re.findall(rf"(?<![\w-]){re.escape(m.group('first'))}(?![\w-])", text))
        if first is not None and first.forms == {m.group("first")} and uses == 1:
            table.forget(first)  # "Merck" was only the start of the longer name
        record = table.add(m.group("acronym"), m.start())
        if record is not None:
            table.alias(record, m.group("full"))


def _lower_case_names(
    text: str, tickers: list[re.Match[str]], table: OrgTable, ok: _Filter
) -> None:
    """'kesselbio (Nasdaq: KSSL)': a name in lower case, when the text also opens a sentence or
    a line with it (a plain word before a ticker, 'common stock', never does); 'kessel NV, today
    announced': one with its legal form where a release or sentence opens."""
    for form in _LEGAL_FORM_AFTER_WORD.finditer(text):
        word = _LOWER_NAME_BEFORE.search(text, max(0, form.start() - 40), form.start())
        if word is None:
            continue
        camel = re.match(r"[a-z]{1,3}[A-Z]", word.group("name")) is not None
        opens = _OPENS_BEFORE.search(text, max(0, word.start() - 4), word.start()) is not None
        if not (camel or (opens and len(word.group("name")) >= 3)):
            continue  # "kessel NV, today announced" opens a release; "iKessel, Inc." is anywhere
        name = ok(word.group("name"))
        if name and name.lower() not in _NOT_ORG_WORDS and name not in _LEADING_NOISE:
            record = table.add(name, word.start())
            if record is not None:
                table.alias(record, text[word.start() : form.end("suffix")])
    for ticker in tickers:
        window = max(0, ticker.start() - 60)
        m = LOWER_NAME_BEFORE_TICKER.search(text, window, ticker.start())
        if m is None:
            continue
        name = m.group("name")
        if name.lower() in _NOT_ORG_WORDS or name in _LEADING_NOISE:
            continue
        opening = compiled(
            rf"(?:^|[.!?][\"”’]?[ \t]+|\n[ \t]*(?:[-–•*][ \t]*)?){re.escape(name)}(?![\w-])", re.M
        )
        if not m.group("suffix") and opening.search(text) is None:
            continue
        record = table.add(ok(name) or "", m.start())
        if record is None:
            continue
        if m.group("suffix"):
            table.alias(record, f"{name}{text[m.end('name') : m.end('suffix')]}")
        if record.ticker is None:
            record.ticker = ticker.group("ticker")
            record.exchange = _exchange(ticker.group("exchange"))


_NAME_BEFORE_PAREN = re.compile(rf"(?P<name>{ORG_SEQ}(?:,?\s+{_SUFFIX})?)[ \t]*[(\[][^()\[\]]*$")


def _names_before_ticker_lists(
    text: str, tickers: list[re.Match[str]], table: OrgTable, ok: _Filter
) -> None:
    """'Kessel (KSL:DC / OMX: KSL B / KSLBY)': the name before a parenthesis that lists the
    company's tickers, the exchange's name not first among them."""
    for ticker in tickers:
        paren = max(text.rfind("(", 0, ticker.start()), text.rfind("[", 0, ticker.start()))
        if paren < 0 or ticker.start() - paren > 60 or ")" in text[paren : ticker.start()]:
            continue
        window = max(0, paren - 80, text.rfind("\n", 0, paren) + 1)  # on the line of the "("
        m = _NAME_BEFORE_PAREN.search(text, window, paren + 1)
        if m is None or (m.start() == window and window == paren - 80):
            continue
        name = ok(clean_name(_after_place(text, m.start(), m.group("name"))))
        if not name or len(name.split()) > 5:
            continue
        record = table.add(name, m.start())
        if record is not None and record.ticker is None:
            record.ticker = ticker.group("ticker")
            record.exchange = _exchange(ticker.group("exchange"))


def _title_case(name: str) -> str:
    """'REGENERON PHARMACEUTICALS, INC.' -> 'Regeneron Pharmaceuticals, Inc.'"""
    words = []
    for word in name.split():
        low = word.lower()
        if re.fullmatch(r"(?:[A-Z]\.)+,?|AG|SE|SA|NV|BV|AB|ASA|KGAA|PLC|LLC|LLP|LP", word):
            words.append(_LEGAL_CASE.get(word, word))  # "S.A.", "AG", "KGaA", "plc"
        else:
            words.append(low if low in ("and", "of", "for", "the") else word[:1] + word[1:].lower())
    return " ".join(words)


_LEGAL_CASE = {"KGAA": "KGaA", "PLC": "plc"}


def _after_connector(name: str) -> str:
    """'President of Research for Celgene' -> 'Celgene': a role is not part of the name."""
    parts = re.split(r"\s+(?:of|for|at)\s+", name)
    if len(parts) > 1 and not re.match(
        r"(?i)(?:university|bank|institute|school|college)\b",
        parts[-2].split()[-1] if parts[-2].split() else "",
    ):
        return parts[-1]
    return name


def _is_the_company(name: str, suffix: str) -> bool:
    return suffix == "Company" and name.strip().lower() in ("the", "a", "this", "our")


def _exchange(raw: str) -> str:
    low = raw.lower()
    if low.startswith("nasdaq"):
        return "Nasdaq"
    if low.startswith("nyse"):
        return "NYSE"
    if low == "euronext":
        return "Euronext"
    return raw


def _without_product(raw: str, ok: _Filter) -> str:
    """'European Medicines Agency for KSL-5195', 'Food and Drug Administration of Zumab': what
    an agency reviews or approves is not its name, nor what a deal with a company is for
    ('Kessel for ZUMAB')."""
    for joint in (" for ", " of "):
        head, sep, tail = raw.partition(joint)
        words = tail.split()
        if sep and words and (re.search(r"\d", tail) or name_key(words[0]) in ok.excluded):
            return head
    return raw


def _agencies_in(name: str) -> list[tuple[str, int]]:
    """'Halden Commission of Commerce and Halden Reform Commission' is two agencies (each
    with its offset in ``name``); 'Food and Drug Administration' is one."""
    for joint in re.finditer(r"\s+(?:and|&)\s+(?=[A-Z])", name):
        left, right = name[: joint.start()], name[joint.end() :]
        if _AGENCY_HEAD_RE.search(left) and _AGENCY_HEAD_RE.search(right):
            return [(left, 0), *((r, joint.end() + o) for r, o in _agencies_in(right))]
        if _names_a_company(left) and _AGENCY_HEAD_RE.search(right):
            # "Kessel Pharma and Lund Cancer Center": a company, then the agency
            return [(r, joint.end() + o) for r, o in _agencies_in(right)]
    return [(name, 0)]


def _names_a_company(words: str) -> bool:
    """Whether the words end like a company's name: an industry word or a legal form, after a
    name ("Pharmaceuticals and Medical Devices Agency" is one agency, of two domains)."""
    own = re.split(r"\S+['’]s?\s+", words)[-1]  # "Japan's Pharmaceuticals": the country's
    keys = [name_key(w) for w in own.split()]
    if not keys or all(k in _INDUSTRY_WORDS for k in keys):
        return False
    return keys[-1] in _INDUSTRY_WORDS or keys[-1] in LEGAL_SUFFIXES


_COUNTRY_BEFORE = re.compile(r"(?:U\.S\.|US|United\s+States)\s+")


def _agency_ok(name: str) -> bool:
    words = name.split()
    if re.match(r"(?:Board|Committee)\s+of\b", name) and SUFFIX_RE.search(name):
        return False  # "the Board of Kurrawong Biotech Limited": a company's organ, not an agency
    bad = (
        "phase",
        "trial",
        "study",
        "filing",
        "application",
        "submission",
        "approval",
        "announces",
    )
    return (
        len(words) <= 12
        and sum(w[:1].isupper() for w in words) <= 7
        and not any(w.lower() in bad for w in words)
        and words[0]
        not in (
            "Annual",
            "Meeting",
        )
    )


def _strip_country(name: str) -> str:
    """'U.S. Food and Drug Administration' is also written 'Food and Drug Administration'; a
    government is its country's ('U.S. government')."""
    return re.sub(
        r"^(?:U\.S\.|US|United\s+States)\s+(?!(?:[Ff]ederal\s+)?[Gg]overnment\b)", "", name
    )


def _plausible_cue_name(name: str, text: str, *, acronym: bool = False) -> bool:
    """A name found only by a cue: no generic phrase, nothing with digits, a real name shape.
    With ``acronym``, the cue is one of money changing hands ("a payment from GSK", "BMS has
    paid"), which only companies do: a short acronym there is a company's if the text uses it
    again and it is no code of a country, currency or filing."""
    if _DIGIT.search(name) or len(name.split()) > 4:
        return False
    words = name.split()
    if all(w.lower() in _NOT_ORG_WORDS for w in words):
        return False
    if words[0].lower() in _NOT_ORG_WORDS and not _recurring_name(words, text):
        return False
    if len(words) == 1 and name.isupper() and len(name) <= 3:
        # an acronym like "IND" or "ADC" after "with"
        return acronym and name not in _NOT_COMPANY_ACRONYMS and text.count(name) >= 2
    # An English word capitalised in a heading ("Offer to Purchase") also occurs in lower case;
    # a name does only where a copy lowercased it, and is capitalised in running text far more.
    if len(words) == 1 and name.lower() in text:  # (a plain test first: the pattern is slow)
        lower = len(compiled(rf"\b{re.escape(name.lower())}\b").findall(text))
        if lower:
            if name.lower() in _ROLE_TERMS or compiled(rf"[\"“]{re.escape(name)}[\"”]").search(
                text
            ):
                return False  # a contract's defined term ('"Parent"'), never a name
            running = len(compiled(rf"\b[a-z]+,?[ \t]+{re.escape(name)}\b").findall(text))
            return running >= 3 and running > 2 * lower
    return True


def _defined_term(word: str, text: str) -> bool:
    """'Amgen Inc., a Delaware corporation ("Parent")': a word the text defines in quotes as
    the name it will use for a party."""
    return (f'{word}"' in text or f"{word}”" in text) and bool(
        compiled(rf"\(\s*(?:the\s+)?[\"“]{re.escape(word)}[\"”]\s*\)").search(text)
    )


# Short capitals that follow "from" or precede "paid" without naming a company.
_NOT_COMPANY_ACRONYMS = frozenset(
    any_of(
        "US USA UK EU EEA IND NDA BLA MAA CTA ADC API CRO CMO IPO USD EUR GBP CHF JPY DKK SEK"
        " NOK CAD AUD CNY RMB KRW INR HKD SGD BRL CEO CFO COO CSO IP"
    )
)


def _recurring_name(words: list[str], text: str) -> bool:
    """'Drug Royalty USA', later 'Drug Royalty': a name that opens with a common word is one
    where the text repeats its first two words, capitalised, as a name of their own (a phrase
    like 'Drug Product' is rarely written capitalised twice in running text)."""
    if len(words) < 2 or words[1].lower() in _NOT_ORG_WORDS:
        return False
    return len(re.findall(rf"(?<!\w){re.escape(words[0])}\s+{re.escape(words[1])}\b", text)) >= 3


def split_list(items: str, *, initials: bool = False) -> list[str]:
    """'Amgen, Bayer HealthCare (a member of X), and Sanofi' -> the names (with ``initials``
    also 'E. de Kessel Partners')."""
    items = re.sub(r"\([^)]*\)", "", items)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*;\s*", items)
    names = []
    for part in parts:
        part = part.strip()
        m = (_INITIALED_NAME if initials else _ORG_SEQ_RE).match(part)
        if m and m.end() >= len(part.rstrip(". ")) - 1:
            names.append(m.group(0))
    return names


def _exchange_tickers(text: str, tickers: list[re.Match[str]], table: OrgTable) -> None:
    """'Genzyme, a Sanofi company (EURONEXT:SAN and NYSE:SNY)': the ticker of the nearest name."""
    for m in tickers:
        window = text[max(0, m.start() - 80) : m.start()]
        best = None
        for record in table.records:
            for form in record.forms:
                pos = window.rfind(form)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, record)
        if best is not None and best[1].ticker is None:
            best[1].ticker, best[1].exchange = m.group("ticker"), _exchange(m.group("exchange"))


# The parentheses after a name: '(Nasdaq: KSSL)', '("Kessel")', '(the "Company" or "Kessel")',
# '(f/k/a Orvane Bio Inc.)', '(together, "Kessel")'.
_PAREN = re.compile(r"[ \t]*\n?[ \t]*[(\[](?P<body>[^()\[\]]{1,160})[)\]]")
_QUOTED = re.compile(r"(?P<the>\bthe\s+)?[\"“”]\s*(?P<alias>[^\"“”]{1,60}?)\s*,?\s*[\"“”]")
# ... or in single quotes, as British and Australian releases write them: "('Kessel')" (never an
# apostrophe: a quote opens after no letter and closes before none)
_SINGLE_QUOTED = re.compile(
    r"(?P<the>\bthe\s+)?(?<!\w)['‘]\s*(?P<alias>[^'‘’\"“”]{1,60}?)\s*,?\s*['’](?!\w)"
)
_FORMERLY = re.compile(
    r"^\s*(?:f/k/a|fka|formerly(?:\s+known\s+as|\s+called)?|previously(?:\s+known\s+as)?)\s+"
    r"(?P<old>[^;,]+?)\s*$",
    re.I,
)
_TOGETHER = re.compile(r"(?i)^\s*(?:together|collectively|jointly|each)\b")
_KNOWN_AS = re.compile(
    rf",?\s+(?:(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,\s+){{0,4}})?(?:formerly|previously|also)?\s*"
    rf"(?:known|doing\s+business|trading)\s+as\s+(?P<alias>{ORG_SEQ})"
)
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")
# Defined terms for a party's role in a contract, not names of it: (the "Purchaser").
_ROLE_TERMS = frozenset(
    ["company", "companies", "parent", "purchaser", "buyer", "seller", "licensee", "licensor",
     "offeror", "issuer", "registrant", "borrower", "lender", "agent", "sponsor", "partner",
     "partners", "party", "parties", "merger sub", "subsidiary", "group", "we", "us", "our",
     "investor", "investors", "guarantor", "holder", "holders", "subscriber", "underwriter",
     "underwriters", "representative", "trustee", "counterparty", "customer", "supplier"]
)  # fmt: skip


def _alias_definitions(text: str, table: OrgTable, excluded: set[str]) -> None:
    """Names the text defines for an organisation, in the parentheses after it (skipping
    tickers): 'Kessel Pharmaceuticals, Inc. (Kessel)', 'Food and Drug Administration (FDA)',
    'Kessel AG (FSE: KSL) ("Kessel")', 'Kessel Inc. (f/k/a Orvane Bio Inc.) ("Orvane")',
    'A Ltd and B Ltd (together "A")'; or after 'known as'. A role ("the Purchaser") is no name."""
    pattern = mention_pattern(table)
    if pattern is None:
        return
    mentions = list(pattern.finditer(text))
    for i, m in enumerate(mentions):
        record = table.get(m.group(0))
        if record is None:
            continue
        owners = [record]
        pos = m.end()
        for _ in range(4):
            paren = _PAREN.match(text, pos)
            if paren is None:
                break
            body = paren.group("body")
            pos = paren.end()
            if EXCHANGE_TICKER_RE.fullmatch(body.strip()) or _only_tickers(body):
                continue
            if _TOGETHER.match(body):
                owners = _listed_before(text, mentions, i, table)
            for alias, defined in _aliases_in(body):
                for owner in owners:
                    _define(table, owner, alias, defined, excluded)
        known = _KNOWN_AS.match(text, m.end()) or _OR_ALIAS.match(text, m.end())
        if known is not None:
            _define(table, record, known.group("alias"), True, excluded)


# "Kessel Pharmaceutical Co., Ltd., or KP,": a filing's way of defining a short name.
_OR_ALIAS = re.compile(r",\s+or\s+[\"“]?(?P<alias>[A-Z][A-Za-z&-]{1,15})[\"”]?(?=[,.;)])")


def _only_tickers(body: str) -> bool:
    """'(Euronext Brussels: KSL; OTC: KSLY)', '(KSLY.PK, KSLF.PK)'."""
    parts = [p.strip() for p in re.split(r"[;,]", body) if p.strip()]
    return bool(parts) and all(
        EXCHANGE_TICKER_RE.fullmatch(p) or re.fullmatch(r"[A-Z]{2,5}\.[A-Z]{1,2}", p) for p in parts
    )


def _aliases_in(body: str) -> list[tuple[str, bool]]:
    """(alias, defined explicitly) pairs from one parenthesis; a quoted word after "the" is a
    role in the contract (the "Purchaser"), not a name, unless it is an acronym (the "SEC")."""
    former = _FORMERLY.match(body)
    if former:
        return [(former.group("old"), True)]
    quoted = list(_QUOTED.finditer(body)) or list(_SINGLE_QUOTED.finditer(body))
    if quoted:
        return [
            (q.group("alias"), True)
            for q in quoted
            if not q.group("the") or re.fullmatch(r"[A-Z][A-Z&-]{1,7}", q.group("alias"))
        ]
    bare = re.fullmatch(rf"\s*(?:the\s+)?(?P<alias>{ORG_SEQ})\s*", body)
    return [(bare.group("alias"), False)] if bare else []


def _listed_before(
    text: str, mentions: list[re.Match[str]], i: int, table: OrgTable
) -> list[OrgRecord]:
    """'Kessel Ltd and Kessel Pharma Ltd (together ...)': every record of the list that ends
    at mention ``i``."""
    listed = [mentions[i]]
    for m in reversed(mentions[:i]):
        if not _LIST_JOINER.fullmatch(text, m.end(), listed[-1].start()):
            break
        listed.append(m)
    records = [table.get(m.group(0)) for m in reversed(listed)]
    return [r for r in records if r is not None]


def _define(
    table: OrgTable, record: OrgRecord, raw: str, defined: bool, excluded: set[str]
) -> None:
    alias = clean_name(raw)
    if alias is None or name_key(alias) in excluded or alias.lower() in _ROLE_TERMS:
        return
    if len(alias.split()) > 6 or not alias[:1].isalpha():
        return
    if _ACRONYM.fullmatch(alias):
        if record.ticker == alias and table.get(alias) is None:
            return  # a ticker, unless the text also names the company by it ("from KSL")
        letters = re.sub(r"[^A-Z]", "", alias)  # "KH-LT" of "Kessel Hospitals of Lund"
        if not (defined or record.agency or letters in _initials_of_forms(record.name)):
            return  # "(DNA)" is a ticker, not a name
    elif (
        not defined
        and name_key(alias).split()[:1] != name_key(record.name).split()[:1]
        and not _shortens(alias, record.name)
    ):
        return  # "(Nominated Adviser and Broker)": a role, not a short name
    table.alias(record, alias)


def _shortens(alias: str, name: str) -> bool:
    """'CKD Pharm' of 'Chong Kun Dang Pharmaceutical': the initials of the name's first words,
    then the first letters of each word after them."""
    head, *rest = alias.split()
    words = name.split()
    n = len(head)
    if not (head.isupper() and 2 <= n < len(words)) or len(rest) != len(words) - n or not rest:
        return False
    initials = "".join(w[0] for w in words[:n]).upper()
    pairs = zip(rest, words[n:], strict=True)
    cut = all(len(a) >= 3 and w.lower().startswith(a.lower()) for a, w in pairs)
    return head == initials and cut


# Words at a name's end that its acronym may leave out: "Kessel Bio International (KB)".
_GENERIC_TAIL = re.compile(
    r"(?:\s+(?:International|Holdings?|Group|Global|Worldwide|America|Americas|Europe|USA|US"
    r"|Partners|Capital|Ventures))+$"
)


_LEGAL_TAIL = re.compile(rf",?\s+{_SUFFIX}$")


def _initials_of_forms(name: str) -> tuple[str, str, str]:
    """The initials of the name; of the name without its legal form ("S.A.", whose letters
    count as words) and a generic last word; and of the name before its "for" ("Michael J. Fox
    Foundation for Parkinson's Research (MJFF)")."""
    bare = _GENERIC_TAIL.sub("", _LEGAL_TAIL.sub("", name))
    return _initials(name), _initials(bare), _initials(name.split(" for ")[0])


def _initials(name: str) -> str:
    """'Kessel Pharmaceuticals Japan Ltd' -> 'KPJ'; 'GlaxoKline' -> 'GK' (legal forms left out)."""
    words = [w for w in re.findall(r"[A-Za-z][\w]*", name) if name_key(w) not in LEGAL_SUFFIXES]
    return "".join(re.sub(r"[^A-Z]", "", w) for w in words)


# "Kessel Ventures Inc., a wholly-owned subsidiary of Kessel"; "Linden, a member of the Orvane
# Group"; "Linden, an Orvane company"; "Orvane's subsidiary Linden": a unit and its parent are
# two organisations, and the unit's parent is recorded.
_NAME = rf"{ORG_SEQ}(?:,?\s+{_SUFFIX})?"
UNIT_RES = [
    re.compile(
        rf"(?P<unit>{_NAME}),?\s+(?:which\s+is\s+)?(?:an?|the)\s+(?:(?:wholly|majority|partially)"
        rf"[- ]owned\s+|(?:in)?direct\s+|indirect\s+|\w+\s+)?(?:subsidiary|affiliate|division"
        rf"|unit|arm|business)\s+of\s+(?P<parent>{_NAME})"
    ),
    re.compile(rf"(?P<unit>{_NAME}),?\s+a\s+member\s+of\s+the\s+(?P<parent>{ORG_SEQ})\s+[Gg]roup"),
    re.compile(
        rf"(?P<unit>{_NAME})(?:\s*\([^()]{{1,40}}\))?,\s+one\s+of\s+the\s+(?:[A-Z][\w-]*\s+){{0,3}}"
        rf"[Cc]ompanies\s+of\s+(?P<parent>{ORG_SEQ})"
    ),
    re.compile(rf"(?P<unit>{_NAME}),\s+an?\s+(?P<parent>{_CAP}(?:\s+{_CAP})?)\s+company\b"),
    re.compile(
        rf"(?P<parent>{_NAME})['’]s?\s+(?:(?:wholly|majority)[- ]owned\s+)?(?:subsidiary|affiliate"
        rf"|division|(?:venture|investment|venture\s+capital)\s+arm),?\s+(?P<unit>{_NAME})"
    ),
    # "Tenby Pharma Ltd. and its subsidiary Corrin Therapeutics"
    re.compile(
        rf"(?P<parent>{_NAME})\s+and\s+its\s+(?:(?:wholly|majority)[- ]owned\s+)?(?:subsidiary"
        rf"|affiliate),?\s+(?P<unit>{_NAME})"
    ),
]
_UNIT_COMPANY_CUE = re.compile(r", an? [A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+company\b")
# The words each of UNIT_RES turns on: the patterns run only in a window around them (tried at
# every capital letter of a release, they cost more than all the other names together).
_UNIT_CUES = re.compile(
    r"\b(?:subsidiary|affiliate|division|unit|arm|business|[Cc]ompanies)\s+of\b|\bmember\s+of\s+the\b"
    r"|,\s+an?\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+company\b"
    r"|['’]s?\s+(?:(?:wholly|majority)[- ]owned\s+)?(?:subsidiary|affiliate|division|\w+\s+arm)\b"
    r"|\band\s+its\s+(?:(?:wholly|majority)[- ]owned\s+)?(?:subsidiary|affiliate)\b"
)


_UNIT_WORDS_IN_TEXT = (
    "subsidiary", "affiliate", "division", "unit of", " arm", "business of", "ompanies of",
)  # fmt: skip


def _units_and_parents(text: str, table: OrgTable, ok: _Filter) -> None:
    if not (any(w in text for w in _UNIT_WORDS_IN_TEXT) or "member of the" in text):
        cues: Iterable[re.Match[str]] = _UNIT_COMPANY_CUE.finditer(text)
    else:
        cues = _UNIT_CUES.finditer(text)
    for cue in cues:
        start, end = max(0, cue.start() - 160), min(len(text), cue.end() + 160)
        for pattern in UNIT_RES:
            for m in pattern.finditer(text, start, end):
                if m.start() > cue.end() or m.end() < cue.start():
                    continue
                parent = _record_of(table, m.group("parent"), ok)
                if parent is None:
                    continue
                unit = _record_of(table, m.group("unit"), ok)
                if unit is None:  # named as a unit of a known organisation: one too
                    name = ok(clean_name(m.group("unit")))
                    if name and _plausible_cue_name(name, text):
                        unit = table.add(name, m.start())
                if unit is None or unit is parent:
                    continue
                table.keep_apart(unit, parent)
                unit.parent = unit.parent or parent
    _owned_by_possessive(text, table, ok)


# The capitalised words after a possessive: "Roche's Genentech unit" -> "Genentech unit"
_OWNED_WORDS = re.compile(r"[ \t]+(?P<unit>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})")


def _owned_by_possessive(text: str, table: OrgTable, ok: _Filter) -> None:
    """A company written as another's possession ("Kessel's Linden") is its unit; only where
    both are already known as companies, for a possessive mostly owns a product ("Kessel's
    Zumab"). Read from each known name's possessive: a search of the whole text for any two
    capitalised names costs more."""
    for parent in list(table.records):
        for form in list(parent.forms):
            for mark in ("'s", "’s"):
                for end in _ends_of(text, form + mark):
                    owned = _OWNED_WORDS.match(text, end)
                    if owned:
                        unit = _known_head(table, owned.group("unit").split(), ok)
                        _make_unit(table, parent, unit)


def _ends_of(text: str, phrase: str) -> Iterator[int]:
    """Where each whole-word occurrence of the phrase ends."""
    start = text.find(phrase)
    while start != -1:
        before = text[start - 1] if start else " "
        if not (before.isalnum() or before in "'’-"):
            yield start + len(phrase)
        start = text.find(phrase, start + len(phrase))


def _make_unit(table: OrgTable, parent: OrgRecord, unit: OrgRecord | None) -> None:
    if unit is None or unit is parent or unit.parent is not None or parent.parent is unit:
        return
    table.keep_apart(unit, parent)
    unit.parent = parent


def _known_head(table: OrgTable, words: list[str], ok: _Filter) -> OrgRecord | None:
    """The known company the words open with, the longest first ("Genentech Inc. Unit")."""
    for i in range(len(words), 0, -1):
        record = _record_of(table, " ".join(words[:i]), ok)
        if record is not None:
            return record
    return None


def _record_of(table: OrgTable, raw: str, ok: _Filter) -> OrgRecord | None:
    record = table.get(raw)
    if record is None:
        name = ok(clean_name(raw))
        record = table.get(name) if name else None
    return record


def _drop_truncated(text: str, table: OrgTable) -> None:
    """A name the text breaks off at its very end ('... collaborating with Kes') is the start of
    another organisation's name, not an organisation."""
    tail = text.rstrip()
    for record in list(table.records):
        if len(record.forms) != 1 or record.ticker:
            continue
        (form,) = record.forms
        if not tail.endswith(form) or sum(1 for _ in _occurrences(text, form)) > 1:
            continue
        if any(
            w.startswith(form) and w != form
            for other in table.records
            if other is not record
            for f in other.forms
            for w in f.split()
        ):
            table.forget(record)


_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_FOR_SPLIT = re.compile(r"\s+for\s+")


def _drop_lists(table: OrgTable) -> None:
    """'Kessel and Orvane' read as one name where both are organisations of their own;
    'Kessel for Velotix' (an agreement "with Kessel for Velotix") where Kessel is one."""
    for record in list(table.records):
        for form in list(record.forms):
            parts = _AND_SPLIT.split(form)
            if len(parts) == 2 and all(
                (other := table.get(part)) is not None and other is not record for part in parts
            ):
                record.forms.discard(form)
            purpose = _FOR_SPLIT.split(form)
            if len(purpose) == 2 and table.get(purpose[0]) is not None:
                table.drop_form(record, form)
        if not record.forms:
            table.forget(record)


def _split_a_known_name_off(text: str, table: OrgTable) -> None:
    """'Inventiva and Chia Tai-Tianqing Pharmaceutical Group Co.' read as one name before the
    legal form, where the first is an organisation of its own: the rest is the other's name,
    when it ends like a company's."""
    for record in list(table.records):
        for form in list(record.forms):
            parts = _AND_SPLIT.split(form)
            if len(parts) != 2 or (first := table.get(parts[0])) is None or first is record:
                continue
            words = parts[1].split()
            last = name_key(words[-1]) if words else ""
            if len(words) >= 2 and (last in _INDUSTRY_WORDS or last in LEGAL_SUFFIXES):
                table.drop_form(record, form)
                if (start := text.find(parts[1])) >= 0:
                    table.add(parts[1], start)
        if not record.forms:
            table.forget(record)


def _drop_defined_terms(text: str, table: OrgTable) -> None:
    """'a wholly owned subsidiary of Parent': a contract's defined term for a party's role,
    whatever cue found it, is no organisation of its own (a short name a company defines for
    itself, '("Kessel")', stays its alias)."""
    for record in list(table.records):
        for form in list(record.forms):
            if form.lower() in _ROLE_TERMS and _defined_term(form, text):
                table.drop_form(record, form)
        if not record.forms:
            table.forget(record)


def _occurrences(text: str, form: str) -> Iterator[re.Match[str]]:
    return compiled(rf"(?<![\w-]){re.escape(form)}(?![\w-])").finditer(text)


def _group_forms(text: str, table: OrgTable) -> None:
    """Merge records whose keys are word prefixes/suffixes of each other ('Kessel Health'), a
    company and its ticker used as a name, the same letters ('KesselBio SE', 'Kessel-Bio') or
    the same words, one of them cut short ('Kessel Antibody Tech Group', 'Kessel Antibody
    Technology Group')."""
    for record in list(table.records):  # "Kessel plc (LSE: KSL) … KSL will receive"
        named = table.get(record.ticker) if record.ticker else None
        if named is not None and named is not record and named.forms == {record.ticker}:
            table.merge(record, named)
    by_letters: dict[str, OrgRecord] = {}
    for record in list(table.records):
        letters = _letters(record.name)
        other = by_letters.get(letters)
        if other is not None and other.agency == record.agency and len(letters) >= 4:
            table.merge(other, record)
        else:
            by_letters[letters] = record
    _acronyms_of_agencies(text, table)
    _acronyms_of_companies(table)
    by_shape: dict[tuple[str, int], list[tuple[list[str], OrgRecord]]] = {}
    for record in table.records:  # candidates share their first word and their length
        words = _words(name_key(record.name))
        if len(words) >= 2:
            by_shape.setdefault((words[0], len(words)), []).append((words, record))
    for group in by_shape.values():
        for words, record in group:
            for other_words, other in group:
                if (
                    other is not record
                    and other.agency == record.agency
                    and _abbreviates(words, other_words)
                    and record in table.records
                    and other in table.records
                ):
                    table.merge(other, record)
    records = sorted(table.records, key=lambda r: len(name_key(r.name)))
    for short in records:
        if short not in table.records:
            continue
        short_words = _words(name_key(short.name))
        if short_words and short_words[0] in _SHORT_FORM_BLOCK and len(short_words) == 1:
            continue
        targets = []
        for long in table.records:
            if long is short or long.agency != short.agency or table.apart(long, short):
                continue
            long_words = _words(name_key(long.name))
            n = len(short_words)
            if len(long_words) > n and (
                _opens_with(long_words, short_words)
                or long_words[-n:] == short_words
                or _after_a_place(long_words, short_words)
            ):
                if _opens_with(long_words, short_words) and _UNIT_WORDS & set(long_words[n:]):
                    continue  # "Kessel Ventures", "Kessel Japan": a unit, not Kessel
                if _side_by_side(text, short, long):
                    continue  # "Sun Pharma and SPARC said in a joint statement": two companies
                if _two_legal_entities(text, short, long):
                    continue  # "Kessel Bio, Inc. … the acquisition of Kessel AG": two companies
                targets.append(long)
        listed = [t for t in targets if t.ticker is not None]
        if len({id(t) for t in targets}) == 1 or (
            targets
            and all(_words(name_key(t.name))[: len(short_words)] == short_words for t in targets)
            and len(targets) > 1
            and all(_related(targets[0], t) for t in targets)
        ):
            keep = targets[0]
            for t in targets[1:]:
                table.merge(keep, t)
            table.merge(keep, short)
        elif len(targets) > 1 and len({id(t) for t in listed}) == 1:
            # "Kessel Bio Corp. (TSX: KSL) and its subsidiary Kessel Development Corp.": the
            # listed company is the one the text calls by the short name
            table.merge(listed[0], short)


def _after_a_place(long_words: list[str], short_words: list[str]) -> bool:
    """'Shanghai Kessel Biotech' called 'Kessel': one distinctive word after the first (a
    city or province a company's registered name opens with) and before what it does."""
    return len(short_words) == 1 and len(long_words) >= 3 and long_words[1] == short_words[0]


_ENDS_IN_LEGAL_FORM = re.compile(rf",?\s+{_SUFFIX}$")


def _two_legal_entities(text: str, short: OrgRecord, long: OrgRecord) -> bool:
    """Is the short name only ever written with its own legal form ('Kessel AG', never
    'Kessel' alone), beside a longer name with one ('Kessel Bio, Inc.')? Then the text names
    two legal entities, not one company and its short form."""
    if not any(_ENDS_IN_LEGAL_FORM.search(f) for f in short.forms):
        return False
    if not any(_ENDS_IN_LEGAL_FORM.search(f) for f in long.forms):
        return False
    bare = {_ENDS_IN_LEGAL_FORM.sub("", f) for f in short.forms if not f.isupper()}
    if not bare:
        return False
    pattern = "|".join(re.escape(b) for b in bare)
    for m in compiled(rf"(?<![\w-])(?:{pattern})(?![\w-])").finditer(text):
        after = text[m.end() : m.end() + 40]
        if not re.match(rf",?\s+{_SUFFIX}(?![\w-])|\s+[A-Z]", after):
            return False  # "Kessel" alone: the short form of a name
    return True


def _side_by_side(text: str, short: OrgRecord, long: OrgRecord) -> bool:
    """Does the text join the short name and another of the long one's names with 'and', as
    two parties ('Sun Pharma and SPARC said', where SPARC is Sun Pharma Advanced Research
    Company)?"""
    first = _words(name_key(short.name))[:1]
    others = [f for f in long.forms if _words(name_key(f))[:1] != first]
    if not others:
        return False
    shorts = "|".join(re.escape(f) for f in short.forms)
    longs = "|".join(re.escape(f) for f in others)
    pattern = (
        rf"(?<![\w-])(?:(?:{shorts})\s+(?:and|&)\s+(?:{longs})"
        rf"|(?:{longs})\s+(?:and|&)\s+(?:{shorts}))(?![\w-])"
    )
    return compiled(pattern).search(text) is not None


def _opens_with(long_words: list[str], short_words: list[str]) -> bool:
    """Whether a name opens with the short one's words, the last of them perhaps cut short
    ('CSPC Pharma' of 'CSPC Pharmaceutical Group')."""
    n = len(short_words)
    if long_words[:n] == short_words:
        return True
    last, word = short_words[-1], long_words[n - 1]
    return (
        n >= 2
        and long_words[: n - 1] == short_words[:-1]
        and len(last) >= 5
        and word.startswith(last)
    )


_COMPANY_ACRONYM = re.compile(r"[A-Z]{3,5}")


def _acronyms_of_companies(table: OrgTable) -> None:
    """'GSK' beside 'GlaxoSmithKline', 'BMS' beside 'Bristol-Myers Squibb': a name in capitals
    that spells the capitals of exactly one other company's name is that company."""
    for record in list(table.records):
        acronym = record.name
        if record.agency or not _COMPANY_ACRONYM.fullmatch(acronym) or len(record.forms) > 1:
            continue
        spelled = [
            other
            for other in table.records
            if other is not record
            and not other.agency
            and any(_initials(form) == acronym for form in other.forms if form != acronym)
        ]
        if len(spelled) == 1:
            table.merge(spelled[0], record)


def _acronyms_of_agencies(text: str, table: OrgTable) -> None:
    """'CFDA' beside 'Chinese Food and Drug Administration': an agency's (or a university's)
    acronym is the initials of its name, also where the text never puts the two side by side
    ('New York University' … 'NYU')."""
    agencies = [r for r in table.records if _known_by_initials(r)]
    tickers = {r.ticker for r in table.records}
    for record in agencies:
        letters = _initials(record.name)
        used = len(letters) >= 3 and next(_occurrences(text, letters), None) is not None
        if used and not table.get(letters) and letters not in tickers:
            table.alias(record, letters)
    agencies = [r for r in table.records if _known_by_initials(r)]
    shorts = [r for r in table.records if r.agency or _ACRONYM.fullmatch(r.name)]
    for short in shorts:
        if not _ACRONYM.fullmatch(short.name):
            continue
        letters = short.name.replace("-", "").replace("&", "")
        full = [r for r in agencies if r is not short and _initials(r.name) == letters]
        if len(full) == 1 and full[0] in table.records and short in table.records:
            table.merge(full[0], short)


def _known_by_initials(record: OrgRecord) -> bool:
    """Agencies and universities, institutes, hospitals: the bodies texts call by initials."""
    return record.agency or bool(_ACADEMIC_HEAD.search(record.name))


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """'kessel antibody tech group' of 'kessel antibody technology group': the same words
    after the first, at least one of them cut short to four letters or more."""
    if len(short) != len(full) or len(short) < 2 or short[0] != full[0] or short == full:
        return False
    pairs = zip(short, full, strict=True)
    return all(a == b or (len(a) >= 4 and b.startswith(a)) for a, b in pairs)


# Words that make "X <word>" an organisation of its own beside X: a fund, a foundation, an
# institute, a national subsidiary.
_UNIT_WORDS = frozenset(
    ["ventures", "venture", "capital", "foundation", "fund", "funds", "institute", "institutes",
     "university", "center", "centre",
     "hospital", "trust", "bank", "investments", "japan", "korea", "china", "usa", "us", "europe",
     "canada", "uk", "germany", "deutschland", "france", "italy", "italia", "spain", "espana",
     "india", "australia", "brazil", "taiwan", "singapore", "switzerland", "nordic", "asia",
     "america", "americas"]
)  # fmt: skip


def _letters(name: str) -> str:
    """'KesSEL-X SE' -> 'kesselx': the key's letters, without a European company's 'SE'."""
    words = name_key(name).split()
    if len(words) > 1 and words[-1] == "se":
        words.pop()
    return "".join(words)


def _related(a: OrgRecord, b: OrgRecord) -> bool:
    wa, wb = _words(name_key(a.name)), _words(name_key(b.name))
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def _words(key: str) -> list[str]:
    return [w for w in key.split() if w not in ("and",)]


_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,5}")
# Words that say what kind of company a name is: alone, they name none. (Not every industry
# word: "The Medicines Company" and "Genomics plc" are names.)
_INDUSTRY_WORDS = frozenset(
    ["pharma", "pharmaceutical", "pharmaceuticals", "biopharma", "biopharmaceutical",
     "biopharmaceuticals", "biotech", "biotechnology", "bio", "biosciences", "bioscience",
     "biologics", "therapeutics", "holdings", "holding", "group"]
)  # fmt: skip
# "the University", "the Institute": how a release refers back to an organisation it named,
# never a name of it (across releases it would join every university into one).
_GENERIC_HEADS = frozenset(
    ["university", "institute", "foundation", "hospital", "agency", "commission", "company",
     "group", "center", "centre", "college", "school", "clinic", "administration", "authority",
     "ministry", "office", "board", "council", "society", "association", "committee",
     "department", "partnership", "fund"]
)  # fmt: skip


def is_generic(form: str) -> bool:
    """Is ``form`` only a kind of organisation ('University'), not a name?"""
    return name_key(form) in _GENERIC_HEADS


def _choose_names(text: str, table: OrgTable) -> None:
    """Canonical name: the shortest form the text uses standalone; add short standalone forms.
    A company's acronym ('GSK' for 'GlaxoKline') is an alias; an agency's is its usual name."""
    for record in table.records:
        if not record.agency:
            _add_short_form(text, table, record)
        forms = sorted(record.forms, key=lambda f: (len(name_key(f)), len(f)))
        # a form the text writes, never one only made up from it ("Kessel" of "KESSEL INC")
        forms = [f for f in forms if _written(text, f)] or forms
        plain = [f for f in forms if not SUFFIX_RE.fullmatch(f)] or forms
        if not record.agency:
            plain = [f for f in plain if not _ACRONYM.fullmatch(f)] or plain
        plain = [f for f in plain if not is_generic(f)] or plain
        # a name in capitals gives way to one the text also writes in mixed case
        plain = [f for f in plain if not _shouted(f) and _written(text, f)] or plain
        plain = [f for f in plain if not _cut_short(f, record.forms)] or plain
        size = (len(name_key(plain[0])), len(plain[0]))
        record.name = _earliest(text, [f for f in plain if (len(name_key(f)), len(f)) == size])


def _written(text: str, form: str) -> bool:
    """Does the text write ``form`` in this very case (any white space between its words)?"""
    if form in text:
        return True
    return compiled(r"\s+".join(re.escape(w) for w in form.split())).search(text) is not None


def _cut_short(form: str, forms: Iterable[str]) -> bool:
    """Is ``form`` another of ``forms`` with a word cut short ('Kessel Tech Group')?"""
    words = _words(name_key(form))
    return any(_abbreviates(words, _words(name_key(other))) for other in forms)


def _earliest(text: str, forms: list[str]) -> str:
    """Of equally good forms, the one the text uses first, then the first in the alphabet:
    never the first in a set's order, which changes with the process's hash seed."""
    if len(forms) == 1:
        return forms[0]
    return min(forms, key=lambda f: (_first_use(text, f), f))


def _first_use(text: str, form: str) -> int:
    """Offset of the first use of ``form`` in ``text`` (any white space between its words, any
    case); ``len(text)`` when the text never writes it so."""
    pattern = r"\s+".join(re.escape(word) for word in form.split())
    m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text, re.I) if pattern else None
    return m.start() if m else len(text)


def case_copy(form: str, record: OrgRecord, text: str) -> bool:
    """'KESSEL BIO, INC.' beside 'Kessel Bio, Inc.' (a headline's capitals), or 'Kessel' made
    up from 'KESSEL' that is the name: no other name (kept to find mentions, never shown as an
    alias). A form the text writes in mixed case is always shown."""

    def rank(f: str) -> tuple[bool, bool, str]:
        return _shouted(f), not _written(text, f), f

    if not rank(form)[0] and not rank(form)[1]:
        return False
    twins = [f for f in record.forms if f != form and f.upper() == form.upper()]
    return any(f == record.name or rank(f) < rank(form) for f in twins)


def _shouted(form: str) -> bool:
    """'KESSEL BIO INC': a name in capitals as a headline prints it."""
    return len(form) > 4 and form.isupper()


def _add_short_form(text: str, table: OrgTable, record: OrgRecord) -> None:
    forms = [f for f in record.forms if not _shouted(f)] or list(record.forms)
    size = max(len(f) for f in forms)
    longest = _earliest(text, [f for f in forms if len(f) == size])
    words = _words(name_key(longest))
    if len(words) < 2:
        return
    original = [w for w in re.split(r"[\s,]+", longest) if w]
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(original[:n]).rstrip(",")
        if name_key(head) != " ".join(words[:n]) or words[0] in _SHORT_FORM_BLOCK:
            continue
        if original[n - 1].lower() in _TRAILING_NOISE:
            continue  # "Broad Institute of" is no name
        if _common_word(text, head):
            continue  # "Royalty" of "Royalty Pharma" in a title-case headline: an English word
        if _standalone(text, head, longest) and not _claimed(table, record, head):
            # every standalone prefix: "Kaltbrunn Biotech" and also "Kaltbrunn"
            table.alias(record, head)
    if len(record.forms & {" ".join(original[:n]).rstrip(",") for n in range(1, len(words))}):
        return
    last = original[-1] if original else ""
    if (
        len(words) >= 2
        and name_key(last) == words[-1]
        and words[-1] not in _SHORT_FORM_BLOCK
        and words[-1] not in COUNTRIES  # "Kessel Pharma Canada" is not "Canada"
        and _standalone(text, last, longest)
        and _after_lowercase(text, last)
        and not _claimed(table, record, last)
    ):
        table.alias(record, last)


def _common_word(text: str, head: str) -> bool:
    """A one-word head the text also writes in lower case is a word of the language (searched
    without a pattern: the head is new in every release, and compiling one costs more)."""
    if " " in head:
        return False
    word = head.lower()
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        end = at + len(word)
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            return True
        at = text.find(word, at + 1)
    return False


def _standalone(text: str, head: str, longest: str) -> bool:
    """Does ``head`` occur on its own (not as the start of a longer capitalised name)?"""
    # "Halden Institute of Technology", "Kessel & Kline" go on; "Kessel and Orvane" is a list,
    # unless the head is itself part of a longer name ("Berg Institute of LIT and Uppsala").
    joins = _CONNECT if re.search(rf"\s{_CONNECT}\s", head) else r"(?:of|for|de|du|des|der|für|&)"
    pattern = compiled(
        rf"(?<![\w-]){re.escape(head)}(?!\s*\n?\s*[A-Z][a-z])(?!\s+[A-Z]\.\s)(?!\s+{joins}\s+[A-Z])"
        rf"(?![\w-])"
    )
    return any(
        not _JOINED_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and not _PLACE_AFTER.match(text, m.end())
        for m in pattern.finditer(text)
    )


# "Cambridge, UK", "Bothell, Wash.": a place in a dateline, not a short name of "Cambridge
# Antibodies Ltd".
_PLACE_AFTER = re.compile(
    r",[ \t]*(?:(?i:"
    + "|".join(sorted((re.escape(c) for c in COUNTRIES), key=len, reverse=True))
    + r")(?![\w-])|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b)"
)


def _after_lowercase(text: str, last: str) -> bool:
    """'the University' stands alone; 'Harlow Cancer Institute' is no use of 'Institute'."""
    for m in compiled(rf"(?<![\w-]){re.escape(last)}(?![\w-])").finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and not before[-1][:1].isupper() and before[-1].lower() not in _TRAILING_NOISE:
            return True  # "the University", never "of Technology" or "& Kline"
    return False


# A name's last words after a joining word ("Kessel & Kline", "Institute of Technology").
_JOINED_BEFORE = re.compile(rf"[A-Z][\w'’.-]*\s+{_CONNECT}\s+$")


def _claimed(table: OrgTable, record: OrgRecord, form: str) -> bool:
    other = table.get(form)
    if other is not None and other is not record:
        return True
    key = name_key(form)
    return any(
        r is not record
        and _words(name_key(r.name))[:1] == key.split()[:1]
        and not _is_unit_of(r, key)
        for r in table.records
    )


def _is_unit_of(record: OrgRecord, key: str) -> bool:
    """'Kessel Research Institute', 'Kessel Ventures': a unit named after the group 'Kessel',
    which leaves the bare name to the group's company ('Kessel Pharma AG')."""
    if _ACADEMIC_HEAD.search(record.name):
        return True
    words, head = _words(name_key(record.name)), key.split()
    return words[: len(head)] == head and bool(_UNIT_WORDS & set(words[len(head) :]))


# An agency that pays: "awarded $12 million by Kessel Authority", "its contract with the Kessel
# Authority", "the KBA grant", "funding from KBA". A regulator that approves or designates is
# none ("granted ... by the FDA" is a designation, so "granted" is no cue).
_FUNDING_CUE = re.compile(r"(?i)\b(?:fund|grant|award|contract|financ|deal)")
_FUNDING_NOUN = r"(?:funding|funds|grants?|awards?|contracts?|financing|sub-?awards?)"
# After a name only the singular: "the FDA grants a designation" is a verb.
_FUNDING_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+)?(?:funding|financing|contracts?|grant|award|sub-?award)\b"
)
_FUNDING_BEFORE = re.compile(
    rf"(?:\b{_FUNDING_NOUN}\s+(?:from|by|with|of)|\b(?:funded|financed)\s+by"
    # "a grant of $2 million from the Kessel Authority"
    rf"|\b{_FUNDING_NOUN}\s+of\s+(?:[$€£¥]|[A-Z]{{3}}\s?\d|\d)[^.;]{{0,30}}?\s(?:from|by)"
    rf"|\bawarded\b[^.;]{{0,40}}?(?:[$€£¥]|\d)[^.;]{{0,40}}?\bby"
    # "its $97 million deal with HHS": a party to a deal for money
    rf"|(?:[$€£¥]|\d)[^.;$€£¥]{{0,30}}?\b(?:deal|contract|agreement)s?\s+with)\s+(?:the\s+)?$"
)
_FUNDING_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|will\s+|also\s+)*(?:awarded|awards|funds|funded|fund|financed"
    r"|exercised|exercises)\b"
)


def funding_agencies(sentences: Iterable[Sentence], table: OrgTable) -> set[str]:
    """The agencies the text shows paying (a funding award, a government contract): parties to
    its payments and agreements, unlike a regulator."""
    if not any(r.agency for r in table.records):
        return set()
    pattern = mention_pattern(table)
    found: set[str] = set()
    for s in sentences:
        if pattern is None or s.zone not in ("head", "body") or not _FUNDING_CUE.search(s.text):
            continue
        for m in pattern.finditer(s.text):
            record = table.get(m.group(0))
            if record is None or not record.agency or record.name in found:
                continue
            if (
                _FUNDING_AFTER.match(s.text, m.end())
                or _FUNDING_BEFORE.search(s.text, max(0, m.start() - 100), m.start())
                or _FUNDING_VERB.match(s.text, m.end())
            ):
                found.add(record.name)
    return found


def mention_pattern(table: OrgTable) -> re.Pattern[str] | None:
    """One regex over every form of every organisation, longest first (cached per table)."""
    if table.pattern_version != table.version:
        table.pattern_version, table.pattern = table.version, _build_mention_pattern(table)
    return table.pattern


def _build_mention_pattern(table: OrgTable) -> re.Pattern[str] | None:
    forms = sorted({f for r in table.records for f in r.forms}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return compiled(rf"(?<!\w)(?:{alternatives})(?!\w)")


# "By Elena Marsh | May 10, 2022": a reporter's byline at the top of a news item.
BYLINE_RE = re.compile(rf"(?m)^\s*By\s+{_PERSON_NAME}\s*(?:[|,–—-]|$)")
# An SEC filing's signature: "By: /s/ Helen Cho" with the name and the title on the lines below.
SIGNATURE_RE = re.compile(
    rf"/s/\s*{_PERSON_NAME}[ \t]*\n(?:[ \t]*(?:Name:\s*)?[A-Z][^\n]*\n)?[ \t]*(?:Title:\s*)?"
    rf"(?P<role>{_ROLE_WORDS}[^\n]{{0,80}})"
)


def find_people(text: str, sentences: list[Sentence], table: OrgTable) -> list[PersonRecord]:
    people: dict[str, PersonRecord] = {}
    mention_pattern(table)  # built once here, then read from the table's cache
    for s in sentences:
        has_cue = _cue_finder(s.text)
        for cue, pattern in ATTRIBUTION_RES:
            if not has_cue(cue):
                continue
            for m in pattern.finditer(s.text):
                role = m.group("role")
                if role and role.startswith("Prof"):
                    role = "Professor"  # a title that is also the person's role
                _add_person(people, m.group("person"), role, s.start + m.start(), table)
        if s.zone in ("body", "about") and not (
            _looks_like_contact(s.text) or _contact_line_nearby(text, s)
        ):
            for cue, pattern in PROSE_ROLE_RES:
                if not cue.search(s.text):
                    continue
                for m in pattern.finditer(s.text):
                    _add_person(people, m.group("person"), m.group("role"), s.start, table)
    for m in BYLINE_RE.finditer(text, 0, 2000):
        _add_person(people, m.group("person"), None, m.start(), table)
    for m in SIGNATURE_RE.finditer(text):
        _add_person(people, m.group("person"), m.group("role"), m.start(), table)
    for s in sentences:
        if s.zone in ("body", "about", "head"):
            _role_after_company(s, table, people)
            if _INVESTOR_WORDS.search(s.text):
                _investors(s, table, people)
    _contact_people(text, sentences, table, people)
    if "ontact" in text:
        _contacts_at(text, table, people)
        _column_contacts(text, table, people)
        _flat_contacts(text, table, people)
    _merge_initialled(people)
    return sorted(people.values(), key=lambda p: p.start)


def _cue_finder(text: str) -> Callable[[re.Pattern[str]], bool]:
    """Is a cue in the text? Each cue searched once: six of the patterns share one."""
    found: dict[int, bool] = {}  # by identity: a pattern's hash reads all its compiled code

    def has_cue(cue: re.Pattern[str]) -> bool:
        key = id(cue)
        if key not in found:
            found[key] = cue.search(text) is not None
        return found[key]

    return has_cue


_GLUED_WORD = re.compile(r"(?<=[a-z]{3})[A-Z][a-z]+$")


def _add_person(
    people: dict[str, PersonRecord], name: str, role: str | None, pos: int, table: OrgTable
) -> None:
    name, role = _peel_titles(" ".join(name.split()), role)
    name = _POSSESSIVE_END.sub("", name)  # "Professor Ida Brandt's work"
    # "led by Dr. Ida BrandtPurchase price ...": a text that lost its line breaks glued the next
    # word on ("McAllister", "MacLeod" start with a short prefix, not a whole name).
    name = _GLUED_WORD.sub("", name)
    if not _may_be_person(name) or WIRE_NAMES.match(name):
        return  # "By PR Newswire | May 10": a wire service's byline, not a reporter's
    if table.get(name) is not None or _COMPANY_WORD.search(name):
        return  # "said Kessel Biosciences.", "Dr. Orvane Laboratories"
    if table.pattern is not None and table.pattern.search(name):
        return
    if len(name.split()) < 2:
        return
    role_text, org = _split_role(role or "", table)
    known = people.get(name)
    if known is None:
        people[name] = PersonRecord(name, role_text, org, pos)
    elif known.role is None and role_text:
        known.role, known.organization = role_text, known.organization or org


def _may_be_person(name: str) -> bool:
    words = name.replace(".", "").lower().split()
    return not any(w in _NOT_PERSON_WORDS or w in _ROLE_NAME_WORDS for w in words)


def _peel_titles(name: str, role: str | None) -> tuple[str, str | None]:
    """'Dr Fiona Marsh' -> 'Fiona Marsh'; 'CEO Dan Passeri' (role 'President and') -> 'Dan
    Passeri', role 'President and CEO': a title or role word is never part of a name."""
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".").lower() in _ROLE_NAME_WORDS | _HONORIFICS:
        word = words.pop(0)
        if word.rstrip(".").lower() not in _HONORIFICS:
            role = f"{role} {word}".strip() if role else word
    while len(words) > 2 and words[0].rstrip(".").lower() in _HONORIFICS:
        words.pop(0)
    if len(words) == 3 and words[0].rstrip(".").lower() in _HONORIFICS:
        words.pop(0)
    return " ".join(words), role


def _split_role(role: str, table: OrgTable) -> tuple[str | None, str | None]:
    """'President and CEO of ImmunoGen' -> ('President and CEO', 'ImmunoGen')."""
    role = " ".join(role.split()).strip(" ,")
    org = None
    pattern = mention_pattern(table)
    if pattern is not None:
        found = list(pattern.finditer(role))
        if found:
            m = found[-1]
            record = table.get(m.group(0))
            org = record.name if record else None
            before, after = role[: m.start()].strip(), role[m.end() :].strip()
            before = re.sub(r"(?:\s*,)?\s*(?:of|at|for|with)$", "", before).strip(" ,")
            before = re.sub(r"['’]s?$", "", before).strip()
            role = before if before else re.sub(r"^['’]s?\s*", "", after).strip(" ,")
    role = re.sub(r"\s+(?:of|at|for)\s+(?:the\s+)?(?:Company|company)$", "", role)
    return (role or None), org


def _contact_people(
    text: str, sentences: list[Sentence], table: OrgTable, people: dict[str, PersonRecord]
) -> None:
    """Contact blocks: 'Carol Hausner, 781-895-0600' with the title on the next line."""
    zones = [s for s in sentences if s.zone == "contact" or _looks_like_contact(s.text)]
    zones += [s for s in sentences if s not in zones and _contact_line_nearby(text, s)]
    for s in zones:
        lines = s.text.split("\n")
        if len(lines) == 1:  # a contact line of its own: the title may be on the next line
            lines.append(_next_line(text, s.end))
        current_org = None
        for i, line in enumerate(lines):
            record = _org_line(line, table)
            if record is not None:
                current_org = record.name
                continue
            m = CONTACT_LINE_RE.match(line)
            if not m or m.group("person") in people or _bare_three_words(m):
                continue
            # a second column beside this one is another contact's
            rest = _strip_credentials(_first_column(m.group("rest") or ""))
            role = rest if rest and not re.search(r"\d{3}", rest) else None
            if (
                role is None
                and i + 1 < len(lines)
                and re.search(_ROLE_WORDS + r"|Relations", lines[i + 1])
            ):
                role = _first_column(lines[i + 1])
            _add_person(people, m.group("person"), role, s.start, table)
            person = people.get(" ".join(m.group("person").split()))
            if person is not None and person.organization is None:
                person.organization = current_org


# "Kessel CEO Ida Brandt, ...", "Ida Brandt (left), CEO of Kessel, and ...": a role between a
# company and a name, or after a name and a photo's placement, outside any quote.
_ROLE_TITLE = (
    r"(?:CEO|CFO|COO|CSO|CMO|President|Chairman|Chairwoman|Chief\s+Executive(?:\s+Officer)?"
    r"|Chief\s+Financial\s+Officer|Chief\s+Scientific\s+Officer|Chief\s+Medical\s+Officer)"
)
_ROLE_THEN_NAME = re.compile(  # what may not stand before it is tested in code: faster
    rf"(?P<role>{_ROLE_TITLE})\s+{_PERSON_NAME}(?=\s*[,;]|\s+(?:and|who|pose[sd]?|sign(?:s|ed)?)\b)"
)
_PLACEMENT = re.compile(r"\((?:left|right|center|centre|middle)\)")
_PLACED_NAME = re.compile(
    rf"(?<![\w.’'-]){_PERSON_NAME}\s+\((?:left|right|center|centre|middle)\),\s+"
    rf"(?P<role>{_ROLE_TITLE}(?:\s+(?:of|at)\s+[^,;()\n]{{2,60}})?)(?=,)"
)


def _role_after_company(s: Sentence, table: OrgTable, people: dict[str, PersonRecord]) -> None:
    pattern = mention_pattern(table)
    if pattern is None:
        return
    for m in _ROLE_THEN_NAME.finditer(s.text):
        if m.start() and (s.text[m.start() - 1].isalnum() or s.text[m.start() - 1] in "_.’'-"):
            continue
        company = pattern.search(s.text, max(0, m.start() - 80), m.start())
        while company is not None and company.end() < m.start() - 1:
            company = pattern.search(s.text, company.end(), m.start())
        if company is None or company.end() != m.start() - 1 or s.text[company.end()] != " ":
            continue
        record = table.get(company.group(0))
        if record is not None and not record.agency:
            _add_contact(people, m.group("person"), m.group("role"), record.name, s.start, table)
    for m in _PLACED_NAME.finditer(s.text) if _PLACEMENT.search(s.text) else ():
        _add_person(people, m.group("person"), m.group("role"), s.start, table)


def _investors(s: Sentence, table: OrgTable, people: dict[str, PersonRecord]) -> None:
    """'Kessel's investors include Halden Partners and Ida Brandt': the people among them."""
    pattern = mention_pattern(table)
    for m in INVESTOR_LIST_RE.finditer(s.text):
        owners = pattern.finditer(s.text, max(0, m.start() - 80), m.start()) if pattern else ()
        owner = [o for o in owners if _POSSESSIVE.fullmatch(s.text, o.end(), m.start())]
        record = table.get(owner[-1].group(0)) if owner else None
        org = record.name if record else None
        for item in split_list(m.group("items"), initials=True):
            item = re.split(r",|\s+as\s+well\s+as\b", item)[0].strip()
            if (
                re.fullmatch(_CONTACT_NAME, item)
                and not _FIRM_WORD.search(item)
                and not _COMPANY_WORD.search(item)
                and table.get(item) is None
            ):
                _add_contact(people, item, "investor", org, s.start, table)


_POSSESSIVE = re.compile(r"['’]s?\s+")


# A contact's name in a run of text: "Ida Brandt", "Ida K. Brandt".
_CONTACT_NAME = rf"[{_UP}][\w’'\-]+(?:[ \t]+[A-Z]\.)?[ \t]+[{_UP}][\w’'\-]+"
_NAME_JOIN = re.compile(r"\s*(?:/|,|\bor\b|\band\b|&)\s*")
# "Contact at Kessel Bio: Ida Brandt or Tomas Lind 555-123-4567": a contact line that lost its
# line breaks names its organisation, then its people, then a number or the next contact.
CONTACT_AT_RE = re.compile(
    rf"\b(?:[Cc]ontacts?|CONTACTS?)\s+(?:at|for|with)\s+(?P<org>{ORG_SEQ}(?:,?\s+{_SUFFIX})?)\s*:\s*"
    rf"(?P<names>{_CONTACT_NAME}(?:{_NAME_JOIN.pattern}{_CONTACT_NAME})*)"
    r"(?=\s*(?:[(+]?\d{3}|\S+@|[Cc]ontact|\n|$))"
)


_CONTACT_AT_HINT = re.compile(
    r"[Cc][Oo][Nn][Tt][Aa][Cc][Tt][Ss]?[ \t]+(?:at|for|with|AT|FOR|WITH)[ \t]"
)


def _contacts_at(text: str, table: OrgTable, people: dict[str, PersonRecord]) -> None:
    if _CONTACT_AT_HINT.search(text) is None:
        return  # the full pattern is dear; the hint is cheap
    for m in CONTACT_AT_RE.finditer(text):
        record = _org_line(m.group("org"), table)
        for name in _NAME_JOIN.split(m.group("names")):
            _add_contact(people, name, "Contact", record.name if record else None, m.start(), table)


def _add_contact(
    people: dict[str, PersonRecord],
    name: str,
    role: str | None,
    org: str | None,
    pos: int,
    table: OrgTable,
) -> None:
    name = " ".join(name.split())
    if name in people:
        return
    _add_person(people, name, role, pos, table)
    person = people.get(name)
    if person is not None and person.organization is None:
        person.organization = org


# Two contact blocks printed side by side, their columns apart by three spaces or a tab:
# "Ida Brandt, Ph.D.    Tomas Lind / Eva Berg".
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+)(?=\S)")
_CONTACT_HEAD = re.compile(r"(?i)^\W*(?:(?:company|media|investor|press)\s+)*contacts?\s*:?\s*$")
_CONTACT_LABEL = re.compile(r"[Cc]ontacts?\s*:|CONTACTS?\s*:")
_CONTACT_BLOCK = re.compile(r"[^\n]*(?:\n[^\n]*\S[^\n]*){1,8}")


def _column_contacts(text: str, table: OrgTable, people: dict[str, PersonRecord]) -> None:
    """Contact blocks in columns: each column read on its own, top to bottom, a heading
    ("Investor Contact:") giving the role of the names under it."""
    done = -1
    for label in _CONTACT_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, label.start()) + 1
        if line_start <= done:
            continue
        block = _CONTACT_BLOCK.match(text, line_start)
        if block is None:
            continue
        done = block.end()
        lines = block.group(0).split("\n")
        if sum(1 for line in lines if _COLUMN_GAP.search(line)) < 2:
            continue
        columns: list[list[str]] = []
        for line in lines:
            cells = _COLUMN_GAP.split(line.strip())
            if line[:1].isspace() and len(cells) == 1 and columns:
                columns[-1].append(cells[0])  # an indented line continues the last column
                continue
            for i, cell in enumerate(cells):
                while len(columns) <= i:
                    columns.append([])
                columns[i].append(cell)
        for column in columns:
            _read_column(column, block.start(), table, people)


# A contact block that lost its line breaks and columns: only a name with a role of a known
# shape ("Chief Financial Officer", "Director of Corporate Communications") or a telephone
# extension ("Ida Brandt, ext 17") says where one contact ends and the next begins.
_BOUNDED_ROLE = (
    r"Chief\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+Officer|(?:Senior\s+|Executive\s+)?(?:Vice\s+)?President"
    r"(?:\s+and\s+(?:CEO|Chief\s+Executive\s+Officer))?|(?:Senior\s+)?Director\s+of\s+[A-Z][a-z]+"
    r"(?:\s+[A-Z][a-z]+)?"
)
_FLAT_CONTACT = re.compile(
    rf"(?<![\w.’'-]){_CONTACT_NAME},\s+(?:(?P<role>{_BOUNDED_ROLE})(?=\s+[A-Z])|ext\.?\s*\d+)"
)


def _flat_contacts(text: str, table: OrgTable, people: dict[str, PersonRecord]) -> None:
    for label in _CONTACT_LABEL.finditer(text):
        window = text[label.end() : label.end() + 700]
        if "\n" in window[:200] or not _GATED_PHONE_OR_MAIL.search(window):
            continue  # a block with its lines is read line by line
        for m in _FLAT_CONTACT.finditer(window):
            name = " ".join(m.group(0).split(",")[0].split())
            role = " ".join((m.group("role") or "Contact").split())
            known = people.get(name)
            if known is not None and known.role and known.role.startswith(role):
                known.role = role  # "Chief Executive Officer Ida Brandt Tomas Lind": run on
            elif known is None:
                _add_contact(people, name, role, None, label.end() + m.start(), table)


def _read_column(
    column: list[str], pos: int, table: OrgTable, people: dict[str, PersonRecord]
) -> None:
    role: str | None = None
    found: list[str] = []
    for cell in column:
        cell = cell.strip()
        if _CONTACT_HEAD.match(cell):
            role = cell.strip(" :")
            continue
        record = _org_line(cell, table)
        if record is not None:
            for name in found:  # the organisation under its people
                if people[name].organization is None:
                    people[name].organization = record.name
            continue
        names = [n for n in _NAME_JOIN.split(_strip_credentials(cell)) if n]
        if names and all(re.fullmatch(_CONTACT_NAME, n) for n in names):
            for name in names:
                _add_contact(people, name, role, None, pos, table)
                if " ".join(name.split()) in people:
                    found.append(" ".join(name.split()))
        elif found and re.match(_ROLE_WORDS, cell) and people[found[-1]].role in (None, role):
            people[found[-1]].role = cell  # "President and CEO" under the name


def _first_column(line: str) -> str:
    return _COLUMN_GAP.split(line.strip())[0]


def _strip_credentials(cell: str) -> str:
    """'Ph.D.' after a name is a degree; 'Sr.' may open a role ('Sr. Dir. Business ...')."""
    return re.sub(
        r",?\s*(?:Ph\.\s?D\.|M\.\s?D\.|MBA|PhD|MD|Pharm\.\s?D\.)(?![\w])", "", cell
    ).strip(" ,")


def _merge_initialled(people: dict[str, PersonRecord]) -> None:
    """'Ida Brandt' and 'Ida K. Brandt' in one release are one person: the fuller name stays,
    with the role that names an organisation."""
    for name in list(people):
        words = name.split()
        for other in list(people):
            if other == name or name not in people or other not in people:
                continue
            longer = other.split()
            if (
                len(longer) == len(words) + 1
                and longer[0] == words[0]
                and longer[-1] == words[-1]
                and re.fullmatch(r"[A-Z]\.", longer[1])
            ):
                short, full = people.pop(name), people[other]
                if short.organization and not full.organization:
                    full.role, full.organization = short.role, short.organization
                full.start = min(full.start, short.start)


def _bare_three_words(m: re.Match[str]) -> bool:
    """'Kessel Earns Milestone' alone on a line: three words make a name ('Ida Leth Brandt')
    only with a role or a number after them."""
    words = m.group("person").split()
    return len(words) == 3 and not words[1].endswith(".") and not m.group("rest")


def _contact_line_nearby(text: str, s: Sentence) -> bool:
    """'Rob McKay, Sr. Dir. Business Development' alone on a line with a phone number or an
    e-mail address a few short lines below: a contact block split over blank lines."""
    line = s.text.strip()
    m = CONTACT_LINE_RE.match(line) if "\n" not in line and len(line) <= 120 else None
    if m is None or not _may_be_person(m.group("person")):
        return False  # "FOR IMMEDIATE RELEASE" above a contact is no contact line
    window = text[s.end : s.end + 250]
    prose = re.search(r"[^\n]{200}", window)  # a paragraph of prose ends the block
    return _looks_like_contact(line + "\n" + (window[: prose.start()] if prose else window))


def _next_line(text: str, pos: int) -> str:
    m = re.compile(r"\s*([^\n]*)").match(text, pos)
    return m.group(1) if m else ""


def _looks_like_contact(chunk: str) -> bool:
    return len(chunk) < 400 and bool(_GATED_PHONE_OR_MAIL.search(chunk))


def _org_line(line: str, table: OrgTable) -> OrgRecord | None:
    stripped = line.strip()
    if not stripped:
        return None
    record = table.get(stripped)
    if record is not None:
        return record
    m = SUFFIX_RE.fullmatch(stripped)
    return table.get(m.group("name")) if m else None
