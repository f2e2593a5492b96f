"""Site furniture: lines a scrape carries along that are not the article.

"Skip to main content", share buttons, "Leave a Reply", photo credits, date
stamps, a video player's "0:00", a caption printed twice… They stay in the
text (the user sees the page as saved) but are never compared, so two copies
of one story do not differ by their page chrome.

Only whole lines are marked, and only when the entire line is furniture: a
sentence that merely mentions "Reuters" or a date is content. The rules are
general — a phrase list of widespread web furniture plus shape heuristics —
and never keyed to one site.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from core import lexicon
from core.ingest.date_stamps import is_stamp_line, leading_stamp_end
from core.ingest.line_spans import line_spans
from core.model import Span

_LEADING_MARKS = " \t•⁃▪◦‣·*>|-"
_TRAILING_MARKS = " \t|•·"
_PIECES = re.compile(r"(?<=[.!?])\s+|\s+[|•·]\s+")
_LETTER = re.compile(r"[^\W\d_]")
_KEY_DROP = re.compile(r"[\W_]+")

#: Whole-line (or whole-piece) phrases, lower case, without final punctuation.
PHRASES = lexicon.words("furniture_phrases")

_PHRASE_OPENERS = frozenset(phrase.split()[0] for phrase in PHRASES if phrase)

#: Lone section labels of news sites ("Politics" above a headline).
SECTIONS = lexicon.words("sections")

_SOCIAL = lexicon.words("social_buttons")

_AGENCY = (
    r"(?:getty\s+images|afp|ap|associated\s+press|reuters|epa(?:-efe)?|efe|shutterstock|"
    r"bloomberg|sipa(?:\s+usa)?|anadolu(?:\s+agency)?|xinhua|tass|sputnik|ria\s+novosti|"
    r"nurphoto|zuma(?:\s+press)?|alamy|pool|ansa|dpa|kyodo|yonhap|abaca|imago|"
    r"the\s+washington\s+post|the\s+new\s+york\s+times|pa(?:\s+images)?|upi)"
)
_PHOTO_AGENCY = (
    r"(?:getty\s+images|shutterstock|alamy|imago|zuma(?:\s+press)?|sipa(?:\s+usa)?|nurphoto|"
    r"abaca(?:press)?|ap\s+photo|afp\s+photo|reuters\s+photo|pa\s+images|eyevine|redux)"
)
#: Credits and notices recognised by how a line ends ("… via Getty Images").
_TAIL_PATTERNS = (
    rf"\bvia\s+{_PHOTO_AGENCY}\W*$",
    rf"[\w.)]\s*/\s*{_AGENCY}\W*$",
    r"\(\s*(?:photo|image|picture|pic|credit)s?(?:\s+by)?\s*:?[^()]{0,80}\)\W*$",
    # a caption's closing credit, photographer / outlet: "(Ana Ruiz/Harbor Ledger)"
    r"\(\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.&'’ -]{1,40}\)\W*$",
    r"[.!?]\s+(?:photo(?:graph)?|image|picture)s?\s*(?:by|:)\s*[^.]{0,80}$",
    r"\ball rights reserved\W*$",
)
#: Furniture recognised by how a line starts ("Photo: …", "© 2022 …", "By admin").
_HEAD_PATTERNS = (
    r"(?:photo|image|picture|photograph|credit|pictured|file\s+photo)s?(?:\s+credit)?\s*:\s*.{0,100}$",
    rf"\(?{_AGENCY}\s+(?:photo|file\s+photo|image)\b",
    r"copyright\b|©|\(c\)\s",
    r"(?:posted\s+|written\s+)?by\s+(?:admin|administrator|editor|staff|webmaster|newsdesk|news\s+desk|guest)\W*$",
    r"(?:https?://|www\.)\S+$",
    r"\d+\s+min(?:ute)?s?\s+read$",
    r"(?:\d+\s+)?comments?$",
)
#: How a byline or credit line opens: "By …", "Reporting by …", "Authors: …".
_BYLINE_OPENER = re.compile(
    r"(?:(?:posted|written|words|story|text|reporting|additional\s+reporting|writing|editing|"
    r"edited|compiled|reported|produced)\s+)?by\s+(?=\S)"
    r"|(?:authors?|contributors?|reporters?|writers?|byline)\s*:\s*",
    re.I,
)
_BYLINE_PIECES = re.compile(r"\s+[|•·]\s+")
_BYLINE_WORDS = re.compile(r"[^\s,;&/+()]+")
#: Lower-case words a list of names and outlets may contain besides the names.
_BYLINE_CONNECTORS = frozenset(
    re.findall(
        r"\S+", "and in at of for from with the by de da del der di du van von la le bin al y e"
    )
)
_BYLINE_ROLES = frozenset(
    re.findall(
        r"\S+",
        "staff writer writers reporter reporters correspondent correspondents editor editors "
        "contributor contributors agencies agency report reports desk team newsroom bureau "
        "services service wire",
    )
)
_BYLINE_MAX_WORDS = 16
_MASTHEAD_MAX_WORDS = 6  # "Island Gazette, from Coastal Wire"
_TAIL = re.compile("|".join(f"(?:{p})" for p in _TAIL_PATTERNS), re.I)
_HEAD = re.compile("|".join(f"(?:{p})" for p in _HEAD_PATTERNS), re.I)
_TAIL_WINDOW = 160
_TAIL_HINTS = ("via", "/", "(", "photo", "image", "picture", "reserved")
_MAX_FURNITURE_CHARS = 400
_MAX_SHORT_LINE = 120  # phrases, section labels, stamps and share rows are short
_MIN_DUPLICATE_CHARS = 16


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans (whole trimmed lines, in text order) that are site furniture."""
    lines = line_spans(text)
    verdicts: dict[str, bool] = {}  # scrapes repeat lines; judge each text once
    marked = []
    for start, end in lines:
        line = text[start:end]
        verdict = verdicts.get(line)
        if verdict is None:
            verdict = verdicts[line] = is_furniture_line(line)
        marked.append(verdict)
    for index in _later_duplicates(text, lines):
        marked[index] = True
    for index in _masthead_lines(text, lines, marked):
        marked[index] = True
    spans = [span for span, flag in zip(lines, marked, strict=True) if flag]
    spans += _stamp_prefixes(text, lines, marked)
    return tuple(sorted(spans))


