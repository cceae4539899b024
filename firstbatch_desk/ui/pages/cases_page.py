"""跟踪档案: the case list (officer in charge, status, next due)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import CaseFilter, NeedFilter, VisitFilter
from firstbatch_desk.domain.dtos.register import CaseRow
from firstbatch_desk.domain.enums import CaseStatus
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.dialogs.case_dialog import CaseEditDialog
from firstbatch_desk.ui.dialogs.visit_opening import open_visit_form
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, heading, link, table

OVERDUE = QColor("#c0392b")


class CasesPage(ListPage):
    page_name = "cases"
    ledger = LedgerKind.CASES
    default_sort = (6, Qt.SortOrder.AscendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_export_button()
        self.add_print_button(self.tr("打印案卷"))
        self.new_button.hide()
        self.record_visit_button = self.add_action_button(
            "record_visit", self.tr("记录走访"), self.record_visit
        )
        self.record_visit_button.setToolTip(self.tr("为所选档案记录一次走访（Ctrl+R）"))
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.record_visit)
        self.model.foreground = self._colour

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("档案号"), lambda r: r.case_no, "case_no", width=110),
            Column(self.tr("企业"), lambda r: r.enterprise_name, "enterprise", width=220),
            Column(self.tr("产品"), lambda r: r.product_name, "product", width=200),
            Column(self.tr("负责人"), lambda r: r.officer_name, "officer", width=70),
            Column(self.tr("状态"), lambda r: r.status, "status", width=60),
            Column(self.tr("上次走访"), lambda r: r.last_visit_on, "last_visit_on", width=95),
            Column(self.tr("下次走访"), lambda r: r.next_due_on, "next_due_on", width=95),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.officer_filter = QComboBox(self)
        self.officer_filter.setObjectName("officer_filter")
        self.officer_filter.addItem(self.tr("全部负责人"), None)
        for officer in self.ctx.services.reference.list_officers():
            self.officer_filter.addItem(officer.name, str(officer.id))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in CaseStatus:
            self.status_filter.addItem(enum_label(status, self.ctx.language), status.value)
        self.division_filter = QComboBox(self)
        self.division_filter.addItem(self.tr("全部区县"), None)
        for division in self.ctx.services.reference.list_divisions():
            self.division_filter.addItem(division.name, division.code)
        for combo in (self.officer_filter, self.status_filter, self.division_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(combo)

    def current_filter(self) -> CaseFilter:
        officer = self.officer_filter.currentData()
        status = self.status_filter.currentData()
        return CaseFilter(
            search=self.search_text(),
            officer_id=uuid.UUID(officer) if officer else None,
            status=CaseStatus(status) if status else None,
            division_code=self.division_filter.currentData(),
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "division_filter"):
            return ()
        return self.ctx.services.cases.case_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.cases.case_rows(keys)

    def can_create(self) -> bool:
        return True

    @staticmethod
    def _colour(row: CaseRow) -> QColor | None:
        due = row.next_due_on
        return OVERDUE if due is not None and due < date.today() else None

    def report_of(self, row: Any) -> tuple[str, str, str]:
        return ("case", str(row.id), f"{row.case_no} {row.enterprise_name}")

    def detail_html(self, row: CaseRow) -> str:
        lang = self.ctx.language
        detail = self.ctx.services.cases.get_case(row.id)
        visits = self.ctx.services.visits.list_visits(VisitFilter(case_id=row.id), limit=10)
        needs = self.ctx.services.needs.list_needs(NeedFilter(case_id=row.id), limit=20)
        return "".join(
            [
                f"<h2>{esc(row.case_no)} {esc(row.product_name)}</h2>",
                facts(
                    [
                        (
                            self.tr("企业"),
                            Html(link("enterprise", row.enterprise_id, row.enterprise_name)),
                        ),
                        (self.tr("负责人"), row.officer_name),
                        (self.tr("状态"), enum_label(row.status, lang)),
                        (self.tr("建档日期"), row.opened_on),
                        (self.tr("上次走访"), row.last_visit_on or ""),
                        (self.tr("下次走访"), row.next_due_on or ""),
                        (self.tr("走访次数"), detail.visit_count),
                        (self.tr("未办结诉求"), detail.open_need_count),
                        (self.tr("备注"), detail.notes),
                    ]
                ),
                heading(self.tr("走访记录")),
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
                heading(self.tr("问题诉求")),
                table(
                    [
                        self.tr("编号"),
                        self.tr("事项"),
                        self.tr("状态"),
                        self.tr("期限"),
                    ],
                    [
                        (n.need_no, n.title, enum_label(n.status, lang), n.due_on or "")
                        for n in needs
                    ],
                    self.tr("暂无诉求"),
                ),
            ]
        )

    def record_visit(self) -> None:
        row = self.current_row()
        if row is None:
            return
        saved = open_visit_form(self.ctx, self, enterprise_id=row.enterprise_id, case_ids=(row.id,))
        if saved:
            self.data_changed.emit()
            self.reload()

    def edit_record(self, row: CaseRow) -> None:
        try:
            detail = self.ctx.services.cases.get_case(row.id)
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        dialog = CaseEditDialog(self.ctx, row.product_id, detail, self)
        if self.ctx.run_dialog(dialog):
            self.data_changed.emit()
            self.reload()

    def delete_record(self, row: CaseRow) -> None:
        service = self.ctx.services.cases
        self.delete_with_undo(
            self.tr("删除档案"),
            self.tr("删除档案 %1？可用 Ctrl+Z 撤销。").replace("%1", row.case_no),
            self.tr("删除档案 %1").replace("%1", row.case_no),
            lambda: service.delete_case(row.id),
            lambda ident=row.id: service.restore_case(ident),
        )
