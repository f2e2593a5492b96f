"""One article reports there was none of something; the other reports it.

"No one was hurt" against "three people were injured"; "no group has claimed
the attack" against a group's claim; "the airline has not yet issued a
statement" against the airline's statement. Reports written hours apart, or one
rewriting an early version of the other, disagree this way, and each tells its
reader the opposite of the other: a negation a fact-checker must settle. The
two sentences rarely align (they share little but the event), so the reports
are read over the whole article.

Only plain reports of none are read: a word of none ("no", "nobody",
"without") followed closely by what there was none of, through words that only
qualify it ("no immediate reports of casualties"). An article that itself
counts what it says there was none of ("no one was killed in the town; two died
on the road") is scoping its none, and is left alone.
"""

from __future__ import annotations

from typing import NamedTuple

from core import lexicon
from core.discrepancies.claims import clause_span
from core.discrepancies.flag import Flag, flag
from core.discrepancies.roles import role_of
from core.discrepancies.side import Side, per_article
from core.discrepancies.sources import SPEECH_CUES, credits_of
from core.discrepancies.standing import current_count
from core.discrepancies.text import NEGATORS, one_line, words
from core.model import Span

#: What a report can say there was none of, by the figure role that counts it.
NIL_ROLES = lexicon.groups("nil_reports")
OPENERS = lexicon.words("nil_openers")
FILLERS = lexicon.words("nil_fillers")
CLAIM_VERBS = lexicon.words("responsibility_claims")
MAX_FILLERS = 4
RESPONSIBILITY = "responsibility"
#: Words of "has not commented" and its kin, by their part (lexicon/no_comment.txt).
NO_COMMENT = lexicon.groups("no_comment")
STATEMENT = "statement"
#: Parts of no_comment.txt that name what a source says ("a statement", "a comment").
_SAID = (STATEMENT, "answer", "reply")
FUNCTION_WORDS = lexicon.words("function_words")
#: Words after a report of silence that narrow it to one topic or one audience.
SCOPES = frozenset({"on", "about", "regarding", "over", "to"})
#: Words that can open a report of none or of silence; any other word is passed by.
_OPENING = (
    OPENERS
    | {RESPONSIBILITY, "no", "without", "not"}
    | {w for w, part in NO_COMMENT.items() if part == "refuse"}
)
#: The figure roles a report of none of each kind denies.
DENIED_ROLES = {"dead": {"dead"}, "hurt": {"hurt"}, "casualties": {"dead", "hurt"}}


class Report(NamedTuple):
    span: Span  # the words that report it: "no one was hurt", "claimed responsibility"
    kind: str  # "dead", "hurt", "casualties", "responsibility" or "statement"
    nil: bool
    speaker: str = ""  # for "statement": the folded words of who has not spoken


def nil_report_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """Each kind of report one side denies and the other makes, once per pair."""
    flags = []
    for nil_side, other, nil_is_a in ((sa, sb, True), (sb, sa, False)):
        seen: set[tuple[str, str]] = set()
        for nil in _reports(nil_side):
            topic = (nil.kind, nil.speaker)
            if not nil.nil or topic in seen or _made(nil_side, nil):
                continue
            made = _made(other, nil)
            if made is None:
                continue
            seen.add(topic)
            nil_span, made_span = clause_span(nil_side, nil.span), clause_span(other, made)
            label = "no comment vs a statement" if nil.kind == STATEMENT else "none reported vs reported"
            if nil_is_a:
                flags.append(_flag(sa, sb, nil_span, made_span, label))
            else:
                flags.append(_flag(sa, sb, made_span, nil_span, label))
    return flags


def _flag(sa: Side, sb: Side, a: Span, b: Span, label: str) -> Flag:
    ta, tb = one_line(sa.text[a[0] : a[1]], 70), one_line(sb.text[b[0] : b[1]], 70)
    return flag("negation", f'{label}: "{ta}" vs "{tb}"', a, b)


