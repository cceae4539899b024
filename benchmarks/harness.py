"""Shared pieces of the benchmarks: figures, timing fresh processes, the report table."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """One measured figure against its target (lower is better unless said)."""

    name: str
    value: float
    target: float
    unit: str
    note: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        if self.higher_is_better:
            return self.target / self.value if self.value else float("inf")
        return self.value / self.target if self.target else float("inf")

    @property
    def informational(self) -> bool:
        return self.note.startswith("information")

    @property
    def hit(self) -> bool:
        return self.informational or self.ratio <= 1.0


Benchmark = Callable[[Path, int], list[Figure]]


def cli_command(*args: str) -> list[str]:
    """The program's command line, run with this interpreter."""
    return [sys.executable, "-m", "firstbatch_desk", *args]


def time_process(command: Sequence[str], runs: int, *, env: dict[str, str] | None = None) -> float:
    """Median wall seconds of ``command`` in fresh processes (one untimed warm-up)."""
    environment = {**os.environ, **(env or {})}
    subprocess.run(command, check=True, capture_output=True, env=environment)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def median_of(fn: Callable[[], object], runs: int) -> float:
    """Median seconds of an in-process call (one untimed warm-up)."""
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def print_report(figures: Sequence[Figure], *, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                [asdict(f) | {"ratio": f.ratio, "hit": f.hit} for f in figures],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    header = f"{'figure':<44} {'measured':>12} {'target':>12} {'ratio':>7}  result"
    print(header)
    print("-" * len(header))
    for f in figures:
        measured = f"{f.value:.3f} {f.unit}"
        target = f"{'≥' if f.higher_is_better else '≤'}{f.target:g} {f.unit}"
        verdict = "info" if f.informational else ("hit" if f.hit else "MISS")
        print(
            f"{f.name:<44} {measured:>12} {target:>12} {f.ratio:>7.2f}  "
            f"{verdict}{'  ' + f.note if f.note else ''}"
        )
