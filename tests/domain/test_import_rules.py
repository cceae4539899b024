"""Rules for reading published lists: headers, products, names, cell text, years, dates, remarks."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from firstbatch_desk.domain.dtos.importing import ImportField
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.import_rules import (
    HEADER_ALIASES,
    build_table,
    cell_text,
    find_header,
    header_score,
    is_remark_row,
    map_headers,
    match_header,
    normalise_enterprise_name,
    parse_date_text,
    parse_year,
    split_products,
)

F = ImportField
TITLE = "2021年度浙江省首批次新材料认定名单"
HEADER = ("序号", "企业名称", "材料名称", "地区", "认定档次")
MAPPING = {0: F.SEQ, 1: F.ENTERPRISE, 2: F.PRODUCT, 3: F.DIVISION, 4: F.TIER}


# -- headers


@pytest.mark.parametrize(
    ("field", "alias"),
    [(field, alias) for field, aliases in HEADER_ALIASES.items() for alias in aliases],
)
def test_every_alias_names_its_field(field: ImportField, alias: str) -> None:
    assert match_header(alias) is field


@pytest.mark.parametrize(
    ("wordings", "field"),
    [
        (("序号", "编号"), F.SEQ),
        (("材料名称", "产品名称", "新材料名称", "产品"), F.PRODUCT),
        (("企业名称", "申报单位", "单位名称", "企业", "生产企业"), F.ENTERPRISE),
        (("统一社会信用代码", "信用代码", "社会信用代码"), F.CREDIT_CODE),
        (("型号", "型号规格", "规格型号"), F.MODEL_SPEC),
        (("地区", "所在地", "所在地区", "地市", "区县"), F.DIVISION),
        (("认定档次", "认定类别", "档次", "类别", "技术水平"), F.TIER),
        (("认定类型", "首批次类型", "类型"), F.SCHEME),
        (("年度", "年份", "认定年度"), F.YEAR),
        (("文号", "发文文号", "批次文号"), F.DOCUMENT_NO),
        (("认定日期", "发布日期"), F.RECOGNISED_ON),
        (("备注", "说明"), F.REMARK),
    ],
)
def test_the_wordings_lists_use(wordings: tuple[str, ...], field: ImportField) -> None:
    for wording in wordings:
        assert match_header(wording) is field, wording


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("企 业 名 称", F.ENTERPRISE),  # spaces
        ("企业\n名称", F.ENTERPRISE),  # a line break inside the cell
        ("ＮＯ．序号", None),  # full width, but not a header we know
        ("认定档次（注1）", F.TIER),  # a note
        ("认定档次(注１)", F.TIER),  # half-width brackets, full-width digit
        ("认定档次注1", F.TIER),
        ("*企业名称", F.ENTERPRISE),
        ("企业名称*", F.ENTERPRISE),
        ("企业名称＊", F.ENTERPRISE),
        ("县（市、区）", F.DIVISION),
        ("申报企业名称", F.ENTERPRISE),  # contains an alias
        ("企业统一社会信用代码（18位）", F.CREDIT_CODE),
        ("生产企业所在地", F.DIVISION),  # the head noun comes last
        ("新材料产品名称及型号", F.PRODUCT),
        ("企业类型", None),  # "类型" alone must be the whole header
        ("产品应用领域", None),
        (TITLE, None),
        ("", None),
    ],
)
def test_header_matching_ignores_layout_and_notes(text: str, field: ImportField | None) -> None:
    assert match_header(text) is field


def test_map_headers_one_column_per_field_the_first_wins() -> None:
    headers = ["序号", "产品应用领域", "产品名称", "企业名称", "单位名称", "备注", "说明", "序号"]
    assert map_headers(headers) == {
        0: F.SEQ,
        2: F.PRODUCT,
        3: F.ENTERPRISE,  # 单位名称 is a second enterprise column: ignored
        5: F.REMARK,  # 说明 likewise
    }


def test_map_headers_exact_match_claims_the_field_before_a_containing_one() -> None:
    assert map_headers(["申请企业名称", "企业名称", "材料名称"]) == {
        1: F.ENTERPRISE,
        2: F.PRODUCT,
    }


def test_header_score_needs_enterprise_and_product() -> None:
    assert header_score([TITLE, "", "", "", ""]) == 0
    assert header_score([TITLE] * 5) == 0  # a title merged across the columns
    assert header_score(["序号", "企业名称", "地区"]) == 0
    assert header_score(list(HEADER)) == 5
    assert header_score(["企业名称", "材料名称"]) == 2


# -- cells


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("卤代丁基橡胶；溴化丁基橡胶", ["卤代丁基橡胶", "溴化丁基橡胶"]),
        ("卤代丁基橡胶;溴化丁基橡胶", ["卤代丁基橡胶", "溴化丁基橡胶"]),
        ("聚酰亚胺薄膜、聚酰亚胺纤维", ["聚酰亚胺薄膜", "聚酰亚胺纤维"]),
        ("卤代丁基橡胶\n溴化丁基橡胶\r\n稀土永磁", ["卤代丁基橡胶", "溴化丁基橡胶", "稀土永磁"]),
        ("1、卤代丁基橡胶；2、溴化丁基橡胶", ["卤代丁基橡胶", "溴化丁基橡胶"]),
        ("1.甲材料\n2.乙材料", ["甲材料", "乙材料"]),
        ("（1）甲材料（2）", ["甲材料（2）"]),
        ("①甲材料；②乙材料", ["甲材料", "乙材料"]),
        ("高强度，高模量玻璃纤维", ["高强度，高模量玻璃纤维"]),  # commas stay
        ("玻璃纤维 386H；玻璃纤维386H；；", ["玻璃纤维 386H"]),  # repeats, empties
        ("乙；甲；乙", ["乙", "甲"]),
        ("1.5mm超薄玻璃", ["1.5mm超薄玻璃"]),
        ("  ", []),
        ("", []),
    ],
)
def test_split_products(text: str, products: list[str]) -> None:
    assert split_products(text) == products


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("浙江某某新材料有限责任公司", "浙江某某新材料有限公司"),
        ("嘉兴（平湖）新材料有限公司", "嘉兴(平湖)新材料有限公司"),
        ("嘉兴【平湖】新材料有限公司", "嘉兴(平湖)新材料有限公司"),
        ("嘉兴[平湖]新材料有限公司", "嘉兴（平湖）新材料有限公司"),
        ("ＡＢＣ 新材料 有限公司", "abc新材料有限公司"),
        ("嘉兴新材料\u3000有限公司", "嘉兴新材料有限公司"),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert normalise_enterprise_name(a) == normalise_enterprise_name(b)


def test_normalised_name_exactly() -> None:
    assert normalise_enterprise_name(" 浙江ＡＢＣ（嘉兴）新材料有限责任公司 ") == (
        "浙江abc(嘉兴)新材料有限公司"
    )
    assert normalise_enterprise_name("浙江信汇新材料股份有限公司") != normalise_enterprise_name(
        "浙江信汇新材料有限公司"
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("", ""),
        (2021, "2021"),
        (2021.0, "2021"),
        (913304027300000000.0, "913304027300000000"),
        (1.5, "1.5"),
        (0.1 + 0.2, "0.3"),
        (Decimal("2021.00"), "2021"),
        (Decimal("1.50"), "1.5"),
        (True, "TRUE"),
        (datetime(2021, 9, 30, 0, 0), "2021-09-30"),
        (date(2021, 9, 30), "2021-09-30"),
        (time(8, 30), "08:30:00"),
        ("  巨石集团有限公司\u3000", "巨石集团有限公司"),
        ("\u200b巨石\u200d集团\ufeff", "巨石集团"),
        ("甲\r\n乙\r丙", "甲\n乙\n丙"),
        ("甲\t乙\x07", "甲 乙"),
        ("２０２１", "２０２１"),  # kept as written; parse_year reads it
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("2021", 2021),
        ("2021年", 2021),
        ("2021年度", 2021),
        (" 2021 年度 ", 2021),
        ("２０２１", 2021),
        ("２０２１年度", 2021),
        (2021, 2021),
        (2021.0, 2021),
        ("2021.0", 2021),
        (Decimal("2021"), 2021),
        (2021.5, None),
        ("21", None),
        ("2021-2022", None),
        ("1900", None),
        ("二〇二一", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_year(value: object, year: int | None) -> None:
    assert parse_year(value) == year


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2021-09-30", date(2021, 9, 30)),
        ("2021/9/30", date(2021, 9, 30)),
        ("2021.9.30", date(2021, 9, 30)),
        ("2021年9月30日", date(2021, 9, 30)),
        ("２０２１年９月３０日", date(2021, 9, 30)),
        ("2021-09-30 00:00:00", date(2021, 9, 30)),
        ("20210930", date(2021, 9, 30)),
        ("44469", date(2021, 9, 30)),  # an Excel serial number stored as text
        (44469, date(2021, 9, 30)),
        (44469.75, date(2021, 9, 30)),
        ("44469.75", date(2021, 9, 30)),
        (datetime(2021, 9, 30, 12), date(2021, 9, 30)),
        (17899, date(1949, 1, 1)),  # the first day taken
        (73415, date(2100, 12, 31)),  # the last
        (17898, None),
        (73416, None),
        (60, None),  # 1900-02-29, a day that never was
        ("2021", None),  # a year is no date
        ("2021-02-30", None),
        ("1900-01-01", None),
        ("2021年9月", None),
        ("明年", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_text(value: object, day: date | None) -> None:
    assert parse_date_text(value) == day


# -- rows


@pytest.mark.parametrize(
    "cells",
    [
        ("注：1. 认定有效期三年。", "", "", "", ""),
        ("注1：本名单按地区排序", "", "", "", ""),
        ("备注：名单以公示为准", "", "", "", ""),
        ("说明：……", "", "", "", ""),
        ("合计", "", "57项", "", ""),
        ("合 计", "", "", "", ""),
        ("", "总计：15 家企业", "", "", ""),
        ("以上名单经专家评审、公示无异议，现予以认定。",) * 5,  # one text merged across
        ("以上名单经专家评审、公示无异议，现予以认定。", "", "", "", ""),
        ("一、国内首批次（5项）",) * 5,  # a heading merged across the row
        ("一、国内首批次", "", "", "", ""),  # neither an enterprise nor a product
        ("嘉兴市经济和信息化局", "", "", "", ""),
        ("", "", "", "2021年9月30日", ""),
    ],
)
def test_remark_rows(cells: tuple[str, ...]) -> None:
    assert is_remark_row(cells, MAPPING)


def test_without_the_key_columns_only_a_long_text_alone_is_a_remark() -> None:
    assert is_remark_row(("以上名单经专家评审、公示无异议，现予以认定。", ""), {})
    assert not is_remark_row(("", "以上名单经专家评审、公示无异议，现予以认定。"), {})
    assert not is_remark_row(("嘉兴市经济和信息化局", ""), {})


@pytest.mark.parametrize(
    "cells",
    [
        ("1", "巨石集团有限公司", "耐老化低毛羽通用型玻璃纤维直接纱386H", "桐乡市", "其他"),
        ("2", "说明书用纸有限公司", "说明书用纸", "", ""),
        ("3", "", "甲材料", "", ""),  # an enterprise missing: planning says so
        ("3", "甲公司", "", "", ""),
        ("", "", "", "", ""),
    ],
)
def test_rows_that_are_not_remarks(cells: tuple[str, ...]) -> None:
    assert not is_remark_row(cells, MAPPING)


def _rows(*rows: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]]:
    return list(enumerate(rows, start=1))


def test_find_header_passes_the_title_and_blank_rows() -> None:
    rows = _rows((TITLE,) * 5, ("",) * 5, HEADER, ("1", "甲公司", "甲材料", "", ""))
    assert find_header(rows) == (3, HEADER)
    assert find_header(_rows((TITLE,), ("1", "甲公司"))) is None


def test_build_table_keeps_data_rows_only() -> None:
    data = ("1", "甲公司", "甲材料", "南湖区", "省内首批次")
    rows = _rows(
        (TITLE,) * 5,
        HEADER,
        data,
        ("", "", "", "", ""),
        ("小计", "", "", "", ""),  # between data rows: skipped
        HEADER,  # the header again (next printed page)
        ("2", "乙公司", "乙材料", "", ""),
        ("", "", "", "", ""),
        ("注：以上名单经公示无异议。",) * 5,
        ("2. 有效期三年。", "", "", "", ""),
    )
    table = build_table("名单.xlsx", "Sheet1", rows, rows[1], notes=("先前的说明",))
    assert [(row.number, row.cells[1]) for row in table.rows] == [(3, "甲公司"), (7, "乙公司")]
    assert table.rows[0].cells == data
    assert (table.source, table.sheet, table.header_row, table.headers) == (
        "名单.xlsx",
        "Sheet1",
        2,
        HEADER,
    )
    assert table.mapping == MAPPING
    notes = "\n".join(table.notes)
    assert table.notes[0] == "先前的说明"
    assert "上方 1 行（标题等）未导入" in notes
    assert "跳过空行：第 4 行" in notes  # row 8 is below the last data row: not worth a word
    assert "跳过重复的表头：第 6 行" in notes
    assert "跳过说明、分组标题或合计行：第 5 行" in notes
    assert "第 9 行起是表末的说明或合计" in notes and "以下 2 行未导入" in notes


def test_build_table_pads_rows_to_the_widest_and_names_unknown_columns() -> None:
    header = ("企业名称", "材料名称", "应用领域")
    rows = _rows(header, ("甲公司", "甲材料"), ("乙公司", "乙材料", "航空", "多出的一格"))
    table = build_table("x.csv", "", rows, rows[0])
    assert table.headers == ("企业名称", "材料名称", "应用领域", "")
    assert [row.cells for row in table.rows] == [
        ("甲公司", "甲材料", "", ""),
        ("乙公司", "乙材料", "航空", "多出的一格"),
    ]
    assert any("未识别的列" in note and "应用领域" in note for note in table.notes)


def test_build_table_without_data_rows_says_so() -> None:
    rows = _rows(HEADER, ("注：本年度无。",) * 5)
    with pytest.raises(ValidationError) as caught:
        build_table("名单.xlsx", "Sheet1", rows, rows[0])
    assert caught.value.code == "import.no_rows"
    assert "名单.xlsx" in str(caught.value) and "第 1 行是表头" in str(caught.value)
