"""Compounds: code names, INNs by WHO stem, brand names, and what the text says of each.

A compound is found by the shape of its name: a code name (``IMGN853``, ``BAY 94-9343``,
``mRNA-4157/V940``), an international non-proprietary name recognised by its WHO stem
(``-mab``, ``-tinib``, ``-siran``; with the FDA's four-letter suffix, ``-cmkb``, a salt or a
second word, ``x alfa``), a two-word INN (an ADC's antibody and payload, a gene therapy's
vector, ``insulin x``), a brand name (a trademark sign, a name the text gives as the brand of
a generic name: ``BRAND® (x/y acetate)``, or calls a drug, product or vaccine), or a name
after the drug's class or target (``the X agonist y``, ``its IL-n mAb``). Its other names join
it only when the text says they are one (a bracket after the name, "also known as",
"formerly", "is the trade name of"). Trademarked words that the text uses as a technology
(``X platform``, ``a bispecific X``, ``Xs``) and companies (a trademarked company, a word
shaped like an INN that the text capitalises in running text) are not compounds.

Target and payload are read only from the words attached to a mention of the compound: its
apposition or relative clause up to the next compound named, or the modifier right before it
("the FcRn antagonist X", "anti-CD20 antibody X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.organizations import RIGHTS_HELD_TO
from kg.extract.text import Gated, Sentence, any_of, compiled

# A registered or trademark sign, as the character or as text: ®, ™, ^®, (R), (r), (TM).
_MARK = r"(?:\s{0,8}\^?[®™]|\((?:R|r|TM|tm)\))"

# Code names: IMGN853, MEK162, SAR3419, ARRY-382, CUR-61414, BAY 94-9343, SGN-CD33A,
# ISIS-DMPK-2.5(Rx), mRNA-4157, PF-06651600, DS-8201a, AMG 888, BNT162b2, NNC0165-1875,
# ALN-TTR02, ABBV-CLS-484, XY-B01D1, and codes whose prefix ends in a digit (X4-1287); a
# slash joins two partners' codes for one compound.
CODE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    r"[A-Z]{2,4}[- ]?\d{3,8}(?:[a-z]\d|[A-Za-z])?(?:-\d{3,5})?"
    r"|[A-Z]{2,5}[ -]\d{2,3}-\d{3,5}"
    r"|[A-Z]{2,5}-[A-Z]{1,4}\d{1,3}[A-Z]\d{0,2}"  # SGN-CD33A, BL-B01D1
    r"|[A-Z]{2,5}-[A-Z]\d{3,5}"  # SHR-A1811
    r"|[A-Z]{2,5}-[A-Z]{2,4}\d{2,3}"
    r"|[A-Z]{2,5}-[A-Z]{2,5}-\d{3,6}"
    r"|[A-Z]{2,5}-[A-Z]{2,6}(?:-[\d.]+)?\s?\(Rx\s?\)"
    r"|[A-Z]{2,5}-\d{3,6}"
    r"|[a-z]{1,2}[A-Z]{2,4}-\d{3,6}"
    r"|[A-Z]{1,3}\d-\d{3,6}"
    r")(?![\w-])"
)
# A code with two digits ("QX-17") is as often a target (IL-17), a virus or a scale (EASI-75):
# it names a compound only where the text calls it one ("the QX-17 programme", "candidate QX-17").
_SHORT_CODE_RE = re.compile(r"(?<![\w/.-])([A-Z]{2,5}-\d{2})(?![\w-])")
_SHORT_CODE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:programmes?|programs?|candidates?|compounds?|molecules?)\b", re.I
)
_SHORT_CODE_BEFORE = re.compile(r"\b(?:candidates?|compounds?|molecules?)\s+$", re.I)
# Families of targets, pathogens and clinical scales written like a short code.
_NOT_SHORT_CODES = re.compile(
    r"^(?:IL|CD|PD|TLR|CCR|CXCR|FGF|FGFR|VEGF|HER|JAK|TNF|GLP|GIP|TGF|IFN|CYP|HLA|MHC|HIV|HPV"
    r"|COVID|SARS|MERS|HCV|HBV|RSV|EX|EASI|ACR|PASI|HAM|PHQ|SF|EQ|ECOG|FY|Q|H)-"
)
_SLASH_CODE = re.compile(r"/([A-Z]{1,5}-?\d{2,6}[A-Z]?)(?![\w-])")
_CODE_EXCLUDE = re.compile(
    r"^(?:NCT|ISO|ISIN|CFR|FORM|ITEM|RULE|SEC|US|EU|ATC|ICD|PMID|DOI|ISSN|LA|FY|Q|CIK|SIC|IRS"
    r"|EIN|CUSIP|PO|BOX|SUITE|TSE|HKEX|KOSDAQ|KRX"
    # stock indices, time zones, telephone, patent and regulatory file numbers
    r"|FTSE|ASX|TSX|DAX|CAC|OMX|MSCI|STOXX|KOSPI|TEL|FAX|GMT|EST|CET|CEST|EDT|PST|BST|UTC"
    r"|NDC|BLA|NDA|ANDA|IND|MAA|CTA|DMF|PMA|ANTI)\b|^(?:NCT|ISIN)"
)
# "Q3-2019", "H1-2020": a period, not a code.
_PERIOD_CODE = re.compile(r"^(?:Q[1-4]|H[12]|FY\d?)-(?:19|20)\d\d$")
# ISO 4217 codes that stand before amounts ("EUR400,000", "USD 30 million"): money, not drugs.
_CURRENCY_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CHF",
        "JPY",
        "DKK",
        "SEK",
        "NOK",
        "CNY",
        "RMB",
        "CAD",
        "AUD",
        "KRW",
        "INR",
        "HKD",
        "SGD",
        "NZD",
        "BRL",
        "MXN",
        "ZAR",
        "PLN",
        "CZK",
        "HUF",
        "ILS",
        "NIS",
        "RUB",
        "TWD",
        "TRY",
    ]
)
# ADC payloads, and payload classes that releases name as such ("a Topo1 ADC").
_PAYLOAD_WORDS = (
    r"DM1|DM4|MMAE|MMAF|SN-38|DXd|PBD|calicheamicin|duocarmycin|exatecan|Topo1|TOPO1"
    r"|topoisomerase[- ]1|auristatin|maytansinoid"
)
# WHO INN stems that mark a word as a drug name (-ib covers -tinib, -parib, -ciclib, -lisib ...;
# -bart and -tug are the antibody stems that replaced -mab in 2022).
_STEMS = (
    "mab|bart|tug|cept|ib|rsen|siran|tansine|vedotin|mafodotin|dotin|deruxtecan|govitecan|"
    "ozogamicin|gliptin|glutide|glinide|sartan|olol|dipine|prazole|lukast|"
    "oxacin|platin|taxel|rubicin|tecan|mustine|trexate|trexed|citabine|serin|setron|vastatin|"
    "tidine|caine|mycin|cillin|cycline|conazole|azole|buvir|previr|asvir|navir|tegravir|ciclovir|"
    "vir|dronate|parin|teplase|kinra|leukin|fermin|poetin|grastim|lutamide|relix|barbital|zepam|"
    "zolam|triptan|pridine|xaban|gatran|mig|stim|limus|lintide|pressin|tocin|relin|glitazone|"
    "flozin|afil|semide|thiazide|coxib|profen|oxetine|xetine|apine|idone|peridol|barb|tamide|"
    "rafil|lukin|imod|sentan|orexant|gepant|caftor|vaptan|siban|fungin|racetam|leucel|"
    "parvovec|sonide|methasone|terol|fentanil|gabalin|tegrast|dustat|glipron|tirelin|"
    # more of the WHO's stems: hormone analogues, receptor agonists and antagonists, enzyme
    # inhibitors, antibiotics, gene and cell therapies
    "paratide|reotide|begron|golix|fetamine|tropin|gestrel|gesterone|domide|inostat|listat|"
    "mostat|cestat|milast|glitazar|penem|bactam|pril|prost|adol|pitant|fenacin|trozole|ditan|"
    "cabtagene|repvec|vec|plon|pidem|estrant|dopa|ectedin|"
    # acid blockers, glucokinase activators, carbamates, retinoids
    "prazan|gliatin|bamate|arotene|"
    # EZH2 inhibitors, P2X antagonists, ciclosporin analogues
    "metostat|pixant|sporin"
)
_WORD_RE = re.compile(r"(?<![\w-])[A-Za-z][a-z]{4,}(?!\w)")
# The stems as plain endings: str.endswith tests them all far faster than a pattern ending in
# "$", which is tried at every offset of the word.
_STEM_ENDINGS = tuple(_STEMS.split("|"))
# The stems' last two letters: most words end otherwise and need no further test.
_STEM_TAILS = frozenset(stem[-2:] for stem in _STEM_ENDINGS)


def _has_stem(word: str) -> bool:
    """Whether a lower-case word ends in an INN stem."""
    return word[-2:] in _STEM_TAILS and word.endswith(_STEM_ENDINGS)


# The FDA's distinguishing suffix of a biologic's name: "margetuximab-cmkb".
_FDA_SUFFIX = re.compile(r"-[a-z]{4}(?![\w-])")
# English and biology words that end like a stem but name no drug.
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
        "leukin",
        "anthracycline",
        "anthracyclines",
        "tetracyclines",
        "antiviral",
        "immunoglobulin",
        "immunoglobulins",
        "globulin",
        "tubulin",
        "microtubulin",
        "antibiotic",
        "antibiotics",
        "caribbean",
    ]
)
# An ADC written as "antibody payload": "trastuzumab emtansine", "brentuximab vedotin".
CONJUGATE_RE = re.compile(
    r"(?<![\w-])([a-z]{4,}(?:mab|bart|tug))[ -]"
    r"([a-z]*(?:tansine|dotin|tecan|tesirine|ozogamicin)|pegol|DM1|DM4)(?![\w])",
    re.I,
)
# Its payload's word, which most releases lack: the pattern, tried at every word, is not.
_GATED_CONJUGATE = Gated(
    CONJUGATE_RE,
    any_of("tansine dotin tecan tesirine ozogamicin pegol dm1 dm4"),
    ignore_case=True,
)
# A trademarked word: found from the sign (rare), then the word before it.
_MARK_SIGN = re.compile(r"[®™]|\((?:R|r|TM|tm)\)")
BRAND_RE = re.compile(rf"(?<![\w-])([A-Z][A-Za-z0-9\-]{{2,30}}){_MARK}")
# "BRAND® (inn)", "BRAND (inn injection)", "BRAND® (inn; approved in ...)", "BRAND™ (INN:
# inn)", "BRAND® (inn/inn/inn salt)": found from the bracket, then the brand before it.
_INN_BRACKET = re.compile(
    r"\(\s*(?:INN:\s*)?([a-z][a-z\-]{3,40}(?:/[a-z][a-z\-]{3,40})*)((?:\s+[a-z]{3,20}){0,3})"
    r"\s*[;,)]"
)
# Words after a generic name in a brand's bracket that say how it is given, not what it is.
_DOSAGE_FORM = re.compile(
    r"(?i)(?:for|oral|intravenous|subcutaneous|injection|injectable|infusion|tablets?|capsules?"
    r"|solution|suspension|cream|gel|ointment|spray|powder|extended|release|delayed|patch"
    r"|concentrate|film|coated|inhalation|eye|drops)"
)
# Lower-case words that can stand in a bracket after a brand without being its generic name.
_NOT_GENERIC = re.compile(
    r"(?i)^(?:formerly|previously|worldwide|globally|marketed|approved|launched|pending"
    r"|excluding|including|only|both|each|all|other|outside|inside|generic|brand|[a-z]+ly)$"
)
_BRAND_BEFORE_BRACKET = re.compile(rf"(?<![\w-])([A-Z][A-Za-z\-]{{2,30}}){_MARK}?\s*$")
# A capitalised word just before, on the same line ("Biophysical Mapping™"); not a possessive.
_NAME_WORD_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+[ \t]$", re.M)
# A brand named by what it is: "the cancer drug Keytruda", "its medicine Veltrax"; or by what
# a regulator did to it: "the FDA today approved Veltrax for …".
_BRAND_AFTER_NOUN = re.compile(
    r"\b(?:drug|medicine|medication|blockbuster|product|vaccine|brand|treatment|therapy"
    # what is sold or earns royalties is a product: "net sales of Veltrax", "royalties on Veltrax"
    r"|(?:net\s+|worldwide\s+|global\s+|annual\s+)?sales\s+of(?:\s+the)?|royalt(?:y|ies)\s+on"
    # what rights are gained or held to: "Kessel gained rights to Veltrax in Japan"
    r"|"
    + RIGHTS_HELD_TO
    + r"|(?:FDA|Administration|Commission|EMA|Agency|MHRA|PMDA|NMPA|Swissmedic)\s+(?:has\s+)?"
    r"(?:today\s+)?approved)"
    # the brand on the same line, or the next: never across a paragraph ("… botulism drug" at a
    # headline's end, then the company that opens the body)
    r"[ \t]{1,3}(?:\n[ \t]{0,3})?"
    # (a route may come between: "sales of subcutaneous Veltrax")
    r"(?:(?:subcutaneous|oral|intravenous|injectable|inhaled|topical|transdermal|intranasal)"
    r"[ \t]+)?"
    r"([A-Z][a-z]{3,}[a-z]|[A-Z]{4,})(?=[\s,.;:)])"
    # "a royalty on Kessel product sales": the maker's name, not a product's; nor the first
    # word of a name that goes on ("royalties on Pasteur Merieux's sales")
    r"(?!\s+(?:products?|sales|revenues?)\b)(?![ \t]+[A-Z])"
)
ALIAS_PAREN_RE = re.compile(
    rf"\s*\(\s*([A-Z]{{2,5}}\s\d{{3,7}}|[A-Z][\w-]{{1,20}}|[a-z]{{4,}}(?:\s[a-z]{{4,}})?)"
    rf"{_MARK}?\s*\)"
)
# The text saying two names are one compound.
NAMED_AS_RE = re.compile(
    r"(?:under\s+the\s+(?:brand\s+|trade\s+)?name"
    r"|(?:marketed|sold|branded|commerciali[sz]ed)\s+(?:[^.;()]{0,40}?\s)?as"
    r"|(?:also|previously|formerly)\s+(?:known\s+as|called|named)|known\s+as|trade\s+name"
    r"|formerly)\s+([A-Z][\w-]{2,30}(?:\s[A-Z][\w-]{1,20}){0,2})"
)
_KNOWN_AS_GENERIC = re.compile(
    r"\b(?:also\s+|previously\s+|formerly\s+)?known\s+as\s+([a-z]{5,})\b"
)
# A trademarked word used as a technology: "X platform", "X bispecific antibodies", "a X",
# "platforms, X and Y".
_TECHNOLOGY_NOUNS = (
    r"technology|technologies|platforms?|drug[- ]delivery|formulation|bispecifics?"
    r"|domains?|antibod(?:y|ies)|molecules|scaffolds?|format|-enabled|enabled|-based|based|library"
)
_TECHNOLOGY_AFTER = re.compile(
    rf"(?:{_MARK})?\s*\n?\s*(?:[\w-]+\s+){{0,2}}?(?:{_TECHNOLOGY_NOUNS})\b", re.I
)
# Before it: "platforms, X", "proprietary X", or counted as a class of molecules: "a X",
# "this first X", "a CD20 X", "a bi-specific X".
_TECHNOLOGY_BEFORE = re.compile(
    r"(?:(?i:platforms?|technolog(?:y|ies))\s*[,:]\s*|\b(?i:proprietary)\s+"
    r"|\b(?:[Aa]n?|[Tt]his|[Ee]ach|[Ee]very|another|first)\s+(?:[\w-]+\s+)?)$"
)
_BRACKET_AFTER = re.compile(r"\s*\((?!(?:R|r|TM|tm)\))")  # "a X (inn)" names a drug
PHASE_RE = re.compile(r"\b[Pp]hase\s+(III|II|I|3|2|1)(?:/(?:\d|I+)[ab]?)?[ab]?\b")
_PHASE_NAMES = {
    "1": "Phase I",
    "2": "Phase II",
    "3": "Phase III",
    "I": "Phase I",
    "II": "Phase II",
    "III": "Phase III",
}

# ---- targets and payloads: the words attached to a mention --------------------------------

# A target's name: HER2, CD20, cFMS, FcRn, FRα, VEGF-A, B7-H3; or a protein word (mesothelin).
_SYMBOL = r"[a-z]{0,2}[A-Z][A-Za-z0-9α-ωΑ-Ω]*(?:-[A-Za-z0-9α-ω]+)*"
# A receptor's subtypes by Greek letter ("PPAR alpha and delta"), a binding protein.
_GREEK = r"(?:alpha|beta|gamma|delta)"
_TOKEN = (
    rf"{_SYMBOL}(?:/{_SYMBOL})*(?:\s+{_GREEK}(?:\s+(?:and|or)\s+{_GREEK})?)?"
    rf"(?:\s+(?:ligand|receptor|binding\s+protein)\b)?|factor\s+[A-Z0-9]{{1,4}}a?\b"
)
_PROTEIN = r"[a-z]{4,}in(?![\w-])"
_ACTION = (
    r"(?:bispecific\s+)?(?:inhibitors?|antagonists?|agonists?|blockers?|modulators?|openers?|activators?"
    r"|immunotherapy|antibod(?:y|ies)"
    r"|degraders?|ADCs?|(?:antibody[- ]drug\s+)?conjugates?)"
)
# An ion channel ("a Kv7 potassium channel opener") and an enzyme ("the neutrophil elastase
# inhibitor"): the target is named with its class noun.
_CHANNEL = rf"{_SYMBOL}(?:\s+[a-z]+){{0,2}}\s+channels?"
# a named enzyme ("elastase"), never a class of them ("a small molecule kinase inhibitor")
_ENZYME = (
    r"(?:(?![a-z]+(?:ed|al|ive|ous|ble)\s|molecule\s)[a-z]{4,}\s+)?"
    r"(?!(?:kinase|protease|phosphatase|polymerase|transferase|ligase|hydrolase|synthase"
    r"|oxidase|reductase|peptidase|nuclease|esterase|isomerase|lyase|deacetylase|methyltransferase"
    r"|dehydrogenase|ATPase|GTPase)\b)[a-z]{3,}ase"
)
# After the mention (its apposition or clause), the first of these that matches.
_TARGET_AFTER = [
    # "inn (PD-1/VEGF, KB112)": a target's symbol first in a bracket that also holds the code
    re.compile(rf"^\s*\(\s*(?=[^,)]*[-/\d])({_TOKEN})\s*,"),
    re.compile(rf"\banti-({_TOKEN})"),
    re.compile(rf"(?<![\w-])({_TOKEN})-(?i:targeted|targeting|directed|specific)\b"),
    # "targeting tumor cells overexpressing the epithelial cell adhesion molecule (EpCAM)"
    re.compile(
        r"\b(?:targets?|targeting|directed\s+(?:against|at|to)|binds?(?:\s+to)?|inhibits?"
        r"|blocks?|(?:inhibitor|antagonist|agonist)\s+of|reduce\s+the\s+production\s+of"
        r"|silenc\w+)\s+(?:[\w-]+\s+){0,8}?\((" + _TOKEN + r")\)"
    ),
    re.compile(
        r"\b(?:targets?|targeting|directed\s+(?:against|at|to)|binds?(?:\s+to)?|inhibits?"
        r"|blocks?|(?:inhibitor|antagonist|agonist)\s+of)\s+(?:the\s+)?(?:all\s+forms\s+of\s+)?"
        r"(?:(?:over)?expression\s+of\s+(?:the\s+)?)?(" + _TOKEN + "|" + _PROTEIN + r")"
    ),
    re.compile(rf"\(({_TOKEN})\)\s+{_ACTION}\b"),
    re.compile(rf"(?<![\w-])([a-z][\w-]*\s+receptor)\s+{_ACTION}\b"),
    re.compile(rf"(?<![\w-])({_TOKEN})\s+{_ACTION}\b"),
    # an siRNA "silencing liver xanthine dehydrogenase"
    re.compile(r"\bsilenc\w+\s+(?:[a-z]+\s+)?([a-z]+\s+[a-z]+ase)\b"),
    # last: "a kinase inhibitor targeting ATR" names its target after the class
    re.compile(rf"(?<![\w-])({_CHANNEL})\s+{_ACTION}\b"),
    re.compile(rf"(?<![\w-])({_ENZYME})\s+inhibitors?\b"),
]
# Right before the mention: "the FcRn antagonist X", "HER2-targeted bispecific antibody X".
_TARGET_BEFORE = [
    re.compile(rf"(?<![\w-])({_CHANNEL})\s+{_ACTION},?\s+$"),
    re.compile(rf"(?<![\w-])({_ENZYME})\s+inhibitors?,?\s+$"),
    re.compile(rf"(?<![\w-])({_TOKEN})-(?i:targeted|targeting|directed)\s+(?:[\w-]+\s+){{0,3}}$"),
    re.compile(rf"\banti-({_TOKEN})\s+(?:[\w-]+\s+){{0,2}}$"),
    re.compile(rf"(?<![\w-])([a-z][\w-]*\s+receptor)\s+{_ACTION}\s+$"),
    re.compile(rf"(?<![\w-])({_TOKEN})\s+{_ACTION}\s+$"),
]
# Acronyms that are no target: agencies, nucleic acids, drug classes, trial words.
_NOT_TARGETS = frozenset(
    [
        "FDA",
        "EMA",
        "EC",
        "US",
        "USA",
        "EU",
        "UK",
        "IND",
        "BLA",
        "NDA",
        "MAA",
        "ADC",
        "ADCs",
        "DNA",
        "RNA",
        "mRNA",
        "siRNA",
        "PCV",
        "CEO",
        "AG",
        "Inc",
        "TAP",
        "PRV",
        "NHS",
        "WHO",
        "AI",
        "ML",
        "IP",
        "IPO",
        "NASDAQ",
        "NYSE",
        "PDUFA",
        "CTA",
    ]
)
_PAYLOAD = re.compile(_PAYLOAD_WORDS, re.I)
_PAYLOAD_AFTER = [
    re.compile(rf"(?<![\w-])({_PAYLOAD_WORDS})(?:[- ]based)?\s+(?:ADC|antibody[- ]drug\s+conj)"),
    re.compile(
        rf"(?<![\w-])({_PAYLOAD_WORDS})\b[^.;]{{0,60}}?\b(?:attached|linked|conjugated|payload)"
    ),
    re.compile(
        rf"\b(?:payload|killing\s+agent)\s*,?\s+(?:[\w'’-]+\s+){{0,2}}?({_PAYLOAD_WORDS})\b"
    ),
]
# Where a new clause about something else begins: "X ..., and the anti-CD19 antibody Y".
_NEXT_CLAUSE = re.compile(r",?\s+(?:and|or|plus|while|whereas)\s+(?:the|its|our|their|a|an)\s")
# The compound is the carrier, not the conjugate: "DM1, linked to the antibody, trastuzumab".
_CARRIER_BEFORE = re.compile(r"\b(?:linked|attached|conjugated)\s+(?:to|with)\s+[^.;]{0,50}$", re.I)

_EVENT_NEGATIVE = re.compile(
    r"(?i)\b(?:plans?|planned|expects?|expected|anticipates?|anticipated|intends?|will|(?-i:may)|could|would"
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

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


def find_compounds(text: str, masked: str) -> list[CompoundRecord]:
    """Compounds with their aliases, in order of first mention. ``masked`` has URLs blanked."""
    # text pasted from JSON keeps its line breaks as the two characters "\\n": spaces here
    # (of the same length, so offsets hold)
    masked = masked.replace("\\n", "  ")
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
            record.start = min(record.start, other.start)
            for k, v in list(alias_of.items()):
                if v == key:
                    alias_of[k] = record.name.casefold()
        if alias not in record.aliases and alias.casefold() not in (
            a.casefold() for a in record.aliases
        ):
            record.aliases.append(alias)
        alias_of[key] = record.name.casefold()

    platform = _PlatformTest(masked)
    conjugates = _find_conjugates(masked, add, link)
    _find_codes(masked, add, link)
    _find_short_codes(masked, add, link)
    _find_called_codes(masked, found, add)
    _find_inns(masked, conjugates, add, link)
    _find_named_by_class(masked, alias_of, add, link)
    _find_named_by_target(masked, alias_of, add)
    _find_acids(masked, add, link)
    _link_versions(found, link)
    for brand, inn, pos, marked in _brands_with_inn(masked):
        known = inn.casefold() in alias_of
        generic = known or _is_inn(inn) or (marked and _looks_generic(inn))
        if generic and not platform(brand) and not _CODE_EXCLUDE.match(brand):
            record = found[alias_of[inn.casefold()]] if known else add(inn, pos)
            link(record, brand)
    for m in _trademarks(masked):
        brand = m.group(1)
        if brand.casefold() in alias_of or platform(brand) or _CODE_EXCLUDE.match(brand):
            continue
        if _NAME_WORD_BEFORE.search(masked, max(0, m.start() - 40), m.start()) and not (
            brand.isupper() and len(brand) >= 4  # "Includes KESSELAN® Injection": a word of its own
        ):
            continue  # "Biophysical Mapping™": one word of a longer (technology) name
        if re.search(r"-(?:enabled|based|like)$", brand) or _names_a_firm(masked, brand):
            continue
        add(brand, m.start())
    for m in _BRAND_AFTER_NOUN.finditer(masked):
        brand = m.group(1)
        if brand.casefold() in alias_of or platform(brand):
            continue
        if not _names_a_firm_or_person(masked, brand) and not _is_common_word(masked, brand):
            add(brand, m.start(1))
    for brand, at in _brands_listed(masked):
        if brand.casefold() in alias_of or platform(brand):
            continue
        if not _names_a_firm_or_person(masked, brand) and not _is_common_word(masked, brand):
            add(brand, at)
    for m in _named_by_apposition(masked):
        name = m.group(1)
        if name.casefold() in alias_of or platform(name) or _CODE_EXCLUDE.match(name):
            continue
        if not _names_a_firm_or_person(masked, name) and not _is_common_word(masked, name):
            add(name, m.start(1))
    for m in NAMED_AS_RE.finditer(masked):
        record = _named_before(found, masked, m.start())
        alias = m.group(1)
        if record is None or platform(alias.split()[0]) or _renames_a_firm(masked, m):
            continue
        link(record, alias)
    for m in _KNOWN_AS_GENERIC.finditer(masked) if "known as" in masked else ():
        # "KS-101 (also known as kesselitinib)": a generic name found on its own is the same drug
        record = _named_before(found, masked, m.start())
        if record is not None and m.group(1).casefold() in alias_of:
            link(record, m.group(1))
    trade_names = _TRADE_NAME_OF.finditer(masked) if " name " in masked else ()
    for m in trade_names:
        if m.group(1).casefold() in alias_of and not platform(m.group(2).split()[0]):
            link(found[alias_of[m.group(1).casefold()]], m.group(2))
    return sorted(found.values(), key=lambda c: c.start)


# Brands listed after what they are: "the two blockbuster drugs, Keltra and Vexor".
_BRAND_WORD = r"(?:[A-Z][a-z]{3,}|[A-Z]{4,})"
# "drugs such as Abbott Laboratories' Humira, Amgen's Neupogen, and Genentech's Rituxan": each
# brand, after its maker's possessive.
_OWNED = r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s?\s+)?"
_BRANDS_AFTER_PLURAL = re.compile(  # the word boundary before is tested in code: faster
    r"(?:drugs|medicines|medications|vaccines|brands|products)\s*,?\s+"
    r"(?:such\s+as\s+|including\s+|like\s+)?"
    rf"({_OWNED}{_BRAND_WORD}(?:\s*,\s*{_OWNED}{_BRAND_WORD})*\s*,?\s+and\s+{_OWNED}{_BRAND_WORD})"
    r"(?=[\s,.;:)])"
)
_OWNER_BEFORE = re.compile(r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s?\s+")


def _brands_listed(masked: str):
    for m in _BRANDS_AFTER_PLURAL.finditer(masked):
        if m.start() and masked[m.start() - 1].isalnum():
            continue
        at = m.start(1)
        for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1)):
            item = _OWNER_BEFORE.sub("", item)
            if item:
                yield item, masked.find(item, at)


# A drug named by what it is, in an apposition: "to launch Kessovan-K, a cell gene therapy for
# osteoarthritis", "Veltrax, an oral inhibitor that ...".
# Found from the comma and the noun (few), then the name before them.
_APPOSITION_NOUN = re.compile(  # never a company's apposition: "X, a company developing a drug"
    r",\s+(?:an?|the)\s+(?:(?!(?:company|companies|firm|developer|leader|maker|provider|biotech"
    r"|group|organi[sz]ation|partner)\b)[\w-]+\s+){0,4}?(?:therapy|drug|medicine|vaccine|treatment|inhibitor"
    r"|antibody|(?:product\s+)?candidate|[\w-]*therapy|[\w-]*vaccine)"
    r"(?=\s+(?:for|that|which|to|in|developed|approved|of)\b"
    r"|[,.;])"
)
_NAME_BEFORE_APPOSITION = re.compile(
    rf"(?<![\w-])((?:[A-Z][a-z]{{3,}}|[A-Z]{{4,}})(?:-[A-Z0-9]{{1,3}})?)(?:{_MARK})?$"
)


_RUNNING_BEFORE = re.compile(r"\b[a-z]+[ \t]+$")


def _named_by_apposition(masked: str):
    for m in _APPOSITION_NOUN.finditer(masked):
        name = _NAME_BEFORE_APPOSITION.search(masked, max(0, m.start() - 40), m.start())
        # in running text, after a lower-case word: never a sentence's first word ("Today, ...")
        if name is not None and _RUNNING_BEFORE.search(
            masked, max(0, name.start() - 30), name.start()
        ):
            yield name


# "BRAND is the Japanese trade name of the XYZ SLIT-tablet": the product the brand names.
_TRADE_NAME_OF = re.compile(
    rf"(?<![\w-])([A-Z][\w-]{{2,30}})(?:{_MARK})?\s+is\s+the\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:trade|brand|proprietary)\s+name\s+(?:of|for)\s+(?:the\s+|its\s+)?"
    r"((?:[A-Z][\w-]*|[a-z]+-[\w-]+)(?:\s(?:[A-Z][\w-]*|[a-z]+-[\w-]+)){0,3})"
)
# A drug named after its class: "the PPAR agonist velifibranor", "investigational treatment X".
_NAMED_BY_CLASS = Gated(
    re.compile(
        r"\b(?:agonist|antagonist|inhibitor|blocker|modulator|degrader"
        r"|investigational\s+(?:drug|treatment|therapy|medicine|product|compound))\s+([a-z]{6,})\b"
    ),
    any_of("agonist inhibitor blocker modulator degrader investigational"),
)
# Endings of English words (nouns, verbs, adjectives), which invented drug names avoid.
_ENGLISH_ENDING = re.compile(
    r"(?:ing|ed|ion|ions|ments?|ness|ity|ies|s|al|ive|ous|ure|ance|ence|ship|er|ic|ogy|y|ate"
    r"|ize|ise|ant|ent|ble|ful|less|ward|wide|ist|ism|th|ch|gh)$"
)
_CLASS_FOLLOWERS = frozenset(
    [
        "platform",
        "portfolio",
        "program",
        "programme",
        "pipeline",
        "franchise",
        "target",
        "market",
        "design",
        "within",
        "across",
        "alone",
        "combined",
        "candidate",
        "compound",
        "molecule",
        "approach",
        "expertise",
        "therapeutic",
    ]
)


def _find_named_by_class(masked: str, alias_of: dict[str, str], add, link) -> None:
    for m in _NAMED_BY_CLASS.finditer(masked):
        word = m.group(1)
        if word in alias_of or word in _CLASS_FOLLOWERS or _ENGLISH_ENDING.search(word):
            continue
        if re.search(rf"(?i)\b(?:an?|the)\s+{word}\b", masked):
            continue  # a common noun takes an article; a drug's name does not
        record = add(word, m.start(1))
        _paren_alias(masked, m.end(1), record, link)


# Drugs named as acids: "zoledronic acid", "obeticholic acid", "tranexamic acid (TXA)"; not the
# nucleic acids.
_ACID = re.compile(
    r"(?<![\w-])((?:[a-z]{4,}(?:dronic|cholic)|[a-z]{5,}(?<!nucle)ic)\s+acid)(?![\w-])"
    r"(?=\s*\(\s*[A-Z]{3,6}\s*\)|(?<=dronic\sacid)|(?<=cholic\sacid))"
)


def _find_acids(masked: str, add, link) -> None:
    if "ic acid" not in masked:
        return
    for m in _ACID.finditer(masked):
        record = add(m.group(1), m.start())
        acronym = re.match(r"\s*\(\s*([A-Z]{3,6})\s*\)", masked[m.end() : m.end() + 12])
        if acronym:
            link(record, acronym.group(1))


# A compound named by its target and kind: "the IL-31 mAb", "its CD45 ADC".
_NAMED_BY_TARGET = re.compile(
    r"(?<![\w-])(?:anti-)?([A-Z][A-Za-z]{0,4}-?\d{1,3}[A-Za-z]?)\s+(?:mAb|ADC)(?![\w-])"
)
# A class counted or described, not one named: "a CD45 ADC", "the first fully-human anti-X mAb".
_COUNTED_BEFORE = re.compile(
    r"(?i)\b(?:an?|another|any|first|novel|new|one|two|three|several|other|each|such|its\s+own)"
    r"\s+(?:[\w,-]+\s+){0,3}$"
)


def _find_named_by_target(masked: str, alias_of: dict[str, str], add) -> None:
    if " mAb" not in masked and " ADC" not in masked:
        return
    for m in _NAMED_BY_TARGET.finditer(masked):
        name = masked[m.start(1) : m.end()]
        symbol = m.group(1)
        if name.casefold() in alias_of or symbol in _NOT_TARGETS or _PAYLOAD.fullmatch(symbol):
            continue  # "a Topo1 ADC" names its payload, not its target
        if _COUNTED_BEFORE.search(masked, max(0, m.start() - 40), m.start()):
            continue
        record = add(" ".join(name.split()), m.start(1))
        record.target = record.target or m.group(1)


def _trademarks(masked: str):
    """BRAND_RE's matches, looked for only where a trademark sign stands."""
    last = -1
    for sign in _MARK_SIGN.finditer(masked):
        start = masked.rfind("\n", max(0, sign.start() - 40), sign.start()) + 1
        start = max(start, sign.start() - 40, last)
        m = BRAND_RE.search(masked, start, sign.end())
        if m is not None and m.end() == sign.end():
            last = m.end()
            yield m


