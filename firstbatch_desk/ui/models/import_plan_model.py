"""The import preview: one row per product line, coloured by what committing would do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from firstbatch_desk.domain.dtos.importing import ImportPlan, LineAction, PlannedLine

Index = QModelIndex | QPersistentModelIndex
COLOURS = {
    LineAction.CREATE: QColor("#1e7b34"),
    LineAction.UPDATE: QColor("#1f4e79"),
    LineAction.UNCHANGED: QColor("#777777"),
    LineAction.DECIDE: QColor("#b9770e"),
    LineAction.SKIP: QColor("#777777"),
    LineAction.ERROR: QColor("#c0392b"),
}


class ImportPlanModel(QAbstractTableModel):
    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = "en" if language.startswith("en") else "zh"
        self._lines: list[PlannedLine] = []
        self._all: tuple[PlannedLine, ...] = ()
        self._only: LineAction | None = None
        self.headers = [
            self.tr("行号"),
            self.tr("企业名称"),
            self.tr("产品名称"),
            self.tr("认定档次"),
            self.tr("年度"),
            self.tr("文号"),
            self.tr("处理"),
            self.tr("原因"),
        ]

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._all = plan.lines if plan is not None else ()
        self._filter()
        self.endResetModel()

    def show_only(self, action: LineAction | None) -> None:
        self.beginResetModel()
        self._only = action
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._lines = [
            line for line in self._all if self._only is None or line.action is self._only
        ]

    def line_at(self, row: int) -> PlannedLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, key: str) -> int:
        for row, line in enumerate(self._lines):
            if line.key == key:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6:
            return COLOURS[line.action]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(line.reasons)
        return None

    def _text(self, line: PlannedLine, column: int) -> str:
        values = (
            str(line.row_number),
            line.enterprise_name,
            line.product_name,
            line.tier_text,
            str(line.year or ""),
            line.document_no,
            line.action.label(self.language),
            " ".join(line.reasons),
        )
        return values[column] if 0 <= column < len(values) else ""
