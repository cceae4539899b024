"""The register part of the demo: officers, enterprises, contacts, products, recognitions, cases."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from firstbatch_desk.domain.credit_code import ALPHABET, make_credit_code
from firstbatch_desk.domain.enums import CaseStatus, Scheme, Tier
from firstbatch_desk.domain.recognition import default_valid_until
from firstbatch_desk.services.demo.common import (
    Picker,
    Stamper,
    local_time,
    mobile_number,
    person_name,
)
from firstbatch_desk.services.demo.plan import CaseInfo, EnterpriseInfo, Reference, Register
from firstbatch_desk.services.demo.words import ProductKind, Words

FIRST_YEAR, LAST_YEAR = 2019, 2026


@dataclass(frozen=True, slots=True)
class _Batch:
    scheme: Scheme
    year: int
    day: date
    document_no: str


class RegisterBuilder:
    def __init__(
        self,
        rng: random.Random,
        words: Words,
        reference: Reference,
        stamper: Stamper,
        *,
        today: date,
        window_start: date,
    ) -> None:
        self._rng = rng
        self._w = words
        self._ref = reference
        self._stamp = stamper
        self._today = today
        self._last_day = today - timedelta(days=1)
        self._window_start = window_start
        self._names: set[str] = set()
        self._codes: set[str] = set()
        self._batches = self._make_batches()
        self._rec = words.recognition
        tiers = self._rec["tiers"]
        self._tiers = {
            Scheme(s): Picker(
                [(Tier(t), tuple(v["texts"])) for t, v in tiers[s].items()],
                [v["weight"] for v in tiers[s].values()],
            )
            for s in tiers
        }

    # -- batches: one per scheme and year, shared by the products recognised together

    def _make_batches(self) -> dict[Scheme, list[_Batch]]:
        rng, rec = self._rng, self._w.recognition
        latest = self._today - timedelta(days=21)
        batches: dict[Scheme, list[_Batch]] = {}
        for scheme in Scheme:
            (m1, d1), (m2, d2) = rec["batch_months"][scheme.value]
            found = []
            for year in range(max(FIRST_YEAR, rec["first_year"][scheme.value]), LAST_YEAR + 1):
                start, end = date(year, m1, d1), date(year, m2, d2)
                day = start + timedelta(days=rng.randint(0, (end - start).days))
                pattern = rng.choice(rec["documents"][scheme.value])
                number = pattern.format(year=year, n=rng.randint(12, 260))
                if day <= latest:
                    found.append(_Batch(scheme, year, day, number))
            if found:
                batches[scheme] = found
        if not batches:
            raise ValueError(f"no recognition batch falls before {self._today}")
        return batches

    def _batch(self, scheme: Scheme) -> _Batch:
        found = self._batches[scheme]
        return self._rng.choices(found, weights=[b.year - FIRST_YEAR + 2 for b in found])[0]

    # -- people --------------------------------------------------------------

    def _person(self) -> str:
        return person_name(self._rng, self._w["surnames"], self._w["given_chars"])

    def build(self, n_enterprises: int, n_officers: int) -> Register:
        reg = Register()
        by_division = self._officers(reg, n_officers)
        divisions = self._ref.divisions
        weights = self._w["division_weights"]
        division_picker = Picker(divisions, [weights.get(code, 10) for code, _ in divisions])
        recognised = 0
        for index in range(n_enterprises):
            division = (
                divisions[index] if index < len(divisions) else division_picker.pick(self._rng)
            )
            recognised = self._enterprise(reg, division, by_division, recognised)
        self._number_cases(reg)
        return reg

    def _officers(self, reg: Register, count: int) -> dict[str, list[int]]:
        rng, w = self._rng, self._w
        joined = local_time(date(FIRST_YEAR, 1, 2), 9 * 60)
        by_division: dict[str, list[int]] = {}
        names: set[str] = set()
        for index in range(count):
            code = self._ref.divisions[index % len(self._ref.divisions)][0]
            name = self._person()
            while name in names:
                name = self._person()
            names.add(name)
            reg.officers.append(
                self._stamp.row(
                    joined + timedelta(minutes=index),
                    name=name,
                    title=rng.choice(w["officer_titles"]),
                    phone=f"0573-8{rng.randrange(10**7):07d}",
                    email="",
                    division_code=code,
                    active=True,
                )
            )
            by_division.setdefault(code, []).append(index)
        return by_division

    # -- enterprises and what hangs off them ---------------------------------

    def _enterprise_name(self, code: str, words: tuple[str, ...]) -> tuple[str, str]:
        rng, company = self._rng, self._w["company"]
        prefixes = company["division_prefixes"].get(code, company["default_prefixes"])
        while True:
            first, second = rng.choice(company["brand_first"]), rng.choice(company["brand_second"])
            if first == second:
                continue
            brand = first + second
            name = (
                rng.choice(prefixes) + brand + rng.choice(words) + rng.choice(company["suffixes"])
            )
            if name not in self._names:
                self._names.add(name)
                return name, brand

    def _credit_code(self, code: str) -> str:
        while True:
            organisation = "".join(self._rng.choices(ALPHABET, k=9))
            value = make_credit_code(f"91{code}{organisation}").value
            if value not in self._codes:
                self._codes.add(value)
                return value

    def _enterprise(
        self,
        reg: Register,
        division: tuple[str, str],
        by_division: dict[str, list[int]],
        recognised: int,
    ) -> int:
        rng, w = self._rng, self._w
        code, division_name = division
        group = rng.choice(w.groups)
        name, brand = self._enterprise_name(code, group.company_words)
        kinds = self._product_kinds(group.products)
        plans = []
        for kind in kinds:
            schemes: list[Scheme] = []
            if rng.random() < 0.88:
                schemes = self._schemes(recognised)
                recognised += 1
            plans.append((kind, [self._batch(s) for s in schemes]))
        days = [b.day for _, batches in plans for b in batches]
        first_day = min(days) - timedelta(days=rng.randint(5, 60)) if days else None
        if first_day is None:
            first_day = self._today - timedelta(days=rng.randint(30, 900))
        created = local_time(first_day, rng.randint(9 * 60, 17 * 60))
        colleagues = by_division.get(code) or list(range(len(reg.officers)))
        info = EnterpriseInfo(
            id=self._stamp.new_id(created),
            name=name,
            short=brand + "公司",
            division_name=division_name,
            officer=rng.choice(colleagues),
            colleagues=colleagues,
            contacts=[],
        )
        zones = [zid for zid, zcode in self._ref.zones if zcode == code]
        former = ""
        if rng.random() < 0.12:
            former = f"嘉兴市{brand}{rng.choice(w['company']['former_words'])}有限公司"
        row = {
            "id": info.id,
            "name": name,
            "former_names": former,
            "credit_code": self._credit_code(code),
            "division_code": code,
            "zone_id": rng.choice(zones) if zones and rng.random() < 0.45 else None,
            "address": (
                f"浙江省嘉兴市{division_name}{rng.choice(w['towns'].get(code, ['']))}"
                f"{rng.choice(w['roads'])}{rng.randint(1, 1999)}号"
            ),
            "legal_representative": self._person(),
            "industry": group.industry,
            "above_scale": rng.random() < 0.72,
            "specialised": rng.random() < 0.38,
            "high_tech": rng.random() < 0.62,
            "notes": "",
        }
        self._stamp.stamp(row, created)
        reg.enterprises.append(row)
        reg.enterprise_info.append(info)
        self._contacts(reg, info, created)
        for kind, batches in plans:
            self._product(reg, len(reg.enterprise_info) - 1, kind, batches, created)
        return recognised

    def _product_kinds(self, own: tuple[ProductKind, ...]) -> list[ProductKind]:
        rng = self._rng
        count = rng.choices((1, 2, 3, 4), weights=(55, 30, 12, 3))[0]
        kinds = rng.sample(own, min(count, len(own)))
        for index in range(len(kinds)):
            if index and rng.random() < 0.15:
                kinds[index] = rng.choice(rng.choice(self._w.groups).products)
        return kinds

    def _schemes(self, recognised: int) -> list[Scheme]:
        rng = self._rng
        available = [s for s in Scheme if s in self._batches]
        weights = self._rec["scheme_weights"]
        count = rng.choices((1, 2, 3), weights=(65, 28, 7))[0]
        chosen: list[Scheme] = []
        if recognised < len(available):  # the first products cover every scheme
            chosen.append(available[recognised])
        while len(chosen) < min(count, len(available)):
            scheme = rng.choices(available, weights=[weights[s.value] for s in available])[0]
            if scheme not in chosen:
                chosen.append(scheme)
        return chosen

    def _contacts(self, reg: Register, info: EnterpriseInfo, created: datetime) -> None:
        rng, w = self._rng, self._w
        letters = w["company"]["domain_letters"]
        domain = "".join(rng.choices(letters, k=rng.randint(4, 7))) + rng.choice(
            (".com", ".com.cn", ".cn")
        )
        titles = rng.sample(w["contact_titles"], rng.choice((2, 2, 3, 3, 4)))
        for order, title in enumerate(titles):
            name = self._person()
            info.contacts.append((name, title))
            reg.contacts.append(
                self._stamp.row(
                    created + timedelta(minutes=order + 1),
                    enterprise_id=info.id,
                    name=name,
                    title=title,
                    phone=mobile_number(rng, w["mobile_prefixes"]),
                    email=f"{rng.choice(w['contact_mailboxes'])}@{domain}",
                    is_primary=order == 0,
                )
            )

    def _product(
        self,
        reg: Register,
        enterprise: int,
        kind: ProductKind,
        batches: list[_Batch],
        created: datetime,
    ) -> None:
        rng, w = self._rng, self._w
        info = reg.enterprise_info[enterprise]
        first = min((b.day for b in batches), default=self._today - timedelta(days=200))
        test = first - timedelta(days=rng.randint(90, 400))
        novelty = first - timedelta(days=rng.randint(60, 300))
        test_agency = rng.choice(w["test_agencies"])
        novelty_agency = rng.choice(w["novelty_agencies"])
        patents = "；".join(
            f"ZL{first.year - rng.randint(1, 5)}1{rng.randrange(10**7):07d}."
            + rng.choice("0123456789X")
            for _ in range(rng.randint(1, 3))
        )
        trl = rng.choices((6, 7, 8, 9), weights=[w["trl_weights"][str(t)] for t in (6, 7, 8, 9)])
        product = self._stamp.row(
            created + timedelta(minutes=10 + len(reg.products) % 50),
            enterprise_id=info.id,
            name=kind.name,
            model_spec=rng.choice(kind.models),
            key_indicators="；".join(kind.indicators),
            application_field=kind.field,
            trl=trl[0],
            ip_numbers=patents,
            test_report_no=test_agency["number"].format(year=test.year, n=rng.randint(1, 9999)),
            test_report_agency=test_agency["name"],
            test_report_date=test,
            novelty_report_no=novelty_agency["number"].format(
                year=novelty.year, n=rng.randint(1, 9999)
            ),
            novelty_report_agency=novelty_agency["name"],
            novelty_report_date=novelty,
        )
        reg.products.append(product)
        if not batches:
            return
        latest: dict[str, Any] | None = None
        for batch in sorted(batches, key=lambda b: b.day):
            latest = self._recognition(reg, product["id"], batch)
        assert latest is not None
        self._case(reg, enterprise, product, kind, latest, first)

    def _recognition(self, reg: Register, product_id: uuid.UUID, batch: _Batch) -> dict[str, Any]:
        rng, rec, scheme = self._rng, self._rec, batch.scheme
        tier, texts = self._tiers[scheme].pick(rng)
        amount: Decimal | None = None
        fixed = rec["rewards"].get(scheme.value, {}).get(tier.value)
        if fixed:
            amount = Decimal(fixed)
        elif rng.random() < rec["subsidy_share"].get(scheme.value, 0):
            low, high = rec["subsidy_range"][scheme.value]
            amount = Decimal(rng.randint(low, high)) / 100
        old = batch.day < self._today - timedelta(days=180)
        entered = min(batch.day + timedelta(days=rng.randint(1, 20)), self._last_day)
        row = self._stamp.row(
            local_time(entered, rng.randint(9 * 60, 17 * 60)),
            product_id=product_id,
            scheme=scheme,
            tier=tier,
            tier_text=rng.choice(texts),
            year=batch.year,
            document_no=batch.document_no,
            recognised_on=batch.day,
            valid_until=default_valid_until(batch.day),
            reward_amount=amount,
            reward_paid=amount is not None and rng.random() < (0.85 if old else 0.2),
        )
        reg.recognitions.append(row)
        return row

    def _case(
        self,
        reg: Register,
        enterprise: int,
        product: dict[str, Any],
        kind: ProductKind,
        recognition: dict[str, Any],
        first: date,
    ) -> None:
        rng = self._rng
        info = reg.enterprise_info[enterprise]
        opened = min(first + timedelta(days=rng.randint(3, 30)), self._last_day)
        status, closed = CaseStatus.ACTIVE, None
        expired = recognition["valid_until"] < self._today
        if expired and rng.random() < 0.25:
            status = CaseStatus.CLOSED
            closed = recognition["valid_until"] + timedelta(days=rng.randint(1, 40))
        elif rng.random() < 0.03 and (self._last_day - opened).days > 200:
            status = CaseStatus.CLOSED
            closed = opened + timedelta(days=rng.randint(200, (self._last_day - opened).days))
        elif rng.random() < 0.07:
            status = CaseStatus.PAUSED
        if closed is not None:
            closed = max(opened, min(closed, self._last_day))
        visit_from = max(opened, self._window_start)
        visit_to = closed or self._last_day
        span = (visit_to - visit_from).days + 1
        weight = 0.0 if span <= 0 else span * (0.3 if status is CaseStatus.PAUSED else 1.0)
        created = local_time(opened, rng.randint(9 * 60, 17 * 60))
        row = self._stamp.row(
            created,
            case_no="",
            product_id=product["id"],
            recognition_id=recognition["id"],
            enterprise_id=info.id,
            officer_id=reg.officers[info.officer]["id"],
            status=status,
            opened_on=opened,
            closed_on=closed,
            last_visit_on=None,
            next_due_on=None,
            notes=rng.choice(self._w["case_notes"]),
        )
        info.cases.append(len(reg.case_info))
        reg.cases.append(row)
        reg.case_info.append(
            CaseInfo(
                id=row["id"],
                enterprise=enterprise,
                product_name=product["name"],
                kind=kind,
                officer=info.officer,
                status=status,
                opened_on=opened,
                closed_on=closed,
                recognised_on=recognition["recognised_on"],
                visit_from=visit_from,
                visit_to=visit_to,
                weight=weight,
            )
        )

    @staticmethod
    def _number_cases(reg: Register) -> None:
        """GZ-YEAR-SEQ in the order the cases were opened."""
        sequence: dict[int, int] = {}
        order = sorted(range(len(reg.cases)), key=lambda i: reg.cases[i]["opened_on"])
        for index in order:
            row = reg.cases[index]
            year = row["opened_on"].year
            sequence[year] = sequence.get(year, 0) + 1
            row["case_no"] = f"GZ-{year}-{sequence[year]:04d}"
