"""Hand-made releases and the facts read out of them, for tests that need a small store.

Three releases, written so that every kind of fact appears and the tricky cases are present:

* ``IMMUNOGEN``: the ImmunoGen/Bayer seed (2011-06-14): an earned $2 million milestone, a
  potential $170.5 million per-product milestone, an exclusive license with royalties, two
  compounds, a person, six partnerships and an IND submission.
* ``BIOTEST``: another issuer (Biotest AG, 2013-02-25) that names ImmunoGen again ("ImmunoGen",
  not "ImmunoGen, Inc.": the same organisation), pays a EUR upfront fee and an option fee whose
  amount it does not disclose, buys a company, and reports the approval of a compound the first
  release also describes.
* ``AMGEN``: no publication date and no issuer; a collaboration with no payments. The same text
  is loaded under two file names, so the release has two sources.

Every evidence span is the exact sentence of the release text that states the fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kg import facts as f
from kg.build import build_graph
from kg.identity import refresh_identity
from kg.read import Release, parse_release
from kg.resolve import compound_iri, organization_iri, person_iri, release_iri
from kg.store import Store


@dataclass(frozen=True)
class Sample:
    """A release text, what was read out of it, and the file names it is loaded from."""

    release: Release
    facts: f.ReleaseFacts
    sources: tuple[str, ...]

    @property
    def iri(self) -> str:
        return str(release_iri(self.release.content_hash))


def span(text: str, first: str, last: str | None = None) -> f.Span:
    """The offsets of the sentence of ``text`` that starts with ``first`` and ends with ``last``."""
    start = text.index(first)
    end = text.index(last, start) + len(last) if last else start + len(first)
    return f.Span(start, end)


def org(name: str) -> str:
    return str(organization_iri(name))


def compound(name: str) -> str:
    return str(compound_iri(name))


def person(name: str) -> str:
    return str(person_iri(name))


# -- ImmunoGen / Bayer HealthCare --------------------------------------------------------------

IMMUNOGEN_SOURCE = "immunogen-2011-06-14.txt"
IMMUNOGEN_TEXT = """\
ImmunoGen, Inc. Earns Milestone with BAY 94-9343 IND Submission

WALTHAM, Mass., June 14, 2011 -- ImmunoGen, Inc. (Nasdaq: IMGN) today announced that \
Bayer HealthCare Pharmaceuticals' submission of an Investigational New Drug (IND) application \
for BAY 94-9343 triggers a $2 million milestone payment to ImmunoGen.

BAY 94-9343 is in development by Bayer HealthCare under an agreement with ImmunoGen that grants \
Bayer HealthCare exclusive rights to use the Company's maytansinoid TAP technology to develop \
anticancer therapeutics that target mesothelin. Under this agreement, ImmunoGen is entitled to \
receive milestone payments potentially totaling up to $170.5 million for each resulting product \
plus royalties on sales.

"BAY 94-9343 is a promising therapeutic for mesothelin-expressing cancers," commented \
Daniel Junius, ImmunoGen President and CEO.

BAY 94-9343 consists of a Bayer HealthCare antibody that targets mesothelin with ImmunoGen's DM4 \
cancer-cell killing agent attached, for mesothelioma and ovarian cancer.

