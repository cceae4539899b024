"""The attachment store: real files into the content-addressed folder; no database rows."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from firstbatch_desk.domain.attachment_rules import MAX_ATTACHMENT_BYTES
from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.services.attachment_store import STALE_TEMP_SECONDS, TEMP_PREFIX

ORIENTATION = 0x0112
POSIX_NAMES = pytest.mark.skipif(os.name == "nt", reason="Windows has no such file names")


@pytest.fixture
def services(context: Any) -> Any:
    return context.services


@pytest.fixture
def store_dir(context: Any) -> Path:
    return context.paths.attachment_dir


def contents(directory: Path) -> list[str]:
    """Everything under the store, folders included (temporary files too)."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def stored(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    """A photo whose left half is blue and right half red, as a camera writes it."""
    image = Image.new("RGB", size, (220, 30, 30))
    image.paste((30, 30, 220), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    image.save(path, "JPEG", quality=90, exif=exif)
    return path


def png(path: Path, size: tuple[int, int], mode: str = "RGB", color: Any = (0, 128, 0)) -> Path:
    Image.new(mode, size, color).save(path, "PNG")
    return path


def refused(call: Any) -> FirstBatchError:
    with pytest.raises(FirstBatchError) as info:
        call()
    return info.value


# --- photos ---------------------------------------------------------------------------------------


def test_a_sideways_camera_photo_is_turned_upright_and_downscaled(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    source = jpeg(tmp_path / "现场照片.jpg", (4000, 3000), orientation=6)
    file = services.attachments.ingest(source, caption="车间现场")

    path = services.attachments.store.path_of(file.sha256)
    assert path == store_dir / file.sha256[:2] / file.sha256
    assert hashlib.sha256(path.read_bytes()).hexdigest() == file.sha256
    assert file.size == path.stat().st_size
    assert (file.original_name, file.media_type, file.caption) == (
        "现场照片.jpg",
        "image/jpeg",
        "车间现场",
    )
    with Image.open(path) as photo:
        assert photo.format == "JPEG"
        assert photo.size == (1536, 2048)  # portrait now
        assert ORIENTATION not in photo.getexif()  # a viewer will not turn it again
        # Orientation 6 means "turn 90° clockwise": the left (blue) half is now on top.
        top, bottom = photo.getpixel((768, 200)), photo.getpixel((768, 1850))
    assert top[2] > 150 > top[0]
    assert bottom[0] > 150 > bottom[2]
    assert stored(store_dir) == [path]


def test_an_upright_photo_just_over_the_edge_is_downscaled(services: Any, tmp_path: Path) -> None:
    file = services.attachments.ingest(jpeg(tmp_path / "a.jpeg", (3000, 1000)))
    with Image.open(services.attachments.store.path_of(file.sha256)) as photo:
        assert photo.size == (2048, 683)
    assert file.original_name == "a.jpeg"


def test_a_small_photo_is_stored_byte_for_byte(services: Any, tmp_path: Path) -> None:
    for source in (
        png(tmp_path / "logo.png", (640, 480)),
        jpeg(tmp_path / "small.jpg", (2048, 1536), orientation=1),
    ):
        file = services.attachments.ingest(source)
        path = services.attachments.store.path_of(file.sha256)
        assert path.read_bytes() == source.read_bytes()
        assert file.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert file.size == source.stat().st_size
        assert file.original_name == source.name


def test_a_small_photo_lying_on_its_side_is_still_turned(services: Any, tmp_path: Path) -> None:
    file = services.attachments.ingest(jpeg(tmp_path / "a.jpg", (400, 300), orientation=8))
    with Image.open(services.attachments.store.path_of(file.sha256)) as photo:
        assert photo.size == (300, 400)
        assert ORIENTATION not in photo.getexif()


def test_a_big_transparent_png_stays_png(services: Any, tmp_path: Path) -> None:
    image = Image.new("RGBA", (3000, 1500), (0, 0, 255, 255))
    image.paste((0, 0, 0, 0), (0, 0, 1500, 1500))
    image.save(tmp_path / "图标.png")
    file = services.attachments.ingest(tmp_path / "图标.png")
    assert (file.media_type, file.original_name) == ("image/png", "图标.png")
    with Image.open(services.attachments.store.path_of(file.sha256)) as photo:
        assert (photo.format, photo.mode, photo.size) == ("PNG", "RGBA", (2048, 1024))
        assert photo.getpixel((10, 10))[3] == 0


def test_a_big_opaque_screenshot_becomes_a_jpeg_named_so(services: Any, tmp_path: Path) -> None:
    file = services.attachments.ingest(png(tmp_path / "截图.png", (2560, 1600), "RGBA", (9, 9, 9)))
    assert (file.media_type, file.original_name) == ("image/jpeg", "截图.jpg")
    with Image.open(services.attachments.store.path_of(file.sha256)) as photo:
        assert (photo.format, photo.size) == ("JPEG", (2048, 1280))


def test_a_heic_photo_pillow_cannot_read_is_kept_as_a_file(services: Any, tmp_path: Path) -> None:
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + os.urandom(2000)
    file = services.attachments.ingest(write(tmp_path / "IMG_0001.HEIC", data))
    assert file.media_type == "image/heic"
    assert services.attachments.store.path_of(file.sha256).read_bytes() == data


# --- refusals leave nothing behind ----------------------------------------------------------------


def damaged_jpeg(tmp_path: Path) -> Path:
    return write(tmp_path / "坏照片.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x13" * 5000)


def truncated_jpeg(tmp_path: Path) -> Path:
    whole = jpeg(tmp_path / "whole.jpg", (3000, 2000)).read_bytes()
    return write(tmp_path / "半张.jpg", whole[: len(whole) // 2])


def text_named_jpg(tmp_path: Path) -> Path:
    return write(tmp_path / "照片.jpg", "这不是图片".encode())


def bomb_png(tmp_path: Path) -> Path:
    """A valid PNG whose header claims 20000 × 20000 pixels."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = struct.pack(">II", 20000, 20000) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return write(tmp_path / "bomb.png", bytes(data))


