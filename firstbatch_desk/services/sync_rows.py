"""What the hub and a laptop share when they merge rows: the merge and its records."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from firstbatch_desk.db.sync_codec import TableCodec, dumps
from firstbatch_desk.domain.sync_merge import MergedRow, merge_row

# Columns a merged row takes from whichever side wrote last.
WRITER_COLUMNS = ("updated_at", "updated_by", "origin")


def merge_versions(
    codec: TableCodec,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    base: Mapping[str, Any] | None,
) -> tuple[MergedRow, dict[str, Any], dict[str, Any]]:
    """The three-way merge of two versions of a row, with both in transport form."""
    mine_text, theirs_text = codec.encode(mine), codec.encode(theirs)
    merged = merge_row(
        mine_text,
        theirs_text,
        base,
        codec.fields,
        mine_stamp=mine_text.get("hlc", ""),
        theirs_stamp=theirs_text.get("hlc", ""),
    )
    return merged, mine_text, theirs_text


def merged_row(
    codec: TableCodec,
    merged: MergedRow,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    rev: int,
) -> dict[str, Any]:
    """The row to write: the merged values, the later stamp, the last writer's name."""
    writer = mine if merged.newer == "mine" else theirs
    row = {**theirs, **codec.decode(merged.values), "hlc": merged.stamp, "rev": rev}
    row.update({name: writer[name] for name in WRITER_COLUMNS})
    return row


def conflict_rows(
    table_name: str,
    conflicts: Iterable[Any],
    *,
    row_id: str,
    installation: str,
    hub_rev: int,
    mine_by: str,
    theirs_by: str,
    now: datetime,
) -> list[dict[str, Any]]:
    """Rows of ``sync_conflicts``; the fingerprint makes the same conflict one row."""
    out = []
    for conflict in conflicts:
        mine, theirs = dumps(conflict.mine), dumps(conflict.theirs)
        fingerprint = hashlib.sha256(
            "\x1f".join((installation, table_name, row_id, conflict.field, mine, theirs)).encode()
        ).hexdigest()
        out.append(
            {
                "id": uuid.uuid4(),
                "fingerprint": fingerprint,
                "installation": installation,
                "hub_rev": hub_rev,
                "table_name": table_name,
                "row_id": row_id,
                "field": conflict.field,
                "mine": mine,
                "theirs": theirs,
                "winner": conflict.winner,
                "mine_by": mine_by[:100],
                "theirs_by": theirs_by[:100],
                "detected_at": now,
                "resolved_at": None,
                "resolution": "",
            }
        )
    return out


def count_changes(connection: Connection, codec: TableCodec, since: int, until: int) -> int:
    table = codec.table
    return int(
        connection.execute(
            select(func.count()).select_from(table).where(table.c.rev > since, table.c.rev <= until)
        ).scalar()
        or 0
    )
