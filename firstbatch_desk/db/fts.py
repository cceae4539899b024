"""Full-text search over names, notes and need descriptions (SQLite FTS5).

Chinese is indexed as overlapping two-character tokens split in Python
(:mod:`firstbatch_desk.domain.text_search`), Latin words whole. Each searchable
table has its own FTS5 table (``fts_visits`` …) whose rowid is the rowid of the
record it indexes, so a match joins back to its record without a lookup table.
The program never runs VACUUM, which could renumber rowids; anything that might
(a restore from an outside copy) must index the records again.
One-character Chinese terms cannot be matched by bigrams; callers fall back to
a bounded LIKE.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Integer, TextClause, bindparam, text

from firstbatch_desk.domain.text_search import index_text

ENTITY_TABLES = {
    "enterprise": "enterprises",
    "product": "products",
    "case": "cases",
    "visit": "visits",
    "need": "needs",
}
TOKENIZER = "unicode61 remove_diacritics 0"
CHUNK = 500


def fts_table(entity: str) -> str:
    return f"fts_{ENTITY_TABLES[entity]}"


def create_statements() -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table(entity)} "
        f"USING fts5(body, tokenize = '{TOKENIZER}')"
        for entity in ENTITY_TABLES
    ]


def is_fts_table(name: str) -> bool:
    """True for the FTS5 tables and their shadow tables (kept out of model comparison)."""
    return name.startswith("fts_")


def has_fts(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _rowids(connection: Connection, entity: str, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    table = ENTITY_TABLES[entity]
    found: dict[uuid.UUID, int] = {}
    query = text(f"SELECT id, rowid FROM {table} WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for start in range(0, len(ids), CHUNK):
        chunk = [i.hex for i in ids[start : start + CHUNK]]
        for key, rowid in connection.execute(query, {"ids": chunk}):
            found[uuid.UUID(key)] = rowid
    return found


def index_documents(
    connection: Connection, entity: str, docs: Iterable[tuple[uuid.UUID, Sequence[str | None]]]
) -> int:
    """(Re)index records of one entity: each doc is (id, text parts). Returns the count."""
    if not has_fts(connection):
        return 0
    docs = list(docs)
    if not docs:
        return 0
    rowids = _rowids(connection, entity, [doc_id for doc_id, _ in docs])
    table = fts_table(entity)
    rows = [
        {"rowid": rowids[doc_id], "body": index_text(*parts)}
        for doc_id, parts in docs
        if doc_id in rowids
    ]
    _delete_rowids(connection, table, [row["rowid"] for row in rows])
    connection.execute(text(f"INSERT INTO {table}(rowid, body) VALUES (:rowid, :body)"), rows)
    return len(rows)


def _delete_rowids(connection: Connection, table: str, rowids: Sequence[int]) -> None:
    statement = text(f"DELETE FROM {table} WHERE rowid IN :rowids").bindparams(
        bindparam("rowids", expanding=True)
    )
    for start in range(0, len(rowids), CHUNK):
        connection.execute(statement, {"rowids": list(rowids[start : start + CHUNK])})


def remove_documents(connection: Connection, entity: str, ids: Sequence[uuid.UUID]) -> None:
    """Drop the index rows of these records (missing ones are ignored)."""
    if not has_fts(connection) or not ids:
        return
    _delete_rowids(connection, fts_table(entity), list(_rowids(connection, entity, ids).values()))


def matching_rowids(entity: str, expression: str) -> TextClause:
    """A subquery of the rowids of ``entity`` records whose text matches ``expression``."""
    table = fts_table(entity)
    return (
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :fts_expression")
        .bindparams(fts_expression=expression)
        .columns(rowid=Integer)
    )


def count_documents(connection: Connection) -> int:
    if not has_fts(connection):
        return 0
    return sum(
        int(connection.execute(text(f"SELECT count(*) FROM {fts_table(e)}")).scalar_one())
        for e in ENTITY_TABLES
    )
