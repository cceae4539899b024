"""Session factories that stamp the sync columns on every write.

Each write transaction takes one new value of the local change counter as
its ``rev``; every synced row it creates or changes gets that ``rev``, the
time, a hybrid logical clock stamp, the acting officer and this installation's
id. The first change to a row since it last agreed with the hub keeps the row's
previous version in ``sync_base`` (the base of a later three-way merge).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.db.audit import install_audit
from firstbatch_desk.db.base import SyncMixin
from firstbatch_desk.db.models.meta import AppMeta, ChangeCounter
from firstbatch_desk.db.models.sync import SyncBase
from firstbatch_desk.db.sync_codec import dumps, encode_value
from firstbatch_desk.domain.hlc import HybridClock

_REV_KEY = "firstbatch.rev"
CLOCK_KEY = "firstbatch.clock"
CLOCK_META = "sync.clock"


def next_rev(connection: Connection) -> int:
    """Take the next value of the local change counter (inside the caller's transaction)."""
    connection.execute(
        update(ChangeCounter).where(ChangeCounter.id == 1).values(value=ChangeCounter.value + 1)
    )
    value = connection.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar()
    if value is None:
        connection.execute(ChangeCounter.__table__.insert().values(id=1, value=1))
        return 1
    return int(value)


def _transaction_rev(session: Session) -> int:
    rev = session.info.get(_REV_KEY)
    if rev is None:
        rev = next_rev(session.connection())
        session.info[_REV_KEY] = rev
    return int(rev)


def _forget_rev(session: Session, *_args: Any) -> None:
    session.info.pop(_REV_KEY, None)


def previous_version(obj: SyncMixin) -> dict[str, Any]:
    """The row as it was loaded, before the changes pending on ``obj`` (transport form)."""
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.deleted:
            value = history.deleted[0]
        elif history.unchanged:
            value = history.unchanged[0]
        else:
            value = getattr(obj, attr.key)
        out[attr.columns[0].name] = encode_value(value)
    return out


def keep_bases(session: Session, changed: list[SyncMixin]) -> None:
    """Keep the previous version of each changed row unless one is kept already."""
    if not changed or session.get_bind().dialect.name != "sqlite":
        return
    rows = [
        {
            "table_name": obj.__table__.name,  # type: ignore[attr-defined]
            "row_id": obj.id,
            "payload": dumps(previous_version(obj)),
        }
        for obj in changed
    ]
    session.execute(sqlite_insert(SyncBase).on_conflict_do_nothing(), rows)


def load_clock(engine: Engine, node: str) -> HybridClock:
    """This installation's clock, past every stamp it has seen in earlier syncs."""
    try:
        with engine.connect() as connection:
            last = connection.execute(
                select(AppMeta.value).where(AppMeta.key == CLOCK_META)
            ).scalar()
    except Exception:  # a read-only or older file: the wall clock is the start
        last = None
    return HybridClock(node, last=last or "")


def make_session_factory(
    engine: Engine,
    *,
    actor: Callable[[], str],
    origin: str,
    clock: HybridClock | None = None,
) -> sessionmaker[Session]:
    """A session factory whose flushes stamp ``created_at``/``updated_at``/``rev``/…

    Each session's ``info[CLOCK_KEY]`` is the clock its stamps come from.
    """
    clock = clock or load_clock(engine, origin)
    factory = sessionmaker(engine, expire_on_commit=False, autoflush=False, info={CLOCK_KEY: clock})

    def stamp(session: Session, _context: Any, _instances: Any) -> None:
        now = datetime.now(UTC)
        who = actor()
        changed = [o for o in session.dirty if isinstance(o, SyncMixin) and session.is_modified(o)]
        touched = [o for o in session.new if isinstance(o, SyncMixin)] + changed
        if not touched:
            return
        rev = _transaction_rev(session)
        keep_bases(session, changed)
        for obj in touched:
            if obj.created_at is None:
                obj.created_at = now
            obj.updated_at = now
            obj.updated_by = who
            obj.origin = origin
            obj.rev = rev
            obj.hlc = clock.now()

    event.listen(factory, "before_flush", stamp)
    install_audit(factory, actor=actor)  # every write leaves audit entries (same transaction)
    event.listen(factory, "after_commit", _forget_rev)
    event.listen(factory, "after_rollback", _forget_rev)
    return factory
