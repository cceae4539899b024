"""Alembic environment: always run from code with a live connection (see db/migrate.py)."""

from __future__ import annotations

from typing import Any

from alembic import context

from firstbatch_desk.db.fts import is_fts_table
from firstbatch_desk.db.models import Base


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "table" and name is not None and is_fts_table(name))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("FirstBatch Desk migrations run from code with a connection")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
