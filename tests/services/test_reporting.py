"""ReportService: the numbers and lines a report prints, checked against the database itself."""

from __future__ import annotations

import dataclasses
import random
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.app import AppContext, open_context
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput, VisitInput
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import (
    CaseInput,
    ContactInput,
    ProductInput,
    RecognitionInput,
)
from firstbatch_desk.domain.dtos.reports import CaseFileData
from firstbatch_desk.domain.enums import NeedCategory, Scheme, Tier, VisitMethod
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.paths import resource_path
from firstbatch_desk.services.demo import DemoGenerator
from firstbatch_desk.services.report_files import safe_file_stem, unique_stem
from firstbatch_desk.services.report_redaction import mask_email, mask_name, mask_phone
from firstbatch_desk.services.report_summary import period_label
from tests import factories

TODAY = date(2026, 11, 24)


# -- a demo database, shared by the module (read-only after a few deletions) ----------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    ctx = open_context(tmp_path_factory.mktemp("reports") / "data")
    DemoGenerator(ctx.engine, words_dir=resource_path("demo"), origin="test", today=TODAY).generate(
        visits=300
    )
    # Tombstones must not be counted: delete a few visits and needs of 2026.
    services = ctx.services
    for visit in services.visits.list_visits(limit=300)[5:8]:
        services.visits.delete_visit(visit.id)
    for need in services.needs.list_needs(limit=300)[:2]:
        services.needs.delete_need(need.id)
    yield ctx
    ctx.close()


def _db(ctx: AppContext) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{ctx.paths.database}?mode=ro", uri=True)


def _scope(division: str | None) -> tuple[str, tuple[Any, ...]]:
    if division is None:
        return "e.deleted_at IS NULL", ()
    return "e.deleted_at IS NULL AND e.division_code = ?", (division,)


PERIODS = [
    (date(2026, 1, 1), date(2026, 12, 31), None),
    (date(2026, 4, 1), date(2026, 6, 30), "330402"),
    (date(2024, 11, 24), date(2026, 11, 24), None),
    (date(2025, 7, 1), date(2025, 12, 31), "330482"),
    (date(2025, 2, 1), date(2025, 2, 28), None),
    (date(2010, 1, 1), date(2010, 12, 31), None),
]


