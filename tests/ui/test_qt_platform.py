"""Platform facts that bite (DESIGN.md): void Qt calls must not leak None."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_drop_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for index in range(10_000):
        label.setText(f"第 {index} 次")  # returns None: the 6.12.0/3.11 leak path
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references"
