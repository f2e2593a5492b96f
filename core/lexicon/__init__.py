"""Word lists the engine reads: general English news vocabulary, one file per concept.

Rules live in code, vocabulary here, so a list can grow from what real
newsrooms write without touching the rule that reads it. File shapes:

- a *list*: one entry per line (an entry may be several words);
- *groups*: ``group: word word …`` per line, every word mapped to its group;
- *phrase groups*: ``group: phrase, phrase, …`` per line, for members of several words;
- *lines*: one entry of its own shape per line (``opposites.txt``: two groups split by ``|``;
  ``conversions.txt``: columns split by spaces).

Blank lines and lines starting with ``#`` are comments. Files are read once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


def _lines(name: str) -> list[str]:
    text = (_HERE / f"{name}.txt").read_text(encoding="utf-8")
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of file ``name`` line by line, comments and blanks left out."""
    return tuple(_lines(name))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of list file ``name`` (lower case as written)."""
    return frozenset(_lines(name))


@cache
def groups(name: str) -> dict[str, str]:
    """word → group for groups file ``name``; a word listed twice keeps its first group."""
    found: dict[str, str] = {}
    for line in _lines(name):
        group, _, members = line.partition(":")
        for word in members.split():
            found.setdefault(word, group.strip())
    return found


@cache
def phrase_groups(name: str) -> dict[str, str]:
    """phrase → group for phrase groups file ``name`` (members split by commas, spaces folded).

    A phrase listed twice keeps its first group; a group may take several lines.
    """
    found: dict[str, str] = {}
    for line in _lines(name):
        group, _, members = line.partition(":")
        for member in members.split(","):
            phrase = " ".join(member.split())
            if phrase:
                found.setdefault(phrase, group.strip())
    return found


@cache
def group_members(name: str) -> dict[str, tuple[str, ...]]:
    """group → its words, in file order."""
    found: dict[str, list[str]] = {}
    for line in _lines(name):
        group, _, members = line.partition(":")
        found.setdefault(group.strip(), []).extend(members.split())
    return {k: tuple(v) for k, v in found.items()}


@cache
def months() -> dict[str, int]:
    """Month name or abbreviation → month number (1–12)."""
    return {word: int(number) for word, number in groups("months").items()}


@cache
def weekdays() -> dict[str, int]:
    """Weekday name or abbreviation → weekday number (Monday = 0)."""
    return {word: int(number) for word, number in groups("weekdays").items()}


def full_names(table: dict[str, int]) -> tuple[str, ...]:
    """The full names of a months() or weekdays() table, in order (the first word of each group)."""
    first: dict[int, str] = {}
    for word, number in table.items():
        first.setdefault(number, word)
    return tuple(first[n] for n in sorted(first))
