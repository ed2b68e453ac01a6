"""Compounds (code names, INNs by WHO stem, brand names) and regulatory events."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.text import Sentence, compiled

# Code names: IMGN853, MEK162, SAR3419, ARRY-382, CUR-61414, BAY 94-9343, SGN-CD33A,
# ISIS-DMPK-2.5(Rx)
CODE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    r"[A-Z]{2,4}[- ]?\d{3,6}[A-Z]?"
    r"|[A-Z]{2,5}[ -]\d{2,3}-\d{3,5}"
    r"|[A-Z]{2,5}-[A-Z]{1,4}\d{1,3}[A-Z]"
    r"|[A-Z]{2,5}-[A-Z]{2,6}(?:-[\d.]+)?\s?\(Rx\s?\)"
    r"|[A-Z]{2,5}-\d{3,6}"
    r")(?![\w-])"
)
_CODE_EXCLUDE = re.compile(
    r"^(?:NCT|ISO|ISIN|CFR|FORM|ITEM|RULE|SEC|US|EU|ATC|ICD|PMID|DOI|ISSN|LA|FY|Q)\b|^(?:NCT|ISIN)"
)
_PAYLOADS = ("DM1", "DM4", "MMAE", "MMAF", "SN-38", "DXd", "PBD", "calicheamicin", "duocarmycin")
PAYLOAD_RE = re.compile(r"\b(?:DM1|DM4|MMAE|MMAF|SN-38|DXd|PBD|calicheamicin|duocarmycin)\b")
# WHO INN stems that mark a word as a drug name.
_STEMS = (
    "mab|cept|tinib|fenib|rafenib|anib|ciclib|parib|lisib|rsen|siran|tansine|vedotin|mafodotin|"
    "deruxtecan|govitecan|ozogamicin|gliptin|glutide|glinide|sartan|olol|dipine|prazole|lukast|"
    "oxacin|platin|taxel|rubicin|tecan|mustine|trexate|serin|setron|vastatin|tidine|caine|"
    "mycin|cillin|cycline|conazole|azole|buvir|previr|asvir|navir|tegravir|ciclovir|vir|dronate|"
    "parin|teplase|kinra|leukin|fermin|poetin|grastim|lutamide|relix|barbital|zepam|zolam|"
    "triptan|pridine|xaban|gatran|degib|tamab|zumab|ximab|umab|vimab|mig|stim|metinib|limus|"
    "lintide|pressin|tocin|relin|glitazone|flozin|afil|semide|thiazide|coxib|profen|oxetine|"
    "xetine|apine|idone|peridol|barb|sertib|tamide|rafil|bulin|lukin|nacept|bercept"
)
INN_RE = re.compile(rf"(?<![\w-])([A-Za-z][a-z]{{3,}}(?:{_STEMS}))(?![\w-])", re.I)
# Fast path: candidate words first, then the stem test on each word's ending.
_WORD_RE = re.compile(r"(?<![\w-])[A-Za-z][a-z]{4,}(?![\w-])")
_STEM_END = re.compile(rf"(?:{_STEMS})$")
_INN_STOPWORDS = frozenset(
    [
        "concept",
        "except",
        "accept",
        "intercept",
        "percept",
        "precept",
        "receptor",
        "april",
        "azole",
        "olol",
        "mig",
        "stim",
        "barb",
        "vir",
        "caine",
        "mycin",
        "apine",
        "idone",
        "afil",
        "pridine",
        "semide",
        "relin",
        "bulin",
        "leukin",
        "anthracycline",
        "anthracyclines",
        "tetracyclines",
        "antiviral",
    ]
)
# An ADC written as "antibody payload": "trastuzumab emtansine", "brentuximab vedotin".
CONJUGATE_RE = re.compile(
    r"(?<![\w-])([a-z]{4,}mab)[ -](emtansine|vedotin|mafodotin|deruxtecan|govitecan|ozogamicin|"
    r"soravtansine|ravtansine|mertansine|DM1|DM4|tesirine|pegol)(?![\w])",
    re.I,
)
BRAND_RE = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9\-]{2,30})\s?(?:\^)?\s?[®™]")
BRAND_PAREN_RE = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z\-]{2,30})\s?(?:\^?[®™])?\s*\(\s*([a-z][a-z\- ]{3,40}?)\s*\)"
)
_TECHNOLOGY_AFTER = re.compile(
    r"^\s*\^?[®™]?\s*\n?\s*(?:[\w-]+\s+){0,2}(?:technology|platform|technologies|drug[- ]delivery|"
    r"license|formulation|bispecific|domains?|-enabled|enabled)",
    re.I,
)
ALIAS_PAREN_RE = re.compile(r"\s*\(\s*([A-Z][\w-]{1,20}|[a-z]{4,}(?:\s[a-z]{4,})?)\s*\)")
NAMED_AS_RE = re.compile(
    r"(?:under\s+the\s+(?:brand\s+|trade\s+)?name|marketed\s+(?:[\w\s]{0,40}?\s)?as|also\s+known\s+as"
    r"|known\s+as|trade\s+name)\s+([A-Z][\w-]{2,30})"
)
PHASE_RE = re.compile(r"\b[Pp]hase\s+(III|II|I|3|2|1)(?:/(?:\d|I+)[ab]?)?[ab]?\b")
_PHASE_NAMES = {
    "1": "Phase I",
    "2": "Phase II",
    "3": "Phase III",
    "I": "Phase I",
    "II": "Phase II",
    "III": "Phase III",
}
TARGET_RE = re.compile(
    r"(?:targets?|targeting|against|anti-|binds?\s+to|inhibitor\s+of)\s+(?:the\s+)?"
    r"([A-Z][A-Z0-9\-]{1,10}|[a-z]{5,}in)\b"
)
TARGET_BEFORE_RE = re.compile(
    r"\b([A-Z][A-Z0-9\-]{1,10}|[a-z]{5,}in)[- ](?:inhibitor|antagonist|agonist|expressing)"
)

EVENT_PATTERNS = [
    (
        "IND active",
        re.compile(
            r"(?is)\bIND\b.{0,200}?\b(?:is\s+now|has\s+become|became|becoming|now)\s+(?:active|effective)\b|\bactive\s+IND\b"
            # the regulator cleared it: "the FDA's clearance of Marlowe's IND", "IND was cleared"
            r"|\bclearance\s+of\s+(?:\S+\s+){0,3}?IND\b|\bIND\b[^.]{0,60}?\b(?:was|has\s+been)\s+cleared\b"
        ),
    ),
    (
        "IND submission",
        re.compile(
            r"(?is)\b(?:submi(?:ssion|tted|ts?)|fil(?:ing|ed|es?))\b.{0,80}?\b(?:Investigational\s+New\s+Drug|IND\b|Clinical\s+Trial\s+(?:Authori[sz]ation|Application)|CTA\b)|\bIND\s+(?:submission|filing)"
        ),
    ),
    ("BLA submission", re.compile(r"(?s)\bBiologics?\s+License\s+Application|\bBLA\b")),
    ("NDA submission", re.compile(r"(?s)(?<!Investigational\s)\bNew\s+Drug\s+Application|\bNDA\b")),
    ("MAA submission", re.compile(r"(?s)\bMarketing\s+Authori[sz]ation\s+Application|\bMAA\b")),
    (
        "approval",
        re.compile(
            r"(?i)\b(?:approval\s+of|approved\s+(?:by|in)|received\s+approval|granted\s+(?:marketing\s+)?approval)\b"
            # a board or the shareholders approving a transaction is no regulatory decision
            r"(?!\s+(?:the\s+)?(?:boards?|shareholders|stockholders|directors)\b)"
        ),
    ),
    (
        "phase start",
        re.compile(
            r"(?i)\b(?:start(?:s|ed|ing)?|initiat\w+|commence\w*|dosing\s+of\s+the\s+first|dosed\s+(?:the\s+)?first)\b[^.]{0,60}?\bphase\s+(?:[123]|I{1,3})\b|\bphase\s+(?:[123]|I{1,3})\b[^.]{0,40}\b(?:initiated|started|commenced|began)\b"
        ),
    ),
]
_EVENT_NEGATIVE = re.compile(
    r"(?i)\b(?:plans?|planned|expects?|expected|anticipates?|anticipated|intends?|will|may|could|would"
    r"|if|once|upon|recommending|should|potential|future|risks?)\b"
)


@dataclass
class CompoundRecord:
    name: str
    start: int
    aliases: list[str] = field(default_factory=list)
    target: str | None = None
    payload: str | None = None
    developer: str | None = None
    phase: str | None = None


def find_compounds(text: str, masked: str) -> list[CompoundRecord]:
    """Compounds with their aliases, in order of first mention. ``masked`` has URLs blanked."""
    found: dict[str, CompoundRecord] = {}
    alias_of: dict[str, str] = {}

    def add(name: str, pos: int) -> CompoundRecord:
        key = name.casefold()
        if key in alias_of:
            return found[alias_of[key]]
        if key not in found:
            found[key] = CompoundRecord(name, pos)
            alias_of[key] = key
        return found[key]

    def link(record: CompoundRecord, alias: str) -> None:
        key = alias.casefold()
        if key == record.name.casefold():
            return
        if key in found and found[key] is not record:
            other = found.pop(key)
            record.aliases.extend(
                a for a in [other.name, *other.aliases] if a not in record.aliases
            )
            for k, v in list(alias_of.items()):
                if v == key:
                    alias_of[k] = record.name.casefold()
        if alias not in record.aliases and alias.casefold() not in (
            a.casefold() for a in record.aliases
        ):
            record.aliases.append(alias)
        alias_of[key] = record.name.casefold()

    for m in CONJUGATE_RE.finditer(masked):
        record = add(m.group(0)[0].lower() + m.group(0)[1:], m.start())
        _paren_alias(masked, m.end(), record, link)
    for m in CODE_RE.finditer(masked):
        code = " ".join(m.group(0).split())
        if _CODE_EXCLUDE.match(code) or re.fullmatch(r"[A-Z]+\s\d+", code):
            continue
        if (
            masked[max(0, m.start() - 6) : m.start()]
            .lower()
            .strip()
            .endswith(("form", "rule", "item", "no."))
        ):
            continue
        add(code, m.start())
    conjugates = [(m.start(), m.end()) for m in CONJUGATE_RE.finditer(masked)]
    for m in _WORD_RE.finditer(masked):
        word = m.group(0)
        if not _STEM_END.search(word.lower()):
            continue
        if any(a <= m.start() < b for a, b in conjugates):
            continue
        if word.lower() in _INN_STOPWORDS or not (word.islower() or word[1:].islower()):
            continue
        if masked[m.end() : m.end() + 1] == "-" or masked[max(0, m.start() - 1) : m.start()] == "-":
            continue
        if not word.islower() and _names_a_firm_or_person(masked, word):
            continue
        salt = _SALT_RE.match(masked, m.end())
        record = add(word.lower() + (salt.group(0).lower() if salt else ""), m.start())
        _paren_alias(masked, salt.end() if salt else m.end(), record, link)
    _link_versions(found, link)
    for m in BRAND_PAREN_RE.finditer(masked):
        brand, inn = m.group(1), m.group(2).strip()
        if inn.split()[0].casefold() in found or INN_RE.fullmatch(inn.split()[0]):
            record = add(inn.split()[0].lower(), m.start(2))
            link(record, brand)
    for m in BRAND_RE.finditer(masked):
        brand = m.group(1)
        if (
            _TECHNOLOGY_AFTER.match(masked, m.end())
            or _is_technology(masked, brand)
            or re.search(r"-(?:enabled|based|like)$", brand)
        ):
            continue
        if brand.casefold() not in alias_of:
            add(brand, m.start())
    for m in NAMED_AS_RE.finditer(masked):
        before = masked[max(0, m.start() - 120) : m.start()]
        near = [
            c for c in found.values() if c.name in before or any(a in before for a in c.aliases)
        ]
        if near:
            link(near[-1], m.group(1))
    return sorted(found.values(), key=lambda c: c.start)


_SALT_RE = re.compile(
    r"\s(?:phosphate|hydrochloride|sodium|mesylate|acetate|sulfate|citrate|maleate|tartrate|besylate"
    r"|succinate|fumarate|tosylate|dihydrochloride|potassium|calcium|bromide)\b",
    re.I,
)


# Words around a capitalised name that make it a company or a person, not a drug:
# "Halvorsen Pharma AS", "Dr. Anna Halvorsen".
_FIRM_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]+\s+)?(?:Pharma\w*|Therapeutics|Bio\w*|Laboratories|Group|Holdings|Capital"
    r"|Partners|Ventures|Inc\b|Ltd\b|AS\b|ASA\b|AG\b|AB\b|A/S|GmbH|plc\b|LLC\b|S\.?A\.?\b)"
)
_PERSON_BEFORE = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof)\.?|\b[A-Z][a-z]+)\s+$")


def _names_a_firm_or_person(text: str, word: str) -> bool:
    """A drug name is written in lower case somewhere; a capitalised-only word next to a
    company word or after a first name is a company or a surname."""
    if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text):
        return False
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if _FIRM_AFTER.match(text, m.end()) or _PERSON_BEFORE.search(text, 0, m.start()):
            return True
    return False


def _link_versions(found: dict[str, CompoundRecord], link) -> None:
    """'ISIS-DMPK(Rx)' is 'ISIS-DMPK-2.5(Rx)' without its version: the same compound."""
    for record in list(found.values()):
        short = re.sub(r"-[\d.]+(?=\s?\(|$)", "", record.name)
        if short != record.name and short.casefold() in found:
            link(record, found[short.casefold()].name)


def _paren_alias(text: str, pos: int, record: CompoundRecord, link) -> None:
    m = ALIAS_PAREN_RE.match(text, pos)
    if (m and not re.fullmatch(r"[A-Z]{2,4}", m.group(1))) or (m and re.search(r"\d", m.group(1))):
        alias = m.group(1)
        if not re.fullmatch(r"(?:19|20)\d\d", alias):
            link(record, alias)


def _is_technology(text: str, brand: str) -> bool:
    pattern = re.compile(
        rf"{re.escape(brand)}\s?\^?[®™]?\s*\n?\s*(?:drug[- ]delivery\s+)?(?:technology|platform)",
        re.I,
    )
    return bool(pattern.search(text)) or bool(
        re.search(rf"(?i)About\s+{re.escape(brand)}\W*\s*technology", text)
    )


def describe_compound(
    record: CompoundRecord,
    sentences: list[Sentence],
    orgs: list[tuple[str, re.Pattern[str] | None]],
) -> None:
    """Fill target, payload, phase and developer from the sentences that mention the compound."""
    forms = [record.name, *record.aliases]
    pattern = compiled("|".join(rf"(?<![\w-]){re.escape(f)}(?![\w-])" for f in forms), re.I)
    best_phase = None
    for s in sentences:
        if s.zone in ("fls",) or not pattern.search(s.text):
            continue
        if record.payload is None:
            payload = PAYLOAD_RE.search(s.text)
            if payload and (
                "attached" in s.text
                or "linked" in s.text
                or "payload" in s.text
                or "killing agent" in s.text
                or "conjugate" in s.text
            ):
                record.payload = payload.group(0)
        if record.target is None:
            target = TARGET_RE.search(s.text) or TARGET_BEFORE_RE.search(s.text)
            if target and target.group(1).casefold() not in (f.casefold() for f in forms):
                record.target = target.group(1)
        for phase in PHASE_RE.finditer(s.text):
            name = _PHASE_NAMES[phase.group(1)]
            if best_phase is None or name > best_phase:
                best_phase = name
        if record.developer is None:
            record.developer = _developer(s.text, orgs)
    mentioned = " ".join(s.text for s in sentences if pattern.search(s.text)).lower()
    if "approv" in mentioned and any(
        re.search(r"(?i)\b(?:is|was|been)\s+approved|approval\s+of", s.text)
        and pattern.search(s.text)
        and not _EVENT_NEGATIVE.search(s.text)
        for s in sentences
    ):
        best_phase = "Approved"
    if best_phase is None and any(
        re.search(r"(?i)\bpre-?clinical\b", s.text) and pattern.search(s.text)
        for s in sentences
        if s.zone != "fls"
    ):
        best_phase = "Preclinical"
    record.phase = best_phase


def _developer(sentence: str, orgs: list[tuple[str, re.Pattern[str] | None]]) -> str | None:
    m = re.search(
        r"(?:in\s+development\s+by|developed\s+by|being\s+developed\s+by|through\s+(?:the\s+)?(?:Company['’]s\s+)?collaboration\s+with|discovered\s+by)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)",
        sentence,
    )
    if not m:
        return None
    for name, pattern in orgs:
        if pattern is not None and pattern.match(m.group(1)):
            return name
    return None
