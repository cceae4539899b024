"""A page whose own issue has not landed yet: it says what it will hold."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from firstbatch_desk.ui.widgets.detail_view import esc


class PlaceholderPage(QWidget):
    def __init__(
        self,
        name: str,
        title: str,
        promises: Sequence[str],
        facts: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_page")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.label)
        self.title = title
        self.promises = list(promises)
        self.show_facts(facts)

    def show_facts(self, facts: Sequence[tuple[str, str]]) -> None:
        items = "".join(f"<li>{esc(p)}</li>" for p in self.promises)
        rows = "".join(
            f"<tr><td style='padding-right:16px'>{esc(k)}</td><td><b>{esc(v)}</b></td></tr>"
            for k, v in facts
        )
        note = self.tr("此页面将提供：")
        self.label.setText(
            f"<h2>{esc(self.title)}</h2>"
            + (f"<table style='margin-bottom:16px'>{rows}</table>" if rows else "")
            + f"<p style='color:#555'>{esc(note)}</p><ul>{items}</ul>"
        )
