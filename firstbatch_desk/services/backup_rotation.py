"""The backup folder: records, listing and rotation; attachment copies; SQLite file helpers.

Each verified backup ``firstbatch-….sqlite3`` has a record ``firstbatch-….json``
beside it, written after the copy passed its checks: when and why it was
taken, its size, schema revision and row counts. Listing never opens a
database (it reads the records and the first bytes of each file), so it is
cheap enough for a dialog; a file without a record, or whose record no longer
fits it, is listed as unverified. The rule of which backups to keep is the pure
function :func:`firstbatch_desk.domain.backup_rotation.backups_to_keep`; only
files named by this program are ever deleted.

Attachment files are kept by hash in ``backups/attachments/ab/<sha256>``,
shared by all backups: only files not there yet are added (hard-linked when on
the same disk, else copied), each checked by size and SHA-256. The SQLite
helpers here open files with ``closing`` (sqlite3's own context manager only
commits) and read backups without leaving ``-wal``/``-shm`` files beside them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from firstbatch_desk.db.engine import BUSY_TIMEOUT_MS, looks_like_sqlite
from firstbatch_desk.db.fts import is_fts_table
from firstbatch_desk.domain.attachment_rules import is_sha256
from firstbatch_desk.domain.backup_rotation import (
    PINNED_REASONS,
    backup_name,
    backups_to_keep,
    local_time,
    parse_backup_name,
)
from firstbatch_desk.domain.dtos.backups import AttachmentCopy, BackupInfo
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.info import STATUS_COUNTED

CHUNK = 1024 * 1024
RECORD_FORMAT = 1
SUFFIX = ".sqlite3"
# Files SQLite may leave beside a database (removed with a rotated backup).
SIDE_FILES = ("-wal", "-shm", "-journal")


def record_path(backup: Path) -> Path:
    """The JSON record beside a backup: ``firstbatch-….json``."""
    return backup.with_suffix(".json")


def sibling(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` appended to its name (``x.sqlite3-wal``)."""
    return path.with_name(path.name + suffix)


def free_name(folder: Path, taken_at: datetime, reason: str) -> Path:
    """A backup path for this moment and reason that no file has yet."""
    serial = 1
    while True:
        candidate = folder / backup_name(taken_at, reason, serial)
        if not candidate.exists() and not record_path(candidate).exists():
            return candidate
        serial += 1


