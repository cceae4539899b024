"""The shipped holiday calendar matches the State Council notices; bad files are refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.holiday_calendar import HolidayCalendar, parse_calendar
from firstbatch_desk.domain.workdays import WorkCalendar
from firstbatch_desk.paths import resource_path

SHIPPED = resource_path("calendar", "cn_public_holidays.json")
WEEKDAY = dict(zip("一二三四五六日", range(7), strict=True))

# The notices as published: name, first and last day off, adjusted working days with
# the weekday the notice gives them (国办发明电〔2023〕7号, 〔2024〕12号, 〔2025〕7号).
OFFICIAL: dict[int, list[tuple[str, str, str, list[tuple[str, str]]]]] = {
    2024: [
        ("元旦", "2024-01-01", "2024-01-01", []),
        ("春节", "2024-02-10", "2024-02-17", [("2024-02-04", "日"), ("2024-02-18", "日")]),
        ("清明节", "2024-04-04", "2024-04-06", [("2024-04-07", "日")]),
        ("劳动节", "2024-05-01", "2024-05-05", [("2024-04-28", "日"), ("2024-05-11", "六")]),
        ("端午节", "2024-06-08", "2024-06-10", []),
        ("中秋节", "2024-09-15", "2024-09-17", [("2024-09-14", "六")]),
        ("国庆节", "2024-10-01", "2024-10-07", [("2024-09-29", "日"), ("2024-10-12", "六")]),
    ],
    2025: [
        ("元旦", "2025-01-01", "2025-01-01", []),
        ("春节", "2025-01-28", "2025-02-04", [("2025-01-26", "日"), ("2025-02-08", "六")]),
        ("清明节", "2025-04-04", "2025-04-06", []),
        ("劳动节", "2025-05-01", "2025-05-05", [("2025-04-27", "日")]),
        ("端午节", "2025-05-31", "2025-06-02", []),
        (
            "国庆节、中秋节",
            "2025-10-01",
            "2025-10-08",
            [("2025-09-28", "日"), ("2025-10-11", "六")],
        ),
    ],
    2026: [
        ("元旦", "2026-01-01", "2026-01-03", [("2026-01-04", "日")]),
        ("春节", "2026-02-15", "2026-02-23", [("2026-02-14", "六"), ("2026-02-28", "六")]),
        ("清明节", "2026-04-04", "2026-04-06", []),
        ("劳动节", "2026-05-01", "2026-05-05", [("2026-05-09", "六")]),
        ("端午节", "2026-06-19", "2026-06-21", []),
        ("中秋节", "2026-09-25", "2026-09-27", []),
        ("国庆节", "2026-10-01", "2026-10-07", [("2026-09-20", "日"), ("2026-10-10", "六")]),
    ],
}


@pytest.fixture(scope="module")
def shipped() -> HolidayCalendar:
    return parse_calendar(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def work(shipped: HolidayCalendar) -> WorkCalendar:
    return shipped.work_calendar()


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_shipped_years_match_the_state_council_notice(shipped: HolidayCalendar, year: int) -> None:
    entry = shipped.year(year)
    assert entry is not None and not entry.provisional
    assert "国办发明电" in entry.source
    listed = [
        (h.name, h.first.isoformat(), h.last.isoformat(), [d.isoformat() for d in h.workdays])
        for h in entry.holidays
    ]
    assert listed == [(n, a, b, [d for d, _ in w]) for n, a, b, w in OFFICIAL[year]]
    for _, _, _, workdays in OFFICIAL[year]:
        for day, weekday in workdays:
            assert date.fromisoformat(day).weekday() == WEEKDAY[weekday], day


def test_notice_numbers_are_those_of_each_year(shipped: HolidayCalendar) -> None:
    sources = {y.year: y.source for y in shipped.years}
    assert "〔2023〕7号" in sources[2024]
    assert "〔2024〕12号" in sources[2025]
    assert "〔2025〕7号" in sources[2026]


def test_every_adjusted_workday_is_a_weekend_working_day(work: WorkCalendar) -> None:
    assert len(work.adjusted_workdays) == 19
    for day in work.adjusted_workdays:
        assert day.weekday() >= 5, day
        assert work.is_working_day(day), day
        assert work.adjusted_for(day) is not None and work.holiday_name(day) is None


def test_no_shipped_holiday_is_a_working_day(work: WorkCalendar) -> None:
    assert len(work.holidays) > 80
    for day in work.holidays:
        assert not work.is_working_day(day), day
        assert work.holiday_name(day), day
    assert work.holiday_name(date(2026, 2, 17)) == "春节"  # 正月初一
    assert work.holiday_name(date(2025, 10, 6)) == "国庆节、中秋节"  # 中秋 itself
    assert work.adjusted_for(date(2026, 9, 20)) == "国庆节"
    assert work.holiday_name(date(2026, 3, 2)) is None and work.is_working_day(date(2026, 3, 2))


def test_2027_is_provisional_with_statutory_days_only(
    shipped: HolidayCalendar, work: WorkCalendar
) -> None:
    entry = shipped.year(2027)
    assert entry is not None and entry.provisional and "通知" in entry.note
    assert all(h.workdays == () for h in entry.holidays)
    days = {h.name: [d.isoformat() for d in h.days_off] for h in entry.holidays}
    assert days == {
        "元旦": ["2027-01-01"],
        "春节": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],  # 除夕 to 初三
        "清明节": ["2027-04-05"],
        "劳动节": ["2027-05-01", "2027-05-02"],
        "端午节": ["2027-06-09"],
        "中秋节": ["2027-09-15"],
        "国庆节": ["2027-10-01", "2027-10-02", "2027-10-03"],
    }
    assert shipped.provisional_years == (2027,)
    assert work.is_provisional(date(2027, 3, 1)) and not work.is_provisional(date(2026, 3, 1))


def test_covers_says_which_years_are_in_the_data(work: WorkCalendar) -> None:
    assert [y for y in range(2022, 2030) if work.covers(date(y, 6, 1))] == [2024, 2025, 2026, 2027]
    assert not WorkCalendar().covers(date(2026, 6, 1))
    assert WorkCalendar().add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 5)


def test_the_written_file_reads_back_the_same(shipped: HolidayCalendar) -> None:
    text = shipped.to_json()
    assert parse_calendar(text) == shipped
    assert parse_calendar("\ufeff" + text) == shipped  # Notepad's byte order mark
    assert '{"name": "春节", "from": "2026-02-15"' in text  # one holiday a line, Chinese kept


def _base() -> dict[str, Any]:
    return {
        "format": 1,
        "years": {
            "2026": {
                "source": "国办发明电〔2025〕7号",
                "holidays": [
                    {"name": "春节", "from": "2026-02-15", "to": "2026-02-23",
                     "workdays": ["2026-02-14", "2026-02-28"]},
                    {"name": "国庆节", "from": "2026-10-01", "to": "2026-10-07",
                     "workdays": ["2026-09-20", "2026-10-10"]},
                ],
            }
        },
    }  # fmt: skip


def _holiday(data: dict[str, Any], n: int = 0) -> dict[str, Any]:
    return data["years"]["2026"]["holidays"][n]


def _set(change: Callable[[dict[str, Any]], None]) -> str:
    data = _base()
    change(data)
    return json.dumps(data, ensure_ascii=False)


BAD: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("not json", '{"years": {"2026": [}}', "calendar.not_json", ("第 1 行",)),
    ("a list, not a calendar", "[1, 2]", "calendar.not_calendar", ("years",)),
    (
        "holidays not a list",
        _set(lambda d: d["years"]["2026"].update(holidays={"name": "春节"})),
        "calendar.need_list",
        ("2026", "holidays"),
    ),
    (
        "a date that does not exist",
        _set(lambda d: _holiday(d).update(to="2026-02-30")),
        "calendar.bad_date",
        ("2026", "春节", "2026-02-30"),
    ),
    (
        "a date in another format",
        _set(lambda d: _holiday(d).update({"from": "2026/2/15"})),
        "calendar.bad_date",
        ("2026/2/15",),
    ),
    (
        "a day both off and worked",
        _set(lambda d: _holiday(d, 1)["workdays"].append("2026-02-21")),
        "calendar.both",
        ("2026-02-21", "春节", "国庆节"),
    ),
    (
        "a date under the wrong year",
        _set(lambda d: _holiday(d, 1).update(to="2027-10-07")),
        "calendar.wrong_year",
        ("2026", "国庆节", "2027-10-07"),
    ),
    (
        "an adjusted workday that is a weekday",
        _set(lambda d: _holiday(d)["workdays"].append("2026-02-26")),
        "calendar.not_weekend",
        ("2026", "春节", "2026-02-26"),
    ),
    (
        "a misspelt key",
        _set(lambda d: _holiday(d).update(workday=["2026-02-14"])),
        "calendar.unknown_key",
        ("workday", "春节"),
    ),
    (
        "a year given twice",
        '{"years": {"2026": {"holidays": []}, "2026": {"holidays": []}}}',
        "calendar.duplicate_key",
        ("2026",),
    ),
    (
        "a year that is not a year",
        _set(lambda d: d["years"].update({"26": d["years"]["2026"]})),
        "calendar.bad_year",
        ("26",),
    ),
    (
        "provisional as text",
        _set(lambda d: d["years"]["2026"].update(provisional="否")),
        "calendar.need_flag",
        ("2026", "provisional"),
    ),
    (
        "days off backwards",
        _set(lambda d: _holiday(d).update(to="2026-02-13")),
        "calendar.order",
        ("2026-02-15", "2026-02-13"),
    ),
    (
        "a typo that makes months off",
        _set(lambda d: _holiday(d).update(to="2026-12-23")),
        "calendar.too_long",
        ("2026", "春节", "312"),
    ),
    (
        "two holidays over the same day",
        _set(lambda d: _holiday(d, 1).update({"from": "2026-02-22", "to": "2026-02-23"})),
        "calendar.twice",
        ("2026-02-22",),
    ),
    (
        "a holiday without a name",
        _set(lambda d: _holiday(d).update(name=" ")),
        "calendar.need_text",
        ("2026", "#1", "name"),
    ),
    ("a year without holidays", '{"years": {"2026": {"holidays": []}}}', "calendar.empty_year", ()),
    ("no year at all", '{"years": {}}', "calendar.no_years", ()),
    ("a newer format", _set(lambda d: d.update(format=2)), "calendar.format", ("2",)),
]


@pytest.mark.parametrize(("text", "code", "names"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_data_is_refused_with_a_message_naming_the_fault(
    text: str, code: str, names: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_calendar(text)
    assert caught.value.code == code
    message = str(caught.value)
    assert message.startswith(("节假日文件", "这不是节假日文件", "2026")), message
    for name in names:
        assert name in message
    english = caught.value.message("en")
    assert english != message and not english.startswith(caught.value.code)


def test_the_base_of_the_bad_cases_is_itself_valid() -> None:
    calendar = parse_calendar(_set(lambda d: None)).work_calendar()
    assert calendar.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert calendar.add_working_days(date(2026, 2, 12), 3) == date(2026, 2, 24)


def test_holiday_days_include_the_weekends_in_the_span(shipped: HolidayCalendar) -> None:
    entry = shipped.year(2024)
    assert entry is not None
    dragon_boat = next(h for h in entry.holidays if h.name == "端午节")
    assert dragon_boat.days_off == tuple(date(2024, 6, 8) + timedelta(days=n) for n in range(3))
