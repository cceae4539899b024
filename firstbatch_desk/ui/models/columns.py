"""Column definitions for list models: header, cell text, sort key, alignment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from firstbatch_desk.ui.i18n import enum_label


@dataclass(frozen=True)
class Column:
    """One column: ``value`` gives the cell from a row DTO; ``sort_key`` names the SQL sort."""

    header: str
    value: Callable[[Any], Any]
    sort_key: str = ""
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width: int = 120


def cell_text(value: Any, language: str) -> str:
    """How a value shows in a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if hasattr(value, "label"):
        return enum_label(value, language)
    return str(value)
