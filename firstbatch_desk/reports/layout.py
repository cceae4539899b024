"""What every report shares: the A4 page, header and footer, styles, tables, atomic writing.

The footer "第 X 页 共 Y 页" needs the page count before any page is
written, so :class:`NumberedCanvas` keeps every page until ``save`` and then
draws header and footer on each (two passes over the canvas, one layout).
Long tables are cut into chunks of :data:`CHUNK_ROWS` rows, each repeating
its header row (ReportLab splits one huge table in quadratic time).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from firstbatch_desk.domain.dtos.reports import ReportHeader
from firstbatch_desk.reports.errors import ReportCancelled

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CHUNK_ROWS = 200
REDACTED_NOTE = "（已隐去个人信息）"
EMPTY = "（无）"
GRID_GREY = colors.HexColor("#E6E6E6")
CELL_PADDING = 3
# Lines of one table cell in one row (12-point leading: well under a page); a longer
# cell goes on in continuation rows, so a table row never outgrows a page.
MAX_CELL_LINES = 40

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Styles:
    """Paragraph styles in the report font; ``wordWrap="CJK"`` breaks between any characters."""

    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    caption: ParagraphStyle
    cell_lines: ParagraphStyle  # for text already broken into lines (no CJK wrapping)


def make_styles(font: str) -> Styles:
    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra
        )

    return Styles(
        font=font,
        title=style("title", 18, 26, alignment=TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", 10, 15, alignment=TA_CENTER, spaceAfter=8),
        heading=style("heading", 12.5, 18, spaceBefore=10, spaceAfter=5),
        body=style("body", 10, 15),
        cell=style("cell", 9, 12),
        caption=style("caption", 9, 12, alignment=TA_CENTER, spaceBefore=2, spaceAfter=8),
        cell_lines=ParagraphStyle("cell_lines", fontName=font, fontSize=9, leading=12),
    )


# --- text ---------------------------------------------------------------------------------


def fmt_date(value: date | None, empty: str = "") -> str:
    return value.isoformat() if value else empty


def fmt_money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def fmt_time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def markup(text: str) -> str:
    """Plain text as paragraph markup (escaped, line breaks kept)."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


# Characters that must not begin a line (a light form of the Chinese line-breaking rules).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕…—,.;:?!)]}%")


@lru_cache(maxsize=65_536)
def _char_width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (between any two characters).

    ReportLab's own CJK wrapping builds an object per character and costs about
    20 µs a character; a case file with 50 long visit notes then takes 0.3 s.
    Measuring cached character widths here is a hundred times cheaper.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        line: list[str] = []
        used = 0.0
        for char in paragraph:
            advance = _char_width(char, font, size)
            if line and used + advance > width:
                # "，" or "）" never starts a line: take characters along until one may.
                carried: list[str] = []
                while (carried[0] if carried else char) in NO_LINE_START and len(line) > 1:
                    carried.insert(0, line.pop())
                lines.append("".join(line))
                line = carried
                used = sum(_char_width(c, font, size) for c in line)
            line.append(char)
            used += advance
        lines.append("".join(line))
    return lines


def cell(text: str, styles: Styles, width: float, size: float | None = None) -> str | Paragraph:
    """A table cell: the plain string when it fits on one line (cheap), else a paragraph
    of lines broken here (see :func:`wrap_lines`)."""
    return cell_parts(text, styles, width, size)[0]


def cell_parts(
    text: str, styles: Styles, width: float, size: float | None = None
) -> list[str | Paragraph]:
    """A table cell cut into parts of at most :data:`MAX_CELL_LINES` lines each.

    A table row cannot break across pages, so a cell taller than a page (a long
    visit note) would stop the report; the caller puts each further part in a
    continuation row below.
    """
    size = size or styles.cell.fontSize
    room = width - 2 * CELL_PADDING
    if "\n" not in text and stringWidth(text, styles.font, size) <= room:
        return [text]
    if size != styles.cell_lines.fontSize:
        return [Paragraph(markup(text), styles.cell)]
    lines = wrap_lines(text, styles.font, size, room)
    return [
        Paragraph(
            "<br/>".join(escape(line) for line in lines[start : start + MAX_CELL_LINES]),
            styles.cell_lines,
        )
        for start in range(0, len(lines), MAX_CELL_LINES)
    ]


