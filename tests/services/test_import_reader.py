"""Reading published lists from real .xlsx and .csv files built by the tests."""

from __future__ import annotations

import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from firstbatch_desk.domain.dtos.importing import ImportField, SheetTable
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.import_rules import parse_date_text, parse_year, split_products
from firstbatch_desk.services.import_reader import read_table, sheet_names
from tests.importing_files import (
    HEADER,
    LEADING,
    ROWS,
    TITLE,
    Formula,
    big_list,
    csv_list,
    ole_file,
    provincial_list,
    raw_xlsx,
)

F = ImportField


def column(table: SheetTable, field: ImportField) -> list[str]:
    index = next(i for i, f in table.mapping.items() if f is field)
    return [row.cells[index] for row in table.rows]


def refused(path: Path, code: str, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert error.code == code, error.message()
    assert path.name in error.message("zh") and path.name in error.message("en")
    assert "{" not in error.message("zh") and "{" not in error.message("en")
    return error


def workbook(path: Path, *rows: list[object], sheet: str = "Sheet1") -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


# -- the shapes of published lists


def test_title_row_above_the_header(tmp_path: Path) -> None:
    table = read_table(provincial_list(tmp_path / "2021年名单.xlsx", merged_enterprise=False))
    assert (table.source, table.sheet, table.header_row) == ("2021年名单.xlsx", "Sheet1", 2)
    assert table.headers == HEADER
    assert table.mapping == {0: F.SEQ, 1: F.ENTERPRISE, 2: F.PRODUCT, 3: F.DIVISION, 4: F.TIER}
    assert [row.number for row in table.rows] == [3, 4, 5]
    assert column(table, F.PRODUCT) == [row[2] for row in ROWS]
    assert column(table, F.TIER)[0] == LEADING
    assert any("表头在第 2 行" in note and "上方 1 行" in note for note in table.notes)


def test_merged_cells_fill_their_range(tmp_path: Path) -> None:
    rows = (
        (1, "巨石集团有限公司", "耐老化低毛羽通用型玻璃纤维直接纱386H", "桐乡市", "其他"),
        (2, "巨石集团有限公司", "电子级玻璃纤维布", "桐乡市", "其他"),
        (3, "巨石集团有限公司", "高模量玻璃纤维", "桐乡市", "其他"),
        (4, "浙江信汇新材料股份有限公司", "卤代丁基橡胶", "平湖市", LEADING),
    )
    path = provincial_list(tmp_path / "名单.xlsx", rows, merged_enterprise=True)
    ranges = {str(r) for r in load_workbook(path).active.merged_cells.ranges}
    assert {"A1:E1", "B3:B5"} <= ranges  # the title across, the enterprise down
    table = read_table(path)
    assert table.header_row == 2  # the merged title is not the header
    assert column(table, F.ENTERPRISE) == [r[1] for r in rows]
    assert column(table, F.PRODUCT) == [r[2] for r in rows]
    assert any("1 处跨行的合并单元格" in note for note in table.notes)


def test_merged_header_cells_and_a_value_merged_across_columns(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "名单.xlsx",
        [
            [TITLE],
            ["序号", "企业名称", "材料名称", None, "认定档次"],
            [1, "甲公司", "甲材料", None, "省内首批次"],
        ],
        merges=["A1:E1", "C2:D2", "C3:D3"],
    )
    table = read_table(path)
    assert table.headers == ("序号", "企业名称", "材料名称", "材料名称", "认定档次")
    assert table.mapping[2] is F.PRODUCT and 3 not in table.mapping
    assert table.rows[0].cells == ("1", "甲公司", "甲材料", "甲材料", "省内首批次")


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        (
            ("编号", "申报单位", "统一社会信用代码", "产品名称", "规格型号", "所在地区"),
            (F.SEQ, F.ENTERPRISE, F.CREDIT_CODE, F.PRODUCT, F.MODEL_SPEC, F.DIVISION),
        ),
        (
            ("序 号", "单位名称", "信用代码", "新材料名称", "型号", "地市", "档次（注1）"),
            (F.SEQ, F.ENTERPRISE, F.CREDIT_CODE, F.PRODUCT, F.MODEL_SPEC, F.DIVISION, F.TIER),
        ),
        (
            ("企业", "产品", "社会信用代码", "型号规格", "区县", "技术水平", "首批次类型"),
            (F.ENTERPRISE, F.PRODUCT, F.CREDIT_CODE, F.MODEL_SPEC, F.DIVISION, F.TIER, F.SCHEME),
        ),
        (
            ("*生产企业", "材料名称*", "所在地", "认定类别", "类型", "年份", "批次文号"),
            (F.ENTERPRISE, F.PRODUCT, F.DIVISION, F.TIER, F.SCHEME, F.YEAR, F.DOCUMENT_NO),
        ),
        (
            ("企业名称", "材料\n名称", "地区", "类别", "认定类型", "认定年度", "文号", "备注"),
            (
                F.ENTERPRISE,
                F.PRODUCT,
                F.DIVISION,
                F.TIER,
                F.SCHEME,
                F.YEAR,
                F.DOCUMENT_NO,
                F.REMARK,
            ),
        ),
        (
            ("企业名称", "产品名称", "认定档次", "年度", "发文文号", "认定日期", "说明"),
            (F.ENTERPRISE, F.PRODUCT, F.TIER, F.YEAR, F.DOCUMENT_NO, F.RECOGNISED_ON, F.REMARK),
        ),
        (
            ("ＮＯ", "企业名称", "产品名称", "发布日期", "认定档次"),
            (None, F.ENTERPRISE, F.PRODUCT, F.RECOGNISED_ON, F.TIER),
        ),
    ],
)
def test_header_wordings(
    tmp_path: Path, header: tuple[str, ...], fields: tuple[ImportField | None, ...]
) -> None:
    row = [f"值{i}" for i in range(len(header))]
    table = read_table(workbook(tmp_path / "名单.xlsx", [TITLE], list(header), row))
    assert table.header_row == 2
    assert [table.mapping.get(i) for i in range(len(header))] == list(fields)


