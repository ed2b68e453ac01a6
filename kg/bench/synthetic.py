"""Synthetic press releases for benchmarking: shaped like real wire copy, deterministic from a seed.

``generate(n, directory, seed)`` writes ``n`` releases (mostly ``.txt``, a few ``.html`` and
``.md``) into ``directory``, 1,000 per sub-folder, plus ``manifest.json`` with what each release
states, in the shape of the shared corpus's gold records. Everything is invented here: company,
compound and person names are built from syllables, word pools and templates written for this
module.

The world is drawn first (organisations, their people and compounds, and the deals between
them) from ``seed``; each release then draws from that world with its own generator, seeded by
``seed`` and its index. So the same seed gives byte-identical files, and the first ``k`` releases
of a large corpus are exactly the releases of a corpus of ``k``. Organisations, compounds and
deals are drawn Zipf-like: a few recur in thousands of releases, most in a handful, as in life.
"""

from __future__ import annotations

import html
import itertools
import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

PER_FOLDER = 1000
N_BIG_PHARMA = 60
N_BIOTECH = 2900
N_ACADEMIC = 160
N_DEALS = 6000

# -- word pools (all invented for this module) -----------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ONSETS = _words(
    "Ab Ac Ad Ag Al Am Ar As At Av Ax Bel Bio Cal Cel Cer Cy Da Del Den Ec El Em En Ep Ev Ex "
    "Fal Fer Gal Gen Gly Hal Hel Im In Ir Jan Ka Kin Kor Lan Lum Ly Mar Med Mer Mir Mol Na Neo "
    "Nov Nu Ob Oc Om On Or Os Pal Pel Pha Pro Qu Ra Re Ri Sa Sel Ser Sol Ta Tel Ter Tri Ul Va "
    "Vel Ver Vi Xa Xen Yo Za Zen Zy"
)
_MIDDLES = ("", "", "", "a", "e", "i", "o", "ra", "ri", "no", "ve", "li", "ta", "co", "mi", "ge")
_CODAS = _words(
    "gen ix ex ax ora ica yx on is ia ent ara ion ys ova ant ine era um ar os eon ida ius ence"
)
_DESCRIPTORS = (
    "Therapeutics",
    "Therapeutics",
    "Therapeutics",
    "Pharmaceuticals",
    "Pharmaceuticals",
    "Biosciences",
    "BioPharma",
    "Biotherapeutics",
    "Oncology",
    "Medicines",
    "Genomics",
    "Biologics",
    "Bio",
    "Immunotherapeutics",
    "Sciences",
    "Life Sciences",
)
_FIRST_NAMES = _words(
    "Anna David Maria James Elena Michael Sarah Thomas Laura Daniel Julia Robert Claire Peter "
    "Sophie Mark Helen Paul Karen Martin Nadia Andrew Ingrid Simon Rachel Stefan Leila Kevin "
    "Monica Henrik Emily Jonathan Yuki Richard Alicia Christoph Priya Brian Lucia Matthew Astrid "
    "Carlos Fiona Steven Naomi Olivier Grace Hiroshi Diane Gregory Marta Samuel Wendy Lars Irene "
    "Patrick Hannah Benoit Teresa Joseph Camille Ravi Susan Anders Vivian Edward Chloe Nikolai"
)
_SURNAME_HEADS = _words(
    "Hal Brand Kess Lind Mor Vand Ost Fair Wes Ash Calder Dorn Ell Fen Gar Hol Jans Kirk Lom "
    "Mar Nor Pell Quin Ros Sand Tal Ulm Var Wil Yar Zell Bar Cor Dal Ev Hart Hux Mart Pen Ren"
)
_SURNAME_TAILS = _words(
    "son berg ley ton ini ez ov ford wick stein ard mann sen ing ridge ello ier well by holm "
    "quist ara ato ick ham"
)
_PERSON_TITLES = (
    "President and Chief Executive Officer",
    "Chief Executive Officer",
    "President and CEO",
    "Chairman and Chief Executive Officer",
)
_DEAL_TITLES = (
    "Chief Business Officer",
    "Chief Scientific Officer",
    "Chief Medical Officer",
    "Executive Vice President, Research and Development",
    "Senior Vice President, Business Development",
    "Head of Global Business Development",
    "Chief Operating Officer",
    "Head of Research",
)
_CONTACT_TITLES = (
    "Vice President, Investor Relations",
    "Director, Corporate Communications",
    "Senior Director, Investor Relations and Corporate Communications",
    "Head of Media Relations",
)


@dataclass(frozen=True)
class _Country:
    code: str
    suffixes: tuple[str, ...]
    exchanges: tuple[tuple[str, str, int], ...]  # (as written, manifest name, ticker length)
    cities: tuple[str, ...]
    currency: str
    domain: str
    phone: str


_COUNTRIES = (
    _Country(
        "US",
        ("Inc.", "Inc.", "Inc.", "Corp.", "Corporation"),
        (("Nasdaq", "Nasdaq", 4), ("NASDAQ", "Nasdaq", 4), ("NYSE", "NYSE", 3)),
        (
            "CAMBRIDGE, Mass.",
            "BOSTON",
            "SAN DIEGO",
            "SOUTH SAN FRANCISCO, Calif.",
            "SAN FRANCISCO",
            "SEATTLE",
            "BOTHELL, Wash.",
            "PRINCETON, N.J.",
            "NEW YORK",
            "WALTHAM, Mass.",
            "CARLSBAD, Calif.",
            "BOULDER, Colo.",
            "RESEARCH TRIANGLE PARK, N.C.",
            "GAITHERSBURG, Md.",
            "NEW HAVEN, Conn.",
            "PHILADELPHIA",
            "WATERTOWN, Mass.",
            "REDWOOD CITY, Calif.",
            "LEXINGTON, Mass.",
            "AUSTIN, Texas",
        ),
        "USD",
        "com",
        "+1 (617) 555-{:04d}",
    ),
    _Country(
        "CH",
        ("AG", "AG", "S.A."),
        (("SIX", "SIX", 4),),
        (
            "BASEL, Switzerland",
            "ZURICH, Switzerland",
            "GENEVA, Switzerland",
            "LAUSANNE, Switzerland",
        ),
        "CHF",
        "ch",
        "+41 61 555 {:04d}",
    ),
    _Country(
        "GB",
        ("plc", "Ltd.", "Limited"),
        (("LSE", "LSE", 3), ("AIM", "AIM", 3)),
        ("LONDON", "CAMBRIDGE, England", "OXFORD, England", "ABINGDON, England"),
        "GBP",
        "co.uk",
        "+44 20 5550 {:04d}",
    ),
    _Country(
        "DE",
        ("GmbH", "AG", "SE"),
        (("FSE", "Frankfurt", 3),),
        ("MUNICH, Germany", "BERLIN", "HEIDELBERG, Germany", "MAINZ, Germany"),
        "EUR",
        "de",
        "+49 89 5550 {:04d}",
    ),
    _Country(
        "DK",
        ("A/S",),
        (("Nasdaq Copenhagen", "Nasdaq Copenhagen", 4),),
        ("COPENHAGEN, Denmark", "AARHUS, Denmark", "BAGSVAERD, Denmark"),
        "DKK",
        "dk",
        "+45 3555 {:04d}",
    ),
    _Country(
        "NL",
        ("N.V.", "B.V."),
        (("Euronext Amsterdam", "Euronext", 4),),
        ("LEIDEN, the Netherlands", "AMSTERDAM", "UTRECHT, the Netherlands"),
        "EUR",
        "nl",
        "+31 71 555 {:04d}",
    ),
    _Country(
        "FR",
        ("S.A.", "SAS"),
        (("Euronext Paris", "Euronext", 3),),
        ("PARIS", "LYON, France", "MARSEILLE, France"),
        "EUR",
        "fr",
        "+33 1 55 50 {:04d}",
    ),
    _Country(
        "JP",
        ("Co., Ltd.", "Inc.", "K.K."),
        (("TSE", "TSE", 0),),
        ("TOKYO", "OSAKA, Japan", "KYOTO, Japan"),
        "JPY",
        "co.jp",
        "+81 3 5550 {:04d}",
    ),
)
_COUNTRY_WEIGHTS = (62, 7, 8, 7, 4, 4, 4, 4)

