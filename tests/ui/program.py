"""The program as ``launch`` runs it (a :class:`ProgramRun`), driven without its own event loop.

``programs`` starts runs over a data directory with scripted prompts and dialogs;
each run is ended at the end of the test as the program ends (window closed, then
``finish``: the exit backup, the data and the lock closed).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.program_run import ProgramRun


@pytest.fixture(name="settled_event_loop", autouse=True)
def settled_event_loop_fixture(qapp: QApplication) -> None:
    """Undo a quit left behind by an earlier test, so that qtbot's waits wait.

    A test that closes the last window and then calls ``QApplication.quit()`` itself
    leaves a second quit pending; once delivered, outside ``exec()``, it makes every
    event loop return at once (``waitUntil`` then never sees a timer fire). One short
    run of the application's loop consumes it: ``exec()`` starts by clearing it.
    Import this fixture into a test module to have it there (it is autouse).
    """
    QCoreApplication.sendPostedEvents()  # a pending quit is delivered now …
    QTimer.singleShot(0, lambda: qapp.exit(0))
    qapp.exec()  # … and cleared here


def as_owner(context: Any, _window: QWidget) -> Any:
    """Instead of the login dialog: go on as the computer's owner (an administrator)."""
    return context.actor


def attached(run: ProgramRun) -> bool:
    window = run.window
    return window is not None and shiboken6.isValid(window) and window.ctx is not None


def end(run: ProgramRun) -> None:
    """Close the window and end the run as the program does when it exits."""
    window = run.window
    if window is not None and shiboken6.isValid(window):
        if window.ctx is not None:
            window.ctx.tasks.wait()
            QApplication.processEvents()
        window.close()
    run.finish()


Start = Callable[..., ProgramRun]


@pytest.fixture(name="programs")
def programs_fixture(qtbot: QtBot, prompts: Any, dialogs: Any) -> Iterator[Start]:
    """Import it into a test module to use ``programs`` (``start(data_dir, …)``)."""
    runs: list[ProgramRun] = []

    def start(
        data_dir: Path,
        sign_in: Callable[[Any, QWidget], Any] = as_owner,
        *,
        readonly: bool = False,
        wait: bool = True,
        **options: Any,
    ) -> ProgramRun:
        paths = AppPaths.resolve(data_dir)
        run = ProgramRun(
            lambda: open_context(data_dir, readonly=readonly),
            Settings.load(paths.settings_file),
            paths,
            prompts,
            sign_in,
            run_dialog=dialogs,
            **options,
        )
        runs.append(run)
        run.start()
        if wait:
            qtbot.waitUntil(lambda: attached(run), timeout=10_000)
        return run

    yield start
    for run in runs:
        if run.lock.held or run.window is not None:
            end(run)
        shiboken6.delete(run)  # as launch does: not left to Python's cycle collector


def damage_pages(database: Path, tables: tuple[str, ...]) -> list[int]:
    """Overwrite the root page of each table (pages in the middle of the file) with garbage.

    The first page (the header and the schema) stays intact, so SQLite still opens
    the file and only reading those tables, or a check, finds the damage.
    """
    with closing(sqlite3.connect(database)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = raw.execute("PRAGMA page_size").fetchone()[0]
        marks = ",".join("?" for _ in tables)
        pages = [
            int(row[0])
            for row in raw.execute(
                f"SELECT rootpage FROM sqlite_master WHERE name IN ({marks})", tables
            )
        ]
    with database.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size)
            handle.write(bytes([0xA5]) * size)
    return pages


def enterprise_names(database: Path) -> set[str]:
    with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as raw:
        return {row[0] for row in raw.execute("SELECT name FROM enterprises")}
