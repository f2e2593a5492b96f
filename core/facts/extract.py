"""Run every fact extractor over one article, in the order their inputs need.

Dates go first because their digits must not be read as amounts; names go
before quotes and attributions because speakers and sources are keyed by them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.facts.attributions import extract_attributions
from core.facts.context import build_context
from core.facts.dates import extract_dates
from core.facts.entities import extract_entities
from core.facts.fact_records import Facts
from core.facts.polarity import extract_polarities
from core.facts.published import publication_date
from core.facts.quantities import extract_quantities
from core.facts.quotes import extract_quotes
from core.model import Article, Sentence

#: A web address a copied page kept ("https://…/2024/11/13/…"): its digits are a
#: path, not a figure or a date the story states.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s\"'<>]+", re.I)


def extract_facts(article: Article, sentences: Sequence[Sentence] | None = None) -> Facts:
    """Everything checkable that ``article`` states, each fact with its span.

    ``sentences`` may pass ``split_sentences(article.text, article.boilerplate)``
    when the caller already has it, to save splitting the article twice.
    """
    context = build_context(article, sentences)
    addresses = [m.span() for m in _ADDRESS.finditer(article.text)]
    dates = [
        d
        for d in extract_dates(context, publication_date(article))
        if not any(s <= d.start < e for s, e in addresses)
    ]
    quantities = extract_quantities(context, [(d.start, d.end) for d in dates] + addresses)
    entities = extract_entities(context)
    quotes = extract_quotes(context, entities)
    attributions = extract_attributions(context, entities, quotes)
    return Facts(
        quantities=tuple(quantities),
        dates=tuple(dates),
        quotes=tuple(quotes),
        attributions=tuple(attributions),
        entities=tuple(entities),
        polarities=tuple(extract_polarities(context)),
    )


def clear_caches() -> None:
    """Forget memoised word forms, so a benchmark can time an article the engine has not seen."""
    from core.facts import entities, names, nouns
    from core.text.segment import forget_sentences

    forget_sentences()

    for cached in (
        names.fold,
        names._phonetic,
        entities._bare_word,
        entities._personal,
        entities._by_form,
        entities._trim,
        nouns.singular,
    ):
        cached.cache_clear()
