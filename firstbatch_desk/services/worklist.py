"""The worklist (工作台): what an officer should act on now.

Sections (``today`` is the officer's day; tombstoned rows never count):

- DUE_THIS_WEEK (本周到期): active cases whose ``next_due_on`` is between
  today and this week's Sunday, both included.
- OVERDUE (已逾期): active cases whose ``next_due_on`` is before today.
- NEVER_VISITED (认定后未走访): active cases with no visit (``last_visit_on``
  is null) whose product has a live (not tombstoned) recognition, whatever
  their due date; the cadence's first visit within 30 days is already in
  ``next_due_on``, so such a case may be in DUE_THIS_WEEK or OVERDUE too.
- NEEDS_DUE (诉求临期或逾期): open needs (with a case or without, whatever
  the case's status) whose effective due date (``extended_to`` or else
  ``due_on``) is on or before the third working day after today
  (``ServiceConfig.calendar``); past due ones come first.
- EXPIRING (认定即将到期): live recognitions (of live products and
  enterprises) whose ``valid_until`` is between today and today +
  ``ServiceConfig.expiry_warning_days``, both included.

Paused and closed cases are never due. With ``officer_id`` the worklist keeps
that officer's cases, the needs of those cases (not needs without a case),
and the recognitions of products that officer has a live case of (any
status). Rows come most urgent first: earliest due date first, then by
number (recognitions: by enterprise name).

Query shapes (measured on 200,000 visits, EXPLAIN QUERY PLAN in
``benchmarks/worklist.py --plans``): every count is a COUNT over bare keys;
the case sections seek the (status, next_due_on) index and read the rows in
its order, stopping at the limit; needs seek (status, due_on) and
recognitions ``valid_until``, sort only the bare keys and join what the rows
show to the first ``limit``. No index holds ``last_visit_on``, so
NEVER_VISITED reads the cases table straight through.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import aliased

from firstbatch_desk.db.models import Case, Enterprise, Need, Officer, Recognition
from firstbatch_desk.domain.dtos.worklist import WorkItem, WorkList, WorkSection
from firstbatch_desk.domain.enums import CaseStatus, NeedStatus
from firstbatch_desk.domain.followup import week_bounds
from firstbatch_desk.domain.recognition import Validity
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.cases import case_query, case_row
from firstbatch_desk.services.needs import need_query, need_row
from firstbatch_desk.services.recognitions import (
    recognition_query,
    recognition_row,
    validity_condition,
)

NEED_WARNING_WORKING_DAYS = 3
AWAITING_STATES = tuple(s for s in NeedStatus if s.awaits_answer)


@dataclass(frozen=True, slots=True)
class _Section:
    """How one section is found.

    ``count`` is a COUNT over the section's keys, joining only the tables that can
    change the number; ``rows(limit)`` selects the first ``limit`` rows to show,
    most urgent first.
    """

    count: Select[Any]
    rows: Callable[[int], Select[Any]]
    item: Callable[[Any, date], WorkItem]


class WorklistService(ServiceBase):
    def build(
        self, today: date | None = None, *, officer_id: uuid.UUID | None = None, limit: int = 200
    ) -> WorkList:
        """Every section's count and its first ``limit`` rows, most urgent first."""
        today = today or date.today()
        limit = max(0, limit)
        with self._read() as session:
            counts: dict[WorkSection, int] = {}
            items: dict[WorkSection, tuple[WorkItem, ...]] = {}
            for name, section in self._sections(today, officer_id).items():
                counts[name] = int(session.execute(section.count).scalar_one())
                found = session.execute(section.rows(limit)) if counts[name] else ()
                items[name] = tuple(section.item(r, today) for r in found)
        return WorkList(today, MappingProxyType(counts), MappingProxyType(items))

    def counts(
        self, today: date | None = None, *, officer_id: uuid.UUID | None = None
    ) -> dict[WorkSection, int]:
        """How many rows each section holds (for the navigation badges): COUNT queries only."""
        today = today or date.today()
        with self._read() as session:
            return {
                name: int(session.execute(section.count).scalar_one())
                for name, section in self._sections(today, officer_id).items()
            }

    def _sections(self, today: date, officer_id: uuid.UUID | None) -> dict[WorkSection, _Section]:
        mine = [] if officer_id is None else [Case.officer_id == officer_id]
        active = [Case.status == CaseStatus.ACTIVE, *mine]
        sunday = week_bounds(today)[1]
        need_horizon = self._config.calendar.add_working_days(today, NEED_WARNING_WORKING_DAYS)
        warn_days = self._config.expiry_warning_days
        return {
            WorkSection.DUE_THIS_WEEK: _due_section(
                WorkSection.DUE_THIS_WEEK, *active, Case.next_due_on.between(today, sunday)
            ),
            WorkSection.OVERDUE: _due_section(
                WorkSection.OVERDUE, *active, Case.next_due_on < today
            ),
            WorkSection.NEVER_VISITED: _never_visited_section(*mine),
            WorkSection.NEEDS_DUE: _needs_section(need_horizon, officer_id),
            WorkSection.EXPIRING: _expiring_section(today, warn_days, officer_id),
        }


