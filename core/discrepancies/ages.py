"""One person given two ages.

Newsrooms print a person's age beside the name ("Ana Ruiz, 67, said…",
"the 67-year-old Ruiz", "Ruiz (67)"), and the figures finder leaves ages out
on purpose: an age is about a person, not about the event, and set against
the event's figures it would only make noise. Here each article's ages are
read per person (by the name's key, so "Ana Ruiz" and "Ruiz" are one) and a
person both articles give an age to, with no age in common, is a number
discrepancy.
"""

from __future__ import annotations

import re

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, per_article
from core.facts.names import name_variants_match
from core.facts.nouns import COMMON_VERBS, STOP_WORDS
from core.facts.speech import SPEECH_WORDS
from core.model import Span

_AFTER = re.compile(
    r",\s*(?:aged\s+)?(\d{1,3})\s*(?:,(?!\d)|\.(?!\d)|\s+(?:is|was|has|had|said|who)\b)"
    r"|\s*\((\d{1,3})\)"
)
_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[A-Za-z][\w.-]*\s+){0,4}$")
MAX_AGE = 120


#: One age given to a person: the age, the span of the name with it, and the given
#: name ("" when only a surname or a description names them).
Mention = tuple[int, Span, str]


def age_conflicts(sa: Side, sb: Side) -> list[Flag]:
    ages_a, ages_b = _ages(sa), _ages(sb)
    flags = []
    for key_a, key_b in _same_people(ages_a, ages_b):
        for said_a, said_b in _one_person(ages_a[key_a], ages_b[key_b]):
            if {age for age, _, _ in said_a} & {age for age, _, _ in said_b}:
                continue
            flags.append(_age_flag(sa, sb, said_a[0][1], said_b[0][1]))
    return flags


def _one_person(
    said_a: list[Mention], said_b: list[Mention]
) -> list[tuple[list[Mention], list[Mention]]]:
    """The ages both articles give one person of a surname.

    A family shares a surname: where either article names two people of it ("Ana
    Ruiz, 67" and "Luis Ruiz, 41"), an age is compared only with the ages the other
    article gives the same given name (spelt alike or as a variant); a surname alone
    says nothing of which.
    """
    given_a = sorted({given for _, _, given in said_a if given})
    given_b = sorted({given for _, _, given in said_b if given})
    if len(given_a) <= 1 and len(given_b) <= 1:
        # one person a side: the surname alone is that person too, and a given name
        # written two ways ("Md Karim" / "Karim") or misspelt is no second person
        return [(said_a, said_b)]
    pairs = []
    for given in given_a:
        other = next((g for g in given_b if _same_given_name(given, g)), None)
        if other is not None:
            pairs.append(([m for m in said_a if m[2] == given], [m for m in said_b if m[2] == other]))
    return pairs


def _same_given_name(x: str, y: str) -> bool:
    return x == y or name_variants_match(x, y)


def _age_flag(sa: Side, sb: Side, span_a: Span, span_b: Span) -> Flag:
    text_a, text_b = sa.text[span_a[0] : span_a[1]], sb.text[span_b[0] : span_b[1]]
    summary = f"age: {text_a} vs {text_b}"
    return flag("number", summary, span_a, span_b, severity="medium")


def _same_people(
    ages_a: dict[str, list[Mention]], ages_b: dict[str, list[Mention]]
) -> list[tuple[str, str]]:
    """Person keys of the two articles that name one person, spelt alike or as
    variants ("Dissanayake" / "Dissanayaka"), each key used once."""
    pairs, used = [], set()
    for key_a in sorted(ages_a):
        key_b = (
            key_a
            if key_a in ages_b
            else next(
                (k for k in sorted(ages_b) if k not in used and name_variants_match(key_a, k)), None
            )
        )
        if key_b is not None and key_b not in used:
            used.add(key_b)
            pairs.append((key_a, key_b))
    return pairs


@per_article
def _ages(side: Side) -> dict[str, list[Mention]]:
    """Person key → (age, span of the name with its age) in text order, read once per
    article rather than once per pair (callers only read)."""
    found: dict[str, list[Mention]] = {}
    text = side.text
    for e in side.facts.entities:
        if e.label != "person":
            continue
        sentence_start = side.sentence_span(e.start)[0]
        after = _AFTER.match(text, e.end)
        if after:
            age = int(after.group(1) or after.group(2))
            end = after.start(1) if after.group(1) else after.start(2)
            end = _clause_end(text, end + len(str(age)))
            if 0 < age <= MAX_AGE:
                found.setdefault(e.key, []).append((age, (e.start, end), _given_name(e.text)))
            continue
        before = _BEFORE.search(text, max(sentence_start, e.start - 80), e.start)
        if before and 0 < int(before.group(1)) <= MAX_AGE:
            age = int(before.group(1))
            found.setdefault(e.key, []).append((age, (before.start(), e.end), _given_name(e.text)))
    for key, age, span in _described(side):
        found.setdefault(key, []).append((age, span, ""))
    for mentions in found.values():
        mentions.sort(key=lambda mention: mention[1])
    return found


def _given_name(name: str) -> str:
    """A name's first word, casefolded ("Ana María Ruiz" is "ana"); "" for a surname
    alone, which does not say which of a family is meant."""
    words = name.casefold().split()
    return words[0] if len(words) > 1 else ""


_CLAUSE_GOES_ON = re.compile(r"[,)]?\s*([a-z][^,.;:!?()\n]{0,79})")


def _clause_end(text: str, end: int) -> int:
    """The end of what the clause says of the person after "Ruiz, 67": "Ruiz, 67, was
    detained in May" says more of whom the age is given than "Ruiz, 67" alone. A name
    after it ("Ruiz, 67, Lind, 58") starts the next item of a list, not a clause."""
    goes_on = _CLAUSE_GOES_ON.match(text, end)
    if goes_on is None:
        return end
    clause_end = goes_on.end(1)
    if text[clause_end : clause_end + 1].isalnum():  # cut at its length: end on a whole word
        clause_end = goes_on.start(1) + goes_on.group(1).rstrip().rfind(" ")
    return clause_end if clause_end > goes_on.start(1) else end


#: "the 76-year-old Nobel laureate", "The 55-year-old leader": an age given to a
#: description rather than a name, at the head of a noun phrase.
_DESCRIBED = re.compile(
    r"\b[Tt]he\s+(\d{1,3})-year-old\s+((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)"
)


def _description_end(match: re.Match[str]) -> int:
    """Where the description ends: before the first grammar word or verb ("winner had"),
    or after "year-old" itself ("The 23-year-old took the first kick")."""
    end = match.end(1) + len("-year-old")
    for word in re.finditer(r"[\w-]+", match.group(2)):
        folded = word.group().casefold()
        if folded in STOP_WORDS or folded in SPEECH_WORDS or folded in COMMON_VERBS:
            break
        end = match.start(2) + word.end()
    return end


def _described(side: Side) -> list[tuple[str, int, Span]]:
    """Ages given to a description, each the age of the person last named before it
    (in its sentence or the one before): news names a person, then describes them."""
    people = [e for e in side.facts.entities if e.label == "person"]
    found = []
    for match in _DESCRIBED.finditer(side.text):
        age, end = int(match.group(1)), _description_end(match)
        if not 0 < age <= MAX_AGE or any(match.start() <= e.start < end for e in people):
            continue  # "the 67-year-old Ruiz" is read by name
        sentence = side.sentence_index(match.start())
        named = [
            e
            for e in people
            if e.end <= match.start() and side.sentence_index(e.start) >= sentence - 1
        ]
        if named:
            found.append((named[-1].key, age, (match.start(), end)))
    return found
