"""Follow-up cadence: when a case is next due for a visit.

Assumed defaults (DOMAIN.md), changeable in settings: a newly recognised
product is visited within 30 days, then quarterly in its first year and
half-yearly after; a case with an open need is due at the need's due date at
the latest.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class FollowUpCadence:
    """How often recognised products are visited."""

    first_visit_days: int = 30
    first_year_interval_months: int = 3
    later_interval_months: int = 6

    def __post_init__(self) -> None:
        for name in ("first_visit_days", "first_year_interval_months", "later_interval_months"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"{name} must be a positive whole number, got {value!r}")


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, the day clamped to the month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def next_due_date(
    *,
    recognised_on: date,
    last_visit_on: date | None,
    open_need_due: date | None = None,
    cadence: FollowUpCadence | None = None,
) -> date:
    """The date by which a case should next be visited.

    A visit before the recognition does not count. Within the first year
    after recognition visits follow the first-year interval, later ones the
    later interval; an open need's due date brings the date forward.
    """
    cadence = cadence or FollowUpCadence()
    if last_visit_on is None or last_visit_on < recognised_on:
        due = recognised_on + timedelta(days=cadence.first_visit_days)
    elif last_visit_on < add_months(recognised_on, 12):
        due = add_months(last_visit_on, cadence.first_year_interval_months)
    else:
        due = add_months(last_visit_on, cadence.later_interval_months)
    if open_need_due is not None and open_need_due < due:
        return open_need_due
    return due


def week_bounds(today: date) -> tuple[date, date]:
    """Monday and Sunday of the week that holds ``today``."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def is_overdue(due: date, today: date) -> bool:
    """Whether ``due`` has passed (the due day itself is not overdue)."""
    return due < today


def is_due_this_week(due: date, today: date) -> bool:
    """Whether ``due`` falls between today and this week's Sunday, inclusive."""
    return today <= due <= week_bounds(today)[1]
