"""Starting the program window: it paints first, then opens the data or explains why not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.launch import launch


def _close_when_attached(seen: list[Any]) -> None:
    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            attached = getattr(widget, "ctx", None) is not None
            if widget.objectName() == "main_window" and widget.isVisible() and attached:
                seen.append(widget)
                widget.close()
                QApplication.instance().quit()
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_launch_paints_the_window_and_attaches_the_data(
    data_dir: Path, qtbot: QtBot, prompts: Any
) -> None:
    paths = AppPaths.resolve(data_dir)
    seen: list[Any] = []
    _close_when_attached(seen)
    settings = Settings.load(paths.settings_file)
    code = launch(
        lambda: open_context(data_dir),
        settings,
        paths,
        prompts,
        sign_in=lambda context, window: context.actor,  # the login is tested in test_login
    )
    assert code == 0
    assert seen and seen[0].enterprises_page.model.rowCount() == 0
    assert prompts.errors == []


def test_a_file_that_is_not_a_database_is_explained_and_left_alone(
    tmp_path: Path, qtbot: QtBot, prompts: Any, capsys: Any
) -> None:
    (tmp_path / "firstbatch.sqlite3").write_bytes(b"not a database at all")
    paths = AppPaths.resolve(tmp_path)
    code = launch(lambda: open_context(tmp_path), Settings(), paths, prompts)
    assert code == 1
    assert prompts.errors and "不是 FirstBatch Desk 数据库" in prompts.errors[0]
    assert "不是 FirstBatch Desk 数据库" in capsys.readouterr().err
    assert (tmp_path / "firstbatch.sqlite3").read_bytes() == b"not a database at all"


def test_the_opening_notice_goes_once_the_data_is_attached(window: Any) -> None:
    holder = window.stack.widget(window.START_PAGE)
    shown = [holder.layout().itemAt(i).widget() for i in range(holder.layout().count())]
    assert shown == [window.enterprises_page]
