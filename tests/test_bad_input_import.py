"""Bad input in imported lists (.xlsx and .csv) and in the PDF reports.

A list whose cells hold the hostile corpus is read and planned: a line that
the forms would refuse (a name too long, a 1 MB cell) is an error that says
why, in Chinese; invisible characters are taken out of the cells, as the
reader documents. Committing refuses while errors remain and writes nothing;
the valid lines commit and read back exactly as the forms would have kept
them. Reports built from such data open in a PDF reader and carry the text.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.app import AppContext, open_context
from firstbatch_desk.domain.dtos.filters import RecognitionFilter
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput
from firstbatch_desk.domain.dtos.importing import ImportOptions, LineAction
from firstbatch_desk.domain.dtos.register import ContactInput, ProductInput, RecognitionInput
from firstbatch_desk.domain.enums import NeedCategory, Scheme, Tier
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.import_rules import split_products
from tests import factories
from tests.bad_input import (
    CORPUS,
    KEPT,
    NOTE_1MB,
    STORABLE_IN_XML,
    Expect,
    Hostile,
    assert_clear,
    snapshot,
)
from tests.importing_files import csv_list, provincial_list
from tests.reports.pdfcheck import page_texts

OPTIONS = ImportOptions(scheme=Scheme.PROVINCIAL_RECOGNITION, year=2021)
HEADER = ("序号", "企业名称", "材料名称", "地区", "认定档次", "文号")
# What the reader leaves of a cell with invisible characters: they are taken out.
STRIPPED = {
    "nul": "名称后缀",
    "c0": "响铃转义退格",
    "c1": "乱码",
    "del": "删除键",
    "vertical": "换页竖表",
    "rlm": "名称甲",
    "rlo": "发票gpj.exe",
    "lre_pdf": "嵌入",
    "isolate": "隔离",
}


def one_line(text: str) -> str:
    """How a one-line field keeps text (NFC, white space folded)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def cell(value: Hostile) -> str:
    return STRIPPED.get(value.name, value.text)


def rows_of(values: list[Hostile]) -> list[tuple[object, ...]]:
    """Row i: the value after "嘉兴i号" (enterprise) and "材料i号" (product), and alone as
    the tier wording and the document number."""
    return [
        (n + 1, f"嘉兴{n}号{v.text}", f"材料{n}号{v.text}", "桐乡市", v.text, v.text)
        for n, v in enumerate(values)
    ]


def expected_refusal(number: int, value: Hostile) -> str | None:
    """The form's words for the first field of row ``number`` that cannot be kept."""
    text = cell(value)
    if len(one_line(f"嘉兴{number}号{text}")) > 200:
        return "“企业名称”太长"
    if any(len(one_line(p)) > 200 for p in split_products(f"材料{number}号{text}")):
        return "“产品名称”太长"
    if len(one_line(text)) > 300:
        return "“认定档次原文”太长"
    if len(one_line(text)) > 100:
        return "“文号”太长"
    return None


def expected_recognitions(number: int, value: Hostile) -> set[tuple[str, str, str, str]]:
    """(enterprise, product, tier wording, document number) as the register keeps them."""
    text = cell(value)
    enterprise = one_line(f"嘉兴{number}号{text}")
    return {
        (enterprise, one_line(product), one_line(text), one_line(text))
        for product in split_products(f"材料{number}号{text}")
    }


