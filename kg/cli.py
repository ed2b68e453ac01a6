"""The ``kg`` command: a thin click layer that parses arguments, calls the library, prints.

Library modules are imported inside each command, so ``kg query`` does not pay for pySHACL.
Every library error (:class:`kg.errors.KgError`) becomes ``Error: ...`` with a hint and an
exit code; a traceback reaching the user is a bug.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def reports_errors(command: F) -> F:
    """Turn the library's typed errors into a clean message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kg.errors import KgError

        try:
            return command(*args, **kwargs)
        except KgError as err:
            click.echo(f"Error: {err}", err=True)
            if err.hint:
                click.echo(f"Hint: {err.hint}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


@dataclass(frozen=True)
class Where:
    """Which store the commands use: the embedded one at ``store_path``, or a SPARQL server."""

    store_path: Path | None
    endpoint: str | None
    update_endpoint: str | None
    timeout: float | None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="KG_STORE",
    help="Store folder (default: $KG_STORE, else ~/.local/share/kg/store).",
)
@click.option(
    "--endpoint",
    envvar="KG_ENDPOINT",
    metavar="URL",
    help="Use the SPARQL 1.1 server at URL as the store instead ($KG_ENDPOINT). Credentials "
    "come from $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD ($KG_ENDPOINT_AUTH=basic|digest).",
)
@click.option(
    "--update-endpoint",
    envvar="KG_UPDATE_ENDPOINT",
    metavar="URL",
    help="The server's SPARQL Update URL, when not the --endpoint one ($KG_UPDATE_ENDPOINT).",
)
@click.option(
    "--timeout",
    envvar="KG_TIMEOUT",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds to wait for a SPARQL server's answer (default 60; $KG_TIMEOUT).",
)
@click.version_option(package_name="kg")
@click.pass_context
def main(
    ctx: click.Context,
    store_path: Path | None,
    endpoint: str | None,
    update_endpoint: str | None,
    timeout: float | None,
) -> None:
    """kg: a knowledge graph of biopharma deal events, built from press releases."""
    if update_endpoint and not endpoint:
        raise click.UsageError("--update-endpoint needs --endpoint")
    ctx.obj = Where(store_path, endpoint, update_endpoint, timeout)


def _store_path(ctx: click.Context) -> Path:
    from kg.store import default_store_path

    return ctx.obj.store_path or default_store_path()


def _open(ctx: click.Context, *, read_only: bool) -> Any:
    """The store the command works on: the SPARQL server if one is given, else the local one."""
    from kg.store import Store

    if ctx.obj.endpoint:
        return _connect(ctx, ctx.obj.endpoint, ctx.obj.update_endpoint, read_only=read_only)
    return Store.open(_store_path(ctx), read_only=read_only)


def _open_local(ctx: click.Context, *, read_only: bool) -> Any:
    """The embedded store, whatever --endpoint says (push and pull copy between the two)."""
    from kg.store import Store

    return Store.open(_store_path(ctx), read_only=read_only)


def _connect(ctx: click.Context, url: str, update_url: str | None, *, read_only: bool) -> Any:
    from kg.store import Endpoint, RemoteStore

    endpoint = Endpoint.from_environment(url, update_url, timeout=ctx.obj.timeout)
    return RemoteStore(endpoint, read_only=read_only)


