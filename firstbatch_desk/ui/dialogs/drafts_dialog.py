"""Unfinished visit forms kept as drafts: pick one to go on with, or throw it away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.drafts import DraftRow
from firstbatch_desk.ui.page_context import PageContext

DRAFT_ROLE = Qt.ItemDataRole.UserRole


class DraftsDialog(QDialog):
    """``chosen`` is the draft to resume when the dialog is accepted."""

    def __init__(
        self, ctx: PageContext, drafts: list[DraftRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: DraftRow | None = None
        self.setObjectName("drafts_dialog")
        self.setWindowTitle(self.tr("未完成的草稿"))
        self.list = QListWidget(self)
        self.list.setObjectName("drafts_list")
        for draft in drafts:
            when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            kind = self.tr("修改走访") if draft.kind == "visit_edit" else self.tr("新走访")
            item = QListWidgetItem(f"{when}  {kind}  {draft.title}", self.list)
            item.setData(DRAFT_ROLE, draft)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._resume())
        buttons = QDialogButtonBox(self)
        self.resume_button = QPushButton(self.tr("继续填写"), self)
        self.resume_button.setObjectName("resume_draft_button")
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self._resume)
        self.discard_button = QPushButton(self.tr("丢弃所选草稿"), self)
        self.discard_button.setObjectName("discard_drafts_button")
        self.discard_button.clicked.connect(self._discard)
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("这些表单还没有保存，内容都在："), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def _current(self) -> DraftRow | None:
        item = self.list.currentItem()
        return item.data(DRAFT_ROLE) if item is not None else None

    def _resume(self) -> None:
        self.chosen = self._current()
        if self.chosen is not None:
            self.accept()

    def _discard(self) -> None:
        draft = self._current()
        if draft is None or not self.ctx.prompts.confirm(
            self, self.tr("丢弃草稿"), self.tr("丢弃草稿“%1”？").replace("%1", draft.title)
        ):
            return
        self.ctx.services.drafts.discard_draft(draft.key)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()
