"""The demo data generator: valid, consistent, repeatable data that the services can use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from firstbatch_desk.app import AppContext, open_context
from firstbatch_desk.db.models import (
    SYNCED_MODELS,
    AppMeta,
    Case,
    Enterprise,
    Need,
    NeedTransition,
    Recognition,
    Visit,
    VisitCase,
    VisitNote,
)
from firstbatch_desk.domain.credit_code import parse_credit_code
from firstbatch_desk.domain.dtos.filters import VisitFilter
from firstbatch_desk.domain.enums import ALLOWED_TIERS, CaseStatus, NeedCategory, NeedStatus, Scheme
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.domain.followup import FollowUpCadence
from firstbatch_desk.domain.need_flow import TRANSITIONS
from firstbatch_desk.domain.recognition import default_valid_until, tier_from_text
from firstbatch_desk.paths import resource_path
from firstbatch_desk.services.cases import refresh_case_schedule
from firstbatch_desk.services.demo import DemoGenerator
from firstbatch_desk.services.visit_reading import headline_of

TODAY = date(2026, 6, 30)
VISITS = 300
SEED = 7
DIVISIONS = {"330402", "330411", "330421", "330424", "330481", "330482", "330483"}


def _generate(data_dir: Path, seed: int = SEED) -> tuple[AppContext, dict[str, int]]:
    ctx = open_context(data_dir)
    generator = DemoGenerator(
        ctx.engine,
        words_dir=resource_path("demo"),
        origin=ctx.settings.installation_id,
        seed=seed,
        today=TODAY,
    )
    return ctx, generator.generate(VISITS)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, dict[str, int]]]:
    ctx, counts = _generate(tmp_path_factory.mktemp("demo") / "data")
    yield ctx, counts
    ctx.close()


@pytest.fixture()
def ctx(demo: tuple[AppContext, dict[str, int]]) -> AppContext:
    return demo[0]


@pytest.fixture()
def session(ctx: AppContext) -> Iterator[Session]:
    with ctx.session_factory() as s:
        yield s


def test_counts_returned_equal_the_rows_in_the_tables(demo, session: Session) -> None:
    _, counts = demo
    assert counts["visits"] == VISITS
    assert counts["enterprises"] == 40
    assert counts["needs"] == VISITS // 5
    assert counts["officers"] == 8
    for model in SYNCED_MODELS:
        table = model.__tablename__
        if table in counts:
            assert session.scalar(select(func.count()).select_from(model)) == counts[table], table
    indexed = (
        counts["enterprises"] + counts["products"] + counts["cases"] + VISITS + counts["needs"]
    )
    assert counts["search_documents"] == indexed


def test_every_synced_row_carries_the_sync_columns(ctx: AppContext, session: Session) -> None:
    midnight_in_china = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - timedelta(
        hours=8
    )
    revs = set()
    for model in SYNCED_MODELS:
        rows = session.execute(
            select(model.created_at, model.updated_at, model.origin, model.rev)
            .where(model.updated_by == "演示数据")
            .where(model.deleted_at.is_(None))
        ).all()
        for created, updated, origin, rev in rows:
            assert created.tzinfo is not None
            assert created <= updated < midnight_in_china
            assert origin == ctx.settings.installation_id[:32]
            revs.add(rev)
    assert len(revs) == 1
    demo_rows = session.scalar(
        select(func.count()).select_from(Visit).where(Visit.updated_by != "演示数据")
    )
    assert demo_rows == 0


def test_credit_codes_are_valid_unique_and_cover_every_division(session: Session) -> None:
    rows = session.execute(select(Enterprise.credit_code, Enterprise.division_code)).all()
    codes = [parse_credit_code(code).value for code, _ in rows]
    assert len(set(codes)) == len(codes)
    for code, division in rows:
        assert code.startswith("91" + division)
    assert {division for _, division in rows} == DIVISIONS
    assert session.scalar(select(func.count()).where(Enterprise.zone_id.is_not(None))) > 0


def test_recognitions_use_all_schemes_with_fitting_tiers(session: Session) -> None:
    recognitions = session.scalars(select(Recognition)).all()
    assert {r.scheme for r in recognitions} == set(Scheme)
    for r in recognitions:
        assert r.tier in ALLOWED_TIERS[r.scheme]
        assert tier_from_text(r.tier_text) is r.tier, r.tier_text
        assert 2019 <= r.year <= 2026 and r.recognised_on.year == r.year
        assert r.recognised_on < TODAY
        assert r.valid_until == default_valid_until(r.recognised_on)
        assert f"〔{r.year}〕" in r.document_no
        if r.reward_paid:
            assert r.reward_amount is not None and r.reward_amount > 0
    assert any(r.reward_amount is not None for r in recognitions)


def test_visit_links_and_texts_are_consistent(session: Session) -> None:
    links = session.execute(
        select(Visit.enterprise_id, Case.enterprise_id, Visit.visit_date, Case.opened_on)
        .join(VisitCase, VisitCase.visit_id == Visit.id)
        .join(Case, Case.id == VisitCase.case_id)
    ).all()
    assert links
    for visit_enterprise, case_enterprise, visit_date, opened_on in links:
        assert visit_enterprise == case_enterprise
        assert opened_on <= visit_date < TODAY
    unlinked = session.scalar(
        select(func.count()).select_from(Visit).where(~Visit.id.in_(select(VisitCase.visit_id)))
    )
    assert unlinked == 0
    for headline, summary in session.execute(
        select(Visit.headline, VisitNote.summary).join(VisitNote, VisitNote.visit_id == Visit.id)
    ):
        assert 150 <= len(summary) <= 400
        assert headline == headline_of(summary)
    assert session.scalar(select(func.min(Visit.visit_date))) >= date(2023, 6, 30)


def test_needs_walk_the_state_machine_from_pending(session: Session) -> None:
    needs = session.scalars(select(Need)).all()
    assert {n.status for n in needs} == set(NeedStatus)
    assert {n.category for n in needs} == set(NeedCategory)
    numbers = [n.need_no for n in needs]
    assert len(set(numbers)) == len(numbers)
    history = defaultdict(list)
    for t in session.scalars(select(NeedTransition).order_by(NeedTransition.at)):
        history[t.need_id].append(t)
    for need in needs:
        assert need.need_no.startswith(f"XQ-{need.raised_on.year}-")
        steps = history[need.id]
        if need.status is NeedStatus.PENDING:
            assert steps == []
            continue
        assert steps[0].from_status is NeedStatus.PENDING
        for before, after in pairwise(steps):
            assert before.to_status is after.from_status
            assert before.at < after.at
        for step in steps:
            assert TRANSITIONS[step.from_status][step.action] is step.to_status
        assert steps[-1].to_status is need.status
        actions = {s.action.value for s in steps}
        assert (need.accepted_on is not None) == ("ACCEPT" in actions)
        assert (need.satisfaction is not None) == (need.status is NeedStatus.REVISITED)
        finished = need.status in (NeedStatus.CLOSED, NeedStatus.REVISITED, NeedStatus.UNRESOLVABLE)
        assert (need.closed_on is not None) == finished
        if need.lead_department_id is not None:
            assert need.assigned_on is not None and need.due_on is not None
        for day in (need.accepted_on, need.assigned_on, need.answered_on, need.closed_on):
            assert day is None or need.raised_on <= day < TODAY


def test_case_schedule_matches_refresh_case_schedule(session: Session) -> None:
    cases = session.scalars(select(Case)).all()
    assert {c.status for c in cases} == set(CaseStatus) or len(cases) < 20
    assert sum(c.status is CaseStatus.ACTIVE for c in cases) > len(cases) / 2
    numbers = [c.case_no for c in cases]
    assert len(set(numbers)) == len(numbers)
    stored = {c.id: (c.last_visit_on, c.next_due_on) for c in cases}
    for case in cases:
        refresh_case_schedule(session, case, FollowUpCadence())
        assert (case.last_visit_on, case.next_due_on) == stored[case.id], case.case_no
        assert case.case_no == f"GZ-{case.opened_on.year}-{case.case_no[-4:]}"
    session.rollback()


def test_services_see_the_data(ctx: AppContext) -> None:
    found = ctx.services.visits.list_visits(VisitFilter(search="推广"))
    assert found
    cases = ctx.services.cases.list_cases()
    assert cases
    assert all(c.next_due_on is not None for c in cases if c.status is CaseStatus.ACTIVE)


def test_demo_facts_are_remembered(session: Session) -> None:
    facts = {key: value for key, value in session.execute(select(AppMeta.key, AppMeta.value))}
    assert facts["demo_seed"] == str(SEED)
    assert facts["demo_visits"] == str(VISITS)


def test_a_second_run_is_refused_and_changes_nothing(ctx: AppContext) -> None:
    def visits() -> int:
        with ctx.session_factory() as s:
            return s.scalar(select(func.count()).select_from(Visit)) or 0

    before = visits()
    generator = DemoGenerator(
        ctx.engine, words_dir=resource_path("demo"), origin="again", seed=SEED, today=TODAY
    )
    with pytest.raises(StorageError) as raised:
        generator.generate(50)
    assert raised.value.code == "storage.demo_not_empty"
    assert str(ctx.paths.database) in str(raised.value)
    assert visits() == before


def test_same_seed_and_day_give_the_same_data(ctx: AppContext, tmp_path: Path) -> None:
    other, _ = _generate(tmp_path / "again")

    def snapshot(context: AppContext) -> tuple[list, list]:
        with context.session_factory() as s:
            enterprises = s.execute(
                select(Enterprise.id, Enterprise.name, Enterprise.credit_code).order_by(
                    Enterprise.id
                )
            ).all()
            summaries = s.execute(
                select(VisitNote.visit_id, VisitNote.summary).order_by(VisitNote.visit_id)
            ).all()
        return enterprises, summaries

    try:
        assert snapshot(other) == snapshot(ctx)
    finally:
        other.close()
