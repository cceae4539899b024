"""The register: enterprises, their contacts and products, recognitions and cases."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin, enum_type
from firstbatch_desk.db.types import Money
from firstbatch_desk.domain.enums import CaseStatus, Scheme, Tier


class Enterprise(SyncMixin, Base):
    __tablename__ = "enterprises"
    __table_args__ = (Index("ix_enterprises_division_name", "division_code", "name"),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    former_names: Mapped[str] = mapped_column(String(500), default="")
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True, default=None)
    division_code: Mapped[str | None] = mapped_column(ForeignKey("divisions.code"), default=None)
    zone_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("zones.id"), default=None, index=True
    )
    address: Mapped[str] = mapped_column(String(300), default="")
    legal_representative: Mapped[str] = mapped_column(String(50), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    above_scale: Mapped[bool] = mapped_column(Boolean, default=False)
    specialised: Mapped[bool] = mapped_column(Boolean, default=False)
    high_tech: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="", deferred=True)


class Contact(SyncMixin, Base):
    __tablename__ = "contacts"

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class Product(SyncMixin, Base):
    __tablename__ = "products"
    __table_args__ = (CheckConstraint("trl IS NULL OR (trl BETWEEN 1 AND 9)", name="trl_range"),)

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    model_spec: Mapped[str] = mapped_column(String(200), default="")
    key_indicators: Mapped[str] = mapped_column(Text, default="", deferred=True)
    application_field: Mapped[str] = mapped_column(String(200), default="")
    trl: Mapped[int | None] = mapped_column(Integer, default=None)
    ip_numbers: Mapped[str] = mapped_column(String(500), default="")
    test_report_no: Mapped[str] = mapped_column(String(100), default="")
    test_report_agency: Mapped[str] = mapped_column(String(200), default="")
    test_report_date: Mapped[date | None] = mapped_column(Date, default=None)
    novelty_report_no: Mapped[str] = mapped_column(String(100), default="")
    novelty_report_agency: Mapped[str] = mapped_column(String(200), default="")
    novelty_report_date: Mapped[date | None] = mapped_column(Date, default=None)


class Recognition(SyncMixin, Base):
    __tablename__ = "recognitions"
    __table_args__ = (
        Index("ix_recognitions_scheme_year", "scheme", "year"),
        CheckConstraint(
            "valid_until IS NULL OR recognised_on IS NULL OR valid_until >= recognised_on",
            name="validity_order",
        ),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    scheme: Mapped[Scheme] = mapped_column(enum_type(Scheme))
    tier: Mapped[Tier] = mapped_column(enum_type(Tier))
    tier_text: Mapped[str] = mapped_column(String(300), default="")
    year: Mapped[int] = mapped_column(Integer)
    document_no: Mapped[str] = mapped_column(String(100), default="")
    recognised_on: Mapped[date | None] = mapped_column(Date, default=None)
    valid_until: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    reward_amount: Mapped[Decimal | None] = mapped_column(Money, default=None)
    reward_paid: Mapped[bool] = mapped_column(Boolean, default=False)


class Case(SyncMixin, Base):
    """跟踪服务档案: the follow-up of one recognised product."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_status_next_due", "status", "next_due_on"),)

    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    recognition_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("recognitions.id"), default=None, index=True
    )
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprises.id"), index=True)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("officers.id"), default=None, index=True
    )
    status: Mapped[CaseStatus] = mapped_column(enum_type(CaseStatus))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    last_visit_on: Mapped[date | None] = mapped_column(Date, default=None)
    next_due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    notes: Mapped[str] = mapped_column(Text, default="", deferred=True)
