"""File names for reports written in bulk: safe names from outside text."""

from __future__ import annotations

import re

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
)
STEM_LIMIT = 80


def safe_file_stem(text: str, fallback: str) -> str:
    """A file name stem from outside text: ``[A-Za-z0-9_-]`` only, never a device name.

    ``GZ-2024-0001`` stays as it is; ``../../etc`` becomes ``etc``; text with
    nothing usable left (``浙江某公司``, ``..``, ``NUL``) gives ``fallback``.
    """
    stem = _UNSAFE_NAME.sub("_", text).strip("_-")[:STEM_LIMIT]
    if not stem or stem.upper() in _WINDOWS_RESERVED:
        return fallback
    return stem


def unique_stem(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` … if already used (ignoring case, as Windows does)."""
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate
