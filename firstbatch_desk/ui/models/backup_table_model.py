"""The backups of the restore dialog: one row per file, newest first, with their counts."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.domain.messages import render

Index = QModelIndex | QPersistentModelIndex
REGISTERS = ("enterprises", "recognitions", "cases", "visits", "needs")
UNVERIFIED = QColor("#c0392b")


class BackupColumn(IntEnum):
    TAKEN_AT = 0
    REASON = 1
    SIZE = 2
    ENTERPRISES = 3
    RECOGNITIONS = 4
    CASES = 5
    VISITS = 6
    NEEDS = 7
    STATE = 8


def backup_when(info: BackupInfo) -> str:
    """When a backup was taken, in local time (``2025-05-01 09:00``)."""
    return info.taken_at.strftime("%Y-%m-%d %H:%M")


def backup_counts(info: BackupInfo, lang: str) -> str:
    """The records of the main registers a backup holds, in words."""
    if not all(name in info.live_counts for name in REGISTERS):
        return render("backup.counts_unknown", lang)
    return render("backup.counts", lang, **{name: info.live_counts[name] for name in REGISTERS})


def reason_text(reason: str) -> str:
    """Why a backup was taken, as the officer reads it; an unknown reason as it is."""
    texts = {
        "manual": QCoreApplication.translate("BackupTableModel", "手动备份"),
        "daily": QCoreApplication.translate("BackupTableModel", "每日自动"),
        "on-exit": QCoreApplication.translate("BackupTableModel", "退出时自动"),
        "before-restore": QCoreApplication.translate("BackupTableModel", "恢复前另存"),
        "before-migration": QCoreApplication.translate("BackupTableModel", "升级前另存"),
    }
    return texts.get(reason, reason or "—")


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


class BackupTableModel(QAbstractTableModel):
    """Read-only rows of :class:`BackupInfo`; ``set_rows`` replaces them."""

    def __init__(self, language: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = "en" if language.startswith("en") else "zh"
        self._rows: list[BackupInfo] = []
        self.headers = [
            self.tr("备份时间"),
            self.tr("类型"),
            self.tr("大小"),
            self.tr("企业"),
            self.tr("认定"),
            self.tr("档案"),
            self.tr("走访"),
            self.tr("诉求"),
            self.tr("核对"),
        ]

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.row_at(index.row()) if index.isValid() else None
        if info is None or not 0 <= index.column() < len(self.headers):
            return None
        column = BackupColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.ForegroundRole and column is BackupColumn.STATE:
            return None if info.verified else UNVERIFIED
        numeric = BackupColumn.SIZE <= column < BackupColumn.STATE
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, info: BackupInfo, column: BackupColumn) -> str:
        if column is BackupColumn.TAKEN_AT:
            return backup_when(info)
        if column is BackupColumn.REASON:
            return reason_text(info.reason)
        if column is BackupColumn.SIZE:
            return size_text(info.size)
        if column is BackupColumn.STATE:
            if info.verified:
                return self.tr("核对无误")
            return self.tr("未核对：") + render(info.problem, self.language)
        name = REGISTERS[column - BackupColumn.ENTERPRISES]
        count = info.live_counts.get(name)
        return "—" if count is None else f"{count:,}"
