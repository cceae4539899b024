"""What the demo generator plans before writing: reference rows and the register it made."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from firstbatch_desk.db.models import Department, Division, NeedCategoryRef, Zone
from firstbatch_desk.domain.enums import CaseStatus, NeedCategory
from firstbatch_desk.services.demo.words import ProductKind


@dataclass(frozen=True, slots=True)
class Reference:
    """The reference rows the demo builds on, read from the database."""

    divisions: tuple[tuple[str, str], ...]  # (code, name)
    zones: tuple[tuple[uuid.UUID, str | None], ...]  # (id, division code)
    departments: tuple[tuple[uuid.UUID, str, str], ...]  # (id, name, short name)
    categories: tuple[NeedCategory, ...]


def read_reference(connection: Connection) -> Reference:
    live = Division.deleted_at.is_(None)
    divisions = connection.execute(
        select(Division.code, Division.name)
        .where(live)
        .order_by(Division.sort_order, Division.code)
    ).all()
    zones = connection.execute(
        select(Zone.id, Zone.division_code)
        .where(Zone.deleted_at.is_(None))
        .order_by(Zone.sort_order, Zone.name)
    ).all()
    departments = connection.execute(
        select(Department.id, Department.name, Department.short_name)
        .where(Department.deleted_at.is_(None))
        .order_by(Department.sort_order, Department.name)
    ).all()
    codes = connection.execute(
        select(NeedCategoryRef.code)
        .where(NeedCategoryRef.deleted_at.is_(None))
        .order_by(NeedCategoryRef.sort_order, NeedCategoryRef.code)
    ).scalars()
    known = {c.value for c in NeedCategory}
    categories = tuple(NeedCategory(c) for c in codes if c in known) or tuple(NeedCategory)
    if not divisions or not departments:
        raise ValueError("the database has no divisions or departments: load reference data")
    return Reference(
        divisions=tuple((d.code, d.name) for d in divisions),
        zones=tuple((z.id, z.division_code) for z in zones),
        departments=tuple((d.id, d.name, d.short_name) for d in departments),
        categories=categories,
    )


@dataclass(slots=True)
class EnterpriseInfo:
    id: uuid.UUID
    name: str
    short: str
    division_name: str
    officer: int
    colleagues: list[int]
    contacts: list[tuple[str, str]]
    cases: list[int] = field(default_factory=list)


@dataclass(slots=True)
class CaseInfo:
    id: uuid.UUID
    enterprise: int
    product_name: str
    kind: ProductKind
    officer: int
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    recognised_on: date
    visit_from: date
    visit_to: date
    weight: float


@dataclass(slots=True)
class Register:
    officers: list[dict[str, Any]] = field(default_factory=list)
    enterprises: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    recognitions: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    enterprise_info: list[EnterpriseInfo] = field(default_factory=list)
    case_info: list[CaseInfo] = field(default_factory=list)
