"""Record or edit a recognition of one of an enterprise's products."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLineEdit, QSpinBox, QWidget

from firstbatch_desk.domain.dtos.register import RecognitionInput, RecognitionRow
from firstbatch_desk.domain.enums import ALLOWED_TIERS, Scheme, Tier
from firstbatch_desk.domain.recognition import tier_from_text
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext

DATE_HINT = "2024-09-30"


class RecognitionEditDialog(FormDialog):
    """The tier list follows the scheme: 市级 only with the municipal scheme."""

    def __init__(
        self,
        ctx: PageContext,
        enterprise_id: uuid.UUID | None,
        row: RecognitionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Without ``enterprise_id`` the officer first picks the enterprise (type to find it)."""
        super().__init__(ctx, self.tr("编辑认定") if row else self.tr("新增认定"), parent)
        self.setObjectName("recognition_dialog")
        self.row = row
        self.enterprise_combo: QComboBox | None = None
        if enterprise_id is None:
            self.enterprise_combo = QComboBox(self)
            self.enterprise_combo.setObjectName("enterprise_combo")
            self.enterprise_combo.setEditable(True)
            self.enterprise_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.enterprise_combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            for enterprise in ctx.services.enterprises.list_enterprises(limit=100_000):
                self.enterprise_combo.addItem(enterprise.name, str(enterprise.id))
            self.enterprise_combo.setCurrentIndex(-1)
            self.enterprise_combo.currentIndexChanged.connect(lambda _i: self._fill_products())
        self.product_combo = QComboBox(self)
        self.product_combo.setObjectName("product_combo")
        self._fill_products(enterprise_id)
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setObjectName("scheme_combo")
        for scheme in Scheme:
            self.scheme_combo.addItem(enum_label(scheme, ctx.language), scheme.value)
        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("tier_combo")
        self.tier_text_edit = QLineEdit(self)
        self.tier_text_edit.setPlaceholderText(self.tr("公布的档次原文，如：技术水平国内领先……"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        self.document_edit = QLineEdit(self)
        self.document_edit.setObjectName("document_edit")
        self.document_edit.setPlaceholderText("浙经信材料〔2023〕197号")
        self.recognised_edit = QLineEdit(self)
        self.recognised_edit.setPlaceholderText(DATE_HINT)
        self.valid_edit = QLineEdit(self)
        self.valid_edit.setPlaceholderText(self.tr("默认：认定日期起 3 年"))
        self.reward_edit = QLineEdit(self)
        self.reward_edit.setPlaceholderText(self.tr("万元"))
        self.paid_check = QCheckBox(self.tr("奖励已兑现"), self)
        if self.enterprise_combo is not None:
            self.add_row("enterprise_id", self.tr("企业"), self.enterprise_combo, required=True)
        self.add_row("product_id", self.tr("产品"), self.product_combo, required=True)
        self.add_row("scheme", self.tr("类别"), self.scheme_combo, required=True)
        self.add_row("tier", self.tr("档次"), self.tier_combo, required=True)
        self.add_row("tier_text", self.tr("档次原文"), self.tier_text_edit)
        self.add_row("year", self.tr("年度"), self.year_spin, required=True)
        self.add_row("document_no", self.tr("文号"), self.document_edit)
        self.add_row("recognised_on", self.tr("认定日期"), self.recognised_edit)
        self.add_row("valid_until", self.tr("有效期至"), self.valid_edit)
        self.add_row("reward_amount", self.tr("奖励金额（万元）"), self.reward_edit)
        self.add_row("reward_paid", "", self.paid_check)
        self.scheme_combo.currentIndexChanged.connect(lambda _i: self._fill_tiers())
        self.tier_text_edit.editingFinished.connect(self._guess_tier)
        self._fill_tiers()
        if row is not None:
            self._load(row)
        self.resize(560, 480)

    def _fill_products(self, enterprise_id: uuid.UUID | None = None) -> None:
        if enterprise_id is None and self.enterprise_combo is not None:
            chosen = self.enterprise_combo.currentData()
            enterprise_id = uuid.UUID(chosen) if chosen else None
        self.product_combo.clear()
        if enterprise_id is None:
            return
        products = self.ctx.services.products.list_products(enterprise_id=enterprise_id, limit=500)
        for product in products:
            self.product_combo.addItem(product.name, str(product.id))
        if not products:
            self.errors.get("product_id", self.general_error).show_message(
                self.tr("该企业还没有产品，请先在“企业”页新增产品。")
            )

    def _fill_tiers(self) -> None:
        current = self.tier_combo.currentData()
        scheme = Scheme(self.scheme_combo.currentData())
        self.tier_combo.clear()
        for tier in Tier:
            if tier in ALLOWED_TIERS[scheme]:
                self.tier_combo.addItem(enum_label(tier, self.ctx.language), tier.value)
        index = self.tier_combo.findData(current)
        self.tier_combo.setCurrentIndex(max(0, index))

    def _guess_tier(self) -> None:
        text = self.tier_text_edit.text().strip()
        if text:
            index = self.tier_combo.findData(tier_from_text(text).value)
            if index >= 0:
                self.tier_combo.setCurrentIndex(index)

    def _load(self, row: RecognitionRow) -> None:
        self.product_combo.setCurrentIndex(max(0, self.product_combo.findData(str(row.product_id))))
        self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(row.scheme.value))
        self._fill_tiers()
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(row.tier.value)))
        self.tier_text_edit.setText(row.tier_text)
        self.year_spin.setValue(row.year)
        self.document_edit.setText(row.document_no)
        self.recognised_edit.setText(str(row.recognised_on or ""))
        self.valid_edit.setText(str(row.valid_until or ""))
        self.reward_edit.setText(f"{row.reward_amount.normalize():f}" if row.reward_amount else "")
        self.paid_check.setChecked(row.reward_paid)

    def save(self) -> RecognitionRow:
        from firstbatch_desk.domain.errors import ValidationError

        product = self.product_combo.currentData()
        if not product:
            raise ValidationError("field.required", field="product_id", label=self.tr("产品"))
        data = RecognitionInput(
            product_id=uuid.UUID(product),
            scheme=Scheme(self.scheme_combo.currentData()),
            tier=Tier(self.tier_combo.currentData()),
            year=self.year_spin.value(),
            tier_text=self.tier_text_edit.text(),
            document_no=self.document_edit.text(),
            recognised_on=self.recognised_edit.text(),
            valid_until=self.valid_edit.text(),
            reward_amount=self.reward_edit.text(),
            reward_paid=self.paid_check.isChecked(),
        )
        service = self.ctx.services.recognitions
        if self.row is None:
            return service.create_recognition(data)
        return service.update_recognition(self.row.id, data)
