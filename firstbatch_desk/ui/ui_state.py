"""Remembered window geometry, splitter positions and column widths (an .ini file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter


class UiState:
    """Window state kept in ``config/ui.ini`` beside the settings."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _value(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self._value("window/geometry")
        state = self._value("window/state")
        restored = bool(geometry) and window.restoreGeometry(geometry)
        if state:
            window.restoreState(state)
        return restored

    def save_window(self, window: QMainWindow) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> None:
        state = self._value(f"headers/{name}")
        if state:
            header.restoreState(state)

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._settings.setValue(f"headers/{name}", header.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> None:
        state = self._value(f"splitters/{name}")
        if state:
            splitter.restoreState(state)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._settings.setValue(f"splitters/{name}", splitter.saveState())

    def sync(self) -> None:
        self._settings.sync()
