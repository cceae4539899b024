"""Logging in when the program starts, and creating the administrator on the very first start.

Both dialogs talk to the account service only; the window attaches the data
after one of them was accepted, acting as the ``actor`` it gives. 退出/Esc
ends the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from firstbatch_desk.services.accounts import AccountService
    from firstbatch_desk.services.base import Actor


def message_language(language: str) -> str:
    return "en" if language.startswith("en") else "zh"


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


class _AccountDialog(QDialog):
    """A small form with a red message line and two buttons; ``actor`` once accepted."""

    def __init__(self, accounts: AccountService, language: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.language = language
        self.actor: Actor | None = None
        self.setModal(True)
        self.form = QFormLayout()
        self.message_label = message_label(self, "login_message")
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("退出"), self)
        self.quit_button.setObjectName("quit_button")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._on_ok)
        self.quit_button.clicked.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message_label)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def show_error(self, error: FirstBatchError) -> None:
        self.show_message(error.message(message_language(self.language)))

    def _on_ok(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a hash takes ~0.2 s
        try:
            self.actor = self.submit()
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()

    def submit(self) -> Actor:
        raise NotImplementedError


class LoginDialog(_AccountDialog):
    """Username and password; a wrong one says how many tries are left, a lock until when."""

    def __init__(
        self,
        accounts: AccountService,
        *,
        username: str = "",
        demo_password: str = "",
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(accounts, language, parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("登录 — 首批次跟踪服务台"))
        self.username_edit = QLineEdit(username, self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(32)
        self.password_edit = password_edit(self, "password_edit")
        self.form.addRow(self.tr("用户名"), self.username_edit)
        self.form.addRow(self.tr("密码"), self.password_edit)
        self.login_button = self.ok_button
        self.login_button.setText(self.tr("登录"))
        self.login_button.setObjectName("login_button")
        if demo_password:
            hint = QLabel(
                self.tr("演示数据：用户名 %1，密码 %2")
                .replace("%1", username)
                .replace("%2", demo_password),
                self,
            )
            hint.setObjectName("demo_hint")
            self.layout_.insertWidget(0, hint)
        (self.password_edit if username else self.username_edit).setFocus()

    def submit(self) -> Actor:
        try:
            return self.accounts.authenticate(self.username_edit.text(), self.password_edit.text())
        except FirstBatchError:
            self.password_edit.clear()
            self.password_edit.setFocus()
            raise


class FirstAdminDialog(_AccountDialog):
    """The very first start: make the administrator's account, then act as it."""

    def __init__(
        self, accounts: AccountService, *, language: str = "zh_CN", parent: QWidget | None = None
    ) -> None:
        super().__init__(accounts, language, parent)
        self.setObjectName("first_admin_dialog")
        self.setWindowTitle(self.tr("创建管理员 — 首批次跟踪服务台"))
        intro = QLabel(
            self.tr(
                "这是第一次启动。请为管理员创建账户：以后每次启动都要用它登录，"
                "管理员还可以为科员和科长建立账户。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(32)
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("display_name_edit")
        self.display_name_edit.setMaxLength(50)
        self.password_edit = password_edit(self, "password_edit")
        self.confirm_edit = password_edit(self, "confirm_edit")
        self.form.addRow(self.tr("用户名"), self.username_edit)
        self.form.addRow(self.tr("姓名"), self.display_name_edit)
        self.form.addRow(self.tr("密码"), self.password_edit)
        self.form.addRow(self.tr("再输一遍密码"), self.confirm_edit)
        rules = QLabel(self.tr("密码至少 8 个字符，不能全是数字，不能与用户名相同。"), self)
        rules.setWordWrap(True)
        self.form.addRow("", rules)
        self.create_admin_button = self.ok_button
        self.create_admin_button.setText(self.tr("创建并登录"))
        self.create_admin_button.setObjectName("create_admin_button")
        self.username_edit.setFocus()

    def submit(self) -> Actor:
        password = self.password_edit.text()
        if password != self.confirm_edit.text():
            raise ValidationError("password.mismatch", field="confirm")
        self.accounts.create_first_admin(
            self.username_edit.text(), self.display_name_edit.text(), password
        )
        return self.accounts.authenticate(self.username_edit.text(), password)


def run_sign_in(
    accounts: AccountService,
    *,
    username: str = "",
    demo_password: str = "",
    language: str = "zh_CN",
    parent: QWidget | None = None,
    run_dialog: Callable[[QDialog], bool] | None = None,
) -> Actor | None:
    """Who uses the program: the login (or, with no account yet, the first administrator).

    None when the user quits (退出/Esc). ``run_dialog`` shows a dialog modally (tests
    replace it).
    """
    run = run_dialog or (lambda dialog: bool(dialog.exec()))
    if accounts.has_accounts():
        dialog: _AccountDialog = LoginDialog(
            accounts,
            username=username,
            demo_password=demo_password,
            language=language,
            parent=parent,
        )
    else:
        dialog = FirstAdminDialog(accounts, language=language, parent=parent)
    accepted = run(dialog)
    actor = dialog.actor if accepted else None
    dialog.deleteLater()
    return actor


__all__ = ["FirstAdminDialog", "LoginDialog", "message_language", "run_sign_in"]
