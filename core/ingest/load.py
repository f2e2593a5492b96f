"""Files and strings to :class:`~core.model.Article`: the text the user will read.

Every later offset indexes ``Article.text``, so ingest settles the text once:
newlines become ``\\n`` and nothing else is rewritten. Saved web pages go
through trafilatura, which keeps the article body and drops navigation,
scripts and comments; paragraphs are then separated by blank lines. The
original bytes stay in ``Article.raw`` for provenance.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from core import lexicon
from core.errors import IngestError
from core.ingest.boilerplate import find_boilerplate, is_furniture_line
from core.ingest.date_stamps import (
    dates_the_site,
    is_stamp_line,
    leading_stamp_end,
    parse_date,
)
from core.ingest.encodings import decode
from core.ingest.line_spans import LINE
from core.model import Article, Span
from core.safe_text import displayable

#: Larger files are refused: no news article comes near it, and reading one
#: into memory several times over (bytes, text, HTML tree) must stay modest.
MAX_BYTES = 50 * 1024 * 1024
#: Web pages are parsed into a tree several times their size; a news page is a
#: few hundred kilobytes, so anything this large is refused before parsing.
MAX_HTML_BYTES = 10 * 1024 * 1024

_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: File endings read as articles: the one list the importer, folders and the window share.
ARTICLE_SUFFIXES = tuple(_FORMATS)

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_MARKUP = re.compile(r"<(?:[a-z][\w:-]*|!--|!doctype)[\s>/]", re.I)
_SNIFF_CHARS = 64 * 1024
_TITLE_MAX = 200
_DATELINE_WINDOW = 12  # lines from the top where a plain-text date stamp may sit
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_MIN_PROSE_WORDS = 4


def load_article(path: str | Path) -> Article:
    """Read a .txt, .md or .html file; raises IngestError with a one-line reason."""
    path = Path(path)
    raw = _read_bytes(path)
    fmt = _format_of(path, raw)
    name = displayable(str(path))
    try:
        if fmt == "html":
            _check_html_size(len(raw))
        text = decode(raw, html=fmt == "html")
        if not text.strip():
            raise IngestError("empty file, no article text")
        if fmt == "html" and not _MARKUP.search(text, 0, _SNIFF_CHARS):
            fmt = "txt"  # a page saved as plain text under an .html name
        if fmt == "html":
            article = article_from_html(text, path=name)
        else:
            article = article_from_text(text, path=name, fmt=fmt)
    except IngestError as exc:
        raise IngestError(f"{name}: {exc}") from None
    return replace(article, raw=raw)


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    source: str = "",
    path: str = "",
    url: str = "",
    author: str = "",
    published: str = "",
    fmt: str = "txt",
) -> Article:
    """An article from plain text or Markdown, its title and date guessed if not given.

    Blank text gives an article without sentences rather than an error: callers
    holding a string (a paste box, a test) decide themselves whether that is a
    mistake; files are checked by :func:`load_article`.
    """
    text = normalise_newlines(text)
    boilerplate = find_boilerplate(text)
    return Article(
        text=text,
        title=title if title is not None else guess_title(text, boilerplate, fmt=fmt),
        source=source,
        path=path,
        author=author,
        published=published or guess_published(text),
        url=url,
        fmt=fmt,
        boilerplate=boilerplate,
    )


def article_from_html(html: str, *, path: str = "", url: str = "") -> Article:
    """The main article of a saved web page, with its title, author, date and site."""
    _check_html_size(len(html))
    document = _extract(html, url)
    body = _paragraphs((document.text or "") if document else "")
    boilerplate = find_boilerplate(body)
    if not _has_prose(body, boilerplate):
        raise IngestError("no article text found in this HTML page")
    title = " ".join((document.title or "").split())
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
        boilerplate = find_boilerplate(body)
    return Article(
        text=body,
        title=title or guess_title(body, boilerplate),
        source=(document.sitename or "").strip(),
        path=path,
        author=" ".join((document.author or "").split()),
        published=_iso_date(document.date) or guess_published(body),
        url=url or (document.url or ""),
        fmt="html",
        boilerplate=boilerplate,
        raw=html.encode("utf-8", "surrogatepass"),
    )


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF: the only rewrite ingest allows itself."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_title(text: str, boilerplate: tuple[Span, ...] = (), *, fmt: str = "txt") -> str:
    """The first line that is not site furniture, shortened at a word if long.

    A saved page's stamp before the headline ("date 2024-11-21 Gautam Adani…") is
    not part of it. Among the first few lines, one that reads like a label gives
    way to the next that does not: a section label or an agency's name alone
    ("Football", "Reuters"), a line that opens in lower case ("ajc logo"), a word
    or two in capitals ("KEY POINTS"). A title of a word or two that is left
    ("Accessibility links") gives way to a later line of headline length."""
    furniture = set(boilerplate)
    lines = []
    for found in LINE.finditer(text):
        if found.span() in furniture:
            continue
        line = found.group().strip()
        if fmt == "md":
            line = _MD_HEADING.sub("", line).strip()
        line = line[leading_stamp_end(line) :].strip()
        if line:
            lines.append(line)
            if len(lines) >= _TITLE_LINES:
                break
    chosen = next((line for line in lines if not _not_a_headline(line)), lines[0] if lines else "")
    if len(chosen.split()) <= 2:
        # "Accessibility links" above "Death toll rises to 91": a headline follows
        chosen = next((line for line in lines if _reads_as_headline(line)), chosen)
    return _shorten(chosen) if chosen else ""


def _reads_as_headline(line: str) -> bool:
    """Four words or more, opened by a capital and not closed like a sentence."""
    return len(line.split()) >= 4 and line[:1].isupper() and not line.endswith((".", ":"))


#: Lines read for a title: a headline sits under at most a few labels.
_TITLE_LINES = 4
_AGENCIES = lexicon.words("news_agencies")


def _not_a_headline(line: str) -> bool:
    first = next((c for c in line if c.isalpha()), "")
    if first.islower() or is_furniture_line(line) or line.casefold() in _AGENCIES:
        return True
    words = line.split()
    return len(words) <= 2 and all(not w[:1].isalpha() or w[:1].isupper() for w in words)


def guess_published(text: str) -> str:
    """ISO date of a lone date stamp near the top ("Updated: January 27, 2022"), or else of
    a labelled stamp opening a line of prose ("date 2023-06-05 BALASORE: …")."""
    fallback = ""
    for number, found in enumerate(LINE.finditer(text)):
        if number >= _DATELINE_WINDOW:
            break
        line = found.group()
        if dates_the_site(line):
            continue  # "Site last updated: …" dates the site, not this article
        if len(line) <= 80 and is_stamp_line(line):
            iso = parse_date(line)
            if iso:
                return iso
        if not fallback and (prefix := leading_stamp_end(line.strip())):
            fallback = parse_date(line.strip()[:prefix])
    return fallback


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: only a regular file, its size checked before anything is read.

    Opened without blocking (a FIFO would wait forever for a writer) and
    checked on the open descriptor, so a device such as /dev/zero is refused
    rather than read without end; at most MAX_BYTES + 1 bytes are ever read.
    """
    name = displayable(str(path))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{name}: is a directory, not an article file") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied") from None
    except OSError as exc:
        raise IngestError(f"{name}: cannot read ({exc.strerror or exc})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(f"{name}: is a directory, not an article file")
        raise IngestError(f"{name}: not a regular file (a device, pipe or socket)")
    with os.fdopen(fd, "rb", closefd=True) as handle:
        _check_size(name, info.st_size)
        try:
            raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise IngestError(f"{name}: cannot read ({exc.strerror or exc})") from None
    _check_size(name, len(raw))  # it grew while being read
    if not raw.strip():
        raise IngestError(f"{name}: empty file, no article text")
    return raw


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise IngestError(
            f"{name}: file is {size / 2**20:.0f} MB; articles larger than "
            f"{MAX_BYTES // 2**20} MB are refused (is this really one article?)"
        )


def _check_html_size(size: int) -> None:
    if size > MAX_HTML_BYTES:
        raise IngestError(
            f"the page is {size / 2**20:.0f} MB; web pages larger than "
            f"{MAX_HTML_BYTES // 2**20} MB are refused (is this really one article?)"
        )


def _format_of(path: Path, raw: bytes) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt:
        return fmt
    return "html" if _HTML_SNIFF.match(raw[:4096]) else "txt"


def _extract(html: str, url: str) -> Any:
    """trafilatura's reading of a page (a ``Document``), or None.

    Imported here, not at the top: it and lxml cost a plain-text comparison
    about 150 ms of start-up for nothing.
    """
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # hostile markup must become a message, never a traceback
        raise IngestError(f"could not parse this HTML page ({type(exc).__name__})") from None


def _paragraphs(extracted: str) -> str:
    """trafilatura puts one paragraph per line; the user sees blank lines between."""
    lines = (line.strip() for line in normalise_newlines(extracted).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _has_prose(text: str, boilerplate: tuple[Span, ...]) -> bool:
    """A page whose only text is "Home" or "Menu" has no article to compare."""
    furniture = set(boilerplate)
    return any(
        len(found.group().split()) >= _MIN_PROSE_WORDS
        for found in LINE.finditer(text)
        if found.span() not in furniture
    )


def _iso_date(value: str | None) -> str:
    if not value:
        return ""
    return parse_date(value) or ""


def _shorten(line: str) -> str:
    if len(line) <= _TITLE_MAX:
        return line
    cut = line.rfind(" ", 0, _TITLE_MAX - 1)
    return line[: cut if cut > _TITLE_MAX // 2 else _TITLE_MAX - 1].rstrip(" ,;:") + "…"
