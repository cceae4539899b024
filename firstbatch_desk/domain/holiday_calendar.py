"""The public holiday calendar (节假日安排) as editable data: parse, check, write.

The program ships the State Council's arrangements as JSON (``resources/
calendar/cn_public_holidays.json``); an officer may put an edited copy in the
data directory. The file looks like this::

    {"format": 1, "note": "…", "years": {"2026": {
        "source": "国办发明电〔2025〕7号", "provisional": false, "note": "",
        "holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23",
                      "workdays": ["2026-02-14", "2026-02-28"]}]}}}

``from``/``to`` are the days off (both included, weekends in the span too),
``workdays`` the weekend days worked instead (调休上班). Anything wrong raises
:class:`ValidationError` naming the year, holiday and date at fault.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.workdays import WorkCalendar

FORMAT_VERSION = 1
MAX_HOLIDAY_DAYS = 15
_TOP_KEYS = ("format", "note", "years")
_YEAR_KEYS = ("source", "provisional", "note", "holidays")
_HOLIDAY_KEYS = ("name", "from", "to", "workdays")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Holiday:
    """One holiday of one year: its days off and the weekend days worked for it."""

    name: str
    first: date
    last: date
    workdays: tuple[date, ...] = ()

    @property
    def days_off(self) -> tuple[date, ...]:
        count = (self.last - self.first).days + 1
        return tuple(self.first + timedelta(days=n) for n in range(count))


@dataclass(frozen=True, slots=True)
class HolidayYear:
    """The arrangement of one year; ``provisional`` when only statutory days are known."""

    year: int
    holidays: tuple[Holiday, ...]
    source: str = ""
    provisional: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """Every year of holiday data, in year order."""

    years: tuple[HolidayYear, ...]
    note: str = ""

    def year(self, year: int) -> HolidayYear | None:
        return next((y for y in self.years if y.year == year), None)

    @property
    def covered_years(self) -> tuple[int, ...]:
        return tuple(y.year for y in self.years)

    @property
    def provisional_years(self) -> tuple[int, ...]:
        return tuple(y.year for y in self.years if y.provisional)

    def work_calendar(self) -> WorkCalendar:
        """The working-day calendar the services compute due dates with."""
        names: dict[date, str] = {}
        holidays: set[date] = set()
        workdays: set[date] = set()
        for holiday in self._holidays():
            holidays.update(holiday.days_off)
            workdays.update(holiday.workdays)
            names.update(dict.fromkeys((*holiday.days_off, *holiday.workdays), holiday.name))
        return WorkCalendar(
            frozenset(holidays),
            frozenset(workdays),
            names=MappingProxyType(names),
            years=frozenset(self.covered_years),
            provisional_years=frozenset(self.provisional_years),
        )

    def to_json(self) -> str:
        """The calendar as the file an officer edits (one holiday a line)."""
        lines = ["{", f'  "format": {FORMAT_VERSION},', f'  "note": {_dump(self.note)},']
        lines.append('  "years": {')
        for i, entry in enumerate(self.years):
            lines.append(f'    "{entry.year}": {{')
            lines.append(f'      "source": {_dump(entry.source)},')
            lines.append(f'      "provisional": {_dump(entry.provisional)},')
            lines.append(f'      "note": {_dump(entry.note)},')
            lines.append('      "holidays": [')
            rows = [f"        {_dump(_holiday_dict(h))}" for h in entry.holidays]
            lines.append(",\n".join(rows))
            lines.append("      ]")
            lines.append("    }" + ("," if i < len(self.years) - 1 else ""))
        lines += ["  }", "}", ""]
        return "\n".join(lines)

    def _holidays(self) -> Iterator[Holiday]:
        for entry in self.years:
            yield from entry.holidays


def parse_calendar(text: str) -> HolidayCalendar:
    """Read and check a holiday file's text; raise ValidationError on the first problem."""
    try:
        data = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ValidationError("calendar.not_json", line=exc.lineno, column=exc.colno) from exc
    if not isinstance(data, dict) or "years" not in data:
        raise ValidationError("calendar.not_calendar")
    top: dict[str, Any] = data
    for key in top:
        if key not in _TOP_KEYS:
            raise ValidationError("calendar.unknown_top_key", key=key, allowed="、".join(_TOP_KEYS))
    version = top.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise ValidationError("calendar.format", version=version, supported=FORMAT_VERSION)
    note = _text(top.get("note", ""), "note")
    years_table = _table(top["years"], "years")
    if not years_table:
        raise ValidationError("calendar.no_years")
    years = tuple(
        sorted((_year(key, value) for key, value in years_table.items()), key=lambda y: y.year)
    )
    _check_overlaps(years)
    return HolidayCalendar(years, note)


