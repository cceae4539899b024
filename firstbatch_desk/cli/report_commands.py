"""``firstbatch-desk report …``: case files, visit record sheets and summaries as PDF.

Ids are those that ``firstbatch-desk list … --json`` prints. Every input is
checked before anything is written: a bad id, date or district gives a
message and exit status 1, and no file.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.validation import check_date, check_order

TEXTS: dict[str, tuple[str, str]] = {
    "done": ("已生成：{path}（共 {pages} 页）", "Written: {path} ({pages} pages)"),
    "batch_done": (
        "已导出 {count} 份案卷到 {path}",
        "Wrote {count} case files to {path}",
    ),
    "bad_id": (
        "“{value}”不是有效的{what} id（可用 firstbatch-desk list {kind} --json 查看）。",
        "\u201c{value}\u201d is not a valid {what} id (see firstbatch-desk list {kind} --json).",
    ),
    "no_folder": (
        "无法写入“{path}”：所在文件夹不存在。",
        "Cannot write \u201c{path}\u201d: its folder does not exist.",
    ),
    "is_folder": (
        "“{path}”是一个文件夹，请给出 PDF 文件名。",
        "\u201c{path}\u201d is a folder; give a PDF file name.",
    ),
    "not_folder": (
        "“{path}”不是文件夹。",
        "\u201c{path}\u201d is not a folder.",
    ),
    "bad_district": (
        "没有名为或代码为“{value}”的区县。",
        "There is no district named or coded \u201c{value}\u201d.",
    ),
    "cannot_write": ("无法写入“{path}”：{detail}", "Cannot write \u201c{path}\u201d: {detail}"),
}
DATE_LABELS = {"zh": ("开始日期", "结束日期"), "en": ("--from", "--to")}
WHAT = {
    "case": ("跟踪档案", "case", "cases"),
    "enterprise": ("企业", "enterprise", "enterprises"),
    "visit": ("走访记录", "visit", "visits"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def _output(parser: argparse.ArgumentParser, help_text: str = "输出 PDF 文件 / output PDF") -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=help_text)


def add_report_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``report`` with its subcommands case, enterprise, visit, summary and batch."""
    report = subparsers.add_parser("report", help="生成 PDF 报表 / write a PDF report")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)

    for kind, helped in (
        ("case", "一个跟踪档案的案卷 / case file of one case"),
        ("enterprise", "一家企业全部档案的案卷 / case file of every case of an enterprise"),
    ):
        parser = kinds.add_parser(kind, help=helped)
        parser.add_argument("ident", metavar=f"{kind.upper()}_ID")
        _output(parser)
        parser.add_argument(
            "--redact", action="store_true", help="隐去姓名和电话 / mask names and phone numbers"
        )
        parser.add_argument(
            "--photos", action="store_true", help="嵌入照片 / embed photos with captions"
        )
        data_dir_option(parser)

    visit = kinds.add_parser("visit", help="走访记录表 / visit record sheet")
    visit.add_argument("ident", metavar="VISIT_ID")
    _output(visit)
    data_dir_option(visit)

    summary = kinds.add_parser("summary", help="定期汇总 / periodic summary")
    summary.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    summary.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    summary.add_argument(
        "--district", metavar="NAME", help="区县名称或代码 / district name or code"
    )
    summary.add_argument(
        "--idle-days",
        type=int,
        default=90,
        metavar="N",
        help="列出 N 天未走访的企业 / list enterprises not visited for N days",
    )
    _output(summary)
    data_dir_option(summary)

    batch = kinds.add_parser("batch", help="一个区县的全部案卷 / every case file of a district")
    batch.add_argument("--district", required=True, metavar="NAME")
    _output(batch, "输出文件夹 / output folder")
    data_dir_option(batch)
    return report


def run(args: argparse.Namespace) -> int:
    """Handle ``report …``; FirstBatchError goes up to ``main``, which prints it."""
    from firstbatch_desk.cli.commands import _open_existing

    lang = args.lang
    kind = args.report_kind
    ident = _parse_id(args.ident, kind, lang) if kind in WHAT else None
    if kind in WHAT and ident is None:
        return 1
    dates = None
    if kind == "summary":
        start, end = DATE_LABELS["en" if lang == "en" else "zh"]
        date_from = check_date(args.date_from, field="date_from", label=start, required=True)
        date_to = check_date(args.date_to, field="date_to", label=end, required=True)
        check_order(date_from, date_to, field="date_to", earlier_label=start, later_label=end)
        dates = (date_from, date_to)
    target = Path(args.output).expanduser()
    problem = _target_problem(target, folder=kind == "batch")
    if problem:
        print(_text(lang, problem, path=target), file=sys.stderr)
        return 1

    context = _open_existing(args.data_dir)
    reports = context.services.reports
    try:
        if kind == "batch":
            written = reports.batch_case_files(args.district, target)
            print(_text(lang, "batch_done", count=len(written), path=target))
            return 0
        if kind == "case":
            pages = reports.write_case_file(
                ident, target, redact=args.redact, embed_photos=args.photos
            )
        elif kind == "enterprise":
            pages = reports.write_enterprise_file(
                ident, target, redact=args.redact, embed_photos=args.photos
            )
        elif kind == "visit":
            pages = reports.write_visit_sheet(ident, target)
        else:
            assert dates is not None
            pages = reports.write_summary(
                dates[0],
                dates[1],
                target,
                division_code=args.district,
                idle_days=args.idle_days,
            )
    except ValidationError as exc:
        if exc.field != "division_code":
            raise
        print(_text(lang, "bad_district", value=args.district), file=sys.stderr)
        return 1
    except OSError as exc:
        detail = exc.strerror or str(exc)
        print(_text(lang, "cannot_write", path=target, detail=detail), file=sys.stderr)
        return 1
    finally:
        context.close()
    print(_text(lang, "done", path=target, pages=pages))
    return 0


def _parse_id(text: str, kind: str, lang: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        zh, en, listed = WHAT[kind]
        what = en if lang == "en" else zh
        print(_text(lang, "bad_id", value=text, what=what, kind=listed), file=sys.stderr)
        return None


def _target_problem(target: Path, *, folder: bool) -> str | None:
    """Why the output cannot be written there (a text key), before any work is done."""
    if folder:
        return "not_folder" if target.exists() and not target.is_dir() else None
    if target.is_dir():
        return "is_folder"
    if not target.parent.is_dir():
        return "no_folder"
    return None
