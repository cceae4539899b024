"""Sync bookkeeping (never synced itself).

On a laptop: ``sync_base`` keeps, for each record changed here since it last agreed
with the hub, the version it had then (the base of a three-way merge), and
``sync_conflicts`` the values that lost a merge until an officer settles them.
On the hub: ``sync_installations`` lists the registered laptops, ``sync_blobs`` holds
attachment bytes by hash, and ``sync_conflicts`` the conflicts found while merging a
laptop's changes, addressed to that laptop. ``sync_bundles`` (both sides) remembers
the bundle files already imported, so importing one twice changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from firstbatch_desk.db.base import Base
from firstbatch_desk.db.ids import new_id
from firstbatch_desk.db.types import UTCDateTime


class SyncBase(Base):
    __tablename__ = "sync_base"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    payload: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    installation: Mapped[str] = mapped_column(String(32), index=True)
    hub_rev: Mapped[int] = mapped_column(Integer, default=0, index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    mine: Mapped[str] = mapped_column(Text)
    theirs: Mapped[str] = mapped_column(Text)
    winner: Mapped[str] = mapped_column(String(10))
    mine_by: Mapped[str] = mapped_column(String(100), default="")
    theirs_by: Mapped[str] = mapped_column(String(100), default="")
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(10), default="")


class SyncInstallation(Base):
    __tablename__ = "sync_installations"

    installation: Mapped[str] = mapped_column(String(32), primary_key=True)
    officer: Mapped[str] = mapped_column(String(100), default="")
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The hub revision this laptop has confirmed it holds, and its own change
    # counter up to which the hub has taken its changes (bundles acknowledge with it).
    pulled_rev: Mapped[int] = mapped_column(BigInteger, default=0)
    pushed_rev: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncBlob(Base):
    __tablename__ = "sync_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SyncBundle(Base):
    __tablename__ = "sync_bundles"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    installation: Mapped[str] = mapped_column(String(32), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
