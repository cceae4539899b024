"""A list's period filter: a choice of recent spans, or two dates of the officer's own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QWidget

from firstbatch_desk.ui.widgets.date_edit import DateEdit

CUSTOM = -1  # the choice "custom dates"


class PeriodFilter:
    """The choice box and the two date fields (shown for custom dates) on ``page``.

    ``choices`` are (days, text); 0 means every date, ``CUSTOM`` the two fields.
    ``changed`` is called whenever the period changes.
    """

    def __init__(
        self,
        page: QWidget,
        names: tuple[str, str, str],
        choices: Sequence[tuple[int, str]],
        changed: Callable[[], None],
    ) -> None:
        self.combo = QComboBox(page)
        self.combo.setObjectName(names[0])
        for days, text in choices:
            self.combo.addItem(text, days)
        today = date.today()
        self.from_edit = self._date_edit(page, names[1], today - timedelta(days=30), changed)
        self.to_edit = self._date_edit(page, names[2], today, changed)
        self.combo.currentIndexChanged.connect(lambda _i: (self.show_range(), changed()))
        self.show_range()

    @staticmethod
    def _date_edit(page: QWidget, name: str, day: date, changed: Callable[[], None]) -> DateEdit:
        edit = DateEdit(day, page)
        edit.setObjectName(name)
        edit.dateChanged.connect(lambda _d: changed())
        return edit

    def widgets(self) -> tuple[QComboBox, DateEdit, DateEdit]:
        return self.combo, self.from_edit, self.to_edit

    def show_range(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)

    def dates(self, *, today_is_a_day: bool) -> tuple[date | None, date | None]:
        """(from, to) of the chosen period; None where it is open.

        With ``today_is_a_day`` "7 days" means today and the six days before it,
        else the seven days before today and today.
        """
        days = self.combo.currentData() or 0
        if days == CUSTOM:
            first, last = sorted((self.from_edit.day(), self.to_edit.day()))
            return first, last
        if days <= 0:
            return None, None
        back = days - 1 if today_is_a_day else days
        return date.today() - timedelta(days=back), None
