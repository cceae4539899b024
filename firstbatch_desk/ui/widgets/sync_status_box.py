"""本机的同步情况: the hub this laptop is registered with, the last sync, what waits, conflicts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from firstbatch_desk.domain.dtos.sync import SyncStatus


class SyncStatusBox(QGroupBox):
    """Shows a :class:`SyncStatus`; ``conflicts_button`` (查看冲突…) is for the owner to connect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本机的同步情况"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.status: SyncStatus | None = None
        self.hub_label = QLabel(self)
        self.hub_label.setObjectName("sync_hub_label")
        self.last_label = QLabel(self)
        self.last_label.setObjectName("sync_last_label")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("sync_pending_label")
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("sync_conflicts_label")
        self.conflicts_button = QPushButton(self.tr("查看冲突…"), self)
        self.conflicts_button.setObjectName("sync_conflicts_button")
        self.conflicts_button.setEnabled(False)
        conflicts_row = QHBoxLayout()
        conflicts_row.addWidget(self.conflicts_label, 1)
        conflicts_row.addWidget(self.conflicts_button)
        form = QFormLayout(self)
        form.addRow(self.tr("总库编号"), self.hub_label)
        form.addRow(self.tr("上次同步"), self.last_label)
        form.addRow(self.tr("待上传"), self.pending_label)
        form.addRow(self.tr("未处理的冲突"), conflicts_row)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.hub_label.setText(status.hub_id or self.tr("（未登记，第一次同步时登记）"))
        self.last_label.setText(local_time(status.last_sync) or self.tr("从未同步"))
        self.pending_label.setText(self.tr("%1 条").replace("%1", f"{status.pending:,}"))
        self.conflicts_label.setText(self.tr("%1 处").replace("%1", str(status.open_conflicts)))
        self.conflicts_button.setEnabled(status.open_conflicts > 0)

    def set_busy(self, busy: bool) -> None:
        """查看冲突… waits while a sync or bundle runs."""
        open_conflicts = self.status is not None and self.status.open_conflicts > 0
        self.conflicts_button.setEnabled(open_conflicts and not busy)


def local_time(iso: str) -> str:
    """An ISO time stamp as local “2026-03-01 14:05”; "" for none."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16].replace("T", " ")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
