"""What a sync reports, and the conflicts an officer settles."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("名称", "name"),
    "address": ("地址", "address"),
    "credit_code": ("统一社会信用代码", "credit code"),
    "industry": ("行业", "industry"),
    "phone": ("电话", "phone"),
    "title": ("标题", "title"),
    "description": ("描述", "description"),
    "summary": ("走访小结", "summary"),
    "production_status": ("生产情况", "production"),
    "sales_status": ("销售情况", "sales"),
    "application_progress": ("推广应用进展", "application progress"),
    "new_users": ("新增用户", "new users"),
    "policies_explained": ("宣讲政策", "policies explained"),
    "visit_date": ("走访日期", "visit date"),
    "method": ("走访方式", "method"),
    "status": ("状态", "status"),
    "due_on": ("办理期限", "due date"),
    "deleted_at": ("删除时间", "deleted"),
    "next_visit_on": ("下次走访", "next visit"),
    "officer_id": ("负责人", "officer"),
    "caption": ("说明", "caption"),
    "model_spec": ("型号规格", "model"),
    "application_field": ("应用领域", "application field"),
}


def field_label(name: str, lang: str = "zh") -> str:
    zh, en = FIELD_LABELS.get(name, (name, name))
    return en if lang.startswith("en") else zh


@dataclass(frozen=True, slots=True)
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    files: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class SyncStatus:
    registered: bool
    hub_id: str
    last_sync: str
    pending: int
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class BundleResult:
    kind: str
    path: str
    records: int
    files: int
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: uuid.UUID
    table_name: str
    row_id: str
    record: str  # what the record is, in words (an enterprise's name, a visit's date …)
    field: str
    mine: Any
    theirs: Any
    winner: str  # "mine" or "theirs": whose value the record holds now
    mine_by: str
    theirs_by: str
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str
