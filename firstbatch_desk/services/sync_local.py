"""The laptop's side of a sync: what it sends, and taking in what the hub sends.

The laptop remembers in ``app_meta`` which hub it belongs to, the bureau key,
its own change counter up to which the hub has its changes (``pushed``) and the
hub revision up to which it holds the hub's (``pulled``). Rows taken from the
hub unchanged get ``rev`` 0 here, so they are never sent back; a row that was
changed here meanwhile is merged and keeps a new ``rev``, so it goes up next time.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import AppMeta, ChangeCounter, VisitNote
from firstbatch_desk.db.models.sync import SyncBase, SyncConflict
from firstbatch_desk.db.session import CLOCK_META, next_rev
from firstbatch_desk.db.sync_codec import TableCodec, codecs, dumps, encode_value
from firstbatch_desk.domain.hlc import HybridClock
from firstbatch_desk.domain.sync_merge import FieldConflict
from firstbatch_desk.services import indexing
from firstbatch_desk.services.sync_hub import PushItem
from firstbatch_desk.services.sync_rows import conflict_rows, merge_versions, merged_row
from firstbatch_desk.services.sync_twins import Twin, find_twins, free_value

HUB_ID = "sync.hub_id"
KEY = "sync.key"
PUSHED = "sync.pushed_rev"
PULLED = "sync.pulled_rev"
CURSOR = "sync.pull_cursor"
LAST_SYNC = "sync.last_sync"


@dataclass(frozen=True, slots=True)
class LocalState:
    hub_id: str
    key: bytes | None
    pushed_rev: int
    pulled_rev: int
    cursor: dict[str, Any] | None
    last_sync: str

    @property
    def registered(self) -> bool:
        return bool(self.hub_id) and self.key is not None


def read_state(connection: Connection) -> LocalState:
    keys = [HUB_ID, KEY, PUSHED, PULLED, CURSOR, LAST_SYNC]
    meta = dict(
        connection.execute(select(AppMeta.key, AppMeta.value).where(AppMeta.key.in_(keys))).all()
    )
    cursor = meta.get(CURSOR)
    return LocalState(
        hub_id=meta.get(HUB_ID, ""),
        key=bytes.fromhex(meta[KEY]) if meta.get(KEY) else None,
        pushed_rev=int(meta.get(PUSHED) or 0),
        pulled_rev=int(meta.get(PULLED) or 0),
        cursor=json.loads(cursor) if cursor else None,
        last_sync=meta.get(LAST_SYNC, ""),
    )


def write_meta(connection: Connection, values: dict[str, str]) -> None:
    statement = sqlite_insert(AppMeta)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[AppMeta.key], set_={"value": statement.excluded.value}
        ),
        [{"key": key, "value": value} for key, value in values.items()],
    )


def remember_clock(connection: Connection, clock: HybridClock) -> None:
    write_meta(connection, {CLOCK_META: clock.last})


def local_counter(connection: Connection) -> int:
    value = connection.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar()
    return int(value or 0)


# --- sending ----------------------------------------------------------------------------


def outgoing(
    connection: Connection, codec: TableCodec, since: int, upto: int, limit: int = 2000
) -> Iterator[list[PushItem]]:
    """This table's rows changed here after ``since`` (up to ``upto``) with their bases."""
    table = codec.table
    after: uuid.UUID | None = None
    while True:
        statement = select(table).where(table.c.rev > since, table.c.rev <= upto)
        if after is not None:
            statement = statement.where(table.c.id > after)
        rows = [
            row._asdict() for row in connection.execute(statement.order_by(table.c.id).limit(limit))
        ]
        if not rows:
            return
        bases = bases_of(connection, codec, [row["id"] for row in rows])
        yield [PushItem(row, bases.get(row["id"])) for row in rows]
        after = rows[-1]["id"]


