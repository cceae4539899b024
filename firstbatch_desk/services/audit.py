"""Reading, checking and exporting the audit trail (written by :mod:`firstbatch_desk.db.audit`).

The audit list is keyed like the other big lists (ordered keys, rows by key):
an entry's key is its ``seq`` as 32 hexadecimal digits. ``verify`` walks the
whole chain in ``seq`` order in one read transaction and recomputes every
hash; it names the first entry where the chain breaks.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from firstbatch_desk.db.audit import EXCLUDED_TABLES, canonical_at, entry_hash
from firstbatch_desk.db.models import AuditEntry, Base
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEntryRow,
    AuditFilter,
    AuditProblem,
    AuditVerdict,
    entity_label,
)
from firstbatch_desk.domain.dtos.exporting import ExportCancelled
from firstbatch_desk.domain.errors import FirstBatchError, NotFoundError
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.exporting import (
    _checked_target,
    _publish,
    _temp_beside,
    _write_error,
)
from firstbatch_desk.services.ledger_columns import SEQ_HEADER, CellKind
from firstbatch_desk.services.ledger_workbook import Row, cell_values, write_workbook
from firstbatch_desk.services.listing import KeyList, SortOrder

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

CHUNK = 500
VERIFY_STEP = 2_000  # entries between progress reports
SORT_COLUMNS = {
    "seq": AuditEntry.seq,
    "at": AuditEntry.at,
    "actor": AuditEntry.actor,
    "action": AuditEntry.action,
    "entity": AuditEntry.entity,
    "entity_id": AuditEntry.entity_id,
}
DEFAULT_ORDER = SortOrder("seq", descending=True)  # newest first
SHEET_TITLE = "审计记录"
# The exported columns (after 序号): what is hashed, as stored, so the chain can be
# checked from the workbook; plus the table's name in words.
EXPORT_COLUMNS: tuple[tuple[str, CellKind, int], ...] = (
    ("编号", CellKind.COUNT, 10),
    ("时间（UTC）", CellKind.TEXT, 29),
    ("操作人", CellKind.TEXT, 14),
    ("操作", CellKind.TEXT, 10),
    ("对象", CellKind.TEXT, 14),
    ("表", CellKind.TEXT, 18),
    ("记录编号", CellKind.TEXT, 38),
    ("修改前", CellKind.LONG_TEXT, 60),
    ("修改后", CellKind.LONG_TEXT, 60),
    ("前一条哈希", CellKind.TEXT, 60),
    ("哈希", CellKind.TEXT, 60),
)


class AuditCancelled(FirstBatchError):
    """The officer stopped a check of the audit trail; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("audit.cancelled")


