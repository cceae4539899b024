"""Declarative base, naming conventions and the columns every synced table carries."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum as PyEnum

from sqlalchemy import Enum, Integer, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from firstbatch_desk.db.ids import new_id
from firstbatch_desk.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncMixin:
    """UUID key and the sync columns of DESIGN.md (Data)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    origin: Mapped[str] = mapped_column(String(32), default="")
    rev: Mapped[int] = mapped_column(Integer, default=0, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Hybrid logical clock stamp of the last change (domain/hlc.py); "" before sync existed.
    hlc: Mapped[str] = mapped_column(String(64), default="")


SYNC_COLUMNS = ("created_at", "updated_at", "updated_by", "origin", "rev", "deleted_at", "hlc")


def enum_type(enum_cls: type[PyEnum]) -> Enum:
    """A portable enum column: the member's value as VARCHAR, no native type."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
