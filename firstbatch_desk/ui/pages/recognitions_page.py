"""产品与认定: recognitions with filters by scheme, tier, year and validity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import CaseFilter, RecognitionFilter
from firstbatch_desk.domain.dtos.register import RecognitionRow
from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.domain.recognition import Validity, validity_of
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.dialogs.case_dialog import CaseEditDialog
from firstbatch_desk.ui.dialogs.recognition_dialog import RecognitionEditDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, heading, link, table

EXPIRED_COLOUR = QColor("#c0392b")
EXPIRING_COLOUR = QColor("#b9770e")


class RecognitionsPage(ListPage):
    page_name = "recognitions"
    ledger = LedgerKind.RECOGNITIONS
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_export_button()
        self.new_button.setText(self.tr("新增认定"))
        self.model.foreground = self._colour
        self.import_button = self.add_action_button(
            "import", self.tr("导入名单…"), self.import_list
        )
        self.import_button.setToolTip(
            self.tr("导入省、国家公布的首批次名单（Excel 或 CSV，Ctrl+I）")
        )
        self.open_case_button = QPushButton(self.tr("建立档案"), self)
        self.open_case_button.setObjectName("open_case_button")
        self.open_case_button.clicked.connect(self.open_case_for_current)
        self.edit_product_button = QPushButton(self.tr("编辑产品"), self)
        self.edit_product_button.setObjectName("edit_product_button")
        self.edit_product_button.clicked.connect(self.edit_product_for_current)
        buttons = self.layout().itemAt(1).layout()
        buttons.insertWidget(3, self.open_case_button)
        buttons.insertWidget(4, self.edit_product_button)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("年度"), lambda r: r.year, "year", width=60),
            Column(self.tr("类别"), lambda r: r.scheme, "scheme", width=120),
            Column(self.tr("档次"), lambda r: r.tier, "tier", width=90),
            Column(self.tr("企业"), lambda r: r.enterprise_name, "enterprise", width=220),
            Column(self.tr("产品"), lambda r: r.product_name, "product", width=220),
            Column(self.tr("文号"), lambda r: r.document_no, "document_no", width=170),
            Column(self.tr("有效期至"), lambda r: r.valid_until, "valid_until", width=95),
            Column(self.tr("奖励(万元)"), lambda r: r.reward_amount, "reward_amount", width=80),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        lang = self.ctx.language
        self.scheme_filter = QComboBox(self)
        self.scheme_filter.setObjectName("scheme_filter")
        self.scheme_filter.addItem(self.tr("全部类别"), None)
        for scheme in Scheme:
            self.scheme_filter.addItem(enum_label(scheme, lang), scheme.value)
        self.tier_filter = QComboBox(self)
        self.tier_filter.setObjectName("tier_filter")
        self.tier_filter.addItem(self.tr("全部档次"), None)
        for tier in Tier:
            self.tier_filter.addItem(enum_label(tier, lang), tier.value)
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("year_filter")
        self.year_filter.addItem(self.tr("全部年度"), None)
        for year in range(date.today().year + 1, 2016, -1):
            self.year_filter.addItem(str(year), year)
        self.validity_filter = QComboBox(self)
        self.validity_filter.setObjectName("validity_filter")
        self.validity_filter.addItem(self.tr("全部状态"), None)
        for validity, text in (
            (Validity.VALID, self.tr("有效")),
            (Validity.EXPIRING, self.tr("90 天内到期")),
            (Validity.EXPIRED, self.tr("已过期")),
        ):
            self.validity_filter.addItem(text, validity.value)
        for combo in (self.scheme_filter, self.tier_filter, self.year_filter, self.validity_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(combo)

    def current_filter(self) -> RecognitionFilter:
        scheme = self.scheme_filter.currentData()
        tier = self.tier_filter.currentData()
        validity = self.validity_filter.currentData()
        return RecognitionFilter(
            search=self.search_text(),
            scheme=Scheme(scheme) if scheme else None,
            tier=Tier(tier) if tier else None,
            year=self.year_filter.currentData(),
            validity=Validity(validity) if validity else None,
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "validity_filter"):
            return ()
        return self.ctx.services.recognitions.recognition_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.recognitions.recognition_rows(keys)

    def can_create(self) -> bool:
        return True

    def _colour(self, row: RecognitionRow) -> QColor | None:
        state = validity_of(row.valid_until, date.today())
        if state is Validity.EXPIRED:
            return EXPIRED_COLOUR
        if state is Validity.EXPIRING:
            return EXPIRING_COLOUR
        return None

    def detail_html(self, row: RecognitionRow) -> str:
        lang = self.ctx.language
        state = validity_of(row.valid_until, date.today())
        product = self.ctx.services.products.get_product(row.product_id)
        cases = self.ctx.services.cases.list_cases(CaseFilter(enterprise_id=row.enterprise_id))
        cases = [c for c in cases if c.product_id == row.product_id]
        return "".join(
            [
                f"<h2>{esc(row.product_name)}</h2>",
                facts(
                    [
                        (
                            self.tr("企业"),
                            Html(link("enterprise", row.enterprise_id, row.enterprise_name)),
                        ),
                        (self.tr("类别"), enum_label(row.scheme, lang)),
                        (self.tr("档次"), enum_label(row.tier, lang)),
                        (self.tr("档次原文"), row.tier_text),
                        (self.tr("年度"), row.year),
                        (self.tr("文号"), row.document_no),
                        (self.tr("认定日期"), row.recognised_on or ""),
                        (
                            self.tr("有效期至"),
                            f"{row.valid_until or ''}  {enum_label(state, lang)}",
                        ),
                        (
                            self.tr("奖励(万元)"),
                            row.reward_amount if row.reward_amount is not None else "",
                        ),
                        (
                            self.tr("奖励已兑现"),
                            self.tr("是") if row.reward_paid else self.tr("否"),
                        ),
                    ]
                ),
                heading(self.tr("产品信息")),
                facts(
                    [
                        (self.tr("型号规格"), product.model_spec),
                        (self.tr("关键性能指标"), product.key_indicators),
                        (self.tr("应用领域"), product.application_field),
                        (self.tr("技术成熟度"), product.trl or ""),
                        (
                            self.tr("检测报告"),
                            " ".join(
                                str(x)
                                for x in (
                                    product.test_report_no,
                                    product.test_report_agency,
                                    product.test_report_date or "",
                                )
                                if x
                            ),
                        ),
                        (
                            self.tr("查新报告"),
                            " ".join(
                                str(x)
                                for x in (
                                    product.novelty_report_no,
                                    product.novelty_report_agency,
                                    product.novelty_report_date or "",
                                )
                                if x
                            ),
                        ),
                    ]
                ),
                heading(self.tr("跟踪档案")),
                table(
                    [
                        self.tr("档案号"),
                        self.tr("负责人"),
                        self.tr("状态"),
                        self.tr("下次走访"),
                    ],
                    [
                        (c.case_no, c.officer_name, enum_label(c.status, lang), c.next_due_on or "")
                        for c in cases
                    ],
                    self.tr("尚未建档"),
                ),
            ]
        )

    def new_record(self) -> None:
        dialog = RecognitionEditDialog(self.ctx, None, None, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self.reload()

    def edit_record(self, row: RecognitionRow) -> None:
        dialog = RecognitionEditDialog(self.ctx, row.enterprise_id, row, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self.reload()

    def delete_record(self, row: RecognitionRow) -> None:
        service = self.ctx.services.recognitions
        self.delete_with_undo(
            self.tr("删除认定"),
            self.tr("删除“%1”的这条认定记录？可用 Ctrl+Z 撤销。").replace("%1", row.product_name),
            self.tr("删除认定“%1”").replace("%1", row.product_name),
            lambda: service.delete_recognition(row.id),
            lambda ident=row.id: service.restore_recognition(ident),
        )

    def edit_product_for_current(self) -> None:
        from firstbatch_desk.ui.dialogs.product_dialog import ProductEditDialog

        row = self.current_row()
        if row is None:
            return
        try:
            product = self.ctx.services.products.get_product(row.product_id)
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        dialog = ProductEditDialog(self.ctx, row.enterprise_id, product, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self.reload()

    def import_list(self) -> None:
        from firstbatch_desk.ui.dialogs.import_dialog import run_import

        if run_import(self.ctx, self):
            self.data_changed.emit()
            self.reload()

    def open_case_for_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = CaseEditDialog(self.ctx, row.product_id, None, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self._show_detail(row)