ImmunoGen's collaborative partners include Amgen, Bayer HealthCare Pharmaceuticals, Biotest, \
Genentech, Novartis, and Sanofi. The most advanced compound using ImmunoGen's TAP technology, \
trastuzumab emtansine (T-DM1), is in Phase III testing through the Company's collaboration with \
Genentech.
"""


def immunogen() -> Sample:
    release = parse_release(IMMUNOGEN_TEXT.encode("utf-8"), source=IMMUNOGEN_SOURCE)
    text = release.text
    title = span(text, "ImmunoGen, Inc. Earns Milestone with BAY 94-9343 IND Submission")
    ind = span(
        text,
        "WALTHAM, Mass., June 14, 2011 -- ImmunoGen, Inc. (Nasdaq: IMGN) today",
        "payment to ImmunoGen.",
    )
    license_ = span(
        text,
        "BAY 94-9343 is in development by Bayer HealthCare under an agreement",
        "target mesothelin.",
    )
    potential = span(text, "Under this agreement, ImmunoGen is entitled to receive", "on sales.")
    person = span(text, '"BAY 94-9343 is a promising therapeutic', "and CEO.")
    consists = span(text, "BAY 94-9343 consists of a Bayer HealthCare antibody", "ovarian cancer.")
    partners = span(text, "ImmunoGen's collaborative partners include Amgen", "and Sanofi.")
    tdm1 = span(
        text, "The most advanced compound using ImmunoGen's TAP technology", "with Genentech."
    )
    facts = f.ReleaseFacts(
        text=text,
        title="ImmunoGen, Inc. Earns Milestone with BAY 94-9343 IND Submission",
        published=date(2011, 6, 14),
        issuer="ImmunoGen, Inc.",
        title_evidence=title,
        organizations=[
            f.Organization(
                "ImmunoGen, Inc.", ind, aliases=["ImmunoGen"], ticker="IMGN", exchange="Nasdaq"
            ),
            f.Organization("Bayer HealthCare", ind, aliases=["Bayer HealthCare Pharmaceuticals"]),
            f.Organization("Genentech", tdm1),
        ],
        people=[
            f.Person("Daniel Junius", person, role="President and CEO", organization="ImmunoGen")
        ],
        payments=[
            f.Payment(
                kind="milestone",
                status="earned",
                evidence=ind,
                money=f.Money(Decimal("2000000"), "USD"),
                payer="Bayer HealthCare Pharmaceuticals",
                payee="ImmunoGen",
                trigger="IND submission for BAY 94-9343",
                compound="BAY 94-9343",
                agreement=0,
                date=date(2011, 6, 14),
            ),
            f.Payment(
                kind="milestone",
                status="potential",
                evidence=potential,
                money=f.Money(Decimal("170500000"), "USD"),
                payer="Bayer HealthCare",
                payee="ImmunoGen",
                qualifier="per_product",
                agreement=0,
            ),
        ],
        agreements=[
            f.Agreement(
                kind="license",
                evidence=license_,
                parties=["ImmunoGen", "Bayer HealthCare"],
                licensor="ImmunoGen",
                licensee="Bayer HealthCare",
                technology="maytansinoid TAP technology",
                target="mesothelin",
                exclusive=True,
                royalties=True,
            )
        ],
        partnerships=[
            f.Partnership("ImmunoGen", partner, partners)
            for partner in (
                "Amgen",
                "Bayer HealthCare Pharmaceuticals",
                "Biotest",
                "Genentech",
                "Novartis",
                "Sanofi",
            )
        ],
        compounds=[
            f.Compound(
                "BAY 94-9343",
                consists,
                target="mesothelin",
                payload="DM4",
                developer="Bayer HealthCare",
                phase="Preclinical",
                indications=["ovarian cancer", "mesothelioma"],
            ),
            f.Compound(
                "trastuzumab emtansine",
                tdm1,
                aliases=["T-DM1"],
                developer="Genentech",
                phase="Phase III",
            ),
        ],
        regulatory_events=[
            f.RegulatoryEvent(
                kind="IND submission",
                evidence=ind,
                compound="BAY 94-9343",
                sponsor="Bayer HealthCare",
                date=date(2011, 6, 14),
            )
        ],
    )
    return Sample(release, facts, (IMMUNOGEN_SOURCE,))


# -- Biotest AG --------------------------------------------------------------------------------

BIOTEST_SOURCE = "biotest-2013-02-25.txt"
BIOTEST_TEXT = """\
Biotest AG Expands License with ImmunoGen for BT-062

DREIEICH, Germany, February 25, 2013 -- Biotest AG (Frankfurt: BIO3) today announced that it has \
paid ImmunoGen an upfront fee of EUR 1.5 million to expand its license to ImmunoGen's TAP \
technology for BT-062 (indatuximab ravtansine), which targets CD138. Biotest will also pay \
ImmunoGen an option fee, the amount of which was not disclosed. BT-062 is in Phase I testing in \
multiple myeloma.

Biotest also announced today that it has acquired Rhein Antibody GmbH for EUR 20 million.

