"""Ledgers (台账) exported to .xlsx through the real services and read back with openpyxl."""

from __future__ import annotations

import errno
import os
import tempfile
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from firstbatch_desk.domain.dtos.exporting import ExportCancelled, LedgerKind
from firstbatch_desk.domain.dtos.filters import (
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput, TransitionInput
from firstbatch_desk.domain.dtos.register import ContactInput, ProductInput, RecognitionInput
from firstbatch_desk.domain.enums import NeedCategory, Scheme, Tier, Urgency, VisitMethod
from firstbatch_desk.domain.errors import StorageError, ValidationError
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.services import exporting
from firstbatch_desk.services.ledger_workbook import cell_values, text_width
from firstbatch_desk.services.listing import SortOrder
from tests import factories

RECOGNITION_HEADERS = [
    "序号",
    "企业名称",
    "统一社会信用代码",
    "地区",
    "产品名称",
    "型号规格",
    "认定类型",
    "认定档次",
    "年度",
    "文号",
    "认定日期",
    "有效期至",
    "奖励金额（万元）",
    "是否兑现",
]


def _sheet(path: Path) -> Any:
    (sheet,) = load_workbook(path).worksheets
    return sheet


def _records(sheet: Any) -> list[dict[str, Any]]:
    """Each data row as header -> cell (the cell, to check formats too)."""
    rows = list(sheet.iter_rows())
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def _values(record: dict[str, Any]) -> dict[str, Any]:
    return {header: cell.value for header, cell in record.items()}


def _export(context: Any, kind: LedgerKind, path: Path, **options: Any) -> int:
    return context.services.exports.export_ledger(kind, path, **options)


@pytest.fixture
def recorded(context: Any) -> dict[str, Any]:
    """An enterprise with a contact, a recognised product under a case, a visit and a need."""
    services = context.services
    enterprise = factories.enterprise(
        services,
        name="浙江台账测试新材料有限公司",
        above_scale=True,
        high_tech=True,
        notes="重点培育企业\n第二行备注",
        contacts=(
            ContactInput("王五", "办公室主任", "0573-12345678"),
            ContactInput("李娜", "总经理", "13812345678", "lina@example.com", is_primary=True),
        ),
    )
    case = factories.recognised_case(services, enterprise.id)
    visit = factories.visit(
        services,
        case.row,
        officer_ids=(case.row.officer_id,),
        attendees=(AttendeeInput("李娜", "总经理"), AttendeeInput("赵六")),
        production_status="两条产线满负荷",
        contract_value="35.5",
        quantity="120",
        quantity_unit="吨",
        new_users_count=2,
        next_visit_on=date(2024, 6, 12),
        signed=True,
        summary="=企业生产正常，反映融资难，希望对接银行。" + "详细情况。" * 20,
    )
    departments = services.reference.list_departments()
    need = services.needs.raise_need(
        NeedInput(
            enterprise.id,
            NeedCategory.FINANCING,
            "对接银行贷款",
            description="希望对接银行，解决流动资金。",
            case_id=case.row.id,
            urgency=Urgency.URGENT,
            raised_on=date(2024, 3, 12),
            lead_department_id=departments[0].id,
            supporting_department_ids=(departments[1].id, departments[2].id),
        )
    )
    need = services.needs.transition(
        need.row.id, TransitionInput(NeedAction.ACCEPT, on=date(2024, 3, 13))
    )
    return {
        "enterprise": enterprise,
        "case": services.cases.get_case(case.row.id),
        "visit": visit,
        "need": need,
        "departments": departments,
    }


def test_enterprise_ledger_has_more_columns_than_the_list(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "企业.xlsx"
    assert _export(context, LedgerKind.ENTERPRISES, target) == 1
    sheet = _sheet(target)
    assert sheet.title == "企业台账"
    (record,) = _records(sheet)
    enterprise = recorded["enterprise"]
    assert _values(record) == {
        "序号": 1,
        "企业名称": "浙江台账测试新材料有限公司",
        "统一社会信用代码": enterprise.credit_code,
        "曾用名": None,
        "所在区县": "南湖区",
        "开发区": None,
        "地址": None,
        "法定代表人": None,
        "所属行业": None,
        "规上企业": "是",
        "专精特新": "否",
        "高新技术企业": "是",
        "联系人": "李娜",  # the primary contact, not the first entered
        "职务": "总经理",
        "联系电话": "13812345678",
        "电子邮箱": "lina@example.com",
        "产品数": 1,
        "认定数": 1,
        "备注": "重点培育企业\n第二行备注",
    }
    assert record["备注"].alignment.wrap_text


def test_recognition_ledger_keeps_the_published_wording(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    services = context.services
    product = services.products.create_product(
        ProductInput(recorded["enterprise"].id, "高性能碳纤维", model_spec="T800")
    )
    services.recognitions.create_recognition(
        RecognitionInput(
            product.id,
            Scheme.NATIONAL_CATALOGUE,
            Tier.INTERNATIONAL,
            2024,
            tier_text="国际首批次（技术水平国际先进）",
            document_no="工信部原函〔2024〕1号",
            recognised_on=date(2024, 5, 6),
            reward_amount="123.456",
            reward_paid=True,
        )
    )
    target = tmp_path / "认定.xlsx"
    order = SortOrder("year", descending=True)
    assert _export(context, LedgerKind.RECOGNITIONS, target, order=order) == 2
    sheet = _sheet(target)
    assert [cell.value for cell in sheet[1]] == RECOGNITION_HEADERS
    first, second = _records(sheet)
    assert _values(first) == {
        "序号": 1,
        "企业名称": "浙江台账测试新材料有限公司",
        "统一社会信用代码": recorded["enterprise"].credit_code,
        "地区": "南湖区",
        "产品名称": "高性能碳纤维",
        "型号规格": "T800",
        "认定类型": "国家首批次目录",
        "认定档次": "国际首批次（技术水平国际先进）",  # the raw wording, read back by the import
        "年度": 2024,
        "文号": "工信部原函〔2024〕1号",
        "认定日期": datetime(2024, 5, 6),
        "有效期至": datetime(2027, 5, 5),
        "奖励金额（万元）": pytest.approx(123.456),
        "是否兑现": "是",
    }
    assert first["认定日期"].is_date and first["认定日期"].number_format == "yyyy-mm-dd"
    assert first["奖励金额（万元）"].data_type == "n"
    assert first["奖励金额（万元）"].number_format == "0.00"
    assert isinstance(first["年度"].value, int)
    # Without raw wording the tier's label; no reward is an empty cell, not 0.
    assert second["认定档次"].value == "国内首批次"
    assert second["产品名称"].value == "卤代丁基橡胶"
    assert second["奖励金额（万元）"].value is None
    assert second["是否兑现"].value == "否"


def test_case_ledger_counts_visits_and_open_needs(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "档案.xlsx"
    assert _export(context, LedgerKind.CASES, target) == 1
    (record,) = _records(_sheet(target))
    case = recorded["case"].row
    values = _values(record)
    assert values["档案号"] == case.case_no
    assert values["产品名称"] == "卤代丁基橡胶"
    assert values["认定类型"] == "省首批次认定"
    assert values["认定档次"] == "国内首批次"
    assert values["认定年度"] == 2023
    assert values["负责人"] == "陈晓明"
    assert values["状态"] == "跟踪中"
    assert values["建档日期"] == datetime(2023, 9, 5)
    assert values["上次走访"] == datetime(2024, 3, 12)
    assert values["下次走访"] == datetime.combine(case.next_due_on, datetime.min.time())
    assert values["结案日期"] is None
    assert (values["走访次数"], values["未办结诉求"]) == (1, 1)


def test_visit_ledger_has_the_notes_people_and_amounts(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "走访.xlsx"
    assert _export(context, LedgerKind.VISITS, target) == 1
    sheet = _sheet(target)
    assert sheet.title == "走访记录台账"
    (record,) = _records(sheet)
    values = _values(record)
    summary = "=企业生产正常，反映融资难，希望对接银行。" + "详细情况。" * 20
    assert values == {
        "序号": 1,
        "走访日期": datetime(2024, 3, 12),
        "企业名称": "浙江台账测试新材料有限公司",
        "地区": "南湖区",
        "走访方式": "上门",
        "走访人员": "陈晓明",
        "企业参加人员": "李娜（总经理）、赵六",
        "涉及档案": recorded["case"].row.case_no,
        "生产情况": "两条产线满负荷",
        "销售情况": None,
        "推广应用进展": None,
        "新增下游用户": None,
        "新增用户数": 2,
        "政策宣传": None,
        "走访纪要": summary,
        "合同金额（万元）": pytest.approx(35.5),
        "数量": "120 吨",
        "下次走访日期": datetime(2024, 6, 12),
        "已签字": "是",
    }
    # Text that starts with "=" stays text: never a formula Excel would run.
    assert record["走访纪要"].data_type == "s"
    assert record["走访纪要"].alignment.wrap_text
    assert record["合同金额（万元）"].number_format == "0.00"
    assert record["下次走访日期"].number_format == "yyyy-mm-dd"


def test_need_ledger_has_departments_and_the_deadline_in_force(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "诉求.xlsx"
    assert _export(context, LedgerKind.NEEDS, target) == 1
    (record,) = _records(_sheet(target))
    need = recorded["need"]
    lead, first, second = recorded["departments"][:3]
    assert _values(record) == {
        "序号": 1,
        "诉求编号": need.row.need_no,
        "企业名称": "浙江台账测试新材料有限公司",
        "诉求类别": "融资",
        "诉求事项": "对接银行贷款",
        "诉求内容": "希望对接银行，解决流动资金。",
        "来源渠道": "走访",
        "紧急程度": "紧急",
        "状态": "已受理",
        "主办部门": lead.name,
        "协办部门": "、".join(sorted((first.name, second.name), key=_department_order(context))),
        "提出日期": datetime(2024, 3, 12),
        "受理日期": datetime(2024, 3, 13),
        "办理期限": datetime.combine(need.row.due_on, datetime.min.time()),
        "办结日期": None,
        "办理结果": None,
        "满意度": None,
    }


def _department_order(context: Any) -> Any:
    names = [d.name for d in context.services.reference.list_departments()]
    return names.index


def test_a_filtered_export_has_exactly_the_list_rows_in_the_list_order(
    context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "CHUNK", 2)  # rows come from several chunks
    services = context.services
    case = factories.recognised_case(services)
    other = factories.recognised_case(services)
    for day, method, row in (
        (1, VisitMethod.PHONE, case.row),
        (2, VisitMethod.ON_SITE, case.row),
        (3, VisitMethod.PHONE, other.row),
        (4, VisitMethod.PHONE, case.row),
        (5, VisitMethod.MEETING, other.row),
    ):
        factories.visit(services, row, visit_date=date(2024, 4, day), method=method)
    filters = VisitFilter(method=VisitMethod.PHONE)
    order = SortOrder("enterprise")
    keys = services.visits.visit_keys(filters, order)
    by_id = {row.id.hex: row for row in services.visits.visit_rows(keys)}
    shown = [(by_id[key].enterprise_name, by_id[key].visit_date) for key in keys]
    assert len(shown) == 3

    target = tmp_path / "电话走访.xlsx"
    assert _export(context, LedgerKind.VISITS, target, filters=filters, order=order) == 3
    records = [_values(r) for r in _records(_sheet(target))]
    assert [(r["企业名称"], r["走访日期"].date()) for r in records] == shown
    assert [r["序号"] for r in records] == [1, 2, 3]
    assert {r["走访方式"] for r in records} == {"电话"}

    searched = tmp_path / "搜索.xlsx"
    name = other.row.enterprise_name
    assert _export(
        context, LedgerKind.ENTERPRISES, searched, filters=EnterpriseFilter(search=name)
    ) == len(services.enterprises.enterprise_keys(EnterpriseFilter(search=name)))
    assert [r["企业名称"] for r in map(_values, _records(_sheet(searched)))] == [name]


def test_every_ledger_takes_its_own_filter_only(context: Any, tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        _export(context, LedgerKind.NEEDS, tmp_path / "x.xlsx", filters=VisitFilter())
    assert (
        _export(context, LedgerKind.NEEDS, tmp_path / "x.xlsx", filters=NeedFilter(open_only=True))
        == 0
    )


def test_header_is_frozen_filtered_and_columns_fit_their_content(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "走访.xlsx"
    _export(context, LedgerKind.VISITS, target)
    sheet = _sheet(target)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:S2"
    header = {cell.value: cell for cell in sheet[1]}
    assert header["企业名称"].font.b
    assert header["企业名称"].fill.fgColor.rgb.endswith("DDEBF7")

    def width(title: str) -> float:
        return sheet.column_dimensions[header[title].column_letter].width

    # 13 Chinese characters count 26 columns, plus a little room; never squeezed or huge.
    assert 26 <= width("企业名称") <= 30
    assert width("走访日期") == 12  # a date (10) is wider than its header (8)
    assert width("序号") <= 6
    assert width("走访纪要") == 60  # long text: capped, wrapped
    assert width("生产情况") < width("走访纪要")


def test_an_existing_file_is_replaced_only_by_a_finished_export(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"the officer's old ledger")
    assert _export(context, LedgerKind.VISITS, target) == 1
    assert _records(_sheet(target))[0]["企业名称"].value == "浙江台账测试新材料有限公司"
    assert sorted(os.listdir(tmp_path)) == sorted(["data", "台账.xlsx"])


@pytest.mark.parametrize("cancel_at", [1, 2, 3, 4])
def test_cancelling_at_any_point_leaves_the_old_file_and_no_leftovers(
    context: Any,
    recorded: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cancel_at: int,
) -> None:
    # 1: while reading, 2: after the rows are written, 3: before saving, 4: before replacing
    scratch = tmp_path / "scratch"  # the spool and openpyxl's own temporary files
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "台账.xlsx"
    old = b"PK\x03\x04 an old ledger the officer keeps"
    target.write_bytes(old)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked >= cancel_at

    with pytest.raises(ExportCancelled) as caught:
        _export(context, LedgerKind.VISITS, target, cancelled=cancelled)
    assert caught.value.code == "export.cancelled"
    assert asked == cancel_at
    assert target.read_bytes() == old
    assert os.listdir(folder) == ["台账.xlsx"]
    assert os.listdir(scratch) == []


def test_progress_rises_to_its_total(
    context: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    _export(
        context,
        LedgerKind.ENTERPRISES,
        tmp_path / "e.xlsx",
        progress=lambda done, total: seen.append((done, total)),
    )
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] == 0
    assert seen[-1][0] == seen[-1][1] > 0
    assert len({total for _, total in seen}) == 1


def test_an_empty_ledger_has_its_header_only(context: Any, tmp_path: Path) -> None:
    target = tmp_path / "空.xlsx"
    filters = RecognitionFilter(search="没有这种材料")
    assert _export(context, LedgerKind.RECOGNITIONS, target, filters=filters) == 0
    sheet = _sheet(target)
    assert [cell.value for cell in sheet[1]] == RECOGNITION_HEADERS
    assert sheet.max_row == 1


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("missing/台账.xlsx", "export.no_folder"),
        ("台账.csv", "export.not_xlsx"),
        (".", "export.is_folder"),
    ],
)
def test_a_bad_target_is_refused_before_any_work(
    context: Any, tmp_path: Path, name: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _export(context, LedgerKind.ENTERPRISES, tmp_path / name)
    assert caught.value.code == code
    assert caught.value.field == "path"
    assert str(tmp_path) in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_gives_a_clear_message(context: Any, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            _export(context, LedgerKind.ENTERPRISES, folder / "台账.xlsx")
    finally:
        folder.chmod(0o700)
    assert caught.value.code == "export.folder_readonly"
    assert os.listdir(folder) == []


@pytest.mark.parametrize(
    ("failure", "code", "words"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "export.folder_readonly",
            "没有写入权限",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "export.disk_full", "磁盘空间不足"),
    ],
)
def test_a_folder_that_refuses_the_file_gives_a_clear_message(
    context: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: OSError,
    code: str,
    words: str,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise failure

    monkeypatch.setattr(exporting.tempfile, "mkstemp", refuse)
    with pytest.raises(StorageError) as caught:
        _export(context, LedgerKind.ENTERPRISES, tmp_path / "台账.xlsx")
    assert caught.value.code == code
    assert words in caught.value.message("zh")
    assert caught.value.message("en")


def test_a_full_disk_midway_leaves_the_old_file(
    context: Any, recorded: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")

    def full(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exporting, "write_workbook", full)
    with pytest.raises(StorageError) as caught:
        _export(context, LedgerKind.VISITS, target)
    assert caught.value.code == "export.disk_full"
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["data", "台账.xlsx"]


def test_a_file_open_in_another_program_is_left_as_it_was(
    context: Any, recorded: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"open in WPS")

    def locked(source: Any, destination: Any) -> None:  # what Windows does
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(exporting.os, "replace", locked)
    with pytest.raises(StorageError) as caught:
        _export(context, LedgerKind.VISITS, target)
    assert caught.value.code == "export.file_in_use"
    assert "Excel 或 WPS" in str(caught.value)
    assert target.read_bytes() == b"open in WPS"
    assert sorted(os.listdir(tmp_path)) == ["data", "台账.xlsx"]


def test_cell_values_are_what_excel_can_hold() -> None:
    from firstbatch_desk.services.ledger_columns import CellKind

    kinds = [CellKind.TEXT, CellKind.YES_NO, CellKind.MONEY, CellKind.DATE, CellKind.TEXT]
    assert cell_values(("a\x01b\x1fc", False, "1.5", date(2024, 1, 2), ""), kinds) == (
        "abc",
        "否",
        Decimal("1.5"),
        date(2024, 1, 2),
        None,
    )
    (long,) = cell_values(("字" * 40_000,), [CellKind.LONG_TEXT])
    assert len(long) == 32_767 and long.endswith("…")
    assert cell_values((Tier.DOMESTIC, uuid.UUID(int=0)), [CellKind.TEXT] * 2)[0] == "国内首批次"


def test_text_width_counts_chinese_double_and_the_longest_line() -> None:
    assert text_width("GZ-2024-0001") == 12
    assert text_width("南湖区") == 6
    assert text_width("（有限公司）") == 12
    assert text_width("短\n长一点的行") == 10
    assert text_width("x" * 500) == 60
