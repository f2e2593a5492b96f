"""Word-level tokens with offsets, and the key that says two tokens differ only cosmetically.

Tokens keep the units a fact-checker reads as one thing whole — "100,000",
"5,000-word", "36.7%", "$10", "U.S.", "China’s", "de-escalation" — so a
changed figure shows up as one replaced token instead of a scatter of digits.
Every non-space character belongs to exactly one token, so a diff over tokens
never loses text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import NamedTuple

from core.model import Token

_WORD_JOINERS = "'’‘\\-\u2010\u2011\u2013"
_NUMBER = (
    r"[$€£¥]?\d+(?:[.,:/]\d+)*"  # 100,000  36.7  5:02  1/2  $10
    r"(?:%|[^\W\d_]+)?"  # 36.7%  10th  1990s  5:02pm
    rf"(?:[{_WORD_JOINERS}][^\W_]+)*"  # 5,000-word
)
_ABBREVIATION = r"(?:[^\W\d_]\.){2,}"  # U.S.  U.N.  D.C.
_WORD = rf"[^\W_]+(?:[{_WORD_JOINERS}][^\W_]+)*"
_TOKEN_RE = re.compile(rf"{_NUMBER}|{_ABBREVIATION}|{_WORD}|\S")


# The token pattern has no capturing group of its own, so this one yields
# (whitespace before, token) pairs: offsets follow from running lengths.
_SPACED_TOKEN_RE = re.compile(rf"(\s*)({_TOKEN_RE.pattern})")
_second = itemgetter(1)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` itself (not the slice).

    Every non-space character belongs to a token, so a token starts where
    the whitespace before it ends: offsets are running sums of the matched
    lengths, and tokens are built by ``map`` with ``tuple.__new__``, all in C.
    A loop asking each match for its span and calling the NamedTuple's
    (Python) constructor cost half as much again, and every aligned sentence
    is tokenised on each comparison.
    """
    stop = len(text) if end is None else max(start, min(end, len(text)))
    pairs = _SPACED_TOKEN_RE.findall(text, start, stop)
    offsets = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
    return list(
        map(
            tuple.__new__,
            repeat(Token, len(pairs)),
            zip(map(_second, pairs), offsets[1::2], offsets[2::2], strict=True),
        )
    )


def token_texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Just the texts of ``tokenize``'s tokens: the aligner needs no offsets and many sentences."""
    stop = len(text) if end is None else max(start, min(end, len(text)))
    return _TOKEN_RE.findall(text, start, stop)


class TokenIndex(NamedTuple):
    """A whole text's token texts and their offsets, in reading order."""

    texts: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def tokens(self, lo: int = 0, hi: int | None = None) -> list[Token]:
        """Tokens ``lo:hi`` as records, built only when asked (as in ``tokenize``)."""
        texts, starts, ends = self.texts[lo:hi], self.starts[lo:hi], self.ends[lo:hi]
        return list(
            map(tuple.__new__, repeat(Token, len(texts)), zip(texts, starts, ends, strict=True))
        )


@lru_cache(maxsize=32)
def token_index(text: str) -> TokenIndex:
    """Every token of an article, found once: its sentences and their clauses are each
    tokenised again otherwise (the aligner, the links and the token diff all ask).

    Offsets are running sums of the matched lengths, all in C (see ``tokenize``);
    no token record is built until one is asked for: the aligner needs texts only."""
    pairs = _SPACED_TOKEN_RE.findall(text)
    offsets = list(accumulate(map(len, chain.from_iterable(pairs)), initial=0))
    return TokenIndex(tuple(map(_second, pairs)), tuple(offsets[1::2]), tuple(offsets[2::2]))


def _within(index: TokenIndex, start: int, stop: int) -> tuple[int, int] | None:
    """The index range of the text's tokens lying in ``[start, stop)``, or None when a
    token crosses either edge (a clause cut at the comma of "100,000").

    Tokens that no edge cuts are exactly what tokenising the range alone finds:
    the pattern looks neither behind nor ahead, and only whitespace, which no
    token holds, lies between tokens.
    """
    starts, ends = index.starts, index.ends
    lo, hi = bisect_left(starts, start), bisect_left(starts, stop)
    if (lo and ends[lo - 1] > start) or (hi and ends[hi - 1] > stop):
        return None
    return lo, hi


def span_token_texts(text: str, start: int, end: int) -> list[str]:
    """``token_texts(text, start, end)`` for a sentence or clause of an article, read
    from the article's tokens (found once) rather than by tokenising the span again."""
    stop = max(start, min(end, len(text)))
    index = token_index(text)
    found = _within(index, start, stop)
    if found is None:
        return _TOKEN_RE.findall(text, start, stop)
    return list(index.texts[found[0] : found[1]])


def span_tokens(text: str, start: int, end: int) -> list[Token]:
    """``tokenize(text, start, end)`` for a sentence of an article, read from the
    article's tokens (found once) rather than by tokenising the span again."""
    stop = max(start, min(end, len(text)))
    index = token_index(text)
    found = _within(index, start, stop)
    if found is None:
        return tokenize(text, start, stop)
    return index.tokens(*found)


def forget_token_index() -> None:
    """Drop remembered article tokens (benchmarks timing unseen articles)."""
    token_index.cache_clear()


# --- cosmetic folding -------------------------------------------------------

_QUOTES_AND_DASHES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


