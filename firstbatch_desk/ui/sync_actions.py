"""The window's sync entries (文件 → 同步…, 同步冲突…) and the open-conflict count.

The count sits in the status bar as a flat button, like the drafts notice, and
opens the conflict list; it is counted off the GUI thread when the data is
attached and after each sync or settled conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from firstbatch_desk.domain.dtos.sync import SyncStatus
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.page_context import PageContext

SHORTCUT = "Ctrl+Shift+Y"


class SyncActions(QObject):
    """同步… and 同步冲突… for ``window``; ``data_changed`` is called when data may have changed."""

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        settings_file: Path,
        data_changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.settings_file = settings_file
        self.data_changed = data_changed
        self.ctx: PageContext | None = None
        self.sync_action = self._action(self.tr("同步(&Y)…"), self.open_sync)
        self.sync_action.setShortcut(QKeySequence(SHORTCUT))
        self.conflicts_action = self._action(self.tr("同步冲突(&C)…"), self.open_conflicts)
        for action in self.actions():
            action.setEnabled(False)  # until the data is attached
        self.conflicts_button = QPushButton(window)
        self.conflicts_button.setObjectName("sync_conflicts_notice")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        window.statusBar().addPermanentWidget(self.conflicts_button)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.sync_action, self.conflicts_action]

    def attach(self, ctx: PageContext) -> None:
        self.ctx = ctx
        for action in self.actions():
            action.setEnabled(True)
        self.update_count()

    def update_count(self) -> None:
        """Count the open conflicts in the background; the status bar shows them."""
        if self.ctx is not None:
            self.ctx.tasks.run(self.ctx.services.sync.status, self.show_status)

    def show_status(self, status: SyncStatus) -> None:
        count = status.open_conflicts
        self.conflicts_button.setText(self.tr("%1 处同步冲突").replace("%1", str(count)))
        self.conflicts_button.setToolTip(self.tr("本机和总库改了同一处，请选择保留哪个值"))
        self.conflicts_button.setVisible(count > 0)

    def open_sync(self) -> None:
        from firstbatch_desk.ui.dialogs.sync_dialog import run_sync

        if self.ctx is None:
            return
        if run_sync(self.ctx, self.settings, self.settings_file, self.window):
            self.data_changed()
        self.update_count()

    def open_conflicts(self) -> None:
        from firstbatch_desk.ui.dialogs.conflicts_dialog import run_conflicts

        if self.ctx is None:
            return
        if run_conflicts(self.ctx, self.window):
            self.data_changed()
        self.update_count()
