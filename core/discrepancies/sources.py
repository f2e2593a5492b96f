"""Who a passage credits, and when two passages credit different sources.

Attributions come in two roles. A *speaker* says something ("Wang told
Blinken", "the ministry said"); a *conduit* passes it on ("according to local
media", "citing Reuters", "the State Department's readout"). One article often
adds a link to the chain the other omits ("…, according to Reuters"), which
is not a discrepancy. Two accounts conflict when a conduit of one side is
credited nowhere on the other and vice versa — "according to local media"
against "according to the wire service".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from core import lexicon
from core.discrepancies.side import Side, per_article
from core.discrepancies.text import initials_of, is_function_word, stem
from core.facts.fact_records import Attribution
from core.facts.names import name_variants_match

SPEECH_CUES = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "states",
        "noted",
        "notes",
        "announced",
        "announces",
        "warned",
        "warns",
        "wrote",
        "writes",
        "insisted",
        "insists",
        "explained",
        "explains",
        "claimed",
        "claims",
        "asserted",
        "declared",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "tweeted",
        "posted",
        "urged",
        "urges",
        "argued",
        "argues",
        "stressed",
        "stresses",
        "asked",
        "asks",
        "replied",
        "replies",
        "responded",
        "responds",
        "acknowledged",
        "admitted",
    ]
)


#: Cues that relay whoever they name ("according to", "citing", "cited by").
RELAY_CUES = frozenset({"according", "citing", "quoting", "per", "cited", "speaking", "via"})
#: Cues that relay only when a news medium says them ("state TV reported").
MEDIA_CUES = frozenset({"reported", "reports", "report", "quoted", "quotes"})
MEDIA_WORDS = lexicon.words("media")
AGENCIES = lexicon.words("news_agencies")


def is_medium(f: Attribution) -> bool:
    words = _words(f.source)
    return bool(words & MEDIA_WORDS) or f.source_key in AGENCIES or bool(words & AGENCIES)


def is_named(f: Attribution) -> bool:
    """Whether a speaker is named ("Wang Yi", "the Foreign Ministry") rather than
    described ("a senior diplomat", "officials", "he"), which may be anyone named
    in the other article."""
    words = f.source.split()
    return bool(words) and words[-1][:1].isupper() and f.source.casefold() not in PRONOUNS


#: Words that name a body or an office ("the army", "the country's president").
INSTITUTION_WORDS = (lexicon.words("org_words") | lexicon.words("person_titles")) - lexicon.words(
    "unnamed_officials"
)
#: Titles that speak for a body (lexicon/spokes_titles.txt): "the director" is the hospital.
SPOKES_TITLES = lexicon.words("spokes_titles")


def _body(f: Attribution) -> frozenset[str]:
    """The body or office an unnamed speaker is ("the army", "the president"); empty
    for a name, which the other side may describe ("the company" for a firm it names),
    and for anyone at all ("officials", "a source")."""
    words = _words(f.source)
    if is_named(f) or words & SPOKES_TITLES:
        return frozenset()
    return words & INSTITUTION_WORDS


def _different_bodies(
    left: Sequence[Attribution], right: Sequence[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """Two unnamed bodies that are plainly not one ("the army" / "the president")."""
    for f in left:
        for g in right:
            body_f, body_g = _body(f), _body(g)
            if body_f and body_g and not body_f & body_g:
                return f, g
    return None


#: Speakers a credit can give without a name ("he said").
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def is_conduit(f: Attribution) -> bool:
    """Whether a credit passes a claim on (a relay) rather than makes it (a speaker)."""
    cue = f.cue.casefold().split()
    if not cue:
        return True
    if any(word in RELAY_CUES for word in cue):
        return True
    if any(word in MEDIA_CUES for word in cue):
        return is_medium(f)
    return not any(word in SPEECH_CUES for word in cue)


#: What a credit was given through, by the words of its cue ("told reporters",
#: "said in a video statement", "told the broadcaster"): one person telling the press and
#: the same person putting out a statement are two accounts of how it was said.
CHANNELS = lexicon.groups("channels")
#: Channels of channels.txt through which a source puts its own words out, not the press's.
WRITTEN_CHANNELS = frozenset({"statement", "letter", "video"})


def channel(f: Attribution) -> str:
    words = f.cue.casefold().split()
    if any(w in AGENCIES for w in words[1:]):
        return "press"  # told a news agency
    found = [CHANNELS[w] for w in words if w in CHANNELS]
    if "post" in found:
        return "post"  # a statement put out on a platform is a post, as "tweeted" is
    if found:
        return found[0]
    return next((CHANNELS[w] for w in sorted(_words(f.source)) if w in CHANNELS), "")


def _written(f: Attribution) -> bool:
    """Whether a credit says the source put its words out itself, in writing or on
    video, a statement posted on a platform included."""
    return channel(f) in WRITTEN_CHANNELS or any(
        CHANNELS.get(w) in WRITTEN_CHANNELS for w in f.cue.casefold().split()
    )


class Credits:
    """Who one article credits, with every name it gives each source.

    "Maria Okoro", "Okoro" and "the Harbour Master" are one speaker in an
    article that calls her all three; the words of every mention of a key
    are pooled so a later "the Harbour Master said" still matches "Okoro".
    """

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        words: dict[str, set[str]] = {}
        for f in attributions:
            words.setdefault(f.source_key, set()).update(_words(f.source))
        pooled = {k: set(v) for k, v in words.items()}
        for key in pooled:
            for other, other_names in pooled.items():
                if other != key and set(key.split()) <= other_names:
                    words[key] |= other_names  # "harbour master" inside "…Harbour Master Okoro"
        # frozen, so the office reading of a source's words is remembered (``_office``)
        self.words: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in words.items()}

    def names(self, f: Attribution) -> frozenset[str]:
        found = self.words.get(f.source_key)
        return _words(f.source) if found is None else found


@per_article
def credits_of(side: Side) -> Credits:
    """One article's pooled credits, read once for every pair and finder that asks."""
    return Credits(side.facts.attributions)