def stored_recognitions(ctx: AppContext) -> set[tuple[str, str, str, str]]:
    rows = ctx.services.recognitions.list_recognitions(RecognitionFilter(), limit=10_000)
    return {(r.enterprise_name, r.product_name, r.tier_text, r.document_no) for r in rows}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_list_of_hostile_cells_plans_commits_and_reads_back(
    kind: str, context: AppContext, data_dir: Path, tmp_path: Path
) -> None:
    imports = context.services.imports
    if kind == "xlsx":
        values = list(STORABLE_IN_XML)
        path = provincial_list(tmp_path / "名单.xlsx", rows_of(values), header=HEADER)
    else:  # UTF-8 cannot hold half a character; a NUL makes a file binary (tested below)
        values = [v for v in CORPUS if "surrogate" not in v.name and v.name != "nul"]
        path = csv_list(tmp_path / "名单.csv", rows_of(values), header=HEADER)
    table = imports.read(path)
    plan = imports.plan(table, OPTIONS)

    first_row = plan.lines[0].row_number
    lines_by_row: dict[int, list[Any]] = {}
    for line in plan.lines:
        lines_by_row.setdefault(line.row_number - first_row, []).append(line)
    assert sorted(lines_by_row) == list(range(len(values)))
    valid: list[tuple[int, Hostile]] = []
    for number, value in enumerate(values):
        refusal = expected_refusal(number, value)
        for line in lines_by_row[number]:
            if refusal is None:
                assert line.action is LineAction.CREATE, (value, line.reasons)
            else:
                assert line.action is LineAction.ERROR, value
                assert any(refusal in reason for reason in line.reasons), (value, line.reasons)
                assert all(len(reason) < 200 for reason in line.reasons)
        if refusal is None:
            valid.append((number, value))
    assert {v.name for _n, v in valid} >= {"sql_drop", "emoji", "zwj_family", "rlo", "c1"}
    assert {"long_name", "note_1mb"}.isdisjoint(v.name for _n, v in valid)

    # With errors left, nothing is written, and the refusal says how many.
    before = snapshot(context.paths.database)
    with pytest.raises(ValidationError) as caught:
        imports.commit(table, OPTIONS)
    assert caught.value.code == "import.not_ready"
    assert_clear(caught.value, "错误")
    assert snapshot(context.paths.database) == before

    # The valid lines alone commit, and read back as the forms would keep them.
    good = [
        row
        for number, row in enumerate(rows_of(values))
        if expected_refusal(number, values[number]) is None
    ]
    fixed = tmp_path / f"改好的名单.{kind}"
    if kind == "xlsx":
        provincial_list(fixed, good, header=HEADER)
    else:
        csv_list(fixed, good, header=HEADER)
    # (The row numbers shift when the bad rows go: each row keeps its own number in its names.)
    result = imports.commit(imports.read(fixed), OPTIONS)
    assert result.created_enterprises == len(valid)
    wanted = set().union(*(expected_recognitions(number, value) for number, value in valid))
    assert stored_recognitions(context) == wanted
    context.close()
    reopened = open_context(data_dir)
    try:
        assert stored_recognitions(reopened) == wanted
    finally:
        reopened.close()