def _stamp_prefixes(text: str, lines: list[Span], marked: list[bool]) -> list[Span]:
    """Date stamps a scrape glued to the front of a line of prose, or to a bare address.

    The stamp is furniture (the publication date, read by ingest); the prose
    after it is content, so only the stamp is marked, unless all that follows
    is the page's address.
    """
    found: list[Span] = []
    for (start, end), flag in zip(lines, marked, strict=True):
        if flag:
            continue
        length = leading_stamp_end(text[start:end])
        if not length:
            continue
        rest = text[start + length : end].strip()
        found.append(
            (start, end)
            if _HEAD.fullmatch(rest) and rest.startswith(("http", "www."))
            else (start, start + length)
        )
    return found


class BoilerplateIndex:
    """Answers "is this span site furniture?" in O(log n) per question.

    Later stages ask it for every sentence, name or number they find; a linear
    scan over the spans would make large pages quadratic.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies wholly inside furniture."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def prefix_end(self, start: int, end: int) -> int:
        """End of furniture that opens ``[start, end)`` and stops inside it; 0 if none."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._starts[i] == start and self._ends[i] < end:
            return self._ends[i]
        return 0

    def touches(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares at least one character with furniture."""
        i = bisect.bisect_left(self._ends, start + 1)
        return i < len(self._starts) and self._starts[i] < end


def is_furniture_line(line: str) -> bool:
    """Whether one line alone reads as site furniture (a section label, a byline, a
    row of share buttons, a stamp), whatever surrounds it."""
    if len(line) > _MAX_FURNITURE_CHARS:
        return False
    core = _strip_marks(line)
    if not _LETTER.search(core):
        return True  # "* * *", "0:00", "12", "—"
    if _HEAD.match(core) or _has_credit_ending(core):
        return True
    if len(core) > _MAX_SHORT_LINE:
        return False
    if _is_byline(core):
        return True
    first_word = _normal(core.split(None, 1)[0])
    if first_word in _PHRASE_OPENERS and _all_pieces_are_phrases(core):
        return True
    if first_word in _SOCIAL and _is_social_row(core):
        return True
    return _normal(core) in SECTIONS or is_stamp_line(core)


def _is_byline(line: str) -> bool:
    """A line that names who wrote or supplied the story, and states nothing.

    "By Ingrid Sollen, Harbor Ledger", "Authors: Jacob Fromer, Mark Magnier,
    SCMP", "Reporting by Jane Doe in London; Editing by John Smith", "Coastal
    Wire staff": an opener (or a lower-case role word such as "staff") followed
    only by capitalised names, a few connectors ("and", "of", "van") and role
    words. A sentence has a lower-case verb somewhere ("By Monday, the fire was
    out"), and digits are refused outside a date stamp piece ("By 2030"), so
    prose never matches. Metadata, not a claim: comparing it would only align
    one outlet's name with another's.
    """
    pieces = _BYLINE_PIECES.split(line)
    if not _byline_piece(pieces[0]):
        return False
    return all(_byline_piece(p) or is_stamp_line(p) for p in pieces[1:])


def _byline_piece(piece: str, *, opener_required: bool = True) -> bool:
    """Whether a piece is an opener plus names, or a "<Outlet> staff" line; with
    ``opener_required`` off, also any short list of capitalised names."""
    opener = _BYLINE_OPENER.match(piece)
    rest = piece[opener.end() :] if opener else piece
    words = [w.strip(".'’\"“”:") for w in _BYLINE_WORDS.findall(rest)]
    words = [w for w in words if w]
    if not words or len(words) > _BYLINE_MAX_WORDS or any(ch.isdigit() for ch in rest):
        return False
    names = roles = 0
    for word in words:
        if word[0].isupper():
            names += 1
        elif word in _BYLINE_ROLES:
            roles += 1
        elif word not in _BYLINE_CONNECTORS:
            return False  # a lower-case word that is neither: prose
    if opener:
        return names + roles > 0
    if not opener_required:
        return names > 0
    # without an opener only "<Outlet> staff"-style lines: a role word in lower
    # case at the end ("Coastal Wire staff"; a Title Case headline would
    # capitalise it: "Ferry Operator Thanks Rescue Staff")
    return roles > 0 and words[-1] in _BYLINE_ROLES


def _masthead_lines(text: str, lines: list[Span], marked: list[bool]) -> list[int]:
    """Outlet and author lines without an opener, right under the headline or at the end.

    "Harbor Ledger", "Island Gazette, from Coastal Wire", "Vessmark, Norway":
    names only, so nothing to compare. Alone such a line could be a Title
    Case subhead, so only the run of lines between the headline (the first
    line) and the first line of prose, and the run after the last line of
    prose, are considered; furniture already found does not end a run.
    """
    found: list[int] = []
    for run in (range(1, len(lines)), range(len(lines) - 1, 0, -1)):
        for index in run:
            if marked[index]:
                continue
            start, end = lines[index]
            core = _strip_marks(text[start:end])
            if len(core) > _MAX_SHORT_LINE or len(core.split()) > _MASTHEAD_MAX_WORDS:
                break
            if not _byline_piece(core, opener_required=False):
                break
            found.append(index)
    return found


def _strip_marks(line: str) -> str:
    return line.lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS)


def _has_credit_ending(line: str) -> bool:
    """Cheap keyword test first: most lines are prose and contain none."""
    tail = line[-_TAIL_WINDOW:]
    lowered = tail.lower()
    if not any(hint in lowered for hint in _TAIL_HINTS):
        return False
    return _TAIL.search(tail) is not None


def _normal(piece: str) -> str:
    return _strip_marks(piece).strip(" .!?:;,…").lower()


def _all_pieces_are_phrases(line: str) -> bool:
    """ "Oops! Please try again." is two phrases, each a whole piece of furniture."""
    pieces = [_normal(p) for p in _PIECES.split(line)]
    return all(p in PHRASES for p in pieces if p) and any(pieces)


def _is_social_row(line: str) -> bool:
    words = [w for w in re.split(r"[\s|•·/,]+", line.lower()) if w]
    return len(words) >= 2 and all(w.strip(".:") in _SOCIAL for w in words)


def _later_duplicates(text: str, lines: list[Span]) -> list[int]:
    """Lines that repeat an earlier line (a caption or headline printed twice).

    The first copy stays content; punctuation and case are ignored, so a
    caption with its credit in brackets matches the same caption without.
    """
    seen: set[str] = set()
    repeats: list[int] = []
    for index, (start, end) in enumerate(lines):
        if end - start > _MAX_FURNITURE_CHARS:
            continue
        key = _KEY_DROP.sub("", text[start:end].lower())
        if len(key) < _MIN_DUPLICATE_CHARS:
            continue
        if key in seen:
            repeats.append(index)
        seen.add(key)
    return repeats
