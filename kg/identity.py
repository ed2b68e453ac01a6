"""Identity across releases: one organisation, compound and event, however many releases say it.

A release graph names organisations and compounds by IRIs made from the names it uses, and its
payments, agreements and events are its own. After every ingest kg reads what all the releases
state and rewrites one graph of links, :data:`IDENTITY_GRAPH`:

* ``?node kg:canonical ?canonical`` for every organisation and compound node. Nodes are one
  organisation when some release gives their names as the name and aliases of one organisation
  ("Eli Lilly and Company ("Lilly")"), or when they are listed under one ticker on one exchange;
  names compare by :func:`kg.resolve.name_key`, so legal suffixes do not matter, but a shared
  word never joins two names (Merck and Merck KGaA stay two). Compounds are one when a release
  gives their names as one compound's name and aliases ("EYLEA (aflibercept)"). Two nodes that
  one release names side by side are two things that release tells apart, so no chain of
  aliases or tickers from other releases ever joins them.
* ``?later kg:restates ?earlier`` for a payment, agreement, acquisition or regulatory event an
  earlier release already reported (the same organisations, kind, status and amount; the same
  parties and kind; ...). A release that reports two such payments where the earlier one
  reported one restates one of them: totals count each payment once.
* ``?fact kg:conflictsWith ?other`` where two releases give different figures for what reads as
  one event. Both facts stay.

It also keeps what the canned queries would otherwise compute for every row they read:
``?canonical kg:canonicalName ?name`` (the first of the canonical node's own names),
``?payment kg:countedUnder ?agreement`` (the agreement, as first reported, a payment that
restates none counts towards), ``?payment kg:countedWithoutAgreement true`` (a payment that
restates none and no agreement holds), ``?agreement kg:withoutPayments true`` (an agreement,
as first reported, under which no report of it holds a payment), ``?agreement kg:partyNames
"A; B"`` (the names of its parties, in alphabetical order), each payment's
``kg:canonicalPayer`` and ``kg:canonicalPayee`` (its payer's and payee's canonical nodes) and
one ``kg:OrganizationPair`` per two organisations some fact involves (``kg:between`` each,
``kg:linkedBy`` each such fact, ``kg:firstPublished`` and ``kg:lastPublished`` dates when a
release of them is dated).

The links are derived data: the release graphs stay exactly what their releases state.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Literal

from kg.namespace import ID, KG, ONTOLOGY_IRI, concept
from kg.resolve import name_key
from kg.store import IDENTITY_GRAPH, Store

# The properties the identity graph states (and no release graph does).
IDENTITY_PROPERTIES = (
    KG.canonical, KG.restates, KG.conflictsWith, KG.canonicalName, KG.countedUnder,
    KG.countedWithoutAgreement, KG.withoutPayments, KG.partyNames, KG.canonicalPayer,
    KG.canonicalPayee, KG.between, KG.linkedBy, KG.firstPublished, KG.lastPublished,
)  # fmt: skip

_CANONICAL = f"<{KG.canonical}>"
_RESTATES = f"<{KG.restates}>"
_CONFLICTS = f"<{KG.conflictsWith}>"
_CANONICAL_NAME = f"<{KG.canonicalName}>"
_COUNTED_UNDER = f"<{KG.countedUnder}>"
_COUNTED_WITHOUT_AGREEMENT = f"<{KG.countedWithoutAgreement}>"
_WITHOUT_PAYMENTS = f"<{KG.withoutPayments}>"
_PARTY_NAMES = f"<{KG.partyNames}>"
_CANONICAL_PAYER = f"<{KG.canonicalPayer}>"
_CANONICAL_PAYEE = f"<{KG.canonicalPayee}>"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
_XSD_BOOLEAN = "<http://www.w3.org/2001/XMLSchema#boolean>"

_PREFIX = f"PREFIX kg: <{ONTOLOGY_IRI}#>\n"
_NAMES = (
    _PREFIX
    + """SELECT ?g ?node ?form ?primary WHERE {
  GRAPH ?g {
    { ?node a CLASS ; kg:name ?form BIND(true AS ?primary) }
    UNION
    { ?node a CLASS ; kg:alias ?form BIND(false AS ?primary) }
  }
}"""
)
_MENTIONS = (
    _PREFIX
    + """SELECT ?node (COUNT(DISTINCT ?g) AS ?releases) WHERE {
  GRAPH ?g { ?node a CLASS }
} GROUP BY ?node"""
)
_TICKERS = (
    _PREFIX
    + """SELECT ?node ?ticker ?exchange WHERE {
  GRAPH ?g { ?node a kg:Organization ; kg:ticker ?ticker ; kg:exchange ?exchange }
}"""
)
_UNDER_AGREEMENT = (
    _PREFIX
    + """SELECT DISTINCT ?payment ?agreement WHERE {
  GRAPH ?g { ?payment kg:underAgreement ?agreement }
}"""
)
_WITHOUT_AGREEMENT = (
    _PREFIX
    + """SELECT DISTINCT ?payment WHERE {
  GRAPH ?g {
    ?payment a kg:PaymentEvent .
    FILTER NOT EXISTS { ?payment kg:underAgreement ?agreement }
  }
}"""
)
_AGREEMENT_PARTIES = (
    _PREFIX
    + """SELECT DISTINCT ?agreement ?name WHERE {
  GRAPH ?g { ?agreement a kg:Agreement ; kg:party ?party . ?party kg:name ?name }
}"""
)
_AGREEMENT_REPORTS = (
    _PREFIX
    + """SELECT DISTINCT ?agreement WHERE {
  GRAPH ?g { ?agreement a kg:Agreement }
}"""
)
_PAYERS = (
    _PREFIX
    + """SELECT DISTINCT ?payment ?payer ?payee WHERE {
  GRAPH ?g {
    ?payment a kg:PaymentEvent .
    { ?payment kg:payer ?payer } UNION { ?payment kg:payee ?payee }
  }
}"""
)
_LINKS = (
    _PREFIX
    + """SELECT ?fact ?node ?published WHERE {
  GRAPH ?g {
    ?fact kg:involves ?node .
    OPTIONAL { ?release a kg:Release ; kg:published ?published }
  }
}"""
)
_PAYMENTS = (
    _PREFIX
    + """SELECT ?fact ?release ?published ?payer ?payee ?kind ?status ?value ?currency ?qualifier
       ?compound ?trigger WHERE {
  GRAPH ?g {
    ?fact a kg:PaymentEvent ; kg:statedIn ?release ; kg:paymentKind ?kind ;
          kg:paymentStatus ?status .
    OPTIONAL { ?release kg:published ?published }
    OPTIONAL { ?fact kg:payer ?payer }
    OPTIONAL { ?fact kg:payee ?payee }
    OPTIONAL { ?fact kg:amount ?money . ?money kg:value ?value ; kg:currency ?currency }
    OPTIONAL { ?fact kg:qualifier ?qualifier }
    OPTIONAL { ?fact kg:compound ?compound }
    OPTIONAL { ?fact kg:trigger ?trigger }
  }
}"""
)
_AGREEMENTS = (
    _PREFIX
    + """SELECT ?fact ?release ?published ?kind ?party WHERE {
  GRAPH ?g {
    ?fact a kg:Agreement ; kg:statedIn ?release ; kg:agreementKind ?kind ; kg:party ?party .
    OPTIONAL { ?release kg:published ?published }
  }
}"""
)
_ACQUISITIONS = (
    _PREFIX
    + """SELECT ?fact ?release ?published ?acquirer ?acquired ?value ?currency WHERE {
  GRAPH ?g {
    ?fact a kg:Acquisition ; kg:statedIn ?release ; kg:acquirer ?acquirer ; kg:acquired ?acquired .
    OPTIONAL { ?release kg:published ?published }
    OPTIONAL { ?fact kg:price ?money . ?money kg:value ?value ; kg:currency ?currency }
  }
}"""
)
_EVENTS = (
    _PREFIX
    + """SELECT ?fact ?release ?published ?kind ?compound WHERE {
  GRAPH ?g {
    ?fact a kg:RegulatoryEvent ; kg:statedIn ?release ; kg:eventKind ?kind .
    OPTIONAL { ?release kg:published ?published }
    OPTIONAL { ?fact kg:compound ?compound }
  }
}"""
)


@dataclass(frozen=True)
class IdentitySummary:
    """What the links say: how many nodes stand for fewer real things, how many facts repeat."""

    organizations: int  # distinct real organisations
    organization_nodes: int
    compounds: int
    compound_nodes: int
    restatements: int
    conflicts: int


def refresh_identity(store: Store) -> IdentitySummary:
    """Recompute the identity graph from every release graph in ``store`` and write it whole."""
    first_names: dict[str, str] = {}  # node -> the first of the names releases give it
    organizations = _canonical_nodes(
        store, "kg:Organization", _organization_key, tickers=True, first_names=first_names
    )
    compounds = _canonical_nodes(
        store, "kg:Compound", _compound_key, tickers=False, first_names=first_names
    )
    canonical = {**organizations, **compounds}
    # A canonical node is listed under its own first name (none when releases only alias it).
    names = {node: first_names[node] for node in set(canonical.values()) if node in first_names}
    restates: list[tuple[str, str]] = []
    conflicts: list[tuple[str, str]] = []
    for facts in (
        _payments(store, canonical),
        _agreements(store, canonical),
        _acquisitions(store, canonical),
        _events(store, canonical),
    ):
        found_restates, found_conflicts = _link_events(facts)
        restates += found_restates
        conflicts += found_conflicts
    lines = [f"<{node}> {_CANONICAL} <{canon}> ." for node, canon in sorted(canonical.items())]
    lines += [f"<{later}> {_RESTATES} <{earlier}> ." for later, earlier in sorted(restates)]
    lines += [f"<{a}> {_CONFLICTS} <{b}> ." for a, b in sorted(conflicts)]
    lines += [
        f"<{node}> {_CANONICAL_NAME} {Literal(name).n3()} ." for node, name in sorted(names.items())
    ]
    lines += [
        f"<{payment}> {_COUNTED_UNDER} <{agreement}> ."
        for payment, agreement in sorted(_counted_under(store, restates))
    ]
    lines += [
        f'<{payment}> {_COUNTED_WITHOUT_AGREEMENT} "true"^^{_XSD_BOOLEAN} .'
        for payment in sorted(_counted_without_agreement(store, restates))
    ]
    lines += [
        f'<{agreement}> {_WITHOUT_PAYMENTS} "true"^^{_XSD_BOOLEAN} .'
        for agreement in sorted(_agreements_without_payments(store, restates))
    ]
    lines += _party_name_lines(store)
    lines += _payer_lines(store, organizations)
    lines += _pair_lines(_pairs(store, organizations))
    store.replace_graphs({IDENTITY_GRAPH: "\n".join(lines)})
    return IdentitySummary(
        organizations=len(set(organizations.values())),
        organization_nodes=len(organizations),
        compounds=len(set(compounds.values())),
        compound_nodes=len(compounds),
        restatements=len(restates),
        conflicts=len(conflicts),
    )


def _counted_under(store: Store, restates: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """(payment, agreement as first reported) for every payment under an agreement that
    restates no earlier payment: what a total per deal adds up, each payment once."""
    earlier = dict(restates)  # a report restates at most one, and that one is a first report
    return {
        (row["payment"].value, earlier.get(row["agreement"].value, row["agreement"].value))
        for row in store.query(_UNDER_AGREEMENT)
        if row["payment"].value not in earlier
    }


def _counted_without_agreement(store: Store, restates: list[tuple[str, str]]) -> set[str]:
    """Every payment no agreement holds that restates no earlier payment: what a total per
    payer and payee adds up, each payment once."""
    restating = {later for later, _ in restates}
    return {
        row["payment"].value
        for row in store.query(_WITHOUT_AGREEMENT)
        if row["payment"].value not in restating
    }


def _agreements_without_payments(store: Store, restates: list[tuple[str, str]]) -> set[str]:
    """Every agreement as first reported under which no report of it holds a payment: what a
    list of deals shows with nothing to total."""
    earlier = dict(restates)
    with_payments = {
        earlier.get(row["agreement"].value, row["agreement"].value)
        for row in store.query(_UNDER_AGREEMENT)
    }
    return {
        row["agreement"].value
        for row in store.query(_AGREEMENT_REPORTS)
        if row["agreement"].value not in earlier and row["agreement"].value not in with_payments
    }


def _party_name_lines(store: Store) -> list[str]:
    """Each agreement's party names, once each, sorted and joined: what a list of deals shows
    without grouping every agreement's parties to show a few."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_AGREEMENT_PARTIES):
        names[row["agreement"].value].add(row["name"].value)
    return [
        f"<{agreement}> {_PARTY_NAMES} {Literal('; '.join(sorted(found))).n3()} ."
        for agreement, found in sorted(names.items())
    ]