# -- ingest ------------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="Print a line for every file.")
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar; print problems and the summary."
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=0),
    help="Worker processes for extraction and validation (default: one per core when many files).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Most releases loaded per transaction (fewer while workers have none ready).",
)
@click.option(
    "--any-suffix",
    is_flag=True,
    help="Read a file named on the command line as a release whatever its suffix "
    "(otherwise only .txt, .md, .html and .htm).",
)
@click.pass_context
@reports_errors
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    verbose: bool,
    quiet: bool,
    workers: int | None,
    batch_size: int,
    any_suffix: bool,
) -> None:
    """Read releases (.txt, .md, .html, .htm files, or folders of them) into the store.

    Each release becomes one named graph, validated against the shapes before it is loaded.
    A file that cannot be read or does not conform is reported and skipped (exit 1); the
    others still go in. Ingesting a release again replaces its graph; a file whose text is
    already stored is skipped.
    """
    from kg.ingest import FileResult, Status, ingest_paths

    progress = _Progress(enabled=not quiet and not verbose and _is_terminal(sys.stderr))

    def show(result: FileResult) -> None:
        progress.step()
        for warning in result.warnings:
            progress.echo(f"warning: {result.source}: {warning}")
        if not result.ok:
            progress.echo(f"Error: {result.source}: {result.reason}")
            for violation in result.violations:
                progress.echo("  " + violation.describe().replace("\n", "\n  "))
        elif verbose:
            click.echo(f"{result.status.value:9}  {result.source}")

    with _open(ctx, read_only=False) as store:
        summary = ingest_paths(
            paths,
            store,
            on_result=show,
            on_start=progress.start,
            workers=workers,
            batch_size=batch_size,
            any_suffix=any_suffix,
        )
        total = len(store)
    progress.finish()
    counts = ", ".join(
        f"{summary.count(s)} {s.value}" for s in Status if summary.count(s) or s is Status.ADDED
    )
    click.echo(f"{len(summary.results)} file(s): {counts}; the store holds {total} quads.")
    sys.exit(EXIT_FAILED if summary.failed else EXIT_OK)


def _is_terminal(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


class _Progress:
    """A progress line on stderr (count, rate, ETA) that problems print above."""

    def __init__(self, *, enabled: bool, unit: str = "releases") -> None:
        self.enabled = enabled
        self.unit = unit
        self.total = 0
        self.done = 0
        self.started = 0.0

    def start(self, total: int) -> None:
        import time

        self.total, self.started = total, time.monotonic()

    def step(self) -> None:
        self.done += 1
        if self.enabled and (self.done % 10 == 0 or self.done == self.total):
            self._draw()

    def echo(self, line: str) -> None:
        if self.enabled:
            click.echo("\r\033[K", nl=False, err=True)
        click.echo(line, err=True)
        if self.enabled:
            self._draw()

    def finish(self) -> None:
        if self.enabled and self.total:
            click.echo("", err=True)

    def _draw(self) -> None:
        import time

        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0
        line = f"{self.done}/{self.total} {self.unit}  {rate:.0f}/s  ETA {eta:.0f} s"
        click.echo(f"\r\033[K{line}", nl=False, err=True)


# -- validate ----------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the SHACL report graph (Turtle) to this file.",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes checking the store's graphs (default: one per core for a large store).",
)
@click.pass_context
@reports_errors
def validate(
    ctx: click.Context, files: tuple[Path, ...], report_file: Path | None, workers: int | None
) -> None:
    """Check the store's release graphs (or the given RDF or release files) against the shapes.

    Exit 0 when everything conforms, 1 on violations, 2 when the shapes or data cannot be loaded.
    """
    from kg.validate import validate_files, validate_store

    if files:
        outcome = validate_files(files)
    else:
        with _open(ctx, read_only=True) as store:
            outcome = validate_store(store, workers=workers)
    click.echo(outcome.text)
    if report_file is not None:
        outcome.report_graph.serialize(destination=report_file, format="turtle")
    sys.exit(EXIT_OK if outcome.conforms else EXIT_FAILED)


# -- queries -----------------------------------------------------------------------------------

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="table for people; csv, tsv and json are the W3C SPARQL results formats.",
)


def _parse_params(params: tuple[str, ...]) -> dict[str, list[str]]:
    """KEY=VALUE pairs; a key given again adds a value (the query says whether it may)."""
    values: dict[str, list[str]] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        values.setdefault(key.strip(), []).append(value)
    return values


@main.command()
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    help="KEY=VALUE, bound as an RDF term; repeat a key for several values where it allows.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "graphml", "dot"]),
    default="table",
    show_default=True,
    help="table for people; csv, tsv and json are the W3C SPARQL results formats; graphml and "
    "dot draw partner-network as a graph.",
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many rows.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first.")
@click.option(
    "--order-by",
    "order_by",
    multiple=True,
    metavar="COLUMN",
    help="Sort by this column first (-COLUMN: descending); repeat for more.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Ask the store, not the cache of answers kept while the store is unchanged.",
)
@click.option(
    "--units",
    is_flag=True,
    help="An organisation also means the units releases name as part of it (its divisions).",
)
@click.pass_context
@reports_errors
def query(
    ctx: click.Context,
    name: str,
    params: tuple[str, ...],
    fmt: str,
    limit: int | None,
    offset: int,
    order_by: tuple[str, ...],
    no_cache: bool,
    units: bool,
) -> None:
    """Run the canned query NAME (see kg queries).

    The whole ordered answer is kept in a cache ($KG_CACHE, else ~/.cache/kg) while the
    store is unchanged, so that --limit and --offset page through it at once after the first
    run; any write to the store invalidates it.
    """
    from kg.cache import ResultCache
    from kg.query import Page, canned_query, run_canned
    from kg.results import write

    canned = canned_query(name)
    values = _parse_params(params)
    page = Page(limit=limit, offset=offset, order_by=order_by)
    with _open(ctx, read_only=True) as store:
        path = getattr(store, "path", None)  # a SPARQL server has no files to watch
        cache = None if no_cache or path is None else ResultCache(path)
        table = run_canned(store, canned, values, page, cache, units=units)
    click.echo(write(table, fmt, canned.graph), nl=False)