def test_several_products_in_one_cell(tmp_path: Path) -> None:
    cell = "卤代丁基橡胶；溴化丁基橡胶\n稀土永磁、石墨烯;碳纤维"
    rows = ((1, "浙江信汇新材料股份有限公司", cell, "平湖市", LEADING),)
    table = read_table(provincial_list(tmp_path / "名单.xlsx", rows))
    assert column(table, F.PRODUCT) == [cell]  # the reader keeps the cell; planning splits it
    assert split_products(column(table, F.PRODUCT)[0]) == [
        "卤代丁基橡胶",
        "溴化丁基橡胶",
        "稀土永磁",
        "石墨烯",
        "碳纤维",
    ]


def test_blank_rows_in_the_middle_are_skipped(tmp_path: Path) -> None:
    path = provincial_list(tmp_path / "名单.xlsx", blank_after=(0, 1), merged_enterprise=False)
    table = read_table(path)
    assert [row.number for row in table.rows] == [3, 5, 7]  # the sheet's own row numbers
    assert column(table, F.ENTERPRISE) == [row[1] for row in ROWS]
    assert any("跳过空行：第 4、6 行" in note for note in table.notes)


def test_remark_rows_at_the_bottom_end_the_list(tmp_path: Path) -> None:
    remarks = ("注：1. 认定有效期三年。", "2. 名单按企业名称排序。", "3. 以公示为准。")
    table = read_table(provincial_list(tmp_path / "名单.xlsx", remarks=remarks))
    assert [row.number for row in table.rows] == [3, 4, 5]
    assert any(
        "第 6 行起是表末的说明" in note and "以下 3 行未导入" in note for note in table.notes
    )


def test_group_headings_between_the_rows(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "名单.xlsx",
        [
            [TITLE],
            list(HEADER),
            ["一、国内首批次（2项）"],
            list(ROWS[0]),
            list(ROWS[1]),
            ["二、省内首批次（1项）"],
            list(ROWS[2]),
        ],
        merges=["A1:E1", "A3:E3", "A6:E6"],
    )
    table = read_table(path)
    assert [row.number for row in table.rows] == [4, 5, 7]
    assert any("跳过说明、分组标题或合计行：第 3、6 行" in note for note in table.notes)


def test_a_total_row_at_the_bottom(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx", list(HEADER), *[list(r) for r in ROWS], ["合计", "3 家"]
    )
    table = read_table(path)
    assert len(table.rows) == 3
    assert any("第 5 行起是表末的说明或合计（“合计”）" in note for note in table.notes)


def test_a_header_repeated_on_the_next_page(tmp_path: Path) -> None:
    rows = [list(ROWS[0]), list(HEADER), list(ROWS[1])]
    table = read_table(workbook(tmp_path / "名单.xlsx", list(HEADER), *rows))
    assert [row.number for row in table.rows] == [2, 4]
    assert any("跳过重复的表头：第 3 行" in note for note in table.notes)


# -- CSV


