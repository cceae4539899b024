"""Rows from the hub into this laptop's file, fast: driver rows converted once, no ORM.

A first pull carries every record of the bureau (1.6 million rows for 200,000
visits), so rows that need no merge skip SQLAlchemy's per-value processing: the
hub's rows are streamed from a server-side cursor and written with one prepared
``INSERT … ON CONFLICT`` in the form SQLAlchemy itself stores on SQLite (UUIDs
as 32 hex digits, UTC times as ``YYYY-MM-DD HH:MM:SS.ffffff``, dates in ISO form,
booleans as 0/1). Rows this laptop changed too go through the merge instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Uuid

from firstbatch_desk.db.sync_codec import TableCodec, codec_for
from firstbatch_desk.db.types import UTCDateTime

Converter = Callable[[Any], Any]


def _uuid(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def _datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    value = value.astimezone(UTC)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _boolean(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _converter(kind: Any) -> Converter | None:
    if isinstance(kind, Uuid):
        return _uuid
    if isinstance(kind, UTCDateTime):
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return _boolean
    return None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Transfer:
    codec: TableCodec
    names: tuple[str, ...]
    id_index: int
    rev_index: int
    converters: tuple[Converter | None, ...]
    insert_sql: str
    select_sql: str

    def index_of(self, name: str) -> int:
        return self.names.index(name)

    def as_dicts(self, rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
        return [dict(zip(self.names, row, strict=True)) for row in rows]

    def sqlite_rows(self, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """The rows as SQLite stores them, taken from the hub unchanged (``rev`` 0)."""
        out = []
        converters, rev = self.converters, self.rev_index
        for row in rows:
            values = [v if c is None else c(v) for c, v in zip(converters, row, strict=True)]
            values[rev] = 0
            out.append(tuple(values))
        return out


def transfer_for(codec: TableCodec) -> Transfer:
    return _transfer(codec.name)


@cache
def _transfer(table_name: str) -> Transfer:
    codec = codec_for(table_name)
    names = tuple(column.name for column in codec.table.columns)
    table = _quoted(codec.name)
    columns = ", ".join(_quoted(name) for name in names)
    updates = ", ".join(f"{_quoted(n)} = excluded.{_quoted(n)}" for n in names if n != "id")
    insert_sql = (
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in names)}) "
        f'ON CONFLICT ("id") DO UPDATE SET {updates}'
    )
    select_sql = (
        f"SELECT {columns} FROM {table} "
        "WHERE rev > %(since)s AND rev <= %(until)s AND (rev, id) > (%(after_rev)s, %(after_id)s) "
        "ORDER BY rev, id"
    )
    return Transfer(
        codec,
        names,
        names.index("id"),
        names.index("rev"),
        tuple(_converter(column.type) for column in codec.table.columns),
        insert_sql,
        select_sql,
    )


def stream_hub_rows(
    hub: Connection,
    transfer: Transfer,
    *,
    since: int,
    until: int,
    after: tuple[int, uuid.UUID] | None,
    chunk: int,
) -> Iterator[Sequence[Sequence[Any]]]:
    """The hub's rows of one table changed in (since, until], in (rev, id) order, by chunks."""
    after_rev, after_id = after if after is not None else (since, uuid.UUID(int=0))
    result = hub.execution_options(stream_results=True, max_row_buffer=chunk).exec_driver_sql(
        transfer.select_sql,
        {"since": since, "until": until, "after_rev": after_rev, "after_id": after_id},
    )
    try:
        yield from result.partitions(chunk)
    finally:
        result.close()


def write_clean(connection: Connection, transfer: Transfer, rows: Sequence[Sequence[Any]]) -> None:
    if rows:
        connection.exec_driver_sql(transfer.insert_sql, transfer.sqlite_rows(rows))
