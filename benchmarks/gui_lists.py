"""List speed in the real window: open, re-filter, re-sort, jump to the end, search, memory.

Measured in one fresh process over the data directory (offscreen Qt).

    python benchmarks/gui_lists.py lists|rss --data-dir DIR   (prints JSON)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from harness import Figure

LIST_TARGET_MS = 100.0
SEARCH_P95_TARGET_MS = 50.0
RSS_TARGET_MB = 150.0
SEARCH_TERMS = (
    "融资",
    "隐患",
    "锅炉",
    "订单",
    "专利",
    "产能",
    "人才",
    "检测",
    "保险",
    "补贴",
    "玻璃纤维",
    "石墨烯",
    "用地",
    "环评",
    "出口",
    "客户",
    "新能源",
    "技改",
    "设备",
    "工艺",
    "研发",
    "市场",
    "银行",
    "认证",
    "标准",
    "供应",
    "质量",
    "项目",
    "政策",
    "合同",
)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(data_dir: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from firstbatch_desk.app import open_context
    from firstbatch_desk.ui.launch import build_main_window

    app = QApplication(sys.argv[:1])
    context = open_context(data_dir)
    window = build_main_window(context)
    window.resize(1366, 768)
    window.show()

    def settle() -> None:
        app.processEvents()
        app.processEvents()

    def timed(action: Callable[[], object], runs: int = 5) -> float:
        """Until the list shows its rows; the rest of a big list loads in the background."""
        samples = []
        for _ in range(runs):
            window.ctx.tasks.wait()
            settle()
            started = time.perf_counter()
            action()
            settle()
            samples.append((time.perf_counter() - started) * 1000)
        window.ctx.tasks.wait()
        settle()
        return statistics.median(samples)

    def complete_list(page: object) -> float:
        """Until the whole key list of the page is loaded (background included)."""
        window.ctx.tasks.wait()
        settle()
        started = time.perf_counter()
        page.reload()  # type: ignore[attr-defined]
        window.ctx.tasks.wait()
        settle()
        return (time.perf_counter() - started) * 1000

    settle()
    figures: dict[str, float] = {}
    pages = {
        "enterprises": ("enterprises", window.enterprises_page),
        "recognitions": ("register", window.recognitions_page),
        "cases": ("register", window.cases_page),
        "visits": ("visits", window.visits_page),
        "needs": ("needs", window.needs_page),
    }
    for name, (nav, page) in pages.items():
        window.show_page(nav)
        if nav == "register":
            window.register_tabs.setCurrentWidget(page)
        settle()
        figures[f"open {name} list"] = timed(page.reload)
        figures[f"re-sort {name} list"] = timed(
            lambda p=page: p.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        )
        p = page
        p.table.sortByColumn(*p.default_sort)
    visits = window.visits_page
    window.show_page("visits")
    settle()

    def refilter() -> None:
        combo = visits.method_filter
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())

    figures["re-filter visits list"] = timed(refilter, runs=8)
    visits.method_filter.setCurrentIndex(0)
    settle()

    def jump_to_end() -> None:
        visits.table.scrollToTop()
        settle()
        visits.model._cache.clear()
        started = time.perf_counter()
        visits.table.scrollToBottom()
        settle()
        jumps.append((time.perf_counter() - started) * 1000)

    jumps: list[float] = []
    for _ in range(5):
        jump_to_end()
    figures["jump to the end of the visits list"] = statistics.median(jumps)
    figures["whole visit key list loaded (background)"] = complete_list(visits)
    figures["visits in list"] = float(visits.model.rowCount())
    searches = []
    for term in SEARCH_TERMS:
        window.ctx.tasks.wait()
        visits.search_box.setText(term)
        settle()
        started = time.perf_counter()
        visits.reload()
        app.processEvents()  # the first rows are painted; the rest may still be loading
        searches.append((time.perf_counter() - started) * 1000)
        window.ctx.tasks.wait()
        settle()
    searches.sort()
    figures["search p95"] = searches[int(len(searches) * 0.95) - 1]
    visits.search_box.clear()
    for number in range(window.navigation.count()):
        window.navigation.setCurrentRow(number)
        settle()
    figures["rss after the list figures"] = _rss_mb()
    window.close()
    context.close()
    return figures


def measure_rss(data_dir: str) -> dict[str, float]:
    """Resident memory of a fresh program with every page visited once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from firstbatch_desk.app import open_context
    from firstbatch_desk.ui.launch import build_main_window

    app = QApplication(sys.argv[:1])
    context = open_context(data_dir)
    window = build_main_window(context)
    window.resize(1366, 768)
    window.show()
    for number in range(window.navigation.count()):
        window.navigation.setCurrentRow(number)
        page = window.current_list_page()
        if page is not None:
            page.table.selectRow(0)
        for _ in range(3):
            app.processEvents()
            window.ctx.tasks.wait()
    return {"rss": _rss_mb()}


def _run_child(data_dir: Path, mode: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), mode, "--data-dir", str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def gui_lists(data_dir: Path, _runs: int) -> list[Figure]:
    raw = _run_child(data_dir, "lists") | _run_child(data_dir, "rss")
    rows = int(raw.pop("visits in list"))
    out = []
    for name, value in raw.items():
        if name == "rss":
            out.append(
                Figure(
                    "resident memory, every page visited",
                    value,
                    RSS_TARGET_MB,
                    "MB",
                    note="fresh process",
                )
            )
        elif name.startswith("rss after"):
            out.append(
                Figure(
                    "resident memory after all list figures",
                    value,
                    1000.0,
                    "MB",
                    note="information: not a target",
                )
            )
        elif name == "search p95":
            out.append(
                Figure(
                    "search (2+ characters), 95th percentile",
                    value,
                    SEARCH_P95_TARGET_MS,
                    "ms",
                    note=f"{len(SEARCH_TERMS)} terms",
                )
            )
        elif name.startswith("whole"):
            out.append(Figure(name, value, 1000.0, "ms", note="information: not a target"))
        else:
            note = f"{rows:,} rows" if "visits" in name else ""
            out.append(Figure(name, value, LIST_TARGET_MS, "ms", note=note))
    return out


if __name__ == "__main__":
    directory = sys.argv[sys.argv.index("--data-dir") + 1]
    mode = sys.argv[1] if sys.argv[1] in ("lists", "rss") else "lists"
    print(json.dumps(measure_rss(directory) if mode == "rss" else measure(directory)))
