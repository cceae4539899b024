"""文件 → 同步…: sync this laptop with the office hub, or carry the changes by bundle file.

The sync runs off the GUI thread with a progress dialog that names the phase
(上传/下载) and counts; 取消 stops it at the next chunk (what was synced is kept
and the next sync goes on from there). A refused sync (bad address, hub out of
reach …) is explained in the dialog and changes nothing; a sync that worked
remembers the hub address in the settings.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.sync import BundleResult, SyncReport
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.domain.messages import render
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.hub_address import has_user, split_password, with_password
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.progress_job import POLL_MS, JobProgress, run_with_progress
from firstbatch_desk.ui.widgets.field_error import FieldError
from firstbatch_desk.ui.widgets.sync_status_box import SyncStatusBox

BUNDLE_SUFFIX = ".fbsync"
DONE_STYLE = "color: #1e7b34;"
NOTE_STYLE = "color: #555;"


class SyncCancelled(Exception):
    """Raised inside the sync's progress callback when 取消 was pressed."""


class SyncPhase:
    """Where the running sync is (written by the worker, read by a GUI timer)."""

    def __init__(self, job: JobProgress) -> None:
        self.job = job
        self.phase = ""

    def report(self, phase: str, done: int, total: int) -> None:
        if self.job.cancelled():
            raise SyncCancelled
        self.phase = phase
        self.job.report(done, total)


