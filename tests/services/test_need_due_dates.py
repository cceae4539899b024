"""Need due dates count working days by the official holiday calendar (调休 included)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.app import load_calendar, open_context
from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.enums import Complexity, NeedCategory
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.paths import AppPaths, resource_path
from tests import factories


def _accepted(context: Any, on: str, complexity: Complexity = Complexity.COMPLEX) -> Any:
    services = context.services
    case = factories.recognised_case(services)
    need = services.needs.raise_need(
        NeedInput(
            case.row.enterprise_id,
            NeedCategory.FINANCING,
            "流动资金贷款对接",
            case_id=case.row.id,
            complexity=complexity,
            raised_on=on,
        )
    )
    return services.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT, on=on))


def _assigned(context: Any, on: str) -> Any:
    need = _accepted(context, on)
    department = context.services.reference.list_departments()[0]
    step = TransitionInput(NeedAction.ASSIGN, on=on, lead_department_id=department.id)
    return context.services.needs.transition(need.row.id, step)


@pytest.mark.parametrize(
    ("on", "complexity", "due"),
    [
        # 9-30 Wed; 10-01..07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班)
        ("2026-09-30", Complexity.COMPLEX, date(2026, 10, 10)),
        # 9-26 Fri; 9-28 Sun (调休上班), 9-29 Mon, 9-30 Tue
        ("2025-09-26", Complexity.COMPLEX, date(2025, 9, 30)),
        # 9-18 Fri; the next working day is Sunday 9-20 (调休上班 for 国庆节)
        ("2026-09-18", Complexity.SIMPLE, date(2026, 9, 20)),
        # 2-12 Thu; 2-13 Fri, 2-14 Sat (调休上班); 2-15..23 春节; 2-24 Tue
        ("2026-02-12", Complexity.COMPLEX, date(2026, 2, 24)),
        # 9-30 Tue before the 2025 National Day and Mid-Autumn holiday (10-01..08)
        ("2025-09-30", Complexity.SIMPLE, date(2025, 10, 9)),
    ],
)
def test_acceptance_due_dates_follow_the_official_calendar(
    context: Any, on: str, complexity: Complexity, due: date
) -> None:
    need = _accepted(context, on, complexity)
    assert need.row.due_on == due


@pytest.mark.parametrize(
    ("on", "due"),
    [
        # 9-28 Sun, 9-29, 9-30 | 10-01..08 off | 10-09, 10-10, 10-11 Sat (调休), 10-13 Mon
        ("2025-09-26", date(2025, 10, 13)),
        # 2-14 Sat (调休) | 2-15..23 春节 | 2-24..27, 2-28 Sat (调休), 3-02 Mon
        ("2026-02-13", date(2026, 3, 2)),
        # 9-20 Sun (调休), 9-21..24 | 9-25..27 中秋 | 9-28, 9-29
        ("2026-09-19", date(2026, 9, 29)),
    ],
)
def test_assignment_gives_seven_working_days(context: Any, on: str, due: date) -> None:
    assert _assigned(context, on).row.due_on == due


def test_an_override_in_the_data_directory_is_used(data_dir: Path) -> None:
    override = {
        "years": {
            "2026": {
                "source": "本局测试安排",
                "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-09"}],
            }
        }
    }
    paths = AppPaths.resolve(data_dir)
    paths.calendar_file.write_text(json.dumps(override, ensure_ascii=False), encoding="utf-8")
    assert paths.calendar_file == data_dir / "holidays.json"
    context = open_context(data_dir)
    try:
        assert context.calendar_problem is None
        # 10-10 is no longer an adjusted working day: 10-12, 10-13, 10-14
        assert _accepted(context, "2026-09-30").row.due_on == date(2026, 10, 14)
    finally:
        context.close()
    assert load_calendar(paths).path == paths.calendar_file


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (
            '{"years": {"2026": {"holidays": [{"name": "春节", "from": "2026-02-30"}]}}}',
            "2026-02-30",
        ),
        ('{"years": {"2026": ', "JSON"),
        ("节假日".encode("gbk"), "UTF-8"),
    ],
    ids=["impossible date", "cut-off file", "GBK text"],
)
def test_a_broken_override_falls_back_and_is_reported(
    data_dir: Path, content: str | bytes, named: str
) -> None:
    target = data_dir / "holidays.json"
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    target.write_bytes(raw)
    context = open_context(data_dir)
    try:
        problem = context.calendar_problem
        assert problem is not None
        assert str(target) in problem and named in problem and "程序自带" in problem
        assert _accepted(context, "2026-09-30").row.due_on == date(2026, 10, 10)
    finally:
        context.close()
    assert target.read_bytes() == raw  # the officer's file is left as it was
    loaded = load_calendar(AppPaths.resolve(data_dir))
    assert loaded.path == resource_path("calendar", "cn_public_holidays.json")
    assert loaded.problem("en") is not None and "shipped" in str(loaded.problem("en"))


def test_without_an_override_the_shipped_calendar_is_used(context: Any) -> None:
    assert context.calendar_problem is None
    assert not context.paths.calendar_file.exists()
    assert load_calendar(context.paths).path == resource_path("calendar", "cn_public_holidays.json")


@pytest.mark.parametrize(
    ("on", "request_by"),
    [
        # due Sat 10-10 (调休上班): the working day before is Fri 10-09
        ("2026-09-30", date(2026, 10, 9)),
        # due Tue 2-24 after 春节: the working day before is Sat 2-14 (调休上班)
        ("2026-02-12", date(2026, 2, 14)),
    ],
)
def test_an_extension_is_asked_one_working_day_before_the_deadline(
    context: Any, on: str, request_by: date
) -> None:
    need = _accepted(context, on)
    assert context.services.needs.extension_request_by(need.row.id) == request_by
