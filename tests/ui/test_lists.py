"""List models and pages: Qt's model checks, sorting in SQL, filters, remembered widths."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.enums import VisitMethod
from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.keyboard import type_text


@pytest.fixture
def filled(context: Any) -> Any:
    services = context.services
    for number in range(3):
        case = factories.recognised_case(services)
        for day in range(1, 4):
            factories.visit(
                services,
                case.row,
                visit_date=f"2024-0{day}-1{number}",
                method=VisitMethod.PHONE if day == 2 else VisitMethod.ON_SITE,
                summary=f"第{number}家企业第{day}次走访，企业反映融资难。"
                + ("锅炉改造需要资金。" if number == 1 else ""),
            )
    return context


@pytest.mark.parametrize(
    "attribute",
    ["enterprises_page", "recognitions_page", "cases_page", "visits_page", "needs_page"],
)
def test_every_list_model_passes_the_model_tester(
    filled: Any, window: MainWindow, qtmodeltester: Any, attribute: str
) -> None:
    page = getattr(window, attribute)
    page.ensure_loaded()
    qtmodeltester.check(page.model, force_py=True)


def test_sorting_happens_in_sql_and_by_any_column(filled: Any, window: MainWindow) -> None:
    page = window.visits_page
    page.ensure_loaded()
    assert page.model.rowCount() == 9
    dates = [page.model.row_at(r).visit_date for r in range(9)]
    assert dates == sorted(dates, reverse=True)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [page.model.row_at(r).visit_date for r in range(9)] == sorted(dates)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    methods = [page.model.row_at(r).method for r in range(9)]
    assert methods == sorted(methods, key=lambda m: m.value)


def test_visit_filters_and_one_character_search(
    filled: Any, window: MainWindow, qtbot: QtBot
) -> None:
    page = window.visits_page
    page.ensure_loaded()
    page.method_filter.setCurrentIndex(page.method_filter.findData(VisitMethod.PHONE.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.method_filter.setCurrentIndex(0)
    assert page.from_edit.isHidden()
    page.period_filter.setCurrentIndex(page.period_filter.count() - 1)  # 自定义日期…
    assert not page.from_edit.isHidden() and not page.to_edit.isHidden()
    page.from_edit.setDate(QDate(2024, 2, 1))
    page.to_edit.setDate(QDate(2024, 3, 9))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # the February visits
    assert {page.model.row_at(r).visit_date.month for r in range(3)} == {2}
    page.period_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 9)
    type_text(qtbot, page.search_box, "第1家")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.search_box.clear()
    type_text(qtbot, page.search_box, "锅")  # one character: found by LIKE, not the index
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_column_widths_and_geometry_are_remembered(
    filled: Any, window: MainWindow, qtbot: QtBot, prompts: Any
) -> None:
    page = window.enterprises_page
    page.table.setColumnWidth(0, 333)
    window.resize(760, 560)  # the offscreen screen is 800×600
    window.close()
    again = build_main_window(filled, prompts)
    qtbot.addWidget(again)
    assert again.enterprises_page.table.columnWidth(0) == 333
    assert (again.size().width(), again.size().height()) == (760, 560)


def test_status_bar_shows_the_data_directory_and_counts(
    filled: Any, window: MainWindow, qtbot: QtBot
) -> None:
    assert str(filled.paths.data_dir) in window.data_dir_label.text()
    window.statusBar().showMessage("已撤销：x", 10)
    qtbot.wait(30)
    assert window.data_dir_label.isVisible()
    qtbot.waitUntil(lambda: "走访 9" in window.counts_label.text())
    assert "企业 3 · 认定 3 · 档案 3" in window.counts_label.text()


def test_every_page_opens_without_error(filled: Any, window: MainWindow, qtbot: QtBot) -> None:
    for number, name in enumerate(window.PAGES):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number + 1}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentIndex() == window.PAGES.index(name)
    window.show_page("workbench")
    tree = window.workbench_page.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 5)
    assert any("已逾期" in tree.topLevelItem(i).text(0) for i in range(5))


def test_big_lists_show_the_first_rows_then_the_rest_from_the_background(
    filled: Any, window: MainWindow, qtbot: QtBot, qtmodeltester: Any, monkeypatch: Any
) -> None:
    from firstbatch_desk.ui.models.lazy_table_model import LazyTableModel

    monkeypatch.setattr(LazyTableModel, "FIRST_KEYS", 4)
    page = window.visits_page
    with qtbot.waitSignal(page.model.completed, timeout=5000) as done:
        page.reload()
        assert page.model.rowCount() == 4  # shown at once
        assert page.count_label.text().endswith("…")
    assert done.args == [9]
    assert page.model.rowCount() == 9 and page.model.is_complete()
    assert page.count_label.text() == "共 9 条"
    dates = [page.model.row_at(r).visit_date for r in range(9)]
    assert dates == sorted(dates, reverse=True)  # the first rows were a prefix of the list
    qtmodeltester.check(page.model, force_py=True)


def test_a_newer_query_wins_over_an_older_background_fetch(
    filled: Any, window: MainWindow, qtbot: QtBot, monkeypatch: Any
) -> None:
    from firstbatch_desk.ui.models.lazy_table_model import LazyTableModel

    monkeypatch.setattr(LazyTableModel, "FIRST_KEYS", 4)
    page = window.visits_page
    page.ensure_loaded()
    page.method_filter.setCurrentIndex(page.method_filter.findData(VisitMethod.PHONE.value))
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: page.model.is_complete())
    assert page.model.rowCount() == 3


def test_settings_choose_english_for_the_next_start(
    window: MainWindow, dialogs: Any, context: Any
) -> None:
    from firstbatch_desk.settings import Settings

    def choose_english(dialog: Any) -> None:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.first_visit_spin.setValue(20)
        assert dialog.font_combo.itemData(0) == ""  # the shipped font comes first
        dialog.font_combo.setCurrentIndex(dialog.font_combo.count() - 1)
        dialog.accept()

    dialogs.scripts.append(choose_english)
    window.settings_action.trigger()
    saved = Settings.load(context.paths.settings_file)
    assert (saved.language, saved.first_visit_days) == ("en", 20)
    assert saved.report_font.endswith((".ttf", ".ttc")) or saved.report_font == ""
    assert "下次启动" in window.statusBar().currentMessage()


def test_about_shows_the_version_and_where_the_data_lives(
    window: MainWindow, dialogs: Any, context: Any
) -> None:
    from firstbatch_desk import __version__

    seen: list[str] = []
    dialogs.scripts.append(lambda dialog: seen.append(dialog.text.text()) or dialog.reject())
    window.about_action.trigger()
    assert __version__ in seen[0] and str(context.paths.data_dir) in seen[0]
