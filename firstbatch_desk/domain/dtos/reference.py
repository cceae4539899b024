"""DTOs of reference data, officers and database facts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DivisionRow:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ZoneRow:
    id: uuid.UUID
    name: str
    division_code: str | None
    parallel: bool


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    id: uuid.UUID
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class NeedCategoryRow:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class OfficerInput:
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""
    division_code: str | None = None


@dataclass(frozen=True, slots=True)
class OfficerRow:
    id: uuid.UUID
    name: str
    title: str
    phone: str
    email: str
    division_code: str | None
    active: bool


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """What ``firstbatch-desk info`` prints."""

    database_path: str
    data_dir: str
    schema_revision: str | None
    head_revision: str
    size_bytes: int
    counts: dict[str, int]
    search_documents: int
