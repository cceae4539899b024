"""Human numbers for cases and needs: PREFIX-YEAR-SEQUENCE (GZ-2024-0007)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session


def next_number(session: Session, column: Any, prefix: str, year: int) -> str:
    """The next free number of the year, one above the highest in use (numerically)."""
    stem = f"{prefix}-{year}-"
    sequence = cast(func.substr(column, len(stem) + 1), Integer)
    highest = session.scalar(select(func.max(sequence)).where(column.like(stem + "%")))
    return f"{stem}{int(highest or 0) + 1:04d}"
