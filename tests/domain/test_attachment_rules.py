"""Attachment names, sizes and kinds: what an officer is told, and what is let through."""

from __future__ import annotations

import pytest

from firstbatch_desk.domain.attachment_rules import (
    MAX_ATTACHMENT_BYTES,
    check_attachment_name,
    check_attachment_size,
    clean_media_type,
    is_sha256,
    media_type_of,
    megabytes,
    with_extension,
)
from firstbatch_desk.domain.errors import ValidationError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("现场照片.jpg", "现场照片.jpg"),
        ("  走访记录表 (签字).pdf \u3000", "走访记录表 (签字).pdf"),
        ("cafe\u0301.png", "caf\u00e9.png"),  # NFD from macOS becomes NFC
        ("v1.2.docx", "v1.2.docx"),
        (".hidden", ".hidden"),
        # dots inside a name are text, not a parent folder
        ("关于...的通知.docx", "关于...的通知.docx"),
        ("报告..v2.pdf", "报告..v2.pdf"),
        ("照片..jpg", "照片..jpg"),
        ("..隐藏", "..隐藏"),
        ("未完...", "未完..."),
        ("x" * 251 + ".jpg", "x" * 251 + ".jpg"),
    ],
)
def test_good_names_are_cleaned(raw: str, clean: str) -> None:
    assert check_attachment_name(raw) == clean


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("", "attachment.name_empty", "不能为空"),
        ("a/b.jpg", "attachment.name_separator", "路径分隔符"),
        ("a\\b.jpg", "attachment.name_separator", "路径分隔符"),
        (".", "attachment.name_dots", "只由点或空格"),
        ("..", "attachment.name_dots", "只由点或空格"),
        ("...", "attachment.name_dots", "只由点或空格"),
        ("   ", "attachment.name_dots", "只由点或空格"),
        (". . .", "attachment.name_dots", "只由点或空格"),
        (" .. ", "attachment.name_dots", "只由点或空格"),
        ("..\u3000.", "attachment.name_dots", "只由点或空格"),
        ("../a.jpg", "attachment.name_separator", "路径分隔符"),
        ("..\\a.jpg", "attachment.name_separator", "路径分隔符"),
        ("a\x00.jpg", "attachment.name_invisible", "U+0000"),
        ("合同\u202egpj.exe", "attachment.name_invisible", "U+202E"),
        ("a\u200b.jpg", "attachment.name_invisible", "U+200B"),
        ("a\ufeff.jpg", "attachment.name_invisible", "U+FEFF"),
        ("\u2066a.jpg", "attachment.name_invisible", "第 1 个字符"),
        ("a\tb.jpg", "attachment.name_invisible", "U+0009"),
        ("a\nb.jpg", "attachment.name_invisible", "U+000A"),
        ("a\x1b.jpg", "attachment.name_invisible", "U+001B"),
        ("a\x7f.jpg", "attachment.name_invisible", "U+007F"),
        ("\u3164.jpg", "attachment.name_invisible", "U+3164"),
        ("bad\udcb5.jpg", "attachment.name_encoding", "编码"),
        ("x" * 300, "attachment.name_too_long", "最多 255 个字，现在 300 个"),
    ],
)
def test_odd_names_are_refused_in_words(name: str, code: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_attachment_name(name)
    assert info.value.code == code
    assert info.value.field == "name"
    assert words in info.value.message("zh")
    assert "请把文件改名" in info.value.message("zh") or code == "attachment.name_empty"


def test_the_bidi_trick_is_not_echoed_back() -> None:
    """The message names the character by code point, not by showing the trick name."""
    with pytest.raises(ValidationError) as info:
        check_attachment_name("合同\u202egpj.exe")
    assert "\u202e" not in info.value.message("zh")
    assert "第 3 个字符（U+202E）" in info.value.message("zh")


def test_sizes() -> None:
    check_attachment_size(1, "a.txt")
    check_attachment_size(MAX_ATTACHMENT_BYTES, "a.txt")
    with pytest.raises(ValidationError) as empty:
        check_attachment_size(0, "a.txt")
    assert empty.value.message("zh") == "文件“a.txt”是空的（0 字节），未添加。"
    with pytest.raises(ValidationError) as big:
        check_attachment_size(MAX_ATTACHMENT_BYTES + 1, "a.txt")
    assert big.value.message("zh") == "文件“a.txt”有 50.1 MB，超过附件上限 50 MB，未添加。"


def test_megabytes_round_up_so_over_the_limit_shows_over() -> None:
    assert megabytes(50 * 1024 * 1024) == "50 MB"
    assert megabytes(50 * 1024 * 1024 + 1) == "50.1 MB"
    assert megabytes(1) == "0.1 MB"


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ("a.gif", b"GIF89a\x01\x00", "image/gif"),
        ("a.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        ("a.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
        ("a.avif", b"\x00\x00\x00\x1cftypavif", "image/avif"),
        ("a.tif", b"II*\x00\x08\x00", "image/tiff"),
        ("a.bmp", b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00", "image/bmp"),
        ("a.pdf", b"%PDF-1.7\n", "application/pdf"),
        ("报告.docx", b"PK\x03\x04\x14\x00", DOCX),
        ("表.xlsx", b"PK\x03\x04\x14\x00", XLSX),
        ("unnamed", b"PK\x03\x04....[Content_Types].xml....word/document.xml", DOCX),
        ("unnamed", b"PK\x03\x04....xl/workbook.xml", XLSX),
        ("a.zip", b"PK\x03\x04", "application/zip"),
        ("发票.ofd", b"PK\x03\x04", "application/ofd"),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/vnd.ms-excel"),
        ("a.mp4", b"\x00\x00\x00\x20ftypisom", "video/mp4"),
        ("语音.amr", b"#!AMR\n", "audio/amr"),
        # the bytes win over the name
        ("photo.jpg", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("scan.pdf", b"\xff\xd8\xff\xdb", "image/jpeg"),
        ("image.png", b"%PDF-1.4", "application/pdf"),
        # no known bytes: the extension decides
        ("notes.TXT", b"hello", "text/plain"),
        ("名单.csv", "姓名,电话".encode("gbk"), "text/csv"),
        ("photo.JPG", b"not really", "image/jpeg"),
        ("README", b"hello", "application/octet-stream"),
        (".jpg", b"hello", "application/octet-stream"),
        ("a.exe", b"MZ\x90\x00", "application/octet-stream"),
    ],
)
def test_media_type_of(name: str, head: bytes, expected: str) -> None:
    assert media_type_of(name, head) == expected


def test_with_extension() -> None:
    assert with_extension("截图.png", "jpg") == "截图.jpg"
    assert with_extension("IMG_0001.JPG", "jpg") == "IMG_0001.JPG"
    assert with_extension("photo.jpeg", "jpg") == "photo.jpeg"
    assert with_extension("扫描件", "jpg") == "扫描件.jpg"
    long = with_extension("x" * 250 + ".tiff", "jpg")
    assert long.endswith(".jpg") and len(long) <= 255
    assert with_extension("a" * 251 + "." * 4, "png").endswith("a.png")


def test_clean_media_type_and_hash() -> None:
    assert clean_media_type(" Image/JPEG ") == "image/jpeg"
    for odd in ("", "jpeg", "a/b/c", "text/plain; charset=gbk", "图片/jpeg", "x/" + "y" * 200):
        assert clean_media_type(odd) == "application/octet-stream"
    assert is_sha256("ab" * 32)
    assert not is_sha256("AB" * 32)
    assert not is_sha256("../" + "a" * 61)
    assert not is_sha256("a" * 63)
