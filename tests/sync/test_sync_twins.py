"""Records numbered or linked the same way on two laptops offline."""

from __future__ import annotations

from datetime import date

from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.domain.enums import NeedCategory
from tests import factories
from tests.sync.helpers import content


def _need(context, enterprise_id, title):
    return context.services.needs.raise_need(
        NeedInput(enterprise_id, NeedCategory.FINANCING, title, raised_on=date(2026, 11, 2))
    )


def test_needs_numbered_alike_offline_end_up_with_distinct_numbers(hub_url, laptops) -> None:
    a, b = laptops("a"), laptops("b")
    made = factories.enterprise(a.services)
    a.services.sync.sync(hub_url)
    b.services.sync.sync(hub_url)
    first = _need(a, made.id, "融资对接")
    second = _need(b, made.id, "用地指标")
    assert first.row.need_no == second.row.need_no  # both took the next number offline
    a.services.sync.sync(hub_url)
    report = b.services.sync.sync(hub_url)
    a.services.sync.sync(hub_url)
    numbers = {a.services.needs.get_need(n.row.id).row.need_no for n in (first, second)}
    assert len(numbers) == 2 and first.row.need_no in numbers
    assert content(a) == content(b)
    assert report.conflicts == 1
    (conflict,) = b.services.sync.conflicts()
    assert conflict.field == "need_no" and conflict.mine == second.row.need_no
