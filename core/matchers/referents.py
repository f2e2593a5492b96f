"""The person a role stands for, within one article.

Newsrooms name a person once with their role ("<nationality> leader <name>",
"Foreign Minister <name>") and then vary the reference: "the leader", "the
foreign minister". Another outlet keeps the name. Read literally, the two
sentences share no name and seldom align; read as the article means them,
they speak of the same person. Only roles the article gives to one person
stand for anyone: two presidents make "the president" nobody in particular.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core import lexicon
from core.text.tokens import token_texts

_TITLES = lexicon.words("person_titles")
_MODIFIERS = lexicon.words("title_modifiers")
_PLACES = lexicon.words("places") | lexicon.words("nationalities")
_DETERMINERS = frozenset({"the", "a", "an", "of", "for", "and"})
_POSSESSIVE = re.compile(r"['’]s?$")
_MAX_MODIFIERS = 3
_MAX_NAME = 3

Description = tuple[str, ...]


@lru_cache(maxsize=256)
def referents(text: str) -> dict[Description, tuple[str, ...]]:
    """Each role the article gives to exactly one named person, with that person's name
    tokens: {("harbour", "minister"): ("Oskar", "Vell"), ("minister",): (…)}.

    Cached per text: every sentence of the article asks.
    """
    tokens = token_texts(text)
    found: dict[Description, set[tuple[str, ...]]] = {}
    for i, token in enumerate(tokens):
        if token.lower() not in _TITLES or not token[:1].isalpha():
            continue
        name = _name_after(tokens, i + 1)
        if not name:
            continue
        modifiers = _modifiers_before(tokens, i)
        if _determined(tokens, i - len(modifiers)):
            continue  # "showed the leader <place>'s …": an object, not a title
        for k in range(len(modifiers) + 1):
            key = tuple(w.lower() for w in (*modifiers[k:], token))
            found.setdefault(key, set()).add(name)
    return {key: max(names, key=len) for key, names in found.items() if len(_surnames(names)) == 1}


def mentioned(text: str, tokens: list[str]) -> tuple[str, ...]:
    """Name tokens of the people ``tokens`` (a passage of ``text``) refer to by role alone
    ("the foreign minister"): the longest description after each "the"."""
    table = referents(text)
    if not table:
        return ()
    lowered = [t.lower() for t in tokens]
    out: list[str] = []
    for i, word in enumerate(lowered):
        if word != "the":
            continue
        for size in range(_MAX_MODIFIERS + 1, 0, -1):
            name = table.get(tuple(lowered[i + 1 : i + 1 + size]))
            if name and not _named_next(tokens, i + 1 + size):
                out.extend(name)
                break
    return tuple(out)


def _name_after(tokens: list[str], start: int) -> tuple[str, ...]:
    """The capitalised run right after a title (a person's name), or ()."""
    name: list[str] = []
    for token in tokens[start : start + _MAX_NAME]:
        lower = token.lower()
        if not _capitalised(token) or lower in _TITLES or lower in _MODIFIERS or lower in _PLACES:
            break
        bare = _POSSESSIVE.sub("", token)
        name.append(bare)
        if bare != token:
            break  # "President Putin's visit"
    return tuple(name)


def _modifiers_before(tokens: list[str], end: int) -> list[str]:
    """The words qualifying a title ("Northern Harbour", "foreign"), nearest last."""
    out: list[str] = []
    for token in reversed(tokens[max(0, end - _MAX_MODIFIERS) : end]):
        lower = token.lower()
        if lower not in _DETERMINERS and (lower in _MODIFIERS or _capitalised(token)):
            out.append(token)
        else:
            break
    return out[::-1]


def _determined(tokens: list[str], index: int) -> bool:
    """Whether the role opens with an article: "the leader <name>" is seldom a title."""
    return index > 0 and tokens[index - 1].lower() in _DETERMINERS


def _named_next(tokens: list[str], index: int) -> bool:
    """Whether a name follows the description: then the passage names the person itself."""
    return index < len(tokens) and _capitalised(tokens[index])


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _surnames(names: set[tuple[str, ...]]) -> set[str]:
    """One person may be named in full and by surname alone, hyphenated or not."""
    return {name[-1].lower().replace("-", " ").split()[-1] for name in names}
