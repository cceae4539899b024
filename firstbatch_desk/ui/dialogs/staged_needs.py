"""Needs raised inside a form that is not saved yet: listed, added, taken back."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.ui.dialogs.need_dialog import NeedDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext


class StagedNeeds(QWidget):
    """``enterprise`` says whose needs they are; None makes 提出诉求 say to choose one."""

    changed = Signal()
    refused = Signal(str)  # why a need cannot be raised yet

    def __init__(
        self,
        ctx: PageContext,
        enterprise: Callable[[], uuid.UUID | None],
        raised_on: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        """``raised_on`` is the visit's date: a need raised in a visit is raised that day."""
        super().__init__(parent)
        self.ctx = ctx
        self._enterprise = enterprise
        self._raised_on = raised_on
        self._needs: list[NeedInput] = []
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("new_needs_list")
        self.list.setReadOnly(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(80)
        self.raise_button = QPushButton(self.tr("提出诉求…"), self)
        self.raise_button.setObjectName("raise_need_button")
        self.raise_button.clicked.connect(self.raise_need)
        self.drop_button = QPushButton(self.tr("撤回最后一条"), self)
        self.drop_button.setObjectName("drop_need_button")
        self.drop_button.clicked.connect(self.drop_last)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(self.raise_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.drop_button, 0, Qt.AlignmentFlag.AlignTop)
        self._show()

    def needs(self) -> tuple[NeedInput, ...]:
        return tuple(self._needs)

    def set_needs(self, needs: Iterable[NeedInput]) -> None:
        self._needs = list(needs)
        self._show()

    def raise_need(self) -> None:
        enterprise_id = self._enterprise()
        if enterprise_id is None:
            self.refused.emit(self.tr("请先选择企业，再提出诉求。"))
            return
        dialog = NeedDialog(self.ctx, enterprise_id, parent=self, deferred=True)
        dialog.raised_edit.setText(self._raised_on().isoformat())
        dialog.raised_edit.setEnabled(False)
        if self.ctx.run_dialog(dialog):
            need = dialog.result_input()
            if need is not None:
                self._needs.append(need)
                self._show()
                self.changed.emit()

    def drop_last(self) -> None:
        if self._needs:
            self._needs.pop()
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        lang = self.ctx.language
        self.list.setPlainText(
            "\n".join(
                f"{i}. [{enum_label(n.category, lang)}] {n.title}"
                for i, n in enumerate(self._needs, 1)
            )
        )
        self.drop_button.setEnabled(bool(self._needs))
