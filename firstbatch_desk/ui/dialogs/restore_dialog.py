"""文件 → 从备份恢复…: the backups with their date and counts; 恢复 checks one and asks.

The dialog only chooses: 恢复 checks the chosen backup in the background (the
role, then every page of the file, see ``BackupService.check_restore``), says
in words why a bad one cannot be used, and asks for a confirmation that says
where the current database is kept. Accepted, ``chosen`` is the backup; the
program then closes its data, restores and opens the data again (see
``firstbatch_desk.ui.program_run``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.domain.messages import render
from firstbatch_desk.ui.models.backup_table_model import (
    BackupColumn,
    BackupTableModel,
    backup_counts,
    backup_when,
)
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.progress_job import JobProgress, run_with_progress
from firstbatch_desk.ui.widgets.message_label import message_label


class RestoreDialog(QDialog):
    """Pick a backup to restore; ``chosen`` once accepted."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: BackupInfo | None = None
        self.folder = ctx.services.backups.paths.backup_dir
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("从备份恢复"))
        intro = QLabel(
            self.tr("选择一份备份来替换当前数据库。恢复前，当前数据库会另存到备份文件夹：")
            + f"\n{self.folder}",
            self,
        )
        intro.setWordWrap(True)
        self.model = BackupTableModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("backup_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupColumn.STATE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("备份文件夹中还没有备份。"), self)
        self.empty_label.setObjectName("no_backups_label")
        self.message_label = message_label(self, "restore_message")
        self.restore_button = QPushButton(self.tr("恢复(&R)…"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.resize(880, 420)
        self.reload()

    def reload(self) -> None:
        """List the backup folder again (cheap: no database is opened)."""
        rows = self.ctx.services.backups.list_backups()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update_button()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_path(self, name: str) -> bool:
        """Select the backup whose file is called ``name``; False when none is."""
        for row in range(self.model.rowCount()):
            info = self.model.row_at(row)
            if info is not None and info.path.name == name:
                self.table.selectRow(row)
                return True
        return False

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _show_problem(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._show_problem("")
        self.restore_button.setEnabled(False)
        backups = self.ctx.services.backups

        def check(progress: JobProgress) -> bool:
            """Refuses a bad backup (raises); True when 取消 was pressed meanwhile."""
            backups.check_restore(info.path)
            return progress.cancelled()

        run_with_progress(
            self.ctx.tasks,
            self,
            self.tr("正在检查备份……"),
            check,
            lambda cancelled: self._update_button() if cancelled else self._confirm(info),
            self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        lang = self.ctx.message_language
        text = error.message(lang) if isinstance(error, FirstBatchError) else str(error)
        self._show_problem(text)
        self.ctx.prompts.error(self, text)
        self._update_button()

    def _confirm(self, info: BackupInfo) -> None:
        lang = self.ctx.message_language
        text = render(
            "backup.restore_confirm",
            lang,
            when=backup_when(info),
            counts=backup_counts(info, lang),
            folder=str(self.folder),
        )
        self._update_button()
        if self.ctx.prompts.confirm(self, self.tr("从备份恢复"), text):
            self.chosen = info
            self.accept()
