"""Local bookkeeping that is never synced: key/value facts and the change counter."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
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
