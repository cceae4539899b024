"""The rotation rule (7 daily, 4 weekly, 12 monthly, pinned copies) and backup file names."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from firstbatch_desk.domain.backup_rotation import (
    BEFORE_MIGRATION,
    backup_name,
    backups_to_keep,
    check_reason,
    parse_backup_name,
)
from firstbatch_desk.domain.errors import ValidationError

CST = timezone(timedelta(hours=8))  # the officers' clock


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), CST)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


def simulated_backups(day: date) -> list[datetime]:
    """A start-up backup every day; on weekdays a lunch-time and an exit backup too."""
    moments = [at(day, 8, 30)]
    if day.weekday() < 5:
        moments += [at(day, 12, 5), at(day, 18, 40)]
    return moments


def newest_on(day: date) -> datetime:
    return max(simulated_backups(day))


# The kept set after 400 days of use ending on Wednesday 2024-12-04, worked out by hand:
EXPECTED_DAILY = days(date(2024, 11, 28), date(2024, 12, 4))
# ISO week 49 (Dec 2-8) and week 48 (Nov 25 - Dec 1) have their newest backup among the
# dailies; the next four weeks are represented by their Sundays.
EXPECTED_WEEKLY = [date(2024, 11, 24), date(2024, 11, 17), date(2024, 11, 10), date(2024, 11, 3)]
# December and November 2024 have their newest backup among the dailies; then the last
# day of each month back to November 2023, across the year end and through a leap February.
EXPECTED_MONTHLY = [
    date(2024, 10, 31),
    date(2024, 9, 30),
    date(2024, 8, 31),
    date(2024, 7, 31),
    date(2024, 6, 30),
    date(2024, 5, 31),
    date(2024, 4, 30),
    date(2024, 3, 31),
    date(2024, 2, 29),
    date(2024, 1, 31),
    date(2023, 12, 31),
    date(2023, 11, 30),
]


def test_four_hundred_days_of_rotating_after_every_backup_keep_exactly_the_rule() -> None:
    first, last = date(2023, 11, 1), date(2024, 12, 4)
    assert len(days(first, last)) == 400
    kept: set[datetime] = set()
    everything: list[datetime] = []
    for day in days(first, last):
        for moment in simulated_backups(day):
            kept.add(moment)
            everything.append(moment)
            kept = backups_to_keep(sorted(kept), moment)

    expected = {newest_on(d) for d in EXPECTED_DAILY + EXPECTED_WEEKLY + EXPECTED_MONTHLY}
    assert kept == expected
    assert len(kept) == 7 + 4 + 12
    # Rotating once at the end keeps the same backups as rotating after each one.
    assert backups_to_keep(everything, everything[-1]) == expected


def test_several_backups_a_day_keep_the_newest_of_each_day() -> None:
    taken = [at(date(2025, 3, d), h) for d in range(1, 11) for h in (8, 12, 17)]
    kept = backups_to_keep(taken, taken[-1], weekly=0, monthly=0)
    assert kept == {at(date(2025, 3, d), 17) for d in range(4, 11)}


def test_days_without_a_backup_do_not_use_up_daily_places() -> None:
    working_days = [d for d in days(date(2025, 4, 1), date(2025, 4, 30)) if d.weekday() < 5]
    taken = [at(d) for d in working_days]
    kept = backups_to_keep(taken, taken[-1], weekly=0, monthly=0)
    assert sorted(kept) == [at(d) for d in working_days[-7:]]  # seven backups over nine days


def test_weeks_are_iso_weeks_across_the_year_end() -> None:
    # 2024-12-30 (Mon) starts ISO week 1 of 2025; 2024-12-29 (Sun) ends week 52 of 2024.
    taken = [at(date(2024, 12, 28)), at(date(2024, 12, 29)), at(date(2024, 12, 30))]
    taken += [at(date(2025, 1, 2))]
    kept = backups_to_keep(taken, taken[-1], daily=0, weekly=2, monthly=0)
    assert kept == {at(date(2025, 1, 2)), at(date(2024, 12, 29))}

    # 2020 had 53 ISO weeks: Thu 2020-12-31 and Sun 2021-01-03 are both in week 53.
    taken = [at(date(2020, 12, 30)), at(date(2020, 12, 31)), at(date(2021, 1, 3))]
    taken += [at(date(2021, 1, 4))]
    kept = backups_to_keep(taken, taken[-1], daily=0, weekly=3, monthly=0)
    assert kept == {at(date(2021, 1, 4)), at(date(2021, 1, 3))}


def test_months_across_the_year_end() -> None:
    taken = [at(date(2024, 11, 30)), at(date(2024, 12, 1)), at(date(2024, 12, 31), 23, 59)]
    taken += [at(date(2025, 1, 1), 0, 1), at(date(2025, 1, 15))]
    kept = backups_to_keep(taken, taken[-1], daily=0, weekly=0, monthly=3)
    assert kept == {at(date(2025, 1, 15)), at(date(2024, 12, 31), 23, 59), at(date(2024, 11, 30))}


def test_the_newest_backup_is_always_kept() -> None:
    taken = [at(date(2025, 5, d)) for d in (1, 2, 3)]
    assert backups_to_keep(taken, taken[-1], daily=0, weekly=0, monthly=0) == {taken[-1]}
    assert backups_to_keep([], at(date(2025, 5, 3))) == set()


def test_copies_before_a_migration_or_restore_are_kept_for_thirty_days() -> None:
    daily = [at(d, 18) for d in days(date(2025, 1, 1), date(2025, 3, 31))]
    before_restore = at(date(2025, 3, 10), 10)  # same day as a newer daily backup
    before_migration = at(date(2025, 2, 27), 10)  # 32 days before the end
    taken = [*daily, before_restore, before_migration]
    now = at(date(2025, 3, 31), 19)

    kept = backups_to_keep(taken, now, pinned=[before_restore, before_migration])
    assert before_restore in kept
    assert before_migration not in kept
    assert kept - {before_restore} == backups_to_keep(daily, now)

    later = backups_to_keep(taken, now + timedelta(days=30), pinned=[before_restore])
    assert before_restore not in later


def test_applying_the_rule_to_what_it_kept_keeps_all_of_it() -> None:
    chance = random.Random(7)
    start = datetime(2022, 1, 1, tzinfo=CST)
    for _ in range(50):
        taken = sorted(
            {start + timedelta(minutes=chance.randrange(0, 60 * 24 * 700)) for _ in range(300)}
        )
        kept = backups_to_keep(taken, taken[-1])
        assert backups_to_keep(sorted(kept), taken[-1]) == kept
        assert taken[-1] in kept
        assert len(kept) <= 1 + 7 + 4 + 12


# --- names --------------------------------------------------------------------------------------


def test_a_backup_name_says_when_and_why_in_local_time() -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5).astimezone()
    name = backup_name(moment, "before-restore")
    assert name == "firstbatch-20250102-030405-before-restore.sqlite3"
    parsed = parse_backup_name(name)
    assert parsed is not None
    assert parsed.taken_at == moment and parsed.reason == "before-restore"

    second = backup_name(moment, "manual", 2)
    assert second == "firstbatch-20250102-030405-manual-2.sqlite3"
    parsed = parse_backup_name(second)
    assert parsed is not None and parsed.reason == "manual"


def test_the_start_up_migration_copy_is_recognised() -> None:
    parsed = parse_backup_name("firstbatch-before-0003_tra-20250102T030405123456Z.sqlite3")
    assert parsed is not None
    assert parsed.reason == BEFORE_MIGRATION
    assert parsed.taken_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "name",
    ["firstbatch.sqlite3", "notes.sqlite3", "firstbatch-20251399-000000-manual.sqlite3", "x.json"],
)
def test_other_names_are_not_backups(name: str) -> None:
    assert parse_backup_name(name) is None


@pytest.mark.parametrize(
    "reason", ["", "Manual", "daily!", "-x", "x-", "a--b", "每日", "a" * 33, "../x", "d1"]
)
def test_a_reason_must_fit_a_file_name(reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_reason(reason)
    assert caught.value.code == "backup.bad_reason"


def test_good_reasons() -> None:
    assert check_reason(" daily ") == "daily"
    assert check_reason("before-restore") == "before-restore"
    assert check_reason("a" * 32) == "a" * 32
