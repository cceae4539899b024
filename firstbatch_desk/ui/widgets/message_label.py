"""The red line under a dialog's fields where a refusal is explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

MESSAGE_STYLE = "color: #c0392b;"


def message_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, wrapping label in the message colour, showing plain text (messages quote
    what was typed, which must never be read as markup)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(MESSAGE_STYLE)
    label.hide()
    return label
