"""One program at a time on a data directory; a lock left by a killed program never blocks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from firstbatch_desk.cli import main
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.ui.prompts import Prompts

ROOT = Path(__file__).resolve().parent.parent

IN_USE_ZH = "正被另一个 FirstBatch Desk 使用"

HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from firstbatch_desk.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _refusal(lock_file: Path) -> StorageError:
    with pytest.raises(StorageError) as caught:
        InstanceLock(lock_file).acquire()
    return caught.value


def test_a_second_holder_is_refused_with_the_holders_pid_and_host(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "数据")
    first = InstanceLock(paths.lock_file)
    first.acquire()
    try:
        error = _refusal(paths.lock_file)
        assert error.code == "storage.in_use"
        assert error.message("zh") == (
            f"数据目录“{paths.data_dir}”正被另一个 FirstBatch Desk 使用"
            f"（进程 {os.getpid()}，{socket.gethostname()}）。请先关闭它，或选择其他数据目录。"
        )
        assert f"process {os.getpid()} on {socket.gethostname()}" in error.message("en")
        assert "started=" in paths.lock_file.read_text(encoding="utf-8")
    finally:
        first.release()
    with InstanceLock(paths.lock_file) as second:  # free again once released
        assert second.held
    assert not second.held
    assert paths.lock_file.exists()  # never deleted: that would let two programs lock two files


def test_the_lock_is_released_when_the_with_block_fails(tmp_path: Path) -> None:
    lock_file = tmp_path / ".lock"
    with pytest.raises(RuntimeError), InstanceLock(lock_file):
        raise RuntimeError("boom")
    with InstanceLock(lock_file):
        pass


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path: Path) -> None:
    lock_file = AppPaths.resolve(tmp_path).lock_file
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        error = _refusal(lock_file)
        assert error.params["pid"] == str(holder.pid)
    finally:
        holder.kill()  # SIGKILL: no clean-up code runs in the holder
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert f"pid={holder.pid}" in lock_file.read_text(encoding="utf-8")  # the file is left
    lock = InstanceLock(lock_file)
    lock.acquire()
    try:
        assert f"pid={os.getpid()}" in lock_file.read_text(encoding="utf-8")
    finally:
        lock.release()


def test_writing_commands_are_refused_while_the_data_is_open(
    data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    from tests.importing_files import provincial_list

    paths = AppPaths.resolve(data_dir)
    before = paths.database.read_bytes()
    listing = provincial_list(tmp_path / "名单.xlsx")
    with InstanceLock(paths.lock_file):
        assert main(["demo", "--scale", "5", "--data-dir", str(data_dir)]) == 1
        assert IN_USE_ZH in capsys.readouterr().err
        code = main(
            ["import", str(listing), "--scheme", "省首批次认定", "--data-dir", str(data_dir)]
        )
        assert code == 1
        assert IN_USE_ZH in capsys.readouterr().err
        assert paths.database.read_bytes() == before
        assert main(["info", "--data-dir", str(data_dir)]) == 0  # reading needs no lock
        assert main(["list", "enterprises", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["demo", "--scale", "5", "--data-dir", str(data_dir)]) == 0
    with InstanceLock(paths.lock_file):  # the command gave the lock back
        pass


def test_a_new_data_directory_is_refused_without_being_created(tmp_path: Path, capsys: Any) -> None:
    paths = AppPaths.resolve(tmp_path / "new")
    with InstanceLock(paths.lock_file):
        assert main(["demo", "--scale", "5", "--data-dir", str(paths.data_dir)]) == 1
    assert IN_USE_ZH in capsys.readouterr().err
    assert not paths.database.exists()


class _Prompts(Prompts):
    """Records error messages instead of opening message boxes."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, parent: QWidget | None, text: str) -> None:
        self.errors.append(text)


def _as_owner(context: Any, _window: QWidget) -> Any:
    """Instead of the login dialog: go on as the computer's owner."""
    return context.actor


def _close_when_attached(seen: list[str], lock_file: Path) -> None:
    """When the window has its data, try to take the lock as a second program would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            ctx = getattr(widget, "ctx", None)
            # This test's window only: an earlier test's window may still be around.
            if (
                widget.objectName() == "main_window"
                and ctx is not None
                and ctx.services.backups.paths.lock_file == lock_file
            ):
                try:
                    InstanceLock(lock_file).acquire()
                    seen.append("not locked")
                except StorageError as exc:
                    seen.append(exc.code)
                widget.close()
                QApplication.instance().quit()
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_the_program_window_holds_the_lock_until_it_ends(data_dir: Path, qtbot: Any) -> None:
    from firstbatch_desk.app import open_context
    from firstbatch_desk.settings import Settings
    from firstbatch_desk.ui.launch import launch

    paths = AppPaths.resolve(data_dir)
    prompts = _Prompts()
    seen: list[str] = []
    _close_when_attached(seen, paths.lock_file)
    code = launch(lambda: open_context(data_dir), Settings(), paths, prompts, sign_in=_as_owner)
    assert code == 0 and prompts.errors == []
    assert seen == ["storage.in_use"]
    with InstanceLock(paths.lock_file):
        pass


def test_a_second_program_window_is_refused_with_a_message(tmp_path: Path, qtbot: Any) -> None:
    from firstbatch_desk.app import open_context
    from firstbatch_desk.settings import Settings
    from firstbatch_desk.ui.launch import EXIT_CANNOT_OPEN, launch

    paths = AppPaths.resolve(tmp_path / "data")
    prompts = _Prompts()
    opened: list[bool] = []

    def open_data() -> Any:
        opened.append(True)
        return open_context(paths.data_dir)

    with InstanceLock(paths.lock_file):
        code = launch(open_data, Settings(), paths, prompts, sign_in=_as_owner)
    assert code == EXIT_CANNOT_OPEN
    assert len(prompts.errors) == 1 and IN_USE_ZH in prompts.errors[0]
    assert f"进程 {os.getpid()}" in prompts.errors[0]
    assert opened == []  # the data was not even opened
    assert not paths.database.exists()