def _year(key: str, value: Any) -> HolidayYear:
    if not _ISO_DATE.fullmatch(f"{key}-01-01") or not 1900 <= int(key) <= 2999:
        raise ValidationError("calendar.bad_year", year=key)
    year = int(key)
    where = f"years → {key}"
    table = _table(value, where)
    _known_keys(table, _YEAR_KEYS, where)
    source = _text(table.get("source", ""), f"{where} → source")
    note = _text(table.get("note", ""), f"{where} → note")
    provisional = table.get("provisional", False)
    if not isinstance(provisional, bool):
        raise ValidationError("calendar.need_flag", where=f"{where} → provisional")
    if "holidays" not in table:
        raise ValidationError("calendar.need_list", where=f"{where} → holidays")
    items = _list(table["holidays"], f"{where} → holidays")
    if not items:
        raise ValidationError("calendar.empty_year", year=year)
    holidays = [
        _holiday(year, item, f"{where} → holidays → #{n}") for n, item in enumerate(items, 1)
    ]
    holidays.sort(key=lambda h: h.first)
    return HolidayYear(year, tuple(holidays), source.strip(), provisional, note.strip())


def _holiday(year: int, value: Any, where: str) -> Holiday:
    table = _table(value, where)
    name = _text(table.get("name"), f"{where} → name").strip()
    if not name:
        raise ValidationError("calendar.need_text", where=f"{where} → name")
    where = f"years → {year} → {name}"
    _known_keys(table, _HOLIDAY_KEYS, where)
    first = _date(year, name, _text(table.get("from"), f"{where} → from"))
    last = _date(year, name, _text(table.get("to", table.get("from")), f"{where} → to"))
    if last < first:
        raise ValidationError(
            "calendar.order", year=year, name=name, first=first.isoformat(), last=last.isoformat()
        )
    days = (last - first).days + 1
    if days > MAX_HOLIDAY_DAYS:
        raise ValidationError(
            "calendar.too_long",
            year=year,
            name=name,
            days=days,
            first=first.isoformat(),
            last=last.isoformat(),
            limit=MAX_HOLIDAY_DAYS,
        )
    listed = _list(table.get("workdays", []), f"{where} → workdays")
    workdays = [_date(year, name, _text(w, f"{where} → workdays")) for w in listed]
    for day in workdays:
        if day.weekday() < 5:
            raise ValidationError("calendar.not_weekend", year=year, name=name, day=day.isoformat())
    return Holiday(name, first, last, tuple(sorted(workdays)))


def _check_overlaps(years: tuple[HolidayYear, ...]) -> None:
    """No day is listed twice, nor as both a day off and an adjusted working day."""
    off: dict[date, str] = {}
    worked: dict[date, str] = {}
    for entry in years:
        for holiday in entry.holidays:
            for day in holiday.days_off:
                if day in off:
                    raise ValidationError(
                        "calendar.twice", day=day.isoformat(), first=off[day], second=holiday.name
                    )
                off[day] = holiday.name
            for day in holiday.workdays:
                if day in worked:
                    raise ValidationError(
                        "calendar.twice",
                        day=day.isoformat(),
                        first=worked[day],
                        second=holiday.name,
                    )
                worked[day] = holiday.name
    clashes = sorted(off.keys() & worked.keys())
    if clashes:
        day = clashes[0]
        raise ValidationError(
            "calendar.both", day=day.isoformat(), holiday=off[day], workday=worked[day]
        )


def _date(year: int, name: str, text: str) -> date:
    value = text.strip()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError("calendar.bad_date", year=year, name=name, value=text) from None
    if day.year != year:
        raise ValidationError("calendar.wrong_year", year=year, name=name, day=value)
    return day


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise ValidationError("calendar.duplicate_key", key=key)
        table[key] = value
    return table


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError("calendar.need_table", where=where)
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError("calendar.need_list", where=where)
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValidationError("calendar.need_text", where=where)
    return value


def _known_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ValidationError(
                "calendar.unknown_key", where=where, key=key, allowed="、".join(allowed)
            )


def _holiday_dict(holiday: Holiday) -> dict[str, Any]:
    return {
        "name": holiday.name,
        "from": holiday.first.isoformat(),
        "to": holiday.last.isoformat(),
        "workdays": [d.isoformat() for d in holiday.workdays],
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
