"""Negations and their opposites: the clause a "not", "no" or "denied" turns around.

"Moscow denied the report" and "Moscow confirmed the report" differ by one
word but say opposite things; so do "will join" and "will not join". Each
negation cue is recorded with its clause, and affirmative verbs that pair
with a negative one ("confirmed" against "denied") are recorded as
``negated=False`` so two accounts can be set against each other.
"""

from __future__ import annotations

import re

from core import lexicon
from core.facts.context import Context
from core.facts.fact_records import Polarity

#: Negative verb → the affirmative verb that contradicts it.
ANTONYMS = dict(lexicon.phrase_groups("antonyms"))

_NEGATIVE = (
    r"n[o']t|never|none|nobody|nothing|neither|nor|without|no\s+longer|no(?!\.\s*[0-9])|cannot|"
    r"[a-z]+n['’]t|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|fail(?:s|ed)?\s+to|"
    r"rul(?:e|es|ed|ing)\s+out|dismiss(?:es|ed|ing)?|declin(?:e|es|ed|ing)\s+to"
)
_AFFIRMATIVE = (
    r"confirm(?:s|ed|ing)?|agree(?:s|d)?|accept(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted)?|"
    r"succeed(?:s|ed)?\s+in"
)
CUE = re.compile(
    rf"(?<![\w'’-])(?:(?P<neg>{_NEGATIVE})|(?P<aff>{_AFFIRMATIVE}))(?![\w-])", re.IGNORECASE
)
#: Words (and below, stems) a cue of CUE can start with: a quick filter before the
#: pattern, so they stay beside the pattern they must agree with.
_TRIGGERS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "rule",
        "rules",
        "ruled",
        "ruling",
    }
)
_TRIGGER_STEMS = (
    "den",
    "refus",
    "reject",
    "fail",
    "dismiss",
    "declin",
    "confirm",
    "agree",
    "accept",
    "acknowledg",
    "admit",
    "succeed",
)
_MAX_CLAUSE = 400  # characters either side: a run-on "sentence" must not make this quadratic
_NEGATED_AFFIRMATIVE_GAP = 12  # characters between "not" and "agree" in "did not really agree"
_NOT_A_NEGATION = re.compile(
    r"not\s+only|not\s+least|not\s+just|whether\s+or\s+not|if\s+not|no\s+doubt|nothing\s+but|no\s+matter",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",(?![0-9])|[;:()—–]|\s-\s|\s(?:but|while|whereas|although|though|because)\s", re.IGNORECASE
)


def extract_polarities(context: Context) -> list[Polarity]:
    text = context.text
    out = []
    positions = context.positions_where(
        lambda word: (
            word in _TRIGGERS or word.endswith(("n't", "n’t")) or word.startswith(_TRIGGER_STEMS)
        )
    )
    last_negation_end = -(10**9)
    for match in context.matches(CUE, positions):
        if _NOT_A_NEGATION.match(text, match.start()) or _whether_or_not(text, match):
            continue
        if match.group("neg") is not None:
            last_negation_end = match.end()
        elif match.start() - last_negation_end <= _NEGATED_AFFIRMATIVE_GAP:
            continue  # "did not agree": the negation already says it
        if context.in_boilerplate(match.start(), match.end()):
            continue
        start, end = _clause(context, match.start(), match.end())
        negated = match.group("neg") is not None
        cue = " ".join(match.group().lower().split()).replace("’", "'")
        out.append(
            Polarity(
                start,
                end,
                text[start:end],
                negated,
                cue,
                context.sentence_of(match.start()),
                match.start(),
            )
        )
    return out


def _whether_or_not(text: str, match: re.Match[str]) -> bool:
    return (
        match.group().lower() == "not"
        and text[max(0, match.start() - 3) : match.start()].lower() == "or "
    )


def _clause(context: Context, cue_start: int, cue_end: int) -> tuple[int, int]:
    """The clause around a cue: from the last break before it to the next one after."""
    text = context.text
    sentence_start, sentence_end = context.sentence_span(cue_start)
    line_start = text.rfind("\n", max(0, cue_start - _MAX_CLAUSE), cue_start) + 1
    line_end = text.find("\n", cue_end, cue_end + _MAX_CLAUSE)
    floor = max(sentence_start, line_start, cue_start - _MAX_CLAUSE)
    ceiling = min(
        sentence_end if sentence_end > cue_end else len(text),
        line_end if line_end >= 0 else len(text),
        cue_end + _MAX_CLAUSE,
    )
    start = floor
    for found in _CLAUSE_BREAK.finditer(text, floor, cue_start):
        start = found.end()
    after = _CLAUSE_BREAK.search(text, cue_end, ceiling)
    end = after.start() if after else ceiling
    while start < end and text[start] in " \t\"'“‘”’":
        start += 1
    while end > start and text[end - 1] in " \t.!?\"'“‘”’":
        end -= 1
    if end <= cue_start:
        end = cue_end
    return min(start, cue_start), end
