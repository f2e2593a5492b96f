"""Matching algorithms, importable and testable without any window.

- ``features``: what the aligner knows about a sentence (folded words, TF-IDF rows);
- ``scoring``: how strongly two passages report the same thing;
- ``align``: order-free sentence alignment (prefilter, Hungarian, 1-n growth);
- ``tokendiff``: word-level changes inside an aligned passage, cosmetic ones marked;
- ``similarity``: one 0–1 figure for how much of two articles reports the same things.

Results are the small immutable records of ``core.model``.

May import: core.text and the shared modules.
"""
