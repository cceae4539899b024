"""Which backups to keep, and how backup files are named: pure rules, no files touched.

Rotation (issue 7, point 4), in the manner of ``borg prune``:

* the newest backup of each of the newest 7 days that have one (daily);
* then, walking back through ISO weeks, the newest backup of each of 4 more
  weeks whose newest backup is not already kept (weekly);
* then, the same with 12 calendar months (monthly);
* always the newest backup, and every backup taken before a migration or a
  restore in the last 30 days ("pinned").

Days, weeks and months are those of the datetimes given: pass local times so
that "one a day" means the officer's day. Applying the rule again to what it
kept keeps all of it, so rotating after every backup keeps the same set as
rotating once at the end.

File names: ``firstbatch-YYYYMMDD-HHMMSS-<reason>.sqlite3`` in local time, with
``-2``, ``-3`` … before the suffix when two backups share a second. The copies
the start-up migration makes (``firstbatch-before-<revision>-<UTC stamp>.sqlite3``,
see ``db/migrate.py``) are recognised as taken "before-migration".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from firstbatch_desk.domain.errors import ValidationError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
PINNED_DAYS = 30

BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
PINNED_REASONS = frozenset({BEFORE_MIGRATION, BEFORE_RESTORE})
MAX_REASON = 32

_STEM = "firstbatch"
_SUFFIX = ".sqlite3"
_REASON = re.compile(r"^[a-z](?:[a-z-]{0,30}[a-z])?$")
_NAME = re.compile(
    r"^firstbatch-(?P<day>\d{8})-(?P<time>\d{6})-(?P<reason>[a-z](?:[a-z-]*[a-z])?)"
    r"(?:-(?P<n>\d+))?\.sqlite3$"
)
_MIGRATION_NAME = re.compile(
    r"^firstbatch-before-(?P<revision>.+)-(?P<stamp>\d{8}T\d{6}\d{0,6}Z)\.sqlite3$"
)


def backups_to_keep(
    taken: Sequence[datetime],
    now: datetime,
    *,
    pinned: Collection[datetime] = (),
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
    pinned_days: int = PINNED_DAYS,
) -> set[datetime]:
    """The moments in ``taken`` whose backups are kept; the others are deleted.

    ``pinned`` are the moments of backups taken before a migration or a
    restore: kept while they are at most ``pinned_days`` old at ``now``.
    """
    newest_first = sorted(set(taken), reverse=True)
    if not newest_first:
        return set()
    keep: set[datetime] = set()
    rules: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    )
    for count, period_of in rules:
        keep |= _newest_per_period(newest_first, period_of, count, keep)
    keep.add(newest_first[0])
    window = timedelta(days=pinned_days)
    keep |= {moment for moment in set(pinned) & set(taken) if now - moment <= window}
    return keep


def _newest_per_period(
    newest_first: Sequence[datetime],
    period_of: Callable[[datetime], Hashable],
    count: int,
    already: set[datetime],
) -> set[datetime]:
    """The newest moment of each period, for ``count`` periods not already covered."""
    chosen: set[datetime] = set()
    last: Hashable = None
    for moment in newest_first:
        if len(chosen) >= count:
            break
        period = period_of(moment)
        if period == last:
            continue
        last = period
        if moment not in already:
            chosen.add(moment)
    return chosen


# --- names ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupName:
    """What a backup's file name says: when (aware, local time) and why."""

    taken_at: datetime
    reason: str


def check_reason(reason: str) -> str:
    """A reason fit for a file name: lower-case ASCII letters and inner dashes, ≤ 32."""
    cleaned = (reason or "").strip()
    if not _REASON.match(cleaned) or "--" in cleaned:
        raise ValidationError("backup.bad_reason", field="reason", reason=reason, limit=MAX_REASON)
    return cleaned


def local_time(moment: datetime | None = None) -> datetime:
    """``moment`` (default: now) as an aware local time; a naive one is taken as local."""
    return (moment or datetime.now(UTC)).astimezone()


def backup_name(taken_at: datetime, reason: str, serial: int = 1) -> str:
    """``firstbatch-YYYYMMDD-HHMMSS-<reason>[-N].sqlite3`` for a local time."""
    stamp = local_time(taken_at).strftime("%Y%m%d-%H%M%S")
    extra = f"-{serial}" if serial > 1 else ""
    return f"{_STEM}-{stamp}-{check_reason(reason)}{extra}{_SUFFIX}"


def parse_backup_name(name: str) -> BackupName | None:
    """When and why a backup was taken, from its file name; None for other names."""
    match = _NAME.match(name)
    if match:
        try:
            naive = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
        except ValueError:
            return None
        return BackupName(naive.astimezone(), match["reason"])
    match = _MIGRATION_NAME.match(name)
    if match:
        stamp = match["stamp"][:15]
        try:
            moment = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            return None
        return BackupName(moment.astimezone(), BEFORE_MIGRATION)
    return None
