"""The enterprise's people at a visit: name and title, one per row."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.followup import AttendeeInput


class _CommitAsTyped(QStyledItemDelegate):
    """Cells hand their text to the table at every keystroke, so a save (Ctrl+S) or a
    draft taken while a cell is still open has what was typed in it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t, e=editor: self.commitData.emit(e))
        return editor


class AttendeeTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("attendees_table")
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("职务")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        # Typing starts editing a cell; Tab leaves the table (inside an open cell it moves on).
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.table.setMaximumHeight(120)
        self.table.setItemDelegate(_CommitAsTyped(self.table))
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("添加一行"), self)
        self.add_button.setObjectName("add_attendee_button")
        self.add_button.clicked.connect(lambda: self._add_row("", ""))
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.setObjectName("remove_attendee_button")
        self.remove_button.clicked.connect(self._remove_rows)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_attendees(())

    def attendees(self) -> tuple[AttendeeInput, ...]:
        people = []
        for row in range(self.table.rowCount()):
            name, title = (self._text(row, col) for col in (0, 1))
            if name or title:
                people.append(AttendeeInput(name=name, title=title))
        return tuple(people)

    def set_attendees(self, people: Iterable[AttendeeInput]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for person in people:
            self._add_row(person.name, person.title)
        while self.table.rowCount() < 2:
            self._add_row("", "")
        self.table.blockSignals(False)

    def _add_row(self, name: str, title: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(title))

    def _remove_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
