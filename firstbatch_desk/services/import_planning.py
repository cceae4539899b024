"""Planning an import: every product line of the sheet matched against the database.

Nothing is written here. Each line gets an action (create / update / unchanged /
needs a decision / skip / error) and the reasons for it, in Chinese. Enterprises
are matched by credit code, else by their exact name; a name that is only the same
once normalised (full/half width, brackets, 有限责任公司/有限公司, spaces), a former
name, or one name containing the other is offered as a candidate for the officer to
confirm. Products are matched by name within their enterprise, recognitions by
product, scheme and year. The same checks as the forms are used, so a plan without
errors commits without errors.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Division, Enterprise, Product, Recognition
from firstbatch_desk.domain.credit_code import parse_credit_code
from firstbatch_desk.domain.dtos.importing import (
    Candidate,
    ImportField,
    ImportOptions,
    ImportPlan,
    LineAction,
    PlannedLine,
    SheetTable,
    SourceRow,
)
from firstbatch_desk.domain.dtos.register import ProductInput, RecognitionInput
from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.domain.import_rules import (
    normalise_enterprise_name,
    parse_date_text,
    parse_year,
    split_products,
)
from firstbatch_desk.domain.recognition import tier_from_text
from firstbatch_desk.domain.validation import shown
from firstbatch_desk.services.enterprises import clean_enterprise_name
from firstbatch_desk.services.products import fill_product
from firstbatch_desk.services.recognitions import fill_recognition

Progress = Callable[[int, int], None]
REQUIRED = (ImportField.ENTERPRISE, ImportField.PRODUCT)
PROGRESS_EVERY = 500
SAME_WHEN_NORMALISED = "名称规范化后相同（全半角、括号、有限责任公司等写法差别）"


def product_key(name: str) -> str:
    """Product names compare without width, spaces or case differences."""
    return "".join(unicodedata.normalize("NFKC", name).split()).lower()


@dataclass(slots=True)
class _Known:
    """What the database holds, looked up once per plan."""

    by_code: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)
    by_name: dict[str, list[tuple[uuid.UUID, str, str | None]]] = field(default_factory=dict)
    exact: dict[str, list[uuid.UUID]] = field(default_factory=dict)
    former: dict[str, list[tuple[uuid.UUID, str, str | None]]] = field(default_factory=dict)
    names: list[tuple[str, uuid.UUID, str, str | None]] = field(default_factory=list)
    products: dict[uuid.UUID, dict[str, uuid.UUID]] = field(default_factory=dict)
    recognitions: dict[tuple[uuid.UUID, Scheme, int], Any] = field(default_factory=dict)
    divisions: list[tuple[str, str]] = field(default_factory=list)  # (name stem, code)

    @classmethod
    def load(cls, session: Session) -> _Known:
        known = cls()
        rows = session.execute(
            select(
                Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.former_names
            ).where(Enterprise.deleted_at.is_(None))
        )
        for ident, name, code, former in rows:
            if code:
                known.by_code[code] = (ident, name)
            norm = normalise_enterprise_name(name)
            known.by_name.setdefault(norm, []).append((ident, name, code))
            known.exact.setdefault(name.strip(), []).append(ident)
            known.names.append((norm, ident, name, code))
            for old in _former_names(former):
                known.former.setdefault(old, []).append((ident, name, code))
        for ident, enterprise_id, name in session.execute(
            select(Product.id, Product.enterprise_id, Product.name).where(
                Product.deleted_at.is_(None)
            )
        ):
            known.products.setdefault(enterprise_id, {}).setdefault(product_key(name), ident)
        for rec in session.execute(
            select(
                Recognition.id,
                Recognition.product_id,
                Recognition.scheme,
                Recognition.year,
                Recognition.tier,
                Recognition.tier_text,
                Recognition.document_no,
                Recognition.recognised_on,
            ).where(Recognition.deleted_at.is_(None))
        ):
            known.recognitions.setdefault((rec.product_id, rec.scheme, rec.year), rec)
        for name, code in session.execute(
            select(Division.name, Division.code).where(Division.deleted_at.is_(None))
        ):
            stem = name.rstrip("市县区") if len(name) > 2 else name
            known.divisions.append((stem, code))
        return known


def _former_names(text: str | None) -> Iterator[str]:
    for part in (text or "").replace("；", ";").replace("、", ";").replace("\n", ";").split(";"):
        if part.strip():
            yield normalise_enterprise_name(part)


@dataclass(slots=True)
class _Planner:
    session: Session
    table: SheetTable
    options: ImportOptions
    known: _Known
    mapping: Mapping[int, ImportField]
    lines: list[PlannedLine] = field(default_factory=list)
    # enterprises this file will create, by normalised name -> key of the first line
    new_enterprises: dict[str, str] = field(default_factory=dict)
    seen: dict[tuple[str, str, Scheme, int], PlannedLine] = field(default_factory=dict)

    def value(self, row: SourceRow, wanted: ImportField) -> str:
        for index, name in self.mapping.items():
            if name is wanted and index < len(row.cells):
                return row.cells[index].strip()
        return ""

    def plan_row(self, row: SourceRow) -> None:
        enterprise = " ".join(self.value(row, ImportField.ENTERPRISE).split())
        products = split_products(self.value(row, ImportField.PRODUCT))
        base = _RowValues(row.number, enterprise, products)
        problems = self.row_problems(row, base)
        if not products:
            products = [""]
        for position, product in enumerate(products, start=1):
            key = f"{row.number}:{position}"
            line_problems = problems + _product_problems(product)
            if line_problems:
                self.lines.append(base.line(key, product, LineAction.ERROR, tuple(line_problems)))
                continue
            self.lines.append(self.plan_line(key, base, product))

    def row_problems(self, row: SourceRow, values: _RowValues) -> list[str]:
        problems: list[str] = []
        if not values.enterprise:
            problems.append("缺少企业名称。")
        else:
            try:  # too long, or invisible control characters: the form would refuse it
                clean_enterprise_name(values.enterprise)
            except ValidationError as exc:
                problems.append(exc.message("zh"))
        if not values.products:
            problems.append("缺少产品名称。")
        code_text = self.value(row, ImportField.CREDIT_CODE)
        if code_text:
            try:
                values.credit_code = parse_credit_code(code_text).value
            except FirstBatchError as exc:
                values.credit_code = code_text
                problems.append(exc.message("zh"))
        values.scheme = self.scheme(row, problems)
        year_text = self.value(row, ImportField.YEAR)
        values.year = parse_year(year_text) if year_text else self.options.year
        if values.year is None:
            problems.append(
                f"年度“{shown(year_text)}”无法识别。"
                if year_text
                else "缺少年度：请在导入时填写年度。"
            )
        values.tier_text = self.value(row, ImportField.TIER)
        values.tier = tier_from_text(values.tier_text)
        values.document_no = self.value(row, ImportField.DOCUMENT_NO) or self.options.document_no
        on_text = self.value(row, ImportField.RECOGNISED_ON)
        values.recognised_on = parse_date_text(on_text) if on_text else None
        if on_text and values.recognised_on is None:
            problems.append(f"认定日期“{shown(on_text)}”无法识别。")
        values.division_code, values.outside = self.division(row)
        if not problems and values.scheme is not None and values.year is not None:
            problems += _recognition_problems(values)
        return problems

    def scheme(self, row: SourceRow, problems: list[str]) -> Scheme | None:
        text = self.value(row, ImportField.SCHEME)
        if not text:
            if self.options.scheme is None:
                problems.append("缺少认定类型：请在导入时选择（国家/省首批次目录、省/市认定）。")
            return self.options.scheme
        found = scheme_from_text(text)
        if found is None:
            problems.append(f"认定类型“{shown(text)}”无法识别。")
        return found

    def division(self, row: SourceRow) -> tuple[str | None, bool]:
        """The division a 地区 cell names, and whether it names a place outside the city."""
        text = self.value(row, ImportField.DIVISION)
        if not text:
            return None, False
        for stem, code in self.known.divisions:
            if stem and stem in text:
                return code, False
        return None, True

    def plan_line(self, key: str, values: _RowValues, product: str) -> PlannedLine:
        if self.options.only_local and values.outside:
            return values.line(key, product, LineAction.SKIP, ("地区不在本市，按设置跳过。",))
        reasons: list[str] = []
        decided = key in self.options.decisions
        enterprise_id, candidates = self.match_enterprise(values, reasons)
        if decided:
            enterprise_id, candidates = self.options.decisions[key], ()
            reasons.append("已按确认的企业处理。" if enterprise_id else "已确认新增企业。")
        elif candidates:
            reasons.append("可能是库中已有的企业，请确认是同一家还是新增。")
            return values.line(key, product, LineAction.DECIDE, tuple(reasons), None, candidates)
        assert values.scheme is not None and values.year is not None
        duplicate = self.seen.get(
            (
                normalise_enterprise_name(values.enterprise),
                product_key(product),
                values.scheme,
                values.year,
            )
        )
        if duplicate is not None:
            return values.line(
                key,
                product,
                LineAction.UNCHANGED,
                (f"与第 {duplicate.row_number} 行重复，只导入一次。",),
                duplicate.enterprise_id,
            )
        line = self.plan_recognition(key, values, product, enterprise_id, reasons)
        self.seen[
            (
                normalise_enterprise_name(values.enterprise),
                product_key(product),
                values.scheme,
                values.year,
            )
        ] = line
        return line

    def match_enterprise(
        self, values: _RowValues, reasons: list[str]
    ) -> tuple[uuid.UUID | None, tuple[Candidate, ...]]:
        known = self.known
        if values.credit_code and values.credit_code in known.by_code:
            ident, name = known.by_code[values.credit_code]
            reasons.append("按统一社会信用代码匹配到已有企业。")
            if name.strip() != values.enterprise:
                reasons.append(f"库中名称为“{name}”，名称不会被改动。")
            return ident, ()
        exact = known.exact.get(values.enterprise, [])
        if len(exact) == 1:
            reasons.append("按企业名称匹配到已有企业。")
            return exact[0], ()
        norm = normalise_enterprise_name(values.enterprise)
        found: dict[uuid.UUID, Candidate] = {}
        for ident, name, code in known.by_name.get(norm, []):
            found[ident] = Candidate(
                ident, name, code, "名称规范化后相同（全半角、括号、有限责任公司等差别）"
            )
        for ident, name, code in known.former.get(norm, []):
            found.setdefault(ident, Candidate(ident, name, code, "与该企业的曾用名相同"))
        if not found and len(norm) >= 4:
            for other, ident, name, code in known.names:
                if len(other) >= 4 and (other in norm or norm in other):
                    found.setdefault(ident, Candidate(ident, name, code, "名称相互包含"))
        return None, tuple(found.values())

    def plan_recognition(
        self,
        key: str,
        values: _RowValues,
        product: str,
        enterprise_id: uuid.UUID | None,
        reasons: list[str],
    ) -> PlannedLine:
        assert values.scheme is not None and values.year is not None
        if enterprise_id is None:
            norm = normalise_enterprise_name(values.enterprise)
            first = self.new_enterprises.setdefault(norm, key)
            reasons.insert(
                0, "新增企业。" if first == key else "新增企业（与本文件前面的行相同）。"
            )
            return values.line(key, product, LineAction.CREATE, tuple(reasons))
        product_id = self.known.products.get(enterprise_id, {}).get(product_key(product))
        if product_id is None:
            reasons.append("新增产品及认定。")
            return values.line(key, product, LineAction.CREATE, tuple(reasons), enterprise_id)
        existing = self.known.recognitions.get((product_id, values.scheme, values.year))
        if existing is None:
            reasons.append("产品已有，新增认定。")
            return values.line(
                key, product, LineAction.CREATE, tuple(reasons), enterprise_id, (), product_id
            )
        changes = _changes(existing, values)
        action = LineAction.UPDATE if changes else LineAction.UNCHANGED
        reasons += changes or ["认定已在库中，内容相同。"]
        return values.line(
            key, product, action, tuple(reasons), enterprise_id, (), product_id, existing.id
        )


@dataclass(slots=True)
class _RowValues:
    row_number: int
    enterprise: str
    products: list[str]
    credit_code: str = ""
    scheme: Scheme | None = None
    year: int | None = None
    tier: Tier | None = None
    tier_text: str = ""
    document_no: str = ""
    recognised_on: date | None = None
    division_code: str | None = None
    outside: bool = False

    def line(
        self,
        key: str,
        product: str,
        action: LineAction,
        reasons: tuple[str, ...],
        enterprise_id: uuid.UUID | None = None,
        candidates: tuple[Candidate, ...] = (),
        product_id: uuid.UUID | None = None,
        recognition_id: uuid.UUID | None = None,
    ) -> PlannedLine:
        return PlannedLine(
            key=key,
            row_number=self.row_number,
            enterprise_name=self.enterprise,
            credit_code=self.credit_code,
            product_name=product,
            tier=self.tier,
            tier_text=self.tier_text,
            year=self.year,
            document_no=self.document_no,
            action=action,
            reasons=reasons,
            enterprise_id=enterprise_id,
            product_id=product_id,
            recognition_id=recognition_id,
            candidates=candidates,
            scheme=self.scheme,
            recognised_on=self.recognised_on,
            division_code=self.division_code,
        )


def _recognition_problems(values: _RowValues) -> list[str]:
    """The form's checks of a recognition (tier fits scheme, year, lengths …)."""
    assert values.scheme is not None and values.year is not None and values.tier is not None
    data = RecognitionInput(
        product_id=uuid.uuid4(),
        scheme=values.scheme,
        tier=values.tier,
        year=values.year,
        tier_text=values.tier_text,
        document_no=values.document_no,
        recognised_on=values.recognised_on,
    )
    try:
        fill_recognition(Recognition(), data)
    except ValidationError as exc:
        return [exc.message("zh")]
    return []


