"""Hybrid logical clock stamps, so a laptop whose clock is wrong still orders edits right.

A stamp is wall-clock milliseconds, a counter and the node that made it, written as
text that sorts in time order (``0001764000000000.0000.ab12cd34ef56``). A clock never
goes backwards: it moves past every stamp it has made or seen, whatever the wall says.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MILLIS_DIGITS = 16
COUNTER_LIMIT = 10_000
NODE_LENGTH = 12


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    millis: int
    counter: int
    node: str

    def text(self) -> str:
        return f"{self.millis:0{MILLIS_DIGITS}d}.{self.counter:04d}.{self.node}"

    @classmethod
    def parse(cls, text: str | None) -> Stamp | None:
        """The stamp written as ``text``; ``None`` for empty or malformed text."""
        if not text:
            return None
        parts = text.split(".")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            return None
        return cls(int(parts[0]), int(parts[1]), parts[2])


class HybridClock:
    """Makes stamps for one node; thread-safe."""

    def __init__(self, node: str, *, wall: Callable[[], int] = wall_millis, last: str = "") -> None:
        self.node = (node or "local")[:NODE_LENGTH]
        self.wall = wall  # the wall clock it reads (tests put it hours off)
        self._lock = threading.Lock()
        seen = Stamp.parse(last)
        self._millis, self._counter = (seen.millis, seen.counter) if seen else (0, 0)

    def now(self) -> str:
        """A new stamp, later than every stamp made or observed before."""
        with self._lock:
            wall = self.wall()
            if wall > self._millis:
                self._millis, self._counter = wall, 0
            else:
                self._counter += 1
                if self._counter >= COUNTER_LIMIT:
                    self._millis, self._counter = self._millis + 1, 0
            return Stamp(self._millis, self._counter, self.node).text()

    def observe(self, text: str | None) -> None:
        """Move past a stamp made elsewhere (a row pulled from the hub)."""
        seen = Stamp.parse(text)
        if seen is None:
            return
        with self._lock:
            if (seen.millis, seen.counter) > (self._millis, self._counter):
                self._millis, self._counter = seen.millis, seen.counter

    @property
    def last(self) -> str:
        with self._lock:
            return Stamp(self._millis, self._counter, self.node).text()
