"""``firstbatch-desk backup`` and ``firstbatch-desk restore BACKUP``.

``backup`` copies the database with SQLite's online backup API (the program
may be running meanwhile), checks the copy, backs up new attachment files and
rotates the backup folder; ``backup --list`` shows the backups, newest first.
``restore`` asks nothing: it checks the backup, copies the current database
aside and puts the backup in its place; a bad backup is refused with a message
(exit status 1) and nothing changes. No engine of the program is opened.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from firstbatch_desk.cli.options import data_dir_option
from firstbatch_desk.domain.dtos.backups import BackupInfo, RestoreResult
from firstbatch_desk.domain.messages import render
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths

TEXTS: dict[str, tuple[str, str]] = {
    "made": ("已备份到 {path}（{size}），核对无误。", "Backed up to {path} ({size}), verified."),
    "records": ("  记录：{counts}", "  Records: {counts}"),
    "attachments": (
        "  附件：新增 {new} 个，此前已备份 {present} 个",
        "  Attachments: {new} new, {present} backed up before",
    ),
    "damaged": (
        "  注意：{count} 个附件文件与其校验值不符（已损坏），未备份：{hashes}",
        "  Warning: {count} attachment files do not match their checksum (damaged) and "
        "were not backed up: {hashes}",
    ),
    "missing": (
        "  注意：数据库中有 {count} 个附件在备份中没有文件：{hashes}",
        "  Warning: {count} attachments named in the database have no file in the backup: {hashes}",
    ),
    "folder": ("备份文件夹：{path}", "Backup folder: {path}"),
    "none": ("（还没有备份）", "(no backups yet)"),
    "verified": ("核对无误", "verified"),
    "unverified": ("未核对：{problem}", "not verified: {problem}"),
    "restored": ("已从 {path} 恢复数据库。", "The database was restored from {path}."),
    "aside": (
        "恢复前的数据库已另存为 {path}",
        "The database as it was before has been kept as {path}",
    ),
    "aside_raw": (
        "恢复前的数据库已损坏，已原样另存为 {path}",
        "The database as it was before was damaged; it has been kept byte for byte as {path}",
    ),
    "no_aside": (
        "数据目录中原本没有数据库，没有需要另存的。",
        "There was no database in the data directory, so nothing was copied aside.",
    ),
    "upgrade": (
        "这份备份的数据结构较旧（{revision}），下次打开时会自动升级。",
        "This backup has an older schema ({revision}); it is upgraded when next opened.",
    ),
    "attachments_back": (
        "从备份取回附件文件 {count} 个。",
        "{count} attachment files were brought back from the backup folder.",
    ),
}
REGISTERS = {
    "enterprises": ("企业", "enterprises"),
    "recognitions": ("认定", "recognitions"),
    "cases": ("档案", "cases"),
    "visits": ("走访", "visits"),
    "needs": ("诉求", "needs"),
}


def _text(lang: str, key: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def add_backup_parsers(subparsers: Any) -> None:
    """Add ``backup [--reason R | --list [--json]]`` and ``restore BACKUP``."""
    backup = subparsers.add_parser(
        "backup", help="备份数据库和附件，或列出备份 / back up the database, or list backups"
    )
    backup.add_argument(
        "--reason",
        default="manual",
        metavar="R",
        help="备份原因，写进文件名（小写字母和连字符）/ reason, put in the file name",
    )
    backup.add_argument("--list", action="store_true", help="列出备份 / list the backups")
    backup.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    data_dir_option(backup)
    restore = subparsers.add_parser(
        "restore",
        help="用一份备份替换数据库（先另存当前数据库）/ "
        "replace the database with a backup (the current one is copied aside first)",
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help="备份文件（或备份文件夹中的文件名）/ backup file"
    )
    data_dir_option(restore)


def run_backup(args: argparse.Namespace) -> int:
    """Handle ``backup``; FirstBatchError goes up to ``main``, which prints it (exit 1)."""
    from firstbatch_desk.services.backups import list_backups, take_backup

    paths = AppPaths.resolve(args.data_dir)
    if args.list:
        _print_list(paths, list_backups(paths), args.lang, as_json=args.json)
        return 0
    info = take_backup(paths, args.reason)
    if args.json:
        print(json.dumps(_as_json(info, args.lang), ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(_text(lang, "made", path=info.path, size=_size(info.size)))
    print(_text(lang, "records", counts=_registers(info.live_counts, lang)))
    copy = info.attachments
    print(_text(lang, "attachments", new=copy.new, present=copy.present))
    if copy.damaged:
        print(_text(lang, "damaged", count=len(copy.damaged), hashes=_hashes(copy.damaged)))
    if copy.missing:
        print(_text(lang, "missing", count=len(copy.missing), hashes=_hashes(copy.missing)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Handle ``restore``: no question asked; a refused backup is exit status 1."""
    from firstbatch_desk.services.backup_restore import restore_database

    paths = AppPaths.resolve(args.data_dir)
    chosen = Path(args.backup).expanduser()
    if not chosen.exists() and (paths.backup_dir / chosen.name).exists():
        chosen = paths.backup_dir / chosen.name
    with InstanceLock(paths.lock_file):
        result = restore_database(paths, chosen)
    _print_restore(result, args.lang)
    return 0


def _print_restore(result: RestoreResult, lang: str) -> None:
    print(_text(lang, "restored", path=result.restored_from))
    if result.copied_aside is None:
        print(_text(lang, "no_aside"))
    else:
        key = "aside" if result.aside_verified else "aside_raw"
        print(_text(lang, key, path=result.copied_aside))
    print(_text(lang, "records", counts=_registers(result.live_counts, lang)))
    if result.attachments_restored:
        print(_text(lang, "attachments_back", count=result.attachments_restored))
    if result.needs_upgrade:
        print(_text(lang, "upgrade", revision=result.schema_revision))


def _print_list(paths: AppPaths, backups: list[BackupInfo], lang: str, *, as_json: bool) -> None:
    if as_json:
        listing = {"folder": str(paths.backup_dir), "backups": [_as_json(b, lang) for b in backups]}
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    print(_text(lang, "folder", path=paths.backup_dir))
    if not backups:
        print(_text(lang, "none"))
    for info in backups:
        state = (
            _text(lang, "verified")
            if info.verified
            else _text(lang, "unverified", problem=render(info.problem, lang))
        )
        when = info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {info.reason or '—':<16} {_size(info.size):>9}  {state}  {info.path.name}")
        if info.live_counts:
            print(f"    {_registers(info.live_counts, lang)}")


def _as_json(info: BackupInfo, lang: str) -> dict[str, Any]:
    return {
        "path": str(info.path),
        "taken_at": info.taken_at.isoformat(),
        "reason": info.reason,
        "size": info.size,
        "verified": info.verified,
        "problem": render(info.problem, lang) if info.problem else "",
        "schema_revision": info.schema_revision,
        "counts": info.counts,
        "live_counts": info.live_counts,
        "attachments": {
            "new": info.attachments.new,
            "present": info.attachments.present,
            "damaged": list(info.attachments.damaged),
            "missing": list(info.attachments.missing),
        },
    }


def _registers(counts: dict[str, int], lang: str) -> str:
    """Records of the main registers, e.g. "企业 12, 认定 30, …"."""
    return ", ".join(
        f"{REGISTERS[name][lang == 'en']} {counts[name]}" for name in REGISTERS if name in counts
    )


def _hashes(hashes: tuple[str, ...]) -> str:
    shown = ", ".join(h[:12] for h in hashes[:5])
    return shown + (" …" if len(hashes) > 5 else "")


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
