"""Deleting by tombstone, and undoing a delete with everything deleted alongside."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.base import SyncMixin


def tombstone(
    session: Session, model: type[SyncMixin], where: ColumnElement[bool], when: datetime
) -> int:
    """Mark the live rows matching ``where`` deleted at ``when``; return how many."""
    rows = session.scalars(
        select(model).where(where, model.deleted_at.is_(None))  # type: ignore[arg-type]
    ).all()
    for row in rows:
        row.deleted_at = when
    return len(rows)


def restore_cascade(
    session: Session, model: type[SyncMixin], where: ColumnElement[bool], when: datetime
) -> int:
    """Bring back the rows matching ``where`` that were deleted at exactly ``when``."""
    rows: Any = session.scalars(
        select(model).where(where, model.deleted_at == when)  # type: ignore[arg-type]
    ).all()
    for row in rows:
        row.deleted_at = None
    return len(rows)
