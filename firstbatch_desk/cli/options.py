"""Options every command takes."""

from __future__ import annotations

import argparse


def data_dir_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` (and ``--lang``) before or after the subcommand mean the same.

    On subcommands the options default to "not given" (SUPPRESS), so a value given
    before the subcommand is not overwritten by the subcommand's default.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="数据目录（默认取 FIRSTBATCH_DESK_HOME 或系统用户数据目录）/ data directory",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh" if top else argparse.SUPPRESS,
        help="提示语言 / message language",
    )
