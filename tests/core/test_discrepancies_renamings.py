"""One claim told with other names, read only in likely claim links."""

from __future__ import annotations

from finder_sides import link, side

from core.discrepancies.renamings import MIN_LINK, renamings
from core.model import Alignment


def linked(sa, sb, score: float) -> list[Alignment]:
    return [link(sa, sb, 1, 1, score)]


A = "Tech news.\n\nJob cuts followed at Northwind Corp and Contoso Ltd, the report said."
B = "Tech news.\n\nJob cuts followed at Northwind Corp and Fabrikam Inc, the report said."


def test_another_company_in_one_claim_is_an_entity_discrepancy():
    sa, sb = side(A), side(B)
    [f] = renamings(sa, sb, linked(sa, sb, MIN_LINK + 0.1))
    assert f.kind == "entity"
    assert (sa.text[f.a[0] : f.a[1]], sb.text[f.b[0] : f.b[1]]) == ("Contoso Ltd", "Fabrikam Inc")


def test_a_link_below_the_bar_is_not_read_and_a_renaming_ranks_last():
    sa, sb = side(A), side(B)
    assert renamings(sa, sb, linked(sa, sb, MIN_LINK - 0.1)) == []
    [f] = renamings(sa, sb, linked(sa, sb, 0.9))
    assert f.weight < 0.35  # below every omission: the budget lets it go first


def test_initials_written_for_a_name_are_that_name():
    sa = side("Storm.\n\nThe Northern Weather Office said the storm would weaken by Monday.")
    sb = side("Storm.\n\nThe storm would weaken by Monday, NWO forecasters said on Sunday.")
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []


def test_one_name_in_british_and_american_spelling_is_not_renamed():
    sa = side("Volcano.\n\nThe Centre of Volcanology and Hazard Mitigation raised the alert.")
    sb = side("Volcano.\n\nThe Center of Volcanology and Hazard Mitigation raised the alert.")
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []


def test_two_bodies_named_by_initials_only_are_not_a_renaming():
    sa = side("Tech news.\n\nJob cuts followed at NWC and CTL, the report said on Monday.")
    sb = side("Tech news.\n\nJob cuts followed at NWC and FBK, the report said on Monday.")
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []


def test_a_name_the_other_story_gives_elsewhere_is_another_actor():
    b = B + " Analysts had expected cuts at Contoso Ltd too."
    sa, sb = side(A), side(b)
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []
    a = A + " Fabrikam Inc had warned of cuts in March."
    sa, sb = side(a), side(B)
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []


def test_a_name_written_with_and_without_its_hyphen_is_one_name():
    sa = side("Cabinet.\n\nThe sanctions named Interior Minister Ilan Bar Tov, officials said.")
    sb = side(
        "Cabinet.\n\nThe sanctions named Bar-Tov, the interior minister, officials said. "
        "Ilan Bar-Tov called them a disgrace."
    )
    assert renamings(sa, sb, linked(sa, sb, 0.9)) == []
