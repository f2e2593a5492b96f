"""Paragraphs and sentences of news text, with the cases news copy throws at a splitter."""

from __future__ import annotations

import pytest
from conftest import seed

from core.ingest.boilerplate import find_boilerplate
from core.text.segment import MAX_SENTENCE_CHARS, split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


# --- sentences ---------------------------------------------------------------

ONE_SENTENCE = [
    "Russia has amassed troops along the U.S. and U.N. borders, officials said.",
    "Blinken spoke with Wang in Geneva on Jan. 21 about the crisis.",
    "The call took place on Feb. 22 after the summit.",
    "Russian President Vladimir V. Putin ordered his forces into the region.",
    "Mr. Smith met Gov. Kathy Hochul and Sen. Chuck Schumer on Tuesday.",
    "Sen. Chuck Schumer (D-N.Y.) said the vote would happen soon.",
    "The briefing starts at 3 p.m. Friday in the East Room.",
    "The vote is set for 9 a.m. ET on Monday.",
    "She was ranked No. 3 in the world last year.",
    "“The Secretary underscored the need to preserve Ukraine’s sovereignty,” he said.",
    "“Is this really the plan?” she asked.",
    '"Will they attack?" Secretary of State Antony Blinken asked reporters.',
    "“We will not back down!” the minister said.",
    "The U.S. Secretary of State spoke first.",
    "Prices rose 3.5% to $1,200.50 in the quarter.",
    "Apple Inc. Chief Executive Tim Cook was not there.",
    "George W. Bush and Dr. Anthony Fauci attended.",
    "The U.K. Foreign Office said nothing.",
    "He arrived at 5 a.m. Tuesday and left at noon.",
    "The headline had no final punctuation",
    "Thu. May 19th, 2022",
    "Published Wed. Jan. 5, 2022 at noon.",
    "He moved to Washington, D.C. after the war.",
    "The U.S. Senate passed the bill.",
    "Author J.K. Rowling spoke.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_news_sentence_is_not_split(text):
    assert sentences(text) == [text]


SPLITS = [
    (
        "China backed Russia. The U.S. disagreed.",
        ["China backed Russia.", "The U.S. disagreed."],
    ),
    (
        "Troops moved into the U.S. It was not announced.",
        ["Troops moved into the U.S.", "It was not announced."],
    ),
    (
        "The attack happened at 3 a.m. Police arrived an hour later.",
        ["The attack happened at 3 a.m.", "Police arrived an hour later."],
    ),
    (
        "He said so in 2014. Then he changed his mind.",
        ["He said so in 2014.", "Then he changed his mind."],
    ),
    (
        "“We are ready.” Officials said the talks would resume.",
        ["“We are ready.”", "Officials said the talks would resume."],
    ),
    (
        "He lives in Washington, D.C. The city is expensive.",
        ["He lives in Washington, D.C.", "The city is expensive."],
    ),
    (
        "Is this the end? Nobody knows.",
        ["Is this the end?", "Nobody knows."],
    ),
    (
        "He wanted peace... Then the war began.",
        ["He wanted peace...", "Then the war began."],
    ),
    (
        "Prices rose 5%. 20 shops closed.",
        ["Prices rose 5%.", "20 shops closed."],
    ),
    (
        '"The new agreement is fundamental," he continued. "As long as efforts are made, China will support them."',
        [
            '"The new agreement is fundamental," he continued.',
            '"As long as efforts are made, China will support them."',
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_news_sentences_are_split(text, expected):
    assert sentences(text) == expected


def test_bullet_lines_are_their_own_sentences():
    text = "Headline here\n\n  • Oops!\n    Something went wrong.\n    Please try again later.\n"
    assert sentences(text) == [
        "Headline here",
        "• Oops!",
        "Something went wrong.",
        "Please try again later.",
    ]


def test_sentences_never_cross_a_line():
    text = "First line without a stop\nsecond line starts lowercase."
    assert sentences(text) == ["First line without a stop", "second line starts lowercase."]


def test_sentence_paragraph_numbers_follow_lines():
    text = "One. Two.\n\nThree.\nFour."
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1, 2]


def test_sentences_are_trimmed_and_ordered():
    text = "   Alpha beta.    Gamma delta!   \n\n\n  Epsilon?  "
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert [text[a:b] for a, b in spans] == ["Alpha beta.", "Gamma delta!", "Epsilon?"]
    assert spans == sorted(spans)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))


def test_run_on_text_is_cut_into_bounded_sentences():
    text = "alpha, beta; gamma " * 400 + "end. Next sentence."
    found = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in found)
    assert text[found[0].start : found[0].end].endswith(";")  # cut after a clause
    assert text[found[-1].start : found[-1].end] == "Next sentence."
    unbroken = "x" * (3 * MAX_SENTENCE_CHARS)
    assert [(s.start, s.end) for s in split_sentences(unbroken)] == [
        (0, MAX_SENTENCE_CHARS),
        (MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS),
        (2 * MAX_SENTENCE_CHARS, 3 * MAX_SENTENCE_CHARS),
    ]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []
    assert split_paragraphs("") == []


