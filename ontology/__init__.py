"""The kg ontology, alignment and SHACL shapes, shipped as package data (kg.ontology)."""
