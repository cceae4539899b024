"""Three-way merge of one record changed on two sides since they last agreed.

``mine`` and ``theirs`` are the two current versions, ``base`` the version both
came from (``None`` when the record was made on both sides independently, as the
fixed reference rows are). Values are compared in their transport form (JSON
values), so the rule is the same on the hub and on a laptop:

* a field changed on one side only takes that side's value;
* a field changed on both sides to the same value is no conflict;
* a field changed on both sides to different values goes to the newer stamp
  (hybrid logical clock), and the other value is kept as a conflict for the
  officer to settle: nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Side = Literal["mine", "theirs"]


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    mine: Any
    theirs: Any
    winner: Side


@dataclass(frozen=True, slots=True)
class MergedRow:
    values: dict[str, Any]
    stamp: str
    newer: Side
    conflicts: tuple[FieldConflict, ...]

    def same_as(self, version: Mapping[str, Any], fields: Sequence[str]) -> bool:
        return all(self.values[name] == version.get(name) for name in fields)


def newer_side(mine_stamp: str, theirs_stamp: str) -> Side:
    """Which side's stamp is later; a tie goes to the hub's (theirs) for determinism."""
    return "mine" if (mine_stamp or "") > (theirs_stamp or "") else "theirs"


def merge_row(
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    base: Mapping[str, Any] | None,
    fields: Sequence[str],
    *,
    mine_stamp: str,
    theirs_stamp: str,
) -> MergedRow:
    """Merge ``mine`` into ``theirs`` field by field (see the module's rules)."""
    newer = newer_side(mine_stamp, theirs_stamp)
    values: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in fields:
        mine_value, theirs_value = mine.get(name), theirs.get(name)
        if mine_value == theirs_value:
            values[name] = mine_value
        elif base is not None and mine_value == base.get(name):
            values[name] = theirs_value
        elif base is not None and theirs_value == base.get(name):
            values[name] = mine_value
        else:
            values[name] = mine_value if newer == "mine" else theirs_value
            conflicts.append(FieldConflict(name, mine_value, theirs_value, newer))
    stamp = max(mine_stamp or "", theirs_stamp or "")
    return MergedRow(values, stamp, newer, tuple(conflicts))
