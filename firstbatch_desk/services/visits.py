"""Visits (走访/服务记录) and the cases, officers and attendees they cover."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Attachment,
    Case,
    Enterprise,
    Officer,
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    VisitOfficer,
)
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.filters import VisitFilter
from firstbatch_desk.domain.dtos.followup import VisitDetail, VisitInput, VisitRow
from firstbatch_desk.domain.enums import AttachmentOwner, NeedChannel, VisitMethod
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import (
    check_date,
    check_int,
    check_money,
    check_order,
    clean_text,
    shown,
)
from firstbatch_desk.services import indexing
from firstbatch_desk.services.attachments import replace_attachments
from firstbatch_desk.services.base import ServiceBase, visit_officers
from firstbatch_desk.services.cases import due_after_visit, refresh_cases
from firstbatch_desk.services.drafts import discard_in
from firstbatch_desk.services.listing import KeyList, SortOrder, ordered_keys, rows_by_key
from firstbatch_desk.services.needs import NeedService
from firstbatch_desk.services.search import search_condition
from firstbatch_desk.services.tombstones import restore_cascade, tombstone
from firstbatch_desk.services.visit_reading import (
    NOTE_FIELDS,
    headline_of,
    visit_detail,
    visit_list_query,
    visit_row,
)

ENTITY = "走访记录"
NOTE_LIMIT = 50_000
SORT_COLUMNS = {
    "visit_date": Visit.visit_date,
    "enterprise": Visit.enterprise_name,
    "method": Visit.method,
    "headline": Visit.headline,
    "signed": Visit.signed,
}
DEFAULT_ORDER = SortOrder("visit_date", descending=True)


class VisitService(ServiceBase):
    def record_visit(self, data: VisitInput, *, draft_key: str | None = None) -> VisitDetail:
        """Save a new visit with its needs and attachments; its draft goes in the same step."""
        self._require(Permission.EDIT_VISIT, owner_officer_id=self._actor.officer_id)
        with self._write() as session:
            visit = Visit(enterprise_id=data.enterprise_id)
            cases, notes = self._apply(session, visit, data)
            session.add(visit)
            session.flush()
            self._replace_links(session, visit, data, notes)
            self._save_extras(session, visit, data, draft_key)
            self._refresh_cases(session, [case.id for case in cases])
            indexing.reindex_visits(session, [visit.id])
            return visit_detail(session, visit.id)

    def update_visit(
        self, visit_id: uuid.UUID, data: VisitInput, *, draft_key: str | None = None
    ) -> VisitDetail:
        with self._write() as session:
            visit = self._live(session, Visit, visit_id, ENTITY)
            self._require(Permission.EDIT_VISIT, owner_officer_id=visit_officers(session, visit_id))
            before = set(self._case_ids(session, visit_id))
            cases, notes = self._apply(session, visit, data)
            self._replace_links(session, visit, data, notes)
            self._save_extras(session, visit, data, draft_key)
            self._refresh_cases(session, list(before | {case.id for case in cases}))
            indexing.reindex_visits(session, [visit.id])
            return visit_detail(session, visit.id)

    def _save_extras(
        self, session: Session, visit: Visit, data: VisitInput, draft_key: str | None
    ) -> None:
        """The needs raised in the visit, its attachments, and dropping its draft."""
        needs = NeedService(self._sessions, self._actor, self._database_path, self._config)
        for index, need in enumerate(data.new_needs):
            if need.case_id is not None and need.case_id not in data.case_ids:
                raise ValidationError(
                    "visit.need_case_not_covered", field=f"new_needs[{index}]", title=need.title
                )
            need = replace(
                need,
                enterprise_id=visit.enterprise_id,
                visit_id=visit.id,
                channel=NeedChannel.VISIT,
                raised_on=visit.visit_date,  # raised in the visit, that day
            )
            try:
                needs.add_need(session, need)
            except ValidationError as exc:
                exc.field = f"new_needs[{index}].{exc.field or ''}"
                raise
        if data.attachments is not None:
            replace_attachments(session, AttachmentOwner.VISIT, visit.id, data.attachments)
        discard_in(session, draft_key)

    def delete_visit(self, visit_id: uuid.UUID) -> None:
        with self._write() as session:
            visit = self._live(session, Visit, visit_id, ENTITY)
            self._require(Permission.EDIT_VISIT, owner_officer_id=visit_officers(session, visit_id))
            case_ids = self._case_ids(session, visit_id)
            when = self._now()
            for model in (VisitNote, VisitCase, VisitOfficer, VisitAttendee):
                tombstone(session, model, model.visit_id == visit_id, when)
            tombstone(session, Attachment, _attachments_of(visit_id), when)
            visit.deleted_at = when
            session.flush()
            self._refresh_cases(session, case_ids)
            indexing.reindex_visits(session, [visit_id])

    def restore_visit(self, visit_id: uuid.UUID) -> VisitDetail:
        with self._write() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(visit_id))
            self._require(Permission.EDIT_VISIT, owner_officer_id=visit_officers(session, visit_id))
            when = visit.deleted_at
            if when is not None:
                for model in (VisitNote, VisitCase, VisitOfficer, VisitAttendee):
                    restore_cascade(session, model, model.visit_id == visit_id, when)
                restore_cascade(session, Attachment, _attachments_of(visit_id), when)
                visit.deleted_at = None
                session.flush()
                self._refresh_cases(session, self._case_ids(session, visit_id))
                indexing.reindex_visits(session, [visit_id])
            return visit_detail(session, visit_id)

    def propose_next_visit(
        self, case_ids: Sequence[uuid.UUID], visit_date: date | str | None
    ) -> date | None:
        """The next visit date the cadence asks for after a visit on ``visit_date``.

        The earliest over the cases covered (an open need's due date can bring it
        forward); None when no case is given or the date is not valid.
        """
        try:
            on = check_date(visit_date, field="visit_date", label="走访日期")
        except ValidationError:
            return None
        if on is None:
            return None
        with self._read() as session:
            dates = []
            for case_id in dict.fromkeys(case_ids):
                case = session.get(Case, case_id)
                if case is not None and case.deleted_at is None:
                    dates.append(due_after_visit(session, case, on, self._config.cadence))
            return max(min(dates), on) if dates else None

    def get_visit(self, visit_id: uuid.UUID) -> VisitDetail:
        with self._read() as session:
            self._live(session, Visit, visit_id, ENTITY)
            return visit_detail(session, visit_id)

    def list_visits(
        self, filters: VisitFilter | None = None, *, limit: int = 200
    ) -> list[VisitRow]:
        with self._read() as session:
            query = self._filtered(session, filters or VisitFilter(), visit_list_query())
            query = query.order_by(Visit.visit_date.desc(), Visit.id.desc()).limit(limit)
            return [visit_row(r) for r in session.execute(query)]

    def visit_keys(
        self,
        filters: VisitFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        """Keys of every matching visit in order; joins only what the filter needs."""
        filters = filters or VisitFilter()
        order = order if order is not None and order.key in SORT_COLUMNS else DEFAULT_ORDER
        base = select(Visit.id).where(Visit.deleted_at.is_(None))
        if filters.division_code:
            base = base.join(Enterprise, Enterprise.id == Visit.enterprise_id)
        with self._read() as session:
            query = self._filtered(session, filters, base)
            return ordered_keys(
                session, query, Visit.id, SORT_COLUMNS, DEFAULT_ORDER, order, limit=limit
            )

    def visit_rows(self, keys: Sequence[str]) -> list[VisitRow]:
        with self._read() as session:
            return [visit_row(r) for r in rows_by_key(session, visit_list_query(), Visit.id, keys)]

    def _filtered(self, session: Session, filters: VisitFilter, query: Select) -> Select:
        if filters.enterprise_id:
            query = query.where(Visit.enterprise_id == filters.enterprise_id)
        if filters.case_id:
            query = query.where(
                Visit.id.in_(
                    select(VisitCase.visit_id).where(
                        VisitCase.case_id == filters.case_id, VisitCase.deleted_at.is_(None)
                    )
                )
            )
        if filters.officer_id:
            query = query.where(
                Visit.id.in_(
                    select(VisitOfficer.visit_id).where(
                        VisitOfficer.officer_id == filters.officer_id,
                        VisitOfficer.deleted_at.is_(None),
                    )
                )
            )
        if filters.method:
            query = query.where(Visit.method == filters.method)
        if filters.date_from:
            query = query.where(Visit.visit_date >= filters.date_from)
        if filters.date_to:
            query = query.where(Visit.visit_date <= filters.date_to)
        if filters.division_code:
            query = query.where(Enterprise.division_code == plain_term(filters.division_code))
        condition = search_condition(session, indexing.VISIT, filters.search, (Visit.headline,))
        if condition is not None:
            query = query.where(condition)
        return query

    # -- helpers -----------------------------------------------------------

    def _apply(
        self, session: Session, visit: Visit, data: VisitInput
    ) -> tuple[list[Case], dict[str, str]]:
        enterprise = self._live(session, Enterprise, data.enterprise_id, "企业")
        if not data.case_ids:
            raise ValidationError("visit.no_cases", field="case_ids")
        cases = []
        for case_id in dict.fromkeys(data.case_ids):
            case = self._live(session, Case, case_id, "跟踪档案")
            if case.enterprise_id != enterprise.id:
                raise ValidationError(
                    "visit.case_enterprise", field="case_ids", case_no=case.case_no
                )
            cases.append(case)
        for officer_id in data.officer_ids:
            self._live(session, Officer, officer_id, "工作人员")
        try:
            method = VisitMethod(data.method)
        except ValueError as exc:
            raise ValidationError(
                "field.bad_choice", field="method", label="走访方式", value=shown(data.method)
            ) from exc
        visit_date = check_date(
            data.visit_date, field="visit_date", label="走访日期", required=True
        )
        if visit_date is not None and visit_date > date.today():
            raise ValidationError("visit.future_date", field="visit_date")
        next_visit_on = check_date(data.next_visit_on, field="next_visit_on", label="下次走访日期")
        check_order(
            visit_date,
            next_visit_on,
            field="next_visit_on",
            earlier_label="走访日期",
            later_label="下次走访日期",
        )
        notes = {
            name: clean_text(
                getattr(data, name), field=name, label=label, limit=NOTE_LIMIT, multiline=True
            )
            for name, label in NOTE_FIELDS
        }
        visit.enterprise_id = enterprise.id
        visit.enterprise_name = enterprise.name
        assert visit_date is not None
        visit.visit_date = visit_date
        visit.method = method
        visit.headline = headline_of(notes["summary"])
        visit.recorded_by_id = self._actor.officer_id
        visit.new_users_count = (
            check_int(
                data.new_users_count,
                field="new_users_count",
                label="新增用户数",
                low=0,
                high=100_000,
            )
            or 0
        )
        visit.contract_value = check_money(
            data.contract_value, field="contract_value", label="合同金额（万元）"
        )
        visit.quantity = clean_text(data.quantity, field="quantity", label="数量", limit=32)
        visit.quantity_unit = clean_text(
            data.quantity_unit, field="quantity_unit", label="单位", limit=16
        )
        visit.next_visit_on = next_visit_on
        visit.signed = bool(data.signed)
        return cases, notes

    def _replace_links(
        self, session: Session, visit: Visit, data: VisitInput, notes: dict[str, str]
    ) -> None:
        note = session.scalar(select(VisitNote).where(VisitNote.visit_id == visit.id))
        if note is None:
            note = VisitNote(visit_id=visit.id)
            session.add(note)
        for name, value in notes.items():
            setattr(note, name, value)
        when = self._now()
        self._sync_links(
            session, VisitCase, "case_id", visit.id, dict.fromkeys(data.case_ids), when
        )
        self._sync_links(
            session, VisitOfficer, "officer_id", visit.id, dict.fromkeys(data.officer_ids), when
        )
        tombstone(session, VisitAttendee, VisitAttendee.visit_id == visit.id, when)
        for order, attendee in enumerate(data.attendees):
            name = clean_text(
                attendee.name, field=f"attendees[{order}].name", label="参加人员", limit=50
            )
            if not name:
                continue
            session.add(
                VisitAttendee(
                    visit_id=visit.id,
                    name=name,
                    title=clean_text(
                        attendee.title, field=f"attendees[{order}].title", label="职务", limit=50
                    ),
                    sort_order=order,
                )
            )

    @staticmethod
    def _sync_links(
        session: Session,
        model: Any,
        column: str,
        visit_id: uuid.UUID,
        wanted: dict[uuid.UUID, None],
        when: Any,
    ) -> None:
        rows = session.scalars(select(model).where(model.visit_id == visit_id)).all()
        present = {}
        for row in rows:
            key = getattr(row, column)
            present[key] = row
            if key in wanted:
                row.deleted_at = None
            elif row.deleted_at is None:
                row.deleted_at = when
        for key in wanted:
            if key not in present:
                session.add(model(visit_id=visit_id, **{column: key}))

    @staticmethod
    def _case_ids(session: Session, visit_id: uuid.UUID) -> list[uuid.UUID]:
        return list(
            session.scalars(
                select(VisitCase.case_id).where(
                    VisitCase.visit_id == visit_id, VisitCase.deleted_at.is_(None)
                )
            )
        )

    def _refresh_cases(self, session: Session, case_ids: list[uuid.UUID]) -> None:
        refresh_cases(session, case_ids, self._config.cadence)


def _attachments_of(visit_id: uuid.UUID) -> Any:
    return (Attachment.owner_type == AttachmentOwner.VISIT) & (Attachment.owner_id == visit_id)
