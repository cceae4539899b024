"""Command line: the GUI by default, subcommands for headless work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from firstbatch_desk import __version__
from firstbatch_desk.cli import (
    audit_command,
    backup_commands,
    calendar_command,
    commands,
    export_command,
    import_command,
    report_commands,
    sync_commands,
)
from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.errors import FirstBatchError

LIST_KINDS = ("enterprises", "products", "recognitions", "cases", "visits", "needs")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="firstbatch-desk",
        description="首批次跟踪服务台 FirstBatch Desk: follow-up of first-batch new materials. "
        "Without a subcommand the program window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    data_dir_option(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="打开演示数据（首次自动生成）/ open a demo data directory, made on first use",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="生成演示数据 / fill a new data directory with demo data")
    data_dir_option(demo)
    demo.add_argument(
        "--scale", type=int, default=600, metavar="N", help="走访记录条数 / number of visits"
    )
    demo.add_argument("--seed", type=int, default=2026, help="随机种子 / random seed")

    info = sub.add_parser("info", help="数据库信息 / database path, schema and counts")
    data_dir_option(info)
    info.add_argument("--json", action="store_true", help="输出 JSON / print JSON")

    listing = sub.add_parser("list", help="列出记录 / list records")
    listing.add_argument("kind", choices=LIST_KINDS)
    data_dir_option(listing)
    listing.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    listing.add_argument("--limit", type=int, default=50, metavar="N", help="最多条数 / at most N")
    listing.add_argument("--search", default="", metavar="TEXT", help="搜索 / search text")

    check = sub.add_parser("check", help="完整性检查 / check the database for damage")
    data_dir_option(check)
    report_commands.add_report_parser(sub)
    calendar_command.add_calendar_parser(sub)
    export_command.add_export_parser(sub)
    import_command.add_import_parser(sub)
    backup_commands.add_backup_parsers(sub)
    audit_command.add_audit_parser(sub)
    sync_commands.add_sync_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``firstbatch-desk``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "limit", 1) is not None and getattr(args, "limit", 1) < 1:
        parser.error("--limit must be at least 1")
    if getattr(args, "scale", 1) < 1:
        parser.error("--scale must be at least 1")
    handlers = {
        None: commands.run_gui,
        "demo": commands.demo,
        "info": commands.info,
        "list": commands.list_records,
        "check": commands.check,
        "report": report_commands.run,
        "calendar": calendar_command.run,
        "export": export_command.run,
        "import": import_command.run,
        "backup": backup_commands.run_backup,
        "restore": backup_commands.run_restore,
        "audit": audit_command.run,
        "hub": sync_commands.run_hub,
        "sync": sync_commands.run_sync,
    }
    try:
        return handlers[args.command](args)
    except FirstBatchError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `firstbatch-desk list visits | head`
        sys.stderr.close()
        return 0
    except Exception as exc:
        error = commands.as_storage_error(exc, args)
        if error is None:
            raise
        print(error.message(args.lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
