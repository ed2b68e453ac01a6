"""Organisations and people: find the names, group the aliases, pick the canonical name.

Organisations are found only through evidence that something is a company or an agency:
a legal suffix, a stock ticker, an agency head noun, an apposition ("a Sanofi company"), a
partner list, or a deal cue ("agreement with X", "payment from X", "X acquired"). A bare
capitalised word is never enough, which keeps drug brands, places and headings out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.text import Sentence, compiled
from kg.resolve import name_key

# A capitalised word: "ImmunoGen", "Bristol-Myers", "U.S.", "AP-HP", "Hôpitaux".
_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’\-/]*(?:\.(?=\w)[\w.]*)?)(?![\w'’\-])"
_CONNECT = r"(?:and|&|of|for|de|du|des|la|le|der|für)"
# Words are separated by real white space (one line break at most), so "ImmunoGen" is one
# word and never "Immuno" + "Gen": that ambiguity made every search backtrack heavily.
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# A legal suffix that a word can look like ("B.V.", "AG", "Ltd"): followed by "and" it ends one
# company's name, so "Kinayx Bio B.V. and Oreida AG" is two companies, never one name.
_SUFFIX_WORD = (
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|L\.L\.C\.|plc|PLC|AG|SE|S\.A\.|SA"
    r"|N\.V\.|NV|GmbH|KGaA|A/S|AB|ASA|Oyj|S\.p\.A\.|SpA|K\.K\.|B\.V\.|BV|LP|L\.P\.|LLP|AS|Company"
    r"|INC|CORP|CORPORATION|LTD|INCORPORATED)"
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
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.,?\s+Ltd\.?|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\."
    r"|plc|PLC|AG|SE|S\.A\.|SA|N\.V\.|NV|GmbH|KGaA|A/S|AB|ASA|Oyj|S\.p\.A\.|SpA|K\.K\.|B\.V\.|BV"
    r"|LP|L\.P\.|LLP|AS(?=[\s,.;:)\"”]|$)|Pty\.?\s+Ltd\.?|(?:and\s+)?Company|INC\.?|CORP\.?|CORPORATION"
    r"|LTD\.?|INCORPORATED)"
)
SUFFIX_RE = re.compile(rf"\b(?P<name>{ORG_SEQ}),?\s+(?P<suffix>{_SUFFIX})(?![\w-])")
_EXCHANGE = (
    r"(?:Nasdaq|NASDAQ|NYSE(?:\s+American|\s+MKT|\s+Amex)?|AMEX|TSX(?:-V|V)?|LSE|AIM|Euronext|EURONEXT"
    r"|SIX|OTC\w*|ASX|HKEX|SEHK|Xetra|XETRA|FWB|Frankfurt|TASE|KOSDAQ|TYO|TSE|Nasdaq\s+\w+)"
)
TICKER_RE = re.compile(
    rf"(?P<name>{ORG_SEQ}(?:,?\s+{_SUFFIX})?)\s*\(\s*(?:the\s+)?(?P<exchange>{_EXCHANGE})\s*:\s*"
    r"(?P<ticker>[A-Z][A-Z0-9.]{0,6})\b"
)
EXCHANGE_TICKER_RE = re.compile(
    rf"(?P<exchange>{_EXCHANGE})\s*:\s*(?P<ticker>[A-Z][A-Z0-9.]{{0,6}})\b"
)
BARE_TICKER_RE = re.compile(rf"(?P<name>{ORG_SEQ},?\s+{_SUFFIX})\s*\((?P<ticker>[A-Z]{{2,5}})\s*\)")
ALIAS_DEF_RE = re.compile(
    rf"(?P<name>{ORG_SEQ}(?:,?\s+{_SUFFIX})?)\s*\(\s*(?:the\s+)?[\"“”']?\s*(?P<alias>{ORG_SEQ})\s*[\"“”']?"
    r"\s*(?:\)|or\b)"
)
_AGENCY_HEAD = (
    r"(?:Administration|Commission|Agency|Association|Committee|Institutes?|University|Foundation"
    r"|Council|Society|Ministry|Organi[sz]ation|Hospital|Cent(?:er|re)|Authority|Office|Board"
    r"|Department|Stock\s+Exchange)(?![\w-])"
)
AGENCY_RE = re.compile(
    rf"\b(?P<name>(?:{ORG_SEQ}\s+)?{_AGENCY_HEAD}(?:\s+(?:of|for)(?:\s+the)?\s+{ORG_SEQ})?)"
)
APPOSITION_RE = re.compile(
    rf"(?:\ba\s+member\s+of\s+the\s+(?P<group>{_CAP}(?:\s+{_CAP})?)\s+Group"
    rf"|\ba\s+(?P<parent>{_CAP}(?:\s+{_CAP})?)\s+company\b"
    rf"|\b(?:wholly[- ]owned\s+)?(?:subsidiary|division|unit|affiliate)\s+of\s+(?P<owner>{ORG_SEQ})"
    rf"|\b(?:original\s+)?(?:developer|originator|owner|inventor),\s+(?P<origin>{ORG_SEQ}))"
)
AGENCY_UPPER_RE = re.compile(
    r"\b(?P<name>(?:[A-Z]{2,}\.?\s+){0,5}(?:AND\s+|OF\s+|FOR\s+)?(?:[A-Z]{2,}\s+){0,2}"
    r"(?:COMMISSION|ADMINISTRATION|AGENCY))\b"
)
# "a Leiden-based company", "a Nasdaq-listed company": an adjective, not a parent's name.
_DESCRIPTIVE_COMPOUND = re.compile(
    r"-(?:based|headquartered|listed|owned|held|focused|stage|backed|born)$", re.I
)
# "London Stock Exchange for the Subscription Shares": an exchange's name ends at "Exchange".
_EXCHANGE_TAIL = re.compile(r"(?<=Stock\sExchange)\s+(?:of|for)\b.*", re.S)
_TICKER_AFTER = re.compile(r"\s*:\s*[A-Z]")
_ACADEMIC_HEAD = re.compile(
    r"\b(?:University|Institutes?|Foundation|Hospital|Cent(?:er|re)|College|School)\b"
)
# A name that ends in an industry noun is a company's even without any cue: "Ostrava Therapeutics".
INDUSTRY_NAME_RE = re.compile(
    rf"{_START}{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+(?:Therapeutics|Pharmaceuticals?|Pharma"
    r"|Biosciences|Biotherapeutics|Biologics|Biotech|Biopharma|Genomics|Genetics|Medicines|Laboratories"
    r"|Diagnostics)(?![\w-])(?![ \t]+[A-Z])"  # "European Medicines Agency" goes on
)
# North American numbers, international ones ("+46 8 555 120 00"), e-mail addresses.
_PHONE_OR_MAIL = re.compile(
    r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\+\d{1,3}[\s(]+\d[\d\s().-]{6,}|@\w"
)
CONTACT_HEAD_RE = re.compile(r"(?im)^\W*(?:media\s+|investor\s+)?contacts?\s*:?\s*$")
# Regulators written as bare acronyms ("five FDA approved products").
REGULATOR_RE = re.compile(
    r"\b(?:FDA|EMA|EMEA|PMDA|MHRA|NMPA|CFDA|CHMP|NIH|NCI|SEC|BARDA|DARPA|CDC|WHO)\b"
)
_PARTNER_WORDS = re.compile(r"\b(?:partners|collaborators|licensees)\b")
PARTNER_LIST_RE = re.compile(
    rf"(?P<owner>{ORG_SEQ})(?:['’]s?)?\s+(?:\w+\s+)?(?:partners|collaborators|licensees)\s+"
    r"(?:include|includes|including|are|such\s+as)\s+(?P<items>[^.;:]{3,400})"
)
_CUE_PATTERNS = [
    # "agreement with X", "collaboration with X", "deal with X"
    rf"(?:agreements?|collaborations?|alliance|partnership|deal|arrangement|contract|licen[cs]e|"
    rf"relationship|collaborate|collaborating|working\s+closely)\s+with\s+(?:its\s+[\w\s]{{0,30}}?partner,?\s+)?"
    rf"(?P<x>{ORG_SEQ})",
    # "payment from X", "notification from X"
    rf"(?:payments?|fees?|milestones?|funding|notification|investment|rights|royalties)\s+"
    rf"(?:[^.\n]{{0,40}}?)\bfrom\s+(?P<x>{ORG_SEQ})",
    rf"(?:collaborator|partner|licensee|licensor|collaborative\s+partner|developer)s?,?\s+(?P<x>{ORG_SEQ})",
    rf"(?:acquired|developed|submitted|informed|marketed|advanced|filed|sponsored|owned|borne|"
    rf"selected|conducted|sold|commercialized|licensed)\s+by\s+(?P<x>{ORG_SEQ})",
    rf"\bbetween\s+(?:the\s+)?(?P<x>{ORG_SEQ})\s+and\s+(?P<y>{ORG_SEQ})",
    rf"(?P<x>{ORG_SEQ})\s+and\s+(?P<y>{ORG_SEQ})\s+(?:have\s+|has\s+)?(?:entered|formed|signed|"
    rf"announced|originally|agreed|reported|undertook|will\s+collaborate)",
    rf"(?P<x>{ORG_SEQ})\s+(?:has\s+|had\s+|have\s+|will\s+|also\s+|recently\s+)*(?:acquired|licensed|exercised|"
    rf"pays?|paid|make|made|agreed|earned|receive[sd]?|obtains?|market|informed|submitted|filed|"
    rf"purchased|is\s+obligated|is\s+responsible|has\s+the\s+right|becomes|intends)\b",
    rf"\b(?:to|pay|paid)\s+(?P<x>{ORG_SEQ})\s+(?:for|in|under|upon|on|a|an|the|\$|€|£)",
    rf"{_START}(?=\S{{3,80}}\s)(?P<x>{_CAP})[-/–](?P<y>{_CAP})\s+(?:[Cc]ollaboration|[Aa]greement|[Cc]o-development|[Ll]icense)",
]
CUE_RES = [re.compile(p) for p in _CUE_PATTERNS]
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
_PERSON_TITLES = r"(?:Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?)(?=\s)"  # British style drops the dot
_PERSON_NAME = (
    r"(?P<person>[A-Z][\w’'\-]+(?:\s+[A-Z]\.)?(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la)\s+)*[A-Z][\w’'\-]+){1,2}"
    r"|[A-Z]\.\s+[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+)"
)
_CREDENTIALS = (
    r"(?:,?\s*(?:Ph\.\s?D\.|M\.\s?D\.|M\.B\.A\.|MBA|Pharm\.\s?D\.|J\.D\.|Jr\.|Sr\.|MD|PhD))*"
)
_ROLE_WORDS = (
    r"(?:President|Chief|CEO|CFO|COO|CSO|CMO|Officer|Vice|VP|Director|Head|Senior|Executive|Chairman"
    r"|Chair|Founder|Manager|General\s+Counsel|Principal|Partner|Dir\.|Sr\.|Lead|Global|Professor)"
)
ATTRIBUTION_RES = [
    # said Daniel Junius, President and CEO of ImmunoGen
    re.compile(
        rf"\b(?:said|says|commented|stated|added|noted|explained|continued|remarked)\s+(?:{_PERSON_TITLES}\s+)?"
        rf"{_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>[^\"“”\n.]{{3,160}}?)(?=[.\"“”]|\s*\n|$)"
    ),
    # Daniel Junius, ImmunoGen President and CEO, commented
    re.compile(
        rf"(?:^|[.\"”]\s+|\n){_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>[^\"“”\n]{{3,160}}?),?\s+"
        r"(?:commented|said|stated|added|noted|explained)\b"
    ),
    # said Curis President and CEO Dan Passeri.
    re.compile(
        rf"\b(?:said|commented|stated|added)\s+(?P<role>(?:[A-Z][\w’'-]+\s+){{0,3}}?{_ROLE_WORDS}[\w\s,&]*?)\s+"
        rf"{_PERSON_NAME}\s*[.,]"
    ),
    # Drammen CEO Ingrid Solberg said ...
    re.compile(
        rf"(?<!\w)(?<![A-Za-z][’'-])(?P<role>(?:[A-Z][\w’'-]+\s+){{0,3}}?{_ROLE_WORDS}(?:\s+(?:and|of|&)\s+\w+)*)\s+"
        rf"{_PERSON_NAME}\s+(?:said|says|commented|stated|added)\b"
    ),
    # Dr. Karl Ziegelbauer, Head ... (not in a quote attribution)
    re.compile(
        rf"{_PERSON_TITLES}\s+{_PERSON_NAME}{_CREDENTIALS},\s+(?P<role>{_ROLE_WORDS}[^\"“”\n.]{{0,120}})"
    ),
]
CONTACT_LINE_RE = re.compile(
    rf"^\s*(?:[Cc]ontacts?:\s*)?(?:{_PERSON_TITLES}\s+)?(?P<person>[A-Z][\w’'\-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'\-]+)"
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
    ]
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


@dataclass
class PersonRecord:
    name: str
    role: str | None
    organization: str | None
    start: int


def clean_name(raw: str) -> str | None:
    """Trim a captured name: leading sentence words, possessives, trailing punctuation."""
    words = raw.replace("\n", " ").split()
    while words and words[0].lower().strip(",.") in _LEADING_NOISE:
        words.pop(0)
    while words and words[-1].lower() in ("and", "&", "of", "for", "de", "the"):
        words.pop()
    if not words:
        return None
    name = " ".join(words)
    name = re.sub(r"['’]s?$", "", name).strip(" ,;:-–—")
    if len(name) < 2 or name.lower() in _NOT_ORG_WORDS or not re.search(r"[A-Za-z]{2}", name):
        return None
    if re.search(r"\d", name) and not re.search(r"[A-Za-z]{3}", name):
        return None
    return name


class OrgTable:
    """All organisations of a release, looked up by any of their name forms."""

    def __init__(self) -> None:
        self.records: list[OrgRecord] = []
        self._by_key: dict[str, OrgRecord] = {}
        self.pattern_key: tuple[str, ...] | None = None
        self.pattern: re.Pattern[str] | None = None

    def add(self, form: str, pos: int, *, agency: bool = False) -> OrgRecord | None:
        key = name_key(form)
        if not key or key in _NOT_ORG_WORDS:
            return None
        record = self._by_key.get(key)
        if record is None:
            record = OrgRecord(form, agency=agency)
            self.records.append(record)
            self._by_key[key] = record
        record.forms.add(form)
        record.first = min(record.first, pos)
        return record

    def get(self, form: str) -> OrgRecord | None:
        return self._by_key.get(name_key(form))

    def merge(self, keep: OrgRecord, drop: OrgRecord) -> None:
        if keep is drop:
            return
        keep.forms |= drop.forms
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
        other = self._by_key.get(key)
        if other is not None and other is not record:
            self.merge(record, other)
        record.forms.add(form)
        self._by_key[key] = record


def find_organizations(
    text: str, sentences: list[Sentence], excluded: set[str], body_start: int
) -> OrgTable:
    """Every organisation with evidence; ``excluded`` holds compound and person names (keys)."""
    table = OrgTable()
    scan = [s for s in sentences if s.zone != "head" or s.end > body_start]

    def ok(name: str | None) -> str | None:
        if name is None or name_key(name) in excluded or WIRE_NAMES.match(name):
            return None
        if name.split()[0].lower().strip(",.") in excluded:
            return None
        return name

    contact_regions = [
        (m.start(), m.start() + 400) for m in CONTACT_HEAD_RE.finditer(text, 0, max(body_start, 0))
    ]
    for s in sentences:
        in_contacts = any(a <= s.start < b for a, b in contact_regions)
        if s.zone == "head" and not in_contacts and not _looks_like_contact(s.text):
            _strong_names(s, table, ok)
        for m in AGENCY_UPPER_RE.finditer(s.text):
            name = _title_case(m.group("name"))
            record = table.add(_strip_country(name), s.start + m.start(), agency=True)
            if record is not None and _strip_country(name) != name:
                table.alias(record, name)
    for s in scan:
        base = s.start
        for m in SUFFIX_RE.finditer(s.text):
            name = ok(clean_name(_after_connector(m.group("name"))))
            if name and not _is_the_company(m.group("name"), m.group("suffix")):
                full = " ".join(f"{name}{m.group(0)[m.end('name') - m.start() :]}".split())
                if name.isupper() and len(name) > 4:
                    name, full = _title_case(name), _title_case(full)
                record = table.add(full, base + m.start())
                if record is not None:
                    table.alias(record, name)
        for m in TICKER_RE.finditer(s.text):
            name = ok(clean_name(m.group("name")))
            record = table.add(name, base + m.start()) if name else None
            if record is not None and record.ticker is None:
                record.ticker, record.exchange = m.group("ticker"), _exchange(m.group("exchange"))
        for m in BARE_TICKER_RE.finditer(s.text):
            name = ok(clean_name(m.group("name")))
            record = table.add(name, base + m.start()) if name else None
            if record is not None and record.ticker is None:
                record.ticker = m.group("ticker")
        for m in AGENCY_RE.finditer(s.text):
            name = ok(clean_name(_EXCHANGE_TAIL.sub("", m.group("name"))))
            if _TICKER_AFTER.match(s.text, m.end()):
                continue  # "(Frankfurt Stock Exchange: KBT)": where the shares trade
            if name and len(name.split()) >= 2 and _agency_ok(name):
                # Universities and institutes sign deals and take money; regulators do not.
                regulator = not _ACADEMIC_HEAD.search(name)
                record = table.add(_strip_country(name), base + m.start(), agency=regulator)
                if record is not None and _strip_country(name) != name:
                    table.alias(record, name)
        for m in REGULATOR_RE.finditer(s.text):
            table.add(m.group(0), base + m.start(), agency=True)
        for m in APPOSITION_RE.finditer(s.text):
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
        for m in INDUSTRY_NAME_RE.finditer(s.text) if s.zone in ("body", "about") else ():
            name = ok(clean_name(m.group(0)))
            if name and len(name.split()) >= 2 and _plausible_cue_name(name, text):
                table.add(name, base + m.start())
        for cue in CUE_RES:
            for m in cue.finditer(s.text):
                for key in ("x", "y"):
                    if key in cue.groupindex and m.group(key):
                        name = ok(clean_name(m.group(key)))
                        if name and _plausible_cue_name(name, text):
                            table.add(name, base + m.start(key))
        for m in PARTNER_LIST_RE.finditer(s.text) if _PARTNER_WORDS.search(s.text) else ():
            for item in split_list(m.group("items")):
                name = ok(clean_name(item))
                if name:
                    table.add(name, base + m.start("items"))
    _exchange_tickers(text, table)
    _alias_definitions(text, table, excluded)
    _group_forms(text, table)
    _choose_names(text, table)
    return table


def _strong_names(s: Sentence, table: OrgTable, ok) -> None:
    """Headlines are title case, so only a legal suffix or a ticker marks a name there."""
    for m in SUFFIX_RE.finditer(s.text):
        name = ok(clean_name(m.group("name")))
        if (
            name
            and not _is_the_company(m.group("name"), m.group("suffix"))
            and len(name.split()) <= 3
        ):
            full = " ".join(f"{name}{m.group(0)[m.end('name') - m.start() :]}".split())
            if name.isupper() and len(name) > 4:
                name, full = _title_case(name), _title_case(full)
            record = table.add(full, s.start + m.start())
            if record is not None:
                table.alias(record, name)


def _title_case(name: str) -> str:
    """'REGENERON PHARMACEUTICALS, INC.' -> 'Regeneron Pharmaceuticals, Inc.'"""
    words = []
    for word in name.split():
        low = word.lower()
        words.append(low if low in ("and", "of", "for", "the") else word[:1] + word[1:].lower())
    return " ".join(words)


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
        len(words) <= 8
        and not any(w.lower() in bad for w in words)
        and words[0]
        not in (
            "Annual",
            "Meeting",
        )
    )


def _strip_country(name: str) -> str:
    """'U.S. Food and Drug Administration' is also written 'Food and Drug Administration'."""
    return re.sub(r"^(?:U\.S\.|US|United\s+States)\s+", "", name)


def _plausible_cue_name(name: str, text: str) -> bool:
    """A name found only by a cue: no generic phrase, nothing with digits, a real name shape."""
    if re.search(r"\d", name) or len(name.split()) > 4:
        return False
    words = name.split()
    if all(w.lower() in _NOT_ORG_WORDS for w in words) or words[0].lower() in _NOT_ORG_WORDS:
        return False
    if len(words) == 1 and name.isupper() and len(name) <= 3:
        return False  # an acronym like "IND" or "ADC" after "with"
    # An English word capitalised in a heading ("Offer to Purchase") also occurs in lower case.
    return not (len(words) == 1 and compiled(rf"\b{re.escape(name.lower())}\b").search(text))


def split_list(items: str) -> list[str]:
    """'Amgen, Bayer HealthCare (a member of X), and Sanofi' -> the names."""
    items = re.sub(r"\([^)]*\)", "", items)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*;\s*", items)
    names = []
    for part in parts:
        part = part.strip()
        m = re.match(ORG_SEQ, part)
        if m and m.end() >= len(part.rstrip(". ")) - 1:
            names.append(m.group(0))
    return names


def _exchange_tickers(text: str, table: OrgTable) -> None:
    """'Genzyme, a Sanofi company (EURONEXT:SAN and NYSE:SNY)': the ticker of the nearest name."""
    for m in EXCHANGE_TICKER_RE.finditer(text):
        window = text[max(0, m.start() - 80) : m.start()]
        best = None
        for record in table.records:
            for form in record.forms:
                pos = window.rfind(form)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, record)
        if best is not None and best[1].ticker is None:
            best[1].ticker, best[1].exchange = m.group("ticker"), _exchange(m.group("exchange"))


def _alias_definitions(text: str, table: OrgTable, excluded: set[str]) -> None:
    """'Huxley Pharmaceuticals, Inc. (Huxley)', 'Food and Drug Administration (FDA)'."""
    for m in ALIAS_DEF_RE.finditer(text):
        record = table.get(m.group("name")) or table.get(clean_name(m.group("name")) or "")
        alias = clean_name(m.group("alias"))
        if record is None or alias is None or name_key(alias) in excluded:
            continue
        if alias.lower() in ("company", "the company") or (
            re.fullmatch(r"[A-Z]{2,6}", alias) and (record.ticker == alias)
        ):
            continue
        if (
            re.fullmatch(r"[A-Z]{2,6}", alias)
            and not record.agency
            and _initials(record.name) != alias
        ):
            continue  # "(DNA)" is a ticker, not a name
        table.alias(record, alias)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w]*", name) if w[0].isupper())


def _group_forms(text: str, table: OrgTable) -> None:
    """Merge records whose keys are word prefixes/suffixes of each other ('Bayer HealthCare')."""
    records = sorted(table.records, key=lambda r: len(name_key(r.name)))
    for short in records:
        if short not in table.records:
            continue
        short_words = _words(name_key(short.name))
        if short_words and short_words[0] in _SHORT_FORM_BLOCK and len(short_words) == 1:
            continue
        targets = []
        for long in table.records:
            if long is short or long.agency != short.agency:
                continue
            long_words = _words(name_key(long.name))
            n = len(short_words)
            if len(long_words) > n and (
                long_words[:n] == short_words or long_words[-n:] == short_words
            ):
                targets.append(long)
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


def _related(a: OrgRecord, b: OrgRecord) -> bool:
    wa, wb = _words(name_key(a.name)), _words(name_key(b.name))
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def _words(key: str) -> list[str]:
    return [w for w in key.split() if w not in ("and",)]


def _choose_names(text: str, table: OrgTable) -> None:
    """Canonical name: the shortest form the text uses standalone; add short standalone forms."""
    for record in table.records:
        if not record.agency:
            _add_short_form(text, table, record)
        forms = sorted(record.forms, key=lambda f: (len(name_key(f)), len(f)))
        plain = [f for f in forms if not SUFFIX_RE.fullmatch(f)] or forms
        size = (len(name_key(plain[0])), len(plain[0]))
        record.name = _earliest(text, [f for f in plain if (len(name_key(f)), len(f)) == size])


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


def _add_short_form(text: str, table: OrgTable, record: OrgRecord) -> None:
    size = max(len(f) for f in record.forms)
    longest = _earliest(text, [f for f in record.forms if len(f) == size])
    words = _words(name_key(longest))
    if len(words) < 2:
        return
    original = [w for w in re.split(r"[\s,]+", longest) if w]
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(original[:n]).rstrip(",")
        if name_key(head) != " ".join(words[:n]) or words[0] in _SHORT_FORM_BLOCK:
            continue
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
        and _standalone(text, last, longest)
        and _after_lowercase(text, last)
        and not _claimed(table, record, last)
    ):
        table.alias(record, last)


def _standalone(text: str, head: str, longest: str) -> bool:
    """Does ``head`` occur on its own (not as the start of a longer capitalised name)?"""
    pattern = compiled(rf"(?<![\w-]){re.escape(head)}(?!\s*\n?\s*[A-Z][a-z])(?![\w-])")
    return any(True for _ in pattern.finditer(text))


def _after_lowercase(text: str, last: str) -> bool:
    """'the University' stands alone; 'Harlow Cancer Institute' is no use of 'Institute'."""
    for m in compiled(rf"(?<![\w-]){re.escape(last)}(?![\w-])").finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and not before[-1][:1].isupper():
            return True
    return False


def _claimed(table: OrgTable, record: OrgRecord, form: str) -> bool:
    other = table.get(form)
    if other is not None and other is not record:
        return True
    key = name_key(form)
    return any(
        r is not record and _words(name_key(r.name))[:1] == key.split()[:1] for r in table.records
    )


def mention_pattern(table: OrgTable) -> re.Pattern[str] | None:
    """One regex over every form of every organisation, longest first (cached per table)."""
    key = tuple(sorted(f for r in table.records for f in r.forms))
    if table.pattern_key == key:
        return table.pattern
    table.pattern_key, table.pattern = key, _build_mention_pattern(table)
    return table.pattern


def _build_mention_pattern(table: OrgTable) -> re.Pattern[str] | None:
    forms = sorted({f for r in table.records for f in r.forms}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# "By Elena Marsh | May 10, 2022": a reporter's byline at the top of a news item.
BYLINE_RE = re.compile(rf"(?m)^\s*By\s+{_PERSON_NAME}\s*(?:[|,–—-]|$)")
# An SEC filing's signature: "By: /s/ Helen Cho" with the name and the title on the lines below.
SIGNATURE_RE = re.compile(
    rf"/s/\s*{_PERSON_NAME}[ \t]*\n(?:[ \t]*(?:Name:\s*)?[A-Z][^\n]*\n)?[ \t]*(?:Title:\s*)?"
    rf"(?P<role>{_ROLE_WORDS}[^\n]{{0,80}})"
)


def find_people(text: str, sentences: list[Sentence], table: OrgTable) -> list[PersonRecord]:
    people: dict[str, PersonRecord] = {}
    for s in sentences:
        for pattern in ATTRIBUTION_RES:
            for m in pattern.finditer(s.text):
                _add_person(people, m.group("person"), m.group("role"), s.start + m.start(), table)
    for m in BYLINE_RE.finditer(text, 0, 2000):
        _add_person(people, m.group("person"), None, m.start(), table)
    for m in SIGNATURE_RE.finditer(text):
        _add_person(people, m.group("person"), m.group("role"), m.start(), table)
    _contact_people(text, sentences, table, people)
    return sorted(people.values(), key=lambda p: p.start)


def _add_person(
    people: dict[str, PersonRecord], name: str, role: str | None, pos: int, table: OrgTable
) -> None:
    name, role = _peel_titles(" ".join(name.split()), role)
    words = name.replace(".", "").lower().split()
    if any(w in _NOT_PERSON_WORDS or w in _ROLE_NAME_WORDS for w in words):
        return
    if table.get(name) is not None:
        return
    if len(words) < 2:
        return
    role_text, org = _split_role(role or "", table)
    if name not in people:
        people[name] = PersonRecord(name, role_text, org, pos)


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
            if not m or m.group("person") in people:
                continue
            rest = (m.group("rest") or "").strip()
            role = rest if rest and not re.search(r"\d{3}", rest) else None
            if (
                role is None
                and i + 1 < len(lines)
                and re.search(_ROLE_WORDS + r"|Relations", lines[i + 1])
            ):
                role = lines[i + 1].strip()
            _add_person(people, m.group("person"), role, s.start, table)
            person = people.get(" ".join(m.group("person").split()))
            if person is not None and person.organization is None:
                person.organization = current_org


def _contact_line_nearby(text: str, s: Sentence) -> bool:
    """'Rob McKay, Sr. Dir. Business Development' alone on a line with a phone number or an
    e-mail address a few short lines below: a contact block split over blank lines."""
    line = s.text.strip()
    if "\n" in line or len(line) > 120 or not CONTACT_LINE_RE.match(line):
        return False
    window = text[s.end : s.end + 250]
    prose = re.search(r"[^\n]{200}", window)  # a paragraph of prose ends the block
    return _looks_like_contact(line + "\n" + (window[: prose.start()] if prose else window))


def _next_line(text: str, pos: int) -> str:
    m = re.compile(r"\s*([^\n]*)").match(text, pos)
    return m.group(1) if m else ""


def _looks_like_contact(chunk: str) -> bool:
    return bool(_PHONE_OR_MAIL.search(chunk)) and len(chunk) < 400


def _org_line(line: str, table: OrgTable) -> OrgRecord | None:
    stripped = line.strip()
    if not stripped:
        return None
    record = table.get(stripped)
    if record is not None:
        return record
    m = SUFFIX_RE.fullmatch(stripped)
    return table.get(m.group("name")) if m else None
