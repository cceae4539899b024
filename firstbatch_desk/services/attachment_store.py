"""The content-addressed folder of attachment bytes: files in, paths out; no database.

A file is copied into ``attachments/ab/abcdef…`` (its SHA-256) beside the
database: read in chunks into a temporary file at the top of the store,
photos turned upright and downscaled, synced to disk, then moved into place
in one step. A refused file leaves nothing behind; temporary files a killed
process left are swept away by a later ``put`` once they are an hour old.
The name a file came with is only kept for display; it is never used as a
path.
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
import time
from pathlib import Path
from typing import IO, Any

from firstbatch_desk.domain.attachment_rules import (
    MAX_ATTACHMENT_BYTES,
    PHOTO_LONG_EDGE,
    check_attachment_name,
    check_attachment_size,
    clean_caption,
    is_image,
    is_sha256,
    media_type_of,
    with_extension,
)
from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.errors import StorageError, ValidationError

CHUNK = 1024 * 1024
HEAD = 8192
TEMP_PREFIX = ".incoming-"
TEMP_SUFFIX = ".part"
STALE_TEMP_SECONDS = 60 * 60
JPEG_QUALITY = 88
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
        self._sweep_stale_temps()
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

    def put_bytes(self, data: bytes, sha256: str) -> bool:
        """Store bytes that arrived by their hash (sync); False if they do not match it."""
        if hashlib.sha256(data).hexdigest() != sha256:
            return False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _store_error(exc, self.directory) from exc
        scratch: list[Path] = []
        try:
            self._commit(self._write_temp(data, scratch), sha256, len(data))
        finally:
            for path in scratch:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        return True

    def _sweep_stale_temps(self) -> None:
        """Remove temporary files over an hour old that a killed process left behind.

        Only the top of the store is looked at: that is where :meth:`_new_temp`
        writes, and it holds at most the 256 ``ab`` folders besides. A younger
        temporary file may belong to a ``put`` still running and is kept.
        """
        cutoff = time.time() - STALE_TEMP_SECONDS
        with contextlib.suppress(OSError), os.scandir(self.directory) as entries:
            for entry in entries:
                if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                    continue
                with contextlib.suppress(OSError):
                    if (
                        entry.is_file(follow_symlinks=False)
                        and entry.stat(follow_symlinks=False).st_mtime < cutoff
                    ):
                        os.unlink(entry.path)

    def _new_temp(self, scratch: list[Path]) -> tuple[IO[bytes], Path]:
        try:
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.directory)
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
