"""The canned SPARQL queries, shipped as package data (kg.queries)."""
