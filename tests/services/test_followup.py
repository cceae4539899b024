"""Visits and the need closed loop through the real services."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from firstbatch_desk.domain.dtos.filters import NeedFilter, VisitFilter
from firstbatch_desk.domain.dtos.followup import AttendeeInput, NeedInput, TransitionInput
from firstbatch_desk.domain.enums import (
    NeedCategory,
    NeedStatus,
    Satisfaction,
    VisitMethod,
)
from firstbatch_desk.domain.errors import TransitionError, ValidationError
from firstbatch_desk.domain.need_flow import NeedAction
from tests import factories


def test_a_visit_covering_two_cases_moves_both_schedules(context: Any) -> None:
    services = context.services
    first = factories.recognised_case(services)
    second = factories.recognised_case(services, enterprise_id=first.row.enterprise_id)
    visit = factories.visit(
        services,
        first.row,
        case_ids=(first.row.id, second.row.id),
        officer_ids=(first.row.officer_id,),
        attendees=(AttendeeInput("王建国", "副总经理"),),
        contract_value="35.5",
        production_status="两条产线满负荷",
    )
    assert set(visit.case_ids) == {first.row.id, second.row.id}
    assert visit.row.officer_names == "陈晓明"
    assert visit.attendees == (AttendeeInput("王建国", "副总经理"),)
    for case in (first, second):
        detail = services.cases.get_case(case.row.id)
        assert detail.row.last_visit_on == date(2024, 3, 12)
        assert detail.row.next_due_on == date(2024, 6, 12)  # first year: quarterly
        assert detail.visit_count == 1
    assert [v.id for v in services.visits.list_visits(VisitFilter(search="满负荷"))] == [
        visit.row.id
    ]
    services.visits.delete_visit(visit.row.id)
    assert services.cases.get_case(first.row.id).row.last_visit_on is None
    services.visits.restore_visit(visit.row.id)
    assert services.cases.get_case(first.row.id).row.last_visit_on == date(2024, 3, 12)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"case_ids": ()}, "case_ids"),
        ({"visit_date": "2024-13-01"}, "visit_date"),
        ({"visit_date": "2024-03-12", "next_visit_on": "2024-03-01"}, "next_visit_on"),
        ({"summary": "字" * 60_000}, "summary"),
        ({"contract_value": "abc"}, "contract_value"),
        ({"method": "BY_PIGEON"}, "method"),
    ],
)
def test_bad_visits_are_refused_and_nothing_is_written(
    context: Any, overrides: dict[str, Any], field: str
) -> None:
    case = factories.recognised_case(context.services)
    with pytest.raises(ValidationError) as caught:
        factories.visit(context.services, case.row, **overrides)
    assert caught.value.field == field
    assert context.services.visits.list_visits() == []
    assert context.services.cases.get_case(case.row.id).row.last_visit_on is None


def test_a_visit_cannot_cover_another_enterprises_case(context: Any) -> None:
    services = context.services
    mine = factories.recognised_case(services)
    theirs = factories.recognised_case(services)
    with pytest.raises(ValidationError) as caught:
        factories.visit(services, mine.row, case_ids=(mine.row.id, theirs.row.id))
    assert theirs.row.case_no in str(caught.value)


def _need(context: Any, case: Any) -> Any:
    return context.services.needs.raise_need(
        NeedInput(
            case.row.enterprise_id,
            NeedCategory.FINANCING,
            "流动资金贷款对接",
            "企业希望对接银行，解决 2000 万元流动资金缺口。",
            case_id=case.row.id,
            raised_on=date(2025, 9, 26),
        )
    )


def test_a_need_goes_round_the_whole_loop_with_its_history(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    need = _need(context, case)
    assert need.row.status is NeedStatus.PENDING and need.row.need_no == "XQ-2025-0001"
    department = services.reference.list_departments()[1]
    steps = [
        TransitionInput(NeedAction.ACCEPT, on="2025-09-26"),
        TransitionInput(NeedAction.ASSIGN, on="2025-09-26", lead_department_id=department.id),
        TransitionInput(NeedAction.START, on="2025-09-28"),
        TransitionInput(NeedAction.REQUEST_EXTENSION, note="银行审批需要时间", on="2025-10-09"),
        TransitionInput(NeedAction.APPROVE_EXTENSION, extended_to="2025-10-31", on="2025-10-09"),
        TransitionInput(NeedAction.ANSWER, outcome="已对接两家银行并获授信", on="2025-10-20"),
        TransitionInput(NeedAction.CLOSE, on="2025-10-21"),
        TransitionInput(
            NeedAction.REVISIT,
            satisfaction=Satisfaction.SATISFIED,
            return_visit_result="企业表示满意",
            on="2025-10-28",
        ),
    ]
    for step in steps:
        need = services.needs.transition(need.row.id, step)
    assert need.row.status is NeedStatus.REVISITED
    assert need.row.satisfaction is Satisfaction.SATISFIED
    assert need.row.lead_department == department.short_name
    assert need.extended_to == date(2025, 10, 31)
    assert need.outcome == "已对接两家银行并获授信"
    assert [h.action for h in need.history] == [s.action for s in steps]
    assert need.history[0].from_status is NeedStatus.PENDING
    for earlier, later in zip(need.history, need.history[1:], strict=False):
        assert earlier.to_status is later.from_status
        assert earlier.at <= later.at
    assert need.history[3].note == "银行审批需要时间"
    assert all(h.by == "本机用户" for h in need.history)
    assert services.needs.list_needs(NeedFilter(open_only=True)) == []


def test_an_illegal_transition_is_refused_and_changes_nothing(context: Any) -> None:
    services = context.services
    need = _need(context, factories.recognised_case(services))
    with pytest.raises(TransitionError) as caught:
        services.needs.transition(need.row.id, TransitionInput(NeedAction.CLOSE))
    assert "待受理" in str(caught.value) and "受理" in str(caught.value)
    assert "Pending" in caught.value.message("en")
    with pytest.raises(ValidationError):
        services.needs.transition(need.row.id, TransitionInput(NeedAction.RETURN, note="  "))
    after = services.needs.get_need(need.row.id)
    assert after.row.status is NeedStatus.PENDING and after.history == ()


def test_an_open_need_pulls_the_case_due_date_forward(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row, visit_date=date(2025, 9, 20))
    assert services.cases.get_case(case.row.id).row.next_due_on == date(2026, 3, 20)
    need = _need(context, case)
    services.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT, on="2025-09-26"))
    detail = services.cases.get_case(case.row.id)
    assert detail.open_need_count == 1
    assert detail.row.next_due_on == date(2025, 9, 30)  # Sunday 9-28 is a 调休 working day


def test_visit_lists_filter_by_method_date_and_division(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    factories.visit(services, case.row, visit_date=date(2024, 1, 5), method=VisitMethod.PHONE)
    factories.visit(services, case.row, visit_date=date(2024, 6, 5))
    listing = services.visits.list_visits
    assert len(listing(VisitFilter(method=VisitMethod.PHONE))) == 1
    assert len(listing(VisitFilter(date_from=date(2024, 2, 1)))) == 1
    assert len(listing(VisitFilter(division_code="330402"))) == 2
    assert len(listing(VisitFilter(division_code="330481"))) == 0
    assert len(listing(VisitFilter(case_id=case.row.id))) == 2


def test_cadence_comes_from_the_settings(data_dir: Any) -> None:
    from firstbatch_desk.app import open_context
    from firstbatch_desk.settings import Settings

    settings_file = data_dir / "config" / "settings.json"
    settings = Settings.load(settings_file)
    settings.first_visit_days = 10
    settings.save(settings_file)
    context = open_context(data_dir)
    try:
        case = factories.recognised_case(context.services)
        assert case.row.next_due_on == date(2023, 9, 11)  # recognised 2023-09-01 + 10 days
    finally:
        context.close()


def test_visit_list_sorts_by_enterprise_name_and_follows_renames(context: Any) -> None:
    from firstbatch_desk.domain.dtos.register import EnterpriseInput
    from firstbatch_desk.services.listing import SortOrder

    services = context.services
    first = factories.recognised_case(services)
    second = factories.recognised_case(services)
    factories.visit(services, first.row)
    factories.visit(services, second.row)
    services.enterprises.update_enterprise(
        first.row.enterprise_id, EnterpriseInput(name="一号新材料有限公司")
    )
    services.enterprises.update_enterprise(
        second.row.enterprise_id, EnterpriseInput(name="丁二新材料有限公司")
    )
    keys = services.visits.visit_keys(VisitFilter(), SortOrder("enterprise"))
    names = [r.enterprise_name for r in services.visits.visit_rows(list(keys))]
    by_key = {r.id.hex: r.enterprise_name for r in services.visits.visit_rows(list(keys))}
    assert [by_key[k] for k in keys] == sorted(names)
    assert set(names) == {"一号新材料有限公司", "丁二新材料有限公司"}


def test_a_visit_dated_after_today_is_refused(context: Any) -> None:
    from datetime import timedelta

    from firstbatch_desk.domain.errors import ValidationError

    services = context.services
    case = factories.recognised_case(services)
    with pytest.raises(ValidationError) as refused:
        factories.visit(services, case.row, visit_date=date.today() + timedelta(days=1))
    assert refused.value.field == "visit_date" and "今天" in refused.value.message("zh")
    assert services.visits.list_visits() == []


def test_steps_are_dated_by_today_and_in_order(context: Any) -> None:
    from datetime import timedelta

    case = factories.recognised_case(context.services)
    need = _need(context, case)
    needs = context.services.needs
    needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT, on="2025-10-09"))
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as future:
        needs.transition(
            need.row.id, TransitionInput(NeedAction.MARK_UNRESOLVABLE, note="x", on=tomorrow)
        )
    assert "今天" in future.value.message("zh")
    with pytest.raises(ValidationError) as early:
        needs.transition(
            need.row.id,
            TransitionInput(NeedAction.MARK_UNRESOLVABLE, note="x", on="2025-10-08"),
        )
    assert "2025-10-09" in early.value.message("zh")
    detail = needs.get_need(need.row.id)
    assert [(h.action, h.on) for h in detail.history] == [(NeedAction.ACCEPT, date(2025, 10, 9))]
