"""The visit form (走访/服务记录): every field of a visit, kept as a draft as it is typed.

Keyboard first: the tab order follows the form, Ctrl+S saves, Ctrl+Enter saves and
starts the next visit of the same enterprise. Every change is written to the
draft table shortly after it is made, so closing the form, quitting or losing the
process keeps what was typed; the draft goes away in the same transaction that
saves the visit.
"""

from __future__ import annotations

import uuid
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.dtos.followup import VisitDetail, VisitInput
from firstbatch_desk.domain.enums import AttachmentOwner, VisitMethod
from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.domain.validation import check_date, check_money
from firstbatch_desk.ui.dialogs.attachments_dialog import as_stored
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.dialogs.staged_needs import StagedNeedsList
from firstbatch_desk.ui.dialogs.visit_draft import (
    DRAFT_DELAY_MS,
    VisitDraftMixin,
    edit_draft_key,
    new_draft_key,
)
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.attachment_panel import AttachmentPanel
from firstbatch_desk.ui.widgets.attendee_table import AttendeeTable
from firstbatch_desk.ui.widgets.check_list import CheckList
from firstbatch_desk.ui.widgets.date_edit import DateEdit

TEXT_FIELDS = (
    "production_status",
    "sales_status",
    "application_progress",
    "new_users",
    "policies_explained",
    "summary",
)