def same_source(
    f: Attribution,
    g: Attribution,
    credits_f: Credits | None = None,
    credits_g: Credits | None = None,
) -> bool:
    """Whether two credits name one source.

    One outlet's "Beijing's foreign ministry" is another's "China's foreign
    ministry"; "State Department spokesman Ned Price" speaks for "the State
    Department".
    """
    if f.source_key == g.source_key or name_variants_match(f.source_key, g.source_key):
        return True  # "Varga" / "Vargas" is one source spelt two ways
    key_f, key_g = f.source_key.split(), g.source_key.split()
    if "".join(key_f) == "".join(key_g) or initials_of(key_f, key_g) or initials_of(key_g, key_f):
        return True  # "Pay Pal" / "PayPal"; "IRNA" / "Islamic Republic News Agency"
    if _nationality_only(key_f) or _nationality_only(key_g):
        return True  # "the Norwegian said": the person another credit names
    # "Beijing's foreign ministry" / "China's foreign ministry"; but "Fars news
    # agency" / "Mehr news agency" share only the kind of medium
    tail = key_f[-2:]
    if len(key_f) >= 2 and len(key_g) >= 2 and tail == key_g[-2:] and not set(tail) <= MEDIA_WORDS:
        return True
    names_f = credits_f.names(f) if credits_f else _words(f.source)
    names_g = credits_g.names(g) if credits_g else _words(g.source)
    if set(key_f) <= names_g or set(key_g) <= names_f:
        return True
    # "the country's ambassador to Vanuatu" / "China's Ambassador to Vanuatu Li Minggan":
    # the country, the government, officials stand for whoever the other side names
    # (but "state media" and "local media" are two newsrooms: a kind of medium is no office)
    own_f, own_g = set(key_f) - STANDING_FOR_A_NAME, set(key_g) - STANDING_FOR_A_NAME
    if (own_f and own_f < set(key_f) and own_f <= names_g and not own_f <= MEDIA_WORDS) or (
        own_g and own_g < set(key_g) and own_g <= names_f and not own_g <= MEDIA_WORDS
    ):
        return True
    # "the Interior Ministry reported" / "Interior Minister Ana Ruiz said": a minister
    # speaks for the ministry
    office_f, office_g = _office(frozenset(key_f)), _office(frozenset(key_g))
    if office_f <= _office(names_g) or office_g <= _office(names_f):
        return True
    return (
        _describes(g, names_f, f)
        or _describes(f, names_g, g)
        or _both_unnamed_media(f, g)
        or _both_unnamed_officials(f, g)
        or _one_newsroom(f, key_f, g, key_g)
    )


