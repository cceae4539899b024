from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from firstbatch_desk.domain.followup import (
    FollowUpCadence,
    add_months,
    is_due_this_week,
    is_overdue,
    next_due_date,
    week_bounds,
)

RECOGNISED = date(2023, 9, 1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 8, 31), 3, date(2023, 11, 30)),
        (date(2023, 11, 15), 3, date(2024, 2, 15)),
        (date(2023, 12, 31), 12, date(2024, 12, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 5, 10), 0, date(2024, 5, 10)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 1, 1)), st.integers(0, 240))
def test_add_months_properties(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day
    assert moved.day == start.day or (moved + timedelta(days=1)).day == 1


def test_cadence_defaults_and_validation() -> None:
    cadence = FollowUpCadence()
    assert (cadence.first_visit_days, cadence.first_year_interval_months) == (30, 3)
    assert cadence.later_interval_months == 6
    for bad in ({"first_visit_days": 0}, {"later_interval_months": -1}):
        with pytest.raises(ValueError):
            FollowUpCadence(**bad)
    with pytest.raises(ValueError):
        FollowUpCadence(first_year_interval_months=True)
    with pytest.raises(ValueError):
        FollowUpCadence(first_visit_days=1.5)  # type: ignore[arg-type]


def test_never_visited_is_due_thirty_days_after_recognition() -> None:
    assert next_due_date(recognised_on=RECOGNISED, last_visit_on=None) == date(2023, 10, 1)


def test_visit_before_recognition_does_not_count() -> None:
    due = next_due_date(recognised_on=RECOGNISED, last_visit_on=date(2023, 8, 31))
    assert due == date(2023, 10, 1)


def test_quarterly_in_the_first_year() -> None:
    due = next_due_date(recognised_on=RECOGNISED, last_visit_on=date(2023, 9, 1))
    assert due == date(2023, 12, 1)
    due = next_due_date(recognised_on=RECOGNISED, last_visit_on=date(2024, 8, 31))
    assert due == date(2024, 11, 30)


def test_half_yearly_after_the_first_year() -> None:
    due = next_due_date(recognised_on=RECOGNISED, last_visit_on=date(2024, 9, 1))
    assert due == date(2025, 3, 1)


def test_open_need_due_brings_the_date_forward_only() -> None:
    last = date(2024, 9, 1)
    assert next_due_date(
        recognised_on=RECOGNISED, last_visit_on=last, open_need_due=date(2024, 10, 8)
    ) == date(2024, 10, 8)
    assert next_due_date(
        recognised_on=RECOGNISED, last_visit_on=last, open_need_due=date(2025, 6, 1)
    ) == date(2025, 3, 1)


def test_configured_cadence_is_used() -> None:
    cadence = FollowUpCadence(
        first_visit_days=14, first_year_interval_months=2, later_interval_months=12
    )
    kwargs = {"recognised_on": RECOGNISED, "cadence": cadence}
    assert next_due_date(last_visit_on=None, **kwargs) == date(2023, 9, 15)
    assert next_due_date(last_visit_on=date(2023, 10, 31), **kwargs) == date(2023, 12, 31)
    assert next_due_date(last_visit_on=date(2025, 1, 31), **kwargs) == date(2026, 1, 31)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    st.one_of(st.none(), st.integers(0, 3650)),
)
def test_next_due_is_after_the_last_visit(recognised: date, days_after: int | None) -> None:
    last = None if days_after is None else recognised + timedelta(days=days_after)
    due = next_due_date(recognised_on=recognised, last_visit_on=last)
    assert due > (last or recognised)
    assert due <= add_months(last or recognised, 6)


def test_week_bounds_monday_to_sunday() -> None:
    assert week_bounds(date(2024, 10, 2)) == (date(2024, 9, 30), date(2024, 10, 6))
    assert week_bounds(date(2024, 9, 30)) == (date(2024, 9, 30), date(2024, 10, 6))
    assert week_bounds(date(2024, 10, 6)) == (date(2024, 9, 30), date(2024, 10, 6))


def test_overdue_and_due_this_week() -> None:
    wednesday = date(2024, 10, 2)
    assert is_overdue(date(2024, 10, 1), wednesday)
    assert not is_overdue(wednesday, wednesday)
    assert is_due_this_week(wednesday, wednesday)
    assert is_due_this_week(date(2024, 10, 6), wednesday)
    assert not is_due_this_week(date(2024, 10, 7), wednesday)
    assert not is_due_this_week(date(2024, 10, 1), wednesday)  # overdue, not "this week"
