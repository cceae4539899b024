"""Products, recognitions and cases through the real services."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from firstbatch_desk.domain.dtos.filters import CaseFilter, RecognitionFilter
from firstbatch_desk.domain.dtos.register import CaseInput, ProductInput, RecognitionInput
from firstbatch_desk.domain.enums import CaseStatus, Scheme, Tier
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.recognition import Validity
from tests import factories


def _product(context: Any, name: str = "耐老化低毛羽通用型玻璃纤维直接纱386H") -> Any:
    enterprise = factories.enterprise(context.services, name="巨石集团有限公司")
    return context.services.products.create_product(
        ProductInput(enterprise.id, name, model_spec="386H", trl="7")
    )


def test_product_fields_are_checked(context: Any) -> None:
    enterprise = factories.enterprise(context.services)
    for bad, field in (
        ({"trl": 10}, "trl"),
        ({"trl": "七"}, "trl"),
        ({"test_report_date": "2024-02-30"}, "test_report_date"),
        ({"novelty_report_date": "1800-01-01"}, "novelty_report_date"),
        ({"name": ""}, "name"),
    ):
        values: dict[str, Any] = {"name": "碳纤维复合材料"} | bad
        with pytest.raises(ValidationError) as caught:
            context.services.products.create_product(ProductInput(enterprise.id, **values))
        assert caught.value.field == field
    assert context.services.products.list_products() == []


def test_recognition_defaults_to_three_years_and_keeps_the_raw_tier(context: Any) -> None:
    product = _product(context)
    row = context.services.recognitions.create_recognition(
        RecognitionInput(
            product.id,
            Scheme.PROVINCIAL_RECOGNITION,
            Tier.DOMESTIC,
            "2021",
            tier_text="技术水平国内领先，打破国际垄断，实现重点领域降准替代且在知名用户应用",
            document_no="浙经信材料〔2021〕88号",
            recognised_on="2021-12-20",
            reward_amount="100",
        )
    )
    assert row.valid_until == date(2024, 12, 19)
    assert row.reward_amount == Decimal("100")
    assert row.tier_text.startswith("技术水平国内领先")
    assert context.services.products.get_product(product.id).recognitions == (row,)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"scheme": Scheme.PROVINCIAL_CATALOGUE, "tier": Tier.MUNICIPAL}, "tier"),
        ({"scheme": Scheme.MUNICIPAL_RECOGNITION, "tier": Tier.DOMESTIC}, "tier"),
        ({"year": 1990}, "year"),
        ({"year": "二〇二三"}, "year"),
        ({"recognised_on": "2024-05-01", "valid_until": "2024-04-30"}, "valid_until"),
        ({"reward_amount": "-5"}, "reward_amount"),
        ({"reward_amount": "两百"}, "reward_amount"),
    ],
)
def test_recognition_rules(context: Any, values: dict[str, Any], field: str) -> None:
    product = _product(context)
    base: dict[str, Any] = {
        "scheme": Scheme.PROVINCIAL_RECOGNITION,
        "tier": Tier.DOMESTIC,
        "year": 2023,
    }
    with pytest.raises(ValidationError) as caught:
        context.services.recognitions.create_recognition(
            RecognitionInput(product.id, **(base | values))
        )
    assert caught.value.field == field
    assert context.services.recognitions.list_recognitions() == []


def test_recognition_filters(context: Any) -> None:
    product = _product(context)
    create = context.services.recognitions.create_recognition
    today = date(2026, 11, 24)
    expired = create(
        RecognitionInput(
            product.id, Scheme.NATIONAL_CATALOGUE, Tier.OTHER, 2019, recognised_on="2019-06-01"
        )
    )
    expiring = create(
        RecognitionInput(
            product.id,
            Scheme.PROVINCIAL_CATALOGUE,
            Tier.OTHER,
            2024,
            recognised_on=today - timedelta(days=3 * 365 - 30),
        )
    )
    valid = create(
        RecognitionInput(
            product.id,
            Scheme.MUNICIPAL_RECOGNITION,
            Tier.MUNICIPAL,
            2026,
            recognised_on="2026-03-01",
        )
    )
    listing = context.services.recognitions.list_recognitions

    def ids(**kw: Any) -> list[Any]:
        return [r.id for r in listing(RecognitionFilter(today=today, **kw))]

    assert ids(validity=Validity.EXPIRED) == [expired.id]
    assert ids(validity=Validity.EXPIRING) == [expiring.id]
    assert ids(validity=Validity.VALID) == [valid.id]
    assert ids(scheme=Scheme.MUNICIPAL_RECOGNITION) == [valid.id]
    assert ids(year=2019) == [expired.id]
    assert set(ids(search="玻璃纤维")) == {expired.id, expiring.id, valid.id}


def test_case_numbers_schedule_and_one_open_case_per_product(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    assert case.row.case_no == "GZ-2023-0001"
    # never visited: due 30 days after recognition (2023-09-01)
    assert case.row.next_due_on == date(2023, 10, 1)
    with pytest.raises(ValidationError) as caught:
        services.cases.open_case(CaseInput(case.row.product_id, opened_on="2023-10-01"))
    assert case.row.case_no in str(caught.value)
    closed = services.cases.update_case(
        case.row.id,
        CaseInput(
            case.row.product_id, case.recognition_id, case.row.officer_id, status=CaseStatus.CLOSED
        ),
    )
    assert closed.row.status is CaseStatus.CLOSED and closed.row.next_due_on is None
    assert closed.closed_on is not None
    second = services.cases.open_case(CaseInput(case.row.product_id, opened_on="2024-01-02"))
    assert second.row.case_no == "GZ-2024-0001"
    listing = services.cases.list_cases
    assert [c.id for c in listing(CaseFilter(status=CaseStatus.ACTIVE))] == [second.row.id]
    assert [c.id for c in listing(CaseFilter(officer_id=case.row.officer_id))] == [case.row.id]
    assert [c.id for c in listing(CaseFilter(search="GZ-2024-0001"))] == [second.row.id]


def test_numbers_keep_growing_past_four_digits(context: Any) -> None:
    from firstbatch_desk.db.models import Case
    from firstbatch_desk.services.numbering import next_number

    with context.session_factory() as session:
        assert next_number(session, Case.case_no, "GZ", 2031) == "GZ-2031-0001"
    first = factories.recognised_case(context.services)
    second = factories.recognised_case(context.services)
    with context.session_factory.begin() as session:
        session.get(Case, first.row.id).case_no = "GZ-2023-9999"
        session.get(Case, second.row.id).case_no = "GZ-2023-10000"
    with context.session_factory() as session:
        assert next_number(session, Case.case_no, "GZ", 2023) == "GZ-2023-10001"


def test_key_lists_pack_keys_and_find_them() -> None:
    from firstbatch_desk.services.listing import KeyList

    keys = [f"{n:032x}" for n in range(2500)]
    packed = KeyList([keys[:1000], keys[1000:]])
    assert len(packed) == 2500 and list(packed) == keys
    assert packed[0] == keys[0] and packed[-1] == keys[-1] and packed[10:13] == keys[10:13]
    assert packed.index(keys[1234]) == 1234
    with pytest.raises(ValueError):
        packed.index("f" * 32)
    with pytest.raises(ValueError):
        packed.index(keys[5][16:] + keys[6][:16])  # text straddling two keys is not a key
    assert keys[7] in packed and "nope" not in packed
    with pytest.raises(IndexError):
        packed[2500]
    with pytest.raises(ValueError):
        KeyList([["short"]])
