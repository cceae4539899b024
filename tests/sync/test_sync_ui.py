"""同步 in the window: the sync dialog against a real hub, bundles, and the conflict list.

Set ``FIRSTBATCH_SHOTS`` to a folder to keep pictures of the dialogs as the tests see them.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.dialogs.conflicts_dialog import FIELD, IN_USE, MINE, THEIRS
from firstbatch_desk.ui.hub_address import split_password, with_password
from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.sync.helpers import rename
from tests.ui.conftest import DialogDriver, ScriptedPrompts
from tests.ui.keyboard import type_text

DONE = re.compile(r"同步完成：上传 (\d+) 条，下载 (\d+) 条，附件 \d+ 个，新冲突 (\d+) 处。")


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def dialogs(qtbot: QtBot) -> DialogDriver:
    return DialogDriver(qtbot)


@pytest.fixture
def window_of(
    laptops: Any, qtbot: QtBot, prompts: ScriptedPrompts, dialogs: DialogDriver
) -> Iterator[Callable[[Any], MainWindow]]:
    """The main window over a laptop, with scripted prompts and dialogs."""
    made: list[MainWindow] = []

    def make(context: Any) -> MainWindow:
        main = build_main_window(context, prompts)
        main.ctx.run_dialog = dialogs
        qtbot.addWidget(main)
        main.show()
        made.append(main)
        return main

    yield make
    for main in made:
        main.ctx.tasks.wait()
        QApplication.processEvents()
        main.close()


def settle(window: MainWindow, qtbot: QtBot, done: Callable[[], object]) -> None:
    def ready() -> bool:
        window.ctx.tasks.wait()
        QApplication.processEvents()
        return bool(done())

    qtbot.waitUntil(ready, timeout=15_000)


def file_action(window: MainWindow, text: str) -> Any:
    """An entry of the 文件 menu, found by its text as the officer sees it."""
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == text]
    return action


def sync_in_dialog(dialog: Any, window: MainWindow, qtbot: QtBot, url: str) -> None:
    """Type the hub's address, press 同步 and wait until the dialog is ready again."""
    dialog.url_edit.clear()
    type_text(qtbot, dialog.url_edit, url)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot, dialog.sync_button.isEnabled)


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("FIRSTBATCH_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def make_conflict(hub_url: str, laptops: Any) -> tuple[Any, Any, Any]:
    """Laptops a and b changed one enterprise's address; b has not synced since."""
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services, name="嘉兴冲突测试新材料有限公司")
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    rename(a, made.id, address="嘉兴市南湖区甲路 1 号")
    rename(b, made.id, address="嘉兴市秀洲区乙路 2 号")  # later: the one in use
    a.services.sync.sync(hub_url)
    return a, b, made


def test_sync_brings_a_record_made_on_another_laptop(
    hub_url: str, laptops: Any, window_of: Any, dialogs: DialogDriver, qtbot: QtBot
) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services, name="嘉兴界面同步新材料有限公司")
    a.services.sync.sync(hub_url)
    window = window_of(b)
    assert window.enterprises_page.model.rowCount() == 0
    seen: dict[str, str] = {}

    def run(dialog: Any) -> None:
        assert dialog.url_edit.text() == ""  # nothing remembered yet
        assert dialog.status_box.last_label.text() == "从未同步"
        sync_in_dialog(dialog, window, qtbot, hub_url)
        assert not dialog.error.isVisible()
        seen["result"] = dialog.result_label.text()
        seen["last"] = dialog.status_box.last_label.text()
        seen["hub"] = dialog.status_box.hub_label.text()
        seen["shown"] = dialog.url_edit.text()  # the password went to the masked field
        shot(dialog, "sync_dialog.png")
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    def again(dialog: Any) -> None:
        seen["again"] = dialog.url_edit.text()
        seen["password"] = dialog.password_edit.text()
        seen["masked"] = dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
        dialog.reject()

    dialogs.scripts += [run, again]
    file_action(window, "同步(&Y)…").trigger()
    file_action(window, "同步(&Y)…").trigger()

    done = DONE.fullmatch(seen["result"])
    assert done is not None, seen["result"]
    assert int(done.group(2)) >= 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", seen["last"])
    assert seen["hub"] == b.services.sync.status().hub_id != ""
    assert b.services.enterprises.get_enterprise(made.id).name == "嘉兴界面同步新材料有限公司"
    qtbot.waitUntil(lambda: window.enterprises_page.model.rowCount() == 1)  # lists reloaded
    assert window.settings.hub_url == hub_url
    assert Settings.load(b.paths.settings_file).hub_url == hub_url
    address, password = split_password(hub_url)
    assert seen["shown"] == seen["again"] == address and ":fbd@" not in address
    assert seen["password"] == password == "fbd" and seen["masked"]


