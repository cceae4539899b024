"""Undo of deletes: every delete pushes how to restore it; Ctrl+Z pops the last one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class UndoEntry:
    label: str
    restore: Callable[[], object]


class UndoLog(QObject):
    """A short stack of restorable deletes."""

    changed = Signal()
    undone = Signal(str)

    LIMIT = 20

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[UndoEntry] = []

    def push(self, label: str, restore: Callable[[], object]) -> None:
        self._entries = [*self._entries, UndoEntry(label, restore)][-self.LIMIT :]
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self._entries)

    def next_label(self) -> str:
        return self._entries[-1].label if self._entries else ""

    def undo(self) -> str | None:
        """Restore the last delete; returns its label, or None when nothing is left.

        If restoring fails the entry stays, so the officer can try again.
        """
        if not self._entries:
            return None
        entry = self._entries[-1]
        entry.restore()
        self._entries = self._entries[:-1]
        self.changed.emit()
        self.undone.emit(entry.label)
        return entry.label
