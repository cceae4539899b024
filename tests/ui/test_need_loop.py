"""The need closed loop as an officer works it: raise, click what is offered, read the history."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.enums import (
    Complexity,
    NeedCategory,
    NeedChannel,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.ui.dialogs.need_dialog import NeedDialog
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.models.lazy_table_model import KEY_ROLE
from tests import factories
from tests.ui.keyboard import type_text

OFFICER = "本机用户"  # the actor of the test context
WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _offered(page: Any) -> list[str]:
    """The action buttons the officer sees, left to right."""
    layout = page.actions_layout
    widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [
        w.text()
        for w in widgets
        if isinstance(w, QPushButton) and w.isVisibleTo(page) and w is not page.attachments_button
    ]


def _button(page: Any, text: str) -> QPushButton:
    found = [b for b in page.action_buttons.values() if b.text() == text]
    assert len(found) == 1, f"{text} not offered: {_offered(page)}"
    return found[0]


def _raise(services: Any, enterprise_id: Any, title: str, **values: Any) -> Any:
    return services.needs.raise_need(
        NeedInput(enterprise_id, NeedCategory.FINANCING, title, **values)
    )


def _show(window: MainWindow, qtbot: QtBot, count: int) -> Any:
    window.show_page("needs")
    page = window.needs_page
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=3000)
    return page


def _select(page: Any, qtbot: QtBot, need_id: Any) -> None:
    assert page.select_key(need_id.hex)
    qtbot.waitUntil(lambda: page.need is not None and page.need.row.id == need_id)


def test_a_need_is_raised_with_ctrl_n_and_taken_round_the_whole_loop(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    case = factories.recognised_case(services)
    departments = services.reference.list_departments()
    lead, finance, bank = departments[1], departments[9], departments[10]
    page = _show(window, qtbot, 0)

    def raise_need(dialog: Any) -> None:
        _choose(dialog.enterprise_combo, str(case.row.enterprise_id))
        assert dialog.case_combo.findData(str(case.row.id)) > 0
        _choose(dialog.case_combo, str(case.row.id))
        _choose(dialog.category_combo, NeedCategory.FINANCING.value)
        type_text(qtbot, dialog.title_edit, "流动资金贷款对接")
        type_text(qtbot, dialog.description_edit, "企业希望对接银行，解决 2000 万元流动资金缺口。")
        _choose(dialog.urgency_combo, Urgency.URGENT.value)
        hint = dialog.findChild(QLabel, "complexity_hint").text()
        assert "简单事项 1 个工作日" in hint and "复杂事项 3 个工作日" in hint
        _click(qtbot, dialog.simple_radio)
        _choose(dialog.lead_combo, str(lead.id))
        for number in range(dialog.supporting_list.count()):
            item = dialog.supporting_list.item(number)
            if item.data(Qt.ItemDataRole.UserRole) in (str(finance.id), str(bank.id)):
                item.setCheckState(Qt.CheckState.Checked)
        _click(qtbot, dialog.save_button)

    dialogs.scripts.append(raise_need)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(lambda: page.need is not None)
    need = page.need
    assert need.row.title == "流动资金贷款对接" and need.row.status is NeedStatus.PENDING
    assert need.case_id == case.row.id and need.complexity is Complexity.SIMPLE
    assert set(need.supporting_department_ids) == {finance.id, bank.id}
    text = page.detail.toPlainText()
    assert "流动资金贷款对接" in text and finance.short_name in text and case.row.case_no in text
    assert _offered(page) == ["受理", "退回"]
    assert page.timeline.step_count() == 0

    today = date.today()
    extended_to = today + timedelta(days=60)

    def approve(dialog: Any) -> None:
        current_due = dialog.need.row.due_on
        type_text(qtbot, dialog.extended_edit, current_due.isoformat())
        error = dialog.errors["extended_to"]
        assert error.isVisible() and current_due.isoformat() in error.text()
        dialog.extended_edit.clear()
        type_text(qtbot, dialog.extended_edit, extended_to.isoformat())
        assert not error.isVisible()

    def ask_extension(dialog: Any) -> None:
        notice = dialog.findChild(QLabel, "extension_notice")
        by = context.services.needs.extension_request_by(dialog.need.row.id)
        assert notice is not None and by.isoformat() in notice.text()
        assert "1 个工作日" in notice.text()

    def assign(dialog: Any) -> None:
        assert dialog.lead_combo.currentData() == str(lead.id)  # proposed when raised
        _choose(dialog.lead_combo, str(finance.id))

    steps: list[tuple[str, Any, str, list[str]]] = [
        ("受理", None, "", ["交办", "无法解决(已说明)"]),
        ("交办", assign, "", ["开始办理", "退回"]),
        ("开始办理", None, "", ["申请延期", "反馈答复", "退回", "无法解决(已说明)"]),
        ("申请延期", ask_extension, "银行授信审批需要两周", ["同意延期", "不同意延期"]),
        ("同意延期", approve, "", ["申请延期", "反馈答复", "退回", "无法解决(已说明)"]),
        (
            "反馈答复",
            lambda d: type_text(qtbot, d.outcome_edit, "已对接两家银行并获授信"),
            "",
            ["办结", "重新办理", "无法解决(已说明)"],
        ),
        ("办结", None, "", ["回访"]),
        (
            "回访",
            lambda d: _choose(d.satisfaction_combo, Satisfaction.SATISFIED.value),
            "企业表示满意",
            [],
        ),
    ]
    for number, (label, fill, note, offered_after) in enumerate(steps, start=1):

        def script(dialog: Any, fill: Any = fill, note: str = note) -> None:
            assert dialog.on_edit.text() == today.isoformat()  # the date defaults to today
            if fill is not None:
                fill(dialog)
            if note:
                type_text(qtbot, dialog.note_edit, note)
            _click(qtbot, dialog.save_button)
            assert not dialog.isVisible(), [e.text() for e in dialog.errors.values()]

        dialogs.scripts.append(script)
        _click(qtbot, _button(page, label))
        qtbot.waitUntil(lambda n=number: page.timeline.step_count() == n, timeout=3000)
        assert _offered(page) == offered_after, label
        newest = page.timeline.step_text(number - 1)
        assert newest.startswith(label) and OFFICER in newest, newest
        assert WHEN.search(newest) and datetime.now().strftime("%Y-%m-%d") in newest
        if note:
            assert note in newest
        status_cell = page.model.index(0, 4).data()  # 状态
        assert status_cell == page.need.row.status.label("zh")

    need = services.needs.get_need(need.row.id)
    assert need.row.status is NeedStatus.REVISITED
    assert need.row.lead_department == finance.short_name
    assert need.extended_to == extended_to and need.outcome == "已对接两家银行并获授信"
    assert need.row.satisfaction is Satisfaction.SATISFIED
    assert "已办结 → 已回访" in page.timeline.step_text(7)
    assert "待受理 → 已受理" in page.timeline.step_text(0)
    assert "流程已结束" in page.actions_caption.text()
    text = page.detail.toPlainText()
    assert extended_to.isoformat() in text and "已对接两家银行并获授信" in text and "满意" in text


def test_a_return_without_a_note_and_a_stale_action_are_refused_and_change_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    enterprise = factories.enterprise(services)
    need = _raise(services, enterprise.id, "用地指标")
    page = _show(window, qtbot, 1)
    _select(page, qtbot, need.row.id)

    def return_without_note(dialog: Any) -> None:
        type_text(qtbot, dialog.note_edit, "   ")
        _click(qtbot, dialog.save_button)
        assert dialog.isVisible()
        error = dialog.errors["note"]
        assert error.isVisible() and "“退回”需要填写说明" in error.text()
        dialog.reject()

    dialogs.scripts.append(return_without_note)
    _click(qtbot, _button(page, "退回"))
    after = services.needs.get_need(need.row.id)
    assert after.row.status is NeedStatus.PENDING and after.history == ()
    assert _offered(page) == ["受理", "退回"] and page.timeline.step_count() == 0

    # another officer accepts it while this page still offers 受理
    services.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT))

    def stale_accept(dialog: Any) -> None:
        _click(qtbot, dialog.save_button)
        assert dialog.isVisible()
        assert "不能执行“受理”" in dialog.general_error.text()
        dialog.reject()

    dialogs.scripts.append(stale_accept)
    _click(qtbot, _button(page, "受理"))
    assert len(services.needs.get_need(need.row.id).history) == 1
    qtbot.waitUntil(lambda: _offered(page) == ["交办", "无法解决(已说明)"])
    assert page.timeline.step_count() == 1


def test_an_overdue_need_is_red_says_how_late_and_has_its_filter(
    window: MainWindow, qtbot: QtBot, context: Any, qtmodeltester: Any
) -> None:
    services = context.services
    enterprise = factories.enterprise(services)
    long_ago = date.today() - timedelta(days=30)
    late = _raise(services, enterprise.id, "检测费用补助", raised_on=long_ago)
    services.needs.transition(late.row.id, TransitionInput(NeedAction.ACCEPT, on=long_ago))
    extended = _raise(services, enterprise.id, "融资担保", raised_on=long_ago)
    for step in (
        TransitionInput(NeedAction.ACCEPT, on=long_ago),
        TransitionInput(NeedAction.ASSIGN, on=long_ago, lead_department_id=_lead(services)),
        TransitionInput(NeedAction.START, on=long_ago),
        TransitionInput(NeedAction.REQUEST_EXTENSION, note="需要补材料", on=long_ago),
        TransitionInput(NeedAction.APPROVE_EXTENSION, extended_to=date.today() + timedelta(days=5)),
    ):
        services.needs.transition(extended.row.id, step)
    fresh = _raise(services, enterprise.id, "人才公寓")
    page = _show(window, qtbot, 3)
    qtmodeltester.check(page.model, force_py=True)

    def cells(need: Any) -> tuple[str, Any]:
        row = page.model.row_of_key(need.row.id.hex)
        index = page.model.index(row, 5)  # 期限
        return index.data(), index.data(Qt.ItemDataRole.ForegroundRole)

    due = services.needs.get_need(late.row.id).row.due_on
    text, colour = cells(late)
    assert text.startswith(due.isoformat())
    assert f"逾期 {(date.today() - due).days} 天" in text
    assert colour is not None and colour.name() == "#c0392b"
    assert cells(extended)[1] is None and "逾期" not in cells(extended)[0]
    # raised today: to be accepted by the next working day, not late
    assert cells(fresh)[1] is None and "逾期" not in cells(fresh)[0]
    assert cells(fresh)[0] == services.needs.get_need(fresh.row.id).row.due_on.isoformat()
    _select(page, qtbot, late.row.id)
    assert "逾期" in page.detail.toPlainText()

    _choose(page.status_filter, "OVERDUE")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data(KEY_ROLE) == late.row.id.hex


def _lead(services: Any) -> Any:
    return services.reference.list_departments()[0].id


def test_the_deferred_dialog_returns_a_need_input_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, context: Any
) -> None:
    services = context.services
    case = factories.recognised_case(services)
    before = services.info.database_info().counts["needs"]
    dialog = NeedDialog(window.ctx, case.row.enterprise_id, deferred=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.enterprise_combo is None and dialog.enterprise_label is not None
    assert case.row.enterprise_name in dialog.enterprise_label.text()
    _choose(dialog.case_combo, str(case.row.id))
    _choose(dialog.category_combo, NeedCategory.MARKET.value)
    type_text(qtbot, dialog.title_edit, "  希望对接下游汽车厂  ")
    _click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = dialog.result_input()
    assert data is not None and dialog.result_detail() is None
    assert data.title == "希望对接下游汽车厂" and data.case_id == case.row.id
    assert data.enterprise_id == case.row.enterprise_id
    assert data.category is NeedCategory.MARKET and data.channel is NeedChannel.VISIT
    assert services.info.database_info().counts["needs"] == before

    again = NeedDialog(window.ctx, deferred=True, initial=data)
    qtbot.addWidget(again)
    assert again.title_edit.text() == "希望对接下游汽车厂"
    assert again.case_combo.currentData() == str(case.row.id)
    _click(qtbot, again.save_button)
    assert again.result_input() == data
    assert services.info.database_info().counts["needs"] == before


def test_an_empty_title_is_explained_next_to_the_field_and_nothing_is_saved(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    enterprise = factories.enterprise(services, name="浙江信汇新材料股份有限公司")
    page = _show(window, qtbot, 0)

    def empty_title(dialog: Any) -> None:
        _click(qtbot, dialog.save_button)
        assert dialog.isVisible()
        assert "“企业”不能为空" in dialog.errors["enterprise_id"].text()
        _choose(dialog.enterprise_combo, str(enterprise.id))
        assert not dialog.errors["enterprise_id"].isVisible()
        type_text(qtbot, dialog.title_edit, "融资")
        title_error = dialog.errors["title"]
        assert not title_error.isVisible()
        dialog.title_edit.clear()
        assert title_error.isVisible() and "“诉求事项”不能为空" in title_error.text()
        _click(qtbot, dialog.save_button)
        assert dialog.isVisible()
        dialog.raised_edit.setText("2025-13-01")
        assert dialog.errors["raised_on"].isVisible()
        dialog.reject()

    dialogs.scripts.append(empty_title)
    _click(qtbot, page.new_button)
    assert services.info.database_info().counts["needs"] == 0


def test_the_edit_button_changes_the_selected_need(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    enterprise = factories.enterprise(services)
    departments = services.reference.list_departments()
    need = _raise(services, enterprise.id, "融资", lead_department_id=departments[2].id)
    page = _show(window, qtbot, 1)
    _select(page, qtbot, need.row.id)

    def edit(dialog: Any) -> None:
        assert dialog.enterprise_label.text() == enterprise.name
        lead_item = next(
            dialog.supporting_list.item(n)
            for n in range(dialog.supporting_list.count())
            if dialog.supporting_list.item(n).data(Qt.ItemDataRole.UserRole)
            == str(departments[2].id)
        )
        assert not lead_item.flags() & Qt.ItemFlag.ItemIsUserCheckable  # lead cannot support
        dialog.title_edit.clear()
        type_text(qtbot, dialog.title_edit, "融资担保对接")
        _click(qtbot, dialog.save_button)

    dialogs.scripts.append(edit)
    _click(qtbot, page.edit_button)
    qtbot.waitUntil(lambda: page.model.row_at(0).title == "融资担保对接")
    assert services.needs.get_need(need.row.id).row.title == "融资担保对接"


def test_a_need_gets_attachments_that_open_from_its_detail(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Any
) -> None:
    from firstbatch_desk.domain.dtos.followup import NeedInput
    from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory

    case = factories.recognised_case(context.services)
    need = context.services.needs.raise_need(
        NeedInput(case.row.enterprise_id, NeedCategory.TESTING, "检测报告", case_id=case.row.id)
    )
    reply = tmp_path / "部门答复函.pdf"
    reply.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    opened: list[Any] = []
    window.ctx.open_file = lambda path: opened.append(path) or True
    window.show_page("needs")
    page = window.needs_page
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.select_key(need.row.id.hex), timeout=3000)
    qtbot.waitUntil(lambda: page.need is not None, timeout=3000)

    def add(dialog: Any) -> None:
        prompts.open_files = [reply]
        qtbot.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
        assert dialog.panel.list.count() == 1
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(add)
    qtbot.mouseClick(page.attachments_button, Qt.MouseButton.LeftButton)
    rows = context.services.attachments.list_for(AttachmentOwner.NEED, need.row.id)
    assert [r.original_name for r in rows] == ["部门答复函.pdf"]
    assert "（1）" in page.attachments_button.text()
    assert "部门答复函.pdf" in page.detail.toPlainText()
    page.detail.link_activated.emit("attachment", str(rows[0].id))
    assert [p.name for p in opened] == ["部门答复函.pdf"]