@main.command()
@reports_errors
def queries() -> None:
    """List the canned queries, their parameters and their columns."""
    from kg.query import _projected, canned_queries

    for canned in canned_queries().values():
        click.echo(f"{canned.name:20} {canned.summary}")
        click.echo(f"{'':20}   columns: {', '.join(_projected(canned.text))}")
        for param in canned.params:
            need = "required" if param.required else "optional"
            more = ", repeatable" if param.repeatable else ""
            click.echo(f"{'':20}   --param {param.name}=<{param.type}> ({need}{more}) {param.doc}")


@main.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r"), help="Read the query from FILE.")
@click.option("--allow-update", is_flag=True, help="Allow a SPARQL update to change the store.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@FORMAT_OPTION
@click.pass_context
@reports_errors
def sparql(
    ctx: click.Context,
    text: str | None,
    query_file: Any,
    allow_update: bool,
    allow_service: bool,
    fmt: str,
) -> None:
    """Run an ad hoc SPARQL query.

    The ontology's prefixes (kg:, pk:, pst:, phase:, skos:, ...; see kg schema) are declared
    for you. The default graph is the union of the store's graphs (each release's, and the
    ontology's); GRAPH ?g patterns name them one by one. Read-only unless --allow-update; no
    SERVICE calls unless --allow-service.
    """
    from kg.query import check_allowed, format_result, is_update, run_sparql, run_update

    if (text is None) == (query_file is None):
        raise click.UsageError("give the query as an argument or with -f FILE (one of them)")
    sparql_text = text if text is not None else query_file.read()
    check_allowed(sparql_text, allow_update=allow_update, allow_service=allow_service)
    if is_update(sparql_text):
        with _open(ctx, read_only=False) as store:
            run_update(store, sparql_text)
        click.echo("Update applied.")
        return
    with _open(ctx, read_only=True) as store:
        click.echo(format_result(run_sparql(store, sparql_text), fmt), nl=False)


@main.command()
@click.option("--prefixes", "only_prefixes", is_flag=True, help="Print only the prefixes.")
@click.option("--class", "class_name", metavar="CLASS", help="Only this class (e.g. PaymentEvent).")
@reports_errors
def schema(only_prefixes: bool, class_name: str | None) -> None:
    """Print the ontology's classes, their properties and its controlled words.

    The same ontology is in the store as the named graph
    <https://w3id.org/biopharma-kg/ontology>, for any SPARQL client to read.
    """
    from kg.schema import describe

    click.echo(describe(only_prefixes=only_prefixes, class_name=class_name), nl=False)


@main.command()
@click.argument("name", metavar="QUERY")
@click.option("-p", "--param", "params", multiple=True, help="KEY=VALUE, as for kg query.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The picture to write: FILE.svg or FILE.png.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="partner-network: draw the pairs stated by the most releases, this many.",
)
@click.pass_context
@reports_errors
def plot(ctx: click.Context, name: str, params: tuple[str, ...], output: Path, top: int) -> None:
    """Draw a canned query's rows as a chart: earned-by-year (bars per year and kind),
    timeline (one organisation's facts on a time axis, needs --param organization=NAME) or
    partner-network (who works with whom). Needs the plot extra: pip install 'kg[plot]'."""
    from kg.plot import plot as draw

    with _open(ctx, read_only=True) as store:
        written = draw(store, name, _parse_params(params), output, top=top)
    click.echo(f"Wrote {written}.")


# -- export ------------------------------------------------------------------------------------


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "jsonld"]),
    default="turtle",
    show_default=True,
    help="turtle merges the releases' graphs; trig, nquads and jsonld keep them apart.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@click.option(
    "--void",
    "void_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the VoID description (default: next to -o, as NAME.void.ttl).",
)
@click.pass_context
@reports_errors
def export(ctx: click.Context, fmt: str, output: Path | None, void_file: Path | None) -> None:
    """Write the whole store as RDF, with a VoID description of the dataset.

    The VoID file (Turtle) says how many releases and facts of each class the export holds,
    the publication dates they span and the ontology version they follow.
    """
    from kg.export import export as export_store
    from kg.export import void_description

    if void_file is None and output is not None:
        void_file = output.with_name(output.name.split(".")[0] + ".void.ttl")
    with _open(ctx, read_only=True) as store:
        if output is None:
            export_store(store, fmt, sys.stdout.buffer)
        else:
            with _writing(output, "wb") as sink:
                export_store(store, fmt, sink)
        if void_file is not None:
            dump = output.resolve().as_uri() if output is not None else None
            with _writing(void_file, "w") as sink:
                sink.write(void_description(store, dump, fmt))
            if output is not None:
                click.echo(f"Wrote {output} and its VoID description {void_file}.", err=True)


