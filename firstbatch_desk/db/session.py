"""Session factories that stamp the sync columns on every write.

Each write transaction takes one new value of the local change counter as
its ``rev``; every synced row it creates or changes gets that ``rev``, the
time, the acting officer and this installation's id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.db.audit import install_audit
from firstbatch_desk.db.base import SyncMixin
from firstbatch_desk.db.models.meta import ChangeCounter

_REV_KEY = "firstbatch.rev"


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


def make_session_factory(
    engine: Engine, *, actor: Callable[[], str], origin: str
) -> sessionmaker[Session]:
    """A session factory whose flushes stamp ``created_at``/``updated_at``/``rev``/…"""
    factory = sessionmaker(engine, expire_on_commit=False, autoflush=False)

    def stamp(session: Session, _context: Any, _instances: Any) -> None:
        now = datetime.now(UTC)
        who = actor()
        touched = [o for o in session.new if isinstance(o, SyncMixin)]
        touched += [o for o in session.dirty if isinstance(o, SyncMixin) and session.is_modified(o)]
        if not touched:
            return
        rev = _transaction_rev(session)
        for obj in touched:
            if obj.created_at is None:
                obj.created_at = now
            obj.updated_at = now
            obj.updated_by = who
            obj.origin = origin
            obj.rev = rev

    event.listen(factory, "before_flush", stamp)
    install_audit(factory, actor=actor)  # every write leaves audit entries (same transaction)
    event.listen(factory, "after_commit", _forget_rev)
    event.listen(factory, "after_rollback", _forget_rev)
    return factory
