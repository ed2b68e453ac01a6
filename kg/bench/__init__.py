"""The benchmark and its synthetic corpus: off the product's path (nothing in kg imports this).

* :mod:`kg.bench.synthetic` writes a corpus shaped like real releases (``kg bench generate``).
* :mod:`kg.bench.runner` measures kg against the plain rdflib + pySHACL stack on it
  (``kg bench run``).
"""

from kg.bench.runner import BenchResult, Measure, run_benchmark
from kg.bench.synthetic import generate

__all__ = ["BenchResult", "Measure", "generate", "run_benchmark"]
