"""Printing for the command line: tables for people, JSON for scripts."""

from __future__ import annotations

import dataclasses
import json
import sys
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from firstbatch_desk.domain.dtos.reference import DatabaseInfo
from firstbatch_desk.domain.enums import LabelledEnum

TEXTS: dict[str, tuple[str, str]] = {
    "demo_ready": ("已生成演示数据：{path}", "Demo data made in {path}"),
    "demo_reused": ("使用已有演示数据：{path}", "Using the existing demo data in {path}"),
    "demo_done": ("演示数据已写入：{path}", "Demo data written to {path}"),
    "check_ok": ("数据库完好：{path}", "The database is healthy: {path}"),
    "check_failed": ("数据库已损坏：{path}", "The database is damaged: {path}"),
    "no_rows": ("（没有记录）", "(no records)"),
}

COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "enterprises": (
        ("name", "企业名称", "Name"),
        ("credit_code", "统一社会信用代码", "Credit code"),
        ("division_name", "区县", "Division"),
        ("zone_name", "开发区", "Zone"),
    ),
    "products": (
        ("enterprise_name", "企业", "Enterprise"),
        ("name", "产品", "Product"),
        ("model_spec", "型号规格", "Model"),
        ("recognition_count", "认定数", "Recognitions"),
    ),
    "recognitions": (
        ("year", "年度", "Year"),
        ("scheme", "类别", "Scheme"),
        ("tier", "档次", "Tier"),
        ("enterprise_name", "企业", "Enterprise"),
        ("product_name", "产品", "Product"),
        ("document_no", "文号", "Document"),
        ("valid_until", "有效期至", "Valid until"),
    ),
    "cases": (
        ("case_no", "档案号", "Case"),
        ("enterprise_name", "企业", "Enterprise"),
        ("product_name", "产品", "Product"),
        ("officer_name", "负责人", "Officer"),
        ("status", "状态", "Status"),
        ("next_due_on", "下次走访", "Next due"),
    ),
    "visits": (
        ("visit_date", "日期", "Date"),
        ("enterprise_name", "企业", "Enterprise"),
        ("method", "方式", "Method"),
        ("officer_names", "走访人员", "Officers"),
        ("headline", "纪要", "Summary"),
    ),
    "needs": (
        ("need_no", "编号", "Number"),
        ("enterprise_name", "企业", "Enterprise"),
        ("category", "类别", "Category"),
        ("title", "事项", "Title"),
        ("status", "状态", "Status"),
        ("due_on", "期限", "Due"),
    ),
}


def text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot encode {type(value).__name__}")


def to_json(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    elif isinstance(value, list):
        value = [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
    return json.dumps(value, ensure_ascii=False, indent=2, default=_jsonable)


def _cell(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return value.label(lang)
    if isinstance(value, bool):
        return "是" if value else ""
    return str(value)


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _pad(value: str, width: int) -> str:
    return value + " " * (width - _width(value))


def _clip(value: str, limit: int = 40) -> str:
    if _width(value) <= limit:
        return value
    out = ""
    for ch in value:
        if _width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    print("  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


def print_rows(kind: str, rows: Sequence[Any], *, as_json: bool, lang: str) -> None:
    if as_json:
        print(to_json(list(rows)))
        return
    if not rows:
        print(text(lang, "no_rows"))
        return
    columns = COLUMNS[kind]
    headers = ["id"] + [en if lang == "en" else zh for _, zh, en in columns]
    table = [
        [str(row.id)] + [_clip(_cell(getattr(row, name), lang)) for name, _, _ in columns]
        for row in rows
    ]
    print_table(headers, table)


def print_info(facts: DatabaseInfo, *, as_json: bool, lang: str) -> None:
    if as_json:
        print(to_json(facts))
        return
    zh = lang != "en"
    print(("数据库：" if zh else "Database: ") + facts.database_path)
    print(
        ("结构版本：" if zh else "Schema: ")
        + f"{facts.schema_revision} (head {facts.head_revision})"
    )
    print(("文件大小：" if zh else "Size: ") + f"{facts.size_bytes / 1_048_576:.1f} MB")
    print_table(
        ["表" if zh else "table", "记录数" if zh else "rows"],
        [[name, str(count)] for name, count in facts.counts.items()],
    )


def print_counts(counts: dict[str, int]) -> None:
    print_table(["table", "rows"], [[name, str(count)] for name, count in counts.items()])


def progress_printer() -> Callable[[str, int, int], None]:
    """A progress callback that rewrites one line on a terminal and stays quiet elsewhere."""
    interactive = sys.stderr.isatty()

    def report(stage: str, done: int, total: int) -> None:
        if interactive:
            print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return report
