"""One name spelled two ways by the two articles ("Anthony"/"Antony", "Kiev"/"Kyiv").

A variant counts only when each spelling is absent from the other article:
an article that itself writes both (a headline slip, say) does not disagree
with the other one. Each pair of spellings is reported once, at its first
occurrence, as low-severity *wording*: the two articles name the same
person or place, so it is not an entity discrepancy (fact-checkers' gold on
real articles lists transliterations (an umlaut spelt "ue" or dropped) among the
differences that must not be raised as another name), but a misspelt name
is still worth a glance when the list has room.
"""

from __future__ import annotations

from collections.abc import Collection

from core import lexicon
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.text import normalise, one_line
from core.facts.fact_records import Entity
from core.facts.names import fold, name_variants_match

#: Read after every omitted claim but the slightest details: on every annotated event
#: none of the 64 names spelt two ways was a discrepancy the annotators wanted.
SPELLING_WEIGHT = 0.345
REORDER_WEIGHT = 0.95  # a garbled name: a precise finding, above an omitted figure
#: Words that make up names of places, bodies and events ("City", "Hall", "North"): two
#: such words swapped garble a name; two other words swapped are a person's name inside
#: it written family name first ("the Ana Ruiz Cup" / "the Ruiz Ana Cup").
NAME_PART_WORDS = (
    lexicon.words("place_words")
    | lexicon.words("org_words")
    | lexicon.words("event_heads")
    | lexicon.words("noun_phrase_stops")
    | lexicon.words("function_words")
)


def spelling_variants(sa: Side, sb: Side) -> list[Flag]:
    first_a = _first_spellings(sa.facts.entities)
    first_b = _first_spellings(sb.facts.entities)
    by_shape: dict[tuple[str, ...], list[tuple[str, Entity]]] = {}
    for form_b, eb in first_b.items():
        if form_b not in first_a:
            by_shape.setdefault(_shape(form_b), []).append((form_b, eb))
    flags = []
    reported: set[tuple[str, str]] = set()
    for form_a, ea in first_a.items():
        if form_a in first_b:
            continue
        for _, eb in by_shape.get(_shape(form_a), []):
            if not name_variants_match(ea.text, eb.text) or fold(ea.text) == fold(eb.text):
                continue  # another name, or the same one with or without accents ("Kovač")
            if (ea.key, eb.key) in reported:
                continue  # "Tomas Eklund" / "Tomas Ecklund" already said "Eklund" / "Ecklund"
            reported.add((ea.key, eb.key))
            summary = f"spelt two ways: {one_line(ea.text, 50)} vs {one_line(eb.text, 50)}"
            flags.append(
                flag(
                    "wording",
                    summary,
                    (ea.start, ea.end),
                    (eb.start, eb.end),
                    severity="low",
                    weight=SPELLING_WEIGHT,
                )
            )
    return flags


def _shape(form: str) -> tuple[str, ...]:
    """Initials of each word: variants of one name share them, so only those are compared."""
    return tuple(word[:1] for word in form.split())


def _first_spellings(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for entity in entities:
        found.setdefault(normalise(entity.text), entity)
    return found


def reordered_names(
    sa: Side, sb: Side, aligned: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()
) -> list[Flag]:
    """A name whose words one article puts in another order ("Harbour North Bridge" for
    "North Harbour Bridge"): no transliteration does that, so the name is garbled or
    another place's — an entity discrepancy, reported once per pair of forms. Only names
    of three words or more, and not people's: "Ruiz Ana" is a name order, not an error.
    Of each form's mentions, a pair in sentences that state one claim (``aligned``
    sentence indexes) is shown, so the reader sees both names in the same context."""
    flags = []
    forms_b = _ordered_forms(sb.facts.entities)
    text_a, text_b = normalise(sa.text), normalise(sb.text)
    seen: set[tuple[str, str]] = set()
    for form_a, mentions_a in _ordered_forms(sa.facts.entities).items():
        for form_b, mentions_b in forms_b.items():
            if form_a == form_b or sorted(form_a.split()) != sorted(form_b.split()):
                continue
            if (form_a, form_b) in seen:
                continue
            if form_a in text_b and form_b in text_a:
                continue  # both articles write both orders: no disagreement
            if _person_name_order(form_a.split(), form_b.split()):
                continue
            seen.add((form_a, form_b))
            ea, eb = _mentions_in_one_claim(mentions_a, mentions_b, aligned)
            summary = f"name in another order: {one_line(ea.text, 50)} vs {one_line(eb.text, 50)}"
            spans = (ea.start, ea.end), (eb.start, eb.end)
            flags.append(flag("entity", summary, *spans, severity="medium", weight=REORDER_WEIGHT))
    return flags


def _person_name_order(a: list[str], b: list[str]) -> bool:
    """Whether the forms differ only by two neighbouring words swapped, neither of them
    a word names of places or bodies are built from: a given and a family name."""
    moved = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(moved) != 2 or moved[1] != moved[0] + 1:
        return False
    return not {a[moved[0]], a[moved[1]]} & NAME_PART_WORDS


def _mentions_in_one_claim(
    mentions_a: list[Entity], mentions_b: list[Entity], aligned: Collection[tuple[int, int]]
) -> tuple[Entity, Entity]:
    for ea in mentions_a:
        for eb in mentions_b:
            if (ea.sentence, eb.sentence) in aligned:
                return ea, eb
    return mentions_a[0], mentions_b[0]


def _ordered_forms(entities: tuple[Entity, ...]) -> dict[str, list[Entity]]:
    """Each multi-word name that is not a person's, with its mentions in text order."""
    found: dict[str, list[Entity]] = {}
    for e in entities:
        form = normalise(e.text)
        if e.label != "person" and len(form.split()) >= 3:
            found.setdefault(form, []).append(e)
    return found
