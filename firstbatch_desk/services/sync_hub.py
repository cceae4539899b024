"""The office hub: a PostgreSQL database with the laptops' schema, and what is done there.

Every write to the hub happens under one advisory lock and takes the hub's next
change-counter value as its ``rev``, so revisions become visible in order and a
pull that reads in one snapshot misses nothing. The merge itself runs here, on
the laptop that syncs, inside the hub's transaction.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from firstbatch_desk.db.models import AppMeta, ChangeCounter
from firstbatch_desk.db.models.sync import SyncBlob, SyncConflict, SyncInstallation
from firstbatch_desk.db.reference_data import load_reference_data
from firstbatch_desk.db.session import next_rev
from firstbatch_desk.db.sync_codec import TableCodec, encode_value
from firstbatch_desk.domain.errors import SyncError
from firstbatch_desk.domain.sync_merge import FieldConflict
from firstbatch_desk.paths import resource_path
from firstbatch_desk.services.sync_rows import conflict_rows, merge_versions, merged_row
from firstbatch_desk.services.sync_twins import find_twins, free_value

HUB_LOCK = 0x46424453  # "FBDS": one writer at a time
HUB_ID = "hub.id"
HUB_KEY = "hub.key"


@dataclass(frozen=True, slots=True)
class HubFacts:
    hub_id: str
    key: bytes

    @property
    def key_id(self) -> str:
        return key_fingerprint(self.key)


@dataclass(frozen=True, slots=True)
class PushItem:
    """A changed row as the laptop has it, and its base (``None`` when new there)."""

    row: dict[str, Any]
    base: dict[str, Any] | None


def key_fingerprint(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


def shown_url(url: str) -> str:
    """The address without its password, fit for a message."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def hub_engine(url: str) -> Engine:
    """An engine for the hub at ``url`` (PostgreSQL through psycopg), not yet connected."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise SyncError("sync.bad_url", url=url) from exc
    if parsed.get_backend_name() != "postgresql":
        raise SyncError("sync.bad_url", url=shown_url(url))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(
            parsed,
            pool_pre_ping=True,
            # Times come back in UTC, as the laptops keep them (merges compare them as text).
            connect_args={"connect_timeout": 10, "options": "-c timezone=UTC"},
        )
    except (ArgumentError, NoSuchModuleError) as exc:
        raise SyncError("sync.bad_url", url=shown_url(url)) from exc


def _reason(exc: BaseException) -> str:
    """The driver's first line about what went wrong, short enough for a message."""
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]


def unreachable(exc: BaseException, url: str) -> SyncError:
    return SyncError("sync.unreachable", url=shown_url(url), reason=_reason(exc))


def interrupted(exc: BaseException) -> SyncError:
    return SyncError("sync.interrupted", reason=_reason(exc))


def init_hub(engine: Engine) -> tuple[HubFacts, bool]:
    """Create or upgrade the hub's schema and give it an id and a bureau key (once)."""
    from firstbatch_desk.db.migrate import upgrade

    upgrade(engine)
    with engine.begin() as connection:
        lock(connection)
        facts = _facts(connection)
        if facts is not None:
            return facts, False
        load_reference_data(connection, resource_path("reference"), origin="hub")
        values = {HUB_ID: uuid.uuid4().hex, HUB_KEY: secrets.token_hex(32)}
        connection.execute(
            pg_insert(AppMeta)
            .values([{"key": k, "value": v} for k, v in values.items()])
            .on_conflict_do_nothing()
        )
        return HubFacts(values[HUB_ID], bytes.fromhex(values[HUB_KEY])), True


def _facts(connection: Connection) -> HubFacts | None:
    try:
        rows = dict(
            connection.execute(
                select(AppMeta.key, AppMeta.value).where(AppMeta.key.in_([HUB_ID, HUB_KEY]))
            ).all()
        )
    except DBAPIError:
        return None
    if HUB_ID not in rows or HUB_KEY not in rows:
        return None
    return HubFacts(rows[HUB_ID], bytes.fromhex(rows[HUB_KEY]))


def read_facts(connection: Connection, url: str) -> HubFacts:
    if connection.in_transaction():
        with connection.begin_nested():
            facts = _facts(connection)
    else:
        facts = _facts(connection)
    if facts is None:
        raise SyncError("sync.hub_not_ready", url=shown_url(url))
    return facts


