"""企业: the enterprise list with filters, its details and the register's actions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import (
    CaseFilter,
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)
from firstbatch_desk.domain.dtos.register import EnterpriseRow
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.dialogs.enterprise_dialog import EnterpriseEditDialog
from firstbatch_desk.ui.dialogs.product_dialog import ProductEditDialog
from firstbatch_desk.ui.dialogs.recognition_dialog import RecognitionEditDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, heading, link, table


class EnterprisesPage(ListPage):
    page_name = "enterprises"
    ledger = LedgerKind.ENTERPRISES

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_export_button()
        self.add_print_button(self.tr("打印企业案卷"))
        self.new_button.setText(self.tr("新建企业"))
        self.add_product_button = QPushButton(self.tr("新增产品"), self)
        self.add_product_button.setObjectName("add_product_button")
        self.add_recognition_button = QPushButton(self.tr("新增认定"), self)
        self.add_recognition_button.setObjectName("add_recognition_button")
        self.add_product_button.clicked.connect(self._on_add_product)
        self.add_recognition_button.clicked.connect(self._on_add_recognition)
        buttons = self.layout().itemAt(1).layout()
        buttons.insertWidget(3, self.add_product_button)
        buttons.insertWidget(4, self.add_recognition_button)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("企业名称"), lambda r: r.name, "name", width=260),
            Column(self.tr("统一社会信用代码"), lambda r: r.credit_code, "credit_code", width=170),
            Column(self.tr("区县"), lambda r: r.division_name, "division", width=80),
            Column(self.tr("开发区"), lambda r: r.zone_name, "zone", width=150),
            Column(
                self.tr("规上"),
                lambda r: r.above_scale,
                "above_scale",
                Qt.AlignmentFlag.AlignCenter,
                width=50,
            ),
            Column(
                self.tr("专精特新"),
                lambda r: r.specialised,
                "specialised",
                Qt.AlignmentFlag.AlignCenter,
                width=70,
            ),
            Column(
                self.tr("高企"),
                lambda r: r.high_tech,
                "high_tech",
                Qt.AlignmentFlag.AlignCenter,
                width=50,
            ),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.division_filter = QComboBox(self)
        self.division_filter.setObjectName("division_filter")
        self.division_filter.addItem(self.tr("全部区县"), None)
        for division in self.ctx.services.reference.list_divisions():
            self.division_filter.addItem(division.name, division.code)
        self.zone_filter = QComboBox(self)
        self.zone_filter.setObjectName("zone_filter")
        self.zone_filter.addItem(self.tr("全部开发区"), None)
        for zone in self.ctx.services.reference.list_zones():
            self.zone_filter.addItem(zone.name, str(zone.id))
        self.above_scale_filter = QCheckBox(self.tr("规上"), self)
        self.specialised_filter = QCheckBox(self.tr("专精特新"), self)
        self.high_tech_filter = QCheckBox(self.tr("高企"), self)
        for widget in (self.division_filter, self.zone_filter):
            widget.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(widget)
        for check in (self.above_scale_filter, self.specialised_filter, self.high_tech_filter):
            check.toggled.connect(lambda _c: self.reload())
            bar.addWidget(check)

    def current_filter(self) -> EnterpriseFilter:
        zone = self.zone_filter.currentData()
        return EnterpriseFilter(
            search=self.search_text(),
            division_code=self.division_filter.currentData(),
            zone_id=uuid.UUID(zone) if zone else None,
            above_scale=True if self.above_scale_filter.isChecked() else None,
            specialised=True if self.specialised_filter.isChecked() else None,
            high_tech=True if self.high_tech_filter.isChecked() else None,
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "high_tech_filter"):
            return ()
        return self.ctx.services.enterprises.enterprise_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.enterprises.enterprise_rows(keys)

    def can_create(self) -> bool:
        return True

    # -- details ------------------------------------------------------------

    def report_of(self, row: Any) -> tuple[str, str, str]:
        return ("enterprise", str(row.id), row.name)

    def detail_html(self, row: EnterpriseRow) -> str:
        services = self.ctx.services
        lang = self.ctx.language
        e = services.enterprises.get_enterprise(row.id)
        flags = "、".join(
            label
            for label, on in (
                (self.tr("规上企业"), e.above_scale),
                (self.tr("专精特新"), e.specialised),
                (self.tr("高新技术企业"), e.high_tech),
            )
            if on
        )
        parts = [
            f"<h2>{esc(e.name)}</h2>",
            facts(
                [
                    (self.tr("统一社会信用代码"), e.credit_code or ""),
                    (self.tr("曾用名"), e.former_names),
                    (
                        self.tr("区县 / 开发区"),
                        " / ".join(x for x in (e.division_name, e.zone_name) if x),
                    ),
                    (self.tr("地址"), e.address),
                    (self.tr("法定代表人"), e.legal_representative),
                    (self.tr("所属行业"), e.industry),
                    (self.tr("企业标识"), flags),
                ]
            ),
            heading(self.tr("联系人")),
            table(
                [
                    self.tr("姓名"),
                    self.tr("职务"),
                    self.tr("电话"),
                    self.tr("邮箱"),
                ],
                [(c.name, c.title, c.phone, c.email) for c in e.contacts],
                self.tr("暂无联系人"),
            ),
        ]
        products = services.products.list_products(enterprise_id=e.id, limit=100)
        parts += [
            heading(self.tr("产品")),
            table(
                [
                    self.tr("产品名称"),
                    self.tr("型号规格"),
                    self.tr("应用领域"),
                    self.tr("认定数"),
                ],
                [
                    (p.name, p.model_spec, p.application_field, p.recognition_count)
                    for p in products
                ],
                self.tr("暂无产品"),
            ),
        ]
        recognitions = services.recognitions.list_recognitions(
            RecognitionFilter(enterprise_id=e.id), limit=100
        )
        parts += [
            heading(self.tr("认定情况")),
            table(
                [
                    self.tr("年度"),
                    self.tr("类别"),
                    self.tr("档次"),
                    self.tr("产品"),
                    self.tr("文号"),
                    self.tr("有效期至"),
                ],
                [
                    (
                        r.year,
                        enum_label(r.scheme, lang),
                        enum_label(r.tier, lang),
                        r.product_name,
                        r.document_no,
                        r.valid_until or "",
                    )
                    for r in recognitions
                ],
                self.tr("暂无认定"),
            ),
        ]
        cases = services.cases.list_cases(CaseFilter(enterprise_id=e.id), limit=100)
        parts += [
            heading(self.tr("跟踪档案")),
            table(
                [
                    self.tr("档案号"),
                    self.tr("产品"),
                    self.tr("负责人"),
                    self.tr("状态"),
                    self.tr("下次走访"),
                ],
                [
                    (
                        Html(link("case", c.id, c.case_no)),
                        c.product_name,
                        c.officer_name,
                        enum_label(c.status, lang),
                        c.next_due_on or "",
                    )
                    for c in cases
                ],
                self.tr("暂无档案"),
            ),
        ]
        visits = services.visits.list_visits(VisitFilter(enterprise_id=e.id), limit=5)
        parts += [
            heading(self.tr("最近走访")),
            table(
                [
                    self.tr("日期"),
                    self.tr("方式"),
                    self.tr("走访人员"),
                    self.tr("纪要"),
                ],
                [
                    (v.visit_date, enum_label(v.method, lang), v.officer_names, v.headline)
                    for v in visits
                ],
                self.tr("暂无走访记录"),
            ),
        ]
        needs = services.needs.list_needs(NeedFilter(enterprise_id=e.id, open_only=True), limit=20)
        parts += [
            heading(self.tr("未办结诉求")),
            table(
                [
                    self.tr("编号"),
                    self.tr("类别"),
                    self.tr("事项"),
                    self.tr("状态"),
                    self.tr("期限"),
                ],
                [
                    (
                        n.need_no,
                        enum_label(n.category, lang),
                        n.title,
                        enum_label(n.status, lang),
                        n.due_on or "",
                    )
                    for n in needs
                ],
                self.tr("暂无未办结诉求"),
            ),
        ]
        return "".join(parts)

    # -- actions ------------------------------------------------------------

    def new_record(self) -> None:
        self._edit(None)

    def edit_record(self, row: EnterpriseRow) -> None:
        try:
            detail = self.ctx.services.enterprises.get_enterprise(row.id)
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        self._edit(detail)

    def _edit(self, detail: Any) -> None:
        dialog = EnterpriseEditDialog(self.ctx, detail, self)
        dialog.existing_requested.connect(
            lambda ident: self.open_requested.emit("enterprise", ident)
        )
        if self.ctx.run_dialog(dialog):
            saved = dialog.result_value
            self.data_changed.emit()
            self.reload()
            self.select_key(saved.id.hex)  # type: ignore[attr-defined]
        elif dialog.restored:
            self.data_changed.emit()

    def delete_record(self, row: EnterpriseRow) -> None:
        service = self.ctx.services.enterprises
        self.delete_with_undo(
            self.tr("删除企业"),
            self.tr("删除企业“%1”及其产品、认定和档案？可用 Ctrl+Z 撤销。").replace("%1", row.name),
            self.tr("删除企业“%1”").replace("%1", row.name),
            lambda: service.delete_enterprise(row.id),
            lambda ident=row.id: service.restore_enterprise(ident),
        )

    def _selected_enterprise(self) -> EnterpriseRow | None:
        row = self.current_row()
        if row is None:
            self.ctx.prompts.info(
                self, self.tr("请选择企业"), self.tr("请先在列表中选择一家企业。")
            )
        return row

    def _on_add_product(self) -> None:
        row = self._selected_enterprise()
        if row is None:
            return
        dialog = ProductEditDialog(self.ctx, row.id, None, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self._show_detail(row)

    def _on_add_recognition(self) -> None:
        row = self._selected_enterprise()
        if row is None:
            return
        dialog = RecognitionEditDialog(self.ctx, row.id, None, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self._show_detail(row)
