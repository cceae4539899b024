"""A laptop whose clock is hours wrong loses no edit."""

from __future__ import annotations

from firstbatch_desk.db.session import CLOCK_KEY
from firstbatch_desk.domain.hlc import HybridClock, Stamp, wall_millis
from tests import factories
from tests.sync.helpers import content, rename

HOURS = 3_600_000


def _skew(context, hours: int) -> None:
    """From now on this laptop's clock runs ``hours`` off the true time."""
    clock: HybridClock = context.session_factory.kw["info"][CLOCK_KEY]
    clock.wall = lambda: wall_millis() + hours * HOURS


def test_a_later_edit_on_a_slow_laptop_wins_over_what_it_saw(hub_url, laptops) -> None:
    fast, slow, late = laptops("fast"), laptops("slow"), laptops("late")
    _skew(slow, -5)  # five hours behind
    made = factories.enterprise(fast.services)
    for laptop in (fast, slow, late):
        laptop.services.sync.sync(hub_url)
    rename(late, made.id, address="早先的地址")  # first in truth, synced last
    rename(fast, made.id, address="快钟地址")
    fast.services.sync.sync(hub_url)
    slow.services.sync.sync(hub_url)  # sees the fast laptop's edit and its stamp
    seen = _stamp(slow, made.id)
    rename(slow, made.id, address="慢钟地址")  # last in truth, hours early by its wall clock
    assert _stamp(slow, made.id) > seen  # causally later, so stamped later despite its clock
    rename(fast, made.id, industry="新材料")  # meanwhile, another field on the fast laptop
    slow.services.sync.sync(hub_url)
    late.services.sync.sync(hub_url)  # its edit is older than what the hub holds: it loses
    for laptop in (fast, slow, late):
        laptop.services.sync.sync(hub_url)
    for laptop in (fast, slow, late):
        detail = laptop.services.enterprises.get_enterprise(made.id)
        assert (detail.address, detail.industry) == ("慢钟地址", "新材料")
    assert content(fast) == content(slow) == content(late)
    (conflict,) = late.services.sync.conflicts()
    assert (conflict.mine, conflict.theirs, conflict.winner) == ("早先的地址", "慢钟地址", "theirs")


def _stamp(context, enterprise_id) -> str:
    from firstbatch_desk.db.models import Enterprise

    with context.session_factory() as session:
        return session.get(Enterprise, enterprise_id).hlc


def test_concurrent_edits_under_skew_keep_the_loser(hub_url, laptops) -> None:
    ahead, behind = laptops("ahead"), laptops("behind")
    _skew(ahead, +6)
    _skew(behind, -6)
    made = factories.enterprise(ahead.services)
    ahead.services.sync.sync(hub_url)
    behind.services.sync.sync(hub_url)
    rename(behind, made.id, address="乙")
    rename(ahead, made.id, address="甲")
    behind.services.sync.sync(hub_url)
    ahead.services.sync.sync(hub_url)
    behind.services.sync.sync(hub_url)
    final = {
        laptop.services.enterprises.get_enterprise(made.id).address for laptop in (ahead, behind)
    }
    assert len(final) == 1  # converged
    (conflict,) = ahead.services.sync.conflicts()
    assert {conflict.mine, conflict.theirs} == {"甲", "乙"}  # the loser is kept


def test_stamps_never_go_backwards_when_the_wall_clock_jumps_back() -> None:
    wall = [10_000_000]
    clock = HybridClock("node", wall=lambda: wall[0])
    first = clock.now()
    wall[0] -= 5 * HOURS
    second = clock.now()
    clock.observe(Stamp(20_000_000, 3, "other").text())
    third = clock.now()
    assert first < second < third
    assert Stamp.parse(third).millis == 20_000_000
