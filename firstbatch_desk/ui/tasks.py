"""Work off the GUI thread: a QThreadPool job whose result comes back on the GUI thread.

Jobs call services (which open their own sessions from the session factory),
never touch widgets; ``on_done`` / ``on_error`` run on the GUI thread.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _GcGuard:
    """Keeps Python's cycle collector off while jobs run.

    The collector runs in whichever thread happens to allocate; if it ran in a
    worker and found a forgotten Qt object, that object's C++ side would be
    destroyed off the GUI thread and crash the program. While any job runs the
    collector is paused, and the GUI thread collects when the last one ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._was_enabled = True

    def enter(self) -> None:
        with self._lock:
            if self._running == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._running += 1

    def leave(self) -> None:
        with self._lock:
            self._running -= 1
            last = self._running == 0
            if last and self._was_enabled:
                gc.enable()
        if last:
            gc.collect()  # on the GUI thread, where the relay's slot runs


_GC_GUARD = _GcGuard()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which reports it
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # RuntimeError: the program is closing and the receiver is gone.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskRunner(QObject):
    """Starts background jobs and keeps their relays alive until they report."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            _GC_GUARD.leave()

        relay.done.connect(on_done)
        relay.done.connect(lambda _r: finish())
        if on_error is not None:
            relay.failed.connect(on_error)
        relay.failed.connect(lambda _e: finish())
        _GC_GUARD.enter()
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished (for tests and shutdown)."""
        return self._pool.waitForDone(msecs)
