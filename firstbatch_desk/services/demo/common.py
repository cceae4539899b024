"""What every part of the demo generator shares: time, ids, sync stamps, names."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from firstbatch_desk.db.ids import id_at

T = TypeVar("T")

CHINA_OFFSET = timedelta(hours=8)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


def local_time(day: date, minutes: int) -> datetime:
    """The aware UTC time ``minutes`` after midnight of ``day`` in China (UTC+8)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + (
        timedelta(minutes=minutes) - CHINA_OFFSET
    )


def local_date(moment: datetime) -> date:
    """The calendar day in China of an aware UTC time."""
    return (moment + CHINA_OFFSET).date()


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class Stamper:
    """Deterministic UUIDv7 ids and the sync columns of every generated row."""

    def __init__(self, rng: random.Random, *, origin: str, rev: int, updated_by: str) -> None:
        self._bits = rng.getrandbits
        self._origin = origin[:32]
        self._rev = rev
        self._by = updated_by

    def new_id(self, at: datetime) -> uuid.UUID:
        return id_at((at - _EPOCH) // _MILLISECOND, self._bits(74))

    def row(
        self, at: datetime, updated: datetime | None = None, /, **fields: Any
    ) -> dict[str, Any]:
        """A row dict with a new id made at ``at`` and the sync columns filled."""
        fields["id"] = self.new_id(at)
        self.stamp(fields, at, updated)
        return fields

    def stamp(self, fields: dict[str, Any], at: datetime, updated: datetime | None = None) -> None:
        fields["created_at"] = at
        fields["updated_at"] = updated or at
        fields["updated_by"] = self._by
        fields["origin"] = self._origin
        fields["rev"] = self._rev
        fields["deleted_at"] = None


class Picker:
    """Weighted choices over a fixed list, with cumulative weights computed once."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if len(items) != len(weights) or not items:
            raise ValueError("a picker needs as many weights as items, at least one")
        self.items = list(items)
        self._cum: list[float] = []
        total = 0.0
        for weight in weights:
            total += weight
            self._cum.append(total)

    def pick(self, rng: random.Random) -> Any:
        return rng.choices(self.items, cum_weights=self._cum)[0]

    def many(self, rng: random.Random, k: int) -> list[Any]:
        return rng.choices(self.items, cum_weights=self._cum, k=k)


def person_name(rng: random.Random, surnames: Sequence[str], given: Sequence[str]) -> str:
    """A Chinese name: a surname and one or (mostly) two given characters."""
    name = rng.choice(surnames) + rng.choice(given)
    if rng.random() < 0.7:
        name += rng.choice(given)
    return name


def mobile_number(rng: random.Random, prefixes: Sequence[str]) -> str:
    return f"{rng.choice(prefixes)}{rng.randrange(10**8):08d}"