@pytest.mark.parametrize(("start", "end", "division"), PERIODS)
def test_every_summary_number_equals_the_database(
    demo: AppContext, start: date, end: date, division: str | None
) -> None:
    data = demo.services.reports.summary_data(start, end, division_code=division, idle_days=90)
    scope, params = _scope(division)
    period = (start.isoformat(), end.isoformat())
    with _db(demo) as db:

        def one(sql: str, *args: Any) -> Any:
            return db.execute(sql, args).fetchone()[0]

        visits_sql = (
            "FROM visits v JOIN enterprises e ON e.id = v.enterprise_id "
            f"WHERE v.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ? AND {scope}"
        )
        assert data.visits_total == one(f"SELECT count(*) {visits_sql}", *period, *params)
        assert data.enterprises_visited == one(
            f"SELECT count(DISTINCT v.enterprise_id) {visits_sql}", *period, *params
        )
        names = dict(db.execute("SELECT code, name FROM divisions"))
        by_division = {
            names.get(code, "未填区县"): n
            for code, n in db.execute(
                f"SELECT e.division_code, count(*) {visits_sql} GROUP BY e.division_code",
                (*period, *params),
            )
        }
        assert {line.label: line.count for line in data.by_division if line.count} == by_division
        assert sum(line.count for line in data.by_division) == data.visits_total

        officers = {
            (name, n, m)
            for name, n, m in db.execute(
                "SELECT o.name, count(DISTINCT v.id), count(DISTINCT v.enterprise_id) "
                "FROM visit_officers vo JOIN officers o ON o.id = vo.officer_id "
                "JOIN visits v ON v.id = vo.visit_id JOIN enterprises e ON e.id = v.enterprise_id "
                "WHERE vo.deleted_at IS NULL AND v.deleted_at IS NULL "
                f"AND v.visit_date BETWEEN ? AND ? AND {scope} GROUP BY o.id",
                (*period, *params),
            )
        }
        assert {(o.officer, o.visits, o.enterprises) for o in data.by_officer} == officers
        assert [o.visits for o in data.by_officer] == sorted(
            (o.visits for o in data.by_officer), reverse=True
        )

        recognised = (
            "FROM recognitions r JOIN products p ON p.id = r.product_id "
            "JOIN enterprises e ON e.id = p.enterprise_id "
            "WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND "
            f"{scope} AND (r.recognised_on BETWEEN ? AND ? OR "
            "(r.recognised_on IS NULL AND r.year BETWEEN ? AND ?))"
        )
        years = (start.year, end.year)
        for column, enum, lines in (
            ("scheme", Scheme, data.by_scheme),
            ("tier", Tier, data.by_tier),
        ):
            counts = dict(
                db.execute(
                    f"SELECT r.{column}, count(*) {recognised} GROUP BY r.{column}",
                    (*params, *period, *years),
                )
            )
            assert [(line.label, line.count) for line in lines] == [
                (member.label("zh"), counts.get(member.value, 0)) for member in enum
            ]

        needs = (
            "FROM needs n JOIN enterprises e ON e.id = n.enterprise_id "
            f"WHERE n.deleted_at IS NULL AND {scope}"
        )
        opened = one(f"SELECT count(*) {needs} AND n.raised_on BETWEEN ? AND ?", *params, *period)
        closed = one(f"SELECT count(*) {needs} AND n.closed_on BETWEEN ? AND ?", *params, *period)
        as_of = min(end, date.today())  # a period that has not ended is judged as of today
        overdue = one(
            f"SELECT count(*) {needs} AND n.raised_on <= ? "
            "AND (n.closed_on IS NULL OR n.closed_on > ?) "
            "AND (n.answered_on IS NULL OR n.answered_on > ?) "
            "AND coalesce(n.extended_to, n.due_on) < ?",
            *params,
            as_of.isoformat(),
            as_of.isoformat(),
            as_of.isoformat(),
            as_of.isoformat(),
        )
        assert (data.needs_opened, data.needs_closed, data.needs_overdue) == (
            opened,
            closed,
            overdue,
        )
        expected_rate = (
            (Decimal(100 * closed) / opened).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if opened
            else Decimal(0)
        )
        assert data.closure_rate == expected_rate
        categories = dict(
            db.execute(
                f"SELECT n.category, count(*) {needs} AND n.raised_on BETWEEN ? AND ? "
                "GROUP BY n.category",
                (*params, *period),
            )
        )
        assert [(line.label, line.count) for line in data.by_need_category] == [
            (c.label("zh"), categories.get(c.value, 0)) for c in NeedCategory
        ]

        register = db.execute(
            f"SELECT v.visit_date, e.name, v.headline {visits_sql} ORDER BY v.visit_date, v.id",
            (*period, *params),
        ).fetchall()
        assert [
            (line.visit_date.isoformat(), line.enterprise, line.headline)
            for line in data.visit_register
        ] == register

        idle = set()
        for ent_id, name in db.execute(
            f"SELECT e.id, e.name FROM enterprises e WHERE {scope} AND EXISTS "
            "(SELECT 1 FROM cases c WHERE c.enterprise_id = e.id AND c.deleted_at IS NULL "
            "AND c.opened_on <= ? "
            "AND (c.closed_on IS NULL OR c.closed_on > ?))",
            (*params, as_of.isoformat(), as_of.isoformat()),
        ):
            last = one(
                "SELECT max(visit_date) FROM visits WHERE enterprise_id = ? "
                "AND deleted_at IS NULL AND visit_date <= ?",
                ent_id,
                as_of.isoformat(),
            )
            days = (as_of - date.fromisoformat(last)).days if last else None
            if days is None or days > 90:
                idle.add((name, last, days))
        assert {
            (i.enterprise, i.last_visit.isoformat() if i.last_visit else None, i.days)
            for i in data.idle_enterprises
        } == idle
    assert data.division == ("全市" if division is None else names[division])


def test_the_summary_has_data_to_compare(demo: AppContext) -> None:
    """The comparisons above are not all zeros: the demo year 2026 has every kind of number."""
    data = demo.services.reports.summary_data(date(2026, 1, 1), date(2026, 12, 31))
    assert data.visits_total > 50
    assert data.needs_opened > 0 and data.needs_closed > 0
    assert sum(line.count for line in data.by_scheme) > 0
    assert data.by_officer and data.idle_enterprises
    assert data.period_label == "2026年度"
    assert data.header.reference == "2026年度"
    assert data.header.bureau_name == "嘉兴市经济和信息化局"
    assert data.header.printed_at.tzinfo is not None
    without = demo.services.reports.summary_data(
        date(2026, 1, 1), date(2026, 12, 31), include_register=False, period_label="全年"
    )
    assert without.visit_register == () and without.period_label == "全年"
    by_name = demo.services.reports.summary_data(
        date(2026, 1, 1), date(2026, 12, 31), division_code="南湖区"
    )
    by_code = demo.services.reports.summary_data(
        date(2026, 1, 1), date(2026, 12, 31), division_code="330402"
    )
    assert by_name.visits_total == by_code.visits_total
    assert [line.label for line in by_code.by_division] == ["南湖区"]


