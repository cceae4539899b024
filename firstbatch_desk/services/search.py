"""Turning the search box text into a SQL condition on a list's table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, literal_column, or_
from sqlalchemy.orm import Session

from firstbatch_desk.db import fts
from firstbatch_desk.domain.text_search import (
    fts_match_expression,
    needs_like_fallback,
    plain_term,
)


def search_condition(
    session: Session,
    entity: str,
    term: str,
    like_columns: tuple[Any, ...],
) -> ColumnElement[bool] | None:
    """None when ``term`` is blank; else a condition matching the records found.

    Terms of two or more characters use the bigram index (all in SQL, no
    limit on how many match); a one-character Chinese term, or a database
    without the index, falls back to LIKE over ``like_columns`` (short columns).
    """
    term = plain_term(term).strip()
    if not term:
        return None
    expression = fts_match_expression(term)
    if needs_like_fallback(term) or not fts.has_fts(session.connection()):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        return or_(*(column.like(pattern, escape="\\") for column in like_columns))
    if expression is None:
        return false()
    # The entity's own table must be in the query (it is, in every list that searches).
    # The unary "+" keeps SQLite walking the list's sort index and testing each row
    # against the matches, so the first page comes at once however many rows match,
    # instead of fetching every match by rowid and sorting them all.
    table = fts.ENTITY_TABLES[entity]
    return literal_column(f"+{table}.rowid").in_(fts.matching_rowids(entity, expression))
