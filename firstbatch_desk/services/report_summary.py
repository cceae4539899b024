"""The numbers of a periodic summary (定期汇总), read inside one session.

Definitions (the scope is every live enterprise, or those of one division):

- **visits**: live visits with ``date_from <= visit_date <= date_to``; counted by
  the division of the visited enterprise and per officer (through the live
  visit–officer links; an officer's ``enterprises`` are the distinct
  enterprises of those visits).
- **recognitions by scheme and tier**: live recognitions (of live products and
  enterprises) recognised in the period: ``recognised_on`` within
  ``[date_from, date_to]``, or, when ``recognised_on`` is empty, a ``year``
  between ``date_from.year`` and ``date_to.year``.
- **needs opened**: ``raised_on`` in the period (also counted by category);
  **closed**: ``closed_on`` in the period (办结 or 无法解决, which both set it);
  **overdue**: still waiting for its answer at ``date_to`` (raised by
  then, neither answered nor closed by then) with an effective deadline
  ``coalesce(extended_to, due_on)`` before ``date_to``; **closure rate** =
  closed / opened as a percentage with two decimals (``Decimal("72.73")``,
  as the summary builder expects), 0 when nothing was opened; it can exceed
  100 (needs raised earlier may close in the period).
- **idle enterprises**: enterprises with a case under follow-up at ``date_to``
  (live, opened by then, not closed by then) whose last live visit on or
  before ``date_to`` is more than ``idle_days`` days before it, or that were
  never visited.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Division,
    Enterprise,
    Need,
    Officer,
    Product,
    Recognition,
    Visit,
    VisitOfficer,
)
from firstbatch_desk.domain.dtos.reports import (
    CountLine,
    IdleEnterpriseLine,
    OfficerLine,
    VisitRegisterLine,
)
from firstbatch_desk.domain.enums import NeedCategory, Scheme, Tier, VisitMethod

NO_DIVISION = "未填区县"
RATE_PLACES = Decimal("0.01")
CUSTOM_PERIOD = "自定义期间"


class SummaryQueries:
    """The summary's queries over one session, one period and one scope."""

    def __init__(
        self, session: Session, date_from: date, date_to: date, division_code: str | None
    ) -> None:
        self.session = session
        self.date_from = date_from
        self.date_to = date_to
        # Overdue needs and idle enterprises are judged as of the period's end, or as of
        # today when the period has not ended yet (本月, 本年 …).
        self.as_of = min(date_to, date.today())
        self.division_code = division_code
        self.division_names = dict(session.execute(select(Division.code, Division.name)).all())

    # -- scope --------------------------------------------------------------------

    def _scope(self) -> ColumnElement[bool]:
        condition = Enterprise.deleted_at.is_(None)
        if self.division_code is not None:
            condition = and_(condition, Enterprise.division_code == self.division_code)
        return condition

    def _visits(self) -> ColumnElement[bool]:
        return and_(
            Visit.deleted_at.is_(None),
            Visit.visit_date >= self.date_from,
            Visit.visit_date <= self.date_to,
            self._scope(),
        )

    def division_name(self, code: str | None) -> str:
        return self.division_names.get(code, code) if code else NO_DIVISION

    # -- visits -------------------------------------------------------------------

    def visit_totals(self) -> tuple[int, int]:
        """(visits, distinct enterprises visited) in the period."""
        row = self.session.execute(
            select(func.count(Visit.id), func.count(Visit.enterprise_id.distinct()))
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(self._visits())
        ).one()
        return int(row[0]), int(row[1])

    def by_division(self) -> list[CountLine]:
        counts = dict(
            self.session.execute(
                select(Enterprise.division_code, func.count(Visit.id))
                .join(Enterprise, Enterprise.id == Visit.enterprise_id)
                .where(self._visits())
                .group_by(Enterprise.division_code)
            ).all()
        )
        shown = select(Division.code, Division.name).where(Division.deleted_at.is_(None))
        if self.division_code is not None:
            shown = shown.where(Division.code == self.division_code)
        lines = [
            CountLine(name, int(counts.pop(code, 0)))
            for code, name in self.session.execute(
                shown.order_by(Division.sort_order, Division.code)
            )
        ]
        # Visits of enterprises without a division, or of a division since removed.
        for code, count in sorted(counts.items(), key=lambda item: item[0] or ""):
            lines.append(CountLine(self.division_name(code), int(count)))
        return lines

    def by_officer(self) -> list[OfficerLine]:
        rows = self.session.execute(
            select(
                Officer.id,
                Officer.name,
                func.count(Visit.id.distinct()),
                func.count(Visit.enterprise_id.distinct()),
            )
            .join(VisitOfficer, VisitOfficer.visit_id == Visit.id)
            .join(Officer, Officer.id == VisitOfficer.officer_id)
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(self._visits(), VisitOfficer.deleted_at.is_(None))
            .group_by(Officer.id, Officer.name)
        ).all()
        ordered = sorted(rows, key=lambda r: (-r[2], r[1], str(r[0])))
        return [OfficerLine(r[1], int(r[2]), int(r[3])) for r in ordered]

    def register(self) -> list[VisitRegisterLine]:
        """Every visit of the period in date order, with its officers.

        Visits are matched with their officers by the stored key as it is
        (``type_coerce``): turning tens of thousands of keys into UUID objects
        and back would cost more than the rest of the summary.
        """
        visit_key = type_coerce(Visit.id, String)
        officers: dict[Any, list[str]] = defaultdict(list)
        for key, name in self.session.execute(
            select(type_coerce(VisitOfficer.visit_id, String), Officer.name)
            .join(Visit, Visit.id == VisitOfficer.visit_id)
            .join(Officer, Officer.id == VisitOfficer.officer_id)
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(self._visits(), VisitOfficer.deleted_at.is_(None))
            .order_by(VisitOfficer.visit_id, Officer.name, Officer.id)
        ):
            officers[key].append(name)
        methods = {m: m.label("zh") for m in VisitMethod}
        rows = self.session.execute(
            select(
                visit_key,
                Visit.visit_date,
                Enterprise.name,
                Enterprise.division_code,
                Visit.method,
                Visit.headline,
            )
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(self._visits())
            .order_by(Visit.visit_date, Visit.id)
        )
        division_name = self.division_name
        return [
            VisitRegisterLine(
                visit_date=visit_date,
                enterprise=enterprise,
                division=division_name(code),
                method=methods[method],
                officers="、".join(officers.get(key, ())),
                headline=headline,
            )
            for key, visit_date, enterprise, code, method, headline in rows
        ]

    # -- recognitions ---------------------------------------------------------------

    def _recognised_in_period(self) -> ColumnElement[bool]:
        return and_(
            Recognition.deleted_at.is_(None),
            Product.deleted_at.is_(None),
            self._scope(),
            or_(
                and_(
                    Recognition.recognised_on >= self.date_from,
                    Recognition.recognised_on <= self.date_to,
                ),
                and_(
                    Recognition.recognised_on.is_(None),
                    Recognition.year >= self.date_from.year,
                    Recognition.year <= self.date_to.year,
                ),
            ),
        )

    def recognitions_by(self, column: Any, members: type[Scheme] | type[Tier]) -> list[CountLine]:
        counts = dict(
            self.session.execute(
                select(column, func.count(Recognition.id))
                .join(Product, Product.id == Recognition.product_id)
                .join(Enterprise, Enterprise.id == Product.enterprise_id)
                .where(self._recognised_in_period())
                .group_by(column)
            ).all()
        )
        return [CountLine(m.label("zh"), int(counts.get(m, 0))) for m in members]

    # -- needs --------------------------------------------------------------------

    def _needs(self, *conditions: ColumnElement[bool]) -> int:
        return int(
            self.session.scalar(
                select(func.count(Need.id))
                .join(Enterprise, Enterprise.id == Need.enterprise_id)
                .where(Need.deleted_at.is_(None), self._scope(), *conditions)
            )
            or 0
        )

    def needs_opened(self) -> int:
        return self._needs(Need.raised_on >= self.date_from, Need.raised_on <= self.date_to)

    def needs_closed(self) -> int:
        return self._needs(Need.closed_on >= self.date_from, Need.closed_on <= self.date_to)

    def needs_overdue(self) -> int:
        return self._needs(
            Need.raised_on <= self.as_of,
            or_(Need.closed_on.is_(None), Need.closed_on > self.as_of),
            or_(Need.answered_on.is_(None), Need.answered_on > self.as_of),
            func.coalesce(Need.extended_to, Need.due_on) < self.as_of,
        )

    def needs_by_category(self) -> list[CountLine]:
        counts = dict(
            self.session.execute(
                select(Need.category, func.count(Need.id))
                .join(Enterprise, Enterprise.id == Need.enterprise_id)
                .where(
                    Need.deleted_at.is_(None),
                    self._scope(),
                    Need.raised_on >= self.date_from,
                    Need.raised_on <= self.date_to,
                )
                .group_by(Need.category)
            ).all()
        )
        return [CountLine(c.label("zh"), int(counts.get(c, 0))) for c in NeedCategory]

    # -- enterprises not visited ------------------------------------------------------

    def idle_enterprises(self, idle_days: int) -> list[IdleEnterpriseLine]:
        followed = (
            select(Case.enterprise_id)
            .where(
                Case.deleted_at.is_(None),
                Case.opened_on <= self.as_of,
                or_(Case.closed_on.is_(None), Case.closed_on > self.as_of),
            )
            .distinct()
        )
        last_visit = (
            select(Visit.enterprise_id, func.max(Visit.visit_date).label("last_visit"))
            .where(Visit.deleted_at.is_(None), Visit.visit_date <= self.as_of)
            .group_by(Visit.enterprise_id)
            .subquery()
        )
        rows = self.session.execute(
            select(Enterprise.name, Enterprise.division_code, last_visit.c.last_visit)
            .outerjoin(last_visit, last_visit.c.enterprise_id == Enterprise.id)
            .where(self._scope(), Enterprise.id.in_(followed))
        ).all()
        lines = []
        for name, code, last in rows:
            days = (self.as_of - last).days if last is not None else None
            if days is None or days > idle_days:
                lines.append(IdleEnterpriseLine(name, self.division_name(code), last, days))
        lines.sort(key=lambda line: (line.days is not None, -(line.days or 0), line.enterprise))
        return lines


def closure_rate(opened: int, closed: int) -> Decimal:
    """100 × closed / opened, in percent with two decimals (half up); 0 when none opened."""
    if opened <= 0:
        return Decimal(0)
    return (Decimal(100 * closed) / Decimal(opened)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def period_label(date_from: date, date_to: date) -> str:
    """2026年10月, 2026年第四季度, 2026年上半年, 2026年度; else 自定义期间.

    The summary prints the dates beside the label, so a custom range is not
    spelled out twice.
    """
    if date_from.day == 1 and _is_month_end(date_to):
        months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
        year = date_from.year
        if months == 1:
            return f"{year}年{date_from.month}月"
        if months == 3 and date_from.month in (1, 4, 7, 10):
            return f"{year}年第{'一二三四'[(date_from.month - 1) // 3]}季度"
        if months == 6 and date_from.month in (1, 7):
            return f"{year}年{'上' if date_from.month == 1 else '下'}半年"
        if months == 12 and date_from.month == 1:
            return f"{year}年度"
    return CUSTOM_PERIOD


def _is_month_end(day: date) -> bool:
    return date.fromordinal(day.toordinal() + 1).day == 1
