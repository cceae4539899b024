"""A new password: one's own (文件 → 修改密码…, the old one asked first) or, for an
administrator, another account's (重设密码)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.ui.dialogs.form_dialog import save_cancel_buttons
from firstbatch_desk.ui.dialogs.login_dialog import message_language, password_edit
from firstbatch_desk.ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from firstbatch_desk.domain.accounts import AccountRow
    from firstbatch_desk.services.accounts import AccountService


class PasswordDialog(QDialog):
    """Without ``account``: change one's own password. With it: reset that account's."""

    def __init__(
        self,
        accounts: AccountService,
        *,
        account: AccountRow | None = None,
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.account = account
        self.language = language
        self.setModal(True)
        self.setObjectName("password_dialog")
        form = QFormLayout()
        self.old_edit = password_edit(self, "old_password_edit")
        self.new_edit = password_edit(self, "new_password_edit")
        self.confirm_edit = password_edit(self, "confirm_password_edit")
        if account is None:
            self.setWindowTitle(self.tr("修改密码"))
            form.addRow(self.tr("原密码"), self.old_edit)
        else:
            self.setWindowTitle(self.tr("重设密码 — %1").replace("%1", account.username))
            self.old_edit.hide()
        form.addRow(self.tr("新密码"), self.new_edit)
        form.addRow(self.tr("再输一遍新密码"), self.confirm_edit)
        rules = QLabel(self.tr("密码至少 8 个字符，不能全是数字，不能与用户名相同。"), self)
        rules.setWordWrap(True)
        form.addRow("", rules)
        self.message_label = message_label(self, "password_message")
        buttons = save_cancel_buttons(self, self._on_save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def _on_save(self) -> None:
        new = self.new_edit.text()
        try:
            if new != self.confirm_edit.text():
                raise ValidationError("password.mismatch", field="confirm")
            if self.account is None:
                self.accounts.change_password(self.old_edit.text(), new)
            else:
                self.accounts.reset_password(self.account.id, new)
        except FirstBatchError as exc:
            self.message_label.setText(exc.message(message_language(self.language)))
            self.message_label.show()
            return
        self.accept()
