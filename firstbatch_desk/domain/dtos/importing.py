"""Importing published recognition lists: the sheet as read, the officer's choices, the plan.

Reading gives a :class:`SheetTable` (text cells, columns mapped to :class:`ImportField`);
planning matches every product line against the database and says what committing
would do (:class:`ImportPlan`); committing applies the whole plan in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from firstbatch_desk.domain.enums import LabelledEnum, Scheme, Tier


class ImportField(LabelledEnum):
    """What a column of a published list holds."""

    SEQ = "SEQ"
    ENTERPRISE = "ENTERPRISE"
    CREDIT_CODE = "CREDIT_CODE"
    PRODUCT = "PRODUCT"
    MODEL_SPEC = "MODEL_SPEC"
    DIVISION = "DIVISION"
    SCHEME = "SCHEME"
    TIER = "TIER"
    YEAR = "YEAR"
    DOCUMENT_NO = "DOCUMENT_NO"
    RECOGNISED_ON = "RECOGNISED_ON"
    REMARK = "REMARK"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "SEQ": ("序号", "No."),
            "ENTERPRISE": ("企业名称", "Enterprise"),
            "CREDIT_CODE": ("统一社会信用代码", "Credit code"),
            "PRODUCT": ("产品名称", "Product"),
            "MODEL_SPEC": ("型号规格", "Model / specification"),
            "DIVISION": ("地区", "Division"),
            "SCHEME": ("认定类型", "Scheme"),
            "TIER": ("认定档次", "Tier"),
            "YEAR": ("年度", "Year"),
            "DOCUMENT_NO": ("文号", "Document no."),
            "RECOGNISED_ON": ("认定日期", "Recognised on"),
            "REMARK": ("备注", "Remark"),
        }


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row of the sheet: its row number there (1-based) and its cells as text."""

    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SheetTable:
    """A sheet as read: the header found, the columns mapped, the data rows.

    ``mapping`` maps a column index to what it holds; columns not in it are ignored.
    ``notes`` says what the reader skipped or repaired (title rows, remarks at the
    bottom, merged cells filled, formulas read as their values …), for the preview.
    """

    source: str  # the file's name (never used as a path)
    sheet: str  # the worksheet's name ("" for CSV)
    header_row: int  # 1-based
    headers: tuple[str, ...]
    mapping: Mapping[int, ImportField]
    rows: tuple[SourceRow, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the officer supplies where the sheet is silent, and the choices made."""

    scheme: Scheme | None = None  # when the sheet has no scheme column (published lists don't)
    year: int | None = None  # when the sheet has no year column (or a row leaves it empty)
    document_no: str = ""  # likewise
    mapping: Mapping[int, ImportField] | None = None  # the officer's correction of the columns
    # For lines whose enterprise needs a decision: line key -> enterprise id to use,
    # or None to create a new enterprise.
    decisions: Mapping[str, uuid.UUID | None] = field(default_factory=dict)
    # Skip the rows whose 地区 names a place that is none of this city's divisions
    # (provincial lists cover the whole province).
    only_local: bool = False


class LineAction(LabelledEnum):
    """What committing would do with one product line."""

    CREATE = "CREATE"
    UPDATE = "UPDATE"
    UNCHANGED = "UNCHANGED"
    DECIDE = "DECIDE"
    SKIP = "SKIP"
    ERROR = "ERROR"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "CREATE": ("新增", "Create"),
            "UPDATE": ("更新", "Update"),
            "UNCHANGED": ("无变化", "Unchanged"),
            "DECIDE": ("待确认", "Needs a decision"),
            "SKIP": ("跳过", "Skipped"),
            "ERROR": ("错误", "Error"),
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing enterprise that may be the one a line names."""

    enterprise_id: uuid.UUID
    name: str
    credit_code: str | None
    why: str  # e.g. "名称相同（忽略括号和“有限责任公司/有限公司”的差别）"


@dataclass(frozen=True, slots=True)
class PlannedLine:
    """One product of one row of the sheet, matched and checked.

    ``key`` is stable for the same file (row number and product position), so a
    decision taken in the preview can be passed back in :class:`ImportOptions`.
    """

    key: str
    row_number: int
    enterprise_name: str
    credit_code: str
    product_name: str
    tier: Tier | None
    tier_text: str
    year: int | None
    document_no: str
    action: LineAction
    reasons: tuple[str, ...]  # in the officer's language (Chinese), why this action
    enterprise_id: uuid.UUID | None = None  # matched enterprise, if any
    product_id: uuid.UUID | None = None
    recognition_id: uuid.UUID | None = None
    candidates: tuple[Candidate, ...] = ()
    scheme: Scheme | None = None
    recognised_on: date | None = None
    division_code: str | None = None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    table: SheetTable
    options: ImportOptions
    lines: tuple[PlannedLine, ...]

    def count(self, action: LineAction) -> int:
        return sum(1 for line in self.lines if line.action is action)

    @property
    def counts(self) -> dict[LineAction, int]:
        return {action: self.count(action) for action in LineAction}

    @property
    def can_commit(self) -> bool:
        """No errors and no open decisions: committing would apply every line."""
        return not self.count(LineAction.ERROR) and not self.count(LineAction.DECIDE)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created_enterprises: int
    created_products: int
    created_recognitions: int
    updated_recognitions: int
    unchanged: int
