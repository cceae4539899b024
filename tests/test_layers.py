"""The layer rules of DESIGN.md, read from the source: imports only go down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "firstbatch_desk"

# Which of our own packages each part may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "db": {"domain"},
    "reports": {"domain"},
    "services": {"db", "domain", "reports", "paths", "settings"},
    "paths": {"domain"},
    "instance_lock": {"domain"},
    "settings": set(),
    "cli": {"app", "services", "domain", "paths", "settings", "ui", "instance_lock", "__init__"},
    "ui": {"services", "domain", "paths", "settings", "instance_lock", "__init__"},
    "app": {
        "db",
        "services",
        "domain",
        "paths",
        "settings",
        "ui",
        "reports",
        "instance_lock",
        "__init__",
    },
    "__main__": {"cli"},
    "__init__": set(),
}
# Third-party packages only some parts may import.
RESTRICTED = {
    "PySide6": {"ui", "app", "__main__"},
    "sqlalchemy": {"db", "services"},
    "alembic": {"db", "services"},
    "reportlab": {"reports"},
}


def _part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py") if len(relative.parts) > 1 else path.stem


def _runtime_imports(tree: ast.Module) -> list[str]:
    """Imported module names, except those under ``if TYPE_CHECKING:``."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for inner in ast.walk(child):
                    skipped.add(id(inner))
    names = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_resources" not in p.parts)


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path: Path) -> None:
    part = _part(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in _runtime_imports(tree):
        top = name.split(".")[0]
        if top == "firstbatch_desk":
            target = name.split(".")[1] if "." in name else "__init__"
            assert target == part or target in ALLOWED[part], (
                f"{path.relative_to(PACKAGE)} ({part}) must not import {name}"
            )
        elif top in RESTRICTED:
            assert part in RESTRICTED[top], (
                f"{path.relative_to(PACKAGE)} ({part}) must not import {top}"
            )


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    tree = ast.parse("from firstbatch_desk.db.models import Visit\nimport PySide6\n")
    assert _runtime_imports(tree) == ["firstbatch_desk.db.models", "PySide6"]
    hidden = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PySide6\n")
    assert _runtime_imports(hidden) == ["typing"]


def test_importing_the_package_does_no_work(tmp_path: Path) -> None:
    """No engine, no folders, no Qt at import time."""
    import subprocess
    import sys

    code = (
        "import sys, firstbatch_desk.app, firstbatch_desk.cli, firstbatch_desk.services;"
        "assert 'PySide6' not in sys.modules, 'Qt imported';"
        "assert 'reportlab' not in sys.modules, 'ReportLab imported'"
    )
    env = {
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "FIRSTBATCH_DESK_HOME": str(tmp_path / "h"),
    }
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert not (tmp_path / "h").exists()
    assert list(tmp_path.iterdir()) == []
