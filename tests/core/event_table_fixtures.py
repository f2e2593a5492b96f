"""Three invented reports of one invented bridge collapse, for the fact-table tests.

The Herald and the Courier agree on the toll; the Ledger gives another one,
names another day and credits the toll to another source.
"""

from __future__ import annotations

from core.model import Article

HERALD = Article(
    text=(
        "Bridge collapse in Dunmore kills 14\n\n"
        "A road bridge over the Avel river collapsed in Dunmore on Tuesday, killing 14 people "
        "and injuring 31, the regional fire service said.\n\n"
        "“We are still searching the water for survivors,” fire chief Maren Holt told reporters.\n\n"
        "The bridge was built in 1968 and had been closed for repairs twice."
    ),
    title="Bridge collapse in Dunmore kills 14",
    source="Dunmore Herald",
    published="2031-03-05",
    path="herald.txt",
)
COURIER = Article(
    text=(
        "Fourteen dead as Dunmore bridge falls into the Avel\n\n"
        "A road bridge over the Avel river collapsed in Dunmore on Tuesday, killing 14 people, "
        "the regional fire service said.\n\n"
        "“We are still searching the water for survivors,” fire chief Maren Holt said.\n\n"
        "Repairs worth 2 million euros were due to start in May."
    ),
    title="Fourteen dead as Dunmore bridge falls into the Avel",
    source="Courier",
    published="2031-03-05",
    path="courier.txt",
)
LEDGER = Article(
    text=(
        "Dunmore bridge disaster\n\n"
        "A road bridge over the Avel river collapsed in Dunmore on Wednesday, killing 12 people, "
        "according to the police.\n\n"
        "“We are still searching the river for survivors,” fire chief Maren Holt said.\n\n"
        "Traffic has been diverted through the old town."
    ),
    title="Dunmore bridge disaster",
    source="",
    published="2031-03-06",
    path="saved/ledger-page.txt",
)
ARTICLES = (HERALD, COURIER, LEDGER)


def make_bridge_project(path, monkeypatch, *, compared: bool = False):
    """A project holding the three reports as one event, with the pair Herald–Ledger
    (compared when asked); returns the path."""
    from core.store import Project
    from core.store.event_sync import EventPlan

    monkeypatch.setattr(
        "core.store.pair_store.plan_events",
        lambda ids, articles: EventPlan([("Dunmore bridge", tuple(ids))], [(ids[0], ids[2])]),
    )
    with Project.create(path, name="Bridge") as p:
        p.reviewer = "Ana"
        for article in ARTICLES:
            p.add_article(article)
        p.group_events()
        if compared:
            p.compare_all()
    monkeypatch.undo()
    return path
