"""Human numbers for cases and needs: PREFIX-YEAR-SEQUENCE (GZ-2024-0007)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def next_number(session: Session, column: Any, prefix: str, year: int) -> str:
    """The next free number of the year; sequences grow from the highest in use."""
    stem = f"{prefix}-{year}-"
    highest = session.scalar(select(func.max(column)).where(column.like(stem + "%")))
    sequence = 1
    if highest:
        tail = str(highest)[len(stem) :]
        digits = "".join(ch for ch in tail if ch.isdigit())
        sequence = int(digits) + 1 if digits else 1
    return f"{stem}{sequence:04d}"
