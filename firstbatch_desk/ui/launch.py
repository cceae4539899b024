"""Starting the GUI: paint the window first, then open the data behind it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.i18n import install_translator
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.memory import keep_memory_returnable
from firstbatch_desk.ui.prompts import Prompts
from firstbatch_desk.ui.ui_state import UiState

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext
    from firstbatch_desk.services.base import Actor
    from firstbatch_desk.ui.page_context import PageContext

EXIT_CANNOT_OPEN = 1


def _page_context(context: AppContext, prompts: Prompts) -> PageContext:
    from firstbatch_desk.ui.page_context import PageContext
    from firstbatch_desk.ui.undo import UndoLog

    return PageContext(
        services=context.services,
        prompts=prompts,
        undo=UndoLog(),
        ui_state=UiState(context.paths.config_dir / "ui.ini"),
        language=context.settings.language,
    )


def _shell(settings: Settings, paths: AppPaths) -> MainWindow:
    keep_memory_returnable()
    return MainWindow(
        settings, paths.settings_file, paths.data_dir, UiState(paths.config_dir / "ui.ini")
    )


def build_main_window(context: AppContext, prompts: Prompts | None = None) -> MainWindow:
    """The main window over an open ``AppContext`` (a QApplication must exist).

    No login is asked: the window acts as ``context``'s actor (the local
    administrator unless ``context.sign_in`` was called).
    """
    window = _shell(context.settings, context.paths)
    window.attach(_page_context(context, prompts or Prompts()))
    _announce(window, context)
    return window


def _announce(window: MainWindow, context: AppContext) -> None:
    """Problems found while opening that do not stop the program."""
    if context.calendar_problem:
        window.show_notice(
            QCoreApplication.translate("Launch", "节假日文件有误，已改用内置日历"),
            context.calendar_problem,
        )


def _check_in_background(
    page_context: PageContext,
    context: AppContext,
    window: MainWindow,
    prompts: Prompts,
    language: str,
) -> None:
    """SQLite's quick check reads every page: it runs behind the open window and
    speaks up only when the file is damaged."""
    from firstbatch_desk.domain.errors import StorageError
    from firstbatch_desk.services.maintenance import quick_check_problems

    path = context.paths.database

    def report(problems: list[str]) -> None:
        if problems:
            error = StorageError("storage.damaged", path=str(path), detail="; ".join(problems[:3]))
            prompts.error(window, error.message("en" if language.startswith("en") else "zh"))

    page_context.tasks.run(lambda: quick_check_problems(path), report)


def ask_sign_in(context: AppContext, window: QWidget) -> Actor | None:
    """The login dialog (the first administrator's on the very first start); None to quit."""
    from firstbatch_desk.ui.dialogs.login_dialog import run_sign_in

    return run_sign_in(
        context.services.accounts,
        username=context.login_username,
        demo_password=context.demo_password,
        language=context.settings.language,
        parent=window,
    )


def launch(
    open_context: Callable[[], AppContext],
    settings: Settings,
    paths: AppPaths,
    prompts: Prompts | None = None,
    sign_in: Callable[[AppContext, QWidget], Actor | None] = ask_sign_in,
) -> int:
    """Show the window, then open the data (``open_context``), log in, and fill it.

    Once the data is open, ``sign_in`` asks who is there (the login dialog, or on
    the very first start the dialog that creates the administrator); the window
    gets the data only after that, acting as that account. 退出/Esc ends the
    program (status 0) without showing any data.

    A database that cannot be opened is explained in a message box and the
    program ends with status 1, leaving the file as it was. So is a data
    directory that another FirstBatch Desk has open: the data directory's lock
    is taken before the data is opened and held until the program ends.
    """
    from firstbatch_desk.domain.errors import FirstBatchError

    prompts = prompts or Prompts()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FirstBatch Desk")
    app.setOrganizationName("FirstBatchDesk")
    install_translator(app, settings.language)
    window = _shell(settings, paths)
    window.show()
    window.repaint()  # paint the window now, before the database layer is even imported
    app.processEvents()
    opened: list[AppContext] = []
    lock = InstanceLock(paths.lock_file)

    def attach() -> None:
        try:
            lock.acquire()
            context = open_context()
        except FirstBatchError as exc:
            lock.release()
            lang = "en" if settings.language.startswith("en") else "zh"
            print(exc.message(lang), file=sys.stderr)
            prompts.error(window, exc.message(lang))
            app.exit(EXIT_CANNOT_OPEN)
            return
        opened.append(context)
        try:
            actor = sign_in(context, window)
        except FirstBatchError as exc:  # e.g. the database cannot be read
            prompts.error(window, exc.message("en" if settings.language.startswith("en") else "zh"))
            app.exit(EXIT_CANNOT_OPEN)
            return
        if actor is None:
            app.exit(0)
            return
        context.sign_in(actor)
        page_context = _page_context(context, prompts)
        window.attach(page_context)
        _announce(window, context)
        _check_in_background(page_context, context, window, prompts, settings.language)

    QTimer.singleShot(0, attach)
    try:
        return int(app.exec())
    finally:
        for context in opened:
            context.close()
        lock.release()
