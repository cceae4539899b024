"""Enterprises through the real service on a real SQLite file."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from firstbatch_desk.domain.credit_code import InvalidCreditCode
from firstbatch_desk.domain.dtos.filters import EnterpriseFilter
from firstbatch_desk.domain.dtos.register import ContactInput, EnterpriseInput
from firstbatch_desk.domain.errors import DuplicateError, NotFoundError, ValidationError
from tests import factories


def _count(context: Any) -> int:
    return context.services.info.database_info().counts["enterprises"]


def test_create_normalises_the_credit_code_and_returns_a_detail(context: Any) -> None:
    detail = context.services.enterprises.create_enterprise(
        EnterpriseInput(
            name="  振石集团华美新材料有限公司 ",
            credit_code="９１３５０１００ｍ０００１００ｙ４３",
            division_code="330483",
            above_scale=True,
            contacts=(ContactInput("张伟", "总经理", "138 0000 0000"),),
        )
    )
    assert detail.name == "振石集团华美新材料有限公司"
    assert detail.credit_code == "91350100M000100Y43"
    assert detail.division_name == "桐乡市"
    assert detail.contacts[0].name == "张伟"
    assert context.services.enterprises.get_enterprise(detail.id) == detail


def test_wrong_credit_code_names_the_character_and_saves_nothing(context: Any) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        context.services.enterprises.create_enterprise(
            EnterpriseInput(name="某公司", credit_code="91350100M000100Y44")
        )
    assert caught.value.field == "credit_code"
    assert "第 18 位" in str(caught.value) and "3" in str(caught.value)
    assert "position 18" in caught.value.message("en")
    assert _count(context) == 0


def test_duplicate_credit_code_is_refused_with_the_holder(context: Any) -> None:
    first = factories.enterprise(context.services, name="浙江信汇新材料股份有限公司")
    with pytest.raises(DuplicateError) as caught:
        factories.enterprise(context.services, credit_code=first.credit_code.lower())
    assert caught.value.existing_id == str(first.id)
    assert "浙江信汇新材料股份有限公司" in str(caught.value)
    assert _count(context) == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "名" * 201}, "name"),
        ({"name": "企业\u202e反向"}, "name"),
        ({"division_code": "110101"}, "division_code"),
        ({"zone_id": uuid.uuid4()}, "zone_id"),
        ({"contacts": (ContactInput("李", phone="12345"),)}, "contacts[0].phone"),
        ({"contacts": (ContactInput(""),)}, "contacts[0].name"),
        ({"notes": "很长" * 20_000}, "notes"),
    ],
)
def test_bad_input_is_refused_by_field_and_changes_nothing(
    context: Any, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        factories.enterprise(context.services, **overrides)
    assert caught.value.field == field
    assert caught.value.message("zh") and caught.value.message("en")
    assert _count(context) == 0


def test_text_that_looks_like_sql_is_stored_as_text(context: Any) -> None:
    name = "Robert'); DROP TABLE enterprises;-- 有限公司"
    detail = factories.enterprise(context.services, name=name)
    assert context.services.enterprises.get_enterprise(detail.id).name == name
    assert _count(context) == 1


def test_update_replaces_contacts_and_keeps_the_code_unique(context: Any) -> None:
    services = context.services
    detail = factories.enterprise(services, contacts=(ContactInput("甲"), ContactInput("乙")))
    updated = services.enterprises.update_enterprise(
        detail.id,
        EnterpriseInput(
            name=detail.name,
            credit_code=detail.credit_code,
            contacts=(ContactInput("丙", email="c@example.cn"),),
        ),
    )
    assert [c.name for c in updated.contacts] == ["丙"]
    other = factories.enterprise(services)
    with pytest.raises(DuplicateError):
        services.enterprises.update_enterprise(
            other.id, EnterpriseInput(name=other.name, credit_code=detail.credit_code)
        )


def test_delete_then_restore_brings_back_what_was_deleted_with_it(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    enterprise_id = case.row.enterprise_id
    services.enterprises.delete_enterprise(enterprise_id)
    with pytest.raises(NotFoundError):
        services.enterprises.get_enterprise(enterprise_id)
    assert services.cases.list_cases() == []
    assert services.products.list_products() == []
    assert services.enterprises.list_enterprises(EnterpriseFilter(search="测试新材料")) == []

    restored = services.enterprises.restore_enterprise(enterprise_id)
    assert restored.deleted_at is None
    assert [c.id for c in services.cases.list_cases()] == [case.row.id]
    assert len(services.products.list_products()) == 1
    found = services.enterprises.list_enterprises(EnterpriseFilter(search="测试新材料"))
    assert [e.id for e in found] == [enterprise_id]


def test_delete_is_refused_while_visits_refer_to_it(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row)
    with pytest.raises(ValidationError) as caught:
        services.enterprises.delete_enterprise(case.row.enterprise_id)
    assert "走访记录" in str(caught.value)
    assert services.enterprises.get_enterprise(case.row.enterprise_id).deleted_at is None


def test_filters_and_search(context: Any) -> None:
    services = context.services
    zones = services.reference.list_zones()
    a = factories.enterprise(
        services, name="海宁锦纶科技有限公司", division_code="330481", specialised=True
    )
    b = factories.enterprise(
        services, name="嘉善光电材料有限公司", division_code="330421", zone_id=zones[3].id
    )
    listing = services.enterprises.list_enterprises
    assert [r.id for r in listing(EnterpriseFilter(division_code="330481"))] == [a.id]
    assert [r.id for r in listing(EnterpriseFilter(zone_id=zones[3].id))] == [b.id]
    assert [r.id for r in listing(EnterpriseFilter(specialised=True))] == [a.id]
    assert [r.id for r in listing(EnterpriseFilter(search="锦纶"))] == [a.id]
    assert [r.id for r in listing(EnterpriseFilter(search="光"))] == [b.id]  # one character
    assert [r.id for r in listing(EnterpriseFilter(search=b.credit_code))] == [b.id]
    assert listing(EnterpriseFilter(search="纶锦")) == []
