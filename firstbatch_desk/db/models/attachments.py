"""Attachment metadata; the bytes live in a content-addressed folder by SHA-256."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin, enum_type
from firstbatch_desk.domain.enums import AttachmentOwner


class Attachment(SyncMixin, Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)

    owner_type: Mapped[AttachmentOwner] = mapped_column(enum_type(AttachmentOwner))
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)
    caption: Mapped[str] = mapped_column(String(200), default="")
