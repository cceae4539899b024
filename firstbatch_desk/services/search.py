"""Turning the search box text into a SQL condition on a list's id column."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, or_
from sqlalchemy.orm import Session

from firstbatch_desk.db import fts
from firstbatch_desk.domain.text_search import needs_like_fallback

SEARCH_LIMIT = 5000
LIKE_LIMIT = 2000


def search_condition(
    session: Session,
    entity: str,
    term: str,
    id_column: Any,
    like_columns: tuple[Any, ...],
) -> ColumnElement[bool] | None:
    """None when ``term`` is blank; else a condition matching the records found.

    Terms of two or more characters use the bigram index; a one-character
    Chinese term falls back to LIKE over ``like_columns`` (short columns only).
    """
    term = term.strip()
    if not term:
        return None
    if needs_like_fallback(term):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        return or_(*(column.like(pattern, escape="\\") for column in like_columns))
    ids = fts.search_ids(session.connection(), entity, term, limit=SEARCH_LIMIT)
    if not ids:
        return false()
    return id_column.in_(ids)
