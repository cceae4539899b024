"""Logging in: the first administrator, the login with wrong and right passwords, the lockout,
the idle lock that keeps a half-typed form, changing one's password, the 账户 dialog.

Passwords are hashed with the lowest Argon2 cost here (a setting, see ``fast``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from firstbatch_desk.app import open_context
from firstbatch_desk.domain.accounts import AccountInput, Role, local_clock
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.dialogs.account_dialog import AccountsDialog
from firstbatch_desk.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog, run_sign_in
from firstbatch_desk.ui.dialogs.visit_draft import NEW_KIND
from firstbatch_desk.ui.launch import build_main_window, launch
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.services.test_accounts import FAST
from tests.ui.keyboard import type_text

PASSWORD = "jiaxing2026"


@pytest.fixture
def fast(context: Any) -> Any:
    """The context with cheap password hashing (the services built anew with it)."""
    context.config = replace(context.config, password_cost=FAST)
    context.sign_in(context.actor)
    return context


@pytest.fixture
def signed_in(fast: Any) -> Any:
    """An administrator's account exists and the context acts as it."""
    fast.services.accounts.create_first_admin("admin", "王管理", PASSWORD)
    fast.sign_in(fast.services.accounts.authenticate("admin", PASSWORD))
    return fast


@pytest.fixture
def admin_window(signed_in: Any, window: MainWindow) -> MainWindow:
    return window


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    type_text(qtbot, dialog.password_edit, password)
    _click(qtbot, dialog.login_button)


def test_the_first_start_creates_the_administrator(fast: Any, qtbot: QtBot, dialogs: Any) -> None:
    messages: list[str] = []

    def create(dialog: FirstAdminDialog) -> None:
        assert dialog.objectName() == "first_admin_dialog"
        type_text(qtbot, dialog.username_edit, "admin")
        type_text(qtbot, dialog.display_name_edit, "王管理")
        type_text(qtbot, dialog.password_edit, PASSWORD)
        type_text(qtbot, dialog.confirm_edit, "jiaxing2025")
        _click(qtbot, dialog.create_admin_button)
        messages.append(dialog.message_label.text())
        for edit in (dialog.password_edit, dialog.confirm_edit):
            edit.setText("20260302")
        _click(qtbot, dialog.create_admin_button)
        messages.append(dialog.message_label.text())
        for edit in (dialog.password_edit, dialog.confirm_edit):
            edit.setText(PASSWORD)
        _click(qtbot, dialog.create_admin_button)

    dialogs.scripts.append(create)
    actor = run_sign_in(fast.services.accounts, run_dialog=dialogs)
    assert messages == ["两次输入的新密码不一致。", "密码不能全是数字。"]
    assert actor is not None and actor.role is Role.ADMIN and actor.name == "王管理"
    assert fast.services.accounts.has_accounts()


def test_a_wrong_then_the_right_password(signed_in: Any, qtbot: QtBot, dialogs: Any) -> None:
    seen: list[tuple[str, str]] = []

    def log_in(dialog: LoginDialog) -> None:
        _log_in(qtbot, dialog, "admin", "not-my-password")
        assert dialog.result() != dialog.DialogCode.Accepted
        seen.append((dialog.message_label.text(), dialog.password_edit.text()))
        _log_in(qtbot, dialog, "admin", PASSWORD)

    dialogs.scripts.append(log_in)
    actor = run_sign_in(signed_in.services.accounts, username="admin", run_dialog=dialogs)
    assert seen == [("密码不对。再错 4 次，账户将锁定 5 分钟。", "")]
    assert actor is not None and actor.account_id is not None


def test_five_wrong_passwords_say_until_when_the_account_is_locked(
    signed_in: Any, qtbot: QtBot, dialogs: Any
) -> None:
    seen: list[str] = []

    def hammer(dialog: LoginDialog) -> None:
        for attempt in range(5):
            _log_in(qtbot, dialog, "admin", f"guess-{attempt}")
        seen.append(dialog.message_label.text())
        _log_in(qtbot, dialog, "admin", PASSWORD)  # right, but too late
        seen.append(dialog.message_label.text())
        dialog.reject()

    dialogs.scripts.append(hammer)
    assert run_sign_in(signed_in.services.accounts, run_dialog=dialogs) is None
    until = signed_in.services.accounts.list_accounts()[0].locked_until
    assert until is not None
    assert seen[0] == f"账户“admin”因连续 5 次密码错误已锁定，请在 {local_clock(until)} 之后再试。"
    assert seen[1] == seen[0]


def test_escape_at_the_login_quits(signed_in: Any, qtbot: QtBot, dialogs: Any) -> None:
    def escape(dialog: LoginDialog) -> None:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)

    dialogs.scripts.append(escape)
    assert run_sign_in(signed_in.services.accounts, run_dialog=dialogs) is None


