"""Needs raised inside a visit form that is not saved yet: listed, added, edited, removed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.ui.dialogs.need_dialog import NeedDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext


class StagedNeedsList(QWidget):
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
        self.list = QListWidget(self)
        self.list.setObjectName("new_needs_list")
        self.list.setMaximumHeight(84)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.raise_button = QPushButton(self.tr("提出诉求…"), self)
        self.raise_button.setObjectName("raise_need_button")
        self.raise_button.clicked.connect(self.raise_need)
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.edit_button.setObjectName("edit_staged_need_button")
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setObjectName("remove_staged_need_button")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.raise_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self._show()

    def needs(self) -> tuple[NeedInput, ...]:
        return tuple(self._needs)

    def set_needs(self, needs: Iterable[NeedInput]) -> None:
        self._needs = list(needs)
        self._show()

    def move_to(self, enterprise_id: uuid.UUID | None) -> None:
        """The visit's enterprise changed: the needs follow it (their cases were the old one's)."""
        if enterprise_id is None or not self._needs:
            return
        self._needs = [replace(n, enterprise_id=enterprise_id, case_id=None) for n in self._needs]
        self._show()
        self.changed.emit()

    def raise_need(self) -> None:
        need = self._ask(None)
        if need is not None:
            self._needs.append(need)
            self._show()
            self.list.setCurrentRow(len(self._needs) - 1)
            self.changed.emit()

    def edit_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._needs):
            return
        need = self._ask(self._needs[row])
        if need is not None:
            self._needs[row] = need
            self._show()
            self.list.setCurrentRow(row)
            self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._needs):
            del self._needs[row]
            self._show()
            self.changed.emit()

    def _ask(self, initial: NeedInput | None) -> NeedInput | None:
        enterprise_id = self._enterprise()
        if enterprise_id is None:
            self.refused.emit(self.tr("请先选择企业，再提出诉求。"))
            return None
        if initial is not None:
            initial = replace(initial, enterprise_id=enterprise_id)
        dialog = NeedDialog(self.ctx, enterprise_id, parent=self, deferred=True, initial=initial)
        dialog.raised_edit.setText(self._raised_on().isoformat())
        dialog.raised_edit.setEnabled(False)
        accepted = self.ctx.run_dialog(dialog)
        need = dialog.result_input() if accepted else None
        dialog.deleteLater()
        return need

    def _show(self) -> None:
        lang = self.ctx.language
        self.list.clear()
        for number, need in enumerate(self._needs, 1):
            self.list.addItem(f"{number}. [{enum_label(need.category, lang)}] {need.title}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = 0 <= self.list.currentRow() < len(self._needs)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
