"""How fast the demo generator fills a fresh database.

Target (issue "Demo data"): 200,000 visits, with everything around them, in
less than 300 s; other sizes are compared with the same rate. Run:

    python benchmarks/demo_speed.py --visits 200000 [--keep DIR] [--seed 2026]

The data directory is made with ``open_context`` in a temporary folder and
removed afterwards, unless ``--keep DIR`` names where to make it and keep it.
Prints seconds, rows per second and "hit" or "miss"; exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from firstbatch_desk.app import open_context
from firstbatch_desk.paths import resource_path
from firstbatch_desk.services.demo import DemoGenerator

TARGET_VISITS = 200_000
TARGET_SECONDS = 300.0


def _progress(started: float):
    last: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        step = max(1, total // 10)
        if done in (0, total) or done - last.get(stage, 0) >= step:
            last[stage] = done
            elapsed = time.perf_counter() - started
            print(f"  {elapsed:7.1f} s  {stage:<9} {done:>9,} / {total:,}", file=sys.stderr)

    return report


def run(visits: int, data_dir: Path, seed: int, today: date | None) -> tuple[float, dict[str, int]]:
    ctx = open_context(data_dir)
    try:
        generator = DemoGenerator(
            ctx.engine,
            words_dir=resource_path("demo"),
            origin=ctx.settings.installation_id,
            seed=seed,
            today=today,
        )
        started = time.perf_counter()
        counts = generator.generate(visits, progress=_progress(started))
        return time.perf_counter() - started, counts
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=TARGET_VISITS)
    parser.add_argument("--keep", type=Path, help="make the data directory here and keep it")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    if args.visits < 1:
        parser.error("--visits must be at least 1")
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: the folder is not empty")

    with tempfile.TemporaryDirectory(prefix="firstbatch-demo-speed-") as tmp:
        data_dir = args.keep if args.keep is not None else Path(tmp) / "data"
        seconds, counts = run(args.visits, data_dir, args.seed, args.today)
        size = sum(f.stat().st_size for f in data_dir.glob("firstbatch.sqlite3*"))

    rows = sum(counts.values())
    target = TARGET_SECONDS * args.visits / TARGET_VISITS
    print(f"demo data, {args.visits:,} visits (seed {args.seed})")
    for table, count in counts.items():
        print(f"  {table:<18} {count:>10,}")
    print(f"  {'rows in all':<18} {rows:>10,}")
    print(f"database files: {size / 2**20:,.0f} MiB")
    rate = f"{rows / seconds:,.0f} rows/s, {args.visits / seconds:,.0f} visits/s"
    print(f"time: {seconds:.1f} s, {rate}")
    verdict = "hit" if seconds < target else "miss"
    print(
        f"target: {args.visits:,} visits in < {target:.0f} s "
        f"({TARGET_VISITS:,} in < {TARGET_SECONDS:.0f} s): {verdict}"
    )
    if args.keep is not None:
        print(f"kept: {args.keep}")
    return 0 if verdict == "hit" else 1


if __name__ == "__main__":
    sys.exit(main())
