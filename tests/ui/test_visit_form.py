"""Recording visits as an officer does: the form, its drafts, needs and attachments."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.dtos.filters import NeedFilter, VisitFilter
from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory, VisitMethod
from firstbatch_desk.ui.dialogs.visit_dialog import VisitDialog
from firstbatch_desk.ui.dialogs.visit_draft import NEW_KIND
from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.keyboard import type_text

SUMMARY = "企业生产正常，反映融资难，希望对接银行。"


def _two_cases(services: Any) -> tuple[Any, Any]:
    first = factories.recognised_case(services)
    second = factories.recognised_case(services, enterprise_id=first.row.enterprise_id)
    return first, second


def _open_form_on_case(window: MainWindow, qtbot: QtBot, case: Any) -> None:
    window.open_record("case", str(case.row.id))
    page = window.cases_page
    qtbot.waitUntil(lambda: page.current_key() == case.row.id.hex, timeout=3000)
    qtbot.mouseClick(page.record_visit_button, Qt.MouseButton.LeftButton)


def _key(qtbot: QtBot, dialog: Any, key: Qt.Key) -> None:
    """A Ctrl+key chord typed into the form, as the officer's keyboard sends it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or dialog, key, Qt.KeyboardModifier.ControlModifier)


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def _wait_for_draft(qtbot: QtBot, context: Any, enterprise_id: Any) -> None:
    drafts = context.services.drafts
    qtbot.waitUntil(lambda: drafts.find_drafts(NEW_KIND, str(enterprise_id)), timeout=3000)


def test_a_visit_covering_two_cases_raises_a_need_and_is_saved_with_ctrl_s(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    services = context.services
    first, second = _two_cases(services)
    enterprise_id = first.row.enterprise_id
    departments = services.reference.list_departments()

    def raise_need(dialog: Any) -> None:
        _choose(dialog.category_combo, NeedCategory.FINANCING.value)
        type_text(qtbot, dialog.title_edit, "希望对接银行贷款")
        if departments:
            _choose(dialog.lead_combo, str(departments[0].id))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def fill_visit(dialog: VisitDialog) -> None:
        assert dialog.cases_list.checked_ids() == [str(first.row.id)]
        dialog.cases_list.check(str(second.row.id))
        _choose(dialog.method_combo, VisitMethod.ON_SITE.value)
        dialog.attendees.set_attendees(())
        dialog.attendees.table.item(0, 0).setText("张伟")
        dialog.attendees.table.item(0, 1).setText("总经理")
        type_text(qtbot, dialog.texts["summary"], SUMMARY)
        dialog.contract_edit.setText("120.5")
        dialog.quantity_edit.setText("30")
        dialog.unit_edit.setText("吨")
        assert dialog.next_edit.text(), "the cadence proposes the next visit"
        dialogs.scripts.append(raise_need)
        qtbot.mouseClick(dialog.needs.raise_button, Qt.MouseButton.LeftButton)
        assert "希望对接银行贷款" in dialog.needs.list.item(0).text()
        assert services.needs.list_needs(NeedFilter(enterprise_id=enterprise_id)) == []
        _key(qtbot, dialog, Qt.Key.Key_S)
        assert not dialog.isVisible(), [(k, e.text()) for k, e in dialog.errors.items() if e.text()]

    dialogs.scripts.append(fill_visit)
    _open_form_on_case(window, qtbot, first)

    visits = services.visits.list_visits(VisitFilter(enterprise_id=enterprise_id))
    assert len(visits) == 1
    detail = services.visits.get_visit(visits[0].id)
    assert set(detail.case_ids) == {first.row.id, second.row.id}
    assert detail.summary == SUMMARY
    assert [(a.name, a.title) for a in detail.attendees] == [("张伟", "总经理")]
    assert str(detail.contract_value) == "120.50" or float(detail.contract_value) == 120.5
    assert detail.quantity == "30" and detail.quantity_unit == "吨"
    needs = services.needs.list_needs(NeedFilter(enterprise_id=enterprise_id))
    assert [n.title for n in needs] == ["希望对接银行贷款"]
    assert services.needs.get_need(needs[0].id).visit_id == detail.row.id
    assert services.drafts.find_drafts(NEW_KIND) == [], "saving takes the draft away"
    for case in (first, second):
        assert services.cases.get_case(case.row.id).row.last_visit_on == detail.row.visit_date


def test_a_visit_without_a_case_is_refused_next_to_the_field_and_nothing_is_saved(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)

    def untick_and_save(dialog: VisitDialog) -> None:
        dialog.cases_list.set_checked(())
        type_text(qtbot, dialog.texts["summary"], SUMMARY)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.errors["case_ids"].isVisible()
        assert "档案" in dialog.errors["case_ids"].text()
        dialog.contract_edit.setText("一百万")
        assert dialog.errors["contract_value"].isVisible()
        dialog.reject()

    dialogs.scripts.append(untick_and_save)
    _open_form_on_case(window, qtbot, first)
    assert context.services.visits.list_visits() == []


def test_ctrl_enter_saves_and_starts_the_next_visit_of_the_same_enterprise(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)

    def two_visits(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "第一次走访")
        _key(qtbot, dialog, Qt.Key.Key_Return)
        assert dialog.isVisible(), "the form stays open for the next visit"
        assert dialog.texts["summary"].toPlainText() == ""
        assert dialog.cases_list.checked_ids() == [str(first.row.id)]
        type_text(qtbot, dialog.texts["summary"], "第二次走访")
        _key(qtbot, dialog, Qt.Key.Key_S)

    dialogs.scripts.append(two_visits)
    _open_form_on_case(window, qtbot, first)
    summaries = sorted(
        context.services.visits.get_visit(v.id).summary
        for v in context.services.visits.list_visits()
    )
    assert summaries == ["第一次走访", "第二次走访"]


def test_closing_the_window_without_saving_keeps_a_draft_that_is_offered_back(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any
) -> None:
    first, _second = _two_cases(context.services)
    enterprise_id = first.row.enterprise_id

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], SUMMARY)
        dialog.texts["policies_explained"].setPlainText("宣传首批次保险补偿政策")
        _choose(dialog.method_combo, VisitMethod.PHONE.value)
        dialog.close()

    dialogs.scripts.append(type_and_close)
    _open_form_on_case(window, qtbot, first)
    assert context.services.visits.list_visits() == []
    window.close()

    again = build_main_window(context, prompts)
    again.ctx.run_dialog = dialogs
    qtbot.addWidget(again)
    again.show()
    restored: dict[str, Any] = {}

    def look(dialog: VisitDialog) -> None:
        restored["summary"] = dialog.texts["summary"].toPlainText()
        restored["policies"] = dialog.texts["policies_explained"].toPlainText()
        restored["method"] = dialog.method_combo.currentData()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    prompts.choices.append(0)  # 接着填写草稿
    dialogs.scripts.append(look)
    _open_form_on_case(again, qtbot, first)
    again.ctx.tasks.wait()
    assert restored == {
        "summary": SUMMARY,
        "policies": "宣传首批次保险补偿政策",
        "method": VisitMethod.PHONE.value,
    }
    assert len(context.services.visits.list_visits(VisitFilter(enterprise_id=enterprise_id))) == 1
    assert context.services.drafts.find_drafts(NEW_KIND) == []


