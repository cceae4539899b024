"""Demo data generation speed: a fresh data directory filled by the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from harness import Figure, cli_command

TARGET_VISITS = 200_000
TARGET_S = 300.0


def demo_speed(_data_dir: Path, _runs: int) -> list[Figure]:
    visits = int(os.environ.get("FIRSTBATCH_BENCH_DEMO_VISITS", TARGET_VISITS))
    scratch = Path(tempfile.mkdtemp(prefix="firstbatch-bench-demo-"))
    try:
        started = time.perf_counter()
        subprocess.run(
            cli_command("demo", "--data-dir", str(scratch / "data"), "--scale", str(visits)),
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    target = TARGET_S * visits / TARGET_VISITS
    return [
        Figure(
            f"demo generation, {visits:,} visits",
            seconds,
            target,
            "s",
            note=f"{visits / seconds:,.0f} visits/s",
        )
    ]
