"""案卷: values read back, pages numbered, header repeated, photos, atomic writing."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from firstbatch_desk.domain.dtos.reports import AttachmentLine
from firstbatch_desk.reports.case_file import VISIT_COLUMNS, build_case_file
from firstbatch_desk.reports.errors import FontError, ReportWriteError
from tests.reports import samples
from tests.reports.pdfcheck import dark_pixels, page_texts


def test_the_values_that_matter_are_printed(font_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "案卷.pdf"
    pages = build_case_file(samples.case_file(), target, font_path=font_path)
    texts = page_texts(target)
    assert pages == len(texts)
    whole = "\n".join(texts)
    unwrapped = whole.replace("\n", "")  # cells wrap long values
    for value in (
        samples.ENTERPRISE,
        samples.CREDIT_CODE,
        samples.CASE_NO,
        samples.BUREAU,
        "浙经信材料〔2023〕197号",
        "SQ-2024-0004",
        "市经信局材料处",
        "五、走访记录（共 6 次）",
        "六、问题诉求（共 4 项）",
        "承办人",
        "审核人",
    ):
        assert value in unwrapped, value
    assert "已隐去个人信息" not in whole
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
        assert "打印时间：2024-10-08 09:30" in text


def test_page_one_is_drawn(font_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "case.pdf"
    build_case_file(samples.case_file(), target, font_path=font_path)
    dark, total = dark_pixels(target, tmp_path)
    assert dark > total * 0.01, (dark, total)


def test_three_hundred_visits_span_pages_with_the_header_repeated(
    font_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "long.pdf"
    pages = build_case_file(samples.case_file(visits=300), target, font_path=font_path)
    texts = page_texts(target)
    assert pages >= 10
    start = next(i for i, t in enumerate(texts) if "五、走访记录（共 300 次）" in t)
    end = next(i for i, t in enumerate(texts) if "六、问题诉求" in t)
    assert end - start >= 8
    for text in texts[start : end + 1]:
        assert all(column in text for column in VISIT_COLUMNS), text[:200]
    visits = re.findall(r"第 (\d+) 次走访", "\n".join(texts))
    assert sorted(map(int, visits)) == list(range(1, 301))


def test_redaction_is_announced_on_every_page(font_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "redacted.pdf"
    build_case_file(samples.case_file(visits=40, redacted=True), target, font_path=font_path)
    texts = page_texts(target)
    assert len(texts) > 1
    assert all("（已隐去个人信息）" in text for text in texts)


def test_photos_are_embedded_with_captions(font_path: Path, tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "车间.png"
    Image.new("RGBA", (2400, 1350), (40, 90, 160, 255)).save(photo)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    attachments = (
        AttachmentLine("车间.png", "照片", photo.stat().st_size, "生产车间现场", str(photo)),
        AttachmentLine("broken.jpg", "照片", 10, "损坏的照片", str(broken)),
        AttachmentLine("gone.jpg", "照片", 10, "已删除的照片", str(tmp_path / "gone.jpg")),
        AttachmentLine("检测报告.pdf", "扫描件", 2_400_000, "第三方检测报告"),
    )
    target = tmp_path / "photos.pdf"
    build_case_file(
        samples.case_file(attachments=attachments, embed_photos=True), target, font_path=font_path
    )
    whole = "\n".join(page_texts(target))
    assert "生产车间现场" in whole and "第三方检测报告" in whole and "2.3 MB" in whole
    assert "损坏的照片（图片无法读取）" in whole
    from pypdf import PdfReader

    images = [img for page in PdfReader(target).pages for img in page.images]
    assert len(images) == 1
    assert images[0].image.size == (1600, 900)  # scaled down for print, not the camera's size


def test_a_file_object_receives_the_pdf(font_path: Path) -> None:
    buffer = io.BytesIO()
    pages = build_case_file(samples.case_file(), buffer, font_path=font_path)
    assert buffer.getvalue().startswith(b"%PDF-")
    assert len(page_texts(buffer.getvalue())) == pages


def test_a_failed_build_leaves_the_old_file_and_no_debris(font_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "case.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(FontError):
        build_case_file(samples.case_file(), target, font_path=tmp_path / "nowhere.ttf")
    broken = samples.case_file(visits=3)
    object.__setattr__(broken.visits[1], "summary", None)  # a bug upstream
    with pytest.raises(Exception):  # noqa: B017 - whatever ReportLab raises
        build_case_file(broken, target, font_path=font_path)
    assert target.read_bytes() == b"old report"
    assert os.listdir(tmp_path) == ["case.pdf"]


def test_a_write_that_fails_halfway_keeps_the_old_file(
    font_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "case.pdf"
    target.write_bytes(b"old report")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReportWriteError) as caught:
        build_case_file(samples.case_file(), target, font_path=font_path)
    assert "No space left" in caught.value.message("en")
    assert target.read_bytes() == b"old report"
    assert os.listdir(tmp_path) == ["case.pdf"]


def test_an_unwritable_target_is_a_typed_error(font_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportWriteError) as caught:
        build_case_file(
            samples.case_file(), tmp_path / "no" / "such" / "dir.pdf", font_path=font_path
        )
    assert caught.value.code == "report.write_failed"
