"""Small builders of valid records for tests (through the real services)."""

from __future__ import annotations

from datetime import date
from typing import Any

from firstbatch_desk.domain.credit_code import make_credit_code
from firstbatch_desk.domain.dtos.followup import VisitInput
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import (
    CaseInput,
    EnterpriseInput,
    ProductInput,
    RecognitionInput,
)
from firstbatch_desk.domain.enums import Scheme, Tier, VisitMethod

_counter = iter(range(1, 10_000_000))


def credit_code() -> str:
    """A fresh valid credit code for a Jiaxing enterprise."""
    n = next(_counter)
    return make_credit_code(f"91330402{n:09d}").value


def enterprise(services: Any, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "name": f"嘉兴测试新材料有限公司{next(_counter)}",
        "credit_code": credit_code(),
        "division_code": "330402",
    }
    values.update(overrides)
    return services.enterprises.create_enterprise(EnterpriseInput(**values))


def recognised_case(services: Any, enterprise_id: Any = None, **case: Any) -> Any:
    """An enterprise (unless given), product, provincial recognition and open case."""
    if enterprise_id is None:
        enterprise_id = enterprise(services).id
    product = services.products.create_product(ProductInput(enterprise_id, "卤代丁基橡胶"))
    recognition = services.recognitions.create_recognition(
        RecognitionInput(
            product.id,
            Scheme.PROVINCIAL_RECOGNITION,
            Tier.DOMESTIC,
            2023,
            document_no="浙经信材料〔2023〕197号",
            recognised_on=date(2023, 9, 1),
        )
    )
    officer = services.reference.add_officer(OfficerInput("陈晓明"))
    values: dict[str, Any] = {
        "recognition_id": recognition.id,
        "officer_id": officer.id,
        "opened_on": date(2023, 9, 5),
    }
    values.update(case)
    return services.cases.open_case(CaseInput(product.id, **values))


def visit(services: Any, case_row: Any, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "enterprise_id": case_row.enterprise_id,
        "case_ids": (case_row.id,),
        "visit_date": date(2024, 3, 12),
        "method": VisitMethod.ON_SITE,
        "summary": "企业生产正常，反映融资难，希望对接银行。",
    }
    values.update(overrides)
    return services.visits.record_visit(VisitInput(**values))
