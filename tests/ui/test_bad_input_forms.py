"""Bad input typed or pasted into the real forms: saved as typed, or explained next to the field.

Each form is filled through its widgets with the hostile corpus and saved with
its 保存 button. A value the domain keeps is saved and read back as the forms
keep it; a value it refuses leaves the form open, with the message (the limit,
the place of an invisible character, "不能为空") next to the field at fault,
what was typed still in the field, and the database unchanged. A 1 MB paste
goes into a notes box at once and is refused with the limit message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.accounts import Role
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput
from firstbatch_desk.domain.enums import NeedCategory, NeedStatus
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.ui.dialogs.account_dialog import AccountEditDialog
from firstbatch_desk.ui.dialogs.case_dialog import CaseEditDialog
from firstbatch_desk.ui.dialogs.enterprise_dialog import EnterpriseEditDialog
from firstbatch_desk.ui.dialogs.need_action_dialog import NeedActionDialog
from firstbatch_desk.ui.dialogs.need_dialog import NeedDialog
from firstbatch_desk.ui.dialogs.product_dialog import ProductEditDialog
from firstbatch_desk.ui.dialogs.recognition_dialog import RecognitionEditDialog
from firstbatch_desk.ui.dialogs.visit_dialog import VisitDialog
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.bad_input import (
    BAD_DATES,
    BY_NAME,
    CORPUS,
    IMPOSSIBLE_DATE_TEXTS,
    NOTE_1MB,
    SEARCH_TERMS,
    Expect,
    Hostile,
    snapshot,
)

# Qt holds text as UTF-16: half a character never reaches the program from a widget.
TYPED = tuple(v for v in CORPUS if "surrogate" not in v.name)


@dataclass(frozen=True)
class Field:
    key: str  # the form's field (its error label) and the name read back
    widget: Callable[[Any], QWidget]
    limit: int
    multiline: bool = False
    required: bool = False


def put(widget: QWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


def text_of(widget: QWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def save(qtbot: QtBot, dialog: Any) -> bool:
    """Click 保存; True when the form was accepted (and closed)."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def words_for(code: str, field: Field) -> list[str]:
    if code == "field.too_long":
        return [f"最多 {field.limit} 个字"]
    if code == "field.required":
        return ["不能为空"]
    return ["第", "U+"]  # the place and the code point of the invisible character


def drive_form(
    qtbot: QtBot,
    context: Any,
    make: Callable[[], Any],
    fields: tuple[Field, ...],
    read: Callable[[Any], dict[str, str]],
) -> None:
    """Refusals next to their field with nothing written; kept values read back as kept."""
    refusals: list[tuple[Field, Hostile, str]] = []
    ok: dict[str, list[Hostile]] = {}
    for number, value in enumerate(TYPED):
        for position, field in enumerate(fields):
            outcome = value.outcome(
                limit=field.limit, multiline=field.multiline, required=field.required
            )
            if outcome == "ok":
                ok.setdefault(field.key, []).append(value)
            elif (
                outcome == "field.too_long"
                or value.expect is Expect.BLANK
                or position == number % len(fields)  # each invisible character in one field
            ):
                refusals.append((field, value, outcome))
    before = unsaved(context)
    for field, value, code in refusals:
        dialog = make()
        started = time.perf_counter()
        put(field.widget(dialog), value.text)
        assert not save(qtbot, dialog), (field.key, value)
        assert time.perf_counter() - started < 3, "the form stalled"
        label = dialog.errors[field.key]
        assert label.isVisible(), (field.key, value)
        for word in words_for(code, field):
            assert word in label.text(), (field.key, value, label.text())
        widget = field.widget(dialog)
        # (A one-line box holds up to 32,767 characters; the message then gives that length.)
        wanted = value.text if field.multiline else value.text[: widget.maxLength()]
        typed = text_of(widget)
        assert typed.replace("\r\n", "\n") == wanted.replace("\r\n", "\n"), "typing was lost"
        dialog.reject()
    assert unsaved(context) == before, "a refused form wrote something"
    for round_number in range(max(len(values) for values in ok.values())):
        dialog = make()
        chosen = {key: values[round_number % len(values)] for key, values in ok.items()}
        for field in fields:
            if field.key in chosen:
                put(field.widget(dialog), chosen[field.key].text)
        assert save(qtbot, dialog), {k: v.name for k, v in chosen.items()}
        by_key = {f.key: f for f in fields}
        expected = {
            key: value.stored(multiline=by_key[key].multiline) or ""
            for key, value in chosen.items()
        }
        stored = read(dialog.result_value)
        assert {key: stored[key] for key in expected} == expected, chosen


