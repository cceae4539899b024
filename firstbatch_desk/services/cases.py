"""Cases (跟踪服务档案): one per recognised product under follow-up."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Enterprise,
    Need,
    Officer,
    Product,
    Recognition,
    Visit,
    VisitCase,
)
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.dtos.register import CaseDetail, CaseInput, CaseRow
from firstbatch_desk.domain.enums import CaseStatus, NeedStatus
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.followup import FollowUpCadence, next_due_date
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import check_date, clean_text
from firstbatch_desk.services import indexing
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.listing import KeyList, SortOrder, ordered_keys, rows_by_key
from firstbatch_desk.services.numbering import next_number
from firstbatch_desk.services.search import search_condition

ENTITY = "跟踪档案"
OPEN_NEED_STATES = tuple(s for s in NeedStatus if s.is_open)
SORT_COLUMNS = {
    "case_no": Case.case_no,
    "enterprise": Enterprise.name,
    "product": Product.name,
    "officer": Officer.name,
    "status": Case.status,
    "opened_on": Case.opened_on,
    "last_visit_on": Case.last_visit_on,
    "next_due_on": Case.next_due_on,
}


def refresh_case_schedule(session: Session, case: Case, cadence: FollowUpCadence) -> None:
    """Recompute a case's last visit and next due date from its visits and open needs."""
    case.last_visit_on = session.scalar(
        select(func.max(Visit.visit_date))
        .join(VisitCase, VisitCase.visit_id == Visit.id)
        .where(
            VisitCase.case_id == case.id,
            VisitCase.deleted_at.is_(None),
            Visit.deleted_at.is_(None),
        )
    )
    if case.status is CaseStatus.CLOSED:
        case.next_due_on = None
        return
    case.next_due_on = due_after_visit(session, case, case.last_visit_on, cadence)


def due_after_visit(
    session: Session, case: Case, last_visit_on: date | None, cadence: FollowUpCadence
) -> date:
    """When the case is next due if its last visit was on ``last_visit_on``."""
    recognised_on = None
    if case.recognition_id is not None:
        recognised_on = session.scalar(
            select(Recognition.recognised_on).where(Recognition.id == case.recognition_id)
        )
    need_due = session.scalar(
        select(func.min(func.coalesce(Need.extended_to, Need.due_on))).where(
            Need.case_id == case.id, Need.deleted_at.is_(None), Need.status.in_(OPEN_NEED_STATES)
        )
    )
    return next_due_date(
        recognised_on=recognised_on or case.opened_on,
        last_visit_on=last_visit_on,
        open_need_due=need_due,
        cadence=cadence,
    )


def refresh_cases(
    session: Session, case_ids: Iterable[uuid.UUID | None], cadence: FollowUpCadence
) -> None:
    """Recompute the schedules of these cases (None and missing ids are skipped)."""
    session.flush()
    for case_id in case_ids:
        case = session.get(Case, case_id) if case_id is not None else None
        if case is not None:
            refresh_case_schedule(session, case, cadence)
    session.flush()


