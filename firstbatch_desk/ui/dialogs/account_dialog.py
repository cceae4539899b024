"""Accounts in the window: who is signed in, 修改密码…, 锁定, and the 账户 dialog.

``AccountActions`` puts the entries into the 文件 menu and the signed-in account
into the title and the status bar; ``AccountsDialog`` lets an administrator list,
add, re-role, deactivate and reset accounts (the services refuse everyone else).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.accounts import AccountInput, AccountRow, Permission, Role, allows
from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.ui.dialogs.form_dialog import save_cancel_buttons
from firstbatch_desk.ui.dialogs.login_dialog import password_edit
from firstbatch_desk.ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from firstbatch_desk.ui.idle_lock import IdleLock
from firstbatch_desk.ui.page_context import PageContext

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole


class AccountActions(QObject):
    """The window's account entries and the who-is-signed-in label."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx: PageContext | None = None
        self.idle_lock: IdleLock | None = None
        self.change_password_action = self._action(self.tr("修改密码(&P)…"), self.change_password)
        self.accounts_action = self._action(self.tr("账户(&U)…"), self.open_accounts)
        self.lock_action = self._action(self.tr("锁定(&L)"), self.lock_now)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        for action in self.actions():
            action.setEnabled(False)
        self.user_label = QLabel(window)
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)  # a typed display name
        self.user_label.setObjectName("user_label")
        window.statusBar().addPermanentWidget(self.user_label)
        self._title = window.windowTitle()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.change_password_action, self.accounts_action, self.lock_action]

    def attach(self, ctx: PageContext) -> None:
        """Show who acts; offer what their role may do; start the idle lock for an account."""
        from firstbatch_desk.ui.idle_lock import IdleLock

        self.ctx = ctx
        actor = ctx.services.accounts.actor
        role = actor.role.label("en" if ctx.language.startswith("en") else "zh")
        who = f"{actor.name}（{role}）"
        if actor.is_local:
            who = self.tr("%1（本机管理员，未登录账户）").replace("%1", actor.name)
        self.user_label.setText(self.tr("当前用户：") + who)
        self.window.setWindowTitle(f"{self._title} — {who}")
        signed_in = not actor.is_local
        self.change_password_action.setEnabled(signed_in)
        self.lock_action.setEnabled(signed_in)
        self.accounts_action.setEnabled(allows(actor.role, Permission.MANAGE_ACCOUNTS, own=False))
        for name, permission in (
            ("settings_action", Permission.MANAGE_SETTINGS),
            ("import_action", Permission.IMPORT),
        ):
            action = getattr(self.window, name, None)
            if action is not None:
                action.setEnabled(allows(actor.role, permission, own=False))
        if signed_in and self.idle_lock is None:
            minutes = getattr(getattr(self.window, "settings", None), "idle_lock_minutes", 15)
            self.idle_lock = IdleLock(
                self.window, ctx.services.accounts, minutes * 60_000, language=ctx.language
            )

    def lock_now(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock_now()

    def change_password(self) -> None:
        from firstbatch_desk.ui.dialogs.password_dialog import PasswordDialog

        if self.ctx is None:
            return
        dialog = PasswordDialog(
            self.ctx.services.accounts, language=self.ctx.language, parent=self.window
        )
        if self.ctx.run_dialog(dialog):
            self.window.statusBar().showMessage(self.tr("密码已修改。"), 5000)
        dialog.deleteLater()

    def open_accounts(self) -> None:
        if self.ctx is None:
            return
        dialog = AccountsDialog(self.ctx, self.window)
        self.ctx.run_dialog(dialog)
        dialog.deleteLater()


class AccountsDialog(QDialog):
    """The accounts, with add / role / deactivate or activate / reset password."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accounts = ctx.services.accounts
        self.setObjectName("accounts_dialog")
        self.setWindowTitle(self.tr("账户"))
        headers = [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("工作人员")]
        headers.append(self.tr("状态"))
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("accounts_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = self._button(self.tr("新建账户…"), "add_account_button", self._on_add)
        self.role_button = self._button(self.tr("更改角色…"), "role_button", self._on_role)
        self.active_button = self._button(self.tr("停用"), "active_button", self._on_active)
        self.reset_button = self._button(self.tr("重设密码…"), "reset_button", self._on_reset)
        self.message_label = message_label(self, "accounts_message")
        row = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(640, 360)
        self.reload()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def reload(self, select: object = None) -> None:
        lang = "en" if self.ctx.language.startswith("en") else "zh"
        rows = self.accounts.list_accounts()
        self.table.setRowCount(len(rows))
        for number, account in enumerate(rows):
            state = self.tr("在用") if account.active else self.tr("已停用")
            if account.locked_until is not None and account.active:
                when = account.locked_until.astimezone().strftime("%H:%M")
                state = self.tr("锁定至 %1").replace("%1", when)
            cells = (
                account.username,
                account.display_name,
                account.role.label(lang),
                account.officer_name,
                state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ACCOUNT_ROLE, account)
                self.table.setItem(number, column, item)
            if account.id == select:
                self.table.selectRow(number)
        self._update_buttons()

    def selected(self) -> AccountRow | None:
        items = self.table.selectedItems()
        return items[0].data(ACCOUNT_ROLE) if items else None

    def select_username(self, username: str) -> None:
        for number in range(self.table.rowCount()):
            if self.table.item(number, 0).text() == username:
                self.table.selectRow(number)

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.role_button, self.active_button, self.reset_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.active_button.setText(self.tr("停用") if account.active else self.tr("启用"))

    def _show(self, error: FirstBatchError | None) -> None:
        lang = "en" if self.ctx.language.startswith("en") else "zh"
        self.message_label.setText(error.message(lang) if error else "")
        self.message_label.setVisible(error is not None)

    def _on_add(self) -> None:
        dialog = AccountEditDialog(self.ctx, None, self)
        if self.ctx.run_dialog(dialog) and dialog.saved is not None:
            self.reload(dialog.saved.id)
        dialog.deleteLater()

    def _on_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = AccountEditDialog(self.ctx, account, self)
        if self.ctx.run_dialog(dialog):
            self.reload(account.id)
        dialog.deleteLater()

    def _on_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            if account.active:
                question = self.tr("停用账户“%1”？停用后不能再登录，已有记录不受影响。")
                if not self.ctx.prompts.confirm(
                    self, self.tr("停用账户"), question.replace("%1", account.username)
                ):
                    return
                self.accounts.deactivate(account.id)
            else:
                self.accounts.activate(account.id)
        except FirstBatchError as exc:
            self._show(exc)
            return
        self._show(None)
        self.reload(account.id)

    def _on_reset(self) -> None:
        from firstbatch_desk.ui.dialogs.password_dialog import PasswordDialog

        account = self.selected()
        if account is None:
            return
        dialog = PasswordDialog(
            self.accounts, account=account, language=self.ctx.language, parent=self
        )
        if self.ctx.run_dialog(dialog):
            self.reload(account.id)
        dialog.deleteLater()


class AccountEditDialog(QDialog):
    """A new account (``account`` None), or another role and officer for ``account``."""

    def __init__(
        self, ctx: PageContext, account: AccountRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.saved: AccountRow | None = None
        self.setModal(True)
        self.setObjectName("account_edit_dialog")
        lang = "en" if ctx.language.startswith("en") else "zh"
        form = QFormLayout()
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("display_name_edit")
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("role_combo")
        for role in Role:
            self.role_combo.addItem(role.label(lang), role.value)
        self.officer_combo = QComboBox(self)
        self.officer_combo.setObjectName("officer_combo")
        self.officer_combo.addItem(self.tr("（不关联）"), "")
        for officer in ctx.services.reference.list_officers():
            self.officer_combo.addItem(officer.name, str(officer.id))
        self.password_edit = password_edit(self, "password_edit")
        self.confirm_edit = password_edit(self, "confirm_edit")
        if account is None:
            self.setWindowTitle(self.tr("新建账户"))
            form.addRow(self.tr("用户名"), self.username_edit)
            form.addRow(self.tr("姓名"), self.display_name_edit)
        else:
            self.setWindowTitle(self.tr("更改角色 — %1").replace("%1", account.username))
            self.role_combo.setCurrentIndex(self.role_combo.findData(account.role.value))
            if account.officer_id is not None:
                found = self.officer_combo.findData(str(account.officer_id))
                self.officer_combo.setCurrentIndex(max(0, found))
        form.addRow(self.tr("角色"), self.role_combo)
        form.addRow(self.tr("工作人员"), self.officer_combo)
        if account is None:
            form.addRow(self.tr("密码"), self.password_edit)
            form.addRow(self.tr("再输一遍密码"), self.confirm_edit)
        note = QLabel(self.tr("科员/经办人只能修改本人负责的记录，须关联一名工作人员。"), self)
        note.setWordWrap(True)
        form.addRow("", note)
        self.message_label = message_label(self, "account_message")
        buttons = save_cancel_buttons(self, self._on_save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _on_save(self) -> None:
        accounts = self.ctx.services.accounts
        role = Role(self.role_combo.currentData())
        officer_text = self.officer_combo.currentData()
        officer_id = uuid.UUID(officer_text) if officer_text else None
        try:
            if self.account is None:
                if self.password_edit.text() != self.confirm_edit.text():
                    raise ValidationError("password.mismatch", field="confirm")
                self.saved = accounts.create_account(
                    AccountInput(
                        self.username_edit.text(),
                        self.display_name_edit.text(),
                        role,
                        self.password_edit.text(),
                        officer_id,
                    )
                )
            else:
                self.saved = accounts.set_role(self.account.id, role, officer_id)
        except FirstBatchError as exc:
            lang = "en" if self.ctx.language.startswith("en") else "zh"
            self.message_label.setText(exc.message(lang))
            self.message_label.show()
            return
        self.accept()
