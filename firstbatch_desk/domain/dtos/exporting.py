"""Exporting ledgers (台账) to Excel: which ledger, and the error of a cancelled export."""

from __future__ import annotations

from firstbatch_desk.domain.enums import LabelledEnum
from firstbatch_desk.domain.errors import FirstBatchError


class LedgerKind(LabelledEnum):
    """A ledger that can be exported; its Chinese label names the worksheet."""

    ENTERPRISES = "ENTERPRISES"
    RECOGNITIONS = "RECOGNITIONS"
    CASES = "CASES"
    VISITS = "VISITS"
    NEEDS = "NEEDS"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "ENTERPRISES": ("企业台账", "Enterprises"),
            "RECOGNITIONS": ("产品与认定台账", "Products and recognitions"),
            "CASES": ("跟踪档案台账", "Cases"),
            "VISITS": ("走访记录台账", "Visits"),
            "NEEDS": ("问题诉求台账", "Needs"),
        }


class ExportCancelled(FirstBatchError):
    """The officer cancelled an export; no file was written or changed."""

    def __init__(self) -> None:
        super().__init__("export.cancelled")
