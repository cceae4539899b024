"""Big lists for the GUI: the ordered keys of every matching row, then rows by key.

A list model keeps the ordered keys (opaque strings, cheap to fetch even for
200,000 rows) and loads the rows it shows in chunks (Anki's id list and lazy
row cache). Sorting and filtering happen in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, type_coerce
from sqlalchemy.orm import Session

CHUNK = 500


@dataclass(frozen=True, slots=True)
class SortOrder:
    """Sort by the list column ``key`` (a name the service knows), ascending or not."""

    key: str = ""
    descending: bool = False


def key_column(id_column: Any) -> Any:
    """The id column as its stored text: no UUID objects for 200,000 keys."""
    return type_coerce(id_column, String)


def ordered_keys(
    session: Session,
    query: Select[Any],
    id_column: Any,
    sort_columns: dict[str, Any],
    default: SortOrder,
    order: SortOrder | None,
) -> list[str]:
    """The keys of ``query``'s rows in the asked order (id breaks ties)."""
    order = order if order is not None and order.key in sort_columns else default
    column = sort_columns[order.key]
    direction = column.desc() if order.descending else column.asc()
    tiebreak = id_column.desc() if order.descending else id_column.asc()
    statement = query.with_only_columns(key_column(id_column)).order_by(None)
    statement = statement.order_by(direction, tiebreak)
    return list(session.execute(statement).scalars())


def rows_by_key(
    session: Session, query: Select[Any], id_column: Any, keys: Sequence[str]
) -> list[Any]:
    """The result rows of ``query`` whose id is in ``keys`` (any order), in chunks."""
    found: list[Any] = []
    for start in range(0, len(keys), CHUNK):
        chunk = list(keys[start : start + CHUNK])
        found += session.execute(query.where(key_column(id_column).in_(chunk))).all()
    return found
