"""Ingest: saved files, strings and HTML pages to an Article (encodings, date stamps, furniture).
May import: the shared modules only.
"""
