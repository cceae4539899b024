"""Working days: weekends off unless adjusted, public holidays off.

The holiday calendar itself is reference data (see
:mod:`firstbatch_desk.domain.holiday_calendar`); without one, Monday to
Friday are working days.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Public holidays and adjusted working days (调休) that override weekends.

    ``names`` gives, for a listed day, the holiday it belongs to (for a day off)
    or whose arrangement makes it a working day (for an adjusted working day).
    ``years`` are the years the holiday data covers; ``provisional_years`` those
    of them whose official arrangement has not been entered yet.
    """

    holidays: Set[date] = field(default_factory=frozenset)
    adjusted_workdays: Set[date] = field(default_factory=frozenset)
    names: Mapping[date, str] = field(default_factory=dict, compare=False)
    years: Set[int] = field(default_factory=frozenset)
    provisional_years: Set[int] = field(default_factory=frozenset)

    def is_working_day(self, day: date) -> bool:
        if day in self.adjusted_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        remaining = days
        while remaining:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_before(self, end: date, days: int) -> date:
        """The working day ``days`` working days before ``end`` (``end`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = end
        remaining = days
        while remaining:
            current -= timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def holiday_name(self, day: date) -> str | None:
        """The public holiday ``day`` is a day off for (e.g. "春节"), or None."""
        return self.names.get(day) if day in self.holidays else None

    def adjusted_for(self, day: date) -> str | None:
        """The holiday whose arrangement makes ``day`` (a weekend day) a working day."""
        return self.names.get(day) if day in self.adjusted_workdays else None

    def covers(self, day: date) -> bool:
        """Whether the holiday data includes ``day``'s year (beyond it: Monday to Friday)."""
        return day.year in self.years

    def is_provisional(self, day: date) -> bool:
        """Whether ``day``'s year has only statutory holidays, not the official arrangement."""
        return day.year in self.provisional_years
