"""Filters that lists take (all optional; ``search`` is the search box text)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from firstbatch_desk.domain.enums import (
    CaseStatus,
    NeedCategory,
    NeedStatus,
    Scheme,
    Tier,
    VisitMethod,
)
from firstbatch_desk.domain.recognition import Validity


@dataclass(frozen=True, slots=True)
class EnterpriseFilter:
    search: str = ""
    division_code: str | None = None
    zone_id: uuid.UUID | None = None
    above_scale: bool | None = None
    specialised: bool | None = None
    high_tech: bool | None = None


@dataclass(frozen=True, slots=True)
class RecognitionFilter:
    search: str = ""
    enterprise_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    scheme: Scheme | None = None
    tier: Tier | None = None
    year: int | None = None
    division_code: str | None = None
    validity: Validity | None = None
    today: date | None = None


@dataclass(frozen=True, slots=True)
class CaseFilter:
    search: str = ""
    enterprise_id: uuid.UUID | None = None
    officer_id: uuid.UUID | None = None
    status: CaseStatus | None = None
    division_code: str | None = None
    due_before: date | None = None


@dataclass(frozen=True, slots=True)
class VisitFilter:
    search: str = ""
    enterprise_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    officer_id: uuid.UUID | None = None
    method: VisitMethod | None = None
    date_from: date | None = None
    date_to: date | None = None
    division_code: str | None = None


@dataclass(frozen=True, slots=True)
class NeedFilter:
    search: str = ""
    enterprise_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    status: NeedStatus | None = None
    category: NeedCategory | None = None
    open_only: bool = False
    awaiting_answer: bool = False  # still waiting for the answer: the deadline runs
    due_before: date | None = None
