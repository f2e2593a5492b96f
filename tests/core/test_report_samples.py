"""Hand-built reports shared by the report tests, and checks that they are coherent.

Built without the project file so the renderers can be tested on exact,
hostile or edge-case content that the engine would never produce on its own.
Other report tests import ``sample_report`` and ``hostile_report`` from here.
"""

from __future__ import annotations

from core.report.report_records import (
    ArticleRef,
    Counts,
    EventSection,
    Excerpt,
    OrphanNote,
    PairSection,
    ReportData,
    ReportFilters,
    ReportItem,
)

PLANET = ArticleRef(
    id=1,
    title="Warehouse fire at the harbour kills 12",
    source="Daily Planet",
    author="Lois Lane",
    published="2026-11-02",
    url="https://planet.example/news/harbour-fire",
)
GAZETTE = ArticleRef(
    id=2,
    title="Harbour blaze: 15 dead, mayor says",
    source="The Gazette",
    author="",
    published="2026-11-03",
    url="https://gazette.example/2026/11/03/blaze",
)
FILTERS = ReportFilters(
    scope="project",
    scope_label="",
    statuses=("open", "confirmed", "follow-up"),
    kinds=("number", "date", "quote", "attribution", "negation", "entity", "wording", "omission"),
    min_severity="low",
    order="severity",
)


def _excerpt(text: str, *words: str) -> Excerpt:
    marks = tuple((text.index(w), text.index(w) + len(w)) for w in words)
    return Excerpt(text, 100, 100 + len(text), marks)


def sample_items() -> tuple[ReportItem, ...]:
    return (
        ReportItem(
            number=1,
            discrepancy_id="num-5f1c",
            kind="number",
            severity="high",
            summary="Death toll: 12 vs 15",
            user_made=False,
            a=_excerpt("The fire killed 12 people, the fire service said.", "12"),
            b=_excerpt("The fire killed 15 people, Mayor Ruiz said on Monday.", "15"),
            status="confirmed",
            verdict="inaccurate",
            note="Fire service bulletin of 3 Nov confirms 12 dead; the Gazette quotes the mayor's early estimate.",
            reviewer="Ana Lima",
            updated="2026-11-20T14:02:11Z",
        ),
        ReportItem(
            number=2,
            discrepancy_id="quo-77aa",
            kind="quote",
            severity="medium",
            summary="Quote differs: “under control” vs “contained”",
            user_made=False,
            a=_excerpt("“The blaze is under control,” Chief Okafor said.", "under control"),
            b=_excerpt("“The blaze is contained,” Chief Okafor told reporters.", "contained"),
        ),
        ReportItem(
            number=3,
            discrepancy_id="u-0001",
            kind="omission",
            severity="low",
            summary="Only the Planet mentions the 2019 inspection",
            user_made=True,
            a=_excerpt("The warehouse failed a safety inspection in 2019."),
            b=None,
            status="follow-up",
            verdict="",
            note="Ask the port authority for the inspection report.",
            reviewer="Ben Ode",
            updated="2026-11-21T09:30:00Z",
        ),
    )


def sample_report() -> ReportData:
    items = sample_items()
    counts = Counts(
        total=3,
        by_kind=(("number", 1), ("quote", 1), ("omission", 1)),
        by_severity=(("high", 1), ("medium", 1), ("low", 1)),
        by_status=(("open", 1), ("confirmed", 1), ("follow-up", 1)),
    )
    pair = PairSection(id=1, a=PLANET, b=GAZETTE, found=4, counts=counts, items=items)
    orphan = OrphanNote(
        pair_id=1,
        pair_label="Pair 1: Daily Planet vs The Gazette",
        discrepancy_id="dat-9e02",
        status="confirmed",
        verdict="accurate",
        note="Date checked against the court record.",
        reviewer="Ana Lima",
        updated="2026-11-19T16:45:00Z",
    )
    return ReportData(
        project_name="Harbour fire",
        generated="2026-11-25T12:00:00Z",
        reviewers=("Ana Lima", "Ben Ode"),
        filters=FILTERS,
        articles=(PLANET, GAZETTE),
        events=(EventSection(id=1, label="Harbour warehouse fire", pairs=(pair,)),),
        orphans=(orphan,),
        counts=counts,
    )


#: Untrusted strings that must come out as plain text in every format.
ATTACKS = (
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "<div onclick='alert(1)'>raw block</div>",
    "<iframe src='https://evil.example'></iframe>",
    "# Fake heading",
    "| fake | table |",
    "- fake list item",
    "1. fake numbered item",
    "*emphasis* __strong__ `code`",
    "text {: onclick=alert(1) }",
    "![pixel](https://evil.example/p.png)",
    "<https://evil.example>",
    '=HYPERLINK("https://evil.example")',
    "@SUM(A1:A2)",
    "+1+2",
    "-3+4",
    "\x02wzxhzdk:0\x03",
)


def hostile_report() -> ReportData:
    """The sample report with every untrusted field replaced by an attack string."""
    base = sample_report()
    attack = " ".join(ATTACKS)
    text = f"Before {attack} after."
    excerpt = Excerpt(text, 0, len(text), ((7, 7 + len(ATTACKS[0])),))
    item = ReportItem(
        number=1,
        discrepancy_id="<script>id</script>",
        kind="number",
        severity="high",
        summary=attack,
        user_made=True,
        a=excerpt,
        b=Excerpt("# heading\n\n<script>x</script>\n| a | b |", 0, 10, ()),
        status="open",
        verdict="[v](javascript:alert(1))",
        note=attack + "\n\n# note heading\n- list",
        reviewer="<b onmouseover=alert(1)>Eve</b>",
        updated="<script>",
    )
    hostile = ArticleRef(
        id=9,
        title=attack,
        source="<script>Outlet</script>",
        author="*Eve*",
        published="<img src=x onerror=alert(1)>",
        url="javascript:alert(1)",
    )
    pair = PairSection(id=1, a=hostile, b=hostile, found=1, counts=base.counts, items=(item,))
    orphan = base.orphans[0]
    return ReportData(
        project_name="# " + attack,
        generated=base.generated,
        reviewers=("<script>r</script>",),
        filters=base.filters,
        articles=(hostile,),
        events=(EventSection(id=1, label=attack, pairs=(pair,)),),
        orphans=(OrphanNote(**{**orphan.__dict__, "note": attack, "discrepancy_id": attack}),),
        counts=base.counts,
    )


def test_sample_marks_point_at_the_differing_words():
    item = sample_items()[0]
    assert item.a.marked_words() == ("12",)
    assert item.b.marked_words() == ("15",)


def test_sample_counts_match_items():
    data = sample_report()
    assert data.counts.total == len(data.items())
    assert sum(n for _, n in data.counts.by_status) == len(data.items())