def lock(connection: Connection) -> None:
    """Take the hub's writer lock until the transaction ends."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": HUB_LOCK})


def current_rev(connection: Connection) -> int:
    value = connection.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar()
    return int(value or 0)


def begin_snapshot(connection: Connection) -> None:
    """Read everything that follows from one consistent snapshot of the hub."""
    connection.execution_options(isolation_level="REPEATABLE READ")


def take_rev(connection: Connection) -> int:
    lock(connection)
    return next_rev(connection)


# --- laptops ----------------------------------------------------------------------------


def register(connection: Connection, installation: str, officer: str) -> None:
    now = datetime.now(UTC)
    statement = pg_insert(SyncInstallation).values(
        installation=installation,
        officer=officer,
        registered_at=now,
        last_seen_at=now,
        pulled_rev=0,
        pushed_rev=0,
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[SyncInstallation.installation],
            set_={"officer": statement.excluded.officer, "last_seen_at": now},
        )
    )


def installation_row(connection: Connection, installation: str) -> dict[str, Any] | None:
    """What the hub knows of a laptop (``sync_installations``), or None."""
    row = connection.execute(
        select(SyncInstallation.__table__).where(SyncInstallation.installation == installation)
    ).first()
    return None if row is None else row._asdict()


def note_progress(
    connection: Connection,
    installation: str,
    *,
    pulled_rev: int | None = None,
    pushed_rev: int | None = None,
) -> None:
    """Remember how far a laptop has come (never backwards)."""
    values: dict[str, Any] = {"last_seen_at": datetime.now(UTC)}
    if pulled_rev is not None:
        values["pulled_rev"] = func.greatest(SyncInstallation.pulled_rev, pulled_rev)
    if pushed_rev is not None:
        values["pushed_rev"] = func.greatest(SyncInstallation.pushed_rev, pushed_rev)
    connection.execute(
        update(SyncInstallation)
        .where(SyncInstallation.installation == installation)
        .values(**values)
    )


# --- changes ----------------------------------------------------------------------------


def merge_push(
    connection: Connection,
    codec: TableCodec,
    items: Sequence[PushItem],
    *,
    rev: int,
    installation: str,
) -> int:
    """Merge a laptop's changed rows into the hub; return how many conflicts were kept."""
    if not items:
        return 0
    table = codec.table
    ids = [item.row["id"] for item in items]
    current = {
        row.id: row._asdict()
        for row in connection.execute(select(table).where(table.c.id.in_(ids)))
    }
    writes: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for item in items:
        theirs = current.get(item.row["id"])
        if theirs is None:
            writes.append({**item.row, "rev": rev})
            continue
        merged, mine_text, theirs_text = merge_versions(codec, item.row, theirs, item.base)
        unchanged = merged.same_as(theirs_text, codec.fields) and merged.stamp == theirs_text["hlc"]
        if not (unchanged and merged.same_as(mine_text, codec.fields)):
            # Written also when only the pusher's copy differs (it lost a field, or only its
            # stamps are newer): the new hub revision brings the merged row back to it.
            writes.append(merged_row(codec, merged, item.row, theirs, rev))
        conflicts += conflict_rows(
            codec.name,
            merged.conflicts,
            row_id=str(item.row["id"]),
            installation=installation,
            hub_rev=rev,
            mine_by=str(item.row.get("updated_by", "")),
            theirs_by=str(theirs.get("updated_by", "")),
            now=now,
        )
    writes = _settle_twins(connection, codec, writes, conflicts, installation=installation, rev=rev)
    if writes:
        statement = pg_insert(table)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[table.c.id],
                set_={c.name: statement.excluded[c.name] for c in table.columns if c.name != "id"},
            ),
            writes,
        )
    if conflicts:
        connection.execute(pg_insert(SyncConflict).on_conflict_do_nothing(), conflicts)
    return len(conflicts)


def _settle_twins(
    connection: Connection,
    codec: TableCodec,
    writes: list[dict[str, Any]],
    conflicts: list[dict[str, Any]],
    *,
    installation: str,
    rev: int,
) -> list[dict[str, Any]]:
    """Arriving rows whose unique value another hub record holds (see sync_twins)."""
    dropped: set[int] = set()
    for twin in find_twins(connection, codec, writes):
        row = writes[twin.incoming]
        if twin.key.is_link:
            dropped.add(twin.incoming)
            continue
        name = twin.key.columns[0]
        original = row[name]
        claimed = {other[name] for other in writes}
        row[name] = free_value(connection, codec.table, name, original, installation[:4], claimed)
        conflicts += conflict_rows(
            codec.name,
            [FieldConflict(name, encode_value(original), encode_value(row[name]), "theirs")],
            row_id=str(row["id"]),
            installation=installation,
            hub_rev=rev,
            mine_by=str(row.get("updated_by", "")),
            theirs_by="",
            now=datetime.now(UTC),
        )
    return [row for index, row in enumerate(writes) if index not in dropped]


def conflicts_for(
    connection: Connection, installation: str, *, since: int, until: int
) -> list[dict[str, Any]]:
    table = SyncConflict.__table__
    return [
        row._asdict()
        for row in connection.execute(
            select(table).where(
                table.c.installation == installation,
                table.c.hub_rev > since,
                table.c.hub_rev <= until,
            )
        )
    ]


# --- attachment bytes -------------------------------------------------------------------


def missing_blobs(connection: Connection, digests: Iterable[str]) -> set[str]:
    wanted = set(digests)
    if not wanted:
        return set()
    have = set(
        connection.execute(select(SyncBlob.sha256).where(SyncBlob.sha256.in_(wanted))).scalars()
    )
    return wanted - have


def put_blob(connection: Connection, digest: str, data: bytes) -> None:
    connection.execute(
        pg_insert(SyncBlob)
        .values(sha256=digest, size=len(data), data=data)
        .on_conflict_do_nothing()
    )


def read_blob(connection: Connection, digest: str) -> bytes | None:
    data = connection.execute(select(SyncBlob.data).where(SyncBlob.sha256 == digest)).scalar()
    return None if data is None else bytes(data)
