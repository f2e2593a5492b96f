"""Attributions: who each claim is credited to.

"According to Reuters" and "according to the foreign ministry" put the same
sentence on different authority; a fact-checker needs to see that. Sources
are keyed (see :mod:`core.facts.speech`) so two articles crediting the same
person or body agree even when one says "Wang" and the other "the foreign
minister".
"""

from __future__ import annotations

import re

from core import lexicon
from core.facts.context import Context
from core.facts.fact_records import Attribution, Entity, Quote
from core.facts.speech import (
    SPEECH_VERB,
    SPEECH_WORDS,
    Source,
    coordinated_subject,
    needs_clause,
    object_after,
    source_of,
    subject_before,
)
from core.ingest.boilerplate import BoilerplateIndex
from core.ingest.date_stamps import leading_stamp_end

AGENCIES = lexicon.words("news_agencies")
_RELAYS = re.compile(
    r"\b(?P<cue>[Aa]ccording\s+to|[Cc]iting|[Qq]uoting|[Pp]er|[Cc]ited\s+by|[Ss]peaking\s+to)\s+"
)
_RELAY_WORDS = frozenset({"according", "citing", "quoting", "per", "cited", "speaking"})
#: A claim passed on in the passive: "as reported by state TV", "quoted by Reuters",
#: "as announced this morning by the minister" (a few words may part verb and "by").
_PASSIVE_RELAY = re.compile(
    r"(?P<cue>reported|stated|announced|quoted)(?:\s+[\w-]+){0,3}?\s+by\s+"
)
_PASSIVE_WORDS = frozenset({"reported", "stated", "announced", "quoted"})
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
_DOCUMENT_WORDS = frozenset({"readout", "read", "reading", "transcript", "summary"})
#: "according to plan" describes a manner, not a source.
_MANNER = re.compile(
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:plan|schedule|rules?|law|script|tradition|custom|protocol|guidelines)\b",
    re.I,
)
_DOCUMENT = re.compile(
    r"\b(?P<cue>readout|read-out|reading|transcript|summary)\s+of\s+(?:the|their|this|that)\s+"
    r"(?:\w+\s+)?(?:call|meeting|conversation|talks|summit|exchange)\b"
)
_DOCUMENT_OWNER_AFTER = re.compile(
    r"\s*,?\s+(?:published|issued|released|posted|put\s+out)\s+by\s+|\s+from\s+"
)
_AUDIENCE = re.compile(
    r"\s+(?P<who>reporters|journalists|media\s*persons|the\s+media|newsmen|correspondents|the\s+press|lawmakers|parliament|the\s+court|the\s+jury|an?\s+(?:news|press)\s+conference|[A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+)*)"
)
_SETTINGS = lexicon.groups("speech_settings")


def _alternatives(group: str) -> str:
    return "|".join(
        sorted((re.escape(w) for w, g in _SETTINGS.items() if g == group), key=len, reverse=True)
    )


#: Platforms a post goes out on; "social" only as "social media" or "social network",
#: not "Social Security".
_PLATFORMS = "|".join(
    r"social(?=\s+(?:media|networks?)\b)" if word == "social" else re.escape(word)
    for word in sorted((w for w, g in _SETTINGS.items() if g == "platform"), key=len, reverse=True)
)
#: "said in a statement", "said at a news conference", "said on X": how it was said,
#: read as part of the cue so that two channels of one speaker can be told apart.
_IN_A_STATEMENT = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:"
    r"(?:in|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}"
    rf"(?P<doc>{_alternatives('setting')})"
    rf"|on\s+(?P<platform>{_PLATFORMS})"
    r")\b",
    re.I,
)
#: A statement the speaker put out "on social media" or "posted on X": a post.
_POSTED_ON = re.compile(
    r"\s+(?:(?:posted|published|shared|put\s+out)\s+)?on\s+(?:(?:its|his|her|their|the)\s+)?"
    r"(?:official\s+)?"
    rf"(?P<platform>{_PLATFORMS})\b",
    re.I,
)
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|:|,|[“\"])")
#: Pronouns and determiners that name no source on their own.
_VAGUE_PRONOUNS = lexicon.words("vague_sources")


def extract_attributions(
    context: Context, entities: list[Entity], quotes: list[Quote]
) -> list[Attribution]:
    text = context.text
    quoted = BoilerplateIndex((q.start, q.end) for q in quotes)  # any span index will do
    found = [
        *_relays(context, entities, quoted),
        *_documents(context, entities),
        *_speech(context, entities, quoted),
    ]
    found = [a for a in found if not context.in_boilerplate(a.start, a.end)]
    found = _deduplicate(found)
    return _link_chains(context, found, text) + _wire_credits(context)


#: A dateline's agency and the mark that ends the dateline: "LONDON, June 3 (Reuters) -",
#: "Mumbai (PTI):". Shared with the date finder, which reads the date before it.
DATELINE_AGENCY = r"\((?P<agency>[A-Z][\w .&/-]{1,30})\)\s*"
DATELINE_END = r"[:\-–—]"
_DATELINE_CREDIT = re.compile(DATELINE_AGENCY + DATELINE_END)
_WIRE_LINES = 6  # the top lines where a credit line or dateline stands
_WIRE_LINE_CHARS = 60


