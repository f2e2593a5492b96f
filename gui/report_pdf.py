"""The report as PDF, laid out by Qt without a window (QTextDocument + QPdfWriter).

The PDF shows the same HTML body as the HTML report, restyled for
QTextDocument's smaller CSS dialect (no ``<mark>``, no borders on headings,
table widths as attributes). Pages are painted one by one so each gets a
"Page N of M" footer, which QTextDocument.print() cannot do.

QTextDocument knows no "keep with next": once the pages are laid out, a
heading whose table starts on the following page gets a page break before
it, so a discrepancy's heading always shares its page with the first row of
its excerpts.

Works from the CLI on a machine without a display: if no Qt application
exists, one is created on the ``offscreen`` platform when nothing else is
available.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from core.errors import FactDiffError
from core.report.escaping import plain
from core.report.html_report import footer_text, render_body
from core.report.report_records import ReportData

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(18, 16, 18, 14)  # left, top, right, bottom
RESOLUTION = 300
FOOTER_PT = 7.5

# QTextDocument understands colours, fonts, margins, cell padding and table
# borders, but not <mark>, border-left or max-width.
QT_STYLESHEET = """
body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 10pt;
       color: #1d2433; }
h1, h2, h3, h4, th { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 18pt; margin-bottom: 8px; }
h2 { font-size: 14pt; margin-top: 18px; margin-bottom: 6px; color: #1d2433; }
h2.event { page-break-before: always; }
h3 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
h4 { font-size: 10.5pt; margin-top: 14px; margin-bottom: 2px; }
h4.high { color: #b42318; }
h4.medium { color: #b54708; }
h4.low { color: #344054; }
p.meta { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 8pt;
         color: #5b6576; margin-top: 0; margin-bottom: 4px; }
table { border-collapse: collapse; border-color: #d5d9e0; border-style: solid; margin-bottom: 6px; }
th { background-color: #f2f4f7; font-size: 8pt; font-weight: 600; text-align: left; }
td, th { border-width: 1px; border-style: solid; border-color: #d5d9e0; padding: 4px; }
td { font-size: 9pt; }
.mark { background-color: #ffe58f; }
a { color: #175cd3; text-decoration: none; }
"""

_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen when there is no display)."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(sys.argv[:1] or ["factdiff"])
    return _app


def _has_display() -> bool:
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def qt_html(data: ReportData) -> str:
    """The report body as QTextDocument-friendly HTML (also used by the window's preview)."""
    body = render_body(data)
    body = body.replace("<mark>", '<span class="mark">').replace("</mark>", "</span>")
    body = body.replace("<table>", '<table width="100%" cellspacing="0" cellpadding="4">')
    body = re.sub(r'<(td|th) style="text-align: right;">', r'<\1 align="right">', body)
    # The two excerpt columns share the width evenly, as in the HTML report.
    body = re.sub(r"<th>([AB]) · ", r'<th width="50%">\1 · ', body)
    return f"<html><body>{body}</body></html>"


def build_document(data: ReportData) -> QTextDocument:
    ensure_gui_application()
    doc = QTextDocument()
    doc.setDefaultStyleSheet(QT_STYLESHEET)
    doc.setDocumentMargin(0)
    doc.setHtml(qt_html(data))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, plain(data.project_name))
    return doc


def render_pdf(data: ReportData, path: str | os.PathLike[str], *, page_size: str = "a4") -> int:
    """Write the report as PDF to ``path``; returns the number of pages."""
    if page_size not in PAGE_SIZES:
        raise FactDiffError(
            f"unknown page size {page_size!r} (choose from {', '.join(PAGE_SIZES)})"
        )
    doc = build_document(data)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, page_size, data)
    painter = QPainter()
    if not painter.begin(writer):
        raise FactDiffError(f"cannot write {Path(path).name}")
    try:
        pages = _paint_pages(doc, writer, painter, footer_text(data))
    finally:
        painter.end()
    del writer  # flushes the last bytes into the buffer
    _save(bytes(buffer.data().data()), Path(path))
    return pages


def _save(content: bytes, path: Path) -> None:
    """Write the finished PDF with Python's own I/O, so a full disk is an error, not a stub.

    Qt's PDF writer does not report write failures; here every one raises.
    """
    if not content.rstrip().endswith(b"%%EOF"):
        raise FactDiffError(f"cannot write {path.name}: the PDF came out incomplete")
    try:
        with open(path, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise FactDiffError(f"cannot write {path.name} ({exc.strerror or exc})") from None


def _writer(device: QBuffer, page_size: str, data: ReportData) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(f"Discrepancy report: {plain(data.project_name)}")
    writer.setCreator("FactDiff")
    return writer


def _paint_pages(doc: QTextDocument, writer: QPdfWriter, painter: QPainter, footer: str) -> int:
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(FOOTER_PT)
    footer_height = int(FOOTER_PT / 72 * RESOLUTION * 3)
    doc.documentLayout().setPaintDevice(writer)
    body = QSizeF(area.width(), area.height() - footer_height)
    doc.setPageSize(body)
    keep_headings_with_tables(doc, body.height())
    pages = max(1, doc.pageCount())
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * body.height())
        doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        _paint_footer(painter, footer_font, area.width(), area.height(), footer, index + 1, pages)
    return pages


def keep_headings_with_tables(doc: QTextDocument, page_height: float) -> int:
    """Break before each heading that would end a page above its table; returns how many.

    Tables are visited in document order and the document is laid out again
    after each break, since a break moves everything after it.
    """
    layout = doc.documentLayout()
    moved = 0
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.rows() == 0:
            continue
        heading = _heading_before(doc, frame)
        if heading is None:
            continue
        top = layout.blockBoundingRect(heading).top()
        row = min(frame.format().headerRowCount(), frame.rows() - 1)
        bottom = max(
            layout.blockBoundingRect(frame.cellAt(row, column).lastCursorPosition().block()).bottom()
            for column in range(frame.columns())
        )
        at_page_top = top % page_height < 1.0
        fits_on_a_page = bottom - top <= page_height
        if top // page_height != (bottom - 1) // page_height and not at_page_top and fits_on_a_page:
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).mergeBlockFormat(fmt)
            _relayout(doc)
            moved += 1
    return moved


def _relayout(doc: QTextDocument) -> None:
    """Lay the whole document out again.

    The incremental relayout that follows a block-format change leaves the
    paragraphs after a new page break at their old places (they are then
    painted nowhere); a page-size change redoes everything.
    """
    size = doc.pageSize()
    doc.setPageSize(QSizeF(size.width(), size.height() + 1))
    doc.setPageSize(size)
    doc.documentLayout().documentSize()


def _heading_before(doc: QTextDocument, table: QTextTable) -> QTextBlock | None:
    """The heading just above a table, with at most one paragraph (the meta line) between."""
    block = doc.findBlock(table.firstPosition() - 1)
    for _ in range(2):
        if not block.isValid():
            return None
        if block.blockFormat().headingLevel() > 0:
            return block
        block = block.previous()
    return None


def _paint_footer(
    painter: QPainter, font: QFont, width: float, height: float, text: str, page: int, pages: int
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    line_height = painter.fontMetrics().height()
    box = QRectF(0, height - line_height, width, line_height)
    painter.drawLine(
        0, int(box.top() - line_height * 0.6), int(width), int(box.top() - line_height * 0.6)
    )
    left = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width * 0.75))
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(
        box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {page} of {pages}"
    )
    painter.restore()
