"""Automatic backups from the program: daily while it runs (off the GUI thread) and on exit."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backup_rotation import table_counts
from firstbatch_desk.services.backups import list_backups
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.auto_backup import AutoBackup
from firstbatch_desk.ui.launch import launch
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.program import (  # noqa: F401 - fixtures
    Start,
    as_owner,
    end,
    programs_fixture,
    settled_event_loop_fixture,
)
from tests.ui.test_launch import _close_when_attached


def live_counts(paths: AppPaths) -> dict[str, int]:
    with closing(sqlite3.connect(paths.database)) as raw:
        return table_counts(raw)


def test_the_daily_timer_backs_up_once_in_the_background(
    context: Any, window: MainWindow, qtbot: QtBot
) -> None:
    factories.enterprise(context.services, name="嘉兴新材料")
    auto = AutoBackup(window, context.paths, window.ctx.tasks, interval_ms=30)
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as first:
        auto.start()
    info = first.args[0]
    assert info is not None and info.reason == "daily" and info.verified
    assert info.path.is_file() and info.counts == live_counts(context.paths)
    assert info.live_counts["enterprises"] == 1
    assert "已自动备份" in window.statusBar().currentMessage()
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as second:
        pass  # the next tick: today has its backup, so none is taken
    assert second.args == [None]
    auto.stop()
    assert [b.path for b in list_backups(context.paths)] == [info.path]


def test_a_failed_daily_backup_is_shown_in_words_and_work_goes_on(
    context: Any, window: MainWindow, qtbot: QtBot
) -> None:
    folder = context.paths.backup_dir
    shutil.rmtree(folder)
    folder.write_text("a file where the backup folder should be", encoding="utf-8")
    auto = AutoBackup(window, context.paths, window.ctx.tasks)
    with qtbot.waitSignal(auto.failed, timeout=10_000) as failed:
        assert auto.check_now()
    assert "自动备份没有完成" in failed.args[0] and "数据库未改动" in failed.args[0]
    assert window.notice_label.text() == "自动备份没有完成"
    assert window.notice_label.toolTip() == failed.args[0]
    assert not auto.busy
    factories.enterprise(context.services)  # the database goes on working
    assert context.services.info.record_counts()["enterprises"] == 1


def test_the_program_backs_up_on_exit_only_when_something_changed(
    data_dir: Path, programs: Start
) -> None:
    paths = AppPaths.resolve(data_dir)
    run = programs(data_dir)
    assert run.auto_backup is not None and run.auto_backup.timer.isActive()
    factories.enterprise(run.window.ctx.services, name="上午登记的企业")
    end(run)
    [first] = list_backups(paths)
    assert first.reason == "on-exit" and first.verified
    assert first.live_counts["enterprises"] == 1 and first.counts == live_counts(paths)
    assert not run.lock.held

    end(programs(data_dir))  # opened and closed again, nothing changed: no new backup
    assert list_backups(paths) == [first]

    run = programs(data_dir)
    factories.enterprise(run.window.ctx.services, name="下午登记的企业")
    end(run)
    [newest] = list_backups(paths)  # the day keeps its newest backup only
    assert newest.path != first.path and newest.live_counts["enterprises"] == 2


def test_a_failed_exit_backup_is_logged_and_does_not_stop_the_exit(
    data_dir: Path, programs: Start, caplog: pytest.LogCaptureFixture
) -> None:
    paths = AppPaths.resolve(data_dir)
    run = programs(data_dir)
    factories.enterprise(run.window.ctx.services)
    shutil.rmtree(paths.backup_dir)
    paths.backup_dir.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        end(run)
    assert any("自动备份没有完成" in r.getMessage() for r in caplog.records)
    assert run.context is None and not run.lock.held
    reopened = open_context(data_dir, readonly=True)  # nothing was lost by the failed backup
    try:
        assert reopened.services.info.record_counts()["enterprises"] == 1
    finally:
        reopened.close()


def test_a_read_only_context_is_never_backed_up(data_dir: Path, programs: Start) -> None:
    paths = AppPaths.resolve(data_dir)
    before = sorted(p.name for p in paths.backup_dir.iterdir())
    run = programs(data_dir, readonly=True)
    assert run.context is not None and run.context.readonly
    assert run.auto_backup is None
    end(run)
    assert sorted(p.name for p in paths.backup_dir.iterdir()) == before


def test_launch_takes_the_exit_backup_after_the_window_closed(
    data_dir: Path, qtbot: QtBot, prompts: Any
) -> None:
    paths = AppPaths.resolve(data_dir)
    seen: list[Any] = []
    _close_when_attached(seen)
    code = launch(
        lambda: open_context(data_dir), Settings.load(paths.settings_file), paths, prompts, as_owner
    )
    assert code == 0 and seen and not seen[0].isVisible()
    [backup] = list_backups(paths)
    assert backup.reason == "on-exit" and backup.verified
    assert backup.counts == live_counts(paths)
