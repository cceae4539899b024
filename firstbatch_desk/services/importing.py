"""Importing a published list: read it, plan it (the dry run), commit it whole.

``plan`` never writes. ``commit`` plans again inside its write transaction, so what
is written is exactly what a plan of the database as it is now says, and refuses
unless that plan has no errors and no open decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.importing import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    LineAction,
    SheetTable,
)
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.import_commit import apply_plan
from firstbatch_desk.services.import_planning import plan_import

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportService(ServiceBase):
    # openpyxl (and the Pillow it loads) is imported only when a file is read or written.

    def sheets(self, path: Path) -> list[str]:
        from firstbatch_desk.services.import_reader import sheet_names

        return sheet_names(path)

    def read(
        self,
        path: Path,
        *,
        sheet: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> SheetTable:
        """The sheet as text rows with its columns mapped (no database work)."""
        from firstbatch_desk.services.import_reader import read_table

        return read_table(path, sheet=sheet, progress=progress, cancelled=cancelled)

    def plan(
        self,
        table: SheetTable,
        options: ImportOptions,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPlan:
        """The dry run: what committing would do with every line, and why."""
        with self._read() as session:
            return plan_import(session, table, options, progress=progress, cancelled=cancelled)

    def commit(
        self,
        table: SheetTable,
        options: ImportOptions,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Apply the whole sheet in one transaction, or nothing (errors, decisions, cancel)."""
        self._require(Permission.IMPORT)
        with self._write() as session:
            plan = plan_import(session, table, options, cancelled=cancelled)
            if not plan.can_commit:
                raise ValidationError(
                    "import.not_ready",
                    errors=plan.count(LineAction.ERROR),
                    decisions=plan.count(LineAction.DECIDE),
                )
            return apply_plan(session, plan, progress=progress, cancelled=cancelled)

    @staticmethod
    def write_report(plan: ImportPlan, path: Path, *, only_problems: bool = True) -> int:
        """The preview as an .xlsx (by default the lines with errors or open decisions)."""
        from firstbatch_desk.services.import_report import write_line_report

        return write_line_report(plan, path, only_problems=only_problems)
