"""Attachments of visits and needs: bytes in a content-addressed store, rows in the database.

A file is copied into ``attachments/ab/abcdef…`` (its SHA-256) beside the
database: read in chunks into a temporary file inside the store, photos
turned upright and downscaled, synced to disk, then moved into place in one
step. A refused file leaves nothing behind. The name a file came with is only
kept for display; it is never used as a path. Rows are tombstoned, never
deleted, and the bytes stay (other rows may share them).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import math
import os
import stat
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Attachment, Need, Visit
from firstbatch_desk.domain.attachment_rules import (
    MAX_ATTACHMENT_BYTES,
    PHOTO_LONG_EDGE,
    check_attachment_name,
    check_attachment_size,
    clean_caption,
    clean_media_type,
    is_image,
    is_sha256,
    media_type_of,
    with_extension,
)
from firstbatch_desk.domain.dtos.attachments import AttachmentRow, StoredFile
from firstbatch_desk.domain.enums import AttachmentOwner
from firstbatch_desk.domain.errors import NotFoundError, StorageError, ValidationError
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.base import ServiceBase

ENTITY = "附件"
CHUNK = 1024 * 1024
HEAD = 8192
TEMP_PREFIX = ".incoming-"
JPEG_QUALITY = 88
OWNERS: dict[AttachmentOwner, tuple[type[Visit] | type[Need], str]] = {
    AttachmentOwner.VISIT: (Visit, "走访记录"),
    AttachmentOwner.NEED: (Need, "问题诉求"),
}
# Stored as they are when Pillow cannot read them (no HEIF/AVIF plugin installed).
_MAYBE_UNREADABLE = frozenset({"image/heic", "image/heif", "image/avif"})


def stored_file(attachment_dir: Path, sha256: str) -> Path | None:
    """The stored file of a hash, if it is there (only a 64-hex hash names a file)."""
    digest = (sha256 or "").lower()
    if not is_sha256(digest):
        return None
    path = attachment_dir / digest[:2] / digest
    return path if path.is_file() else None


class AttachmentStore:
    """The content-addressed folder of attachment bytes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_of(self, sha256: str) -> Path | None:
        return stored_file(self.directory, sha256)

    def put(self, source: Path, name: str | None = None, caption: str = "") -> StoredFile:
        """Copy ``source`` into the store (a photo upright and downscaled); no database row.

        ``name`` is the display name (default: the source's own name). Raises
        ValidationError for a bad name, caption or file and StorageError when
        the store cannot be written; either way nothing is left in the store.
        """
        source = Path(source)
        display = check_attachment_name(source.name if name is None else name)
        note = clean_caption(caption)
        check_attachment_size(_source_size(source, display), display)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _store_error(exc, self.directory) from exc
        scratch: list[Path] = []
        try:
            temp, digest, size, head = self._copy_in(source, display, scratch)
            media_type = media_type_of(display, head)
            if is_image(media_type):
                photo = _photo(temp, display, media_type)
                if photo is not None:
                    data, media_type, extension = photo
                    temp = self._write_temp(data, scratch)
                    digest, size = hashlib.sha256(data).hexdigest(), len(data)
                    display = with_extension(display, extension)
            self._commit(temp, digest, size)
        finally:
            for path in scratch:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        return StoredFile(digest, display, media_type, size, note)

    def _new_temp(self, scratch: list[Path]) -> tuple[IO[bytes], Path]:
        try:
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=self.directory)
        except OSError as exc:
            raise _store_error(exc, self.directory) from exc
        scratch.append(Path(name))
        return os.fdopen(fd, "wb"), Path(name)

    def _copy_in(
        self, source: Path, name: str, scratch: list[Path]
    ) -> tuple[Path, str, int, bytes]:
        """Copy at most the limit + 1 byte into a temporary file; its hash, size, first bytes."""
        digest = hashlib.sha256()
        total, head = 0, b""
        out, temp = self._new_temp(scratch)
        with out, _open_source(source, name) as reader:
            while total <= MAX_ATTACHMENT_BYTES:
                try:
                    chunk = reader.read(min(CHUNK, MAX_ATTACHMENT_BYTES + 1 - total))
                except OSError as exc:
                    raise _unreadable(exc, name) from exc
                if not chunk:
                    break
                head = head or chunk[:HEAD]
                total += len(chunk)
                digest.update(chunk)
                _write(out, chunk, self.directory)
            check_attachment_size(total, name)
            _sync(out, self.directory)
        return temp, digest.hexdigest(), total, head

    def _write_temp(self, data: bytes, scratch: list[Path]) -> Path:
        out, temp = self._new_temp(scratch)
        with out:
            _write(out, data, self.directory)
            _sync(out, self.directory)
        return temp

    def _commit(self, temp: Path, digest: str, size: int) -> None:
        """Move the temporary file to ``ab/<digest>``; bytes already there are kept."""
        folder = self.directory / digest[:2]
        final = folder / digest
        with contextlib.suppress(OSError):
            if final.is_file() and final.stat().st_size == size:
                return
        created = not folder.exists()
        try:
            folder.mkdir(exist_ok=True)
            os.replace(temp, final)
        except OSError as exc:
            if created:
                with contextlib.suppress(OSError):
                    folder.rmdir()
            raise _store_error(exc, self.directory) from exc
        _sync_directory(folder)


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
            if attachment.caption != note:
                attachment.caption = note
                session.flush()
            return _row(attachment)

    def remove(self, attachment_id: uuid.UUID) -> None:
        """Tombstone the row; the bytes stay, other rows may share them."""
        with self._write() as session:
            self._live(session, Attachment, attachment_id, ENTITY).deleted_at = self._now()

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
        model, entity = OWNERS[AttachmentOwner(owner_type)]
        self._live(session, model, owner_id, entity)


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