def bases_of(
    connection: Connection, codec: TableCodec, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    found = connection.execute(
        select(SyncBase.row_id, SyncBase.payload).where(
            SyncBase.table_name == codec.name, SyncBase.row_id.in_(ids)
        )
    )
    return {row_id: json.loads(payload) for row_id, payload in found}


def settle_push(connection: Connection, since: int, upto: int) -> None:
    """The hub has this laptop's changes up to ``upto``: unchanged rows need no base now."""
    for codec in codecs():
        table = codec.table
        connection.execute(
            delete(SyncBase).where(
                SyncBase.table_name == codec.name,
                SyncBase.row_id.in_(
                    select(table.c.id).where(table.c.rev > since, table.c.rev <= upto)
                ),
            )
        )
    write_meta(connection, {PUSHED: str(upto)})


# --- receiving --------------------------------------------------------------------------


@dataclass(slots=True)
class Received:
    rows: int = 0
    conflicts: int = 0


def apply_incoming(
    session: Session,
    codec: TableCodec,
    rows: Sequence[dict[str, Any]],
    *,
    pushed_rev: int,
    clock: HybridClock,
    installation: str,
    take_rev: Callable[[], int],
) -> Received:
    """Take the hub's versions of these rows; merge where this laptop changed them too."""
    received = Received(rows=len(rows))
    if not rows:
        return received
    connection = session.connection()
    table = codec.table
    ids = [row["id"] for row in rows]
    local = {
        row.id: row._asdict()
        for row in connection.execute(select(table).where(table.c.id.in_(ids)))
    }
    dirty = [ident for ident, row in local.items() if row["rev"] > pushed_rev]
    bases = bases_of(connection, codec, dirty) if dirty else {}
    writes: list[dict[str, Any]] = []
    new_bases: list[dict[str, Any]] = []
    settled: list[uuid.UUID] = []
    conflicts: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for theirs in rows:
        clock.observe(theirs.get("hlc"))
        mine = local.get(theirs["id"])
        if mine is None or mine["rev"] <= pushed_rev:
            writes.append({**theirs, "rev": 0})
            continue
        merged, _mine_text, theirs_text = merge_versions(codec, mine, theirs, bases.get(mine["id"]))
        conflicts += conflict_rows(
            codec.name,
            merged.conflicts,
            row_id=str(mine["id"]),
            installation=installation,
            hub_rev=int(theirs.get("rev") or 0),
            mine_by=str(mine.get("updated_by", "")),
            theirs_by=str(theirs.get("updated_by", "")),
            now=now,
        )
        if merged.same_as(theirs_text, codec.fields):
            writes.append({**theirs, "rev": 0})
            settled.append(mine["id"])
            continue
        writes.append(merged_row(codec, merged, mine, theirs, take_rev()))
        new_bases.append(
            {"table_name": codec.name, "row_id": mine["id"], "payload": dumps(theirs_text)}
        )
    twins = find_twins(connection, codec, writes)
    conflicts += _give_way(connection, codec, writes, twins, clock, installation, take_rev, now)
    upsert(connection, codec, _freeing_first(writes, twins))
    if settled:
        connection.execute(
            delete(SyncBase).where(SyncBase.table_name == codec.name, SyncBase.row_id.in_(settled))
        )
    if new_bases:
        statement = sqlite_insert(SyncBase)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[SyncBase.table_name, SyncBase.row_id],
                set_={"payload": statement.excluded.payload},
            ),
            new_bases,
        )
    if conflicts:
        received.conflicts = store_conflicts(connection, conflicts)
    reindex(session, codec, rows)
    return received


