"""The idle lock: after some minutes without a key press or mouse use, the program is covered
until the signed-in account's password is typed again.

Nothing is closed or saved by locking: open forms stay open under the cover with
what was typed, and their drafts go on being kept. An application-wide event
filter restarts a single-shot timer on user input (at most once a second, so
mouse moves cost next to nothing); the cover is an application-modal window over
every window of the program.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.dialogs.login_dialog import message_language, password_edit
from firstbatch_desk.ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from firstbatch_desk.services.accounts import AccountService

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
PANEL_WIDTH = 420
RESTART_EVERY = 1.0  # seconds: input within a second of the last restart changes nothing
COVER_STYLE = """
#lock_screen { background: #1f3a56; }
#lock_panel { background: white; border-radius: 8px; }
"""


class LockScreen(QWidget):
    """The cover: who is signed in, a password field, 解锁, and 退出程序."""

    unlocked = Signal()

    def __init__(
        self, accounts: AccountService, language: str = "zh_CN", owner: QWidget | None = None
    ) -> None:
        super().__init__(
            owner,  # a window of its own, deleted with the window it covers
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.accounts = accounts
        self.language = language
        self._may_close = False
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("已锁定 — 首批次跟踪服务台"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(COVER_STYLE)
        panel = QFrame(self)
        panel.setObjectName("lock_panel")
        panel.setFixedWidth(PANEL_WIDTH)
        actor = accounts.actor
        title = QLabel(self.tr("程序已锁定"), panel)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        who = QLabel(
            self.tr("%1（%2）已离开一段时间。输入密码继续；没有保存的内容都还在。")
            .replace("%1", actor.name)
            .replace("%2", actor.role.label(message_language(language))),
            panel,
        )
        who.setWordWrap(True)
        who.setFixedWidth(PANEL_WIDTH - 48)  # so the wrapped lines get their height
        who.setMinimumHeight(who.heightForWidth(PANEL_WIDTH - 48))
        self.password_edit = password_edit(panel, "unlock_password_edit")
        self.password_edit.returnPressed.connect(self._on_unlock)
        self.message_label = message_label(panel, "unlock_message")
        self.message_label.setFixedWidth(PANEL_WIDTH - 48)
        self.unlock_button = QPushButton(self.tr("解锁"), panel)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock)
        self.quit_button = QPushButton(self.tr("退出程序"), panel)
        self.quit_button.setObjectName("lock_quit_button")
        self.quit_button.clicked.connect(self._on_quit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        column = QVBoxLayout(panel)
        column.setContentsMargins(24, 20, 24, 20)
        for widget in (title, who, self.password_edit, self.message_label):
            column.addWidget(widget)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def cover(self) -> None:
        """Lie over every window of the program, and take the keyboard."""
        area = QRect()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                area = area.united(widget.frameGeometry())
        if area.isEmpty():
            screen = QApplication.primaryScreen()
            area = screen.availableGeometry() if screen is not None else QRect(0, 0, 800, 600)
        self.setGeometry(area)
        self.show()
        self.raise_()
        self.activateWindow()
        self.password_edit.setFocus()

    def _on_unlock(self) -> None:
        try:
            self.accounts.unlock(self.password_edit.text())
        except FirstBatchError as exc:
            self.password_edit.clear()
            self.message_label.setText(exc.message(message_language(self.language)))
            self.message_label.show()
            return
        self.lift()
        self.unlocked.emit()

    def lift(self) -> None:
        self._may_close = True
        self.close()

    def _on_quit(self) -> None:
        """End the program (forms being typed are kept as drafts)."""
        self.lift()
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "main_window":
                widget.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()  # Alt+F4 does not lift the lock


class IdleLock(QObject):
    """Locks after ``timeout_ms`` without user input (never when 0); ``lock_now()`` at once.

    Closing the window it guards ends it (and lifts a cover left on screen).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        parent: QWidget,
        accounts: AccountService,
        timeout_ms: int,
        *,
        language: str = "zh_CN",
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.accounts = accounts
        self.language = language
        self.timeout_ms = max(1, timeout_ms)
        self.automatic = timeout_ms > 0
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("idle_timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.timeout_ms)
        self.timer.timeout.connect(self.lock_now)
        self._restarted = time.monotonic()
        parent.installEventFilter(self)  # to see the window close
        app = QApplication.instance()
        if app is not None and self.automatic:
            app.installEventFilter(self)
            self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            now = time.monotonic()
            if self.screen is None and now - self._restarted >= RESTART_EVERY:
                self._restarted = now
                self.timer.start(self.timeout_ms)
        elif kind == QEvent.Type.Close and watched is self.window:
            self.stop()
        return False

    def lock_now(self) -> None:
        if self.screen is not None:
            return
        if not self.window.isVisible():
            self.stop()  # the window was closed: nothing left to lock
            return
        self.timer.stop()
        self.screen = LockScreen(self.accounts, self.language, self.window)
        self.screen.unlocked.connect(self._on_unlocked)
        self.screen.cover()
        self.locked.emit()

    def stop(self) -> None:
        """No more locking (the window is closing); a cover still shown goes."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.screen is not None:
            self.screen.lift()
            self.screen.deleteLater()
            self.screen = None

    def _on_unlocked(self) -> None:
        if self.screen is not None:
            self.screen.deleteLater()
        self.screen = None
        self._restarted = time.monotonic()
        if self.automatic:
            self.timer.start(self.timeout_ms)
        self.unlocked.emit()
