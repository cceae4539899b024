"""Giving memory back to the system after big transient lists (Linux, glibc only).

A 200,000-row key list is fetched, replaced and freed again and again. glibc
raises its mmap threshold as blocks are freed, so later big blocks come from
the heap and freeing them keeps the memory in the process. Elsewhere (Windows,
macOS, musl) these functions do nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

_M_MMAP_THRESHOLD = -3  # mallopt() parameter number in glibc's malloc.h
_THRESHOLD = 128 * 1024


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt  # noqa: B018 - glibc has it; musl's libc.so.6 does not exist
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


def keep_memory_returnable() -> None:
    """Serve blocks over 128 KiB from mmap, so that freeing them returns the memory."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD)


def trim_free_memory() -> None:
    """Hand freed heap memory back to the system (after a big list was replaced)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
