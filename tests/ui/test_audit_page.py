"""审计记录 page: lists every change, filters, shows before and after, checks the chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.dtos.audit import AuditAction, AuditFilter
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.conftest import ScriptedPrompts
from tests.ui.keyboard import type_text


@pytest.fixture
def changed(context: Any) -> Any:
    """An enterprise renamed once, and a case with a visit."""
    services = context.services
    enterprise = factories.enterprise(services, name="页面审计新材料有限公司")
    services.enterprises.update_enterprise(
        enterprise.id,
        EnterpriseInput(
            name="页面审计新材料集团有限公司",
            credit_code=enterprise.credit_code or "",
            division_code=enterprise.division_code,
        ),
    )
    case = factories.recognised_case(services)
    factories.visit(services, case.row)
    return context


def _open(window: MainWindow, qtbot: QtBot) -> Any:
    page_number = window.PAGES.index("audit")
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == page_number
    page = window.audit_page
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=3000)
    return page


def _total(context: Any) -> int:
    return len(context.services.audit.list_entries(limit=100_000))


def _wait_for_job(window: MainWindow, prompts: ScriptedPrompts, qtbot: QtBot) -> None:
    def finished() -> bool:
        window.ctx.tasks.wait()
        QApplication.processEvents()
        return bool(prompts.infos or prompts.errors)

    qtbot.waitUntil(finished, timeout=10_000)


def test_the_page_lists_every_entry_newest_first(
    changed: Any, window: MainWindow, qtbot: QtBot, qtmodeltester: Any
) -> None:
    page = _open(window, qtbot)
    total = _total(changed)
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"共 {total} 条"
    assert page.model.index(0, 0).data() == str(total)
    assert not page.new_button.isVisible() and not page.delete_button.isVisible()
    qtmodeltester.check(page.model, force_py=True)


def test_filters_narrow_the_list(changed: Any, window: MainWindow, qtbot: QtBot) -> None:
    page = _open(window, qtbot)
    audit = changed.services.audit
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("enterprises"))
    wanted = len(audit.list_entries(AuditFilter(entity="enterprises")))
    qtbot.waitUntil(lambda: page.model.rowCount() == wanted, timeout=3000)
    page.action_filter.setCurrentIndex(page.action_filter.findData(AuditAction.UPDATE.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.action_filter.setCurrentIndex(0)
    page.entity_filter.setCurrentIndex(0)
    type_text(qtbot, page.search_box, "集团有限公司")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.search_box.clear()
    type_text(qtbot, page.actor_filter, "没有这个人")
    qtbot.keyClick(page.actor_filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert "没有符合条件的记录" in page.detail.toPlainText()


def test_the_detail_shows_before_and_after_side_by_side(
    changed: Any, window: MainWindow, qtbot: QtBot
) -> None:
    page = _open(window, qtbot)
    type_text(qtbot, page.search_box, "集团有限公司")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "修改前" in page.detail.toPlainText(), timeout=3000)
    text = page.detail.toPlainText()
    assert "修改后" in text and "name" in text
    assert text.index("页面审计新材料有限公司") < text.index("页面审计新材料集团有限公司")
    assert "本机用户" in text and "修改" in text


def test_verify_shows_the_verdict(
    changed: Any, window: MainWindow, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    page = _open(window, qtbot)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    _wait_for_job(window, prompts, qtbot)
    total = _total(changed)
    assert prompts.infos == [f"审计记录完整：{total} 条"]
    assert page.verdict_label.text() == f"审计记录完整：{total} 条"
    assert page.verify_button.isEnabled()


def test_verify_names_a_tampered_entry_and_selects_it(
    changed: Any, window: MainWindow, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    with sqlite3.connect(changed.paths.database) as raw:
        raw.execute("UPDATE audit_entries SET after = replace(after, '集团', '控股') WHERE seq = 2")
    page = _open(window, qtbot)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    _wait_for_job(window, prompts, qtbot)
    assert prompts.errors == ["审计记录第 2 条被改动过：它的哈希与内容不符。"]
    assert "第 2 条" in page.verdict_label.text()
    assert page.current_row().seq == 2


def test_export_writes_the_filtered_entries(
    changed: Any, window: MainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _open(window, qtbot)
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("visits"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    prompts.save_path = tmp_path / "审计"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _wait_for_job(window, prompts, qtbot)
    assert "1 条" in prompts.infos[-1]
    (sheet,) = load_workbook(tmp_path / "审计.xlsx").worksheets
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and rows[0][6] == "visits"
