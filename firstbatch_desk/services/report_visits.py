"""Gathering the visits of a report: lines in date order, their people, and their sums.

Officers and attendees of all visits come from one query each, so a case
with hundreds of visits costs a handful of queries.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Officer,
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    VisitOfficer,
)
from firstbatch_desk.domain.dtos.reports import ProfileLine, VisitLine

NAME_SEPARATOR = "、"


@dataclass(slots=True)
class People:
    """Personal names and numbers met while gathering, for redaction."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)

    def add_names(self, *names: str) -> None:
        self.names.update(n.strip() for n in names if n and n.strip())


def visit_ids_of_cases(case_ids: Sequence[uuid.UUID]) -> Select:
    """Live visits that cover at least one of these cases (a subquery)."""
    return (
        select(VisitCase.visit_id)
        .where(VisitCase.case_id.in_(case_ids), VisitCase.deleted_at.is_(None))
        .distinct()
    )


@dataclass(slots=True)
class VisitFacts:
    """What the sales-and-application section sums up from the visits."""

    count: int = 0
    contract_total: Decimal = Decimal(0)
    contracts: int = 0
    new_users: int = 0
    latest: dict[str, str] = field(default_factory=dict)


def visit_lines(
    session: Session, visit_ids: Select, people: People
) -> tuple[list[VisitLine], VisitFacts]:
    """The visits (in date order) with officers and attendees; and their sums."""
    live_note = and_(VisitNote.visit_id == Visit.id, VisitNote.deleted_at.is_(None))
    rows = session.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Visit.method,
            Visit.contract_value,
            Visit.new_users_count,
            VisitNote.summary,
            VisitNote.new_users,
            VisitNote.application_progress,
            VisitNote.production_status,
            VisitNote.sales_status,
        )
        .outerjoin(VisitNote, live_note)
        .where(Visit.id.in_(visit_ids), Visit.deleted_at.is_(None))
        .order_by(Visit.visit_date, Visit.id)
    ).all()
    officers = officer_names_by_visit(session, visit_ids, people)
    attendees = attendee_names_by_visit(session, visit_ids, people)
    facts = VisitFacts(count=len(rows))
    lines = []
    for r in rows:
        if r.contract_value is not None:
            facts.contract_total += r.contract_value
            facts.contracts += 1
        facts.new_users += r.new_users_count or 0
        for name in ("production_status", "sales_status", "application_progress"):
            if getattr(r, name):
                facts.latest[name] = getattr(r, name)
        new_users = r.new_users or ""
        if not new_users and r.new_users_count:
            new_users = f"新增 {r.new_users_count} 家"
        lines.append(
            VisitLine(
                visit_date=r.visit_date,
                method=r.method.label("zh"),
                officers=NAME_SEPARATOR.join(officers.get(r.id, ())),
                attendees=NAME_SEPARATOR.join(attendees.get(r.id, ())),
                summary=r.summary or "",
                contract_value=r.contract_value,
                new_users=new_users,
                application_progress=r.application_progress or "",
            )
        )
    return lines, facts


def officer_names_by_visit(
    session: Session, visit_ids: Select, people: People
) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(
        select(VisitOfficer.visit_id, Officer.name)
        .join(Officer, Officer.id == VisitOfficer.officer_id)
        .where(VisitOfficer.visit_id.in_(visit_ids), VisitOfficer.deleted_at.is_(None))
        .order_by(VisitOfficer.visit_id, Officer.name, Officer.id)
    ):
        found[visit_id].append(name)
        people.add_names(name)
    return found


def attendee_names_by_visit(
    session: Session, visit_ids: Select, people: People
) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name, title in session.execute(
        select(VisitAttendee.visit_id, VisitAttendee.name, VisitAttendee.title)
        .where(VisitAttendee.visit_id.in_(visit_ids), VisitAttendee.deleted_at.is_(None))
        .order_by(VisitAttendee.visit_id, VisitAttendee.sort_order, VisitAttendee.id)
    ):
        found[visit_id].append(f"{name}（{title}）" if title else name)
        people.add_names(name)
    return found


def sales_lines(products: Sequence[Any], facts: VisitFacts) -> list[ProfileLine]:
    """Sales and application progress: the products' fields, sums and latest notes."""
    fields = sorted({p.application_field for p in products if p.application_field})
    lines = [
        ProfileLine("应用领域", NAME_SEPARATOR.join(fields)),
        ProfileLine("走访次数", str(facts.count)),
        ProfileLine("新增下游用户（家）", str(facts.new_users)),
        ProfileLine(
            "合同金额合计（万元）",
            format_money(facts.contract_total) if facts.contracts else "",
        ),
        ProfileLine("最近生产情况", facts.latest.get("production_status", "")),
        ProfileLine("最近销售情况", facts.latest.get("sales_status", "")),
        ProfileLine("最近推广应用进展", facts.latest.get("application_progress", "")),
    ]
    return [line for line in lines if line.value]


def format_money(amount: Decimal) -> str:
    """2915.510000 → 2915.51; 100.000000 → 100."""
    return f"{amount.normalize():f}"
