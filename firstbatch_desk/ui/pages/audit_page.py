"""审计记录: every change (who, when, what, before and after), the chain check and the export."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from firstbatch_desk.domain.dtos.audit import (
    AuditAction,
    AuditEntryRow,
    AuditFilter,
    AuditVerdict,
    FieldChange,
    entity_label,
)
from firstbatch_desk.domain.errors import FirstBatchError, PermissionDeniedError
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.progress_job import JobProgress, run_with_progress
from firstbatch_desk.ui.widgets.detail_view import Html, esc, facts, heading, muted
from firstbatch_desk.ui.widgets.period_filter import CUSTOM, PeriodFilter

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
VALUE_LIMIT = 2_000  # characters of one value shown in the detail
OK_STYLE = "color: #1e8449;"
BROKEN_STYLE = "color: #c0392b; font-weight: bold;"


class AuditPage(ListPage):
    """The audit list: read only, newest first; 校验 checks the hash chain."""

    page_name = "audit"
    default_sort = (0, Qt.SortOrder.DescendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        self.refusal: PermissionDeniedError | None = None
        try:  # an officer may not read the trail: the page then says so and lists nothing
            ctx.services.audit.check_access()
        except PermissionDeniedError as exc:
            self.refusal = exc
        super().__init__(ctx, parent)
        self.search_box.setPlaceholderText(self.tr("搜索修改前后的值、记录编号、操作人（Ctrl+F）"))
        self.verify_button = self.add_action_button("verify", self.tr("校验"), self.verify)
        self.verify_button.setToolTip(self.tr("逐条重算哈希链，检查审计记录是否被改动或删除"))
        self.export_button = self.add_action_button("export", self.tr("导出…"), self.export)
        self.export_button.setToolTip(self.tr("按当前的筛选导出为 Excel（含哈希，可复核）"))
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("audit_verdict")
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = self.layout().itemAt(1).layout()
        row.insertWidget(row.count() - 1, self.verdict_label)
        self.last_verdict: AuditVerdict | None = None
        if self.refusal is not None:
            for widget in (self.verify_button, self.export_button, self.search_box):
                widget.setEnabled(False)
            self.verdict_label.setText(self.refusal.message(ctx.message_language))
            self.verdict_label.setStyleSheet(BROKEN_STYLE)

    def columns(self) -> list[Column]:
        lang = self.ctx.language
        return [
            Column(self.tr("编号"), lambda r: r.seq, "seq", align=RIGHT, width=70),
            Column(self.tr("时间"), lambda r: _local(r.at), "at", width=140),
            Column(self.tr("操作人"), lambda r: r.actor, "actor", width=90),
            Column(self.tr("操作"), lambda r: r.action, "action", width=60),
            Column(self.tr("对象"), lambda r: entity_label(r.entity, lang), "entity", width=100),
            Column(self.tr("记录编号"), lambda r: r.entity_id, "entity_id", width=250),
            Column(self.tr("改动的字段"), lambda r: r.changed_fields(), "", width=300),
        ]

    def build_filters(self, bar: QHBoxLayout) -> None:
        lang = self.ctx.language
        self.entity_filter = QComboBox(self)
        self.entity_filter.setObjectName("audit_entity_filter")
        self.entity_filter.addItem(self.tr("全部对象"), None)
        for entity in self.ctx.services.audit.entities():
            self.entity_filter.addItem(entity_label(entity, lang), entity)
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("audit_action_filter")
        self.action_filter.addItem(self.tr("全部操作"), None)
        for action in AuditAction:
            self.action_filter.addItem(enum_label(action, lang), action.value)
        self.actor_filter = QLineEdit(self)
        self.actor_filter.setObjectName("audit_actor_filter")
        self.actor_filter.setPlaceholderText(self.tr("操作人"))
        self.actor_filter.setClearButtonEnabled(True)
        self.actor_filter.setMaximumWidth(120)
        self.actor_filter.editingFinished.connect(self.reload)
        self.period = PeriodFilter(
            self,
            ("audit_period_filter", "audit_date_from", "audit_date_to"),
            (
                (0, self.tr("全部日期")),
                (1, self.tr("今天")),
                (7, self.tr("近 7 天")),
                (30, self.tr("近 30 天")),
                (CUSTOM, self.tr("自定义日期…")),
            ),
            self.reload,
        )
        self.period_filter, self.from_edit, self.to_edit = self.period.widgets()
        for combo in (self.entity_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            bar.addWidget(combo)
        bar.addWidget(self.actor_filter)
        for widget in self.period.widgets():
            bar.addWidget(widget)

    def current_filter(self) -> AuditFilter:
        date_from, date_to = self.period.dates(today_is_a_day=True)
        action = self.action_filter.currentData()
        return AuditFilter(
            search=self.search_text(),
            entity=self.entity_filter.currentData(),
            actor=self.actor_filter.text().strip(),
            action=AuditAction(action) if action else None,
            date_from=date_from,
            date_to=date_to,
        )

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        if not hasattr(self, "to_edit") or self.refusal is not None:
            return ()
        return self.ctx.services.audit.entry_keys(self.current_filter(), order, limit)

    def fetch_rows(self, keys: Any) -> list[Any]:
        return self.ctx.services.audit.entry_rows(keys)

    # -- the detail: before and after side by side ----------------------------------

    def detail_html(self, row: AuditEntryRow) -> str:
        lang = self.ctx.language
        summary = facts(
            [
                (self.tr("编号"), row.seq),
                (self.tr("时间"), _local(row.at)),
                (self.tr("操作人"), row.actor),
                (self.tr("操作"), enum_label(row.action, lang)),
                (self.tr("对象"), f"{entity_label(row.entity, lang)}（{row.entity}）"),
                (self.tr("记录编号"), row.entity_id),
                (self.tr("哈希"), Html(f"<code>{esc(row.hash)}</code>")),
                (self.tr("前一条哈希"), Html(f"<code>{esc(row.prev_hash)}</code>")),
            ]
        )
        title = self.tr("审计记录")
        return f"<h2>{esc(title)} #{row.seq}</h2>{summary}" + self._changes(row)

    def _changes(self, row: AuditEntryRow) -> str:
        changes = row.changes()
        if not changes:
            return muted(self.tr("没有记下字段的值。"))
        labels = (self.tr("字段"), self.tr("修改前"), self.tr("修改后"))
        head = "<tr>" + "".join(f"<th>{esc(label)}</th>" for label in labels) + "</tr>"
        body = "".join(_change_row(change) for change in changes)
        return heading(self.tr("修改前后")) + f'<table width="100%">{head}{body}</table>'

    # -- the chain check and the export ---------------------------------------------

    def verify(self) -> None:
        """Check the whole chain off the GUI thread, then show the verdict."""
        service = self.ctx.services.audit

        def work(job: JobProgress) -> AuditVerdict:
            return service.verify(progress=job.report, cancelled=job.cancelled)

        def failed(error: BaseException) -> None:
            self.verify_button.setEnabled(True)
            if not isinstance(error, FirstBatchError):
                raise error
            if error.code != "audit.cancelled":
                self.show_error(error)

        self.verify_button.setEnabled(False)
        text = self.tr("正在校验审计记录……")
        run_with_progress(self.ctx.tasks, self, text, work, self._show_verdict, failed)

    def _show_verdict(self, verdict: AuditVerdict) -> None:
        self.verify_button.setEnabled(True)
        self.last_verdict = verdict
        text = verdict.message(self.ctx.message_language)
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(OK_STYLE if verdict.ok else BROKEN_STYLE)
        if verdict.ok:
            self.verdict_label.setToolTip(self.tr("最后一条的哈希：") + verdict.head_hash)
            self.ctx.prompts.info(self, self.tr("审计记录校验"), text)
            return
        self.verdict_label.setToolTip(text)
        self.ctx.prompts.error(self, text)
        if verdict.broken_seq is not None:
            self.select_key(f"{verdict.broken_seq:032x}")

    def export_names(self) -> tuple[str, str]:
        return self.tr("导出审计记录"), self.tr("审计记录")

    def export_done_text(self) -> str:
        return self.tr("已导出 %1 条审计记录到 %2")

    def export_writer(self, path: Path) -> Callable[[JobProgress], int]:
        filters, service = self.current_filter(), self.ctx.services.audit
        return lambda job: service.export(
            path, filters, progress=job.report, cancelled=job.cancelled
        )


def _local(at: Any) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _change_row(change: FieldChange) -> str:
    before = _value(change.before) if change.in_before else ""
    after = _value(change.after) if change.in_after else ""
    style = ' style="background: #fdebd0;"' if change.in_before and change.in_after else ""
    return (
        f"<tr{style}><th>{esc(change.name)}</th>"
        f'<td width="45%">{before}</td><td width="45%">{after}</td></tr>'
    )


def _value(value: Any) -> str:
    if value is None:
        return '<span class="muted">null</span>'
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > VALUE_LIMIT:
        text = text[:VALUE_LIMIT] + "…"
    return esc(text).replace("\n", "<br>")
