"""导出… on a list writes what the list shows: its filter and its order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.enums import VisitMethod
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories


def test_the_visit_list_exports_its_filtered_rows_in_its_order(
    window: MainWindow, qtbot: QtBot, context: Any, prompts: Any, tmp_path: Path
) -> None:
    services = context.services
    case = factories.recognised_case(services)
    for day, method in (
        (10, VisitMethod.PHONE),
        (11, VisitMethod.ON_SITE),
        (12, VisitMethod.PHONE),
    ):
        factories.visit(services, case.row, visit_date=f"2024-03-{day}", method=method)
    page = window.visits_page
    window.show_page("visits")
    page.ensure_loaded()
    page.method_filter.setCurrentIndex(page.method_filter.findData(VisitMethod.PHONE.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    target = tmp_path / "走访台账"
    prompts.save_path = target

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    def finished() -> bool:
        window.ctx.tasks.wait()
        QApplication.processEvents()
        return bool(prompts.infos)

    qtbot.waitUntil(finished, timeout=10_000)
    written = target.with_suffix(".xlsx")
    assert "2 条" in prompts.infos[-1]
    sheet = load_workbook(written).active
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    date_column = headers.index("走访日期") if "走访日期" in headers else headers.index("日期")
    dates = [row[date_column].value.date().isoformat() for row in sheet.iter_rows(min_row=2)]
    assert dates == ["2024-03-10", "2024-03-12"]
