"""Cold start of the program window, against a bare QMainWindow + QTableView.

Each figure is a fresh process that ends (``os._exit``) at a moment of its start: the bare
window's first paint; our window's first paint (``launch`` paints the window
before it opens the database); and our window painted with its first list
filled. Both programs are timed in the same run and the ratio is printed.

    python benchmarks/gui_startup.py bare
    python benchmarks/gui_startup.py painted|filled --data-dir DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import Figure, time_process

RATIO_TARGET = 3.0


def run_bare() -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(30, 6, table))
    window.setCentralWidget(table)
    window.resize(1366, 768)

    class FirstPaint(QObject):
        def eventFilter(self, _obj: object, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                os._exit(0)  # the moment of the first paint; teardown is not start-up
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return int(app.exec())


def run_app(mode: str, data_dir: str) -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from firstbatch_desk.paths import AppPaths
    from firstbatch_desk.settings import Settings
    from firstbatch_desk.ui.launch import launch

    app = QApplication(sys.argv[:1])

    class Watch(QObject):
        def eventFilter(self, obj: object, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                window = obj.window()
                if window.objectName() == "main_window":
                    ready = mode == "painted" or (
                        window.ctx is not None and window.current_list_page() is not None
                    )
                    if ready:
                        os._exit(0)
            return False

    watcher = Watch()
    app.installEventFilter(watcher)

    def open_data() -> object:
        from firstbatch_desk.app import open_context

        return open_context(data_dir)

    paths = AppPaths.resolve(data_dir)
    # No one types a password in a benchmark: the data is attached as the local administrator.
    return launch(
        open_data,  # type: ignore[arg-type]
        Settings.load(paths.settings_file),
        paths,
        sign_in=lambda context, _window: context.actor,
    )


def cold_start(data_dir: Path, runs: int) -> list[Figure]:
    env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    script = str(Path(__file__).resolve())
    bare = time_process([sys.executable, script, "bare"], runs, env=env)
    painted = time_process(
        [sys.executable, script, "painted", "--data-dir", str(data_dir)], runs, env=env
    )
    filled = time_process(
        [sys.executable, script, "filled", "--data-dir", str(data_dir)], runs, env=env
    )
    return [
        Figure(
            "cold start to painted window / bare Qt",
            painted / bare,
            RATIO_TARGET,
            "×",
            note=f"{painted * 1000:.0f} ms vs bare {bare * 1000:.0f} ms",
        ),
        Figure(
            "cold start to first list shown / bare Qt",
            filled / bare,
            RATIO_TARGET,
            "×",
            note=f"information: {filled * 1000:.0f} ms; the data opens after the paint",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        sys.exit(run_bare())
    sys.exit(run_app(sys.argv[1], sys.argv[sys.argv.index("--data-dir") + 1]))