_TARGETS = _words(
    "HER2 EGFR CD19 CD20 CD3 BCMA PD-1 PD-L1 CTLA-4 TROP2 Nectin-4 CDK4/6 CDK2 BTK JAK1 TYK2 "
    "IL-23 IL-17A TNF PCSK9 ANGPTL3 TTR APOC3 HTT SOD1 C5 FcRn GLP-1R TSLP IL-4R MET ALK ROS1 "
    "RET FGFR2 FLT3 IDH1 BCL-2 MCL-1 DLL3 CD38 GPRC5D TIGIT LAG-3 mesothelin B7-H3 c-KIT MEK "
    "SHP2 SOS1 PRMT5 WRN KIF18A ATR PARP1 HPK1 STING NLRP3 RIPK1 TL1A CD123 CD47 Claudin-18.2"
)
_INDICATIONS = (
    "non-small cell lung cancer",
    "metastatic breast cancer",
    "multiple myeloma",
    "acute myeloid leukemia",
    "diffuse large B-cell lymphoma",
    "ulcerative colitis",
    "Crohn's disease",
    "plaque psoriasis",
    "atopic dermatitis",
    "rheumatoid arthritis",
    "amyotrophic lateral sclerosis",
    "Huntington's disease",
    "hereditary ATTR amyloidosis",
    "hypercholesterolemia",
    "type 2 diabetes",
    "obesity",
    "nonalcoholic steatohepatitis",
    "idiopathic pulmonary fibrosis",
    "chronic kidney disease",
    "hemophilia A",
    "sickle cell disease",
    "Duchenne muscular dystrophy",
    "glioblastoma",
    "pancreatic cancer",
    "colorectal cancer",
    "ovarian cancer",
    "prostate cancer",
    "hepatocellular carcinoma",
    "gastric cancer",
    "melanoma",
    "generalized myasthenia gravis",
    "systemic lupus erythematosus",
    "severe asthma",
    "Alzheimer's disease",
    "Parkinson's disease",
    "small cell lung cancer",
)
_FOCUS = (
    "discovering and developing targeted cancer therapies",
    "developing antibody-drug conjugates for solid tumors",
    "advancing RNA-targeted medicines for genetic diseases",
    "developing small molecule kinase inhibitors",
    "building a pipeline of bispecific antibodies",
    "developing therapies for immune-mediated diseases",
    "pioneering gene-silencing medicines",
    "developing precision medicines for rare diseases",
    "discovering medicines for neurodegenerative diseases",
    "developing treatments for cardiometabolic diseases",
)
_STAGES = ("clinical-stage", "clinical-stage", "commercial-stage", "research-stage", "late-stage")
# (stem, modality, payload or None, target family hint)
_STEMS = (
    ("mab", "monoclonal antibody", None),
    ("mab", "monoclonal antibody", None),
    ("tinib", "small molecule kinase inhibitor", None),
    ("tinib", "small molecule kinase inhibitor", None),
    ("ciclib", "small molecule CDK inhibitor", None),
    ("vedotin", "antibody-drug conjugate", "MMAE"),
    ("tansine", "antibody-drug conjugate", "DM4"),
    ("rsen", "antisense oligonucleotide", None),
    ("siran", "small interfering RNA", None),
    ("parib", "small molecule PARP inhibitor", None),
    ("lisib", "small molecule PI3K inhibitor", None),
)
_INN_HEADS = _words(
    "ab ad al am an ar as av bal ber cab cal cer dal dar del dov el en ep er ev fal fer gal "
    "iv lan lar lem lor mar mav ner nir ol pam pel ral rav rel ril ros sap sel sot tal tar "
    "tel tir tov ul val vam ver vor zan zel zol"
)
_INN_MIDS = ("", "a", "e", "i", "o", "u", "ra", "li", "ve", "to", "ne", "mo", "ci")
_MAB_INFIX = ("tu", "li", "ki", "ci", "ta")
_MAB_SOURCE = ("zu", "xi", "")
_BRAND_HEADS = _words("Vel Zor Lum Ax Tre Ner Sol Ori Kal Pri Ven Eli Qua Ry Ost Fy")
_BRAND_TAILS = _words("ara ixa ovo enza ydra ylla iqa emta ora unex avix iqo")
_PHASES = ("Preclinical", "Phase I", "Phase II", "Phase III", "Approved")
_PHASE_WEIGHTS = (20, 28, 26, 16, 10)
_PHASE_WORDS = {
    "Preclinical": "in preclinical development",
    "Phase I": "in Phase 1",
    "Phase II": "in Phase 2",
    "Phase III": "in Phase 3",
    "Approved": "on the market",
}
_AWKWARD = re.compile(r"([aeiouy])\1|[aeiouy]{3}")
_ACADEMIC_KINDS = (
    "University of {place}",
    "{place} Institute for Medical Research",
    "{place} Cancer Center",
    "{place} University",
    "{place} Institute of Technology",
)
_PLACES = _words(
    "Northbridge Eastvale Westmoor Harrowgate Lakemont Brightwater Stonefield Ashbury Kingsfort "
    "Elmhurst Marlow Redcliff Glenmore Fairhaven Highcastle Riverside Oakridge Whitford"
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_AP_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_ROUND = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10, 12, 12.5, 15, 20, 25, 30, 35, 40, 45, 50, 60)
_ROUND += (70, 75, 80, 90, 100, 120, 125, 150, 175, 200, 250, 300, 350, 400, 450, 500, 600, 750)
_SITE_NAMES = ("BioWire Daily", "PharmaDealWatch", "Drug Pipeline News", "The Biotech Ledger")


@dataclass
class _Person:
    name: str
    title: str


@dataclass
class _Org:
    index: int
    short: str
    full: str
    kind: str  # "pharma", "biotech", "academic"
    country: _Country
    ticker: str | None
    exchange_text: str | None
    exchange: str | None
    city: str
    focus: str
    stage: str
    website: str
    ceo: _Person
    deal_lead: _Person
    contacts: tuple[_Person, _Person]
    compounds: list[_Compound] = field(default_factory=list, repr=False)
    partners: list[_Org] = field(default_factory=list, repr=False)


@dataclass
class _Compound:
    name: str  # canonical: the INN when it has one, else the code name
    code: str
    inn: str | None
    brand: str | None
    modality: str
    payload: str | None
    target: str
    indications: tuple[str, ...]
    phase: str
    developer: _Org = field(repr=False)


@dataclass
class _Deal:
    licensor: _Org
    licensee: _Org
    compound: _Compound
    kind: str  # license, collaboration, option, co_development
    year: int
    month: int
    currency: str
    upfront: Decimal
    potential: Decimal
    exclusive: bool
    region: str


@dataclass
class _World:
    pharma: list[_Org]
    biotech: list[_Org]
    academic: list[_Org]
    deals: list[_Deal]
    pharma_cum: list[float]
    biotech_cum: list[float]
    deal_cum: list[float]


