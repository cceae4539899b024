"""Visits of the demo: when, who, and notes composed from phrase lists so they vary."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple, cast

from firstbatch_desk.db.models import VisitNote
from firstbatch_desk.domain.enums import NeedCategory, NeedChannel, VisitMethod
from firstbatch_desk.domain.followup import add_months
from firstbatch_desk.services.demo.common import Picker, Stamper, chinese_date, local_time
from firstbatch_desk.services.demo.plan import Register
from firstbatch_desk.services.demo.words import Words
from firstbatch_desk.services.indexing import visit_parts
from firstbatch_desk.services.visit_reading import headline_of

SUMMARY_MIN, SUMMARY_MAX = 150, 400


class NoteText(NamedTuple):
    """The six texts of a visit note, under VisitNote's attribute names."""

    production_status: str
    sales_status: str
    application_progress: str
    new_users: str
    policies_explained: str
    summary: str


@dataclass(slots=True)
class NeedSeed:
    """A need raised in a visit or through another channel, before its workflow is made."""

    raised_at: datetime
    raised_on: date
    enterprise: int
    case: int
    visit_id: uuid.UUID | None
    channel: NeedChannel
    category: NeedCategory
    item: int  # which of the category's words (title, descriptions, outcomes)
    title: str


@dataclass(slots=True)
class VisitRows:
    visits: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    attendees: list[dict[str, Any]] = field(default_factory=list)
    docs: list[tuple[uuid.UUID, list[str | None]]] = field(default_factory=list)


def plan_visits(rng: random.Random, reg: Register, count: int) -> list[tuple[date, int]]:
    """(date, case) of every visit, oldest first; busier cases are those open longer."""
    cases = reg.case_info
    eligible = [i for i, c in enumerate(cases) if c.weight > 0]
    if not eligible:
        raise ValueError("no case is open during the visit window")
    chosen = Picker(eligible, [cases[i].weight for i in eligible]).many(rng, count)
    plan = []
    for index in chosen:
        case = cases[index]
        span = (case.visit_to - case.visit_from).days
        plan.append((case.visit_from + timedelta(days=rng.randint(0, span)), index))
    plan.sort(key=lambda item: item[0])
    return plan


class CategoryPicker:
    """Every category first (so all are used), then by weight."""

    def __init__(self, categories: Sequence[NeedCategory], weights: dict[str, float]) -> None:
        self._pending = list(categories)
        self._picker = Picker(list(categories), [weights.get(c.value, 1) for c in categories])

    def pick(self, rng: random.Random) -> NeedCategory:
        if self._pending:
            return self._pending.pop(0)
        return cast(NeedCategory, self._picker.pick(rng))


