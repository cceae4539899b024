"""Twins: two different records that claim the same unique value on two sides.

Two laptops offline both number their next need ``XQ-2026-0005``, or both add
the same case to the same visit. When such a row arrives where the value is
taken by another record:

* a link (a key that includes a reference: a visit's case, a need's department)
  is the same fact twice: the one already there stands, the arriving one is
  dropped (on the hub) or the local copy gives way (on a laptop);
* a number or name gets the next free value (numbers) or a mark of the computer
  (names); a credit code that another enterprise already holds is left empty.
  Either way the change is kept as a conflict, so the officer sees it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, String, Table, UniqueConstraint, select, tuple_

from firstbatch_desk.db.sync_codec import TableCodec

_NUMBERED = re.compile(r"^(?P<stem>.*-\d{4}-)(?P<seq>\d+)$")


@dataclass(frozen=True, slots=True)
class UniqueKey:
    columns: tuple[str, ...]
    is_link: bool  # the key includes a reference to another record


@dataclass(frozen=True, slots=True)
class Twin:
    key: UniqueKey
    incoming: int  # index in the arriving rows
    existing_id: uuid.UUID


@cache
def unique_keys(table: Table) -> tuple[UniqueKey, ...]:
    keys = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            columns = tuple(column.name for column in constraint.columns)
            is_link = any(column.foreign_keys for column in constraint.columns)
            keys.append(UniqueKey(columns, is_link))
    return tuple(keys)


def find_twins(
    connection: Connection, codec: TableCodec, rows: Sequence[dict[str, Any]]
) -> list[Twin]:
    """Arriving rows whose unique value another record holds here."""
    table = codec.table
    twins: list[Twin] = []
    for key in unique_keys(table):
        wanted: dict[tuple[Any, ...], int] = {}
        for index, row in enumerate(rows):
            value = tuple(row.get(name) for name in key.columns)
            if all(part is not None for part in value):
                wanted[value] = index
        if not wanted:
            continue
        columns = [table.c[name] for name in key.columns]
        values = list(wanted)
        for start in range(0, len(values), 400):
            part = values[start : start + 400]
            condition = (
                columns[0].in_([v[0] for v in part])
                if len(columns) == 1
                else tuple_(*columns).in_(part)
            )
            for found in connection.execute(select(table.c.id, *columns).where(condition)):
                index = wanted[tuple(found[1:])]
                if found[0] != rows[index]["id"]:
                    twins.append(Twin(key, index, found[0]))
    return twins


def free_value(
    connection: Connection,
    table: Table,
    column_name: str,
    value: Any,
    mark: str,
    claimed: set[Any] | frozenset[Any] = frozenset(),
) -> Any:
    """A value for ``column_name`` that no record holds and nothing arriving claims.

    The next number for a numbered value (XQ-2026-0005 → the next free of 2026), empty
    where the column may be, else the value marked with the computer's mark.
    """
    column = table.c[column_name]
    if column.nullable:
        return None

    def taken(candidate: Any) -> bool:
        if candidate in claimed:
            return True
        found = connection.execute(select(table.c.id).where(column == candidate).limit(1))
        return found.first() is not None

    numbered = _NUMBERED.match(str(value))
    if numbered:
        stem, highest = numbered["stem"], 0
        existing = connection.execute(select(column).where(column.like(f"{stem}%"))).scalars()
        for other in [*existing, *claimed]:
            match = _NUMBERED.match(str(other))
            if match and match["stem"] == stem:
                highest = max(highest, int(match["seq"]))
        return f"{stem}{highest + 1:0{len(numbered['seq'])}d}"
    length = column.type.length if isinstance(column.type, String) else None
    for attempt in range(1, 100):
        suffix = f"（{mark}）" if attempt == 1 else f"（{mark}{attempt}）"
        candidate = str(value)[: (length - len(suffix)) if length else None] + suffix
        if not taken(candidate):
            return candidate
    return uuid.uuid4().hex[: length or 32]
