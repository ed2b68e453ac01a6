"""The few typed errors the library raises; the CLI turns each into ``Error: ...`` + exit code."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class: a message for the user and, optionally, a hint on what to do next."""

    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class ReleaseReadError(KgError):
    """A release file that cannot be read as text (missing, empty, binary, unreadable)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class ShapesError(KgError):
    """The SHACL shapes or the data given to the validator could not be loaded."""


class StoreError(KgError):
    """The store cannot be opened or written (locked by another process, read-only disk...)."""


class QueryError(KgError):
    """A query that is unknown, malformed, missing a parameter, or not allowed (an update)."""


class EndpointError(StoreError):
    """A SPARQL server that cannot be reached, refuses a request, or cuts an answer short.

    ``transient`` says whether trying again later may help (a server restarting, overloaded,
    or a dropped connection); the remote store retries those itself before raising.
    """

    def __init__(self, message: str, hint: str | None = None, *, transient: bool = False) -> None:
        super().__init__(message, hint)
        self.transient = transient