class VisitBuilder:
    def __init__(
        self,
        rng: random.Random,
        words: Words,
        reg: Register,
        stamper: Stamper,
        categories: CategoryPicker,
        *,
        latest: datetime,
    ) -> None:
        self._rng = rng
        self._reg = reg
        self._stamp = stamper
        self._categories = categories
        self._latest = latest
        notes = words.notes
        self._n = notes
        self._open = {VisitMethod(k): v for k, v in notes["summary_open"].items()}
        weights = words["visit"]["method_weights"]
        self._methods = Picker([VisitMethod(k) for k in weights], list(weights.values()))
        self._signed = {VisitMethod(k): v for k, v in words["visit"]["signed_share"].items()}
        self._need_items = words.needs["categories"]
        self._users = words["users"]
        self._policies = words["policies"]
        self._certificates = words["certificates"]
        self._universities = words["universities"]
        self._officer_names = [o["name"] for o in reg.officers]
        self._officer_ids = [o["id"] for o in reg.officers]
        self.last_visit: dict[int, date] = {}
        self.need_seeds: list[NeedSeed] = []

    def build(
        self, plan: Sequence[tuple[date, int]], start: int, raises_need: set[int]
    ) -> VisitRows:
        rows = VisitRows()
        methods = self._methods.many(self._rng, len(plan))
        for offset, (day, case_index) in enumerate(plan):
            need = (start + offset) in raises_need
            self._visit(rows, day, case_index, methods[offset], need)
        return rows

    def _visit(
        self, rows: VisitRows, day: date, case_index: int, method: VisitMethod, need: bool
    ) -> None:
        rng, reg, n = self._rng, self._reg, self._n
        case = reg.case_info[case_index]
        ent = reg.enterprise_info[case.enterprise]
        kind = case.kind
        at = local_time(day, rng.randint(510, 960))
        created = min(at + timedelta(minutes=rng.randint(30, 2880)), self._latest)
        visit_id = self._stamp.new_id(created)

        case_ids = [case_index]
        if len(ent.cases) > 1 and rng.random() < 0.3:
            cases = reg.case_info
            others = [
                j
                for j in ent.cases
                if j != case_index and cases[j].visit_from <= day <= cases[j].visit_to
            ]
            if others:
                case_ids.append(rng.choice(others))
        for j in case_ids:
            if self.last_visit.get(j, day) <= day:
                self.last_visit[j] = day
        officers = [case.officer]
        pool = ent.colleagues if len(ent.colleagues) >= 3 else range(len(self._officer_ids))
        for _ in range(rng.choices((0, 1, 2), weights=(30, 55, 15))[0]):
            extra = rng.choice(pool)
            if extra not in officers:
                officers.append(extra)
        contact, contact_title = rng.choice(ent.contacts)
        attendees = rng.sample(ent.contacts, rng.randint(1, min(3, len(ent.contacts))))

        q = rng.randint(kind.qty_low, kind.qty_high)
        n_users = rng.choices((0, 1, 2, 3), weights=(62, 25, 9, 4))[0]
        contract: Decimal | None = None
        cq = 0
        if n_users:
            contract = Decimal(rng.randint(500, 300_000)) / 100
            cq = rng.randint(max(1, kind.qty_low // 10), max(2, kind.qty_high // 2))
        user, user2 = rng.sample(self._users, 2)
        policy, policy2 = rng.sample(self._policies, 2)
        staff = rng.randint(80, 1500)
        need_title, category, item = "", None, 0
        if need:
            category = self._categories.pick(rng)
            items = self._need_items[category.value]
            item = rng.randrange(len(items))
            need_title = items[item]["title"]
        v = {
            "product": case.product_name,
            "field": kind.field,
            "unit": kind.unit,
            "enterprise": ent.name,
            "short": ent.short,
            "division": ent.division_name,
            "officers": "、".join(self._officer_names[o] for o in officers),
            "contact": contact,
            "contact_title": contact_title,
            "date": chinese_date(day),
            "month": day.month,
            "next_month": day.month % 12 + 1,
            "next_year": day.year + 1,
            "q": q,
            "q_ytd": q * day.month,
            "capacity": q * rng.randint(13, 20),
            "cap": rng.randint(62, 98),
            "lines": rng.randint(1, 6),
            "yield_rate": f"{rng.randint(950, 998) / 10:.1f}",
            "pct": rng.randint(5, 45),
            "pct2": rng.randint(3, 20),
            "share": rng.randint(15, 80),
            "amount": rng.randint(200, 30_000),
            "user": user,
            "user2": user2,
            "policy": policy,
            "policy2": policy2,
            "n_users": n_users,
            "contract": contract,
            "cq": cq,
            "rd": rng.randint(3, 12),
            "patents": rng.randint(3, 60),
            "certificate": rng.choice(self._certificates),
            "invest": f"{rng.randint(5, 60) / 10:.1f}",
            "university": rng.choice(self._universities),
            "staff": staff,
            "rd_staff": staff * rng.randint(8, 25) // 100,
            "need_title": need_title,
        }
        choice = rng.choice
        if n_users == 0:
            new_users = choice(n["new_users_none"])
        else:
            new_users = choice(n["new_users_one" if n_users == 1 else "new_users_many"])
        summary = self._summary(v, method, need)
        note = NoteText(
            production_status=choice(n["production"]).format_map(v) + choice(n["production_extra"]),
            sales_status=choice(n["sales"]).format_map(v),
            application_progress=choice(n["application"]).format_map(v),
            new_users=new_users.format_map(v),
            policies_explained=choice(n["policies"]).format_map(v),
            summary=summary,
        )
        next_visit = None
        if rng.random() < 0.7:
            first_year = day < add_months(case.recognised_on, 12)
            next_visit = add_months(day, 3 if first_year else 6)
        visit = {
            "id": visit_id,
            "enterprise_id": ent.id,
            "enterprise_name": ent.name,
            "visit_date": day,
            "method": method,
            "headline": headline_of(summary),
            "recorded_by_id": self._officer_ids[officers[0]],
            "new_users_count": n_users,
            "contract_value": contract,
            "quantity": str(cq) if contract is not None else "",
            "quantity_unit": kind.unit if contract is not None else "",
            "next_visit_on": next_visit,
            "signed": rng.random() < self._signed[method],
        }
        self._stamp.stamp(visit, created)
        rows.visits.append(visit)
        rows.notes.append(self._stamp.row(created, visit_id=visit_id, **note._asdict()))
        for j in case_ids:
            rows.cases.append(
                self._stamp.row(created, visit_id=visit_id, case_id=reg.case_info[j].id)
            )
        for o in officers:
            rows.officers.append(
                self._stamp.row(created, visit_id=visit_id, officer_id=self._officer_ids[o])
            )
        for order, (name, title) in enumerate(attendees):
            rows.attendees.append(
                self._stamp.row(
                    created, visit_id=visit_id, name=name, title=title, sort_order=order
                )
            )
        rows.docs.append((visit_id, visit_parts(ent.name, cast(VisitNote, note))))
        if category is not None:
            self.need_seeds.append(
                NeedSeed(
                    raised_at=at + timedelta(minutes=rng.randint(30, 120)),
                    raised_on=day,
                    enterprise=case.enterprise,
                    case=case_index,
                    visit_id=visit_id,
                    channel=NeedChannel.VISIT,
                    category=category,
                    item=item,
                    title=need_title,
                )
            )

    def _summary(self, v: dict[str, Any], method: VisitMethod, need: bool) -> str:
        rng, n = self._rng, self._n
        head = rng.choice(self._open[method]).format_map(v)
        if need:
            middle = rng.choice(n["summary_need"]).format_map(v)
        else:
            middle = rng.choice(n["summary_no_need"])
        tail = rng.choice(n["summary_close"]).format_map(v)
        picks = rng.sample(n["summary_body"], 5)
        body = [t.format_map(v) for t in picks[: rng.randint(3, 4)]]
        length = len(head) + len(middle) + len(tail) + 2 + sum(map(len, body))
        for extra in picks[len(body) :]:
            if length >= SUMMARY_MIN:
                break
            text = extra.format_map(v)
            body.append(text)
            length += len(text)
        while length > SUMMARY_MAX and len(body) > 1:
            length -= len(body.pop())
        return f"{head}\n{''.join(body)}{middle}\n{tail}"
