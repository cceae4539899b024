"""Reference data (divisions, zones, need categories, departments) and officers.

Reference rows get deterministic UUIDs (from their code or name) so that every
laptop that loads the same resource files has the same keys.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin


class Division(SyncMixin, Base):
    """A county-level division (区/县/市) with its administrative code."""

    __tablename__ = "divisions"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    parent_code: Mapped[str] = mapped_column(String(12), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Zone(SyncMixin, Base):
    """A development zone; ``parallel`` zones are reported beside divisions."""

    __tablename__ = "zones"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    division_code: Mapped[str | None] = mapped_column(ForeignKey("divisions.code"), default=None)
    parallel: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class NeedCategoryRef(SyncMixin, Base):
    """Display names and order of the need categories (codes are NeedCategory)."""

    __tablename__ = "need_categories"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(80))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Department(SyncMixin, Base):
    """A department that leads (主办) or supports (协办) the handling of needs."""

    __tablename__ = "departments"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    short_name: Mapped[str] = mapped_column(String(30), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Officer(SyncMixin, Base):
    """A case officer of the bureau (accounts and roles come with their own issue)."""

    __tablename__ = "officers"

    name: Mapped[str] = mapped_column(String(50), index=True)
    title: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    division_code: Mapped[str | None] = mapped_column(ForeignKey("divisions.code"), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


REFERENCE_NAMESPACE = uuid.UUID("5c1e0f4e-6a55-4d0b-9c2e-1f2b4d6a8e01")


def reference_id(kind: str, key: str) -> uuid.UUID:
    """The fixed id of a reference row, the same on every installation."""
    return uuid.uuid5(REFERENCE_NAMESPACE, f"{kind}:{key}")
