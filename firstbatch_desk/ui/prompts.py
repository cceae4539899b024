"""The only module that opens message boxes and file dialogs, so tests can replace it.

A ``Prompts`` object is handed to every widget that asks the user something;
tests hand in a scripted subclass instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts:
    """Modal questions and notices."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: list[str]
    ) -> int | None:
        """One of ``options`` (its index; the first is the default), or None for 取消/Esc."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        cancel = box.addButton(
            QCoreApplication.translate("Prompts", "取消"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def error(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("Prompts", "无法完成"), text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def choose_save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_text: str
    ) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
        return Path(path) if path else None

    def choose_open_files(self, parent: QWidget | None, title: str, filter_text: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_text)
        return [Path(p) for p in paths]

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title)
        return Path(path) if path else None

    def print_setup(self, parent: QWidget | None, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted
