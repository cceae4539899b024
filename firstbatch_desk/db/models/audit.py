"""The audit trail: one row per change, hash-chained so that tampering shows.

Local and append-only: never synced, never updated, never deleted by the
program. ``seq`` numbers the entries without gaps; ``hash`` is the SHA-256 of
the entry's content together with ``prev_hash``, the hash of the entry before
(see :mod:`firstbatch_desk.db.audit`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base
from firstbatch_desk.db.types import UTCDateTime


class AuditEntry(Base):
    """Who changed what, when, with the values before and after (JSON text)."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_entity", "entity", "entity_id"),
        Index("ix_audit_entries_at", "at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | restore | batch
    entity: Mapped[str] = mapped_column(String(64))  # the table name
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text, default=None)
    after: Mapped[str | None] = mapped_column(Text, default=None)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
