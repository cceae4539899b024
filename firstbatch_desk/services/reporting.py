"""Reports: gather their data from the database into DTOs, then hand them to a builder.

Each ``*_data`` method reads in one transaction and returns plain DTOs
(:mod:`firstbatch_desk.domain.dtos.reports`); each ``write_*`` method gathers,
then calls a ReportLab builder from :mod:`firstbatch_desk.reports` (imported
lazily: ReportLab costs start-up time), which never touches the database.
Everything is checked and gathered before the builder starts, and builders
write a path atomically, so a refused, failed or cancelled report leaves no file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Case,
    Division,
    Enterprise,
    Need,
    Product,
    Recognition,
    Visit,
    VisitCase,
    VisitNote,
)
from firstbatch_desk.domain.dtos.reports import (
    CaseFileData,
    ReportHeader,
    SummaryData,
    VisitSheetData,
)
from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import shown
from firstbatch_desk.paths import AppPaths, resource_path
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.report_data import (
    attachment_lines,
    case_profile_lines,
    case_rows,
    contact_lines,
    enterprise_profile,
    need_lines,
    recognition_lines,
)
from firstbatch_desk.services.report_files import safe_file_stem, unique_stem
from firstbatch_desk.services.report_redaction import Redactor
from firstbatch_desk.services.report_summary import CUSTOM_PERIOD, SummaryQueries, closure_rate
from firstbatch_desk.services.report_summary import period_label as default_period_label
from firstbatch_desk.services.report_visits import (
    NAME_SEPARATOR,
    People,
    sales_lines,
    visit_ids_of_cases,
    visit_lines,
)

CASE_FILE_TITLE = "首批次新材料跟踪服务档案"
VISIT_SHEET_TITLE = "走访记录表"
SUMMARY_TITLE = "首批次新材料跟踪服务定期汇总"
WHOLE_CITY = "全市"
SHIPPED_FONT = ("fonts", "wqy-microhei.ttc")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ReportService(ServiceBase):
    """Case files, visit record sheets and periodic summaries."""

    # -- data ---------------------------------------------------------------------

    def case_file_data(
        self, case_id: uuid.UUID, *, redact: bool = False, embed_photos: bool = False
    ) -> CaseFileData:
        """案卷 of one case: its enterprise, product recognitions, visits and needs."""
        with self._read() as session:
            case = self._live(session, Case, case_id, "跟踪档案")
            enterprise = self._live(session, Enterprise, case.enterprise_id, "企业")
            return self._case_file(
                session,
                enterprise,
                case_rows(session, Case.id == case_id),
                reference=case.case_no,
                product_ids=select(Case.product_id).where(Case.id == case_id),
                needs=Need.case_id == case_id,
                redact=redact,
                embed_photos=embed_photos,
            )

    def enterprise_file_data(
        self, enterprise_id: uuid.UUID, *, redact: bool = False, embed_photos: bool = False
    ) -> CaseFileData:
        """案卷 of an enterprise: every live case, every recognised product, every need.

        The reference in the header is the credit code (the name when there is none).
        """
        with self._read() as session:
            enterprise = self._live(session, Enterprise, enterprise_id, "企业")
            return self._case_file(
                session,
                enterprise,
                case_rows(session, Case.enterprise_id == enterprise_id),
                reference=enterprise.credit_code or enterprise.name,
                product_ids=select(Product.id).where(
                    Product.enterprise_id == enterprise_id, Product.deleted_at.is_(None)
                ),
                needs=Need.enterprise_id == enterprise_id,
                redact=redact,
                embed_photos=embed_photos,
            )

    def visit_sheet_data(self, visit_id: uuid.UUID) -> VisitSheetData:
        """走访记录表 of one visit, with the needs raised in it."""
        with self._read() as session:
            visit = self._live(session, Visit, visit_id, "走访记录")
            enterprise = session.get(Enterprise, visit.enterprise_id)
            assert enterprise is not None
            lines, _ = visit_lines(session, select(Visit.id).where(Visit.id == visit_id), People())
            note = session.scalar(
                select(VisitNote).where(
                    VisitNote.visit_id == visit_id, VisitNote.deleted_at.is_(None)
                )
            )
            case_nos = tuple(
                session.scalars(
                    select(Case.case_no)
                    .join(VisitCase, VisitCase.case_id == Case.id)
                    .where(VisitCase.visit_id == visit_id, VisitCase.deleted_at.is_(None))
                    .order_by(Case.case_no)
                )
            )
            needs, _ = need_lines(session, Need.visit_id == visit_id)
            # The sheet's own number: the visit's date and the end of its id.
            reference = f"ZF-{visit.visit_date:%Y%m%d}-{visit_id.hex[-6:].upper()}"
            return VisitSheetData(
                header=self._header(VISIT_SHEET_TITLE, reference),
                enterprise_name=enterprise.name,
                credit_code=enterprise.credit_code or "",
                address=enterprise.address,
                visit=lines[0],
                case_numbers=case_nos,
                production_status=note.production_status if note else "",
                sales_status=note.sales_status if note else "",
                policies_explained=note.policies_explained if note else "",
                next_visit_on=visit.next_visit_on,
                needs=tuple(needs),
                signed=visit.signed,
            )

    def summary_data(
        self,
        date_from: date,
        date_to: date,
        *,
        division_code: str | None = None,
        idle_days: int = 90,
        period_label: str = "",
        include_register: bool = True,
    ) -> SummaryData:
        """定期汇总 of ``[date_from, date_to]`` (both included), optionally one division.

        ``division_code`` is a division's code or its exact name. What each number
        counts is defined in :mod:`firstbatch_desk.services.report_summary`: visits
        by visit date; recognitions by ``recognised_on`` within the period, or by
        ``year`` within the period's years when ``recognised_on`` is empty; needs
        opened by ``raised_on``, closed by ``closed_on``, overdue when open at
        ``date_to`` past ``coalesce(extended_to, due_on)``; the closure rate
        (closed / opened) in percent; idle enterprises not visited for more than
        ``idle_days`` days as of ``date_to``.
        """
        if date_to < date_from:
            raise ValidationError(
                "field.date_order", field="date_to", earlier="开始日期", later="结束日期"
            )
        if isinstance(idle_days, bool) or not 0 <= idle_days <= 10_000:
            raise ValidationError(
                "field.range", field="idle_days", label="未走访天数", low=0, high=10_000
            )
        with self._read() as session:
            code, division = (
                self._division(session, division_code) if division_code else (None, WHOLE_CITY)
            )
            q = SummaryQueries(session, date_from, date_to, code)
            label = period_label or default_period_label(date_from, date_to)
            reference = f"{date_from.isoformat()} 至 {date_to.isoformat()}"
            if label != CUSTOM_PERIOD:
                reference = label
            visits, enterprises = q.visit_totals()
            opened, closed = q.needs_opened(), q.needs_closed()
            return SummaryData(
                header=self._header(
                    SUMMARY_TITLE, reference if code is None else f"{reference} {division}"
                ),
                period_label=label,
                date_from=date_from,
                date_to=date_to,
                division=division,
                visits_total=visits,
                enterprises_visited=enterprises,
                by_division=tuple(q.by_division()),
                by_scheme=tuple(q.recognitions_by(Recognition.scheme, Scheme)),
                by_tier=tuple(q.recognitions_by(Recognition.tier, Tier)),
                by_need_category=tuple(q.needs_by_category()),
                by_officer=tuple(q.by_officer()),
                needs_opened=opened,
                needs_closed=closed,
                needs_overdue=q.needs_overdue(),
                closure_rate=closure_rate(opened, closed),
                idle_days=idle_days,
                idle_enterprises=tuple(q.idle_enterprises(idle_days)),
                visit_register=tuple(q.register()) if include_register else (),
            )

    def division_cases(self, division_code: str) -> list[tuple[uuid.UUID, str]]:
        """(id, case number) of every live case of the division's enterprises, by number."""
        with self._read() as session:
            code, _ = self._division(session, division_code)
            return [
                (r.id, r.case_no)
                for r in session.execute(
                    select(Case.id, Case.case_no)
                    .join(Enterprise, Enterprise.id == Case.enterprise_id)
                    .where(
                        Case.deleted_at.is_(None),
                        Enterprise.deleted_at.is_(None),
                        Enterprise.division_code == code,
                    )
                    .order_by(Case.case_no)
                )
            ]

    # -- files --------------------------------------------------------------------

    def write_case_file(self, case_id: uuid.UUID, path: Path | str, **opts: Any) -> int:
        """Write the case file of one case to ``path``; return its page count.

        ``opts``: ``redact`` and ``embed_photos`` (see :meth:`case_file_data`).
        """
        from firstbatch_desk.reports.case_file import build_case_file

        data = self.case_file_data(case_id, **opts)
        return build_case_file(data, Path(path), font_path=self.font_path())

    def write_enterprise_file(self, enterprise_id: uuid.UUID, path: Path | str, **opts: Any) -> int:
        from firstbatch_desk.reports.case_file import build_case_file

        data = self.enterprise_file_data(enterprise_id, **opts)
        return build_case_file(data, Path(path), font_path=self.font_path())

    def write_visit_sheet(self, visit_id: uuid.UUID, path: Path | str) -> int:
        from firstbatch_desk.reports.visit_sheet import build_visit_sheet

        data = self.visit_sheet_data(visit_id)
        return build_visit_sheet(data, Path(path), font_path=self.font_path())

    def write_summary(
        self,
        date_from: date,
        date_to: date,
        path: Path | str,
        *,
        division_code: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        **opts: Any,
    ) -> int:
        """Write the periodic summary; ``opts`` go to :meth:`summary_data`."""
        from firstbatch_desk.reports.summary import build_summary

        data = self.summary_data(date_from, date_to, division_code=division_code, **opts)
        return build_summary(
            data, Path(path), font_path=self.font_path(), progress=progress, cancelled=cancelled
        )

    def batch_case_files(
        self,
        division_code: str,
        folder: Path | str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        **opts: Any,
    ) -> list[Path]:
        """One case file per live case of the division's enterprises, into ``folder``.

        Files are named after the case number, reduced to ``[A-Za-z0-9_-]``
        (``GZ-2024-0001.pdf``), never after enterprise names. Existing files of
        the same name are replaced. ``progress(done, total)`` is called after
        each file; when ``cancelled()`` turns true, the files written so far are
        returned. A case deleted meanwhile is skipped.
        """
        cases = self.division_cases(division_code)
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        taken: set[str] = set()
        if progress is not None:
            progress(0, len(cases))
        for done, (case_id, case_no) in enumerate(cases, start=1):
            if cancelled is not None and cancelled():
                break
            path = target / f"{unique_stem(safe_file_stem(case_no, case_id.hex), taken)}.pdf"
            try:
                self.write_case_file(case_id, path, **opts)
            except NotFoundError:
                continue
            finally:
                if progress is not None:
                    progress(done, len(cases))
            written.append(path)
        return written

    def font_path(self) -> Path:
        """The font chosen in settings if that file exists, else the shipped font."""
        chosen = (self._config.report_font or "").strip()
        if chosen and Path(chosen).expanduser().is_file():
            return Path(chosen).expanduser()
        return resource_path(*SHIPPED_FONT)

    # -- helpers --------------------------------------------------------------------

    def _case_file(
        self,
        session: Session,
        enterprise: Enterprise,
        cases: list[Any],
        *,
        reference: str,
        product_ids: Any,
        needs: ColumnElement[bool],
        redact: bool,
        embed_photos: bool,
    ) -> CaseFileData:
        people = People()
        header = self._header(CASE_FILE_TITLE, reference)
        officers = list(dict.fromkeys(c.officer_name for c in cases if c.officer_name))
        people.add_names(*officers)
        visit_ids = visit_ids_of_cases([c.id for c in cases])
        visits, facts = visit_lines(session, visit_ids, people)
        need_rows, need_ids = need_lines(session, needs)
        data = CaseFileData(
            header=header,
            enterprise_name=enterprise.name,
            credit_code=enterprise.credit_code or "",
            profile=tuple(
                enterprise_profile(session, enterprise, people) + case_profile_lines(cases)
            ),
            contacts=tuple(contact_lines(session, enterprise.id, people)),
            case_numbers=tuple(c.case_no for c in cases),
            officer_in_charge=NAME_SEPARATOR.join(officers),
            recognitions=tuple(
                recognition_lines(
                    session,
                    product_ids,
                    header.printed_at.date(),
                    self._config.expiry_warning_days,
                )
            ),
            sales_and_application=tuple(sales_lines(cases, facts)),
            visits=tuple(visits),
            needs=tuple(need_rows),
            attachments=tuple(
                attachment_lines(
                    session,
                    visit_ids,
                    need_ids,
                    AppPaths(self._database_path.parent).attachment_dir,
                    embed_photos,
                )
            ),
            embed_photos=embed_photos,
        )
        return Redactor(people.names, people.phones).case_file(data) if redact else data

    def _header(self, title: str, reference: str) -> ReportHeader:
        return ReportHeader(
            bureau_name=self._config.bureau_name,
            title=title,
            reference=reference,
            printed_at=datetime.now().astimezone(),
            printed_by=self._actor.name,
        )

    @staticmethod
    def _division(session: Session, text: str) -> tuple[str, str]:
        """(code, name) of the live division whose code or name is ``text``."""
        wanted = plain_term(text).strip()
        row = session.execute(
            select(Division.code, Division.name)
            .where(
                Division.deleted_at.is_(None),
                or_(Division.code == wanted, Division.name == wanted),
            )
            .order_by(Division.code)
        ).first()
        if row is None:
            raise ValidationError(
                "field.unknown_ref", field="division_code", label="区县", value=shown(text)
            )
        return row.code, row.name
