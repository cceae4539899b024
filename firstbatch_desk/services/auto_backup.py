"""Automatic backups: once a day while the program runs, and when it closes.

When one is due (the rule, written once here):

* ``daily`` (the program's timer, checked every hour): when no backup of today
  exists yet;
* ``on-exit`` (after the window closed): unless a backup of today exists *and*
  nothing changed since the newest backup.

"A backup of today" is any verified backup taken today, except the copies kept
before a migration or a restore: those hold an older state of the data, not
today's. "Nothing changed" compares a fingerprint of the live database with
that of the newest backup: the local change counter (bumped by every write to
the synced registers, Core bulk writes included) and the row count of every
table (which grows with each audited change, since every create, update and
delete appends an audit entry). Only writes that are neither counted nor
audited, such as a draft form saved again, can slip past it; the next change
or the next day's backup takes them along.

A database opened read-only is never backed up automatically (the caller
decides; see ``firstbatch_desk.ui.program_run``). A backup that is taken is
verified and the folder rotated, as :func:`~.backups.take_backup` does.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from firstbatch_desk.domain.backup_rotation import PINNED_REASONS, local_time
from firstbatch_desk.domain.dtos.backups import BackupInfo
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.backup_rotation import (
    closing,
    connect_readonly,
    list_backups,
    table_counts,
)
from firstbatch_desk.services.backups import take_backup

DAILY = "daily"
ON_EXIT = "on-exit"
AUTOMATIC_REASONS = (DAILY, ON_EXIT)

Fingerprint = tuple[int | None, dict[str, int]]


def newest_of_today(paths: AppPaths, now: datetime | None = None) -> BackupInfo | None:
    """The newest verified backup of today holding the current data, or None."""
    today = local_time(now).date()
    for info in list_backups(paths):  # newest first
        if info.verified and info.reason not in PINNED_REASONS:
            return info if info.taken_at.date() == today else None
    return None


def backup_due(paths: AppPaths, reason: str, *, now: datetime | None = None) -> bool:
    """Whether an automatic backup for ``reason`` (``daily`` or ``on-exit``) is due."""
    if reason not in AUTOMATIC_REASONS:
        raise ValueError(f"not an automatic backup: {reason!r}")
    today = newest_of_today(paths, now)
    if today is None:
        return True
    if reason == DAILY:
        return False
    return not unchanged_since(paths, today)


def take_automatic_backup(
    paths: AppPaths, reason: str, *, now: datetime | None = None
) -> BackupInfo | None:
    """Take the backup when :func:`backup_due` says so (verified, then rotated); else None.

    Raises StorageError (``backup.*``) when the backup cannot be written or
    fails its check: the database itself is never changed.
    """
    if not backup_due(paths, reason, now=now):
        return None
    return take_backup(paths, reason, now=now)


def unchanged_since(paths: AppPaths, backup: BackupInfo) -> bool:
    """True when the live database holds what ``backup`` holds, as far as the fingerprint sees.

    Any doubt (a file that cannot be read, a backup without recorded counts) is
    "changed": a backup too many costs less than one too few.
    """
    if not backup.counts:
        return False
    try:
        with closing(connect_readonly(paths.database, immutable=False)) as live:
            live_print = _fingerprint(live)
        with closing(connect_readonly(backup.path)) as copy:
            kept_counter = _change_counter(copy)
    except sqlite3.DatabaseError:
        return False
    return live_print == (kept_counter, backup.counts)


def _fingerprint(connection: sqlite3.Connection) -> Fingerprint:
    connection.execute("BEGIN")  # one snapshot for the counter and the counts
    try:
        return _change_counter(connection), table_counts(connection)
    finally:
        connection.execute("ROLLBACK")


def _change_counter(connection: sqlite3.Connection) -> int | None:
    try:
        row = connection.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row and row[0] is not None else None