def _payer_lines(store: Store, organizations: dict[str, str]) -> list[str]:
    """Each payment's payer and payee as their canonical nodes: what a total per payer and
    payee groups by, without a lookup in two graphs for every payment."""
    found = set()
    for row in store.query(_PAYERS):
        for role, link in (("payer", _CANONICAL_PAYER), ("payee", _CANONICAL_PAYEE)):
            node = _value(row, role)
            if node in organizations:
                found.add(f"<{row['payment'].value}> {link} <{organizations[node]}> .")
    return sorted(found)


# ---- the pairs of organisations some fact links ------------------------------------------------


@dataclass
class _Pair:
    """Two canonical organisations: the facts that involve both, and the dates of their releases."""

    facts: set[str]
    dates: set[str]


def _pairs(store: Store, organizations: dict[str, str]) -> dict[tuple[str, str], _Pair]:
    """(a, b) canonical nodes, a < b -> the facts that involve both and their releases' dates."""
    involved: dict[str, set[str]] = defaultdict(set)  # fact -> canonical organisations
    dated: dict[str, str] = {}  # fact -> its release's publication date
    for row in store.query(_LINKS):
        fact, node = row["fact"].value, row["node"].value
        if node in organizations:  # as the queries, which read organisations by kg:canonical
            involved[fact].add(organizations[node])
        if row["published"] is not None:
            dated[fact] = row["published"].value
    pairs: dict[tuple[str, str], _Pair] = {}
    for fact, canonicals in involved.items():
        ordered = sorted(canonicals)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pair = pairs.setdefault((a, b), _Pair(set(), set()))
                pair.facts.add(fact)
                if fact in dated:
                    pair.dates.add(dated[fact])
    return pairs


