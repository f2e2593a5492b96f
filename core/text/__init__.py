"""Text: paragraphs and sentences as spans, word tokens, abbreviations, the headline.
May import: core.ingest and the shared modules.
"""