#: Words that describe a newsroom without naming it ("state", "official").
MEDIA_DESCRIPTORS = lexicon.words("media_descriptors")


def _one_newsroom(f: Attribution, key_f: list[str], g: Attribution, key_g: list[str]) -> bool:
    """Two media credits whose names agree once their descriptions are set aside:
    "Ostland state media outlet Kestrel" and "the Kestrel News Agency" are one newsroom,
    "Fars news agency" and "Mehr news agency" two."""
    if not (is_medium(f) and is_medium(g)):
        return False
    generic = MEDIA_WORDS | NATIONALITIES | MEDIA_DESCRIPTORS
    name_f, name_g = set(key_f) - generic, set(key_g) - generic
    return bool(name_f and name_g) and (name_f <= name_g or name_g <= name_f)


NATIONALITIES = lexicon.words("nationalities")


def _nationality_only(key: list[str]) -> bool:
    """Whether a credit names a person by nationality alone ("the Norwegian", "the
    Briton"): a reference back to someone the story names, not another source."""
    return bool(key) and all(w in NATIONALITIES or is_function_word(w) for w in key) and any(
        w in NATIONALITIES for w in key
    )


#: The noun of an office a titled person runs (lexicon/office_heads.txt).
OFFICE_HEADS = lexicon.words("office_heads")


@lru_cache(maxsize=8192)
def _office(words: frozenset[str]) -> frozenset[str]:
    """Credit words by their stems, without the office's own noun: a ministry is read
    as its minister, the presidency as the president, "the Sheriff's Office" as the
    sheriff, and "Transport" and "Transportation" name one office."""
    return frozenset(stem(w) for w in words if w not in OFFICE_HEADS)


#: Words of a credit to "the authorities" at large (lexicon/unnamed_officials.txt).
UNNAMED_OFFICIALS = lexicon.words("unnamed_officials")
#: Words of a credit that stand for whatever the other credit names: the unnamed officials,
#: the place an office serves ("the state governor" / "Westland Governor Ana Ruiz") and a
#: body's paper, with the "of" that joins it to the body ("the guidance of the company" /
#: "company spokesman Ana Ruiz").
#: A country or city named before a body ("the Nepal Police", "Iraq's health ministry")
#: says whose body it is, as the nationality does ("the Nepalese police"): against
#: "police spokesman Ana Ruiz" the body's own words decide.
_PLACES = frozenset(p for p in lexicon.words("places") if " " not in p)
STANDING_FOR_A_NAME = (
    UNNAMED_OFFICIALS
    | lexicon.words("jurisdiction_words")
    | lexicon.words("document_words")
    | {"of"}
    | _PLACES
    | {p + "'s" for p in _PLACES}
    | lexicon.words("nationalities")
)


def _both_unnamed_officials(f: Attribution, g: Attribution) -> bool:
    """Whether both credits name only "the authorities" ("officials said" / "according
    to official figures"): one unnamed official source put two ways."""
    return all(_words(x.source) <= UNNAMED_OFFICIALS for x in (f, g))


def _both_unnamed_media(f: Attribution, g: Attribution) -> bool:
    """Whether two credits are unnamed media and one says nothing more ("media reports"):
    it may be any medium, so against "local media" it names no other source."""
    if is_named(f) or is_named(g) or not (is_medium(f) and is_medium(g)):
        return False
    return any(not (_words(x.source) - MEDIA_WORDS - MEDIA_CUES) for x in (f, g))