def _continued_rows(parts: Sequence[Sequence[str | Paragraph]]) -> list[list[str | Paragraph]]:
    """One row per part of the tallest cell: the first row, then continuation rows."""
    height = max(len(p) for p in parts)
    return [[p[n] if n < len(p) else "" for p in parts] for n in range(height)]


# --- tables -------------------------------------------------------------------------------


def grid_style(font: str, *, header: bool = True, size: float = 9) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size + 3),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), GRID_GREY),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ]
    return commands


def data_tables(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float],
    styles: Styles,
    *,
    align: dict[int, str] | None = None,
    chunk_rows: int = CHUNK_ROWS,
    cancelled: Cancelled | None = None,
) -> list[Flowable]:
    """A table with a header row, cut into chunks of ``chunk_rows``; header repeats per page.

    ``widths`` are fractions of the content width or absolute points (> 1).
    An empty table prints "（无）".
    """
    points = [w * CONTENT_WIDTH if w <= 1 else w for w in widths]
    base = grid_style(styles.font)
    for column, how in (align or {}).items():
        base.append(("ALIGN", (column, 1), (column, -1), how))
    tables: list[Flowable] = []
    chunk: list[list[str | Paragraph]] = []

    def flush() -> None:
        table = Table([list(columns), *chunk], colWidths=points, repeatRows=1)
        table.setStyle(TableStyle(base))
        tables.append(table)
        chunk.clear()

    for row in rows:
        parts = [cell_parts(text, styles, width) for text, width in zip(row, points, strict=True)]
        chunk.extend(_continued_rows(parts))
        if len(chunk) >= chunk_rows:
            if cancelled is not None and cancelled():
                raise ReportCancelled()
            flush()
    if chunk:
        flush()
    if not tables:
        return [Paragraph(EMPTY, styles.body)]
    return tables


def key_value_table(
    pairs: Sequence[tuple[str, str]], styles: Styles, *, per_row: int = 2
) -> Flowable:
    """Label/value pairs in a bordered grid, ``per_row`` pairs a row; long values get a row."""
    if not pairs:
        return Paragraph(EMPTY, styles.body)
    label_w = 0.2 * CONTENT_WIDTH
    value_w = CONTENT_WIDTH / per_row - label_w
    widths = [label_w, value_w] * per_row
    rows: list[list[Any]] = []
    commands = grid_style(styles.font, header=False)
    pending: list[Any] = []

    def close_row() -> None:
        if pending:
            row = len(rows)
            rows.append(pending + [""] * (2 * per_row - len(pending)))
            for column in range(0, len(pending), 2):
                commands.append(("BACKGROUND", (column, row), (column, row), GRID_GREY))
            if len(pending) < 2 * per_row:
                commands.append(("SPAN", (len(pending) - 1, row), (-1, row)))
            pending.clear()

    for label, value in pairs:
        wide = stringWidth(value, styles.font, 9) > value_w - 2 * CELL_PADDING or "\n" in value
        if wide:
            close_row()
            for number, part in enumerate(cell_parts(value, styles, CONTENT_WIDTH - label_w)):
                pending.extend([label if number == 0 else "", part])
                close_row()
        else:
            pending.extend([label, value])
            if len(pending) == 2 * per_row:
                close_row()
    close_row()
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle(commands))
    return table


