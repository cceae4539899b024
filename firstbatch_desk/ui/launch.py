"""Starting the GUI: paint the window first, then open the data behind it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from firstbatch_desk.paths import AppPaths
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.i18n import install_translator
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.program_run import (
    EXIT_CANNOT_OPEN,
    ProgramRun,
    announce,
    page_context,
    shell_window,
)
from firstbatch_desk.ui.prompts import Prompts

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext
    from firstbatch_desk.services.base import Actor

__all__ = ["EXIT_CANNOT_OPEN", "ask_sign_in", "build_main_window", "launch"]


def build_main_window(context: AppContext, prompts: Prompts | None = None) -> MainWindow:
    """The main window over an open ``AppContext`` (a QApplication must exist).

    No login is asked: the window acts as ``context``'s actor (the local
    administrator unless ``context.sign_in`` was called). Nothing runs the
    window's 从备份恢复… (``restore_requested``): that is :class:`ProgramRun`'s.
    """
    window = shell_window(context.settings, context.paths)
    window.attach(page_context(context, prompts or Prompts()))
    announce(window, context)
    return window


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
    program ends with status 1, leaving the file as it was; a damaged one is
    explained with the newest good backup on offer (see :class:`ProgramRun`).
    So is a data directory that another FirstBatch Desk has open: the data
    directory's lock is taken before the data is opened and held until the
    program ends. After the window closes, the exit backup is taken when due,
    then the data is closed.
    """
    prompts = prompts or Prompts()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FirstBatch Desk")
    app.setOrganizationName("FirstBatchDesk")
    install_translator(app, settings.language)
    run = ProgramRun(open_context, settings, paths, prompts, sign_in)
    run.ended.connect(app.exit)
    run.start()
    try:
        return int(app.exec())
    finally:
        run.finish()
        # Delete the run (its task relays, its timers) here, on the GUI thread. Left to
        # Python's cycle collector it was destroyed at some later moment, sometimes in the
        # middle of Qt delivering an event to one of its children, and the program crashed.
        shiboken6.delete(run)