def _pair_lines(pairs: dict[tuple[str, str], _Pair]) -> list[str]:
    lines = []
    for (a, b), found in sorted(pairs.items()):
        pair = f"<{ID['pair/' + hashlib.sha1(f'{a} {b}'.encode()).hexdigest()[:20]]}>"
        lines += [
            f"{pair} {_RDF_TYPE} <{KG.OrganizationPair}> .",
            f"{pair} <{KG.between}> <{a}> .",
            f"{pair} <{KG.between}> <{b}> .",
        ]
        lines += [f"{pair} <{KG.linkedBy}> <{fact}> ." for fact in sorted(found.facts)]
        if found.dates:
            lines += [
                f'{pair} <{KG.firstPublished}> "{min(found.dates)}"^^{_XSD_DATE} .',
                f'{pair} <{KG.lastPublished}> "{max(found.dates)}"^^{_XSD_DATE} .',
            ]
    return lines


# ---- one node per real organisation or compound --------------------------------------------------


def _organization_key(form: str) -> str:
    return name_key(form)


def _compound_key(form: str) -> str:
    return " ".join(form.split()).casefold()


def _canonical_nodes(
    store: Store, cls: str, key, *, tickers: bool, first_names: dict[str, str]
) -> dict[str, str]:
    """Node IRI -> the IRI of the node that stands for its real organisation (or compound).

    Evidence is applied strongest first (a node's own name, then a listing, then an alias),
    and a join is refused where a release names a node of each side as two things. Each
    node's first name in code-point order (as the queries' MIN(STR(?name))) is put in
    ``first_names``.
    """
    groups = _UnionFind()
    names, aliases = [], []
    for row in store.query(_NAMES.replace("CLASS", cls)):
        node = row["node"].value
        groups.add(node, release=row["g"].value)
        primary = row["primary"].value in ("true", "1")  # Virtuoso gives a boolean as 1
        if primary:
            form = row["form"].value
            if node not in first_names or form < first_names[node]:
                first_names[node] = form
        form_key = key(row["form"].value)
        if form_key:
            (names if primary else aliases).append((node, form_key))
    evidence = [_nodes_sharing_a_key(names)]
    if tickers:
        evidence.append(_nodes_sharing_a_listing(store))
    evidence.append(_nodes_sharing_a_key(names + aliases))
    for sharing in evidence:
        for nodes in sharing:
            _join_where_allowed(groups, nodes)
    releases = {
        row["node"].value: int(row["releases"].value)
        for row in store.query(_MENTIONS.replace("CLASS", cls))
    }
    members: dict[str, list[str]] = defaultdict(list)
    for node in groups.nodes():
        members[groups.find(node)].append(node)
    canonical: dict[str, str] = {}
    for nodes in members.values():
        # The node most releases use stands for the others; then the shortest IRI, then the first.
        chosen = min(nodes, key=lambda n: (-releases.get(n, 0), len(n), n))
        canonical.update(dict.fromkeys(nodes, chosen))
    return canonical