def _wire_credits(context: Context) -> list[Attribution]:
    """The agency a whole article is credited to: a dateline's "(ANI):" or a line that
    is nothing but the agency ("PTI" under the date stamp). Cue ``wire``."""
    text = context.text
    found: list[Attribution] = []
    for number, line in enumerate(re.finditer(r"[^\n]+", text)):
        if number >= _WIRE_LINES or found:
            break
        start, end = line.start(), line.end()
        body = text[start + leading_stamp_end(line.group()) : end].strip(" \t-–—|·")
        if len(line.group().strip()) <= _WIRE_LINE_CHARS and body.casefold() in AGENCIES:
            lead = start + len(line.group()) - len(line.group().lstrip())
            found.append(_wire_record(context, lead, end, body))
            continue
        dateline = _DATELINE_CREDIT.search(text, start, min(end, start + 160))
        if dateline and dateline.group("agency").strip().casefold() in AGENCIES:
            lead = start + len(line.group()) - len(line.group().lstrip())
            lead += leading_stamp_end(text[lead:end])
            lead += len(text[lead:end]) - len(text[lead:end].lstrip())
            found.append(_wire_record(context, lead, dateline.end(), dateline.group("agency")))
    return found


def _wire_record(context: Context, start: int, end: int, agency: str) -> Attribution:
    text = context.text
    name = agency.strip()
    return Attribution(
        start, end, text[start:end], name, name.casefold(), context.sentence_of(start), "wire"
    )


def _relays(
    context: Context, entities: list[Entity], quoted: BoilerplateIndex
) -> list[Attribution]:
    """ "according to X", "citing X", "quoting X"."""
    text = context.text
    out = []
    for match in context.matches(_RELAYS, context.positions(_RELAY_WORDS)):
        if quoted.touches(match.start(), match.start() + 1):  # inside a quotation
            continue
        cue = " ".join(match.group("cue").lower().split())
        if cue == "according to" and _MANNER.match(text, match.end()):
            continue
        if cue == "per" and not text[match.end() : match.end() + 1].isupper():
            continue
        source = _source_after(context, entities, match)
        if source:
            out.append(_record(context, match.start(), source, cue))
    return out + _passive_relays(context, entities, quoted)


def _source_after(context: Context, entities: list[Entity], cue: re.Match[str]) -> Source | None:
    """The source named right after a relay's cue, inside its sentence."""
    text = context.text
    _, sentence_end = context.sentence_span(cue.start())
    found = object_after(text, cue.end(), max(sentence_end, cue.end()))
    return source_of(text, found, entities) if found else None


def _passive_relays(
    context: Context, entities: list[Entity], quoted: BoilerplateIndex
) -> list[Attribution]:
    """ "(as) reported by X", "quoted by X": cue "<verb> by"."""
    text = context.text
    out = []
    for match in context.matches(_PASSIVE_RELAY, context.positions(_PASSIVE_WORDS)):
        if quoted.touches(match.start(), match.start() + 1):
            continue
        source = _source_after(context, entities, match)
        if source is None or source.text.lower() in _VAGUE_PRONOUNS or not source.key:
            continue
        before = _AS_BEFORE.search(text, max(0, match.start() - 4), match.start())
        start = before.start() if before else match.start()
        out.append(_record(context, start, source, f"{match.group('cue')} by"))
    return out


def _documents(context: Context, entities: list[Entity]) -> list[Attribution]:
    """ "the State Department's readout of the call", "a readout … published by X"."""
    text = context.text
    out = []
    for match in context.matches(_DOCUMENT, context.positions(_DOCUMENT_WORDS)):
        owner = None
        floor = max(context.sentence_span(match.start())[0], text.rfind("\n", 0, match.start()) + 1)
        before = text[floor : match.start()]
        possessive = re.search(r"['’]s?\s+(?:\w+\s+)?$", before)
        if possessive:
            end = floor + possessive.start()
            span = subject_before(text, end, floor)
            if span and span[1] == end:
                owner = source_of(text, span, entities)
        after = _DOCUMENT_OWNER_AFTER.match(text, match.end())
        if owner is None and after:
            _, sentence_end = context.sentence_span(match.start())
            span = object_after(text, after.end(), max(sentence_end, after.end()))
            owner = source_of(text, span, entities) if span else None
        if owner and owner.key not in _VAGUE_PRONOUNS:
            start = min(owner.start, match.start())
            end = max(owner.end, match.end())
            out.append(_record(context, start, owner, match.group("cue"), end))
    return out


