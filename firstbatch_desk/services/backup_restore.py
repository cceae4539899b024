"""Restoring a backup: checked first, the current database copied aside, then replaced.

The live file is replaced only under an exclusive SQLite lock (no connection of the
program may be open: the caller closes its AppContext first), and through SQLite
itself, so no stale WAL can be replayed into the restored file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from firstbatch_desk.db.engine import looks_like_sqlite
from firstbatch_desk.db.migrate import head_revision, storage_error
from firstbatch_desk.domain.backup_rotation import BEFORE_RESTORE, local_time
from firstbatch_desk.domain.dtos.backups import BackupInfo, RestoreResult
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backup_rotation import (
    SIDE_FILES,
    backup_attachment_dir,
    closing,
    connect,
    connect_readonly,
    free_name,
    fsync_directory,
    fsync_file,
    place_file,
    register_counts,
    revision_of,
    sibling,
    table_counts,
    write_record,
)
from firstbatch_desk.services.backups import (
    RESTORE_WAIT_SECONDS,
    DatabaseFacts,
    inspect_backup,
    make_folder,
    sqlite_error,
    verify_copy,
    write_error,
)


def restore_database(
    paths: AppPaths, backup: Path, *, now: datetime | None = None
) -> RestoreResult:
    """Replace the live database with ``backup``, copying the current one aside first.

    The caller must have closed the AppContext (its engine holds connections):
    while any connection is open on the live file the restore is refused
    (``backup.in_use``) and nothing changes. A damaged or foreign backup is
    refused before anything is written. The current database is copied to
    ``backups/firstbatch-…-before-restore.sqlite3`` with the backup API (byte
    for byte, with its ``-wal``, when it is too damaged for SQLite to open).
    The backup is then written into the live file through SQLite under an
    exclusive lock, so SQLite itself settles the live file's WAL; a live file
    SQLite cannot open is replaced by a new file instead, after its stale
    ``-wal``/``-shm``/``-journal`` are removed. Attachment files the restored
    database names and the store lacks are brought back from the backup folder.
    """
    backup, live = Path(backup), paths.database
    if live.exists() and backup.exists() and os.path.samefile(backup, live):
        raise StorageError("backup.is_live", path=str(backup))
    facts = inspect_backup(backup)
    make_folder(paths.backup_dir)
    taken_at = local_time(now)
    connection = _lock_live(live)
    aside: Path | None = None
    aside_ok = False
    try:
        if live.exists():
            aside, aside_ok = _copy_aside(paths, taken_at, connection)
        written = connection is not None and _write_into(connection, backup)
        if connection is not None:
            connection.close()
            connection = None
        if not written:
            _replace_live(paths, backup)
    except OSError as exc:
        raise write_error(exc, paths.data_dir) from exc
    finally:
        if connection is not None:
            connection.close()
    _check_restored(live, facts, aside)
    restored = _restore_attachments(paths, facts.attachments)
    return RestoreResult(
        restored_from=backup,
        copied_aside=aside,
        aside_verified=aside_ok,
        counts=facts.counts,
        live_counts=facts.live_counts,
        schema_revision=facts.revision,
        needs_upgrade=facts.revision != head_revision(),
        attachments_restored=restored,
    )


def _lock_live(live: Path) -> sqlite3.Connection | None:
    """A connection holding the live file exclusively, in rollback-journal mode.

    None when there is no file or SQLite cannot open it (it is then replaced as
    a file); StorageError ``backup.in_use`` when another connection has it open.
    """
    if not live.exists() or not looks_like_sqlite(live):
        return None
    connection = sqlite3.connect(str(live), isolation_level=None, timeout=RESTORE_WAIT_SECONDS)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")  # the lock is kept until the connection closes
        connection.execute("ROLLBACK")
        connection.execute("PRAGMA journal_mode=DELETE")  # checkpoints and removes the WAL
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        connection.close()
        if storage_error(exc, live).code == "storage.locked":
            raise StorageError("backup.in_use", path=str(live)) from exc
        return None
    except sqlite3.DatabaseError:
        connection.close()
        return None
    return connection


def _copy_aside(
    paths: AppPaths, taken_at: datetime, connection: sqlite3.Connection | None
) -> tuple[Path, bool]:
    """Copy the live database to ``…-before-restore.sqlite3``; whether the copy checked out.

    A database SQLite can read is copied with the backup API and verified like
    any backup; one too damaged for that is copied byte for byte (with its WAL).
    """
    target = free_name(paths.backup_dir, taken_at, BEFORE_RESTORE)
    temp = paths.backup_dir / f".{target.stem}-{secrets.token_hex(4)}.part"
    try:
        if connection is not None:
            with contextlib.suppress(sqlite3.DatabaseError, StorageError):
                info = _copy_locked(connection, temp, target, taken_at)
                write_record(info)
                return target, True
        shutil.copyfile(paths.database, temp)
        fsync_file(temp)
        os.replace(temp, target)
        wal = sibling(paths.database, "-wal")
        if connection is None and wal.exists():
            shutil.copyfile(wal, sibling(target, "-wal"))
        return target, False
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _copy_locked(
    connection: sqlite3.Connection, temp: Path, target: Path, taken_at: datetime
) -> BackupInfo:
    """Back up the exclusively held live database into ``temp``, verify it, name it ``target``."""
    counts = table_counts(connection)
    live = register_counts(connection, counts)
    revision = revision_of(connection)
    with closing(connect(temp)) as copy:
        copy.execute("PRAGMA synchronous=FULL")
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    verify_copy(temp, counts, shown=target)
    fsync_file(temp)
    os.replace(temp, target)
    return BackupInfo(
        path=target,
        taken_at=taken_at,
        reason=BEFORE_RESTORE,
        size=target.stat().st_size,
        verified=True,
        counts=counts,
        live_counts=live,
        schema_revision=revision,
    )


def _write_into(connection: sqlite3.Connection, backup: Path) -> bool:
    """Write the backup's pages into the exclusively held live file; False if SQLite cannot."""
    try:
        with closing(connect_readonly(backup)) as source:
            source.backup(connection)
    except sqlite3.DatabaseError:
        return False
    return True


