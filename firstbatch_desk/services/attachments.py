"""Attachments of visits and needs: the rows in the database over the store's bytes.

The bytes live in the content-addressed store (:mod:`.attachment_store`);
here a stored file is linked to a visit or need. Rows are tombstoned, never
deleted, and the bytes stay (other rows may share them). The store's names
are imported from here as well.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Attachment, Need, Visit
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.attachment_rules import (
    check_attachment_name,
    clean_caption,
    clean_media_type,
    is_sha256,
)
from firstbatch_desk.domain.dtos.attachments import AttachmentRow, StoredFile
from firstbatch_desk.domain.enums import AttachmentOwner
from firstbatch_desk.domain.errors import NotFoundError, StorageError, ValidationError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.attachment_store import (
    CHUNK,
    HEAD,
    JPEG_QUALITY,
    TEMP_PREFIX,
    AttachmentStore,
    stored_file,
)
from firstbatch_desk.services.base import ServiceBase, need_officers, visit_officers

__all__ = [
    "CHUNK",
    "ENTITY",
    "HEAD",
    "JPEG_QUALITY",
    "OWNERS",
    "TEMP_PREFIX",
    "AttachmentService",
    "AttachmentStore",
    "link_attachments",
    "replace_attachments",
    "stored_file",
]

ENTITY = "附件"
OWNERS: dict[AttachmentOwner, tuple[type[Visit] | type[Need], str]] = {
    AttachmentOwner.VISIT: (Visit, "走访记录"),
    AttachmentOwner.NEED: (Need, "问题诉求"),
}


def link_attachments(
    session: Session,
    owner_type: AttachmentOwner,
    owner_id: uuid.UUID,
    files: Sequence[StoredFile],
) -> None:
    """Add attachment rows for ``files`` in the caller's transaction.

    A hash already attached (live) to the same owner is skipped. Each file
    must be in the store beside the session's database with the size it claims.
    """
    owner_type = AttachmentOwner(owner_type)
    wanted = _distinct(files)
    if not wanted:
        return
    directory = _store_directory(session)
    present = set(_live_rows(session, owner_type, owner_id, list(wanted)))
    for digest, file in wanted.items():
        if digest in present:
            continue
        name = check_attachment_name(file.original_name)
        path = stored_file(directory, digest)
        if path is None or path.stat().st_size != file.size:
            raise ValidationError("attachment.not_stored", field="files", name=name)
        session.add(
            Attachment(
                owner_type=owner_type,
                owner_id=owner_id,
                sha256=digest,
                original_name=name,
                media_type=clean_media_type(file.media_type),
                size=file.size,
                caption=clean_caption(file.caption),
            )
        )
    session.flush()


def replace_attachments(
    session: Session,
    owner_type: AttachmentOwner,
    owner_id: uuid.UUID,
    files: Sequence[StoredFile],
) -> None:
    """Make the owner's live attachments exactly ``files`` (by hash), in the caller's transaction.

    Attachments not among ``files`` are tombstoned; those kept take the name
    and caption given; new ones are linked as by :func:`link_attachments`.
    """
    owner_type = AttachmentOwner(owner_type)
    wanted = _distinct(files)
    existing = _live_rows(session, owner_type, owner_id)
    now = datetime.now(UTC)
    for digest, row in existing.items():
        file = wanted.get(digest)
        if file is None:
            row.deleted_at = now
            continue
        name, caption = check_attachment_name(file.original_name), clean_caption(file.caption)
        if (row.original_name, row.caption) != (name, caption):
            row.original_name, row.caption = name, caption
    link_attachments(
        session, owner_type, owner_id, [f for d, f in wanted.items() if d not in existing]
    )


class AttachmentService(ServiceBase):
    @property
    def store(self) -> AttachmentStore:
        return AttachmentStore(AppPaths(self._database_path.parent).attachment_dir)

    def ingest(self, source: Path, caption: str = "") -> StoredFile:
        """Put a file into the store (file work only; attach it with :meth:`attach`)."""
        return self.store.put(source, caption=caption)

    def attach(
        self, owner_type: AttachmentOwner, owner_id: uuid.UUID, files: Sequence[StoredFile]
    ) -> list[AttachmentRow]:
        """Attach stored files to a live visit or need; the rows of ``files``, in their order.

        A file already attached to the owner is not attached twice: its row is returned.
        """
        owner_type = AttachmentOwner(owner_type)
        with self._write() as session:
            self._owner(session, owner_type, owner_id)
            link_attachments(session, owner_type, owner_id, files)
            wanted = _distinct(files)
            rows = _live_rows(session, owner_type, owner_id, list(wanted))
            return [_row(rows[digest]) for digest in wanted]

    def replace_for(
        self, owner_type: AttachmentOwner, owner_id: uuid.UUID, files: Sequence[StoredFile]
    ) -> list[AttachmentRow]:
        """Make a live owner's attachments exactly ``files``, in one transaction."""
        owner_type = AttachmentOwner(owner_type)
        with self._write() as session:
            self._owner(session, owner_type, owner_id)
            replace_attachments(session, owner_type, owner_id, files)
            rows = _live_rows(session, owner_type, owner_id)
            return [_row(rows[digest]) for digest in _distinct(files)]

    def get(self, attachment_id: uuid.UUID) -> AttachmentRow:
        with self._read() as session:
            return _row(self._live(session, Attachment, attachment_id, ENTITY))

    def list_for(self, owner_type: AttachmentOwner, owner_id: uuid.UUID) -> list[AttachmentRow]:
        with self._read() as session:
            rows = session.scalars(
                select(Attachment)
                .where(
                    Attachment.owner_type == AttachmentOwner(owner_type),
                    Attachment.owner_id == owner_id,
                    Attachment.deleted_at.is_(None),
                )
                .order_by(Attachment.created_at, Attachment.id)
            ).all()
            return [_row(a) for a in rows]

    def set_caption(self, attachment_id: uuid.UUID, caption: str) -> AttachmentRow:
        note = clean_caption(caption)
        with self._write() as session:
            attachment = self._live(session, Attachment, attachment_id, ENTITY)
            self._owner(session, attachment.owner_type, attachment.owner_id)
            if attachment.caption != note:
                attachment.caption = note
                session.flush()
            return _row(attachment)

    def remove(self, attachment_id: uuid.UUID) -> None:
        """Tombstone the row; the bytes stay, other rows may share them."""
        with self._write() as session:
            attachment = self._live(session, Attachment, attachment_id, ENTITY)
            self._owner(session, attachment.owner_type, attachment.owner_id)
            attachment.deleted_at = self._now()

    def restore(self, attachment_id: uuid.UUID) -> AttachmentRow:
        """Undo a removal. If the same file was attached again meanwhile, that row is returned."""
        with self._write() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(attachment_id))
            if attachment.deleted_at is not None:
                self._owner(session, attachment.owner_type, attachment.owner_id)
                twin = _live_rows(
                    session, attachment.owner_type, attachment.owner_id, [attachment.sha256]
                )
                if twin:
                    return _row(twin[attachment.sha256])
                attachment.deleted_at = None
                session.flush()
            return _row(attachment)

    def file_path(self, attachment_id: uuid.UUID) -> Path:
        """Where the attachment's bytes are; NotFoundError when they are missing or damaged."""
        with self._read() as session:
            row = _row(self._live(session, Attachment, attachment_id, ENTITY))
        path = self.store.path_of(row.sha256)
        if path is None:
            raise NotFoundError("attachment.file_missing", name=row.original_name)
        if path.stat().st_size != row.size:
            raise NotFoundError("attachment.file_damaged", name=row.original_name)
        return path

    def _owner(self, session: Session, owner_type: AttachmentOwner, owner_id: uuid.UUID) -> None:
        """The owner is live, and the actor may change it (an officer: only their own)."""
        model, entity = OWNERS[AttachmentOwner(owner_type)]
        self._live(session, model, owner_id, entity)
        if AttachmentOwner(owner_type) is AttachmentOwner.VISIT:
            self._require(Permission.EDIT_VISIT, owner_officer_id=visit_officers(session, owner_id))
        else:
            self._require(Permission.EDIT_NEED, owner_officer_id=need_officers(session, owner_id))


