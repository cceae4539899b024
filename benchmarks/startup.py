"""Cold command-line figures: ``info`` in a fresh process, against bare Python."""

from __future__ import annotations

import sys
from pathlib import Path

from harness import Figure, cli_command, time_process

COLD_INFO_TARGET_S = 1.5


def cold_info(data_dir: Path, runs: int) -> list[Figure]:
    info = time_process(cli_command("info", "--data-dir", str(data_dir)), runs)
    bare = time_process([sys.executable, "-c", "pass"], runs)
    return [
        Figure(
            "cold `info` (fresh process)",
            info,
            COLD_INFO_TARGET_S,
            "s",
            note=f"{info / bare:.1f}× bare python ({bare * 1000:.0f} ms)",
        ),
    ]
