"""A kg store on any SPARQL 1.1 server, through SPARQLWrapper.

Speaks the SPARQL 1.1 Protocol and Update only, so it works with Oxigraph server, Virtuoso,
Jena Fuseki, GraphDB, QLever... What this module takes care of, measured on real servers:

- **POST always**: a GET of a long canned query is refused by some servers (Oxigraph: "headers
  size must fit in 8kb").
- **The query type set explicitly**: SPARQLWrapper guesses it from the text, and its comment
  stripper misses every other ``#`` line, so a comment saying "payload" or "add" reads as LOAD
  or ADD and the query goes out as an update.
- **No union default graph assumed**: kg's queries name their graphs (``GRAPH ?g``); an ad hoc
  query that wants the union gets it by naming every release graph as the query's dataset
  (``default-graph-uri``), which every server honours, rather than by a server setting.
- **Results read the same as the embedded store's**: JSON results are read into Oxigraph's own
  result objects after undoing servers' quirks (Virtuoso's ``typed-literal``, ``1``/``0`` for
  booleans).
- **A result the server cut short is an error, never a short answer**: Virtuoso returns at most
  ``ResultSetMaxRows`` rows and stops a query at ``MaxQueryExecutionTime``, saying so only in
  an ``X-SPARQL-MaxRows`` or ``X-SQL-State`` header.
- **Faults**: every failure is an :class:`~kg.errors.EndpointError` naming the server and what
  failed; only transient ones (refused or dropped connection, 429, 502-504) are retried, with
  backoff. Each release's update is one request, which a server applies whole or not at all.
"""

from __future__ import annotations

import ast
import http.client
import json
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

import pyoxigraph as ox
from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sw_errors

from kg.errors import EndpointError, StoreError
from kg.store.base import Result, Store, release_class_term

ENDPOINT_ENV = "KG_ENDPOINT"
UPDATE_ENDPOINT_ENV = "KG_UPDATE_ENDPOINT"
USER_ENV, PASSWORD_ENV, AUTH_ENV = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_AUTH"
TIMEOUT_ENV = "KG_TIMEOUT"
DEFAULT_TIMEOUT = 60.0

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
RESULTS_JSON = "application/sparql-results+json"
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
TRANSIENT_HTTP = frozenset({429, 502, 503, 504})
# Triples per batch when reading many graphs at once: under Virtuoso's default
# ResultSetMaxRows (10,000), so a default server never cuts the answer short.
TRIPLES_PER_READ = 8_000
# Characters per update request: a batch of releases shares a request up to this size.
UPDATE_CHARS = 2_000_000