class SyncDialog(QDialog):
    """The hub address, this laptop's sync status, 同步 and the bundle buttons.

    ``changed`` is True once data may have changed here (the lists need a reload).
    """

    def __init__(
        self,
        ctx: PageContext,
        settings: Settings,
        settings_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.settings_file = settings_file
        self.changed = False
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("与总库同步"))
        self._build()
        self.refresh_status()
        self.resize(640, 0)

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        address, password = split_password(self.settings.hub_url)
        self.url_edit = QLineEdit(address, self)
        self.url_edit.setObjectName("sync_url_edit")
        self.url_edit.setPlaceholderText(self.tr("postgresql+psycopg://用户名@服务器/数据库"))
        self.url_edit.setClearButtonEnabled(True)
        self.url_edit.editingFinished.connect(self._move_password)
        self.url_edit.returnPressed.connect(self.start_sync)
        self.password_edit = QLineEdit(password, self)
        self.password_edit.setObjectName("sync_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("总库数据库账户的密码"))
        self.password_edit.returnPressed.connect(self.start_sync)
        self.status_box = SyncStatusBox(self)
        self.status_box.setObjectName("sync_status_box")
        self.status_box.conflicts_button.clicked.connect(self.open_conflicts)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("sync_result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet(DONE_STYLE)
        self.result_label.hide()
        self.error = FieldError(self)
        self.error.setObjectName("sync_error")
        note = QLabel(
            self.tr(
                "没有网络时用同步包：导出本机的改动，带到办公室导入总库；"
                "再把总库为本机导出的同步包带回来导入。"
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)

        self.export_button = QPushButton(self.tr("导出同步包…"), self)
        self.export_button.setObjectName("sync_export_button")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(self.tr("导入同步包…"), self)
        self.import_button.setObjectName("sync_import_button")
        self.import_button.clicked.connect(self.import_bundle)
        self.sync_button = QPushButton(self.tr("同步"), self)
        self.sync_button.setObjectName("sync_button")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.start_sync)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setObjectName("sync_close_button")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.close_button)

        form = QFormLayout()
        form.addRow(self.tr("总库地址"), self.url_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addLayout(buttons)

    # -- status --------------------------------------------------------------------

    def refresh_status(self) -> None:
        try:
            status = self.ctx.services.sync.status()
        except FirstBatchError as exc:
            self._failed(exc)
            return
        self.status_box.show_status(status)

    def open_conflicts(self) -> None:
        from firstbatch_desk.ui.dialogs.conflicts_dialog import run_conflicts

        if run_conflicts(self.ctx, self):
            self.changed = True
        self.refresh_status()

    # -- syncing -------------------------------------------------------------------

    def _move_password(self) -> None:
        """A password typed into the address goes to the masked field."""
        address, password = split_password(self.url_edit.text().strip())
        if password:
            self.url_edit.setText(address)
            self.password_edit.setText(password)

    def hub_url(self) -> str:
        """The address with the password put back in."""
        return with_password(self.url_edit.text().strip(), self.password_edit.text())

    def start_sync(self) -> None:
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        problem = ""
        if not url:
            problem = self.tr("请填写总库地址。")
        elif password and not has_user(url):
            problem = self.tr(
                "有密码时，总库地址要写上用户名：postgresql+psycopg://用户名@服务器/数据库"
            )
        if problem:
            self._show_error(problem)
            self.url_edit.setFocus()
            return
        url = self.hub_url()
        service = self.ctx.services.sync
        phases: list[SyncPhase] = []

        def work(job: JobProgress) -> SyncReport:
            phase = SyncPhase(job)
            phases.append(phase)
            return service.sync(url, progress=phase.report)

        progress = self._run(
            self.tr("正在连接总库……"), work, lambda report: self._sync_done(url, report)
        )
        timer = QTimer(progress)
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: self._show_phase(progress, phases))
        timer.start()

    def _show_phase(self, progress: QProgressDialog, phases: list[SyncPhase]) -> None:
        if not phases or not phases[0].phase or phases[0].job.cancelled():
            return
        if shiboken6.isValid(progress):
            progress.setLabelText(self.phase_text(phases[0]))

    def phase_text(self, phase: SyncPhase) -> str:
        """“正在上传本机的改动：120 / 500 条” (or 下载 for the pull)."""
        text = (
            self.tr("正在上传本机的改动：%1 / %2 条")
            if phase.phase == "push"
            else self.tr("正在下载总库的改动：%1 / %2 条")
        )
        return text.replace("%1", f"{phase.job.done:,}").replace("%2", f"{phase.job.total:,}")

    def _sync_done(self, url: str, report: SyncReport) -> None:
        self.changed = True
        text = render(
            "sync.done",
            self.ctx.message_language,
            pushed=report.pushed,
            pulled=report.pulled,
            files=report.files,
            conflicts=report.conflicts,
        )
        if self.settings.hub_url != url:
            self.settings.hub_url = url
            try:
                self.settings.save(self.settings_file)
            except OSError as exc:
                text += " " + self.tr("（总库地址没能记住：%1）").replace("%1", str(exc))
        self._show_result(text)
        self.refresh_status()

    # -- bundles -------------------------------------------------------------------

    def export_bundle(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path = self.ctx.prompts.choose_save_path(
            self,
            self.tr("导出同步包"),
            Path.home() / f"同步包-{stamp}{BUNDLE_SUFFIX}",
            self.tr("首批次同步包 (*.fbsync);;所有文件 (*)"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(BUNDLE_SUFFIX)
        service = self.ctx.services.sync
        progress = self._run(
            self.tr("正在写出同步包……"),
            lambda _job: service.export_bundle(path),
            self._exported,
        )
        progress.setCancelButton(None)  # one write, all or nothing: nothing to stop halfway

    def _exported(self, result: BundleResult) -> None:
        self._show_result(
            self.tr("已写出同步包 %1：%2 条记录，附件 %3 个。请带到办公室导入总库。")
            .replace("%1", result.path)
            .replace("%2", f"{result.records:,}")
            .replace("%3", str(result.files))
        )
        self.refresh_status()

    def import_bundle(self) -> None:
        paths = self.ctx.prompts.choose_open_files(
            self, self.tr("导入同步包"), self.tr("首批次同步包 (*.fbsync);;所有文件 (*)")
        )
        if not paths:
            return
        path, service = paths[0], self.ctx.services.sync
        progress = self._run(
            self.tr("正在导入同步包……"),
            lambda _job: service.import_bundle(path),
            self._imported,
        )
        progress.setCancelButton(None)  # one transaction: nothing to stop halfway

    def _imported(self, result: BundleResult) -> None:
        self.changed = True
        self._show_result(
            self.tr("已导入同步包 %1：%2 条记录，附件 %3 个，新冲突 %4 处。")
            .replace("%1", Path(result.path).name)
            .replace("%2", f"{result.records:,}")
            .replace("%3", str(result.files))
            .replace("%4", str(result.conflicts))
        )
        self.refresh_status()

    # -- helpers -------------------------------------------------------------------

    def _run(
        self, text: str, work: Callable[[JobProgress], Any], done: Callable[[Any], None]
    ) -> QProgressDialog:
        self.error.clear_message()
        self.result_label.hide()
        self._busy(True)

        def finished(result: Any) -> None:
            self._busy(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._busy(False)
            self._failed(error)

        return run_with_progress(self.ctx.tasks, self, text, work, finished, failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SyncCancelled):
            self.changed = True  # the chunks pulled before 取消 are kept
            self._show_error(self.tr("同步已取消。已同步的部分已保存，下次同步会从中断处继续。"))
            self.refresh_status()
            return
        if not isinstance(error, FirstBatchError):
            raise error
        self._show_error(error.message(self.ctx.message_language))
        if error.code == "sync.interrupted":  # what came before the break is kept
            self.changed = True
            self.refresh_status()

    def _show_error(self, text: str) -> None:
        self.result_label.hide()
        self.error.show_message(html.escape(text))
        self._fit()

    def _show_result(self, text: str) -> None:
        self.error.clear_message()
        self.result_label.setText(text)
        self.result_label.show()
        self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) so that a long message is shown whole."""
        self.layout().activate()
        wanted = self.heightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _busy(self, busy: bool) -> None:
        for widget in (
            self.url_edit,
            self.password_edit,
            self.sync_button,
            self.export_button,
            self.import_button,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        self.status_box.set_busy(busy)


def run_sync(
    ctx: PageContext, settings: Settings, settings_file: Path, parent: QWidget | None
) -> bool:
    """Show the sync window; True when data may have changed (the lists need a reload)."""
    dialog = SyncDialog(ctx, settings, settings_file, parent)
    ctx.run_dialog(dialog)
    changed = dialog.changed
    dialog.deleteLater()
    return changed
