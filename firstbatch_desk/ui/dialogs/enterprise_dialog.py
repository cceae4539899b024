"""Create or edit an enterprise, with its contacts; checks the credit code as typed."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.credit_code import InvalidCreditCode
from firstbatch_desk.domain.dtos.register import ContactInput, EnterpriseDetail, EnterpriseInput
from firstbatch_desk.domain.errors import DuplicateError, FirstBatchError
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.credit_code_edit import CreditCodeEdit
from firstbatch_desk.ui.widgets.detail_view import esc


class EnterpriseEditDialog(FormDialog):
    """``existing_requested(id)`` asks the main window to show an enterprise that
    already holds the typed credit code."""

    existing_requested = Signal(str)
    CONTACT_COLUMNS = 4

    def __init__(
        self,
        ctx: PageContext,
        detail: EnterpriseDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑企业") if detail else self.tr("新建企业")
        super().__init__(ctx, title, parent)
        self.setObjectName("enterprise_dialog")
        self.detail = detail
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.code_edit = CreditCodeEdit(ctx.language, self)
        self.code_edit.setObjectName("credit_code_edit")
        self.former_edit = QLineEdit(self)
        self.division_combo = QComboBox(self)
        self.division_combo.setObjectName("division_combo")
        self.zone_combo = QComboBox(self)
        self.zone_combo.setObjectName("zone_combo")
        self.address_edit = QLineEdit(self)
        self.legal_edit = QLineEdit(self)
        self.industry_edit = QLineEdit(self)
        self.above_scale_check = QCheckBox(self.tr("规上企业"), self)
        self.specialised_check = QCheckBox(self.tr("专精特新"), self)
        self.high_tech_check = QCheckBox(self.tr("高新技术企业"), self)
        self.contacts_table = QTableWidget(0, self.CONTACT_COLUMNS, self)
        self.contacts_table.setObjectName("contacts_table")
        self.contacts_table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("职务"), self.tr("电话"), self.tr("邮箱")]
        )
        self.contacts_table.horizontalHeader().setStretchLastSection(True)
        self.contacts_table.setMinimumHeight(110)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setMaximumHeight(70)
        self._fill_choices()
        self._build()
        if detail is not None:
            self._load(detail)
        self._duplicate_id = ""
        self.restored = False
        self.errors["credit_code"].linkActivated.connect(self._on_code_link)
        self.code_edit.problem_changed.connect(self._on_code_problem)
        self.name_edit.textChanged.connect(lambda _t: self.errors["name"].clear_message())
        self.resize(640, 640)

    def _fill_choices(self) -> None:
        reference = self.ctx.services.reference
        self.division_combo.addItem(self.tr("（未选择）"), None)
        for division in reference.list_divisions():
            self.division_combo.addItem(division.name, division.code)
        self.zone_combo.addItem(self.tr("（无）"), None)
        for zone in reference.list_zones():
            self.zone_combo.addItem(zone.name, str(zone.id))

    def _build(self) -> None:
        self.add_row("name", self.tr("企业名称"), self.name_edit, required=True)
        self.add_row("credit_code", self.tr("统一社会信用代码"), self.code_edit)
        self.add_row("former_names", self.tr("曾用名"), self.former_edit)
        self.add_row("division_code", self.tr("所在区县"), self.division_combo)
        self.add_row("zone_id", self.tr("开发区"), self.zone_combo)
        self.add_row("address", self.tr("地址"), self.address_edit)
        self.add_row("legal_representative", self.tr("法定代表人"), self.legal_edit)
        self.add_row("industry", self.tr("所属行业"), self.industry_edit)
        flags = QWidget(self)
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        for check in (self.above_scale_check, self.specialised_check, self.high_tech_check):
            row.addWidget(check)
        row.addStretch(1)
        self.add_row("flags", self.tr("企业标识"), flags)
        contacts = QWidget(self)
        column = QVBoxLayout(contacts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.contacts_table)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("添加联系人"), self)
        self.remove_contact_button = QPushButton(self.tr("删除联系人"), self)
        self.add_contact_button.clicked.connect(lambda: self.add_contact_row())
        self.remove_contact_button.clicked.connect(self._remove_contact)
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_row("contacts", self.tr("联系人"), contacts)
        self.add_row("notes", self.tr("备注"), self.notes_edit)

    def _load(self, detail: EnterpriseDetail) -> None:
        self.name_edit.setText(detail.name)
        self.code_edit.setText(detail.credit_code or "")
        self.former_edit.setText(detail.former_names)
        self.division_combo.setCurrentIndex(
            max(0, self.division_combo.findData(detail.division_code))
        )
        zone = str(detail.zone_id) if detail.zone_id else None
        self.zone_combo.setCurrentIndex(max(0, self.zone_combo.findData(zone)))
        self.address_edit.setText(detail.address)
        self.legal_edit.setText(detail.legal_representative)
        self.industry_edit.setText(detail.industry)
        self.above_scale_check.setChecked(detail.above_scale)
        self.specialised_check.setChecked(detail.specialised)
        self.high_tech_check.setChecked(detail.high_tech)
        for contact in detail.contacts:
            self.add_contact_row(contact.name, contact.title, contact.phone, contact.email)
        self.notes_edit.setPlainText(detail.notes)

    def add_contact_row(self, *values: str) -> None:
        row = self.contacts_table.rowCount()
        self.contacts_table.insertRow(row)
        for column in range(self.CONTACT_COLUMNS):
            text = values[column] if column < len(values) else ""
            self.contacts_table.setItem(row, column, QTableWidgetItem(text))

    def _remove_contact(self) -> None:
        row = self.contacts_table.currentRow()
        if row >= 0:
            self.contacts_table.removeRow(row)

    def _contacts(self) -> tuple[ContactInput, ...]:
        contacts = []
        for row in range(self.contacts_table.rowCount()):
            cells = [
                (
                    self.contacts_table.item(row, c).text()
                    if self.contacts_table.item(row, c)
                    else ""
                )
                for c in range(self.CONTACT_COLUMNS)
            ]
            if any(cell.strip() for cell in cells):
                contacts.append(ContactInput(*cells, is_primary=row == 0))
        return tuple(contacts)

    def form_input(self) -> EnterpriseInput:
        zone = self.zone_combo.currentData()
        return EnterpriseInput(
            name=self.name_edit.text(),
            credit_code=self.code_edit.text(),
            former_names=self.former_edit.text(),
            division_code=self.division_combo.currentData(),
            zone_id=uuid.UUID(zone) if zone else None,
            address=self.address_edit.text(),
            legal_representative=self.legal_edit.text(),
            industry=self.industry_edit.text(),
            above_scale=self.above_scale_check.isChecked(),
            specialised=self.specialised_check.isChecked(),
            high_tech=self.high_tech_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
            contacts=self._contacts(),
        )

    def revalidate(self) -> bool:
        super().revalidate()
        problem = self.code_edit.check(final=True)
        if problem:
            self.errors["credit_code"].show_plain(problem)
            return False
        return True

    def save(self) -> EnterpriseDetail:
        service = self.ctx.services.enterprises
        data = self.form_input()
        if self.detail is None:
            return service.create_enterprise(data)
        return service.update_enterprise(self.detail.id, data)

    def show_error(self, exc: FirstBatchError, extra_html: str = "") -> None:
        if isinstance(exc, DuplicateError) and exc.existing_id:
            deleted = exc.code == "enterprise.duplicate_deleted"
            open_text = self.tr("恢复并打开该企业") if deleted else self.tr("打开已有企业")
            extra_html = f' <a href="{"restore" if deleted else "open"}">{esc(open_text)}</a>'
            self._duplicate_id = exc.existing_id
            self.errors["credit_code"].show_plain(
                exc.message(self.ctx.message_language), extra_html
            )
            return
        if isinstance(exc, InvalidCreditCode):
            self.errors["credit_code"].show_plain(exc.message(self.ctx.message_language))
            return
        super().show_error(exc, extra_html)

    def _on_code_link(self, link: str) -> None:
        if link == "restore" and self._duplicate_id:
            try:
                self.ctx.services.enterprises.restore_enterprise(uuid.UUID(self._duplicate_id))
            except FirstBatchError as exc:
                self.general_error.show_plain(exc.message(self.ctx.message_language))
                return
            self.restored = True
        if self._duplicate_id:
            self.existing_requested.emit(self._duplicate_id)
            self.reject()

    def _on_code_problem(self, problem: str) -> None:
        self.errors["credit_code"].show_plain(problem)
