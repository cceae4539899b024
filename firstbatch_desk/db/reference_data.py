"""Loading the reference data shipped in ``resources/reference`` into a database.

Rows get fixed ids (``reference_id``) so every installation has the same keys;
loading again adds what is missing and never overwrites what users edited.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from firstbatch_desk.db.models import Department, Division, NeedCategoryRef, Zone, reference_id
from firstbatch_desk.db.session import next_rev

# Shipped rows carry the same stamps everywhere, so every laptop and the hub hold them alike.
SHIPPED_AT = datetime(2024, 1, 1, tzinfo=UTC)


def _read(directory: Path, name: str) -> dict[str, Any]:
    data = json.loads((directory / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected an object")
    return data


def load_reference_data(connection: Connection, directory: Path, *, origin: str) -> int:
    """Insert the reference rows that are missing; return how many were added."""
    now = SHIPPED_AT
    next_rev(connection)  # the database has been written to (see migrate.never_written)
    stamp = {
        "created_at": now,
        "updated_at": now,
        "updated_by": "system",
        "origin": origin,
        # Shipped with the program, the same rows on every computer and on the hub
        # (``hub init`` loads them too): nothing to send until someone changes them.
        "rev": 0,
    }
    plans: list[tuple[Any, str, list[dict[str, Any]]]] = []
    divisions = _read(directory, "divisions.json")["divisions"]
    plans.append(
        (
            Division,
            "code",
            [
                {
                    "id": reference_id("division", d["code"]),
                    "code": d["code"],
                    "name": d["name"],
                    "parent_code": d.get("parent_code", ""),
                    "sort_order": i,
                }
                for i, d in enumerate(divisions)
            ],
        )
    )
    zones = _read(directory, "zones.json")["zones"]
    plans.append(
        (
            Zone,
            "name",
            [
                {
                    "id": reference_id("zone", z["name"]),
                    "name": z["name"],
                    "division_code": z.get("division_code"),
                    "parallel": bool(z.get("parallel")),
                    "sort_order": i,
                }
                for i, z in enumerate(zones)
            ],
        )
    )
    categories = _read(directory, "need_categories.json")["need_categories"]
    plans.append(
        (
            NeedCategoryRef,
            "code",
            [
                {
                    "id": reference_id("need_category", c["code"]),
                    "code": c["code"],
                    "name_zh": c["name_zh"],
                    "name_en": c["name_en"],
                    "sort_order": i,
                }
                for i, c in enumerate(categories)
            ],
        )
    )
    departments = _read(directory, "departments.json")["departments"]
    plans.append(
        (
            Department,
            "name",
            [
                {
                    "id": reference_id("department", d["name"]),
                    "name": d["name"],
                    "short_name": d.get("short_name", ""),
                    "sort_order": i,
                }
                for i, d in enumerate(departments)
            ],
        )
    )
    added = 0
    for model, key, rows in plans:
        existing = set(connection.execute(select(getattr(model, key))).scalars())
        new_rows = [{**row, **stamp} for row in rows if row[key] not in existing]
        if new_rows:
            connection.execute(insert(model), new_rows)
            added += len(new_rows)
    return added
