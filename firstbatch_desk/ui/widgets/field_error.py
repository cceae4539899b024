"""A small red message under a form field, empty when the field is fine."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class FieldError(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #c0392b;")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text``, which is rich text (it may carry a link)."""
        self.setText(text)
        self.setVisible(bool(text))

    def show_plain(self, text: str, extra_html: str = "") -> None:
        """Show a message as plain text (it may quote what was typed: "<b>" stays
        "<b>"), followed by ``extra_html`` (a link)."""
        self.show_message(html.escape(text) + extra_html if text else extra_html)

    def clear_message(self) -> None:
        self.show_message("")
