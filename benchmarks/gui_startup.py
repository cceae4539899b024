"""Cold start to the painted main window, against a bare QMainWindow + QTableView.

Each is a fresh process that exits as soon as its window has been painted;
both are timed in the same run and the ratio is printed.

    python benchmarks/gui_startup.py bare
    python benchmarks/gui_startup.py app --data-dir DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import Figure, time_process

RATIO_TARGET = 3.0


def _paint_and_quit(app: object, window: object) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, _obj: object, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    return int(app.exec())  # type: ignore[attr-defined]


def run_bare() -> int:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(30, 6, table))
    window.setCentralWidget(table)
    window.resize(1366, 768)
    return _paint_and_quit(app, window)


def run_app(data_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from firstbatch_desk.app import open_context
    from firstbatch_desk.ui.i18n import install_translator
    from firstbatch_desk.ui.launch import build_main_window

    app = QApplication(sys.argv[:1])
    context = open_context(data_dir)
    install_translator(app, context.settings.language)
    window = build_main_window(context)
    return _paint_and_quit(app, window)


def cold_start(data_dir: Path, runs: int) -> list[Figure]:
    env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    script = str(Path(__file__).resolve())
    bare = time_process([sys.executable, script, "bare"], runs, env=env)
    ours = time_process([sys.executable, script, "app", "--data-dir", str(data_dir)], runs, env=env)
    return [
        Figure(
            "cold start to painted window / bare Qt",
            ours / bare,
            RATIO_TARGET,
            "×",
            note=f"{ours * 1000:.0f} ms vs bare {bare * 1000:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        sys.exit(run_bare())
    sys.exit(run_app(sys.argv[sys.argv.index("--data-dir") + 1]))
