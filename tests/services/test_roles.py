"""Roles are enforced by the services: called directly in the wrong role, they refuse.

An officer (科员/经办人) edits their own cases, visits and needs and reads
everything; a supervisor (科长/负责人) edits everything, closes needs and assigns
cases; an administrator also manages accounts and reference data. A refusal
changes nothing and says in words what is not allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.domain.accounts import Role
from firstbatch_desk.domain.dtos.filters import CaseFilter, NeedFilter, VisitFilter
from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.dtos.importing import ImportOptions, SheetTable
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import CaseInput, EnterpriseInput, ProductInput
from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory, NeedStatus
from firstbatch_desk.domain.errors import PermissionDeniedError
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.services import Services
from tests import factories
from tests.services.test_accounts import services_as


@dataclass
class Office:
    """Two officers with a case each, a visit and a need on each case."""

    admin: Services
    mine: Any  # 陈晓明's case
    theirs: Any  # 李娜's case
    my_visit: Any
    their_visit: Any
    my_need: Any
    their_need: Any

    @property
    def me(self) -> Any:
        return self.mine.row.officer_id

    @property
    def them(self) -> Any:
        return self.theirs.row.officer_id


def _need(services: Services, case: Any, title: str = "流动资金贷款对接") -> Any:
    return services.needs.raise_need(
        NeedInput(case.row.enterprise_id, NeedCategory.FINANCING, title, case_id=case.row.id)
    )


@pytest.fixture
def office(context: Any) -> Office:
    admin = context.services
    mine = factories.recognised_case(admin)
    theirs = factories.recognised_case(admin)
    li = admin.reference.add_officer(OfficerInput("李娜"))
    theirs = admin.cases.update_case(
        theirs.row.id, CaseInput(theirs.row.product_id, theirs.recognition_id, li.id)
    )
    return Office(
        admin,
        mine,
        theirs,
        factories.visit(admin, mine.row),
        factories.visit(admin, theirs.row),
        _need(admin, mine),
        _need(admin, theirs),
    )


def _refused(call: Any, *words: str) -> PermissionDeniedError:
    with pytest.raises(PermissionDeniedError) as caught:
        call()
    for word in words:
        assert word in str(caught.value), (word, str(caught.value))
    return caught.value


def _case_input(case: Any, **changes: Any) -> CaseInput:
    values = {
        "recognition_id": case.recognition_id,
        "officer_id": case.row.officer_id,
        "notes": case.notes,
    }
    values.update(changes)
    return CaseInput(case.row.product_id, **values)


def test_an_officer_edits_their_own_case_visit_and_need(context: Any, office: Office) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    case = me.cases.update_case(office.mine.row.id, _case_input(office.mine, notes="每季度走访"))
    assert case.notes == "每季度走访"
    visit = factories.visit(me, office.mine.row, summary="本人记录的走访。")
    assert visit.row.id
    need = _need(me, office.mine, "检测认证")
    need = me.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT))
    assert need.row.status is NeedStatus.ACCEPTED
    me.needs.delete_need(need.row.id)
    me.visits.delete_visit(office.my_visit.row.id)
    me.visits.restore_visit(office.my_visit.row.id)


def test_an_officer_reads_everything(context: Any, office: Office) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    assert len(me.cases.list_cases(CaseFilter())) == 2
    assert len(me.visits.list_visits(VisitFilter())) == 2
    assert len(me.needs.list_needs(NeedFilter())) == 2
    assert me.needs.get_need(office.their_need.row.id).row.title == "流动资金贷款对接"


def test_an_officer_cannot_touch_another_officer_s_records(context: Any, office: Office) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    theirs = office.theirs
    refusals = [
        lambda: me.cases.update_case(theirs.row.id, _case_input(theirs, notes="改别人的")),
        lambda: me.cases.delete_case(theirs.row.id),
        lambda: me.visits.delete_visit(office.their_visit.row.id),
        lambda: me.needs.transition(office.their_need.row.id, TransitionInput(NeedAction.ACCEPT)),
        lambda: me.needs.delete_need(office.their_need.row.id),
        lambda: _need(me, theirs, "替别人登记"),
    ]
    for call in refusals:
        error = _refused(call, "不是您负责的", "科员/经办人")
        assert "is not yours" in error.message("en")
    assert office.admin.cases.get_case(theirs.row.id).notes == theirs.notes
    assert office.admin.needs.get_need(office.their_need.row.id).row.status is NeedStatus.PENDING
    assert len(office.admin.needs.list_needs(NeedFilter())) == 2


def test_an_officer_cannot_reassign_or_close(context: Any, office: Office) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    _refused(
        lambda: me.cases.update_case(
            office.mine.row.id, _case_input(office.mine, officer_id=office.them)
        ),
        "指派或改派",
        "科长/负责人",
    )
    assert office.admin.cases.get_case(office.mine.row.id).row.officer_id == office.me
    need = office.my_need.row.id
    department = office.admin.reference.list_departments()[0]
    for step in (
        TransitionInput(NeedAction.ACCEPT),
        TransitionInput(NeedAction.ASSIGN, lead_department_id=department.id),
        TransitionInput(NeedAction.START),
        TransitionInput(NeedAction.ANSWER, outcome="已对接银行"),
    ):
        me.needs.transition(need, step)
    _refused(
        lambda: me.needs.transition(need, TransitionInput(NeedAction.CLOSE)),
        "办结问题诉求",
        "科长/负责人",
    )
    assert office.admin.needs.get_need(need).row.status is NeedStatus.ANSWERED
    boss = services_as(context, Role.SUPERVISOR)
    assert boss.needs.transition(need, TransitionInput(NeedAction.CLOSE)).row.status is (
        NeedStatus.CLOSED
    )


def test_an_officer_cannot_change_the_register_reference_data_or_import(
    context: Any, office: Office
) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    enterprise = office.mine.row.enterprise_id
    _refused(lambda: factories.enterprise(me), "修改企业、产品和认定", "科长/负责人")
    _refused(lambda: me.enterprises.delete_enterprise(enterprise), "修改企业")
    _refused(lambda: me.products.create_product(ProductInput(enterprise, "石墨烯")), "修改企业")
    _refused(lambda: me.reference.add_officer(OfficerInput("王五")), "基础数据", "管理员")
    table = SheetTable("名单.xlsx", "Sheet1", 1, (), {}, ())
    _refused(lambda: me.imports.commit(table, ImportOptions()), "导入认定名单")


def test_an_officer_attaches_files_only_to_their_own_visits(
    context: Any, office: Office, tmp_path: Path
) -> None:
    me = services_as(context, Role.OFFICER, office.me)
    photo = tmp_path / "现场.txt"
    photo.write_text("走访现场记录", encoding="utf-8")
    stored = me.attachments.ingest(photo)
    mine = me.attachments.attach(AttachmentOwner.VISIT, office.my_visit.row.id, [stored])
    assert [row.original_name for row in mine] == ["现场.txt"]
    _refused(
        lambda: me.attachments.attach(AttachmentOwner.VISIT, office.their_visit.row.id, [stored]),
        "修改走访记录",
    )
    theirs = office.admin.attachments.attach(
        AttachmentOwner.NEED, office.their_need.row.id, [stored]
    )
    _refused(lambda: me.attachments.remove(theirs[0].id), "问题诉求")
    _refused(lambda: me.attachments.set_caption(theirs[0].id, "改说明"), "问题诉求")
    assert office.admin.attachments.get(theirs[0].id).caption == ""


def test_a_visit_covering_their_case_is_theirs_too(context: Any, office: Office) -> None:
    """A visit recorded by the supervisor that covers my case is mine to correct."""
    me = services_as(context, Role.OFFICER, office.me)
    me.visits.delete_visit(office.my_visit.row.id)  # recorded by the local admin, covers my case
    them = services_as(context, Role.OFFICER, office.them)
    _refused(lambda: them.visits.restore_visit(office.my_visit.row.id), "不是您负责的")
    me.visits.restore_visit(office.my_visit.row.id)


def test_an_officer_account_without_an_officer_edits_nothing(context: Any, office: Office) -> None:
    nobody = services_as(context, Role.OFFICER, None)
    _refused(lambda: factories.visit(nobody, office.mine.row), "没有关联工作人员")


def test_a_supervisor_edits_everything_and_assigns(context: Any, office: Office) -> None:
    boss = services_as(context, Role.SUPERVISOR)
    moved = boss.cases.update_case(
        office.theirs.row.id, _case_input(office.theirs, officer_id=office.me)
    )
    assert moved.row.officer_id == office.me
    boss.visits.delete_visit(office.their_visit.row.id)
    enterprise = factories.enterprise(boss, name="嘉兴新材料股份有限公司")
    boss.enterprises.update_enterprise(
        enterprise.id,
        EnterpriseInput(name="嘉兴新材料集团有限公司", credit_code=enterprise.credit_code),
    )
    _refused(lambda: boss.reference.add_officer(OfficerInput("王五")), "基础数据", "管理员")


def test_opening_a_case_for_oneself_is_allowed_for_another_officer_not(
    context: Any, office: Office
) -> None:
    admin = office.admin
    product = admin.products.create_product(ProductInput(office.mine.row.enterprise_id, "碳纤维"))
    me = services_as(context, Role.OFFICER, office.me)
    _refused(
        lambda: me.cases.open_case(CaseInput(product.id, officer_id=office.them)),
        "不是您负责的",
    )
    case = me.cases.open_case(CaseInput(product.id, officer_id=office.me, opened_on=date.today()))
    assert case.row.officer_id == office.me