ImmunoGen's partner Genentech received approval for Kadcyla (trastuzumab emtansine, T-DM1) on \
February 22, 2013, said Gregor Schulz, Chief Executive Officer of Biotest.
"""


def biotest() -> Sample:
    release = parse_release(BIOTEST_TEXT.encode("utf-8"), source=BIOTEST_SOURCE)
    text = release.text
    title = span(text, "Biotest AG Expands License with ImmunoGen for BT-062")
    upfront = span(
        text,
        "DREIEICH, Germany, February 25, 2013 -- Biotest AG (Frankfurt: BIO3)",
        "targets CD138.",
    )
    option = span(text, "Biotest will also pay ImmunoGen an option fee", "not disclosed.")
    phase = span(text, "BT-062 is in Phase I testing in multiple myeloma.")
    bought = span(
        text,
        "Biotest also announced today that it has acquired Rhein Antibody GmbH",
        "EUR 20 million.",
    )
    approval = span(
        text, "ImmunoGen's partner Genentech received approval for Kadcyla", "of Biotest."
    )
    facts = f.ReleaseFacts(
        text=text,
        title="Biotest AG Expands License with ImmunoGen for BT-062",
        published=date(2013, 2, 25),
        issuer="Biotest AG",
        title_evidence=title,
        organizations=[
            f.Organization(
                "Biotest AG", upfront, aliases=["Biotest"], ticker="BIO3", exchange="Frankfurt"
            ),
            f.Organization("ImmunoGen", upfront),
            f.Organization("Rhein Antibody GmbH", bought),
            f.Organization("Genentech", approval),
        ],
        people=[
            f.Person(
                "Gregor Schulz",
                approval,
                role="Chief Executive Officer",
                organization="Biotest",
            )
        ],
        agreements=[
            f.Agreement(
                kind="license",
                evidence=upfront,
                parties=["Biotest AG", "ImmunoGen"],
                licensor="ImmunoGen",
                licensee="Biotest AG",
                technology="TAP technology",
                target="CD138",
                status="expanded",
            )
        ],
        payments=[
            f.Payment(
                kind="upfront",
                status="earned",
                evidence=upfront,
                money=f.Money(Decimal("1500000"), "EUR"),
                payer="Biotest AG",
                payee="ImmunoGen",
                compound="BT-062",
                agreement=0,
                date=date(2013, 2, 25),
            ),
            f.Payment(
                kind="option_fee",
                status="potential",
                evidence=option,
                money=None,
                payer="Biotest",
                payee="ImmunoGen",
                agreement=0,
            ),
        ],
        acquisitions=[
            f.Acquisition(
                "Biotest AG",
                "Rhein Antibody GmbH",
                bought,
                price=f.Money(Decimal("20000000"), "EUR"),
                year=2013,
            )
        ],
        partnerships=[f.Partnership("ImmunoGen", "Genentech", approval)],
        compounds=[
            f.Compound(
                "BT-062",
                upfront,
                aliases=["indatuximab ravtansine"],
                target="CD138",
                payload="DM4",
                developer="Biotest",
                phase="Phase I",
                indications=["multiple myeloma"],
            ),
            f.Compound(
                "trastuzumab emtansine",
                approval,
                aliases=["T-DM1", "Kadcyla"],
                developer="Genentech",
                phase="Approved",
            ),
        ],
        regulatory_events=[
            f.RegulatoryEvent(
                kind="approval",
                evidence=approval,
                compound="Kadcyla",
                sponsor="Genentech",
                date=date(2013, 2, 22),
            ),
            f.RegulatoryEvent(kind="phase start", evidence=phase, compound="BT-062"),
        ],
    )
    return Sample(release, facts, (BIOTEST_SOURCE,))


# -- Amgen (undated, two file names) ----------------------------------------------------------

AMGEN_SOURCES = ("amgen-collaboration.txt", "amgen-collaboration-copy.txt")
AMGEN_TEXT = """\
Amgen and ImmunoGen Sign Collaboration

Amgen and ImmunoGen today entered into a research collaboration on antibody-drug conjugates.
"""


def amgen() -> Sample:
    release = parse_release(AMGEN_TEXT.encode("utf-8"), source=AMGEN_SOURCES[0])
    text = release.text
    deal = span(
        text, "Amgen and ImmunoGen today entered into a research collaboration", "conjugates."
    )
    facts = f.ReleaseFacts(
        text=text,
        title="Amgen and ImmunoGen Sign Collaboration",
        agreements=[
            f.Agreement(kind="collaboration", evidence=deal, parties=["Amgen", "ImmunoGen"])
        ],
    )
    return Sample(release, facts, AMGEN_SOURCES)


def samples() -> list[Sample]:
    return [immunogen(), biotest(), amgen()]


def fill(store: Store, items: list[Sample] | None = None) -> Store:
    """Load the samples (each under every one of its file names) into ``store``."""
    for sample in items if items is not None else samples():
        for source in sample.sources:
            release = Release(
                text=sample.release.text,
                source=source,
                content_hash=sample.release.content_hash,
            )
            store.load_release(build_graph(release, sample.facts))
    refresh_identity(store)  # as kg ingest does after loading
    return store
