"""The word lists of core/lexicon: every file well formed for the way it is read."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import lexicon

LEXICON = Path(lexicon.__file__).parent

#: How each file is read: a new file must say its shape here before it ships.
SHAPES = {
    "abbreviated_titles": "list",
    "abbreviations": "list",
    "adjusted_measures": "list",
    "aliases": "phrase_groups",
    "alignment_stop_words": "list",
    "antonyms": "phrase_groups",
    "approaching": "list",
    "articles": "list",
    "aside_openers": "list",
    "auxiliary_verbs": "list",
    "clock_hedges": "phrase_groups",
    "contractions": "groups",
    "synonyms": "groups",
    "title_abbreviations": "phrase_groups",
    "capacity_cues": "list",
    "people_at_large": "list",
    "span_bounds": "groups",
    "period_openers": "list",
    "change_cues": "list",
    "change_roles": "groups",
    "capitalised_abbreviations": "list",
    "channels": "groups",
    "common_verbs": "list",
    "comparatives": "list",
    "conversions": "table",
    "count_progress": "list",
    "counted_things": "groups",
    "corporate_suffixes": "list",
    "currency_codes": "cased_groups",  # codes are matched as written: "USD", "Rp"
    "currency_words": "phrase_groups",
    "national_currencies": "phrase_groups",
    "degree_adjectives": "list",
    "durations": "groups",
    "event_heads": "list",
    "function_words": "list",
    "furniture_phrases": "list",
    "headline_links": "list",
    "hedges": "list",
    "irregular_plurals": "groups",
    "joining_heads": "list",
    "measure_names": "groups",
    "measures": "list",
    "media": "list",
    "media_descriptors": "list",
    "media_kinds": "groups",
    "months": "groups",
    "nationalities": "list",
    "negators": "list",
    "news_agencies": "list",
    "noun_phrase_stops": "list",
    "nouns_ending_ing": "list",
    "nouns_ending_ly": "list",
    "news_word_frequencies": "groups",
    "office_heads": "list",
    "span_edges": "list",
    "harm_verbs": "list",
    "onset_verbs": "list",
    "times_after_figures": "list",
    "opposites": "pairs",
    "org_words": "list",
    "other_names": "list",
    "part_markers": "list",
    "past_titles": "list",
    "pending": "list",
    "people_gender": "groups",
    "people_subgroups": "groups",
    "person_roles": "list",
    "person_titles": "list",
    "person_units": "list",
    "photo_caption_markers": "list",
    "place_words": "list",
    "places": "list",
    "quantifiers": "list",
    "quote_closing_verbs": "list",
    "rated_events": "list",
    "nil_fillers": "list",
    "no_comment": "groups",
    "nil_openers": "list",
    "nil_reports": "groups",
    "rate_nouns": "list",
    "responsibility_claims": "list",
    "renamed_places": "groups",
    "round_number_words": "list",
    "prior_value_cues": "list",
    "request_verbs": "list",
    "floor_verbs": "list",
    "forecasters": "list",
    "forecast_cues": "list",
    "threshold_cues": "list",
    "temperature_cues": "list",
    "jurisdiction_words": "list",
    "document_words": "list",
    "figure_context_synonyms": "groups",
    "profit_measures": "list",
    "roles": "groups",
    "sections": "list",
    "sentence_starters": "list",
    "skipped_before_speech_verb": "list",
    "site_wide_stamps": "list",
    "social_buttons": "list",
    "spokes_titles": "list",
    "speech_settings": "groups",
    "speech_verbs": "list",
    "state_descriptors": "list",
    "state_media": "list",
    "surname_first": "list",
    "time_zones": "list",
    "title_modifiers": "list",
    "topic_stop_words": "list",
    "unit_words": "phrase_groups",
    "unknown_cues": "list",
    "unnamed_officials": "list",
    "value_reached": "list",
    "vague_sources": "list",
    "verbs_needing_clause": "list",
    "verb_like_currencies": "phrase_groups",
    "weekdays": "groups",
}


def problems(text: str, shape: str) -> list[str]:
    """What is wrong with one file's text read as ``shape`` (empty when nothing is)."""
    found: list[str] = []
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#"):
        found.append("no comment header saying what the list is for")
    entries = []
    for number, line in enumerate(lines, 1):
        if line != line.strip() or "\t" in line:
            found.append(f"line {number}: surrounding whitespace or a tab: {line!r}")
        if line.strip() and not line.lstrip().startswith("#"):
            entries.append(line.strip())
    if not entries:
        found.append("no entries")
    members: list[str] = []
    for entry in entries:
        if shape == "list":
            if ": " in entry or " | " in entry:
                found.append(f"{entry!r}: a groups or pairs line in a list")
            members.append(entry)
        elif shape in ("groups", "phrase_groups", "cased_groups"):
            group, colon, rest = entry.partition(":")
            if not colon or not group.strip() or not rest.strip():
                found.append(f"{entry!r}: not 'group: members'")
                continue
            if group != group.strip() or "  " in group or group != group.lower():
                found.append(f"{entry!r}: group not lower case, single-spaced and trimmed")
            if shape in ("groups", "cased_groups"):
                members.extend(rest.split())
            else:
                parts = rest.split(",")
                if any(not part.strip() for part in parts):
                    found.append(f"{entry!r}: an empty member between commas")
                members.extend(part.strip() for part in parts if part.strip())
        elif shape == "table":
            members.append(entry.split()[0])  # the first column is the key
            if len(entry.split()) != len(entries[0].split()) or len(entry.split()) < 2:
                found.append(f"{entry!r}: not as many columns as the first line")
        elif shape == "pairs":
            sides = entry.split("|")
            if len(sides) != 2 or not all(side.split() for side in sides):
                found.append(f"{entry!r}: not 'words | words'")
            # A word may stand in several pairs ("declined" is opposite to two
            # words), but never twice in one.
            words = entry.replace("|", " ").split()
            repeated = sorted(w for w, n in Counter(words).items() if n > 1)
            if repeated:
                found.append(f"{entry!r}: listed more than once in the pair: {repeated}")
            members.extend(words)
        else:
            raise AssertionError(f"unknown shape {shape}")
    for member in members:
        if member != member.lower() and shape != "cased_groups":
            found.append(f"{member!r}: not lower case")
        if "  " in member:
            found.append(f"{member!r}: two spaces inside")
    repeated = sorted(m for m, n in Counter(members).items() if n > 1)
    if repeated and shape != "pairs":
        found.append(f"listed more than once: {repeated}")
    return found


