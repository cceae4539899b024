"""A short list of things to tick, each carrying an id (cases of a visit, its officers)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class CheckList(QListWidget):
    """Checkable rows; ``checked_ids()`` in the order shown."""

    checked_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, height: int = 100) -> None:
        super().__init__(parent)
        self.setMaximumHeight(height)
        self.itemChanged.connect(lambda _item: self.checked_changed.emit())

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        """``items`` are (id, text); the ids in ``checked`` start ticked."""
        wanted = set(checked)
        self.blockSignals(True)
        self.clear()
        for ident, text in items:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if ident in wanted else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)
        self.checked_changed.emit()

    def checked_ids(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.checked_changed.emit()

    def check(self, ident: str, on: bool = True) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == ident:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
