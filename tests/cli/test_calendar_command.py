"""``firstbatch-desk calendar`` as an officer runs it: list, export, check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from firstbatch_desk.cli import main
from firstbatch_desk.domain.holiday_calendar import parse_calendar
from firstbatch_desk.paths import resource_path

SHIPPED = resource_path("calendar", "cn_public_holidays.json")
Capture = pytest.CaptureFixture[str]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data directory that does not exist yet: the command needs no database."""
    return tmp_path / "data"


def test_a_year_lists_its_holidays_and_adjusted_workdays(home: Path, capsys: Capture) -> None:
    assert main(["calendar", "--year", "2026", "--data-dir", str(home)]) == 0
    out = capsys.readouterr().out
    assert str(SHIPPED) in out and "国办发明电〔2025〕7号" in out
    assert (
        "国庆节：2026-10-01（星期四）至2026-10-07（星期三），放假 7 天；"
        "调休上班：2026-09-20（星期日）、2026-10-10（星期六）"
    ) in out
    assert "春节：2026-02-15（星期日）至2026-02-23（星期一），放假 9 天" in out
    assert not home.exists()


def test_without_a_year_this_year_and_next_are_listed(home: Path, capsys: Capture) -> None:
    assert main(["calendar", "--data-dir", str(home), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    this_year = date.today().year
    assert [y["year"] for y in listing["years"]] == [this_year, this_year + 1]


def test_json_and_english_say_which_years_are_missing(home: Path, capsys: Capture) -> None:
    args = ["calendar", "--year", "2027", "--year", "2031", "--data-dir", str(home)]
    assert main([*args, "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    first, missing = listing["years"]
    assert first["provisional"] is True and first["holidays"][1]["from"] == "2027-02-05"
    assert missing == {"year": 2031, "covered": False}
    assert listing["problem"] is None
    assert main([*args, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Provisional:" in out and "2031 is not in the holiday data" in out
    assert "春节: 2027-02-05 (Fri) to 2027-02-08 (Mon), 4 days off" in out


def test_export_then_check_round_trips(home: Path, tmp_path: Path, capsys: Capture) -> None:
    target = tmp_path / "节假日.json"
    assert main(["calendar", "--export", str(target), "--data-dir", str(home)]) == 0
    assert str(target) in capsys.readouterr().out
    shipped = parse_calendar(SHIPPED.read_text(encoding="utf-8"))
    assert parse_calendar(target.read_text(encoding="utf-8")) == shipped
    assert main(["calendar", "--check", str(target), "--data-dir", str(home)]) == 0
    out = capsys.readouterr().out
    assert "节假日文件无误" in out and "holidays.json" in out and "2027" in out
    assert main(["calendar", "--check", str(target), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["years"] == [2024, 2025, 2026, 2027]


def test_export_writes_the_override_in_use(tmp_path: Path, capsys: Capture) -> None:
    home = tmp_path / "data"
    home.mkdir()
    text = SHIPPED.read_text(encoding="utf-8").replace('"劳动节"', '"国际劳动节"')
    (home / "holidays.json").write_text(text, encoding="utf-8")
    target = tmp_path / "out.json"
    assert main(["calendar", "--export", str(target), "--data-dir", str(home)]) == 0
    assert '"国际劳动节"' in target.read_text(encoding="utf-8")
    assert main(["calendar", "--year", "2025", "--data-dir", str(home)]) == 0
    out = capsys.readouterr().out
    assert str(home / "holidays.json") in out and "国际劳动节：2025-05-01" in out


BAD_FILES = [
    ("impossible date", SHIPPED, ('"2026-02-23"', '"2026-02-30"'), "2026-02-30"),
    ("workday both off", SHIPPED, ('"2026-10-10"', '"2026-10-03"'), "2026-10-03"),
    ("weekday adjusted", SHIPPED, ('"2025-04-27"', '"2025-04-29"'), "2025-04-29"),
    ("wrong year", SHIPPED, ('"to": "2024-10-07"', '"to": "2025-10-07"'), "2025-10-07"),
    ("missing comma", SHIPPED, ('"provisional": false,', '"provisional": false'), "JSON"),
]


@pytest.mark.parametrize(
    ("source", "change", "named"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES]
)
def test_check_refuses_a_bad_file_and_leaves_it_alone(
    tmp_path: Path, capsys: Capture, source: Path, change: tuple[str, str], named: str
) -> None:
    text = source.read_text(encoding="utf-8")
    assert change[0] in text
    bad = tmp_path / "holidays.json"
    bad.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    before = bad.read_bytes()
    assert main(["calendar", "--check", str(bad)]) == 1
    captured = capsys.readouterr()
    assert named in captured.err and captured.out == ""
    assert main(["calendar", "--check", str(bad), "--lang", "en", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False and named in result["message"]
    assert bad.read_bytes() == before


def test_check_explains_missing_and_non_utf8_files(tmp_path: Path, capsys: Capture) -> None:
    assert main(["calendar", "--check", str(tmp_path / "none.json")]) == 1
    assert "无法读取节假日文件" in capsys.readouterr().err
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(SHIPPED.read_text(encoding="utf-8").encode("gb18030"))
    assert main(["calendar", "--check", str(gbk)]) == 1
    assert "不是 UTF-8 编码" in capsys.readouterr().err


def test_a_broken_override_is_reported_and_the_shipped_calendar_listed(
    tmp_path: Path, capsys: Capture
) -> None:
    home = tmp_path / "data"
    home.mkdir()
    (home / "holidays.json").write_text('{"years": {"2026": {"holidays": 1}}}', encoding="utf-8")
    assert main(["calendar", "--year", "2026", "--data-dir", str(home)]) == 0
    captured = capsys.readouterr()
    assert "已改用程序自带的节假日安排" in captured.err and "holidays" in captured.err
    assert str(SHIPPED) in captured.out and "国庆节" in captured.out


def test_export_refuses_a_folder_or_a_missing_folder(
    home: Path, tmp_path: Path, capsys: Capture
) -> None:
    assert main(["calendar", "--export", str(tmp_path), "--data-dir", str(home)]) == 1
    assert "是一个文件夹" in capsys.readouterr().err
    assert (
        main(["calendar", "--export", str(tmp_path / "no" / "x.json"), "--data-dir", str(home)])
        == 1
    )
    assert "所在文件夹不存在" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_export_and_check_cannot_be_combined(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["calendar", "--export", str(tmp_path / "a"), "--check", str(tmp_path / "b")])
    assert caught.value.code == 2
