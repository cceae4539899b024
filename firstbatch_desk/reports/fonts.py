"""The CJK font of the reports: registration with ReportLab, coverage, installed fonts.

ReportLab embeds a subset of a font only when its outlines are TrueType
(``glyf``); CFF/OpenType-PS outlines are refused here with a typed error
before ReportLab sees them. ReportLab is imported inside the functions, so
importing this module is cheap (the settings page lists fonts with it).

The shipped default is WenQuanYi Micro Hei (``resources/fonts``, Apache-2.0
or GPLv3 with the font exception). Callers pass its path (the services know
where resources live); ``register_font(None)`` finds it beside the package as
a fallback for scripts and tests.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from firstbatch_desk.reports.errors import FontError

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

DEFAULT_FONT_FILE = "wqy-microhei.ttc"
"""File name of the shipped font inside ``resources/fonts``."""

OutlineKind = Literal["truetype", "cff", "unknown"]

_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
_FONT_SUFFIXES = (".ttf", ".ttc")
_lock = threading.Lock()
_registered: dict[tuple[str, int, int, int], tuple[str, TTFont]] = {}


def default_font_path() -> Path:
    """The shipped font, from an installed wheel (``_resources``) or from a checkout."""
    package = Path(__file__).resolve().parent.parent
    for root in (package / "_resources", package.parent / "resources"):
        candidate = root / "fonts" / DEFAULT_FONT_FILE
        if candidate.is_file():
            return candidate
    return package.parent / "resources" / "fonts" / DEFAULT_FONT_FILE


def register_font(path: Path | None = None, subfont_index: int = 0) -> str:
    """Register the font at ``path`` (default: the shipped one) and return its ReportLab name.

    Registration is cached per file (path, size, modification time) and
    subfont; it is thread-safe. Raises :class:`FontError` when the file is
    missing, has CFF outlines, forbids embedding or cannot be read.
    """
    return _load(path, subfont_index)[0]


def missing_characters(
    text: str, font_path: Path | None = None, subfont_index: int = 0
) -> set[str]:
    """Characters of ``text`` that the font's character map lacks (white space ignored)."""
    cmap = _load(font_path, subfont_index)[1].face.charToGlyph
    return {ch for ch in set(text) if not ch.isspace() and not cmap.get(ord(ch))}


def outline_kind(path: Path, subfont_index: int = 0) -> OutlineKind:
    """What outlines the font at ``path`` has, read from its sfnt header (no ReportLab)."""
    try:
        with open(path, "rb") as handle:
            offset = _font_offset(handle, subfont_index)
            if offset is None:
                return "unknown"
            handle.seek(offset)
            head = handle.read(12)
            if len(head) < 12:
                return "unknown"
            if head[:4] == b"OTTO":
                return "cff"
            if head[:4] not in _TRUETYPE_TAGS:
                return "unknown"
            tables = _table_directory(handle, struct.unpack(">H", head[4:6])[0])
    except (OSError, struct.error):
        return "unknown"
    if b"glyf" in tables:
        return "truetype"
    return "cff" if (b"CFF " in tables or b"CFF2" in tables) else "unknown"


def allows_embedding(path: Path, subfont_index: int = 0) -> bool:
    """Whether the font's licence bits (OS/2 ``fsType``) let ReportLab embed a subset."""
    try:
        with open(path, "rb") as handle:
            offset = _font_offset(handle, subfont_index)
            if offset is None:
                return False
            handle.seek(offset + 4)
            count = struct.unpack(">H", handle.read(2))[0]
            handle.seek(offset + 12)
            tables = _table_directory(handle, count)
            if b"OS/2" not in tables:
                return True
            handle.seek(tables[b"OS/2"] + 8)
            fs_type = struct.unpack(">H", handle.read(2))[0]
    except (OSError, struct.error):
        return False
    return not (fs_type == 0x0002 or fs_type & 0x0300)


def font_family_name(path: Path, subfont_index: int = 0) -> str:
    """The family name to show for a font (Chinese name preferred), else the file stem."""
    try:
        with open(path, "rb") as handle:
            offset = _font_offset(handle, subfont_index)
            if offset is not None:
                handle.seek(offset + 4)
                count = struct.unpack(">H", handle.read(2))[0]
                handle.seek(offset + 12)
                tables = _table_directory(handle, count)
                if b"name" in tables:
                    name = _family_from_name_table(handle, tables[b"name"])
                    if name:
                        return name
    except (OSError, struct.error, UnicodeDecodeError):
        pass
    return path.stem