def _brands_with_inn(masked: str):
    """(brand, generic name, offset of the generic name, whether the brand bears a trademark
    sign) for every "BRAND (inn)" in the text."""
    for m in _INN_BRACKET.finditer(masked):
        window_start = max(0, m.start() - 45)
        b = _BRAND_BEFORE_BRACKET.search(masked, window_start, m.start())
        if b is None or (b.start() == window_start and window_start > 0):
            continue
        generic = _generic_name(m.group(1), m.group(2))
        if generic is not None:
            yield b.group(1), generic, m.start(1), _MARK_SIGN.search(b.group(0)) is not None


def _generic_name(head: str, tail: str) -> str | None:
    """The generic name in a brand's bracket: its words and salt ("inn dimesylate"), not its
    dosage form ("inn injection"); None where the words are no drug's name."""
    if _NOT_GENERIC.match(head) or _DOSAGE_FORM.fullmatch(head):
        return None
    words = [head]
    for word in tail.split():
        if re.fullmatch(_SALT_WORDS, word, re.I):
            words.append(word)
        else:
            break  # "inn injection", "inn for injection": the form, and what follows
    return " ".join(words).lower()


def _looks_generic(name: str) -> bool:
    """A generic name a trademarked brand's bracket gives: invented words, not English ones
    (every component of a combination at least five letters long)."""
    parts = re.split(r"[/\s]", re.sub(rf"\s{_SALT_WORDS}$", "", name, flags=re.I))
    return all(len(p) >= 5 and not _NOT_GENERIC.match(p) for p in parts)


def _find_conjugates(masked: str, add, link) -> list[tuple[int, int]]:
    """Two-word INNs, each one compound: conjugates, gene and cell therapies, insulins."""
    spans = []
    for m in _GATED_CONJUGATE.finditer(masked):
        antibody, payload = m.group(1).lower(), m.group(2)
        payload = payload.lower() if payload.isalpha() else payload
        record = add(f"{antibody}{m.group(0)[len(m.group(1))]}{payload}", m.start())
        _paren_alias(masked, m.end(), record, link)
        spans.append((m.start(), m.end()))
    for m in _GATED_GENE_THERAPY.finditer(masked):
        record = add(" ".join(m.group(0).lower().split()), m.start())
        _paren_alias(masked, m.end(), record, link)
        spans.append((m.start(), m.end()))
    for m in _INSULIN_RE.finditer(masked) if "nsulin " in masked else ():
        word = m.group(1)
        if _ENGLISH_ENDING.search(word) or word in _NOT_INSULINS:
            continue
        end = m.end()
        second = _SECOND_WORD.match(masked, end)
        end = second.end() if second else end
        record = add(" ".join(masked[m.start() : end].lower().split()), m.start())
        _paren_alias(masked, end, record, link)
        spans.append((m.start(), end))
    return spans


# A gene or cell therapy's INN: "[x]gene [y]parvovec", "[x]cabtagene [y]leucel".
_GENE_THERAPY_RE = re.compile(
    r"(?<![\w-])[A-Za-z][a-z]{3,}(?:gene|temcel)\s+[a-z]{4,}(?:vec|leucel|cel)(?![\w-])"
)
# Its tail, first: a pattern that starts with literals, which the engine skips to on its own.
_GATED_GENE_THERAPY = Gated(
    _GENE_THERAPY_RE, needs=re.compile(r"(?:gene|temcel)\s+[a-z]{4,}(?:vec|leucel|cel)(?![\w-])")
)
# An insulin's INN: "insulin icodec", "insulin efsitora alfa"; not "insulin resistance".
_INSULIN_RE = re.compile(r"(?<![\w-])[Ii]nsulin\s+([a-z]{5,})(?![\w-])")
_NOT_INSULINS = frozenset(["glucose", "secretagogue", "pathway", "receptor", "alone", "naive"])


def _is_currency(code: str) -> bool:
    """A currency's code before an amount: "EUR400,000", and scaled, "MSEK 113" (millions)."""
    return code[:3] in _CURRENCY_CODES or (code[:1] in "MKT" and code[1:4] in _CURRENCY_CODES)


def _find_codes(masked: str, add, link) -> None:
    for m in CODE_RE.finditer(masked):
        code = " ".join(m.group(0).split())
        if _CODE_EXCLUDE.match(code) or _PERIOD_CODE.match(code):
            continue
        if _is_spaced_number(code) and not _called_a_drug(masked, m.start(), m.end()):
            continue  # "OF 1934", unless "its investigational asset ISB 2001"
        if _is_currency(code):  # "EUR400,000", "MSEK 113"
            continue
        if re.match(r"[.,]\d", masked[m.end() : m.end() + 2]):
            continue
        if (
            masked[max(0, m.start() - 6) : m.start()]
            .lower()
            .strip()
            .endswith(("form", "rule", "item", "no."))
        ):
            continue
        if _TARGETED_BEFORE.search(masked, max(0, m.start() - 20), m.start()):
            continue  # "an antibody targeting CD123": what a drug binds, not a drug
        record = add(code, m.start())
        slash = _SLASH_CODE.match(masked, m.end())
        if slash:  # "mRNA-4157/V940": the developer's code and the partner's, one compound
            link(record, masked[m.start() : slash.end()])
        else:
            _paren_alias(masked, m.end(), record, link)


_TARGETED_BEFORE = re.compile(
    r"(?i)\b(?:targeting|targets|against|binds\s+to|binding)\s+$|\banti-$"
)


def _is_spaced_number(code: str) -> bool:
    """'AMG 888' is a code; 'OF 1934' (a year), 'MA 02451' (a postcode) and 'EP 1234567' (a
    patent) are not."""
    m = re.fullmatch(r"([A-Z]+)\s(\d+)[A-Za-z]?", code)
    if m is None:
        return False
    letters, digits = m.groups()
    return (
        bool(re.fullmatch(r"(?:19|20)\d\d", digits))
        or (len(letters) == 2 and len(digits) == 5)
        or letters in ("EP", "WO", "PCT", "JP", "CN")
    )


def _find_short_codes(masked: str, add, link) -> None:
    for m in _SHORT_CODE_RE.finditer(masked):
        code = m.group(1)
        if _NOT_SHORT_CODES.match(code) or _CODE_EXCLUDE.match(code):
            continue
        before = masked[max(0, m.start() - 30) : m.start()]
        if _SHORT_CODE_AFTER.match(masked, m.end()) or _SHORT_CODE_BEFORE.search(before):
            add(code, m.start())


# Any other code of letters and digits ("T-5224", "ALT-B4", "JAB-23E73", "VB10.Neo"): a drug's
# name only where the text calls it one, as for short codes.
_LOOSE_CODE_RE = re.compile(
    # (the capital first, then what stands before it: the engine skips to capitals on its own)
    r"([A-Z](?<![\w/.-][A-Z])(?=[\w.-]{0,20}\d)[A-Za-z0-9]{0,7}(?:[-.][A-Za-z0-9]{1,6}){0,2})"
    r"(?![\w-]|[.-]\w)"
)
_DRUG_NOUN = (
    r"(?:candidates?|inhibitors?|antibod(?:y|ies)|vaccines?|therap(?:y|ies)|therapeutics?"
    r"|molecules?|compounds?|drugs?|agonists?|antagonists?|conjugates?|enzymes?|modulators?"
    r"|degraders?|peptides?|oligonucleotides?|assets?|formulations?|treatments?|biosimilars?)"
)
# "T-5224, its lead candidate", "T-5224 is an oral AP-1 inhibitor"
_CALLED_A_DRUG_AFTER = re.compile(
    rf"(?:\s*\([^()]{{0,40}}\))?(?:,\s+|\s+(?:is|was)\s+)(?:an?|its|the|our|their)\s+"
    rf"(?:[\w-]+\s+){{0,6}}?{_DRUG_NOUN}\b",
    re.I,
)
# "candidate T-5224", "a Phase 2 trial of T-5224", "the IND for T-5224", "licensed T-5224"
_CALLED_A_DRUG_BEFORE = re.compile(
    rf"(?:\b{_DRUG_NOUN}|\bprogram(?:me)?s?|\brights\s+to|\b(?:Phase|phase)\s+(?:[123]|I{{1,3}})[ab]?"
    r"(?:/(?:[123]|I{1,3})[ab]?)?\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies))\s+(?:of|for|with)"
    r"|\bIND\s+(?:application\s+)?(?:for|of)|\blicen[cs]e\s+(?:to|for)|\blicen[cs]ed"
    r"|\bdevelopment\s+of|\bapproval\s+(?:of|for))\s+(?:the\s+|its\s+)?$"
)
_CANDIDATE_AFTER = re.compile(
    r",?\s+(?:an?\s+|its\s+|the\s+)?(?:lead\s+)?(?:candidate|compound)s?\b"
)
_CANDIDATE_BEFORE = re.compile(r"\b(?:candidate|compound|biosimilar)s?\s+$")
_ENDS_ITS_PHRASE = re.compile(
    r"\s*(?:[,.;:)]|\s(?:in|for|to|as|and|is|was|has|will|which|that|from|by|with|at)\b)"
)
# Letters and a number of one or two digits: most targets are written so (CD47, HER2, CSF-1R).
_TARGET_SHAPE = re.compile(r"[A-Z]{1,5}-?\d{1,2}[A-Za-z]?")
# Forms and filings, not drugs: "S-1", "10-K", "8-K", "F-3".
_FILING = re.compile(r"^(?:[A-Z]-\d|\d{1,2}-[A-Z])$")


