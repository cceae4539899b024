"""Needs (问题诉求), their supporting departments and their transition history."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin, enum_type
from firstbatch_desk.db.types import UTCDateTime
from firstbatch_desk.domain.enums import (
    Complexity,
    NeedCategory,
    NeedChannel,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from firstbatch_desk.domain.need_flow import NeedAction


class Need(SyncMixin, Base):
    __tablename__ = "needs"
    __table_args__ = (
        Index("ix_needs_status_due", "status", "due_on"),
        Index("ix_needs_enterprise_raised", "enterprise_id", "raised_on"),
    )

    need_no: Mapped[str] = mapped_column(String(40), unique=True)
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"))
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("cases.id"), default=None, index=True
    )
    visit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("visits.id"), default=None, index=True
    )
    category: Mapped[NeedCategory] = mapped_column(enum_type(NeedCategory), index=True)
    channel: Mapped[NeedChannel] = mapped_column(enum_type(NeedChannel))
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="", deferred=True)
    urgency: Mapped[Urgency] = mapped_column(enum_type(Urgency))
    complexity: Mapped[Complexity] = mapped_column(enum_type(Complexity))
    status: Mapped[NeedStatus] = mapped_column(enum_type(NeedStatus))
    lead_department_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("departments.id"), default=None, index=True
    )
    raised_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    assigned_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    extended_to: Mapped[date | None] = mapped_column(Date, default=None)
    answered_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str] = mapped_column(Text, default="", deferred=True)
    satisfaction: Mapped[Satisfaction | None] = mapped_column(enum_type(Satisfaction), default=None)
    return_visit_result: Mapped[str] = mapped_column(Text, default="", deferred=True)


class NeedSupport(SyncMixin, Base):
    """A supporting (协办) department of a need."""

    __tablename__ = "need_supports"
    __table_args__ = (UniqueConstraint("need_id", "department_id"),)

    need_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("needs.id"))
    department_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("departments.id"))


class NeedTransition(SyncMixin, Base):
    """One step of a need through its workflow: who, when, and a note. Append-only."""

    __tablename__ = "need_transitions"
    __table_args__ = (Index("ix_need_transitions_need_at", "need_id", "at"),)

    need_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("needs.id"))
    action: Mapped[NeedAction] = mapped_column(enum_type(NeedAction))
    from_status: Mapped[NeedStatus] = mapped_column(enum_type(NeedStatus))
    to_status: Mapped[NeedStatus] = mapped_column(enum_type(NeedStatus))
    at: Mapped[datetime] = mapped_column(UTCDateTime)  # when it was recorded
    # the day it was done, as the officer gave it (may be before ``at``)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    by_name: Mapped[str] = mapped_column(String(50))
    by_officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officers.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
