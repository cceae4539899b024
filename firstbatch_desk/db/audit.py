"""Writing the audit trail: every ORM write leaves hash-chained entries in its transaction.

``install_audit`` adds two listeners to a session factory. After each flush
(when the rows are written but the transaction is still open) one entry is
appended per object that the flush created, changed or removed:

- a new object: ``create``, ``after`` = its column values;
- a changed object: ``update``, ``before``/``after`` = the changed columns only
  (the sync bookkeeping ``updated_at``, ``rev``, ``hlc``, ``updated_by``, ``origin`` left
  out; nothing is written when only those changed); a tombstone set is
  ``delete``, a tombstone taken away ``restore``;
- a removed object (a hard delete): ``delete``, ``before`` = its values.

A column that was never loaded (deferred) has no old value in the session;
it is read from the database just before the flush overwrites it.

Each entry holds the hash of the entry before (``prev_hash``) and its own
``hash``: SHA-256 over a canonical JSON of seq, time, actor, action, entity,
id, before, after and prev_hash. The last hash is read inside the writing
transaction, after the flush has written its rows: SQLite then holds the
write lock, so no other writer can append in between and the chain has one
order. Entries go in with one Core ``insert`` per flush.

Not audited: the audit itself, local bookkeeping (``app_meta``,
``change_counter``), form drafts, and anything written with Core statements
(full-text indexes; bulk demo data, which writes one ``batch`` entry itself
through :func:`append_entries`). A model may opt out with ``__audit__ = False``,
keep noisy columns out with ``__audit_ignore__`` and hide secrets with
``__audit_redact__`` (``password_hash`` is always hidden).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.db.models.audit import AuditEntry
from firstbatch_desk.domain.dtos.audit import GENESIS_HASH, AuditAction

EXCLUDED_TABLES = frozenset({"audit_entries", "app_meta", "change_counter", "drafts"})
BOOKKEEPING = frozenset({"updated_at", "rev", "updated_by", "origin", "hlc"})
ALWAYS_REDACTED = frozenset({"password_hash"})
REDACTED = "******"
TOMBSTONE = "deleted_at"
_OLD_KEY = "firstbatch.audit.old"


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """An entry before it takes its place in the chain (seq and hashes)."""

    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None


def canonical_at(at: datetime) -> str:
    """The entry's time as hashed: UTC, microseconds, always the same shape."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the entry's canonical JSON."""
    content = {
        "seq": seq,
        "at": canonical_at(at),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_json(values: dict[str, Any]) -> str:
    """Column values as canonical JSON text (UUID, dates, Decimal, enums as text)."""
    return json.dumps(
        values, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return canonical_at(value) if value.tzinfo is not None else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)  # UUID, Decimal and anything else: its text


def append_entries(connection: Connection, drafts: Sequence[EntryDraft]) -> int:
    """Chain ``drafts`` after the last entry, in the caller's transaction; the last seq."""
    table = AuditEntry.__table__
    last = connection.execute(
        select(table.c.seq, table.c.hash).order_by(table.c.seq.desc()).limit(1)
    ).first()
    seq, previous = (last.seq, last.hash) if last is not None else (0, GENESIS_HASH)
    rows = []
    for draft in drafts:
        seq += 1
        digest = entry_hash(
            seq,
            draft.at,
            draft.actor,
            draft.action,
            draft.entity,
            draft.entity_id,
            draft.before,
            draft.after,
            previous,
        )
        rows.append(
            {
                "seq": seq,
                "at": draft.at,
                "actor": draft.actor,
                "action": draft.action,
                "entity": draft.entity,
                "entity_id": draft.entity_id,
                "before": draft.before,
                "after": draft.after,
                "prev_hash": previous,
                "hash": digest,
            }
        )
        previous = digest
    if rows:
        connection.execute(insert(table), rows)
    return seq


@dataclass(frozen=True, slots=True)
class _Plan:
    """How a mapped class is audited: its table, its columns, what to hide or skip."""

    entity: str
    columns: dict[str, Any]  # attribute key -> Column
    redact: frozenset[str]
    has_uuid_id: bool

    def value(self, key: str, value: Any) -> Any:
        return REDACTED if key in self.redact and value is not None else value


def _plan_of(cls: type) -> _Plan | None:
    if getattr(cls, "__audit__", True) is False:
        return None
    mapper = inspect(cls)
    table = mapper.local_table
    if table.name in EXCLUDED_TABLES:
        return None
    ignore = frozenset(getattr(cls, "__audit_ignore__", ())) | BOOKKEEPING
    columns = {prop.key: prop.columns[0] for prop in mapper.column_attrs if prop.key not in ignore}
    redact = ALWAYS_REDACTED | frozenset(getattr(cls, "__audit_redact__", ()))
    return _Plan(table.name, columns, redact, "id" in columns)


