"""The reports page: generate in the background, preview, save, print, batch by division."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from firstbatch_desk.paths import resource_path
from firstbatch_desk.ui.main_window import MainWindow


@pytest.fixture
def demo(context: Any) -> Any:
    from firstbatch_desk.services.demo import DemoGenerator

    DemoGenerator(
        context.engine, words_dir=resource_path("demo"), origin="test", today=date.today()
    ).generate(visits=120)
    return context


def _generate(qtbot: QtBot, page: Any) -> str:
    with qtbot.waitSignal(page.report_ready, timeout=30_000) as ready:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.document.pageCount() > 0, timeout=5000)
    return str(ready.args[0])


def test_a_summary_is_generated_previewed_saved_and_printed(
    demo: Any, window: MainWindow, qtbot: QtBot, prompts: Any, tmp_path: Path
) -> None:
    window.show_page("reports")
    page = window.reports_page
    page.type_combo.setCurrentIndex(page.type_combo.findData("summary"))
    page.period_combo.setCurrentIndex(page.period_combo.findData("year"))
    path = _generate(qtbot, page)
    pages = page.document.pageCount()
    assert len(PdfReader(path).pages) == pages
    assert f"共 {pages} 页" in page.status_label.text()

    prompts.save_path = tmp_path / "汇总.pdf"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(prompts.save_path).pages) == pages

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_report(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    if pages > 1:  # a page range chosen in the print dialog is honoured
        ranged = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        ranged.setOutputFileName(str(tmp_path / "ranged.pdf"))
        ranged.setFromTo(2, 2)
        assert page.print_report(ranged)
        assert len(PdfReader(tmp_path / "ranged.pdf").pages) == 1


def test_print_buttons_on_the_lists_choose_the_record(
    demo: Any, window: MainWindow, qtbot: QtBot
) -> None:
    cases = window.cases_page
    window.show_page("register")
    window.register_tabs.setCurrentWidget(cases)
    cases.ensure_loaded()
    cases.table.selectRow(0)
    row = cases.current_row()
    qtbot.mouseClick(cases.print_button, Qt.MouseButton.LeftButton)
    page = window.reports_page
    assert window.stack.currentIndex() == window.PAGES.index("reports")
    assert page.subject_combo.currentData() == str(row.id)
    path = _generate(qtbot, page)
    text = PdfReader(path).pages[0].extract_text()
    assert row.enterprise_name in text

    visits = window.visits_page
    window.show_page("visits")
    visits.table.selectRow(0)
    visit = visits.current_row()
    qtbot.mouseClick(visits.print_button, Qt.MouseButton.LeftButton)
    path = _generate(qtbot, page)
    assert visit.enterprise_name in PdfReader(path).pages[0].extract_text()


def test_case_files_of_a_division_are_exported_to_a_folder(
    demo: Any, window: MainWindow, qtbot: QtBot, prompts: Any, tmp_path: Path
) -> None:
    from firstbatch_desk.domain.dtos.filters import CaseFilter

    window.show_page("reports")
    page = window.reports_page
    page.type_combo.setCurrentIndex(page.type_combo.findData("case"))
    assert page.division_combo.isEnabled()  # the batch needs a division with any report type
    code = page.division_combo.itemData(1)
    page.division_combo.setCurrentIndex(1)
    prompts.folder = tmp_path / "out"
    prompts.folder.mkdir()
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    expected = len(demo.services.cases.case_keys(CaseFilter(division_code=code)))
    qtbot.waitUntil(lambda: "已导出" in page.status_label.text(), timeout=60_000)
    assert len(list(prompts.folder.glob("*.pdf"))) == expected