@pytest.mark.parametrize(
    ("encoding", "said"),
    [("utf-8-sig", "UTF-8（带 BOM）"), ("utf-8", "UTF-8"), ("gbk", "GBK"), ("gb18030", "GBK")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, said: str) -> None:
    path = csv_list(tmp_path / "名单.csv", encoding=encoding, title=TITLE)
    table = read_table(path)
    assert (table.sheet, table.header_row) == ("", 2)
    assert column(table, F.ENTERPRISE) == [row[1] for row in ROWS]
    assert column(table, F.TIER)[0] == LEADING  # its commas did not split the cell
    assert any(said in note for note in table.notes)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_csv_delimiters(tmp_path: Path, delimiter: str) -> None:
    table = read_table(csv_list(tmp_path / "名单.csv", delimiter=delimiter, encoding="gbk"))
    assert column(table, F.PRODUCT) == [row[2] for row in ROWS]
    assert table.mapping[1] is F.ENTERPRISE


def test_csv_with_a_line_break_inside_a_quoted_cell(tmp_path: Path) -> None:
    rows = ((1, "浙江信汇新材料股份有限公司", "卤代丁基橡胶\n溴化丁基橡胶", "平湖市", "其他"),)
    table = read_table(csv_list(tmp_path / "名单.csv", rows))
    assert column(table, F.PRODUCT) == ["卤代丁基橡胶\n溴化丁基橡胶"]


# -- cell values


def test_formulas_with_calculated_values(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "名单.xlsx",
        [
            ["序号", "企业名称", "材料名称", "年度"],
            [
                Formula("ROW()-1", 1),
                "甲公司",
                Formula('"材料"&"甲"', "材料甲"),
                Formula("2020+1", 2021),
            ],
            [2, "乙公司", "材料乙", Formula("1/0", "#DIV/0!", error=True)],
        ],
    )
    table = read_table(path)
    assert table.rows[0].cells == ("1", "甲公司", "材料甲", "2021")
    assert table.rows[1].cells == ("2", "乙公司", "材料乙", "")
    assert any("错误值" in note and "D3（#DIV/0!）" in note for note in table.notes)
    assert not any("没有保存计算结果" in note for note in table.notes)


def test_formulas_saved_without_values_read_as_empty_with_a_note(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx",
        ["企业名称", "材料名称", "年度"],
        ["甲公司", "材料甲", "=2020+1"],  # openpyxl saves the formula, not its value
        ["乙公司", "材料乙", 2021],
    )
    table = read_table(path)
    assert column(table, F.YEAR) == ["", "2021"]
    assert any("C2" in note and "没有保存计算结果" in note for note in table.notes)


def test_numbers_stored_as_text_and_years_as_numbers(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx",
        ["序号", "企业名称", "统一社会信用代码", "材料名称", "年度"],
        ["１", "甲公司", 913304027300000000, "材料甲", 2021],
        [" 2 ", "乙公司", "91350100M000100Y43", "材料乙", 2021.0],
        ["3", "丙公司", "", "材料丙", "２０２１年度"],
        [4.0, "丁公司", "", "材料丁", "2021"],
    )
    table = read_table(path)
    assert column(table, F.SEQ) == ["１", "2", "3", "4"]
    assert column(table, F.CREDIT_CODE)[:2] == ["913304027300000000", "91350100M000100Y43"]
    assert column(table, F.YEAR) == ["2021", "2021", "２０２１年度", "2021"]
    assert {parse_year(text) for text in column(table, F.YEAR)} == {2021}


def test_dates_as_serial_numbers_and_as_text(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx",
        ["企业名称", "材料名称", "认定日期"],
        ["甲公司", "材料甲", datetime(2021, 9, 30)],  # a real date cell
        ["乙公司", "材料乙", 44469],  # a serial number without date format
        ["丙公司", "材料丙", "44469"],  # a serial number stored as text
        ["丁公司", "材料丁", "2021年9月30日"],
        ["戊公司", "材料戊", "2021/9/30"],
    )
    table = read_table(path)
    texts = column(table, F.RECOGNISED_ON)
    assert texts == ["2021-09-30", "44469", "44469", "2021年9月30日", "2021/9/30"]
    assert {parse_date_text(text) for text in texts} == {date(2021, 9, 30)}


def test_ten_thousand_rows(tmp_path: Path) -> None:
    path = big_list(tmp_path / "大名单.xlsx", 10_000)
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    table = read_table(path, progress=lambda done, total: calls.append((done, total)))
    seconds = time.perf_counter() - started
    print(f"10,000 rows read in {seconds:.2f} s")
    assert seconds < 10
    assert len(table.rows) == 10_000
    assert table.rows[-1].number == 10_002 and table.rows[-1].cells[1] == "嘉兴新材料有限公司10000"
    assert len(calls) >= 20 and calls[-1] == (10_002, 10_002)
    assert all(done <= total for done, total in calls)


def test_cancel_midway(tmp_path: Path) -> None:
    path = big_list(tmp_path / "大名单.xlsx", 3_000)
    calls: list[int] = []
    with pytest.raises(ValidationError) as caught:
        read_table(
            path,
            progress=lambda done, _total: calls.append(done),
            cancelled=lambda: len(calls) >= 2,
        )
    assert caught.value.code == "import.cancelled"
    assert calls == [500, 1000]  # asked again before the third report, then stopped
    assert caught.value.message() == "已取消导入，未读取或写入任何数据。"


def test_cancelled_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        read_table(tmp_path / "不存在.xlsx", cancelled=lambda: True)
    assert caught.value.code == "import.cancelled"


# -- sheets


def test_the_first_sheet_with_a_header_is_read_unless_one_is_named(tmp_path: Path) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["请按模板填写"])
    book.create_sheet("空白")
    first = book.create_sheet("2021年")
    for row in ([TITLE], list(HEADER), *[list(r) for r in ROWS]):
        first.append(row)
    second = book.create_sheet("2022年")
    for row in (list(HEADER), [1, "乙公司", "乙材料", "南湖区", "其他"]):
        second.append(row)
    hidden = book.create_sheet("底稿")
    hidden.sheet_state = "hidden"
    path = tmp_path / "名单.xlsx"
    book.save(path)

    assert sheet_names(path) == ["填表说明", "空白", "2021年", "2022年"]
    table = read_table(path)
    assert table.sheet == "2021年" and len(table.rows) == 3
    assert any("“填表说明”“空白”中没有名单的表头" in note for note in table.notes)
    assert column(read_table(path, sheet="2022年"), F.ENTERPRISE) == ["乙公司"]
    error = refused(path, "import.no_sheet", sheet="2023年")
    assert "2023年" in error.message() and "2021年、2022年" in error.message()
    refused(path, "import.no_header", sheet="填表说明")
    refused(path, "import.empty_sheet", sheet="空白")


