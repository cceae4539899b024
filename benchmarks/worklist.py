"""Building the worklist (工作台): ``build()`` and ``counts()`` over the data directory.

Target: building the worklist takes ≤ 100 ms (median of warm runs; the worst
run is printed alongside). Measured in this process with the program's own
engine (the GUI's pragmas), for everyone's worklist and for the busiest
officer's.

    python benchmarks/worklist.py --data-dir DIR [--runs N] [--plans]

``--plans`` also prints SQLite's query plan of every statement ``build()`` runs.
Demo data is dated relative to the day it was made, so make it recently
(``firstbatch-desk demo --data-dir DIR --scale 200000``) or the due sections
drift.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Figure, print_report

TARGET_MS = 100.0
LIMIT = 200  # rows a section: the service's default


def samples_ms(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of ``runs`` warm calls (after one untimed call)."""
    fn()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _busiest_officer(database: Path) -> uuid.UUID | None:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as raw:
        row = raw.execute(
            "SELECT officer_id FROM cases WHERE deleted_at IS NULL AND officer_id IS NOT NULL "
            "GROUP BY officer_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    return uuid.UUID(row[0]) if row else None


def _figures(label: str, samples: list[float], note: str) -> list[Figure]:
    worst = max(samples)
    return [
        Figure(f"{label} (median)", statistics.median(samples), TARGET_MS, "ms", note=note),
        Figure(
            f"{label} (worst)",
            worst,
            TARGET_MS,
            "ms",
            note=f"information: worst of {len(samples)} warm runs"
            + ("" if worst <= TARGET_MS else ", over the target"),
        ),
    ]


def worklist_figures(data_dir: Path, runs: int) -> list[Figure]:
    """Median and worst of warm ``build()`` and ``counts()`` runs, against the target."""
    from firstbatch_desk.app import open_context

    runs = max(runs, 1)
    context = open_context(data_dir)
    try:
        service = context.services.worklist
        officer = _busiest_officer(context.paths.database)
        built = service.build(limit=LIMIT)
        sizes = "/".join(str(n) for n in built.counts.values())
        note = f"rows a section (due week/overdue/never visited/needs/expiring): {sizes}"
        figures = _figures(
            f"worklist build(), {LIMIT} rows a section",
            samples_ms(lambda: service.build(limit=LIMIT), runs),
            note,
        )
        figures += _figures(
            "worklist counts()", samples_ms(service.counts, runs), "the navigation badges"
        )
        if officer is not None:
            mine = service.counts(officer_id=officer)
            figures += _figures(
                "worklist build(), busiest officer",
                samples_ms(lambda: service.build(officer_id=officer, limit=LIMIT), runs),
                "rows a section: " + "/".join(str(n) for n in mine.values()),
            )
    finally:
        context.close()
    return figures


def print_plans(data_dir: Path) -> None:
    """Each statement ``build()`` runs, with SQLite's EXPLAIN QUERY PLAN."""
    from sqlalchemy import event

    from firstbatch_desk.app import open_context

    context = open_context(data_dir)
    statements: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(context.engine, "before_cursor_execute", grab)
    try:
        context.services.worklist.build(limit=LIMIT)
    finally:
        event.remove(context.engine, "before_cursor_execute", grab)
        context.close()
    with sqlite3.connect(f"file:{context.paths.database}?mode=ro", uri=True) as raw:
        for statement, parameters in statements:
            print(" ".join(statement.split())[:150] + " …")
            for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters):
                print("    " + row[3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=20, help="warm runs per figure")
    parser.add_argument("--plans", action="store_true", help="print the query plans too")
    args = parser.parse_args(argv)
    if not (args.data_dir / "firstbatch.sqlite3").exists():
        parser.error(f"no database in {args.data_dir}: run `firstbatch-desk demo` first")
    if args.plans:
        print_plans(args.data_dir)
    figures = worklist_figures(args.data_dir, args.runs)
    print_report(figures, as_json=False)
    return 0 if all(f.hit for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
