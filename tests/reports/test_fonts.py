"""The report font: registration, TrueType-only, coverage of every printed character."""

from __future__ import annotations

import dataclasses
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from firstbatch_desk.reports import fonts
from firstbatch_desk.reports.errors import FontError
from tests.reports import samples
from tests.reports.pdfcheck import page_texts


def _strings(value: object) -> list[str]:
    """Every string inside a (nested) report DTO."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return [str(value)] if value is not None else []


def _fake_cff(path: Path) -> Path:
    """A minimal sfnt with the 'OTTO' tag and a 'CFF ' table entry."""
    header = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0)
    path.write_bytes(header + struct.pack(">4sIII", b"CFF ", 0, 28, 4) + b"\0" * 4)
    return path


def test_the_shipped_font_registers_once_and_has_its_licence(font_path: Path) -> None:
    name = fonts.register_font(font_path)
    assert name == fonts.register_font(font_path) == fonts.register_font(None)
    assert fonts.outline_kind(font_path) == "truetype"
    assert fonts.font_family_name(font_path) == "文泉驿微米黑"
    folder = font_path.parent
    assert "Apache-2.0" in (folder / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert (folder / "README.md").is_file()


@pytest.mark.parametrize("kind", ["case_file", "visit_sheet", "summary"])
def test_every_character_of_the_dtos_is_in_the_font(kind: str, font_path: Path) -> None:
    text = "".join(_strings(getattr(samples, kind)()))
    assert fonts.missing_characters(text, font_path) == set()


def test_every_character_a_report_prints_is_in_the_font(font_path: Path, tmp_path: Path) -> None:
    from firstbatch_desk.reports.case_file import build_case_file
    from firstbatch_desk.reports.summary import build_summary
    from firstbatch_desk.reports.visit_sheet import build_visit_sheet

    build_case_file(samples.case_file(redacted=True), tmp_path / "c.pdf", font_path=font_path)
    build_visit_sheet(samples.visit_sheet(), tmp_path / "v.pdf", font_path=font_path)
    build_summary(samples.summary(), tmp_path / "s.pdf", font_path=font_path)
    for name in ("c", "v", "s"):
        text = "".join(page_texts(tmp_path / f"{name}.pdf"))
        assert fonts.missing_characters(text, font_path) == set(), name


def test_an_exotic_character_is_reported_missing(font_path: Path) -> None:
    assert fonts.missing_characters("嘉兴𠀀市 \n", font_path) == {"𠀀"}


def test_a_cff_font_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    fake = _fake_cff(tmp_path / "SourceHanSerif.otf")
    assert fonts.outline_kind(fake) == "cff"
    with pytest.raises(FontError) as caught:
        fonts.register_font(fake)
    assert caught.value.code == "report.font_not_truetype"
    assert caught.value.field == "report_font"
    assert "TrueType" in caught.value.message("zh") and "CFF" in caught.value.message("en")


def test_a_collection_whose_first_font_is_cff_is_refused(tmp_path: Path) -> None:
    collection = tmp_path / "fake.ttc"
    inner = _fake_cff(tmp_path / "inner.otf").read_bytes()
    collection.write_bytes(b"ttcf" + struct.pack(">HHII", 1, 0, 1, 16) + inner)
    assert fonts.outline_kind(collection) == "cff"
    assert fonts.outline_kind(collection, subfont_index=3) == "unknown"


def test_missing_and_damaged_fonts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FontError) as caught:
        fonts.register_font(tmp_path / "nowhere.ttf")
    assert caught.value.code == "report.font_missing"
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 40)
    with pytest.raises(FontError):
        fonts.register_font(junk)


def test_installed_fonts_are_found_by_their_headers(font_path: Path, tmp_path: Path) -> None:
    nested = tmp_path / "fonts" / "cjk"
    nested.mkdir(parents=True)
    shutil.copy(font_path, nested / "WQY.TTC")
    _fake_cff(nested / "cff-in-disguise.ttf")
    (nested / "notes.txt").write_text("not a font", encoding="utf-8")
    found = fonts.list_installed_truetype_fonts([tmp_path / "fonts"])
    assert found == [nested / "WQY.TTC"]
    if Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():
        assert Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") in (
            fonts.list_installed_truetype_fonts()
        )


def test_importing_the_reports_package_and_fonts_does_not_load_reportlab() -> None:
    code = (
        "import sys, firstbatch_desk.reports, firstbatch_desk.reports.fonts, "
        "firstbatch_desk.reports.errors;"
        "print(any(m.startswith('reportlab') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_font_without_chinese_is_refused_and_not_offered() -> None:
    from pathlib import Path

    from firstbatch_desk.reports.errors import FontError
    from firstbatch_desk.reports.fonts import has_chinese, register_font

    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.exists():
        pytest.skip("no Latin-only TrueType font on this machine")
    assert not has_chinese(latin)
    with pytest.raises(FontError) as caught:
        register_font(latin)
    assert caught.value.code == "report.font_no_chinese"


def test_wrapped_lines_never_start_with_closing_punctuation() -> None:
    from firstbatch_desk.reports.fonts import register_font
    from firstbatch_desk.reports.layout import NO_LINE_START, wrap_lines

    font = register_font()
    text = "徐勇振（项目经理）、董刚丽（财务总监）、浙经信材料〔2022〕113号，" * 6
    for width in (40, 55, 70, 90, 130):
        lines = wrap_lines(text, font, 9, width)
        assert "".join(lines) == text
        assert all(line and line[0] not in NO_LINE_START for line in lines[1:]), lines