def test_declining_the_draft_discards_it(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any
) -> None:
    first, _second = _two_cases(context.services)

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "半截记录")
        dialog.close()

    def look(dialog: VisitDialog) -> None:
        assert dialog.texts["summary"].toPlainText() == ""
        dialog.reject()

    dialogs.scripts.extend([type_and_close, look])
    _open_form_on_case(window, qtbot, first)
    assert len(context.services.drafts.find_drafts(NEW_KIND)) == 1
    prompts.choices.append(2)  # 丢弃草稿并新建
    _open_form_on_case(window, qtbot, first)
    assert context.services.drafts.find_drafts(NEW_KIND) == []


def _photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (300, 200), (200, 40, 40)).save(path, "JPEG")
    return path


def test_attachments_are_added_by_drop_and_dialog_and_saved_with_the_visit(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Path
) -> None:
    first, _second = _two_cases(context.services)
    photo = _photo(tmp_path / "现场照片.jpg")
    scan = tmp_path / "签字页.pdf"
    scan.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    opened: list[Path] = []
    window.ctx.open_file = lambda path: opened.append(path) or True

    def attach(dialog: VisitDialog) -> None:
        panel = dialog.attachments
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(empty))])
        drop = QDropEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        panel.dragEnterEvent(
            QDragEnterEvent(
                QPoint(10, 10),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
        panel.dropEvent(drop)
        assert drop.isAccepted()
        assert panel.list.count() == 1
        assert panel.error.isVisible() and "空文件" in panel.error.text()
        assert not panel.list.item(0).icon().isNull()
        prompts.open_files = [scan]
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        assert panel.list.count() == 2
        panel.list.setCurrentRow(0)
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.texts["summary"], SUMMARY)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(attach)
    _open_form_on_case(window, qtbot, first)
    assert opened and opened[0].name == "现场照片.jpg" and opened[0].read_bytes()[:2] == b"\xff\xd8"
    visit = context.services.visits.list_visits()[0]
    rows = context.services.attachments.list_for(AttachmentOwner.VISIT, visit.id)
    assert sorted(r.original_name for r in rows) == ["现场照片.jpg", "签字页.pdf"]


KILLED_SCRIPT = textwrap.dedent(
    """
    import sys, uuid
    from PySide6.QtWidgets import QApplication
    from firstbatch_desk.app import open_context
    from firstbatch_desk.ui.launch import build_main_window
    from firstbatch_desk.ui.dialogs.visit_dialog import VisitDialog
    from firstbatch_desk.ui.prompts import Prompts

    app = QApplication([])
    context = open_context(sys.argv[1])
    window = build_main_window(context, Prompts())
    dialog = VisitDialog(
        window.ctx, enterprise_id=uuid.UUID(sys.argv[2]), case_ids=(uuid.UUID(sys.argv[3]),)
    )
    dialog.show()
    dialog.texts["summary"].setPlainText(sys.argv[4])
    deadline = __import__("time").monotonic() + 10
    while not context.services.drafts.find_drafts("visit_new"):
        app.processEvents()
        if __import__("time").monotonic() > deadline:
            sys.exit(3)
    print("typed", flush=True)
    __import__("time").sleep(60)
    """
)


def test_a_killed_process_loses_nothing_typed(
    qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, data_dir: Path
) -> None:
    first, _second = _two_cases(context.services)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILLED_SCRIPT,
            str(data_dir),
            str(first.row.enterprise_id),
            str(first.row.id),
            SUMMARY,
        ],
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"typed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    main = build_main_window(context, prompts)
    main.ctx.run_dialog = dialogs
    qtbot.addWidget(main)
    main.show()
    seen: list[str] = []

    def look(dialog: VisitDialog) -> None:
        seen.append(dialog.texts["summary"].toPlainText())
        dialog.reject()

    prompts.choices.append(0)
    dialogs.scripts.append(look)
    _open_form_on_case(main, qtbot, first)
    main.ctx.tasks.wait()
    assert seen == [SUMMARY]


