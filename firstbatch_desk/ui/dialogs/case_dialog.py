"""Open or edit a follow-up case (跟踪服务档案) of a recognised product."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from firstbatch_desk.domain.dtos.filters import RecognitionFilter
from firstbatch_desk.domain.dtos.register import CaseDetail, CaseInput
from firstbatch_desk.domain.enums import CaseStatus
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext


class CaseEditDialog(FormDialog):
    def __init__(
        self,
        ctx: PageContext,
        product_id: uuid.UUID,
        detail: CaseDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("编辑档案") if detail else self.tr("新建档案"), parent)
        self.setObjectName("case_dialog")
        self.product_id = product_id
        self.detail = detail
        self.recognition_combo = QComboBox(self)
        self.recognition_combo.addItem(self.tr("（不关联）"), None)
        for r in ctx.services.recognitions.list_recognitions(
            RecognitionFilter(product_id=product_id), limit=100
        ):
            label = f"{r.year} {enum_label(r.scheme, ctx.language)} {r.document_no}".strip()
            self.recognition_combo.addItem(label, str(r.id))
        self.officer_combo = QComboBox(self)
        self.officer_combo.setObjectName("officer_combo")
        self.officer_combo.addItem(self.tr("（未指定）"), None)
        for officer in ctx.services.reference.list_officers():
            self.officer_combo.addItem(officer.name, str(officer.id))
        self.status_combo = QComboBox(self)
        for status in CaseStatus:
            self.status_combo.addItem(enum_label(status, ctx.language), status.value)
        self.opened_edit = QLineEdit(self)
        self.opened_edit.setPlaceholderText(self.tr("默认今天"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setMaximumHeight(90)
        self.add_row("recognition_id", self.tr("认定记录"), self.recognition_combo)
        self.add_row("officer_id", self.tr("负责人"), self.officer_combo)
        self.add_row("status", self.tr("状态"), self.status_combo)
        self.add_row("opened_on", self.tr("建档日期"), self.opened_edit)
        self.add_row("notes", self.tr("备注"), self.notes_edit)
        if detail is not None:
            self._load(detail)
        elif self.recognition_combo.count() > 1:
            self.recognition_combo.setCurrentIndex(1)
        self.resize(520, 360)

    def _load(self, detail: CaseDetail) -> None:
        recognition = str(detail.recognition_id) if detail.recognition_id else None
        self.recognition_combo.setCurrentIndex(max(0, self.recognition_combo.findData(recognition)))
        officer = str(detail.row.officer_id) if detail.row.officer_id else None
        self.officer_combo.setCurrentIndex(max(0, self.officer_combo.findData(officer)))
        self.status_combo.setCurrentIndex(self.status_combo.findData(detail.row.status.value))
        self.opened_edit.setText(detail.row.opened_on.isoformat())
        self.notes_edit.setPlainText(detail.notes)

    def save(self) -> CaseDetail:
        recognition = self.recognition_combo.currentData()
        officer = self.officer_combo.currentData()
        data = CaseInput(
            product_id=self.product_id,
            recognition_id=uuid.UUID(recognition) if recognition else None,
            officer_id=uuid.UUID(officer) if officer else None,
            status=CaseStatus(self.status_combo.currentData()),
            opened_on=self.opened_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )
        if self.detail is None:
            return self.ctx.services.cases.open_case(data)
        return self.ctx.services.cases.update_case(self.detail.row.id, data)
