"""DemoGenerator: fills an empty database with a realistic, repeatable 嘉兴 data set.

Everything is written in one transaction with Core ``insert()`` over lists of
dicts (DESIGN.md, Data), so a killed run leaves the database as it was.
The same seed and ``today`` give the same rows and ids: every random choice
comes from one ``random.Random(seed)`` and every id from ``id_at``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from firstbatch_desk.db import fts
from firstbatch_desk.db.audit import EntryDraft, append_entries, to_json
from firstbatch_desk.db.models import (
    AppMeta,
    Case,
    Contact,
    Enterprise,
    Need,
    NeedSupport,
    NeedTransition,
    Officer,
    Product,
    Recognition,
    Visit,
    VisitAttendee,
    VisitCase,
    VisitNote,
    VisitOfficer,
)
from firstbatch_desk.db.session import next_rev
from firstbatch_desk.domain.enums import CaseStatus
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.domain.followup import FollowUpCadence, add_months, next_due_date
from firstbatch_desk.domain.workdays import WorkCalendar
from firstbatch_desk.services import indexing
from firstbatch_desk.services.demo.common import Stamper, local_time
from firstbatch_desk.services.demo.needs import NeedBuilder
from firstbatch_desk.services.demo.plan import Register, read_reference
from firstbatch_desk.services.demo.register import RegisterBuilder
from firstbatch_desk.services.demo.visits import CategoryPicker, VisitBuilder, plan_visits
from firstbatch_desk.services.demo.words import Words, load_words

Progress = Callable[[str, int, int], None]
Doc = tuple[uuid.UUID, Sequence[str | None]]

CHUNK = 5_000
MIN_ENTERPRISES = 40
MIN_OFFICERS = 8
WINDOW_MONTHS = 36
DEMO_ACTOR = "演示数据"


class DemoGenerator:
    """Demo data for a fresh database; ``generate`` refuses a database that holds data."""

    def __init__(
        self,
        engine: Engine,
        *,
        words_dir: Path,
        origin: str,
        seed: int = 2026,
        today: date | None = None,
        cadence: FollowUpCadence | None = None,
        calendar: WorkCalendar | None = None,
        actor: str = DEMO_ACTOR,
    ) -> None:
        self._engine = engine
        self._actor = actor
        self._calendar = calendar or WorkCalendar()
        self._words_dir = Path(words_dir)
        self._origin = origin
        self._seed = seed
        self._today = today or date.today()
        self._cadence = cadence or FollowUpCadence()

    def generate(self, visits: int = 600, progress: Progress | None = None) -> dict[str, int]:
        """Write ``visits`` visits and everything around them; return rows per table."""
        if visits < 1:
            raise ValueError("visits must be at least 1")
        words = load_words(self._words_dir)
        report = progress or (lambda _stage, _done, _total: None)
        with self._engine.begin() as connection:
            self._refuse_if_not_empty(connection)
            run = _Run(
                connection,
                words,
                report,
                seed=self._seed,
                today=self._today,
                origin=self._origin,
                cadence=self._cadence,
                calendar=self._calendar,
            )
            counts = run.run(visits)
            self._audit(connection, visits, counts)
        return counts

    def _audit(self, connection: Connection, visits: int, counts: dict[str, int]) -> None:
        """One audit entry for the whole batch (its rows bypass the ORM and its audit)."""
        rows = sum(n for table, n in counts.items() if table != "search_documents")
        after = {
            "summary": f"demo data: {rows} rows",
            "rows": counts,
            "seed": self._seed,
            "visits": visits,
        }
        entry = EntryDraft(
            datetime.now(UTC), self._actor, "batch", "demo", "", None, to_json(after)
        )
        append_entries(connection, [entry])

    def _refuse_if_not_empty(self, connection: Connection) -> None:
        if connection.execute(select(func.count()).select_from(Enterprise)).scalar_one():
            path = next(
                (
                    row[2]
                    for row in connection.exec_driver_sql("PRAGMA database_list")
                    if row[1] == "main"
                ),
                str(self._engine.url),
            )
            raise StorageError("storage.demo_not_empty", path=path)


class _Run:
    """One generation inside one transaction."""

    def __init__(
        self,
        connection: Connection,
        words: Words,
        report: Progress,
        *,
        seed: int,
        today: date,
        origin: str,
        cadence: FollowUpCadence,
        calendar: WorkCalendar,
    ) -> None:
        self.c = connection
        self.calendar = calendar
        self.words = words
        self.report = report
        self.today = today
        self.seed = seed
        self.cadence = cadence
        self.rng = random.Random(seed)
        self.stamper = Stamper(
            self.rng, origin=origin, rev=next_rev(connection), updated_by=words.updated_by
        )
        self.counts: dict[str, int] = {}

    def insert(self, model: Any, rows: Sequence[dict[str, Any]]) -> None:
        for start in range(0, len(rows), CHUNK):
            self.c.execute(insert(model), rows[start : start + CHUNK])
        name = model.__tablename__
        self.counts[name] = self.counts.get(name, 0) + len(rows)

    def index(self, entity: str, docs: Sequence[Doc]) -> None:
        for start in range(0, len(docs), CHUNK):
            fts.index_documents(self.c, entity, docs[start : start + CHUNK])

    def run(self, visit_count: int) -> dict[str, int]:
        today, rng = self.today, self.rng
        window_start = add_months(today, -WINDOW_MONTHS)
        reference = read_reference(self.c)
        n_enterprises = max(MIN_ENTERPRISES, visit_count // 15)
        self.report("register", 0, n_enterprises)
        builder = RegisterBuilder(
            rng, self.words, reference, self.stamper, today=today, window_start=window_start
        )
        reg = builder.build(n_enterprises, max(MIN_OFFICERS, visit_count // 2500))
        for model, rows in (
            (Officer, reg.officers),
            (Enterprise, reg.enterprises),
            (Contact, reg.contacts),
            (Product, reg.products),
            (Recognition, reg.recognitions),
            (Case, reg.cases),
        ):
            self.insert(model, rows)
        self.report("register", n_enterprises, n_enterprises)

        categories = CategoryPicker(reference.categories, self.words.needs["category_weights"])
        need_total = visit_count // 5
        from_visits = min(visit_count, need_total - need_total // 5)
        raises_need = set(rng.sample(range(visit_count), from_visits))
        plan = plan_visits(rng, reg, visit_count)
        latest = local_time(today, 0) - timedelta(minutes=1)
        visits = VisitBuilder(rng, self.words, reg, self.stamper, categories, latest=latest)
        for start in range(0, visit_count, CHUNK):
            rows = visits.build(plan[start : start + CHUNK], start, raises_need)
            self.insert(Visit, rows.visits)
            self.insert(VisitNote, rows.notes)
            self.insert(VisitCase, rows.cases)
            self.insert(VisitOfficer, rows.officers)
            self.insert(VisitAttendee, rows.attendees)
            self.index(indexing.VISIT, rows.docs)
            self.report("visits", min(start + CHUNK, visit_count), visit_count)

        self.report("needs", 0, need_total)
        needs = NeedBuilder(
            rng, self.words, reg, reference, self.stamper, today=today, calendar=self.calendar
        )
        seeds = visits.need_seeds + needs.other_channel_seeds(
            need_total - len(visits.need_seeds), categories
        )
        need_rows = needs.build(seeds)
        self.insert(Need, need_rows.needs)
        self.insert(NeedSupport, need_rows.supports)
        self.insert(NeedTransition, need_rows.transitions)
        self.index(indexing.NEED, need_rows.docs)
        self.report("needs", need_total, need_total)

        self._schedule_cases(reg, visits.last_visit, need_rows.open_due)
        self._index_register(reg)
        self._remember(visit_count)
        self.counts["search_documents"] = fts.count_documents(self.c)
        return self.counts

    def _schedule_cases(
        self, reg: Register, last_visit: dict[int, date], open_due: dict[int, date]
    ) -> None:
        """last_visit_on / next_due_on as services.cases.refresh_case_schedule sets them."""
        params = []
        for index, case in enumerate(reg.case_info):
            last = last_visit.get(index)
            due = None
            if case.status is not CaseStatus.CLOSED:
                due = next_due_date(
                    recognised_on=case.recognised_on,
                    last_visit_on=last,
                    open_need_due=open_due.get(index),
                    cadence=self.cadence,
                )
            reg.cases[index]["last_visit_on"] = last
            reg.cases[index]["next_due_on"] = due
            params.append({"case_id": case.id, "last": last, "due": due})
        statement = (
            update(Case)
            .where(Case.id == bindparam("case_id"))
            .values(last_visit_on=bindparam("last"), next_due_on=bindparam("due"))
        )
        for start in range(0, len(params), CHUNK):
            self.c.execute(statement, params[start : start + CHUNK])

    def _index_register(self, reg: Register) -> None:
        names = {row["id"]: row["name"] for row in reg.enterprises}
        product_names: dict[uuid.UUID, list[str]] = {}
        for product in reg.products:
            product_names.setdefault(product["enterprise_id"], []).append(product["name"])
        documents: dict[uuid.UUID, list[str]] = {}
        for recognition in reg.recognitions:
            documents.setdefault(recognition["product_id"], []).append(recognition["document_no"])
        self.report("index", 0, 3)
        self.index(
            indexing.ENTERPRISE,
            [
                (
                    e["id"],
                    [
                        e["name"],
                        e["former_names"],
                        e["credit_code"],
                        e["industry"],
                        e["address"],
                        *product_names.get(e["id"], []),
                    ],
                )
                for e in reg.enterprises
            ],
        )
        self.index(
            indexing.PRODUCT,
            [
                (
                    p["id"],
                    [
                        p["name"],
                        p["model_spec"],
                        p["application_field"],
                        names[p["enterprise_id"]],
                        *documents.get(p["id"], []),
                    ],
                )
                for p in reg.products
            ],
        )
        product_by_id = {p["id"]: p["name"] for p in reg.products}
        self.index(
            indexing.CASE,
            [
                (c["id"], [c["case_no"], product_by_id[c["product_id"]], names[c["enterprise_id"]]])
                for c in reg.cases
            ],
        )
        self.report("index", 3, 3)

    def _remember(self, visit_count: int) -> None:
        facts = {"demo_seed": str(self.seed), "demo_visits": str(visit_count)}
        self.c.execute(delete(AppMeta).where(AppMeta.key.in_(list(facts))))
        self.c.execute(insert(AppMeta), [{"key": k, "value": v} for k, v in facts.items()])
