"""Counted nouns in command output ("1 pair", "3 pairs"), worded one way everywhere."""


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, with an ``s`` unless ``n`` is one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
