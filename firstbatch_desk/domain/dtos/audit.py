"""The audit trail as the program shows it: entries, the filter of the audit list,
and the verdict of a check of the hash chain."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from firstbatch_desk.domain.enums import LabelledEnum
from firstbatch_desk.domain.messages import render

GENESIS_HASH = "0" * 64  # the prev_hash of the first entry

# The tables the audit names, in an officer's words (the code is the table name).
ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "enterprises": ("企业", "Enterprises"),
    "contacts": ("联系人", "Contacts"),
    "products": ("产品", "Products"),
    "recognitions": ("认定", "Recognitions"),
    "cases": ("跟踪档案", "Cases"),
    "visits": ("走访记录", "Visits"),
    "visit_notes": ("走访纪要", "Visit notes"),
    "visit_cases": ("走访涉及档案", "Visit cases"),
    "visit_officers": ("走访人员", "Visit officers"),
    "visit_attendees": ("企业参加人员", "Visit attendees"),
    "needs": ("问题诉求", "Needs"),
    "need_supports": ("协办部门", "Supporting departments"),
    "need_transitions": ("诉求流转", "Need transitions"),
    "attachments": ("附件", "Attachments"),
    "divisions": ("行政区划", "Divisions"),
    "zones": ("开发区", "Zones"),
    "need_categories": ("诉求类别", "Need categories"),
    "departments": ("部门", "Departments"),
    "officers": ("工作人员", "Officers"),
    "accounts": ("登录账号", "Accounts"),
    "demo": ("演示数据", "Demo data"),
}


def entity_label(entity: str, lang: str = "zh") -> str:
    """The words for a table name (the name itself when it has none)."""
    labels = ENTITY_LABELS.get(entity)
    if labels is None:
        return entity
    return labels[1] if lang.startswith("en") else labels[0]


class AuditAction(LabelledEnum):
    """What an audit entry records."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"  # a tombstone set (or a row removed)
    RESTORE = "restore"  # a tombstone taken away
    BATCH = "batch"  # many rows written at once (demo data), one entry for all

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "create": ("新增", "Create"),
            "update": ("修改", "Update"),
            "delete": ("删除", "Delete"),
            "restore": ("恢复", "Restore"),
            "batch": ("批量写入", "Batch"),
        }


class AuditProblem(LabelledEnum):
    """How the hash chain is broken at an entry."""

    CONTENT_CHANGED = "content_changed"  # the entry's hash does not match its content
    LINK_BROKEN = "link_broken"  # its prev_hash is not the hash of the entry before
    ENTRY_MISSING = "entry_missing"  # a gap in seq: an entry was removed

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "content_changed": ("内容被改动", "content changed"),
            "link_broken": ("链接断开", "link broken"),
            "entry_missing": ("记录缺失", "entry missing"),
        }


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the audit list shows (every field optional)."""

    search: str = ""  # text in the values before or after, the record id or the actor
    entity: str | None = None  # a table name
    entity_id: str = ""
    actor: str = ""  # part of the actor's name
    action: AuditAction | None = None
    date_from: date | None = None  # local days, both ends included
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One column of an entry: its value before and after (JSON values; absent is None)."""

    name: str
    before: Any
    after: Any
    in_before: bool
    in_after: bool


@dataclass(frozen=True, slots=True)
class AuditEntryRow:
    """One audit entry as stored (``before``/``after`` are JSON text or None)."""

    seq: int
    at: datetime
    actor: str
    action: AuditAction
    entity: str
    entity_id: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str

    @property
    def id(self) -> uuid.UUID:
        """A list key for the entry (lists are keyed by 32 hexadecimal digits)."""
        return uuid.UUID(int=self.seq)

    def values_before(self) -> dict[str, Any]:
        return _values(self.before)

    def values_after(self) -> dict[str, Any]:
        return _values(self.after)

    def changes(self) -> list[FieldChange]:
        """Every column named before or after, in name order, side by side."""
        before, after = self.values_before(), self.values_after()
        return [
            FieldChange(name, before.get(name), after.get(name), name in before, name in after)
            for name in sorted(before.keys() | after.keys())
        ]

    def changed_fields(self) -> str:
        """The names of the columns the entry holds (for a list column)."""
        return ", ".join(sorted(self.values_before().keys() | self.values_after().keys()))


def _values(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {"?": text}
    return found if isinstance(found, dict) else {"?": found}


@dataclass(frozen=True, slots=True)
class AuditVerdict:
    """The result of walking the hash chain: whole, or where it first breaks."""

    checked: int  # entries checked (all of them when whole)
    head_hash: str  # the hash of the last entry checked (GENESIS_HASH when none)
    broken_seq: int | None = None
    problem: AuditProblem | None = None
    expected: str = ""  # what the chain says the broken field should hold
    found: str = ""  # what it holds

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def code(self) -> str:
        return "audit.ok" if self.problem is None else f"audit.{self.problem.value}"

    def message(self, lang: str = "zh") -> str:
        return render(
            self.code,
            lang,
            count=self.checked,
            seq=self.broken_seq,
            found=self.found,
            head=self.head_hash[:16],
        )