# A query's form is the first of these keywords outside comments, strings and IRIs.
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL server takes queries and updates, and how to talk to it.

    Credentials come from the environment only (``KG_ENDPOINT_USER``, ``KG_ENDPOINT_PASSWORD``,
    ``KG_ENDPOINT_AUTH`` = basic or digest), never from the command line, where other users of
    the machine could read them.
    """

    query_url: str
    update_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    retries: int = 3
    backoff: float = 0.5
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    graph_store_url: str | None = None  # the SPARQL 1.1 Graph Store Protocol, if offered

    @classmethod
    def from_environment(
        cls,
        query_url: str,
        update_url: str | None = None,
        timeout: float | None = None,
        graph_store_url: str | None = None,
    ) -> Endpoint:
        auth = os.environ.get(AUTH_ENV, "basic").lower()
        if auth not in ("basic", "digest"):
            raise StoreError(
                f"{AUTH_ENV}={auth!r} is not an HTTP authentication kg knows",
                hint="use basic or digest",
            )
        return cls(
            query_url=_checked_url(query_url),
            update_url=_checked_url(update_url) if update_url else None,
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            user=os.environ.get(USER_ENV) or None,
            password=os.environ.get(PASSWORD_ENV) or None,
            auth=auth,
            graph_store_url=_checked_url(graph_store_url) if graph_store_url else None,
        )

    @property
    def updates_to(self) -> str:
        return self.update_url or self.query_url


def _checked_url(url: str) -> str:
    if not re.match(r"^https?://[^/\s]+", url):
        raise StoreError(
            f"{url!r} is not the URL of a SPARQL endpoint",
            hint="give its http:// or https:// address, e.g. http://127.0.0.1:7878/query",
        )
    return url


class RemoteStore(Store):
    """A kg store on a SPARQL 1.1 server."""

    def __init__(self, endpoint: Endpoint, *, read_only: bool = False) -> None:
        self.endpoint = endpoint
        self.location = endpoint.query_url
        self.read_only = read_only

    # -- requests --------------------------------------------------------------------------

    def _request(
        self,
        text: str,
        *,
        form: str,
        accept: str,
        params: dict[str, list[str]] | None = None,
        retry: bool = True,
    ) -> tuple[bytes, http.client.HTTPMessage]:
        """POST one query or update; retry transient failures with backoff."""
        attempts = 1 + (self.endpoint.retries if retry else 0)
        for attempt in range(attempts):
            try:
                return self._request_once(text, form=form, accept=accept, params=params or {})
            except EndpointError as err:
                if not err.transient or attempt == attempts - 1:
                    if err.transient and attempts > 1:
                        err.args = (f"{err.args[0]} (tried {attempts} times)",)
                    raise
            time.sleep(self.endpoint.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _request_once(
        self, text: str, *, form: str, accept: str, params: dict[str, list[str]]
    ) -> tuple[bytes, http.client.HTTPMessage]:
        update = form == "UPDATE"
        url = self.endpoint.updates_to if update else self.endpoint.query_url
        wrapper = SPARQLWrapper(self.endpoint.query_url, updateEndpoint=self.endpoint.updates_to)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)  # no format=/output= parameters; the Accept header says it
        wrapper.setTimeout(max(1, round(self.endpoint.timeout)))
        if self.endpoint.user and self.endpoint.password:
            wrapper.setHTTPAuth(self.endpoint.auth.upper())
            wrapper.setCredentials(self.endpoint.user, self.endpoint.password)
        wrapper.setQuery(text)
        # Set after setQuery, which guesses the type from the text (and can guess wrong).
        wrapper.queryType = "INSERT" if update else form
        wrapper.addCustomHttpHeader("Accept", accept)
        for name, values in params.items():
            for value in values:
                wrapper.addParameter(name, value)
        what = "update" if update else "query"
        try:
            response = wrapper.query().response
            return response.read(), response.info()
        except sw_errors.SPARQLWrapperException as err:
            raise _http_error(url, what, err) from None
        except urllib.error.HTTPError as err:
            raise _http_error(url, what, err) from None
        except urllib.error.URLError as err:
            raise _connection_error(url, what, err.reason, self.endpoint.timeout) from None
        except (OSError, http.client.HTTPException) as err:
            raise _connection_error(url, what, err, self.endpoint.timeout) from None

    # -- the store interface ---------------------------------------------------------------

    def query(self, sparql: str, *, union_default_graph: bool = False) -> Result:
        form = query_form(sparql)
        params = None
        if union_default_graph:
            graphs = sorted(self.named_graphs())
            params = {"default-graph-uri": graphs, "named-graph-uri": graphs}
        if form in ("CONSTRUCT", "DESCRIBE"):
            body, headers = self._request(sparql, form=form, accept=RDF_ACCEPT, params=params)
            self._check_complete(headers)
            return _as_query_triples(_parse_rdf(body, headers, self.location))
        body, headers = self._request(sparql, form=form, accept=RESULTS_JSON, params=params)
        self._check_complete(headers)
        return parse_json_results(body, self.location)

    def _update(self, update: str) -> None:
        self._send_update(update, retry=True)

    def update(self, sparql: str) -> None:
        """A user's update is sent once: it may not be safe to apply twice."""
        self._send_update(sparql, retry=False)

    def _send_update(self, update: str, *, retry: bool) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only")
        self._request(update, form="UPDATE", accept="*/*", retry=retry)

    def _apply(self, updates: Sequence[str]) -> None:
        """Several releases share a request up to a size; one release is never split, so it
        is wholly on the server or absent even if kg is killed between requests."""
        request: list[str] = []
        size = 0
        for update in updates:
            if request and size + len(update) > UPDATE_CHARS:
                self._update(" ;\n".join(request))
                request, size = [], 0
            request.append(update)
            size += len(update)
        if request:
            self._update(" ;\n".join(request))

    def replace_graphs(self, graphs: Mapping[str, str]) -> None:
        """By the Graph Store Protocol when the server offers it (a PUT replaces a graph
        whole and skips SPARQL parsing), else by SPARQL Update."""
        if self.endpoint.graph_store_url is None:
            super().replace_graphs(graphs)
            return
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only")
        for graph, ntriples in graphs.items():
            self._put_graph(graph, ntriples)

    def _put_graph(self, graph: str, ntriples: str) -> None:
        url = f"{self.endpoint.graph_store_url}?{urllib.parse.urlencode({'graph': graph})}"
        request = urllib.request.Request(url, data=ntriples.encode(), method="PUT")
        request.add_header("Content-Type", "application/n-triples")
        opener = urllib.request.build_opener(*self._auth_handlers(url))
        for attempt in range(1 + self.endpoint.retries):
            try:
                with opener.open(request, timeout=self.endpoint.timeout) as response:
                    response.read()
                return
            except urllib.error.HTTPError as err:
                error = _http_error(url, "graph upload", err)
            except urllib.error.URLError as err:
                error = _connection_error(url, "graph upload", err.reason, self.endpoint.timeout)
            except (OSError, http.client.HTTPException) as err:
                error = _connection_error(url, "graph upload", err, self.endpoint.timeout)
            if not error.transient or attempt == self.endpoint.retries:
                raise error
            time.sleep(self.endpoint.backoff * 2**attempt)

    def _auth_handlers(self, url: str) -> list[urllib.request.BaseHandler]:
        if not (self.endpoint.user and self.endpoint.password):
            return []
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, self.endpoint.user, self.endpoint.password)
        if self.endpoint.auth == "digest":
            return [urllib.request.HTTPDigestAuthHandler(passwords)]
        return [urllib.request.HTTPBasicAuthHandler(passwords)]

    def _check_complete(self, headers: http.client.HTTPMessage) -> None:
        """Refuse an answer the server says it cut short (Virtuoso)."""
        max_rows = headers.get("X-SPARQL-MaxRows")
        if max_rows:
            raise EndpointError(
                f"the SPARQL server at {self.location} cut the result short at {max_rows} rows",
                hint="raise the server's row limit (Virtuoso: ResultSetMaxRows in [SPARQL]) "
                "or ask a narrower question",
            )
        state = headers.get("X-SQL-State")
        if state:
            message = headers.get("X-SQL-Message", "").strip()
            raise EndpointError(
                f"the SPARQL server at {self.location} returned an incomplete result "
                f"(X-SQL-State {state}{': ' + message if message else ''})",
                hint="raise the server's time limit (Virtuoso: MaxQueryExecutionTime in "
                "[SPARQL]) or ask a narrower question",
            )

    def named_graphs(self) -> Iterator[str]:
        """Graphs that hold a release: a server's own graphs (Virtuoso's system graphs) are
        not kg's."""
        query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?r a {release_class_term()} }} }}"
        yield from sorted(row["g"].value for row in self.query(query))

    def __len__(self) -> int:
        return sum(self.graph_sizes().values())

    def graph_ntriples(self, graph: str) -> str:
        return next(self._read_graphs([graph]))[1]

    def graphs_ntriples(self, graphs: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Several graphs as N-Triples, a few thousand triples a request."""
        sizes = self.graph_sizes()
        batch: list[str] = []
        triples = 0
        for graph in graphs:
            if batch and triples + sizes.get(graph, 0) > TRIPLES_PER_READ:
                yield from self._read_graphs(batch)
                batch, triples = [], 0
            batch.append(graph)
            triples += sizes.get(graph, 0)
        if batch:
            yield from self._read_graphs(batch)

    def _read_graphs(self, graphs: list[str]) -> Iterator[tuple[str, str]]:
        values = " ".join(str(ox.NamedNode(g)) for g in graphs)
        query = f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        found: dict[str, list[ox.Triple]] = {g: [] for g in graphs}
        for row in self.query(query):
            found[row["g"].value].append(ox.Triple(row["s"], row["p"], row["o"]))
        for graph in graphs:
            text = ox.serialize(found[graph], format=ox.RdfFormat.N_TRIPLES).decode()
            yield graph, text

    def dump(
        self, output: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None
    ) -> None:
        # The release graphs and, when the server has them, the ontology's and the identity
        # links' (as the embedded store's dump has them).
        graphs = [*sorted(self.named_graphs()), *self.derived_graphs()]
        if prefixes:
            ox.serialize(self.quads(graphs), output, format=fmt, prefixes=prefixes)
        else:
            ox.serialize(self.quads(graphs), output, format=fmt)

    def union_triples(self) -> Iterator[ox.Triple]:
        """Through a local copy on disk: sorting every triple by subject needs an index."""
        from kg.store.embedded import EmbeddedStore

        with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
            copy = ox.Store(folder)
            copy.bulk_extend(self.quads())
            yield from EmbeddedStore(copy, None, read_only=True).union_triples()
            del copy


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword that is code."""
    match = _FORM.search(_NOT_CODE.sub(" ", sparql))
    return match[1].upper() if match else "SELECT"


def parse_json_results(body: bytes, server: str) -> ox.QuerySolutions | ox.QueryBoolean:
    """SPARQL JSON results as Oxigraph result objects, after undoing servers' quirks."""
    try:
        document = json.loads(body)
    except ValueError:
        raise EndpointError(
            f"the SPARQL server at {server} answered with something that is not SPARQL JSON "
            f"results: {_snippet(body)}"
        ) from None
    if "boolean" in document:
        document["boolean"] = document["boolean"] in (True, 1, "true", "1")
    for row in document.get("results", {}).get("bindings", []):
        for term in row.values():
            _normalise_term(term)
    return ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)