def test_summary_refuses_bad_input(demo: AppContext) -> None:
    reports = demo.services.reports
    with pytest.raises(ValidationError) as caught:
        reports.summary_data(date(2026, 6, 30), date(2026, 6, 1))
    assert caught.value.code == "field.date_order"
    assert "结束日期" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        reports.summary_data(date(2026, 1, 1), date(2026, 6, 30), division_code="火星区")
    assert caught.value.code == "field.unknown_ref"
    assert caught.value.field == "division_code"
    with pytest.raises(ValidationError):
        reports.summary_data(date(2026, 1, 1), date(2026, 6, 30), idle_days=-1)


def test_period_labels() -> None:
    assert period_label(date(2026, 10, 1), date(2026, 10, 31)) == "2026年10月"
    assert period_label(date(2024, 2, 1), date(2024, 2, 29)) == "2024年2月"
    assert period_label(date(2026, 10, 1), date(2026, 12, 31)) == "2026年第四季度"
    assert period_label(date(2026, 7, 1), date(2026, 12, 31)) == "2026年下半年"
    assert period_label(date(2026, 1, 1), date(2026, 12, 31)) == "2026年度"
    assert period_label(date(2026, 2, 1), date(2026, 4, 30)) == "自定义期间"
    assert period_label(date(2026, 1, 5), date(2026, 3, 1)) == "自定义期间"


# -- case files -------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    """Every string anywhere inside a DTO."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def _personal_case(services: Any) -> tuple[Any, Any]:
    enterprise = factories.enterprise(
        services,
        legal_representative="张伟强",
        contacts=(
            ContactInput("李娜", "总经理", "13812345678", "lina@example.com", is_primary=True),
            ContactInput("赵", "出纳", "0573-82345678"),
        ),
    )
    case = factories.recognised_case(services, enterprise.id)
    officer = services.reference.add_officer(OfficerInput("欧阳娜娜"))
    factories.visit(
        services,
        case.row,
        officer_ids=(case.row.officer_id, officer.id),
        attendees=(AttendeeInput("王强", "副总经理"), AttendeeInput("李娜", "总经理")),
        summary="与李娜、王强座谈；李娜手机 13812345678，"
        "办公室 0573-82345678，邮箱 lina@example.com。",
        application_progress="张伟强表示将扩大产能。",
    )
    return enterprise, case


SECRETS = ("张伟强", "李娜", "王强", "陈晓明", "欧阳娜娜", "13812345678", "82345678", "lina@")


def test_redaction_masks_names_and_numbers_everywhere(context: Any) -> None:
    services = context.services
    enterprise, case = _personal_case(services)
    plain = services.reports.case_file_data(case.row.id)
    text = "\n".join(_strings(plain))
    assert all(secret in text for secret in SECRETS)
    assert not plain.redacted

    for data in (
        services.reports.case_file_data(case.row.id, redact=True),
        services.reports.enterprise_file_data(enterprise.id, redact=True),
    ):
        assert data.redacted
        text = "\n".join(_strings(data))
        leaked = [secret for secret in SECRETS if secret in text]
        assert leaked == []
        assert [(c.name, c.phone, c.email) for c in data.contacts] == [
            ("李*", "138******78", "l***@example.com"),
            ("赵*", "057*-******78", ""),
        ]
        profile = dict((p.label, p.value) for p in data.profile)
        assert profile["法定代表人"] == "张**"
        assert data.officer_in_charge == "陈**"
        (visit,) = data.visits
        assert visit.officers == "欧***、陈**"  # by name
        assert visit.attendees == "王*（副总经理）、李*（总经理）"
        assert "李*手机 138******78" in visit.summary
        assert data.enterprise_name == enterprise.name
        assert data.credit_code == enterprise.credit_code


