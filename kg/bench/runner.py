"""Benchmark kg against the plain stack a user would otherwise write, on the same releases.

Both sides read, extract and build every release with the same code (extraction is not what
is compared). Then:

* **kg**: :func:`kg.ingest.ingest_paths` into a fresh on-disk :class:`kg.store.Store`
  (validating each release before loading it), :func:`kg.validate.validate_store`, each
  canned query through :meth:`Store.query`, and :func:`kg.export.export` to Turtle and N-Quads.
* **plain**: every release graph added to an in-memory rdflib ``Dataset`` (no validation on the
  way in), pySHACL over the whole ``Dataset`` once, each canned query through rdflib's SPARQL
  engine (same text; the queries say ``GRAPH ?g``, so ``default_union`` stays off), and rdflib's
  Turtle and N-Quads serialisers.

Each side runs in its own child process, so its peak memory is its own and a step that runs
away can be stopped: every step has a time limit (a timer inside the child, and a hard kill
from the parent as the backstop), and a step that runs out is reported as "did not finish in
N s". The split of kg's ingest into read / extract / build / validate / load is timed on a
sample of releases by calling those stage functions directly; the plain side's split is timed
over every release, since that loop is written here.
"""

from __future__ import annotations

import contextlib
import io
import math
import multiprocessing
import os
import platform
import queue as queue_module
import re
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

STAGES = ("read", "extract", "build", "validate", "load")
EXPORT_FORMATS = ("turtle", "nquads")
DEFAULT_TIMEOUT_S = 600.0
DEFAULT_PLAIN_MAX = 10_000
KILL_GRACE_S = 60.0
RDFLIB_BYTES_PER_QUAD = 1500  # rdflib's Memory store, measured (../shared/perf-landscape.md)


class _StepTimeout(BaseException):
    """Raised inside a child when a step's time is up (BaseException: libraries that catch
    ``Exception`` must not swallow it)."""


# -- results -----------------------------------------------------------------------------------


@dataclass
class Measure:
    """One figure: a duration, a rate (items per second) or a time per item.

    ``status`` is ``ok``, ``timeout`` (did not finish within ``limit_s``), ``error``,
    ``skipped`` or ``not run``; ``note`` says why, or adds detail (rows, runs, bytes).
    """

    kind: str = "time"  # "time", "rate" or "per_item"
    seconds: float | None = None  # total time; for queries the median of the runs
    items: int | None = None  # releases or quads, for rates and per-item times
    unit: str = ""
    rows: int | None = None
    runs: int = 1
    size_bytes: int | None = None
    status: str = "ok"
    limit_s: float | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok" and self.seconds is not None

    @property
    def rate(self) -> float | None:
        if not self.ok or not self.items or not self.seconds:
            return None
        return self.items / self.seconds


@dataclass
class SideResult:
    """Everything one side (kg or plain) measured at one size."""

    name: str
    steps: dict[str, Measure] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


@dataclass
class SizeResult:
    size: int
    kg: SideResult
    plain: SideResult | None = None
    plain_note: str | None = None
    queries: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class BenchResult:
    corpus: str
    files_available: int
    settings: dict[str, Any]
    environment: dict[str, str]
    sizes: list[SizeResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def format(self) -> str:
        return _format_result(self)


# -- the entry point ------------------------------------------------------------------------


def run_benchmark(
    corpus_dir: Path | str,
    sizes: Sequence[int] | None = None,
    plain_stack: bool = True,
    query_runs: int = 5,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    *,
    plain_max_releases: int | None = DEFAULT_PLAIN_MAX,
    sample_size: int = 100,
    query_budget_s: float = 30.0,
    workdir: Path | str | None = None,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    """Benchmark kg against the plain rdflib/pySHACL stack on the releases in ``corpus_dir``.

    ``sizes``: how many releases to use, one run per size (the first N files in path order;
    ``None``: all of them). ``plain_stack``: also run the plain stack, at sizes up to
    ``plain_max_releases`` (``None``: no limit). ``query_runs``: runs per canned query (the
    median is reported); a side stops repeating a query once its runs took
    ``query_budget_s``. ``timeout_s``: the time limit of every step. ``sample_size``: releases
    timed stage by stage for kg's ingest split. ``workdir``: where the temporary stores go
    (default: the system's temp folder). ``progress``: called with a line per step.
    """
    from kg.errors import KgError
    from kg.read import find_release_files

    say = progress or (lambda _line: None)
    corpus = Path(corpus_dir)
    files = [p for p in find_release_files([corpus]) if isinstance(p, Path)]
    if not files:
        raise KgError(
            f"no release files under {corpus}",
            hint="make a corpus first: kg bench generate 1000 DIR",
        )
    settings = {
        "sizes": list(sizes) if sizes else None,
        "plain_stack": plain_stack,
        "query_runs": query_runs,
        "timeout_s": timeout_s,
        "plain_max_releases": plain_max_releases,
        "sample_size": sample_size,
        "query_budget_s": query_budget_s,
    }
    result = BenchResult(str(corpus), len(files), settings, _environment())
    for size in sorted(set(sizes)) if sizes else [len(files)]:
        if size > len(files):
            result.notes.append(
                f"size {size:,} skipped: {corpus} holds only {len(files):,} release files "
                f"(make more with: kg bench generate {size} DIR)"
            )
            continue
        chosen = [str(p) for p in files[:size]]
        options = {
            "timeout_s": timeout_s,
            "query_runs": max(1, query_runs),
            "query_budget_s": query_budget_s,
            "sample_size": sample_size,
        }
        label = _count_label(size)
        say(f"[{label}] kg: {size:,} releases")
        kg_side = _run_side("kg", _kg_child, (chosen, options), workdir, timeout_s, say, label)
        entry = SizeResult(size, kg_side, queries=list(kg_side.info.get("query_names", [])))
        if not plain_stack:
            entry.plain_note = "plain stack not run (switched off)"
        elif plain_max_releases is not None and size > plain_max_releases:
            entry.plain_note = _plain_skipped_note(size, plain_max_releases, kg_side)
        else:
            texts = kg_side.info.get("query_texts")
            if texts is None:
                texts = _unbound_queries()
                entry.queries = list(texts)
            say(f"[{label}] plain: {size:,} releases")
            entry.plain = _run_side(
                "plain", _plain_child, (chosen, texts, options), workdir, timeout_s, say, label
            )
            changed = _changed_code(kg_side.info.get("code"), entry.plain.info.get("code"))
            if changed:
                entry.warnings.append(
                    "kg's code changed between the kg run and the plain run ("
                    + ", ".join(changed)
                    + "): the two sides may not have worked on the same graphs"
                )
        result.sizes.append(entry)
    return result


def _changed_code(before: dict[str, str] | None, after: dict[str, str] | None) -> list[str]:
    if not before or not after:
        return []
    return sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))


