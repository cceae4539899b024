"""Reading visits: the list query and row, and the whole detail of one visit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Enterprise,
    Need,
    Officer,
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    VisitOfficer,
)
from firstbatch_desk.domain.dtos.followup import AttendeeInput, VisitDetail, VisitRow

HEADLINE_LENGTH = 120
NOTE_FIELDS = (
    ("production_status", "生产情况"),
    ("sales_status", "销售情况"),
    ("application_progress", "推广应用进展"),
    ("new_users", "新增下游用户"),
    ("policies_explained", "政策宣传"),
    ("summary", "走访纪要"),
)


def headline_of(summary: str) -> str:
    """The first line of the summary, shortened for lists."""
    first = summary.strip().split("\n", 1)[0] if summary.strip() else ""
    return first if len(first) <= HEADLINE_LENGTH else first[: HEADLINE_LENGTH - 1] + "…"


def officer_names_column() -> Any:
    return (
        select(func.group_concat(Officer.name, "、"))
        .join(VisitOfficer, VisitOfficer.officer_id == Officer.id)
        .where(VisitOfficer.visit_id == Visit.id, VisitOfficer.deleted_at.is_(None))
        .correlate(Visit)
        .scalar_subquery()
    )


def visit_list_query() -> Select:
    return (
        select(
            Visit.id,
            Visit.visit_date,
            Visit.enterprise_id,
            Enterprise.name.label("enterprise_name"),
            Enterprise.division_code,
            Visit.method,
            Visit.headline,
            officer_names_column().label("officer_names"),
            Visit.signed,
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(Visit.deleted_at.is_(None))
    )


def visit_row(r: Any) -> VisitRow:
    return VisitRow(
        id=r.id,
        visit_date=r.visit_date,
        enterprise_id=r.enterprise_id,
        enterprise_name=r.enterprise_name,
        division_code=r.division_code,
        method=r.method,
        headline=r.headline,
        officer_names=r.officer_names or "",
        signed=r.signed,
    )


def visit_detail(session: Session, visit_id: uuid.UUID) -> VisitDetail:
    """Everything about one visit, for its detail view and its form."""
    row = visit_row(session.execute(visit_list_query().where(Visit.id == visit_id)).one())
    visit = session.get(Visit, visit_id)
    assert visit is not None
    note = session.scalar(select(VisitNote).where(VisitNote.visit_id == visit_id))
    cases = session.execute(
        select(Case.id, Case.case_no)
        .join(VisitCase, VisitCase.case_id == Case.id)
        .where(VisitCase.visit_id == visit_id, VisitCase.deleted_at.is_(None))
        .order_by(Case.case_no)
    ).all()
    officers = session.scalars(
        select(VisitOfficer.officer_id).where(
            VisitOfficer.visit_id == visit_id, VisitOfficer.deleted_at.is_(None)
        )
    ).all()
    attendees = session.execute(
        select(VisitAttendee.name, VisitAttendee.title)
        .where(VisitAttendee.visit_id == visit_id, VisitAttendee.deleted_at.is_(None))
        .order_by(VisitAttendee.sort_order)
    ).all()
    needs = session.scalars(
        select(Need.id).where(Need.visit_id == visit_id, Need.deleted_at.is_(None))
    ).all()
    texts = {name: getattr(note, name) if note else "" for name, _ in NOTE_FIELDS}
    return VisitDetail(
        row=row,
        case_ids=tuple(c.id for c in cases),
        case_nos=tuple(c.case_no for c in cases),
        officer_ids=tuple(officers),
        attendees=tuple(AttendeeInput(a.name, a.title) for a in attendees),
        new_users_count=visit.new_users_count,
        contract_value=visit.contract_value,
        quantity=visit.quantity,
        quantity_unit=visit.quantity_unit,
        next_visit_on=visit.next_visit_on,
        need_ids=tuple(needs),
        **texts,
    )
