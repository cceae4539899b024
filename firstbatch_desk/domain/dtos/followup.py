"""DTOs of the follow-up work: visits, needs and their transitions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.enums import (
    Complexity,
    NeedCategory,
    NeedChannel,
    NeedStatus,
    Satisfaction,
    Urgency,
    VisitMethod,
)
from firstbatch_desk.domain.need_flow import NeedAction


@dataclass(frozen=True, slots=True)
class AttendeeInput:
    name: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class VisitInput:
    enterprise_id: uuid.UUID
    case_ids: tuple[uuid.UUID, ...]
    visit_date: date | str
    method: VisitMethod
    officer_ids: tuple[uuid.UUID, ...] = ()
    attendees: tuple[AttendeeInput, ...] = ()
    production_status: str = ""
    sales_status: str = ""
    application_progress: str = ""
    new_users: str = ""
    new_users_count: int | str | None = 0
    contract_value: Decimal | str | None = None
    quantity: str = ""
    quantity_unit: str = ""
    policies_explained: str = ""
    summary: str = ""
    next_visit_on: date | str | None = None
    signed: bool = False
    # Needs raised in this visit, saved with it (their enterprise and visit are the visit's).
    new_needs: tuple[NeedInput, ...] = ()
    # Files already in the attachment store; None leaves a visit's attachments as they are,
    # a tuple makes them exactly these.
    attachments: tuple[StoredFile, ...] | None = None


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: uuid.UUID
    visit_date: date
    enterprise_id: uuid.UUID
    enterprise_name: str
    division_code: str | None
    method: VisitMethod
    headline: str
    officer_names: str
    signed: bool


@dataclass(frozen=True, slots=True)
class VisitDetail:
    row: VisitRow
    case_ids: tuple[uuid.UUID, ...]
    case_nos: tuple[str, ...]
    officer_ids: tuple[uuid.UUID, ...]
    attendees: tuple[AttendeeInput, ...]
    production_status: str
    sales_status: str
    application_progress: str
    new_users: str
    new_users_count: int
    contract_value: Decimal | None
    quantity: str
    quantity_unit: str
    policies_explained: str
    summary: str
    next_visit_on: date | None
    need_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class NeedInput:
    enterprise_id: uuid.UUID
    category: NeedCategory
    title: str
    description: str = ""
    case_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None
    channel: NeedChannel = NeedChannel.VISIT
    urgency: Urgency = Urgency.NORMAL
    complexity: Complexity = Complexity.COMPLEX
    raised_on: date | str | None = None
    lead_department_id: uuid.UUID | None = None
    supporting_department_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class TransitionInput:
    """An action on a need, with what that action needs."""

    action: NeedAction
    note: str = ""
    on: date | str | None = None
    lead_department_id: uuid.UUID | None = None
    extended_to: date | str | None = None
    outcome: str = ""
    satisfaction: Satisfaction | None = None
    return_visit_result: str = ""


@dataclass(frozen=True, slots=True)
class NeedTransitionRow:
    action: NeedAction
    from_status: NeedStatus
    to_status: NeedStatus
    at: datetime  # when it was recorded
    by: str
    note: str
    on: date | None = None  # the day it was done


@dataclass(frozen=True, slots=True)
class NeedRow:
    id: uuid.UUID
    need_no: str
    enterprise_id: uuid.UUID
    enterprise_name: str
    category: NeedCategory
    title: str
    urgency: Urgency
    status: NeedStatus
    lead_department: str
    raised_on: date
    due_on: date | None
    closed_on: date | None
    satisfaction: Satisfaction | None


@dataclass(frozen=True, slots=True)
class NeedDetail:
    row: NeedRow
    case_id: uuid.UUID | None
    visit_id: uuid.UUID | None
    channel: NeedChannel
    complexity: Complexity
    description: str
    lead_department_id: uuid.UUID | None
    supporting_department_ids: tuple[uuid.UUID, ...]
    accepted_on: date | None
    assigned_on: date | None
    extended_to: date | None
    answered_on: date | None
    outcome: str
    return_visit_result: str
    history: tuple[NeedTransitionRow, ...]