def test_kept_drafts_are_counted_in_the_status_bar_and_resumed_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)
    assert not window.drafts_button.isVisible()

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "走访到一半，工厂停电")
        dialog.close()

    dialogs.scripts.append(type_and_close)
    _open_form_on_case(window, qtbot, first)
    assert window.drafts_button.isVisible()
    assert window.drafts_button.text().startswith("1 份")
    seen: list[str] = []

    def pick(dialog: Any) -> None:
        assert dialog.list.count() == 1
        assert first.row.enterprise_name in dialog.list.item(0).text()
        qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)

    def finish(dialog: VisitDialog) -> None:
        seen.append(dialog.texts["summary"].toPlainText())
        assert dialog.cases_list.checked_ids() == [str(first.row.id)]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.extend([pick, finish])
    qtbot.mouseClick(window.drafts_button, Qt.MouseButton.LeftButton)
    assert seen == ["走访到一半，工厂停电"]
    assert not window.drafts_button.isVisible()
    assert len(context.services.visits.list_visits()) == 1


def test_a_broken_holiday_file_is_reported_in_the_window(
    data_dir: Path, qtbot: QtBot, prompts: Any
) -> None:
    from firstbatch_desk.app import open_context

    (data_dir / "holidays.json").write_text("{ not json", encoding="utf-8")
    context = open_context(data_dir)
    try:
        main = build_main_window(context, prompts)
        qtbot.addWidget(main)
        main.show()
        assert main.notice_label.isVisible()
        assert "节假日" in main.notice_label.text()
        assert "holidays.json" in main.notice_label.toolTip()
        main.ctx.tasks.wait()
        main.close()
    finally:
        context.close()


