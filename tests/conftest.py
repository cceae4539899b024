"""Shared fixtures: offscreen Qt, a fixed locale, and a migrated template database.

The template data directory is created (migrated, reference data loaded) once
per test session and copied into ``tmp_path`` for each test that needs one:
a real file on disk, never ``:memory:``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--onscreen", action="store_true", help="show widgets on a real screen while testing"
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    os.environ["LANG"] = "zh_CN.UTF-8"
    os.environ.pop("FIRSTBATCH_DESK_HOME", None)


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from firstbatch_desk.app import open_context

    directory = tmp_path_factory.mktemp("template") / "data"
    context = open_context(directory)
    context.close()
    return directory


@pytest.fixture
def data_dir(template_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(template_dir, target)
    return target


@pytest.fixture
def context(data_dir: Path) -> Iterator[object]:
    from firstbatch_desk.app import open_context

    ctx = open_context(data_dir)
    yield ctx
    ctx.close()
