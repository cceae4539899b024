"""One run of the program window over one data directory.

:class:`ProgramRun` does what ``launch`` starts: it paints the window, takes the
data directory's lock, opens the data, asks who is there and fills the window;
it backs up once a day and on exit (:mod:`.auto_backup`); and it restores a
backup: the window and the AppContext are closed (SQLite refuses a restore while
any connection is open), ``restore_database`` keeps the current database aside
and puts the backup in its place, and the data is opened again through the same
path as at start-up, in a new window, with a new login (the restored database
has its own accounts).

A damaged database, found when opening it or by the quick check behind the open
window, is explained in words with the newest good backup on offer (its date and
counts): 恢复此备份 or 退出. At start-up nobody can log in to a damaged database,
so the offer is made to whoever started the program (as the command line's
``restore`` is); once logged in, only an administrator is offered the restore.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from firstbatch_desk.domain.errors import FirstBatchError, StorageError
from firstbatch_desk.domain.messages import render
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.ui.auto_backup import HOUR_MS, AutoBackup, back_up_on_exit
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.memory import keep_memory_returnable
from firstbatch_desk.ui.models.backup_table_model import REGISTERS, backup_counts, backup_when
from firstbatch_desk.ui.progress_job import run_with_progress
from firstbatch_desk.ui.tasks import TaskRunner
from firstbatch_desk.ui.ui_state import UiState

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext
    from firstbatch_desk.domain.dtos.backups import BackupInfo, RestoreResult
    from firstbatch_desk.paths import AppPaths
    from firstbatch_desk.services.base import Actor
    from firstbatch_desk.settings import Settings
    from firstbatch_desk.ui.page_context import PageContext
    from firstbatch_desk.ui.prompts import Prompts

EXIT_CANNOT_OPEN = 1
# Opening or checking the database found it damaged: a backup is offered.
DAMAGE_CODES = frozenset({"storage.damaged", "storage.not_sqlite"})

SignIn = Callable[["AppContext", QWidget], "Actor | None"]


def page_context(context: AppContext, prompts: Prompts) -> PageContext:
    from firstbatch_desk.ui.page_context import PageContext
    from firstbatch_desk.ui.undo import UndoLog

    return PageContext(
        services=context.services,
        prompts=prompts,
        undo=UndoLog(),
        ui_state=UiState(context.paths.config_dir / "ui.ini"),
        language=context.settings.language,
    )


def shell_window(settings: Settings, paths: AppPaths) -> MainWindow:
    """The window without data: navigation, menus, "正在打开数据……"."""
    keep_memory_returnable()
    return MainWindow(
        settings, paths.settings_file, paths.data_dir, UiState(paths.config_dir / "ui.ini")
    )


def announce(window: MainWindow, context: AppContext) -> None:
    """Problems found while opening that do not stop the program."""
    if context.calendar_problem:
        window.show_notice(
            QCoreApplication.translate("Launch", "节假日文件有误，已改用内置日历"),
            context.calendar_problem,
        )


class ProgramRun(QObject):
    """The window, the open data and the lock of one run; ``ended`` asks the program to end."""

    ended = Signal(int)  # the exit status

    def __init__(
        self,
        open_context: Callable[[], AppContext],
        settings: Settings,
        paths: AppPaths,
        prompts: Prompts,
        sign_in: SignIn,
        *,
        run_dialog: Callable[[QDialog], bool] | None = None,
        backup_interval_ms: int = HOUR_MS,
    ) -> None:
        super().__init__()
        self.open_context = open_context
        self.settings = settings
        self.paths = paths
        self.prompts = prompts
        self.sign_in = sign_in
        self.run_dialog = run_dialog
        self.backup_interval_ms = backup_interval_ms
        self.lang = "en" if settings.language.startswith("en") else "zh"
        self.lock = InstanceLock(paths.lock_file)
        self.tasks = TaskRunner(self)
        self.window: MainWindow | None = None
        self.context: AppContext | None = None
        self.auto_backup: AutoBackup | None = None
        self.attached = False  # someone logged in and the window shows the data
        self.damaged = False  # no automatic backup of a database known to be damaged
        self.exit_code: int | None = None
        self._restored: tuple[RestoreResult, str] | None = None

    # -- opening ------------------------------------------------------------------------------

    def start(self) -> MainWindow:
        """Paint the window now; the data opens as soon as the event loop runs."""
        window = self._new_window()
        QTimer.singleShot(0, self.open)
        return window

    def open(self) -> None:
        """Take the lock, open the data, ask who is there, and fill the window."""
        window = self._window()
        try:
            self.lock.acquire()
            context = self.open_context()
        except FirstBatchError as exc:
            if exc.code in DAMAGE_CODES:
                self._look_for_backup(exc.message(self.lang), at_start=True)
                return
            self.lock.release()
            self._cannot_open(exc.message(self.lang))
            return
        self.context = context
        try:
            actor = self.sign_in(context, window)
        except FirstBatchError as exc:  # e.g. the accounts cannot be read
            if exc.code in DAMAGE_CODES:
                self._close_context()
                self._look_for_backup(exc.message(self.lang), at_start=True)
                return
            self.prompts.error(window, exc.message(self.lang))
            self._end(EXIT_CANNOT_OPEN)
            return
        if actor is None:
            self._end(0)
            return
        self._attach(context, actor)

    def _attach(self, context: AppContext, actor: Actor) -> None:
        window = self._window()
        context.sign_in(actor)
        ctx = page_context(context, self.prompts)
        if self.run_dialog is not None:
            ctx.run_dialog = self.run_dialog
        window.attach(ctx)
        window.restore_requested.connect(self.restore)
        self.attached = True
        announce(window, context)
        if self._restored is not None:
            (result, when), self._restored = self._restored, None
            self.prompts.info(window, self.tr("已从备份恢复"), self._restored_text(result, when))
        self._check_in_background(ctx)
        if not context.readonly:
            self.auto_backup = AutoBackup(
                window, self.paths, ctx.tasks, self.settings.language, self.backup_interval_ms
            )
            self.auto_backup.start()

    def _cannot_open(self, text: str) -> None:
        print(text, file=sys.stderr)
        self.prompts.error(self.window, text)
        self._end(EXIT_CANNOT_OPEN)

    def _check_in_background(self, ctx: PageContext) -> None:
        """SQLite's quick check reads every page: it runs behind the open window and speaks
        up only when the file is damaged."""
        from firstbatch_desk.services.maintenance import quick_check_problems

        path, window = self.paths.database, self.window

        def report(problems: list[str]) -> None:
            if problems and window is self.window and self.attached:
                detail = "; ".join(problems[:3])
                self._damaged_while_open(
                    StorageError("storage.damaged", path=str(path), detail=detail)
                )

        ctx.tasks.run(lambda: quick_check_problems(path), report)

    # -- a damaged database ---------------------------------------------------------------------

    def _damaged_while_open(self, error: StorageError) -> None:
        window = self._window()
        text = error.message(self.lang)
        self.damaged = True
        if self.auto_backup is not None:
            self.auto_backup.stop()
        window.show_notice(self.tr("数据库已损坏"), text)
        if window.ctx is None or not window.ctx.services.backups.may_restore():
            self.prompts.error(window, text + "\n\n" + render("backup.ask_admin", self.lang))
            return
        self._look_for_backup(text, at_start=False)

    def _look_for_backup(self, explanation: str, *, at_start: bool) -> None:
        """Find the newest good backup off the GUI thread, then offer it."""
        from firstbatch_desk.services.backups import newest_good_backup

        self.damaged = True
        paths = self.paths
        self._in_background(
            self.tr("数据库已损坏，正在查找可用的备份……"),
            lambda: newest_good_backup(paths),
            lambda info: self._offer_backup(info, explanation, at_start=at_start),
            lambda _error: self._offer_backup(None, explanation, at_start=at_start),
        )

    def _offer_backup(self, info: BackupInfo | None, explanation: str, *, at_start: bool) -> None:
        window = self._window()
        folder = str(self.paths.backup_dir)
        if info is None:
            text = explanation + "\n\n" + render("backup.no_good_backup", self.lang, folder=folder)
            if at_start:
                self.lock.release()
                self._cannot_open(text)
            else:
                self.prompts.error(window, text)
            return
        offer = render(
            "backup.damaged_offer",
            self.lang,
            when=backup_when(info),
            counts=backup_counts(info, self.lang),
            folder=folder,
        )
        choice = self.prompts.choose(
            window,
            self.tr("数据库已损坏"),
            explanation + "\n\n" + offer,
            [self.tr("恢复此备份"), self.tr("退出")],
        )
        if choice == 0:
            self.restore(info.path)
        elif at_start:
            print(explanation, file=sys.stderr)
            self.lock.release()
            self._end(EXIT_CANNOT_OPEN)
        elif choice == 1:
            window.close()
            self._end(0)
        # 取消 while the window is open: work goes on; the notice in the status bar stays.

    # -- restoring ------------------------------------------------------------------------------

    def restore(self, backup: Path) -> None:
        """Close the window and the data, restore ``backup``, open the data again.

        Runs from the event loop (never inside a signal of the window being closed).
        """
        QTimer.singleShot(0, lambda: self._close_and_restore(Path(backup)))

    def _close_and_restore(self, backup: Path) -> None:
        from firstbatch_desk.services.backup_restore import restore_database
        from firstbatch_desk.services.backups import list_backups

        old = self.window
        if self.auto_backup is not None:
            self.auto_backup.stop()
            self.auto_backup = None
        if old is not None and old.ctx is not None:
            old.ctx.tasks.wait()
            QApplication.processEvents()  # results of finished jobs go to the old window
            old.ctx.tasks.wait()
        new = self._new_window()  # shown first, so closing the old one does not end the program
        new.loading_label.setText(self.tr("正在从备份恢复……"))
        if old is not None:
            old.close()
            shiboken6.delete(old)  # its pages, models and timers go now, before the data closes
        self._close_context()
        # An unclosed sqlite3 connection (``with sqlite3.connect(...)`` commits, it does not
        # close) lives in a reference cycle until the collector runs, and while it is open
        # SQLite refuses the restore ("in use"). Collect now, on this thread.
        gc.collect()
        self.attached = False
        known = {b.path.name: b for b in list_backups(self.paths)}
        when = backup_when(known[backup.name]) if backup.name in known else backup.name
        paths = self.paths

        def restored(result: RestoreResult) -> None:
            self._restored = (result, when)
            self.damaged = False
            self.open()

        def failed(error: BaseException) -> None:
            text = error.message(self.lang) if isinstance(error, FirstBatchError) else str(error)
            self.prompts.error(self.window, text)
            self.open()  # the database is as it was: open it again

        self._in_background(
            self.tr("正在从备份恢复……"),
            lambda: restore_database(paths, backup),
            restored,
            failed,
        )

    def _restored_text(self, result: RestoreResult, when: str) -> str:
        counts = {name: result.live_counts.get(name, 0) for name in REGISTERS}
        counts_text = render("backup.counts", self.lang, **counts)
        text = render("backup.restored", self.lang, when=when, counts=counts_text)
        if result.copied_aside is not None:
            key = "backup.kept_aside" if result.aside_verified else "backup.kept_aside_raw"
            text += "\n" + render(key, self.lang, path=str(result.copied_aside))
        return text

    # -- ending ---------------------------------------------------------------------------------

    def finish(self) -> None:
        """After the window closed: the exit backup (when due), then close the data and lock."""
        if self.auto_backup is not None:
            self.auto_backup.stop()
        self.tasks.wait()
        context = self.context
        if context is not None:
            if self.attached and not self.damaged and not context.readonly:
                back_up_on_exit(self.paths, self.settings.language)
            self._close_context()
        self.lock.release()
        window, self.window = self.window, None  # the caller may still hold it; we let go
        if window is not None and shiboken6.isValid(window) and self.attached:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected after all
                window.restore_requested.disconnect(self.restore)

    # -- helpers --------------------------------------------------------------------------------

    def _new_window(self) -> MainWindow:
        window = shell_window(self.settings, self.paths)
        window.show()
        window.repaint()  # paint the window now, before the database layer is even imported
        QApplication.processEvents()
        self.window = window
        return window

    def _window(self) -> MainWindow:
        if self.window is None:
            raise RuntimeError("the program window is not shown")
        return self.window

    def _close_context(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None

    def _end(self, code: int) -> None:
        self.exit_code = code
        self.ended.emit(code)

    def _in_background(
        self,
        text: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """``work`` off the GUI thread behind a progress dialog without 取消 (it cannot stop)."""
        dialog = run_with_progress(
            self.tasks, self._window(), text, lambda _progress: work(), on_done, on_error
        )
        dialog.setCancelButton(None)
