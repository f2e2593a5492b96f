"""Site furniture is marked line by line; article prose never is."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.boilerplate import BoilerplateIndex, find_boilerplate
from core.resources_path import resource


def marked_lines(text: str) -> list[str]:
    return [text[s:e] for s, e in find_boilerplate(text)]


def seed_text(prefix: str) -> str:
    return seed(prefix).read_text(encoding="utf-8")


FURNITURE = [
    "Skip to main content",
    "The mayor speaks at the harbour in May 2023. (Ana Ruiz/Harbor Ledger )",
    "Oops! Something went wrong. Please try again later.",
    "  • Oops!",
    "Something went wrong.",
    "Source link",
    "By admin",
    "Leave a Reply",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Thu. May 19th, 2022",
    "January 27, 2022 5:02pm",
    "Updated: January 27, 2022 5:02pm",
    "nation Updated: Mar 14, 2021 09:41 IST",
    "World News Published: March 3, 2024 at 10:15 am",
    "Updated:",
    "Published 3 hours ago",
    "0:00",
    "12:45",
    "* * *",
    "Politics",
    "World News",
    "Advertisement",
    "Share this article",
    "Facebook Twitter Email",
    "Facebook | Twitter | WhatsApp",
    "Alex Brandon/AFP via Getty Images",
    "U.S. Secretary of State Antony Blinken looks on in Geneva on Jan. 21, 2022. Alex Brandon/AFP via Getty Images",
    "Xi Jinping meets Vladimir Putin in Beijing. (Alexei Druzhinin/Sputnik/AFP via Getty Images)",
    "Residents flee the city. (Photo by Jane Doe/Reuters)",
    "Photo: John Smith",
    "Pictured: the moment talks collapsed, in a video released on Monday",
    "Troops leave the base on Monday. Photograph: Jane Doe for The Guardian",
    "© 2022 Example Media. All rights reserved.",
    "Copyright 2022 The Associated Press",
    "https://www.example.com/news/article-123",
    "5 min read",
    "Listen to this article",
    # bylines and credit lines: metadata, not claims
    "By Ingrid Sollen, Harbor Ledger",
    "By INGRID SOLLEN and PER DAHL",
    "By J. K. Rowling",
    "By Jean-Luc van der Berg, Reuters",
    "Posted by Jane O’Neil",
    "By Ingrid Sollen | May 3, 2024",
    "Coastal Wire staff",
    "Guardian staff and agencies",
    "Staff Reporter",
    "Authors: Jacob Fromer, Mark Magnier, SCMP",
    "Reporting by Jane Doe in London; Editing by John Stonestreet",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_marked(line):
    text = (
        f"A real first line of prose about the talks.\n\n{line}\n\nAnother line of article prose."
    )
    assert marked_lines(text) == [line.strip()]


CONTENT = [
    "Reuters contributed to this report.",
    "Blinken spoke with Wang on Jan. 27, 2022, according to the State Department.",
    "The statement was distributed via Reuters on Tuesday.",
    "The photo showed the two leaders shaking hands in Beijing.",
    "China said the U.S. should stop interfering, AFP reported.",
    "Wang told Blinken: “Stop playing with fire.”",
    "Something went wrong with the negotiations, officials said.",
    "Leave a reply to the ministry within 30 days, the letter said.",
    "He was updated on the situation at 5:02 p.m. by his staff.",
    "The policy was published on Monday.",
    "The ministry updated: March 3, 2024 figures showed a rise.",
    "Officials published March 3, 2024 as the deadline",
    "Politics in Ukraine has been turbulent since 2014.",
    "Satellite images by Maxar show a build-up near the border",
    # sentences that open like a byline but state something
    "By Monday, the fire had been put out.",
    "By and large, the talks went well.",
    "By the end of the day, 40 people had been rescued.",
    "By Tuesday evening, rescue boats had reached the ferry",
    "By 2030, emissions must halve.",
    "By Ingrid Sollen’s count, 40 people died.",
    "Authors of the report said the figures were preliminary.",
    "The hospital staff worked through the night.",
    "Staff said the ferry was safe.",
    "The deal (Ana Ruiz/Harbor Ledger) was signed on Monday.",
    "Both parties agreed on the budget (Labour/Greens).",
]


@pytest.mark.parametrize("line", CONTENT)
def test_article_prose_is_not_marked(line):
    text = f"Headline of the story here\n\n{line}\n\nAnother line of article prose."
    assert marked_lines(text) == []


def test_spans_are_whole_trimmed_lines_in_order():
    text = "  Skip to main content  \nBody text of the article goes here.\n\tSource link\t\n"
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == ["Skip to main content", "Source link"]
    assert list(spans) == sorted(spans)


def test_repeated_caption_marks_the_later_copy():
    caption = "Protesters gather outside the parliament building in Kyiv on Monday evening"
    text = f"Headline\n\n{caption}\n\nBody sentence one.\n\n{caption}.\n\nBody sentence two."
    assert marked_lines(text) == [f"{caption}."]


def test_short_repeated_lines_are_not_duplicates():
    text = "He said no.\n\nShe agreed.\n\nHe said no."
    assert marked_lines(text) == []


def test_empty_text_has_no_boilerplate():
    assert find_boilerplate("") == ()
    assert find_boilerplate("\n\n  \n") == ()


# --- seeds -------------------------------------------------------------------


def test_seed_000_furniture():
    assert marked_lines(seed_text("000")) == [
        "Skip to main content",
        "Politics",
        "January 27, 2022 5:02pm",
        "Updated: January 27, 2022 5:02pm",
    ]


def test_seed_001_furniture():
    marked = marked_lines(seed_text("001"))
    assert "Updated:" in marked
    assert "0:00" in marked
    credits = [line for line in marked if "via Getty Images" in line]
    assert len(credits) == 3  # the top caption and both copies of the repeated one
    assert "Reuters contributed to this report." not in marked
    # the headline is printed twice: the second copy is furniture, the first is not
    text = seed_text("001")
    headline = "Blinken Speaks With China’s Foreign Minister Amid Ukraine Crisis"
    first_span = find_boilerplate(text)[0]
    assert text[slice(*first_span)] == headline
    assert first_span[0] == text.index(headline, 1)


def test_seed_002_furniture():
    assert marked_lines(seed_text("002")) == [
        "Thu. May 19th, 2022",
        "Source link",
        "By admin",
        "Leave a Reply",
        "Your email address will not be published.",
    ]


def test_seed_003_furniture():
    assert marked_lines(seed_text("003")) == [
        "• Oops!",
        "Something went wrong.",
        "Please try again later.",
    ]


def test_seed_004_author_line_is_furniture():
    assert marked_lines(seed_text("004")) == ["Authors: Jacob Fromer, Mark Magnier, SCMP"]


def test_demo_bylines_are_furniture():
    """Each demo article names its author or desk under the headline; neither is compared."""
    demo = resource("demo")
    assert "By Ingrid Sollen, Harbor Ledger" in marked_lines(
        (demo / "harbor-ledger.txt").read_text(encoding="utf-8")
    )
    assert "Coastal Wire staff" in marked_lines(
        (demo / "coastal-wire.txt").read_text(encoding="utf-8")
    )


# --- index -------------------------------------------------------------------


def test_index_covers_and_touches():
    index = BoilerplateIndex([(30, 40), (0, 10), (8, 12)])  # unsorted, overlapping
    assert index.covers(0, 12) and index.covers(2, 5) and index.covers(30, 40)
    assert not index.covers(11, 14) and not index.covers(25, 31) and not index.covers(41, 45)
    assert index.touches(11, 14) and index.touches(25, 31) and index.touches(39, 50)
    assert not index.touches(12, 30) and not index.touches(40, 45)


def test_empty_index():
    index = BoilerplateIndex([])
    assert not index.covers(0, 1) and not index.touches(0, 100)


SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, 80), st.integers(1, 20))
def test_index_agrees_with_a_plain_scan(spans, start, length):
    end = start + length
    index = BoilerplateIndex(spans)
    inside = {i for s, e in spans for i in range(s, e)}
    assert index.covers(start, end) == all(i in inside for i in range(start, end))
    assert index.touches(start, end) == any(i in inside for i in range(start, end))


# --- mastheads: outlet and author lines without an opener ----------------------


def test_outlet_lines_under_the_headline_are_furniture():
    text = (
        "Ferry Fire Off Vessmark\n\nIsland Gazette, from Coastal Wire\nMarch 14, 2025\n\n"
        "A fire broke out on the ferry on Wednesday.\n\nRescue Effort\n\n"
        "Boats reached the ferry within 40 minutes.\n\nHarbor Ledger"
    )
    assert marked_lines(text) == [
        "Island Gazette, from Coastal Wire",
        "March 14, 2025",
        "Harbor Ledger",
    ]


def test_title_case_headline_and_subheads_are_never_mastheads():
    text = (
        "Ferry Fire Off Vessmark\n\nA fire broke out on the ferry on Wednesday.\n\n"
        "Rescue Effort\n\nBoats reached the ferry within 40 minutes.\n\n"
        "Ferry Operator Thanks Rescue Staff\n\nThe operator praised the crew."
    )
    assert marked_lines(text) == []