def font_directories() -> list[Path]:
    """The usual font folders of this platform (those that exist)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        candidates = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        candidates = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        candidates = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".fonts",
            home / ".local" / "share" / "fonts",
        ]
    return [c for c in candidates if c.is_dir()]


def list_installed_truetype_fonts(directories: Iterable[Path] | None = None) -> list[Path]:
    """Installed .ttf/.ttc files with TrueType outlines that allow embedding, sorted.

    Only the sfnt headers are read (a few hundred bytes a file), so scanning a
    Windows font folder takes well under a second.
    """
    found: set[Path] = set()
    for directory in font_directories() if directories is None else directories:
        for root, _dirs, files in os.walk(directory):
            for name in files:
                if not name.lower().endswith(_FONT_SUFFIXES):
                    continue
                path = Path(root, name)
                if outline_kind(path) == "truetype" and allows_embedding(path):
                    found.add(path)
    return sorted(found, key=lambda p: (p.name.lower(), str(p)))


# --- internals ----------------------------------------------------------------------------


def _load(path: Path | None, subfont_index: int) -> tuple[str, TTFont]:
    chosen = Path(path) if path is not None else default_font_path()
    try:
        resolved = chosen.resolve()
        stat = resolved.stat()
    except OSError:
        raise FontError("report.font_missing", path=str(chosen)) from None
    if not resolved.is_file():
        raise FontError("report.font_missing", path=str(chosen))
    key = (str(resolved), subfont_index, stat.st_size, stat.st_mtime_ns)
    with _lock:
        cached = _registered.get(key)
        if cached is not None:
            return cached
        if outline_kind(resolved, subfont_index) != "truetype":
            raise FontError("report.font_not_truetype", path=str(chosen))
        if not allows_embedding(resolved, subfont_index):
            raise FontError("report.font_no_embedding", path=str(chosen))
        name = _font_name(resolved, subfont_index, key)
        font = _make_ttfont(name, resolved, subfont_index, chosen)
        if not _covers_chinese(font):
            raise FontError("report.font_no_chinese", path=str(chosen))
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics

        pdfmetrics.registerFont(font)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        _registered[key] = (name, font)
        return name, font


# Characters every report prints; a font without them would print empty boxes.
CHINESE_PROBE = "企业名称走访记录第页共档案认定问题诉求（）：，。〔〕年月日"


def _covers_chinese(font: TTFont) -> bool:
    return all(ord(char) in font.face.charToGlyph for char in CHINESE_PROBE)


def has_chinese(path: Path, subfont_index: int = 0) -> bool:
    """Whether the font at ``path`` has the Chinese characters reports print."""
    try:
        from reportlab.pdfbase.ttfonts import TTFontFace

        face = TTFontFace(str(path), subfontIndex=subfont_index)
    except Exception:  # a damaged or odd file: not offered
        return False
    return all(ord(char) in face.charToGlyph for char in CHINESE_PROBE)


def _make_ttfont(name: str, resolved: Path, subfont_index: int, shown: Path) -> TTFont:
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        return TTFont(name, str(resolved), subfontIndex=subfont_index)
    except TTFError as error:
        text = str(error)
        if "postscript outlines" in text:
            raise FontError("report.font_not_truetype", path=str(shown)) from error
        if "embedding" in text:
            raise FontError("report.font_no_embedding", path=str(shown)) from error
        raise FontError("report.font_unusable", path=str(shown), detail=text) from error
    except (OSError, ValueError, struct.error, IndexError) as error:
        raise FontError("report.font_unusable", path=str(shown), detail=str(error)) from error


def _font_name(resolved: Path, subfont_index: int, key: tuple[str, int, int, int]) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "", resolved.stem)[:24] or "font"
    digest = hashlib.sha1(repr(key).encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"FBD-{stem}-{subfont_index}-{digest}"


def _font_offset(handle: BinaryIO, subfont_index: int) -> int | None:
    """Offset of the sfnt of font ``subfont_index`` (0 for a plain .ttf)."""
    head = handle.read(12)
    if len(head) < 12:
        return None
    if head[:4] != b"ttcf":
        return 0 if subfont_index == 0 else None
    count = struct.unpack(">I", head[8:12])[0]
    if not 0 <= subfont_index < count:
        return None
    handle.seek(12 + 4 * subfont_index)
    return int(struct.unpack(">I", handle.read(4))[0])


def _table_directory(handle: BinaryIO, count: int) -> dict[bytes, int]:
    """Table tag → offset, read from just after the 12-byte sfnt header."""
    raw = handle.read(16 * min(count, 512))
    tables = {}
    for start in range(0, len(raw) - 15, 16):
        tag, _checksum, offset, _length = struct.unpack(">4sIII", raw[start : start + 16])
        tables[tag] = offset
    return tables


def _family_from_name_table(handle: BinaryIO, table: int) -> str:
    handle.seek(table)
    _format, count, storage = struct.unpack(">HHH", handle.read(6))
    records = handle.read(12 * min(count, 2048))
    best: tuple[int, str] | None = None
    ranks = {(3, 0x0804): 0, (3, 0x0404): 1, (3, 0x0C04): 1, (3, 0x0409): 2, (1, 0): 3}
    for start in range(0, len(records) - 11, 12):
        platform, encoding, language, name_id, length, offset = struct.unpack(
            ">HHHHHH", records[start : start + 12]
        )
        rank = ranks.get((platform, language if platform == 3 else encoding))
        if name_id != 1 or rank is None or (best is not None and best[0] <= rank):
            continue
        position = handle.tell()
        handle.seek(table + storage + offset)
        raw = handle.read(length)
        handle.seek(position)
        text = raw.decode("utf-16-be" if platform == 3 else "mac_roman").strip()
        if text:
            best = (rank, text)
    return best[1] if best else ""