class CaseService(ServiceBase):
    def open_case(self, data: CaseInput) -> CaseDetail:
        with self._write() as session:
            product = self._live(session, Product, data.product_id, "产品")
            self._require(Permission.EDIT_CASE, owner_officer_id=data.officer_id)
            existing = session.scalar(
                select(Case.case_no).where(
                    Case.product_id == product.id,
                    Case.deleted_at.is_(None),
                    Case.status != CaseStatus.CLOSED,
                )
            )
            if existing:
                raise ValidationError(
                    "case.duplicate_product", field="product_id", case_no=existing
                )
            opened_on = check_date(data.opened_on, field="opened_on", label="建档日期") or (
                date.today()
            )
            case = Case(
                product_id=product.id,
                enterprise_id=product.enterprise_id,
                case_no=next_number(session, Case.case_no, "GZ", opened_on.year),
                opened_on=opened_on,
            )
            self._apply(session, case, data)
            session.add(case)
            session.flush()
            refresh_case_schedule(session, case, self._config.cadence)
            session.flush()
            indexing.reindex_cases(session, [case.id])
            return self._detail(session, case.id)

    def update_case(self, case_id: uuid.UUID, data: CaseInput) -> CaseDetail:
        with self._write() as session:
            case = self._live(session, Case, case_id, ENTITY)
            self._require(Permission.EDIT_CASE, owner_officer_id=case.officer_id)
            if data.officer_id != case.officer_id:
                self._require(Permission.ASSIGN_CASE)
            if data.product_id != case.product_id:
                raise ValidationError(
                    "field.bad_choice", field="product_id", label="产品", value=str(data.product_id)
                )
            opened_on = check_date(data.opened_on, field="opened_on", label="建档日期")
            if opened_on is not None:
                case.opened_on = opened_on
            self._apply(session, case, data)
            refresh_case_schedule(session, case, self._config.cadence)
            session.flush()
            return self._detail(session, case.id)

    def delete_case(self, case_id: uuid.UUID) -> None:
        with self._write() as session:
            case = self._live(session, Case, case_id, ENTITY)
            self._require(Permission.EDIT_CASE, owner_officer_id=case.officer_id)
            for statement, children in (
                (
                    select(VisitCase.id).where(
                        VisitCase.case_id == case_id, VisitCase.deleted_at.is_(None)
                    ),
                    "走访记录",
                ),
                (
                    select(Need.id).where(Need.case_id == case_id, Need.deleted_at.is_(None)),
                    "问题诉求",
                ),
            ):
                count = self._count(session, statement)
                if count:
                    raise ValidationError(
                        "record.in_use", entity=ENTITY, count=count, children=children
                    )
            case.deleted_at = self._now()
            session.flush()
            indexing.reindex_cases(session, [case_id])

    def restore_case(self, case_id: uuid.UUID) -> CaseDetail:
        with self._write() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(case_id))
            self._require(Permission.EDIT_CASE, owner_officer_id=case.officer_id)
            self._live(session, Product, case.product_id, "产品")
            case.deleted_at = None
            session.flush()
            indexing.reindex_cases(session, [case_id])
            return self._detail(session, case_id)

    def get_case(self, case_id: uuid.UUID) -> CaseDetail:
        with self._read() as session:
            self._live(session, Case, case_id, ENTITY)
            return self._detail(session, case_id)

    def list_cases(self, filters: CaseFilter | None = None, *, limit: int = 200) -> list[CaseRow]:
        with self._read() as session:
            query = self._filtered(session, filters or CaseFilter())
            query = query.order_by(Case.next_due_on.is_(None), Case.next_due_on, Case.case_no)
            return [self._row(r) for r in session.execute(query.limit(limit))]

    def case_keys(
        self,
        filters: CaseFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        with self._read() as session:
            query = self._filtered(session, filters or CaseFilter())
            return ordered_keys(
                session, query, Case.id, SORT_COLUMNS, SortOrder("next_due_on"), order, limit=limit
            )

    def case_rows(self, keys: Sequence[str]) -> list[CaseRow]:
        with self._read() as session:
            return [self._row(r) for r in rows_by_key(session, self._query(), Case.id, keys)]

    def _filtered(self, session: Session, filters: CaseFilter) -> Select:
        query = self._query()
        if filters.enterprise_id:
            query = query.where(Case.enterprise_id == filters.enterprise_id)
        if filters.officer_id:
            query = query.where(Case.officer_id == filters.officer_id)
        if filters.status:
            query = query.where(Case.status == filters.status)
        if filters.division_code:
            query = query.where(Enterprise.division_code == plain_term(filters.division_code))
        if filters.due_before:
            query = query.where(Case.next_due_on <= filters.due_before)
        condition = search_condition(
            session, indexing.CASE, filters.search, (Case.case_no, Product.name)
        )
        if condition is not None:
            query = query.where(condition)
        return query

    def _apply(self, session: Session, case: Case, data: CaseInput) -> None:
        if data.recognition_id is not None:
            recognition = self._live(session, Recognition, data.recognition_id, "认定记录")
            if recognition.product_id != case.product_id:
                raise ValidationError(
                    "field.bad_choice",
                    field="recognition_id",
                    label="认定记录",
                    value=str(data.recognition_id),
                )
        if data.officer_id is not None:
            self._live(session, Officer, data.officer_id, "工作人员")
        case.recognition_id = data.recognition_id
        case.officer_id = data.officer_id
        case.status = CaseStatus(data.status)
        if case.status is CaseStatus.CLOSED and case.closed_on is None:
            case.closed_on = date.today()
        elif case.status is not CaseStatus.CLOSED:
            case.closed_on = None
        case.notes = clean_text(
            data.notes, field="notes", label="备注", limit=20_000, multiline=True
        )

    @staticmethod
    def _query() -> Select:
        return (
            select(
                Case.id,
                Case.case_no,
                Case.enterprise_id,
                Enterprise.name.label("enterprise_name"),
                Case.product_id,
                Product.name.label("product_name"),
                Case.officer_id,
                Officer.name.label("officer_name"),
                Case.status,
                Case.opened_on,
                Case.last_visit_on,
                Case.next_due_on,
            )
            .join(Enterprise, Enterprise.id == Case.enterprise_id)
            .join(Product, Product.id == Case.product_id)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .where(Case.deleted_at.is_(None), Enterprise.deleted_at.is_(None))
        )

    @staticmethod
    def _row(r: Any) -> CaseRow:
        return CaseRow(
            id=r.id,
            case_no=r.case_no,
            enterprise_id=r.enterprise_id,
            enterprise_name=r.enterprise_name,
            product_id=r.product_id,
            product_name=r.product_name,
            officer_id=r.officer_id,
            officer_name=r.officer_name or "",
            status=r.status,
            opened_on=r.opened_on,
            last_visit_on=r.last_visit_on,
            next_due_on=r.next_due_on,
        )

    def _detail(self, session: Session, case_id: uuid.UUID) -> CaseDetail:
        row = session.execute(self._query().where(Case.id == case_id)).one()
        case = session.get(Case, case_id)
        assert case is not None
        visits = self._count(
            session,
            select(VisitCase.id)
            .join(Visit, Visit.id == VisitCase.visit_id)
            .where(
                VisitCase.case_id == case_id,
                VisitCase.deleted_at.is_(None),
                Visit.deleted_at.is_(None),
            ),
        )
        open_needs = self._count(
            session,
            select(Need.id).where(
                Need.case_id == case_id,
                Need.deleted_at.is_(None),
                Need.status.in_(OPEN_NEED_STATES),
            ),
        )
        return CaseDetail(
            row=self._row(row),
            recognition_id=case.recognition_id,
            closed_on=case.closed_on,
            notes=case.notes,
            visit_count=visits,
            open_need_count=open_needs,
        )


# The list query and row builder, for other services that show cases (the worklist).
case_query = CaseService._query
case_row = CaseService._row