def test_sheet_names_of_a_csv_file(tmp_path: Path) -> None:
    assert sheet_names(csv_list(tmp_path / "名单.csv")) == []


# -- bad input


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("名单.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ("名单.xlsx", "企业名称,材料名称\n甲公司,甲材料\n".encode()),  # a text file renamed
        ("名单.xls", "<html><table><tr><td>企业名称</td></tr></table></html>".encode()),
        ("名单.pdf", b"%PDF-1.7\n"),
        ("名单.csv", b"%PDF-1.7\n\x00\x01\x02binary"),
    ],
)
def test_not_a_spreadsheet(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert "另存为 .xlsx" in refused(path, "import.not_spreadsheet").message()


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    refused(path, "import.not_spreadsheet")


def test_a_damaged_workbook(tmp_path: Path) -> None:
    whole = provincial_list(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "名单.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "import.damaged")


def test_an_encrypted_workbook(tmp_path: Path) -> None:
    path = ole_file(
        tmp_path / "加密名单.xlsx", ["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]
    )
    assert "密码" in refused(path, "import.encrypted").message()


def test_an_old_xls_workbook(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "名单.xls", ["Workbook", "\x05SummaryInformation"])
    message = refused(path, "import.old_format").message()
    assert ".xls" in message and "另存为" in message and ".xlsx" in message


def test_another_ole_file(tmp_path: Path) -> None:
    refused(ole_file(tmp_path / "通知.xls", ["WordDocument"]), "import.not_spreadsheet")


def test_an_xlsb_workbook(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x00")
    assert ".xlsb" in refused(path, "import.old_format").message()


@pytest.mark.parametrize("name", ["名单.xlsx", "名单.csv"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, "import.empty_file")


def test_a_csv_file_of_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n,,,\r\n\r\n")
    refused(path, "import.empty_file")


def test_an_empty_sheet(tmp_path: Path) -> None:
    error = refused(workbook(tmp_path / "名单.xlsx", sheet="名单"), "import.empty_sheet")
    assert "“名单”是空的" in error.message()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_no_recognisable_header(tmp_path: Path, kind: str) -> None:
    rows = [["单位", "项目", "金额"], ["甲公司", "甲项目", 10]]
    if kind == "xlsx":
        path, code = workbook(tmp_path / "名单.xlsx", [TITLE], *rows), "import.no_header"
    else:
        path, code = (
            csv_list(tmp_path / "名单.csv", rows[1:], header=rows[0]),
            "import.no_header_csv",
        )
    message = refused(path, code).message()
    assert "企业名称" in message and "产品名称" in message and "材料名称" in message


def test_only_a_header(tmp_path: Path) -> None:
    refused(workbook(tmp_path / "名单.xlsx", [TITLE], list(HEADER)), "import.no_rows")


def test_a_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "不存在.xlsx", "import.missing")


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "名单.xlsx"
    folder.mkdir()
    refused(folder, "import.not_spreadsheet")


def test_a_file_over_50_mb(tmp_path: Path) -> None:
    path = tmp_path / "巨大.xlsx"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024 + 1)
    assert "50 MB" in refused(path, "import.too_large").message()
