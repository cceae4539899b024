"""``firstbatch-desk calendar``: the public holidays and adjusted working days in use.

Lists a year's arrangement (default: this year and next), exports the
calendar in use for editing (``--export``) and checks an edited file
(``--check``) before it is put in the data directory as ``holidays.json``.
No database is opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.holiday_calendar import Holiday, HolidayCalendar, HolidayYear
from firstbatch_desk.paths import AppPaths

TEXTS: dict[str, tuple[str, str]] = {
    "file": ("节假日数据：{path}", "Holiday data: {path}"),
    "year": (
        "{year} 年节假日安排（来源：{source}）",
        "Public holidays of {year} (source: {source})",
    ),
    "provisional": ("  暂定：{note}", "  Provisional: {note}"),
    "holiday": (
        "  {name}：{first}至{last}，放假 {days} 天",
        "  {name}: {first} to {last}, {days} days off",
    ),
    "holiday_one": ("  {name}：{first}，放假 1 天", "  {name}: {first}, 1 day off"),
    "workdays": ("；调休上班：{days}", "; adjusted working days: {days}"),
    "not_covered": (
        "{year} 年不在节假日数据中：按周一至周五上班计算工作日。",
        "{year} is not in the holiday data: Monday to Friday count as working days.",
    ),
    "check_ok": (
        "节假日文件无误：{path}（{years} 年）。把它命名为 holidays.json 放进数据目录"
        "（{data_dir}），重新启动程序后生效。",
        "The holiday file is correct: {path} ({years}). Put it in the data directory "
        "({data_dir}) as holidays.json and restart the program to use it.",
    ),
    "check_provisional": ("其中暂定（无调休）的年份：{years}。", "Provisional years: {years}."),
    "exported": (
        "已导出节假日数据到 {path}。编辑后可用 firstbatch-desk calendar --check 检查。",
        "Holiday data written to {path}. After editing, check it with "
        "firstbatch-desk calendar --check.",
    ),
    "no_folder": (
        "无法写入“{path}”：所在文件夹不存在。",
        "Cannot write \u201c{path}\u201d: its folder does not exist.",
    ),
    "is_folder": (
        "“{path}”是一个文件夹，请给出文件名。",
        "\u201c{path}\u201d is a folder; give a file name.",
    ),
    "cannot_write": ("无法写入“{path}”：{detail}", "Cannot write \u201c{path}\u201d: {detail}"),
}
WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def add_calendar_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``calendar [--year Y] [--export FILE | --check FILE] [--json]``."""
    parser = subparsers.add_parser(
        "calendar", help="节假日与调休安排 / public holidays and adjusted working days"
    )
    parser.add_argument(
        "--year",
        type=int,
        action="append",
        metavar="Y",
        help="列出哪一年（可重复；默认今年和明年）/ year to list (repeatable)",
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--export", metavar="FILE", help="导出正在使用的节假日数据 / write the calendar in use"
    )
    chosen.add_argument(
        "--check", metavar="FILE", help="检查编辑过的节假日文件 / check an edited holiday file"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    data_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Handle ``calendar``; returns the exit status."""
    from firstbatch_desk.app import load_calendar

    lang = args.lang
    paths = AppPaths.resolve(args.data_dir)
    if args.check:
        return _check(Path(args.check).expanduser(), paths, lang, as_json=args.json)
    loaded = load_calendar(paths)
    problem = loaded.problem(lang)
    if problem and not args.json:
        print(problem, file=sys.stderr)
    if args.export:
        return _export(loaded.calendar, Path(args.export).expanduser(), lang)
    this_year = date.today().year
    years = args.year or [this_year, this_year + 1]
    if args.json:
        listing = {
            "file": str(loaded.path),
            "problem": problem,
            "years": [_year_json(loaded.calendar, y) for y in years],
        }
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    print(_text(lang, "file", path=loaded.path))
    for year in years:
        print()
        entry = loaded.calendar.year(year)
        if entry is None:
            print(_text(lang, "not_covered", year=year))
        else:
            _print_year(entry, lang)
    return 0


def _check(source: Path, paths: AppPaths, lang: str, *, as_json: bool) -> int:
    from firstbatch_desk.app import read_calendar_file

    try:
        calendar = read_calendar_file(source)
    except ValidationError as exc:
        if as_json:
            print(json.dumps({"ok": False, "message": exc.message(lang)}, ensure_ascii=False))
        else:
            print(exc.message(lang), file=sys.stderr)
        return 1
    years = _join(calendar.covered_years, lang)
    provisional = _join(calendar.provisional_years, lang)
    message = _text(lang, "check_ok", path=source, years=years, data_dir=paths.data_dir)
    if provisional:
        message += _text(lang, "check_provisional", years=provisional)
    if as_json:
        result = {
            "ok": True,
            "message": message,
            "years": list(calendar.covered_years),
            "provisional_years": list(calendar.provisional_years),
        }
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(message)
    return 0


def _export(calendar: HolidayCalendar, target: Path, lang: str) -> int:
    problem = "is_folder" if target.is_dir() else None
    if problem is None and not target.parent.is_dir():
        problem = "no_folder"
    if problem:
        print(_text(lang, problem, path=target), file=sys.stderr)
        return 1
    try:
        target.write_text(calendar.to_json(), encoding="utf-8")
    except OSError as exc:
        print(
            _text(lang, "cannot_write", path=target, detail=exc.strerror or str(exc)),
            file=sys.stderr,
        )
        return 1
    print(_text(lang, "exported", path=target))
    return 0


def _print_year(entry: HolidayYear, lang: str) -> None:
    print(_text(lang, "year", year=entry.year, source=entry.source or "—"))
    if entry.provisional:
        print(_text(lang, "provisional", note=entry.note or "—"))
    for holiday in entry.holidays:
        line = _text(
            lang,
            "holiday" if holiday.last > holiday.first else "holiday_one",
            name=holiday.name,
            first=_day(holiday.first, lang),
            last=_day(holiday.last, lang),
            days=len(holiday.days_off),
        )
        if holiday.workdays:
            worked = _join((_day(d, lang) for d in holiday.workdays), lang)
            line += _text(lang, "workdays", days=worked)
        print(line)


def _day(day: date, lang: str) -> str:
    if lang == "en":
        return f"{day.isoformat()} ({WEEKDAYS['en'][day.weekday()]})"
    return f"{day.isoformat()}（{WEEKDAYS['zh'][day.weekday()]}）"


def _join(items: Any, lang: str) -> str:
    return (", " if lang == "en" else "、").join(str(item) for item in items)


def _year_json(calendar: HolidayCalendar, year: int) -> dict[str, Any]:
    entry = calendar.year(year)
    if entry is None:
        return {"year": year, "covered": False}
    return {
        "year": year,
        "covered": True,
        "provisional": entry.provisional,
        "source": entry.source,
        "note": entry.note,
        "holidays": [_holiday_json(h) for h in entry.holidays],
    }


def _holiday_json(holiday: Holiday) -> dict[str, Any]:
    return {
        "name": holiday.name,
        "from": holiday.first.isoformat(),
        "to": holiday.last.isoformat(),
        "days_off": len(holiday.days_off),
        "workdays": [d.isoformat() for d in holiday.workdays],
    }
