"""A date field with a calendar popup where Tab leaves the field (not its next section)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

EARLIEST = QDate(1949, 10, 1)
LATEST = QDate(2100, 12, 31)


class DateEdit(QDateEdit):
    """yyyy-MM-dd; days are typed or picked, and the arrow keys move between year/month/day."""

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day or date.today()), parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setDateRange(EARLIEST, LATEST)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def day(self) -> date:
        return self.date().toPython()
