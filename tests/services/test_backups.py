"""Backups on real SQLite files: consistent copies, verification, attachments, rotation, restore."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.app import open_context
from firstbatch_desk.db.migrate import copy_aside
from firstbatch_desk.domain.backup_rotation import BEFORE_RESTORE, backup_name
from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.domain.enums import AttachmentOwner
from firstbatch_desk.domain.errors import StorageError, ValidationError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services import backup_rotation, backups
from firstbatch_desk.services.backup_restore import restore_database
from firstbatch_desk.services.backups import (
    list_backups,
    newest_good_backup,
    rotate_backups,
)
from firstbatch_desk.services.maintenance import check_database
from tests import factories


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths.resolve(data_dir)


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    try:
        yield connection
    finally:
        connection.close()


def scalar(path: Path, sql: str) -> Any:
    with raw(path) as connection:
        return connection.execute(sql).fetchone()[0]


def enterprise_names(path: Path) -> set[str]:
    with raw(path) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM enterprises")}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def attach_file(services: Any, folder: Path, name: str, data: bytes) -> str:
    case = factories.recognised_case(services)
    visit = factories.visit(services, case.row)
    source = folder / name
    source.write_bytes(data)
    stored = services.attachments.ingest(source)
    services.attachments.attach(AttachmentOwner.VISIT, visit.row.id, [stored])
    return str(stored.sha256)


# --- taking a backup ----------------------------------------------------------------------------


def test_a_backup_during_an_open_write_transaction_holds_exactly_the_committed_data(
    context: Any, paths: AppPaths
) -> None:
    services = context.services
    factories.enterprise(services, name="嘉兴已提交新材料有限公司")
    factories.enterprise(services, name="嘉兴第二家已提交企业")
    wal = Path(f"{paths.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the committed rows are still in the WAL

    with raw(paths.database) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE enterprises SET name = '未提交的新名称'")
        writer.execute(
            "INSERT INTO drafts (key, kind, subject_id, title, payload, saved_at) "
            "VALUES ('k', 'visit', '', '未提交草稿', '{}', '2025-01-01 00:00:00')"
        )
        info = services.backups.make_backup("manual")
        writer.execute("COMMIT")  # the writer was never blocked and still commits

    assert info.verified and info.path.is_file()
    assert check_database(info.path) == []
    assert enterprise_names(info.path) == {"嘉兴已提交新材料有限公司", "嘉兴第二家已提交企业"}
    assert scalar(info.path, "SELECT count(*) FROM drafts") == 0
    assert enterprise_names(paths.database) == {"未提交的新名称"}
    assert scalar(paths.database, "SELECT count(*) FROM drafts") == 1


def test_the_counts_recorded_are_those_of_the_database_and_the_copy(
    context: Any, paths: AppPaths
) -> None:
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row)
    factories.visit(services, case.row, visit_date=date(2024, 4, 2))
    info = services.backups.make_backup("manual")

    with raw(paths.database) as live, raw(info.path) as copy:
        for table, count in info.counts.items():
            sql = f'SELECT count(*) FROM "{table}"'
            assert live.execute(sql).fetchone()[0] == count, table
            assert copy.execute(sql).fetchone()[0] == count, table
    assert info.counts["visits"] == 2 and info.counts["divisions"] > 0
    assert not any(name.startswith("fts_") for name in info.counts)
    assert info.live_counts == {
        "enterprises": 1,
        "recognitions": 1,
        "cases": 1,
        "visits": 2,
        "needs": 0,
    }
    assert info.live_counts == services.info.record_counts()
    assert info.path.name.startswith("firstbatch-") and info.path.name.endswith("-manual.sqlite3")

    (listed,) = services.backups.list_backups()
    assert listed == info
    # One self-contained file: a rollback journal, so it opens without a -wal beside it.
    assert info.path.read_bytes()[18:20] == b"\x01\x01"


def test_a_copy_that_fails_its_check_is_deleted_with_a_clear_error(
    context: Any, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    factories.enterprise(context.services)
    real_snapshot = backups._snapshot

    def flipped_bits(source: Path, target: Path) -> Any:
        """A disk that corrupts what is written: the failure cannot be caused for real."""
        facts = real_snapshot(source, target)
        with target.open("r+b") as handle:
            handle.seek(4096)
            handle.write(os.urandom(3 * 4096))
        return facts

    monkeypatch.setattr(backups, "_snapshot", flipped_bits)
    before = paths.database.read_bytes()
    with pytest.raises(StorageError) as caught:
        context.services.backups.make_backup()
    assert caught.value.code == "backup.verify_failed"
    assert "已删除这份备份" in str(caught.value)
    assert os.listdir(paths.backup_dir) == []
    assert paths.database.read_bytes() == before


def test_a_bad_reason_is_refused_before_anything_is_written(context: Any, paths: AppPaths) -> None:
    with pytest.raises(ValidationError) as caught:
        context.services.backups.make_backup("../../etc")
    assert caught.value.code == "backup.bad_reason"
    assert os.listdir(paths.backup_dir) == []


def test_two_backups_in_the_same_second_get_two_names(context: Any) -> None:
    moment = datetime(2025, 6, 1, 10, 0, 0).astimezone()
    first = context.services.backups.make_backup(now=moment, rotate=False)
    second = context.services.backups.make_backup(now=moment, rotate=False)
    assert first.path != second.path
    assert second.path.name.endswith("-manual-2.sqlite3")
    assert second.path.with_suffix(".json").is_file()


# --- attachments --------------------------------------------------------------------------------


def test_attachments_are_backed_up_by_hash_once(
    context: Any, paths: AppPaths, tmp_path: Path
) -> None:
    services = context.services
    hashes = {
        attach_file(services, tmp_path, "批复.pdf", b"%PDF-1.4 first file " * 100),
        attach_file(services, tmp_path, "合同.pdf", b"%PDF-1.4 second file " * 200),
    }
    first = services.backups.make_backup()
    assert first.attachments.new == 2 and first.attachments.present == 0
    assert first.attachments.missing == () and first.attachments.damaged == ()
    kept = paths.backup_dir / "attachments"
    for digest in hashes:
        copy = kept / digest[:2] / digest
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest
        assert os.path.samefile(copy, paths.attachment_dir / digest[:2] / digest)  # hard link
    assert first.attachments.linked == 2

    second = services.backups.make_backup()
    assert second.attachments.new == 0 and second.attachments.present == 2
    assert sorted(p.name for p in kept.rglob("*") if p.is_file()) == sorted(hashes)
    assert list_backups(paths)[0].attachments.present == 2


def test_a_damaged_attachment_file_is_reported_and_not_backed_up(
    context: Any, paths: AppPaths, tmp_path: Path
) -> None:
    services = context.services
    good = attach_file(services, tmp_path, "好.pdf", b"%PDF-1.4 good " * 50)
    bad = attach_file(services, tmp_path, "坏.pdf", b"%PDF-1.4 bad! " * 50)
    stored = paths.attachment_dir / bad[:2] / bad
    stored.write_bytes(b"%PDF-1.4 rot! " * 50)  # same size, other bytes
    info = services.backups.make_backup()
    assert info.attachments.damaged == (bad,)
    assert info.attachments.missing == (bad,)
    assert (paths.backup_dir / "attachments" / good[:2] / good).is_file()
    assert not (paths.backup_dir / "attachments" / bad[:2] / bad).exists()
    assert not list((paths.backup_dir / "attachments").rglob("*.part"))


def test_attachments_are_copied_when_hard_links_fail(
    context: Any, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = attach_file(context.services, tmp_path, "a.pdf", b"%PDF-1.4 " * 10)

    def no_links(*_args: Any) -> None:
        raise OSError(18, "Invalid cross-device link")  # the backup folder on another disk

    monkeypatch.setattr(os, "link", no_links)
    info = context.services.backups.make_backup()
    assert (info.attachments.copied, info.attachments.linked) == (1, 0)
    copy = paths.backup_dir / "attachments" / digest[:2] / digest
    assert not os.path.samefile(copy, paths.attachment_dir / digest[:2] / digest)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest


# --- listing and rotation -----------------------------------------------------------------------


def fake_backup(paths: AppPaths, moment: datetime, reason: str = "daily") -> Path:
    """A backup file with its record, without copying a database (rotation reads names only)."""
    path = paths.backup_dir / backup_name(moment, reason)
    path.write_bytes(b"SQLite format 3\x00" + bytes(100))
    backup_rotation.write_record(
        BackupInfo(path, moment, reason, path.stat().st_size, True, counts={"visits": 1})
    )
    return path


def test_rotation_over_four_hundred_days_keeps_what_the_rule_says(paths: AppPaths) -> None:
    paths.backup_dir.mkdir(exist_ok=True)
    foreign = paths.backup_dir / "我的备份.sqlite3"
    foreign.write_bytes(b"kept as it is")
    start = date(2023, 11, 1)
    for n in range(400):
        day = start + timedelta(n)
        for hour in (9, 18) if day.weekday() < 5 else (9,):
            moment = datetime.combine(day, time(hour)).astimezone()
            fake_backup(paths, moment)
            if day == date(2024, 11, 20) and hour == 9:
                fake_backup(paths, moment + timedelta(minutes=1), BEFORE_RESTORE)
            rotate_backups(paths, now=moment)

    def newest(day: date) -> str:
        hour = 18 if day.weekday() < 5 else 9
        return backup_name(datetime.combine(day, time(hour)).astimezone(), "daily")

    daily = [date(2024, 12, 4) - timedelta(n) for n in range(7)]
    weekly = [date(2024, 11, 24), date(2024, 11, 17), date(2024, 11, 10), date(2024, 11, 3)]
    monthly = [date(2024, m, 1) + timedelta(days=-1) for m in range(2, 12)]  # Jan 31 … Oct 31
    monthly += [date(2023, 12, 31), date(2023, 11, 30)]
    pinned = datetime.combine(date(2024, 11, 20), time(9, 1)).astimezone()
    expected = {newest(d) for d in daily + weekly + monthly} | {backup_name(pinned, BEFORE_RESTORE)}

    names = {p.name for p in paths.backup_dir.glob("*.sqlite3")}
    assert names == expected | {foreign.name}
    assert {p.stem for p in paths.backup_dir.glob("*.json")} == {n[:-8] for n in expected}
    assert foreign.read_bytes() == b"kept as it is"
    assert len(list_backups(paths)) == 25  # the foreign file is listed, unverified


def test_the_listing_tolerates_files_that_are_not_good_backups(
    context: Any, paths: AppPaths
) -> None:
    info = context.services.backups.make_backup(now=datetime(2025, 5, 1, 9).astimezone())
    context.close()
    migration = copy_aside(paths.database, paths.backup_dir, "before-0003_tra")
    (paths.backup_dir / "random.sqlite3").write_bytes(os.urandom(5000))
    (paths.backup_dir / "empty.sqlite3").write_bytes(b"")
    changed = paths.backup_dir / backup_name(datetime(2025, 5, 2, 9).astimezone(), "manual")
    shutil.copyfile(info.path, changed)
    shutil.copyfile(info.path.with_suffix(".json"), changed.with_suffix(".json"))
    with changed.open("ab") as handle:
        handle.write(b"\x00" * 4096)
    (paths.backup_dir / "broken.json").write_text("{not json", encoding="utf-8")
    shutil.copyfile(info.path, paths.backup_dir / "broken.sqlite3")

    listed = {b.path.name: b for b in list_backups(paths)}
    assert listed[info.path.name].verified
    assert listed[migration.name].reason == "before-migration"
    assert listed[migration.name].problem == "backup.problem_no_record"
    assert listed["random.sqlite3"].problem == "backup.problem_not_sqlite"
    assert listed["empty.sqlite3"].problem == "backup.problem_not_sqlite"
    assert listed[changed.name].problem == "backup.problem_changed"
    assert listed["broken.sqlite3"].problem == "backup.problem_no_record"
    assert not any(b.verified for name, b in listed.items() if name != info.path.name)
    assert [b.taken_at for b in list_backups(paths)] == sorted(
        (b.taken_at for b in listed.values()), reverse=True
    )


def test_no_backup_folder_lists_nothing(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "nothing")
    assert list_backups(paths) == []
    assert newest_good_backup(paths) is None


def test_the_newest_good_backup_skips_a_damaged_newest(context: Any, paths: AppPaths) -> None:
    older = context.services.backups.make_backup(now=datetime(2025, 5, 1, 9).astimezone())
    newer = context.services.backups.make_backup(now=datetime(2025, 5, 2, 9).astimezone())
    assert newest_good_backup(paths) == newer
    data = newer.path.read_bytes()
    newer.path.write_bytes(data[: len(data) // 2])
    assert newest_good_backup(paths) == older
    older.path.write_bytes(os.urandom(4096))
    assert newest_good_backup(paths) is None
    assert {p.name for p in paths.backup_dir.iterdir()} == {
        older.path.name,
        older.path.with_suffix(".json").name,
        newer.path.name,
        newer.path.with_suffix(".json").name,
    }  # checking left nothing beside the backups


# --- restore ------------------------------------------------------------------------------------


def test_restore_replaces_the_data_and_keeps_the_database_it_replaced(
    context: Any, paths: AppPaths
) -> None:
    services = context.services
    factories.enterprise(services, name="备份前的企业")
    backup = services.backups.make_backup(now=datetime(2025, 5, 1, 9).astimezone())
    factories.enterprise(services, name="备份后新增的企业")
    context.close()

    result = restore_database(paths, backup.path, now=datetime(2025, 5, 1, 10).astimezone())

    assert enterprise_names(paths.database) == {"备份前的企业"}
    assert result.restored_from == backup.path
    assert result.live_counts["enterprises"] == 1
    assert result.counts == backup.counts and not result.needs_upgrade
    assert result.copied_aside is not None and result.aside_verified
    assert result.copied_aside.name == "firstbatch-20250501-100000-before-restore.sqlite3"
    assert enterprise_names(result.copied_aside) == {"备份前的企业", "备份后新增的企业"}
    assert check_database(paths.database) == []
    listed = {b.path: b for b in list_backups(paths)}
    assert listed[result.copied_aside].verified
    assert listed[result.copied_aside].live_counts["enterprises"] == 2
    assert not Path(f"{paths.database}-wal").exists()
    assert not Path(f"{paths.database}-journal").exists()

    reopened = open_context(paths.data_dir)  # the program opens the restored file as usual
    try:
        assert reopened.services.info.record_counts()["enterprises"] == 1
    finally:
        reopened.close()


def test_restore_is_refused_while_the_database_is_open(context: Any, paths: AppPaths) -> None:
    backup = context.services.backups.make_backup()
    factories.enterprise(context.services)
    before, files = paths.database.read_bytes(), sorted(os.listdir(paths.backup_dir))
    with pytest.raises(StorageError) as caught:
        restore_database(paths, backup.path)
    assert caught.value.code == "backup.in_use"
    assert paths.database.read_bytes() == before
    assert sorted(os.listdir(paths.backup_dir)) == files
    assert context.services.info.record_counts()["enterprises"] == 1


def _truncated(good: Path, target: Path) -> None:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _random(_good: Path, target: Path) -> None:
    target.write_bytes(os.urandom(64 * 1024))


def _foreign(_good: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(target)) as other:
        other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        other.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
        other.commit()


def _newer(good: Path, target: Path) -> None:
    shutil.copyfile(good, target)
    with contextlib.closing(sqlite3.connect(target)) as newer:
        newer.execute("UPDATE alembic_version SET version_num = '0099_future'")
        newer.commit()


def _empty_database(_good: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(target)) as empty:
        empty.execute("PRAGMA user_version = 1")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (_truncated, "backup.damaged"),
        (_random, "backup.not_sqlite"),
        (_foreign, "backup.not_firstbatch"),
        (_empty_database, "backup.not_firstbatch"),
        (_newer, "backup.newer_schema"),
        (lambda _good, _target: None, "backup.missing"),
    ],
    ids=["truncated", "random-bytes", "other-program", "empty-database", "newer", "missing"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    context: Any, paths: AppPaths, tmp_path: Path, make: Any, code: str
) -> None:
    good = context.services.backups.make_backup()
    factories.enterprise(context.services)
    context.close()
    bad = tmp_path / "offered.sqlite3"
    make(good.path, bad)
    data_before = snapshot(paths.data_dir)

    with pytest.raises(StorageError) as caught:
        restore_database(paths, bad)

    assert caught.value.code == code
    assert "未做任何改动" in caught.value.message("zh") or code == "backup.missing"
    assert snapshot(paths.data_dir) == data_before  # the live database byte for byte too


def test_the_live_database_itself_is_not_a_backup(context: Any, paths: AppPaths) -> None:
    context.close()
    with pytest.raises(StorageError) as caught:
        restore_database(paths, paths.database)
    assert caught.value.code == "backup.is_live"


def test_a_live_database_of_random_bytes_is_kept_byte_for_byte_and_replaced(
    context: Any, paths: AppPaths
) -> None:
    factories.enterprise(context.services, name="好的数据")
    backup = context.services.backups.make_backup()
    context.close()
    damaged = os.urandom(16 * 4096)
    paths.database.write_bytes(damaged)
    stale_wal = Path(f"{paths.database}-wal")
    stale_wal.write_bytes(b"stale wal of the damaged file")

    result = restore_database(paths, backup.path)

    assert result.copied_aside is not None and not result.aside_verified
    assert result.copied_aside.read_bytes() == damaged
    assert Path(f"{result.copied_aside}-wal").read_bytes() == b"stale wal of the damaged file"
    assert not stale_wal.exists()
    assert enterprise_names(paths.database) == {"好的数据"}
    assert check_database(paths.database) == []


def test_a_truncated_live_database_is_copied_aside_and_replaced(
    context: Any, paths: AppPaths
) -> None:
    factories.enterprise(context.services, name="好的数据")
    backup = context.services.backups.make_backup()
    context.close()
    data = paths.database.read_bytes()
    damaged = data[: len(data) // 3]  # the header is intact, most pages are gone
    paths.database.write_bytes(damaged)

    result = restore_database(paths, backup.path)

    assert result.copied_aside is not None and not result.aside_verified
    assert result.copied_aside.read_bytes()[:100] == damaged[:100]
    assert not result.copied_aside.with_suffix(".json").exists()
    assert [b.verified for b in list_backups(paths) if b.path == result.copied_aside] == [False]
    assert enterprise_names(paths.database) == {"好的数据"}
    assert check_database(paths.database) == []


def test_restore_into_a_data_directory_without_a_database(context: Any, paths: AppPaths) -> None:
    factories.enterprise(context.services, name="只在备份里的企业")
    backup = context.services.backups.make_backup()
    context.close()
    paths.database.unlink()
    result = restore_database(paths, backup.path)
    assert result.copied_aside is None
    assert enterprise_names(paths.database) == {"只在备份里的企业"}


def test_restore_brings_back_attachment_files_from_the_backup_folder(
    context: Any, paths: AppPaths, tmp_path: Path
) -> None:
    digest = attach_file(context.services, tmp_path, "照片说明.pdf", b"%PDF-1.4 lost " * 30)
    backup = context.services.backups.make_backup()
    context.close()
    stored = paths.attachment_dir / digest[:2] / digest
    stored.unlink()
    result = restore_database(paths, backup.path)
    assert result.attachments_restored == 1
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == digest


def test_an_older_schema_backup_is_restored_and_upgraded_on_the_next_start(
    context: Any, paths: AppPaths, tmp_path: Path
) -> None:
    factories.enterprise(context.services, name="旧版本的企业")
    context.close()
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(paths.database, old)
    with contextlib.closing(sqlite3.connect(old)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002_drafts'")
        connection.commit()

    result = restore_database(paths, old)

    assert result.needs_upgrade and result.schema_revision == "0002_drafts"
    assert result.copied_aside is not None
