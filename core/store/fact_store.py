"""Events' fact tables: built from the project's articles, with reviewers' decisions kept.

The table itself is the engine's (:mod:`core.events.fact_table`); the project file
adds what only it knows — which articles an event has, the alignments of
pairs it already compared (so figures in aligned sentences meet as they do in
the comparison), and what reviewers decided about rows.
"""

from __future__ import annotations

import core
from core.errors import ProjectError
from core.events.fact_table import DECISIONS, EventTable, build_event_table
from core.model import Alignment, Article
from core.store.base import now_iso
from core.store.codec import decode_comparison
from core.store.metadata_store import MetadataStore


class FactTableStore(MetadataStore):
    def event_table(self, event_id: int) -> EventTable:
        """The fact table of one event, its rows decided as reviewers decided them."""
        event = next((e for e in self.events() if e.id == event_id), None)
        if event is None:
            raise ProjectError(f"no event {event_id} in this project")
        ids = list(event.article_ids)
        articles = {i: self._load_article(i) for i in ids}
        return build_event_table(
            list(articles.values()),
            ids,
            alignments=self._cached_alignments(articles),
            decisions=self.fact_decisions(),
            event_id=event.id,
            label=event.label,
        )

    def _cached_alignments(
        self, articles: dict[int, Article]
    ) -> dict[tuple[int, int], tuple[Alignment, ...]]:
        """Alignments of the event's pairs this engine already compared (nothing is computed)."""
        marks = ", ".join("?" * len(articles))
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT p.a_id, p.b_id, c.data FROM pairs p JOIN comparisons c "
                f"ON c.pair_id = p.id WHERE c.engine_version = ? AND p.a_id IN ({marks}) "
                f"AND p.b_id IN ({marks})",
                (core.ENGINE_VERSION, *articles, *articles),
            ).fetchall()
        return {
            (a_id, b_id): decode_comparison(data, articles[a_id], articles[b_id]).alignments
            for a_id, b_id, data in rows
        }

    def fact_decisions(self) -> dict[str, str]:
        """Every decided row: its key → ``accepted`` or ``split``."""
        with self._reading() as conn:
            rows = conn.execute("SELECT row_key, decision FROM fact_decisions").fetchall()
        return dict(rows)

    def decide_fact_row(self, row_key: str, decision: str, reviewer: str | None = None) -> None:
        """Record that a row's cells are one fact (``accepted``) or not (``split``);
        an empty decision forgets an earlier one."""
        if decision and decision not in DECISIONS:
            raise ProjectError(f"not a decision: {decision} (choose {' or '.join(DECISIONS)})")
        key = row_key.strip()
        if not key:
            raise ProjectError("no fact-table row given")
        signer = " ".join((reviewer or "").split()) or self.reviewer
        with self._writing() as conn:
            if not decision:
                conn.execute("DELETE FROM fact_decisions WHERE row_key = ?", (key,))
                return
            conn.execute(
                "INSERT OR REPLACE INTO fact_decisions (row_key, decision, reviewer, at) "
                "VALUES (?, ?, ?, ?)",
                (key, decision, signer, now_iso()),
            )
