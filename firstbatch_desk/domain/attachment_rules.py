"""What an attachment may be: its display name, its size, and what kind of file it is.

A name from outside is only ever shown, never used as a path: the bytes are
stored under their SHA-256. Still, a name that hides its real extension
(direction marks), carries path parts or is invisible is refused, so what an
officer sees is what was attached. Dots inside a name are ordinary text
("关于...的通知.docx", "报告..v2.pdf"); only a name of nothing but dots and
spaces ("..", "...") is refused.
"""

from __future__ import annotations

import math
import unicodedata

from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.validation import clean_text

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
PHOTO_LONG_EDGE = 2048
NAME_LIMIT = 255
CAPTION_LIMIT = 200
MEDIA_TYPE_LIMIT = 100
DEFAULT_MEDIA_TYPE = "application/octet-stream"

# Invisible characters that are not in Unicode's control/format categories.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2028\u2029")

_BY_EXTENSION = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "jpe": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "heic": "image/heic",
    "heif": "image/heif",
    "avif": "image/avif",
    "pdf": "application/pdf",
    "ofd": "application/ofd",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain",
    "csv": "text/csv",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed",
    "gz": "application/gzip",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "amr": "audio/amr",
}
_ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "ofd", "zip"}
_OLE_BASED = {"doc", "xls", "ppt"}
_ZIP_MEMBERS = ((b"word/", "docx"), (b"xl/", "xlsx"), (b"ppt/", "pptx"))
_FTYP_BRANDS = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"hevc": "image/heic",
    b"hevx": "image/heic",
    b"heim": "image/heic",
    b"heis": "image/heic",
    b"mif1": "image/heif",
    b"msf1": "image/heif",
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
}
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"\x1f\x8b", "application/gzip"),
    (b"#!AMR", "audio/amr"),
    (b"ID3", "audio/mpeg"),
)


def check_attachment_name(name: str) -> str:
    """The display name, NFC and trimmed, or ValidationError saying what is wrong.

    Refused: an empty name; one with a NUL, control, format (bidi, zero-width)
    or other invisible character or a lone surrogate; one with "/" or "\\";
    one of only dots and/or spaces (".", "..", "..."); one over NAME_LIMIT
    characters. ".." inside a longer name is allowed: with no separator it
    cannot step out of a folder, and names are never paths anyway.
    """
    raw = unicodedata.normalize("NFC", name or "")
    if not raw:
        raise ValidationError("attachment.name_empty", field="name")
    for position, char in enumerate(raw, start=1):
        category = unicodedata.category(char)
        if category == "Cs":
            raise ValidationError("attachment.name_encoding", field="name")
        if category in ("Cc", "Cf") or char in _INVISIBLE:
            raise ValidationError(
                "attachment.name_invisible",
                field="name",
                position=position,
                codepoint=f"{ord(char):04X}",
            )
    text = raw.strip()
    if "/" in text or "\\" in text:
        raise ValidationError("attachment.name_separator", field="name", name=text)
    if not text.replace(".", "").strip():
        raise ValidationError("attachment.name_dots", field="name", name=text)
    if len(text) > NAME_LIMIT:
        raise ValidationError(
            "attachment.name_too_long", field="name", limit=NAME_LIMIT, length=len(text)
        )
    return text


def clean_caption(caption: str | None) -> str:
    return clean_text(caption, field="caption", label="附件说明", limit=CAPTION_LIMIT)


def clean_media_type(media_type: str | None) -> str:
    """A media type fit for the column; anything odd becomes application/octet-stream."""
    text = (media_type or "").strip().lower()
    ok = 0 < len(text) <= MEDIA_TYPE_LIMIT and text.isascii() and text.count("/") == 1
    return text if ok and text.isprintable() and " " not in text else DEFAULT_MEDIA_TYPE


def is_sha256(digest: str) -> bool:
    """A SHA-256 in lower-case hex: the only thing that names a stored file."""
    return len(digest) == 64 and all(ch in "0123456789abcdef" for ch in digest)


def with_extension(name: str, extension: str) -> str:
    """``name`` with its extension replaced (a photo stored as JPEG is named ``.jpg``)."""
    current = extension_of(name)
    if current == extension or (extension == "jpg" and current in ("jpeg", "jpe")):
        return name
    stem = name[: -len(current) - 1] if current else name
    return f"{stem[: NAME_LIMIT - len(extension) - 1].rstrip('. ')}.{extension}"


def check_attachment_size(size: int, name: str) -> None:
    """Refuse an empty file or one over MAX_ATTACHMENT_BYTES."""
    if size <= 0:
        raise ValidationError("attachment.empty", field="file", name=name)
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            "attachment.too_big",
            field="file",
            name=name,
            size=megabytes(size),
            limit=megabytes(MAX_ATTACHMENT_BYTES),
        )


def megabytes(size: int) -> str:
    """``size`` in MB, rounded up to a tenth so that anything over a limit shows over it."""
    value = math.ceil(size * 10 / (1024 * 1024)) / 10
    return f"{value:g} MB"


def extension_of(name: str) -> str:
    """The lower-case extension of a display name, without the dot ("" when none)."""
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def media_type_of(name: str, head: bytes) -> str:
    """The media type from the first bytes of a file, else from its name's extension."""
    extension = extension_of(name)
    sniffed = _sniff(head, extension)
    return sniffed or _BY_EXTENSION.get(extension, DEFAULT_MEDIA_TYPE)


def is_image(media_type: str) -> bool:
    return media_type.startswith("image/")


def _sniff(head: bytes, extension: str) -> str | None:
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and len(head) >= 12:
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav"}.get(head[8:12])
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head[:2] == b"BM" and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if extension in _ZIP_BASED:
            return _BY_EXTENSION[extension]
        for member, kind in _ZIP_MEMBERS:
            if member in head:
                return _BY_EXTENSION[kind]
        return "application/zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _BY_EXTENSION[extension] if extension in _OLE_BASED else "application/x-ole-storage"
    return None
