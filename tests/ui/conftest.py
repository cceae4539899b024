"""UI fixtures: the real main window over real services, with scripted dialogs and prompts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers questions from a script and records every message instead of blocking."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.errors: list[str] = []
        self.open_files: list[Path] = []
        self.choices: list[int | None] = []
        self.questions: list[str] = []
        self.infos: list[str] = []

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return self.answers.pop(0) if self.answers else False

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: list[str]
    ) -> int | None:
        self.questions.append(text)
        return self.choices.pop(0) if self.choices else None

    def error(self, parent: QWidget | None, text: str) -> None:
        self.errors.append(text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append(text)

    save_path: Path | None = None
    folder: Path | None = None
    print_ok: bool = True

    def choose_save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_text: str
    ) -> Path | None:
        return self.save_path

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        return self.folder

    def choose_open_files(self, parent: QWidget | None, title: str, filter_text: str) -> list[Path]:
        return list(self.open_files)

    def print_setup(self, parent: QWidget | None, printer: Any) -> bool:
        return self.print_ok


class DialogDriver:
    """Stands in for ``QDialog.exec``: shows the dialog and lets the test drive it."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.scripts: list[Callable[[Any], None]] = []
        self.seen: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        dialog.show()
        if not self.scripts:
            dialog.reject()
            return False
        self.scripts.pop(0)(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def dialogs(qtbot: QtBot) -> Iterator[DialogDriver]:
    driver = DialogDriver(qtbot)
    yield driver
    for dialog in driver.seen:  # those the program did not delete itself
        if shiboken6.isValid(dialog):
            dialog.close()


@pytest.fixture
def window(
    context: Any, qtbot: QtBot, prompts: ScriptedPrompts, dialogs: DialogDriver
) -> Iterator[MainWindow]:
    main = build_main_window(context, prompts)
    main.ctx.run_dialog = dialogs
    qtbot.addWidget(main)
    main.show()
    yield main
    main.ctx.tasks.wait()  # no background job may outlive the window it reports to
    QApplication.processEvents()
    main.close()
