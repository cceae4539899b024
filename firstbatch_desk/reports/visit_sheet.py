"""走访记录表: one visit as a bordered form, on one page where it fits, for signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from firstbatch_desk.domain.dtos.reports import NeedLine, VisitSheetData
from firstbatch_desk.reports.fonts import register_font
from firstbatch_desk.reports.layout import (
    CELL_PADDING,
    CONTENT_WIDTH,
    GRID_GREY,
    Styles,
    fmt_date,
    fmt_money,
    grid_style,
    make_styles,
    markup,
    render,
    signature_block,
    wrap_lines,
)
from firstbatch_desk.reports.output import write_output

LABEL_WIDTH = 0.18 * CONTENT_WIDTH
VALUE_WIDTH = CONTENT_WIDTH / 2 - LABEL_WIDTH
WIDE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH
# Free-text rows keep room to write by hand when the record is short.
ROOM = {"summary": 34 * mm, "needs": 22 * mm, "text": 12 * mm}
# Longer text is broken into lines here and laid out in rows of LINES_PER_PART lines:
# ReportLab splits one long paragraph across pages in quadratic time (a note of
# 20,000 short lines took a quarter of an hour).
LONG_TEXT = 2_000
LINES_PER_PART = 22


def build_visit_sheet(data: VisitSheetData, out: Path | BinaryIO, *, font_path: Path) -> int:
    """Write the visit record sheet PDF to ``out``; returns the page count (1 when it fits)."""
    font = register_font(font_path)
    styles = make_styles(font)
    pdf, pages = render(_story(data, styles), data.header, font)
    write_output(pdf, out)
    return pages


def _story(data: VisitSheetData, styles: Styles) -> list[Flowable]:
    visit = data.visit
    title = data.header.title or "走访记录表"
    story: list[Flowable] = [Paragraph(markup(title), styles.title)]
    reference = "　".join(
        part
        for part in (
            f"档案编号：{'、'.join(data.case_numbers)}" if data.case_numbers else "",
            f"记录编号：{data.header.reference}" if data.header.reference else "",
        )
        if part
    )
    story.append(Paragraph(markup(reference), styles.subtitle))
    rows: list[list[Any]] = []
    commands = grid_style(styles.font, header=False, size=10)

    def pair(label_a: str, value_a: str, label_b: str, value_b: str) -> None:
        rows.append(
            [
                label_a,
                _text(value_a, styles, VALUE_WIDTH),
                label_b,
                _text(value_b, styles, VALUE_WIDTH),
            ]
        )
        commands.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), GRID_GREY))

    def wide(label: str, value: str, room: float = 0) -> None:
        parts = _parts(value, styles, WIDE_WIDTH) if len(value) > LONG_TEXT else None
        for number, part in enumerate(parts or [_text(value, styles, WIDE_WIDTH, room)]):
            rows.append([label if number == 0 else "", part, "", ""])
            commands.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))

    wide("企业名称", data.enterprise_name)
    pair("统一社会信用代码", data.credit_code, "走访日期", fmt_date(visit.visit_date))
    wide("企业地址", data.address)
    pair("走访方式", visit.method, "走访人员", visit.officers)
    wide("企业参加人员", visit.attendees)
    wide("生产经营情况", data.production_status, ROOM["text"])
    wide("销售情况", data.sales_status, ROOM["text"])
    wide("应用进展", _progress(data), ROOM["text"])
    wide("政策宣传", data.policies_explained, ROOM["text"])
    wide("走访情况摘要", visit.summary, ROOM["summary"])
    wide("企业问题诉求", _needs(data.needs), ROOM["needs"])
    pair(
        "下次走访日期",
        fmt_date(data.next_visit_on),
        "记录状态",
        "已签字" if data.signed else "待签字",
    )
    commands += [
        ("BACKGROUND", (0, 0), (0, -1), GRID_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1.2, "black"),
    ]
    table = Table(
        rows, colWidths=[LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH], splitInRow=1
    )
    table.setStyle(TableStyle(commands))
    story.append(table)
    story.append(
        signature_block(["走访人员（签字）", "日期", "企业代表（签字）", "日期"], styles, per_row=2)
    )
    return story


def _text(value: str, styles: Styles, width: float, room: float = 0) -> Any:
    """A cell's content; free-text cells get at least ``room`` of height to write in."""
    paragraph = Paragraph(markup(value), styles.body)
    if not room:
        return paragraph
    _w, height = paragraph.wrap(width - 2 * CELL_PADDING, 10_000)
    return [paragraph, Spacer(1, room - height)] if height < room else paragraph


def _parts(value: str, styles: Styles, width: float) -> list[Paragraph]:
    """Long text as paragraphs of a few lines each, broken to fit ``width``: one row each."""
    body = styles.body
    lines_style = ParagraphStyle(
        "body_lines", fontName=body.fontName, fontSize=body.fontSize, leading=body.leading
    )
    lines = wrap_lines(value, styles.font, body.fontSize, width - 2 * CELL_PADDING)
    return [
        Paragraph(
            "<br/>".join(escape(line) for line in lines[start : start + LINES_PER_PART]),
            lines_style,
        )
        for start in range(0, len(lines), LINES_PER_PART)
    ]


def _progress(data: VisitSheetData) -> str:
    visit = data.visit
    parts = [visit.application_progress]
    if visit.new_users:
        parts.append(f"新增用户：{visit.new_users}")
    if visit.contract_value is not None:
        parts.append(f"合同金额：{fmt_money(visit.contract_value)} 万元")
    return "\n".join(p for p in parts if p)


def _needs(needs: tuple[NeedLine, ...]) -> str:
    lines = []
    for number, need in enumerate(needs, start=1):
        details = "，".join(
            part
            for part in (
                f"编号 {need.need_no}" if need.need_no else "",
                f"主办：{need.lead_department}" if need.lead_department else "",
                f"期限：{fmt_date(need.deadline)}" if need.deadline else "",
            )
            if part
        )
        lines.append(
            f"{number}. 【{need.category}】{need.content}" + (f"（{details}）" if details else "")
        )
    return "\n".join(lines)
