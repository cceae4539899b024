"""Time-ordered UUIDs (version 7), so keys made on different laptops never collide."""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> uuid.UUID:
    """A UUIDv7: 48-bit Unix milliseconds, then 74 random bits."""
    return id_at(time.time_ns() // 1_000_000, int.from_bytes(os.urandom(10), "big"))


def id_at(millis: int, rand: int) -> uuid.UUID:
    """A UUIDv7 from given milliseconds and 74 random bits (deterministic for demo data)."""
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return uuid.UUID(int=value)