class AuditService(ServiceBase):
    """The audit list, the chain check and the export. Reading only: entries are
    written by the session hook in the transaction of each change.

    Only supervisors and administrators may read the trail (who changed what is
    not for every officer): every method refuses an officer with
    PermissionDeniedError.
    """

    def check_access(self) -> None:
        """PermissionDeniedError unless the acting role may read the audit trail."""
        self._require(Permission.READ_AUDIT)

    # -- the list ------------------------------------------------------------

    def list_entries(
        self, filters: AuditFilter | None = None, *, limit: int = 200
    ) -> list[AuditEntryRow]:
        """The newest ``limit`` entries matching ``filters``, newest first."""
        self.check_access()
        with self._read() as session:
            query = _filtered(filters or AuditFilter())
            query = query.order_by(AuditEntry.seq.desc()).limit(limit)
            return [_row(r) for r in session.execute(query)]

    def entry_keys(
        self,
        filters: AuditFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        """Keys of every matching entry in the asked order (``seq`` breaks ties)."""
        self.check_access()
        order = order if order is not None and order.key in SORT_COLUMNS else DEFAULT_ORDER
        column = SORT_COLUMNS[order.key]
        seq = AuditEntry.seq
        direction = (column.desc(), seq.desc()) if order.descending else (column.asc(), seq.asc())
        statement = _filtered(filters or AuditFilter()).with_only_columns(seq).order_by(*direction)
        if limit is not None:
            statement = statement.limit(limit)
        with self._read() as session:
            cursor = session.connection().execute(statement).cursor
            return KeyList(_key_chunks(cursor))

    def entry_rows(self, keys: Sequence[str]) -> list[AuditEntryRow]:
        """The entries of these keys (in no particular order)."""
        self.check_access()
        found: list[AuditEntryRow] = []
        with self._read() as session:
            for start in range(0, len(keys), CHUNK):
                wanted = [int(key, 16) for key in keys[start : start + CHUNK]]
                query = select(AuditEntry.__table__).where(AuditEntry.seq.in_(wanted))
                found += [_row(r) for r in session.execute(query)]
        return found

    def get_entry(self, seq: int) -> AuditEntryRow:
        self.check_access()
        with self._read() as session:
            row = session.execute(select(AuditEntry.__table__).where(AuditEntry.seq == seq)).first()
            if row is None:
                raise NotFoundError("record.not_found", entity="审计记录", id=str(seq))
            return _row(row)

    @staticmethod
    def entities() -> list[str]:
        """The tables whose changes the audit records (for a filter), and ``demo``."""
        names = [
            name
            for name in Base.metadata.tables
            if name not in EXCLUDED_TABLES and not name.startswith("fts_")
        ]
        return [*sorted(names, key=lambda name: (entity_label(name), name)), "demo"]

    # -- the chain -----------------------------------------------------------

    def verify(
        self, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> AuditVerdict:
        """Walk the chain in ``seq`` order and recompute every hash.

        Returns a whole verdict, or the first broken entry: a gap in ``seq``
        (ENTRY_MISSING: the first missing seq), a ``prev_hash`` that is not the
        hash of the entry before (LINK_BROKEN), or a hash that does not match the
        entry's content (CONTENT_CHANGED). Raises AuditCancelled when stopped.
        """
        self.check_access()
        with self._read() as session:
            total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
            table = AuditEntry.__table__
            # The time as stored, parsed here: a time changed by hand into something
            # unreadable is a changed entry, not a crash.
            columns = [c if c.name != "at" else type_coerce(c, String).label("at") for c in table.c]
            statement = select(*columns).order_by(AuditEntry.seq)
            rows = session.execute(statement.execution_options(yield_per=VERIFY_STEP))
            checked, previous = 0, GENESIS_HASH
            for row in rows:
                broken = _check(row, checked + 1, previous)
                if broken is not None:
                    problem, seq, expected, found = broken
                    return AuditVerdict(checked, previous, seq, problem, expected, found)
                checked, previous = checked + 1, row.hash
                if checked % VERIFY_STEP == 0:
                    _report(progress, checked, total)
                    if cancelled is not None and cancelled():
                        raise AuditCancelled()
        _report(progress, checked, max(total, checked))
        return AuditVerdict(checked=checked, head_hash=previous)

    # -- the export ----------------------------------------------------------

    def export(
        self,
        path: Path | str,
        filters: AuditFilter | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> int:
        """Write the entries matching ``filters`` (all by default), oldest first, to an
        .xlsx workbook at ``path``; returns how many. The hashes are written as stored,
        so the chain can be checked from the file. Nothing is written when it fails
        or is cancelled (ExportCancelled); an existing file is replaced only at the end.
        """
        self.check_access()
        target = _checked_target(Path(path))
        temp = _temp_beside(target)
        published = False
        query = _filtered(filters or AuditFilter()).order_by(AuditEntry.seq)
        headers = [SEQ_HEADER] + [header for header, _kind, _width in EXPORT_COLUMNS]
        kinds = [kind for _header, kind, _width in EXPORT_COLUMNS]
        widths = [6] + [width for _header, _kind, width in EXPORT_COLUMNS]
        try:
            with self._read() as session:
                total = self._count(session, query)
                done = 0

                def checkpoint(rows: int) -> None:
                    nonlocal done
                    done += rows
                    _report(progress, done, total)
                    if cancelled is not None and cancelled():
                        raise ExportCancelled()

                chunks = _export_chunks(session, query, kinds)
                count = write_workbook(
                    temp, SHEET_TITLE, headers, kinds, chunks, widths, checkpoint
                )
            _publish(temp, target)
            published = True
            return count
        except OSError as exc:
            raise _write_error(exc, target) from exc
        finally:
            if not published:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


# -- queries -----------------------------------------------------------------------


def _filtered(filters: AuditFilter) -> Select[Any]:
    query = select(AuditEntry.__table__)
    if filters.entity:
        query = query.where(AuditEntry.entity == plain_term(filters.entity))
    if plain_term(filters.entity_id).strip():
        query = query.where(AuditEntry.entity_id == _record_id(plain_term(filters.entity_id)))
    actor = plain_term(filters.actor).strip()
    if actor:
        query = query.where(AuditEntry.actor.like(_contains(actor), escape="\\"))
    if filters.action is not None:
        query = query.where(AuditEntry.action == AuditAction(filters.action).value)
    if filters.date_from is not None and filters.date_from > _FIRST_DAY:
        first = min(filters.date_from, _LAST_DAY)
        query = query.where(AuditEntry.at >= _local_midnight(first))
    if filters.date_to is not None and filters.date_to < _LAST_DAY:
        last = max(filters.date_to, _FIRST_DAY)
        query = query.where(AuditEntry.at < _local_midnight(last + timedelta(days=1)))
    term = plain_term(filters.search).strip()
    if term:
        # The values are stored as JSON: look for the term as JSON writes it too.
        as_json = _contains(json.dumps(term, ensure_ascii=False)[1:-1])
        plain = _contains(term)
        query = query.where(
            or_(
                AuditEntry.before.like(as_json, escape="\\"),
                AuditEntry.after.like(as_json, escape="\\"),
                AuditEntry.entity_id.like(plain, escape="\\"),
                AuditEntry.actor.like(plain, escape="\\"),
            )
        )
    return query


def _record_id(text: str) -> str:
    """A record id as the audit stores it (a UUID with dashes), however it was typed."""
    text = text.strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return text


def _contains(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Days so far out that no entry can lie beyond them (the filter is then no limit at
# all); past them, a local midnight would fall outside what datetime can hold.
_FIRST_DAY, _LAST_DAY = date(1900, 1, 1), date(9000, 12, 31)


def _local_midnight(day: Any) -> datetime:
    """The start of ``day`` on this computer's clock, as an aware time."""
    return datetime.combine(day, time.min).astimezone()


def _key_chunks(cursor: Any) -> Iterator[list[str]]:
    while True:
        rows = cursor.fetchmany(20_000)
        if not rows:
            cursor.close()
            return
        yield [f"{row[0]:032x}" for row in rows]


def _row(r: Any) -> AuditEntryRow:
    return AuditEntryRow(
        seq=r.seq,
        at=r.at,
        actor=r.actor,
        action=_action(r.action),
        entity=r.entity,
        entity_id=r.entity_id,
        before=r.before,
        after=r.after,
        prev_hash=r.prev_hash,
        hash=r.hash,
    )


def _export_chunks(
    session: Session, query: Select[Any], kinds: list[CellKind]
) -> Iterator[list[Row]]:
    result = session.execute(query.execution_options(yield_per=CHUNK))
    for partition in result.partitions():
        yield [
            cell_values(
                (
                    r.seq,
                    canonical_at(r.at),
                    r.actor,
                    AuditAction(r.action).label("zh") if r.action in _ACTIONS else r.action,
                    entity_label(r.entity),
                    r.entity,
                    r.entity_id,
                    r.before,
                    r.after,
                    r.prev_hash,
                    r.hash,
                ),
                kinds,
            )
            for r in partition
        ]


_ACTIONS = frozenset(action.value for action in AuditAction)


def _action(text: str) -> AuditAction:
    """The entry's action; one changed by hand into nonsense shows as an update
    (the chain check names the entry)."""
    return AuditAction(text) if text in _ACTIONS else AuditAction.UPDATE


def _check(row: Any, seq: int, previous: str) -> tuple[AuditProblem, int, str, str] | None:
    """What is wrong with ``row`` where the chain expects entry ``seq`` after ``previous``:
    (problem, broken seq, expected, found), or None."""
    if row.seq != seq:
        return AuditProblem.ENTRY_MISSING, seq, str(seq), str(row.seq)
    if row.prev_hash != previous:
        return AuditProblem.LINK_BROKEN, seq, previous, str(row.prev_hash)
    at = _stored_time(row.at)
    digest = (
        ""
        if at is None
        else entry_hash(
            row.seq,
            at,
            row.actor,
            row.action,
            row.entity,
            row.entity_id,
            row.before,
            row.after,
            row.prev_hash,
        )
    )
    if digest != row.hash:
        return AuditProblem.CONTENT_CHANGED, seq, digest, str(row.hash)
    return None


def _stored_time(value: Any) -> datetime | None:
    """An entry's time as stored (text on SQLite), aware UTC; None when unreadable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