def _plain_skipped_note(size: int, limit: int, kg_side: SideResult) -> str:
    quads = kg_side.info.get("quads")
    need = ""
    if quads:
        gigabytes = quads * RDFLIB_BYTES_PER_QUAD / 1e9
        need = (
            f": rdflib's in-memory Dataset would need about {gigabytes:.0f} GB for "
            f"{quads / 1e6:.1f} M quads (≈1.5 kB per quad)"
        )
    return (
        f"plain stack not run at {size:,} releases (above plain_max_releases = {limit:,}){need}; "
        f"rdflib evaluates GRAPH ?g graph by graph, so its query times grow with the square of "
        f"the number of releases"
    )


def _environment() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {
        "python": platform.python_version(),
        "cpus": str(os.cpu_count()),
        "machine": platform.machine(),
    }
    for package in ("pyoxigraph", "rdflib", "pyshacl", "pyrudof"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


# -- running a side in a child process ---------------------------------------------------------


def _run_side(
    name: str,
    target: Callable[..., None],
    args: tuple[Any, ...],
    workdir: Path | str | None,
    timeout_s: float,
    say: Callable[[str], None],
    label: str,
) -> SideResult:
    """Run one side in a fresh process, collecting its reports; kill it if a step overruns."""
    side = SideResult(name)
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    temp = Path(tempfile.mkdtemp(prefix=f"kg-bench-{name}-", dir=workdir))
    process = context.Process(target=target, args=(messages, str(temp), *args), daemon=False)
    current: tuple[str, float, float] | None = None  # (step, started, limit)
    finished = False
    try:
        process.start()
        while not finished:
            try:
                message = messages.get(timeout=0.5)
            except queue_module.Empty:
                if not process.is_alive():
                    break
                if current and time.monotonic() - current[1] > current[2] + KILL_GRACE_S:
                    step, _started, limit = current
                    side.steps[step] = Measure(
                        status="timeout", limit_s=limit, note="stopped from outside"
                    )
                    say(f"[{label}] {name}: {step}: did not finish in {limit:g} s (killed)")
                    _stop(process)
                    current = None
                    break
                continue
            kind = message[0]
            if kind == "start":
                current = (message[1], time.monotonic(), message[2])
            elif kind == "done":
                step, measure = message[1], Measure(**message[2])
                side.steps[step] = measure
                current = None
                say(f"[{label}] {name}: {step}: {_cell(measure)}")
            elif kind == "info":
                side.info.update(message[1])
            elif kind == "end":
                finished = True
        if "error" in side.info:  # the child caught an exception: its last line says what
            side.error = _last_line(side.info["error"])
        if current is not None:  # a step started and never reported back
            step = current[0]
            if finished and side.error:
                why = side.error
            else:
                process.join(timeout=5)
                code = process.exitcode
                why = f"the process died (exit code {code})"
                if code is not None and code < 0 and -code == signal.SIGKILL:
                    why += ": killed, probably out of memory"
                side.error = why
            side.steps[step] = Measure(status="error", note=why)
    finally:
        _stop(process)
        shutil.rmtree(temp, ignore_errors=True)
    return side


def _describe(err: BaseException) -> str:
    """'DataError: what it says', on one line and clipped."""
    return f"{type(err).__name__}: {' '.join(str(err).split())}"[:300]


def _last_line(trace: str) -> str:
    """The exception line of a traceback (the last line that is not blank), clipped."""
    lines = [line for line in str(trace).strip().splitlines() if line.strip()]
    if not lines:
        return "unknown error"
    # A multi-line message: start from the line naming the exception type.
    for i in range(len(lines) - 1, -1, -1):
        if re.match(r"^[\w.]+(Error|Exception|Timeout|Interrupt)\b", lines[i]):
            return " ".join(lines[i:])[:400]
    return lines[-1][:400]


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.join(timeout=5)
    if process.is_alive():
        process.terminate()
        process.join(timeout=10)
    if process.is_alive():
        process.kill()
        process.join()


class _Reporter:
    """The child's side of the conversation: what step runs now, and what it measured."""

    def __init__(self, messages: Any, timeout_s: float) -> None:
        self.messages = messages
        self.timeout_s = timeout_s

    def start(self, step: str, limit: float | None = None) -> None:
        self.messages.put(("start", step, limit if limit is not None else self.timeout_s))

    def done(self, step: str, measure: Measure) -> None:
        self.messages.put(("done", step, asdict(measure)))

    def info(self, **values: Any) -> None:
        self.messages.put(("info", values))

    def end(self) -> None:
        self.messages.put(("end",))

    def timed(self, step: str, action: Callable[[], Measure], limit: float | None = None) -> bool:
        """Run ``action`` as ``step`` under the time limit; report and return whether it ran."""
        limit = limit if limit is not None else self.timeout_s
        self.start(step, limit)
        try:
            with _time_limit(limit):
                measure = action()
        except _StepTimeout:
            measure = Measure(status="timeout", limit_s=limit)
        except Exception as err:
            measure = Measure(status="error", note=_describe(err))
        self.done(step, measure)
        return measure.status == "ok"


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_StepTimeout` in this (main) thread after ``seconds``."""

    def expire(_signum: int, _frame: object) -> None:
        raise _StepTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_NOT_DATA_CODE = frozenset(["cli.py", "evaluate.py"])


def _code_fingerprint() -> dict[str, str]:
    """A digest of each of kg's source files, shapes and queries, so that a run can tell when
    the code changed between the kg side and the plain side (an extractor being edited)."""
    import hashlib

    import kg.read
    from kg.resources import queries_dir, shapes_file

    found: dict[str, str] = {}
    package = Path(kg.read.__file__).parent
    with contextlib.suppress(Exception):
        for path in sorted(package.rglob("*.py")):
            name = path.relative_to(package).as_posix()
            if name not in _NOT_DATA_CODE and not name.startswith("bench/"):
                found[f"kg/{name}"] = hashlib.sha1(path.read_bytes()).hexdigest()
        found["shapes"] = hashlib.sha1(shapes_file().read_bytes()).hexdigest()
        for entry in queries_dir().iterdir():
            if entry.name.endswith(".rq"):
                found[f"queries/{entry.name}"] = hashlib.sha1(entry.read_bytes()).hexdigest()
    return found


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class _DescendantMemory:
    """Peak RSS of this process's descendants (kg's ingest workers and their fork server),
    read from ``/proc`` while a step runs: ``getrusage(RUSAGE_CHILDREN)`` does not see
    grandchildren whose parent is still alive. Linux only; elsewhere it finds nothing."""

    def __init__(self, interval_s: float = 0.5) -> None:
        self.interval_s = interval_s
        self.peaks_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _DescendantMemory:
        if os.path.isdir("/proc"):
            self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._poll()

    @property
    def count(self) -> int:
        return len(self.peaks_kb)

    @property
    def largest_mb(self) -> float:
        return max(self.peaks_kb.values(), default=0) / 1024

    @property
    def total_mb(self) -> float:
        return sum(self.peaks_kb.values()) / 1024

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self._poll()

    def _poll(self) -> None:
        with contextlib.suppress(OSError):
            for pid in _descendants(os.getpid()):
                peak = _vm_hwm_kb(pid)
                if peak:
                    self.peaks_kb[pid] = max(peak, self.peaks_kb.get(pid, 0))


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _vm_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class _CountingSink(io.RawIOBase):
    """A binary stream that only counts what is written (exports are not measured on disk)."""

    def __init__(self) -> None:
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self.written += size
        return size


def _repeat(action: Callable[[], int], runs: int, budget_s: float, limit_s: float) -> Measure:
    """Run ``action`` (which returns a row count) up to ``runs`` times; the median time."""
    times: list[float] = []
    rows = 0
    started = time.perf_counter()
    for _ in range(runs):
        remaining = limit_s - (time.perf_counter() - started)
        if times and (sum(times) >= budget_s or remaining <= 0):
            break
        try:
            with _time_limit(remaining if times else limit_s):
                t0 = time.perf_counter()
                rows = action()
                times.append(time.perf_counter() - t0)
        except _StepTimeout:
            if not times:
                raise
            break  # a repeat ran out of time: keep the runs that finished
    return Measure(seconds=statistics.median(times), rows=rows, runs=len(times))


def _repeat_step(
    reporter: _Reporter, step: str, action: Callable[[], int], runs: int, budget_s: float
) -> None:
    limit = reporter.timeout_s
    reporter.start(step, limit + budget_s)
    try:
        measure = _repeat(action, runs, budget_s, limit)
    except _StepTimeout:
        measure = Measure(status="timeout", limit_s=limit)
    except Exception as err:
        measure = Measure(status="error", note=_describe(err))
    reporter.done(step, measure)


# -- the kg side -----------------------------------------------------------------------------


def _kg_child(messages: Any, temp: str, files: list[str], options: dict[str, Any]) -> None:
    reporter = _Reporter(messages, options["timeout_s"])
    store = None
    try:
        from kg.export import export
        from kg.ingest import ingest_paths
        from kg.query import canned_queries
        from kg.store import Store
        from kg.validate import validate_store

        reporter.info(rss_start_mb=_rss_mb(), pid=os.getpid(), code=_code_fingerprint())
        paths = [Path(f) for f in files]
        _kg_stage_split(reporter, _sample(paths, options["sample_size"]), Path(temp) / "sample")

        store = Store.open(Path(temp) / "store")
        with _DescendantMemory() as workers:
            _kg_ingest(reporter, store, paths, ingest_paths)
        quads = len(store)
        graphs = sum(1 for _ in store.named_graphs())
        reporter.info(
            quads=quads,
            graphs=graphs,
            rss_after_ingest_mb=_rss_mb(),
            workers=workers.count,
            workers_largest_mb=workers.largest_mb or _children_rss_mb(),
            workers_total_mb=workers.total_mb,
        )

        def whole_store() -> Measure:
            t0 = time.perf_counter()
            report = validate_store(store)
            seconds = time.perf_counter() - t0
            failing = len(report.failures)
            note = f"{failing:,} of {report.checked:,} graphs fail" if failing else "conforms"
            return Measure(seconds=seconds, items=report.checked, unit="graphs", note=note)

        reporter.timed("validate store", whole_store)

        queries = canned_queries()
        texts, params, skipped = _bind_queries(store, queries)
        reporter.info(
            query_texts=texts,
            query_params=params,
            query_skipped=skipped,
            query_names=sorted([*texts, *skipped]),
        )
        for name in sorted(skipped):
            reporter.done(f"query {name}", Measure(status="skipped", note=skipped[name]))
        for name in sorted(texts):
            # kg's time includes binding: an organisation's name is resolved in the store.
            def answer(name: str = name) -> int:
                text = queries[name].bind(params.get(name, {}), store)
                return _consume_oxigraph(store.query(text))

            _repeat_step(
                reporter,
                f"query {name}",
                answer,
                options["query_runs"],
                options["query_budget_s"],
            )

        for fmt in EXPORT_FORMATS:

            def dump(fmt: str = fmt) -> Measure:
                sink = _CountingSink()
                t0 = time.perf_counter()
                export(store, fmt, sink)
                seconds = time.perf_counter() - t0
                return Measure("rate", seconds, quads, "quads", size_bytes=sink.written)

            reporter.timed(f"export {fmt}", dump)
    except BaseException:
        reporter.info(error=traceback.format_exc())
    finally:
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()
        reporter.info(rss_peak_mb=_rss_mb(), children_rss_mb=_children_rss_mb())
        reporter.end()


def _ingest_cut_short(seconds: float, done: int, total: int, limit: float) -> Measure:
    """An ingest (either side's) that ran out of time after ``done`` of ``total`` releases."""
    return Measure(
        "rate",
        seconds,
        done,
        "rel",
        status="timeout",
        limit_s=limit,
        note=f"{done:,} of {total:,} releases in {seconds:.0f} s ({done / seconds:.1f} rel/s)",
    )


def _kg_ingest(reporter: _Reporter, store: Any, paths: list[Path], ingest_paths: Any) -> None:
    """kg's own ingest, end to end; stops (keeping what it loaded) when time is up."""
    limit = reporter.timeout_s
    statuses: Counter[str] = Counter()
    t0 = time.perf_counter()

    def on_result(result: Any) -> None:
        statuses[result.status.value] += 1
        if time.perf_counter() - t0 > limit:
            raise _StepTimeout

    reporter.start("ingest", limit)
    try:
        ingest_paths(paths, store, on_result)
        seconds = time.perf_counter() - t0
        measure = Measure("rate", seconds, len(paths), "rel", note=_status_note(statuses))
    except _StepTimeout:
        seconds = time.perf_counter() - t0
        measure = _ingest_cut_short(seconds, sum(statuses.values()), len(paths), limit)
    reporter.info(statuses=dict(statuses))
    reporter.done("ingest", measure)
    if measure.status != "ok":
        reporter.info(partial_store=True)


def _status_note(statuses: Counter[str]) -> str:
    loaded = statuses.get("added", 0) + statuses.get("replaced", 0)
    parts = [f"{loaded:,} loaded"]
    for status in ("unchanged", "invalid", "unreadable"):
        if statuses.get(status):
            parts.append(f"{statuses[status]:,} {status}")
    return ", ".join(parts)


def _kg_stage_split(reporter: _Reporter, sample: list[Path], store_path: Path) -> None:
    """Time read / extract / build / validate / load on a sample, calling each stage itself.

    A release that fails in a stage is counted against that stage (with the first error)
    and the sample goes on, so one bad release does not hide the others' timings.
    """
    from kg.build import build_graph
    from kg.errors import ReleaseReadError
    from kg.extract import extract
    from kg.read import read_release
    from kg.store import Store

    validate, engine = _ingest_validator()
    reporter.info(validator=engine, sample=len(sample))
    with contextlib.suppress(Exception):  # first calls pay for lazy imports: not a stage's cost
        warm = read_release(sample[0])
        validate(build_graph(warm, extract(warm)))
    totals = dict.fromkeys(STAGES, 0.0)
    counts = dict.fromkeys(STAGES, 0)
    failures: Counter[str] = Counter()
    first_error: dict[str, str] = {}
    limit = reporter.timeout_s
    timed_out = False
    graphs = []

    def run(stage: str, action: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        try:
            value = action()
        except ReleaseReadError:
            raise
        except Exception as err:
            failures[stage] += 1
            first_error.setdefault(stage, _describe(err))
            raise
        totals[stage] += time.perf_counter() - t0
        counts[stage] += 1
        return value

    reporter.start("ingest stages", limit)
    t_start = time.perf_counter()
    try:
        with _time_limit(limit):
            for path in sample:
                try:
                    release = run("read", lambda path=path: read_release(path))
                    facts = run("extract", lambda release=release: extract(release))
                    graph = run("build", lambda r=release, f=facts: build_graph(r, f))
                    if run("validate", lambda graph=graph: validate(graph)):
                        graphs.append(graph)
                except Exception:
                    continue
            store = Store.open(store_path)
            try:
                loader = getattr(store, "load_releases", None)
                if loader is not None:
                    run("load", lambda: loader(graphs))
                    counts["load"] = len(graphs)
                else:
                    for graph in graphs:
                        run("load", lambda graph=graph: store.load_release(graph))
            except Exception:
                pass
            finally:
                store.close()
    except _StepTimeout:
        timed_out = True
    reporter.info(stages_seconds=time.perf_counter() - t_start)
    for stage in STAGES:
        notes = []
        if stage == "validate":
            notes.append(engine)
        if stage == "load" and counts[stage]:
            notes.append(f"one transaction of {counts[stage]}" if len(graphs) > 1 else "")
        if failures[stage]:
            notes.append(f"{failures[stage]} failed: {first_error[stage]}")
        if counts[stage] and totals[stage] > 0:
            measure = Measure("per_item", totals[stage], counts[stage], "rel")
        elif timed_out:
            measure = Measure(status="timeout", limit_s=limit)
        else:
            measure = Measure(status="error" if failures[stage] else "skipped")
        measure.note = "; ".join(n for n in notes if n)
        reporter.done(f"ingest: {stage}", measure)


def _ingest_validator() -> tuple[Callable[[Any], bool], str]:
    """The gate kg's ingest validates with, taking a built release graph."""
    from kg.validate import ReleaseValidator

    validator = ReleaseValidator()
    return (lambda graph: bool(validator.validate_release(graph).conforms)), validator.engine


def _sample(paths: list[Path], size: int) -> list[Path]:
    if size >= len(paths):
        return list(paths)
    return [paths[i * len(paths) // size] for i in range(size)]


def _consume_oxigraph(result: Any) -> int:
    """Read every row of a pyoxigraph result, as a caller would; return the row count."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return int(bool(result))
    return sum(1 for row in result if tuple(row) is not None)


# -- which queries, with which values ---------------------------------------------------------

_ORG_WORDS = ("org", "company", "payer", "payee", "issuer", "sponsor", "partner", "licens")
_ORG_WORDS += ("acquir", "party", "name")
_COMPOUND_WORDS = ("compound", "drug", "product", "asset")
_FIXED_VALUES = {"date": "2010-01-01", "decimal": "1000000", "integer": "10", "boolean": "true"}


def _bind_queries(
    store: Any, queries: dict[str, Any]
) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """Each canned query's runnable text: optional parameters left unbound, required ones given
    a plausible value from the data (the most mentioned organisation, a payment's IRI...).
    Returns (texts, the values bound, queries skipped with why)."""
    texts: dict[str, str] = {}
    bound: dict[str, dict[str, str]] = {}
    skipped: dict[str, str] = {}
    for name, query in queries.items():
        values = {}
        for param in query.params:
            if not param.required:
                continue
            value = _plausible_value(store, param)
            if value is None:
                skipped[name] = f"needs a value for {param.name} ({param.type})"
                break
            values[param.name] = value
        else:
            try:
                texts[name] = query.bind(values, store)
                if values:
                    bound[name] = values
            except Exception as err:
                skipped[name] = f"cannot bind: {err}"
    return texts, bound, skipped


def _plausible_value(store: Any, param: Any) -> str | None:
    from kg.namespace import KG

    name = param.name.lower()
    if param.type in _FIXED_VALUES:
        return _FIXED_VALUES[param.type]
    if param.type in ("string", "organization", "compound"):
        if param.type == "compound" or (
            param.type == "string" and any(word in name for word in _COMPOUND_WORDS)
        ):
            # The compound named in the most releases' payments, else in the most releases.
            patterns = (f"?f <{KG.compound}> ?node", f"?node a <{KG.Compound}>")
        elif any(word in name for word in _ORG_WORDS):
            # The organisation in the most releases' deals (as payer, payee or party), else
            # the most mentioned one: a name a researcher would look up, with facts to show.
            roles = f"<{KG.payer}>|<{KG.payee}>|<{KG.party}>"
            patterns = (f"?f {roles} ?node", f"?node a <{KG.Organization}>")
        else:
            return None
        for pattern in patterns:
            query = f"""
                SELECT ?name (COUNT(DISTINCT ?g) AS ?n) WHERE {{
                  GRAPH ?g {{ {pattern} . ?node <{KG.name}> ?name }}
                }} GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1"""
            rows = list(store.query(query))
            if rows:
                return rows[0]["name"].value
        return None
    if param.type == "iri":
        for cls in (KG.PaymentEvent, KG.Agreement, KG.Organization):
            query = f"SELECT ?node WHERE {{ GRAPH ?g {{ ?node a <{cls}> }} }} LIMIT 1"
            rows = list(store.query(query))
            if rows:
                return rows[0]["node"].value
    return None


def _unbound_queries() -> dict[str, str]:
    """The canned queries that run without a value (when kg could not bind the others)."""
    from kg.query import canned_queries

    texts = {}
    for name, query in canned_queries().items():
        if not any(p.required for p in query.params):
            texts[name] = query.bind({})
    return texts


# -- the plain side --------------------------------------------------------------------------


def _plain_child(
    messages: Any, temp: str, files: list[str], texts: dict[str, str], options: dict[str, Any]
) -> None:
    reporter = _Reporter(messages, options["timeout_s"])
    try:
        from rdflib import Dataset, Graph

        from kg.validate import load_shapes

        reporter.info(rss_start_mb=_rss_mb(), pid=os.getpid(), code=_code_fingerprint())
        dataset = Dataset()  # default_union stays False: the canned queries say GRAPH ?g
        quads = _plain_ingest(reporter, dataset, [Path(f) for f in files])
        if quads is None:
            return
        reporter.info(quads=quads, graphs=len(files), rss_after_ingest_mb=_rss_mb())
        _add_ontology_graph(dataset)  # the canned queries read the controlled words from it
        _add_identity_graph(dataset)  # and the links across releases (untimed: kg's code)

        def whole_store() -> Measure:
            from pyshacl import validate
            from rdflib import RDF, Namespace

            sh = Namespace("http://www.w3.org/ns/shacl#")
            t0 = time.perf_counter()
            conforms, report, _text = validate(
                dataset,
                shacl_graph=load_shapes(),
                inference="none",
                allow_warnings=True,
                advanced=True,
            )
            seconds = time.perf_counter() - t0
            dataset.default_union = False  # in case the validator changed it
            results = sum(1 for _ in report.subjects(RDF.type, sh.ValidationResult))
            note = "conforms" if conforms else f"{results:,} results"
            return Measure(seconds=seconds, items=len(files), unit="graphs", note=note)

        reporter.timed("validate store", whole_store)

        for name, text in sorted(texts.items()):
            _repeat_step(
                reporter,
                f"query {name}",
                lambda text=text: sum(1 for row in dataset.query(text) if row is not None),
                options["query_runs"],
                options["query_budget_s"],
            )

        def turtle() -> Measure:
            sink = _CountingSink()
            t0 = time.perf_counter()
            union = Graph()
            for s, p, o, _g in dataset.quads((None, None, None, None)):
                union.add((s, p, o))
            union.serialize(destination=sink, format="turtle")
            return Measure(
                "rate", time.perf_counter() - t0, quads, "quads", size_bytes=sink.written
            )

        def nquads() -> Measure:
            sink = _CountingSink()
            t0 = time.perf_counter()
            dataset.serialize(destination=sink, format="nquads")
            return Measure(
                "rate", time.perf_counter() - t0, quads, "quads", size_bytes=sink.written
            )

        reporter.timed("export turtle", turtle)
        reporter.timed("export nquads", nquads)
    except BaseException:
        reporter.info(error=traceback.format_exc())
    finally:
        reporter.info(rss_peak_mb=_rss_mb())
        reporter.end()


def _add_ontology_graph(dataset: Any) -> None:
    """The ontology as the named graph kg's store keeps it in, so the plain side's dataset
    answers the canned queries' word lookups as kg's store does."""
    from rdflib import URIRef

    from kg.resources import ontology_file
    from kg.store import ONTOLOGY_GRAPH

    dataset.graph(URIRef(ONTOLOGY_GRAPH)).parse(
        data=ontology_file().read_text(encoding="utf-8"), format="turtle"
    )


def _add_identity_graph(dataset: Any) -> None:
    """The links kg derives across releases after an ingest (kg's code, as extraction is),
    written into the plain side's dataset, so the canned queries that read them find them.
    Not timed, as the ontology graph is not: kg's ingest includes it (about 1 s at 1,000
    releases), so the plain side's ingest rate is flattered by that much."""
    from rdflib import URIRef

    from kg.identity import refresh_identity
    from kg.store import IDENTITY_GRAPH, Store

    derived = Store.open(None)
    derived.replace_graphs(
        {str(g.identifier): g.serialize(format="nt") for g in dataset.graphs() if len(g)}
    )
    refresh_identity(derived)
    links = dataset.graph(URIRef(IDENTITY_GRAPH))
    rows = derived.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?s ?p ?o }} }}")
    for row in rows:
        links.add((URIRef(row["s"].value), URIRef(row["p"].value), URIRef(row["o"].value)))


def _plain_ingest(reporter: _Reporter, dataset: Any, paths: list[Path]) -> int | None:
    """Read, extract and build each release (kg's code), then add it to the Dataset."""
    from kg.build import build_graph
    from kg.errors import ReleaseReadError
    from kg.extract import extract
    from kg.read import read_release

    limit = reporter.timeout_s
    totals = dict.fromkeys(STAGES, 0.0)
    done = quads = 0
    with contextlib.suppress(Exception):  # lazy imports on first use, as on the kg side
        warm = read_release(paths[0])
        build_graph(warm, extract(warm))
    reporter.start("ingest", limit)
    t_start = time.perf_counter()
    for path in paths:
        if time.perf_counter() - t_start > limit:
            break
        t0 = time.perf_counter()
        try:
            release = read_release(path)
        except ReleaseReadError:
            done += 1
            continue
        t1 = time.perf_counter()
        facts = extract(release)
        t2 = time.perf_counter()
        graph = build_graph(release, facts)
        t3 = time.perf_counter()
        context = dataset.graph(graph.iri)
        dataset.addN((s, p, o, context) for s, p, o in graph.graph)
        t4 = time.perf_counter()
        quads += len(graph.graph)
        done += 1
        for stage, seconds in (("read", t1 - t0), ("extract", t2 - t1), ("build", t3 - t2)):
            totals[stage] += seconds
        totals["load"] += t4 - t3
    seconds = time.perf_counter() - t_start
    if done < len(paths):
        reporter.done("ingest", _ingest_cut_short(seconds, done, len(paths), limit))
        return None
    reporter.done("ingest", Measure("rate", seconds, len(paths), "rel", note=f"{quads:,} quads"))
    for stage in STAGES:
        if stage == "validate":
            measure = Measure(status="skipped", note="none per release (whole store below)")
        else:
            measure = Measure("per_item", totals[stage], len(paths), "rel")
            if stage == "load":
                measure.note = "Dataset.addN"
        reporter.done(f"ingest: {stage}", measure)
    return quads


# -- the table -------------------------------------------------------------------------------


def _format_result(result: BenchResult) -> str:
    env = result.environment
    s = result.settings
    lines = [
        f"kg bench: {result.corpus} ({result.files_available:,} release files)",
        f"machine: {env['cpus']} CPUs ({env['machine']}), Python {env['python']}; "
        f"pyoxigraph {env['pyoxigraph']}, rdflib {env['rdflib']}, pyshacl {env['pyshacl']}, "
        f"pyrudof {env['pyrudof']}",
        f"time limit per step: {s['timeout_s']:g} s; queries: "
        + (
            f"median of up to {s['query_runs']} runs (fewer once a query's runs took "
            f"{s['query_budget_s']:g} s)"
            if s["query_runs"] > 1
            else "one run each"
        ),
        "speed-up = plain time ÷ kg time (for rates: kg rate ÷ plain rate; for memory: plain "
        "÷ kg); above 1 kg is faster (smaller)",
    ]
    for entry in result.sizes:
        lines += ["", *_format_size(entry)]
    if result.notes:
        lines += ["", *(f"note: {n}" for n in result.notes)]
    return "\n".join(lines) + "\n"


def _format_size(entry: SizeResult) -> list[str]:
    kg, plain = entry.kg, entry.plain
    label = _count_label(entry.size)
    title = f"== {entry.size:,} releases" + (f" ({label})" if label != str(entry.size) else "")
    lines = [title + " =="]
    failures: list[str] = []
    info = kg.info
    if "quads" in info:
        statuses = info.get("statuses", {})
        lines.append(
            f"kg:    {_status_note(Counter(statuses))}; {info['quads']:,} quads in "
            f"{info['graphs']:,} graphs (on disk, Oxigraph/RocksDB); per-release gate: "
            f"{info.get('validator', '?')}; stage split timed on {info.get('sample', 0)} releases"
        )
        if info.get("partial_store"):
            lines.append(
                "       ingest ran out of time: the steps below ran on the releases loaded so far"
            )
    if plain is not None and "quads" in plain.info:
        lines.append(
            f"plain: {plain.info['graphs']:,} releases; {plain.info['quads']:,} quads in an "
            f"in-memory rdflib Dataset (no per-release validation)"
        )
    if kg.error:
        lines.append(f"kg side failed: {_clip(kg.error, 160)}")
    if plain is not None and plain.error:
        lines.append(f"plain side failed: {_clip(plain.error, 160)}")
    if entry.plain_note:
        lines.append(entry.plain_note)
    lines += [f"warning: {w}" for w in entry.warnings]
    rows = [("step", "kg", "plain (rdflib + pySHACL)", "speed-up")]
    for step in _step_order(entry):
        k = kg.steps.get(step)
        p = plain.steps.get(step) if plain is not None else None
        if k is None and p is None:
            continue
        label = "  " + step.split(": ", 1)[1] if step.startswith("ingest: ") else step
        if step.startswith("query "):
            rows_k, rows_p = (k.rows if k else None), (p.rows if p else None)
            if rows_k is not None and rows_p is not None and rows_k != rows_p:
                label += " (rows differ!)"
        cells = []
        for side, m in (("kg", k), ("plain", p)):
            if m is not None and len(m.note) > 60:
                failures.append(f"{side} {step}: {m.note}")
                cells.append(_cell(replace(m, note="see below")))
            elif m is None:
                cells.append("not run")  # the side stopped before it, or never ran
            else:
                cells.append(_cell(m))
        rows.append((label, cells[0], cells[1], _ratio(k, p)))
    rows += _memory_rows(kg, plain)
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for i, row in enumerate(rows):
        lines.append(
            "  ".join(c.ljust(widths[j]) if j < 3 else c for j, c in enumerate(row)).rstrip()
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += failures
    params = info.get("query_params") or {}
    for name, values in sorted(params.items()):
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        lines.append(f"query {name} ran with {shown}")
    if info.get("workers"):
        lines.append(
            f"kg's ingest ran its CPU work in {info['workers']} more processes (worker pool and "
            f"fork server): peak {info['workers_largest_mb']:,.0f} MB in the largest, "
            f"{info['workers_total_mb']:,.0f} MB summed; not in kg's peak memory above"
        )
    return lines


def _step_order(entry: SizeResult) -> list[str]:
    steps = ["ingest", *(f"ingest: {s}" for s in STAGES), "validate store"]
    names = set(entry.queries)
    for side in (entry.kg, entry.plain):
        if side is not None:
            names |= {s.removeprefix("query ") for s in side.steps if s.startswith("query ")}
    steps += [f"query {n}" for n in sorted(names)]
    steps += [f"export {fmt}" for fmt in EXPORT_FORMATS]
    return steps


def _memory_rows(kg: SideResult, plain: SideResult | None) -> list[tuple[str, str, str, str]]:
    k = kg.info.get("rss_peak_mb")
    p = plain.info.get("rss_peak_mb") if plain is not None else None
    missing = "not run" if plain is None else "—"
    cell_p = f"{p:,.0f} MB" if p else missing
    rows = [
        (
            "peak memory (RSS)",
            f"{k:,.0f} MB" if k else "—",
            cell_p,
            f"{p / k:.1f}×" if k and p else "",
        )
    ]
    k_ingest = kg.info.get("rss_after_ingest_mb")
    p_ingest = plain.info.get("rss_after_ingest_mb") if plain is not None else None
    if k_ingest:  # the peak up to the end of ingest: flat in the corpus size if ingest streams
        rows.append(
            (
                "  peak during ingest",
                f"{k_ingest:,.0f} MB",
                f"{p_ingest:,.0f} MB" if p_ingest else missing,
                f"{p_ingest / k_ingest:.1f}×" if p_ingest else "",
            )
        )
    workers = kg.info.get("workers_total_mb")
    if k and workers:
        total = k + workers
        rows.append(
            (
                "  with ingest workers",
                f"{total:,.0f} MB (sum of peaks)",
                cell_p,
                f"{p / total:.1f}×" if p else "",
            )
        )
    return rows


def _cell(m: Measure | None) -> str:
    if m is None:
        return "—"
    if m.status == "timeout":
        text = f"did not finish in {m.limit_s:g} s" if m.limit_s else "did not finish"
        return text + (f" ({m.note})" if m.note else "")
    if m.status == "not run":
        return "not run" + (f" ({m.note})" if m.note else "")
    if m.status == "skipped":
        return "— " + (f"({m.note})" if m.note else "")
    if m.status == "error":
        return f"failed ({m.note})" if m.note else "failed"
    if m.seconds is None:
        return "—"
    if m.kind == "rate" and m.items:
        text = f"{_format_rate(m.items / m.seconds if m.seconds else math.inf, m.unit)}"
        text += f" ({_format_seconds(m.seconds)}"
        if m.size_bytes is not None:
            text += f", {m.size_bytes / 1e6:,.1f} MB"
        text += ")"
    elif m.kind == "per_item" and m.items:
        text = f"{_format_seconds(m.seconds / m.items)}/{m.unit or 'item'}"
    else:
        text = _format_seconds(m.seconds)
    extras = []
    if m.rows is not None:
        extras.append(f"{m.rows:,} row{'s' if m.rows != 1 else ''}")
    if m.runs > 1 or m.rows is not None:
        extras.append(f"{m.runs} run{'s' if m.runs != 1 else ''}")
    if m.note:
        extras.append(m.note)
    return text + (f" ({', '.join(extras)})" if extras else "")


def _ratio(k: Measure | None, p: Measure | None) -> str:
    if k is None or p is None:
        return ""
    if k.ok and p.ok:
        if k.kind == "rate" and k.rate and p.rate:
            return _format_ratio(k.rate / p.rate)
        if k.kind == "per_item" and k.items and p.items and k.seconds:
            return _format_ratio((p.seconds / p.items) / (k.seconds / k.items))
        if k.seconds:
            return _format_ratio(p.seconds / k.seconds)
        return ""
    if k.ok and p.status == "timeout" and p.limit_s and k.seconds:
        return "> " + _format_ratio(p.limit_s / k.seconds)
    if p.ok and k.status == "timeout" and k.limit_s and p.seconds:
        return "< " + _format_ratio(p.seconds / k.limit_s)
    return ""


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _format_ratio(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}×"
    if value >= 10:
        return f"{value:.0f}×"
    return f"{value:.1f}×" if value >= 0.95 else f"{value:.2f}×"


def _format_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    if seconds < 120:
        return f"{seconds:.3g} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes:.0f} min {rest:02.0f} s"


def _format_rate(rate: float, unit: str) -> str:
    if rate >= 1e6:
        return f"{rate / 1e6:.2f} M {unit}/s"
    if rate >= 1e4:
        return f"{rate / 1e3:.0f} k {unit}/s"
    if rate >= 100:
        return f"{rate:,.0f} {unit}/s"
    return f"{rate:.3g} {unit}/s"


def _count_label(n: int) -> str:
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


if __name__ == "__main__":  # a quick way to run it before the CLI is wired
    corpus = sys.argv[1]
    chosen_sizes = [int(x) for x in sys.argv[2:]] or None
    print(run_benchmark(corpus, chosen_sizes, progress=print).format())
