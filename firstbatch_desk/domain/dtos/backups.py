"""Backups of the database: what one holds, what a backup run copied, what a restore did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class AttachmentCopy:
    """Attachment files a backup run put beside the database copy (``backups/attachments``).

    ``copied`` and ``linked`` are new files (hard links when the backup folder is
    on the same disk); ``present`` were already there from an earlier backup.
    ``damaged`` are stored files whose bytes no longer match their SHA-256 (not
    backed up); ``missing`` are hashes the database names but neither folder holds.
    """

    copied: int = 0
    linked: int = 0
    present: int = 0
    damaged: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def new(self) -> int:
        return self.copied + self.linked


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file in the backup folder.

    ``counts`` are the rows of every table at the moment of the backup (all
    rows, deleted ones too); ``live_counts`` the records of the main registers
    an officer sees (not deleted). Both come from the JSON record written beside
    the backup when it was verified; ``verified`` says that record exists and
    still fits the file. ``problem`` is a message code saying why not.
    """

    path: Path
    taken_at: datetime
    reason: str
    size: int
    verified: bool
    counts: dict[str, int] = field(default_factory=dict)
    live_counts: dict[str, int] = field(default_factory=dict)
    schema_revision: str | None = None
    attachments: AttachmentCopy = field(default_factory=AttachmentCopy)
    problem: str = ""


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What ``restore_database`` did.

    ``copied_aside`` is the copy of the database as it was before the restore
    (None when there was none); ``aside_verified`` is False when that database
    was damaged and was copied byte for byte instead. ``needs_upgrade`` means the
    backup has an older schema that the next start upgrades (after a copy aside).
    """

    restored_from: Path
    copied_aside: Path | None
    aside_verified: bool
    counts: dict[str, int]
    live_counts: dict[str, int]
    schema_revision: str
    needs_upgrade: bool
    attachments_restored: int = 0
