"""``firstbatch-desk import FILE``: bring a published recognition list in.

Reads the sheet, plans every line against the database and prints how many lines
would be created, updated, left unchanged, need a decision, are skipped or have an
error. Without ``--dry-run`` the whole sheet is then written in one transaction —
only when no line has an error or needs a decision (decisions are taken in the
program's import window). Exit status 1 when nothing was written because of that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.dtos.importing import ImportOptions, ImportPlan, LineAction
from firstbatch_desk.domain.enums import Scheme
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext

TEXTS: dict[str, tuple[str, str]] = {
    "read": (
        "读取“{source}”{sheet}：表头在第 {header} 行，{rows} 行数据。",
        "Read \u201c{source}\u201d{sheet}: header on row {header}, {rows} data rows.",
    ),
    "columns": ("列对应：{columns}", "Columns: {columns}"),
    "counts": ("预览：{counts}", "Preview: {counts}"),
    "line": (
        "  第 {row} 行 {enterprise} / {product}：{reasons}",
        "  row {row} {enterprise} / {product}: {reasons}",
    ),
    "more": (
        "  ……另有 {count} 行，用 --report 保存全部",
        "  … {count} more; --report saves them all",
    ),
    "report": ("检查结果已保存到 {path}（{count} 行）。", "Lines written to {path} ({count})."),
    "dry_run": ("仅预览（--dry-run），未写入任何数据。", "Dry run: nothing was written."),
    "refused": (
        "有错误或待确认的行，未写入任何数据。待确认的企业请在程序的“导入”窗口中确认。",
        "Some lines have errors or need a decision; nothing was written. Decide them in "
        "the program's import window.",
    ),
    "done": (
        "已导入：新增企业 {enterprises} 家、产品 {products} 个、认定 {created} 条，"
        "更新认定 {updated} 条，无变化 {unchanged} 行。",
        "Imported: {enterprises} enterprises, {products} products and {created} "
        "recognitions created, {updated} recognitions updated, {unchanged} lines unchanged.",
    ),
    "bad_scheme": (
        "无法识别认定类型“{value}”；可用：{choices}",
        "Unknown scheme \u201c{value}\u201d; use one of: {choices}",
    ),
}
SHOWN = 20


def _say(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def add_import_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import", help="导入公布的认定名单（.xlsx/.csv）/ import a published list"
    )
    parser.add_argument("file", metavar="FILE", help="名单文件 / the list (.xlsx or .csv)")
    parser.add_argument("--dry-run", action="store_true", help="只预览，不写入 / preview only")
    parser.add_argument(
        "--scheme",
        metavar="S",
        help="表中没有认定类型时使用，如 省首批次认定 或 PROVINCIAL_RECOGNITION / the scheme",
    )
    parser.add_argument("--year", type=int, metavar="Y", help="表中没有年度时使用 / the year")
    parser.add_argument("--doc-no", metavar="N", default="", help="表中没有文号时使用 / doc no.")
    parser.add_argument("--sheet", metavar="NAME", help="工作表名称 / worksheet name")
    parser.add_argument(
        "--only-local", action="store_true", help="跳过地区不在本市的行 / skip other cities"
    )
    parser.add_argument(
        "--report", metavar="FILE.xlsx", help="把有问题的行保存为 Excel / save the problem lines"
    )
    data_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from firstbatch_desk.app import open_context

    lang = args.lang
    scheme = None
    if args.scheme:
        scheme = _scheme(args.scheme)
        if scheme is None:
            choices = "、".join(s.label() for s in Scheme)
            print(_say(lang, "bad_scheme", value=args.scheme, choices=choices), file=sys.stderr)
            return 2
    options = ImportOptions(
        scheme=scheme,
        year=args.year,
        document_no=args.doc_no,
        only_local=args.only_local,
    )
    with InstanceLock(AppPaths.resolve(args.data_dir).lock_file):
        return _run(args, lang, options, open_context(args.data_dir))


def _run(args: argparse.Namespace, lang: str, options: ImportOptions, context: AppContext) -> int:
    try:
        service = context.services.imports
        table = service.read(Path(args.file).expanduser(), sheet=args.sheet)
        sheet = f"（{table.sheet}）" if table.sheet else ""
        print(
            _say(
                lang,
                "read",
                source=table.source,
                sheet=sheet,
                header=table.header_row,
                rows=len(table.rows),
            )
        )
        mapped = "，".join(
            f"{table.headers[i]}→{f.label('en' if lang == 'en' else 'zh')}"
            for i, f in sorted(table.mapping.items())
        )
        print(_say(lang, "columns", columns=mapped))
        for note in table.notes:
            print(f"  {note}")
        plan = service.plan(table, options)
        _print_plan(plan, lang)
        if args.report:
            count = service.write_report(plan, Path(args.report).expanduser())
            print(_say(lang, "report", path=args.report, count=count))
        if not plan.can_commit:
            print(_say(lang, "refused"), file=sys.stderr)
            return 1
        if args.dry_run:
            print(_say(lang, "dry_run"))
            return 0
        result = service.commit(table, options)
        print(
            _say(
                lang,
                "done",
                enterprises=result.created_enterprises,
                products=result.created_products,
                created=result.created_recognitions,
                updated=result.updated_recognitions,
                unchanged=result.unchanged,
            )
        )
        return 0
    except FirstBatchError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    finally:
        context.close()


def _print_plan(plan: ImportPlan, lang: str) -> None:
    language = "en" if lang == "en" else "zh"
    counts = "，".join(f"{a.label(language)} {n}" for a, n in plan.counts.items() if n)
    print(_say(lang, "counts", counts=counts or "0"))
    problems = [line for line in plan.lines if line.action in (LineAction.ERROR, LineAction.DECIDE)]
    for line in problems[:SHOWN]:
        print(
            _say(
                lang,
                "line",
                row=line.row_number,
                enterprise=line.enterprise_name or "—",
                product=line.product_name or "—",
                reasons=" ".join(line.reasons),
            )
        )
    if len(problems) > SHOWN:
        print(_say(lang, "more", count=len(problems) - SHOWN))


def _scheme(text: str) -> Scheme | None:
    from firstbatch_desk.services.import_planning import scheme_from_text

    try:
        return Scheme(text.strip().upper())
    except ValueError:
        return scheme_from_text(text)