class _Auditor:
    """The listeners of one session factory (plans cached per mapped class)."""

    def __init__(self, actor: Callable[[], str]) -> None:
        self._actor = actor
        self._plans: dict[type, _Plan | None] = {}

    def plan(self, cls: type) -> _Plan | None:
        if cls not in self._plans:
            self._plans[cls] = _plan_of(cls)
        return self._plans[cls]

    def before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        """Read the old values the session does not know (unloaded deferred columns)."""
        unknown: dict[Any, dict[str, Any]] = {}
        for obj in session.dirty:
            plan = self.plan(type(obj))
            if plan is None:
                continue
            state = inspect(obj)
            keys = []
            for key in state.committed_state:
                if key in plan.columns:
                    history = state.attrs[key].history
                    if history.added and not history.deleted:
                        keys.append(key)
            if keys and state.key is not None:
                unknown[state] = self._read_old(session, state, plan, keys)
        session.info[_OLD_KEY] = unknown

    @staticmethod
    def _read_old(session: Session, state: Any, plan: _Plan, keys: list[str]) -> dict[str, Any]:
        pairs = zip(state.mapper.primary_key, state.key[1], strict=True)
        where = [column == value for column, value in pairs]
        row = (
            session.connection()
            .execute(select(*(plan.columns[key] for key in keys)).where(*where))
            .first()
        )
        return dict(zip(keys, row, strict=True)) if row is not None else {}

    def after_flush(self, session: Session, _context: Any) -> None:
        unknown: dict[Any, dict[str, Any]] = session.info.pop(_OLD_KEY, {})
        stamp = (datetime.now(UTC), self._actor())
        drafts: list[EntryDraft] = []
        for obj in session.new:
            plan = self.plan(type(obj))
            if plan is not None:
                state = inspect(obj)
                after = {k: plan.value(k, state.dict.get(k)) for k in plan.columns}
                drafts.append(_draft(stamp, AuditAction.CREATE, plan, state, None, after))
        for obj in session.dirty:
            plan = self.plan(type(obj))
            if plan is not None:
                draft = _change(stamp, plan, inspect(obj), unknown.get(inspect(obj), {}))
                if draft is not None:
                    drafts.append(draft)
        for obj in session.deleted:
            plan = self.plan(type(obj))
            if plan is not None:
                state = inspect(obj)
                before = {k: plan.value(k, state.dict.get(k)) for k in plan.columns}
                drafts.append(_draft(stamp, AuditAction.DELETE, plan, state, before, None))
        if drafts:
            append_entries(session.connection(), drafts)


def _change(
    stamp: tuple[datetime, str], plan: _Plan, state: Any, old_values: dict[str, Any]
) -> EntryDraft | None:
    """The entry of a changed object, None when no audited column really changed."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in state.committed_state:
        if key not in plan.columns:
            continue
        history = state.attrs[key].history
        if not history.added:
            continue
        old = history.deleted[0] if history.deleted else old_values.get(key)
        new = history.added[0]
        if old == new:
            continue
        before[key] = plan.value(key, old)
        after[key] = plan.value(key, new)
    if not after:
        return None
    action = AuditAction.UPDATE
    if TOMBSTONE in after:
        if before[TOMBSTONE] is None:
            action = AuditAction.DELETE
        elif after[TOMBSTONE] is None:
            action = AuditAction.RESTORE
    return _draft(stamp, action, plan, state, before, after)


def _draft(
    stamp: tuple[datetime, str],
    action: AuditAction,
    plan: _Plan,
    state: Any,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> EntryDraft:
    if plan.has_uuid_id:
        ident = str(state.dict.get("id", ""))
    else:
        ident = "/".join(str(v) for v in state.mapper.primary_key_from_instance(state.obj()))
    return EntryDraft(
        stamp[0],
        stamp[1],
        action.value,
        plan.entity,
        ident,
        None if before is None else to_json(before),
        None if after is None else to_json(after),
    )


def install_audit(factory: sessionmaker[Session], *, actor: Callable[[], str]) -> None:
    """Make every flush of ``factory``'s sessions append audit entries (same transaction)."""
    auditor = _Auditor(actor)
    event.listen(factory, "before_flush", auditor.before_flush)
    event.listen(factory, "after_flush", auditor.after_flush)