def _called_a_drug(masked: str, start: int, end: int) -> bool:
    """Does the text call what stands at masked[start:end] a drug ("T-5224, its lead
    candidate", "the T-5224 programme", "a Phase 2 trial of T-5224")?"""
    return bool(
        _CALLED_A_DRUG_AFTER.match(masked, end)
        or _SHORT_CODE_AFTER.match(masked, end)
        or _CALLED_A_DRUG_BEFORE.search(masked[max(0, start - 60) : start])
    )


def _find_called_codes(masked: str, found: dict[str, CompoundRecord], add) -> None:
    for m in _LOOSE_CODE_RE.finditer(masked):
        code = m.group(1)
        if len(code) < 3 or not any(c.isdigit() for c in code):
            continue
        if any(name.startswith(code.casefold()) for name in found):
            continue  # (a part of a code already read: "ISIS-DMPK-2" of "ISIS-DMPK-2.5Rx")
        if _FILING.match(code) or _NOT_SHORT_CODES.match(code) or _CODE_EXCLUDE.match(code):
            continue
        if _is_currency(code) or re.fullmatch(r"[A-Z]?\d{1,2}|\d+", code):
            continue  # "EUR400", "Q3", "2019" (a letter and three digits may be a drug: "L606")
        before = masked[max(0, m.start() - 60) : m.start()]
        if _TARGET_SHAPE.fullmatch(code):
            # "CD47", "LSD1", "CSF-1R": shaped like a target, a drug only if called a candidate
            # or compound ("its CD47 programs", "a molecule CSF-1R inhibitor" name a target)
            called = (
                _CANDIDATE_AFTER.match(masked, m.end())
                or _CANDIDATE_BEFORE.search(before)
                # "the development of PI-88 in …", never "the development of CD47 antibodies":
                # what is developed or tried is a drug when the code ends its noun phrase
                or (
                    _CALLED_A_DRUG_BEFORE.search(before) and _ENDS_ITS_PHRASE.match(masked, m.end())
                )
            )
        else:
            called = _called_a_drug(masked, m.start(), m.end())
        if called:
            add(code, m.start())


# The second word of a biologic's INN: "epoetin alfa", "peginterferon beta", "X pegol".
_SECOND_WORD = re.compile(r"\s+(alfa|alpha|beta|gamma|delta|epsilon|pegol)(?![\w-])", re.I)
# "alfa" is the INN's own spelling: the word before it is a drug's name even without a stem.
_ALFA_INN = re.compile(r"(?<![\w-])([A-Za-z][a-z]{5,})\s+alfa(?![\w-])")


