"""``firstbatch-desk audit verify | export | list`` as a user runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from firstbatch_desk.cli import main
from tests import factories


@pytest.fixture
def recorded(context: Any, data_dir: Path) -> str:
    """An enterprise with a recognised case and a visit; the program closed."""
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row)
    context.close()
    return str(data_dir)


def _count(data_dir: str) -> int:
    with sqlite3.connect(Path(data_dir) / "firstbatch.sqlite3") as raw:
        return raw.execute("SELECT count(*) FROM audit_entries").fetchone()[0]


def test_verify_says_the_trail_is_whole(recorded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--data-dir", recorded]) == 0
    out = capsys.readouterr().out
    assert f"审计记录完整：{_count(recorded)} 条" in out
    assert "最后一条的哈希：" in out


def test_verify_names_the_first_broken_entry(
    recorded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(Path(recorded) / "firstbatch.sqlite3") as raw:
        raw.execute("UPDATE audit_entries SET after = replace(after, '卤代', '氯代') WHERE seq = 2")
        raw.execute("DELETE FROM audit_entries WHERE seq = 6")
    assert main(["audit", "verify", "--data-dir", recorded]) == 1
    err = capsys.readouterr().err
    assert "审计记录第 2 条被改动过" in err
    assert "此前的 1 条核对无误" in err
    assert main(["--lang", "en", "audit", "verify", "--data-dir", recorded]) == 1
    assert "Audit entry 2 has been changed" in capsys.readouterr().err


def test_export_writes_a_workbook(
    recorded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "audit.xlsx"
    assert main(["audit", "export", "-o", str(target), "--data-dir", recorded]) == 0
    count = _count(recorded)
    assert f"已导出 {count} 条审计记录到 {target}" in capsys.readouterr().out
    (sheet,) = load_workbook(target).worksheets
    assert sheet.max_row == count + 1


def test_export_refuses_a_name_without_xlsx(
    recorded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "audit.txt"
    assert main(["audit", "export", "-o", str(target), "--data-dir", recorded]) == 1
    assert ".xlsx" in capsys.readouterr().err
    assert not target.exists()


def test_list_prints_the_newest_entries_of_a_table(
    recorded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "list", "--entity", "visits", "--data-dir", recorded]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "本机用户" in lines[0] and "新增" in lines[0] and "走访记录" in lines[0]
    assert main(["audit", "list", "--limit", "2", "--data-dir", recorded]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [int(line.split()[0]) for line in lines] == [_count(recorded), _count(recorded) - 1]
    assert main(["audit", "list", "--entity", "nothing", "--data-dir", recorded]) == 0
    assert "没有审计记录" in capsys.readouterr().out


def test_list_limit_must_be_positive(recorded: str) -> None:
    with pytest.raises(SystemExit):
        main(["audit", "list", "--limit", "0", "--data-dir", recorded])