def _normalise_term(term: dict[str, Any]) -> None:
    if term.get("type") == "typed-literal":  # SPARQL 1.0's word, still sent by Virtuoso
        term["type"] = "literal"
    if term.get("datatype") == XSD_BOOLEAN and term.get("value") in ("1", "0"):
        term["value"] = "true" if term["value"] == "1" else "false"


def _parse_rdf(body: bytes, headers: http.client.HTTPMessage, server: str) -> list[ox.Triple]:
    media = (headers.get_content_type() or "application/n-triples").lower()
    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise EndpointError(f"the SPARQL server at {server} answered in {media}, not RDF")
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)]


def _as_query_triples(triples: list[ox.Triple]) -> ox.QueryTriples:
    """The triples as the same result object the embedded store gives a CONSTRUCT."""
    holder = ox.Store()
    holder.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return holder.query("CONSTRUCT WHERE { ?s ?p ?o }")


# -- errors ------------------------------------------------------------------------------------

_HTTP_CODES = {
    sw_errors.QueryBadFormed: 400,
    sw_errors.Unauthorized: 401,
    sw_errors.EndPointNotFound: 404,
    sw_errors.URITooLong: 414,
    sw_errors.EndPointInternalError: 500,
}


def _http_error(url: str, what: str, err: Exception) -> EndpointError:
    """An error status from the server, as a message naming the server and what failed."""
    if isinstance(err, urllib.error.HTTPError):
        code, body = err.code, err.read() if err.fp else b""
    else:
        code, body = _HTTP_CODES.get(type(err), 0), _wrapped_body(err)
    said = f": {_snippet(body)}" if body.strip() else ""
    transient = code in TRANSIENT_HTTP
    if code in (401, 403):
        return EndpointError(
            f"the SPARQL server at {url} refused the {what} (HTTP {code}: not allowed){said}",
            hint=f"set {USER_ENV} and {PASSWORD_ENV} ({AUTH_ENV}=digest for Virtuoso's "
            "/sparql-auth); a read-only server takes no updates",
        )
    if code == 404:
        return EndpointError(
            f"no SPARQL endpoint at {url} (HTTP 404){said}",
            hint="check --endpoint / KG_ENDPOINT (Oxigraph: /query and /update; "
            "Virtuoso: /sparql; Fuseki: /DATASET/sparql)",
        )
    if code in (400, 405, 500):
        hint = "kg's queries are plain SPARQL 1.1; the server's message says what it refused"
        if what == "update":
            hint = "is this the server's update URL? give it with --update-endpoint"
        return EndpointError(
            f"the SPARQL server at {url} rejected the {what} (HTTP {code}){said}", hint=hint
        )
    return EndpointError(
        f"the SPARQL server at {url} failed on the {what} (HTTP {code}){said}",
        hint="the server may be restarting or overloaded; try again later" if transient else None,
        transient=transient,
    )


