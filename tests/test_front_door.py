"""The README is the front door: its commands are the ones CI runs and users type."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands(text: str) -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", text, flags=re.S)


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run, test = _commands(readme)[:2]
    assert "pytest" in test and "firstbatch-desk --demo" in run
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_changelog_has_an_unreleased_section() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
