"""Long work off the GUI thread with a progress dialog and a cancel button.

The worker reports through a :class:`JobProgress` (plain numbers and a flag, read
by a timer on the GUI thread); widgets are touched only on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from firstbatch_desk.ui.tasks import TaskRunner

POLL_MS = 100


class JobProgress:
    """What a worker says about its progress, and whether it should stop."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancel_requested = False

    def report(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancelled(self) -> bool:
        return self.cancel_requested


def run_with_progress(
    tasks: TaskRunner,
    parent: QWidget,
    text: str,
    work: Callable[[JobProgress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run ``work`` on a worker thread, showing ``text`` with progress and 取消."""
    progress = JobProgress()
    dialog = QProgressDialog(parent)
    dialog.setObjectName("job_progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setLabelText(text)
    dialog.setCancelButtonText(QCoreApplication.translate("ProgressJob", "取消"))
    dialog.setRange(0, 0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    timer = QTimer(dialog)
    timer.setInterval(POLL_MS)

    def show_progress() -> None:
        if progress.total:
            dialog.setRange(0, progress.total)
            dialog.setValue(min(progress.done, progress.total))

    def cancel() -> None:
        progress.cancel_requested = True
        dialog.setLabelText(QCoreApplication.translate("ProgressJob", "正在取消……"))

    def finish() -> bool:
        """Put the dialog away; False when its window is gone (the result has nowhere to go)."""
        if not shiboken6.isValid(dialog):
            return False
        timer.stop()
        dialog.canceled.disconnect(cancel)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
        return True

    def done(result: Any) -> None:
        if finish():
            on_done(result)

    def failed(error: BaseException) -> None:
        if finish():
            on_error(error)

    timer.timeout.connect(show_progress)
    dialog.canceled.connect(cancel)
    timer.start()
    dialog.show()
    tasks.run(lambda: work(progress), done, failed)
    return dialog