def _connection_error(url: str, what: str, reason: object, timeout: float) -> EndpointError:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return EndpointError(
            f"the SPARQL server at {url} did not answer the {what} within {timeout:g} s",
            hint="raise --timeout (or KG_TIMEOUT), or ask a narrower question",
        )
    if isinstance(reason, ConnectionRefusedError):
        return EndpointError(
            f"cannot reach the SPARQL server at {url}: connection refused",
            hint="is the server running, and is --endpoint / KG_ENDPOINT its address?",
            transient=True,
        )
    if isinstance(reason, socket.gaierror):
        return EndpointError(
            f"cannot reach the SPARQL server at {url}: unknown host",
            hint="check --endpoint / KG_ENDPOINT",
        )
    described = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return EndpointError(
        f"lost the connection to the SPARQL server at {url} during the {what}: {described}",
        hint="the server may have stopped or restarted",
        transient=True,
    )


def _wrapped_body(err: Exception) -> bytes:
    """The server's answer that SPARQLWrapper folds into its message as a bytes literal."""
    message = str(err)
    _, found, raw = message.partition("Response:\n")
    if not found:
        return b""
    try:
        body = ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError):
        return raw.encode()
    return body if isinstance(body, bytes) else str(body).encode()


def _snippet(body: bytes, limit: int = 400) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
