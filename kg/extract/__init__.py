"""Extraction: a release's text -> the facts it states (:class:`kg.facts.ReleaseFacts`).

The stages, in the order the data goes through them:

* :mod:`kg.extract.text` - the layout (headline, dateline, body, boilerplate) and sentences;
* :mod:`kg.extract.organizations` - organisations, their aliases, tickers, and people;
* :mod:`kg.extract.compounds` - drug candidates, their names, target, payload and phase;
* :mod:`kg.extract.events` - regulatory events (submissions, decisions, clinical starts);
* :mod:`kg.extract.money` - amounts of money and what kind of payment each is;
* :mod:`kg.extract.payments` - who pays whom, what kind of payment, earned or potential;
* :mod:`kg.extract.learned` - classifiers trained on gold, asked where the payment rules fall
  back to a default;
* :mod:`kg.extract.pipeline` - the wiring.
"""

from kg.extract.pipeline import extract

__all__ = ["extract"]