def _made(side: Side, nil: Report) -> Span | None:
    """The first place ``side`` reports what a report of none denies: a claim of
    responsibility, the speaker's words, or a figure counting the dead or the hurt."""
    kind = nil.kind
    if kind == RESPONSIBILITY:
        return next((r.span for r in _reports(side) if r.kind == kind and not r.nil), None)
    if kind == STATEMENT:
        return _speaks(side, nil.speaker)
    roles = DENIED_ROLES[kind]
    for q in side.facts.quantities:
        if (
            q.low > 0
            and role_of(side, q) in roles
            and not _in_nil(side, q.start)
            and current_count(side, q)
        ):
            return (q.start, q.end)
    return None


def _speaks(side: Side, speaker: str) -> Span | None:
    """The first place ``side`` has ``speaker`` say something: a credit to them ("the
    airline said"), or their name followed by a verb of speech or of issuing a
    statement ("Northwind Air issued a statement"). A firm that "reported" its
    results has not thereby commented."""
    credits = credits_of(side)
    for f in side.facts.attributions:
        if _speech(f.cue.casefold().split()) and set(speaker.split()) <= credits.names(f):
            return (f.start, f.end)
    name = speaker.split()
    tokens = words(side.text, 0, len(side.text))
    for i in range(len(tokens) - len(name)):
        if [w.casefold() for w, _, _ in tokens[i : i + len(name)]] != name:
            continue
        after = [w.casefold() for w, _, _ in tokens[i + len(name) : i + len(name) + 4]]
        if after and (_speech(after[:1]) or _issued(after)):
            return (tokens[i][1], tokens[i + len(name)][2])
    return None


def _speech(cue: list[str]) -> bool:
    return any(w in SPEECH_CUES or NO_COMMENT.get(w) == STATEMENT for w in cue)


def _issued(after: list[str]) -> bool:
    """"issued a statement", "released a brief statement": a verb of issuing first."""
    return NO_COMMENT.get(after[0]) == "issue" and any(
        NO_COMMENT.get(w) == STATEMENT for w in after[1:]
    )


def _in_nil(side: Side, offset: int) -> bool:
    """Whether a figure sits in a clause reporting none ("no deaths among the 40 crew")."""
    start, end = clause_span(side, (offset, offset))
    return any(r.nil and start <= r.span[0] < end for r in _reports(side))


@per_article
def _reports(side: Side) -> list[Report]:
    """Reports of none of the dead, the hurt or a claim, and claims of responsibility."""
    tokens = words(side.text, 0, len(side.text))
    found = []
    for i, (word, start, _) in enumerate(tokens):
        folded = word.casefold()
        if folded not in _OPENING and not folded.endswith(("n't", "n’t")):
            continue
        if folded in OPENERS:
            end = _nil_head(side.text, tokens, i)
            if end is not None:
                found.append(Report((start, end[0]), end[1], True))
        elif folded == RESPONSIBILITY and i and tokens[i - 1][0].casefold() in CLAIM_VERBS:
            span = (tokens[i - 1][1], tokens[i][2])
            found.append(Report(span, RESPONSIBILITY, _negated(side, tokens, i - 1)))
        silent = _no_comment(side.text, tokens, i)
        if silent is not None and _scoped(side.text, tokens, silent):
            continue  # "did not comment on the figure", "to the press": silent on one thing
        if silent is not None and (speaker := _speaker(side, start, silent)):
            found.append(Report((start, silent), STATEMENT, True, speaker))
    return found


def _nil_head(text: str, tokens, i: int) -> tuple[int, str] | None:
    """Where a report of none that opens at token ``i`` ends, and what it denies."""
    for j in range(i + 1, min(len(tokens), i + 2 + MAX_FILLERS)):
        if text[tokens[j - 1][2] : tokens[j][1]].strip():
            return None  # punctuation between: the reading ends
        folded = tokens[j][0].casefold()
        if folded in NIL_ROLES:
            if _partitive(tokens, i, j):
                return None  # "none of the injuries was grave": there were injuries
            return tokens[j][2], NIL_ROLES[folded]
        if folded not in FILLERS:
            return None
    return None


def _partitive(tokens, i: int, j: int) -> bool:
    """Whether "none of (the)" takes what was counted itself as its object."""
    between = [w.casefold() for w, _, _ in tokens[i + 1 : j]]
    return between in (["of"], ["of", "the"], ["of", "these"], ["of", "those"])