def _product_problems(name: str) -> list[str]:
    """The form's checks of a product name (length, invisible characters)."""
    if not name:
        return []  # said once for the row: 缺少产品名称
    try:
        fill_product(Product(), ProductInput(enterprise_id=uuid.uuid4(), name=name))
    except ValidationError as exc:
        return [exc.message("zh")]
    return []


def _changes(existing: Any, values: _RowValues) -> list[str]:
    """What the sheet would change on a recognition; empty cells change nothing."""
    changes = []
    if values.tier_text and values.tier_text != existing.tier_text:
        changes.append(f"认定档次：“{existing.tier_text}” → “{values.tier_text}”")
    elif values.tier_text and values.tier is not existing.tier:
        changes.append(f"档次：{existing.tier.label()} → {values.tier.label()}")  # type: ignore[union-attr]
    if values.document_no and values.document_no != existing.document_no:
        changes.append(f"文号：“{existing.document_no}” → “{values.document_no}”")
    if values.recognised_on and values.recognised_on != existing.recognised_on:
        changes.append(f"认定日期：{existing.recognised_on or '—'} → {values.recognised_on}")
    return changes


def scheme_from_text(text: str) -> Scheme | None:
    """The scheme a cell names: its label, or words like 国家…目录 / 省…认定 / 市…认定."""
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    try:
        return Scheme(Scheme.from_label(plain))
    except ValueError:
        pass
    if "国家" in plain:
        return Scheme.NATIONAL_CATALOGUE
    if "市" in plain and "认定" in plain:
        return Scheme.MUNICIPAL_RECOGNITION
    if "省" in plain and "目录" in plain:
        return Scheme.PROVINCIAL_CATALOGUE
    if "省" in plain:
        return Scheme.PROVINCIAL_RECOGNITION
    return None


def plan_import(
    session: Session,
    table: SheetTable,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """What committing ``table`` with ``options`` would do, line by line."""
    mapping = dict(options.mapping if options.mapping is not None else table.mapping)
    missing = [f for f in REQUIRED if f not in mapping.values()]
    if missing:
        raise ValidationError(
            "import.missing_column", field="mapping", columns="、".join(f.label() for f in missing)
        )
    planner = _Planner(session, table, options, _Known.load(session), mapping)
    total = len(table.rows)
    for number, row in enumerate(table.rows, start=1):
        planner.plan_row(row)
        if number % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ValidationError("import.cancelled")
            if progress is not None:
                progress(number, total)
    if progress is not None:
        progress(total, total)
    return ImportPlan(table, options, tuple(planner.lines))
