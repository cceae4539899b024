"""Packaging: resources are found from a checkout and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from firstbatch_desk.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_resources_are_found_from_the_checkout() -> None:
    assert resource_path("reference", "divisions.json").is_file()
    assert resource_path("demo").is_dir()


@pytest.mark.slow
def test_resources_are_found_from_an_installed_wheel(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist")))))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "firstbatch_desk/_resources/reference/divisions.json" in names
        assert any(n.startswith("firstbatch_desk/db/migrations/versions/0001") for n in names)
        archive.extractall(tmp_path / "site")
    code = (
        "import firstbatch_desk.paths as p, json;"
        "path = p.resource_path('reference', 'divisions.json');"
        "assert '_resources' in str(path), path;"
        "print(len(json.load(open(path, encoding='utf-8'))['divisions']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "7"
