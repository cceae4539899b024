"""走访记录: every visit, searchable by its notes, filtered by officer, method, dates, district."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import VisitFilter
from firstbatch_desk.domain.dtos.followup import VisitRow
from firstbatch_desk.domain.enums import AttachmentOwner, VisitMethod
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.dialogs.visit_opening import open_visit_form
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import (
    Html,
    attachment_list,
    esc,
    facts,
    heading,
    link,
    table,
)
from firstbatch_desk.ui.widgets.period_filter import CUSTOM, PeriodFilter


class VisitsPage(ListPage):
    page_name = "visits"
    ledger = LedgerKind.VISITS
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_export_button()
        self.add_print_button(self.tr("打印走访记录表"))
        self.new_button.setText(self.tr("记录走访"))
        self.new_button.setToolTip(self.tr("记录一次新的走访（Ctrl+N）"))

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("日期"), lambda r: r.visit_date, "visit_date", width=95),
            Column(self.tr("企业"), lambda r: r.enterprise_name, "enterprise", width=230),
            Column(self.tr("方式"), lambda r: r.method, "method", width=50),
            Column(self.tr("走访人员"), lambda r: r.officer_names, "", width=120),
            Column(self.tr("签字"), lambda r: r.signed, "signed", width=45),
            Column(self.tr("纪要"), lambda r: r.headline, "headline", width=400),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.officer_filter = QComboBox(self)
        self.officer_filter.setObjectName("visit_officer_filter")
        self.officer_filter.addItem(self.tr("全部人员"), None)
        for officer in self.ctx.services.reference.list_officers():
            self.officer_filter.addItem(officer.name, str(officer.id))
        self.method_filter = QComboBox(self)
        self.method_filter.setObjectName("method_filter")
        self.method_filter.addItem(self.tr("全部方式"), None)
        for method in VisitMethod:
            self.method_filter.addItem(enum_label(method, self.ctx.language), method.value)
        self.period = PeriodFilter(
            self,
            ("period_filter", "visit_date_from", "visit_date_to"),
            (
                (0, self.tr("全部日期")),
                (30, self.tr("近 30 天")),
                (90, self.tr("近 90 天")),
                (365, self.tr("近一年")),
                (CUSTOM, self.tr("自定义日期…")),
            ),
            self.reload,
        )
        self.period_filter, self.from_edit, self.to_edit = self.period.widgets()
        self.division_filter = QComboBox(self)
        self.division_filter.setObjectName("visit_division_filter")
        self.division_filter.addItem(self.tr("全部区县"), None)
        for division in self.ctx.services.reference.list_divisions():
            self.division_filter.addItem(division.name, division.code)
        for combo in (self.officer_filter, self.method_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(combo)
        for widget in self.period.widgets():
            bar.addWidget(widget)
        self.division_filter.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.division_filter)

    def current_filter(self) -> VisitFilter:
        officer = self.officer_filter.currentData()
        method = self.method_filter.currentData()
        date_from, date_to = self.period.dates(today_is_a_day=False)
        return VisitFilter(
            search=self.search_text(),
            officer_id=uuid.UUID(officer) if officer else None,
            method=VisitMethod(method) if method else None,
            date_from=date_from,
            date_to=date_to,
            division_code=self.division_filter.currentData(),
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "division_filter"):
            return ()
        return self.ctx.services.visits.visit_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.visits.visit_rows(keys)

    def report_of(self, row: Any) -> tuple[str, str, str]:
        return ("visit", str(row.id), f"{row.visit_date} {row.enterprise_name}")

    def can_create(self) -> bool:
        return True

    def new_record(self) -> None:
        if open_visit_form(self.ctx, self):
            self.data_changed.emit()
            self.reload()

    def edit_record(self, row: VisitRow) -> None:
        if open_visit_form(self.ctx, self, visit_id=row.id):
            self.data_changed.emit()
            self.reload()

    def delete_record(self, row: VisitRow) -> None:
        service = self.ctx.services.visits
        label = f"{row.visit_date} {row.enterprise_name}"
        self.delete_with_undo(
            self.tr("删除走访记录"),
            self.tr("删除走访记录“%1”？可用 Ctrl+Z 撤销。").replace("%1", label),
            self.tr("删除走访记录 %1").replace("%1", label),
            lambda: service.delete_visit(row.id),
            lambda ident=row.id: service.restore_visit(ident),
        )

    def _needs_html(self, need_ids: Sequence[uuid.UUID]) -> str:
        lang = self.ctx.language
        rows = []
        for need_id in need_ids:
            need = self.ctx.services.needs.get_need(need_id).row
            rows.append(
                (
                    Html(link("need", need.id, need.need_no)),
                    need.title,
                    enum_label(need.status, lang),
                )
            )
        return table([self.tr("编号"), self.tr("事项"), self.tr("状态")], rows, self.tr("无"))

    def detail_html(self, row: VisitRow) -> str:
        v = self.ctx.services.visits.get_visit(row.id)
        lang = self.ctx.language
        texts = [
            (self.tr("生产情况"), v.production_status),
            (self.tr("销售情况"), v.sales_status),
            (self.tr("推广应用进展"), v.application_progress),
            (self.tr("新增下游用户"), v.new_users),
            (self.tr("政策宣传"), v.policies_explained),
        ]
        attendees = "、".join(f"{a.name}（{a.title}）" if a.title else a.name for a in v.attendees)
        body = "".join(f"<h3>{esc(label)}</h3><p>{esc(text)}</p>" for label, text in texts if text)
        summary = esc(v.summary).replace("\n", "<br>")
        money = f"{v.contract_value:,.2f}" if v.contract_value else ""
        return "".join(
            [
                f"<h2>{esc(row.visit_date)} {esc(row.enterprise_name)}</h2>",
                facts(
                    [
                        (
                            self.tr("企业"),
                            Html(link("enterprise", row.enterprise_id, row.enterprise_name)),
                        ),
                        (self.tr("方式"), enum_label(row.method, lang)),
                        (self.tr("走访人员"), row.officer_names),
                        (self.tr("企业参加人员"), attendees),
                        (self.tr("涉及档案"), "、".join(v.case_nos)),
                        (self.tr("合同金额(万元)"), money),
                        (self.tr("数量"), f"{v.quantity} {v.quantity_unit}".strip()),
                        (self.tr("下次走访"), v.next_visit_on or ""),
                        (self.tr("已签字"), self.tr("是") if row.signed else self.tr("否")),
                    ]
                ),
                heading(self.tr("走访纪要")) + f"<p>{summary}</p>",
                body,
                heading(self.tr("本次提出的诉求")) + self._needs_html(v.need_ids),
                heading(self.tr("附件"))
                + attachment_list(
                    self.ctx.services.attachments.list_for(AttachmentOwner.VISIT, row.id),
                    self.tr("无附件"),
                ),
            ]
        )