def test_demo_data_come_with_a_supervisor_login(tmp_path: Path, qtbot: QtBot) -> None:
    from firstbatch_desk.cli.commands import ensure_demo

    context, made = ensure_demo(tmp_path / "demo", visits=20)
    try:
        assert made and context.login_username == "demo"
        actor = context.services.accounts.authenticate("demo", context.demo_password)
        assert context.demo_password == "demo1234"
        assert actor.role is Role.SUPERVISOR and actor.officer_id is not None
        dialog = LoginDialog(
            context.services.accounts, username="demo", demo_password=context.demo_password
        )
        qtbot.addWidget(dialog)
        assert dialog.username_edit.text() == "demo"
        hint = dialog.findChild(QWidget, "demo_hint")
        assert hint is not None and "demo1234" in hint.text()
    finally:
        context.close()


def _poll(step: Callable[[], bool]) -> None:
    """Run ``step`` every 20 ms until it returns True (drives dialogs shown with exec())."""

    def tick() -> None:
        if not step():
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def _prepared(data_dir: Path) -> tuple[Settings, AppPaths]:
    """An administrator in ``data_dir``, whose settings ask for cheap password hashes."""
    paths = AppPaths.resolve(data_dir)
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    raw.update(password_time_cost=1, password_memory_kib=8, password_parallelism=1)
    paths.settings_file.write_text(json.dumps(raw), encoding="utf-8")
    context = open_context(data_dir)
    context.services.accounts.create_first_admin("admin", "王管理", PASSWORD)
    context.close()
    return Settings.load(paths.settings_file), paths


def test_the_program_asks_for_the_login_before_it_shows_any_data(
    data_dir: Path, qtbot: QtBot, prompts: Any
) -> None:
    settings, paths = _prepared(data_dir)
    seen: dict[str, Any] = {}

    def drive() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            return False
        window = dialog.parentWidget()
        seen["attached_during_login"] = getattr(window, "ctx", None) is not None
        _log_in(qtbot, dialog, "admin", "wrong-password")
        seen["message"] = dialog.message_label.text()
        _log_in(qtbot, dialog, "admin", PASSWORD)
        _poll(lambda: _close_attached(seen))
        return True

    _poll(drive)
    assert launch(lambda: open_context(data_dir), settings, paths, prompts) == 0
    assert seen["attached_during_login"] is False
    assert "再错 4 次" in seen["message"]
    assert "王管理（管理员）" in seen["title"] and "王管理" in seen["user"]


def _close_attached(seen: dict[str, Any]) -> bool:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.ctx is not None:
            seen["title"] = widget.windowTitle()
            seen["user"] = widget.account_actions.user_label.text()
            widget.close()
            QApplication.instance().quit()
            return True
    return False


def test_quitting_the_login_ends_the_program_without_data(
    data_dir: Path, qtbot: QtBot, prompts: Any
) -> None:
    settings, paths = _prepared(data_dir)
    windows: list[Any] = []

    def escape() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            return False
        windows.append(dialog.parentWidget())
        _click(qtbot, dialog.quit_button)
        return True

    _poll(escape)
    assert launch(lambda: open_context(data_dir), settings, paths, prompts) == 0
    assert windows and windows[0].ctx is None
    windows[0].close()


def test_the_window_says_who_is_signed_in(admin_window: MainWindow) -> None:
    assert admin_window.account_actions.user_label.text() == "当前用户：王管理（管理员）"
    assert admin_window.windowTitle().endswith("王管理（管理员）")
    assert admin_window.account_actions.accounts_action.isEnabled()
    assert admin_window.account_actions.change_password_action.isEnabled()


def test_the_local_administrator_has_no_password_or_lock(window: MainWindow) -> None:
    actions = window.account_actions
    assert "本机管理员" in actions.user_label.text()
    assert not actions.change_password_action.isEnabled()
    assert not actions.lock_action.isEnabled() and actions.idle_lock is None


def test_an_officer_s_window_offers_no_accounts_settings_or_import(
    fast: Any, qtbot: QtBot, prompts: Any
) -> None:
    officer = fast.services.reference.add_officer(OfficerInput("陈晓明"))
    fast.services.accounts.create_account(
        AccountInput("chenxm", "陈晓明", Role.OFFICER, "zoufang2026", officer.id)
    )
    fast.sign_in(fast.services.accounts.authenticate("chenxm", "zoufang2026"))
    main = build_main_window(fast, prompts)
    qtbot.addWidget(main)
    assert "陈晓明（科员/经办人）" in main.account_actions.user_label.text()
    assert not main.account_actions.accounts_action.isEnabled()
    assert not main.settings_action.isEnabled() and not main.import_action.isEnabled()
    main.ctx.tasks.wait()
    main.close()


