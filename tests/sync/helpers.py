"""Acting on laptops in sync tests: small edits through the real services."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from firstbatch_desk.db.sync_codec import codecs
from firstbatch_desk.domain.dtos.register import ContactInput, EnterpriseInput


def enterprise_input(detail: Any, **changes: Any) -> EnterpriseInput:
    """The form as it would be sent to change an enterprise: its values with ``changes``."""
    names = {f.name for f in dataclasses.fields(EnterpriseInput)}
    values = {name: getattr(detail, name) for name in names if hasattr(detail, name)}
    values["credit_code"] = detail.credit_code or ""
    values["contacts"] = tuple(
        ContactInput(c.name, c.title, c.phone, c.email, getattr(c, "is_primary", False))
        for c in getattr(detail, "contacts", ())
    )
    values.update(changes)
    return EnterpriseInput(**values)


def rename(context: Any, enterprise_id: Any, **changes: Any) -> Any:
    services = context.services
    detail = services.enterprises.get_enterprise(enterprise_id)
    return services.enterprises.update_enterprise(
        enterprise_id, enterprise_input(detail, **changes)
    )


SKIP = {"rev", "origin"}


def content(context: Any) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every synced row of a laptop or hub, without the columns that are local by nature."""
    out: dict[str, dict[str, tuple[Any, ...]]] = {}
    engine = context if hasattr(context, "connect") else context.engine
    with engine.connect() as connection:
        for codec in codecs():
            columns = [c for c in codec.table.columns if c.name not in SKIP]
            rows = connection.execute(select(*columns)).all()
            encoded = [codec.encode(row._asdict()) for row in rows]
            out[codec.name] = {str(row["id"]): tuple(row.values()) for row in encoded}
    return out
