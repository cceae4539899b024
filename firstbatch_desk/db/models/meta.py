"""Local bookkeeping that is never synced: facts, the change counter and form drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base
from firstbatch_desk.db.types import UTCDateTime


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


class Draft(Base):
    """A form being filled in, kept on every change so nothing typed is lost. Never synced.

    ``key`` names the form (a new visit gets a fresh key, an edited visit the key of
    that visit); ``subject_id`` is what the form is about (the enterprise), so the
    draft can be offered back when the officer opens the same form again.
    """

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_kind_subject", "kind", "subject_id"),)

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    payload: Mapped[str] = mapped_column(Text, default="{}")
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
