"""A claim stated as done on one side and as planned or hoped on the other."""

from __future__ import annotations

from finder_sides import link, side

from core.discrepancies.claims import clauses
from core.discrepancies.meaning_shifts import _reading, meaning_shifts
from core.model import Alignment


def linked(sa, sb, score: float = 0.8) -> list[Alignment]:
    return [link(sa, sb, 1, 1, score)]


DONE = "Probe news.\n\nThe lander, built in Pune, touched down near the lunar south pole at 6:04 pm."
PLANNED = "Probe news.\n\nThe lander, built in Pune, is scheduled to touch down near the lunar south pole."


def test_done_against_scheduled_is_a_wording_discrepancy():
    sa, sb = side(DONE), side(PLANNED)
    [f] = meaning_shifts(sa, sb, linked(sa, sb))
    assert (f.kind, f.severity) == ("wording", "medium")
    assert f.summary.startswith("stated vs 'scheduled to'")
    assert sb.text[f.b[0] : f.b[1]].startswith("is scheduled to touch down")
    assert "built in Pune" not in sa.text[f.a[0] : f.a[1]]


def test_both_stated_or_both_hedged_or_a_weak_link_is_quiet():
    sa, sb = side(DONE), side(PLANNED)
    assert meaning_shifts(sa, side(DONE), linked(sa, side(DONE))) == []
    assert meaning_shifts(sb, side(PLANNED), linked(sb, side(PLANNED))) == []
    assert meaning_shifts(sa, sb, linked(sa, sb, score=0.1)) == []


def test_a_death_feared_against_a_death_stated():
    sa = side("Raid news.\n\nOne guard was killed during the raid on the depot, police said.")
    sb = side("Raid news.\n\nOne guard feared killed during the raid on the depot.")
    [f] = meaning_shifts(sa, sb, linked(sa, sb))
    assert f.summary.startswith("stated vs 'feared'")


def test_reported_speech_would_is_not_a_hedge():
    sa = side("Talks news.\n\nThe minister said the border will reopen on Monday.")
    sb = side("Talks news.\n\nThe minister said the border would reopen on Monday.")
    assert meaning_shifts(sa, sb, linked(sa, sb)) == []


def test_a_clock_time_does_not_split_a_clause():
    s = side(DONE)
    texts = [s.text[a:b] for a, b in clauses(s, (s.sentences[1].start, s.sentences[1].end))]
    assert "touched down near the lunar south pole at 6:04 pm." in texts


def test_a_hedge_past_a_double_hyphen_belongs_to_the_next_clause():
    sa = side(
        "Talks news.\n\nThe two sides will swap 40 detainees each on Friday -- and "
        "plans to stage a friendly match were also agreed."
    )
    sb = side("Talks news.\n\nThe two sides are set to swap 40 detainees each on Friday.")
    assert meaning_shifts(sa, sb, linked(sa, sb)) == []
    texts = [sa.text[a:b] for a, b in clauses(sa, (sa.sentences[1].start, sa.sentences[1].end))]
    assert texts[0] == "The two sides will swap 40 detainees each on Friday"


def test_words_of_opposite_sense_in_one_claim():
    sa = side("Market news.\n\nShares of Northwind rose sharply after the quarterly results.")
    sb = side("Market news.\n\nShares of Northwind fell sharply after the quarterly results.")
    [f] = meaning_shifts(sa, sb, linked(sa, sb))
    assert (f.kind, f.summary[:26]) == ("wording", "opposite: 'rose' vs 'fell'")
    same = side("Market news.\n\nShares of Northwind climbed sharply after the quarterly results.")
    assert meaning_shifts(sa, same, linked(sa, same)) == []  # one sense, other words


def test_opposite_words_in_clauses_about_other_things_are_quiet():
    sa = side("Market news.\n\nShares of Northwind rose sharply after the quarterly results.")
    sb = side("Market news.\n\nRainfall in the capital fell to a record low this spring.")
    assert meaning_shifts(sa, sb, linked(sa, sb)) == []


def test_the_first_hedge_in_reading_order_names_the_claim():
    text = "Officials, who hope to reopen the port, said ships are expected to sail and plans to dredge"
    assert _reading(text, 0, len(text)).hedge == "hope to"
    later = text.index("ships")
    assert _reading(text, later, len(text)).hedge == "expected to"
    assert _reading(text, 0, text.index("hope") + 4).hedge == ""  # "hope" alone, not "hope to"
