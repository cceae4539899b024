"""Syncing this laptop with the office hub: over the network, or by signed bundle file.

A sync pushes first (this laptop's rows changed since the last push, merged into
the hub in one transaction: all or nothing), then pulls (the hub's rows changed
since the last pull, read from one snapshot and taken in chunks, each chunk
committed with a cursor, so a sync cut off goes on where it stopped).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from firstbatch_desk.db.engine import CACHE_KIB
from firstbatch_desk.db.migrate import current_revision, head_revision, known_revisions
from firstbatch_desk.db.models.sync import SyncConflict
from firstbatch_desk.db.sync_codec import TableCodec, codec_for, codecs, dumps
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.sync import ConflictView, SyncReport, SyncStatus
from firstbatch_desk.domain.errors import NotFoundError, SyncError, ValidationError
from firstbatch_desk.services.attachment_store import AttachmentStore
from firstbatch_desk.services.sync_bundles import SyncBundles
from firstbatch_desk.services.sync_hub import (
    HubFacts,
    conflicts_for,
    current_rev,
    hub_engine,
    init_hub,
    interrupted,
    merge_push,
    missing_blobs,
    note_progress,
    put_blob,
    read_blob,
    read_facts,
    register,
    take_rev,
    unreachable,
)
from firstbatch_desk.services.sync_labels import record_label
from firstbatch_desk.services.sync_local import (
    CURSOR,
    HUB_ID,
    KEY,
    LAST_SYNC,
    PULLED,
    LocalState,
    apply_incoming,
    lazy_rev,
    local_counter,
    outgoing,
    read_state,
    reindex,
    remember_clock,
    settle_push,
    store_conflicts,
    write_meta,
)
from firstbatch_desk.services.sync_rows import count_changes
from firstbatch_desk.services.sync_transfer import (
    Transfer,
    stream_hub_rows,
    transfer_for,
    write_clean,
)
from firstbatch_desk.services.sync_twins import find_twins, unique_keys

SETTLE_PERMISSION = {
    "divisions": Permission.MANAGE_REFERENCE,
    "zones": Permission.MANAGE_REFERENCE,
    "need_categories": Permission.MANAGE_REFERENCE,
    "departments": Permission.MANAGE_REFERENCE,
    "officers": Permission.MANAGE_REFERENCE,
    "accounts": Permission.MANAGE_ACCOUNTS,
    "cases": Permission.EDIT_CASE,
    "visits": Permission.EDIT_VISIT,
    "visit_notes": Permission.EDIT_VISIT,
    "visit_cases": Permission.EDIT_VISIT,
    "visit_officers": Permission.EDIT_VISIT,
    "visit_attendees": Permission.EDIT_VISIT,
    "attachments": Permission.EDIT_VISIT,
    "needs": Permission.EDIT_NEED,
    "need_supports": Permission.EDIT_NEED,
    "need_transitions": Permission.EDIT_NEED,
}  # the rest (enterprises, contacts, products, recognitions): EDIT_REGISTER
Progress = Callable[[str, int, int], None]  # phase ("push"/"pull"), done, total
PULL_CHUNK = 5000
# A pull writes hundreds of thousands of rows into many indexes: a page cache of 64 MB
# while it runs (the connection's usual 512 KB is put back after).
PULL_CACHE = -65536  # KiB


def _quiet(_phase: str, _done: int, _total: int) -> None:
    return None


class SyncService(SyncBundles):
    # --- the hub --------------------------------------------------------------------------

    def init_hub(self, url: str) -> tuple[HubFacts, bool]:
        """Prepare the PostgreSQL database at ``url`` as the hub (idempotent)."""
        engine = hub_engine(url)
        try:
            return init_hub(engine)
        except (OperationalError, DBAPIError) as exc:
            raise unreachable(exc, url) from exc
        finally:
            engine.dispose()

    def write_key_file(self, url: str, path: Path) -> HubFacts:
        """Write the hub's id and bureau key for laptops that never reach the network."""
        with self._hub(url) as engine, engine.connect() as hub:
            facts = read_facts(hub, url)
        content = {"hub_id": facts.hub_id, "key": facts.key.hex()}
        try:
            Path(path).write_text(json.dumps(content), encoding="utf-8")
        except OSError as exc:
            raise SyncError(
                "sync.bad_key_file", name=str(path), reason=exc.strerror or exc
            ) from exc
        return facts

    def register_with_key_file(self, path: Path) -> str:
        """Register this laptop with the hub named in a key file; return the hub's id."""
        try:
            content = json.loads(Path(path).read_text(encoding="utf-8"))
            facts = HubFacts(str(content["hub_id"]), bytes.fromhex(content["key"]))
        except OSError as exc:
            raise SyncError("sync.bad_key_file", name=str(path), reason=exc.strerror) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise SyncError("sync.bad_key_file", name=str(path), reason="格式不对") from exc
        with self._write() as session:
            self._adopt(session.connection(), facts)
        return facts.hub_id

    # --- status and conflicts -------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self._read() as session:
            connection = session.connection()
            state = read_state(connection)
            upto = local_counter(connection)
            pending = sum(
                count_changes(connection, codec, state.pushed_rev, upto) for codec in codecs()
            )
            open_conflicts = self._count(
                session, select(SyncConflict.id).where(SyncConflict.resolved_at.is_(None))
            )
        return SyncStatus(state.registered, state.hub_id, state.last_sync, pending, open_conflicts)

    def state(self) -> LocalState:
        """How far this laptop has come with its hub (what ``app_meta`` remembers)."""
        with self._read() as session:
            return read_state(session.connection())

    def conflicts(self, *, include_settled: bool = False) -> list[ConflictView]:
        with self._read() as session:
            statement = select(SyncConflict).order_by(SyncConflict.detected_at.desc())
            if not include_settled:
                statement = statement.where(SyncConflict.resolved_at.is_(None))
            return [self._view(session, row) for row in session.scalars(statement)]

    def resolve(self, conflict_id: uuid.UUID, side: str) -> ConflictView:
        """Settle a conflict: keep ``"mine"`` or take ``"theirs"`` for that field."""
        if side not in ("mine", "theirs"):
            raise ValidationError("sync.conflict_missing")
        with self._write() as session:
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None or conflict.resolved_at is not None:
                raise NotFoundError("sync.conflict_missing")
            # Settling is an edit of that record: the role must allow editing it. A
            # conflict on this laptop comes from an edit made here, so an officer's own.
            self._require(
                SETTLE_PERMISSION.get(conflict.table_name, Permission.EDIT_REGISTER),
                owner_officer_id=self._actor.officer_id,
            )
            codec = codec_for(conflict.table_name)
            record = self._record(session, codec, conflict.row_id)
            if record is not None:
                chosen = json.loads(conflict.mine if side == "mine" else conflict.theirs)
                decoded = codec.decode({conflict.field: chosen}).get(conflict.field)
                if getattr(record, conflict.field) != decoded:
                    setattr(record, conflict.field, decoded)
            conflict.resolved_at = self._now()
            conflict.resolution = side
            session.flush()
            return self._view(session, conflict)

    # --- sync over the network ------------------------------------------------------------

    def sync(self, url: str, progress: Progress | None = None) -> SyncReport:
        """Push this laptop's changes to the hub at ``url``, then pull the hub's."""
        progress = progress or _quiet
        with self._hub(url) as engine:
            try:
                with engine.connect() as hub:
                    facts = read_facts(hub, url)
                self._check_schema(engine, url)
                with self._write() as session:
                    self._adopt(session.connection(), facts)
                    state = read_state(session.connection())
                pushed = self._push(engine, state, progress)
                pulled, files, found = self._pull(engine, progress)
            except (OperationalError, DBAPIError) as exc:
                raise interrupted(exc) from exc
        # Conflicts found at the hub reach this laptop with the pull: counted once there.
        return SyncReport(pushed, pulled, files, found)

    def _check_schema(self, engine: Engine, url: str) -> None:
        revision = current_revision(engine)
        if revision is not None and revision not in known_revisions():
            raise SyncError("sync.hub_newer")
        if revision != head_revision():
            raise SyncError("sync.hub_not_ready", url=url)

    def _adopt(self, connection: Connection, facts: HubFacts) -> None:
        state = read_state(connection)
        if state.hub_id and state.hub_id != facts.hub_id:
            raise SyncError("sync.other_hub", registered=state.hub_id, hub=facts.hub_id)
        if not state.registered:
            write_meta(connection, {HUB_ID: facts.hub_id, KEY: facts.key.hex()})

    def _push(self, engine: Engine, state: LocalState, progress: Progress) -> int:
        since, done = state.pushed_rev, 0
        with self._read() as session:
            local = session.connection()
            upto = local_counter(local)
            total = sum(count_changes(local, codec, since, upto) for codec in codecs())
            progress("push", 0, total)
            store = self._store()
            try:
                with engine.begin() as hub:
                    rev = take_rev(hub)
                    register(hub, self._installation, self._actor.name)
                    for codec in codecs():
                        for items in outgoing(local, codec, since, upto):
                            merge_push(hub, codec, items, rev=rev, installation=self._installation)
                            if codec.name == "attachments":
                                self._send_files(hub, store, (i.row["sha256"] for i in items))
                            done += len(items)
                            progress("push", done, total)
                    note_progress(hub, self._installation, pushed_rev=upto)
            except (OperationalError, DBAPIError) as exc:  # the hub's, not this file's
                raise interrupted(exc) from exc
        with self._write() as session:
            settle_push(session.connection(), since, upto)
        return done

    def _send_files(self, hub: Connection, store: AttachmentStore, digests: Iterable[str]) -> int:
        sent = 0
        for digest in sorted(missing_blobs(hub, digests)):
            path = store.path_of(digest)
            if path is not None:
                put_blob(hub, digest, path.read_bytes())
                sent += 1
        return sent

    def _pull(self, engine: Engine, progress: Progress) -> tuple[int, int, int]:
        with self._read() as session:
            state = read_state(session.connection())
        since, done, files, found = state.pulled_rev, 0, 0, 0
        with engine.connect() as hub:
            hub = hub.execution_options(isolation_level="REPEATABLE READ")
            with hub.begin():
                until = current_rev(hub)
                cursor = state.cursor
                if not cursor or cursor.get("since") != since or cursor.get("until") != until:
                    cursor = None  # the hub moved on: start this pull afresh (it is idempotent)
                total = sum(count_changes(hub, codec, since, until) for codec in codecs())
                progress("pull", 0, total)
                for index, codec in enumerate(codecs()):
                    if cursor is not None and index < cursor["table"]:
                        continue
                    after = None
                    if cursor is not None and index == cursor["table"]:
                        after = (int(cursor["rev"]), uuid.UUID(cursor["id"]))
                    transfer = transfer_for(codec)
                    fresh = self._empty(codec)
                    digests: set[str] = set()
                    for rows in stream_hub_rows(
                        hub, transfer, since=since, until=until, after=after, chunk=PULL_CHUNK
                    ):
                        found += self._take(
                            transfer, rows, fresh, (since, until, index), state.pushed_rev
                        )
                        if codec.name == "attachments":
                            digests |= _live_digests(transfer, rows)
                        done += len(rows)
                        progress("pull", done, total)
                    files += self._fetch_files(hub, digests)
                hub_conflicts = conflicts_for(hub, self._installation, since=since, until=until)
        with self._write() as session:
            connection = session.connection()
            found += store_conflicts(connection, hub_conflicts) if hub_conflicts else 0
            write_meta(
                connection,
                {PULLED: str(until), CURSOR: "", LAST_SYNC: self._now().isoformat()},
            )
            remember_clock(connection, self._clock(session))
        with engine.begin() as hub:
            note_progress(hub, self._installation, pulled_rev=until)
        return done, files, found

    def _empty(self, codec: TableCodec) -> bool:
        with self._read() as session:
            table = codec.table
            return session.execute(select(table.c.id).limit(1)).first() is None

    def _take(
        self,
        transfer: Transfer,
        rows: Sequence[Sequence[Any]],
        fresh: bool,
        cursor_at: tuple[int, int, int],
        pushed_rev: int,
    ) -> int:
        """Apply one chunk of hub rows in one local transaction, with the pull's cursor.

        Rows nobody changed here are written as they come (``fresh``: the table was
        empty when the pull began, so none can be); the others are merged.
        """
        codec = transfer.codec
        with self._write() as session:
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA cache_size={PULL_CACHE}")
            special = set() if fresh else _needing_merge(connection, transfer, rows, pushed_rev)
            clean = [row for row in rows if row[transfer.id_index] not in special]
            write_clean(connection, transfer, clean)
            reindex(session, codec, transfer.as_dicts(clean))
            received = apply_incoming(
                session,
                codec,
                transfer.as_dicts([row for row in rows if row[transfer.id_index] in special]),
                pushed_rev=pushed_rev,
                clock=self._clock(session),
                installation=self._installation,
                take_rev=lazy_rev(connection),
            )
            self._clock(session).observe(max(row[transfer.index_of("hlc")] for row in rows))
            since, until, index = cursor_at
            last = rows[-1]
            cursor = {
                "since": since,
                "until": until,
                "table": index,
                "rev": int(last[transfer.rev_index]),
                "id": str(last[transfer.id_index]),
            }
            write_meta(connection, {CURSOR: dumps(cursor)})
            connection.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        return received.conflicts

    def _fetch_files(self, hub: Connection, digests: set[str]) -> int:
        store, fetched = self._store(), 0
        for digest in sorted(digests):
            if store.path_of(digest) is not None:
                continue
            data = read_blob(hub, digest)
            if data is not None and store.put_bytes(data, digest):
                fetched += 1
        return fetched

    # --- conflicts in words ---------------------------------------------------------------

    @staticmethod
    def _record(session: Session, codec: TableCodec, row_id: str) -> Any:
        from firstbatch_desk.db.models import SYNCED_MODELS

        model = next(m for m in SYNCED_MODELS if m.__tablename__ == codec.name)
        return session.get(model, uuid.UUID(row_id))

    def _view(self, session: Session, row: SyncConflict) -> ConflictView:
        return ConflictView(
            id=row.id,
            table_name=row.table_name,
            row_id=row.row_id,
            record=record_label(session, row.table_name, row.row_id),
            field=row.field,
            mine=json.loads(row.mine),
            theirs=json.loads(row.theirs),
            winner=row.winner,
            mine_by=row.mine_by,
            theirs_by=row.theirs_by,
            detected_at=row.detected_at,
            resolved_at=row.resolved_at,
            resolution=row.resolution,
        )


def _live_digests(transfer: Transfer, rows: Sequence[Sequence[Any]]) -> set[str]:
    sha, deleted = transfer.index_of("sha256"), transfer.index_of("deleted_at")
    return {row[sha] for row in rows if row[deleted] is None}


def _needing_merge(
    connection: Connection, transfer: Transfer, rows: Sequence[Sequence[Any]], pushed_rev: int
) -> set[uuid.UUID]:
    """Ids of arriving rows this laptop changed too, or whose unique value is taken here."""
    table, position = transfer.codec.table, transfer.id_index
    ids = [row[position] for row in rows]
    special = set(
        connection.execute(
            select(table.c.id).where(table.c.id.in_(ids), table.c.rev > pushed_rev)
        ).scalars()
    )
    if unique_keys(table):
        for twin in find_twins(connection, transfer.codec, transfer.as_dicts(rows)):
            special.add(ids[twin.incoming])
            special.add(twin.existing_id)
    return special
