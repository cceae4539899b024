"""Visits (走访/服务记录): the scanned list row, its long notes apart, and its links."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin, enum_type
from firstbatch_desk.db.types import Money
from firstbatch_desk.domain.enums import VisitMethod


class Visit(SyncMixin, Base):
    """What lists scan: short columns only; the long text lives in VisitNote."""

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_date_id", "visit_date", "id"),
        Index("ix_visits_enterprise_date", "enterprise_id", "visit_date"),
        # Covering indexes for the big list: live visits by date, by enterprise name and by
        # method. Partial on SQLite; the PostgreSQL hub keeps whole indexes (naming a
        # postgresql_where would also load that dialect at every start of the program).
        Index(
            "ix_visits_live_date",
            "visit_date",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_visits_live_enterprise",
            "enterprise_name",
            "visit_date",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_visits_live_method_date",
            "method",
            "visit_date",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"))
    # The enterprise's name, repeated so the 200,000-row list sorts by it from an index;
    # kept in step by the services when an enterprise is renamed.
    enterprise_name: Mapped[str] = mapped_column(String(200), default="")
    visit_date: Mapped[date] = mapped_column(Date)
    method: Mapped[VisitMethod] = mapped_column(enum_type(VisitMethod))
    headline: Mapped[str] = mapped_column(String(120), default="")
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("officers.id"), default=None, index=True
    )
    new_users_count: Mapped[int] = mapped_column(Integer, default=0)
    contract_value: Mapped[Decimal | None] = mapped_column(Money, default=None)
    quantity: Mapped[str] = mapped_column(String(32), default="")
    quantity_unit: Mapped[str] = mapped_column(String(16), default="")
    next_visit_on: Mapped[date | None] = mapped_column(Date, default=None)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)


class VisitNote(SyncMixin, Base):
    """The long text of a visit, kept out of the table lists scan."""

    __tablename__ = "visit_notes"

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"), unique=True)
    production_status: Mapped[str] = mapped_column(Text, default="")
    sales_status: Mapped[str] = mapped_column(Text, default="")
    application_progress: Mapped[str] = mapped_column(Text, default="")
    new_users: Mapped[str] = mapped_column(Text, default="")
    policies_explained: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class VisitCase(SyncMixin, Base):
    """A case discussed in a visit."""

    __tablename__ = "visit_cases"
    __table_args__ = (UniqueConstraint("visit_id", "case_id"),)

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)


class VisitOfficer(SyncMixin, Base):
    """An officer who took part in a visit."""

    __tablename__ = "visit_officers"
    __table_args__ = (
        UniqueConstraint("visit_id", "officer_id"),
        Index("ix_visit_officers_officer_visit", "officer_id", "visit_id"),
    )

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officers.id"))


class VisitAttendee(SyncMixin, Base):
    """A person of the enterprise who attended a visit."""

    __tablename__ = "visit_attendees"

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(50), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


__all__ = ["Visit", "VisitAttendee", "VisitCase", "VisitNote", "VisitOfficer"]
