"""What a synced record is, in words, for the conflict list."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from firstbatch_desk.db.sync_codec import codec_for
from firstbatch_desk.domain.dtos.audit import entity_label

# The column that names a record of each table, where one does.
_NAMING = {
    "divisions": "name",
    "zones": "name",
    "need_categories": "name",
    "departments": "name",
    "officers": "name",
    "accounts": "username",
    "enterprises": "name",
    "contacts": "name",
    "products": "name",
    "cases": "case_no",
    "needs": "title",
    "attachments": "original_name",
}


def record_label(session: Session, table_name: str, row_id: str) -> str:
    """“企业 嘉兴某某新材料有限公司”, “走访 2026-11-20 某某公司”, or the kind and a short id."""
    kind = entity_label(table_name)
    try:
        codec = codec_for(table_name)
        ident = uuid.UUID(row_id)
    except (KeyError, ValueError):
        return f"{kind} {row_id[:8]}"
    table = codec.table
    if table_name == "visits":
        row = session.execute(
            select(table.c.visit_date, table.c.enterprise_name).where(table.c.id == ident)
        ).first()
        if row is not None:
            return f"{kind} {row.visit_date} {row.enterprise_name}"
    column = _NAMING.get(table_name)
    if column is not None and column in table.c:
        name = session.execute(select(table.c[column]).where(table.c.id == ident)).scalar()
        if name:
            return f"{kind} {name}"
    return f"{kind} {row_id[:8]}"
