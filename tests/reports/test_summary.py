"""定期汇总: printed numbers equal the DTO's, charts drawn, progress, cancel."""

from __future__ import annotations

import dataclasses
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from firstbatch_desk.reports.errors import ReportCancelled
from firstbatch_desk.reports.summary import REGISTER_COLUMNS, build_summary, closure_text
from tests.reports import samples
from tests.reports.pdfcheck import dark_pixels, page_texts


def _build(tmp_path: Path, font_path: Path, **kw: object) -> tuple[list[str], int]:
    target = tmp_path / "summary.pdf"
    pages = build_summary(samples.summary(**kw), target, font_path=font_path)  # type: ignore[arg-type]
    return page_texts(target), pages


def test_printed_numbers_equal_the_dtos(font_path: Path, tmp_path: Path) -> None:
    data = samples.summary()
    target = tmp_path / "summary.pdf"
    pages = build_summary(data, target, font_path=font_path)
    texts = page_texts(target)
    whole = "\n".join(texts)
    figures = {
        "走访次数": str(data.visits_total),
        "走访企业数": str(data.enterprises_visited),
        "新增诉求": str(data.needs_opened),
        "办结诉求": str(data.needs_closed),
        "逾期诉求": str(data.needs_overdue),
        "办结率": f"{data.closure_rate}%",
    }
    for label, value in figures.items():
        assert re.search(rf"^\s*{label}\s+{re.escape(value)}\s*$", whole, re.M), label
    for group in (data.by_division, data.by_scheme, data.by_tier, data.by_need_category):
        for line in group:
            assert re.search(rf"^\s*{re.escape(line.label)}\s+{line.count}\s", whole, re.M), line
        assert re.search(rf"^\s*合计\s+{sum(c.count for c in group)}\s", whole, re.M)
    for officer in data.by_officer:
        row = rf"^\s*{officer.officer}\s+{officer.visits}\s+{officer.enterprises}\s*$"
        assert re.search(row, whole, re.M), officer
    assert "统计期间：2024年第一季度（2024-01-01 至 2024-03-31）" in whole
    assert "统计范围：全市" in whole
    assert f"超过 {data.idle_days} 天未走访的企业（{len(data.idle_enterprises)} 家）" in whole
    assert "从未走访" in whole
    assert f"附录：走访登记（共 {len(data.visit_register)} 次）" in whole
    assert "各区县走访次数" in whole and "问题诉求类别分布" in whole
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
    dark, total = dark_pixels(target, tmp_path)
    assert dark > total * 0.01


def test_the_register_is_chunked_with_its_header_on_every_page(
    font_path: Path, tmp_path: Path
) -> None:
    texts, pages = _build(tmp_path, font_path, register=700)
    start = next(i for i, t in enumerate(texts) if "附录：走访登记（共 700 次）" in t)
    assert pages - start >= 10
    for text in texts[start:]:
        assert all(column in text for column in REGISTER_COLUMNS)
    rows = re.findall(r"^\s*2024-\d\d-\d\d\s", "\n".join(texts[start:]), re.M)
    assert len(rows) == 700


def test_closure_rate_is_printed_as_the_dto_holds_it() -> None:
    assert closure_text(Decimal("75.45")) == "75.45%"
    assert closure_text(Decimal("100.00")) == "100.00%"
    assert closure_text(Decimal("0")) == "0%"
    assert closure_text(Decimal("1E+2")) == "100%"


def test_an_empty_period_still_prints(font_path: Path, tmp_path: Path) -> None:
    empty = dataclasses.replace(
        samples.summary(register=0, idle=0),
        division="南湖区",
        visits_total=0,
        enterprises_visited=0,
        by_division=(),
        by_scheme=(),
        by_tier=(),
        by_need_category=(),
        by_officer=(),
        needs_opened=0,
        needs_closed=0,
        needs_overdue=0,
        closure_rate=Decimal("0"),
    )
    target = tmp_path / "empty.pdf"
    assert build_summary(empty, target, font_path=font_path) >= 1
    whole = "\n".join(page_texts(target))
    assert "统计范围：南湖区" in whole and "（无）" in whole and "（无数据）" in whole


def test_progress_rises_to_its_total(font_path: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    build_summary(
        samples.summary(register=450),
        tmp_path / "s.pdf",
        font_path=font_path,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert len({total for _, total in calls}) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(calls) > 5


@pytest.mark.parametrize("after_calls", [0, 3, 60])
def test_cancelling_writes_nothing(font_path: Path, tmp_path: Path, after_calls: int) -> None:
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > after_calls

    target = tmp_path / "summary.pdf"
    with pytest.raises(ReportCancelled) as caught:
        build_summary(
            samples.summary(register=900), target, font_path=font_path, cancelled=cancelled
        )
    assert caught.value.message("en") == "Report generation was cancelled."
    assert os.listdir(tmp_path) == []
