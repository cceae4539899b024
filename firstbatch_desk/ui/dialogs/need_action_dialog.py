"""One step of the need closed loop: asks what the chosen action needs, then moves the need."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from firstbatch_desk.domain.dtos.followup import NeedDetail, TransitionInput
from firstbatch_desk.domain.enums import Satisfaction
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.need_flow import NeedAction, next_status, note_required
from firstbatch_desk.domain.validation import check_date
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.detail_view import esc

ASSIGNING = (NeedAction.ASSIGN, NeedAction.REASSIGN)


class NeedActionDialog(FormDialog):
    """Asks for the note, the date and whatever else ``action`` needs; ``save()`` runs it.

    The service decides (the state machine, required notes, the extension date);
    its refusal is shown next to the field it names, or under the form.
    """

    def __init__(
        self,
        ctx: PageContext,
        need: NeedDetail,
        action: NeedAction,
        parent: QWidget | None = None,
    ) -> None:
        lang = ctx.message_language
        super().__init__(ctx, f"{action.label(lang)} · {need.row.need_no}", parent)
        self.setObjectName("need_action_dialog")
        self.need = need
        self.action = action
        self.save_button.setText(action.label(lang))
        target = next_status(need.row.status, action)
        self.summary_label = QLabel(
            f"<b>{esc(need.row.need_no)} {esc(need.row.title)}</b><br>"
            + esc(self.tr("状态："))
            + esc(enum_label(need.row.status, ctx.language))
            + " → "
            + esc(enum_label(target, ctx.language)),
            self,
        )
        self.summary_label.setObjectName("action_summary")
        self.summary_label.setWordWrap(True)
        self.form.addRow(self.summary_label)
        self.on_edit = QLineEdit(date.today().isoformat(), self)
        self.on_edit.setObjectName("on_edit")
        self.on_edit.setPlaceholderText("2025-09-30")
        self.add_row("on", self.tr("办理日期"), self.on_edit, required=True)
        self.on_edit.textChanged.connect(lambda _t: self._check_date_field("on"))
        self.lead_combo: QComboBox | None = None
        self.extended_edit: QLineEdit | None = None
        self.outcome_edit: QPlainTextEdit | None = None
        self.satisfaction_combo: QComboBox | None = None
        self.result_edit: QPlainTextEdit | None = None
        self._add_action_fields()
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note_edit")
        required = note_required(action)
        if required:
            self.note_edit.setPlaceholderText(self.tr("此操作必须说明原因"))
        self.add_row("note", self.tr("说明"), self.note_edit, required=required)
        self.note_edit.textChanged.connect(self.errors["note"].clear_message)
        self.resize(500, 360)

    # -- fields ----------------------------------------------------------------

    def _add_action_fields(self) -> None:
        if self.action in ASSIGNING:
            self.lead_combo = QComboBox(self)
            self.lead_combo.setObjectName("lead_combo")
            self.lead_combo.addItem(self.tr("（请选择）"), None)
            for department in self.ctx.services.reference.list_departments():
                self.lead_combo.addItem(department.name, str(department.id))
            current = self.need.lead_department_id
            if current is not None:
                self.lead_combo.setCurrentIndex(max(0, self.lead_combo.findData(str(current))))
            self.add_row("lead_department_id", self.tr("主办部门"), self.lead_combo, required=True)
            self.lead_combo.currentIndexChanged.connect(
                lambda _i: self.errors["lead_department_id"].clear_message()
            )
        elif self.action is NeedAction.REQUEST_EXTENSION:
            self._extension_notice()
        elif self.action is NeedAction.APPROVE_EXTENSION:
            self.extended_edit = QLineEdit(self)
            self.extended_edit.setObjectName("extended_edit")
            due = self.need.row.due_on
            hint = self.tr("须晚于当前期限 %1").replace("%1", due.isoformat() if due else "—")
            self.extended_edit.setPlaceholderText(hint)
            self.extended_edit.setToolTip(hint)
            self.add_row("extended_to", self.tr("延期至"), self.extended_edit, required=True)
            self.extended_edit.textChanged.connect(lambda _t: self._check_date_field("extended_to"))
        elif self.action is NeedAction.ANSWER:
            self.outcome_edit = QPlainTextEdit(self)
            self.outcome_edit.setObjectName("outcome_edit")
            self.outcome_edit.setPlaceholderText(self.tr("向企业反馈的办理结果"))
            self.add_row("outcome", self.tr("办理结果"), self.outcome_edit)
        elif self.action is NeedAction.REVISIT:
            self.satisfaction_combo = QComboBox(self)
            self.satisfaction_combo.setObjectName("satisfaction_combo")
            self.satisfaction_combo.addItem(self.tr("（请选择）"), None)
            for satisfaction in Satisfaction:
                self.satisfaction_combo.addItem(
                    enum_label(satisfaction, self.ctx.language), satisfaction.value
                )
            self.result_edit = QPlainTextEdit(self)
            self.result_edit.setObjectName("return_visit_edit")
            self.add_row("satisfaction", self.tr("满意度"), self.satisfaction_combo, required=True)
            self.add_row("return_visit_result", self.tr("回访情况"), self.result_edit)
            self.satisfaction_combo.currentIndexChanged.connect(
                lambda _i: self.errors["satisfaction"].clear_message()
            )

    def _extension_notice(self) -> None:
        """When the rule says an extension should have been asked, and whether that has passed."""
        due = self.need.row.due_on
        by = self.ctx.services.needs.extension_request_by(self.need.row.id)
        if due is None or by is None:
            return
        text = (
            self.tr("当前期限 %1。按规定应在期限前 1 个工作日（%2 前）申请延期。")
            .replace("%1", due.isoformat())
            .replace("%2", by.isoformat())
        )
        late = date.today() > by
        if late:
            text += self.tr("已过申请时限，请在说明中写明原因。")
        notice = QLabel(text, self)
        notice.setObjectName("extension_notice")
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #c0392b;" if late else "color: #555;")
        self.form.addRow(notice)

    def _date_edits(self) -> dict[str, tuple[QLineEdit, str]]:
        edits = {"on": (self.on_edit, self.tr("办理日期"))}
        if self.extended_edit is not None:
            edits["extended_to"] = (self.extended_edit, self.tr("延期至"))
        return edits

    def _check_date_field(self, field: str) -> bool:
        """Check one date as it is typed; True when it is fine."""
        edit, label = self._date_edits()[field]
        try:
            value = check_date(edit.text(), field=field, label=label, required=True)
            due = self.need.row.due_on
            if field == "extended_to" and due is not None and value is not None and value <= due:
                raise ValidationError("need.extension_date", field=field, due=due.isoformat())
        except ValidationError as exc:
            self.errors[field].show_plain(exc.message(self.ctx.message_language))
            return False
        self.errors[field].clear_message()
        return True

    def revalidate(self) -> bool:
        super().revalidate()
        return all([self._check_date_field(field) for field in self._date_edits()])

    # -- saving ------------------------------------------------------------------

    def transition_input(self) -> TransitionInput:
        """What the officer filled in, as the service takes it."""
        lead = self.lead_combo.currentData() if self.lead_combo is not None else None
        satisfaction = (
            self.satisfaction_combo.currentData() if self.satisfaction_combo is not None else None
        )
        return TransitionInput(
            action=self.action,
            note=self.note_edit.toPlainText(),
            on=self.on_edit.text(),
            lead_department_id=uuid.UUID(lead) if lead else None,
            extended_to=self.extended_edit.text() if self.extended_edit is not None else None,
            outcome=self.outcome_edit.toPlainText() if self.outcome_edit is not None else "",
            satisfaction=Satisfaction(satisfaction) if satisfaction else None,
            return_visit_result=(
                self.result_edit.toPlainText() if self.result_edit is not None else ""
            ),
        )

    def save(self) -> NeedDetail:
        return self.ctx.services.needs.transition(self.need.row.id, self.transition_input())
