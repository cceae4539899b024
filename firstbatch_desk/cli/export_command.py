"""``firstbatch-desk export KIND -o FILE.xlsx``: a ledger (台账) as an Excel workbook.

The rows are those the program's list shows for the same search text, in the
list's default order. The database is opened read-only when it is up to date.
A bad target, a folder that cannot be written or a full disk gives a message
and exit status 1, and no file (an existing file of that name is left as it was).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.filters import (
    CaseFilter,
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)

KINDS: dict[str, tuple[LedgerKind, Callable[[str], object]]] = {
    "enterprises": (LedgerKind.ENTERPRISES, lambda text: EnterpriseFilter(search=text)),
    "recognitions": (LedgerKind.RECOGNITIONS, lambda text: RecognitionFilter(search=text)),
    "cases": (LedgerKind.CASES, lambda text: CaseFilter(search=text)),
    "visits": (LedgerKind.VISITS, lambda text: VisitFilter(search=text)),
    "needs": (LedgerKind.NEEDS, lambda text: NeedFilter(search=text)),
}
TEXTS: dict[str, tuple[str, str]] = {
    "done": ("已导出 {count} 条记录到 {path}", "Exported {count} rows to {path}"),
    "progress": ("正在导出{ledger}：{percent}%", "Exporting {ledger}: {percent}%"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def add_export_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``export enterprises|recognitions|cases|visits|needs -o FILE.xlsx [--search]``."""
    parser = subparsers.add_parser(
        "export", help="导出台账（Excel）/ export a ledger to an .xlsx workbook"
    )
    parser.add_argument("kind", choices=tuple(KINDS), help="台账 / ledger")
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.xlsx", help="输出文件 / output file"
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="只导出搜索到的记录（同列表的搜索框）/ only the records this search finds",
    )
    data_dir_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Handle ``export``; FirstBatchError goes up to ``main``, which prints it (exit 1)."""
    from firstbatch_desk.cli.commands import _open_existing

    kind, make_filter = KINDS[args.kind]
    target = Path(args.output).expanduser()
    context = _open_existing(args.data_dir)
    try:
        count = context.services.exports.export_ledger(
            kind,
            target,
            filters=make_filter(args.search),
            progress=_progress_printer(args.lang, kind.label(args.lang)),
        )
    finally:
        context.close()
    print(_text(args.lang, "done", count=count, path=target))
    return 0


def _progress_printer(lang: str, ledger: str) -> Callable[[int, int], None] | None:
    """Percentages on one line of a terminal; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    shown = -1

    def report(done: int, total: int) -> None:
        nonlocal shown
        percent = done * 100 // total if total else 100
        if percent != shown:
            shown = percent
            line = _text(lang, "progress", ledger=ledger, percent=percent)
            print(f"\r{line}", end="\n" if percent >= 100 else "", file=sys.stderr, flush=True)

    return report
