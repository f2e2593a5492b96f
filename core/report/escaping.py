"""Turn untrusted text (articles, notes, titles, URLs) into inert Markdown.

Everything an outlet or a reviewer wrote is data, never markup: the Markdown
report is also the source of the HTML and PDF reports, so one escaping step
here is what keeps ``<script>``, ``javascript:`` links, attribute lists and
table pipes in an article from restructuring any of them.

Escaping rules, applied to every untrusted string:

- control characters (which Python-Markdown uses as internal placeholders) and
  line breaks become spaces, so untrusted text never starts a block (notes keep
  their lines as hard line breaks, each line escaped on its own);
- ``&``, ``<`` and ``>`` become HTML entities, so no tag, comment, autolink or
  blockquote marker survives;
- Markdown punctuation that changes inline structure anywhere in a line
  (backslash, backtick, ``*``, ``_``, ``{``, ``}``, ``[``, ``]``, ``#``, ``|``)
  is backslash-escaped;
- a leading ``-``, ``+``, ``=`` or ``1.``/``1)`` is escaped so it cannot open
  a list or underline a heading;
- bidirectional controls (overrides, embeddings, isolates, marks) become
  visible markers such as ``[U+202E]``, so no text can be made to read in
  another order than it is written.
"""

from __future__ import annotations

import re
import unicodedata

from core.report.report_records import Excerpt
from core.safe_text import visible_bidi

_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]#|])")
_LEADING_MARKER = re.compile(r"^(\d+)([.)])|^([-+=])")
_SPACES = re.compile(r" {2,}")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"'()\[\]\\|`{}]*)?")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def flatten(text: str) -> str:
    """Replace line breaks, tabs and control characters with spaces, one for one.

    Length-preserving, so highlight offsets computed on the original text
    still point at the same characters.
    """
    return "".join(" " if _is_breaking(ch) else ch for ch in text)


def plain(text: str) -> str:
    """Untrusted text on one line, control characters gone: for titles and footers."""
    return " ".join(visible_bidi(flatten(text)).split())


def _is_breaking(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def _escape_fragment(text: str) -> str:
    text = _INLINE_SPECIALS.sub(r"\\\1", visible_bidi(text))
    return "".join(_HTML_ENTITIES.get(ch, ch) for ch in text)


def _escape_leading(escaped: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(3) == "=":
            return "&#61;"  # Python-Markdown cannot backslash-escape "="
        if m.group(3):
            return "\\" + m.group(3)
        return m.group(1) + "\\" + m.group(2)

    return _LEADING_MARKER.sub(repl, escaped, count=1)


def md_text(text: str) -> str:
    """One untrusted string as inline Markdown that renders to exactly that text."""
    flat = _SPACES.sub(" ", flatten(text)).strip()
    return _escape_leading(_escape_fragment(flat))


def md_lines(text: str) -> str:
    """Multi-line untrusted text (a reviewer's note): each line escaped, joined by hard breaks."""
    lines = [md_text(line) for line in _LINE_BREAKS.split(text)]
    return "  \n".join(line for line in lines if line)


def md_marked(excerpt: Excerpt) -> str:
    """An excerpt as inline Markdown with its differing words wrapped in ``<mark>``.

    The ``<mark>`` tags are the only raw HTML in the report and are written
    here, around text that has already been escaped.
    """
    flat = flatten(excerpt.text)
    parts: list[str] = []
    cursor = 0
    for start, end in excerpt.marks:
        parts.append(_escape_fragment(flat[cursor:start]))
        parts.append(f"<mark>{_escape_fragment(flat[start:end])}</mark>")
        cursor = end
    parts.append(_escape_fragment(flat[cursor:]))
    joined = _SPACES.sub(" ", "".join(parts)).strip()
    return _escape_leading(joined)


def md_url(url: str) -> str:
    """A link for plain web addresses, inert text for anything else (``javascript:`` …)."""
    url = url.strip()
    if _SAFE_URL.fullmatch(url):
        return f"[{md_text(url)}]({url})"
    return md_text(url)


def md_cell(text: str) -> str:
    """Table cell content: escaped, and never empty so the table keeps its shape."""
    return md_text(text) or "—"
