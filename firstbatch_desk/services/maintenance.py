"""Database checks that run before (or without) opening the program's context."""

from __future__ import annotations

from pathlib import Path

from firstbatch_desk.db.engine import sqlite_engine
from firstbatch_desk.db.migrate import (
    check_file,
    current_revision,
    head_revision,
    integrity_problems,
    storage_error,
)
from firstbatch_desk.domain.errors import StorageError


def check_database(path: Path) -> list[str]:
    """Problems found by SQLite's full integrity check (empty when the file is healthy).

    Raises StorageError when the file is missing, not SQLite, or unreadable.
    """
    if not path.exists():
        raise StorageError("storage.no_database", path=str(path.parent))
    return integrity_problems(path)


def schema_is_current(path: Path) -> bool:
    """Whether the database at ``path`` is at the newest schema this program knows.

    Raises StorageError when the file is not a healthy SQLite database.
    """
    check_file(path)
    engine = sqlite_engine(path, readonly=True)
    try:
        return current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def explain_storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """A low-level database failure as a message for the officer; None for other errors."""
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    if not isinstance(exc, sqlite3.DatabaseError | DatabaseError):
        return None
    return storage_error(exc, path)


def quick_check_problems(path: Path) -> list[str]:
    """SQLite's ``quick_check`` (reads every page; run it off the GUI thread)."""
    import sqlite3

    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as raw:
            rows = raw.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [str(row[0]) for row in rows if row[0] != "ok"]
