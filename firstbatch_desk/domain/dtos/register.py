"""DTOs of the register: enterprises, contacts, products, recognitions, cases."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from firstbatch_desk.domain.enums import CaseStatus, Scheme, Tier


@dataclass(frozen=True, slots=True)
class ContactInput:
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""
    is_primary: bool = False


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: uuid.UUID
    name: str
    title: str
    phone: str
    email: str
    is_primary: bool


@dataclass(frozen=True, slots=True)
class EnterpriseInput:
    """What the enterprise form sends; text as typed, cleaned by the service."""

    name: str
    credit_code: str = ""
    former_names: str = ""
    division_code: str | None = None
    zone_id: uuid.UUID | None = None
    address: str = ""
    legal_representative: str = ""
    industry: str = ""
    above_scale: bool = False
    specialised: bool = False
    high_tech: bool = False
    notes: str = ""
    contacts: tuple[ContactInput, ...] = ()


@dataclass(frozen=True, slots=True)
class EnterpriseRow:
    """One line of the enterprise list."""

    id: uuid.UUID
    name: str
    credit_code: str | None
    division_code: str | None
    division_name: str
    zone_name: str
    above_scale: bool
    specialised: bool
    high_tech: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class EnterpriseDetail:
    id: uuid.UUID
    name: str
    credit_code: str | None
    former_names: str
    division_code: str | None
    division_name: str
    zone_id: uuid.UUID | None
    zone_name: str
    address: str
    legal_representative: str
    industry: str
    above_scale: bool
    specialised: bool
    high_tech: bool
    notes: str
    contacts: tuple[ContactRow, ...]
    created_at: datetime
    updated_at: datetime
    updated_by: str
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProductInput:
    enterprise_id: uuid.UUID
    name: str
    model_spec: str = ""
    key_indicators: str = ""
    application_field: str = ""
    trl: int | str | None = None
    ip_numbers: str = ""
    test_report_no: str = ""
    test_report_agency: str = ""
    test_report_date: date | str | None = None
    novelty_report_no: str = ""
    novelty_report_agency: str = ""
    novelty_report_date: date | str | None = None


@dataclass(frozen=True, slots=True)
class ProductRow:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    name: str
    model_spec: str
    application_field: str
    trl: int | None
    recognition_count: int


@dataclass(frozen=True, slots=True)
class ProductDetail:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    name: str
    model_spec: str
    key_indicators: str
    application_field: str
    trl: int | None
    ip_numbers: str
    test_report_no: str
    test_report_agency: str
    test_report_date: date | None
    novelty_report_no: str
    novelty_report_agency: str
    novelty_report_date: date | None
    recognitions: tuple[RecognitionRow, ...] = ()
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RecognitionInput:
    product_id: uuid.UUID
    scheme: Scheme
    tier: Tier
    year: int | str
    tier_text: str = ""
    document_no: str = ""
    recognised_on: date | str | None = None
    valid_until: date | str | None = None
    reward_amount: Decimal | str | None = None
    reward_paid: bool = False


@dataclass(frozen=True, slots=True)
class RecognitionRow:
    """One line of the product-and-recognition list."""

    id: uuid.UUID
    product_id: uuid.UUID
    product_name: str
    enterprise_id: uuid.UUID
    enterprise_name: str
    division_code: str | None
    scheme: Scheme
    tier: Tier
    tier_text: str
    year: int
    document_no: str
    recognised_on: date | None
    valid_until: date | None
    reward_amount: Decimal | None
    reward_paid: bool


@dataclass(frozen=True, slots=True)
class CaseInput:
    product_id: uuid.UUID
    recognition_id: uuid.UUID | None = None
    officer_id: uuid.UUID | None = None
    status: CaseStatus = CaseStatus.ACTIVE
    opened_on: date | str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: uuid.UUID
    case_no: str
    enterprise_id: uuid.UUID
    enterprise_name: str
    product_id: uuid.UUID
    product_name: str
    officer_id: uuid.UUID | None
    officer_name: str
    status: CaseStatus
    opened_on: date
    last_visit_on: date | None
    next_due_on: date | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    row: CaseRow
    recognition_id: uuid.UUID | None
    closed_on: date | None
    notes: str
    visit_count: int = 0
    open_need_count: int = 0
