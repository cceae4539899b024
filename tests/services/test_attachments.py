"""Attachments: real files into the content-addressed store, real rows in SQLite."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from firstbatch_desk.domain.attachment_rules import MAX_ATTACHMENT_BYTES
from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory
from firstbatch_desk.domain.errors import FirstBatchError, NotFoundError, ValidationError
from firstbatch_desk.services.attachments import link_attachments, replace_attachments
from tests import factories

VISIT, NEED = AttachmentOwner.VISIT, AttachmentOwner.NEED
ORIENTATION = 0x0112
POSIX_NAMES = pytest.mark.skipif(os.name == "nt", reason="Windows has no such file names")


@pytest.fixture
def services(context: Any) -> Any:
    return context.services


@pytest.fixture
def store_dir(context: Any) -> Path:
    return context.paths.attachment_dir


@pytest.fixture
def visit(services: Any) -> Any:
    return factories.visit(services, factories.recognised_case(services).row)


@pytest.fixture
def need(services: Any, visit: Any) -> Any:
    return services.needs.raise_need(
        NeedInput(visit.row.enterprise_id, NeedCategory.FINANCING, "希望对接银行", raised_on=None)
    )


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
        ("a..b.pdf", "“..”"),
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


# --- rows -----------------------------------------------------------------------------------------


def test_the_same_file_twice_is_one_stored_file_and_one_row(
    services: Any, store_dir: Path, tmp_path: Path, visit: Any
) -> None:
    source = jpeg(tmp_path / "a.jpg", (4000, 3000), orientation=6)
    first = services.attachments.ingest(source)
    again = services.attachments.ingest(source)
    assert first == again
    assert len(stored(store_dir)) == 1

    rows = services.attachments.attach(VISIT, visit.row.id, [first, again])
    assert len(rows) == 1
    repeat = services.attachments.attach(VISIT, visit.row.id, [replace(again, caption="别的")])
    assert repeat == rows
    listed = services.attachments.list_for(VISIT, visit.row.id)
    assert listed == rows
    row = listed[0]
    assert (row.owner_type, row.owner_id, row.sha256, row.size) == (
        VISIT,
        visit.row.id,
        first.sha256,
        first.size,
    )
    assert row.created_at.tzinfo is not None


def test_two_owners_share_the_bytes(
    services: Any, store_dir: Path, tmp_path: Path, visit: Any, need: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "合同.pdf", b"%PDF-1.4 contract"))
    text_file = services.attachments.ingest(write(tmp_path / "说明.txt", "说明".encode("gbk")))
    (on_visit,) = services.attachments.attach(VISIT, visit.row.id, [file])
    on_need = services.attachments.attach(NEED, need.row.id, [file, text_file])
    assert [r.sha256 for r in on_need] == [file.sha256, text_file.sha256]
    assert [r.media_type for r in on_need] == ["application/pdf", "text/plain"]
    assert len(stored(store_dir)) == 2

    services.attachments.remove(on_visit.id)
    assert services.attachments.list_for(VISIT, visit.row.id) == []
    assert services.attachments.file_path(on_need[0].id).read_bytes() == b"%PDF-1.4 contract"


def test_remove_and_restore(services: Any, tmp_path: Path, visit: Any) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    (row,) = services.attachments.attach(VISIT, visit.row.id, [file])
    services.attachments.remove(row.id)
    assert services.attachments.list_for(VISIT, visit.row.id) == []
    assert services.attachments.store.path_of(file.sha256) is not None  # bytes stay
    with pytest.raises(NotFoundError):
        services.attachments.file_path(row.id)
    with pytest.raises(NotFoundError):
        services.attachments.remove(row.id)

    assert services.attachments.restore(row.id) == row
    assert services.attachments.list_for(VISIT, visit.row.id) == [row]
    assert services.attachments.file_path(row.id).read_bytes() == b"%PDF-1.4"


def test_restore_after_the_same_file_was_attached_again_keeps_one_row(
    services: Any, tmp_path: Path, visit: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    (old,) = services.attachments.attach(VISIT, visit.row.id, [file])
    services.attachments.remove(old.id)
    (new,) = services.attachments.attach(VISIT, visit.row.id, [file])
    assert new.id != old.id
    assert services.attachments.restore(old.id) == new
    assert services.attachments.list_for(VISIT, visit.row.id) == [new]


def test_set_caption(services: Any, tmp_path: Path, visit: Any) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    (row,) = services.attachments.attach(VISIT, visit.row.id, [file])
    changed = services.attachments.set_caption(row.id, "  签字页  ")
    assert changed.caption == "签字页"
    assert services.attachments.list_for(VISIT, visit.row.id)[0].caption == "签字页"
    error = refused(lambda: services.attachments.set_caption(row.id, "a\u202eb"))
    assert "控制字符" in error.message("zh")


def test_file_path_says_so_when_the_bytes_are_gone(
    services: Any, tmp_path: Path, visit: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "签字表.pdf", b"%PDF-1.4 signed"))
    (row,) = services.attachments.attach(VISIT, visit.row.id, [file])
    path = services.attachments.file_path(row.id)
    path.write_bytes(b"%PDF")
    error = refused(lambda: services.attachments.file_path(row.id))
    assert "附件“签字表.pdf”的文件已损坏" in error.message("zh")
    path.unlink()
    error = refused(lambda: services.attachments.file_path(row.id))
    assert isinstance(error, NotFoundError)
    assert "附件“签字表.pdf”的文件在附件目录中找不到" in error.message("zh")


def test_attaching_to_a_deleted_or_unknown_owner_is_refused(
    services: Any, tmp_path: Path, visit: Any, need: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    services.visits.delete_visit(visit.row.id)
    error = refused(lambda: services.attachments.attach(VISIT, visit.row.id, [file]))
    assert isinstance(error, NotFoundError)
    assert "找不到走访记录" in error.message("zh")
    error = refused(lambda: services.attachments.attach(VISIT, need.row.id, [file]))
    assert "找不到走访记录" in error.message("zh")  # a need's id is not a visit
    assert services.attachments.list_for(VISIT, visit.row.id) == []


def test_restoring_an_attachment_of_a_deleted_visit_is_refused(
    services: Any, tmp_path: Path, visit: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    (row,) = services.attachments.attach(VISIT, visit.row.id, [file])
    services.attachments.remove(row.id)
    services.visits.delete_visit(visit.row.id)
    assert "找不到走访记录" in refused(lambda: services.attachments.restore(row.id)).message()


def test_a_file_that_is_not_in_the_store_is_not_attached(
    services: Any, tmp_path: Path, visit: Any
) -> None:
    file = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4"))
    other = services.attachments.ingest(write(tmp_path / "b.pdf", b"%PDF-1.4 b"))
    ghosts = [
        StoredFile("0" * 64, "幽灵.pdf", "application/pdf", 10),
        StoredFile("../" * 21 + "x", "幽灵.pdf", "application/pdf", 10),
        replace(file, size=file.size + 1),
    ]
    for ghost in ghosts:
        error = refused(
            lambda g=ghost: services.attachments.attach(VISIT, visit.row.id, [other, g])
        )
        assert "的文件不在附件目录中" in error.message("zh")
    assert services.attachments.list_for(VISIT, visit.row.id) == []  # all or nothing
    bad_name = replace(file, original_name="a/b.pdf")
    assert "路径分隔符" in refused(
        lambda: services.attachments.attach(VISIT, visit.row.id, [bad_name])
    ).message("zh")


def test_link_and_replace_run_in_the_callers_transaction(
    context: Any, services: Any, tmp_path: Path, visit: Any
) -> None:
    a = services.attachments.ingest(write(tmp_path / "a.pdf", b"%PDF-1.4 a"))
    b = services.attachments.ingest(write(tmp_path / "b.pdf", b"%PDF-1.4 b"))
    with context.session_factory.begin() as session:
        link_attachments(session, VISIT, visit.row.id, [a, a])
    assert [r.sha256 for r in services.attachments.list_for(VISIT, visit.row.id)] == [a.sha256]

    with context.session_factory.begin() as session:
        replace_attachments(session, VISIT, visit.row.id, [replace(a, caption="新说明"), b])
    rows = services.attachments.list_for(VISIT, visit.row.id)
    assert [(r.sha256, r.caption) for r in rows] == [(a.sha256, "新说明"), (b.sha256, "")]

    with context.session_factory.begin() as session:
        replace_attachments(session, VISIT, visit.row.id, [b])
    assert [r.sha256 for r in services.attachments.list_for(VISIT, visit.row.id)] == [b.sha256]


def test_reports_find_the_photo_through_the_same_layout(
    services: Any, store_dir: Path, tmp_path: Path
) -> None:
    from firstbatch_desk.services.report_data import stored_file

    file = services.attachments.ingest(png(tmp_path / "a.png", (10, 10)))
    assert stored_file(store_dir, file.sha256.upper()) == store_dir / file.sha256[:2] / file.sha256
    assert stored_file(store_dir, "../" + file.sha256[3:]) is None


def test_pillow_is_not_imported_until_a_photo_comes(tmp_path: Path) -> None:
    code = (
        "import sys, firstbatch_desk.services, firstbatch_desk.services.attachments;"
        "assert 'PIL' not in sys.modules, 'Pillow imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path, env={**os.environ})
