"""同步冲突: where this laptop and the hub changed the same field, side by side.

Each row is one field of one record: 本机的值 | 总库的值, who changed each, and
which of the two the record holds now (the newer one). 保留本机 / 采用总库
settles it: the chosen value is set on the record as an ordinary change (it
travels with the next sync) and the row leaves the list.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.audit import entity_label
from firstbatch_desk.domain.dtos.sync import ConflictView, field_label
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.field_error import FieldError

RECORD, FIELD, MINE, THEIRS, IN_USE, ACTION = range(6)
IN_USE_COLOUR = "#e3f4e1"  # the background of the value the record holds now
LONGEST = 300  # characters of a value shown in a cell; the whole value is in its tooltip


class ConflictsDialog(QDialog):
    """The open conflicts (and, on request, the settled ones); ``changed`` once one is settled."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.conflicts: list[ConflictView] = []
        self.keep_buttons: list[QPushButton] = []
        self.take_buttons: list[QPushButton] = []
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("同步冲突"))
        intro = QLabel(
            self.tr(
                "本机和总库改了同一处。记录现在用的是较新的值（绿底），另一个值保留在这里。"
                "请逐项选择保留哪一个；选定的值会作为一次修改，下次同步时发到总库。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("记录"),
                self.tr("内容"),
                self.tr("本机的值"),
                self.tr("总库的值"),
                self.tr("现在使用"),
                self.tr("处理"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in ((RECORD, 220), (FIELD, 90), (IN_USE, 80)):
            self.table.setColumnWidth(column, width)
        for column in (MINE, THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("conflicts_count")
        self.settled_check = QCheckBox(self.tr("也显示已处理的"), self)
        self.settled_check.setObjectName("conflicts_settled_check")
        self.settled_check.toggled.connect(lambda _on: self.refresh())
        self.error = FieldError(self)
        self.error.setObjectName("conflicts_error")
        close = QPushButton(self.tr("关闭"), self)
        close.setObjectName("conflicts_close_button")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.settled_check)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(1000, 480)
        self.refresh()

    # -- filling -------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.conflicts = self.ctx.services.sync.conflicts(
                include_settled=self.settled_check.isChecked()
            )
        except FirstBatchError as exc:
            self.error.show_message(exc.message(self.ctx.message_language))
            return
        self.keep_buttons, self.take_buttons = [], []
        self.table.clearContents()
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            self._fill_row(row, conflict)
        self.table.resizeRowsToContents()
        still_open = sum(1 for c in self.conflicts if c.resolved_at is None)
        self.count_label.setText(
            self.tr("未处理的冲突 %1 处").replace("%1", str(still_open))
            if still_open
            else self.tr("没有未处理的冲突。")
        )

    def _fill_row(self, row: int, conflict: ConflictView) -> None:
        lang = self.ctx.message_language
        record = QTableWidgetItem(self._record_text(conflict))
        record.setToolTip(
            self.tr("发现于 %1").replace(
                "%1", conflict.detected_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
        self.table.setItem(row, RECORD, record)
        self.table.setItem(row, FIELD, QTableWidgetItem(field_label(conflict.field, lang)))
        self.table.setItem(
            row, MINE, self._value_item(conflict.mine, conflict.mine_by, conflict.winner == "mine")
        )
        self.table.setItem(
            row,
            THEIRS,
            self._value_item(conflict.theirs, conflict.theirs_by, conflict.winner == "theirs"),
        )
        in_use = self.tr("本机的值") if conflict.winner == "mine" else self.tr("总库的值")
        self.table.setItem(row, IN_USE, QTableWidgetItem(in_use))
        if conflict.resolved_at is None:
            self.table.setCellWidget(row, ACTION, self._buttons(row, conflict.id))
        else:
            settled = (
                self.tr("已保留本机的值")
                if conflict.resolution == "mine"
                else self.tr("已采用总库的值")
            )
            self.table.setItem(row, ACTION, QTableWidgetItem(settled))

    def _record_text(self, conflict: ConflictView) -> str:
        """The record in words; its kind in English too when the window is English."""
        zh = entity_label(conflict.table_name, "zh")
        lang = self.ctx.message_language
        if lang == "en" and conflict.record.startswith(zh + " "):
            return entity_label(conflict.table_name, lang) + conflict.record[len(zh) :]
        return conflict.record

    def _value_item(self, value: Any, by: str, in_use: bool) -> QTableWidgetItem:
        text = self.value_text(value)
        shown = text if len(text) <= LONGEST else text[:LONGEST] + "…"
        if by:
            shown += "\n" + self.tr("（%1 修改）").replace("%1", by)
        item = QTableWidgetItem(shown)
        item.setToolTip(text)
        if in_use:
            item.setBackground(QBrush(QColor(IN_USE_COLOUR)))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return item

    def value_text(self, value: Any) -> str:
        """A stored value as the officer reads it."""
        if value is None or value == "":
            return self.tr("（空）")
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False)

    def _buttons(self, row: int, conflict_id: uuid.UUID) -> QWidget:
        holder = QWidget(self.table)
        keep = QPushButton(self.tr("保留本机"), holder)
        keep.setObjectName(f"keep_mine_{row}")
        keep.clicked.connect(lambda _c=False: self.settle(conflict_id, "mine"))
        take = QPushButton(self.tr("采用总库"), holder)
        take.setObjectName(f"take_theirs_{row}")
        take.clicked.connect(lambda _c=False: self.settle(conflict_id, "theirs"))
        line = QHBoxLayout(holder)
        line.setContentsMargins(4, 2, 4, 2)
        line.addWidget(keep)
        line.addWidget(take)
        self.keep_buttons.append(keep)
        self.take_buttons.append(take)
        return holder

    # -- settling ------------------------------------------------------------------

    def settle(self, conflict_id: uuid.UUID, side: str) -> None:
        """Keep this laptop's value (``"mine"``) or take the hub's (``"theirs"``)."""
        self.error.clear_message()
        try:
            self.ctx.services.sync.resolve(conflict_id, side)
        except FirstBatchError as exc:
            self.error.show_message(exc.message(self.ctx.message_language))
        else:
            self.changed = True
        self.refresh()


def run_conflicts(ctx: PageContext, parent: QWidget | None) -> bool:
    """Show the conflict list; True when a conflict was settled (the lists need a reload)."""
    dialog = ConflictsDialog(ctx, parent)
    ctx.run_dialog(dialog)
    changed = dialog.changed
    dialog.deleteLater()
    return changed
