"""Claims two linked sentences word differently."""

from __future__ import annotations

from finder_sides import link, side

from core.discrepancies.rewordings import rewordings


def test_other_verbs_in_one_claim_are_low_wording():
    a = side("Audit.\n\nThe auditors could not certify the harbour accounts on Monday.")
    b = side("Audit.\n\nOn Monday the auditors refused to sign the harbour accounts.")
    found = rewordings(a, b, [link(a, b, 1, 1, 0.6)])
    assert [(f.kind, f.severity) for f in found] == [("wording", "low")]


def test_a_speaker_quoted_in_other_words_is_a_medium_quote():
    a = side('Audit.\n\nThe mayor said: "I accept full blame for the harbour accounts."')
    b = side('Audit.\n\nThe mayor said: "I take full blame for the harbour accounts."')
    found = rewordings(a, b, [link(a, b, 1, 1, 0.6)])
    assert [(f.kind, f.severity) for f in found] == [("quote", "medium")]
    assert '"accept" vs "take"' in found[0].summary


def test_words_news_writes_for_one_another_are_no_rewording():
    a = side("Court.\n\nThe harbour master was sent to jail on Monday for fraud.")
    b = side("Court.\n\nOn Monday the harbour master was sent to prison for fraud.")
    assert rewordings(a, b, [link(a, b, 1, 1, 0.6)]) == []
