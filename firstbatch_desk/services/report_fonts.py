"""Fonts the officer may choose for reports: the shipped one and installed TrueType fonts."""

from __future__ import annotations

from firstbatch_desk.reports.fonts import (
    font_family_name,
    has_chinese,
    list_installed_truetype_fonts,
)


def available_fonts() -> list[tuple[str, str]]:
    """(name to show, path) of installed fonts that ReportLab can embed and that have the
    Chinese characters reports print, the shipped one first.

    The shipped font is listed with an empty path, which the settings store as
    "use the shipped font".
    """
    fonts: list[tuple[str, str]] = [("文泉驿微米黑（随程序提供）", "")]
    seen: set[str] = set()
    for path in list_installed_truetype_fonts():
        if not has_chinese(path):
            continue
        try:
            name = font_family_name(path)
        except (OSError, ValueError):
            continue
        label = f"{name}  ({path.name})"
        if label not in seen:
            seen.add(label)
            fonts.append((label, str(path)))
    return fonts
