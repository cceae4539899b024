"""Engines over the SQLite file, with the pragmas of DESIGN.md."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


CACHE_KIB = 512


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # a connection's; the OS caches the file
    finally:
        cursor.close()


def _apply_readonly_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def sqlite_engine(path: Path, *, readonly: bool = False) -> Engine:
    """An engine on ``path``; ``readonly`` never writes or creates the file.

    The pysqlite driver's own transaction handling is replaced by explicit
    ``BEGIN`` so that SQLAlchemy's transactions are the database's.
    """
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _apply_readonly_pragmas)
    else:
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: sqlite3.connect(str(path), check_same_thread=False),
            poolclass=QueuePool,
            # The GUI thread and one background job; each connection has its own cache.
            pool_size=2,
            max_overflow=4,
            # The program runs a few dozen distinct statements; 500 cached compilations
            # (the default) only hold memory.
            query_cache_size=150,
        )
        event.listen(engine, "connect", _apply_pragmas)

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def looks_like_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header (an empty file is not SQLite)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