# --- rows ---------------------------------------------------------------------------------------


def _row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(
        a.id,
        a.owner_type,
        a.owner_id,
        a.sha256,
        a.original_name,
        a.media_type,
        a.size,
        a.caption,
        a.created_at,
    )


def _distinct(files: Iterable[StoredFile]) -> dict[str, StoredFile]:
    """The files by lower-case hash, first of each; a malformed hash is not in the store."""
    wanted: dict[str, StoredFile] = {}
    for file in files:
        digest = (file.sha256 or "").lower()
        if not is_sha256(digest):
            raise ValidationError("attachment.not_stored", field="files", name=file.original_name)
        wanted.setdefault(digest, file)
    return wanted


def _live_rows(
    session: Session,
    owner_type: AttachmentOwner,
    owner_id: uuid.UUID,
    hashes: Sequence[str] | None = None,
) -> dict[str, Attachment]:
    query = select(Attachment).where(
        Attachment.owner_type == owner_type,
        Attachment.owner_id == owner_id,
        Attachment.deleted_at.is_(None),
    )
    if hashes is not None:
        query = query.where(Attachment.sha256.in_(hashes))
    rows: dict[str, Attachment] = {}
    for row in session.scalars(query.order_by(Attachment.created_at, Attachment.id)):
        rows.setdefault(row.sha256, row)
    return rows


def _store_directory(session: Session) -> Path:
    """The store beside the session's SQLite database file."""
    for _seq, schema, filename in session.execute(text("PRAGMA database_list")):
        if schema == "main" and filename:
            return AppPaths(Path(filename).parent).attachment_dir
    raise StorageError("attachment.no_store")
