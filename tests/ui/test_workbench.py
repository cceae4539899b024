"""The worklist page: what is due, counted on the navigation, one step from the form."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.dtos.worklist import WorkItem, WorkSection
from firstbatch_desk.domain.enums import Complexity, NeedCategory
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.keyboard import type_text


def _items(page: Any, section: WorkSection) -> list[WorkItem]:
    tree = page.tree
    for index in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(index)
        children = [
            head.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(head.childCount())
        ]
        items = [c for c in children if isinstance(c, WorkItem)]
        if items and items[0].section is section:
            return items
    return []


def _select(page: Any, case_id: Any, section: WorkSection) -> None:
    tree = page.tree
    for index in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(index)
        for child in range(head.childCount()):
            item = head.child(child)
            value = item.data(0, Qt.ItemDataRole.UserRole)
            if (
                isinstance(value, WorkItem)
                and value.section is section
                and value.case_id == case_id
            ):
                tree.setCurrentItem(item)
                return
    raise AssertionError(f"{case_id} not in {section}")


def _show(window: MainWindow, qtbot: QtBot) -> Any:
    window.show_page("workbench")
    page = window.workbench_page
    qtbot.waitUntil(lambda: page.worklist is not None, timeout=3000)
    return page


def test_an_overdue_case_is_listed_counted_and_visited_from_the_worklist(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    case = factories.recognised_case(services)  # recognised 2023, never visited: overdue
    page = _show(window, qtbot)
    overdue = _items(page, WorkSection.OVERDUE)
    assert [i.case_id for i in overdue] == [case.row.id]
    assert overdue[0].days_late > 0
    assert [i.case_id for i in _items(page, WorkSection.NEVER_VISITED)] == [case.row.id]
    navigation = window.navigation.item(0)
    # overdue and never visited: one case, counted once
    qtbot.waitUntil(lambda: navigation.text().endswith("1"), timeout=3000)
    assert "已逾期：1" in navigation.toolTip()

    def record(dialog: Any) -> None:
        assert dialog.cases_list.checked_ids() == [str(case.row.id)]
        type_text(qtbot, dialog.texts["summary"], "按期走访，企业运行正常")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _select(page, case.row.id, WorkSection.OVERDUE)
    dialogs.scripts.append(record)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _items(page, WorkSection.OVERDUE), timeout=3000)
    assert not _items(page, WorkSection.NEVER_VISITED)
    qtbot.waitUntil(lambda: navigation.text() == "工作台", timeout=3000)
    assert services.cases.get_case(case.row.id).row.last_visit_on == date.today()


def test_enter_on_a_row_opens_the_case_with_record_visit_ready(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    case = factories.recognised_case(context.services)
    page = _show(window, qtbot)
    _select(page, case.row.id, WorkSection.OVERDUE)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    cases = window.cases_page
    qtbot.waitUntil(lambda: cases.current_key() == case.row.id.hex, timeout=3000)
    assert window.register_tabs.currentWidget() is cases
    assert QApplication.focusWidget() is cases.record_visit_button or (
        cases.record_visit_button.hasFocus()
    )
    seen: list[Any] = []
    dialogs.scripts.append(lambda dialog: seen.append(dialog.cases_list.checked_ids()))
    qtbot.keyClick(cases.record_visit_button, Qt.Key.Key_Space)
    assert seen == [[str(case.row.id)]]


def test_a_need_due_within_three_working_days_is_listed_and_opens_on_the_needs_page(
    window: MainWindow, qtbot: QtBot, context: Any
) -> None:
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row, visit_date=date.today())
    need = services.needs.raise_need(
        NeedInput(
            enterprise_id=case.row.enterprise_id,
            category=NeedCategory.FINANCING,
            title="流动资金贷款对接",
            case_id=case.row.id,
            complexity=Complexity.SIMPLE,
            raised_on=date.today() - timedelta(days=1),
        )
    )
    services.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT, on=date.today()))
    page = _show(window, qtbot)
    needs = _items(page, WorkSection.NEEDS_DUE)
    assert [i.need_id for i in needs] == [need.row.id]
    for index in range(page.tree.topLevelItemCount()):
        head = page.tree.topLevelItem(index)
        for child in range(head.childCount()):
            if head.child(child).data(0, Qt.ItemDataRole.UserRole) == needs[0]:
                page.tree.setCurrentItem(head.child(child))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.needs_page.current_key() == need.row.id.hex, timeout=3000)


def test_a_visit_recorded_elsewhere_updates_the_count_and_the_open_worklist(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    case = factories.recognised_case(context.services)
    page = _show(window, qtbot)
    navigation = window.navigation.item(0)
    qtbot.waitUntil(lambda: navigation.text().endswith("1"), timeout=3000)
    window.open_record("case", str(case.row.id))  # the worklist page stays built

    def record(dialog: Any) -> None:
        type_text(qtbot, dialog.texts["summary"], "电话回访")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(record)
    cases = window.cases_page
    qtbot.waitUntil(lambda: cases.current_key() == case.row.id.hex, timeout=3000)
    qtbot.mouseClick(cases.record_visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: navigation.text() == "工作台", timeout=3000)
    qtbot.waitUntil(lambda: not _items(page, WorkSection.OVERDUE), timeout=3000)