def signature_block(labels: Sequence[str], styles: Styles, *, per_row: int = 2) -> Flowable:
    """Labels each followed by a line to sign on ("日期" lines get 年 月 日)."""
    size, gap = 10.5, 8 * mm
    texts = [f"{label}：" for label in labels]
    label_ws = [
        max(stringWidth(t, styles.font, size) for t in texts[column::per_row]) + 2 * CELL_PADDING
        for column in range(min(per_row, len(texts)))
    ]
    line_w = (CONTENT_WIDTH - sum(label_ws) - gap * (per_row - 1)) / per_row
    widths: list[float] = []
    for column, label_w in enumerate(label_ws):
        widths += [label_w, line_w] + ([gap] if column < per_row - 1 else [])
    rows: list[list[str]] = []
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 16),
    ]
    for start in range(0, len(texts), per_row):
        row: list[str] = []
        for column, text in enumerate(texts[start : start + per_row]):
            line = "年      月      日" if text.startswith("日期") else ""
            row += [text, line] + ([""] if column < per_row - 1 else [])
            cell_at = (3 * column + 1, len(rows))
            commands.append(("LINEBELOW", cell_at, cell_at, 0.6, colors.black))
            commands.append(("ALIGN", cell_at, cell_at, "RIGHT"))
        rows.append(row + [""] * (len(widths) - len(row)))
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return KeepTogether([Spacer(1, 8 * mm), table])


def section(title: str, styles: Styles) -> list[Flowable]:
    """A heading that starts a new page rather than end one alone (a table needs rows under it)."""
    return [CondPageBreak(30 * mm), Paragraph(markup(title), styles.heading)]


# --- pages --------------------------------------------------------------------------------


class NumberedCanvas(Canvas):
    """Keeps each page until ``save``, then draws header and "第 X 页 共 Y 页" on all of them."""

    def __init__(self, *args: Any, header: ReportHeader, font: str, note: str = "", **kw: Any):
        super().__init__(*args, **kw)
        self._pages: list[dict[str, Any]] = []
        self._header = header
        self._font = font
        self._note = note

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            Canvas.showPage(self)
        self._pages = []
        Canvas.save(self)

    def _decorate(self, number: int, total: int) -> None:
        header, font = self._header, self._font
        self.saveState()
        self.setFillColor(colors.black)
        self.setStrokeColor(colors.black)
        top = PAGE_HEIGHT - 13 * mm
        self.setFont(font, 9)
        self.drawString(MARGIN_X, top, header.bureau_name)
        self.drawCentredString(PAGE_WIDTH / 2, top, header.title + self._note)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, top, header.reference)
        self.setLineWidth(0.8)
        self.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        bottom = 11 * mm
        self.setLineWidth(0.4)
        self.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        self.setFont(font, 8.5)
        self.drawString(MARGIN_X, bottom, f"打印时间：{fmt_time(header.printed_at)}")
        if header.printed_by:
            self.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, f"打印人：{header.printed_by}")
        self.setFont(font, 9.5)
        self.drawCentredString(PAGE_WIDTH / 2, bottom, f"第 {number} 页 共 {total} 页")
        self.restoreState()


class ReportDocument(BaseDocTemplate):
    """A4 portrait, one frame; ``after_flowable`` is called after each flowable is laid out."""

    def __init__(
        self,
        out: BinaryIO,
        header: ReportHeader,
        *,
        after_flowable: Callable[[Flowable], None] | None = None,
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=header.title,
            author=header.bureau_name,
            subject=header.reference,
            creator="FirstBatch Desk",
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._after = after_flowable

    def afterFlowable(self, flowable: Flowable) -> None:  # ReportLab's name
        if self._after is not None:
            self._after(flowable)


def render(
    story: list[Flowable],
    header: ReportHeader,
    font: str,
    *,
    note: str = "",
    after_flowable: Callable[[Flowable], None] | None = None,
) -> tuple[bytes, int]:
    """Lay out ``story`` into PDF bytes; returns them with the page count."""
    buffer = io.BytesIO()
    document = ReportDocument(buffer, header, after_flowable=after_flowable)

    def make_canvas(*args: Any, **kw: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, header=header, font=font, note=note, **kw)

    document.build(story, canvasmaker=make_canvas)
    return buffer.getvalue(), document.page
