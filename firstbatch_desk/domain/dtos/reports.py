"""What a report prints: plain frozen data, gathered by the services, drawn by ``reports``.

Builders never query the database; services never import ReportLab. All text
is already in the officer's language; dates are ``date``, money ``Decimal`` 万元.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """Top of every page: bureau, title, case number (or other reference), print time."""

    bureau_name: str
    title: str
    reference: str
    printed_at: datetime
    printed_by: str = ""


@dataclass(frozen=True, slots=True)
class ProfileLine:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class ContactLine:
    name: str
    title: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class RecognitionLine:
    product: str
    model_spec: str
    scheme: str
    tier: str
    year: int
    document_no: str
    recognised_on: date | None
    valid_until: date | None
    validity: str
    reward: Decimal | None
    reward_paid: bool


@dataclass(frozen=True, slots=True)
class VisitLine:
    visit_date: date
    method: str
    officers: str
    attendees: str
    summary: str
    contract_value: Decimal | None = None
    new_users: str = ""
    application_progress: str = ""


@dataclass(frozen=True, slots=True)
class NeedLine:
    need_no: str
    category: str
    content: str
    lead_department: str
    deadline: date | None
    status: str
    closed_on: date | None
    satisfaction: str


@dataclass(frozen=True, slots=True)
class AttachmentLine:
    name: str
    kind: str
    size: int
    caption: str = ""
    image_path: str | None = None


@dataclass(frozen=True, slots=True)
class CaseFileData:
    """案卷: one case, or every case of one enterprise (``case_numbers`` lists them)."""

    header: ReportHeader
    enterprise_name: str
    credit_code: str
    profile: tuple[ProfileLine, ...]
    contacts: tuple[ContactLine, ...]
    case_numbers: tuple[str, ...]
    officer_in_charge: str
    recognitions: tuple[RecognitionLine, ...]
    sales_and_application: tuple[ProfileLine, ...]
    visits: tuple[VisitLine, ...]
    needs: tuple[NeedLine, ...]
    attachments: tuple[AttachmentLine, ...] = ()
    embed_photos: bool = False
    redacted: bool = False


@dataclass(frozen=True, slots=True)
class VisitSheetData:
    """走访记录表: one visit, for signature by the officer and the enterprise."""

    header: ReportHeader
    enterprise_name: str
    credit_code: str
    address: str
    visit: VisitLine
    case_numbers: tuple[str, ...]
    production_status: str
    sales_status: str
    policies_explained: str
    next_visit_on: date | None
    needs: tuple[NeedLine, ...] = ()
    signed: bool = False


@dataclass(frozen=True, slots=True)
class CountLine:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class OfficerLine:
    officer: str
    visits: int
    enterprises: int


@dataclass(frozen=True, slots=True)
class IdleEnterpriseLine:
    enterprise: str
    division: str
    last_visit: date | None
    days: int | None


@dataclass(frozen=True, slots=True)
class VisitRegisterLine:
    """One visit in the summary's appendix (the register of every visit of the period)."""

    visit_date: date
    enterprise: str
    division: str
    method: str
    officers: str
    headline: str


@dataclass(frozen=True, slots=True)
class SummaryData:
    """定期汇总 for a period (month, quarter, year or custom), optionally one division."""

    header: ReportHeader
    period_label: str
    date_from: date
    date_to: date
    division: str
    visits_total: int
    enterprises_visited: int
    by_division: tuple[CountLine, ...]
    by_scheme: tuple[CountLine, ...]
    by_tier: tuple[CountLine, ...]
    by_need_category: tuple[CountLine, ...]
    by_officer: tuple[OfficerLine, ...]
    needs_opened: int
    needs_closed: int
    needs_overdue: int
    closure_rate: Decimal
    idle_days: int
    idle_enterprises: tuple[IdleEnterpriseLine, ...] = field(default=())
    visit_register: tuple[VisitRegisterLine, ...] = field(default=())
