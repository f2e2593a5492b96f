"""``factdiff cluster FILES…``: which articles report the same event, and which pairs to compare.

A file that cannot be read is reported on stderr as one line and left out;
the others are still grouped and printed, and the command then exits 1 so a
script notices the gap (2 is kept for errors that stop the command: nothing
readable, bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from core.cli.output import add_format_argument
from core.cli.wording import plural
from core.errors import FactDiffError
from core.model import Article

if TYPE_CHECKING:  # the engine (numpy) loads only when the command runs
    from core.events.grouping import EventGrouping

EXIT_SKIPPED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cluster",
        help="group articles into events and suggest pairs to compare",
        description=(
            "Group article files into events (the same story) and suggest which pairs to compare. "
            "Unreadable files are skipped with a warning and the exit status is then 1."
        ),
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="article files (.txt, .md, .html)")
    add_format_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    articles, skipped = _load(args.files)
    if not articles:
        count = len(set(args.files))
        raise FactDiffError(
            "the file could not be read"
            if count == 1
            else f"none of the {count} files could be read"
        )
    from core.events.grouping import group_events

    grouping = group_events(articles)
    paths = [a.path for a in articles]
    if args.format == "json":
        sys.stdout.write(_json(grouping, paths, skipped))
    else:
        sys.stdout.write(_text(grouping, articles))
    return EXIT_SKIPPED if skipped else 0


def _load(files: Sequence[str]) -> tuple[list[Article], list[tuple[str, str]]]:
    from core.ingest.load import load_article

    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path in files:
        if path in seen:
            continue
        seen.add(path)
        try:
            article = load_article(path)
        except (FactDiffError, OSError) as exc:
            reason = _reason(exc, path)
            skipped.append((path, reason))
            print(f"factdiff: warning: skipped {path}: {reason}", file=sys.stderr)
            continue
        articles.append(_with_path(article, path))
    return articles, skipped


def _reason(exc: Exception, path: str) -> str:
    """The error without the path the warning already names."""
    message = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return message.removeprefix(f"{path}:").strip() or message


def _with_path(article: Article, path: str) -> Article:
    """The path exactly as the user typed it, so output lines match the command line."""
    return replace(article, path=path)


def _json(grouping: EventGrouping, paths: list[str], skipped: list[tuple[str, str]]) -> str:
    document = {
        "events": [[paths[i] for i in event] for event in grouping.events],
        "pairs": [[paths[i], paths[j]] for i, j in grouping.pairs],
        "reprints": [[paths[i], paths[j]] for i, j in grouping.reprints],
        "skipped": [{"path": path, "error": error} for path, error in skipped],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(grouping: EventGrouping, articles: list[Article]) -> str:
    n_events, n_articles = len(grouping.events), len(articles)
    lines = [f"{plural(n_events, 'event')} among {plural(n_articles, 'article')}"]
    reprints = set(grouping.reprints)
    pairs_by_event: dict[int, list[tuple[int, int]]] = {}
    event_of = {i: k for k, event in enumerate(grouping.events) for i in event}
    for pair in grouping.pairs:
        pairs_by_event.setdefault(event_of[pair[0]], []).append(pair)
    for k, event in enumerate(grouping.events, start=1):
        size = len(event)
        lines += ["", f"Event {k} ({plural(size, 'article')})"]
        for i in event:
            title = f" — {articles[i].title}" if articles[i].title else ""
            lines.append(f"  {articles[i].path}{title}")
        for i, j in pairs_by_event.get(k - 1, []):
            note = "  (reprint)" if (i, j) in reprints else ""
            lines.append(f"    compare: {articles[i].path}  ↔  {articles[j].path}{note}")
    return "\n".join(lines) + "\n"
