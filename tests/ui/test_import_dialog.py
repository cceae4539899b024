"""Importing a published list through the window: read, map, preview, decide, commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.dtos.importing import LineAction
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from firstbatch_desk.domain.enums import Scheme
from firstbatch_desk.ui.main_window import MainWindow
from tests.importing_files import provincial_list


def _settle(window: MainWindow, qtbot: QtBot, done: Any) -> None:
    def ready() -> bool:
        window.ctx.tasks.wait()
        QApplication.processEvents()
        return bool(done())

    qtbot.waitUntil(ready, timeout=10_000)


def _replan_now(dialog: Any) -> None:
    """Plan at once instead of after the pause that gathers the officer's changes."""
    dialog._replan.stop()
    dialog.start_plan()


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def test_a_published_list_is_previewed_then_imported_whole(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Path
) -> None:
    source = provincial_list(tmp_path / "2021年省首批次名单.xlsx")
    prompts.open_files = [source]
    report = tmp_path / "检查结果.xlsx"
    prompts.save_path = report

    def run(dialog: Any) -> None:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.plan is not None)
        assert dialog.table.header_row == 2
        # no scheme or year in the sheet: every line says so, nothing can be imported
        assert dialog.plan.count(LineAction.ERROR) == 3 and not dialog.commit_button.isEnabled()
        assert "认定类型" in dialog.model.index(0, 7).data()
        _choose(dialog.scheme_combo, Scheme.PROVINCIAL_RECOGNITION.value)
        dialog.year_spin.setValue(2021)
        dialog.doc_edit.setText("浙经信材料〔2021〕197号")
        _replan_now(dialog)
        _settle(window, qtbot, lambda: dialog.plan.can_commit)
        assert dialog.plan.count(LineAction.CREATE) == 3
        assert "新增 3" in dialog.counts_label.text()
        qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
        assert report.exists()
        assert context.services.info.database_info().counts["enterprises"] == 0
        _settle(window, qtbot, dialog.commit_button.isEnabled)
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.result_value is not None)

    dialogs.scripts.append(run)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    counts = context.services.info.database_info().counts
    assert (counts["enterprises"], counts["products"], counts["recognitions"]) == (3, 3, 3)
    assert prompts.infos and "新增企业 3 家" in prompts.infos[-1]


def test_a_look_alike_enterprise_is_decided_in_the_preview(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Path
) -> None:
    existing = context.services.enterprises.create_enterprise(
        EnterpriseInput(name="巨石集团有限责任公司")
    )
    prompts.open_files = [provincial_list(tmp_path / "名单.xlsx")]

    def run(dialog: Any) -> None:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.plan is not None)
        _choose(dialog.scheme_combo, Scheme.PROVINCIAL_RECOGNITION.value)
        dialog.year_spin.setValue(2021)
        _replan_now(dialog)
        _settle(window, qtbot, lambda: dialog.plan.count(LineAction.DECIDE) == 1)
        _choose(dialog.show_combo, LineAction.DECIDE.value)
        dialog.preview.selectRow(0)
        assert dialog.decision_box.isVisibleTo(dialog)
        assert "巨石集团有限责任公司" in dialog.decision_combo.itemText(0)
        dialog.decision_combo.setCurrentIndex(0)
        qtbot.mouseClick(dialog.decide_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.plan.can_commit)
        _settle(window, qtbot, dialog.commit_button.isEnabled)
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.result_value is not None)

    dialogs.scripts.append(run)
    window.show_page("register")
    window.register_tabs.setCurrentWidget(window.recognitions_page)
    qtbot.mouseClick(window.recognitions_page.import_button, Qt.MouseButton.LeftButton)
    enterprises = context.services.enterprises.list_enterprises(limit=10)
    assert len(enterprises) == 3 and existing.id in {e.id for e in enterprises}


def test_a_file_that_is_not_a_list_is_explained_and_nothing_changes(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Path
) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a workbook")
    prompts.open_files = [fake]

    def run(dialog: Any) -> None:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        _settle(window, qtbot, lambda: dialog.error.isVisible())
        assert "名单.xlsx" in dialog.error.text()
        assert not dialog.commit_button.isEnabled()
        dialog.reject()

    dialogs.scripts.append(run)
    window.open_import()
    assert context.services.info.database_info().counts["enterprises"] == 0
