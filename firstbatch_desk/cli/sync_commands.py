"""``firstbatch-desk hub init`` and ``firstbatch-desk sync …``: the office hub.

``hub init --url URL`` prepares a PostgreSQL database as the hub (schema, hub id,
bureau key; idempotent); ``--key-file FILE`` also writes the key for laptops that
never reach the network. ``sync [--url URL]`` pushes this laptop's changes and
pulls the hub's. ``sync export-bundle -o FILE`` writes this laptop's changes to a
signed file; with ``--url URL --for INSTALLATION`` it writes the hub's changes for
that laptop instead. ``sync import-bundle FILE`` takes a hub's bundle in on a
laptop; with ``--url URL`` a laptop's bundle into the hub. ``sync status``,
``sync conflicts`` and ``sync register --key-file FILE`` complete the set. The URL
defaults to the one remembered in the settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.cli.output import progress_printer
from firstbatch_desk.domain.dtos.sync import BundleResult, field_label
from firstbatch_desk.domain.messages import render
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths

TEXTS: dict[str, tuple[str, str]] = {
    "hub_ready": (
        "总库已就绪：编号 {hub_id}，单位密钥指纹 {key_id}{made}",
        "The hub is ready: id {hub_id}, bureau key fingerprint {key_id}{made}",
    ),
    "hub_made": ("（新建）", " (new)"),
    "key_written": (
        "密钥文件已写到 {path}：请妥善保管，只交给本局的电脑。",
        "The key file was written to {path}: keep it safe; give it only to the bureau's computers.",
    ),
    "registered": ("本机已登记到总库 {hub_id}。", "This computer is registered with hub {hub_id}."),
    "no_url": (
        "请用 --url 指定总库地址（例如 postgresql+psycopg://用户:密码@服务器/数据库）。",
        "Name the hub with --url (e.g. postgresql+psycopg://user:password@server/database).",
    ),
    "bundle_out": (
        "已写出同步包 {path}：{records} 条记录，附件 {files} 个。",
        "Bundle written to {path}: {records} records, {files} attachments.",
    ),
    "bundle_in": (
        "已导入同步包 {path}：{records} 条记录，附件 {files} 个，新冲突 {conflicts} 处。",
        "Bundle {path} imported: {records} records, {files} attachments, "
        "{conflicts} new conflicts.",
    ),
    "status": (
        "本机编号 {installation}\n总库 {hub}\n上次同步 {last}\n待上传 {pending} 条\n"
        "未处理的冲突 {conflicts} 处",
        "This computer {installation}\nHub {hub}\nLast sync {last}\nWaiting to go up "
        "{pending}\nOpen conflicts {conflicts}",
    ),
    "never": ("从未", "never"),
    "unregistered": ("（未登记）", "(not registered)"),
    "no_conflicts": ("没有未处理的冲突。", "No open conflicts."),
    "conflict": (
        "{record} · {field}：本机“{mine}”，总库“{theirs}”，现用{winner}的值",
        "{record} · {field}: here “{mine}”, hub “{theirs}”, now holding {winner}",
    ),
    "mine": ("本机", "this computer's"),
    "theirs": ("总库", "the hub's"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def _url_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--url",
        default=None if top else argparse.SUPPRESS,
        metavar="URL",
        help="总库地址 postgresql+psycopg://… / the hub's address",
    )


def add_sync_parsers(subparsers: Any) -> None:
    hub = subparsers.add_parser("hub", help="办公室总库 / the office hub (PostgreSQL)")
    hub_actions = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    init = hub_actions.add_parser("init", help="准备总库 / prepare the hub database")
    _url_option(init, top=True)
    init.add_argument(
        "--key-file", metavar="FILE", default=None, help="写出密钥文件 / write the key file"
    )
    data_dir_option(init)

    sync = subparsers.add_parser("sync", help="与总库同步 / sync with the office hub")
    _url_option(sync, top=True)
    data_dir_option(sync)
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    export = actions.add_parser("export-bundle", help="写出同步包 / write a bundle file")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument(
        "--for",
        dest="for_installation",
        default=None,
        metavar="INSTALLATION",
        help="（在办公室）为这台电脑导出总库的改动 / (office) the hub's changes for that laptop",
    )
    _url_option(export)
    data_dir_option(export)
    imported = actions.add_parser("import-bundle", help="导入同步包 / import a bundle file")
    imported.add_argument("file", metavar="FILE")
    _url_option(imported)
    data_dir_option(imported)
    register = actions.add_parser("register", help="用密钥文件登记 / register with a key file")
    register.add_argument("--key-file", required=True, metavar="FILE")
    data_dir_option(register)
    status = actions.add_parser("status", help="同步状态 / sync status")
    data_dir_option(status)
    conflicts = actions.add_parser("conflicts", help="未处理的冲突 / open conflicts")
    conflicts.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    data_dir_option(conflicts)


def run_hub(args: argparse.Namespace) -> int:
    from firstbatch_desk.app import open_context

    if not args.url:
        print(_text(args.lang, "no_url"), file=sys.stderr)
        return 2
    context = open_context(args.data_dir)
    try:
        service = context.services.sync
        facts, made = service.init_hub(args.url)
        made_text = _text(args.lang, "hub_made") if made else ""
        print(
            _text(args.lang, "hub_ready", hub_id=facts.hub_id, key_id=facts.key_id, made=made_text)
        )
        if args.key_file:
            service.write_key_file(args.url, Path(args.key_file))
            print(_text(args.lang, "key_written", path=args.key_file))
    finally:
        context.close()
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from firstbatch_desk.app import open_context

    with InstanceLock(AppPaths.resolve(args.data_dir).lock_file):
        context = open_context(args.data_dir)
        try:
            return _run(args, context)
        finally:
            context.close()


def _run(args: argparse.Namespace, context: Any) -> int:
    lang, service, action = args.lang, context.services.sync, args.sync_command
    url = getattr(args, "url", None) or context.settings.hub_url
    if action == "register":
        hub_id = service.register_with_key_file(Path(args.key_file))
        print(_text(lang, "registered", hub_id=hub_id))
        return 0
    if action == "status":
        return _status(lang, context)
    if action == "conflicts":
        return _conflicts(args, service)
    if action == "export-bundle":
        if args.for_installation:
            if not url:
                print(_text(lang, "no_url"), file=sys.stderr)
                return 2
            result = service.export_hub_bundle(url, args.for_installation, Path(args.output))
        else:
            result = service.export_bundle(Path(args.output))
        print(
            _text(lang, "bundle_out", path=result.path, records=result.records, files=result.files)
        )
        return 0
    if action == "import-bundle":
        given = getattr(args, "url", None)
        result = (
            service.import_hub_bundle(given, Path(args.file))
            if given
            else service.import_bundle(Path(args.file))
        )
        _print_bundle(lang, result)
        return 0
    if not url:
        print(_text(lang, "no_url"), file=sys.stderr)
        return 2
    report = service.sync(url, progress_printer())
    _remember(context, url)
    print(
        render(
            "sync.done",
            lang,
            pushed=report.pushed,
            pulled=report.pulled,
            files=report.files,
            conflicts=report.conflicts,
        )
    )
    return 0


def _remember(context: Any, url: str) -> None:
    if context.settings.hub_url != url:
        context.settings.hub_url = url
        context.settings.save(context.paths.settings_file)


def _print_bundle(lang: str, result: BundleResult) -> None:
    print(
        _text(
            lang,
            "bundle_in",
            path=result.path,
            records=result.records,
            files=result.files,
            conflicts=result.conflicts,
        )
    )


def _status(lang: str, context: Any) -> int:
    status = context.services.sync.status()
    print(
        _text(
            lang,
            "status",
            installation=context.settings.installation_id[:32],
            hub=status.hub_id or _text(lang, "unregistered"),
            last=status.last_sync[:19].replace("T", " ") or _text(lang, "never"),
            pending=status.pending,
            conflicts=status.open_conflicts,
        )
    )
    return 0


def _conflicts(args: argparse.Namespace, service: Any) -> int:
    rows = service.conflicts()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": str(row.id),
                        "record": row.record,
                        "field": row.field,
                        "mine": row.mine,
                        "theirs": row.theirs,
                        "winner": row.winner,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows:
        print(_text(args.lang, "no_conflicts"))
    for row in rows:
        print(
            _text(
                args.lang,
                "conflict",
                record=row.record,
                field=field_label(row.field, args.lang),
                mine=row.mine,
                theirs=row.theirs,
                winner=_text(args.lang, row.winner),
            )
        )
    return 0
