"""``firstbatch-desk audit verify | export -o FILE.xlsx | list``: the audit trail.

``verify`` walks the hash chain and recomputes every hash: exit status 0 and
"审计记录完整：N 条" when it is whole, 1 and the first broken entry when not.
``export`` writes every entry (hashes as stored) to an Excel workbook; ``list``
prints the newest entries. The database is opened read-only when it is up to date.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.dtos.audit import AuditEntryRow, AuditFilter, entity_label

TEXTS: dict[str, tuple[str, str]] = {
    "head": ("最后一条的哈希：{hash}", "Hash of the last entry: {hash}"),
    "checked": (
        "此前的 {count} 条核对无误。",
        "The {count} entries before it are intact.",
    ),
    "exported": ("已导出 {count} 条审计记录到 {path}", "Exported {count} audit entries to {path}"),
    "none": ("（没有审计记录）", "(no audit entries)"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def add_audit_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``audit verify``, ``audit export -o FILE.xlsx`` and ``audit list``."""
    parser = subparsers.add_parser(
        "audit", help="审计记录：校验、导出、列出 / audit trail: verify, export, list"
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="校验哈希链，指出第一处断裂 / check the hash chain, name the first break"
    )
    data_dir_option(verify)
    export = actions.add_parser("export", help="导出为 Excel / export to an .xlsx workbook")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE.xlsx", help="输出文件 / output file"
    )
    export.add_argument("--entity", default=None, metavar="TABLE", help="只导出此表 / one table")
    data_dir_option(export)
    listing = actions.add_parser("list", help="列出最新的审计记录 / list the newest entries")
    listing.add_argument(
        "--entity", default=None, metavar="TABLE", help="只列出此表（如 enterprises）/ one table"
    )
    listing.add_argument("--limit", type=int, default=50, metavar="N", help="最多条数 / at most N")
    listing.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    data_dir_option(listing)
    return parser


def run(args: argparse.Namespace) -> int:
    """Handle ``audit``; FirstBatchError goes up to ``main``, which prints it (exit 1)."""
    from firstbatch_desk.cli.commands import _open_existing

    context = _open_existing(args.data_dir)
    try:
        service = context.services.audit
        if args.audit_command == "verify":
            return _verify(service, args.lang)
        if args.audit_command == "export":
            return _export(service, args)
        rows = service.list_entries(AuditFilter(entity=args.entity or None), limit=args.limit)
    finally:
        context.close()
    _print_rows(rows, args.lang, as_json=args.json)
    return 0


def _verify(service: Any, lang: str) -> int:
    verdict = service.verify()
    if verdict.ok:
        print(verdict.message(lang))
        print(_text(lang, "head", hash=verdict.head_hash))
        return 0
    print(verdict.message(lang), file=sys.stderr)
    print(_text(lang, "checked", count=verdict.checked), file=sys.stderr)
    return 1


def _export(service: Any, args: argparse.Namespace) -> int:
    from pathlib import Path

    target = Path(args.output).expanduser()
    count = service.export(target, AuditFilter(entity=args.entity or None))
    print(_text(args.lang, "exported", count=count, path=target))
    return 0


def _print_rows(rows: list[AuditEntryRow], lang: str, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps([_as_json(row) for row in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        print(_text(lang, "none"))
        return
    for row in rows:
        when = row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        fields = row.changed_fields()
        if len(fields) > 60:
            fields = fields[:59] + "…"
        print(
            f"{row.seq:>7}  {when}  {row.actor}  {row.action.label(lang)}  "
            f"{entity_label(row.entity, lang)}  {row.entity_id}  {fields}"
        )


def _as_json(row: AuditEntryRow) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "at": row.at.isoformat(),
        "actor": row.actor,
        "action": row.action.value,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "before": row.values_before() if row.before is not None else None,
        "after": row.values_after() if row.after is not None else None,
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    }
