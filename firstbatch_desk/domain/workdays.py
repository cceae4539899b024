"""Working days: weekends off unless adjusted, public holidays off.

The holiday calendar itself is reference data; without one, Monday to
Friday are working days.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Public holidays and adjusted working days (调休) that override weekends."""

    holidays: Set[date] = field(default_factory=frozenset)
    adjusted_workdays: Set[date] = field(default_factory=frozenset)

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