class VisitDialog(VisitDraftMixin, FormDialog):
    """Record a new visit, or edit one (``visit``); ``saved`` fires after every save."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: PageContext,
        *,
        enterprise_id: uuid.UUID | None = None,
        case_ids: tuple[uuid.UUID, ...] = (),
        visit: VisitDetail | None = None,
        draft_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("VisitDialog", "编辑走访记录")
            if visit
            else QCoreApplication.translate("VisitDialog", "记录走访")
        )
        super().__init__(ctx, title, parent, scrollable=True)
        self.setObjectName("visit_dialog")
        self.visit = visit
        self.draft_key = draft_key or (
            edit_draft_key(visit.row.id) if visit is not None else new_draft_key()
        )
        self._dirty = False
        self._loading = True
        self._next_typed = False
        if visit is not None:
            enterprise_id = visit.row.enterprise_id
        self._build_fields(enterprise_id)
        self._build_buttons()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.flush_draft)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush_draft)
        if visit is not None:
            self._load_visit(visit)
        else:
            self._fill_cases(enterprise_id, tuple(str(c) for c in case_ids))
            self._default_officers()
            self._propose_next()
        self._loading = False
        self._connect_changes()
        self._set_tab_order()
        self.resize(760, 820)
        self._first_field().setFocus()

    # -- building ----------------------------------------------------------

    def _build_fields(self, enterprise_id: uuid.UUID | None) -> None:
        lang = self.ctx.language
        self.enterprise_combo = QComboBox(self)
        self.enterprise_combo.setObjectName("enterprise_combo")
        self.enterprise_combo.setEditable(True)
        self.enterprise_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.enterprise_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        if enterprise_id is None:
            for enterprise in self.ctx.services.enterprises.list_enterprises(limit=100_000):
                self.enterprise_combo.addItem(enterprise.name, str(enterprise.id))
            self.enterprise_combo.setCurrentIndex(-1)
        else:
            detail = self.ctx.services.enterprises.get_enterprise(enterprise_id)
            self.enterprise_combo.addItem(detail.name, str(enterprise_id))
            self.enterprise_combo.setEnabled(False)
        self.enterprise_combo.currentIndexChanged.connect(lambda _i: self._enterprise_changed())
        self.cases_list = CheckList(self)
        self.cases_list.setObjectName("cases_list")
        self.date_edit = DateEdit(parent=self)
        self.date_edit.setObjectName("visit_date_edit")
        self.date_edit.setMaximumDate(QDate.currentDate())  # a record of a visit made
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method_combo")
        for method in VisitMethod:
            self.method_combo.addItem(enum_label(method, lang), method.value)
        self.officers_list = CheckList(self)
        self.officers_list.setObjectName("officers_list")
        self.officers_list.set_items(
            (str(o.id), o.name + (f"（{o.title}）" if o.title else ""))
            for o in self.ctx.services.reference.list_officers()
        )
        self.attendees = AttendeeTable(self)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name in TEXT_FIELDS:
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"{name}_edit")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60 if name != "summary" else 110)  # long text scrolls inside
            self.texts[name] = edit
        self.new_users_spin = QSpinBox(self)
        self.new_users_spin.setObjectName("new_users_count_spin")
        self.new_users_spin.setRange(0, 100_000)
        self.contract_edit = QLineEdit(self)
        self.contract_edit.setObjectName("contract_value_edit")
        self.contract_edit.setPlaceholderText(self.tr("万元，如 120.5"))
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setObjectName("quantity_edit")
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("quantity_unit_edit")
        self.unit_edit.setPlaceholderText(self.tr("单位，如 吨"))
        self.unit_edit.setMaximumWidth(120)
        quantity_row = QWidget(self)
        row = QHBoxLayout(quantity_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.quantity_edit, 1)
        row.addWidget(self.unit_edit)
        self.next_edit = QLineEdit(self)
        self.next_edit.setObjectName("next_visit_edit")
        self.next_edit.setPlaceholderText("2025-03-31")
        self.next_hint = QLabel(self)
        self.next_hint.setObjectName("next_visit_hint")
        self.next_hint.setStyleSheet("color: #555;")
        next_row = QWidget(self)
        row = QHBoxLayout(next_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.next_edit, 1)
        row.addWidget(self.next_hint)
        self.signed_check = QCheckBox(self.tr("企业已在走访记录上签字确认"), self)
        self.signed_check.setObjectName("signed_check")
        self.needs = StagedNeedsList(
            self.ctx, self.enterprise_id, lambda: self.date_edit.date().toPython(), self
        )
        self.needs.refused.connect(self.errors_for_enterprise)
        self.attachments = AttachmentPanel(self.ctx, self)

        self.add_section(self.tr("基本信息"))
        self.add_row("enterprise_id", self.tr("企业"), self.enterprise_combo, required=True)
        self.add_row("case_ids", self.tr("涉及档案"), self.cases_list, required=True)
        self.add_row("visit_date", self.tr("走访日期"), self.date_edit, required=True)
        self.add_row("method", self.tr("走访方式"), self.method_combo, required=True)
        self.add_row("officer_ids", self.tr("走访人员"), self.officers_list)
        self.add_row("attendees", self.tr("企业参加人员"), self.attendees)
        self.add_section(self.tr("生产与销售"))
        self.add_row("production_status", self.tr("生产情况"), self.texts["production_status"])
        self.add_row("sales_status", self.tr("销售情况"), self.texts["sales_status"])
        self.add_section(self.tr("推广应用"))
        self.add_row(
            "application_progress", self.tr("推广应用进展"), self.texts["application_progress"]
        )
        self.add_row("new_users", self.tr("新增下游用户"), self.texts["new_users"])
        self.add_row("new_users_count", self.tr("新增用户数"), self.new_users_spin)
        self.add_row("contract_value", self.tr("合同金额（万元）"), self.contract_edit)
        self.add_row("quantity", self.tr("数量"), quantity_row)
        self.add_section(self.tr("服务情况"))
        self.add_row("policies_explained", self.tr("政策宣传"), self.texts["policies_explained"])
        self.add_row("summary", self.tr("走访纪要"), self.texts["summary"])
        self.add_row("new_needs", self.tr("新提出的诉求"), self.needs)
        self.add_row("attachments", self.tr("附件"), self.attachments)
        self.add_row("next_visit_on", self.tr("下次走访日期"), next_row)
        self.add_row("signed", "", self.signed_check)

    def _build_buttons(self) -> None:
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_next_button = QPushButton(self.tr("保存并记录下一条"), self)
        self.save_next_button.setObjectName("save_next_button")
        self.save_next_button.setToolTip(self.tr("保存，再为同一企业记录下一次走访（Ctrl+Enter）"))
        self.save_next_button.clicked.connect(self.save_and_next)
        self.buttons.addButton(self.save_next_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.discard_button = QPushButton(self.tr("丢弃草稿"), self)
        self.discard_button.setObjectName("discard_draft_button")
        self.discard_button.clicked.connect(self.discard_draft)
        for button in (self.save_next_button, self.discard_button):
            button.setAutoDefault(False)  # Enter never means 丢弃; Ctrl+S / Ctrl+Enter save
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.draft_label = QLabel(self)
        self.draft_label.setObjectName("draft_label")
        self.draft_label.setStyleSheet("color: #555;")
        self.layout().insertWidget(self.layout().count() - 1, self.draft_label)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_and_next)

    def tab_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in the order of the form (top to bottom)."""
        return [
            self.enterprise_combo,
            self.cases_list,
            self.date_edit,
            self.method_combo,
            self.officers_list,
            self.attendees.table,
            self.attendees.add_button,
            self.attendees.remove_button,
            self.texts["production_status"],
            self.texts["sales_status"],
            self.texts["application_progress"],
            self.texts["new_users"],
            self.new_users_spin,
            self.contract_edit,
            self.quantity_edit,
            self.unit_edit,
            self.texts["policies_explained"],
            self.texts["summary"],
            self.needs.list,
            self.needs.raise_button,
            self.needs.edit_button,
            self.needs.remove_button,
            self.attachments.list,
            self.attachments.add_button,
            self.attachments.open_button,
            self.attachments.remove_button,
            self.next_edit,
            self.signed_check,
            self.save_button,
            self.save_next_button,
            self.discard_button,
        ]

    def _first_field(self) -> QWidget:
        """Where typing starts: the enterprise to choose, else the summary."""
        if self.enterprise_combo.isEnabled():
            return self.enterprise_combo
        return self.texts["summary"] if self.cases_list.checked_ids() else self.cases_list

    def _set_tab_order(self) -> None:
        chain = self.tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect_changes(self) -> None:
        changed = self._changed
        self.cases_list.checked_changed.connect(changed)
        self.cases_list.checked_changed.connect(self._propose_next)
        self.date_edit.dateChanged.connect(changed)
        self.date_edit.dateChanged.connect(lambda _d: self._propose_next())
        self.method_combo.currentIndexChanged.connect(changed)
        self.officers_list.checked_changed.connect(changed)
        self.attendees.changed.connect(changed)
        for edit in self.texts.values():
            edit.textChanged.connect(changed)
        self.new_users_spin.valueChanged.connect(changed)
        self.contract_edit.textChanged.connect(changed)
        self.contract_edit.textChanged.connect(self._check_contract)
        self.quantity_edit.textChanged.connect(changed)
        self.unit_edit.textChanged.connect(changed)
        self.next_edit.textEdited.connect(self._next_edited)
        self.next_edit.textChanged.connect(changed)
        self.signed_check.toggled.connect(changed)
        self.attachments.changed.connect(changed)
        self.needs.changed.connect(changed)

    # -- enterprise and cases ----------------------------------------------

    def enterprise_id(self) -> uuid.UUID | None:
        value = self.enterprise_combo.currentData()
        return uuid.UUID(value) if value else None

    def _enterprise_changed(self) -> None:
        if self._loading:
            return
        self._fill_cases(self.enterprise_id(), ())
        self._default_officers()
        self.needs.move_to(self.enterprise_id())
        self._changed()

    def _fill_cases(self, enterprise_id: uuid.UUID | None, checked: tuple[str, ...]) -> None:
        if enterprise_id is None:
            self.cases_list.set_items(())
            return
        cases = self.ctx.services.cases.list_cases(CaseFilter(enterprise_id=enterprise_id))
        lang = self.ctx.language
        items = [
            (
                str(c.id),
                f"{c.case_no}  {c.product_name}"
                + (f"（{c.officer_name}）" if c.officer_name else "")
                + ("" if c.status.value == "ACTIVE" else f" · {enum_label(c.status, lang)}"),
            )
            for c in cases
        ]
        if not checked and len(items) == 1:
            checked = (items[0][0],)
        self.cases_list.set_items(items, checked)
        self._case_officers = {str(c.id): str(c.officer_id) for c in cases if c.officer_id}

    def _default_officers(self) -> None:
        officers = getattr(self, "_case_officers", {})
        wanted = {officers[c] for c in self.cases_list.checked_ids() if c in officers}
        if wanted:
            self.officers_list.set_checked(wanted)

    def _propose_next(self) -> None:
        case_ids = [uuid.UUID(c) for c in self.cases_list.checked_ids()]
        proposal = self.ctx.services.visits.propose_next_visit(
            case_ids, self.date_edit.date().toPython()
        )
        if proposal is None:
            self.next_hint.setText("")
            return
        self.next_hint.setText(self.tr("按跟踪周期建议：%1").replace("%1", proposal.isoformat()))
        if not self._next_typed:
            self.next_edit.setText(proposal.isoformat())

    def _next_edited(self, _text: str) -> None:
        self._next_typed = True
        try:
            check_date(self.next_edit.text(), field="next_visit_on", label=self.tr("下次走访日期"))
        except ValidationError as exc:
            self.show_error(exc)
        else:
            self.errors["next_visit_on"].clear_message()

    def _check_contract(self, text: str) -> None:
        try:
            check_money(text, field="contract_value", label=self.tr("合同金额（万元）"))
        except ValidationError as exc:
            self.show_error(exc)
        else:
            self.errors["contract_value"].clear_message()

    def errors_for_enterprise(self, text: str) -> None:
        self.errors["enterprise_id"].show_message(text)

    # -- saving --------------------------------------------------------------

    def visit_input(self) -> VisitInput:
        enterprise_id = self.enterprise_id()
        if enterprise_id is None:
            raise ValidationError("field.required", field="enterprise_id", label=self.tr("企业"))
        texts = {name: edit.toPlainText() for name, edit in self.texts.items()}
        return VisitInput(
            enterprise_id=enterprise_id,
            case_ids=tuple(uuid.UUID(c) for c in self.cases_list.checked_ids()),
            visit_date=self.date_edit.date().toPython(),
            method=VisitMethod(self.method_combo.currentData()),
            officer_ids=tuple(uuid.UUID(o) for o in self.officers_list.checked_ids()),
            attendees=self.attendees.attendees(),
            new_users_count=self.new_users_spin.value(),
            contract_value=self.contract_edit.text(),
            quantity=self.quantity_edit.text(),
            quantity_unit=self.unit_edit.text(),
            next_visit_on=self.next_edit.text(),
            signed=self.signed_check.isChecked(),
            new_needs=self.needs.needs(),
            attachments=self.attachments.files(),
            **texts,
        )

    def save(self) -> VisitDetail:
        data = self.visit_input()
        visits = self.ctx.services.visits
        if self.visit is None:
            detail = visits.record_visit(data, draft_key=self.draft_key)
        else:
            detail = visits.update_visit(self.visit.row.id, data, draft_key=self.draft_key)
        self._timer.stop()
        self._dirty = False
        self.saved.emit(detail)
        return detail

    def save_and_next(self) -> None:
        """Save, then start an empty visit of the same enterprise and cases."""
        self.clear_errors()
        try:
            detail = self.save()
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        self.result_value = detail
        self._start_next(detail)

    def _start_next(self, saved: VisitDetail) -> None:
        self._loading = True
        self.visit = None
        self.draft_key = new_draft_key()
        self.setWindowTitle(self.tr("记录走访"))
        for edit in self.texts.values():
            edit.clear()
        for edit in (self.contract_edit, self.quantity_edit, self.unit_edit):
            edit.clear()
        self.new_users_spin.setValue(0)
        self.attendees.set_attendees(saved.attendees)
        self.signed_check.setChecked(False)
        self.attachments.set_files(())
        self.needs.set_needs(())
        self._next_typed = False
        self._fill_cases(self.enterprise_id(), tuple(self.cases_list.checked_ids()))
        self._propose_next()
        self._loading = False
        self._dirty = False
        self.draft_label.setText(
            self.tr("已保存 %1 的走访记录，请记录下一条。").replace(
                "%1", saved.row.visit_date.isoformat()
            )
        )
        self.texts["summary"].setFocus()

    def _load_visit(self, visit: VisitDetail) -> None:
        self._fill_cases(visit.row.enterprise_id, tuple(str(c) for c in visit.case_ids))
        self.date_edit.setDate(QDate(visit.row.visit_date))
        self.method_combo.setCurrentIndex(self.method_combo.findData(visit.row.method.value))
        self.officers_list.set_checked(str(o) for o in visit.officer_ids)
        self.attendees.set_attendees(visit.attendees)
        for name, edit in self.texts.items():
            edit.setPlainText(getattr(visit, name))
        self.new_users_spin.setValue(visit.new_users_count)
        value = visit.contract_value
        self.contract_edit.setText(f"{value.normalize():f}" if value is not None else "")
        self.quantity_edit.setText(visit.quantity)
        self.unit_edit.setText(visit.quantity_unit)
        self._next_typed = True
        self.next_edit.setText(visit.next_visit_on.isoformat() if visit.next_visit_on else "")
        self.signed_check.setChecked(visit.row.signed)
        rows = self.ctx.services.attachments.list_for(AttachmentOwner.VISIT, visit.row.id)
        self.attachments.set_files(as_stored(r) for r in rows)
