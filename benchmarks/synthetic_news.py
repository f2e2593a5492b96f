"""Deterministic synthetic news: events told by several outlets in their own words.

Each event has its own people, places and subject words, so the event
grouping has something real to find; each outlet's version paraphrases the
same facts (other wording, reordered clauses, dropped sentences) and gets a
few of them wrong (another figure, day or speaker), so comparisons find
discrepancies. Same seed, same articles: benchmark figures stay comparable.
"""

from __future__ import annotations

import random
from typing import NamedTuple

_ONSETS = [
    "b",
    "br",
    "c",
    "d",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "v",
    "w",
    "z",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
_CODAS = ["", "n", "r", "l", "s", "th", "rd", "nt", "m", "x"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_OUTLETS = ["Daily Ledger", "Coastal Wire", "Island Gazette", "Metro Herald"]
_SAID = [("said", "told reporters"), ("stated", "confirmed"), ("warned", "cautioned")]
_VERBS = [("approved", "passed"), ("rejected", "turned down"), ("announced", "unveiled"),
          ("inspected", "examined"), ("delayed", "postponed"), ("expanded", "enlarged")]  # fmt: skip
_UNITS = ["people", "tonnes", "vehicles", "households", "workers", "metres", "euros"]
_COMMON = ["the", "city", "will", "need", "more", "time", "to", "review", "every", "detail", "of", "the", "proposal", "before", "winter", "while", "residents", "asked", "for", "clear", "answers", "about", "costs", "delays", "and", "safety"]  # fmt: skip


class Story(NamedTuple):
    event: int
    outlet: str
    title: str
    published: str
    text: str


class _Fact(NamedTuple):
    kind: int
    who: str
    verb: tuple[str, str]
    said: tuple[str, str]
    thing: str
    place: str
    number: int
    unit: str
    day: str
    words: tuple[str, ...]


def _word(rng: random.Random, syllables: int) -> str:
    parts = (
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )
    return "".join(parts)


def _facts(rng: random.Random, n: int) -> list[_Fact]:
    people = [f"{_word(rng, 2).title()} {_word(rng, 2).title()}" for _ in range(5)]
    places = [_word(rng, 3).title() for _ in range(3)]
    things = [_word(rng, 2) for _ in range(10)]
    return [
        _Fact(
            rng.randrange(4),
            rng.choice(people),
            rng.choice(_VERBS),
            rng.choice(_SAID),
            rng.choice(things),
            rng.choice(places),
            rng.randint(2, 900),
            rng.choice(_UNITS),
            rng.choice(_DAYS),
            tuple(rng.sample(things, 2) + rng.sample(_COMMON, 6)),
        )  # fmt: skip
        for _ in range(n)
    ]


def _sentence(f: _Fact, form: int) -> str:
    verb, said, w = f.verb[form], f.said[form], f.words
    if f.kind == 0:
        if form == 0:
            return f"{f.who} {said} that {f.place} {verb} the {f.thing} plan for {f.number} {f.unit} on {f.day}."
        return f"On {f.day}, {f.place} {verb} the {f.thing} plan for {f.number} {f.unit}, {f.who} {said}."
    if f.kind == 1:
        quote = f"We {w[2]} {w[3]} the {w[0]} and {w[4]} the {w[1]} {w[5]} {w[6]}"
        if form == 0:
            return f"“{quote.capitalize()},” {f.who} {said}."
        return f"{f.who} {said}: “{quote.capitalize()}.”"
    if f.kind == 2:
        if form == 0:
            return f"The {f.thing} project has divided {f.place} since {f.number} {f.unit} were first {verb} there."
        return f"Since {f.number} {f.unit} were first {verb} in {f.place}, the {f.thing} project has divided the town."
    if form == 0:
        return f"Critics led by {f.who} argued that the {w[0]} would cost {f.number} {f.unit} more by {f.day}."
    return (
        f"The {w[0]} would cost {f.number} more {f.unit} by {f.day}, argued critics led by {f.who}."
    )


def _wrong(f: _Fact, rng: random.Random) -> _Fact:
    """One outlet's error: another figure, day or speaker."""
    choice = rng.randrange(3)
    if choice == 0:
        return f._replace(number=f.number + rng.randint(1, 40))
    if choice == 1:
        return f._replace(day=_DAYS[(_DAYS.index(f.day) + 1) % 7])
    first, last = f.who.split()
    return f._replace(who=f"{first} {last[::-1].title()}")


def _version(facts: list[_Fact], rng: random.Random, variant: int) -> str:
    kept = [f for f in facts if rng.random() > 0.1]
    told = [_wrong(f, rng) if rng.random() < 0.05 else f for f in kept]
    sentences = [_sentence(f, (variant + i) % 2) for i, f in enumerate(told)]
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def generate(events: int = 250, variants: int = 4, words: int = 800, seed: int = 7) -> list[Story]:
    """``events × variants`` stories of about ``words`` words each."""
    rng = random.Random(seed)
    stories = []
    for event in range(events):
        facts = _facts(rng, max(3, words // 13))
        lead = facts[0]
        titles = (
            f"{lead.place} {lead.verb[0]} {lead.thing} plan",
            f"{lead.thing.title()} plan {lead.verb[1]} in {lead.place}",
        )
        day = f"2024-{1 + event % 12:02}-{1 + event % 27:02}"
        for v in range(variants):
            title = titles[v % 2]
            text = f"{title}\n\n{_version(facts, rng, v)}\n"
            stories.append(Story(event, _OUTLETS[v % len(_OUTLETS)], title, day, text))
    return stories
