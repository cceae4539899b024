"""Full-text search over names, notes and need descriptions (SQLite FTS5).

Chinese is indexed as overlapping two-character tokens split in Python
(:mod:`firstbatch_desk.domain.text_search`), Latin words whole. The FTS5
table ``search_index`` holds the token text; ``search_docs`` maps each of its
rowids to the record (entity, id) it indexes. One-character Chinese terms
cannot be matched by bigrams; callers fall back to a bounded LIKE.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, bindparam, delete, insert, select, text

from firstbatch_desk.db.models.meta import SearchDoc
from firstbatch_desk.domain.text_search import fts_match_expression, index_text

FTS_TABLE = "search_index"
CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
    "USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')"
)
DROP_FTS_SQL = f"DROP TABLE IF EXISTS {FTS_TABLE}"


def is_fts_table(name: str) -> bool:
    """True for the FTS5 table and its shadow tables (kept out of model comparison)."""
    return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")


def _has_fts(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def index_documents(
    connection: Connection, entity: str, docs: Iterable[tuple[uuid.UUID, Sequence[str | None]]]
) -> int:
    """(Re)index records of one entity: each doc is (id, text parts). Returns the count."""
    if not _has_fts(connection):
        return 0
    docs = list(docs)
    if not docs:
        return 0
    remove_documents(connection, entity, [doc_id for doc_id, _ in docs])
    rows = [{"entity": entity, "entity_id": doc_id} for doc_id, _ in docs]
    connection.execute(insert(SearchDoc), rows)
    ids = [doc_id for doc_id, _ in docs]
    rowids: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        result = connection.execute(
            select(SearchDoc.entity_id, SearchDoc.rowid).where(
                SearchDoc.entity == entity, SearchDoc.entity_id.in_(chunk)
            )
        )
        rowids.update({row.entity_id: row.rowid for row in result})
    connection.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:rowid, :body)"),
        [{"rowid": rowids[doc_id], "body": index_text(*parts)} for doc_id, parts in docs],
    )
    return len(docs)


def remove_documents(connection: Connection, entity: str, ids: Sequence[uuid.UUID]) -> None:
    """Drop the index rows of these records (missing ones are ignored)."""
    if not _has_fts(connection) or not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        found = (
            connection.execute(
                select(SearchDoc.rowid).where(
                    SearchDoc.entity == entity, SearchDoc.entity_id.in_(chunk)
                )
            )
            .scalars()
            .all()
        )
        if not found:
            continue
        connection.execute(
            text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN :rowids").bindparams(
                bindparam("rowids", expanding=True)
            ),
            {"rowids": list(found)},
        )
        connection.execute(delete(SearchDoc).where(SearchDoc.rowid.in_(found)))


def search_ids(
    connection: Connection, entity: str, term: str, limit: int = 1000
) -> list[uuid.UUID]:
    """Ids of ``entity`` records whose indexed text matches ``term`` (best first)."""
    expression = fts_match_expression(term)
    if expression is None or not _has_fts(connection):
        return []
    rows = connection.execute(
        text(
            f"SELECT d.entity_id FROM {FTS_TABLE} JOIN search_docs AS d "
            f"ON d.rowid = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :expr AND d.entity = :entity "
            f"ORDER BY {FTS_TABLE}.rank LIMIT :limit"
        ).columns(SearchDoc.entity_id),
        {"expr": expression, "entity": entity, "limit": limit},
    )
    return [row[0] for row in rows]


def count_documents(connection: Connection) -> int:
    if not _has_fts(connection):
        return 0
    return int(connection.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())
