"""The command line as a user runs it: exit codes, messages, JSON."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk import __version__
from firstbatch_desk.cli import main
from tests import factories

SUBCOMMANDS = ("demo", "info", "list", "check")


@pytest.fixture(autouse=True)
def headless(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Run the GUI command without a window: open the data as the window would."""
    from firstbatch_desk.cli import commands

    launched: list[Any] = []

    def fake_launch(open_data: Any, settings: Any, paths: Any) -> int:
        context = open_data()
        launched.append(context)
        context.close()
        return 0

    monkeypatch.setattr(commands, "_launch", fake_launch)
    return launched


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_console_script_prints_version_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "firstbatch_desk", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"firstbatch-desk {__version__}"
    for command in SUBCOMMANDS:
        helped = subprocess.run(
            [sys.executable, "-m", "firstbatch_desk", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "--data-dir" in helped.stdout


def test_info_and_list_show_what_the_services_wrote(
    context: Any, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = factories.recognised_case(context.services)
    factories.visit(context.services, case.row)
    context.close()

    assert main(["info", "--data-dir", str(data_dir), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["counts"]["enterprises"] == 1
    assert facts["counts"]["visits"] == 1
    assert facts["schema_revision"] == facts["head_revision"]
    assert facts["database_path"] == str(data_dir / "firstbatch.sqlite3")

    assert main(["list", "cases", "--data-dir", str(data_dir), "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in cases] == [str(case.row.id)]
    assert cases[0]["status"] == "ACTIVE"

    assert main(["list", "visits", "--data-dir", str(data_dir)]) == 0
    table = capsys.readouterr().out
    assert "嘉兴测试新材料有限公司" in table and "上门" in table

    assert main(["list", "needs", "--data-dir", str(data_dir), "--limit", "5"]) == 0
    assert "没有记录" in capsys.readouterr().out


def test_home_variable_chooses_the_data_directory(
    context: Any,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    factories.enterprise(context.services, name="桐乡华美新材料有限公司")
    context.close()
    monkeypatch.setenv("FIRSTBATCH_DESK_HOME", str(data_dir))
    assert main(["list", "enterprises"]) == 0
    assert "桐乡华美新材料有限公司" in capsys.readouterr().out


def test_check_reports_a_healthy_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert "完好" in capsys.readouterr().out


def test_missing_database_gives_a_clear_message_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing-here"
    for command in (["info"], ["check"], ["list", "visits"]):
        assert main([*command, "--data-dir", str(empty)]) == 1
        assert "还没有数据库" in capsys.readouterr().err
    assert not empty.exists()


def test_non_sqlite_file_is_reported_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "firstbatch.sqlite3").write_text("姓名,电话\n张三,138\n", encoding="gbk")
    before = _digest(tmp_path / "firstbatch.sqlite3")
    for command in (["info"], ["check"], []):
        assert main([*command, "--data-dir", str(tmp_path)]) == 1
        assert "不是 FirstBatch Desk 数据库" in capsys.readouterr().err
    assert _digest(tmp_path / "firstbatch.sqlite3") == before
    assert main(["--lang", "en", "info", "--data-dir", str(tmp_path)]) == 1
    assert "is not a FirstBatch Desk database" in capsys.readouterr().err


def test_newer_schema_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = data_dir / "firstbatch.sqlite3"
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_newer'")
    before = _digest(database)
    assert main(["info", "--data-dir", str(data_dir)]) == 1
    assert "更新版本" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir)]) == 1
    assert _digest(database) == before


def test_damaged_database_fails_the_check(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "firstbatch.sqlite3"
    with sqlite3.connect(database) as raw:
        raw.execute("PRAGMA journal_mode=DELETE")
        raw.execute("CREATE TABLE filler (x TEXT)")
        raw.executemany("INSERT INTO filler VALUES (?)", [("填充" * 200,)] * 400)
        raw.execute("CREATE INDEX ix_filler ON filler (x)")
    data = bytearray(database.read_bytes())
    size = len(data)
    data[size - 3 * 4096 + 100 : size - 3 * 4096 + 3000] = os.urandom(2900)
    database.write_bytes(bytes(data))
    assert main(["check", "--data-dir", str(data_dir)]) == 1
    assert "损坏" in capsys.readouterr().err


def test_unusable_data_directory_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["demo", "--data-dir", str(blocker / "data")]) == 1
    assert "无法创建" in capsys.readouterr().err


def test_read_only_data_directory_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores permission bits, so the operating system's answer is simulated.
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    assert main(["demo", "--data-dir", str(tmp_path / "data")]) == 1
    assert "不可写" in capsys.readouterr().err


def test_bad_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["list", "spreadsheets"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        main(["list", "visits", "--limit", "0"])


def test_demo_then_info_shows_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(target), "--scale", "120"]) == 0
    capsys.readouterr()
    assert main(["info", "--data-dir", str(target), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["visits"] == 120
    assert counts["enterprises"] >= 40 and counts["needs"] == 24
    assert main(["demo", "--data-dir", str(target)]) == 1  # never into a database with data
    assert "已有数据" in capsys.readouterr().err
    assert main(["info", "--data-dir", str(target), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["visits"] == 120


def test_gui_command_prepares_demo_data(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    headless: list[Any],
) -> None:
    from firstbatch_desk.cli import commands

    monkeypatch.setattr(commands, "demo_data_dir", lambda: tmp_path / "FirstBatchDesk-demo")
    launched = headless
    assert main(["--demo"]) == 0
    assert launched and launched[0].paths.data_dir == tmp_path / "FirstBatchDesk-demo"
    assert "已生成演示数据" in capsys.readouterr().out
    assert main(["--demo"]) == 0
    assert "使用已有演示数据" in capsys.readouterr().out


def test_options_before_the_subcommand_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    target = tmp_path / "T"
    assert main(["--data-dir", str(target), "demo", "--scale", "20"]) == 0
    assert (target / "firstbatch.sqlite3").exists()
    assert not (tmp_path / "home").exists()  # nothing went to the user's own data directory
    capsys.readouterr()
    assert main(["info", "--data-dir", str(tmp_path / "none"), "--lang", "en"]) == 1
    assert "There is no database" in capsys.readouterr().err


def test_damage_inside_the_tables_is_explained_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "data"
    assert main(["demo", "--data-dir", str(target), "--scale", "400"]) == 0
    database = target / "firstbatch.sqlite3"
    with sqlite3.connect(database) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(database.read_bytes())
    for offset in range(len(data) // 2, len(data) - 4096, 4096):
        data[offset + 16 : offset + 1000] = b"\xab" * 984
    database.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["check", "--data-dir", str(target)]) == 1
    assert "损坏" in capsys.readouterr().err
    for kind in ("visits", "needs", "enterprises", "cases", "recognitions"):
        code = main(
            ["list", kind, "--data-dir", str(target), "--limit", "1000", "--search", "企业"]
        )
        err = capsys.readouterr().err
        assert code == 0 or (code == 1 and "损坏" in err), err
