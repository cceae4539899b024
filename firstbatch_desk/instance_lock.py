"""One program at a time on a data directory (DESIGN.md, Reliability and security).

``InstanceLock`` takes an operating-system lock on the data directory's lock
file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) and writes the
holder's process id, host name and start time into it, so that a second
program that is refused can say which process holds the data. The kernel drops
the lock when the holding process ends, however it ends: a lock file left
behind by a killed program never blocks the next start. The file itself is
never deleted (deleting a lock file lets two processes lock two different
files).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from firstbatch_desk.domain.errors import StorageError

# On Windows a locked byte range cannot be read by other processes, so the lock
# covers one byte past the holder's description, which stays readable.
_WINDOWS_LOCK_OFFSET = 4096
_UNKNOWN = "?"


class InstanceLock:
    """The exclusive lock of one data directory, held from ``acquire`` to ``release``."""

    def __init__(self, lock_file: Path) -> None:
        self.path = Path(lock_file)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise StorageError("storage.in_use") naming the holder.

        Creates the data directory when it does not exist yet. Taking a lock this
        object already holds does nothing.
        """
        if self._fd is not None:
            return
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                "storage.dir_missing", path=str(directory), detail=exc.strerror or str(exc)
            ) from exc
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise StorageError("storage.dir_readonly", path=str(directory)) from exc
        try:
            locked = _try_lock(fd)
        except OSError:
            # A file system without locks (some network shares): the program still
            # runs there, without the guard against a second copy.
            locked = True
        if not locked:
            holder = _read_holder(fd)
            os.close(fd)
            raise StorageError(
                "storage.in_use",
                path=str(directory),
                pid=holder.get("pid", _UNKNOWN),
                host=holder.get("host", _UNKNOWN),
            )
        self._fd = fd
        with contextlib.suppress(OSError):  # the description is a courtesy, the lock is what counts
            _write_holder(fd)

    def release(self) -> None:
        """Give the lock up (safe to call when it is not held)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            with contextlib.suppress(OSError):
                _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _write_holder(fd: int) -> None:
    """The holder's process id, host name and start time, one ``key=value`` a line."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    text = f"pid={os.getpid()}\nhost={socket.gethostname()}\nstarted={started}\n"
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text.encode("utf-8"))


def _read_holder(fd: int) -> dict[str, str]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, _WINDOWS_LOCK_OFFSET)
    except OSError:
        return {}
    holder: dict[str, str] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition("=")
        if sep and value.strip():
            holder[key.strip()] = value.strip()
    return holder


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
