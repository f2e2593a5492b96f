"""Events, pairs and their cached comparisons.

A comparison is computed outside the lock (it takes the engine's time) and
stored in one transaction with its discrepancy index, so counts in the pair
list never disagree with the cached result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import core
from core.errors import FactDiffError, ProjectError
from core.model import Article, Comparison
from core.store.article_store import ArticleStore
from core.store.base import now_iso
from core.store.codec import decode_comparison
from core.store.comparing import Encoded, Job, compare_articles, encode_result, run_comparisons
from core.store.event_sync import plan_events, write_events
from core.store.records import EventInfo, PairInfo

Progress = Callable[[int, int, str], None]
_PAIRS_PER_PROCESS = 8
#: Pairs sent to a process at once: enough to compare each article's pairs in
#: one place and to amortise pickling; few enough that every process gets
#: several batches (work stays balanced) and progress moves every second or so.
_MAX_BATCH = 16
_BATCHES_PER_PROCESS = 4
_log = logging.getLogger(__name__)

_PAIR_QUERY = """
SELECT p.id, p.a_id, p.b_id, p.event_id, p.origin, c.engine_version, c.similarity,
    (SELECT count(*) FROM discrepancies d WHERE d.pair_id = p.id),
    (SELECT count(*) FROM discrepancies d LEFT JOIN annotations an
        ON an.pair_id = d.pair_id AND an.disc_id = d.disc_id
        WHERE d.pair_id = p.id AND coalesce(an.status, 'open') = 'open'),
    (SELECT count(*) FROM discrepancies d JOIN annotations an
        ON an.pair_id = d.pair_id AND an.disc_id = d.disc_id
        WHERE d.pair_id = p.id AND an.status = 'confirmed')
