"""Planning and committing an import: matching, the dry run, all or nothing, idempotence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from firstbatch_desk.domain.dtos.filters import RecognitionFilter
from firstbatch_desk.domain.dtos.importing import (
    ImportField,
    ImportOptions,
    LineAction,
    SheetTable,
    SourceRow,
)
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.domain.errors import ValidationError
from tests import factories

F = ImportField
HEADERS = ("序号", "企业名称", "统一社会信用代码", "材料名称", "地区", "认定类别")
MAPPING = {0: F.SEQ, 1: F.ENTERPRISE, 2: F.CREDIT_CODE, 3: F.PRODUCT, 4: F.DIVISION, 5: F.TIER}
LEADING = "技术水平国内领先，打破国际垄断，实现重点领域降准替代且在知名用户应用"
OPTIONS = ImportOptions(
    scheme=Scheme.PROVINCIAL_RECOGNITION, year=2021, document_no="浙经信材料〔2021〕197号"
)


def table(
    *rows: tuple[str, ...], headers: tuple[str, ...] = HEADERS, mapping: Any = None
) -> SheetTable:
    return SheetTable(
        source="名单.xlsx",
        sheet="Sheet1",
        header_row=2,
        headers=headers,
        mapping=mapping or MAPPING,
        rows=tuple(SourceRow(number, cells) for number, cells in enumerate(rows, start=3)),
    )


ROWS = (
    (
        "1",
        "振石集团华美新材料有限公司",
        "",
        "高阻燃高强度玻纤增强聚酯基复合材料",
        "桐乡市",
        LEADING,
    ),
    ("2", "浙江信汇新材料股份有限公司", "", "卤代丁基橡胶；溴化丁基橡胶", "嘉兴市平湖市", LEADING),
    ("3", "巨石集团有限公司", "", "耐老化低毛羽通用型玻璃纤维直接纱386H", "桐乡", "其他"),
)


def actions(plan: Any) -> list[tuple[str, LineAction]]:
    return [(line.product_name, line.action) for line in plan.lines]


def test_a_fresh_list_creates_enterprises_products_and_recognitions(context: Any) -> None:
    imports = context.services.imports
    plan = imports.plan(table(*ROWS), OPTIONS)
    assert actions(plan) == [
        ("高阻燃高强度玻纤增强聚酯基复合材料", LineAction.CREATE),
        ("卤代丁基橡胶", LineAction.CREATE),
        ("溴化丁基橡胶", LineAction.CREATE),
        ("耐老化低毛羽通用型玻璃纤维直接纱386H", LineAction.CREATE),
    ]
    assert plan.lines[0].tier is Tier.DOMESTIC and plan.lines[0].tier_text == LEADING
    assert plan.lines[3].tier is Tier.OTHER
    assert plan.can_commit
    assert context.services.info.database_info().counts["enterprises"] == 0, "a plan writes nothing"

    result = imports.commit(table(*ROWS), OPTIONS)
    assert (result.created_enterprises, result.created_products, result.created_recognitions) == (
        3,
        4,
        4,
    )
    rows = context.services.recognitions.list_recognitions(RecognitionFilter(), limit=50)
    assert sorted(r.product_name for r in rows) == sorted(line.product_name for line in plan.lines)
    first = next(r for r in rows if r.product_name.startswith("高阻燃"))
    assert (first.scheme, first.year, first.document_no) == (
        Scheme.PROVINCIAL_RECOGNITION,
        2021,
        "浙经信材料〔2021〕197号",
    )
    assert first.tier_text == LEADING
    enterprises = {e.name: e for e in context.services.enterprises.list_enterprises(limit=10)}
    assert enterprises["巨石集团有限公司"].division_code == "330483"
    assert enterprises["浙江信汇新材料股份有限公司"].division_code == "330482"


def test_importing_the_same_list_again_changes_nothing(context: Any) -> None:
    imports = context.services.imports
    imports.commit(table(*ROWS), OPTIONS)
    before = context.services.info.database_info().counts
    plan = imports.plan(table(*ROWS), OPTIONS)
    assert {line.action for line in plan.lines} == {LineAction.UNCHANGED}
    result = imports.commit(table(*ROWS), OPTIONS)
    assert result.created_recognitions == result.updated_recognitions == 0
    assert context.services.info.database_info().counts == before


def test_a_changed_document_number_is_an_update_with_its_reason(context: Any) -> None:
    imports = context.services.imports
    imports.commit(table(*ROWS), OPTIONS)
    changed = ImportOptions(scheme=OPTIONS.scheme, year=2021, document_no="浙经信材料〔2021〕200号")
    plan = imports.plan(table(ROWS[0]), changed)
    assert actions(plan) == [("高阻燃高强度玻纤增强聚酯基复合材料", LineAction.UPDATE)]
    assert any("200号" in reason for reason in plan.lines[0].reasons)
    assert imports.commit(table(ROWS[0]), changed).updated_recognitions == 1
    rows = context.services.recognitions.list_recognitions(RecognitionFilter(search="高阻燃"))
    assert rows[0].document_no == "浙经信材料〔2021〕200号"


def test_enterprises_match_by_credit_code_before_name(context: Any) -> None:
    code = factories.credit_code()
    existing = context.services.enterprises.create_enterprise(
        EnterpriseInput(name="振石集团华美新材料有限公司（桐乡）", credit_code=code)
    )
    row = ("1", "振石集团华美新材料有限公司", code, "高阻燃复合材料", "桐乡市", LEADING)
    plan = context.services.imports.plan(table(row), OPTIONS)
    line = plan.lines[0]
    assert (line.action, line.enterprise_id) == (LineAction.CREATE, existing.id)
    assert any("信用代码" in reason for reason in line.reasons)


def test_a_name_written_differently_is_offered_for_a_decision(context: Any) -> None:
    existing = context.services.enterprises.create_enterprise(
        EnterpriseInput(name="嘉兴（中国）新材料有限责任公司")
    )
    row = ("1", "嘉兴(中国)新材料 有限公司", "", "石墨烯导热膜", "南湖区", "其他")
    imports = context.services.imports
    plan = imports.plan(table(row), OPTIONS)
    line = plan.lines[0]
    assert line.action is LineAction.DECIDE
    assert [c.enterprise_id for c in line.candidates] == [existing.id]
    assert not plan.can_commit
    with pytest.raises(ValidationError) as refused:
        imports.commit(table(row), OPTIONS)
    assert "待确认" in refused.value.message("zh")
    assert context.services.info.database_info().counts["products"] == 0

    same = ImportOptions(scheme=OPTIONS.scheme, year=2021, decisions={line.key: existing.id})
    decided = imports.plan(table(row), same)
    assert decided.lines[0].action is LineAction.CREATE
    assert decided.lines[0].enterprise_id == existing.id
    imports.commit(table(row), same)
    counts = context.services.info.database_info().counts
    assert (counts["enterprises"], counts["products"]) == (1, 1)

    other = ImportOptions(scheme=OPTIONS.scheme, year=2021, decisions={line.key: None})
    two = imports.plan(table(row, ("9", *row[1:3], "另一产品", *row[4:])), other)
    # a decision belongs to its line: the first creates a new enterprise, the second asks
    assert [line.action for line in two.lines] == [LineAction.CREATE, LineAction.DECIDE]
    assert two.lines[0].enterprise_id is None


def test_errors_stop_the_whole_import_and_name_their_rows(context: Any) -> None:
    rows = (
        *ROWS,
        ("4", "", "", "无名企业的产品", "海宁市", "其他"),
        ("5", "嘉兴错误代码有限公司", "91330402MA2B3C4D5X", "某产品", "海宁市", "其他"),
    )
    imports = context.services.imports
    plan = imports.plan(table(*rows), OPTIONS)
    errors = [line for line in plan.lines if line.action is LineAction.ERROR]
    assert [line.row_number for line in errors] == [6, 7]
    assert "缺少企业名称" in errors[0].reasons[0]
    assert "第 18 位" in errors[1].reasons[0] or "校验" in errors[1].reasons[0]
    with pytest.raises(ValidationError):
        imports.commit(table(*rows), OPTIONS)
    assert context.services.info.database_info().counts["enterprises"] == 0


def test_without_scheme_or_year_every_line_says_what_is_missing(context: Any) -> None:
    plan = context.services.imports.plan(table(ROWS[0]), ImportOptions())
    reasons = " ".join(plan.lines[0].reasons)
    assert plan.lines[0].action is LineAction.ERROR
    assert "认定类型" in reasons and "年度" in reasons


def test_a_tier_that_does_not_fit_the_scheme_is_an_error(context: Any) -> None:
    row = ("1", "嘉兴某公司", "", "某材料", "南湖区", "市级")
    plan = context.services.imports.plan(table(row), OPTIONS)
    assert plan.lines[0].action is LineAction.ERROR


def test_rows_of_other_cities_can_be_skipped(context: Any) -> None:
    rows = (*ROWS, ("4", "杭州某新材料有限公司", "", "某材料", "杭州市", "其他"))
    local = ImportOptions(scheme=OPTIONS.scheme, year=2021, only_local=True)
    plan = context.services.imports.plan(table(*rows), local)
    assert plan.lines[-1].action is LineAction.SKIP
    assert context.services.imports.commit(table(*rows), local).created_enterprises == 3
    everyone = context.services.imports.plan(table(*rows), OPTIONS)
    assert everyone.lines[-1].action is LineAction.CREATE


def test_the_same_product_twice_in_a_file_is_imported_once(context: Any) -> None:
    plan = context.services.imports.plan(table(ROWS[2], ROWS[2]), OPTIONS)
    assert [line.action for line in plan.lines] == [LineAction.CREATE, LineAction.UNCHANGED]
    result = context.services.imports.commit(table(ROWS[2], ROWS[2]), OPTIONS)
    assert (result.created_products, result.created_recognitions) == (1, 1)


def test_a_missing_product_column_is_refused(context: Any) -> None:
    mapping = {k: v for k, v in MAPPING.items() if v is not F.PRODUCT}
    with pytest.raises(ValidationError) as refused:
        context.services.imports.plan(table(*ROWS, mapping=mapping), OPTIONS)
    assert "产品名称" in refused.value.message("zh")


def test_a_scheme_column_and_a_date_column_are_read(context: Any) -> None:
    headers = ("企业名称", "产品名称", "认定类型", "年度", "文号", "认定日期")
    mapping = {
        0: F.ENTERPRISE,
        1: F.PRODUCT,
        2: F.SCHEME,
        3: F.YEAR,
        4: F.DOCUMENT_NO,
        5: F.RECOGNISED_ON,
    }
    row = (
        "嘉兴某公司",
        "某材料",
        "国家首批次目录",
        "2024年",
        "工信部原函〔2024〕1号",
        "2024-09-30",
    )
    plan = context.services.imports.plan(
        table(row, headers=headers, mapping=mapping), ImportOptions()
    )
    line = plan.lines[0]
    assert (line.action, line.scheme, line.year, line.recognised_on) == (
        LineAction.CREATE,
        Scheme.NATIONAL_CATALOGUE,
        2024,
        date(2024, 9, 30),
    )
