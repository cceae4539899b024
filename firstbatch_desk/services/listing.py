"""Big lists for the GUI: the ordered keys of every matching row, then rows by key.

A list model keeps the ordered keys (opaque strings, cheap to fetch even for
200,000 rows) and loads the rows it shows in chunks (Anki's id list and lazy
row cache). Sorting and filtering happen in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from sqlalchemy import Select, String, type_coerce
from sqlalchemy.orm import Session

CHUNK = 500
KEY_WIDTH = 32  # a UUID as stored: 32 hexadecimal digits


class KeyList(Sequence[str]):
    """Keys packed in one bytes object: 32 bytes a key instead of about 80 as ``str``.

    A list of 200,000 visits keeps 6 MB of keys rather than 16 MB, and finding
    a key's row is a search in C.
    """

    __slots__ = ("_blob",)

    def __init__(self, chunks: Iterable[Sequence[str]] = ()) -> None:
        self._blob = b"".join("".join(chunk).encode("ascii") for chunk in chunks)
        if len(self._blob) % KEY_WIDTH:
            raise ValueError("keys must be 32 hexadecimal digits")

    def __len__(self) -> int:
        return len(self._blob) // KEY_WIDTH

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start = index * KEY_WIDTH
        return self._blob[start : start + KEY_WIDTH].decode("ascii")

    def __iter__(self) -> Iterator[str]:
        for start in range(0, len(self._blob), KEY_WIDTH):
            yield self._blob[start : start + KEY_WIDTH].decode("ascii")

    def index(self, key: str, start: int = 0, stop: int | None = None) -> int:
        needle = key.encode("ascii")
        position = self._blob.find(needle)
        while position >= 0 and position % KEY_WIDTH:
            position = self._blob.find(needle, position + 1)
        if position < 0 or len(needle) != KEY_WIDTH:
            raise ValueError(key)
        return position // KEY_WIDTH

    def __contains__(self, key: object) -> bool:
        try:
            self.index(str(key))
        except ValueError:
            return False
        return True


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
    limit: int | None = None,
) -> KeyList:
    """The keys of ``query``'s rows in the asked order (id breaks ties), the first
    ``limit`` of them when given (the same prefix as the whole list)."""
    order = order if order is not None and order.key in sort_columns else default
    column = sort_columns[order.key]
    direction = column.desc() if order.descending else column.asc()
    tiebreak = id_column.desc() if order.descending else id_column.asc()
    statement = query.with_only_columns(key_column(id_column)).order_by(None)
    statement = statement.order_by(direction, tiebreak)
    if limit is not None:
        statement = statement.limit(limit)
    # Read the keys straight from the driver's cursor: building 200,000 result rows
    # costs more than the query itself.
    cursor = session.connection().execute(statement).cursor
    return KeyList(_key_chunks(cursor))


def _key_chunks(cursor: Any) -> Iterator[list[str]]:
    while True:
        rows = cursor.fetchmany(20_000)
        if not rows:
            cursor.close()
            return
        yield [row[0] for row in rows]


def rows_by_key(
    session: Session, query: Select[Any], id_column: Any, keys: Sequence[str]
) -> list[Any]:
    """The result rows of ``query`` whose id is in ``keys`` (any order), in chunks."""
    found: list[Any] = []
    for start in range(0, len(keys), CHUNK):
        chunk = list(keys[start : start + CHUNK])
        found += session.execute(query.where(key_column(id_column).in_(chunk))).all()
    return found