def _zipf_cum(n: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


def _build_world(seed: int) -> _World:
    rng = random.Random(f"kg-synthetic-world:{seed}")
    used_keys: set[str] = set()
    used_tickers: set[str] = set()
    used_compounds: set[str] = set()

    def base_name(syllables: int) -> str:
        for attempt in itertools.count():
            name = rng.choice(_ONSETS) + rng.choice(_MIDDLES)
            if syllables > 1 or attempt > 20:
                name += rng.choice(_CODAS)
            if attempt > 60:  # the short names are used up: add a syllable
                name += rng.choice(_MIDDLES[3:]) + rng.choice(_CODAS)
            key = name.lower()
            if key not in used_keys and len(name) >= 4 and not _AWKWARD.search(key):
                used_keys.add(key)
                return name
        raise AssertionError("unreachable")

    def person(titles: tuple[str, ...]) -> _Person:
        last = rng.choice(_SURNAME_HEADS) + rng.choice(_SURNAME_TAILS)
        first = rng.choice(_FIRST_NAMES)
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.2 else ""
        suffix = ", Ph.D." if rng.random() < 0.15 else (", M.D." if rng.random() < 0.1 else "")
        return _Person(f"{first}{middle} {last}{suffix}", rng.choice(titles))

    def ticker(letters: int, short: str) -> str:
        if letters == 0:
            while True:
                code = str(rng.randint(1300, 9999))
                if code not in used_tickers:
                    used_tickers.add(code)
                    return code
        first = re.sub(r"[^A-Z]", "", short.upper())
        for attempt in itertools.count():
            tail = "".join(rng.choice("ABCDEFGHIKLMNOPRSTVXYZ") for _ in range(letters))
            code = (first[: 2 if attempt < 10 else 1 if attempt < 30 else 0] + tail)[:letters]
            if code not in used_tickers:
                used_tickers.add(code)
                return code

    def org(index: int, kind: str) -> _Org:
        country = rng.choices(_COUNTRIES, weights=_COUNTRY_WEIGHTS)[0]
        if kind == "academic":
            place = rng.choice(_PLACES)
            short = rng.choice(_ACADEMIC_KINDS).format(place=place)
            while short.lower() in used_keys:
                place = base_name(1) + rng.choice(("ville", "ton", "field", "burg"))
                short = rng.choice(_ACADEMIC_KINDS).format(place=place)
            used_keys.add(short.lower())
            full = short
            country = _COUNTRIES[0]
        elif kind == "pharma":
            short = base_name(2)
            full = f"{short} {rng.choice(('', '', 'Pharma ', 'Pharmaceuticals '))}".strip()
            full += " " + rng.choice(country.suffixes)
            if country.code in ("US", "GB") and rng.random() < 0.5:
                full = full.replace(" Inc.", ", Inc.")
        else:
            short = base_name(rng.choice((1, 2, 2, 2)))
            descriptor = rng.choice(_DESCRIPTORS)
            legal = rng.choice(country.suffixes)
            comma = ", " if legal in ("Inc.", "Ltd.") and rng.random() < 0.6 else " "
            full = f"{short} {descriptor}{comma}{legal}"
            if rng.random() < 0.12:  # the short form keeps the descriptor ("Zentis Bio")
                short = f"{short} {descriptor}"
        listed = kind == "pharma" or (kind == "biotech" and rng.random() < 0.65)
        tick = exch_text = exch = None
        if listed:
            exchanges = country.exchanges[:1] if kind == "pharma" else country.exchanges
            exch_text, exch, letters = rng.choice(exchanges)
            if kind == "pharma" and country.code == "US":
                exch_text, exch, letters = "NYSE", "NYSE", 3
            tick = ticker(letters, short)
        domain = re.sub(r"[^a-z]", "", short.lower()) + "." + country.domain
        return _Org(
            index=index,
            short=short,
            full=full,
            kind=kind,
            country=country,
            ticker=tick,
            exchange_text=exch_text,
            exchange=exch,
            city=rng.choice(country.cities),
            focus=rng.choice(_FOCUS),
            stage=rng.choice(_STAGES),
            website=f"www.{domain}",
            ceo=person(_PERSON_TITLES),
            deal_lead=person(_DEAL_TITLES),
            contacts=(person(_CONTACT_TITLES), person(_CONTACT_TITLES)),
        )

    def code_name(developer: _Org) -> str:
        letters = re.sub(r"[^A-Z]", "", developer.short.upper()) + "XQZ"
        while True:
            style = rng.random()
            prefix = letters[:2] + rng.choice("XQZRTMKV") if style < 0.5 else letters[:2]
            if style < 0.55:
                code = f"{prefix}-{rng.randint(100, 9999)}"
            elif style < 0.8:
                code = f"{prefix} {rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
            else:
                code = f"{prefix}{rng.randint(100, 999)}"
            if code.lower() not in used_compounds:
                used_compounds.add(code.lower())
                return code

    def inn(stem: str) -> str:
        for attempt in itertools.count():
            head = rng.choice(_INN_HEADS) + rng.choice(_INN_MIDS)
            if attempt > 20:
                head += rng.choice(_INN_MIDS[1:]) + rng.choice(("l", "r", "n", "v", "x"))
            if stem == "mab":
                word = head + rng.choice(_MAB_INFIX) + rng.choice(_MAB_SOURCE) + "mab"
            elif stem in ("vedotin", "tansine"):
                mab = head + "tu" + rng.choice(_MAB_SOURCE) + "mab"
                payload = rng.choice(("emtansine", "ravtansine", "soravtansine"))
                word = f"{mab} {'vedotin' if stem == 'vedotin' else payload}"
            else:
                word = head + stem
            if word not in used_compounds and not _AWKWARD.search(word):
                used_compounds.add(word)
                return word

    def compound(developer: _Org) -> _Compound:
        stem, modality, payload = rng.choice(_STEMS)
        phase = rng.choices(_PHASES, weights=_PHASE_WEIGHTS)[0]
        code = code_name(developer)
        has_inn = phase in ("Phase II", "Phase III", "Approved") or rng.random() < 0.2
        name_inn = inn(stem) if has_inn else None
        brand = None
        if phase == "Approved":
            for attempt in itertools.count():
                brand = rng.choice(_BRAND_HEADS) + rng.choice(_BRAND_TAILS)
                if attempt > 5:
                    brand = rng.choice(_BRAND_HEADS) + rng.choice("lmnrtv") + brand[-4:].lower()
                if attempt > 30:
                    brand = rng.choice(_BRAND_HEADS) + rng.choice(_INN_MIDS[1:]) + brand[-5:]
                if brand.lower() not in used_compounds:
                    used_compounds.add(brand.lower())
                    break
        indications = tuple(rng.sample(_INDICATIONS, rng.choice((1, 1, 2, 3))))
        return _Compound(
            name=name_inn or code,
            code=code,
            inn=name_inn,
            brand=brand,
            modality=modality,
            payload=payload,
            target=rng.choice(_TARGETS),
            indications=indications,
            phase=phase,
            developer=developer,
        )

    pharma = [org(i, "pharma") for i in range(N_BIG_PHARMA)]
    biotech = [org(N_BIG_PHARMA + i, "biotech") for i in range(N_BIOTECH)]
    academic = [org(N_BIG_PHARMA + N_BIOTECH + i, "academic") for i in range(N_ACADEMIC)]
    for company in pharma:
        company.compounds = [compound(company) for _ in range(rng.randint(3, 8))]
    for company in biotech:
        company.compounds = [compound(company) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
    pharma_cum = _zipf_cum(len(pharma), 1.0)
    biotech_cum = _zipf_cum(len(biotech), 0.8)
    everyone = pharma + biotech + academic
    for company in pharma + biotech:
        count = rng.choice((2, 3, 3, 4, 5))
        chosen = {rng.choices(pharma, cum_weights=pharma_cum)[0].index for _ in range(count // 2)}
        chosen |= {rng.choices(biotech, cum_weights=biotech_cum)[0].index for _ in range(count)}
        if rng.random() < 0.3:
            chosen.add(rng.choice(academic).index)
        chosen.discard(company.index)
        company.partners = [everyone[i] for i in sorted(chosen)][:5]
        rng.shuffle(company.partners)

    deals = []
    for _ in range(N_DEALS):
        licensor = rng.choices(biotech, cum_weights=biotech_cum)[0]
        if rng.random() < 0.8:
            licensee = rng.choices(pharma, cum_weights=pharma_cum)[0]
        else:
            licensee = rng.choices(biotech, cum_weights=biotech_cum)[0]
        if licensee is licensor:
            licensee = pharma[rng.randrange(len(pharma))]
        currency = licensee.country.currency if rng.random() < 0.5 else "USD"
        upfront = _round_amount(rng, 5, 300, currency)
        deals.append(
            _Deal(
                licensor=licensor,
                licensee=licensee,
                compound=rng.choice(licensor.compounds),
                kind=rng.choice(
                    ("license", "license", "collaboration", "option", "co_development")
                ),
                year=rng.randint(2003, 2022),
                month=rng.randint(1, 12),
                currency=currency,
                upfront=upfront,
                potential=upfront * rng.choice((5, 8, 10, 12, 15, 20)),
                exclusive=rng.random() < 0.75,
                region=rng.choice(
                    ("worldwide", "worldwide", "global", "ex-U.S.", "Greater China", "Japanese")
                ),
            )
        )
    return _World(
        pharma=pharma,
        biotech=biotech,
        academic=academic,
        deals=deals,
        pharma_cum=pharma_cum,
        biotech_cum=biotech_cum,
        deal_cum=_zipf_cum(len(deals), 0.6),
    )


_RATE = {"USD": 1, "EUR": 1, "CHF": 1, "GBP": 1, "DKK": 7, "JPY": 120}


def _round_amount(rng: random.Random, low: float, high: float, currency: str) -> Decimal:
    """A round amount between ``low`` and ``high`` million dollars, in ``currency``'s unit."""
    millions = rng.choice([m for m in _ROUND if low <= m <= high] or [low])
    return Decimal(str(millions)) * _RATE[currency] * 1_000_000


# -- money as written -----------------------------------------------------------------------


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _money(rng: random.Random, amount: Decimal, currency: str, *, noun: bool = True) -> str:
    """'$5 million', 'US$5.0 million', '€10 million', 'CHF 20 million', '¥1.2 billion'...

    With ``noun=False`` the amount qualifies a noun ("a $5 million payment"), so the forms
    "10 million euros" and "1.2 billion yen" are not used.
    """
    if amount >= 1_000_000_000 and (amount / 100_000_000) % 1 == 0:
        scaled, unit = _number(amount / 1_000_000_000), "billion"
    else:
        scaled, unit = _number(amount / 1_000_000), "million"
    style = rng.random()
    if currency == "USD":
        if style < 0.7:
            return f"${scaled} {unit}"
        if style < 0.8 and "." not in scaled:
            return f"${scaled}.0 {unit}"
        if style < 0.9:
            return f"US${scaled} {unit}"
        if style < 0.95 and unit == "million" and amount < 100_000_000:
            return f"${int(amount):,}"
        return f"USD {scaled} {unit}"
    symbol = {"EUR": "€", "GBP": "£", "JPY": "¥"}.get(currency)
    if symbol and style < 0.6:
        return f"{symbol}{scaled} {unit}"
    if currency == "EUR" and style < 0.7 and noun:
        return f"{scaled} {unit} euros"
    if currency == "JPY" and style < 0.7 and noun:
        return f"{scaled} {unit} yen"
    return f"{currency} {scaled} {unit}"


def _usd_note(rng: random.Random, amount: Decimal, currency: str) -> str:
    if currency == "USD" or rng.random() < 0.6:
        return ""
    usd = (amount / _RATE[currency]).quantize(Decimal(1))
    return f" (approximately {_money(rng, usd, 'USD')})"


# -- one release ------------------------------------------------------------------------------


class _Release:
    """The text of one release being written and what it states (the manifest record)."""

    def __init__(self, rng: random.Random, world: _World, index: int) -> None:
        self.rng = rng
        self.world = world
        self.index = index
        self.orgs: dict[str, dict[str, Any]] = {}
        self.people: list[dict[str, Any]] = []
        self.payments: list[dict[str, Any]] = []
        self.agreements: list[dict[str, Any]] = []
        self.acquisitions: list[dict[str, Any]] = []
        self.partnerships: list[list[str]] = []
        self.compounds: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.paragraphs: list[str] = []

    # names -----------------------------------------------------------------------------------

    def org(self, org: _Org, *, full: bool = False, ticker: bool = False) -> str:
        record = self.orgs.get(org.short)
        if record is None:
            record = {"name": org.short, "aliases": [], "ticker": None, "exchange": None}
            self.orgs[org.short] = record
        text = org.full if full else org.short
        if text != org.short and text not in record["aliases"]:
            record["aliases"].append(text)
        if ticker and org.ticker:
            record["ticker"], record["exchange"] = org.ticker, org.exchange
            sep = "" if self.rng.random() < 0.15 else " "
            text += f" ({org.exchange_text}:{sep}{org.ticker})"
        return text

    def compound(self, c: _Compound, *, full: bool = False) -> str:
        record = self.compounds.get(c.name)
        if record is None:
            record = {
                "name": c.name,
                "aliases": [],
                "target": c.target,
                "payload": c.payload,
                "developer": c.developer.short,
                "phase": c.phase,
                "indications": list(c.indications),
            }
            self.compounds[c.name] = record
            self.org(c.developer)
        if not full:
            return c.name
        if c.brand:
            text = f"{c.brand.upper() if self.rng.random() < 0.3 else c.brand}® ({c.inn})"
            alias = text.split("®")[0]
        elif c.inn:
            text, alias = f"{c.inn} ({c.code})", c.code
        else:
            return c.code
        if alias not in record["aliases"]:
            record["aliases"].append(alias)
        return text

    def person(self, p: _Person, org: _Org) -> None:
        entry = {"name": p.name.split(",")[0], "role": p.title, "organization": org.short}
        if entry not in self.people:
            self.people.append(entry)

    def pay(self, payer: _Org, payee: _Org, amount: Decimal | None, currency: str | None,
            kind: str, status: str, trigger: str | None = None,
            compound: _Compound | None = None, qualifier: str | None = None) -> None:  # fmt: skip
        self.payments.append(
            {
                "payer": payer.short,
                "payee": payee.short,
                "amount": _json_number(amount),
                "currency": currency if amount is not None else None,
                "kind": kind,
                "status": status,
                "qualifier": qualifier,
                "trigger": trigger,
                "compound": compound.name if compound else None,
            }
        )

    def agree(self, deal: _Deal, status: str, *, kind: str | None = None) -> None:
        licensing = (kind or deal.kind) in ("license", "option")
        self.agreements.append(
            {
                "kind": kind or deal.kind,
                "status": status,
                "parties": [deal.licensor.short, deal.licensee.short],
                "licensor": deal.licensor.short if licensing else None,
                "licensee": deal.licensee.short if licensing else None,
                "technology": None,
                "target": deal.compound.target,
                "exclusive": deal.exclusive if licensing else None,
                "royalties": True if licensing else None,
            }
        )

    def quote(self, person: _Person, org: _Org, words: list[str]) -> str:
        self.person(person, org)
        rng = self.rng
        open_q, close_q = ("“", "”") if rng.random() < 0.7 else ('"', '"')
        first = words[0]
        rest = " ".join(words[1:])
        said = f"said {person.name}, {person.title} of {self.org(org)}"
        if rng.random() < 0.3:
            said = f"said {person.name}, {_poss(self.org(org))} {person.title}"
        text = f"{open_q}{first[:-1]},{close_q} {said}. "
        if rest:
            text += f"{open_q}{rest}{close_q}"
        return text.rstrip()

    # sections --------------------------------------------------------------------------------

    def about(self, org: _Org) -> None:
        rng = self.rng
        name = self.org(org)
        if org.kind == "academic":
            return
        heading = f"About {self.org(org, full=rng.random() < 0.4)}"
        lines = [
            f"{name} is a {org.stage} biopharmaceutical company {org.focus}.",
        ]
        shown = [c for c in org.compounds[:3] if rng.random() < 0.7]
        if shown:
            names = [self.compound(c) for c in shown]
            lines.append(
                f"The company's pipeline includes {_join(names)}, with its most advanced program "
                f"{_PHASE_WORDS[max((c.phase for c in shown), key=_PHASES.index)]}."
            )
        if org.partners and rng.random() < 0.85:
            partners = org.partners[: rng.randint(2, min(5, max(2, len(org.partners))))]
            names = [self.org(p) for p in partners]
            for p in partners:
                pair = [org.short, p.short]
                if pair not in self.partnerships:
                    self.partnerships.append(pair)
            verb = rng.choice(
                (
                    "{ns} collaborative partners include {p}.",
                    "{n} has established collaborations with {p}.",
                    "Partners of {n} include {p}.",
                )
            )
            lines.append(verb.format(n=name, ns=_poss(name), p=_join(names)))
        where = org.city.split(",")[0].title()
        lines.append(
            f"{name} is headquartered in {where}. For more information, visit {org.website}."
        )
        self.paragraphs += [heading, " ".join(lines)]

    def forward_looking(self, org: _Org, subjects: list[str]) -> None:
        rng = self.rng
        year = self.date[0]
        heading = rng.choice(
            (
                "Forward-Looking Statements",
                "Cautionary Note Regarding Forward-Looking Statements",
                "Safe Harbor Statement",
            )
        )
        text = (
            f"This press release contains forward-looking statements within the meaning of the "
            f"Private Securities Litigation Reform Act of 1995, including statements about "
            f'{_join(subjects)}. Words such as "anticipate," "believe," "expect," "intend," '
            f'"may," "plan" and "will" identify forward-looking statements. Actual results may '
            f"differ materially from those indicated by these statements because of risks and "
            f"uncertainties, including the uncertain outcome of clinical trials, regulatory "
            f"review, and the performance of collaboration partners. These and other risks are "
            f"described in "
            f"{_poss(self.org(org))} Annual Report on Form 10-K for the year ended December 31, "
            f"{year - 1}, and in its later filings. {self.org(org)} undertakes no obligation to "
            f"update any forward-looking statement, except as required by law."
        )
        self.paragraphs += [heading, text]

    def contacts(self, org: _Org) -> None:
        rng = self.rng
        lines = [rng.choice(("Contacts:", "Contact:", "Investor and Media Contacts:", "CONTACT:"))]
        domain = org.website.removeprefix("www.")
        for label, p in zip(("Investors:", "Media:"), org.contacts, strict=True):
            if rng.random() < 0.3:
                continue
            self.person(p, org)
            number = org.country.phone.format(rng.randint(100, 9999))
            first = p.name.split()[0].lower()
            lines += [label, p.name.split(",")[0], p.title, number, f"{first}@{domain}"]
        if len(lines) > 1:
            self.paragraphs.append("\n".join(lines))

    # dates and the lead ------------------------------------------------------------------------

    def set_date(self, year: int) -> None:
        rng = self.rng
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        self.date = (year, month, day)

    def iso_date(self) -> str:
        year, month, day = self.date
        return f"{year:04d}-{month:02d}-{day:02d}"

    def dateline(self, issuer: _Org, lead: str) -> str:
        rng = self.rng
        year, month, day = self.date
        city = issuer.city
        style = rng.random()
        if style < 0.4:
            wire = rng.choice(("/PRNewswire/", "/PRNewswire/", "/PRNewswire-FirstCall/"))
            return f"{city}, {_MONTHS[month - 1]} {day}, {year} {wire} -- {lead}"
        if style < 0.7:
            return f"{city}--(BUSINESS WIRE)--{_AP_MONTHS[month - 1]} {day}, {year}--{lead}"
        if style < 0.85:
            return f"{city}, {_MONTHS[month - 1]} {day}, {year} (GLOBE NEWSWIRE) -- {lead}"
        return f"{city.title()}, {_MONTHS[month - 1]} {day}, {year} – {lead}"


def _a(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeio" else "a ") + phrase


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(text: str) -> str:
    return " ".join(_cap(word) for word in text.split(" "))


def _poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# -- release kinds --------------------------------------------------------------------------

_TRIGGERS = (
    # (manifest trigger, sentence phrase, regulatory event kind or None, minimum phase)
    (
        "IND submission",
        "the submission of an Investigational New Drug (IND) application to the U.S. Food and "
        "Drug Administration (FDA)",
        "IND submission",
    ),
    ("IND clearance", "the FDA's clearance of the IND application", "IND active"),
    (
        "first patient dosed in Phase 1",
        "dosing of the first patient in a Phase 1 trial",
        "phase start",
    ),
    ("initiation of Phase 2", "the initiation of a Phase 2 clinical study", "phase start"),
    ("start of Phase 3", "the start of a pivotal Phase 3 trial", "phase start"),
    ("BLA submission", "the submission of a Biologics License Application (BLA)", "BLA submission"),
    ("NDA submission", "the FDA's acceptance of a New Drug Application (NDA)", "NDA submission"),
    (
        "MAA submission",
        "the validation of a Marketing Authorization Application (MAA) by the European Medicines "
        "Agency",
        "MAA submission",
    ),
    ("FDA approval", "approval by the FDA", "approval"),
    ("EC approval", "approval by the European Commission", "approval"),
    ("first commercial sale", "the first commercial sale in Japan", None),
    ("development candidate nomination", "the nomination of a development candidate", None),
)


_DATA_CLAIMS = ("Preclinical data showed", "Early clinical data suggest", "Data to date indicate")
_DATA_FINDINGS = ("durable responses", "a favorable safety profile", "target engagement")
_LICENSOR_ROLES = (
    "complete ongoing Phase 1 studies",
    "lead discovery activities",
    "retain co-promotion rights in the United States",
)
_TERMINATION_REASONS = (
    "for strategic reasons",
    "following a portfolio review",
    "after reprioritizing its pipeline",
)


def _headline_money(rel: _Release, amount: Decimal, currency: str) -> str:
    return (
        _money(rel.rng, amount, currency, noun=False)
        .replace(" million", " Million")
        .replace(" billion", " Billion")
    )


def _milestone(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    payee, payer, comp = deal.licensor, deal.licensee, deal.compound
    rel.set_date(min(2024, deal.year + rng.randint(1, 6)))
    trigger, phrase, event = rng.choice(_TRIGGERS)
    amount = _round_amount(rng, 1, 100, deal.currency)
    amt = _money(rng, amount, deal.currency, noun=False)
    headline = rng.choice(
        (
            "{payee} Earns {amt} Milestone Payment from {payer}",
            "{payee} Receives {amt} Milestone from {payer} for {comp}",
            "{payee} Achieves Milestone in {target} Collaboration with {payer}",
            "{trigger_t} for {comp} Triggers {amt} Payment to {payee}",
        )
    ).format(
        payee=payee.short,
        payer=payer.short,
        amt=_headline_money(rel, amount, deal.currency),
        comp=comp.name,
        target=comp.target,
        trigger_t=trigger[:1].upper() + trigger[1:],
    )
    lead = (
        f"{rel.org(payee, full=True, ticker=True)}, a {payee.stage} company {payee.focus}, "
        f"today announced that it has {rng.choice(('earned', 'received', 'achieved'))} a {amt} "
        f"milestone payment{_usd_note(rng, amount, deal.currency)} from "
        f"{rel.org(payer, full=rng.random() < 0.5)} "
        f"under the companies' {deal.year} {deal.kind.replace('_', '-')} agreement. The "
        f"milestone was triggered by {phrase} for {rel.compound(comp, full=True)}, "
        f"{_a(comp.modality)} targeting {comp.target}."
    )
    rel.pay(payer, payee, amount, deal.currency, "milestone", "earned", trigger, comp)
    if event:
        rel.events.append({"kind": event, "compound": comp.name, "sponsor": payer.short})
    potential_amt = _money(rng, deal.potential, deal.currency)
    body = [
        f"Under the agreement, signed in {_MONTHS[deal.month - 1]} {deal.year}, "
        f"{rel.org(payer)} received {'exclusive ' if deal.exclusive else ''}{deal.region} rights "
        f"to develop and commercialize {rel.compound(comp)}. {rel.org(payee)} is eligible to "
        f"receive up to {potential_amt} in development, regulatory and commercial milestones, as "
        f"well as tiered royalties on net sales.",
        f"{_cap(rel.compound(comp))} is being studied in {_join(list(comp.indications))}. "
        f"{rng.choice(_DATA_CLAIMS)} {rng.choice(_DATA_FINDINGS)} "
        f"in patients with {comp.indications[0]}.",
    ]
    rel.pay(payer, payee, deal.potential, deal.currency, "milestone", "potential", None, comp,
            "aggregate")  # fmt: skip
    rel.agree(deal, "in_force")
    quote = rel.quote(
        payee.ceo,
        payee,
        [
            f"This milestone reflects the progress {payer.short} has made with {comp.name}.",
            "We look forward to the continued advancement of the program in "
            f"{comp.indications[0]}.",
        ],
    )
    return payee, headline, [lead, *body, quote]


def _license(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    licensor, licensee, comp = deal.licensor, deal.licensee, deal.compound
    rel.set_date(deal.year)
    issuer = licensor if rng.random() < 0.7 else licensee
    up = _money(rng, deal.upfront, deal.currency)
    potential = _money(rng, deal.potential, deal.currency)
    kind_words = {
        "license": "exclusive license agreement",
        "collaboration": "strategic research collaboration and license agreement",
        "option": "option and license agreement",
        "co_development": "co-development and co-commercialization agreement",
    }[deal.kind]
    headline = rng.choice(
        (
            "{a} and {b} Enter into {kw_t} for {comp}",
            "{b} Licenses {region_t} Rights to {comp} from {a}",
            "{a} Announces {kw_t} with {b} to Advance {target} Program",
            "{a} Signs {up_h} Deal with {b} for {comp}",
        )
    ).format(
        a=licensor.short,
        b=licensee.short,
        kw_t=kind_words.title().replace("And", "and"),
        comp=comp.name,
        region_t=deal.region.title(),
        target=comp.target,
        up_h=_headline_money(rel, deal.upfront, deal.currency),
    )
    first, second = (licensor, licensee) if issuer is licensor else (licensee, licensor)
    lead = (
        f"{rel.org(first, full=True, ticker=True)} and {rel.org(second, full=True, ticker=True)} "
        f"today announced that they have entered into {_a(kind_words)} for "
        f"{rel.compound(comp, full=True)}, {_poss(licensor.short)} {comp.modality} targeting "
        f"{comp.target}."
    )
    qualifier = rng.choice((None, None, "per_product", "per_target", "aggregate"))
    qualifier_text = {
        None: "",
        "per_product": " per product",
        "per_target": " per target",
        "aggregate": " in aggregate",
    }[qualifier]
    terms = (
        f"Under the terms of the agreement, {rel.org(licensee)} will pay {rel.org(licensor)} an "
        f"upfront payment of {up}{_usd_note(rng, deal.upfront, deal.currency)}. "
        f"{rel.org(licensor)} is eligible to receive up to {potential}{qualifier_text} in "
        f"development, regulatory and sales milestones, plus tiered royalties ranging from "
        f"{rng.choice(('mid-single', 'high single', 'low double'))} digits to "
        f"{rng.choice(('low teens', 'mid-teens', 'high teens'))} on net sales."
    )
    rel.pay(licensee, licensor, deal.upfront, deal.currency, "upfront", "earned", "signing", comp)
    rel.pay(licensee, licensor, deal.potential, deal.currency, "milestone", "potential", None,
            comp, qualifier)  # fmt: skip
    body = [lead, terms]
    if rng.random() < 0.25:
        equity = _round_amount(rng, 10, 100, deal.currency)
        price = Decimal(rng.randint(500, 6000)) / 100
        body.append(
            f"In addition, {rel.org(licensee)} will make an equity investment of "
            f"{_money(rng, equity, deal.currency)} in {rel.org(licensor)} common stock at "
            f"${price:.2f} per share."
        )
        rel.pay(licensee, licensor, equity, deal.currency, "equity", "earned", None, None)
    if rng.random() < 0.3:
        funding = _round_amount(rng, 2, 40, deal.currency)
        body.append(
            f"{rel.org(licensee)} will also provide research funding of "
            f"{_money(rng, funding, deal.currency)} over {rng.randint(2, 4)} years."
        )
        rel.pay(licensee, licensor, funding, deal.currency, "research_funding", "potential")
    body.append(
        f"{rel.org(licensee)} will be responsible for {deal.region} development and "
        f"commercialization, while {rel.org(licensor)} will "
        f"{rng.choice(_LICENSOR_ROLES)}."
    )
    rel.agree(deal, "new")
    body.append(
        rel.quote(
            licensor.ceo,
            licensor,
            [
                f"{licensee.short} brings deep expertise in {comp.indications[0]}.",
                f"This agreement validates our {comp.modality} platform.",
            ],
        )
    )
    if rng.random() < 0.6:
        body.append(
            rel.quote(
                licensee.deal_lead,
                licensee,
                [f"{comp.name} complements our pipeline in {comp.indications[0]}."],
            )
        )
    return issuer, headline, body


def _equity(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    investor, company = deal.licensee, deal.licensor
    rel.set_date(min(2024, deal.year + rng.randint(0, 3)))
    currency = "USD" if rng.random() < 0.7 else company.country.currency
    amount = _round_amount(rng, 10, 250, currency)
    price = Decimal(rng.randint(300, 9000)) / 100
    shares = int(amount / Decimal(str(_RATE[currency])) / price)
    amt = _money(rng, amount, currency)
    headline = rng.choice(
        (
            "{inv} to Make {amt} Equity Investment in {co}",
            "{co} Announces {amt} Strategic Investment from {inv}",
        )
    ).format(inv=investor.short, co=company.short, amt=_headline_money(rel, amount, currency))
    lead = (
        f"{rel.org(company, full=True, ticker=True)} today announced that "
        f"{rel.org(investor, full=True)} has agreed to purchase {shares:,} newly issued shares of "
        f"{company.short} common stock at a price of ${price:.2f} per share, for gross proceeds of "
        f"{amt}. The price represents a premium of {rng.randint(5, 60)}% to the "
        f"{rng.choice(('30-day', '10-day', 'prior-day'))} volume-weighted average price."
    )
    rel.pay(investor, company, amount, currency, "equity", "earned", None, None)
    body = [
        lead,
        f"The investment extends the companies' {deal.year} collaboration on "
        f"{rel.compound(deal.compound)}. {rel.org(company)} intends to use the proceeds to fund "
        f"{rng.choice(('late-stage development', 'its Phase 2 program', 'manufacturing'))} "
        f"and for general corporate purposes.",
        rel.quote(
            company.ceo,
            company,
            [f"{_poss(investor.short)} investment is a strong endorsement of our strategy."],
        ),
    ]
    rel.agree(deal, "in_force")
    return company, headline, body


def _acquisition(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    acquirer, target = deal.licensee, deal.licensor
    rel.set_date(rng.randint(2003, 2024))
    price = Decimal(rng.randint(400, 15000)) / 100
    total = _round_amount(rng, 100, 750, "USD") * rng.choice((1, 1, 2, 4, 10))
    per_share = f"${price:.2f}"
    headline = rng.choice(
        (
            "{acq} to Acquire {tgt} for {ps} per Share in Cash",
            "{acq} Completes Acquisition of {tgt}",
            "{acq} and {tgt} Announce Definitive Merger Agreement",
        )
    ).format(acq=acquirer.short, tgt=target.short, ps=per_share)
    lead = (
        f"{rel.org(acquirer, full=True, ticker=True)} and "
        f"{rel.org(target, full=True, ticker=True)} "
        f"today announced a definitive agreement under which {acquirer.short} will acquire "
        f"{target.short} for {per_share} per share in cash, for a total equity value of "
        f"approximately {_money(rng, total, 'USD')}. The offer represents a premium of "
        f"{rng.randint(20, 110)}% to {_poss(target.short)} closing price on the last trading day "
        f"before the announcement."
    )
    rel.acquisitions.append(
        {
            "acquirer": acquirer.short,
            "acquired": target.short,
            "year": rel.date[0],
            "amount": _json_number(total),
            "currency": "USD",
            "price_per_share": float(price),
        }
    )
    rel.pay(acquirer, target, total, "USD", "acquisition", "earned", None, None)
    body = [lead]
    if rng.random() < 0.35:
        cvr = Decimal(rng.randint(100, 800)) / 100
        body.append(
            f"{target.short} stockholders will also receive one non-tradable contingent value "
            f"right (CVR) per share, worth up to ${cvr:.2f} in cash upon "
            f"{rng.choice(('FDA approval of', 'net sales milestones for'))} "
            f"{rel.compound(deal.compound)}."
        )
    body += [
        f"The acquisition adds {rel.compound(deal.compound, full=True)} and "
        f"{_poss(target.short)} {deal.compound.modality} platform to "
        f"{_poss(acquirer.short)} pipeline. The "
        f"boards of directors of both companies have approved the transaction, which is expected "
        f"to close in the {rng.choice(('first', 'second', 'third', 'fourth'))} quarter of "
        f"{rel.date[0] + rng.randint(0, 1)}, subject to the tender of a majority of "
        f"{_poss(target.short)} outstanding shares and regulatory clearance under the "
        f"Hart-Scott-Rodino Act.",
        rel.quote(
            acquirer.ceo,
            acquirer,
            [
                f"{_poss(target.short)} team and science will strengthen our position in "
                f"{deal.compound.indications[0]}."
            ],
        ),
        f"{rng.choice(('Goldman Sachs', 'Morgan Stanley', 'Centerview Partners', 'J.P. Morgan'))} "
        f"is acting as financial advisor to {acquirer.short}.",
    ]
    return acquirer, headline, body


def _termination(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    licensor, licensee, comp = deal.licensor, deal.licensee, deal.compound
    rel.set_date(min(2024, deal.year + rng.randint(1, 5)))
    headline = rng.choice(
        (
            "{a} Regains Worldwide Rights to {comp} Following Termination of Agreement with {b}",
            "{a} Announces Termination of License Agreement with {b}",
        )
    ).format(a=licensor.short, b=licensee.short, comp=comp.name)
    lead = (
        f"{rel.org(licensor, full=True, ticker=True)} today announced that "
        f"{rel.org(licensee, full=True)} has notified the company of its decision to terminate "
        f"the {deal.year} license agreement for {rel.compound(comp, full=True)} "
        f"{rng.choice(_TERMINATION_REASONS)}. "
        f"The termination takes effect in {rng.choice((90, 120, 180))} days."
    )
    body = [
        lead,
        f"Upon termination, all {deal.region} rights to {rel.compound(comp)} revert to "
        f"{rel.org(licensor)}, which will retain the {_money(rng, deal.upfront, deal.currency)} "
        f"upfront payment already received and owes no payment to {rel.org(licensee)}.",
        rel.quote(
            licensor.ceo,
            licensor,
            [f"We remain confident in {comp.name} and will evaluate our options for the program."],
        ),
    ]
    rel.agree(deal, "terminated")
    return licensor, headline, body


def _news(rel: _Release, deal: _Deal) -> tuple[_Org, str, list[str]]:
    rng = rel.rng
    sponsor, comp = deal.licensor, deal.compound
    rel.set_date(rng.randint(2003, 2024))
    if rng.random() < 0.5:
        phase = rng.choice(("Phase 1", "Phase 2", "Phase 3"))
        indication = comp.indications[0]
        headline = (
            f"{sponsor.short} Announces Positive Topline Results from {phase} Trial of "
            f"{comp.name} in {_title(indication)}"
        )
        lead = (
            f"{rel.org(sponsor, full=True, ticker=True)} today announced positive topline results "
            f"from its {phase} trial of {rel.compound(comp, full=True)} in patients with "
            f"{indication}. The study met its primary endpoint, with an objective response rate "
            f"of {rng.randint(15, 70)}% and a median duration of response of "
            f"{rng.randint(4, 24)} months."
        )
        body = [lead, "Full results will be presented at an upcoming medical meeting."]
    else:
        kind = rng.choice(("BLA submission", "NDA submission", "approval", "MAA submission"))
        phrase = {
            "BLA submission": "the U.S. Food and Drug Administration (FDA) has accepted its "
            "Biologics License Application (BLA)",
            "NDA submission": "the FDA has accepted for review its New Drug Application (NDA)",
            "approval": "the FDA has approved",
            "MAA submission": "the European Medicines Agency has validated its Marketing "
            "Authorization Application (MAA)",
        }[kind]
        what = kind.replace("submission", "Acceptance").title()
        headline = f"{sponsor.short} Announces {what} for {comp.name}"
        lead = (
            f"{rel.org(sponsor, full=True, ticker=True)} today announced that {phrase} for "
            f"{rel.compound(comp, full=True)} for the treatment of {comp.indications[0]}."
        )
        rel.events.append({"kind": kind, "compound": comp.name, "sponsor": sponsor.short})
        body = [
            lead,
            f"The application is supported by data from a Phase 3 trial in "
            f"{rng.randint(200, 900)} patients. {rel.org(deal.licensee)} holds "
            f"{deal.region} commercialization rights under a {deal.year} agreement.",
        ]
        rel.agree(deal, "in_force")
    body.append(
        rel.quote(
            sponsor.deal_lead, sponsor, [f"These results bring {comp.name} closer to patients."]
        )
    )
    return sponsor, headline, body


_KINDS = (
    ("milestone", _milestone, 34),
    ("license", _license, 24),
    ("equity", _equity, 8),
    ("acquisition", _acquisition, 9),
    ("termination", _termination, 7),
    ("news", _news, 18),
)
_KIND_CUM = list(itertools.accumulate(w for _, _, w in _KINDS))

_TOP_DEBRIS = (
    "Bookmark and Share",
    "Print | Email | Share",
    "Home > Investors > Press Releases",
    "Staying informed is easy. Sign up for our free newsletter!",
    "Navigation Links",
    "Press Release",
)
_BOTTOM_DEBRIS = ("Back to news", "Back to top", "Related Links", "Subscribe to email alerts")


def _market_snapshot(rng: random.Random, orgs: list[_Org]) -> str:
    lines = ["Market Snapshot", "Ticker Volume Price Change"]
    for org in orgs[:3]:
        if org.ticker:
            lines.append(
                f"{org.ticker} {rng.randint(10_000, 9_000_000):,} "
                f"{rng.randint(100, 30000) / 100:.2f} "
                f"{rng.choice('+-')}{rng.randint(1, 500) / 100:.2f}"
            )
    return "\n".join(lines)


def _wrap_8k(text: str) -> str:
    """Hard line breaks at about 72 columns, as in an SEC exhibit."""
    out = []
    for paragraph in text.split("\n\n"):
        if "\n" in paragraph or len(paragraph) < 80:
            out.append(paragraph)
        else:
            out.append("\n".join(textwrap.wrap(paragraph, 72, break_on_hyphens=False)))
    return "\n\n".join(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def make_release(world: _World, seed: int, index: int) -> tuple[str, str, dict[str, Any]]:
    """Release ``index``: (file suffix, its text, its manifest record)."""
    rng = random.Random(f"kg-synthetic-release:{seed}:{index}")
    rel = _Release(rng, world, index)
    kind, make, _ = _KINDS[_pick(rng, _KIND_CUM)]
    deal = world.deals[_pick(rng, world.deal_cum)]
    issuer, headline, body = make(rel, deal)
    partner = deal.licensee if issuer is deal.licensor else deal.licensor

    paragraphs = []
    style = rng.random()
    sec = style < 0.06
    if sec:
        paragraphs.append(
            f"EX-99.1 2 d{rng.randint(100000, 999999)}dex991.htm PRESS RELEASE\n\nExhibit 99.1"
        )
    elif style < 0.3:
        paragraphs.append(rng.choice(_TOP_DEBRIS))
    paragraphs.append(headline)
    if rng.random() < 0.3:
        what = rng.choice(("Deal", "Agreement", "Transaction"))
        paragraphs.append(
            f"- {what} strengthens {_poss(issuer.short)} position in "
            f"{deal.compound.indications[0]} -"
        )
    if sec and rng.random() < 0.4:
        paragraphs.append("FOR IMMEDIATE RELEASE")
    body[0] = rel.dateline(issuer, body[0])
    paragraphs += body
    rel.paragraphs = []
    rel.about(issuer)
    if rng.random() < 0.6:
        rel.about(partner)
    subjects = [
        f"the potential of {rel.compound(deal.compound)}",
        f"the agreement with {rel.org(partner)}",
        "the receipt of future payments",
    ]
    rel.forward_looking(issuer, subjects)
    rel.contacts(issuer)
    paragraphs += rel.paragraphs
    if not sec and rng.random() < 0.25:
        paragraphs.append(rng.choice(_BOTTOM_DEBRIS))
        if rng.random() < 0.5:
            paragraphs.append(_market_snapshot(rng, [issuer, partner]))
        if rng.random() < 0.5:
            paragraphs.append(f"© {rel.date[0]} {rng.choice(_SITE_NAMES)}. All rights reserved.")
    text = "\n\n".join(paragraphs) + "\n"
    if sec:
        text = _wrap_8k(text)

    suffix = ".txt"
    fmt = rng.random()
    if fmt < 0.02:
        suffix, text = ".html", _as_html(rng, headline, paragraphs)
    elif fmt < 0.04:
        suffix, text = ".md", _as_markdown(headline, paragraphs, issuer)

    record = {
        "id": "",
        "kind": kind,
        "title": headline,
        "published": rel.iso_date(),
        "issuer": issuer.short,
        "organizations": list(rel.orgs.values()),
        "people": rel.people,
        "payments": rel.payments,
        "agreements": rel.agreements,
        "acquisitions": rel.acquisitions,
        "partnerships": rel.partnerships,
        "compounds": list(rel.compounds.values()),
        "regulatory_events": rel.events,
    }
    stem = f"{index:07d}-{_slug(issuer.short)}-{rel.iso_date()}-{kind}"
    record["id"] = stem
    return suffix, text, record


def _pick(rng: random.Random, cum: list[float]) -> int:
    import bisect

    return bisect.bisect(cum, rng.random() * cum[-1])


def _as_html(rng: random.Random, headline: str, paragraphs: list[str]) -> str:
    esc = html.escape
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ("Home", "Investors", "News"))
    body = "\n".join(
        f"<p>{esc(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p != headline
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{esc(headline)}</title><script>var track = {rng.randint(1, 99)};</script>"
        f"</head>\n<body><nav><ul>{nav}</ul></nav>\n<article><h1>{esc(headline)}</h1>\n{body}\n"
        "</article><footer>Back to news</footer></body></html>\n"
    )


def _as_markdown(headline: str, paragraphs: list[str], issuer: _Org) -> str:
    out = [f"# {headline}", ""]
    for p in paragraphs:
        if p == headline:
            continue
        if p.startswith("About ") or p.endswith("Statements") or p == "Safe Harbor Statement":
            out += [f"## {p}", ""]
            continue
        p = p.replace(issuer.website, f"[{issuer.website}](https://{issuer.website})")
        out += [p.replace("*", "\\*"), ""]
    return "\n".join(out)


def generate(n: int, directory: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic releases under ``directory`` (1,000 per sub-folder) and
    ``directory/manifest.json``; return the release files in order.

    The same ``seed`` gives byte-identical files, and the first ``k`` releases do not depend
    on ``n``.
    """
    if n < 0:
        raise ValueError("n must be at least 0")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    world = _build_world(seed)
    paths: list[Path] = []
    # The manifest is written as the releases are, so memory stays flat however large n is.
    with (directory / "manifest.json").open("w", encoding="utf-8") as manifest:
        manifest.write(
            f'{{"generator":"kg.bench.synthetic","seed":{json.dumps(seed)},"count":{n},"releases":['
        )
        for index in range(n):
            suffix, text, record = make_release(world, seed, index)
            folder = directory / f"{index // PER_FOLDER:04d}"
            if index % PER_FOLDER == 0:
                folder.mkdir(exist_ok=True)
            path = folder / (record["id"] + suffix)
            path.write_bytes(text.encode("utf-8"))
            record["file"] = path.relative_to(directory).as_posix()
            if index:
                manifest.write(",\n")
            manifest.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            paths.append(path)
        manifest.write("]}\n")
    return paths