def write_record(info: BackupInfo) -> None:
    """Write the JSON record of a verified backup (temporary file, then replace)."""
    record = {
        "format": RECORD_FORMAT,
        "file": info.path.name,
        "taken_at": info.taken_at.isoformat(),
        "reason": info.reason,
        "size": info.size,
        "integrity_check": "ok",
        "schema_revision": info.schema_revision,
        "counts": info.counts,
        "live_counts": info.live_counts,
        "attachments": {
            "copied": info.attachments.copied,
            "linked": info.attachments.linked,
            "present": info.attachments.present,
            "damaged": list(info.attachments.damaged),
            "missing": list(info.attachments.missing),
        },
    }
    target = record_path(info.path)
    temp = sibling(target, ".part")
    try:
        with temp.open("w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def read_record(backup: Path) -> dict[str, Any] | None:
    """The backup's JSON record, or None when it is missing or unreadable."""
    try:
        record = json.loads(record_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """Every ``*.sqlite3`` file in the backup folder, newest first; never raises for a bad file."""
    try:
        with os.scandir(paths.backup_dir) as scan:
            entries = [
                (Path(entry.path), entry.stat())
                for entry in scan
                if entry.name.endswith(SUFFIX)
                and not entry.name.startswith(".")
                and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return []
    infos = [describe(path, stat.st_size, stat.st_mtime) for path, stat in entries]
    return sorted(infos, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def describe(path: Path, size: int, mtime: float) -> BackupInfo:
    """One backup file as the listing shows it."""
    named = parse_backup_name(path.name)
    record = read_record(path)
    taken_at = _when(record) or (named.taken_at if named else local_time(_from_mtime(mtime)))
    reason = named.reason if named else ""
    if record is not None and isinstance(record.get("reason"), str):
        reason = record["reason"]
    if not looks_like_sqlite(path):
        problem = "backup.problem_not_sqlite"
    elif record is None:
        problem = "backup.problem_no_record"
    elif record.get("size") != size or record.get("file") != path.name:
        problem = "backup.problem_changed"
    else:
        problem = ""
    record = record or {}
    revision = record.get("schema_revision")
    return BackupInfo(
        path=path,
        taken_at=taken_at,
        reason=reason,
        size=size,
        verified=not problem,
        counts=_counts(record.get("counts")),
        live_counts=_counts(record.get("live_counts")),
        schema_revision=revision if isinstance(revision, str) else None,
        attachments=_attachments(record.get("attachments")),
        problem=problem,
    )


def rotate_backups(paths: AppPaths, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation rule does not keep (with their records); their paths.

    Only files whose names this program gave (``parse_backup_name``) take part;
    anything else in the folder is left alone.
    """
    backups = [info for info in list_backups(paths) if parse_backup_name(info.path.name)]
    pinned = [info.taken_at for info in backups if info.reason in PINNED_REASONS]
    keep = backups_to_keep([info.taken_at for info in backups], local_time(now), pinned=pinned)
    deleted = []
    for info in backups:
        if info.taken_at in keep:
            continue
        try:
            info.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            continue  # open elsewhere (Windows) or read-only: try again next time
        for extra in (record_path(info.path), *(sibling(info.path, s) for s in SIDE_FILES)):
            with contextlib.suppress(OSError):
                extra.unlink(missing_ok=True)
        deleted.append(info.path)
    return deleted


def _when(record: Mapping[str, Any] | None) -> datetime | None:
    if not record or not isinstance(record.get("taken_at"), str):
        return None
    try:
        moment = datetime.fromisoformat(record["taken_at"])
    except ValueError:
        return None
    return local_time(moment)


def _from_mtime(mtime: float) -> datetime:
    return datetime.fromtimestamp(mtime).astimezone()


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}


def _attachments(value: object) -> AttachmentCopy:
    if not isinstance(value, dict):
        return AttachmentCopy()

    def number(key: str) -> int:
        item = value.get(key)
        return item if isinstance(item, int) and not isinstance(item, bool) else 0

    def hashes(key: str) -> tuple[str, ...]:
        item = value.get(key)
        return tuple(str(h) for h in item) if isinstance(item, list) else ()

    return AttachmentCopy(
        copied=number("copied"),
        linked=number("linked"),
        present=number("present"),
        damaged=hashes("damaged"),
        missing=hashes("missing"),
    )


# --- row counts ---------------------------------------------------------------------------------


def table_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows of every table (deleted records too), the search index aside."""
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return {
        name: int(connection.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])
        for name in names
        if not is_fts_table(name)
    }


def register_counts(connection: sqlite3.Connection, counts: dict[str, int]) -> dict[str, int]:
    """Records of the main registers that are not deleted (what the status bar shows)."""
    result = {}
    for name in STATUS_COUNTED:
        if name in counts:
            result[name] = int(
                connection.execute(
                    f"SELECT count(*) FROM {_quoted(name)} WHERE deleted_at IS NULL"
                ).fetchone()[0]
            )
    return result


# --- attachments --------------------------------------------------------------------------------


def backup_attachment_dir(paths: AppPaths) -> Path:
    return paths.backup_dir / "attachments"


def copy_attachments(paths: AppPaths, referenced: frozenset[str] = frozenset()) -> AttachmentCopy:
    """Add the store's files that ``backups/attachments`` lacks; check each one added."""
    target_dir = backup_attachment_dir(paths)
    copied = linked = present = 0
    damaged = []
    for digest, source in _store_files(paths.attachment_dir):
        final = target_dir / digest[:2] / digest
        try:
            size = source.stat().st_size
        except FileNotFoundError:  # gone since the folder was read
            continue
        if final.is_file() and final.stat().st_size == size:
            present += 1
            continue
        outcome = place_file(source, final, digest, size)
        copied += outcome == "copied"
        linked += outcome == "linked"
        if outcome == "damaged":
            damaged.append(digest)
    missing = sorted(h for h in referenced if not (target_dir / h[:2] / h).is_file())
    return AttachmentCopy(copied, linked, present, tuple(damaged), tuple(missing))


def place_file(source: Path, final: Path, digest: str, size: int) -> str:
    """Hard-link or copy ``source`` to ``final`` when its bytes match its hash.

    Returns "linked", "copied", or "damaged" (nothing placed).
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.parent / f".{digest[:16]}-{secrets.token_hex(4)}.part"
    try:
        try:
            os.link(source, temp)
            outcome = "linked"
        except OSError:  # another disk, or a filesystem without hard links
            with source.open("rb") as reader, temp.open("wb") as writer:
                shutil.copyfileobj(reader, writer, CHUNK)
                writer.flush()
                os.fsync(writer.fileno())
            outcome = "copied"
        if temp.stat().st_size != size or _sha256(temp) != digest:
            return "damaged"
        os.replace(temp, final)
        return outcome
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _store_files(store: Path) -> Iterator[tuple[str, Path]]:
    """``(sha256, path)`` of each file in a content-addressed folder (``ab/abcdef…``)."""
    try:
        folders = sorted(p for p in store.iterdir() if len(p.name) == 2 and p.is_dir())
    except OSError:
        return
    for folder in folders:
        try:
            files = sorted(folder.iterdir())
        except OSError:
            continue
        for path in files:
            digest = path.name.lower()
            if is_sha256(digest) and digest.startswith(folder.name.lower()) and path.is_file():
                yield digest, path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- SQLite and files ---------------------------------------------------------------------------


@contextlib.contextmanager
def closing(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Close the connection on leaving (sqlite3's own context manager only commits)."""
    try:
        yield connection
    finally:
        connection.close()


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


def connect_readonly(path: Path, *, immutable: bool = True) -> sqlite3.Connection:
    """Read a file without writing anything, not even ``-shm``/``-wal`` beside it.

    ``immutable`` skips locking and the WAL; a backup with a ``-wal`` of its own
    (a byte-for-byte copy of a damaged database) is read through its WAL.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if immutable and not sibling(path, "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


def integrity_of(connection: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]


def revision_of(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision of a database; None when it has none (not ours)."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row and row[0] else None


def attachment_hashes(connection: sqlite3.Connection) -> frozenset[str]:
    try:
        rows = connection.execute("SELECT DISTINCT sha256 FROM attachments").fetchall()
    except sqlite3.OperationalError:
        return frozenset()
    return frozenset(str(r[0]).lower() for r in rows if r[0] and is_sha256(str(r[0]).lower()))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_directory(folder: Path) -> None:
    """Make a new name durable (POSIX; Windows cannot open a folder this way)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