def test_every_file_has_a_shape():
    files = {path.stem for path in LEXICON.glob("*.txt")}
    assert files == set(SHAPES)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_file_is_well_formed(name):
    text = (LEXICON / f"{name}.txt").read_text(encoding="utf-8")
    assert problems(text, SHAPES[name]) == []


@pytest.mark.parametrize(
    ("text", "shape", "complaint"),
    [
        ("nearly\nalmost\n", "list", "no comment header"),
        ("# header\n", "list", "no entries"),
        ("# header\nnearly\nalmost\nnearly\n", "list", "more than once"),
        ("# header\nNearly\n", "list", "not lower case"),
        ("# header\nnearly \n", "list", "surrounding whitespace"),
        ("# header\n just short of\n", "list", "surrounding whitespace"),
        ("# header\njust  short of\n", "list", "two spaces"),
        ("# header\nrise: rose rise\n", "list", "groups or pairs line"),
        ("# header\nrise rose\n", "groups", "not 'group: members'"),
        ("# header\nrise:\n", "groups", "not 'group: members'"),
        ("# header\nrise: rose\nfall: fell rose\n", "groups", "more than once"),
        ("# header\nRise: rose\n", "groups", "group not lower case"),
        ("# header\nUsd: USD\n", "cased_groups", "group not lower case"),
        ("# header\nusd: USD\neur: USD\n", "cased_groups", "more than once"),
        ("# header\nus: u.s., , usa\n", "phrase_groups", "empty member"),
        ("# header\nus: u.s., United States\n", "phrase_groups", "not lower case"),
        ("# header\nus: u.s.\nuk: u.s.\n", "phrase_groups", "more than once"),
        ("# header\nrose | fell | fallen\n", "pairs", "not 'words | words'"),
        ("# header\nrose |\n", "pairs", "not 'words | words'"),
        ("# header\nmetre 1 metre\nmile 1609.344\n", "table", "not as many columns"),
        ("# header\nmetre 1 metre\nmetre 2 metre\n", "table", "more than once"),
        ("# header\nrose rise | fell rose\n", "pairs", "more than once in the pair"),
    ],
)
def test_a_broken_file_is_caught(text, shape, complaint):
    assert any(complaint in problem for problem in problems(text, shape))


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz.%/'-", min_size=1, max_size=8)
_PHRASE = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


@given(
    st.dictionaries(_PHRASE, _PHRASE, min_size=1, max_size=12),
    st.sampled_from([", ", ",", " ,  "]),
)
def test_phrase_groups_read_back_what_was_written(mapping, separator):
    """Any phrase → group table written as phrase groups, a line per group, reads back the same."""
    by_group: dict[str, list[str]] = {}
    for phrase, group in mapping.items():
        by_group.setdefault(group, []).append(phrase)
    lines = [f"{group}: {separator.join(phrases)}" for group, phrases in by_group.items()]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "table.txt").write_text("# a table\n" + "\n".join(lines) + "\n")
        with mock.patch.object(lexicon, "_HERE", Path(folder)):
            read = lexicon.phrase_groups.__wrapped__("table")
    assert read == mapping


def test_phrase_groups_keep_a_phrase_first_group_and_fold_spaces():
    text = "# t\nus: u.s.,  united   states\nuk: u.k.\nus: america\nxx: u.s.\n"
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "t.txt").write_text(text)
        with mock.patch.object(lexicon, "_HERE", Path(folder)):
            read = lexicon.phrase_groups.__wrapped__("t")
    assert read == {"u.s.": "us", "united states": "us", "u.k.": "uk", "america": "us"}
