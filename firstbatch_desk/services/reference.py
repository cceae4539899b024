"""Reference data (divisions, zones, departments, need categories) and officers."""

from __future__ import annotations

from sqlalchemy import select

from firstbatch_desk.db.models import Department, Division, NeedCategoryRef, Officer, Zone
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.reference import (
    DepartmentRow,
    DivisionRow,
    NeedCategoryRow,
    OfficerInput,
    OfficerRow,
    ZoneRow,
)
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.validation import check_email, check_phone, clean_text
from firstbatch_desk.services.base import ServiceBase


class ReferenceService(ServiceBase):
    def list_divisions(self) -> list[DivisionRow]:
        with self._read() as session:
            rows = session.execute(
                select(Division.code, Division.name)
                .where(Division.deleted_at.is_(None))
                .order_by(Division.sort_order, Division.code)
            )
            return [DivisionRow(r.code, r.name) for r in rows]

    def list_zones(self) -> list[ZoneRow]:
        with self._read() as session:
            rows = session.scalars(
                select(Zone).where(Zone.deleted_at.is_(None)).order_by(Zone.sort_order, Zone.name)
            )
            return [ZoneRow(z.id, z.name, z.division_code, z.parallel) for z in rows]

    def list_departments(self) -> list[DepartmentRow]:
        with self._read() as session:
            rows = session.scalars(
                select(Department)
                .where(Department.deleted_at.is_(None))
                .order_by(Department.sort_order, Department.name)
            )
            return [DepartmentRow(d.id, d.name, d.short_name) for d in rows]

    def list_need_categories(self) -> list[NeedCategoryRow]:
        with self._read() as session:
            rows = session.scalars(
                select(NeedCategoryRef)
                .where(NeedCategoryRef.deleted_at.is_(None))
                .order_by(NeedCategoryRef.sort_order)
            )
            return [NeedCategoryRow(c.code, c.name_zh, c.name_en) for c in rows]

    def list_officers(self, *, active_only: bool = True) -> list[OfficerRow]:
        with self._read() as session:
            query = select(Officer).where(Officer.deleted_at.is_(None))
            if active_only:
                query = query.where(Officer.active.is_(True))
            return [self._officer_row(o) for o in session.scalars(query.order_by(Officer.name))]

    def add_officer(self, data: OfficerInput) -> OfficerRow:
        self._require(Permission.MANAGE_REFERENCE)
        with self._write() as session:
            officer = Officer(
                name=clean_text(data.name, field="name", label="姓名", limit=50, required=True),
                title=clean_text(data.title, field="title", label="职务", limit=50),
                phone=check_phone(data.phone),
                email=check_email(data.email),
                division_code=None,
                active=True,
            )
            if data.division_code:
                found = session.scalar(
                    select(Division.code).where(Division.code == data.division_code)
                )
                if found is None:
                    raise ValidationError(
                        "field.unknown_ref",
                        field="division_code",
                        label="所在区县",
                        value=data.division_code,
                    )
                officer.division_code = found
            session.add(officer)
            session.flush()
            return self._officer_row(officer)

    @staticmethod
    def _officer_row(officer: Officer) -> OfficerRow:
        return OfficerRow(
            officer.id,
            officer.name,
            officer.title,
            officer.phone,
            officer.email,
            officer.division_code,
            officer.active,
        )
