"""``factdiff facts FILE``: the facts the engine reads in one article.

So a user can see why something was (or was not) flagged: every quantity,
date, quote, attribution, name and negation with its character span and the
words it came from. Text is grouped by kind for a terminal; JSON is the
:func:`core.facts.facts_to_dict` form for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from core.cli.output import add_format_argument

if TYPE_CHECKING:  # the extractors load only when the command runs
    from core.facts.fact_records import Facts

_SPAN_WIDTH = 11
_EXCERPT_WIDTH = 48


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "facts",
        help="list the facts found in one article",
        description="List the quantities, dates, quotes, attributions, names and negations "
        "found in an article, with their character spans.",
    )
    parser.add_argument("file", metavar="FILE", help="article (.txt, .md, .html)")
    add_format_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.facts import extract_facts, facts_to_dict
    from core.facts.published import publication_date
    from core.ingest.load import load_article

    article = load_article(args.file)
    facts = extract_facts(article)
    published = publication_date(article)
    if args.format == "json":
        document = {
            "path": args.file,
            "published": published.isoformat() if published else None,
            "facts": facts_to_dict(facts),
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(facts, args.file, published.isoformat() if published else ""))
    return 0


def render_text(facts: Facts, path: str, published: str) -> str:
    """The facts grouped by kind, one per line: span, excerpt, what the engine read."""
    from core.facts.describe import describe_date, describe_quantity

    lines = [f"{path}", f"published: {published or 'unknown'}", ""]
    sections = (
        (
            "Quantities",
            facts.quantities,
            lambda q: describe_quantity(q) + (f" [{q.qualifier}]" if q.qualifier else ""),
        ),
        ("Dates and times", facts.dates, lambda d: f"{d.kind}: {describe_date(d)}"),
        (
            "Quotes",
            facts.quotes,
            lambda q: (
                f"— {q.speaker or 'unattributed'}"
                + (f" [{q.speaker_key}]" if q.speaker_key else "")
                + (" (short)" if q.short else "")
            ),
        ),
        (
            "Attributions",
            facts.attributions,
            lambda a: f"{a.cue}: {a.source_key}" + (f" via {a.via}" if a.via else ""),
        ),
        (
            "Negations",
            facts.polarities,
            lambda p: f"{'negated' if p.negated else 'affirmed'} by “{p.cue}”",
        ),
    )
    for title, records, explain in sections:
        lines.extend(_section(title, records, explain))
    lines.extend(_entity_section(facts))
    return "\n".join(lines).rstrip() + "\n"


def _section(title: str, records: Iterable, explain) -> list[str]:
    records = list(records)
    lines = [f"{title} ({len(records)})"]
    for record in records:
        span = f"{record.start}-{record.end}".rjust(_SPAN_WIDTH)
        lines.append(f"  {span}  {_excerpt(record.text):<{_EXCERPT_WIDTH}}  {explain(record)}")
    lines.append("")
    return lines


def _entity_section(facts: Facts) -> list[str]:
    """Names by key, so merged mentions ("Antony Blinken", "Blinken") read as one."""
    mentions: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in facts.entities:
        mentions[(entity.label, entity.key)].append(entity.text)
    lines = [f"Names ({len(mentions)})"]
    for (label, key), texts in sorted(
        mentions.items(), key=lambda item: (item[0][0], -len(item[1]), item[0][1])
    ):
        variants = ", ".join(dict.fromkeys(texts))
        lines.append(f"  {label:<7} {key:<28} {len(texts):>3}×  {_excerpt(variants, 60)}")
    lines.append("")
    return lines


def _excerpt(text: str, width: int = _EXCERPT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
