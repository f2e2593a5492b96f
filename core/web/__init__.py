"""Web: pages fetched over the network, read as articles, fetched again to spot edits.
May import: core.ingest, core.store and the shared modules.
"""
