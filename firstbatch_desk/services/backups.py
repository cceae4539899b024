"""Backups of the database and its attachments; checking and restoring them.

A backup is taken with SQLite's online backup API from a read transaction on
the live file, so the program may go on writing meanwhile: the copy holds
exactly what was committed when the transaction began, and the row counts
taken in the same transaction must match those of the copy. The copy is
written under a temporary name, switched to a plain rollback journal (one
self-contained file), checked (``PRAGMA integrity_check`` and row counts) and
only then given its name ``backups/firstbatch-YYYYMMDD-HHMMSS-<reason>.sqlite3``
and a JSON record; a copy that fails is deleted and StorageError says why.
New attachment files are backed up beside it (see :mod:`.backup_rotation`).

Restoring works on paths, not through the program's engine: the caller closes
the AppContext first (``restore_database`` refuses while any connection is
open on the live file). See :func:`restore_database`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from firstbatch_desk.db.engine import looks_like_sqlite
from firstbatch_desk.db.migrate import known_revisions, storage_error
from firstbatch_desk.domain.accounts import Permission, allows
from firstbatch_desk.domain.backup_rotation import (
    check_reason,
    local_time,
)
from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backup_rotation import (
    attachment_hashes,
    closing,
    connect,
    connect_readonly,
    copy_attachments,
    free_name,
    fsync_directory,
    fsync_file,
    integrity_of,
    list_backups,
    register_counts,
    revision_of,
    rotate_backups,
    table_counts,
    write_record,
)
from firstbatch_desk.services.base import ServiceBase

__all__ = [
    "BackupService",
    "inspect_backup",
    "list_backups",
    "newest_good_backup",
    "rotate_backups",
    "take_backup",
]

RESTORE_WAIT_SECONDS = 2.0  # how long a restore waits for the database to be free


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    """What a healthy FirstBatch Desk database file holds."""

    revision: str
    counts: dict[str, int]
    live_counts: dict[str, int]
    attachments: frozenset[str]


class BackupService(ServiceBase):
    """Backups of the open database. Restoring is :func:`restore_database` (engine closed)."""

    @property
    def paths(self) -> AppPaths:
        return AppPaths(self._database_path.parent)

    def make_backup(
        self, reason: str = "manual", *, now: datetime | None = None, rotate: bool = True
    ) -> BackupInfo:
        """Back up the database and attachments, verify the copy, then rotate the folder."""
        return take_backup(self.paths, reason, now=now, rotate=rotate)

    def list_backups(self) -> list[BackupInfo]:
        return list_backups(self.paths)

    def rotate(self, *, now: datetime | None = None) -> list[Path]:
        return rotate_backups(self.paths, now=now)

    def newest_good_backup(self) -> BackupInfo | None:
        return newest_good_backup(self.paths)

    def may_restore(self) -> bool:
        """Whether the acting account may restore a backup (administrators only)."""
        return allows(self._actor.role, Permission.RESTORE_BACKUP, own=False)

    def require_restore_role(self) -> None:
        """PermissionDeniedError unless the acting account may restore backups."""
        self._require(Permission.RESTORE_BACKUP)

    def check_restore(self, backup: Path) -> DatabaseFacts:
        """Refuse a restore before anything is closed: the role first, then the backup itself.

        PermissionDeniedError for a role other than administrator; StorageError
        (``backup.*``) for a missing, damaged or foreign backup. Reads every page
        of the backup: run it off the GUI thread. The restore itself is
        :func:`~.backup_restore.restore_database`, once the AppContext is closed.
        """
        self.require_restore_role()
        return inspect_backup(Path(backup))


# --- taking a backup ----------------------------------------------------------------------------


def take_backup(
    paths: AppPaths, reason: str = "manual", *, now: datetime | None = None, rotate: bool = True
) -> BackupInfo:
    """Copy the live database (and new attachment files) into the backup folder, verified."""
    reason = check_reason(reason)
    source = paths.database
    if not source.is_file():
        raise StorageError("storage.no_database", path=str(paths.data_dir))
    taken_at = local_time(now)
    folder = paths.backup_dir
    make_folder(folder)
    target = free_name(folder, taken_at, reason)
    temp = folder / f".{target.stem}-{secrets.token_hex(4)}.part"
    try:
        revision, counts, live = _snapshot(source, temp)
        referenced = verify_copy(temp, counts, shown=target)
        attachments = copy_attachments(paths, referenced)
        fsync_file(temp)
        os.replace(temp, target)
        fsync_directory(folder)
        info = BackupInfo(
            path=target,
            taken_at=taken_at,
            reason=reason,
            size=target.stat().st_size,
            verified=True,
            counts=counts,
            live_counts=live,
            schema_revision=revision,
            attachments=attachments,
        )
        write_record(info)
    except OSError as exc:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise write_error(exc, folder) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    if rotate:
        rotate_backups(paths, now=taken_at)
    return info


def _snapshot(source: Path, target: Path) -> tuple[str | None, dict[str, int], dict[str, int]]:
    """Back up ``source`` into ``target`` and count its rows, both in one read transaction."""
    try:
        with closing(connect(source)) as live, closing(connect(target)) as copy:
            live.execute("PRAGMA query_only=ON")
            copy.execute("PRAGMA synchronous=FULL")
            live.execute("BEGIN")
            try:
                counts = table_counts(live)  # the first read fixes the snapshot
                live_counts = register_counts(live, counts)
                revision = revision_of(live)
                live.backup(copy)
            finally:
                live.execute("ROLLBACK")
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        raise sqlite_error(exc, source) from exc
    return revision, counts, live_counts


def verify_copy(copy: Path, counts: dict[str, int], *, shown: Path) -> frozenset[str]:
    """Check a fresh copy: integrity and the row counts of the source; the hashes it names."""
    try:
        with closing(connect_readonly(copy)) as connection:
            problems = integrity_of(connection)
            copied = table_counts(connection) if not problems else {}
            referenced = attachment_hashes(connection) if not problems else frozenset()
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if not problems and copied != counts:
        problems = [
            f"{name}: {counts.get(name, '—')} ≠ {copied.get(name, '—')}"
            for name in sorted(set(counts) | set(copied))
            if counts.get(name) != copied.get(name)
        ]
    if problems:
        raise StorageError("backup.verify_failed", path=str(shown), detail="; ".join(problems[:3]))
    return referenced


# --- checking and restoring ---------------------------------------------------------------------


def inspect_backup(path: Path) -> DatabaseFacts:
    """Check that ``path`` is a healthy FirstBatch Desk database this program can open.

    Raises StorageError (``backup.*``) saying what is wrong. The file is read
    without taking locks or leaving files beside it.
    """
    if not path.is_file():
        raise StorageError("backup.missing", path=str(path))
    if path.stat().st_size == 0 or not looks_like_sqlite(path):
        raise StorageError("backup.not_sqlite", path=str(path))
    try:
        with closing(connect_readonly(path)) as connection:
            problems = integrity_of(connection)
            if problems:
                raise StorageError("backup.damaged", path=str(path), detail="; ".join(problems[:3]))
            revision = revision_of(connection)
            if revision is None:
                raise StorageError("backup.not_firstbatch", path=str(path))
            if revision not in known_revisions():
                raise StorageError("backup.newer_schema", path=str(path), revision=revision)
            counts = table_counts(connection)
            return DatabaseFacts(
                revision,
                counts,
                register_counts(connection, counts),
                attachment_hashes(connection),
            )
    except sqlite3.DatabaseError as exc:
        error = storage_error(exc, path)
        if error.code == "storage.damaged":
            raise StorageError("backup.damaged", path=str(path), detail=str(exc)) from exc
        raise error from exc


def newest_good_backup(paths: AppPaths) -> BackupInfo | None:
    """The newest backup that passes a full check (for start-up with a damaged database).

    Reads every page of each candidate until one passes: run it off the GUI thread.
    """
    for info in list_backups(paths):
        try:
            inspect_backup(info.path)
        except StorageError:
            continue
        return info
    return None


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, folder) from exc


def sqlite_error(exc: sqlite3.DatabaseError, path: Path) -> StorageError:
    error = storage_error(exc, path)
    return StorageError("backup.disk_full") if error.code == "storage.disk_full" else error


# No room to write: a full disk, a quota, or a file-size limit (FAT32 stops at 4 GB).
_NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def write_error(exc: OSError, folder: Path) -> StorageError:
    if exc.errno in _NO_ROOM:
        return StorageError("backup.disk_full")
    return StorageError("backup.write_failed", path=str(folder), detail=exc.strerror or str(exc))