def _count_of(keys: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(keys.subquery())


def _case_keys(*conditions: ColumnElement[bool]) -> Select[Any]:
    """Ids of the live cases of live enterprises that meet ``conditions``.

    ``case_query()`` has the same live conditions; its join to products cannot drop
    a row (foreign key) and the one to officers is an outer join.
    """
    return (
        select(Case.id)
        .join(Enterprise, Enterprise.id == Case.enterprise_id)
        .where(Case.deleted_at.is_(None), Enterprise.deleted_at.is_(None), *conditions)
    )


def _due_section(section: WorkSection, *conditions: ColumnElement[bool]) -> _Section:
    def rows(limit: int) -> Select[Any]:
        # Read in the order of the (status, next_due_on) index: it stops after ``limit``.
        query = case_query().where(*conditions).order_by(Case.next_due_on, Case.case_no)
        return query.limit(limit)

    return _Section(_count_of(_case_keys(*conditions)), rows, _case_item(section))


def _never_visited_section(*mine: ColumnElement[bool]) -> _Section:
    recognised = (
        exists()
        .where(Recognition.product_id == Case.product_id, Recognition.deleted_at.is_(None))
        .correlate(Case)
    )
    keys = _case_keys(
        # That is: active. Written so that SQLite reads the cases table straight through
        # (2 ms at 19,000 cases) rather than look up every active case found by the
        # status index (12 ms), as no index has ``last_visit_on``.
        Case.status.not_in((CaseStatus.PAUSED, CaseStatus.CLOSED)),
        Case.last_visit_on.is_(None),
        recognised,
        *mine,
    )

    def rows(limit: int) -> Select[Any]:
        query = case_query().where(Case.id.in_(keys.correlate(None)))
        return query.order_by(Case.next_due_on, Case.case_no).limit(limit)

    return _Section(_count_of(keys), rows, _case_item(WorkSection.NEVER_VISITED))


def _needs_section(horizon: date, officer_id: uuid.UUID | None) -> _Section:
    effective_due = func.coalesce(Need.extended_to, Need.due_on)
    order = (effective_due, Need.need_no)
    case_join = and_(Case.id == Need.case_id, Case.deleted_at.is_(None))
    # need_query()'s join to enterprises cannot drop a row (foreign key).
    keys = select(Need.id).where(
        Need.deleted_at.is_(None),
        Need.status.in_(AWAITING_STATES),
        # An extension only ever moves the date later, so ``due_on`` is never after
        # the effective date: this bound lets the (status, due_on) index find the rows.
        Need.due_on <= horizon,
        effective_due <= horizon,
    )
    if officer_id is not None:
        # IN rather than a join: the officer's few case ids beat a case look-up a need.
        theirs = select(Case.id).where(Case.officer_id == officer_id, Case.deleted_at.is_(None))
        keys = keys.where(Need.case_id.in_(theirs.correlate(None)))

    def rows(limit: int) -> Select[Any]:
        # Sort the bare keys, then join what the rows show to the first ``limit`` only.
        first = keys.order_by(*order).limit(limit).correlate(None)
        return (
            need_query()
            .add_columns(Case.id.label("case_id"), Officer.name.label("officer_name"))
            .outerjoin(Case, case_join)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .where(Need.id.in_(first))
            .order_by(*order)
        )

    return _Section(_count_of(keys), rows, _need_item)


def _expiring_section(today: date, warn_days: int, officer_id: uuid.UUID | None) -> _Section:
    # The product's case to open: the one not closed (there is at most one), else the
    # latest. (SQLite refuses outer columns in a subquery's ORDER BY, so there is no
    # preferring the case that names this very recognition.)
    other = aliased(Case)
    cases = [other.product_id == Recognition.product_id, other.deleted_at.is_(None)]
    conditions = [validity_condition(Validity.EXPIRING, today, warn_days)]
    if officer_id is not None:
        cases.append(other.officer_id == officer_id)
        theirs = select(other.product_id).where(
            other.officer_id == officer_id, other.deleted_at.is_(None)
        )
        conditions.append(Recognition.product_id.in_(theirs.correlate(None)))
    keys = recognition_query().where(*conditions).with_only_columns(Recognition.id)
    order = (Recognition.valid_until, Enterprise.name, Recognition.id)
    related = (
        select(other.id)
        .where(*cases)
        .order_by(other.status == CaseStatus.CLOSED, other.opened_on.desc(), other.id)
        .limit(1)
        .correlate(Recognition)
        .scalar_subquery()
    )

    def rows(limit: int) -> Select[Any]:
        # Sort the bare keys, then find the related case of the first ``limit`` only.
        first = keys.order_by(*order).limit(limit).correlate(None)
        return (
            recognition_query()
            .add_columns(Case.id.label("case_id"), Officer.name.label("officer_name"))
            .outerjoin(Case, Case.id == related)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .where(Recognition.id.in_(first))
            .order_by(*order)
        )

    return _Section(_count_of(keys), rows, _recognition_item)


def _days_late(due: date | None, today: date) -> int:
    return max(0, (today - due).days) if due is not None else 0


def _case_item(section: WorkSection) -> Callable[[Any, date], WorkItem]:
    def item(r: Any, today: date) -> WorkItem:
        case = case_row(r)
        return WorkItem(
            section=section,
            case_id=case.id,
            enterprise_id=case.enterprise_id,
            enterprise_name=case.enterprise_name,
            subject=case.product_name,
            reference=case.case_no,
            due_on=case.next_due_on,
            days_late=_days_late(case.next_due_on, today),
            officer_name=case.officer_name,
        )

    return item


def _need_item(r: Any, today: date) -> WorkItem:
    need = need_row(r)
    return WorkItem(
        section=WorkSection.NEEDS_DUE,
        case_id=r.case_id,
        enterprise_id=need.enterprise_id,
        enterprise_name=need.enterprise_name,
        subject=need.title,
        reference=need.need_no,
        due_on=need.due_on,
        days_late=_days_late(need.due_on, today),
        officer_name=r.officer_name or "",
        need_id=need.id,
    )


def _recognition_item(r: Any, today: date) -> WorkItem:
    recognition = recognition_row(r)
    return WorkItem(
        section=WorkSection.EXPIRING,
        case_id=r.case_id,
        enterprise_id=recognition.enterprise_id,
        enterprise_name=recognition.enterprise_name,
        subject=f"{recognition.product_name}（{recognition.scheme.label()}）",
        reference=recognition.document_no,
        due_on=recognition.valid_until,
        days_late=_days_late(recognition.valid_until, today),
        officer_name=r.officer_name or "",
        recognition_id=recognition.id,
    )
