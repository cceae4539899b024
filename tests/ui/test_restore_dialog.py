"""文件 → 从备份恢复…: the list of backups, the refusals, and a restore that reopens the data.

Real backups on real files; the restore goes through the program as ``launch`` runs
it (:class:`ProgramRun`): the window and the data are closed, the backup restored,
the data opened again in a new window.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import uuid
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.domain.accounts import Role
from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.errors import PermissionDeniedError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backups import list_backups
from firstbatch_desk.services.base import Actor
from firstbatch_desk.ui.dialogs.restore_dialog import RestoreDialog
from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.models.backup_table_model import BackupColumn, size_text
from tests import factories
from tests.services.test_accounts import services_as
from tests.ui.program import (  # noqa: F401 - fixtures
    Start,
    attached,
    enterprise_names,
    programs_fixture,
    settled_event_loop_fixture,
)

DISK_FULL_ZH = "磁盘空间不足，备份或恢复没有完成；数据库未改动。"


def texts(dialog: RestoreDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def prepared(data_dir: Path) -> BackupInfo:
    """One enterprise in a backup, a second one added after it (the program is closed)."""
    context = open_context(data_dir)
    try:
        factories.enterprise(context.services, name="备份前的企业")
        backup = context.services.backups.make_backup(now=datetime(2025, 5, 1, 9, 30).astimezone())
        factories.enterprise(context.services, name="备份后新增的企业")
    finally:
        context.close()
    return backup


def recording_confirm(prompts: Any, answer: bool = True) -> list[str]:
    """Make the scripted prompts keep the confirmation texts (and answer ``answer``)."""
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    prompts.confirm = confirm
    return asked


# -- the list ---------------------------------------------------------------------------------


def test_the_backups_are_listed_with_date_kind_size_counts_and_check(
    context: Any, window: MainWindow, dialogs: Any, qtbot: QtBot, qtmodeltester: Any
) -> None:
    services, folder = context.services, context.paths.backup_dir
    factories.enterprise(services)
    manual = services.backups.make_backup(now=datetime(2025, 5, 1, 9, 30).astimezone())
    factories.recognised_case(services)
    daily = services.backups.make_backup("daily", now=datetime(2025, 5, 2, 18, 5).astimezone())
    stray = folder / "firstbatch-20250503-080000-manual.sqlite3"  # copied in by hand: no record
    shutil.copyfile(daily.path, stray)
    seen: dict[str, Any] = {}

    def look(dialog: RestoreDialog) -> None:
        qtmodeltester.check(dialog.model, force_py=True)
        seen["rows"] = texts(dialog)
        seen["selected"] = dialog.selected()
        seen["restore_enabled"] = dialog.restore_button.isEnabled()
        dialog.reject()

    dialogs.scripts.append(look)
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()

    unknown = ["—"] * 5  # no record: the counts are not known without opening the file
    stray_size, daily_size, manual_size = (
        size_text(stray.stat().st_size),
        size_text(daily.size),
        size_text(manual.size),
    )
    assert seen["rows"] == [
        ["2025-05-03 08:00", "手动备份", stray_size, *unknown, "未核对：没有核对记录"],
        ["2025-05-02 18:05", "每日自动", daily_size, "2", "1", "1", "0", "0", "核对无误"],
        ["2025-05-01 09:30", "手动备份", manual_size, "1", "0", "0", "0", "0", "核对无误"],
    ]
    assert seen["selected"].path == stray and seen["restore_enabled"]


def test_an_empty_backup_folder_says_so(window: MainWindow, dialogs: Any) -> None:
    seen: list[Any] = []

    def look(dialog: RestoreDialog) -> None:
        seen.append((dialog.model.rowCount(), dialog.empty_label.isVisibleTo(dialog)))
        seen.append(dialog.restore_button.isEnabled())
        dialog.reject()

    dialogs.scripts.append(look)
    window.open_restore()
    assert seen == [(0, True), False]


# -- refusals ---------------------------------------------------------------------------------


def test_only_an_administrator_may_restore(context: Any) -> None:
    backup = context.services.backups.make_backup()
    officer = context.services.reference.add_officer(OfficerInput("陈晓明"))
    for role in (Role.OFFICER, Role.SUPERVISOR):
        backups = services_as(context, role, officer.id).backups
        assert not backups.may_restore()
        with pytest.raises(PermissionDeniedError) as caught:
            backups.check_restore(backup.path)
        assert "从备份恢复数据库" in caught.value.message() and "管理员" in caught.value.message()
    admin = services_as(context, Role.ADMIN).backups
    assert admin.may_restore()
    assert admin.check_restore(backup.path).counts == backup.counts


def test_an_officer_s_window_offers_no_restore(
    context: Any, prompts: Any, dialogs: Any, qtbot: QtBot
) -> None:
    officer = context.services.reference.add_officer(OfficerInput("陈晓明"))
    context.sign_in(Actor("陈晓明", officer.id, Role.OFFICER, uuid.uuid4()))
    main = build_main_window(context, prompts)
    main.ctx.run_dialog = dialogs
    qtbot.addWidget(main)
    try:
        assert not main.restore_action.isEnabled()
        main.open_restore()  # reached some other way: refused in words, no dialog
        assert dialogs.seen == []
        assert len(prompts.errors) == 1 and "从备份恢复数据库" in prompts.errors[0]
    finally:
        main.ctx.tasks.wait()
        main.close()


def _damaged(backup: Path) -> None:
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])


def _missing(backup: Path) -> None:
    backup.unlink()


@pytest.mark.parametrize(
    ("spoil", "words"),
    [(_damaged, "已损坏"), (_missing, "找不到备份文件")],
    ids=["damaged", "missing"],
)
def test_a_bad_backup_is_refused_in_words_and_nothing_changes(
    context: Any,
    window: MainWindow,
    dialogs: Any,
    prompts: Any,
    qtbot: QtBot,
    spoil: Any,
    words: str,
) -> None:
    factories.enterprise(context.services, name="现在的企业")
    backup = context.services.backups.make_backup()
    requested: list[Any] = []
    window.restore_requested.connect(requested.append)
    asked = recording_confirm(prompts)
    seen: dict[str, Any] = {}

    def try_it(dialog: RestoreDialog) -> None:
        assert dialog.select_path(backup.path.name)
        spoil(backup.path)  # spoilt after it was listed
        click(qtbot, dialog.restore_button)
        qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10_000)
        seen["message"] = dialog.message_label.text()
        seen["result"] = dialog.result()
        dialog.reject()

    dialogs.scripts.append(try_it)
    window.restore_action.trigger()

    assert words in prompts.errors[0] and seen["message"] == prompts.errors[0]
    assert "未做任何改动" in prompts.errors[0] or words == "找不到备份文件"
    assert seen["result"] != QDialog.DialogCode.Accepted
    assert asked == [] and requested == []
    assert context.services.info.record_counts()["enterprises"] == 1
    assert [b.path for b in list_backups(context.paths)] == (
        [] if spoil is _missing else [backup.path]
    )


# -- restoring through the program -------------------------------------------------------------


def _choose(qtbot: QtBot, name: str) -> Any:
    def script(dialog: RestoreDialog) -> None:
        assert dialog.select_path(name)
        click(qtbot, dialog.restore_button)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)

    return script


def test_restore_from_the_file_menu_replaces_the_data_and_reopens_the_program(
    data_dir: Path, programs: Start, dialogs: Any, prompts: Any, qtbot: QtBot
) -> None:
    paths = AppPaths.resolve(data_dir)
    backup = prepared(data_dir)
    run = programs(data_dir)
    old = run.window
    asked = recording_confirm(prompts)
    dialogs.scripts.append(_choose(qtbot, backup.path.name))

    old.restore_action.trigger()
    qtbot.waitUntil(lambda: run.window is not old and attached(run), timeout=10_000)

    assert "2025-05-01 09:30" in asked[0] and "企业 1 家" in asked[0]
    assert str(paths.backup_dir) in asked[0] and "另存" in asked[0]
    assert not shiboken6.isValid(old)  # the old window and its pages are gone
    assert enterprise_names(paths.database) == {"备份前的企业"}
    page = run.window.enterprises_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    [aside] = [b for b in list_backups(paths) if b.reason == "before-restore"]
    assert aside.verified and enterprise_names(aside.path) == {"备份前的企业", "备份后新增的企业"}
    assert prompts.infos == [
        "已用 2025-05-01 09:30 的备份恢复数据库（企业 1 家、认定 0 项、档案 0 份、走访 0 次、"
        f"诉求 0 项）。\n恢复前的数据库已另存为“{aside.path}”。"
    ]
    assert prompts.errors == [] and run.lock.held and run.exit_code is None


def test_declining_the_confirmation_changes_nothing(
    data_dir: Path, programs: Start, dialogs: Any, prompts: Any, qtbot: QtBot
) -> None:
    paths = AppPaths.resolve(data_dir)
    backup = prepared(data_dir)
    run = programs(data_dir)
    window = run.window
    recording_confirm(prompts, answer=False)
    seen: list[int] = []

    def decline(dialog: RestoreDialog) -> None:
        assert dialog.select_path(backup.path.name)
        click(qtbot, dialog.restore_button)
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=10_000)
        seen.append(dialog.result())
        dialog.reject()

    dialogs.scripts.append(decline)
    window.restore_action.trigger()
    QtBot.wait(qtbot, 50)
    assert seen == [0] and run.window is window and attached(run)
    assert enterprise_names(paths.database) == {"备份前的企业", "备份后新增的企业"}
    assert [b.reason for b in list_backups(paths)] == ["manual"]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_the_restore_changes_nothing_and_says_so(
    data_dir: Path, programs: Start, dialogs: Any, prompts: Any, qtbot: QtBot
) -> None:
    """The operating system refuses the writes past a file-size limit, as on a full disk."""
    import resource

    paths = AppPaths.resolve(data_dir)
    backup = prepared(data_dir)
    run = programs(data_dir)
    old = run.window
    recording_confirm(prompts)
    dialogs.scripts.append(_choose(qtbot, backup.path.name))
    files_before = sorted(os.listdir(paths.backup_dir))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    errors: list[str] = []

    def error(_parent: Any, text: str) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # room again to reopen
        errors.append(text)

    prompts.error = error
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    try:
        old.restore_action.trigger()
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
    qtbot.waitUntil(lambda: run.window is not old and attached(run), timeout=10_000)

    assert errors == [DISK_FULL_ZH]
    assert enterprise_names(paths.database) == {"备份前的企业", "备份后新增的企业"}
    with closing(sqlite3.connect(paths.database)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert sorted(os.listdir(paths.backup_dir)) == files_before
    page = run.window.enterprises_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert prompts.infos == []


def test_the_table_columns_are_named(window: MainWindow, dialogs: Any) -> None:
    headers: list[str] = []

    def look(dialog: RestoreDialog) -> None:
        model = dialog.model
        headers.extend(
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        )
        dialog.reject()

    dialogs.scripts.append(look)
    window.open_restore()
    assert headers[BackupColumn.TAKEN_AT] == "备份时间" and headers[BackupColumn.STATE] == "核对"
    assert headers[BackupColumn.ENTERPRISES : BackupColumn.STATE] == [
        "企业",
        "认定",
        "档案",
        "走访",
        "诉求",
    ]
