"""A cache of canned query results, so that every page after the first comes at once.

A SPARQL engine must evaluate a whole ordered query before it can give its first row: at
100,000 releases a listing such as ``payments`` takes tens of seconds, ``--limit 20`` or not.
``kg query`` therefore keeps the whole ordered answer of each canned query it runs (with its
parameters and order) in a file, and reads any page of it from there while the store is
unchanged. The store is unchanged while its data files are: their names, sizes and
modification times (RocksDB writes every change to them) make the key, so an ingest, an
update or a copy of another store in its place invalidates every entry at once.

The cache lives in ``$KG_CACHE``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; it is
best effort: a cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.results import Table

CACHE_ENV = "KG_CACHE"
# The files RocksDB keeps the data in (not its LOG, which a read-only open writes to).
_DATA_FILE = re.compile(r"^(\d+\.(sst|log|blob)|MANIFEST-\d+|CURRENT)$")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def cache_root() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


class ResultCache:
    """Whole answers of queries on one store on disk, keyed by the store's state."""

    def __init__(self, store_path: Path, root: Path | None = None) -> None:
        self.store_path = Path(store_path).resolve()
        place = hashlib.sha256(str(self.store_path).encode()).hexdigest()[:16]
        self.folder = (root or cache_root()) / place

    def state(self) -> str:
        """A digest of the store's data files: any write to the store changes it."""
        found = []
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.store_path):
                if _DATA_FILE.match(entry.name):
                    info = entry.stat()
                    found.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        return hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest()[:16]

    def _path(self, query: str, state: str) -> Path:
        digest = hashlib.sha256(query.encode()).hexdigest()[:32]
        return self.folder / f"{state}-{digest}.jsonl"

    def read(self, query: str, offset: int = 0, limit: int | None = None) -> Table | None:
        """The rows ``offset`` to ``offset + limit`` of the cached answer, or None."""
        path = self._path(query, self.state())
        try:
            with path.open(encoding="utf-8") as lines:
                variables = json.loads(next(lines))
                rows = []
                for index, line in enumerate(lines):
                    if index < offset:
                        continue
                    if limit is not None and len(rows) >= limit:
                        break
                    rows.append([_term(cell) for cell in json.loads(line)])
        except (OSError, ValueError, StopIteration):
            return None
        return Table(variables, rows)

    def write(self, query: str, table: Table, state: str) -> None:
        """Keep ``table`` as the answer to ``query`` for the store in ``state``, and drop the
        answers kept for any earlier state. ``state`` is read before the query ran, so a
        write during it leaves an entry no later read will find."""
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.glob("*.jsonl"):
                if not old.name.startswith(state):
                    old.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(table.variables) + "\n")
                for row in table.rows:
                    out.write(json.dumps([_cell(term) for term in row], ensure_ascii=False))
                    out.write("\n")
            os.replace(temporary, self._path(query, state))

    def entries(self) -> Iterator[Path]:
        yield from self.folder.glob("*.jsonl")


def _cell(term: ox.Term | None) -> list[str] | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ["u", term.value]
    if isinstance(term, ox.BlankNode):
        return ["b", term.value]
    if term.language:
        return ["g", term.value, term.language]
    return ["l", term.value, term.datatype.value]


def _term(cell: list[str] | None) -> ox.Term | None:
    if cell is None:
        return None
    kind, value = cell[0], cell[1]
    if kind == "u":
        return ox.NamedNode(value)
    if kind == "b":
        return ox.BlankNode(value)
    if kind == "g":
        return ox.Literal(value, language=cell[2])
    if cell[2] == XSD_STRING:
        return ox.Literal(value)
    return ox.Literal(value, datatype=ox.NamedNode(cell[2]))