def test_a_csv_with_a_nul_is_refused_whole_in_words(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("企业名称,材料名称\n嘉兴\x00公司,石墨烯\n".encode())
    with pytest.raises(ValidationError) as caught:
        context.services.imports.read(path)
    assert caught.value.code == "import.not_spreadsheet"
    assert_clear(caught.value, "名单.csv")


def test_codes_years_and_dates_in_a_list_are_errors_of_their_line(
    context: AppContext, tmp_path: Path
) -> None:
    header = ("序号", "企业名称", "统一社会信用代码", "材料名称", "年度", "认定日期")
    values = [v for v in STORABLE_IN_XML if v.expect is not Expect.BLANK]
    dates = ("0001-01-01", "1900-01-01", "2100-02-29", "9999-12-31", "2023-02-30")
    rows: list[tuple[object, ...]] = [
        (n + 1, f"嘉兴{n}号", v.text[:300], "石墨烯", "2021", "") for n, v in enumerate(values)
    ]
    rows += [(100 + n, f"年度{n}号", "", "石墨烯", v.text[:300], "") for n, v in enumerate(values)]
    rows += [(200 + n, f"日期{n}号", "", "石墨烯", "2021", day) for n, day in enumerate(dates)]
    path = provincial_list(tmp_path / "名单.xlsx", rows, header=header)
    imports = context.services.imports
    plan = imports.plan(imports.read(path), OPTIONS)
    assert len(plan.lines) == len(rows)
    for line in plan.lines:
        assert line.action is LineAction.ERROR, (line.enterprise_name, line.reasons)
        (reason,) = line.reasons
        assert len(reason) < 200, reason
        if line.enterprise_name.startswith("嘉兴"):
            assert "统一社会信用代码" in reason or "位" in reason, reason
        elif line.enterprise_name.startswith("年度"):
            assert reason.startswith("年度“") and reason.endswith("无法识别。"), reason
        else:
            assert reason.startswith("认定日期“") and reason.endswith("无法识别。"), reason


# -- reports ---------------------------------------------------------------------------------


def _fill(services: Any, value: Hostile, long_note: str) -> tuple[Any, Any]:
    """An enterprise, product, recognition, case, visit and need holding ``value`` everywhere."""
    text = value.text
    enterprise = factories.enterprise(
        services,
        name=f"企业{text}"[:200],
        address=text[:300],
        legal_representative=text[:50],
        industry=text[:100],
        notes=long_note[:20_000],
        contacts=(ContactInput(text[:50], text[:50]),),
    )
    case = factories.recognised_case(services, enterprise.id, notes=long_note[:20_000])
    services.products.update_product(
        case.row.product_id,
        ProductInput(
            enterprise.id,
            f"产品{text}"[:200],
            model_spec=text[:200],
            key_indicators=text,
            application_field=text[:200],
        ),
    )
    services.recognitions.update_recognition(
        case.recognition_id,
        RecognitionInput(
            case.row.product_id,
            Scheme.PROVINCIAL_RECOGNITION,
            Tier.DOMESTIC,
            2023,
            tier_text=text[:300],
            document_no=text[:100],
            recognised_on=date(2023, 9, 1),
        ),
    )
    visit = factories.visit(
        services,
        case.row,
        summary=long_note,
        production_status=text,
        sales_status=long_note,
        policies_explained=text,
        attendees=(AttendeeInput(text[:50], text[:50]),),
        quantity=text[:32],
        quantity_unit=text[:16],
        new_needs=(
            NeedInput(
                enterprise.id,
                NeedCategory.FINANCING,
                text[:120],
                long_note[:20_000],
                case_id=case.row.id,
            ),
        ),
    )
    return case, visit


def test_reports_of_hostile_text_build_and_open(context: AppContext, tmp_path: Path) -> None:
    services = context.services
    # Long notes: the longest the forms keep (one unbroken word), markup, emoji, many lines.
    notes = {
        "sql_drop": "x" * 50_000,
        "markup": "<b>行</b> & " * 300,
        "emoji": "👨\u200d👩\u200d👧" * 3_000,
        "zwj_family": "一行\n" * 1_500,
    }
    cases = []
    for value in KEPT:
        case, visit = _fill(services, value, notes.get(value.name, value.text))
        cases.append((value, case, visit))
    reports = services.reports
    for value, case, visit in cases:
        for name, write, ident in (
            ("case", reports.write_case_file, case.row.id),
            ("enterprise", reports.write_enterprise_file, case.row.enterprise_id),
            ("sheet", reports.write_visit_sheet, visit.row.id),
        ):
            if name == "enterprise" and value.name in notes:
                continue  # the same tables as the case file, once more
            path = tmp_path / f"{value.name}-{name}.pdf"
            pages = write(ident, path)
            assert page_count(path) == pages >= 1, (value, name)
            if value.name in ("sql_or", "markup", "quotes", "format_strings", "like_wildcards"):
                joined = "".join("".join(page.split()) for page in page_texts(path))
                assert "".join(value.text.split())[:12] in joined, (value, name)
    path = tmp_path / "汇总.pdf"
    pages = services.reports.write_summary(date(2024, 1, 1), date(2024, 12, 31), path)
    assert len(page_texts(path)) == pages >= 1
    assert "DROP TABLE" in "".join(page_texts(path))  # the visit register lists the enterprises
    batch = services.reports.batch_case_files("330402", tmp_path / "批量")
    assert len(batch) == len(cases)
    assert all(page_count(pdf) >= 1 for pdf in batch)


def page_count(path: Path) -> int:
    """The pages of a PDF as a reader opens it (pypdf)."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def test_a_1mb_note_cannot_reach_a_report(context: AppContext) -> None:
    """The forms refuse it (the limit message); what is stored is at most 50,000 characters."""
    case = factories.recognised_case(context.services)
    with pytest.raises(ValidationError) as caught:
        factories.visit(context.services, case.row, summary=NOTE_1MB)
    assert caught.value.code == "field.too_long"
    assert_clear(caught.value, "50000", "走访纪要")
