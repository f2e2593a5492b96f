"""Typed, ranked discrepancies between two compared articles.

Three finders feed one list: token changes inside aligned passages
(:mod:`.passages`), facts of the two articles that speak of the same thing and
disagree wherever they sit (:mod:`.number_conflicts`, :mod:`.date_conflicts`,
:mod:`.quote_conflicts`, :mod:`.attribution_conflicts`) and facts only one
article states (:mod:`.omissions`). :mod:`.ranking` removes duplicates and
keeps the list short; :mod:`.fingerprint` gives each flag a stable id.

May import: core.text, core.facts and the shared modules.
"""

from core.discrepancies.find import Candidates, candidate_flags, find_discrepancies

__all__ = ["Candidates", "candidate_flags", "find_discrepancies"]