def _speech(
    context: Context, entities: list[Entity], quoted: BoilerplateIndex
) -> list[Attribution]:
    """ "X said", "X told reporters", "…, said X"."""
    text = context.text
    out = []
    for verb in context.matches(SPEECH_VERB, context.positions(SPEECH_WORDS)):
        if quoted.touches(verb.start(), verb.start() + 1):  # inside a quotation
            continue
        sentence_start, sentence_end = context.sentence_span(verb.start())
        sentence_start = max(sentence_start, text.rfind("\n", 0, verb.start()) + 1)
        before = text[sentence_start : verb.start()].rstrip()
        inverted = before.endswith((",", "”", '"', "’"))
        if needs_clause(verb.group()) and not (inverted or _CLAUSE_AFTER.match(text, verb.end())):
            continue
        if _reported_state(text, verb):
            continue  # "three people reported dead": a state, not a credit
        span = object_after(text, verb.end(), max(sentence_end, verb.end())) if inverted else None
        if span is None:
            span = subject_before(text, verb.start(), sentence_start) or coordinated_subject(
                text, verb.start(), sentence_start, entities
            )
        source = source_of(text, span, entities) if span else None
        if source is None or source.text.lower() in _VAGUE_PRONOUNS or not source.key:
            continue
        cue, cue_end = _speech_cue(text, verb)
        if source.start > verb.start() and cue == verb.group().lower():
            # "…, said the minister in a statement": the setting follows the speaker
            setting = _setting(text, source.end)
            if setting:
                cue, cue_end = f"{cue} {setting[0]}", setting[1]
        start, end = min(source.start, verb.start()), max(source.end, cue_end)
        out.append(_record(context, start, source, cue, end))
    return out


#: Words that, right after "reported" or "confirmed", make it a state ("reported
#: missing", "confirmed dead"): the casualty roles of lexicon/roles.txt.
_STATES = frozenset(
    word for word, role in lexicon.groups("roles").items() if role in ("dead", "hurt", "missing")
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _reported_state(text: str, verb: re.Match[str]) -> bool:
    following = _NEXT_WORD.match(text, verb.end())
    return following is not None and following.group(1) in _STATES


def _speech_cue(text: str, verb: re.Match[str]) -> tuple[str, int]:
    """ "said in a statement", "told reporters", or the verb alone."""
    lower = verb.group().lower()
    if lower in ("told", "tells", "tell"):
        audience = _AUDIENCE.match(text, verb.end())
        if audience:
            who = audience.group("who")
            if who.islower() or who.casefold() in AGENCIES:  # "told reporters", "told Reuters"
                return f"{lower} {who.lower()}", verb.end()
            return lower, verb.end()
    setting = _setting(text, verb.end())
    if setting:
        return f"{lower} {setting[0]}", setting[1]
    return lower, verb.end()


def _setting(text: str, at: int) -> tuple[str, int] | None:
    """ "in a statement", "at a news conference", "on X" at ``at``, as a cue's words
    ("in a statement", "in a conference", "on x"), and where they end."""
    found = _IN_A_STATEMENT.match(text, at)
    if not found:
        return None
    if found.group("doc"):
        doc = found.group("doc").lower()
        cue = f"in {'an' if doc[0] in 'aeiou' else 'a'} {doc}"
        posted = _POSTED_ON.match(text, found.end())
        if posted:  # a statement, put out as a post
            return f"{cue} on {posted.group('platform').lower()}", posted.end()
        return cue, found.end()
    return f"on {found.group('platform').lower()}", found.end()


def _record(
    context: Context, start: int, source: Source, cue: str, end: int | None = None
) -> Attribution:
    end = source.end if end is None else end
    text = context.text
    return Attribution(
        start, end, text[start:end], source.text, source.key, context.sentence_of(start), cue
    )


def _deduplicate(found: list[Attribution]) -> list[Attribution]:
    """One record per source and place: a relay inside a document phrase is the same claim."""
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Attribution] = []
    # Items come by start, so a kept record of the same source holds this one's
    # start exactly when its end lies past it: the furthest end per source decides.
    reach: dict[str, int] = {}
    for item in found:
        if reach.get(item.source_key, -1) > item.start:
            continue
        kept.append(item)
        reach[item.source_key] = max(reach.get(item.source_key, -1), item.end)
    return kept


_RELAY_CUES = ("according to", "citing", "quoting", "per", "cited by", "speaking to")


def _link_chains(context: Context, found: list[Attribution], text: str) -> list[Attribution]:
    """Chains in one sentence: each link names who relayed it in ``via``.

    "Wang told Blinken, the ministry said, according to Reuters": Wang via the
    ministry, the ministry via Reuters. "According to state media, Wang told…"
    and "the ministry said Wang told…": Wang via the first-named source.
    """
    linked = list(found)
    for index in range(len(linked) - 1):
        item, following = linked[index], linked[index + 1]
        if following.sentence != item.sentence or following.source_key == item.source_key:
            continue
        between = text[item.end : following.start]
        if re.search(r"\bbut\b|[“”\".;]", between):
            continue
        words = between.split()
        if following.cue in _RELAY_CUES and item.cue not in _RELAY_CUES:
            linked[index] = item._replace(via=following.source_key)
        elif (
            (
                item.cue in _RELAY_CUES
                and following.cue not in _RELAY_CUES
                and between.strip() in ("", ",")
            )
            or not words
            or words == ["that"]
        ):
            linked[index + 1] = following._replace(via=item.source_key)
        elif len(words) <= 3 and between.rstrip().endswith(","):
            linked[index] = item._replace(via=following.source_key)
    return linked
