"""The queries that fill the exported ledgers (台账), a chunk of list keys at a time.

Each ``*_records(session, keys)`` returns, by key, the raw values of one record
(enums, booleans, dates, ``Decimal``) in the order of its ledger's columns in
:mod:`firstbatch_desk.services.ledger_columns` (序号 aside). A key whose record
vanished meanwhile is absent. Side tables (contacts, attendees, covered cases,
supporting departments, counts) are read with one query per chunk, not per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Contact,
    Department,
    Division,
    Enterprise,
    Need,
    NeedSupport,
    Officer,
    Product,
    Recognition,
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    Zone,
)
from firstbatch_desk.domain.enums import NeedStatus
from firstbatch_desk.services.listing import key_column
from firstbatch_desk.services.visit_reading import officer_names_column

LIST_SEPARATOR = "、"
OPEN_NEED_STATES = tuple(s for s in NeedStatus if s.is_open)
Records = dict[str, tuple[Any, ...]]


def _by_key(session: Session, query: Select[Any]) -> dict[str, Any]:
    """Rows of ``query`` (whose first column is the key) by key."""
    return {row[0]: row for row in session.execute(query)}


def _grouped(session: Session, query: Select[Any]) -> dict[str, list[Any]]:
    """Rows of ``query`` (key first) grouped by key, in the query's order."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for row in session.execute(query):
        groups[row[0]].append(row)
    return groups


def _counts(session: Session, query: Select[Any]) -> dict[str, int]:
    return {key: int(count) for key, count in session.execute(query)}


# -- enterprises ---------------------------------------------------------------


def enterprise_records(session: Session, keys: Sequence[str]) -> Records:
    key = key_column(Enterprise.id)
    main = _by_key(
        session,
        select(
            key,
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.former_names,
            Division.name,
            Zone.name,
            Enterprise.address,
            Enterprise.legal_representative,
            Enterprise.industry,
            Enterprise.above_scale,
            Enterprise.specialised,
            Enterprise.high_tech,
            Enterprise.notes,
        )
        .outerjoin(Division, Division.code == Enterprise.division_code)
        .outerjoin(Zone, Zone.id == Enterprise.zone_id)
        .where(key.in_(keys), Enterprise.deleted_at.is_(None)),
    )
    owner = key_column(Contact.enterprise_id)
    contacts = _grouped(
        session,
        select(owner, Contact.name, Contact.title, Contact.phone, Contact.email)
        .where(owner.in_(keys), Contact.deleted_at.is_(None))
        # the primary contact first, else the first entered (as the form lists them)
        .order_by(Contact.is_primary.desc(), Contact.created_at, Contact.id),
    )
    product_owner = key_column(Product.enterprise_id)
    products = _counts(
        session,
        select(product_owner, func.count())
        .where(product_owner.in_(keys), Product.deleted_at.is_(None))
        .group_by(Product.enterprise_id),
    )
    recognitions = _counts(
        session,
        select(product_owner, func.count())
        .join(Recognition, Recognition.product_id == Product.id)
        .where(
            product_owner.in_(keys),
            Product.deleted_at.is_(None),
            Recognition.deleted_at.is_(None),
        )
        .group_by(Product.enterprise_id),
    )
    rows = {}
    for k, r in main.items():
        contact = contacts[k][0][1:] if contacts.get(k) else ("", "", "", "")
        rows[k] = (*r[1:12], *contact, products.get(k, 0), recognitions.get(k, 0), r[12])
    return rows


# -- products and recognitions --------------------------------------------------


def recognition_records(session: Session, keys: Sequence[str]) -> Records:
    key = key_column(Recognition.id)
    main = _by_key(
        session,
        select(
            key,
            Enterprise.name,
            Enterprise.credit_code,
            Division.name,
            Product.name,
            Product.model_spec,
            Recognition.scheme,
            Recognition.tier,
            Recognition.tier_text,
            Recognition.year,
            Recognition.document_no,
            Recognition.recognised_on,
            Recognition.valid_until,
            Recognition.reward_amount,
            Recognition.reward_paid,
        )
        .join(Product, Product.id == Recognition.product_id)
        .join(Enterprise, Enterprise.id == Product.enterprise_id)
        .outerjoin(Division, Division.code == Enterprise.division_code)
        .where(key.in_(keys), Recognition.deleted_at.is_(None)),
    )
    # 认定档次 carries the published wording (what the import reads), else the tier's label.
    return {k: (*r[1:7], r.tier_text or r.tier.label("zh"), *r[9:]) for k, r in main.items()}


# -- cases ------------------------------------------------------------------------


