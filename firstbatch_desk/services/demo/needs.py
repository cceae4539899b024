"""Needs of the demo, each walked through the real state machine from 待受理."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from firstbatch_desk.domain.enums import (
    Complexity,
    NeedChannel,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from firstbatch_desk.domain.need_flow import TRANSITIONS, NeedAction, apply_transition
from firstbatch_desk.domain.workdays import WorkCalendar
from firstbatch_desk.services.demo.common import Picker, Stamper, local_time
from firstbatch_desk.services.demo.plan import Reference, Register
from firstbatch_desk.services.demo.visits import CategoryPicker, NeedSeed
from firstbatch_desk.services.demo.words import Words

S, A = NeedStatus, NeedAction

# Where a need has got to, by its age in days: young needs are open, old ones done.
TARGETS_BY_AGE: tuple[tuple[int, dict[NeedStatus, float]], ...] = (
    (2, {S.PENDING: 35, S.ACCEPTED: 30, S.ASSIGNED: 20, S.RETURNED: 5, S.IN_PROGRESS: 10}),
    (
        14,
        {
            S.PENDING: 2,
            S.ACCEPTED: 5,
            S.ASSIGNED: 15,
            S.IN_PROGRESS: 35,
            S.EXTENSION_REQUESTED: 8,
            S.ANSWERED: 20,
            S.CLOSED: 10,
            S.RETURNED: 4,
            S.UNRESOLVABLE: 1,
        },
    ),
    (
        60,
        {
            S.ASSIGNED: 3,
            S.IN_PROGRESS: 12,
            S.EXTENSION_REQUESTED: 4,
            S.ANSWERED: 15,
            S.CLOSED: 35,
            S.REVISITED: 25,
            S.RETURNED: 2,
            S.UNRESOLVABLE: 4,
        },
    ),
    (
        10**6,
        {
            S.PENDING: 0.5,
            S.ACCEPTED: 0.5,
            S.IN_PROGRESS: 2,
            S.EXTENSION_REQUESTED: 1,
            S.ANSWERED: 3,
            S.CLOSED: 25,
            S.REVISITED: 61,
            S.RETURNED: 1,
            S.UNRESOLVABLE: 6,
        },
    ),
)

# Days each action takes after the one before (low, high).
GAP_DAYS: dict[NeedAction, tuple[int, int]] = {
    A.ACCEPT: (0, 1),
    A.ASSIGN: (0, 1),
    A.START: (0, 2),
    A.REQUEST_EXTENSION: (3, 6),
    A.APPROVE_EXTENSION: (0, 1),
    A.REJECT_EXTENSION: (0, 1),
    A.ANSWER: (2, 12),
    A.REOPEN: (1, 5),
    A.CLOSE: (1, 5),
    A.REVISIT: (3, 20),
    A.RETURN: (0, 2),
    A.REASSIGN: (1, 3),
    A.MARK_UNRESOLVABLE: (2, 10),
}


def plan_actions(rng: random.Random, target: NeedStatus) -> list[NeedAction]:
    """Actions that lead from 待受理 to ``target``, with the usual detours now and then."""
    if target is S.PENDING:
        return []
    if target is S.RETURNED:
        return [A.RETURN] if rng.random() < 0.5 else [A.ACCEPT, A.ASSIGN, A.RETURN]
    if target is S.UNRESOLVABLE:
        return rng.choice(
            (
                [A.ACCEPT, A.MARK_UNRESOLVABLE],
                [A.RETURN, A.MARK_UNRESOLVABLE],
                [A.ACCEPT, A.ASSIGN, A.START, A.MARK_UNRESOLVABLE],
                [A.ACCEPT, A.ASSIGN, A.START, A.ANSWER, A.MARK_UNRESOLVABLE],
            )
        )
    actions = [A.ACCEPT]
    if target is S.ACCEPTED:
        return actions
    actions.append(A.ASSIGN)
    if rng.random() < 0.06:
        actions += [A.RETURN, A.REASSIGN]
    if target is S.ASSIGNED:
        return actions
    actions.append(A.START)
    if target is S.EXTENSION_REQUESTED:
        return [*actions, A.REQUEST_EXTENSION]
    if rng.random() < 0.12:
        verdict = A.APPROVE_EXTENSION if rng.random() < 0.8 else A.REJECT_EXTENSION
        actions += [A.REQUEST_EXTENSION, verdict]
    if target is S.IN_PROGRESS:
        return actions
    actions.append(A.ANSWER)
    if rng.random() < 0.05:
        actions += [A.REOPEN, A.ANSWER]
    if target is S.ANSWERED:
        return actions
    actions.append(A.CLOSE)
    return actions if target is S.CLOSED else [*actions, A.REVISIT]


@dataclass(slots=True)
class NeedRows:
    needs: list[dict[str, Any]] = field(default_factory=list)
    supports: list[dict[str, Any]] = field(default_factory=list)
    transitions: list[dict[str, Any]] = field(default_factory=list)
    docs: list[tuple[uuid.UUID, list[str | None]]] = field(default_factory=list)
    open_due: dict[int, date] = field(default_factory=dict)  # case index → earliest due


class NeedBuilder:
    def __init__(
        self,
        rng: random.Random,
        words: Words,
        reg: Register,
        reference: Reference,
        stamper: Stamper,
        *,
        today: date,
        calendar: WorkCalendar | None = None,
    ) -> None:
        self._rng = rng
        self._w = words
        self._needs = words.needs
        self._reg = reg
        self._stamp = stamper
        self._today = today
        self._last_day = today - timedelta(days=1)
        self._calendar = calendar or WorkCalendar()
        departments = reference.departments
        self._departments = [d[0] for d in departments]
        self._dept_short = {d[0]: d[2] or d[1] for d in departments}
        by_name = {key: d[0] for d in departments for key in (d[1], d[2]) if key}
        self._leads = {
            code: [by_name[n] for n in names if n in by_name] or self._departments
            for code, names in self._needs["lead_departments"].items()
        }
        need_words = self._needs

        def picker(key: str, enum: Any) -> Picker:
            weights = need_words[key]
            return Picker([enum(k) for k in weights], list(weights.values()))

        self._urgency = picker("urgency_weights", Urgency)
        self._complexity = picker("complexity_weights", Complexity)
        self._channel = picker("channel_weights", NeedChannel)
        self._satisfaction = picker("satisfaction_weights", Satisfaction)
        self._targets = [
            (limit, Picker(list(weights), list(weights.values())))
            for limit, weights in TARGETS_BY_AGE
        ]

    def other_channel_seeds(self, count: int, categories: CategoryPicker) -> list[NeedSeed]:
        """Needs that came by phone, the service platform or letter, not in a visit."""
        rng, cases = self._rng, self._reg.case_info
        eligible = [i for i, c in enumerate(cases) if c.weight > 0]
        chosen = Picker(eligible, [cases[i].weight for i in eligible]).many(rng, count)
        seeds = []
        for index in chosen:
            case = cases[index]
            day = case.visit_from + timedelta(
                days=rng.randint(0, (case.visit_to - case.visit_from).days)
            )
            category = categories.pick(rng)
            items = self._needs["categories"][category.value]
            item = rng.randrange(len(items))
            seeds.append(
                NeedSeed(
                    raised_at=local_time(day, rng.randint(540, 960)),
                    raised_on=day,
                    enterprise=case.enterprise,
                    case=index,
                    visit_id=None,
                    channel=self._channel.pick(rng),
                    category=category,
                    item=item,
                    title=items[item]["title"],
                )
            )
        return seeds

    def _targets_for(self, seeds: list[NeedSeed]) -> list[NeedStatus]:
        """A target state per need by its age; then every state is made to occur once."""
        rng = self._rng
        targets = []
        for seed in seeds:
            age = (self._today - seed.raised_on).days
            picker = next(p for limit, p in self._targets if age <= limit)
            targets.append(picker.pick(rng))
        present = Counter(targets)
        newest_first = sorted(range(len(seeds)), key=lambda i: seeds[i].raised_at, reverse=True)
        forced: set[int] = set()
        for status in NeedStatus:
            if present[status]:
                continue
            order = newest_first if status.is_open else newest_first[::-1]
            for i in order:
                if i not in forced and present[targets[i]] > 1:
                    present[targets[i]] -= 1
                    targets[i] = status
                    present[status] += 1
                    forced.add(i)
                    break
        return targets

    def build(self, seeds: list[NeedSeed]) -> NeedRows:
        seeds = sorted(seeds, key=lambda s: s.raised_at)
        rows = NeedRows()
        sequence: dict[int, int] = {}
        for seed, target in zip(seeds, self._targets_for(seeds), strict=True):
            year = seed.raised_on.year
            sequence[year] = sequence.get(year, 0) + 1
            self._need(rows, seed, target, f"XQ-{year}-{sequence[year]:04d}")
        return rows

    def _fill(self, case_index: int, dept: str = "") -> dict[str, Any]:
        rng, w = self._rng, self._w
        case = self._reg.case_info[case_index]
        return {
            "product": case.product_name,
            "field": case.kind.field,
            "user": rng.choice(w["users"]),
            "policy": rng.choice(w["policies"]),
            "invest": f"{rng.randint(5, 60) / 10:.1f}",
            "mu": rng.randint(20, 150),
            "staff_gap": rng.randint(20, 200),
            "n": rng.randint(2, 8),
            "bank": rng.choice(w["banks"]),
            "university": rng.choice(w["universities"]),
            "dept": dept,
        }

    def _need(self, rows: NeedRows, seed: NeedSeed, target: NeedStatus, number: str) -> None:
        rng, reg = self._rng, self._reg
        case = reg.case_info[seed.case]
        ent = reg.enterprise_info[seed.enterprise]
        officer_name = reg.officers[case.officer]["name"]
        officer_id = reg.officers[case.officer]["id"]
        texts = self._needs["categories"][seed.category.value][seed.item]
        notes = self._needs["transition_notes"]
        fill = self._fill(seed.case)
        need_id = self._stamp.new_id(seed.raised_at)
        complexity = self._complexity.pick(rng)
        need: dict[str, Any] = {
            "id": need_id,
            "need_no": number,
            "enterprise_id": ent.id,
            "case_id": case.id,
            "visit_id": seed.visit_id,
            "category": seed.category,
            "channel": seed.channel,
            "title": seed.title,
            "description": rng.choice(texts["descriptions"]).format_map(fill),
            "urgency": self._urgency.pick(rng),
            "complexity": complexity,
            "status": S.PENDING,
            "lead_department_id": None,
            "raised_on": seed.raised_on,
            "accepted_on": None,
            "assigned_on": None,
            # to be accepted within a working day (NeedService does the same)
            "due_on": self._calendar.add_working_days(seed.raised_on, 1),
            "extended_to": None,
            "answered_on": None,
            "closed_on": None,
            "outcome": "",
            "satisfaction": None,
            "return_visit_result": "",
        }
        actions = plan_actions(rng, target)
        offsets, total = [], 0
        for action in actions:
            low, high = GAP_DAYS[action]
            total += rng.randint(low, high)
            offsets.append(total)
        available = (self._last_day - seed.raised_on).days
        if total > available:
            offsets = [off * available // total for off in offsets]
        status, at, day = S.PENDING, seed.raised_at, seed.raised_on
        for action, offset in zip(actions, offsets, strict=True):
            step_day = seed.raised_on + timedelta(days=offset)
            if step_day.weekday() >= 5:
                monday = step_day + timedelta(days=7 - step_day.weekday())
                if monday <= self._last_day:
                    step_day = monday
            if step_day <= day:
                at += timedelta(minutes=rng.randint(3, 20))
            else:
                day, at = step_day, local_time(step_day, rng.randint(540, 1050))
            fill["dept"] = self._effects(rows, need, action, day, at)
            note = rng.choice(notes[action.value]).format_map(fill)
            if action is A.MARK_UNRESOLVABLE:
                need["outcome"] = note
            assert action in TRANSITIONS[status]
            record = apply_transition(status, action, by=officer_name, at=at, note=note)
            status = record.to_status
            rows.transitions.append(
                self._stamp.row(
                    at,
                    need_id=need_id,
                    action=record.action,
                    from_status=record.from_status,
                    to_status=record.to_status,
                    at=record.at,
                    by_name=record.by,
                    by_officer_id=officer_id,
                    note=record.note,
                    done_on=day,
                )
            )
            if action is A.ANSWER:
                need["outcome"] = rng.choice(texts["outcomes"]).format_map(fill)
            elif action is A.REVISIT:
                satisfaction = self._satisfaction.pick(rng)
                need["satisfaction"] = satisfaction
                need["return_visit_result"] = rng.choice(
                    self._needs["return_visit"][satisfaction.value]
                )
        if status is not target:
            raise AssertionError(f"{number}: walked to {status}, wanted {target}")
        need["status"] = status
        self._stamp.stamp(need, seed.raised_at, at)
        rows.needs.append(need)
        rows.docs.append((need_id, [number, seed.title, need["description"], ent.name]))
        due = need["extended_to"] or need["due_on"]
        if status.is_open and due is not None:
            current = rows.open_due.get(seed.case)
            rows.open_due[seed.case] = due if current is None else min(current, due)

    def _effects(
        self, rows: NeedRows, need: dict[str, Any], action: NeedAction, day: date, at: datetime
    ) -> str:
        """Set the dates an action sets (as NeedService does); return the lead's short name."""
        rng, calendar = self._rng, self._calendar
        if action is A.ACCEPT:
            need["accepted_on"] = day
            days = 1 if need["complexity"] is Complexity.SIMPLE else 3
            need["due_on"] = calendar.add_working_days(day, days)
        elif action in (A.ASSIGN, A.REASSIGN):
            current = need["lead_department_id"]
            leads = [d for d in self._leads[need["category"].value] if d != current]
            lead = rng.choice(leads or [d for d in self._departments if d != current])
            need["lead_department_id"] = lead
            need["assigned_on"] = day
            need["due_on"] = calendar.add_working_days(day, 7)
            need["extended_to"] = None
            if action is A.ASSIGN and rng.random() < 0.35:
                others = [d for d in self._departments if d != lead]
                for department in rng.sample(others, min(len(others), rng.randint(1, 2))):
                    rows.supports.append(
                        self._stamp.row(at, need_id=need["id"], department_id=department)
                    )
        elif action is A.APPROVE_EXTENSION:
            current = need["extended_to"] or need["due_on"]
            need["extended_to"] = current + timedelta(days=rng.randint(5, 15))
        elif action is A.ANSWER:
            need["answered_on"] = day
        elif action is A.REOPEN:
            need["answered_on"] = None
        elif action in (A.CLOSE, A.MARK_UNRESOLVABLE):
            need["closed_on"] = day
        lead = need["lead_department_id"]
        return self._dept_short.get(lead, "") if lead is not None else ""