def _writing(path: Path, mode: str) -> Any:
    """Open ``path`` for writing, or fail with an error that names it."""
    from kg.errors import KgError

    try:
        return path.open(mode, encoding=None if "b" in mode else "utf-8")
    except OSError as err:
        raise KgError(
            f"cannot write {path}: {err.strerror or err}",
            hint="check that its folder exists and is writable",
        ) from None


# -- servers ---------------------------------------------------------------------------------


@main.command()
@click.argument("url")
@click.option("--update-endpoint", "update_url", metavar="URL", help="The server's update URL.")
@click.option(
    "--graph-store",
    metavar="URL",
    help="Upload graphs by the Graph Store Protocol at URL (Oxigraph: /store), not SPARQL Update.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
@click.pass_context
@reports_errors
def push(
    ctx: click.Context, url: str, update_url: str | None, graph_store: str | None, quiet: bool
) -> None:
    """Copy the local store's release graphs to the SPARQL server at URL.

    Graph by graph: a graph the server already holds whole is skipped, so running it again
    copies nothing, and each graph arrives whole or not at all.
    """
    from kg.identity import refresh_identity
    from kg.store import Endpoint, RemoteStore
    from kg.store.copy import copy_graphs

    endpoint = Endpoint.from_environment(url, update_url, ctx.obj.timeout, graph_store)
    progress = _Progress(enabled=not quiet and _is_terminal(sys.stderr), unit="graphs")
    with _open_local(ctx, read_only=True) as local:
        remote = RemoteStore(endpoint)
        summary = copy_graphs(
            local, remote, on_start=progress.start, on_graph=lambda _: progress.step()
        )
        refresh_identity(remote)  # what the server's releases, old and new, say together
    progress.finish()
    click.echo(summary.describe("pushed"))


@main.command()
@click.argument("url")
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
@click.pass_context
@reports_errors
def pull(ctx: click.Context, url: str, quiet: bool) -> None:
    """Copy the release graphs of the SPARQL server at URL into the local store.

    Graph by graph: a graph the local store already holds whole is skipped, so running it
    again copies nothing, and each graph arrives whole or not at all.
    """
    from kg.identity import refresh_identity
    from kg.store.copy import copy_graphs

    remote = _connect(ctx, url, None, read_only=True)
    progress = _Progress(enabled=not quiet and _is_terminal(sys.stderr), unit="graphs")
    with _open_local(ctx, read_only=False) as local:
        summary = copy_graphs(
            remote, local, on_start=progress.start, on_graph=lambda _: progress.step()
        )
        refresh_identity(local)  # what the local releases, old and new, say together
    progress.finish()
    click.echo(summary.describe("pulled"))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.pass_context
@reports_errors
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the local store as a read-only SPARQL endpoint, with a query page in the browser.

    Runs the Oxigraph server on the store: the query page at /, the SPARQL 1.1 Protocol at
    /query; updates are refused. Its default graph is the union of the release graphs.
    Stop it (Ctrl-C) before kg ingest writes to the same store.
    """
    from kg.serve import run_server

    path = _store_path(ctx)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {path} read-only at http://{shown}:{port}/ (SPARQL: /query).")
    click.echo("Ctrl-C stops it.")
    run_server(path, host, port)


# -- eval --------------------------------------------------------------------------------------


@main.command(name="eval")
@click.argument(
    "directories",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("-v", "--verbose", is_flag=True, help="List every miss and every extra.")
@click.option(
    "--together",
    is_flag=True,
    help="Ingest every release into one store and score one node per real organisation and "
    "compound across them.",
)
@click.option(
    "--against",
    "second",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score a second annotator's gold (STEM.json files in this folder) against the "
    "DIRECTORY's instead of kg's answers: how far two annotators agree.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the figures as JSON to FILE (- prints them instead of the table).",
)
@reports_errors
def eval_command(
    directories: tuple[Path, ...],
    verbose: bool,
    together: bool,
    second: Path | None,
    json_path: Path | None,
) -> None:
    """Score what kg gets out of the releases in DIRECTORIES against their gold annotations.

    Each STEM.txt with a STEM.json beside it is ingested into a store of its own and read back
    through the canned queries, as a user would; what comes back is matched to the gold. With
    --together, all of them go into one store, and what is scored is whether each real
    organisation and compound is one node across releases. With --against, no release is read:
    a second annotation of the same releases is matched to the first, the ceiling for any
    extractor on them.
    """
    import json

    from kg.evaluate import evaluate_agreement, evaluate_dirs, evaluate_identity

    if second is not None and (together or len(directories) != 1):
        raise click.UsageError(
            "--against compares one folder of gold with another; "
            "give one DIRECTORY and no --together."
        )
    if second is not None:
        report = evaluate_agreement(directories[0], second)
    elif together:
        report = evaluate_identity(directories)
    else:
        report = evaluate_dirs(directories)
    figures = json.dumps(report.as_dict(), indent=2) + "\n"
    if json_path is not None and str(json_path) == "-":
        click.echo(figures, nl=False)
        return
    if json_path is not None:
        json_path.write_text(figures, encoding="utf-8")
    click.echo(report.format(verbose=verbose))


# -- bench -------------------------------------------------------------------------------------


@main.group()
def bench() -> None:
    """Measure kg against the plain rdflib + pySHACL stack on a synthetic corpus."""


@bench.command(name="generate")
@click.argument("count", type=click.IntRange(min=1))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@reports_errors
def bench_generate(count: int, directory: Path, seed: int) -> None:
    """Write COUNT synthetic releases shaped like real ones into DIRECTORY."""
    from kg.bench.synthetic import generate

    paths = generate(count, directory, seed=seed)
    click.echo(f"{len(paths)} releases written to {directory} (seed {seed}).")


@bench.command(name="run")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--size",
    "sizes",
    type=click.IntRange(min=1),
    multiple=True,
    help="Releases to use, the first N of the corpus (repeat for several sizes).",
)
@click.option("--no-plain", is_flag=True, help="Measure kg only.")
@click.option(
    "--runs",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Runs per canned query (the median is reported).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(min=1),
    default=600,
    show_default=True,
    help="Seconds any one step may take.",
)
@reports_errors
def bench_run(
    directory: Path, sizes: tuple[int, ...], no_plain: bool, runs: int, timeout_s: float
) -> None:
    """Run the benchmark on DIRECTORY's releases and print the table of figures and ratios."""
    from kg.bench.runner import run_benchmark

    result = run_benchmark(
        directory,
        list(sizes) or None,
        plain_stack=not no_plain,
        query_runs=runs,
        timeout_s=timeout_s,
        progress=lambda line: click.echo(line, err=True),
    )
    click.echo(result.format(), nl=False)


@bench.command(name="queries")
@click.argument("store_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--runs",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Runs per query (the median is reported).",
)
@click.option("--query", "names", multiple=True, help="Only this canned query (repeatable).")
@reports_errors
def bench_queries_command(store_dir: Path, runs: int, names: tuple[str, ...]) -> None:
    """Time every canned query on an existing store: all rows, and the first page."""
    from kg.bench.queries import bench_queries

    result = bench_queries(
        store_dir,
        runs=runs,
        names=list(names) or None,
        progress=lambda line: click.echo(line, err=True),
    )
    click.echo(result.format(), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