def fold_punctuation(text: str) -> str:
    """Curly quotes to straight ones and every dash to "-"."""
    return text.translate(_QUOTES_AND_DASHES)


_ABBREVIATION_RE = re.compile(rf"^{_ABBREVIATION}$|^(?:[^\W\d_]\.)+[^\W\d_]$")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_INNER_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_POSSESSIVE_RE = re.compile(r"'s$")

# British → American spelling rules. Each rule only rewrites shapes where the
# rewritten form is not itself a different English word, so "four"/"for" or
# "filled"/"filed" are never folded together.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # colour, favourite, neighbourhood, behaviour (≥2 letters before "our")
    (
        re.compile(
            r"^([a-z]{2,})our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods|ful|less|ist|ists|ism)?$"
        ),
        r"\1or\2",
    ),
    # organise, recognised, organisation; analyse, paralysed
    (re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^([a-z]{3,})ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    # travelled, cancelling, modeller: an unstressed final syllable doubles the l
    (
        re.compile(r"^([a-z]*[aeiou][b-df-hj-np-tv-z]{1,3}[aeiou])ll(ed|ing|er|ers|or|ors)$"),
        r"\1l\2",
    ),
    # centre, theatre, fibre, calibre
    (re.compile(r"^([a-z]{2,}[bt])re(s?)$"), r"\1er\2"),
    # paediatric, anaesthetic, haemorrhage, encyclopaedia, mediaeval, palaeontology
    (re.compile(r"^(an|h|p|orthop|encyclop|medi|pal)ae"), r"\1e"),
    # oestrogen, oesophagus, foetus
    (re.compile(r"^(f?)oe(?=s|t)"), r"\1e"),
)
_RE_SUFFIX_EXCEPTIONS = frozenset({"timbre", "timbres", "notre"})
_SPELLING_WORDS = {
    "grey": "gray",
    "greys": "grays",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "dialogue": "dialog",
    "dialogues": "dialogs",
    "analogue": "analog",
    "judgement": "judgment",
    "judgements": "judgments",
    "ageing": "aging",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
    "plough": "plow",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "enquiry": "inquiry",
    "enquiries": "inquiries",
    "kerb": "curb",
    "moustache": "mustache",
    "pyjamas": "pajamas",
    "cosy": "cozy",
    "sulphur": "sulfur",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "instalment": "installment",
    "skilful": "skillful",
    "wilful": "willful",
    "whilst": "while",
    "amongst": "among",
    "towards": "toward",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    # past tenses in -t ("the bodies were burnt", "we have learnt")
    "burnt": "burned",
    "learnt": "learned",
    "spelt": "spelled",
    "dreamt": "dreamed",
    "leapt": "leaped",
    "spilt": "spilled",
    "spoilt": "spoiled",
}


# Every shape some rule in _SPELLING_RULES rewrites, in one pattern: most words
# match none, and one search is far cheaper than trying each rule in turn. A
# word no rule matches is never rewritten (a later rule could only match what
# an earlier one rewrote), so this gate loses nothing.
_SPELLING_CANDIDATE_RE = re.compile(
    r"our"
    r"|is(?:e|es|ed|ing|ations?|ers?)$"
    r"|ys(?:e|es|ed|ing|ers?)$"
    r"|ll(?:ed|ing|ers?|ors?)$"
    r"|[bt]res?$"
    r"|^(?:an|h|p|orthop|encyclop|medi|pal)ae"
    r"|^f?oe[st]"
)


@lru_cache(maxsize=65536)
def _american(word: str) -> str:
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    if word in _RE_SUFFIX_EXCEPTIONS or len(word) < 5 or not _SPELLING_CANDIDATE_RE.search(word):
        return word
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def _strip_accents(text: str) -> str:
    """ "kovač" → "kovac", "zürich" → "zurich": Latin (and Greek) diacritics only.

    Only the combining diacritical marks block is dropped, so the vowel signs
    of scripts such as Devanagari, which change the word, are kept.
    """
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65536)
def cosmetic_key(token_text: str) -> str:
    """A key equal for two tokens a reader would call the same word.

    Folds case, Unicode compatibility forms, accents ("Kovač" = "Kovac"),
    curly/straight quotes, dashes, abbreviation dots ("U.S." = "US"), hyphens inside words
    ("de-escalation" = "deescalation"), thousands separators and British vs
    American spelling. Pure punctuation folds to "" so a moved comma or a
    straightened quote mark is never reported as a change.
    """
    text = unicodedata.normalize("NFKC", token_text).translate(_QUOTES_AND_DASHES).casefold()
    if text == "&":
        return "and"  # "families & everyone" in a post, "families and everyone" in print
    if not text.isascii():
        text = _strip_accents(text)
    if not any(ch.isalnum() for ch in text):
        return ""
    if _ABBREVIATION_RE.match(text):
        return text.replace(".", "")
    text = _THOUSANDS_RE.sub("", text)
    if "-" in text:  # "non-defence" = "non-defense": each part of a compound folded alone
        text = "-".join(_american(part) if part.isalpha() else part for part in text.split("-"))
    text = _INNER_HYPHEN_RE.sub("", text)
    stem, possessive = text, ""
    if _POSSESSIVE_RE.search(text):
        stem, possessive = text[:-2], "'s"
    return _american(stem) + possessive if stem.isalpha() else text