def test_tab_walks_the_form_from_top_to_bottom(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)
    walked: list[str] = []

    def walk(dialog: VisitDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        chain = [
            w
            for w in dialog.tab_chain()
            if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        chain[0].setFocus()
        for _ in chain:
            walked.append(QApplication.focusWidget().objectName())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert walked == [w.objectName() for w in chain]
        dialog.reject()

    dialogs.scripts.append(walk)
    _open_form_on_case(window, qtbot, first)
    assert walked[walked.index("summary_edit") - 1] == "policies_explained_edit"
    assert walked[walked.index("new_users_count_spin") - 1] == "new_users_edit"


def test_the_draft_question_can_be_cancelled_or_answered_keep_and_start_afresh(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any
) -> None:
    first, _second = _two_cases(context.services)
    drafts = context.services.drafts

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "第一份草稿")
        dialog.close()

    dialogs.scripts.append(type_and_close)
    _open_form_on_case(window, qtbot, first)
    assert len(drafts.find_drafts(NEW_KIND)) == 1

    prompts.choices.append(None)  # Esc: nothing opens, nothing is lost
    shown = len(dialogs.seen)
    _open_form_on_case(window, qtbot, first)
    assert len(dialogs.seen) == shown and len(drafts.find_drafts(NEW_KIND)) == 1
    assert first.row.enterprise_name in prompts.questions[-1]

    def fresh(dialog: VisitDialog) -> None:
        assert dialog.texts["summary"].toPlainText() == ""
        type_text(qtbot, dialog.texts["summary"], "第二份草稿")
        dialog.close()

    prompts.choices.append(1)  # 新建（草稿保留）
    dialogs.scripts.append(fresh)
    _open_form_on_case(window, qtbot, first)
    kept = sorted(d.payload["texts"]["summary"] for d in drafts.find_drafts(NEW_KIND))
    assert kept == ["第一份草稿", "第二份草稿"]


def test_a_new_visit_without_an_enterprise_is_not_offered_other_drafts(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any
) -> None:
    first, _second = _two_cases(context.services)

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "别家企业的草稿")
        dialog.close()

    dialogs.scripts.append(type_and_close)
    _open_form_on_case(window, qtbot, first)
    seen: list[str] = []
    dialogs.scripts.append(lambda dialog: seen.append(dialog.texts["summary"].toPlainText()))
    window.show_page("visits")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == [""] and prompts.questions == []
    assert len(context.services.drafts.find_drafts(NEW_KIND)) == 1


def test_a_draft_whose_enterprise_was_deleted_says_so_and_can_be_discarded(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any
) -> None:
    first, _second = _two_cases(context.services)

    def type_and_close(dialog: VisitDialog) -> None:
        type_text(qtbot, dialog.texts["summary"], "企业后来被删除")
        dialog.close()

    dialogs.scripts.append(type_and_close)
    _open_form_on_case(window, qtbot, first)
    context.services.enterprises.delete_enterprise(first.row.enterprise_id)
    window.show_drafts_notice()
    prompts.answers.append(True)  # 丢弃它吗？
    dialogs.scripts.append(lambda d: qtbot.mouseClick(d.resume_button, Qt.MouseButton.LeftButton))
    qtbot.mouseClick(window.drafts_button, Qt.MouseButton.LeftButton)
    assert prompts.infos == [] and context.services.drafts.find_drafts(NEW_KIND) == []
    assert not window.drafts_button.isVisible()


