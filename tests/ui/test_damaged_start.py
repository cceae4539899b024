"""A damaged database at start-up: explained in words, the newest good backup offered.

The database is a real file damaged on purpose: pages in the middle of it are
overwritten with garbage, as a failing disk or a cut power supply leaves them.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.domain.accounts import Role
from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backups import list_backups
from firstbatch_desk.services.base import Actor
from firstbatch_desk.services.maintenance import quick_check_problems
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.launch import EXIT_CANNOT_OPEN, launch
from firstbatch_desk.ui.program_run import ProgramRun
from tests import factories
from tests.ui.program import (  # noqa: F401 - fixtures
    Start,
    as_owner,
    attached,
    damage_pages,
    end,
    enterprise_names,
    programs_fixture,
    settled_event_loop_fixture,
)

# Read when the database is opened (its schema revision, its change counter) …
READ_ON_OPENING = ("alembic_version", "change_counter")
# … and read only by the pages behind the open window, or by the quick check.
READ_LATER = ("needs", "visits")


@pytest.fixture
def backed_up(data_dir: Path) -> BackupInfo:
    """A backup with one enterprise; a second enterprise is added after it."""
    context = open_context(data_dir)
    try:
        factories.enterprise(context.services, name="备份中的企业")
        backup = context.services.backups.make_backup()
        factories.enterprise(context.services, name="备份后新增的企业")
    finally:
        context.close()
    return backup


def offered(prompts: Any, backup: BackupInfo, paths: AppPaths) -> str:
    [question] = prompts.questions
    assert "已损坏" in question and "database disk image is malformed" in question
    assert backup.taken_at.strftime("%Y-%m-%d %H:%M") in question
    assert "企业 1 家" in question and str(paths.backup_dir) in question
    return question


def restored(run: ProgramRun, qtbot: QtBot, paths: AppPaths, damaged: bytes) -> None:
    """The backup's data is open in a new window; the damaged pages are kept as they were."""
    qtbot.waitUntil(lambda: attached(run) and not run.damaged, timeout=10_000)
    assert enterprise_names(paths.database) == {"备份中的企业"}
    assert quick_check_problems(paths.database) == []
    [aside] = [b for b in list_backups(paths) if b.reason == "before-restore"]
    kept = aside.path.read_bytes()
    # every page as it was; of the 100-byte file header, the restore changed the journal
    # mode and the change counter before it copied the file aside
    assert len(kept) == len(damaged) and kept[100:] == damaged[100:]
    page = run.window.enterprises_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_damage_found_when_opening_is_explained_and_the_backup_restored(
    data_dir: Path, backed_up: BackupInfo, programs: Start, prompts: Any, qtbot: QtBot
) -> None:
    paths = AppPaths.resolve(data_dir)
    damage_pages(paths.database, READ_ON_OPENING)
    damaged = paths.database.read_bytes()
    prompts.choices = [0]  # 恢复此备份
    windows: list[Any] = []
    run = programs(data_dir, sign_in=lambda c, w: windows.append(w) or c.actor, wait=False)
    first = run.window

    restored(run, qtbot, paths, damaged)

    offered(prompts, backed_up, paths)
    assert first.ctx is None  # the damaged data was never shown
    assert windows == [run.window]  # the login was asked once, for the restored data
    assert "恢复前的数据库已损坏，已原样另存为" in prompts.infos[0]


def test_damage_found_by_the_quick_check_behind_the_open_window(
    data_dir: Path, backed_up: BackupInfo, programs: Start, prompts: Any, qtbot: QtBot
) -> None:
    paths = AppPaths.resolve(data_dir)
    pages = damage_pages(paths.database, READ_LATER)
    assert all(page > 10 for page in pages)  # the middle of the file, not its header
    damaged = paths.database.read_bytes()
    prompts.choices = [0]
    run = programs(data_dir)  # the file opens: the damage is in pages not read yet
    first = run.window

    qtbot.waitUntil(lambda: run.window is not first, timeout=10_000)
    restored(run, qtbot, paths, damaged)

    offered(prompts, backed_up, paths)
    assert "已用" in prompts.infos[0] and "原样另存为" in prompts.infos[0]


def test_quit_at_the_offer_ends_the_program_and_leaves_the_file_alone(
    data_dir: Path, backed_up: BackupInfo, qtbot: QtBot, prompts: Any, capsys: Any
) -> None:
    paths = AppPaths.resolve(data_dir)
    damage_pages(paths.database, READ_ON_OPENING)
    damaged = paths.database.read_bytes()
    prompts.choices = [1]  # 退出

    code = launch(
        lambda: open_context(data_dir), Settings.load(paths.settings_file), paths, prompts, as_owner
    )

    assert code == EXIT_CANNOT_OPEN
    offered(prompts, backed_up, paths)
    assert "已损坏" in capsys.readouterr().err
    assert paths.database.read_bytes() == damaged
    assert [b.path for b in list_backups(paths)] == [backed_up.path]


def test_without_a_good_backup_the_damage_is_explained_and_nothing_changes(
    data_dir: Path, backed_up: BackupInfo, programs: Start, prompts: Any, qtbot: QtBot
) -> None:
    paths = AppPaths.resolve(data_dir)
    data = backed_up.path.read_bytes()
    backed_up.path.write_bytes(data[: len(data) // 2])  # the only backup is damaged too
    damage_pages(paths.database, READ_ON_OPENING)
    damaged = paths.database.read_bytes()

    run = programs(data_dir, wait=False)
    qtbot.waitUntil(lambda: run.exit_code is not None, timeout=10_000)

    assert run.exit_code == EXIT_CANNOT_OPEN and not run.lock.held
    assert prompts.questions == []
    [error] = prompts.errors
    assert "已损坏" in error and "没有完好的备份" in error and str(paths.backup_dir) in error
    assert paths.database.read_bytes() == damaged


def test_an_officer_is_told_to_ask_an_administrator_and_nothing_is_backed_up(
    data_dir: Path,
    backed_up: BackupInfo,
    programs: Start,
    prompts: Any,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paths = AppPaths.resolve(data_dir)
    damage_pages(paths.database, READ_LATER)
    officer = Actor("陈晓明", uuid.uuid4(), Role.OFFICER, uuid.uuid4())
    run = programs(data_dir, sign_in=lambda _context, _window: officer)

    qtbot.waitUntil(lambda: run.damaged, timeout=10_000)
    qtbot.waitUntil(lambda: any("请管理员从备份恢复" in e for e in prompts.errors))

    assert prompts.questions == []  # no restore offered to an officer
    assert run.window.notice_label.text() == "数据库已损坏"
    assert run.auto_backup is not None and not run.auto_backup.timer.isActive()
    with caplog.at_level(logging.WARNING):
        end(run)  # no exit backup of a damaged database: not even tried
    assert caplog.records == []
    assert [b.path for b in list_backups(paths)] == [backed_up.path]