def case_records(session: Session, keys: Sequence[str]) -> Records:
    key = key_column(Case.id)
    main = _by_key(
        session,
        select(
            key,
            Case.case_no,
            Enterprise.name,
            Enterprise.credit_code,
            Division.name,
            Product.name,
            Recognition.scheme,
            Recognition.tier,
            Recognition.year,
            Officer.name,
            Case.status,
            Case.opened_on,
            Case.last_visit_on,
            Case.next_due_on,
            Case.closed_on,
            Case.notes,
        )
        .join(Enterprise, Enterprise.id == Case.enterprise_id)
        .join(Product, Product.id == Case.product_id)
        .outerjoin(Division, Division.code == Enterprise.division_code)
        .outerjoin(Recognition, Recognition.id == Case.recognition_id)
        .outerjoin(Officer, Officer.id == Case.officer_id)
        .where(key.in_(keys), Case.deleted_at.is_(None)),
    )
    visited = key_column(VisitCase.case_id)
    visits = _counts(
        session,
        select(visited, func.count())
        .join(Visit, Visit.id == VisitCase.visit_id)
        .where(visited.in_(keys), VisitCase.deleted_at.is_(None), Visit.deleted_at.is_(None))
        .group_by(VisitCase.case_id),
    )
    need_case = key_column(Need.case_id)
    needs = _counts(
        session,
        select(need_case, func.count())
        .where(need_case.in_(keys), Need.deleted_at.is_(None), Need.status.in_(OPEN_NEED_STATES))
        .group_by(Need.case_id),
    )
    return {k: (*r[1:15], visits.get(k, 0), needs.get(k, 0), r[15]) for k, r in main.items()}


# -- visits -----------------------------------------------------------------------


def visit_records(session: Session, keys: Sequence[str]) -> Records:
    key = key_column(Visit.id)
    main = _by_key(
        session,
        select(
            key,
            Visit.visit_date,
            Enterprise.name,
            Division.name,
            Visit.method,
            officer_names_column(),  # the same text as the list's 走访人员
            VisitNote.production_status,
            VisitNote.sales_status,
            VisitNote.application_progress,
            VisitNote.new_users,
            Visit.new_users_count,
            VisitNote.policies_explained,
            VisitNote.summary,
            Visit.contract_value,
            Visit.quantity,
            Visit.quantity_unit,
            Visit.next_visit_on,
            Visit.signed,
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .outerjoin(Division, Division.code == Enterprise.division_code)
        .outerjoin(VisitNote, VisitNote.visit_id == Visit.id)
        .where(key.in_(keys), Visit.deleted_at.is_(None)),
    )
    attended = key_column(VisitAttendee.visit_id)
    attendees = _grouped(
        session,
        select(attended, VisitAttendee.name, VisitAttendee.title)
        .where(attended.in_(keys), VisitAttendee.deleted_at.is_(None))
        .order_by(VisitAttendee.visit_id, VisitAttendee.sort_order),
    )
    covered = key_column(VisitCase.visit_id)
    cases = _grouped(
        session,
        select(covered, Case.case_no)
        .join(Case, Case.id == VisitCase.case_id)
        .where(covered.in_(keys), VisitCase.deleted_at.is_(None))
        .order_by(VisitCase.visit_id, Case.case_no),
    )
    rows = {}
    for k, r in main.items():
        people = LIST_SEPARATOR.join(
            f"{a.name}（{a.title}）" if a.title else a.name for a in attendees.get(k, ())
        )
        case_nos = LIST_SEPARATOR.join(c.case_no for c in cases.get(k, ()))
        quantity = f"{r.quantity or ''} {r.quantity_unit or ''}".strip()
        rows[k] = (
            *r[1:6],
            people,
            case_nos,
            *r[6:14],
            quantity,
            r.next_visit_on,
            r.signed,
        )
    return rows


# -- needs ------------------------------------------------------------------------


def need_records(session: Session, keys: Sequence[str]) -> Records:
    key = key_column(Need.id)
    main = _by_key(
        session,
        select(
            key,
            Need.need_no,
            Enterprise.name,
            Need.category,
            Need.title,
            Need.description,
            Need.channel,
            Need.urgency,
            Need.status,
            Department.name,
            Need.raised_on,
            Need.accepted_on,
            # the deadline in force: an approved extension replaces the due date
            func.coalesce(Need.extended_to, Need.due_on),
            Need.closed_on,
            Need.outcome,
            Need.satisfaction,
        )
        .join(Enterprise, Enterprise.id == Need.enterprise_id)
        .outerjoin(Department, Department.id == Need.lead_department_id)
        .where(key.in_(keys), Need.deleted_at.is_(None)),
    )
    supported = key_column(NeedSupport.need_id)
    supports = _grouped(
        session,
        select(supported, Department.name)
        .join(Department, Department.id == NeedSupport.department_id)
        .where(supported.in_(keys), NeedSupport.deleted_at.is_(None))
        .order_by(NeedSupport.need_id, Department.sort_order, Department.name),
    )
    return {
        k: (
            *r[1:10],
            LIST_SEPARATOR.join(s[1] for s in supports.get(k, ())),
            *r[10:],
        )
        for k, r in main.items()
    }
