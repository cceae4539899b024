"""问题诉求: needs with their state, deadline and history."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from firstbatch_desk.domain.dtos.filters import NeedFilter
from firstbatch_desk.domain.dtos.followup import NeedRow
from firstbatch_desk.domain.enums import NeedCategory, NeedStatus
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.i18n import enum_label, translate
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, link, table

OVERDUE = QColor("#c0392b")


def _t(text: str) -> str:
    return translate("NeedsPage", text)


class NeedsPage(ListPage):
    page_name = "needs"
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button.hide()
        self.model.foreground = self._colour

    def columns(self) -> list[Column]:
        return [
            Column(_t("编号"), lambda r: r.need_no, "need_no", width=110),
            Column(_t("企业"), lambda r: r.enterprise_name, "enterprise", width=200),
            Column(_t("类别"), lambda r: r.category, "category", width=110),
            Column(_t("事项"), lambda r: r.title, "title", width=220),
            Column(_t("状态"), lambda r: r.status, "status", width=70),
            Column(_t("主办部门"), lambda r: r.lead_department, "lead_department", width=100),
            Column(_t("期限"), lambda r: r.due_on, "due_on", width=95),
            Column(_t("满意度"), lambda r: r.satisfaction, "", width=70),
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

    def fetch_keys(self, order: SortOrder | None) -> list[str]:
        if not hasattr(self, "open_only"):
            return []
        return self.ctx.services.needs.need_keys(self.current_filter(), order)

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
                            _t("企业"),
                            Html(link("enterprise", row.enterprise_id, row.enterprise_name)),
                        ),
                        (_t("类别"), enum_label(row.category, lang)),
                        (_t("紧急程度"), enum_label(row.urgency, lang)),
                        (_t("状态"), enum_label(row.status, lang)),
                        (_t("主办部门"), row.lead_department),
                        (_t("提出日期"), row.raised_on),
                        (_t("期限"), row.due_on or ""),
                        (_t("办结日期"), row.closed_on or ""),
                        (
                            _t("满意度"),
                            enum_label(row.satisfaction, lang) if row.satisfaction else "",
                        ),
                    ]
                ),
                f"<h3>{esc(_t('诉求内容'))}</h3><p>{esc(n.description)}</p>",
                f"<h3>{esc(_t('办理结果'))}</h3><p>{esc(n.outcome)}</p>" if n.outcome else "",
                f"<h3>{esc(_t('流转记录'))}</h3>",
                table(
                    [_t("时间"), _t("操作"), _t("状态"), _t("经办人"), _t("说明")],
                    history,
                    _t("尚无流转"),
                ),
            ]
        )
