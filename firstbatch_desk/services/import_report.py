"""The import preview as a workbook: every line, or the ones that need attention."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from firstbatch_desk.domain.dtos.importing import ImportPlan, LineAction
from firstbatch_desk.services.xlsx_files import fit_columns, save_atomically

HEADERS = (
    "行号",
    "企业名称",
    "统一社会信用代码",
    "产品名称",
    "认定档次",
    "年度",
    "文号",
    "处理",
    "原因",
    "可能是库中的企业",
)
PROBLEMS = (LineAction.ERROR, LineAction.DECIDE)


def write_line_report(plan: ImportPlan, path: Path, *, only_problems: bool = True) -> int:
    """Write the lines (by default those with errors or open decisions); return how many."""
    book = Workbook()
    sheet = book.active
    sheet.title = "导入检查"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    written = 0
    for line in plan.lines:
        if only_problems and line.action not in PROBLEMS:
            continue
        sheet.append(
            (
                line.row_number,
                line.enterprise_name,
                line.credit_code,
                line.product_name,
                line.tier_text,
                line.year,
                line.document_no,
                line.action.label(),
                "\n".join(line.reasons),
                "\n".join(f"{c.name}（{c.why}）" for c in line.candidates),
            )
        )
        written += 1
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    fit_columns(sheet)
    save_atomically(book, path)
    return written