def _find_inns(masked: str, conjugates: list[tuple[int, int]], add, link) -> None:
    no_stem = (
        {m.group(1).lower() for m in _ALFA_INN.finditer(masked)} if "alfa" in masked else set()
    )
    # the full name each bare word stands for where the text also writes it out in full
    # ("eftalimod alpha ... eftalimod's"; "inn mesylate ... inn")
    full_names: dict[str, str] = {}
    mentions = []
    formulations: list[tuple[str, str, int]] = []
    for m in _WORD_RE.finditer(masked):
        word = m.group(0)
        if not (_has_stem(word.lower()) or word.lower() in no_stem):
            continue
        if any(a <= m.start() < b for a, b in conjugates):
            continue
        if word.lower() in _INN_STOPWORDS or not (word.islower() or word[1:].islower()):
            continue
        suffix = _FDA_SUFFIX.match(masked, m.end())
        if masked[max(0, m.start() - 1) : m.start()] in ("-", "/"):
            continue  # a conjugate's code, or one name of a combination ("inn/inn")
        form = _FORMULATION.match(masked, m.end())
        if form is not None:  # "inn-SC": the drug in one of its forms
            formulations.append((word.lower(), word.lower() + form.group(0), m.start()))
            continue
        if masked[m.end() : m.end() + 1] == "-" and suffix is None:
            continue  # "trastuzumab-DM1" is a conjugate's code, found as one
        if re.match(r"/[a-z]", masked[m.end() : m.end() + 2]):
            continue  # the first name of a combination, named by its brand's bracket
        if not word.islower() and _names_a_firm_or_person(masked, word, inn=True):
            continue
        end = suffix.end() if suffix else m.end()
        name = word.lower() + (suffix.group(0) if suffix else "")
        qualifier = _SECOND_WORD.match(masked, end) or _SALT_RE.match(masked, end)
        if qualifier:
            end = qualifier.end()
            full_names[name] = name + " " + qualifier.group(0).split()[0].lower()
        mentions.append((name, m.start(), end, bool(qualifier)))
    for name, start, end, qualified in mentions:
        record = add(full_names.get(name, name), start)
        if not qualified and name in full_names:
            link(record, name)
        _paren_alias(masked, end, record, link)
    for name, form, start in formulations:
        link(add(full_names.get(name, name), start), form)


# A dosage form's abbreviation after an INN: "-SC" (subcutaneous), "-XR" (extended release).
_FORMULATION = re.compile(r"-(?:SC|IV|IM|ER|XR|SR|CR|LA|TD|PO|IR|DR|ODT)(?![\w-])")


def _is_inn(word: str) -> bool:
    """An INN by its stem; of a combination or a salt ("inn/inn", "inn mesylate"), its first
    name."""
    base = _FDA_SUFFIX.sub("", re.split(r"[/\s]", word)[0]).lower()
    return len(base) > 5 and base not in _INN_STOPWORDS and base.endswith(_STEM_ENDINGS)


class _PlatformTest:
    """Whether the text uses a trademarked word as a technology rather than as a drug's name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self._seen:
            self._seen[word] = self._test(word)
        return self._seen[word]

    def _test(self, word: str) -> bool:
        text = self.text
        plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
        if next(_occurrences(text, plural), None) is not None:
            return True  # "Nanobodies": a class of molecules
        for at in _occurrences(text, word):
            end = at + len(word)
            if _TECHNOLOGY_AFTER.match(text, end):
                return True
            if _TECHNOLOGY_BEFORE.search(text, max(0, at - 60), at) and not _BRACKET_AFTER.match(
                text, end
            ):
                return True
        return False


def _is_common_word(text: str, word: str) -> bool:
    """A word that also stands in lower case in the text is an ordinary word."""
    return next(_occurrences(text, word.lower()), None) is not None


def _occurrences(text: str, word: str):
    """Start offsets of ``word`` standing alone (not inside a longer word or hyphenation)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            yield at
        at = text.find(word, at + 1)


def _renames_a_firm(text: str, m: re.Match[str]) -> bool:
    """'Halden Pharma, formerly known as Orrin Bio': the other name is a company's, where a
    company word stands before the phrase or after the name."""
    before = text[max(0, m.start() - 40) : m.start()]
    return bool(_FIRM_WORD.search(before)) or bool(
        _FIRM_AFTER_MARK.match(text, m.end(1)) or _FIRM_WORD.search(m.group(1))
    )


_FIRM_WORD = re.compile(
    r"\b(?:Pharma\w*|Therapeutics|Biotech\w*|Biosciences|Laboratories|Holdings|Inc|Ltd|AS|ASA"
    r"|AG|AB|A/S|GmbH|plc|LLC|S\.A|Corp\w*)\b"
)


def _named_before(found: dict[str, CompoundRecord], text: str, pos: int) -> CompoundRecord | None:
    """The compound named last in the 120 characters before ``pos``."""
    before = text[max(0, pos - 120) : pos].casefold()
    best, best_at = None, -1
    for record in found.values():
        for form in record.forms:
            at = before.rfind(form.casefold())
            if at > best_at:
                best, best_at = record, at
    return best


_SALT_WORDS = (
    r"(?:di|mono|tri|hemi)?(?:phosphate|hydrochloride|sodium|mesylate|acetate|sulfate|citrate"
    r"|maleate|tartrate|besylate|succinate|fumarate|tosylate|potassium|calcium|bromide"
    r"|hydrobromide|malate|lactate|propionate|hydrate|etexilate|mofetil|medoxomil|gluconate"
    r"|chloride|nitrate|oxalate|benzoate|esylate|isethionate|pamoate|xinafoate|furoate|acid)"
)
_SALT_RE = re.compile(rf"\s{_SALT_WORDS}\b", re.I)


# Words around a capitalised name that make it a company or a person, not a drug:
# "Halvorsen Pharma AS", "Dr. Anna Halvorsen".
_FIRM_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]+\s+)?(?:Pharma\w*|Therapeutics|Bio\w*|Laboratories|Group|Holdings|Capital"
    r"|Partners|Ventures|Inc\b|Ltd\b|AS\b|ASA\b|AG\b|AB\b|A/S|GmbH|plc\b|LLC\b|S\.?A\.?\b"
    r"|Co\.|Corp\b|Corporation|Company|Limited|SE\b|N\.V\.|NV\b|K\.K\.|Pty\b|S\.p\.A\.|SpA\b"
    r"|Oyj?\b|B\.V\.|BV\b|KGaA)"
)
_PERSON_BEFORE = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof)\.?|\b[A-Z][a-z]+)\s+$")


_FIRM_AFTER_MARK = re.compile(rf"(?:{_MARK})?{_FIRM_AFTER.pattern}")


def _names_a_firm(text: str, word: str) -> bool:
    """A trademarked word that also stands before a company word is the company's name."""
    return any(_FIRM_AFTER_MARK.match(text, at + len(word)) for at in _occurrences(text, word))


def _names_a_firm_or_person(text: str, word: str, inn: bool = False) -> bool:
    """A drug name is written in lower case somewhere; a capitalised-only word next to a
    company word or after a first name is a company or a surname, and so is a word shaped
    like an INN but capitalised within running text ("a partnership with Zenmab")."""
    if next(_occurrences(text, word.lower()), None) is not None:
        return False
    for at in _occurrences(text, word):
        end = at + len(word)
        if _FIRM_AFTER.match(text, end) or _PERSON_BEFORE.search(text, max(0, at - 40), at):
            return True
        if inn and _running_text_before(text, at) and not word.lower().endswith(_DRUG_ONLY_STEMS):
            return True
    return False


# Stems no company name ends in: a kinase or enzyme inhibitor's, an acid blocker's, a
# glucokinase activator's ("Kesseltinib" capitalised in a sentence is still the drug).
_DRUG_ONLY_STEMS = (
    "tinib", "ranib", "fenib", "ciclib", "parib", "lisib", "zomib", "degib", "prazan", "gliatin",
)  # fmt: skip


def _running_text_before(text: str, at: int) -> bool:
    """A lower-case word right before the word: running text, where a drug's name is written
    in lower case. After "with", "for", "by" a title may capitalise it ("Treatment with
    Kesselsiran"), and a sentence too ("in combination with Kesselsiran"); after a deal's
    noun ("an agreement with Halvorsen") only a company is named."""
    before = text[max(0, at - 60) : at]
    return bool(_RUNNING_TEXT_BEFORE.search(before) or _DEAL_WITH_BEFORE.search(before))


# "an agreement with", "a collaboration with", "licensed from", "acquired by": a party follows.
_DEAL_WITH_BEFORE = re.compile(
    r"(?i)\b(?:agreements?|collaborations?|partnerships?|alliances?|deal|licen[cs]e|contract"
    r"|arrangement|partnered|collaborating|merger)\s+with\s+$"
    r"|\b(?:licensed|acquired|in-licensed)\s+(?:from|by)\s+$"
)


