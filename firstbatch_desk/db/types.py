"""Portable column types: UTC timestamps and exact money.

Both work the same on SQLite and PostgreSQL (the office hub).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

MONEY_SCALE = Decimal("0.000001")  # 万元 to six places = 0.01 yuan
_MONEY_FACTOR = 1_000_000


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC ``datetime``; stored naive UTC where the database has no zones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC one is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Money(TypeDecorator[Decimal]):
    """An amount in 万元 as ``Decimal``, stored as an exact integer of 0.01 yuan.

    Integers are exact on every database, sum in SQL, and need no float.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        amount = Decimal(value).quantize(MONEY_SCALE, rounding=ROUND_HALF_UP)
        return int(amount * _MONEY_FACTOR)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / _MONEY_FACTOR).quantize(MONEY_SCALE)
