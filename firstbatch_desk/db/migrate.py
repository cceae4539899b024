"""Opening the database: checks, a copy aside, then Alembic to head.

Rules (DESIGN.md, issue "Foundation"):

* a file that is not SQLite, or is damaged, is reported and left untouched;
* a database made by a newer schema is refused, never migrated down;
* before any upgrade the file is copied to the backup folder with SQLite's
  online backup API;
* a new database gets the schema, the change counter and the reference data.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from firstbatch_desk.db.engine import looks_like_sqlite, sqlite_engine
from firstbatch_desk.db.fts import is_fts_table
from firstbatch_desk.domain.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Keep the FTS5 table and its shadow tables out of schema comparison."""
    return not (type_ == "table" and name is not None and is_fts_table(name))


def alembic_config() -> Config:
    """Alembic's configuration (Alembic is imported only when a migration runs)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def revision_chain() -> dict[str, str | None]:
    """Each shipped revision and the one it follows, read from the migration files.

    Reading the files is much cheaper than importing Alembic at every start;
    a test checks that this agrees with Alembic's own view.
    """
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        down = _DOWN.search(source)
        if revision and down:
            chain[revision.group(1)] = down.group(1)
    return chain


def head_revision() -> str:
    chain = revision_chain()
    heads = set(chain) - {down for down in chain.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(revision_chain())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """What ``open_database`` did: the engine and whether it created or upgraded.

    ``created`` is also true for a database whose creation was cut short (the
    program was killed after the schema was committed and before anything else
    was written): the caller then finishes it by loading the reference data.
    """

    engine: Engine
    created: bool
    upgraded_from: str | None
    backup: Path | None


def check_file(path: Path, *, thorough: bool = False) -> None:
    """Raise StorageError when ``path`` exists but is not a usable SQLite database.

    The default check reads the header and the schema, which costs the same
    for any size of file; ``thorough`` adds SQLite's ``quick_check``, which
    reads every page (seconds on a large database).
    """
    if not path.exists():
        return
    if path.stat().st_size == 0 or not looks_like_sqlite(path):
        raise StorageError("storage.not_sqlite", path=str(path))
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as raw:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            rows = raw.execute("PRAGMA quick_check").fetchall() if thorough else [("ok",)]
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) from exc
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    if problems:
        raise StorageError("storage.damaged", path=str(path), detail="; ".join(problems[:3]))


def integrity_problems(path: Path) -> list[str]:
    """The full ``PRAGMA integrity_check`` of a database file (empty when healthy).

    A page so damaged that SQLite stops reading is itself reported as a problem.
    """
    check_file(path)
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as raw:
            rows = raw.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        error = storage_error(exc, path)
        if error.code != "storage.damaged":
            raise error from exc
        return [str(exc)]
    return [str(row[0]) for row in rows if row[0] != "ok"]


def never_written(engine: Engine) -> bool:
    """True when nothing was written after the schema was made (the change counter is 0).

    Creating a database commits the schema first and the reference data after it;
    a kill in between leaves such a file, which must be finished, not trusted.
    """
    with engine.connect() as connection:
        value = connection.execute(text("SELECT value FROM change_counter WHERE id = 1")).scalar()
    return not value


def check_revision(path: Path, engine: Engine) -> str | None:
    """The file's schema revision; StorageError if a newer program made it.

    A SQLite file of another program (tables but no revision) is refused too.
    """
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions():
        raise StorageError("storage.newer_schema", path=str(path), revision=revision)
    if revision is None and inspect(engine).get_table_names():
        raise StorageError("storage.not_sqlite", path=str(path))
    return revision


# A write refused for want of room. SQLite says SQLITE_FULL when the disk has no
# space left; a quota or a file-size limit (EDQUOT, EFBIG: FAT32 stops at 4 GB)
# fails the write itself and arrives as SQLITE_IOERR_WRITE ("disk I/O error").
_NO_ROOM = {"SQLITE_FULL", "SQLITE_IOERR_WRITE"}


def storage_error(exc: BaseException, path: Path) -> StorageError:
    """Translate a low-level SQLite failure into words for the officer.

    Only the driver's own message is read: SQLAlchemy's wrapper adds the statement
    and its parameters (for an import, thousands of values, any of which may
    contain words like "full" or "locked").
    """
    driver = getattr(exc, "orig", None) or exc
    text = str(driver).lower()
    if getattr(driver, "sqlite_errorname", "") in _NO_ROOM or "full" in text:
        return StorageError("storage.disk_full")
    if "locked" in text or "busy" in text:
        return StorageError("storage.locked")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError("storage.dir_readonly", path=str(path.parent))
    return StorageError("storage.damaged", path=str(path), detail=str(driver))


def copy_aside(path: Path, backup_dir: Path, reason: str) -> Path:
    """Copy the database with SQLite's online backup API; return the copy's path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{reason}-{stamp}.sqlite3"
    with sqlite3.connect(str(path)) as source, sqlite3.connect(str(target)) as dest:
        source.backup(dest)
        dest.execute("PRAGMA synchronous=FULL")
    return target


def create_empty(path: Path) -> None:
    """Make a new, empty database file in one step: written aside, then renamed.

    SQLite creates its file empty and writes the first page a moment later; a
    program killed in between would leave a 0-byte file that every later start
    refuses as "not a database".
    """
    aside = path.with_name(path.name + ".new")
    for leftover in ("", "-wal", "-shm", "-journal"):
        aside.with_name(aside.name + leftover).unlink(missing_ok=True)
    with closing(sqlite3.connect(aside)) as raw:
        raw.execute("PRAGMA journal_mode=WAL")  # writes the first page
    with aside.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(aside, path)


def upgrade(engine: Engine) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(path: Path, backup_dir: Path) -> OpenedDatabase:
    """Open (creating or upgrading as needed) the database at ``path``.

    An existing file is inspected read-only first, so a file that is refused
    is left byte for byte as it was.
    """
    existed = path.exists()
    check_file(path)
    revision = None
    unfinished = False
    if existed:
        probe = sqlite_engine(path, readonly=True)
        try:
            revision = check_revision(path, probe)
            unfinished = revision is not None and never_written(probe)
        except (sqlite3.DatabaseError, DatabaseError) as exc:
            raise storage_error(exc, path) from exc
        finally:
            probe.dispose()
    else:
        try:
            create_empty(path)
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, path) from exc
        except OSError as exc:
            raise StorageError("storage.dir_readonly", path=str(path.parent)) from exc
    head = head_revision()
    engine = sqlite_engine(path)
    try:
        if revision == head:
            return OpenedDatabase(engine, created=unfinished, upgraded_from=None, backup=None)
        backup = None
        if revision is not None:
            backup = copy_aside(path, backup_dir, f"before-{head[:8]}")
        upgrade(engine)
        return OpenedDatabase(
            engine, created=revision is None or unfinished, upgraded_from=revision, backup=backup
        )
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        engine.dispose()
        raise storage_error(exc, path) from exc
    except BaseException:
        engine.dispose()
        raise


def open_readonly(path: Path) -> Engine:
    """An engine that never writes, for checks and listings of an up-to-date file."""
    if not path.exists():
        raise StorageError("storage.no_database", path=str(path.parent))
    check_file(path)
    engine = sqlite_engine(path, readonly=True)
    try:
        check_revision(path, engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
