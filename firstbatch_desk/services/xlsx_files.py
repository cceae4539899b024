"""Small workbooks built in memory (the import report): fitted widths, saved whole."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from firstbatch_desk.reports.output import write_output
from firstbatch_desk.services.ledger_workbook import MAX_WIDTH, text_width


def fit_columns(sheet: Any, *, sample_rows: int = 2000) -> None:
    """Widths fitted to the header and the first ``sample_rows`` rows, capped."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(max_row=sample_rows + 1):
        for cell in row:
            text = "" if cell.value is None else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), text_width(text))
    for column, width in widths.items():
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, width + 2)


def save_atomically(book: Any, path: Path) -> None:
    """Build the file in memory, then write it beside ``path`` and put it in place: a
    failure leaves no half-written file and never touches an existing file of that name
    (ReportWriteError says why, e.g. the file is open in Excel or WPS)."""
    buffer = io.BytesIO()
    book.save(buffer)
    write_output(buffer.getvalue(), path)