def _join_where_allowed(groups: _UnionFind, nodes: list[str]) -> None:
    """Join nodes that share one piece of evidence, unless it is ambiguous.

    A name, alias or listing shared by two nodes that one release names side by side points
    at two things, so it joins none of the nodes; otherwise each node joins the others unless
    a release tells the sets apart.
    """
    if groups.told_apart_within(nodes):
        return
    for node in nodes[1:]:
        groups.union_unless_told_apart(node, nodes[0])


def _nodes_sharing_a_key(forms: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The nodes that share each name key, where more than one does."""
    sharing: dict[str, set[str]] = defaultdict(set)
    for node, form_key in forms:
        sharing[form_key].add(node)
    return [sorted(nodes) for _, nodes in sorted(sharing.items()) if len(nodes) > 1]


def _nodes_sharing_a_listing(store: Store) -> list[list[str]]:
    """The nodes listed under each ticker on one exchange, where more than one is."""
    sharing: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in store.query(_TICKERS):
        listing = (row["ticker"].value.upper(), name_key(row["exchange"].value))
        sharing[listing].add(row["node"].value)
    return [sorted(nodes) for _, nodes in sorted(sharing.items()) if len(nodes) > 1]


class _UnionFind:
    """Disjoint sets of nodes, each set knowing every release that names one of its nodes."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._releases: dict[str, set[str]] = {}  # root -> releases naming a node of its set
        self._named_in: dict[str, set[str]] = defaultdict(set)  # node -> releases naming it

    def add(self, node: str, *, release: str) -> None:
        if node not in self._parent:
            self._parent[node] = node
            self._releases[node] = set()
        if release not in self._named_in[node]:
            self._named_in[node].add(release)
            self._releases[self.find(node)].add(release)

    def find(self, node: str) -> str:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:  # path compression
            self._parent[node], node = root, self._parent[node]
        return root

    def told_apart_within(self, nodes: list[str]) -> bool:
        """Whether one release names two of ``nodes``."""
        seen: set[str] = set()
        for node in nodes:
            releases = self._named_in[node]
            if not seen.isdisjoint(releases):
                return True
            seen |= releases
        return False

    def union_unless_told_apart(self, a: str, b: str) -> None:
        """Join the sets of ``a`` and ``b`` unless one release names a node of each."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        small, large = sorted((root_a, root_b), key=lambda r: len(self._releases[r]))
        if not self._releases[small].isdisjoint(self._releases[large]):
            return
        keep, drop = min(root_a, root_b), max(root_a, root_b)
        merged = self._releases.pop(small)
        merged |= self._releases.pop(large)
        self._releases[keep] = merged
        self._parent[drop] = keep

    def nodes(self) -> Iterator[str]:
        return iter(list(self._parent))


# ---- one event however many releases report it ---------------------------------------------------


@dataclass(frozen=True)
class _Fact:
    iri: str
    release: str
    published: str  # "" when the release gives no date: it sorts first
    key: tuple[object, ...]  # what makes two facts one event
    figure: tuple[object, ...] = ()  # what two reports of one event could disagree on
    conflict_key: tuple[object, ...] | None = None  # one event, whatever its figure


def _link_events(facts: Iterable[_Fact]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(later, earlier) restatements and (one, other) conflicts among reports of one kind.

    Releases are read in order of publication; a release that reports k facts with one key
    where the earlier releases reported j restates min(k, j) of them (the ones not yet
    restated by that release), and the rest are new.
    """
    ordered = sorted(facts, key=lambda f: (f.published, f.release, f.iri))
    known: dict[tuple[object, ...], list[_Fact]] = defaultdict(list)
    restates: list[tuple[str, str]] = []
    by_release: dict[str, list[_Fact]] = defaultdict(list)
    for fact in ordered:
        by_release[fact.release].append(fact)
    releases = list(dict.fromkeys(f.release for f in ordered))
    for release in releases:
        new: list[_Fact] = []
        used: Counter[tuple[object, ...]] = Counter()
        for fact in by_release[release]:
            earlier = known[fact.key]
            if used[fact.key] < len(earlier):
                restates.append((fact.iri, earlier[used[fact.key]].iri))
                used[fact.key] += 1
            else:
                new.append(fact)
        for fact in new:
            known[fact.key].append(fact)
    # A report that restates an earlier one adds no figure of its own: the earlier one stands
    # for it in conflicts, so two releases with one figure against a third show once.
    restated = {later for later, _ in restates}
    return restates, _conflicts([f for f in ordered if f.iri not in restated])


def _conflicts(facts: list[_Fact]) -> list[tuple[str, str]]:
    """Pairs of reports in different releases of what reads as one event, with different
    figures (each pair once, the earlier first)."""
    groups: dict[tuple[object, ...], list[_Fact]] = defaultdict(list)
    for fact in facts:
        if fact.conflict_key is not None:
            groups[fact.conflict_key].append(fact)
    pairs = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.release != b.release and a.figure != b.figure:
                    pairs.append((a.iri, b.iri))
    return pairs


def _value(row: object, name: str) -> str | None:
    term = row[name]  # type: ignore[index]
    return term.value if term is not None else None


# Two reports name one payment when they name its trigger, or when it is the upfront payment
# (a deal's is paid once) for one compound between the same two organisations.
_UPFRONT = str(concept("payment-kind", "upfront"))


def _payments(store: Store, canonical: dict[str, str]) -> list[_Fact]:
    facts = []
    for row in store.query(_PAYMENTS):
        payer = canonical.get(_value(row, "payer") or "", _value(row, "payer"))
        payee = canonical.get(_value(row, "payee") or "", _value(row, "payee"))
        compound = canonical.get(_value(row, "compound") or "", _value(row, "compound"))
        kind, status = _value(row, "kind"), _value(row, "status")
        money = (_value(row, "value"), _value(row, "currency"))
        qualifier = _value(row, "qualifier")
        trigger = " ".join((_value(row, "trigger") or "").split()).casefold()
        facts.append(
            _Fact(
                iri=_value(row, "fact") or "",
                release=_value(row, "release") or "",
                published=_value(row, "published") or "",
                key=(payer, payee, kind, status, *money, qualifier),
                figure=money,
                conflict_key=(payer, payee, kind, status, compound, qualifier, trigger)
                if (trigger or kind == _UPFRONT) and compound and money[0] is not None
                else None,
            )
        )
    return facts


def _agreements(store: Store, canonical: dict[str, str]) -> list[_Fact]:
    parties: dict[str, set[str]] = defaultdict(set)
    about: dict[str, tuple[str, str, str]] = {}
    for row in store.query(_AGREEMENTS):
        fact = _value(row, "fact") or ""
        party = _value(row, "party") or ""
        parties[fact].add(canonical.get(party, party))
        about[fact] = (
            _value(row, "release") or "",
            _value(row, "published") or "",
            _value(row, "kind") or "",
        )
    return [
        _Fact(fact, release, published, key=(kind, frozenset(parties[fact])))
        for fact, (release, published, kind) in about.items()
    ]


def _acquisitions(store: Store, canonical: dict[str, str]) -> list[_Fact]:
    facts = []
    for row in store.query(_ACQUISITIONS):
        acquirer = _value(row, "acquirer") or ""
        acquired = _value(row, "acquired") or ""
        pair = (canonical.get(acquirer, acquirer), canonical.get(acquired, acquired))
        price = (_value(row, "value"), _value(row, "currency"))
        facts.append(
            _Fact(
                iri=_value(row, "fact") or "",
                release=_value(row, "release") or "",
                published=_value(row, "published") or "",
                key=pair,
                figure=price,
                conflict_key=pair if price[0] is not None else None,
            )
        )
    return facts


def _events(store: Store, canonical: dict[str, str]) -> list[_Fact]:
    facts = []
    for row in store.query(_EVENTS):
        compound = _value(row, "compound")
        if compound is None:
            continue  # an event without its compound cannot be told from another of its kind
        facts.append(
            _Fact(
                iri=_value(row, "fact") or "",
                release=_value(row, "release") or "",
                published=_value(row, "published") or "",
                key=(_value(row, "kind"), canonical.get(compound, compound)),
            )
        )
    return facts
