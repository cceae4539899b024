"""问题诉求: needs with their state, deadline and history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from firstbatch_desk.domain.dtos.filters import NeedFilter
from firstbatch_desk.domain.dtos.followup import NeedRow
from firstbatch_desk.domain.enums import NeedCategory, NeedStatus
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, heading, link, paragraph, table

OVERDUE = QColor("#c0392b")


class NeedsPage(ListPage):
    page_name = "needs"
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button.hide()
        self.model.foreground = self._colour

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("编号"), lambda r: r.need_no, "need_no", width=110),
            Column(self.tr("企业"), lambda r: r.enterprise_name, "enterprise", width=200),
            Column(self.tr("类别"), lambda r: r.category, "category", width=110),
            Column(self.tr("事项"), lambda r: r.title, "title", width=220),
            Column(self.tr("状态"), lambda r: r.status, "status", width=70),
            Column(self.tr("主办部门"), lambda r: r.lead_department, "lead_department", width=100),
            Column(self.tr("期限"), lambda r: r.due_on, "due_on", width=95),
            Column(self.tr("满意度"), lambda r: r.satisfaction, "", width=70),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        lang = self.ctx.language
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("need_status_filter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in NeedStatus:
            self.status_filter.addItem(enum_label(status, lang), status.value)
        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("need_category_filter")
        self.category_filter.addItem(self.tr("全部类别"), None)
        for category in NeedCategory:
            self.category_filter.addItem(enum_label(category, lang), category.value)
        self.open_only = QCheckBox(self.tr("只看未办结"), self)
        self.open_only.setObjectName("need_open_only")
        for combo in (self.status_filter, self.category_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(combo)
        self.open_only.toggled.connect(lambda _c: self.reload())
        bar.addWidget(self.open_only)

    def current_filter(self) -> NeedFilter:
        status = self.status_filter.currentData()
        category = self.category_filter.currentData()
        return NeedFilter(
            search=self.search_text(),
            status=NeedStatus(status) if status else None,
            category=NeedCategory(category) if category else None,
            open_only=self.open_only.isChecked(),
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "open_only"):
            return ()
        return self.ctx.services.needs.need_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.needs.need_rows(keys)

    @staticmethod
    def _colour(row: NeedRow) -> QColor | None:
        late = row.status.is_open and row.due_on is not None and row.due_on < date.today()
        return OVERDUE if late else None

    def detail_html(self, row: NeedRow) -> str:
        lang = self.ctx.language
        n = self.ctx.services.needs.get_need(row.id)
        history = [
            (
                h.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                enum_label(h.action, lang),
                enum_label(h.to_status, lang),
                h.by,
                h.note,
            )
            for h in n.history
        ]
        return "".join(
            [
                f"<h2>{esc(row.need_no)} {esc(row.title)}</h2>",
                facts(
                    [
                        (
                            self.tr("企业"),
                            Html(link("enterprise", row.enterprise_id, row.enterprise_name)),
                        ),
                        (self.tr("类别"), enum_label(row.category, lang)),
                        (self.tr("紧急程度"), enum_label(row.urgency, lang)),
                        (self.tr("状态"), enum_label(row.status, lang)),
                        (self.tr("主办部门"), row.lead_department),
                        (self.tr("提出日期"), row.raised_on),
                        (self.tr("期限"), row.due_on or ""),
                        (self.tr("办结日期"), row.closed_on or ""),
                        (
                            self.tr("满意度"),
                            enum_label(row.satisfaction, lang) if row.satisfaction else "",
                        ),
                    ]
                ),
                heading(self.tr("诉求内容")) + paragraph(n.description),
                heading(self.tr("办理结果")) + paragraph(n.outcome) if n.outcome else "",
                heading(self.tr("流转记录")),
                table(
                    [
                        self.tr("时间"),
                        self.tr("操作"),
                        self.tr("状态"),
                        self.tr("经办人"),
                        self.tr("说明"),
                    ],
                    history,
                    self.tr("尚无流转"),
                ),
            ]
        )
