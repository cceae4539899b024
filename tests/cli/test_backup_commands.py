"""``firstbatch-desk backup`` and ``restore`` as an officer runs them."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.cli import main
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths
from tests import factories

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def recorded(context: Any, data_dir: Path) -> Path:
    """A data directory with two enterprises, closed (as after the program exits)."""
    factories.enterprise(context.services, name="嘉兴备份测试新材料有限公司")
    factories.enterprise(context.services, name="平湖另一家企业")
    context.close()
    return data_dir


def enterprises(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM enterprises")}


def test_backup_prints_the_file_its_size_and_counts(recorded: Path, capsys: Capture) -> None:
    assert main(["backup", "--data-dir", str(recorded)]) == 0
    out = capsys.readouterr().out
    (made,) = (recorded / "backups").glob("*.sqlite3")
    assert made.name.endswith("-manual.sqlite3")
    assert f"已备份到 {made}" in out and "核对无误" in out and "KB" in out
    assert "企业 2, 认定 0, 档案 0, 走访 0, 诉求 0" in out
    assert enterprises(made) == enterprises(recorded / "firstbatch.sqlite3")


def test_backup_with_a_reason_in_english(recorded: Path, capsys: Capture) -> None:
    assert (
        main(["--lang", "en", "backup", "--reason", "before-trip", "--data-dir", str(recorded)])
        == 0
    )
    assert main(["--data-dir", str(recorded), "backup", "--reason", "before-trip"]) == 0
    out = capsys.readouterr().out
    assert "verified" in out and "enterprises 2" in out
    names = sorted(p.name for p in (recorded / "backups").glob("*.sqlite3"))
    assert all("-before-trip" in name for name in names)


def test_a_bad_reason_is_refused(recorded: Path, capsys: Capture) -> None:
    assert main(["backup", "--reason", "出差前", "--data-dir", str(recorded)]) == 1
    assert "备份原因“出差前”不可用" in capsys.readouterr().err
    assert list((recorded / "backups").iterdir()) == []


def test_backup_without_a_database_says_so(tmp_path: Path, capsys: Capture) -> None:
    assert main(["backup", "--data-dir", str(tmp_path / "none"), "--lang", "en"]) == 1
    assert "There is no database" in capsys.readouterr().err


def test_the_list_shows_backups_newest_first_and_which_are_verified(
    recorded: Path, capsys: Capture
) -> None:
    assert main(["backup", "--reason", "daily", "--data-dir", str(recorded)]) == 0
    (recorded / "backups" / "copied-by-hand.sqlite3").write_bytes(os.urandom(2048))
    capsys.readouterr()

    assert main(["backup", "--list", "--data-dir", str(recorded), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"Backup folder: {recorded / 'backups'}" in out
    assert "daily" in out and "verified" in out and "enterprises 2" in out
    assert "not verified: not a database file" in out

    assert main(["backup", "--list", "--json", "--data-dir", str(recorded)]) == 0
    listing = json.loads(capsys.readouterr().out)
    backups = listing["backups"]
    assert [b["verified"] for b in backups].count(True) == 1
    good = next(b for b in backups if b["verified"])
    assert good["reason"] == "daily" and good["live_counts"]["enterprises"] == 2
    assert good["counts"]["enterprises"] == 2
    bad = next(b for b in backups if not b["verified"])
    assert bad["problem"] == "不是数据库文件"


def test_the_list_of_an_empty_folder(recorded: Path, capsys: Capture) -> None:
    assert main(["backup", "--list", "--data-dir", str(recorded)]) == 0
    assert "还没有备份" in capsys.readouterr().out


def test_restore_puts_the_backup_back_and_says_what_was_copied_aside(
    recorded: Path, capsys: Capture
) -> None:
    assert main(["backup", "--data-dir", str(recorded)]) == 0
    (backup,) = (recorded / "backups").glob("*.sqlite3")
    database = recorded / "firstbatch.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("UPDATE enterprises SET name = name || '（已改名）'")
        connection.commit()
    capsys.readouterr()

    assert main(["restore", backup.name, "--data-dir", str(recorded)]) == 0  # by name alone

    out = capsys.readouterr().out
    (aside,) = (recorded / "backups").glob("*-before-restore.sqlite3")
    assert f"已从 {backup} 恢复数据库。" in out
    assert f"恢复前的数据库已另存为 {aside}" in out
    assert "企业 2" in out
    assert enterprises(database) == {"嘉兴备份测试新材料有限公司", "平湖另一家企业"}
    assert all(name.endswith("（已改名）") for name in enterprises(aside))


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + os.urandom(8000), b"hello"])
def test_restore_of_a_bad_file_exits_1_and_changes_nothing(
    recorded: Path, tmp_path: Path, capsys: Capture, content: bytes
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    database = recorded / "firstbatch.sqlite3"
    before = database.read_bytes()
    assert main(["restore", str(bad), "--data-dir", str(recorded), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "nothing was restored or changed" in err
    assert database.read_bytes() == before
    assert list((recorded / "backups").iterdir()) == []


def test_restore_is_refused_while_the_program_holds_the_data_directory(
    recorded: Path, capsys: Capture
) -> None:
    assert main(["backup", "--data-dir", str(recorded)]) == 0
    (backup,) = (recorded / "backups").glob("*.sqlite3")
    database = recorded / "firstbatch.sqlite3"
    before = database.read_bytes()
    with InstanceLock(AppPaths.resolve(recorded).lock_file):  # the program is running
        assert main(["restore", str(backup), "--data-dir", str(recorded)]) == 1
    assert "正被另一个 FirstBatch Desk 使用" in capsys.readouterr().err
    assert database.read_bytes() == before
    assert not list((recorded / "backups").glob("*-before-restore.sqlite3"))
