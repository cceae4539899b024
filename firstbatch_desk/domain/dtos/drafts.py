"""A form kept as a draft while the officer fills it in, and what drafts hold."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.domain.enums import Complexity, NeedCategory, NeedChannel, Urgency


@dataclass(frozen=True, slots=True)
class DraftRow:
    key: str
    kind: str
    subject_id: str
    title: str
    payload: Mapping[str, Any]
    saved_at: datetime


def need_to_json(need: NeedInput) -> dict[str, Any]:
    """A need typed in a form, as plain JSON values for its draft."""
    return {
        "enterprise_id": str(need.enterprise_id),
        "category": need.category.value,
        "title": need.title,
        "description": need.description,
        "case_id": str(need.case_id) if need.case_id else None,
        "channel": need.channel.value,
        "urgency": need.urgency.value,
        "complexity": need.complexity.value,
        "raised_on": str(need.raised_on) if need.raised_on else None,
        "lead_department_id": str(need.lead_department_id) if need.lead_department_id else None,
        "supporting_department_ids": [str(d) for d in need.supporting_department_ids],
    }


def need_from_json(data: Mapping[str, Any]) -> NeedInput | None:
    """The need back from its draft; None if the draft no longer makes sense."""
    try:
        return NeedInput(
            enterprise_id=uuid.UUID(data["enterprise_id"]),
            category=NeedCategory(data["category"]),
            title=str(data.get("title", "")),
            description=str(data.get("description", "")),
            case_id=_uuid(data.get("case_id")),
            channel=NeedChannel(data.get("channel", NeedChannel.VISIT.value)),
            urgency=Urgency(data.get("urgency", Urgency.NORMAL.value)),
            complexity=Complexity(data.get("complexity", Complexity.COMPLEX.value)),
            raised_on=data.get("raised_on") or None,
            lead_department_id=_uuid(data.get("lead_department_id")),
            supporting_department_ids=tuple(
                uuid.UUID(d) for d in data.get("supporting_department_ids", ())
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None


def stored_file_to_json(file: StoredFile) -> dict[str, Any]:
    return {
        "sha256": file.sha256,
        "original_name": file.original_name,
        "media_type": file.media_type,
        "size": file.size,
        "caption": file.caption,
    }


def stored_file_from_json(data: Mapping[str, Any]) -> StoredFile | None:
    try:
        return StoredFile(
            sha256=str(data["sha256"]),
            original_name=str(data["original_name"]),
            media_type=str(data.get("media_type", "application/octet-stream")),
            size=int(data.get("size", 0)),
            caption=str(data.get("caption", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None
