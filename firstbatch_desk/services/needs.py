"""Needs (问题诉求) and their closed loop: every transition kept with who, when and why."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Department,
    Enterprise,
    Need,
    NeedSupport,
    NeedTransition,
    Visit,
)
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.filters import NeedFilter
from firstbatch_desk.domain.dtos.followup import (
    NeedDetail,
    NeedInput,
    NeedRow,
    NeedTransitionRow,
    TransitionInput,
)
from firstbatch_desk.domain.enums import (
    Complexity,
    NeedCategory,
    NeedChannel,
    NeedStatus,
    Urgency,
)
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.need_flow import NeedAction, apply_transition
from firstbatch_desk.domain.validation import check_date, check_order, clean_text, shown
from firstbatch_desk.services import indexing
from firstbatch_desk.services.base import ServiceBase, need_officers
from firstbatch_desk.services.cases import refresh_cases
from firstbatch_desk.services.listing import KeyList, SortOrder, ordered_keys, rows_by_key
from firstbatch_desk.services.numbering import next_number
from firstbatch_desk.services.search import search_condition

ENTITY = "问题诉求"
OPEN_STATES = tuple(s for s in NeedStatus if s.is_open)
AWAITING_STATES = tuple(s for s in NeedStatus if s.awaits_answer)
ACCEPT_WORKING_DAYS = 1  # a need raised is accepted (受理) within a working day
EXTENSION_NOTICE_WORKING_DAYS = 1  # an extension is asked a working day before the deadline
CLOSING_ACTIONS = (NeedAction.CLOSE, NeedAction.MARK_UNRESOLVABLE)  # a supervisor's to take
SORT_COLUMNS = {
    "need_no": Need.need_no,
    "enterprise": Enterprise.name,
    "category": Need.category,
    "title": Need.title,
    "urgency": Need.urgency,
    "status": Need.status,
    "lead_department": Department.name,
    "raised_on": Need.raised_on,
    "due_on": func.coalesce(Need.extended_to, Need.due_on),
    "closed_on": Need.closed_on,
}


def _choice(enum_cls: Any, value: Any, field: str, label: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError as exc:
        raise ValidationError(
            "field.bad_choice", field=field, label=label, value=shown(value)
        ) from exc


def _check_raised_on(raised_on: date) -> None:
    """A need is recorded once raised: not dated after today (like a visit or a step)."""
    if raised_on > date.today():
        raise ValidationError("need.future_raised", field="raised_on")


class NeedService(ServiceBase):
    def raise_need(self, data: NeedInput) -> NeedDetail:
        """Record a new need in state 待受理."""
        with self._write() as session:
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, data))
            need = self.add_need(session, data)
            return self._detail(session, need.id)

    def add_need(self, session: Session, data: NeedInput) -> Need:
        """Raise a need inside the caller's transaction (a visit raises its needs so)."""
        need = Need(status=NeedStatus.PENDING)
        raised_on = check_date(data.raised_on, field="raised_on", label="提出日期") or date.today()
        _check_raised_on(raised_on)
        need.raised_on = raised_on
        need.due_on = self._config.calendar.add_working_days(raised_on, ACCEPT_WORKING_DAYS)
        need.need_no = next_number(session, Need.need_no, "XQ", raised_on.year)
        self._apply(session, need, data)
        session.add(need)
        session.flush()
        self._replace_supports(session, need.id, data.supporting_department_ids)
        self._refresh_case(session, need.case_id)
        indexing.reindex_needs(session, [need.id])
        return need

    def update_need(self, need_id: uuid.UUID, data: NeedInput) -> NeedDetail:
        """Change what the need says (not its state: that goes through ``transition``)."""
        with self._write() as session:
            need = self._live(session, Need, need_id, ENTITY)
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, need_id))
            old_case = need.case_id
            raised_on = check_date(data.raised_on, field="raised_on", label="提出日期")
            if raised_on is not None:
                _check_raised_on(raised_on)
                need.raised_on = raised_on
            self._apply(session, need, data)
            session.flush()
            self._replace_supports(session, need.id, data.supporting_department_ids)
            for case_id in {old_case, need.case_id}:
                self._refresh_case(session, case_id)
            indexing.reindex_needs(session, [need.id])
            return self._detail(session, need.id)

    def transition(self, need_id: uuid.UUID, step: TransitionInput) -> NeedDetail:
        """Move a need along its workflow; refused with a message if not allowed."""
        with self._write() as session:
            need = self._live(session, Need, need_id, ENTITY)
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, need_id))
            if step.action in CLOSING_ACTIONS:
                self._require(Permission.CLOSE_NEED)
            note = clean_text(step.note, field="note", label="说明", limit=5000, multiline=True)
            record = apply_transition(
                need.status, step.action, by=self._actor.name, at=self._now(), note=note
            )
            on = check_date(step.on, field="on", label="办理日期") or date.today()
            self._check_step_date(session, need, on)
            self._apply_effects(session, need, step, on)
            need.status = record.to_status
            session.add(
                NeedTransition(
                    need_id=need.id,
                    action=record.action,
                    from_status=record.from_status,
                    to_status=record.to_status,
                    at=record.at,
                    by_name=record.by,
                    by_officer_id=self._actor.officer_id,
                    note=record.note,
                    done_on=on,
                )
            )
            session.flush()
            self._refresh_case(session, need.case_id)
            return self._detail(session, need.id)

    @staticmethod
    def _check_step_date(session: Session, need: Need, on: date) -> None:
        """A step is done by today, and not before the step it follows."""
        if on > date.today():
            raise ValidationError("need.future_step", field="on")
        previous = session.scalar(
            select(func.max(NeedTransition.done_on)).where(NeedTransition.need_id == need.id)
        )
        if previous is not None and on < previous:
            raise ValidationError("need.step_too_early", field="on", previous=previous.isoformat())

    def delete_need(self, need_id: uuid.UUID) -> None:
        with self._write() as session:
            need = self._live(session, Need, need_id, ENTITY)
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, need_id))
            need.deleted_at = self._now()
            session.flush()
            self._refresh_case(session, need.case_id)
            indexing.reindex_needs(session, [need_id])

    def restore_need(self, need_id: uuid.UUID) -> NeedDetail:
        with self._write() as session:
            need = session.get(Need, need_id)
            if need is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(need_id))
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, need_id))
            need.deleted_at = None
            session.flush()
            self._refresh_case(session, need.case_id)
            indexing.reindex_needs(session, [need_id])
            return self._detail(session, need_id)

    def extension_request_by(self, need_id: uuid.UUID) -> date | None:
        """The last day to ask for an extension: one working day before the need is due."""
        with self._read() as session:
            need = self._live(session, Need, need_id, ENTITY)
            due = need.extended_to or need.due_on
        if due is None:
            return None
        return self._config.calendar.working_days_before(due, EXTENSION_NOTICE_WORKING_DAYS)

    def get_need(self, need_id: uuid.UUID) -> NeedDetail:
        with self._read() as session:
            self._live(session, Need, need_id, ENTITY)
            return self._detail(session, need_id)

    def list_needs(self, filters: NeedFilter | None = None, *, limit: int = 200) -> list[NeedRow]:
        with self._read() as session:
            query = self._filtered(session, filters or NeedFilter())
            query = query.order_by(Need.raised_on.desc(), Need.need_no.desc()).limit(limit)
            return [self._row(r) for r in session.execute(query)]

    def need_keys(
        self,
        filters: NeedFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        with self._read() as session:
            query = self._filtered(session, filters or NeedFilter())
            return ordered_keys(
                session,
                query,
                Need.id,
                SORT_COLUMNS,
                SortOrder("raised_on", True),
                order,
                limit=limit,
            )

    def need_rows(self, keys: Sequence[str]) -> list[NeedRow]:
        with self._read() as session:
            return [self._row(r) for r in rows_by_key(session, self._query(), Need.id, keys)]

    def _filtered(self, session: Session, filters: NeedFilter) -> Select:
        query = self._query()
        if filters.enterprise_id:
            query = query.where(Need.enterprise_id == filters.enterprise_id)
        if filters.case_id:
            query = query.where(Need.case_id == filters.case_id)
        if filters.status:
            query = query.where(Need.status == filters.status)
        if filters.category:
            query = query.where(Need.category == filters.category)
        if filters.open_only:
            query = query.where(Need.status.in_(OPEN_STATES))
        if filters.awaiting_answer:
            query = query.where(Need.status.in_(AWAITING_STATES))
        if filters.due_before:
            # the effective deadline: an approved extension replaces the due date
            deadline = func.coalesce(Need.extended_to, Need.due_on)
            query = query.where(deadline <= filters.due_before)
        condition = search_condition(
            session, indexing.NEED, filters.search, (Need.title, Need.need_no)
        )
        if condition is not None:
            query = query.where(condition)
        return query

    # -- helpers -----------------------------------------------------------

    def _apply(self, session: Session, need: Need, data: NeedInput) -> None:
        enterprise = self._live(session, Enterprise, data.enterprise_id, "企业")
        if data.case_id is not None:
            case = self._live(session, Case, data.case_id, "跟踪档案")
            if case.enterprise_id != enterprise.id:
                raise ValidationError(
                    "visit.case_enterprise", field="case_id", case_no=case.case_no
                )
        if data.visit_id is not None:
            self._live(session, Visit, data.visit_id, "走访记录")
        if data.lead_department_id is not None:
            self._live(session, Department, data.lead_department_id, "部门")
        need.enterprise_id = enterprise.id
        need.case_id = data.case_id
        need.visit_id = data.visit_id
        need.category = _choice(NeedCategory, data.category, "category", "诉求类别")
        need.channel = _choice(NeedChannel, data.channel, "channel", "来源渠道")
        need.urgency = _choice(Urgency, data.urgency, "urgency", "紧急程度")
        need.complexity = _choice(Complexity, data.complexity, "complexity", "复杂程度")
        need.title = clean_text(
            data.title, field="title", label="诉求事项", limit=120, required=True
        )
        need.description = clean_text(
            data.description, field="description", label="诉求内容", limit=20_000, multiline=True
        )
        if data.lead_department_id is not None:
            need.lead_department_id = data.lead_department_id

    def _apply_effects(self, session: Session, need: Need, step: TransitionInput, on: date) -> None:
        """Dates and fields that an action sets, checked before anything is written."""
        check_order(
            need.raised_on, on, field="on", earlier_label="提出日期", later_label="办理日期"
        )
        action = step.action
        calendar = self._config.calendar
        if action is NeedAction.ACCEPT:
            need.accepted_on = on
            days = 1 if need.complexity is Complexity.SIMPLE else 3
            need.due_on = calendar.add_working_days(on, days)
        elif action in (NeedAction.ASSIGN, NeedAction.REASSIGN):
            lead = step.lead_department_id or need.lead_department_id
            if lead is None:
                raise ValidationError(
                    "field.required", field="lead_department_id", label="主办部门"
                )
            self._live(session, Department, lead, "部门")
            need.lead_department_id = lead
            need.assigned_on = on
            need.due_on = calendar.add_working_days(on, self._config.need_answer_working_days)
            need.extended_to = None
        elif action is NeedAction.APPROVE_EXTENSION:
            extended = check_date(
                step.extended_to, field="extended_to", label="延期至", required=True
            )
            current = need.extended_to or need.due_on
            if current is not None and extended is not None and extended <= current:
                raise ValidationError(
                    "need.extension_date", field="extended_to", due=current.isoformat()
                )
            need.extended_to = extended
        elif action is NeedAction.ANSWER:
            need.answered_on = on
            need.outcome = clean_text(
                step.outcome or step.note,
                field="outcome",
                label="办理结果",
                limit=20_000,
                multiline=True,
            )
        elif action is NeedAction.REOPEN:
            need.answered_on = None
        elif action in (NeedAction.CLOSE, NeedAction.MARK_UNRESOLVABLE):
            need.closed_on = on
            if action is NeedAction.MARK_UNRESOLVABLE:
                need.outcome = clean_text(
                    step.note, field="note", label="说明", limit=20_000, multiline=True
                )
        elif action is NeedAction.REVISIT:
            if step.satisfaction is None:
                raise ValidationError("need.satisfaction_required", field="satisfaction")
            need.satisfaction = step.satisfaction
            need.return_visit_result = clean_text(
                step.return_visit_result or step.note,
                field="return_visit_result",
                label="回访情况",
                limit=20_000,
                multiline=True,
            )

    @staticmethod
    def _replace_supports(
        session: Session, need_id: uuid.UUID, department_ids: tuple[uuid.UUID, ...]
    ) -> None:
        wanted = dict.fromkeys(department_ids)
        for department_id in wanted:
            department = session.get(Department, department_id)
            if department is None or department.deleted_at is not None:
                raise ValidationError(
                    "field.unknown_ref",
                    field="supporting_department_ids",
                    label="协办部门",
                    value=str(department_id),
                )
        rows = session.scalars(select(NeedSupport).where(NeedSupport.need_id == need_id)).all()
        present = {row.department_id: row for row in rows}
        now = ServiceBase._now()
        for department_id, row in present.items():
            row.deleted_at = None if department_id in wanted else (row.deleted_at or now)
        for department_id in wanted:
            if department_id not in present:
                session.add(NeedSupport(need_id=need_id, department_id=department_id))

    def _refresh_case(self, session: Session, case_id: uuid.UUID | None) -> None:
        refresh_cases(session, [case_id], self._config.cadence)

    @staticmethod
    def _query() -> Select:
        return (
            select(
                Need.id,
                Need.need_no,
                Need.enterprise_id,
                Enterprise.name.label("enterprise_name"),
                Need.category,
                Need.title,
                Need.urgency,
                Need.status,
                Department.short_name.label("lead_short"),
                Department.name.label("lead_name"),
                Need.raised_on,
                Need.due_on,
                Need.extended_to,
                Need.closed_on,
                Need.satisfaction,
            )
            .join(Enterprise, Enterprise.id == Need.enterprise_id)
            .outerjoin(Department, Department.id == Need.lead_department_id)
            .where(Need.deleted_at.is_(None))
        )

    @staticmethod
    def _row(r: Any) -> NeedRow:
        return NeedRow(
            id=r.id,
            need_no=r.need_no,
            enterprise_id=r.enterprise_id,
            enterprise_name=r.enterprise_name,
            category=r.category,
            title=r.title,
            urgency=r.urgency,
            status=r.status,
            lead_department=r.lead_short or r.lead_name or "",
            raised_on=r.raised_on,
            due_on=r.extended_to or r.due_on,
            closed_on=r.closed_on,
            satisfaction=r.satisfaction,
        )

    def _detail(self, session: Session, need_id: uuid.UUID) -> NeedDetail:
        row = self._row(session.execute(self._query().where(Need.id == need_id)).one())
        need = session.get(Need, need_id)
        assert need is not None
        supports = session.scalars(
            select(NeedSupport.department_id).where(
                NeedSupport.need_id == need_id, NeedSupport.deleted_at.is_(None)
            )
        ).all()
        history = session.scalars(
            select(NeedTransition)
            .where(NeedTransition.need_id == need_id)
            .order_by(NeedTransition.done_on, NeedTransition.at, NeedTransition.id)
        ).all()
        return NeedDetail(
            row=row,
            case_id=need.case_id,
            visit_id=need.visit_id,
            channel=need.channel,
            complexity=need.complexity,
            description=need.description,
            lead_department_id=need.lead_department_id,
            supporting_department_ids=tuple(supports),
            accepted_on=need.accepted_on,
            assigned_on=need.assigned_on,
            extended_to=need.extended_to,
            answered_on=need.answered_on,
            outcome=need.outcome,
            return_visit_result=need.return_visit_result,
            history=tuple(
                NeedTransitionRow(
                    t.action, t.from_status, t.to_status, t.at, t.by_name, t.note, t.done_on
                )
                for t in history
            ),
        )


# The list query and row builder, for other services that show needs (the worklist).
need_query = NeedService._query
need_row = NeedService._row