def _replace_live(paths: AppPaths, backup: Path) -> None:
    """Put a fresh copy of the backup in place of a live file SQLite cannot open (or none).

    The old file's ``-wal``, ``-shm`` and ``-journal`` are removed first: SQLite
    would otherwise replay a stale WAL or journal into the new file.
    """
    live = paths.database
    temp = paths.data_dir / f".restore-{secrets.token_hex(4)}.part"
    try:
        try:
            with closing(connect_readonly(backup)) as source, closing(connect(temp)) as copy:
                copy.execute("PRAGMA synchronous=FULL")
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as exc:
            raise sqlite_error(exc, temp) from exc
        fsync_file(temp)
        for suffix in SIDE_FILES:
            sibling(live, suffix).unlink(missing_ok=True)
        os.replace(temp, live)
        fsync_directory(paths.data_dir)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _check_restored(live: Path, facts: DatabaseFacts, aside: Path | None) -> None:
    """The live file now passes a quick check and holds the backup's rows."""
    try:
        with closing(connect_readonly(live, immutable=False)) as connection:
            problems = [str(r[0]) for r in connection.execute("PRAGMA quick_check") if r[0] != "ok"]
            counts = table_counts(connection) if not problems else {}
    except sqlite3.DatabaseError as exc:
        problems, counts = [str(exc)], {}
    if not problems and counts != facts.counts:
        problems = ["row counts differ from the backup"]
    if problems:
        raise StorageError(
            "backup.restore_failed", detail="; ".join(problems[:3]), aside=str(aside or "—")
        )


def _restore_attachments(paths: AppPaths, referenced: frozenset[str]) -> int:
    """Bring back from the backup folder the attachment files the store lacks."""
    restored = 0
    kept = backup_attachment_dir(paths)
    for digest in sorted(referenced):
        final = paths.attachment_dir / digest[:2] / digest
        source = kept / digest[:2] / digest
        if final.is_file() or not source.is_file():
            continue
        with contextlib.suppress(OSError):
            restored += place_file(source, final, digest, source.stat().st_size) != "damaged"
    return restored
