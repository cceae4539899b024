"""Login accounts: who may open the program, in which role, with which officer behind them.

``Account`` is a synced table (SyncMixin): the office hub (issue 8) must carry
accounts to every laptop, so an officer can log in on any of them and a
deactivation, role change or new password reaches them all. Its key is a
UUID made on the laptop like every other synced row, and an account is never
deleted, only deactivated. The password is kept only as an Argon2id hash.
``failed_attempts`` and ``locked_until`` travel too; a lock then holds on
every laptop the change reaches, which errs on the safe side.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base, SyncMixin, enum_type
from firstbatch_desk.db.types import UTCDateTime
from firstbatch_desk.domain.accounts import Role


class Account(SyncMixin, Base):
    """A login: username (stored lower case), role, and the officer it acts as."""

    __tablename__ = "accounts"

    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    officer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("officers.id"), default=None, index=True
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