def huge_sparse(tmp_path: Path) -> Path:
    path = tmp_path / "录像.mp4"
    with path.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)
    return path


def a_folder(tmp_path: Path) -> Path:
    (tmp_path / "资料").mkdir()
    return tmp_path / "资料"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: write(d / "空白.docx", b""), "文件“空白.docx”是空的（0 字节），未添加。"),
        (huge_sparse, "文件“录像.mp4”有 50.1 MB，超过附件上限 50 MB，未添加。"),
        (a_folder, "“资料”是文件夹或特殊文件，不能作为附件"),
        (lambda d: d / "不存在.pdf", "找不到文件“不存在.pdf”"),
        (damaged_jpeg, "图片已损坏或格式不受支持：“坏照片.jpg”"),
        (truncated_jpeg, "图片已损坏或格式不受支持：“半张.jpg”"),
        (text_named_jpg, "图片已损坏或格式不受支持：“照片.jpg”"),
        (bomb_png, "图片“bomb.png”的像素数过多"),
        (lambda d: write(d / "a\u202egpj.exe", b"MZ"), "U+202E"),
        (lambda d: write(d / "a\u200b.pdf", b"%PDF"), "U+200B"),
        pytest.param(lambda d: write(d / "a\x07.pdf", b"%PDF"), "U+0007", marks=POSIX_NAMES),
        pytest.param(lambda d: write(d / "a\\b.pdf", b"%PDF"), "路径分隔符", marks=POSIX_NAMES),
        (lambda d: d / "..", "只由点或空格"),
    ],
)
def test_a_bad_file_is_refused_in_words_and_nothing_is_stored(
    services: Any, store_dir: Path, tmp_path: Path, make: Any, words: str
) -> None:
    source = make(tmp_path)
    before = contents(store_dir)
    error = refused(lambda: services.attachments.ingest(source))
    assert isinstance(error, ValidationError)
    assert words in error.message("zh")
    assert error.message("en") and error.message("en") != error.message("zh")
    assert contents(store_dir) == before


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("../../etc/passwd", "路径分隔符"),
        ("..\\..\\boot.ini", "路径分隔符"),
        ("..", "只由点或空格"),
        ("...", "只由点或空格"),
        ("a\x00.pdf", "U+0000"),
        ("a\u202e.pdf", "U+202E"),
        ("a\u200b.pdf", "U+200B"),
        ("a\x1f.pdf", "U+001F"),
        ("名" * 300, "最多 255 个字，现在 300 个"),
    ],
)
def test_names_from_outside_are_never_paths(
    services: Any, store_dir: Path, tmp_path: Path, name: str, words: str
) -> None:
    source = write(tmp_path / "ok.pdf", b"%PDF-1.4 test")
    before = contents(store_dir)
    error = refused(lambda: services.attachments.store.put(source, name=name))
    assert words in error.message("zh")
    assert contents(store_dir) == before


