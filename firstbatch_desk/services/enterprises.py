"""Enterprises and their contacts."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Contact,
    Division,
    Enterprise,
    Need,
    Product,
    Recognition,
    Visit,
    Zone,
)
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.credit_code import parse_credit_code
from firstbatch_desk.domain.dtos.filters import EnterpriseFilter
from firstbatch_desk.domain.dtos.register import (
    ContactInput,
    ContactRow,
    EnterpriseDetail,
    EnterpriseInput,
    EnterpriseRow,
)
from firstbatch_desk.domain.errors import DuplicateError, NotFoundError, ValidationError
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import check_email, check_phone, clean_text, shown
from firstbatch_desk.services import indexing
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.listing import KeyList, SortOrder, ordered_keys, rows_by_key
from firstbatch_desk.services.search import search_condition
from firstbatch_desk.services.tombstones import restore_cascade, tombstone

ENTITY = "企业"
SORT_COLUMNS = {
    "name": Enterprise.name,
    "credit_code": Enterprise.credit_code,
    "division": Enterprise.division_code,
    "zone": Zone.name,
    "above_scale": Enterprise.above_scale,
    "specialised": Enterprise.specialised,
    "high_tech": Enterprise.high_tech,
    "updated_at": Enterprise.updated_at,
}


class EnterpriseService(ServiceBase):
    """Create, change, delete (tombstone), restore, read and list enterprises."""

    def create_enterprise(self, data: EnterpriseInput) -> EnterpriseDetail:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            enterprise = Enterprise()
            self._apply(session, enterprise, data)
            session.add(enterprise)
            session.flush()
            self._replace_contacts(session, enterprise.id, data.contacts)
            session.flush()
            indexing.reindex_enterprises(session, [enterprise.id])
            return self._detail(session, enterprise)

    def update_enterprise(
        self, enterprise_id: uuid.UUID, data: EnterpriseInput
    ) -> EnterpriseDetail:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            enterprise = self._live(session, Enterprise, enterprise_id, ENTITY)
            self._apply(session, enterprise, data)
            self._replace_contacts(session, enterprise.id, data.contacts)
            session.flush()
            # The visit list sorts by a copy of the name (an index, not a join); the
            # copies change through the ORM so they are stamped, audited and synced.
            for visit in session.scalars(
                select(Visit).where(
                    Visit.enterprise_id == enterprise.id, Visit.enterprise_name != enterprise.name
                )
            ):
                visit.enterprise_name = enterprise.name
            indexing.reindex_enterprises(session, [enterprise.id])
            product_ids = session.scalars(
                select(Product.id).where(Product.enterprise_id == enterprise.id)
            ).all()
            indexing.reindex_products(session, product_ids)
            return self._detail(session, enterprise)

    def delete_enterprise(self, enterprise_id: uuid.UUID) -> datetime:
        """Tombstone the enterprise with its contacts, products, recognitions and cases.

        Refused while live visits or needs refer to it: history is never hidden.
        Returns the deletion time, which ``restore_enterprise`` undoes.
        """
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            enterprise = self._live(session, Enterprise, enterprise_id, ENTITY)
            for model, children in ((Visit, "走访记录"), (Need, "问题诉求")):
                count = self._count(
                    session,
                    select(model.id).where(
                        model.enterprise_id == enterprise_id, model.deleted_at.is_(None)
                    ),
                )
                if count:
                    raise ValidationError(
                        "record.in_use", entity=ENTITY, count=count, children=children
                    )
            when = self._now()
            product_ids = select(Product.id).where(Product.enterprise_id == enterprise_id)
            tombstone(session, Contact, Contact.enterprise_id == enterprise_id, when)
            tombstone(session, Recognition, Recognition.product_id.in_(product_ids), when)
            tombstone(session, Case, Case.enterprise_id == enterprise_id, when)
            ids = session.scalars(product_ids).all()
            tombstone(session, Product, Product.enterprise_id == enterprise_id, when)
            enterprise.deleted_at = when
            session.flush()
            indexing.reindex_enterprises(session, [enterprise_id])
            indexing.reindex_products(session, ids)
            return when

    def restore_enterprise(self, enterprise_id: uuid.UUID) -> EnterpriseDetail:
        """Undo a delete: the enterprise and everything deleted with it come back."""
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            enterprise = session.get(Enterprise, enterprise_id)
            if enterprise is None:
                raise self._missing(enterprise_id)
            when = enterprise.deleted_at
            if when is not None:
                product_ids = select(Product.id).where(Product.enterprise_id == enterprise_id)
                restore_cascade(session, Contact, Contact.enterprise_id == enterprise_id, when)
                restore_cascade(session, Product, Product.enterprise_id == enterprise_id, when)
                restore_cascade(session, Recognition, Recognition.product_id.in_(product_ids), when)
                restore_cascade(session, Case, Case.enterprise_id == enterprise_id, when)
                enterprise.deleted_at = None
                session.flush()
                indexing.reindex_enterprises(session, [enterprise_id])
                indexing.reindex_products(session, session.scalars(product_ids).all())
                indexing.reindex_cases(
                    session,
                    session.scalars(
                        select(Case.id).where(Case.enterprise_id == enterprise_id)
                    ).all(),
                )
            return self._detail(session, enterprise)

    def get_enterprise(self, enterprise_id: uuid.UUID) -> EnterpriseDetail:
        with self._read() as session:
            return self._detail(session, self._live(session, Enterprise, enterprise_id, ENTITY))

    def find_by_credit_code(self, text: str) -> EnterpriseRow | None:
        """The live enterprise holding this (valid) credit code, if any."""
        code = parse_credit_code(text).value
        with self._read() as session:
            rows = self._rows(session, self._query().where(Enterprise.credit_code == code))
            return rows[0] if rows else None

    def list_enterprises(
        self, filters: EnterpriseFilter | None = None, *, limit: int = 200
    ) -> list[EnterpriseRow]:
        with self._read() as session:
            query = self._filtered(session, filters or EnterpriseFilter())
            query = query.order_by(Enterprise.name, Enterprise.id).limit(limit)
            return self._rows(session, query)

    def enterprise_keys(
        self,
        filters: EnterpriseFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        """Keys of every matching enterprise, sorted in SQL (for big lists)."""
        with self._read() as session:
            query = self._filtered(session, filters or EnterpriseFilter())
            return ordered_keys(
                session, query, Enterprise.id, SORT_COLUMNS, SortOrder("name"), order, limit=limit
            )

    def enterprise_rows(self, keys: Sequence[str]) -> list[EnterpriseRow]:
        """The list rows of these keys (in no particular order)."""
        with self._read() as session:
            found = rows_by_key(session, self._query(), Enterprise.id, keys)
            return [self._row(r) for r in found]

    def _filtered(self, session: Session, filters: EnterpriseFilter) -> Select:
        query = self._query()
        if filters.division_code:
            query = query.where(Enterprise.division_code == plain_term(filters.division_code))
        if filters.zone_id:
            query = query.where(Enterprise.zone_id == filters.zone_id)
        for flag in ("above_scale", "specialised", "high_tech"):
            wanted = getattr(filters, flag)
            if wanted is not None:
                query = query.where(getattr(Enterprise, flag).is_(wanted))
        condition = search_condition(
            session,
            indexing.ENTERPRISE,
            filters.search,
            (Enterprise.name, Enterprise.credit_code),
        )
        if condition is not None:
            query = query.where(condition)
        return query

    # -- helpers -----------------------------------------------------------

    @staticmethod
    def _missing(enterprise_id: uuid.UUID) -> NotFoundError:
        return NotFoundError("record.not_found", entity=ENTITY, id=str(enterprise_id))

    @classmethod
    def _apply(cls, session: Session, enterprise: Enterprise, data: EnterpriseInput) -> None:
        enterprise.name = clean_enterprise_name(data.name)
        code = None
        if data.credit_code.strip():
            code = parse_credit_code(data.credit_code).value
            holder = session.execute(
                select(Enterprise.id, Enterprise.name, Enterprise.deleted_at).where(
                    Enterprise.credit_code == code, Enterprise.id != enterprise.id
                )
            ).first()
            if holder is not None:
                raise DuplicateError(
                    "enterprise.duplicate_deleted"
                    if holder.deleted_at is not None
                    else "enterprise.duplicate_code",
                    field="credit_code",
                    existing_id=str(holder.id),
                    code=code,
                    name=holder.name,
                )
        enterprise.credit_code = code
        enterprise.former_names = clean_text(
            data.former_names, field="former_names", label="曾用名", limit=500
        )
        enterprise.division_code = cls._division(session, data.division_code)
        enterprise.zone_id = cls._zone(session, data.zone_id)
        enterprise.address = clean_text(data.address, field="address", label="地址", limit=300)
        enterprise.legal_representative = clean_text(
            data.legal_representative, field="legal_representative", label="法定代表人", limit=50
        )
        enterprise.industry = clean_text(
            data.industry, field="industry", label="所属行业", limit=100
        )
        enterprise.above_scale = bool(data.above_scale)
        enterprise.specialised = bool(data.specialised)
        enterprise.high_tech = bool(data.high_tech)
        enterprise.notes = clean_text(
            data.notes, field="notes", label="备注", limit=20_000, multiline=True
        )

    @staticmethod
    def _division(session: Session, code: str | None) -> str | None:
        if not code:
            return None
        # Looked up once per transaction (an import checks thousands of enterprises).
        live = session.info.get("live_division_codes")
        if live is None:
            live = set(session.scalars(select(Division.code).where(Division.deleted_at.is_(None))))
            session.info["live_division_codes"] = live
        found = code if code in live else None
        if found is None:
            raise ValidationError(
                "field.unknown_ref", field="division_code", label="所在区县", value=shown(code)
            )
        return found

    @staticmethod
    def _zone(session: Session, zone_id: uuid.UUID | None) -> uuid.UUID | None:
        if zone_id is None:
            return None
        zone = session.get(Zone, zone_id)
        if zone is None or zone.deleted_at is not None:
            raise ValidationError(
                "field.unknown_ref", field="zone_id", label="开发区", value=str(zone_id)
            )
        return zone.id

    @staticmethod
    def _replace_contacts(
        session: Session, enterprise_id: uuid.UUID, contacts: tuple[ContactInput, ...]
    ) -> None:
        cleaned = []
        for index, contact in enumerate(contacts):
            prefix = f"contacts[{index}]."
            cleaned.append(
                {
                    "name": clean_text(
                        contact.name,
                        field=prefix + "name",
                        label="联系人",
                        limit=50,
                        required=True,
                    ),
                    "title": clean_text(
                        contact.title, field=prefix + "title", label="职务", limit=50
                    ),
                    "phone": check_phone(contact.phone, field=prefix + "phone"),
                    "email": check_email(contact.email, field=prefix + "email"),
                    "is_primary": bool(contact.is_primary),
                }
            )
        existing = session.scalars(
            select(Contact)
            .where(Contact.enterprise_id == enterprise_id, Contact.deleted_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
        ).all()
        now = ServiceBase._now()
        for position, row in enumerate(existing):
            if position < len(cleaned):
                for key, value in cleaned[position].items():
                    setattr(row, key, value)
            else:
                row.deleted_at = now
        for values in cleaned[len(existing) :]:
            session.add(Contact(enterprise_id=enterprise_id, **values))

    @staticmethod
    def _query() -> Select:
        return (
            select(
                Enterprise.id,
                Enterprise.name,
                Enterprise.credit_code,
                Enterprise.division_code,
                Division.name.label("division_name"),
                Zone.name.label("zone_name"),
                Enterprise.above_scale,
                Enterprise.specialised,
                Enterprise.high_tech,
                Enterprise.updated_at,
            )
            .outerjoin(Division, Division.code == Enterprise.division_code)
            .outerjoin(Zone, Zone.id == Enterprise.zone_id)
            .where(Enterprise.deleted_at.is_(None))
        )

    @classmethod
    def _rows(cls, session: Session, query: Select) -> list[EnterpriseRow]:
        return [cls._row(r) for r in session.execute(query)]

    @staticmethod
    def _row(r: Any) -> EnterpriseRow:
        return EnterpriseRow(
            id=r.id,
            name=r.name,
            credit_code=r.credit_code,
            division_code=r.division_code,
            division_name=r.division_name or "",
            zone_name=r.zone_name or "",
            above_scale=r.above_scale,
            specialised=r.specialised,
            high_tech=r.high_tech,
            updated_at=r.updated_at,
        )

    @staticmethod
    def _detail(session: Session, enterprise: Enterprise) -> EnterpriseDetail:
        division = (
            session.scalar(select(Division.name).where(Division.code == enterprise.division_code))
            if enterprise.division_code
            else None
        )
        zone = session.get(Zone, enterprise.zone_id) if enterprise.zone_id else None
        contacts = session.scalars(
            select(Contact)
            .where(Contact.enterprise_id == enterprise.id, Contact.deleted_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
        ).all()
        return EnterpriseDetail(
            id=enterprise.id,
            name=enterprise.name,
            credit_code=enterprise.credit_code,
            former_names=enterprise.former_names,
            division_code=enterprise.division_code,
            division_name=division or "",
            zone_id=enterprise.zone_id,
            zone_name=zone.name if zone else "",
            address=enterprise.address,
            legal_representative=enterprise.legal_representative,
            industry=enterprise.industry,
            above_scale=enterprise.above_scale,
            specialised=enterprise.specialised,
            high_tech=enterprise.high_tech,
            notes=enterprise.notes,
            contacts=tuple(
                ContactRow(c.id, c.name, c.title, c.phone, c.email, c.is_primary) for c in contacts
            ),
            created_at=enterprise.created_at,
            updated_at=enterprise.updated_at,
            updated_by=enterprise.updated_by,
            deleted_at=enterprise.deleted_at,
        )


def clean_enterprise_name(name: str) -> str:
    """The name as stored, or ValidationError (an import checks names with this too)."""
    return clean_text(name, field="name", label="企业名称", limit=200, required=True)


def fill_enterprise(session: Session, enterprise: Enterprise, data: EnterpriseInput) -> None:
    """Check ``data`` and put it on ``enterprise`` (not its contacts), as the form's save does."""
    EnterpriseService._apply(session, enterprise, data)