def test_the_idle_lock_covers_the_window_and_keeps_a_half_typed_visit(
    admin_window: MainWindow, qtbot: QtBot, dialogs: Any, signed_in: Any
) -> None:
    case = factories.recognised_case(signed_in.services)
    idle = admin_window.account_actions.idle_lock
    assert idle is not None and idle.timer.interval() == 15 * 60_000  # the default setting
    seen: dict[str, Any] = {}

    def half_typed_then_away(dialog: Any) -> None:
        type_text(qtbot, dialog.texts["summary"], "走访到一半，")
        idle.timer.start(10)  # ten milliseconds without input, for the test
        qtbot.waitUntil(lambda: idle.is_locked, timeout=3000)
        screen = idle.screen
        seen["covers"] = screen.geometry().contains(admin_window.frameGeometry())
        seen["form_open"] = dialog.isVisible()
        drafts = signed_in.services.drafts
        qtbot.waitUntil(  # the draft is kept while the program is locked
            lambda: bool(drafts.find_drafts(NEW_KIND, str(case.row.enterprise_id))), timeout=3000
        )
        seen["locked_while_kept"] = idle.is_locked
        type_text(qtbot, screen.password_edit, "wrong-password")
        _click(qtbot, screen.unlock_button)
        seen["message"] = screen.message_label.text()
        seen["still_locked"] = idle.is_locked
        type_text(qtbot, screen.password_edit, PASSWORD)
        _click(qtbot, screen.unlock_button)
        seen["unlocked"] = not idle.is_locked
        seen["text"] = dialog.texts["summary"].toPlainText()
        dialog.close()

    dialogs.scripts.append(half_typed_then_away)
    admin_window.open_record("case", str(case.row.id))
    page = admin_window.cases_page
    qtbot.waitUntil(lambda: page.current_key() == case.row.id.hex, timeout=3000)
    _click(qtbot, page.record_visit_button)
    assert seen["covers"] and seen["form_open"] and seen["locked_while_kept"]
    assert seen["still_locked"] and "再错 4 次" in seen["message"]
    assert seen["unlocked"] and seen["text"] == "走访到一半，"
    kept = signed_in.services.drafts.find_drafts(NEW_KIND, str(case.row.enterprise_id))
    assert kept and "走访到一半" in json.dumps(kept[0].payload, ensure_ascii=False)


def test_lock_now_from_the_file_menu(admin_window: MainWindow, qtbot: QtBot) -> None:
    actions = admin_window.account_actions
    actions.lock_action.trigger()
    assert actions.idle_lock is not None and actions.idle_lock.is_locked
    screen = actions.idle_lock.screen
    assert screen is not None and screen.isVisible()
    assert any("王管理（管理员）" in label.text() for label in screen.findChildren(QLabel))
    screen.close()  # Alt+F4 does not lift the lock
    assert screen.isVisible()
    type_text(qtbot, screen.password_edit, PASSWORD)
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert not actions.idle_lock.is_locked


def test_change_password_from_the_file_menu(
    admin_window: MainWindow, qtbot: QtBot, dialogs: Any, signed_in: Any
) -> None:
    messages: list[str] = []

    def change(dialog: Any) -> None:
        type_text(qtbot, dialog.old_edit, "not-the-old-one")
        type_text(qtbot, dialog.new_edit, "neuesPasswort1")
        type_text(qtbot, dialog.confirm_edit, "neuesPasswort1")
        _click(qtbot, dialog.save_button)
        messages.append(dialog.message_label.text())
        dialog.old_edit.setText(PASSWORD)
        _click(qtbot, dialog.save_button)

    dialogs.scripts.append(change)
    admin_window.account_actions.change_password_action.trigger()
    assert "密码不对" in messages[0]
    assert admin_window.statusBar().currentMessage() == "密码已修改。"
    accounts = signed_in.services.accounts
    assert accounts.authenticate("admin", "neuesPasswort1").name == "王管理"


def test_the_accounts_dialog_adds_and_deactivates_an_officer(
    admin_window: MainWindow, qtbot: QtBot, dialogs: Any, signed_in: Any, prompts: Any
) -> None:
    officer = signed_in.services.reference.add_officer(OfficerInput("陈晓明"))
    shown: list[AccountsDialog] = []

    def add(dialog: Any) -> None:
        type_text(qtbot, dialog.username_edit, "chenxm")
        type_text(qtbot, dialog.display_name_edit, "陈晓明")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.OFFICER.value))
        for edit in (dialog.password_edit, dialog.confirm_edit):
            type_text(qtbot, edit, "zoufang2026")
        _click(qtbot, dialog.save_button)
        assert "须关联一名工作人员" in dialog.message_label.text()
        dialog.officer_combo.setCurrentIndex(dialog.officer_combo.findData(str(officer.id)))
        _click(qtbot, dialog.save_button)

    def manage(dialog: AccountsDialog) -> None:
        shown.append(dialog)
        assert dialog.table.rowCount() == 1
        dialogs.scripts.append(add)
        _click(qtbot, dialog.add_button)
        assert dialog.table.rowCount() == 2
        assert dialog.selected().username == "chenxm"
        prompts.answers.append(True)
        _click(qtbot, dialog.active_button)
        assert dialog.table.item(1, 4).text() == "已停用"
        dialog.select_username("admin")
        prompts.answers.append(True)
        _click(qtbot, dialog.active_button)
        assert "不能停用自己" in dialog.message_label.text()
        dialog.accept()

    dialogs.scripts.append(manage)
    admin_window.account_actions.accounts_action.trigger()
    assert shown
    rows = {a.username: a for a in signed_in.services.accounts.list_accounts()}
    assert rows["chenxm"].role is Role.OFFICER and not rows["chenxm"].active
    assert rows["chenxm"].officer_name == "陈晓明"
