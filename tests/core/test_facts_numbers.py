"""Numbers as written: digits, words and vague amounts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts.numbers import parse_digits, parse_word_number, vague_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [("100,000", 100_000), ("36.7", 36.7), ("1,234,567.5", 1_234_567.5), ("0", 0), ("007", 7)],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["", ",", "1.2.3", "abc"])
def test_parse_digits_rejects_non_numbers(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("four", 4),
        ("twenty-five", 25),
        ("one hundred and fifty", 150),
        ("two million", 2e6),
        ("three thousand four hundred", 3400),
        ("Nineteen", 19),
        ("Thirtynine", 39),  # a tens and a digit word run together
        ("fiftyeleven", None),
        ("a", None),
        ("twenty banana", None),
    ],
)
def test_parse_word_number(text, value):
    assert parse_word_number(text) == value


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("tens of thousands", 20_000, 100_000),
        ("Tens  of thousands", 20_000, 100_000),
        ("dozens", 24, 100),
        ("scores", 40, 400),
        ("hundreds", 200, 1000),
        ("thousands", 2000, 10_000),
        ("hundreds of thousands", 2e5, 1e6),
        ("millions", 2e6, 1e7),
        ("a few hundred", 200, 1000),
        ("several thousand", 3000, 10_000),
        ("several dozen", 36, 120),
    ],
)
def test_vague_amounts(phrase, low, high):
    amount = vague_amount(phrase)
    assert (amount.low, amount.high, amount.low_inclusive, amount.high_inclusive) == (
        low,
        high,
        True,
        False,
    )
    assert amount.qualifier == "vague"


def test_not_a_vague_amount():
    assert vague_amount("several people") is None
    assert vague_amount("lots") is None


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_parsers_never_crash(text):
    parse_digits(text)
    parse_word_number(text)
    vague_amount(text)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("six-seven", ["six", "seven"]),
        ("twenty-five thousand", ["twenty-five thousand"]),
        ("one hundred and twenty-five", ["one hundred and twenty-five"]),
        ("two million three hundred thousand", ["two million three hundred thousand"]),
        ("seventy seven", ["seventy seven"]),
        ("thirtynine", ["thirtynine"]),
    ],
)
def test_word_number_runs_join_groups_only_across_a_scale(text, runs):
    """Two numbers side by side ("six-seven months") are a range, not their sum."""
    import re

    from core.facts.numbers import WORD_NUMBER

    assert [m.group(0) for m in re.finditer(rf"\b{WORD_NUMBER}\b", text)] == runs


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 99_999), st.integers(0, 99), st.booleans())
def test_a_decimal_comma_reads_as_a_decimal_point(whole, fraction, two_digits):
    decimals = f"{fraction:02d}" if two_digits else str(fraction % 10)
    assert parse_digits(f"{whole},{decimals}") == float(f"{whole}.{decimals}")


@settings(max_examples=200, deadline=None)
@given(st.integers(1_000, 10**9))
def test_grouped_thousands_still_read_as_one_number(value):
    assert parse_digits(f"{value:,}") == value
