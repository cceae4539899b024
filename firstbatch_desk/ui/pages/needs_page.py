"""问题诉求: needs with their state and deadline; the selected one's loop, actions and history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import NeedFilter
from firstbatch_desk.domain.dtos.followup import NeedDetail, NeedRow
from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory, NeedStatus
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.domain.need_flow import NeedAction, allowed_actions, note_required
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.dialogs.attachments_dialog import AttachmentsDialog
from firstbatch_desk.ui.dialogs.need_action_dialog import NeedActionDialog
from firstbatch_desk.ui.dialogs.need_dialog import NeedDialog
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
    muted,
    paragraph,
)
from firstbatch_desk.ui.widgets.need_timeline import NeedTimeline

OVERDUE = QColor("#c0392b")
OVERDUE_FILTER = "OVERDUE"


def pairs_grid(pairs: Sequence[tuple[str, object]]) -> str:
    """Label–value pairs two to a line (short values such as dates and states)."""
    cells = [
        f"<th>{esc(label)}</th><td style='padding-right: 18px'>"
        f"{value if isinstance(value, Html) else esc(value)}</td>"
        for label, value in pairs
    ]
    lines = ["".join(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    return "<table>" + "".join(f"<tr>{line}</tr>" for line in lines) + "</table>"


def overdue_days(row: NeedRow, today: date) -> int:
    """How many days a need still waiting for its answer is past its deadline (else 0)."""
    if not row.status.awaits_answer or row.due_on is None or row.due_on >= today:
        return 0
    return (today - row.due_on).days


class NeedsPage(ListPage):
    page_name = "needs"
    ledger = LedgerKind.NEEDS
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_export_button()
        self.new_button.setText(self.tr("新增诉求"))
        self.model.foreground = self._colour
        self.need: NeedDetail | None = None
        self.action_buttons: dict[NeedAction, QPushButton] = {}
        self._build_panel()
        self._show_need(None)

    # -- the list ---------------------------------------------------------------

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("编号"), lambda r: r.need_no, "need_no", width=110),
            Column(self.tr("企业"), lambda r: r.enterprise_name, "enterprise", width=180),
            Column(self.tr("类别"), lambda r: r.category, "category", width=110),
            Column(self.tr("事项"), lambda r: r.title, "title", width=200),
            Column(self.tr("状态"), lambda r: r.status, "status", width=70),
            Column(self.tr("期限"), self._due_text, "due_on", width=150),
            Column(self.tr("主办部门"), lambda r: r.lead_department, "lead_department", width=100),
            Column(self.tr("满意度"), lambda r: r.satisfaction, "", width=70),
        ]

    def _due_text(self, row: NeedRow) -> str:
        """The deadline, and how late an open need is (逾期 N 天)."""
        if row.due_on is None:
            return ""
        days = overdue_days(row, date.today())
        if not days:
            return row.due_on.isoformat()
        return row.due_on.isoformat() + "  " + self.tr("逾期 %1 天").replace("%1", str(days))

    def build_filters(self, bar: QHBoxLayout) -> None:
        lang = self.ctx.language
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("need_status_filter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        self.status_filter.addItem(self.tr("已逾期"), OVERDUE_FILTER)
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
        overdue = status == OVERDUE_FILTER
        return NeedFilter(
            search=self.search_text(),
            status=NeedStatus(status) if status and not overdue else None,
            category=NeedCategory(category) if category else None,
            open_only=self.open_only.isChecked(),
            awaiting_answer=overdue,
            due_before=date.today() - timedelta(days=1) if overdue else None,
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "open_only"):
            return ()
        return self.ctx.services.needs.need_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.needs.need_rows(keys)

    @staticmethod
    def _colour(row: NeedRow) -> QColor | None:
        return OVERDUE if overdue_days(row, date.today()) else None

    def can_create(self) -> bool:
        return True

    def reload(self) -> None:
        super().reload()
        if self.current_key() is None and hasattr(self, "timeline"):
            self._show_need(None)  # the need shown is no longer in the list
            if self.model.rowCount():
                self.detail.show_html(muted(self.tr("选择一条问题诉求，查看详情并办理。")))

    # -- the selected need: actions, details, history -----------------------------

    def _build_panel(self) -> None:
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("need_actions_bar")
        self.actions_layout = QHBoxLayout(self.actions_bar)
        self.actions_layout.setContentsMargins(0, 0, 0, 4)
        self.actions_caption = QLabel(self.actions_bar)
        self.actions_layout.addWidget(self.actions_caption)
        self.actions_layout.addStretch(1)
        self.attachments_button = QPushButton(self.tr("附件…"), self.actions_bar)
        self.attachments_button.setObjectName("need_attachments_button")
        self.attachments_button.setToolTip(self.tr("添加、打开或移除此诉求的附件"))
        self.attachments_button.clicked.connect(self.edit_attachments)
        self.actions_layout.addWidget(self.attachments_button)
        self.timeline = NeedTimeline()
        scroll = QScrollArea(self)
        scroll.setObjectName("need_timeline_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        self.timeline_scroll = scroll
        history = QWidget(self)
        column = QVBoxLayout(history)
        column.setContentsMargins(0, 4, 0, 0)
        caption = QLabel(self.tr("流转记录"), history)
        caption.setStyleSheet("color: #1f4e79; font-weight: bold;")
        column.addWidget(caption)
        column.addWidget(scroll, 1)
        panel = QWidget(self)
        self.splitter.replaceWidget(1, panel)
        self.splitter.setStretchFactor(1, 2)  # the stretch belongs to the widget replaced
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, panel)
        self.detail_splitter.addWidget(self.detail)
        self.detail_splitter.addWidget(history)
        self.detail_splitter.setStretchFactor(0, 1)
        self.detail_splitter.setStretchFactor(1, 1)
        self.detail_splitter.setSizes([10_000, 10_000])  # half each until the officer drags
        # the newest step is the one that matters: keep it in view as the history grows
        bar = scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, high: bar.setValue(high))
        self.detail.show()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.detail_splitter, 1)
        self.ctx.ui_state.restore_splitter("needs_detail", self.detail_splitter)

    def save_state(self) -> None:
        super().save_state()
        self.ctx.ui_state.save_splitter("needs_detail", self.detail_splitter)

    def _show_detail(self, row: NeedRow) -> None:
        try:
            need = self.ctx.services.needs.get_need(row.id)
        except FirstBatchError as exc:
            self._show_need(None)
            self.detail.show_html(
                f'<p class="warn">{esc(exc.message(self.ctx.message_language))}</p>'
            )
            return
        self._show_need(need)

    def _show_need(self, need: NeedDetail | None) -> None:
        self.need = need
        self._show_actions(need)
        self.timeline.set_history(
            need.history if need else (), self.ctx.language, self.tr("尚无流转")
        )
        if need is not None:
            self.detail.show_html(self.need_html(need))

    def _show_actions(self, need: NeedDetail | None) -> None:
        """A button for each action the need's state allows, the main path first."""
        for button in self.action_buttons.values():
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        self.actions_bar.setVisible(need is not None)
        if need is None:
            return
        lang = self.ctx.message_language
        actions = allowed_actions(need.row.status)
        self.actions_caption.setText(self.tr("办理：") if actions else self.tr("流程已结束"))
        for number, action in enumerate(actions):
            button = QPushButton(action.label(lang), self.actions_bar)
            button.setObjectName(f"need_action_{action.value.lower()}")
            if number == 0:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            if note_required(action):
                button.setToolTip(self.tr("须填写说明"))
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self.actions_layout.insertWidget(1 + number, button)
            button.show()
            self.action_buttons[action] = button

    def run_action(self, action: NeedAction) -> None:
        """Ask what ``action`` needs and move the shown need; refresh the list and panel."""
        need = self.need
        if need is None:
            return
        dialog = NeedActionDialog(self.ctx, need, action, self)
        if self.ctx.run_dialog(dialog) and isinstance(dialog.result_value, NeedDetail):
            self.data_changed.emit()
            self._after_change(dialog.result_value)
            return
        try:  # refused or cancelled: show the need as it is now (someone may have moved it)
            latest = self.ctx.services.needs.get_need(need.row.id)
        except FirstBatchError as exc:
            self.show_error(exc)
            self.reload()
            return
        if latest.row != need.row:
            self._after_change(latest)
        else:
            self._show_need(latest)

    def _after_change(self, need: NeedDetail) -> None:
        self.reload()
        if self.current_key() == need.row.id.hex or self.select_key(need.row.id.hex):
            self._show_need(need)

    def edit_attachments(self) -> None:
        need = self.need
        if need is None:
            return
        title = f"{need.row.need_no} {need.row.title}"
        dialog = AttachmentsDialog(self.ctx, AttachmentOwner.NEED, need.row.id, title, self)
        if self.ctx.run_dialog(dialog):
            self._show_need(self.ctx.services.needs.get_need(need.row.id))

    def need_html(self, n: NeedDetail) -> str:
        row = n.row
        files = self.ctx.services.attachments.list_for(AttachmentOwner.NEED, row.id)
        self.attachments_button.setText(
            self.tr("附件（%1）…").replace("%1", str(len(files))) if files else self.tr("附件…")
        )
        return "".join(
            [
                f"<h2>{esc(row.need_no)} {esc(row.title)}</h2>",
                facts(self._parties(n)),
                pairs_grid(self._facts(n)),
                heading(self.tr("诉求内容")) + paragraph(n.description),
                heading(self.tr("办理结果")) + paragraph(n.outcome) if n.outcome else "",
                heading(self.tr("回访情况")) + paragraph(n.return_visit_result)
                if n.return_visit_result
                else "",
                heading(self.tr("附件")) + attachment_list(files, self.tr("无附件")),
            ]
        )

    def _parties(self, n: NeedDetail) -> list[tuple[str, object]]:
        row = n.row
        departments = {d.id: d.short_name or d.name for d in self._departments()}
        supporting = "、".join(departments.get(d, "") for d in n.supporting_department_ids)
        return [
            (self.tr("企业"), Html(link("enterprise", row.enterprise_id, row.enterprise_name))),
            (self.tr("跟踪档案"), Html(self._case_link(n.case_id))),
            (self.tr("主办部门"), row.lead_department),
            (self.tr("协办部门"), supporting),
        ]

    def _facts(self, n: NeedDetail) -> list[tuple[str, object]]:
        """State, kind and dates, shown two to a line."""
        lang = self.ctx.language
        row = n.row
        due: object = row.due_on or ""
        if overdue_days(row, date.today()):
            due = Html(f'<span class="warn">{esc(self._due_text(row))}</span>')
        return [
            (self.tr("状态"), enum_label(row.status, lang)),
            (self.tr("类别"), enum_label(row.category, lang)),
            (self.tr("紧急程度"), enum_label(row.urgency, lang)),
            (self.tr("复杂程度"), enum_label(n.complexity, lang)),
            (self.tr("来源渠道"), enum_label(n.channel, lang)),
            (self.tr("满意度"), enum_label(row.satisfaction, lang) if row.satisfaction else ""),
            (self.tr("提出日期"), row.raised_on),
            (self.tr("受理日期"), n.accepted_on or ""),
            (self.tr("交办日期"), n.assigned_on or ""),
            (self.tr("期限"), due),
            (self.tr("延期至"), n.extended_to or ""),
            (self.tr("答复日期"), n.answered_on or ""),
            (self.tr("办结日期"), row.closed_on or ""),
        ]

    def _departments(self) -> list[Any]:
        return self.ctx.services.reference.list_departments()

    def _case_link(self, case_id: uuid.UUID | None) -> str:
        if case_id is None:
            return ""
        try:
            case = self.ctx.services.cases.get_case(case_id)
        except FirstBatchError:
            return ""
        return link("case", case_id, f"{case.row.case_no} {case.row.product_name}")

    # -- new, edit, delete ----------------------------------------------------------

    def new_record(self) -> None:
        dialog = NeedDialog(self.ctx, None, None, self)
        if self.ctx.run_dialog(dialog) and isinstance(dialog.result_value, NeedDetail):
            self.data_changed.emit()
            self._after_change(dialog.result_value)

    def edit_record(self, row: NeedRow) -> None:
        try:
            need = self.ctx.services.needs.get_need(row.id)
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        dialog = NeedDialog(self.ctx, None, need, self)
        if self.ctx.run_dialog(dialog) and isinstance(dialog.result_value, NeedDetail):
            self.data_changed.emit()
            self._after_change(dialog.result_value)

    def delete_record(self, row: NeedRow) -> None:
        service = self.ctx.services.needs
        label = f"{row.need_no} {row.title}"
        self.delete_with_undo(
            self.tr("删除问题诉求"),
            self.tr("删除问题诉求“%1”？可用 Ctrl+Z 撤销。").replace("%1", label),
            self.tr("删除问题诉求“%1”").replace("%1", label),
            lambda: service.delete_need(row.id),
            lambda ident=row.id: service.restore_need(ident),
        )