def _give_way(
    connection: Connection,
    codec: TableCodec,
    writes: list[dict[str, Any]],
    twins: list[Twin],
    clock: HybridClock,
    installation: str,
    take_rev: Callable[[], int],
    now: datetime,
) -> list[dict[str, Any]]:
    """Local records whose unique value an arriving hub record holds give way (sync_twins)."""
    table, conflicts = codec.table, []
    arriving = {row["id"] for row in writes}
    for twin in twins:
        if twin.existing_id in arriving:
            continue
        if twin.key.is_link:
            connection.execute(delete(table).where(table.c.id == twin.existing_id))
            connection.execute(
                delete(SyncBase).where(
                    SyncBase.table_name == codec.name, SyncBase.row_id == twin.existing_id
                )
            )
            continue
        name = twin.key.columns[0]
        original = writes[twin.incoming][name]
        claimed = {row[name] for row in writes}
        value = free_value(connection, table, name, original, installation[:4], claimed)
        connection.execute(
            update(table)
            .where(table.c.id == twin.existing_id)
            .values({name: value, "rev": take_rev(), "hlc": clock.now()})
        )
        conflicts += conflict_rows(
            codec.name,
            [FieldConflict(name, encode_value(original), encode_value(value), "theirs")],
            row_id=str(twin.existing_id),
            installation=installation,
            hub_rev=int(writes[twin.incoming].get("rev") or 0),
            mine_by="",
            theirs_by=str(writes[twin.incoming].get("updated_by", "")),
            now=now,
        )
    return conflicts


def _freeing_first(writes: list[dict[str, Any]], twins: list[Twin]) -> list[dict[str, Any]]:
    """Arriving rows that move off a unique value another arriving row takes go first."""
    arriving = {row["id"] for row in writes}
    movers = {twin.existing_id for twin in twins if twin.existing_id in arriving}
    if not movers:
        return writes
    return sorted(writes, key=lambda row: row["id"] not in movers)


def lazy_rev(connection: Connection) -> Callable[[], int]:
    """The local revision for rows merged in this transaction, taken on first use only."""
    taken: list[int] = []

    def take() -> int:
        if not taken:
            taken.append(next_rev(connection))
        return taken[0]

    return take


def upsert(connection: Connection, codec: TableCodec, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = codec.table
    statement = sqlite_insert(table)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={c.name: statement.excluded[c.name] for c in table.columns if c.name != "id"},
        ),
        rows,
    )


def store_conflicts(connection: Connection, rows: list[dict[str, Any]]) -> int:
    """Keep conflicts not kept already; return how many were new."""
    fingerprints = [row["fingerprint"] for row in rows]
    known = set(
        connection.execute(
            select(SyncConflict.fingerprint).where(SyncConflict.fingerprint.in_(fingerprints))
        ).scalars()
    )
    fresh = [row for row in rows if row["fingerprint"] not in known]
    if fresh:
        connection.execute(sqlite_insert(SyncConflict).on_conflict_do_nothing(), fresh)
    return len(fresh)


_REINDEX: dict[str, tuple[str, Callable[[Session, Sequence[uuid.UUID]], None]]] = {
    "enterprises": ("id", indexing.reindex_enterprises),
    "products": ("id", indexing.reindex_products),
    "recognitions": ("product_id", indexing.reindex_products),
    "cases": ("id", indexing.reindex_cases),
    "visits": ("id", indexing.reindex_visits),
    "visit_notes": ("visit_id", indexing.reindex_visits),
    "needs": ("id", indexing.reindex_needs),
}


def reindex(session: Session, codec: TableCodec, rows: Sequence[dict[str, Any]]) -> None:
    """Keep the search index in step with rows written behind the ORM's back."""
    entry = _REINDEX.get(codec.name)
    if entry is None:
        return
    column, function = entry
    ids = list({row[column] for row in rows if row.get(column) is not None})
    if codec.name == "visits" and ids:
        # A visit is found by its notes too: one whose notes have not arrived yet is
        # indexed when they do (every visit has notes), not twice.
        connection = session.connection()
        ids = [
            found
            for start in range(0, len(ids), 900)
            for found in connection.execute(
                select(VisitNote.visit_id).where(VisitNote.visit_id.in_(ids[start : start + 900]))
            ).scalars()
        ]
    for start in range(0, len(ids), 900):
        function(session, ids[start : start + 900])