def test_an_unreadable_file_is_refused(services: Any, store_dir: Path, tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads any file")
    source = write(tmp_path / "机密.pdf", b"%PDF-1.4")
    source.chmod(0)
    before = contents(store_dir)
    try:
        error = refused(lambda: services.attachments.ingest(source))
    finally:
        source.chmod(0o600)
    assert "无法读取文件“机密.pdf”" in error.message("zh")
    assert contents(store_dir) == before


def test_a_bad_caption_is_refused_before_any_copying(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    source = write(tmp_path / "a.pdf", b"%PDF-1.4")
    before = contents(store_dir)
    error = refused(lambda: services.attachments.ingest(source, caption="说" * 201))
    assert "“附件说明”太长" in error.message("zh")
    assert contents(store_dir) == before


def test_a_file_of_exactly_the_limit_is_accepted(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "big.bin"
    with path.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES)
    file = services.attachments.ingest(path)
    assert file.size == MAX_ATTACHMENT_BYTES
    assert file.media_type == "application/octet-stream"
    assert [p.name for p in stored(store_dir)] == [file.sha256]


def test_dots_inside_a_name_are_just_text(services: Any, store_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "通知.docx", b"PK\x03\x04word/document.xml")
    for name in ("关于...的通知.docx", "报告..v2.pdf"):
        file = services.attachments.store.put(source, name=name)
        assert file.original_name == name
        assert [p.name for p in stored(store_dir)] == [file.sha256]


# --- leftovers of a killed process ----------------------------------------------------------------


def aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a file")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_put_sweeps_away_temporary_files_over_an_hour_old(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    store_dir.mkdir(parents=True, exist_ok=True)
    (store_dir / "ab").mkdir()
    killed = aged(store_dir / f"{TEMP_PREFIX}killed.part", STALE_TEMP_SECONDS + 60)
    running = aged(store_dir / f"{TEMP_PREFIX}running.part", STALE_TEMP_SECONDS - 600)
    # Only the store's own temporary files at its top are the sweep's business.
    other = aged(store_dir / "说明.part", 2 * STALE_TEMP_SECONDS)
    nested = aged(store_dir / "ab" / f"{TEMP_PREFIX}x.part", 2 * STALE_TEMP_SECONDS)

    file = services.attachments.store.put(write(tmp_path / "a.pdf", b"%PDF-1.4 swept"))

    assert not killed.exists()
    assert running.exists() and other.exists() and nested.exists()
    assert services.attachments.store.path_of(file.sha256) is not None
    top = sorted(p.name for p in store_dir.iterdir() if p.is_file())
    assert top == sorted([running.name, other.name])


# --- the store's layout and start-up --------------------------------------------------------------


def test_reports_find_the_photo_through_the_same_layout(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    from firstbatch_desk.services.report_data import stored_file

    file = services.attachments.ingest(png(tmp_path / "a.png", (10, 10)))
    assert stored_file(store_dir, file.sha256.upper()) == store_dir / file.sha256[:2] / file.sha256
    assert stored_file(store_dir, "../" + file.sha256[3:]) is None


def test_pillow_is_not_imported_until_a_photo_comes(tmp_path: Path) -> None:
    code = (
        "import sys, firstbatch_desk.services, firstbatch_desk.services.attachments,"
        " firstbatch_desk.services.attachment_store;"
        "assert 'PIL' not in sys.modules, 'Pillow imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path, env={**os.environ})
