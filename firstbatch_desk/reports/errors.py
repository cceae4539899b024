"""Typed errors of report generation (no ReportLab import: cheap to import anywhere)."""

from __future__ import annotations

from typing import Any

from firstbatch_desk.domain.errors import FirstBatchError, ValidationError


class FontError(ValidationError):
    """The chosen report font cannot be embedded (missing, CFF outlines, licence, damaged)."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, field="report_font", **params)


class ReportCancelled(FirstBatchError):
    """The user cancelled a report while it was being built; nothing was written."""

    def __init__(self) -> None:
        super().__init__("report.cancelled")


class ReportWriteError(FirstBatchError):
    """The finished PDF could not be written to its target."""
