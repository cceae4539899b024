"""Starting the GUI over an AppContext."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from firstbatch_desk.ui.i18n import install_translator
from firstbatch_desk.ui.main_window import MainWindow
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.prompts import Prompts
from firstbatch_desk.ui.ui_state import UiState
from firstbatch_desk.ui.undo import UndoLog

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext


def build_main_window(context: AppContext, prompts: Prompts | None = None) -> MainWindow:
    """The main window over an ``AppContext`` (a QApplication must exist)."""
    paths = context.paths
    settings = context.settings
    page_context = PageContext(
        services=context.services,
        prompts=prompts or Prompts(),
        undo=UndoLog(),
        ui_state=UiState(paths.config_dir / "ui.ini"),
        language=settings.language,
    )
    return MainWindow(page_context, settings, paths.settings_file, paths.data_dir)


def launch(context: AppContext) -> int:
    """Run the program window until it is closed; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FirstBatch Desk")
    app.setOrganizationName("FirstBatchDesk")
    install_translator(app, context.settings.language)
    window = build_main_window(context)
    window.show()
    return int(app.exec())
