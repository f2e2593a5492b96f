"""A remark quoted on one side and told in other words on the other."""

from __future__ import annotations

from finder_sides import link, side

from core.compare import compare
from core.discrepancies.quoted_claims import _agreement, quoted_claims
from core.model import Article

QUOTED = (
    "The mayor of Port Alder spoke after the floods on Tuesday. "
    '"We will rebuild every bridge the river took from us," Mayor Ana Ruiz said at the town hall.'
)
TOLD = (
    "Floods struck Port Alder on Tuesday. "
    "Mayor Ana Ruiz promised to rebuild the bridges the river had destroyed, and thanked volunteers."
)


def test_a_quotation_against_the_clause_that_tells_it():
    sa, sb = side(QUOTED), side(TOLD)
    flags = quoted_claims(sa, sb, [link(sa, sb, 1, 1, 0.4)], set())
    assert len(flags) == 1
    f = flags[0]
    assert f.kind == "quote"
    assert sa.text[f.a[0] : f.a[1]].startswith("We will rebuild every bridge")
    told = sb.text[f.b[0] : f.b[1]]
    assert "rebuild the bridges" in told and "volunteers" not in told
    assert f.summary.startswith("quoted in A, told in other words in B")
    # a low flag: after the one-sided claims a reader checks first, before mere details
    assert (f.severity, f.weight) == ("low", 0.45)


def test_two_quotations_of_one_remark_in_other_words():
    sb = side('Floods struck Port Alder. "We will rebuild each bridge the floods took," Ruiz said.')
    sa = side(QUOTED)
    flags = quoted_claims(sa, sb, [link(sa, sb, 1, 1, 0.4)], set())
    assert [f.summary[:7] for f in flags] == ['quote: ']


def test_a_remark_told_as_a_list_cut_at_its_commas_is_read_across_two_clauses():
    sa = side(
        "The ministers met in Port Alder. "
        '"We must of course talk about trade and fishing rights as well," the minister said.'
    )
    sb = side(
        "The ministers met in Port Alder. "
        "She asked her guest to discuss trade, fishing rights and the ferry timetable, "
        "her office said later."
    )
    flags = quoted_claims(sa, sb, [link(sa, sb, 1, 1, 0.4)], set())
    assert len(flags) == 1
    told = sb.text[flags[0].b[0] : flags[0].b[1]]
    assert told.startswith("She asked") and told.endswith("ferry timetable")


def test_a_quotation_sharing_no_words_with_the_other_sentence_is_left_alone():
    sa = side(QUOTED)
    sb = side("Floods struck Port Alder. Mayor Ana Ruiz thanked volunteers at the town hall.")
    assert quoted_claims(sa, sb, [link(sa, sb, 1, 1, 0.4)], set()) == []


def test_a_headline_is_never_read_as_the_telling_of_a_remark():
    sa = side(QUOTED)
    sb = side("Ruiz vows to rebuild every bridge the river took\n\nThe floods receded on Tuesday.")
    assert quoted_claims(sa, sb, [link(sa, sb, 1, 0, 0.4)], set()) == []


def test_a_weak_link_or_a_matched_quotation_is_not_read():
    sa, sb = side(QUOTED), side(TOLD)
    assert quoted_claims(sa, sb, [link(sa, sb, 1, 1, score=0.1)], set()) == []
    quote = sa.facts.quotes[0]
    assert quoted_claims(sa, sb, [link(sa, sb, 1, 1, 0.4)], {(quote.start, quote.end)}) == []


def test_agreement_needs_a_share_of_the_remark_and_two_words():
    remark = {"rebuild", "bridge", "river", "took"}
    assert _agreement(remark, {"rebuild", "bridge", "volunteer"}) == 0.5
    assert _agreement(remark, {"rebuild", "volunteer"}) == 0.0  # one word of four
    assert _agreement({"vengeance", "room"}, {"vengeance"}) == 0.0
    assert _agreement({"vengeance"}, {"vengeance", "place"}) == 1.0


def test_compare_sets_the_remark_against_its_telling_instead_of_two_omissions():
    found = compare(Article(QUOTED), Article(TOLD), capped=False).discrepancies
    quotes = [d for d in found if d.kind == "quote"]
    omitted = [d for d in found if d.kind == "omission" and "rebuild" in d.summary]
    assert quotes and not omitted