def _negated(side: Side, tokens, verb: int) -> bool:
    """Whether the clause of a claim verb denies it before the verb ("no group has
    claimed", "has not yet claimed", "has yet to claim")."""
    start = clause_span(side, (tokens[verb][1], tokens[verb][2]))[0]
    before = [w.casefold() for w, s, _ in tokens[max(0, verb - 12) : verb] if s >= start]
    return bool(set(before) & NEGATORS) or before[-2:] == ["yet", "to"]


def _no_comment(text: str, tokens, i: int) -> int | None:
    """Where a report that a source has not spoken, opening at token ``i``, ends:
    a negator, then an answer ("has not responded", "could not be reached"), or a
    verb of issuing and a statement ("did not elicit any response"); "declined to
    comment"; "no immediate comment"."""
    word = tokens[i][0].casefold().replace("’", "'")
    if word in ("no", "without"):
        return _next_of(text, tokens, i, _SAID)
    if NO_COMMENT.get(word) == "refuse" and i + 2 < len(tokens):
        follows = tokens[i + 1][0].casefold() == "to"
        answer = NO_COMMENT.get(tokens[i + 2][0].casefold()) == "answer"
        return tokens[i + 2][2] if follows and answer else None
    if word != "not" and not word.endswith("n't"):
        return None
    end = _next_of(text, tokens, i, ("answer", "reply", "issue"))
    if end is None:
        return None
    verb = next(j for j in range(i + 1, len(tokens)) if tokens[j][2] == end)
    part = NO_COMMENT[tokens[verb][0].casefold()]
    if part == "answer":
        return end
    if part == "reply":
        return _asked(text, tokens, verb)
    return _next_of(text, tokens, verb, _SAID, reach=3)


def _asked(text: str, tokens, verb: int) -> int | None:
    """Where "did not respond" ends when it answers a request: the clause ends after
    the verb, or "to" and a request follow ("to a request for comment")."""
    if verb + 1 == len(tokens) or text[tokens[verb][2] : tokens[verb + 1][1]].strip():
        return tokens[verb][2]
    if tokens[verb + 1][0].casefold() != "to":
        return None
    return _next_of(text, tokens, verb + 1, ("request",), reach=3)


def _scoped(text: str, tokens, end: int) -> bool:
    """Whether a report of silence goes on, in its clause, to say on what or to whom:
    "declined to comment on the figure", "made no statement to the press"."""
    after, last = [], end
    for word, start, stop in tokens:
        if start < end:
            continue
        if text[last:start].strip() or len(after) == 3:
            break
        after.append(word.casefold())
        last = stop
    return bool(set(after) & SCOPES)


def _next_of(text: str, tokens, i: int, parts: tuple[str, ...], reach: int = 4) -> int | None:
    """The end of the first word of ``parts`` after token ``i`` past skippable words
    only, within ``reach`` words and without crossing punctuation."""
    for j in range(i + 1, min(len(tokens), i + 1 + reach)):
        if text[tokens[j - 1][2] : tokens[j][1]].strip():
            return None
        part = NO_COMMENT.get(tokens[j][0].casefold())
        if part in parts:
            return tokens[j][2]
        if part != "skip" and tokens[j][0].casefold() not in FILLERS:
            return None
    return None


def _speaker(side: Side, start: int, end: int) -> str:
    """Who has not spoken, as the words of their name: the run of capitalised words
    last before the report in its sentence ("Air India has not…", "sent to Google…"),
    else the first after it ("no comment from Northwind Air"). Names are read from
    the capitals, not from entity labels, which may take a firm for a place."""
    s0, s1 = side.sentence_span(start)
    runs = _capital_runs(side.text, s0, start)
    if not runs:
        runs = _capital_runs(side.text, end, s1)[:1]
    return " ".join(runs[-1]) if runs else ""


def _capital_runs(text: str, start: int, end: int) -> list[list[str]]:
    """Runs of capitalised words, folded, leaving out a sentence's first word when it
    is a word of grammar ("An e-mail…", "The company…")."""
    runs: list[list[str]] = []
    last_end = -1
    for word, s, e in words(text, start, end):
        if not word[:1].isupper() or word.casefold() in FUNCTION_WORDS:
            last_end = -1
            continue
        if runs and last_end >= 0 and not text[last_end:s].strip():
            runs[-1].append(word.casefold())
        else:
            runs.append([word.casefold()])
        last_end = e
    return runs
