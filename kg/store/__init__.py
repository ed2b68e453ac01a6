"""Where kg keeps release graphs: one small interface, two implementations.

- :class:`EmbeddedStore`: an Oxigraph store on disk, opened by this process (the default).
- :class:`RemoteStore`: any SPARQL 1.1 server, through the SPARQL 1.1 Protocol and Update.

The rest of kg is written against :class:`Store` and does not know which one it has.
"""

from kg.store.base import (
    DERIVED_GRAPHS,
    IDENTITY_GRAPH,
    ONTOLOGY_GRAPH,
    Loadable,
    LoadOutcome,
    Result,
    Store,
    StoredRelease,
)
from kg.store.embedded import STORE_ENV, EmbeddedStore, default_store_path
from kg.store.remote import ENDPOINT_ENV, Endpoint, RemoteStore

__all__ = [
    "DERIVED_GRAPHS",
    "ENDPOINT_ENV",
    "IDENTITY_GRAPH",
    "ONTOLOGY_GRAPH",
    "STORE_ENV",
    "EmbeddedStore",
    "Endpoint",
    "LoadOutcome",
    "Loadable",
    "RemoteStore",
    "Result",
    "Store",
    "StoredRelease",
    "default_store_path",
]
