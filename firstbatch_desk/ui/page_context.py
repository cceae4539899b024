"""What every page and dialog is given: services, prompts, undo, language, saved state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from firstbatch_desk.services import Services
from firstbatch_desk.ui.prompts import Prompts
from firstbatch_desk.ui.tasks import TaskRunner
from firstbatch_desk.ui.ui_state import UiState
from firstbatch_desk.ui.undo import UndoLog


@dataclass
class PageContext:
    services: Services
    prompts: Prompts
    undo: UndoLog
    ui_state: UiState
    language: str = "zh_CN"
    run_dialog: Callable[[QDialog], bool] = field(default=lambda dialog: bool(dialog.exec()))
    tasks: TaskRunner = field(default_factory=TaskRunner)
    # Called when forms may have left or dropped drafts (the window shows how many are kept).
    drafts_changed: Callable[[], None] = field(default=lambda: None)
    # Opens a file with the system's viewer; tests replace it.
    open_file: Callable[[Path], bool] = field(
        default=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    )

    @property
    def message_language(self) -> str:
        return "en" if self.language.startswith("en") else "zh"
