"""Create or edit a product of an enterprise."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from firstbatch_desk.domain.dtos.register import ProductDetail, ProductInput
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.page_context import PageContext

DATE_HINT = "2024-09-30"


class ProductEditDialog(FormDialog):
    def __init__(
        self,
        ctx: PageContext,
        enterprise_id: uuid.UUID,
        detail: ProductDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("编辑产品") if detail else self.tr("新增产品"), parent)
        self.setObjectName("product_dialog")
        self.enterprise_id = enterprise_id
        self.detail = detail
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("product_name_edit")
        self.model_edit = QLineEdit(self)
        self.indicators_edit = QPlainTextEdit(self)
        self.indicators_edit.setMaximumHeight(70)
        self.field_edit = QLineEdit(self)
        self.trl_spin = QSpinBox(self)
        self.trl_spin.setRange(0, 9)
        self.trl_spin.setSpecialValueText(self.tr("未填"))
        self.ip_edit = QLineEdit(self)
        self.test_no_edit = QLineEdit(self)
        self.test_agency_edit = QLineEdit(self)
        self.test_date_edit = QLineEdit(self)
        self.novelty_no_edit = QLineEdit(self)
        self.novelty_agency_edit = QLineEdit(self)
        self.novelty_date_edit = QLineEdit(self)
        for edit in (self.test_date_edit, self.novelty_date_edit):
            edit.setPlaceholderText(DATE_HINT)
        self.add_row("name", self.tr("产品名称"), self.name_edit, required=True)
        self.add_row("model_spec", self.tr("型号规格"), self.model_edit)
        self.add_row("key_indicators", self.tr("关键性能指标"), self.indicators_edit)
        self.add_row("application_field", self.tr("应用领域"), self.field_edit)
        self.add_row("trl", self.tr("技术成熟度(1–9)"), self.trl_spin)
        self.add_row("ip_numbers", self.tr("知识产权编号"), self.ip_edit)
        self.add_row("test_report_no", self.tr("检测报告编号"), self.test_no_edit)
        self.add_row("test_report_agency", self.tr("检测机构"), self.test_agency_edit)
        self.add_row("test_report_date", self.tr("检测报告日期"), self.test_date_edit)
        self.add_row("novelty_report_no", self.tr("查新报告编号"), self.novelty_no_edit)
        self.add_row("novelty_report_agency", self.tr("查新机构"), self.novelty_agency_edit)
        self.add_row("novelty_report_date", self.tr("查新报告日期"), self.novelty_date_edit)
        if detail is not None:
            self.name_edit.setText(detail.name)
            self.model_edit.setText(detail.model_spec)
            self.indicators_edit.setPlainText(detail.key_indicators)
            self.field_edit.setText(detail.application_field)
            self.trl_spin.setValue(detail.trl or 0)
            self.ip_edit.setText(detail.ip_numbers)
            self.test_no_edit.setText(detail.test_report_no)
            self.test_agency_edit.setText(detail.test_report_agency)
            self.test_date_edit.setText(str(detail.test_report_date or ""))
            self.novelty_no_edit.setText(detail.novelty_report_no)
            self.novelty_agency_edit.setText(detail.novelty_report_agency)
            self.novelty_date_edit.setText(str(detail.novelty_report_date or ""))
        self.resize(560, 560)

    def form_input(self) -> ProductInput:
        return ProductInput(
            enterprise_id=self.enterprise_id,
            name=self.name_edit.text(),
            model_spec=self.model_edit.text(),
            key_indicators=self.indicators_edit.toPlainText(),
            application_field=self.field_edit.text(),
            trl=self.trl_spin.value() or None,
            ip_numbers=self.ip_edit.text(),
            test_report_no=self.test_no_edit.text(),
            test_report_agency=self.test_agency_edit.text(),
            test_report_date=self.test_date_edit.text(),
            novelty_report_no=self.novelty_no_edit.text(),
            novelty_report_agency=self.novelty_agency_edit.text(),
            novelty_report_date=self.novelty_date_edit.text(),
        )

    def save(self) -> ProductDetail:
        service = self.ctx.services.products
        if self.detail is None:
            return service.create_product(self.form_input())
        return service.update_product(self.detail.id, self.form_input())
