"""Automatic backups from the program window: once a day while it runs, and on exit.

When a backup is due is decided by :mod:`firstbatch_desk.services.auto_backup`
(a daily backup when today has none yet; an exit backup unless today has one
and nothing changed since). The daily check runs on a timer, every hour by
default, and the backup itself off the GUI thread; a failure is shown in the
status bar in words and never interrupts the officer. The exit backup runs
after the window has closed: it is never asked about, and a failure is logged
in words and does not hold up the exit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.domain.messages import render
from firstbatch_desk.services.auto_backup import DAILY, ON_EXIT, take_automatic_backup

if TYPE_CHECKING:
    from firstbatch_desk.domain.dtos.backups import BackupInfo
    from firstbatch_desk.paths import AppPaths
    from firstbatch_desk.ui.main_window import MainWindow
    from firstbatch_desk.ui.tasks import TaskRunner

HOUR_MS = 60 * 60 * 1000
log = logging.getLogger(__name__)


def problem_text(error: BaseException, lang: str) -> str:
    """Why an automatic backup was not completed, in the officer's language."""
    detail = error.message(lang) if isinstance(error, FirstBatchError) else str(error)
    return render("backup.auto_failed", lang, detail=detail or type(error).__name__)


def back_up_on_exit(paths: AppPaths, language: str = "zh_CN") -> BackupInfo | None:
    """The exit backup, when due; None when none was taken. Never raises.

    A failure is logged (in words, in the officer's language) and the program
    goes on closing: the database itself is never changed by a backup.
    """
    lang = "en" if language.startswith("en") else "zh"
    try:
        return take_automatic_backup(paths, ON_EXIT)
    except Exception as exc:  # nothing may stop the program from closing
        log.warning("%s", problem_text(exc, lang))
        return None


class AutoBackup(QObject):
    """Checks every ``interval_ms`` whether today's backup exists, and takes it if not."""

    backed_up = Signal(object)  # the BackupInfo taken, or None when none was due
    failed = Signal(str)  # why not, in words

    def __init__(
        self,
        window: MainWindow,
        paths: AppPaths,
        tasks: TaskRunner,
        language: str = "zh_CN",
        interval_ms: int = HOUR_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.tasks = tasks
        self.lang = "en" if language.startswith("en") else "zh"
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setObjectName("auto_backup_timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self) -> bool:
        """Start the check (and the backup, when due) off the GUI thread; False if one runs."""
        if self.busy:
            return False
        self.busy = True
        paths = self.paths
        self.tasks.run(lambda: take_automatic_backup(paths, DAILY), self._done, self._failed)
        return True

    def _done(self, info: BackupInfo | None) -> None:
        self.busy = False
        if info is not None:
            self.window.statusBar().showMessage(
                self.tr("已自动备份：%1").replace("%1", info.path.name), 10_000
            )
        self.backed_up.emit(info)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        text = problem_text(error, self.lang)
        self.window.show_notice(self.tr("自动备份没有完成"), text)
        self.failed.emit(text)