@pytest.mark.parametrize(
    ("url", "shown", "password"),
    [
        (
            "postgresql+psycopg://fbd:fbd@localhost/hub",
            "postgresql+psycopg://fbd@localhost/hub",
            "fbd",
        ),
        (
            "postgresql+psycopg://u:p%40ss%2Fw@h:5433/db?x=1",
            "postgresql+psycopg://u@h:5433/db?x=1",
            "p@ss/w",
        ),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db", ""),
        ("postgresql+psycopg://h/db", "postgresql+psycopg://h/db", ""),
        ("not a url", "not a url", ""),
    ],
)
def test_the_password_is_shown_apart_and_put_back(url: str, shown: str, password: str) -> None:
    assert split_password(url) == (shown, password)
    assert with_password(shown, password) == url
    if password:
        parsed = make_url(with_password(shown, password))
        assert (parsed.username, parsed.password) == (make_url(url).username, password)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+psycopg://fbd:secret@127.0.0.1:1/nohub", "连不上总库"),
        ("http://hub.example/firstbatch", "总库地址“http://hub.example/firstbatch”不对"),
    ],
)
def test_a_bad_address_is_explained_and_changes_nothing(
    url: str,
    said: str,
    laptops: Any,
    window_of: Any,
    dialogs: DialogDriver,
    qtbot: QtBot,
) -> None:
    b = laptops("b")
    factories.enterprise(b.services)
    before = b.services.sync.status()
    window = window_of(b)
    seen: dict[str, Any] = {}

    def run(dialog: Any) -> None:
        sync_in_dialog(dialog, window, qtbot, url)
        seen["error"] = dialog.error.text() if dialog.error.isVisible() else ""
        seen["result"] = dialog.result_label.isVisible()
        seen["pending"] = dialog.status_box.pending_label.text()
        dialog.reject()

    dialogs.scripts.append(run)
    window.sync_actions.sync_action.trigger()

    assert said in seen["error"]
    assert "secret" not in seen["error"]  # the password is not shown
    assert not seen["result"]
    assert seen["pending"] == f"{before.pending:,} 条"
    assert b.services.sync.status() == before
    assert window.settings.hub_url == "" and Settings.load(b.paths.settings_file).hub_url == ""


def test_a_conflict_found_by_a_sync_is_settled_from_the_sync_dialog(
    hub_url: str, laptops: Any, window_of: Any, dialogs: DialogDriver, qtbot: QtBot
) -> None:
    a, b, made = make_conflict(hub_url, laptops)
    window = window_of(b)
    seen: dict[str, Any] = {}

    def settle_conflict(conflicts: Any) -> None:
        table = conflicts.table
        seen["cells"] = [table.item(0, c).text() for c in (FIELD, MINE, THEIRS, IN_USE)]
        shot(conflicts, "conflicts.png")
        qtbot.mouseClick(conflicts.take_buttons[0], Qt.MouseButton.LeftButton)
        seen["rows_after"] = table.rowCount()
        seen["count_after"] = conflicts.count_label.text()
        conflicts.reject()

    def run(dialog: Any) -> None:
        sync_in_dialog(dialog, window, qtbot, hub_url)
        seen["result"] = dialog.result_label.text()
        seen["open"] = dialog.status_box.conflicts_label.text()
        qtbot.mouseClick(dialog.status_box.conflicts_button, Qt.MouseButton.LeftButton)
        seen["open_after"] = dialog.status_box.conflicts_label.text()
        dialog.reject()

    dialogs.scripts += [run, settle_conflict]
    window.sync_actions.sync_action.trigger()

    assert seen["result"].endswith("新冲突 1 处。"), seen["result"]
    assert seen["open"] == "1 处"
    field, mine, theirs, in_use = seen["cells"]
    assert field == "地址"
    assert mine.startswith("嘉兴市秀洲区乙路 2 号") and theirs.startswith("嘉兴市南湖区甲路 1 号")
    assert in_use == "本机的值"
    assert (seen["rows_after"], seen["count_after"]) == (0, "没有未处理的冲突。")
    assert seen["open_after"] == "0 处"
    assert b.services.enterprises.get_enterprise(made.id).address == "嘉兴市南湖区甲路 1 号"
    assert b.services.sync.conflicts() == []
    # the choice is an ordinary change: it reaches the other laptop with the next syncs
    b.services.sync.sync(hub_url)
    a.services.sync.sync(hub_url)
    assert a.services.enterprises.get_enterprise(made.id).address == "嘉兴市南湖区甲路 1 号"