def test_masks() -> None:
    assert mask_name("张伟") == "张*"
    assert mask_name(" 欧阳娜娜 ") == "欧***"
    assert mask_name("") == ""
    assert mask_phone("13812345678") == "138******78"
    assert mask_phone("0573-8234 5678") == "057*-**** **78"
    assert mask_phone("12345") == "*****"
    assert mask_email("zhang.wei@example.com") == "z********@example.com"


def test_a_case_with_300_visits_lists_them_in_date_order(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(301)]
    random.Random(5).shuffle(days)
    recorded = [
        services.visits.record_visit(
            VisitInput(
                case.row.enterprise_id,
                (case.row.id,),
                day,
                VisitMethod.PHONE,
                officer_ids=(case.row.officer_id,),
                summary=f"第{day.isoformat()}次电话回访",
                contract_value="1.5",
            )
        )
        for day in days
    ]
    services.visits.delete_visit(recorded[0].row.id)

    data = services.reports.case_file_data(case.row.id)
    assert len(data.visits) == 300
    dates = [v.visit_date for v in data.visits]
    assert dates == sorted(dates) and days[0] not in dates
    assert {v.officers for v in data.visits} == {"陈晓明"}
    assert data.visits[0].summary == f"第{dates[0].isoformat()}次电话回访"
    sales = {line.label: line.value for line in data.sales_and_application}
    assert sales["走访次数"] == "300"
    assert sales["合同金额合计（万元）"] == "450"


def test_case_file_carries_recognitions_needs_and_header(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    visit = factories.visit(services, case.row, production_status="满负荷生产")
    services.needs.raise_need(
        NeedInput(
            case.row.enterprise_id,
            NeedCategory.FINANCING,
            "希望对接银行",
            description="需要流动资金贷款 500 万元",
            case_id=case.row.id,
            visit_id=visit.row.id,
            raised_on=date(2024, 3, 12),
        )
    )
    data = services.reports.case_file_data(case.row.id)
    assert isinstance(data, CaseFileData)
    assert data.header.title == "首批次新材料跟踪服务档案"
    assert data.header.reference == case.row.case_no
    assert data.case_numbers == (case.row.case_no,)
    (recognition,) = data.recognitions
    assert (recognition.scheme, recognition.tier, recognition.year) == (
        "省首批次认定",
        "国内首批次",
        2023,
    )
    assert recognition.document_no == "浙经信材料〔2023〕197号"
    assert recognition.valid_until == date(2026, 8, 31)
    (need,) = data.needs
    assert need.category == "融资" and need.status == "待受理"
    assert need.content == "希望对接银行：需要流动资金贷款 500 万元"
    profile = {p.label: p.value for p in data.profile}
    assert profile["所在区县"] == "南湖区"
    assert profile["跟踪产品"] == "卤代丁基橡胶"
    sales = {line.label: line.value for line in data.sales_and_application}
    assert sales["最近生产情况"] == "满负荷生产"

    sheet = services.reports.visit_sheet_data(visit.row.id)
    assert sheet.header.title == "走访记录表"
    assert sheet.case_numbers == (case.row.case_no,)
    assert sheet.production_status == "满负荷生产"
    assert [n.content for n in sheet.needs] == [need.content]
    assert sheet.visit.visit_date == date(2024, 3, 12)


def test_enterprise_file_covers_every_case_once(context: Any) -> None:
    services = context.services
    first = factories.recognised_case(services)
    product = services.products.create_product(
        ProductInput(first.row.enterprise_id, "高性能芳纶纸", application_field="航空航天")
    )
    services.recognitions.create_recognition(
        RecognitionInput(product.id, Scheme.MUNICIPAL_RECOGNITION, Tier.MUNICIPAL, 2025)
    )
    second = services.cases.open_case(CaseInput(product.id, opened_on=date(2025, 1, 2)))
    factories.visit(services, first.row, case_ids=(first.row.id, second.row.id))
    factories.visit(services, first.row, visit_date=date(2024, 5, 6))
    enterprise = services.enterprises.get_enterprise(first.row.enterprise_id)

    data = services.reports.enterprise_file_data(enterprise.id)
    assert data.header.reference == enterprise.credit_code
    assert data.case_numbers == tuple(sorted((first.row.case_no, second.row.case_no)))
    assert len(data.visits) == 2
    assert {r.product for r in data.recognitions} == {"卤代丁基橡胶", "高性能芳纶纸"}
    assert data.officer_in_charge == "陈晓明"


def test_unknown_or_deleted_records_are_refused(context: Any, tmp_path: Path) -> None:
    import uuid

    reports = context.services.reports
    out = tmp_path / "out"
    out.mkdir()
    missing = uuid.uuid4()
    for call in (
        lambda: reports.case_file_data(missing),
        lambda: reports.enterprise_file_data(missing),
        lambda: reports.visit_sheet_data(missing),
        lambda: reports.write_case_file(missing, out / "x.pdf"),
    ):
        with pytest.raises(NotFoundError):
            call()
    case = factories.recognised_case(context.services)
    visit = factories.visit(context.services, case.row)
    context.services.visits.delete_visit(visit.row.id)
    with pytest.raises(NotFoundError):
        reports.write_visit_sheet(visit.row.id, out / "v.pdf")
    assert list(out.iterdir()) == []


# -- batch ------------------------------------------------------------------------------


def test_batch_writes_one_safely_named_file_per_case(demo: AppContext, tmp_path: Path) -> None:
    reports = demo.services.reports
    with _db(demo) as db:
        expected = [
            row[0]
            for row in db.execute(
                "SELECT c.case_no FROM cases c JOIN enterprises e ON e.id = c.enterprise_id "
                "WHERE c.deleted_at IS NULL AND e.deleted_at IS NULL AND e.division_code = ? "
                "ORDER BY c.case_no",
                ("330402",),
            )
        ]
    assert expected
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "南湖区 案卷"
    written = reports.batch_case_files(
        "南湖区", folder, progress=lambda done, total: seen.append((done, total))
    )
    assert [p.name for p in written] == [f"{no}.pdf" for no in expected]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)
    assert seen[0] == (0, len(expected)) and seen[-1] == (len(expected), len(expected))

    calls = iter([False, True])
    stopped = reports.batch_case_files(
        "330402", tmp_path / "stopped", cancelled=lambda: next(calls, True)
    )
    assert len(stopped) == 1

    with pytest.raises(ValidationError):
        reports.batch_case_files("火星区", tmp_path / "never")
    assert not (tmp_path / "never").exists()