def test_what_is_typed_in_an_open_cell_is_saved_and_focus_starts_on_a_field(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)

    def type_in_cell(dialog: VisitDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        assert QApplication.focusWidget() is dialog.texts["summary"]
        assert not dialog.discard_button.autoDefault()
        table = dialog.attendees.table
        table.setFocus()
        table.setCurrentCell(0, 0)
        table.editItem(table.item(0, 0))
        editor = QApplication.focusWidget()
        type_text(qtbot, editor, "张伟")
        _key(qtbot, dialog, Qt.Key.Key_S)  # the cell is still open

    dialogs.scripts.append(type_in_cell)
    _open_form_on_case(window, qtbot, first)
    visit = context.services.visits.list_visits()[0]
    assert [a.name for a in context.services.visits.get_visit(visit.id).attendees] == ["张伟"]


def test_a_need_raised_in_a_back_dated_visit_is_raised_on_the_visit_date(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    first, _second = _two_cases(context.services)

    def raise_need(dialog: Any) -> None:
        assert dialog.raised_edit.text() == "2025-01-06" and not dialog.raised_edit.isEnabled()
        _choose(dialog.category_combo, NeedCategory.FINANCING.value)
        type_text(qtbot, dialog.title_edit, "贷款贴息")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def fill(dialog: VisitDialog) -> None:
        dialog.date_edit.setDate(QDate(2025, 1, 6))
        dialogs.scripts.append(raise_need)
        qtbot.mouseClick(dialog.needs.raise_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(fill)
    _open_form_on_case(window, qtbot, first)
    need = context.services.needs.list_needs()[0]
    assert need.raised_on == date(2025, 1, 6)


def test_an_error_far_up_the_form_is_scrolled_into_view(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)

    def save_without_case(dialog: VisitDialog) -> None:
        dialog.cases_list.set_checked(())
        bar = dialog.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())
        heights = [e.height() for e in dialog.texts.values()]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        error = dialog.errors["case_ids"]
        qtbot.waitUntil(lambda: not error.visibleRegion().isEmpty(), timeout=2000)
        assert [e.height() for e in dialog.texts.values()] == heights
        dialog.reject()

    dialogs.scripts.append(save_without_case)
    _open_form_on_case(window, qtbot, first)


def test_quitting_writes_the_draft_at_once(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, _second = _two_cases(context.services)

    def type_then_quit(dialog: VisitDialog) -> None:
        dialog.texts["summary"].setPlainText("刚写完就关机")
        assert context.services.drafts.find_drafts(NEW_KIND) == []  # not yet written
        QApplication.instance().aboutToQuit.emit()
        found = context.services.drafts.find_drafts(NEW_KIND)
        assert [d.payload["texts"]["summary"] for d in found] == ["刚写完就关机"]
        dialog.reject()

    dialogs.scripts.append(type_then_quit)
    _open_form_on_case(window, qtbot, first)


def test_editing_a_visit_shows_it_and_saves_the_changes(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any, prompts: Any, tmp_path: Path
) -> None:
    first, second = _two_cases(context.services)
    services = context.services
    photo = services.attachments.ingest(_photo(tmp_path / "现场.jpg"))
    saved = factories.visit(
        services,
        first.row,
        case_ids=(first.row.id, second.row.id),
        summary="原来的纪要",
        signed=True,
    )
    services.attachments.attach(AttachmentOwner.VISIT, saved.row.id, [photo])
    page = window.visits_page
    window.show_page("visits")
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.select_key(saved.row.id.hex), timeout=3000)

    def close_half_edited(dialog: VisitDialog) -> None:
        assert dialog.windowTitle() == "编辑走访记录"
        assert set(dialog.cases_list.checked_ids()) == {str(first.row.id), str(second.row.id)}
        assert dialog.texts["summary"].toPlainText() == "原来的纪要"
        assert dialog.signed_check.isChecked() and dialog.attachments.list.count() == 1
        dialog.texts["summary"].setPlainText("改了一半")
        dialog.close()

    def finish(dialog: VisitDialog) -> None:
        assert dialog.texts["summary"].toPlainText() == "改了一半"
        dialog.texts["summary"].setPlainText("修改后的纪要")
        dialog.cases_list.check(str(second.row.id), False)
        dialog.attachments.list.setCurrentRow(0)
        qtbot.mouseClick(dialog.attachments.remove_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(close_half_edited)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    prompts.choices.append(0)  # 接着填写草稿
    dialogs.scripts.append(finish)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    detail = services.visits.get_visit(saved.row.id)
    assert detail.summary == "修改后的纪要" and detail.case_ids == (first.row.id,)
    assert services.attachments.list_for(AttachmentOwner.VISIT, saved.row.id) == []
    assert services.drafts.find_drafts("visit_edit") == []
    assert len(services.visits.list_visits()) == 1


def test_needs_raised_in_the_form_can_be_edited_and_removed_and_follow_the_cases(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    first, second = _two_cases(context.services)

    def raise_need(title: str, case_id: Any = None) -> Any:
        def script(dialog: Any) -> None:
            _choose(dialog.category_combo, NeedCategory.FINANCING.value)
            if case_id is not None:
                _choose(dialog.case_combo, str(case_id))
            dialog.title_edit.clear()
            type_text(qtbot, dialog.title_edit, title)
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

        return script

    def fill(dialog: VisitDialog) -> None:
        needs = dialog.needs
        dialogs.scripts.append(raise_need("贷款贴息"))
        qtbot.mouseClick(needs.raise_button, Qt.MouseButton.LeftButton)
        dialogs.scripts.append(raise_need("检测补助", second.row.id))
        qtbot.mouseClick(needs.raise_button, Qt.MouseButton.LeftButton)
        needs.list.setCurrentRow(0)
        dialogs.scripts.append(raise_need("贷款贴息申报"))
        qtbot.mouseClick(needs.edit_button, Qt.MouseButton.LeftButton)
        assert [n.title for n in needs.needs()] == ["贷款贴息申报", "检测补助"]
        # the second need's case is not covered by the visit: refused, nothing saved
        dialog.cases_list.set_checked([str(first.row.id)])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "检测补助" in dialog.errors["new_needs"].text()
        needs.list.setCurrentRow(1)
        qtbot.mouseClick(needs.remove_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(fill)
    _open_form_on_case(window, qtbot, first)
    assert [n.title for n in context.services.needs.list_needs()] == ["贷款贴息申报"]
