"""走访记录表: one page, the form's values, signature lines."""

from __future__ import annotations

from pathlib import Path

from firstbatch_desk.reports.visit_sheet import build_visit_sheet
from tests.reports import samples
from tests.reports.pdfcheck import dark_pixels, page_texts


def test_the_sheet_fits_one_page_with_its_values(font_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "visit.pdf"
    data = samples.visit_sheet()
    assert build_visit_sheet(data, target, font_path=font_path) == 1
    (text,) = page_texts(target)
    for value in (
        "走访记录表",
        samples.ENTERPRISE,
        samples.CREDIT_CODE,
        data.address,
        "2024-01-03",
        "王建国、陈志强",
        "张伟（总经理）",
        "月产能约 1,200 吨",
        "合同金额：120.50 万元",
        "首批次保险补偿政策",
        "SQ-2024-0002",
        "2024-04-15",
        "走访人员（签字）",
        "企业代表（签字）",
        "第 1 页 共 1 页",
    ):
        assert value in text, value
    dark, total = dark_pixels(target, tmp_path)
    assert dark > total * 0.01


def test_a_very_long_record_flows_onto_a_second_page(font_path: Path, tmp_path: Path) -> None:
    import dataclasses

    data = samples.visit_sheet(needs=25)
    long_visit = dataclasses.replace(data.visit, summary="企业介绍了生产经营情况。" * 120)
    target = tmp_path / "long.pdf"
    pages = build_visit_sheet(
        dataclasses.replace(data, visit=long_visit), target, font_path=font_path
    )
    texts = page_texts(target)
    assert pages == len(texts) >= 2
    assert "企业代表（签字）" in texts[-1]
    assert f"第 {pages} 页 共 {pages} 页" in texts[-1]
