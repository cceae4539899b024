"""Attachments: stored files linked to visits and needs, real rows in SQLite."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from firstbatch_desk.domain.dtos.attachments import StoredFile
from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.domain.enums import AttachmentOwner, NeedCategory
from firstbatch_desk.domain.errors import NotFoundError
from firstbatch_desk.services import attachment_store, attachments
from firstbatch_desk.services.attachments import link_attachments, replace_attachments
from tests import factories
from tests.services.test_attachment_store import jpeg, refused, stored, write

VISIT, NEED = AttachmentOwner.VISIT, AttachmentOwner.NEED


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


def test_the_store_is_still_importable_from_attachments() -> None:
    for name in ("AttachmentStore", "stored_file", "TEMP_PREFIX", "CHUNK"):
        assert getattr(attachments, name) is getattr(attachment_store, name)


def test_replace_for_makes_the_attachments_exactly_these(
    services: Any, tmp_path: Path, need: Any
) -> None:
    a = services.attachments.ingest(write(tmp_path / "答复函.pdf", b"%PDF-1.4 a"))
    b = services.attachments.ingest(write(tmp_path / "清单.xlsx", b"PK\x03\x04 b"))
    rows = services.attachments.replace_for(NEED, need.row.id, [a, b])
    assert [r.original_name for r in rows] == ["答复函.pdf", "清单.xlsx"]
    assert services.attachments.get(rows[1].id) == rows[1]
    kept = services.attachments.replace_for(NEED, need.row.id, [replace(b, caption="最终版")])
    assert [(r.original_name, r.caption) for r in kept] == [("清单.xlsx", "最终版")]
    assert services.attachments.list_for(NEED, need.row.id) == kept
    with pytest.raises(NotFoundError):
        services.attachments.get(rows[0].id)  # tombstoned
    services.needs.delete_need(need.row.id)
    with pytest.raises(NotFoundError):
        services.attachments.replace_for(NEED, need.row.id, [a])
