"""``factdiff project …``: build and inspect a project file without the window.

Scripts rely on the exit codes: 0 success, 1 when some files of an import
failed (the rest were imported), 2 for an error that stopped the command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from core.cli.output import add_format_argument
from core.cli.wording import plural
from core.errors import FactDiffError
from core.store.records import STATUSES, VERDICTS, ProjectStatus

if TYPE_CHECKING:  # the store (sqlite-utils) loads only when an action runs
    from core.store import Project


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "project",
        help="create, fill, compare and inspect a .factdiff project file",
        description="Work with a .factdiff project file (docs/project-file.md).",
    )
    commands = parser.add_subparsers(dest="project_command", metavar="ACTION")
    parser.set_defaults(handler=lambda _args: _usage(parser))
    _register_new(commands)
    _register_add(commands)
    _register_compare(commands)
    _register_status(commands)
    _register_list(commands)
    _register_annotate(commands)
    _register_check(commands)
    _register_verify(commands)
    _register_refetch(commands)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# -- new ---------------------------------------------------------------------


def _register_new(commands: argparse._SubParsersAction) -> None:
    p = _add_action(commands, "new", "create an empty project file", _new)
    p.add_argument("--name", help="the project's name (default: the file name)")


def _new(args: argparse.Namespace) -> int:
    from core.store import Project

    with Project.create(args.file, name=args.name) as project:
        print(f"created {project.path} ({project.name})")
    return 0


# -- add ---------------------------------------------------------------------


def _register_add(commands: argparse._SubParsersAction) -> None:
    p = _add_action(
        commands, "add", "import article files and folders", _add, file_help="the project file"
    )
    p.add_argument(
        "paths", metavar="PATH", nargs="+", help="article files, or folders of .txt/.md/.html"
    )


def _add(args: argparse.Namespace) -> int:
    with _open_writable(args.file) as project, ProgressLine(sys.stderr, "importing") as bar:
        report = project.import_files(args.paths, progress=bar.update)
    for path, reason in report.errors:
        print(f"factdiff: {path}: {reason}", file=sys.stderr)
    print(
        f"added {plural(len(report.added), 'article')}, "
        f"{plural(len(report.duplicates), 'duplicate')} skipped, "
        f"{plural(len(report.errors), 'file')} failed"
    )
    return 1 if report.errors else 0


# -- compare -----------------------------------------------------------------


def _register_compare(commands: argparse._SubParsersAction) -> None:
    p = _add_action(
        commands, "compare", "group articles into events and compare every suggested pair", _compare
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes to compare with (default: one per core)",
    )


def _compare(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise FactDiffError("--jobs must be at least 1")
    with _open_writable(args.file) as project:
        with ProgressLine(sys.stderr, "grouping") as bar:
            bar.note("grouping articles into events…")
            events = project.group_events()
        pairs = project.pairs()
        with ProgressLine(sys.stderr, "comparing") as bar:
            done = project.compare_all(progress=bar.update, workers=args.jobs)
    print(
        f"{plural(len(events), 'event')}, {plural(len(pairs), 'pair')}; "
        f"{plural(done, 'pair')} compared now, the rest were up to date"
    )
    return 0


# -- status ------------------------------------------------------------------


def _register_status(commands: argparse._SubParsersAction) -> None:
    p = _add_action(commands, "status", "counts of articles, pairs and discrepancies", _status)
    add_format_argument(p)


def _status(args: argparse.Namespace) -> int:
    with _open_readonly(args.file) as project:
        status = project.status()
    if args.format == "json":
        print(json.dumps(status._asdict(), indent=2, ensure_ascii=False))
    else:
        print(format_status(status))
    return 0


def format_status(s: ProjectStatus) -> str:
    def counts(values: dict[str, int]) -> str:
        return " · ".join(f"{key} {n}" for key, n in values.items())

    stale = f", {s.stale_pairs} made by an older engine" if s.stale_pairs else ""
    return "\n".join(
        [
            f"project        {s.name} (schema {s.schema_version})",
            f"articles       {s.articles}",
            f"events         {s.events}",
            f"pairs          {s.pairs} ({s.compared_pairs} compared{stale})",
            f"discrepancies  {s.discrepancies} ({s.user_discrepancies} user-made)",
            f"  by kind      {counts(s.by_kind)}",
            f"  by severity  {counts(s.by_severity)}",
            f"  by status    {counts(s.by_status)}",
            f"annotations    {s.annotations} ({s.orphaned} orphaned)",
        ]
    )


# -- list --------------------------------------------------------------------


def _register_list(commands: argparse._SubParsersAction) -> None:
    p = _add_action(commands, "list", "list the project's articles and pairs", _list)
    add_format_argument(p)


def _list(args: argparse.Namespace) -> int:
    with _open_readonly(args.file) as project:
        articles, pairs = project.articles(), project.pairs()
    if args.format == "json":
        data = {
            "articles": [a._asdict() for a in articles],
            "pairs": [p._asdict() for p in pairs],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print("articles")
    print(f"  {'id':>5}  {'chars':>8}  {'published':<10}  {'source':<20}  title")
    for a in articles:
        print(f"  {a.id:>5}  {a.n_chars:>8}  {a.published:<10}  {a.source[:20]:<20}  {a.title}")
    print("pairs")
    print(f"  {'id':>5}  {'a':>5}  {'b':>5}  {'origin':<9}  {'state':<8}  discrepancies")
    for p in pairs:
        state = "compared" if p.compared else ("stale" if p.stale else "-")
        counts = f"{p.n_discrepancies} ({p.n_open} open, {p.n_confirmed} confirmed)"
        print(f"  {p.id:>5}  {p.a_id:>5}  {p.b_id:>5}  {p.origin:<9}  {state:<8}  {counts}")
    return 0


# -- annotate ----------------------------------------------------------------


def _register_annotate(commands: argparse._SubParsersAction) -> None:
    p = _add_action(commands, "annotate", "set a discrepancy's status, verdict or note", _annotate)
    p.add_argument("discrepancy", metavar="DISCREPANCY_ID", help="its id (or a unique prefix)")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--verdict", help=f"free text; usually one of {', '.join(VERDICTS)}")
    p.add_argument("--note", help="free text")
    p.add_argument("--pair", type=int, metavar="ID", help="the pair, if the id is in several")
    p.add_argument("--reviewer", help="sign the change with this name")


def _annotate(args: argparse.Namespace) -> int:
    if args.status is None and args.verdict is None and args.note is None:
        raise FactDiffError("nothing to change: give --status, --verdict or --note")
    with _open_writable(args.file) as project:
        pair_id, disc_id = _resolve(project, args.discrepancy, args.pair)
        saved = project.annotate(
            pair_id,
            disc_id,
            status=args.status,
            verdict=args.verdict,
            note=args.note,
            reviewer=args.reviewer,
        )
    verdict = f", {saved.verdict}" if saved.verdict else ""
    print(f"pair {pair_id} {disc_id}: {saved.status}{verdict} (by {saved.reviewer})")
    return 0


def _resolve(project: Project, disc_id: str, pair_id: int | None) -> tuple[int, str]:
    found = project.find_discrepancy(disc_id)
    if pair_id is not None:
        found = [hit for hit in found if hit[0] == pair_id]
    ids = sorted({full for _, full in found})
    if not found:
        where = f" in pair {pair_id}" if pair_id is not None else ""
        raise FactDiffError(f"no discrepancy {disc_id}{where}")
    if len(ids) > 1:
        raise FactDiffError(f"{disc_id} matches several discrepancies: {', '.join(ids[:5])}")
    if len(found) > 1:
        pairs = ", ".join(str(p) for p, _ in found)
        raise FactDiffError(f"discrepancy {ids[0]} is in pairs {pairs}; choose one with --pair")
    return found[0]


# -- check -------------------------------------------------------------------


def _register_check(commands: argparse._SubParsersAction) -> None:
    _add_action(commands, "check", "verify the file's integrity (read-only)", _check)


def _check(args: argparse.Namespace) -> int:
    with _open_readonly(args.file) as project:
        problems = project.check_integrity()
    for problem in problems:
        print(f"factdiff: {project.path.name}: {problem}", file=sys.stderr)
    print(f"{project.path.name}: {'damaged' if problems else 'ok'}")
    return 1 if problems else 0


# -- verify ------------------------------------------------------------------


def _register_verify(commands: argparse._SubParsersAction) -> None:
    _add_action(
        commands, "verify",
        "re-hash each article's original bytes and check its text still derives from them",
        _verify,
    )  # fmt: skip


def _verify(args: argparse.Namespace) -> int:
    with _open_readonly(args.file) as project:
        problems = project.verify_articles()
        total = len(project.articles())
    name = project.path.name
    for article_id, problem in problems:
        print(f"factdiff: {name}: article {article_id}: {problem}", file=sys.stderr)
    if problems:
        print(f"{name}: {len(problems)} of {total} articles do not derive from their original bytes")
        return 1
    print(f"{name}: {plural(total, 'article')}, each derives from its original bytes")
    return 0


# -- refetch -----------------------------------------------------------------


def _register_refetch(commands: argparse._SubParsersAction) -> None:
    p = _add_action(
        commands, "refetch",
        "fetch articles that came from a URL again; store a changed text as a compared revision",
        _refetch,
    )  # fmt: skip
    p.add_argument("--article", type=int, metavar="ID", help="only this article (its newest version)")


def _refetch(args: argparse.Namespace) -> int:
    from core.web.refetch import refetch

    with _open_writable(args.file) as project, ProgressLine(sys.stderr, "fetching") as bar:
        report = refetch(project, args.article, progress=bar.update)
    for line in report.lines:
        print(line.text())
    if not report.lines:
        print(f"{project.path.name}: no article was fetched from a URL; nothing to check")
        return 0
    unchanged = len(report.lines) - len(report.changed) - len(report.failed)
    print(f"{project.path.name}: {len(report.changed)} changed, {unchanged} unchanged, "
          f"{len(report.failed)} failed")  # fmt: skip
    return 1 if report.all_failed else 0


# -- helpers -----------------------------------------------------------------


def _add_action(
    commands: argparse._SubParsersAction,
    name: str,
    help: str,
    handler: Callable[[argparse.Namespace], int],
    file_help: str | None = None,
) -> argparse.ArgumentParser:
    """An action whose first argument is the project file; its own options are added after."""
    p = commands.add_parser(name, help=help)
    p.add_argument("file", metavar="FILE", help=file_help)
    p.set_defaults(handler=handler)
    return p


def _open_readonly(path: str) -> Project:
    from core.store import Project

    return Project.open(path, readonly=True)


def _open_writable(path: str) -> Project:
    from core.store import Project

    project = Project.open(path)
    if project.readonly:
        project.close()
        raise FactDiffError(f"{project.path.name} is read-only ({project.readonly_reason})")
    return project


class ProgressLine:
    """A one-line progress bar on a terminal; silent when output goes to a file or pipe."""

    WIDTH = 24
    INTERVAL = 0.1  # seconds between redraws

    def __init__(self, stream: TextIO, verb: str) -> None:
        self.stream = stream
        self.verb = verb
        self.enabled = _is_tty(stream)
        self._last = 0.0
        self._drawn = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def note(self, text: str) -> None:
        """Say what a step without measurable progress is doing."""
        if self.enabled:
            self.stream.write("\r\x1b[K" + text[: _columns() - 1])
            self.stream.flush()
            self._drawn = True

    def update(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if not self.enabled or total <= 0 or (now - self._last < self.INTERVAL and done < total):
            return
        self._last = now
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"{self.verb} [{bar}] {done}/{total} {label}"
        self.stream.write("\r\x1b[K" + line[: _columns() - 1])
        self.stream.flush()
        self._drawn = True


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 80