def test_batch_file_names_never_come_from_outside_text(context: Any, tmp_path: Path) -> None:
    case = factories.recognised_case(context.services)
    with sqlite3.connect(context.paths.database) as db:
        db.execute(
            "UPDATE cases SET case_no = ? WHERE case_no = ?", ("../../坏/NUL", case.row.case_no)
        )
    folder = tmp_path / "out" / "batch"
    (written,) = context.services.reports.batch_case_files("330402", folder)
    assert written.parent == folder
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.pdf", written.name)
    assert written.name == f"{case.row.id.hex}.pdf"
    assert [p.name for p in (tmp_path / "out").rglob("*")] == ["batch", written.name]


def test_safe_file_stems() -> None:
    assert safe_file_stem("GZ-2024-0001", "x") == "GZ-2024-0001"
    assert safe_file_stem("../../etc/passwd", "x") == "etc_passwd"
    assert safe_file_stem("浙江某公司", "fallback") == "fallback"
    assert safe_file_stem("NUL", "fallback") == "fallback"
    assert safe_file_stem("..", "fallback") == "fallback"
    taken: set[str] = set()
    assert [unique_stem(s, taken) for s in ("A", "a", "A")] == ["A", "a-2", "A-3"]


def test_recognitions_without_a_date_count_by_year(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)  # recognised on 2023-09-01
    services.recognitions.create_recognition(
        RecognitionInput(case.row.product_id, Scheme.MUNICIPAL_RECOGNITION, Tier.MUNICIPAL, 2025)
    )
    reports = services.reports

    def counts(start: date, end: date) -> dict[str, int]:
        data = reports.summary_data(start, end)
        return {line.label: line.count for line in data.by_scheme + data.by_tier if line.count}

    assert counts(date(2025, 3, 1), date(2025, 3, 31)) == {"市级首批次认定": 1, "市级首批次": 1}
    assert counts(date(2023, 9, 1), date(2023, 9, 30)) == {"省首批次认定": 1, "国内首批次": 1}
    assert counts(date(2023, 10, 1), date(2024, 12, 31)) == {}


def test_a_period_not_yet_ended_judges_idleness_as_of_today(demo: AppContext) -> None:
    year_end = date(date.today().year, 12, 31)
    data = demo.services.reports.summary_data(date(year_end.year, 1, 1), year_end, idle_days=90)
    for line in data.idle_enterprises:
        assert line.days is None or line.days == (date.today() - line.last_visit).days
