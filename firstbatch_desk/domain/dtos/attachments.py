"""Attachments of visits and needs: a file safely in the store, and a linked row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from firstbatch_desk.domain.enums import AttachmentOwner


@dataclass(frozen=True, slots=True)
class StoredFile:
    """Bytes already safely in the content-addressed store; no database row yet."""

    sha256: str
    original_name: str
    media_type: str
    size: int
    caption: str = ""


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: uuid.UUID
    owner_type: AttachmentOwner
    owner_id: uuid.UUID
    sha256: str
    original_name: str
    media_type: str
    size: int
    caption: str
    created_at: datetime
