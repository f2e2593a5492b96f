"""Events: articles grouped into events and pairs to compare; an event's fact table.
May import: core.text, core.facts, core.discrepancies and the shared modules.
"""
