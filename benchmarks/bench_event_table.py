"""Time to build an event's fact table for events of 5 and of 10 articles.

Run: ``python benchmarks/bench_event_table.py [--runs N] [--words W]``. The
articles are synthetic reports of one event (``synthetic_news.py``: each
outlet paraphrases the same facts and gets a few of them wrong), about
``--words`` words each. Printed per event size, as median wall / CPU
milliseconds:

* **cold** — the table as the window first opens it: every article read
  afresh (sentences, facts), then every pair matched;
* **warm** — the same event again (articles already read: only the matching);
* **project** — ``Project.event_table`` on a project file holding the event
  (loading the articles from the file, then a cold build).

Target: cold ≤ 300 ms for 10 articles.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _timing import median_seconds  # noqa: E402
from synthetic_news import generate  # noqa: E402

from core.compare import clear_caches  # noqa: E402
from core.events.fact_table import build_event_table, forget_articles  # noqa: E402
from core.model import Article  # noqa: E402

TARGET_MS = 300.0


def event_articles(n: int, words: int) -> list[Article]:
    """``n`` reports of one synthetic event, each by its own outlet name."""
    stories = generate(events=1, variants=n, words=words, seed=11)
    return [
        Article(
            s.text, s.title, f"{s.outlet} {i + 1}", path=f"story-{i}.txt", published=s.published
        )
        for i, s in enumerate(stories)
    ]


def _cold(articles: list[Article]) -> None:
    clear_caches()
    forget_articles()
    build_event_table(articles)


def _project_time(articles: list[Article], runs: int) -> tuple[float, float]:
    from core.store import Project
    from core.store.event_sync import EventPlan, write_events

    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "bench.factdiff") as project,
    ):
        ids = [r.article_id for r in project.add_articles(articles)]
        with project._writing() as conn:
            write_events(conn, EventPlan([("event", tuple(ids))], []), "2024-01-01")
        (event,) = project.events()

        def job() -> None:
            clear_caches()
            forget_articles()
            project.event_table(event.id)

        return median_seconds(job, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--words", type=int, default=800)
    args = parser.parse_args()
    for n in (5, 10):
        articles = event_articles(n, args.words)
        table = build_event_table(articles)
        cold = median_seconds(lambda a=articles: _cold(a), args.runs)
        build_event_table(articles)
        warm = median_seconds(lambda a=articles: build_event_table(a), args.runs)
        project = _project_time(articles, args.runs)
        words = sum(len(a.text.split()) for a in articles) // n
        print(
            f"event of {n:2} articles (~{words} words each, {len(table.rows)} rows, "
            f"{table.disagreeing} disagreeing):"
        )
        for name, (wall, cpu) in (("cold", cold), ("warm", warm), ("project", project)):
            print(f"  {name:8} {wall * 1000:7.1f} ms wall  {cpu * 1000:7.1f} ms CPU")
        if n == 10:
            verdict = "met" if cold[0] * 1000 <= TARGET_MS else "NOT met"
            print(f"target: cold ≤ {TARGET_MS:.0f} ms for 10 articles — {verdict}")


if __name__ == "__main__":
    main()
