"""The worklist (工作台) over real services: each section, its near misses, filters, order."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from firstbatch_desk.domain.dtos.filters import NeedFilter
from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import CaseInput, ProductInput, RecognitionInput
from firstbatch_desk.domain.dtos.worklist import WorkSection
from firstbatch_desk.domain.enums import CaseStatus, NeedCategory, Scheme, Tier
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.domain.workdays import WorkCalendar
from firstbatch_desk.services.base import Actor, ServiceConfig
from firstbatch_desk.services.worklist import WorklistService
from tests import factories

TODAY = date(2025, 6, 11)  # a Wednesday; no holiday up to Monday 16 June
SUNDAY = date(2025, 6, 15)
NEED_HORIZON = date(2025, 6, 16)  # three working days after Wednesday, over the weekend
S = WorkSection


def _recognised(
    services: Any,
    recognised_on: date,
    valid_until: date | None = None,
    enterprise_id: Any = None,
    name: str = "卤代丁基橡胶",
) -> Any:
    """An enterprise (unless given), its product and a provincial recognition of it."""
    if enterprise_id is None:
        enterprise_id = factories.enterprise(services).id
    product = services.products.create_product(ProductInput(enterprise_id, name))
    return services.recognitions.create_recognition(
        RecognitionInput(
            product.id,
            Scheme.PROVINCIAL_RECOGNITION,
            Tier.DOMESTIC,
            recognised_on.year,
            document_no=f"浙经信材料〔{recognised_on.year}〕{recognised_on.toordinal() % 997}号",
            recognised_on=recognised_on,
            valid_until=valid_until,
        )
    )


def _case(
    services: Any,
    due: date,
    *,
    officer: Any = None,
    status: CaseStatus = CaseStatus.ACTIVE,
    visited: bool = False,
    name: str = "卤代丁基橡胶",
) -> Any:
    """A case whose next due date is ``due``: never visited (recognised 30 days before
    ``due``), or visited three months before ``due`` within the first year."""
    recognised_on = due - timedelta(days=150 if visited else 30)
    recognition = _recognised(services, recognised_on, name=name)
    case = services.cases.open_case(
        CaseInput(
            recognition.product_id,
            recognition_id=recognition.id,
            officer_id=officer.id if officer else None,
            status=status,
            opened_on=recognised_on,
        )
    )
    if visited:
        factories.visit(services, case.row, visit_date=due.replace(month=due.month - 3))
        case = services.cases.get_case(case.row.id)
    expected = None if status is CaseStatus.CLOSED else due
    assert case.row.next_due_on == expected
    return case.row


def _need(
    services: Any, case: Any, *steps: TransitionInput, title: str = "流动资金贷款对接"
) -> Any:
    need = services.needs.raise_need(
        NeedInput(
            case.enterprise_id,
            NeedCategory.FINANCING,
            title,
            case_id=case.id,
            raised_on=date(2025, 5, 1),
        )
    )
    for step in steps:
        need = services.needs.transition(need.row.id, step)
    return need


def _accepted_on(day: date) -> TransitionInput:
    """Accepting a complex need makes it due three working days later."""
    return TransitionInput(NeedAction.ACCEPT, on=day)


def _keys(worklist: Any, section: WorkSection) -> list[str]:
    return [item.reference for item in worklist.items[section]]


def _officer(services: Any, name: str) -> Any:
    return services.reference.add_officer(OfficerInput(name))


def test_due_this_week_and_overdue_hold_active_cases_up_to_sunday(context: Any) -> None:
    services = context.services
    today = _case(services, TODAY, visited=True)
    sunday = _case(services, SUNDAY, visited=True)
    yesterday = _case(services, TODAY - timedelta(days=1), visited=True)
    long_ago = _case(services, date(2025, 5, 2), visited=True)
    _case(services, SUNDAY + timedelta(days=1), visited=True)  # next week
    _case(services, TODAY, status=CaseStatus.PAUSED, visited=True)
    _case(services, TODAY - timedelta(days=3), status=CaseStatus.PAUSED, visited=True)
    _case(services, TODAY, status=CaseStatus.CLOSED)
    tombstoned = _case(services, TODAY)
    services.cases.delete_case(tombstoned.id)

    worklist = services.worklist.build(TODAY)

    assert _keys(worklist, S.DUE_THIS_WEEK) == [today.case_no, sunday.case_no]
    assert _keys(worklist, S.OVERDUE) == [long_ago.case_no, yesterday.case_no]
    assert worklist.counts[S.DUE_THIS_WEEK] == 2 and worklist.counts[S.OVERDUE] == 2
    assert worklist.items[S.NEVER_VISITED] == ()
    late = worklist.items[S.OVERDUE][0]
    assert (late.case_id, late.due_on, late.days_late) == (long_ago.id, date(2025, 5, 2), 40)
    assert late.subject == "卤代丁基橡胶" and late.officer_name == ""
    assert late.enterprise_id == long_ago.enterprise_id
    assert late.enterprise_name == long_ago.enterprise_name
    assert worklist.items[S.DUE_THIS_WEEK][0].days_late == 0


def test_never_visited_lists_recognised_active_cases_whatever_their_due_date(
    context: Any,
) -> None:
    services = context.services
    overdue = _case(services, TODAY - timedelta(days=5))
    later = _case(services, TODAY + timedelta(days=25))
    _case(services, TODAY - timedelta(days=2), visited=True)
    _case(services, TODAY + timedelta(days=3), status=CaseStatus.PAUSED)
    _case(services, TODAY + timedelta(days=3), status=CaseStatus.CLOSED)
    unrecognised = _case(services, TODAY + timedelta(days=10))
    recognition_id = services.cases.get_case(unrecognised.id).recognition_id
    services.recognitions.delete_recognition(recognition_id)

    worklist = services.worklist.build(TODAY)

    assert _keys(worklist, S.NEVER_VISITED) == [overdue.case_no, later.case_no]
    assert worklist.items[S.NEVER_VISITED][0].days_late == 5
    assert worklist.items[S.NEVER_VISITED][1].days_late == 0
    # the never-visited overdue case is also in OVERDUE: sections may overlap
    assert overdue.case_no in _keys(worklist, S.OVERDUE)
    assert worklist.total == sum(worklist.counts.values())


def test_needs_due_within_three_working_days_come_past_due_first(context: Any) -> None:
    services = context.services
    officer = _officer(services, "沈浩")
    case = _case(services, date(2025, 9, 1), officer=officer)
    department = services.reference.list_departments()[1]
    assign = TransitionInput(
        NeedAction.ASSIGN, on=date(2025, 6, 2), lead_department_id=department.id
    )
    horizon = _need(services, case, _accepted_on(TODAY), title="截止于第三个工作日")
    past = _need(services, case, _accepted_on(date(2025, 6, 2)), title="已逾期")
    _need(services, case, _accepted_on(date(2025, 6, 12)), title="第四个工作日")
    # raised 2025-05-01 and never accepted: due to be accepted by 05-06 (劳动节 5-01..05)
    pending = _need(services, case, title="待受理，逾期未受理")
    assert pending.row.due_on == date(2025, 5, 6)
    _need(
        services,
        case,
        _accepted_on(date(2025, 6, 2)),
        TransitionInput(NeedAction.MARK_UNRESOLVABLE, on=date(2025, 6, 3), note="无法解决"),
        title="无法解决",
    )
    _need(
        services,
        case,
        _accepted_on(date(2025, 6, 2)),
        assign,
        TransitionInput(NeedAction.START, on=date(2025, 6, 3)),
        TransitionInput(NeedAction.ANSWER, on=date(2025, 6, 4), outcome="已对接银行"),
        TransitionInput(NeedAction.CLOSE, on=date(2025, 6, 5)),
        title="已办结",
    )
    extended = _need(
        services,
        case,
        _accepted_on(date(2025, 6, 2)),
        assign,
        TransitionInput(NeedAction.START, on=date(2025, 6, 3)),
        TransitionInput(NeedAction.REQUEST_EXTENSION, note="需要时间", on=date(2025, 6, 9)),
        TransitionInput(
            NeedAction.APPROVE_EXTENSION, on=date(2025, 6, 9), extended_to="2025-06-30"
        ),
        title="已延期",
    )
    assert extended.row.due_on == date(2025, 6, 30) and extended.extended_to is not None
    within = _need(
        services,
        case,
        _accepted_on(date(2025, 6, 2)),
        assign,
        TransitionInput(NeedAction.START, on=date(2025, 6, 3)),
        TransitionInput(NeedAction.REQUEST_EXTENSION, note="需要时间", on=date(2025, 6, 9)),
        TransitionInput(
            NeedAction.APPROVE_EXTENSION, on=date(2025, 6, 9), extended_to="2025-06-13"
        ),
        title="延期后仍临期",
    )
    gone = _need(services, case, _accepted_on(TODAY), title="已删除")
    services.needs.delete_need(gone.row.id)

    worklist = services.worklist.build(TODAY)

    assert _keys(worklist, S.NEEDS_DUE) == [
        pending.row.need_no,
        past.row.need_no,
        within.row.need_no,
        horizon.row.need_no,
    ]
    unaccepted, first, second, third = worklist.items[S.NEEDS_DUE]
    assert (unaccepted.due_on, unaccepted.days_late) == (date(2025, 5, 6), 36)
    assert (first.due_on, first.days_late) == (date(2025, 6, 5), 6)
    assert (second.due_on, second.days_late) == (date(2025, 6, 13), 0)
    assert third.due_on == NEED_HORIZON
    assert first.need_id == past.row.id and first.subject == "已逾期"
    assert first.case_id == case.id and first.officer_name == "沈浩"


def test_expiring_recognitions_within_the_warning_days(context: Any) -> None:
    services = context.services
    horizon = TODAY + timedelta(days=90)
    last_day = _recognised(services, date(2022, 9, 10), horizon, name="第90天到期")
    first_day = _recognised(services, date(2022, 6, 12), TODAY, name="今天到期")
    _recognised(services, date(2022, 9, 11), horizon + timedelta(days=1), name="第91天")
    _recognised(services, date(2022, 6, 11), TODAY - timedelta(days=1), name="昨天已到期")
    gone = _recognised(services, date(2022, 7, 1), TODAY + timedelta(days=10), name="已删除")
    services.recognitions.delete_recognition(gone.id)
    officer = _officer(services, "李晓梅")
    case = services.cases.open_case(
        CaseInput(last_day.product_id, recognition_id=last_day.id, officer_id=officer.id)
    )

    worklist = services.worklist.build(TODAY)

    assert [i.recognition_id for i in worklist.items[S.EXPIRING]] == [first_day.id, last_day.id]
    soon, late = worklist.items[S.EXPIRING]
    assert soon.subject == "今天到期（省首批次认定）" and soon.case_id is None
    assert soon.reference == first_day.document_no and soon.due_on == TODAY
    assert soon.days_late == 0 and soon.officer_name == ""
    assert (late.case_id, late.officer_name) == (case.row.id, "李晓梅")
    assert late.enterprise_id == last_day.enterprise_id


def test_the_officer_filter_keeps_that_officers_cases_needs_and_recognitions(
    context: Any,
) -> None:
    services = context.services
    mine, theirs = _officer(services, "王建国"), _officer(services, "周丽")
    my_case = _case(services, TODAY - timedelta(days=1), officer=mine)
    their_case = _case(services, TODAY - timedelta(days=2), officer=theirs)
    _case(services, TODAY - timedelta(days=3))  # nobody's
    for case in (my_case, their_case):
        _need(services, case, _accepted_on(TODAY))
    expiring = _recognised(services, date(2022, 7, 1), TODAY + timedelta(days=30))
    expiring_case = services.cases.open_case(
        CaseInput(expiring.product_id, recognition_id=expiring.id, officer_id=mine.id)
    ).row  # never visited since 2022: overdue
    _recognised(services, date(2022, 7, 2), TODAY + timedelta(days=31))  # no case at all

    everyone = services.worklist.build(TODAY)
    only_mine = services.worklist.build(TODAY, officer_id=mine.id)

    assert everyone.counts[S.OVERDUE] == 4 and everyone.counts[S.NEEDS_DUE] == 2
    assert everyone.counts[S.EXPIRING] == 2
    assert _keys(only_mine, S.OVERDUE) == [expiring_case.case_no, my_case.case_no]
    assert only_mine.counts[S.NEVER_VISITED] == 2  # my overdue case and the expiring one
    assert [i.case_id for i in only_mine.items[S.NEEDS_DUE]] == [my_case.id]
    assert [i.recognition_id for i in only_mine.items[S.EXPIRING]] == [expiring.id]
    assert all(
        item.officer_name == "王建国" for items in only_mine.items.values() for item in items
    )
    assert services.worklist.counts(TODAY, officer_id=mine.id) == dict(only_mine.counts)
    assert services.worklist.counts(TODAY, officer_id=theirs.id) == {
        S.DUE_THIS_WEEK: 0,
        S.OVERDUE: 1,
        S.NEVER_VISITED: 1,
        S.NEEDS_DUE: 1,
        S.EXPIRING: 0,
    }


def test_limit_keeps_the_most_urgent_rows_and_the_full_counts(context: Any) -> None:
    services = context.services
    cases = [_case(services, TODAY - timedelta(days=d)) for d in (3, 9, 1, 6)]
    worklist = services.worklist.build(TODAY, limit=2)
    assert worklist.counts[S.OVERDUE] == 4
    assert _keys(worklist, S.OVERDUE) == [cases[1].case_no, cases[3].case_no]
    assert [i.days_late for i in worklist.items[S.OVERDUE]] == [9, 6]


def test_counts_equal_the_counts_of_build_and_an_empty_worklist(context: Any) -> None:
    services = context.services
    empty = services.worklist.build(TODAY)
    assert empty.total == 0 and set(empty.counts) == set(S)
    assert all(items == () for items in empty.items.values())

    case = _case(services, TODAY - timedelta(days=1))
    _case(services, TODAY + timedelta(days=2), visited=True)
    _need(services, case, _accepted_on(TODAY))
    _recognised(services, date(2022, 7, 1), TODAY + timedelta(days=30))

    worklist = services.worklist.build(TODAY)
    assert services.worklist.counts(TODAY) == dict(worklist.counts)
    assert {s: len(worklist.items[s]) for s in S} == dict(worklist.counts)
    assert dict(worklist.counts) == {
        S.DUE_THIS_WEEK: 1,
        S.OVERDUE: 1,
        S.NEVER_VISITED: 1,
        S.NEEDS_DUE: 1,
        S.EXPIRING: 1,
    }
    assert worklist.today == TODAY and worklist.total == 5


def test_the_calendar_and_warning_days_come_from_the_service_config(context: Any) -> None:
    services = context.services
    case = _case(services, date(2025, 9, 1))
    tuesday = _need(services, case, _accepted_on(date(2025, 6, 12)))  # due Tuesday 17 June
    _recognised(services, date(2022, 7, 1), TODAY + timedelta(days=30), name="第30天")
    _recognised(services, date(2022, 7, 2), TODAY + timedelta(days=31), name="第31天")
    config = ServiceConfig(
        calendar=WorkCalendar(holidays=frozenset({NEED_HORIZON})), expiry_warning_days=30
    )
    worklist = WorklistService(
        context.session_factory, Actor("测试"), context.paths.database, config
    ).build(TODAY)
    assert _keys(worklist, S.NEEDS_DUE) == [tuesday.row.need_no]
    assert [i.subject for i in worklist.items[S.EXPIRING]] == ["第30天（省首批次认定）"]
    assert services.worklist.counts(TODAY)[S.NEEDS_DUE] == 0  # the shipped calendar


@pytest.mark.parametrize(
    ("section", "zh", "en"),
    [
        (S.DUE_THIS_WEEK, "本周到期", "Due this week"),
        (S.OVERDUE, "已逾期", "Overdue"),
        (S.NEVER_VISITED, "认定后未走访", "Not visited since recognition"),
        (S.NEEDS_DUE, "诉求临期或逾期", "Needs due soon or overdue"),
        (S.EXPIRING, "认定即将到期", "Recognitions expiring soon"),
    ],
)
def test_sections_have_labels(section: WorkSection, zh: str, en: str) -> None:
    assert section.label() == zh and section.label("en") == en


def test_a_need_answered_in_time_is_not_late_after_its_deadline(context: Any) -> None:
    services = context.services
    case = _case(services, date(2025, 9, 1))
    department = services.reference.list_departments()[1]
    answered = _need(
        services,
        case,
        _accepted_on(date(2025, 5, 20)),
        TransitionInput(NeedAction.ASSIGN, on=date(2025, 5, 20), lead_department_id=department.id),
        TransitionInput(NeedAction.START, on=date(2025, 5, 21)),
        TransitionInput(NeedAction.ANSWER, on=date(2025, 5, 22), outcome="已对接银行"),
        title="已反馈，等待办结",
    )
    assert answered.row.due_on < TODAY
    worklist = services.worklist.build(TODAY)
    assert answered.row.need_no not in _keys(worklist, S.NEEDS_DUE)
    overdue = services.needs.list_needs(
        NeedFilter(awaiting_answer=True, due_before=TODAY - timedelta(days=1))
    )
    assert answered.row.id not in {n.id for n in overdue}