# --- files --------------------------------------------------------------------------------------


def _source_size(source: Path, name: str) -> int:
    """The size of a regular file, or a clear ValidationError."""
    try:
        info = source.stat()
    except FileNotFoundError as exc:
        raise ValidationError("attachment.missing", field="file", name=name) from exc
    except OSError as exc:
        raise _unreadable(exc, name) from exc
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError("attachment.not_a_file", field="file", name=name)
    return info.st_size


def _open_source(source: Path, name: str) -> IO[bytes]:
    try:
        return open(source, "rb")
    except FileNotFoundError as exc:
        raise ValidationError("attachment.missing", field="file", name=name) from exc
    except IsADirectoryError as exc:
        raise ValidationError("attachment.not_a_file", field="file", name=name) from exc
    except OSError as exc:
        raise _unreadable(exc, name) from exc


def _unreadable(exc: OSError, name: str) -> ValidationError:
    return ValidationError(
        "attachment.unreadable", field="file", name=name, detail=exc.strerror or str(exc)
    )


def _store_error(exc: OSError, directory: Path) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return StorageError("storage.disk_full")
    return StorageError(
        "attachment.store_failed", path=str(directory), detail=exc.strerror or str(exc)
    )


def _write(out: IO[bytes], data: bytes, directory: Path) -> None:
    try:
        out.write(data)
    except OSError as exc:
        raise _store_error(exc, directory) from exc


def _sync(out: IO[bytes], directory: Path) -> None:
    try:
        out.flush()
        os.fsync(out.fileno())
    except OSError as exc:
        raise _store_error(exc, directory) from exc


def _sync_directory(folder: Path) -> None:
    """Make the new name durable (POSIX; Windows cannot open a folder this way)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- photos -------------------------------------------------------------------------------------


def _photo(path: Path, name: str, media_type: str) -> tuple[bytes, str, str] | None:
    """The photo upright, at most PHOTO_LONG_EDGE px: (bytes, media type, extension).

    None keeps the file's own bytes: already upright and small enough, animated,
    or a HEIF/AVIF image this Pillow cannot read. Pillow is imported only here.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            orientation = image.getexif().get(0x0112, 1)  # EXIF Orientation
            upright = orientation not in range(2, 9)
            if getattr(image, "n_frames", 1) > 1 or (
                upright and max(image.size) <= PHOTO_LONG_EDGE
            ):
                image.load()
                return None
            family = _family(image.mode)
            icc = image.info.get("icc_profile")
            scale = min(1.0, PHOTO_LONG_EDGE / max(image.size))
            # A JPEG can be decoded at 1/2, 1/4 or 1/8 size directly: far less time and memory.
            image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
            picture = _scaled(ImageOps.exif_transpose(image), Image.Resampling.LANCZOS)
            if family is None or family != _family(picture.mode):
                icc = None
    except Image.DecompressionBombError as exc:
        raise ValidationError("attachment.image_too_large", field="file", name=name) from exc
    except UnidentifiedImageError as exc:
        if media_type in _MAYBE_UNREADABLE:
            return None
        raise ValidationError("attachment.bad_image", field="file", name=name) from exc
    except Exception as exc:  # Pillow's decoders raise many kinds for damaged files
        raise ValidationError("attachment.bad_image", field="file", name=name) from exc
    return _encoded(picture, icc)


def _scaled(image: Any, resample: Any) -> Any:
    """RGB/L (or RGBA/LA when transparent) at most PHOTO_LONG_EDGE on its long edge."""
    transparent = _has_transparency(image)
    if image.mode == "I" or image.mode.startswith("I;16"):  # 16-bit grey: keep the top 8 bits
        image = image.convert("I").point(lambda value: value * (1 / 256))
    if image.mode not in ("RGB", "L", "RGBA", "LA") or (
        image.mode in ("RGBA", "LA") and not transparent
    ):
        grey = _family(image.mode) == "grey"
        image = image.convert(
            ("LA" if grey else "RGBA") if transparent else ("L" if grey else "RGB")
        )
    width, height = image.size
    scale = PHOTO_LONG_EDGE / max(width, height)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = image.resize(size, resample)
    return image


def _family(mode: str) -> str | None:
    """Which colour profile fits a mode: "grey", "rgb", or None (CMYK, Lab, …)."""
    if mode in ("1", "L", "LA", "I", "F") or mode.startswith("I;16"):
        return "grey"
    return "rgb" if mode in ("RGB", "RGBA", "P", "PA", "RGBX", "RGBa") else None


def _has_transparency(image: Any) -> bool:
    if image.mode == "P" or "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode not in ("RGBA", "LA", "PA"):
        return False
    low, _high = image.getchannel("A").getextrema()
    return bool(low < 255)


def _encoded(image: Any, icc: bytes | None) -> tuple[bytes, str, str]:
    """PNG when transparent, else JPEG at quality 88; no EXIF (so no orientation)."""
    buffer = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if image.mode in ("RGBA", "LA"):
        image.save(buffer, "PNG", **extra)
        return buffer.getvalue(), "image/png", "png"
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, **extra)
    return buffer.getvalue(), "image/jpeg", "jpg"