def test_the_menu_and_the_status_bar_open_the_conflict_list(
    hub_url: str, laptops: Any, window_of: Any, dialogs: DialogDriver, qtbot: QtBot
) -> None:
    _a, b, made = make_conflict(hub_url, laptops)
    b.services.sync.sync(hub_url)
    window = window_of(b)
    notice = window.sync_actions.conflicts_button
    qtbot.waitUntil(notice.isVisible)
    assert notice.text() == "1 处同步冲突"
    seen: list[str] = []

    def look(conflicts: Any) -> None:
        seen.append(conflicts.count_label.text())
        conflicts.reject()

    def keep_mine(conflicts: Any) -> None:
        qtbot.mouseClick(conflicts.keep_buttons[0], Qt.MouseButton.LeftButton)
        conflicts.settled_check.setChecked(True)  # the settled one is listed on request
        seen.append(conflicts.table.item(0, 5).text())
        conflicts.reject()

    dialogs.scripts += [look, keep_mine]
    file_action(window, "同步冲突(&C)…").trigger()
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)

    assert seen == ["未处理的冲突 1 处", "已保留本机的值"]
    assert b.services.enterprises.get_enterprise(made.id).address == "嘉兴市秀洲区乙路 2 号"
    settle(window, qtbot, lambda: not notice.isVisible())


def test_cancel_stops_the_sync_and_the_progress_names_the_phase(
    hub_url: str,
    laptops: Any,
    window_of: Any,
    dialogs: DialogDriver,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    b = laptops("b")
    factories.enterprise(b.services)
    before = b.services.sync.status()
    real, gate = b.services.sync.sync, threading.Event()

    def held(url: str, progress: Any) -> Any:
        progress("pull", 3, 10)
        gate.wait(10)
        return real(url, progress=progress)

    monkeypatch.setattr(b.services.sync, "sync", held)
    window = window_of(b)
    seen: dict[str, Any] = {}

    def run(dialog: Any) -> None:
        dialog.url_edit.setText(hub_url)
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        progress = dialog.findChild(QProgressDialog, "job_progress")
        qtbot.waitUntil(lambda: progress.labelText() == "正在下载总库的改动：3 / 10 条")
        seen["bar"] = (progress.value(), progress.maximum())
        (cancel,) = [b for b in progress.findChildren(QPushButton) if b.text() == "取消"]
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        gate.set()
        settle(window, qtbot, dialog.sync_button.isEnabled)
        seen["error"] = dialog.error.text()
        dialog.reject()

    dialogs.scripts.append(run)
    window.sync_actions.sync_action.trigger()

    assert seen["bar"] == (3, 10)
    assert seen["error"].startswith("同步已取消")
    after = b.services.sync.status()
    assert (after.pending, after.last_sync) == (before.pending, "")
    assert window.settings.hub_url == ""


def test_bundles_are_written_and_taken_in_from_the_dialog(
    hub_url: str,
    laptops: Any,
    window_of: Any,
    dialogs: DialogDriver,
    prompts: ScriptedPrompts,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    office, field = laptops("office"), laptops("field")
    office.services.sync.sync(hub_url)
    field.services.sync.sync(hub_url)
    mine = factories.enterprise(field.services, name="嘉兴离线带回新材料有限公司")
    theirs = factories.enterprise(office.services, name="嘉兴办公室新材料有限公司")
    office.services.sync.sync(hub_url)
    down = tmp_path / "for-field.fbsync"
    office.services.sync.export_hub_bundle(hub_url, field.settings.installation_id[:32], down)
    prompts.save_path = tmp_path / "up"  # the suffix is added
    prompts.open_files = [down]
    window = window_of(field)
    seen: list[str] = []

    def run(dialog: Any) -> None:
        for button in (dialog.export_button, dialog.import_button):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            settle(window, qtbot, button.isEnabled)
            seen.append(dialog.result_label.text())
        dialog.reject()

    dialogs.scripts.append(run)
    window.sync_actions.sync_action.trigger()

    up = tmp_path / "up.fbsync"
    assert seen[0].startswith(f"已写出同步包 {up}：") and up.is_file()
    assert seen[1].startswith("已导入同步包 for-field.fbsync："), seen[1]
    assert field.services.enterprises.get_enterprise(theirs.id).name == "嘉兴办公室新材料有限公司"
    office.services.sync.import_hub_bundle(hub_url, up)
    office.services.sync.sync(hub_url)
    assert office.services.enterprises.get_enterprise(mine.id).name == "嘉兴离线带回新材料有限公司"
