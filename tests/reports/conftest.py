"""Fixtures of the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from firstbatch_desk.reports.fonts import default_font_path


@pytest.fixture(scope="session")
def font_path() -> Path:
    path = default_font_path()
    assert path.is_file(), "resources/fonts/wqy-microhei.ttc is missing"
    return path