def unsaved(context: Any) -> dict[str, Any]:
    """The database but for drafts (the visit form keeps what is typed there: that is wanted)."""
    return {k: v for k, v in snapshot(context.paths.database).items() if k != "drafts"}


def line(key: str, attribute: str, limit: int, **rules: bool) -> Field:
    return Field(key, lambda d: getattr(d, attribute), limit, **rules)


@pytest.fixture
def case(context: Any) -> Any:
    return factories.recognised_case(context.services)


def test_the_enterprise_form(window: MainWindow, qtbot: QtBot, context: Any, case: Any) -> None:
    services = context.services
    enterprise_id = case.row.enterprise_id

    def make() -> Any:
        dialog = EnterpriseEditDialog(
            window.ctx, services.enterprises.get_enterprise(enterprise_id)
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    def read(detail: Any) -> dict[str, str]:
        stored = services.enterprises.get_enterprise(detail.id)
        return {f.key: getattr(stored, f.key) for f in fields}

    fields = (
        line("name", "name_edit", 200, required=True),
        line("former_names", "former_edit", 500),
        line("address", "address_edit", 300),
        line("legal_representative", "legal_edit", 50),
        line("industry", "industry_edit", 100),
        line("notes", "notes_edit", 20_000, multiline=True),
    )
    drive_form(qtbot, context, make, fields, read)

    # Half a character cannot even get into a box: Qt keeps text as UTF-16 and drops it.
    dialog = make()
    dialog.name_edit.setText(BY_NAME["lone_surrogate"].text)
    assert dialog.name_edit.text() == "前后"
    dialog.reject()
    # A message that quotes what was typed shows it as text, not as markup.
    dialog = make()
    dialog.add_contact_row("张三", "", "<b>123</b>", "")
    assert not save(qtbot, dialog)
    shown = dialog.errors["contacts"].text()
    assert "&lt;b&gt;123&lt;/b&gt;" in shown and "<b>" not in shown
    dialog.reject()
    # Contacts: hostile names are kept as typed.
    dialog = make()
    dialog.contacts_table.setRowCount(0)
    dialog.add_contact_row(BY_NAME["zwj_family"].text, BY_NAME["sql_drop"].text, "", "")
    assert save(qtbot, dialog)
    (contact,) = services.enterprises.get_enterprise(enterprise_id).contacts
    assert (contact.name, contact.title) == (BY_NAME["zwj_family"].text, BY_NAME["sql_drop"].text)


def test_product_recognition_and_case_forms(
    window: MainWindow, qtbot: QtBot, context: Any, case: Any
) -> None:
    services = context.services
    row = case.row

    def product_form() -> Any:
        dialog = ProductEditDialog(
            window.ctx, row.enterprise_id, services.products.get_product(row.product_id)
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    product_fields = (
        line("name", "name_edit", 200, required=True),
        line("model_spec", "model_edit", 200),
        line("key_indicators", "indicators_edit", 5_000, multiline=True),
        line("application_field", "field_edit", 200),
        line("ip_numbers", "ip_edit", 500),
        line("test_report_no", "test_no_edit", 100),
        line("test_report_agency", "test_agency_edit", 200),
    )
    drive_form(
        qtbot,
        context,
        product_form,
        product_fields,
        lambda detail: {
            f.key: getattr(services.products.get_product(detail.id), f.key) for f in product_fields
        },
    )
    # Dates far away or impossible: said next to the date field, nothing saved.
    before = snapshot(context.paths.database)
    for text in (*(d.isoformat() for d in BAD_DATES), *IMPOSSIBLE_DATE_TEXTS, "明天"):
        dialog = product_form()
        dialog.test_date_edit.setText(text)
        assert not save(qtbot, dialog)
        assert "日期" in dialog.errors["test_report_date"].text(), text
        dialog.reject()
    assert snapshot(context.paths.database) == before

    def recognition_form() -> Any:
        (current,) = [
            r for r in services.recognitions.list_recognitions() if r.id == case.recognition_id
        ]
        dialog = RecognitionEditDialog(window.ctx, row.enterprise_id, current)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    recognition_fields = (
        line("tier_text", "tier_text_edit", 300),
        line("document_no", "document_edit", 100),
    )
    drive_form(
        qtbot,
        context,
        recognition_form,
        recognition_fields,
        lambda saved: {
            "tier_text": services.recognitions.get_recognition(saved.id).tier_text,
            "document_no": services.recognitions.get_recognition(saved.id).document_no,
        },
    )
    dialog = recognition_form()
    dialog.recognised_edit.setText("9999-12-31")
    assert not save(qtbot, dialog)
    assert "1949-10-01" in dialog.errors["recognised_on"].text()
    dialog.reject()

    def case_form() -> Any:
        dialog = CaseEditDialog(window.ctx, row.product_id, services.cases.get_case(row.id))
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    drive_form(
        qtbot,
        context,
        case_form,
        (line("notes", "notes_edit", 20_000, multiline=True),),
        lambda saved: {"notes": services.cases.get_case(saved.row.id).notes},
    )


def test_the_visit_form_and_a_1mb_paste(
    window: MainWindow, qtbot: QtBot, context: Any, case: Any
) -> None:
    services = context.services
    row = case.row

    def make() -> VisitDialog:
        dialog = VisitDialog(window.ctx, enterprise_id=row.enterprise_id, case_ids=(row.id,))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.date_edit.setDate(date(2024, 3, 12))
        return dialog

    names = (
        "production_status",
        "sales_status",
        "application_progress",
        "new_users",
        "policies_explained",
        "summary",
    )
    fields = (
        *(
            Field(name, lambda d, name=name: d.texts[name], 50_000, multiline=True)
            for name in names
        ),
        line("quantity", "quantity_edit", 32),
    )

    def read(saved: Any) -> dict[str, str]:
        visit = services.visits.get_visit(saved.row.id)
        return {name: getattr(visit, name) for name in (*names, "quantity")}

    drive_form(qtbot, context, make, fields, read)

    # Attendees and a need raised in the visit: hostile text kept, or refused next to them.
    dialog = make()
    family, sql = BY_NAME["zwj_family"].text, BY_NAME["sql_or"].text
    dialog.attendees.set_attendees([AttendeeInput(family, sql)])
    dialog.needs.set_needs(
        [NeedInput(row.enterprise_id, NeedCategory.FINANCING, sql, family, case_id=row.id)]
    )
    assert save(qtbot, dialog)
    visit = services.visits.get_visit(dialog.result_value.row.id)
    assert visit.attendees == (AttendeeInput(family, sql),)
    (need_id,) = visit.need_ids
    need = services.needs.get_need(need_id)
    assert (need.row.title, need.description) == (sql, family)
    dialog = make()
    dialog.attendees.set_attendees([AttendeeInput(BY_NAME["rlo"].text)])
    assert not save(qtbot, dialog)
    assert "U+202E" in dialog.errors["attendees"].text()
    dialog.reject()

    # A 1 MB paste: in at once, refused with the limit, kept in the form and its draft.
    dialog = make()
    summary = dialog.texts["summary"]
    started = time.perf_counter()
    summary.setFocus()
    summary.insertPlainText(NOTE_1MB)
    QApplication.processEvents()
    assert time.perf_counter() - started < 5, "a 1 MB paste froze the form"
    before = unsaved(context)
    assert not save(qtbot, dialog)
    assert "最多 50000 个字" in dialog.errors["summary"].text()
    assert summary.toPlainText() == NOTE_1MB, "the pasted note was lost"
    dialog.flush_draft()
    draft = services.drafts.get_draft(dialog.draft_key)
    assert draft is not None and draft.payload["texts"]["summary"] == NOTE_1MB
    assert time.perf_counter() - started < 10
    assert unsaved(context) == before
    services.drafts.discard_draft(dialog.draft_key)
    dialog.close()


def test_need_forms_and_the_account_form(
    window: MainWindow, qtbot: QtBot, context: Any, case: Any
) -> None:
    services = context.services
    row = case.row

    def need_form() -> Any:
        dialog = NeedDialog(window.ctx, row.enterprise_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    need_fields = (
        line("title", "title_edit", 120, required=True),
        line("description", "description_edit", 20_000, multiline=True),
    )
    drive_form(
        qtbot,
        context,
        need_form,
        need_fields,
        lambda saved: {
            "title": services.needs.get_need(saved.row.id).row.title,
            "description": services.needs.get_need(saved.row.id).description,
        },
    )
    pending = [
        services.needs.raise_need(NeedInput(row.enterprise_id, NeedCategory.TESTING, "检测"))
    ]

    def action_form() -> Any:
        need = services.needs.get_need(pending[-1].row.id)
        if need.row.status is not NeedStatus.PENDING:  # a kept note moved it on: a fresh one
            data = NeedInput(row.enterprise_id, NeedCategory.TESTING, "检测")
            pending.append(services.needs.raise_need(data))
            need = pending[-1]
        dialog = NeedActionDialog(window.ctx, need, NeedAction.ACCEPT)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    def read_note(saved: Any) -> dict[str, str]:
        return {"note": services.needs.get_need(saved.row.id).history[-1].note}

    drive_form(
        qtbot,
        context,
        action_form,
        (line("note", "note_edit", 5_000, multiline=True),),
        read_note,
    )

    # Accounts: a hostile name is refused in words, shown as text; a good one is kept.
    for value in (BY_NAME["markup"], BY_NAME["rlo"], BY_NAME["long_name"]):
        dialog = AccountEditDialog(window.ctx, None)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username_edit.setText("wangwu")
        dialog.display_name_edit.setText(value.text)
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SUPERVISOR.value))
        for edit in (dialog.password_edit, dialog.confirm_edit):
            edit.setText("jiaxing-2026")
        outcome = value.outcome(limit=50)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        if outcome == "ok":
            assert dialog.saved is not None and dialog.saved.display_name == value.text
        else:
            assert dialog.saved is None and dialog.message_label.isVisible()
            assert "姓名" in dialog.message_label.text()
            assert dialog.message_label.textFormat() is Qt.TextFormat.PlainText
        dialog.close()
    dialog = AccountEditDialog(window.ctx, None)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText(BY_NAME["sql_drop"].text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and "用户名" in dialog.message_label.text()
    dialog.close()


def test_search_boxes_take_anything(window: MainWindow, qtbot: QtBot, context: Any) -> None:
    case = factories.recognised_case(context.services)
    factories.visit(context.services, case.row, summary="锅炉改造 100%_完成")
    for name in ("enterprises", "register", "visits", "needs", "audit"):
        window.show_page(name)
    pages = [
        window.enterprises_page,
        window.recognitions_page,
        window.cases_page,
        window.visits_page,
        window.needs_page,
        window.audit_page,
    ]
    for page in pages:
        for term in (*SEARCH_TERMS, *(v.text for v in TYPED)):
            page.search_box.setText(term)
            page.search_box.returnPressed.emit()  # search at once, without the typing pause
            assert len(page.search_box.text()) <= 200, "a pasted page is cut in the box"
            assert page.model.rowCount() >= 0
        page.search_box.clear()
        page.search_box.returnPressed.emit()
    # Wildcards are only text: "%" finds nothing, "锅" (one character: LIKE) finds the visit.
    visits = window.visits_page
    for term, count in (("%", 0), ("_", 0), ("锅", 1), ("锅%", 0), ("100%", 1)):
        visits.search_box.setText(term)
        visits.search_box.returnPressed.emit()
        qtbot.waitUntil(lambda count=count: visits.model.rowCount() == count, timeout=3000)
    # A 1 MB paste into the search box is cut to what a search uses.
    visits.search_box.setText(NOTE_1MB)
    assert len(visits.search_box.text()) == 200


def test_an_officer_is_told_why_the_audit_page_is_empty(
    window: MainWindow, qtbot: QtBot, context: Any, case: Any
) -> None:
    from firstbatch_desk.ui.pages.audit_page import AuditPage
    from tests.services.test_accounts import services_as

    officer = services_as(context, Role.OFFICER, case.row.officer_id)
    page = AuditPage(replace(window.ctx, services=officer))
    qtbot.addWidget(page)
    page.show()
    page.ensure_loaded()
    assert page.model.rowCount() == 0
    assert not page.verify_button.isEnabled() and not page.export_button.isEnabled()
    assert "审计记录" in page.verdict_label.text() and "科长/负责人" in page.verdict_label.text()
    admin_page = window.audit_page
    window.show_page("audit")
    qtbot.waitUntil(lambda: admin_page.model.rowCount() > 0, timeout=3000)
