"""About: the version and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from firstbatch_desk.ui.widgets.detail_view import esc


class AboutDialog(QDialog):
    def __init__(self, version: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("关于首批次跟踪服务台"))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title = self.tr("首批次跟踪服务台")
        version_label = self.tr("版本")
        purpose = self.tr("为首批次新材料企业的跟踪服务而做：走访、诉求、案卷与报表。")
        data_label = self.tr("数据目录")
        self.text.setText(
            f"<h3>{esc(title)} FirstBatch Desk</h3>"
            f"<p>{esc(version_label)} {esc(version)}</p>"
            f"<p>{esc(purpose)}</p>"
            f"<p>{esc(data_label)}: <code>{esc(data_dir)}</code></p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
