"""A search field that waits for a pause in typing before it searches."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from firstbatch_desk.domain.text_search import MAX_TERM


class SearchBox(QLineEdit):
    """Emits ``search_changed`` 250 ms after the last keystroke (at once on Enter)."""

    search_changed = Signal(str)
    DELAY_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMaxLength(MAX_TERM)  # a pasted page is cut here, not sent to the database
        self.setPlaceholderText(self.tr("搜索名称、代码、产品、纪要（Ctrl+F）"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._emit)
        self._last = ""

    def _emit(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)