# --- paragraphs --------------------------------------------------------------


def test_paragraphs_are_non_empty_lines():
    text = "Title\n\nFirst para.\nSecond para, single newline.\n   \n  Third  \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Title",
        "First para.",
        "Second para, single newline.",
        "Third",
    ]


def test_paragraphs_treat_carriage_returns_as_breaks():
    text = "One\r\nTwo\rThree\u2028Four"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["One", "Two", "Three", "Four"]


# --- boilerplate flag ----------------------------------------------------------


def test_sentences_in_boilerplate_are_flagged():
    text = "Skip to main content\n\nReal news sentence here. Another one.\n\nSource link"
    furniture = ((0, 20), (len(text) - 11, len(text)))
    flags = [(text[s.start : s.end], s.boilerplate) for s in split_sentences(text, furniture)]
    assert flags == [
        ("Skip to main content", True),
        ("Real news sentence here.", False),
        ("Another one.", False),
        ("Source link", True),
    ]


def test_partly_covered_sentence_is_not_boilerplate():
    text = "A sentence of the article."
    assert split_sentences(text, [(0, 5)])[0].boilerplate is False


# --- seeds -------------------------------------------------------------------


def test_seed_sentences_keep_abbreviations_whole():
    text = seed("004").read_text(encoding="utf-8")
    found = sentences(text)
    assert any(
        s.startswith("A few hours earlier, Russian President Vladimir V. Putin")
        and s.endswith("if it continued to resist.")
        for s in found
    )
    assert "“Everything is being done according to a plan.”" in found


def test_seed_quote_attribution_stays_in_sentence():
    text = seed("000").read_text(encoding="utf-8")
    found = sentences(text)
    assert (
        "Chinese Foreign Minister Wang Yi told Blinken during a phone call that all parties "
        "should “remain calm and refrain from doing things that stimulated tensions,” according "
        "to a statement from Beijing’s foreign ministry."
    ) in found


def test_seed_caption_sentences_are_boilerplate():
    text = seed("001").read_text(encoding="utf-8")
    found = split_sentences(text, find_boilerplate(text))
    credits = [s for s in found if "via Getty Images" in text[s.start : s.end]]
    assert credits and all(s.boilerplate for s in credits)
    body = [s for s in found if text[s.start : s.end].startswith("Hours before the call")]
    assert body and not body[0].boilerplate


def test_long_run_of_initials_is_linear():
    # Each initial asks about the word before it; reading the whole sentence
    # for that made 20,000 initials take minutes. Linear, this is instant.
    initials = " ".join(f"{chr(65 + i % 26)}." for i in range(20_000))
    text = f"Mr. {initials} Smith said the vote was close. It was."
    sentences = split_sentences(text)
    assert sentences[0].start == 0
    assert text[sentences[-1].start : sentences[-1].end] == "It was."
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)


# --- scraping damage ------------------------------------------------------------


def test_sentence_end_without_its_space_still_splits():
    text = "Forensic checks are underway.Investigators have found a car."
    assert sentences(text) == ["Forensic checks are underway.", "Investigators have found a car."]


def test_a_capitalised_word_before_a_lost_space_still_ends_the_sentence():
    text = "The toll rose, officials said on Monday.The search goes on."
    assert sentences(text) == ["The toll rose, officials said on Monday.", "The search goes on."]


def test_a_two_letter_word_before_a_lost_space_still_ends_the_sentence():
    text = "Crews spent the night clearing up.The road reopened at dawn."
    assert sentences(text) == ["Crews spent the night clearing up.", "The road reopened at dawn."]


def test_a_currency_abbreviation_before_a_figure_does_not_end_a_sentence():
    text = "He said over Rs. 1,000 crore had been released."
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Write to jane.Doe@example.org today.",
        "See example.Com/News for more.",
        "The U.S.Army said so.",
        "Shares of Amazon.com rose.",
        "Gov.Hochul spoke at noon.",
        "He moved to St.Louis in May.",
        "Mr.Smith said so.",
    ],
)
def test_glued_period_rule_leaves_addresses_and_abbreviations_whole(text):
    assert sentences(text) == [text]


def test_labelled_stamp_opening_a_line_is_its_own_furniture_sentence():
    text = " date 2023-06-05 BALASORE: The toll was revised on Sunday.\n"
    found = split_sentences(text, find_boilerplate(text))
    assert [(text[s.start : s.end], s.boilerplate) for s in found] == [
        ("date 2023-06-05", True),
        ("BALASORE: The toll was revised on Sunday.", False),
    ]


def test_unlabelled_date_opening_prose_is_not_furniture():
    text = "June 3 was the worst day of the year for the railways.\n"
    assert find_boilerplate(text) == ()
