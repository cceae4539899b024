"""Run every benchmark against a data directory and print figures against targets.

    python benchmarks/run.py --data-dir DIR [--only NAME] [--json] [--runs N]

Make the data first, e.g. ``firstbatch-desk demo --data-dir DIR --scale 200000``.
Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_generation import demo_speed
from gui_lists import gui_lists
from gui_startup import cold_start
from harness import Benchmark, Figure, print_report
from import_export import import_export
from reports import report_figures
from startup import cold_info
from sync import sync_figures
from visit_save import visit_save
from worklist import worklist_figures

BENCHMARKS: dict[str, Benchmark] = {
    "demo": demo_speed,
    "cold-info": cold_info,
    "gui-start": cold_start,
    "gui-lists": gui_lists,
    "reports": report_figures,
    "worklist": worklist_figures,
    "visit-save": visit_save,
    "import-export": import_export,
    "sync": sync_figures,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    args = parser.parse_args(argv)
    if not (args.data_dir / "firstbatch.sqlite3").exists():
        parser.error(f"no database in {args.data_dir}: run `firstbatch-desk demo` first")
    figures: list[Figure] = []
    for name in args.only or list(BENCHMARKS):
        figures += BENCHMARKS[name](args.data_dir, args.runs)
    print_report(figures, as_json=args.json)
    return 0 if all(f.hit for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
