"""The data rules of DESIGN.md: UUID keys, sync columns stamped on every write,
exact money, visit notes out of the scanned table, indexes for the lists."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Text, Uuid, inspect, select

from firstbatch_desk.db.base import SYNC_COLUMNS
from firstbatch_desk.db.models import SYNCED_MODELS, Enterprise, Recognition, Visit
from firstbatch_desk.db.types import Money
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from tests import factories


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__tablename__)
def test_every_synced_table_has_uuid_key_and_sync_columns(model: Any) -> None:
    table = model.__table__
    assert [c.name for c in table.primary_key.columns] == ["id"]
    assert isinstance(table.c.id.type, Uuid)
    for name in SYNC_COLUMNS:
        assert name in table.c, f"{table.name} lacks {name}"
    assert table.c.deleted_at.nullable


def test_writes_stamp_time_actor_origin_and_a_growing_rev(context: Any) -> None:
    services = context.services
    first = factories.enterprise(services)
    second = factories.enterprise(services)
    with context.session_factory() as session:
        a = session.get(Enterprise, first.id)
        b = session.get(Enterprise, second.id)
        assert a is not None and b is not None
        assert a.created_at.tzinfo is UTC and a.updated_at.tzinfo is UTC
        assert a.updated_by == "本机用户"
        assert a.origin == context.settings.installation_id[:32]
        assert b.rev > a.rev > 0
        rev_before = a.rev
    services.enterprises.update_enterprise(
        first.id, EnterpriseInput(name="改名后的企业", credit_code=first.credit_code)
    )
    with context.session_factory() as session:
        a = session.get(Enterprise, first.id)
        assert a is not None
        assert a.rev > b.rev > rev_before
        assert a.updated_at > a.created_at
    assert isinstance(first.id, uuid.UUID) and first.id.version == 7


def test_delete_leaves_a_tombstone_not_a_hole(context: Any) -> None:
    created = factories.enterprise(context.services)
    context.services.enterprises.delete_enterprise(created.id)
    with context.session_factory() as session:
        row = session.get(Enterprise, created.id)
        assert row is not None
        assert row.deleted_at is not None and row.deleted_at <= datetime.now(UTC)


@pytest.mark.parametrize("amount", ["0", "0.01", "123.456789", "99999999.999999", "200", "1e2"])
def test_money_round_trips_exactly(context: Any, amount: str) -> None:
    case = factories.recognised_case(context.services)
    with context.session_factory.begin() as session:
        recognition = session.get(Recognition, case.recognition_id)
        assert recognition is not None
        recognition.reward_amount = Decimal(amount)
    with context.session_factory() as session:
        stored = session.scalar(
            select(Recognition.reward_amount).where(Recognition.id == case.recognition_id)
        )
    assert stored == Decimal(amount)
    assert isinstance(Recognition.__table__.c.reward_amount.type, Money)


def test_visit_list_table_holds_no_long_text() -> None:
    long_columns = [c.name for c in Visit.__table__.columns if isinstance(c.type, Text)]
    assert long_columns == []


def test_indexes_for_the_lists_officers_use(context: Any) -> None:
    inspector = inspect(context.engine)

    def indexed(table: str) -> set[str]:
        return {index["column_names"][0] for index in inspector.get_indexes(table)} | {
            u["column_names"][0] for u in inspector.get_unique_constraints(table)
        }

    assert "division_code" in indexed("enterprises")
    assert {"status", "next_due_on"} <= indexed("cases")
    assert {"status", "due_on"} <= indexed("needs")
    assert "visit_date" in indexed("visits")
    assert "valid_until" in indexed("recognitions")


def test_naive_datetimes_are_refused(context: Any) -> None:
    created = factories.enterprise(context.services)
    with pytest.raises(Exception, match="naive"), context.session_factory.begin() as session:
        row = session.get(Enterprise, created.id)
        assert row is not None
        row.deleted_at = datetime(2024, 1, 1)  # no tzinfo
        session.flush()


def test_foreign_keys_are_enforced(context: Any) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), context.session_factory.begin() as session:
        session.add(
            Visit(
                enterprise_id=uuid.uuid4(),
                visit_date=date(2024, 1, 1),
                method="ON_SITE",
            )
        )
        session.flush()
