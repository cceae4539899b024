"""Synced rows in transport form: JSON values, the same from SQLite and PostgreSQL.

Bundles carry rows in this form, merges compare it, and ``sync_base`` stores it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum as PyEnum
from functools import cache
from typing import Any

from sqlalchemy import Column, Date, Enum, Table, Uuid

from firstbatch_desk.db.models import SYNCED_MODELS
from firstbatch_desk.db.types import Money, UTCDateTime

# Columns that say who/when/where a version was written, not what it holds.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by", "origin", "rev", "hlc"})


def encode_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, PyEnum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot carry {type(value).__name__} in a sync change")


def _decoder(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class
    if isinstance(kind, Money):
        return Decimal
    return lambda value: value


@dataclass(frozen=True)
class TableCodec:
    table: Table
    columns: tuple[str, ...]
    fields: tuple[str, ...]  # what a merge compares: every column but the bookkeeping
    decoders: dict[str, Callable[[Any], Any]]

    @property
    def name(self) -> str:
        return self.table.name

    def encode(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return {name: encode_value(row[name]) for name in self.columns if name in row}

    def decode(self, data: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.columns:
            if name not in data:
                continue
            value = data[name]
            out[name] = None if value is None else self.decoders[name](value)
        return out


@cache
def codecs() -> tuple[TableCodec, ...]:
    """One codec per synced table, parents before children (foreign keys hold)."""
    out = []
    for model in SYNCED_MODELS:
        table: Table = model.__table__  # type: ignore[assignment]
        names = tuple(column.name for column in table.columns)
        out.append(
            TableCodec(
                table,
                names,
                tuple(name for name in names if name not in BOOKKEEPING),
                {column.name: _decoder(column) for column in table.columns},
            )
        )
    return tuple(out)


@cache
def codec_for(table_name: str) -> TableCodec:
    for codec in codecs():
        if codec.name == table_name:
            return codec
    raise KeyError(table_name)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
