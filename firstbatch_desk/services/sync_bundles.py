"""Bundle files: this laptop's changes out, the hub's changes in, and the office side."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from firstbatch_desk.db.models.sync import SyncBundle
from firstbatch_desk.db.sync_codec import codecs
from firstbatch_desk.domain.dtos.sync import BundleResult
from firstbatch_desk.domain.errors import SyncError
from firstbatch_desk.services.sync_bundle import PULL, PUSH, read_bundle, write_bundle
from firstbatch_desk.services.sync_hub import (
    PushItem,
    conflicts_for,
    current_rev,
    installation_row,
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
from firstbatch_desk.services.sync_local import (
    LAST_SYNC,
    PULLED,
    apply_incoming,
    lazy_rev,
    local_counter,
    outgoing,
    read_state,
    remember_clock,
    settle_push,
    store_conflicts,
    write_meta,
)
from firstbatch_desk.services.sync_service_base import SyncServiceBase
from firstbatch_desk.services.sync_transfer import stream_hub_rows, transfer_for

BUNDLE_CHUNK = 5000


class SyncBundles(SyncServiceBase):
    # --- bundles --------------------------------------------------------------------------

    def export_bundle(self, path: Path) -> BundleResult:
        """Write this laptop's changes not yet acknowledged by the hub to a signed file."""
        with self._read() as session:
            local = session.connection()
            state = read_state(local)
            if not state.registered or state.key is None:
                raise SyncError("sync.not_registered")
            upto = local_counter(local)
            changes: dict[str, list[Any]] = {}
            digests: set[str] = set()
            for codec in codecs():
                for items in outgoing(local, codec, state.pushed_rev, upto):
                    changes.setdefault(codec.name, []).extend(
                        [codec.encode(item.row), item.base] for item in items
                    )
                    if codec.name == "attachments":
                        digests.update(item.row["sha256"] for item in items)
            blobs = self._local_blobs(digests)
        body = {
            "installation": self._installation,
            "officer": self._actor.name,
            "since": state.pushed_rev,
            "upto": upto,
            "pulled_rev": state.pulled_rev,
            "changes": changes,
            "blobs": blobs,
        }
        write_bundle(
            path,
            kind=PUSH,
            hub_id=state.hub_id,
            key=state.key,
            installation=self._installation,
            body=body,
        )
        records = sum(len(rows) for rows in changes.values())
        return BundleResult(PUSH, str(path), records, len(blobs))

    def export_hub_bundle(self, url: str, installation: str, path: Path) -> BundleResult:
        """At the office: write the hub's changes for one laptop to a signed file."""
        with self._hub(url) as engine, engine.connect() as hub:
            facts = read_facts(hub, url)
            hub.rollback()
            hub = hub.execution_options(isolation_level="REPEATABLE READ")
            with hub.begin():
                known = installation_row(hub, installation)
                if known is None:
                    raise SyncError("sync.unknown_installation", installation=installation)
                since, until = int(known["pulled_rev"]), current_rev(hub)
                changes: dict[str, list[Any]] = {}
                digests: set[str] = set()
                for codec in codecs():
                    transfer = transfer_for(codec)
                    for part in stream_hub_rows(
                        hub, transfer, since=since, until=until, after=None, chunk=BUNDLE_CHUNK
                    ):
                        rows = transfer.as_dicts(part)
                        changes.setdefault(codec.name, []).extend(codec.encode(r) for r in rows)
                        if codec.name == "attachments":
                            digests.update(r["sha256"] for r in rows if r["deleted_at"] is None)
                conflicts = [
                    {key: _plain(value) for key, value in row.items()}
                    for row in conflicts_for(hub, installation, since=since, until=until)
                ]
                blobs = {}
                for digest in sorted(digests):
                    data = read_blob(hub, digest)
                    if data is not None:
                        blobs[digest] = data.hex()
        body = {
            "installation": installation,
            "since": since,
            "until": until,
            "ack": int(known["pushed_rev"]),
            "changes": changes,
            "conflicts": conflicts,
            "blobs": blobs,
        }
        write_bundle(
            path,
            kind=PULL,
            hub_id=facts.hub_id,
            key=facts.key,
            installation=installation,
            body=body,
        )
        records = sum(len(rows) for rows in changes.values())
        return BundleResult(PULL, str(path), records, len(blobs), len(conflicts))

    def import_bundle(self, path: Path) -> BundleResult:
        """On a laptop: take in a bundle the hub wrote for it."""
        with self._read() as session:
            state = read_state(session.connection())
        if not state.registered or state.key is None:
            raise SyncError("sync.not_registered")
        bundle = read_bundle(path, key=state.key, hub_id=state.hub_id)
        name = Path(path).name
        if bundle.kind != PULL:
            raise SyncError(
                "sync.bundle_wrong_side",
                name=name,
                kind="本机发往总库的同步包",
                where="办公室用 --url 指定总库",
                kind_en="a laptop's bundle for the hub",
                where_en="at the office with --url naming the hub",
            )
        body = bundle.body
        if body.get("installation") != self._installation:
            raise SyncError(
                "sync.bundle_not_for_me", name=name, installation=body.get("installation")
            )
        self._refuse_repeat(bundle.bundle_id, name)
        if int(body["since"]) > state.pulled_rev:
            raise SyncError(
                "sync.bundle_gap", name=name, since=body["since"], have=state.pulled_rev
            )
        store, files = self._store(), 0
        for digest, data in body.get("blobs", {}).items():
            if store.path_of(digest) is None and store.put_bytes(bytes.fromhex(data), digest):
                files += 1
        records, found = 0, 0
        with self._write() as session:
            connection = session.connection()
            ack = int(body.get("ack", 0))
            if ack > state.pushed_rev:
                settle_push(connection, state.pushed_rev, ack)
            pushed_rev = max(ack, state.pushed_rev)
            take_rev = lazy_rev(connection)
            for codec in codecs():
                rows = [
                    codec.decode(row)
                    for row in body["changes"].get(codec.name, [])
                    if int(row.get("rev") or 0) > state.pulled_rev
                ]
                received = apply_incoming(
                    session,
                    codec,
                    rows,
                    pushed_rev=pushed_rev,
                    clock=self._clock(session),
                    installation=self._installation,
                    take_rev=take_rev,
                )
                records += received.rows
                found += received.conflicts
            conflicts = [_conflict_from_text(row) for row in body.get("conflicts", [])]
            found += store_conflicts(connection, conflicts) if conflicts else 0
            write_meta(
                connection,
                {
                    PULLED: str(max(state.pulled_rev, int(body["until"]))),
                    LAST_SYNC: self._now().isoformat(),
                },
            )
            remember_clock(connection, self._clock(session))
            _note_bundle(session, bundle.bundle_id, PULL, self._installation)
        return BundleResult(PULL, str(path), records, files, found)

    def import_hub_bundle(self, url: str, path: Path) -> BundleResult:
        """At the office: merge a laptop's bundle into the hub (all or nothing)."""
        name = Path(path).name
        with self._hub(url) as engine:
            with engine.connect() as hub:
                facts = read_facts(hub, url)
            bundle = read_bundle(path, key=facts.key, hub_id=facts.hub_id)
            if bundle.kind != PUSH:
                raise SyncError(
                    "sync.bundle_wrong_side",
                    name=name,
                    kind="总库发给本机的同步包",
                    where="那台电脑上（不加 --url）",
                    kind_en="the hub's bundle for a laptop",
                    where_en="on that laptop (without --url)",
                )
            body = bundle.body
            installation = str(body["installation"])
            records = conflicts = files = 0
            try:
                with engine.begin() as hub:
                    rev = take_rev(hub)
                    done = hub.execute(
                        select(SyncBundle.imported_at).where(
                            SyncBundle.bundle_id == bundle.bundle_id
                        )
                    ).scalar()
                    if done is not None:
                        raise SyncError(
                            "sync.bundle_again", name=name, when=done.strftime("%Y-%m-%d %H:%M")
                        )
                    register(hub, installation, str(body.get("officer", "")))
                    for codec in codecs():
                        items = [
                            PushItem(codec.decode(row), base)
                            for row, base in body["changes"].get(codec.name, [])
                        ]
                        for start in range(0, len(items), 2000):
                            conflicts += merge_push(
                                hub,
                                codec,
                                items[start : start + 2000],
                                rev=rev,
                                installation=installation,
                            )
                        records += len(items)
                    for digest in sorted(missing_blobs(hub, body.get("blobs", {}))):
                        put_blob(hub, digest, bytes.fromhex(body["blobs"][digest]))
                        files += 1
                    note_progress(
                        hub,
                        installation,
                        pushed_rev=int(body["upto"]),
                        pulled_rev=int(body.get("pulled_rev", 0)),
                    )
                    hub.execute(
                        SyncBundle.__table__.insert().values(
                            bundle_id=bundle.bundle_id,
                            kind=PUSH,
                            installation=installation,
                            imported_at=datetime.now(UTC),
                        )
                    )
            except (OperationalError, DBAPIError) as exc:
                raise unreachable(exc, url) from exc
        return BundleResult(PUSH, str(path), records, files, conflicts)

    def _refuse_repeat(self, bundle_id: str, name: str) -> None:
        with self._read() as session:
            done = session.scalar(
                select(SyncBundle.imported_at).where(SyncBundle.bundle_id == bundle_id)
            )
        if done is not None:
            raise SyncError("sync.bundle_again", name=name, when=done.strftime("%Y-%m-%d %H:%M"))

    def _local_blobs(self, digests: set[str]) -> dict[str, str]:
        store, out = self._store(), {}
        for digest in sorted(digests):
            path = store.path_of(digest)
            if path is not None:
                out[digest] = path.read_bytes().hex()
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _conflict_from_text(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["id"] = uuid.UUID(row["id"])
    for key in ("detected_at", "resolved_at"):
        out[key] = datetime.fromisoformat(row[key]) if row.get(key) else None
    return out


def _note_bundle(session: Session, bundle_id: str, kind: str, installation: str) -> None:
    session.add(
        SyncBundle(
            bundle_id=bundle_id,
            kind=kind,
            installation=installation,
            imported_at=datetime.now(UTC),
        )
    )