FROM pairs p LEFT JOIN comparisons c ON c.pair_id = p.id
"""


def _pair_info(row: tuple) -> PairInfo:
    pair_id, a_id, b_id, event_id, origin, engine, similarity, n_disc, n_open, n_conf = row
    fresh = engine == core.ENGINE_VERSION
    return PairInfo(
        pair_id, a_id, b_id, event_id, origin, fresh, n_disc, n_open, n_conf,
        similarity, stale=engine is not None and not fresh,
    )  # fmt: skip


class PairStore(ArticleStore):
    # -- events -------------------------------------------------------------

    def group_events(self) -> list[EventInfo]:
        """Re-run the engine's event grouping; user pairs and annotated pairs are kept."""
        self._require_writable()
        ids, articles = self._load_all_articles()
        plan = plan_events(ids, articles)
        with self._writing() as conn:
            write_events(conn, plan, now_iso())
        return self.events()

    def events(self) -> list[EventInfo]:
        with self._reading() as conn:
            rows = conn.execute("SELECT id, label FROM events ORDER BY id").fetchall()
            members = conn.execute(
                "SELECT event_id, article_id FROM event_articles ORDER BY event_id, article_id"
            ).fetchall()
        by_event: dict[int, list[int]] = {}
        for event_id, article_id in members:
            by_event.setdefault(event_id, []).append(article_id)
        return [EventInfo(eid, label, tuple(by_event.get(eid, ()))) for eid, label in rows]

    # -- pairs --------------------------------------------------------------

    def pairs(self) -> list[PairInfo]:
        with self._reading() as conn:
            rows = conn.execute(_PAIR_QUERY + " ORDER BY p.id").fetchall()
        return [_pair_info(row) for row in rows]

    def pair(self, pair_id: int) -> PairInfo:
        with self._reading() as conn:
            row = conn.execute(_PAIR_QUERY + " WHERE p.id = ?", (pair_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no pair {pair_id} in this project")
        return _pair_info(row)

    def add_pair(self, a_id: int, b_id: int) -> int:
        """Pair two articles (A on the left); returns the existing id if already paired so."""
        if a_id == b_id:
            raise ProjectError("an article cannot be compared with itself")
        with self._writing() as conn:
            for article_id in (a_id, b_id):
                if not conn.execute(
                    "SELECT 1 FROM articles WHERE id = ?", (article_id,)
                ).fetchone():
                    raise ProjectError(f"no article {article_id} in this project")
            found = conn.execute(
                "SELECT id FROM pairs WHERE a_id = ? AND b_id = ?", (a_id, b_id)
            ).fetchone()
            if found:
                return int(found[0])
            cursor = conn.execute(
                "INSERT INTO pairs (a_id, b_id, event_id, origin, created) VALUES (?, ?, "
                "(SELECT x.event_id FROM event_articles x JOIN event_articles y "
                " ON x.event_id = y.event_id WHERE x.article_id = ? AND y.article_id = ? LIMIT 1),"
                " 'user', ?)",
                (a_id, b_id, a_id, b_id, now_iso()),
            )
            return int(cursor.lastrowid)

    def remove_pair(self, pair_id: int) -> None:
        """Remove a pair with its comparison, annotations and user-made discrepancies."""
        with self._writing() as conn:
            if conn.execute("DELETE FROM pairs WHERE id = ?", (pair_id,)).rowcount == 0:
                raise ProjectError(f"no pair {pair_id} in this project")

    def _pair_articles(self, pair_id: int) -> tuple[Article, Article]:
        with self._reading() as conn:
            row = conn.execute("SELECT a_id, b_id FROM pairs WHERE id = ?", (pair_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no pair {pair_id} in this project")
        return self._load_article(row[0]), self._load_article(row[1])

    # -- comparisons --------------------------------------------------------

    def comparison(self, pair_id: int) -> Comparison:
        """The pair's comparison: from the cache when this engine made it, else computed now.

        A read-only project computes but cannot keep the result.
        """
        a, b = self._pair_articles(pair_id)
        with self._reading() as conn:
            row = conn.execute(
                "SELECT data FROM comparisons WHERE pair_id = ? AND engine_version = ?",
                (pair_id, core.ENGINE_VERSION),
            ).fetchone()
        if row is not None:
            return decode_comparison(row[0], a, b)
        comparison = compare_articles(a, b)
        if not self.readonly:
            self._store_comparison(pair_id, encode_result(comparison))
        return comparison

    def compare_all(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int = 1,
    ) -> int:
        """Compare every pair without a result from this engine; returns how many were done.

        Each result is committed as soon as it is ready, so cancelling or a
        crash keeps everything finished so far.
        """
        self._require_writable()
        todo = self._pairs_to_compare()
        # Starting a process costs about as much as several comparisons.
        workers = max(1, min(workers, len(todo) // _PAIRS_PER_PROCESS))
        done, failed = 0, []
        if progress:
            progress(0, len(todo), "")
        batch = max(1, min(_MAX_BATCH, len(todo) // (workers * _BATCHES_PER_PROCESS)))
        outcomes = run_comparisons(self._jobs(todo), workers, cancelled, compare_articles, batch)
        for pair_id, outcome in outcomes:
            if isinstance(outcome, Exception):
                # A reason the user can act on is reported once, in one line, not as a traceback.
                if isinstance(outcome, FactDiffError):
                    _log.debug("comparing pair %s failed: %s", pair_id, outcome)
                else:
                    _log.error("comparing pair %s failed", pair_id, exc_info=outcome)
                failed.append((pair_id, outcome))
            elif self._store_comparison(pair_id, outcome):
                done += 1
            if progress:
                progress(done + len(failed), len(todo), _label(outcome))
        if failed:
            raise _comparison_failures(failed, done)
        return done

    def _pairs_to_compare(self) -> list[int]:
        """Pairs without this engine's result, an event's together (they share articles)."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT p.id FROM pairs p LEFT JOIN comparisons c ON c.pair_id = p.id "
                "WHERE c.engine_version IS NOT ? "
                "ORDER BY p.event_id IS NULL, p.event_id, p.id",
                (core.ENGINE_VERSION,),
            ).fetchall()
        return [row[0] for row in rows]

    def _jobs(self, pair_ids: list[int]) -> Iterator[Job]:
        for pair_id in pair_ids:
            try:
                a, b = self._pair_articles(pair_id)
            except ProjectError:
                continue  # removed while we were comparing others
            yield pair_id, a, b

    def _store_comparison(self, pair_id: int, result: Encoded) -> bool:
        """Cache a result with its discrepancy index; False if the pair vanished meanwhile."""
        with self._writing() as conn:
            if not conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone():
                return False
            conn.execute(
                "INSERT OR REPLACE INTO comparisons "
                "(pair_id, engine_version, similarity, computed_at, data) VALUES (?, ?, ?, ?, ?)",
                (pair_id, core.ENGINE_VERSION, result.similarity, now_iso(), result.blob),
            )
            conn.execute(
                "DELETE FROM discrepancies WHERE pair_id = ? AND origin = 'engine'", (pair_id,)
            )
            conn.executemany(
                "INSERT OR IGNORE INTO discrepancies (pair_id, disc_id, kind, severity, origin) "
                "VALUES (?, ?, ?, ?, 'engine')",
                [(pair_id, *entry) for entry in result.index],
            )
        return True


def _label(outcome: Encoded | Exception) -> str:
    return "failed" if isinstance(outcome, Exception) else outcome.label


def _comparison_failures(failed: list[tuple[int, Exception]], done: int) -> ProjectError:
    pair_id, exc = failed[0]
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ProjectError(
        f"{len(failed)} pair(s) could not be compared, {done} were (pair {pair_id}: {reason})"
    )
