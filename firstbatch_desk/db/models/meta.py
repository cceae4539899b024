"""Local bookkeeping that is never synced: key/value facts and the change counter."""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base


class AppMeta(Base):
    """Facts about this database file (installation id, demo flag …)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ChangeCounter(Base):
    """The local change counter: every write transaction takes the next ``rev``."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class SearchDoc(Base):
    """Maps a full-text row (its rowid in ``search_index``) to the record it indexes."""

    __tablename__ = "search_docs"
    __table_args__ = (UniqueConstraint("entity", "entity_id"),)

    rowid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
