"""Two laptops and a hub: changes travel both ways, independent fields merge."""

from __future__ import annotations

import pytest

from firstbatch_desk.domain.dtos.filters import EnterpriseFilter
from tests import factories
from tests.sync.helpers import content, rename


def test_a_record_made_on_one_laptop_reaches_the_other(hub_url, laptops) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services, name="嘉兴同步测试材料有限公司")
    report = a.services.sync.sync(hub_url)
    assert report.pushed > 0
    b.services.sync.sync(hub_url)
    seen = b.services.enterprises.get_enterprise(made.id)
    assert seen.name == "嘉兴同步测试材料有限公司"
    assert seen.credit_code == made.credit_code
    found = b.services.enterprises.list_enterprises(EnterpriseFilter(search="同步测试"))
    assert [row.id for row in found] == [made.id]  # the search index follows the pull


def test_independent_fields_merge_and_everyone_converges(hub_url, laptops) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services)
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    rename(a, made.id, address="嘉兴市南湖区东栅街道 1 号")
    rename(b, made.id, industry="化工新材料")
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    a.services.sync.sync(hub_url)
    for laptop in (a, b):
        detail = laptop.services.enterprises.get_enterprise(made.id)
        assert detail.address == "嘉兴市南湖区东栅街道 1 号"
        assert detail.industry == "化工新材料"
    assert content(a) == content(b)
    assert a.services.sync.conflicts() == [] and b.services.sync.conflicts() == []


def test_the_same_field_changed_on_both_sides_keeps_the_loser(hub_url, laptops) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services)
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    rename(a, made.id, address="甲地址")
    rename(b, made.id, address="乙地址")  # later: wins
    a.services.sync.sync(hub_url)
    report = b.services.sync.sync(hub_url)
    assert report.conflicts == 1
    a.services.sync.sync(hub_url)
    assert a.services.enterprises.get_enterprise(made.id).address == "乙地址"
    (conflict,) = b.services.sync.conflicts()
    assert (conflict.field, conflict.mine, conflict.theirs) == ("address", "乙地址", "甲地址")
    assert conflict.winner == "mine"
    assert "企业" in conflict.record
    # The officer takes the other value: it becomes an ordinary change that travels.
    b.services.sync.resolve(conflict.id, "theirs")
    b.services.sync.sync(hub_url)
    a.services.sync.sync(hub_url)
    assert a.services.enterprises.get_enterprise(made.id).address == "甲地址"
    assert b.services.sync.conflicts() == []
    assert content(a) == content(b)


def test_a_deletion_travels(hub_url, laptops) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services)
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    b.services.enterprises.delete_enterprise(made.id)
    b.services.sync.sync(hub_url)
    a.services.sync.sync(hub_url)
    assert content(a) == content(b)
    assert made.id not in {row.id for row in a.services.enterprises.list_enterprises()}


def test_settling_a_conflict_needs_the_right_to_edit_that_record(hub_url, laptops) -> None:
    import uuid

    from firstbatch_desk.domain.accounts import Role
    from firstbatch_desk.domain.errors import PermissionDeniedError
    from firstbatch_desk.services import Actor, Services

    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services)
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    rename(a, made.id, address="甲")
    rename(b, made.id, address="乙")
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    (conflict,) = b.services.sync.conflicts()
    officer = Actor("王科员", officer_id=uuid.uuid4(), role=Role.OFFICER, account_id=uuid.uuid4())
    as_officer = Services.build(b.session_factory, officer, b.paths.database, b.config)
    with pytest.raises(PermissionDeniedError):
        as_officer.sync.resolve(conflict.id, "theirs")
    assert b.services.enterprises.get_enterprise(made.id).address == "乙"
    assert len(b.services.sync.conflicts()) == 1