def _describes(vague: Attribution, names: set[str] | frozenset[str], named: Attribution) -> bool:
    """Whether an unnamed medium ("state media") is the other credit's named medium
    described less precisely ("the state news agency RIA"): every word it gives
    besides the kind of medium is one of the named medium's words, or, for a medium a
    government runs ("Xinhua"), a word that says so ("state", "official")."""
    if is_named(vague) or not is_medium(vague) or not is_medium(named):
        return False
    descriptors = _words(vague.source) - MEDIA_WORDS
    if named.source_key in STATE_MEDIA:
        names = set(names) | STATE_DESCRIPTORS | NATIONALITIES
    return bool(descriptors) and descriptors <= names


STATE_MEDIA = lexicon.words("state_media")
STATE_DESCRIPTORS = lexicon.words("state_descriptors")


#: Titles written as initials (lexicon/title_abbreviations.txt): "CM" → chief minister.
TITLE_ABBREVIATIONS = {
    initials: frozenset(title.split())
    for title, initials in lexicon.phrase_groups("title_abbreviations").items()
}


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    """A credit's words, folded, a title's initials and its words standing for each
    other ("the CM" / "the chief minister"); remembered, as the story-wide finders set
    every credit of one article against every credit of the other."""
    found = {
        w.casefold().replace("’", "'").removesuffix("'s") for w in re.findall(r"[\w'’]+", text)
    }
    for initials, title in TITLE_ABBREVIATIONS.items():
        if initials in found:
            found |= title
        elif title <= found:
            found.add(initials)
    return frozenset(found)


def forget_credit_words() -> None:
    """Drop remembered credit words (benchmarks time reading, not lookups)."""
    _words.cache_clear()
    _office.cache_clear()


def conflicting_sources(
    left: Sequence[Attribution],
    right: Sequence[Attribution],
    credits: tuple[Credits, Credits] | None = None,
) -> tuple[Attribution, Attribution] | None:
    """The pair of credits by which two statements of one claim differ, or None.

    They differ when a conduit (a relay: "according to", "citing", an outlet
    that "reported") of one side is credited nowhere on the other; when each
    side has a speaker the other does not; or when one speaker is credited
    through two channels (told reporters / said in a statement).
    """
    credits_l, credits_r = credits or (None, None)
    left = [f for f in left if f.source_key]
    right = [f for f in right if f.source_key]
    if not left or not right:
        return None

    def known(
        f: Attribution, others: Sequence[Attribution], mine: Credits | None, theirs: Credits | None
    ) -> bool:
        return any(same_source(f, g, mine, theirs) for g in others)

    only_left = [f for f in left if not known(f, right, credits_l, credits_r)]
    only_right = [f for f in right if not known(f, left, credits_r, credits_l)]
    relayed_left = [f for f in only_left if is_conduit(f)]
    relayed_right = [f for f in only_right if is_conduit(f)]
    if relayed_left or relayed_right:
        return (relayed_left or only_left or left)[0], (relayed_right or only_right or right)[0]
    named_left = [f for f in only_left if is_named(f)]
    named_right = [f for f in only_right if is_named(f)]
    if named_left and named_right:
        return named_left[0], named_right[0]
    bodies = _different_bodies(only_left, only_right)
    if bodies:
        return bodies
    for f in left:
        for g in right:
            two_channels = channel(f) != channel(g) and (
                (channel(f) and channel(g)) or _written_against_relayed(f, g)
            )
            if not two_channels or not same_source(f, g, credits_l, credits_r):
                continue
            # each side naming both channels of the source tells the same account
            if not (_heard_through(f, right, credits_r) or _heard_through(g, left, credits_l)):
                return f, g
    return None


def _written_against_relayed(f: Attribution, g: Attribution) -> bool:
    """One side says how the source put it out in writing (a statement, a post, a
    letter) and the other only relays it ("according to the minister")."""
    return any(
        _written(x) and not channel(y) and is_conduit(y)
        for x, y in ((f, g), (g, f))
    )


def _heard_through(f: Attribution, others: Sequence[Attribution], credits: Credits | None) -> bool:
    """Whether ``others`` credit ``f``'s source through ``f``'s own channel too."""
    return any(channel(g) == channel(f) and same_source(f, g, None, credits) for g in others)