# A lower-case word (not a title's "for", "of", "and") right before: running text.
_RUNNING_TEXT_BEFORE = re.compile(
    r"\b(?!(?:for|of|and|in|with|to|the|on|at|by|vs)\s)[a-z]{2,},?\s+$"
)


def _link_versions(found: dict[str, CompoundRecord], link) -> None:
    """'ISIS-DMPK(Rx)' is 'ISIS-DMPK-2.5(Rx)' without its version: the same compound."""
    for record in list(found.values()):
        short = re.sub(r"-[\d.]+(?=\s?\(|$)", "", record.name)
        if short != record.name and short.casefold() in found:
            link(record, found[short.casefold()].name)


# "inn (PD-1/VEGF, KB112)": a bracket of several items, one of them the compound's code.
_LISTED_PAREN = re.compile(r"\s*\(([^()\n]{3,60})\)")


def _paren_alias(text: str, pos: int, record: CompoundRecord, link) -> None:
    listed = _LISTED_PAREN.match(text, pos)
    body = listed.group(1).strip() if listed else ""
    if CODE_RE.fullmatch(body) and not _CODE_EXCLUDE.match(body) and "  " not in body:
        link(record, " ".join(body.split()))  # "inn (QB 82-3825)": a spaced code
        return
    if listed and re.search(r"[,;]", listed.group(1)):
        for item in re.split(r"\s*[,;]\s*", listed.group(1).strip()):
            if CODE_RE.fullmatch(item) and not _CODE_EXCLUDE.match(item):
                link(record, item)
        return
    m = ALIAS_PAREN_RE.match(text, pos)
    if (m and not re.fullmatch(r"[A-Z]{2,4}", m.group(1))) or (m and re.search(r"\d", m.group(1))):
        alias = m.group(1)
        if not re.fullmatch(r"(?:19|20)\d\d", alias) and not _is_salt_or_route(alias):
            link(record, alias)


def _is_salt_or_route(word: str) -> bool:
    return bool(
        re.fullmatch(r"(?i)(?:oral|intravenous|subcutaneous|injection|tablets?|capsules?)", word)
    )


# ---- what the text says of a compound ----------------------------------------------------


def describe_compounds(
    records: list[CompoundRecord],
    sentences: list[Sentence],
    orgs: list[tuple[str, re.Pattern[str] | None]],
) -> None:
    """Fill target, payload, phase and developer of every compound from the sentences that
    mention it (the safe-harbour section excluded); a conjugate named after its antibody
    takes the antibody's target."""
    owner = {f.casefold(): r for r in records for f in r.forms}
    pattern = _forms_pattern(list(owner))
    mentions: dict[int, list[tuple[Sentence, list[tuple[int, int, CompoundRecord]]]]] = {}
    for s in sentences:
        if s.zone == "fls":
            continue
        found = [
            (m.start(), m.end(), owner[m.group(0).casefold()]) for m in pattern.finditer(s.text)
        ]
        for record in {id(r): r for _, _, r in found}.values():
            mentions.setdefault(id(record), []).append((s, found))
    for record in records:
        _describe(record, mentions.get(id(record), []), orgs)
    inherit_targets(records)


def _describe(
    record: CompoundRecord,
    mentions: list[tuple[Sentence, list[tuple[int, int, CompoundRecord]]]],
    orgs: list[tuple[str, re.Pattern[str] | None]],
) -> None:
    best_phase = None
    for s, found in mentions:
        if record.target is None or record.payload is None:
            target, payload = _attached_terms(s.text, found, record)
            record.target = record.target or target
            record.payload = record.payload or payload
        for phase in PHASE_RE.finditer(s.text):
            name = _PHASE_NAMES[phase.group(1)]
            if best_phase is None or name > best_phase:
                best_phase = name
        if record.developer is None:
            record.developer = _developer(s.text, orgs)
    if any(_APPROVED.search(s.text) and not _EVENT_NEGATIVE.search(s.text) for s, _ in mentions):
        best_phase = "Approved"
    if best_phase is None and any(_PRECLINICAL.search(s.text) for s, _ in mentions):
        best_phase = "Preclinical"
    record.phase = best_phase


_APPROVED = re.compile(r"(?i)\b(?:is|was|been)\s+approved|approval\s+of")
_PRECLINICAL = re.compile(r"(?i)\bpre-?clinical\b")


def inherit_targets(compounds: list[CompoundRecord]) -> None:
    """A conjugate named after its antibody ("trastuzumab-DM1") binds what the antibody binds."""
    for record in compounds:
        if record.target is not None:
            continue
        for other in compounds:
            if other is not record and other.target and _is_conjugate_of(record, other):
                record.target = other.target
                break


def _is_conjugate_of(conjugate: CompoundRecord, antibody: CompoundRecord) -> bool:
    name = conjugate.name.casefold()
    return any(name.startswith(form.casefold() + sep) for form in antibody.forms for sep in "- ")


def _forms_pattern(forms: list[str]) -> re.Pattern[str]:
    if not forms:
        return compiled(r"(?!)")
    alternatives = sorted({re.escape(f) for f in forms}, key=lambda f: (-len(f), f))
    return compiled("|".join(rf"(?<![\w-]){f}(?![\w-])" for f in alternatives), re.I)


def _attached_terms(
    text: str, found: list[tuple[int, int, CompoundRecord]], record: CompoundRecord
) -> tuple[str | None, str | None]:
    """Target and payload from the words attached to the compound's mentions in a sentence."""
    target = payload = None
    other_starts = [start for start, _, r in found if r is not record]
    own = {f.casefold() for f in record.forms}
    for m_start, m_end, r in found:
        if r is not record:
            continue
        stop = min((s for s in other_starts if s > m_end), default=len(text))
        after = text[m_end : min(stop, m_end + 240)]
        after = _CLAUSE_END.split(after, maxsplit=1)[0]
        start = max((s for s in other_starts if s < m_start), default=-1)
        before = text[max(start + 1, m_start - 60) : m_start]
        before = _BRAND_BRACKET.sub(" ", before)  # "BRAND® (inn": the words before the brand
        if target is None:
            # the modifier right before the name is the closest; then its own clause after it
            clause = _NEXT_CLAUSE.split(after, maxsplit=1)[0]
            target = _first_target(before, _TARGET_BEFORE, own) or _first_target(
                clause, _TARGET_AFTER, own
            )
        if payload is None and not _CARRIER_BEFORE.search(text, max(0, m_start - 60), m_start):
            for p in _PAYLOAD_AFTER:
                hit = p.search(after)
                if hit:
                    payload = hit.group(1)
                    break
    return target, payload


_CLAUSE_END = re.compile(r";|\.\s")
_BRAND_BRACKET = re.compile(rf"(?:{_MARK})?\s*\(\s*$")


def _first_target(window: str, patterns: list[re.Pattern[str]], own: set[str]) -> str | None:
    for p in patterns:
        for m in p.finditer(window):
            value = " ".join(m.group(1).split())
            if _is_target_name(value) and value.casefold() not in own:
                return value
    return None


def _is_target_name(value: str) -> bool:
    if value in _NOT_TARGETS or value.rstrip("s") in _NOT_TARGETS:
        return False
    if " " in value or value.islower():
        return True  # "mu-opioid receptor", "mesothelin", "xanthine dehydrogenase"
    capitals = sum(ch.isupper() for ch in value)
    marks = any(ch.isdigit() or "α" <= ch <= "ω" for ch in value)
    return len(value) <= 14 and (capitals >= 2 or (capitals >= 1 and marks))


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


def compound_named(compounds: list[CompoundRecord], text: str) -> str | None:
    """The first compound (in order of first mention) that ``text`` names by any of its names."""
    return next(iter(compounds_named(compounds, text)), None)


def compounds_named(compounds: list[CompoundRecord], text: str) -> list[str]:
    """Every compound ``text`` names by any of its names, once each, in order of first mention."""
    return [
        c.name
        for c in compounds
        if any(
            compiled(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.I).search(text)
            for form in (c.name, *c.aliases)
        )
    ]
